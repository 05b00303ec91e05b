/* metaethno: helpers shared by the analysis modules.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_ANALYSIS_PRIVATE_H
#define MTE_ANALYSIS_PRIVATE_H

#include "mte-model-private.h"
#include "mte-study-order-private.h"
#include "mte-sort-private.h"

G_BEGIN_DECLS

/* Average-linkage clustering of @n items given their distances as the
 * upper triangle of the symmetric matrix, without the diagonal: the
 * distance of items i < j at MTE_CLUSTER_PAIR (i, j, n), n (n - 1) / 2
 * values in all (half the memory of the square; overwritten). Merges stop
 * above @max_height. Writes each item's cluster number to @cluster
 * (numbered by first member) and returns the number of clusters
 * (mte-cluster.c). */
guint mte_cluster_average_linkage (double *distances, guint n,
                                   double max_height, guint *cluster);

/* Where the pair i < j of @n items is in the triangle: row i starts
 * after the n - 1 + n - 2 + ... + n - i pairs of the rows before it. */
#define MTE_CLUSTER_PAIR(i, j, n) \
  ((gsize) (i) * (2 * (gsize) (n) - (gsize) (i) - 1) / 2 + (gsize) (j) - (gsize) (i) - 1)
/* How many doubles the triangle of @n items takes (at least 1). */
#define MTE_CLUSTER_N_PAIRS(n) ((n) > 1 ? (gsize) (n) * ((gsize) (n) - 1) / 2 : 1)

/* Sorts @array, entities of one kind, in project order (constructs by
 * their study, then within it) and drops duplicates. Reads the indexes the
 * model keeps, so it costs no table of the project's entities
 * (mte-project-order.c). */
void mte_sort_unique (GPtrArray *array);

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
