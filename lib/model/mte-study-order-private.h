/* metaethno: study orders as the analyses lay their columns out by them.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_STUDY_ORDER_PRIVATE_H
#define MTE_STUDY_ORDER_PRIVATE_H

#include "mte-model-private.h"

G_BEGIN_DECLS

/* The column of a study the order leaves out: an excluded study. */
#define MTE_COLUMN_LEFT_OUT G_MAXUINT

/* mte_project_dup_study_order(), and with it, when @columns is not
 * NULL, the column of each study: (*@columns)[i] is where the study of
 * project index i stands in the order, MTE_COLUMN_LEFT_OUT for an
 * excluded study, which the order leaves out. Free both with g_free()
 * (mte-study-order.c). */
MteStudy **mte_study_order_new (const MteProject *project, MteStudyOrder order,
                                guint *n_studies, guint **columns);

/* Column of @study. */
static inline guint
mte_study_column (const guint    *columns,
                  const MteStudy *study)
{
  return columns[study->base.index];
}

G_END_DECLS

#endif /* MTE_STUDY_ORDER_PRIVATE_H */
