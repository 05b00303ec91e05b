/* metaethno: error domains.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"

#include <string.h>

G_DEFINE_QUARK (mte-model-error-quark, mte_model_error)

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
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  GError *err;
  MteFormatErrorPrivate *priv;
  va_list args;

  if (error == NULL)
    return;
  if (file == NULL)
    file = "<data>";

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0 && column > 0)
    message = g_strdup_printf ("%s:%d:%d: %s", file, line, column, what);
  else if (line > 0)
    message = g_strdup_printf ("%s:%d: %s", file, line, what);
  else
    message = g_strdup_printf ("%s: %s", file, what);

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
