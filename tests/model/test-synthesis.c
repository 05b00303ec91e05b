/* Tests: third-order constructs, GRADE-CERQual, argument links, frameworks.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <string.h>

#include "../common/mte-test.h"

static MteProject *
small_review (void)
{
  MteProject *p = mte_project_new ();
  MteStudy *a = mte_project_add_study (p, "a", NULL);

  mte_study_add_construct (a, "a-q", MTE_CONSTRUCT_FIRST_ORDER, "She listened.", NULL);
  mte_study_add_construct (a, "a-t", MTE_CONSTRUCT_SECOND_ORDER, "Being heard", NULL);
  mte_project_add_concept (p, "heard", "being heard", NULL);
  mte_project_add_concept (p, "family", "practitioners who feel like family", NULL);
  return p;
}

static void
test_third_order (void)
{
  g_autoptr (MteProject) p = small_review ();
  GError *error = NULL;
  MteThirdOrder *t = mte_project_add_third_order (p, "relationship",
                                                  "centrality of the relationship", &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT (mte_third_order_set_statement (t, "The relationship is the care.", &error));
  CU_ASSERT (mte_third_order_add_basis (t, "heard", &error));
  CU_ASSERT (mte_third_order_add_basis (t, "a-q", &error));
  CU_ASSERT (mte_third_order_add_basis (t, "heard", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_third_order_get_n_basis (t), 2);
  CU_ASSERT_EQUAL (mte_entity_get_kind (mte_third_order_get_basis (t, 1)), MTE_ENTITY_CONSTRUCT);
  CU_ASSERT_FALSE (mte_third_order_add_basis (t, "a", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_third_order_add_basis (t, "zzz", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT (mte_third_order_remove_basis (t, "heard"));
  CU_ASSERT_FALSE (mte_third_order_remove_basis (t, "heard"));
  CU_ASSERT_EQUAL (mte_third_order_get_n_basis (t), 1);
  CU_ASSERT (mte_third_order_set_label (t, "the relationship", &error));
  MTE_ASSERT_STR (mte_third_order_get_label (t), "the relationship");
  MTE_ASSERT_STR (mte_third_order_get_statement (t), "The relationship is the care.");
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_third_order (p, "relationship"), t);
  CU_ASSERT_PTR_EQUAL (mte_project_get_third_order (p, 0), t);
}

static void
test_cerqual (void)
{
  g_autoptr (MteProject) p = small_review ();
  GError *error = NULL;
  MteThirdOrder *t = mte_project_add_third_order (p, NULL, "finding", NULL);

  for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
    {
      CU_ASSERT_EQUAL (mte_third_order_get_concern (t, (MteCerqualComponent) c),
                       MTE_CONCERN_NOT_ASSESSED);
      CU_ASSERT_PTR_NOT_NULL (mte_cerqual_component_to_string ((MteCerqualComponent) c));
    }
  CU_ASSERT (mte_third_order_set_concern (t, MTE_CERQUAL_ADEQUACY, MTE_CONCERN_MODERATE,
                                          "Thin data from two studies.", &error));
  CU_ASSERT (mte_third_order_set_confidence (t, MTE_CONFIDENCE_MODERATE,
                                             "Moderate concerns about adequacy.", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_third_order_get_concern (t, MTE_CERQUAL_ADEQUACY), MTE_CONCERN_MODERATE);
  MTE_ASSERT_STR (mte_third_order_get_concern_explanation (t, MTE_CERQUAL_ADEQUACY),
                  "Thin data from two studies.");
  CU_ASSERT_PTR_NULL (mte_third_order_get_concern_explanation (t, MTE_CERQUAL_COHERENCE));
  CU_ASSERT_EQUAL (mte_third_order_get_confidence (t), MTE_CONFIDENCE_MODERATE);
  MTE_ASSERT_STR (mte_third_order_get_confidence_explanation (t), "Moderate concerns about adequacy.");
  CU_ASSERT_FALSE (mte_third_order_set_concern (t, (MteCerqualComponent) 4, MTE_CONCERN_MINOR, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_third_order_set_confidence (t, (MteConfidence) 9, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_third_order_get_confidence (t), MTE_CONFIDENCE_MODERATE);

  MTE_ASSERT_STR (mte_concern_to_string (MTE_CONCERN_NONE_OR_VERY_MINOR), "none-or-very-minor");
  MTE_ASSERT_STR (mte_confidence_to_string (MTE_CONFIDENCE_VERY_LOW), "very-low");
  MTE_ASSERT_STR (mte_cerqual_component_to_string (MTE_CERQUAL_METHODOLOGICAL_LIMITATIONS),
                  "methodological-limitations");
  CU_ASSERT_PTR_NULL (mte_concern_to_string ((MteConcern) 17));
}

static void
test_argument_links (void)
{
  g_autoptr (MteProject) p = small_review ();
  GError *error = NULL;
  MteArgumentLink *l, *back;

  mte_project_add_third_order (p, "warmth", "warmth and connection", NULL);
  mte_project_add_third_order (p, "disclosure", "disclosure and engagement", NULL);
  l = mte_project_add_argument_link (p, "l1", "warmth", "disclosure", MTE_RELATION_LEADS_TO, &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_third_order_get_id (mte_argument_link_get_from (l)), "warmth");
  MTE_ASSERT_STR (mte_third_order_get_id (mte_argument_link_get_to (l)), "disclosure");
  MTE_ASSERT_STR (mte_argument_link_get_relation (l), "leads to");
  CU_ASSERT (mte_argument_link_set_rationale (l, "Patients open up to warm staff.", &error));
  MTE_ASSERT_STR (mte_argument_link_get_rationale (l), "Patients open up to warm staff.");
  CU_ASSERT (mte_argument_link_set_relation (l, "invites", &error));
  MTE_ASSERT_STR (mte_argument_link_get_relation (l), "invites");
  CU_ASSERT_FALSE (mte_argument_link_set_relation (l, "", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);

  /* Cycles are allowed; self-links and wrong kinds are not. */
  back = mte_project_add_argument_link (p, NULL, "disclosure", "warmth", MTE_RELATION_SHAPES, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (back);
  CU_ASSERT_PTR_NULL (mte_project_add_argument_link (p, NULL, "warmth", "warmth", "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_project_add_argument_link (p, NULL, "warmth", "heard", "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_PTR_NULL (mte_project_add_argument_link (p, NULL, "warmth", "disclosure", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_project_get_n_argument_links (p), 2);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_argument_link (p, "l1"), l);
}

static void
test_frameworks (void)
{
  g_autoptr (MteProject) p = small_review ();
  GError *error = NULL;
  MteFramework *sel = mte_project_add_socio_ecological_framework (p, NULL, &error);
  MteFramework *custom;
  g_auto (GStrv) levels = NULL;
  MteEntity *entity = NULL;
  const char *key = NULL;

  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_framework_get_id (sel), "socio-ecological");
  CU_ASSERT_EQUAL (mte_framework_get_n_levels (sel), 5);
  MTE_ASSERT_STR (mte_framework_get_level_key (sel, 0), "individual");
  MTE_ASSERT_STR (mte_framework_get_level_key (sel, 4), "societal");
  MTE_ASSERT_STR (mte_framework_get_level_label (sel, 3), "Organisational");
  CU_ASSERT_PTR_NOT_NULL (mte_framework_get_description (sel));
  CU_ASSERT_PTR_NULL (mte_project_add_socio_ecological_framework (p, NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);

  CU_ASSERT (mte_framework_classify (sel, "heard", "interpersonal", &error));
  CU_ASSERT (mte_framework_classify (sel, "heard", "organisational", &error));
  CU_ASSERT (mte_framework_classify (sel, "a-q", "individual", &error));
  CU_ASSERT (mte_framework_classify (sel, "heard", "interpersonal", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_framework_get_n_classifications (sel), 3);
  mte_framework_get_classification (sel, 2, &entity, &key);
  MTE_ASSERT_STR (mte_entity_get_id (entity), "a-q");
  MTE_ASSERT_STR (key, "individual");
  levels = mte_framework_dup_levels_of (sel, "heard");
  CU_ASSERT_EQUAL (g_strv_length (levels), 2);
  MTE_ASSERT_STR (levels[0], "interpersonal");
  MTE_ASSERT_STR (levels[1], "organisational");

  CU_ASSERT_FALSE (mte_framework_classify (sel, "a", "individual", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_framework_classify (sel, "heard", "planetary", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_FALSE (mte_framework_classify (sel, "nothing", "individual", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);

  CU_ASSERT (mte_framework_unclassify (sel, "heard", "organisational"));
  CU_ASSERT_FALSE (mte_framework_unclassify (sel, "heard", "organisational"));
  CU_ASSERT_EQUAL (mte_framework_get_n_classifications (sel), 2);

  /* Levels in use cannot go without a cascade. */
  CU_ASSERT_FALSE (mte_framework_remove_level (sel, "interpersonal", MTE_REMOVE_FLAGS_NONE, &error));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "concept 'heard'"));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS);
  CU_ASSERT (mte_framework_remove_level (sel, "community", MTE_REMOVE_FLAGS_NONE, &error));
  CU_ASSERT (mte_framework_remove_level (sel, "interpersonal", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_framework_get_n_levels (sel), 3);
  CU_ASSERT_EQUAL (mte_framework_get_n_classifications (sel), 1);
  CU_ASSERT_EQUAL (mte_framework_find_level (sel, "organisational"), 1);
  g_strfreev (levels);
  levels = mte_framework_dup_levels_of (sel, "heard");
  CU_ASSERT_EQUAL (g_strv_length (levels), 0);

  custom = mte_project_add_framework (p, "cfir", "Custom", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT (mte_framework_add_level (custom, "inner", NULL, &error));
  CU_ASSERT (mte_framework_add_level (custom, "outer", "Outer setting", &error));
  MTE_ASSERT_STR (mte_framework_get_level_label (custom, 0), "inner");
  CU_ASSERT_FALSE (mte_framework_add_level (custom, "inner", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT (mte_framework_set_level_label (custom, "inner", "Inner setting", &error));
  MTE_ASSERT_STR (mte_framework_get_level_label (custom, 0), "Inner setting");
  CU_ASSERT (mte_framework_set_description (custom, "Implementation factors", &error));
  CU_ASSERT (mte_framework_set_name (custom, "CFIR", &error));
  MTE_ASSERT_STR (mte_framework_get_name (custom), "CFIR");
  CU_ASSERT_EQUAL (mte_project_get_n_frameworks (p), 2);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_framework (p, "cfir"), custom);
}

static const MteTestCase cases[] = {
  { "third-order constructs", test_third_order },
  { "GRADE-CERQual", test_cerqual },
  { "argument links", test_argument_links },
  { "frameworks", test_frameworks },
};

MTE_TEST_MAIN ("synthesis", cases)
