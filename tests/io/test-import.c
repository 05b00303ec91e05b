/* metaethno: tests of the reference import (mte_project_import_references())
 * and of its RIS and MEDLINE readers.
 *
 *     test-import [--interop DIR]
 *
 * Decoding (BOMs, UTF-16, a declared windows-1252, line ends, invalid
 * UTF-8), sniffing, every RIS and MEDLINE file of the shared interop set
 * (../shared/interop: the count of references its README gives, and the
 * authors, year, title and DOI of records picked by hand from the files),
 * duplicates by each rule within and across imports, all or nothing,
 * strict and dry runs, studies, and problems located as NAME:LINE.
 * Without the interop folder the cases that need it say they skip it and
 * pass. White-box for mte_import_decode(): links the internal library.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include "mte-citation-private.h"

#include <string.h>

#include "../common/mte-test.h"

static const char *interop_dir;

/* ------------------------------------------------------------------ */
/* Decoding                                                           */
/* ------------------------------------------------------------------ */

static char *
decode (const char *data, gsize length, MteReferenceFormat format, GError **error)
{
  gsize n = 0;
  char *text = mte_import_decode (data, length, "in", format, &n, error);

  if (text != NULL)
    CU_ASSERT_EQUAL (n, strlen (text));
  return text;
}

static void
test_decode (void)
{
  GError *error = NULL;
  char *text;
  /* "TY\r\nä" in UTF-16 LE and BE with their BOMs. */
  static const char le[] = "\xFF\xFE" "T\0Y\0\r\0\n\0\xE4\0";
  static const char be[] = "\xFE\xFF" "\0T\0Y\0\r\0\n\0\xE4";
  static const char cp1252[] = "% Encoding: windows-1252\n@article{a, title={20\xB0 \x93q\x94}}\n";
  static const char crlf[] = "\xEF\xBB\xBFTY  - JOUR\r\nER  - \rx";
  static const char latin1[] = "% Encoding: ISO-8859-1\n@article{a, title={\xE9}}";

  text = decode (crlf, sizeof crlf - 1, MTE_REFERENCE_FORMAT_RIS, &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (text, "TY  - JOUR\nER  - \nx");
  g_free (text);

  text = decode (le, sizeof le - 1, MTE_REFERENCE_FORMAT_AUTO, &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (text, "TY\n\xC3\xA4");
  g_free (text);
  text = decode (be, sizeof be - 1, MTE_REFERENCE_FORMAT_BIBTEX, &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (text, "TY\n\xC3\xA4");
  g_free (text);

  text = decode (cp1252, sizeof cp1252 - 1, MTE_REFERENCE_FORMAT_BIBTEX, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (text != NULL ? strstr (text, "20\xC2\xB0 \xE2\x80\x9Cq\xE2\x80\x9D") : NULL);
  g_free (text);
  text = decode (latin1, sizeof latin1 - 1, MTE_REFERENCE_FORMAT_AUTO, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (text != NULL ? strstr (text, "{\xC3\xA9}") : NULL);
  g_free (text);

  /* Undeclared windows-1252 is not UTF-8: line 2, column 7. */
  text = decode ("TY  - JOUR\r\nTI  - \x93q\x94\n", 19, MTE_REFERENCE_FORMAT_RIS, &error);
  CU_ASSERT_PTR_NULL (text);
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  if (error != NULL)
    CU_ASSERT_TRUE (g_str_has_prefix (error->message, "in:2:7: "));
  g_clear_error (&error);
  /* The declaration is BibTeX's: RIS does not honour it. */
  text = decode (cp1252, sizeof cp1252 - 1, MTE_REFERENCE_FORMAT_RIS, &error);
  CU_ASSERT_PTR_NULL (text);
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  g_clear_error (&error);
  /* A NUL byte and a lone UTF-16 surrogate. */
  text = decode ("ab\0c", 4, MTE_REFERENCE_FORMAT_RIS, &error);
  CU_ASSERT_PTR_NULL (text);
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  g_clear_error (&error);
  text = decode ("\xFF\xFE" "a\0\x00\xD8" "b\0", 8, MTE_REFERENCE_FORMAT_RIS, &error);
  CU_ASSERT_PTR_NULL (text);
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  if (error != NULL)
    CU_ASSERT_TRUE (g_str_has_prefix (error->message, "in:1:2: "));
  g_clear_error (&error);
}

/* ------------------------------------------------------------------ */
/* Format names and sniffing                                          */
/* ------------------------------------------------------------------ */

static void
test_sniff (void)
{
  static const struct { const char *data; MteReferenceFormat format; } cases[] = {
    { "TY  - JOUR\nER  - \n", MTE_REFERENCE_FORMAT_RIS },
    { "\xEF\xBB\xBFTY  - JOUR\n", MTE_REFERENCE_FORMAT_RIS },
    { "\n\n1.\nTY  - JOUR\n", MTE_REFERENCE_FORMAT_RIS },
    { "PMID- 1\nTI  - x\n", MTE_REFERENCE_FORMAT_NBIB },
    { "% Encoding: UTF-8\n\n@Article{key,\n", MTE_REFERENCE_FORMAT_BIBTEX },
    { "Some text\n@book (k, title = \"t\")", MTE_REFERENCE_FORMAT_BIBTEX },
    { "  [\n {\"id\": \"a\"}]", MTE_REFERENCE_FORMAT_CSL_JSON },
    { "<?xml version=\"1.0\"?>\n<xml><records><record/></records></xml>", MTE_REFERENCE_FORMAT_ENDNOTE_XML },
    { "<?xml version=\"1.0\"?>\n<project/>", MTE_REFERENCE_FORMAT_AUTO },
    { "hello\n", MTE_REFERENCE_FORMAT_AUTO },
    { "", MTE_REFERENCE_FORMAT_AUTO },
  };
  static const char utf16[] = "\xFF\xFE" "T\0Y\0 \0 \0-\0 \0";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    CU_ASSERT_EQUAL (mte_reference_format_sniff (cases[i].data, strlen (cases[i].data)),
                     cases[i].format);
  CU_ASSERT_EQUAL (mte_reference_format_sniff (utf16, sizeof utf16 - 1), MTE_REFERENCE_FORMAT_RIS);

  for (int f = MTE_REFERENCE_FORMAT_AUTO; f <= MTE_REFERENCE_FORMAT_NBIB; f++)
    CU_ASSERT_EQUAL (mte_reference_format_from_string (mte_reference_format_to_string (f)), f);
  CU_ASSERT_PTR_NULL (mte_reference_format_to_string ((MteReferenceFormat) 42));
  CU_ASSERT_EQUAL (mte_reference_format_from_string ("RIS"), -1);
}

/* ------------------------------------------------------------------ */
/* The interop files                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
  guint       index;           /* the record's place in the file, 0-based */
  const char *authors;         /* joined with "; " */
  int         year;
  const char *title;
  const char *doi;             /* NULL: none */
} Expected;

typedef struct {
  const char *file;
  MteReferenceFormat format;
  guint       n_references;    /* as the interop README counts them */
  guint       n_duplicates;
  Expected    records[3];
} InteropFile;

static const InteropFile interop_files[] = {
  { "ris/embase_asreview_embase.ris", MTE_REFERENCE_FORMAT_RIS, 6, 0, {
      { 0, "Liu, R.; Adler, D.G.", 2014,
        "Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound",
        "10.4103/2303-9027.138783" } } },
  /* Every field holds its own label: the "Title"s by "Name1, Author" are
   * duplicates by the second rule. */
  { "ris/endnote-alltypes_zotero-translators_RIS-test2.ris", MTE_REFERENCE_FORMAT_RIS, 48, 28, {
      { 0, "Name1, Author; Name2, Author", 0, "Title", "10.1234/123456" } } },
  { "ris/ovid-psycinfo_asreview_ovid_psycinfo.ris", MTE_REFERENCE_FORMAT_RIS, 6, 0, {
      { 0, "Trindade, Ines A; Irons, Chris; Ferreira, Claudia; Portela, Francisco; "
           "Pinto-Gouveia, Jose", 2019,
        "The influence of self-criticism on depression symptoms among ambulatory patients "
        "with inflammatory bowel disease.", "10.1002/cpp.2398" } } },
  { "ris/rayyan_asreview_ris_issue_992.ris", MTE_REFERENCE_FORMAT_RIS, 19, 0, {
      { 0, "", 2011, "Overcoming Medication Reconciliation Challenges", NULL } } },
  { "ris/rispy_example_utf_chars.ris", MTE_REFERENCE_FORMAT_RIS, 1, 0, {
      { 0, "Dobrokhotova, Yu E.; Yusupova, R. O.; Ozerova, R. I.; Fayzullin, L. Z.; "
           "Karnaukhov, V. N.", 2009, NULL, NULL } } },
  { "ris/sciencedirect_jabref_RisImporterTestScience.ris", MTE_REFERENCE_FORMAT_RIS, 1, 0, {
      { 0, "Ghosh, Chanchal; Basu, Joysurya; Ramachandran, Divakar; Mohandas, E.", 2016,
        "Phase separation and \xCF\x89 transformation in binary V-Ti and ternary V-Ti-Cr alloys",
        "10.1016/j.actamat.2016.09.028" } } },
  { "ris/scopus-crlf_zotero-translators_RIS-test9.ris", MTE_REFERENCE_FORMAT_RIS, 2, 0, {
      { 0, "Bryan, C.J.; Wetmore-Arkader, L.; Calvano, T.; Deatrick, J.A.; Giri, V.N.; Bruner, D.W.",
        2008, "Using focus groups to adapt ethnically appropriate, information-seeking and "
        "recruitment messages for a prostate cancer screening program for men at high risk",
        "10.1016/S0027-9684(15)31340-7" },
      { 1, "", 0, NULL, NULL } } },
  { "ris/scopus_asreview_scopus.ris", MTE_REFERENCE_FORMAT_RIS, 6, 0, {
      { 0, "Labanski, A.; Langhorst, J.; Engler, H.; Elsenbruch, S.", 2020,
        "Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal "
        "diseases: A transdisciplinary challenge", "10.1016/j.psyneuen.2019.104501" } } },
  { "ris/unknown_asreview_faulty_year.ris", MTE_REFERENCE_FORMAT_RIS, 1, 0, { { G_MAXUINT } } },
  { "ris/wos_asreview_web_of_science.ris", MTE_REFERENCE_FORMAT_RIS, 10, 0, {
      { 0, "Alceste, F; Luke, TJ; Kassin, SM", 2018,
        "Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations",
        "10.1016/j.jarmac.2018.03.001" } } },
  { "ris/zotero-from-pubmed_asreview_pubmed_zotero.ris", MTE_REFERENCE_FORMAT_RIS, 6, 0, {
      { 0, "Rudnik, Agata; Piotrowicz, Grazyna; Basinska, Malgorzata A.; Rashedi, Vahid", 2019,
        "The importance of cognitive flexibility and flexibility in coping with stress for the "
        "quality of life in inflammatory bowel disease patients during biological therapy. "
        "A preliminary report.", "10.5114/pg.2018.81081" } } },
  { "ris/zotero_qualcoder-examples_bibliography.ris", MTE_REFERENCE_FORMAT_RIS, 3, 0, {
      { 0, "Western, Bruce; Rosenfeld, Jake", 2011,
        "Unions, Norms, and the Rise in U.S. Wage Inequality", "10.1177/0003122411414817" },
      { 2, "Bronfenbrenner, Kate", 2003,
        "The American labour movement and the resurgence in union organizing", NULL } } },
  { "other/pubmed-nbib_jabref_NbibImporterTest.nbib", MTE_REFERENCE_FORMAT_NBIB, 1, 0, {
      { 0, "Shruthi, Basavaradhya Sahukar; Vinodhkumar, Palani; Selvamani; corporater", 2016,
        "Proteomics: A new perspective for cancer.", "10.4103/2277-9175.180636" } } },
};

static gboolean
have_interop (const char *what)
{
  if (interop_dir != NULL && g_file_test (interop_dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  printf ("\n    skipped %s: no interop folder (../shared/interop)\n", what);
  return FALSE;
}

static char *
joined_authors (const MteRecord *record)
{
  return g_strjoinv ("; ", (char **) mte_record_get_authors (record));
}

static void
check_expected (const MteProject *project,
                const MteImport  *report,
                const char       *file,
                const Expected   *e)
{
  const MteRecord *record;
  g_autofree char *authors = NULL;

  if (e->index >= mte_import_get_n_records (report))
    {
      CU_FAIL ("no such record");
      return;
    }
  record = mte_project_lookup_record (project, mte_import_get_record_id (report, e->index));
  CU_ASSERT_PTR_NOT_NULL_FATAL (record);
  authors = joined_authors (record);
  if (strcmp (authors, e->authors) != 0 || mte_record_get_year (record) != e->year ||
      (e->title != NULL && g_strcmp0 (mte_record_get_field (record, MTE_RECORD_TITLE), e->title) != 0) ||
      g_strcmp0 (mte_record_get_field (record, MTE_RECORD_DOI), e->doi) != 0)
    printf ("\n    %s #%u: got '%s' %d '%s' '%s'\n", file, e->index, authors,
            mte_record_get_year (record), mte_record_get_field (record, MTE_RECORD_TITLE),
            mte_record_get_field (record, MTE_RECORD_DOI));
  MTE_ASSERT_STR (authors, e->authors);
  CU_ASSERT_EQUAL (mte_record_get_year (record), e->year);
  if (e->title != NULL)
    CU_ASSERT_STRING_EQUAL (mte_record_get_field (record, MTE_RECORD_TITLE), e->title);
  CU_ASSERT_EQUAL (g_strcmp0 (mte_record_get_field (record, MTE_RECORD_DOI), e->doi), 0);
}

static void
test_interop (void)
{
  if (!have_interop ("the RIS and MEDLINE files"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (interop_files); i++)
    {
      const InteropFile *f = &interop_files[i];
      g_autofree char *path = g_build_filename (interop_dir, f->file, NULL);
      g_autoptr(MteProject) project = mte_project_new ();
      g_autoptr(MteImport) report = NULL;
      GError *error = NULL;

      report = mte_project_import_references_from_file (project, path, MTE_REFERENCE_FORMAT_AUTO,
                                                        NULL, MTE_IMPORT_FLAGS_NONE, &error);
      MTE_ASSERT_NO_ERROR (error);
      if (report == NULL)
        {
          printf ("\n    %s: %s\n", f->file, error != NULL ? error->message : "?");
          g_clear_error (&error);
          continue;
        }
      CU_ASSERT_EQUAL (mte_import_get_format (report), f->format);
      CU_ASSERT_EQUAL (mte_import_get_n_read (report), f->n_references);
      CU_ASSERT_EQUAL (mte_import_get_n_records (report), f->n_references);
      CU_ASSERT_EQUAL (mte_project_get_n_records (project), f->n_references);
      CU_ASSERT_EQUAL (mte_import_get_n_duplicates (report), f->n_duplicates);
      for (guint r = 0; r < G_N_ELEMENTS (f->records) && f->records[r].authors != NULL; r++)
        check_expected (project, report, f->file, &f->records[r]);
    }
}

/* Every RIS and MEDLINE file of the interop folder, including any added
 * since this table was written: no crash, and a report or a one-line
 * error. */
static void
test_interop_all (void)
{
  static const char * const dirs[] = { "ris", "other" };

  if (!have_interop ("every file"))
    return;
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_build_filename (interop_dir, dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autoptr(MteProject) project = mte_project_new ();
          g_autoptr(MteImport) report = NULL;
          GError *error = NULL;

          if (!g_str_has_suffix (name, ".ris") && !g_str_has_suffix (name, ".nbib"))
            continue;
          report = mte_project_import_references_from_file (project, path, MTE_REFERENCE_FORMAT_AUTO,
                                                            NULL, MTE_IMPORT_FLAGS_NONE, &error);
          CU_ASSERT_TRUE ((report != NULL) != (error != NULL));
          if (report != NULL)
            {
              CU_ASSERT_EQUAL (mte_import_get_n_records (report), mte_project_get_n_records (project));
              for (guint p = 0; p < mte_import_get_n_problems (report); p++)
                CU_ASSERT_TRUE (g_str_has_prefix (mte_import_get_problem (report, p, NULL), path));
            }
          g_clear_error (&error);
        }
    }
}

static void
test_interop_problems (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  gboolean skipped = TRUE;

  if (!have_interop ("the faulty year"))
    return;
  path = g_build_filename (interop_dir, "ris", "unknown_asreview_faulty_year.ris", NULL);
  report = mte_project_import_references_from_file (project, path, MTE_REFERENCE_FORMAT_RIS,
                                                    NULL, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  CU_ASSERT_EQUAL (mte_import_get_n_problems (report), 1);
  expected = g_strdup_printf ("%s:1: no year in the date '10 15'", path);
  MTE_ASSERT_STR (mte_import_get_problem (report, 0, &skipped), expected);
  CU_ASSERT_FALSE (skipped);
  CU_ASSERT_EQUAL (mte_record_get_year (mte_project_get_record (project, 0)), 0);
}

/* ------------------------------------------------------------------ */
/* RIS and MEDLINE details                                            */
/* ------------------------------------------------------------------ */

static MteImport *
import (MteProject *project, const char *data, MteImportFlags flags, GError **error)
{
  return mte_project_import_references (project, data, -1, "refs", MTE_REFERENCE_FORMAT_AUTO,
                                        NULL, flags, error);
}

static void
test_ris_fields (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  const MteRecord *r;
  const char * const *keywords;

  report = import (project,
                   "1.\n"
                   "TY  - JOUR\n"
                   "A1  - van der Berg, Anna\n"
                   "AU  - Jean-Paul Sartre\n"
                   "AU  - World Health Organization\n"
                   "T1  - A long\n"
                   "  title\n"
                   "JF  - Journal\n"
                   "JA  - J.\n"
                   "Y1  - 2019/05/02/\n"
                   "VL  - 12\n"
                   "IS  - 3\n"
                   "SP  - 45\n"
                   "EP  - 67\n"
                   "DO  - https://doi.org/10.1000/ABC\n"
                   "UR  - //example.org/a\n"
                   "N2  - An abstract.\n"
                   "KW  - one; two\n"
                   "three\n"
                   "KW  - four\n"
                   "DB  - Embase\n"
                   "DB  - Medline\n"
                   "N1  - A note\n"
                   "ER  -",
                   MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_records (project), 1);
  r = mte_project_get_record (project, 0);
  MTE_ASSERT_STR (mte_record_get_authors (r)[0], "van der Berg, Anna");
  MTE_ASSERT_STR (mte_record_get_authors (r)[1], "Sartre, Jean-Paul");
  MTE_ASSERT_STR (mte_record_get_authors (r)[2], "World Health Organization");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_TITLE), "A long title");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_SOURCE), "Journal");
  CU_ASSERT_EQUAL (mte_record_get_year (r), 2019);
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_VOLUME), "12");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_ISSUE), "3");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_PAGES), "45-67");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_DOI), "10.1000/ABC");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_URL), "https://example.org/a");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_ABSTRACT), "An abstract.");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_DATABASE), "Embase; Medline");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_NOTES), "A note");
  keywords = mte_record_get_keywords (r);
  CU_ASSERT_EQUAL_FATAL (g_strv_length ((char **) keywords), 4);
  MTE_ASSERT_STR (keywords[0], "one");
  MTE_ASSERT_STR (keywords[2], "three");
  MTE_ASSERT_STR (keywords[3], "four");
  CU_ASSERT_EQUAL (mte_import_get_n_problems (report), 0);
}

static void
test_ris_not_ris (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (mte_project_import_references (project, "hello\n", -1, "x.ris",
                                                     MTE_REFERENCE_FORMAT_RIS, NULL, 0, &error));
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  if (error != NULL)
    CU_ASSERT_TRUE (g_str_has_prefix (error->message, "x.ris:1:1: "));
  g_clear_error (&error);
  CU_ASSERT_PTR_NULL (import (project, "hello\n", 0, &error));
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  g_clear_error (&error);
  CU_ASSERT_EQUAL (mte_project_get_n_records (project), 0);
}

static void
test_nbib (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  const MteRecord *r;

  report = import (project,
                   "PMID- 1\n"
                   "TI  - A title that goes on\n"
                   "      over two lines.\n"
                   "DP  - 2020 Jan\n"
                   "AU  - Smith AB\n"
                   "AU  - Jones C\n"
                   "JT  - Journal of Things\n"
                   "TA  - J Things\n"
                   "VI  - 4\n"
                   "IP  - 2\n"
                   "PG  - 10-20\n"
                   "AID - S0001 [pii]\n"
                   "AID - 10.1/XYZ [doi]\n"
                   "MH  - *Humans\n"
                   "OT  - care\n"
                   "\n"
                   "PMID- 2\n"
                   "TI  - Second\n",
                   MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  CU_ASSERT_EQUAL (mte_import_get_format (report), MTE_REFERENCE_FORMAT_NBIB);
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_records (project), 2);
  r = mte_project_get_record (project, 0);
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_TITLE), "A title that goes on over two lines.");
  CU_ASSERT_EQUAL (mte_record_get_year (r), 2020);
  MTE_ASSERT_STR (mte_record_get_authors (r)[0], "Smith, AB");
  MTE_ASSERT_STR (mte_record_get_authors (r)[1], "Jones, C");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_SOURCE), "Journal of Things");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_PAGES), "10-20");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_DOI), "10.1/XYZ");
  MTE_ASSERT_STR (mte_record_get_field (r, MTE_RECORD_URL), "https://pubmed.ncbi.nlm.nih.gov/1/");
  MTE_ASSERT_STR (mte_record_get_keywords (r)[0], "Humans");
  MTE_ASSERT_STR (mte_record_get_keywords (r)[1], "care");
}

/* ------------------------------------------------------------------ */
/* Duplicates                                                         */
/* ------------------------------------------------------------------ */

static const char *
fate_target (const MteProject *project, const char *id)
{
  const MteRecord *r = mte_project_lookup_record (project, id);
  const MteRecord *original = r != NULL ? mte_record_get_duplicate_of (r) : NULL;

  return original != NULL ? mte_record_get_id (original) : NULL;
}

static void
test_duplicates_within (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  const char *original = NULL, *rule = NULL;

  report = import (project,
                   "TY  - JOUR\nTI  - First\nAU  - Roe, R\nPY  - 2001\nDO  - 10.5/Q\nER  - \n"
                   "TY  - JOUR\nTI  - Another title\nDO  - doi:10.5/q\nER  - \n"
                   "TY  - JOUR\nTI  - <i>Caf\xC3\xA9</i>: {S}tories!\nAU  - M\xC3\xBCller, K\nPY  - 2010\nER  - \n"
                   "TY  - JOUR\nTI  - cafe stories\nAU  - Muller, Karl\nPY  - 2010\nER  - \n"
                   "TY  - JOUR\nTI  - cafe stories\nAU  - Muller, Karl\nPY  - 2011\nER  - \n"
                   "TY  - JOUR\nTI  - First\nAU  - Roe, R\nPY  - 2001\nDO  - 10.5/OTHER\nER  - \n",
                   MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  CU_ASSERT_EQUAL (mte_import_get_n_records (report), 6);
  CU_ASSERT_EQUAL_FATAL (mte_import_get_n_duplicates (report), 2);
  MTE_ASSERT_STR (mte_import_get_duplicate (report, 0, &original, &rule),
                  mte_import_get_record_id (report, 1));
  MTE_ASSERT_STR (original, mte_import_get_record_id (report, 0));
  MTE_ASSERT_STR (rule, "same DOI");
  MTE_ASSERT_STR (mte_import_get_duplicate (report, 1, &original, &rule),
                  mte_import_get_record_id (report, 3));
  MTE_ASSERT_STR (original, mte_import_get_record_id (report, 2));
  MTE_ASSERT_STR (rule, "same title, year and first author");
  /* In the project too, with the rule as the reason. */
  MTE_ASSERT_STR (fate_target (project, mte_import_get_record_id (report, 1)),
                  mte_import_get_record_id (report, 0));
  MTE_ASSERT_STR (mte_record_get_reason (mte_project_lookup_record (project,
                    mte_import_get_record_id (report, 3))), "same title, year and first author");
  /* Another year, and two different DOIs, are not duplicates. */
  CU_ASSERT_EQUAL (mte_record_get_fate (mte_project_lookup_record (project,
                     mte_import_get_record_id (report, 4))), MTE_FATE_UNSCREENED);
  CU_ASSERT_EQUAL (mte_record_get_fate (mte_project_lookup_record (project,
                     mte_import_get_record_id (report, 5))), MTE_FATE_UNSCREENED);
}

/* The same paper exported by two tools, imported in two calls: the second
 * finds the first; a duplicate of a duplicate points at the original. */
static void
test_duplicates_across (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) first = NULL;
  g_autoptr(MteImport) second = NULL;
  g_autoptr(MteImport) third = NULL;
  GError *error = NULL;
  const char *original = NULL;

  CU_ASSERT_PTR_NOT_NULL (mte_project_add_search (project, "medline", MTE_SOURCE_DATABASE,
                                                  "MEDLINE", &error));
  first = mte_project_import_references (project,
                                         "PMID- 9\nTI  - Being listened to.\nDP  - 2021\n"
                                         "FAU - Okafor, Ada\nAID - 10.9/LISTEN [doi]\n",
                                         -1, "pubmed.nbib", MTE_REFERENCE_FORMAT_AUTO, "medline",
                                         MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (first);
  CU_ASSERT_EQUAL (mte_record_get_n_searches (mte_project_get_record (project, 0)), 1);
  second = import (project,
                   "TY  - JOUR\nTI  - Being Listened To\nAU  - Okafor, A.\nPY  - 2021\n"
                   "DO  - https://doi.org/10.9/listen\nER  - \n"
                   "TY  - JOUR\nTI  - Being listened to\nAU  - Okafor, Ada\nPY  - 2021\nER  - \n",
                   MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (second);
  CU_ASSERT_EQUAL_FATAL (mte_import_get_n_duplicates (second), 2);
  mte_import_get_duplicate (second, 0, &original, NULL);
  MTE_ASSERT_STR (original, mte_import_get_record_id (first, 0));
  mte_import_get_duplicate (second, 1, &original, NULL);
  MTE_ASSERT_STR (original, mte_import_get_record_id (first, 0));

  /* A third import matching only the duplicate (by title, without a DOI)
   * points at the original. */
  CU_ASSERT_TRUE (mte_record_set_field (mte_project_get_record (project, 0), MTE_RECORD_TITLE,
                                        "Renamed", &error));
  third = import (project, "TY  - JOUR\nTI  - being listened to\nAU  - Okafor, A\nPY  - 2021\nER  - \n",
                  MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (third);
  CU_ASSERT_EQUAL_FATAL (mte_import_get_n_duplicates (third), 1);
  mte_import_get_duplicate (third, 0, &original, NULL);
  MTE_ASSERT_STR (original, mte_import_get_record_id (first, 0));
  CU_ASSERT_EQUAL (mte_project_get_n_records (project), 4);
}

/* ------------------------------------------------------------------ */
/* All or nothing, strict, dry run, studies, search                   */
/* ------------------------------------------------------------------ */

static MteProject *
small_project (void)
{
  MteProject *project = mte_project_new ();
  MteRecord *r = mte_project_add_record (project, "record-1", NULL);

  mte_record_set_field (r, MTE_RECORD_TITLE, "Existing", NULL);
  mte_project_add_search (project, "cinahl", MTE_SOURCE_DATABASE, "CINAHL", NULL);
  mte_project_add_study (project, "roe2001", NULL);
  /* Fixed times: two of these made across a second boundary stay equal. */
  mte_project_set_created (project, 1000);
  mte_project_set_modified (project, 1000);
  return project;
}

static const char two_good_one_empty[] =
  "TY  - JOUR\nTI  - One\nAU  - Roe, R\nPY  - 2001\nER  - \n"
  "TY  - JOUR\nER  - \n"
  "TY  - JOUR\nTI  - Two\nAU  - Poe, E\nPY  - 1999\nER  - \n";

static void
test_strict (void)
{
  g_autoptr(MteProject) project = small_project ();
  g_autoptr(MteProject) before = small_project ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  gboolean skipped = FALSE;

  CU_ASSERT_PTR_NULL (import (project, two_good_one_empty, MTE_IMPORT_STRICT, &error));
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_INVALID_VALUE);
  if (error != NULL)
    CU_ASSERT_TRUE (g_str_has_prefix (error->message, "refs:6: "));
  g_clear_error (&error);
  CU_ASSERT_TRUE (mte_project_equal (project, before));

  report = import (project, two_good_one_empty, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  CU_ASSERT_EQUAL (mte_import_get_n_read (report), 3);
  CU_ASSERT_EQUAL (mte_import_get_n_records (report), 2);
  CU_ASSERT_EQUAL_FATAL (mte_import_get_n_problems (report), 1);
  CU_ASSERT_TRUE (g_str_has_prefix (mte_import_get_problem (report, 0, &skipped), "refs:6: "));
  CU_ASSERT_TRUE (skipped);
  /* Ids do not clash with the existing record-1. */
  MTE_ASSERT_STR (mte_import_get_record_id (report, 0), "record-2");
}

static void
test_dry_run (void)
{
  g_autoptr(MteProject) project = small_project ();
  g_autoptr(MteProject) before = small_project ();
  g_autoptr(MteImport) dry = NULL;
  g_autoptr(MteImport) real = NULL;
  GError *error = NULL;

  dry = import (project, two_good_one_empty, MTE_IMPORT_DRY_RUN | MTE_IMPORT_AS_STUDIES, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dry);
  CU_ASSERT_TRUE (mte_project_equal (project, before));
  CU_ASSERT_EQUAL (mte_import_get_n_records (dry), 2);
  CU_ASSERT_EQUAL (mte_import_get_n_studies (dry), 2);

  real = import (project, two_good_one_empty, MTE_IMPORT_AS_STUDIES, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (real);
  for (guint i = 0; i < mte_import_get_n_records (real); i++)
    MTE_ASSERT_STR (mte_import_get_record_id (dry, i), mte_import_get_record_id (real, i));
}

static void
test_as_studies (void)
{
  g_autoptr(MteProject) project = small_project ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  const MteRecord *r;
  const MteStudy *s;

  report = mte_project_import_references (project,
    "TY  - JOUR\nTI  - One\nAU  - Roe, R\nPY  - 2001\nT2  - J\nVL  - 1\nIS  - 2\nSP  - 3-4\n"
    "DO  - 10.7/ONE\nUR  - https://x.org\nAB  - Not copied\nER  - \n"
    "TY  - JOUR\nTI  - One\nAU  - Roe, R\nPY  - 2001\nDO  - 10.7/one\nER  - \n",
    -1, "refs", MTE_REFERENCE_FORMAT_RIS, "cinahl", MTE_IMPORT_AS_STUDIES, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (report);
  CU_ASSERT_EQUAL (mte_import_get_n_studies (report), 1);
  CU_ASSERT_EQUAL (mte_import_get_n_duplicates (report), 1);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (project), 2);
  r = mte_project_lookup_record (project, mte_import_get_record_id (report, 0));
  CU_ASSERT_EQUAL (mte_record_get_fate (r), MTE_FATE_INCLUDED);
  s = mte_record_get_study (r);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  /* roe2001 is taken by the existing study. */
  MTE_ASSERT_STR (mte_study_get_id (s), "roe2001-2");
  MTE_ASSERT_STR (mte_study_get_authors (s)[0], "Roe, R");
  CU_ASSERT_EQUAL (mte_study_get_year (s), 2001);
  MTE_ASSERT_STR (mte_study_get_field (s, MTE_STUDY_TITLE), "One");
  MTE_ASSERT_STR (mte_study_get_field (s, MTE_STUDY_SOURCE), "J");
  MTE_ASSERT_STR (mte_study_get_field (s, MTE_STUDY_PAGES), "3-4");
  MTE_ASSERT_STR (mte_study_get_field (s, MTE_STUDY_DOI), "10.7/ONE");
  MTE_ASSERT_STR (mte_study_get_field (s, MTE_STUDY_URL), "https://x.org");
  MTE_ASSERT_STR (mte_search_get_id (mte_record_get_search (r, 0)), "cinahl");
  r = mte_project_lookup_record (project, mte_import_get_record_id (report, 1));
  CU_ASSERT_EQUAL (mte_record_get_fate (r), MTE_FATE_DUPLICATE);
  CU_ASSERT_PTR_NULL (mte_record_get_study (r));
}

static void
test_search_refused (void)
{
  g_autoptr(MteProject) project = small_project ();
  g_autoptr(MteProject) before = small_project ();
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (mte_project_import_references (project, two_good_one_empty, -1, NULL,
                                                     MTE_REFERENCE_FORMAT_AUTO, "nope", 0, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  CU_ASSERT_PTR_NULL (mte_project_import_references (project, two_good_one_empty, -1, NULL,
                                                     MTE_REFERENCE_FORMAT_AUTO, "roe2001", 0, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND);
  g_clear_error (&error);
  CU_ASSERT_TRUE (mte_project_equal (project, before));
}

static const MteTestCase cases[] = {
  { "decoding: BOMs, UTF-16, windows-1252, line ends, invalid UTF-8", test_decode },
  { "format names and sniffing", test_sniff },
  { "interop RIS and MEDLINE files: counts and chosen records", test_interop },
  { "interop: every RIS and MEDLINE file, no crash", test_interop_all },
  { "interop: a faulty year is a located problem", test_interop_problems },
  { "RIS: every mapped tag", test_ris_fields },
  { "RIS: not RIS", test_ris_not_ris },
  { "MEDLINE: every mapped tag", test_nbib },
  { "duplicates within one import, by each rule", test_duplicates_within },
  { "duplicates across imports and tools", test_duplicates_across },
  { "strict refuses all; otherwise skipped and located", test_strict },
  { "a dry run changes nothing and gives the same ids", test_dry_run },
  { "as studies", test_as_studies },
  { "an unknown or wrong-kind search", test_search_refused },
};

int
main (int    argc,
      char **argv)
{
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp (argv[i], "--interop") == 0)
      interop_dir = argv[i + 1];
  return mte_test_run ("import", cases, G_N_ELEMENTS (cases));
}
