/* metaethno: study orders and the choice of an index study.
 *
 * Model vocabulary, not an analysis: the translation session and the
 * file format name orders, and the grid, relatedness and translation
 * table lay their columns out by one (mte-study-order-private.h).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-study-order-private.h"
#include "mte-sort-private.h"

#include <string.h>

static const char *const order_names[] = {
  [MTE_STUDY_ORDER_PROJECT] = "project",
  [MTE_STUDY_ORDER_CHRONOLOGICAL] = "chronological",
  [MTE_STUDY_ORDER_INDEX] = "index",
  [MTE_STUDY_ORDER_CUSTOM] = "custom",
};

const char *
mte_study_order_to_string (MteStudyOrder order)
{
  return (guint) order < G_N_ELEMENTS (order_names) ? order_names[order] : NULL;
}

int
mte_study_order_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  for (guint i = 0; i < G_N_ELEMENTS (order_names); i++)
    if (strcmp (order_names[i], name) == 0)
      return (int) i;
  return -1;
}

static guint
year_key (const MteStudy *study)
{
  /* Studies without a year go after every dated one. */
  return study->year > 0 ? (guint) study->year : G_MAXUINT;
}

/* Study orders sort each study once by one key, (primary << 32) |
 * secondary, smaller first; ties keep project order, which makes every
 * order total and stable. The item is the study's project index, so the
 * columns come from the sort without reading the studies again. */
MteStudy **
mte_study_order_new (const MteProject *project,
                     MteStudyOrder     order,
                     guint            *n_studies,
                     guint           **columns)
{
  guint n;
  MteKeyed *keys;
  MteStudy **result;
  gboolean any_index = FALSE;
  MteStudy *suggested = NULL;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail ((guint) order < G_N_ELEMENTS (order_names), NULL);

  keys = g_new (MteKeyed, project->studies->len + 1);
  if (order == MTE_STUDY_ORDER_INDEX)
    {
      for (guint i = 0; i < project->studies->len && !any_index; i++)
        {
          MteStudy *study = g_ptr_array_index (project->studies, i);
          any_index = study->index_study && !mte_study_excluded (study);
        }
      if (!any_index)
        suggested = mte_project_suggest_index_study (project);
    }

  /* Excluded studies have left the review: every order leaves them out. */
  n = 0;
  for (guint i = 0; i < project->studies->len; i++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, i);
      guint64 primary = 0, secondary = 0;

      if (mte_study_excluded (study))
        continue;
      switch (order)
        {
        case MTE_STUDY_ORDER_PROJECT:
          break;
        case MTE_STUDY_ORDER_CHRONOLOGICAL:
          primary = year_key (study);
          break;
        case MTE_STUDY_ORDER_INDEX:
          primary = (any_index ? study->index_study : study == suggested) ? 0 : 1;
          secondary = year_key (study);
          break;
        case MTE_STUDY_ORDER_CUSTOM:
          primary = study->position > 0 ? study->position : G_MAXUINT;
          break;
        default:
          g_assert_not_reached ();
        }
      keys[n].key = primary << 32 | secondary;
      keys[n].item = GUINT_TO_POINTER (i);
      n++;
    }
  mte_keyed_sort (keys, n, NULL);

  result = g_new (MteStudy *, n + 1);
  for (guint i = 0; i < n; i++)
    result[i] = g_ptr_array_index (project->studies, GPOINTER_TO_UINT (keys[i].item));
  result[n] = NULL;
  if (columns != NULL)
    {
      *columns = g_new (guint, project->studies->len + 1);
      for (guint i = 0; i < project->studies->len; i++)
        (*columns)[i] = MTE_COLUMN_LEFT_OUT;
      for (guint i = 0; i < n; i++)
        (*columns)[GPOINTER_TO_UINT (keys[i].item)] = i;
    }
  g_free (keys);
  if (n_studies != NULL)
    *n_studies = n;
  return result;
}

MteStudy **
mte_project_dup_study_order (const MteProject *project,
                             MteStudyOrder     order,
                             guint            *n_studies)
{
  return mte_study_order_new (project, order, n_studies, NULL);
}

MteStudy *
mte_project_suggest_index_study (const MteProject *project)
{
  g_autofree guint *n_concepts_of = NULL;   /* by study index */
  g_autofree guint *last_concept = NULL;    /* by study index: concept + 1 */
  MteStudy *best = NULL;
  guint best_concepts = 0, best_second = 0, best_first = 0;

  g_return_val_if_fail (project != NULL, NULL);

  /* Distinct concepts per study: a study's expressions of one concept
   * come together in the walk, so remembering the last one counted is
   * enough. */
  n_concepts_of = g_new0 (guint, project->studies->len + 1);
  last_concept = g_new0 (guint, project->studies->len + 1);
  for (guint i = 0; i < project->concepts->len; i++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, i);

      for (guint e = 0; e < mte_construct_list_len (concept->expressions); e++)
        {
          guint s = concept->expressions->items[e].study;

          if (mte_study_excluded (concept->expressions->items[e].construct->study))
            continue;
          if (last_concept[s] != i + 1)
            {
              last_concept[s] = i + 1;
              n_concepts_of[s]++;
            }
        }
    }

  /* The tie-breakers need a study's constructs, so only the studies that
   * express the most concepts are counted: a large review then reads a
   * few studies' constructs instead of all of them. */
  for (guint i = 0; i < project->studies->len; i++)
    best_concepts = MAX (best_concepts, n_concepts_of[i]);
  for (guint i = 0; i < project->studies->len; i++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, i);
      guint n_second = 0, n_first = 0;

      if (n_concepts_of[i] != best_concepts || mte_study_excluded (study))
        continue;
      for (guint c = 0; c < study->constructs->len; c++)
        {
          MteConstruct *construct = g_ptr_array_index (study->constructs, c);

          if (construct->order == MTE_CONSTRUCT_SECOND_ORDER)
            n_second++;
          else
            n_first++;
        }
      if (best == NULL || n_second > best_second ||
          (n_second == best_second && n_first > best_first))
        {
          best = study;
          best_second = n_second;
          best_first = n_first;
        }
    }
  return best;
}
