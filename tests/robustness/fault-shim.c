/* LD_PRELOAD shim that makes saving fail like a full or broken disk.
 *
 * Only files inside the folder named by MTE_FAULT_DIR are affected;
 * everything else (stdout, other files) works normally. Controls:
 *
 *   MTE_FAULT_ENOSPC_AFTER=N  after N bytes in total have been written to
 *                             affected files, writes fail with ENOSPC (a
 *                             write crossing the limit is cut short first,
 *                             as on a real disk); fallocate() beyond the
 *                             limit fails with ENOSPC too
 *   MTE_FAULT_FSYNC=1         fsync()/fdatasync() on affected files fail
 *                             with EIO
 *   MTE_FAULT_RENAME=1        rename()/renameat() into the folder fail
 *                             with EIO
 *   MTE_FAULT_FSYNC_DIR=1     fsync() of the folder itself fails with EIO
 *                             (files in it sync normally)
 *   MTE_FAULT_NO_TMPFILE=1    open(O_TMPFILE) in the folder fails with
 *                             EOPNOTSUPP, as on a file system without it
 *   MTE_FAULT_LOG=FILE        appends a line to FILE for every file
 *                             created in the folder ("create MODE PATH",
 *                             MODE in octal as passed to open) and every
 *                             fchmod() of one ("fchmod MODE")
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* Both the 32-bit-offset and the 64-bit names are defined below, so the
 * headers must not map one onto the other (meson passes
 * -D_FILE_OFFSET_BITS=64). */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

/* The shim's entry points replace libc's, so they carry libc's names and
 * need no prototypes of their own beyond libc's headers. */

static atomic_llong written;

static const char *
fault_dir (void)
{
  const char *dir = getenv ("MTE_FAULT_DIR");

  return dir && *dir ? dir : NULL;
}

static int
path_is_affected (const char *path)
{
  const char *dir = fault_dir ();
  size_t n;

  if (dir == NULL || path == NULL)
    return 0;
  n = strlen (dir);
  return strncmp (path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static int
fd_is_affected (int fd)
{
  char link[64], path[PATH_MAX];
  ssize_t len;
  struct stat st;

  if (fault_dir () == NULL || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return 0;
  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  len = readlink (link, path, sizeof path - 1);
  if (len < 0)
    return 0;
  path[len] = '\0';
  return path_is_affected (path);
}

static long long
env_number (const char *name)
{
  const char *value = getenv (name);

  return value && *value ? atoll (value) : -1;
}

/* How many of @count bytes may still be written; -1 when unlimited. */
static long long
allowance (size_t count)
{
  long long limit = env_number ("MTE_FAULT_ENOSPC_AFTER");
  long long used, left;

  if (limit < 0)
    return -1;
  used = atomic_load (&written);
  left = limit > used ? limit - used : 0;
  return (long long) count < left ? (long long) count : left;
}

#define NEXT(name) ((__typeof__ (&name)) dlsym (RTLD_NEXT, #name))

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  long long allowed;
  ssize_t done;

  if (count == 0 || !fd_is_affected (fd) || (allowed = allowance (count)) < 0)
    return NEXT (write) (fd, buf, count);
  if (allowed == 0)
    {
      errno = ENOSPC;
      return -1;
    }
  done = NEXT (write) (fd, buf, (size_t) allowed);
  if (done > 0)
    atomic_fetch_add (&written, done);
  return done;
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      count,
        off_t       offset)
{
  long long allowed;
  ssize_t done;

  if (count == 0 || !fd_is_affected (fd) || (allowed = allowance (count)) < 0)
    return NEXT (pwrite) (fd, buf, count, offset);
  if (allowed == 0)
    {
      errno = ENOSPC;
      return -1;
    }
  done = NEXT (pwrite) (fd, buf, (size_t) allowed, offset);
  if (done > 0)
    atomic_fetch_add (&written, done);
  return done;
}

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      count,
          off64_t     offset)
{
  return pwrite (fd, buf, count, (off_t) offset);
}

ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 iovcnt)
{
  size_t total = 0;
  long long allowed;

  for (int i = 0; i < iovcnt; i++)
    total += iov[i].iov_len;
  if (total == 0 || !fd_is_affected (fd) || (allowed = allowance (total)) < 0)
    return NEXT (writev) (fd, iov, iovcnt);
  if (allowed == 0)
    {
      errno = ENOSPC;
      return -1;
    }
  /* Cut short: write the first iovec (or the allowed part of it) only. */
  return write (fd, iov[0].iov_base, iov[0].iov_len);
}

int
fallocate (int   fd,
           int   mode,
           off_t offset,
           off_t len)
{
  long long limit = env_number ("MTE_FAULT_ENOSPC_AFTER");

  if (limit >= 0 && fd_is_affected (fd) && (long long) offset + (long long) len > limit)
    {
      errno = ENOSPC;
      return -1;
    }
  return NEXT (fallocate) (fd, mode, offset, len);
}

int
fallocate64 (int     fd,
             int     mode,
             off64_t offset,
             off64_t len)
{
  return fallocate (fd, mode, (off_t) offset, (off_t) len);
}

int
posix_fallocate (int   fd,
                 off_t offset,
                 off_t len)
{
  long long limit = env_number ("MTE_FAULT_ENOSPC_AFTER");

  if (limit >= 0 && fd_is_affected (fd) && (long long) offset + (long long) len > limit)
    return ENOSPC;
  return NEXT (posix_fallocate) (fd, offset, len);
}

static int fd_is_fault_dir (int fd);

int
fsync (int fd)
{
  if (env_number ("MTE_FAULT_FSYNC_DIR") > 0 && fd_is_fault_dir (fd))
    {
      errno = EIO;
      return -1;
    }
  if (env_number ("MTE_FAULT_FSYNC") > 0 && fd_is_affected (fd))
    {
      errno = EIO;
      return -1;
    }
  return NEXT (fsync) (fd);
}

int
fdatasync (int fd)
{
  if (env_number ("MTE_FAULT_FSYNC") > 0 && fd_is_affected (fd))
    {
      errno = EIO;
      return -1;
    }
  return NEXT (fdatasync) (fd);
}

int
rename (const char *from,
        const char *to)
{
  if (env_number ("MTE_FAULT_RENAME") > 0 && path_is_affected (to))
    {
      errno = EIO;
      return -1;
    }
  return NEXT (rename) (from, to);
}

int
renameat (int         from_dir,
          const char *from,
          int         to_dir,
          const char *to)
{
  if (env_number ("MTE_FAULT_RENAME") > 0 && (to_dir != AT_FDCWD || path_is_affected (to)))
    {
      errno = EIO;
      return -1;
    }
  return NEXT (renameat) (from_dir, from, to_dir, to);
}

/* Whether @fd is the fault folder itself. */
static int
fd_is_fault_dir (int fd)
{
  const char *dir = fault_dir ();
  struct stat st, dst;

  return dir != NULL && fstat (fd, &st) == 0 && S_ISDIR (st.st_mode) &&
         stat (dir, &dst) == 0 && st.st_dev == dst.st_dev && st.st_ino == dst.st_ino;
}

static void
log_line (const char *format, ...)
{
  const char *log = getenv ("MTE_FAULT_LOG");
  char line[PATH_MAX + 64];
  va_list args;
  int fd, n;

  if (log == NULL || *log == '\0')
    return;
  va_start (args, format);
  n = vsnprintf (line, sizeof line, format, args);
  va_end (args);
  if (n <= 0)
    return;
  fd = ((int (*) (const char *, int, ...)) dlsym (RTLD_NEXT, "open")) (
    log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  (void) !NEXT (write) (fd, line, (size_t) (n < (int) sizeof line ? n : (int) sizeof line - 1));
  close (fd);
}

/* The folder @path names, or is in: @path itself for O_TMPFILE. */
static int
creation_is_affected (int dir_fd, const char *path, int flags)
{
  char link[64], where[PATH_MAX];
  ssize_t len;

  if (path != NULL && path[0] == '/')
    return path_is_affected (path);
  if (dir_fd == AT_FDCWD)
    {
      if (getcwd (where, sizeof where) == NULL)
        return 0;
    }
  else
    {
      snprintf (link, sizeof link, "/proc/self/fd/%d", dir_fd);
      len = readlink (link, where, sizeof where - 1);
      if (len < 0)
        return 0;
      where[len] = '\0';
    }
  return path_is_affected (where);
}

/* Returns -1 with errno set when the call must fail, 0 to go on. */
static int
before_open (int dir_fd, const char *path, int flags, mode_t mode)
{
  int tmpfile = (flags & O_TMPFILE) == O_TMPFILE;

  if (!tmpfile && (flags & O_CREAT) == 0)
    return 0;
  if (!creation_is_affected (dir_fd, path, flags))
    return 0;
  if (tmpfile && env_number ("MTE_FAULT_NO_TMPFILE") > 0)
    {
      errno = EOPNOTSUPP;
      return -1;
    }
  log_line ("create %04o %s%s\n", (unsigned) (mode & 07777), path,
            tmpfile ? " (O_TMPFILE)" : "");
  return 0;
}

#define MODE_ARGUMENT(flags, mode)                                 \
  do {                                                             \
    if (((flags) & O_CREAT) != 0 || ((flags) & O_TMPFILE) == O_TMPFILE) \
      {                                                            \
        va_list args;                                              \
        va_start (args, flags);                                    \
        mode = (mode_t) va_arg (args, int);                        \
        va_end (args);                                             \
      }                                                            \
  } while (0)

int
open (const char *path, int flags, ...)
{
  mode_t mode = 0;

  MODE_ARGUMENT (flags, mode);
  if (before_open (AT_FDCWD, path, flags, mode) != 0)
    return -1;
  return ((int (*) (const char *, int, ...)) dlsym (RTLD_NEXT, "open")) (path, flags, mode);
}

int
open64 (const char *path, int flags, ...)
{
  mode_t mode = 0;

  MODE_ARGUMENT (flags, mode);
  if (before_open (AT_FDCWD, path, flags, mode) != 0)
    return -1;
  return ((int (*) (const char *, int, ...)) dlsym (RTLD_NEXT, "open64")) (path, flags, mode);
}

int
openat (int dir_fd, const char *path, int flags, ...)
{
  mode_t mode = 0;

  MODE_ARGUMENT (flags, mode);
  if (before_open (dir_fd, path, flags, mode) != 0)
    return -1;
  return ((int (*) (int, const char *, int, ...)) dlsym (RTLD_NEXT, "openat")) (dir_fd, path,
                                                                               flags, mode);
}

int
openat64 (int dir_fd, const char *path, int flags, ...)
{
  mode_t mode = 0;

  MODE_ARGUMENT (flags, mode);
  if (before_open (dir_fd, path, flags, mode) != 0)
    return -1;
  return ((int (*) (int, const char *, int, ...)) dlsym (RTLD_NEXT, "openat64")) (dir_fd, path,
                                                                                 flags, mode);
}

int
fchmod (int fd, mode_t mode)
{
  if (fd_is_affected (fd))
    log_line ("fchmod %04o\n", (unsigned) (mode & 07777));
  return NEXT (fchmod) (fd, mode);
}
