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

/* Average-linkage clustering of @n items given their symmetric distance
 * matrix (n × n, row-major; overwritten). Merges stop above @max_height.
 * Writes each item's cluster number to @cluster (numbered by first member)
 * and returns the number of clusters (mte-cluster.c). */
guint mte_cluster_average_linkage (double *distances, guint n,
                                   double max_height, guint *cluster);

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
