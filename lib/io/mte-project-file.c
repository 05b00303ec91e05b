/* metaethno: a project file held open for changes.
 *
 * The lock is taken on the file the path names, before it is read; a save
 * replaces the file by renaming, so whoever waited on the old file finds,
 * once it has the lock, that the path now names another file, and tries
 * again on that one. The new file is locked before it gets the name, so
 * the holder keeps the lock across its saves.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mte-error-private.h"
#include "mte-io-private.h"
#include "mte-save-private.h"

#define MAX_OPEN_RETRIES 10000

struct _MteProjectFile {
  char       *path;
  MteProject *project;
  MteIoHeld   held;
};

static gboolean
set_open_error (GError **error, int saved_errno, const char *path)
{
  g_autofree char *shown = mte_message_path (path);

  mte_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 "cannot open '%s' for changes: %s", shown, g_strerror (saved_errno));
  return FALSE;
}

/* Reads the whole of @fd (a regular file of @size bytes, bounded by the
 * loader's limit) and loads it under the name @path. */
static MteProject *
load_fd (int fd, const char *path, const struct stat *st, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0, capacity;

  if ((guint64) st->st_size > MTE_LOAD_MAX_BYTES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, path, 1, 1,
                            "the file is larger than %" G_GUINT64_FORMAT " bytes",
                            (guint64) MTE_LOAD_MAX_BYTES);
      return NULL;
    }
  capacity = (gsize) st->st_size + 1;
  data = g_malloc (capacity);
  for (;;)
    {
      ssize_t n;

      if (length == capacity)
        {
          /* It grew while we read: a program that takes no lock. */
          if ((guint64) capacity > MTE_LOAD_MAX_BYTES)
            break;
          capacity = MIN ((guint64) capacity * 2, MTE_LOAD_MAX_BYTES + 1);
          data = g_realloc (data, capacity);
        }
      n = pread (fd, data + length, capacity - length, (off_t) length);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_open_error (error, errno, path);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  return mte_project_load_from_data (data, (gssize) length, path, MTE_LOAD_FLAGS_NONE, error);
}

MteProjectFile *
mte_project_file_open (const char   *path,
                       MteOpenFlags  flags,
                       GError      **error)
{
  g_autofree char *real_path = NULL;
  gboolean wait = (flags & MTE_OPEN_NO_WAIT) == 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (int tries = 0; tries < MAX_OPEN_RETRIES; tries++)
    {
      MteProjectFile *file;
      MteProject *project;
      MteIoLockResult lock;
      gboolean exclusive = TRUE;
      struct stat st, now;
      int saved_errno = 0;
      int fd;

      g_clear_pointer (&real_path, g_free);
      if (!mte_io_resolve_links (path, &real_path, error))
        return NULL;
      fd = open (real_path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (fd < 0 && (errno == EACCES || errno == EPERM || errno == EROFS || errno == ETXTBSY))
        {
          /* Read-only for us: a shared lock still waits for every writer
           * and holds them off; a save may still replace it by renaming. */
          exclusive = FALSE;
          fd = open (real_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        }
      if (fd < 0)
        {
          saved_errno = errno;
          if (saved_errno == ELOOP)
            continue;           /* the name became a link meanwhile */
          set_open_error (error, saved_errno, path);
          return NULL;
        }
      if (fstat (fd, &st) != 0)
        {
          saved_errno = errno;
          close (fd);
          set_open_error (error, saved_errno, path);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_autofree char *shown = mte_message_path (path);

          close (fd);
          mte_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR
                                                                    : G_FILE_ERROR_FAILED,
                         "cannot open '%s' for changes: it is not a regular file", shown);
          return NULL;
        }
      if (mte_io_held_contains (st.st_dev, st.st_ino))
        {
          g_autofree char *shown = mte_message_path (path);

          close (fd);
          mte_set_error (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_LOCKED,
                         "cannot open '%s' for changes: this program has it open "
                         "for changes already", shown);
          return NULL;
        }
      lock = mte_io_lock (fd, exclusive, wait, &saved_errno);
      if (lock == MTE_IO_LOCK_FAILED)
        {
          close (fd);
          set_open_error (error, saved_errno, path);
          return NULL;
        }
      if (lock == MTE_IO_LOCK_BUSY)
        {
          g_autofree char *shown = mte_message_path (path);

          close (fd);
          mte_set_error (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_LOCKED,
                         "cannot open '%s' for changes: another program is changing it",
                         shown);
          return NULL;
        }
      /* The lock is on the file we opened: make sure the path still names
       * it (a save by renaming replaces it while we wait). */
      if (stat (real_path, &now) != 0 || now.st_dev != st.st_dev || now.st_ino != st.st_ino)
        {
          close (fd);
          continue;
        }
      if (fstat (fd, &st) != 0)
        {
          saved_errno = errno;
          close (fd);
          set_open_error (error, saved_errno, path);
          return NULL;
        }
      project = load_fd (fd, path, &st, error);
      if (project == NULL)
        {
          close (fd);
          return NULL;
        }
      /* A program that takes no lock may have replaced or changed it while
       * we read: then what we read may be neither version; read again. */
      if (stat (real_path, &now) != 0 || now.st_dev != st.st_dev || now.st_ino != st.st_ino ||
          now.st_size != st.st_size || now.st_mtim.tv_sec != st.st_mtim.tv_sec ||
          now.st_mtim.tv_nsec != st.st_mtim.tv_nsec)
        {
          mte_project_free (project);
          close (fd);
          continue;
        }

      file = g_new0 (MteProjectFile, 1);
      file->path = g_strdup (path);
      file->project = project;
      file->held.fd = fd;
      file->held.locked = lock == MTE_IO_LOCK_HELD;
      mte_io_stamp_from_stat (&file->held.stamp, &st);
      mte_io_held_register (&file->held);
      return file;
    }
  set_open_error (error, EBUSY, path);
  return NULL;
}

MteProject *
mte_project_file_get_project (MteProjectFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->project;
}

const char *
mte_project_file_get_path (MteProjectFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);

  return file->path;
}

gboolean
mte_project_file_is_locked (MteProjectFile *file)
{
  g_return_val_if_fail (file != NULL, FALSE);

  return file->held.locked;
}

gboolean
mte_project_file_save (MteProjectFile *file,
                       MteSaveFlags    flags,
                       GError        **error)
{
  g_autofree char *data = NULL;
  GError *local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = mte_project_to_data (file->project, &length, flags, &local_error);
  if (data == NULL)
    {
      g_autofree char *shown = mte_message_path (file->path);

      mte_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     "cannot save '%s': %s", shown, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return mte_io_save_data (data, length, file->path, flags, &file->held, error);
}

void
mte_project_file_free (MteProjectFile *file)
{
  if (file == NULL)
    return;
  mte_io_held_unregister (&file->held);
  if (file->held.fd >= 0)
    close (file->held.fd);
  mte_project_free (file->project);
  g_free (file->path);
  g_free (file);
}
