/* metaethno: suggested groupings of concepts into third-order constructs.
 *
 * Suggestions are computed, never recorded: a grouping reaches the project
 * only through mte_suggestions_accept(), a reviewer's decision.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"
#include "mte-analysis-private.h"

typedef struct {
  GPtrArray *concepts;       /* project order */
  double     affinity;
  guint      n_studies;
  guint      n_translations;
  guint      first;          /* index of the first concept, for ordering */
} Group;

struct _MteSuggestions {
  const MteProject *project;  /* borrowed: results live no longer */
  GArray *groups;            /* Group */
};

static void
clear_group (gpointer data)
{
  g_ptr_array_unref (((Group *) data)->concepts);
}

/* The concepts a translation side stands for: itself, or those the
 * construct expresses. */
static void
side_concepts (MteEntity  *side,
               GHashTable *concepts_of_construct,
               GHashTable *index,
               GArray     *out)
{
  g_array_set_size (out, 0);
  if (side->kind == MTE_ENTITY_CONCEPT)
    {
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, side)) - 1;
      g_array_append_val (out, i);
    }
  else
    {
      GArray *list = g_hash_table_lookup (concepts_of_construct, side);

      if (list != NULL)
        g_array_append_vals (out, list->data, list->len);
    }
}

static int
compare_groups (const void *pa,
                const void *pb)
{
  const Group *a = pa, *b = pb;

  if (a->affinity != b->affinity)
    return a->affinity > b->affinity ? -1 : 1;
  if (a->concepts->len != b->concepts->len)
    return a->concepts->len > b->concepts->len ? -1 : 1;
  return a->first < b->first ? -1 : a->first > b->first;
}

MteSuggestions *
mte_suggestions_new (const MteProject *project,
                     double            threshold)
{
  MteSuggestions *s;
  guint n;
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) concepts_of_construct =
    g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) concepts_of_study =
    g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr (GArray) a_side = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) b_side = g_array_new (FALSE, FALSE, sizeof (guint));
  guint *shared, *n_studies, *cluster;
  gint8 *link;               /* +1 reciprocal, -1 refutational, 0 none */
  double *affinity, *distance;
  guint n_clusters;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (threshold >= 0.0 && threshold <= 1.0, NULL);

  s = g_new0 (MteSuggestions, 1);
  s->project = project;
  s->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_array_set_clear_func (s->groups, clear_group);
  n = project->concepts->len;
  if (n < 2)
    return s;

  /* Which concepts each construct and each study expresses. */
  for (guint i = 0; i < n; i++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, i);

      g_hash_table_insert (index, concept, GUINT_TO_POINTER (i + 1));
      for (guint e = 0; e < mte_construct_list_len (concept->expressions); e++)
        {
          MteConstruct *construct = mte_construct_list_get (concept->expressions, e);
          GArray *by_construct = g_hash_table_lookup (concepts_of_construct, construct);
          GArray *by_study;

          /* An excluded study's expressions, and the translations from its
           * constructs, suggest nothing. */
          if (mte_study_excluded (construct->study))
            continue;
          by_study = g_hash_table_lookup (concepts_of_study, construct->study);
          if (by_construct == NULL)
            {
              by_construct = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (concepts_of_construct, construct, by_construct);
            }
          g_array_append_val (by_construct, i);
          if (by_study == NULL)
            {
              by_study = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (concepts_of_study, construct->study, by_study);
            }
          if (by_study->len == 0 || g_array_index (by_study, guint, by_study->len - 1) != i)
            g_array_append_val (by_study, i);
        }
    }

  /* Studies per concept and studies shared by each pair. */
  shared = g_new0 (guint, (gsize) n * n);
  n_studies = g_new0 (guint, n);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, concepts_of_study);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GArray *list = value;   /* ascending, unique: concepts were walked in order */

        for (guint x = 0; x < list->len; x++)
          {
            guint a = g_array_index (list, guint, x);

            n_studies[a]++;
            for (guint y = x + 1; y < list->len; y++)
              {
                guint b = g_array_index (list, guint, y);

                shared[(gsize) a * n + b]++;
                shared[(gsize) b * n + a]++;
              }
          }
      }
  }

  /* Translations joining concepts. */
  link = g_new0 (gint8, (gsize) n * n);
  for (guint t = 0; t < project->translations->len; t++)
    {
      MteTranslation *tr = g_ptr_array_index (project->translations, t);

      side_concepts (tr->source, concepts_of_construct, index, a_side);
      side_concepts (tr->target, concepts_of_construct, index, b_side);
      for (guint x = 0; x < a_side->len; x++)
        for (guint y = 0; y < b_side->len; y++)
          {
            guint a = g_array_index (a_side, guint, x);
            guint b = g_array_index (b_side, guint, y);

            if (a == b)
              continue;
            if (tr->kind == MTE_TRANSLATION_REFUTATIONAL)
              link[(gsize) a * n + b] = link[(gsize) b * n + a] = -1;
            else if (link[(gsize) a * n + b] == 0)
              link[(gsize) a * n + b] = link[(gsize) b * n + a] = 1;
          }
    }

  affinity = g_new (double, (gsize) n * n);
  distance = g_new (double, MTE_CLUSTER_N_PAIRS (n));
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      {
        gsize ab = (gsize) a * n + b;
        guint either = n_studies[a] + n_studies[b] - shared[ab];
        double value = either == 0 ? 0.0 : (double) shared[ab] / either;

        if (link[ab] > 0)
          value = 1.0;
        else if (link[ab] < 0)
          value = 0.0;
        affinity[ab] = a == b ? 1.0 : value;
        if (a < b)
          distance[MTE_CLUSTER_PAIR (a, b, n)] = 1.0 - affinity[ab];
      }
  cluster = g_new (guint, n);
  n_clusters = mte_cluster_average_linkage (distance, n, 1.0 - threshold, cluster);
  g_free (distance);

  for (guint c = 0; c < n_clusters; c++)
    {
      Group group = { 0 };
      double sum = 0.0;
      guint pairs = 0;
      gboolean covered = FALSE;

      group.concepts = g_ptr_array_new ();
      group.first = G_MAXUINT;
      for (guint i = 0; i < n; i++)
        if (cluster[i] == c)
          {
            g_ptr_array_add (group.concepts, g_ptr_array_index (project->concepts, i));
            group.first = MIN (group.first, i);
          }
      if (group.concepts->len < 2)
        {
          clear_group (&group);
          continue;
        }

      /* Skip a group already within one finding's basis. */
      for (guint t = 0; t < project->third_orders->len && !covered; t++)
        {
          MteThirdOrder *third = g_ptr_array_index (project->third_orders, t);

          covered = third->basis != NULL;
          for (guint k = 0; covered && k < group.concepts->len; k++)
            covered = g_ptr_array_find (third->basis, g_ptr_array_index (group.concepts, k), NULL);
        }
      if (covered)
        {
          clear_group (&group);
          continue;
        }

      for (guint x = 0; x < n; x++)
        for (guint y = x + 1; cluster[x] == c && y < n; y++)
          if (cluster[y] == c)
            {
              sum += affinity[(gsize) x * n + y];
              pairs++;
            }
      group.affinity = sum / pairs;

      /* Evidence: studies expressing two or more of the group's concepts,
       * reciprocal translations joining two of them. */
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, concepts_of_study);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            GArray *list = value;
            guint hits = 0;

            for (guint k = 0; k < list->len; k++)
              hits += cluster[g_array_index (list, guint, k)] == c;
            group.n_studies += hits >= 2;
          }
      }
      for (guint t = 0; t < project->translations->len; t++)
        {
          MteTranslation *tr = g_ptr_array_index (project->translations, t);
          gboolean joins = FALSE;

          if (tr->kind != MTE_TRANSLATION_RECIPROCAL)
            continue;
          side_concepts (tr->source, concepts_of_construct, index, a_side);
          side_concepts (tr->target, concepts_of_construct, index, b_side);
          for (guint x = 0; x < a_side->len && !joins; x++)
            for (guint y = 0; y < b_side->len && !joins; y++)
              {
                guint a = g_array_index (a_side, guint, x);
                guint b = g_array_index (b_side, guint, y);

                joins = a != b && cluster[a] == c && cluster[b] == c;
              }
          group.n_translations += joins;
        }
      g_array_append_val (s->groups, group);
    }

  if (s->groups->len > 1)
    qsort (s->groups->data, s->groups->len, sizeof (Group), compare_groups);
  g_free (cluster);
  g_free (affinity);
  g_free (link);
  g_free (shared);
  g_free (n_studies);
  return s;
}

void
mte_suggestions_free (MteSuggestions *suggestions)
{
  if (suggestions == NULL)
    return;
  g_array_unref (suggestions->groups);
  g_free (suggestions);
}

static const Group *
group_at (const MteSuggestions *suggestions,
          guint                 index)
{
  g_return_val_if_fail (suggestions != NULL, NULL);
  g_return_val_if_fail (index < suggestions->groups->len, NULL);
  return &g_array_index (suggestions->groups, Group, index);
}

guint
mte_suggestions_get_n (const MteSuggestions *suggestions)
{
  g_return_val_if_fail (suggestions != NULL, 0);
  return suggestions->groups->len;
}

guint
mte_suggestions_get_n_concepts (const MteSuggestions *suggestions,
                                guint                 index)
{
  const Group *g = group_at (suggestions, index);
  return g != NULL ? g->concepts->len : 0;
}

MteConcept *
mte_suggestions_get_concept (const MteSuggestions *suggestions,
                             guint                 index,
                             guint                 item)
{
  const Group *g = group_at (suggestions, index);

  g_return_val_if_fail (g != NULL && item < g->concepts->len, NULL);
  return g_ptr_array_index (g->concepts, item);
}

double
mte_suggestions_get_affinity (const MteSuggestions *suggestions,
                              guint                 index)
{
  const Group *g = group_at (suggestions, index);
  return g != NULL ? g->affinity : 0.0;
}

guint
mte_suggestions_get_n_studies (const MteSuggestions *suggestions,
                               guint                 index)
{
  const Group *g = group_at (suggestions, index);
  return g != NULL ? g->n_studies : 0;
}

guint
mte_suggestions_get_n_translations (const MteSuggestions *suggestions,
                                    guint                 index)
{
  const Group *g = group_at (suggestions, index);
  return g != NULL ? g->n_translations : 0;
}

MteThirdOrder *
mte_suggestions_accept (const MteSuggestions *suggestions,
                        guint                 index,
                        MteProject           *project,
                        const char           *id,
                        const char           *label,
                        GError              **error)
{
  const Group *g = group_at (suggestions, index);
  MteThirdOrder *third;

  g_return_val_if_fail (g != NULL, NULL);
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  /* Guard against a suggestion computed from another project. (After the
   * project changed, suggestions must not be used at all: see the header.) */
  for (guint k = 0; k < g->concepts->len; k++)
    {
      MteConcept *concept = g_ptr_array_index (g->concepts, k);

      if (mte_project_lookup_concept (project, concept->base.id) != concept)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                       "suggestion %u names concept '%s', which is not in "
                       "this project", index, concept->base.id);
          return NULL;
        }
    }
  third = mte_project_add_third_order (project, id, label, error);
  if (third == NULL)
    return NULL;
  for (guint k = 0; k < g->concepts->len; k++)
    mte_third_order_add_basis (third, ((MteEntity *) g_ptr_array_index (g->concepts, k))->id,
                               NULL);
  return third;
}

const MteProject *
mte_suggestions_get_project (const MteSuggestions *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->project;
}
