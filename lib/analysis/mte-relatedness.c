/* metaethno: how studies are related, by the key concepts they share.
 *
 * Counting: for each concept, every pair of studies that both express it
 * gains one shared concept, so the cost follows the sum over concepts of
 * (studies expressing it)², not studies² × concepts.
 *
 * Clustering: average linkage (UPGMA) on the distance 1 - Jaccard, found
 * with the nearest-neighbour-chain algorithm in O(n²) time, then cut where
 * the average similarity falls below the threshold. Average linkage is
 * "reducible", so the merges the chain finds, replayed in order of height,
 * give the same hierarchy as the textbook algorithm.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

#include <math.h>

struct _MteRelatedness {
  MteStudy **studies;
  guint      n;
  guint     *shared;     /* n × n, symmetric; diagonal: concepts per study */
  guint     *cluster;    /* per study */
  guint      n_clusters;
};

typedef struct {
  guint  a, b;           /* representatives merged */
  double height;         /* average distance at the merge */
  guint  seq;            /* order found, for stable sorting */
} Merge;

static int
compare_merges (gconstpointer pa,
                gconstpointer pb)
{
  const Merge *a = pa, *b = pb;

  if (a->height != b->height)
    return a->height < b->height ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
compare_uint (const void *pa,
              const void *pb)
{
  guint a = *(const guint *) pa, b = *(const guint *) pb;

  return a < b ? -1 : a > b;
}

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
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

/* Runs the nearest-neighbour chain over the distance matrix @d (n × n,
 * destroyed) and returns the n - 1 merges. */
static Merge *
nn_chain (double *d,
          guint   n)
{
  Merge *merges = g_new (Merge, n > 1 ? n - 1 : 1);
  guint *size = g_new (guint, n);
  gboolean *active = g_new (gboolean, n);
  guint *chain = g_new (guint, n);
  guint chain_len = 0, n_merges = 0, n_active = n;

  for (guint i = 0; i < n; i++)
    {
      size[i] = 1;
      active[i] = TRUE;
    }

  while (n_active > 1)
    {
      guint top, nearest = G_MAXUINT;
      double best = INFINITY;

      if (chain_len == 0)
        {
          for (guint i = 0; i < n; i++)
            if (active[i])
              {
                chain[chain_len++] = i;
                break;
              }
        }
      top = chain[chain_len - 1];

      /* Prefer the previous element of the chain on ties, so the chain
       * always ends in a pair of reciprocal nearest neighbours. */
      if (chain_len > 1)
        {
          nearest = chain[chain_len - 2];
          best = d[(gsize) top * n + nearest];
        }
      for (guint i = 0; i < n; i++)
        {
          double dist;

          if (!active[i] || i == top)
            continue;
          dist = d[(gsize) top * n + i];
          if (dist < best)
            {
              best = dist;
              nearest = i;
            }
        }

      if (chain_len > 1 && nearest == chain[chain_len - 2])
        {
          guint a = MIN (top, nearest), b = MAX (top, nearest);

          chain_len -= 2;
          merges[n_merges].a = a;
          merges[n_merges].b = b;
          merges[n_merges].height = best;
          merges[n_merges].seq = n_merges;
          n_merges++;

          /* Lance-Williams update for average linkage; b is retired. */
          for (guint k = 0; k < n; k++)
            {
              double merged;

              if (!active[k] || k == a || k == b)
                continue;
              merged = (size[a] * d[(gsize) a * n + k] + size[b] * d[(gsize) b * n + k]) /
                       (double) (size[a] + size[b]);
              d[(gsize) a * n + k] = merged;
              d[(gsize) k * n + a] = merged;
            }
          size[a] += size[b];
          active[b] = FALSE;
          n_active--;
        }
      else
        chain[chain_len++] = nearest;
    }

  g_free (size);
  g_free (active);
  g_free (chain);
  return merges;
}

MteRelatedness *
mte_relatedness_new (const MteProject *project,
                     MteStudyOrder     order,
                     double            threshold)
{
  MteRelatedness *r;
  g_autoptr (GHashTable) columns = NULL;
  guint n, *parent, *number;
  double *d;
  Merge *merges;
  const double eps = 1e-12;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (threshold >= 0.0 && threshold <= 1.0, NULL);

  r = g_new0 (MteRelatedness, 1);
  r->studies = mte_project_get_study_order (project, order, &r->n);
  n = r->n;
  r->shared = g_new0 (guint, (gsize) n * n + 1);
  r->cluster = g_new0 (guint, n + 1);
  columns = mte_study_columns (r->studies, n);

  /* Studies expressing each concept, as a sorted list of unique columns. */
  {
    g_autofree guint *cols = NULL;
    guint cap = 0;

    for (guint c = 0; c < project->concepts->len; c++)
      {
        MteConcept *concept = g_ptr_array_index (project->concepts, c);
        guint m = 0, len = concept->expressions != NULL ? concept->expressions->len : 0;

        if (len > cap)
          {
            cap = len;
            cols = g_renew (guint, cols, cap);
          }
        for (guint e = 0; e < len; e++)
          {
            MteConstruct *construct = g_ptr_array_index (concept->expressions, e);
            cols[m++] = (guint) mte_study_column (columns, construct->study);
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

  /* Cluster. */
  d = g_new (double, (gsize) n * n + 1);
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      d[(gsize) a * n + b] = a == b ? 0.0 : 1.0 - jaccard (r, a, b);
  merges = nn_chain (d, n);
  g_free (d);
  if (n > 1)
    qsort (merges, n - 1, sizeof (Merge), compare_merges);

  parent = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint m = 0; m + 1 < n; m++)
    {
      if (merges[m].height > 1.0 - threshold + eps)
        break;
      parent[find_root (parent, merges[m].b)] = find_root (parent, merges[m].a);
    }
  g_free (merges);

  /* Number clusters by their first study in order. */
  number = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    number[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      guint root = find_root (parent, i);

      if (number[root] == G_MAXUINT)
        number[root] = r->n_clusters++;
      r->cluster[i] = number[root];
    }
  g_free (number);
  g_free (parent);
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
