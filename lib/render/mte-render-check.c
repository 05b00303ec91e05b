/* metaethno: the check report as a report.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

/* Severities from the most to the least serious, with display names. */
static const struct {
  MteSeverity severity;
  const char *one, *many, *title;
} groups[] = {
  { MTE_SEVERITY_ERROR, "error", "errors", "Errors" },
  { MTE_SEVERITY_WARNING, "warning", "warnings", "Warnings" },
  { MTE_SEVERITY_INFO, "note", "notes", "Notes" },
};

static const char *
subject_id (const MteCheckReport *r,
            guint                 i)
{
  MteEntity *subject = mte_check_report_get_subject (r, i);

  return subject != NULL ? mte_entity_get_id (subject) : NULL;
}

/* "2 errors, 5 warnings, 3 notes" */
static void
append_counts (const MteCheckReport *r,
               GString              *out)
{
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint n = mte_check_report_count (r, groups[g].severity);

      g_string_append_printf (out, "%s%u %s", g > 0 ? ", " : "", n,
                              n == 1 ? groups[g].one : groups[g].many);
    }
}

static char *
render_grouped (const MteCheckReport *r,
                MteReportFormat       format)
{
  gboolean markdown = format == MTE_REPORT_MARKDOWN;
  guint n_issues = mte_check_report_get_n_issues (r);
  GString *out = g_string_new (NULL);

  if (markdown)
    g_string_append (out, "**");
  append_counts (r, out);
  g_string_append (out, markdown ? "**\n" : "\n");

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr (MteTable) table = NULL;
      guint n = mte_check_report_count (r, groups[g].severity);

      if (n == 0)
        continue;
      table = mte_table_new ();
      mte_table_add_column (table, "code", MTE_ALIGN_LEFT);
      mte_table_add_column (table, "subject", MTE_ALIGN_LEFT);
      mte_table_add_column (table, "message", MTE_ALIGN_LEFT);
      for (guint i = 0; i < n_issues; i++)
        {
          const char *subject = subject_id (r, i);

          if (mte_check_report_get_severity (r, i) != groups[g].severity)
            continue;
          mte_table_begin_row (table);
          mte_table_add_cell (table, mte_check_report_get_code (r, i));
          mte_table_add_cell (table, subject != NULL ? subject : "-");
          mte_table_add_cell (table, mte_check_report_get_message (r, i));
        }
      g_string_append_printf (out, markdown ? "\n### %s (%u)\n\n" : "\n%s (%u)\n", groups[g].title, n);
      mte_table_render (table, format, "  ", out);
    }
  return g_string_free (out, FALSE);
}

static char *
render_csv (const MteCheckReport *r)
{
  g_autoptr (MteTable) table = mte_table_new ();
  GString *out = g_string_new (NULL);

  mte_table_add_column (table, "severity", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "code", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "subject", MTE_ALIGN_LEFT);
  mte_table_add_column (table, "message", MTE_ALIGN_LEFT);
  for (guint i = 0; i < mte_check_report_get_n_issues (r); i++)
    {
      mte_table_begin_row (table);
      mte_table_add_cell (table, mte_severity_to_string (mte_check_report_get_severity (r, i)));
      mte_table_add_cell (table, mte_check_report_get_code (r, i));
      mte_table_add_cell (table, subject_id (r, i));
      mte_table_add_cell (table, mte_check_report_get_message (r, i));
    }
  mte_table_render (table, MTE_REPORT_CSV, NULL, out);
  return g_string_free (out, FALSE);
}

static char *
render_json (const MteCheckReport *r)
{
  MteJsonWriter *w = mte_json_writer_new ();

  mte_json_begin_object (w);
  mte_json_key (w, "counts");
  mte_json_begin_object (w);
  mte_json_member_uint (w, "error", mte_check_report_count (r, MTE_SEVERITY_ERROR));
  mte_json_member_uint (w, "warning", mte_check_report_count (r, MTE_SEVERITY_WARNING));
  mte_json_member_uint (w, "info", mte_check_report_count (r, MTE_SEVERITY_INFO));
  mte_json_end_object (w);
  mte_json_key (w, "issues");
  mte_json_begin_array (w);
  for (guint i = 0; i < mte_check_report_get_n_issues (r); i++)
    {
      mte_json_begin_object (w);
      mte_json_member_string (w, "severity", mte_severity_to_string (mte_check_report_get_severity (r, i)));
      mte_json_member_string (w, "code", mte_check_report_get_code (r, i));
      mte_json_member_string (w, "subject", subject_id (r, i));
      mte_json_member_string (w, "message", mte_check_report_get_message (r, i));
      mte_json_end_object (w);
    }
  mte_json_end_array (w);
  mte_json_end_object (w);
  return mte_json_writer_finish (w);
}

char *
mte_check_report_render (const MteCheckReport *report,
                         MteReportFormat       format,
                         GError              **error)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case MTE_REPORT_TEXT:
    case MTE_REPORT_MARKDOWN:
      return render_grouped (report, format);
    case MTE_REPORT_CSV:
      return render_csv (report);
    case MTE_REPORT_JSON:
      return render_json (report);
    case MTE_REPORT_DOT:
    default:
      return mte_render_unsupported ("check report", format, error);
    }
}
