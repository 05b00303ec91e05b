/* Changes a project file the locked way, for the save-robustness tests.
 *
 *     lock-helper open-nowait PATH   open for changes without waiting
 *     lock-helper add-memo PATH ID   open (waiting), add memo ID, save
 *
 * add-memo prints "open" on stdout once it holds the file, so that a
 * parent can tell a wait from a load.
 *
 * Exit status: 0 done; 5 saved but not durable (MTE_SAVE_ERROR_NOT_DURABLE);
 * 6 the file is locked (MTE_SAVE_ERROR_LOCKED); 7 the file changed since
 * it was loaded (MTE_SAVE_ERROR_CHANGED); 1 anything else (on stderr).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include <metaethno/metaethno.h>

static int
status_of (const GError *error)
{
  fprintf (stderr, "lock-helper: %s\n", error->message);
  if (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_NOT_DURABLE))
    return 5;
  if (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_LOCKED))
    return 6;
  if (g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_CHANGED))
    return 7;
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(MteProjectFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (argc == 3 && strcmp (argv[1], "open-nowait") == 0)
    {
      file = mte_project_file_open (argv[2], MTE_OPEN_NO_WAIT, &error);
      return file != NULL ? 0 : status_of (error);
    }
  if (argc == 4 && strcmp (argv[1], "add-memo") == 0)
    {
      file = mte_project_file_open (argv[2], MTE_OPEN_FLAGS_NONE, &error);
      if (file == NULL)
        return status_of (error);
      printf ("open\n");
      fflush (stdout);
      if (mte_project_add_memo (mte_project_file_get_project (file), argv[3], NULL, NULL,
                                "added by lock-helper", &error) == NULL ||
          !mte_project_file_save (file, MTE_SAVE_FLAGS_NONE, &error))
        return status_of (error);
      return 0;
    }
  fprintf (stderr, "usage: lock-helper open-nowait PATH | add-memo PATH ID\n");
  return 1;
}
