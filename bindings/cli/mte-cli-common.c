/* metaethno command: option parsing, messages and input/output helpers
 * shared by the subcommands.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

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

/* A file name as the command shows it: valid UTF-8 (other bytes as
 * \xHH) and control characters escaped, as the library's messages show
 * names, so that a name can never break the one-line rule. */
char *
mte_cli_display_path (const char *path)
{
  GString *out = g_string_new (NULL);
  const char *end = path + strlen (path);

  for (const char *p = path; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      guchar byte = (guchar) *p;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", byte);
          p++;
          continue;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02X", (guint) c);
      else if ((c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04X", (guint) c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* Prints one line on stderr for a problem with @input. Loader errors
 * already read "FILE:LINE:COLUMN: message" and are printed as they are;
 * anything else gets the input's name in front. */
void
mte_cli_print_error (const char   *input,
                     const GError *error)
{
  g_autofree char *message = mte_cli_one_line (error->message);
  g_autofree char *name = NULL;

  if (g_strcmp0 (input, MTE_CLI_STDIO) == 0)
    name = g_strdup (MTE_CLI_STDIN_NAME);
  else
    name = mte_cli_display_path (input);

  if (mte_format_error_get_location (error, NULL, NULL, NULL) ||
      (g_str_has_prefix (message, name) && message[strlen (name)] == ':'))
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

gboolean mte_cli_stdout_failed = FALSE;

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
      /* The caller reports it; main() must not report it again. */
      mte_cli_stdout_failed = TRUE;
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  const char *data;
  gsize       length;
} Buffer;

/* An MteCliWriteFd that writes a whole buffer. */
static gboolean
write_buffer (int       fd,
              gpointer  data,
              GError  **error)
{
  const Buffer *buffer = data;
  const char *p = buffer->data;
  gsize left = buffer->length;

  while (left > 0)
    {
      gssize n = write (fd, p, left);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "write error: %s", g_strerror (saved_errno));
          return FALSE;
        }
      p += n;
      left -= (gsize) n;
    }
  return TRUE;
}

/* Writes a command's output to @output, as mte_cli_stream_output() does
 * (standard output, or the file replaced atomically), from one buffer.
 * Reports a failure on stderr and returns the exit status. */
int
mte_cli_write_output (const char *output,
                      const char *data,
                      gsize       length)
{
  Buffer buffer = { data, length };

  return mte_cli_stream_output (output, write_buffer, &buffer);
}

int
mte_cli_stream_output (const char   *output,
                       MteCliWriteFd write,
                       gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *temp = NULL;
  int fd;

  if (output == NULL || strcmp (output, MTE_CLI_STDIO) == 0)
    {
      if (fflush (stdout) != 0 || !write (STDOUT_FILENO, data, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                         "write error on standard output: %s", g_strerror (errno));
          else
            g_prefix_error (&error, "standard output: ");
          fprintf (stderr, "%s: %s\n", mte_cli_program, error->message);
          /* main() must not report it again. */
          mte_cli_stdout_failed = TRUE;
          return MTE_CLI_EXIT_INVALID;
        }
      return MTE_CLI_EXIT_OK;
    }

  /* As g_file_set_contents() does: a temporary file beside @output,
   * renamed over it once complete. The six X are g_mkstemp_full()'s
   * template, which it replaces with a unique name. */
  temp = g_strdup_printf ("%s.XXXXXX", output);
  fd = g_mkstemp_full (temp, O_RDWR, 0666);
  if (fd < 0)
    g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                 "cannot create a file beside it: %s", g_strerror (errno));
  else
    {
      gboolean ok = write (fd, data, &error);

      if (ok && fsync (fd) != 0)
        {
          g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       "cannot sync it: %s", g_strerror (errno));
          ok = FALSE;
        }
      if (close (fd) != 0 && ok)
        {
          g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       "cannot close it: %s", g_strerror (errno));
          ok = FALSE;
        }
      if (ok && g_rename (temp, output) != 0)
        g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                     "cannot replace it: %s", g_strerror (errno));
      if (error != NULL)
        g_unlink (temp);
    }
  if (error != NULL)
    {
      g_autofree char *name = mte_cli_display_path (output);
      g_autofree char *message = mte_cli_one_line (error->message);

      fprintf (stderr, "%s: %s\n", name, message);
      return MTE_CLI_EXIT_INVALID;
    }
  return MTE_CLI_EXIT_OK;
}

/* Opens FILE for a load-change-save: locked from the load to the end of
 * the command, so that concurrent commands take turns (see
 * mte_project_file_open()). Returns: (transfer full) (nullable). */
MteProjectFile *
mte_cli_open_for_change (const char  *input,
                         GError     **error)
{
  return mte_project_file_open (input, MTE_OPEN_FLAGS_NONE, error);
}

/* Saves @file and reports a failure on stderr. Returns the exit status:
 * MTE_CLI_EXIT_OK; MTE_CLI_EXIT_NOT_DURABLE when the change is in the file
 * but its folder could not be synced (the caller still shows its result:
 * the change was made); MTE_CLI_EXIT_INVALID when nothing was saved. */
int
mte_cli_save (MteProjectFile *file)
{
  g_autoptr(GError) error = NULL;

  if (mte_project_file_save (file, MTE_SAVE_FLAGS_NONE, &error))
    return MTE_CLI_EXIT_OK;
  mte_cli_print_error (mte_project_file_get_path (file), error);
  if (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_NOT_DURABLE))
    return MTE_CLI_EXIT_NOT_DURABLE;
  return MTE_CLI_EXIT_INVALID;
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

/* ------------------------------------------------------------------ */
/* Text layout                                                        */
/* ------------------------------------------------------------------ */

/* Columns a string takes on a terminal: wide (East Asian) characters
 * count two, combining marks none. */
gsize
mte_cli_display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Returns: (transfer full): @text on one line, cut with an ellipsis so
 * that it takes at most @max_width columns; "-" for NULL or empty. */
char *
mte_cli_fit (const char *text,
             gsize       max_width)
{
  g_autofree char *line = mte_cli_one_line (text);
  GString *result;
  gsize width = 0;

  if (line[0] == '\0')
    return g_strdup ("-");
  if (mte_cli_display_width (line) <= max_width)
    return g_steal_pointer (&line);

  result = g_string_new (NULL);
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (width + w > max_width - 1)
        break;
      g_string_append_unichar (result, c);
      width += w;
    }
  /* No space before the ellipsis. */
  while (result->len > 0 && result->str[result->len - 1] == ' ')
    g_string_truncate (result, result->len - 1);
  g_string_append (result, "…");

  return g_string_free (result, FALSE);
}

/* Appends @text padded with spaces to @width columns. */
void
mte_cli_append_padded (GString    *out,
                       const char *text,
                       gsize       width)
{
  gsize w = mte_cli_display_width (text);

  g_string_append (out, text);
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

/* Appends "LABEL:  value" after @margin spaces (an empty @label leaves
 * the space blank), the value on one line wrapped at word boundaries to
 * MTE_CLI_WRAP_WIDTH columns, later lines indented under its first;
 * MTE_CLI_NOT_RECORDED for NULL or empty. */
void
mte_cli_append_field (GString    *out,
                      gsize       margin,
                      const char *label,
                      const char *value,
                      gsize       label_width)
{
  g_autofree char *line = mte_cli_one_line (value);
  g_auto(GStrv) words = NULL;
  gsize indent = margin + label_width + 2;
  gsize column = indent;
  g_autofree char *heading = g_strconcat (label, label[0] != '\0' ? ":" : "", NULL);

  for (gsize i = 0; i < margin; i++)
    g_string_append_c (out, ' ');
  mte_cli_append_padded (out, heading, label_width + 2);
  if (line[0] == '\0')
    {
      g_string_append (out, MTE_CLI_NOT_RECORDED "\n");
      return;
    }

  words = g_strsplit (line, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize w = mte_cli_display_width (words[i]);

      if (column > indent && column + 1 + w > MTE_CLI_WRAP_WIDTH)
        {
          g_string_append_c (out, '\n');
          for (column = 0; column < indent; column++)
            g_string_append_c (out, ' ');
        }
      else if (column > indent)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += w;
    }
  g_string_append_c (out, '\n');
}

/* ------------------------------------------------------------------ */
/* JSON                                                               */
/* ------------------------------------------------------------------ */

/* Adds "@key": @value, null for NULL. */
void
mte_cli_json_add_string (JsonBuilder *builder,
                         const char  *key,
                         const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
mte_cli_json_add_count (JsonBuilder *builder,
                        const char  *key,
                        guint        value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

/* Returns: (transfer full): the finished document of @builder, indented
 * by two spaces, with a final newline. */
char *
mte_cli_json_finish (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *json = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}
