/* Tests: report renderers. CSV and Markdown are compared byte for byte,
 * JSON is parsed back with json-glib, DOT is fed to Graphviz when found.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "../common/mte-test.h"

/*
 * Three studies in project order S1 (2001), S2 (2002), S3 (2003), with
 * labels that need escaping in every format:
 *   S1: c1 'Say "hi", ok' (grounded in quote q1, two lines), q1
 *   S2: c2 'a|b'
 *   S3: c3 (no label), refutes K1 (rationale with a quote and a comma)
 *   K1 'Ünïcode, "quoted"' ← c1, c2;  K2 "pipe | and\nnewline" ← c3;
 *   K3 'plain', unexpressed.
 *   T1 'Finding "one"\\\nnext' rests on K1; T2 'Second' on K2;
 *   link T1 → T2 'leads "to"'; T1 at level individual of a framework.
 */
static MteProject *
project (void)
{
  MteProject *p = mte_project_new ();
  MteConstruct *c;
  MteTranslation *t;
  MteFramework *f;

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("S%u", i);
      MteStudy *s = mte_project_add_study (p, id, NULL);

      CU_ASSERT (mte_study_set_year (s, 2000 + (int) i, NULL));
    }
  c = mte_study_add_construct (mte_project_lookup_study (p, "S1"), "q1", MTE_CONSTRUCT_FIRST_ORDER,
                               "I said: \"no\"\nthen left", NULL);
  CU_ASSERT (mte_construct_set_speaker (c, "woman, 54", NULL));
  c = mte_study_add_construct (mte_project_lookup_study (p, "S1"), "c1", MTE_CONSTRUCT_SECOND_ORDER,
                               "first interpretation", NULL);
  CU_ASSERT (mte_construct_set_label (c, "Say \"hi\", ok", NULL));
  CU_ASSERT (mte_construct_add_grounding (c, "q1", NULL));
  c = mte_study_add_construct (mte_project_lookup_study (p, "S2"), "c2", MTE_CONSTRUCT_SECOND_ORDER,
                               "second", NULL);
  CU_ASSERT (mte_construct_set_label (c, "a|b", NULL));
  CU_ASSERT_PTR_NOT_NULL (mte_study_add_construct (mte_project_lookup_study (p, "S3"), "c3",
                                                   MTE_CONSTRUCT_SECOND_ORDER, "third", NULL));

  mte_project_add_concept (p, "K1", "Ünïcode, \"quoted\"", NULL);
  mte_project_add_concept (p, "K2", "pipe | and\nnewline", NULL);
  mte_project_add_concept (p, "K3", "plain", NULL);
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K1"), "c1", NULL));
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K1"), "c2", NULL));
  CU_ASSERT (mte_concept_add_expression (mte_project_lookup_concept (p, "K2"), "c3", NULL));
  t = mte_project_add_translation (p, "r1", MTE_TRANSLATION_REFUTATIONAL, "c3", "K1", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  CU_ASSERT (mte_translation_set_rationale (t, "says \"never\", clearly", NULL));

  CU_ASSERT_PTR_NOT_NULL (mte_project_add_third_order (p, "T1", "Finding \"one\"\\\nnext", NULL));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_third_order (p, "T2", "Second", NULL));
  CU_ASSERT (mte_third_order_add_basis (mte_project_lookup_third_order (p, "T1"), "K1", NULL));
  CU_ASSERT (mte_third_order_add_basis (mte_project_lookup_third_order (p, "T2"), "K2", NULL));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_argument_link (p, "L1", "T1", "T2", "leads \"to\"", NULL));
  f = mte_project_add_socio_ecological_framework (p, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  CU_ASSERT (mte_framework_classify (f, "T1", "individual", NULL));
  return p;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GError *error = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      fprintf (stderr, "invalid JSON (%s):\n%s\n", error->message, text);
      g_clear_error (&error);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

/* The object at @path ("concepts/0/cells/1"): members and array indices. */
static JsonNode *
at (JsonNode   *root,
    const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);

          node = index < json_array_get_length (array) ? json_array_get_element (array, (guint) index) : NULL;
        }
      else
        node = NULL;
    }
  if (node == NULL)
    fprintf (stderr, "no JSON value at %s\n", path);
  return node;
}

static void
assert_json_string (JsonNode *root, const char *path, const char *expected)
{
  JsonNode *node = at (root, path);

  CU_ASSERT_PTR_NOT_NULL_FATAL (node);
  if (expected == NULL)
    {
      CU_ASSERT (JSON_NODE_HOLDS_NULL (node));
      return;
    }
  CU_ASSERT_FATAL (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING);
  MTE_ASSERT_STR (json_node_get_string (node), expected);
}

static void
assert_json_int (JsonNode *root, const char *path, gint64 expected)
{
  JsonNode *node = at (root, path);

  CU_ASSERT_PTR_NOT_NULL_FATAL (node);
  CU_ASSERT_FATAL (JSON_NODE_HOLDS_VALUE (node));
  CU_ASSERT_EQUAL (json_node_get_int (node), expected);
}

static void
assert_json_length (JsonNode *root, const char *path, guint expected)
{
  JsonNode *node = at (root, path);

  CU_ASSERT_PTR_NOT_NULL_FATAL (node);
  CU_ASSERT_FATAL (JSON_NODE_HOLDS_ARRAY (node));
  CU_ASSERT_EQUAL (json_array_get_length (json_node_get_array (node)), expected);
}

/* Compares and shows the difference, which CUnit would not. */
#define ASSERT_OUTPUT(actual, expected)                                       \
  do {                                                                        \
    const char *a_ = (actual), *e_ = (expected);                              \
    CU_ASSERT_PTR_NOT_NULL_FATAL (a_);                                        \
    if (a_ != NULL && strcmp (a_, e_) != 0)                                   \
      fprintf (stderr, "\n--- expected\n%s--- got\n%s---\n", e_, a_);         \
    CU_ASSERT_STRING_EQUAL (a_ != NULL ? a_ : "", e_);                        \
  } while (0)

/* ------------------------------------------------------------------ */

static void
test_format_names (void)
{
  MTE_ASSERT_STR (mte_report_format_to_string (MTE_REPORT_TEXT), "text");
  MTE_ASSERT_STR (mte_report_format_to_string (MTE_REPORT_CSV), "csv");
  MTE_ASSERT_STR (mte_report_format_to_string (MTE_REPORT_MARKDOWN), "markdown");
  MTE_ASSERT_STR (mte_report_format_to_string (MTE_REPORT_JSON), "json");
  MTE_ASSERT_STR (mte_report_format_to_string (MTE_REPORT_DOT), "dot");
  MTE_ASSERT_STR (mte_report_format_to_string (MTE_REPORT_HTML), "html");
  MTE_ASSERT_STR (mte_report_format_to_string (MTE_REPORT_DOCX), "docx");
  CU_ASSERT_PTR_NULL (mte_report_format_to_string ((MteReportFormat) 42));
  for (int f = MTE_REPORT_TEXT; f <= MTE_REPORT_DOCX; f++)
    CU_ASSERT_EQUAL (mte_report_format_from_string (mte_report_format_to_string (f)), f);
  CU_ASSERT_EQUAL (mte_report_format_from_string ("md"), MTE_REPORT_MARKDOWN);
  CU_ASSERT_EQUAL (mte_report_format_from_string ("htm"), -1);
  CU_ASSERT_EQUAL (mte_report_format_from_string ("pdf"), -1);
  CU_ASSERT_EQUAL (mte_report_format_from_string (""), -1);
  CU_ASSERT_EQUAL (mte_report_format_from_string ("CSV"), -1);
}

static void
test_unsupported (void)
{
  g_autoptr (MteProject) p = project ();
  MteGrid *grid = mte_grid_new (p, MTE_STUDY_ORDER_PROJECT);
  MteRelatedness *r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.25);
  MteTranslationTable *t = mte_translation_table_new (p, MTE_STUDY_ORDER_PROJECT);
  MteCheckReport *checks = mte_project_check (p, 2);
  MteLineOfArgument *loa = mte_line_of_argument_new (p, 2);
  MteSuggestions *s = mte_suggestions_new (p, 0.3);
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (mte_grid_render (grid, MTE_REPORT_DOT, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_relatedness_render (r, MTE_REPORT_DOT, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_translation_table_render (t, MTE_REPORT_DOT, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_saturation_render (t, MTE_REPORT_DOT, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_check_report_render (checks, MTE_REPORT_DOT, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_line_of_argument_render (loa, MTE_REPORT_CSV, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  MTE_ASSERT_STR (error->message, "the line of argument has no csv format");
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_suggestions_render (s, MTE_REPORT_CSV, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_suggestions_render (s, MTE_REPORT_DOT, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  /* HTML and DOCX are the review report's alone. */
  for (int f = MTE_REPORT_HTML; f <= MTE_REPORT_DOCX; f++)
    {
      CU_ASSERT_PTR_NULL (mte_grid_render (grid, f, &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_PTR_NULL (mte_relatedness_render (r, f, &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_PTR_NULL (mte_translation_table_render (t, f, &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_PTR_NULL (mte_saturation_render (t, f, &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_PTR_NULL (mte_check_report_render (checks, f, &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_PTR_NULL (mte_line_of_argument_render (loa, f, &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
      CU_ASSERT_PTR_NULL (mte_suggestions_render (s, f, &error));
      MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
    }
  /* An out-of-range value is an error too, not a crash. */
  CU_ASSERT_PTR_NULL (mte_grid_render (grid, (MteReportFormat) 99, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  /* NULL error location is allowed. */
  CU_ASSERT_PTR_NULL (mte_line_of_argument_render (loa, MTE_REPORT_CSV, NULL));

  mte_suggestions_free (s);
  mte_line_of_argument_free (loa);
  mte_check_report_free (checks);
  mte_translation_table_free (t);
  mte_relatedness_free (r);
  mte_grid_free (grid);
}

static void
test_grid (void)
{
  g_autoptr (MteProject) p = project ();
  MteGrid *grid = mte_grid_new (p, MTE_STUDY_ORDER_PROJECT);
  g_autofree char *csv = mte_grid_render (grid, MTE_REPORT_CSV, NULL);
  g_autofree char *md = mte_grid_render (grid, MTE_REPORT_MARKDOWN, NULL);
  g_autofree char *text = mte_grid_render (grid, MTE_REPORT_TEXT, NULL);
  g_autofree char *json = mte_grid_render (grid, MTE_REPORT_JSON, NULL);
  g_autoptr (JsonNode) root = parse_json (json);

  ASSERT_OUTPUT (csv,
                 "concept_id,concept,S1,S2,S3\r\n"
                 "K1,\"Ünïcode, \"\"quoted\"\"\",\"Say \"\"hi\"\", ok\",a|b,\r\n"
                 "K2,\"pipe | and\nnewline\",,,c3\r\n"
                 "K3,plain,,,\r\n");
  ASSERT_OUTPUT (md,
                 "| concept             | studies | S1           | S2   | S3  |\n"
                 "| ------------------- | ------: | ------------ | ---- | --- |\n"
                 "| Ünïcode, \"quoted\"   |       2 | Say \"hi\", ok | a\\|b |     |\n"
                 "| pipe \\| and newline |       1 |              |      | c3  |\n"
                 "| plain               |       0 |              |      |     |\n"
                 "\n"
                 "Order: project (no index study); ties: none: every study has its own place, in the order added.\n");
  ASSERT_OUTPUT (text,
                 "concept             studies  S1            S2   S3\n"
                 "------------------  -------  ------------  ---  --\n"
                 "Ünïcode, \"quoted\"         2  Say \"hi\", ok  a|b\n"
                 "pipe | and newline        1                     c3\n"
                 "plain                     0\n"
                 "\n"
                 "Order: project (no index study); ties: none: every study has its own place, in the order added.\n");

  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_string (root, "order", "project");
  assert_json_length (root, "studies", 3);
  assert_json_string (root, "studies/2", "S3");
  assert_json_length (root, "concepts", 3);
  assert_json_string (root, "concepts/0/label", "Ünïcode, \"quoted\"");
  assert_json_string (root, "concepts/1/label", "pipe | and\nnewline");
  assert_json_int (root, "concepts/0/studies", 2);
  assert_json_length (root, "concepts/0/cells", 2);
  assert_json_string (root, "concepts/0/cells/0/study", "S1");
  assert_json_string (root, "concepts/0/cells/0/constructs/0/id", "c1");
  assert_json_string (root, "concepts/0/cells/0/constructs/0/label", "Say \"hi\", ok");
  assert_json_string (root, "concepts/0/cells/0/constructs/0/quotes/0/text", "I said: \"no\"\nthen left");
  assert_json_string (root, "concepts/0/cells/0/constructs/0/quotes/0/speaker", "woman, 54");
  assert_json_string (root, "concepts/1/cells/0/constructs/0/label", NULL);
  assert_json_length (root, "concepts/2/cells", 0);
  mte_grid_free (grid);

  /* Another order is named as such. */
  mte_study_set_index_study (mte_project_lookup_study (p, "S3"), TRUE);
  grid = mte_grid_new (p, MTE_STUDY_ORDER_INDEX);
  g_free (json);
  json = mte_grid_render (grid, MTE_REPORT_JSON, NULL);
  json_node_unref (root);
  root = parse_json (json);
  assert_json_string (root, "order", "index");
  assert_json_string (root, "studies/0", "S3");
  assert_json_string (root, "study_order/order", "index");
  assert_json_string (root, "study_order/index_studies/0", "S3");
  assert_json_string (root, "study_order/index_study_chosen_by", "team");
  CU_ASSERT_PTR_NOT_NULL (strstr (json_node_get_string (at (root, "study_order/ties")), "project order"));
  mte_grid_free (grid);
}

static void
test_relatedness (void)
{
  g_autoptr (MteProject) p = project ();
  MteRelatedness *r = mte_relatedness_new (p, MTE_STUDY_ORDER_PROJECT, 0.25);
  g_autofree char *csv = mte_relatedness_render (r, MTE_REPORT_CSV, NULL);
  g_autofree char *md = mte_relatedness_render (r, MTE_REPORT_MARKDOWN, NULL);
  g_autofree char *text = mte_relatedness_render (r, MTE_REPORT_TEXT, NULL);
  g_autofree char *json = mte_relatedness_render (r, MTE_REPORT_JSON, NULL);
  g_autoptr (JsonNode) root = parse_json (json);

  ASSERT_OUTPUT (csv,
                 "study_a,study_b,shared,jaccard,cluster_a,cluster_b\r\n"
                 "S1,S1,1,1,1,1\r\n"
                 "S1,S2,1,1,1,1\r\n"
                 "S1,S3,0,0,1,2\r\n"
                 "S2,S1,1,1,1,1\r\n"
                 "S2,S2,1,1,1,1\r\n"
                 "S2,S3,0,0,1,2\r\n"
                 "S3,S1,0,0,2,1\r\n"
                 "S3,S2,0,0,2,1\r\n"
                 "S3,S3,1,1,2,2\r\n");
  ASSERT_OUTPUT (md,
                 "Shared key concepts (Jaccard similarity):\n"
                 "\n"
                 "| study |       S1 |       S2 |       S3 |\n"
                 "| ----- | -------: | -------: | -------: |\n"
                 "| S1    | 1 (1.00) | 1 (1.00) | 0 (0.00) |\n"
                 "| S2    | 1 (1.00) | 1 (1.00) | 0 (0.00) |\n"
                 "| S3    | 0 (0.00) | 0 (0.00) | 1 (1.00) |\n"
                 "\n"
                 "Clusters:\n"
                 "\n"
                 "- Cluster 1: S1, S2\n"
                 "- Cluster 2: S3\n"
                 "\n"
                 "Order: project (no index study); ties: none: every study has its own place, in the order added.\n");
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\nClusters\n  1: S1, S2\n  2: S3\n"));

  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_string (root, "studies/2/id", "S3");
  assert_json_int (root, "studies/2/cluster", 2);
  assert_json_int (root, "studies/0/concepts", 1);
  assert_json_int (root, "shared/0/1", 1);
  assert_json_int (root, "shared/0/2", 0);
  CU_ASSERT_DOUBLE_EQUAL (json_node_get_double (at (root, "jaccard/1/0")), 1.0, 1e-12);
  assert_json_length (root, "clusters", 2);
  assert_json_int (root, "clusters/0/number", 1);
  assert_json_string (root, "clusters/0/studies/1", "S2");
  mte_relatedness_free (r);
}

static void
test_translation_table (void)
{
  g_autoptr (MteProject) p = project ();
  MteTranslationTable *t = mte_translation_table_new (p, MTE_STUDY_ORDER_PROJECT);
  g_autofree char *csv = mte_translation_table_render (t, MTE_REPORT_CSV, NULL);
  g_autofree char *md = mte_translation_table_render (t, MTE_REPORT_MARKDOWN, NULL);
  g_autofree char *json = mte_translation_table_render (t, MTE_REPORT_JSON, NULL);
  g_autoptr (JsonNode) root = parse_json (json);

  ASSERT_OUTPUT (csv,
                 "concept_id,concept,first_study,S1,S2,S3\r\n"
                 "K1,\"Ünïcode, \"\"quoted\"\"\",S1,expresses,expresses,refutes\r\n"
                 "K2,\"pipe | and\nnewline\",S3,,,expresses\r\n"
                 "K3,plain,,,,\r\n");
  ASSERT_OUTPUT (md,
                 "| concept             | first | S1  | S2  | S3  |\n"
                 "| ------------------- | ----- | --- | --- | --- |\n"
                 "| Ünïcode, \"quoted\"   | S1    | ✓   | ✓   | ✗   |\n"
                 "| pipe \\| and newline | S3    | ·   | ·   | ✓   |\n"
                 "| plain               | -     | ·   | ·   | ·   |\n"
                 "\n"
                 "Legend: ✓ expresses, ✗ refutes, ± both, · absent\n"
                 "\n"
                 "Order: project (no index study); ties: none: every study has its own place, in the order added.\n");

  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_string (root, "studies/0", "S1");
  assert_json_string (root, "concepts/0/id", "K1");
  assert_json_string (root, "concepts/0/first_study", "S1");
  assert_json_string (root, "concepts/0/cells/2", "refutes");
  assert_json_string (root, "concepts/1/cells/0", "absent");
  assert_json_string (root, "concepts/2/first_study", NULL);
  mte_translation_table_free (t);
}

static void
test_saturation (void)
{
  g_autoptr (MteProject) p = project ();
  MteTranslationTable *t = mte_translation_table_new (p, MTE_STUDY_ORDER_PROJECT);
  g_autofree char *csv = mte_saturation_render (t, MTE_REPORT_CSV, NULL);
  g_autofree char *md = mte_saturation_render (t, MTE_REPORT_MARKDOWN, NULL);
  g_autofree char *text = mte_saturation_render (t, MTE_REPORT_TEXT, NULL);
  g_autofree char *json = mte_saturation_render (t, MTE_REPORT_JSON, NULL);
  g_autoptr (JsonNode) root = parse_json (json);

  ASSERT_OUTPUT (csv,
                 "position,study,new_concepts,cumulative_concepts\r\n"
                 "1,S1,1,1\r\n"
                 "2,S2,0,1\r\n"
                 "3,S3,1,2\r\n");
  ASSERT_OUTPUT (md,
                 "| position | study | new concepts | cumulative |\n"
                 "| -------: | ----- | -----------: | ---------: |\n"
                 "|        1 | S1    |            1 |          1 |\n"
                 "|        2 | S2    |            0 |          1 |\n"
                 "|        3 | S3    |            1 |          2 |\n"
                 "\n"
                 "The last study, S3 (position 3 of 3), still added a concept: no saturation in this order.\n"
                 "Order: project (no index study); ties: none: every study has its own place, in the order added.\n");
  /* Half of the concepts after S1: half the bar, 20 full blocks. */
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\n  S1  ████████████████████ 1\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\n  S3  ████████████████████████████████████████ 2\n"));

  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_int (root, "studies/2/cumulative_concepts", 2);
  assert_json_int (root, "studies/1/new_concepts", 0);
  assert_json_string (root, "saturation/last_new_study", "S3");
  assert_json_int (root, "saturation/last_new_position", 3);
  CU_ASSERT_FALSE (json_node_get_boolean (at (root, "saturation/reached")));
  assert_json_string (root, "order", "project");
  assert_json_string (root, "study_order/order", "project");
  assert_json_length (root, "study_order/index_studies", 0);
  assert_json_string (root, "study_order/index_study_chosen_by", NULL);
  mte_translation_table_free (t);

  /* In index order with S3 first, S2 adds nothing after S1. */
  mte_study_set_index_study (mte_project_lookup_study (p, "S3"), TRUE);
  t = mte_translation_table_new (p, MTE_STUDY_ORDER_INDEX);
  g_free (md);
  md = mte_saturation_render (t, MTE_REPORT_MARKDOWN, NULL);
  CU_ASSERT_PTR_NOT_NULL (strstr (md, "\nNo new concept appeared after S3 (position 1 of 3): "
                                      "the 2 later studies added none.\n"));
  /* The order, its index study and who chose it, in one escaped line. */
  CU_ASSERT_PTR_NOT_NULL (strstr (md, "\nOrder: index (index study S3, chosen by the team); ties: "
                                      "index studies first, the rest by year; same year: project order; "
                                      "studies without a year last.\n"));
  g_free (json);
  json = mte_saturation_render (t, MTE_REPORT_JSON, NULL);
  json_node_unref (root);
  root = parse_json (json);
  assert_json_string (root, "study_order/index_studies/0", "S3");
  assert_json_string (root, "study_order/index_study_chosen_by", "team");
  mte_translation_table_free (t);
}

/* RFC 4180 quoting, written independently of the library's. */
static char *
csv_quote (const char *field)
{
  g_autofree char *doubled = NULL;
  g_auto (GStrv) parts = NULL;

  if (strpbrk (field, ",\"\r\n") == NULL)
    return g_strdup (field);
  parts = g_strsplit (field, "\"", -1);
  doubled = g_strjoinv ("\"\"", parts);
  return g_strdup_printf ("\"%s\"", doubled);
}

static void
test_checks (void)
{
  g_autoptr (MteProject) p = project ();
  MteCheckReport *report = mte_project_check (p, 2);
  g_autofree char *csv = mte_check_report_render (report, MTE_REPORT_CSV, NULL);
  g_autofree char *md = mte_check_report_render (report, MTE_REPORT_MARKDOWN, NULL);
  g_autofree char *text = mte_check_report_render (report, MTE_REPORT_TEXT, NULL);
  g_autofree char *json = mte_check_report_render (report, MTE_REPORT_JSON, NULL);
  g_autoptr (JsonNode) root = parse_json (json);
  g_autoptr (GString) expected = g_string_new ("severity,code,subject,message\r\n");
  guint n = mte_check_report_get_n_issues (report);
  g_autofree char *counts = NULL;

  CU_ASSERT_FATAL (n > 0);
  for (guint i = 0; i < n; i++)
    {
      MteEntity *subject = mte_check_report_get_subject (report, i);

      g_autofree char *message = csv_quote (mte_check_report_get_message (report, i));

      g_string_append_printf (expected, "%s,%s,%s,%s\r\n",
                              mte_severity_to_string (mte_check_report_get_severity (report, i)),
                              mte_check_report_get_code (report, i),
                              subject != NULL ? mte_entity_get_id (subject) : "",
                              message);
    }
  ASSERT_OUTPUT (csv, expected->str);

  counts = g_strdup_printf ("%u error%s, %u warning%s, %u note%s\n",
                            mte_check_report_count (report, MTE_SEVERITY_ERROR),
                            mte_check_report_count (report, MTE_SEVERITY_ERROR) == 1 ? "" : "s",
                            mte_check_report_count (report, MTE_SEVERITY_WARNING),
                            mte_check_report_count (report, MTE_SEVERITY_WARNING) == 1 ? "" : "s",
                            mte_check_report_count (report, MTE_SEVERITY_INFO),
                            mte_check_report_count (report, MTE_SEVERITY_INFO) == 1 ? "" : "s");
  CU_ASSERT (g_str_has_prefix (text, counts));
  CU_ASSERT (g_str_has_prefix (md, "**"));
  CU_ASSERT_PTR_NOT_NULL (strstr (md, "\n### Warnings ("));
  CU_ASSERT_PTR_NOT_NULL (strstr (md, "| code "));
  /* Errors before warnings before notes. */
  if (mte_check_report_count (report, MTE_SEVERITY_INFO) > 0)
    CU_ASSERT (strstr (text, "\nWarnings (") < strstr (text, "\nNotes ("));

  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_length (root, "issues", n);
  assert_json_int (root, "counts/warning", mte_check_report_count (report, MTE_SEVERITY_WARNING));
  assert_json_string (root, "issues/0/code", mte_check_report_get_code (report, 0));
  assert_json_string (root, "issues/0/message", mte_check_report_get_message (report, 0));
  mte_check_report_free (report);
}

static void
test_empty_checks (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteCheckReport *report = mte_project_check (p, 2);
  g_autofree char *text = mte_check_report_render (report, MTE_REPORT_TEXT, NULL);
  g_autofree char *csv = mte_check_report_render (report, MTE_REPORT_CSV, NULL);

  ASSERT_OUTPUT (text, "0 errors, 0 warnings, 0 notes\n");
  ASSERT_OUTPUT (csv, "severity,code,subject,message\r\n");
  mte_check_report_free (report);
}

static void
test_line_of_argument (void)
{
  g_autoptr (MteProject) p = project ();
  MteLineOfArgument *loa = mte_line_of_argument_new (p, 2);
  g_autofree char *md = mte_line_of_argument_render (loa, MTE_REPORT_MARKDOWN, NULL);
  g_autofree char *text = mte_line_of_argument_render (loa, MTE_REPORT_TEXT, NULL);
  g_autofree char *json = mte_line_of_argument_render (loa, MTE_REPORT_JSON, NULL);
  g_autofree char *dot = mte_line_of_argument_render (loa, MTE_REPORT_DOT, NULL);
  g_autoptr (JsonNode) root = parse_json (json);

  ASSERT_OUTPUT (md,
                 "## Line of argument\n"
                 "\n"
                 "2 findings\n"
                 "\n"
                 "### 1. Finding \"one\"\\\\ next (T1)\n"
                 "\n"
                 "- **Support:** 2 studies: S1, S2\n"
                 "- **Concepts:** Ünïcode, \"quoted\" (K1)\n"
                 "- **Second-order constructs:** 2\n"
                 "- **Confidence (GRADE-CERQual):** not assessed\n"
                 "- **Refutations:**\n"
                 "  - r1: says \"never\", clearly\n"
                 "- **Quotes** (1 of 1):\n"
                 "  - “I said: \"no\" then left” — *woman, 54* (S1)\n"
                 "\n"
                 "### 2. Second (T2) [flagged: few studies]\n"
                 "\n"
                 "- **Support:** 1 study: S3\n"
                 "- **Concepts:** pipe \\| and newline (K2)\n"
                 "- **Second-order constructs:** 1\n"
                 "- **Confidence (GRADE-CERQual):** not assessed\n"
                 "- **Refutations:**\n"
                 "  - r1: says \"never\", clearly\n"
                 "\n"
                 "### Links\n"
                 "\n"
                 "- Finding \"one\"\\\\ next → leads \"to\" → Second\n"
                 "\n"
                 "### Unused concepts\n"
                 "\n"
                 "plain (K3)\n"
                 "\n"
                 "### Coverage\n"
                 "\n"
                 "3 of 3 studies (100%), 2 of 3 concepts (67%)\n"
                 "\n"
                 "### Framework: Socio-ecological model\n"
                 "\n"
                 "| finding                 | Individual | Interpersonal | Community | Organisational | Societal |\n"
                 "| ----------------------- | ---------- | ------------- | --------- | -------------- | -------- |\n"
                 "| 1. Finding \"one\"\\\\ next | ✓          |               |           |                |          |\n"
                 "| 2. Second               |            |               |           |                |          |\n");
  CU_ASSERT (g_str_has_prefix (text, "Line of argument: 2 findings\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\nCoverage: 3 of 3 studies (100%), 2 of 3 concepts (67%)\n"));

  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_length (root, "findings", 2);
  assert_json_string (root, "findings/0/label", "Finding \"one\"\\\nnext");
  assert_json_int (root, "findings/0/support", 2);
  assert_json_length (root, "findings/0/studies", 2);
  assert_json_string (root, "findings/0/studies/1", "S2");
  CU_ASSERT_FALSE (json_node_get_boolean (at (root, "findings/0/flagged")));
  assert_json_string (root, "findings/0/quotes/0/speaker", "woman, 54");
  assert_json_string (root, "findings/0/refutations/0/rationale", "says \"never\", clearly");
  assert_json_string (root, "findings/0/confidence", "not-assessed");
  CU_ASSERT (json_node_get_boolean (at (root, "findings/1/flagged")));
  CU_ASSERT (JSON_NODE_HOLDS_NULL (at (root, "findings/0/cycle")));
  assert_json_string (root, "links/0/relation", "leads \"to\"");
  assert_json_string (root, "unused_concepts/0/id", "K3");
  assert_json_int (root, "coverage/concepts/covered", 2);
  assert_json_string (root, "frameworks/0/findings/0/levels/0", "individual");
  assert_json_length (root, "frameworks/0/findings/1/levels", 0);

  /* Labels are escaped and wrapped; flagged findings are dashed. */
  CU_ASSERT_PTR_NOT_NULL (strstr (dot, "f1 [label=\"Finding \\\"one\\\"\\\\ next\\n(2 studies)\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (dot, "f1 -> f2 [label=\"leads \\\"to\\\"\"];\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (dot, "dashed"));
  CU_ASSERT (g_str_has_prefix (dot, "digraph line_of_argument {\n"));
  mte_line_of_argument_free (loa);
}

static void
test_empty_line_of_argument (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteLineOfArgument *loa = mte_line_of_argument_new (p, 2);
  g_autofree char *text = mte_line_of_argument_render (loa, MTE_REPORT_TEXT, NULL);
  g_autofree char *dot = mte_line_of_argument_render (loa, MTE_REPORT_DOT, NULL);
  g_autofree char *json = mte_line_of_argument_render (loa, MTE_REPORT_JSON, NULL);
  g_autoptr (JsonNode) root = parse_json (json);

  ASSERT_OUTPUT (text,
                 "Line of argument: 0 findings\n"
                 "\n"
                 "Unused concepts: none\n"
                 "Coverage: 0 of 0 studies (0%), 0 of 0 concepts (0%)\n");
  CU_ASSERT (g_str_has_suffix (dot, "}\n"));
  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_length (root, "findings", 0);
  assert_json_length (root, "frameworks", 0);
  mte_line_of_argument_free (loa);
}

static void
test_suggestions (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  MteSuggestions *s;
  g_autofree char *md = NULL;
  g_autofree char *json = NULL;
  g_autoptr (JsonNode) root = NULL;

  /* Two concepts expressed by the same two studies: affinity 1. */
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *study = g_strdup_printf ("S%u", i);
      MteStudy *st = mte_project_add_study (p, study, NULL);

      for (guint k = 1; k <= 2; k++)
        {
          g_autofree char *id = g_strdup_printf ("c%u%u", i, k);

          mte_study_add_construct (st, id, MTE_CONSTRUCT_SECOND_ORDER, id, NULL);
        }
    }
  mte_project_add_concept (p, "A", "a*b", NULL);
  mte_project_add_concept (p, "B", "c|d", NULL);
  mte_concept_add_expression (mte_project_lookup_concept (p, "A"), "c11", NULL);
  mte_concept_add_expression (mte_project_lookup_concept (p, "A"), "c21", NULL);
  mte_concept_add_expression (mte_project_lookup_concept (p, "B"), "c12", NULL);
  mte_concept_add_expression (mte_project_lookup_concept (p, "B"), "c22", NULL);
  s = mte_suggestions_new (p, 0.3);
  CU_ASSERT_EQUAL_FATAL (mte_suggestions_get_n (s), 1);
  md = mte_suggestions_render (s, MTE_REPORT_MARKDOWN, NULL);
  json = mte_suggestions_render (s, MTE_REPORT_JSON, NULL);
  root = parse_json (json);

  ASSERT_OUTPUT (md,
                 "1 suggested grouping of concepts (for the team to judge; nothing is recorded)\n"
                 "\n"
                 "|   # | concepts   | affinity | studies | translations |\n"
                 "| --: | ---------- | -------: | ------: | -----------: |\n"
                 "|   1 | a\\*b; c\\|d |     1.00 |       2 |            0 |\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_string (root, "suggestions/0/concepts/1/label", "c|d");
  CU_ASSERT_DOUBLE_EQUAL (json_node_get_double (at (root, "suggestions/0/affinity")), 1.0, 1e-12);
  assert_json_int (root, "suggestions/0/studies", 2);
  mte_suggestions_free (s);
}

/* Quotes, backslashes, the control characters a project can hold and
 * non-ASCII text survive a JSON round trip (tests/render/test-writers.c
 * covers every control character). */
static void
test_json_escaping (void)
{
  g_autoptr (MteProject) p = mte_project_new ();
  const char *label = "q\"b\\s/\t\n\r é 中 \xe2\x80\xa8 end \\";
  MteGrid *grid;
  g_autofree char *json = NULL;
  g_autoptr (JsonNode) root = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (mte_project_add_concept (p, "K", label, NULL));
  grid = mte_grid_new (p, MTE_STUDY_ORDER_PROJECT);
  json = mte_grid_render (grid, MTE_REPORT_JSON, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (json);
  CU_ASSERT_PTR_NOT_NULL (strstr (json, "\"q\\\"b\\\\s/\\t\\n\\r é 中 \\u2028 end \\\\\""));
  root = parse_json (json);
  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  assert_json_string (root, "concepts/0/label", label);
  mte_grid_free (grid);
}

/* Every report in every format it has, on the 29-study example. */
static void
test_warmth_all (void)
{
  GError *error = NULL;
  g_autoptr (MteProject) p = mte_project_load_from_file (MTE_WARMTH_XML, MTE_LOAD_FLAGS_NONE, &error);
  MteGrid *grid;
  MteRelatedness *r;
  MteTranslationTable *t;
  MteCheckReport *checks;
  MteLineOfArgument *loa;
  MteSuggestions *s;

  MTE_ASSERT_NO_ERROR (error);
  grid = mte_grid_new (p, MTE_STUDY_ORDER_INDEX);
  r = mte_relatedness_new (p, MTE_STUDY_ORDER_INDEX, MTE_RELATEDNESS_DEFAULT_THRESHOLD);
  t = mte_translation_table_new (p, MTE_STUDY_ORDER_INDEX);
  checks = mte_project_check (p, MTE_CHECK_DEFAULT_MIN_STUDIES);
  loa = mte_line_of_argument_new (p, MTE_CHECK_DEFAULT_MIN_STUDIES);
  s = mte_suggestions_new (p, MTE_SUGGESTIONS_DEFAULT_THRESHOLD);

  for (int f = MTE_REPORT_TEXT; f <= MTE_REPORT_DOT; f++)
    {
      char *out[7] = {
        mte_grid_render (grid, f, NULL),
        mte_relatedness_render (r, f, NULL),
        mte_translation_table_render (t, f, NULL),
        mte_saturation_render (t, f, NULL),
        mte_check_report_render (checks, f, NULL),
        mte_line_of_argument_render (loa, f, NULL),
        mte_suggestions_render (s, f, NULL),
      };
      gboolean has[7] = { f != MTE_REPORT_DOT, f != MTE_REPORT_DOT, f != MTE_REPORT_DOT,
                          f != MTE_REPORT_DOT, f != MTE_REPORT_DOT, f != MTE_REPORT_CSV,
                          f != MTE_REPORT_CSV && f != MTE_REPORT_DOT };

      for (guint i = 0; i < G_N_ELEMENTS (out); i++)
        {
          CU_ASSERT_EQUAL (out[i] != NULL, has[i]);
          if (out[i] == NULL)
            continue;
          CU_ASSERT (g_utf8_validate (out[i], -1, NULL));
          CU_ASSERT (g_str_has_suffix (out[i], "\n"));
          if (f == MTE_REPORT_JSON)
            {
              JsonNode *root = parse_json (out[i]);

              CU_ASSERT (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
              if (root != NULL)
                json_node_unref (root);
            }
          g_free (out[i]);
        }
    }
  mte_suggestions_free (s);
  mte_line_of_argument_free (loa);
  mte_check_report_free (checks);
  mte_translation_table_free (t);
  mte_relatedness_free (r);
  mte_grid_free (grid);
}

/* The bytes written to a file descriptor. */
static char *
written (int fd)
{
  GString *s = g_string_new (NULL);
  char buf[4096];
  gssize n;

  CU_ASSERT (lseek (fd, 0, SEEK_SET) == 0);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (s, buf, n);
  return g_string_free (s, FALSE);
}

/* mte_*_render_to_fd() write exactly what mte_*_render() returns, refuse
 * the formats the string renderers refuse, and report write errors. */
static void
test_render_to_fd (void)
{
  GError *error = NULL;
  g_autoptr (MteProject) warmth = mte_project_load_from_file (MTE_WARMTH_XML, MTE_LOAD_FLAGS_NONE, &error);
  g_autoptr (MteProject) small = project ();
  MteProject *projects[] = { small, warmth };

  MTE_ASSERT_NO_ERROR (error);
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autoptr (MteGrid) grid = mte_grid_new (projects[i], MTE_STUDY_ORDER_INDEX);
      g_autoptr (MteRelatedness) r = mte_relatedness_new (projects[i], MTE_STUDY_ORDER_INDEX, 0.2);
      g_autoptr (MteTranslationTable) t = mte_translation_table_new (projects[i], MTE_STUDY_ORDER_INDEX);

      for (int f = MTE_REPORT_TEXT; f <= MTE_REPORT_DOT; f++)
        for (guint k = 0; k < 3; k++)
          {
            g_autofree char *path = NULL;
            g_autofree char *expected = NULL;
            g_autofree char *got = NULL;
            int fd = g_file_open_tmp ("mte-render-XXXXXX.txt", &path, &error);
            gboolean ok;

            MTE_ASSERT_NO_ERROR (error);
            CU_ASSERT_FATAL (fd >= 0);
            switch (k)
              {
              case 0:
                expected = mte_grid_render (grid, f, NULL);
                ok = mte_grid_render_to_fd (grid, f, fd, &error);
                break;
              case 1:
                expected = mte_relatedness_render (r, f, NULL);
                ok = mte_relatedness_render_to_fd (r, f, fd, &error);
                break;
              default:
                expected = mte_translation_table_render (t, f, NULL);
                ok = mte_translation_table_render_to_fd (t, f, fd, &error);
                break;
              }
            got = written (fd);
            if (f == MTE_REPORT_DOT)
              {
                CU_ASSERT (expected == NULL);
                CU_ASSERT (!ok);
                CU_ASSERT (g_error_matches (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE));
                CU_ASSERT_STRING_EQUAL (got, "");
                g_clear_error (&error);
              }
            else
              {
                CU_ASSERT (ok);
                MTE_ASSERT_NO_ERROR (error);
                CU_ASSERT_PTR_NOT_NULL_FATAL (expected);
                CU_ASSERT_STRING_EQUAL (got, expected);
              }
            g_close (fd, NULL);
            g_unlink (path);
          }

      /* A descriptor open for reading only: the write fails, with errno's
       * message, for the streamed formats and for JSON. */
      for (int f = MTE_REPORT_TEXT; f <= MTE_REPORT_JSON; f++)
        {
          int fd = g_open (MTE_WARMTH_XML, O_RDONLY, 0);

          CU_ASSERT_FATAL (fd >= 0);
          CU_ASSERT (!mte_grid_render_to_fd (grid, f, fd, &error));
          CU_ASSERT (error != NULL && error->domain == G_FILE_ERROR);
          g_clear_error (&error);
          CU_ASSERT (!mte_relatedness_render_to_fd (r, f, fd, &error));
          CU_ASSERT (error != NULL && error->domain == G_FILE_ERROR);
          g_clear_error (&error);
          CU_ASSERT (!mte_translation_table_render_to_fd (t, f, fd, &error));
          CU_ASSERT (error != NULL && error->domain == G_FILE_ERROR);
          g_clear_error (&error);
          g_close (fd, NULL);
        }
    }
}

static void
run_dot (const char *source)
{
  const char *argv[] = { MTE_DOT, "-Tsvg", NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GError *error = NULL;
  int status = -1;
  int fd = g_file_open_tmp ("mte-render-XXXXXX.dot", &path, &error);

  MTE_ASSERT_NO_ERROR (error);
  g_close (fd, NULL);
  CU_ASSERT_FATAL (g_file_set_contents (path, source, -1, &error));
  argv[2] = path;
  CU_ASSERT (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &out, &err, &status, &error));
  MTE_ASSERT_NO_ERROR (error);
  if (!g_spawn_check_wait_status (status, NULL))
    fprintf (stderr, "dot failed: %s\n", err);
  CU_ASSERT (g_spawn_check_wait_status (status, NULL));
  CU_ASSERT_PTR_NOT_NULL (out != NULL ? strstr (out, "<svg") : NULL);
  g_unlink (path);
}

static void
test_dot_graphviz (void)
{
  GError *error = NULL;
  g_autoptr (MteProject) warmth = NULL;
  g_autoptr (MteProject) small = project ();
  MteLineOfArgument *loa;
  g_autofree char *dot = NULL;
  g_autofree char *small_dot = NULL;

  if (MTE_DOT[0] == '\0')
    {
      fprintf (stderr, "dot not found: skipped ");
      return;
    }
  warmth = mte_project_load_from_file (MTE_WARMTH_XML, MTE_LOAD_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  loa = mte_line_of_argument_new (warmth, MTE_CHECK_DEFAULT_MIN_STUDIES);
  dot = mte_line_of_argument_render (loa, MTE_REPORT_DOT, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (dot, "subgraph cluster_cycle1 {"));
  run_dot (dot);
  mte_line_of_argument_free (loa);

  /* Quotes, backslashes and newlines in labels. */
  loa = mte_line_of_argument_new (small, 2);
  small_dot = mte_line_of_argument_render (loa, MTE_REPORT_DOT, NULL);
  run_dot (small_dot);
  mte_line_of_argument_free (loa);
}

static const MteTestCase cases[] = {
  { "format names", test_format_names },
  { "unsupported formats", test_unsupported },
  { "grid", test_grid },
  { "relatedness", test_relatedness },
  { "translation table", test_translation_table },
  { "saturation", test_saturation },
  { "checks", test_checks },
  { "checks of an empty project", test_empty_checks },
  { "line of argument", test_line_of_argument },
  { "empty line of argument", test_empty_line_of_argument },
  { "suggestions", test_suggestions },
  { "JSON escaping", test_json_escaping },
  { "warmth example, every report and format", test_warmth_all },
  { "render to a file descriptor", test_render_to_fd },
  { "DOT through Graphviz", test_dot_graphviz },
};

MTE_TEST_MAIN ("render", cases)
