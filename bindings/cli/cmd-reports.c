/* metaethno grid | relate | saturation | check | synthesize | suggest
 * FILE: the analysis reports (translate --table is in cmd-translate.c).
 * Each subcommand is a description and a render callback;
 * mte-cli-report.c does the rest.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#define TABULAR ((1u << MTE_REPORT_TEXT) | (1u << MTE_REPORT_CSV) | \
                 (1u << MTE_REPORT_MARKDOWN) | (1u << MTE_REPORT_JSON))
#define DOCUMENT ((1u << MTE_REPORT_TEXT) | (1u << MTE_REPORT_MARKDOWN) | (1u << MTE_REPORT_JSON))

#define EXIT_STATUS \
  "\nExit status: 0 on success, 1 when FILE cannot be loaded or OUT cannot be\n" \
  "written, 2 for a usage error."

static char *
render_grid (MteProject *project, const MteCliReportOptions *o, int *status, GError **error)
{
  MteGrid *grid = mte_grid_new (project, o->order);
  char *text = mte_grid_render (grid, o->format, error);

  mte_grid_free (grid);
  return text;
}

static char *
render_relate (MteProject *project, const MteCliReportOptions *o, int *status, GError **error)
{
  MteRelatedness *r = mte_relatedness_new (project, o->order, o->threshold);
  char *text = mte_relatedness_render (r, o->format, error);

  mte_relatedness_free (r);
  return text;
}

static gboolean
write_grid (MteProject *project, const MteCliReportOptions *o, int fd, GError **error)
{
  g_autoptr(MteGrid) grid = mte_grid_new (project, o->order);

  return mte_grid_render_to_fd (grid, o->format, fd, error);
}

static gboolean
write_relate (MteProject *project, const MteCliReportOptions *o, int fd, GError **error)
{
  g_autoptr(MteRelatedness) r = mte_relatedness_new (project, o->order, o->threshold);

  return mte_relatedness_render_to_fd (r, o->format, fd, error);
}

static char *
render_saturation (MteProject *project, const MteCliReportOptions *o, int *status, GError **error)
{
  MteTranslationTable *t = mte_translation_table_new (project, o->order);
  char *text = mte_saturation_render (t, o->format, error);

  mte_translation_table_free (t);
  return text;
}

static char *
render_check (MteProject *project, const MteCliReportOptions *o, int *status, GError **error)
{
  MteCheckReport *r = mte_project_check (project, o->min_studies);
  char *text = mte_check_report_render (r, o->format, error);

  if (mte_check_report_count (r, MTE_SEVERITY_ERROR) > 0)
    *status = MTE_CLI_EXIT_INVALID;
  mte_check_report_free (r);
  return text;
}

static char *
render_synthesis (MteProject *project, const MteCliReportOptions *o, int *status, GError **error)
{
  MteLineOfArgument *loa = mte_line_of_argument_new (project, o->min_studies);
  char *text = mte_line_of_argument_render (loa, o->format, error);

  mte_line_of_argument_free (loa);
  return text;
}

static char *
render_suggestions (MteProject *project, const MteCliReportOptions *o, int *status, GError **error)
{
  MteSuggestions *s = mte_suggestions_new (project, o->threshold);
  char *text = mte_suggestions_render (s, o->format, error);

  mte_suggestions_free (s);
  return text;
}

static const MteCliReport grid_report = {
  "grid", "FILE",
  "Show the key concepts × studies grid: in each cell, the second-order\n"
  "constructs by which a study expresses a concept.",
  "Studies are columns in the chosen order; a FILE of '-' reads standard input.\n"
  "-o OUT writes the report to OUT instead of standard output." EXIT_STATUS,
  MTE_CLI_REPORT_ORDER, TABULAR, 0, render_grid, write_grid,
};

static const MteCliReport relate_report = {
  "relate", "FILE",
  "Compare studies by the key concepts they share (counts and Jaccard\n"
  "similarity) and group them by average-linkage clustering.",
  "CSV lists every pair of studies (long format). See docs/analysis.md for the method." EXIT_STATUS,
  MTE_CLI_REPORT_ORDER | MTE_CLI_REPORT_THRESHOLD, TABULAR,
  MTE_RELATEDNESS_DEFAULT_THRESHOLD, render_relate, write_relate,
};

static const MteCliReport saturation_report = {
  "saturation", "FILE",
  "Show conceptual saturation: the new and cumulative concepts of each study\n"
  "in translation order, and after which study no new concept appeared.",
  "Saturation depends on the order: the report says which order it used, its\n"
  "index study and how ties were broken." EXIT_STATUS,
  MTE_CLI_REPORT_ORDER, TABULAR, 0, render_saturation,
};

static const MteCliReport check_report = {
  "check", "FILE",
  "Run the method checks (docs/analysis.md lists them with their codes) and\n"
  "list errors, warnings and notes.",
  "\nExit status: 0 when there are no errors (warnings and notes are listed),\n"
  "1 when there are errors, FILE cannot be loaded or OUT cannot be written,\n"
  "2 for a usage error.",
  MTE_CLI_REPORT_MIN_STUDIES, TABULAR, 0, render_check,
};

static const MteCliReport synthesize_report = {
  "synthesize", "FILE",
  "Show the line of argument: findings in argument order with their support,\n"
  "quotes, refutations and confidence; unused concepts, coverage and the\n"
  "framework × finding matrices.",
  "--format dot writes a Graphviz digraph: metaethno synthesize FILE -f dot | dot -Tsvg\n"
  "or: metaethno synthesize FILE -f dot -o argument.dot" EXIT_STATUS,
  MTE_CLI_REPORT_MIN_STUDIES, DOCUMENT | (1u << MTE_REPORT_DOT), 0, render_synthesis,
};

static const MteCliReport suggest_report = {
  "suggest", "FILE",
  "Suggest groupings of key concepts that might form third-order constructs.\n"
  "Nothing is written: the team decides.",
  "Affinity is the Jaccard similarity of the studies expressing two concepts,\n"
  "raised to 1 by a reciprocal translation and set to 0 by a refutational one." EXIT_STATUS,
  MTE_CLI_REPORT_THRESHOLD, DOCUMENT, MTE_SUGGESTIONS_DEFAULT_THRESHOLD, render_suggestions,
};

int mte_cli_grid (int argc, char **argv) { return mte_cli_run_report (&grid_report, argc, argv); }
int mte_cli_relate (int argc, char **argv) { return mte_cli_run_report (&relate_report, argc, argv); }
int mte_cli_saturation (int argc, char **argv) { return mte_cli_run_report (&saturation_report, argc, argv); }
int mte_cli_check (int argc, char **argv) { return mte_cli_run_report (&check_report, argc, argv); }
int mte_cli_synthesize (int argc, char **argv) { return mte_cli_run_report (&synthesize_report, argc, argv); }
int mte_cli_suggest (int argc, char **argv) { return mte_cli_run_report (&suggest_report, argc, argv); }
