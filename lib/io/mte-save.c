/* metaethno: atomic, private and locked saving of project files.
 *
 * A save never leaves a moment where the target holds anything but the
 * whole previous content or the whole new content, and never shows anyone
 * what the final file would not:
 *
 *  1. links at the target are followed as the kernel would follow them
 *     (at most 40, and not another user's link in a sticky shared folder);
 *  2. the target, when it exists, is locked (an advisory open file
 *     description lock, the same one mte_project_file_open() holds), so a
 *     save waits for a concurrent load-change-save to finish;
 *  3. the new content goes to an unnamed file (O_TMPFILE) in the target's
 *     folder, or where the file system lacks those to ".NAME.XXXXXX",
 *     created with mode 0600 and locked at once;
 *  4. it gets the target's owner, group, extended attributes (ACLs, labels)
 *     and permission bits, then the bytes, then fsync();
 *  5. it is given a name and renamed over the target; only the folder sync
 *     remains, whose failure is "saved, but not yet durable";
 *  6. temporary files of the same target whose writer died (no lock held
 *     on them) are removed.
 *
 * Every step is a plain system call so tests can interpose on them.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mte-error-private.h"
#include "mte-io-private.h"
#include "mte-save-private.h"

#define MAX_LINK_HOPS 40
/* How often a lock is taken again because the file it locked was replaced
 * meanwhile; each retry means another save completed, so this is only a
 * bound against a pathological stream of writers. */
#define MAX_LOCK_RETRIES 10000
#define TEMP_SUFFIX_LENGTH 6

static ssize_t plain_write (int fd, const void *buf, size_t count);

static MteIoWriteFunc write_func = plain_write;
static gssize write_limit = -1;   /* bytes still allowed; -1: no limit */

static ssize_t
plain_write (int fd, const void *buf, size_t count)
{
  if (write_limit >= 0)
    {
      if (write_limit == 0)
        {
          errno = ENOSPC;
          return -1;
        }
      if (count > (size_t) write_limit)
        count = (size_t) write_limit;
    }
  {
    ssize_t n = write (fd, buf, count);

    if (n > 0 && write_limit >= 0)
      write_limit -= n;
    return n;
  }
}

MteIoWriteFunc
mte_io_set_write_func (MteIoWriteFunc func)
{
  MteIoWriteFunc previous = write_func;

  write_func = func != NULL ? func : plain_write;
  return previous;
}

void
mte_io_set_write_limit (gssize limit)
{
  write_limit = limit < 0 ? -1 : limit;
}

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

/* "WHAT 'PATH': REASON", one line. */
static gboolean
set_errno_error (GError **error, int saved_errno, const char *what, const char *path)
{
  g_autofree char *shown = mte_message_path (path);

  mte_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s '%s': %s", what, shown, g_strerror (saved_errno));
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Identity and locks                                                 */
/* ------------------------------------------------------------------ */

void
mte_io_stamp_from_stat (MteIoStamp *stamp, const struct stat *st)
{
  stamp->dev = st->st_dev;
  stamp->ino = st->st_ino;
  stamp->size = st->st_size;
  stamp->mtime = st->st_mtim;
}

gboolean
mte_io_stamp_equal (const MteIoStamp *a, const MteIoStamp *b)
{
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec;
}

MteIoLockResult
mte_io_lock (int fd, gboolean exclusive, gboolean wait, int *saved_errno)
{
  struct flock fl;

  memset (&fl, 0, sizeof fl);
  fl.l_type = exclusive ? F_WRLCK : F_RDLCK;
  fl.l_whence = SEEK_SET;
  for (;;)
    {
      if (fcntl (fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl) == 0)
        return MTE_IO_LOCK_HELD;
      if (errno == EINTR)
        continue;
      if (errno == EAGAIN || errno == EACCES)
        return MTE_IO_LOCK_BUSY;
      if (errno == EINVAL)
        break;                  /* a kernel without OFD locks: flock() */
      if (errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS)
        return MTE_IO_LOCK_UNSUPPORTED;
      *saved_errno = errno;
      return MTE_IO_LOCK_FAILED;
    }
  for (;;)
    {
      if (flock (fd, (exclusive ? LOCK_EX : LOCK_SH) | (wait ? 0 : LOCK_NB)) == 0)
        return MTE_IO_LOCK_HELD;
      if (errno == EINTR)
        continue;
      if (errno == EWOULDBLOCK)
        return MTE_IO_LOCK_BUSY;
      if (errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS || errno == EINVAL ||
          errno == EBADF)
        return MTE_IO_LOCK_UNSUPPORTED;
      *saved_errno = errno;
      return MTE_IO_LOCK_FAILED;
    }
}

/* The files this process holds open for changes (MteIoHeld), so that a
 * save or a second open of one of them fails instead of waiting for a lock
 * this very process holds. */
static GMutex held_mutex;
static GPtrArray *held_files;

void
mte_io_held_register (MteIoHeld *held)
{
  g_mutex_lock (&held_mutex);
  if (held_files == NULL)
    held_files = g_ptr_array_new ();
  g_ptr_array_add (held_files, held);
  g_mutex_unlock (&held_mutex);
}

void
mte_io_held_unregister (MteIoHeld *held)
{
  g_mutex_lock (&held_mutex);
  if (held_files != NULL)
    g_ptr_array_remove_fast (held_files, held);
  g_mutex_unlock (&held_mutex);
}

gboolean
mte_io_held_contains (dev_t dev, ino_t ino)
{
  gboolean found = FALSE;

  g_mutex_lock (&held_mutex);
  for (guint i = 0; held_files != NULL && i < held_files->len && !found; i++)
    {
      MteIoHeld *held = g_ptr_array_index (held_files, i);

      found = held->stamp.dev == dev && held->stamp.ino == ino;
    }
  g_mutex_unlock (&held_mutex);
  return found;
}

static void
held_update (MteIoHeld *held, int fd, MteIoLockResult lock, const struct stat *st)
{
  g_mutex_lock (&held_mutex);
  held->fd = fd;
  held->locked = lock == MTE_IO_LOCK_HELD;
  mte_io_stamp_from_stat (&held->stamp, st);
  g_mutex_unlock (&held_mutex);
}

/* ------------------------------------------------------------------ */
/* Links                                                              */
/* ------------------------------------------------------------------ */

gboolean
mte_io_resolve_links (const char *path, char **real_path, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (int hops = 0;; hops++)
    {
      g_autofree char *target = NULL;
      g_autofree char *folder = NULL;
      struct stat link_st, folder_st;
      int saved_errno;

      if (lstat (current, &link_st) != 0 || !S_ISLNK (link_st.st_mode))
        break;                  /* a file, or nothing yet: the end */
      if (hops == MAX_LINK_HOPS)
        return set_errno_error (error, ELOOP, "cannot save", path);

      /* fs.protected_symlinks: in a sticky folder that others may write,
       * follow only a link of one's own or of the folder's owner. */
      folder = g_path_get_dirname (current);
      if (stat (folder, &folder_st) == 0 &&
          (folder_st.st_mode & S_ISVTX) != 0 && (folder_st.st_mode & S_IWOTH) != 0 &&
          link_st.st_uid != geteuid () && link_st.st_uid != folder_st.st_uid)
        {
          g_autofree char *shown = mte_message_path (current);
          g_autofree char *shown_path = mte_message_path (path);

          mte_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                       "cannot save '%s': the symbolic link '%s' is in a shared sticky "
                       "folder and belongs to another user, so it is not followed",
                       shown_path, shown);
          return FALSE;
        }

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        {
          saved_errno = errno;
          return set_errno_error (error, saved_errno, "cannot read the link", current);
        }
      if (!g_path_is_absolute (target))
        {
          char *joined = g_build_filename (folder, target, NULL);

          g_free (target);
          target = joined;
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  *real_path = g_steal_pointer (&current);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The target                                                         */
/* ------------------------------------------------------------------ */

/* Opens and locks the file at @real_path for a save. *fd is -1 when there
 * is no file yet; otherwise the descriptor (locked unless the file system
 * has no locks), and @st describes the file the name refers to now. */
static gboolean
open_target (const char *real_path, const char *path, int *fd_out,
             MteIoLockResult *lock_out, struct stat *st, GError **error)
{
  for (int tries = 0; tries < MAX_LOCK_RETRIES; tries++)
    {
      gboolean exclusive = TRUE;
      MteIoLockResult lock;
      struct stat now;
      int saved_errno = 0;
      int fd;

      fd = open (real_path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (fd < 0 && (errno == EACCES || errno == EPERM || errno == EROFS || errno == ETXTBSY))
        {
          /* Not writable: a rename may still replace it. A shared lock
           * still waits for, and holds off, every writer's exclusive one. */
          exclusive = FALSE;
          fd = open (real_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        }
      if (fd < 0)
        {
          saved_errno = errno;
          if (saved_errno == ENOENT)
            {
              *fd_out = -1;
              *lock_out = MTE_IO_LOCK_UNSUPPORTED;
              return TRUE;
            }
          if (saved_errno == EACCES && stat (real_path, st) == 0)
            {
              /* Neither readable nor writable, yet the folder may allow
               * the rename: go on without a lock or attributes. */
              *fd_out = -1;
              *lock_out = MTE_IO_LOCK_UNSUPPORTED;
              return TRUE;
            }
          return set_errno_error (error, saved_errno, "cannot open", path);
        }
      if (fstat (fd, st) != 0)
        {
          saved_errno = errno;
          close (fd);
          return set_errno_error (error, saved_errno, "cannot read the status of", path);
        }
      if (!S_ISREG (st->st_mode))
        {
          g_autofree char *shown = mte_message_path (path);

          close (fd);
          mte_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       "cannot save '%s': it is not a regular file", shown);
          return FALSE;
        }
      if (mte_io_held_contains (st->st_dev, st->st_ino))
        {
          g_autofree char *shown = mte_message_path (path);

          close (fd);
          mte_set_error (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_LOCKED,
                       "cannot save '%s': this program has it open for changes "
                       "(save it through that MteProjectFile)", shown);
          return FALSE;
        }
      lock = mte_io_lock (fd, exclusive, TRUE, &saved_errno);
      if (lock == MTE_IO_LOCK_FAILED)
        {
          close (fd);
          return set_errno_error (error, saved_errno, "cannot lock", path);
        }
      /* While we waited, a save may have put another file at the name. */
      if (stat (real_path, &now) == 0 && now.st_dev == st->st_dev && now.st_ino == st->st_ino)
        {
          *st = now;
          *fd_out = fd;
          *lock_out = lock;
          return TRUE;
        }
      close (fd);
    }
  return set_errno_error (error, EBUSY, "cannot lock", path);
}

/* ------------------------------------------------------------------ */
/* The new file                                                       */
/* ------------------------------------------------------------------ */

static void
random_suffix (char *out)
{
  static const char letters[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  for (int i = 0; i < TEMP_SUFFIX_LENGTH; i++)
    out[i] = letters[g_random_int_range (0, (gint32) sizeof letters - 1)];
  out[TEMP_SUFFIX_LENGTH] = '\0';
}

static char *
temp_name (const char *folder, const char *base)
{
  char suffix[TEMP_SUFFIX_LENGTH + 1];

  random_suffix (suffix);
  return g_strdup_printf ("%s%c.%s.%s", folder, G_DIR_SEPARATOR, base, suffix);
}

/* Whether @name is one of ours for @base: ".BASE." and six letters or
 * digits (the names above and those of mkstemp). */
static gboolean
is_temp_name_of (const char *name, const char *base)
{
  gsize base_len = strlen (base);
  const char *suffix;

  if (name[0] != '.' || strncmp (name + 1, base, base_len) != 0 || name[base_len + 1] != '.')
    return FALSE;
  suffix = name + base_len + 2;
  if (strlen (suffix) != TEMP_SUFFIX_LENGTH)
    return FALSE;
  for (int i = 0; i < TEMP_SUFFIX_LENGTH; i++)
    if (!g_ascii_isalnum (suffix[i]))
      return FALSE;
  return TRUE;
}

/* Creates the new file with @mode, locked. *named is NULL for an unnamed
 * O_TMPFILE file, else the name it has. Returns the descriptor, or -1 with
 * errno set. */
static int
create_new_file (const char *folder, const char *base, mode_t mode, char **named)
{
  int fd, saved_errno = 0;

  *named = NULL;
  /* An unnamed file is given its name through /proc (linkat() of the
   * descriptor itself needs a privilege): without /proc, a named one. */
  fd = access ("/proc/self/fd", X_OK) == 0 ? open (folder, O_TMPFILE | O_RDWR | O_CLOEXEC, mode)
                                           : (errno = EOPNOTSUPP, -1);
  if (fd >= 0)
    {
      if (mte_io_lock (fd, TRUE, FALSE, &saved_errno) == MTE_IO_LOCK_FAILED)
        {
          close (fd);
          errno = saved_errno;
          return -1;
        }
      return fd;
    }
  saved_errno = errno;
  if (saved_errno != EOPNOTSUPP && saved_errno != EISDIR && saved_errno != EINVAL)
    return -1;

  /* No O_TMPFILE here: a named file, locked at once so that a concurrent
   * save's clean-up can tell it from a dead one. */
  for (int tries = 0; tries < 100; tries++)
    {
      g_autofree char *path = temp_name (folder, base);
      struct stat st;

      fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
      if (fd < 0)
        {
          if (errno == EEXIST)
            continue;
          return -1;
        }
      if (mte_io_lock (fd, TRUE, TRUE, &saved_errno) == MTE_IO_LOCK_FAILED)
        {
          close (fd);
          unlink (path);
          errno = saved_errno;
          return -1;
        }
      /* A clean-up may have removed it before the lock was ours. */
      if (fstat (fd, &st) == 0 && st.st_nlink > 0)
        {
          *named = g_steal_pointer (&path);
          return fd;
        }
      close (fd);
    }
  errno = EEXIST;
  return -1;
}

/* Gives the unnamed file a temporary name in @folder, for the rename. */
static char *
name_new_file (int fd, const char *folder, const char *base, int *saved_errno)
{
  char proc_path[64];

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  for (int tries = 0; tries < 100; tries++)
    {
      g_autofree char *path = temp_name (folder, base);

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
        return g_steal_pointer (&path);
      if (errno != EEXIST)
        break;
    }
  *saved_errno = errno;
  return NULL;
}

/* Extended attributes carry POSIX ACLs ("system.posix_acl_access") and
 * security labels. An ACL that cannot be carried over fails the save: the
 * new file would otherwise grant the owning group what the ACL's mask
 * withheld. Other attributes are carried where the system allows. */
static gboolean
copy_xattrs (int from, int to, int *saved_errno)
{
  g_autofree char *names = NULL;
  ssize_t length;

  for (int tries = 0; tries < 4; tries++)
    {
      length = flistxattr (from, NULL, 0);
      if (length <= 0)
        return TRUE;            /* none, or not supported here */
      names = g_realloc (names, (gsize) length);
      length = flistxattr (from, names, (size_t) length);
      if (length >= 0 || errno != ERANGE)
        break;
    }
  if (length <= 0)
    return TRUE;
  for (const char *name = names; name < names + length; name += strlen (name) + 1)
    {
      g_autofree char *value = NULL;
      gboolean needed = g_str_has_prefix (name, "system.posix_acl_");
      ssize_t size = fgetxattr (from, name, NULL, 0);

      if (size >= 0)
        {
          value = g_malloc (MAX (size, 1));
          size = fgetxattr (from, name, value, (size_t) size);
        }
      if (size < 0 || fsetxattr (to, name, value, (size_t) size, 0) != 0)
        {
          if (needed && errno != ENOTSUP && errno != ENODATA)
            {
              *saved_errno = errno;
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The previous file's owner, group, attributes and permission bits. */
static gboolean
carry_over (int fd, int target_fd, const struct stat *target, int *saved_errno)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  /* Owner and group where permitted: root always; another user may still
   * hand the file to a group they belong to. */
  if ((st.st_uid != target->st_uid || st.st_gid != target->st_gid) &&
      fchown (fd, target->st_uid, target->st_gid) != 0)
    {
      if (st.st_gid != target->st_gid)
        (void) fchown (fd, (uid_t) -1, target->st_gid);
    }
  if (target_fd >= 0 && !copy_xattrs (target_fd, fd, saved_errno))
    return FALSE;
  /* Last: chown() clears the set-id bits, and an ACL sets the group bits. */
  if (fchmod (fd, target->st_mode & 07777) != 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (int fd, const char *data, gsize length, int *saved_errno)
{
  while (length > 0)
    {
      ssize_t n = write_func (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      if (n == 0)
        {
          *saved_errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* After the rename                                                   */
/* ------------------------------------------------------------------ */

/* Removes the temporary files of @base in @folder whose writer is gone:
 * a live save holds a lock on its file, a dead one's lock went with it. */
static void
remove_stale_temps (const char *folder, const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st, now;
      int fd, ignored = 0;

      if (!is_temp_name_of (name, base))
        continue;
      path = g_build_filename (folder, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
          mte_io_lock (fd, FALSE, FALSE, &ignored) == MTE_IO_LOCK_HELD &&
          lstat (path, &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino)
        unlink (path);
      close (fd);
    }
}

static gboolean
sync_folder (const char *folder, const char *path, GError **error)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno = 0;

  if (fd < 0)
    saved_errno = errno;
  else
    {
      if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP)
        saved_errno = errno;
      close (fd);
    }
  if (saved_errno != 0)
    {
      g_autofree char *shown = mte_message_path (path);

      mte_set_error (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_NOT_DURABLE,
                   "saved '%s', but not yet durable: its folder could not be flushed "
                   "to disk (%s); the change is in the file, do not repeat it",
                   shown, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The save                                                           */
/* ------------------------------------------------------------------ */

gboolean
mte_io_save_data (const char   *data,
                  gsize         length,
                  const char   *path,
                  MteSaveFlags  flags,
                  MteIoHeld    *held,
                  GError      **error)
{
  g_autofree char *real_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *named = NULL;
  gboolean sync = (flags & MTE_SAVE_NO_FSYNC) == 0;
  gboolean exists;
  MteIoLockResult target_lock = MTE_IO_LOCK_UNSUPPORTED;
  struct stat target, done;
  int target_fd = -1;
  int fd = -1;
  int saved_errno = 0;

  if (!mte_io_resolve_links (path, &real_path, error))
    return FALSE;
  folder = g_path_get_dirname (real_path);
  base = g_path_get_basename (real_path);

  if (held != NULL)
    {
      MteIoStamp now;
      g_autofree char *shown = mte_message_path (path);

      /* The file must still be the one loaded (or last saved). */
      if (stat (real_path, &target) != 0)
        {
          saved_errno = errno;
          if (saved_errno != ENOENT)
            return set_errno_error (error, saved_errno, "cannot read the status of", path);
          mte_set_error (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_CHANGED,
                       "did not save '%s': it was removed or renamed since it was loaded",
                       shown);
          return FALSE;
        }
      mte_io_stamp_from_stat (&now, &target);
      if (!mte_io_stamp_equal (&now, &held->stamp))
        {
          mte_set_error (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_CHANGED,
                       "did not save '%s': another program changed it since it was "
                       "loaded; load it again and repeat the change", shown);
          return FALSE;
        }
      target_fd = held->fd;
      exists = TRUE;
    }
  else
    {
      if (!open_target (real_path, path, &target_fd, &target_lock, &target, error))
        return FALSE;
      exists = target_fd >= 0 || target_lock != MTE_IO_LOCK_UNSUPPORTED ||
               g_file_test (real_path, G_FILE_TEST_EXISTS);
    }

  /* Private until it has the previous file's permissions; a new file is
   * made as any new file would be (0666 less the umask). */
  fd = create_new_file (folder, base, exists ? 0600 : 0666, &named);
  if (fd < 0)
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, "cannot create a temporary file next to", path);
      goto fail;
    }
  if (exists && !carry_over (fd, target_fd, &target, &saved_errno))
    goto fail_write;
  if (!write_all (fd, data, length, &saved_errno))
    goto fail_write;
  if (sync && fsync (fd) != 0)
    {
      saved_errno = errno;
      goto fail_write;
    }
  if (named == NULL)
    {
      named = name_new_file (fd, folder, base, &saved_errno);
      if (named == NULL)
        goto fail_write;
    }
  if (rename (named, real_path) != 0)
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, "cannot replace", path);
      goto fail;
    }
  g_clear_pointer (&named, g_free);

  /* Saved. The new file is locked already, so it takes over the lock of
   * the file it replaced. */
  if (fstat (fd, &done) != 0)
    memset (&done, 0, sizeof done);
  if (held != NULL)
    {
      MteIoLockResult lock = held->locked ? MTE_IO_LOCK_HELD : MTE_IO_LOCK_UNSUPPORTED;

      held_update (held, fd, lock, &done);
      fd = -1;
    }
  if (target_fd >= 0)
    close (target_fd);
  target_fd = -1;
  if (fd >= 0)
    close (fd);
  remove_stale_temps (folder, base);
  if (sync)
    return sync_folder (folder, path, error);
  return TRUE;

fail_write:
  set_errno_error (error, saved_errno, "cannot write", path);
fail:
  if (named != NULL)
    unlink (named);
  if (fd >= 0)
    close (fd);
  if (target_fd >= 0 && held == NULL)
    close (target_fd);
  return FALSE;
}

gboolean
mte_project_save_to_file (const MteProject *project,
                          const char       *path,
                          MteSaveFlags      flags,
                          GError          **error)
{
  g_autofree char *data = NULL;
  GError *local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = mte_project_to_data (project, &length, flags, &local_error);
  if (data == NULL)
    {
      g_autofree char *shown = mte_message_path (path);

      mte_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "cannot save '%s': %s", shown, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return mte_io_save_data (data, length, path, flags, NULL, error);
}
