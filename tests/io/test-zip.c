/* Tests (white-box): the zip layer of lib/io/mte-zip-private.h. The
 * hostile archives of tests/data/refi/hostile (made by
 * tests/data/refi/make-hostile.py) are each refused with the right code
 * and a message naming the problem; more hostile names, bounds and damage
 * are crafted here byte by byte; the minimal project archive reads; the
 * writer round-trips through the reader and gives the same bytes twice.
 *
 *   test-zip --data-dir tests/data
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>
#include <gio/gio.h>
#include <string.h>
#include <time.h>

#include "mte-zip-private.h"
#include "../common/mte-test.h"

static const char *data_dir;

#define MIB (1024u * 1024u)

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static GBytes *
fixture (const char *relative)
{
  g_autofree char *path = g_build_filename (data_dir, "refi", relative, NULL);
  g_autoptr (GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      CU_FAIL_FATAL ("fixture missing: run tests/data/refi/make-hostile.py");
    }
  return g_bytes_new_take (contents, length);
}

/* Asserts that @error is MTE_FORMAT_ERROR @code, on one line, starting
 * "NAME: " and holding each of the NULL-terminated substrings; clears it. */
static void
check_error (GError    **error,
             const char *name,
             int         code,
             ...)
{
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
  va_list args;

  CU_ASSERT_PTR_NOT_NULL_FATAL (*error);
  if ((*error)->domain != MTE_FORMAT_ERROR || (*error)->code != code)
    fprintf (stderr, "\n  unexpected error %d: %s\n", (*error)->code, (*error)->message);
  CU_ASSERT_EQUAL ((*error)->domain, MTE_FORMAT_ERROR);
  CU_ASSERT_EQUAL ((*error)->code, code);
  CU_ASSERT_TRUE (g_str_has_prefix ((*error)->message, prefix));
  CU_ASSERT_PTR_NULL (strchr ((*error)->message, '\n'));
  va_start (args, code);
  for (const char *want = va_arg (args, const char *); want != NULL;
       want = va_arg (args, const char *))
    if (strstr ((*error)->message, want) == NULL)
      {
        fprintf (stderr, "\n  \"%s\" lacks \"%s\"\n", (*error)->message, want);
        CU_FAIL ("message does not say what is wrong");
      }
  va_end (args);
  g_clear_error (error);
}

/* CRC-32 (ISO 3309), for archives crafted here. */
static guint32
crc32 (const guint8 *data,
       gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

/* One entry of an archive crafted byte by byte: the sizes, CRC and
 * attributes are whatever the test says. */
typedef struct {
  const char   *name;           /* bytes, NUL-terminated */
  guint16       method;         /* 0 stored, 8 deflated */
  guint16       flags;
  const guint8 *payload;        /* the bytes as stored */
  gsize         payload_length;
  guint32       crc;
  guint32       size;           /* declared inflated size */
  guint32       attributes;     /* external attributes (Unix mode << 16) */
  guint16       made_by;        /* system << 8 | version; 0: Unix, 2.0 */
} Raw;

/* A stored entry with honest size and CRC. */
static Raw
raw_stored (const char *name,
            const char *text)
{
  Raw raw = { name, 0, 0, (const guint8 *) text, strlen (text),
              crc32 ((const guint8 *) text, strlen (text)), (guint32) strlen (text),
              0100644u << 16 };

  return raw;
}

static void
put16 (GByteArray *out, guint v)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  put16 (out, v & 0xffff);
  put16 (out, v >> 16);
}

static void
put64 (GByteArray *out, guint64 v)
{
  put32 (out, (guint32) v);
  put32 (out, (guint32) (v >> 32));
}

/* The bytes of an archive of @entries, local headers and central
 * directory in agreement; with a ZIP64 end record when there are more
 * entries than 16 bits count. */
static GBytes *
raw_zip (const Raw *entries,
         gsize      n)
{
  GByteArray *out = g_byte_array_new ();
  g_autoptr (GByteArray) central = g_byte_array_new ();
  guint32 central_offset;

  for (gsize i = 0; i < n; i++)
    {
      const Raw *e = &entries[i];
      guint32 offset = out->len;
      guint16 name_length = (guint16) strlen (e->name);

      put32 (out, 0x04034b50);
      put16 (out, 20);
      put16 (out, e->flags);
      put16 (out, e->method);
      put16 (out, 0);                               /* time */
      put16 (out, (46 << 9) | (1 << 5) | 1);        /* 2026-01-01 */
      put32 (out, e->crc);
      put32 (out, (guint32) e->payload_length);
      put32 (out, e->size);
      put16 (out, name_length);
      put16 (out, 0);
      g_byte_array_append (out, (const guint8 *) e->name, name_length);
      if (e->payload_length > 0)
        g_byte_array_append (out, e->payload, (guint) e->payload_length);

      put32 (central, 0x02014b50);
      put16 (central, e->made_by != 0 ? e->made_by : (3 << 8) | 20);
      put16 (central, 20);
      put16 (central, e->flags);
      put16 (central, e->method);
      put16 (central, 0);
      put16 (central, (46 << 9) | (1 << 5) | 1);
      put32 (central, e->crc);
      put32 (central, (guint32) e->payload_length);
      put32 (central, e->size);
      put16 (central, name_length);
      put16 (central, 0);                           /* extra */
      put16 (central, 0);                           /* comment */
      put16 (central, 0);                           /* disk */
      put16 (central, 0);                           /* internal attributes */
      put32 (central, e->attributes);
      put32 (central, offset);
      g_byte_array_append (central, (const guint8 *) e->name, name_length);
    }
  central_offset = out->len;
  g_byte_array_append (out, central->data, central->len);
  if (n >= 0xffff)
    {
      guint32 record = out->len;

      put32 (out, 0x06064b50);
      put64 (out, 44);                              /* size of the rest */
      put16 (out, (3 << 8) | 45);
      put16 (out, 45);
      put32 (out, 0);
      put32 (out, 0);
      put64 (out, n);
      put64 (out, n);
      put64 (out, central->len);
      put64 (out, central_offset);
      put32 (out, 0x07064b50);                      /* locator */
      put32 (out, 0);
      put64 (out, record);
      put32 (out, 1);
    }
  put32 (out, 0x06054b50);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, n >= 0xffff ? 0xffff : (guint) n);
  put16 (out, n >= 0xffff ? 0xffff : (guint) n);
  put32 (out, central->len);
  put32 (out, central_offset);
  put16 (out, 0);
  return g_byte_array_free_to_bytes (out);
}

/* Opens @data as @name, expecting it to open. */
static MteZipReader *
open_ok (GBytes     *data,
         const char *name)
{
  g_autoptr (GError) error = NULL;
  MteZipReader *reader = mte_zip_reader_new (data, name, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
  return reader;
}

/* Reads entry @entry of @reader, expecting it to read. */
static GBytes *
read_ok (MteZipReader *reader,
         const char   *entry)
{
  g_autoptr (GError) error = NULL;
  gint index = mte_zip_reader_find (reader, entry, FALSE);
  GBytes *data;

  CU_ASSERT_TRUE_FATAL (index >= 0);
  data = mte_zip_reader_read (reader, (guint) index, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (data);
  return data;
}

static gboolean
bytes_are (GBytes     *bytes,
           const char *text)
{
  gsize length;
  gconstpointer data = g_bytes_get_data (bytes, &length);

  return length == strlen (text) && memcmp (data, text, length) == 0;
}

/* ------------------------------------------------------------------ */
/* The fixtures                                                       */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *file;             /* under refi/hostile */
  const char *entry;            /* read this one (refused when read), or NULL: refused when opened */
  int         code;
  const char *what;             /* in the message */
  const char *named;            /* also in the message */
} Hostile;

static const Hostile hostile[] = {
  { "zip-slip.qdpx", NULL, MTE_FORMAT_ERROR_FORBIDDEN,
    "path climbs out of the archive with \"..\"", "(entry \"../evil.txt\")" },
  { "absolute-path.qdpx", NULL, MTE_FORMAT_ERROR_FORBIDDEN,
    "absolute path", "(entry \"/etc/evil.txt\")" },
  { "symlink.qdpx", NULL, MTE_FORMAT_ERROR_FORBIDDEN,
    "symbolic link", "(entry \"sources/link.txt\")" },
  { "zip-bomb.qdpx", NULL, MTE_FORMAT_ERROR_TOO_LARGE,
    "inflates to 314572800 bytes, more than the bound of 268435456", "(entry \"sources/bomb.txt\")" },
  { "zip-ratio.qdpx", NULL, MTE_FORMAT_ERROR_TOO_LARGE,
    "compression ratio of 1028:1, more than the bound of 200:1", "(entry \"sources/zeros.txt\")" },
  { "encrypted.qdpx", NULL, MTE_FORMAT_ERROR_FORBIDDEN,
    "encrypted, which metaethno does not read", "(entry \"project.qde\")" },
  { "duplicate-names.qdpx", NULL, MTE_FORMAT_ERROR_FORBIDDEN,
    "same name as an earlier entry", "(entry \"project.qde\")" },
  { "not-a-zip.qdpx", NULL, MTE_FORMAT_ERROR_MALFORMED,
    "not a zip archive", "" },
  { "zip-bomb-lying.qdpx", "sources/bomb.txt", MTE_FORMAT_ERROR_TOO_LARGE,
    "inflates past its declared size of 1024 bytes", "(entry \"sources/bomb.txt\")" },
};

/* Each hostile archive is refused, when opened or when its entry is read,
 * with its code and a message saying what is wrong and where. */
static void
test_hostile_fixtures (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      const Hostile *h = &hostile[i];
      g_autofree char *relative = g_build_filename ("hostile", h->file, NULL);
      g_autoptr (GBytes) data = fixture (relative);
      g_autoptr (MteZipReader) reader = NULL;
      g_autoptr (GBytes) content = NULL;
      GError *error = NULL;
      gint index;

      reader = mte_zip_reader_new (data, h->file, &error);
      if (h->entry == NULL)
        {
          CU_ASSERT_PTR_NULL (reader);
          check_error (&error, h->file, h->code, h->what, h->named, NULL);
          continue;
        }
      MTE_ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
      index = mte_zip_reader_find (reader, h->entry, FALSE);
      CU_ASSERT_TRUE_FATAL (index >= 0);
      content = mte_zip_reader_read (reader, (guint) index, &error);
      CU_ASSERT_PTR_NULL (content);
      check_error (&error, h->file, h->code, h->what, h->named, NULL);
      /* The other entries still read. */
      g_clear_pointer (&content, g_bytes_unref);
      content = read_ok (reader, "project.qde");
    }
}

/* An external entity is the XML reader's business: the archive itself is
 * sound and reads. */
static void
test_external_entity_passes (void)
{
  g_autoptr (GBytes) data = fixture ("hostile/external-entity.qdpx");
  g_autoptr (MteZipReader) reader = open_ok (data, "external-entity.qdpx");
  g_autoptr (GBytes) qde = read_ok (reader, "project.qde");

  CU_ASSERT_EQUAL (mte_zip_reader_get_n_entries (reader), 2);
  CU_ASSERT_TRUE (g_bytes_get_size (qde) > 60);
  CU_ASSERT_EQUAL (memcmp (g_bytes_get_data (qde, NULL), "<!DOCTYPE Project [<!ENTITY x SYSTEM", 36), 0);
}

/* The minimal project: its entries in order, found exactly or ignoring
 * case, and read. */
static void
test_minimal (void)
{
  static const char *const txt = "sources/C7D9E1F3-2A4B-4C6D-8E0F-1A2B3C4D5E01.txt";
  g_autoptr (GBytes) data = fixture ("minimal.qdpx");
  g_autoptr (MteZipReader) reader = open_ok (data, "minimal.qdpx");
  g_autoptr (GBytes) qde = NULL;
  g_autoptr (GBytes) text = NULL;
  g_autofree char *xml = NULL;

  CU_ASSERT_EQUAL_FATAL (mte_zip_reader_get_n_entries (reader), 2);
  MTE_ASSERT_STR (mte_zip_reader_get_entry_name (reader, 0), "project.qde");
  MTE_ASSERT_STR (mte_zip_reader_get_entry_name (reader, 1), txt);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "project.qde", FALSE), 0);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, txt, FALSE), 1);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "Project.QDE", FALSE), -1);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "Project.QDE", TRUE), 0);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "SOURCES/c7d9e1f3-2a4b-4c6d-8e0f-1a2b3c4d5e01.TXT", TRUE), 1);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "missing.qde", TRUE), -1);

  qde = read_ok (reader, "project.qde");
  xml = g_strndup (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde));
  CU_ASSERT_TRUE (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (xml, "xmlns=\"urn:QDA-XML:project:1.0\""));
  CU_ASSERT_PTR_NOT_NULL (strstr (xml, "plainTextPath=\"internal://C7D9E1F3-2A4B-4C6D-8E0F-1A2B3C4D5E01.txt\""));
  CU_ASSERT_TRUE (g_str_has_suffix (xml, "</Project>\n"));
  text = read_ok (reader, txt);
  CU_ASSERT_TRUE (bytes_are (text, "They never looked at me, just at the screen.\n"));
}

/* ------------------------------------------------------------------ */
/* Crafted archives                                                   */
/* ------------------------------------------------------------------ */

/* Names refused however they are spelled, and names that only look
 * suspicious. */
static void
test_names (void)
{
  static const struct {
    const char *name;
    int         code;           /* 0: accepted */
    const char *what;
  } names[] = {
    { "..\\evil.txt", MTE_FORMAT_ERROR_FORBIDDEN, "path climbs out of the archive" },
    { "sources/../../evil.txt", MTE_FORMAT_ERROR_FORBIDDEN, "path climbs out of the archive" },
    { "sources\\..", MTE_FORMAT_ERROR_FORBIDDEN, "path climbs out of the archive" },
    { "..", MTE_FORMAT_ERROR_FORBIDDEN, "path climbs out of the archive" },
    { "\\\\server\\share\\x", MTE_FORMAT_ERROR_FORBIDDEN, "absolute path" },
    { "\\evil.txt", MTE_FORMAT_ERROR_FORBIDDEN, "absolute path" },
    { "C:evil.txt", MTE_FORMAT_ERROR_FORBIDDEN, "absolute path" },
    { "c:\\windows\\evil.txt", MTE_FORMAT_ERROR_FORBIDDEN, "absolute path" },
    { "sources/\xff\xfe.txt", MTE_FORMAT_ERROR_MALFORMED, "name is not valid UTF-8" },
    { "", MTE_FORMAT_ERROR_MALFORMED, "empty name" },
    { "sources/...txt", 0, NULL },
    { "sources/a..b/..c/d..", 0, NULL },
    { "sources/./x.txt", 0, NULL },
    { "sources/", 0, NULL },
    { "sources/caf\xc3\xa9 \xe2\x80\x94 notes.txt", 0, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      Raw entries[2] = { raw_stored ("project.qde", "<Project/>"),
                         raw_stored (names[i].name, "x") };
      g_autoptr (GBytes) data = raw_zip (entries, 2);
      g_autoptr (MteZipReader) reader = NULL;
      GError *error = NULL;

      reader = mte_zip_reader_new (data, "names.qdpx", &error);
      if (names[i].code == 0)
        {
          if (error != NULL)
            fprintf (stderr, "\n  %s refused: %s\n", names[i].name, error->message);
          CU_ASSERT_PTR_NOT_NULL (reader);
          g_clear_error (&error);
          if (reader != NULL)
            MTE_ASSERT_STR (mte_zip_reader_get_entry_name (reader, 1), names[i].name);
        }
      else
        {
          CU_ASSERT_PTR_NULL (reader);
          check_error (&error, "names.qdpx", names[i].code, names[i].what, "(entry \"", NULL);
        }
    }
}

/* Names that differ only in case are two entries; a lookup ignoring case
 * takes the first. */
static void
test_case_variants (void)
{
  Raw entries[] = { raw_stored ("Project.qde", "first"), raw_stored ("project.qde", "second") };
  g_autoptr (GBytes) data = raw_zip (entries, G_N_ELEMENTS (entries));
  g_autoptr (MteZipReader) reader = open_ok (data, "case.qdpx");
  g_autoptr (GBytes) second = read_ok (reader, "project.qde");

  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "project.qde", FALSE), 1);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "PROJECT.QDE", TRUE), 0);
  CU_ASSERT_TRUE (bytes_are (second, "second"));
}

/* 100,001 empty entries are one too many; 100,000 are not. Both are built
 * byte by byte (ZIP64 end records: more than 65,535 entries). */
static void
test_too_many_entries (void)
{
  for (guint n = MTE_ZIP_MAX_ENTRIES; n <= MTE_ZIP_MAX_ENTRIES + 1; n++)
    {
      g_autoptr (GStringChunk) strings = g_string_chunk_new (16 * n);
      Raw *entries = g_new0 (Raw, n);
      g_autoptr (GBytes) data = NULL;
      g_autoptr (MteZipReader) reader = NULL;
      GError *error = NULL;

      for (guint i = 0; i < n; i++)
        {
          char name[16];

          g_snprintf (name, sizeof name, "e%06u", i);
          entries[i] = raw_stored (g_string_chunk_insert (strings, name), "");
        }
      data = raw_zip (entries, n);
      g_free (entries);
      reader = mte_zip_reader_new (data, "many.qdpx", &error);
      if (n == MTE_ZIP_MAX_ENTRIES)
        {
          MTE_ASSERT_NO_ERROR (error);
          CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
          CU_ASSERT_EQUAL (mte_zip_reader_get_n_entries (reader), n);
          MTE_ASSERT_STR (mte_zip_reader_get_entry_name (reader, n - 1), "e099999");
        }
      else
        {
          CU_ASSERT_PTR_NULL (reader);
          check_error (&error, "many.qdpx", MTE_FORMAT_ERROR_TOO_LARGE,
                       "100001 entries, more than the bound of 100000", NULL);
        }
    }
}

/* An end record that declares a billion entries over a directory of
 * one is refused on the count before libzip reads the directory (and
 * allocates for each declared entry), not as an inconsistency after. */
static void
test_declared_entries (void)
{
  Raw entry = raw_stored ("project.qde", "<Project/>");
  g_autoptr (GBytes) honest = raw_zip (&entry, 1);
  gsize length = g_bytes_get_size (honest);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GBytes) data = NULL;
  GError *error = NULL;
  guint32 central_size, central_offset;
  const guint8 *end;

  /* Keep the entry and its directory; replace the end record by ZIP64
   * records declaring 10^9 entries. */
  end = (const guint8 *) g_bytes_get_data (honest, NULL) + length - 22;
  central_size = end[12] | end[13] << 8 | end[14] << 16 | (guint32) end[15] << 24;
  central_offset = end[16] | end[17] << 8 | end[18] << 16 | (guint32) end[19] << 24;
  g_byte_array_append (bytes, g_bytes_get_data (honest, NULL), (guint) length - 22);
  put32 (bytes, 0x06064b50);
  put64 (bytes, 44);
  put16 (bytes, (3 << 8) | 45);
  put16 (bytes, 45);
  put32 (bytes, 0);
  put32 (bytes, 0);
  put64 (bytes, 1000000000);
  put64 (bytes, 1000000000);
  put64 (bytes, central_size);
  put64 (bytes, central_offset);
  put32 (bytes, 0x07064b50);
  put32 (bytes, 0);
  put64 (bytes, length - 22);
  put32 (bytes, 1);
  put32 (bytes, 0x06054b50);
  put32 (bytes, 0);
  put16 (bytes, 0xffff);
  put16 (bytes, 0xffff);
  put32 (bytes, central_size);
  put32 (bytes, central_offset);
  put16 (bytes, 0);
  data = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

  CU_ASSERT_PTR_NULL (mte_zip_reader_new (data, "declared.qdpx", &error));
  check_error (&error, "declared.qdpx", MTE_FORMAT_ERROR_TOO_LARGE,
               "1000000000 entries, more than the bound of 100000", NULL);
}

/* Nine entries of 240 MiB each (declared; their data is never inflated)
 * pass every bound alone and the total bound together. */
static void
test_total_bound (void)
{
  const gsize compressed = (gsize) (240 * MIB / MTE_ZIP_MAX_RATIO) + 1;
  g_autofree guint8 *payload = g_malloc0 (compressed);
  Raw entries[9];
  g_autoptr (GBytes) data = NULL;
  g_autoptr (MteZipReader) reader = NULL;
  GError *error = NULL;
  char names[9][16];

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_snprintf (names[i], sizeof names[i], "part%u.txt", i + 1);
      entries[i] = (Raw) { names[i], 8, 0, payload, compressed, 0, 240 * MIB, 0100644u << 16 };
    }
  /* Eight are within the bound. */
  data = raw_zip (entries, 8);
  reader = open_ok (data, "total.qdpx");
  g_clear_pointer (&reader, mte_zip_reader_free);
  g_clear_pointer (&data, g_bytes_unref);

  data = raw_zip (entries, 9);
  reader = mte_zip_reader_new (data, "total.qdpx", &error);
  CU_ASSERT_PTR_NULL (reader);
  check_error (&error, "total.qdpx", MTE_FORMAT_ERROR_TOO_LARGE,
               "inflate to 2264924160 bytes, more than the bound of 2147483648 in all",
               "(entry \"part9.txt\")", NULL);
}

/* An entry whose inflated size is just under the ratio floor passes
 * whatever its ratio; just over, it is refused. */
static void
test_ratio_floor (void)
{
  static const guint8 tiny[4] = { 0 };
  const guint32 sizes[] = { MIB, MIB + 1 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Raw entry = { "zeros.bin", 8, 0, tiny, sizeof tiny, 0, sizes[i], 0100644u << 16 };
      g_autoptr (GBytes) data = raw_zip (&entry, 1);
      g_autoptr (MteZipReader) reader = NULL;
      GError *error = NULL;

      reader = mte_zip_reader_new (data, "ratio.qdpx", &error);
      if (i == 0)
        {
          MTE_ASSERT_NO_ERROR (error);
          CU_ASSERT_PTR_NOT_NULL (reader);
        }
      else
        {
          CU_ASSERT_PTR_NULL (reader);
          check_error (&error, "ratio.qdpx", MTE_FORMAT_ERROR_TOO_LARGE,
                       "compression ratio of 262144:1", NULL);
        }
    }
}

/* Not zip archives at all, cut short, or saying two things. */
static void
test_malformed (void)
{
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GBytes) minimal = fixture ("minimal.qdpx");
  gsize length = g_bytes_get_size (minimal);
  const gsize cuts[] = { length / 2, length - 1, 21, 4 };
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (mte_zip_reader_new (empty, "empty.qdpx", &error));
  check_error (&error, "empty.qdpx", MTE_FORMAT_ERROR_MALFORMED, "not a zip archive", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr (GBytes) cut = g_bytes_new_from_bytes (minimal, 0, cuts[i]);

      CU_ASSERT_PTR_NULL (mte_zip_reader_new (cut, "cut.qdpx", &error));
      check_error (&error, "cut.qdpx", MTE_FORMAT_ERROR_MALFORMED, "zip archive", NULL);
    }

  /* The end record kept, an entry's data cut out: the directory points
   * past what is there. */
  {
    const guint8 *bytes = g_bytes_get_data (minimal, NULL);
    g_autoptr (GByteArray) spliced = g_byte_array_new ();

    g_byte_array_append (spliced, bytes, 100);
    g_byte_array_append (spliced, bytes + 400, (guint) (length - 400));
    g_autoptr (GBytes) data = g_byte_array_free_to_bytes (g_steal_pointer (&spliced));
    CU_ASSERT_PTR_NULL (mte_zip_reader_new (data, "spliced.qdpx", &error));
    check_error (&error, "spliced.qdpx", MTE_FORMAT_ERROR_MALFORMED, "zip archive", NULL);
  }

  /* A local header that names another file than the central directory
   * does (what a tool that reads local headers would extract). */
  {
    Raw entry = raw_stored ("ok.txt", "text");
    g_autoptr (GBytes) honest = raw_zip (&entry, 1);
    g_autoptr (GByteArray) two_faced = g_byte_array_new ();
    g_autoptr (GBytes) data = NULL;

    g_byte_array_append (two_faced, g_bytes_get_data (honest, NULL), (guint) g_bytes_get_size (honest));
    memcpy (two_faced->data + 30, "../x.t", 6);
    data = g_byte_array_free_to_bytes (g_steal_pointer (&two_faced));
    CU_ASSERT_PTR_NULL (mte_zip_reader_new (data, "two-faced.qdpx", &error));
    check_error (&error, "two-faced.qdpx", MTE_FORMAT_ERROR_MALFORMED, "damaged zip archive", NULL);
  }
}

/* Damage found only when an entry is read. */
static void
test_read_damage (void)
{
  static const guint8 garbage[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
  /* One final stored deflate block of 9 bytes: "some text". */
  static const guint8 short_block[] = { 0x01, 9, 0, 0xf6, 0xff,
                                        's', 'o', 'm', 'e', ' ', 't', 'e', 'x', 't' };
  Raw crc = raw_stored ("crc.txt", "some text");
  Raw fewer = { "fewer.txt", 8, 0, short_block, sizeof short_block,
                crc32 ((const guint8 *) "some text", 9), 14, 0100644u << 16, 0 };
  Raw invalid = { "invalid.txt", 8, 0, garbage, sizeof garbage, 0, 100, 0100644u << 16, 0 };
  Raw good = raw_stored ("good.txt", "good");
  /* Declares 1024 bytes; its data is a block of 2048 zeros, then an
   * invalid block. Refused as too large, not as invalid data: the reader
   * stops one byte past the declared size and never decodes the rest
   * (which stands for gigabytes of zeros). */
  g_autofree guint8 *liar_data = g_malloc0 (5 + 2048 + 1);
  Raw liar = { "liar.txt", 8, 0, liar_data, 5 + 2048 + 1, 0, 1024, 0100644u << 16, 0 };
  Raw entries[5];
  g_autoptr (GBytes) data = NULL;
  g_autoptr (MteZipReader) reader = NULL;
  g_autoptr (GBytes) content = NULL;
  GError *error = NULL;

  crc.crc ^= 1;
  entries[0] = crc;
  entries[1] = fewer;
  entries[2] = invalid;
  entries[3] = good;
  liar_data[0] = 0x00;                          /* a stored block, not the last */
  liar_data[1] = 0x00;
  liar_data[2] = 0x08;                          /* 2048 */
  liar_data[3] = 0xff;
  liar_data[4] = 0xf7;
  liar_data[5 + 2048] = 0xff;                   /* block type 3: invalid */
  entries[4] = liar;
  data = raw_zip (entries, G_N_ELEMENTS (entries));
  reader = open_ok (data, "damaged.qdpx");

  CU_ASSERT_PTR_NULL (mte_zip_reader_read (reader, 0, &error));
  check_error (&error, "damaged.qdpx", MTE_FORMAT_ERROR_MALFORMED, "CRC mismatch",
               "(entry \"crc.txt\")", NULL);
  CU_ASSERT_PTR_NULL (mte_zip_reader_read (reader, 1, &error));
  check_error (&error, "damaged.qdpx", MTE_FORMAT_ERROR_MALFORMED,
               "inflates to 9 bytes, fewer than its declared 14", "(entry \"fewer.txt\")", NULL);
  CU_ASSERT_PTR_NULL (mte_zip_reader_read (reader, 2, &error));
  check_error (&error, "damaged.qdpx", MTE_FORMAT_ERROR_MALFORMED, "invalid compressed data",
               "(entry \"invalid.txt\")", NULL);
  CU_ASSERT_PTR_NULL (mte_zip_reader_read (reader, 4, &error));
  check_error (&error, "damaged.qdpx", MTE_FORMAT_ERROR_TOO_LARGE,
               "inflates past its declared size of 1024 bytes", "(entry \"liar.txt\")", NULL);
  content = read_ok (reader, "good.txt");
  CU_ASSERT_TRUE (bytes_are (content, "good"));
}

/* A stored entry's two sizes are one size; when they differ the archive
 * is refused as it opens. */
static void
test_stored_sizes (void)
{
  Raw entry = raw_stored ("stored.txt", "some text");
  g_autoptr (GBytes) data = NULL;
  GError *error = NULL;

  entry.size += 5;
  data = raw_zip (&entry, 1);
  CU_ASSERT_PTR_NULL (mte_zip_reader_new (data, "stored.qdpx", &error));
  check_error (&error, "stored.qdpx", MTE_FORMAT_ERROR_MALFORMED,
               "stored, but declares 14 bytes for 9 stored", "(entry \"stored.txt\")", NULL);
}

/* A Unix mode saying "symbolic link" is one when the archive was made
 * on Unix or macOS; on MS-DOS the high half means nothing, and a regular
 * file's mode is no link. */
static void
test_symlink_systems (void)
{
  static const struct {
    guint16  made_by;
    guint32  mode;
    gboolean link;
  } cases[] = {
    { (3 << 8) | 20, 0120755u, TRUE },
    { (0x13 << 8) | 20, 0120777u, TRUE },
    { (3 << 8) | 20, 0100644u, FALSE },
    { 20, 0120777u, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Raw link = raw_stored ("link", "/etc/passwd");
      g_autoptr (GBytes) data = NULL;
      g_autoptr (MteZipReader) reader = NULL;
      GError *error = NULL;

      link.made_by = cases[i].made_by;
      link.attributes = cases[i].mode << 16;
      data = raw_zip (&link, 1);
      reader = mte_zip_reader_new (data, "link.qdpx", &error);
      if (cases[i].link)
        {
          CU_ASSERT_PTR_NULL (reader);
          check_error (&error, "link.qdpx", MTE_FORMAT_ERROR_FORBIDDEN, "symbolic link",
                       "(entry \"link\")", NULL);
        }
      else
        {
          MTE_ASSERT_NO_ERROR (error);
          CU_ASSERT_PTR_NOT_NULL (reader);
        }
    }
}

/* ------------------------------------------------------------------ */
/* The writer                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  gsize       length;
  gboolean    store;
} Planned;

static const Planned planned[] = {
  { "project.qde", 0, FALSE },                  /* filled with XML below */
  { "sources/empty.txt", 0, FALSE },
  { "sources/caf\xc3\xa9.txt", 1, FALSE },
  { "sources/noise.bin", 300 * 1024, TRUE },
  { "sources/noise-deflated.bin", 300 * 1024, FALSE },
  { "sources/", 0, TRUE },
};

static guint8 *
planned_data (guint i, gsize *length)
{
  static const char xml[] = "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\"/>\n";
  guint8 *data;
  guint32 state = 2463534242u + i;

  if (i == 0)
    {
      *length = sizeof xml - 1;
      return g_memdup2 (xml, sizeof xml - 1);
    }
  *length = planned[i].length;
  data = g_malloc (MAX (*length, 1));
  for (gsize k = 0; k < *length; k++)
    {
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      data[k] = (guint8) state;
    }
  return data;
}

static GBytes *
write_planned (gint64 mtime)
{
  g_autoptr (MteZipWriter) writer = mte_zip_writer_new (mtime);
  g_autoptr (GError) error = NULL;
  GBytes *result;

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      gsize length;
      g_autofree guint8 *data = planned_data (i, &length);

      CU_ASSERT_TRUE (mte_zip_writer_add (writer, planned[i].name, data, length,
                                          planned[i].store, &error));
      MTE_ASSERT_NO_ERROR (error);
    }
  result = mte_zip_writer_finish (g_steal_pointer (&writer), &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (result);
  return result;
}

/* What the writer writes, the reader reads back: the same names in the
 * same order and the same bytes. */
static void
test_writer_round_trip (void)
{
  g_autoptr (GBytes) archive = write_planned (G_GINT64_CONSTANT (1767225600));
  g_autoptr (MteZipReader) reader = open_ok (archive, "written.qdpx");

  CU_ASSERT_EQUAL_FATAL (mte_zip_reader_get_n_entries (reader), G_N_ELEMENTS (planned));
  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      gsize length;
      g_autofree guint8 *data = planned_data (i, &length);
      g_autoptr (GBytes) expected = g_bytes_new (data, length);
      g_autoptr (GBytes) got = NULL;
      g_autoptr (GError) error = NULL;

      MTE_ASSERT_STR (mte_zip_reader_get_entry_name (reader, i), planned[i].name);
      got = mte_zip_reader_read (reader, i, &error);
      MTE_ASSERT_NO_ERROR (error);
      CU_ASSERT_TRUE (got != NULL && g_bytes_equal (got, expected));
    }
}

/* Whether @needle (@length bytes) occurs in @haystack. */
static gboolean
contains (GBytes       *haystack,
          const guint8 *needle,
          gsize         length)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (haystack, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (p[i] == needle[0] && memcmp (p + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

/* The first local header's MS-DOS time and date. */
static void
first_dos_time (GBytes  *archive,
                guint16 *time,
                guint16 *date)
{
  const guint8 *p = g_bytes_get_data (archive, NULL);

  CU_ASSERT_FATAL (g_bytes_get_size (archive) > 30 && memcmp (p, "PK\3\4", 4) == 0);
  *time = (guint16) (p[10] | p[11] << 8);
  *date = (guint16) (p[12] | p[13] << 8);
}

/* The same entries give the same bytes, in any time zone; the time
 * written is the one given, in UTC, and the compression is what was
 * asked. */
static void
test_writer_deterministic (void)
{
  /* 2026-01-01 00:00:00 UTC; 2026-06-15 13:45:30 UTC */
  const gint64 new_year = G_GINT64_CONSTANT (1767225600);
  const gint64 june = G_GINT64_CONSTANT (1781531130);
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr (GBytes) a = write_planned (new_year);
  g_autoptr (GBytes) b = write_planned (new_year);
  g_autoptr (GBytes) c = NULL;
  g_autoptr (GBytes) other_time = write_planned (june);
  const guint8 *p;
  guint16 time, date;

  CU_ASSERT_TRUE (g_bytes_equal (a, b));
  CU_ASSERT_FALSE (g_bytes_equal (a, other_time));

  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  tzset ();
  c = write_planned (new_year);
  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
  CU_ASSERT_TRUE (g_bytes_equal (a, c));

  first_dos_time (a, &time, &date);
  CU_ASSERT_EQUAL (date, (2026 - 1980) << 9 | 1 << 5 | 1);
  CU_ASSERT_EQUAL (time, 0);
  first_dos_time (other_time, &time, &date);
  CU_ASSERT_EQUAL (date, (2026 - 1980) << 9 | 6 << 5 | 15);
  CU_ASSERT_EQUAL (time, 13 << 11 | 45 << 5 | 30 / 2);

  /* Each local header in turn: the method asked for (0 stored, 8
   * deflated), sizes in the header (no data descriptor), no extra field
   * (where libzip could put times that vary). */
  p = g_bytes_get_data (a, NULL);
  {
    gsize at = 0;

    for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
      {
        guint flags = p[at + 6] | p[at + 7] << 8;
        guint method = p[at + 8] | p[at + 9] << 8;
        guint32 compressed = p[at + 18] | p[at + 19] << 8 | p[at + 20] << 16 | (guint32) p[at + 21] << 24;
        guint name_length = p[at + 26] | p[at + 27] << 8;
        guint extra_length = p[at + 28] | p[at + 29] << 8;

        CU_ASSERT_FATAL (at + 30 <= g_bytes_get_size (a) && memcmp (p + at, "PK\3\4", 4) == 0);
        CU_ASSERT_EQUAL (method, planned[i].store ? 0 : 8);
        CU_ASSERT_EQUAL (flags & 0x8, 0);
        CU_ASSERT_EQUAL (extra_length, 0);
        CU_ASSERT_EQUAL (name_length, strlen (planned[i].name));
        CU_ASSERT_EQUAL (memcmp (p + at + 30, planned[i].name, name_length), 0);
        at += 30 + name_length + extra_length + compressed;
      }
    CU_ASSERT_EQUAL (memcmp (p + at, "PK\1\2", 4), 0);
  }
  {
    /* Stored data appears as is in the archive. */
    gsize length;
    g_autofree guint8 *noise = planned_data (3, &length);

    CU_ASSERT_TRUE (contains (a, noise, length));
  }
}

/* Names the reader would refuse are not written, nor one name twice; the
 * archive still finishes with the rest. An empty archive is a valid one. */
static void
test_writer_refuses (void)
{
  static const char *const bad[] = {
    "../evil.txt", "a/../../evil.txt", "a\\..\\..\\evil.txt", "/etc/evil.txt", "\\evil.txt",
    "C:\\evil.txt", "", "\xff.txt",
  };
  g_autoptr (MteZipWriter) writer = mte_zip_writer_new (0);
  g_autoptr (GBytes) archive = NULL;
  g_autoptr (GBytes) empty = NULL;
  g_autoptr (MteZipReader) reader = NULL;
  g_autoptr (GBytes) content = NULL;
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CU_ASSERT_FALSE (mte_zip_writer_add (writer, bad[i], "x", 1, FALSE, &error));
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      CU_ASSERT_TRUE (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME));
      CU_ASSERT_TRUE (g_str_has_prefix (error->message, "zip entry \""));
      g_clear_error (&error);
    }
  CU_ASSERT_TRUE (mte_zip_writer_add (writer, "project.qde", "x", 1, FALSE, &error));
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_FALSE (mte_zip_writer_add (writer, "project.qde", "y", 1, FALSE, &error));
  CU_ASSERT_TRUE (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_clear_error (&error);

  archive = mte_zip_writer_finish (g_steal_pointer (&writer), &error);
  MTE_ASSERT_NO_ERROR (error);
  reader = open_ok (archive, "one.qdpx");
  CU_ASSERT_EQUAL (mte_zip_reader_get_n_entries (reader), 1);
  content = read_ok (reader, "project.qde");
  CU_ASSERT_TRUE (bytes_are (content, "x"));
  g_clear_pointer (&reader, mte_zip_reader_free);

  empty = mte_zip_writer_finish (mte_zip_writer_new (0), &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL_FATAL (g_bytes_get_size (empty), 22);
  reader = open_ok (empty, "empty.qdpx");
  CU_ASSERT_EQUAL (mte_zip_reader_get_n_entries (reader), 0);
  CU_ASSERT_EQUAL (mte_zip_reader_find (reader, "project.qde", TRUE), -1);

  /* Freed without finishing: nothing leaks (valgrind, ASan). */
  writer = mte_zip_writer_new (0);
  CU_ASSERT_TRUE (mte_zip_writer_add (writer, "a.txt", "a", 1, FALSE, NULL));
}

static const MteTestCase cases[] = {
  { "hostile fixtures are refused with their code and message", test_hostile_fixtures },
  { "an external entity passes the zip layer", test_external_entity_passes },
  { "the minimal project lists and reads", test_minimal },
  { "hostile names however spelled; odd names that are fine", test_names },
  { "names differing in case are two entries", test_case_variants },
  { "100,001 entries are too many, 100,000 are not", test_too_many_entries },
  { "a declared count is bounded before libzip reads it", test_declared_entries },
  { "declared sizes bounded in all", test_total_bound },
  { "the ratio bound starts above 1 MiB", test_ratio_floor },
  { "empty, truncated, spliced and two-faced archives are malformed", test_malformed },
  { "CRC, short and invalid data found when read", test_read_damage },
  { "a stored entry's sizes must agree", test_stored_sizes },
  { "symbolic links by their Unix mode and system", test_symlink_systems },
  { "the writer round-trips through the reader", test_writer_round_trip },
  { "the writer is deterministic", test_writer_deterministic },
  { "the writer refuses what the reader would", test_writer_refuses },
};

int
main (int    argc,
      char **argv)
{
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp (argv[i], "--data-dir") == 0)
      data_dir = argv[i + 1];
  if (data_dir == NULL)
    {
      fprintf (stderr, "usage: %s --data-dir TESTS/DATA\n", argv[0]);
      return 2;
    }
  return mte_test_run ("zip", cases, G_N_ELEMENTS (cases));
}
