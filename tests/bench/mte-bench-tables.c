/* mte-bench-tables: peak memory of the big tables (issue 13).
 *
 *     mte-bench-tables --metaethno BUILD/bindings/cli/metaethno --studies 10000
 *
 * Generates a project (seeded, through the public API), then runs
 * `metaethno grid`, `relate` and `translate --table` in each of their
 * formats, each as a freshly executed child with its standard output in a
 * file, and prints for each the output's size, the child's peak resident
 * set and their ratio. `metaethno info` on the same file is printed first:
 * loading the project alone, the floor under every command.
 *
 * Measuring: the child's ru_maxrss from wait4(). Linux carries the peak
 * of the memory a process had before exec() into ru_maxrss, so this
 * process must stay small: the project is generated and saved by a child
 * that then exits, and nothing large is held here while commands run.
 * Each child runs under RLIMIT_AS (--limit-mb) so a command that would
 * take the machine's memory fails instead; the row then says so.
 *
 * --verify (the smoke test) then loads the project here and checks that
 * each output file holds exactly the bytes of the library's string
 * renderer for the same options. Times are printed, never checked.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* wait4() is a BSD and Linux call, outside -std=c11. */
#define _DEFAULT_SOURCE 1

#include "bench-gen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

typedef struct {
  const char     *command;      /* as printed */
  const char     *argv[3];      /* subcommand and options before FILE */
  const char     *format;       /* -f */
  MteReportFormat report_format;
} Run;

static const Run runs[] = {
  { "info", { "info", NULL }, NULL, MTE_REPORT_TEXT },
#define TABLE_RUNS(NAME, ...) \
  { NAME, { __VA_ARGS__ }, "text", MTE_REPORT_TEXT }, \
  { NAME, { __VA_ARGS__ }, "csv", MTE_REPORT_CSV }, \
  { NAME, { __VA_ARGS__ }, "md", MTE_REPORT_MARKDOWN }, \
  { NAME, { __VA_ARGS__ }, "json", MTE_REPORT_JSON }
  TABLE_RUNS ("grid", "grid", NULL),
  TABLE_RUNS ("relate", "relate", NULL),
  TABLE_RUNS ("translate --table", "translate", "--table", NULL),
#undef TABLE_RUNS
};

/* Generates the project into @path in a child process, so that none of
 * its memory is ever this process's. */
static gboolean
generate (const BenchGenParams *params,
          const char           *path)
{
  pid_t pid = fork ();
  int status;

  if (pid < 0)
    {
      perror ("mte-bench-tables: fork");
      return FALSE;
    }
  if (pid == 0)
    {
      /* _exit() runs no cleanup: everything is freed by hand first, so
       * that valgrind, which follows the fork, sees no leak. */
      GError *error = NULL;
      MteProject *project = bench_gen_project (params, NULL, &error);
      gboolean ok = project != NULL &&
                    mte_project_save_to_file (project, path, MTE_SAVE_NO_FSYNC, &error);

      if (!ok)
        fprintf (stderr, "mte-bench-tables: %s\n", error->message);
      g_clear_error (&error);
      if (project != NULL)
        mte_project_free (project);
      _exit (ok ? 0 : 1);
    }
  if (waitpid (pid, &status, 0) < 0)
    {
      perror ("mte-bench-tables: waitpid");
      return FALSE;
    }
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Runs @argv with standard output into @output; returns the wait status
 * and the child's own peak resident set in KiB. */
static gboolean
run_child (char *const *argv,
           const char  *output,
           guint64      limit_mb,
           int         *status,
           long        *maxrss_kib,
           double      *seconds)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    {
      perror ("mte-bench-tables: fork");
      return FALSE;
    }
  if (pid == 0)
    {
      int fd = open (output, O_WRONLY | O_CREAT | O_TRUNC, 0644);

      if (fd < 0 || dup2 (fd, STDOUT_FILENO) < 0)
        _exit (126);
      close (fd);
      if (limit_mb > 0)
        {
          struct rlimit limit = { (rlim_t) limit_mb << 20, (rlim_t) limit_mb << 20 };

          setrlimit (RLIMIT_AS, &limit);
        }
      execv (argv[0], argv);
      _exit (127);
    }
  while (wait4 (pid, status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        perror ("mte-bench-tables: wait4");
        return FALSE;
      }
  *maxrss_kib = usage.ru_maxrss;
  *seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  return TRUE;
}

/* The library's string rendering of @run, as the command makes it. */
static char *
render_in_process (MteProject *project,
                   const Run  *run,
                   GError    **error)
{
  char *text = NULL;

  if (strcmp (run->argv[0], "grid") == 0)
    {
      g_autoptr(MteGrid) grid = mte_grid_new (project, MTE_STUDY_ORDER_INDEX);

      text = mte_grid_render (grid, run->report_format, error);
    }
  else if (strcmp (run->argv[0], "relate") == 0)
    {
      g_autoptr(MteRelatedness) r = mte_relatedness_new (project, MTE_STUDY_ORDER_INDEX,
                                                         MTE_RELATEDNESS_DEFAULT_THRESHOLD);

      text = mte_relatedness_render (r, run->report_format, error);
    }
  else
    {
      MteSession *session = mte_project_get_session (project);
      g_autoptr(MteTranslationTable) t =
        mte_translation_table_new (project, session != NULL ? mte_session_get_order (session)
                                                            : MTE_STUDY_ORDER_INDEX);

      text = mte_translation_table_render (t, run->report_format, error);
    }
  return text;
}

int
main (int    argc,
      char **argv)
{
  BenchGenParams params;
  gint studies, constructs, limit_mb = 12000;
  gint64 seed;
  gboolean verify = FALSE, keep = FALSE, made_workdir = FALSE;
  g_autofree char *metaethno = NULL;
  g_autofree char *workdir = NULL;
  /* Static, so that it stays reachable in the generating child. */
  static char *project_path;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *outputs[G_N_ELEMENTS (runs)] = { NULL };   /* freed at the end */
  gboolean ran[G_N_ELEMENTS (runs)] = { FALSE };
  GStatBuf st;
  int failures = 0;

  bench_gen_params_init (&params);
  params.n_studies = 10000;
  studies = (gint) params.n_studies;
  constructs = (gint) params.constructs_per_study;
  seed = params.seed;
  {
    GOptionEntry entries[] = {
      { "metaethno", 0, 0, G_OPTION_ARG_FILENAME, &metaethno, "The metaethno command to measure", "PATH" },
      { "studies", 'n', 0, G_OPTION_ARG_INT, &studies, "Studies in the generated project (default 10000)", "N" },
      { "constructs-per-study", 'm', 0, G_OPTION_ARG_INT, &constructs,
        "First- and second-order constructs per study (default 100)", "M" },
      { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1988)", "SEED" },
      { "limit-mb", 0, 0, G_OPTION_ARG_INT, &limit_mb,
        "Address-space limit of each command in MiB, 0 for none (default 12000)", "MB" },
      { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir,
        "Where the project and outputs go (default: a new temporary folder)", "DIR" },
      { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the project and outputs", NULL },
      { "verify", 0, 0, G_OPTION_ARG_NONE, &verify,
        "Check each output against the library's string renderer", NULL },
      { NULL }
    };

    context = g_option_context_new ("- peak memory of grid, relate and translate --table");
    g_option_context_add_main_entries (context, entries, NULL);
  }
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "mte-bench-tables: %s\n", error->message);
      return 2;
    }
  /* Freed now, not at the end: the generating child leaves by _exit(). */
  g_clear_pointer (&context, g_option_context_free);
  if (metaethno == NULL || studies < 1 || constructs < 1 || limit_mb < 0 || argc > 1)
    {
      fprintf (stderr, "mte-bench-tables: give --metaethno PATH (see --help)\n");
      return 2;
    }
  params.n_studies = (guint) studies;
  params.constructs_per_study = (guint) constructs;
  params.seed = (guint32) seed;

  if (workdir == NULL)
    {
      workdir = g_dir_make_tmp ("mte-bench-tables-XXXXXX", &error);
      if (workdir == NULL)
        {
          fprintf (stderr, "mte-bench-tables: %s\n", error->message);
          return 1;
        }
      made_workdir = TRUE;
    }
  project_path = g_build_filename (workdir, "tables.mte", NULL);
  if (!generate (&params, project_path) || g_stat (project_path, &st) != 0)
    {
      fprintf (stderr, "mte-bench-tables: could not generate %s\n", project_path);
      return 1;
    }
  printf ("project: %u studies × %u constructs, seed %u, %" G_GUINT64_FORMAT " bytes\n",
          params.n_studies, params.constructs_per_study, params.seed, (guint64) st.st_size);
  printf ("command: %s\n\n", metaethno);
  printf ("%-18s %-6s %15s %15s %7s %9s\n", "command", "format", "output bytes",
          "peak RSS bytes", "peak/out", "seconds");

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      const Run *run = &runs[i];
      g_autoptr(GPtrArray) child_argv = g_ptr_array_new ();
      int status;
      long maxrss = 0;
      double seconds = 0.0;
      guint64 peak, size = 0;

      outputs[i] = g_strdup_printf ("%s/out-%u-%s.%s", workdir, i, run->argv[0],
                                    run->format != NULL ? run->format : "txt");
      g_ptr_array_add (child_argv, metaethno);
      for (guint a = 0; a < G_N_ELEMENTS (run->argv) && run->argv[a] != NULL; a++)
        g_ptr_array_add (child_argv, (gpointer) run->argv[a]);
      g_ptr_array_add (child_argv, project_path);
      if (run->format != NULL)
        {
          g_ptr_array_add (child_argv, "-f");
          g_ptr_array_add (child_argv, (gpointer) run->format);
        }
      g_ptr_array_add (child_argv, NULL);
      if (!run_child ((char *const *) child_argv->pdata, outputs[i], (guint64) limit_mb,
                      &status, &maxrss, &seconds))
        return 1;
      if (g_stat (outputs[i], &st) == 0)
        size = (guint64) st.st_size;
      peak = (guint64) maxrss * 1024;
      if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
        {
          ran[i] = TRUE;
          printf ("%-18s %-6s %15" G_GUINT64_FORMAT " %15" G_GUINT64_FORMAT " %7.2f %9.1f\n",
                  run->command, run->format != NULL ? run->format : "-", size, peak,
                  size > 0 ? (double) peak / (double) size : 0.0, seconds);
        }
      else
        {
          printf ("%-18s %-6s failed (%s %d) after %" G_GUINT64_FORMAT " bytes, peak RSS %"
                  G_GUINT64_FORMAT " bytes, %.1f s\n",
                  run->command, run->format != NULL ? run->format : "-",
                  WIFEXITED (status) ? "exit status" : "signal",
                  WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status),
                  size, peak, seconds);
          failures++;
        }
    }

  if (verify)
    {
      g_autoptr(MteProject) project = mte_project_load_from_file (project_path, MTE_LOAD_FLAGS_NONE,
                                                                   &error);

      if (project == NULL)
        {
          fprintf (stderr, "mte-bench-tables: %s\n", error->message);
          return 1;
        }
      for (guint i = 1; i < G_N_ELEMENTS (runs); i++)
        {
          g_autofree char *expected = NULL;
          g_autofree char *written = NULL;
          gsize length = 0;

          if (!ran[i])
            continue;
          expected = render_in_process (project, &runs[i], &error);
          if (expected == NULL || !g_file_get_contents (outputs[i], &written, &length, &error))
            {
              fprintf (stderr, "mte-bench-tables: %s\n", error->message);
              return 1;
            }
          if (length == 0 || length != strlen (expected) || memcmp (written, expected, length) != 0)
            {
              printf ("verify: %s -f %s wrote %" G_GSIZE_FORMAT " bytes, the library renders %"
                      G_GSIZE_FORMAT " different bytes\n",
                      runs[i].command, runs[i].format, length, strlen (expected));
              failures++;
            }
        }
      if (failures == 0)
        printf ("\nverify: every output is the library's rendering, byte for byte\n");
    }

  if (!keep)
    {
      for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
        g_unlink (outputs[i]);
      g_unlink (project_path);
      if (made_workdir)
        g_rmdir (workdir);
    }
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    g_free (outputs[i]);
  g_clear_pointer (&project_path, g_free);
  return failures == 0 ? 0 : 1;
}
