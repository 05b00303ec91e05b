/* Tests (white-box): the review report, built as a document from a
 * hand-worked project and checked block by block (eMERGe items in order,
 * the GRADE-CERQual Summary of Qualitative Findings and Evidence Profile,
 * citations, the checklist), then written in every format with hostile
 * labels: every SVG must be well-formed XML, nothing may reach HTML or
 * Markdown unescaped.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-doc.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "../common/mte-test.h"

#define HOSTILE "<script>alert(\"x\")</script> & 'q' | *b* 信任 ثقة"

static MteStudy *
study (MteProject *p,
       const char *id,
       int         year,
       const char *a1,
       const char *a2,
       const char *a3)
{
  const char *authors[] = { a1, a2, a3, NULL };
  MteStudy *s = mte_project_add_study (p, id, NULL);

  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT (mte_study_set_year (s, year, NULL));
  if (a1 != NULL)
    CU_ASSERT (mte_study_set_authors (s, authors, NULL));
  return s;
}

/* Three studies, four concepts, two findings with their GRADE-CERQual
 * assessments, one refutation, the team's text for two eMERGe items.
 * @label, when given, is used for every label and statement. */
static MteProject *
hand_worked (const char *label)
{
  MteProject *p = mte_project_new ();
  MteStudy *s[4];
  MteThirdOrder *t1, *t2;
  MteTranslation *tr;
  GError *error = NULL;
  static const char *concepts[] = { "c-warmth", "c-heard", "c-family", "c-fear" };

  mte_project_set_title (p, label != NULL ? label : "Hand-worked review", NULL);
  mte_project_add_member (p, "ab", label != NULL ? label : "A. Boateng", NULL, NULL);
  s[0] = study (p, "okafor2021", 2021, "Okafor, Ada", NULL, NULL);
  s[1] = study (p, "okafor2019", 2019, "Okafor, Ada", "Smith, Jo", NULL);
  s[2] = study (p, "brown2020", 2020, "Brown, K.", "Lee, M.", "Shah, R.");
  s[3] = study (p, "lee2018", 2018, "Lee, M.", NULL, NULL);
  mte_study_set_field (s[0], MTE_STUDY_COUNTRY, label != NULL ? label : "United Kingdom", NULL);

  for (guint i = 0; i < 4; i++)
    {
      MteConcept *c = mte_project_add_concept (p, concepts[i], label != NULL ? label : concepts[i] + 2, &error);

      MTE_ASSERT_NO_ERROR (error);
      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *q = g_strdup_printf ("%s-q%u", mte_study_get_id (s[k]), i);
          g_autofree char *id = g_strdup_printf ("%s-s%u", mte_study_get_id (s[k]), i);
          MteConstruct *first, *second;

          if ((i + k) % 3 == 2)
            continue;
          first = mte_study_add_construct (s[k], q, MTE_CONSTRUCT_FIRST_ORDER,
                                           label != NULL ? label : "They listened to me.", &error);
          MTE_ASSERT_NO_ERROR (error);
          mte_construct_set_speaker (first, "Woman, 40s", NULL);
          second = mte_study_add_construct (s[k], id, MTE_CONSTRUCT_SECOND_ORDER,
                                            label != NULL ? label : "Being listened to", &error);
          MTE_ASSERT_NO_ERROR (error);
          CU_ASSERT (mte_construct_add_grounding (second, q, &error));
          CU_ASSERT (mte_concept_add_expression (c, id, &error));
          MTE_ASSERT_NO_ERROR (error);
        }
    }
  tr = mte_project_add_translation (p, "tr-1", MTE_TRANSLATION_REFUTATIONAL, "brown2020-s1", "c-warmth", &error);
  MTE_ASSERT_NO_ERROR (error);
  mte_translation_set_rationale (tr, label != NULL ? label : "Warmth was felt as intrusion here.", NULL);

  t1 = mte_project_add_third_order (p, "t-warmth", label != NULL ? label : "Yearning for warmth", &error);
  mte_third_order_set_statement (t1, label != NULL ? label : "Patients want warmth.", NULL);
  mte_third_order_add_basis (t1, "c-warmth", &error);
  mte_third_order_add_basis (t1, "c-heard", &error);
  t2 = mte_project_add_third_order (p, "t-family", "Family as a bridge", &error);
  mte_third_order_add_basis (t2, "c-family", &error);
  MTE_ASSERT_NO_ERROR (error);
  mte_third_order_set_concern (t1, MTE_CERQUAL_METHODOLOGICAL_LIMITATIONS, MTE_CONCERN_MINOR,
                               "Two studies gave little detail of recruitment.", &error);
  mte_third_order_set_concern (t1, MTE_CERQUAL_COHERENCE, MTE_CONCERN_NONE_OR_VERY_MINOR, NULL, &error);
  mte_third_order_set_concern (t1, MTE_CERQUAL_ADEQUACY, MTE_CONCERN_MODERATE, "Thin data in one study.", &error);
  mte_third_order_set_confidence (t1, MTE_CONFIDENCE_MODERATE, "Moderate concerns about adequacy.", &error);
  mte_third_order_set_confidence (t2, MTE_CONFIDENCE_LOW, "Serious concerns about relevance.", &error);
  MTE_ASSERT_NO_ERROR (error);
  mte_project_add_argument_link (p, "l-1", "t-family", "t-warmth", label != NULL ? label : "leads to", &error);
  MTE_ASSERT_NO_ERROR (error);
  mte_project_set_emerge_text (p, MTE_EMERGE_RATIONALE, label != NULL ? label : "Why this review.", &error);
  mte_project_set_emerge_text (p, MTE_EMERGE_STRENGTHS_LIMITATIONS, "We were four.\n\nWe read in English only.",
                               &error);
  MTE_ASSERT_NO_ERROR (error);
  return p;
}

static const MteBlock *
find_table (const MteDoc *doc,
            const char   *anchor)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const MteBlock *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind == MTE_BLOCK_TABLE && g_strcmp0 (b->anchor, anchor) == 0)
        return b;
    }
  return NULL;
}

static char *
cell (const MteBlock *table,
      guint           row,
      guint           column)
{
  GPtrArray *cells = g_ptr_array_index (table->rows, row);

  return column < cells->len ? mte_inline_to_plain (g_ptr_array_index (cells, column)) : g_strdup ("");
}

#define ASSERT_CELL(table, row, column, expected) \
  G_STMT_START { \
    g_autofree char *text_ = cell (table, row, column); \
    MTE_ASSERT_STR (text_, expected); \
  } G_STMT_END

static void
test_items_in_order (void)
{
  g_autoptr (MteProject) p = hand_worked (NULL);
  GError *error = NULL;
  g_autoptr (MteDoc) doc = mte_report_build (p, &error);
  int next = 1;
  guint phases = 0;

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  MTE_ASSERT_STR (doc->title, "Hand-worked review");
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const MteBlock *b = g_ptr_array_index (doc->blocks, i);
      g_autofree char *text = NULL;

      if (b->kind != MTE_BLOCK_HEADING)
        continue;
      text = mte_inline_to_plain (b->text);
      if (b->level == 1 && g_str_has_prefix (text, "Phase "))
        {
          phases++;
          CU_ASSERT_EQUAL (text[6] - '0', (int) phases);
        }
      if (b->level == 2 && g_str_has_prefix (b->anchor, "item-"))
        {
          g_autofree char *expected = g_strdup_printf ("%d. %s", next, mte_emerge_item_get_title (next));

          MTE_ASSERT_STR (text, expected);
          CU_ASSERT_EQUAL (mte_emerge_item_get_phase (next), phases);
          next++;
        }
    }
  CU_ASSERT_EQUAL (next, MTE_EMERGE_N_ITEMS + 1);
  CU_ASSERT_EQUAL (phases, 7);
  /* Four figures, in order. */
  {
    static const char *names[] = { "prisma", "relatedness", "saturation", "line-of-argument" };
    guint n = 0;

    for (guint i = 0; i < doc->blocks->len; i++)
      {
        const MteBlock *b = g_ptr_array_index (doc->blocks, i);

        if (b->kind != MTE_BLOCK_FIGURE)
          continue;
        CU_ASSERT_FATAL (n < G_N_ELEMENTS (names));
        MTE_ASSERT_STR (b->name, names[n]);
        CU_ASSERT_EQUAL (b->number, n + 1);
        CU_ASSERT (b->alt != NULL && strlen (b->alt) > 40);
        CU_ASSERT (b->width > 50 && b->height > 50);
        n++;
      }
    CU_ASSERT_EQUAL (n, 4);
  }
}

static void
test_soqf_and_profile (void)
{
  g_autoptr (MteProject) p = hand_worked (NULL);
  g_autoptr (MteDoc) doc = mte_report_build (p, NULL);
  const MteBlock *soqf = find_table (doc, "table-soqf");
  const MteBlock *profile = find_table (doc, "table-evidence-profile");

  CU_ASSERT_PTR_NOT_NULL_FATAL (soqf);
  CU_ASSERT_EQUAL_FATAL (soqf->rows->len, 2);
  CU_ASSERT_EQUAL (soqf->columns->len, 5);
  /* Argument order: the family finding leads to warmth. */
  ASSERT_CELL (soqf, 0, 0, "1");
  ASSERT_CELL (soqf, 0, 1, "Family as a bridge");
  ASSERT_CELL (soqf, 0, 3, "Low confidence");
  ASSERT_CELL (soqf, 0, 4, "Serious concerns about relevance.");
  ASSERT_CELL (soqf, 1, 1, "Yearning for warmth: Patients want warmth.");
  ASSERT_CELL (soqf, 1, 3, "Moderate confidence");
  ASSERT_CELL (soqf, 1, 4, "Moderate concerns about adequacy.");
  /* c-warmth (i = 0) and c-heard (i = 1) are expressed by studies k
   * with (i + k) % 3 != 2: between them, all four. */
  {
    g_autofree char *studies = cell (soqf, 1, 2);

    MTE_ASSERT_STR (studies, "4 studies: Okafor 2021; Okafor and Smith 2019; Brown et al. 2020; Lee 2018");
  }
  {
    g_autofree char *studies = cell (soqf, 0, 2);

    /* c-family (i = 2): studies k with (2 + k) % 3 != 2, so not k = 0 or 3. */
    MTE_ASSERT_STR (studies, "2 studies: Okafor and Smith 2019; Brown et al. 2020");
  }

  CU_ASSERT_PTR_NOT_NULL_FATAL (profile);
  CU_ASSERT_EQUAL_FATAL (profile->rows->len, 2);
  CU_ASSERT_EQUAL (profile->columns->len, 6);
  ASSERT_CELL (profile, 1, 0, "2. Yearning for warmth");
  ASSERT_CELL (profile, 1, 1, "Minor concerns Two studies gave little detail of recruitment.");
  ASSERT_CELL (profile, 1, 2, "No or very minor concerns");
  ASSERT_CELL (profile, 1, 3, "Moderate concerns Thin data in one study.");
  ASSERT_CELL (profile, 1, 4, "Not assessed");
  ASSERT_CELL (profile, 1, 5, "Moderate confidence Moderate concerns about adequacy.");
  ASSERT_CELL (profile, 0, 1, "Not assessed");
}

static void
test_citations_and_checklist (void)
{
  g_autoptr (MteProject) p = hand_worked (NULL);
  g_autoptr (MteDoc) doc = NULL;
  const MteBlock *table1, *checklist;
  MteStudy *twin = study (p, "lee2018b", 2018, "Lee, Min", NULL, NULL);

  CU_ASSERT_PTR_NOT_NULL (twin);
  doc = mte_report_build (p, NULL);
  table1 = find_table (doc, "table-characteristics");
  CU_ASSERT_PTR_NOT_NULL_FATAL (table1);
  CU_ASSERT_EQUAL_FATAL (table1->rows->len, 5);
  ASSERT_CELL (table1, 0, 1, "United Kingdom");
  {
    GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < 5; i++)
      g_hash_table_add (seen, cell (table1, i, 0));
    CU_ASSERT (g_hash_table_contains (seen, "Okafor 2021"));
    CU_ASSERT (g_hash_table_contains (seen, "Okafor and Smith 2019"));
    CU_ASSERT (g_hash_table_contains (seen, "Brown et al. 2020"));
    /* Two studies that would read alike get letters. */
    CU_ASSERT (g_hash_table_contains (seen, "Lee 2018a"));
    CU_ASSERT (g_hash_table_contains (seen, "Lee 2018b"));
    g_hash_table_unref (seen);
  }

  checklist = find_table (doc, "table-emerge");
  CU_ASSERT_PTR_NOT_NULL_FATAL (checklist);
  CU_ASSERT_EQUAL_FATAL (checklist->rows->len, MTE_EMERGE_N_ITEMS);
  ASSERT_CELL (checklist, 0, 2, "in the team's words");
  ASSERT_CELL (checklist, 1, 2, "missing: no text from the team and no recorded data");
  ASSERT_CELL (checklist, 9, 2, "from the recorded data");
  ASSERT_CELL (checklist, 17, 2, "in the team's words");
  ASSERT_CELL (checklist, 18, 2, "missing: no text from the team and no recorded data");
}

static void
assert_well_formed (const char *xml,
                    const char *what)
{
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), what, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  CU_ASSERT_PTR_NOT_NULL (doc);
  if (doc == NULL)
    fprintf (stderr, "%s is not well-formed XML\n", what);
  xmlFreeDoc (doc);
}

static void
test_hostile_labels (void)
{
  g_autoptr (MteProject) p = hand_worked (HOSTILE);
  GError *error = NULL;
  g_autoptr (MteDoc) doc = mte_report_build (p, &error);
  g_autofree char *html = NULL;
  g_autofree char *md = NULL;
  guint figures = 0;

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const MteBlock *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind != MTE_BLOCK_FIGURE)
        continue;
      figures++;
      assert_well_formed (b->svg, b->name);
      CU_ASSERT (strstr (b->svg, "<script") == NULL);
      /* No doctype: nothing a reader could be asked to fetch. */
      CU_ASSERT (strstr (b->svg, "<!DOCTYPE") == NULL);
    }
  CU_ASSERT_EQUAL (figures, 4);

  html = mte_project_render_report (p, MTE_REPORT_HTML, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (html);
  CU_ASSERT (strstr (html, "<script") == NULL);
  CU_ASSERT (strstr (html, "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' | *b* 信任 ثقة") != NULL);
  CU_ASSERT (g_utf8_validate (html, -1, NULL));
  /* The page is XHTML-clean enough for an XML parser apart from the
   * doctype and void elements; check the attributes at least: the title's
   * quotes never end an attribute. */
  CU_ASSERT (strstr (html, "aria-label=\"<") == NULL);

  md = mte_project_render_report (p, MTE_REPORT_MARKDOWN, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (md);
  for (const char *at = strstr (md, "<script"); at != NULL; at = strstr (at + 1, "<script"))
    CU_ASSERT (at > md && at[-1] == '\\');
  CU_ASSERT (strstr (md, "\\<script\\>alert(\"x\")\\</script\\> \\& 'q' \\| \\*b\\* 信任 ثقة") != NULL);
  CU_ASSERT (strstr (md, "![") != NULL);
  CU_ASSERT (g_utf8_validate (md, -1, NULL));

  /* DOCX is not a string. */
  CU_ASSERT_PTR_NULL (mte_project_render_report (p, MTE_REPORT_DOCX, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_project_render_report (p, MTE_REPORT_JSON, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
}

static void
test_write_formats (void)
{
  g_autoptr (MteProject) p = hand_worked (HOSTILE);
  g_autofree char *dir = g_dir_make_tmp ("mte-report-XXXXXX", NULL);
  GError *error = NULL;
  static const struct { const char *name; MteReportFormat format; } outs[] = {
    { "r.html", MTE_REPORT_HTML }, { "r.md", MTE_REPORT_MARKDOWN }, { "r.docx", MTE_REPORT_DOCX },
  };
  static const char *figures[] = { "prisma", "relatedness", "saturation", "line-of-argument" };

  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  for (guint i = 0; i < G_N_ELEMENTS (outs); i++)
    {
      g_autofree char *path = g_build_filename (dir, outs[i].name, NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      CU_ASSERT (mte_project_write_report (p, path, outs[i].format, &error));
      MTE_ASSERT_NO_ERROR (error);
      CU_ASSERT (g_file_get_contents (path, &data, &length, NULL));
      CU_ASSERT (length > 1000);
      if (outs[i].format == MTE_REPORT_DOCX)
        CU_ASSERT (length > 4 && memcmp (data, "PK\x03\x04", 4) == 0);
      g_unlink (path);
    }
  /* The Markdown report's figures beside it, well-formed. */
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *name = g_strdup_printf ("r-%s.svg", figures[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *svg = NULL;

      CU_ASSERT (g_file_get_contents (path, &svg, NULL, NULL));
      if (svg != NULL)
        assert_well_formed (svg, name);
      g_unlink (path);
    }
  /* A format the report has not: nothing written. */
  {
    g_autofree char *path = g_build_filename (dir, "r.json", NULL);

    CU_ASSERT_FALSE (mte_project_write_report (p, path, MTE_REPORT_JSON, &error));
    MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
    CU_ASSERT_FALSE (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  /* A folder that does not exist: an error, not a crash. */
  {
    g_autofree char *path = g_build_filename (dir, "missing", "r.html", NULL);

    CU_ASSERT_FALSE (mte_project_write_report (p, path, MTE_REPORT_HTML, &error));
    CU_ASSERT_PTR_NOT_NULL (error);
    g_clear_error (&error);
  }
  g_rmdir (dir);
}

static void
test_empty_project (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  GError *error = NULL;
  g_autofree char *html = mte_project_render_report (p, MTE_REPORT_HTML, &error);
  g_autofree char *md = mte_project_render_report (p, MTE_REPORT_MARKDOWN, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (html);
  CU_ASSERT_PTR_NOT_NULL_FATAL (md);
  /* Sections without data say so. */
  CU_ASSERT (strstr (html, "No searches are recorded in the project.") != NULL);
  CU_ASSERT (strstr (html, "The project has no included studies.") != NULL);
  CU_ASSERT (strstr (html, "No third-order constructs are recorded yet.") != NULL);
  CU_ASSERT (strstr (md, "# Meta-ethnography") == md);
}

/* ConQual in the report: every study appraised with the JBI checklist,
 * all "yes" on the dependability questions for three studies and two
 * "yes" for the fourth (most studies: not downgraded); the supporting
 * findings of the family finding unequivocal and credible (down one):
 * Moderate. The warmth finding has a construct without credibility. */
static void
test_conqual (void)
{
  g_autoptr (MteProject) p = hand_worked (NULL);
  static const char *answers[] = { "yes", "no", NULL };
  MteChecklist *jbi = mte_project_add_checklist (p, "jbi", "JBI checklist", NULL);
  g_autoptr (MteDoc) doc = NULL;
  const MteBlock *table;
  GError *error = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (jbi);
  for (guint q = 1; q <= 10; q++)
    {
      g_autofree char *key = g_strdup_printf ("q%u", q);

      CU_ASSERT (mte_checklist_add_question (jbi, key, "?", answers, NULL));
    }
  for (guint i = 0; i < mte_project_get_n_studies (p); i++)
    {
      MteStudy *s = mte_project_get_study (p, i);
      static const char *keys[] = { "q2", "q3", "q4", "q6", "q7" };

      for (guint k = 0; k < 5; k++)
        CU_ASSERT (mte_study_set_appraisal (s, "jbi", keys[k], i == 3 && k >= 2 ? "no" : "yes", NULL, &error));
    }
  MTE_ASSERT_NO_ERROR (error);
  /* c-family is expressed by okafor2019-s2 and brown2020-s2. */
  CU_ASSERT (mte_construct_set_credibility (mte_project_lookup_construct (p, "okafor2019-s2"),
                                            MTE_CREDIBILITY_UNEQUIVOCAL, &error));
  CU_ASSERT (mte_construct_set_credibility (mte_project_lookup_construct (p, "brown2020-s2"),
                                            MTE_CREDIBILITY_CREDIBLE, &error));
  MTE_ASSERT_NO_ERROR (error);

  doc = mte_report_build (p, &error);
  MTE_ASSERT_NO_ERROR (error);
  table = find_table (doc, "table-conqual");
  CU_ASSERT_PTR_NOT_NULL_FATAL (table);
  CU_ASSERT_EQUAL_FATAL (table->rows->len, 2);
  ASSERT_CELL (table, 0, 0, "1. Family as a bridge");
  ASSERT_CELL (table, 0, 1, "not downgraded");
  ASSERT_CELL (table, 0, 2, "downgraded one level");
  ASSERT_CELL (table, 0, 3, "Moderate confidence");
  ASSERT_CELL (table, 1, 3, "Not computable");
  {
    g_autofree char *why = cell (table, 1, 2);

    CU_ASSERT (g_str_has_suffix (why, "supporting findings without a credibility"));
  }

  /* Without a JBI checklist there is no ConQual table. */
  {
    g_autoptr (MteProject) q = hand_worked (NULL);
    g_autoptr (MteDoc) d = mte_report_build (q, NULL);

    CU_ASSERT_PTR_NULL (find_table (d, "table-conqual"));
  }
}

static const MteTestCase cases[] = {
  { "eMERGe items in order, four figures", test_items_in_order },
  { "Summary of Qualitative Findings and Evidence Profile", test_soqf_and_profile },
  { "citations and the eMERGe checklist", test_citations_and_checklist },
  { "hostile labels in every format", test_hostile_labels },
  { "write every format", test_write_formats },
  { "an empty project", test_empty_project },
  { "ConQual where the JBI checklist was used", test_conqual },
};

MTE_TEST_MAIN ("report", cases)
