/* metaethno: relating studies (phase 4) and translating them (phase 5):
 * the concept × study grid, relatedness, the translation table and
 * conceptual saturation. Study orders belong to the model (mte-study.h).
 *
 * Every result here is a snapshot computed from a project: it holds
 * borrowed pointers into the project, so free it before changing or
 * freeing the project. None of these calls changes the project.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_ANALYSIS_H
#define MTE_ANALYSIS_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>
#include <metaethno/mte-study.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* The grid                                                           */
/* ------------------------------------------------------------------ */

/** MteGrid: key concepts × studies, with the constructs in each cell. */
typedef struct _MteGrid MteGrid;

/**
 * mte_grid_new:
 * @project: a project
 * @order: the order of the study columns
 *
 * Lays the key concepts (rows, in project order) against the studies
 * (columns, in @order). A cell holds the second-order constructs by which
 * the study expresses the concept, in the order of the concept's
 * expressions; an empty cell means the study does not express it.
 *
 * Returns: (transfer full): the grid; free with mte_grid_free().
 */
MTE_API MteGrid *mte_grid_new (const MteProject *project,
                               MteStudyOrder     order);

/**
 * mte_grid_free:
 * @grid: (nullable) (transfer full): a grid
 */
MTE_API void mte_grid_free (MteGrid *grid);

/**
 * mte_grid_get_project:
 * @grid: a result
 *
 * The project the result was computed from, so that a report can say
 * more about it (reports list the excluded studies with their reasons).
 *
 * Returns: (transfer none): the project; the result must not outlive it.
 */
MTE_API const MteProject *mte_grid_get_project (const MteGrid *grid);

/**
 * mte_grid_get_order:
 * @grid: a grid
 *
 * Returns: the order of the study columns, as given to mte_grid_new().
 */
MTE_API MteStudyOrder mte_grid_get_order (const MteGrid *grid);

/**
 * mte_grid_get_n_concepts:
 * @grid: a grid
 *
 * Returns: the number of rows.
 */
MTE_API guint mte_grid_get_n_concepts (const MteGrid *grid);

/**
 * mte_grid_get_concept:
 * @grid: a grid
 * @row: 0 to mte_grid_get_n_concepts() - 1
 *
 * Returns: (transfer none): the concept of @row.
 */
MTE_API MteConcept *mte_grid_get_concept (const MteGrid *grid,
                                          guint          row);

/**
 * mte_grid_get_n_studies:
 * @grid: a grid
 *
 * Returns: the number of columns.
 */
MTE_API guint mte_grid_get_n_studies (const MteGrid *grid);

/**
 * mte_grid_get_study:
 * @grid: a grid
 * @column: 0 to mte_grid_get_n_studies() - 1
 *
 * Returns: (transfer none): the study of @column.
 */
MTE_API MteStudy *mte_grid_get_study (const MteGrid *grid,
                                      guint          column);

/**
 * mte_grid_get_n_cell_constructs:
 * @grid: a grid
 * @row: a row
 * @column: a column
 *
 * Returns: how many second-order constructs of the column's study express
 *   the row's concept (0: the study does not express it).
 */
MTE_API guint mte_grid_get_n_cell_constructs (const MteGrid *grid,
                                              guint          row,
                                              guint          column);

/**
 * mte_grid_get_cell_construct:
 * @grid: a grid
 * @row: a row
 * @column: a column
 * @index: 0 to mte_grid_get_n_cell_constructs() - 1
 *
 * Returns: (transfer none): an expressing second-order construct; its
 *   grounding quotes are mte_construct_get_grounding().
 */
MTE_API MteConstruct *mte_grid_get_cell_construct (const MteGrid *grid,
                                                   guint          row,
                                                   guint          column,
                                                   guint          index);

/**
 * mte_grid_get_concept_study_count:
 * @grid: a grid
 * @row: a row
 *
 * Returns: how many studies express the row's concept.
 */
MTE_API guint mte_grid_get_concept_study_count (const MteGrid *grid,
                                                guint          row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteGrid, mte_grid_free)

/* ------------------------------------------------------------------ */
/* Relatedness                                                        */
/* ------------------------------------------------------------------ */

/** MteRelatedness: shared concepts between studies, and clusters. */
typedef struct _MteRelatedness MteRelatedness;

/**
 * MTE_RELATEDNESS_DEFAULT_THRESHOLD:
 *
 * The default similarity at which clusters stop merging (0.25): see
 * mte_relatedness_new().
 */
#define MTE_RELATEDNESS_DEFAULT_THRESHOLD 0.25

/**
 * mte_relatedness_new:
 * @project: a project
 * @order: the order of the studies (rows and columns)
 * @threshold: a similarity between 0 and 1; clusters are only merged while
 *   their average Jaccard similarity is at least this
 *
 * Compares every pair of studies by the key concepts they express: the
 * number of concepts both express, and the Jaccard similarity (shared
 * concepts over concepts expressed by either; 0 when neither expresses
 * any). Studies are then grouped by average-linkage agglomerative
 * clustering on that similarity, stopping at @threshold, so a cluster is a
 * set of studies that, on average, share at least that fraction of their
 * concepts (docs/analysis.md explains the method). Clusters are numbered
 * by their first study in @order; a study that shares too little with any
 * other forms a cluster of its own.
 *
 * Returns: (transfer full): the result; free with mte_relatedness_free().
 */
MTE_API MteRelatedness *mte_relatedness_new (const MteProject *project,
                                             MteStudyOrder     order,
                                             double            threshold);

/**
 * mte_relatedness_free:
 * @relatedness: (nullable) (transfer full): a result
 */
MTE_API void mte_relatedness_free (MteRelatedness *relatedness);

/**
 * mte_relatedness_get_project:
 * @relatedness: a result
 *
 * The project the result was computed from, so that a report can say
 * more about it (reports list the excluded studies with their reasons).
 *
 * Returns: (transfer none): the project; the result must not outlive it.
 */
MTE_API const MteProject *mte_relatedness_get_project (const MteRelatedness *relatedness);

/**
 * mte_relatedness_get_order:
 * @relatedness: a result
 *
 * Returns: the order of the studies, as given to mte_relatedness_new().
 */
MTE_API MteStudyOrder mte_relatedness_get_order (const MteRelatedness *relatedness);

/**
 * mte_relatedness_get_threshold:
 * @relatedness: a result
 *
 * Returns: the clustering threshold given to mte_relatedness_new().
 */
MTE_API double mte_relatedness_get_threshold (const MteRelatedness *relatedness);

/**
 * mte_relatedness_get_n_studies:
 * @relatedness: a result
 *
 * Returns: the number of studies compared.
 */
MTE_API guint mte_relatedness_get_n_studies (const MteRelatedness *relatedness);

/**
 * mte_relatedness_get_study:
 * @relatedness: a result
 * @index: 0 to mte_relatedness_get_n_studies() - 1
 *
 * Returns: (transfer none): the study at @index.
 */
MTE_API MteStudy *mte_relatedness_get_study (const MteRelatedness *relatedness,
                                             guint                 index);

/**
 * mte_relatedness_get_n_concepts:
 * @relatedness: a result
 * @index: a study index
 *
 * Returns: how many distinct key concepts the study expresses.
 */
MTE_API guint mte_relatedness_get_n_concepts (const MteRelatedness *relatedness,
                                              guint                 index);

/**
 * mte_relatedness_get_shared:
 * @relatedness: a result
 * @a: a study index
 * @b: a study index
 *
 * Returns: the number of key concepts both studies express (for @a == @b,
 *   the concepts the study expresses).
 */
MTE_API guint mte_relatedness_get_shared (const MteRelatedness *relatedness,
                                          guint                 a,
                                          guint                 b);

/**
 * mte_relatedness_get_jaccard:
 * @relatedness: a result
 * @a: a study index
 * @b: a study index
 *
 * Returns: shared / (concepts of @a + concepts of @b - shared), from 0 to 1;
 *   0 when neither expresses a concept.
 */
MTE_API double mte_relatedness_get_jaccard (const MteRelatedness *relatedness,
                                            guint                 a,
                                            guint                 b);

/**
 * mte_relatedness_get_n_clusters:
 * @relatedness: a result
 *
 * Returns: the number of clusters.
 */
MTE_API guint mte_relatedness_get_n_clusters (const MteRelatedness *relatedness);

/**
 * mte_relatedness_get_cluster:
 * @relatedness: a result
 * @index: a study index
 *
 * Returns: the cluster number (0-based) of the study at @index.
 */
MTE_API guint mte_relatedness_get_cluster (const MteRelatedness *relatedness,
                                           guint                 index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteRelatedness, mte_relatedness_free)

/* ------------------------------------------------------------------ */
/* Translation table and saturation                                   */
/* ------------------------------------------------------------------ */

/**
 * MteCellState:
 * @MTE_CELL_ABSENT: the study neither expresses nor refutes the concept
 * @MTE_CELL_EXPRESSES: a second-order construct of the study expresses it
 * @MTE_CELL_REFUTES: the study refutes it: a refutational translation
 *   joins a construct of the study (or the concept as the study uses it)
 *   and the concept
 * @MTE_CELL_EXPRESSES_AND_REFUTES: both (a study may hold both views)
 *
 * What a cell of the translation table says.
 */
typedef enum {
  MTE_CELL_ABSENT = 0,
  MTE_CELL_EXPRESSES = 1,
  MTE_CELL_REFUTES = 2,
  MTE_CELL_EXPRESSES_AND_REFUTES = 3
} MteCellState;

/** MteTranslationTable: concepts in order of appearance × studies in translation order. */
typedef struct _MteTranslationTable MteTranslationTable;

/**
 * mte_translation_table_new:
 * @project: a project
 * @order: the translation order (the columns)
 *
 * Rows are the key concepts in order of first appearance: taking the
 * studies in @order and each study's constructs in their order, a concept
 * appears when a construct first expresses or refutes it. Concepts that no
 * study expresses or refutes come last, in project order. Each cell says
 * how the column's study treats the row's concept.
 *
 * Returns: (transfer full): the table; free with mte_translation_table_free().
 */
MTE_API MteTranslationTable *mte_translation_table_new (const MteProject *project,
                                                        MteStudyOrder     order);

/**
 * mte_translation_table_free:
 * @table: (nullable) (transfer full): a table
 */
MTE_API void mte_translation_table_free (MteTranslationTable *table);

/**
 * mte_translation_table_get_project:
 * @table: a result
 *
 * The project the result was computed from, so that a report can say
 * more about it (reports list the excluded studies with their reasons).
 *
 * Returns: (transfer none): the project; the result must not outlive it.
 */
MTE_API const MteProject *mte_translation_table_get_project (const MteTranslationTable *table);

/**
 * mte_translation_table_get_order:
 * @table: a table
 *
 * Returns: the translation order of the columns, as given to
 *   mte_translation_table_new().
 */
MTE_API MteStudyOrder mte_translation_table_get_order (const MteTranslationTable *table);

/**
 * mte_translation_table_get_n_concepts:
 * @table: a table
 *
 * Returns: the number of rows.
 */
MTE_API guint mte_translation_table_get_n_concepts (const MteTranslationTable *table);

/**
 * mte_translation_table_get_concept:
 * @table: a table
 * @row: a row
 *
 * Returns: (transfer none): the concept of @row.
 */
MTE_API MteConcept *mte_translation_table_get_concept (const MteTranslationTable *table,
                                                       guint                      row);

/**
 * mte_translation_table_get_n_studies:
 * @table: a table
 *
 * Returns: the number of columns.
 */
MTE_API guint mte_translation_table_get_n_studies (const MteTranslationTable *table);

/**
 * mte_translation_table_get_study:
 * @table: a table
 * @column: a column
 *
 * Returns: (transfer none): the study of @column.
 */
MTE_API MteStudy *mte_translation_table_get_study (const MteTranslationTable *table,
                                                   guint                      column);

/**
 * mte_translation_table_get_cell:
 * @table: a table
 * @row: a row
 * @column: a column
 *
 * Returns: how the study treats the concept.
 */
MTE_API MteCellState mte_translation_table_get_cell (const MteTranslationTable *table,
                                                     guint                      row,
                                                     guint                      column);

/**
 * mte_translation_table_get_first_column:
 * @table: a table
 * @row: a row
 *
 * Returns: the column of the study in which the concept first appears, or
 *   -1 for a concept no study expresses or refutes.
 */
MTE_API int mte_translation_table_get_first_column (const MteTranslationTable *table,
                                                    guint                      row);

/**
 * mte_translation_table_get_new_concepts:
 * @table: a table
 * @column: a column
 *
 * Conceptual saturation: how many concepts first appear in the column's
 * study.
 *
 * Returns: the number of new concepts the study adds.
 */
MTE_API guint mte_translation_table_get_new_concepts (const MteTranslationTable *table,
                                                      guint                      column);

/**
 * mte_translation_table_get_saturation_column:
 * @table: a table
 *
 * Returns: the column of the last study that added a new concept (after
 *   it, none appeared), or -1 when no study adds any.
 */
MTE_API int mte_translation_table_get_saturation_column (const MteTranslationTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteTranslationTable, mte_translation_table_free)

/* ------------------------------------------------------------------ */
/* How an order was applied                                           */
/* ------------------------------------------------------------------ */

/**
 * MteIndexStudySource:
 * @MTE_INDEX_STUDY_NONE: the order starts from no index study (project,
 *   chronological and custom orders, or a project without studies)
 * @MTE_INDEX_STUDY_TEAM: the team marked the index studies
 *   (mte_study_set_index_study())
 * @MTE_INDEX_STUDY_RULE: no included study is marked, so the documented
 *   rule of mte_project_suggest_index_study() picked one
 *
 * Who chose the index study an order starts from.
 */
typedef enum {
  MTE_INDEX_STUDY_NONE = 0,
  MTE_INDEX_STUDY_TEAM,
  MTE_INDEX_STUDY_RULE
} MteIndexStudySource;

/**
 * mte_index_study_source_to_string:
 * @source: a source
 *
 * Returns: (transfer none) (nullable): "none", "team" or "rule"; NULL for
 *   an unknown value.
 */
MTE_API const char *mte_index_study_source_to_string (MteIndexStudySource source);

/**
 * mte_project_dup_index_studies:
 * @project: a project
 * @order: the order the studies are taken in
 * @n_studies: (out) (optional): the number of studies returned
 * @source: (out) (optional): who chose them
 *
 * The index studies @order starts from, as the grid, relatedness,
 * translation table and saturation lay their studies out: for
 * %MTE_STUDY_ORDER_INDEX, the included studies the team marked, in the
 * order, or when none is marked the one mte_project_suggest_index_study()
 * picks; for every other order, none (*@source is %MTE_INDEX_STUDY_NONE).
 *
 * Returns: (transfer container) (array length=n_studies): the studies,
 *   NULL-terminated (an empty array, never NULL); free the array (not the
 *   studies) with g_free().
 */
MTE_API MteStudy **mte_project_dup_index_studies (const MteProject    *project,
                                                  MteStudyOrder        order,
                                                  guint               *n_studies,
                                                  MteIndexStudySource *source);

/**
 * mte_study_order_get_ties:
 * @order: a study order
 *
 * How @order breaks ties between studies that its key does not separate,
 * in one English sentence fit for a report (without final full stop),
 * e.g. "same year: project order; studies without a year last" for
 * %MTE_STUDY_ORDER_CHRONOLOGICAL.
 *
 * Returns: (transfer none) (nullable): a static string; NULL for an
 *   unknown value.
 */
MTE_API const char *mte_study_order_get_ties (MteStudyOrder order);

/**
 * mte_study_order_describe:
 * @project: a project
 * @order: a study order
 *
 * One line for a report saying which order was used, which index study
 * (and whether the team or the documented rule chose it) and how ties
 * were broken, e.g. "Order: index (index study s3, chosen by the team);
 * ties: same year: project order; studies without a year last." Ids are
 * written as they are: a Markdown renderer escapes the line itself.
 *
 * Returns: (transfer full): the line, without a newline; free with
 *   g_free().
 */
MTE_API char *mte_study_order_describe (const MteProject *project,
                                        MteStudyOrder     order);

G_END_DECLS

#endif /* MTE_ANALYSIS_H */
