/* metaethno: error domains.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"

#include <string.h>

G_DEFINE_QUARK (mte-model-error-quark, mte_model_error)
G_DEFINE_QUARK (mte-save-error-quark, mte_save_error)

/* The format error domain is "extended" so that the location of a load
 * failure travels with the GError (and with its copies) and bindings can
 * read it without parsing the message. */
typedef struct {
  char *file;
  int   line;
  int   column;
} MteFormatErrorPrivate;

static void
mte_format_error_private_init (MteFormatErrorPrivate *priv)
{
  priv->file = NULL;
  priv->line = 0;
  priv->column = 0;
}

static void
mte_format_error_private_copy (const MteFormatErrorPrivate *src,
                               MteFormatErrorPrivate       *dest)
{
  dest->file = g_strdup (src->file);
  dest->line = src->line;
  dest->column = src->column;
}

static void
mte_format_error_private_clear (MteFormatErrorPrivate *priv)
{
  g_clear_pointer (&priv->file, g_free);
}

G_DEFINE_EXTENDED_ERROR (MteFormatError, mte_format_error)

gboolean
mte_format_error_get_location (const GError *error,
                               const char  **file,
                               int          *line,
                               int          *column)
{
  MteFormatErrorPrivate *priv;

  if (error == NULL || error->domain != MTE_FORMAT_ERROR)
    return FALSE;
  priv = mte_format_error_get_private (error);
  if (priv == NULL)
    return FALSE;
  if (file != NULL)
    *file = priv->file;
  if (line != NULL)
    *line = priv->line;
  if (column != NULL)
    *column = priv->column;
  return TRUE;
}

void
mte_format_error_set (GError       **error,
                      MteFormatError code,
                      const char    *file,
                      int            line,
                      int            column,
                      const char    *format,
                      ...)
{
  g_autofree char *raw = NULL;
  g_autofree char *what = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  GError *err;
  MteFormatErrorPrivate *priv;
  va_list args;

  if (error == NULL)
    return;
  if (file == NULL)
    file = "<data>";

  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);
  what = mte_message_clean (raw);
  shown = mte_message_path (file);

  if (line > 0 && column > 0)
    message = g_strdup_printf ("%s:%d:%d: %s", shown, line, column, what);
  else if (line > 0)
    message = g_strdup_printf ("%s:%d: %s", shown, line, what);
  else
    message = g_strdup_printf ("%s: %s", shown, what);

  err = g_error_new_literal (MTE_FORMAT_ERROR, code, message);
  priv = mte_format_error_get_private (err);
  priv->file = g_strdup (file);
  priv->line = line;
  priv->column = column;
  g_propagate_error (error, err);
}

char *
mte_message_text (const char *text,
                  guint       max_chars)
{
  GString *out;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (max_chars > 0 && n++ == max_chars)
        {
          g_string_append (out, "\u2026");
          break;
        }
      switch (*p)
        {
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\x%02X", (guchar) *p);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Appends the character at @p (@length bytes of a valid sequence, or a
 * stray byte when @stray) as a message shows it. Returns how many
 * characters that took: 1, or the length of an escape. */
static guint
append_shown (GString *out, const char *p, gsize length, gboolean stray)
{
  guchar c = (guchar) *p;
  gsize before = out->len;

  if (stray)
    g_string_append_printf (out, "\\x%02X", c);
  else if (c == '\n')
    g_string_append (out, "\\n");
  else if (c == '\r')
    g_string_append (out, "\\r");
  else if (c == '\t')
    g_string_append (out, "\\t");
  else if (c < 0x20 || c == 0x7F)
    g_string_append_printf (out, "\\x%02X", c);
  else if (length == 2 && c == 0xC2 && (guchar) p[1] < 0xA0)
    g_string_append_printf (out, "\\u%04X", (guchar) p[1]);   /* C1 controls */
  else if (length == 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
           ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
    g_string_append_printf (out, "\\u%04X", 0x2000 + (guchar) p[2] - 0x80);   /* U+2028/9 */
  else
    {
      g_string_append_len (out, p, (gssize) length);
      return 1;
    }
  return (guint) (out->len - before);     /* an escape: ASCII only */
}

/* The length of the valid UTF-8 sequence at @p (before @end), or 0. */
static gsize
valid_sequence (const char *p, const char *end)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
    return 0;
  return (gsize) (g_utf8_next_char (p) - p);
}

char *
mte_message_path (const char *path)
{
  GString *out;
  const char *end;

  if (path == NULL)
    return g_strdup ("");
  end = path + strlen (path);
  out = g_string_sized_new ((gsize) (end - path) + 8);
  for (const char *p = path; p < end;)
    {
      gsize n = valid_sequence (p, end);

      append_shown (out, p, MAX (n, 1), n == 0);
      p += MAX (n, 1);
    }
  return g_string_free (out, FALSE);
}

/* Quotes open a value when no letter or digit stands before them and close
 * one when none follows; an apostrophe inside a word does neither. */
static gboolean
opens_quote (const char *start, const char *p)
{
  return *p == '\'' && (p == start || !g_ascii_isalnum (p[-1]));
}

static gboolean
closes_quote (const char *p)
{
  return *p == '\'' && !g_ascii_isalnum (p[1]);
}

char *
mte_message_clean (const char *message)
{
  GString *out;
  const char *end;
  gboolean in_quote = FALSE;
  guint quoted = 0;                 /* characters of the value shown */
  guint total = 0;

  if (message == NULL)
    return g_strdup ("");
  end = message + strlen (message);
  out = g_string_sized_new (MIN ((gsize) (end - message), (gsize) MTE_MESSAGE_MAX * 4) + 8);
  for (const char *p = message; p < end;)
    {
      gsize n = valid_sequence (p, end);
      gsize step = MAX (n, 1);

      if (total >= MTE_MESSAGE_MAX)
        {
          g_string_append (out, "\u2026");
          break;
        }
      gboolean opening = FALSE;

      if (in_quote && closes_quote (p))
        in_quote = FALSE;
      else if (!in_quote && opens_quote (message, p))
        {
          in_quote = TRUE;
          opening = TRUE;
          quoted = 0;
        }
      else if (in_quote && quoted >= MTE_MESSAGE_MAX_QUOTED)
        {
          const char *close = p;

          while (close < end && !closes_quote (close))
            close++;
          /* The rest of the value gives way to "…"; what follows stays. */
          g_string_append (out, "\u2026");
          total++;
          p = close;
          continue;
        }
      {
        guint shown = append_shown (out, p, step, n == 0);

        total += shown;
        if (in_quote && !opening)
          quoted += shown;
      }
      p += step;
    }
  return g_string_free (out, FALSE);
}

void
mte_set_error (GError    **error,
               GQuark      domain,
               int         code,
               const char *format,
               ...)
{
  g_autofree char *raw = NULL;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  raw = g_strdup_vprintf (format, args);
  va_end (args);
  {
    g_autofree char *clean = mte_message_clean (raw);

    g_propagate_error (error, g_error_new_literal (domain, code, clean));
  }
}
