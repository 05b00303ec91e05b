/* metaethno: helpers shared by the analysis modules.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_ANALYSIS_PRIVATE_H
#define MTE_ANALYSIS_PRIVATE_H

#include "mte-model-private.h"

G_BEGIN_DECLS

/* mte_project_dup_study_order(), and with it, when @columns is not
 * NULL, the column of each study: (*@columns)[i] is where the study of
 * project index i stands in the order. Free both with g_free(). */
MteStudy **mte_study_order_new (const MteProject *project, MteStudyOrder order,
                                guint *n_studies, guint **columns);

/* Column of @study. */
static inline guint
mte_study_column (const guint    *columns,
                  const MteStudy *study)
{
  return columns[study->base.index];
}

/* Average-linkage clustering of @n items given their symmetric distance
 * matrix (n × n, row-major; overwritten). Merges stop above @max_height.
 * Writes each item's cluster number to @cluster (numbered by first member)
 * and returns the number of clusters (mte-cluster.c). */
guint mte_cluster_average_linkage (double *distances, guint n,
                                   double max_height, guint *cluster);

/* An item and the key it sorts by. */
typedef struct {
  guint64  key;
  gpointer item;
} MteKeyed;

/* Sorts the @n @items by key, stably: equal keys keep their order. Short
 * runs by insertion, longer ones by a radix sort one byte at a time that
 * skips the bytes every key shares: linear in @n. @scratch holds @n items
 * for the radix sort, or is NULL to have one allocated (mte-order.c). */
void mte_keyed_sort (MteKeyed *items, guint n, MteKeyed *scratch);

/* Sorts @array, entities of one kind, in project order (constructs by
 * their study, then within it) and drops duplicates. Reads the indexes the
 * model keeps, so it costs no table of the project's entities. */
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
