/* metaethno: studies, their citation, context and quality appraisal,
 * and the orders in which they are translated.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_STUDY_H
#define MTE_STUDY_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * MteStudyField:
 * @MTE_STUDY_TITLE: citation: the title of the paper or chapter
 * @MTE_STUDY_SOURCE: citation: journal or book
 * @MTE_STUDY_VOLUME: citation: volume
 * @MTE_STUDY_ISSUE: citation: issue
 * @MTE_STUDY_PAGES: citation: pages or article number, e.g. "209-215"
 * @MTE_STUDY_DOI: citation: DOI, e.g. "10.1371/journal.pone.0284878"
 * @MTE_STUDY_URL: citation: URL
 * @MTE_STUDY_COUNTRY: context: country or countries
 * @MTE_STUDY_SETTING: context: setting, e.g. "community mental-health services"
 * @MTE_STUDY_PARTICIPANTS: context: who took part, e.g. "Black Caribbean men aged 18-40"
 * @MTE_STUDY_CONDITION: context: condition or service studied
 * @MTE_STUDY_DATA_COLLECTION: context: method of data collection, e.g. "semi-structured interviews"
 * @MTE_STUDY_ANALYSIS: context: analysis approach, e.g. "thematic analysis"
 * @MTE_STUDY_NOTES: the review team's free notes on the study
 *
 * The text fields of a study, read and written with mte_study_get_field()
 * and mte_study_set_field(). Authors, year and sample size have their own
 * accessors.
 */
typedef enum {
  MTE_STUDY_TITLE = 0,
  MTE_STUDY_SOURCE,
  MTE_STUDY_VOLUME,
  MTE_STUDY_ISSUE,
  MTE_STUDY_PAGES,
  MTE_STUDY_DOI,
  MTE_STUDY_URL,
  MTE_STUDY_COUNTRY,
  MTE_STUDY_SETTING,
  MTE_STUDY_PARTICIPANTS,
  MTE_STUDY_CONDITION,
  MTE_STUDY_DATA_COLLECTION,
  MTE_STUDY_ANALYSIS,
  MTE_STUDY_NOTES
} MteStudyField;

/** MTE_STUDY_N_FIELDS: the number of #MteStudyField values. */
#define MTE_STUDY_N_FIELDS 14

/**
 * mte_study_field_to_string:
 * @field: a study field
 *
 * Returns: (transfer none): the field's name as used in the file format
 *   ("title", "data-collection", ...), or NULL for an unknown value.
 */
MTE_API const char *mte_study_field_to_string (MteStudyField field);

/**
 * mte_study_field_from_string:
 * @name: a field name as returned by mte_study_field_to_string()
 *
 * Returns: the field, or -1 when @name is not a field name.
 */
MTE_API int mte_study_field_from_string (const char *name);

/**
 * mte_project_add_study:
 * @project: a project
 * @id: (nullable): the study's id, e.g. "ridge2023"; NULL to generate one
 * @error: return location for a #GError
 *
 * Appends an empty study.
 *
 * Returns: (transfer none): the study, owned by @project; NULL with
 *   @error set on an invalid or duplicate id.
 */
MTE_API MteStudy *mte_project_add_study (MteProject *project,
                                         const char *id,
                                         GError    **error);

/**
 * mte_project_get_n_studies:
 * @project: a project
 *
 * Returns: the number of studies.
 */
MTE_API guint mte_project_get_n_studies (const MteProject *project);

/**
 * mte_project_get_study:
 * @project: a project
 * @index: 0 to mte_project_get_n_studies() - 1
 *
 * Returns: (transfer none): the study at @index, in the order added.
 */
MTE_API MteStudy *mte_project_get_study (const MteProject *project,
                                         guint             index);

/**
 * mte_project_lookup_study:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the study, or NULL.
 */
MTE_API MteStudy *mte_project_lookup_study (const MteProject *project,
                                            const char       *id);

/**
 * mte_study_get_id:
 * @study: a study
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_study_get_id (const MteStudy *study);

/**
 * mte_study_get_field:
 * @study: a study
 * @field: which field
 *
 * Returns: (transfer none) (nullable): the field's value.
 */
MTE_API const char *mte_study_get_field (const MteStudy *study,
                                         MteStudyField   field);

/**
 * mte_study_set_field:
 * @study: a study
 * @field: which field
 * @value: (nullable): the new value; NULL or "" clears it
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @value is not valid UTF-8.
 */
MTE_API gboolean mte_study_set_field (MteStudy      *study,
                                      MteStudyField  field,
                                      const char    *value,
                                      GError       **error);

/**
 * mte_study_get_authors:
 * @study: a study
 *
 * Returns: (transfer none) (array zero-terminated=1): the authors in
 *   citation order, as written (e.g. "Ridge, D."); an empty vector when
 *   none are recorded. Never NULL. Valid until the authors are set again.
 */
MTE_API const char * const *mte_study_get_authors (const MteStudy *study);

/**
 * mte_study_set_authors:
 * @study: a study
 * @authors: (nullable) (array zero-terminated=1): the authors in order;
 *   NULL clears them
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when an author is empty or not UTF-8.
 */
MTE_API gboolean mte_study_set_authors (MteStudy           *study,
                                        const char * const *authors,
                                        GError            **error);

/**
 * mte_study_get_year:
 * @study: a study
 *
 * Returns: the publication year, 0 when not recorded.
 */
MTE_API int mte_study_get_year (const MteStudy *study);

/**
 * mte_study_set_year:
 * @study: a study
 * @year: the year, 0 to clear; otherwise 1 to 9999
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @year is out of range.
 */
MTE_API gboolean mte_study_set_year (MteStudy *study,
                                     int       year,
                                     GError  **error);

/**
 * mte_study_get_sample_size:
 * @study: a study
 *
 * Returns: the number of participants, 0 when not recorded.
 */
MTE_API guint mte_study_get_sample_size (const MteStudy *study);

/**
 * mte_study_set_sample_size:
 * @study: a study
 * @sample_size: the number of participants, 0 to clear
 */
MTE_API void mte_study_set_sample_size (MteStudy *study,
                                        guint     sample_size);

/**
 * mte_study_get_index_study:
 * @study: a study
 *
 * Returns: TRUE when the team chose this as an index study: the study
 *   translation starts from, usually the most conceptually rich.
 */
MTE_API gboolean mte_study_get_index_study (const MteStudy *study);

/**
 * mte_study_set_index_study:
 * @study: a study
 * @index_study: whether it is an index study
 */
MTE_API void mte_study_set_index_study (MteStudy *study,
                                        gboolean  index_study);

/**
 * mte_study_get_translation_position:
 * @study: a study
 *
 * Returns: the study's 1-based position in the team's translation order,
 *   0 when not placed.
 */
MTE_API guint mte_study_get_translation_position (const MteStudy *study);

/**
 * mte_study_set_translation_position:
 * @study: a study
 * @position: 1-based position, 0 to unset. Positions need not be unique
 *   or contiguous; ties are ordered as the studies are.
 */
MTE_API void mte_study_set_translation_position (MteStudy *study,
                                                 guint     position);

/**
 * mte_study_get_n_attributes:
 * @study: a study
 *
 * Returns: the number of free key → value attributes.
 */
MTE_API guint mte_study_get_n_attributes (const MteStudy *study);

/**
 * mte_study_get_attribute_key:
 * @study: a study
 * @index: 0 to mte_study_get_n_attributes() - 1
 *
 * Returns: (transfer none): the key at @index (attributes keep the order
 *   in which their keys were first set).
 */
MTE_API const char *mte_study_get_attribute_key (const MteStudy *study,
                                                 guint           index);

/**
 * mte_study_get_attribute_value:
 * @study: a study
 * @index: 0 to mte_study_get_n_attributes() - 1
 *
 * Returns: (transfer none): the value at @index.
 */
MTE_API const char *mte_study_get_attribute_value (const MteStudy *study,
                                                   guint           index);

/**
 * mte_study_get_attribute:
 * @study: a study
 * @key: an attribute key
 *
 * Returns: (transfer none) (nullable): the value of @key, or NULL.
 */
MTE_API const char *mte_study_get_attribute (const MteStudy *study,
                                             const char     *key);

/**
 * mte_study_set_attribute:
 * @study: a study
 * @key: a non-empty key, e.g. "ethnicity of sample"
 * @value: (nullable): its value; NULL removes the attribute
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @key is empty or either string is
 *   not valid UTF-8.
 */
MTE_API gboolean mte_study_set_attribute (MteStudy   *study,
                                          const char *key,
                                          const char *value,
                                          GError    **error);

/**
 * mte_study_set_appraisal:
 * @study: a study
 * @checklist_id: the id of a checklist in the project
 * @question_key: the key of one of its questions
 * @answer: (nullable): one of the question's answers (any text for a
 *   free-text question); NULL together with a NULL @note removes the
 *   appraisal
 * @note: (nullable): the appraiser's note or justification
 * @error: return location for a #GError
 *
 * Records the study's answer to one appraisal question. Appraisals keep
 * the order in which they were first set.
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_NOT_FOUND for an
 *   unknown checklist or question, %MTE_MODEL_ERROR_INVALID_VALUE for an
 *   answer the question does not offer.
 */
MTE_API gboolean mte_study_set_appraisal (MteStudy   *study,
                                          const char *checklist_id,
                                          const char *question_key,
                                          const char *answer,
                                          const char *note,
                                          GError    **error);

/**
 * mte_study_get_appraisal:
 * @study: a study
 * @checklist_id: a checklist id
 * @question_key: a question key
 * @answer: (out) (optional) (transfer none) (nullable): the answer
 * @note: (out) (optional) (transfer none) (nullable): the note
 *
 * Returns: TRUE when the study has an appraisal for this question.
 */
MTE_API gboolean mte_study_get_appraisal (const MteStudy *study,
                                          const char     *checklist_id,
                                          const char     *question_key,
                                          const char    **answer,
                                          const char    **note);

/**
 * mte_study_get_n_appraisals:
 * @study: a study
 *
 * Returns: the number of appraisal answers recorded for the study.
 */
MTE_API guint mte_study_get_n_appraisals (const MteStudy *study);

/**
 * mte_study_get_appraisal_at:
 * @study: a study
 * @index: 0 to mte_study_get_n_appraisals() - 1
 * @checklist: (out) (optional) (transfer none): the checklist
 * @question_key: (out) (optional) (transfer none): the question's key
 * @answer: (out) (optional) (transfer none) (nullable): the answer
 * @note: (out) (optional) (transfer none) (nullable): the note
 *
 * Reads one appraisal answer by position.
 */
MTE_API void mte_study_get_appraisal_at (const MteStudy *study,
                                         guint           index,
                                         MteChecklist  **checklist,
                                         const char    **question_key,
                                         const char    **answer,
                                         const char    **note);

/* ------------------------------------------------------------------ */
/* Study order                                                        */
/* ------------------------------------------------------------------ */

/**
 * MteStudyOrder:
 * @MTE_STUDY_ORDER_PROJECT: the order in which studies were added
 * @MTE_STUDY_ORDER_CHRONOLOGICAL: by publication year, oldest first;
 *   studies without a year last; ties keep project order
 * @MTE_STUDY_ORDER_INDEX: index studies first (mte_study_set_index_study()),
 *   then the rest chronologically; when no study is marked, the study
 *   mte_project_suggest_index_study() picks goes first
 * @MTE_STUDY_ORDER_CUSTOM: by the team's translation positions
 *   (mte_study_set_translation_position()); unplaced studies last; ties
 *   keep project order
 *
 * The order in which studies are translated into one another.
 */
typedef enum {
  MTE_STUDY_ORDER_PROJECT = 0,
  MTE_STUDY_ORDER_CHRONOLOGICAL,
  MTE_STUDY_ORDER_INDEX,
  MTE_STUDY_ORDER_CUSTOM
} MteStudyOrder;

/**
 * mte_study_order_to_string:
 * @order: a study order
 *
 * Returns: (transfer none) (nullable): "project", "chronological",
 *   "index" or "custom"; NULL for an unknown value.
 */
MTE_API const char *mte_study_order_to_string (MteStudyOrder order);

/**
 * mte_study_order_from_string:
 * @name: a name as returned by mte_study_order_to_string()
 *
 * Returns: the order, or -1 when @name is not one.
 */
MTE_API int mte_study_order_from_string (const char *name);

/**
 * mte_project_dup_study_order:
 * @project: a project
 * @order: which order
 * @n_studies: (out) (optional): the number of studies returned
 *
 * Returns: (transfer container) (array length=n_studies): every study of
 *   @project in @order, NULL-terminated; free the array (not the studies)
 *   with g_free().
 */
MTE_API MteStudy **mte_project_dup_study_order (const MteProject *project,
                                                MteStudyOrder     order,
                                                guint            *n_studies);

/**
 * mte_project_suggest_index_study:
 * @project: a project
 *
 * Picks the most conceptually rich study, a common choice of index study:
 * the one whose second-order constructs express the most distinct key
 * concepts; ties go to the study with more second-order constructs, then
 * more first-order constructs, then the earlier one in project order. The
 * suggestion is not recorded; mark it with mte_study_set_index_study().
 *
 * Returns: (transfer none) (nullable): the study, or NULL when the project
 *   has no studies.
 */
MTE_API MteStudy *mte_project_suggest_index_study (const MteProject *project);

G_END_DECLS

#endif /* MTE_STUDY_H */
