/* metaethno: error messages are one line, valid UTF-8, of bounded length.
 *
 * White-box: the helpers every library error goes through
 * (lib/mte-error-private.h), and a model error that quotes a user's value.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "mte-error-private.h"
#include "../common/mte-test.h"

static void
test_escapes (void)
{
  g_autofree char *a = mte_message_clean ("line\none\ttab\rcr\x01\x7f end");
  g_autofree char *b = mte_message_clean ("c1 \xc2\x85 ls \xe2\x80\xa8 ps \xe2\x80\xa9 ok \xc3\xa9");
  g_autofree char *c = mte_message_clean ("bad \xff\xfe bytes \xc3");
  g_autofree char *d = mte_message_path ("/tmp/a\nb-\xe9.xml");

  MTE_ASSERT_STR (a, "line\\none\\ttab\\rcr\\x01\\x7F end");
  MTE_ASSERT_STR (b, "c1 \\u0085 ls \\u2028 ps \\u2029 ok \xc3\xa9");
  MTE_ASSERT_STR (c, "bad \\xFF\\xFE bytes \\xC3");
  MTE_ASSERT_STR (d, "/tmp/a\\nb-\\xE9.xml");
}

static void
test_quoted_values_are_cut (void)
{
  g_autofree char *id = g_strnfill (10000, 'q');
  g_autofree char *raw = g_strdup_printf ("unknown reference '%s' in <grounding>", id);
  g_autofree char *clean = mte_message_clean (raw);
  g_autofree char *expected = g_strdup_printf ("unknown reference '%.*s\u2026' in <grounding>",
                                               MTE_MESSAGE_MAX_QUOTED, id);
  /* An apostrophe inside a word is not a quote; short values stay whole. */
  g_autofree char *words = mte_message_clean ("the study's label 'short' is fine");
  g_autofree char *exact = g_strdup_printf ("'%.*s'", MTE_MESSAGE_MAX_QUOTED, id);
  g_autofree char *exact_clean = mte_message_clean (exact);

  MTE_ASSERT_STR (clean, expected);
  MTE_ASSERT_STR (words, "the study's label 'short' is fine");
  MTE_ASSERT_STR (exact_clean, exact);
}

static void
test_whole_message_is_cut (void)
{
  g_autofree char *text = g_strnfill (5000, 'x');
  g_autofree char *controls = g_strnfill (5000, '\x01');
  g_autoptr(GString) c1 = g_string_new (NULL);
  g_autofree char *a = mte_message_clean (text);
  g_autofree char *b = mte_message_clean (controls);
  g_autofree char *c = NULL;

  for (int i = 0; i < 3000; i++)
    g_string_append (c1, "\xc2\x85");
  c = mte_message_clean (c1->str);
  CU_ASSERT_EQUAL (g_utf8_strlen (a, -1), MTE_MESSAGE_MAX + 1);
  CU_ASSERT_TRUE (g_str_has_suffix (a, "\u2026"));
  /* Escapes count as the characters they show. */
  CU_ASSERT_TRUE (g_utf8_strlen (b, -1) <= MTE_MESSAGE_MAX + 4);
  CU_ASSERT_TRUE (g_utf8_strlen (c, -1) <= MTE_MESSAGE_MAX + 6);
  CU_ASSERT_TRUE (g_utf8_validate (c, -1, NULL));
}

/* A model error quoting what a user typed stays one line. */
static void
test_model_error (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strconcat ("two\nlines", NULL);

  CU_ASSERT_PTR_NULL (mte_project_add_memo (project, NULL, id, NULL, "text", &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "two\\nlines"));
  CU_ASSERT_TRUE (g_utf8_validate (error->message, -1, NULL));
}

int
main (void)
{
  static const MteTestCase cases[] = {
    { "control characters and stray bytes escaped", test_escapes },
    { "quoted values cut", test_quoted_values_are_cut },
    { "whole message cut", test_whole_message_is_cut },
    { "a model error stays one line", test_model_error },
  };

  return mte_test_run ("messages", cases, G_N_ELEMENTS (cases));
}
