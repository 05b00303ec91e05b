/* metaethno: the PRISMA 2020 flow computed from searches, records and
 * studies, with the counts a team entered by hand taking precedence. The
 * rules are documented at mte_prisma_new() in mte-review.h.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"

#include <string.h>

typedef struct {
  char   *reason;
  char   *key;                  /* casefolded, spaces collapsed */
  gint64  n;
} PrismaReason;

typedef struct {
  const char    *name;          /* borrowed from the search */
  MteSourceKind  kind;
  gint64         n;
} PrismaSource;

typedef struct {
  char   *what;
  gint64  entered;
  gint64  computed;
} PrismaDisagreement;

struct _MtePrisma {
  gint64     counts[MTE_PRISMA_N_COUNTS];
  gboolean   entered[MTE_PRISMA_N_COUNTS];
  GPtrArray *reasons[2];        /* PrismaReason*: DBR, then other methods */
  GArray    *sources;           /* PrismaSource; names borrowed, see below */
  GPtrArray *names;             /* copies of the source names, owned */
  GPtrArray *disagreements;     /* PrismaDisagreement* */
};

static void
reason_free (gpointer data)
{
  PrismaReason *r = data;

  g_free (r->reason);
  g_free (r->key);
  g_free (r);
}

static void
disagreement_free (gpointer data)
{
  PrismaDisagreement *d = data;

  g_free (d->what);
  g_free (d);
}

void
mte_prisma_free (MtePrisma *prisma)
{
  if (prisma == NULL)
    return;
  g_ptr_array_unref (prisma->reasons[0]);
  g_ptr_array_unref (prisma->reasons[1]);
  g_array_unref (prisma->sources);
  g_ptr_array_unref (prisma->names);
  g_ptr_array_unref (prisma->disagreements);
  g_free (prisma);
}

/* "Not  Qualitative " and "not qualitative" are one reason. */
static char *
reason_key (const char *reason)
{
  g_autofree char *folded = g_utf8_casefold (reason, -1);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = folded; *c != '\0'; c++)
    {
      if (g_ascii_isspace (*c))
        space = key->len > 0;
      else
        {
          if (space)
            g_string_append_c (key, ' ');
          g_string_append_c (key, *c);
          space = FALSE;
        }
    }
  return g_string_free (key, FALSE);
}

static void
add_reason (GPtrArray  *reasons,
            const char *reason,
            gint64      n)
{
  g_autofree char *key = reason_key (reason);
  PrismaReason *r;

  for (guint i = 0; i < reasons->len; i++)
    {
      r = g_ptr_array_index (reasons, i);
      if (strcmp (r->key, key) == 0)
        {
          r->n += n;
          return;
        }
    }
  r = g_new0 (PrismaReason, 1);
  r->reason = g_strdup (reason);
  r->key = g_steal_pointer (&key);
  r->n = n;
  g_ptr_array_add (reasons, r);
}

static gint64
reasons_total (GPtrArray *reasons)
{
  gint64 total = 0;

  for (guint i = 0; i < reasons->len; i++)
    total += ((PrismaReason *) g_ptr_array_index (reasons, i))->n;
  return total;
}

static MtePrismaCount
identification_box (MteSourceKind kind)
{
  switch (kind)
    {
    case MTE_SOURCE_DATABASE: return MTE_PRISMA_DATABASE_RESULTS;
    case MTE_SOURCE_REGISTER: return MTE_PRISMA_REGISTER_RESULTS;
    case MTE_SOURCE_WEBSITE: return MTE_PRISMA_WEBSITE_RESULTS;
    case MTE_SOURCE_ORGANISATION: return MTE_PRISMA_ORGANISATION_RESULTS;
    case MTE_SOURCE_CITATION: return MTE_PRISMA_CITATION_RESULTS;
    case MTE_SOURCE_OTHER:
    default: return MTE_PRISMA_OTHER_RESULTS;
    }
}

/* Whether a record travels the databases-and-registers arm. */
static gboolean
record_in_dbr (const MteRecord *record)
{
  for (guint i = 0; record->searches != NULL && i < record->searches->len; i++)
    {
      const MteSearch *search = g_ptr_array_index (record->searches, i);

      if (search->kind == MTE_SOURCE_DATABASE || search->kind == MTE_SOURCE_REGISTER)
        return TRUE;
    }
  return FALSE;
}

static void
disagree (MtePrisma  *prisma,
          const char *what,
          gint64      entered,
          gint64      computed)
{
  PrismaDisagreement *d = g_new0 (PrismaDisagreement, 1);

  d->what = g_strdup (what);
  d->entered = entered;
  d->computed = computed;
  g_ptr_array_add (prisma->disagreements, d);
}

/* The counts as computed, before entered counts apply. Boxes that need
 * records stay unknown without them. */
static void
compute (MtePrisma        *prisma,
         const MteProject *project,
         gint64           *c)
{
  GPtrArray *records = project->records;
  gboolean have_records = records->len > 0;
  g_autoptr (GHashTable) listed = g_hash_table_new (NULL, NULL);   /* search → n records */
  g_autoptr (GHashTable) reports = g_hash_table_new (NULL, NULL);  /* study → n included records */
  gint64 unsourced = 0;

  for (guint i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    c[i] = MTE_COUNT_UNKNOWN;

  /* Who found what. */
  for (guint i = 0; i < records->len; i++)
    {
      const MteRecord *record = g_ptr_array_index (records, i);
      guint n = record->searches != NULL ? record->searches->len : 0;

      for (guint s = 0; s < n; s++)
        {
          gpointer search = g_ptr_array_index (record->searches, s);
          guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (listed, search));
          g_hash_table_insert (listed, search, GUINT_TO_POINTER (seen + 1));
        }
      unsourced += n == 0;
    }

  /* Identification, per source kind and per search. */
  if (project->searches->len > 0 || have_records)
    {
      for (MteSourceKind k = MTE_SOURCE_DATABASE; k <= MTE_SOURCE_OTHER; k++)
        c[identification_box (k)] = 0;
      c[MTE_PRISMA_OTHER_RESULTS] = unsourced;
    }
  for (guint i = 0; i < project->searches->len; i++)
    {
      const MteSearch *search = g_ptr_array_index (project->searches, i);
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (listed, search));
      PrismaSource source = { NULL, search->kind, search->n_records };

      if (search->n_records == MTE_COUNT_UNKNOWN)
        source.n = have_records ? (gint64) found : MTE_COUNT_UNKNOWN;
      else if (found > 0 && (gint64) found != search->n_records)
        disagree (prisma, search->base.id, search->n_records, found);
      g_ptr_array_add (prisma->names, g_strdup (search->source));
      source.name = g_ptr_array_index (prisma->names, prisma->names->len - 1);
      g_array_append_val (prisma->sources, source);
      if (source.n == MTE_COUNT_UNKNOWN || c[identification_box (search->kind)] == MTE_COUNT_UNKNOWN)
        c[identification_box (search->kind)] = MTE_COUNT_UNKNOWN;
      else
        c[identification_box (search->kind)] += source.n;
    }

  /* Records, stage by stage. */
  if (have_records)
    {
      MtePrismaCount sought[2] = { MTE_PRISMA_DBR_SOUGHT, MTE_PRISMA_OTHER_SOUGHT };
      MtePrismaCount lost[2] = { MTE_PRISMA_DBR_NOT_RETRIEVED, MTE_PRISMA_OTHER_NOT_RETRIEVED };
      MtePrismaCount assessed[2] = { MTE_PRISMA_DBR_ASSESSED, MTE_PRISMA_OTHER_ASSESSED };

      c[MTE_PRISMA_DUPLICATES] = c[MTE_PRISMA_EXCLUDED_AUTOMATIC] = 0;
      c[MTE_PRISMA_EXCLUDED_OTHER] = c[MTE_PRISMA_RECORDS_SCREENED] = 0;
      c[MTE_PRISMA_RECORDS_EXCLUDED] = 0;
      for (guint a = 0; a < 2; a++)
        c[sought[a]] = c[lost[a]] = c[assessed[a]] = 0;

      for (guint i = 0; i < records->len; i++)
        {
          const MteRecord *record = g_ptr_array_index (records, i);
          guint arm = record_in_dbr (record) ? 0 : 1;
          guint n_searches = record->searches != NULL ? record->searches->len : 0;

          if (n_searches > 1)
            c[MTE_PRISMA_DUPLICATES] += n_searches - 1;
          switch (record->fate)
            {
            case MTE_FATE_UNSCREENED:
              break;
            case MTE_FATE_DUPLICATE:
              c[MTE_PRISMA_DUPLICATES]++;
              break;
            case MTE_FATE_REMOVED_AUTOMATION:
              c[MTE_PRISMA_EXCLUDED_AUTOMATIC]++;
              break;
            case MTE_FATE_REMOVED_OTHER:
              c[MTE_PRISMA_EXCLUDED_OTHER]++;
              break;
            case MTE_FATE_EXCLUDED_SCREENING:
              if (arm == 0)
                {
                  c[MTE_PRISMA_RECORDS_SCREENED]++;
                  c[MTE_PRISMA_RECORDS_EXCLUDED]++;
                }
              break;
            case MTE_FATE_SOUGHT:
            case MTE_FATE_NOT_RETRIEVED:
            case MTE_FATE_EXCLUDED_FULL_TEXT:
            case MTE_FATE_INCLUDED:
              if (arm == 0)
                c[MTE_PRISMA_RECORDS_SCREENED]++;
              c[sought[arm]]++;
              if (record->fate == MTE_FATE_NOT_RETRIEVED)
                c[lost[arm]]++;
              if (record->fate == MTE_FATE_EXCLUDED_FULL_TEXT)
                {
                  c[assessed[arm]]++;
                  add_reason (prisma->reasons[arm], record->reason, 1);
                }
              if (record->fate == MTE_FATE_INCLUDED)
                {
                  guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (reports, record->study));

                  c[assessed[arm]]++;
                  g_hash_table_insert (reports, record->study, GUINT_TO_POINTER (seen + 1));
                  if (mte_study_excluded (record->study))
                    add_reason (prisma->reasons[arm], record->study->exclusion->reason, 1);
                }
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  /* Studies: those no included record reports count as one report each,
   * assessed in the databases-and-registers arm. */
  {
    gint64 n_studies = 0, n_reports = 0, unreported = 0;

    for (guint i = 0; i < project->studies->len; i++)
      {
        const MteStudy *study = g_ptr_array_index (project->studies, i);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (reports, study));

        if (n == 0)
          {
            unreported++;
            if (mte_study_excluded (study))
              add_reason (prisma->reasons[0], study->exclusion->reason, 1);
          }
        if (!mte_study_excluded (study))
          {
            n_studies++;
            n_reports += MAX (n, 1);
          }
      }
    if (c[MTE_PRISMA_DBR_SOUGHT] == MTE_COUNT_UNKNOWN)
      c[MTE_PRISMA_DBR_SOUGHT] = c[MTE_PRISMA_DBR_ASSESSED] = 0;
    c[MTE_PRISMA_DBR_SOUGHT] += unreported;
    c[MTE_PRISMA_DBR_ASSESSED] += unreported;
    c[MTE_PRISMA_NEW_STUDIES] = n_studies;
    c[MTE_PRISMA_NEW_REPORTS] = n_reports;
  }
  c[MTE_PRISMA_DBR_EXCLUDED] = reasons_total (prisma->reasons[0]);
  c[MTE_PRISMA_OTHER_EXCLUDED] = have_records ? reasons_total (prisma->reasons[1])
                                              : MTE_COUNT_UNKNOWN;
}

/* Boxes whose computed value the project's studies alone determine: an
 * entered count that differs is worth a word even without records. */
static gboolean
known_from_studies (MtePrismaCount count)
{
  return count == MTE_PRISMA_NEW_STUDIES || count == MTE_PRISMA_TOTAL_STUDIES;
}

MtePrisma *
mte_prisma_new (const MteProject *project)
{
  MtePrisma *prisma;
  gint64 computed[MTE_PRISMA_N_COUNTS];
  gboolean have_records;

  g_return_val_if_fail (project != NULL, NULL);

  prisma = g_new0 (MtePrisma, 1);
  prisma->reasons[0] = g_ptr_array_new_with_free_func (reason_free);
  prisma->reasons[1] = g_ptr_array_new_with_free_func (reason_free);
  prisma->sources = g_array_new (FALSE, FALSE, sizeof (PrismaSource));
  prisma->names = g_ptr_array_new_with_free_func (g_free);
  prisma->disagreements = g_ptr_array_new_with_free_func (disagreement_free);
  have_records = project->records->len > 0;

  compute (prisma, project, computed);

  /* Totals add the previous version of the review. */
  for (guint pass = 0; pass < 2; pass++)
    {
      MtePrismaCount total = pass == 0 ? MTE_PRISMA_TOTAL_STUDIES : MTE_PRISMA_TOTAL_REPORTS;
      MtePrismaCount previous = pass == 0 ? MTE_PRISMA_PREVIOUS_STUDIES : MTE_PRISMA_PREVIOUS_REPORTS;
      MtePrismaCount fresh = pass == 0 ? MTE_PRISMA_NEW_STUDIES : MTE_PRISMA_NEW_REPORTS;
      gint64 before = project->stage_counts[previous];
      gint64 now = project->stage_counts[fresh] != MTE_COUNT_UNKNOWN
                     ? project->stage_counts[fresh] : computed[fresh];

      computed[total] = now + MAX (before, 0);
    }

  for (guint i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    {
      gint64 entered = project->stage_counts[i];

      prisma->counts[i] = computed[i];
      if (i == MTE_PRISMA_DBR_EXCLUDED || i == MTE_PRISMA_OTHER_EXCLUDED)
        continue;
      if (entered == MTE_COUNT_UNKNOWN)
        continue;
      prisma->counts[i] = entered;
      prisma->entered[i] = TRUE;
      if (computed[i] != MTE_COUNT_UNKNOWN && computed[i] != entered &&
          (have_records || known_from_studies (i)))
        disagree (prisma, mte_prisma_count_to_string (i), entered, computed[i]);
    }

  /* Reasons entered by hand replace the computed ones for their box. */
  for (guint arm = 0; arm < 2; arm++)
    {
      MtePrismaCount box = arm == 0 ? MTE_PRISMA_DBR_EXCLUDED : MTE_PRISMA_OTHER_EXCLUDED;
      guint n = mte_project_get_n_exclusion_counts (project, box);
      g_autoptr (GPtrArray) entered = NULL;

      if (n == 0)
        continue;
      entered = g_ptr_array_new_with_free_func (reason_free);
      for (guint i = 0; i < n; i++)
        {
          const char *reason;
          gint64 value = mte_project_get_exclusion_count (project, box, i, &reason);

          add_reason (entered, reason, value);
        }
      if (have_records && reasons_total (entered) != computed[box])
        disagree (prisma, mte_prisma_count_to_string (box), reasons_total (entered), computed[box]);
      g_ptr_array_unref (prisma->reasons[arm]);
      prisma->reasons[arm] = g_steal_pointer (&entered);
      prisma->counts[box] = reasons_total (prisma->reasons[arm]);
      prisma->entered[box] = TRUE;
    }
  return prisma;
}

gint64
mte_prisma_get_count (const MtePrisma *prisma,
                      MtePrismaCount   count)
{
  g_return_val_if_fail (prisma != NULL, MTE_COUNT_UNKNOWN);
  g_return_val_if_fail ((guint) count < MTE_PRISMA_N_COUNTS, MTE_COUNT_UNKNOWN);
  return prisma->counts[count];
}

gboolean
mte_prisma_is_entered (const MtePrisma *prisma,
                       MtePrismaCount   count)
{
  g_return_val_if_fail (prisma != NULL, FALSE);
  g_return_val_if_fail ((guint) count < MTE_PRISMA_N_COUNTS, FALSE);
  return prisma->entered[count];
}

static GPtrArray *
reasons_of (const MtePrisma *prisma,
            MtePrismaCount   count)
{
  if (count == MTE_PRISMA_DBR_EXCLUDED)
    return prisma->reasons[0];
  if (count == MTE_PRISMA_OTHER_EXCLUDED)
    return prisma->reasons[1];
  return NULL;
}

guint
mte_prisma_get_n_reasons (const MtePrisma *prisma,
                          MtePrismaCount   count)
{
  GPtrArray *reasons;

  g_return_val_if_fail (prisma != NULL, 0);
  reasons = reasons_of (prisma, count);
  g_return_val_if_fail (reasons != NULL, 0);
  return reasons->len;
}

const char *
mte_prisma_get_reason (const MtePrisma *prisma,
                       MtePrismaCount   count,
                       guint            index,
                       gint64          *n_reports)
{
  GPtrArray *reasons;
  PrismaReason *r;

  g_return_val_if_fail (prisma != NULL, NULL);
  reasons = reasons_of (prisma, count);
  g_return_val_if_fail (reasons != NULL, NULL);
  g_return_val_if_fail (index < reasons->len, NULL);
  r = g_ptr_array_index (reasons, index);
  if (n_reports != NULL)
    *n_reports = r->n;
  return r->reason;
}

guint
mte_prisma_get_n_sources (const MtePrisma *prisma)
{
  g_return_val_if_fail (prisma != NULL, 0);
  return prisma->sources->len;
}

const char *
mte_prisma_get_source (const MtePrisma *prisma,
                       guint            index,
                       MteSourceKind   *kind,
                       gint64          *n_records)
{
  const PrismaSource *source;

  g_return_val_if_fail (prisma != NULL, NULL);
  g_return_val_if_fail (index < prisma->sources->len, NULL);
  source = &g_array_index (prisma->sources, PrismaSource, index);
  if (kind != NULL)
    *kind = source->kind;
  if (n_records != NULL)
    *n_records = source->n;
  return source->name;
}

guint
mte_prisma_get_n_disagreements (const MtePrisma *prisma)
{
  g_return_val_if_fail (prisma != NULL, 0);
  return prisma->disagreements->len;
}

const char *
mte_prisma_get_disagreement (const MtePrisma *prisma,
                             guint            index,
                             gint64          *entered,
                             gint64          *computed)
{
  const PrismaDisagreement *d;

  g_return_val_if_fail (prisma != NULL, NULL);
  g_return_val_if_fail (index < prisma->disagreements->len, NULL);
  d = g_ptr_array_index (prisma->disagreements, index);
  if (entered != NULL)
    *entered = d->entered;
  if (computed != NULL)
    *computed = d->computed;
  return d->what;
}
