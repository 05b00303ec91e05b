/* metaethno: the translation session.
 *
 * A session is a list of decisions, one per second-order construct at
 * most. The current construct is not stored: it is the first undecided
 * construct in the session's study order, computed when asked, so that a
 * change of order, a removal or a reload can never leave it stale. Every
 * decision's effects (translation, expression, concept) are ordinary
 * project content; the decision remembers what it made so that undo can
 * take exactly that back.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"
#include "mte-model-private.h"

static const char *const decision_kind_names[] = {
  [MTE_DECISION_RECIPROCAL] = "reciprocal",
  [MTE_DECISION_REFUTATIONAL] = "refutational",
  [MTE_DECISION_NEW_CONCEPT] = "new-concept",
  [MTE_DECISION_SET_ASIDE] = "set-aside",
};

const char *
mte_decision_kind_to_string (MteDecisionKind kind)
{
  if (kind < MTE_DECISION_RECIPROCAL || kind > MTE_DECISION_SET_ASIDE)
    return NULL;
  return decision_kind_names[kind];
}

static void
decision_free (gpointer data)
{
  MteDecision *decision = data;

  g_free (decision->rationale);
  g_free (decision);
}

void
mte_session_free (MteSession *session)
{
  if (session == NULL)
    return;
  g_ptr_array_unref (session->decisions);
  g_hash_table_unref (session->decided);
  g_free (session);
}

/* ------------------------------------------------------------------ */
/* The session in the project                                         */
/* ------------------------------------------------------------------ */

MteSession *
mte_project_get_session (const MteProject *project)
{
  g_return_val_if_fail (project != NULL, NULL);
  return project->session;
}

/* In index order the first study must not move while the team works: the
 * suggested index study depends on the concepts found so far, so fix it by
 * marking it. */
static void
fix_index_study (MteProject    *project,
                 MteStudyOrder  order)
{
  MteStudy *suggested;

  if (order != MTE_STUDY_ORDER_INDEX)
    return;
  for (guint i = 0; i < project->studies->len; i++)
    if (((MteStudy *) g_ptr_array_index (project->studies, i))->index_study)
      return;
  suggested = mte_project_suggest_index_study (project);
  if (suggested != NULL)
    mte_study_set_index_study (suggested, TRUE);
}

MteSession *
mte_project_start_session (MteProject    *project,
                           MteStudyOrder  order,
                           GError       **error)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (mte_study_order_to_string (order) != NULL, NULL);

  if (project->session != NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                   "the project already has a translation session (discard it "
                   "before starting another)");
      return NULL;
    }
  fix_index_study (project, order);
  return mte_project_restore_session (project, order);
}

MteSession *
mte_project_restore_session (MteProject    *project,
                             MteStudyOrder  order)
{
  MteSession *session;

  g_return_val_if_fail (project != NULL && project->session == NULL, NULL);
  g_return_val_if_fail (mte_study_order_to_string (order) != NULL, NULL);

  session = g_new0 (MteSession, 1);
  session->project = project;
  session->order = order;
  session->decisions = g_ptr_array_new_with_free_func (decision_free);
  session->decided = g_hash_table_new (NULL, NULL);
  project->session = session;
  mte_project_touch (project);
  return session;
}

void
mte_project_discard_session (MteProject *project)
{
  g_return_if_fail (project != NULL);

  if (project->session == NULL)
    return;
  g_clear_pointer (&project->session, mte_session_free);
  mte_project_touch (project);
}

MteStudyOrder
mte_session_get_order (const MteSession *session)
{
  g_return_val_if_fail (session != NULL, MTE_STUDY_ORDER_PROJECT);
  return session->order;
}

void
mte_session_set_order (MteSession    *session,
                       MteStudyOrder  order)
{
  g_return_if_fail (session != NULL);
  g_return_if_fail (mte_study_order_to_string (order) != NULL);
  fix_index_study (session->project, order);
  session->order = order;
  mte_project_touch (session->project);
}

/* ------------------------------------------------------------------ */
/* Where the session stands                                           */
/* ------------------------------------------------------------------ */

static MteDecision *
find_decision (const MteSession   *session,
               const MteConstruct *construct)
{
  return g_hash_table_lookup (session->decided, construct);
}

/* The first undecided second-order construct in order; with @n_remaining,
 * also counts them all. */
static MteConstruct *
scan (const MteSession *session,
      guint            *n_remaining)
{
  g_autofree MteStudy **studies = NULL;
  MteConstruct *first = NULL;
  guint remaining = 0;

  studies = mte_project_dup_study_order (session->project, session->order, NULL);
  for (guint s = 0; studies[s] != NULL; s++)
    {
      GPtrArray *constructs = studies[s]->constructs;

      for (guint c = 0; c < constructs->len; c++)
        {
          MteConstruct *construct = g_ptr_array_index (constructs, c);

          if (construct->order != MTE_CONSTRUCT_SECOND_ORDER ||
              g_hash_table_contains (session->decided, construct))
            continue;
          if (first == NULL)
            {
              first = construct;
              if (n_remaining == NULL)
                return first;
            }
          remaining++;
        }
    }
  if (n_remaining != NULL)
    *n_remaining = remaining;
  return first;
}

MteConstruct *
mte_session_get_current_construct (const MteSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);
  return scan (session, NULL);
}

MteStudy *
mte_session_get_current_study (const MteSession *session)
{
  MteConstruct *construct;

  g_return_val_if_fail (session != NULL, NULL);
  construct = scan (session, NULL);
  return construct != NULL ? construct->study : NULL;
}

gboolean
mte_session_is_complete (const MteSession *session)
{
  g_return_val_if_fail (session != NULL, FALSE);
  return scan (session, NULL) == NULL;
}

guint
mte_session_get_n_remaining (const MteSession *session)
{
  guint n = 0;

  g_return_val_if_fail (session != NULL, 0);
  scan (session, &n);
  return n;
}

/* ------------------------------------------------------------------ */
/* Decisions                                                          */
/* ------------------------------------------------------------------ */

/* The checks every decision shares, done before anything changes. */
static MteConstruct *
prepare (MteSession  *session,
         const char  *rationale,
         const char  *reviewer_id,
         MteMember  **reviewer,
         GError     **error)
{
  MteConstruct *construct = scan (session, NULL);

  *reviewer = NULL;
  if (construct == NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                   "the translation session is complete");
      return NULL;
    }
  if (!mte_check_utf8 (rationale, "rationale", error))
    return NULL;
  if (reviewer_id != NULL &&
      (*reviewer = (MteMember *) mte_project_require (session->project,
                                                      reviewer_id,
                                                      MTE_ENTITY_MEMBER,
                                                      "reviewer",
                                                      error)) == NULL)
    return NULL;
  return construct;
}

static MteDecision *
append (MteSession      *session,
        MteConstruct    *construct,
        MteDecisionKind  kind,
        MteConcept      *concept,
        MteTranslation  *translation,
        gboolean         expression_added,
        const char      *rationale,
        MteMember       *reviewer,
        gint64           created)
{
  MteDecision *d = g_new0 (MteDecision, 1);

  d->construct = construct;
  d->kind = kind;
  d->concept = concept;
  d->translation = translation;
  d->expression_added = expression_added;
  d->rationale = rationale != NULL && *rationale != '\0' ? g_strdup (rationale) : NULL;
  d->reviewer = reviewer;
  d->created = created;
  g_ptr_array_add (session->decisions, d);
  g_hash_table_insert (session->decided, construct, d);
  mte_project_touch (session->project);
  return d;
}

static gboolean
has_expression (const MteConcept   *concept,
                const MteConstruct *construct)
{
  return mte_construct_list_contains (concept->expressions, construct);
}

static MteTranslation *
decide_translation (MteSession         *session,
                    MteTranslationKind  kind,
                    const char         *concept_id,
                    const char         *rationale,
                    const char         *reviewer_id,
                    GError            **error)
{
  MteConstruct *construct;
  MteConcept *concept;
  MteMember *reviewer;
  MteTranslation *translation;
  gboolean added = FALSE;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if ((construct = prepare (session, rationale, reviewer_id, &reviewer,
                            error)) == NULL ||
      (concept = (MteConcept *) mte_project_require (session->project,
                                                     concept_id,
                                                     MTE_ENTITY_CONCEPT,
                                                     "concept",
                                                     error)) == NULL)
    return NULL;

  translation = mte_project_add_translation (session->project, NULL, kind,
                                             construct->base.id,
                                             concept->base.id, error);
  if (translation == NULL)
    return NULL;
  /* Checked above: neither can fail now. */
  mte_translation_set_rationale (translation, rationale, NULL);
  translation->reviewer = reviewer;
  translation->created = now;
  if (kind == MTE_TRANSLATION_RECIPROCAL && !has_expression (concept, construct))
    {
      mte_construct_list_add (&concept->expressions, construct);
      added = TRUE;
    }
  append (session, construct,
          kind == MTE_TRANSLATION_RECIPROCAL ? MTE_DECISION_RECIPROCAL
                                             : MTE_DECISION_REFUTATIONAL,
          concept, translation, added, rationale, reviewer, now);
  return translation;
}

MteTranslation *
mte_session_translate (MteSession *session,
                       const char *concept_id,
                       const char *rationale,
                       const char *reviewer_id,
                       GError    **error)
{
  g_return_val_if_fail (session != NULL, NULL);
  g_return_val_if_fail (concept_id != NULL, NULL);
  return decide_translation (session, MTE_TRANSLATION_RECIPROCAL, concept_id,
                             rationale, reviewer_id, error);
}

MteTranslation *
mte_session_refute (MteSession *session,
                    const char *concept_id,
                    const char *rationale,
                    const char *reviewer_id,
                    GError    **error)
{
  g_return_val_if_fail (session != NULL, NULL);
  g_return_val_if_fail (concept_id != NULL, NULL);
  return decide_translation (session, MTE_TRANSLATION_REFUTATIONAL, concept_id,
                             rationale, reviewer_id, error);
}

MteConcept *
mte_session_found_concept (MteSession *session,
                           const char *concept_id,
                           const char *label,
                           const char *rationale,
                           const char *reviewer_id,
                           GError    **error)
{
  MteConstruct *construct;
  MteConcept *concept;
  MteMember *reviewer;

  g_return_val_if_fail (session != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if ((construct = prepare (session, rationale, reviewer_id, &reviewer,
                            error)) == NULL)
    return NULL;
  concept = mte_project_add_concept (session->project, concept_id, label,
                                     error);
  if (concept == NULL)
    return NULL;
  mte_construct_list_add (&concept->expressions, construct);
  append (session, construct, MTE_DECISION_NEW_CONCEPT, concept, NULL, TRUE,
          rationale, reviewer, g_get_real_time () / G_USEC_PER_SEC);
  return concept;
}

gboolean
mte_session_set_aside (MteSession *session,
                       const char *rationale,
                       const char *reviewer_id,
                       GError    **error)
{
  MteConstruct *construct;
  MteMember *reviewer;

  g_return_val_if_fail (session != NULL, FALSE);

  if ((construct = prepare (session, rationale, reviewer_id, &reviewer,
                            error)) == NULL)
    return FALSE;
  append (session, construct, MTE_DECISION_SET_ASIDE, NULL, NULL, FALSE,
          rationale, reviewer, g_get_real_time () / G_USEC_PER_SEC);
  return TRUE;
}

/* Whether anything but the concept's own expressions ties it to the
 * project: a translation, a basis, a classification, a memo, another
 * decision, or an expression the session did not make. */
static gboolean
concept_is_used (MteSession         *session,
                 MteConcept         *concept,
                 const MteConstruct *construct)
{
  g_auto (GStrv) dependents = NULL;
  MteProject *project = session->project;

  guint n = mte_construct_list_len (concept->expressions);

  if (n > 1 || (n == 1 && mte_construct_list_get (concept->expressions, 0) != construct))
    return TRUE;
  dependents = mte_project_dup_dependents (project, concept->base.id);
  if (dependents != NULL && dependents[0] != NULL)
    return TRUE;
  for (guint i = 0; i < project->memos->len; i++)
    if (((MteMemo *) g_ptr_array_index (project->memos, i))->subject == &concept->base)
      return TRUE;
  for (guint i = 0; i < session->decisions->len; i++)
    if (((MteDecision *) g_ptr_array_index (session->decisions, i))->concept == concept)
      return TRUE;
  return FALSE;
}

gboolean
mte_session_undo (MteSession *session,
                  GError    **error)
{
  MteDecision *d;
  MteProject *project;

  g_return_val_if_fail (session != NULL, FALSE);

  if (session->decisions->len == 0)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                   "the translation session has no decision to undo");
      return FALSE;
    }
  project = session->project;
  /* Out of the list first, so that the removals below do not see it. */
  d = g_ptr_array_steal_index (session->decisions, session->decisions->len - 1);
  g_hash_table_remove (session->decided, d->construct);

  /* Nothing can block these: only memos refer to a translation, and the
   * concept is removed only when nothing refers to it. */
  if (d->translation != NULL &&
      !mte_project_remove (project, d->translation->base.id,
                           MTE_REMOVE_FLAGS_NONE, NULL))
    g_warn_if_reached ();
  if (d->kind == MTE_DECISION_NEW_CONCEPT)
    {
      if (concept_is_used (session, d->concept, d->construct))
        mte_construct_list_remove (d->concept->expressions, d->construct);
      else if (!mte_project_remove (project, d->concept->base.id,
                                    MTE_REMOVE_FLAGS_NONE, NULL))
        g_warn_if_reached ();
    }
  else if (d->expression_added && d->concept != NULL)
    mte_construct_list_remove (d->concept->expressions, d->construct);
  decision_free (d);
  mte_project_touch (project);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading the decisions                                              */
/* ------------------------------------------------------------------ */

static MteDecision *
decision_at (const MteSession *session,
             guint             index)
{
  return g_ptr_array_index (session->decisions, index);
}

guint
mte_session_get_n_decisions (const MteSession *session)
{
  g_return_val_if_fail (session != NULL, 0);
  return session->decisions->len;
}

#define DECISION_GETTER(Type, name, field, fallback)                          \
  Type                                                                        \
  mte_session_get_decision_##name (const MteSession *session, guint index)    \
  {                                                                           \
    g_return_val_if_fail (session != NULL, fallback);                         \
    g_return_val_if_fail (index < session->decisions->len, fallback);         \
    return decision_at (session, index)->field;                               \
  }

DECISION_GETTER (MteConstruct *, construct, construct, NULL)
DECISION_GETTER (MteDecisionKind, kind, kind, MTE_DECISION_SET_ASIDE)
DECISION_GETTER (MteConcept *, concept, concept, NULL)
DECISION_GETTER (MteTranslation *, translation, translation, NULL)
DECISION_GETTER (const char *, rationale, rationale, NULL)
DECISION_GETTER (MteMember *, reviewer, reviewer, NULL)
DECISION_GETTER (gint64, created, created, 0)
DECISION_GETTER (gboolean, expression_added, expression_added, FALSE)

void
mte_session_set_decision_created (MteSession *session,
                                  guint       index,
                                  gint64      created)
{
  g_return_if_fail (session != NULL);
  g_return_if_fail (index < session->decisions->len);
  g_return_if_fail (created >= 0 && created <= MTE_TIME_MAX);
  decision_at (session, index)->created = created;
  mte_project_touch (session->project);
}

/* ------------------------------------------------------------------ */
/* Private: removal and loading                                       */
/* ------------------------------------------------------------------ */

void
mte_session_drop_doomed (MteSession *session,
                         GHashTable *doomed)
{
  if (session == NULL)
    return;
  for (guint i = session->decisions->len; i-- > 0;)
    {
      MteDecision *d = g_ptr_array_index (session->decisions, i);

      if (g_hash_table_contains (doomed, d->construct) ||
          (d->concept != NULL && g_hash_table_contains (doomed, d->concept)) ||
          (d->translation != NULL && g_hash_table_contains (doomed, d->translation)))
        {
          g_hash_table_remove (session->decided, d->construct);
          g_ptr_array_remove_index (session->decisions, i);
          continue;
        }
      if (d->reviewer != NULL && g_hash_table_contains (doomed, d->reviewer))
        d->reviewer = NULL;
    }
}

gboolean
mte_session_restore_decision (MteSession      *session,
                              const char      *construct_id,
                              MteDecisionKind  kind,
                              const char      *concept_id,
                              const char      *translation_id,
                              gboolean         expression_added,
                              const char      *rationale,
                              const char      *reviewer_id,
                              gint64           created,
                              GError         **error)
{
  MteProject *project;
  MteConstruct *construct;
  MteConcept *concept = NULL;
  MteTranslation *translation = NULL;
  MteMember *reviewer = NULL;
  gboolean translated;
  const char *kind_name = mte_decision_kind_to_string (kind);

  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (construct_id != NULL, FALSE);
  g_return_val_if_fail (kind_name != NULL, FALSE);
  g_return_val_if_fail (created >= 0 && created <= MTE_TIME_MAX, FALSE);

  project = session->project;
  translated = kind == MTE_DECISION_RECIPROCAL || kind == MTE_DECISION_REFUTATIONAL;
  construct = (MteConstruct *) mte_project_require (project, construct_id,
                                                    MTE_ENTITY_CONSTRUCT,
                                                    "decision construct", error);
  if (construct == NULL)
    return FALSE;
  if (construct->order != MTE_CONSTRUCT_SECOND_ORDER)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "decision construct '%s' is a first-order construct; the "
                   "session decides on second-order constructs", construct_id);
      return FALSE;
    }
  if (find_decision (session, construct) != NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "construct '%s' has two decisions", construct_id);
      return FALSE;
    }
  if ((kind == MTE_DECISION_SET_ASIDE) != (concept_id == NULL))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "a %s decision on '%s' %s a concept", kind_name, construct_id,
                   concept_id == NULL ? "needs" : "takes no");
      return FALSE;
    }
  if (translated != (translation_id != NULL))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "a %s decision on '%s' %s a translation", kind_name,
                   construct_id, translated ? "needs" : "takes no");
      return FALSE;
    }
  if (expression_added && kind != MTE_DECISION_RECIPROCAL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "a %s decision on '%s' takes no expression-added", kind_name,
                   construct_id);
      return FALSE;
    }
  if (concept_id != NULL &&
      (concept = (MteConcept *) mte_project_require (project, concept_id,
                                                     MTE_ENTITY_CONCEPT,
                                                     "decision concept",
                                                     error)) == NULL)
    return FALSE;
  if (translation_id != NULL &&
      (translation = (MteTranslation *) mte_project_require (project,
                                                             translation_id,
                                                             MTE_ENTITY_TRANSLATION,
                                                             "decision translation",
                                                             error)) == NULL)
    return FALSE;
  if (reviewer_id != NULL &&
      (reviewer = (MteMember *) mte_project_require (project, reviewer_id,
                                                     MTE_ENTITY_MEMBER,
                                                     "reviewer", error)) == NULL)
    return FALSE;
  if (!mte_check_utf8 (rationale, "rationale", error))
    return FALSE;

  append (session, construct, kind, concept, translation,
          kind == MTE_DECISION_NEW_CONCEPT ? TRUE : expression_added,
          rationale, reviewer, created);
  return TRUE;
}
