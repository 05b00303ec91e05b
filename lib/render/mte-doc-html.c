/* metaethno: the document model as one self-contained HTML5 file.
 *
 * Inline CSS and SVG, no script and nothing fetched, so the file can be
 * mailed, archived with the review and opened offline. Semantic headings
 * and tables (caption, thead, scope), a table of contents, dir="auto" on
 * text blocks so right-to-left quotes read the right way, and a print
 * stylesheet for A4: repeated table headers, no row split across pages,
 * figures kept whole.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-doc.h"

#include <string.h>

static const char style[] =
  ":root{--ink:#1d2329;--muted:#5b6670;--rule:#c9d1d8;--head:#eef2f5;--accent:#1f5f8b}\n"
  "html{font-family:\"Source Serif 4\",\"Noto Serif\",\"DejaVu Serif\",Georgia,serif;"
  "color:var(--ink);line-height:1.45}\n"
  "body{margin:0 auto;max-width:52rem;padding:1.5rem 1.25rem 4rem}\n"
  "h1,h2,h3,h4,caption,figcaption,th,nav,.fields dt{font-family:\"Source Sans 3\","
  "\"Noto Sans\",\"DejaVu Sans\",Helvetica,Arial,sans-serif}\n"
  "h1{font-size:1.9rem;line-height:1.2;margin:0 0 .4rem}\n"
  "h2{font-size:1.45rem;margin:2.2rem 0 .6rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}\n"
  "h3{font-size:1.18rem;margin:1.6rem 0 .5rem}\n"
  "h4{font-size:1rem;margin:1.2rem 0 .4rem}\n"
  ".subtitle{color:var(--muted);margin:0 0 1.5rem}\n"
  "a{color:var(--accent)}\n"
  "p,li,dd{overflow-wrap:break-word}\n"
  "p.note{color:var(--muted);font-style:italic}\n"
  "blockquote{margin:.6rem 0 .6rem 1rem;padding:.1rem 0 .1rem .9rem;border-left:3px solid var(--rule)}\n"
  "code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.88em}\n"
  "nav.toc{border:1px solid var(--rule);padding:.6rem 1rem;margin:1rem 0 2rem;font-size:.95rem}\n"
  "nav.toc ol{margin:.2rem 0;padding-left:1.1rem;list-style:none}\n"
  "nav.toc>ol{padding-left:0}\n"
  "nav.toc>ol>li{margin:.15rem 0}\n"
  "dl.fields{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.2rem 1rem;margin:.6rem 0}\n"
  "dl.fields dt{font-weight:600;color:var(--muted)}\n"
  "dl.fields dd{margin:0}\n"
  "table{border-collapse:collapse;width:100%;margin:.8rem 0 1.4rem;font-size:.9rem;table-layout:fixed}\n"
  "table.compact{font-size:.75rem}\n"
  "caption{caption-side:top;text-align:left;font-weight:600;padding:0 0 .35rem}\n"
  "th,td{border:1px solid var(--rule);padding:.25rem .4rem;vertical-align:top;text-align:left;"
  "overflow-wrap:anywhere;hyphens:auto}\n"
  "thead th{background:var(--head)}\n"
  "td.r,th.r{text-align:right}\n"
  "td.c,th.c{text-align:center}\n"
  "figure{margin:1rem 0 1.6rem}\n"
  "figure .graphic svg{max-width:100%;height:auto;display:block;margin:0 auto}\n"
  "figcaption{font-size:.9rem;margin-top:.4rem}\n"
  "figure details{font-size:.85rem;color:var(--muted);margin-top:.3rem}\n"
  ".label{font-weight:700}\n"
  "@page{size:A4;margin:18mm 16mm 20mm}\n"
  "@media print{html{font-size:10pt}body{max-width:none;padding:0}"
  "h2,h3,h4{break-after:avoid}"
  "thead{display:table-header-group}tr,figure,dl.fields{break-inside:avoid}"
  "caption,thead tr{break-after:avoid}"
  "figure details{display:none}a{color:inherit;text-decoration:none}"
  "nav.toc{break-after:page}}\n";

static void
escape (GString    *out,
        const char *text)
{
  mte_xml_escape (out, text, FALSE);
}

static void
escape_attr (GString    *out,
             const char *text)
{
  mte_xml_escape (out, text, TRUE);
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
          g_string_append (out, "<em>");
          escape (out, span->text);
          g_string_append (out, "</em>");
          break;
        case MTE_SPAN_STRONG:
          g_string_append (out, "<strong>");
          escape (out, span->text);
          g_string_append (out, "</strong>");
          break;
        case MTE_SPAN_CODE:
          g_string_append (out, "<code>");
          escape (out, span->text);
          g_string_append (out, "</code>");
          break;
        case MTE_SPAN_LINK:
          g_string_append (out, "<a href=\"#");
          escape_attr (out, span->target);
          g_string_append (out, "\">");
          escape (out, span->text);
          g_string_append (out, "</a>");
          break;
        case MTE_SPAN_BREAK:
          g_string_append (out, "<br>");
          break;
        }
    }
}

static void
write_id (GString    *out,
          const char *anchor)
{
  if (anchor == NULL)
    return;
  g_string_append (out, " id=\"");
  escape_attr (out, anchor);
  g_string_append_c (out, '"');
}

static const char *
align_class (MteCellAlign align)
{
  switch (align)
    {
    case MTE_CELL_RIGHT: return " class=\"r\"";
    case MTE_CELL_CENTER: return " class=\"c\"";
    case MTE_CELL_LEFT:
    default: return "";
    }
}

static void
write_table (GString        *out,
             const MteBlock *block)
{
  guint total = 0;

  g_string_append (out, "<table");
  write_id (out, block->anchor);
  if (block->compact)
    g_string_append (out, " class=\"compact\"");
  g_string_append (out, ">\n<caption><span class=\"label\">");
  g_string_append_printf (out, "Table %u.</span> ", block->number);
  escape (out, block->caption);
  g_string_append (out, "</caption>\n");

  for (guint c = 0; c < block->columns->len; c++)
    total += g_array_index (block->columns, MteDocColumn, c).weight;
  if (total > 0)
    {
      g_string_append (out, "<colgroup>");
      for (guint c = 0; c < block->columns->len; c++)
        {
          guint weight = g_array_index (block->columns, MteDocColumn, c).weight;

          if (weight > 0)
            g_string_append_printf (out, "<col style=\"width:%.1f%%\">", 100.0 * weight / total);
          else
            g_string_append (out, "<col>");
        }
      g_string_append (out, "</colgroup>\n");
    }

  g_string_append (out, "<thead><tr>");
  for (guint c = 0; c < block->columns->len; c++)
    {
      const MteDocColumn *column = &g_array_index (block->columns, MteDocColumn, c);

      g_string_append_printf (out, "<th scope=\"col\"%s>", align_class (column->align));
      escape (out, column->title);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<tr>");
      for (guint c = 0; c < block->columns->len; c++)
        {
          const MteDocColumn *column = &g_array_index (block->columns, MteDocColumn, c);

          g_string_append_printf (out, "<td dir=\"auto\"%s>", align_class (column->align));
          if (c < row->len)
            write_inline (out, g_ptr_array_index (row, c));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/* The SVG element of @svg, without any XML declaration, doctype or
 * comment before it, for inline use. */
static const char *
svg_element (const char *svg)
{
  const char *start = svg != NULL ? strstr (svg, "<svg") : NULL;

  return start != NULL ? start : "";
}

static void
write_figure (GString        *out,
              const MteBlock *block)
{
  g_string_append (out, "<figure");
  write_id (out, block->anchor);
  g_string_append (out, ">\n<div class=\"graphic\" role=\"img\" aria-label=\"");
  escape_attr (out, block->alt);
  g_string_append (out, "\">\n");
  g_string_append (out, svg_element (block->svg));
  g_string_append (out, "\n</div>\n<figcaption dir=\"auto\"><span class=\"label\">");
  g_string_append_printf (out, "Figure %u.</span> ", block->number);
  escape (out, block->caption);
  g_string_append (out, "</figcaption>\n<details><summary>The figure in words</summary><p dir=\"auto\">");
  escape (out, block->alt);
  g_string_append (out, "</p></details>\n</figure>\n");
}

static void
write_toc (GString      *out,
           const MteDoc *doc)
{
  guint open = 0;               /* 0: no list; 1: top list; 2: nested list */
  gboolean any = FALSE;

  for (guint i = 0; i < doc->blocks->len && !any; i++)
    {
      const MteBlock *block = g_ptr_array_index (doc->blocks, i);

      any = block->kind == MTE_BLOCK_HEADING && block->level == 1 && block->anchor != NULL;
    }
  if (!any)
    return;

  g_string_append (out, "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n"
                        "<h2 id=\"toc-title\" style=\"break-before:auto;border:0;margin:.2rem 0;"
                        "font-size:1.1rem\">Contents</h2>\n");
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const MteBlock *block = g_ptr_array_index (doc->blocks, i);

      if (block->kind != MTE_BLOCK_HEADING || block->level > 2 || block->anchor == NULL)
        continue;
      if (block->level == 1)
        {
          if (open == 2)
            g_string_append (out, "</ol></li>\n");
          else if (open == 1)
            g_string_append (out, "</li>\n");
          else
            g_string_append (out, "<ol>\n");
          open = 1;
        }
      else
        {
          if (open == 0)
            continue;
          if (open == 1)
            g_string_append (out, "\n<ol>");
          open = 2;
        }
      g_string_append (out, "<li><a href=\"#");
      escape_attr (out, block->anchor);
      g_string_append (out, "\">");
      write_inline (out, block->text);
      g_string_append (out, "</a>");
      if (block->level == 2)
        g_string_append (out, "</li>");
    }
  if (open == 2)
    g_string_append (out, "</ol></li>\n");
  else if (open == 1)
    g_string_append (out, "</li>\n");
  g_string_append (out, "</ol>\n</nav>\n");
}

static void
write_block (GString        *out,
             const MteBlock *block)
{
  switch (block->kind)
    {
    case MTE_BLOCK_HEADING:
      /* Document headings start at h2: h1 is the title. */
      g_string_append_printf (out, "<h%u dir=\"auto\"", block->level + 1);
      write_id (out, block->anchor);
      g_string_append_c (out, '>');
      write_inline (out, block->text);
      g_string_append_printf (out, "</h%u>\n", block->level + 1);
      break;
    case MTE_BLOCK_PARAGRAPH:
      g_string_append (out, "<p dir=\"auto\">");
      write_inline (out, block->text);
      g_string_append (out, "</p>\n");
      break;
    case MTE_BLOCK_NOTE:
      g_string_append (out, "<p class=\"note\" dir=\"auto\">");
      write_inline (out, block->text);
      g_string_append (out, "</p>\n");
      break;
    case MTE_BLOCK_QUOTE:
      g_string_append (out, "<blockquote><p dir=\"auto\">");
      write_inline (out, block->text);
      g_string_append (out, "</p></blockquote>\n");
      break;
    case MTE_BLOCK_LIST:
      g_string_append (out, block->ordered ? "<ol>\n" : "<ul>\n");
      for (guint i = 0; i < block->items->len; i++)
        {
          g_string_append (out, "<li dir=\"auto\">");
          write_inline (out, g_ptr_array_index (block->items, i));
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, block->ordered ? "</ol>\n" : "</ul>\n");
      break;
    case MTE_BLOCK_FIELDS:
      g_string_append (out, "<dl class=\"fields\">\n");
      for (guint i = 0; i + 1 < block->items->len; i += 2)
        {
          const MteInline *value = g_ptr_array_index (block->items, i + 1);

          if (mte_inline_is_empty (value))
            continue;
          g_string_append (out, "<dt>");
          write_inline (out, g_ptr_array_index (block->items, i));
          g_string_append (out, "</dt><dd dir=\"auto\">");
          write_inline (out, value);
          g_string_append (out, "</dd>\n");
        }
      g_string_append (out, "</dl>\n");
      break;
    case MTE_BLOCK_TABLE:
      write_table (out, block);
      break;
    case MTE_BLOCK_FIGURE:
      write_figure (out, block);
      break;
    }
}

char *
mte_doc_to_html (const MteDoc *doc)
{
  GString *out = g_string_sized_new (64 * 1024);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  escape_attr (out, doc->lang);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"metaethno " MTE_VERSION_S "\">\n<title>");
  escape (out, doc->title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n<h1 dir=\"auto\">");
  escape (out, doc->title);
  g_string_append (out, "</h1>\n");
  if (doc->subtitle != NULL)
    {
      g_string_append (out, "<p class=\"subtitle\" dir=\"auto\">");
      escape (out, doc->subtitle);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");
  write_toc (out, doc);
  g_string_append (out, "<main>\n");
  for (guint i = 0; i < doc->blocks->len; i++)
    write_block (out, g_ptr_array_index (doc->blocks, i));
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
