/* metaethno: loading and saving project files.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_FILE_H
#define MTE_FILE_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * MTE_LOAD_MAX_BYTES:
 *
 * The largest project file the loaders accept: 4 GiB. Larger inputs fail
 * with %MTE_FORMAT_ERROR_TOO_LARGE before anything is parsed.
 */
#define MTE_LOAD_MAX_BYTES (G_GUINT64_CONSTANT (4) << 30)

/**
 * mte_project_load_from_file:
 * @path: the file to read (in the GLib file name encoding)
 * @flags: %MTE_LOAD_FLAGS_NONE
 * @error: return location for a #GError
 *
 * Reads a project file (docs/file-format.md). The input is untrusted: no
 * DTD, entity or network access, bounded size and depth. It is validated
 * against the schema bundled in the library (docs/metaethno.xsd) and every
 * reference is resolved. The first problem found is reported in the
 * %MTE_FORMAT_ERROR domain as `PATH:LINE:COLUMN: message`; then no project
 * is returned.
 *
 * Returns: (transfer full) (nullable): the project, or NULL with @error set.
 */
MTE_API MteProject *mte_project_load_from_file (const char   *path,
                                                MteLoadFlags  flags,
                                                GError      **error);

/**
 * mte_project_load_from_data:
 * @data: (array length=length): the bytes of a project file
 * @length: the number of bytes, or -1 when @data is NUL-terminated
 * @name: (nullable): the name to use in error messages; NULL for "<data>"
 * @flags: %MTE_LOAD_FLAGS_NONE
 * @error: return location for a #GError
 *
 * As mte_project_load_from_file(), from memory.
 *
 * Returns: (transfer full) (nullable): the project, or NULL with @error set.
 */
MTE_API MteProject *mte_project_load_from_data (const char   *data,
                                                gssize        length,
                                                const char   *name,
                                                MteLoadFlags  flags,
                                                GError      **error);

/**
 * mte_project_to_data:
 * @project: a project
 * @length: (out) (optional): the length of the result, without the final NUL
 * @flags: save flags
 * @error: return location for a #GError
 *
 * Serialises the project in the current format version. The output is
 * deterministic: the same model always gives the same bytes.
 *
 * Returns: (transfer full): a NUL-terminated UTF-8 document; free with
 *   g_free(). NULL with @error set (in the %MTE_MODEL_ERROR domain) only
 *   when the model holds something the format cannot, which the model's
 *   own checks prevent for anything built through the API.
 */
MTE_API char *mte_project_to_data (const MteProject *project,
                                   gsize            *length,
                                   MteSaveFlags      flags,
                                   GError          **error);

/**
 * mte_project_save_to_file:
 * @project: a project
 * @path: where to save
 * @flags: save flags (%MTE_SAVE_NO_FSYNC to skip the syncs)
 * @error: return location for a #GError
 *
 * Saves atomically: the document is written to a temporary file in the
 * same folder, flushed to disk with fsync(), renamed over @path, and the
 * folder is synced. If anything fails (no permission, disk full, the
 * process killed mid-write) the previous file at @path is left untouched
 * and the temporary file is removed where possible. An existing file's
 * permission bits are kept.
 *
 * Returns: TRUE on success; FALSE with @error set in the %G_FILE_ERROR
 *   domain.
 */
MTE_API gboolean mte_project_save_to_file (const MteProject *project,
                                           const char       *path,
                                           MteSaveFlags      flags,
                                           GError          **error);

/**
 * mte_get_schema:
 *
 * The XML Schema (XSD 1.0) of the current format version, as bundled in
 * the library: the same text as docs/metaethno.xsd.
 *
 * Returns: (transfer none): a static NUL-terminated string.
 */
MTE_API const char *mte_get_schema (void);

G_END_DECLS

#endif /* MTE_FILE_H */
