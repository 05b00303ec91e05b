/* metaethno: private declarations shared by the atomic save
 * (mte-save.c) and locked project files (mte-project-file.c).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_SAVE_PRIVATE_H
#define MTE_SAVE_PRIVATE_H

#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/* What tells one version of a file from another: a save by renaming gives
 * a new inode, a change in place a new size or modification time. */
typedef struct {
  dev_t           dev;
  ino_t           ino;
  off_t           size;
  struct timespec mtime;
} MteIoStamp;

void     mte_io_stamp_from_stat (MteIoStamp *stamp, const struct stat *st);
gboolean mte_io_stamp_equal (const MteIoStamp *a, const MteIoStamp *b);

typedef enum {
  MTE_IO_LOCK_HELD,             /* the lock is ours */
  MTE_IO_LOCK_BUSY,             /* another holds it (only when not waiting) */
  MTE_IO_LOCK_UNSUPPORTED,      /* the file system has no locks */
  MTE_IO_LOCK_FAILED            /* an error; errno in *saved_errno */
} MteIoLockResult;

/* Takes the advisory lock of @fd: an open file description lock (fcntl
 * F_OFD_SETLK[W]) on the whole file, or flock() on kernels without them.
 * @exclusive needs @fd open for writing. */
MteIoLockResult mte_io_lock (int fd, gboolean exclusive, gboolean wait, int *saved_errno);

/* A file held open for changes: its locked descriptor (-1 when the file
 * system has no locks and the file is not open) and the stamp of the
 * version loaded or last saved. Registered for the whole time it is held,
 * so that this process never waits on a lock it holds itself. */
typedef struct {
  int        fd;
  gboolean   locked;
  MteIoStamp stamp;
} MteIoHeld;

void     mte_io_held_register (MteIoHeld *held);
void     mte_io_held_unregister (MteIoHeld *held);
gboolean mte_io_held_contains (dev_t dev, ino_t ino);

/* Follows the symbolic links at @path as the kernel would (at most 40,
 * and not another user's link in a sticky folder others may write). */
gboolean mte_io_resolve_links (const char *path, char **real_path, GError **error);

/* Saves @data atomically at @path (see mte_project_save_to_file()). With
 * @held, the file must still match held->stamp, and after the rename
 * @held follows the new file (also when the folder sync then fails). */
gboolean mte_io_save_data (const char   *data,
                           gsize         length,
                           const char   *path,
                           MteSaveFlags  flags,
                           MteIoHeld    *held,
                           GError      **error);

G_END_DECLS

#endif /* MTE_SAVE_PRIVATE_H */
