/* metaethno: study orders and the choice of an index study.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

#include <string.h>

static const char *const order_names[] = {
  [MTE_STUDY_ORDER_PROJECT] = "project",
  [MTE_STUDY_ORDER_CHRONOLOGICAL] = "chronological",
  [MTE_STUDY_ORDER_INDEX] = "index",
  [MTE_STUDY_ORDER_CUSTOM] = "custom",
};

const char *
mte_study_order_to_string (MteStudyOrder order)
{
  return (guint) order < G_N_ELEMENTS (order_names) ? order_names[order] : NULL;
}

int
mte_study_order_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  for (guint i = 0; i < G_N_ELEMENTS (order_names); i++)
    if (strcmp (order_names[i], name) == 0)
      return (int) i;
  return -1;
}

guint *
mte_study_columns (MteStudy **studies,
                   guint      n_studies)
{
  guint *columns = g_new (guint, n_studies > 0 ? n_studies : 1);

  for (guint i = 0; i < n_studies; i++)
    {
      g_assert (studies[i]->base.index < n_studies);
      columns[studies[i]->base.index] = i;
    }
  return columns;
}

/* Sort keys are computed once per study; ties fall back to project order,
 * which makes every order total and stable. */
typedef struct {
  MteStudy *study;
  guint     primary;   /* smaller first */
  guint     secondary;
  guint     position;  /* project order */
} OrderKey;

static int
compare_keys (gconstpointer pa,
              gconstpointer pb)
{
  const OrderKey *a = pa, *b = pb;

  if (a->primary != b->primary)
    return a->primary < b->primary ? -1 : 1;
  if (a->secondary != b->secondary)
    return a->secondary < b->secondary ? -1 : 1;
  return a->position < b->position ? -1 : a->position > b->position;
}

static guint
year_key (const MteStudy *study)
{
  /* Studies without a year go after every dated one. */
  return study->year > 0 ? (guint) study->year : G_MAXUINT;
}

MteStudy **
mte_project_get_study_order (const MteProject *project,
                             MteStudyOrder     order,
                             guint            *n_studies)
{
  guint n;
  OrderKey *keys;
  MteStudy **result;
  gboolean any_index = FALSE;
  MteStudy *suggested = NULL;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail ((guint) order < G_N_ELEMENTS (order_names), NULL);

  n = project->studies->len;
  keys = g_new (OrderKey, n > 0 ? n : 1);
  if (order == MTE_STUDY_ORDER_INDEX)
    {
      for (guint i = 0; i < n && !any_index; i++)
        any_index = ((MteStudy *) g_ptr_array_index (project->studies, i))->index_study;
      if (!any_index)
        suggested = mte_project_suggest_index_study (project);
    }

  for (guint i = 0; i < n; i++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, i);
      OrderKey *key = &keys[i];

      key->study = study;
      key->position = i;
      key->primary = 0;
      key->secondary = 0;
      switch (order)
        {
        case MTE_STUDY_ORDER_PROJECT:
          break;
        case MTE_STUDY_ORDER_CHRONOLOGICAL:
          key->primary = year_key (study);
          break;
        case MTE_STUDY_ORDER_INDEX:
          key->primary = (any_index ? study->index_study : study == suggested) ? 0 : 1;
          key->secondary = year_key (study);
          break;
        case MTE_STUDY_ORDER_CUSTOM:
          key->primary = study->position > 0 ? study->position : G_MAXUINT;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  qsort (keys, n, sizeof (OrderKey), compare_keys);

  result = g_new (MteStudy *, n + 1);
  for (guint i = 0; i < n; i++)
    result[i] = keys[i].study;
  result[n] = NULL;
  g_free (keys);
  if (n_studies != NULL)
    *n_studies = n;
  return result;
}

MteStudy *
mte_project_suggest_index_study (const MteProject *project)
{
  g_autoptr (GHashTable) concepts_of = NULL;   /* study → GHashTable set of concepts */
  MteStudy *best = NULL;
  guint best_concepts = 0, best_second = 0, best_first = 0;

  g_return_val_if_fail (project != NULL, NULL);

  concepts_of = g_hash_table_new_full (NULL, NULL, NULL,
                                       (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < project->concepts->len; i++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, i);

      for (guint e = 0; concept->expressions != NULL && e < concept->expressions->len; e++)
        {
          MteConstruct *construct = g_ptr_array_index (concept->expressions, e);
          GHashTable *set = g_hash_table_lookup (concepts_of, construct->study);

          if (set == NULL)
            {
              set = g_hash_table_new (NULL, NULL);
              g_hash_table_insert (concepts_of, construct->study, set);
            }
          g_hash_table_add (set, concept);
        }
    }

  for (guint i = 0; i < project->studies->len; i++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, i);
      GHashTable *set = g_hash_table_lookup (concepts_of, study);
      guint n_concepts = set != NULL ? g_hash_table_size (set) : 0;
      guint n_second = 0, n_first = 0;

      for (guint c = 0; c < study->constructs->len; c++)
        {
          MteConstruct *construct = g_ptr_array_index (study->constructs, c);

          if (construct->order == MTE_CONSTRUCT_SECOND_ORDER)
            n_second++;
          else
            n_first++;
        }
      if (best == NULL || n_concepts > best_concepts ||
          (n_concepts == best_concepts &&
           (n_second > best_second ||
            (n_second == best_second && n_first > best_first))))
        {
          best = study;
          best_concepts = n_concepts;
          best_second = n_second;
          best_first = n_first;
        }
    }
  return best;
}

typedef struct {
  gpointer item;
  guint64  position;
} Ranked;

/* Project order within one kind of entity: a construct stands after the
 * constructs of earlier studies and its study's earlier constructs; any
 * other entity where its project table has it. */
static guint64
project_position (const MteEntity *entity)
{
  if (entity->kind == MTE_ENTITY_CONSTRUCT)
    return (guint64) ((const MteConstruct *) entity)->study->base.index << 32 | entity->index;
  return entity->index;
}

static int
compare_ranked (const void *pa,
                const void *pb)
{
  const Ranked *a = pa, *b = pb;

  return a->position < b->position ? -1 : a->position > b->position;
}

void
mte_sort_unique (GPtrArray *array)
{
  Ranked *ranked;
  guint kept = 0;

  if (array->len < 2)
    return;
  ranked = g_new (Ranked, array->len);
  for (guint i = 0; i < array->len; i++)
    {
      ranked[i].item = g_ptr_array_index (array, i);
      ranked[i].position = project_position (ranked[i].item);
    }
  qsort (ranked, array->len, sizeof (Ranked), compare_ranked);
  for (guint i = 0; i < array->len; i++)
    if (kept == 0 || ranked[i].item != array->pdata[kept - 1])
      array->pdata[kept++] = ranked[i].item;
  g_ptr_array_set_size (array, kept);
  g_free (ranked);
}
