/* metaethno: conceptual saturation as a report.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

/* The widest bar, in character cells. */
#define BAR_WIDTH 40

static const char *
study_id (const MteTranslationTable *t,
          guint                      column)
{
  return mte_study_get_id (mte_translation_table_get_study (t, column));
}

/* The sentence on where saturation was reached; markdown escapes ids. */
static void
append_verdict (const MteTranslationTable *t,
                gboolean                   markdown,
                GString                   *out)
{
  guint n = mte_translation_table_get_n_studies (t);
  int column = mte_translation_table_get_saturation_column (t);

  if (column < 0)
    {
      g_string_append (out, "No study adds a concept.\n");
      return;
    }
  if ((guint) column + 1 == n)
    g_string_append (out, "The last study, ");
  else
    g_string_append (out, "No new concept appeared after ");
  if (markdown)
    mte_render_markdown_inline (out, study_id (t, (guint) column));
  else
    g_string_append (out, study_id (t, (guint) column));
  if ((guint) column + 1 == n)
    g_string_append_printf (out, " (position %u of %u), still added a concept: "
                            "no saturation in this order.\n", (guint) column + 1, n);
  else
    g_string_append_printf (out, " (position %u of %u): the %u later %s added none.\n",
                            (guint) column + 1, n, n - (guint) column - 1,
                            n - (guint) column - 1 == 1 ? "study" : "studies");
}

/* Eighths of a block, from one eighth to a full block. */
static const char *const eighths[] = { "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█" };

static void
append_chart (const MteTranslationTable *t,
              GString                   *out)
{
  guint n = mte_translation_table_get_n_studies (t);
  guint total = 0, cumulative = 0, width = 0;

  for (guint c = 0; c < n; c++)
    {
      total += mte_translation_table_get_new_concepts (t, c);
      width = MAX (width, (guint) g_utf8_strlen (study_id (t, c), -1));
    }
  if (n == 0 || total == 0)
    return;

  g_string_append (out, "\nCumulative concepts\n");
  for (guint c = 0; c < n; c++)
    {
      const char *id = study_id (t, c);
      guint units;

      cumulative += mte_translation_table_get_new_concepts (t, c);
      /* Length in eighths of a character, rounded to nearest. */
      units = (guint) (((guint64) cumulative * BAR_WIDTH * 8 + total / 2) / total);
      g_string_append_printf (out, "  %s", id);
      for (guint i = (guint) g_utf8_strlen (id, -1); i < width; i++)
        g_string_append_c (out, ' ');
      g_string_append (out, "  ");
      for (guint i = 0; i < units / 8; i++)
        g_string_append (out, eighths[7]);
      if (units % 8 != 0)
        g_string_append (out, eighths[units % 8 - 1]);
      g_string_append_printf (out, " %u\n", cumulative);
    }
}

static char *
render_table (const MteTranslationTable *t,
              MteReportFormat            format)
{
  g_autoptr (MteTable) table = mte_table_new ();
  guint n = mte_translation_table_get_n_studies (t);
  gboolean csv = format == MTE_REPORT_CSV;
  guint cumulative = 0;
  GString *out = g_string_new (NULL);

  mte_table_add_column (table, "position", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, "study", MTE_ALIGN_LEFT);
  mte_table_add_column (table, csv ? "new_concepts" : "new concepts", MTE_ALIGN_RIGHT);
  mte_table_add_column (table, csv ? "cumulative_concepts" : "cumulative", MTE_ALIGN_RIGHT);
  for (guint c = 0; c < n; c++)
    {
      guint added = mte_translation_table_get_new_concepts (t, c);

      cumulative += added;
      mte_table_begin_row (table);
      mte_table_add_cell_uint (table, c + 1);
      mte_table_add_cell (table, study_id (t, c));
      mte_table_add_cell_uint (table, added);
      mte_table_add_cell_uint (table, cumulative);
    }
  mte_table_render (table, format, NULL, out);
  if (csv)
    return g_string_free (out, FALSE);

  g_string_append_c (out, '\n');
  append_verdict (t, format == MTE_REPORT_MARKDOWN, out);
  {
    /* Saturation depends on the order: say which, and how it was set. */
    g_autofree char *order = mte_study_order_describe (mte_translation_table_get_project (t),
                                                       mte_translation_table_get_order (t));

    if (format == MTE_REPORT_MARKDOWN)
      mte_render_markdown_inline (out, order);
    else
      g_string_append (out, order);
    g_string_append_c (out, '\n');
  }
  if (format == MTE_REPORT_TEXT)
    append_chart (t, out);
  return g_string_free (out, FALSE);
}

static char *
render_json (const MteTranslationTable *t)
{
  MteJsonWriter *w = mte_json_writer_new ();
  guint n = mte_translation_table_get_n_studies (t);
  int column = mte_translation_table_get_saturation_column (t);
  guint cumulative = 0;

  mte_json_begin_object (w);
  mte_json_member_string (w, "order", mte_study_order_to_string (mte_translation_table_get_order (t)));
  mte_json_key (w, "studies");
  mte_json_begin_array (w);
  for (guint c = 0; c < n; c++)
    {
      guint added = mte_translation_table_get_new_concepts (t, c);

      cumulative += added;
      mte_json_begin_object (w);
      mte_json_member_uint (w, "position", c + 1);
      mte_json_member_string (w, "study", study_id (t, c));
      mte_json_member_uint (w, "new_concepts", added);
      mte_json_member_uint (w, "cumulative_concepts", cumulative);
      mte_json_end_object (w);
    }
  mte_json_end_array (w);

  mte_json_key (w, "saturation");
  mte_json_begin_object (w);
  mte_json_member_string (w, "last_new_study", column >= 0 ? study_id (t, (guint) column) : NULL);
  mte_json_key (w, "last_new_position");
  if (column >= 0)
    mte_json_uint (w, (guint) column + 1);
  else
    mte_json_null (w);
  /* Saturated: some study added concepts and a later one added none. */
  mte_json_member_bool (w, "reached", column >= 0 && (guint) column + 1 < n);
  mte_json_member_uint (w, "concepts", cumulative);
  mte_json_end_object (w);
  mte_render_order_json (w, mte_translation_table_get_project (t), mte_translation_table_get_order (t));
  mte_render_excluded_json (w, mte_translation_table_get_project (t));
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

char *
mte_saturation_render (const MteTranslationTable *table,
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
      return mte_render_add_excluded (render_table (table, format), mte_translation_table_get_project (table), format);
    case MTE_REPORT_JSON:
      return render_json (table);
    case MTE_REPORT_DOT:
    default:
      return mte_render_unsupported ("saturation report", format, error);
    }
}
