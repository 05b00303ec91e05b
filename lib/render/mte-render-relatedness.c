/* metaethno: relatedness (shared concepts, Jaccard, clusters) as a report.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

static const char *
study_id (const MteRelatedness *r,
          guint                 i)
{
  return mte_study_get_id (mte_relatedness_get_study (r, i));
}

/* The studies of each cluster, as "S1, S2". */
static char *
cluster_members (const MteRelatedness *r,
                 guint                 cluster)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mte_relatedness_get_n_studies (r); i++)
    if (mte_relatedness_get_cluster (r, i) == cluster)
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, study_id (r, i));
      }
  return g_string_free (s, FALSE);
}

static void
fill_matrix_row (MteTable *table,
                 gsize     row,
                 gpointer  user_data)
{
  const MteRelatedness *r = user_data;
  guint n = mte_relatedness_get_n_studies (r), a = (guint) row;

  mte_table_add_cell (table, study_id (r, a));
  for (guint b = 0; b < n; b++)
    {
      char buf[MTE_RENDER_NUMBER_SIZE];

      mte_table_add_cell_printf (table, "%u (%s)", mte_relatedness_get_shared (r, a, b),
                                 mte_render_fixed (buf, 2, mte_relatedness_get_jaccard (r, a, b)));
    }
}

/* Text and Markdown: the matrix, the clusters and the excluded studies,
 * row by row into @sink. */
static void
write_matrix (const MteRelatedness *r,
              MteReportFormat       format,
              MteSink              *sink)
{
  g_autoptr (MteTable) table = mte_table_new ();
  guint n = mte_relatedness_get_n_studies (r);
  gboolean markdown = format == MTE_REPORT_MARKDOWN;
  GString *out = sink->out;

  g_string_append (out, markdown ? "Shared key concepts (Jaccard similarity):\n\n"
                                 : "Shared key concepts (Jaccard similarity)\n\n");
  mte_table_add_column (table, "study", MTE_ALIGN_LEFT);
  for (guint b = 0; b < n; b++)
    mte_table_add_column (table, study_id (r, b), MTE_ALIGN_RIGHT);
  mte_table_set_rows (table, n, fill_matrix_row, (gpointer) r);
  mte_table_write (table, format, NULL, sink);

  g_string_append (out, markdown ? "\nClusters:\n\n" : "\nClusters\n");
  for (guint k = 0; k < mte_relatedness_get_n_clusters (r); k++)
    {
      g_autofree char *members = cluster_members (r, k);

      if (markdown)
        {
          g_string_append_printf (out, "- Cluster %u: ", k + 1);
          mte_render_markdown_inline (out, members);
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_printf (out, "  %u: %s\n", k + 1, members);
      mte_sink_flush_full (sink);
    }
  mte_render_append_order (out, mte_relatedness_get_project (r), mte_relatedness_get_order (r), format);
  mte_render_append_excluded (out, mte_relatedness_get_project (r), format);
}

/* One row per ordered pair (a, b): row a × n + b. */
static void
fill_pair_row (MteTable *table,
               gsize     row,
               gpointer  user_data)
{
  const MteRelatedness *r = user_data;
  guint n = mte_relatedness_get_n_studies (r);
  guint a = (guint) (row / n), b = (guint) (row % n);
  char buf[MTE_RENDER_NUMBER_SIZE];

  mte_table_add_cell (table, study_id (r, a));
  mte_table_add_cell (table, study_id (r, b));
  mte_table_add_cell_uint (table, mte_relatedness_get_shared (r, a, b));
  mte_table_add_cell (table, mte_render_number (buf, mte_relatedness_get_jaccard (r, a, b)));
  mte_table_add_cell_uint (table, mte_relatedness_get_cluster (r, a) + 1);
  mte_table_add_cell_uint (table, mte_relatedness_get_cluster (r, b) + 1);
}

static void
write_csv (const MteRelatedness *r,
           MteSink              *sink)
{
  g_autoptr (MteTable) table = mte_table_new ();
  guint n = mte_relatedness_get_n_studies (r);

  mte_table_add_column (table, "study_a", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "study_b", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "shared", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "jaccard", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "cluster_a", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "cluster_b", MTE_ALIGN_RIGHT);
  mte_table_set_rows (table, (gsize) n * n, fill_pair_row, (gpointer) r);
  mte_table_write (table, MTE_REPORT_CSV, NULL, sink);
}

/* Text, CSV and Markdown into @sink. */
static void
write_report (const MteRelatedness *r,
              MteReportFormat       format,
              MteSink              *sink)
{
  if (format == MTE_REPORT_CSV)
    write_csv (r, sink);
  else
    write_matrix (r, format, sink);
}

static char *
render_report (const MteRelatedness *r,
               MteReportFormat       format)
{
  MteSink sink = { g_string_new (NULL), NULL, NULL, NULL };

  write_report (r, format, &sink);
  return g_string_free (sink.out, FALSE);
}

static char *
render_json (const MteRelatedness *r)
{
  MteJsonWriter *w = mte_json_writer_new ();
  guint n = mte_relatedness_get_n_studies (r);

  mte_json_begin_object (w);
  mte_json_member_string (w, "order", mte_study_order_to_string (mte_relatedness_get_order (r)));
  mte_json_member_double (w, "threshold", mte_relatedness_get_threshold (r));
  mte_json_key (w, "studies");
  mte_json_begin_array (w);
  for (guint a = 0; a < n; a++)
    {
      mte_json_begin_object (w);
      mte_json_member_string (w, "id", study_id (r, a));
      mte_json_member_uint (w, "concepts", mte_relatedness_get_n_concepts (r, a));
      mte_json_member_uint (w, "cluster", mte_relatedness_get_cluster (r, a) + 1);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);

  mte_json_key (w, "shared");
  mte_json_begin_array (w);
  for (guint a = 0; a < n; a++)
    {
      mte_json_begin_array (w);
      for (guint b = 0; b < n; b++)
        mte_json_uint (w, mte_relatedness_get_shared (r, a, b));
      mte_json_end_array (w);
    }
  mte_json_end_array (w);

  mte_json_key (w, "jaccard");
  mte_json_begin_array (w);
  for (guint a = 0; a < n; a++)
    {
      mte_json_begin_array (w);
      for (guint b = 0; b < n; b++)
        mte_json_double (w, mte_relatedness_get_jaccard (r, a, b));
      mte_json_end_array (w);
    }
  mte_json_end_array (w);

  mte_json_key (w, "clusters");
  mte_json_begin_array (w);
  for (guint k = 0; k < mte_relatedness_get_n_clusters (r); k++)
    {
      mte_json_begin_object (w);
      mte_json_member_uint (w, "number", k + 1);
      mte_json_key (w, "studies");
      mte_json_begin_array (w);
      for (guint a = 0; a < n; a++)
        if (mte_relatedness_get_cluster (r, a) == k)
          mte_json_string (w, study_id (r, a));
      mte_json_end_array (w);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_render_order_json (w, mte_relatedness_get_project (r), mte_relatedness_get_order (r));
  mte_render_excluded_json (w, mte_relatedness_get_project (r));
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

char *
mte_relatedness_render (const MteRelatedness *relatedness,
                        MteReportFormat       format,
                        GError              **error)
{
  g_return_val_if_fail (relatedness != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case MTE_REPORT_TEXT:
    case MTE_REPORT_MARKDOWN:
    case MTE_REPORT_CSV:
      return render_report (relatedness, format);
    case MTE_REPORT_JSON:
      return render_json (relatedness);
    case MTE_REPORT_DOT:
    default:
      return mte_render_unsupported ("relatedness report", format, error);
    }
}

gboolean
mte_relatedness_render_to_fd (const MteRelatedness *relatedness,
                              MteReportFormat       format,
                              int                   fd,
                              GError              **error)
{
  MteSink sink;

  g_return_val_if_fail (relatedness != NULL, FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != MTE_REPORT_TEXT && format != MTE_REPORT_CSV && format != MTE_REPORT_MARKDOWN)
    {
      g_autofree char *text = mte_relatedness_render (relatedness, format, error);

      return text != NULL && mte_render_write_fd (fd, text, error);
    }
  mte_sink_init_fd (&sink, &fd);
  write_report (relatedness, format, &sink);
  return mte_sink_finish (&sink, error);
}
