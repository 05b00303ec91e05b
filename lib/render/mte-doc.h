/* metaethno: a small document model and its writers.
 *
 * The review report is built once as a document (headings, paragraphs,
 * lists, field lists, tables, figures, block quotes; inline text with
 * emphasis, strong, code and links to other parts of the document), and
 * each format has its own small writer (mte-doc-html.c,
 * mte-doc-markdown.c, mte-doc-docx.c), as cmark's renderers share one
 * tree. The builder is a cursor: blocks are appended in order, and the
 * inline calls append to the block (or list item, field, table cell)
 * begun last.
 *
 * Every string given is copied and must be UTF-8; invalid UTF-8 is
 * repaired and control characters other than tab and newline are dropped
 * when the document is written, so a hostile label cannot break a format.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_DOC_H
#define MTE_DOC_H

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

typedef struct _MteDoc MteDoc;

typedef enum {
  MTE_SPAN_TEXT = 0,
  MTE_SPAN_EMPH,
  MTE_SPAN_STRONG,
  MTE_SPAN_CODE,
  MTE_SPAN_LINK,        /* to an anchor of the document */
  MTE_SPAN_BREAK        /* a line break inside the block */
} MteSpanKind;

typedef struct {
  MteSpanKind kind;
  char       *text;
  char       *target;   /* MTE_SPAN_LINK: the anchor, without '#' */
} MteSpan;

/* A run of inline content. */
typedef struct {
  GArray *spans;        /* MteSpan */
} MteInline;

typedef enum {
  MTE_BLOCK_HEADING = 0,
  MTE_BLOCK_PARAGRAPH,
  MTE_BLOCK_NOTE,       /* a paragraph set apart: "no searches are recorded" */
  MTE_BLOCK_QUOTE,
  MTE_BLOCK_LIST,
  MTE_BLOCK_FIELDS,     /* name: value pairs */
  MTE_BLOCK_TABLE,
  MTE_BLOCK_FIGURE
} MteBlockKind;

typedef enum {
  MTE_CELL_LEFT = 0,
  MTE_CELL_RIGHT,
  MTE_CELL_CENTER
} MteCellAlign;

typedef struct {
  char        *title;
  MteCellAlign align;
  guint        weight;  /* relative width, 0 for "as needed" */
} MteDocColumn;

typedef struct {
  MteBlockKind kind;
  guint        level;    /* heading: 1-4 */
  char        *anchor;   /* heading, table, figure: NULL or an id */
  MteInline   *text;     /* heading, paragraph, note, quote */
  gboolean     ordered;  /* list */
  GPtrArray   *items;    /* list: MteInline*; fields: names and values, alternating */
  /* table */
  guint        number;   /* table or figure number, from 1 */
  char        *caption;
  GArray      *columns;  /* MteDocColumn */
  GPtrArray   *rows;     /* GPtrArray of MteInline* */
  gboolean     compact;  /* a wide table: smaller type */
  /* figure */
  char        *name;     /* file-name stem, e.g. "prisma" */
  char        *svg;      /* the SVG document */
  char        *alt;      /* the text alternative */
  double       width;    /* SVG width and height in CSS pixels */
  double       height;
} MteBlock;

struct _MteDoc {
  char      *title;
  char      *subtitle;
  char      *lang;
  GPtrArray *blocks;     /* MteBlock* */
  MteInline *current;    /* where inline content goes */
  guint      n_tables;
  guint      n_figures;
};

MteDoc *mte_doc_new (const char *title, const char *lang);
void    mte_doc_free (MteDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteDoc, mte_doc_free)

void mte_doc_set_subtitle (MteDoc *doc, const char *subtitle);

/* Blocks. */
void mte_doc_heading (MteDoc *doc, guint level, const char *anchor, const char *text);
void mte_doc_begin_paragraph (MteDoc *doc);
void mte_doc_paragraph (MteDoc *doc, const char *text);
void mte_doc_begin_note (MteDoc *doc);
void mte_doc_note (MteDoc *doc, const char *text);
void mte_doc_begin_quote (MteDoc *doc);
void mte_doc_begin_list (MteDoc *doc, gboolean ordered);
void mte_doc_begin_item (MteDoc *doc);
void mte_doc_begin_fields (MteDoc *doc);
/* A field of the field list begun last; its value follows inline. A
 * field whose value stays empty is not written. */
void mte_doc_begin_field (MteDoc *doc, const char *name);
void mte_doc_field (MteDoc *doc, const char *name, const char *value);

/* Tables: the caption is numbered ("Table 3. ..."); columns first, then
 * rows of cells. A row with fewer cells is padded. */
guint mte_doc_begin_table (MteDoc *doc, const char *anchor, const char *caption);
void  mte_doc_set_compact (MteDoc *doc);
void  mte_doc_add_column (MteDoc *doc, const char *title, MteCellAlign align, guint weight);
void  mte_doc_begin_row (MteDoc *doc);
void  mte_doc_begin_cell (MteDoc *doc);
void  mte_doc_cell (MteDoc *doc, const char *text);
void  mte_doc_cell_printf (MteDoc *doc, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* A figure ("Figure 2. @caption"): @svg is taken; @alt describes it in
 * words for readers who cannot see it. Returns its number. */
guint mte_doc_figure (MteDoc *doc, const char *anchor, const char *name,
                      const char *caption, const char *alt,
                      char *svg, double width, double height);

/* Inline content, appended to the block begun last. */
void mte_doc_text (MteDoc *doc, const char *text);
void mte_doc_printf (MteDoc *doc, const char *format, ...) G_GNUC_PRINTF (2, 3);
void mte_doc_emph (MteDoc *doc, const char *text);
void mte_doc_strong (MteDoc *doc, const char *text);
void mte_doc_code (MteDoc *doc, const char *text);
void mte_doc_link (MteDoc *doc, const char *anchor, const char *text);
void mte_doc_break (MteDoc *doc);

/* Whether @text has no spans, or only empty ones. */
gboolean mte_inline_is_empty (const MteInline *text);
/* The inline content as plain text (links as their text, breaks as
 * spaces). */
char *mte_inline_to_plain (const MteInline *text);

/* @text made safe for any writer: invalid UTF-8 repaired, control
 * characters other than \t and \n dropped (\r\n and \r become \n). */
char *mte_doc_clean (const char *text);

/* Writers. */

/* One self-contained HTML5 file: inline CSS and SVG, no script, nothing
 * fetched; a table of contents of the level-1 and level-2 headings and a
 * print stylesheet for A4 pages. */
char *mte_doc_to_html (const MteDoc *doc);

/* GitHub-flavoured Markdown. Figures are referred to as
 * "@figure_prefix-NAME.svg"; the SVG files themselves are the figures'
 * svg fields, for the caller to write beside. */
char *mte_doc_to_markdown (const MteDoc *doc, const char *figure_prefix);

/* A Word document (OOXML in a zip) with heading and table styles,
 * captions and the figures embedded as PNG. NULL with @error when a
 * figure cannot be rasterised or the package cannot be written. */
GBytes *mte_doc_to_docx (const MteDoc *doc, GError **error);

/* The review report as a document (mte-report.c), for the public
 * mte_project_render_report() and mte_project_write_report() and for
 * white-box tests. NULL with @error when a figure cannot be made. */
MteDoc *mte_report_build (const MteProject *project, GError **error);

/* Helpers shared by the writers. */
void mte_xml_escape (GString *out, const char *text, gboolean attribute);

G_END_DECLS

#endif /* MTE_DOC_H */
