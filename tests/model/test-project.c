/* Tests: project fields, ids, lookup, members, checklists and memos.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <string.h>

#include "../common/mte-test.h"

static void
test_new_project (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  CU_ASSERT_PTR_NULL (mte_project_get_title (p));
  CU_ASSERT (mte_project_get_created (p) <= now);
  CU_ASSERT (mte_project_get_created (p) >= now - 5);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (p), 0);
  CU_ASSERT_EQUAL (mte_project_get_n_members (p), 0);
  CU_ASSERT_PTR_NULL (mte_project_lookup (p, "anything"));
}

static void
test_project_strings (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;

  CU_ASSERT (mte_project_set_title (p, "Warmth and connection", &error));
  CU_ASSERT (mte_project_set_question (p, "How do patients experience care?", &error));
  CU_ASSERT (mte_project_set_aim (p, "To synthesise", &error));
  CU_ASSERT (mte_project_set_line_of_argument (p, "Patients yearn for warmth.", &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_project_get_title (p), "Warmth and connection");
  MTE_ASSERT_STR (mte_project_get_question (p), "How do patients experience care?");
  MTE_ASSERT_STR (mte_project_get_aim (p), "To synthesise");
  MTE_ASSERT_STR (mte_project_get_line_of_argument (p), "Patients yearn for warmth.");

  /* Empty clears; invalid UTF-8 is refused and leaves the old value. */
  CU_ASSERT (mte_project_set_aim (p, "", &error));
  CU_ASSERT_PTR_NULL (mte_project_get_aim (p));
  CU_ASSERT_FALSE (mte_project_set_title (p, "bad \xff byte", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  MTE_ASSERT_STR (mte_project_get_title (p), "Warmth and connection");
}

static void
test_xml_characters (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  static const char *const refused[] = {
    "bell \x07", "nul-free \x1f", "\xef\xbf\xbe noncharacter", "\xef\xbf\xbf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      CU_ASSERT_FALSE (mte_project_set_title (p, refused[i], &error));
      CU_ASSERT_PTR_NOT_NULL (error != NULL ? strstr (error->message, "U+") : NULL);
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_PTR_NULL (mte_project_add_concept (p, NULL, refused[i], &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
    }
  /* Tab, newline, carriage return and everything else are fine. */
  CU_ASSERT (mte_project_set_title (p, "a\tb\nc\r\n\xf0\x9f\x99\x82 \xef\xbf\xbd", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_concepts (p), 0);
}

static void
test_modified_time (void)
{
  g_autoptr (MteProject) p = mte_project_new ();

  mte_project_set_modified (p, 1000);
  mte_project_set_created (p, 500);
  CU_ASSERT_EQUAL (mte_project_get_created (p), 500);
  /* set_created is a change, so modified moved to now. */
  CU_ASSERT (mte_project_get_modified (p) > 1000);
  mte_project_set_modified (p, 1000);
  CU_ASSERT_EQUAL (mte_project_get_modified (p), 1000);
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_study (p, "s1", NULL));
  CU_ASSERT (mte_project_get_modified (p) > 1000);
}

static void
test_ids (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  static const char *const bad[] = {
    "", "-leading-dash", ".dot", "with space", "slash/", "é", "a\"b", "a<b",
  };
  g_autofree char *long_ok = g_strnfill (256, 'x');
  g_autofree char *too_long = g_strnfill (257, 'x');

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CU_ASSERT_PTR_NULL (mte_project_add_study (p, bad[i], &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID);
    }
  CU_ASSERT_PTR_NULL (mte_project_add_study (p, too_long, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID);
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_study (p, long_ok, &error));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_study (p, "ridge2023", &error));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_study (p, "_s07-q3.v2:x", &error));
  MTE_ASSERT_NO_ERROR (error);

  /* Ids are unique across kinds. */
  CU_ASSERT_PTR_NULL (mte_project_add_concept (p, "ridge2023", "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT_PTR_NULL (mte_project_add_member (p, "ridge2023", "x", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (p), 3);
  CU_ASSERT_EQUAL (mte_project_get_n_concepts (p), 0);
}

static void
test_generated_ids (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteStudy *a, *b, *c;
  MteConcept *k;

  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_project_add_study (p, "study-2", NULL));
  a = mte_project_add_study (p, NULL, NULL);
  b = mte_project_add_study (p, NULL, NULL);
  c = mte_project_add_study (p, NULL, NULL);
  k = mte_project_add_concept (p, NULL, "warmth", NULL);
  MTE_ASSERT_STR (mte_study_get_id (a), "study-1");
  MTE_ASSERT_STR (mte_study_get_id (b), "study-3");
  MTE_ASSERT_STR (mte_study_get_id (c), "study-4");
  MTE_ASSERT_STR (mte_concept_get_id (k), "warmth");

  {
    g_autofree char *id = mte_project_generate_id (p, "study");
    MTE_ASSERT_STR (id, "study-5");
  }

  /* Prefixes too long for PREFIX-N to fit 256 characters are shortened
   * to 245, so the ids stay valid (this used to loop for ever). */
  for (gsize len = 240; len <= 256; len++)
    {
      g_autofree char *prefix = g_strnfill (len, 'p');
      g_autofree char *first = mte_project_generate_id (p, prefix);
      g_autoptr (GError) error = NULL;

      CU_ASSERT_PTR_NOT_NULL_FATAL (first);
      CU_ASSERT_TRUE (strlen (first) <= 256);
      CU_ASSERT_TRUE (g_str_has_suffix (first, "-1") || len > 245);
      CU_ASSERT_PTR_NOT_NULL (mte_project_add_study (p, first, &error));
      CU_ASSERT_PTR_NULL (error);
    }
  {
    g_autofree char *prefix = g_strnfill (256, 'q');

    for (guint i = 1; i <= 12; i++)
      {
        g_autofree char *id = mte_project_generate_id (p, prefix);
        g_autofree char *expected = g_strdup_printf ("%.245s-%u", prefix, i);

        MTE_ASSERT_STR (id, expected);
        CU_ASSERT_PTR_NOT_NULL (mte_project_add_study (p, id, NULL));
      }
  }
}

static void
test_slug_ids (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  static const struct { const char *text, *id; } cases[] = {
    { "Being listened to", "being-listened-to" },
    { "  Patients' trust -- and DISTRUST!  ", "patients-trust-and-distrust" },
    { "Ça va: l\u2019équipe", "ca-va-lequipe" },
    { "GP (2019) visits", "gp-2019-visits" },
    { "Yearning for warmth, to be listened to, and to be known as whole people",
      "yearning-for-warmth-to-be-listened-to-and-to-be" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = mte_project_generate_slug_id (p, cases[i].text, "concept");

      MTE_ASSERT_STR (id, cases[i].id);
      CU_ASSERT_TRUE (strlen (id) <= 48);
    }

  /* Taken ids get -2, -3; ids of other kinds count as taken. */
  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_project_add_study (p, "warmth", NULL));
  {
    MteConcept *a = mte_project_add_concept (p, NULL, "Warmth", NULL);
    MteConcept *b = mte_project_add_concept (p, NULL, "WARMTH", NULL);
    MteThirdOrder *t = mte_project_add_third_order (p, NULL, "warmth!", NULL);
    MteMember *m = mte_project_add_member (p, NULL, "Ada Okafor", NULL, NULL);
    MteFramework *f = mte_project_add_framework (p, NULL, "Socio-ecological model", NULL);
    MteChecklist *c = mte_project_add_checklist (p, NULL, "CASP qualitative", NULL);

    MTE_ASSERT_STR (mte_concept_get_id (a), "warmth-2");
    MTE_ASSERT_STR (mte_concept_get_id (b), "warmth-3");
    MTE_ASSERT_STR (mte_third_order_get_id (t), "warmth-4");
    MTE_ASSERT_STR (mte_member_get_id (m), "ada-okafor");
    MTE_ASSERT_STR (mte_framework_get_id (f), "socio-ecological-model");
    MTE_ASSERT_STR (mte_checklist_get_id (c), "casp-qualitative");
  }

  /* Nothing to make a slug of: the prefix. */
  {
    g_autofree char *empty = mte_project_generate_slug_id (p, "", "concept");
    g_autofree char *symbols = mte_project_generate_slug_id (p, "?! ...", "concept");
    g_autofree char *none = mte_project_generate_slug_id (p, NULL, "memo");
    g_autofree char *bad = mte_project_generate_slug_id (p, "\xff\xfe", "concept");

    MTE_ASSERT_STR (empty, "concept-1");
    MTE_ASSERT_STR (symbols, "concept-2");
    MTE_ASSERT_STR (none, "memo-1");
    MTE_ASSERT_STR (bad, "concept-3");
  }
}

static void
test_lookup_and_kinds (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteStudy *s = mte_project_add_study (p, "s1", NULL);
  MteConstruct *c = mte_study_add_construct (s, "q1", MTE_CONSTRUCT_FIRST_ORDER,
                                             "I felt heard.", NULL);
  MteEntity *e;

  e = mte_project_lookup (p, "q1");
  CU_ASSERT_PTR_EQUAL (e, MTE_ENTITY (c));
  CU_ASSERT_EQUAL (mte_entity_get_kind (e), MTE_ENTITY_CONSTRUCT);
  MTE_ASSERT_STR (mte_entity_get_id (e), "q1");
  CU_ASSERT_PTR_EQUAL (mte_entity_get_project (e), p);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_construct (p, "q1"), c);
  CU_ASSERT_PTR_NULL (mte_project_lookup_study (p, "q1"));
  CU_ASSERT_PTR_NULL (mte_project_lookup_concept (p, "q1"));
  MTE_ASSERT_STR (mte_entity_kind_to_string (MTE_ENTITY_THIRD_ORDER),
                  "third-order construct");
  MTE_ASSERT_STR (mte_entity_kind_to_string ((MteEntityKind) 99), "none");
}

static void
test_members (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteMember *m = mte_project_add_member (p, "dr", "D. Ridge", "lead reviewer", &error);

  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_member_get_id (m), "dr");
  MTE_ASSERT_STR (mte_member_get_name (m), "D. Ridge");
  MTE_ASSERT_STR (mte_member_get_role (m), "lead reviewer");
  CU_ASSERT (mte_member_set_role (m, NULL, &error));
  CU_ASSERT_PTR_NULL (mte_member_get_role (m));
  CU_ASSERT (mte_member_set_name (m, "Damien Ridge", &error));
  MTE_ASSERT_STR (mte_member_get_name (m), "Damien Ridge");
  CU_ASSERT_EQUAL (mte_project_get_n_members (p), 1);
  CU_ASSERT_PTR_EQUAL (mte_project_get_member (p, 0), m);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_member (p, "dr"), m);
  CU_ASSERT_PTR_NULL (mte_project_add_member (p, NULL, "x\xc3", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_project_get_n_members (p), 1);
}

static const char *const yes_no[] = { "yes", "can't tell", "no", NULL };

static void
test_checklists (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteChecklist *cl = mte_project_add_checklist (p, "casp", "CASP qualitative", &error);
  static const char *const dup[] = { "yes", "yes", NULL };
  static const char *const empty[] = { "", NULL };

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT (mte_checklist_add_question (cl, "q1", "Clear aims?", yes_no, &error));
  CU_ASSERT (mte_checklist_add_question (cl, "q10", "How valuable is it?", NULL, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_FALSE (mte_checklist_add_question (cl, "q1", "again", yes_no, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT_FALSE (mte_checklist_add_question (cl, "q2", "dup", dup, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  {
    static const char *const dup_lines[] = { "a\nb", "a\nb", NULL };

    CU_ASSERT_FALSE (mte_checklist_add_question (cl, "q2", "dup", dup_lines, &error));
    CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
    MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
    CU_ASSERT_PTR_NULL (mte_project_add_study (p, "bad\nid", &error));
    CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
    MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID);
    CU_ASSERT_PTR_NULL (mte_project_add_memo (p, NULL, "no\nsuch", NULL, "x", &error));
    CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
    MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  }
  CU_ASSERT_FALSE (mte_checklist_add_question (cl, "q2", "empty", empty, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_checklist_add_question (cl, "bad key", "x", NULL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_ID);

  CU_ASSERT_EQUAL (mte_checklist_get_n_questions (cl), 2);
  MTE_ASSERT_STR (mte_checklist_get_question_key (cl, 1), "q10");
  MTE_ASSERT_STR (mte_checklist_get_question_text (cl, 0), "Clear aims?");
  CU_ASSERT_EQUAL (g_strv_length ((char **) mte_checklist_get_question_answers (cl, 0)), 3);
  CU_ASSERT_EQUAL (g_strv_length ((char **) mte_checklist_get_question_answers (cl, 1)), 0);
  CU_ASSERT_EQUAL (mte_checklist_find_question (cl, "q10"), 1);
  CU_ASSERT_EQUAL (mte_checklist_find_question (cl, "q3"), -1);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_checklist (p, "casp"), cl);
}

static void
test_question_removal (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteChecklist *cl = mte_project_add_checklist (p, "casp", "CASP", NULL);
  MteStudy *s = mte_project_add_study (p, "s1", NULL);

  mte_checklist_add_question (cl, "q1", "Aims?", yes_no, NULL);
  mte_checklist_add_question (cl, "q2", "Method?", yes_no, NULL);
  CU_ASSERT (mte_study_set_appraisal (s, "casp", "q1", "yes", NULL, &error));
  MTE_ASSERT_NO_ERROR (error);

  CU_ASSERT_FALSE (mte_checklist_remove_question (cl, "q1", MTE_REMOVE_FLAGS_NONE, &error));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "study 's1'"));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS);
  CU_ASSERT (mte_checklist_remove_question (cl, "q2", MTE_REMOVE_FLAGS_NONE, &error));
  CU_ASSERT (mte_checklist_remove_question (cl, "q1", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_checklist_get_n_questions (cl), 0);
  CU_ASSERT_EQUAL (mte_study_get_n_appraisals (s), 0);
  CU_ASSERT_FALSE (mte_checklist_remove_question (cl, "q1", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
}

static void
test_memos (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteMember *m = mte_project_add_member (p, "jk", "J. K.", NULL, NULL);
  MteConcept *k = mte_project_add_concept (p, "warmth", "warmth", NULL);
  MteMemo *general, *about;

  general = mte_project_add_memo (p, NULL, NULL, NULL, "Started screening.", &error);
  about = mte_project_add_memo (p, "m-warmth", "warmth", "jk", "Close to 'feeling like family'?", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (mte_memo_get_subject (general));
  CU_ASSERT_PTR_NULL (mte_memo_get_author (general));
  CU_ASSERT_PTR_EQUAL (mte_memo_get_subject (about), MTE_ENTITY (k));
  CU_ASSERT_PTR_EQUAL (mte_memo_get_author (about), m);
  CU_ASSERT (mte_memo_get_created (about) > 0);
  mte_memo_set_created (about, 1700000000);
  CU_ASSERT_EQUAL (mte_memo_get_created (about), 1700000000);
  CU_ASSERT (mte_memo_set_text (about, "Revised.", &error));
  MTE_ASSERT_STR (mte_memo_get_text (about), "Revised.");

  CU_ASSERT_PTR_NULL (mte_project_add_memo (p, NULL, "nope", NULL, "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL (mte_project_add_memo (p, NULL, NULL, "warmth", "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_memo_set_author (about, "warmth", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_PTR_EQUAL (mte_memo_get_author (about), m);
  CU_ASSERT (mte_memo_set_author (about, NULL, &error));
  CU_ASSERT_PTR_NULL (mte_memo_get_author (about));
  CU_ASSERT_EQUAL (mte_project_get_n_memos (p), 2);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_memo (p, "m-warmth"), about);
}

static void
test_version (void)
{
  CU_ASSERT_STRING_EQUAL (mte_get_version_string (), MTE_VERSION_S);
  CU_ASSERT_EQUAL (mte_get_major_version (), MTE_MAJOR_VERSION);
  CU_ASSERT_EQUAL (mte_get_minor_version (), MTE_MINOR_VERSION);
  CU_ASSERT_EQUAL (mte_get_micro_version (), MTE_MICRO_VERSION);
  CU_ASSERT (MTE_CHECK_VERSION (0, 0, 0));
  CU_ASSERT_FALSE (MTE_CHECK_VERSION (MTE_MAJOR_VERSION + 1, 0, 0));
}

static const MteTestCase cases[] = {
  { "new project", test_new_project },
  { "project strings", test_project_strings },
  { "characters XML cannot hold", test_xml_characters },
  { "modified time", test_modified_time },
  { "ids", test_ids },
  { "generated ids", test_generated_ids },
  { "readable ids", test_slug_ids },
  { "lookup and kinds", test_lookup_and_kinds },
  { "members", test_members },
  { "checklists", test_checklists },
  { "question removal", test_question_removal },
  { "memos", test_memos },
  { "version", test_version },
};

MTE_TEST_MAIN ("project", cases)
