/* metaethno: references in and out: RIS, BibTeX, CSL-JSON, EndNote XML
 * and PubMed (MEDLINE/nbib) imported as records, with duplicates found;
 * the included studies' references exported for a reference manager.
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
 *
 * A reference format.
 */
typedef enum {
  MTE_REFERENCE_FORMAT_AUTO = 0,
  MTE_REFERENCE_FORMAT_RIS,
  MTE_REFERENCE_FORMAT_BIBTEX,
  MTE_REFERENCE_FORMAT_CSL_JSON,
  MTE_REFERENCE_FORMAT_ENDNOTE_XML,
  MTE_REFERENCE_FORMAT_NBIB
} MteReferenceFormat;

/**
 * mte_reference_format_to_string:
 * @format: a format
 *
 * Returns: (transfer none): "auto", "ris", "bibtex", "csl-json",
 *   "endnote-xml" or "nbib"; NULL for an unknown value.
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
 *   %MTE_MODEL_ERROR_NOT_FOUND or WRONG_KIND for @search_id.
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

/** mte_import_get_format: Returns: the format read (sniffed when asked). */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteImport, mte_import_free)

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
