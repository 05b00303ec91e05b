/* mte-zip-private.h: zip archives read safely and written reproducibly
 * (libzip). Used by REFI-QDA (.qdpx) and the DOCX writer (which
 * lives in render/, above io/).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_ZIP_PRIVATE_H
#define MTE_ZIP_PRIVATE_H

#include <glib.h>

G_BEGIN_DECLS

/* Bounds an archive must stay within (documented in docs/refi.md). */
#define MTE_ZIP_MAX_ARCHIVE_BYTES  (1024ull * 1024 * 1024)  /* the .zip itself */
#define MTE_ZIP_MAX_ENTRIES        100000u
#define MTE_ZIP_MAX_ENTRY_BYTES    (256ull * 1024 * 1024)   /* one inflated entry */
#define MTE_ZIP_MAX_TOTAL_BYTES    (2048ull * 1024 * 1024)  /* all inflated entries */
#define MTE_ZIP_MAX_RATIO          200u  /* inflated / compressed, per entry,
                                          * for entries above 1 MiB inflated */

typedef struct _MteZipReader MteZipReader;

/* mte_zip_reader_new:
 * @data: the archive's bytes (the reader keeps a reference)
 * @name: (nullable): the archive's name for messages ("project.qdpx")
 * @error: MTE_FORMAT_ERROR, one line, "NAME: what is wrong (entry "x")":
 *   - MALFORMED: not a zip archive (also an empty file), a damaged or
 *     truncated one; an entry name that is empty or not UTF-8; a
 *     compression method other than stored or deflated; a stored entry
 *     whose two sizes differ;
 *   - FORBIDDEN: a name with a ".." component ("/" and "\" both
 *     separate), an absolute name ("/x", "\x", "C:x"), a Unix symbolic
 *     link, an encrypted entry, a name exactly equal to an earlier
 *     entry's (names that differ only in case are allowed: see
 *     mte_zip_reader_find());
 *   - TOO_LARGE: the archive, its number of entries, an entry's declared
 *     inflated size, their sum, or an entry's ratio passes a bound above.
 *
 * Every entry is checked here, before anything is inflated; the count of
 * entries even before libzip reads the directory.
 *
 * A reader is not safe to share between threads (libzip's archive is
 * not).
 *
 * Returns: (transfer full): a reader, or NULL with @error set. */
MteZipReader *mte_zip_reader_new (GBytes     *data,
                                  const char *name,
                                  GError    **error);

void mte_zip_reader_free (MteZipReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteZipReader, mte_zip_reader_free)

/* The number of entries, and each entry's name (transfer none; UTF-8,
 * "/"-separated as stored; directories end in "/"). */
guint mte_zip_reader_get_n_entries (const MteZipReader *reader);
const char *mte_zip_reader_get_entry_name (const MteZipReader *reader,
                                           guint               index);

/* The index of the entry named @name exactly, or -1 (names are unique:
 * the reader refuses repeats). With @ignore_case, the first entry whose
 * name matches ignoring ASCII case. */
gint mte_zip_reader_find (const MteZipReader *reader,
                          const char         *name,
                          gboolean            ignore_case);

/* mte_zip_reader_read:
 * @error: MTE_FORMAT_ERROR_TOO_LARGE when the entry inflates past its
 *   declared size (checked while inflating: at most that size plus one
 *   byte is ever inflated, so a lying header cannot exhaust memory, and
 *   the declared sizes are within the bounds); MTE_FORMAT_ERROR_MALFORMED
 *   when it inflates to fewer bytes, on a CRC mismatch or invalid
 *   compressed data.
 *
 * Returns: (transfer full): the inflated bytes, or NULL with @error set. */
GBytes *mte_zip_reader_read (MteZipReader *reader,
                             guint         index,
                             GError      **error);

typedef struct _MteZipWriter MteZipWriter;

/* A writer that builds an archive in memory. Entries are stored in the
 * order added, each with the fixed time @mtime (Unix seconds, written as
 * its UTC date and time, so the bytes do not depend on the time zone;
 * held within 1980-2107, what zip dates can say) and no extra fields, so
 * the same entries give the same bytes. */
MteZipWriter *mte_zip_writer_new (gint64 mtime);

/* Adds an entry; @store: no compression (e.g. images, or a mimetype
 * that must be first and stored), otherwise deflated at level 9. @data
 * is copied. What mte_zip_reader_new() would refuse is not added: a name
 * it refuses (G_IO_ERROR_INVALID_FILENAME), a name already added
 * (G_IO_ERROR_EXISTS), an entry past the bounds on entries or sizes
 * (G_IO_ERROR_FAILED). The writer stays usable after a refusal.
 * Returns: FALSE with @error set (G_IO_ERROR_FAILED when libzip refuses). */
gboolean mte_zip_writer_add (MteZipWriter *writer,
                             const char   *name,
                             const void   *data,
                             gsize         length,
                             gboolean      store,
                             GError      **error);

/* Finishes the archive and frees @writer (also on failure). With no
 * entries, the archive is the 22-byte end record alone.
 * Returns: (transfer full): the archive's bytes, or NULL with @error
 * (G_IO_ERROR). */
GBytes *mte_zip_writer_finish (MteZipWriter *writer,
                               GError      **error);

void mte_zip_writer_free (MteZipWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteZipWriter, mte_zip_writer_free)

G_END_DECLS

#endif /* MTE_ZIP_PRIVATE_H */
