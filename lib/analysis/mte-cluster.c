/* metaethno: average-linkage clustering.
 *
 * Average linkage (UPGMA) found with the nearest-neighbour-chain algorithm
 * in O(n²) time and O(n²) memory for the distance matrix. Average linkage
 * is "reducible", so the merges the chain finds, replayed in order of
 * height, give the same hierarchy as the textbook O(n³) algorithm; cutting
 * the hierarchy at a height keeps exactly the merges at or below it.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

#include <math.h>

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

/* The distance of @i and @j (i != j) in the triangle @d. */
static inline double *
pair (double *d,
      guint   i,
      guint   j,
      guint   n)
{
  return i < j ? &d[MTE_CLUSTER_PAIR (i, j, n)] : &d[MTE_CLUSTER_PAIR (j, i, n)];
}

/* Runs the nearest-neighbour chain over the distances @d (the triangle,
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
          best = *pair (d, top, nearest, n);
        }
      for (guint i = 0; i < n; i++)
        {
          double dist;

          if (!active[i] || i == top)
            continue;
          dist = *pair (d, top, i, n);
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
              merged = (size[a] * *pair (d, a, k, n) + size[b] * *pair (d, b, k, n)) /
                       (double) (size[a] + size[b]);
              *pair (d, a, k, n) = merged;
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

guint
mte_cluster_average_linkage (double *distances,
                             guint   n,
                             double  max_height,
                             guint  *cluster)
{
  guint *parent, *number, n_clusters = 0;
  Merge *merges;
  const double eps = 1e-12;

  if (n == 0)
    return 0;
  merges = nn_chain (distances, n);
  if (n > 1)
    qsort (merges, n - 1, sizeof (Merge), compare_merges);

  parent = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint m = 0; m + 1 < n; m++)
    {
      if (merges[m].height > max_height + eps)
        break;
      parent[find_root (parent, merges[m].b)] = find_root (parent, merges[m].a);
    }
  g_free (merges);

  /* Number clusters by their first member. */
  number = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    number[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      guint root = find_root (parent, i);

      if (number[root] == G_MAXUINT)
        number[root] = n_clusters++;
      cluster[i] = number[root];
    }
  g_free (number);
  g_free (parent);
  return n_clusters;
}
