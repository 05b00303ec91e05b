/* metaethno: the writers shared by the report renderers.
 *
 * Two small writers, as cmark's renderers share src/render.c: a table
 * builder that renders one table as aligned text, RFC 4180 CSV or a
 * GitHub Markdown table, and a JSON writer. Each report (one file per
 * report, mte-render-*.c) fills them from the public analysis API.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_RENDER_PRIVATE_H
#define MTE_RENDER_PRIVATE_H

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Common helpers (mte-render.c)                                      */
/* ------------------------------------------------------------------ */

/* Sets MTE_MODEL_ERROR_INVALID_VALUE: "@what has no FORMAT format";
 * returns NULL for the caller to return. */
char *mte_render_unsupported (const char     *what,
                              MteReportFormat format,
                              GError        **error);

/* @text with every run of control characters (newlines, tabs...) turned
 * into one space, and invalid UTF-8 repaired: for one-line output. */
char *mte_render_one_line (const char *text);

/* Appends @text escaped for inline Markdown: backslash before
 * \ ` * _ [ ] < > | ~, control characters as spaces. */
void mte_render_markdown_inline (GString *out, const char *text);

/* The shortest "%.{15,16,17}g" of @value that reads back exactly, in the
 * C locale; "null" when @value is not finite. */
#define MTE_RENDER_NUMBER_SIZE 32
const char *mte_render_number (char buf[MTE_RENDER_NUMBER_SIZE], double value);

/* "%.*f" in the C locale. */
const char *mte_render_fixed (char buf[MTE_RENDER_NUMBER_SIZE], int digits, double value);

/* Appends to @report (taken) the excluded studies of @project with their
 * stage and reason, for %MTE_REPORT_TEXT and %MTE_REPORT_MARKDOWN; other
 * formats and projects without excluded studies are returned as they
 * are. Every report says what it leaves out. */
char *mte_render_add_excluded (char *report, const MteProject *project,
                               MteReportFormat format);

/* The same, appended to @out. */
void mte_render_append_excluded (GString *out, const MteProject *project,
                                 MteReportFormat format);
/* Text and Markdown only: a line saying the order the studies are laid
 * out in, the index study and how it was set, and how ties were broken
 * (mte_study_order_describe()), after a blank line. */
void mte_render_append_order (GString *out, const MteProject *project,
                              MteStudyOrder order, MteReportFormat format);

/* Writes the member "excluded_studies" (id, stage, reason of each
 * excluded study) into the object @w is in, when there are any. */
typedef struct _MteJsonWriter MteJsonWriter;
void mte_render_excluded_json (MteJsonWriter *w, const MteProject *project);
/* A "study_order" member: the order's name, its index studies, who chose
 * them ("team", "rule" or null) and how ties were broken (mte-render.c).
 * The same in one line of text is mte_study_order_describe(). */
void mte_render_order_json (MteJsonWriter *w, const MteProject *project, MteStudyOrder order);

/* A display name: the label, or the id when there is none. */
const char *mte_render_construct_name (const MteConstruct *construct);

/* ------------------------------------------------------------------ */
/* Tables (mte-table.c)                                               */
/* ------------------------------------------------------------------ */

typedef enum {
  MTE_ALIGN_LEFT = 0,
  MTE_ALIGN_RIGHT
} MteAlign;

typedef struct _MteTable MteTable;

MteTable *mte_table_new (void);
void      mte_table_free (MteTable *table);

/* Columns are declared first, in order. */
void mte_table_add_column (MteTable *table, const char *title, MteAlign align);

/* Starts a row; cells are then appended left to right. A row with fewer
 * cells than columns is padded with empty cells. */
void mte_table_begin_row (MteTable *table);
void mte_table_add_cell (MteTable *table, const char *text);
void mte_table_add_cell_take (MteTable *table, char *text);
void mte_table_add_cell_printf (MteTable *table, const char *format, ...) G_GNUC_PRINTF (2, 3);
void mte_table_add_cell_uint (MteTable *table, guint value);

/* Appends the table to @out in @format: MTE_REPORT_TEXT (columns
 * separated by two spaces, a dashed rule under the titles, widths by
 * characters, right-aligned columns padded on the left, no trailing
 * blanks), MTE_REPORT_CSV or MTE_REPORT_MARKDOWN. @indent (text only)
 * prefixes every line. */
void mte_table_render (MteTable       *table,
                       MteReportFormat format,
                       const char     *indent,
                       GString        *out);

/* Streaming: instead of rows added with mte_table_begin_row(), the
 * table asks @fill for row 0 to @n_rows - 1 when it renders (twice for
 * text and Markdown: once to measure the widths, once to write), and
 * keeps only the row being filled. @fill adds the row's cells with
 * mte_table_add_cell*() and nothing else. */
typedef void (*MteTableFillFunc) (MteTable *table, gsize row, gpointer user_data);
void mte_table_set_rows (MteTable        *table,
                         gsize            n_rows,
                         MteTableFillFunc fill,
                         gpointer         user_data);

/* Where a streamed report goes: text is appended to @out and, when
 * @write is set, written out and dropped from @out at line ends once
 * MTE_SINK_CHUNK bytes are waiting (mte_sink_flush_full()). The first
 * write error is kept in @error and later writes are skipped. Without
 * @write, @out ends up holding the whole report. */
typedef gboolean (*MteSinkWriteFunc) (const char *data, gsize length,
                                      gpointer user_data, GError **error);
typedef struct {
  GString         *out;
  MteSinkWriteFunc write;
  gpointer         user_data;
  GError          *error;
} MteSink;
#define MTE_SINK_CHUNK (64 * 1024)

/* A sink that writes to @fd (all of it, retrying on EINTR). */
void     mte_sink_init_fd (MteSink *sink, int *fd);
/* Writes what is waiting if it is MTE_SINK_CHUNK bytes or more. Call at
 * line ends only (text rendering trims the line being written). */
void     mte_sink_flush_full (MteSink *sink);
/* Writes everything waiting, frees @out (when there is @write) and
 * returns FALSE with @error set when a write failed. */
gboolean mte_sink_finish (MteSink *sink, GError **error);

/* Writes the whole of @text to @fd. */
gboolean mte_render_write_fd (int fd, const char *text, GError **error);

/* Appends the table to @sink as mte_table_render() does, writing it out
 * row by row. */
void mte_table_write (MteTable       *table,
                      MteReportFormat format,
                      const char     *indent,
                      MteSink        *sink);

/* Appends one CSV field, quoted when needed (RFC 4180). */
void mte_csv_field (GString *out, const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteTable, mte_table_free)

/* ------------------------------------------------------------------ */
/* JSON (mte-json-writer.c)                                           */
/* ------------------------------------------------------------------ */

MteJsonWriter *mte_json_writer_new (void);
void           mte_json_writer_free (MteJsonWriter *writer);
/* Returns the document (with a final newline) and frees the writer.
 * Every container must have been closed. */
char          *mte_json_writer_finish (MteJsonWriter *writer);

void mte_json_begin_object (MteJsonWriter *writer);
void mte_json_end_object (MteJsonWriter *writer);
void mte_json_begin_array (MteJsonWriter *writer);
void mte_json_end_array (MteJsonWriter *writer);

/* Inside an object: the member name; the next value is its value. */
void mte_json_key (MteJsonWriter *writer, const char *key);

/* Values. A NULL string is written as null. */
void mte_json_string (MteJsonWriter *writer, const char *value);
void mte_json_uint (MteJsonWriter *writer, guint value);
void mte_json_int (MteJsonWriter *writer, gint64 value);
void mte_json_double (MteJsonWriter *writer, double value);
void mte_json_bool (MteJsonWriter *writer, gboolean value);
void mte_json_null (MteJsonWriter *writer);

/* Key and value at once. */
void mte_json_member_string (MteJsonWriter *writer, const char *key, const char *value);
void mte_json_member_uint (MteJsonWriter *writer, const char *key, guint value);
void mte_json_member_double (MteJsonWriter *writer, const char *key, double value);
void mte_json_member_bool (MteJsonWriter *writer, const char *key, gboolean value);

/* Appends @text as a JSON string literal, quotes included. */
void mte_json_escape (GString *out, const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteJsonWriter, mte_json_writer_free)

G_END_DECLS

#endif /* MTE_RENDER_PRIVATE_H */
