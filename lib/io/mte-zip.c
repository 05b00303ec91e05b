/* metaethno: zip archives (mte-zip-private.h), read with suspicion and
 * written reproducibly, with libzip, all in memory.
 *
 * Reading. A .qdpx comes from anyone, so the reader trusts nothing in it.
 * Before libzip parses the central directory, the end record's entry
 * count is read here and bounded (libzip allocates per declared entry).
 * Then every entry is checked before anything is inflated: its name
 * (UTF-8, relative, no ".." component with "/" or "\" as separator, not
 * used twice), its kind (no symbolic link), no encryption, a compression
 * method we inflate ourselves (stored or deflated), and its declared
 * inflated size, alone, in all, and against its compressed size. Nothing
 * is ever written to disk, so the path checks are not there to protect
 * a folder: they keep names that another tool would extract outside its
 * folder out of everything metaethno takes in, and they make "the entry
 * named X" mean one thing.
 *
 * The declared sizes can lie. mte_zip_reader_read() asks for at most the
 * declared size plus one byte, in chunks, so an entry that inflates to
 * more is refused after that byte, whatever its data would become; and
 * it reads on to the end of the entry's data so that libzip checks the
 * CRC.
 *
 * Writing. The archive is built in a libzip buffer source and read back
 * after zip_close(). Each entry carries the same MS-DOS time (made from
 * the caller's time in UTC, not local time, so the bytes do not depend on
 * the time zone), libzip's default attributes and no extra fields, so the
 * same entries give the same bytes.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-zip-private.h"

#include <gio/gio.h>
#include <string.h>
#include <zip.h>

#include "mte-error-private.h"

#define MIB (1024ull * 1024)

/* The ratio bound applies above this inflated size: small text entries
 * (a page of XML, a run of spaces) compress far better than 200:1 and
 * cannot hurt. */
#define RATIO_FLOOR MIB

/* Inflate in pieces of this size. */
#define READ_CHUNK (64u * 1024)

/* Unix file type bits in the high half of the external attributes. */
#define UNIX_TYPE_MASK    0170000u
#define UNIX_TYPE_SYMLINK 0120000u

/* ------------------------------------------------------------------ */
/* Names                                                              */
/* ------------------------------------------------------------------ */

/* What is wrong with @name as an entry name, or NULL when nothing is.
 * Sets *@code to the error code for it. Shared by the reader and the
 * writer, so that what the writer makes the reader opens. */
static const char *
name_problem (const char     *name,
              MteFormatError *code)
{
  const char *part;

  *code = MTE_FORMAT_ERROR_MALFORMED;
  if (!g_utf8_validate (name, -1, NULL))
    return "name is not valid UTF-8";
  if (*name == '\0')
    return "empty name";

  *code = MTE_FORMAT_ERROR_FORBIDDEN;
  /* "/x" and "\x" (also "//host/share"), and "C:x", which Windows reads
   * from the current folder of drive C. */
  if (name[0] == '/' || name[0] == '\\' || (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return "absolute path";
  /* Zip names use "/", but Windows tools also split on "\", so both
   * separate components here. */
  part = name;
  for (const char *p = name;; p++)
    if (*p == '/' || *p == '\\' || *p == '\0')
      {
        if (p - part == 2 && part[0] == '.' && part[1] == '.')
          return "path climbs out of the archive with \"..\"";
        if (*p == '\0')
          break;
        part = p + 1;
      }
  return NULL;
}

/* @name as it may appear in a message: valid UTF-8, control characters
 * escaped, cut to MTE_MESSAGE_MAX_QUOTED characters. */
static char *
shown_name (const char *name)
{
  g_autofree char *path = mte_message_path (name);

  return mte_message_text (path, MTE_MESSAGE_MAX_QUOTED);
}

/* Sets a format error about entry @entry of archive @archive:
 * "ARCHIVE: what (entry "ENTRY")". */
static void
entry_error (GError       **error,
             MteFormatError code,
             const char    *archive,
             const char    *entry,
             const char    *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
entry_error (GError       **error,
             MteFormatError code,
             const char    *archive,
             const char    *entry,
             const char    *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autofree char *shown = shown_name (entry);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  mte_format_error_set (error, code, archive, 0, 0, "%s (entry \"%s\")", what, shown);
}

/* ------------------------------------------------------------------ */
/* Reading                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
  char   *name;                 /* as stored (raw bytes, checked UTF-8) */
  guint64 size;                 /* declared inflated size */
} Entry;

struct _MteZipReader {
  GBytes     *data;
  char       *name;
  zip_t      *archive;          /* owns the buffer source over @data */
  Entry      *entries;
  guint       n_entries;
  GHashTable *index;            /* name -> first index + 1 (borrowed keys) */
};

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint64
le64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = v << 8 | p[i];
  return v;
}

/* The number of entries the archive's end records declare, found as a
 * reader finds them: the end of central directory record whose comment
 * reaches exactly to the end of the data, and the ZIP64 record it points
 * to when its count is saturated. FALSE when there is no such record; then
 * libzip decides what the data is, and the count is checked after it has
 * parsed the directory. */
static gboolean
declared_entries (const guint8 *data,
                  gsize         length,
                  guint64      *count)
{
  gsize lowest;

  if (length < 22)
    return FALSE;
  lowest = length > 22 + 0xffff ? length - 22 - 0xffff : 0;
  for (gsize at = length - 22;; at--)
    {
      if (memcmp (data + at, "PK\5\6", 4) == 0 && at + 22 + le16 (data + at + 20) == length)
        {
          guint64 n = MAX (le16 (data + at + 8), le16 (data + at + 10));

          if (n == 0xffff && at >= 20 && memcmp (data + at - 20, "PK\6\7", 4) == 0)
            {
              guint64 record = le64 (data + at - 20 + 8);

              if (length >= 56 && record <= length - 56 && memcmp (data + record, "PK\6\6", 4) == 0)
                n = MAX (le64 (data + record + 24), le64 (data + record + 32));
            }
          *count = n;
          return TRUE;
        }
      if (at == lowest)
        return FALSE;
    }
}

/* Sets @error for libzip's failure to open an archive. */
static void
open_error (GError     **error,
            const char  *name,
            zip_error_t *zerror)
{
  switch (zip_error_code_zip (zerror))
    {
    case ZIP_ER_NOZIP:
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 0, 0, "not a zip archive");
      break;
    case ZIP_ER_MEMORY:
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, name, 0, 0,
                            "out of memory for the zip directory");
      break;
    case ZIP_ER_MULTIDISK:
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 0, 0,
                            "a zip archive split over several disks");
      break;
    default:
      /* INCONS, EOF, READ, SEEK...: libzip found the end record but not a
       * sound directory (a truncated or spliced file). */
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 0, 0,
                            "damaged zip archive (%s)", zip_error_strerror (zerror));
      break;
    }
}

/* Checks entry @i of @reader's archive and records it. */
static gboolean
check_entry (MteZipReader *reader,
             zip_uint64_t  i,
             guint64      *total,
             GError      **error)
{
  const char *name;
  const char *problem;
  MteFormatError code;
  zip_stat_t st;
  zip_uint8_t opsys;
  zip_uint32_t attributes;
  const zip_uint64_t needed = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD
                              | ZIP_STAT_ENCRYPTION_METHOD;

  /* The bytes as stored: libzip would otherwise read a name without the
   * UTF-8 flag as CP437 and turn any bytes into valid UTF-8. */
  name = zip_get_name (reader->archive, i, ZIP_FL_ENC_RAW);
  zip_stat_init (&st);
  if (name == NULL || zip_stat_index (reader->archive, i, ZIP_FL_ENC_RAW, &st) < 0 ||
      (st.valid & needed) != needed)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, reader->name, 0, 0,
                            "damaged zip archive (entry %" G_GUINT64_FORMAT " unreadable: %s)",
                            (guint64) i + 1, zip_strerror (reader->archive));
      return FALSE;
    }

  problem = name_problem (name, &code);
  if (problem != NULL)
    {
      entry_error (error, code, reader->name, name, "%s", problem);
      return FALSE;
    }
  /* Exact repeats only: two entries that differ in case are two entries
   * here (nothing is extracted to a case-insensitive disk), and a lookup
   * ignoring case takes the first. */
  if (g_hash_table_contains (reader->index, name))
    {
      entry_error (error, MTE_FORMAT_ERROR_FORBIDDEN, reader->name, name,
                   "same name as an earlier entry");
      return FALSE;
    }
  /* Unix and macOS tools keep the file mode in the high half. */
  if (zip_file_get_external_attributes (reader->archive, i, 0, &opsys, &attributes) == 0 &&
      (opsys == ZIP_OPSYS_UNIX || opsys == ZIP_OPSYS_OS_X) &&
      ((attributes >> 16) & UNIX_TYPE_MASK) == UNIX_TYPE_SYMLINK)
    {
      entry_error (error, MTE_FORMAT_ERROR_FORBIDDEN, reader->name, name, "symbolic link");
      return FALSE;
    }
  if (st.encryption_method != ZIP_EM_NONE)
    {
      entry_error (error, MTE_FORMAT_ERROR_FORBIDDEN, reader->name, name,
                   "encrypted, which metaethno does not read");
      return FALSE;
    }
  /* Store and deflate are what zip tools write; the other methods'
   * decoders (bzip2, xz, zstd, when libzip has them) are more code for a
   * hostile file to reach. */
  if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)
    {
      entry_error (error, MTE_FORMAT_ERROR_MALFORMED, reader->name, name,
                   "compression method %d, neither stored nor deflated", (int) st.comp_method);
      return FALSE;
    }
  /* libzip would refuse it when read, with a vaguer message. */
  if (st.comp_method == ZIP_CM_STORE && st.size != st.comp_size)
    {
      entry_error (error, MTE_FORMAT_ERROR_MALFORMED, reader->name, name,
                   "stored, but declares %" G_GUINT64_FORMAT " bytes for %" G_GUINT64_FORMAT
                   " stored", (guint64) st.size, (guint64) st.comp_size);
      return FALSE;
    }
  if (st.size > MTE_ZIP_MAX_ENTRY_BYTES)
    {
      entry_error (error, MTE_FORMAT_ERROR_TOO_LARGE, reader->name, name,
                   "inflates to %" G_GUINT64_FORMAT " bytes, more than the bound of %llu",
                   (guint64) st.size, MTE_ZIP_MAX_ENTRY_BYTES);
      return FALSE;
    }
  /* comp_size is at most the archive's size (1 GiB), so the product
   * cannot overflow. */
  if (st.size > RATIO_FLOOR && st.size > (guint64) MTE_ZIP_MAX_RATIO * st.comp_size)
    {
      entry_error (error, MTE_FORMAT_ERROR_TOO_LARGE, reader->name, name,
                   "compression ratio of %" G_GUINT64_FORMAT ":1, more than the bound of %u:1",
                   st.comp_size > 0 ? (guint64) (st.size / st.comp_size) : (guint64) st.size,
                   MTE_ZIP_MAX_RATIO);
      return FALSE;
    }
  *total += st.size;
  if (*total > MTE_ZIP_MAX_TOTAL_BYTES)
    {
      entry_error (error, MTE_FORMAT_ERROR_TOO_LARGE, reader->name, name,
                   "the entries up to this one inflate to %" G_GUINT64_FORMAT
                   " bytes, more than the bound of %llu in all",
                   *total, MTE_ZIP_MAX_TOTAL_BYTES);
      return FALSE;
    }

  reader->entries[i].name = g_strdup (name);
  reader->entries[i].size = st.size;
  g_hash_table_insert (reader->index, reader->entries[i].name, GUINT_TO_POINTER ((guint) i + 1));
  return TRUE;
}

MteZipReader *
mte_zip_reader_new (GBytes     *data,
                    const char *name,
                    GError    **error)
{
  g_autoptr (MteZipReader) reader = NULL;
  zip_error_t zerror;
  zip_source_t *source;
  gsize length;
  const guint8 *bytes;
  guint64 count, total = 0;
  zip_int64_t n;
  gboolean unchecked = FALSE;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "<data>";
  bytes = g_bytes_get_data (data, &length);
  /* libzip takes an empty file for an empty archive. */
  if (length == 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 0, 0,
                            "empty file, not a zip archive");
      return NULL;
    }
  if (length > MTE_ZIP_MAX_ARCHIVE_BYTES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 0, 0,
                            "archive of %" G_GSIZE_FORMAT " bytes, more than the bound of %llu",
                            length, MTE_ZIP_MAX_ARCHIVE_BYTES);
      return NULL;
    }
  if (declared_entries (bytes, length, &count) && count > MTE_ZIP_MAX_ENTRIES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 0, 0,
                            "%" G_GUINT64_FORMAT " entries, more than the bound of %u",
                            count, MTE_ZIP_MAX_ENTRIES);
      return NULL;
    }

  reader = g_new0 (MteZipReader, 1);
  reader->data = g_bytes_ref (data);
  reader->name = g_strdup (name);
  reader->index = g_hash_table_new (g_str_hash, g_str_equal);

  zip_error_init (&zerror);
  source = zip_source_buffer_create (bytes, length, 0, &zerror);
  if (source == NULL)
    {
      open_error (error, name, &zerror);
      zip_error_fini (&zerror);
      return NULL;
    }
  /* ZIP_CHECKCONS: each local header must agree with the central
   * directory, so no part of the file says two things. libzip also
   * refuses a repeated name then, without saying which: the archive is
   * opened again without the check, and the loop below names it. */
  reader->archive = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
  if (reader->archive == NULL && zip_error_code_zip (&zerror) == ZIP_ER_EXISTS)
    {
      zip_error_fini (&zerror);
      zip_error_init (&zerror);
      reader->archive = zip_open_from_source (source, ZIP_RDONLY, &zerror);
      unchecked = TRUE;
    }
  if (reader->archive == NULL)
    {
      open_error (error, name, &zerror);
      zip_error_fini (&zerror);
      zip_source_free (source);
      return NULL;
    }
  zip_error_fini (&zerror);

  /* Again, as libzip counted: the end record read above may not be the
   * one libzip chose. */
  n = MAX (zip_get_num_entries (reader->archive, 0), 0);
  if ((guint64) n > MTE_ZIP_MAX_ENTRIES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 0, 0,
                            "%" G_GINT64_FORMAT " entries, more than the bound of %u",
                            (gint64) n, MTE_ZIP_MAX_ENTRIES);
      return NULL;
    }
  reader->n_entries = (guint) n;
  reader->entries = g_new0 (Entry, MAX (reader->n_entries, 1));
  for (guint i = 0; i < reader->n_entries; i++)
    if (!check_entry (reader, i, &total, error))
      return NULL;
  /* Opened without the consistency check, and no entry refused: libzip
   * saw a repeat where the raw names differ (a name it decoded from
   * CP437 equal to another). Refused all the same, as never checked. */
  if (unchecked)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_FORBIDDEN, name, 0, 0,
                            "two entries with the same name");
      return NULL;
    }
  return g_steal_pointer (&reader);
}

void
mte_zip_reader_free (MteZipReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->archive != NULL)
    zip_discard (reader->archive);        /* read-only: also frees the source */
  for (guint i = 0; i < reader->n_entries; i++)
    g_free (reader->entries[i].name);
  g_free (reader->entries);
  g_hash_table_unref (reader->index);
  g_bytes_unref (reader->data);
  g_free (reader->name);
  g_free (reader);
}

guint
mte_zip_reader_get_n_entries (const MteZipReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_entries;
}

const char *
mte_zip_reader_get_entry_name (const MteZipReader *reader,
                               guint               index)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (index < reader->n_entries, NULL);

  return reader->entries[index].name;
}

gint
mte_zip_reader_find (const MteZipReader *reader,
                     const char         *name,
                     gboolean            ignore_case)
{
  gpointer found;

  g_return_val_if_fail (reader != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (!ignore_case)
    return g_hash_table_lookup_extended (reader->index, name, NULL, &found)
           ? (gint) GPOINTER_TO_UINT (found) - 1 : -1;
  for (guint i = 0; i < reader->n_entries; i++)
    if (g_ascii_strcasecmp (reader->entries[i].name, name) == 0)
      return (gint) i;
  return -1;
}

/* Sets @error for libzip's failure reading entry @entry. */
static void
read_error (GError     **error,
            const char  *archive,
            const char  *entry,
            zip_error_t *zerror)
{
  switch (zip_error_code_zip (zerror))
    {
    case ZIP_ER_CRC:
      entry_error (error, MTE_FORMAT_ERROR_MALFORMED, archive, entry,
                   "CRC mismatch: the data is damaged");
      break;
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA:
      entry_error (error, MTE_FORMAT_ERROR_MALFORMED, archive, entry,
                   "invalid compressed data");
      break;
    case ZIP_ER_MEMORY:
      entry_error (error, MTE_FORMAT_ERROR_FAILED, archive, entry, "out of memory");
      break;
    default:
      entry_error (error, MTE_FORMAT_ERROR_MALFORMED, archive, entry, "%s",
                   zip_error_strerror (zerror));
      break;
    }
}

GBytes *
mte_zip_reader_read (MteZipReader *reader,
                     guint         index,
                     GError      **error)
{
  const Entry *entry;
  zip_file_t *file;
  g_autoptr (GByteArray) out = NULL;
  g_autofree guint8 *chunk = NULL;
  guint64 total = 0;
  zip_int64_t n;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (index < reader->n_entries, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entry = &reader->entries[index];
  file = zip_fopen_index (reader->archive, index, 0);
  if (file == NULL)
    {
      read_error (error, reader->name, entry->name, zip_get_error (reader->archive));
      zip_error_clear (reader->archive);
      return NULL;
    }

  /* Grown as the data comes rather than sized from the header, which may
   * lie in the other direction too (a large size over little data). */
  out = g_byte_array_sized_new ((guint) MIN (entry->size, READ_CHUNK));
  chunk = g_malloc (READ_CHUNK);
  /* entry->size + 1 at most: one byte past the declared size is enough
   * to know the header lied, and nothing more is inflated. The last read
   * returns 0 at the end of the data, and it is then that libzip
   * compares the CRC. */
  do
    {
      n = zip_fread (file, chunk, MIN ((guint64) READ_CHUNK, entry->size + 1 - total));
      if (n > 0)
        {
          g_byte_array_append (out, chunk, (guint) n);
          total += (guint64) n;
        }
    }
  while (n > 0 && total <= entry->size);

  if (total > entry->size)
    entry_error (error, MTE_FORMAT_ERROR_TOO_LARGE, reader->name, entry->name,
                 "inflates past its declared size of %" G_GUINT64_FORMAT " bytes", entry->size);
  else if (n < 0)
    read_error (error, reader->name, entry->name, zip_file_get_error (file));
  else if (total < entry->size)
    entry_error (error, MTE_FORMAT_ERROR_MALFORMED, reader->name, entry->name,
                 "inflates to %" G_GUINT64_FORMAT " bytes, fewer than its declared %" G_GUINT64_FORMAT,
                 total, entry->size);
  zip_fclose (file);
  if (total != entry->size || n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */
/* ------------------------------------------------------------------ */

struct _MteZipWriter {
  zip_source_t *source;         /* kept: read back after zip_close() */
  zip_t        *archive;
  char         *broken;         /* why the archive could not be created */
  GPtrArray    *data;           /* GBytes copies, read by libzip at zip_close() */
  GHashTable   *names;          /* owned names already added */
  guint64       total;
  zip_uint16_t  dos_time;
  zip_uint16_t  dos_date;
};

/* @mtime as MS-DOS date and time fields, read in UTC and held within
 * the years MS-DOS dates can say (1980-2107). */
static void
dos_time (gint64        mtime,
          zip_uint16_t *time,
          zip_uint16_t *date)
{
  g_autoptr (GDateTime) when = NULL;
  int year;

  /* 1980-01-01 and 2107-12-31 23:59:58 UTC */
  mtime = CLAMP (mtime, G_GINT64_CONSTANT (315532800), G_GINT64_CONSTANT (4354819198));
  when = g_date_time_new_from_unix_utc (mtime);
  year = g_date_time_get_year (when);
  *date = (zip_uint16_t) ((year - 1980) << 9 | g_date_time_get_month (when) << 5
                          | g_date_time_get_day_of_month (when));
  *time = (zip_uint16_t) (g_date_time_get_hour (when) << 11 | g_date_time_get_minute (when) << 5
                          | g_date_time_get_second (when) / 2);
}

MteZipWriter *
mte_zip_writer_new (gint64 mtime)
{
  MteZipWriter *writer = g_new0 (MteZipWriter, 1);
  zip_error_t zerror;

  writer->data = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  writer->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dos_time (mtime, &writer->dos_time, &writer->dos_date);

  /* Only out of memory fails here: kept for the first add or finish to
   * report, so that creating a writer needs no error. */
  zip_error_init (&zerror);
  writer->source = zip_source_buffer_create (NULL, 0, 0, &zerror);
  if (writer->source != NULL)
    {
      writer->archive = zip_open_from_source (writer->source, ZIP_TRUNCATE, &zerror);
      if (writer->archive != NULL)
        zip_source_keep (writer->source);
    }
  if (writer->archive == NULL)
    writer->broken = g_strdup (zip_error_strerror (&zerror));
  zip_error_fini (&zerror);
  return writer;
}

void
mte_zip_writer_free (MteZipWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->archive != NULL)
    zip_discard (writer->archive);
  if (writer->source != NULL)
    zip_source_free (writer->source);
  g_ptr_array_unref (writer->data);
  g_hash_table_unref (writer->names);
  g_free (writer->broken);
  g_free (writer);
}

static gboolean
zip_failed (GError    **error,
            const char *name,
            const char *what)
{
  g_autofree char *shown = shown_name (name);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zip entry \"%s\": %s", shown, what);
  return FALSE;
}

gboolean
mte_zip_writer_add (MteZipWriter *writer,
                    const char   *name,
                    const void   *data,
                    gsize         length,
                    gboolean      store,
                    GError      **error)
{
  g_autoptr (GBytes) copy = NULL;
  g_autofree char *shown = NULL;
  const char *problem;
  MteFormatError code;
  zip_source_t *source;
  zip_int64_t index;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->broken != NULL)
    return zip_failed (error, name, writer->broken);
  /* What the reader would refuse is not written. */
  problem = name_problem (name, &code);
  if (problem != NULL)
    {
      shown = shown_name (name);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "zip entry \"%s\": %s",
                   shown, problem);
      return FALSE;
    }
  if (g_hash_table_contains (writer->names, name))
    {
      shown = shown_name (name);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "zip entry \"%s\": added twice", shown);
      return FALSE;
    }
  if (g_hash_table_size (writer->names) >= MTE_ZIP_MAX_ENTRIES)
    return zip_failed (error, name, "more entries than a reader accepts");
  if (length > MTE_ZIP_MAX_ENTRY_BYTES || writer->total + length > MTE_ZIP_MAX_TOTAL_BYTES)
    return zip_failed (error, name, "larger than a reader accepts");

  copy = g_bytes_new (data, length);
  source = zip_source_buffer (writer->archive, g_bytes_get_data (copy, NULL), length, 0);
  if (source == NULL)
    return zip_failed (error, name, zip_strerror (writer->archive));
  index = zip_file_add (writer->archive, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      return zip_failed (error, name, zip_strerror (writer->archive));
    }
  if (zip_file_set_dostime (writer->archive, index, writer->dos_time, writer->dos_date, 0) < 0 ||
      zip_set_file_compression (writer->archive, index,
                                store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 9) < 0)
    {
      /* Not left half set up: finish() would write it with libzip's
       * defaults (the time now), and the bytes would vary. */
      zip_failed (error, name, zip_strerror (writer->archive));
      zip_delete (writer->archive, index);
      return FALSE;
    }
  g_ptr_array_add (writer->data, g_steal_pointer (&copy));
  g_hash_table_add (writer->names, g_strdup (name));
  writer->total += length;
  return TRUE;
}

/* The bytes of the closed in-memory archive. */
static GBytes *
source_contents (zip_source_t *source,
                 GError      **error)
{
  zip_stat_t st;
  guint8 *data;
  zip_int64_t n;

  zip_stat_init (&st);
  if (zip_source_stat (source, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
      zip_source_open (source) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zip archive: reading it back: %s",
                   zip_error_strerror (zip_source_error (source)));
      return NULL;
    }
  data = g_malloc (MAX (st.size, 1));
  n = zip_source_read (source, data, st.size);
  zip_source_close (source);
  if (n < 0 || (zip_uint64_t) n != st.size)
    {
      g_free (data);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zip archive: reading it back: %s",
                   n < 0 ? zip_error_strerror (zip_source_error (source)) : "short read");
      return NULL;
    }
  return g_bytes_new_take (data, st.size);
}

GBytes *
mte_zip_writer_finish (MteZipWriter *writer,
                       GError      **error)
{
  /* An end of central directory record and nothing else. */
  static const guint8 empty[22] = { 'P', 'K', 5, 6 };
  g_autoptr (MteZipWriter) owned = writer;
  zip_t *archive;

  g_return_val_if_fail (writer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (writer->broken != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zip archive: %s", writer->broken);
      return NULL;
    }
  /* libzip removes the file of an archive left empty, leaving no bytes
   * at all, which no reader opens. */
  if (g_hash_table_size (writer->names) == 0)
    return g_bytes_new_static (empty, sizeof empty);

  archive = g_steal_pointer (&writer->archive);
  if (zip_close (archive) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zip archive: %s",
                   zip_strerror (archive));
      zip_discard (archive);
      return NULL;
    }
  return source_contents (writer->source, error);
}
