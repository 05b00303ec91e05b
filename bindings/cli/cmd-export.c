/* metaethno export FILE [--format ris|bibtex|csl-json] [-o OUT]: the
 * included studies' references, for a reference manager.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>

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
      "ris, bibtex or csl-json (default: from OUT's name, else ris)", "FORMAT" },
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
  MteReferenceFormat format;
  gsize length = 0;
  int status;

  context = mte_cli_option_context_new (
    "export", "FILE [--format ris|bibtex|csl-json] [-o OUT]",
    "Write the references of the project's included studies (not the\n"
    "excluded ones), in project order, for a reference manager to format\n"
    "the paper's reference list. Keys and ids are the study ids.",
    "Without --format, OUT's name chooses: .ris gives RIS, .bib or .bibtex\n"
    "BibTeX, .json CSL-JSON; anything else, and standard output, RIS.\n"
    "FILE may be '-' for standard input. A file OUT is replaced whole.\n"
    "Importing the result ('metaethno import --as studies') gives studies\n"
    "with the same authors, year, title, source, volume, issue, pages, DOI\n"
    "and URL.\n"
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

  if (format_name != NULL)
    {
      int parsed = mte_reference_format_from_string (format_name);

      if (!is_export_format (parsed))
        return mte_cli_usage_error ("export", "unknown format '%s' (known: "
                                    "ris, bibtex, csl-json)", format_name);
      format = (MteReferenceFormat) parsed;
    }
  else
    format = format_for_output (output);

  project = mte_cli_load (inputs[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }
  mte_cli_print_load_warnings (project);

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
