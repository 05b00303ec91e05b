/* Tests: study orders, the grid, relatedness, translation table and
 * saturation, on a small project whose answers are worked out by hand.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <math.h>
#include <string.h>

#include "../common/mte-test.h"

/*
 * Studies (project order S1 S2 S3 S4):
 *   S1 2010, position 2: s1a → K1, s1b → K2
 *   S2 2005, position 3: s2a → K1, s2b → K1, s2c → K3
 *   S3 2015, index study, unplaced: s3a → K2, s3b → K3, s3c → K4
 *   S4 no year, position 1: s4d expresses nothing
 * K1's expressions are added in the order s2b, s1a, s2a.
 * K5 has no expressions.
 * Refutational translations: s4d ⟂ K2; s1a ⟂ s3b; K4 (as S2 uses it) ⟂ K1.
 * Concept sets: S1 {K1,K2}, S2 {K1,K3}, S3 {K2,K3,K4}, S4 {}.
 */
static MteProject *
project (void)
{
  MteProject *p = mte_project_new ();
  const char *names[] = { "S1", "S2", "S3", "S4" };
  const int years[] = { 2010, 2005, 2015, 0 };
  const guint positions[] = { 2, 3, 0, 1 };
  MteTranslation *t;

  for (guint i = 0; i < 4; i++)
    {
      MteStudy *s = mte_project_add_study (p, names[i], NULL);

      mte_study_set_year (s, years[i], NULL);
      mte_study_set_translation_position (s, positions[i]);
    }
  mte_study_set_index_study (mte_project_lookup_study (p, "S3"), TRUE);
#define C(study, id) \
  mte_study_add_construct (mte_project_lookup_study (p, study), id, MTE_CONSTRUCT_SECOND_ORDER, id, NULL)
  C ("S1", "s1a"); C ("S1", "s1b");
  C ("S2", "s2a"); C ("S2", "s2b"); C ("S2", "s2c");
  C ("S3", "s3a"); C ("S3", "s3b"); C ("S3", "s3c");
  C ("S4", "s4d");
#undef C
  mte_study_add_construct (mte_project_lookup_study (p, "S4"), "s4q",
                           MTE_CONSTRUCT_FIRST_ORDER, "a quote", NULL);
  for (guint k = 1; k <= 5; k++)
    {
      g_autofree char *id = g_strdup_printf ("K%u", k);
      mte_project_add_concept (p, id, id, NULL);
    }
#define E(concept, construct) \
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, concept), construct, NULL))
  E ("K1", "s2b"); E ("K1", "s1a"); E ("K1", "s2a");
  E ("K2", "s1b"); E ("K2", "s3a");
  E ("K3", "s2c"); E ("K3", "s3b");
  E ("K4", "s3c");
#undef E
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL, "s4d", "K2", NULL));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL, "s1a", "s3b", NULL));
  t = mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL, "K4", "K1", NULL);
  CU_ASSERT (mte_translation_set_source_study (t, "S2", NULL));
  /* A reciprocal translation changes no cell. */
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_RECIPROCAL, "s3a", "K2", NULL));
  return p;
}

static char *
order_string (MteStudy **studies)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; studies[i] != NULL; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", mte_study_get_id (studies[i]));
  return g_string_free (s, FALSE);
}

static void
check_order (MteProject *p, MteStudyOrder order, const char *want)
{
  guint n = 0;
  g_autofree MteStudy **studies = mte_project_dup_study_order (p, order, &n);
  g_autofree char *got = order_string (studies);

  CU_ASSERT_EQUAL (n, 4);
  MTE_ASSERT_STR (got, want);
}

static void
test_orders (void)
{
  g_autoptr (MteProject) p = project ();

  check_order (p, MTE_STUDY_ORDER_PROJECT, "S1 S2 S3 S4");
  check_order (p, MTE_STUDY_ORDER_CHRONOLOGICAL, "S2 S1 S3 S4");
  check_order (p, MTE_STUDY_ORDER_INDEX, "S3 S2 S1 S4");
  check_order (p, MTE_STUDY_ORDER_CUSTOM, "S4 S1 S2 S3");
  MTE_ASSERT_STR (mte_study_order_to_string (MTE_STUDY_ORDER_INDEX), "index");
  CU_ASSERT_EQUAL (mte_study_order_from_string ("custom"), MTE_STUDY_ORDER_CUSTOM);
  CU_ASSERT_EQUAL (mte_study_order_from_string ("random"), -1);

  /* S3 expresses three concepts, the most. */
  MTE_ASSERT_STR (mte_study_get_id (mte_project_suggest_index_study (p)), "S3");
  /* Unmark it: the index order still starts with the suggestion. */
  mte_study_set_index_study (mte_project_lookup_study (p, "S3"), FALSE);
  check_order (p, MTE_STUDY_ORDER_INDEX, "S3 S2 S1 S4");
  /* Mark S4 instead. */
  mte_study_set_index_study (mte_project_lookup_study (p, "S4"), TRUE);
  check_order (p, MTE_STUDY_ORDER_INDEX, "S4 S2 S1 S3");
}

/* Keys that differ in several bytes (years past 255, positions past
 * 65535, the missing ones that sort last) and ties, which keep project
 * order. */
static void
test_orders_wide_keys (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  const char *names[] = { "W1", "W2", "W3", "W4", "W5", "W6" };
  const int years[] = { 2024, 1066, 0, 2024, 1999, 1066 };
  const guint positions[] = { 70000, 256, 1, 300, 0, 255 };
  guint n = 0;
  g_autofree MteStudy **studies = NULL;
  g_autofree char *got = NULL;

  for (guint i = 0; i < 6; i++)
    {
      MteStudy *s = mte_project_add_study (p, names[i], NULL);

      CU_ASSERT (mte_study_set_year (s, years[i], NULL));
      mte_study_set_translation_position (s, positions[i]);
    }
  mte_study_set_index_study (mte_project_lookup_study (p, "W4"), TRUE);

#define CHECK_ORDER(order, want)                                        \
  do {                                                                  \
    g_free (studies);                                                   \
    g_free (got);                                                       \
    studies = mte_project_dup_study_order (p, (order), &n);             \
    got = order_string (studies);                                       \
    CU_ASSERT_EQUAL (n, 6);                                             \
    MTE_ASSERT_STR (got, (want));                                       \
  } while (0)
  CHECK_ORDER (MTE_STUDY_ORDER_PROJECT, "W1 W2 W3 W4 W5 W6");
  CHECK_ORDER (MTE_STUDY_ORDER_CHRONOLOGICAL, "W2 W6 W5 W1 W4 W3");
  CHECK_ORDER (MTE_STUDY_ORDER_INDEX, "W4 W2 W6 W5 W1 W3");
  CHECK_ORDER (MTE_STUDY_ORDER_CUSTOM, "W3 W6 W2 W4 W1 W5");
#undef CHECK_ORDER
}

static void
test_suggest_ties (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteStudy *a = mte_project_add_study (p, "A", NULL);
  MteStudy *b = mte_project_add_study (p, "B", NULL);
  MteConcept *k = mte_project_add_concept (p, "k", "k", NULL);

  mte_study_add_construct (a, "a1", MTE_CONSTRUCT_SECOND_ORDER, "x", NULL);
  mte_study_add_construct (b, "b1", MTE_CONSTRUCT_SECOND_ORDER, "x", NULL);
  mte_study_add_construct (b, "b2", MTE_CONSTRUCT_FIRST_ORDER, "x", NULL);
  mte_concept_add_expression (k, "a1", NULL);
  mte_concept_add_expression (k, "b1", NULL);
  /* Same concepts, same second-order count: B has more quotes. */
  CU_ASSERT_PTR_EQUAL (mte_project_suggest_index_study (p), b);
  mte_study_add_construct (a, "a2", MTE_CONSTRUCT_SECOND_ORDER, "x", NULL);
  CU_ASSERT_PTR_EQUAL (mte_project_suggest_index_study (p), a);
}

static void
test_grid (void)
{
  g_autoptr (MteProject) p = project ();
  MteGrid *g = mte_grid_new (p, MTE_STUDY_ORDER_PROJECT);
  /* rows K1..K5, columns S1..S4 */
  const guint counts[5][4] = {
    { 1, 2, 0, 0 },
    { 1, 0, 1, 0 },
    { 0, 1, 1, 0 },
    { 0, 0, 1, 0 },
    { 0, 0, 0, 0 },
  };
  const guint studies[5] = { 2, 2, 2, 1, 0 };

  CU_ASSERT_EQUAL (mte_grid_get_order (g), MTE_STUDY_ORDER_PROJECT);
  CU_ASSERT_EQUAL_FATAL (mte_grid_get_n_concepts (g), 5);
  CU_ASSERT_EQUAL_FATAL (mte_grid_get_n_studies (g), 4);
  for (guint r = 0; r < 5; r++)
    {
      CU_ASSERT_EQUAL (mte_grid_get_concept_study_count (g, r), studies[r]);
      for (guint c = 0; c < 4; c++)
        CU_ASSERT_EQUAL (mte_grid_get_n_cell_constructs (g, r, c), counts[r][c]);
    }
  MTE_ASSERT_STR (mte_concept_get_id (mte_grid_get_concept (g, 2)), "K3");
  MTE_ASSERT_STR (mte_study_get_id (mte_grid_get_study (g, 3)), "S4");
  /* Within a cell, the concept's expression order: s2b before s2a. */
  MTE_ASSERT_STR (mte_construct_get_id (mte_grid_get_cell_construct (g, 0, 1, 0)), "s2b");
  MTE_ASSERT_STR (mte_construct_get_id (mte_grid_get_cell_construct (g, 0, 1, 1)), "s2a");
  MTE_ASSERT_STR (mte_construct_get_id (mte_grid_get_cell_construct (g, 1, 2, 0)), "s3a");
  mte_grid_free (g);

  /* Chronological columns: S2 S1 S3 S4. */
  g = mte_grid_new (p, MTE_STUDY_ORDER_CHRONOLOGICAL);
  CU_ASSERT_EQUAL (mte_grid_get_n_cell_constructs (g, 0, 0), 2);
  CU_ASSERT_EQUAL (mte_grid_get_n_cell_constructs (g, 0, 1), 1);
  MTE_ASSERT_STR (mte_construct_get_id (mte_grid_get_cell_construct (g, 0, 1, 0)), "s1a");
  mte_grid_free (g);
}

static void
test_relatedness (void)
{
  g_autoptr (MteProject) p = project ();
  MteRelatedness *r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.3);
  const guint shared[4][4] = {
    { 2, 1, 1, 0 },
    { 1, 2, 1, 0 },
    { 1, 1, 3, 0 },
    { 0, 0, 0, 0 },
  };
  const double jac[4][4] = {
    { 1.0, 1.0 / 3, 0.25, 0 },
    { 1.0 / 3, 1.0, 0.25, 0 },
    { 0.25, 0.25, 1.0, 0 },
    { 0, 0, 0, 0 },
  };

  CU_ASSERT_EQUAL (mte_relatedness_get_order (r), MTE_STUDY_ORDER_PROJECT);
  CU_ASSERT_DOUBLE_EQUAL (mte_relatedness_get_threshold (r), 0.3, 1e-12);
  CU_ASSERT_EQUAL_FATAL (mte_relatedness_get_n_studies (r), 4);
  for (guint a = 0; a < 4; a++)
    {
      CU_ASSERT_EQUAL (mte_relatedness_get_n_concepts (r, a), shared[a][a]);
      for (guint b = 0; b < 4; b++)
        {
          CU_ASSERT_EQUAL (mte_relatedness_get_shared (r, a, b), shared[a][b]);
          CU_ASSERT_DOUBLE_EQUAL (mte_relatedness_get_jaccard (r, a, b), jac[a][b], 1e-12);
        }
    }
  /* At 0.3: only S1 and S2 (1/3) merge. */
  CU_ASSERT_EQUAL (mte_relatedness_get_n_clusters (r), 3);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 0), 0);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 1), 0);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 2), 1);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 3), 2);
  mte_relatedness_free (r);

  /* At 0.25: S3 joins {S1,S2} at average similarity (1/4 + 1/4) / 2. */
  r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.25);
  CU_ASSERT_EQUAL (mte_relatedness_get_n_clusters (r), 2);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 2), 0);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 3), 1);
  mte_relatedness_free (r);

  /* At 0: everything; at 1: nothing merges (no two studies are identical). */
  r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.0);
  CU_ASSERT_EQUAL (mte_relatedness_get_n_clusters (r), 1);
  mte_relatedness_free (r);
  r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 1.0);
  CU_ASSERT_EQUAL (mte_relatedness_get_n_clusters (r), 4);
  mte_relatedness_free (r);

  /* Custom order S4 S1 S2 S3: cluster numbers follow the order. */
  r = mte_relatedness_new (p, MTE_STUDY_ORDER_CUSTOM, 0.3);
  MTE_ASSERT_STR (mte_study_get_id (mte_relatedness_get_study (r, 0)), "S4");
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 0), 0);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 1), 1);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 2), 1);
  CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, 3), 2);
  CU_ASSERT_EQUAL (mte_relatedness_get_shared (r, 1, 3), 1);
  mte_relatedness_free (r);
}

static void
test_relatedness_clusters_larger (void)
{
  /* Two tight groups of three studies sharing distinct concept sets, and
   * a weak bridge: average linkage keeps the groups apart at 0.5. */
  g_autoptr (MteProject) p = mte_project_new ();
  MteRelatedness *r;
  const char *sets[6] = { "abc", "abc", "abd", "xyz", "xyz", "xya" };

  for (char c = 'a'; c <= 'z'; c++)
    {
      char id[2] = { c, 0 };
      mte_project_add_concept (p, id, id, NULL);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *sid = g_strdup_printf ("s%u", i);
      MteStudy *s = mte_project_add_study (p, sid, NULL);

      for (const char *c = sets[i]; *c != '\0'; c++)
        {
          g_autofree char *cid = g_strdup_printf ("%s-%c", sid, *c);
          char kid[2] = { *c, 0 };

          mte_study_add_construct (s, cid, MTE_CONSTRUCT_SECOND_ORDER, "x", NULL);
          mte_concept_add_expression (mte_project_lookup_concept (p, kid), cid, NULL);
        }
    }
  r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.5);
  CU_ASSERT_EQUAL (mte_relatedness_get_n_clusters (r), 2);
  for (guint i = 0; i < 6; i++)
    CU_ASSERT_EQUAL (mte_relatedness_get_cluster (r, i), i < 3 ? 0 : 1);
  /* s2 and s5 share only 'a': 1 / (3 + 3 - 1). */
  CU_ASSERT_DOUBLE_EQUAL (mte_relatedness_get_jaccard (r, 2, 5), 0.2, 1e-12);
  mte_relatedness_free (r);
}

static void
test_translation_table_custom (void)
{
  g_autoptr (MteProject) p = project ();
  MteTranslationTable *t = mte_translation_table_new (p, MTE_STUDY_ORDER_CUSTOM);
  /* Columns S4 S1 S2 S3. Walk: S4: s4d refutes K2. S1: s1a expresses K1
   * and refutes K3 (s3b's concept); s1b expresses K2. S2: K1, K3, and
   * refutes K1 through K4-as-S2-uses-it. S3: K2, K3, K4; s3b refutes K1. */
  const char *rows[5] = { "K2", "K1", "K3", "K4", "K5" };
  const MteCellState cells[5][4] = {
    { MTE_CELL_REFUTES, MTE_CELL_EXPRESSES, MTE_CELL_ABSENT, MTE_CELL_EXPRESSES },
    { MTE_CELL_ABSENT, MTE_CELL_EXPRESSES, MTE_CELL_EXPRESSES_AND_REFUTES, MTE_CELL_REFUTES },
    { MTE_CELL_ABSENT, MTE_CELL_REFUTES, MTE_CELL_EXPRESSES, MTE_CELL_EXPRESSES },
    { MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_EXPRESSES },
    { MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_ABSENT },
  };
  const int first[5] = { 0, 1, 1, 3, -1 };
  const guint fresh[4] = { 1, 2, 0, 1 };

  CU_ASSERT_EQUAL (mte_translation_table_get_order (t), MTE_STUDY_ORDER_CUSTOM);
  CU_ASSERT_EQUAL_FATAL (mte_translation_table_get_n_concepts (t), 5);
  CU_ASSERT_EQUAL_FATAL (mte_translation_table_get_n_studies (t), 4);
  MTE_ASSERT_STR (mte_study_get_id (mte_translation_table_get_study (t, 0)), "S4");
  for (guint r = 0; r < 5; r++)
    {
      MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, r)), rows[r]);
      CU_ASSERT_EQUAL (mte_translation_table_get_first_column (t, r), first[r]);
      for (guint c = 0; c < 4; c++)
        CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, r, c), cells[r][c]);
    }
  for (guint c = 0; c < 4; c++)
    CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, c), fresh[c]);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), 3);
  mte_translation_table_free (t);
}

static void
test_translation_table_chronological (void)
{
  g_autoptr (MteProject) p = project ();
  MteTranslationTable *t = mte_translation_table_new (p, MTE_STUDY_ORDER_CHRONOLOGICAL);
  /* Columns S2 S1 S3 S4: S2 brings K1 and K3, S1 brings K2, S3 brings
   * K4, S4 nothing new: saturation after S3 (column 2). */
  const char *rows[5] = { "K1", "K3", "K2", "K4", "K5" };
  const guint fresh[4] = { 2, 1, 1, 0 };

  for (guint r = 0; r < 5; r++)
    MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, r)), rows[r]);
  for (guint c = 0; c < 4; c++)
    CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, c), fresh[c]);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), 2);
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 2, 3), MTE_CELL_REFUTES);
  mte_translation_table_free (t);
}

static void
test_empty_project (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteGrid *g = mte_grid_new (p, MTE_STUDY_ORDER_INDEX);
  MteRelatedness *r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.25);
  MteTranslationTable *t = mte_translation_table_new (p, MTE_STUDY_ORDER_CUSTOM);
  guint n = 99;
  g_autofree MteStudy **order = mte_project_dup_study_order (p, MTE_STUDY_ORDER_CHRONOLOGICAL, &n);

  CU_ASSERT_EQUAL (n, 0);
  CU_ASSERT_PTR_NULL (order[0]);
  CU_ASSERT_EQUAL (mte_grid_get_n_concepts (g), 0);
  CU_ASSERT_EQUAL (mte_relatedness_get_n_clusters (r), 0);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), -1);
  CU_ASSERT_PTR_NULL (mte_project_suggest_index_study (p));
  mte_grid_free (g);
  mte_relatedness_free (r);
  mte_translation_table_free (t);
}

/* Renders every analysis of @p in @order; a project reloaded from its
 * own file must give the same text. */
static char *
render_all (const MteProject *p,
            MteStudyOrder     order)
{
  MteGrid *g = mte_grid_new (p, order);
  MteTranslationTable *t = mte_translation_table_new (p, order);
  MteRelatedness *r = mte_relatedness_new (p, order, 0.25);
  g_autofree char *grid = mte_grid_render (g, MTE_REPORT_JSON, NULL);
  g_autofree char *table = mte_translation_table_render (t, MTE_REPORT_JSON, NULL);
  g_autofree char *saturation = mte_saturation_render (t, MTE_REPORT_JSON, NULL);
  g_autofree char *related = mte_relatedness_render (r, MTE_REPORT_JSON, NULL);

  mte_grid_free (g);
  mte_translation_table_free (t);
  mte_relatedness_free (r);
  return g_strconcat (grid, table, saturation, related, NULL);
}

static void
check_same_as_reloaded (MteProject *p)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = mte_project_to_data (p, NULL, MTE_SAVE_FLAGS_NONE, &error);
  g_autoptr (MteProject) copy = NULL;

  MTE_ASSERT_NO_ERROR (error);
  copy = mte_project_load_from_data (data, -1, NULL, MTE_LOAD_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  for (int order = MTE_STUDY_ORDER_PROJECT; order <= MTE_STUDY_ORDER_CUSTOM; order++)
    {
      g_autofree char *got = render_all (p, (MteStudyOrder) order);
      g_autofree char *want = render_all (copy, (MteStudyOrder) order);

      MTE_ASSERT_STR (got, want);
    }
}

/* The analyses find studies and constructs by their place in the project,
 * which removals shift: a study and a construct from the middle go, then
 * new ones take the places at the end, where stale places would collide
 * with the survivors'. */
static void
test_after_removals (void)
{
  g_autoptr (MteProject) p = project ();
  g_autoptr (GError) error = NULL;
  MteStudy *s5;
  MteTranslationTable *t;
  MteGrid *g;
  /* Columns S4 S5 S2 S3. Walk: S4: s4d refutes K2. S5: s5a expresses K4.
   * S2: s2b K1, s2c K3, s2d K5 and refutes K4 (s3c's concept), then K1
   * refuted as S2 uses K4. S3: K2, K3, K4; s3c refutes K5 (s2d's). */
  const char *rows[5] = { "K2", "K4", "K1", "K3", "K5" };
  const MteCellState cells[5][4] = {
    { MTE_CELL_REFUTES, MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_EXPRESSES },
    { MTE_CELL_ABSENT, MTE_CELL_EXPRESSES, MTE_CELL_REFUTES, MTE_CELL_EXPRESSES },
    { MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_EXPRESSES_AND_REFUTES, MTE_CELL_ABSENT },
    { MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_EXPRESSES, MTE_CELL_EXPRESSES },
    { MTE_CELL_ABSENT, MTE_CELL_ABSENT, MTE_CELL_EXPRESSES, MTE_CELL_REFUTES },
  };
  const int first[5] = { 0, 1, 2, 2, 2 };
  const guint fresh[4] = { 1, 1, 3, 0 };

  /* s2a goes from K1; S1 takes s1a, s1b and the translation s1a ⟂ s3b. */
  CU_ASSERT (mte_project_remove (p, "s2a", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT (mte_project_remove (p, "S1", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (p), 3);

  s5 = mte_project_add_study (p, "S5", NULL);
  mte_study_set_year (s5, 2000, NULL);
  mte_study_set_translation_position (s5, 2);
  mte_study_add_construct (s5, "s5a", MTE_CONSTRUCT_SECOND_ORDER, "s5a", NULL);
  mte_study_add_construct (mte_project_lookup_study (p, "S2"), "s2d",
                           MTE_CONSTRUCT_SECOND_ORDER, "s2d", NULL);
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K4"), "s5a", NULL));
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K5"), "s2d", NULL));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL,
                                                       "s2d", "s3c", NULL));

  check_order (p, MTE_STUDY_ORDER_PROJECT, "S2 S3 S4 S5");
  check_order (p, MTE_STUDY_ORDER_CHRONOLOGICAL, "S5 S2 S3 S4");
  check_order (p, MTE_STUDY_ORDER_INDEX, "S3 S5 S2 S4");
  check_order (p, MTE_STUDY_ORDER_CUSTOM, "S4 S5 S2 S3");

  t = mte_translation_table_new (p, MTE_STUDY_ORDER_CUSTOM);
  CU_ASSERT_EQUAL_FATAL (mte_translation_table_get_n_concepts (t), 5);
  CU_ASSERT_EQUAL_FATAL (mte_translation_table_get_n_studies (t), 4);
  for (guint r = 0; r < 5; r++)
    {
      MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, r)), rows[r]);
      CU_ASSERT_EQUAL (mte_translation_table_get_first_column (t, r), first[r]);
      for (guint c = 0; c < 4; c++)
        CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, r, c), cells[r][c]);
    }
  for (guint c = 0; c < 4; c++)
    CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, c), fresh[c]);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), 2);
  mte_translation_table_free (t);

  /* Project order S2 S3 S4 S5: K4 is expressed in S3 and S5. */
  g = mte_grid_new (p, MTE_STUDY_ORDER_PROJECT);
  CU_ASSERT_EQUAL (mte_grid_get_concept_study_count (g, 3), 2);
  CU_ASSERT_EQUAL (mte_grid_get_n_cell_constructs (g, 3, 1), 1);
  CU_ASSERT_EQUAL (mte_grid_get_n_cell_constructs (g, 3, 3), 1);
  MTE_ASSERT_STR (mte_construct_get_id (mte_grid_get_cell_construct (g, 3, 3, 0)), "s5a");
  mte_grid_free (g);

  check_same_as_reloaded (p);
}

/* The analyses read refutations from a list the project keeps in step
 * with every translation's kind: changed either way, back again, and
 * removed. Columns in custom order: S4 S1 S2 S3. */
static void
test_kind_changes (void)
{
  g_autoptr (MteProject) p = project ();
  MteTranslation *t1 = mte_project_get_translation (p, 0);   /* s4d ⟂ K2 */
  MteTranslation *t2 = mte_project_get_translation (p, 1);   /* s1a ⟂ s3b */
  MteTranslation *t4 = mte_project_get_translation (p, 3);   /* s3a ≡ K2 */
  MteTranslationTable *t;

  /* S4 no longer refutes K2; s3a, which expresses K2, now refutes it. */
  mte_translation_set_kind (t1, MTE_TRANSLATION_RECIPROCAL);
  mte_translation_set_kind (t4, MTE_TRANSLATION_REFUTATIONAL);
  /* Out and back in, between the other two. */
  mte_translation_set_kind (t2, MTE_TRANSLATION_RECIPROCAL);
  mte_translation_set_kind (t2, MTE_TRANSLATION_REFUTATIONAL);
  mte_translation_set_kind (t2, MTE_TRANSLATION_REFUTATIONAL);
  t = mte_translation_table_new (p, MTE_STUDY_ORDER_CUSTOM);
  MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, 0)), "K1");
  MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, 2)), "K2");
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 2, 0), MTE_CELL_ABSENT);
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 2, 3), MTE_CELL_EXPRESSES_AND_REFUTES);
  /* s1a still refutes K3, the concept of s3b. */
  MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, 1)), "K3");
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 1, 1), MTE_CELL_REFUTES);
  mte_translation_table_free (t);
  check_same_as_reloaded (p);

  /* Removing s1a ⟂ s3b leaves S1 refuting nothing. */
  CU_ASSERT (mte_project_remove (p, mte_translation_get_id (t2), MTE_REMOVE_FLAGS_NONE, NULL));
  t = mte_translation_table_new (p, MTE_STUDY_ORDER_CUSTOM);
  for (guint r = 0; r < mte_translation_table_get_n_concepts (t); r++)
    CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, r, 1) & MTE_CELL_REFUTES, 0);
  mte_translation_table_free (t);
  check_same_as_reloaded (p);
}

/*
 * Long rows and a crowded study, past the lengths at which the grid, the
 * table and the synthesis stop sorting by insertion:
 *   60 studies T00..T59, year 2000 + (7i mod 13): T00 is first in
 *   chronological order (ties keep project order);
 *   concepts in project order KC, KB, KA;
 *   T00 holds c00_00..c00_39: KA takes those with j mod 3 != 1, KC the odd
 *   ones, each concept's added from j = 39 down; KB takes c00_01;
 *   every other study Tnn holds cnn_00, and the even ones cnn_01 too, each
 *   grounded on a quote qnn; KB takes them all (cnn_01 before cnn_00),
 *   studies taken in a scrambled order: 89 expressions in all;
 *   c00_05 refutes c59_00, so T00 both expresses and refutes KB, and T59
 *   refutes KA and KC.
 * T00's column alone holds 27 + 20 + 1 + 1 notes; its first construct
 * expresses KA, its second KC and KB: rows appear KA, KC, KB.
 */
static MteProject *
crowded_project (void)
{
  MteProject *p = mte_project_new ();
  MteConcept *ka, *kb, *kc;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("T%02u", i);
      MteStudy *s = mte_project_add_study (p, id, NULL);

      CU_ASSERT (mte_study_set_year (s, 2000 + (int) (7 * i % 13), NULL));
      for (guint j = 0; j < (i == 0 ? 40u : i % 2 == 0 ? 2u : 1u); j++)
        {
          g_autofree char *c = g_strdup_printf ("c%02u_%02u", i, j);
          g_autofree char *q = g_strdup_printf ("q%02u", i);
          MteConstruct *construct =
            mte_study_add_construct (s, c, MTE_CONSTRUCT_SECOND_ORDER, c, NULL);

          if (i == 0)
            continue;
          if (j == 0)
            mte_study_add_construct (s, q, MTE_CONSTRUCT_FIRST_ORDER, q, NULL);
          CU_ASSERT (mte_construct_add_grounding (construct, q, NULL));
        }
    }
  kc = mte_project_add_concept (p, "KC", "KC", NULL);
  kb = mte_project_add_concept (p, "KB", "KB", NULL);
  ka = mte_project_add_concept (p, "KA", "KA", NULL);
  for (int j = 39; j >= 0; j--)
    {
      g_autofree char *c = g_strdup_printf ("c00_%02d", j);

      if (j % 3 != 1)
        CU_ASSERT (mte_concept_add_expression (ka, c, NULL));
    }
  for (int j = 39; j >= 0; j--)
    {
      g_autofree char *c = g_strdup_printf ("c00_%02d", j);

      if (j % 2 == 1)
        CU_ASSERT (mte_concept_add_expression (kc, c, NULL));
    }
  CU_ASSERT (mte_concept_add_expression (kb, "c00_01", NULL));
  for (guint k = 0; k < 60; k++)
    {
      guint i = 17 * k % 60;
      g_autofree char *c0 = g_strdup_printf ("c%02u_00", i);
      g_autofree char *c1 = g_strdup_printf ("c%02u_01", i);

      if (i == 0)
        continue;
      if (i % 2 == 0)
        CU_ASSERT (mte_concept_add_expression (kb, c1, NULL));
      CU_ASSERT (mte_concept_add_expression (kb, c0, NULL));
    }
  CU_ASSERT_EQUAL (mte_concept_get_n_expressions (kb), 1 + 59 + 29);
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL,
                                                       "c00_05", "c59_00", NULL));
  return p;
}

/* Where @construct stands in project order. */
static guint64
project_place (MteProject *p, MteConstruct *construct)
{
  MteStudy *study = mte_construct_get_study (construct);
  guint64 s = 0, c = 0;

  while (mte_project_get_study (p, (guint) s) != study)
    s++;
  while (mte_study_get_construct (study, (guint) c) != construct)
    c++;
  return s << 32 | c;
}

static void
test_crowded (void)
{
  g_autoptr (MteProject) p = crowded_project ();
  MteGrid *g = mte_grid_new (p, MTE_STUDY_ORDER_CHRONOLOGICAL);
  MteTranslationTable *t = mte_translation_table_new (p, MTE_STUDY_ORDER_CHRONOLOGICAL);
  MteLineOfArgument *loa;
  MteThirdOrder *f = mte_project_add_third_order (p, "F", "F", NULL);
  guint64 last = 0;
  int j = 39;

  /* Grid: KB (row 1) is in every study, twice in the even ones after T00,
   * in the order added. */
  MTE_ASSERT_STR (mte_study_get_id (mte_grid_get_study (g, 0)), "T00");
  CU_ASSERT_EQUAL (mte_grid_get_concept_study_count (g, 1), 60);
  for (guint c = 0; c < 60; c++)
    {
      MteStudy *study = mte_grid_get_study (g, c);
      guint i = (guint) g_ascii_strtoull (mte_study_get_id (study) + 1, NULL, 10);
      g_autofree char *first = g_strdup_printf ("c%02u_%02u", i, i > 0 && i % 2 == 0 ? 1 : i == 0);

      CU_ASSERT_EQUAL (mte_grid_get_n_cell_constructs (g, 1, c), i > 0 && i % 2 == 0 ? 2 : 1);
      MTE_ASSERT_STR (mte_construct_get_id (mte_grid_get_cell_construct (g, 1, c, 0)), first);
      if (c > 0)
        CU_ASSERT (mte_study_get_year (study) >= mte_study_get_year (mte_grid_get_study (g, c - 1)));
    }
  /* KA (row 2) in T00: 27 constructs, from c00_39 down. */
  CU_ASSERT_EQUAL (mte_grid_get_n_cell_constructs (g, 2, 0), 27);
  for (guint k = 0; k < 27; k++, j--)
    {
      g_autofree char *want = NULL;

      if (j % 3 == 1)
        j--;
      want = g_strdup_printf ("c00_%02d", j);
      MTE_ASSERT_STR (mte_construct_get_id (mte_grid_get_cell_construct (g, 2, 0, k)), want);
    }
  mte_grid_free (g);

  /* Table: rows appear KA, KC, KB, all in T00; T00 refutes KB too. */
  MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, 0)), "KA");
  MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, 1)), "KC");
  MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, 2)), "KB");
  CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, 0), 3);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), 0);
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 2, 0), MTE_CELL_EXPRESSES_AND_REFUTES);
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 0, 0), MTE_CELL_EXPRESSES);
  for (guint c = 1; c < 60; c++)
    {
      /* And T59, whose c59_00 c00_05 refutes, refutes what c00_05
       * expresses: KA and KC. */
      gboolean t59 = strcmp (mte_study_get_id (mte_translation_table_get_study (t, c)), "T59") == 0;

      CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 0, c), t59 ? MTE_CELL_REFUTES : MTE_CELL_ABSENT);
      CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 1, c), t59 ? MTE_CELL_REFUTES : MTE_CELL_ABSENT);
      CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 2, c), MTE_CELL_EXPRESSES);
    }
  mte_translation_table_free (t);

  /* Synthesis on KB: 89 constructs and 59 quotes in project order, and
   * every study once. */
  CU_ASSERT (mte_third_order_add_basis (f, "KB", NULL));
  loa = mte_line_of_argument_new (p, 1);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_grounding (loa, 0, MTE_GROUNDING_CONSTRUCTS), 89);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_grounding (loa, 0, MTE_GROUNDING_QUOTES), 59);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_grounding (loa, 0, MTE_GROUNDING_STUDIES), 60);
  CU_ASSERT_EQUAL (mte_line_of_argument_get_n_grounding (loa, 0, MTE_GROUNDING_REFUTATIONS), 1);
  for (guint k = 0; k < 89; k++)
    {
      guint64 place = project_place (p, (MteConstruct *) mte_line_of_argument_get_grounding (loa, 0, MTE_GROUNDING_CONSTRUCTS, k));

      CU_ASSERT (k == 0 || place > last);
      last = place;
    }
  for (guint k = 0; k < 60; k++)
    CU_ASSERT_PTR_EQUAL (mte_line_of_argument_get_grounding (loa, 0, MTE_GROUNDING_STUDIES, k),
                         mte_project_get_study (p, k));
  for (guint k = 0; k < 59; k++)
    {
      g_autofree char *want = g_strdup_printf ("q%02u", k + 1);

      MTE_ASSERT_STR (mte_construct_get_id ((MteConstruct *) mte_line_of_argument_get_grounding (loa, 0, MTE_GROUNDING_QUOTES, k)), want);
    }
  mte_line_of_argument_free (loa);
}

/* A study that only refutes a concept (none of its constructs expresses
 * it) brings the concept in when it comes first, so it counts as a new
 * concept of that study in saturation, as docs/analysis.md says; a study
 * that refutes a concept already in adds nothing. */
static void
test_refuting_only_saturation (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteTranslationTable *t;

  mte_project_add_study (p, "S1", NULL);
  mte_project_add_study (p, "S2", NULL);
  mte_study_add_construct (mte_project_lookup_study (p, "S1"), "a", MTE_CONSTRUCT_SECOND_ORDER, "a", NULL);
  mte_study_add_construct (mte_project_lookup_study (p, "S2"), "b", MTE_CONSTRUCT_SECOND_ORDER, "b", NULL);
  mte_project_add_concept (p, "K1", "K1", NULL);
  mte_project_add_concept (p, "K2", "K2", NULL);
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K1"), "a", NULL));

  /* Without the refutation S2 adds nothing: saturation after S1. */
  t = mte_translation_table_new (p, MTE_STUDY_ORDER_PROJECT);
  CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, 1), 0);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), 0);
  mte_translation_table_free (t);

  /* b refutes K2, which no construct expresses: K2 first appears in S2. */
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL, "b", "K2", NULL));
  t = mte_translation_table_new (p, MTE_STUDY_ORDER_PROJECT);
  MTE_ASSERT_STR (mte_concept_get_id (mte_translation_table_get_concept (t, 1)), "K2");
  CU_ASSERT_EQUAL (mte_translation_table_get_first_column (t, 1), 1);
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 1, 1), MTE_CELL_REFUTES);
  CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, 0), 1);
  CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, 1), 1);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), 1);
  mte_translation_table_free (t);

  /* b refuting K1 instead, which S1 brought in, adds nothing to S2. */
  mte_translation_set_kind (mte_project_get_translation (p, 0), MTE_TRANSLATION_RECIPROCAL);
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_translation (p, NULL, MTE_TRANSLATION_REFUTATIONAL, "b", "K1", NULL));
  t = mte_translation_table_new (p, MTE_STUDY_ORDER_PROJECT);
  CU_ASSERT_EQUAL (mte_translation_table_get_cell (t, 0, 1), MTE_CELL_REFUTES);
  CU_ASSERT_EQUAL (mte_translation_table_get_new_concepts (t, 1), 0);
  CU_ASSERT_EQUAL (mte_translation_table_get_saturation_column (t), 0);
  mte_translation_table_free (t);
}

/* Which index study an order starts from, who chose it, and the ties. */
static void
test_order_info (void)
{
  g_autoptr (MteProject) p = project ();
  MteIndexStudySource source = MTE_INDEX_STUDY_NONE;
  guint n = 99;
  g_autofree MteStudy **team = mte_project_dup_index_studies (p, MTE_STUDY_ORDER_INDEX, &n, &source);
  g_autofree MteStudy **none = NULL;
  g_autofree MteStudy **rule = NULL;
  g_autofree char *line = mte_study_order_describe (p, MTE_STUDY_ORDER_INDEX);
  g_autofree char *rule_line = NULL;
  g_autofree char *chrono_line = NULL;

  /* S3 is marked. */
  CU_ASSERT_EQUAL_FATAL (n, 1);
  MTE_ASSERT_STR (mte_study_get_id (team[0]), "S3");
  CU_ASSERT_PTR_NULL (team[1]);
  CU_ASSERT_EQUAL (source, MTE_INDEX_STUDY_TEAM);
  MTE_ASSERT_STR (line, "Order: index (index study S3, chosen by the team); ties: "
                  "index studies first, the rest by year; same year: project order; "
                  "studies without a year last.");

  /* Other orders start from no index study. */
  none = mte_project_dup_index_studies (p, MTE_STUDY_ORDER_CHRONOLOGICAL, &n, &source);
  CU_ASSERT_EQUAL (n, 0);
  CU_ASSERT_PTR_NULL (none[0]);
  CU_ASSERT_EQUAL (source, MTE_INDEX_STUDY_NONE);
  chrono_line = mte_study_order_describe (p, MTE_STUDY_ORDER_CHRONOLOGICAL);
  MTE_ASSERT_STR (chrono_line, "Order: chronological (no index study); ties: "
                  "same year: project order; studies without a year last.");

  /* Unmarked, the documented rule picks the study the order starts from. */
  mte_study_set_index_study (mte_project_lookup_study (p, "S3"), FALSE);
  rule = mte_project_dup_index_studies (p, MTE_STUDY_ORDER_INDEX, &n, &source);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (source, MTE_INDEX_STUDY_RULE);
  CU_ASSERT_PTR_EQUAL (rule[0], mte_project_suggest_index_study (p));
  {
    g_autofree MteStudy **order = mte_project_dup_study_order (p, MTE_STUDY_ORDER_INDEX, NULL);
    CU_ASSERT_PTR_EQUAL (rule[0], order[0]);
  }
  rule_line = mte_study_order_describe (p, MTE_STUDY_ORDER_INDEX);
  CU_ASSERT (strstr (rule_line, "documented rule") != NULL);

  MTE_ASSERT_STR (mte_index_study_source_to_string (MTE_INDEX_STUDY_NONE), "none");
  MTE_ASSERT_STR (mte_index_study_source_to_string (MTE_INDEX_STUDY_TEAM), "team");
  MTE_ASSERT_STR (mte_index_study_source_to_string (MTE_INDEX_STUDY_RULE), "rule");
  CU_ASSERT_PTR_NULL (mte_index_study_source_to_string ((MteIndexStudySource) 7));
  for (int o = MTE_STUDY_ORDER_PROJECT; o <= MTE_STUDY_ORDER_CUSTOM; o++)
    CU_ASSERT_PTR_NOT_NULL (mte_study_order_get_ties ((MteStudyOrder) o));
  CU_ASSERT_PTR_NULL (mte_study_order_get_ties ((MteStudyOrder) 99));
}

static const MteTestCase cases[] = {
  { "study orders", test_orders },
  { "study orders: wide keys and ties", test_orders_wide_keys },
  { "index suggestion ties", test_suggest_ties },
  { "grid", test_grid },
  { "relatedness", test_relatedness },
  { "relatedness: two groups", test_relatedness_clusters_larger },
  { "translation table (custom order)", test_translation_table_custom },
  { "translation table (chronological)", test_translation_table_chronological },
  { "empty project", test_empty_project },
  { "after removals", test_after_removals },
  { "translation kinds changed", test_kind_changes },
  { "long rows, a crowded study", test_crowded },
  { "saturation: a study that only refutes", test_refuting_only_saturation },
  { "order: index study and ties", test_order_info },
};

MTE_TEST_MAIN ("relating", cases)
