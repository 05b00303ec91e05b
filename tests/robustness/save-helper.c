/* Saves a generated project, for the save-robustness tests.
 *
 *     save-helper SIZE SEED PATH [no-fsync]
 *
 * SIZE is "small" (8 studies of 30 constructs) or "big" (300 studies of
 * 100 constructs, about 13 MB). The project depends only on SIZE and SEED,
 * so the parent can predict the bytes. Just before saving the helper
 * prints "saving" on stdout, so that a parent can time a kill.
 *
 * Exit status: 0 saved; 3 the save failed with a G_FILE_ERROR (the error
 * is printed on stderr); 5 it was saved but not durable
 * (MTE_SAVE_ERROR_NOT_DURABLE); 4 it failed in another domain, which
 * breaks the API contract; 1 anything else went wrong.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "bench-gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (int    argc,
      char **argv)
{
  BenchGenParams params;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  MteSaveFlags flags = MTE_SAVE_FLAGS_NONE;

  if (argc < 4 || argc > 5 || (argc == 5 && strcmp (argv[4], "no-fsync") != 0))
    {
      fprintf (stderr, "usage: save-helper small|big SEED PATH [no-fsync]\n");
      return 1;
    }
  if (argc == 5)
    flags |= MTE_SAVE_NO_FSYNC;

  bench_gen_params_init (&params);
  params.seed = (guint32) g_ascii_strtoull (argv[2], NULL, 10);
  if (strcmp (argv[1], "small") == 0)
    {
      params.n_studies = 8;
      params.constructs_per_study = 30;
    }
  else if (strcmp (argv[1], "big") == 0)
    {
      params.n_studies = 300;
      params.constructs_per_study = 100;
    }
  else
    {
      fprintf (stderr, "save-helper: unknown size %s\n", argv[1]);
      return 1;
    }

  project = bench_gen_project (&params, NULL, &error);
  if (project == NULL)
    {
      fprintf (stderr, "save-helper: generating: %s\n", error->message);
      return 1;
    }

  printf ("saving\n");
  fflush (stdout);
  if (!mte_project_save_to_file (project, argv[3], flags, &error))
    {
      fprintf (stderr, "save-helper: %s %d: %s\n", g_quark_to_string (error->domain),
               error->code, error->message);
      if (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_NOT_DURABLE))
        return 5;
      return error->domain == G_FILE_ERROR ? 3 : 4;
    }
  return 0;
}
