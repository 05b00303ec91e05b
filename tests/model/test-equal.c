/* Tests: mte_project_equal() sees every field and every order.
 *
 * The builder makes the same project each time, except that variant N
 * changes exactly one thing; every variant must compare unequal to the
 * base, and the base equal to a second base.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include "../common/mte-test.h"

#define V(n) (variant == (n))

static MteProject *
build (int variant)
{
  MteProject *p = mte_project_new ();
  MteStudy *s1, *s2;
  MteConstruct *q, *t, *t2;
  MteConcept *k;
  MteTranslation *tr;
  MteThirdOrder *a, *b;
  MteArgumentLink *l;
  MteFramework *f;
  MteChecklist *cl;
  MteMemo *m;
  static const char *const yn[] = { "yes", "no", NULL };
  static const char *const ny[] = { "no", "yes", NULL };
  static const char *const authors[] = { "A, B.", "C, D.", NULL };
  static const char *const authors2[] = { "C, D.", "A, B.", NULL };

  mte_project_set_title (p, V (1) ? "Title!" : "Title", NULL);
  mte_project_set_question (p, "Q", NULL);
  mte_project_set_aim (p, V (2) ? NULL : "Aim", NULL);
  mte_project_set_line_of_argument (p, V (3) ? "LoA." : "LoA", NULL);
  mte_project_add_member (p, "m1", "Member", V (4) ? "lead" : NULL, NULL);
  cl = mte_project_add_checklist (p, "cl", "List", NULL);
  mte_checklist_add_question (cl, "q1", V (5) ? "Aims?" : "Aim?", V (6) ? ny : yn, NULL);
  mte_checklist_add_question (cl, "q2", "Free", NULL, NULL);

  s1 = mte_project_add_study (p, V (7) ? "s1x" : "s1", NULL);
  s2 = mte_project_add_study (p, "s2", NULL);
  mte_study_set_authors (s1, V (8) ? authors2 : authors, NULL);
  mte_study_set_year (s1, V (9) ? 2001 : 2000, NULL);
  mte_study_set_sample_size (s1, V (10) ? 13 : 12);
  mte_study_set_index_study (s1, V (11));
  mte_study_set_translation_position (s1, V (12) ? 2 : 1);
  mte_study_set_field (s1, MTE_STUDY_SETTING, V (13) ? "clinic" : "ward", NULL);
  mte_study_set_attribute (s1, "k1", "v1", NULL);
  mte_study_set_attribute (s1, "k2", V (14) ? "v3" : "v2", NULL);
  mte_study_set_appraisal (s1, "cl", "q1", V (15) ? "no" : "yes", V (16) ? "n" : NULL, NULL);
  mte_study_set_appraisal (s1, "cl", "q2", "fine", NULL, NULL);

  q = mte_study_add_construct (s1, "q", MTE_CONSTRUCT_FIRST_ORDER, V (17) ? "quote " : "quote", NULL);
  mte_construct_set_speaker (q, V (18) ? "man" : "woman", NULL);
  mte_construct_set_page (q, V (19) ? "8" : "7", NULL);
  mte_construct_set_section (q, V (20) ? NULL : "Results", NULL);
  t = mte_study_add_construct (s1, "t", MTE_CONSTRUCT_SECOND_ORDER, "theme", NULL);
  mte_construct_set_label (t, V (21) ? "lbl2" : "lbl", NULL);
  if (!V (22))
    mte_construct_add_grounding (t, "q", NULL);
  t2 = mte_study_add_construct (s2, "t2", V (23) ? MTE_CONSTRUCT_FIRST_ORDER
                                                 : MTE_CONSTRUCT_SECOND_ORDER, "other", NULL);
  (void) t2;

  k = mte_project_add_concept (p, "k", V (24) ? "concept " : "concept", NULL);
  mte_concept_set_definition (k, V (25) ? "def." : "def", NULL);
  mte_concept_add_expression (k, "t", NULL);
  if (!V (26))
    mte_concept_add_expression (k, "t2", NULL);

  tr = mte_project_add_translation (p, "tr", V (27) ? MTE_TRANSLATION_REFUTATIONAL
                                                    : MTE_TRANSLATION_RECIPROCAL,
                                    "t", V (28) ? "q" : "k", NULL);
  if (!V (28))
    mte_translation_set_target_study (tr, V (29) ? "s1" : "s2", NULL);
  mte_translation_set_rationale (tr, V (30) ? "why?" : "why", NULL);
  mte_translation_set_reviewer (tr, V (31) ? NULL : "m1", NULL);
  mte_translation_set_created (tr, V (32) ? 101 : 100);

  a = mte_project_add_third_order (p, "a", V (33) ? "A." : "A", NULL);
  b = mte_project_add_third_order (p, "b", "B", NULL);
  mte_third_order_set_statement (a, V (34) ? "st." : "st", NULL);
  mte_third_order_add_basis (a, V (35) ? "t" : "k", NULL);
  mte_third_order_add_basis (b, "q", NULL);
  mte_third_order_set_concern (a, MTE_CERQUAL_COHERENCE,
                               V (36) ? MTE_CONCERN_SERIOUS : MTE_CONCERN_MINOR,
                               V (37) ? "e." : "e", NULL);
  mte_third_order_set_confidence (a, V (38) ? MTE_CONFIDENCE_LOW : MTE_CONFIDENCE_HIGH,
                                  V (39) ? NULL : "x", NULL);

  l = mte_project_add_argument_link (p, "l", V (40) ? "b" : "a", V (40) ? "a" : "b",
                                     V (41) ? MTE_RELATION_SHAPES : MTE_RELATION_LEADS_TO, NULL);
  mte_argument_link_set_rationale (l, V (42) ? "r." : "r", NULL);

  f = mte_project_add_framework (p, "f", V (43) ? "F." : "F", NULL);
  mte_framework_set_description (f, V (44) ? "d." : "d", NULL);
  mte_framework_add_level (f, "l1", V (45) ? "One" : NULL, NULL);
  mte_framework_add_level (f, "l2", NULL, NULL);
  mte_framework_classify (f, "a", V (46) ? "l2" : "l1", NULL);
  mte_framework_classify (f, "k", "l2", NULL);

  m = mte_project_add_memo (p, "memo", V (47) ? "k" : "a", V (48) ? NULL : "m1",
                            V (49) ? "text." : "text", NULL);
  mte_memo_set_created (m, V (50) ? 6 : 5);
  if (V (51))
    mte_project_add_memo (p, "memo2", NULL, NULL, "extra", NULL);

  mte_project_set_created (p, V (52) ? 2 : 1);
  mte_project_set_modified (p, V (53) ? 4 : 3);
  return p;
}

#define N_VARIANTS 53

static void
test_equal_to_itself_and_twin (void)
{
  g_autoptr (MteProject) a = build (0);
  g_autoptr (MteProject) b = build (0);

  CU_ASSERT (mte_project_equal (a, a));
  CU_ASSERT (mte_project_equal (a, b));
  CU_ASSERT (mte_project_equal (b, a));
}

static void
test_every_variant_differs (void)
{
  g_autoptr (MteProject) base = build (0);

  for (int v = 1; v <= N_VARIANTS; v++)
    {
      g_autoptr (MteProject) other = build (v);

      gboolean same = mte_project_equal (base, other) ||
                      mte_project_equal (other, base);

      if (same)
        fprintf (stderr, "variant %d compares equal\n", v);
      CU_ASSERT_FALSE (same);
    }
}

static void
test_order_matters (void)
{
  g_autoptr (MteProject) a = mte_project_new ();
  g_autoptr (MteProject) b = mte_project_new ();

  mte_project_add_concept (a, "x", "x", NULL);
  mte_project_add_concept (a, "y", "y", NULL);
  mte_project_add_concept (b, "y", "y", NULL);
  mte_project_add_concept (b, "x", "x", NULL);
  mte_project_set_created (a, 1);
  mte_project_set_created (b, 1);
  mte_project_set_modified (a, 1);
  mte_project_set_modified (b, 1);
  CU_ASSERT_FALSE (mte_project_equal (a, b));
}

static const MteTestCase cases[] = {
  { "equal to itself and its twin", test_equal_to_itself_and_twin },
  { "every variant differs", test_every_variant_differs },
  { "order matters", test_order_matters },
};

MTE_TEST_MAIN ("equal", cases)
