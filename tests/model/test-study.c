/* Tests: studies, appraisal and constructs.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <string.h>

#include "../common/mte-test.h"

static void
test_fields (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteStudy *s = mte_project_add_study (p, "s1", &error);

  MTE_ASSERT_NO_ERROR (error);
  for (int f = 0; f < MTE_STUDY_N_FIELDS; f++)
    {
      g_autofree char *value = g_strdup_printf ("value of %d", f);
      const char *name = mte_study_field_to_string ((MteStudyField) f);

      CU_ASSERT_PTR_NOT_NULL_FATAL (name);
      CU_ASSERT_EQUAL (mte_study_field_from_string (name), f);
      CU_ASSERT_PTR_NULL (mte_study_get_field (s, (MteStudyField) f));
      CU_ASSERT (mte_study_set_field (s, (MteStudyField) f, value, &error));
      MTE_ASSERT_STR (mte_study_get_field (s, (MteStudyField) f), value);
    }
  MTE_ASSERT_STR (mte_study_field_to_string (MTE_STUDY_DATA_COLLECTION), "data-collection");
  CU_ASSERT_PTR_NULL (mte_study_field_to_string ((MteStudyField) MTE_STUDY_N_FIELDS));
  CU_ASSERT_EQUAL (mte_study_field_from_string ("colour"), -1);
  CU_ASSERT (mte_study_set_field (s, MTE_STUDY_DOI, "", &error));
  CU_ASSERT_PTR_NULL (mte_study_get_field (s, MTE_STUDY_DOI));
  CU_ASSERT_FALSE (mte_study_set_field (s, MTE_STUDY_TITLE, "\xc3\x28", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
}

static void
test_citation_scalars (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteStudy *s = mte_project_add_study (p, "s1", NULL);
  static const char *const authors[] = { "Ridge, D.", "Pilkington, K.", NULL };
  static const char *const bad_authors[] = { "Ridge, D.", "", NULL };

  CU_ASSERT_EQUAL (g_strv_length ((char **) mte_study_get_authors (s)), 0);
  CU_ASSERT (mte_study_set_authors (s, authors, &error));
  CU_ASSERT_EQUAL (g_strv_length ((char **) mte_study_get_authors (s)), 2);
  MTE_ASSERT_STR (mte_study_get_authors (s)[1], "Pilkington, K.");
  CU_ASSERT_FALSE (mte_study_set_authors (s, bad_authors, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (g_strv_length ((char **) mte_study_get_authors (s)), 2);
  CU_ASSERT (mte_study_set_authors (s, NULL, &error));
  CU_ASSERT_EQUAL (g_strv_length ((char **) mte_study_get_authors (s)), 0);

  CU_ASSERT (mte_study_set_year (s, 2023, &error));
  CU_ASSERT_EQUAL (mte_study_get_year (s), 2023);
  CU_ASSERT_FALSE (mte_study_set_year (s, 10000, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_study_set_year (s, -1, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_study_get_year (s), 2023);

  mte_study_set_sample_size (s, 29);
  CU_ASSERT_EQUAL (mte_study_get_sample_size (s), 29);
  CU_ASSERT_FALSE (mte_study_get_index_study (s));
  mte_study_set_index_study (s, 42);
  CU_ASSERT_EQUAL (mte_study_get_index_study (s), TRUE);
  mte_study_set_translation_position (s, 3);
  CU_ASSERT_EQUAL (mte_study_get_translation_position (s), 3);
}

static void
test_attributes (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteStudy *s = mte_project_add_study (p, "s1", NULL);

  CU_ASSERT_EQUAL (mte_study_get_n_attributes (s), 0);
  CU_ASSERT (mte_study_set_attribute (s, "ethnicity", "Black Caribbean", &error));
  CU_ASSERT (mte_study_set_attribute (s, "care", "mental health", &error));
  CU_ASSERT (mte_study_set_attribute (s, "ethnicity", "Black African", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_study_get_n_attributes (s), 2);
  MTE_ASSERT_STR (mte_study_get_attribute_key (s, 0), "ethnicity");
  MTE_ASSERT_STR (mte_study_get_attribute_value (s, 0), "Black African");
  MTE_ASSERT_STR (mte_study_get_attribute (s, "care"), "mental health");
  CU_ASSERT_PTR_NULL (mte_study_get_attribute (s, "none"));
  CU_ASSERT (mte_study_set_attribute (s, "ethnicity", NULL, &error));
  CU_ASSERT_EQUAL (mte_study_get_n_attributes (s), 1);
  MTE_ASSERT_STR (mte_study_get_attribute_key (s, 0), "care");
  CU_ASSERT_FALSE (mte_study_set_attribute (s, "", "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
}

static void
test_appraisal (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteStudy *s = mte_project_add_study (p, "s1", NULL);
  MteChecklist *cl = mte_project_add_checklist (p, "casp", "CASP", NULL);
  static const char *const yes_no[] = { "yes", "can't tell", "no", NULL };
  const char *answer = NULL, *note = NULL, *key = NULL;
  MteChecklist *got = NULL;

  mte_checklist_add_question (cl, "q1", "Aims?", yes_no, NULL);
  mte_checklist_add_question (cl, "q10", "Value?", NULL, NULL);

  CU_ASSERT (mte_study_set_appraisal (s, "casp", "q1", "can't tell", "aims implicit", &error));
  CU_ASSERT (mte_study_set_appraisal (s, "casp", "q10", "Valuable for policy", NULL, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT (mte_study_get_appraisal (s, "casp", "q1", &answer, &note));
  MTE_ASSERT_STR (answer, "can't tell");
  MTE_ASSERT_STR (note, "aims implicit");
  CU_ASSERT_EQUAL (mte_study_get_n_appraisals (s), 2);
  mte_study_get_appraisal_at (s, 1, &got, &key, &answer, &note);
  CU_ASSERT_PTR_EQUAL (got, cl);
  MTE_ASSERT_STR (key, "q10");
  MTE_ASSERT_STR (answer, "Valuable for policy");
  CU_ASSERT_PTR_NULL (note);

  /* Replacing keeps the position. */
  CU_ASSERT (mte_study_set_appraisal (s, "casp", "q1", "yes", NULL, &error));
  mte_study_get_appraisal_at (s, 0, NULL, &key, &answer, &note);
  MTE_ASSERT_STR (key, "q1");
  MTE_ASSERT_STR (answer, "yes");
  CU_ASSERT_PTR_NULL (note);

  CU_ASSERT_FALSE (mte_study_set_appraisal (s, "casp", "q1", "maybe", NULL, &error));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "maybe"));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_study_set_appraisal (s, "casp", "q1", "two\nlines", NULL, &error));
  CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'two\\nlines'"));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_study_set_appraisal (s, "casp", "q9", "yes", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_FALSE (mte_study_set_appraisal (s, "jbi", "q1", "yes", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_FALSE (mte_study_set_appraisal (s, "s1", "q1", "yes", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);

  CU_ASSERT (mte_study_set_appraisal (s, "casp", "q1", NULL, NULL, &error));
  CU_ASSERT_FALSE (mte_study_get_appraisal (s, "casp", "q1", NULL, NULL));
  CU_ASSERT_EQUAL (mte_study_get_n_appraisals (s), 1);
}

static void
test_constructs (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteStudy *s = mte_project_add_study (p, "s1", NULL);
  MteConstruct *q, *t;

  q = mte_study_add_construct (s, "s1-q1", MTE_CONSTRUCT_FIRST_ORDER,
                               "She sat with me and listened.", &error);
  t = mte_study_add_construct (s, NULL, MTE_CONSTRUCT_SECOND_ORDER,
                               "Being heard built trust.", &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_construct_get_id (t), "s1-t1");
  {
    /* Per-study numbering skips ids already taken: s1-q1 is. */
    MteConstruct *q2 = mte_study_add_construct (s, NULL, MTE_CONSTRUCT_FIRST_ORDER,
                                                "I felt known.", &error);
    MteConstruct *t2 = mte_study_add_construct (s, NULL, MTE_CONSTRUCT_SECOND_ORDER,
                                                "Trust grew slowly.", &error);

    MTE_ASSERT_NO_ERROR (error);
    MTE_ASSERT_STR (mte_construct_get_id (q2), "s1-q2");
    MTE_ASSERT_STR (mte_construct_get_id (t2), "s1-t2");
    CU_ASSERT_TRUE (mte_project_remove (p, "s1-q2", MTE_REMOVE_FLAGS_NONE, NULL));
    CU_ASSERT_TRUE (mte_project_remove (p, "s1-t2", MTE_REMOVE_FLAGS_NONE, NULL));
  }
  CU_ASSERT_EQUAL (mte_construct_get_order (q), MTE_CONSTRUCT_FIRST_ORDER);
  CU_ASSERT_PTR_EQUAL (mte_construct_get_study (q), s);
  CU_ASSERT_EQUAL (mte_study_get_n_constructs (s), 2);
  CU_ASSERT_PTR_EQUAL (mte_study_get_construct (s, 1), t);

  CU_ASSERT (mte_construct_set_speaker (q, "woman, 54, breast cancer", &error));
  CU_ASSERT (mte_construct_set_page (q, "7", &error));
  CU_ASSERT (mte_construct_set_section (q, "Findings", &error));
  CU_ASSERT (mte_construct_set_label (t, "trust through listening", &error));
  CU_ASSERT (mte_construct_set_text (t, "Being listened to built trust.", &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_construct_get_speaker (q), "woman, 54, breast cancer");
  MTE_ASSERT_STR (mte_construct_get_page (q), "7");
  MTE_ASSERT_STR (mte_construct_get_section (q), "Findings");
  MTE_ASSERT_STR (mte_construct_get_label (t), "trust through listening");
  MTE_ASSERT_STR (mte_construct_get_text (t), "Being listened to built trust.");

  CU_ASSERT_FALSE (mte_construct_set_speaker (t, "author", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_PTR_NULL (mte_construct_get_speaker (t));
  CU_ASSERT_PTR_NULL (mte_study_add_construct (s, "s1-q1", MTE_CONSTRUCT_FIRST_ORDER, "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT_EQUAL (mte_study_get_n_constructs (s), 2);
}

static void
test_grounding (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteStudy *s1 = mte_project_add_study (p, "s1", NULL);
  MteStudy *s2 = mte_project_add_study (p, "s2", NULL);
  MteConstruct *q1 = mte_study_add_construct (s1, "q1", MTE_CONSTRUCT_FIRST_ORDER, "a", NULL);
  MteConstruct *q2 = mte_study_add_construct (s1, "q2", MTE_CONSTRUCT_FIRST_ORDER, "b", NULL);
  MteConstruct *t1 = mte_study_add_construct (s1, "t1", MTE_CONSTRUCT_SECOND_ORDER, "c", NULL);
  MteConstruct *t1b = mte_study_add_construct (s1, "t1b", MTE_CONSTRUCT_SECOND_ORDER, "c", NULL);
  MteConstruct *other = mte_study_add_construct (s2, "o1", MTE_CONSTRUCT_FIRST_ORDER, "d", NULL);

  (void) other;
  CU_ASSERT (mte_construct_add_grounding (t1, "q2", &error));
  CU_ASSERT (mte_construct_add_grounding (t1, "q1", &error));
  CU_ASSERT (mte_construct_add_grounding (t1, "q2", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_construct_get_n_groundings (t1), 2);
  CU_ASSERT_PTR_EQUAL (mte_construct_get_grounding (t1, 0), q2);
  CU_ASSERT_PTR_EQUAL (mte_construct_get_grounding (t1, 1), q1);

  CU_ASSERT_FALSE (mte_construct_add_grounding (t1, "o1", &error));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "s2"));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_construct_add_grounding (t1, "t1b", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_construct_add_grounding (q1, "q2", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_construct_add_grounding (t1, "q9", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_FALSE (mte_construct_add_grounding (t1, "s1", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_EQUAL (mte_construct_get_n_groundings (q1), 0);
  CU_ASSERT_EQUAL (mte_construct_get_n_groundings (t1b), 0);

  CU_ASSERT (mte_construct_remove_grounding (t1, "q2"));
  CU_ASSERT_FALSE (mte_construct_remove_grounding (t1, "q2"));
  CU_ASSERT_FALSE (mte_construct_remove_grounding (t1, "unknown"));
  CU_ASSERT_EQUAL (mte_construct_get_n_groundings (t1), 1);
  CU_ASSERT_PTR_EQUAL (mte_construct_get_grounding (t1, 0), q1);
}

static const MteTestCase cases[] = {
  { "text fields", test_fields },
  { "citation scalars", test_citation_scalars },
  { "attributes", test_attributes },
  { "appraisal", test_appraisal },
  { "constructs", test_constructs },
  { "grounding", test_grounding },
};

MTE_TEST_MAIN ("study", cases)
