/* metaethno: the line-of-argument synthesis, finding by finding.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

#include <string.h>

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
  guint             n_studies;         /* included studies */
  guint             concepts_covered;
};

/* The refutational translations filed under both their sides, in a
 * hash table of chained entries: one probe per look-up, which most
 * constructs end at an empty bucket, and a build linear in the
 * refutations. */
typedef struct {
  const MteEntity *side;
  MteTranslation  *translation;
  guint            next;     /* next entry in the bucket; G_MAXUINT: none */
} Refutation;

typedef struct {
  Refutation *items;
  guint      *heads;         /* per bucket: first entry; G_MAXUINT: none */
  guint       bits;          /* log2 of the number of buckets */
} Refutations;

static guint
side_bucket (gconstpointer side,
             guint         bits)
{
  /* Fibonacci hashing: the top @bits bits of the address times 2^64 / phi. */
  return (guint) (((guint64) (guintptr) side * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));
}

/* Whether a side is a construct of an excluded study: the translation
 * then has left the review with it, as removing the study would take it. */
static gboolean
side_left_out (const MteRefutationSide *side,
               const gboolean          *left_out)
{
  return side->kind == MTE_ENTITY_CONSTRUCT && left_out[side->study];
}

static void
index_refutations (const MteProject *project,
                   const gboolean   *left_out,
                   Refutations      *out)
{
  guint n_sides = 2 * project->refutations->len, n = 0;

  /* At least four buckets per side keeps most look-ups at an empty one
   * (past 2^30 buckets, the chains grow instead). */
  out->bits = 4;
  while (out->bits < 30 && ((guint64) 1 << out->bits) < 4 * (guint64) n_sides)
    out->bits++;
  out->heads = g_new (guint, 1u << out->bits);
  memset (out->heads, 0xff, sizeof (guint) << out->bits);
  out->items = g_new (Refutation, n_sides + 1);
  for (guint i = 0; i < project->refutations->len; i++)
    {
      const MteRefutation *r = &g_array_index (project->refutations, MteRefutation, i);
      const MteEntity *sides[2] = { r->source.entity, r->target.entity };

      if (side_left_out (&r->source, left_out) || side_left_out (&r->target, left_out))
        continue;
      for (guint k = 0; k < 2; k++)
        {
          guint b = side_bucket (sides[k], out->bits);

          out->items[n] = (Refutation) { sides[k], r->translation, out->heads[b] };
          out->heads[b] = n++;
        }
    }
}

static void
clear_refutations (Refutations *refutations)
{
  g_free (refutations->items);
  g_free (refutations->heads);
}

/* Appends to @out the refutations that @side takes part in, in no
 * particular order: the list is sorted afterwards. */
static void
add_refutations (GPtrArray         *out,
                 const Refutations *refutations,
                 gconstpointer      side)
{
  for (guint i = refutations->heads[side_bucket (side, refutations->bits)];
       i != G_MAXUINT; i = refutations->items[i].next)
    if (refutations->items[i].side == side)
      g_ptr_array_add (out, refutations->items[i].translation);
}

/* Constructs travel through a synthesis keyed by their place in project
 * order, (study index << 32) | index in the study, copied from the lists
 * that refer to them, so that none is read to be sorted. */
static void
append_refs (GArray                *keyed,
             const MteConstructRef *refs,
             guint                  n,
             const gboolean        *left_out)
{
  guint at = keyed->len;

  g_array_set_size (keyed, at + n);
  for (guint i = 0; i < n; i++)
    {
      /* An excluded study's constructs ground nothing. */
      if (left_out[refs[i].study])
        continue;
      g_array_index (keyed, MteKeyed, at++) =
        (MteKeyed) { mte_construct_ref_position (&refs[i]), refs[i].construct };
    }
  g_array_set_size (keyed, at);
}

static void
append_ref (GArray         *keyed,
            MteConstruct   *construct,
            const gboolean *left_out)
{
  MteConstructRef ref = mte_construct_ref_of (construct);

  append_refs (keyed, &ref, 1, left_out);
}

/* Sorts @keyed in project order, drops repeats, and appends the
 * constructs to @out. @spare is scratch space for the sort. */
static void
sort_refs_into (GArray    *keyed,
                GArray    *spare,
                GPtrArray *out)
{
  MteKeyed *items = (MteKeyed *) keyed->data;

  g_array_set_size (spare, keyed->len);
  mte_keyed_sort (items, keyed->len, (MteKeyed *) spare->data);
  for (guint i = 0; i < keyed->len; i++)
    if (i == 0 || items[i].item != items[i - 1].item)
      g_ptr_array_add (out, items[i].item);
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
  const MteKeyed *ka = (const MteKeyed *) a->data;
  const MteKeyed *kb = (const MteKeyed *) b->data;
  guint i = 0, j = 0, last = G_MAXUINT;

  while (i < a->len || j < b->len)
    {
      guint next;

      if (j == b->len || (i < a->len && ka[i].key <= kb[j].key))
        next = (guint) (ka[i++].key >> 32);
      else
        next = (guint) (kb[j++].key >> 32);
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
  GArray    *constructs;          /* MteKeyed */
  GArray    *quotes;              /* MteKeyed */
  GArray    *spare;               /* MteKeyed, for sorting */
  GArray    *study_indexes;       /* guint, of lists[MTE_GROUNDING_STUDIES] */
  const gboolean *left_out;       /* by study index: excluded */
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
            append_refs (construct_refs, concept->expressions->items, n,
                         scratch->left_out);
        }
      else if (((MteConstruct *) entity)->order == MTE_CONSTRUCT_SECOND_ORDER)
        append_ref (construct_refs, (MteConstruct *) entity, scratch->left_out);
      else
        append_ref (quote_refs, (MteConstruct *) entity, scratch->left_out);
    }
  mte_sort_unique (concepts);
  /* Both runs stay sorted, repeats and all, for merge_studies(). */
  sort_refs_into (construct_refs, scratch->spare, constructs);

  for (guint i = 0; i < constructs->len; i++)
    {
      MteConstruct *construct = g_ptr_array_index (constructs, i);
      guint n = mte_construct_list_len (construct->groundings);

      if (n > 0)
        append_refs (quote_refs, construct->groundings->items, n, scratch->left_out);
      add_refutations (refuting, refutations, construct);
    }
  sort_refs_into (quote_refs, scratch->spare, quotes);
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
  g_autofree gboolean *left_out = NULL;     /* by study index: excluded */
  g_autofree gboolean *concept_seen = NULL; /* by concept index */
  Scratch scratch;

  g_return_val_if_fail (project != NULL, NULL);

  loa = g_new0 (MteLineOfArgument, 1);
  loa->project = project;
  mte_argument_order_compute (project, &order);
  loa->n_findings = order.n;
  loa->n_cycles = order.n_cycles;
  loa->findings = g_new0 (Finding, order.n + 1);
  left_out = g_new0 (gboolean, project->studies->len + 1);
  for (guint s = 0; s < project->studies->len; s++)
    {
      left_out[s] = mte_study_excluded (g_ptr_array_index (project->studies, s));
      loa->n_studies += !left_out[s];
    }
  index_refutations (project, left_out, &refutations);
  study_seen = g_new0 (gboolean, project->studies->len + 1);
  concept_seen = g_new0 (gboolean, project->concepts->len + 1);
  loa->items = g_ptr_array_new ();
  for (guint k = 0; k < N_GROUNDING; k++)
    scratch.lists[k] = g_ptr_array_new ();
  scratch.constructs = g_array_new (FALSE, FALSE, sizeof (MteKeyed));
  scratch.quotes = g_array_new (FALSE, FALSE, sizeof (MteKeyed));
  scratch.spare = g_array_new (FALSE, FALSE, sizeof (MteKeyed));
  scratch.study_indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  scratch.left_out = left_out;

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
  clear_refutations (&refutations);
  for (guint k = 0; k < N_GROUNDING; k++)
    g_ptr_array_unref (scratch.lists[k]);
  g_array_unref (scratch.constructs);
  g_array_unref (scratch.quotes);
  g_array_unref (scratch.spare);
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
  return share (loa->studies_covered, loa->n_studies, covered, total);
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
mte_line_of_argument_dup_levels (const MteLineOfArgument *loa,
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

const MteProject *
mte_line_of_argument_get_project (const MteLineOfArgument *loa)
{
  g_return_val_if_fail (loa != NULL, NULL);
  return loa->project;
}
