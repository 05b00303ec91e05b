/* Fuzz target for the reference import (mte_project_import_references())
 * and the sheet import (mte_project_import_sheet()).
 *
 * The input is imported into an empty project once as each format
 * (sniffed, then RIS, BibTeX, CSL-JSON, EndNote XML and MEDLINE named),
 * and as a sheet of each kind into a project with studies "s1" and "s2"
 * and a quote "s1-q1" (so that constructs and groundings can be made).
 * Each import must return a report or fail with one error, never both;
 * a failure leaves the project equal to an empty one and its message is
 * one line naming the input; a report's problems are "NAME:LINE: ..."
 * lines and its counts match the project; what was imported saves,
 * reloads equal, and a dry run changes nothing. Built as a libFuzzer
 * binary with -Dfuzzing=true and as an ordinary test (fuzz-driver.c)
 * over tests/fuzz/import-corpus otherwise.
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
fail (const char   *what,
      const GError *error)
{
  fprintf (stderr, "fuzz-import: %s%s%s\n", what, error ? ": " : "", error ? error->message : "");
  abort ();
}

static void
check_line (const char *text,
            const char *what)
{
  if (text == NULL || strchr (text, '\n') != NULL || !g_utf8_validate (text, -1, NULL))
    fail (what, NULL);
  if (!g_str_has_prefix (text, INPUT_NAME ":"))
    fail (what, NULL);
}

static void
import_as (const uint8_t      *data,
           size_t              size,
           MteReferenceFormat  format,
           MteImportFlags      flags)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteProject) empty = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Two projects made a second apart differ in their creation and
   * modification times; pin both so that only the import can differ. */
  mte_project_set_created (empty, mte_project_get_created (project));
  mte_project_set_modified (empty, mte_project_get_modified (project));

  report = mte_project_import_references (project, (const char *) data, (gssize) size,
                                          INPUT_NAME, format, NULL, flags, &error);
  if (report == NULL)
    {
      if (error == NULL)
        fail ("import returned NULL without an error", NULL);
      if (error->domain != MTE_FORMAT_ERROR)
        fail ("import failed outside MTE_FORMAT_ERROR", error);
      check_line (error->message, "the error message is not one line naming the input");
      if (!mte_project_equal (project, empty))
        fail ("a failed import changed the project", error);
      return;
    }
  if (error != NULL)
    fail ("import returned a report and set an error", error);

  if (mte_import_get_n_records (report) > mte_import_get_n_read (report))
    fail ("more records than references read", NULL);
  if (mte_import_get_n_duplicates (report) > mte_import_get_n_records (report))
    fail ("more duplicates than records", NULL);
  for (guint i = 0; i < mte_import_get_n_problems (report); i++)
    check_line (mte_import_get_problem (report, i, NULL), "a problem is not a NAME:LINE: line");
  for (guint i = 0; i < mte_import_get_n_duplicates (report); i++)
    {
      const char *original = NULL, *rule = NULL;

      if (mte_import_get_duplicate (report, i, &original, &rule) == NULL || original == NULL ||
          rule == NULL)
        fail ("a duplicate without its original or rule", NULL);
    }

  if (flags & MTE_IMPORT_DRY_RUN)
    {
      if (!mte_project_equal (project, empty))
        fail ("a dry run changed the project", NULL);
      return;
    }
  if (mte_project_get_n_records (project) != mte_import_get_n_records (report))
    fail ("the report's records are not the project's", NULL);
  if ((flags & MTE_IMPORT_AS_STUDIES) &&
      mte_project_get_n_studies (project) != mte_import_get_n_studies (report))
    fail ("the report's studies are not the project's", NULL);

  {
    g_autofree char *saved = NULL;
    g_autoptr(MteProject) again = NULL;
    gsize length = 0;

    saved = mte_project_to_data (project, &length, MTE_SAVE_FLAGS_NONE, &error);
    if (saved == NULL)
      fail ("an imported project does not serialise", error);
    again = mte_project_load_from_data (saved, (gssize) length, "fuzz-saved",
                                        MTE_LOAD_FLAGS_NONE, &error);
    if (again == NULL)
      fail ("an imported project does not reload", error);
    if (!mte_project_equal (project, again))
      fail ("an imported project changed across save and reload", NULL);
  }
}

/* The project a sheet is imported into. */
static MteProject *
sheet_base (void)
{
  MteProject *project = mte_project_new ();
  MteStudy *s1 = mte_project_add_study (project, "s1", NULL);

  mte_project_add_study (project, "s2", NULL);
  mte_study_add_construct (s1, "s1-q1", MTE_CONSTRUCT_FIRST_ORDER, "words", NULL);
  mte_project_set_created (project, 1);
  mte_project_set_modified (project, 1);
  return project;
}

static void
import_sheet_as (const uint8_t  *data,
                 size_t          size,
                 MteSheetKind    kind,
                 MteImportFlags  flags)
{
  g_autoptr(MteProject) project = sheet_base ();
  g_autoptr(MteProject) before = sheet_base ();
  g_autoptr(MteImport) report = NULL;
  g_autoptr(GError) error = NULL;
  /* Maps that name columns the seeds use, so mapped paths are reached. */
  static const char * const map[] = { "quote=text", "kind=order", "memo=-", NULL };

  report = mte_project_import_sheet (project, (const char *) data, (gssize) size, INPUT_NAME,
                                     kind, kind == MTE_SHEET_CONSTRUCTS ? NULL : map, flags,
                                     &error);
  if (report == NULL)
    {
      if (error == NULL)
        fail ("sheet import returned NULL without an error", NULL);
      if (error->domain != MTE_FORMAT_ERROR)
        fail ("sheet import failed outside MTE_FORMAT_ERROR", error);
      check_line (error->message, "the sheet error is not one line naming the input");
      if (!mte_project_equal (project, before))
        fail ("a failed sheet import changed the project", error);
      return;
    }
  if (error != NULL)
    fail ("sheet import returned a report and set an error", error);
  if (mte_import_get_sheet (report) != MTE_SHEET_STUDIES &&
      mte_import_get_sheet (report) != MTE_SHEET_CONSTRUCTS)
    fail ("a sheet report without its kind", NULL);
  for (guint i = 0; i < mte_import_get_n_problems (report); i++)
    check_line (mte_import_get_problem (report, i, NULL), "a sheet problem is not a NAME:ROW: line");
  if (flags & MTE_IMPORT_DRY_RUN)
    {
      if (!mte_project_equal (project, before))
        fail ("a sheet dry run changed the project", NULL);
      return;
    }
  if (mte_project_get_n_studies (project) !=
      mte_project_get_n_studies (before) + mte_import_get_n_studies (report))
    fail ("the sheet report's studies are not the project's", NULL);
  {
    g_autofree char *saved = NULL;
    g_autoptr(MteProject) again = NULL;
    gsize length = 0;

    saved = mte_project_to_data (project, &length, MTE_SAVE_FLAGS_NONE, &error);
    if (saved == NULL)
      fail ("a project with an imported sheet does not serialise", error);
    again = mte_project_load_from_data (saved, (gssize) length, "fuzz-saved",
                                        MTE_LOAD_FLAGS_NONE, &error);
    if (again == NULL)
      fail ("a project with an imported sheet does not reload", error);
    if (!mte_project_equal (project, again))
      fail ("a project with an imported sheet changed across save and reload", NULL);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (size > (size_t) G_MAXSSIZE)
    return 0;
  for (int format = MTE_REFERENCE_FORMAT_AUTO; format <= MTE_REFERENCE_FORMAT_NBIB; format++)
    import_as (data, size, (MteReferenceFormat) format,
               format == MTE_REFERENCE_FORMAT_AUTO ? MTE_IMPORT_AS_STUDIES : MTE_IMPORT_FLAGS_NONE);
  import_as (data, size, MTE_REFERENCE_FORMAT_AUTO, MTE_IMPORT_DRY_RUN | MTE_IMPORT_AS_STUDIES);
  import_as (data, size, MTE_REFERENCE_FORMAT_AUTO, MTE_IMPORT_STRICT);
  import_sheet_as (data, size, MTE_SHEET_AUTO, MTE_IMPORT_FLAGS_NONE);
  import_sheet_as (data, size, MTE_SHEET_STUDIES, MTE_IMPORT_DRY_RUN);
  import_sheet_as (data, size, MTE_SHEET_CONSTRUCTS, MTE_IMPORT_STRICT);
  return 0;
}
