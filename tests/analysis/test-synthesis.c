/* Tests: line-of-argument synthesis, checks and suggestions, on small
 * projects whose answers are worked out by hand in the comments.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <string.h>

#include "../common/mte-test.h"

/*
 * Studies A, B, C, D (D has no constructs). Constructs in project order:
 *   A: aq1, aq2 (no speaker), a1 (grounded in aq1, aq2), a2 (ungrounded)
 *   B: bq1, b1 (grounded in bq1)
 *   C: cq1, c1 (grounded in cq1), c2 (ungrounded, untranslated)
 * Concepts: K1 ← a1, b1; K2 ← a2; K3 ← c1, b1 (added in that order); K4 ← none.
 * Translations: t1 b1 ≈ K1 (rationale, rev); t2 c1 ⟂ K1 (nothing);
 *   t3 a1 ≈ a2 (rationale; same study); t4 b1 ⟂ K1 (rationale, rev).
 * Findings: F1 on K1 + aq1 (confidence high); F2 on K3; F3 on K2; F4 on nothing.
 * Links: F1 → F2, F2 → F1 (a cycle), F3 → F1.
 * Framework sel: F1 organisational, K1 interpersonal, aq1 individual, K3 community.
 */
static MteProject *
review (void)
{
  MteProject *p = mte_project_new ();
  MteStudy *a, *b, *c;
  MteTranslation *t;
  MteFramework *sel;

  mte_project_add_member (p, "rev", "Reviewer", NULL, NULL);
  a = mte_project_add_study (p, "A", NULL);
  b = mte_project_add_study (p, "B", NULL);
  c = mte_project_add_study (p, "C", NULL);
  mte_project_add_study (p, "D", NULL);
#define Q(s, id) mte_construct_set_speaker (mte_study_add_construct (s, id, MTE_CONSTRUCT_FIRST_ORDER, id, NULL), "someone", NULL)
#define T(s, id) mte_study_add_construct (s, id, MTE_CONSTRUCT_SECOND_ORDER, id, NULL)
  Q (a, "aq1");
  mte_study_add_construct (a, "aq2", MTE_CONSTRUCT_FIRST_ORDER, "aq2", NULL);
  T (a, "a1"); T (a, "a2");
  Q (b, "bq1"); T (b, "b1");
  Q (c, "cq1"); T (c, "c1"); T (c, "c2");
#undef Q
#undef T
  mte_construct_add_grounding (mte_project_lookup_construct (p, "a1"), "aq1", NULL);
  mte_construct_add_grounding (mte_project_lookup_construct (p, "a1"), "aq2", NULL);
  mte_construct_add_grounding (mte_project_lookup_construct (p, "b1"), "bq1", NULL);
  mte_construct_add_grounding (mte_project_lookup_construct (p, "c1"), "cq1", NULL);
  for (guint k = 1; k <= 4; k++)
    {
      g_autofree char *id = g_strdup_printf ("K%u", k);
      mte_project_add_concept (p, id, id, NULL);
    }
#define E(k, x) CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, k), x, NULL))
  E ("K1", "a1"); E ("K1", "b1"); E ("K2", "a2"); E ("K3", "c1"); E ("K3", "b1");
#undef E
  t = mte_project_add_translation (p, "t1", MTE_TRANSLATION_RECIPROCAL, "b1", "K1", NULL);
  mte_translation_set_rationale (t, "same idea", NULL);
  mte_translation_set_reviewer (t, "rev", NULL);
  mte_project_add_translation (p, "t2", MTE_TRANSLATION_REFUTATIONAL, "c1", "K1", NULL);
  t = mte_project_add_translation (p, "t3", MTE_TRANSLATION_RECIPROCAL, "a1", "a2", NULL);
  mte_translation_set_rationale (t, "close", NULL);
  t = mte_project_add_translation (p, "t4", MTE_TRANSLATION_REFUTATIONAL, "b1", "K1", NULL);
  mte_translation_set_rationale (t, "on reflection, opposite", NULL);
  mte_translation_set_reviewer (t, "rev", NULL);

#define F(id, ...) mte_project_add_third_order (p, id, id, NULL)
  F ("F1"); F ("F2"); F ("F3"); F ("F4");
#undef F
#define B(f, x) CU_ASSERT (mte_third_order_add_basis (mte_project_lookup_third_order (p, f), x, NULL))
  B ("F1", "K1"); B ("F1", "aq1"); B ("F2", "K3"); B ("F3", "K2");
#undef B
  mte_third_order_set_confidence (mte_project_lookup_third_order (p, "F1"),
                                  MTE_CONFIDENCE_HIGH, NULL, NULL);
  mte_project_add_argument_link (p, "l1", "F1", "F2", MTE_RELATION_LEADS_TO, NULL);
  mte_project_add_argument_link (p, "l2", "F2", "F1", MTE_RELATION_SHAPES, NULL);
  mte_project_add_argument_link (p, "l3", "F3", "F1", MTE_RELATION_LEADS_TO, NULL);
  sel = mte_project_add_socio_ecological_framework (p, "sel", NULL);
  mte_framework_classify (sel, "F1", "organisational", NULL);
  mte_framework_classify (sel, "K1", "interpersonal", NULL);
  mte_framework_classify (sel, "aq1", "individual", NULL);
  mte_framework_classify (sel, "K3", "community", NULL);
  return p;
}

static char *
ids (const MteLineOfArgument *loa, guint finding, MteGroundingKind kind)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mte_line_of_argument_get_n_grounding (loa, finding, kind); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "",
                            mte_entity_get_id (mte_line_of_argument_get_grounding (loa, finding, kind, i)));
  return g_string_free (s, FALSE);
}

#define CHECK_IDS(loa, f, kind, want)                           \
  do {                                                          \
    g_autofree char *got_ = ids ((loa), (f), (kind));           \
    if (strcmp (got_, (want)) != 0)                             \
      fprintf (stderr, "finding %u list %d: got '%s', want '%s'\n", (f), (kind), got_, (want)); \
    MTE_ASSERT_STR (got_, (want));                              \
  } while (0)

static void
test_argument_order_and_grounding (void)
{
  g_autoptr (MteProject) p = review ();
  MteLineOfArgument *loa = mte_line_of_argument_new (p, 2);
  const char *order[] = { "F3", "F1", "F2", "F4" };
  const int cycles[] = { -1, 0, 0, -1 };
  const gboolean flagged[] = { TRUE, FALSE, FALSE, TRUE };

  /* F3 leads into the cycle {F1, F2}; F4 stands alone and comes last. */
  CU_ASSERT_EQUAL_FATAL (mte_line_of_argument_get_n_findings (loa), 4);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_cycles (loa), 1);
  for (guint i = 0; i < 4; i++)
    {
      MTE_ASSERT_STR (mte_third_order_get_id (mte_line_of_argument_get_finding (loa, i)), order[i]);
      CU_ASSERT_EQUAL (mte_line_of_argument_get_cycle (loa, i), cycles[i]);
      CU_ASSERT_EQUAL (mte_line_of_argument_is_flagged (loa, i), flagged[i]);
    }

  CHECK_IDS (loa, 0, MTE_GROUNDING_CONCEPTS, "K2");
  CHECK_IDS (loa, 0, MTE_GROUNDING_CONSTRUCTS, "a2");
  CHECK_IDS (loa, 0, MTE_GROUNDING_QUOTES, "");
  CHECK_IDS (loa, 0, MTE_GROUNDING_STUDIES, "A");
  CHECK_IDS (loa, 0, MTE_GROUNDING_REFUTATIONS, "");

  CHECK_IDS (loa, 1, MTE_GROUNDING_CONCEPTS, "K1");
  CHECK_IDS (loa, 1, MTE_GROUNDING_CONSTRUCTS, "a1 b1");
  CHECK_IDS (loa, 1, MTE_GROUNDING_QUOTES, "aq1 aq2 bq1");
  CHECK_IDS (loa, 1, MTE_GROUNDING_STUDIES, "A B");
  CHECK_IDS (loa, 1, MTE_GROUNDING_REFUTATIONS, "t2 t4");

  CHECK_IDS (loa, 2, MTE_GROUNDING_CONCEPTS, "K3");
  CHECK_IDS (loa, 2, MTE_GROUNDING_CONSTRUCTS, "b1 c1");
  CHECK_IDS (loa, 2, MTE_GROUNDING_QUOTES, "bq1 cq1");
  CHECK_IDS (loa, 2, MTE_GROUNDING_STUDIES, "B C");
  CHECK_IDS (loa, 2, MTE_GROUNDING_REFUTATIONS, "t2 t4");

  for (int k = 0; k <= MTE_GROUNDING_REFUTATIONS; k++)
    CU_ASSERT_EQUAL (mte_line_of_argument_get_n_grounding (loa, 3, (MteGroundingKind) k), 0);
  mte_line_of_argument_free (loa);

  /* With a minimum of one study only the empty finding is flagged. */
  loa = mte_line_of_argument_new (p, 1);
  CU_ASSERT_FALSE (mte_line_of_argument_is_flagged (loa, 0));
  CU_ASSERT (mte_line_of_argument_is_flagged (loa, 3));
  mte_line_of_argument_free (loa);
}

static void
test_coverage_and_levels (void)
{
  g_autoptr (MteProject) p = review ();
  MteLineOfArgument *loa = mte_line_of_argument_new (p, 2);
  MteFramework *sel = mte_project_lookup_framework (p, "sel");
  guint covered = 0, total = 0;
  g_auto (GStrv) f1 = NULL;
  g_auto (GStrv) f2 = NULL;
  g_auto (GStrv) f3 = NULL;

  /* A, B, C ground findings; D does not. K4 is carried nowhere. */
  CU_ASSERT_DOUBLE_EQUAL (mte_line_of_argument_get_study_coverage (loa, &covered, &total), 0.75, 1e-12);
  CU_ASSERT_EQUAL (covered, 3);
  CU_ASSERT_EQUAL (total, 4);
  CU_ASSERT_DOUBLE_EQUAL (mte_line_of_argument_get_concept_coverage (loa, &covered, &total), 0.75, 1e-12);
  CU_ASSERT_EQUAL (covered, 3);
  CU_ASSERT_EQUAL_FATAL (mte_line_of_argument_get_n_unused_concepts (loa), 1);
  MTE_ASSERT_STR (mte_concept_get_id (mte_line_of_argument_get_unused_concept (loa, 0)), "K4");

  /* F1 (position 1) spans its own level and those of K1 and aq1. */
  f1 = mte_line_of_argument_dup_levels (loa, 1, sel);
  CU_ASSERT_EQUAL_FATAL (g_strv_length (f1), 3);
  MTE_ASSERT_STR (f1[0], "individual");
  MTE_ASSERT_STR (f1[1], "interpersonal");
  MTE_ASSERT_STR (f1[2], "organisational");
  f2 = mte_line_of_argument_dup_levels (loa, 2, sel);
  CU_ASSERT_EQUAL_FATAL (g_strv_length (f2), 1);
  MTE_ASSERT_STR (f2[0], "community");
  f3 = mte_line_of_argument_dup_levels (loa, 0, sel);
  CU_ASSERT_EQUAL (g_strv_length (f3), 0);
  mte_line_of_argument_free (loa);
}

static char *
render_synthesis (const MteProject *p)
{
  MteLineOfArgument *loa = mte_line_of_argument_new (p, 2);
  MteCheckReport *report = mte_project_check (p, 2);
  g_autofree char *json = mte_line_of_argument_render (loa, MTE_REPORT_JSON, NULL);
  g_autofree char *text = mte_line_of_argument_render (loa, MTE_REPORT_TEXT, NULL);
  g_autofree char *checks = mte_check_report_render (report, MTE_REPORT_JSON, NULL);

  mte_check_report_free (report);
  mte_line_of_argument_free (loa);
  return g_strconcat (json, text, checks, NULL);
}

/* Grounding lists are sorted by the places of studies and constructs in
 * the project, which removals shift. After A and two constructs of C go,
 * C's survivor c2 stands first, before the c3 and c4 added next; a stale
 * place would put it after them. E, added last, takes the place D held
 * before. */
static void
test_after_removals (void)
{
  g_autoptr (MteProject) p = review ();
  g_autoptr (MteProject) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  MteStudy *c, *e;
  MteLineOfArgument *loa;
  guint covered = 0, total = 0;

  /* A takes a1, a2, aq1, aq2 and t3; c1 takes t2. */
  CU_ASSERT (mte_project_remove (p, "A", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT (mte_project_remove (p, "cq1", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT (mte_project_remove (p, "c1", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);

  c = mte_project_lookup_study (p, "C");
  mte_study_add_construct (c, "c3", MTE_CONSTRUCT_SECOND_ORDER, "c3", NULL);
  mte_study_add_construct (c, "c4", MTE_CONSTRUCT_SECOND_ORDER, "c4", NULL);
  e = mte_project_add_study (p, "E", NULL);
  mte_study_add_construct (e, "eq1", MTE_CONSTRUCT_FIRST_ORDER, "eq1", NULL);
  CU_ASSERT (mte_construct_add_grounding (mte_study_add_construct (e, "e1", MTE_CONSTRUCT_SECOND_ORDER,
                                                                   "e1", NULL), "eq1", NULL));
#define E(k, x) CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, k), x, NULL))
  E ("K3", "c4"); E ("K3", "c3"); E ("K3", "c2"); E ("K1", "e1");
#undef E
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, "t5", MTE_TRANSLATION_REFUTATIONAL,
                                                       "c3", "K1", NULL));

  loa = mte_line_of_argument_new (p, 2);
  CU_ASSERT_EQUAL_FATAL (mte_line_of_argument_get_n_findings (loa), 4);
  MTE_ASSERT_STR (mte_third_order_get_id (mte_line_of_argument_get_finding (loa, 1)), "F1");
  CHECK_IDS (loa, 0, MTE_GROUNDING_CONCEPTS, "K2");
  CHECK_IDS (loa, 0, MTE_GROUNDING_CONSTRUCTS, "");
  CHECK_IDS (loa, 0, MTE_GROUNDING_STUDIES, "");
  CHECK_IDS (loa, 1, MTE_GROUNDING_CONSTRUCTS, "b1 e1");
  CHECK_IDS (loa, 1, MTE_GROUNDING_QUOTES, "bq1 eq1");
  CHECK_IDS (loa, 1, MTE_GROUNDING_STUDIES, "B E");
  CHECK_IDS (loa, 1, MTE_GROUNDING_REFUTATIONS, "t4 t5");
  CHECK_IDS (loa, 2, MTE_GROUNDING_CONSTRUCTS, "b1 c2 c3 c4");
  CHECK_IDS (loa, 2, MTE_GROUNDING_QUOTES, "bq1");
  CHECK_IDS (loa, 2, MTE_GROUNDING_STUDIES, "B C");
  CHECK_IDS (loa, 2, MTE_GROUNDING_REFUTATIONS, "t4 t5");
  /* B, C and E ground findings; D does not. */
  CU_ASSERT_DOUBLE_EQUAL (mte_line_of_argument_get_study_coverage (loa, &covered, &total), 0.75, 1e-12);
  CU_ASSERT_EQUAL (covered, 3);
  CU_ASSERT_EQUAL_FATAL (mte_line_of_argument_get_n_unused_concepts (loa), 1);
  MTE_ASSERT_STR (mte_concept_get_id (mte_line_of_argument_get_unused_concept (loa, 0)), "K4");
  mte_line_of_argument_free (loa);

  /* The same project read back from its file gives the same reports. */
  data = mte_project_to_data (p, NULL, MTE_SAVE_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  copy = mte_project_load_from_data (data, -1, NULL, MTE_LOAD_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  got = render_synthesis (p);
  want = render_synthesis (copy);
  MTE_ASSERT_STR (got, want);
}

static void
test_acyclic_order (void)
{
  /* A diamond with a tail: Z → Y, Z → X, X → W, Y → W; project order
   * W, X, Y, Z. Topological with earliest-first ties: Z, X, Y, W. */
  g_autoptr (MteProject) p = mte_project_new ();
  MteLineOfArgument *loa;
  const char *want[] = { "Z", "X", "Y", "W" };

  mte_project_add_third_order (p, "W", "W", NULL);
  mte_project_add_third_order (p, "X", "X", NULL);
  mte_project_add_third_order (p, "Y", "Y", NULL);
  mte_project_add_third_order (p, "Z", "Z", NULL);
  mte_project_add_argument_link (p, NULL, "Z", "Y", "leads to", NULL);
  mte_project_add_argument_link (p, NULL, "Z", "X", "leads to", NULL);
  mte_project_add_argument_link (p, NULL, "X", "W", "leads to", NULL);
  mte_project_add_argument_link (p, NULL, "Y", "W", "leads to", NULL);
  loa = mte_line_of_argument_new (p, 2);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_cycles (loa), 0);
  for (guint i = 0; i < 4; i++)
    {
      MTE_ASSERT_STR (mte_third_order_get_id (mte_line_of_argument_get_finding (loa, i)), want[i]);
      CU_ASSERT_EQUAL (mte_line_of_argument_get_cycle (loa, i), -1);
    }
  mte_line_of_argument_free (loa);
}

static void
test_long_chain (void)
{
  /* 20,000 findings in one chain, linked against project order, and closed
   * into one cycle: no recursion limit, one cycle of all. */
  g_autoptr (MteProject) p = mte_project_new ();
  MteLineOfArgument *loa;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("f%u", i);
      mte_project_add_third_order (p, id, id, NULL);
    }
  for (guint i = n - 1; i > 0; i--)
    {
      g_autofree char *from = g_strdup_printf ("f%u", i);
      g_autofree char *to = g_strdup_printf ("f%u", i - 1);
      mte_project_add_argument_link (p, NULL, from, to, "leads to", NULL);
    }
  loa = mte_line_of_argument_new (p, 2);
  MTE_ASSERT_STR (mte_third_order_get_id (mte_line_of_argument_get_finding (loa, 0)), "f19999");
  MTE_ASSERT_STR (mte_third_order_get_id (mte_line_of_argument_get_finding (loa, n - 1)), "f0");
  mte_line_of_argument_free (loa);
  mte_project_add_argument_link (p, NULL, "f0", "f19999", "leads to", NULL);
  loa = mte_line_of_argument_new (p, 2);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_cycles (loa), 1);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_cycle (loa, n / 2), 0);
  mte_line_of_argument_free (loa);
}

static void
test_checks (void)
{
  g_autoptr (MteProject) p = review ();
  MteCheckReport *r = mte_project_check (p, 2);
  const struct { const char *code; const char *subject; MteSeverity severity; } want[] = {
    { "study-no-constructs", "D", MTE_SEVERITY_WARNING },
    { "quote-no-speaker", "aq2", MTE_SEVERITY_INFO },
    { "construct-ungrounded", "a2", MTE_SEVERITY_WARNING },
    { "construct-untranslated", "c2", MTE_SEVERITY_WARNING },
    { "construct-ungrounded", "c2", MTE_SEVERITY_WARNING },
    { "concept-single-study", "K2", MTE_SEVERITY_WARNING },
    { "concept-unexpressed", "K4", MTE_SEVERITY_WARNING },
    { "concept-unused", "K4", MTE_SEVERITY_INFO },
    { "refutation-no-rationale", "t2", MTE_SEVERITY_ERROR },
    { "translation-no-reviewer", "t2", MTE_SEVERITY_WARNING },
    { "translation-no-reviewer", "t3", MTE_SEVERITY_WARNING },
    { "translation-same-study", "t3", MTE_SEVERITY_ERROR },
    { "translation-conflict", "t4", MTE_SEVERITY_ERROR },
    { "finding-no-confidence", "F2", MTE_SEVERITY_INFO },
    { "finding-few-studies", "F3", MTE_SEVERITY_WARNING },
    { "finding-no-confidence", "F3", MTE_SEVERITY_INFO },
    { "finding-no-basis", "F4", MTE_SEVERITY_ERROR },
    { "finding-unlinked", "F4", MTE_SEVERITY_WARNING },
    { "finding-no-confidence", "F4", MTE_SEVERITY_INFO },
    { "argument-cycle", "F1", MTE_SEVERITY_INFO },
  };
  guint n = mte_check_report_get_n_issues (r);

  if (n != G_N_ELEMENTS (want))
    for (guint i = 0; i < n; i++)
      fprintf (stderr, "  %s %s: %s\n", mte_severity_to_string (mte_check_report_get_severity (r, i)),
               mte_check_report_get_code (r, i), mte_check_report_get_message (r, i));
  CU_ASSERT_EQUAL_FATAL (n, G_N_ELEMENTS (want));
  for (guint i = 0; i < n; i++)
    {
      MTE_ASSERT_STR (mte_check_report_get_code (r, i), want[i].code);
      MTE_ASSERT_STR (mte_entity_get_id (mte_check_report_get_subject (r, i)), want[i].subject);
      CU_ASSERT_EQUAL (mte_check_report_get_severity (r, i), want[i].severity);
      CU_ASSERT_PTR_NOT_NULL (strstr (mte_check_report_get_message (r, i), want[i].subject));
    }
  CU_ASSERT_EQUAL (mte_check_report_count (r, MTE_SEVERITY_ERROR), 4);
  CU_ASSERT_EQUAL (mte_check_report_count (r, MTE_SEVERITY_WARNING), 10);
  CU_ASSERT_EQUAL (mte_check_report_count (r, MTE_SEVERITY_INFO), 6);
  MTE_ASSERT_STR (mte_check_report_get_message (r, 14),
                  "third-order construct 'F3' (F3) rests on 1 study, fewer than 2");
  mte_check_report_free (r);
}

static void
test_checks_more (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteChecklist *cl = mte_project_add_checklist (p, "casp", "CASP", NULL);
  MteStudy *a = mte_project_add_study (p, "A", NULL);
  MteStudy *b = mte_project_add_study (p, "B", NULL);
  MteTranslation *t;
  MteCheckReport *r;

  mte_checklist_add_question (cl, "q1", "Aims?", NULL, NULL);
  mte_study_set_appraisal (a, "casp", "q1", "clear", NULL, NULL);
  mte_study_set_index_study (a, TRUE);
  mte_study_set_index_study (b, TRUE);
  mte_study_add_construct (a, "x", MTE_CONSTRUCT_SECOND_ORDER, "x", NULL);
  mte_study_add_construct (b, "y", MTE_CONSTRUCT_SECOND_ORDER, "y", NULL);
  mte_project_add_member (p, "r", "R", NULL, NULL);
  t = mte_project_add_translation (p, "t1", MTE_TRANSLATION_RECIPROCAL, "x", "y", NULL);
  mte_translation_set_rationale (t, "why", NULL);
  mte_translation_set_reviewer (t, "r", NULL);
  t = mte_project_add_translation (p, "t2", MTE_TRANSLATION_RECIPROCAL, "y", "x", NULL);
  mte_translation_set_rationale (t, "why", NULL);
  mte_translation_set_reviewer (t, "r", NULL);

  r = mte_project_check (p, 2);
  /* A, B express no concept; B is not appraised; two index studies;
   * x and y are ungrounded (translated, so not untranslated); t2
   * duplicates t1 whichever way round. */
  {
    const char *want[] = {
      "study-no-concepts", "study-no-concepts", "study-not-appraised",
      "index-study-multiple", "construct-ungrounded", "construct-ungrounded",
      "translation-duplicate",
    };
    CU_ASSERT_EQUAL_FATAL (mte_check_report_get_n_issues (r), G_N_ELEMENTS (want));
    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      MTE_ASSERT_STR (mte_check_report_get_code (r, i), want[i]);
    CU_ASSERT_PTR_NULL (mte_check_report_get_subject (r, 3));
  }
  mte_check_report_free (r);
}

/*
 * Suggestions: concepts X, Y, Z, W; studies s1 {X, Y}, s2 {X, Y}, s3 {Z},
 * s4 {Z, W}. Affinities: X-Y 1, Z-W 1/2, others 0.
 */
static MteProject *
concepts_project (void)
{
  MteProject *p = mte_project_new ();
  const char *sets[4] = { "XY", "XY", "Z", "ZW" };

  mte_project_add_concept (p, "X", "X", NULL);
  mte_project_add_concept (p, "Y", "Y", NULL);
  mte_project_add_concept (p, "Z", "Z", NULL);
  mte_project_add_concept (p, "W", "W", NULL);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *sid = g_strdup_printf ("s%u", i + 1);
      MteStudy *s = mte_project_add_study (p, sid, NULL);

      for (const char *c = sets[i]; *c != '\0'; c++)
        {
          g_autofree char *cid = g_strdup_printf ("%s-%c", sid, *c);
          char kid[2] = { *c, 0 };

          mte_study_add_construct (s, cid, MTE_CONSTRUCT_SECOND_ORDER, cid, NULL);
          mte_concept_add_expression (mte_project_lookup_concept (p, kid), cid, NULL);
        }
    }
  return p;
}

static void
test_suggestions (void)
{
  g_autoptr (MteProject) p = concepts_project ();
  MteSuggestions *s = mte_suggestions_new (p, 0.3);
  GError *error = NULL;
  MteThirdOrder *accepted;

  CU_ASSERT_EQUAL_FATAL (mte_suggestions_get_n (s), 2);
  CU_ASSERT_EQUAL (mte_suggestions_get_n_concepts (s, 0), 2);
  MTE_ASSERT_STR (mte_concept_get_id (mte_suggestions_get_concept (s, 0, 0)), "X");
  MTE_ASSERT_STR (mte_concept_get_id (mte_suggestions_get_concept (s, 0, 1)), "Y");
  CU_ASSERT_DOUBLE_EQUAL (mte_suggestions_get_affinity (s, 0), 1.0, 1e-12);
  CU_ASSERT_EQUAL (mte_suggestions_get_n_studies (s, 0), 2);
  MTE_ASSERT_STR (mte_concept_get_id (mte_suggestions_get_concept (s, 1, 0)), "Z");
  CU_ASSERT_DOUBLE_EQUAL (mte_suggestions_get_affinity (s, 1), 0.5, 1e-12);
  CU_ASSERT_EQUAL (mte_suggestions_get_n_studies (s, 1), 1);
  CU_ASSERT_EQUAL (mte_suggestions_get_n_translations (s, 1), 0);
  /* Suggesting wrote nothing. */
  CU_ASSERT_EQUAL (mte_project_get_n_third_orders (p), 0);
  mte_suggestions_free (s);

  /* At 0.6 Z and W stay apart. */
  s = mte_suggestions_new (p, 0.6);
  CU_ASSERT_EQUAL (mte_suggestions_get_n (s), 1);
  mte_suggestions_free (s);

  /* A reciprocal translation from s3's Z construct to W lifts Z-W to 1. */
  mte_project_add_translation (p, NULL, MTE_TRANSLATION_RECIPROCAL, "s3-Z", "W", NULL);
  s = mte_suggestions_new (p, 0.6);
  CU_ASSERT_EQUAL_FATAL (mte_suggestions_get_n (s), 2);
  MTE_ASSERT_STR (mte_concept_get_id (mte_suggestions_get_concept (s, 1, 1)), "W");
  CU_ASSERT_DOUBLE_EQUAL (mte_suggestions_get_affinity (s, 1), 1.0, 1e-12);
  CU_ASSERT_EQUAL (mte_suggestions_get_n_translations (s, 1), 1);

  accepted = mte_suggestions_accept (s, 0, p, "xy", "X and Y together", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_third_order_get_n_basis (accepted), 2);
  MTE_ASSERT_STR (mte_third_order_get_label (accepted), "X and Y together");
  CU_ASSERT_PTR_NULL (mte_suggestions_accept (s, 1, p, "xy", "dup", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  mte_suggestions_free (s);

  /* Groups already in one finding's basis are not offered again. */
  s = mte_suggestions_new (p, 0.6);
  CU_ASSERT_EQUAL_FATAL (mte_suggestions_get_n (s), 1);
  MTE_ASSERT_STR (mte_concept_get_id (mte_suggestions_get_concept (s, 0, 0)), "Z");
  mte_suggestions_free (s);

  /* A refutation between X and Y keeps them apart. */
  mte_project_remove (p, "xy", MTE_REMOVE_FLAGS_NONE, NULL);
  mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL, "X", "Y", NULL);
  s = mte_suggestions_new (p, 0.3);
  CU_ASSERT_EQUAL_FATAL (mte_suggestions_get_n (s), 1);
  MTE_ASSERT_STR (mte_concept_get_id (mte_suggestions_get_concept (s, 0, 0)), "Z");
  mte_suggestions_free (s);
}

static void
test_messages_one_line (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteCheckReport *r;

  mte_project_add_concept (p, "k", "two\nlines\tand a tab", NULL);
  r = mte_project_check (p, 2);
  CU_ASSERT_EQUAL_FATAL (mte_check_report_get_n_issues (r), 1);
  MTE_ASSERT_STR (mte_check_report_get_message (r, 0),
                  "concept 'k' (two\\nlines\\tand a tab) is expressed by no study");
  mte_check_report_free (r);
}

static const MteTestCase cases[] = {
  { "messages stay on one line", test_messages_one_line },
  { "argument order and grounding", test_argument_order_and_grounding },
  { "coverage and levels", test_coverage_and_levels },
  { "acyclic order", test_acyclic_order },
  { "long chain and one big cycle", test_long_chain },
  { "checks", test_checks },
  { "more checks", test_checks_more },
  { "suggestions", test_suggestions },
  { "after removals", test_after_removals },
};

MTE_TEST_MAIN ("synthesis", cases)
