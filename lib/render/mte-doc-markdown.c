/* metaethno: the document model as GitHub-flavoured Markdown.
 *
 * Headings become ATX headings one level below the title, tables GFM
 * pipe tables under a bold "Table N." caption, figures images that refer
 * to SVG files written beside the Markdown. Every piece of text is
 * escaped, so a label holding `|`, `*` or `<b>` prints as written and
 * cannot break a table or inject HTML. An HTML anchor before each
 * heading, table and figure keeps the document's own links working.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-doc.h"
#include "mte-render-private.h"

#include <string.h>

/* Appends @text escaped: Markdown punctuation and '&' get a backslash,
 * and line ends become spaces (a table row or list item is one line). */
static void
escape (GString    *out,
        const char *text)
{
  gsize start = out->len;

  mte_render_markdown_inline (out, text);
  /* '&' would start an entity reference. */
  for (gsize i = start; i < out->len; i++)
    if (out->str[i] == '&')
      {
        g_string_insert_c (out, (gssize) i, '\\');
        i++;
      }
}

static void
write_inline (GString         *out,
              const MteInline *text)
{
  for (guint i = 0; text != NULL && i < text->spans->len; i++)
    {
      const MteSpan *span = &g_array_index (text->spans, MteSpan, i);

      switch (span->kind)
        {
        case MTE_SPAN_TEXT:
          escape (out, span->text);
          break;
        case MTE_SPAN_EMPH:
          g_string_append_c (out, '*');
          escape (out, span->text);
          g_string_append_c (out, '*');
          break;
        case MTE_SPAN_STRONG:
          g_string_append (out, "**");
          escape (out, span->text);
          g_string_append (out, "**");
          break;
        case MTE_SPAN_CODE:
          {
            /* A code span cannot escape: fence it with more backticks
             * than it holds. */
            g_autofree char *line = mte_render_one_line (span->text);
            guint run = 0, longest = 0;

            for (const char *p = line; *p != '\0'; p++)
              {
                run = *p == '`' ? run + 1 : 0;
                longest = MAX (longest, run);
              }
            for (guint k = 0; k <= longest; k++)
              g_string_append_c (out, '`');
            g_string_append_printf (out, " %s ", line);
            for (guint k = 0; k <= longest; k++)
              g_string_append_c (out, '`');
          }
          break;
        case MTE_SPAN_LINK:
          g_string_append_c (out, '[');
          escape (out, span->text);
          g_string_append (out, "](#");
          g_string_append_uri_escaped (out, span->target, "-_.", FALSE);
          g_string_append_c (out, ')');
          break;
        case MTE_SPAN_BREAK:
          g_string_append (out, "<br>");
          break;
        }
    }
}

/* A block's text, escaped where its first characters would start another
 * kind of block ("# ", "- ", "1. "). */
static void
write_block_text (GString         *out,
                  const MteInline *text)
{
  gsize start = out->len;
  const char *p;

  write_inline (out, text);
  p = out->str + start;
  if (strchr ("#+-=", *p) != NULL && *p != '\0')
    g_string_insert_c (out, (gssize) start, '\\');
  else if (g_ascii_isdigit (*p))
    {
      gsize k = start;

      while (k < out->len && g_ascii_isdigit (out->str[k]))
        k++;
      if (k < out->len && (out->str[k] == '.' || out->str[k] == ')'))
        g_string_insert_c (out, (gssize) k, '\\');
    }
}

static void
write_anchor (GString    *out,
              const char *anchor)
{
  if (anchor == NULL)
    return;
  g_string_append (out, "<a id=\"");
  mte_xml_escape (out, anchor, TRUE);
  g_string_append (out, "\"></a>\n\n");
}

static void
write_table (GString        *out,
             const MteBlock *block)
{
  write_anchor (out, block->anchor);
  g_string_append_printf (out, "**Table %u.** ", block->number);
  escape (out, block->caption);
  g_string_append (out, "\n\n|");
  for (guint c = 0; c < block->columns->len; c++)
    {
      g_string_append_c (out, ' ');
      escape (out, g_array_index (block->columns, MteDocColumn, c).title);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < block->columns->len; c++)
    switch (g_array_index (block->columns, MteDocColumn, c).align)
      {
      case MTE_CELL_RIGHT: g_string_append (out, " ---: |"); break;
      case MTE_CELL_CENTER: g_string_append (out, " :---: |"); break;
      case MTE_CELL_LEFT:
      default: g_string_append (out, " --- |"); break;
      }
  g_string_append_c (out, '\n');
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      g_string_append_c (out, '|');
      for (guint c = 0; c < block->columns->len; c++)
        {
          g_string_append_c (out, ' ');
          if (c < row->len)
            write_inline (out, g_ptr_array_index (row, c));
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
write_block (GString        *out,
             const MteBlock *block,
             const char     *figure_prefix)
{
  switch (block->kind)
    {
    case MTE_BLOCK_HEADING:
      write_anchor (out, block->anchor);
      for (guint i = 0; i <= block->level; i++)
        g_string_append_c (out, '#');
      g_string_append_c (out, ' ');
      write_inline (out, block->text);
      g_string_append (out, "\n\n");
      break;
    case MTE_BLOCK_PARAGRAPH:
      write_block_text (out, block->text);
      g_string_append (out, "\n\n");
      break;
    case MTE_BLOCK_NOTE:
      g_string_append_c (out, '*');
      write_inline (out, block->text);
      g_string_append (out, "*\n\n");
      break;
    case MTE_BLOCK_QUOTE:
      g_string_append (out, "> ");
      write_block_text (out, block->text);
      g_string_append (out, "\n\n");
      break;
    case MTE_BLOCK_LIST:
      for (guint i = 0; i < block->items->len; i++)
        {
          if (block->ordered)
            g_string_append_printf (out, "%u. ", i + 1);
          else
            g_string_append (out, "- ");
          write_block_text (out, g_ptr_array_index (block->items, i));
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
      break;
    case MTE_BLOCK_FIELDS:
      for (guint i = 0; i + 1 < block->items->len; i += 2)
        {
          const MteInline *value = g_ptr_array_index (block->items, i + 1);

          if (mte_inline_is_empty (value))
            continue;
          g_string_append (out, "- **");
          write_inline (out, g_ptr_array_index (block->items, i));
          g_string_append (out, ":** ");
          write_inline (out, value);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
      break;
    case MTE_BLOCK_TABLE:
      write_table (out, block);
      break;
    case MTE_BLOCK_FIGURE:
      write_anchor (out, block->anchor);
      g_string_append (out, "![");
      escape (out, block->alt);
      g_string_append (out, "](");
      g_string_append_uri_escaped (out, figure_prefix, "-_./", FALSE);
      g_string_append_c (out, '-');
      g_string_append_uri_escaped (out, block->name, "-_.", FALSE);
      g_string_append_printf (out, ".svg)\n\n**Figure %u.** ", block->number);
      escape (out, block->caption);
      g_string_append (out, "\n\n");
      break;
    }
}

char *
mte_doc_to_markdown (const MteDoc *doc,
                     const char   *figure_prefix)
{
  GString *out = g_string_sized_new (64 * 1024);

  g_string_append (out, "# ");
  escape (out, doc->title);
  g_string_append (out, "\n\n");
  if (doc->subtitle != NULL)
    {
      g_string_append_c (out, '*');
      escape (out, doc->subtitle);
      g_string_append (out, "*\n\n");
    }
  for (guint i = 0; i < doc->blocks->len; i++)
    write_block (out, g_ptr_array_index (doc->blocks, i), figure_prefix);
  /* One final newline. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
