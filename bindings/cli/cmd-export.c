/* metaethno export FILE [--format ris|bibtex|csl-json] [-o OUT]: the
 * included studies' references, for a reference manager.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>
#include <unistd.h>

#define STDOUT_NAME "<stdout>"

/* The formats `--format` accepts, and the file name endings that choose
 * one when --format is not given. */
static const struct {
  const char         *suffix;
  MteReferenceFormat  format;
} suffixes[] = {
  { ".ris",      MTE_REFERENCE_FORMAT_RIS },
  { ".bib",      MTE_REFERENCE_FORMAT_BIBTEX },
  { ".bibtex",   MTE_REFERENCE_FORMAT_BIBTEX },
  { ".json",     MTE_REFERENCE_FORMAT_CSL_JSON },
};

/* REFI-QDA: a project archive or a codebook. */
static MteRefiFormat
refi_format_for (const char *format_name,
                 const char *output)
{
  g_autofree char *lower = NULL;

  if (format_name != NULL)
    {
      int refi = mte_refi_format_from_string (format_name);

      return refi == MTE_REFI_FORMAT_QDPX || refi == MTE_REFI_FORMAT_QDC
             ? (MteRefiFormat) refi : MTE_REFI_FORMAT_AUTO;
    }
  if (output == NULL)
    return MTE_REFI_FORMAT_AUTO;
  lower = g_ascii_strdown (output, -1);
  if (g_str_has_suffix (lower, ".qdpx"))
    return MTE_REFI_FORMAT_QDPX;
  if (g_str_has_suffix (lower, ".qdc"))
    return MTE_REFI_FORMAT_QDC;
  return MTE_REFI_FORMAT_AUTO;
}

static gboolean
is_export_format (int format)
{
  return format == MTE_REFERENCE_FORMAT_RIS ||
         format == MTE_REFERENCE_FORMAT_BIBTEX ||
         format == MTE_REFERENCE_FORMAT_CSL_JSON;
}

/* The format a file name asks for, RIS when it asks for none. */
static MteReferenceFormat
format_for_output (const char *output)
{
  g_autofree char *lower = NULL;

  if (output == NULL || strcmp (output, MTE_CLI_STDIO) == 0)
    return MTE_REFERENCE_FORMAT_RIS;

  lower = g_ascii_strdown (output, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      return suffixes[i].format;
  return MTE_REFERENCE_FORMAT_RIS;
}

int
mte_cli_export (int    argc,
                char **argv)
{
  gboolean help = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      "ris, bibtex, csl-json, qdpx or qdc (default: from OUT's name, else ris)", "FORMAT" },
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      "Write to OUT instead of standard output ('-')", "OUT" },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
      &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  MteReferenceFormat format = MTE_REFERENCE_FORMAT_RIS;
  MteRefiFormat refi;
  gsize length = 0;
  int status;

  context = mte_cli_option_context_new (
    "export", "FILE [--format ris|bibtex|csl-json|qdpx|qdc] [-o OUT]",
    "Write the references of the project's included studies (not the\n"
    "excluded ones), in project order, for a reference manager to format\n"
    "the paper's reference list. Keys and ids are the study ids. Or write\n"
    "the review as a REFI-QDA project (.qdpx) or codebook (.qdc) for NVivo,\n"
    "ATLAS.ti, MAXQDA or QualCoder.",
    "Without --format, OUT's name chooses: .ris gives RIS, .bib or .bibtex\n"
    "BibTeX, .json CSL-JSON; anything else, and standard output, RIS.\n"
    "FILE may be '-' for standard input. A file OUT is replaced whole.\n"
    "Importing the result ('metaethno import --as studies') gives studies\n"
    "with the same authors, year, title, source, volume, issue, pages, DOI\n"
    "and URL.\n"
    "\n"
    "A .qdpx holds one text source per included study with its constructs\n"
    "as coded selections, the key concepts and third-order constructs as\n"
    "codes, the line of argument as a graph, members as users and memos as\n"
    "notes (docs/refi.md); a .qdc the concepts and third-order constructs.\n"
    "What REFI-QDA cannot hold (translations, appraisals, CERQual, ...) is\n"
    "listed on standard error. The same project gives the same bytes.\n"
    "\n"
    "Exit status: 0 on success, 1 when FILE is invalid or OUT cannot be\n"
    "written, 2 for a usage error.",
    entries, &help);

  if (!mte_cli_parse (context, "export", &argc, &argv, &help, &status))
    return status;

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error ("export", "no project file given");
  if (inputs[1] != NULL)
    return mte_cli_usage_error ("export", "expected one project file, got %u",
                                g_strv_length (inputs));
  if (inputs[0][0] == '\0' || (output != NULL && output[0] == '\0'))
    return mte_cli_usage_error ("export", "empty file name");

  refi = refi_format_for (format_name, output);
  if (refi != MTE_REFI_FORMAT_AUTO && (output == NULL || strcmp (output, MTE_CLI_STDIO) == 0) &&
      isatty (STDOUT_FILENO))
    return mte_cli_usage_error ("export", "a %s file is binary: give -o OUT", mte_refi_format_to_string (refi));
  if (refi == MTE_REFI_FORMAT_AUTO && format_name != NULL)
    {
      int parsed = mte_reference_format_from_string (format_name);

      if (!is_export_format (parsed))
        return mte_cli_usage_error ("export", "unknown format '%s' (known: "
                                    "ris, bibtex, csl-json, qdpx, qdc)", format_name);
      format = (MteReferenceFormat) parsed;
    }
  else if (refi == MTE_REFI_FORMAT_AUTO)
    format = format_for_output (output);

  project = mte_cli_load (inputs[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }
  mte_cli_print_load_warnings (project);

  if (refi != MTE_REFI_FORMAT_AUTO)
    {
      g_autoptr(MteRefiReport) report = NULL;
      g_autoptr(GBytes) bytes = mte_project_export_refi (project, refi, &report, &error);
      g_autofree char *losses = NULL;

      if (bytes == NULL)
        {
          mte_cli_print_error (inputs[0], error);
          return MTE_CLI_EXIT_INVALID;
        }
      losses = mte_refi_report_to_text (report);
      fputs (losses, stderr);
      data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
    }
  else
    data = mte_project_export_references (project, format, &length, &error);
  if (data == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }

  if (output == NULL || strcmp (output, MTE_CLI_STDIO) == 0)
    {
      if (!mte_cli_write_stdout (data, length, &error))
        {
          g_autofree char *message = mte_cli_one_line (error->message);

          fprintf (stderr, "%s: %s\n", STDOUT_NAME, message);
          return MTE_CLI_EXIT_INVALID;
        }
      return MTE_CLI_EXIT_OK;
    }

  /* g_file_set_contents() writes a temporary file and renames it over
   * OUT: a failed write leaves an existing OUT as it was. */
  if (!g_file_set_contents (output, data, (gssize) length, &error))
    {
      g_autofree char *name = mte_cli_display_path (output);
      g_autofree char *message = mte_cli_one_line (error->message);

      fprintf (stderr, "%s: %s\n", name, message);
      return MTE_CLI_EXIT_INVALID;
    }
  return MTE_CLI_EXIT_OK;
}
