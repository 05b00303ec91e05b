/* metaethno: the concept × study grid as a report.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

static char *
cell_text (const MteGrid *grid,
           guint          row,
           guint          column)
{
  guint n = mte_grid_get_n_cell_constructs (grid, row, column);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, mte_render_construct_name (mte_grid_get_cell_construct (grid, row, column, i)));
    }
  return g_string_free (s, FALSE);
}

typedef struct {
  const MteGrid *grid;
  gboolean       csv;
} GridRows;

static void
fill_row (MteTable *table,
          gsize     row,
          gpointer  user_data)
{
  const GridRows *rows = user_data;
  guint r = (guint) row;
  MteConcept *concept = mte_grid_get_concept (rows->grid, r);
  guint n_studies = mte_grid_get_n_studies (rows->grid);

  if (rows->csv)
    mte_table_add_cell (table, mte_concept_get_id (concept));
  mte_table_add_cell (table, mte_concept_get_label (concept));
  if (!rows->csv)
    mte_table_add_cell_uint (table, mte_grid_get_concept_study_count (rows->grid, r));
  for (guint c = 0; c < n_studies; c++)
    mte_table_add_cell_take (table, cell_text (rows->grid, r, c));
}

/* The table and the excluded studies, row by row into @sink. */
static void
write_table (const MteGrid  *grid,
             MteReportFormat format,
             MteSink        *sink)
{
  g_autoptr (MteTable) table = mte_table_new ();
  guint n_studies = mte_grid_get_n_studies (grid);
  GridRows rows = { grid, format == MTE_REPORT_CSV };

  if (rows.csv)
    mte_table_add_column (table, "concept_id", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "concept", MTE_ALIGN_LEFT);
  if (!rows.csv)
    mte_table_add_column (table, "studies", MTE_ALIGN_RIGHT);
  for (guint c = 0; c < n_studies; c++)
    mte_table_add_column (table, mte_study_get_id (mte_grid_get_study (grid, c)), MTE_ALIGN_LEFT);
  mte_table_set_rows (table, mte_grid_get_n_concepts (grid), fill_row, &rows);
  mte_table_write (table, format, NULL, sink);
  mte_render_append_order (sink->out, mte_grid_get_project (grid), mte_grid_get_order (grid), format);
  mte_render_append_excluded (sink->out, mte_grid_get_project (grid), format);
}

static char *
render_table (const MteGrid  *grid,
              MteReportFormat format)
{
  MteSink sink = { g_string_new (NULL), NULL, NULL, NULL };

  write_table (grid, format, &sink);
  return g_string_free (sink.out, FALSE);
}

static void
json_construct (MteJsonWriter *w,
                MteConstruct  *construct)
{
  guint n_quotes = mte_construct_get_n_groundings (construct);

  mte_json_begin_object (w);
  mte_json_member_string (w, "id", mte_construct_get_id (construct));
  mte_json_member_string (w, "label", mte_construct_get_label (construct));
  mte_json_member_string (w, "text", mte_construct_get_text (construct));
  mte_json_key (w, "quotes");
  mte_json_begin_array (w);
  for (guint q = 0; q < n_quotes; q++)
    {
      MteConstruct *quote = mte_construct_get_grounding (construct, q);

      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_construct_get_id (quote));
      mte_json_member_string (w, "text", mte_construct_get_text (quote));
      mte_json_member_string (w, "speaker", mte_construct_get_speaker (quote));
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_json_end_object (w);
}

static char *
render_json (const MteGrid *grid)
{
  MteJsonWriter *w = mte_json_writer_new ();
  guint n_studies = mte_grid_get_n_studies (grid);

  mte_json_begin_object (w);
  mte_json_member_string (w, "order", mte_study_order_to_string (mte_grid_get_order (grid)));
  mte_json_key (w, "studies");
  mte_json_begin_array (w);
  for (guint c = 0; c < n_studies; c++)
    mte_json_string (w, mte_study_get_id (mte_grid_get_study (grid, c)));
  mte_json_end_array (w);

  mte_json_key (w, "concepts");
  mte_json_begin_array (w);
  for (guint r = 0; r < mte_grid_get_n_concepts (grid); r++)
    {
      MteConcept *concept = mte_grid_get_concept (grid, r);

      mte_json_begin_object (w);
      mte_json_member_string (w, "id", mte_concept_get_id (concept));
      mte_json_member_string (w, "label", mte_concept_get_label (concept));
      mte_json_member_uint (w, "studies", mte_grid_get_concept_study_count (grid, r));
      mte_json_key (w, "cells");
      mte_json_begin_array (w);
      for (guint c = 0; c < n_studies; c++)
        {
          guint n = mte_grid_get_n_cell_constructs (grid, r, c);

          if (n == 0)
            continue;
          mte_json_begin_object (w);
          mte_json_member_string (w, "study", mte_study_get_id (mte_grid_get_study (grid, c)));
          mte_json_key (w, "constructs");
          mte_json_begin_array (w);
          for (guint i = 0; i < n; i++)
            json_construct (w, mte_grid_get_cell_construct (grid, r, c, i));
          mte_json_end_array (w);
          mte_json_end_object (w);
        }
      mte_json_end_array (w);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_render_order_json (w, mte_grid_get_project (grid), mte_grid_get_order (grid));
  mte_render_excluded_json (w, mte_grid_get_project (grid));
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

char *
mte_grid_render (const MteGrid  *grid,
                 MteReportFormat format,
                 GError        **error)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case MTE_REPORT_TEXT:
    case MTE_REPORT_CSV:
    case MTE_REPORT_MARKDOWN:
      return render_table (grid, format);
    case MTE_REPORT_JSON:
      return render_json (grid);
    case MTE_REPORT_DOT:
    default:
      return mte_render_unsupported ("grid", format, error);
    }
}

gboolean
mte_grid_render_to_fd (const MteGrid  *grid,
                       MteReportFormat format,
                       int             fd,
                       GError        **error)
{
  MteSink sink;

  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != MTE_REPORT_TEXT && format != MTE_REPORT_CSV && format != MTE_REPORT_MARKDOWN)
    {
      g_autofree char *text = mte_grid_render (grid, format, error);

      return text != NULL && mte_render_write_fd (fd, text, error);
    }
  mte_sink_init_fd (&sink, &fd);
  write_table (grid, format, &sink);
  return mte_sink_finish (&sink, error);
}
