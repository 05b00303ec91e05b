/* Tests: referential integrity, dependents, removal and cascades.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <string.h>

#include "../common/mte-test.h"

/*
 * Two studies, A and B. A: quote a-q grounding interpretation a-t.
 * B: quote b-q grounding b-t. Concept "heard" is expressed by a-t and b-t;
 * translation tr1 joins b-t to "heard"; third-order "rel" rests on "heard"
 * and a-q; "fam" rests on b-t; link l1: rel → fam. Framework "sel" places
 * a-t and rel. Memos on A, on tr1 and on memo m-tr1 itself. Member "rev"
 * reviewed tr1 and wrote m-a. Checklist "casp" appraised A.
 */
static MteProject *
review (void)
{
  MteProject *p = mte_project_new ();
  MteStudy *a = mte_project_add_study (p, "A", NULL);
  MteStudy *b = mte_project_add_study (p, "B", NULL);
  MteConstruct *at, *bt;
  MteConcept *heard;
  MteTranslation *tr;
  MteThirdOrder *rel, *fam;
  MteFramework *sel;
  MteChecklist *casp;
  static const char *const yn[] = { "yes", "no", NULL };

  mte_project_add_member (p, "rev", "Reviewer", NULL, NULL);
  casp = mte_project_add_checklist (p, "casp", "CASP", NULL);
  mte_checklist_add_question (casp, "q1", "Aims?", yn, NULL);
  mte_study_set_appraisal (a, "casp", "q1", "yes", NULL, NULL);
  mte_study_add_construct (a, "a-q", MTE_CONSTRUCT_FIRST_ORDER, "quote A", NULL);
  at = mte_study_add_construct (a, "a-t", MTE_CONSTRUCT_SECOND_ORDER, "theme A", NULL);
  mte_construct_add_grounding (at, "a-q", NULL);
  mte_study_add_construct (b, "b-q", MTE_CONSTRUCT_FIRST_ORDER, "quote B", NULL);
  bt = mte_study_add_construct (b, "b-t", MTE_CONSTRUCT_SECOND_ORDER, "theme B", NULL);
  mte_construct_add_grounding (bt, "b-q", NULL);
  heard = mte_project_add_concept (p, "heard", "being heard", NULL);
  mte_concept_add_expression (heard, "a-t", NULL);
  mte_concept_add_expression (heard, "b-t", NULL);
  tr = mte_project_add_translation (p, "tr1", MTE_TRANSLATION_RECIPROCAL, "b-t", "heard", NULL);
  mte_translation_set_reviewer (tr, "rev", NULL);
  mte_translation_set_target_study (tr, "A", NULL);
  rel = mte_project_add_third_order (p, "rel", "relationship", NULL);
  mte_third_order_add_basis (rel, "heard", NULL);
  mte_third_order_add_basis (rel, "a-q", NULL);
  fam = mte_project_add_third_order (p, "fam", "like family", NULL);
  mte_third_order_add_basis (fam, "b-t", NULL);
  mte_project_add_argument_link (p, "l1", "rel", "fam", MTE_RELATION_LEADS_TO, NULL);
  sel = mte_project_add_socio_ecological_framework (p, "sel", NULL);
  mte_framework_classify (sel, "a-t", "interpersonal", NULL);
  mte_framework_classify (sel, "rel", "organisational", NULL);
  mte_project_add_memo (p, "m-a", "A", "rev", "About study A", NULL);
  mte_project_add_memo (p, "m-tr1", "tr1", NULL, "About tr1", NULL);
  mte_project_add_memo (p, "m-m", "m-tr1", NULL, "About the memo", NULL);
  mte_project_add_memo (p, "m-p", NULL, NULL, "On the project", NULL);
  mte_project_set_modified (p, 1000);
  return p;
}

static gboolean
strv_equal (char **got,
            const char *const *want)
{
  guint i;

  for (i = 0; got[i] != NULL && want[i] != NULL; i++)
    if (strcmp (got[i], want[i]) != 0)
      return FALSE;
  return got[i] == NULL && want[i] == NULL;
}

static void
test_dependents (void)
{
  g_autoptr (MteProject) p = review ();
  g_auto (GStrv) of_b = mte_project_dup_dependents (p, "B");
  g_auto (GStrv) of_at = mte_project_dup_dependents (p, "a-t");
  g_auto (GStrv) of_rev = mte_project_dup_dependents (p, "rev");
  g_auto (GStrv) of_fam = mte_project_dup_dependents (p, "fam");
  g_auto (GStrv) of_p = mte_project_dup_dependents (p, "m-p");
  g_auto (GStrv) of_casp = mte_project_dup_dependents (p, "casp");
  static const char *const b_want[] = { "heard", "tr1", "fam", NULL };
  static const char *const at_want[] = { "heard", "sel", NULL };
  static const char *const rev_want[] = { "tr1", "m-a", NULL };
  static const char *const fam_want[] = { "l1", NULL };
  static const char *const none[] = { NULL };
  static const char *const casp_want[] = { "A", NULL };

  /* B's own grounding (b-t → b-q) is internal; memos about B go with it. */
  CU_ASSERT (strv_equal (of_b, b_want));
  CU_ASSERT (strv_equal (of_at, at_want));
  CU_ASSERT (strv_equal (of_rev, rev_want));
  CU_ASSERT (strv_equal (of_fam, fam_want));
  CU_ASSERT (strv_equal (of_p, none));
  CU_ASSERT (strv_equal (of_casp, casp_want));
  CU_ASSERT_PTR_NULL (mte_project_dup_dependents (p, "nothing"));
}

static void
test_refusal_leaves_project_unchanged (void)
{
  g_autoptr (MteProject) p = review ();
  g_autoptr (MteProject) same = review ();
  GError *error = NULL;
  static const char *const ids[] = { "A", "B", "a-q", "a-t", "heard", "rev", "rel", "fam", "casp" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CU_ASSERT_FALSE (mte_project_remove (p, ids[i], MTE_REMOVE_FLAGS_NONE, &error));
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      /* The message names the entity and at least one dependent. */
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, ids[i]));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "referred to by"));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS);
    }
  mte_project_set_created (same, mte_project_get_created (p));
  mte_project_set_modified (same, mte_project_get_modified (p));
  CU_ASSERT (mte_project_equal (p, same));

  CU_ASSERT_FALSE (mte_project_remove (p, "ghost", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
}

static void
test_simple_removal (void)
{
  g_autoptr (MteProject) p = review ();
  GError *error = NULL;

  /* Nothing refers to these. */
  CU_ASSERT (mte_project_remove (p, "m-p", MTE_REMOVE_FLAGS_NONE, &error));
  CU_ASSERT (mte_project_remove (p, "l1", MTE_REMOVE_FLAGS_NONE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "m-p"));
  CU_ASSERT_EQUAL (mte_project_get_n_argument_links (p), 0);
  CU_ASSERT (mte_project_get_modified (p) > 1000);
  /* With the link gone, "fam" is free, and so is the framework. */
  CU_ASSERT (mte_project_remove (p, "fam", MTE_REMOVE_FLAGS_NONE, &error));
  CU_ASSERT (mte_project_remove (p, "sel", MTE_REMOVE_FLAGS_NONE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_third_orders (p), 1);
  CU_ASSERT_EQUAL (mte_project_get_n_frameworks (p), 0);
  /* Removing the translation takes its memo and the memo's memo with it. */
  CU_ASSERT (mte_project_remove (p, "tr1", MTE_REMOVE_FLAGS_NONE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "m-tr1"));
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "m-m"));
  CU_ASSERT_EQUAL (mte_project_get_n_memos (p), 1);
}

static void
test_cascade_study (void)
{
  g_autoptr (MteProject) p = review ();
  GError *error = NULL;
  MteConcept *heard;
  MteThirdOrder *fam;

  CU_ASSERT (mte_project_remove (p, "B", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (p), 1);
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "b-q"));
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "b-t"));
  /* The translation from b-t is gone, with its memos. */
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "tr1"));
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "m-tr1"));
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "m-m"));
  /* Lists lost only the reference. */
  heard = mte_project_lookup_concept (p, "heard");
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (heard), 1);
  MTE_ASSERT_STR (mte_construct_get_id (mte_concept_get_expression (heard, 0)), "a-t");
  fam = mte_project_lookup_third_order (p, "fam");
  CU_ASSERT_PTR_NOT_NULL_FATAL (fam);
  CU_ASSERT_EQUAL (mte_third_order_get_n_basis (fam), 0);
  CU_ASSERT_EQUAL (mte_project_get_n_argument_links (p), 1);
  CU_ASSERT_EQUAL (mte_project_get_n_memos (p), 2);
}

static void
test_cascade_construct_and_concept (void)
{
  g_autoptr (MteProject) p = review ();
  GError *error = NULL;
  MteFramework *sel;
  MteConstruct *at;

  /* Removing a quote drops it from the grounding and the basis. */
  CU_ASSERT (mte_project_remove (p, "a-q", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  at = mte_project_lookup_construct (p, "a-t");
  CU_ASSERT_EQUAL (mte_construct_get_n_groundings (at), 0);
  CU_ASSERT_EQUAL (mte_third_order_get_n_basis (mte_project_lookup_third_order (p, "rel")), 1);
  CU_ASSERT_EQUAL (mte_study_get_n_constructs (mte_project_lookup_study (p, "A")), 1);

  /* Removing a-t drops its classification. */
  CU_ASSERT (mte_project_remove (p, "a-t", MTE_REMOVE_CASCADE, &error));
  sel = mte_project_lookup_framework (p, "sel");
  CU_ASSERT_EQUAL (mte_framework_get_n_classifications (sel), 1);
  {
    g_auto (GStrv) levels = mte_framework_dup_levels_of (sel, "rel");
    CU_ASSERT_EQUAL (g_strv_length (levels), 1);
  }

  /* Removing the concept removes the translation into it. */
  CU_ASSERT (mte_project_remove (p, "heard", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_translations (p), 0);
  CU_ASSERT_EQUAL (mte_third_order_get_n_basis (mte_project_lookup_third_order (p, "rel")), 0);
}

static void
test_cascade_members_checklists_links (void)
{
  g_autoptr (MteProject) p = review ();
  GError *error = NULL;
  MteTranslation *tr;
  MteMemo *memo;

  CU_ASSERT (mte_project_remove (p, "rev", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  tr = mte_project_lookup_translation (p, "tr1");
  CU_ASSERT_PTR_NOT_NULL_FATAL (tr);
  CU_ASSERT_PTR_NULL (mte_translation_get_reviewer (tr));
  memo = mte_project_lookup_memo (p, "m-a");
  CU_ASSERT_PTR_NOT_NULL_FATAL (memo);
  CU_ASSERT_PTR_NULL (mte_memo_get_author (memo));

  CU_ASSERT (mte_project_remove (p, "casp", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT_EQUAL (mte_study_get_n_appraisals (mte_project_lookup_study (p, "A")), 0);

  /* A concept side's study is dropped, not the translation. */
  CU_ASSERT (mte_project_remove (p, "A", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_project_lookup_translation (p, "tr1"));
  CU_ASSERT_PTR_NULL (mte_translation_get_target_study (tr));

  CU_ASSERT (mte_project_remove (p, "rel", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_argument_links (p), 0);
  CU_ASSERT_EQUAL (mte_framework_get_n_classifications (mte_project_lookup_framework (p, "sel")), 0);
}

static void
test_ids_reusable_after_removal (void)
{
  g_autoptr (MteProject) p = review ();
  GError *error = NULL;

  CU_ASSERT (mte_project_remove (p, "B", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_study (p, "B", &error));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_concept (p, "b-t", "reused", &error));
  MTE_ASSERT_NO_ERROR (error);
}

static const MteTestCase cases[] = {
  { "dependents", test_dependents },
  { "refusal leaves the project unchanged", test_refusal_leaves_project_unchanged },
  { "simple removal", test_simple_removal },
  { "cascade: study", test_cascade_study },
  { "cascade: construct and concept", test_cascade_construct_and_concept },
  { "cascade: members, checklists, links", test_cascade_members_checklists_links },
  { "ids reusable after removal", test_ids_reusable_after_removal },
};

MTE_TEST_MAIN ("remove", cases)
