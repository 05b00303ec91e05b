/* Fuzz target for the project loader.
 *
 * Any input must either load, or fail with one MTE_FORMAT_ERROR whose
 * message is a single line of valid UTF-8, without control characters and
 * of bounded length, naming the input. Whatever loads must
 * serialise, reload to an equal model, and serialise again to the same
 * bytes. Built as a libFuzzer binary with -Dfuzzing=true and as an
 * ordinary test (fuzz-driver.c) over the fixture corpus otherwise.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <metaethno/metaethno.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define INPUT_NAME "fuzz-input"

static void
fail (const char *what,
      const GError *error)
{
  fprintf (stderr, "fuzz-load: %s%s%s\n", what, error ? ": " : "", error ? error->message : "");
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(MteProject) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length = 0, length_again = 0;

  if (size > (size_t) G_MAXSSIZE)
    return 0;

  project = mte_project_load_from_data ((const char *) data, (gssize) size, INPUT_NAME,
                                        MTE_LOAD_FLAGS_NONE, &error);
  if (project == NULL)
    {
      if (error == NULL)
        fail ("load returned NULL without an error", NULL);
      if (error->domain != MTE_FORMAT_ERROR)
        fail ("load failed outside the MTE_FORMAT_ERROR domain", error);
      if (error->message == NULL || strchr (error->message, '\n') != NULL)
        fail ("the error message is not one line", error);
      if (!g_str_has_prefix (error->message, INPUT_NAME ":"))
        fail ("the error message does not start with the input's name", error);
      if (!g_utf8_validate (error->message, -1, NULL))
        fail ("the error message is not valid UTF-8", error);
      for (const char *p = error->message; *p != '\0'; p++)
        if ((guchar) *p < 0x20 || *p == 0x7F)
          fail ("the error message holds a control character", error);
      /* "NAME:LINE:COLUMN: " and 1,000 characters of at most 4 bytes (an
       * escape may end a few characters past the cut, then "…"). */
      if (strlen (error->message) > sizeof INPUT_NAME + 24 + 4 * 1010)
        fail ("the error message is too long", error);
      return 0;
    }
  if (error != NULL)
    fail ("load returned a project and set an error", error);

  saved = mte_project_to_data (project, &length, MTE_SAVE_FLAGS_NONE, &error);
  if (saved == NULL)
    fail ("a loaded project does not serialise", error);
  if (strlen (saved) != length)
    fail ("mte_project_to_data length disagrees with the text", NULL);

  again = mte_project_load_from_data (saved, (gssize) length, "fuzz-saved",
                                      MTE_LOAD_FLAGS_NONE, &error);
  if (again == NULL)
    fail ("the saved form of a loaded project does not load", error);
  if (!mte_project_equal (project, again))
    fail ("the project changed across save and reload", NULL);

  saved_again = mte_project_to_data (again, &length_again, MTE_SAVE_FLAGS_NONE, &error);
  if (saved_again == NULL)
    fail ("the reloaded project does not serialise", error);
  if (length != length_again || memcmp (saved, saved_again, length) != 0)
    fail ("serialising is not deterministic across a reload", NULL);

  return 0;
}
