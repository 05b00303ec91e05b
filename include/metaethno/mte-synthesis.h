/* metaethno: third-order constructs, GRADE-CERQual, the line of argument.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_SYNTHESIS_H
#define MTE_SYNTHESIS_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Third-order constructs (review findings)                           */
/* ------------------------------------------------------------------ */

/**
 * mte_project_add_third_order:
 * @project: a project
 * @id: (nullable): the id; NULL to derive one from @label (see
 *   mte_project_generate_slug_id())
 * @label: a short name, e.g. "the patient-practitioner relationship"; not NULL
 * @error: return location for a #GError
 *
 * Appends a third-order construct: the review team's interpretation across
 * studies, i.e. a review finding.
 *
 * Returns: (transfer none): the construct, owned by @project; NULL with
 *   @error set on an invalid or duplicate id or invalid UTF-8.
 */
MTE_API MteThirdOrder *mte_project_add_third_order (MteProject *project,
                                                    const char *id,
                                                    const char *label,
                                                    GError    **error);

/**
 * mte_project_get_n_third_orders:
 * @project: a project
 *
 * Returns: the number of third-order constructs.
 */
MTE_API guint mte_project_get_n_third_orders (const MteProject *project);

/**
 * mte_project_get_third_order:
 * @project: a project
 * @index: 0 to mte_project_get_n_third_orders() - 1
 *
 * Returns: (transfer none): the third-order construct at @index.
 */
MTE_API MteThirdOrder *mte_project_get_third_order (const MteProject *project,
                                                    guint             index);

/**
 * mte_project_lookup_third_order:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the third-order construct, or NULL.
 */
MTE_API MteThirdOrder *mte_project_lookup_third_order (const MteProject *project,
                                                       const char       *id);

/**
 * mte_third_order_get_id:
 * @third_order: a third-order construct
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_third_order_get_id (const MteThirdOrder *third_order);

/**
 * mte_third_order_get_label:
 * @third_order: a third-order construct
 *
 * Returns: (transfer none): its label; never NULL.
 */
MTE_API const char *mte_third_order_get_label (const MteThirdOrder *third_order);

/**
 * mte_third_order_set_label:
 * @third_order: a third-order construct
 * @label: the label; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @label is not valid UTF-8.
 */
MTE_API gboolean mte_third_order_set_label (MteThirdOrder *third_order,
                                            const char    *label,
                                            GError       **error);

/**
 * mte_third_order_get_statement:
 * @third_order: a third-order construct
 *
 * Returns: (transfer none) (nullable): the finding stated in full.
 */
MTE_API const char *mte_third_order_get_statement (const MteThirdOrder *third_order);

/**
 * mte_third_order_set_statement:
 * @third_order: a third-order construct
 * @statement: (nullable): the statement
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @statement is not valid UTF-8.
 */
MTE_API gboolean mte_third_order_set_statement (MteThirdOrder *third_order,
                                                const char    *statement,
                                                GError       **error);

/**
 * mte_third_order_add_basis:
 * @third_order: a third-order construct
 * @entity_id: the id of a concept or construct (of either order) it rests on
 * @error: return location for a #GError
 *
 * Records what the finding rests on. Adding a basis already present does
 * nothing and succeeds.
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_NOT_FOUND or
 *   %MTE_MODEL_ERROR_WRONG_KIND.
 */
MTE_API gboolean mte_third_order_add_basis (MteThirdOrder *third_order,
                                            const char    *entity_id,
                                            GError       **error);

/**
 * mte_third_order_remove_basis:
 * @third_order: a third-order construct
 * @entity_id: a concept or construct id
 *
 * Returns: TRUE when it was part of the basis and is now removed.
 */
MTE_API gboolean mte_third_order_remove_basis (MteThirdOrder *third_order,
                                               const char    *entity_id);

/**
 * mte_third_order_get_n_basis:
 * @third_order: a third-order construct
 *
 * Returns: how many concepts and constructs the finding rests on.
 */
MTE_API guint mte_third_order_get_n_basis (const MteThirdOrder *third_order);

/**
 * mte_third_order_get_basis:
 * @third_order: a third-order construct
 * @index: 0 to mte_third_order_get_n_basis() - 1
 *
 * Returns: (transfer none): an #MteConcept or #MteConstruct, in the order
 *   added.
 */
MTE_API MteEntity *mte_third_order_get_basis (const MteThirdOrder *third_order,
                                              guint                index);

/**
 * mte_third_order_set_concern:
 * @third_order: a third-order construct
 * @component: a GRADE-CERQual component
 * @concern: the level of concern
 * @explanation: (nullable): why
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_INVALID_VALUE for
 *   an unknown component or concern, or invalid UTF-8.
 */
MTE_API gboolean mte_third_order_set_concern (MteThirdOrder       *third_order,
                                              MteCerqualComponent  component,
                                              MteConcern           concern,
                                              const char          *explanation,
                                              GError             **error);

/**
 * mte_third_order_get_concern:
 * @third_order: a third-order construct
 * @component: a GRADE-CERQual component
 *
 * Returns: the level of concern recorded for @component.
 */
MTE_API MteConcern mte_third_order_get_concern (const MteThirdOrder *third_order,
                                                MteCerqualComponent  component);

/**
 * mte_third_order_get_concern_explanation:
 * @third_order: a third-order construct
 * @component: a GRADE-CERQual component
 *
 * Returns: (transfer none) (nullable): the explanation for @component.
 */
MTE_API const char *mte_third_order_get_concern_explanation (const MteThirdOrder *third_order,
                                                             MteCerqualComponent  component);

/**
 * mte_third_order_set_confidence:
 * @third_order: a third-order construct
 * @confidence: overall confidence in the finding
 * @explanation: (nullable): the explanation of the judgement
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_INVALID_VALUE for
 *   an unknown value or invalid UTF-8.
 */
MTE_API gboolean mte_third_order_set_confidence (MteThirdOrder  *third_order,
                                                 MteConfidence   confidence,
                                                 const char     *explanation,
                                                 GError        **error);

/**
 * mte_third_order_get_confidence:
 * @third_order: a third-order construct
 *
 * Returns: the overall GRADE-CERQual confidence.
 */
MTE_API MteConfidence mte_third_order_get_confidence (const MteThirdOrder *third_order);

/**
 * mte_third_order_get_confidence_explanation:
 * @third_order: a third-order construct
 *
 * Returns: (transfer none) (nullable): the explanation of the confidence.
 */
MTE_API const char *mte_third_order_get_confidence_explanation (const MteThirdOrder *third_order);

/**
 * mte_cerqual_component_to_string:
 * @component: a component
 *
 * Returns: (transfer none) (nullable): the name used in files
 *   ("methodological-limitations", "coherence", "adequacy", "relevance").
 */
MTE_API const char *mte_cerqual_component_to_string (MteCerqualComponent component);

/**
 * mte_concern_to_string:
 * @concern: a concern level
 *
 * Returns: (transfer none) (nullable): the name used in files
 *   ("not-assessed", "none-or-very-minor", "minor", "moderate", "serious").
 */
MTE_API const char *mte_concern_to_string (MteConcern concern);

/**
 * mte_confidence_to_string:
 * @confidence: a confidence level
 *
 * Returns: (transfer none) (nullable): the name used in files
 *   ("not-assessed", "high", "moderate", "low", "very-low").
 */
MTE_API const char *mte_confidence_to_string (MteConfidence confidence);

/* ------------------------------------------------------------------ */
/* Line of argument                                                   */
/* ------------------------------------------------------------------ */

/** MTE_RELATION_LEADS_TO: standard relation "leads to". */
#define MTE_RELATION_LEADS_TO "leads to"
/** MTE_RELATION_SHAPES: standard relation "shapes". */
#define MTE_RELATION_SHAPES "shapes"
/** MTE_RELATION_IS_PART_OF: standard relation "is part of". */
#define MTE_RELATION_IS_PART_OF "is part of"

/**
 * mte_project_add_argument_link:
 * @project: a project
 * @id: (nullable): the link's id; NULL to generate one
 * @from_id: the id of a third-order construct
 * @to_id: the id of another third-order construct
 * @relation: how @from relates to @to: %MTE_RELATION_LEADS_TO,
 *   %MTE_RELATION_SHAPES, %MTE_RELATION_IS_PART_OF or any other non-empty
 *   text
 * @error: return location for a #GError
 *
 * Appends a link of the line of argument. Cycles are allowed (cyclical
 * models); a link from a construct to itself is not.
 *
 * Returns: (transfer none): the link, owned by @project; NULL with @error
 *   set when an id is invalid, taken or unknown, or names no third-order
 *   construct, or @from_id equals @to_id.
 */
MTE_API MteArgumentLink *mte_project_add_argument_link (MteProject *project,
                                                        const char *id,
                                                        const char *from_id,
                                                        const char *to_id,
                                                        const char *relation,
                                                        GError    **error);

/**
 * mte_project_get_n_argument_links:
 * @project: a project
 *
 * Returns: the number of argument links.
 */
MTE_API guint mte_project_get_n_argument_links (const MteProject *project);

/**
 * mte_project_get_argument_link:
 * @project: a project
 * @index: 0 to mte_project_get_n_argument_links() - 1
 *
 * Returns: (transfer none): the link at @index, in the order added.
 */
MTE_API MteArgumentLink *mte_project_get_argument_link (const MteProject *project,
                                                        guint             index);

/**
 * mte_project_lookup_argument_link:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the link, or NULL.
 */
MTE_API MteArgumentLink *mte_project_lookup_argument_link (const MteProject *project,
                                                           const char       *id);

/**
 * mte_argument_link_get_id:
 * @link: an argument link
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_argument_link_get_id (const MteArgumentLink *link);

/**
 * mte_argument_link_get_from:
 * @link: an argument link
 *
 * Returns: (transfer none): where the link starts.
 */
MTE_API MteThirdOrder *mte_argument_link_get_from (const MteArgumentLink *link);

/**
 * mte_argument_link_get_to:
 * @link: an argument link
 *
 * Returns: (transfer none): where the link ends.
 */
MTE_API MteThirdOrder *mte_argument_link_get_to (const MteArgumentLink *link);

/**
 * mte_argument_link_get_relation:
 * @link: an argument link
 *
 * Returns: (transfer none): the relation, e.g. "leads to"; never NULL.
 */
MTE_API const char *mte_argument_link_get_relation (const MteArgumentLink *link);

/**
 * mte_argument_link_set_relation:
 * @link: an argument link
 * @relation: a non-empty relation
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @relation is empty or not UTF-8.
 */
MTE_API gboolean mte_argument_link_set_relation (MteArgumentLink *link,
                                                 const char      *relation,
                                                 GError         **error);

/**
 * mte_argument_link_get_rationale:
 * @link: an argument link
 *
 * Returns: (transfer none) (nullable): why the team links the two.
 */
MTE_API const char *mte_argument_link_get_rationale (const MteArgumentLink *link);

/**
 * mte_argument_link_set_rationale:
 * @link: an argument link
 * @rationale: (nullable): the reasoning
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @rationale is not valid UTF-8.
 */
MTE_API gboolean mte_argument_link_set_rationale (MteArgumentLink *link,
                                                  const char      *rationale,
                                                  GError         **error);

G_END_DECLS

#endif /* MTE_SYNTHESIS_H */
