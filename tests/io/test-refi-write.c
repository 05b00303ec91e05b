/* metaethno: tests of the REFI-QDA export (lib/io/mte-refi-write.c).
 *
 * White-box: calls mte_refi_write_project() and mte_refi_write_codebook()
 * directly, without the archive around them. The project document of the
 * warmth example and of small projects built here must validate against
 * REFI-QDA's Project.xsd (the codebook against Codebook.xsd), come out
 * byte for byte the same when written twice, and have every selection's
 * [start, end) cover exactly its construct's text, counted in UTF-16 code units.
 * GUIDs are checked against values computed independently with Python's
 * uuid.uuid5(), and every GUID the document refers to must be defined in
 * it. The schemas live beside the source tree (../shared/refi); without
 * them the schema checks say they skip.
 *
 * Arguments: --schemas DIR (Project.xsd, Codebook.xsd) and --warmth FILE.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "mte-refi-private.h"

#include "../common/mte-test.h"

static const char *schema_dir;
static const char *warmth_path;

#define PROJECT_NS "urn:QDA-XML:project:1.0"
#define CODEBOOK_NS "urn:QDA-XML:codebook:1.0"

/* Values computed from the namespace of mte-refi-write.c with
 *   /usr/bin/python3 -c "import uuid; print(uuid.uuid5(uuid.UUID(
 *     '2e6a68fb-3ef0-4827-a5f1-53262401f71b'), 'KIND:ID'))"
 * so that the implementation is checked against another one. */
static const struct {
  const char *kind;
  const char *id;
  const char *guid;
} known_guids[] = {
  { "study", "s1", "51541fb4-3260-51ac-955a-a6ec609b817c" },
  { "construct", "okonkwo2014-q1", "54488662-cdbd-5ae9-b0c2-5a0ab4dbfc00" },
  { "concept", "warmth", "5237db9d-bdde-527b-9dce-40f18713c2f2" },
  { "code", "first-order-constructs", "581ea56d-2b32-5b86-bbc8-c086fe29c88c" },
  { "member", "\xE6\x97\xA5\xE6\x9C\xAC", "5793c52e-b734-5bf4-9dfb-f8053e828a87" },
};

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static gboolean
have_schemas (const char *what)
{
  g_autofree char *project = NULL;

  if (schema_dir != NULL)
    {
      project = g_build_filename (schema_dir, "Project.xsd", NULL);
      if (g_file_test (project, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  printf ("\n    skipped %s: no REFI-QDA schemas (../shared/refi)\n", what);
  return FALSE;
}

static void
collect_error (void *data, const xmlError *error)
{
  g_string_append_printf (data, "  line %d: %s", error->line, error->message);
}

/* Whether @xml validates against @xsd (a file of the schema folder);
 * prints what the validator found otherwise. */
static gboolean
validates (const char *xml, gsize length, const char *xsd)
{
  g_autofree char *path = g_build_filename (schema_dir, xsd, NULL);
  g_autoptr (GString) errors = g_string_new (NULL);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (path);
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr valid;
  xmlDocPtr doc;
  int rc = -1;

  g_assert (parser != NULL);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert (schema != NULL);
  valid = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (valid, (xmlStructuredErrorFunc) collect_error, errors);
  doc = xmlReadMemory (xml, (int) length, "export.xml", NULL, XML_PARSE_NONET);
  if (doc != NULL)
    rc = xmlSchemaValidateDoc (valid, doc);
  else
    g_string_append (errors, "  not well-formed\n");
  if (rc != 0)
    printf ("\n    %s does not validate:\n%s", xsd, errors->str);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (schema);
  return rc == 0;
}

static GBytes *
part_data (GPtrArray *parts, const char *name)
{
  for (guint i = 0; i < parts->len; i++)
    {
      MteRefiPart *part = parts->pdata[i];

      if (strcmp (part->name, name) == 0)
        return part->data;
    }
  return NULL;
}

static GPtrArray *
export (const MteProject *project, MteRefiReport *report)
{
  GPtrArray *parts = NULL;
  GError *error = NULL;

  CU_ASSERT_TRUE (mte_refi_write_project (project, &parts, report, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (parts);
  CU_ASSERT_TRUE_FATAL (parts->len >= 1);
  MTE_ASSERT_STR (((MteRefiPart *) parts->pdata[0])->name, "project.qde");
  return parts;
}

static const char *
qde_of (GPtrArray *parts, gsize *length)
{
  return g_bytes_get_data (((MteRefiPart *) parts->pdata[0])->data, length);
}

static xmlDocPtr
parse (const char *xml, gsize length)
{
  xmlDocPtr doc = xmlReadMemory (xml, (int) length, "export.xml", NULL, XML_PARSE_NONET);

  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  return doc;
}

/* The nodes @expr selects (prefix q: for the project namespace, c: for
 * the codebook's); free with xmlXPathFreeObject(). */
static xmlXPathObjectPtr
select_nodes (xmlDocPtr doc, xmlNodePtr context, const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (ctx, BAD_CAST "q", BAD_CAST PROJECT_NS);
  xmlXPathRegisterNs (ctx, BAD_CAST "c", BAD_CAST CODEBOOK_NS);
  if (context != NULL)
    ctx->node = context;
  result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  xmlXPathFreeContext (ctx);
  g_assert (result != NULL);
  return result;
}

static guint
count_nodes (xmlDocPtr doc, const char *expr)
{
  xmlXPathObjectPtr result = select_nodes (doc, NULL, expr);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* The string value of @expr (an attribute or element), newly allocated;
 * NULL when it selects nothing. */
static char *
string_at (xmlDocPtr doc, const char *expr)
{
  xmlXPathObjectPtr result = select_nodes (doc, NULL, expr);
  char *value = NULL;

  if (result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);

      value = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return value;
}

static char *
attr (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
is_v5_uuid (const char *guid)
{
  return g_regex_match_simple ("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
                               guid, 0, 0);
}

/* Every guid attribute is a v5 UUID and unique; every attribute that
 * refers to a GUID names one the document defines. */
static void
check_guids (xmlDocPtr doc)
{
  g_autoptr (GHashTable) defined = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlXPathObjectPtr guids = select_nodes (doc, NULL, "//@guid");
  xmlXPathObjectPtr refs = select_nodes (doc, NULL,
                                         "//@targetGUID | //@representedGUID | //@originGUID | "
                                         "//@sourceVertex | //@targetVertex | //@creatingUser");

  for (int i = 0; guids->nodesetval != NULL && i < guids->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (guids->nodesetval->nodeTab[i]);

      CU_ASSERT_TRUE (is_v5_uuid ((const char *) value));
      if (g_hash_table_contains (defined, value))
        {
          printf ("\n    GUID %s defined twice\n", (const char *) value);
          CU_FAIL ("a GUID is defined twice");
        }
      g_hash_table_add (defined, g_strdup ((const char *) value));
      xmlFree (value);
    }
  for (int i = 0; refs->nodesetval != NULL && i < refs->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (refs->nodesetval->nodeTab[i]);

      if (!g_hash_table_contains (defined, value))
        {
          printf ("\n    GUID %s referred to but not defined\n", (const char *) value);
          CU_FAIL ("a reference to an undefined GUID");
        }
      xmlFree (value);
    }
  xmlXPathFreeObject (guids);
  xmlXPathFreeObject (refs);
}

/* Every construct of an included study has a selection of its study's
 * source whose UTF-16 code units [start, end) are exactly its text (with CR LF
 * and CR read as LF); the source texts are UTF-8 with LF and no BOM.
 * Returns the number of selections checked. */
static guint
check_selections (const MteProject *project, GPtrArray *parts)
{
  g_autoptr (GHashTable) constructs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize length;
  const char *qde = qde_of (parts, &length);
  xmlDocPtr doc = parse (qde, length);
  xmlXPathObjectPtr sources = select_nodes (doc, NULL, "/q:Project/q:Sources/q:TextSource");
  guint n_checked = 0;
  guint n_expected = 0;

  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    {
      MteStudy *study = mte_project_get_study (project, i);

      for (guint j = 0; j < mte_study_get_n_constructs (study); j++)
        {
          MteConstruct *c = mte_study_get_construct (study, j);

          g_hash_table_insert (constructs, mte_refi_guid ("construct", mte_construct_get_id (c)), c);
          n_expected += !mte_study_is_excluded (study);
        }
    }

  for (int i = 0; sources->nodesetval != NULL && i < sources->nodesetval->nodeNr; i++)
    {
      xmlNodePtr source = sources->nodesetval->nodeTab[i];
      g_autofree char *guid = attr (source, "guid");
      g_autofree char *path = attr (source, "plainTextPath");
      g_autofree char *expected_path = g_strdup_printf ("internal://%s.txt", guid);
      g_autofree char *part_name = g_strdup_printf ("sources/%s.txt", guid);
      GBytes *bytes = part_data (parts, part_name);
      g_autofree char *text = NULL;
      g_autofree gunichar2 *units = NULL;
      glong n_chars = 0;

      MTE_ASSERT_STR (path, expected_path);
      CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      CU_ASSERT_EQUAL (strlen (text), g_bytes_get_size (bytes));
      CU_ASSERT_TRUE_FATAL (g_utf8_validate (text, -1, NULL));
      CU_ASSERT_FALSE (g_str_has_prefix (text, "\xEF\xBB\xBF"));
      CU_ASSERT_PTR_NULL (strchr (text, '\r'));
      /* Positions count UTF-16 code units (docs/refi.md): counted here
       * by GLib's converter, independently of the library. */
      units = g_utf8_to_utf16 (text, -1, NULL, &n_chars, NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL (units);

      for (xmlNodePtr sel = source->children; sel != NULL; sel = sel->next)
        {
          g_autofree char *sel_guid = NULL;
          g_autofree char *start_text = NULL;
          g_autofree char *end_text = NULL;
          g_autofree char *selected = NULL;
          g_autofree char *expected = NULL;
          g_auto (GStrv) lines = NULL;
          MteConstruct *c;
          gint64 start, end;

          if (sel->type != XML_ELEMENT_NODE || strcmp ((const char *) sel->name, "PlainTextSelection") != 0)
            continue;
          sel_guid = attr (sel, "guid");
          start_text = attr (sel, "startPosition");
          end_text = attr (sel, "endPosition");
          c = g_hash_table_lookup (constructs, sel_guid);
          CU_ASSERT_PTR_NOT_NULL_FATAL (c);
          /* The selection belongs to its construct's study's source. */
          {
            g_autofree char *study_guid = mte_refi_guid ("study",
                                                         mte_study_get_id (mte_construct_get_study (c)));

            MTE_ASSERT_STR (study_guid, guid);
          }
          start = g_ascii_strtoll (start_text, NULL, 10);
          end = g_ascii_strtoll (end_text, NULL, 10);
          CU_ASSERT_TRUE_FATAL (0 <= start && start <= end && end <= n_chars);
          selected = g_utf16_to_utf8 (units + start, (glong) (end - start), NULL, NULL, NULL);
          CU_ASSERT_PTR_NOT_NULL_FATAL (selected);
          /* The construct's text as a reader of the file sees it. */
          lines = g_regex_split_simple ("\r\n|\r", mte_construct_get_text (c), 0, 0);
          expected = g_strjoinv ("\n", lines);
          if (strcmp (selected, expected) != 0)
            printf ("\n    selection of %s: '%s' instead of '%s'\n",
                    mte_construct_get_id (c), selected, expected);
          MTE_ASSERT_STR (selected, expected);
          n_checked++;
        }
    }
  CU_ASSERT_EQUAL (n_checked, n_expected);
  xmlXPathFreeObject (sources);
  xmlFreeDoc (doc);
  return n_checked;
}

static gboolean
same_parts (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      MteRefiPart *pa = a->pdata[i];
      MteRefiPart *pb = b->pdata[i];

      if (strcmp (pa->name, pb->name) != 0 || !g_bytes_equal (pa->data, pb->data))
        return FALSE;
    }
  return TRUE;
}

/* The index of the loss entry @what, or -1. */
static int
find_loss (const MteRefiReport *report, const char *what)
{
  for (guint i = 0; i < mte_refi_report_get_n_losses (report); i++)
    if (strcmp (mte_refi_report_get_loss (report, i, NULL, NULL), what) == 0)
      return (int) i;
  return -1;
}

static guint
loss_count (const MteRefiReport *report, const char *what)
{
  int index = find_loss (report, what);
  guint count = 0;

  if (index >= 0)
    mte_refi_report_get_loss (report, (guint) index, NULL, &count);
  return count;
}

static guint
made_count (const MteRefiReport *report, const char *what)
{
  for (guint i = 0; i < mte_refi_report_get_n_made (report); i++)
    {
      guint count = 0;
      const char *made = mte_refi_report_get_made (report, i, &count);

      if (strcmp (made, what) == 0)
        return count;
    }
  return 0;
}

static gboolean
has_detail (const MteRefiReport *report, const char *what, const char *prefix)
{
  int index = find_loss (report, what);

  for (guint i = 0; index >= 0 && i < mte_refi_report_get_n_details (report, (guint) index); i++)
    if (g_str_has_prefix (mte_refi_report_get_detail (report, (guint) index, i), prefix))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* GUIDs                                                              */
/* ------------------------------------------------------------------ */

static void
test_guid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_guids); i++)
    {
      g_autofree char *guid = mte_refi_guid (known_guids[i].kind, known_guids[i].id);
      g_autofree char *again = mte_refi_guid (known_guids[i].kind, known_guids[i].id);

      MTE_ASSERT_STR (guid, known_guids[i].guid);
      MTE_ASSERT_STR (guid, again);
      CU_ASSERT_TRUE (is_v5_uuid (guid));
    }
  {
    /* The kind is part of the name: the same id of two kinds differs. */
    g_autofree char *a = mte_refi_guid ("study", "x1");
    g_autofree char *b = mte_refi_guid ("case", "x1");
    g_autofree char *c = mte_refi_guid ("study", "x2");

    CU_ASSERT_STRING_NOT_EQUAL (a, b);
    CU_ASSERT_STRING_NOT_EQUAL (a, c);
    CU_ASSERT_TRUE (is_v5_uuid (a) && is_v5_uuid (b) && is_v5_uuid (c));
  }
}

/* ------------------------------------------------------------------ */
/* The warmth example                                                 */
/* ------------------------------------------------------------------ */

static MteProject *
load_warmth (void)
{
  GError *error = NULL;
  MteProject *project;

  CU_ASSERT_PTR_NOT_NULL_FATAL (warmth_path);
  project = mte_project_load_from_file (warmth_path, MTE_LOAD_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  return project;
}

static void
test_warmth (void)
{
  g_autoptr (MteProject) project = load_warmth ();
  g_autoptr (MteProject) reloaded = load_warmth ();
  g_autoptr (MteRefiReport) report = mte_refi_report_new ();
  g_autoptr (GPtrArray) parts = export (project, report);
  g_autoptr (GPtrArray) again = export (project, NULL);
  g_autoptr (GPtrArray) other = export (reloaded, NULL);
  gsize length;
  const char *qde = qde_of (parts, &length);
  xmlDocPtr doc = parse (qde, length);
  guint n_selections;
  guint n_constructs = 0;

  /* Written twice, or from the file loaded again: the same bytes. */
  CU_ASSERT_TRUE (same_parts (parts, again));
  CU_ASSERT_TRUE (same_parts (parts, other));
  CU_ASSERT_EQUAL (parts->len, 1 + mte_project_get_n_included_studies (project));

  if (have_schemas ("Project.xsd validation of the warmth example"))
    CU_ASSERT_TRUE (validates (qde, length, "Project.xsd"));
  check_guids (doc);
  n_selections = check_selections (project, parts);
  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    n_constructs += mte_study_get_n_constructs (mte_project_get_study (project, i));
  CU_ASSERT_EQUAL (n_selections, n_constructs);

  /* The convention's shape. */
  CU_ASSERT_EQUAL (count_nodes (doc, "/q:Project/q:CodeBook/q:Codes/q:Code"), 4);
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Code[@name='Key concepts'][@isCodable='false']/q:Code"),
                   mte_project_get_n_concepts (project));
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Code[@name='Third-order constructs'][@isCodable='false']/q:Code"),
                   mte_project_get_n_third_orders (project));
  CU_ASSERT_EQUAL (count_nodes (doc, "/q:Project/q:Cases/q:Case"), mte_project_get_n_studies (project));
  CU_ASSERT_EQUAL (count_nodes (doc, "/q:Project/q:Cases/q:Case/q:SourceRef"),
                   mte_project_get_n_studies (project));
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Graph[@name='Line of argument']/q:Vertex"),
                   mte_project_get_n_third_orders (project));
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Graph/q:Edge[@direction='OneWay']"),
                   mte_project_get_n_argument_links (project));
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Set[@name='metaethno: translation rationales']/q:MemberNote"),
                   made_count (report, "notes") - mte_project_get_n_memos (project));
  CU_ASSERT_EQUAL (count_nodes (doc, "/q:Project/q:Notes/q:Note"), made_count (report, "notes"));
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Link[@name='grounded in']"), 130);
  CU_ASSERT_TRUE (count_nodes (doc, "//q:Link[@name='basis']") > 0);
  /* Every memo is referred to from its subject but two: one on a
   * translation and one on a framework, which REFI cannot refer from. */
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:NoteRef"), mte_project_get_n_memos (project) - 2);
  {
    g_autofree char *name = string_at (doc, "/q:Project/@name");
    g_autofree char *okonkwo_guid = mte_refi_guid ("study", "okonkwo2014");
    g_autofree char *expr = g_strdup_printf ("//q:TextSource[@guid='%s']/@name", okonkwo_guid);
    g_autofree char *source_name = string_at (doc, expr);
    g_autofree char *created = string_at (doc, "/q:Project/@creationDateTime");

    MTE_ASSERT_STR (name, mte_project_get_title (project));
    MTE_ASSERT_STR (source_name, "Okonkwo-Reid et al. 2014");
    MTE_ASSERT_STR (created, "2023-01-09T09:00:00Z");
  }

  /* The report: what could not be carried, with one detail per item. */
  CU_ASSERT_EQUAL (loss_count (report, "translations"), mte_project_get_n_translations (project));
  CU_ASSERT_EQUAL (loss_count (report, "appraisals"), 290);
  CU_ASSERT_TRUE (has_detail (report, "appraisals", "ashworth2003: casp q4 = can't tell"));
  CU_ASSERT_TRUE (loss_count (report, "CERQual assessments") > 0);
  CU_ASSERT_TRUE (loss_count (report, "classifications") > 0);
  CU_ASSERT_TRUE (loss_count (report, "eMERGe texts") > 0);
  CU_ASSERT_TRUE (loss_count (report, "construct pages, sections and speakers") > 0);
  CU_ASSERT_TRUE (loss_count (report, "memo subjects") == 2);
  CU_ASSERT_EQUAL (made_count (report, "sources"), mte_project_get_n_included_studies (project));
  CU_ASSERT_EQUAL (made_count (report, "selections"), n_constructs);

  printf ("\n    warmth: project.qde %" G_GSIZE_FORMAT " bytes, %u sources, %u selections, "
          "%u codes, %u notes, %u links\n", length, made_count (report, "sources"),
          made_count (report, "selections"), made_count (report, "codes"),
          made_count (report, "notes"), made_count (report, "links"));
  xmlFreeDoc (doc);
}

static void
test_warmth_codebook (void)
{
  g_autoptr (MteProject) project = load_warmth ();
  g_autoptr (MteRefiReport) report = mte_refi_report_new ();
  GError *error = NULL;
  g_autofree char *qdc = mte_refi_write_codebook (project, report, &error);
  g_autofree char *again = mte_refi_write_codebook (project, NULL, &error);
  xmlDocPtr doc;

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (qdc);
  MTE_ASSERT_STR (qdc, again);
  if (have_schemas ("Codebook.xsd validation"))
    CU_ASSERT_TRUE (validates (qdc, strlen (qdc), "Codebook.xsd"));
  doc = parse (qdc, strlen (qdc));
  CU_ASSERT_EQUAL (count_nodes (doc, "/c:CodeBook/c:Codes/c:Code"), 4);
  CU_ASSERT_EQUAL (count_nodes (doc, "//c:Code"),
                   4 + mte_project_get_n_concepts (project) + mte_project_get_n_third_orders (project));
  /* Definitions and statements are the descriptions. */
  {
    MteConcept *concept = mte_project_get_concept (project, 0);
    g_autofree char *guid = mte_refi_guid ("concept", mte_concept_get_id (concept));
    g_autofree char *expr = g_strdup_printf ("//c:Code[@guid='%s']/c:Description", guid);
    g_autofree char *description = string_at (doc, expr);

    MTE_ASSERT_STR (description, mte_concept_get_definition (concept));
  }
  CU_ASSERT_EQUAL (made_count (report, "codes"),
                   4 + mte_project_get_n_concepts (project) + mte_project_get_n_third_orders (project));
  CU_ASSERT_EQUAL (loss_count (report, "studies"), mte_project_get_n_studies (project));
  /* The project's codebook and the .qdc name the same codes alike. */
  {
    g_autoptr (GPtrArray) parts = export (project, NULL);
    gsize length;
    const char *qde = qde_of (parts, &length);
    xmlDocPtr project_doc = parse (qde, length);
    xmlXPathObjectPtr a = select_nodes (doc, NULL, "//c:Code/@guid");
    xmlXPathObjectPtr b = select_nodes (project_doc, NULL, "/q:Project/q:CodeBook//q:Code/@guid");

    CU_ASSERT_EQUAL_FATAL (a->nodesetval->nodeNr, b->nodesetval->nodeNr);
    for (int i = 0; i < a->nodesetval->nodeNr; i++)
      {
        xmlChar *ga = xmlNodeGetContent (a->nodesetval->nodeTab[i]);
        xmlChar *gb = xmlNodeGetContent (b->nodesetval->nodeTab[i]);

        MTE_ASSERT_STR ((const char *) ga, (const char *) gb);
        xmlFree (ga);
        xmlFree (gb);
      }
    xmlXPathFreeObject (a);
    xmlXPathFreeObject (b);
    xmlFreeDoc (project_doc);
  }
  xmlFreeDoc (doc);
}

/* ------------------------------------------------------------------ */
/* A small project built here                                         */
/* ------------------------------------------------------------------ */

/* Labels that exercise escaping and UTF-16 counting (the emoji counts two units): CJK, Arabic and
 * Hebrew (right to left), markup characters, quotes, combining marks and
 * a character outside the Basic Multilingual Plane. */
#define ODD_TITLE "R\xC3\xA9sum\xC3\xA9 <of> \"care\" & 'trust': \xE5\x8C\xBB\xE7\x96\x97 \xD8\xB1\xD8\xB9\xD8\xA7\xD9\x8A\xD8\xA9"
#define CJK_LABEL "\xE8\xA2\xAB\xE5\x80\xBE\xE5\x90\xAC (being heard)"
#define RTL_LABEL "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D & <peace>"
#define QUOTE_TEXT "\xE2\x80\x9CThey never looked at me\xE2\x80\x9D \xF0\x9F\x98\x9E \"just\" <the> screen & e\xCC\x81"

static void
ok (gboolean result, GError *error)
{
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (result);
}

static MteProject *
small_project (void)
{
  MteProject *project = mte_project_new ();
  GError *error = NULL;
  const char * const authors[] = { "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x84\xD9\x8A, K.", "Lee, S.", "Ng, \xE5\x8D\x8E", NULL };
  MteStudy *s1, *s2, *s3;
  MteConstruct *q1, *c1, *q2, *c2, *x1;
  MteConcept *heard;
  MteThirdOrder *t1, *t2;
  MteTranslation *tr;
  MteMemo *memo;

  ok (mte_project_set_title (project, ODD_TITLE, &error), error);
  ok (mte_project_set_question (project, "What & why <now>?", &error), error);
  ok (mte_project_add_member (project, "rb", "R. B\xC3\xA4tt", "lead", &error) != NULL, error);

  s1 = mte_project_add_study (project, "s1", &error);
  ok (s1 != NULL, error);
  ok (mte_study_set_authors (s1, authors, &error), error);
  ok (mte_study_set_year (s1, 2014, &error), error);
  ok (mte_study_set_field (s1, MTE_STUDY_TITLE, "Trust <and> care", &error), error);
  ok (mte_study_set_field (s1, MTE_STUDY_SOURCE, "J & Q", &error), error);
  ok (mte_study_set_attribute (s1, "year", "an attribute named like a field", &error), error);
  q1 = mte_study_add_construct (s1, "s1-q1", MTE_CONSTRUCT_FIRST_ORDER, QUOTE_TEXT, &error);
  ok (q1 != NULL, error);
  ok (mte_construct_set_page (q1, "7", &error), error);
  ok (mte_construct_set_speaker (q1, "woman,\n54", &error), error);
  c1 = mte_study_add_construct (s1, "s1-c1", MTE_CONSTRUCT_SECOND_ORDER,
                                "Patients read coldness\r\nas disrespect.\rTwice.", &error);
  ok (c1 != NULL, error);
  ok (mte_construct_set_label (c1, CJK_LABEL, &error), error);
  ok (mte_construct_add_grounding (c1, "s1-q1", &error), error);

  s2 = mte_project_add_study (project, "s2", &error);
  ok (s2 != NULL, error);
  q2 = mte_study_add_construct (s2, "s2-q1", MTE_CONSTRUCT_FIRST_ORDER, "", &error);
  ok (q2 != NULL, error);
  c2 = mte_study_add_construct (s2, "s2-c1", MTE_CONSTRUCT_SECOND_ORDER,
                                "\xEF\xBB\xBFStarts with U+FEFF and\n\nspans paragraphs.", &error);
  ok (c2 != NULL, error);
  ok (mte_construct_set_label (c2, RTL_LABEL, &error), error);

  /* Excluded: neither source nor case; reported. */
  s3 = mte_project_add_study (project, "s3", &error);
  ok (s3 != NULL, error);
  x1 = mte_study_add_construct (s3, "s3-c1", MTE_CONSTRUCT_SECOND_ORDER, "Gone.", &error);
  ok (x1 != NULL, error);

  heard = mte_project_add_concept (project, "heard", "being heard \xE2\x80\x94 \"listened to\"", &error);
  ok (heard != NULL, error);
  ok (mte_concept_set_definition (heard, "Feeling <listened> to & understood", &error), error);
  ok (mte_concept_add_expression (heard, "s1-c1", &error), error);
  ok (mte_concept_add_expression (heard, "s2-c1", &error), error);
  ok (mte_concept_add_expression (heard, "s3-c1", &error), error);

  t1 = mte_project_add_third_order (project, "t1", "warmth \xE6\xB8\xA9\xE6\x9A\x96", &error);
  ok (t1 != NULL, error);
  ok (mte_third_order_set_statement (t1, "People want warmth.", &error), error);
  ok (mte_third_order_add_basis (t1, "heard", &error), error);
  ok (mte_third_order_add_basis (t1, "s1-q1", &error), error);
  ok (mte_third_order_add_basis (t1, "s3-c1", &error), error);
  t2 = mte_project_add_third_order (project, "t2", "family", &error);
  ok (t2 != NULL, error);
  ok (mte_project_add_argument_link (project, "l1", "t1", "t2", "leads to", &error) != NULL, error);

  tr = mte_project_add_translation (project, "tr1", MTE_TRANSLATION_RECIPROCAL, "s2-c1", "heard", &error);
  ok (tr != NULL, error);
  ok (mte_translation_set_rationale (tr, "Same idea & <words>.", &error), error);
  ok (mte_translation_set_reviewer (tr, "rb", &error), error);
  mte_translation_set_created (tr, 1600000000);

  memo = mte_project_add_memo (project, "m-study", "s1", "rb", "On the study.", &error);
  ok (memo != NULL, error);
  mte_memo_set_created (memo, 1600000001);
  memo = mte_project_add_memo (project, "m-construct", "s1-c1", NULL, "On a construct.", &error);
  ok (memo != NULL, error);
  mte_memo_set_created (memo, 1600000002);
  memo = mte_project_add_memo (project, "m-concept", "heard", NULL, "On a concept.", &error);
  ok (memo != NULL, error);
  mte_memo_set_created (memo, 0);
  memo = mte_project_add_memo (project, "m-finding", "t1", NULL, "On a finding.", &error);
  ok (memo != NULL, error);
  mte_memo_set_created (memo, 0);
  memo = mte_project_add_memo (project, "m-review", NULL, NULL, "On the review.", &error);
  ok (memo != NULL, error);
  mte_memo_set_created (memo, 0);
  memo = mte_project_add_memo (project, "m-member", "rb", NULL, "On a member.", &error);
  ok (memo != NULL, error);
  mte_memo_set_created (memo, 0);
  memo = mte_project_add_memo (project, "m-excluded", "s3", NULL, "On an excluded study.", &error);
  ok (memo != NULL, error);
  mte_memo_set_created (memo, 0);

  ok (mte_study_exclude (s3, MTE_EXCLUSION_APPRAISAL, "weak", NULL, 0, &error), error);

  mte_project_set_created (project, 1577836800);   /* 2020-01-01T00:00:00Z */
  mte_project_set_modified (project, 1577923200);  /* 2020-01-02T00:00:00Z */
  return project;
}

/* @pattern with its "%s" replaced by the GUID of KIND:ID (not printf:
 * patterns hold XPath, not formats). */
static char *
guid_expr (const char *pattern, const char *kind, const char *id)
{
  g_autofree char *guid = mte_refi_guid (kind, id);
  g_auto (GStrv) halves = g_strsplit (pattern, "%s", 2);

  g_assert (halves[0] != NULL && halves[1] != NULL);
  return g_strconcat (halves[0], guid, halves[1], NULL);
}

static guint
count_at (xmlDocPtr doc, const char *format, const char *kind, const char *id)
{
  g_autofree char *expr = guid_expr (format, kind, id);

  return count_nodes (doc, expr);
}

static void
test_small (void)
{
  g_autoptr (MteProject) project = small_project ();
  g_autoptr (MteProject) twin = small_project ();
  g_autoptr (MteRefiReport) report = mte_refi_report_new ();
  g_autoptr (GPtrArray) parts = export (project, report);
  g_autoptr (GPtrArray) twin_parts = export (twin, NULL);
  gsize length;
  const char *qde = qde_of (parts, &length);
  xmlDocPtr doc = parse (qde, length);

  /* Built twice, at two moments: the same bytes (no clock in the file). */
  CU_ASSERT_TRUE (same_parts (parts, twin_parts));
  CU_ASSERT_EQUAL (parts->len, 3);
  if (have_schemas ("Project.xsd validation of a small project"))
    CU_ASSERT_TRUE (validates (qde, length, "Project.xsd"));
  check_guids (doc);
  CU_ASSERT_EQUAL (check_selections (project, parts), 4);

  /* Odd characters survive as written. */
  {
    g_autofree char *name = string_at (doc, "/q:Project/@name");
    g_autofree char *cjk = NULL;
    g_autofree char *rtl = NULL;
    g_autofree char *concept = NULL;
    g_autofree char *definition = NULL;
    g_autofree char *description = string_at (doc, "/q:Project/q:Description");
    g_autofree char *expr = NULL;

    MTE_ASSERT_STR (name, ODD_TITLE);
    expr = guid_expr ("//q:PlainTextSelection[@guid='%s']/@name", "construct", "s1-c1");
    cjk = string_at (doc, expr);
    MTE_ASSERT_STR (cjk, CJK_LABEL);
    g_free (expr);
    expr = guid_expr ("//q:PlainTextSelection[@guid='%s']/@name", "construct", "s2-c1");
    rtl = string_at (doc, expr);
    MTE_ASSERT_STR (rtl, RTL_LABEL);
    g_free (expr);
    expr = guid_expr ("//q:Code[@guid='%s']/@name", "concept", "heard");
    concept = string_at (doc, expr);
    MTE_ASSERT_STR (concept, "being heard \xE2\x80\x94 \"listened to\"");
    g_free (expr);
    expr = guid_expr ("//q:Code[@guid='%s']/q:Description", "concept", "heard");
    definition = string_at (doc, expr);
    MTE_ASSERT_STR (definition, "Feeling <listened> to & understood");
    MTE_ASSERT_STR (description, "Review question: What & why <now>?");
  }
  /* A selection without a label is named by the construct's id. */
  CU_ASSERT_EQUAL (count_at (doc, "//q:PlainTextSelection[@guid='%s'][@name='s1-q1']",
                             "construct", "s1-q1"), 1);

  /* The excluded study is neither a source nor a case. */
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:TextSource"), 2);
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Case"), 2);
  CU_ASSERT_EQUAL (count_at (doc, "//*[@guid='%s']", "construct", "s3-c1"), 0);

  /* Codings: the order's code, the concepts it expresses, the findings
   * whose basis includes it. */
  CU_ASSERT_EQUAL (count_at (doc, "//q:PlainTextSelection[@guid='%s']/q:Coding",
                             "construct", "s1-c1"), 2);
  CU_ASSERT_EQUAL (count_at (doc, "//q:PlainTextSelection[@guid='%s']/q:Coding",
                             "construct", "s1-q1"), 2);
  {
    g_autofree char *sel = mte_refi_guid ("construct", "s1-q1");
    g_autofree char *finding = mte_refi_guid ("third-order", "t1");
    g_autofree char *expr = g_strdup_printf ("//q:PlainTextSelection[@guid='%s']/q:Coding/q:CodeRef"
                                             "[@targetGUID='%s']", sel, finding);

    CU_ASSERT_EQUAL (count_nodes (doc, expr), 1);
  }
  /* Links: grounded in (second order -> first order), basis (finding -> concept). */
  {
    g_autofree char *from = mte_refi_guid ("construct", "s1-c1");
    g_autofree char *to = mte_refi_guid ("construct", "s1-q1");
    g_autofree char *finding = mte_refi_guid ("third-order", "t1");
    g_autofree char *concept = mte_refi_guid ("concept", "heard");
    g_autofree char *grounded = g_strdup_printf ("//q:Link[@name='grounded in'][@originGUID='%s']"
                                                 "[@targetGUID='%s']", from, to);
    g_autofree char *basis = g_strdup_printf ("//q:Link[@name='basis'][@originGUID='%s']"
                                              "[@targetGUID='%s']", finding, concept);

    CU_ASSERT_EQUAL (count_nodes (doc, grounded), 1);
    CU_ASSERT_EQUAL (count_nodes (doc, basis), 1);
    CU_ASSERT_EQUAL (count_nodes (doc, "//q:Link"), 2);
  }
  /* The graph. */
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Graph/q:Vertex"), 2);
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Graph/q:Edge[@name='leads to'][@direction='OneWay']"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "//q:Vertex[@representedGUID='%s']", "third-order", "t2"), 1);

  /* Memos: referred to from their subject where REFI allows it. */
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Notes/q:Note"), 8);
  CU_ASSERT_EQUAL (count_at (doc, "//q:TextSource/q:NoteRef[@targetGUID='%s']", "memo", "m-study"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "//q:PlainTextSelection/q:NoteRef[@targetGUID='%s']",
                             "memo", "m-construct"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "//q:Code/q:NoteRef[@targetGUID='%s']", "memo", "m-concept"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "//q:Code/q:NoteRef[@targetGUID='%s']", "memo", "m-finding"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "/q:Project/q:NoteRef[@targetGUID='%s']", "memo", "m-review"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "//q:NoteRef[@targetGUID='%s']", "memo", "m-member"), 0);
  CU_ASSERT_EQUAL (count_at (doc, "//q:Note[@guid='%s']/q:Description", "memo", "m-member"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "//q:Note[@guid='%s'][@creationDateTime='2020-09-13T12:26:41Z']",
                             "memo", "m-study"), 1);
  CU_ASSERT_EQUAL (count_at (doc, "//q:Note[@guid='%s'][@creationDateTime]", "memo", "m-concept"), 0);
  /* The translation's rationale, in its set. */
  CU_ASSERT_EQUAL (count_at (doc, "//q:Set[@name='metaethno: translation rationales']"
                             "/q:MemberNote[@targetGUID='%s']", "translation", "tr1"), 1);
  {
    g_autofree char *expr = guid_expr ("//q:Note[@guid='%s']/q:PlainTextContent", "translation", "tr1");
    g_autofree char *rationale = string_at (doc, expr);

    MTE_ASSERT_STR (rationale, "Same idea & <words>.");
  }

  /* Variables: only those used; a study attribute named like a field is
   * told apart; the case holds the values. */
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Variable[@name='year']"), 1);
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Variable[@name='attribute: year']"), 1);
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Variable[@name='country']"), 0);
  CU_ASSERT_EQUAL (count_nodes (doc, "//q:Variable[@typeOfVariable!='Text']"), 0);
  CU_ASSERT_EQUAL (count_at (doc, "//q:Case[@guid='%s']/q:VariableValue", "case", "s2"), 1);
  {
    g_autofree char *the_case = mte_refi_guid ("case", "s1");
    g_autofree char *variable = mte_refi_guid ("variable", "authors");
    g_autofree char *expr = g_strdup_printf ("//q:Case[@guid='%s']/q:VariableValue[q:VariableRef/"
                                             "@targetGUID='%s']/q:TextValue", the_case, variable);
    g_autofree char *value = string_at (doc, expr);

    MTE_ASSERT_STR (value, "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x84\xD9\x8A, K.; Lee, S.; Ng, \xE5\x8D\x8E");
  }

  /* The source text: reference, blank line, heading lines. */
  {
    g_autofree char *guid = mte_refi_guid ("study", "s1");
    g_autofree char *name = g_strdup_printf ("sources/%s.txt", guid);
    GBytes *text = part_data (parts, name);
    g_autofree char *s = NULL;

    CU_ASSERT_PTR_NOT_NULL_FATAL (text);
    s = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
    CU_ASSERT_TRUE (g_str_has_prefix (s, "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x84\xD9\x8A, K., Lee, S. and "
                                         "Ng, \xE5\x8D\x8E (2014) Trust <and> care. J & Q.\n\n"
                                         "[s1-q1] first order, p. 7, speaker: woman, 54\n"));
    CU_ASSERT_PTR_NOT_NULL (strstr (s, "\n\n[s1-c1] second order\n"));
    CU_ASSERT_TRUE (g_str_has_suffix (s, "as disrespect.\nTwice.\n"));
  }
  {
    /* A study with no reference data: "(n.d.)"; its name falls back to the id. */
    g_autofree char *guid = mte_refi_guid ("study", "s2");
    g_autofree char *name = g_strdup_printf ("sources/%s.txt", guid);
    g_autofree char *expr = g_strdup_printf ("//q:TextSource[@guid='%s']/@name", guid);
    g_autofree char *source_name = string_at (doc, expr);
    GBytes *text = part_data (parts, name);
    g_autofree char *s = NULL;

    CU_ASSERT_PTR_NOT_NULL_FATAL (text);
    s = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
    CU_ASSERT_TRUE (g_str_has_prefix (s, "(n.d.)\n\n[s2-q1] first order\n\n\n[s2-c1] second order\n"));
    MTE_ASSERT_STR (source_name, "s2 n.d.");
  }

  /* The report. */
  CU_ASSERT_EQUAL (loss_count (report, "excluded studies"), 1);
  CU_ASSERT_TRUE (has_detail (report, "excluded studies", "s3: excluded at appraisal"));
  CU_ASSERT_EQUAL (loss_count (report, "memo subjects"), 2);
  CU_ASSERT_EQUAL (loss_count (report, "translations"), 1);
  CU_ASSERT_EQUAL (loss_count (report, "carriage returns"), 1);
  CU_ASSERT_EQUAL (loss_count (report, "member roles"), 1);
  CU_ASSERT_EQUAL (loss_count (report, "argument-link rationales"), 0);
  CU_ASSERT_EQUAL (loss_count (report, "construct pages, sections and speakers"), 1);
  CU_ASSERT_EQUAL (made_count (report, "sources"), 2);
  CU_ASSERT_EQUAL (made_count (report, "selections"), 4);
  CU_ASSERT_EQUAL (made_count (report, "notes"), 8);
  xmlFreeDoc (doc);

  /* The codebook of the same project. */
  if (have_schemas ("Codebook.xsd validation of a small project"))
    {
      GError *error = NULL;
      g_autofree char *qdc = mte_refi_write_codebook (project, NULL, &error);

      MTE_ASSERT_NO_ERROR (error);
      CU_ASSERT_TRUE (validates (qdc, strlen (qdc), "Codebook.xsd"));
    }
}

/* A project with nothing in it still gives valid documents, with no
 * empty containers and no dates it does not have. */
static void
test_empty (void)
{
  g_autoptr (MteProject) project = mte_project_new ();
  g_autoptr (MteRefiReport) report = mte_refi_report_new ();
  g_autoptr (GPtrArray) parts = NULL;
  GError *error = NULL;
  g_autofree char *qdc = NULL;
  gsize length;
  const char *qde;
  xmlDocPtr doc;

  mte_project_set_created (project, 0);
  mte_project_set_modified (project, 0);
  parts = export (project, report);
  CU_ASSERT_EQUAL (parts->len, 1);
  qde = qde_of (parts, &length);
  if (have_schemas ("Project.xsd validation of an empty project"))
    CU_ASSERT_TRUE (validates (qde, length, "Project.xsd"));
  doc = parse (qde, length);
  CU_ASSERT_EQUAL (count_nodes (doc, "/q:Project/*"), 1);   /* the codebook */
  CU_ASSERT_EQUAL (count_nodes (doc, "//@creationDateTime | //@modifiedDateTime"), 0);
  {
    g_autofree char *name = string_at (doc, "/q:Project/@name");

    MTE_ASSERT_STR (name, "Untitled review");
  }
  check_guids (doc);
  xmlFreeDoc (doc);
  CU_ASSERT_EQUAL (mte_refi_report_get_n_losses (report), 0);

  qdc = mte_refi_write_codebook (project, NULL, &error);
  MTE_ASSERT_NO_ERROR (error);
  if (have_schemas ("Codebook.xsd validation of an empty project"))
    CU_ASSERT_TRUE (validates (qdc, strlen (qdc), "Codebook.xsd"));
}

/* The validator really refuses what the XSD forbids: the tests above
 * could not pass by accident. */
static void
test_validator_refuses (void)
{
  static const char empty_sets[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Sets/></Project>\n";
  static const char bad_guid[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Users><User guid=\"nope\"/></Users></Project>\n";

  if (!have_schemas ("the validator's own check"))
    return;
  printf ("\n    (two expected validation failures follow)");
  CU_ASSERT_FALSE (validates (empty_sets, sizeof empty_sets - 1, "Project.xsd"));
  CU_ASSERT_FALSE (validates (bad_guid, sizeof bad_guid - 1, "Project.xsd"));
}

static const MteTestCase cases[] = {
  { "GUIDs: UUIDv5 in metaethno's namespace, as Python computes them", test_guid },
  { "the warmth example: valid, stable, selections exact, losses reported", test_warmth },
  { "the warmth example's codebook", test_warmth_codebook },
  { "a small project with odd characters, memos and an excluded study", test_small },
  { "an empty project", test_empty },
  { "the schema check refuses invalid documents", test_validator_refuses },
};

int
main (int    argc,
      char **argv)
{
  int rc;

  for (int i = 1; i + 1 < argc; i++)
    {
      if (strcmp (argv[i], "--schemas") == 0)
        schema_dir = argv[++i];
      else if (strcmp (argv[i], "--warmth") == 0)
        warmth_path = argv[++i];
    }
  rc = mte_test_run ("refi-write", cases, G_N_ELEMENTS (cases));
  xmlCleanupParser ();
  return rc;
}
