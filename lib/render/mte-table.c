/* metaethno: one table, three renderings (aligned text, CSV, Markdown).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  char    *title;
  MteAlign align;
} Column;

struct _MteTable {
  GArray    *columns;   /* Column */
  GPtrArray *rows;      /* GPtrArray of char *; streaming: the one row
                         * being filled */
  /* Streaming (mte_table_set_rows()). */
  MteTableFillFunc fill;
  gpointer         fill_data;
  gsize            n_fill_rows;
};

static void
clear_column (gpointer data)
{
  g_free (((Column *) data)->title);
}

MteTable *
mte_table_new (void)
{
  MteTable *table = g_new0 (MteTable, 1);

  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (table->columns, clear_column);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return table;
}

void
mte_table_free (MteTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
mte_table_add_column (MteTable   *table,
                      const char *title,
                      MteAlign    align)
{
  Column column = { g_strdup (title != NULL ? title : ""), align };

  g_return_if_fail (table->rows->len == 0);
  g_array_append_val (table->columns, column);
}

void
mte_table_set_rows (MteTable        *table,
                    gsize            n_rows,
                    MteTableFillFunc fill,
                    gpointer         user_data)
{
  g_return_if_fail (table->rows->len == 0 && table->fill == NULL);
  g_return_if_fail (fill != NULL);
  table->fill = fill;
  table->fill_data = user_data;
  table->n_fill_rows = n_rows;
  g_ptr_array_add (table->rows, g_ptr_array_new_with_free_func (g_free));
}

void
mte_table_begin_row (MteTable *table)
{
  g_return_if_fail (table->fill == NULL);
  g_ptr_array_add (table->rows, g_ptr_array_new_with_free_func (g_free));
}

void
mte_table_add_cell_take (MteTable *table,
                         char     *text)
{
  GPtrArray *row;

  g_return_if_fail (table->rows->len > 0);
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  if (row->len >= table->columns->len)
    {
      g_critical ("mte_table_add_cell: more cells than the %u columns", table->columns->len);
      g_free (text);
      return;
    }
  g_ptr_array_add (row, text != NULL ? text : g_strdup (""));
}

void
mte_table_add_cell (MteTable   *table,
                    const char *text)
{
  mte_table_add_cell_take (table, g_strdup (text != NULL ? text : ""));
}

void
mte_table_add_cell_printf (MteTable   *table,
                           const char *format,
                           ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  mte_table_add_cell_take (table, text);
}

void
mte_table_add_cell_uint (MteTable *table,
                         guint     value)
{
  mte_table_add_cell_take (table, g_strdup_printf ("%u", value));
}

static gsize
n_rows (const MteTable *table)
{
  return table->fill != NULL ? table->n_fill_rows : table->rows->len;
}

/* The cells of row @row: stored, or filled now (valid until the next
 * call). */
static GPtrArray *
get_row (MteTable *table,
         gsize     row)
{
  GPtrArray *cells;

  if (table->fill == NULL)
    return g_ptr_array_index (table->rows, row);
  cells = g_ptr_array_index (table->rows, 0);
  g_ptr_array_set_size (cells, 0);
  table->fill (table, row, table->fill_data);
  return cells;
}

static const char *
row_cell (const GPtrArray *cells,
          guint            column)
{
  return column < cells->len ? g_ptr_array_index (cells, column) : "";
}

void
mte_csv_field (GString    *out,
               const char *text)
{
  if (text[strcspn (text, ",\"\r\n")] == '\0')
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
render_csv (MteTable *table,
            MteSink  *sink)
{
  guint n_columns = table->columns->len;
  GString *out = sink->out;

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      mte_csv_field (out, g_array_index (table->columns, Column, c).title);
    }
  g_string_append (out, "\r\n");
  mte_sink_flush_full (sink);
  for (gsize r = 0; r < n_rows (table); r++)
    {
      GPtrArray *cells = get_row (table, r);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *valid = NULL;
          const char *text = row_cell (cells, c);

          if (!g_utf8_validate (text, -1, NULL))
            text = valid = g_utf8_make_valid (text, -1);
          if (c > 0)
            g_string_append_c (out, ',');
          mte_csv_field (out, text);
        }
      g_string_append (out, "\r\n");
      mte_sink_flush_full (sink);
    }
}

/* @text prepared for display in @shown (emptied first): one line, and
 * for Markdown escaped. Returns its width in characters. */
static guint
display_cell (GString    *shown,
              const char *text,
              gboolean    markdown)
{
  g_string_truncate (shown, 0);
  if (markdown)
    mte_render_markdown_inline (shown, text);
  else
    {
      g_autofree char *line = mte_render_one_line (text);

      g_string_append (shown, line);
    }
  return (guint) g_utf8_strlen (shown->str, shown->len);
}

static const char *
column_title (const MteTable *table,
              guint           column)
{
  return g_array_index (table->columns, Column, column).title;
}

static void
pad (GString *out,
     guint    n,
     char     c)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, c);
}

static void
trim_line_end (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/* Two passes over the rows: the first measures every column, keeping
 * nothing but the widths; the second writes each row as it is made, so
 * memory follows one row, not the table. */
static void
render_aligned (MteTable   *table,
                gboolean    markdown,
                const char *indent,
                MteSink    *sink)
{
  guint n_columns = table->columns->len;
  gsize n_lines = n_rows (table) + 1;
  g_autofree guint *widths = g_new0 (guint, n_columns + 1);
  g_autoptr (GString) shown = g_string_new (NULL);
  GString *out = sink->out;

  if (n_columns == 0)
    return;
  if (markdown)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = 3;    /* the shortest delimiter cell, "---" */
  for (guint c = 0; c < n_columns; c++)
    widths[c] = MAX (widths[c], display_cell (shown, column_title (table, c), markdown));
  for (gsize r = 1; r < n_lines; r++)
    {
      GPtrArray *cells = get_row (table, r - 1);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], display_cell (shown, row_cell (cells, c), markdown));
    }

  for (gsize r = 0; r < n_lines; r++)
    {
      GPtrArray *cells = r > 0 ? get_row (table, r - 1) : NULL;

      if (!markdown && indent != NULL)
        g_string_append (out, indent);
      for (guint c = 0; c < n_columns; c++)
        {
          guint width = display_cell (shown, r == 0 ? column_title (table, c) : row_cell (cells, c),
                                      markdown);
          guint gap = widths[c] - width;
          gboolean right = g_array_index (table->columns, Column, c).align == MTE_ALIGN_RIGHT;

          g_string_append (out, markdown ? (c == 0 ? "| " : " | ") : (c == 0 ? "" : "  "));
          if (right)
            pad (out, gap, ' ');
          g_string_append_len (out, shown->str, shown->len);
          if (!right)
            pad (out, gap, ' ');
        }
      if (markdown)
        g_string_append (out, " |");
      trim_line_end (out);
      g_string_append_c (out, '\n');
      mte_sink_flush_full (sink);

      if (r > 0)
        continue;
      /* The rule under the titles. */
      if (!markdown && indent != NULL)
        g_string_append (out, indent);
      for (guint c = 0; c < n_columns; c++)
        {
          gboolean right = g_array_index (table->columns, Column, c).align == MTE_ALIGN_RIGHT;

          if (markdown)
            {
              g_string_append (out, c == 0 ? "| " : " | ");
              pad (out, widths[c] - (right ? 1 : 0), '-');
              if (right)
                g_string_append_c (out, ':');
            }
          else
            {
              if (c > 0)
                g_string_append (out, "  ");
              pad (out, widths[c], '-');
            }
        }
      if (markdown)
        g_string_append (out, " |");
      g_string_append_c (out, '\n');
      mte_sink_flush_full (sink);
    }
}

void
mte_table_write (MteTable       *table,
                 MteReportFormat format,
                 const char     *indent,
                 MteSink        *sink)
{
  switch (format)
    {
    case MTE_REPORT_CSV:
      render_csv (table, sink);
      break;
    case MTE_REPORT_MARKDOWN:
      render_aligned (table, TRUE, NULL, sink);
      break;
    case MTE_REPORT_TEXT:
    default:
      render_aligned (table, FALSE, indent, sink);
      break;
    }
}

void
mte_table_render (MteTable       *table,
                  MteReportFormat format,
                  const char     *indent,
                  GString        *out)
{
  MteSink sink = { out, NULL, NULL, NULL };

  mte_table_write (table, format, indent, &sink);
}

/* ------------------------------------------------------------------ */
/* Sinks                                                              */
/* ------------------------------------------------------------------ */

static gboolean
write_fd (const char *data,
          gsize       length,
          gpointer    user_data,
          GError    **error)
{
  int fd = *(int *) user_data;

  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "write error: %s", g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
mte_render_write_fd (int         fd,
                     const char *text,
                     GError    **error)
{
  return write_fd (text, strlen (text), &fd, error);
}

void
mte_sink_init_fd (MteSink *sink,
                  int     *fd)
{
  sink->out = g_string_sized_new (MTE_SINK_CHUNK + MTE_SINK_CHUNK / 4);
  sink->write = write_fd;
  sink->user_data = fd;
  sink->error = NULL;
}

static void
sink_write (MteSink *sink)
{
  if (sink->write == NULL || sink->out->len == 0)
    return;
  if (sink->error == NULL)
    sink->write (sink->out->str, sink->out->len, sink->user_data, &sink->error);
  g_string_truncate (sink->out, 0);
}

void
mte_sink_flush_full (MteSink *sink)
{
  if (sink->out->len >= MTE_SINK_CHUNK)
    sink_write (sink);
}

gboolean
mte_sink_finish (MteSink *sink,
                 GError **error)
{
  sink_write (sink);
  if (sink->write != NULL)
    {
      g_string_free (sink->out, TRUE);
      sink->out = NULL;
    }
  if (sink->error != NULL)
    {
      g_propagate_error (error, sink->error);
      sink->error = NULL;
      return FALSE;
    }
  return TRUE;
}
