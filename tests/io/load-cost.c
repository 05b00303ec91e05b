/* metaethno: loads one crafted input, for the cost test under callgrind.
 *
 * Usage: load-cost [--read-size BYTES] KIND N   (see crafted.c for the kinds)
 *        load-cost --list
 *
 * The document is made first and then given to mte_project_load_from_data()
 * once; callgrind counts only that call (--toggle-collect). --read-size
 * makes the loader read that many bytes at a time, as from a pipe. Prints whether
 * the load succeeded or the error, and the wall time for the curious: the
 * test reads instruction counts only.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <metaethno/metaethno.h>

#include "crafted.h"
#include "mte-io-private.h"

int
main (int argc, char **argv)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  MteProject *project;
  gsize length = 0;
  gint64 start;

  if (argc >= 3 && strcmp (argv[1], "--read-size") == 0)
    {
      mte_io_set_read_size ((gsize) g_ascii_strtoull (argv[2], NULL, 10));
      argc -= 2;
      argv += 2;
    }
  if (argc == 2 && strcmp (argv[1], "--list") == 0)
    {
      for (const MteCraftedKind *k = mte_crafted_kinds; k->name != NULL; k++)
        printf ("%-14s %s\n", k->name, k->what);
      return 0;
    }
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s [--read-size BYTES] KIND N | --list\n", argv[0]);
      return 2;
    }
  data = mte_crafted_make (argv[1], g_ascii_strtoull (argv[2], NULL, 10), &length);
  if (data == NULL)
    {
      fprintf (stderr, "%s: unknown kind %s\n", argv[0], argv[1]);
      return 2;
    }
  start = g_get_monotonic_time ();
  project = mte_project_load_from_data (data, (gssize) length, "crafted", 0, &error);
  printf ("%s %s: %" G_GSIZE_FORMAT " bytes, %.3f s: ", argv[1], argv[2], length,
          (double) (g_get_monotonic_time () - start) / 1e6);
  if (project != NULL)
    printf ("loaded\n");
  else
    printf ("%.200s\n", error->message);
  mte_project_free (project);
  return 0;
}
