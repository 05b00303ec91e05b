/* metaethno: error domains.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"

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
