/* metaethno: tests of the project file reader, writer and atomic save.
 *
 * Usage: test-io --data-dir DIR --schema XSD [--xmllint PATH] [--tmp-dir DIR]
 *                [--fixture NAME | --fixtures | --api]
 *
 * Every tests/data/valid-*.xml must load, round-trip to an equal model and
 * to identical bytes, and validate with xmllint against the schema. Every
 * tests/data/fail-*.xml must fail with "FILE:LINE:COL: ..." and the code
 * and message fragment written in its sidecar fail-*.expected (line 1: the
 * MteFormatError name without prefix; line 2: a fragment, possibly empty).
 * With --fixture only that file is tested; with --fixtures every fixture
 * found in the folder when the program runs (so a new fixture is covered
 * before meson is reconfigured); with --api only the programmatic tests
 * run; with none of these, everything.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CUnit/Basic.h>
#include <glib/gstdio.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

#include "mte-io-private.h"

static const char *data_dir;
static const char *schema_path;
static const char *xmllint_path;
static char *tmp_dir;

static GPtrArray *valid_files;
static GPtrArray *fail_files;
static guint next_valid;
static guint next_fail;

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static char *
tmp_file (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean
has_location_prefix (const char *message, const char *file)
{
  const char *p;

  if (!g_str_has_prefix (message, file))
    return FALSE;
  p = message + strlen (file);
  for (int part = 0; part < 2; part++)
    {
      if (*p++ != ':')
        return FALSE;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return p[0] == ':' && p[1] == ' ';
}

static void
xmllint_validate (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GError *error = NULL;
  int status = 0;
  const char *argv[] = { xmllint_path, "--noout", "--nonet", "--schema", schema_path, path, NULL };

  if (xmllint_path == NULL)
    return;
  CU_ASSERT_TRUE (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                &out, &err, &status, &error));
  if (error != NULL)
    {
      g_printerr ("xmllint: %s\n", error->message);
      g_clear_error (&error);
      return;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_printerr ("xmllint rejects %s: %s\n", path, err);
  CU_ASSERT_TRUE (g_spawn_check_wait_status (status, NULL));
}

static int
code_from_name (const char *name)
{
  static const char * const names[] = {
    "FAILED", "MALFORMED", "FORBIDDEN", "TOO_LARGE", "SCHEMA",
    "UNSUPPORTED_VERSION", "DUPLICATE_ID", "UNKNOWN_REFERENCE", "INVALID_VALUE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      return (int) i;
  return -1;
}

/* Checks a failed load: format domain, expected code, location prefix,
 * fragment, and that nothing of /etc/passwd leaked into the message. */
static void
check_error (const GError *error, const char *file, int code, const char *fragment)
{
  const char *loc_file = NULL;
  int line = 0, column = 0;

  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  if (error->domain != MTE_FORMAT_ERROR || error->code != code)
    g_printerr ("%s: expected code %d, got %s %d: %s\n", file, code,
                g_quark_to_string (error->domain), error->code, error->message);
  CU_ASSERT_EQUAL (error->domain, MTE_FORMAT_ERROR);
  CU_ASSERT_EQUAL (error->code, code);
  if (!has_location_prefix (error->message, file))
    g_printerr ("no FILE:LINE:COL prefix: %s\n", error->message);
  CU_ASSERT_TRUE (has_location_prefix (error->message, file));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_printerr ("'%s' not in: %s\n", fragment, error->message);
  CU_ASSERT_TRUE (fragment == NULL || strstr (error->message, fragment) != NULL);
  CU_ASSERT_PTR_NULL (strstr (error->message, "root:"));
  CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
  CU_ASSERT_TRUE (mte_format_error_get_location (error, &loc_file, &line, &column));
  CU_ASSERT_STRING_EQUAL (loc_file, file);
  CU_ASSERT_TRUE (line >= 1);
  CU_ASSERT_TRUE (column >= 1);
}

static char *
save_and_read (const MteProject *project, const char *name)
{
  g_autofree char *path = tmp_file (name);
  GError *error = NULL;
  char *contents = NULL;

  CU_ASSERT_TRUE (mte_project_save_to_file (project, path, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_PTR_NULL (error);
  g_clear_error (&error);
  CU_ASSERT_TRUE (g_file_get_contents (path, &contents, NULL, NULL));
  g_unlink (path);
  return contents;
}

/* ------------------------------------------------------------------ */
/* Data-driven cases                                                  */
/* ------------------------------------------------------------------ */

static void
check_valid (const char *name)
{
  g_autofree char *path = g_build_filename (data_dir, name, NULL);
  g_autofree char *data1 = NULL;
  g_autofree char *data1b = NULL;
  g_autofree char *data2 = NULL;
  g_autofree char *saved1 = NULL;
  g_autofree char *saved2 = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr (MteProject) p1 = NULL;
  g_autoptr (MteProject) p2 = NULL;
  g_autoptr (MteProject) p3 = NULL;
  GError *error = NULL;
  gsize len1 = 0;

  p1 = mte_project_load_from_file (path, MTE_LOAD_FLAGS_NONE, &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  CU_ASSERT_PTR_NULL (error);
  g_clear_error (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p1);

  /* load → save → load gives an equal model */
  data1 = mte_project_to_data (p1, &len1, MTE_SAVE_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data1);
  CU_ASSERT_EQUAL (len1, strlen (data1));
  p2 = mte_project_load_from_data (data1, (gssize) len1, "round-trip", MTE_LOAD_FLAGS_NONE, &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p2);
  CU_ASSERT_TRUE (mte_project_equal (p1, p2));

  /* deterministic, and save → load → save gives identical bytes */
  data1b = mte_project_to_data (p1, NULL, MTE_SAVE_FLAGS_NONE, NULL);
  CU_ASSERT_STRING_EQUAL (data1, data1b);
  data2 = mte_project_to_data (p2, NULL, MTE_SAVE_FLAGS_NONE, NULL);
  CU_ASSERT_STRING_EQUAL (data1, data2);

  saved1 = save_and_read (p2, "saved.xml");
  CU_ASSERT_PTR_NOT_NULL_FATAL (saved1);
  CU_ASSERT_STRING_EQUAL (saved1, data1);
  p3 = mte_project_load_from_data (saved1, -1, NULL, MTE_LOAD_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p3);
  saved2 = save_and_read (p3, "saved.xml");
  CU_ASSERT_PTR_NOT_NULL_FATAL (saved2);
  CU_ASSERT_STRING_EQUAL (saved1, saved2);
  CU_ASSERT_TRUE (mte_project_equal (p1, p3));

  /* the fixture and what we write both follow docs/metaethno.xsd */
  xmllint_validate (path);
  out_path = tmp_file ("written.xml");
  CU_ASSERT_TRUE (g_file_set_contents (out_path, data1, -1, NULL));
  xmllint_validate (out_path);
  g_unlink (out_path);
}

static void
check_fail (const char *name)
{
  g_autofree char *path = g_build_filename (data_dir, name, NULL);
  g_autofree char *expected_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  GError *error = NULL;
  MteProject *project;
  gsize length = 0;
  const char *fragment;
  int code;

  {
    g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".xml"));

    expected_path = g_strconcat (stem, ".expected", NULL);
  }
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", 3);
  CU_ASSERT_PTR_NOT_NULL_FATAL (lines[0]);
  code = code_from_name (g_strstrip (lines[0]));
  CU_ASSERT_TRUE_FATAL (code >= 0);
  fragment = lines[1] != NULL && *lines[1] != '\0' ? lines[1] : NULL;

  project = mte_project_load_from_file (path, MTE_LOAD_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NULL (project);
  mte_project_free (project);
  check_error (error, path, code, fragment);
  g_clear_error (&error);

  /* the same bytes from memory fail the same way */
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &contents, &length, NULL));
  project = mte_project_load_from_data (contents, (gssize) length, "memory",
                                        MTE_LOAD_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NULL (project);
  mte_project_free (project);
  check_error (error, "memory", code, fragment);
  g_clear_error (&error);

  if (xmllint_path != NULL && code == MTE_FORMAT_ERROR_SCHEMA)
    {
      /* schema failures must be failures of docs/metaethno.xsd as well */
      const char *argv[] = { xmllint_path, "--noout", "--nonet", "--schema", schema_path, path, NULL };
      int status = 0;

      CU_ASSERT_TRUE (g_spawn_sync (NULL, (char **) argv, NULL,
                                    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, NULL, NULL, &status, NULL));
      CU_ASSERT_FALSE (g_spawn_check_wait_status (status, NULL));
    }
}

static void
test_valid_next (void)
{
  check_valid (g_ptr_array_index (valid_files, next_valid++));
}

static void
test_fail_next (void)
{
  check_fail (g_ptr_array_index (fail_files, next_fail++));
}

/* ------------------------------------------------------------------ */
/* Generated inputs                                                   */
/* ------------------------------------------------------------------ */

static void
expect_failure (const char *data, gssize length, int code, const char *fragment)
{
  GError *error = NULL;
  MteProject *project = mte_project_load_from_data (data, length, "gen", 0, &error);

  CU_ASSERT_PTR_NULL (project);
  mte_project_free (project);
  check_error (error, "gen", code, fragment);
  g_clear_error (&error);
}

static void
test_deep_nesting (void)
{
  const int levels = 100000;
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<project xmlns=\""
                               MTE_FORMAT_NAMESPACE "\" version=\"1.0\">");
  GString *bare = g_string_new (NULL);
  GString *text = g_string_new ("<project xmlns=\"" MTE_FORMAT_NAMESPACE
                                "\" version=\"1.0\"><title>");

  for (int i = 0; i < levels; i++)
    {
      g_string_append (doc, "<studies>");
      g_string_append (bare, "<a>");
      g_string_append (text, "<b>");
    }
  /* Left unclosed on purpose: the loader must stop long before the end. */
  expect_failure (doc->str, (gssize) doc->len, MTE_FORMAT_ERROR_SCHEMA, "not expected");
  expect_failure (bare->str, (gssize) bare->len, MTE_FORMAT_ERROR_UNSUPPORTED_VERSION, NULL);
  expect_failure (text->str, (gssize) text->len, MTE_FORMAT_ERROR_SCHEMA, NULL);
  g_string_free (doc, TRUE);
  g_string_free (bare, TRUE);
  g_string_free (text, TRUE);
}

static void
test_too_large_file (void)
{
  g_autofree char *path = tmp_file ("huge.xml");
  GError *error = NULL;
  MteProject *project;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  CU_ASSERT_TRUE_FATAL (fd >= 0);
  /* A sparse file one byte over the bound: refused before any read. */
  if (ftruncate (fd, (off_t) (MTE_LOAD_MAX_BYTES + 1)) != 0)
    {
      close (fd);
      g_unlink (path);
      return;
    }
  close (fd);
  project = mte_project_load_from_file (path, 0, &error);
  CU_ASSERT_PTR_NULL (project);
  CU_ASSERT_TRUE (g_error_matches (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_TOO_LARGE));
  CU_ASSERT_TRUE (error != NULL && has_location_prefix (error->message, path));
  g_clear_error (&error);
  g_unlink (path);
}

static void
test_garbage (void)
{
  static const struct { const char *data; gssize length; } inputs[] = {
    { "", 0 }, { " ", -1 }, { "<", -1 }, { "<?xml", -1 }, { "\xef\xbb\xbf", -1 },
    { "\xff\xfe<\0p\0", 6 }, { "<project", -1 },
    { "<project xmlns=\"urn:metaethno:project:1\" version=\"1.0\">", -1 },
    { "<project xmlns=\"urn:metaethno:project:1\" version=\"1.0\"></project><x/>", -1 },
    { "<project xmlns=\"urn:metaethno:project:1\" version=\"x\"/>", -1 },
    { "<project xmlns=\"urn:metaethno:project:1\"/>", -1 },
    { "<m:project xmlns:m=\"urn:metaethno:project:1\" version=\"1.0\"><m:title>&#0;</m:title></m:project>", -1 },
    { "<project xmlns=\"urn:metaethno:project:1\" version=\"1.0\"><title>\x01</title></project>", -1 },
  };
  guint32 seed = 42;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      GError *error = NULL;
      MteProject *project = mte_project_load_from_data (inputs[i].data, inputs[i].length,
                                                        NULL, 0, &error);

      CU_ASSERT_PTR_NULL (project);
      mte_project_free (project);
      CU_ASSERT_TRUE (error != NULL && error->domain == MTE_FORMAT_ERROR);
      CU_ASSERT_TRUE (error != NULL && has_location_prefix (error->message, "<data>"));
      g_clear_error (&error);
    }

  /* random bytes never crash and never succeed */
  for (int round = 0; round < 50; round++)
    {
      char buf[512];
      GError *error = NULL;
      MteProject *project;

      for (gsize i = 0; i < sizeof buf; i++)
        {
          seed = seed * 1103515245u + 12345u;
          buf[i] = (char) (seed >> 16);
        }
      project = mte_project_load_from_data (buf, sizeof buf, NULL, 0, &error);
      CU_ASSERT_PTR_NULL (project);
      mte_project_free (project);
      CU_ASSERT_PTR_NOT_NULL (error);
      g_clear_error (&error);
    }
}

/* ------------------------------------------------------------------ */
/* Programmatic tests                                                 */
/* ------------------------------------------------------------------ */

static void
test_error_then_success (void)
{
  g_autofree char *bad = g_build_filename (data_dir, "fail-xxe.xml", NULL);
  g_autofree char *good = g_build_filename (data_dir, "valid-full.xml", NULL);
  GError *error = NULL;
  MteProject *project;

  for (int i = 0; i < 3; i++)
    {
      project = mte_project_load_from_file (bad, 0, &error);
      CU_ASSERT_PTR_NULL (project);
      CU_ASSERT_PTR_NOT_NULL (error);
      g_clear_error (&error);
      project = mte_project_load_from_file (good, 0, &error);
      CU_ASSERT_PTR_NOT_NULL (project);
      CU_ASSERT_PTR_NULL (error);
      mte_project_free (project);
    }

  project = mte_project_load_from_file ("/nonexistent/folder/x.mte", 0, &error);
  CU_ASSERT_PTR_NULL (project);
  CU_ASSERT_TRUE (g_error_matches (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_FAILED));
  CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, "/nonexistent/folder/x.mte: "));
  g_clear_error (&error);
}

static guint app_handler_calls;

static void
app_structured_handler (void *data, xmlErrorPtr err)
{
  app_handler_calls++;
}

/* A load routes libxml2's per-thread error handlers to itself and puts the
 * application's back afterwards; nothing reaches the application's. */
static void
test_error_handlers_restored (void)
{
  g_autofree char *bad = g_build_filename (data_dir, "fail-invalid-utf8.xml", NULL);
  GError *error = NULL;
  MteProject *project;

  xmlSetStructuredErrorFunc (&app_handler_calls, app_structured_handler);
  app_handler_calls = 0;
  project = mte_project_load_from_file (bad, 0, &error);
  CU_ASSERT_PTR_NULL (project);
  g_clear_error (&error);
  CU_ASSERT_EQUAL (app_handler_calls, 0);
  CU_ASSERT_PTR_EQUAL (xmlStructuredError, app_structured_handler);
  CU_ASSERT_PTR_EQUAL (xmlStructuredErrorContext, &app_handler_calls);
  xmlSetStructuredErrorFunc (NULL, NULL);
}

static void
test_schema_is_bundled (void)
{
  g_autofree char *contents = NULL;

  CU_ASSERT_TRUE_FATAL (g_file_get_contents (schema_path, &contents, NULL, NULL));
  CU_ASSERT_STRING_EQUAL (mte_get_schema (), contents);
  CU_ASSERT_EQUAL (strlen (mte_get_schema ()), mte_schema_length);
}

static void
test_timestamps (void)
{
  static const struct { const char *text; gint64 t; } cases[] = {
    { "1970-01-01T00:00:00Z", 0 },
    { "2000-02-29T12:00:00Z", 951825600 },
    { "2024-02-29T23:59:59Z", 1709251199 },
    { "2026-11-22T15:26:00Z", 1795361160 },
    { "9999-12-31T23:59:59Z", G_GINT64_CONSTANT (253402300799) },
  };
  static const char * const bad[] = {
    "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
    "2026-11-22T24:00:00Z", "2026-11-22T15:26:00", "2026-11-22 15:26:00Z",
    "2026-11-22T15:26:00+01:00", "1969-12-31T23:59:59Z", "",
  };
  char buf[MTE_TIMESTAMP_SIZE];
  gint64 t;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CU_ASSERT_TRUE (mte_timestamp_parse (cases[i].text, &t));
      CU_ASSERT_EQUAL (t, cases[i].t);
      CU_ASSERT_TRUE (mte_timestamp_format (cases[i].t, buf));
      CU_ASSERT_STRING_EQUAL (buf, cases[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    CU_ASSERT_FALSE (mte_timestamp_parse (bad[i], &t));
  CU_ASSERT_FALSE (mte_timestamp_format (G_GINT64_CONSTANT (253402300800), buf));
  CU_ASSERT_FALSE (mte_timestamp_format (-1, buf));
}

static MteProject *
build_tricky_project (void)
{
  MteProject *project = mte_project_new ();
  MteStudy *study;
  MteConstruct *construct;
  MteMember *member;
  GError *error = NULL;

  mte_project_set_created (project, 1700000000);
  CU_ASSERT_TRUE (mte_project_set_title (project, " \r\n\tleading, CR LF, tab \r", &error));
  CU_ASSERT_TRUE (mte_project_set_aim (project, "]]> <![CDATA[ & &amp; \"' <>", &error));
  member = mte_project_add_member (project, "m", "Name with \"quotes\" & <tags>\tand\ttabs\r\n",
                                   "  ", &error);
  CU_ASSERT_PTR_NOT_NULL (member);
  study = mte_project_add_study (project, "s", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (study);
  CU_ASSERT_TRUE (mte_study_set_field (study, MTE_STUDY_NOTES, "\n\n  only whitespace around  \n\n", &error));
  CU_ASSERT_TRUE (mte_study_set_attribute (study, "key \t\r\n<&>\"", "value \r\n", &error));
  construct = mte_study_add_construct (study, "c", MTE_CONSTRUCT_FIRST_ORDER, "\r", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (construct);
  CU_ASSERT_TRUE (mte_construct_set_speaker (construct, "\r\n\t", &error));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_memo (project, "memo", "c", "m", "\xf0\x9f\x98\x80\r", &error));
  CU_ASSERT_PTR_NULL (error);
  g_clear_error (&error);
  return project;
}

static void
test_tricky_round_trip (void)
{
  g_autoptr (MteProject) project = build_tricky_project ();
  g_autoptr (MteProject) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  GError *error = NULL;

  data = mte_project_to_data (project, NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  CU_ASSERT_PTR_NULL (strchr (data, '\r'));
  again = mte_project_load_from_data (data, -1, "tricky", 0, &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (again);
  CU_ASSERT_TRUE (mte_project_equal (project, again));
  CU_ASSERT_STRING_EQUAL (mte_project_get_title (again), " \r\n\tleading, CR LF, tab \r");
  CU_ASSERT_STRING_EQUAL (mte_member_get_name (mte_project_get_member (again, 0)),
                          "Name with \"quotes\" & <tags>\tand\ttabs\r\n");
  data2 = mte_project_to_data (again, NULL, 0, &error);
  CU_ASSERT_STRING_EQUAL (data, data2);
}

/* U+007F (DELETE) is an XML 1.0 character: a short project whose title is
 * mostly DELETEs must not be taken for binary data when it is read back. */
static void
test_delete_characters_round_trip (void)
{
  g_autoptr (MteProject) project = mte_project_new ();
  g_autoptr (MteProject) again = NULL;
  g_autofree char *data = NULL;
  GError *error = NULL;
  char title[201];

  memset (title, 0x7F, sizeof title - 1);
  title[sizeof title - 1] = '\0';
  CU_ASSERT_TRUE_FATAL (mte_project_set_title (project, title, NULL));
  data = mte_project_to_data (project, NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  again = mte_project_load_from_data (data, -1, "deletes", 0, &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (again);
  CU_ASSERT_TRUE (mte_project_equal (project, again));
  g_clear_error (&error);
}

static void
test_unstorable_characters (void)
{
  g_autoptr (MteProject) project = mte_project_new ();
  GError *error = NULL;
  char *data;

  /* The model may take control characters; XML 1.0 cannot hold them. */
  if (!mte_project_set_title (project, "bell \x07", NULL))
    return;
  data = mte_project_to_data (project, NULL, 0, &error);
  CU_ASSERT_PTR_NULL (data);
  CU_ASSERT_PTR_NOT_NULL (error);
  CU_ASSERT_TRUE (error != NULL && strstr (error->message, "U+0007") != NULL);
  g_clear_error (&error);
  g_free (data);
}

static gboolean
folder_has_temporaries (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (entry[0] == '.')
      return TRUE;
  return FALSE;
}

static void
test_atomic_save (void)
{
  g_autoptr (MteProject) project = build_tricky_project ();
  g_autofree char *path = tmp_file ("atomic.mte");
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  const char *old = "previous contents\n";
  GError *error = NULL;
  struct stat st;

  expected = mte_project_to_data (project, NULL, 0, NULL);

  /* new file */
  g_unlink (path);
  CU_ASSERT_TRUE (mte_project_save_to_file (project, path, MTE_SAVE_FLAGS_NONE, &error));
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT_TRUE (g_file_get_contents (path, &contents, NULL, NULL));
  CU_ASSERT_STRING_EQUAL (contents, expected);
  g_clear_pointer (&contents, g_free);

  /* the permission bits of an existing file are kept */
  CU_ASSERT_EQUAL (g_chmod (path, 0640), 0);
  CU_ASSERT_TRUE (mte_project_save_to_file (project, path, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_EQUAL (g_stat (path, &st), 0);
  CU_ASSERT_EQUAL (st.st_mode & 07777, 0640);

  /* saving through a symbolic link updates the target, keeps the link */
  {
    g_autofree char *link = tmp_file ("link.mte");
    g_autofree char *target = NULL;

    CU_ASSERT_EQUAL (symlink ("atomic.mte", link), 0);
    CU_ASSERT_TRUE (g_file_set_contents (path, old, -1, NULL));
    CU_ASSERT_TRUE (mte_project_save_to_file (project, link, MTE_SAVE_NO_FSYNC, &error));
    target = g_file_read_link (link, NULL);
    CU_ASSERT_STRING_EQUAL (target, "atomic.mte");
    CU_ASSERT_TRUE (g_file_get_contents (path, &contents, NULL, NULL));
    CU_ASSERT_STRING_EQUAL (contents, expected);
    g_clear_pointer (&contents, g_free);
    g_unlink (link);
  }

  /* disk full half-way: the old file stays byte-identical, no temporary */
  for (gssize limit = 0; limit < 300; limit += 37)
    {
      CU_ASSERT_TRUE (g_file_set_contents (path, old, -1, NULL));
      mte_io_set_write_limit (limit);
      CU_ASSERT_FALSE (mte_project_save_to_file (project, path, MTE_SAVE_FLAGS_NONE, &error));
      mte_io_set_write_limit (-1);
      CU_ASSERT_TRUE (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC));
      CU_ASSERT_TRUE (error != NULL && strstr (error->message, path) != NULL);
      CU_ASSERT_TRUE (error != NULL && strchr (error->message, '\n') == NULL);
      g_clear_error (&error);
      CU_ASSERT_TRUE (g_file_get_contents (path, &contents, NULL, NULL));
      CU_ASSERT_STRING_EQUAL (contents, old);
      g_clear_pointer (&contents, g_free);
      CU_ASSERT_FALSE (folder_has_temporaries ());
    }

  /* a folder that does not exist */
  {
    g_autofree char *missing = tmp_file ("no-such-folder/x.mte");

    CU_ASSERT_FALSE (mte_project_save_to_file (project, missing, 0, &error));
    CU_ASSERT_TRUE (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
    CU_ASSERT_TRUE (error != NULL && strstr (error->message, missing) != NULL);
    g_clear_error (&error);
  }

  /* a read-only folder (meaningless as root, who may write anyway) */
  if (geteuid () != 0)
    {
      g_autofree char *ro = tmp_file ("read-only");
      g_autofree char *target = g_build_filename (ro, "x.mte", NULL);

      CU_ASSERT_EQUAL (g_mkdir (ro, 0700), 0);
      CU_ASSERT_TRUE (g_file_set_contents (target, old, -1, NULL));
      CU_ASSERT_EQUAL (g_chmod (ro, 0500), 0);
      CU_ASSERT_FALSE (mte_project_save_to_file (project, target, 0, &error));
      CU_ASSERT_TRUE (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES));
      g_clear_error (&error);
      CU_ASSERT_TRUE (g_file_get_contents (target, &contents, NULL, NULL));
      CU_ASSERT_STRING_EQUAL (contents, old);
      g_clear_pointer (&contents, g_free);
      g_chmod (ro, 0700);
      g_unlink (target);
      g_rmdir (ro);
    }
  g_unlink (path);
}

static gpointer
load_in_thread (gpointer data)
{
  const char *path = data;
  guint ok = 0;

  for (int i = 0; i < 20; i++)
    {
      MteProject *project = mte_project_load_from_file (path, 0, NULL);

      ok += project != NULL;
      mte_project_free (project);
    }
  return GUINT_TO_POINTER (ok);
}

static void
test_threads (void)
{
  g_autofree char *path = g_build_filename (data_dir, "valid-full.xml", NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    CU_ASSERT_EQUAL (GPOINTER_TO_UINT (g_thread_join (threads[i])), 20);
}

/* ------------------------------------------------------------------ */
/* Format 1.1                                                         */
/* ------------------------------------------------------------------ */

/* The folder of docs/metaethno.xsd, where the examples live too. */
static char *
docs_path (const char *name)
{
  g_autofree char *docs = g_path_get_dirname (schema_path);

  return g_build_filename (docs, name, NULL);
}

/* Every file written in format 1.0 still loads, and a save writes it as
 * 1.1: the valid fixtures and the examples as they are, and each also
 * labelled 1.0 (warmth.xml was a 1.0 file until saves wrote 1.1; the
 * review fixtures show that 1.1 elements are accepted in a 1.0 file). */
static void
test_1_0_files_load (void)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *entry;
  guint n_1_0 = 0;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "valid-") && g_str_has_suffix (entry, ".xml"))
      g_ptr_array_add (paths, g_build_filename (data_dir, entry, NULL));
  g_ptr_array_add (paths, docs_path ("examples/starter.xml"));
  g_ptr_array_add (paths, docs_path ("examples/warmth/warmth.xml"));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      g_auto (GStrv) parts = NULL;
      g_autofree char *as_1_0 = NULL;

      CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &contents, NULL, NULL));
      n_1_0 += strstr (contents, " version=\"1.0\"") != NULL;
      parts = g_regex_split_simple (" version=\"1\\.[12]\"", contents, 0, 0);
      as_1_0 = g_strjoinv (" version=\"1.0\"", parts);
      CU_ASSERT_PTR_NOT_NULL_FATAL (strstr (as_1_0, " version=\"1.0\""));
      for (int variant = 0; variant < 2; variant++)
        {
          g_autoptr (MteProject) project = NULL;
          g_autofree char *data = NULL;
          GError *error = NULL;

          project = mte_project_load_from_data (variant == 0 ? contents : as_1_0, -1,
                                                path, 0, &error);
          if (error != NULL)
            g_printerr ("%s\n", error->message);
          CU_ASSERT_PTR_NOT_NULL (project);
          g_clear_error (&error);
          if (project == NULL)
            continue;
          data = mte_project_to_data (project, NULL, 0, NULL);
          CU_ASSERT_PTR_NOT_NULL (strstr (data, " version=\"" MTE_FORMAT_VERSION_S "\""));
        }
    }
  /* the fixtures written in 1.0 and starter.xml */
  CU_ASSERT_TRUE (n_1_0 >= 8);
}

/* A file the library wrote is the file it writes again: the 1.1 fixture is
 * in the writer's own form, so load and save give back its exact bytes but
 * for the version, which a save raises to 1.2. */
static void
test_review_fixture_canonical (void)
{
  g_autofree char *path = g_build_filename (data_dir, "valid-review-1.1.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *data = NULL;
  g_autoptr (MteProject) project = NULL;
  g_auto (GStrv) parts = NULL;
  g_autofree char *as_written = NULL;
  GError *error = NULL;

  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &contents, NULL, NULL));
  parts = g_strsplit (contents, " version=\"1.1\"", 2);
  as_written = g_strjoinv (" version=\"" MTE_FORMAT_VERSION_S "\"", parts);
  project = mte_project_load_from_file (path, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  data = mte_project_to_data (project, NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  CU_ASSERT_STRING_EQUAL (data, as_written);
  CU_ASSERT_EQUAL (mte_project_get_n_load_warnings (project), 0);

  /* what the fixture holds, read through the API */
  CU_ASSERT_EQUAL (mte_project_get_n_searches (project), 6);
  CU_ASSERT_EQUAL (mte_project_get_n_records (project), 11);
  CU_ASSERT_STRING_EQUAL (mte_project_get_protocol (project, MTE_PROTOCOL_REGISTRATION),
                          "PROSPERO CRD42026000001");
  {
    MteRecord *dup = mte_project_lookup_record (project, "rec-2");
    MteRecord *inc = mte_project_lookup_record (project, "rec-1");
    MteSearch *medline = mte_project_lookup_search (project, "s-medline");

    CU_ASSERT_PTR_NOT_NULL_FATAL (dup);
    CU_ASSERT_PTR_NOT_NULL_FATAL (inc);
    CU_ASSERT_EQUAL (mte_record_get_fate (dup), MTE_FATE_DUPLICATE);
    CU_ASSERT_PTR_EQUAL (mte_record_get_duplicate_of (dup),
                         mte_project_lookup_record (project, "rec-3"));
    CU_ASSERT_STRING_EQUAL (mte_record_get_reason (dup), "same DOI");
    CU_ASSERT_PTR_EQUAL (mte_record_get_study (inc), mte_project_lookup_study (project, "okafor2021"));
    CU_ASSERT_EQUAL (mte_record_get_n_searches (inc), 2);
    CU_ASSERT_STRING_EQUAL (mte_record_get_keywords (inc)[1], "ethnicity");
    CU_ASSERT_STRING_EQUAL (mte_member_get_id (mte_record_get_decided_by (inc)), "dr");
    CU_ASSERT_EQUAL (mte_record_get_decided (inc), 1768903200);
    CU_ASSERT_PTR_NOT_NULL_FATAL (medline);
    CU_ASSERT_EQUAL (mte_search_get_n_records (medline), 5);
    CU_ASSERT_STRING_EQUAL (mte_search_get_date (medline), "2025-11-03");
    CU_ASSERT_EQUAL (mte_search_get_n_records (mte_project_lookup_search (project, "s-web")),
                     MTE_COUNT_UNKNOWN);
  }
  {
    MteStudy *lee = mte_project_lookup_study (project, "lee2018");
    const char *reason = NULL;

    CU_ASSERT_PTR_NOT_NULL_FATAL (lee);
    CU_ASSERT_TRUE (mte_study_is_excluded (lee));
    CU_ASSERT_EQUAL (mte_study_get_exclusion_stage (lee), MTE_EXCLUSION_APPRAISAL);
    CU_ASSERT_STRING_EQUAL (mte_study_get_exclusion_reason (lee),
                            "Too little first-order data to support its themes.");
    CU_ASSERT_FALSE (mte_study_is_excluded (mte_project_lookup_study (project, "okafor2021")));
    CU_ASSERT_EQUAL (mte_project_get_stage_count (project, MTE_PRISMA_PREVIOUS_STUDIES), 0);
    CU_ASSERT_EQUAL (mte_project_get_stage_count (project, MTE_PRISMA_DUPLICATES), 1);
    CU_ASSERT_EQUAL (mte_project_get_stage_count (project, MTE_PRISMA_NEW_STUDIES),
                     MTE_COUNT_UNKNOWN);
    CU_ASSERT_EQUAL (mte_project_get_n_exclusion_counts (project, MTE_PRISMA_DBR_EXCLUDED), 2);
    CU_ASSERT_EQUAL (mte_project_get_exclusion_count (project, MTE_PRISMA_DBR_EXCLUDED, 1,
                                                      &reason), 2);
    CU_ASSERT_STRING_EQUAL (reason, "Not qualitative");
  }
}

/* The 1.2 fixture is in the writer's own form and holds every 1.2
 * element and attribute: the eMERGe texts and constructs' credibility. */
static void
test_emerge_fixture (void)
{
  g_autofree char *path = g_build_filename (data_dir, "valid-review-1.2.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *data = NULL;
  g_autoptr (MteProject) project = NULL;
  g_autoptr (MteProject) again = NULL;
  GError *error = NULL;
  guint n_texts = 0;

  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &contents, NULL, NULL));
  CU_ASSERT_PTR_NOT_NULL (strstr (contents, " version=\"1.2\""));
  project = mte_project_load_from_file (path, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  data = mte_project_to_data (project, NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  CU_ASSERT_STRING_EQUAL (data, contents);

  for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
    n_texts += mte_project_get_emerge_text (project, (MteEmergeItem) i) != NULL;
  CU_ASSERT_EQUAL (n_texts, 5);
  CU_ASSERT_STRING_EQUAL (mte_project_get_emerge_text (project, MTE_EMERGE_READING),
                          "Two reviewers read each study twice <independently>.");
  CU_ASSERT_PTR_NOT_NULL (strstr (mte_project_get_emerge_text (project, MTE_EMERGE_STRENGTHS_LIMITATIONS),
                                  "\nSecond line: \xe6\xb8\xa9"));
  CU_ASSERT_PTR_NULL (mte_project_get_emerge_text (project, MTE_EMERGE_AIM));
  CU_ASSERT_EQUAL (mte_construct_get_credibility (mte_project_lookup_construct (project, "okafor-t1")),
                   MTE_CREDIBILITY_UNEQUIVOCAL);
  CU_ASSERT_EQUAL (mte_construct_get_credibility (mte_project_lookup_construct (project, "okafor-t2")),
                   MTE_CREDIBILITY_CREDIBLE);
  CU_ASSERT_EQUAL (mte_construct_get_credibility (mte_project_lookup_construct (project, "chen-t1")),
                   MTE_CREDIBILITY_UNSUPPORTED);
  CU_ASSERT_EQUAL (mte_construct_get_credibility (mte_project_lookup_construct (project, "chen-t2")),
                   MTE_CREDIBILITY_NOT_ASSESSED);

  /* the equality compares them: a change to either is a difference */
  again = mte_project_load_from_data (data, -1, "again", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (again);
  CU_ASSERT_TRUE (mte_project_equal (project, again));
  /* (each change touches the modified time: set it back, so that only
   * the change itself can make the difference) */
  CU_ASSERT_TRUE (mte_project_set_emerge_text (again, MTE_EMERGE_AIM, "An aim.", &error));
  mte_project_set_modified (again, mte_project_get_modified (project));
  CU_ASSERT_FALSE (mte_project_equal (project, again));
  CU_ASSERT_TRUE (mte_project_set_emerge_text (again, MTE_EMERGE_AIM, NULL, &error));
  mte_project_set_modified (again, mte_project_get_modified (project));
  CU_ASSERT_TRUE (mte_project_equal (project, again));
  CU_ASSERT_TRUE (mte_construct_set_credibility (mte_project_lookup_construct (again, "chen-t2"),
                                                 MTE_CREDIBILITY_CREDIBLE, &error));
  mte_project_set_modified (again, mte_project_get_modified (project));
  CU_ASSERT_FALSE (mte_project_equal (project, again));
  CU_ASSERT_TRUE (mte_construct_set_credibility (mte_project_lookup_construct (again, "chen-t2"),
                                                 MTE_CREDIBILITY_NOT_ASSESSED, &error));
  mte_project_set_modified (again, mte_project_get_modified (project));
  CU_ASSERT_TRUE (mte_project_equal (project, again));
  g_clear_error (&error);
}

/* Everything of 1.1 built through the API, every value of every new
 * enumeration included, survives a save and a load. */
static void
test_review_api_round_trip (void)
{
  g_autoptr (MteProject) project = mte_project_new ();
  g_autoptr (MteProject) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  MteStudy *study;
  MteRecord *first = NULL;
  GError *error = NULL;

  CU_ASSERT_PTR_NOT_NULL (mte_project_add_member (project, "m", "M", NULL, &error));
  study = mte_project_add_study (project, "st", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (study);
  for (int f = 0; f < MTE_PROTOCOL_N_FIELDS; f++)
    CU_ASSERT_TRUE (mte_project_set_protocol (project, (MteProtocolField) f,
                                              "protocol\r\n\ttext & <more>", &error));
  for (int k = MTE_SOURCE_DATABASE; k <= MTE_SOURCE_OTHER; k++)
    {
      g_autofree char *id = g_strdup_printf ("search-%d", k);
      MteSearch *search = mte_project_add_search (project, id, (MteSourceKind) k,
                                                  "a \"source\"\t", &error);

      CU_ASSERT_PTR_NOT_NULL_FATAL (search);
      mte_search_set_n_records (search, k == MTE_SOURCE_DATABASE ? G_MAXINT64 : k - 2);
    }
  for (int fate = MTE_FATE_UNSCREENED; fate <= MTE_FATE_INCLUDED; fate++)
    {
      g_autofree char *id = g_strdup_printf ("record-%d", fate);
      MteRecord *record = mte_project_add_record (project, id, &error);
      const char *target = fate == MTE_FATE_DUPLICATE ? "record-0"
                           : fate == MTE_FATE_INCLUDED ? "st" : NULL;

      CU_ASSERT_PTR_NOT_NULL_FATAL (record);
      if (first == NULL)
        first = record;
      CU_ASSERT_TRUE (mte_record_add_search (record, "search-1", &error));
      if (fate != MTE_FATE_UNSCREENED)
        CU_ASSERT_TRUE (mte_record_set_fate (record, (MteRecordFate) fate, target,
                                             "a reason", "m", 1700000000 + fate, &error));
    }
  CU_ASSERT_TRUE (mte_record_set_field (first, MTE_RECORD_ABSTRACT, "  spaced  ", &error));
  for (int c = 0; c < MTE_PRISMA_N_COUNTS; c++)
    if (c != MTE_PRISMA_DBR_EXCLUDED && c != MTE_PRISMA_OTHER_EXCLUDED)
      mte_project_set_stage_count (project, (MtePrismaCount) c, c);
  CU_ASSERT_TRUE (mte_project_set_exclusion_count (project, MTE_PRISMA_OTHER_EXCLUDED, "b", 0, &error));
  CU_ASSERT_TRUE (mte_project_set_exclusion_count (project, MTE_PRISMA_DBR_EXCLUDED, "a", 7, &error));
  CU_ASSERT_TRUE (mte_study_exclude (study, MTE_EXCLUSION_SYNTHESIS, "why\n", "m", 1700000000, &error));
  CU_ASSERT_PTR_NULL (error);
  g_clear_error (&error);

  data = mte_project_to_data (project, NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  again = mte_project_load_from_data (data, -1, "review", 0, &error);
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (again);
  CU_ASSERT_TRUE (mte_project_equal (project, again));
  data2 = mte_project_to_data (again, NULL, 0, &error);
  CU_ASSERT_STRING_EQUAL (data, data2);
  CU_ASSERT_EQUAL (mte_search_get_n_records (mte_project_get_search (again, 0)), G_MAXINT64);
  CU_ASSERT_EQUAL (mte_project_get_stage_count (again, MTE_PRISMA_TOTAL_REPORTS),
                   MTE_PRISMA_TOTAL_REPORTS);
  CU_ASSERT_STRING_EQUAL (mte_project_get_protocol (again, MTE_PROTOCOL_EXCLUSION),
                          "protocol\r\n\ttext & <more>");
  /* what the writer writes follows docs/metaethno.xsd */
  {
    g_autofree char *path = tmp_file ("review.xml");

    CU_ASSERT_TRUE (g_file_set_contents (path, data, -1, NULL));
    xmllint_validate (path);
    g_unlink (path);
  }
}

/* Hand-edited files: comments and processing instructions are reported,
 * one warning per kind, at the first of each, in the order they appear. */
static const char commented[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<?xml-stylesheet type=\"text/xsl\" href=\"review.xsl\"?>\n"
  "<project xmlns=\"urn:metaethno:project:1\" version=\"1.0\">\n"
  "  <title>caf\xc3\xa9</title><!-- first -->\n"
  "  <members>\n"
  "    <!-- second,\n"
  "         over two lines -->\n"
  "    <member id=\"m\" name=\"M\"/>\n"
  "  </members>\n"
  "</project>\n";

static void
check_commented (MteProject *project, const char *name)
{
  g_autofree char *pi = g_strdup_printf ("%s:2:1: 1 processing instruction (the first here) "
                                         "will not be kept by the next save", name);
  g_autofree char *comments = g_strdup_printf ("%s:4:22: 2 XML comments (the first here) "
                                               "will not be kept by the next save", name);

  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_load_warnings (project), 2);
  CU_ASSERT_STRING_EQUAL (mte_project_get_load_warning (project, 0), pi);
  CU_ASSERT_STRING_EQUAL (mte_project_get_load_warning (project, 1), comments);
}

static void
test_load_warnings (void)
{
  g_autofree char *path = tmp_file ("commented.xml");
  g_autofree char *data = NULL;
  g_autoptr (GString) crlf = g_string_new (NULL);
  GError *error = NULL;
  MteProject *project;

  /* from memory, from a file, one byte per read, with CR LF line ends */
  project = mte_project_load_from_data (commented, -1, "hand.xml", 0, &error);
  check_commented (project, "hand.xml");
  data = mte_project_to_data (project, NULL, 0, &error);
  mte_project_free (project);

  CU_ASSERT_TRUE (g_file_set_contents (path, commented, -1, NULL));
  project = mte_project_load_from_file (path, 0, &error);
  check_commented (project, path);
  mte_project_free (project);

  mte_io_set_read_size (1);
  project = mte_project_load_from_data (commented, -1, "hand.xml", 0, &error);
  mte_io_set_read_size (0);
  check_commented (project, "hand.xml");
  mte_project_free (project);

  for (const char *p = commented; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append_c (crlf, '\r');
      g_string_append_c (crlf, *p);
    }
  project = mte_project_load_from_data (crlf->str, (gssize) crlf->len, "crlf.xml", 0, &error);
  check_commented (project, "crlf.xml");
  mte_project_free (project);
  CU_ASSERT_PTR_NULL (error);
  g_clear_error (&error);

  /* a saved project has none left to lose, and neither has a new one */
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  CU_ASSERT_PTR_NULL (strstr (data, "<!--"));
  project = mte_project_load_from_data (data, -1, "saved.xml", 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  CU_ASSERT_EQUAL (mte_project_get_n_load_warnings (project), 0);
  mte_project_free (project);
  project = mte_project_new ();
  CU_ASSERT_EQUAL (mte_project_get_n_load_warnings (project), 0);
  mte_project_free (project);

  /* the XML declaration is not a processing instruction the save drops,
   * even after a byte-order mark; a file without markup to lose has none */
  project = mte_project_load_from_data ("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<project xmlns=\""
                                        MTE_FORMAT_NAMESPACE "\" version=\"1.1\"/>", -1,
                                        NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  CU_ASSERT_EQUAL (mte_project_get_n_load_warnings (project), 0);
  mte_project_free (project);

  /* one comment, first in the file, before the root */
  project = mte_project_load_from_data ("<!---->\n<project xmlns=\"" MTE_FORMAT_NAMESPACE
                                        "\" version=\"1.1\"/>", -1, NULL, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  CU_ASSERT_EQUAL_FATAL (mte_project_get_n_load_warnings (project), 1);
  CU_ASSERT_STRING_EQUAL (mte_project_get_load_warning (project, 0),
                          "<data>:1:1: 1 XML comment (the first here) will not be kept by "
                          "the next save");
  mte_project_free (project);
  g_unlink (path);
}

/* ------------------------------------------------------------------ */
/* Main                                                               */
/* ------------------------------------------------------------------ */

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
scan_fixtures (const char *only)
{
  g_autoptr (GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *entry;

  valid_files = g_ptr_array_new_with_free_func (g_free);
  fail_files = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (entry, ".xml") || (only != NULL && strcmp (entry, only) != 0))
        continue;
      if (g_str_has_prefix (entry, "valid-"))
        g_ptr_array_add (valid_files, g_strdup (entry));
      else if (g_str_has_prefix (entry, "fail-"))
        g_ptr_array_add (fail_files, g_strdup (entry));
    }
  g_ptr_array_sort (valid_files, compare_names);
  g_ptr_array_sort (fail_files, compare_names);
}

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, entry, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int argc, char **argv)
{
  const char *only = NULL;
  gboolean api_only = FALSE;
  gboolean fixtures_only = FALSE;
  CU_pSuite suite;
  unsigned int failures;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--data-dir") == 0 && i + 1 < argc)
        data_dir = argv[++i];
      else if (strcmp (argv[i], "--schema") == 0 && i + 1 < argc)
        schema_path = argv[++i];
      else if (strcmp (argv[i], "--xmllint") == 0 && i + 1 < argc)
        xmllint_path = argv[++i];
      else if (strcmp (argv[i], "--fixture") == 0 && i + 1 < argc)
        only = argv[++i];
      else if (strcmp (argv[i], "--api") == 0)
        api_only = TRUE;
      else if (strcmp (argv[i], "--fixtures") == 0)
        fixtures_only = TRUE;
      else
        {
          g_printerr ("usage: %s --data-dir DIR --schema XSD [--xmllint PATH] "
                      "[--fixture NAME | --fixtures | --api]\n", argv[0]);
          return 2;
        }
    }
  if (data_dir == NULL || schema_path == NULL)
    {
      g_printerr ("%s: --data-dir and --schema are required\n", argv[0]);
      return 2;
    }
  tmp_dir = g_dir_make_tmp ("mte-test-io-XXXXXX", NULL);
  if (tmp_dir == NULL)
    return 2;

  scan_fixtures (api_only ? "" : only);
  if (only != NULL && valid_files->len + fail_files->len == 0)
    {
      g_printerr ("%s: no fixture %s in %s\n", argv[0], only, data_dir);
      return 2;
    }

  if (CU_initialize_registry () != CUE_SUCCESS)
    return 2;

  suite = CU_add_suite ("fixtures", NULL, NULL);
  for (guint i = 0; i < valid_files->len; i++)
    CU_add_test (suite, g_ptr_array_index (valid_files, i), test_valid_next);
  for (guint i = 0; i < fail_files->len; i++)
    CU_add_test (suite, g_ptr_array_index (fail_files, i), test_fail_next);

  if (only == NULL && !fixtures_only)
    {
      suite = CU_add_suite ("io", NULL, NULL);
      CU_add_test (suite, "deep nesting", test_deep_nesting);
      CU_add_test (suite, "file over the size bound", test_too_large_file);
      CU_add_test (suite, "garbage and random bytes", test_garbage);
      CU_add_test (suite, "an error, then a good load", test_error_then_success);
      CU_add_test (suite, "schema is bundled", test_schema_is_bundled);
      CU_add_test (suite, "libxml2 error handlers restored", test_error_handlers_restored);
      CU_add_test (suite, "timestamps", test_timestamps);
      CU_add_test (suite, "tricky strings round-trip", test_tricky_round_trip);
      CU_add_test (suite, "unstorable characters", test_unstorable_characters);
      CU_add_test (suite, "DELETE characters round-trip", test_delete_characters_round_trip);
      CU_add_test (suite, "atomic save", test_atomic_save);
      CU_add_test (suite, "loads in parallel threads", test_threads);
      CU_add_test (suite, "1.0 fixtures and examples still load", test_1_0_files_load);
      CU_add_test (suite, "the 1.1 fixture is in the writer's form", test_review_fixture_canonical);
      CU_add_test (suite, "1.1 entities round-trip", test_review_api_round_trip);
      CU_add_test (suite, "the 1.2 fixture: eMERGe texts and credibility", test_emerge_fixture);
      CU_add_test (suite, "load warnings", test_load_warnings);
    }

  CU_basic_set_mode (CU_BRM_VERBOSE);
  CU_basic_run_tests ();
  failures = CU_get_number_of_failures () + CU_get_number_of_tests_failed ();
  CU_cleanup_registry ();

  g_ptr_array_unref (valid_files);
  g_ptr_array_unref (fail_files);
  remove_tmp_dir ();
  g_free (tmp_dir);
  return failures > 0 ? 1 : 0;
}
