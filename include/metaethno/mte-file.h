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
 * with %MTE_FORMAT_ERROR_TOO_LARGE before anything is parsed. Parts of a
 * file are bounded too (32 attributes on an element, 16 MiB for a comment
 * or processing instruction, 1 GiB for a tag or an element's text; see
 * docs/file-format.md, "Limits"), so that loading any input takes time
 * linear in its size.
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
 * mte_project_get_n_load_warnings:
 * @project: a project
 *
 * A project loaded from a file that a person edited by hand may hold what
 * the format keeps no record of: XML comments and processing instructions.
 * The next save cannot write them back, so the loader warns, before any
 * save, with one warning per kind of thing that will be lost.
 *
 * Returns: the number of warnings from the load that made @project; 0 for
 *   a project made with mte_project_new() or loaded without loss.
 */
MTE_API guint mte_project_get_n_load_warnings (const MteProject *project);

/**
 * mte_project_get_load_warning:
 * @project: a project
 * @index: 0 to mte_project_get_n_load_warnings() - 1
 *
 * Returns: (transfer none): one line, "NAME:LINE:COLUMN: what will not be
 *   kept", e.g. "review.xml:3:5: 2 XML comments (the first here) will not be
 *   kept by the next save"; valid while @project lives.
 */
MTE_API const char *mte_project_get_load_warning (const MteProject *project,
                                                  guint             index);

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
 * Saves atomically: the document is written to a new file in the same
 * folder, flushed to disk with fsync(), renamed over @path, and the folder
 * is synced. If anything fails before the rename (no permission, disk
 * full, the process killed mid-write) the previous file at @path is left
 * untouched and nothing is left behind.
 *
 * Nothing is ever readable by others that the final file would not let
 * them read: the new file is created private (mode 0600) and, before the
 * rename, given the previous file's permission bits, owner and group
 * (where the caller may set them: root always, others keep the group when
 * they belong to it) and its extended attributes, which carry POSIX ACLs
 * and security labels (where the file system allows). A new file gets
 * mode 0666 less the umask, as any new file would.
 *
 * Links: a symbolic link at @path is followed, so the link survives and
 * its target is replaced; a chain of more than 40 links fails with
 * %G_FILE_ERROR_LOOP, and a link in a sticky folder that others may write
 * (such as /tmp) is followed only when it belongs to the caller or to the
 * folder's owner, as the kernel's fs.protected_symlinks rule has it;
 * otherwise the save fails with %G_FILE_ERROR_ACCES. A hard link is not
 * followed: @path gets the new content and the file's other names keep
 * the previous content, as with every save by renaming.
 *
 * Concurrency: when @path exists, the save takes its advisory lock (see
 * mte_project_file_open()) and waits while another program holds it, so a
 * save never lands in the middle of another program's load-change-save.
 * To change a file that others may change too, use mte_project_file_open()
 * and mte_project_file_save() instead, which hold the lock from the load
 * to the save. Calling this on a file this program holds open through an
 * #MteProjectFile fails with %MTE_SAVE_ERROR_LOCKED instead of waiting for
 * itself.
 *
 * Temporary files of the same target left behind by a save that was
 * killed (by an older version of the library, or on a file system without
 * O_TMPFILE) are removed by the next successful save; a save still in
 * progress in another process holds a lock on its temporary file, which
 * is how it is told from a dead one.
 *
 * Returns: TRUE on success. FALSE with @error set: in the %G_FILE_ERROR
 *   domain when the system refused a step (the previous file is then
 *   untouched), or %MTE_SAVE_ERROR_NOT_DURABLE when the file was replaced
 *   but its folder could not be synced (the new content is in place; see
 *   #MteSaveError), or %MTE_SAVE_ERROR_LOCKED as above.
 */
MTE_API gboolean mte_project_save_to_file (const MteProject *project,
                                           const char       *path,
                                           MteSaveFlags      flags,
                                           GError          **error);

/**
 * mte_project_file_open:
 * @path: an existing project file (in the GLib file name encoding)
 * @flags: %MTE_OPEN_FLAGS_NONE, or %MTE_OPEN_NO_WAIT
 * @error: return location for a #GError
 *
 * The safe way to change a file that other people or programs may change
 * too: locks @path, loads it, and keeps the lock until
 * mte_project_file_free(). Change the project (mte_project_file_get_project())
 * and save it with mte_project_file_save(), as often as needed.
 *
 * The lock is an advisory lock on the file (an open file description lock,
 * fcntl F_OFD_SETLKW, which Linux also passes to NFS and SMB servers that
 * support locking; flock() where those are missing). Every metaethno
 * command and every save by this library takes it, so two programs
 * changing one file take turns: the second waits (or, with
 * %MTE_OPEN_NO_WAIT, fails with %MTE_SAVE_ERROR_LOCKED) and then loads
 * the file with the first one's change in it. Where the file system offers
 * no locks at all, the file is opened without one, and a save still
 * refuses with %MTE_SAVE_ERROR_CHANGED when the file changed since it was
 * loaded; between that check and the rename a program that takes no lock
 * could still slip in. Programs that ignore the lock (a text editor, say)
 * are caught by the same check.
 *
 * A file this program may read but not write is opened with a shared
 * lock, which still waits for, and holds off, every writer's exclusive
 * lock; a save may then still replace it by renaming where the folder
 * allows, and the check above catches two such programs. Symbolic links
 * are followed as in mte_project_save_to_file().
 *
 * Returns: (transfer full) (nullable): the open file; free it with
 *   mte_project_file_free(). NULL with @error set: %MTE_FORMAT_ERROR when
 *   the file cannot be loaded (as mte_project_load_from_file()),
 *   %G_FILE_ERROR when it cannot be opened or locked, %MTE_SAVE_ERROR_LOCKED
 *   as above.
 */
MTE_API MteProjectFile *mte_project_file_open (const char   *path,
                                               MteOpenFlags  flags,
                                               GError      **error);

/**
 * mte_project_file_get_project:
 * @file: an open project file
 *
 * Returns: (transfer none): the project loaded from the file, owned by
 *   @file and freed with it.
 */
MTE_API MteProject *mte_project_file_get_project (MteProjectFile *file);

/**
 * mte_project_file_get_path:
 * @file: an open project file
 *
 * Returns: (transfer none): the path given to mte_project_file_open().
 */
MTE_API const char *mte_project_file_get_path (MteProjectFile *file);

/**
 * mte_project_file_is_locked:
 * @file: an open project file
 *
 * Returns: TRUE when @file holds the file's lock; FALSE on a file system
 *   without locks (see mte_project_file_open()).
 */
MTE_API gboolean mte_project_file_is_locked (MteProjectFile *file);

/**
 * mte_project_file_save:
 * @file: an open project file
 * @flags: save flags
 * @error: return location for a #GError
 *
 * Saves the project over the file it was loaded from, as
 * mte_project_save_to_file() does, keeping the lock: the new file is
 * locked before it takes the old one's name, so no other program can get
 * between this save and the next.
 *
 * Before writing, checks that the file at the path is still the one
 * loaded (or last saved) and unchanged; if not (a program that takes no
 * lock replaced, changed or removed it), nothing is written and the error
 * is %MTE_SAVE_ERROR_CHANGED, so that program's work is not overwritten.
 *
 * Returns: TRUE on success; FALSE with @error set as for
 *   mte_project_save_to_file(), or %MTE_SAVE_ERROR_CHANGED. After
 *   %MTE_SAVE_ERROR_NOT_DURABLE the save took effect and @file follows the
 *   new file.
 */
MTE_API gboolean mte_project_file_save (MteProjectFile *file,
                                        MteSaveFlags    flags,
                                        GError        **error);

/**
 * mte_project_file_free:
 * @file: (nullable): an open project file
 *
 * Releases the lock and frees the project without saving it. NULL is
 * allowed and does nothing.
 */
MTE_API void mte_project_file_free (MteProjectFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteProjectFile, mte_project_file_free)

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
