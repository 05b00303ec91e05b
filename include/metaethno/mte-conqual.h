/* metaethno: ConQual, JBI's confidence in a synthesised finding.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_CONQUAL_H
#define MTE_CONQUAL_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * MTE_CONQUAL_CHECKLIST_ID:
 *
 * The id of the checklist ConQual reads: the JBI critical appraisal
 * checklist for qualitative research, as `metaethno new --template jbi`
 * creates it (questions "q1" to "q10", answers "yes", "no", "unclear",
 * "not applicable").
 */
#define MTE_CONQUAL_CHECKLIST_ID "jbi"

/** MteConqual: the ConQual rating of one finding, computed from a project. */
typedef struct _MteConqual MteConqual;

/**
 * mte_conqual_new:
 * @project: a project
 * @third_order: a finding (third-order construct) of @project
 * @error: return location for a #GError
 *
 * Rates the finding with ConQual (Munn, Porritt, Lockwood, Aromataris and
 * Pearson 2014, "Establishing confidence in the output of qualitative
 * research synthesis: the ConQual approach", BMC Med Res Methodol 14:108).
 * A synthesised finding of qualitative research starts at High and is
 * rated down for dependability, then for credibility; the score never
 * goes below Very low.
 *
 * What the finding rests on is read as mte_line_of_argument_new() reads
 * it: its **constructs** are the second-order constructs in its basis and
 * those expressing its concepts; its **studies** are the studies of these
 * and of its first-order constructs (its own and those grounding its
 * second-order ones). Excluded studies and their constructs do not count.
 *
 * **Dependability** comes from JBI checklist questions 2, 3, 4, 6 and 7:
 * the questions with keys "q2", "q3", "q4", "q6" and "q7" of the checklist
 * whose id is %MTE_CONQUAL_CHECKLIST_ID (found by key, so their order in
 * the checklist does not matter). An answer counts as yes when it is
 * "yes" (ASCII case ignored). Each study is rated as Munn et al. say:
 * 4 or 5 yes, no downgrade; 2 or 3, down one; 0 or 1, down two. A study
 * that lacks an answer to any of the five questions is unappraised. Munn
 * et al. rate the finding, not each study ("downgraded one level due to
 * common dependability issues across the included primary studies (the
 * majority of studies ...)"), so the finding's downgrade is the one the
 * majority of its studies reach: the smallest downgrade d such that more
 * than half of the studies have a downgrade of d or less (the upper
 * median; a tie goes to the larger downgrade).
 *
 * **Credibility** comes from the credibility of the finding's constructs
 * (mte_construct_get_credibility()), as Munn et al. rate it: all
 * unequivocal, no downgrade; unequivocal and credible, down one; all
 * credible, down two; credible (or unequivocal) mixed with unsupported,
 * down three; all unsupported, down four. (Unequivocal with unsupported
 * and no credible is not in the paper; it is rated as a mix with
 * unsupported, down three.)
 *
 * The rating is computable when the finding has at least one study and
 * one construct, every study is appraised and every construct has a
 * credibility; otherwise mte_conqual_is_computable() is FALSE, the score
 * is %MTE_CONFIDENCE_NOT_ASSESSED and the lists of unappraised studies
 * and unassessed constructs say what is missing.
 *
 * Returns: (transfer full): the rating, freed with mte_conqual_free();
 *   NULL with %MTE_MODEL_ERROR_NOT_FOUND when the project has no checklist
 *   %MTE_CONQUAL_CHECKLIST_ID, or %MTE_MODEL_ERROR_INVALID_VALUE when that
 *   checklist lacks one of the questions "q2", "q3", "q4", "q6", "q7".
 */
MTE_API MteConqual *mte_conqual_new (const MteProject    *project,
                                     const MteThirdOrder *third_order,
                                     GError             **error);

/**
 * mte_conqual_free:
 * @conqual: (nullable): a rating
 *
 * Frees the rating. NULL is allowed.
 */
MTE_API void mte_conqual_free (MteConqual *conqual);

/**
 * mte_conqual_get_third_order:
 * @conqual: a rating
 *
 * Returns: (transfer none): the finding rated; the rating must not outlive
 *   its project.
 */
MTE_API MteThirdOrder *mte_conqual_get_third_order (const MteConqual *conqual);

/**
 * mte_conqual_is_computable:
 * @conqual: a rating
 *
 * Returns: TRUE when every study is appraised and every construct has a
 *   credibility (and there is at least one of each).
 */
MTE_API gboolean mte_conqual_is_computable (const MteConqual *conqual);

/**
 * mte_conqual_get_dependability_downgrade:
 * @conqual: a rating
 *
 * Returns: 0, 1 or 2: the levels the finding is rated down for
 *   dependability, over the appraised studies (0 when none is).
 */
MTE_API guint mte_conqual_get_dependability_downgrade (const MteConqual *conqual);

/**
 * mte_conqual_get_credibility_downgrade:
 * @conqual: a rating
 *
 * Returns: 0 to 4: the levels the finding is rated down for credibility,
 *   over the constructs that have one (0 when none has).
 */
MTE_API guint mte_conqual_get_credibility_downgrade (const MteConqual *conqual);

/**
 * mte_conqual_get_score:
 * @conqual: a rating
 *
 * Returns: the ConQual score: %MTE_CONFIDENCE_HIGH rated down by both
 *   downgrades, at worst %MTE_CONFIDENCE_VERY_LOW;
 *   %MTE_CONFIDENCE_NOT_ASSESSED when the rating is not computable.
 */
MTE_API MteConfidence mte_conqual_get_score (const MteConqual *conqual);

/**
 * mte_conqual_get_n_studies:
 * @conqual: a rating
 *
 * Returns: the number of studies the finding rests on.
 */
MTE_API guint mte_conqual_get_n_studies (const MteConqual *conqual);

/**
 * mte_conqual_get_study:
 * @conqual: a rating
 * @index: 0 to mte_conqual_get_n_studies() - 1
 * @n_yes: (out) (optional): the study's yes answers to the five questions
 *   (0 to 5), or -1 when it is unappraised
 *
 * Returns: (transfer none): the study at @index, in project order.
 */
MTE_API MteStudy *mte_conqual_get_study (const MteConqual *conqual,
                                         guint             index,
                                         int              *n_yes);

/**
 * mte_conqual_get_n_unappraised:
 * @conqual: a rating
 *
 * Returns: the number of the finding's studies that lack an answer to one
 *   of the five dependability questions.
 */
MTE_API guint mte_conqual_get_n_unappraised (const MteConqual *conqual);

/**
 * mte_conqual_get_unappraised:
 * @conqual: a rating
 * @index: 0 to mte_conqual_get_n_unappraised() - 1
 *
 * Returns: (transfer none): an unappraised study, in project order.
 */
MTE_API MteStudy *mte_conqual_get_unappraised (const MteConqual *conqual,
                                               guint             index);

/**
 * mte_conqual_get_n_constructs:
 * @conqual: a rating
 *
 * Returns: the number of second-order constructs the finding rests on.
 */
MTE_API guint mte_conqual_get_n_constructs (const MteConqual *conqual);

/**
 * mte_conqual_get_construct:
 * @conqual: a rating
 * @index: 0 to mte_conqual_get_n_constructs() - 1
 *
 * Returns: (transfer none): the construct at @index, in project order.
 */
MTE_API MteConstruct *mte_conqual_get_construct (const MteConqual *conqual,
                                                 guint             index);

/**
 * mte_conqual_get_n_unassessed:
 * @conqual: a rating
 *
 * Returns: the number of the finding's constructs without a credibility.
 */
MTE_API guint mte_conqual_get_n_unassessed (const MteConqual *conqual);

/**
 * mte_conqual_get_unassessed:
 * @conqual: a rating
 * @index: 0 to mte_conqual_get_n_unassessed() - 1
 *
 * Returns: (transfer none): a construct without a credibility, in project
 *   order.
 */
MTE_API MteConstruct *mte_conqual_get_unassessed (const MteConqual *conqual,
                                                  guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteConqual, mte_conqual_free)

G_END_DECLS

#endif /* MTE_CONQUAL_H */
