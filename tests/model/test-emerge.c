/* The eMERGe reporting items, the team's text per item, and the JBI
 * credibility of second-order constructs (format 1.2).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <string.h>

#include "../common/mte-test.h"

static void
test_items (void)
{
  /* France et al. 2019, Table 1: items per phase */
  static const guint per_phase[8] = { 0, 4, 4, 2, 2, 2, 2, 3 };
  guint counted[8] = { 0 };
  guint last_phase = 1;

  for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
    {
      const char *key = mte_emerge_item_to_string ((MteEmergeItem) i);
      guint phase = mte_emerge_item_get_phase ((MteEmergeItem) i);
      char number[4];

      CU_ASSERT_PTR_NOT_NULL_FATAL (key);
      CU_ASSERT_EQUAL (mte_emerge_item_from_string (key), i);
      g_snprintf (number, sizeof number, "%d", i);
      CU_ASSERT_EQUAL (mte_emerge_item_from_string (number), i);
      CU_ASSERT_PTR_NOT_NULL (mte_emerge_item_get_title ((MteEmergeItem) i));
      CU_ASSERT_TRUE (phase >= last_phase && phase <= 7);
      last_phase = phase;
      counted[phase]++;
    }
  CU_ASSERT_EQUAL (memcmp (counted, per_phase, sizeof counted), 0);
  MTE_ASSERT_STR (mte_emerge_item_to_string (MTE_EMERGE_WHY_META_ETHNOGRAPHY), "why-meta-ethnography");
  MTE_ASSERT_STR (mte_emerge_item_get_title (MTE_EMERGE_WHY_META_ETHNOGRAPHY),
                  "Rationale for using meta-ethnography");
  MTE_ASSERT_STR (mte_emerge_item_get_title (MTE_EMERGE_RECOMMENDATIONS),
                  "Recommendations and conclusions");
  CU_ASSERT_EQUAL (MTE_EMERGE_RECOMMENDATIONS, 19);
  CU_ASSERT_EQUAL (mte_emerge_item_get_phase (MTE_EMERGE_SELECTION_OUTCOME), 2);

  CU_ASSERT_PTR_NULL (mte_emerge_item_to_string ((MteEmergeItem) 0));
  CU_ASSERT_PTR_NULL (mte_emerge_item_to_string ((MteEmergeItem) 20));
  CU_ASSERT_PTR_NULL (mte_emerge_item_get_title ((MteEmergeItem) 20));
  CU_ASSERT_EQUAL (mte_emerge_item_get_phase ((MteEmergeItem) 0), 0);
  CU_ASSERT_EQUAL (mte_emerge_item_from_string ("0"), -1);
  CU_ASSERT_EQUAL (mte_emerge_item_from_string ("20"), -1);
  CU_ASSERT_EQUAL (mte_emerge_item_from_string ("007"), -1);
  CU_ASSERT_EQUAL (mte_emerge_item_from_string (""), -1);
  CU_ASSERT_EQUAL (mte_emerge_item_from_string ("Aim"), -1);
  CU_ASSERT_EQUAL (mte_emerge_item_from_string (NULL), -1);
}

static void
test_texts (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (mte_project_get_emerge_text (p, MTE_EMERGE_SUMMARY));
  CU_ASSERT_TRUE (mte_project_set_emerge_text (p, MTE_EMERGE_SUMMARY, "Warmth matters.", &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_project_get_emerge_text (p, MTE_EMERGE_SUMMARY), "Warmth matters.");
  CU_ASSERT_PTR_NULL (mte_project_get_emerge_text (p, MTE_EMERGE_AIM));
  /* "" clears, as NULL does */
  CU_ASSERT_TRUE (mte_project_set_emerge_text (p, MTE_EMERGE_SUMMARY, "", &error));
  CU_ASSERT_PTR_NULL (mte_project_get_emerge_text (p, MTE_EMERGE_SUMMARY));

  CU_ASSERT_FALSE (mte_project_set_emerge_text (p, (MteEmergeItem) 0, "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_project_set_emerge_text (p, (MteEmergeItem) 20, "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_project_set_emerge_text (p, MTE_EMERGE_AIM, "bad \xff", &error));
  CU_ASSERT_PTR_NOT_NULL (error);
  g_clear_error (&error);
  CU_ASSERT_FALSE (mte_project_set_emerge_text (p, MTE_EMERGE_AIM, "bell \a", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_project_get_emerge_text (p, MTE_EMERGE_AIM));
  CU_ASSERT_PTR_NULL (mte_project_get_emerge_text (p, (MteEmergeItem) 20));
}

static void
test_credibility (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteStudy *s = mte_project_add_study (p, "s", NULL);
  MteConstruct *quote = mte_study_add_construct (s, "s-q1", MTE_CONSTRUCT_FIRST_ORDER, "I was heard.", NULL);
  MteConstruct *theme = mte_study_add_construct (s, "s-t1", MTE_CONSTRUCT_SECOND_ORDER, "Being heard.", NULL);
  GError *error = NULL;

  MTE_ASSERT_STR (mte_credibility_to_string (MTE_CREDIBILITY_UNEQUIVOCAL), "unequivocal");
  MTE_ASSERT_STR (mte_credibility_to_string (MTE_CREDIBILITY_CREDIBLE), "credible");
  MTE_ASSERT_STR (mte_credibility_to_string (MTE_CREDIBILITY_UNSUPPORTED), "unsupported");
  MTE_ASSERT_STR (mte_credibility_to_string (MTE_CREDIBILITY_NOT_ASSESSED), "not-assessed");
  CU_ASSERT_PTR_NULL (mte_credibility_to_string ((MteCredibility) 4));
  for (int c = 0; c <= MTE_CREDIBILITY_UNSUPPORTED; c++)
    CU_ASSERT_EQUAL (mte_credibility_from_string (mte_credibility_to_string ((MteCredibility) c)), c);
  CU_ASSERT_EQUAL (mte_credibility_from_string ("equivocal"), MTE_CREDIBILITY_CREDIBLE);
  CU_ASSERT_EQUAL (mte_credibility_from_string ("Unequivocal"), -1);
  CU_ASSERT_EQUAL (mte_credibility_from_string (NULL), -1);

  CU_ASSERT_PTR_NOT_NULL_FATAL (theme);
  CU_ASSERT_EQUAL (mte_construct_get_credibility (theme), MTE_CREDIBILITY_NOT_ASSESSED);
  CU_ASSERT_TRUE (mte_construct_set_credibility (theme, MTE_CREDIBILITY_CREDIBLE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_construct_get_credibility (theme), MTE_CREDIBILITY_CREDIBLE);
  CU_ASSERT_FALSE (mte_construct_set_credibility (theme, (MteCredibility) 4, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_construct_get_credibility (theme), MTE_CREDIBILITY_CREDIBLE);
  CU_ASSERT_TRUE (mte_construct_set_credibility (theme, MTE_CREDIBILITY_NOT_ASSESSED, &error));
  CU_ASSERT_EQUAL (mte_construct_get_credibility (theme), MTE_CREDIBILITY_NOT_ASSESSED);

  /* participants' words are not findings */
  CU_ASSERT_FALSE (mte_construct_set_credibility (quote, MTE_CREDIBILITY_UNEQUIVOCAL, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_TRUE (mte_construct_set_credibility (quote, MTE_CREDIBILITY_NOT_ASSESSED, &error));
  CU_ASSERT_EQUAL (mte_construct_get_credibility (quote), MTE_CREDIBILITY_NOT_ASSESSED);
}

static const MteTestCase cases[] = {
  { "the 19 eMERGe items", test_items },
  { "the team's text per item", test_texts },
  { "credibility of second-order constructs", test_credibility },
};

MTE_TEST_MAIN ("emerge", cases)
