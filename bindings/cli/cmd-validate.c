/* metaethno validate FILE…: check that project files load.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

static guint
count_constructs (const MteProject *project)
{
  guint n = 0;

  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    n += mte_study_get_n_constructs (mte_project_get_study (project, i));
  return n;
}

int
mte_cli_validate (int    argc,
                  char **argv)
{
  gboolean help = FALSE;
  gboolean quiet = FALSE;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "quiet", 'q', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &quiet,
      "Print nothing for valid files", NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
      &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status;

  context = mte_cli_option_context_new (
    "validate", "FILE…",
    "Check that each project file is well formed, matches the schema of its\n"
    "format version and that every reference in it resolves.",
    "For each valid file, prints 'FILE: valid (N studies, M constructs)'\n"
    "on standard output. For each invalid file, prints the first problem\n"
    "found as 'FILE:LINE:COLUMN: message' on standard error.\n"
    "A FILE of '-' reads standard input.\n"
    "\n"
    "Exit status: 0 when every file is valid, 1 when any is not, 2 for a\n"
    "usage error.",
    entries, &help);

  if (!mte_cli_parse (context, "validate", &argc, &argv, &help, &status))
    return status;

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error ("validate", "no FILE given");
  for (guint i = 0; inputs[i] != NULL; i++)
    if (inputs[i][0] == '\0')
      return mte_cli_usage_error ("validate", "empty file name");

  status = MTE_CLI_EXIT_OK;
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MteProject) project = mte_cli_load (inputs[i], &error);
      g_autofree char *shown = NULL;
      guint n_studies, n_constructs;

      if (project == NULL)
        {
          mte_cli_print_error (inputs[i], error);
          status = MTE_CLI_EXIT_INVALID;
          continue;
        }

      if (quiet)
        continue;

      n_studies = mte_project_get_n_studies (project);
      n_constructs = count_constructs (project);
      shown = g_strcmp0 (inputs[i], MTE_CLI_STDIO) == 0 ? g_strdup (MTE_CLI_STDIN_NAME)
                                                        : mte_cli_display_path (inputs[i]);
      printf ("%s: valid (%u %s, %u %s)\n", shown,
              n_studies, n_studies == 1 ? "study" : "studies",
              n_constructs, n_constructs == 1 ? "construct" : "constructs");
    }

  return status;
}
