/* Runs a fuzz target over files when it is not built for libFuzzer.
 *
 *     fuzz-load FILE-OR-FOLDER...
 *
 * Every regular file named, or found directly in a folder named, is passed
 * to LLVMFuzzerTestOneInput() once. A crash or abort is the failure; the
 * run also fails when it finds no input at all, so a missing corpus cannot
 * pass silently.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
run_file (const char  *path,
          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  printf ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  guint n_inputs = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (dir == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort (names, compare_names);
          for (guint j = 0; j < names->len; j++)
            {
              const char *path = g_ptr_array_index (names, j);

              if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
                continue;
              if (!run_file (path, &error))
                {
                  fprintf (stderr, "%s\n", error->message);
                  return 1;
                }
              n_inputs++;
            }
        }
      else if (!run_file (argv[i], &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      else
        n_inputs++;
    }

  printf ("%u inputs\n", n_inputs);
  if (n_inputs == 0)
    {
      fprintf (stderr, "no inputs found\n");
      return 1;
    }
  return 0;
}
