/* metaethno: the document model as a Word document (OOXML
 * WordprocessingML, ECMA-376), written with libxml2's text writer and
 * packed with the zip writer of io/mte-zip-private.h (libzip), all in
 * memory.
 *
 * The package holds the usual parts: [Content_Types].xml, _rels/.rels,
 * docProps/core.xml and app.xml, word/document.xml with its
 * relationships, styles.xml, numbering.xml, settings.xml, and the figures
 * as word/media/imageN.png (each SVG rasterised by librsvg at twice its
 * size, for print).
 *
 * Styles use Word's built-in names ("heading 1", "caption", "Title",
 * "Quote", "List Bullet", "List Number", "Hyperlink"), so Word shows them
 * translated and its navigation pane and table of contents work (the
 * headings carry outline levels). Headings, tables and figures with an
 * anchor get a bookmark, and links become internal hyperlinks to it.
 * Captions follow Word's convention: "Table N." above the table, "Figure
 * N." below the figure, the number a SEQ field (with its value already
 * written, so nothing needs updating).
 *
 * Runs of right-to-left script (Hebrew, Arabic...) are written as runs of
 * their own marked w:rtl, as Word does when such text is typed, so that
 * "the theme ثقة (trust)" reads correctly; other scripts (CJK among them)
 * need nothing but their characters.
 *
 * Element order inside w:pPr, w:rPr, w:tblPr... follows the schema:
 * Word refuses a document whose properties are out of order.
 *
 * The output is byte-for-byte the same for the same document: every zip
 * entry carries the same fixed time, and nothing else varies.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-doc.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <string.h>

#include "mte-zip-private.h"

/* Namespaces. */
#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_PR  "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT  "http://schemas.openxmlformats.org/package/2006/content-types"
#define REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A4 in twentieths of a point, 2 cm margins. */
#define PAGE_WIDTH   11906
#define PAGE_HEIGHT  16838
#define MARGIN       1134
#define TEXT_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define TEXT_HEIGHT  (PAGE_HEIGHT - 2 * MARGIN)

/* English Metric Units: 914400 an inch, 635 a twip, 9525 a CSS pixel. */
#define EMU_PER_TWIP 635.0
#define EMU_PER_PX   9525.0

/* Rasterising: twice the CSS size, with no side longer than
 * FIGURE_MAX_PX and no more than FIGURE_MAX_AREA pixels (100 MB of
 * surface), whatever size a figure claims. */
#define FIGURE_SCALE     2.0
#define FIGURE_MAX_PX    8000.0
#define FIGURE_MAX_AREA  25e6

/* Relationship ids of word/document.xml: the fixed parts, then images. */
#define RID_STYLES    "rId1"
#define RID_NUMBERING "rId2"
#define RID_SETTINGS  "rId3"
#define RID_FIRST_IMAGE 4

/* Numbering instances: 1 bullets, 2 the first numbered list; each later
 * numbered list gets its own instance so that it restarts at 1. */
#define NUM_BULLET 1
#define NUM_ORDERED 2

typedef struct {
  const MteDoc    *doc;
  xmlBufferPtr     buf;
  xmlTextWriterPtr w;
  gboolean         failed;          /* a libxml2 writer call failed */
  GHashTable      *bookmarks;       /* anchor -> bookmark name */
  guint            bookmark_id;
  guint            n_ordered;       /* numbered lists written */
  GPtrArray       *images;          /* GBytes*: PNG, in order */
  guint            drawing_id;
} Docx;

typedef struct {
  gboolean bold;
  gboolean italic;
  gboolean code;
  gboolean link;
} RunStyle;

/* ------------------------------------------------------------------ */
/* The XML writer: thin calls that remember a failure                 */
/* ------------------------------------------------------------------ */

static void
check (Docx *x,
       int   rc)
{
  if (rc < 0)
    x->failed = TRUE;
}

static void
start (Docx       *x,
       const char *name)
{
  check (x, xmlTextWriterStartElement (x->w, BAD_CAST name));
}

static void
end (Docx *x)
{
  check (x, xmlTextWriterEndElement (x->w));
}

static void
attr (Docx       *x,
      const char *name,
      const char *value)
{
  check (x, xmlTextWriterWriteAttribute (x->w, BAD_CAST name, BAD_CAST value));
}

static void
attr_uint (Docx       *x,
           const char *name,
           guint64     value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, value);
  attr (x, name, buf);
}

/* <name/> */
static void
empty (Docx       *x,
       const char *name)
{
  start (x, name);
  end (x);
}

/* <name w:val="value"/> */
static void
val (Docx       *x,
     const char *name,
     const char *value)
{
  start (x, name);
  attr (x, "w:val", value);
  end (x);
}

static void
val_uint (Docx       *x,
          const char *name,
          guint       value)
{
  start (x, name);
  attr_uint (x, "w:val", value);
  end (x);
}

static void
text (Docx       *x,
      const char *content)
{
  check (x, xmlTextWriterWriteString (x->w, BAD_CAST content));
}

static void
begin_part (Docx *x)
{
  x->buf = xmlBufferCreate ();
  x->w = x->buf != NULL ? xmlNewTextWriterMemory (x->buf, 0) : NULL;
  if (x->w == NULL)
    {
      x->failed = TRUE;
      return;
    }
  check (x, xmlTextWriterStartDocument (x->w, "1.0", "UTF-8", "yes"));
}

/* The part written since begin_part(), or NULL when a call failed. */
static GBytes *
end_part (Docx *x)
{
  GBytes *bytes = NULL;

  if (x->w != NULL)
    {
      check (x, xmlTextWriterEndDocument (x->w));
      xmlFreeTextWriter (x->w);         /* flushes into x->buf */
      x->w = NULL;
    }
  if (x->buf != NULL)
    {
      if (!x->failed)
        bytes = g_bytes_new (xmlBufferContent (x->buf), xmlBufferLength (x->buf));
      xmlBufferFree (x->buf);
      x->buf = NULL;
    }
  return bytes;
}

/* ------------------------------------------------------------------ */
/* Text: runs, right-to-left runs, tabs and line breaks               */
/* ------------------------------------------------------------------ */

typedef enum { DIR_NEUTRAL, DIR_LTR, DIR_RTL } Direction;

static Direction
direction (gunichar c)
{
  if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefe) || (c >= 0x10800 && c <= 0x10fff) ||
      (c >= 0x1e800 && c <= 0x1efff))
    return DIR_RTL;
  if (g_unichar_isalpha (c))
    return DIR_LTR;
  return DIR_NEUTRAL;
}

static void
run_properties (Docx           *x,
                const RunStyle *style,
                gboolean        rtl)
{
  if (!style->bold && !style->italic && !style->code && !style->link && !rtl)
    return;
  start (x, "w:rPr");
  if (style->link)
    val (x, "w:rStyle", "Hyperlink");
  else if (style->code)
    val (x, "w:rStyle", "InlineCode");
  if (style->bold)
    {
      empty (x, "w:b");
      empty (x, "w:bCs");
    }
  if (style->italic)
    {
      empty (x, "w:i");
      empty (x, "w:iCs");
    }
  if (rtl)
    empty (x, "w:rtl");
  end (x);
}

/* One run of @len bytes of @s, all in one direction, where \t and \n
 * become w:tab and w:br. */
static void
write_run (Docx           *x,
           const RunStyle *style,
           gboolean        rtl,
           const char     *s,
           gsize           len)
{
  const char *end_s = s + len;

  start (x, "w:r");
  run_properties (x, style, rtl);
  while (s < end_s)
    {
      const char *stop = s;

      while (stop < end_s && *stop != '\t' && *stop != '\n')
        stop++;
      if (stop > s)
        {
          g_autofree char *piece = g_strndup (s, stop - s);

          start (x, "w:t");
          attr (x, "xml:space", "preserve");
          text (x, piece);
          end (x);
        }
      if (stop < end_s)
        empty (x, *stop == '\t' ? "w:tab" : "w:br");
      s = stop < end_s ? stop + 1 : stop;
    }
  end (x);
}

/* @content (cleaned here: invalid UTF-8 repaired, controls dropped) as
 * runs, one per stretch of right-to-left or other text. Neutral
 * characters (spaces, punctuation, digits) go with the right-to-left
 * stretch only between two right-to-left letters. */
static void
write_runs (Docx           *x,
            const RunStyle *style,
            const char     *content)
{
  g_autofree char *clean = mte_doc_clean (content);
  const char *run_start = clean;
  gboolean rtl = FALSE;
  const char *p = clean;

  while (*p != '\0')
    {
      Direction d = direction (g_utf8_get_char (p));

      if (d == DIR_RTL && !rtl)
        {
          if (p > run_start)
            write_run (x, style, FALSE, run_start, p - run_start);
          run_start = p;
          rtl = TRUE;
        }
      else if (d != DIR_RTL && rtl)
        {
          /* Does right-to-left text resume after these neutrals? */
          const char *q = p;
          Direction next = DIR_NEUTRAL;

          while (*q != '\0' && (next = direction (g_utf8_get_char (q))) == DIR_NEUTRAL)
            q = g_utf8_next_char (q);
          if (next == DIR_RTL)
            {
              p = q;
              continue;
            }
          write_run (x, style, TRUE, run_start, p - run_start);
          run_start = p;
          rtl = FALSE;
        }
      p = g_utf8_next_char (p);
    }
  if (p > run_start)
    write_run (x, style, rtl, run_start, p - run_start);
}

static void
write_inline (Docx            *x,
              const MteInline *content,
              gboolean         bold,
              gboolean         italic)
{
  if (content == NULL || content->spans == NULL)
    return;
  for (guint i = 0; i < content->spans->len; i++)
    {
      const MteSpan *span = &g_array_index (content->spans, MteSpan, i);
      RunStyle style = { bold, italic, FALSE, FALSE };
      const char *mark;

      switch (span->kind)
        {
        case MTE_SPAN_BREAK:
          start (x, "w:r");
          empty (x, "w:br");
          end (x);
          continue;
        case MTE_SPAN_EMPH:
          style.italic = TRUE;
          break;
        case MTE_SPAN_STRONG:
          style.bold = TRUE;
          break;
        case MTE_SPAN_CODE:
          style.code = TRUE;
          break;
        case MTE_SPAN_LINK:
          mark = span->target != NULL ? g_hash_table_lookup (x->bookmarks, span->target) : NULL;
          if (mark != NULL)
            {
              style.link = TRUE;
              start (x, "w:hyperlink");
              attr (x, "w:anchor", mark);
              attr (x, "w:history", "1");
              write_runs (x, &style, span->text != NULL ? span->text : "");
              end (x);
              continue;
            }
          break;                /* to nowhere: plain text */
        case MTE_SPAN_TEXT:
        default:
          break;
        }
      if (span->text != NULL)
        write_runs (x, &style, span->text);
    }
}

/* Plain text in one style. */
static void
write_plain (Docx       *x,
             const char *content,
             gboolean    bold)
{
  RunStyle style = { bold, FALSE, FALSE, FALSE };

  if (content != NULL && content[0] != '\0')
    write_runs (x, &style, content);
}

/* ------------------------------------------------------------------ */
/* Bookmarks                                                          */
/* ------------------------------------------------------------------ */

/* Word's bookmark names: a letter, then letters, digits and '_', at most
 * 40 characters. Anchors such as "soqf-table" are mapped to such names
 * ("soqf_table"), unique in the document, before anything is written. */
static void
collect_bookmarks (Docx *x)
{
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < x->doc->blocks->len; i++)
    {
      const MteBlock *block = g_ptr_array_index (x->doc->blocks, i);
      GString *name;

      if (block->anchor == NULL || block->anchor[0] == '\0' ||
          g_hash_table_contains (x->bookmarks, block->anchor))
        continue;
      name = g_string_new (g_ascii_isalpha (block->anchor[0]) ? "" : "a_");
      for (const char *p = block->anchor; *p != '\0' && name->len < 32; p++)
        g_string_append_c (name, g_ascii_isalnum (*p) ? *p : '_');
      if (g_hash_table_contains (used, name->str))
        {
          gsize len = name->len;

          for (guint n = 2;; n++)
            {
              g_string_truncate (name, len);
              g_string_append_printf (name, "_%u", n);
              if (!g_hash_table_contains (used, name->str))
                break;
            }
        }
      g_hash_table_insert (x->bookmarks, g_strdup (block->anchor), name->str);
      g_hash_table_add (used, name->str);
      g_string_free (name, FALSE);
    }
}

static guint
bookmark_start (Docx       *x,
                const char *anchor)
{
  const char *mark = anchor != NULL ? g_hash_table_lookup (x->bookmarks, anchor) : NULL;

  if (mark == NULL)
    return 0;
  start (x, "w:bookmarkStart");
  attr_uint (x, "w:id", ++x->bookmark_id);
  attr (x, "w:name", mark);
  end (x);
  return x->bookmark_id;
}

static void
bookmark_end (Docx  *x,
              guint  id)
{
  if (id == 0)
    return;
  start (x, "w:bookmarkEnd");
  attr_uint (x, "w:id", id);
  end (x);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                             */
/* ------------------------------------------------------------------ */

static void
paragraph_start (Docx       *x,
                 const char *style)
{
  start (x, "w:p");
  if (style != NULL)
    {
      start (x, "w:pPr");
      val (x, "w:pStyle", style);
      end (x);
    }
}

static void
write_text_block (Docx            *x,
                  const char      *style,
                  const MteInline *content)
{
  paragraph_start (x, style);
  write_inline (x, content, FALSE, FALSE);
  end (x);
}

static void
write_heading (Docx           *x,
               const MteBlock *block)
{
  char style[16];
  guint id;

  g_snprintf (style, sizeof style, "Heading%u", CLAMP (block->level, 1, 4));
  paragraph_start (x, style);
  id = bookmark_start (x, block->anchor);
  write_inline (x, block->text, FALSE, FALSE);
  bookmark_end (x, id);
  end (x);
}

static void
write_list (Docx           *x,
            const MteBlock *block)
{
  guint num = NUM_BULLET;

  if (block->items == NULL || block->items->len == 0)
    return;
  if (block->ordered)
    num = NUM_ORDERED + x->n_ordered++;
  for (guint i = 0; i < block->items->len; i++)
    {
      start (x, "w:p");
      start (x, "w:pPr");
      val (x, "w:pStyle", block->ordered ? "ListNumber" : "ListBullet");
      start (x, "w:numPr");
      val_uint (x, "w:ilvl", 0);
      val_uint (x, "w:numId", num);
      end (x);
      end (x);
      write_inline (x, g_ptr_array_index (block->items, i), FALSE, FALSE);
      end (x);
    }
}

/* "Name: value" paragraphs, the name in bold. */
static void
write_fields (Docx           *x,
              const MteBlock *block)
{
  if (block->items == NULL)
    return;
  for (guint i = 0; i + 1 < block->items->len; i += 2)
    {
      const MteInline *name = g_ptr_array_index (block->items, i);
      const MteInline *value = g_ptr_array_index (block->items, i + 1);
      RunStyle bold = { TRUE, FALSE, FALSE, FALSE };

      if (value == NULL || mte_inline_is_empty (value))
        continue;
      paragraph_start (x, "Field");
      write_inline (x, name, TRUE, FALSE);
      write_runs (x, &bold, ": ");
      write_inline (x, value, FALSE, FALSE);
      end (x);
    }
}

/* "Table 3. caption": the label, a SEQ field holding @number, and the
 * caption; the bookmark of @anchor around it all. */
static void
write_caption (Docx       *x,
               const char *label,
               guint       number,
               const char *caption,
               const char *anchor,
               gboolean    keep_next)
{
  char instr[32], digits[16];
  g_autofree char *prefix = NULL;
  const char *kinds[] = { "begin", NULL, "separate", NULL, "end" };
  guint id;

  start (x, "w:p");
  start (x, "w:pPr");
  val (x, "w:pStyle", "Caption");
  if (keep_next)
    empty (x, "w:keepNext");
  end (x);
  id = bookmark_start (x, anchor);
  g_snprintf (instr, sizeof instr, " SEQ %s \\* ARABIC ", label);
  g_snprintf (digits, sizeof digits, "%u", number);
  prefix = g_strconcat (label, " ", NULL);
  write_plain (x, prefix, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      start (x, "w:r");
      if (kinds[i] != NULL)
        {
          start (x, "w:fldChar");
          attr (x, "w:fldCharType", kinds[i]);
          end (x);
        }
      else
        {
          start (x, i == 1 ? "w:instrText" : "w:t");
          attr (x, "xml:space", "preserve");
          text (x, i == 1 ? instr : digits);
          end (x);
        }
      end (x);
    }
  write_plain (x, ".", FALSE);
  if (caption != NULL && caption[0] != '\0')
    {
      write_plain (x, " ", FALSE);
      write_plain (x, caption, FALSE);
    }
  bookmark_end (x, id);
  end (x);
}

static void
write_cell (Docx            *x,
            guint            width,
            const char      *style,
            MteCellAlign     align,
            const MteInline *content,
            const char      *title)
{
  start (x, "w:tc");
  start (x, "w:tcPr");
  start (x, "w:tcW");
  attr_uint (x, "w:w", width);
  attr (x, "w:type", "dxa");
  end (x);
  end (x);
  start (x, "w:p");
  start (x, "w:pPr");
  val (x, "w:pStyle", style);
  if (align == MTE_CELL_RIGHT)
    val (x, "w:jc", "right");
  else if (align == MTE_CELL_CENTER)
    val (x, "w:jc", "center");
  end (x);
  if (title != NULL)
    write_plain (x, title, FALSE);      /* bold from the table style */
  else
    write_inline (x, content, FALSE, FALSE);
  end (x);
  end (x);
}

/* Column widths in twips over the text width, by weight; a column of
 * weight 0 ("as needed") counts as the lightest weighted column, or all
 * as equal when none has a weight. */
static guint *
column_widths (const MteBlock *block,
               guint           n_columns)
{
  guint *widths = g_new0 (guint, n_columns);
  guint lightest = 0;
  guint64 total = 0;
  guint given = 0;

  for (guint i = 0; i < n_columns && block->columns != NULL && i < block->columns->len; i++)
    {
      guint weight = g_array_index (block->columns, MteDocColumn, i).weight;

      if (weight > 0 && (lightest == 0 || weight < lightest))
        lightest = weight;
    }
  if (lightest == 0)
    lightest = 1;
  for (guint i = 0; i < n_columns; i++)
    {
      guint weight = 0;

      if (block->columns != NULL && i < block->columns->len)
        weight = g_array_index (block->columns, MteDocColumn, i).weight;
      widths[i] = weight > 0 ? weight : lightest;
      total += widths[i];
    }
  for (guint i = 0; i < n_columns; i++)
    {
      widths[i] = (guint) (widths[i] * (guint64) TEXT_WIDTH / total);
      given += widths[i];
    }
  if (n_columns > 0)
    widths[n_columns - 1] += TEXT_WIDTH - given;     /* rounding */
  return widths;
}

static MteCellAlign
column_align (const MteBlock *block,
              guint           i)
{
  if (block->columns == NULL || i >= block->columns->len)
    return MTE_CELL_LEFT;
  return g_array_index (block->columns, MteDocColumn, i).align;
}

static void
write_table (Docx           *x,
             const MteBlock *block)
{
  const char *style = block->compact ? "TableTextCompact" : "TableText";
  guint n_columns = block->columns != NULL ? block->columns->len : 0;
  gboolean has_header = FALSE;
  g_autofree guint *widths = NULL;

  write_caption (x, "Table", block->number, block->caption, block->anchor, TRUE);

  for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      if (row != NULL)
        n_columns = MAX (n_columns, row->len);
    }
  for (guint i = 0; block->columns != NULL && i < block->columns->len; i++)
    if (g_array_index (block->columns, MteDocColumn, i).title != NULL)
      has_header = TRUE;
  if (n_columns == 0 || (!has_header && (block->rows == NULL || block->rows->len == 0)))
    {
      /* Word refuses a table without cells: say so instead. */
      paragraph_start (x, "Note");
      write_plain (x, "(The table is empty.)", FALSE);
      end (x);
      return;
    }
  widths = column_widths (block, n_columns);

  start (x, "w:tbl");
  start (x, "w:tblPr");
  val (x, "w:tblStyle", "ReportTable");
  start (x, "w:tblW");
  attr_uint (x, "w:w", TEXT_WIDTH);
  attr (x, "w:type", "dxa");
  end (x);
  val (x, "w:tblLayout", "fixed");
  start (x, "w:tblLook");
  attr (x, "w:val", "0420");
  attr (x, "w:firstRow", has_header ? "1" : "0");
  attr (x, "w:lastRow", "0");
  attr (x, "w:firstColumn", "0");
  attr (x, "w:lastColumn", "0");
  attr (x, "w:noHBand", "1");
  attr (x, "w:noVBand", "1");
  end (x);
  end (x);
  start (x, "w:tblGrid");
  for (guint i = 0; i < n_columns; i++)
    {
      start (x, "w:gridCol");
      attr_uint (x, "w:w", widths[i]);
      end (x);
    }
  end (x);

  if (has_header)
    {
      start (x, "w:tr");
      start (x, "w:trPr");
      empty (x, "w:cantSplit");
      empty (x, "w:tblHeader");
      end (x);
      for (guint i = 0; i < n_columns; i++)
        {
          const char *title = "";

          if (i < block->columns->len && g_array_index (block->columns, MteDocColumn, i).title != NULL)
            title = g_array_index (block->columns, MteDocColumn, i).title;
          write_cell (x, widths[i], style, column_align (block, i), NULL, title);
        }
      end (x);
    }
  for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      start (x, "w:tr");
      start (x, "w:trPr");
      empty (x, "w:cantSplit");
      end (x);
      for (guint i = 0; i < n_columns; i++)
        {
          const MteInline *cell = row != NULL && i < row->len ? g_ptr_array_index (row, i) : NULL;

          write_cell (x, widths[i], style, column_align (block, i), cell, NULL);
        }
      end (x);
    }
  end (x);
}

/* ------------------------------------------------------------------ */
/* Figures                                                            */
/* ------------------------------------------------------------------ */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The figure's SVG as a PNG at FIGURE_SCALE times its CSS size (less for
 * a huge figure), on white; its CSS size in @css_width and @css_height. */
static GBytes *
rasterise (const MteBlock *block,
           double         *css_width,
           double         *css_height,
           GError        **error)
{
  RsvgHandle *handle;
  g_autoptr (GError) local = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport;
  double width = block->width, height = block->height, scale = FIGURE_SCALE;
  GByteArray *png;
  cairo_status_t status;
  gboolean ok;

  if (block->svg == NULL || block->svg[0] == '\0')
    {
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "figure %u (%s) has no SVG to rasterise", block->number,
                   block->name != NULL ? block->name : "unnamed");
      return NULL;
    }
  handle = rsvg_handle_new_from_data ((const guint8 *) block->svg, strlen (block->svg), &local);
  if (handle == NULL)
    {
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "figure %u (%s) cannot be rasterised: %s", block->number,
                   block->name != NULL ? block->name : "unnamed",
                   local != NULL ? local->message : "not an SVG document");
      return NULL;
    }
  if (!(isfinite (width) && isfinite (height) && width >= 1 && height >= 1) &&
      !(rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height) &&
        isfinite (width) && isfinite (height) && width >= 1 && height >= 1))
    {
      width = 600;              /* no size anywhere: a plausible one */
      height = 400;
    }
  if (width * scale > FIGURE_MAX_PX)
    scale = FIGURE_MAX_PX / width;
  if (height * scale > FIGURE_MAX_PX)
    scale = FIGURE_MAX_PX / height;
  if (width * height * scale * scale > FIGURE_MAX_AREA)
    scale = sqrt (FIGURE_MAX_AREA / (width * height));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) ceil (width * scale)),
                                        MAX (1, (int) ceil (height * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  viewport = (RsvgRectangle) { 0, 0, width * scale, height * scale };
  ok = rsvg_handle_render_document (handle, cr, &viewport, &local);
  status = cairo_status (cr);
  cairo_destroy (cr);
  g_object_unref (handle);
  if (!ok || status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "figure %u (%s) cannot be rasterised: %s", block->number,
                   block->name != NULL ? block->name : "unnamed",
                   local != NULL ? local->message : cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }
  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                   "figure %u (%s): PNG not written: %s", block->number,
                   block->name != NULL ? block->name : "unnamed",
                   cairo_status_to_string (status));
      g_byte_array_unref (png);
      return NULL;
    }
  *css_width = width;
  *css_height = height;
  return g_byte_array_free_to_bytes (png);
}

static gboolean
write_figure (Docx           *x,
              const MteBlock *block,
              GError        **error)
{
  double width, height, cx, cy, fit;
  const char *alt = block->alt != NULL ? block->alt : "";
  g_autofree char *name = NULL;
  g_autofree char *rid = NULL;
  g_autofree char *clean_alt = mte_doc_clean (alt);
  GBytes *png = rasterise (block, &width, &height, error);
  guint id;

  if (png == NULL)
    return FALSE;
  g_ptr_array_add (x->images, png);
  name = g_strdup_printf ("image%u.png", x->images->len);
  rid = g_strdup_printf ("rId%u", RID_FIRST_IMAGE + x->images->len - 1);

  /* Its CSS size, shrunk to fit the text width and most of the height
   * (the caption goes below). */
  cx = width * EMU_PER_PX;
  cy = height * EMU_PER_PX;
  fit = MIN (1.0, MIN (TEXT_WIDTH * EMU_PER_TWIP / cx, 0.85 * TEXT_HEIGHT * EMU_PER_TWIP / cy));
  cx = MAX (1.0, floor (cx * fit));
  cy = MAX (1.0, floor (cy * fit));

  paragraph_start (x, "Figure");
  id = bookmark_start (x, block->anchor);
  start (x, "w:r");
  start (x, "w:drawing");
  start (x, "wp:inline");
  attr (x, "distT", "0");
  attr (x, "distB", "0");
  attr (x, "distL", "0");
  attr (x, "distR", "0");
  start (x, "wp:extent");
  attr_uint (x, "cx", (guint64) cx);
  attr_uint (x, "cy", (guint64) cy);
  end (x);
  start (x, "wp:effectExtent");
  attr (x, "l", "0");
  attr (x, "t", "0");
  attr (x, "r", "0");
  attr (x, "b", "0");
  end (x);
  start (x, "wp:docPr");
  attr_uint (x, "id", ++x->drawing_id);
  attr (x, "name", name);
  attr (x, "descr", clean_alt);
  end (x);
  start (x, "wp:cNvGraphicFramePr");
  start (x, "a:graphicFrameLocks");
  attr (x, "xmlns:a", NS_A);
  attr (x, "noChangeAspect", "1");
  end (x);
  end (x);
  start (x, "a:graphic");
  attr (x, "xmlns:a", NS_A);
  start (x, "a:graphicData");
  attr (x, "uri", NS_PIC);
  start (x, "pic:pic");
  attr (x, "xmlns:pic", NS_PIC);
  start (x, "pic:nvPicPr");
  start (x, "pic:cNvPr");
  attr_uint (x, "id", 0);
  attr (x, "name", name);
  attr (x, "descr", clean_alt);
  end (x);
  empty (x, "pic:cNvPicPr");
  end (x);
  start (x, "pic:blipFill");
  start (x, "a:blip");
  attr (x, "r:embed", rid);
  end (x);
  start (x, "a:stretch");
  empty (x, "a:fillRect");
  end (x);
  end (x);
  start (x, "pic:spPr");
  start (x, "a:xfrm");
  start (x, "a:off");
  attr (x, "x", "0");
  attr (x, "y", "0");
  end (x);
  start (x, "a:ext");
  attr_uint (x, "cx", (guint64) cx);
  attr_uint (x, "cy", (guint64) cy);
  end (x);
  end (x);
  start (x, "a:prstGeom");
  attr (x, "prst", "rect");
  empty (x, "a:avLst");
  end (x);
  end (x);
  end (x);                      /* pic:pic */
  end (x);                      /* a:graphicData */
  end (x);                      /* a:graphic */
  end (x);                      /* wp:inline */
  end (x);                      /* w:drawing */
  end (x);                      /* w:r */
  bookmark_end (x, id);
  end (x);                      /* w:p */

  write_caption (x, "Figure", block->number, block->caption, NULL, FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Parts                                                              */
/* ------------------------------------------------------------------ */

static GBytes *
document_part (Docx    *x,
               GError **error)
{
  const MteDoc *doc = x->doc;
  gboolean last_is_table = FALSE;
  GBytes *part;

  begin_part (x);
  start (x, "w:document");
  attr (x, "xmlns:w", NS_W);
  attr (x, "xmlns:r", NS_R);
  attr (x, "xmlns:wp", NS_WP);
  start (x, "w:body");

  if (doc->title != NULL && doc->title[0] != '\0')
    {
      paragraph_start (x, "Title");
      write_plain (x, doc->title, FALSE);
      end (x);
    }
  if (doc->subtitle != NULL && doc->subtitle[0] != '\0')
    {
      paragraph_start (x, "Subtitle");
      write_plain (x, doc->subtitle, FALSE);
      end (x);
    }

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const MteBlock *block = g_ptr_array_index (doc->blocks, i);

      last_is_table = FALSE;
      switch (block->kind)
        {
        case MTE_BLOCK_HEADING:
          write_heading (x, block);
          break;
        case MTE_BLOCK_PARAGRAPH:
          write_text_block (x, NULL, block->text);
          break;
        case MTE_BLOCK_NOTE:
          write_text_block (x, "Note", block->text);
          break;
        case MTE_BLOCK_QUOTE:
          write_text_block (x, "Quote", block->text);
          break;
        case MTE_BLOCK_LIST:
          write_list (x, block);
          break;
        case MTE_BLOCK_FIELDS:
          write_fields (x, block);
          break;
        case MTE_BLOCK_TABLE:
          write_table (x, block);
          last_is_table = TRUE;
          break;
        case MTE_BLOCK_FIGURE:
          if (!write_figure (x, block, error))
            {
              g_bytes_unref (end_part (x));
              return NULL;
            }
          break;
        default:
          break;
        }
    }
  /* Word wants a paragraph after a table that ends the document. */
  if (last_is_table)
    empty (x, "w:p");

  start (x, "w:sectPr");
  start (x, "w:pgSz");
  attr_uint (x, "w:w", PAGE_WIDTH);
  attr_uint (x, "w:h", PAGE_HEIGHT);
  end (x);
  start (x, "w:pgMar");
  attr_uint (x, "w:top", MARGIN);
  attr_uint (x, "w:right", MARGIN);
  attr_uint (x, "w:bottom", MARGIN);
  attr_uint (x, "w:left", MARGIN);
  attr_uint (x, "w:header", 709);
  attr_uint (x, "w:footer", 709);
  attr_uint (x, "w:gutter", 0);
  end (x);
  end (x);

  end (x);                      /* w:body */
  end (x);                      /* w:document */
  part = end_part (x);
  if (part == NULL)
    g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                 "word/document.xml could not be written (out of memory?)");
  return part;
}

/* A paragraph or character style; @based_on and @next may be NULL. */
static void
style_start (Docx       *x,
             const char *type,
             const char *id,
             const char *name,
             const char *based_on,
             const char *next)
{
  start (x, "w:style");
  attr (x, "w:type", type);
  attr (x, "w:styleId", id);
  val (x, "w:name", name);
  if (based_on != NULL)
    val (x, "w:basedOn", based_on);
  if (next != NULL)
    val (x, "w:next", next);
  empty (x, "w:qFormat");
}

static void
spacing (Docx  *x,
         guint  before,
         guint  after)
{
  start (x, "w:spacing");
  attr_uint (x, "w:before", before);
  attr_uint (x, "w:after", after);
  end (x);
}

static void
size (Docx  *x,
      guint  half_points)
{
  val_uint (x, "w:sz", half_points);
  val_uint (x, "w:szCs", half_points);
}

static void
border (Docx       *x,
        const char *name,
        const char *kind)
{
  start (x, name);
  attr (x, "w:val", kind);
  attr (x, "w:sz", "4");
  attr (x, "w:space", "0");
  attr (x, "w:color", "8C96A0");
  end (x);
}

static void
cell_margins (Docx *x)
{
  static const char *const sides[] = { "w:top", "w:left", "w:bottom", "w:right" };

  start (x, "w:tblCellMar");
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      start (x, sides[i]);
      attr_uint (x, "w:w", i % 2 == 0 ? 29 : 85);
      attr (x, "w:type", "dxa");
      end (x);
    }
  end (x);
}

static GBytes *
styles_part (Docx *x)
{
  static const guint heading_size[] = { 32, 28, 24, 22 };
  static const guint heading_before[] = { 360, 280, 240, 200 };

  begin_part (x);
  start (x, "w:styles");
  attr (x, "xmlns:w", NS_W);

  start (x, "w:docDefaults");
  start (x, "w:rPrDefault");
  start (x, "w:rPr");
  start (x, "w:rFonts");
  attr (x, "w:ascii", "Calibri");
  attr (x, "w:hAnsi", "Calibri");
  attr (x, "w:eastAsia", "SimSun");
  attr (x, "w:cs", "Arial");
  end (x);
  size (x, 22);
  start (x, "w:lang");
  attr (x, "w:val", x->doc->lang != NULL && x->doc->lang[0] != '\0' ? x->doc->lang : "en");
  attr (x, "w:eastAsia", "zh-CN");
  attr (x, "w:bidi", "ar-SA");
  end (x);
  end (x);
  end (x);
  start (x, "w:pPrDefault");
  start (x, "w:pPr");
  start (x, "w:spacing");
  attr (x, "w:after", "120");
  attr (x, "w:line", "264");
  attr (x, "w:lineRule", "auto");
  end (x);
  end (x);
  end (x);
  end (x);

  /* Normal and the defaults Word expects. */
  start (x, "w:style");
  attr (x, "w:type", "paragraph");
  attr (x, "w:default", "1");
  attr (x, "w:styleId", "Normal");
  val (x, "w:name", "Normal");
  empty (x, "w:qFormat");
  end (x);

  start (x, "w:style");
  attr (x, "w:type", "character");
  attr (x, "w:default", "1");
  attr (x, "w:styleId", "DefaultParagraphFont");
  val (x, "w:name", "Default Paragraph Font");
  val_uint (x, "w:uiPriority", 1);
  empty (x, "w:semiHidden");
  empty (x, "w:unhideWhenUsed");
  end (x);

  start (x, "w:style");
  attr (x, "w:type", "table");
  attr (x, "w:default", "1");
  attr (x, "w:styleId", "TableNormal");
  val (x, "w:name", "Normal Table");
  val_uint (x, "w:uiPriority", 99);
  empty (x, "w:semiHidden");
  empty (x, "w:unhideWhenUsed");
  start (x, "w:tblPr");
  start (x, "w:tblInd");
  attr (x, "w:w", "0");
  attr (x, "w:type", "dxa");
  end (x);
  cell_margins (x);
  end (x);
  end (x);

  start (x, "w:style");
  attr (x, "w:type", "numbering");
  attr (x, "w:default", "1");
  attr (x, "w:styleId", "NoList");
  val (x, "w:name", "No List");
  val_uint (x, "w:uiPriority", 99);
  empty (x, "w:semiHidden");
  empty (x, "w:unhideWhenUsed");
  end (x);

  /* Title and subtitle. */
  style_start (x, "paragraph", "Title", "Title", "Normal", "Normal");
  start (x, "w:pPr");
  empty (x, "w:keepNext");
  spacing (x, 0, 120);
  end (x);
  start (x, "w:rPr");
  empty (x, "w:b");
  empty (x, "w:bCs");
  val (x, "w:color", "1F3864");
  size (x, 44);
  end (x);
  end (x);

  style_start (x, "paragraph", "Subtitle", "Subtitle", "Normal", "Normal");
  start (x, "w:pPr");
  spacing (x, 0, 360);
  end (x);
  start (x, "w:rPr");
  val (x, "w:color", "595959");
  size (x, 28);
  end (x);
  end (x);

  /* Headings: outline levels for the navigation pane and the TOC. */
  for (guint level = 1; level <= 4; level++)
    {
      char id[16], name[16];

      g_snprintf (id, sizeof id, "Heading%u", level);
      g_snprintf (name, sizeof name, "heading %u", level);
      style_start (x, "paragraph", id, name, "Normal", "Normal");
      val_uint (x, "w:uiPriority", 9);
      start (x, "w:pPr");
      empty (x, "w:keepNext");
      empty (x, "w:keepLines");
      spacing (x, heading_before[level - 1], 120);
      val_uint (x, "w:outlineLvl", level - 1);
      end (x);
      start (x, "w:rPr");
      empty (x, "w:b");
      empty (x, "w:bCs");
      if (level == 4)
        {
          empty (x, "w:i");
          empty (x, "w:iCs");
        }
      val (x, "w:color", "1F3864");
      size (x, heading_size[level - 1]);
      end (x);
      end (x);
    }

  /* Captions: above tables (kept with them), below figures. */
  style_start (x, "paragraph", "Caption", "caption", "Normal", "Normal");
  val_uint (x, "w:uiPriority", 35);
  start (x, "w:pPr");
  spacing (x, 120, 120);
  end (x);
  start (x, "w:rPr");
  empty (x, "w:b");
  empty (x, "w:bCs");
  val (x, "w:color", "404040");
  size (x, 20);
  end (x);
  end (x);

  style_start (x, "paragraph", "Figure", "Figure", "Normal", "Caption");
  start (x, "w:pPr");
  empty (x, "w:keepNext");
  spacing (x, 240, 0);
  val (x, "w:jc", "center");
  end (x);
  end (x);

  style_start (x, "paragraph", "Quote", "Quote", "Normal", "Normal");
  val_uint (x, "w:uiPriority", 29);
  start (x, "w:pPr");
  spacing (x, 120, 120);
  start (x, "w:ind");
  attr (x, "w:left", "567");
  attr (x, "w:right", "567");
  end (x);
  end (x);
  start (x, "w:rPr");
  empty (x, "w:i");
  empty (x, "w:iCs");
  val (x, "w:color", "404040");
  end (x);
  end (x);

  style_start (x, "paragraph", "Note", "Note", "Normal", "Normal");
  start (x, "w:rPr");
  empty (x, "w:i");
  empty (x, "w:iCs");
  val (x, "w:color", "595959");
  end (x);
  end (x);

  style_start (x, "paragraph", "Field", "Field", "Normal", "Field");
  start (x, "w:pPr");
  spacing (x, 0, 60);
  start (x, "w:ind");
  attr (x, "w:left", "284");
  attr (x, "w:hanging", "284");
  end (x);
  end (x);
  end (x);

  /* Lists: the numbering definitions carry the indents. */
  for (guint i = 0; i < 2; i++)
    {
      style_start (x, "paragraph", i == 0 ? "ListBullet" : "ListNumber",
                   i == 0 ? "List Bullet" : "List Number", "Normal", NULL);
      start (x, "w:pPr");
      start (x, "w:numPr");
      val_uint (x, "w:numId", i == 0 ? NUM_BULLET : NUM_ORDERED);
      end (x);
      spacing (x, 0, 60);
      empty (x, "w:contextualSpacing");
      end (x);
      end (x);
    }

  /* Table text, and the smaller text of compact (wide) tables. */
  style_start (x, "paragraph", "TableText", "Table Text", "Normal", NULL);
  start (x, "w:pPr");
  start (x, "w:spacing");
  attr (x, "w:before", "0");
  attr (x, "w:after", "0");
  attr (x, "w:line", "240");
  attr (x, "w:lineRule", "auto");
  end (x);
  end (x);
  start (x, "w:rPr");
  size (x, 19);
  end (x);
  end (x);

  style_start (x, "paragraph", "TableTextCompact", "Table Text Compact", "TableText", NULL);
  start (x, "w:rPr");
  size (x, 15);
  end (x);
  end (x);

  style_start (x, "character", "Hyperlink", "Hyperlink", "DefaultParagraphFont", NULL);
  start (x, "w:rPr");
  val (x, "w:color", "0563C1");
  val (x, "w:u", "single");
  end (x);
  end (x);

  style_start (x, "character", "InlineCode", "Inline Code", "DefaultParagraphFont", NULL);
  start (x, "w:rPr");
  start (x, "w:rFonts");
  attr (x, "w:ascii", "Consolas");
  attr (x, "w:hAnsi", "Consolas");
  attr (x, "w:cs", "Courier New");
  end (x);
  val (x, "w:color", "24292F");
  end (x);
  end (x);

  /* The report's tables: thin rules, a shaded bold header row. */
  style_start (x, "table", "ReportTable", "Report Table", "TableNormal", NULL);
  start (x, "w:tblPr");
  start (x, "w:tblBorders");
  border (x, "w:top", "single");
  border (x, "w:left", "single");
  border (x, "w:bottom", "single");
  border (x, "w:right", "single");
  border (x, "w:insideH", "single");
  border (x, "w:insideV", "single");
  end (x);
  cell_margins (x);
  end (x);
  start (x, "w:tblStylePr");
  attr (x, "w:type", "firstRow");
  start (x, "w:rPr");
  empty (x, "w:b");
  empty (x, "w:bCs");
  end (x);
  start (x, "w:tcPr");
  start (x, "w:shd");
  attr (x, "w:val", "clear");
  attr (x, "w:color", "auto");
  attr (x, "w:fill", "E3E9EF");
  end (x);
  end (x);
  end (x);
  end (x);

  end (x);                      /* w:styles */
  return end_part (x);
}

static void
numbering_level (Docx       *x,
                 const char *format,
                 const char *level_text)
{
  start (x, "w:lvl");
  attr (x, "w:ilvl", "0");
  val_uint (x, "w:start", 1);
  val (x, "w:numFmt", format);
  val (x, "w:lvlText", level_text);
  val (x, "w:lvlJc", "left");
  start (x, "w:pPr");
  start (x, "w:ind");
  attr (x, "w:left", "567");
  attr (x, "w:hanging", "283");
  end (x);
  end (x);
  if (g_str_equal (format, "bullet"))
    {
      start (x, "w:rPr");
      start (x, "w:rFonts");
      attr (x, "w:ascii", "Symbol");
      attr (x, "w:hAnsi", "Symbol");
      attr (x, "w:hint", "default");
      end (x);
      end (x);
    }
  end (x);
}

static GBytes *
numbering_part (Docx *x)
{
  begin_part (x);
  start (x, "w:numbering");
  attr (x, "xmlns:w", NS_W);
  for (guint i = 0; i < 2; i++)
    {
      start (x, "w:abstractNum");
      attr_uint (x, "w:abstractNumId", i);
      val (x, "w:multiLevelType", "singleLevel");
      if (i == 0)
        numbering_level (x, "bullet", "\xef\x82\xb7");  /* U+F0B7, Symbol's bullet */
      else
        numbering_level (x, "decimal", "%1.");
      end (x);
    }
  /* Bullets; then one instance per numbered list, each restarting. */
  start (x, "w:num");
  attr_uint (x, "w:numId", NUM_BULLET);
  val_uint (x, "w:abstractNumId", 0);
  end (x);
  for (guint i = 0; i < MAX (x->n_ordered, 1); i++)
    {
      start (x, "w:num");
      attr_uint (x, "w:numId", NUM_ORDERED + i);
      val_uint (x, "w:abstractNumId", 1);
      start (x, "w:lvlOverride");
      attr (x, "w:ilvl", "0");
      val_uint (x, "w:startOverride", 1);
      end (x);
      end (x);
    }
  end (x);
  return end_part (x);
}

static GBytes *
settings_part (Docx *x)
{
  begin_part (x);
  start (x, "w:settings");
  attr (x, "xmlns:w", NS_W);
  val_uint (x, "w:defaultTabStop", 709);
  val (x, "w:characterSpacingControl", "doNotCompress");
  start (x, "w:compat");
  start (x, "w:compatSetting");
  attr (x, "w:name", "compatibilityMode");
  attr (x, "w:uri", "http://schemas.microsoft.com/office/word");
  attr (x, "w:val", "15");
  end (x);
  end (x);
  end (x);
  return end_part (x);
}

static void
relationship (Docx       *x,
              const char *id,
              const char *type,
              const char *target)
{
  g_autofree char *full = g_strconcat (REL, type, NULL);

  start (x, "Relationship");
  attr (x, "Id", id);
  attr (x, "Type", full);
  attr (x, "Target", target);
  end (x);
}

static GBytes *
package_rels_part (Docx *x)
{
  begin_part (x);
  start (x, "Relationships");
  attr (x, "xmlns", NS_PR);
  relationship (x, "rId1", "officeDocument", "word/document.xml");
  start (x, "Relationship");
  attr (x, "Id", "rId2");
  attr (x, "Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties");
  attr (x, "Target", "docProps/core.xml");
  end (x);
  relationship (x, "rId3", "extended-properties", "docProps/app.xml");
  end (x);
  return end_part (x);
}

static GBytes *
document_rels_part (Docx *x)
{
  begin_part (x);
  start (x, "Relationships");
  attr (x, "xmlns", NS_PR);
  relationship (x, RID_STYLES, "styles", "styles.xml");
  relationship (x, RID_NUMBERING, "numbering", "numbering.xml");
  relationship (x, RID_SETTINGS, "settings", "settings.xml");
  for (guint i = 0; i < x->images->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("rId%u", RID_FIRST_IMAGE + i);
      g_autofree char *target = g_strdup_printf ("media/image%u.png", i + 1);

      relationship (x, id, "image", target);
    }
  end (x);
  return end_part (x);
}

static void
override (Docx       *x,
          const char *part,
          const char *type)
{
  start (x, "Override");
  attr (x, "PartName", part);
  attr (x, "ContentType", type);
  end (x);
}

static GBytes *
content_types_part (Docx *x)
{
  begin_part (x);
  start (x, "Types");
  attr (x, "xmlns", NS_CT);
  start (x, "Default");
  attr (x, "Extension", "rels");
  attr (x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  end (x);
  start (x, "Default");
  attr (x, "Extension", "xml");
  attr (x, "ContentType", "application/xml");
  end (x);
  start (x, "Default");
  attr (x, "Extension", "png");
  attr (x, "ContentType", "image/png");
  end (x);
  override (x, "/word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  override (x, "/word/styles.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  override (x, "/word/numbering.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");
  override (x, "/word/settings.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml");
  override (x, "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml");
  override (x, "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  end (x);
  return end_part (x);
}

/* No dates: the same document gives the same bytes. */
static GBytes *
core_part (Docx *x)
{
  begin_part (x);
  start (x, "cp:coreProperties");
  attr (x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  attr (x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  attr (x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  start (x, "dc:title");
  if (x->doc->title != NULL)
    {
      g_autofree char *title = mte_doc_clean (x->doc->title);

      text (x, title);
    }
  end (x);
  if (x->doc->lang != NULL && x->doc->lang[0] != '\0')
    {
      g_autofree char *lang = mte_doc_clean (x->doc->lang);

      start (x, "dc:language");
      text (x, lang);
      end (x);
    }
  start (x, "dc:creator");
  text (x, "metaethno");
  end (x);
  end (x);
  return end_part (x);
}

static GBytes *
app_part (Docx *x)
{
  begin_part (x);
  start (x, "Properties");
  attr (x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  start (x, "Application");
  text (x, "metaethno " MTE_VERSION_S);
  end (x);
  end (x);
  return end_part (x);
}

/* ------------------------------------------------------------------ */
/* The package                                                        */
/* ------------------------------------------------------------------ */

/* 2000-01-01 12:00:00 UTC in Unix seconds. */
#define PACKAGE_TIME G_GINT64_CONSTANT (946728000)

/* The zip of @names and @parts (same length), in that order
 * ([Content_Types].xml first, as Word writes it; an OPC package has no
 * mimetype entry). PNG is stored (it is compressed already), the XML
 * deflated; every entry carries the same fixed time, 2000-01-01 12:00
 * UTC, so the same document gives the same bytes. */
static GBytes *
package (const char *const *names,
         GPtrArray          *parts,
         GError            **error)
{
  g_autoptr (MteZipWriter) writer = mte_zip_writer_new (PACKAGE_TIME);
  GBytes *result;

  for (guint i = 0; i < parts->len; i++)
    {
      GBytes *part = g_ptr_array_index (parts, i);
      gsize length;
      gconstpointer data = g_bytes_get_data (part, &length);

      if (!mte_zip_writer_add (writer, names[i], data, length,
                               g_str_has_suffix (names[i], ".png"), error))
        {
          g_prefix_error (error, "DOCX package: ");
          return NULL;
        }
    }
  result = mte_zip_writer_finish (g_steal_pointer (&writer), error);
  if (result == NULL)
    g_prefix_error (error, "DOCX package: ");
  return result;
}

GBytes *
mte_doc_to_docx (const MteDoc *doc,
                 GError      **error)
{
  Docx x = { 0 };
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GBytes *document, *result = NULL;
  GBytes *fixed[7];

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  x.doc = doc;
  x.bookmarks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x.images = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  collect_bookmarks (&x);

  document = document_part (&x, error);       /* first: counts lists, images */
  if (document == NULL)
    goto out;
  fixed[0] = content_types_part (&x);
  fixed[1] = package_rels_part (&x);
  fixed[2] = core_part (&x);
  fixed[3] = app_part (&x);
  fixed[4] = styles_part (&x);
  fixed[5] = numbering_part (&x);
  fixed[6] = settings_part (&x);

  g_ptr_array_add (names, g_strdup ("[Content_Types].xml"));
  g_ptr_array_add (names, g_strdup ("_rels/.rels"));
  g_ptr_array_add (names, g_strdup ("docProps/core.xml"));
  g_ptr_array_add (names, g_strdup ("docProps/app.xml"));
  g_ptr_array_add (names, g_strdup ("word/styles.xml"));
  g_ptr_array_add (names, g_strdup ("word/numbering.xml"));
  g_ptr_array_add (names, g_strdup ("word/settings.xml"));
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (parts, fixed[i]);
  g_ptr_array_add (names, g_strdup ("word/document.xml"));
  g_ptr_array_add (parts, document);
  g_ptr_array_add (names, g_strdup ("word/_rels/document.xml.rels"));
  g_ptr_array_add (parts, document_rels_part (&x));
  for (guint i = 0; i < x.images->len; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("word/media/image%u.png", i + 1));
      g_ptr_array_add (parts, g_bytes_ref (g_ptr_array_index (x.images, i)));
    }

  if (x.failed || g_ptr_array_find (parts, NULL, NULL))
    {
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                   "DOCX package: an XML part could not be written (out of memory?)");
      goto out;
    }
  g_ptr_array_add (names, NULL);
  result = package ((const char *const *) names->pdata, parts, error);

out:
  g_hash_table_unref (x.bookmarks);
  g_ptr_array_unref (x.images);
  return result;
}
