/* metaethno new FILE --title TITLE [--question Q] [--aim A] [--template NAME]…
 * metaethno templates
 *
 * Starts a review from nothing. Templates are data: small project files in
 * bindings/cli/templates/, embedded in the program when it is built; a
 * template's checklists and frameworks are copied into the new project
 * through the public API.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* O_CLOEXEC, O_DIRECTORY and link() are POSIX 2008. */
#define _POSIX_C_SOURCE 200809L

#include "mte-cli.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define COMMAND "new"

static const MteCliTemplate *
find_template (const char *name)
{
  for (guint i = 0; i < mte_cli_n_templates; i++)
    if (g_ascii_strcasecmp (mte_cli_templates[i].name, name) == 0)
      return &mte_cli_templates[i];
  return NULL;
}

static MteProject *
load_template (const MteCliTemplate *template,
               GError              **error)
{
  g_autofree char *name = g_strdup_printf ("template %s", template->name);

  return mte_project_load_from_data (template->data, (gssize) template->length, name,
                                     MTE_LOAD_FLAGS_NONE, error);
}

/* The template list: name, then the template's title, which says what it
 * holds. */
static int
print_templates (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize width = 0;

  for (guint i = 0; i < mte_cli_n_templates; i++)
    width = MAX (width, strlen (mte_cli_templates[i].name));
  for (guint i = 0; i < mte_cli_n_templates; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MteProject) project = load_template (&mte_cli_templates[i], &error);

      g_string_append_printf (out, "%-*s  ", (int) width, mte_cli_templates[i].name);
      if (project == NULL)
        g_string_append_printf (out, "(cannot be loaded: %s)\n", error->message);
      else
        {
          g_autofree char *title = mte_cli_one_line (mte_project_get_title (project));

          g_string_append_printf (out, "%s\n", title);
        }
    }
  fputs (out->str, stdout);
  return MTE_CLI_EXIT_OK;
}

int
mte_cli_list_templates (int    argc,
                   char **argv)
{
  gboolean help = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status;

  context = mte_cli_option_context_new (
    "templates", NULL, "List the templates 'metaethno new --template' can start a review with.",
    "A template is a small project file bundled with the program: appraisal\n"
    "checklists (questions paraphrased in our own words) and classification\n"
    "frameworks. Example:\n"
    "  metaethno new review.xml --title \"My review\" --template casp --template socio-ecological",
    entries, &help);
  if (!mte_cli_parse (context, "templates", &argc, &argv, &help, &status))
    return status;
  if (rest != NULL && rest[0] != NULL)
    return mte_cli_usage_error ("templates", "unexpected argument '%s'", rest[0]);
  return print_templates ();
}

/* Copies @template's checklists and frameworks into @project. Appends what
 * was copied to @what. */
static gboolean
apply_template (MteProject          *project,
                const MteCliTemplate *template,
                GString             *what,
                GError             **error)
{
  g_autoptr(MteProject) source = load_template (template, error);

  if (source == NULL)
    return FALSE;

  for (guint i = 0; i < mte_project_get_n_checklists (source); i++)
    {
      MteChecklist *from = mte_project_get_checklist (source, i);
      MteChecklist *to = mte_project_add_checklist (project, mte_checklist_get_id (from),
                                                    mte_checklist_get_name (from), error);

      if (to == NULL)
        return FALSE;
      for (guint q = 0; q < mte_checklist_get_n_questions (from); q++)
        if (!mte_checklist_add_question (to, mte_checklist_get_question_key (from, q),
                                         mte_checklist_get_question_text (from, q),
                                         mte_checklist_get_question_answers (from, q), error))
          return FALSE;
      g_string_append_printf (what, "%sthe checklist '%s' (%u questions)", what->len > 0 ? ", " : "",
                              mte_checklist_get_id (to), mte_checklist_get_n_questions (to));
    }
  for (guint i = 0; i < mte_project_get_n_frameworks (source); i++)
    {
      MteFramework *from = mte_project_get_framework (source, i);
      MteFramework *to = mte_project_add_framework (project, mte_framework_get_id (from),
                                                    mte_framework_get_name (from), error);

      if (to == NULL ||
          !mte_framework_set_description (to, mte_framework_get_description (from), error))
        return FALSE;
      for (guint l = 0; l < mte_framework_get_n_levels (from); l++)
        if (!mte_framework_add_level (to, mte_framework_get_level_key (from, l),
                                      mte_framework_get_level_label (from, l), error))
          return FALSE;
      g_string_append_printf (what, "%sthe framework '%s' (%u levels)", what->len > 0 ? ", " : "",
                              mte_framework_get_id (to), mte_framework_get_n_levels (to));
    }
  return TRUE;
}

/* Flushes the folder holding @path, so that a new name in it is durable. */
static gboolean
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Writes @project to a new file @path, never replacing a file that is
 * there, even one created while this runs, and never leaving a half
 * written @path behind:
 *
 * the library saves the project to a fresh temporary name in the same
 * folder (written, flushed and renamed there atomically, with the
 * permissions a new file gets), then link(2) gives that file the name
 * @path, which fails with EEXIST when @path exists by then, and the
 * temporary name is removed. On a file system without hard links the
 * file is written with open(O_CREAT | O_EXCL) instead: still never over
 * another file, but a crash mid-write could leave it incomplete.
 *
 * Returns the exit status; reports failures itself. */
static int
save_new (const MteProject *project,
          const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temporary = NULL;
  g_autofree char *display = mte_cli_display_path (path);
  int saved_errno;

  temporary = g_strdup_printf ("%s/.%s.new-%08x%08x", folder, base,
                               g_random_int (), g_random_int ());
  if (!mte_project_save_to_file (project, temporary, MTE_SAVE_FLAGS_NONE, &error) &&
      !g_error_matches (error, MTE_SAVE_ERROR, MTE_SAVE_ERROR_NOT_DURABLE))
    {
      mte_cli_print_error (path, error);
      return MTE_CLI_EXIT_INVALID;
    }

  if (link (temporary, path) == 0)
    {
      unlink (temporary);
      if (!sync_folder (path))
        {
          fprintf (stderr, "%s: the file is written, but its folder could not be flushed to disk: %s\n",
                   display, g_strerror (errno));
          return MTE_CLI_EXIT_NOT_DURABLE;
        }
      return MTE_CLI_EXIT_OK;
    }
  saved_errno = errno;
  unlink (temporary);

  if (saved_errno == EEXIST)
    {
      fprintf (stderr, "%s: %s: the file exists; nothing was written\n", mte_cli_program, display);
      return MTE_CLI_EXIT_INVALID;
    }
  if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP ||
      saved_errno == EMLINK || saved_errno == ENOSYS)
    {
      gsize length = 0, written = 0;
      g_autofree char *data = mte_project_to_data (project, &length, MTE_SAVE_FLAGS_NONE, &error);
      int fd;

      if (data == NULL)
        {
          mte_cli_print_error (path, error);
          return MTE_CLI_EXIT_INVALID;
        }
      fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          saved_errno = errno;
          if (saved_errno == EEXIST)
            fprintf (stderr, "%s: %s: the file exists; nothing was written\n", mte_cli_program, display);
          else
            fprintf (stderr, "%s: %s\n", display, g_strerror (saved_errno));
          return MTE_CLI_EXIT_INVALID;
        }
      while (written < length)
        {
          ssize_t n = write (fd, data + written, length - written);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;
          written += (gsize) n;
        }
      if (written < length || fsync (fd) != 0)
        {
          saved_errno = errno;
          close (fd);
          unlink (path);
          fprintf (stderr, "%s: %s\n", display, g_strerror (saved_errno));
          return MTE_CLI_EXIT_INVALID;
        }
      close (fd);
      return sync_folder (path) ? MTE_CLI_EXIT_OK : MTE_CLI_EXIT_NOT_DURABLE;
    }
  fprintf (stderr, "%s: %s\n", display, g_strerror (saved_errno));
  return MTE_CLI_EXIT_INVALID;
}

int
mte_cli_new (int    argc,
             char **argv)
{
  gboolean help = FALSE;
  g_autofree char *title = NULL, *question = NULL, *aim = NULL;
  g_auto(GStrv) templates = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, "The review's title (required)", "TITLE" },
    { "question", 'q', 0, G_OPTION_ARG_STRING, &question, "The review question", "QUESTION" },
    { "aim", 'a', 0, G_OPTION_ARG_STRING, &aim, "The review's aim", "AIM" },
    { "template", 'T', 0, G_OPTION_ARG_STRING_ARRAY, &templates,
      "Start with a bundled template (repeat for several; 'list' lists them)", "NAME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *display = NULL;
  g_autofree char *shown_title = NULL;
  GStatBuf info;
  int status;

  context = mte_cli_option_context_new (
    COMMAND, "FILE",
    "Start a review: create the project file FILE.",
    "FILE must not exist: the command never replaces a file, not even one\n"
    "created while it runs. Templates are bundled data: appraisal checklists\n"
    "(casp, jbi) and classification frameworks (socio-ecological); see\n"
    "'metaethno templates'.\n"
    "\n"
    "Example:\n"
    "  metaethno new review.xml --title \"Warmth in mental-health care\" \\\n"
    "      --question \"How do patients experience ...?\" \\\n"
    "      --template casp --template socio-ecological\n"
    "\n"
    "Exit status: 0 on success, 1 when FILE exists or cannot be written\n"
    "(nothing is written then), 2 for a usage error.",
    entries, &help);
  if (!mte_cli_parse (context, COMMAND, &argc, &argv, &help, &status))
    return status;

  for (guint i = 0; templates != NULL && templates[i] != NULL; i++)
    if (g_ascii_strcasecmp (templates[i], "list") == 0)
      return print_templates ();

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error (COMMAND, "no FILE given");
  if (inputs[1] != NULL)
    return mte_cli_usage_error (COMMAND, "expected one FILE, got %u", g_strv_length (inputs));
  if (inputs[0][0] == '\0')
    return mte_cli_usage_error (COMMAND, "empty file name");
  if (strcmp (inputs[0], MTE_CLI_STDIO) == 0)
    return mte_cli_usage_error (COMMAND, "FILE cannot be standard input");
  if (title == NULL || title[0] == '\0')
    return mte_cli_usage_error (COMMAND, "no --title given");
  for (guint i = 0; templates != NULL && templates[i] != NULL; i++)
    if (find_template (templates[i]) == NULL)
      {
        g_autoptr(GString) names = g_string_new (NULL);

        for (guint t = 0; t < mte_cli_n_templates; t++)
          g_string_append_printf (names, "%s%s", t > 0 ? ", " : "", mte_cli_templates[t].name);
        return mte_cli_usage_error (COMMAND, "unknown template '%s' (%s)", templates[i], names->str);
      }

  display = mte_cli_display_path (inputs[0]);
  /* Checked again, without a race, when the file is created. */
  if (g_lstat (inputs[0], &info) == 0)
    {
      fprintf (stderr, "%s: %s: the file exists; nothing was written\n", mte_cli_program, display);
      return MTE_CLI_EXIT_INVALID;
    }

  project = mte_project_new ();
  if (!mte_project_set_title (project, title, &error) ||
      !mte_project_set_question (project, question, &error) ||
      !mte_project_set_aim (project, aim, &error))
    {
      fprintf (stderr, "%s: %s\n", mte_cli_program, error->message);
      return MTE_CLI_EXIT_INVALID;
    }
  for (guint i = 0; templates != NULL && templates[i] != NULL; i++)
    if (!apply_template (project, find_template (templates[i]), what, &error))
      {
        fprintf (stderr, "%s: template %s: %s\n", mte_cli_program, templates[i], error->message);
        return MTE_CLI_EXIT_INVALID;
      }

  status = save_new (project, inputs[0]);
  if (status == MTE_CLI_EXIT_INVALID)
    return status;
  shown_title = mte_cli_fit (title, 60);
  if (what->len > 0)
    printf ("created %s (%s) with %s\n", display, shown_title, what->str);
  else
    printf ("created %s (%s)\n", display, shown_title);
  return status;
}
