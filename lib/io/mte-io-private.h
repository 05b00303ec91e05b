/* metaethno: private declarations of the project file reader and writer.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_IO_PRIVATE_H
#define MTE_IO_PRIVATE_H

#include <sys/types.h>

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/* The schema text, generated from docs/metaethno.xsd (mte-schema-data.c). */
extern const char mte_schema_text[];
extern const gsize mte_schema_length;

/* The names of the format's elements and attributes are in
 * mte-names-private.h. */

/* Deepest element nesting the loader accepts. The format itself needs 5. */
#define MTE_LOAD_MAX_DEPTH 16

/*
 * Limits of the loader's pre-scan, which sees every byte before libxml2
 * does (docs/file-format.md, "Limits"). Lengths are in bytes as written,
 * after line ends are turned into LF; anything longer is refused with
 * MTE_FORMAT_ERROR_TOO_LARGE at the start of the construct.
 *
 * MTE_LOAD_MAX_ATTRIBUTES: attributes of one element, namespace
 * declarations included. The format uses at most 8 (translation), xsi
 * adds at most 4; libxml2 checks for duplicates in time quadratic in the
 * count.
 * MTE_LOAD_MAX_TAG: one start or end tag, its attributes included.
 * MTE_LOAD_MAX_TEXT: the text of one element between two tags (CDATA
 * sections, references, comments' neighbours included): the validator
 * keeps it in one string with an int length.
 * MTE_LOAD_MAX_MARKUP: one comment, processing instruction or
 * declaration; the library never writes any.
 * MTE_LOAD_MAX_REFERENCE: one entity or character reference, '&' to ';'.
 */
#define MTE_LOAD_MAX_ATTRIBUTES 32
#define MTE_LOAD_MAX_TAG (G_GUINT64_CONSTANT (1) << 30)
#define MTE_LOAD_MAX_TEXT (G_GUINT64_CONSTANT (1) << 30)
#define MTE_LOAD_MAX_MARKUP (G_GUINT64_CONSTANT (16) << 20)
#define MTE_LOAD_MAX_REFERENCE 256

/* Formats @t (seconds since the epoch, UTC, >= 0) as "YYYY-MM-DDTHH:MM:SSZ"
 * into @buf (at least MTE_TIMESTAMP_SIZE bytes). Returns FALSE when the time
 * does not fit four year digits. */
#define MTE_TIMESTAMP_SIZE 21
gboolean mte_timestamp_format (gint64 t, char *buf);

/* Parses the exact form above. Returns FALSE on anything else. */
gboolean mte_timestamp_parse (const char *text, gint64 *t);

/*
 * Test hook for failure injection in mte_project_save_to_file(). Every
 * write of the document goes through this function, which by default is
 * write(2) itself. A test may install its own (for example one that fails
 * with ENOSPC after N bytes) and must restore the previous one. Not
 * thread-safe: only for tests.
 */
typedef ssize_t (*MteIoWriteFunc) (int fd, const void *buf, size_t count);

MteIoWriteFunc mte_io_set_write_func (MteIoWriteFunc func);

/* Convenience for tests: make writes fail with ENOSPC once @limit bytes
 * have been written in total (-1 turns the limit off). Counts from the
 * moment it is called. */
void mte_io_set_write_limit (gssize limit);

/*
 * Test hook for the loader: the most bytes one read takes from the input
 * (1 to MTE_IO_READ_SIZE_MAX; 0 restores the default, 1 MiB). A pipe gives
 * the loader 64 KiB at a time, a test may give it one byte at a time; the
 * result and the cost per byte must not depend on it. Returns the previous
 * size. Not thread-safe: only for tests.
 */
#define MTE_IO_READ_SIZE_MAX (1024 * 1024)
gsize mte_io_set_read_size (gsize size);

G_END_DECLS

#endif /* MTE_IO_PRIVATE_H */
