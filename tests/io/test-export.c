/* metaethno: tests of the reference exporters
 * (mte_project_export_references()).
 *
 * A small project built through the API, with awkward characters in every
 * place a format gives them a meaning and one excluded study, is exported
 * in each format and compared with text worked out by hand from the
 * format's rules (not from the program's output).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <string.h>

#include "../common/mte-test.h"

static void
set_field (MteStudy *study, MteStudyField field, const char *value)
{
  GError *error = NULL;

  CU_ASSERT_TRUE (mte_study_set_field (study, field, value, &error));
  MTE_ASSERT_NO_ERROR (error);
}

/* Three studies, the second excluded:
 * - okafor2021: a journal article whose title holds % & { } _ # ~ $ \ ^
 *   and a quoted word; a particle in a family name; an institution as
 *   author; a DOI and a URL with "_", "~", "%" and "&";
 * - lee2019: excluded, so never written;
 * - nguyen2020: no journal and no year, a non-ASCII name, pages that
 *   are not a range, and a lone closing brace in the title. */
static MteProject *
small_project (void)
{
  MteProject *project = mte_project_new ();
  GError *error = NULL;
  MteStudy *study;
  const char * const okafor_authors[] = {
    "Okafor, Chidi A.", "de la Cruz, María José", "World Health Organization", NULL
  };
  const char * const lee_authors[] = { "Lee, K.", NULL };
  const char * const nguyen_authors[] = { "Nguyễn, Thị Lan", NULL };

  study = mte_project_add_study (project, "okafor2021", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_study_set_authors (study, okafor_authors, &error));
  CU_ASSERT_TRUE (mte_study_set_year (study, 2021, &error));
  set_field (study, MTE_STUDY_TITLE,
             "Feeling safe in the UK: 50% of \"warm\" care & {small} R_1 #1 ~ $5 \\ ^2");
  set_field (study, MTE_STUDY_SOURCE, "Health & Society");
  set_field (study, MTE_STUDY_VOLUME, "12");
  set_field (study, MTE_STUDY_ISSUE, "3");
  set_field (study, MTE_STUDY_PAGES, "101-115");
  set_field (study, MTE_STUDY_DOI, "10.1000/abc_123");
  set_field (study, MTE_STUDY_URL, "https://example.org/~me/a_b?x=1%20&y=2");
  /* Not part of a citation: never exported. */
  set_field (study, MTE_STUDY_COUNTRY, "Nigeria");

  study = mte_project_add_study (project, "lee2019", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_study_set_authors (study, lee_authors, &error));
  CU_ASSERT_TRUE (mte_study_set_year (study, 2019, &error));
  set_field (study, MTE_STUDY_TITLE, "An excluded study");
  set_field (study, MTE_STUDY_SOURCE, "Elsewhere");
  CU_ASSERT_TRUE (mte_study_exclude (study, MTE_EXCLUSION_FULL_TEXT,
                                     "not qualitative", NULL, 0, &error));
  MTE_ASSERT_NO_ERROR (error);

  study = mte_project_add_study (project, "nguyen2020", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_study_set_authors (study, nguyen_authors, &error));
  set_field (study, MTE_STUDY_TITLE, "NHS care and a lone } brace");
  set_field (study, MTE_STUDY_PAGES, "e0284878");
  MTE_ASSERT_NO_ERROR (error);

  return project;
}

static const char expected_ris[] =
  "TY  - JOUR\n"
  "ID  - okafor2021\n"
  "AU  - Okafor, Chidi A.\n"
  "AU  - de la Cruz, María José\n"
  "AU  - World Health Organization,\n"
  "PY  - 2021\n"
  "TI  - Feeling safe in the UK: 50% of \"warm\" care & {small} R_1 #1 ~ $5 \\ ^2\n"
  "T2  - Health & Society\n"
  "VL  - 12\n"
  "IS  - 3\n"
  "SP  - 101\n"
  "EP  - 115\n"
  "DO  - 10.1000/abc_123\n"
  "UR  - https://example.org/~me/a_b?x=1%20&y=2\n"
  "ER  - \n"
  "\n"
  "TY  - GEN\n"
  "ID  - nguyen2020\n"
  "AU  - Nguyễn, Thị Lan\n"
  "TI  - NHS care and a lone } brace\n"
  "SP  - e0284878\n"
  "ER  - \n";

/* Capitalised words other than the first are braced ("{UK:}", "{R\_1}",
 * and "{NHS}", whose capitals go beyond its first letter); the title's
 * braces balance, so they are "\{" "\}", and the lone one is
 * \textbraceright{}; the DOI and URL are verbatim. */
static const char expected_bibtex[] =
  "@article{okafor2021,\n"
  "  author = {Okafor, Chidi A. and {de la Cruz}, María José and {World Health Organization}},\n"
  "  year = {2021},\n"
  "  title = {Feeling safe in the {UK:} 50\\% of \"warm\" care \\& \\{small\\} {R\\_1} \\#1 "
  "\\textasciitilde{} \\$5 \\textbackslash{} \\textasciicircum{}2},\n"
  "  journal = {Health \\& Society},\n"
  "  volume = {12},\n"
  "  number = {3},\n"
  "  pages = {101-115},\n"
  "  doi = {10.1000/abc_123},\n"
  "  url = {https://example.org/~me/a_b?x=1%20&y=2}\n"
  "}\n"
  "\n"
  "@misc{nguyen2020,\n"
  "  author = {Nguyễn, Thị Lan},\n"
  "  title = {{NHS} care and a lone \\textbraceright{} brace},\n"
  "  pages = {e0284878}\n"
  "}\n";

static const char expected_csl_json[] =
  "[\n"
  "  {\n"
  "    \"id\": \"okafor2021\",\n"
  "    \"type\": \"article-journal\",\n"
  "    \"author\": [\n"
  "      {\"family\": \"Okafor\", \"given\": \"Chidi A.\"},\n"
  "      {\"family\": \"de la Cruz\", \"given\": \"María José\"},\n"
  "      {\"literal\": \"World Health Organization\"}\n"
  "    ],\n"
  "    \"issued\": {\"date-parts\": [[2021]]},\n"
  "    \"title\": \"Feeling safe in the UK: 50% of \\\"warm\\\" care & {small} R_1 #1 ~ $5 \\\\ ^2\",\n"
  "    \"container-title\": \"Health & Society\",\n"
  "    \"volume\": \"12\",\n"
  "    \"issue\": \"3\",\n"
  "    \"page\": \"101-115\",\n"
  "    \"DOI\": \"10.1000/abc_123\",\n"
  "    \"URL\": \"https://example.org/~me/a_b?x=1%20&y=2\"\n"
  "  },\n"
  "  {\n"
  "    \"id\": \"nguyen2020\",\n"
  "    \"type\": \"article\",\n"
  "    \"author\": [\n"
  "      {\"family\": \"Nguyễn\", \"given\": \"Thị Lan\"}\n"
  "    ],\n"
  "    \"title\": \"NHS care and a lone } brace\",\n"
  "    \"page\": \"e0284878\"\n"
  "  }\n"
  "]\n";

static void
assert_export (const MteProject *project, MteReferenceFormat format,
               const char *expected)
{
  GError *error = NULL;
  gsize length = 0;
  char *text = mte_project_export_references (project, format, &length, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  CU_ASSERT_EQUAL (length, strlen (text));
  if (strcmp (text, expected) != 0)
    fprintf (stderr, "\n--- expected (format %d)\n%s--- got\n%s---\n",
             (int) format, expected, text);
  MTE_ASSERT_STR (text, expected);
  g_free (text);
}

static void
test_ris (void)
{
  g_autoptr(MteProject) project = small_project ();

  assert_export (project, MTE_REFERENCE_FORMAT_RIS, expected_ris);
}

static void
test_bibtex (void)
{
  g_autoptr(MteProject) project = small_project ();

  assert_export (project, MTE_REFERENCE_FORMAT_BIBTEX, expected_bibtex);
}

static void
test_csl_json (void)
{
  g_autoptr(MteProject) project = small_project ();

  assert_export (project, MTE_REFERENCE_FORMAT_CSL_JSON, expected_csl_json);
}

/* Including the excluded study again puts it back, in project order. */
static void
test_included_again (void)
{
  g_autoptr(MteProject) project = small_project ();
  g_autofree char *text = NULL;
  const char *okafor, *lee, *nguyen;

  mte_study_include (mte_project_lookup_study (project, "lee2019"));
  text = mte_project_export_references (project, MTE_REFERENCE_FORMAT_RIS, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  okafor = strstr (text, "ID  - okafor2021\n");
  lee = strstr (text, "ID  - lee2019\n");
  nguyen = strstr (text, "ID  - nguyen2020\n");
  CU_ASSERT_TRUE (okafor != NULL && lee != NULL && nguyen != NULL);
  CU_ASSERT_TRUE (okafor < lee && lee < nguyen);
}

/* Line breaks: JSON escapes them; RIS and BibTeX, which cannot hold
 * them in a value, write spaces. */
static void
test_line_breaks (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  MteStudy *study = mte_project_add_study (project, "s1", NULL);
  g_autofree char *ris = NULL, *bibtex = NULL, *json = NULL;

  set_field (study, MTE_STUDY_TITLE, "one\ntwo\tthree\r\nfour");
  ris = mte_project_export_references (project, MTE_REFERENCE_FORMAT_RIS, NULL, NULL);
  bibtex = mte_project_export_references (project, MTE_REFERENCE_FORMAT_BIBTEX, NULL, NULL);
  json = mte_project_export_references (project, MTE_REFERENCE_FORMAT_CSL_JSON, NULL, NULL);
  MTE_ASSERT_STR (ris, "TY  - GEN\nID  - s1\nTI  - one two three  four\nER  - \n");
  MTE_ASSERT_STR (bibtex, "@misc{s1,\n  title = {one two three  four}\n}\n");
  CU_ASSERT_PTR_NOT_NULL (strstr (json, "\"title\": \"one\\ntwo\\tthree\\r\\nfour\"\n"));
}

static void
test_empty_project (void)
{
  g_autoptr(MteProject) project = mte_project_new ();

  assert_export (project, MTE_REFERENCE_FORMAT_RIS, "");
  assert_export (project, MTE_REFERENCE_FORMAT_BIBTEX, "");
  assert_export (project, MTE_REFERENCE_FORMAT_CSL_JSON, "[]\n");
}

static void
test_other_formats_refused (void)
{
  g_autoptr(MteProject) project = small_project ();
  const MteReferenceFormat refused[] = {
    MTE_REFERENCE_FORMAT_AUTO, MTE_REFERENCE_FORMAT_ENDNOTE_XML,
    MTE_REFERENCE_FORMAT_NBIB, (MteReferenceFormat) 99,
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      GError *error = NULL;
      gsize length = 7;

      CU_ASSERT_PTR_NULL (mte_project_export_references (project, refused[i],
                                                         &length, &error));
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_EQUAL (length, 7);
    }
}

static const MteTestCase cases[] = {
  { "RIS, worked out by hand", test_ris },
  { "BibTeX, worked out by hand", test_bibtex },
  { "CSL-JSON, worked out by hand", test_csl_json },
  { "an excluded study included again is exported", test_included_again },
  { "line breaks", test_line_breaks },
  { "an empty project", test_empty_project },
  { "other formats are refused", test_other_formats_refused },
};

MTE_TEST_MAIN ("export", cases)
