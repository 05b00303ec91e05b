/* Tests (white-box): the writers shared by the renderers, on input the
 * model would never hold (every control character, invalid UTF-8,
 * non-finite numbers).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-render-private.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "../common/mte-test.h"

static void
test_json_controls (void)
{
  g_autoptr (GString) text = g_string_new ("\"\\/");
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  GError *error = NULL;

  for (char c = 1; c < 0x20; c++)
    g_string_append_c (text, c);
  g_string_append (text, "\x7f é \xe2\x80\xa8\xe2\x80\xa9");
  mte_json_escape (out, text->str);
  MTE_ASSERT_STR (out->str,
                  "\"\\\"\\\\/\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                  "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019"
                  "\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\x7f é \\u2028\\u2029\"");
  CU_ASSERT (json_parser_load_from_data (parser, out->str, -1, &error));
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (json_node_get_string (json_parser_get_root (parser)), text->str);

  /* Invalid UTF-8 is repaired, never copied through. */
  g_string_truncate (out, 0);
  mte_json_escape (out, "a\xff" "b");
  CU_ASSERT (g_utf8_validate (out->str, -1, NULL));
}

static void
test_json_writer (void)
{
  MteJsonWriter *w = mte_json_writer_new ();
  g_autofree char *json = NULL;

  mte_json_begin_object (w);
  mte_json_member_double (w, "nan", NAN);
  mte_json_member_double (w, "inf", -INFINITY);
  mte_json_member_double (w, "third", 1.0 / 3.0);
  mte_json_member_double (w, "tenth", 0.1);
  mte_json_member_double (w, "big", 1e300);
  mte_json_member_string (w, "none", NULL);
  mte_json_key (w, "empty");
  mte_json_begin_array (w);
  mte_json_end_array (w);
  mte_json_key (w, "list");
  mte_json_begin_array (w);
  mte_json_uint (w, 1);
  mte_json_int (w, -2);
  mte_json_bool (w, TRUE);
  mte_json_begin_object (w);
  mte_json_end_object (w);
  mte_json_end_array (w);
  mte_json_end_object (w);
  json = mte_json_writer_finish (w);
  MTE_ASSERT_STR (json,
                  "{\n"
                  "  \"nan\": null,\n"
                  "  \"inf\": null,\n"
                  "  \"third\": 0.3333333333333333,\n"
                  "  \"tenth\": 0.1,\n"
                  "  \"big\": 1e+300,\n"
                  "  \"none\": null,\n"
                  "  \"empty\": [],\n"
                  "  \"list\": [\n"
                  "    1,\n"
                  "    -2,\n"
                  "    true,\n"
                  "    {}\n"
                  "  ]\n"
                  "}\n");
}

static MteTable *
sample (void)
{
  MteTable *t = mte_table_new ();

  mte_table_add_column (t, "name", MTE_ALIGN_LEFT);
  mte_table_add_column (t, "n", MTE_ALIGN_RIGHT);
  mte_table_begin_row (t);
  mte_table_add_cell (t, "héllo, \"w\"");
  mte_table_add_cell_uint (t, 7);
  mte_table_begin_row (t);
  mte_table_add_cell (t, "a|b\nc\td");
  mte_table_add_cell_printf (t, "%d", 123);
  mte_table_begin_row (t);   /* short row: padded */
  mte_table_add_cell (t, "x");
  return t;
}

static void
test_table (void)
{
  g_autoptr (MteTable) t = sample ();
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GString) md = g_string_new (NULL);

  mte_table_render (t, MTE_REPORT_TEXT, "> ", text);
  mte_table_render (t, MTE_REPORT_CSV, NULL, csv);
  mte_table_render (t, MTE_REPORT_MARKDOWN, NULL, md);
  MTE_ASSERT_STR (text->str,
                  "> name          n\n"
                  "> ----------  ---\n"
                  "> héllo, \"w\"    7\n"
                  "> a|b c d     123\n"
                  "> x\n");
  MTE_ASSERT_STR (csv->str,
                  "name,n\r\n"
                  "\"héllo, \"\"w\"\"\",7\r\n"
                  "\"a|b\nc\td\",123\r\n"
                  "x,\r\n");
  MTE_ASSERT_STR (md->str,
                  "| name       |   n |\n"
                  "| ---------- | --: |\n"
                  "| héllo, \"w\" |   7 |\n"
                  "| a\\|b c d   | 123 |\n"
                  "| x          |     |\n");
}

static void
test_helpers (void)
{
  char buf[MTE_RENDER_NUMBER_SIZE];
  g_autofree char *line = mte_render_one_line ("a\n\n\tb\r\nc");
  g_autoptr (GString) md = g_string_new (NULL);

  MTE_ASSERT_STR (line, "a b c");
  mte_render_markdown_inline (md, "*x* _y_ [z](u) <b> `c` a|b ~s~ \\");
  MTE_ASSERT_STR (md->str, "\\*x\\* \\_y\\_ \\[z\\](u) \\<b\\> \\`c\\` a\\|b \\~s\\~ \\\\");
  MTE_ASSERT_STR (mte_render_fixed (buf, 2, 1.0 / 3.0), "0.33");
  MTE_ASSERT_STR (mte_render_fixed (buf, 0, NAN), "-");
  MTE_ASSERT_STR (mte_render_number (buf, 2.0), "2");
}

static const MteTestCase cases[] = {
  { "JSON control characters", test_json_controls },
  { "JSON writer", test_json_writer },
  { "table in three formats", test_table },
  { "helpers", test_helpers },
};

MTE_TEST_MAIN ("render-writers", cases)
