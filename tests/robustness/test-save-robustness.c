/* A failed save must leave the previous file byte for byte as it was.
 *
 *     test-save-robustness SAVE-HELPER FAULT-SHIM
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
#include <unistd.h>

#include <CUnit/Basic.h>
#include <glib/gstdio.h>

#define TARGET "project.mte"
#define NOBODY 65534

static const char *helper_path;
static const char *shim_path;

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
kill_once (Fixture    *f,
           GBytes     *reference,
           KillWhen    when,
           guint       delay_ms,
           KillTally  *tally)
{
  g_autofree char *seed_text = g_strdup ("5");
  const char *argv[] = { helper_path, "big", seed_text, f->target, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GPtrArray) left = NULL;
  GPid pid;
  int out = -1, status = 0;
  gboolean exited = FALSE;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
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
  fixture_restore (f);
}

static void
test_killed_mid_write (void)
{
  Fixture f;
  g_autoptr(GBytes) reference = reference_bytes ("big", 5);
  guint delays[] = { 0, 1, 3, 10, 30, 60, 100, 200, 400 };
  KillTally tally = { 0 };

  fixture_setup (&f, 1);
  for (guint i = 0; i < 3; i++)
    kill_once (&f, reference, KILL_WHEN_TEMP_APPEARS, 0, &tally);
  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    kill_once (&f, reference, KILL_AFTER_DELAY, delays[i], &tally);

  printf ("\n    %u kills of a %" G_GSIZE_FORMAT "-byte save: %u mid-write (original kept, "
          "one temporary file left), %u before writing, %u after the rename, %u too late\n",
          tally.runs, g_bytes_get_size (reference), tally.kept_with_temp, tally.kept_clean,
          tally.replaced, tally.missed);
  /* At least one kill must have landed while the temporary file was being
   * written, or the test proved nothing. */
  CU_ASSERT_TRUE (tally.kept_with_temp >= 1);

  /* Unhindered, the same helper replaces the file. */
  {
    g_autoptr(GBytes) now = NULL;
    g_autoptr(GPtrArray) left = NULL;

    CU_ASSERT_EQUAL (run_helper (&f, "big", 5, f.target, FALSE, NULL), 0);
    now = read_bytes (f.target);
    CU_ASSERT_TRUE (bytes_equal (now, reference));
    left = strays (f.dir);
    CU_ASSERT_EQUAL (left->len, 0);
  }
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
    { "killed mid-write", test_killed_mid_write },
    { "success replaces content, keeps mode", test_success_keeps_mode },
    { "missing folder", test_missing_folder },
  };
  CU_pSuite suite;
  unsigned int failures;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s SAVE-HELPER FAULT-SHIM\n", argv[0]);
      return 2;
    }
  helper_path = argv[1];
  shim_path = argv[2];
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
