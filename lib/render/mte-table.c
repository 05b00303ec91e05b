/* metaethno: one table, three renderings (aligned text, CSV, Markdown).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

#include <string.h>

typedef struct {
  char    *title;
  MteAlign align;
} Column;

struct _MteTable {
  GArray    *columns;   /* Column */
  GPtrArray *rows;      /* GPtrArray of char * */
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
mte_table_begin_row (MteTable *table)
{
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

static const char *
cell (const MteTable *table,
      guint           row,
      guint           column)
{
  GPtrArray *cells = g_ptr_array_index (table->rows, row);

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
render_csv (const MteTable *table,
            GString        *out)
{
  guint n_columns = table->columns->len;

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      mte_csv_field (out, g_array_index (table->columns, Column, c).title);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *valid = NULL;
          const char *text = cell (table, r, c);

          if (!g_utf8_validate (text, -1, NULL))
            text = valid = g_utf8_make_valid (text, -1);
          if (c > 0)
            g_string_append_c (out, ',');
          mte_csv_field (out, text);
        }
      g_string_append (out, "\r\n");
    }
}

/* Every cell (titles as row 0) prepared for display: one line, and for
 * Markdown escaped; widths in characters. */
static char **
display_cells (const MteTable *table,
               gboolean        markdown,
               guint          *widths)
{
  guint n_columns = table->columns->len;
  guint n_rows = table->rows->len + 1;
  char **cells = g_new0 (char *, n_rows * n_columns + 1);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *text = r == 0 ? g_array_index (table->columns, Column, c).title
                                  : cell (table, r - 1, c);
        char *shown;

        if (markdown)
          {
            GString *s = g_string_new (NULL);

            mte_render_markdown_inline (s, text);
            shown = g_string_free (s, FALSE);
          }
        else
          shown = mte_render_one_line (text);
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (shown, -1));
        cells[r * n_columns + c] = shown;
      }
  return cells;
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

static void
render_aligned (const MteTable *table,
                gboolean        markdown,
                const char     *indent,
                GString        *out)
{
  guint n_columns = table->columns->len;
  guint n_rows = table->rows->len + 1;
  g_autofree guint *widths = g_new0 (guint, n_columns + 1);
  g_auto (GStrv) cells = NULL;

  if (n_columns == 0)
    return;
  if (markdown)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = 3;    /* the shortest delimiter cell, "---" */
  cells = display_cells (table, markdown, widths);

  for (guint r = 0; r < n_rows; r++)
    {
      if (!markdown && indent != NULL)
        g_string_append (out, indent);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = cells[r * n_columns + c];
          guint gap = widths[c] - (guint) g_utf8_strlen (text, -1);
          gboolean right = g_array_index (table->columns, Column, c).align == MTE_ALIGN_RIGHT;

          g_string_append (out, markdown ? (c == 0 ? "| " : " | ") : (c == 0 ? "" : "  "));
          if (right)
            pad (out, gap, ' ');
          g_string_append (out, text);
          if (!right)
            pad (out, gap, ' ');
        }
      if (markdown)
        g_string_append (out, " |");
      trim_line_end (out);
      g_string_append_c (out, '\n');

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
    }
}

void
mte_table_render (const MteTable *table,
                  MteReportFormat format,
                  const char     *indent,
                  GString        *out)
{
  switch (format)
    {
    case MTE_REPORT_CSV:
      render_csv (table, out);
      break;
    case MTE_REPORT_MARKDOWN:
      render_aligned (table, TRUE, NULL, out);
      break;
    case MTE_REPORT_TEXT:
    default:
      render_aligned (table, FALSE, indent, out);
      break;
    }
}
