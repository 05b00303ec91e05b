/* metaethno command: entry point and subcommand dispatch.
 *
 *     metaethno [--version] [--help] COMMAND [ARGS…]
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <errno.h>
#include <locale.h>
#include <string.h>

const MteCliCommand mte_cli_commands[] = {
  { "new",        "Start a review: create a project file, from templates if wanted", mte_cli_new },
  { "templates",  "List the bundled templates (checklists, frameworks)",              mte_cli_list_templates },
  { "protocol",   "Show or change the review question, aim and protocol",             mte_cli_protocol },
  { "emerge",     "Show or write the team's text per eMERGe reporting item",          mte_cli_emerge },
  { "add",        "Add a member, search, record, study, quote, theme, concept, …",    mte_cli_add },
  { "change",     "Change fields of an entity",                                        mte_cli_change },
  { "remove",     "Remove an entity (--cascade: with what depends on it)",             mte_cli_remove },
  { "list",       "List the entities of one kind",                                     mte_cli_list },
  { "show",       "Show every field of one entity",                                    mte_cli_show },
  { "screen",     "Record what became of a record (duplicate, excluded, included, …)", mte_cli_screen },
  { "appraise",   "Record a study's answers to an appraisal checklist",                mte_cli_appraise },
  { "exclude",    "Exclude a study from the review, with the stage and reason",        mte_cli_exclude },
  { "include",    "Include an excluded study again",                                   mte_cli_include },
  { "classify",   "Place a construct, concept or finding at a framework level",        mte_cli_classify },
  { "unclassify", "Take a construct, concept or finding off a framework level",        mte_cli_unclassify },
  { "cerqual",    "Record a GRADE-CERQual assessment of a finding",                    mte_cli_cerqual },
  { "prisma",     "Show the PRISMA 2020 flow counts, or enter them by hand",           mte_cli_prisma },
  { "validate", "Check that project files load, and report the first problem in each", mte_cli_validate },
  { "info",     "Summarise a project: counts of everything in it, and per study",     mte_cli_info },
  { "convert",  "Load a project and write it out again in the current format",        mte_cli_convert },
  { "import",   "Read RIS, BibTeX, CSL-JSON, EndNote XML or MEDLINE references as records", mte_cli_import },
  { "export",   "Write the included studies' references as RIS, BibTeX or CSL-JSON", mte_cli_export },
  { "report",   "Write the review report in eMERGe order as HTML, Word or Markdown", mte_cli_report },
  { "grid",       "Show the key concepts x studies grid",                              mte_cli_grid },
  { "relate",     "Compare studies by shared concepts and cluster them",               mte_cli_relate },
  { "translate",  "Translate studies decision by decision; the translation table (--table)", mte_cli_translate },
  { "saturation", "Show new and cumulative concepts study by study",                   mte_cli_saturation },
  { "check",      "Run the method checks; fail when there are errors",                 mte_cli_check },
  { "synthesize", "Show the line of argument (text, Markdown, JSON or Graphviz)",      mte_cli_synthesize },
  { "suggest",    "Suggest groupings of concepts into findings",                       mte_cli_suggest },
};
const guint mte_cli_n_commands = G_N_ELEMENTS (mte_cli_commands);

static const MteCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < mte_cli_n_commands; i++)
    if (strcmp (mte_cli_commands[i].name, name) == 0)
      return &mte_cli_commands[i];
  return NULL;
}

/* The text after the options in `metaethno --help`: the command list. */
static char *
commands_description (void)
{
  GString *text = g_string_new ("Commands:\n");
  gsize width = 0;

  for (guint i = 0; i < mte_cli_n_commands; i++)
    width = MAX (width, strlen (mte_cli_commands[i].name));

  for (guint i = 0; i < mte_cli_n_commands; i++)
    g_string_append_printf (text, "  %-*s  %s\n", (int) width,
                            mte_cli_commands[i].name,
                            mte_cli_commands[i].summary);
  g_string_append_printf (text, "  %-*s  %s\n", (int) width, "help",
                          "Show the options of a command");
  g_string_append_printf (text,
                          "\nRun '%s help COMMAND' or '%s COMMAND --help' for "
                          "the options of a command.\n"
                          "Exit status: 0 on success, 1 for invalid input or a "
                          "failed check, 2 for a usage error.",
                          mte_cli_program, mte_cli_program);

  return g_string_free (text, FALSE);
}

/* `metaethno help [COMMAND]`: the same text as `metaethno COMMAND --help`. */
static int
run_help (int          argc,
          char       **argv,
          const char  *program_help)
{
  const MteCliCommand *command;
  char *help_argv[3];

  if (argc < 2)
    {
      fputs (program_help, stdout);
      return MTE_CLI_EXIT_OK;
    }
  if (argc > 2)
    return mte_cli_usage_error ("help", "expected one COMMAND, got %d", argc - 1);

  command = find_command (argv[1]);
  if (command == NULL)
    return mte_cli_usage_error (NULL, "unknown command '%s'", argv[1]);

  help_argv[0] = (char *) command->name;
  help_argv[1] = (char *) "--help";
  help_argv[2] = NULL;
  return command->run (2, help_argv);
}

/* Reports a failure to write standard output (a full disk, a closed pipe
 * with SIGPIPE ignored) instead of exiting as if all was well. */
static int
check_stdout (int status)
{
  if ((fflush (stdout) != 0 || ferror (stdout)) && !mte_cli_stdout_failed)
    {
      fprintf (stderr, "%s: write error on standard output: %s\n",
               mte_cli_program, g_strerror (errno));
      return status == MTE_CLI_EXIT_OK ? MTE_CLI_EXIT_INVALID : status;
    }
  if (mte_cli_stdout_failed && status == MTE_CLI_EXIT_OK)
    return MTE_CLI_EXIT_INVALID;
  return status;
}

int
main (int    argc,
      char **argv)
{
  gboolean help = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 'V', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &version,
      "Show the version of the metaethno library and exit", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  g_autofree char *program_help = NULL;
  const MteCliCommand *command;
  int status;

  setlocale (LC_ALL, "");

  description = commands_description ();
  context = mte_cli_option_context_new (NULL, "COMMAND [ARGS…]",
                                        "Work with meta-ethnography project files.",
                                        description, entries, &help);
  /* Stop at the command's name: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  program_help = g_option_context_get_help (context, TRUE, NULL);

  if (!mte_cli_parse (context, NULL, &argc, &argv, &help, &status))
    return check_stdout (status);

  if (version)
    {
      printf ("%s %s\n", mte_cli_program, mte_get_version_string ());
      return check_stdout (MTE_CLI_EXIT_OK);
    }

  if (argc < 2)
    return mte_cli_usage_error (NULL, "no command given");

  if (strcmp (argv[1], "help") == 0)
    return check_stdout (run_help (argc - 1, argv + 1, program_help));

  command = find_command (argv[1]);
  if (command == NULL)
    return mte_cli_usage_error (NULL, "unknown command '%s'", argv[1]);

  return check_stdout (command->run (argc - 1, argv + 1));
}
