/* metaethno: the translation session (phase 5): taking the studies in
 * order and deciding, construct by construct, how each second-order
 * construct maps onto the concepts gathered so far.
 *
 * A project holds at most one session. It is saved with the project, so
 * the team can stop after any decision and resume where it stopped. The
 * session only records decisions; their effects (translations,
 * expressions, new concepts) are ordinary parts of the project.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_SESSION_H
#define MTE_SESSION_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>
#include <metaethno/mte-study.h>

G_BEGIN_DECLS

/** MteSession: a translation session, owned by its project. */
typedef struct _MteSession MteSession;

/**
 * MteDecisionKind:
 * @MTE_DECISION_RECIPROCAL: the construct says the same as an existing
 *   concept (a reciprocal translation; the construct becomes one of the
 *   concept's expressions)
 * @MTE_DECISION_REFUTATIONAL: the construct contradicts an existing concept
 *   (a refutational translation; no expression)
 * @MTE_DECISION_NEW_CONCEPT: the construct founds a new concept, which it
 *   expresses
 * @MTE_DECISION_SET_ASIDE: the construct was judged to bear on no concept
 *
 * What the team decided about one second-order construct.
 */
typedef enum {
  MTE_DECISION_RECIPROCAL = 1,
  MTE_DECISION_REFUTATIONAL,
  MTE_DECISION_NEW_CONCEPT,
  MTE_DECISION_SET_ASIDE
} MteDecisionKind;

/**
 * mte_decision_kind_to_string:
 * @kind: a decision kind
 *
 * Returns: (transfer none) (nullable): "reciprocal", "refutational",
 *   "new-concept" or "set-aside" (the names of the file format); NULL for
 *   an unknown value.
 */
MTE_API const char *mte_decision_kind_to_string (MteDecisionKind kind);

/**
 * mte_project_get_session:
 * @project: a project
 *
 * Returns: (transfer none) (nullable): the project's translation session,
 *   or NULL when none is under way. Valid until the session is discarded
 *   or the project freed.
 */
MTE_API MteSession *mte_project_get_session (const MteProject *project);

/**
 * mte_project_start_session:
 * @project: a project
 * @order: the order in which studies are taken
 * @error: return location for a #GError
 *
 * Starts a translation session with no decisions. Constructs that already
 * express concepts or take part in translations are not skipped: the
 * session asks about every second-order construct. In
 * %MTE_STUDY_ORDER_INDEX, when no study is marked as index study, the one
 * mte_project_suggest_index_study() picks is marked now
 * (mte_study_set_index_study()), so that the first study cannot change
 * while concepts are being found.
 *
 * Returns: (transfer none): the session, owned by @project; NULL with
 *   %MTE_MODEL_ERROR_FAILED when the project already has one.
 */
MTE_API MteSession *mte_project_start_session (MteProject    *project,
                                               MteStudyOrder  order,
                                               GError       **error);

/**
 * mte_project_discard_session:
 * @project: a project
 *
 * Drops the session record, if any. The translations, expressions and
 * concepts its decisions made stay in the project. Pointers to the
 * session become invalid.
 */
MTE_API void mte_project_discard_session (MteProject *project);

/**
 * mte_session_get_order:
 * @session: a session
 *
 * Returns: the order in which the session takes the studies.
 */
MTE_API MteStudyOrder mte_session_get_order (const MteSession *session);

/**
 * mte_session_set_order:
 * @session: a session
 * @order: a study order
 *
 * Changes the order of the remaining work. Decisions already made stay;
 * the current construct becomes the first undecided one in the new order.
 * Switching to %MTE_STUDY_ORDER_INDEX marks the suggested index study when
 * none is marked, as mte_project_start_session() does.
 */
MTE_API void mte_session_set_order (MteSession    *session,
                                    MteStudyOrder  order);

/**
 * mte_session_get_current_construct:
 * @session: a session
 *
 * The construct the next decision is about: the first second-order
 * construct without a decision, taking the studies in the session's order
 * (mte_project_dup_study_order()) and each study's constructs in their
 * order. Orders that depend on the project (chronological, index,
 * custom) are computed afresh on every call, so changing years, positions
 * or the index study moves the session; in %MTE_STUDY_ORDER_INDEX the
 * session marks an index study when it starts (see
 * mte_project_start_session()) so that finding concepts cannot move it.
 *
 * Returns: (transfer none) (nullable): the construct, or NULL when every
 *   second-order construct has a decision.
 */
MTE_API MteConstruct *mte_session_get_current_construct (const MteSession *session);

/**
 * mte_session_get_current_study:
 * @session: a session
 *
 * Returns: (transfer none) (nullable): the study of the current construct,
 *   or NULL when the session is complete.
 */
MTE_API MteStudy *mte_session_get_current_study (const MteSession *session);

/**
 * mte_session_is_complete:
 * @session: a session
 *
 * Returns: TRUE when every second-order construct has a decision.
 */
MTE_API gboolean mte_session_is_complete (const MteSession *session);

/**
 * mte_session_get_n_remaining:
 * @session: a session
 *
 * Returns: how many second-order constructs still lack a decision.
 */
MTE_API guint mte_session_get_n_remaining (const MteSession *session);

/**
 * mte_session_translate:
 * @session: a session
 * @concept_id: the id of an existing concept
 * @rationale: (nullable): why the team judged so
 * @reviewer_id: (nullable): the id of the team member who decided
 * @error: return location for a #GError
 *
 * Decides that the current construct is the same idea as the concept:
 * records a reciprocal translation from the construct to the concept with
 * the rationale and reviewer, and adds the construct to the concept's
 * expressions unless it is there already.
 *
 * Returns: (transfer none): the new translation, owned by the project;
 *   NULL with @error set, and nothing changed, when the session is
 *   complete (%MTE_MODEL_ERROR_FAILED), the concept or reviewer is unknown
 *   (%MTE_MODEL_ERROR_NOT_FOUND, %MTE_MODEL_ERROR_WRONG_KIND) or the
 *   rationale is not valid UTF-8.
 */
MTE_API MteTranslation *mte_session_translate (MteSession *session,
                                               const char *concept_id,
                                               const char *rationale,
                                               const char *reviewer_id,
                                               GError    **error);

/**
 * mte_session_refute:
 * @session: a session
 * @concept_id: the id of an existing concept
 * @rationale: (nullable): why the team judged so
 * @reviewer_id: (nullable): the id of the team member who decided
 * @error: return location for a #GError
 *
 * Decides that the current construct contradicts the concept: records a
 * refutational translation from the construct to the concept. The
 * construct does not become an expression of the concept.
 *
 * Returns: (transfer none): the new translation; NULL with @error set as
 *   for mte_session_translate().
 */
MTE_API MteTranslation *mte_session_refute (MteSession *session,
                                            const char *concept_id,
                                            const char *rationale,
                                            const char *reviewer_id,
                                            GError    **error);

/**
 * mte_session_found_concept:
 * @session: a session
 * @concept_id: (nullable): the new concept's id; NULL to generate one
 * @label: the new concept's label; not NULL
 * @rationale: (nullable): why the team judged the idea new
 * @reviewer_id: (nullable): the id of the team member who decided
 * @error: return location for a #GError
 *
 * Decides that the current construct is a new idea: adds a concept,
 * expressed by the construct.
 *
 * Returns: (transfer none): the new concept, owned by the project; NULL
 *   with @error set, and nothing changed, when the session is complete
 *   (%MTE_MODEL_ERROR_FAILED), the id is invalid or taken, the reviewer is
 *   unknown or a text is not valid UTF-8.
 */
MTE_API MteConcept *mte_session_found_concept (MteSession *session,
                                               const char *concept_id,
                                               const char *label,
                                               const char *rationale,
                                               const char *reviewer_id,
                                               GError    **error);

/**
 * mte_session_set_aside:
 * @session: a session
 * @rationale: (nullable): why the construct bears on no concept
 * @reviewer_id: (nullable): the id of the team member who decided
 * @error: return location for a #GError
 *
 * Decides that the current construct bears on no concept, and moves on.
 *
 * Returns: TRUE on success; FALSE with @error set, and nothing changed,
 *   as for mte_session_translate().
 */
MTE_API gboolean mte_session_set_aside (MteSession *session,
                                        const char *rationale,
                                        const char *reviewer_id,
                                        GError    **error);

/**
 * mte_session_undo:
 * @session: a session
 * @error: return location for a #GError
 *
 * Reverts the last decision exactly: removes the translation it made
 * (with any memos about it) and the expression it added; a concept it founded is removed when nothing
 * else in the project refers to it, and otherwise kept without the
 * construct's expression. The construct becomes undecided again.
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_FAILED when there
 *   is no decision to undo.
 */
MTE_API gboolean mte_session_undo (MteSession *session,
                                   GError    **error);

/**
 * mte_session_get_n_decisions:
 * @session: a session
 *
 * Returns: the number of decisions, in the order made.
 */
MTE_API guint mte_session_get_n_decisions (const MteSession *session);

/**
 * mte_session_get_decision_construct:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Returns: (transfer none): the second-order construct decided on.
 */
MTE_API MteConstruct *mte_session_get_decision_construct (const MteSession *session,
                                                          guint             index);

/**
 * mte_session_get_decision_kind:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Returns: what was decided.
 */
MTE_API MteDecisionKind mte_session_get_decision_kind (const MteSession *session,
                                                       guint             index);

/**
 * mte_session_get_decision_concept:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Returns: (transfer none) (nullable): the concept translated into,
 *   refuted or founded; NULL for a construct set aside.
 */
MTE_API MteConcept *mte_session_get_decision_concept (const MteSession *session,
                                                      guint             index);

/**
 * mte_session_get_decision_translation:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Returns: (transfer none) (nullable): the translation the decision made;
 *   NULL for a new concept or a construct set aside.
 */
MTE_API MteTranslation *mte_session_get_decision_translation (const MteSession *session,
                                                              guint             index);

/**
 * mte_session_get_decision_expression_added:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Whether the decision made the construct an expression of its concept
 * (always for a new concept; for a reciprocal translation, unless the
 * expression was there before). mte_session_undo() takes back only what
 * the decision made.
 *
 * Returns: TRUE when the decision added the expression.
 */
MTE_API gboolean mte_session_get_decision_expression_added (const MteSession *session,
                                                            guint             index);

/**
 * mte_session_get_decision_rationale:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Returns: (transfer none) (nullable): why the team decided so.
 */
MTE_API const char *mte_session_get_decision_rationale (const MteSession *session,
                                                        guint             index);

/**
 * mte_session_get_decision_reviewer:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Returns: (transfer none) (nullable): the team member who decided; NULL
 *   when not recorded or since removed from the team.
 */
MTE_API MteMember *mte_session_get_decision_reviewer (const MteSession *session,
                                                      guint             index);

/**
 * mte_session_get_decision_created:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 *
 * Returns: when the decision was made (seconds since the epoch, UTC).
 */
MTE_API gint64 mte_session_get_decision_created (const MteSession *session,
                                                 guint             index);

/**
 * mte_session_set_decision_created:
 * @session: a session
 * @index: 0 to mte_session_get_n_decisions() - 1
 * @created: seconds since the epoch, UTC; 0 to MTE_TIME_MAX
 *
 * Sets the time of a decision (for imports and reproducible files).
 */
MTE_API void mte_session_set_decision_created (MteSession *session,
                                               guint       index,
                                               gint64      created);

G_END_DECLS

#endif /* MTE_SESSION_H */
