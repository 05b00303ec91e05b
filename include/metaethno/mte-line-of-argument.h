/* metaethno: synthesising translations (phase 6): the line of argument as
 * computed from a project, and suggested groupings of concepts.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_LINE_OF_ARGUMENT_H
#define MTE_LINE_OF_ARGUMENT_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/** MteLineOfArgument: the synthesis of a project, finding by finding. */
typedef struct _MteLineOfArgument MteLineOfArgument;

/**
 * mte_line_of_argument_new:
 * @project: a project
 * @min_studies: findings resting on fewer studies are flagged
 *   (%MTE_CHECK_DEFAULT_MIN_STUDIES is the usual choice)
 *
 * Builds the line-of-argument synthesis. Findings (third-order constructs)
 * come in argument order: where the argument links form no cycle, a
 * topological order (a finding before those it leads to), ties broken by
 * project order; a cycle (a cyclical model) is kept together at the place
 * of its earliest member, and reported. Each finding carries its
 * grounding, computed from what it rests on:
 *
 * - concepts: the concepts in its basis;
 * - second-order constructs: those in its basis and those expressing its
 *   concepts;
 * - quotes: first-order constructs in its basis and those grounding its
 *   second-order constructs;
 * - studies: every study any of these constructs comes from;
 * - refutations: refutational translations with a side among its concepts
 *   or constructs.
 *
 * The result borrows from @project: free it before changing the project.
 *
 * Returns: (transfer full): the synthesis; free with
 *   mte_line_of_argument_free().
 */
MTE_API MteLineOfArgument *mte_line_of_argument_new (const MteProject *project,
                                                     guint             min_studies);

/**
 * mte_line_of_argument_free:
 * @loa: (nullable) (transfer full): a synthesis
 */
MTE_API void mte_line_of_argument_free (MteLineOfArgument *loa);

/**
 * mte_line_of_argument_get_project:
 * @loa: a result
 *
 * The project the result was computed from, so that a report can say
 * more about it (reports list the excluded studies with their reasons).
 *
 * Returns: (transfer none): the project; the result must not outlive it.
 */
MTE_API const MteProject *mte_line_of_argument_get_project (const MteLineOfArgument *loa);

/**
 * mte_line_of_argument_get_n_findings:
 * @loa: a synthesis
 *
 * Returns: the number of findings (all third-order constructs).
 */
MTE_API guint mte_line_of_argument_get_n_findings (const MteLineOfArgument *loa);

/**
 * mte_line_of_argument_get_finding:
 * @loa: a synthesis
 * @index: 0 to mte_line_of_argument_get_n_findings() - 1, in argument order
 *
 * Returns: (transfer none): the third-order construct at @index.
 */
MTE_API MteThirdOrder *mte_line_of_argument_get_finding (const MteLineOfArgument *loa,
                                                         guint                    index);

/**
 * MteGroundingKind:
 * @MTE_GROUNDING_STUDIES: the studies a finding rests on (#MteStudy)
 * @MTE_GROUNDING_CONCEPTS: its key concepts (#MteConcept)
 * @MTE_GROUNDING_CONSTRUCTS: its second-order constructs (#MteConstruct)
 * @MTE_GROUNDING_QUOTES: its illustrative first-order constructs
 *   (#MteConstruct; their speakers are mte_construct_get_speaker())
 * @MTE_GROUNDING_REFUTATIONS: refutational translations touching it
 *   (#MteTranslation)
 *
 * What a finding is grounded in; every list is in project order.
 */
typedef enum {
  MTE_GROUNDING_STUDIES = 0,
  MTE_GROUNDING_CONCEPTS,
  MTE_GROUNDING_CONSTRUCTS,
  MTE_GROUNDING_QUOTES,
  MTE_GROUNDING_REFUTATIONS
} MteGroundingKind;

/**
 * mte_line_of_argument_get_n_grounding:
 * @loa: a synthesis
 * @index: a finding index
 * @kind: which list
 *
 * Returns: the length of the list; for %MTE_GROUNDING_STUDIES, the
 *   finding's support count.
 */
MTE_API guint mte_line_of_argument_get_n_grounding (const MteLineOfArgument *loa,
                                                    guint                    index,
                                                    MteGroundingKind         kind);

/**
 * mte_line_of_argument_get_grounding:
 * @loa: a synthesis
 * @index: a finding index
 * @kind: which list
 * @item: 0 to mte_line_of_argument_get_n_grounding() - 1
 *
 * Returns: (transfer none): the entity; cast it as @kind says.
 */
MTE_API MteEntity *mte_line_of_argument_get_grounding (const MteLineOfArgument *loa,
                                                       guint                    index,
                                                       MteGroundingKind         kind,
                                                       guint                    item);

/**
 * mte_line_of_argument_is_flagged:
 * @loa: a synthesis
 * @index: a finding index
 *
 * Returns: TRUE when the finding rests on fewer studies than the
 *   @min_studies given to mte_line_of_argument_new().
 */
MTE_API gboolean mte_line_of_argument_is_flagged (const MteLineOfArgument *loa,
                                                  guint                    index);

/**
 * mte_line_of_argument_get_cycle:
 * @loa: a synthesis
 * @index: a finding index
 *
 * Returns: the number of the cycle the finding belongs to (0-based, see
 *   mte_line_of_argument_get_n_cycles()), or -1 when it is on none.
 */
MTE_API int mte_line_of_argument_get_cycle (const MteLineOfArgument *loa,
                                            guint                    index);

/**
 * mte_line_of_argument_get_n_cycles:
 * @loa: a synthesis
 *
 * Returns: the number of cycles: groups of findings each reachable from
 *   every other through the argument links (strongly connected components
 *   of more than one finding).
 */
MTE_API guint mte_line_of_argument_get_n_cycles (const MteLineOfArgument *loa);

/**
 * mte_line_of_argument_get_n_unused_concepts:
 * @loa: a synthesis
 *
 * Returns: the number of key concepts carried into no finding: in the
 *   basis of no third-order construct.
 */
MTE_API guint mte_line_of_argument_get_n_unused_concepts (const MteLineOfArgument *loa);

/**
 * mte_line_of_argument_get_unused_concept:
 * @loa: a synthesis
 * @index: 0 to mte_line_of_argument_get_n_unused_concepts() - 1
 *
 * Returns: (transfer none): an unused concept, in project order.
 */
MTE_API MteConcept *mte_line_of_argument_get_unused_concept (const MteLineOfArgument *loa,
                                                             guint                    index);

/**
 * mte_line_of_argument_get_study_coverage:
 * @loa: a synthesis
 * @covered: (out) (optional): studies that ground at least one finding
 * @total: (out) (optional): studies in the project
 *
 * Returns: @covered / @total, or 0 for a project without studies.
 */
MTE_API double mte_line_of_argument_get_study_coverage (const MteLineOfArgument *loa,
                                                        guint                   *covered,
                                                        guint                   *total);

/**
 * mte_line_of_argument_get_concept_coverage:
 * @loa: a synthesis
 * @covered: (out) (optional): concepts carried into at least one finding
 * @total: (out) (optional): concepts in the project
 *
 * Returns: @covered / @total, or 0 for a project without concepts.
 */
MTE_API double mte_line_of_argument_get_concept_coverage (const MteLineOfArgument *loa,
                                                          guint                   *covered,
                                                          guint                   *total);

/**
 * mte_line_of_argument_dup_levels:
 * @loa: a synthesis
 * @index: a finding index
 * @framework: a framework of the project
 *
 * The framework × finding matrix, one finding at a time: the levels at
 * which the finding is classified, together with the levels of the
 * concepts and constructs it rests on (so a finding spans every level its
 * grounding touches).
 *
 * Returns: (transfer full) (array zero-terminated=1): level keys in level
 *   order; free with g_strfreev().
 */
MTE_API char **mte_line_of_argument_dup_levels (const MteLineOfArgument *loa,
                                                guint                    index,
                                                const MteFramework      *framework);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteLineOfArgument, mte_line_of_argument_free)

/* ------------------------------------------------------------------ */
/* Suggestions                                                        */
/* ------------------------------------------------------------------ */

/** MteSuggestions: candidate groupings of concepts into findings. */
typedef struct _MteSuggestions MteSuggestions;

/**
 * MTE_SUGGESTIONS_DEFAULT_THRESHOLD:
 *
 * Default affinity (0.3) at which concept groups stop merging.
 */
#define MTE_SUGGESTIONS_DEFAULT_THRESHOLD 0.3

/**
 * mte_suggestions_new:
 * @project: a project
 * @threshold: the least average affinity (0 to 1) within a group
 *
 * Proposes groupings of key concepts that might form third-order
 * constructs. The affinity of two concepts is the Jaccard similarity of
 * the sets of studies expressing them, raised to 1 when a reciprocal
 * translation joins them (directly, or through a construct expressing one
 * translated into the other) and set to 0 when a refutational one does.
 * Concepts are grouped by average linkage, stopping at @threshold; groups
 * of two or more concepts are offered, strongest first, except a group
 * whose concepts all lie in the basis of one existing third-order
 * construct. Nothing is written into the project unless the caller
 * accepts a suggestion with mte_suggestions_accept().
 *
 * Returns: (transfer full): the suggestions; free with
 *   mte_suggestions_free(). They borrow from @project.
 */
MTE_API MteSuggestions *mte_suggestions_new (const MteProject *project,
                                             double            threshold);

/**
 * mte_suggestions_free:
 * @suggestions: (nullable) (transfer full): suggestions
 */
MTE_API void mte_suggestions_free (MteSuggestions *suggestions);

/**
 * mte_suggestions_get_project:
 * @suggestions: suggestions
 *
 * Returns: (transfer none): the project the suggestions were computed
 *   from; they must not outlive it.
 */
MTE_API const MteProject *mte_suggestions_get_project (const MteSuggestions *suggestions);

/**
 * mte_suggestions_get_n:
 * @suggestions: suggestions
 *
 * Returns: the number of suggested groups.
 */
MTE_API guint mte_suggestions_get_n (const MteSuggestions *suggestions);

/**
 * mte_suggestions_get_n_concepts:
 * @suggestions: suggestions
 * @index: a group
 *
 * Returns: the number of concepts in the group.
 */
MTE_API guint mte_suggestions_get_n_concepts (const MteSuggestions *suggestions,
                                              guint                 index);

/**
 * mte_suggestions_get_concept:
 * @suggestions: suggestions
 * @index: a group
 * @item: 0 to mte_suggestions_get_n_concepts() - 1
 *
 * Returns: (transfer none): a concept of the group, in project order.
 */
MTE_API MteConcept *mte_suggestions_get_concept (const MteSuggestions *suggestions,
                                                 guint                 index,
                                                 guint                 item);

/**
 * mte_suggestions_get_affinity:
 * @suggestions: suggestions
 * @index: a group
 *
 * Returns: the average pairwise affinity within the group (0 to 1).
 */
MTE_API double mte_suggestions_get_affinity (const MteSuggestions *suggestions,
                                             guint                 index);

/**
 * mte_suggestions_get_n_studies:
 * @suggestions: suggestions
 * @index: a group
 *
 * Returns: evidence: how many studies express at least two of the group's
 *   concepts.
 */
MTE_API guint mte_suggestions_get_n_studies (const MteSuggestions *suggestions,
                                             guint                 index);

/**
 * mte_suggestions_get_n_translations:
 * @suggestions: suggestions
 * @index: a group
 *
 * Returns: evidence: how many reciprocal translations join two of the
 *   group's concepts.
 */
MTE_API guint mte_suggestions_get_n_translations (const MteSuggestions *suggestions,
                                                  guint                 index);

/**
 * mte_suggestions_accept:
 * @suggestions: suggestions
 * @index: the group to accept
 * @project: the project the suggestions were computed from
 * @id: (nullable): the new third-order construct's id; NULL to generate one
 * @label: its label, in the team's words
 * @error: return location for a #GError
 *
 * Accepts a suggestion: adds a third-order construct resting on the
 * group's concepts. After this the suggestions are stale: free them and
 * compute new ones if needed.
 *
 * Returns: (transfer none): the new third-order construct, owned by
 *   @project; NULL with @error set (invalid or taken id).
 */
MTE_API MteThirdOrder *mte_suggestions_accept (const MteSuggestions *suggestions,
                                               guint                 index,
                                               MteProject           *project,
                                               const char           *id,
                                               const char           *label,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteSuggestions, mte_suggestions_free)

G_END_DECLS

#endif /* MTE_LINE_OF_ARGUMENT_H */
