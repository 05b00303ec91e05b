/* Tests: every result type with a _free function has an autoptr cleanup.
 *
 * Each case holds its result in g_autoptr() and lets the scope free it,
 * on the normal path and on an early exit. Here the calls are only
 * exercised; under the valgrind setup a missing or wrong cleanup shows as
 * a leak or an invalid free.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <glib/gstdio.h>

#include "../common/mte-test.h"

/* Two studies, each with a quote grounding a theme; both themes express
 * K1; finding F1 rests on K1. Enough for every analysis to have content. */
static MteProject *
small_review (void)
{
  MteProject *p = mte_project_new ();
  const char *studies[] = { "A", "B" };

  for (guint i = 0; i < G_N_ELEMENTS (studies); i++)
    {
      MteStudy *s = mte_project_add_study (p, studies[i], NULL);
      g_autofree char *quote = g_strdup_printf ("%s-q1", studies[i]);
      g_autofree char *theme = g_strdup_printf ("%s-t1", studies[i]);

      CU_ASSERT (mte_study_set_year (s, 2000 + (int) i, NULL));
      mte_study_add_construct (s, quote, MTE_CONSTRUCT_FIRST_ORDER, "a quote", NULL);
      mte_study_add_construct (s, theme, MTE_CONSTRUCT_SECOND_ORDER, "a theme", NULL);
      CU_ASSERT (mte_construct_add_grounding (mte_project_lookup_construct (p, theme), quote, NULL));
    }
  mte_project_add_concept (p, "K1", "being heard", NULL);
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K1"), "A-t1", NULL));
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K1"), "B-t1", NULL));
  mte_project_add_third_order (p, "F1", "trust", NULL);
  CU_ASSERT (mte_third_order_add_basis (mte_project_lookup_third_order (p, "F1"), "K1", NULL));
  return p;
}

/* Returns early with the result still held: the cleanup must free it. */
static guint
grid_columns_or_zero (const MteProject *p,
                      gboolean          leave_early)
{
  g_autoptr (MteGrid) grid = mte_grid_new (p, MTE_STUDY_ORDER_CHRONOLOGICAL);

  if (leave_early)
    return 0;
  return mte_grid_get_n_studies (grid);
}

static void
test_grid (void)
{
  g_autoptr (MteProject) p = small_review ();
  g_autoptr (MteGrid) unused = NULL;   /* a NULL autoptr is allowed */

  CU_ASSERT_EQUAL (grid_columns_or_zero (p, FALSE), 2);
  CU_ASSERT_EQUAL (grid_columns_or_zero (p, TRUE), 0);
  CU_ASSERT_PTR_NULL (unused);
}

static void
test_relatedness (void)
{
  g_autoptr (MteProject) p = small_review ();
  g_autoptr (MteRelatedness) r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.5);

  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  CU_ASSERT_EQUAL (mte_relatedness_get_n_studies (r), 2);
}

static void
test_translation_table (void)
{
  g_autoptr (MteProject) p = small_review ();
  g_autoptr (MteTranslationTable) t = mte_translation_table_new (p, MTE_STUDY_ORDER_INDEX);

  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  CU_ASSERT_EQUAL (mte_translation_table_get_n_studies (t), 2);
}

static void
test_check_report (void)
{
  g_autoptr (MteProject) p = small_review ();
  g_autoptr (MteCheckReport) report = mte_project_check (p, 2);

  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  /* Reading the count is enough: the cleanup is what is tested. */
  (void) mte_check_report_get_n_issues (report);
}

static void
test_line_of_argument (void)
{
  g_autoptr (MteProject) p = small_review ();
  g_autoptr (MteLineOfArgument) loa = mte_line_of_argument_new (p, 2);

  CU_ASSERT_PTR_NOT_NULL_FATAL (loa);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_findings (loa), 1);
}

static void
test_suggestions (void)
{
  g_autoptr (MteProject) p = small_review ();
  g_autoptr (MteSuggestions) suggestions = mte_suggestions_new (p, 0.5);

  CU_ASSERT_PTR_NOT_NULL_FATAL (suggestions);
  (void) mte_suggestions_get_n (suggestions);
}

static void
test_prisma (void)
{
  g_autoptr (MteProject) p = small_review ();
  g_autoptr (MtePrisma) prisma = mte_prisma_new (p);

  CU_ASSERT_PTR_NOT_NULL_FATAL (prisma);
  /* No records and no entered counts: nothing can disagree. */
  CU_ASSERT_EQUAL (mte_prisma_get_n_disagreements (prisma), 0);
}

/* The two that existed before, for completeness. */
static void
test_project_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mte-autoptr-XXXXXX", &error);
  g_autofree char *path = NULL;

  MTE_ASSERT_NO_ERROR (error);
  path = g_build_filename (dir, "review.xml", NULL);
  {
    g_autoptr (MteProject) p = small_review ();

    CU_ASSERT_FATAL (mte_project_save_to_file (p, path, MTE_SAVE_FLAGS_NONE, &error));
  }
  {
    g_autoptr (MteProjectFile) file = mte_project_file_open (path, MTE_OPEN_FLAGS_NONE, &error);

    MTE_ASSERT_NO_ERROR (error);
    CU_ASSERT_EQUAL (mte_project_get_n_studies (mte_project_file_get_project (file)), 2);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static const MteTestCase cases[] = {
  { "grid", test_grid },
  { "relatedness", test_relatedness },
  { "translation table", test_translation_table },
  { "check report", test_check_report },
  { "line of argument", test_line_of_argument },
  { "suggestions", test_suggestions },
  { "prisma", test_prisma },
  { "project and project file", test_project_file },
};

MTE_TEST_MAIN ("autoptr", cases)
