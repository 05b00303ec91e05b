/* A failed save must leave the previous file byte for byte as it was.
 *
 *     test-save-robustness SAVE-HELPER FAULT-SHIM LOCK-HELPER
 *
 * Failures are provoked four ways: a folder the saving process may not
 * write to, a disk that fills up or fails to sync or rename (an LD_PRELOAD
 * shim under the helper program), and a helper killed with SIGKILL while it
 * saves. A successful save must replace the content and keep the file's
 * permission bits.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE
#include "bench-gen.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <CUnit/Basic.h>
#include <glib/gstdio.h>

#define TARGET "project.mte"
#define NOBODY 65534

static const char *helper_path;
static const char *shim_path;
static const char *lock_helper_path;

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
  char   *dir;
  char   *target;
  GBytes *original;
} Fixture;

static MteProject *
small_project (guint32 seed)
{
  BenchGenParams params;
  g_autoptr(GError) error = NULL;
  MteProject *project;

  bench_gen_params_init (&params);
  params.n_studies = 4;
  params.constructs_per_study = 20;
  params.seed = seed;
  project = bench_gen_project (&params, NULL, &error);
  if (project == NULL)
    g_error ("generating a project: %s", error->message);
  return project;
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_bytes_new_take (data, length);
}

static gboolean
bytes_equal (GBytes *a,
             GBytes *b)
{
  return a != NULL && b != NULL && g_bytes_equal (a, b);
}

/* The names in @dir other than TARGET, sorted. */
static GPtrArray *
strays (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, TARGET) != 0)
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
remove_strays (const char *dir)
{
  g_autoptr(GPtrArray) names = strays (dir);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_remove (path);
    }
}

/* A fresh folder holding TARGET, saved from project @seed. */
static void
fixture_setup (Fixture *f,
               guint32  seed)
{
  g_autoptr(MteProject) project = small_project (seed);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mte-robust-XXXXXX", &error);
  if (f->dir == NULL)
    g_error ("%s", error->message);
  /* Readable and searchable by everyone: the read-only test saves as
   * another user. */
  g_chmod (f->dir, 0755);
  f->target = g_build_filename (f->dir, TARGET, NULL);
  if (!mte_project_save_to_file (project, f->target, MTE_SAVE_NO_FSYNC, &error))
    g_error ("saving the original: %s", error->message);
  f->original = read_bytes (f->target);
}

static void
fixture_restore (Fixture *f)
{
  g_file_set_contents (f->target, g_bytes_get_data (f->original, NULL),
                       (gssize) g_bytes_get_size (f->original), NULL);
  remove_strays (f->dir);
}

static void
fixture_teardown (Fixture *f)
{
  g_chmod (f->dir, 0755);
  remove_strays (f->dir);
  g_remove (f->target);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->target);
  g_bytes_unref (f->original);
}

/* The environment for the helper: the shim preloaded with @settings
 * ("NAME=VALUE" strings), or no shim when @settings is NULL. */
static char **
helper_environment (const Fixture      *f,
                    const char * const *settings)
{
  char **env = g_get_environ ();
  const char *preload, *asan;

  if (settings == NULL)
    return env;
  preload = g_environ_getenv (env, "LD_PRELOAD");
  {
    g_autofree char *value = preload && *preload ? g_strdup_printf ("%s:%s", shim_path, preload)
                                                 : g_strdup (shim_path);
    env = g_environ_setenv (env, "LD_PRELOAD", value, TRUE);
  }
  /* Under AddressSanitizer the shim comes before the runtime in the load
   * order, which is harmless here but refused by default. */
  asan = g_environ_getenv (env, "ASAN_OPTIONS");
  {
    g_autofree char *value = g_strdup_printf ("%s%sverify_asan_link_order=0",
                                              asan ? asan : "", asan && *asan ? ":" : "");
    env = g_environ_setenv (env, "ASAN_OPTIONS", value, TRUE);
  }
  env = g_environ_setenv (env, "MTE_FAULT_DIR", f->dir, TRUE);
  for (guint i = 0; settings[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (settings[i], "=", 2);
      env = g_environ_setenv (env, kv[0], kv[1], TRUE);
    }
  return env;
}

/* Runs the helper to completion; returns its exit status (-1 when it did
 * not exit normally). */
static int
run_helper (const Fixture      *f,
            const char         *size,
            guint32             seed,
            const char         *path,
            gboolean            no_fsync,
            const char * const *settings)
{
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { helper_path, size, seed_text, path, no_fsync ? "no-fsync" : NULL, NULL };
  g_auto(GStrv) env = helper_environment (f, settings);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error))
    g_error ("running %s: %s", helper_path, error->message);
  if (err != NULL && *err != '\0')
    printf ("    helper: %s", err);
  if (!WIFEXITED (status))
    return -1;
  return WEXITSTATUS (status);
}

/* The bytes the helper writes for @size and @seed, from an unhindered run
 * into a folder of its own. */
static GBytes *
reference_bytes (const char *size,
                 guint32     seed)
{
  g_autofree char *dir = g_dir_make_tmp ("mte-robust-ref-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, TARGET, NULL);
  Fixture none = { .dir = dir };
  GBytes *bytes;

  if (run_helper (&none, size, seed, path, TRUE, NULL) != 0)
    g_error ("the save helper cannot save %s project %u", size, seed);
  bytes = read_bytes (path);
  g_remove (path);
  g_rmdir (dir);
  return bytes;
}

/* The original is intact and no temporary file is left behind. */
static void
assert_untouched (const Fixture *f)
{
  g_autoptr(GBytes) now = read_bytes (f->target);
  g_autoptr(GPtrArray) left = strays (f->dir);

  CU_ASSERT_TRUE (bytes_equal (now, f->original));
  CU_ASSERT_EQUAL (left->len, 0);
  for (guint i = 0; i < left->len; i++)
    printf ("    left behind: %s\n", (char *) g_ptr_array_index (left, i));
}

/* ------------------------------------------------------------------ */
/* (a) A folder the saving process may not write to                   */
/* ------------------------------------------------------------------ */

enum {
  CHILD_SAVE_FAILED = 0,        /* expected */
  CHILD_SAVE_SUCCEEDED = 1,
  CHILD_WRONG_DOMAIN = 2,
  CHILD_CANNOT_DROP = 77,
  CHILD_STILL_WRITABLE = 78,
};

/* In a child: become nobody, check the folder really refuses writes, then
 * save. Root ignores permission bits, so this is how the test gets a
 * folder that is read-only to the saver. */
static int
save_as_nobody (const Fixture *f,
                MteProject    *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *probe = g_build_filename (f->dir, "probe", NULL);
  int fd;

  if (setgroups (0, NULL) != 0 || setresgid (NOBODY, NOBODY, NOBODY) != 0 ||
      setresuid (NOBODY, NOBODY, NOBODY) != 0 || geteuid () != NOBODY)
    return CHILD_CANNOT_DROP;
  fd = open (probe, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd >= 0)
    {
      close (fd);
      unlink (probe);
      return CHILD_STILL_WRITABLE;
    }
  if (mte_project_save_to_file (project, f->target, MTE_SAVE_NO_FSYNC, &error))
    return CHILD_SAVE_SUCCEEDED;
  printf ("    as nobody: %s\n", error->message);
  return error->domain == G_FILE_ERROR ? CHILD_SAVE_FAILED : CHILD_WRONG_DOMAIN;
}

static void
test_read_only_folder (void)
{
  Fixture f;
  g_autoptr(MteProject) changed = small_project (2);

  fixture_setup (&f, 1);
  if (geteuid () == 0)
    {
      pid_t pid;
      int status = 0;

      fflush (stdout);
      pid = fork ();
      CU_ASSERT_FATAL (pid >= 0);
      if (pid == 0)
        {
          int code = save_as_nobody (&f, changed);

          /* Free what this copy owns: under valgrind the child is checked
           * for leaks when it exits. The files are the parent's to remove. */
          g_clear_pointer (&changed, mte_project_free);
          g_free (f.dir);
          g_free (f.target);
          g_bytes_unref (f.original);
          fflush (stdout);
          _exit (code);
        }
      while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
        ;
      CU_ASSERT_TRUE_FATAL (WIFEXITED (status));
      if (WEXITSTATUS (status) == CHILD_CANNOT_DROP || WEXITSTATUS (status) == CHILD_STILL_WRITABLE)
        printf ("\n    SKIP read-only folder: running as root and %s\n",
                WEXITSTATUS (status) == CHILD_CANNOT_DROP
                  ? "cannot switch to uid 65534 (no CAP_SETUID?)"
                  : "the folder stays writable for uid 65534");
      else
        {
          CU_ASSERT_EQUAL (WEXITSTATUS (status), CHILD_SAVE_FAILED);
        }
    }
  else
    {
      g_autoptr(GError) error = NULL;

      CU_ASSERT_EQUAL (g_chmod (f.dir, 0555), 0);
      CU_ASSERT_FALSE (mte_project_save_to_file (changed, f.target, MTE_SAVE_NO_FSYNC, &error));
      CU_ASSERT_PTR_NOT_NULL (error);
      if (error != NULL)
        {
          CU_ASSERT_EQUAL (error->domain, G_FILE_ERROR);
        }
      g_chmod (f.dir, 0755);
    }
  assert_untouched (&f);
  fixture_teardown (&f);
}

/* ------------------------------------------------------------------ */
/* (b) Disk full, failing fsync, failing rename (LD_PRELOAD shim)     */
/* ------------------------------------------------------------------ */

static void
test_disk_full (void)
{
  Fixture f;
  g_autoptr(GBytes) reference = reference_bytes ("small", 2);
  gsize size = g_bytes_get_size (reference);
  long long budgets[] = { 0, 1, 100, 4096, (long long) size / 2, (long long) size - 1 };

  fixture_setup (&f, 1);
  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      g_autofree char *setting = g_strdup_printf ("MTE_FAULT_ENOSPC_AFTER=%lld", budgets[i]);
      const char *settings[] = { setting, NULL };

      printf ("\n    disk full after %lld of %" G_GSIZE_FORMAT " bytes\n", budgets[i], size);
      CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, TRUE, settings), 3);
      assert_untouched (&f);
      fixture_restore (&f);
    }

  /* The same shim with room to spare lets the save through: the failures
   * above came from the full disk, not from the shim itself. */
  {
    g_autofree char *setting = g_strdup_printf ("MTE_FAULT_ENOSPC_AFTER=%" G_GSIZE_FORMAT, 2 * size + 65536);
    const char *settings[] = { setting, NULL };
    g_autoptr(GBytes) now = NULL;
    g_autoptr(GPtrArray) left = NULL;

    CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, TRUE, settings), 0);
    now = read_bytes (f.target);
    CU_ASSERT_TRUE (bytes_equal (now, reference));
    left = strays (f.dir);
    CU_ASSERT_EQUAL (left->len, 0);
  }
  fixture_teardown (&f);
}

static void
test_fsync_fails (void)
{
  Fixture f;
  const char *settings[] = { "MTE_FAULT_FSYNC=1", NULL };
  g_autoptr(GBytes) reference = reference_bytes ("small", 2);
  g_autoptr(GBytes) now = NULL;

  fixture_setup (&f, 1);
  printf ("\n");
  CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, FALSE, settings), 3);
  assert_untouched (&f);

  /* MTE_SAVE_NO_FSYNC does not sync, so the failing fsync cannot stop it. */
  CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, TRUE, settings), 0);
  now = read_bytes (f.target);
  CU_ASSERT_TRUE (bytes_equal (now, reference));
  fixture_teardown (&f);
}

static void
test_rename_fails (void)
{
  Fixture f;
  const char *settings[] = { "MTE_FAULT_RENAME=1", NULL };

  fixture_setup (&f, 1);
  printf ("\n");
  CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, FALSE, settings), 3);
  assert_untouched (&f);
  fixture_teardown (&f);
}

/* ------------------------------------------------------------------ */
/* (c) Killed mid-write                                               */
/* ------------------------------------------------------------------ */

typedef enum {
  KILL_AFTER_DELAY,
  KILL_WHEN_TEMP_APPEARS,
} KillWhen;

typedef struct {
  guint runs;
  guint kept_with_temp;         /* original intact, a temporary file left: mid-write */
  guint kept_clean;             /* original intact, nothing left: before writing */
  guint replaced;               /* the save had completed */
  guint missed;                 /* the helper finished before the kill */
} KillTally;

/* Reads until the helper's "saving" line, or returns FALSE at EOF. */
static gboolean
wait_for_saving (int fd)
{
  char c;
  GString *line = g_string_new (NULL);
  gboolean found = FALSE;

  while (read (fd, &c, 1) == 1)
    {
      if (c == '\n')
        {
          found = strcmp (line->str, "saving") == 0;
          if (found)
            break;
          g_string_truncate (line, 0);
        }
      else
        g_string_append_c (line, c);
    }
  g_string_free (line, TRUE);
  return found;
}

static void
kill_once (Fixture            *f,
           GBytes             *reference,
           KillWhen            when,
           guint               delay_ms,
           const char * const *settings,
           gboolean            restore,
           KillTally          *tally)
{
  g_autofree char *seed_text = g_strdup ("5");
  const char *argv[] = { helper_path, "big", seed_text, f->target, NULL };
  g_auto(GStrv) env = helper_environment (f, settings);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GPtrArray) left = NULL;
  GPid pid;
  int out = -1, status = 0;
  gboolean exited = FALSE;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out, NULL, &error))
    g_error ("running %s: %s", helper_path, error->message);
  CU_ASSERT_TRUE (wait_for_saving (out));

  if (when == KILL_WHEN_TEMP_APPEARS)
    {
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      for (;;)
        {
          g_autoptr(GPtrArray) names = strays (f->dir);

          if (names->len > 0)
            break;
          if (waitpid (pid, &status, WNOHANG) == pid)
            {
              exited = TRUE;
              break;
            }
          if (g_get_monotonic_time () > deadline)
            break;
          g_usleep (100);
        }
    }
  else
    g_usleep (delay_ms * 1000);

  if (!exited)
    {
      kill (pid, SIGKILL);
      while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
        ;
      exited = WIFEXITED (status);
    }
  close (out);
  g_spawn_close_pid (pid);

  now = read_bytes (f->target);
  left = strays (f->dir);
  tally->runs++;
  /* Whatever the moment, the file is the old one or the new one whole. */
  CU_ASSERT_TRUE (bytes_equal (now, f->original) || bytes_equal (now, reference));
  CU_ASSERT_TRUE (left->len <= 1);
  if (exited)
    tally->missed++;
  else if (bytes_equal (now, reference))
    tally->replaced++;
  else if (left->len > 0)
    tally->kept_with_temp++;
  else
    tally->kept_clean++;
  if (restore)
    fixture_restore (f);
}

/* Where the file system has no O_TMPFILE, the new content is written to a
 * named temporary file: a kill mid-write leaves it behind, and the next
 * successful save removes it (its writer's lock died with it). */
static void
test_killed_mid_write (void)
{
  Fixture f;
  g_autoptr(GBytes) reference = reference_bytes ("big", 5);
  guint delays[] = { 0, 1, 3, 10, 30, 60, 100, 200, 400 };
  const char *named[] = { "MTE_FAULT_NO_TMPFILE=1", NULL };
  KillTally tally = { 0 };

  fixture_setup (&f, 1);
  for (guint i = 0; i < 3; i++)
    kill_once (&f, reference, KILL_WHEN_TEMP_APPEARS, 0, named, TRUE, &tally);
  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    kill_once (&f, reference, KILL_AFTER_DELAY, delays[i], named, TRUE, &tally);

  printf ("\n    named temporary files: %u kills of a %" G_GSIZE_FORMAT "-byte save: %u mid-write "
          "(original kept, one temporary file left), %u before writing, %u after the rename, "
          "%u too late\n",
          tally.runs, g_bytes_get_size (reference), tally.kept_with_temp, tally.kept_clean,
          tally.replaced, tally.missed);
  /* At least one kill must have landed while the temporary file was being
   * written, or the test proved nothing. */
  CU_ASSERT_TRUE (tally.kept_with_temp >= 1);

  /* Leave a dead save's file behind this time: the next save removes it. */
  memset (&tally, 0, sizeof tally);
  for (guint i = 0; i < 5 && tally.kept_with_temp == 0; i++)
    kill_once (&f, reference, KILL_WHEN_TEMP_APPEARS, 0, named, FALSE, &tally);
  CU_ASSERT_TRUE (tally.kept_with_temp >= 1);
  {
    g_autoptr(GBytes) now = NULL;
    g_autoptr(GPtrArray) before = strays (f.dir);
    g_autoptr(GPtrArray) left = NULL;

    printf ("    left by the killed save: %u file(s)\n", before->len);
    CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, TRUE, named), 0);
    left = strays (f.dir);
    CU_ASSERT_EQUAL (left->len, 0);
    CU_ASSERT_EQUAL (run_helper (&f, "big", 5, f.target, FALSE, NULL), 0);
    now = read_bytes (f.target);
    CU_ASSERT_TRUE (bytes_equal (now, reference));
  }
  fixture_teardown (&f);
}

/* With O_TMPFILE the new content has no name until the moment before the
 * rename: a kill mid-write leaves nothing behind. */
static void
test_killed_unnamed (void)
{
  Fixture f;
  g_autoptr(GBytes) reference = reference_bytes ("big", 5);
  guint delays[] = { 0, 1, 3, 10, 30, 60, 100, 200, 400 };
  KillTally tally = { 0 };

  fixture_setup (&f, 1);
  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    kill_once (&f, reference, KILL_AFTER_DELAY, delays[i], NULL, TRUE, &tally);
  printf ("\n    unnamed temporary files: %u kills: %u left a file, %u kept the original "
          "and left nothing, %u after the rename, %u too late\n",
          tally.runs, tally.kept_with_temp, tally.kept_clean, tally.replaced, tally.missed);
  CU_ASSERT_TRUE (tally.kept_clean >= 1);
  fixture_teardown (&f);
}

/* ------------------------------------------------------------------ */
/* (d) A successful save replaces the content and keeps the mode      */
/* ------------------------------------------------------------------ */

static void
test_success_keeps_mode (void)
{
  const mode_t modes[] = { 0600, 0640, 0664, 0604, 0660 };
  g_autoptr(MteProject) changed = small_project (3);
  g_autofree char *expected = NULL;
  gsize expected_length = 0;
  g_autoptr(GError) error = NULL;
  Fixture f;

  expected = mte_project_to_data (changed, &expected_length, MTE_SAVE_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (expected);
  fixture_setup (&f, 1);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GBytes) now = NULL;
      g_autoptr(GPtrArray) left = NULL;
      GStatBuf st;

      CU_ASSERT_EQUAL (g_chmod (f.target, (int) modes[i]), 0);
      CU_ASSERT_TRUE (mte_project_save_to_file (changed, f.target, MTE_SAVE_FLAGS_NONE, &error));
      now = read_bytes (f.target);
      CU_ASSERT_PTR_NOT_NULL_FATAL (now);
      CU_ASSERT_EQUAL (g_bytes_get_size (now), expected_length);
      CU_ASSERT_TRUE (g_bytes_get_size (now) == expected_length &&
                      memcmp (g_bytes_get_data (now, NULL), expected, expected_length) == 0);
      CU_ASSERT_EQUAL (g_stat (f.target, &st), 0);
      CU_ASSERT_EQUAL (st.st_mode & 07777, modes[i]);
      left = strays (f.dir);
      CU_ASSERT_EQUAL (left->len, 0);
      fixture_restore (&f);
    }
  fixture_teardown (&f);
}

static void
test_missing_folder (void)
{
  g_autoptr(MteProject) project = small_project (4);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Fixture f;

  fixture_setup (&f, 1);
  path = g_build_filename (f.dir, "no-such-folder", TARGET, NULL);
  CU_ASSERT_FALSE (mte_project_save_to_file (project, path, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_PTR_NOT_NULL (error);
  if (error != NULL)
    {
      CU_ASSERT_TRUE (error->domain == G_FILE_ERROR && error->code == G_FILE_ERROR_NOENT);
    }
  assert_untouched (&f);
  fixture_teardown (&f);
}


/* ------------------------------------------------------------------ */
/* (f) Privacy: nothing is readable that the final file would hide    */
/* ------------------------------------------------------------------ */

/* The lines of the shim's log; the log is removed. */
static char **
take_log (const char *log)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (log, &text, NULL, NULL))
    return g_new0 (char *, 1);
  g_remove (log);
  return g_strsplit (g_strchomp (text), "\n", -1);
}

/* The shim logs the mode every file in the folder is created with, and
 * every fchmod(): for a 0600 target, nothing wider ever exists. */
static void
test_private_at_creation (void)
{
  Fixture f;
  g_autofree char *log_dir = g_dir_make_tmp ("mte-robust-log-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (log_dir, "log", NULL);
  g_autofree char *log_setting = g_strdup_printf ("MTE_FAULT_LOG=%s", log);
  const char *unnamed[] = { log_setting, NULL };
  const char *named[] = { log_setting, "MTE_FAULT_NO_TMPFILE=1", NULL };
  const char * const *ways[] = { unnamed, named };

  fixture_setup (&f, 1);
  printf ("\n");
  for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
    {
      g_auto(GStrv) lines = NULL;
      guint creates = 0;
      GStatBuf st;

      CU_ASSERT_EQUAL (g_chmod (f.target, 0600), 0);
      CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, TRUE, ways[w]), 0);
      lines = take_log (log);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          unsigned mode = 0;

          printf ("    %s\n", lines[i]);
          if (sscanf (lines[i], "create %o", &mode) == 1)
            {
              creates++;
              CU_ASSERT_EQUAL (mode & 077, 0);
              CU_ASSERT_EQUAL (strstr (lines[i], "O_TMPFILE") != NULL, w == 0);
            }
          else if (sscanf (lines[i], "fchmod %o", &mode) == 1)
            CU_ASSERT_EQUAL (mode, 0600);
        }
      CU_ASSERT_EQUAL (creates, 1);
      CU_ASSERT_EQUAL (g_stat (f.target, &st), 0);
      CU_ASSERT_EQUAL (st.st_mode & 07777, 0600);
      fixture_restore (&f);
    }
  g_remove (log);
  g_rmdir (log_dir);
  fixture_teardown (&f);
}

/* As root: a child that is nobody lists the folder through 40 saves of a
 * 0600 file (with named temporary files, the more exposed way) and tries
 * to open everything it sees, as an unprivileged watcher would. */
static void
test_watcher_reads_nothing (void)
{
  Fixture f;
  const char *named[] = { "MTE_FAULT_NO_TMPFILE=1", NULL };
  guint counts[3] = { 0, 0, 0 };    /* names seen, temporary names, opened */
  int control[2], result[2];
  int status = 0;
  pid_t pid;

  if (geteuid () != 0)
    {
      printf ("\n    SKIP watcher: needs root to watch as another user\n");
      return;
    }
  fixture_setup (&f, 1);
  CU_ASSERT_EQUAL (g_chmod (f.target, 0600), 0);
  CU_ASSERT_FATAL (pipe (control) == 0 && pipe (result) == 0);
  fflush (stdout);
  pid = fork ();
  CU_ASSERT_FATAL (pid >= 0);
  if (pid == 0)
    {
      char c;

      close (control[1]);
      close (result[0]);
      if (setgroups (0, NULL) != 0 || setresgid (NOBODY, NOBODY, NOBODY) != 0 ||
          setresuid (NOBODY, NOBODY, NOBODY) != 0)
        _exit (CHILD_CANNOT_DROP);
      fcntl (control[0], F_SETFL, O_NONBLOCK);
      while (read (control[0], &c, 1) < 0 && errno == EAGAIN)   /* until EOF */
        {
          g_autoptr(GDir) d = g_dir_open (f.dir, 0, NULL);
          const char *name;

          while (d != NULL && (name = g_dir_read_name (d)) != NULL)
            {
              g_autofree char *path = g_build_filename (f.dir, name, NULL);
              int fd;

              counts[0]++;
              if (strcmp (name, TARGET) != 0)
                counts[1]++;
              fd = open (path, O_RDONLY | O_NONBLOCK);
              if (fd >= 0)
                {
                  counts[2]++;
                  close (fd);
                }
            }
        }
      _exit (write (result[1], counts, sizeof counts) == sizeof counts ? 0 : 1);
    }
  close (control[0]);
  close (result[1]);
  for (guint i = 0; i < 40; i++)
    CU_ASSERT_EQUAL (run_helper (&f, "small", 2 + i % 2, f.target, TRUE, named), 0);
  close (control[1]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  CU_ASSERT_TRUE_FATAL (WIFEXITED (status));
  if (WEXITSTATUS (status) == CHILD_CANNOT_DROP)
    printf ("\n    SKIP watcher: cannot switch to uid 65534\n");
  else
    {
      CU_ASSERT_EQUAL (WEXITSTATUS (status), 0);
      CU_ASSERT_EQUAL (read (result[0], counts, sizeof counts), (ssize_t) sizeof counts);
      printf ("\n    watcher as uid 65534: %u names seen (%u temporary), %u opened\n",
              counts[0], counts[1], counts[2]);
      CU_ASSERT_TRUE (counts[0] > 0);
      CU_ASSERT_EQUAL (counts[2], 0);
    }
  close (result[0]);
  fixture_teardown (&f);
}

/* As root, saving a user's file keeps its owner, group and mode. */
static void
test_owner_kept (void)
{
  g_autoptr(MteProject) changed = small_project (3);
  g_autoptr(GError) error = NULL;
  const struct { uid_t uid; gid_t gid; mode_t mode; } cases[] = {
    { NOBODY, NOBODY, 0640 }, { NOBODY, 0, 0600 }, { 0, NOBODY, 0660 }, { NOBODY, NOBODY, 02750 },
  };
  Fixture f;

  if (geteuid () != 0)
    {
      printf ("\n    SKIP owner: only root may give a file away\n");
      return;
    }
  fixture_setup (&f, 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GStatBuf st;

      CU_ASSERT_EQUAL (chown (f.target, cases[i].uid, cases[i].gid), 0);
      CU_ASSERT_EQUAL (chmod (f.target, cases[i].mode), 0);
      CU_ASSERT_TRUE (mte_project_save_to_file (changed, f.target, MTE_SAVE_NO_FSYNC, &error));
      CU_ASSERT_EQUAL (g_stat (f.target, &st), 0);
      CU_ASSERT_EQUAL (st.st_uid, cases[i].uid);
      CU_ASSERT_EQUAL (st.st_gid, cases[i].gid);
      CU_ASSERT_EQUAL (st.st_mode & 07777, cases[i].mode);
      fixture_restore (&f);
    }
  fixture_teardown (&f);
}

/* Extended attributes, and so POSIX ACLs, follow the file. */
static void
test_xattrs_kept (void)
{
  g_autoptr(MteProject) changed = small_project (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *setfacl = g_find_program_in_path ("setfacl");
  g_autofree char *getfacl = g_find_program_in_path ("getfacl");
  char value[64];
  ssize_t n;
  Fixture f;

  fixture_setup (&f, 1);
  if (setxattr (f.target, "user.metaethno-test", "kept", 4, 0) != 0)
    printf ("\n    SKIP user attributes: %s\n", g_strerror (errno));
  else
    {
      CU_ASSERT_TRUE (mte_project_save_to_file (changed, f.target, MTE_SAVE_NO_FSYNC, &error));
      n = getxattr (f.target, "user.metaethno-test", value, sizeof value);
      CU_ASSERT_EQUAL (n, 4);
      CU_ASSERT_TRUE (n == 4 && memcmp (value, "kept", 4) == 0);
    }
  if (setfacl == NULL || getfacl == NULL)
    printf ("\n    SKIP ACLs: setfacl and getfacl are not installed (Debian's acl)\n");
  else
    {
      g_autofree char *before = NULL, *after = NULL;
      const char *set[] = { setfacl, "-m", "u:65534:r,g::-,m::r", f.target, NULL };
      const char *get[] = { getfacl, "-cn", f.target, NULL };
      int status = 0;

      CU_ASSERT_EQUAL (g_chmod (f.target, 0640), 0);
      CU_ASSERT_TRUE (g_spawn_sync (NULL, (char **) set, NULL, 0, NULL, NULL, NULL, NULL,
                                    &status, NULL) && status == 0);
      CU_ASSERT_TRUE (g_spawn_sync (NULL, (char **) get, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                    NULL, &before, NULL, &status, NULL) && status == 0);
      CU_ASSERT_TRUE (mte_project_save_to_file (changed, f.target, MTE_SAVE_NO_FSYNC, &error));
      CU_ASSERT_TRUE (g_spawn_sync (NULL, (char **) get, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                    NULL, &after, NULL, &status, NULL) && status == 0);
      printf ("\n    ACL before and after the save:\n%s%s", before ? before : "",
              after ? after : "");
      CU_ASSERT_TRUE (before != NULL && strstr (before, "user:65534:r--") != NULL);
      CU_ASSERT_STRING_EQUAL (before ? before : "", after ? after : "-");
    }
  fixture_teardown (&f);
}

/* ------------------------------------------------------------------ */
/* (g) Saved, but not durable                                         */
/* ------------------------------------------------------------------ */

static void
test_folder_sync_fails (void)
{
  Fixture f;
  const char *settings[] = { "MTE_FAULT_FSYNC_DIR=1", NULL };
  g_autoptr(GBytes) reference = reference_bytes ("small", 2);
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GPtrArray) left = NULL;

  fixture_setup (&f, 1);
  printf ("\n");
  /* The file is replaced (5: saved, not durable), not reported as failed. */
  CU_ASSERT_EQUAL (run_helper (&f, "small", 2, f.target, FALSE, settings), 5);
  now = read_bytes (f.target);
  CU_ASSERT_TRUE (bytes_equal (now, reference));
  left = strays (f.dir);
  CU_ASSERT_EQUAL (left->len, 0);
  fixture_teardown (&f);
}

/* ------------------------------------------------------------------ */
/* (h) Links                                                          */
/* ------------------------------------------------------------------ */

static void
test_links (void)
{
  g_autoptr(MteProject) changed = small_project (3);
  g_autofree char *expected = NULL;
  g_autofree char *a = NULL, *b = NULL, *hard = NULL, *soft = NULL;
  g_autoptr(GError) error = NULL;
  gsize expected_length = 0;
  Fixture f;

  expected = mte_project_to_data (changed, &expected_length, MTE_SAVE_FLAGS_NONE, NULL);
  fixture_setup (&f, 1);
  a = g_build_filename (f.dir, "a.xml", NULL);
  b = g_build_filename (f.dir, "b.xml", NULL);
  hard = g_build_filename (f.dir, "hard.xml", NULL);
  soft = g_build_filename (f.dir, "link.xml", NULL);

  /* A loop fails with ELOOP and both links stay links. */
  CU_ASSERT_EQUAL (symlink ("b.xml", a), 0);
  CU_ASSERT_EQUAL (symlink ("a.xml", b), 0);
  CU_ASSERT_FALSE (mte_project_save_to_file (changed, a, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_LOOP));
  if (error != NULL)
    printf ("\n    loop: %s\n", error->message);
  g_clear_error (&error);
  CU_ASSERT_TRUE (g_file_test (a, G_FILE_TEST_IS_SYMLINK) && g_file_test (b, G_FILE_TEST_IS_SYMLINK));
  g_remove (a);
  g_remove (b);

  /* A link is followed: the link stays, its target gets the content. */
  CU_ASSERT_EQUAL (symlink (TARGET, soft), 0);
  CU_ASSERT_TRUE (mte_project_save_to_file (changed, soft, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_file_test (soft, G_FILE_TEST_IS_SYMLINK));
  {
    g_autoptr(GBytes) now = read_bytes (f.target);

    CU_ASSERT_TRUE (now != NULL && g_bytes_get_size (now) == expected_length &&
                    memcmp (g_bytes_get_data (now, NULL), expected, expected_length) == 0);
  }
  g_remove (soft);
  fixture_restore (&f);

  /* A hard link is not followed: the saved name gets the new content, the
   * other name keeps the previous one (docs/file-format.md). */
  CU_ASSERT_EQUAL (link (f.target, hard), 0);
  CU_ASSERT_TRUE (mte_project_save_to_file (changed, f.target, MTE_SAVE_NO_FSYNC, &error));
  {
    g_autoptr(GBytes) now = read_bytes (f.target);
    g_autoptr(GBytes) other = read_bytes (hard);

    CU_ASSERT_TRUE (now != NULL && g_bytes_get_size (now) == expected_length);
    CU_ASSERT_TRUE (bytes_equal (other, f.original));
  }
  g_remove (hard);
  fixture_teardown (&f);
}

/* fs.protected_symlinks: in a sticky folder others may write, another
 * user's link is not followed (unless it is the folder owner's). */
static void
test_sticky_folder_link (void)
{
  g_autoptr(MteProject) changed = small_project (3);
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL, *link = NULL;
  Fixture f;

  if (geteuid () != 0)
    {
      printf ("\n    SKIP sticky folder: needs root to make another user's link\n");
      return;
    }
  fixture_setup (&f, 1);
  shared = g_build_filename (f.dir, "shared", NULL);
  link = g_build_filename (shared, "x.xml", NULL);
  CU_ASSERT_EQUAL (g_mkdir (shared, 0755), 0);
  CU_ASSERT_EQUAL (chmod (shared, 01777), 0);

  /* nobody's link in root's sticky folder: refused, target untouched. */
  CU_ASSERT_EQUAL (symlink (f.target, link), 0);
  CU_ASSERT_EQUAL (lchown (link, NOBODY, NOBODY), 0);
  CU_ASSERT_FALSE (mte_project_save_to_file (changed, link, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES));
  if (error != NULL)
    printf ("\n    %s\n", error->message);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) now = read_bytes (f.target);

    CU_ASSERT_TRUE (bytes_equal (now, f.original));
  }
  CU_ASSERT_TRUE (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* The caller's own link is followed. */
  CU_ASSERT_EQUAL (lchown (link, 0, 0), 0);
  CU_ASSERT_TRUE (mte_project_save_to_file (changed, link, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  fixture_restore (&f);

  /* So is the folder owner's, in a folder nobody owns. */
  CU_ASSERT_EQUAL (chown (shared, NOBODY, NOBODY), 0);
  CU_ASSERT_EQUAL (lchown (link, NOBODY, NOBODY), 0);
  CU_ASSERT_TRUE (mte_project_save_to_file (changed, link, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  fixture_restore (&f);

  g_remove (link);
  g_rmdir (shared);
  fixture_teardown (&f);
}

/* ------------------------------------------------------------------ */
/* (i) Stale temporary files                                          */
/* ------------------------------------------------------------------ */

static void
test_stale_temporary_files (void)
{
  g_autoptr(MteProject) changed = small_project (3);
  g_autoptr(GError) error = NULL;
  const char *stale = "." TARGET ".AbC123";
  const char *live = "." TARGET ".XyZ789";
  const char *others[] = { "." TARGET ".toolong7", ".other.xml.AbC123", TARGET ".AbC123" };
  g_autofree char *live_path = NULL, *stale_path = NULL;
  g_autoptr(GPtrArray) other_paths = g_ptr_array_new_with_free_func (g_free);
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
  Fixture f;
  int live_fd;

  fixture_setup (&f, 1);
  stale_path = g_build_filename (f.dir, stale, NULL);
  CU_ASSERT_TRUE (g_file_set_contents (stale_path, "dead", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_ptr_array_add (other_paths, g_build_filename (f.dir, others[i], NULL));
      CU_ASSERT_TRUE (g_file_set_contents (g_ptr_array_index (other_paths, i), "other", -1, NULL));
    }
  /* A save in progress elsewhere holds a lock on its file. */
  live_path = g_build_filename (f.dir, live, NULL);
  live_fd = open (live_path, O_RDWR | O_CREAT | O_EXCL, 0600);
  CU_ASSERT_FATAL (live_fd >= 0);
  CU_ASSERT_EQUAL (fcntl (live_fd, F_OFD_SETLK, &fl), 0);

  CU_ASSERT_TRUE (mte_project_save_to_file (changed, f.target, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_FALSE (g_file_test (stale_path, G_FILE_TEST_EXISTS));
  CU_ASSERT_TRUE (g_file_test (live_path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < other_paths->len; i++)
    CU_ASSERT_TRUE (g_file_test (g_ptr_array_index (other_paths, i), G_FILE_TEST_EXISTS));

  /* Once its writer is gone, the next save removes it too. */
  close (live_fd);
  CU_ASSERT_TRUE (mte_project_save_to_file (changed, f.target, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_FALSE (g_file_test (live_path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < other_paths->len; i++)
    g_remove (g_ptr_array_index (other_paths, i));
  fixture_teardown (&f);
}

/* ------------------------------------------------------------------ */
/* (j) Locked load-change-save                                        */
/* ------------------------------------------------------------------ */


static int
run_lock_helper (const char *verb, const char *path, const char *id)
{
  const char *argv[] = { lock_helper_path, verb, path, id, NULL };
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     &err, &status, NULL))
    return -1;
  if (err != NULL && *err != '\0')
    printf ("    %s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Whether @fd has something to read within @ms milliseconds. */
static gboolean
readable_within (int fd, int ms)
{
  GPollFD pfd = { fd, G_IO_IN | G_IO_HUP, 0 };

  return g_poll (&pfd, 1, ms) > 0;
}

static gboolean
has_memo (MteProject *project, const char *id)
{
  return mte_project_lookup_memo (project, id) != NULL;
}

static void
test_lock_makes_writers_wait (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MteProject) reloaded = NULL;
  MteProjectFile *file;
  const char *argv[5];
  GPid pid;
  int out = -1, status = 0;
  Fixture f;

  fixture_setup (&f, 1);
  file = mte_project_file_open (f.target, MTE_OPEN_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (file);
  CU_ASSERT_TRUE (mte_project_file_is_locked (file));
  CU_ASSERT_STRING_EQUAL (mte_project_file_get_path (file), f.target);

  /* Another program without waiting: refused. */
  printf ("\n");
  CU_ASSERT_EQUAL (run_lock_helper ("open-nowait", f.target, NULL), 6);
  /* This program again: refused at once, never a wait on itself. */
  CU_ASSERT_PTR_NULL (mte_project_file_open (f.target, MTE_OPEN_FLAGS_NONE, &error));
  CU_ASSERT_TRUE (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_LOCKED));
  g_clear_error (&error);
  CU_ASSERT_FALSE (mte_project_save_to_file (mte_project_file_get_project (file), f.target,
                                             MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_LOCKED));
  g_clear_error (&error);

  /* Another program that waits: it loads only after our last save. */
  argv[0] = lock_helper_path;
  argv[1] = "add-memo";
  argv[2] = f.target;
  argv[3] = "m-child";
  argv[4] = NULL;
  CU_ASSERT_FATAL (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                             G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                             NULL, &out, NULL, &error));
  CU_ASSERT_FALSE (readable_within (out, 300));
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_memo (mte_project_file_get_project (file), "m-first",
                                                NULL, NULL, "first", &error));
  CU_ASSERT_TRUE (mte_project_file_save (file, MTE_SAVE_NO_FSYNC, &error));
  /* The lock moved to the new file with the save: still waiting. */
  CU_ASSERT_FALSE (readable_within (out, 200));
  CU_ASSERT_EQUAL (run_lock_helper ("open-nowait", f.target, NULL), 6);
  CU_ASSERT_PTR_NOT_NULL (mte_project_add_memo (mte_project_file_get_project (file), "m-second",
                                                NULL, NULL, "second", &error));
  CU_ASSERT_TRUE (mte_project_file_save (file, MTE_SAVE_FLAGS_NONE, &error));
  mte_project_file_free (file);

  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);
  close (out);
  CU_ASSERT_TRUE (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  reloaded = mte_project_load_from_file (f.target, MTE_LOAD_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (reloaded);
  CU_ASSERT_TRUE (has_memo (reloaded, "m-first"));
  CU_ASSERT_TRUE (has_memo (reloaded, "m-second"));
  CU_ASSERT_TRUE (has_memo (reloaded, "m-child"));
  /* Free again: nobody holds it. */
  CU_ASSERT_EQUAL (run_lock_helper ("open-nowait", f.target, NULL), 0);
  fixture_teardown (&f);
}

/* A program that takes no lock (an editor, an old version) changed the
 * file: the save refuses and keeps that program's change. */
static void
test_changed_since_loaded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) now = NULL;
  MteProjectFile *file;
  Fixture f;
  int fd;

  fixture_setup (&f, 1);

  /* Replaced by renaming. */
  file = mte_project_file_open (f.target, MTE_OPEN_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (file);
  CU_ASSERT_TRUE (g_file_set_contents (f.target, "<other/>", -1, NULL));
  CU_ASSERT_FALSE (mte_project_file_save (file, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_CHANGED));
  if (error != NULL)
    printf ("\n    %s\n", error->message);
  g_clear_error (&error);
  now = read_bytes (f.target);
  CU_ASSERT_TRUE (now != NULL && g_bytes_get_size (now) == 8);
  mte_project_file_free (file);
  g_clear_pointer (&now, g_bytes_unref);
  fixture_restore (&f);

  /* Changed in place. */
  file = mte_project_file_open (f.target, MTE_OPEN_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (file);
  fd = open (f.target, O_WRONLY | O_APPEND);
  CU_ASSERT_FATAL (fd >= 0);
  CU_ASSERT_EQUAL (write (fd, "\n", 1), 1);
  close (fd);
  CU_ASSERT_FALSE (mte_project_file_save (file, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_CHANGED));
  g_clear_error (&error);
  now = read_bytes (f.target);
  CU_ASSERT_EQUAL (g_bytes_get_size (now), g_bytes_get_size (f.original) + 1);
  mte_project_file_free (file);
  g_clear_pointer (&now, g_bytes_unref);
  fixture_restore (&f);

  /* Removed. */
  file = mte_project_file_open (f.target, MTE_OPEN_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (file);
  CU_ASSERT_EQUAL (g_remove (f.target), 0);
  CU_ASSERT_FALSE (mte_project_file_save (file, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_CHANGED));
  g_clear_error (&error);
  CU_ASSERT_FALSE (g_file_test (f.target, G_FILE_TEST_EXISTS));
  mte_project_file_free (file);
  fixture_restore (&f);

  /* Unchanged: saves, and keeps saving. */
  file = mte_project_file_open (f.target, MTE_OPEN_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (file);
  CU_ASSERT_TRUE (mte_project_file_save (file, MTE_SAVE_NO_FSYNC, &error));
  CU_ASSERT_TRUE (mte_project_file_save (file, MTE_SAVE_NO_FSYNC, &error));
  mte_project_file_free (file);

  /* Not a project: the load error, and no lock left behind. */
  CU_ASSERT_TRUE (g_file_set_contents (f.target, "not xml", -1, NULL));
  CU_ASSERT_PTR_NULL (mte_project_file_open (f.target, MTE_OPEN_FLAGS_NONE, &error));
  CU_ASSERT_TRUE (error != NULL && error->domain == MTE_FORMAT_ERROR);
  g_clear_error (&error);
  CU_ASSERT_EQUAL (run_lock_helper ("open-nowait", f.target, NULL), 1);
  fixture_teardown (&f);
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *name;
    CU_TestFunc func;
  } tests[] = {
    { "read-only folder", test_read_only_folder },
    { "disk full (ENOSPC)", test_disk_full },
    { "fsync fails (EIO)", test_fsync_fails },
    { "rename fails (EIO)", test_rename_fails },
    { "killed mid-write (named temporary file)", test_killed_mid_write },
    { "killed mid-write (O_TMPFILE)", test_killed_unnamed },
    { "success replaces content, keeps mode", test_success_keeps_mode },
    { "missing folder", test_missing_folder },
    { "private at creation (shim log)", test_private_at_creation },
    { "a watcher reads nothing", test_watcher_reads_nothing },
    { "owner and group kept", test_owner_kept },
    { "extended attributes and ACLs kept", test_xattrs_kept },
    { "folder sync fails: saved, not durable", test_folder_sync_fails },
    { "links: loop, symbolic, hard", test_links },
    { "links in sticky shared folders", test_sticky_folder_link },
    { "stale temporary files removed", test_stale_temporary_files },
    { "lock: writers wait, the lock follows saves", test_lock_makes_writers_wait },
    { "changed since loaded: refused", test_changed_since_loaded },
  };
  CU_pSuite suite;
  unsigned int failures;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s SAVE-HELPER FAULT-SHIM LOCK-HELPER\n", argv[0]);
      return 2;
    }
  helper_path = argv[1];
  shim_path = argv[2];
  lock_helper_path = argv[3];
  /* A child killed mid-test must not take the runner down with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);

  if (CU_initialize_registry () != CUE_SUCCESS)
    return 1;
  suite = CU_add_suite ("save robustness", NULL, NULL);
  if (suite == NULL)
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    if (CU_add_test (suite, tests[i].name, tests[i].func) == NULL)
      goto fail;

  CU_basic_set_mode (CU_BRM_VERBOSE);
  if (CU_basic_run_tests () != CUE_SUCCESS)
    goto fail;
  failures = CU_get_number_of_failures ();
  CU_cleanup_registry ();
  return failures > 0 ? 1 : 0;

fail:
  fprintf (stderr, "CUnit: %s\n", CU_get_error_msg ());
  CU_cleanup_registry ();
  return 1;
}
