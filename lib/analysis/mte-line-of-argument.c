/* metaethno: the line-of-argument synthesis, finding by finding.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

#define N_GROUNDING 5

typedef struct {
  MteThirdOrder *finding;
  guint          start[N_GROUNDING];   /* each list's run in loa->items */
  guint          len[N_GROUNDING];
  int            cycle;
  gboolean       flagged;
} Finding;

struct _MteLineOfArgument {
  const MteProject *project;
  Finding          *findings;
  GPtrArray        *items;             /* every finding's grounding lists,
                                        * borrowed, each in project order */
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
  out->items = g_new (Refutation, 2 * project->refutations->len + 1);
  out->n = 0;
  for (guint i = 0; i < project->refutations->len; i++)
    {
      MteTranslation *t = g_ptr_array_index (project->refutations, i);

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

static int
compare_refs (const void *pa,
              const void *pb)
{
  guint64 a = mte_construct_ref_position (pa), b = mte_construct_ref_position (pb);

  return a < b ? -1 : a > b;
}

/* Sorts @refs in project order, drops repeats, and appends the
 * constructs to @out. The positions travel with the references, so no
 * construct is read. */
static void
sort_refs_into (GArray    *refs,
                GPtrArray *out)
{
  MteConstructRef *items = (MteConstructRef *) refs->data;

  if (refs->len > 1)
    qsort (items, refs->len, sizeof (MteConstructRef), compare_refs);
  for (guint i = 0; i < refs->len; i++)
    if (i == 0 || items[i].construct != items[i - 1].construct)
      g_ptr_array_add (out, items[i].construct);
}

static void
append_ref (GArray       *refs,
            MteConstruct *construct)
{
  MteConstructRef ref = mte_construct_ref_of (construct);

  g_array_append_val (refs, ref);
}

/* Appends to @studies the studies of @a and @b, each sorted in project
 * order, without repeats, so that the studies come in project order too:
 * a merge of the two runs does what sorting every study would. Their
 * indexes go to @indexes. */
static void
merge_studies (const MteProject *project,
               GPtrArray        *studies,
               GArray           *indexes,
               const GArray     *a,
               const GArray     *b)
{
  const MteConstructRef *ra = (const MteConstructRef *) a->data;
  const MteConstructRef *rb = (const MteConstructRef *) b->data;
  guint i = 0, j = 0, last = G_MAXUINT;

  while (i < a->len || j < b->len)
    {
      guint next;

      if (j == b->len || (i < a->len && ra[i].study <= rb[j].study))
        next = ra[i++].study;
      else
        next = rb[j++].study;
      if (next != last)
        {
          g_ptr_array_add (studies, g_ptr_array_index (project->studies, next));
          g_array_append_val (indexes, next);
        }
      last = next;
    }
}

/* Working lists, emptied for each finding and kept from one to the next,
 * so that a synthesis allocates a few blocks however many findings. */
typedef struct {
  GPtrArray *lists[N_GROUNDING];
  GArray    *constructs;          /* MteConstructRef */
  GArray    *quotes;              /* MteConstructRef */
  GArray    *study_indexes;       /* guint, of lists[MTE_GROUNDING_STUDIES] */
} Scratch;

/* Fills @scratch with the grounding of @finding. */
static void
ground (const MteProject    *project,
        const MteThirdOrder *finding,
        const Refutations   *refutations,
        Scratch             *scratch)
{
  GPtrArray *studies = scratch->lists[MTE_GROUNDING_STUDIES];
  GPtrArray *concepts = scratch->lists[MTE_GROUNDING_CONCEPTS];
  GPtrArray *constructs = scratch->lists[MTE_GROUNDING_CONSTRUCTS];
  GPtrArray *quotes = scratch->lists[MTE_GROUNDING_QUOTES];
  GPtrArray *refuting = scratch->lists[MTE_GROUNDING_REFUTATIONS];
  GPtrArray *basis = finding->basis;
  GArray *construct_refs = scratch->constructs, *quote_refs = scratch->quotes;

  for (guint k = 0; k < N_GROUNDING; k++)
    g_ptr_array_set_size (scratch->lists[k], 0);
  g_array_set_size (construct_refs, 0);
  g_array_set_size (quote_refs, 0);
  g_array_set_size (scratch->study_indexes, 0);
  for (guint i = 0; basis != NULL && i < basis->len; i++)
    {
      MteEntity *entity = g_ptr_array_index (basis, i);

      if (entity->kind == MTE_ENTITY_CONCEPT)
        {
          MteConcept *concept = (MteConcept *) entity;
          guint n = mte_construct_list_len (concept->expressions);

          g_ptr_array_add (concepts, concept);
          if (n > 0)
            g_array_append_vals (construct_refs, concept->expressions->items, n);
        }
      else if (((MteConstruct *) entity)->order == MTE_CONSTRUCT_SECOND_ORDER)
        append_ref (construct_refs, (MteConstruct *) entity);
      else
        append_ref (quote_refs, (MteConstruct *) entity);
    }
  mte_sort_unique (concepts);
  /* Both runs stay sorted, repeats and all, for merge_studies(). */
  sort_refs_into (construct_refs, constructs);

  for (guint i = 0; i < constructs->len; i++)
    {
      MteConstruct *construct = g_ptr_array_index (constructs, i);
      guint n = mte_construct_list_len (construct->groundings);

      if (n > 0)
        g_array_append_vals (quote_refs, construct->groundings->items, n);
      add_refutations (refuting, refutations, construct);
    }
  sort_refs_into (quote_refs, quotes);
  for (guint i = 0; i < quotes->len; i++)
    add_refutations (refuting, refutations, g_ptr_array_index (quotes, i));
  for (guint i = 0; i < concepts->len; i++)
    add_refutations (refuting, refutations, g_ptr_array_index (concepts, i));
  merge_studies (project, studies, scratch->study_indexes, construct_refs, quote_refs);
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
  Scratch scratch;

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
  loa->items = g_ptr_array_new ();
  for (guint k = 0; k < N_GROUNDING; k++)
    scratch.lists[k] = g_ptr_array_new ();
  scratch.constructs = g_array_new (FALSE, FALSE, sizeof (MteConstructRef));
  scratch.quotes = g_array_new (FALSE, FALSE, sizeof (MteConstructRef));
  scratch.study_indexes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < order.n; i++)
    {
      Finding *f = &loa->findings[i];
      GPtrArray *concepts = scratch.lists[MTE_GROUNDING_CONCEPTS];

      f->finding = order.order[i];
      f->cycle = order.cycle[i];
      ground (project, f->finding, &refutations, &scratch);
      for (guint k = 0; k < N_GROUNDING; k++)
        {
          f->start[k] = loa->items->len;
          f->len[k] = scratch.lists[k]->len;
          g_ptr_array_extend (loa->items, scratch.lists[k], NULL, NULL);
        }
      f->flagged = f->len[MTE_GROUNDING_STUDIES] < min_studies;
      for (guint k = 0; k < scratch.study_indexes->len; k++)
        {
          guint s = g_array_index (scratch.study_indexes, guint, k);

          loa->studies_covered += !study_seen[s];
          study_seen[s] = TRUE;
        }
      for (guint k = 0; k < concepts->len; k++)
        {
          MteEntity *concept = g_ptr_array_index (concepts, k);

          loa->concepts_covered += !concept_seen[concept->index];
          concept_seen[concept->index] = TRUE;
        }
    }
  mte_argument_order_clear (&order);
  g_free (refutations.items);
  for (guint k = 0; k < N_GROUNDING; k++)
    g_ptr_array_unref (scratch.lists[k]);
  g_array_unref (scratch.constructs);
  g_array_unref (scratch.quotes);
  g_array_unref (scratch.study_indexes);

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
  g_ptr_array_unref (loa->items);
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
  return loa->findings[index].len[kind];
}

MteEntity *
mte_line_of_argument_get_grounding (const MteLineOfArgument *loa,
                                    guint                    index,
                                    MteGroundingKind         kind,
                                    guint                    item)
{
  const Finding *f;

  g_return_val_if_fail (loa != NULL, NULL);
  g_return_val_if_fail (index < loa->n_findings, NULL);
  g_return_val_if_fail ((guint) kind < N_GROUNDING, NULL);
  f = &loa->findings[index];
  g_return_val_if_fail (item < f->len[kind], NULL);
  return g_ptr_array_index (loa->items, f->start[kind] + item);
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
