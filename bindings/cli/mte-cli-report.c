/* metaethno command: the runner shared by the report subcommands (grid,
 * relate, saturation, check, synthesize, suggest): options,
 * loading, rendering through the library's renderers, output.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>

/* "text|csv|md|json" for the formats in @formats (a bit set). */
static char *
format_choices (guint formats)
{
  GString *s = g_string_new (NULL);

  for (int f = MTE_REPORT_TEXT; f <= MTE_REPORT_DOT; f++)
    if (formats & (1u << f))
      g_string_append_printf (s, "%s%s", s->len > 0 ? "|" : "",
                              f == MTE_REPORT_MARKDOWN ? "md" : mte_report_format_to_string (f));
  return g_string_free (s, FALSE);
}

typedef struct {
  const MteCliReport        *report;
  MteProject                *project;
  const MteCliReportOptions *options;
} ReportWrite;

static gboolean
write_report (int      fd,
              gpointer data,
              GError **error)
{
  const ReportWrite *w = data;

  return w->report->write (w->project, w->options, fd, error);
}

int
mte_cli_run_report (const MteCliReport *report,
                    int                 argc,
                    char              **argv)
{
  gboolean help = FALSE;
  g_autofree char *order_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  double threshold = report->default_threshold;
  int min_studies = MTE_CHECK_DEFAULT_MIN_STUDIES;
  g_auto(GStrv) inputs = NULL;
  g_autofree char *choices = format_choices (report->formats);
  g_autofree char *format_help = g_strdup_printf ("Output format: %s (default text)", choices);
  g_autofree char *threshold_help =
    g_strdup_printf ("Similarity from 0 to 1 at which groups stop merging (default %g)",
                     report->default_threshold);
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MteCliReportOptions options = { MTE_STUDY_ORDER_INDEX, 0, MTE_CHECK_DEFAULT_MIN_STUDIES, MTE_REPORT_TEXT };
  int status;

#define ENTRY(...) do { const GOptionEntry e_ = __VA_ARGS__; g_array_append_val (entries, e_); } while (0)
  if (report->flags & MTE_CLI_REPORT_ORDER)
    ENTRY ({ "order", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &order_name,
             "Study order: project, chronological, index or custom (default index)", "ORDER" });
  if (report->flags & MTE_CLI_REPORT_THRESHOLD)
    ENTRY ({ "threshold", 't', G_OPTION_FLAG_NONE, G_OPTION_ARG_DOUBLE, &threshold,
             threshold_help, "X" });
  if (report->flags & MTE_CLI_REPORT_MIN_STUDIES)
    ENTRY ({ "min-studies", 'm', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &min_studies,
             "Flag findings resting on fewer studies (default 2)", "N" });
  ENTRY ({ "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
           format_help, "FORMAT" });
  ENTRY (MTE_CLI_OUTPUT_ENTRY (&output));
  ENTRY ({ G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
           &inputs, NULL, NULL });
#undef ENTRY

  context = mte_cli_option_context_new (report->name, report->parameter_string,
                                        report->summary, report->description,
                                        (const GOptionEntry *) (void *) entries->data, &help);
  if (!mte_cli_parse (context, report->name, &argc, &argv, &help, &status))
    return status;

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error (report->name, "no FILE given");
  if (inputs[1] != NULL)
    return mte_cli_usage_error (report->name, "expected one FILE, got %u", g_strv_length (inputs));
  if (inputs[0][0] == '\0' || (output != NULL && output[0] == '\0'))
    return mte_cli_usage_error (report->name, "empty file name");
  if (order_name != NULL)
    {
      int order = mte_study_order_from_string (order_name);

      if (order < 0)
        return mte_cli_usage_error (report->name, "unknown order '%s' (project, chronological, index or custom)",
                                    order_name);
      options.order = (MteStudyOrder) order;
    }
  if (format_name != NULL)
    {
      int format = mte_report_format_from_string (format_name);

      if (format < 0 || !(report->formats & (1u << format)))
        return mte_cli_usage_error (report->name, "unknown format '%s' (%s)", format_name, choices);
      options.format = (MteReportFormat) format;
    }
  if (!(threshold >= 0.0 && threshold <= 1.0))
    return mte_cli_usage_error (report->name, "threshold must be between 0 and 1");
  if (min_studies < 0)
    return mte_cli_usage_error (report->name, "--min-studies must not be negative");
  options.threshold = threshold;
  options.min_studies = (guint) min_studies;

  project = mte_cli_load (inputs[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }

  if (report->write != NULL)
    {
      ReportWrite w = { report, project, &options };

      return mte_cli_stream_output (output, write_report, &w);
    }

  status = MTE_CLI_EXIT_OK;
  text = report->render (project, &options, &status, &error);
  if (text == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }
  g_clear_error (&error);
  if (mte_cli_write_output (output, text, strlen (text)) != MTE_CLI_EXIT_OK)
    return MTE_CLI_EXIT_INVALID;
  return status;
}
