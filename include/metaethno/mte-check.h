/* metaethno: checks a careful reviewer would want flagged.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_CHECK_H
#define MTE_CHECK_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * MteSeverity:
 * @MTE_SEVERITY_INFO: worth knowing; often fine
 * @MTE_SEVERITY_WARNING: probably needs the team's attention
 * @MTE_SEVERITY_ERROR: breaks the method (e.g. a refutation with no
 *   rationale, a "translation" within one study)
 */
typedef enum {
  MTE_SEVERITY_INFO = 0,
  MTE_SEVERITY_WARNING,
  MTE_SEVERITY_ERROR
} MteSeverity;

/**
 * mte_severity_to_string:
 * @severity: a severity
 *
 * Returns: (transfer none) (nullable): "info", "warning" or "error".
 */
MTE_API const char *mte_severity_to_string (MteSeverity severity);

/** MteCheckReport: the findings of mte_project_check(). */
typedef struct _MteCheckReport MteCheckReport;

/**
 * MTE_CHECK_DEFAULT_MIN_STUDIES:
 *
 * Default for mte_project_check()'s @min_studies: a review finding should
 * rest on at least two studies.
 */
#define MTE_CHECK_DEFAULT_MIN_STUDIES 2

/**
 * mte_project_check:
 * @project: a project
 * @min_studies: findings resting on fewer studies are flagged
 *
 * Runs every check (docs/analysis.md lists them with their codes) and
 * collects the issues, grouped by check in a fixed order and, within a
 * check, in project order. Each issue has a stable code such as
 * "concept-single-study", a subject entity and a one-line message.
 *
 * Returns: (transfer full): the report; free with mte_check_report_free().
 *   It borrows from @project, so free it first.
 */
MTE_API MteCheckReport *mte_project_check (const MteProject *project,
                                           guint             min_studies);

/**
 * mte_check_report_free:
 * @report: (nullable) (transfer full): a report
 */
MTE_API void mte_check_report_free (MteCheckReport *report);

/**
 * mte_check_report_get_n_issues:
 * @report: a report
 *
 * Returns: the number of issues.
 */
MTE_API guint mte_check_report_get_n_issues (const MteCheckReport *report);

/**
 * mte_check_report_count:
 * @report: a report
 * @severity: a severity
 *
 * Returns: the number of issues of exactly @severity.
 */
MTE_API guint mte_check_report_count (const MteCheckReport *report,
                                      MteSeverity           severity);

/**
 * mte_check_report_get_severity:
 * @report: a report
 * @index: 0 to mte_check_report_get_n_issues() - 1
 *
 * Returns: the issue's severity.
 */
MTE_API MteSeverity mte_check_report_get_severity (const MteCheckReport *report,
                                                   guint                 index);

/**
 * mte_check_report_get_code:
 * @report: a report
 * @index: an issue index
 *
 * Returns: (transfer none): the issue's stable code, e.g.
 *   "refutation-no-rationale".
 */
MTE_API const char *mte_check_report_get_code (const MteCheckReport *report,
                                               guint                 index);

/**
 * mte_check_report_get_subject:
 * @report: a report
 * @index: an issue index
 *
 * Returns: (transfer none) (nullable): the entity the issue is about, or
 *   NULL for an issue about the project as a whole.
 */
MTE_API MteEntity *mte_check_report_get_subject (const MteCheckReport *report,
                                                 guint                 index);

/**
 * mte_check_report_get_message:
 * @report: a report
 * @index: an issue index
 *
 * Returns: (transfer none): a one-line explanation naming the entities
 *   involved.
 */
MTE_API const char *mte_check_report_get_message (const MteCheckReport *report,
                                                  guint                 index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteCheckReport, mte_check_report_free)

G_END_DECLS

#endif /* MTE_CHECK_H */
