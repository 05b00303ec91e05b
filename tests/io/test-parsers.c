/* metaethno: the BibTeX, CSL-JSON and EndNote XML parsers, called
 * directly (white-box: lib/io/mte-citation-private.h).
 *
 *   test-parsers                 inline inputs: what each parser reads,
 *                                skips and refuses
 *   test-parsers --interop DIR   every file of DIR/bibtex, DIR/csl-json
 *                                and DIR/endnote-xml (../shared/interop):
 *                                the reference counts of DIR/README.md and
 *                                a few references checked by hand; exits
 *                                77 (skipped) when DIR is absent
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "mte-citation-private.h"
#include "../common/mte-test.h"

typedef struct {
  GPtrArray *out;               /* MteCitation* */
  GArray    *skipped;           /* MteCitationSkip */
  GError    *error;
  gboolean   ok;
} Parsed;

static void
parsed_init (Parsed *p)
{
  p->out = g_ptr_array_new_with_free_func ((GDestroyNotify) mte_citation_free);
  p->skipped = g_array_new (FALSE, TRUE, sizeof (MteCitationSkip));
  g_array_set_clear_func (p->skipped, mte_citation_skip_clear);
  p->error = NULL;
}

static void
parsed_clear (Parsed *p)
{
  g_ptr_array_unref (p->out);
  g_array_unref (p->skipped);
  g_clear_error (&p->error);
}

static Parsed
parse (MteReferenceFormat format, const char *data, gsize length, const char *name)
{
  Parsed p;

  parsed_init (&p);
  if (format == MTE_REFERENCE_FORMAT_ENDNOTE_XML)
    p.ok = mte_endnote_xml_parse (data, length, name, p.out, p.skipped, &p.error);
  else
    {
      gsize text_length = 0;
      g_autofree char *text = mte_import_decode (data, length, name, format, &text_length,
                                                 &p.error);

      if (text == NULL)
        p.ok = FALSE;
      else if (format == MTE_REFERENCE_FORMAT_BIBTEX)
        p.ok = mte_bibtex_parse (text, text_length, name, p.out, p.skipped, &p.error);
      else
        p.ok = mte_csl_json_parse (text, text_length, name, p.out, p.skipped, &p.error);
    }
  return p;
}

/* The parsers' own input (already decoded UTF-8 with LF), no decoder. */
static Parsed
parse_text (MteReferenceFormat format, const char *text)
{
  Parsed p;

  parsed_init (&p);
  switch (format)
    {
    case MTE_REFERENCE_FORMAT_BIBTEX:
      p.ok = mte_bibtex_parse (text, strlen (text), "t.bib", p.out, p.skipped, &p.error);
      break;
    case MTE_REFERENCE_FORMAT_CSL_JSON:
      p.ok = mte_csl_json_parse (text, strlen (text), "t.json", p.out, p.skipped, &p.error);
      break;
    default:
      p.ok = mte_endnote_xml_parse (text, strlen (text), "t.xml", p.out, p.skipped, &p.error);
      break;
    }
  return p;
}

static MteCitation *
nth (Parsed *p, guint i)
{
  CU_ASSERT_FATAL (i < p->out->len);
  return g_ptr_array_index (p->out, i);
}

static MteCitation *
by_key (Parsed *p, const char *key)
{
  for (guint i = 0; i < p->out->len; i++)
    {
      MteCitation *c = g_ptr_array_index (p->out, i);

      if (c->key != NULL && strcmp (c->key, key) == 0)
        return c;
    }
  fprintf (stderr, "no reference with key %s\n", key);
  CU_FAIL_FATAL ("reference not found");
  return NULL;
}

static const char *
field (MteCitation *c, MteRecordField f)
{
  return c->fields[f] != NULL ? c->fields[f] : "(unset)";
}

/* Authors joined with "; ", to compare a whole list at once. */
static char *
authors (MteCitation *c)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < c->authors->len; i++)
    g_string_append_printf (all, "%s%s", i > 0 ? "; " : "",
                            (const char *) g_ptr_array_index (c->authors, i));
  return g_string_free (all, FALSE);
}

#define ASSERT_AUTHORS(c, expected)                                           \
  do {                                                                        \
    g_autofree char *got_ = authors (c);                                      \
    if (strcmp (got_, (expected)) != 0)                                       \
      fprintf (stderr, "authors: got [%s], expected [%s]\n", got_, (expected)); \
    CU_ASSERT_STRING_EQUAL (got_, (expected));                                \
  } while (0)

#define ASSERT_FIELD(c, f, expected)                                          \
  do {                                                                        \
    if (strcmp (field ((c), (f)), (expected)) != 0)                           \
      fprintf (stderr, "field %d: got [%s], expected [%s]\n", (int) (f),      \
               field ((c), (f)), (expected));                                 \
    CU_ASSERT_STRING_EQUAL (field ((c), (f)), (expected));                    \
  } while (0)

/* ------------------------------------------------------------------ */
/* BibTeX                                                             */
/* ------------------------------------------------------------------ */

static void
test_bibtex_latex (void)
{
  Parsed p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX,
    "@article{a,\n"
    "  title = {\\'{e}\\'e{\\'e} \\\"o \\`a \\^o \\~n \\c{c} \\v{s} \\u{g} \\={a} \\.{z}"
    " \\H{o} \\k{a} \\r{a} {\\aa} \\aa{} {\\AA} {\\o} \\O{} {\\ss} {\\ae} {\\oe} {\\l} {\\L}"
    " \\'{\\i}\\i{} Bj\\o rn},\n"
    "  abstract = {\\& \\% \\$ \\_ \\# \\{ \\} a--b a---b x~y {Protected} "
    "\\textit{it} \\emph{em} \\textbf{bf} \\unknown{kept} $x$ ``q''},\n"
    "}\n");
  MteCitation *c;

  CU_ASSERT_TRUE (p.ok);
  c = nth (&p, 0);
  ASSERT_FIELD (c, MTE_RECORD_TITLE,
                "\u00e9\u00e9\u00e9 \u00f6 \u00e0 \u00f4 \u00f1 \u00e7 \u0161 \u011f \u0101 \u017c"
                " \u0151 \u0105 \u00e5 \u00e5 \u00e5 \u00c5 \u00f8 \u00d8 \u00df \u00e6 \u0153 \u0142 \u0141"
                " \u00ed\u0131 Bj\u00f8rn");
  ASSERT_FIELD (c, MTE_RECORD_ABSTRACT,
                "& % $ _ # { } a\u2013b a\u2014b x y Protected it em bf kept x \u201cq\u201d");
  parsed_clear (&p);
}

static void
test_bibtex_names (void)
{
  Parsed p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX,
    "@book{n,\n"
    "  author = {M\\\"uller, Hans and Jane Q. Public and {World Health Organization}"
    " and Ludwig van Beethoven and de la Mare, Walter and {Barnes and Noble}"
    " and Sherry, Jr., John F. and {\\'E}mile Zola and others},\n"
    "  editor = {Not Used},\n"
    "}\n"
    "@book{e, editor = {Ed Itor and Other, Anne}}\n");
  MteCitation *c;

  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL (p.out->len, 2);
  c = nth (&p, 0);
  ASSERT_AUTHORS (c, "M\u00fcller, Hans; Public, Jane Q.; World Health Organization; "
                  "van Beethoven, Ludwig; de la Mare, Walter; Barnes and Noble; "
                  "Sherry, John F., Jr.; Zola, \u00c9mile");
  /* without authors, the editors stand in */
  ASSERT_AUTHORS (nth (&p, 1), "Itor, Ed; Other, Anne");
  parsed_clear (&p);
}

static void
test_bibtex_fields (void)
{
  Parsed p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX,
    "% a comment line\n"
    "Free text before, with an e-mail: someone@example.org.\n"
    "@String{jnl = \"Journal of \"}\n"
    "@string(pub = {Qualitative})\n"
    "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n"
    "@comment{ignored @article{inside, title={no}} }\n"
    "@Article{Key1,\n"
    "  Author = \"Smith, Ann\",\n"
    "  Title = {A {Title} with \"quotes\"},\n"
    "  journal = jnl # pub # { Research},\n"
    "  year = 2019, month = mar,\n"
    "  volume = {12}, number = {3}, pages = {101--115},\n"
    "  doi = {10.1000/x\\_y}, url = {https://example.org/a_b%20c},\n"
    "  keywords = {ethnography, synthesis; qualitative},\n"
    "  note = {First note}, annote = {Second},\n"
    "}\n"
    "@online(Key2, title = {Second}, date = {2020-05-01}, journaltitle = {J2})\n"
    "@inproceedings{Key3, title = {Third}, booktitle = {Proc.}, year = {c. 1999}}\n");
  MteCitation *c;

  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL (p.out->len, 3);
  CU_ASSERT_EQUAL (p.skipped->len, 0);
  c = nth (&p, 0);
  CU_ASSERT_EQUAL (c->line, 7);
  MTE_ASSERT_STR (c->type, "article");
  MTE_ASSERT_STR (c->key, "Key1");
  ASSERT_AUTHORS (c, "Smith, Ann");
  CU_ASSERT_EQUAL (c->year, 2019);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "A Title with \"quotes\"");
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Journal of Qualitative Research");
  ASSERT_FIELD (c, MTE_RECORD_VOLUME, "12");
  ASSERT_FIELD (c, MTE_RECORD_ISSUE, "3");
  ASSERT_FIELD (c, MTE_RECORD_PAGES, "101-115");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10.1000/x_y");
  ASSERT_FIELD (c, MTE_RECORD_URL, "https://example.org/a_b%20c");
  ASSERT_FIELD (c, MTE_RECORD_NOTES, "First note\n\nSecond");
  CU_ASSERT_EQUAL_FATAL (c->keywords->len, 3);
  MTE_ASSERT_STR (g_ptr_array_index (c->keywords, 0), "ethnography");
  MTE_ASSERT_STR (g_ptr_array_index (c->keywords, 2), "qualitative");
  CU_ASSERT_EQUAL (c->problems->len, 0);

  c = nth (&p, 1);
  MTE_ASSERT_STR (c->type, "online");
  CU_ASSERT_EQUAL (c->line, 17);
  CU_ASSERT_EQUAL (c->year, 2020);
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "J2");

  c = nth (&p, 2);
  CU_ASSERT_EQUAL (c->year, 1999);
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Proc.");
  parsed_clear (&p);
}

static void
test_bibtex_unbalanced (void)
{
  Parsed p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX,
    "@article{good1, title = {One}}\n"
    "@article{broken, title = {Two {never closed},\n"
    "  year = {2001}}\n"
    "@article{good2, title = {Three}}\n"
    "@article{nokey title = {x}}\n"
    "@article{good3, title = {Four}, journal = undefinedmacro}\n");
  MteCitationSkip *skip;

  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL (p.out->len, 3);
  CU_ASSERT_EQUAL_FATAL (p.skipped->len, 2);
  skip = &g_array_index (p.skipped, MteCitationSkip, 0);
  CU_ASSERT_EQUAL (skip->line, 2);
  CU_ASSERT_PTR_NOT_NULL (strstr (skip->message, "broken"));
  CU_ASSERT_EQUAL (g_array_index (p.skipped, MteCitationSkip, 1).line, 5);
  ASSERT_FIELD (nth (&p, 1), MTE_RECORD_TITLE, "Three");
  CU_ASSERT_EQUAL (nth (&p, 1)->line, 4);
  /* an unknown macro reads as empty and says so */
  CU_ASSERT_EQUAL (nth (&p, 2)->problems->len, 1);
  parsed_clear (&p);
}

static void
test_bibtex_malformed (void)
{
  GString *deep = g_string_new ("@article{deep, title = ");
  Parsed p;

  /* nesting deeper than the bound skips the entry, never recurses */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '{');
  g_string_append (deep, "x\n@article{after, title = {After}}\n");
  p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX, deep->str);
  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL (p.skipped->len, 1);
  CU_ASSERT_EQUAL_FATAL (p.out->len, 1);
  ASSERT_FIELD (nth (&p, 0), MTE_RECORD_TITLE, "After");
  parsed_clear (&p);
  g_string_free (deep, TRUE);

  /* not BibTeX at all */
  p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX, "TY  - JOUR\nER  - \n");
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED));
  CU_ASSERT_TRUE (g_str_has_prefix (p.error->message, "t.bib:1:1: "));
  parsed_clear (&p);

  /* empty input and truncations at every byte: no crash, no reference lost
   * silently (each is read or skipped) */
  {
    static const char whole[] =
      "@string{s = \"S\"}\n@article{k, author = {A, B and C D}, title = s # {T},\n"
      " year = 2000, pages = {1--2}}\n@book{l, title = \"x {y} z\"}\n";

    for (gsize n = 0; n <= sizeof whole - 1; n++)
      {
        g_autofree char *cut = g_strndup (whole, n);

        p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX, cut);
        if (p.ok)
          CU_ASSERT_TRUE (p.out->len + p.skipped->len <= 2);
        parsed_clear (&p);
      }
  }

  /* huge numbers and a macro that doubles itself */
  {
    GString *macros = g_string_new ("@string{m0 = \"xxxxxxxxxxxxxxxx\"}\n");

    for (int i = 1; i < 40; i++)
      g_string_append_printf (macros, "@string{m%d = m%d # m%d}\n", i, i - 1, i - 1);
    g_string_append (macros, "@article{big, title = m39, year = 99999999999999999999999}\n");
    p = parse_text (MTE_REFERENCE_FORMAT_BIBTEX, macros->str);
    CU_ASSERT_TRUE (p.ok);
    CU_ASSERT_EQUAL (p.out->len + p.skipped->len, 1);
    parsed_clear (&p);
    g_string_free (macros, TRUE);
  }
}

/* ------------------------------------------------------------------ */
/* CSL-JSON                                                           */
/* ------------------------------------------------------------------ */

static void
test_csl_json_items (void)
{
  Parsed p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON,
    "[\n"
    "  {\"id\": \"a\", \"type\": \"article-journal\",\n"
    "   \"author\": [{\"family\": \"Noblit\", \"given\": \"George W.\"},\n"
    "              {\"literal\": \"World Health Organization\"},\n"
    "              {\"family\": \"Beethoven\", \"given\": \"Ludwig\", \"non-dropping-particle\": \"van\"}],\n"
    "   \"issued\": {\"date-parts\": [[\"1988\", 3, 1]]},\n"
    "   \"title\": \"Meta-ethnography\", \"container-title\": \"Qualitative Research\",\n"
    "   \"volume\": 11, \"issue\": \"2\", \"page\": \"1-88\", \"DOI\": \"10.4135/9781412985000\",\n"
    "   \"URL\": \"https://example.org\", \"abstract\": \"Text\", \"keyword\": \"a, b; c\",\n"
    "   \"source\": \"PubMed\", \"note\": \"A note\"},\n"
    "  {\"id\": 7, \"editor\": [{\"family\": \"Ed\", \"given\": \"A\"}],\n"
    "   \"issued\": {\"date-parts\": [[2001], [2003]], \"season\": 2, \"circa\": true}},\n"
    "  \"not an item\",\n"
    "  {\"issued\": {\"raw\": \"spring 1999\"}},\n"
    "  {\"issued\": {\"date-parts\": [[-44]]}},\n"
    "  {\"issued\": {\"date-parts\": [[1e300]]}, \"title\": 12345678901234567890}\n"
    "]\n");
  MteCitation *c;

  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL (p.out->len, 5);
  CU_ASSERT_EQUAL_FATAL (p.skipped->len, 1);
  CU_ASSERT_EQUAL (g_array_index (p.skipped, MteCitationSkip, 0).line, 13);
  c = nth (&p, 0);
  CU_ASSERT_EQUAL (c->line, 2);
  MTE_ASSERT_STR (c->key, "a");
  MTE_ASSERT_STR (c->type, "article-journal");
  ASSERT_AUTHORS (c, "Noblit, George W.; World Health Organization; van Beethoven, Ludwig");
  CU_ASSERT_EQUAL (c->year, 1988);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Meta-ethnography");
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Qualitative Research");
  ASSERT_FIELD (c, MTE_RECORD_VOLUME, "11");
  ASSERT_FIELD (c, MTE_RECORD_ISSUE, "2");
  ASSERT_FIELD (c, MTE_RECORD_PAGES, "1-88");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10.4135/9781412985000");
  ASSERT_FIELD (c, MTE_RECORD_URL, "https://example.org");
  ASSERT_FIELD (c, MTE_RECORD_ABSTRACT, "Text");
  ASSERT_FIELD (c, MTE_RECORD_DATABASE, "PubMed");
  ASSERT_FIELD (c, MTE_RECORD_NOTES, "A note");
  CU_ASSERT_EQUAL (c->keywords->len, 3);
  CU_ASSERT_EQUAL (c->problems->len, 0);

  c = nth (&p, 1);
  MTE_ASSERT_STR (c->key, "7");
  ASSERT_AUTHORS (c, "Ed, A");
  CU_ASSERT_EQUAL (c->year, 2001);
  CU_ASSERT_EQUAL (nth (&p, 2)->year, 1999);
  CU_ASSERT_EQUAL (nth (&p, 3)->year, 0);
  CU_ASSERT_EQUAL (nth (&p, 3)->problems->len, 1);
  CU_ASSERT_EQUAL (nth (&p, 4)->year, 0);
  CU_ASSERT_EQUAL (nth (&p, 4)->line, 16);
  parsed_clear (&p);

  /* a single object is one item */
  p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON, "{\"title\": \"Alone\"}");
  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL_FATAL (p.out->len, 1);
  ASSERT_FIELD (nth (&p, 0), MTE_RECORD_TITLE, "Alone");
  parsed_clear (&p);
}

static void
test_csl_json_malformed (void)
{
  Parsed p;
  GString *deep = g_string_new (NULL);

  p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON, "\"a string\"");
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED));
  parsed_clear (&p);

  p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON, "");
  CU_ASSERT_FALSE (p.ok);
  parsed_clear (&p);

  /* json-glib's line and column */
  p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON, "[\n {\"title\": \"x\",\n  \"page\": }\n]");
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED));
  CU_ASSERT_TRUE (g_str_has_prefix (p.error->message, "t.json:3:"));
  CU_ASSERT_PTR_NULL (strstr (p.error->message, "<data>"));
  parsed_clear (&p);

  /* json-glib 1.6 would overflow the stack on this */
  for (int i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON, deep->str);
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_TOO_LARGE));
  parsed_clear (&p);
  g_string_free (deep, TRUE);

  /* brackets inside strings do not count */
  deep = g_string_new ("[{\"title\": \"");
  for (int i = 0; i < 1000; i++)
    g_string_append (deep, "[{");
  g_string_append (deep, "\"}]");
  p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON, deep->str);
  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL (p.out->len, 1);
  parsed_clear (&p);
  g_string_free (deep, TRUE);

  /* truncations: never a crash */
  {
    static const char whole[] =
      "[{\"id\":\"a\",\"author\":[{\"family\":\"F\",\"given\":\"G\"}],"
      "\"issued\":{\"date-parts\":[[\"2001\",1]]},\"title\":\"T\\u00e9\"}]";

    for (gsize n = 0; n < sizeof whole - 1; n++)
      {
        g_autofree char *cut = g_strndup (whole, n);

        p = parse_text (MTE_REFERENCE_FORMAT_CSL_JSON, cut);
        CU_ASSERT_FALSE (p.ok);
        parsed_clear (&p);
      }
  }
}

/* ------------------------------------------------------------------ */
/* EndNote XML                                                        */
/* ------------------------------------------------------------------ */

static void
test_endnote_records (void)
{
  Parsed p = parse_text (MTE_REFERENCE_FORMAT_ENDNOTE_XML,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<xml><records>\n"
    "<record><rec-number>4</rec-number><ref-type name=\"Journal Article\">17</ref-type>\n"
    "<contributors><authors><author><style face=\"normal\">Britten, </style>"
    "<style face=\"bold\">Nicky</style></author><author>Campbell, R</author></authors>"
    "<secondary-authors><author>Not, Used</author></secondary-authors></contributors>\n"
    "<titles><title><style face=\"normal\">Using meta  ethnography\n   to synthesise</style>"
    "<style face=\"italic\"> &amp; more</style></title>"
    "<secondary-title>Soc Sci Med</secondary-title></titles>\n"
    "<periodical><full-title>Social Science &amp; Medicine</full-title></periodical>\n"
    "<pages>209-15</pages><volume>7</volume><number>4</number>"
    "<dates><year><style>2002</style></year></dates>\n"
    "<electronic-resource-num>10.1258/135581902320432732</electronic-resource-num>\n"
    "<urls><pdf-urls><url>internal-pdf://x.pdf</url></pdf-urls>"
    "<related-urls><url>https://example.org/a</url></related-urls></urls>\n"
    "<abstract>Abs<![CDATA[ <tract> ]]></abstract>"
    "<keywords><keyword>one</keyword><keyword>two\nthree</keyword></keywords>\n"
    "<remote-database-name>MEDLINE</remote-database-name><notes>N</notes>"
    "</record>\n"
    "<record><ref-type name=\"Book Section\">5</ref-type>"
    "<contributors><secondary-authors><author>Editor, E</author></secondary-authors></contributors>"
    "<titles><title>Chapter</title><secondary-title>The Book</secondary-title></titles></record>\n"
    "</records></xml>\n");
  MteCitation *c;

  CU_ASSERT_TRUE (p.ok);
  CU_ASSERT_EQUAL_FATAL (p.out->len, 2);
  c = nth (&p, 0);
  CU_ASSERT_EQUAL (c->line, 3);
  MTE_ASSERT_STR (c->type, "Journal Article");
  MTE_ASSERT_STR (c->key, "4");
  ASSERT_AUTHORS (c, "Britten, Nicky; Campbell, R");
  CU_ASSERT_EQUAL (c->year, 2002);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Using meta ethnography to synthesise & more");
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Social Science & Medicine");
  ASSERT_FIELD (c, MTE_RECORD_VOLUME, "7");
  ASSERT_FIELD (c, MTE_RECORD_ISSUE, "4");
  ASSERT_FIELD (c, MTE_RECORD_PAGES, "209-15");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10.1258/135581902320432732");
  ASSERT_FIELD (c, MTE_RECORD_URL, "https://example.org/a");
  ASSERT_FIELD (c, MTE_RECORD_ABSTRACT, "Abs <tract>");
  ASSERT_FIELD (c, MTE_RECORD_DATABASE, "MEDLINE");
  ASSERT_FIELD (c, MTE_RECORD_NOTES, "N");
  CU_ASSERT_EQUAL (c->keywords->len, 3);

  c = nth (&p, 1);
  CU_ASSERT_EQUAL (c->line, 14);
  ASSERT_AUTHORS (c, "Editor, E");
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "The Book");
  parsed_clear (&p);
}

static void
test_endnote_refused (void)
{
  Parsed p;
  GString *deep;
  static const char utf16[] = "\xff\xfe<\0x\0m\0l\0>\0<\0r\0e\0c\0o\0r\0d\0s\0>\0"
    "<\0r\0e\0c\0o\0r\0d\0>\0<\0t\0i\0t\0l\0e\0s\0>\0<\0t\0i\0t\0l\0e\0>\0"
    "\xe9\0<\0/\0t\0i\0t\0l\0e\0>\0<\0/\0t\0i\0t\0l\0e\0s\0>\0<\0/\0r\0e\0c\0o\0r\0d\0>\0"
    "<\0/\0r\0e\0c\0o\0r\0d\0s\0>\0<\0/\0x\0m\0l\0>\0";

  /* a DOCTYPE, with the entities of a "billion laughs", is refused */
  p = parse_text (MTE_REFERENCE_FORMAT_ENDNOTE_XML,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [\n <!ENTITY a \"aaaaaaaaaa\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c SYSTEM \"file:///etc/passwd\">\n]>\n"
    "<xml><records><record><titles><title>&b;&c;</title></titles></record></records></xml>");
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_FORBIDDEN));
  CU_ASSERT_TRUE (g_str_has_prefix (p.error->message, "t.xml:2:"));
  CU_ASSERT_EQUAL (p.out->len, 0);
  parsed_clear (&p);

  /* not well-formed: libxml2's line and column */
  p = parse_text (MTE_REFERENCE_FORMAT_ENDNOTE_XML,
                  "<xml>\n<records>\n<record></recrd>\n</records></xml>");
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED));
  CU_ASSERT_TRUE (g_str_has_prefix (p.error->message, "t.xml:3:"));
  parsed_clear (&p);

  /* another root */
  p = parse_text (MTE_REFERENCE_FORMAT_ENDNOTE_XML, "<project/>");
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED));
  parsed_clear (&p);

  p = parse_text (MTE_REFERENCE_FORMAT_ENDNOTE_XML, "");
  CU_ASSERT_FALSE (p.ok);
  parsed_clear (&p);

  /* nesting past the bound */
  deep = g_string_new ("<xml><records><record><titles><title>");
  for (int i = 0; i < 100; i++)
    g_string_append (deep, "<style>");
  g_string_append (deep, "x");
  for (int i = 0; i < 100; i++)
    g_string_append (deep, "</style>");
  g_string_append (deep, "</title></titles></record></records></xml>");
  p = parse_text (MTE_REFERENCE_FORMAT_ENDNOTE_XML, deep->str);
  CU_ASSERT_FALSE (p.ok);
  CU_ASSERT_TRUE (g_error_matches (p.error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_TOO_LARGE));
  parsed_clear (&p);
  g_string_free (deep, TRUE);

  /* UTF-16 with a byte-order mark, decoded by libxml2 */
  parsed_init (&p);
  p.ok = mte_endnote_xml_parse (utf16, sizeof utf16 - 1, "u.xml", p.out, p.skipped, &p.error);
  MTE_ASSERT_NO_ERROR (p.error);
  CU_ASSERT_EQUAL_FATAL (p.out->len, 1);
  ASSERT_FIELD (nth (&p, 0), MTE_RECORD_TITLE, "\u00e9");
  parsed_clear (&p);

  /* truncations: never a crash */
  {
    static const char whole[] =
      "<xml><records><record><contributors><authors><author>A, B</author></authors>"
      "</contributors><titles><title><style>T</style></title></titles></record></records></xml>";

    for (gsize n = 0; n < sizeof whole - 1; n++)
      {
        g_autofree char *cut = g_strndup (whole, n);

        p = parse_text (MTE_REFERENCE_FORMAT_ENDNOTE_XML, cut);
        CU_ASSERT_FALSE (p.ok);
        parsed_clear (&p);
      }
  }
}

/* ------------------------------------------------------------------ */
/* ../shared/interop                                                  */
/* ------------------------------------------------------------------ */

static const char *interop_dir;

/* The counts of interop/README.md (entries without @comment, @string and
 * @preamble; CSL items; EndNote records). A file not listed here fails,
 * so that a new file gets its count. */
static const struct {
  const char *file;
  guint       count;
} expected_counts[] = {
  { "bibtex/betterbiblatex_bbt-export_2624-cjk.bib", 35 },
  { "bibtex/betterbibtex_bbt-export_384-565-566.bib", 40 },
  { "bibtex/calibre_bbt-import_3338.bib", 1 },
  { "bibtex/jabref_Chocolate.bib", 15 },
  { "bibtex/jabref_encoding-windows-1252-with-header.bib", 1 },
  { "bibtex/jabref_testbib_complex.bib", 20 },
  { "bibtex/jabref_tiny-LE-withBOM.bib", 1 },
  { "csl-json/betterbibtex_bbt-export_1179.csl.json", 26 },
  { "csl-json/betterbibtex_bbt-export_360-811-dates.csl.json", 15 },
  { "csl-json/zotero-translators_CSLJSON-test0.json", 1 },
  { "endnote-xml/bookends-13_jabref_EndnoteXmlImporterTestArticle.xml", 1 },
  { "endnote-xml/endnote-16_zotero-translators_EndnoteXML-test1.xml", 1 },
  { "endnote-xml/endnote_zotero-translators_EndnoteXML-test0.xml", 9 },
};

static Parsed
parse_interop (const char *relative)
{
  g_autofree char *path = g_build_filename (interop_dir, relative, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  GError *error = NULL;
  MteReferenceFormat format = g_str_has_prefix (relative, "bibtex/")
                              ? MTE_REFERENCE_FORMAT_BIBTEX
                              : g_str_has_prefix (relative, "csl-json/")
                              ? MTE_REFERENCE_FORMAT_CSL_JSON
                              : MTE_REFERENCE_FORMAT_ENDNOTE_XML;
  Parsed p;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      g_error_free (error);
      CU_FAIL_FATAL ("interop file unreadable");
    }
  p = parse (format, data, length, relative);
  if (p.error != NULL)
    fprintf (stderr, "%s\n", p.error->message);
  CU_ASSERT_TRUE (p.ok);
  return p;
}

static void
test_interop_counts (void)
{
  static const char *const folders[] = { "bibtex", "csl-json", "endnote-xml" };
  guint seen = 0;

  for (gsize f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_build_filename (interop_dir, folders[f], NULL);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *entry;

      CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *relative = g_build_filename (folders[f], entry, NULL);
          gboolean listed = FALSE;
          Parsed p = parse_interop (relative);

          for (gsize i = 0; i < G_N_ELEMENTS (expected_counts); i++)
            if (strcmp (expected_counts[i].file, relative) == 0)
              {
                listed = TRUE;
                if (p.out->len + p.skipped->len != expected_counts[i].count)
                  fprintf (stderr, "%s: %u read + %u skipped, expected %u\n", relative,
                           p.out->len, p.skipped->len, expected_counts[i].count);
                CU_ASSERT_EQUAL (p.out->len, expected_counts[i].count);
                CU_ASSERT_EQUAL (p.skipped->len, 0);
              }
          if (!listed)
            fprintf (stderr, "%s: not in expected_counts\n", relative);
          CU_ASSERT_TRUE (listed);
          seen++;
          parsed_clear (&p);
        }
    }
  CU_ASSERT_EQUAL (seen, G_N_ELEMENTS (expected_counts));
}

static void
test_interop_bibtex (void)
{
  Parsed p = parse_interop ("bibtex/jabref_testbib_complex.bib");
  MteCitation *c;

  c = by_key (&p, "1137631");
  ASSERT_AUTHORS (c, "Bostr\u00f6m, Gustav; W\u00e4yrynen, Jaana; Bod\u00e9n, Marine; "
                  "Beznosov, Konstantin; Philippe Kruchten, Churchill");
  CU_ASSERT_EQUAL (c->year, 2006);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Extending XP practices to support security requirements engineering");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "http://doi.acm.org/10.1145/1137627.1137631");
  c = by_key (&p, "10250999");
  ASSERT_AUTHORS (c, "von Hippel, Eric; Reagle, Joseph M., Jr.; Sherry, Jr., John F.; "
                  "van den Huevel, Johan A, Jr.");
  CU_ASSERT_EQUAL (c->year, 2004);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Article with complex Authornames");
  /* as written: mte-import.c drops the resolver prefix */
  ASSERT_FIELD (c, MTE_RECORD_DOI, "http://dx.doi.org/10.1109/MSP.2004.81");
  c = by_key (&p, "deBraga2001");
  ASSERT_AUTHORS (c, "deBraga, Michael");
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "The postcranial anatomy of Procolophon (Parareptilia: "
                "Procolophonidae) and its implications for the origin of turtles");
  CU_ASSERT_PTR_NULL (c->fields[MTE_RECORD_DOI]);
  parsed_clear (&p);

  p = parse_interop ("bibtex/jabref_Chocolate.bib");
  c = by_key (&p, "Corti_2009");
  ASSERT_AUTHORS (c, "Corti, Roberto; Flammer, Andreas J.; Hollenberg, Norman K.; "
                  "L\u00fcscher, Thomas F.");
  CU_ASSERT_EQUAL (c->year, 2009);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Cocoa and Cardiovascular Health");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10.1161/circulationaha.108.827022");
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Circulation");
  ASSERT_FIELD (c, MTE_RECORD_PAGES, "1433-1441");
  parsed_clear (&p);

  p = parse_interop ("bibtex/betterbibtex_bbt-export_384-565-566.bib");
  ASSERT_AUTHORS (by_key (&p, "dupuydeclinchamps"), "du Puy de Clinchamps, Philippe");
  ASSERT_AUTHORS (by_key (&p, "miesvanderrohe"), "Mies van der Rohe, Ludwig");
  ASSERT_AUTHORS (by_key (&p, "nationalaeronauticsandspaceadministration"),
                  "National Aeronautics and Space Administration");
  ASSERT_AUTHORS (by_key (&p, "beauvoir"), "de Beauvoir, Simone");
  parsed_clear (&p);

  p = parse_interop ("bibtex/betterbiblatex_bbt-export_2624-cjk.bib");
  c = by_key (&p, "Dongfang.HansAuthorDongfangBubai");
  ASSERT_AUTHORS (c, "\u4e1c\u65b9\u4e0d\u8d25");
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Hans Author: Dongfang Bubai");
  CU_ASSERT_EQUAL (c->year, 0);
  parsed_clear (&p);

  /* decoded by mte_import_decode(): UTF-16 LE with a BOM, windows-1252 */
  p = parse_interop ("bibtex/jabref_tiny-LE-withBOM.bib");
  c = nth (&p, 0);
  ASSERT_AUTHORS (c, "Verwilghen, D.; Busoni, V.; van Galen, G.; Wilke, M.");
  CU_ASSERT_EQUAL (c->year, 2011);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Investigation of the best suture pattern to close a stuffed Christmas turkey");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10.1136/vr.d6221");
  parsed_clear (&p);

  p = parse_interop ("bibtex/jabref_encoding-windows-1252-with-header.bib");
  ASSERT_FIELD (nth (&p, 0), MTE_RECORD_ABSTRACT, "25\u00b0 C");
  parsed_clear (&p);

  p = parse_interop ("bibtex/calibre_bbt-import_3338.bib");
  c = nth (&p, 0);
  ASSERT_AUTHORS (c, "Consortium, DAISY");
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Fundamental Accessibility Tests: Basic Functionality");
  CU_ASSERT_EQUAL (c->year, 0);           /* year = "100" */
  CU_ASSERT_EQUAL (c->problems->len, 1);
  parsed_clear (&p);
}

static void
test_interop_csl_json (void)
{
  Parsed p = parse_interop ("csl-json/betterbibtex_bbt-export_1179.csl.json");
  MteCitation *c;

  c = by_key (&p, "brittain2004");
  ASSERT_AUTHORS (c, "Brittain, Ian");
  CU_ASSERT_EQUAL (c->year, 2004);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Perceptions of disability and their impact upon "
                "involvement in sport for people with disabilities at all levels");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10/fqd6hj");
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Journal of Sport and Social Issues");
  c = by_key (&p, "jackson2013a");
  ASSERT_AUTHORS (c, "Jackson, Steven J.; Scherer, Jay");
  CU_ASSERT_EQUAL (c->year, 2013);
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10/gfzrhz");
  c = by_key (&p, "courtofarbitrationforsport2019");
  ASSERT_AUTHORS (c, "Court of Arbitration for Sport");
  CU_ASSERT_PTR_NULL (c->fields[MTE_RECORD_DOI]);
  parsed_clear (&p);

  p = parse_interop ("csl-json/betterbibtex_bbt-export_360-811-dates.csl.json");
  CU_ASSERT_EQUAL (by_key (&p, "doe13_season_2017")->year, 2017);   /* season */
  CU_ASSERT_EQUAL (by_key (&p, "doe9_edtf_2011")->year, 2011);      /* circa, range */
  CU_ASSERT_EQUAL (by_key (&p, "doe14_date2010_2010")->year, 2011); /* string year */
  c = by_key (&p, "t5");                                            /* negative year */
  CU_ASSERT_EQUAL (c->year, 0);
  CU_ASSERT_EQUAL (c->problems->len, 1);
  ASSERT_AUTHORS (c, "Doe5, John");
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "BC tests: -0333");
  parsed_clear (&p);

  p = parse_interop ("csl-json/zotero-translators_CSLJSON-test0.json");
  c = nth (&p, 0);
  ASSERT_AUTHORS (c, "Bachar, Mostafa");
  CU_ASSERT_EQUAL (c->year, 2013);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Stochastic biomathematical models: With applications to neuronal modeling");
  CU_ASSERT_PTR_NULL (c->fields[MTE_RECORD_DOI]);
  MTE_ASSERT_STR (c->key, "http://zotero.org/users/96641/items/BDQRTS3T");
  parsed_clear (&p);
}

static void
test_interop_endnote (void)
{
  Parsed p = parse_interop ("endnote-xml/bookends-13_jabref_EndnoteXmlImporterTestArticle.xml");
  MteCitation *c;

  c = nth (&p, 0);
  ASSERT_AUTHORS (c, "Ahmad, AS; Ormiston-Smith, N; Sasieni, PD");
  CU_ASSERT_EQUAL (c->year, 2015);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Trends in the lifetime risk of developing cancer in Great "
                "Britain: comparison of risk for those born from 1930 to 1960");
  ASSERT_FIELD (c, MTE_RECORD_DOI, "10.1038/bjc.2014.606");
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Br J Cancer");
  CU_ASSERT_EQUAL (c->line, 4);
  CU_ASSERT_EQUAL (c->keywords->len, 13);
  parsed_clear (&p);

  p = parse_interop ("endnote-xml/endnote-16_zotero-translators_EndnoteXML-test1.xml");
  c = nth (&p, 0);
  CU_ASSERT_EQUAL (c->authors->len, 0);
  CU_ASSERT_EQUAL (c->year, 0);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Plain Bold Italics Underline Superscript Subscript "
                "SymbolFont CourierNew SmallerSize Size12 TimesNewRoman-Bold-Italics-Underline-Superscript");
  parsed_clear (&p);

  p = parse_interop ("endnote-xml/endnote_zotero-translators_EndnoteXML-test0.xml");
  c = nth (&p, 1);
  ASSERT_AUTHORS (c, "Dunnett, Nigel; Kingsbury, No\u00ebl");
  CU_ASSERT_EQUAL (c->year, 2008);
  ASSERT_FIELD (c, MTE_RECORD_TITLE, "Planting green roofs and living walls");
  CU_ASSERT_PTR_NULL (c->fields[MTE_RECORD_DOI]);
  c = nth (&p, 5);
  MTE_ASSERT_STR (c->type, "Book Section");
  ASSERT_AUTHORS (c, "Mares, Isabela");
  CU_ASSERT_EQUAL (c->year, 2001);
  ASSERT_FIELD (c, MTE_RECORD_SOURCE, "Varieties of capitalism. The institutional foundations "
                "of comparative advantage");
  ASSERT_FIELD (c, MTE_RECORD_PAGES, "184-213");
  parsed_clear (&p);
}

int
main (int argc, char **argv)
{
  static const MteTestCase inline_cases[] = {
    { "BibTeX: LaTeX to Unicode", test_bibtex_latex },
    { "BibTeX: names", test_bibtex_names },
    { "BibTeX: fields, macros, comments", test_bibtex_fields },
    { "BibTeX: unbalanced entries skipped", test_bibtex_unbalanced },
    { "BibTeX: malformed input", test_bibtex_malformed },
    { "CSL-JSON: items", test_csl_json_items },
    { "CSL-JSON: malformed input", test_csl_json_malformed },
    { "EndNote XML: records", test_endnote_records },
    { "EndNote XML: refused input", test_endnote_refused },
  };
  static const MteTestCase interop_cases[] = {
    { "interop: every file, counts", test_interop_counts },
    { "interop: BibTeX by hand", test_interop_bibtex },
    { "interop: CSL-JSON by hand", test_interop_csl_json },
    { "interop: EndNote XML by hand", test_interop_endnote },
  };

  if (argc == 3 && strcmp (argv[1], "--interop") == 0)
    {
      interop_dir = argv[2];
      if (!g_file_test (interop_dir, G_FILE_TEST_IS_DIR))
        {
          printf ("SKIP: %s is absent\n", interop_dir);
          return 77;
        }
      return mte_test_run ("parsers-interop", interop_cases, G_N_ELEMENTS (interop_cases));
    }
  return mte_test_run ("parsers", inline_cases, G_N_ELEMENTS (inline_cases));
}
