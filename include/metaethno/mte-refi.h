/* mte-refi.h: REFI-QDA projects (.qdpx, .qde) and codebooks (.qdc), the
 * exchange format of NVivo, ATLAS.ti, MAXQDA and QualCoder: import through
 * a mapping of the team's codes, export under the metaethno convention,
 * and a data-loss report of what either could not carry. docs/refi.md
 * describes the mapping, the convention and the bounds.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_REFI_H
#define MTE_REFI_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>
#include <metaethno/mte-references.h>

G_BEGIN_DECLS

/**
 * MteRefiFormat:
 * @MTE_REFI_FORMAT_AUTO: decide from the content (a zip is a project
 *   archive; XML with a <Project> root a bare project, with <CodeBook> a
 *   codebook) or, when writing, from the file name's extension
 * @MTE_REFI_FORMAT_QDPX: a project archive (.qdpx)
 * @MTE_REFI_FORMAT_QDE: a bare project document (.qde), read only
 * @MTE_REFI_FORMAT_QDC: a codebook (.qdc)
 */
typedef enum {
  MTE_REFI_FORMAT_AUTO = 0,
  MTE_REFI_FORMAT_QDPX,
  MTE_REFI_FORMAT_QDE,
  MTE_REFI_FORMAT_QDC
} MteRefiFormat;

/**
 * mte_refi_format_to_string:
 * @format: a format
 * Returns: (transfer none): "auto", "qdpx", "qde" or "qdc"; NULL for an
 *   unknown value.
 */
MTE_API const char *mte_refi_format_to_string (MteRefiFormat format);

/**
 * mte_refi_format_from_string:
 * @name: a name as returned by mte_refi_format_to_string()
 * Returns: the format, or -1 when @name is not one.
 */
MTE_API int mte_refi_format_from_string (const char *name);

/**
 * MteRefiStudyUnit:
 * @MTE_REFI_STUDY_PER_SOURCE: each text source is one study
 * @MTE_REFI_STUDY_PER_CASE: each case is one study, holding the sources
 *   it groups (sources in no case are then one study each)
 *
 * What an included paper is in the QDA project.
 */
typedef enum {
  MTE_REFI_STUDY_PER_SOURCE = 0,
  MTE_REFI_STUDY_PER_CASE
} MteRefiStudyUnit;

/**
 * MteRefiMapping:
 *
 * How a QDA project's codes map onto the method's constructs: the code
 * (or code subtree) that marks participants' words, the one that marks
 * the authors' interpretations, the subtree whose codes are key concepts,
 * and the one whose codes are third-order constructs. A new mapping is the
 * metaethno convention of docs/refi.md ("First-order constructs",
 * "Second-order constructs", "Key concepts", "Third-order constructs").
 * Codes are named by name or by path from the root ("Findings/Quotes");
 * names compare case-sensitively after trimming. "/" names the codebook's
 * root: with it, every code (not taken by a role before it) plays the
 * role, as a flat codebook of concepts needs. Codes that cannot be applied
 * (isCodable="false") only group others: under the concept and
 * third-order roles they make nothing, their children do.
 */
typedef struct _MteRefiMapping MteRefiMapping;

/**
 * mte_refi_mapping_new:
 * Returns: (transfer full): the metaethno convention, one study per
 *   source, no matching of existing studies. Free with
 *   mte_refi_mapping_free().
 */
MTE_API MteRefiMapping *mte_refi_mapping_new (void);

/**
 * mte_refi_mapping_free:
 * @mapping: (nullable): a mapping
 */
MTE_API void mte_refi_mapping_free (MteRefiMapping *mapping);

/**
 * MteRefiRole:
 * @MTE_REFI_ROLE_FIRST_ORDER: selections coded with this code, or any code
 *   under it, are first-order constructs (quotes)
 * @MTE_REFI_ROLE_SECOND_ORDER: selections coded with it, or under it, are
 *   second-order constructs
 * @MTE_REFI_ROLE_CONCEPTS: the codes under it are key concepts
 * @MTE_REFI_ROLE_THIRD_ORDER: the codes under it are third-order constructs
 *
 * The roles a code can play in a mapping.
 */
typedef enum {
  MTE_REFI_ROLE_FIRST_ORDER = 0,
  MTE_REFI_ROLE_SECOND_ORDER,
  MTE_REFI_ROLE_CONCEPTS,
  MTE_REFI_ROLE_THIRD_ORDER
} MteRefiRole;

/**
 * mte_refi_mapping_set_code:
 * @mapping: a mapping
 * @role: a role
 * @code: (nullable): a code's name or path; NULL: no code plays @role
 * @error: return location for a #GError
 *
 * Returns: FALSE with %MTE_MODEL_ERROR_INVALID_VALUE when @code is empty
 *   or not UTF-8, or @role is unknown.
 */
MTE_API gboolean mte_refi_mapping_set_code (MteRefiMapping *mapping,
                                            MteRefiRole     role,
                                            const char     *code,
                                            GError        **error);

/**
 * mte_refi_mapping_get_code:
 * @mapping: a mapping
 * @role: a role
 * Returns: (transfer none) (nullable): the code named for @role.
 */
MTE_API const char *mte_refi_mapping_get_code (const MteRefiMapping *mapping,
                                               MteRefiRole           role);

/**
 * mte_refi_mapping_set_study_unit:
 * @mapping: a mapping
 * @unit: what a study is
 */
MTE_API void mte_refi_mapping_set_study_unit (MteRefiMapping   *mapping,
                                              MteRefiStudyUnit  unit);

/** mte_refi_mapping_get_study_unit: Returns: what a study is. */
MTE_API MteRefiStudyUnit mte_refi_mapping_get_study_unit (const MteRefiMapping *mapping);

/**
 * mte_refi_mapping_set_match_existing:
 * @mapping: a mapping
 * @match: TRUE: a source (or case) whose DOI, or else title, matches a
 *   study already in the project adds its constructs to that study
 *   instead of making a new one; else, when it matches a record the
 *   searches found (not a duplicate), an unscreened or sought record is
 *   included as reporting the new study, an included one gives its study,
 *   and a screened-out one is reported and left alone
 */
MTE_API void mte_refi_mapping_set_match_existing (MteRefiMapping *mapping,
                                                  gboolean        match);

/** mte_refi_mapping_get_match_existing: Returns: whether existing studies are matched. */
MTE_API gboolean mte_refi_mapping_get_match_existing (const MteRefiMapping *mapping);

/**
 * mte_refi_mapping_load_file:
 * @mapping: a mapping
 * @path: a mapping file: lines "first-order = CODE", "second-order =
 *   CODE", "concepts = CODE", "third-order = CODE", "study = source|case",
 *   "match-existing = yes|no"; "#" starts a comment; a role given with an
 *   empty value plays no part
 * @error: return location for a #GError
 *
 * Sets what the file says, leaving the rest.
 *
 * Returns: FALSE with %MTE_FORMAT_ERROR ("PATH:LINE: what") for a line
 *   it cannot read, or a #GFileError; @mapping is then unchanged.
 */
MTE_API gboolean mte_refi_mapping_load_file (MteRefiMapping *mapping,
                                             const char     *path,
                                             GError        **error);

/**
 * MteRefiReport:
 *
 * What an import or export did: what it made, by kind ("studies: 12"),
 * and every element it could not carry, by kind, with the reason, the
 * count and one detail per element (with the file's line where there is
 * one). An import or export never drops anything without a line here.
 */
typedef struct _MteRefiReport MteRefiReport;

/**
 * mte_refi_report_free:
 * @report: (nullable): a report
 */
MTE_API void mte_refi_report_free (MteRefiReport *report);

/** mte_refi_report_get_n_made: Returns: the number of kinds of things made. */
MTE_API guint mte_refi_report_get_n_made (const MteRefiReport *report);

/**
 * mte_refi_report_get_made:
 * @report: a report
 * @index: 0 to mte_refi_report_get_n_made() - 1
 * @count: (out) (optional): how many were made
 * Returns: (transfer none): what was made ("studies", "quotes", ...).
 */
MTE_API const char *mte_refi_report_get_made (const MteRefiReport *report,
                                              guint                index,
                                              guint               *count);

/**
 * mte_refi_report_get_n_losses:
 * @report: a report
 * Returns: the number of kinds of things not carried (0: nothing lost).
 */
MTE_API guint mte_refi_report_get_n_losses (const MteRefiReport *report);

/**
 * mte_refi_report_get_loss:
 * @report: a report
 * @index: 0 to mte_refi_report_get_n_losses() - 1
 * @why: (out) (optional) (transfer none): why they were not carried
 * @count: (out) (optional): how many
 * Returns: (transfer none): what was not carried ("PDF selections").
 */
MTE_API const char *mte_refi_report_get_loss (const MteRefiReport *report,
                                              guint                index,
                                              const char         **why,
                                              guint               *count);

/**
 * mte_refi_report_get_n_details:
 * @report: a report
 * @index: a loss, 0 to mte_refi_report_get_n_losses() - 1
 * Returns: the number of details kept for it (at most its count).
 */
MTE_API guint mte_refi_report_get_n_details (const MteRefiReport *report,
                                             guint                index);

/**
 * mte_refi_report_get_detail:
 * @report: a report
 * @index: a loss
 * @detail: 0 to mte_refi_report_get_n_details() - 1
 * Returns: (transfer none): one element not carried, e.g. "line 212:
 *   selection 'waiting' of source 'Interview 3'".
 */
MTE_API const char *mte_refi_report_get_detail (const MteRefiReport *report,
                                                guint                index,
                                                guint                detail);

/**
 * mte_refi_report_to_text:
 * @report: a report
 * Returns: (transfer full): the report for a reader: a line of what was
 *   made, then per loss "COUNT WHAT: WHY" and its details indented; ends
 *   with a newline. "nothing was lost" when nothing was.
 */
MTE_API char *mte_refi_report_to_text (const MteRefiReport *report);

/**
 * mte_refi_report_to_json:
 * @report: a report
 * Returns: (transfer full): {"made": {WHAT: N, ...}, "losses": [{"what",
 *   "why", "count", "details": [...]}]}, documented by
 *   docs/schemas/refi-report.schema.json.
 */
MTE_API char *mte_refi_report_to_json (const MteRefiReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteRefiReport, mte_refi_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteRefiMapping, mte_refi_mapping_free)

/**
 * mte_refi_describe:
 * @data: (array length=length): a .qdpx, .qde or .qdc
 * @length: its length in bytes
 * @name: (nullable): the name for messages
 * @json: FALSE for text, TRUE for JSON
 * @error: return location for a #GError
 *
 * The codebook as a tree, each code with the number of text selections
 * coded with it and the number of sources where it is used, then the
 * sources with their selection counts: what a team reads to choose a
 * mapping. Nothing is imported.
 *
 * Returns: (transfer full): the description, or NULL with @error set as
 *   for mte_project_import_refi().
 */
MTE_API char *mte_refi_describe (const char *data,
                                 gsize       length,
                                 const char *name,
                                 gboolean    json,
                                 GError    **error);

/**
 * mte_project_import_refi:
 * @project: a project
 * @data: (array length=length): a .qdpx, .qde or .qdc
 * @length: its length in bytes
 * @name: (nullable): the name for messages; NULL for "<data>"
 * @format: the format, or %MTE_REFI_FORMAT_AUTO
 * @mapping: (nullable): the mapping; NULL for the metaethno convention
 * @flags: %MTE_IMPORT_DRY_RUN to change nothing (the report says what
 *   would happen); %MTE_IMPORT_STRICT to refuse the import when anything
 *   would be lost; other flags are ignored
 * @error: return location for a #GError
 *
 * Brings a QDA project's coding into @project, all or nothing, as
 * docs/refi.md describes: studies from sources (or cases), first- and
 * second-order constructs from selections coded under the mapped codes
 * (their text copied from the source and checked against it), key
 * concepts and their expressions, third-order constructs and argument
 * links, users as team members, notes as memos. A codebook brings key
 * concepts and third-order constructs only.
 *
 * Archives and XML are read safely: see docs/refi.md for the bounds and
 * what is refused (paths out of the archive, symbolic links, encrypted or
 * duplicate entries, zip bombs, DTDs and entities). No network access.
 *
 * Returns: (transfer full): the report, or NULL with @error set and
 *   @project unchanged: %MTE_FORMAT_ERROR with "NAME:LINE:COLUMN: what"
 *   (or "NAME: what (entry "X")" for an archive) for a file it cannot
 *   read; %MTE_MODEL_ERROR_NOT_FOUND when a mapped code is not in the
 *   codebook, or when no code plays any role (the message says to choose
 *   a mapping: see mte_refi_describe()); %MTE_MODEL_ERROR_INVALID_VALUE
 *   with %MTE_IMPORT_STRICT when something would be lost.
 */
MTE_API MteRefiReport *mte_project_import_refi (MteProject           *project,
                                                const char           *data,
                                                gsize                 length,
                                                const char           *name,
                                                MteRefiFormat         format,
                                                const MteRefiMapping *mapping,
                                                MteImportFlags        flags,
                                                GError              **error);

/**
 * mte_project_import_refi_from_file:
 * @project: a project
 * @path: the file to read
 * @format: the format, or %MTE_REFI_FORMAT_AUTO
 * @mapping: (nullable): the mapping; NULL for the metaethno convention
 * @flags: as for mte_project_import_refi()
 * @error: return location for a #GError
 *
 * As mte_project_import_refi(), reading @path (at most 256 MiB); a file
 * that cannot be read fails with a #GFileError.
 *
 * Returns: (transfer full): the report, or NULL with @error set.
 */
MTE_API MteRefiReport *mte_project_import_refi_from_file (MteProject           *project,
                                                          const char           *path,
                                                          MteRefiFormat         format,
                                                          const MteRefiMapping *mapping,
                                                          MteImportFlags        flags,
                                                          GError              **error);

/**
 * mte_project_export_refi:
 * @project: a project
 * @format: %MTE_REFI_FORMAT_QDPX or %MTE_REFI_FORMAT_QDC
 * @report: (out) (optional) (transfer full): what REFI could not carry
 * @error: return location for a #GError
 *
 * The project as a REFI-QDA 1.5 project archive or codebook, under the
 * metaethno convention of docs/refi.md. The same project gives the same
 * bytes (GUIDs are derived from ids; archive entries carry a fixed date).
 *
 * Returns: (transfer full): the file's bytes, or NULL with @error set
 *   (%MTE_MODEL_ERROR_INVALID_VALUE for another format).
 */
MTE_API GBytes *mte_project_export_refi (const MteProject *project,
                                         MteRefiFormat     format,
                                         MteRefiReport   **report,
                                         GError          **error);

/**
 * mte_project_write_refi:
 * @project: a project
 * @path: the file to write, replaced atomically
 * @format: %MTE_REFI_FORMAT_QDPX, %MTE_REFI_FORMAT_QDC, or
 *   %MTE_REFI_FORMAT_AUTO to choose by @path's extension
 * @report: (out) (optional) (transfer full): what REFI could not carry
 * @error: return location for a #GError
 *
 * As mte_project_export_refi(), written to @path as project saves are
 * (temporary file, fsync, rename): a failure leaves @path as it was.
 *
 * Returns: TRUE on success.
 */
MTE_API gboolean mte_project_write_refi (const MteProject *project,
                                         const char       *path,
                                         MteRefiFormat     format,
                                         MteRefiReport   **report,
                                         GError          **error);

G_END_DECLS

#endif /* MTE_REFI_H */
