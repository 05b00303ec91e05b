/* metaethno report FILE -o OUT [--format html|docx|md]: the review
 * report, in eMERGe order, as HTML, Word or Markdown.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>

static const struct {
  const char      *suffix;
  MteReportFormat  format;
} suffixes[] = {
  { ".html",     MTE_REPORT_HTML },
  { ".htm",      MTE_REPORT_HTML },
  { ".docx",     MTE_REPORT_DOCX },
  { ".md",       MTE_REPORT_MARKDOWN },
  { ".markdown", MTE_REPORT_MARKDOWN },
};

static int
format_for_output (const char *output)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      return (int) suffixes[i].format;
  return -1;
}

int
mte_cli_report (int    argc,
                char **argv)
{
  gboolean help = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      "Write the report to OUT (required)", "OUT" },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      "html, docx or md (default: from OUT's name)", "FORMAT" },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
      &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int format;
  int status;

  context = mte_cli_option_context_new (
    "report", "FILE -o OUT [--format html|docx|md]",
    "Write the review report: the whole review in the order of the eMERGe\n"
    "reporting guidance, from the protocol, searches and PRISMA 2020 flow to\n"
    "the grid, translation, line of argument, GRADE-CERQual tables, decision\n"
    "log, memos, an eMERGe checklist and the references.",
    "OUT's name chooses the format: .html (one self-contained file, ready to\n"
    "print to A4), .docx (Word) or .md (GitHub Markdown, its figures written\n"
    "beside it as OUT-NAME.svg). The team's own text for each eMERGe item\n"
    "('metaethno emerge FILE ITEM TEXT') is placed in its section; the\n"
    "checklist says which items are still missing. OUT is replaced\n"
    "atomically: if anything fails, an existing OUT is left as it was.\n"
    "FILE may be '-' for standard input.\n"
    "\n"
    "Example:\n"
    "  metaethno report review.xml -o review-report.html\n"
    "\n"
    "Exit status: 0 on success, 1 when FILE is invalid or OUT cannot be\n"
    "written, 2 for a usage error.",
    entries, &help);

  if (!mte_cli_parse (context, "report", &argc, &argv, &help, &status))
    return status;

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error ("report", "no project file given");
  if (inputs[1] != NULL)
    return mte_cli_usage_error ("report", "expected one project file, got %u",
                                g_strv_length (inputs));
  if (output == NULL)
    return mte_cli_usage_error ("report", "no output file given (-o OUT)");
  if (inputs[0][0] == '\0' || output[0] == '\0')
    return mte_cli_usage_error ("report", "empty file name");
  if (strcmp (output, MTE_CLI_STDIO) == 0)
    return mte_cli_usage_error ("report", "OUT must be a file: a report may be several files");

  if (format_name != NULL)
    {
      format = mte_report_format_from_string (format_name);
      if (format != MTE_REPORT_HTML && format != MTE_REPORT_DOCX && format != MTE_REPORT_MARKDOWN)
        return mte_cli_usage_error ("report", "unknown format '%s' (known: html, docx, md)", format_name);
    }
  else
    {
      format = format_for_output (output);
      if (format < 0)
        return mte_cli_usage_error ("report", "cannot tell the format from '%s': "
                                    "name it .html, .docx or .md, or give --format", output);
    }

  project = mte_cli_load (inputs[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }
  mte_cli_print_load_warnings (project);

  if (!mte_project_write_report (project, output, (MteReportFormat) format, &error))
    {
      g_autofree char *name = mte_cli_display_path (output);
      g_autofree char *message = mte_cli_one_line (error->message);

      fprintf (stderr, "%s: %s\n", name, message);
      return MTE_CLI_EXIT_INVALID;
    }
  {
    g_autofree char *name = mte_cli_display_path (output);

    printf ("wrote the %s report to %s\n", mte_report_format_to_string (format), name);
  }
  return MTE_CLI_EXIT_OK;
}
