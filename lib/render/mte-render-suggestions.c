/* metaethno: suggested groupings of concepts as a report.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

static char *
concept_labels (const MteSuggestions *s,
                guint                 index)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mte_suggestions_get_n_concepts (s, index); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "; " : "",
                            mte_concept_get_label (mte_suggestions_get_concept (s, index, i)));
  return g_string_free (out, FALSE);
}

static char *
render_table (const MteSuggestions *s,
              MteReportFormat       format)
{
  g_autoptr (MteTable) table = mte_table_new ();
  guint n = mte_suggestions_get_n (s);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u suggested %s of concepts (for the team to judge; nothing is recorded)\n",
                          n, n == 1 ? "grouping" : "groupings");
  if (n == 0)
    return g_string_free (out, FALSE);
  g_string_append_c (out, '\n');
  mte_table_add_column (table, "#", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "concepts", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "affinity", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "studies", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "translations", MTE_ALIGN_RIGHT);
  for (guint i = 0; i < n; i++)
    {
      char buf[MTE_RENDER_NUMBER_SIZE];

      mte_table_begin_row (table);
      mte_table_add_cell_uint (table, i + 1);
      mte_table_add_cell_take (table, concept_labels (s, i));
      mte_table_add_cell (table, mte_render_fixed (buf, 2, mte_suggestions_get_affinity (s, i)));
      mte_table_add_cell_uint (table, mte_suggestions_get_n_studies (s, i));
      mte_table_add_cell_uint (table, mte_suggestions_get_n_translations (s, i));
    }
  mte_table_render (table, format, NULL, out);
  return g_string_free (out, FALSE);
}

static char *
render_json (const MteSuggestions *s)
{
  MteJsonWriter *w = mte_json_writer_new ();

  mte_json_begin_object (w);
  mte_json_key (w, "suggestions");
  mte_json_begin_array (w);
  for (guint i = 0; i < mte_suggestions_get_n (s); i++)
    {
      mte_json_begin_object (w);
      mte_json_member_uint (w, "rank", i + 1);
      mte_json_key (w, "concepts");
      mte_json_begin_array (w);
      for (guint k = 0; k < mte_suggestions_get_n_concepts (s, i); k++)
        {
          MteConcept *concept = mte_suggestions_get_concept (s, i, k);

          mte_json_begin_object (w);
          mte_json_member_string (w, "id", mte_concept_get_id (concept));
          mte_json_member_string (w, "label", mte_concept_get_label (concept));
          mte_json_end_object (w);
        }
      mte_json_end_array (w);
      mte_json_member_double (w, "affinity", mte_suggestions_get_affinity (s, i));
      mte_json_member_uint (w, "studies", mte_suggestions_get_n_studies (s, i));
      mte_json_member_uint (w, "translations", mte_suggestions_get_n_translations (s, i));
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_render_excluded_json (w, mte_suggestions_get_project (s));
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

char *
mte_suggestions_render (const MteSuggestions *suggestions,
                        MteReportFormat       format,
                        GError              **error)
{
  g_return_val_if_fail (suggestions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case MTE_REPORT_TEXT:
    case MTE_REPORT_MARKDOWN:
      return mte_render_add_excluded (render_table (suggestions, format), mte_suggestions_get_project (suggestions), format);
    case MTE_REPORT_JSON:
      return render_json (suggestions);
    case MTE_REPORT_CSV:
    case MTE_REPORT_DOT:
    default:
      return mte_render_unsupported ("list of suggestions", format, error);
    }
}
