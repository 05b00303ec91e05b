/* metaethno: one reference as the importers read it, before it becomes a
 * record; the parsers of each reference format fill these and
 * mte-import.c turns them into records (lib/ only).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_CITATION_PRIVATE_H
#define MTE_CITATION_PRIVATE_H

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/* Bounds on one import (documented at mte_project_import_references()). */
#define MTE_IMPORT_MAX_BYTES      (256u << 20)
#define MTE_IMPORT_MAX_REFERENCES 1000000u
/* Longest value kept in one field; longer ones are cut at a character
 * boundary and the cut is reported as a problem. */
#define MTE_IMPORT_MAX_FIELD      (1u << 20)
/* Deepest nesting a parser follows (BibTeX braces, JSON, XML). */
#define MTE_IMPORT_MAX_DEPTH      64

typedef struct {
  guint       line;             /* where the reference starts, 1-based; 0: no lines */
  char       *type;             /* the format's own type ("JOUR", "article"), or NULL */
  char       *key;              /* the format's own key or id, or NULL */
  GPtrArray  *authors;          /* char*, "Family, Given" or "Family", in order */
  int         year;             /* 1 to 9999; 0 unknown */
  char       *fields[MTE_RECORD_N_FIELDS]; /* MTE_RECORD_TITLE ... NOTES */
  GPtrArray  *keywords;         /* char* */
  GPtrArray  *problems;         /* char*, what could not be carried, no location */
} MteCitation;

/* A reference the parser had to skip whole. */
typedef struct {
  guint  line;                  /* 0: no lines */
  char  *message;               /* what was wrong, no location */
} MteCitationSkip;

MteCitation *mte_citation_new (guint line);
void         mte_citation_free (MteCitation *citation);

/* Sets @field unless already set (the first value wins; a later one is
 * reported as a problem when it differs). @value is trimmed; empty
 * values are ignored. Values over MTE_IMPORT_MAX_FIELD are cut. */
void mte_citation_set (MteCitation *citation, MteRecordField field, const char *value);

/* Appends an author: "Family, Given" when @given is non-empty, else
 * @family alone (an institution, or a name the format gives whole). */
void mte_citation_add_author (MteCitation *citation, const char *family, const char *given);

/* Appends an author written "Family, Given", "Given Family" or as one
 * institution name, splitting it the way reference managers do. */
void mte_citation_add_author_text (MteCitation *citation, const char *name);

void mte_citation_add_keyword (MteCitation *citation, const char *keyword);

/* Reads the first run of four digits that makes a year 1000 to 9999;
 * records a problem and leaves the year unknown when there is none. */
void mte_citation_set_year_text (MteCitation *citation, const char *text);

void mte_citation_add_problem (MteCitation *citation, const char *format, ...) G_GNUC_PRINTF (2, 3);

void mte_citation_skip (GArray *skipped, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);
void mte_citation_skip_clear (gpointer skip);

/*
 * Parsers. Each reads @text (UTF-8, NUL-terminated, line ends already
 * LF, no byte-order mark: see mte_import_decode()) and appends an
 * MteCitation* to @out for each reference it could read and an
 * MteCitationSkip to @skipped for each it could not. It returns FALSE
 * with MTE_FORMAT_ERROR (MTE_FORMAT_ERROR_MALFORMED, message
 * "NAME:LINE:COLUMN: ...") only when the input as a whole is not in the
 * format, and never reads more than MTE_IMPORT_MAX_REFERENCES.
 */
gboolean mte_ris_parse (const char *text, gsize length, const char *name,
                        GPtrArray *out, GArray *skipped, GError **error);
gboolean mte_nbib_parse (const char *text, gsize length, const char *name,
                         GPtrArray *out, GArray *skipped, GError **error);
gboolean mte_bibtex_parse (const char *text, gsize length, const char *name,
                           GPtrArray *out, GArray *skipped, GError **error);
gboolean mte_csl_json_parse (const char *text, gsize length, const char *name,
                             GPtrArray *out, GArray *skipped, GError **error);
/* EndNote XML reads the raw bytes: libxml2 decodes them as the XML
 * declaration says. */
gboolean mte_endnote_xml_parse (const char *data, gsize length, const char *name,
                                GPtrArray *out, GArray *skipped, GError **error);

/* Turns @data into UTF-8 text with LF line ends and no byte-order mark:
 * UTF-8 (with or without a BOM), UTF-16 LE or BE with a BOM, or, for
 * BibTeX that declares it ("% Encoding: windows-1252" / "ISO-8859-1" in
 * its first lines), that single-byte encoding. Anything else that is not
 * valid UTF-8 fails with MTE_FORMAT_ERROR_MALFORMED at the first bad byte's
 * line and column. */
char *mte_import_decode (const char *data, gsize length, const char *name,
                         MteReferenceFormat format, gsize *text_length,
                         GError **error);

/* As mte_import_decode(); with @cp1252_fallback, text that is neither
 * UTF-16 with a BOM nor valid UTF-8 (and holds no NUL) is read as
 * windows-1252 and *@used_fallback says so. */
char *mte_import_decode_full (const char *data, gsize length, const char *name,
                              MteReferenceFormat format, gboolean cp1252_fallback,
                              gsize *text_length, gboolean *used_fallback, GError **error);

/* All of @path, read in chunks up to MTE_IMPORT_MAX_BYTES (a pipe or a
 * device too): a #GFileError when it cannot be read, TOO_LARGE beyond. */
char *mte_import_read_file (const char *path, gsize *length, GError **error);

/* The report, for the sheet import (mte-sheet.c). */
MteImport *mte_import_new (MteReferenceFormat format);
void mte_import_set_sheet_counts (MteImport *report, MteSheetKind sheet, guint n_read,
                                  guint n_studies, guint n_updated, guint n_constructs);
/* Appends "NAME:ROW:COLUMN: what" (or "NAME:ROW: what" for column 0). */
void mte_import_add_problem_at (MteImport *report, const char *shown_name, guint row,
                                guint column, const char *message);
void mte_import_sort_problems (MteImport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteCitation, mte_citation_free)

G_END_DECLS

#endif /* MTE_CITATION_PRIVATE_H */
