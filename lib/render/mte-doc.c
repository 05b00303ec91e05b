/* metaethno: the document model's builder (see mte-doc.h).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-doc.h"

#include <string.h>

static void
clear_span (gpointer data)
{
  MteSpan *span = data;

  g_free (span->text);
  g_free (span->target);
}

static MteInline *
inline_new (void)
{
  MteInline *text = g_new0 (MteInline, 1);

  text->spans = g_array_new (FALSE, TRUE, sizeof (MteSpan));
  g_array_set_clear_func (text->spans, clear_span);
  return text;
}

static void
inline_free (gpointer data)
{
  MteInline *text = data;

  if (text == NULL)
    return;
  g_array_unref (text->spans);
  g_free (text);
}

static void
clear_column (gpointer data)
{
  g_free (((MteDocColumn *) data)->title);
}

static void
block_free (gpointer data)
{
  MteBlock *block = data;

  g_free (block->anchor);
  inline_free (block->text);
  if (block->items != NULL)
    g_ptr_array_unref (block->items);
  g_free (block->caption);
  if (block->columns != NULL)
    g_array_unref (block->columns);
  if (block->rows != NULL)
    g_ptr_array_unref (block->rows);
  g_free (block->name);
  g_free (block->svg);
  g_free (block->alt);
  g_free (block);
}

MteDoc *
mte_doc_new (const char *title,
             const char *lang)
{
  MteDoc *doc = g_new0 (MteDoc, 1);

  doc->title = mte_doc_clean (title != NULL ? title : "");
  doc->lang = g_strdup (lang != NULL ? lang : "en");
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  return doc;
}

void
mte_doc_free (MteDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_free (doc->subtitle);
  g_free (doc->lang);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

void
mte_doc_set_subtitle (MteDoc     *doc,
                      const char *subtitle)
{
  g_free (doc->subtitle);
  doc->subtitle = subtitle != NULL ? mte_doc_clean (subtitle) : NULL;
}

char *
mte_doc_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (c < 0x20 && c != '\t' && c != '\n')
        continue;
      else if (c == 0x7f)
        continue;
      else if (c == 0xc2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
        p++;                    /* C1 controls: not allowed in XML 1.0 text either */
      else if (c == 0xef && (guchar) p[1] == 0xbf && ((guchar) p[2] == 0xbe || (guchar) p[2] == 0xbf))
        p += 2;                 /* U+FFFE, U+FFFF: not characters */
      else
        g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}

static MteBlock *
add_block (MteDoc       *doc,
           MteBlockKind  kind)
{
  MteBlock *block = g_new0 (MteBlock, 1);

  block->kind = kind;
  g_ptr_array_add (doc->blocks, block);
  doc->current = NULL;
  return block;
}

static MteBlock *
last_block (MteDoc *doc)
{
  return doc->blocks->len > 0 ? g_ptr_array_index (doc->blocks, doc->blocks->len - 1) : NULL;
}

void
mte_doc_heading (MteDoc     *doc,
                 guint       level,
                 const char *anchor,
                 const char *text)
{
  MteBlock *block = add_block (doc, MTE_BLOCK_HEADING);

  block->level = CLAMP (level, 1, 4);
  block->anchor = g_strdup (anchor);
  block->text = inline_new ();
  doc->current = block->text;
  mte_doc_text (doc, text);
  doc->current = NULL;
}

static void
begin_text_block (MteDoc       *doc,
                  MteBlockKind  kind)
{
  MteBlock *block = add_block (doc, kind);

  block->text = inline_new ();
  doc->current = block->text;
}

void
mte_doc_begin_paragraph (MteDoc *doc)
{
  begin_text_block (doc, MTE_BLOCK_PARAGRAPH);
}

void
mte_doc_paragraph (MteDoc     *doc,
                   const char *text)
{
  begin_text_block (doc, MTE_BLOCK_PARAGRAPH);
  mte_doc_text (doc, text);
}

void
mte_doc_begin_note (MteDoc *doc)
{
  begin_text_block (doc, MTE_BLOCK_NOTE);
}

void
mte_doc_note (MteDoc     *doc,
              const char *text)
{
  begin_text_block (doc, MTE_BLOCK_NOTE);
  mte_doc_text (doc, text);
}

void
mte_doc_begin_quote (MteDoc *doc)
{
  begin_text_block (doc, MTE_BLOCK_QUOTE);
}

void
mte_doc_begin_list (MteDoc   *doc,
                    gboolean  ordered)
{
  MteBlock *block = add_block (doc, MTE_BLOCK_LIST);

  block->ordered = ordered;
  block->items = g_ptr_array_new_with_free_func (inline_free);
}

void
mte_doc_begin_item (MteDoc *doc)
{
  MteBlock *block = last_block (doc);
  MteInline *item;

  g_return_if_fail (block != NULL && block->kind == MTE_BLOCK_LIST);
  item = inline_new ();
  g_ptr_array_add (block->items, item);
  doc->current = item;
}

void
mte_doc_begin_fields (MteDoc *doc)
{
  MteBlock *block = add_block (doc, MTE_BLOCK_FIELDS);

  block->items = g_ptr_array_new_with_free_func (inline_free);
}

void
mte_doc_begin_field (MteDoc     *doc,
                     const char *name)
{
  MteBlock *block = last_block (doc);
  MteInline *value;

  g_return_if_fail (block != NULL && block->kind == MTE_BLOCK_FIELDS);
  g_ptr_array_add (block->items, inline_new ());
  doc->current = g_ptr_array_index (block->items, block->items->len - 1);
  mte_doc_text (doc, name);
  value = inline_new ();
  g_ptr_array_add (block->items, value);
  doc->current = value;
}

void
mte_doc_field (MteDoc     *doc,
               const char *name,
               const char *value)
{
  mte_doc_begin_field (doc, name);
  mte_doc_text (doc, value);
}

guint
mte_doc_begin_table (MteDoc     *doc,
                     const char *anchor,
                     const char *caption)
{
  MteBlock *block = add_block (doc, MTE_BLOCK_TABLE);

  block->anchor = g_strdup (anchor);
  block->caption = mte_doc_clean (caption);
  block->number = ++doc->n_tables;
  block->columns = g_array_new (FALSE, TRUE, sizeof (MteDocColumn));
  g_array_set_clear_func (block->columns, clear_column);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return block->number;
}

static MteBlock *
current_table (MteDoc *doc)
{
  MteBlock *block = last_block (doc);

  g_return_val_if_fail (block != NULL && block->kind == MTE_BLOCK_TABLE, NULL);
  return block;
}

void
mte_doc_set_compact (MteDoc *doc)
{
  MteBlock *block = current_table (doc);

  if (block != NULL)
    block->compact = TRUE;
}

void
mte_doc_add_column (MteDoc       *doc,
                    const char   *title,
                    MteCellAlign  align,
                    guint         weight)
{
  MteBlock *block = current_table (doc);
  MteDocColumn column = { NULL, align, weight };

  g_return_if_fail (block != NULL && block->rows->len == 0);
  column.title = mte_doc_clean (title);
  g_array_append_val (block->columns, column);
}

void
mte_doc_begin_row (MteDoc *doc)
{
  MteBlock *block = current_table (doc);

  g_return_if_fail (block != NULL);
  g_ptr_array_add (block->rows, g_ptr_array_new_with_free_func (inline_free));
  doc->current = NULL;
}

void
mte_doc_begin_cell (MteDoc *doc)
{
  MteBlock *block = current_table (doc);
  GPtrArray *row;

  g_return_if_fail (block != NULL && block->rows->len > 0);
  row = g_ptr_array_index (block->rows, block->rows->len - 1);
  g_return_if_fail (row->len < block->columns->len);
  g_ptr_array_add (row, inline_new ());
  doc->current = g_ptr_array_index (row, row->len - 1);
}

void
mte_doc_cell (MteDoc     *doc,
              const char *text)
{
  mte_doc_begin_cell (doc);
  mte_doc_text (doc, text);
}

void
mte_doc_cell_printf (MteDoc     *doc,
                     const char *format,
                     ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  mte_doc_cell (doc, text);
}

guint
mte_doc_figure (MteDoc     *doc,
                const char *anchor,
                const char *name,
                const char *caption,
                const char *alt,
                char       *svg,
                double      width,
                double      height)
{
  MteBlock *block = add_block (doc, MTE_BLOCK_FIGURE);

  block->anchor = g_strdup (anchor);
  block->name = g_strdup (name);
  block->caption = mte_doc_clean (caption);
  block->alt = mte_doc_clean (alt);
  block->svg = svg;
  block->width = width;
  block->height = height;
  block->number = ++doc->n_figures;
  return block->number;
}

static void
add_span (MteDoc      *doc,
          MteSpanKind  kind,
          const char  *text,
          const char  *target)
{
  MteSpan span = { kind, NULL, NULL };

  g_return_if_fail (doc->current != NULL);
  if (kind != MTE_SPAN_BREAK && (text == NULL || text[0] == '\0'))
    return;
  span.text = kind == MTE_SPAN_BREAK ? NULL : mte_doc_clean (text);
  span.target = g_strdup (target);
  g_array_append_val (doc->current->spans, span);
}

void
mte_doc_text (MteDoc     *doc,
              const char *text)
{
  add_span (doc, MTE_SPAN_TEXT, text, NULL);
}

void
mte_doc_printf (MteDoc     *doc,
                const char *format,
                ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  add_span (doc, MTE_SPAN_TEXT, text, NULL);
}

void
mte_doc_emph (MteDoc     *doc,
              const char *text)
{
  add_span (doc, MTE_SPAN_EMPH, text, NULL);
}

void
mte_doc_strong (MteDoc     *doc,
                const char *text)
{
  add_span (doc, MTE_SPAN_STRONG, text, NULL);
}

void
mte_doc_code (MteDoc     *doc,
              const char *text)
{
  add_span (doc, MTE_SPAN_CODE, text, NULL);
}

void
mte_doc_link (MteDoc     *doc,
              const char *anchor,
              const char *text)
{
  add_span (doc, anchor != NULL ? MTE_SPAN_LINK : MTE_SPAN_TEXT, text, anchor);
}

void
mte_doc_break (MteDoc *doc)
{
  add_span (doc, MTE_SPAN_BREAK, NULL, NULL);
}

gboolean
mte_inline_is_empty (const MteInline *text)
{
  if (text == NULL)
    return TRUE;
  for (guint i = 0; i < text->spans->len; i++)
    {
      const MteSpan *span = &g_array_index (text->spans, MteSpan, i);

      if (span->text != NULL && span->text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

char *
mte_inline_to_plain (const MteInline *text)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; text != NULL && i < text->spans->len; i++)
    {
      const MteSpan *span = &g_array_index (text->spans, MteSpan, i);

      g_string_append (out, span->kind == MTE_SPAN_BREAK ? " " : span->text);
    }
  return g_string_free (out, FALSE);
}

void
mte_xml_escape (GString    *out,
                const char *text,
                gboolean    attribute)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '"':
        g_string_append (out, attribute ? "&quot;" : "\"");
        break;
      case '\n':
        g_string_append (out, attribute ? "&#10;" : "\n");
        break;
      case '\t':
        g_string_append (out, attribute ? "&#9;" : "\t");
        break;
      default:
        g_string_append_c (out, *p);
      }
}
