/* ConQual (Munn et al. 2014, BMC Med Res Methodol 14:108) on hand-worked
 * projects: the paper's worked example, the rules' edges and what makes a
 * rating not computable.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <string.h>

#include "../common/mte-test.h"

static const char *const jbi_answers[] = { "yes", "no", "unclear", "not applicable", NULL };

/* The JBI checklist as `metaethno new --template jbi` makes it (q1-q10). */
static void
add_jbi (MteProject *p, gboolean without_q6)
{
  MteChecklist *jbi = mte_project_add_checklist (p, "jbi", "JBI", NULL);

  CU_ASSERT_PTR_NOT_NULL_FATAL (jbi);
  for (int q = 1; q <= 10; q++)
    {
      char key[8];

      if (without_q6 && q == 6)
        continue;
      g_snprintf (key, sizeof key, "q%d", q);
      CU_ASSERT_TRUE (mte_checklist_add_question (jbi, key, "?", jbi_answers, NULL));
    }
}

/* Appraises @study: @answers holds the answers to q2, q3, q4, q6, q7 in
 * that order, one letter each: y(es), n(o), u(nclear), '-' for none.
 * q1, q5 and q8 to q10 are answered "no": they must not count. */
static void
appraise (MteProject *p, const char *study, const char *answers)
{
  static const char *const keys[] = { "q2", "q3", "q4", "q6", "q7" };
  static const char *const others[] = { "q1", "q5", "q8", "q9", "q10" };
  MteStudy *s = mte_project_lookup_study (p, study);
  GError *error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *answer = answers[k] == 'y' ? "yes" : answers[k] == 'n' ? "no"
                           : answers[k] == 'u' ? "unclear" : NULL;

      if (answer != NULL)
        CU_ASSERT_TRUE (mte_study_set_appraisal (s, "jbi", keys[k], answer, NULL, &error));
      MTE_ASSERT_NO_ERROR (error);
    }
  for (guint k = 0; k < G_N_ELEMENTS (others); k++)
    CU_ASSERT_TRUE (mte_study_set_appraisal (s, "jbi", others[k], "no", NULL, NULL));
}

/* A study @id with one second-order construct "@id-t1" of @credibility
 * and a quote "@id-q1" grounding it. */
static void
add_study (MteProject *p, const char *id, MteCredibility credibility)
{
  MteStudy *s = mte_project_add_study (p, id, NULL);
  g_autofree char *q = g_strconcat (id, "-q1", NULL);
  g_autofree char *t = g_strconcat (id, "-t1", NULL);
  MteConstruct *theme;
  GError *error = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT_PTR_NOT_NULL (mte_study_add_construct (s, q, MTE_CONSTRUCT_FIRST_ORDER, "words", NULL));
  theme = mte_study_add_construct (s, t, MTE_CONSTRUCT_SECOND_ORDER, "finding", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (theme);
  CU_ASSERT_TRUE (mte_construct_add_grounding (theme, q, NULL));
  CU_ASSERT_TRUE (mte_construct_set_credibility (theme, credibility, &error));
  MTE_ASSERT_NO_ERROR (error);
}

static MteThirdOrder *
add_finding (MteProject *p, const char *const *basis)
{
  MteThirdOrder *f = mte_project_add_third_order (p, "finding", "A finding", NULL);

  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  for (guint i = 0; basis[i] != NULL; i++)
    CU_ASSERT_TRUE (mte_third_order_add_basis (f, basis[i], NULL));
  return f;
}

static MteConqual *
rate (MteProject *p, MteThirdOrder *f)
{
  GError *error = NULL;
  MteConqual *c = mte_conqual_new (p, f, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (c);
  CU_ASSERT_PTR_EQUAL (mte_conqual_get_third_order (c), f);
  return c;
}

/*
 * Munn et al. 2014, Table 1: "People undergoing imaging often expect a
 * health issue to be found ...": qualitative research, dependability
 * downgraded one level ("the majority of studies had no statement locating
 * the researcher and no acknowledgement of their influence on the
 * research": Q6 and Q7 no, 3 yes), credibility downgraded one level ("a
 * mix of unequivocal and equivocal findings"): ConQual score Low.
 * Encoded with four studies: three answer no to Q6 and Q7, one yes to all;
 * findings two unequivocal, two credible.
 */
static void
test_worked_example (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_autoptr (MteConqual) c = NULL;
  MteThirdOrder *f;
  int yes = -2;

  add_jbi (p, FALSE);
  add_study (p, "s1", MTE_CREDIBILITY_UNEQUIVOCAL);
  add_study (p, "s2", MTE_CREDIBILITY_CREDIBLE);
  add_study (p, "s3", MTE_CREDIBILITY_UNEQUIVOCAL);
  add_study (p, "s4", MTE_CREDIBILITY_CREDIBLE);
  appraise (p, "s1", "yyynn");
  appraise (p, "s2", "yyynn");
  appraise (p, "s3", "yyyyy");
  appraise (p, "s4", "yyynn");
  f = add_finding (p, (const char *[]) { "s1-t1", "s2-t1", "s3-t1", "s4-t1", NULL });

  c = rate (p, f);
  CU_ASSERT_TRUE (mte_conqual_is_computable (c));
  CU_ASSERT_EQUAL (mte_conqual_get_dependability_downgrade (c), 1);
  CU_ASSERT_EQUAL (mte_conqual_get_credibility_downgrade (c), 1);
  CU_ASSERT_EQUAL (mte_conqual_get_score (c), MTE_CONFIDENCE_LOW);
  CU_ASSERT_EQUAL (mte_conqual_get_n_studies (c), 4);
  CU_ASSERT_EQUAL (mte_conqual_get_n_constructs (c), 4);
  CU_ASSERT_EQUAL (mte_conqual_get_n_unappraised (c), 0);
  CU_ASSERT_EQUAL (mte_conqual_get_n_unassessed (c), 0);
  MTE_ASSERT_STR (mte_study_get_id (mte_conqual_get_study (c, 2, &yes)), "s3");
  CU_ASSERT_EQUAL (yes, 5);
  mte_conqual_get_study (c, 0, &yes);
  CU_ASSERT_EQUAL (yes, 3);
  MTE_ASSERT_STR (mte_construct_get_id (mte_conqual_get_construct (c, 3)), "s4-t1");
}

/* All unequivocal, every study 4 or 5 yes: High, nothing rated down. The
 * finding rests on a concept, whose expressions count. */
static void
test_high (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_autoptr (MteConqual) c = NULL;
  MteConcept *concept;
  MteThirdOrder *f;

  add_jbi (p, FALSE);
  add_study (p, "a", MTE_CREDIBILITY_UNEQUIVOCAL);
  add_study (p, "b", MTE_CREDIBILITY_UNEQUIVOCAL);
  appraise (p, "a", "yyyyy");
  appraise (p, "b", "yyyny");
  concept = mte_project_add_concept (p, "warmth", "Warmth", NULL);
  CU_ASSERT_TRUE (mte_concept_add_expression (concept, "a-t1", NULL));
  CU_ASSERT_TRUE (mte_concept_add_expression (concept, "b-t1", NULL));
  f = add_finding (p, (const char *[]) { "warmth", NULL });

  c = rate (p, f);
  CU_ASSERT_TRUE (mte_conqual_is_computable (c));
  CU_ASSERT_EQUAL (mte_conqual_get_dependability_downgrade (c), 0);
  CU_ASSERT_EQUAL (mte_conqual_get_credibility_downgrade (c), 0);
  CU_ASSERT_EQUAL (mte_conqual_get_score (c), MTE_CONFIDENCE_HIGH);
  CU_ASSERT_EQUAL (mte_conqual_get_n_studies (c), 2);
  CU_ASSERT_EQUAL (mte_conqual_get_n_constructs (c), 2);
}

/* One credibility mix per row: the downgrade Munn et al. give it. */
static void
test_credibility_rules (void)
{
  static const struct {
    MteCredibility a, b;
    guint downgrade;
    MteConfidence score;
  } rows[] = {
    { MTE_CREDIBILITY_UNEQUIVOCAL, MTE_CREDIBILITY_UNEQUIVOCAL, 0, MTE_CONFIDENCE_HIGH },
    { MTE_CREDIBILITY_UNEQUIVOCAL, MTE_CREDIBILITY_CREDIBLE, 1, MTE_CONFIDENCE_MODERATE },
    { MTE_CREDIBILITY_CREDIBLE, MTE_CREDIBILITY_CREDIBLE, 2, MTE_CONFIDENCE_LOW },
    { MTE_CREDIBILITY_CREDIBLE, MTE_CREDIBILITY_UNSUPPORTED, 3, MTE_CONFIDENCE_VERY_LOW },
    { MTE_CREDIBILITY_UNEQUIVOCAL, MTE_CREDIBILITY_UNSUPPORTED, 3, MTE_CONFIDENCE_VERY_LOW },
    { MTE_CREDIBILITY_UNSUPPORTED, MTE_CREDIBILITY_UNSUPPORTED, 4, MTE_CONFIDENCE_VERY_LOW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (MteProject) p = mte_project_new ();
      g_autoptr (MteConqual) c = NULL;
      MteThirdOrder *f;

      add_jbi (p, FALSE);
      add_study (p, "a", rows[i].a);
      add_study (p, "b", rows[i].b);
      appraise (p, "a", "yyyyy");
      appraise (p, "b", "yyyyy");
      f = add_finding (p, (const char *[]) { "a-t1", "b-t1", NULL });
      c = rate (p, f);
      if (mte_conqual_get_credibility_downgrade (c) != rows[i].downgrade)
        fprintf (stderr, "row %u: downgrade %u\n", i, mte_conqual_get_credibility_downgrade (c));
      CU_ASSERT_EQUAL (mte_conqual_get_credibility_downgrade (c), rows[i].downgrade);
      CU_ASSERT_EQUAL (mte_conqual_get_score (c), rows[i].score);
    }
}

/* Per study: 4-5 yes none, 2-3 one, 0-1 two ("unclear" is not yes); over
 * the studies, the downgrade the majority reaches (a tie goes down). */
static void
test_dependability_rules (void)
{
  static const struct {
    const char *answers[3];     /* NULL: fewer studies */
    guint downgrade;
  } rows[] = {
    { { "yyyyu", NULL, NULL }, 0 },
    { { "yyuuu", NULL, NULL }, 1 },
    { { "ynnnn", NULL, NULL }, 2 },
    { { "nnnnn", NULL, NULL }, 2 },
    { { "yyyyy", "nnnnn", NULL }, 2 },      /* tie: 0 and 2 */
    { { "yyyyy", "yynnn", NULL }, 1 },      /* tie: 0 and 1 */
    { { "yyyyy", "yyyyy", "nnnnn" }, 0 },   /* majority none */
    { { "yyyyy", "nnnnn", "nnnnn" }, 2 },
    { { "yyyyy", "yyunn", "nnnnn" }, 1 },   /* median */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (MteProject) p = mte_project_new ();
      g_autoptr (MteConqual) c = NULL;
      const char *basis[4] = { NULL };
      static const char *const ids[] = { "a", "b", "c" };
      static const char *const themes[] = { "a-t1", "b-t1", "c-t1" };
      MteThirdOrder *f;

      add_jbi (p, FALSE);
      for (guint s = 0; s < 3 && rows[i].answers[s] != NULL; s++)
        {
          add_study (p, ids[s], MTE_CREDIBILITY_UNEQUIVOCAL);
          appraise (p, ids[s], rows[i].answers[s]);
          basis[s] = themes[s];
        }
      f = add_finding (p, basis);
      c = rate (p, f);
      if (mte_conqual_get_dependability_downgrade (c) != rows[i].downgrade)
        fprintf (stderr, "row %u: downgrade %u\n", i, mte_conqual_get_dependability_downgrade (c));
      CU_ASSERT_EQUAL (mte_conqual_get_dependability_downgrade (c), rows[i].downgrade);
      CU_ASSERT_EQUAL (mte_conqual_get_score (c), MTE_CONFIDENCE_HIGH + rows[i].downgrade);
    }
}

/* Both downgrades together never go below Very low. */
static void
test_floor (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_autoptr (MteConqual) c = NULL;

  add_jbi (p, FALSE);
  add_study (p, "a", MTE_CREDIBILITY_UNSUPPORTED);
  appraise (p, "a", "nnnnn");
  c = rate (p, add_finding (p, (const char *[]) { "a-t1", NULL }));
  CU_ASSERT_EQUAL (mte_conqual_get_dependability_downgrade (c), 2);
  CU_ASSERT_EQUAL (mte_conqual_get_credibility_downgrade (c), 4);
  CU_ASSERT_EQUAL (mte_conqual_get_score (c), MTE_CONFIDENCE_VERY_LOW);
}

/* A study without a JBI appraisal (or with one of the five questions
 * unanswered) and a construct without credibility make the rating not
 * computable, and are listed. */
static void
test_not_computable (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_autoptr (MteConqual) c = NULL;
  MteThirdOrder *f;
  int yes = 0;

  add_jbi (p, FALSE);
  add_study (p, "a", MTE_CREDIBILITY_UNEQUIVOCAL);
  add_study (p, "b", MTE_CREDIBILITY_UNEQUIVOCAL);
  add_study (p, "c", MTE_CREDIBILITY_NOT_ASSESSED);
  appraise (p, "a", "yyyyy");
  appraise (p, "b", "yyyy-");     /* q7 unanswered */
  /* c: not appraised at all */
  f = add_finding (p, (const char *[]) { "a-t1", "b-t1", "c-t1", NULL });

  c = rate (p, f);
  CU_ASSERT_FALSE (mte_conqual_is_computable (c));
  CU_ASSERT_EQUAL (mte_conqual_get_score (c), MTE_CONFIDENCE_NOT_ASSESSED);
  CU_ASSERT_EQUAL_FATAL (mte_conqual_get_n_unappraised (c), 2);
  MTE_ASSERT_STR (mte_study_get_id (mte_conqual_get_unappraised (c, 0)), "b");
  MTE_ASSERT_STR (mte_study_get_id (mte_conqual_get_unappraised (c, 1)), "c");
  mte_conqual_get_study (c, 1, &yes);
  CU_ASSERT_EQUAL (yes, -1);
  CU_ASSERT_EQUAL_FATAL (mte_conqual_get_n_unassessed (c), 1);
  MTE_ASSERT_STR (mte_construct_get_id (mte_conqual_get_unassessed (c, 0)), "c-t1");
  /* the parts that can be rated still are */
  CU_ASSERT_EQUAL (mte_conqual_get_dependability_downgrade (c), 0);
  CU_ASSERT_EQUAL (mte_conqual_get_credibility_downgrade (c), 0);
  g_clear_pointer (&c, mte_conqual_free);

  /* once appraised and assessed, it is */
  appraise (p, "b", "----y");
  appraise (p, "c", "yyynn");
  CU_ASSERT_TRUE (mte_construct_set_credibility (mte_project_lookup_construct (p, "c-t1"),
                                                 MTE_CREDIBILITY_CREDIBLE, NULL));
  c = rate (p, f);
  CU_ASSERT_TRUE (mte_conqual_is_computable (c));
  CU_ASSERT_EQUAL (mte_conqual_get_score (c), MTE_CONFIDENCE_MODERATE);
  g_clear_pointer (&c, mte_conqual_free);

  /* a finding resting on nothing is not computable either */
  {
    MteThirdOrder *empty = mte_project_add_third_order (p, "empty", "Empty", NULL);

    c = rate (p, empty);
    CU_ASSERT_FALSE (mte_conqual_is_computable (c));
    CU_ASSERT_EQUAL (mte_conqual_get_n_studies (c), 0);
    CU_ASSERT_EQUAL (mte_conqual_get_score (c), MTE_CONFIDENCE_NOT_ASSESSED);
  }
}

/* Excluded studies do not count; a study only quoted counts for
 * dependability. */
static void
test_what_counts (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_autoptr (MteConqual) c = NULL;

  add_jbi (p, FALSE);
  add_study (p, "a", MTE_CREDIBILITY_UNEQUIVOCAL);
  add_study (p, "gone", MTE_CREDIBILITY_UNSUPPORTED);
  add_study (p, "quoted", MTE_CREDIBILITY_NOT_ASSESSED);
  appraise (p, "a", "yyyyy");
  appraise (p, "quoted", "nnnnn");
  CU_ASSERT_TRUE (mte_study_exclude (mte_project_lookup_study (p, "gone"), MTE_EXCLUSION_APPRAISAL,
                                     "thin", NULL, 0, NULL));
  c = rate (p, add_finding (p, (const char *[]) { "a-t1", "gone-t1", "quoted-q1", NULL }));
  CU_ASSERT_TRUE (mte_conqual_is_computable (c));
  CU_ASSERT_EQUAL (mte_conqual_get_n_studies (c), 2);
  CU_ASSERT_EQUAL (mte_conqual_get_n_constructs (c), 1);
  CU_ASSERT_EQUAL (mte_conqual_get_credibility_downgrade (c), 0);
  /* a (none) and quoted (two): a tie, rated down two */
  CU_ASSERT_EQUAL (mte_conqual_get_dependability_downgrade (c), 2);
}

static void
test_errors (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_autoptr (MteProject) q = mte_project_new ();
  MteThirdOrder *f;
  GError *error = NULL;

  add_study (p, "a", MTE_CREDIBILITY_UNEQUIVOCAL);
  f = add_finding (p, (const char *[]) { "a-t1", NULL });
  CU_ASSERT_PTR_NULL (mte_conqual_new (p, f, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);

  add_jbi (q, TRUE);
  add_study (q, "a", MTE_CREDIBILITY_UNEQUIVOCAL);
  f = add_finding (q, (const char *[]) { "a-t1", NULL });
  CU_ASSERT_PTR_NULL (mte_conqual_new (q, f, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'q6'"));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  mte_conqual_free (NULL);
}

static const MteTestCase cases[] = {
  { "Munn et al. 2014 worked example: Low", test_worked_example },
  { "all unequivocal, dependable: High", test_high },
  { "credibility downgrades", test_credibility_rules },
  { "dependability downgrades", test_dependability_rules },
  { "never below Very low", test_floor },
  { "not computable, and why", test_not_computable },
  { "excluded and quoted studies", test_what_counts },
  { "no JBI checklist", test_errors },
};

MTE_TEST_MAIN ("conqual", cases)
