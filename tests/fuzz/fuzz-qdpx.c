/* Fuzz target for REFI-QDA import as a user meets it: any bytes (a .qdpx
 * archive, a .qde or a .qdc) given to mte_project_import_refi().
 *
 * Invariants checked on every input:
 *  - the import either returns a report or fails with one line of valid
 *    UTF-8; it never crashes or leaks (ASan, valgrind);
 *  - a refused import leaves the project byte for byte as it was;
 *  - a project an import changed still saves, and reloads to an equal
 *    model (nothing an import puts in a project is unstorable);
 *  - mte_refi_describe() answers, or fails with one line, too.
 * A strict run and a mapping that names the first code of the convention
 * and "A/B" paths are tried too, so mapping errors are fuzzed as well.
 *
 * As an ordinary test (fuzz-driver.c) it runs over tests/fuzz/qdpx-corpus
 * and tests/data/refi (the hostile archives included).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fail (const char   *what,
      const GError *error)
{
  fprintf (stderr, "fuzz-qdpx: %s%s%s\n", what, error ? ": " : "", error ? error->message : "");
  abort ();
}

static void
check_error (const GError *error)
{
  if (error == NULL)
    fail ("a failure without an error", NULL);
  if (strchr (error->message, '\n') != NULL || !g_utf8_validate (error->message, -1, NULL))
    fail ("an error message that is not one line of UTF-8", error);
}

static void
import_once (const uint8_t        *data,
             size_t                size,
             const MteRefiMapping *mapping,
             MteImportFlags        flags)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteRefiReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  mte_project_set_modified (project, 0);
  before = mte_project_to_data (project, NULL, MTE_SAVE_FLAGS_NONE, NULL);
  report = mte_project_import_refi (project, (const char *) data, size, "fuzz.qdpx",
                                    MTE_REFI_FORMAT_AUTO, mapping, flags, &error);
  after = mte_project_to_data (project, NULL, MTE_SAVE_FLAGS_NONE, &save_error);
  if (after == NULL)
    fail ("a project the import changed does not save", save_error);
  if (report == NULL || (flags & MTE_IMPORT_DRY_RUN))
    {
      if (report == NULL)
        check_error (error);
      if (strcmp (before, after) != 0)
        fail ("a refused or dry-run import changed the project", NULL);
      return;
    }
  else
    {
      g_autofree char *text = mte_refi_report_to_text (report);
      g_autofree char *json = mte_refi_report_to_json (report);
      g_autoptr(MteProject) again = mte_project_load_from_data (after, -1, "fuzz-saved", 0, &error);

      if (text == NULL || json == NULL || !g_utf8_validate (text, -1, NULL))
        fail ("a report that does not render", NULL);
      if (again == NULL)
        fail ("a project with an imported REFI file does not reload", error);
      if (!mte_project_equal (project, again))
        fail ("a project with an imported REFI file reloads different", NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MteRefiMapping) mapping = mte_refi_mapping_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tree = NULL;

  tree = mte_refi_describe ((const char *) data, size, "fuzz.qdpx", size % 2 == 0, &error);
  if (tree == NULL)
    check_error (error);

  import_once (data, size, NULL, MTE_IMPORT_FLAGS_NONE);
  import_once (data, size, NULL, MTE_IMPORT_DRY_RUN);
  import_once (data, size, NULL, MTE_IMPORT_STRICT);
  /* Paths and a study per case. */
  if (!mte_refi_mapping_set_code (mapping, MTE_REFI_ROLE_FIRST_ORDER, "Codes/Quotes", NULL) ||
      !mte_refi_mapping_set_code (mapping, MTE_REFI_ROLE_CONCEPTS, "Key concepts", NULL))
    fail ("a valid mapping refused", NULL);
  mte_refi_mapping_set_study_unit (mapping, MTE_REFI_STUDY_PER_CASE);
  mte_refi_mapping_set_match_existing (mapping, TRUE);
  import_once (data, size, mapping, MTE_IMPORT_FLAGS_NONE);
  return 0;
}
