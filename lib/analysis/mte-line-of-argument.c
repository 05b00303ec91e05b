/* metaethno: the line-of-argument synthesis, finding by finding.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

#define N_GROUNDING 5

typedef struct {
  MteThirdOrder *finding;
  GPtrArray     *lists[N_GROUNDING];   /* borrowed entities, project order */
  int            cycle;
  gboolean       flagged;
} Finding;

struct _MteLineOfArgument {
  const MteProject *project;
  Finding          *findings;
  guint             n_findings;
  guint             n_cycles;
  GPtrArray        *unused_concepts;
  guint             studies_covered;
  guint             concepts_covered;
};

/* A refutational translation filed under one of its sides. */
typedef struct {
  const MteEntity *side;
  MteTranslation  *translation;
} Refutation;

typedef struct {
  Refutation *items;         /* sorted by side (address) */
  guint       n;
} Refutations;

static int
compare_sides (const void *pa,
               const void *pb)
{
  guintptr a = (guintptr) ((const Refutation *) pa)->side;
  guintptr b = (guintptr) ((const Refutation *) pb)->side;

  return a < b ? -1 : a > b;
}

/* Files each refutational translation under both its sides, in one block
 * sorted by address: the order found does not matter, since grounding
 * lists are sorted in project order afterwards. */
static void
index_refutations (const MteProject *project,
                   Refutations      *out)
{
  out->items = g_new (Refutation, 2 * project->translations->len + 1);
  out->n = 0;
  for (guint i = 0; i < project->translations->len; i++)
    {
      MteTranslation *t = g_ptr_array_index (project->translations, i);

      if (t->kind != MTE_TRANSLATION_REFUTATIONAL)
        continue;
      out->items[out->n++] = (Refutation) { t->source, t };
      out->items[out->n++] = (Refutation) { t->target, t };
    }
  qsort (out->items, out->n, sizeof (Refutation), compare_sides);
}

static void
add_refutations (GPtrArray         *out,
                 const Refutations *refutations,
                 gconstpointer      side)
{
  guint lo = 0, hi = refutations->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guintptr) refutations->items[mid].side < (guintptr) side)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < refutations->n && refutations->items[lo].side == side; lo++)
    g_ptr_array_add (out, refutations->items[lo].translation);
}

/* Appends to @studies those of @a and @b, each in project order, so that
 * their studies come in project order too: a merge of the two runs, less
 * repeats, does what sorting every construct's study would. */
static void
merge_studies (GPtrArray *studies,
               GPtrArray *a,
               GPtrArray *b)
{
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      MteStudy *from_a = i < a->len ? ((MteConstruct *) g_ptr_array_index (a, i))->study : NULL;
      MteStudy *from_b = j < b->len ? ((MteConstruct *) g_ptr_array_index (b, j))->study : NULL;
      MteStudy *next;

      if (from_b == NULL || (from_a != NULL && from_a->base.index <= from_b->base.index))
        {
          next = from_a;
          i++;
        }
      else
        {
          next = from_b;
          j++;
        }
      if (studies->len == 0 || g_ptr_array_index (studies, studies->len - 1) != next)
        g_ptr_array_add (studies, next);
    }
}

static void
ground (Finding           *f,
        const Refutations *refutations)
{
  GPtrArray *studies = f->lists[MTE_GROUNDING_STUDIES];
  GPtrArray *concepts = f->lists[MTE_GROUNDING_CONCEPTS];
  GPtrArray *constructs = f->lists[MTE_GROUNDING_CONSTRUCTS];
  GPtrArray *quotes = f->lists[MTE_GROUNDING_QUOTES];
  GPtrArray *refuting = f->lists[MTE_GROUNDING_REFUTATIONS];
  GPtrArray *basis = f->finding->basis;

  for (guint i = 0; basis != NULL && i < basis->len; i++)
    {
      MteEntity *entity = g_ptr_array_index (basis, i);

      if (entity->kind == MTE_ENTITY_CONCEPT)
        {
          MteConcept *concept = (MteConcept *) entity;

          g_ptr_array_add (concepts, concept);
          if (concept->expressions != NULL)
            g_ptr_array_extend (constructs, concept->expressions, NULL, NULL);
        }
      else if (((MteConstruct *) entity)->order == MTE_CONSTRUCT_SECOND_ORDER)
        g_ptr_array_add (constructs, entity);
      else
        g_ptr_array_add (quotes, entity);
    }
  mte_sort_unique (concepts);
  mte_sort_unique (constructs);

  for (guint i = 0; i < constructs->len; i++)
    {
      MteConstruct *construct = g_ptr_array_index (constructs, i);

      if (construct->groundings != NULL)
        g_ptr_array_extend (quotes, construct->groundings, NULL, NULL);
      add_refutations (refuting, refutations, construct);
    }
  mte_sort_unique (quotes);
  for (guint i = 0; i < quotes->len; i++)
    add_refutations (refuting, refutations, g_ptr_array_index (quotes, i));
  for (guint i = 0; i < concepts->len; i++)
    add_refutations (refuting, refutations, g_ptr_array_index (concepts, i));
  merge_studies (studies, constructs, quotes);
  mte_sort_unique (refuting);
}

MteLineOfArgument *
mte_line_of_argument_new (const MteProject *project,
                          guint             min_studies)
{
  MteLineOfArgument *loa;
  MteArgumentOrder order;
  Refutations refutations;
  g_autofree gboolean *study_seen = NULL;   /* by study index */
  g_autofree gboolean *concept_seen = NULL; /* by concept index */

  g_return_val_if_fail (project != NULL, NULL);

  loa = g_new0 (MteLineOfArgument, 1);
  loa->project = project;
  mte_argument_order_compute (project, &order);
  loa->n_findings = order.n;
  loa->n_cycles = order.n_cycles;
  loa->findings = g_new0 (Finding, order.n + 1);
  index_refutations (project, &refutations);
  study_seen = g_new0 (gboolean, project->studies->len + 1);
  concept_seen = g_new0 (gboolean, project->concepts->len + 1);

  for (guint i = 0; i < order.n; i++)
    {
      Finding *f = &loa->findings[i];

      f->finding = order.order[i];
      f->cycle = order.cycle[i];
      for (guint k = 0; k < N_GROUNDING; k++)
        f->lists[k] = g_ptr_array_new ();
      ground (f, &refutations);
      f->flagged = f->lists[MTE_GROUNDING_STUDIES]->len < min_studies;
      for (guint k = 0; k < f->lists[MTE_GROUNDING_STUDIES]->len; k++)
        {
          MteEntity *study = g_ptr_array_index (f->lists[MTE_GROUNDING_STUDIES], k);

          loa->studies_covered += !study_seen[study->index];
          study_seen[study->index] = TRUE;
        }
      for (guint k = 0; k < f->lists[MTE_GROUNDING_CONCEPTS]->len; k++)
        {
          MteEntity *concept = g_ptr_array_index (f->lists[MTE_GROUNDING_CONCEPTS], k);

          loa->concepts_covered += !concept_seen[concept->index];
          concept_seen[concept->index] = TRUE;
        }
    }
  mte_argument_order_clear (&order);
  g_free (refutations.items);

  loa->unused_concepts = g_ptr_array_new ();
  for (guint i = 0; i < project->concepts->len; i++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, i);

      if (!concept_seen[i])
        g_ptr_array_add (loa->unused_concepts, concept);
    }
  return loa;
}

void
mte_line_of_argument_free (MteLineOfArgument *loa)
{
  if (loa == NULL)
    return;
  for (guint i = 0; i < loa->n_findings; i++)
    for (guint k = 0; k < N_GROUNDING; k++)
      g_ptr_array_unref (loa->findings[i].lists[k]);
  g_free (loa->findings);
  g_ptr_array_unref (loa->unused_concepts);
  g_free (loa);
}

guint
mte_line_of_argument_get_n_findings (const MteLineOfArgument *loa)
{
  g_return_val_if_fail (loa != NULL, 0);
  return loa->n_findings;
}

MteThirdOrder *
mte_line_of_argument_get_finding (const MteLineOfArgument *loa,
                                  guint                    index)
{
  g_return_val_if_fail (loa != NULL, NULL);
  g_return_val_if_fail (index < loa->n_findings, NULL);
  return loa->findings[index].finding;
}

guint
mte_line_of_argument_get_n_grounding (const MteLineOfArgument *loa,
                                      guint                    index,
                                      MteGroundingKind         kind)
{
  g_return_val_if_fail (loa != NULL, 0);
  g_return_val_if_fail (index < loa->n_findings, 0);
  g_return_val_if_fail ((guint) kind < N_GROUNDING, 0);
  return loa->findings[index].lists[kind]->len;
}

MteEntity *
mte_line_of_argument_get_grounding (const MteLineOfArgument *loa,
                                    guint                    index,
                                    MteGroundingKind         kind,
                                    guint                    item)
{
  GPtrArray *list;

  g_return_val_if_fail (loa != NULL, NULL);
  g_return_val_if_fail (index < loa->n_findings, NULL);
  g_return_val_if_fail ((guint) kind < N_GROUNDING, NULL);
  list = loa->findings[index].lists[kind];
  g_return_val_if_fail (item < list->len, NULL);
  return g_ptr_array_index (list, item);
}

gboolean
mte_line_of_argument_is_flagged (const MteLineOfArgument *loa,
                                 guint                    index)
{
  g_return_val_if_fail (loa != NULL, FALSE);
  g_return_val_if_fail (index < loa->n_findings, FALSE);
  return loa->findings[index].flagged;
}

int
mte_line_of_argument_get_cycle (const MteLineOfArgument *loa,
                                guint                    index)
{
  g_return_val_if_fail (loa != NULL, -1);
  g_return_val_if_fail (index < loa->n_findings, -1);
  return loa->findings[index].cycle;
}

guint
mte_line_of_argument_get_n_cycles (const MteLineOfArgument *loa)
{
  g_return_val_if_fail (loa != NULL, 0);
  return loa->n_cycles;
}

guint
mte_line_of_argument_get_n_unused_concepts (const MteLineOfArgument *loa)
{
  g_return_val_if_fail (loa != NULL, 0);
  return loa->unused_concepts->len;
}

MteConcept *
mte_line_of_argument_get_unused_concept (const MteLineOfArgument *loa,
                                         guint                    index)
{
  g_return_val_if_fail (loa != NULL, NULL);
  g_return_val_if_fail (index < loa->unused_concepts->len, NULL);
  return g_ptr_array_index (loa->unused_concepts, index);
}

static double
share (guint  covered,
       guint  total,
       guint *covered_out,
       guint *total_out)
{
  if (covered_out != NULL)
    *covered_out = covered;
  if (total_out != NULL)
    *total_out = total;
  return total == 0 ? 0.0 : (double) covered / (double) total;
}

double
mte_line_of_argument_get_study_coverage (const MteLineOfArgument *loa,
                                         guint                   *covered,
                                         guint                   *total)
{
  g_return_val_if_fail (loa != NULL, 0.0);
  return share (loa->studies_covered, loa->project->studies->len, covered, total);
}

double
mte_line_of_argument_get_concept_coverage (const MteLineOfArgument *loa,
                                           guint                   *covered,
                                           guint                   *total)
{
  g_return_val_if_fail (loa != NULL, 0.0);
  return share (loa->concepts_covered, loa->project->concepts->len, covered, total);
}

char **
mte_line_of_argument_get_levels (const MteLineOfArgument *loa,
                                 guint                    index,
                                 const MteFramework      *framework)
{
  const Finding *f;
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();

  g_return_val_if_fail (loa != NULL, NULL);
  g_return_val_if_fail (index < loa->n_findings, NULL);
  g_return_val_if_fail (framework != NULL, NULL);

  f = &loa->findings[index];
  for (guint l = 0; l < framework->levels->len; l++)
    {
      MteLevel *level = g_ptr_array_index (framework->levels, l);
      GPtrArray *levels = g_hash_table_lookup (framework->by_entity, f->finding);
      gboolean hit = levels != NULL && g_ptr_array_find (levels, level, NULL);

      for (guint b = 0; !hit && f->finding->basis != NULL && b < f->finding->basis->len; b++)
        {
          levels = g_hash_table_lookup (framework->by_entity,
                                        g_ptr_array_index (f->finding->basis, b));
          hit = levels != NULL && g_ptr_array_find (levels, level, NULL);
        }
      if (hit)
        g_ptr_array_add (keys, g_strdup (level->key));
    }
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_steal (keys, NULL);
}
