/* metaethno command: option parsing, messages and input/output helpers
 * shared by the subcommands.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

const char *mte_cli_program = "metaethno";

/* Builds the option context of a subcommand (or of the program itself when
 * @command is NULL). GOption's own --help is turned off and replaced by an
 * ordinary -h/--help entry, so that help is printed by mte_cli_parse() and
 * the command returns normally instead of GOption calling exit(). */
GOptionContext *
mte_cli_option_context_new (const char         *command,
                            const char         *parameter_string,
                            const char         *summary,
                            const char         *description,
                            const GOptionEntry *entries,
                            gboolean           *help)
{
  const GOptionEntry help_entries[] = {
    { "help", 'h', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, help,
      "Show this help and exit", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *prgname = NULL;
  GOptionContext *context;

  /* GOption writes the program name into the "Usage:" line. */
  if (command != NULL)
    prgname = g_strdup_printf ("%s %s", mte_cli_program, command);
  else
    prgname = g_strdup (mte_cli_program);
  g_set_prgname (prgname);

  context = g_option_context_new (parameter_string);
  g_option_context_set_help_enabled (context, FALSE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, help_entries, NULL);

  return context;
}

/* Parses the options. Returns TRUE when the command should go on; FALSE
 * when it is done (help printed, or a usage error reported), with the exit
 * status in @status. */
gboolean
mte_cli_parse (GOptionContext *context,
               const char     *command,
               int            *argc,
               char         ***argv,
               const gboolean *help,
               int            *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = mte_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (*help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      fputs (text, stdout);
      *status = MTE_CLI_EXIT_OK;
      return FALSE;
    }

  return TRUE;
}

/* Reports a usage error on stderr: one line saying what is wrong, one line
 * saying where to find help. Returns MTE_CLI_EXIT_USAGE. */
int
mte_cli_usage_error (const char *command,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  line = mte_cli_one_line (message);

  if (command != NULL)
    {
      fprintf (stderr, "%s %s: %s\n", mte_cli_program, command, line);
      fprintf (stderr, "Try '%s %s --help' for more information.\n",
               mte_cli_program, command);
    }
  else
    {
      fprintf (stderr, "%s: %s\n", mte_cli_program, line);
      fprintf (stderr, "Try '%s --help' for more information.\n",
               mte_cli_program);
    }

  return MTE_CLI_EXIT_USAGE;
}

/* Prints one line on stderr for a problem with @input. Loader errors
 * already read "FILE:LINE:COLUMN: message" and are printed as they are;
 * anything else gets the input's name in front. */
void
mte_cli_print_error (const char   *input,
                     const GError *error)
{
  g_autofree char *message = mte_cli_one_line (error->message);
  const char *name = input;
  size_t name_len;

  if (g_strcmp0 (input, MTE_CLI_STDIO) == 0)
    name = MTE_CLI_STDIN_NAME;
  name_len = strlen (name);

  if (strncmp (message, name, name_len) == 0 && message[name_len] == ':')
    fprintf (stderr, "%s\n", message);
  else
    fprintf (stderr, "%s: %s\n", name, message);
}

/* Reads all of standard input, refusing more than the loader accepts. */
static char *
read_stdin (gsize   *length,
            GError **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  char chunk[64 * 1024];
  size_t n;

  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    {
      if ((guint64) buffer->len + n > MTE_LOAD_MAX_BYTES)
        {
          g_set_error (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_TOO_LARGE,
                       "%s: the input is larger than the 4 GiB limit",
                       MTE_CLI_STDIN_NAME);
          return NULL;
        }
      g_string_append_len (buffer, chunk, (gssize) n);
    }

  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: read error: %s", MTE_CLI_STDIN_NAME,
                   g_strerror (saved_errno));
      return NULL;
    }

  *length = buffer->len;
  return g_string_free (g_steal_pointer (&buffer), FALSE);
}

/* Loads a project from a file, or from standard input when @input is "-".
 * Returns: (transfer full) (nullable): the project, or NULL with @error set. */
MteProject *
mte_cli_load (const char  *input,
              GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (g_strcmp0 (input, MTE_CLI_STDIO) != 0)
    return mte_project_load_from_file (input, MTE_LOAD_FLAGS_NONE, error);

  data = read_stdin (&length, error);
  if (data == NULL)
    return NULL;

  return mte_project_load_from_data (data, (gssize) length, MTE_CLI_STDIN_NAME,
                                     MTE_LOAD_FLAGS_NONE, error);
}

/* Writes @length bytes to standard output and flushes it. */
gboolean
mte_cli_write_stdout (const char  *data,
                      gsize        length,
                      GError     **error)
{
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "write error on standard output: %s",
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): @text on one line: every run of white space or
 * control characters becomes one space, and the ends are trimmed. NULL
 * gives an empty string. */
char *
mte_cli_one_line (const char *text)
{
  GString *line = g_string_new (NULL);
  gboolean pending_space = FALSE;
  const char *p;

  for (p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      if (g_ascii_isspace (c) || g_ascii_iscntrl (c))
        {
          pending_space = line->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (line, ' ');
      pending_space = FALSE;
      g_string_append_c (line, (char) c);
    }

  return g_string_free (line, FALSE);
}

/* Returns: (transfer full) (nullable): @seconds since the epoch as an ISO
 * 8601 UTC time ("2026-01-31T09:30:00Z"), or NULL for 0 ("not recorded")
 * and times GLib cannot represent. */
char *
mte_cli_format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = NULL;

  if (seconds == 0)
    return NULL;

  time = g_date_time_new_from_unix_utc (seconds);
  if (time == NULL)
    return NULL;

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}
