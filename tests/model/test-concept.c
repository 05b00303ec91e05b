/* Tests: key concepts and translations.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <string.h>

#include "../common/mte-test.h"

/* Two studies with one quote and one interpretation each. */
static MteProject *
two_studies (void)
{
  MteProject *p = mte_project_new ();
  MteStudy *a = mte_project_add_study (p, "a", NULL);
  MteStudy *b = mte_project_add_study (p, "b", NULL);

  mte_study_add_construct (a, "a-q", MTE_CONSTRUCT_FIRST_ORDER, "She listened.", NULL);
  mte_study_add_construct (a, "a-t", MTE_CONSTRUCT_SECOND_ORDER, "Being heard", NULL);
  mte_study_add_construct (b, "b-q", MTE_CONSTRUCT_FIRST_ORDER, "Nobody asked me.", NULL);
  mte_study_add_construct (b, "b-t", MTE_CONSTRUCT_SECOND_ORDER, "Not being listened to", NULL);
  mte_project_add_member (p, "rev", "Reviewer One", NULL, NULL);
  return p;
}

static void
test_concepts (void)
{
  g_autoptr (MteProject) p = two_studies ();
  GError *error = NULL;
  MteConcept *k = mte_project_add_concept (p, "heard", "being listened to", &error);

  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_concept_get_label (k), "being listened to");
  CU_ASSERT_PTR_NULL (mte_concept_get_definition (k));
  CU_ASSERT (mte_concept_set_definition (k, "Feeling that a professional attends.", &error));
  CU_ASSERT (mte_concept_set_label (k, "being heard", &error));
  MTE_ASSERT_STR (mte_concept_get_label (k), "being heard");
  MTE_ASSERT_STR (mte_concept_get_definition (k), "Feeling that a professional attends.");
  CU_ASSERT_PTR_EQUAL (mte_project_get_concept (p, 0), k);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_concept (p, "heard"), k);
}

static void
test_expressions (void)
{
  g_autoptr (MteProject) p = two_studies ();
  GError *error = NULL;
  MteConcept *k = mte_project_add_concept (p, "heard", "being heard", NULL);

  CU_ASSERT (mte_concept_add_expression (k, "b-t", &error));
  CU_ASSERT (mte_concept_add_expression (k, "a-t", &error));
  CU_ASSERT (mte_concept_add_expression (k, "a-t", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (k), 2);
  MTE_ASSERT_STR (mte_construct_get_id (mte_concept_get_expression (k, 0)), "b-t");
  MTE_ASSERT_STR (mte_study_get_id (mte_construct_get_study (mte_concept_get_expression (k, 1))), "a");

  CU_ASSERT_FALSE (mte_concept_add_expression (k, "a-q", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_concept_add_expression (k, "a", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_concept_add_expression (k, "zz", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);

  CU_ASSERT (mte_concept_remove_expression (k, "b-t"));
  CU_ASSERT_FALSE (mte_concept_remove_expression (k, "b-t"));
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (k), 1);
}

static void
test_translations (void)
{
  g_autoptr (MteProject) p = two_studies ();
  GError *error = NULL;
  MteTranslation *t, *r;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  mte_project_add_concept (p, "heard", "being heard", NULL);
  t = mte_project_add_translation (p, "t1", MTE_TRANSLATION_RECIPROCAL, "b-t", "heard", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_translation_get_kind (t), MTE_TRANSLATION_RECIPROCAL);
  MTE_ASSERT_STR (mte_entity_get_id (mte_translation_get_source (t)), "b-t");
  CU_ASSERT_EQUAL (mte_entity_get_kind (mte_translation_get_target (t)), MTE_ENTITY_CONCEPT);
  CU_ASSERT (mte_translation_get_created (t) >= now - 5);
  MTE_ASSERT_STR (mte_study_get_id (mte_translation_get_source_study (t)), "b");
  CU_ASSERT_PTR_NULL (mte_translation_get_target_study (t));

  CU_ASSERT (mte_translation_set_target_study (t, "a", &error));
  MTE_ASSERT_STR (mte_study_get_id (mte_translation_get_target_study (t)), "a");
  CU_ASSERT_FALSE (mte_translation_set_source_study (t, "a", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_translation_set_target_study (t, "heard", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT (mte_translation_set_target_study (t, NULL, &error));
  CU_ASSERT_PTR_NULL (mte_translation_get_target_study (t));

  CU_ASSERT (mte_translation_set_rationale (t, "Both describe attentive care.", &error));
  CU_ASSERT (mte_translation_set_reviewer (t, "rev", &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_translation_get_rationale (t), "Both describe attentive care.");
  MTE_ASSERT_STR (mte_member_get_id (mte_translation_get_reviewer (t)), "rev");
  CU_ASSERT_FALSE (mte_translation_set_reviewer (t, "heard", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  mte_translation_set_created (t, 1234);
  CU_ASSERT_EQUAL (mte_translation_get_created (t), 1234);
  mte_translation_set_kind (t, MTE_TRANSLATION_REFUTATIONAL);
  CU_ASSERT_EQUAL (mte_translation_get_kind (t), MTE_TRANSLATION_REFUTATIONAL);

  r = mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL, "a-t", "b-t", &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_translation_get_id (r), "translation-1");
  CU_ASSERT_EQUAL (mte_project_get_n_translations (p), 2);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_translation (p, "t1"), t);

  CU_ASSERT_PTR_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_RECIPROCAL, "a-t", "a-t", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_RECIPROCAL, "a", "b-t", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_PTR_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_RECIPROCAL, "a-t", "nope", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL (mte_project_add_translation (p, "t1", MTE_TRANSLATION_RECIPROCAL, "a-t", "b-t", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT_EQUAL (mte_project_get_n_translations (p), 2);
}

static const MteTestCase cases[] = {
  { "concepts", test_concepts },
  { "expressions", test_expressions },
  { "translations", test_translations },
};

MTE_TEST_MAIN ("concept", cases)
