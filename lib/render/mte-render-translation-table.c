/* metaethno: the translation table as a report.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

static const char *const cell_words[] = {
  [MTE_CELL_ABSENT] = "absent",
  [MTE_CELL_EXPRESSES] = "expresses",
  [MTE_CELL_REFUTES] = "refutes",
  [MTE_CELL_EXPRESSES_AND_REFUTES] = "both",
};

static const char *const cell_symbols[] = {
  [MTE_CELL_ABSENT] = "·",
  [MTE_CELL_EXPRESSES] = "✓",
  [MTE_CELL_REFUTES] = "✗",
  [MTE_CELL_EXPRESSES_AND_REFUTES] = "±",
};

static const char *
first_study (const MteTranslationTable *t,
             guint                      row)
{
  int column = mte_translation_table_get_first_column (t, row);

  return column >= 0 ? mte_study_get_id (mte_translation_table_get_study (t, (guint) column)) : NULL;
}

typedef struct {
  const MteTranslationTable *t;
  gboolean                   csv;
} TableRows;

static void
fill_row (MteTable *table,
          gsize     row,
          gpointer  user_data)
{
  const TableRows *rows = user_data;
  const MteTranslationTable *t = rows->t;
  guint r = (guint) row, n_studies = mte_translation_table_get_n_studies (t);
  MteConcept *concept = mte_translation_table_get_concept (t, r);
  const char *first = first_study (t, r);
  gboolean csv = rows->csv;

  if (csv)
    mte_table_add_cell (table, mte_concept_get_id (concept));
  mte_table_add_cell (table, mte_concept_get_label (concept));
  mte_table_add_cell (table, first != NULL ? first : (csv ? "" : "-"));
  for (guint c = 0; c < n_studies; c++)
    {
      MteCellState state = mte_translation_table_get_cell (t, r, c);

      if ((guint) state >= G_N_ELEMENTS (cell_words))
        state = MTE_CELL_ABSENT;
      if (csv)
        mte_table_add_cell (table, state == MTE_CELL_ABSENT ? "" : cell_words[state]);
      else
        mte_table_add_cell (table, cell_symbols[state]);
    }
}

/* The table, the legend and the excluded studies, row by row into
 * @sink. */
static void
write_table (const MteTranslationTable *t,
             MteReportFormat            format,
             MteSink                   *sink)
{
  g_autoptr (MteTable) table = mte_table_new ();
  guint n_studies = mte_translation_table_get_n_studies (t);
  TableRows rows = { t, format == MTE_REPORT_CSV };

  if (rows.csv)
    mte_table_add_column (table, "concept_id", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "concept", MTE_ALIGN_LEFT);
  mte_table_add_column (table, rows.csv ? "first_study" : "first", MTE_ALIGN_LEFT);
  for (guint c = 0; c < n_studies; c++)
    mte_table_add_column (table, mte_study_get_id (mte_translation_table_get_study (t, c)), MTE_ALIGN_LEFT);
  mte_table_set_rows (table, mte_translation_table_get_n_concepts (t), fill_row, &rows);
  mte_table_write (table, format, NULL, sink);
  if (!rows.csv)
    g_string_append (sink->out, "\nLegend: ✓ expresses, ✗ refutes, ± both, · absent\n");
  mte_render_append_order (sink->out, mte_translation_table_get_project (t),
                           mte_translation_table_get_order (t), format);
  mte_render_append_excluded (sink->out, mte_translation_table_get_project (t), format);
}

static char *
render_table (const MteTranslationTable *t,
              MteReportFormat            format)
{
  MteSink sink = { g_string_new (NULL), NULL, NULL, NULL };

  write_table (t, format, &sink);
  return g_string_free (sink.out, FALSE);
}

static char *
render_json (const MteTranslationTable *t)
{
  MteJsonWriter *w = mte_json_writer_new ();
  guint n_studies = mte_translation_table_get_n_studies (t);

  mte_json_begin_object (w);
  mte_json_member_string (w, "order", mte_study_order_to_string (mte_translation_table_get_order (t)));
  mte_json_key (w, "studies");
  mte_json_begin_array (w);
  for (guint c = 0; c < n_studies; c++)
    mte_json_string (w, mte_study_get_id (mte_translation_table_get_study (t, c)));
  mte_json_end_array (w);

  mte_json_key (w, "concepts");
  mte_json_begin_array (w);
  for (guint r = 0; r < mte_translation_table_get_n_concepts (t); r++)
    {
      MteConcept *concept = mte_translation_table_get_concept (t, r);

      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_concept_get_id (concept));
      mte_json_member_string (w, "label", mte_concept_get_label (concept));
      mte_json_member_string (w, "first_study", first_study (t, r));
      mte_json_key (w, "cells");
      mte_json_begin_array (w);
      for (guint c = 0; c < n_studies; c++)
        {
          MteCellState state = mte_translation_table_get_cell (t, r, c);

          mte_json_string (w, (guint) state < G_N_ELEMENTS (cell_words) ? cell_words[state] : "absent");
        }
      mte_json_end_array (w);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_render_order_json (w, mte_translation_table_get_project (t), mte_translation_table_get_order (t));
  mte_render_excluded_json (w, mte_translation_table_get_project (t));
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

char *
mte_translation_table_render (const MteTranslationTable *table,
                              MteReportFormat            format,
                              GError                   **error)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case MTE_REPORT_TEXT:
    case MTE_REPORT_CSV:
    case MTE_REPORT_MARKDOWN:
      return render_table (table, format);
    case MTE_REPORT_JSON:
      return render_json (table);
    case MTE_REPORT_DOT:
    default:
      return mte_render_unsupported ("translation table", format, error);
    }
}

gboolean
mte_translation_table_render_to_fd (const MteTranslationTable *table,
                                    MteReportFormat            format,
                                    int                        fd,
                                    GError                   **error)
{
  MteSink sink;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != MTE_REPORT_TEXT && format != MTE_REPORT_CSV && format != MTE_REPORT_MARKDOWN)
    {
      g_autofree char *text = mte_translation_table_render (table, format, error);

      return text != NULL && mte_render_write_fd (fd, text, error);
    }
  mte_sink_init_fd (&sink, &fd);
  write_table (table, format, &sink);
  return mte_sink_finish (&sink, error);
}
