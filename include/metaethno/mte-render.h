/* metaethno: expressing the synthesis (phase 7): reports of the grid,
 * relatedness, the translation table, saturation, checks, the line of
 * argument and suggested groupings, as plain text, CSV, Markdown, JSON or
 * Graphviz DOT.
 *
 * Every renderer reads an analysis result (which borrows from its project)
 * and returns a new string; none of them changes anything. Output is
 * UTF-8 and ends with a newline. Text output aligns columns by character
 * count (wide characters such as CJK count once). CSV follows RFC 4180
 * (CRLF line ends, fields quoted when they hold a comma, quote, CR or LF).
 * Markdown uses GitHub tables, with `|` and other inline markup escaped.
 * JSON is an object, indented by two spaces; numbers that are not finite
 * are written as null. Clusters, positions and findings are numbered
 * from 1 in every report (the analysis API numbers clusters from 0).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_RENDER_H
#define MTE_RENDER_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>
#include <metaethno/mte-analysis.h>
#include <metaethno/mte-check.h>
#include <metaethno/mte-line-of-argument.h>

G_BEGIN_DECLS

/**
 * MteReportFormat:
 * @MTE_REPORT_TEXT: aligned plain text for a terminal
 * @MTE_REPORT_CSV: comma-separated values (RFC 4180), for the tabular
 *   reports only: grid, relatedness, translation table, saturation, checks
 * @MTE_REPORT_MARKDOWN: GitHub-flavoured Markdown
 * @MTE_REPORT_JSON: a JSON object
 * @MTE_REPORT_DOT: a Graphviz digraph, for the line of argument only
 * @MTE_REPORT_HTML: one self-contained HTML5 file, for the review report
 *   only (since 0.2)
 * @MTE_REPORT_DOCX: a Word document (OOXML), for the review report only,
 *   written to a file (since 0.2)
 *
 * The format of a rendered report. Every report has text, Markdown and
 * JSON; the renderers say which others they have.
 */
typedef enum {
  MTE_REPORT_TEXT = 0,
  MTE_REPORT_CSV,
  MTE_REPORT_MARKDOWN,
  MTE_REPORT_JSON,
  MTE_REPORT_DOT,
  MTE_REPORT_HTML,
  MTE_REPORT_DOCX
} MteReportFormat;

/**
 * mte_report_format_to_string:
 * @format: a report format
 *
 * Returns: (transfer none) (nullable): "text", "csv", "markdown", "json",
 *   "dot", "html" or "docx"; NULL for an unknown value.
 */
MTE_API const char *mte_report_format_to_string (MteReportFormat format);

/**
 * mte_report_format_from_string:
 * @name: a name as returned by mte_report_format_to_string(), or "md" for
 *   Markdown; not NULL
 *
 * Returns: the format, or -1 when @name is not one.
 */
MTE_API int mte_report_format_from_string (const char *name);

/**
 * mte_grid_render:
 * @grid: a grid
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_CSV, %MTE_REPORT_MARKDOWN or
 *   %MTE_REPORT_JSON
 * @error: return location for a #GError
 *
 * Renders the concept × study grid: one row per key concept, one column
 * per study (by id, in the grid's order); a cell lists the labels (ids
 * when unlabelled) of the second-order constructs by which the study
 * expresses the concept, joined with "; ", and is empty when the study
 * does not express it. Text and Markdown add the number of studies per
 * concept; CSV has the concept's id and label before the study columns.
 * JSON holds `order` (the first of project, chronological, index, custom
 * whose sequence the columns follow), `studies` (ids) and `concepts`, each
 * with its non-empty cells and, per construct, its grounding quotes.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is not one of the above.
 */
MTE_API char *mte_grid_render (const MteGrid    *grid,
                               MteReportFormat   format,
                               GError          **error);

/**
 * mte_relatedness_render:
 * @relatedness: a relatedness result
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_CSV, %MTE_REPORT_MARKDOWN or
 *   %MTE_REPORT_JSON
 * @error: return location for a #GError
 *
 * Renders the study × study matrix of shared key concepts with their
 * Jaccard similarity (text and Markdown: "shared (0.33)"), then the
 * clusters with their studies. CSV is in long format, one row per ordered
 * pair of studies including each study with itself: `study_a, study_b,
 * shared, jaccard, cluster_a, cluster_b`. JSON holds `studies` (id,
 * concepts, cluster), the `shared` and `jaccard` matrices and `clusters`.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is not one of the above.
 */
MTE_API char *mte_relatedness_render (const MteRelatedness *relatedness,
                                      MteReportFormat       format,
                                      GError              **error);

/**
 * mte_translation_table_render:
 * @table: a translation table
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_CSV, %MTE_REPORT_MARKDOWN or
 *   %MTE_REPORT_JSON
 * @error: return location for a #GError
 *
 * Renders the translation table: concepts in order of appearance against
 * studies in translation order, with the study in which each concept
 * first appears. Text and Markdown show a cell as ✓ (expresses), ✗
 * (refutes), ± (both) or · (absent), with that legend; CSV writes
 * "expresses", "refutes", "both" or an empty field; JSON writes
 * "expresses", "refutes", "both" or "absent", one per study.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is not one of the above.
 */
MTE_API char *mte_translation_table_render (const MteTranslationTable *table,
                                            MteReportFormat            format,
                                            GError                   **error);

/**
 * mte_grid_render_to_fd:
 * @grid: a grid
 * @format: as for mte_grid_render()
 * @fd: an open file descriptor to write to, such as 1 (standard output);
 *   left open, and not flushed or synced
 * @error: return location for a #GError
 *
 * Writes the report mte_grid_render() returns, byte for byte, to @fd.
 * Text, CSV and Markdown are written row by row in chunks of about
 * 64 KiB, so memory follows a row of the table rather than the whole
 * report (text and Markdown measure the column widths in a first pass
 * over the rows); JSON is made whole, then written. Writes retry on
 * EINTR and after partial writes. When a write fails, part of the report
 * may have been written. Flush any stdio buffer on @fd (fflush()) before
 * calling.
 *
 * Returns: TRUE when the whole report was written. FALSE with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is not one of
 *   mte_grid_render()'s, or with a #G_FILE_ERROR (from errno) when a write
 *   failed.
 */
MTE_API gboolean mte_grid_render_to_fd (const MteGrid    *grid,
                                        MteReportFormat   format,
                                        int               fd,
                                        GError          **error);

/**
 * mte_relatedness_render_to_fd:
 * @relatedness: a relatedness result
 * @format: as for mte_relatedness_render()
 * @fd: an open file descriptor to write to; left open
 * @error: return location for a #GError
 *
 * Writes the report mte_relatedness_render() returns to @fd, as
 * mte_grid_render_to_fd() does: text, CSV and Markdown row by row, JSON
 * whole.
 *
 * Returns: TRUE when the whole report was written; FALSE with @error set
 *   as for mte_grid_render_to_fd().
 */
MTE_API gboolean mte_relatedness_render_to_fd (const MteRelatedness *relatedness,
                                               MteReportFormat       format,
                                               int                   fd,
                                               GError              **error);

/**
 * mte_translation_table_render_to_fd:
 * @table: a translation table
 * @format: as for mte_translation_table_render()
 * @fd: an open file descriptor to write to; left open
 * @error: return location for a #GError
 *
 * Writes the report mte_translation_table_render() returns to @fd, as
 * mte_grid_render_to_fd() does: text, CSV and Markdown row by row, JSON
 * whole.
 *
 * Returns: TRUE when the whole report was written; FALSE with @error set
 *   as for mte_grid_render_to_fd().
 */
MTE_API gboolean mte_translation_table_render_to_fd (const MteTranslationTable *table,
                                                     MteReportFormat            format,
                                                     int                        fd,
                                                     GError                   **error);

/**
 * mte_saturation_render:
 * @table: a translation table
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_CSV, %MTE_REPORT_MARKDOWN or
 *   %MTE_REPORT_JSON
 * @error: return location for a #GError
 *
 * Renders conceptual saturation: for each study in translation order its
 * position, id, the concepts first appearing in it and the cumulative
 * count, then a sentence saying after which study no new concept appeared
 * (or that the last study still added one). Text adds a bar chart of the
 * cumulative count. CSV has only the table: `position, study,
 * new_concepts, cumulative_concepts`.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is not one of the above.
 */
MTE_API char *mte_saturation_render (const MteTranslationTable *table,
                                     MteReportFormat            format,
                                     GError                   **error);

/**
 * mte_check_report_render:
 * @report: a check report
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_CSV, %MTE_REPORT_MARKDOWN or
 *   %MTE_REPORT_JSON
 * @error: return location for a #GError
 *
 * Renders the issues: severity, code, subject id (empty for the project)
 * and message. Text and Markdown start with the counts ("2 errors,
 * 5 warnings, 3 notes"; a note is an issue of %MTE_SEVERITY_INFO) and group
 * the issues by severity, errors first; CSV and JSON keep the report's
 * order.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is not one of the above.
 */
MTE_API char *mte_check_report_render (const MteCheckReport *report,
                                       MteReportFormat       format,
                                       GError              **error);

/**
 * mte_line_of_argument_render:
 * @loa: a line-of-argument synthesis
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_MARKDOWN, %MTE_REPORT_JSON or
 *   %MTE_REPORT_DOT
 * @error: return location for a #GError
 *
 * Renders the synthesis finding by finding, in argument order: label,
 * statement, support (number of studies and their ids), concepts, the
 * number of second-order constructs, up to three illustrative quotes with
 * their speakers (the first ones), refutations with their rationale, the
 * GRADE-CERQual confidence, and markers for findings that are flagged
 * (too few studies) or on a cycle. Then the unused concepts, the coverage
 * of studies and concepts, and for each framework of the project a
 * framework × finding matrix (mte_line_of_argument_dup_levels()).
 *
 * %MTE_REPORT_DOT gives a Graphviz digraph of the findings (left to
 * right), with the argument links as labelled edges; flagged findings are
 * dashed and each cycle is drawn in a cluster of its own. Feed it to
 * `dot -Tsvg`.
 *
 * The project is reached through the findings, so a synthesis without
 * findings renders no frameworks and no links.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is %MTE_REPORT_CSV or
 *   unknown.
 */
MTE_API char *mte_line_of_argument_render (const MteLineOfArgument *loa,
                                           MteReportFormat          format,
                                           GError                 **error);

/**
 * mte_suggestions_render:
 * @suggestions: suggested groupings
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_MARKDOWN or %MTE_REPORT_JSON
 * @error: return location for a #GError
 *
 * Renders the suggested groupings, strongest first: the concepts of each
 * group (labels), their affinity, and the evidence (studies expressing at
 * least two of the concepts, reciprocal translations joining them).
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE when @format is not one of the above.
 */
MTE_API char *mte_suggestions_render (const MteSuggestions *suggestions,
                                      MteReportFormat       format,
                                      GError              **error);

/**
 * mte_prisma_render:
 * @prisma: PRISMA counts from mte_prisma_new()
 * @format: %MTE_REPORT_TEXT, %MTE_REPORT_CSV, %MTE_REPORT_MARKDOWN or
 *   %MTE_REPORT_JSON
 * @error: return location for a #GError
 *
 * Writes the PRISMA 2020 flow counts. Text and Markdown list the boxes in
 * the diagram's order with the reasons for exclusion and the count per
 * source, and mark counts entered by hand and any disagreement with the
 * records. CSV is the input of the PRISMA2020 R package (Haddaway et al.
 * 2022; its PRISMA_data() function): the columns data, node, box,
 * description, boxtext, tooltips, url and n, one row per box, unknown
 * counts as NA, per-source and per-reason rows as "name, n; name, n".
 * JSON holds `counts` (name to number or null), `entered` (names),
 * `sources`, `reasons` (per excluded box) and `disagreements`.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE for another format.
 */
MTE_API char *mte_prisma_render (const MtePrisma *prisma,
                                 MteReportFormat  format,
                                 GError         **error);

/**
 * mte_project_render_report:
 * @project: a project
 * @format: %MTE_REPORT_HTML or %MTE_REPORT_MARKDOWN
 * @error: return location for a #GError
 *
 * The review report: the whole review in the order of the eMERGe
 * meta-ethnography reporting guidance (France et al. 2019), phase by
 * phase and item by item. Each item carries the team's own text for it
 * (mte_project_set_emerge_text()) and what the project records: the
 * protocol, the searches and a PRISMA 2020 flow diagram, exclusions with
 * reasons, the characteristics of the included studies and their
 * appraisals, the grid, relatedness heat map and clusters, the translation
 * order, table and saturation curve, refutations and a summary of the
 * decisions, the line of argument (diagram and statement) and each
 * finding with its support, concepts, constructs, quotes, refutations and
 * framework levels, the GRADE-CERQual Summary of Qualitative Findings and
 * Evidence Profile; then the decision log, the memos, a checklist of the
 * 19 items (where each is reported, or that it is missing) and the
 * references of the included and excluded studies, cited author-year.
 * Studies are taken in the team's order: custom when any study has a
 * translation position, else index. Excluded studies appear only where
 * exclusions are reported.
 *
 * HTML is one self-contained file (inline CSS and SVG, no script, nothing
 * fetched) with a print stylesheet for A4. Markdown is GitHub-flavoured
 * and refers to its figures as "report-NAME.svg" (NAME: prisma,
 * relatedness, saturation, line-of-argument), which this function does
 * not write: use mte_project_write_report() for a Markdown report with its
 * figures.
 *
 * Returns: (transfer full): the report; free with g_free(). NULL with
 *   %MTE_MODEL_ERROR_INVALID_VALUE for another @format, or when Graphviz
 *   could not lay out the line of argument.
 */
MTE_API char *mte_project_render_report (const MteProject *project,
                                         MteReportFormat   format,
                                         GError          **error);

/**
 * mte_project_write_report:
 * @project: a project
 * @path: the file to write, replaced atomically if it exists
 * @format: %MTE_REPORT_HTML, %MTE_REPORT_MARKDOWN or %MTE_REPORT_DOCX
 * @error: return location for a #GError
 *
 * Writes the review report (see mte_project_render_report()) to @path.
 * A Word document has heading and table styles, numbered captions and
 * its figures embedded as PNG. A Markdown report's figures are written
 * beside it as "STEM-NAME.svg", where STEM is @path's file name without
 * its extension; they are written before the report.
 *
 * Returns: TRUE on success. FALSE with @error: %MTE_MODEL_ERROR_INVALID_VALUE
 *   for another @format or a figure that could not be made, or in the
 *   %G_FILE_ERROR domain when a file could not be written (a file already
 *   at @path is then left as it was).
 */
MTE_API gboolean mte_project_write_report (const MteProject *project,
                                           const char       *path,
                                           MteReportFormat   format,
                                           GError          **error);

G_END_DECLS

#endif /* MTE_RENDER_H */
