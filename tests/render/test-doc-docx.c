/* Tests (white-box): the DOCX writer of the document model. The package is
 * opened again with libzip and its XML parsed with libxml2: the parts, the
 * headings with their styles and bookmarks, the table and its caption,
 * the figures as drawings over PNG images, hostile text, and errors.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "doc-sample.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "../common/mte-test.h"

static const char *const parts[] = {
  "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
  "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
  "word/numbering.xml", "word/settings.xml",
};

/* The entry @name of the zip in @docx, or NULL. */
static GBytes *
docx_entry (GBytes     *docx,
            const char *name)
{
  zip_error_t zerror;
  zip_source_t *source;
  zip_t *archive;
  zip_file_t *file;
  zip_stat_t st;
  GBytes *result = NULL;

  zip_error_init (&zerror);
  source = zip_source_buffer_create (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), 0, &zerror);
  CU_ASSERT_PTR_NOT_NULL_FATAL (source);
  archive = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
  zip_error_fini (&zerror);
  if (archive == NULL)
    {
      zip_source_free (source);
      CU_FAIL ("not a zip archive");
      return NULL;
    }
  if (zip_stat (archive, name, ZIP_FL_ENC_STRICT, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      (file = zip_fopen (archive, name, 0)) != NULL)
    {
      guint8 *data = g_malloc (st.size + 1);
      zip_int64_t n = zip_fread (file, data, st.size);

      zip_fclose (file);
      CU_ASSERT_EQUAL (n, (zip_int64_t) st.size);
      data[st.size] = '\0';
      result = g_bytes_new_take (data, st.size);
    }
  zip_close (archive);          /* read-only: also frees the source */
  return result;
}

static xmlDocPtr
docx_xml (GBytes     *docx,
          const char *name)
{
  g_autoptr (GBytes) data = docx_entry (docx, name);
  xmlParserCtxtPtr ctxt;
  xmlDocPtr xml;

  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  ctxt = xmlNewParserCtxt ();
  xml = xmlCtxtReadMemory (ctxt, g_bytes_get_data (data, NULL), (int) g_bytes_get_size (data),
                           name, "UTF-8", XML_PARSE_NONET);
  if (xml == NULL)
    fprintf (stderr, "%s: %s\n", name, xmlCtxtGetLastError (ctxt) != NULL ? xmlCtxtGetLastError (ctxt)->message : "?");
  xmlFreeParserCtxt (ctxt);
  CU_ASSERT_PTR_NOT_NULL_FATAL (xml);
  return xml;
}

static xmlXPathObjectPtr
xpath (xmlDocPtr   xml,
       xmlNodePtr  node,
       const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (xml);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (ctx, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  xmlXPathRegisterNs (ctx, BAD_CAST "wp", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  xmlXPathRegisterNs (ctx, BAD_CAST "a", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
  xmlXPathRegisterNs (ctx, BAD_CAST "pic", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/picture");
  xmlXPathRegisterNs (ctx, BAD_CAST "r", BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  xmlXPathRegisterNs (ctx, BAD_CAST "rel", BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
  ctx->node = node != NULL ? node : xmlDocGetRootElement (xml);
  result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  xmlXPathFreeContext (ctx);
  CU_ASSERT_PTR_NOT_NULL_FATAL (result);
  return result;
}

static int
count (xmlDocPtr   xml,
       const char *expr)
{
  xmlXPathObjectPtr result = xpath (xml, NULL, expr);
  int n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* string(@expr) at @node */
static char *
string_at (xmlDocPtr   xml,
           xmlNodePtr  node,
           const char *expr)
{
  g_autofree char *full = g_strdup_printf ("string(%s)", expr);
  xmlXPathObjectPtr result = xpath (xml, node, full);
  char *s = g_strdup ((const char *) result->stringval);

  xmlXPathFreeObject (result);
  return s;
}

static GBytes *
sample_docx (void)
{
  g_autoptr (MteDoc) doc = sample_doc ();
  g_autoptr (GError) error = NULL;
  GBytes *docx = mte_doc_to_docx (doc, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (docx);
  return docx;
}

static void
test_parts (void)
{
  g_autoptr (GBytes) docx = sample_docx ();
  xmlDocPtr xml;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      xml = docx_xml (docx, parts[i]);
      xmlFreeDoc (xml);
    }
  /* The two figures' images, PNG, and nothing beyond. */
  for (guint i = 1; i <= SAMPLE_N_FIGURES + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/media/image%u.png", i);
      g_autoptr (GBytes) png = docx_entry (docx, name);

      if (i > SAMPLE_N_FIGURES)
        {
          CU_ASSERT_PTR_NULL (png);
          continue;
        }
      CU_ASSERT_PTR_NOT_NULL_FATAL (png);
      CU_ASSERT (g_bytes_get_size (png) > 8);
      CU_ASSERT (memcmp (g_bytes_get_data (png, NULL), "\x89PNG\r\n\x1a\n", 8) == 0);
    }

  /* Relationships: each image's id points at its file. */
  xml = docx_xml (docx, "word/_rels/document.xml.rels");
  CU_ASSERT_EQUAL (count (xml, "/rel:Relationships/rel:Relationship[@Target='media/image2.png']"), 1);
  xmlFreeDoc (xml);
  xml = docx_xml (docx, "docProps/core.xml");
  {
    g_autofree char *title = string_at (xml, NULL, "/*/*[local-name()='title']");

    MTE_ASSERT_STR (title, "Warmth review: <care> & \"trust\"");
  }
  xmlFreeDoc (xml);

  /* Styles: headings with outline levels, the table style's header row. */
  xml = docx_xml (docx, "word/styles.xml");
  for (guint level = 1; level <= 4; level++)
    {
      g_autofree char *expr = g_strdup_printf ("/w:styles/w:style[@w:styleId='Heading%u']"
                                               "[w:name/@w:val='heading %u']/w:pPr/w:outlineLvl/@w:val",
                                               level, level);
      g_autofree char *outline = string_at (xml, NULL, expr);
      g_autofree char *want = g_strdup_printf ("%u", level - 1);

      MTE_ASSERT_STR (outline, want);
    }
  CU_ASSERT_EQUAL (count (xml, "//w:style[@w:styleId='ReportTable']/w:tblStylePr[@w:type='firstRow']/w:tcPr/w:shd"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:style[@w:styleId='Caption']"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:style[@w:styleId='Quote']"), 1);
  xmlFreeDoc (xml);
}

static void
test_headings (void)
{
  g_autoptr (GBytes) docx = sample_docx ();
  xmlDocPtr xml = docx_xml (docx, "word/document.xml");
  xmlXPathObjectPtr headings = xpath (xml, NULL, "//w:body/w:p[starts-with(w:pPr/w:pStyle/@w:val, 'Heading')]");
  xmlNodeSetPtr set = headings->nodesetval;
  g_autofree char *title = NULL, *results_mark = NULL, *link = NULL;

  CU_ASSERT_EQUAL_FATAL (set != NULL ? set->nodeNr : 0, (int) G_N_ELEMENTS (sample_headings));
  for (int i = 0; i < set->nodeNr; i++)
    {
      g_autofree char *style = string_at (xml, set->nodeTab[i], "w:pPr/w:pStyle/@w:val");
      g_autofree char *content = string_at (xml, set->nodeTab[i], ".");
      g_autofree char *want = g_strdup_printf ("Heading%u", sample_headings[i].level);

      MTE_ASSERT_STR (style, want);
      MTE_ASSERT_STR (content, sample_headings[i].text);
    }
  xmlXPathFreeObject (headings);

  title = string_at (xml, NULL, "//w:body/w:p[w:pPr/w:pStyle/@w:val='Title']");
  MTE_ASSERT_STR (title, "Warmth review: <care> & \"trust\"");

  /* Links are internal hyperlinks to the heading's and table's bookmarks. */
  results_mark = string_at (xml, NULL, "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'Heading')]"
                                       "[contains(., 'Results')]/w:bookmarkStart/@w:name");
  CU_ASSERT (strlen (results_mark) > 0);
  link = string_at (xml, NULL, "//w:hyperlink[. = 'the results']/@w:anchor");
  MTE_ASSERT_STR (link, results_mark);
  CU_ASSERT_EQUAL (count (xml, "//w:hyperlink[. = 'Table 1']"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:bookmarkStart[@w:name = //w:hyperlink[. = 'Table 1']/@w:anchor]"), 1);
  /* Word's bookmark names: a letter, then letters, digits and '_'. */
  CU_ASSERT_EQUAL (count (xml, "//w:bookmarkStart[translate(@w:name, 'abcdefghijklmnopqrstuvwxyz"
                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_', '') != '']"), 0);
  CU_ASSERT_EQUAL (count (xml, "//w:bookmarkStart"), count (xml, "//w:bookmarkEnd"));
  xmlFreeDoc (xml);
}

static void
test_text (void)
{
  g_autoptr (GBytes) docx = sample_docx ();
  xmlDocPtr xml = docx_xml (docx, "word/document.xml");
  g_autofree char *quote = NULL, *note = NULL, *fields = NULL;

  /* Spans: emphasis, strong, code, breaks and tabs. */
  CU_ASSERT_EQUAL (count (xml, "//w:r[w:rPr/w:i][w:t = 'emphasised']"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:r[w:rPr/w:b][w:t = 'strong']"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:r[w:rPr/w:rStyle/@w:val = 'InlineCode'][w:t = 'mte_doc_to_docx()']"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:body/w:p[contains(., 'After a break')]//w:br"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:body/w:p[contains(., 'After a break')]//w:tab"), 1);
  /* CJK intact; Arabic intact, in a right-to-left run of its own. */
  CU_ASSERT_EQUAL (count (xml, "//w:t[contains(., '\xe4\xbf\xa1\xe4\xbb\xbb')]"), 3);
  CU_ASSERT_EQUAL (count (xml, "//w:r[w:rPr/w:rtl][w:t = '\xd8\xab\xd9\x82\xd8\xa9']"), 3);
  CU_ASSERT_EQUAL (count (xml, "//w:r[w:rPr/w:rtl][contains(w:t, 'a')]"), 0);

  quote = string_at (xml, NULL, "//w:body/w:p[w:pPr/w:pStyle/@w:val = 'Quote']");
  MTE_ASSERT_STR (quote, "\xe2\x80\x9cWe felt heard,\xe2\x80\x9d said one <participant> & another.");
  note = string_at (xml, NULL, "//w:body/w:p[w:pPr/w:pStyle/@w:val = 'Note']");
  MTE_ASSERT_STR (note, "No searches are recorded.");

  /* Lists: bullets share one numbering, each numbered list its own. */
  CU_ASSERT_EQUAL (count (xml, "//w:p[w:pPr/w:pStyle/@w:val = 'ListBullet'][w:pPr/w:numPr/w:numId/@w:val = '1']"), 2);
  CU_ASSERT_EQUAL (count (xml, "//w:p[w:pPr/w:pStyle/@w:val = 'ListNumber'][w:pPr/w:numPr/w:numId/@w:val = '2']"), 2);
  CU_ASSERT_EQUAL (count (xml, "//w:p[w:pPr/w:pStyle/@w:val = 'ListNumber'][w:pPr/w:numPr/w:numId/@w:val = '3']"), 1);

  /* Fields: the empty one is left out; names in bold. */
  CU_ASSERT_EQUAL (count (xml, "//w:p[w:pPr/w:pStyle/@w:val = 'Field']"), 2);
  fields = string_at (xml, NULL, "//w:p[w:pPr/w:pStyle/@w:val = 'Field'][2]");
  MTE_ASSERT_STR (fields, "Index study: okonkwo-2014 <&>");
  CU_ASSERT_EQUAL (count (xml, "//w:p[w:pPr/w:pStyle/@w:val = 'Field']/w:r[w:rPr/w:b][w:t = 'Review question']"), 1);

  /* A4, 2 cm margins. */
  CU_ASSERT_EQUAL (count (xml, "/w:document/w:body/w:sectPr[w:pgSz/@w:w = '11906'][w:pgSz/@w:h = '16838']"
                               "[w:pgMar/@w:left = '1134'][w:pgMar/@w:top = '1134']"), 1);
  xmlFreeDoc (xml);
}

static void
test_tables (void)
{
  g_autoptr (GBytes) docx = sample_docx ();
  xmlDocPtr xml = docx_xml (docx, "word/document.xml");
  xmlXPathObjectPtr rows = xpath (xml, NULL, "(//w:tbl)[1]/w:tr");
  xmlNodeSetPtr set = rows->nodesetval;
  g_autofree char *caption = NULL, *widths = NULL;

  CU_ASSERT_EQUAL (count (xml, "//w:tbl"), 2);
  CU_ASSERT_EQUAL_FATAL (set != NULL ? set->nodeNr : 0, 4);
  for (int r = 0; r < set->nodeNr; r++)
    {
      g_autofree char *cells = g_strdup_printf ("(//w:tbl)[1]/w:tr[%d]/w:tc", r + 1);

      CU_ASSERT_EQUAL (count (xml, cells), 3);
      for (int c = 0; c < 3; c++)
        {
          g_autofree char *expr = g_strdup_printf ("w:tc[%d]", c + 1);
          g_autofree char *cell = string_at (xml, set->nodeTab[r], expr);

          MTE_ASSERT_STR (cell, sample_table[r][c]);
        }
    }
  xmlXPathFreeObject (rows);
  /* The header row repeats on each page; only it. */
  CU_ASSERT_EQUAL (count (xml, "(//w:tbl)[1]/w:tr[1]/w:trPr/w:tblHeader"), 1);
  CU_ASSERT_EQUAL (count (xml, "(//w:tbl)[1]/w:tr/w:trPr/w:tblHeader"), 1);
  /* Widths 3:1:1 (weight 0 counts as the lightest) over 9638 twips. */
  widths = string_at (xml, NULL, "concat((//w:tbl)[1]/w:tblGrid/w:gridCol[1]/@w:w, ' ', "
                                 "(//w:tbl)[1]/w:tblGrid/w:gridCol[2]/@w:w, ' ', "
                                 "(//w:tbl)[1]/w:tblGrid/w:gridCol[3]/@w:w)");
  MTE_ASSERT_STR (widths, "5782 1927 1929");
  CU_ASSERT_EQUAL (count (xml, "(//w:tbl)[1]/w:tr[2]/w:tc[2]/w:p/w:pPr/w:jc[@w:val = 'right']"), 1);
  CU_ASSERT_EQUAL (count (xml, "(//w:tbl)[1]/w:tr[2]/w:tc[3]/w:p/w:pPr/w:jc[@w:val = 'center']"), 1);
  CU_ASSERT_EQUAL (count (xml, "(//w:tbl)[1]/w:tr/w:tc/w:p/w:pPr/w:pStyle[@w:val = 'TableText']"), 12);
  CU_ASSERT_EQUAL (count (xml, "(//w:tbl)[2]/w:tr/w:tc/w:p/w:pPr/w:pStyle[@w:val = 'TableTextCompact']"), 4);

  /* The caption above, numbered with a SEQ field. */
  caption = string_at (xml, NULL, "(//w:tbl)[1]/preceding-sibling::w:p[1][w:pPr/w:pStyle/@w:val = 'Caption']"
                                  "/w:r/w:t");
  MTE_ASSERT_STR (caption, "Table ");
  g_free (caption);
  caption = string_at (xml, NULL, "(//w:tbl)[1]/preceding-sibling::w:p[1]");
  MTE_ASSERT_STR (caption, "Table  SEQ Table \\* ARABIC 1. Summary of \"findings\" <SoQF> & more");
  CU_ASSERT_EQUAL (count (xml, "(//w:tbl)[1]/preceding-sibling::w:p[1]/w:pPr/w:keepNext"), 1);
  xmlFreeDoc (xml);
}

static void
test_figures (void)
{
  g_autoptr (GBytes) docx = sample_docx ();
  xmlDocPtr xml = docx_xml (docx, "word/document.xml");
  g_autofree char *descr = NULL, *caption = NULL, *embed = NULL;

  CU_ASSERT_EQUAL (count (xml, "//w:drawing"), SAMPLE_N_FIGURES);
  CU_ASSERT_EQUAL (count (xml, "//w:p/w:r/w:drawing/wp:inline/a:graphic/a:graphicData/pic:pic/pic:blipFill/a:blip"),
                   SAMPLE_N_FIGURES);
  descr = string_at (xml, NULL, "(//wp:inline)[1]/wp:docPr/@descr");
  MTE_ASSERT_STR (descr, "A flow diagram: 120 records & 29 <studies>");
  embed = string_at (xml, NULL, "(//a:blip)[2]/@r:embed");
  MTE_ASSERT_STR (embed, "rId5");
  /* 200 x 100 CSS pixels, 9525 EMU each. */
  CU_ASSERT_EQUAL (count (xml, "(//wp:inline)[1]/wp:extent[@cx = '1905000'][@cy = '952500']"), 1);
  CU_ASSERT_EQUAL (count (xml, "(//wp:inline)[2]/wp:extent[@cx = '1905000'][@cy = '952500']"), 1);
  caption = string_at (xml, NULL, "(//w:drawing)[1]/ancestor::w:p/following-sibling::w:p[1]");
  MTE_ASSERT_STR (caption, "Figure  SEQ Figure \\* ARABIC 1. PRISMA flow <n=29> & \"more\"");
  xmlFreeDoc (xml);
}

/* The same document gives the same bytes. */
static void
test_deterministic (void)
{
  g_autoptr (GBytes) a = sample_docx ();
  g_autoptr (GBytes) b = sample_docx ();

  CU_ASSERT (g_bytes_equal (a, b));
}

/* Control characters, invalid UTF-8, anchors Word would refuse, empty
 * tables and lists: still a package whose XML parses. */
static void
test_hostile (void)
{
  g_autoptr (MteDoc) doc = mte_doc_new ("bad \x01 title \xff\xfe", "ar");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) docx = NULL;
  g_autofree char *heading = NULL, *second = NULL;
  xmlDocPtr xml;

  mte_doc_heading (doc, 9, "9 bad anchor!", "\x1b[31mred\x1b[0m \xc3\x28 \xef\xbf\xbe");
  mte_doc_heading (doc, 0, "9 bad anchor?", "same anchor once mapped");
  mte_doc_begin_paragraph (doc);
  mte_doc_link (doc, "9 bad anchor!", "link\x07");
  mte_doc_link (doc, "nowhere", "to nowhere");
  mte_doc_begin_list (doc, TRUE);
  mte_doc_begin_fields (doc);
  mte_doc_begin_table (doc, "t", NULL);
  mte_doc_begin_table (doc, "u", "rows, no columns");
  mte_doc_begin_row (doc);
  /* Sizes that are absurd, missing, or nowhere at all. */
  mte_doc_figure (doc, NULL, "wide", "Wide", "", g_strdup (SAMPLE_SVG), 1e9, 1);
  mte_doc_figure (doc, NULL, "nan", NULL, NULL, g_strdup (SAMPLE_SVG), NAN, -INFINITY);
  mte_doc_figure (doc, NULL, "sizeless", "", "\x01",
                  g_strdup ("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"5\"/></svg>"), 0, 0);
  docx = mte_doc_to_docx (doc, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (docx);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      xml = docx_xml (docx, parts[i]);
      xmlFreeDoc (xml);
    }
  xml = docx_xml (docx, "word/document.xml");
  heading = string_at (xml, NULL, "//w:p[w:pPr/w:pStyle/@w:val = 'Heading4']");
  MTE_ASSERT_STR (heading, "[31mred[0m \xef\xbf\xbd( ");
  second = string_at (xml, NULL, "//w:p[w:pPr/w:pStyle/@w:val = 'Heading1']/w:bookmarkStart/@w:name");
  MTE_ASSERT_STR (second, "a_9_bad_anchor__2");
  CU_ASSERT_EQUAL (count (xml, "//w:hyperlink[@w:anchor = 'a_9_bad_anchor_']"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:hyperlink"), 1);
  CU_ASSERT_EQUAL (count (xml, "//w:tbl"), 0);
  CU_ASSERT_EQUAL (count (xml, "//w:p[w:pPr/w:pStyle/@w:val = 'Caption']"), 5);
  CU_ASSERT_EQUAL (count (xml, "//w:drawing"), 3);
  /* The wide figure fits the text width (9638 twips of 635 EMU). */
  CU_ASSERT_EQUAL (count (xml, "(//wp:inline)[1]/wp:extent[@cx = '6120130'][@cy = '1']"), 1);
  xmlFreeDoc (xml);
}

static void
test_empty (void)
{
  g_autoptr (MteDoc) doc = mte_doc_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) docx = mte_doc_to_docx (doc, &error);
  xmlDocPtr xml;

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (docx);
  xml = docx_xml (docx, "word/document.xml");
  CU_ASSERT_EQUAL (count (xml, "/w:document/w:body/w:sectPr"), 1);
  xmlFreeDoc (xml);
}

/* A figure that is not SVG: an error naming it, no package. */
static void
test_bad_figure (void)
{
  g_autoptr (MteDoc) doc = mte_doc_new ("t", "en");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) docx = NULL;

  mte_doc_figure (doc, "f", "broken", "Broken", "nothing", g_strdup ("<svg"), 10, 10);
  docx = mte_doc_to_docx (doc, &error);
  CU_ASSERT_PTR_NULL (docx);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT (strstr (error->message, "figure 1 (broken)") != NULL);
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);

  g_clear_pointer (&doc, mte_doc_free);
  doc = mte_doc_new ("t", "en");
  mte_doc_figure (doc, NULL, "none", "None", "nothing", NULL, 10, 10);
  docx = mte_doc_to_docx (doc, &error);
  CU_ASSERT_PTR_NULL (docx);
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
}

static const MteTestCase cases[] = {
  { "parts", test_parts },
  { "headings", test_headings },
  { "text", test_text },
  { "tables", test_tables },
  { "figures", test_figures },
  { "deterministic", test_deterministic },
  { "hostile", test_hostile },
  { "empty", test_empty },
  { "bad figure", test_bad_figure },
};

MTE_TEST_MAIN ("doc-docx", cases)
