/* metaethno: references in and out: RIS, BibTeX, CSL-JSON, EndNote XML
 * and PubMed (MEDLINE/nbib) imported as records, with duplicates found;
 * the included studies' references exported for a reference manager;
 * data-extraction sheets (CSV) of study characteristics and constructs.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_REFERENCES_H
#define MTE_REFERENCES_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/** MteImport: what one import made, skipped and could not carry. */
typedef struct _MteImport MteImport;

/**
 * MteReferenceFormat:
 * @MTE_REFERENCE_FORMAT_AUTO: sniff the format from the content
 * @MTE_REFERENCE_FORMAT_RIS: RIS (tagged lines, "TY  - ... ER  -")
 * @MTE_REFERENCE_FORMAT_BIBTEX: BibTeX and BibLaTeX
 * @MTE_REFERENCE_FORMAT_CSL_JSON: CSL-JSON (an array of items)
 * @MTE_REFERENCE_FORMAT_ENDNOTE_XML: EndNote XML (<xml><records>)
 * @MTE_REFERENCE_FORMAT_NBIB: PubMed's MEDLINE format (.nbib)
 * @MTE_REFERENCE_FORMAT_CSV: a data-extraction sheet (comma-, semicolon-
 *   or tab-separated values), read by mte_project_import_sheet() only;
 *   never sniffed
 *
 * A format the importers read.
 */
typedef enum {
  MTE_REFERENCE_FORMAT_AUTO = 0,
  MTE_REFERENCE_FORMAT_RIS,
  MTE_REFERENCE_FORMAT_BIBTEX,
  MTE_REFERENCE_FORMAT_CSL_JSON,
  MTE_REFERENCE_FORMAT_ENDNOTE_XML,
  MTE_REFERENCE_FORMAT_NBIB,
  MTE_REFERENCE_FORMAT_CSV
} MteReferenceFormat;

/**
 * MteSheetKind:
 * @MTE_SHEET_AUTO: decide from the header: a sheet with an "order",
 *   "text", "quote" or "interpretation" column (after the map) is a
 *   constructs sheet, any other a study-characteristics sheet
 * @MTE_SHEET_STUDIES: a study-characteristics sheet: one row per study
 * @MTE_SHEET_CONSTRUCTS: a constructs sheet: one row per quote (first
 *   order) or interpretation (second order)
 *
 * The kinds of data-extraction sheet mte_project_import_sheet() reads.
 */
typedef enum {
  MTE_SHEET_AUTO = 0,
  MTE_SHEET_STUDIES,
  MTE_SHEET_CONSTRUCTS
} MteSheetKind;

/**
 * mte_reference_format_to_string:
 * @format: a format
 *
 * Returns: (transfer none): "auto", "ris", "bibtex", "csl-json",
 *   "endnote-xml", "nbib" or "csv"; NULL for an unknown value.
 */
MTE_API const char *mte_reference_format_to_string (MteReferenceFormat format);

/**
 * mte_reference_format_from_string:
 * @name: a name as returned by mte_reference_format_to_string()
 *
 * Returns: the format, or -1 when @name is not one.
 */
MTE_API int mte_reference_format_from_string (const char *name);

/**
 * mte_reference_format_sniff:
 * @data: (array length=length): the start of a file, or all of it
 * @length: the number of bytes in @data
 *
 * Guesses the format from the content alone (a byte-order mark and
 * leading blank lines are skipped): "TY  -" is RIS, "PMID-" is MEDLINE,
 * "@type{" BibTeX, a JSON array CSL-JSON, an <xml> root with <records>
 * EndNote XML.
 *
 * Returns: the format, or %MTE_REFERENCE_FORMAT_AUTO when none fits.
 */
MTE_API MteReferenceFormat mte_reference_format_sniff (const char *data,
                                                       gsize       length);

/**
 * MteImportFlags:
 * @MTE_IMPORT_FLAGS_NONE: add each readable reference as an unscreened
 *   record, mark duplicates, report and skip what cannot be read
 * @MTE_IMPORT_AS_STUDIES: also make each new reference that is not a
 *   duplicate an included study (its record then has the fate
 *   %MTE_FATE_INCLUDED and reports the study), for teams whose screening
 *   happened elsewhere
 * @MTE_IMPORT_STRICT: a reference that cannot be read refuses the whole
 *   import
 * @MTE_IMPORT_DRY_RUN: change nothing; the report says what the import
 *   would do
 */
typedef enum {
  MTE_IMPORT_FLAGS_NONE = 0,
  MTE_IMPORT_AS_STUDIES = 1 << 0,
  MTE_IMPORT_STRICT = 1 << 1,
  MTE_IMPORT_DRY_RUN = 1 << 2
} MteImportFlags;

/**
 * mte_project_import_references:
 * @project: a project
 * @data: (array length=length): the bytes of a reference file
 * @length: the number of bytes, or -1 when @data is NUL-terminated
 * @name: (nullable): the name to use in messages; NULL for "<data>"
 * @format: the format, or %MTE_REFERENCE_FORMAT_AUTO to sniff it
 * @search_id: (nullable): the id of the search that found these
 *   references; every record made lists it
 * @flags: import flags
 * @error: return location for a #GError
 *
 * Reads references and adds them to @project as records, all or nothing:
 * either every readable reference is added (and the report lists what
 * was skipped and what could not be carried, with NAME:LINE where the
 * format has lines), or nothing changes.
 *
 * Text may be UTF-8 with or without a byte-order mark, UTF-16 with a
 * byte-order mark, or, where the file says so ("% Encoding: windows-1252"
 * in BibTeX, an XML declaration), windows-1252 or ISO-8859-1; CR LF, LF
 * and CR line ends are all read. BibTeX's LaTeX accents and braces become
 * Unicode.
 *
 * Duplicates: a new record with the same DOI as an earlier one (case and
 * "https://doi.org/" ignored), or else the same title, year and first
 * author's family name (case, punctuation, diacritics and HTML or LaTeX
 * markup ignored), is marked a duplicate of the first with the rule that
 * matched as its reason; nothing is dropped, and mte_record_set_fate()
 * undoes the decision.
 *
 * Inputs are bounded: at most 256 MiB and 1,000,000 references per call;
 * no external entity, DTD or network access is used.
 *
 * Returns: (transfer full): the report, free with mte_import_free(); NULL
 *   with @error set when nothing was imported: %MTE_FORMAT_ERROR for input
 *   that is not the format (or any unreadable reference with
 *   %MTE_IMPORT_STRICT), with the location in the message;
 *   %MTE_MODEL_ERROR_NOT_FOUND or WRONG_KIND for @search_id;
 *   %MTE_MODEL_ERROR_INVALID_VALUE for %MTE_REFERENCE_FORMAT_CSV (use
 *   mte_project_import_sheet()).
 */
MTE_API MteImport *mte_project_import_references (MteProject         *project,
                                                  const char         *data,
                                                  gssize              length,
                                                  const char         *name,
                                                  MteReferenceFormat  format,
                                                  const char         *search_id,
                                                  MteImportFlags      flags,
                                                  GError            **error);

/**
 * mte_project_import_references_from_file:
 * @project: a project
 * @path: the file to read
 * @format: the format, or %MTE_REFERENCE_FORMAT_AUTO to sniff it
 * @search_id: (nullable): the search that found the references
 * @flags: import flags
 * @error: return location for a #GError
 *
 * As mte_project_import_references(), reading @path (its name is used in
 * messages). A file that cannot be read fails with a #GFileError.
 *
 * Returns: (transfer full): the report, or NULL with @error set.
 */
MTE_API MteImport *mte_project_import_references_from_file (MteProject         *project,
                                                            const char         *path,
                                                            MteReferenceFormat  format,
                                                            const char         *search_id,
                                                            MteImportFlags      flags,
                                                            GError            **error);

/**
 * mte_import_free:
 * @report: (nullable): a report
 */
MTE_API void mte_import_free (MteImport *report);

/** mte_import_get_format: Returns: the format read (sniffed when asked; %MTE_REFERENCE_FORMAT_CSV for a sheet). */
MTE_API MteReferenceFormat mte_import_get_format (const MteImport *report);

/** mte_import_get_n_read: Returns: the references found in the input, read or not. */
MTE_API guint mte_import_get_n_read (const MteImport *report);

/**
 * mte_import_get_n_records:
 * @report: a report
 *
 * Returns: the records made (or, for a dry run, that would be made).
 */
MTE_API guint mte_import_get_n_records (const MteImport *report);

/**
 * mte_import_get_record_id:
 * @report: a report
 * @index: 0 to mte_import_get_n_records() - 1
 *
 * Returns: (transfer none): the id of the @index-th record made, in input
 *   order (for a dry run, the id it would get).
 */
MTE_API const char *mte_import_get_record_id (const MteImport *report,
                                              guint            index);

/** mte_import_get_n_duplicates: Returns: how many of the records made are duplicates. */
MTE_API guint mte_import_get_n_duplicates (const MteImport *report);

/**
 * mte_import_get_duplicate:
 * @report: a report
 * @index: 0 to mte_import_get_n_duplicates() - 1
 * @original_id: (out) (transfer none) (optional): the record it duplicates
 * @rule: (out) (transfer none) (optional): the rule that matched
 *   ("same DOI", "same title, year and first author")
 *
 * Returns: (transfer none): the id of the duplicate record.
 */
MTE_API const char *mte_import_get_duplicate (const MteImport *report,
                                              guint            index,
                                              const char     **original_id,
                                              const char     **rule);

/** mte_import_get_n_studies: Returns: the studies made (with %MTE_IMPORT_AS_STUDIES). */
MTE_API guint mte_import_get_n_studies (const MteImport *report);

/**
 * mte_import_get_n_problems:
 * @report: a report
 *
 * Returns: the number of problems: references skipped because they could
 *   not be read, and values that could not be carried (an unparsable
 *   year, a field the model has no place for).
 */
MTE_API guint mte_import_get_n_problems (const MteImport *report);

/**
 * mte_import_get_problem:
 * @report: a report
 * @index: 0 to mte_import_get_n_problems() - 1
 * @skipped: (out) (optional): TRUE when the whole reference was skipped
 *
 * Returns: (transfer none): one line, "NAME:LINE: what" (LINE is 0 where
 *   the format has no lines), valid while @report lives.
 */
MTE_API const char *mte_import_get_problem (const MteImport *report,
                                            guint            index,
                                            gboolean        *skipped);

/**
 * mte_import_get_sheet:
 * @report: a report
 *
 * Returns: the kind of sheet read by mte_project_import_sheet() (never
 *   %MTE_SHEET_AUTO there); %MTE_SHEET_AUTO for a reference import.
 */
MTE_API MteSheetKind mte_import_get_sheet (const MteImport *report);

/**
 * mte_import_get_n_updated:
 * @report: a report
 *
 * Returns: for a study-characteristics sheet, the studies already in the
 *   project whose fields the sheet set (or would set); 0 otherwise.
 */
MTE_API guint mte_import_get_n_updated (const MteImport *report);

/**
 * mte_import_get_n_constructs:
 * @report: a report
 *
 * Returns: for a constructs sheet, the constructs made (or that a dry run
 *   would make); 0 otherwise.
 */
MTE_API guint mte_import_get_n_constructs (const MteImport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteImport, mte_import_free)

/* ------------------------------------------------------------------ */
/* Data-extraction sheets                                             */
/* ------------------------------------------------------------------ */


/**
 * mte_sheet_kind_to_string:
 * @kind: a sheet kind
 *
 * Returns: (transfer none): "auto", "studies" or "constructs"; NULL for
 *   an unknown value.
 */
MTE_API const char *mte_sheet_kind_to_string (MteSheetKind kind);

/**
 * mte_sheet_kind_from_string:
 * @name: a name as returned by mte_sheet_kind_to_string()
 *
 * Returns: the kind, or -1 when @name is not one.
 */
MTE_API int mte_sheet_kind_from_string (const char *name);

/**
 * mte_sheet_fields:
 * @kind: %MTE_SHEET_STUDIES or %MTE_SHEET_CONSTRUCTS
 *
 * The field names a column of such a sheet can be mapped to, in the
 * order documented in docs/references.md (for studies: "study",
 * "authors", "year", "sample-size" and the names of #MteStudyField; for
 * constructs: "study", "order", "id", "text", "speaker", "page",
 * "section", "label", "grounding").
 *
 * Returns: (transfer none) (array zero-terminated=1): the names; NULL for
 *   another kind.
 */
MTE_API const char * const *mte_sheet_fields (MteSheetKind kind);

/**
 * mte_project_import_sheet:
 * @project: a project
 * @data: (array length=length): the bytes of a CSV file
 * @length: the number of bytes, or -1 when @data is NUL-terminated
 * @name: (nullable): the name to use in messages; NULL for "<data>"
 * @kind: the kind of sheet, or %MTE_SHEET_AUTO to decide from the header
 * @map: (nullable) (array zero-terminated=1): "column=field" entries that
 *   name the field a column holds when its header does not say it (the
 *   column's header is matched ignoring case, spaces, "-" and "_"); a
 *   field of "-" leaves the column out
 * @flags: %MTE_IMPORT_DRY_RUN to change nothing and report what would be
 *   made; %MTE_IMPORT_STRICT to refuse a sheet with a column the import
 *   cannot carry or a @map entry its header lacks (otherwise both are
 *   reported as problems); other flags are ignored
 * @error: return location for a #GError
 *
 * Reads a data-extraction sheet into @project, all or nothing. The first
 * non-blank row is the header; each further row describes one study or
 * one construct; blank rows are skipped. The separator (comma, semicolon
 * or tab) is the one the header uses most; quoted cells may hold
 * separators, quotes ("") and line breaks. Text may be UTF-8 with or
 * without a byte-order mark, UTF-16 with a byte-order mark, or, for a
 * sheet that is not valid UTF-8, windows-1252 (what spreadsheet programs
 * write by default), which the report then mentions.
 *
 * A study-characteristics sheet makes a study for each row whose "study"
 * id is new and sets the non-empty cells of a study already in @project
 * (an empty cell leaves a field as it was); without a "study" column the
 * id is made from the first author and the year. Authors are separated
 * by ";" or line breaks; "year" and "sample-size" are whole numbers. A
 * column that names no field is kept as a study attribute named by its
 * header.
 *
 * A constructs sheet adds each row as a construct of the study named in
 * its "study" cell (which must exist in @project), in sheet order:
 * "order" is 1, "first", "first-order", "quote" or "participant" for a
 * participant's words, 2, "second", "second-order", "theme", "author" or
 * "interpretation" for the authors' interpretation; "text" is required;
 * "id" is optional (STUDY-qN or STUDY-tN is made otherwise); "speaker"
 * belongs to first-order rows; "grounding" lists, separated by ";", ","
 * or spaces, the ids of the first-order constructs of the same study the
 * interpretation rests on, in @project or anywhere in the sheet. A column
 * that names no field cannot be carried and is reported.
 *
 * Any cell the model cannot take refuses the whole sheet with an error
 * "NAME:ROW:COLUMN: what" (ROW is the row a spreadsheet shows: blank
 * lines count, a cell with line breaks is one row, the first line is row
 * 1; COLUMN counts from 1) and leaves @project unchanged. Inputs are bounded as in
 * mte_project_import_references(), and to 1,000 columns.
 *
 * Returns: (transfer full): the report (mte_import_get_n_studies(),
 *   mte_import_get_n_updated(), mte_import_get_n_constructs(); problems
 *   as "NAME:ROW:COLUMN: what"), free with mte_import_free(); NULL with
 *   @error set: %MTE_FORMAT_ERROR for the sheet (with its location),
 *   %MTE_MODEL_ERROR_INVALID_VALUE for a malformed @map entry.
 */
MTE_API MteImport *mte_project_import_sheet (MteProject         *project,
                                             const char         *data,
                                             gssize              length,
                                             const char         *name,
                                             MteSheetKind        kind,
                                             const char * const *map,
                                             MteImportFlags      flags,
                                             GError            **error);

/**
 * mte_project_import_sheet_from_file:
 * @project: a project
 * @path: the CSV file to read
 * @kind: the kind of sheet, or %MTE_SHEET_AUTO
 * @map: (nullable) (array zero-terminated=1): as for
 *   mte_project_import_sheet()
 * @flags: as for mte_project_import_sheet()
 * @error: return location for a #GError
 *
 * As mte_project_import_sheet(), reading @path (its name is used in
 * messages). A file that cannot be read fails with a #GFileError.
 *
 * Returns: (transfer full): the report, or NULL with @error set.
 */
MTE_API MteImport *mte_project_import_sheet_from_file (MteProject         *project,
                                                       const char         *path,
                                                       MteSheetKind        kind,
                                                       const char * const *map,
                                                       MteImportFlags      flags,
                                                       GError            **error);

/**
 * mte_project_export_references:
 * @project: a project
 * @format: %MTE_REFERENCE_FORMAT_RIS, %MTE_REFERENCE_FORMAT_BIBTEX or
 *   %MTE_REFERENCE_FORMAT_CSL_JSON
 * @length: (out) (optional): the length of the result
 * @error: return location for a #GError
 *
 * Writes the citations of the included studies (not the excluded ones),
 * in project order, so that a reference manager can format the paper's
 * reference list. Importing the result with %MTE_IMPORT_AS_STUDIES gives
 * studies with the same authors, year, title, source, volume, issue,
 * pages, DOI and URL. Keys and ids are the studies' ids.
 *
 * Returns: (transfer full): UTF-8 text, free with g_free(); NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE for another format.
 */
MTE_API char *mte_project_export_references (const MteProject   *project,
                                             MteReferenceFormat  format,
                                             gsize              *length,
                                             GError            **error);

G_END_DECLS

#endif /* MTE_REFERENCES_H */
