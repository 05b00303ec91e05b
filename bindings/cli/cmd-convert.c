/* metaethno convert IN -o OUT: load a project and write it out again.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>

#include "mte-cli.h"

#include <string.h>

#define STDOUT_NAME "<stdout>"

/* The output formats `--format` accepts. */
static const char * const formats[] = { "xml", NULL };

static gboolean
is_known_format (const char *format)
{
  return g_strv_contains (formats, format);
}

static int
write_project (const MteProject *project,
               const char       *output)
{
  g_autoptr(GError) error = NULL;

  if (strcmp (output, MTE_CLI_STDIO) == 0)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      data = mte_project_to_data (project, &length, MTE_SAVE_FLAGS_NONE, &error);
      if (data == NULL || !mte_cli_write_stdout (data, length, &error))
        {
          g_autofree char *message = mte_cli_one_line (error->message);

          fprintf (stderr, "%s: %s\n", STDOUT_NAME, message);
          return MTE_CLI_EXIT_INVALID;
        }
      return MTE_CLI_EXIT_OK;
    }

  /* Atomic: on failure the file at @output, if any, is left as it was. */
  if (!mte_project_save_to_file (project, output, MTE_SAVE_FLAGS_NONE, &error))
    {
      mte_cli_print_error (output, error);
      if (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_NOT_DURABLE))
        return MTE_CLI_EXIT_NOT_DURABLE;
      return MTE_CLI_EXIT_INVALID;
    }

  return MTE_CLI_EXIT_OK;
}

/* Whether @a and @b name one existing file (through links or not). */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return strcmp (a, MTE_CLI_STDIO) != 0 && strcmp (b, MTE_CLI_STDIO) != 0 &&
         g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
mte_cli_convert (int    argc,
                 char **argv)
{
  gboolean help = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      "Write the project to OUT ('-' for standard output)", "OUT" },
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format,
      "Output format: xml (the default, the metaethno project format)", "FORMAT" },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
      &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  context = mte_cli_option_context_new (
    "convert", "IN -o OUT",
    "Load the project IN, check it as 'validate' does, and write it to OUT\n"
    "in the current version of the format.",
    "IN or OUT may be '-' for standard input or output. A file OUT is\n"
    "replaced atomically: if anything goes wrong, including an invalid IN,\n"
    "an existing OUT is left untouched and no new file is created.\n"
    "\n"
    "When OUT is IN itself, IN is locked from the load to the save, so a\n"
    "command changing it meanwhile waits instead of losing its change.\n"
    "\n"
    "Exit status: 0 on success, 1 when IN is invalid or OUT cannot be\n"
    "written, 2 for a usage error, 3 when OUT is written but not yet\n"
    "durable (the disk did not confirm it).",
    entries, &help);

  if (!mte_cli_parse (context, "convert", &argc, &argv, &help, &status))
    return status;

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error ("convert", "no input file given");
  if (inputs[1] != NULL)
    return mte_cli_usage_error ("convert", "expected one input file, got %u",
                                g_strv_length (inputs));
  if (output == NULL)
    return mte_cli_usage_error ("convert",
                                "no output given (use -o OUT, or -o - for "
                                "standard output)");
  if (inputs[0][0] == '\0' || output[0] == '\0')
    return mte_cli_usage_error ("convert", "empty file name");
  if (format != NULL && !is_known_format (format))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) formats);

      return mte_cli_usage_error ("convert", "unknown format '%s' (known: %s)",
                                  format, known);
    }

  /* Rewriting a file in place is a load-change-save: hold its lock
   * throughout, as every command that changes a file does. */
  if (same_file (inputs[0], output))
    {
      g_autoptr(MteProjectFile) changing = mte_cli_open_for_change (inputs[0], &error);

      if (changing == NULL)
        {
          mte_cli_print_error (inputs[0], error);
          return MTE_CLI_EXIT_INVALID;
        }
      return mte_cli_save (changing);
    }

  project = mte_cli_load (inputs[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }

  return write_project (project, output);
}
