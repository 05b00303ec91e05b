/* list-studies: the smallest useful metaethno program (shown in README.md).
 *
 *     cc list-studies.c $(pkg-config --cflags --libs metaethno)
 *     ./a.out docs/examples/starter.xml
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <metaethno/metaethno.h>

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MteProject) project = NULL;

  if (argc != 2)
    return 2;
  project = mte_project_load_from_file (argv[1], MTE_LOAD_FLAGS_NONE, &error);
  if (project == NULL)
    {
      fprintf (stderr, "%s\n", error->message);  /* FILE:LINE:COLUMN: what */
      return 1;
    }
  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    {
      MteStudy *study = mte_project_get_study (project, i);

      printf ("%-14s %4d  %u constructs\n", mte_study_get_id (study),
              mte_study_get_year (study), mte_study_get_n_constructs (study));
    }
  return 0;
}
