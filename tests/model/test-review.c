/* Phases 1 to 3: protocol, searches, records and their fates, study
 * exclusion, counts entered by hand, and the PRISMA 2020 flow computed
 * from them (every expected count below was worked out by hand).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <string.h>

#include "../common/mte-test.h"

static void
test_names (void)
{
  for (int i = 0; i < MTE_PROTOCOL_N_FIELDS; i++)
    CU_ASSERT_EQUAL (mte_protocol_field_from_string (mte_protocol_field_to_string (i)), i);
  for (int i = MTE_SOURCE_DATABASE; i <= MTE_SOURCE_OTHER; i++)
    CU_ASSERT_EQUAL (mte_source_kind_from_string (mte_source_kind_to_string (i)), i);
  for (int i = 0; i < MTE_RECORD_N_FIELDS; i++)
    CU_ASSERT_EQUAL (mte_record_field_from_string (mte_record_field_to_string (i)), i);
  for (int i = MTE_FATE_UNSCREENED; i <= MTE_FATE_INCLUDED; i++)
    CU_ASSERT_EQUAL (mte_record_fate_from_string (mte_record_fate_to_string (i)), i);
  for (int i = MTE_EXCLUSION_NONE; i <= MTE_EXCLUSION_SYNTHESIS; i++)
    CU_ASSERT_EQUAL (mte_exclusion_stage_from_string (mte_exclusion_stage_to_string (i)), i);
  for (int i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    CU_ASSERT_EQUAL (mte_prisma_count_from_string (mte_prisma_count_to_string (i)), i);

  MTE_ASSERT_STR (mte_prisma_count_to_string (MTE_PRISMA_DBR_NOT_RETRIEVED), "dbr_notretrieved_reports");
  MTE_ASSERT_STR (mte_prisma_count_to_string (MTE_PRISMA_CITATION_RESULTS), "citations_results");
  MTE_ASSERT_STR (mte_record_fate_to_string (MTE_FATE_EXCLUDED_FULL_TEXT), "excluded-full-text");
  CU_ASSERT_EQUAL (mte_source_kind_from_string ("nonsense"), -1);
  CU_ASSERT_EQUAL (mte_source_kind_from_string (NULL), -1);
  CU_ASSERT_EQUAL (mte_record_fate_from_string ("Included"), -1);
  CU_ASSERT_EQUAL (mte_prisma_count_from_string (""), -1);
  CU_ASSERT_PTR_NULL (mte_record_fate_to_string (99));
  CU_ASSERT_PTR_NULL (mte_source_kind_to_string (0));
}

static void
test_protocol (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;

  for (int i = 0; i < MTE_PROTOCOL_N_FIELDS; i++)
    CU_ASSERT_PTR_NULL (mte_project_get_protocol (p, i));
  CU_ASSERT_TRUE (mte_project_set_protocol (p, MTE_PROTOCOL_RATIONALE,
                                            "Interpretive synthesis of lived experience", &error));
  CU_ASSERT_TRUE (mte_project_set_protocol (p, MTE_PROTOCOL_INCLUSION,
                                            "Qualitative studies of adults in the UK", &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_project_get_protocol (p, MTE_PROTOCOL_INCLUSION),
                  "Qualitative studies of adults in the UK");
  CU_ASSERT_FALSE (mte_project_set_protocol (p, MTE_PROTOCOL_RATIONALE, "bad \xff", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  MTE_ASSERT_STR (mte_project_get_protocol (p, MTE_PROTOCOL_RATIONALE),
                  "Interpretive synthesis of lived experience");
  CU_ASSERT_TRUE (mte_project_set_protocol (p, MTE_PROTOCOL_RATIONALE, "", &error));
  CU_ASSERT_PTR_NULL (mte_project_get_protocol (p, MTE_PROTOCOL_RATIONALE));
}

static void
test_searches (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteSearch *s;
  static const char *const good[] = { "2024", "2024-02", "2024-02-29", "1999-12-31" };
  static const char *const bad[] = { "24", "2023-02-29", "2024-13", "2024-1-01", "0999",
                                     "2024-02-30", "2024/02/01", "2024-02-01T10:00" };

  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_project_add_member (p, "ab", "A. B.", NULL, NULL));
  s = mte_project_add_search (p, NULL, MTE_SOURCE_DATABASE, "MEDLINE (Ovid)", &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_search_get_id (s), "medline-ovid");
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_search (p, "medline-ovid"), s);
  CU_ASSERT_PTR_NULL (mte_project_lookup_search (p, "ab"));
  CU_ASSERT_EQUAL (mte_project_get_n_searches (p), 1);
  CU_ASSERT_PTR_EQUAL (mte_project_get_search (p, 0), s);
  CU_ASSERT_EQUAL (mte_search_get_kind (s), MTE_SOURCE_DATABASE);
  CU_ASSERT_EQUAL (mte_search_get_n_records (s), MTE_COUNT_UNKNOWN);
  CU_ASSERT_PTR_NULL (mte_search_get_date (s));

  CU_ASSERT_PTR_NULL (mte_project_add_search (p, NULL, MTE_SOURCE_WEBSITE, "", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_project_add_search (p, "medline-ovid", MTE_SOURCE_WEBSITE, "x", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID);
  CU_ASSERT_EQUAL (mte_project_get_n_searches (p), 1);

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      CU_ASSERT_TRUE (mte_search_set_date (s, good[i], &error));
      MTE_ASSERT_NO_ERROR (error);
      MTE_ASSERT_STR (mte_search_get_date (s), good[i]);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CU_ASSERT_FALSE (mte_search_set_date (s, bad[i], &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      MTE_ASSERT_STR (mte_search_get_date (s), "1999-12-31");
    }
  CU_ASSERT_TRUE (mte_search_set_date (s, NULL, &error));
  CU_ASSERT_PTR_NULL (mte_search_get_date (s));

  CU_ASSERT_TRUE (mte_search_set_query (s, "(qualitative OR interview*)\nAND ethnic*", &error));
  MTE_ASSERT_STR (mte_search_get_query (s), "(qualitative OR interview*)\nAND ethnic*");
  mte_search_set_n_records (s, 412);
  CU_ASSERT_EQUAL (mte_search_get_n_records (s), 412);
  mte_search_set_n_records (s, 0);
  CU_ASSERT_EQUAL (mte_search_get_n_records (s), 0);
  CU_ASSERT_TRUE (mte_search_set_run_by (s, "ab", &error));
  CU_ASSERT_PTR_EQUAL (mte_search_get_run_by (s), mte_project_lookup_member (p, "ab"));
  CU_ASSERT_FALSE (mte_search_set_run_by (s, "medline-ovid", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_search_set_run_by (s, "zz", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_EQUAL (mte_search_get_run_by (s), mte_project_lookup_member (p, "ab"));
  CU_ASSERT_TRUE (mte_search_set_run_by (s, NULL, &error));
  CU_ASSERT_PTR_NULL (mte_search_get_run_by (s));
  CU_ASSERT_FALSE (mte_search_set_source (s, "", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  MTE_ASSERT_STR (mte_search_get_source (s), "MEDLINE (Ovid)");
  mte_search_set_kind (s, MTE_SOURCE_REGISTER);
  CU_ASSERT_EQUAL (mte_search_get_kind (s), MTE_SOURCE_REGISTER);
  CU_ASSERT_TRUE (mte_search_set_notes (s, "English only", &error));
  MTE_ASSERT_STR (mte_search_get_notes (s), "English only");
}

/* A record's fate and provenance, as a string, to show that a refused
 * change left it alone. */
static char *
fate_of (const MteRecord *r)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%" G_GINT64_FORMAT,
                          mte_record_fate_to_string (mte_record_get_fate (r)),
                          mte_record_get_duplicate_of (r) ? mte_record_get_id (mte_record_get_duplicate_of (r)) : "-",
                          mte_record_get_study (r) ? mte_study_get_id (mte_record_get_study (r)) : "-",
                          mte_record_get_reason (r) ? mte_record_get_reason (r) : "-",
                          mte_record_get_decided_by (r) ? mte_member_get_id (mte_record_get_decided_by (r)) : "-",
                          mte_record_get_decided (r));
}

static void
assert_refused_unchanged (MteRecord     *r,
                          MteRecordFate  fate,
                          const char    *target,
                          const char    *reason,
                          const char    *by,
                          gint64         when,
                          int            code)
{
  g_autofree char *before = fate_of (r);
  g_autofree char *after = NULL;
  GError *error = NULL;

  CU_ASSERT_FALSE (mte_record_set_fate (r, fate, target, reason, by, when, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, code);
  after = fate_of (r);
  MTE_ASSERT_STR (after, before);
}

static void
test_records (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteRecord *a, *b, *c;
  const char *authors[] = { "Okafor, Ada", "Smith, J.", NULL };
  const char *empty_author[] = { "Okafor, Ada", "", NULL };
  const char *keywords[] = { "ethnicity", "trust", NULL };

  mte_project_add_member (p, "ab", "A. B.", NULL, NULL);
  mte_project_add_study (p, "okafor2021", NULL);
  mte_project_add_search (p, "s-med", MTE_SOURCE_DATABASE, "MEDLINE", NULL);
  mte_project_add_search (p, "s-web", MTE_SOURCE_WEBSITE, "Google Scholar", NULL);
  a = mte_project_add_record (p, NULL, &error);
  b = mte_project_add_record (p, NULL, &error);
  c = mte_project_add_record (p, "c", &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_record_get_id (a), "record-1");
  MTE_ASSERT_STR (mte_record_get_id (b), "record-2");
  CU_ASSERT_EQUAL (mte_project_get_n_records (p), 3);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_record (p, "c"), c);
  CU_ASSERT_EQUAL (mte_record_get_fate (a), MTE_FATE_UNSCREENED);
  CU_ASSERT_PTR_NOT_NULL (mte_record_get_authors (a));
  CU_ASSERT_PTR_NULL (mte_record_get_authors (a)[0]);
  CU_ASSERT_PTR_NULL (mte_record_get_keywords (a)[0]);

  /* Citation. */
  CU_ASSERT_TRUE (mte_record_set_field (a, MTE_RECORD_TITLE, "Being heard", &error));
  CU_ASSERT_TRUE (mte_record_set_field (a, MTE_RECORD_DOI, "10.1000/xyz", &error));
  CU_ASSERT_TRUE (mte_record_set_authors (a, authors, &error));
  CU_ASSERT_TRUE (mte_record_set_keywords (a, keywords, &error));
  CU_ASSERT_TRUE (mte_record_set_year (a, 2021, &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_record_get_field (a, MTE_RECORD_TITLE), "Being heard");
  MTE_ASSERT_STR (mte_record_get_authors (a)[1], "Smith, J.");
  MTE_ASSERT_STR (mte_record_get_keywords (a)[1], "trust");
  CU_ASSERT_EQUAL (mte_record_get_year (a), 2021);
  CU_ASSERT_FALSE (mte_record_set_authors (a, empty_author, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  MTE_ASSERT_STR (mte_record_get_authors (a)[0], "Okafor, Ada");
  CU_ASSERT_FALSE (mte_record_set_year (a, 10000, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_record_get_year (a), 2021);

  /* Searches that found it. */
  CU_ASSERT_TRUE (mte_record_add_search (a, "s-med", &error));
  CU_ASSERT_TRUE (mte_record_add_search (a, "s-web", &error));
  CU_ASSERT_TRUE (mte_record_add_search (a, "s-med", &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_record_get_n_searches (a), 2);
  CU_ASSERT_FALSE (mte_record_add_search (a, "okafor2021", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_TRUE (mte_record_remove_search (a, "s-web"));
  CU_ASSERT_FALSE (mte_record_remove_search (a, "s-web"));
  CU_ASSERT_FALSE (mte_record_remove_search (a, "okafor2021"));
  CU_ASSERT_FALSE (mte_record_remove_search (a, "nothing"));
  CU_ASSERT_EQUAL (mte_record_get_n_searches (a), 1);
  MTE_ASSERT_STR (mte_search_get_id (mte_record_get_search (a, 0)), "s-med");

  /* Fates: what each needs and forbids; a refusal changes nothing. */
  CU_ASSERT_TRUE (mte_record_set_fate (a, MTE_FATE_INCLUDED, "okafor2021", NULL, "ab", 1700000000, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_EQUAL (mte_record_get_study (a), mte_project_lookup_study (p, "okafor2021"));
  CU_ASSERT_EQUAL (mte_record_get_decided (a), 1700000000);
  assert_refused_unchanged (a, MTE_FATE_INCLUDED, NULL, NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  assert_refused_unchanged (a, MTE_FATE_INCLUDED, "c", NULL, NULL, 0, MTE_MODEL_ERROR_WRONG_KIND);
  assert_refused_unchanged (a, MTE_FATE_INCLUDED, "nope", NULL, NULL, 0, MTE_MODEL_ERROR_NOT_FOUND);
  assert_refused_unchanged (a, MTE_FATE_EXCLUDED_FULL_TEXT, NULL, NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  assert_refused_unchanged (a, MTE_FATE_EXCLUDED_FULL_TEXT, NULL, "", NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  assert_refused_unchanged (a, MTE_FATE_SOUGHT, "okafor2021", NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  assert_refused_unchanged (a, MTE_FATE_UNSCREENED, NULL, "why", NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  assert_refused_unchanged (a, MTE_FATE_SOUGHT, NULL, NULL, "zz", 0, MTE_MODEL_ERROR_NOT_FOUND);
  assert_refused_unchanged (a, MTE_FATE_DUPLICATE, "record-1", NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  assert_refused_unchanged (a, MTE_FATE_DUPLICATE, NULL, NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);

  CU_ASSERT_TRUE (mte_record_set_fate (b, MTE_FATE_DUPLICATE, "record-1", "same DOI", NULL, 0, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_EQUAL (mte_record_get_duplicate_of (b), a);
  MTE_ASSERT_STR (mte_record_get_reason (b), "same DOI");
  /* Not a duplicate of a duplicate; not a duplicate while duplicated. */
  assert_refused_unchanged (c, MTE_FATE_DUPLICATE, "record-2", NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  assert_refused_unchanged (a, MTE_FATE_DUPLICATE, "c", NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  /* Once its duplicate is decided otherwise, or removed, the original may
   * itself be marked a duplicate. */
  CU_ASSERT_TRUE (mte_record_set_fate (b, MTE_FATE_DUPLICATE, "record-1", "same title", NULL, 0, &error));
  CU_ASSERT_TRUE (mte_record_set_fate (b, MTE_FATE_SOUGHT, NULL, NULL, NULL, 0, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_record_set_fate (a, MTE_FATE_DUPLICATE, "record-2", "same DOI", NULL, 0, &error));
  MTE_ASSERT_NO_ERROR (error);
  assert_refused_unchanged (b, MTE_FATE_DUPLICATE, "record-1", NULL, NULL, 0, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_TRUE (mte_project_remove (p, "record-1", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_record_set_fate (b, MTE_FATE_DUPLICATE, "c", "same DOI", NULL, 0, &error));
  MTE_ASSERT_NO_ERROR (error);
  a = mte_project_add_record (p, "record-1", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_TRUE (mte_record_set_fate (a, MTE_FATE_INCLUDED, "okafor2021", NULL, "ab", 1700000000, &error));
  CU_ASSERT_TRUE (mte_record_set_fate (b, MTE_FATE_UNSCREENED, NULL, NULL, NULL, 0, &error));

  CU_ASSERT_TRUE (mte_record_set_fate (c, MTE_FATE_EXCLUDED_FULL_TEXT, NULL, "Not qualitative", "ab", 5, &error));
  MTE_ASSERT_STR (mte_record_get_reason (c), "Not qualitative");
  CU_ASSERT_TRUE (mte_record_set_fate (c, MTE_FATE_UNSCREENED, NULL, NULL, NULL, 0, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (mte_record_get_reason (c));
  CU_ASSERT_PTR_NULL (mte_record_get_decided_by (c));
  CU_ASSERT_EQUAL (mte_record_get_decided (c), 0);
}

static void
test_exclusion (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  MteStudy *s, *t;

  mte_project_add_member (p, "ab", "A. B.", NULL, NULL);
  s = mte_project_add_study (p, "s1", NULL);
  t = mte_project_add_study (p, "s2", NULL);
  CU_ASSERT_EQUAL (mte_project_get_n_included_studies (p), 2);
  CU_ASSERT_FALSE (mte_study_is_excluded (s));
  CU_ASSERT_EQUAL (mte_study_get_exclusion_stage (s), MTE_EXCLUSION_NONE);
  CU_ASSERT_PTR_NULL (mte_study_get_exclusion_reason (s));

  CU_ASSERT_FALSE (mte_study_exclude (s, MTE_EXCLUSION_APPRAISAL, "", NULL, 0, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_study_exclude (s, MTE_EXCLUSION_APPRAISAL, "weak", "s2", 0, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  CU_ASSERT_FALSE (mte_study_is_excluded (s));

  CU_ASSERT_TRUE (mte_study_exclude (s, MTE_EXCLUSION_APPRAISAL,
                                     "Unclear method and no quotes", "ab", 1700000000, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_study_is_excluded (s));
  CU_ASSERT_EQUAL (mte_study_get_exclusion_stage (s), MTE_EXCLUSION_APPRAISAL);
  MTE_ASSERT_STR (mte_study_get_exclusion_reason (s), "Unclear method and no quotes");
  CU_ASSERT_PTR_EQUAL (mte_study_get_exclusion_reviewer (s), mte_project_lookup_member (p, "ab"));
  CU_ASSERT_EQUAL (mte_study_get_exclusion_time (s), 1700000000);
  CU_ASSERT_EQUAL (mte_project_get_n_included_studies (p), 1);

  /* Excluding again replaces the decision. */
  CU_ASSERT_TRUE (mte_study_exclude (s, MTE_EXCLUSION_SYNTHESIS, "Off topic", NULL, 0, &error));
  CU_ASSERT_EQUAL (mte_study_get_exclusion_stage (s), MTE_EXCLUSION_SYNTHESIS);
  CU_ASSERT_PTR_NULL (mte_study_get_exclusion_reviewer (s));

  /* The study stays in the project. */
  CU_ASSERT_EQUAL (mte_project_get_n_studies (p), 2);
  CU_ASSERT_PTR_EQUAL (mte_project_lookup_study (p, "s1"), s);

  mte_study_include (s);
  CU_ASSERT_FALSE (mte_study_is_excluded (s));
  CU_ASSERT_PTR_NULL (mte_study_get_exclusion_reason (s));
  CU_ASSERT_EQUAL (mte_project_get_n_included_studies (p), 2);
  (void) t;
}

static void
test_removal (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_auto (GStrv) deps = NULL;
  GError *error = NULL;
  MteRecord *r1, *r2, *r3;

  mte_project_add_member (p, "ab", "A. B.", NULL, NULL);
  mte_project_add_study (p, "s1", NULL);
  mte_project_add_search (p, "med", MTE_SOURCE_DATABASE, "MEDLINE", NULL);
  mte_search_set_run_by (mte_project_lookup_search (p, "med"), "ab", NULL);
  r1 = mte_project_add_record (p, "r1", NULL);
  r2 = mte_project_add_record (p, "r2", NULL);
  r3 = mte_project_add_record (p, "r3", NULL);
  mte_record_add_search (r1, "med", NULL);
  mte_record_set_fate (r1, MTE_FATE_INCLUDED, "s1", NULL, "ab", 7, NULL);
  mte_record_set_fate (r2, MTE_FATE_DUPLICATE, "r1", "same DOI", NULL, 0, NULL);
  mte_study_exclude (mte_project_lookup_study (p, "s1"), MTE_EXCLUSION_FULL_TEXT, "no data", "ab", 0, NULL);
  (void) r3;

  deps = mte_project_dup_dependents (p, "ab");
  CU_ASSERT_EQUAL (g_strv_length (deps), 3);   /* the search, r1, s1 */
  g_clear_pointer (&deps, g_strfreev);
  deps = mte_project_dup_dependents (p, "med");
  CU_ASSERT_EQUAL (g_strv_length (deps), 1);
  MTE_ASSERT_STR (deps[0], "r1");
  g_clear_pointer (&deps, g_strfreev);

  CU_ASSERT_FALSE (mte_project_remove (p, "ab", MTE_REMOVE_FLAGS_NONE, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS);
  CU_ASSERT_TRUE (mte_project_remove (p, "ab", MTE_REMOVE_CASCADE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (mte_search_get_run_by (mte_project_lookup_search (p, "med")));
  CU_ASSERT_PTR_NULL (mte_record_get_decided_by (r1));
  CU_ASSERT_EQUAL (mte_record_get_fate (r1), MTE_FATE_INCLUDED);
  CU_ASSERT_PTR_NULL (mte_study_get_exclusion_reviewer (mte_project_lookup_study (p, "s1")));
  CU_ASSERT_TRUE (mte_study_is_excluded (mte_project_lookup_study (p, "s1")));

  /* The search goes; the record stays, found by nothing now. */
  CU_ASSERT_TRUE (mte_project_remove (p, "med", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT_EQUAL (mte_record_get_n_searches (r1), 0);
  CU_ASSERT_EQUAL (mte_project_get_n_records (p), 3);

  /* A report of a removed study awaits a decision again. */
  CU_ASSERT_TRUE (mte_project_remove (p, "s1", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT_EQUAL (mte_record_get_fate (r1), MTE_FATE_SOUGHT);
  CU_ASSERT_PTR_NULL (mte_record_get_study (r1));
  CU_ASSERT_EQUAL (mte_record_get_decided (r1), 0);

  /* Duplicates of a removed record are unscreened again. */
  CU_ASSERT_FALSE (mte_project_remove (p, "r1", MTE_REMOVE_FLAGS_NONE, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS);
  CU_ASSERT_TRUE (mte_project_remove (p, "r1", MTE_REMOVE_CASCADE, &error));
  CU_ASSERT_EQUAL (mte_record_get_fate (r2), MTE_FATE_UNSCREENED);
  CU_ASSERT_PTR_NULL (mte_record_get_duplicate_of (r2));
  CU_ASSERT_PTR_NULL (mte_record_get_reason (r2));
  CU_ASSERT_EQUAL (mte_project_get_n_records (p), 2);
  CU_ASSERT_PTR_EQUAL (mte_project_get_record (p, 0), r2);
}

/* Builds the same small review twice; @variant changes one thing. */
static MteProject *
small_review (int variant)
{
  MteProject *p = mte_project_new ();
  MteRecord *r;

  mte_project_set_created (p, 100);
  mte_project_add_member (p, "ab", "A. B.", NULL, NULL);
  mte_project_set_protocol (p, MTE_PROTOCOL_EXCLUSION, variant == 1 ? "x" : "y", NULL);
  mte_project_add_search (p, "med", variant == 2 ? MTE_SOURCE_REGISTER : MTE_SOURCE_DATABASE,
                          "MEDLINE", NULL);
  mte_search_set_n_records (mte_project_lookup_search (p, "med"), variant == 3 ? 9 : 10);
  mte_project_add_study (p, "s1", NULL);
  r = mte_project_add_record (p, "r1", NULL);
  mte_record_add_search (r, "med", NULL);
  mte_record_set_keywords (r, (const char *[]) { variant == 4 ? "k2" : "k1", NULL }, NULL);
  mte_record_set_fate (r, MTE_FATE_INCLUDED, "s1", NULL, variant == 5 ? NULL : "ab", 0, NULL);
  if (variant != 6)
    mte_study_exclude (mte_project_lookup_study (p, "s1"), MTE_EXCLUSION_APPRAISAL, "weak", NULL, 0, NULL);
  mte_project_set_stage_count (p, MTE_PRISMA_DUPLICATES, variant == 7 ? 3 : 2);
  mte_project_set_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, variant == 8 ? "B" : "A", 1, NULL);
  mte_project_set_modified (p, 200);
  return p;
}

static void
test_equal (void)
{
  g_autoptr (MteProject) base = small_review (0);
  g_autoptr (MteProject) same = small_review (0);

  CU_ASSERT_TRUE (mte_project_equal (base, same));
  for (int v = 1; v <= 8; v++)
    {
      g_autoptr (MteProject) other = small_review (v);

      if (mte_project_equal (base, other))
        fprintf (stderr, "variant %d compares equal\n", v);
      CU_ASSERT_FALSE (mte_project_equal (base, other));
    }
}

static void
test_entered_counts (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  const char *reason;

  for (int i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    CU_ASSERT_EQUAL (mte_project_get_stage_count (p, i), MTE_COUNT_UNKNOWN);
  mte_project_set_stage_count (p, MTE_PRISMA_DUPLICATES, 120);
  CU_ASSERT_EQUAL (mte_project_get_stage_count (p, MTE_PRISMA_DUPLICATES), 120);
  mte_project_set_stage_count (p, MTE_PRISMA_DUPLICATES, MTE_COUNT_UNKNOWN);
  CU_ASSERT_EQUAL (mte_project_get_stage_count (p, MTE_PRISMA_DUPLICATES), MTE_COUNT_UNKNOWN);

  CU_ASSERT_TRUE (mte_project_set_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, "Not qualitative", 4, &error));
  CU_ASSERT_TRUE (mte_project_set_exclusion_count (p, MTE_PRISMA_OTHER_EXCLUDED, "Not UK", 1, &error));
  CU_ASSERT_TRUE (mte_project_set_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, "Not UK", 2, &error));
  CU_ASSERT_TRUE (mte_project_set_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, "Not qualitative", 5, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_project_get_n_exclusion_counts (p, MTE_PRISMA_DBR_EXCLUDED), 2);
  CU_ASSERT_EQUAL (mte_project_get_n_exclusion_counts (p, MTE_PRISMA_OTHER_EXCLUDED), 1);
  CU_ASSERT_EQUAL (mte_project_get_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, 0, &reason), 5);
  MTE_ASSERT_STR (reason, "Not qualitative");
  CU_ASSERT_EQUAL (mte_project_get_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, 1, &reason), 2);
  MTE_ASSERT_STR (reason, "Not UK");
  CU_ASSERT_FALSE (mte_project_set_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, "", 1, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_TRUE (mte_project_set_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, "Not qualitative",
                                                   MTE_COUNT_UNKNOWN, &error));
  CU_ASSERT_EQUAL (mte_project_get_n_exclusion_counts (p, MTE_PRISMA_DBR_EXCLUDED), 1);
  CU_ASSERT_EQUAL (mte_project_get_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, 0, &reason), 2);
}

/* Campbell et al. 2003 in shape: ten studies appraised, three excluded,
 * no records kept and no searches recorded. */
static MteProject *
campbell_shaped (void)
{
  MteProject *p = mte_project_new ();
  static const char *const reasons[] = { "Poor quality", "Not qualitative", "poor  QUALITY" };

  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("study%02d", i);
      MteStudy *s = mte_project_add_study (p, id, NULL);

      if (i > 7)
        mte_study_exclude (s, MTE_EXCLUSION_APPRAISAL, reasons[i - 8], NULL, 0, NULL);
    }
  return p;
}

static void
test_prisma_campbell (void)
{
  g_autoptr (MteProject) p = campbell_shaped ();
  g_autoptr (MtePrisma) prisma = mte_prisma_new (p);
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  gint64 n;

  CU_ASSERT_EQUAL (mte_project_get_n_included_studies (p), 7);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DATABASE_RESULTS), MTE_COUNT_UNKNOWN);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DUPLICATES), MTE_COUNT_UNKNOWN);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_RECORDS_SCREENED), MTE_COUNT_UNKNOWN);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_SOUGHT), 10);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_ASSESSED), 10);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_EXCLUDED), 3);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_EXCLUDED), MTE_COUNT_UNKNOWN);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_NEW_STUDIES), 7);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_NEW_REPORTS), 7);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_TOTAL_STUDIES), 7);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_TOTAL_REPORTS), 7);
  CU_ASSERT_EQUAL (mte_prisma_get_n_disagreements (prisma), 0);
  /* "Poor quality" and "poor  QUALITY" are one reason. */
  CU_ASSERT_EQUAL_FATAL (mte_prisma_get_n_reasons (prisma, MTE_PRISMA_DBR_EXCLUDED), 2);
  MTE_ASSERT_STR (mte_prisma_get_reason (prisma, MTE_PRISMA_DBR_EXCLUDED, 0, &n), "Poor quality");
  CU_ASSERT_EQUAL (n, 2);
  MTE_ASSERT_STR (mte_prisma_get_reason (prisma, MTE_PRISMA_DBR_EXCLUDED, 1, &n), "Not qualitative");
  CU_ASSERT_EQUAL (n, 1);

  csv = mte_prisma_render (prisma, MTE_REPORT_CSV, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (g_str_has_prefix (csv, "data,node,box,description,boxtext,tooltips,url,n\r\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (csv, "\r\ndatabase_results,node7,box2,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (csv, ",NA,NA\r\ndatabase_specific_results,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (csv, ",NA,10\r\ndbr_excluded,node14,box9,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (csv, ",NA,\"Poor quality, 2; Not qualitative, 1\"\r\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (csv, "\r\nnew_studies,node15,box10,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (csv, "\r\ntotal_reports,NA,box16,"));
  {
    /* One line per row: the header, 31 rows of the flow, 2 per-source rows. */
    guint lines = 0;

    for (const char *c = csv; *c != '\0'; c++)
      lines += *c == '\n';
    CU_ASSERT_EQUAL (lines, 1 + 31 + 2);
  }

  text = mte_prisma_render (prisma, MTE_REPORT_TEXT, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "Poor quality, 2; Not qualitative, 1"));
  CU_ASSERT_PTR_NULL (mte_prisma_render (prisma, MTE_REPORT_DOT, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
}

/* Records in every fate, two searches, three studies: the flow worked
 * out by hand in the comments. */
static void
test_prisma_records (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  g_autoptr (MtePrisma) prisma = NULL;
  g_autoptr (MteCheckReport) report = NULL;
  g_autofree char *json = NULL;
  static const struct { const char *id, *searches, *fate, *target, *reason; } records[] = {
    { "r1", "med web", "included", "s1", NULL },
    { "r2", "med", "duplicate", "r1", "same DOI" },
    { "r3", "med", "removed-automation", NULL, NULL },
    { "r4", "med", "excluded-screening", NULL, NULL },
    { "r5", "med", "not-retrieved", NULL, NULL },
    { "r6", "web", "excluded-full-text", NULL, "Wrong population" },
    { "r7", "med", "included", "s1", NULL },
    { "r8", "med", "included", "s2", NULL },
    { "r9", "web", "sought", NULL, NULL },
    { "r10", "med", "unscreened", NULL, NULL },
  };
  GError *error = NULL;
  gint64 entered, computed, n;
  MteSourceKind kind;

  mte_project_add_search (p, "med", MTE_SOURCE_DATABASE, "MEDLINE", NULL);
  mte_project_add_search (p, "web", MTE_SOURCE_WEBSITE, "Charity websites", NULL);
  mte_search_set_n_records (mte_project_lookup_search (p, "med"), 5);
  mte_project_add_study (p, "s1", NULL);
  mte_project_add_study (p, "s2", NULL);
  mte_project_add_study (p, "s3", NULL);
  mte_study_exclude (mte_project_lookup_study (p, "s2"), MTE_EXCLUSION_APPRAISAL, "Poor quality", NULL, 0, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (records); i++)
    {
      MteRecord *r = mte_project_add_record (p, records[i].id, NULL);
      g_auto (GStrv) searches = g_strsplit (records[i].searches, " ", -1);

      for (guint s = 0; searches[s] != NULL; s++)
        CU_ASSERT_TRUE (mte_record_add_search (r, searches[s], NULL));
      CU_ASSERT_TRUE (mte_record_set_fate (r, mte_record_fate_from_string (records[i].fate),
                                           records[i].target, records[i].reason, NULL, 0, &error));
      MTE_ASSERT_NO_ERROR (error);
    }

  prisma = mte_prisma_new (p);
  /* The search's own count wins over its 8 records, and disagrees. */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DATABASE_RESULTS), 5);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_WEBSITE_RESULTS), 3);   /* r1 r6 r9 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_REGISTER_RESULTS), 0);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_RESULTS), 0);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DUPLICATES), 2);        /* r1's 2nd search, r2 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_EXCLUDED_AUTOMATIC), 1);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_EXCLUDED_OTHER), 0);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_RECORDS_SCREENED), 5);  /* r1 r4 r5 r7 r8 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_RECORDS_EXCLUDED), 1);  /* r4 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_SOUGHT), 5);        /* r1 r5 r7 r8, s3 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_NOT_RETRIEVED), 1);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_ASSESSED), 4);      /* r1 r7 r8, s3 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_EXCLUDED), 1);      /* r8: s2 excluded */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_SOUGHT), 2);      /* r6 r9 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_NOT_RETRIEVED), 0);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_ASSESSED), 1);    /* r6 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_OTHER_EXCLUDED), 1);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_NEW_STUDIES), 2);       /* s1 s3 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_NEW_REPORTS), 3);       /* r1 r7, s3 */
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_TOTAL_STUDIES), 2);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_PREVIOUS_STUDIES), MTE_COUNT_UNKNOWN);
  MTE_ASSERT_STR (mte_prisma_get_reason (prisma, MTE_PRISMA_DBR_EXCLUDED, 0, &n), "Poor quality");
  MTE_ASSERT_STR (mte_prisma_get_reason (prisma, MTE_PRISMA_OTHER_EXCLUDED, 0, &n), "Wrong population");
  CU_ASSERT_EQUAL (mte_prisma_get_n_sources (prisma), 2);
  MTE_ASSERT_STR (mte_prisma_get_source (prisma, 1, &kind, &n), "Charity websites");
  CU_ASSERT_EQUAL (kind, MTE_SOURCE_WEBSITE);
  CU_ASSERT_EQUAL (n, 3);
  CU_ASSERT_EQUAL_FATAL (mte_prisma_get_n_disagreements (prisma), 1);
  MTE_ASSERT_STR (mte_prisma_get_disagreement (prisma, 0, &entered, &computed), "med");
  CU_ASSERT_EQUAL (entered, 5);
  CU_ASSERT_EQUAL (computed, 8);
  for (int i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    CU_ASSERT_FALSE (mte_prisma_is_entered (prisma, i));
  g_clear_pointer (&prisma, mte_prisma_free);

  /* Counts entered by hand win, and disagree where the records differ. */
  mte_project_set_stage_count (p, MTE_PRISMA_DUPLICATES, 2);
  mte_project_set_stage_count (p, MTE_PRISMA_RECORDS_SCREENED, 6);
  mte_project_set_stage_count (p, MTE_PRISMA_PREVIOUS_STUDIES, 4);
  mte_project_set_exclusion_count (p, MTE_PRISMA_DBR_EXCLUDED, "Poor quality", 2, NULL);
  prisma = mte_prisma_new (p);
  CU_ASSERT_TRUE (mte_prisma_is_entered (prisma, MTE_PRISMA_DUPLICATES));
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_RECORDS_SCREENED), 6);
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_DBR_EXCLUDED), 2);
  CU_ASSERT_TRUE (mte_prisma_is_entered (prisma, MTE_PRISMA_DBR_EXCLUDED));
  CU_ASSERT_EQUAL (mte_prisma_get_count (prisma, MTE_PRISMA_TOTAL_STUDIES), 6);
  CU_ASSERT_EQUAL_FATAL (mte_prisma_get_n_disagreements (prisma), 3);
  MTE_ASSERT_STR (mte_prisma_get_disagreement (prisma, 1, &entered, &computed), "records_screened");
  CU_ASSERT_EQUAL (entered, 6);
  CU_ASSERT_EQUAL (computed, 5);
  MTE_ASSERT_STR (mte_prisma_get_disagreement (prisma, 2, &entered, &computed), "dbr_excluded");
  CU_ASSERT_EQUAL (entered, 2);
  CU_ASSERT_EQUAL (computed, 1);

  json = mte_prisma_render (prisma, MTE_REPORT_JSON, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (json, "\"records_screened\": 6"));
  CU_ASSERT_PTR_NOT_NULL (strstr (json, "\"other_notretrieved_reports\": 0"));
  CU_ASSERT_PTR_NOT_NULL (strstr (json, "\"previous_reports\": null"));

  /* check reports each disagreement and the records awaiting decisions. */
  report = mte_project_check (p, 2);
  {
    guint disagreements = 0, unscreened = 0, unassessed = 0;

    for (guint i = 0; i < mte_check_report_get_n_issues (report); i++)
      {
        const char *code = mte_check_report_get_code (report, i);

        disagreements += strcmp (code, "prisma-disagreement") == 0;
        unscreened += strcmp (code, "records-unscreened") == 0;
        unassessed += strcmp (code, "reports-unassessed") == 0;
      }
    CU_ASSERT_EQUAL (disagreements, 3);
    CU_ASSERT_EQUAL (unscreened, 1);
    CU_ASSERT_EQUAL (unassessed, 1);
  }
}

static const MteTestCase cases[] = {
  { "names", test_names },
  { "protocol", test_protocol },
  { "searches", test_searches },
  { "records and fates", test_records },
  { "study exclusion", test_exclusion },
  { "removal", test_removal },
  { "equality", test_equal },
  { "counts entered by hand", test_entered_counts },
  { "PRISMA: Campbell-shaped", test_prisma_campbell },
  { "PRISMA: records in every fate", test_prisma_records },
};

MTE_TEST_MAIN ("review", cases)
