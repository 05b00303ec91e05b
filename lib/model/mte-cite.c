/* mte-cite.c: the short author-year citation of a study ("Okonkwo-Reid et
 * al. 2014"), as the review report and the REFI-QDA export name studies.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "mte-model-private.h"

/* The family name of "Family, Given" (or the whole name without a comma). */
static char *
family_name (const char *author)
{
  const char *comma = strchr (author, ',');
  char *family = comma != NULL ? g_strndup (author, (gsize) (comma - author)) : g_strdup (author);

  return g_strstrip (family);
}

/* "Smith 2003", "Smith and Jones 2003", "Smith et al. 2003" from three
 * authors, "n.d." without a year; the title (else the id) without
 * authors. */
static char *
citation_base (const MteStudy *study)
{
  const char * const *authors = mte_study_get_authors (study);
  guint n = authors != NULL ? g_strv_length ((char **) authors) : 0;
  int year = mte_study_get_year (study);
  g_autofree char *who = NULL;
  g_autofree char *when = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("n.d.");

  if (n == 0)
    {
      const char *title = mte_study_get_field (study, MTE_STUDY_TITLE);

      who = g_strdup (title != NULL && *title != '\0' ? title : mte_study_get_id (study));
    }
  else if (n == 1)
    who = family_name (authors[0]);
  else if (n == 2)
    {
      g_autofree char *a = family_name (authors[0]);
      g_autofree char *b = family_name (authors[1]);

      who = g_strdup_printf ("%s and %s", a, b);
    }
  else
    {
      g_autofree char *a = family_name (authors[0]);

      who = g_strdup_printf ("%s et al.", a);
    }
  return g_strdup_printf ("%s %s", who, when);
}

GHashTable *
mte_study_citations_new (MteStudy * const *studies,
                         guint             n)
{
  GHashTable *citations = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) base = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      char *b = citation_base (studies[i]);
      guint same = GPOINTER_TO_UINT (g_hash_table_lookup (seen, b));

      g_hash_table_insert (seen, g_strdup (b), GUINT_TO_POINTER (same + 1));
      g_ptr_array_add (base, b);
    }
  for (guint i = 0; i < n; i++)
    {
      const char *b = g_ptr_array_index (base, i);
      char *citation;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (seen, b)) > 1)
        {
          guint k = GPOINTER_TO_UINT (g_hash_table_lookup (used, b));

          g_hash_table_insert (used, g_strdup (b), GUINT_TO_POINTER (k + 1));
          citation = k < 26 ? g_strdup_printf ("%s%c", b, 'a' + k)
                            : g_strdup_printf ("%s (%s)", b, mte_study_get_id (studies[i]));
        }
      else
        citation = g_strdup (b);
      g_hash_table_insert (citations, studies[i], citation);
    }
  return citations;
}
