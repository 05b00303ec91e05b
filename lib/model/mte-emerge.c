/* metaethno: the eMERGe reporting items and the team's text for each.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"
#include "mte-error-private.h"

#include <string.h>

typedef struct {
  const char *key;
  const char *title;
  guint       phase;
} EmergeItem;

/* France et al. 2019, BMC Med Res Methodol 19:25, Table 1. */
static const EmergeItem items[MTE_EMERGE_N_ITEMS + 1] = {
  [MTE_EMERGE_RATIONALE] = { "rationale", "Rationale and context for the meta-ethnography", 1 },
  [MTE_EMERGE_AIM] = { "aim", "Aim(s) of the meta-ethnography", 1 },
  [MTE_EMERGE_FOCUS] = { "focus", "Focus of the meta-ethnography", 1 },
  [MTE_EMERGE_WHY_META_ETHNOGRAPHY] = { "why-meta-ethnography",
                                        "Rationale for using meta-ethnography", 1 },
  [MTE_EMERGE_SEARCH_STRATEGY] = { "search-strategy", "Search strategy", 2 },
  [MTE_EMERGE_SEARCH_PROCESS] = { "search-process", "Search processes", 2 },
  [MTE_EMERGE_SELECTION] = { "selection", "Selecting primary studies", 2 },
  [MTE_EMERGE_SELECTION_OUTCOME] = { "selection-outcome", "Outcome of study selection", 2 },
  [MTE_EMERGE_READING] = { "reading", "Reading and data extraction approach", 3 },
  [MTE_EMERGE_STUDY_CHARACTERISTICS] = { "study-characteristics",
                                         "Presenting characteristics of included studies", 3 },
  [MTE_EMERGE_RELATING_PROCESS] = { "relating-process",
                                    "Process for determining how studies are related", 4 },
  [MTE_EMERGE_RELATING_OUTCOME] = { "relating-outcome", "Outcome of relating studies", 4 },
  [MTE_EMERGE_TRANSLATION_PROCESS] = { "translation-process", "Process of translating studies", 5 },
  [MTE_EMERGE_TRANSLATION_OUTCOME] = { "translation-outcome", "Outcome of translation", 5 },
  [MTE_EMERGE_SYNTHESIS_PROCESS] = { "synthesis-process", "Synthesis of translations", 6 },
  [MTE_EMERGE_SYNTHESIS_OUTCOME] = { "synthesis-outcome", "Outcome of synthesis process", 6 },
  [MTE_EMERGE_SUMMARY] = { "summary", "Summary of findings", 7 },
  [MTE_EMERGE_STRENGTHS_LIMITATIONS] = { "strengths-limitations",
                                         "Strengths, limitations, and reflexivity", 7 },
  [MTE_EMERGE_RECOMMENDATIONS] = { "recommendations", "Recommendations and conclusions", 7 },
};

static gboolean
valid_item (MteEmergeItem item)
{
  return (guint) item >= 1 && (guint) item <= MTE_EMERGE_N_ITEMS;
}

const char *
mte_emerge_item_to_string (MteEmergeItem item)
{
  return valid_item (item) ? items[item].key : NULL;
}

int
mte_emerge_item_from_string (const char *name)
{
  if (name == NULL || *name == '\0')
    return -1;
  if (strspn (name, "0123456789") == strlen (name))
    {
      guint64 n = 0;

      if (strlen (name) > 2 || !g_ascii_string_to_unsigned (name, 10, 1, MTE_EMERGE_N_ITEMS, &n, NULL))
        return -1;
      return (int) n;
    }
  for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
    if (strcmp (items[i].key, name) == 0)
      return i;
  return -1;
}

const char *
mte_emerge_item_get_title (MteEmergeItem item)
{
  return valid_item (item) ? items[item].title : NULL;
}

guint
mte_emerge_item_get_phase (MteEmergeItem item)
{
  return valid_item (item) ? items[item].phase : 0;
}

const char *
mte_project_get_emerge_text (const MteProject *project,
                             MteEmergeItem     item)
{
  g_return_val_if_fail (project != NULL, NULL);
  return valid_item (item) ? project->emerge[item] : NULL;
}

gboolean
mte_project_set_emerge_text (MteProject     *project,
                             MteEmergeItem   item,
                             const char     *text,
                             GError        **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  if (!valid_item (item))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "%d is not an eMERGe item (1 to %d)", (int) item, MTE_EMERGE_N_ITEMS);
      return FALSE;
    }
  what = g_strdup_printf ("eMERGe %s text", items[item].key);
  return mte_set_string (project, &project->emerge[item], text, TRUE, what, error);
}
