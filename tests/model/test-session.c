/* Tests: the translation session (phase 5), and that it survives being
 * saved and loaded after any decision.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <string.h>

#include "../common/mte-test.h"

#define T0 G_GINT64_CONSTANT (1767225600) /* 2026-01-01T00:00:00Z */

/*
 * Three studies, each with a quote and two or three second-order
 * constructs:
 *   s1 (2001): s1-q, c1a, c1b
 *   s2 (1999): s2-q, c2a, c2b, c2c
 *   s3 (2005): c3a, c3b
 * Concept k-pre exists before the session and is expressed by c2a.
 * Members rev1 and rev2.
 */
static MteProject *
small_project (void)
{
  MteProject *p = mte_project_new ();
  MteStudy *s1 = mte_project_add_study (p, "s1", NULL);
  MteStudy *s2 = mte_project_add_study (p, "s2", NULL);
  MteStudy *s3 = mte_project_add_study (p, "s3", NULL);
  MteConcept *pre;

  mte_study_set_year (s1, 2001, NULL);
  mte_study_set_year (s2, 1999, NULL);
  mte_study_set_year (s3, 2005, NULL);
  mte_project_add_member (p, "rev1", "First Reviewer", NULL, NULL);
  mte_project_add_member (p, "rev2", "Second Reviewer", NULL, NULL);
  mte_study_add_construct (s1, "s1-q", MTE_CONSTRUCT_FIRST_ORDER, "quote 1", NULL);
  mte_study_add_construct (s1, "c1a", MTE_CONSTRUCT_SECOND_ORDER, "warmth", NULL);
  mte_study_add_construct (s1, "c1b", MTE_CONSTRUCT_SECOND_ORDER, "waiting", NULL);
  mte_study_add_construct (s2, "s2-q", MTE_CONSTRUCT_FIRST_ORDER, "quote 2", NULL);
  mte_study_add_construct (s2, "c2a", MTE_CONSTRUCT_SECOND_ORDER, "listened to", NULL);
  mte_study_add_construct (s2, "c2b", MTE_CONSTRUCT_SECOND_ORDER, "like family", NULL);
  mte_study_add_construct (s2, "c2c", MTE_CONSTRUCT_SECOND_ORDER, "kept at a distance", NULL);
  mte_study_add_construct (s3, "c3a", MTE_CONSTRUCT_SECOND_ORDER, "faith", NULL);
  mte_study_add_construct (s3, "c3b", MTE_CONSTRUCT_SECOND_ORDER, "not heard", NULL);
  pre = mte_project_add_concept (p, "k-pre", "being heard", NULL);
  mte_concept_add_expression (pre, "c2a", NULL);
  mte_project_set_created (p, T0);
  mte_project_set_modified (p, T0);
  return p;
}

typedef struct {
  MteDecisionKind kind;
  const char     *concept;      /* target, or the new concept's id */
  const char     *label;        /* new concept only */
  const char     *rationale;
  const char     *reviewer;
} Step;

/* The fixed script: every kind of decision, with and without rationale,
 * reviewer and a given concept id. The session applies each step to its
 * current construct, whatever the order. */
static const Step script[] = {
  { MTE_DECISION_NEW_CONCEPT, "k-warm", "warmth", "a new idea", "rev1" },
  { MTE_DECISION_SET_ASIDE, NULL, NULL, "about the waiting room", NULL },
  { MTE_DECISION_RECIPROCAL, "k-pre", NULL, "same idea", "rev2" },
  { MTE_DECISION_RECIPROCAL, "k-warm", NULL, NULL, "rev1" },
  { MTE_DECISION_REFUTATIONAL, "k-warm", NULL, "distance, not warmth", "rev2" },
  { MTE_DECISION_NEW_CONCEPT, NULL, "faith", NULL, NULL },
  { MTE_DECISION_REFUTATIONAL, "k-pre", NULL, "contradicts", "rev1" },
};
#define N_STEPS G_N_ELEMENTS (script)

/* Applies script[@i] and fixes its times, so that runs compare equal. */
static void
apply_step (MteProject *p,
            guint       i)
{
  MteSession *session = mte_project_get_session (p);
  const Step *step = &script[i];
  MteTranslation *t = NULL;
  GError *error = NULL;
  guint n = mte_session_get_n_decisions (session);

  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_session_get_current_construct (session));
  switch (step->kind)
    {
    case MTE_DECISION_RECIPROCAL:
      t = mte_session_translate (session, step->concept, step->rationale, step->reviewer, &error);
      CU_ASSERT_PTR_NOT_NULL (t);
      break;
    case MTE_DECISION_REFUTATIONAL:
      t = mte_session_refute (session, step->concept, step->rationale, step->reviewer, &error);
      CU_ASSERT_PTR_NOT_NULL (t);
      break;
    case MTE_DECISION_NEW_CONCEPT:
      CU_ASSERT_PTR_NOT_NULL (mte_session_found_concept (session, step->concept, step->label,
                                                         step->rationale, step->reviewer,
                                                         &error));
      break;
    case MTE_DECISION_SET_ASIDE:
    default:
      CU_ASSERT_TRUE (mte_session_set_aside (session, step->rationale, step->reviewer, &error));
      break;
    }
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL_FATAL (mte_session_get_n_decisions (session), n + 1);
  mte_session_set_decision_created (session, n, T0 + 100 + i);
  if (t != NULL)
    mte_translation_set_created (t, T0 + 100 + i);
}

static MteProject *
load_data (const char *data,
           gsize       length)
{
  GError *error = NULL;
  MteProject *p = mte_project_load_from_data (data, (gssize) length, "session.mte",
                                              MTE_LOAD_FLAGS_NONE, &error);

  MTE_ASSERT_NO_ERROR (error);
  return p;
}

static MteProject *
round_trip (MteProject *p)
{
  GError *error = NULL;
  gsize length = 0;
  g_autofree char *data = mte_project_to_data (p, &length, MTE_SAVE_FLAGS_NONE, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  return load_data (data, length);
}

/* The project as a string, with the modified time fixed (and left as it
 * was). */
static char *
snapshot (MteProject *p)
{
  GError *error = NULL;
  gint64 modified = mte_project_get_modified (p);
  char *data;

  mte_project_set_modified (p, T0);
  data = mte_project_to_data (p, NULL, MTE_SAVE_FLAGS_NONE, &error);
  mte_project_set_modified (p, modified);
  MTE_ASSERT_NO_ERROR (error);
  return data;
}

static const char *
current_id (MteProject *p)
{
  MteConstruct *c = mte_session_get_current_construct (mte_project_get_session (p));

  return c != NULL ? mte_construct_get_id (c) : NULL;
}

/* ------------------------------------------------------------------ */
/* Starting, ordering, progress                                       */
/* ------------------------------------------------------------------ */

static void
test_start_and_discard (void)
{
  g_autoptr (MteProject) p = small_project ();
  GError *error = NULL;
  MteSession *session;

  CU_ASSERT_PTR_NULL (mte_project_get_session (p));
  session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_EQUAL (mte_project_get_session (p), session);
  CU_ASSERT_EQUAL (mte_session_get_order (session), MTE_STUDY_ORDER_PROJECT);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), 0);

  /* At most one session. */
  CU_ASSERT_PTR_NULL (mte_project_start_session (p, MTE_STUDY_ORDER_INDEX, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED);
  CU_ASSERT_PTR_EQUAL (mte_project_get_session (p), session);

  /* Discarding keeps what the decisions made. */
  apply_step (p, 0);
  mte_project_discard_session (p);
  CU_ASSERT_PTR_NULL (mte_project_get_session (p));
  CU_ASSERT_PTR_NOT_NULL (mte_project_lookup_concept (p, "k-warm"));
  mte_project_discard_session (p);

  session = mte_project_start_session (p, MTE_STUDY_ORDER_CHRONOLOGICAL, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), 0);
  MTE_ASSERT_STR (current_id (p), "c2a");
}

static void
test_progress_and_order (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);

  /* First-order constructs are never asked about. */
  MTE_ASSERT_STR (current_id (p), "c1a");
  MTE_ASSERT_STR (mte_study_get_id (mte_session_get_current_study (session)), "s1");
  CU_ASSERT_EQUAL (mte_session_get_n_remaining (session), 7);
  CU_ASSERT_FALSE (mte_session_is_complete (session));

  mte_session_set_order (session, MTE_STUDY_ORDER_CHRONOLOGICAL);
  CU_ASSERT_EQUAL (mte_session_get_order (session), MTE_STUDY_ORDER_CHRONOLOGICAL);
  MTE_ASSERT_STR (current_id (p), "c2a");
  apply_step (p, 0);                    /* c2a founds k-warm */
  MTE_ASSERT_STR (current_id (p), "c2b");
  CU_ASSERT_EQUAL (mte_session_get_n_remaining (session), 6);

  /* Back to project order: the decision on c2a stays, s1 comes first. */
  mte_session_set_order (session, MTE_STUDY_ORDER_PROJECT);
  MTE_ASSERT_STR (current_id (p), "c1a");
  for (guint i = 1; i < N_STEPS; i++)
    apply_step (p, i);
  CU_ASSERT_TRUE (mte_session_is_complete (session));
  CU_ASSERT_EQUAL (mte_session_get_n_remaining (session), 0);
  CU_ASSERT_PTR_NULL (mte_session_get_current_construct (session));
  CU_ASSERT_PTR_NULL (mte_session_get_current_study (session));
}

/* ------------------------------------------------------------------ */
/* Each kind of decision, and its undo                                */
/* ------------------------------------------------------------------ */

static void
test_translate (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  MteConcept *pre = mte_project_lookup_concept (p, "k-pre");
  MteConstruct *c1a = mte_project_lookup_construct (p, "c1a");
  g_autofree char *before = snapshot (p);
  g_autofree char *after = NULL;
  GError *error = NULL;
  MteTranslation *t;

  t = mte_session_translate (session, "k-pre", "same idea", "rev1", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  CU_ASSERT_EQUAL (mte_translation_get_kind (t), MTE_TRANSLATION_RECIPROCAL);
  CU_ASSERT_PTR_EQUAL (mte_translation_get_source (t), MTE_ENTITY (c1a));
  CU_ASSERT_PTR_EQUAL (mte_translation_get_target (t), MTE_ENTITY (pre));
  MTE_ASSERT_STR (mte_translation_get_rationale (t), "same idea");
  MTE_ASSERT_STR (mte_member_get_id (mte_translation_get_reviewer (t)), "rev1");
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (pre), 2);
  CU_ASSERT_PTR_EQUAL (mte_concept_get_expression (pre, 1), c1a);

  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), 1);
  CU_ASSERT_PTR_EQUAL (mte_session_get_decision_construct (session, 0), c1a);
  CU_ASSERT_EQUAL (mte_session_get_decision_kind (session, 0), MTE_DECISION_RECIPROCAL);
  CU_ASSERT_PTR_EQUAL (mte_session_get_decision_concept (session, 0), pre);
  CU_ASSERT_PTR_EQUAL (mte_session_get_decision_translation (session, 0), t);
  CU_ASSERT_TRUE (mte_session_get_decision_expression_added (session, 0));
  MTE_ASSERT_STR (mte_session_get_decision_rationale (session, 0), "same idea");
  MTE_ASSERT_STR (mte_member_get_id (mte_session_get_decision_reviewer (session, 0)), "rev1");
  CU_ASSERT_TRUE (mte_session_get_decision_created (session, 0) > T0);
  CU_ASSERT_EQUAL (mte_session_get_decision_created (session, 0),
                   mte_translation_get_created (t));
  MTE_ASSERT_STR (current_id (p), "c1b");

  CU_ASSERT_TRUE (mte_session_undo (session, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), 0);
  CU_ASSERT_EQUAL (mte_project_get_n_translations (p), 0);
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (pre), 1);
  MTE_ASSERT_STR (current_id (p), "c1a");
  after = snapshot (p);
  MTE_ASSERT_STR (after, before);
}

static void
test_translate_existing_expression (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_CHRONOLOGICAL, NULL);
  MteConcept *pre = mte_project_lookup_concept (p, "k-pre");
  g_autofree char *before = snapshot (p);
  g_autofree char *after = NULL;
  GError *error = NULL;

  /* c2a already expresses k-pre: nothing to add, nothing to take back. */
  MTE_ASSERT_STR (current_id (p), "c2a");
  CU_ASSERT_PTR_NOT_NULL (mte_session_translate (session, "k-pre", NULL, NULL, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_FALSE (mte_session_get_decision_expression_added (session, 0));
  CU_ASSERT_PTR_NULL (mte_session_get_decision_rationale (session, 0));
  CU_ASSERT_PTR_NULL (mte_session_get_decision_reviewer (session, 0));
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (pre), 1);
  CU_ASSERT_TRUE (mte_session_undo (session, NULL));
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (pre), 1);
  after = snapshot (p);
  MTE_ASSERT_STR (after, before);
}

static void
test_refute (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  MteConcept *pre = mte_project_lookup_concept (p, "k-pre");
  g_autofree char *before = snapshot (p);
  g_autofree char *after = NULL;
  GError *error = NULL;
  MteTranslation *t;

  t = mte_session_refute (session, "k-pre", "not so", "rev2", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  CU_ASSERT_EQUAL (mte_translation_get_kind (t), MTE_TRANSLATION_REFUTATIONAL);
  CU_ASSERT_EQUAL (mte_session_get_decision_kind (session, 0), MTE_DECISION_REFUTATIONAL);
  CU_ASSERT_FALSE (mte_session_get_decision_expression_added (session, 0));
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (pre), 1);
  MTE_ASSERT_STR (current_id (p), "c1b");

  CU_ASSERT_TRUE (mte_session_undo (session, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_translations (p), 0);
  after = snapshot (p);
  MTE_ASSERT_STR (after, before);
}

static void
test_found_concept (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  g_autofree char *before = snapshot (p);
  g_autofree char *after = NULL;
  GError *error = NULL;
  MteConcept *k;

  k = mte_session_found_concept (session, NULL, "warmth", "new", "rev1", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (k);
  MTE_ASSERT_STR (mte_concept_get_label (k), "warmth");
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (k), 1);
  MTE_ASSERT_STR (mte_construct_get_id (mte_concept_get_expression (k, 0)), "c1a");
  CU_ASSERT_EQUAL (mte_session_get_decision_kind (session, 0), MTE_DECISION_NEW_CONCEPT);
  CU_ASSERT_PTR_EQUAL (mte_session_get_decision_concept (session, 0), k);
  CU_ASSERT_PTR_NULL (mte_session_get_decision_translation (session, 0));
  CU_ASSERT_TRUE (mte_session_get_decision_expression_added (session, 0));
  CU_ASSERT_EQUAL (mte_project_get_n_translations (p), 0);

  /* Nothing else refers to it: undo removes the concept. */
  CU_ASSERT_TRUE (mte_session_undo (session, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_concepts (p), 1);
  after = snapshot (p);
  MTE_ASSERT_STR (after, before);
}

static void
test_found_concept_undo_keeps_used_concept (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  GError *error = NULL;
  MteConcept *k;
  MteThirdOrder *finding;

  k = mte_session_found_concept (session, "k-warm", "warmth", NULL, NULL, &error);
  MTE_ASSERT_NO_ERROR (error);
  finding = mte_project_add_third_order (p, "f1", "the relationship", NULL);
  mte_third_order_add_basis (finding, "k-warm", NULL);

  CU_ASSERT_TRUE (mte_session_undo (session, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_concept (p, "k-warm"), k);
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (k), 0);
  CU_ASSERT_EQUAL (mte_third_order_get_n_basis (finding), 1);
  MTE_ASSERT_STR (current_id (p), "c1a");

  /* A memo on the concept keeps it too. */
  CU_ASSERT_PTR_NOT_NULL (mte_session_found_concept (session, "k-new", "new", NULL, NULL, NULL));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_memo (p, "m1", "k-new", NULL, "why", NULL));
  CU_ASSERT_TRUE (mte_session_undo (session, NULL));
  CU_ASSERT_PTR_NOT_NULL (mte_project_lookup_concept (p, "k-new"));
  CU_ASSERT_PTR_NOT_NULL (mte_project_lookup_memo (p, "m1"));
}

static void
test_set_aside (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  g_autofree char *before = snapshot (p);
  g_autofree char *after = NULL;
  GError *error = NULL;

  CU_ASSERT_TRUE (mte_session_set_aside (session, "", "rev2", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_decision_kind (session, 0), MTE_DECISION_SET_ASIDE);
  CU_ASSERT_PTR_NULL (mte_session_get_decision_concept (session, 0));
  CU_ASSERT_PTR_NULL (mte_session_get_decision_translation (session, 0));
  CU_ASSERT_PTR_NULL (mte_session_get_decision_rationale (session, 0)); /* "" clears */
  MTE_ASSERT_STR (current_id (p), "c1b");
  CU_ASSERT_TRUE (mte_session_undo (session, &error));
  MTE_ASSERT_NO_ERROR (error);
  after = snapshot (p);
  MTE_ASSERT_STR (after, before);
}

/* Undoing the whole script, step by step, goes back through every state. */
static void
test_undo_all (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  char *states[N_STEPS + 1];
  GError *error = NULL;

  for (guint i = 0; i < N_STEPS; i++)
    {
      states[i] = snapshot (p);
      apply_step (p, i);
    }
  states[N_STEPS] = snapshot (p);
  for (guint i = N_STEPS; i-- > 0;)
    {
      g_autofree char *now = NULL;

      CU_ASSERT_TRUE (mte_session_undo (session, &error));
      MTE_ASSERT_NO_ERROR (error);
      now = snapshot (p);
      MTE_ASSERT_STR (now, states[i]);
    }
  CU_ASSERT_FALSE (mte_session_undo (session, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED);
  for (guint i = 0; i <= N_STEPS; i++)
    g_free (states[i]);
}

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

static void
test_errors (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  g_autofree char *before = snapshot (p);
  g_autofree char *after = NULL;
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (mte_session_translate (session, "nope", NULL, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL (mte_session_refute (session, "s1", NULL, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_PTR_NULL (mte_session_translate (session, "k-pre", NULL, "nobody", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL (mte_session_translate (session, "k-pre", "\xff", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_session_found_concept (session, "k-pre", "again", NULL, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT_PTR_NULL (mte_session_found_concept (session, "bad id", "x", NULL, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID);
  CU_ASSERT_PTR_NULL (mte_session_found_concept (session, NULL, "x", NULL, "s2", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_session_set_aside (session, NULL, "nobody", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_FALSE (mte_session_undo (session, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED);

  /* A failed decision changes nothing. */
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), 0);
  after = snapshot (p);
  MTE_ASSERT_STR (after, before);

  /* No current construct. */
  for (guint i = 0; i < N_STEPS; i++)
    apply_step (p, i);
  CU_ASSERT_PTR_NULL (mte_session_translate (session, "k-pre", NULL, NULL, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  MTE_ASSERT_STR (error->message, "the translation session is complete");
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED);
  CU_ASSERT_PTR_NULL (mte_session_refute (session, "k-pre", NULL, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED);
  CU_ASSERT_PTR_NULL (mte_session_found_concept (session, NULL, "x", NULL, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED);
  CU_ASSERT_FALSE (mte_session_set_aside (session, NULL, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), N_STEPS);
}

static void
test_kind_names (void)
{
  MTE_ASSERT_STR (mte_decision_kind_to_string (MTE_DECISION_RECIPROCAL), "reciprocal");
  MTE_ASSERT_STR (mte_decision_kind_to_string (MTE_DECISION_REFUTATIONAL), "refutational");
  MTE_ASSERT_STR (mte_decision_kind_to_string (MTE_DECISION_NEW_CONCEPT), "new-concept");
  MTE_ASSERT_STR (mte_decision_kind_to_string (MTE_DECISION_SET_ASIDE), "set-aside");
  CU_ASSERT_PTR_NULL (mte_decision_kind_to_string ((MteDecisionKind) 0));
  CU_ASSERT_PTR_NULL (mte_decision_kind_to_string ((MteDecisionKind) 99));
}

/* ------------------------------------------------------------------ */
/* Removal                                                            */
/* ------------------------------------------------------------------ */

static void
test_removal_drops_decisions (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_PROJECT, NULL);
  GError *error = NULL;

  for (guint i = 0; i < N_STEPS; i++)
    apply_step (p, i);
  /* c1a k-warm(new), c1b aside, c2a k-pre(rec), c2b k-warm(rec),
   * c2c k-warm(ref), c3a concept-1(new), c3b k-pre(ref) */

  /* A removed reviewer is forgotten (the cascade is for the translations,
   * whose reviewer rev2 also is). */
  CU_ASSERT_TRUE (mte_project_remove (p, "rev2", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), N_STEPS);
  CU_ASSERT_PTR_NULL (mte_session_get_decision_reviewer (session, 2));
  MTE_ASSERT_STR (mte_member_get_id (mte_session_get_decision_reviewer (session, 0)), "rev1");

  /* Its construct goes: the decision goes, nothing becomes current. */
  CU_ASSERT_TRUE (mte_project_remove (p, "c1b", MTE_REMOVE_FLAGS_NONE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), N_STEPS - 1);
  CU_ASSERT_TRUE (mte_session_is_complete (session));

  /* Its translation goes: the construct is undecided again. */
  CU_ASSERT_TRUE (mte_project_remove (p, mte_translation_get_id (
                                        mte_session_get_decision_translation (session, 1)),
                                      MTE_REMOVE_FLAGS_NONE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), N_STEPS - 2);
  MTE_ASSERT_STR (current_id (p), "c2a");

  /* Its concept goes (with the translations into it): every decision
   * naming the concept goes. */
  CU_ASSERT_TRUE (mte_project_remove (p, "k-warm", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), 2);
  MTE_ASSERT_STR (current_id (p), "c1a");
  CU_ASSERT_EQUAL (mte_session_get_n_remaining (session), 4);

  /* A whole study goes with its constructs' decisions. */
  CU_ASSERT_TRUE (mte_project_remove (p, "s3", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_session_get_n_decisions (session), 0);

  /* What is left still saves and loads. */
  {
    g_autoptr (MteProject) q = round_trip (p);

    CU_ASSERT_TRUE (mte_project_equal (p, q));
  }
}

/* ------------------------------------------------------------------ */
/* Stopping and resuming (the acceptance test)                        */
/* ------------------------------------------------------------------ */

static MteProject *
run (MteStudyOrder order,
     guint         from,
     guint         to,
     MteProject   *p)
{
  GError *error = NULL;

  if (p == NULL)
    {
      p = small_project ();
      mte_project_start_session (p, order, &error);
      MTE_ASSERT_NO_ERROR (error);
    }
  for (guint i = from; i < to; i++)
    apply_step (p, i);
  mte_project_set_modified (p, T0 + 1000);
  return p;
}

static void
stop_and_resume_everywhere (MteStudyOrder order)
{
  g_autoptr (MteProject) whole = run (order, 0, N_STEPS, NULL);

  CU_ASSERT_TRUE (mte_session_is_complete (mte_project_get_session (whole)));
  for (guint k = 0; k <= N_STEPS; k++)
    {
      g_autoptr (MteProject) stopped = run (order, 0, k, NULL);
      g_autoptr (MteProject) resumed = round_trip (stopped);

      CU_ASSERT_PTR_NOT_NULL_FATAL (resumed);
      CU_ASSERT_TRUE (mte_project_equal (stopped, resumed));
      CU_ASSERT_PTR_NOT_NULL_FATAL (mte_project_get_session (resumed));
      CU_ASSERT_EQUAL (mte_session_get_n_decisions (mte_project_get_session (resumed)), k);
      CU_ASSERT_EQUAL (mte_session_get_n_remaining (mte_project_get_session (resumed)),
                       N_STEPS - k);
      CU_ASSERT_STRING_EQUAL (current_id (resumed) != NULL ? current_id (resumed) : "(none)",
                              current_id (stopped) != NULL ? current_id (stopped) : "(none)");

      run (order, k, N_STEPS, resumed);
      if (!mte_project_equal (resumed, whole))
        fprintf (stderr, "order %d: resuming after decision %u differs\n", order, k);
      CU_ASSERT_TRUE (mte_project_equal (resumed, whole));
      {
        g_autofree char *a = snapshot (resumed);
        g_autofree char *b = snapshot (whole);

        MTE_ASSERT_STR (a, b);
      }
    }
}

static void
test_stop_and_resume_project_order (void)
{
  stop_and_resume_everywhere (MTE_STUDY_ORDER_PROJECT);
}

static void
test_stop_and_resume_chronological (void)
{
  stop_and_resume_everywhere (MTE_STUDY_ORDER_CHRONOLOGICAL);
}

/* A session with no decisions, and one whose last step was undone. */
static void
test_round_trip_edges (void)
{
  g_autoptr (MteProject) p = small_project ();
  MteSession *session = mte_project_start_session (p, MTE_STUDY_ORDER_CUSTOM, NULL);

  {
    g_autoptr (MteProject) q = round_trip (p);

    CU_ASSERT_TRUE (mte_project_equal (p, q));
    CU_ASSERT_EQUAL (mte_session_get_order (mte_project_get_session (q)),
                     MTE_STUDY_ORDER_CUSTOM);
  }
  apply_step (p, 0);
  apply_step (p, 1);
  apply_step (p, 2);
  {
    /* Undo after a reload takes back exactly what the decision made. */
    g_autoptr (MteProject) q = round_trip (p);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    CU_ASSERT_TRUE (mte_session_undo (session, NULL));
    CU_ASSERT_TRUE (mte_session_undo (session, NULL));
    CU_ASSERT_TRUE (mte_session_undo (mte_project_get_session (q), NULL));
    CU_ASSERT_TRUE (mte_session_undo (mte_project_get_session (q), NULL));
    a = snapshot (p);
    b = snapshot (q);
    MTE_ASSERT_STR (a, b);
  }
  mte_project_discard_session (p);
  {
    g_autoptr (MteProject) q = round_trip (p);

    CU_ASSERT_PTR_NULL (mte_project_get_session (q));
    CU_ASSERT_TRUE (mte_project_equal (p, q));
  }
}

/* A session in index order with no study marked (the team unmarked it, or
 * the studies came later) loads as it was saved: loading marks none. */
static void
test_round_trip_index_session_without_index_study (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteStudy *s;

  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_project_start_session (p, MTE_STUDY_ORDER_INDEX, NULL));
  s = mte_project_add_study (p, "s1", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_study_add_construct (s, "s1-a", MTE_CONSTRUCT_SECOND_ORDER,
                                                         "an interpretation", NULL));
  CU_ASSERT_FALSE (mte_study_get_index_study (s));
  {
    g_autoptr (MteProject) q = round_trip (p);

    CU_ASSERT_FALSE (mte_study_get_index_study (mte_project_get_study (q, 0)));
    CU_ASSERT_TRUE (mte_project_equal (p, q));
  }
}

static void
test_index_order_fixes_index_study (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteStudy *a = mte_project_add_study (p, "A", NULL);
  MteStudy *b = mte_project_add_study (p, "B", NULL);
  MteSession *session;
  GError *error = NULL;

  mte_study_add_construct (a, "a1", MTE_CONSTRUCT_SECOND_ORDER, "a1", NULL);
  mte_study_add_construct (b, "b1", MTE_CONSTRUCT_SECOND_ORDER, "b1", NULL);
  mte_study_add_construct (b, "b2", MTE_CONSTRUCT_SECOND_ORDER, "b2", NULL);
  /* No concepts yet: B wins the suggestion on second-order constructs. */
  session = mte_project_start_session (p, MTE_STUDY_ORDER_INDEX, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT (mte_study_get_index_study (b));
  CU_ASSERT_FALSE (mte_study_get_index_study (a));
  MTE_ASSERT_STR (mte_construct_get_id (mte_session_get_current_construct (session)), "b1");
  /* Founding concepts from B's constructs cannot move the order now. */
  CU_ASSERT_PTR_NOT_NULL (mte_session_found_concept (session, "k1", "k1", NULL, NULL, &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_construct_get_id (mte_session_get_current_construct (session)), "b2");

  /* Switching order to index again keeps the existing mark. */
  mte_study_set_index_study (b, FALSE);
  mte_study_set_index_study (a, TRUE);
  mte_session_set_order (session, MTE_STUDY_ORDER_INDEX);
  CU_ASSERT (mte_study_get_index_study (a));
  CU_ASSERT_FALSE (mte_study_get_index_study (b));
  MTE_ASSERT_STR (mte_construct_get_id (mte_session_get_current_construct (session)), "a1");
}

static const MteTestCase cases[] = {
  { "index order fixes the index study", test_index_order_fixes_index_study },
  { "start and discard", test_start_and_discard },
  { "progress and order", test_progress_and_order },
  { "translate", test_translate },
  { "translate into a concept already expressed", test_translate_existing_expression },
  { "refute", test_refute },
  { "found a concept", test_found_concept },
  { "undo keeps a concept in use", test_found_concept_undo_keeps_used_concept },
  { "set aside", test_set_aside },
  { "undo every step", test_undo_all },
  { "errors", test_errors },
  { "decision kind names", test_kind_names },
  { "removal drops decisions", test_removal_drops_decisions },
  { "stop and resume at every decision (project order)", test_stop_and_resume_project_order },
  { "stop and resume at every decision (chronological)", test_stop_and_resume_chronological },
  { "round trip edges", test_round_trip_edges },
  { "round trip of an index session without index study",
    test_round_trip_index_session_without_index_study },
};

MTE_TEST_MAIN ("session", cases)
