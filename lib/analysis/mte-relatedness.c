/* metaethno: how studies are related, by the key concepts they share.
 *
 * Counting: for each concept, every pair of studies that both express it
 * gains one shared concept, so the cost follows the sum over concepts of
 * (studies expressing it)², not studies² × concepts.
 *
 * Clustering: average linkage on the distance 1 - Jaccard, cut where the
 * average similarity falls below the threshold (mte-cluster.c).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"


struct _MteRelatedness {
  const MteProject *project;  /* borrowed: results live no longer */
  MteStudyOrder order;
  double     threshold;
  MteStudy **studies;
  guint      n;
  guint     *shared;     /* n × n, symmetric; diagonal: concepts per study */
  guint     *cluster;    /* per study */
  guint      n_clusters;
};

static int
compare_uint (const void *pa,
              const void *pb)
{
  guint a = *(const guint *) pa, b = *(const guint *) pb;

  return a < b ? -1 : a > b;
}

static double
jaccard (const MteRelatedness *r,
         guint                 a,
         guint                 b)
{
  guint shared = r->shared[(gsize) a * r->n + b];
  guint either = r->shared[(gsize) a * r->n + a] + r->shared[(gsize) b * r->n + b] - shared;

  return either == 0 ? 0.0 : (double) shared / (double) either;
}

MteRelatedness *
mte_relatedness_new (const MteProject *project,
                     MteStudyOrder     order,
                     double            threshold)
{
  MteRelatedness *r;
  g_autofree guint *columns = NULL;
  guint n;
  double *d;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (threshold >= 0.0 && threshold <= 1.0, NULL);

  r = g_new0 (MteRelatedness, 1);
  r->project = project;
  r->order = order;
  r->threshold = threshold;
  r->studies = mte_study_order_new (project, order, &r->n, &columns);
  n = r->n;
  r->shared = g_new0 (guint, (gsize) n * n + 1);
  r->cluster = g_new0 (guint, n + 1);

  /* Studies expressing each concept, as a sorted list of unique columns. */
  {
    g_autofree guint *cols = NULL;
    guint cap = 0;

    for (guint c = 0; c < project->concepts->len; c++)
      {
        MteConcept *concept = g_ptr_array_index (project->concepts, c);
        guint m = 0, len = mte_construct_list_len (concept->expressions);

        if (len > cap)
          {
            cap = len;
            cols = g_renew (guint, cols, cap);
          }
        for (guint e = 0; e < len; e++)
          {
            guint column = columns[concept->expressions->items[e].study];

            if (column != MTE_COLUMN_LEFT_OUT)
              cols[m++] = column;
          }
        /* A study may express a concept through several constructs. */
        if (m > 1)
          qsort (cols, m, sizeof (guint), compare_uint);
        {
          guint u = 0;

          for (guint i = 0; i < m; i++)
            if (u == 0 || cols[u - 1] != cols[i])
              cols[u++] = cols[i];
          for (guint i = 0; i < u; i++)
            for (guint j = i; j < u; j++)
              {
                r->shared[(gsize) cols[i] * n + cols[j]]++;
                if (i != j)
                  r->shared[(gsize) cols[j] * n + cols[i]]++;
              }
        }
      }
  }

  /* Cluster on the distance 1 - Jaccard. */
  d = g_new (double, MTE_CLUSTER_N_PAIRS (n));
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      d[MTE_CLUSTER_PAIR (a, b, n)] = 1.0 - jaccard (r, a, b);
  r->n_clusters = mte_cluster_average_linkage (d, n, 1.0 - threshold, r->cluster);
  g_free (d);
  return r;
}

void
mte_relatedness_free (MteRelatedness *relatedness)
{
  if (relatedness == NULL)
    return;
  g_free (relatedness->studies);
  g_free (relatedness->shared);
  g_free (relatedness->cluster);
  g_free (relatedness);
}

MteStudyOrder
mte_relatedness_get_order (const MteRelatedness *relatedness)
{
  g_return_val_if_fail (relatedness != NULL, MTE_STUDY_ORDER_PROJECT);
  return relatedness->order;
}

double
mte_relatedness_get_threshold (const MteRelatedness *relatedness)
{
  g_return_val_if_fail (relatedness != NULL, 0.0);
  return relatedness->threshold;
}

guint
mte_relatedness_get_n_studies (const MteRelatedness *relatedness)
{
  g_return_val_if_fail (relatedness != NULL, 0);
  return relatedness->n;
}

MteStudy *
mte_relatedness_get_study (const MteRelatedness *relatedness,
                           guint                 index)
{
  g_return_val_if_fail (relatedness != NULL, NULL);
  g_return_val_if_fail (index < relatedness->n, NULL);
  return relatedness->studies[index];
}

guint
mte_relatedness_get_n_concepts (const MteRelatedness *relatedness,
                                guint                 index)
{
  g_return_val_if_fail (relatedness != NULL, 0);
  g_return_val_if_fail (index < relatedness->n, 0);
  return relatedness->shared[(gsize) index * relatedness->n + index];
}

guint
mte_relatedness_get_shared (const MteRelatedness *relatedness,
                            guint                 a,
                            guint                 b)
{
  g_return_val_if_fail (relatedness != NULL, 0);
  g_return_val_if_fail (a < relatedness->n && b < relatedness->n, 0);
  return relatedness->shared[(gsize) a * relatedness->n + b];
}

double
mte_relatedness_get_jaccard (const MteRelatedness *relatedness,
                             guint                 a,
                             guint                 b)
{
  g_return_val_if_fail (relatedness != NULL, 0.0);
  g_return_val_if_fail (a < relatedness->n && b < relatedness->n, 0.0);
  return jaccard (relatedness, a, b);
}

guint
mte_relatedness_get_n_clusters (const MteRelatedness *relatedness)
{
  g_return_val_if_fail (relatedness != NULL, 0);
  return relatedness->n_clusters;
}

guint
mte_relatedness_get_cluster (const MteRelatedness *relatedness,
                             guint                 index)
{
  g_return_val_if_fail (relatedness != NULL, 0);
  g_return_val_if_fail (index < relatedness->n, 0);
  return relatedness->cluster[index];
}

const MteProject *
mte_relatedness_get_project (const MteRelatedness *r)
{
  g_return_val_if_fail (r != NULL, NULL);
  return r->project;
}
