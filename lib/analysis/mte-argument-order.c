/* metaethno: the order of the line of argument.
 *
 * Findings are the nodes, argument links the edges. Strongly connected
 * components (Tarjan) with more than one finding are the cycles of a
 * cyclical model; the condensation is a DAG, taken in topological order
 * (Kahn), always choosing among the ready components the one whose
 * earliest finding comes first in project order. Within a component,
 * findings keep project order.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

typedef struct {
  guint   n;
  GArray **out;         /* per node: successor indices */
  int     *index;
  int     *low;
  gboolean *on_stack;
  guint   *stack;
  guint    stack_len;
  int      counter;
  guint   *component;   /* per node */
  guint    n_components;
} Tarjan;

/* Iterative Tarjan, so a long chain of links cannot exhaust the C stack. */
static void
strongconnect (Tarjan *t,
               guint   root)
{
  g_autoptr (GArray) frames = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint frame[2] = { root, 0 };

  g_array_append_val (frames, frame);
  t->index[root] = t->low[root] = t->counter++;
  t->stack[t->stack_len++] = root;
  t->on_stack[root] = TRUE;

  while (frames->len > 0)
    {
      guint *top = &g_array_index (frames, guint, (frames->len - 1) * 2);
      guint v = top[0];
      GArray *succ = t->out[v];

      if (top[1] < succ->len)
        {
          guint w = g_array_index (succ, guint, top[1]++);

          if (t->index[w] < 0)
            {
              guint next[2] = { w, 0 };

              t->index[w] = t->low[w] = t->counter++;
              t->stack[t->stack_len++] = w;
              t->on_stack[w] = TRUE;
              g_array_append_val (frames, next);
            }
          else if (t->on_stack[w])
            t->low[v] = MIN (t->low[v], t->index[w]);
          continue;
        }

      /* v is done. */
      if (t->low[v] == t->index[v])
        {
          guint w;

          do
            {
              w = t->stack[--t->stack_len];
              t->on_stack[w] = FALSE;
              t->component[w] = t->n_components;
            }
          while (w != v);
          t->n_components++;
        }
      g_array_set_size (frames, frames->len - 1);
      if (frames->len > 0)
        {
          guint parent = g_array_index (frames, guint, (frames->len - 1) * 2);
          t->low[parent] = MIN (t->low[parent], t->low[v]);
        }
    }
}

void
mte_argument_order_compute (const MteProject *project,
                            MteArgumentOrder *result)
{
  guint n = project->third_orders->len;
  g_autoptr (GHashTable) node = g_hash_table_new (NULL, NULL);
  Tarjan t = { 0 };
  guint *size, *first, *indegree, *placed_at;
  gboolean *done;
  GArray **comp_out;
  guint pos = 0, cycle_counter = 0;
  int *cycle_of_component;

  result->n = n;
  result->order = g_new (MteThirdOrder *, n + 1);
  result->cycle = g_new (int, n + 1);
  result->n_cycles = 0;

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (node, g_ptr_array_index (project->third_orders, i),
                         GUINT_TO_POINTER (i));
  t.n = n;
  t.out = g_new (GArray *, n + 1);
  for (guint i = 0; i < n; i++)
    t.out[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint l = 0; l < project->argument_links->len; l++)
    {
      MteArgumentLink *link = g_ptr_array_index (project->argument_links, l);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (node, link->from));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (node, link->to));

      g_array_append_val (t.out[from], to);
    }
  t.index = g_new (int, n + 1);
  t.low = g_new (int, n + 1);
  t.on_stack = g_new0 (gboolean, n + 1);
  t.stack = g_new (guint, n + 1);
  t.component = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    t.index[i] = -1;
  for (guint i = 0; i < n; i++)
    if (t.index[i] < 0)
      strongconnect (&t, i);

  /* Components: size, earliest member, edges, in-degrees. */
  size = g_new0 (guint, t.n_components + 1);
  first = g_new (guint, t.n_components + 1);
  indegree = g_new0 (guint, t.n_components + 1);
  done = g_new0 (gboolean, t.n_components + 1);
  comp_out = g_new (GArray *, t.n_components + 1);
  cycle_of_component = g_new (int, t.n_components + 1);
  for (guint c = 0; c < t.n_components; c++)
    {
      first[c] = G_MAXUINT;
      comp_out[c] = g_array_new (FALSE, FALSE, sizeof (guint));
      cycle_of_component[c] = -1;
    }
  for (guint i = 0; i < n; i++)
    {
      guint c = t.component[i];

      size[c]++;
      first[c] = MIN (first[c], i);
      for (guint e = 0; e < t.out[i]->len; e++)
        {
          guint d = t.component[g_array_index (t.out[i], guint, e)];

          if (d != c)
            {
              g_array_append_val (comp_out[c], d);
              indegree[d]++;
            }
        }
    }

  /* Kahn's algorithm, earliest-first among the ready components. The
   * number of findings is small, so a linear scan for the next one is
   * simpler than a heap and fast enough. */
  placed_at = g_new (guint, t.n_components + 1);
  for (guint k = 0; k < t.n_components; k++)
    {
      guint best = G_MAXUINT;

      for (guint c = 0; c < t.n_components; c++)
        if (!done[c] && indegree[c] == 0 && (best == G_MAXUINT || first[c] < first[best]))
          best = c;
      g_assert (best != G_MAXUINT);
      done[best] = TRUE;
      placed_at[k] = best;
      for (guint e = 0; e < comp_out[best]->len; e++)
        indegree[g_array_index (comp_out[best], guint, e)]--;
    }

  for (guint k = 0; k < t.n_components; k++)
    {
      guint c = placed_at[k];

      if (size[c] > 1)
        cycle_of_component[c] = (int) cycle_counter++;
      /* Members of the component in project order. */
      for (guint i = first[c]; i < n; i++)
        if (t.component[i] == c)
          {
            result->order[pos] = g_ptr_array_index (project->third_orders, i);
            result->cycle[pos] = cycle_of_component[c];
            pos++;
          }
    }
  result->n_cycles = cycle_counter;

  for (guint i = 0; i < n; i++)
    g_array_unref (t.out[i]);
  for (guint c = 0; c < t.n_components; c++)
    g_array_unref (comp_out[c]);
  g_free (t.out);
  g_free (t.index);
  g_free (t.low);
  g_free (t.on_stack);
  g_free (t.stack);
  g_free (t.component);
  g_free (size);
  g_free (first);
  g_free (indegree);
  g_free (done);
  g_free (comp_out);
  g_free (cycle_of_component);
  g_free (placed_at);
}

void
mte_argument_order_clear (MteArgumentOrder *order)
{
  g_clear_pointer (&order->order, g_free);
  g_clear_pointer (&order->cycle, g_free);
  order->n = 0;
  order->n_cycles = 0;
}
