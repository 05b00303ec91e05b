/* metaethno: phases 1 to 3 of a review: the protocol, the searches, the
 * records they found and their screening, each study's inclusion, and the
 * PRISMA 2020 flow counts computed from them.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_REVIEW_H
#define MTE_REVIEW_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * MTE_COUNT_UNKNOWN:
 *
 * A count that was not recorded (a search's number of records, a stage
 * count entered by hand) or that cannot be computed.
 */
#define MTE_COUNT_UNKNOWN ((gint64) -1)

/* ------------------------------------------------------------------ */
/* The protocol (eMERGe items 1 to 5)                                  */
/* ------------------------------------------------------------------ */

/**
 * MteProtocolField:
 * @MTE_PROTOCOL_RATIONALE: why meta-ethnography suits the question
 * @MTE_PROTOCOL_INCLUSION: the inclusion criteria
 * @MTE_PROTOCOL_EXCLUSION: the exclusion criteria
 * @MTE_PROTOCOL_SEARCH_STRATEGY: the search strategy in words: sources,
 *   limits, why (the searches themselves are #MteSearch objects)
 * @MTE_PROTOCOL_REGISTRATION: where the protocol is registered
 *   (e.g. a PROSPERO number)
 *
 * The parts of the review protocol a project records besides its title,
 * question and aim (mte_project_get_question(), mte_project_get_aim()).
 */
typedef enum {
  MTE_PROTOCOL_RATIONALE = 0,
  MTE_PROTOCOL_INCLUSION,
  MTE_PROTOCOL_EXCLUSION,
  MTE_PROTOCOL_SEARCH_STRATEGY,
  MTE_PROTOCOL_REGISTRATION
} MteProtocolField;

/** MTE_PROTOCOL_N_FIELDS: number of #MteProtocolField values. */
#define MTE_PROTOCOL_N_FIELDS 5

/**
 * mte_protocol_field_to_string:
 * @field: a protocol field
 *
 * Returns: (transfer none): the field's name in the file format and on the
 *   command line ("rationale", "inclusion", "exclusion",
 *   "search-strategy", "registration"), or NULL for an unknown value.
 */
MTE_API const char *mte_protocol_field_to_string (MteProtocolField field);

/**
 * mte_protocol_field_from_string:
 * @name: a name as returned by mte_protocol_field_to_string()
 *
 * Returns: the field, or -1 when @name is not one.
 */
MTE_API int mte_protocol_field_from_string (const char *name);

/**
 * mte_project_get_protocol:
 * @project: a project
 * @field: which part of the protocol
 *
 * Returns: (transfer none) (nullable): the text, or NULL when not
 *   recorded; valid until the field is set again or the project is freed.
 */
MTE_API const char *mte_project_get_protocol (const MteProject *project,
                                              MteProtocolField  field);

/**
 * mte_project_set_protocol:
 * @project: a project
 * @field: which part of the protocol
 * @text: (nullable): the text; NULL or "" clears it
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @text is not valid UTF-8 or holds
 *   characters XML cannot (%MTE_MODEL_ERROR_INVALID_VALUE).
 */
MTE_API gboolean mte_project_set_protocol (MteProject       *project,
                                           MteProtocolField  field,
                                           const char       *text,
                                           GError          **error);

/* ------------------------------------------------------------------ */
/* Searches                                                            */
/* ------------------------------------------------------------------ */

/**
 * MteSourceKind:
 * @MTE_SOURCE_DATABASE: a bibliographic database (MEDLINE, CINAHL, ...)
 * @MTE_SOURCE_REGISTER: a register of studies or protocols
 * @MTE_SOURCE_WEBSITE: a website
 * @MTE_SOURCE_ORGANISATION: an organisation asked or searched
 * @MTE_SOURCE_CITATION: citation searching (reference lists, citing papers)
 * @MTE_SOURCE_OTHER: any other method (hand searching, experts, ...)
 *
 * Where a search looked. PRISMA 2020 puts databases and registers in one
 * arm of its flow diagram and every other method in the second arm.
 */
typedef enum {
  MTE_SOURCE_DATABASE = 1,
  MTE_SOURCE_REGISTER,
  MTE_SOURCE_WEBSITE,
  MTE_SOURCE_ORGANISATION,
  MTE_SOURCE_CITATION,
  MTE_SOURCE_OTHER
} MteSourceKind;

/**
 * mte_source_kind_to_string:
 * @kind: a source kind
 *
 * Returns: (transfer none): "database", "register", "website",
 *   "organisation", "citation" or "other"; NULL for an unknown value.
 */
MTE_API const char *mte_source_kind_to_string (MteSourceKind kind);

/**
 * mte_source_kind_from_string:
 * @name: a name as returned by mte_source_kind_to_string()
 *
 * Returns: the kind, or -1 when @name is not one.
 */
MTE_API int mte_source_kind_from_string (const char *name);

/**
 * mte_project_add_search:
 * @project: a project
 * @id: (nullable): the search's id; NULL to derive one from @source
 * @kind: where the search looked
 * @source: the source's name, e.g. "MEDLINE (Ovid)"; not NULL, not empty
 * @error: return location for a #GError
 *
 * Appends a search. Its date, query, number of records and who ran it are
 * set afterwards.
 *
 * Returns: (transfer none): the search, owned by @project; NULL with
 *   @error set on an invalid or duplicate id or an invalid @source.
 */
MTE_API MteSearch *mte_project_add_search (MteProject    *project,
                                           const char    *id,
                                           MteSourceKind  kind,
                                           const char    *source,
                                           GError       **error);

/** mte_project_get_n_searches: Returns: the number of searches in @project. */
MTE_API guint mte_project_get_n_searches (const MteProject *project);

/**
 * mte_project_get_search:
 * @project: a project
 * @index: 0 to mte_project_get_n_searches() - 1
 *
 * Returns: (transfer none): the search at @index, in the order added.
 */
MTE_API MteSearch *mte_project_get_search (const MteProject *project,
                                           guint             index);

/**
 * mte_project_lookup_search:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the search with that id, or NULL.
 */
MTE_API MteSearch *mte_project_lookup_search (const MteProject *project,
                                              const char       *id);

/** mte_search_get_id: Returns: (transfer none): the search's id. */
MTE_API const char *mte_search_get_id (const MteSearch *search);

/** mte_search_get_kind: Returns: where the search looked. */
MTE_API MteSourceKind mte_search_get_kind (const MteSearch *search);

/**
 * mte_search_set_kind:
 * @search: a search
 * @kind: a valid #MteSourceKind
 */
MTE_API void mte_search_set_kind (MteSearch     *search,
                                  MteSourceKind  kind);

/** mte_search_get_source: Returns: (transfer none): the source's name. */
MTE_API const char *mte_search_get_source (const MteSearch *search);

/**
 * mte_search_set_source:
 * @search: a search
 * @source: the source's name; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @source is empty or not valid text.
 */
MTE_API gboolean mte_search_set_source (MteSearch  *search,
                                        const char *source,
                                        GError    **error);

/**
 * mte_search_get_date:
 * @search: a search
 *
 * Returns: (transfer none) (nullable): the date the search was run, as
 *   "YYYY-MM-DD", "YYYY-MM" or "YYYY"; NULL when not recorded.
 */
MTE_API const char *mte_search_get_date (const MteSearch *search);

/**
 * mte_search_set_date:
 * @search: a search
 * @date: (nullable): "YYYY-MM-DD", "YYYY-MM" or "YYYY", a real calendar
 *   date from year 1000 to 9999; NULL or "" clears it
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_INVALID_VALUE for
 *   any other text.
 */
MTE_API gboolean mte_search_set_date (MteSearch  *search,
                                      const char *date,
                                      GError    **error);

/**
 * mte_search_get_query:
 * @search: a search
 *
 * Returns: (transfer none) (nullable): the query as run (may span lines).
 */
MTE_API const char *mte_search_get_query (const MteSearch *search);

/**
 * mte_search_set_query:
 * @search: a search
 * @query: (nullable): the query; NULL or "" clears it
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @query is not valid text.
 */
MTE_API gboolean mte_search_set_query (MteSearch  *search,
                                       const char *query,
                                       GError    **error);

/**
 * mte_search_get_n_records:
 * @search: a search
 *
 * Returns: the number of records the search found, as the team recorded
 *   it, or %MTE_COUNT_UNKNOWN.
 */
MTE_API gint64 mte_search_get_n_records (const MteSearch *search);

/**
 * mte_search_set_n_records:
 * @search: a search
 * @n_records: 0 or more, or %MTE_COUNT_UNKNOWN to clear
 */
MTE_API void mte_search_set_n_records (MteSearch *search,
                                       gint64     n_records);

/**
 * mte_search_get_run_by:
 * @search: a search
 *
 * Returns: (transfer none) (nullable): the member who ran the search.
 */
MTE_API MteMember *mte_search_get_run_by (const MteSearch *search);

/**
 * mte_search_set_run_by:
 * @search: a search
 * @member_id: (nullable): a member's id; NULL clears it
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE with NOT_FOUND or WRONG_KIND.
 */
MTE_API gboolean mte_search_set_run_by (MteSearch  *search,
                                        const char *member_id,
                                        GError    **error);

/** mte_search_get_notes: Returns: (transfer none) (nullable): notes on the search (limits, filters, ...). */
MTE_API const char *mte_search_get_notes (const MteSearch *search);

/**
 * mte_search_set_notes:
 * @search: a search
 * @notes: (nullable): the notes; NULL or "" clears them
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @notes is not valid text.
 */
MTE_API gboolean mte_search_set_notes (MteSearch  *search,
                                       const char *notes,
                                       GError    **error);

/* ------------------------------------------------------------------ */
/* Records and screening                                               */
/* ------------------------------------------------------------------ */

/**
 * MteRecordField:
 * @MTE_RECORD_TITLE: the title
 * @MTE_RECORD_SOURCE: the journal, book or other container
 * @MTE_RECORD_VOLUME: the volume
 * @MTE_RECORD_ISSUE: the issue
 * @MTE_RECORD_PAGES: the pages
 * @MTE_RECORD_DOI: the DOI, without "https://doi.org/"
 * @MTE_RECORD_URL: a URL
 * @MTE_RECORD_ABSTRACT: the abstract
 * @MTE_RECORD_DATABASE: the database the record was exported from, as the
 *   record itself says (e.g. RIS's DB tag)
 * @MTE_RECORD_NOTES: the team's notes
 *
 * The text fields of a record's citation.
 */
typedef enum {
  MTE_RECORD_TITLE = 0,
  MTE_RECORD_SOURCE,
  MTE_RECORD_VOLUME,
  MTE_RECORD_ISSUE,
  MTE_RECORD_PAGES,
  MTE_RECORD_DOI,
  MTE_RECORD_URL,
  MTE_RECORD_ABSTRACT,
  MTE_RECORD_DATABASE,
  MTE_RECORD_NOTES
} MteRecordField;

/** MTE_RECORD_N_FIELDS: number of #MteRecordField values. */
#define MTE_RECORD_N_FIELDS 10

/**
 * mte_record_field_to_string:
 * @field: a record field
 *
 * Returns: (transfer none): the field's name ("title", "source", ...,
 *   "database", "notes"), or NULL for an unknown value.
 */
MTE_API const char *mte_record_field_to_string (MteRecordField field);

/**
 * mte_record_field_from_string:
 * @name: a name as returned by mte_record_field_to_string()
 *
 * Returns: the field, or -1 when @name is not one.
 */
MTE_API int mte_record_field_from_string (const char *name);

/**
 * MteRecordFate:
 * @MTE_FATE_UNSCREENED: not yet decided
 * @MTE_FATE_DUPLICATE: removed before screening as a duplicate of another
 *   record (mte_record_get_duplicate_of())
 * @MTE_FATE_REMOVED_AUTOMATION: removed before screening, marked
 *   ineligible by an automation tool
 * @MTE_FATE_REMOVED_OTHER: removed before screening for another reason
 * @MTE_FATE_EXCLUDED_SCREENING: excluded on title and abstract
 * @MTE_FATE_SOUGHT: passed screening; the full report is sought and not
 *   yet assessed
 * @MTE_FATE_NOT_RETRIEVED: the full report could not be retrieved
 * @MTE_FATE_EXCLUDED_FULL_TEXT: excluded on the full text; a reason is
 *   required
 * @MTE_FATE_INCLUDED: included: a report of a study in the review
 *   (mte_record_get_study()); a study may have several reports
 *
 * What became of a record, stage by stage as in PRISMA 2020.
 */
typedef enum {
  MTE_FATE_UNSCREENED = 0,
  MTE_FATE_DUPLICATE,
  MTE_FATE_REMOVED_AUTOMATION,
  MTE_FATE_REMOVED_OTHER,
  MTE_FATE_EXCLUDED_SCREENING,
  MTE_FATE_SOUGHT,
  MTE_FATE_NOT_RETRIEVED,
  MTE_FATE_EXCLUDED_FULL_TEXT,
  MTE_FATE_INCLUDED
} MteRecordFate;

/**
 * mte_record_fate_to_string:
 * @fate: a fate
 *
 * Returns: (transfer none): "unscreened", "duplicate",
 *   "removed-automation", "removed-other", "excluded-screening", "sought",
 *   "not-retrieved", "excluded-full-text" or "included"; NULL for an
 *   unknown value.
 */
MTE_API const char *mte_record_fate_to_string (MteRecordFate fate);

/**
 * mte_record_fate_from_string:
 * @name: a name as returned by mte_record_fate_to_string()
 *
 * Returns: the fate, or -1 when @name is not one.
 */
MTE_API int mte_record_fate_from_string (const char *name);

/**
 * mte_project_add_record:
 * @project: a project
 * @id: (nullable): the record's id; NULL to generate "record-N"
 * @error: return location for a #GError
 *
 * Appends an unscreened record with an empty citation.
 *
 * Returns: (transfer none): the record, owned by @project; NULL with
 *   @error set on an invalid or duplicate id.
 */
MTE_API MteRecord *mte_project_add_record (MteProject *project,
                                           const char *id,
                                           GError    **error);

/** mte_project_get_n_records: Returns: the number of records in @project. */
MTE_API guint mte_project_get_n_records (const MteProject *project);

/**
 * mte_project_get_record:
 * @project: a project
 * @index: 0 to mte_project_get_n_records() - 1
 *
 * Returns: (transfer none): the record at @index, in the order added.
 */
MTE_API MteRecord *mte_project_get_record (const MteProject *project,
                                           guint             index);

/**
 * mte_project_lookup_record:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the record with that id, or NULL.
 */
MTE_API MteRecord *mte_project_lookup_record (const MteProject *project,
                                              const char       *id);

/** mte_record_get_id: Returns: (transfer none): the record's id. */
MTE_API const char *mte_record_get_id (const MteRecord *record);

/**
 * mte_record_get_field:
 * @record: a record
 * @field: a citation field
 *
 * Returns: (transfer none) (nullable): the text, or NULL when not recorded.
 */
MTE_API const char *mte_record_get_field (const MteRecord *record,
                                          MteRecordField   field);

/**
 * mte_record_set_field:
 * @record: a record
 * @field: a citation field
 * @value: (nullable): the text; NULL or "" clears the field
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @value is not valid text.
 */
MTE_API gboolean mte_record_set_field (MteRecord      *record,
                                       MteRecordField  field,
                                       const char     *value,
                                       GError        **error);

/**
 * mte_record_get_authors:
 * @record: a record
 *
 * Returns: (transfer none) (array zero-terminated=1): the authors in
 *   order, each "Family, Given" as given; never NULL (empty when none).
 */
MTE_API const char * const *mte_record_get_authors (const MteRecord *record);

/**
 * mte_record_set_authors:
 * @record: a record
 * @authors: (nullable) (array zero-terminated=1): the authors; NULL clears
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when a name is empty or not valid text.
 */
MTE_API gboolean mte_record_set_authors (MteRecord          *record,
                                         const char * const *authors,
                                         GError            **error);

/** mte_record_get_year: Returns: the publication year, or 0 when not recorded. */
MTE_API int mte_record_get_year (const MteRecord *record);

/**
 * mte_record_set_year:
 * @record: a record
 * @year: 1 to 9999, or 0 to clear
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE with INVALID_VALUE for another year.
 */
MTE_API gboolean mte_record_set_year (MteRecord *record,
                                      int        year,
                                      GError   **error);

/**
 * mte_record_get_keywords:
 * @record: a record
 *
 * Returns: (transfer none) (array zero-terminated=1): the keywords; never
 *   NULL (empty when none).
 */
MTE_API const char * const *mte_record_get_keywords (const MteRecord *record);

/**
 * mte_record_set_keywords:
 * @record: a record
 * @keywords: (nullable) (array zero-terminated=1): the keywords; NULL clears
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when a keyword is empty or not valid text.
 */
MTE_API gboolean mte_record_set_keywords (MteRecord          *record,
                                          const char * const *keywords,
                                          GError            **error);

/**
 * mte_record_add_search:
 * @record: a record
 * @search_id: the id of a search that found the record
 * @error: return location for a #GError
 *
 * Records that @search_id found the record. A record found by several
 * searches lists each; the PRISMA counts then count it once per search
 * and every finding after the first as a duplicate removed. Adding a
 * search already listed does nothing.
 *
 * Returns: TRUE on success; FALSE with NOT_FOUND or WRONG_KIND.
 */
MTE_API gboolean mte_record_add_search (MteRecord  *record,
                                        const char *search_id,
                                        GError    **error);

/**
 * mte_record_remove_search:
 * @record: a record
 * @search_id: the id of a search
 *
 * Returns: TRUE when the search was listed and is no longer; FALSE when
 *   @search_id names no search the record lists.
 */
MTE_API gboolean mte_record_remove_search (MteRecord  *record,
                                           const char *search_id);

/** mte_record_get_n_searches: Returns: how many searches found the record. */
MTE_API guint mte_record_get_n_searches (const MteRecord *record);

/**
 * mte_record_get_search:
 * @record: a record
 * @index: 0 to mte_record_get_n_searches() - 1
 *
 * Returns: (transfer none): the search, in the order added.
 */
MTE_API MteSearch *mte_record_get_search (const MteRecord *record,
                                          guint            index);

/**
 * mte_record_set_fate:
 * @record: a record
 * @fate: what became of it
 * @target_id: (nullable): for %MTE_FATE_DUPLICATE the id of the record it
 *   duplicates (another record that is not itself a duplicate); for
 *   %MTE_FATE_INCLUDED the id of the study it reports; NULL for any other
 *   fate
 * @reason: (nullable): why; required for %MTE_FATE_EXCLUDED_FULL_TEXT,
 *   optional otherwise (for a duplicate, the rule that matched, e.g.
 *   "same DOI")
 * @decided_by: (nullable): the id of the member who decided
 * @decided: when, in seconds since 1970 UTC, 0 to %MTE_TIME_MAX (0: not
 *   recorded)
 * @error: return location for a #GError
 *
 * Sets the record's fate and the decision's provenance, replacing any
 * earlier decision. %MTE_FATE_UNSCREENED undoes a decision; it takes no
 * target or reason. Records that are duplicates of this one keep pointing
 * at it, so a record that others duplicate cannot itself become a
 * duplicate.
 *
 * Returns: TRUE on success; FALSE with @error set, leaving the record as
 *   it was: NOT_FOUND or WRONG_KIND for a bad id, INVALID_VALUE for a
 *   missing or unexpected target or reason, a record marked a duplicate of
 *   itself, of a duplicate, or while others duplicate it.
 */
MTE_API gboolean mte_record_set_fate (MteRecord     *record,
                                      MteRecordFate  fate,
                                      const char    *target_id,
                                      const char    *reason,
                                      const char    *decided_by,
                                      gint64         decided,
                                      GError       **error);

/** mte_record_get_fate: Returns: what became of the record. */
MTE_API MteRecordFate mte_record_get_fate (const MteRecord *record);

/** mte_record_get_reason: Returns: (transfer none) (nullable): the reason given for the fate. */
MTE_API const char *mte_record_get_reason (const MteRecord *record);

/** mte_record_get_duplicate_of: Returns: (transfer none) (nullable): for a duplicate, the record it duplicates. */
MTE_API MteRecord *mte_record_get_duplicate_of (const MteRecord *record);

/** mte_record_get_study: Returns: (transfer none) (nullable): for an included record, the study it reports. */
MTE_API MteStudy *mte_record_get_study (const MteRecord *record);

/** mte_record_get_decided_by: Returns: (transfer none) (nullable): who decided the fate. */
MTE_API MteMember *mte_record_get_decided_by (const MteRecord *record);

/** mte_record_get_decided: Returns: when the fate was decided (0: not recorded). */
MTE_API gint64 mte_record_get_decided (const MteRecord *record);

/* ------------------------------------------------------------------ */
/* A study's inclusion                                                 */
/* ------------------------------------------------------------------ */

/**
 * MteExclusionStage:
 * @MTE_EXCLUSION_NONE: the study is included
 * @MTE_EXCLUSION_FULL_TEXT: excluded when its full text was assessed for
 *   eligibility
 * @MTE_EXCLUSION_APPRAISAL: excluded after quality appraisal
 * @MTE_EXCLUSION_SYNTHESIS: excluded during synthesis (e.g. its findings
 *   turned out to be outside the question)
 *
 * When a study left the review.
 */
typedef enum {
  MTE_EXCLUSION_NONE = 0,
  MTE_EXCLUSION_FULL_TEXT,
  MTE_EXCLUSION_APPRAISAL,
  MTE_EXCLUSION_SYNTHESIS
} MteExclusionStage;

/**
 * mte_exclusion_stage_to_string:
 * @stage: a stage
 *
 * Returns: (transfer none): "none", "full-text", "appraisal" or
 *   "synthesis"; NULL for an unknown value.
 */
MTE_API const char *mte_exclusion_stage_to_string (MteExclusionStage stage);

/**
 * mte_exclusion_stage_from_string:
 * @name: a name as returned by mte_exclusion_stage_to_string()
 *
 * Returns: the stage, or -1 when @name is not one.
 */
MTE_API int mte_exclusion_stage_from_string (const char *name);

/**
 * mte_study_exclude:
 * @study: a study
 * @stage: when it was excluded; not %MTE_EXCLUSION_NONE
 * @reason: (nullable): why; NULL or "" is refused with INVALID_VALUE
 * @reviewer_id: (nullable): the id of the member who decided
 * @when: the time of the decision, 0 (not recorded) to %MTE_TIME_MAX
 * @error: return location for a #GError
 *
 * Excludes @study from the review, replacing an earlier exclusion. The
 * study, its constructs, appraisal and everything that refers to them stay
 * in the project and in its file (they are the audit trail), but the study
 * leaves every analysis: the grid, relatedness, study orders and the
 * translation session, the translation table and saturation, a finding's
 * support and the line of argument's coverage, and the suggestions. Every
 * report lists excluded studies with their reasons.
 *
 * Returns: TRUE on success; FALSE with INVALID_VALUE (empty reason),
 *   NOT_FOUND or WRONG_KIND (reviewer), leaving the study as it was.
 */
MTE_API gboolean mte_study_exclude (MteStudy          *study,
                                    MteExclusionStage  stage,
                                    const char        *reason,
                                    const char        *reviewer_id,
                                    gint64             when,
                                    GError           **error);

/**
 * mte_study_include:
 * @study: a study
 *
 * Undoes mte_study_exclude(): the study is included again and its
 * exclusion's stage, reason, reviewer and time are forgotten.
 */
MTE_API void mte_study_include (MteStudy *study);

/** mte_study_is_excluded: Returns: TRUE when the study has been excluded. */
MTE_API gboolean mte_study_is_excluded (const MteStudy *study);

/** mte_study_get_exclusion_stage: Returns: when the study was excluded; %MTE_EXCLUSION_NONE while included. */
MTE_API MteExclusionStage mte_study_get_exclusion_stage (const MteStudy *study);

/** mte_study_get_exclusion_reason: Returns: (transfer none) (nullable): why it was excluded; NULL while included. */
MTE_API const char *mte_study_get_exclusion_reason (const MteStudy *study);

/** mte_study_get_exclusion_reviewer: Returns: (transfer none) (nullable): who excluded it. */
MTE_API MteMember *mte_study_get_exclusion_reviewer (const MteStudy *study);

/** mte_study_get_exclusion_time: Returns: when it was excluded (0: not recorded or included). */
MTE_API gint64 mte_study_get_exclusion_time (const MteStudy *study);

/**
 * mte_project_get_n_included_studies:
 * @project: a project
 *
 * Returns: the number of studies that are not excluded.
 */
MTE_API guint mte_project_get_n_included_studies (const MteProject *project);

/* ------------------------------------------------------------------ */
/* PRISMA 2020 counts                                                  */
/* ------------------------------------------------------------------ */

/**
 * MtePrismaCount:
 * @MTE_PRISMA_PREVIOUS_STUDIES: studies included in a previous version of
 *   the review (entered only)
 * @MTE_PRISMA_PREVIOUS_REPORTS: their reports (entered only)
 * @MTE_PRISMA_DATABASE_RESULTS: records identified from databases
 * @MTE_PRISMA_REGISTER_RESULTS: records identified from registers
 * @MTE_PRISMA_WEBSITE_RESULTS: records identified from websites
 * @MTE_PRISMA_ORGANISATION_RESULTS: records identified from organisations
 * @MTE_PRISMA_CITATION_RESULTS: records identified by citation searching
 * @MTE_PRISMA_OTHER_RESULTS: records identified by any other method
 * @MTE_PRISMA_DUPLICATES: duplicate records removed before screening
 * @MTE_PRISMA_EXCLUDED_AUTOMATIC: records marked ineligible by automation
 * @MTE_PRISMA_EXCLUDED_OTHER: records removed for other reasons
 * @MTE_PRISMA_RECORDS_SCREENED: records screened (databases and registers)
 * @MTE_PRISMA_RECORDS_EXCLUDED: records excluded at screening
 * @MTE_PRISMA_DBR_SOUGHT: reports sought for retrieval (databases and
 *   registers)
 * @MTE_PRISMA_DBR_NOT_RETRIEVED: reports not retrieved (databases and
 *   registers)
 * @MTE_PRISMA_DBR_ASSESSED: reports assessed for eligibility (databases
 *   and registers)
 * @MTE_PRISMA_DBR_EXCLUDED: reports excluded, with reasons (databases and
 *   registers)
 * @MTE_PRISMA_OTHER_SOUGHT: reports sought for retrieval (other methods)
 * @MTE_PRISMA_OTHER_NOT_RETRIEVED: reports not retrieved (other methods)
 * @MTE_PRISMA_OTHER_ASSESSED: reports assessed for eligibility (other
 *   methods)
 * @MTE_PRISMA_OTHER_EXCLUDED: reports excluded, with reasons (other
 *   methods)
 * @MTE_PRISMA_NEW_STUDIES: new studies included in the review
 * @MTE_PRISMA_NEW_REPORTS: reports of the new included studies
 * @MTE_PRISMA_TOTAL_STUDIES: total studies included (previous and new)
 * @MTE_PRISMA_TOTAL_REPORTS: reports of the total included studies
 *
 * The boxes of the PRISMA 2020 flow diagram for new and updated reviews,
 * named as the PRISMA2020 R package (Haddaway et al. 2022) names its
 * data (mte_prisma_count_to_string()).
 */
typedef enum {
  MTE_PRISMA_PREVIOUS_STUDIES = 0,
  MTE_PRISMA_PREVIOUS_REPORTS,
  MTE_PRISMA_DATABASE_RESULTS,
  MTE_PRISMA_REGISTER_RESULTS,
  MTE_PRISMA_WEBSITE_RESULTS,
  MTE_PRISMA_ORGANISATION_RESULTS,
  MTE_PRISMA_CITATION_RESULTS,
  MTE_PRISMA_OTHER_RESULTS,
  MTE_PRISMA_DUPLICATES,
  MTE_PRISMA_EXCLUDED_AUTOMATIC,
  MTE_PRISMA_EXCLUDED_OTHER,
  MTE_PRISMA_RECORDS_SCREENED,
  MTE_PRISMA_RECORDS_EXCLUDED,
  MTE_PRISMA_DBR_SOUGHT,
  MTE_PRISMA_DBR_NOT_RETRIEVED,
  MTE_PRISMA_DBR_ASSESSED,
  MTE_PRISMA_DBR_EXCLUDED,
  MTE_PRISMA_OTHER_SOUGHT,
  MTE_PRISMA_OTHER_NOT_RETRIEVED,
  MTE_PRISMA_OTHER_ASSESSED,
  MTE_PRISMA_OTHER_EXCLUDED,
  MTE_PRISMA_NEW_STUDIES,
  MTE_PRISMA_NEW_REPORTS,
  MTE_PRISMA_TOTAL_STUDIES,
  MTE_PRISMA_TOTAL_REPORTS
} MtePrismaCount;

/** MTE_PRISMA_N_COUNTS: number of #MtePrismaCount values. */
#define MTE_PRISMA_N_COUNTS 25

/**
 * mte_prisma_count_to_string:
 * @count: a count
 *
 * Returns: (transfer none): the PRISMA2020 R package's name for it
 *   ("previous_studies", "database_results", ..., "dbr_sought_reports",
 *   ..., "total_reports"; %MTE_PRISMA_OTHER_RESULTS, which the package
 *   lacks, is "other_results"), or NULL for an unknown value.
 */
MTE_API const char *mte_prisma_count_to_string (MtePrismaCount count);

/**
 * mte_prisma_count_from_string:
 * @name: a name as returned by mte_prisma_count_to_string()
 *
 * Returns: the count, or -1 when @name is not one.
 */
MTE_API int mte_prisma_count_from_string (const char *name);

/**
 * mte_project_get_stage_count:
 * @project: a project
 * @count: which box
 *
 * Returns: the count the team entered by hand for @count, or
 *   %MTE_COUNT_UNKNOWN when none was entered.
 */
MTE_API gint64 mte_project_get_stage_count (const MteProject *project,
                                            MtePrismaCount    count);

/**
 * mte_project_set_stage_count:
 * @project: a project
 * @count: which box
 * @value: 0 or more; %MTE_COUNT_UNKNOWN removes the entered count
 *
 * Enters a count by hand, for reviews that did not keep every record. An
 * entered count is what mte_prisma_get_count() reports; when the project
 * also has the records to compute it, and the two differ, the difference
 * is listed by mte_prisma_get_n_disagreements() and by mte_project_check().
 * For %MTE_PRISMA_DBR_EXCLUDED and %MTE_PRISMA_OTHER_EXCLUDED enter the
 * reasons with mte_project_set_exclusion_count() instead.
 */
MTE_API void mte_project_set_stage_count (MteProject     *project,
                                          MtePrismaCount  count,
                                          gint64          value);

/**
 * mte_project_get_n_exclusion_counts:
 * @project: a project
 * @count: %MTE_PRISMA_DBR_EXCLUDED or %MTE_PRISMA_OTHER_EXCLUDED
 *
 * Returns: the number of reasons entered by hand for that box.
 */
MTE_API guint mte_project_get_n_exclusion_counts (const MteProject *project,
                                                  MtePrismaCount    count);

/**
 * mte_project_get_exclusion_count:
 * @project: a project
 * @count: %MTE_PRISMA_DBR_EXCLUDED or %MTE_PRISMA_OTHER_EXCLUDED
 * @index: 0 to mte_project_get_n_exclusion_counts() - 1
 * @reason: (out) (transfer none) (optional): the reason
 *
 * Returns: the number of reports excluded for that reason, as entered.
 */
MTE_API gint64 mte_project_get_exclusion_count (const MteProject *project,
                                                MtePrismaCount    count,
                                                guint             index,
                                                const char      **reason);

/**
 * mte_project_set_exclusion_count:
 * @project: a project
 * @count: %MTE_PRISMA_DBR_EXCLUDED or %MTE_PRISMA_OTHER_EXCLUDED
 * @reason: the reason, as reported; not NULL, not empty
 * @value: 0 or more; %MTE_COUNT_UNKNOWN removes the reason
 * @error: return location for a #GError
 *
 * Enters by hand how many reports were excluded at full text for
 * @reason. Reasons keep the order in which they were first entered.
 *
 * Returns: TRUE on success; FALSE when @reason is empty or not valid text.
 */
MTE_API gboolean mte_project_set_exclusion_count (MteProject     *project,
                                                  MtePrismaCount  count,
                                                  const char     *reason,
                                                  gint64          value,
                                                  GError        **error);

/**
 * mte_prisma_new:
 * @project: a project
 *
 * Computes the PRISMA 2020 flow from the project as it is now. Each box is
 * the count entered by hand (mte_project_set_stage_count()) when there is
 * one, else the count computed from the searches, records and studies:
 *
 * - identification, per source kind: the sum over searches of that kind
 *   of their recorded number of records, or, for a search without one,
 *   of the records that list it;
 * - duplicates: records marked duplicates, plus each finding of a record
 *   by a second or later search; removed by automation or for other
 *   reasons: the records so marked;
 * - a record belongs to the databases-and-registers arm when one of its
 *   searches is a database or register search, else (also without a
 *   search) to the other-methods arm;
 * - screened: records past screening, i.e. excluded at screening, sought,
 *   not retrieved, excluded at full text or included (the other-methods
 *   arm has no screening box: its records are counted from "sought");
 * - sought: sought, not retrieved, excluded at full text or included;
 *   assessed: excluded at full text or included;
 * - a report of a study that was later excluded (mte_study_exclude()) is
 *   assessed and excluded with the study's reason;
 * - a study that no included record reports counts as one report of the
 *   databases-and-registers arm, assessed and then included or excluded
 *   as the study is;
 * - new studies: the studies not excluded; new reports: their reports;
 *   totals add the previous version's studies and reports when entered.
 *
 * Returns: (transfer full): the counts; free with mte_prisma_free().
 */
MTE_API MtePrisma *mte_prisma_new (const MteProject *project);

/**
 * mte_prisma_free:
 * @prisma: (nullable): counts from mte_prisma_new()
 */
MTE_API void mte_prisma_free (MtePrisma *prisma);

/**
 * mte_prisma_get_count:
 * @prisma: counts
 * @count: which box
 *
 * Returns: the box's count (for the two "excluded" boxes the total over
 *   their reasons), or %MTE_COUNT_UNKNOWN when the project neither entered
 *   it nor holds what it is computed from (e.g. no searches).
 */
MTE_API gint64 mte_prisma_get_count (const MtePrisma *prisma,
                                     MtePrismaCount   count);

/**
 * mte_prisma_is_entered:
 * @prisma: counts
 * @count: which box
 *
 * Returns: TRUE when the count was entered by hand rather than computed.
 */
MTE_API gboolean mte_prisma_is_entered (const MtePrisma *prisma,
                                        MtePrismaCount   count);

/**
 * mte_prisma_get_n_reasons:
 * @prisma: counts
 * @count: %MTE_PRISMA_DBR_EXCLUDED or %MTE_PRISMA_OTHER_EXCLUDED
 *
 * Returns: the number of distinct reasons for that box.
 */
MTE_API guint mte_prisma_get_n_reasons (const MtePrisma *prisma,
                                        MtePrismaCount   count);

/**
 * mte_prisma_get_reason:
 * @prisma: counts
 * @count: %MTE_PRISMA_DBR_EXCLUDED or %MTE_PRISMA_OTHER_EXCLUDED
 * @index: 0 to mte_prisma_get_n_reasons() - 1
 * @n_reports: (out) (optional): how many reports were excluded for it
 *
 * Reasons come in order of first appearance (records in project order,
 * then studies). Reasons that differ only in case or spacing count as one.
 *
 * Returns: (transfer none): the reason; valid while @prisma lives.
 */
MTE_API const char *mte_prisma_get_reason (const MtePrisma *prisma,
                                           MtePrismaCount   count,
                                           guint            index,
                                           gint64          *n_reports);

/**
 * mte_prisma_get_n_sources:
 * @prisma: counts
 *
 * Returns: the number of searches, one per source row of the
 *   identification box ("MEDLINE (Ovid), 412").
 */
MTE_API guint mte_prisma_get_n_sources (const MtePrisma *prisma);

/**
 * mte_prisma_get_source:
 * @prisma: counts
 * @index: 0 to mte_prisma_get_n_sources() - 1
 * @kind: (out) (optional): the search's source kind
 * @n_records: (out) (optional): records identified by it
 *   (%MTE_COUNT_UNKNOWN when neither recorded nor computable)
 *
 * Returns: (transfer none): the source's name; valid while @prisma lives.
 */
MTE_API const char *mte_prisma_get_source (const MtePrisma *prisma,
                                           guint            index,
                                           MteSourceKind   *kind,
                                           gint64          *n_records);

/**
 * mte_prisma_get_n_disagreements:
 * @prisma: counts
 *
 * Returns: the number of boxes (and searches) whose entered count differs
 *   from the one computed from the records.
 */
MTE_API guint mte_prisma_get_n_disagreements (const MtePrisma *prisma);

/**
 * mte_prisma_get_disagreement:
 * @prisma: counts
 * @index: 0 to mte_prisma_get_n_disagreements() - 1
 * @entered: (out) (optional): the count entered
 * @computed: (out) (optional): the count computed from the records
 *
 * Returns: (transfer none): what disagrees: a box's name as
 *   mte_prisma_count_to_string() gives it, or a search's id.
 */
MTE_API const char *mte_prisma_get_disagreement (const MtePrisma *prisma,
                                                 guint            index,
                                                 gint64          *entered,
                                                 gint64          *computed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtePrisma, mte_prisma_free)

G_END_DECLS

#endif /* MTE_REVIEW_H */
