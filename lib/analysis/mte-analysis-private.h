/* metaethno: helpers shared by the analysis modules.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_ANALYSIS_PRIVATE_H
#define MTE_ANALYSIS_PRIVATE_H

#include "mte-model-private.h"

G_BEGIN_DECLS

/* Maps each study of @order to its column: study → GUINT_TO_POINTER (column + 1). */
GHashTable *mte_study_columns (MteStudy **studies, guint n_studies);

/* Column of @study, or -1. */
static inline int
mte_study_column (GHashTable *columns,
                  const MteStudy *study)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (columns, study)) - 1;
}

/* Average-linkage clustering of @n items given their symmetric distance
 * matrix (n × n, row-major; overwritten). Merges stop above @max_height.
 * Writes each item's cluster number to @cluster (numbered by first member)
 * and returns the number of clusters (mte-cluster.c). */
guint mte_cluster_average_linkage (double *distances, guint n,
                                   double max_height, guint *cluster);

/* Where each study, construct, concept and translation stands in project
 * order: entity → GUINT_TO_POINTER (ordinal + 1). Constructs follow their
 * study. */
GHashTable *mte_project_positions (const MteProject *project);

/* Sorts @array of entities by @positions and drops duplicates. */
void mte_sort_unique (GPtrArray *array, GHashTable *positions);

/* The argument graph: findings in argument order and their cycles. */
typedef struct {
  guint         n;
  MteThirdOrder **order;     /* n findings in argument order */
  int           *cycle;      /* per position in @order: cycle number or -1 */
  guint          n_cycles;
} MteArgumentOrder;

void mte_argument_order_compute (const MteProject *project, MteArgumentOrder *out);
void mte_argument_order_clear (MteArgumentOrder *order);

G_END_DECLS

#endif /* MTE_ANALYSIS_PRIVATE_H */
