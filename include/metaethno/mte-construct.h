/* metaethno: first- and second-order constructs.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_CONSTRUCT_H
#define MTE_CONSTRUCT_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * mte_study_add_construct:
 * @study: the study the construct comes from
 * @id: (nullable): the construct's id, e.g. "s07-q3"; NULL to generate
 *   STUDY-qN for a first-order construct, STUDY-tN for a second-order one
 * @order: %MTE_CONSTRUCT_FIRST_ORDER for a participant's words,
 *   %MTE_CONSTRUCT_SECOND_ORDER for the authors' interpretation
 * @text: the quote or the interpretation; not NULL
 * @error: return location for a #GError
 *
 * Appends a construct to the study. A construct's study and order never
 * change.
 *
 * Returns: (transfer none): the construct, owned by the study's project;
 *   NULL with @error set on an invalid or duplicate id or invalid UTF-8.
 */
MTE_API MteConstruct *mte_study_add_construct (MteStudy          *study,
                                               const char        *id,
                                               MteConstructOrder  order,
                                               const char        *text,
                                               GError           **error);

/**
 * mte_study_get_n_constructs:
 * @study: a study
 *
 * Returns: the number of constructs of both orders in the study.
 */
MTE_API guint mte_study_get_n_constructs (const MteStudy *study);

/**
 * mte_study_get_construct:
 * @study: a study
 * @index: 0 to mte_study_get_n_constructs() - 1
 *
 * Returns: (transfer none): the construct at @index, in the order added.
 */
MTE_API MteConstruct *mte_study_get_construct (const MteStudy *study,
                                               guint           index);

/**
 * mte_project_lookup_construct:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the construct, or NULL.
 */
MTE_API MteConstruct *mte_project_lookup_construct (const MteProject *project,
                                                    const char       *id);

/**
 * mte_construct_get_id:
 * @construct: a construct
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_construct_get_id (const MteConstruct *construct);

/**
 * mte_construct_get_order:
 * @construct: a construct
 *
 * Returns: its order.
 */
MTE_API MteConstructOrder mte_construct_get_order (const MteConstruct *construct);

/**
 * mte_construct_get_study:
 * @construct: a construct
 *
 * Returns: (transfer none): the study it belongs to.
 */
MTE_API MteStudy *mte_construct_get_study (const MteConstruct *construct);

/**
 * mte_construct_get_text:
 * @construct: a construct
 *
 * Returns: (transfer none): the quote or interpretation; never NULL.
 */
MTE_API const char *mte_construct_get_text (const MteConstruct *construct);

/**
 * mte_construct_set_text:
 * @construct: a construct
 * @text: the new text; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @text is not valid UTF-8.
 */
MTE_API gboolean mte_construct_set_text (MteConstruct *construct,
                                         const char   *text,
                                         GError      **error);

/**
 * mte_construct_get_label:
 * @construct: a construct
 *
 * Returns: (transfer none) (nullable): the short label, e.g. the theme's
 *   name for a second-order construct.
 */
MTE_API const char *mte_construct_get_label (const MteConstruct *construct);

/**
 * mte_construct_set_label:
 * @construct: a construct
 * @label: (nullable): a short label
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @label is not valid UTF-8.
 */
MTE_API gboolean mte_construct_set_label (MteConstruct *construct,
                                          const char   *label,
                                          GError      **error);

/**
 * mte_construct_get_page:
 * @construct: a construct
 *
 * Returns: (transfer none) (nullable): where in the source it is, e.g.
 *   "7" or "12-13".
 */
MTE_API const char *mte_construct_get_page (const MteConstruct *construct);

/**
 * mte_construct_set_page:
 * @construct: a construct
 * @page: (nullable): page or page range
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @page is not valid UTF-8.
 */
MTE_API gboolean mte_construct_set_page (MteConstruct *construct,
                                         const char   *page,
                                         GError      **error);

/**
 * mte_construct_get_section:
 * @construct: a construct
 *
 * Returns: (transfer none) (nullable): the section of the source, e.g.
 *   "Findings: trust".
 */
MTE_API const char *mte_construct_get_section (const MteConstruct *construct);

/**
 * mte_construct_set_section:
 * @construct: a construct
 * @section: (nullable): section name
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @section is not valid UTF-8.
 */
MTE_API gboolean mte_construct_set_section (MteConstruct *construct,
                                            const char   *section,
                                            GError      **error);

/**
 * mte_construct_get_speaker:
 * @construct: a first-order construct
 *
 * Returns: (transfer none) (nullable): who said it, as the study describes
 *   them (e.g. "asylum seeker from Sudan"); always NULL for second order.
 */
MTE_API const char *mte_construct_get_speaker (const MteConstruct *construct);

/**
 * mte_construct_set_speaker:
 * @construct: a first-order construct
 * @speaker: (nullable): the speaker descriptor
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_WRONG_KIND for a
 *   second-order construct, or when @speaker is not valid UTF-8.
 */
MTE_API gboolean mte_construct_set_speaker (MteConstruct *construct,
                                            const char   *speaker,
                                            GError      **error);

/**
 * mte_construct_add_grounding:
 * @construct: a second-order construct
 * @first_order_id: the id of a first-order construct of the same study
 * @error: return location for a #GError
 *
 * Records that the interpretation rests on this participant's words.
 * Adding a grounding already present does nothing and succeeds.
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_NOT_FOUND for an
 *   unknown id, %MTE_MODEL_ERROR_WRONG_KIND when @construct is not second
 *   order, or the target is not a first-order construct of the same study.
 */
MTE_API gboolean mte_construct_add_grounding (MteConstruct *construct,
                                              const char   *first_order_id,
                                              GError      **error);

/**
 * mte_construct_remove_grounding:
 * @construct: a second-order construct
 * @first_order_id: a first-order construct id
 *
 * Returns: TRUE when the grounding was there and is now removed.
 */
MTE_API gboolean mte_construct_remove_grounding (MteConstruct *construct,
                                                 const char   *first_order_id);

/**
 * mte_construct_get_n_groundings:
 * @construct: a construct
 *
 * Returns: the number of first-order constructs grounding it (0 for a
 *   first-order construct).
 */
MTE_API guint mte_construct_get_n_groundings (const MteConstruct *construct);

/**
 * mte_construct_get_grounding:
 * @construct: a second-order construct
 * @index: 0 to mte_construct_get_n_groundings() - 1
 *
 * Returns: (transfer none): the grounding first-order construct at
 *   @index, in the order added.
 */
MTE_API MteConstruct *mte_construct_get_grounding (const MteConstruct *construct,
                                                   guint               index);

/**
 * mte_credibility_to_string:
 * @credibility: a credibility level
 *
 * Returns: (transfer none) (nullable): the name used in files and on the
 *   command line ("not-assessed", "unequivocal", "credible",
 *   "unsupported"), or NULL for an unknown value.
 */
MTE_API const char *mte_credibility_to_string (MteCredibility credibility);

/**
 * mte_credibility_from_string:
 * @name: a name as returned by mte_credibility_to_string(); "equivocal"
 *   (JBI's word) is read as %MTE_CREDIBILITY_CREDIBLE
 *
 * Returns: the credibility, or -1 when @name is not one.
 */
MTE_API int mte_credibility_from_string (const char *name);

/**
 * mte_construct_get_credibility:
 * @construct: a construct
 *
 * Returns: the JBI credibility of a second-order construct (a study's
 *   finding); always %MTE_CREDIBILITY_NOT_ASSESSED for a first-order one.
 */
MTE_API MteCredibility mte_construct_get_credibility (const MteConstruct *construct);

/**
 * mte_construct_set_credibility:
 * @construct: a second-order construct
 * @credibility: the credibility; %MTE_CREDIBILITY_NOT_ASSESSED clears it
 * @error: return location for a #GError
 *
 * Records how well the study's data support this finding of the study
 * (JBI: unequivocal, credible, unsupported).
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_WRONG_KIND when
 *   @construct is first order and @credibility is not
 *   %MTE_CREDIBILITY_NOT_ASSESSED (as mte_construct_set_speaker() refuses
 *   the other order), or %MTE_MODEL_ERROR_INVALID_VALUE for an unknown
 *   value.
 */
MTE_API gboolean mte_construct_set_credibility (MteConstruct   *construct,
                                                MteCredibility  credibility,
                                                GError        **error);

G_END_DECLS

#endif /* MTE_CONSTRUCT_H */
