/* Tests: the 0.1 names in mte-deprecated.h still answer as the 0.2 names.
 *
 * Built with -Wno-deprecated-declarations (tests/analysis/meson.build):
 * calling the old names is the point.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include "../common/mte-test.h"

/* Studies A (2010) and B (2005), each with one theme expressing K1;
 * finding F1 on K1; a socio-ecological framework classifying K1 as
 * interpersonal and F1 as community. */
static MteProject *
review (void)
{
  MteProject *p = mte_project_new ();
  MteStudy *a = mte_project_add_study (p, "A", NULL);
  MteStudy *b = mte_project_add_study (p, "B", NULL);
  MteFramework *sel;

  CU_ASSERT (mte_study_set_year (a, 2010, NULL));
  CU_ASSERT (mte_study_set_year (b, 2005, NULL));
  mte_study_add_construct (a, "a1", MTE_CONSTRUCT_SECOND_ORDER, "a theme", NULL);
  mte_study_add_construct (b, "b1", MTE_CONSTRUCT_SECOND_ORDER, "b theme", NULL);
  mte_project_add_concept (p, "K1", "being heard", NULL);
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K1"), "a1", NULL));
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K1"), "b1", NULL));
  mte_project_add_third_order (p, "F1", "trust", NULL);
  CU_ASSERT (mte_third_order_add_basis (mte_project_lookup_third_order (p, "F1"), "K1", NULL));
  sel = mte_project_add_socio_ecological_framework (p, "sel", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sel);
  CU_ASSERT (mte_framework_classify (sel, "K1", "interpersonal", NULL));
  CU_ASSERT (mte_framework_classify (sel, "F1", "community", NULL));
  return p;
}

/* Asserts two NULL-terminated string vectors are equal, and not empty
 * when @want_some, so that equality is not of two empty answers. */
static void
assert_same_strv (char **old_name, char **new_name, gboolean want_some)
{
  CU_ASSERT_PTR_NOT_NULL_FATAL (old_name);
  CU_ASSERT_PTR_NOT_NULL_FATAL (new_name);
  CU_ASSERT (g_strv_equal ((const char *const *) old_name, (const char *const *) new_name));
  if (want_some)
    CU_ASSERT (old_name[0] != NULL);
}

static void
test_study_order (void)
{
  g_autoptr (MteProject) p = review ();

  for (int order = MTE_STUDY_ORDER_PROJECT; order <= MTE_STUDY_ORDER_CUSTOM; order++)
    {
      guint n_old = 99, n_new = 98;
      g_autofree MteStudy **old_name = mte_project_get_study_order (p, order, &n_old);
      g_autofree MteStudy **new_name = mte_project_dup_study_order (p, order, &n_new);

      CU_ASSERT_EQUAL (n_old, 2);
      CU_ASSERT_EQUAL (n_old, n_new);
      for (guint i = 0; i <= n_new; i++)   /* the NULL terminator too */
        CU_ASSERT_PTR_EQUAL (old_name[i], new_name[i]);
    }
  /* The NULL out-parameter is optional in both. */
  g_free (mte_project_get_study_order (p, MTE_STUDY_ORDER_CHRONOLOGICAL, NULL));
}

static void
test_dependents (void)
{
  g_autoptr (MteProject) p = review ();
  g_auto (GStrv) old_name = mte_project_get_dependents (p, "K1");
  g_auto (GStrv) new_name = mte_project_dup_dependents (p, "K1");

  assert_same_strv (old_name, new_name, TRUE);
  /* An unknown id: NULL from both. */
  CU_ASSERT_PTR_NULL (mte_project_get_dependents (p, "nothing"));
  CU_ASSERT_PTR_NULL (mte_project_dup_dependents (p, "nothing"));
}

static void
test_framework_levels (void)
{
  g_autoptr (MteProject) p = review ();
  MteFramework *sel = mte_project_lookup_framework (p, "sel");
  g_auto (GStrv) old_name = mte_framework_get_levels_of (sel, "K1");
  g_auto (GStrv) new_name = mte_framework_dup_levels_of (sel, "K1");
  g_auto (GStrv) old_none = mte_framework_get_levels_of (sel, "A");
  g_auto (GStrv) new_none = mte_framework_dup_levels_of (sel, "A");

  assert_same_strv (old_name, new_name, TRUE);
  MTE_ASSERT_STR (old_name[0], "interpersonal");
  assert_same_strv (old_none, new_none, FALSE);
}

static void
test_line_of_argument_levels (void)
{
  g_autoptr (MteProject) p = review ();
  g_autoptr (MteLineOfArgument) loa = mte_line_of_argument_new (p, 2);
  MteFramework *sel = mte_project_lookup_framework (p, "sel");
  g_auto (GStrv) old_name = NULL;
  g_auto (GStrv) new_name = NULL;

  CU_ASSERT_EQUAL_FATAL (mte_line_of_argument_get_n_findings (loa), 1);
  old_name = mte_line_of_argument_get_levels (loa, 0, sel);
  new_name = mte_line_of_argument_dup_levels (loa, 0, sel);
  /* F1 is community and rests on K1, interpersonal: both, in level order. */
  assert_same_strv (old_name, new_name, TRUE);
  CU_ASSERT_EQUAL (g_strv_length (new_name), 2);
}

static const MteTestCase cases[] = {
  { "study order", test_study_order },
  { "dependents", test_dependents },
  { "framework levels", test_framework_levels },
  { "line of argument levels", test_line_of_argument_levels },
};

MTE_TEST_MAIN ("deprecated", cases)
