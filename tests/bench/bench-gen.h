/* Synthetic project generator shared by mte-gen, mte-bench-load and the
 * save-robustness helpers. Uses the public API only.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef BENCH_GEN_H
#define BENCH_GEN_H

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

typedef struct {
  guint   n_studies;
  guint   constructs_per_study;   /* first- and second-order together */
  double  quotes_ratio;           /* share of first-order constructs, 0..1 */
  guint   n_concepts;             /* 0: derived from n_studies */
  double  expression_ratio;       /* share of second-order constructs that
                                   * express a concept, 0..1 */
  guint   translations_per_study;
  guint   n_third_orders;         /* 0: derived from n_studies */
  double  classify_ratio;         /* share of second-order constructs placed
                                   * in the socio-ecological framework */
  double  memos_per_study;
  guint32 seed;
} BenchGenParams;

typedef struct {
  guint studies;
  guint first_order;
  guint second_order;
  guint groundings;
  guint concepts;
  guint expressions;
  guint translations;
  guint third_orders;
  guint argument_links;
  guint classifications;
  guint memos;
  guint appraisals;
} BenchGenCounts;

/* Fills @params with the defaults (the shape of a large review). */
void bench_gen_params_init (BenchGenParams *params);

/* Builds a project through the public API. The result depends only on
 * @params (every time stamp is derived from the seed), so two calls with
 * the same parameters serialise to the same bytes. @counts may be NULL. */
MteProject *bench_gen_project (const BenchGenParams *params,
                               BenchGenCounts       *counts,
                               GError              **error);

/* Parses "STUDIES:CONSTRUCTS_PER_STUDY" into @params. */
gboolean bench_gen_parse_shape (const char      *shape,
                                BenchGenParams  *params,
                                GError         **error);

G_END_DECLS

#endif /* BENCH_GEN_H */
