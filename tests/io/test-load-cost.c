/* metaethno: the loader's work grows linearly with crafted input.
 *
 * Usage: test-load-cost --driver LOAD-COST [--sanitized]
 *
 * For each case the driver (load-cost.c) loads a crafted document of size
 * N and one of size 4N under callgrind, which counts the instructions
 * executed inside mte_project_load_from_data() only. Linear work gives a
 * ratio of about 4, quadratic work about 16; a ratio above 6 fails. The
 * counts do not depend on the machine's speed or load, so neither does
 * the test. Exits 77 (skipped) when valgrind is not installed or the build
 * is sanitized (valgrind cannot run AddressSanitizer programs).
 *
 * The sizes are small, to keep callgrind quick, so most cases read the
 * input 64 KiB at a time as the loader does from a pipe: libxml2's push
 * parser looks again at everything it holds each time a chunk arrives,
 * and smaller chunks make that visible at smaller sizes. The "-gt" kinds
 * put a '>' in every chunk, which wakes the parser up each time.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#define MAX_RATIO 6.0

static const struct {
  const char *kind;
  guint64     n;
  guint       read_size;        /* 0: the loader's default, 1 MiB */
} cases[] = {
  { "baseline", 1 << 20, 65536 },       /* controls: linear before and after */
  { "text", 1 << 20, 65536 },
  { "attributes", 4000, 0 },
  { "attribute-gt", 1 << 20, 65536 },
  { "comment-gt", 1 << 20, 65536 },
  { "pi-gt", 1 << 20, 65536 },
  { "cdata-gt", 1 << 20, 65536 },
  { "text-amp", 1 << 16, 0 },
  { "text-crlf", 1 << 18, 0 },
  { "text-utf8", 1 << 19, 0 },
  { "reference", 1 << 20, 65536 },
};

static const char *valgrind;
static const char *driver;
static char *out_file;

/* Instructions executed inside the load, or 0 when callgrind failed. */
static guint64
instructions (const char *kind, guint64 n, guint read_size, char **report)
{
  g_autofree char *n_arg = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  g_autofree char *size_arg = g_strdup_printf ("%u", read_size);
  g_autofree char *out_arg = g_strdup_printf ("--callgrind-out-file=%s", out_file);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *profile = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = {
    valgrind, "--tool=callgrind", out_arg,
    "--toggle-collect=mte_project_load_from_data",
    driver, "--read-size", size_arg, kind, n_arg, NULL,
  };
  int status = 0;
  guint64 total = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n%s", kind, n_arg,
                  error != NULL ? error->message : "failed", err != NULL ? err : "");
      return 0;
    }
  *report = g_strdup (g_strstrip (out));
  if (!g_file_get_contents (out_file, &profile, NULL, NULL))
    return 0;
  for (char *line = profile; line != NULL && *line != '\0';)
    {
      char *next = strchr (line, '\n');

      if (g_str_has_prefix (line, "summary:") || g_str_has_prefix (line, "totals:"))
        {
          total = g_ascii_strtoull (strchr (line, ':') + 1, NULL, 10);
          break;
        }
      line = next != NULL ? next + 1 : NULL;
    }
  g_unlink (out_file);
  return total;
}

int
main (int argc, char **argv)
{
  g_autofree char *valgrind_path = NULL;
  g_autofree char *tmp_dir = NULL;
  int failures = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--driver") == 0 && i + 1 < argc)
        driver = argv[++i];
      else if (strcmp (argv[i], "--sanitized") == 0)
        {
          printf ("SKIP: valgrind cannot run a sanitized build\n");
          return 77;
        }
      else
        {
          g_printerr ("usage: %s --driver LOAD-COST [--sanitized]\n", argv[0]);
          return 2;
        }
    }
  if (driver == NULL)
    {
      g_printerr ("%s: --driver is required\n", argv[0]);
      return 2;
    }
  valgrind_path = g_find_program_in_path ("valgrind");
  if (valgrind_path == NULL)
    {
      printf ("SKIP: valgrind is not installed\n");
      return 77;
    }
  valgrind = valgrind_path;
  tmp_dir = g_dir_make_tmp ("mte-load-cost-XXXXXX", NULL);
  if (tmp_dir == NULL)
    return 2;
  out_file = g_build_filename (tmp_dir, "callgrind.out", NULL);

  printf ("%-14s %10s %14s %14s %6s\n", "case", "N", "instr. N", "instr. 4N", "ratio");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *report1 = NULL;
      g_autofree char *report4 = NULL;
      guint64 small = instructions (cases[i].kind, cases[i].n, cases[i].read_size, &report1);
      guint64 large = instructions (cases[i].kind, 4 * cases[i].n, cases[i].read_size, &report4);
      double ratio = small > 0 ? (double) large / (double) small : 0.0;
      gboolean ok = small > 0 && large > 0 && ratio <= MAX_RATIO;

      printf ("%-14s %10" G_GUINT64_FORMAT " %14" G_GUINT64_FORMAT " %14" G_GUINT64_FORMAT
              " %6.2f %s\n", cases[i].kind, cases[i].n, small, large, ratio,
              ok ? "ok" : "FAIL: superlinear");
      printf ("    %s\n    %s\n", report1 != NULL ? report1 : "", report4 != NULL ? report4 : "");
      fflush (stdout);
      if (!ok)
        failures++;
    }
  g_rmdir (tmp_dir);
  g_free (out_file);
  if (failures > 0)
    printf ("%d case%s grew faster than linearly (ratio above %.0f)\n", failures,
            failures == 1 ? "" : "s", MAX_RATIO);
  return failures > 0 ? 1 : 0;
}
