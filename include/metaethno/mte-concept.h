/* metaethno: key concepts and the translations between studies.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_CONCEPT_H
#define MTE_CONCEPT_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Key concepts                                                       */
/* ------------------------------------------------------------------ */

/**
 * mte_project_add_concept:
 * @project: a project
 * @id: (nullable): the concept's id; NULL to derive one from @label
 *   (see mte_project_generate_slug_id())
 * @label: the concept's name, e.g. "being listened to"; not NULL
 * @error: return location for a #GError
 *
 * Appends a key concept (a "metaphor" in Noblit and Hare's terms): a row
 * of the grid, expressed by second-order constructs of one or more studies.
 *
 * Returns: (transfer none): the concept, owned by @project; NULL with
 *   @error set on an invalid or duplicate id or invalid UTF-8.
 */
MTE_API MteConcept *mte_project_add_concept (MteProject *project,
                                             const char *id,
                                             const char *label,
                                             GError    **error);

/**
 * mte_project_get_n_concepts:
 * @project: a project
 *
 * Returns: the number of key concepts.
 */
MTE_API guint mte_project_get_n_concepts (const MteProject *project);

/**
 * mte_project_get_concept:
 * @project: a project
 * @index: 0 to mte_project_get_n_concepts() - 1
 *
 * Returns: (transfer none): the concept at @index, in the order added.
 */
MTE_API MteConcept *mte_project_get_concept (const MteProject *project,
                                             guint             index);

/**
 * mte_project_lookup_concept:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the concept, or NULL.
 */
MTE_API MteConcept *mte_project_lookup_concept (const MteProject *project,
                                                const char       *id);

/**
 * mte_concept_get_id:
 * @concept: a concept
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_concept_get_id (const MteConcept *concept);

/**
 * mte_concept_get_label:
 * @concept: a concept
 *
 * Returns: (transfer none): its label; never NULL.
 */
MTE_API const char *mte_concept_get_label (const MteConcept *concept);

/**
 * mte_concept_set_label:
 * @concept: a concept
 * @label: the new label; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @label is not valid UTF-8.
 */
MTE_API gboolean mte_concept_set_label (MteConcept *concept,
                                        const char *label,
                                        GError    **error);

/**
 * mte_concept_get_definition:
 * @concept: a concept
 *
 * Returns: (transfer none) (nullable): the team's working definition.
 */
MTE_API const char *mte_concept_get_definition (const MteConcept *concept);

/**
 * mte_concept_set_definition:
 * @concept: a concept
 * @definition: (nullable): a definition
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @definition is not valid UTF-8.
 */
MTE_API gboolean mte_concept_set_definition (MteConcept *concept,
                                             const char *definition,
                                             GError    **error);

/**
 * mte_concept_add_expression:
 * @concept: a concept
 * @construct_id: the id of a second-order construct that expresses it
 * @error: return location for a #GError
 *
 * Records that a study expresses the concept through this second-order
 * construct. A study may express a concept through several constructs.
 * Adding an expression already present does nothing and succeeds.
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_NOT_FOUND or
 *   %MTE_MODEL_ERROR_WRONG_KIND when @construct_id is not a second-order
 *   construct.
 */
MTE_API gboolean mte_concept_add_expression (MteConcept *concept,
                                             const char *construct_id,
                                             GError    **error);

/**
 * mte_concept_remove_expression:
 * @concept: a concept
 * @construct_id: a construct id
 *
 * Returns: TRUE when the expression was there and is now removed.
 */
MTE_API gboolean mte_concept_remove_expression (MteConcept *concept,
                                                const char *construct_id);

/**
 * mte_concept_get_n_expressions:
 * @concept: a concept
 *
 * Returns: how many second-order constructs express the concept.
 */
MTE_API guint mte_concept_get_n_expressions (const MteConcept *concept);

/**
 * mte_concept_get_expression:
 * @concept: a concept
 * @index: 0 to mte_concept_get_n_expressions() - 1
 *
 * Returns: (transfer none): the expressing second-order construct at
 *   @index, in the order added. Its study is mte_construct_get_study().
 */
MTE_API MteConstruct *mte_concept_get_expression (const MteConcept *concept,
                                                  guint             index);

/* ------------------------------------------------------------------ */
/* Translations                                                       */
/* ------------------------------------------------------------------ */

/**
 * mte_project_add_translation:
 * @project: a project
 * @id: (nullable): the translation's id; NULL to generate one
 * @kind: reciprocal or refutational
 * @source_id: the id of a construct or concept: the side being translated,
 *   usually a second-order construct of the study being taken in
 * @target_id: the id of a construct or concept it is translated into,
 *   usually a concept gathered from earlier studies; not @source_id
 * @error: return location for a #GError
 *
 * Records a translation: a human judgement that two ideas from different
 * studies are the same idea in other words (reciprocal), or contradict
 * each other (refutational). The time is set to now; add the rationale and
 * reviewer with the setters. The library never decides this on its own.
 *
 * Returns: (transfer none): the translation, owned by @project; NULL with
 *   @error set when an id is invalid, taken or unknown, or names neither a
 *   construct nor a concept, or both sides are the same.
 */
MTE_API MteTranslation *mte_project_add_translation (MteProject         *project,
                                                     const char         *id,
                                                     MteTranslationKind  kind,
                                                     const char         *source_id,
                                                     const char         *target_id,
                                                     GError            **error);

/**
 * mte_project_get_n_translations:
 * @project: a project
 *
 * Returns: the number of translations.
 */
MTE_API guint mte_project_get_n_translations (const MteProject *project);

/**
 * mte_project_get_translation:
 * @project: a project
 * @index: 0 to mte_project_get_n_translations() - 1
 *
 * Returns: (transfer none): the translation at @index, in the order added.
 */
MTE_API MteTranslation *mte_project_get_translation (const MteProject *project,
                                                     guint             index);

/**
 * mte_project_lookup_translation:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the translation, or NULL.
 */
MTE_API MteTranslation *mte_project_lookup_translation (const MteProject *project,
                                                        const char       *id);

/**
 * mte_translation_get_id:
 * @translation: a translation
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_translation_get_id (const MteTranslation *translation);

/**
 * mte_translation_get_kind:
 * @translation: a translation
 *
 * Returns: reciprocal or refutational.
 */
MTE_API MteTranslationKind mte_translation_get_kind (const MteTranslation *translation);

/**
 * mte_translation_set_kind:
 * @translation: a translation
 * @kind: the new kind
 */
MTE_API void mte_translation_set_kind (MteTranslation     *translation,
                                       MteTranslationKind  kind);

/**
 * mte_translation_get_source:
 * @translation: a translation
 *
 * Returns: (transfer none): the source side, an #MteConstruct or an
 *   #MteConcept (see mte_entity_get_kind()).
 */
MTE_API MteEntity *mte_translation_get_source (const MteTranslation *translation);

/**
 * mte_translation_get_target:
 * @translation: a translation
 *
 * Returns: (transfer none): the target side, an #MteConstruct or an
 *   #MteConcept.
 */
MTE_API MteEntity *mte_translation_get_target (const MteTranslation *translation);

/**
 * mte_translation_get_source_study:
 * @translation: a translation
 *
 * Returns: (transfer none) (nullable): the study of the source side: the
 *   construct's study, or for a concept the study set with
 *   mte_translation_set_source_study() (NULL when none was set).
 */
MTE_API MteStudy *mte_translation_get_source_study (const MteTranslation *translation);

/**
 * mte_translation_get_target_study:
 * @translation: a translation
 *
 * Returns: (transfer none) (nullable): the study of the target side, as
 *   for mte_translation_get_source_study().
 */
MTE_API MteStudy *mte_translation_get_target_study (const MteTranslation *translation);

/**
 * mte_translation_set_source_study:
 * @translation: a translation whose source is a concept
 * @study_id: (nullable): the study whose use of the concept is meant
 * @error: return location for a #GError
 *
 * Says which study's version of a concept the source stands for (a
 * construct side always stands for its own study).
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_WRONG_KIND when the
 *   source is a construct, %MTE_MODEL_ERROR_NOT_FOUND for an unknown study.
 */
MTE_API gboolean mte_translation_set_source_study (MteTranslation *translation,
                                                   const char     *study_id,
                                                   GError        **error);

/**
 * mte_translation_set_target_study:
 * @translation: a translation whose target is a concept
 * @study_id: (nullable): the study whose use of the concept is meant
 * @error: return location for a #GError
 *
 * As mte_translation_set_source_study(), for the target side.
 *
 * Returns: TRUE on success; FALSE as for mte_translation_set_source_study().
 */
MTE_API gboolean mte_translation_set_target_study (MteTranslation *translation,
                                                   const char     *study_id,
                                                   GError        **error);

/**
 * mte_translation_get_rationale:
 * @translation: a translation
 *
 * Returns: (transfer none) (nullable): why the team made this judgement.
 */
MTE_API const char *mte_translation_get_rationale (const MteTranslation *translation);

/**
 * mte_translation_set_rationale:
 * @translation: a translation
 * @rationale: (nullable): the reasoning
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @rationale is not valid UTF-8.
 */
MTE_API gboolean mte_translation_set_rationale (MteTranslation *translation,
                                                const char     *rationale,
                                                GError        **error);

/**
 * mte_translation_get_reviewer:
 * @translation: a translation
 *
 * Returns: (transfer none) (nullable): the team member who made it.
 */
MTE_API MteMember *mte_translation_get_reviewer (const MteTranslation *translation);

/**
 * mte_translation_set_reviewer:
 * @translation: a translation
 * @member_id: (nullable): a team member's id
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @member_id names no member.
 */
MTE_API gboolean mte_translation_set_reviewer (MteTranslation *translation,
                                               const char     *member_id,
                                               GError        **error);

/**
 * mte_translation_get_created:
 * @translation: a translation
 *
 * Returns: when the judgement was recorded (seconds since the epoch, UTC).
 */
MTE_API gint64 mte_translation_get_created (const MteTranslation *translation);

/**
 * mte_translation_set_created:
 * @translation: a translation
 * @created: seconds since the epoch, UTC; not negative
 */
MTE_API void mte_translation_set_created (MteTranslation *translation,
                                          gint64          created);

G_END_DECLS

#endif /* MTE_CONCEPT_H */
