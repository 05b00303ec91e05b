/* Tests: one document with every block and span kind, shared by the DOCX
 * test (test-doc-docx.c) and the program that writes it for the Python
 * test (write-doc-docx.c).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_TEST_DOC_SAMPLE_H
#define MTE_TEST_DOC_SAMPLE_H

#include "mte-doc.h"

/* A small SVG: a box, a line and a label with CJK and Arabic. */
#define SAMPLE_SVG                                                                   \
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" "          \
  "viewBox=\"0 0 200 100\"><rect x=\"10\" y=\"10\" width=\"180\" height=\"80\" "     \
  "fill=\"#dde\" stroke=\"#223\"/><line x1=\"20\" y1=\"50\" x2=\"180\" y2=\"50\" "   \
  "stroke=\"#a22\" stroke-width=\"3\"/><text x=\"100\" y=\"40\" "                     \
  "text-anchor=\"middle\" font-size=\"14\">\xe4\xbf\xa1\xe4\xbb\xbb &amp; "           \
  "\xd8\xab\xd9\x82\xd8\xa9</text></svg>"

/* The headings in order, as (level, text). */
static const struct {
  guint       level;
  const char *text;
} sample_headings[] = {
  { 1, "Introduction" },
  { 2, "Methods & <data> \"quoted\"" },
  { 2, "Results: \xe4\xbf\xa1\xe4\xbb\xbb / \xd8\xab\xd9\x82\xd8\xa9" },
  { 3, "Figures" },
  { 4, "Appendix" },
};

#define SAMPLE_N_FIGURES 2

/* The first table's header and rows (the last row padded by the writer). */
static const char *const sample_table[4][3] = {
  { "Finding <&>", "Studies", "Confidence" },
  { "Trust \xe4\xbf\xa1\xe4\xbb\xbb", "3", "High" },
  { "\xd8\xab\xd9\x82\xd8\xa9 (trust)", "2", "Moderate \"&\" <low>" },
  { "Only one cell", "", "" },
};

static MteDoc *
sample_doc (void)
{
  MteDoc *doc = mte_doc_new ("Warmth review: <care> & \"trust\"", "en-GB");

  mte_doc_set_subtitle (doc, "A meta-ethnography \xe2\x80\x94 report");

  mte_doc_heading (doc, sample_headings[0].level, "intro", sample_headings[0].text);
  mte_doc_begin_paragraph (doc);
  mte_doc_text (doc, "Plain, ");
  mte_doc_emph (doc, "emphasised");
  mte_doc_text (doc, ", ");
  mte_doc_strong (doc, "strong");
  mte_doc_text (doc, ", ");
  mte_doc_code (doc, "mte_doc_to_docx()");
  mte_doc_text (doc, "; see ");
  mte_doc_link (doc, "results", "the results");
  mte_doc_text (doc, " and ");
  mte_doc_link (doc, "soqf-table", "Table 1");
  mte_doc_break (doc);
  mte_doc_text (doc, "After a break: \xe4\xbf\xa1\xe4\xbb\xbb and \xd8\xab\xd9\x82\xd8\xa9, tab\there.");
  mte_doc_note (doc, "No searches are recorded.");
  mte_doc_begin_quote (doc);
  mte_doc_text (doc, "\xe2\x80\x9cWe felt heard,\xe2\x80\x9d said one <participant> & another.");

  mte_doc_heading (doc, sample_headings[1].level, "methods", sample_headings[1].text);
  mte_doc_begin_list (doc, FALSE);
  mte_doc_begin_item (doc);
  mte_doc_text (doc, "First bullet");
  mte_doc_begin_item (doc);
  mte_doc_strong (doc, "Second");
  mte_doc_text (doc, " bullet");
  mte_doc_begin_list (doc, TRUE);
  mte_doc_begin_item (doc);
  mte_doc_text (doc, "Step one");
  mte_doc_begin_item (doc);
  mte_doc_text (doc, "Step two");
  mte_doc_begin_list (doc, TRUE);
  mte_doc_begin_item (doc);
  mte_doc_text (doc, "Again one");
  mte_doc_begin_fields (doc);
  mte_doc_field (doc, "Review question", "How is warmth expressed?");
  mte_doc_field (doc, "Unanswered", "");
  mte_doc_field (doc, "Index study", "okonkwo-2014 <&>");

  mte_doc_heading (doc, sample_headings[2].level, "results", sample_headings[2].text);
  mte_doc_begin_table (doc, "soqf-table", "Summary of \"findings\" <SoQF> & more");
  mte_doc_add_column (doc, sample_table[0][0], MTE_CELL_LEFT, 3);
  mte_doc_add_column (doc, sample_table[0][1], MTE_CELL_RIGHT, 1);
  mte_doc_add_column (doc, sample_table[0][2], MTE_CELL_CENTER, 0);
  for (guint r = 1; r < 3; r++)
    {
      mte_doc_begin_row (doc);
      for (guint c = 0; c < 3; c++)
        mte_doc_cell (doc, sample_table[r][c]);
    }
  mte_doc_begin_row (doc);
  mte_doc_cell (doc, sample_table[3][0]);

  mte_doc_begin_table (doc, NULL, "A compact table");
  mte_doc_set_compact (doc);
  mte_doc_add_column (doc, "Study", MTE_CELL_LEFT, 0);
  mte_doc_add_column (doc, "Concepts", MTE_CELL_LEFT, 0);
  mte_doc_begin_row (doc);
  mte_doc_cell (doc, "s1");
  mte_doc_begin_cell (doc);
  mte_doc_emph (doc, "warmth");
  mte_doc_text (doc, ", ");
  mte_doc_code (doc, "c-2");

  mte_doc_heading (doc, sample_headings[3].level, "figures", sample_headings[3].text);
  mte_doc_figure (doc, "prisma", "prisma", "PRISMA flow <n=29> & \"more\"",
                  "A flow diagram: 120 records & 29 <studies>",
                  g_strdup (SAMPLE_SVG), 200, 100);
  mte_doc_figure (doc, NULL, "curve", "Saturation curve",
                  "A rising curve that levels off", g_strdup (SAMPLE_SVG), 0, 0);

  mte_doc_heading (doc, sample_headings[4].level, NULL, sample_headings[4].text);
  mte_doc_paragraph (doc, "The end.");
  return doc;
}

#endif /* MTE_TEST_DOC_SAMPLE_H */
