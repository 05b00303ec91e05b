/* metaethno: checks of a project against the method.
 *
 * Each check walks the model once; issues are appended in the order of the
 * table in docs/analysis.md, so reports are stable and diff well.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"
#include "mte-error-private.h"

#include <string.h>

typedef struct {
  MteSeverity  severity;
  const char  *code;      /* static */
  MteEntity   *subject;
  char        *message;
} Issue;

struct _MteCheckReport {
  GArray *issues;         /* Issue */
};

static const char *const severity_names[] = { "info", "warning", "error" };

const char *
mte_severity_to_string (MteSeverity severity)
{
  return (guint) severity < G_N_ELEMENTS (severity_names) ? severity_names[severity] : NULL;
}

static void G_GNUC_PRINTF (5, 6)
report (MteCheckReport *r,
        MteSeverity     severity,
        const char     *code,
        gpointer        subject,
        const char     *format,
        ...)
{
  Issue issue;
  va_list args;

  issue.severity = severity;
  issue.code = code;
  issue.subject = subject;
  va_start (args, format);
  issue.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (r->issues, issue);
}

static void
clear_issue (gpointer data)
{
  g_free (((Issue *) data)->message);
}

/* The study a translation side stands for, if any. */
static MteStudy *
side_study (MteEntity *side,
            MteStudy  *explicit_study)
{
  return side->kind == MTE_ENTITY_CONSTRUCT ? ((MteConstruct *) side)->study
                                            : explicit_study;
}

static void
check_studies (MteCheckReport   *r,
               const MteProject *project,
               GHashTable       *concepts_of_study)
{
  guint n_index = 0;

  for (guint s = 0; s < project->studies->len; s++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, s);

      /* An excluded study has left the review: nothing more is asked of
       * it, but it should not still lead the translation. */
      if (mte_study_excluded (study))
        {
          g_autofree char *reason = mte_message_text (study->exclusion->reason, 80);

          report (r, MTE_SEVERITY_INFO, "study-excluded", study,
                  "study '%s' is excluded (%s: %s) and left out of every analysis",
                  study->base.id, mte_exclusion_stage_to_string (study->exclusion->stage),
                  reason);
          if (study->index_study)
            report (r, MTE_SEVERITY_WARNING, "index-study-excluded", study,
                    "study '%s' is marked as index study but is excluded",
                    study->base.id);
          continue;
        }
      n_index += study->index_study ? 1 : 0;
      if (study->constructs->len == 0)
        report (r, MTE_SEVERITY_WARNING, "study-no-constructs", study,
                "study '%s' has no constructs yet", study->base.id);
      else if (!g_hash_table_contains (concepts_of_study, study))
        report (r, MTE_SEVERITY_WARNING, "study-no-concepts", study,
                "study '%s' expresses no key concept, so it is not yet related "
                "to the other studies", study->base.id);
      if (project->checklists->len > 0 &&
          (study->appraisals == NULL || study->appraisals->len == 0))
        report (r, MTE_SEVERITY_WARNING, "study-not-appraised", study,
                "study '%s' has no quality appraisal", study->base.id);
    }
  if (n_index > 1)
    report (r, MTE_SEVERITY_WARNING, "index-study-multiple",
            NULL, "%u studies are marked as index study; translation starts "
            "from one", n_index);
}

static void
check_constructs (MteCheckReport   *r,
                  const MteProject *project,
                  GHashTable       *expressing,
                  GHashTable       *in_translation)
{
  for (guint s = 0; s < project->studies->len; s++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, s);

      if (mte_study_excluded (study))
        continue;
      for (guint c = 0; c < study->constructs->len; c++)
        {
          MteConstruct *construct = g_ptr_array_index (study->constructs, c);

          if (construct->order == MTE_CONSTRUCT_FIRST_ORDER)
            {
              if (construct->speaker == NULL)
                report (r, MTE_SEVERITY_INFO, "quote-no-speaker", construct,
                        "quote '%s' of study '%s' does not say who spoke",
                        construct->base.id, study->base.id);
              continue;
            }
          if (!g_hash_table_contains (expressing, construct) &&
              !g_hash_table_contains (in_translation, construct))
            report (r, MTE_SEVERITY_WARNING, "construct-untranslated", construct,
                    "second-order construct '%s' of study '%s' is not yet "
                    "translated: it expresses no concept and is in no "
                    "translation", construct->base.id, study->base.id);
          if (mte_construct_list_len (construct->groundings) == 0)
            report (r, MTE_SEVERITY_WARNING, "construct-ungrounded", construct,
                    "second-order construct '%s' of study '%s' is grounded "
                    "in no quote", construct->base.id, study->base.id);
        }
    }
}

static guint
count_studies (const MteConcept *concept)
{
  g_autoptr (GHashTable) studies = g_hash_table_new (NULL, NULL);

  for (guint e = 0; e < mte_construct_list_len (concept->expressions); e++)
    {
      MteStudy *study = mte_construct_list_get (concept->expressions, e)->study;

      if (!mte_study_excluded (study))
        g_hash_table_add (studies, study);
    }
  return g_hash_table_size (studies);
}

static void
check_concepts (MteCheckReport   *r,
                const MteProject *project,
                GHashTable       *in_basis)
{
  for (guint i = 0; i < project->concepts->len; i++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, i);
      guint n = count_studies (concept);
      /* Labels are the team's free text: keep messages on one line. */
      g_autofree char *label = mte_message_text (concept->label, 60);

      if (n == 0)
        report (r, MTE_SEVERITY_WARNING, "concept-unexpressed", concept,
                "concept '%s' (%s) is expressed by no study", concept->base.id,
                label);
      else if (n == 1)
        report (r, MTE_SEVERITY_WARNING, "concept-single-study", concept,
                "concept '%s' (%s) is expressed by one study only",
                concept->base.id, label);
      if (project->third_orders->len > 0 && !g_hash_table_contains (in_basis, concept))
        report (r, MTE_SEVERITY_INFO, "concept-unused", concept,
                "concept '%s' (%s) is carried into no third-order construct",
                concept->base.id, label);
    }
}

static void
check_translations (MteCheckReport   *r,
                    const MteProject *project)
{
  /* Pairs already seen: "a\x1fb" (ids in sorted order) → translation. */
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        g_free, NULL);

  for (guint i = 0; i < project->translations->len; i++)
    {
      MteTranslation *t = g_ptr_array_index (project->translations, i);
      MteStudy *a = side_study (t->source, t->source_study);
      MteStudy *b = side_study (t->target, t->target_study);
      gboolean refuting = t->kind == MTE_TRANSLATION_REFUTATIONAL;
      const char *x = t->source->id, *y = t->target->id;
      g_autofree char *key = NULL;
      MteTranslation *other;

      if (t->rationale == NULL)
        report (r, refuting ? MTE_SEVERITY_ERROR : MTE_SEVERITY_WARNING,
                refuting ? "refutation-no-rationale" : "translation-no-rationale", t,
                "%s translation '%s' (%s → %s) records no rationale",
                refuting ? "refutational" : "reciprocal", t->base.id, x, y);
      if (t->reviewer == NULL)
        report (r, MTE_SEVERITY_WARNING, "translation-no-reviewer", t,
                "translation '%s' (%s → %s) does not say which reviewer made it",
                t->base.id, x, y);
      if (a != NULL && a == b)
        report (r, MTE_SEVERITY_ERROR, "translation-same-study", t,
                "translation '%s' joins two sides of the same study '%s'; "
                "translation is between studies", t->base.id, a->base.id);

      key = strcmp (x, y) < 0 ? g_strconcat (x, "\x1f", y, NULL)
                              : g_strconcat (y, "\x1f", x, NULL);
      other = g_hash_table_lookup (pairs, key);
      if (other == NULL)
        g_hash_table_insert (pairs, g_steal_pointer (&key), t);
      else if (other->kind != t->kind)
        report (r, MTE_SEVERITY_ERROR, "translation-conflict", t,
                "translation '%s' calls %s and %s %s, but translation '%s' "
                "calls them %s", t->base.id, x, y,
                refuting ? "contradictory" : "reciprocal", other->base.id,
                refuting ? "reciprocal" : "contradictory");
      else
        report (r, MTE_SEVERITY_WARNING, "translation-duplicate", t,
                "translation '%s' repeats translation '%s' (%s, %s)",
                t->base.id, other->base.id, x, y);
    }
}

static void
check_findings (MteCheckReport   *r,
                const MteProject *project,
                guint             min_studies)
{
  MteLineOfArgument *loa = mte_line_of_argument_new (project, min_studies);
  g_autoptr (GHashTable) linked = g_hash_table_new (NULL, NULL);

  for (guint l = 0; l < project->argument_links->len; l++)
    {
      MteArgumentLink *link = g_ptr_array_index (project->argument_links, l);

      g_hash_table_add (linked, link->from);
      g_hash_table_add (linked, link->to);
    }

  /* Report in project order, not argument order. */
  for (guint i = 0; i < project->third_orders->len; i++)
    {
      MteThirdOrder *t = g_ptr_array_index (project->third_orders, i);
      g_autofree char *label = mte_message_text (t->label, 60);
      guint k, n_studies;

      for (k = 0; mte_line_of_argument_get_finding (loa, k) != t; k++)
        ;
      n_studies = mte_line_of_argument_get_n_grounding (loa, k, MTE_GROUNDING_STUDIES);
      if (t->basis == NULL || t->basis->len == 0)
        report (r, MTE_SEVERITY_ERROR, "finding-no-basis", t,
                "third-order construct '%s' (%s) rests on no concept or construct",
                t->base.id, label);
      else if (mte_line_of_argument_is_flagged (loa, k))
        report (r, MTE_SEVERITY_WARNING, "finding-few-studies", t,
                "third-order construct '%s' (%s) rests on %u %s, fewer than %u",
                t->base.id, label, n_studies, n_studies == 1 ? "study" : "studies",
                min_studies);
      if (project->third_orders->len > 1 && !g_hash_table_contains (linked, t))
        report (r, MTE_SEVERITY_WARNING, "finding-unlinked", t,
                "third-order construct '%s' (%s) is not joined to the line of "
                "argument", t->base.id, label);
      if (t->confidence == MTE_CONFIDENCE_NOT_ASSESSED)
        report (r, MTE_SEVERITY_INFO, "finding-no-confidence", t,
                "third-order construct '%s' (%s) has no GRADE-CERQual "
                "confidence yet", t->base.id, label);
    }

  for (guint c = 0; c < mte_line_of_argument_get_n_cycles (loa); c++)
    {
      g_autoptr (GString) members = g_string_new (NULL);
      MteThirdOrder *first = NULL;

      for (guint k = 0; k < mte_line_of_argument_get_n_findings (loa); k++)
        if (mte_line_of_argument_get_cycle (loa, k) == (int) c)
          {
            MteThirdOrder *t = mte_line_of_argument_get_finding (loa, k);

            if (first == NULL)
              first = t;
            g_string_append_printf (members, "%s'%s'", members->len > 0 ? ", " : "",
                                    t->base.id);
          }
      report (r, MTE_SEVERITY_INFO, "argument-cycle", first,
              "the line of argument has a cycle through %s (fine for a "
              "cyclical model)", members->str);
    }
  mte_line_of_argument_free (loa);
}

/* Phases 1 to 3: counts that disagree with the records, and records
 * still waiting for a decision. */
static void
check_review (MteCheckReport   *r,
              const MteProject *project)
{
  g_autoptr (MtePrisma) prisma = mte_prisma_new (project);
  guint unscreened = 0, sought = 0;

  for (guint i = 0; i < mte_prisma_get_n_disagreements (prisma); i++)
    {
      gint64 entered, computed;
      const char *what = mte_prisma_get_disagreement (prisma, i, &entered, &computed);
      MteEntity *search = g_hash_table_lookup (project->entities, what);

      if (search != NULL)
        report (r, MTE_SEVERITY_WARNING, "prisma-disagreement", search,
                "search '%s' found %" G_GINT64_FORMAT " records, but %"
                G_GINT64_FORMAT " records in the project list it",
                what, entered, computed);
      else
        report (r, MTE_SEVERITY_WARNING, "prisma-disagreement", NULL,
                "PRISMA count %s was entered as %" G_GINT64_FORMAT
                ", but the records give %" G_GINT64_FORMAT, what, entered, computed);
    }
  for (guint i = 0; i < project->records->len; i++)
    {
      const MteRecord *record = g_ptr_array_index (project->records, i);

      unscreened += record->fate == MTE_FATE_UNSCREENED;
      sought += record->fate == MTE_FATE_SOUGHT;
    }
  if (unscreened > 0)
    report (r, MTE_SEVERITY_INFO, "records-unscreened", NULL,
            "%u %s not yet screened", unscreened,
            unscreened == 1 ? "record is" : "records are");
  if (sought > 0)
    report (r, MTE_SEVERITY_INFO, "reports-unassessed", NULL,
            "%u %s sought but not yet assessed on full text", sought,
            sought == 1 ? "report is" : "reports are");
}

MteCheckReport *
mte_project_check (const MteProject *project,
                   guint             min_studies)
{
  MteCheckReport *r;
  g_autoptr (GHashTable) expressing = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) in_translation = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) concepts_of_study = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) in_basis = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (project != NULL, NULL);

  r = g_new0 (MteCheckReport, 1);
  r->issues = g_array_new (FALSE, FALSE, sizeof (Issue));
  g_array_set_clear_func (r->issues, clear_issue);

  for (guint i = 0; i < project->concepts->len; i++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, i);

      for (guint e = 0; e < mte_construct_list_len (concept->expressions); e++)
        {
          MteConstruct *construct = mte_construct_list_get (concept->expressions, e);

          g_hash_table_add (expressing, construct);
          g_hash_table_add (concepts_of_study, construct->study);
        }
    }
  for (guint i = 0; i < project->translations->len; i++)
    {
      MteTranslation *t = g_ptr_array_index (project->translations, i);

      g_hash_table_add (in_translation, t->source);
      g_hash_table_add (in_translation, t->target);
    }
  for (guint i = 0; i < project->third_orders->len; i++)
    {
      MteThirdOrder *t = g_ptr_array_index (project->third_orders, i);

      for (guint b = 0; t->basis != NULL && b < t->basis->len; b++)
        g_hash_table_add (in_basis, g_ptr_array_index (t->basis, b));
    }

  check_review (r, project);
  check_studies (r, project, concepts_of_study);
  check_constructs (r, project, expressing, in_translation);
  check_concepts (r, project, in_basis);
  check_translations (r, project);
  check_findings (r, project, min_studies);
  return r;
}

void
mte_check_report_free (MteCheckReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->issues);
  g_free (report);
}

guint
mte_check_report_get_n_issues (const MteCheckReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->issues->len;
}

guint
mte_check_report_count (const MteCheckReport *report,
                        MteSeverity           severity)
{
  guint n = 0;

  g_return_val_if_fail (report != NULL, 0);
  for (guint i = 0; i < report->issues->len; i++)
    n += g_array_index (report->issues, Issue, i).severity == severity;
  return n;
}

static const Issue *
issue_at (const MteCheckReport *report,
          guint                 index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->issues->len, NULL);
  return &g_array_index (report->issues, Issue, index);
}

MteSeverity
mte_check_report_get_severity (const MteCheckReport *report,
                               guint                 index)
{
  const Issue *issue = issue_at (report, index);
  return issue != NULL ? issue->severity : MTE_SEVERITY_INFO;
}

const char *
mte_check_report_get_code (const MteCheckReport *report,
                           guint                 index)
{
  const Issue *issue = issue_at (report, index);
  return issue != NULL ? issue->code : NULL;
}

MteEntity *
mte_check_report_get_subject (const MteCheckReport *report,
                              guint                 index)
{
  const Issue *issue = issue_at (report, index);
  return issue != NULL ? issue->subject : NULL;
}

const char *
mte_check_report_get_message (const MteCheckReport *report,
                              guint                 index)
{
  const Issue *issue = issue_at (report, index);
  return issue != NULL ? issue->message : NULL;
}
