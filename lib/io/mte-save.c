/* metaethno: atomic saving of project files.
 *
 * The document is built in memory, written to a temporary file next to the
 * target (".NAME.XXXXXX"), flushed, and renamed over the target; the folder
 * is then flushed so the rename itself is durable. Until the rename the old
 * file is untouched, and on any failure the temporary file is removed.
 * A symbolic link at the target is followed, so the link survives.
 * Every step is a plain system call (write, fsync, close, rename) so tests
 * can interpose on them.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mte-io-private.h"

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

/* "WHAT 'PATH': REASON", one line. */
static gboolean
set_errno_error (GError **error, int saved_errno, const char *what, const char *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s '%s': %s", what, path, g_strerror (saved_errno));
  return FALSE;
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

static gboolean
sync_folder (const char *folder, const char *path, GError **error)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    return set_errno_error (error, errno, "cannot open the folder of", path);
  if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    {
      saved_errno = errno;
      close (fd);
      return set_errno_error (error, saved_errno, "cannot sync the folder of", path);
    }
  close (fd);
  return TRUE;
}

/* Where the bytes of @path really live: a symbolic link is followed (so
 * that saving through a link updates its target and keeps the link),
 * giving up after a few hops as the kernel would. */
static char *
resolve_links (const char *path)
{
  char *current = g_strdup (path);

  for (int hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      char *next;

      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        next = g_strdup (target);
      else
        {
          g_autofree char *folder = g_path_get_dirname (current);

          next = g_build_filename (folder, target, NULL);
        }
      g_free (current);
      current = next;
    }
  return current;
}

gboolean
mte_project_save_to_file (const MteProject *project,
                          const char       *path,
                          MteSaveFlags      flags,
                          GError          **error)
{
  g_autofree char *data = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *real_path = NULL;
  GError *local_error = NULL;
  gboolean sync = (flags & MTE_SAVE_NO_FSYNC) == 0;
  struct stat st;
  gboolean have_mode;
  gsize length = 0;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = mte_project_to_data (project, &length, flags, &local_error);
  if (data == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "cannot save '%s': %s", path, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  real_path = resolve_links (path);
  folder = g_path_get_dirname (real_path);
  base = g_path_get_basename (real_path);
  have_mode = g_stat (real_path, &st) == 0 && S_ISREG (st.st_mode);

  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_errno_error (error, errno,
                            "cannot create a temporary file next to", path);

  /* g_mkstemp_full() gives 0666 less the umask, as a new file would get;
   * an existing file keeps its own permission bits. */
  if (have_mode && fchmod (fd, st.st_mode & 07777) != 0)
    {
      saved_errno = errno;
      goto fail_open;
    }
  if (!write_all (fd, data, length, &saved_errno))
    goto fail_open;
  if (sync && fsync (fd) != 0)
    {
      saved_errno = errno;
      goto fail_open;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, "cannot write", path);
    }
  if (rename (tmp_path, real_path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, "cannot replace", path);
    }
  if (sync)
    return sync_folder (folder, path, error);
  return TRUE;

fail_open:
  close (fd);
  g_unlink (tmp_path);
  return set_errno_error (error, saved_errno, "cannot write", path);
}
