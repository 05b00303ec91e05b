/* The review's judgements and phases 1 to 3 from the terminal:
 *
 *   metaethno protocol FILE [--question Q] [--rationale R] …
 *   metaethno emerge FILE [ITEM [TEXT]]
 *   metaethno appraise FILE STUDY [--checklist C] KEY=ANSWER… [--note KEY=TEXT]…
 *   metaethno cerqual FILE FINDING [--coherence LEVEL --because TEXT] …
 *   metaethno screen FILE RECORD --fate FATE [--of RECORD | --study STUDY] …
 *   metaethno exclude FILE STUDY --stage STAGE --reason TEXT [--by MEMBER]
 *   metaethno include FILE STUDY
 *   metaethno prisma FILE [--format F] [--set BOX=N]… [--set-reason BOX=REASON=N]…
 *
 * Each change runs the locked load-change-save of mte_cli_run_change().
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <errno.h>
#include <string.h>

static gboolean
fail (GError **error, MteCliError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      MteCliError code,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, MTE_CLI_ERROR, code, message);
  return FALSE;
}

/* FILE and ENTITY, or FILE alone when @n_names is 1; reports usage errors. */
static gboolean
positional (const char *command,
            char      **rest,
            guint       n_names,
            int        *status)
{
  guint n = rest != NULL ? g_strv_length (rest) : 0;

  if (n < n_names)
    *status = mte_cli_usage_error (command, n_names == 1 ? "no FILE given" : "expected FILE and %s",
                                   g_str_equal (command, "appraise") ? "STUDY" : "ENTITY");
  else if (n > n_names && !g_str_equal (command, "appraise"))
    *status = mte_cli_usage_error (command, "unexpected argument '%s'", rest[n_names]);
  else
    return TRUE;
  return FALSE;
}

static gboolean
member_id (MteProject *project, const char *file, const char *name, const char **id, GError **error)
{
  MteEntity *member;

  *id = NULL;
  if (name == NULL || name[0] == '\0')
    return TRUE;
  member = mte_cli_resolve (project, file, name, MTE_CLI_KINDS (MTE_CLI_KIND_MEMBER), error);
  if (member == NULL)
    return FALSE;
  *id = mte_entity_get_id (member);
  return TRUE;
}

static gboolean
time_or_now (const char *at, gint64 *seconds, GError **error)
{
  if (at == NULL)
    {
      *seconds = g_get_real_time () / G_USEC_PER_SEC;
      return TRUE;
    }
  return mte_cli_parse_time (at, seconds, error);
}

/* ------------------------------------------------------------------ */
/* protocol                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  char *title, *question, *aim;
  char *fields[MTE_PROTOCOL_N_FIELDS];
} ProtocolRequest;

static char *
change_protocol (MteProject *project, const char *file, gpointer data, GError **error)
{
  ProtocolRequest *r = data;
  g_autoptr(GString) changed = g_string_new (NULL);

#define NOTE(name) g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", name)
  if (r->title != NULL)
    {
      if (r->title[0] == '\0')
        return fail (error, MTE_CLI_ERROR_USAGE, "--title cannot be empty"), NULL;
      if (!mte_project_set_title (project, r->title, error))
        return NULL;
      NOTE ("title");
    }
  if (r->question != NULL)
    {
      if (!mte_project_set_question (project, r->question[0] != '\0' ? r->question : NULL, error))
        return NULL;
      NOTE ("question");
    }
  if (r->aim != NULL)
    {
      if (!mte_project_set_aim (project, r->aim[0] != '\0' ? r->aim : NULL, error))
        return NULL;
      NOTE ("aim");
    }
  for (guint f = 0; f < MTE_PROTOCOL_N_FIELDS; f++)
    if (r->fields[f] != NULL)
      {
        if (!mte_project_set_protocol (project, (MteProtocolField) f, r->fields[f], error))
          return NULL;
        NOTE (mte_protocol_field_to_string ((MteProtocolField) f));
      }
#undef NOTE
  return g_strdup_printf ("changed the protocol of %s: %s", file, changed->str);
}

static int
show_protocol (const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MteProject) project = mte_cli_load (input, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  const gsize width = strlen ("search-strategy");

  if (project == NULL)
    {
      mte_cli_print_error (input, error);
      return MTE_CLI_EXIT_INVALID;
    }
  mte_cli_print_load_warnings (project);
  mte_cli_append_field (out, 0, "title", mte_project_get_title (project), width);
  mte_cli_append_field (out, 0, "question", mte_project_get_question (project), width);
  mte_cli_append_field (out, 0, "aim", mte_project_get_aim (project), width);
  for (guint f = 0; f < MTE_PROTOCOL_N_FIELDS; f++)
    mte_cli_append_field (out, 0, mte_protocol_field_to_string ((MteProtocolField) f),
                          mte_project_get_protocol (project, (MteProtocolField) f), width);
  if (!mte_cli_write_stdout (out->str, out->len, &error))
    {
      fprintf (stderr, "%s: %s\n", mte_cli_program, error->message);
      return MTE_CLI_EXIT_INVALID;
    }
  return MTE_CLI_EXIT_OK;
}

int
mte_cli_protocol (int argc, char **argv)
{
  ProtocolRequest r = { 0 };
  gboolean help = FALSE;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &r.title, "The review's title", "TEXT" },
    { "question", 0, 0, G_OPTION_ARG_STRING, &r.question, "The review question", "TEXT" },
    { "aim", 0, 0, G_OPTION_ARG_STRING, &r.aim, "The review's aim", "TEXT" },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &r.fields[MTE_PROTOCOL_RATIONALE],
      "Why meta-ethnography suits the question", "TEXT" },
    { "inclusion", 0, 0, G_OPTION_ARG_STRING, &r.fields[MTE_PROTOCOL_INCLUSION], "The inclusion criteria", "TEXT" },
    { "exclusion", 0, 0, G_OPTION_ARG_STRING, &r.fields[MTE_PROTOCOL_EXCLUSION], "The exclusion criteria", "TEXT" },
    { "search-strategy", 0, 0, G_OPTION_ARG_STRING, &r.fields[MTE_PROTOCOL_SEARCH_STRATEGY],
      "The search strategy in words", "TEXT" },
    { "registration", 0, 0, G_OPTION_ARG_STRING, &r.fields[MTE_PROTOCOL_REGISTRATION],
      "Where the protocol is registered (e.g. a PROSPERO number)", "TEXT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  gboolean change = FALSE;
  int status;

  context = mte_cli_option_context_new ("protocol", "FILE [--FIELD TEXT…]",
    "Show the review protocol of FILE, or change parts of it.",
    "Without options the protocol is shown. An empty TEXT clears a part.\n"
    "\n"
    "Example:\n"
    "  metaethno protocol review.xml --inclusion \"Qualitative studies of adults in the UK\"\n"
    "\n"
    "Exit status: 0 on success, 1 when FILE cannot be loaded or saved (it is\n"
    "then left as it was), 2 for a usage error.", entries, &help);
  status = mte_cli_parse (context, "protocol", &argc, &argv, &help, &status) ? -1 : status;
  if (status < 0 && positional ("protocol", rest, 1, &status))
    {
      change = r.title != NULL || r.question != NULL || r.aim != NULL;
      for (guint f = 0; f < MTE_PROTOCOL_N_FIELDS; f++)
        change = change || r.fields[f] != NULL;
      status = change ? mte_cli_run_change ("protocol", rest[0], change_protocol, &r) : show_protocol (rest[0]);
    }
  g_free (r.title);
  g_free (r.question);
  g_free (r.aim);
  for (guint f = 0; f < MTE_PROTOCOL_N_FIELDS; f++)
    g_free (r.fields[f]);
  return status;
}

/* ------------------------------------------------------------------ */
/* emerge: the team's text per eMERGe item                            */
/* ------------------------------------------------------------------ */

typedef struct {
  MteEmergeItem item;
  const char   *text;
} EmergeRequest;

static char *
change_emerge (MteProject *project, const char *file, gpointer data, GError **error)
{
  EmergeRequest *r = data;
  gboolean clear = r->text[0] == '\0';

  if (!mte_project_set_emerge_text (project, r->item, r->text, error))
    return NULL;
  return g_strdup_printf ("%s eMERGe item %d (%s) of %s", clear ? "cleared" : "wrote",
                          (int) r->item, mte_emerge_item_to_string (r->item), file);
}

/* Every item, numbered, with its key, title and text; or one item's text
 * as it is (nothing when there is none). */
static int
show_emerge (const char *input, int item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MteProject) project = mte_cli_load (input, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  const gsize width = strlen ("study-characteristics");

  if (project == NULL)
    {
      mte_cli_print_error (input, error);
      return MTE_CLI_EXIT_INVALID;
    }
  mte_cli_print_load_warnings (project);
  if (item > 0)
    {
      const char *text = mte_project_get_emerge_text (project, (MteEmergeItem) item);

      if (text != NULL)
        g_string_append_printf (out, "%s\n", text);
    }
  else
    for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
      {
        gsize start = out->len;

        if (i == 1 || mte_emerge_item_get_phase ((MteEmergeItem) i) !=
                      mte_emerge_item_get_phase ((MteEmergeItem) (i - 1)))
          g_string_append_printf (out, "%sPhase %u\n", i > 1 ? "\n" : "",
                                  mte_emerge_item_get_phase ((MteEmergeItem) i));
        start = out->len;
        mte_cli_append_field (out, 3, mte_emerge_item_to_string ((MteEmergeItem) i),
                              mte_project_get_emerge_text (project, (MteEmergeItem) i), width);
        /* the item's number in the margin */
        {
          char number[4];

          g_snprintf (number, sizeof number, "%2d ", i);
          memcpy (out->str + start, number, 3);
        }
      }
  if (!mte_cli_write_stdout (out->str, out->len, &error))
    {
      fprintf (stderr, "%s: %s\n", mte_cli_program, error->message);
      return MTE_CLI_EXIT_INVALID;
    }
  return MTE_CLI_EXIT_OK;
}

int
mte_cli_emerge (int argc, char **argv)
{
  gboolean help = FALSE;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GString) items = g_string_new (NULL);
  int status = -1, item = 0;
  guint n;

  for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
    g_string_append_printf (items, "%s%s", i > 1 ? (i % 5 == 1 ? ",\n  " : ", ") : "  ",
                            mte_emerge_item_to_string ((MteEmergeItem) i));
  {
    g_autofree char *description = g_strconcat (
      "Without ITEM, every item of the eMERGe reporting guidance (France et al.\n"
      "2019) is listed, by phase, with the team's text for it. With ITEM alone,\n"
      "that item's text is printed as it is (nothing when there is none). With\n"
      "ITEM and TEXT, the text is written; an empty TEXT clears it. ITEM is a\n"
      "number 1 to 19 or one of the keys:\n",
      items->str, "\n"
      "\n"
      "Example:\n"
      "  metaethno emerge review.xml strengths-limitations \"Only UK studies were found.\"\n"
      "\n"
      "Exit status: 0 on success, 1 when FILE cannot be loaded or saved (it is\n"
      "then left as it was), 2 for a usage error.", NULL);

    context = mte_cli_option_context_new ("emerge", "FILE [ITEM [TEXT]]",
      "Show the team's text per eMERGe reporting item, or write one.",
      description, entries, &help);
  }
  if (!mte_cli_parse (context, "emerge", &argc, &argv, &help, &status))
    return status;
  n = rest != NULL ? g_strv_length (rest) : 0;
  if (n == 0)
    return mte_cli_usage_error ("emerge", "no FILE given");
  if (n > 3)
    return mte_cli_usage_error ("emerge", "unexpected argument '%s'", rest[3]);
  if (n >= 2)
    {
      item = mte_emerge_item_from_string (rest[1]);
      if (item < 0)
        return mte_cli_usage_error ("emerge", "'%s' is not an eMERGe item (1 to 19, or a key "
                                    "listed by --help)", rest[1]);
    }
  if (n == 3)
    {
      EmergeRequest r = { (MteEmergeItem) item, rest[2] };

      return mte_cli_run_change ("emerge", rest[0], change_emerge, &r);
    }
  return show_emerge (rest[0], item);
}

/* ------------------------------------------------------------------ */
/* appraise                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *study;
  const char *checklist;
  char      **answers;   /* KEY=ANSWER */
  char      **notes;     /* KEY=TEXT */
} AppraiseRequest;

static gboolean
split_pair (const char *pair, const char *what, char **key, const char **value, GError **error)
{
  const char *equals = strchr (pair, '=');

  if (equals == NULL || equals == pair)
    return fail (error, MTE_CLI_ERROR_USAGE, "expected %s as KEY=%s, not '%s'", what,
                 g_str_equal (what, "a note") ? "TEXT" : "ANSWER", pair);
  *key = g_strndup (pair, equals - pair);
  *value = equals + 1;
  return TRUE;
}

/* The question of @checklist with key @key, ignoring case; -1 when none. */
static int
find_question (const MteChecklist *checklist, const char *key)
{
  for (guint q = 0; q < mte_checklist_get_n_questions (checklist); q++)
    if (g_ascii_strcasecmp (mte_checklist_get_question_key (checklist, q), key) == 0)
      return (int) q;
  return -1;
}

static char *
appraise (MteProject *project, const char *file, gpointer data, GError **error)
{
  AppraiseRequest *r = data;
  MteEntity *study = mte_cli_resolve (project, file, r->study, MTE_CLI_KINDS (MTE_CLI_KIND_STUDY), error);
  MteChecklist *checklist = NULL;
  g_autofree char *described = NULL;
  guint n_answers = 0, n_notes = 0;

  if (study == NULL)
    return NULL;
  if (r->checklist != NULL)
    checklist = (MteChecklist *) mte_cli_resolve (project, file, r->checklist,
                                                  MTE_CLI_KINDS (MTE_CLI_KIND_CHECKLIST), error);
  else if (mte_project_get_n_checklists (project) == 1)
    checklist = mte_project_get_checklist (project, 0);
  else
    return fail (error, MTE_CLI_ERROR_REFUSED, "%s has %u checklists; say which with --checklist", file,
                 mte_project_get_n_checklists (project)), NULL;
  if (checklist == NULL)
    return NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      char **pairs = pass == 0 ? r->answers : r->notes;

      for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
        {
          g_autofree char *key = NULL;
          const char *value = NULL, *answer = NULL, *note = NULL;
          const char * const *allowed;
          int q;

          if (!split_pair (pairs[i], pass == 0 ? "an answer" : "a note", &key, &value, error))
            return NULL;
          q = find_question (checklist, key);
          if (q < 0)
            return fail (error, MTE_CLI_ERROR_REFUSED, "checklist '%s' has no question '%s' (q1 to q%u)",
                         mte_checklist_get_id (checklist), key, mte_checklist_get_n_questions (checklist)), NULL;
          allowed = mte_checklist_get_question_answers (checklist, (guint) q);
          /* Keep what the other pass set. */
          mte_study_get_appraisal ((MteStudy *) study, mte_checklist_get_id (checklist),
                                   mte_checklist_get_question_key (checklist, (guint) q), &answer, &note);
          if (pass == 0)
            {
              answer = value[0] != '\0' ? value : NULL;
              for (guint a = 0; answer != NULL && allowed[a] != NULL; a++)
                if (g_utf8_collate (allowed[a], answer) == 0 || g_ascii_strcasecmp (allowed[a], answer) == 0)
                  answer = allowed[a];
              if (answer != NULL && allowed[0] != NULL && !g_strv_contains (allowed, answer))
                {
                  g_autofree char *choices = g_strjoinv ("', '", (char **) allowed);

                  return fail (error, MTE_CLI_ERROR_REFUSED, "'%s' is not an answer to %s of checklist '%s' "
                               "('%s')", value, mte_checklist_get_question_key (checklist, (guint) q),
                               mte_checklist_get_id (checklist), choices), NULL;
                }
              n_answers++;
            }
          else
            {
              note = value[0] != '\0' ? value : NULL;
              n_notes++;
            }
          {
            g_autofree char *a = g_strdup (answer), *n = g_strdup (note);

            if (!mte_study_set_appraisal ((MteStudy *) study, mte_checklist_get_id (checklist),
                                          mte_checklist_get_question_key (checklist, (guint) q), a, n, error))
              return NULL;
          }
        }
    }
  described = mte_cli_entity_describe (study);
  return g_strdup_printf ("appraised study %s against checklist '%s': %u answer%s, %u note%s", described,
                          mte_checklist_get_id (checklist), n_answers, n_answers == 1 ? "" : "s",
                          n_notes, n_notes == 1 ? "" : "s");
}

int
mte_cli_appraise (int argc, char **argv)
{
  AppraiseRequest r = { 0 };
  gboolean help = FALSE;
  g_autofree char *checklist = NULL;
  g_auto(GStrv) notes = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "checklist", 'c', 0, G_OPTION_ARG_STRING, &checklist,
      "The checklist (may be left out when the project has one)", "CHECKLIST" },
    { "note", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &notes, "The appraiser's note on question KEY (repeat)",
      "KEY=TEXT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status;

  context = mte_cli_option_context_new ("appraise", "FILE STUDY KEY=ANSWER…",
    "Record a study's answers to the questions of an appraisal checklist.",
    "ANSWER must be one of the question's answers (case does not matter),\n"
    "or any text for a free-text question; an empty ANSWER with no note\n"
    "removes the answer.\n"
    "\n"
    "Example:\n"
    "  metaethno appraise review.xml okafor2021 --checklist casp q1=yes q2=\"can't tell\" \\\n"
    "      q10=\"Useful for services\" --note q2=\"The design is not described\"\n"
    "\n"
    "Exit status: 0 on success, 1 when the project refuses (FILE is then left\n"
    "as it was), 2 for a usage error.", entries, &help);
  if (!mte_cli_parse (context, "appraise", &argc, &argv, &help, &status))
    return status;
  if (!positional ("appraise", rest, 2, &status))
    return status;
  if (rest[2] == NULL && notes == NULL)
    return mte_cli_usage_error ("appraise", "no KEY=ANSWER given");
  r.study = rest[1];
  r.checklist = checklist;
  r.answers = rest + 2;
  r.notes = notes;
  return mte_cli_run_change ("appraise", rest[0], appraise, &r);
}

/* ------------------------------------------------------------------ */
/* cerqual                                                            */
/* ------------------------------------------------------------------ */

/* One assessment as given: a component (or -1 for the overall
 * confidence), its level and the --because after it. */
typedef struct {
  int   component;
  char *level;
  char *because;
} Assessment;

static GArray *assessments;

static const struct { const char *option; int component; } assessment_options[] = {
  { "--methodological-limitations", MTE_CERQUAL_METHODOLOGICAL_LIMITATIONS },
  { "--limitations", MTE_CERQUAL_METHODOLOGICAL_LIMITATIONS },
  { "--coherence", MTE_CERQUAL_COHERENCE },
  { "--adequacy", MTE_CERQUAL_ADEQUACY },
  { "--relevance", MTE_CERQUAL_RELEVANCE },
  { "--confidence", -1 },
};

static gboolean
take_assessment (const char *option_name, const char *value, gpointer data, GError **error)
{
  if (g_str_equal (option_name, "--because"))
    {
      Assessment *last;

      if (assessments->len == 0)
        return fail (error, MTE_CLI_ERROR_USAGE, "--because follows the assessment it explains "
                     "(e.g. --coherence minor --because TEXT)");
      last = &g_array_index (assessments, Assessment, assessments->len - 1);
      if (last->because != NULL)
        return fail (error, MTE_CLI_ERROR_USAGE, "two --because for one assessment");
      last->because = g_strdup (value);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (assessment_options); i++)
    if (g_str_equal (option_name, assessment_options[i].option))
      {
        Assessment a = { assessment_options[i].component, g_strdup (value), NULL };

        g_array_append_val (assessments, a);
        return TRUE;
      }
  return FALSE;
}

static int
parse_concern (const char *name)
{
  static const struct { const char *name; MteConcern concern; } names[] = {
    { "none", MTE_CONCERN_NONE_OR_VERY_MINOR },
    { "no-or-very-minor", MTE_CONCERN_NONE_OR_VERY_MINOR },
    { "none-or-very-minor", MTE_CONCERN_NONE_OR_VERY_MINOR },
    { "very-minor", MTE_CONCERN_NONE_OR_VERY_MINOR },
    { "minor", MTE_CONCERN_MINOR },
    { "moderate", MTE_CONCERN_MODERATE },
    { "serious", MTE_CONCERN_SERIOUS },
    { "not-assessed", MTE_CONCERN_NOT_ASSESSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      return names[i].concern;
  return -1;
}

static int
parse_confidence (const char *name)
{
  static const struct { const char *name; MteConfidence confidence; } names[] = {
    { "high", MTE_CONFIDENCE_HIGH },
    { "moderate", MTE_CONFIDENCE_MODERATE },
    { "low", MTE_CONFIDENCE_LOW },
    { "very-low", MTE_CONFIDENCE_VERY_LOW },
    { "not-assessed", MTE_CONFIDENCE_NOT_ASSESSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      return names[i].confidence;
  return -1;
}

typedef struct {
  const char *finding;
} CerqualRequest;

static char *
assess (MteProject *project, const char *file, gpointer data, GError **error)
{
  CerqualRequest *r = data;
  MteEntity *finding = mte_cli_resolve (project, file, r->finding, MTE_CLI_KINDS (MTE_CLI_KIND_FINDING), error);
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *described = NULL;

  if (finding == NULL)
    return NULL;
  for (guint i = 0; i < assessments->len; i++)
    {
      Assessment *a = &g_array_index (assessments, Assessment, i);

      if (a->component < 0)
        {
          if (!mte_third_order_set_confidence ((MteThirdOrder *) finding, (MteConfidence) parse_confidence (a->level),
                                               a->because, error))
            return NULL;
          g_string_append_printf (what, "%sconfidence %s", what->len > 0 ? ", " : "", a->level);
        }
      else
        {
          if (!mte_third_order_set_concern ((MteThirdOrder *) finding, (MteCerqualComponent) a->component,
                                            (MteConcern) parse_concern (a->level), a->because, error))
            return NULL;
          g_string_append_printf (what, "%s%s %s", what->len > 0 ? ", " : "",
                                  mte_cerqual_component_to_string ((MteCerqualComponent) a->component), a->level);
        }
    }
  described = mte_cli_entity_describe (finding);
  return g_strdup_printf ("assessed finding %s: %s", described, what->str);
}

static void
assessment_clear (gpointer data)
{
  Assessment *a = data;

  g_free (a->level);
  g_free (a->because);
}

int
mte_cli_cerqual (int argc, char **argv)
{
  CerqualRequest r = { NULL };
  gboolean help = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "methodological-limitations", 0, 0, G_OPTION_ARG_CALLBACK, take_assessment,
      "Concern about the studies' methodological limitations", "CONCERN" },
    { "limitations", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_CALLBACK, take_assessment, NULL, "CONCERN" },
    { "coherence", 0, 0, G_OPTION_ARG_CALLBACK, take_assessment, "Concern about coherence", "CONCERN" },
    { "adequacy", 0, 0, G_OPTION_ARG_CALLBACK, take_assessment, "Concern about the adequacy of data", "CONCERN" },
    { "relevance", 0, 0, G_OPTION_ARG_CALLBACK, take_assessment, "Concern about relevance", "CONCERN" },
    { "confidence", 0, 0, G_OPTION_ARG_CALLBACK, take_assessment,
      "The overall confidence: high, moderate, low or very-low", "LEVEL" },
    { "because", 0, 0, G_OPTION_ARG_CALLBACK, take_assessment,
      "The explanation of the assessment just before it", "TEXT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status = MTE_CLI_EXIT_OK;

  assessments = g_array_new (FALSE, TRUE, sizeof (Assessment));
  g_array_set_clear_func (assessments, assessment_clear);
  context = mte_cli_option_context_new ("cerqual", "FILE FINDING [--COMPONENT CONCERN --because TEXT]…",
    "Record a GRADE-CERQual assessment of a review finding.",
    "CONCERN is none (no or very minor concerns), minor, moderate or serious;\n"
    "'not-assessed' clears one. Each --because explains the assessment just\n"
    "before it.\n"
    "\n"
    "Example:\n"
    "  metaethno cerqual review.xml warmth \\\n"
    "      --methodological-limitations minor --because \"One study did not report recruitment\" \\\n"
    "      --coherence none --because \"Consistent across studies\" \\\n"
    "      --confidence moderate --because \"Minor concerns about limitations\"\n"
    "\n"
    "Exit status: 0 on success, 1 when the project refuses (FILE is then left\n"
    "as it was), 2 for a usage error.", entries, &help);
  if (mte_cli_parse (context, "cerqual", &argc, &argv, &help, &status) &&
      positional ("cerqual", rest, 2, &status))
    {
      status = MTE_CLI_EXIT_OK;
      if (assessments->len == 0)
        status = mte_cli_usage_error ("cerqual", "nothing to record: give a component or --confidence");
      for (guint i = 0; i < assessments->len && status == MTE_CLI_EXIT_OK; i++)
        {
          Assessment *a = &g_array_index (assessments, Assessment, i);

          if (a->component < 0 ? parse_confidence (a->level) < 0 : parse_concern (a->level) < 0)
            status = mte_cli_usage_error ("cerqual", a->component < 0
                                          ? "unknown confidence '%s' (high, moderate, low or very-low)"
                                          : "unknown concern '%s' (none, minor, moderate or serious)",
                                          a->level);
        }
      if (status == MTE_CLI_EXIT_OK)
        {
          r.finding = rest[1];
          status = mte_cli_run_change ("cerqual", rest[0], assess, &r);
        }
    }
  g_clear_pointer (&assessments, g_array_unref);
  return status;
}

/* ------------------------------------------------------------------ */
/* screen                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *record, *fate, *of, *study, *reason, *by, *at;
} ScreenRequest;

static char *
screen (MteProject *project, const char *file, gpointer data, GError **error)
{
  ScreenRequest *r = data;
  MteEntity *record = mte_cli_resolve (project, file, r->record, MTE_CLI_KINDS (MTE_CLI_KIND_RECORD), error);
  MteEntity *target = NULL;
  const char *by;
  gint64 at;
  int fate = mte_record_fate_from_string (r->fate);
  g_autofree char *described = NULL;

  if (record == NULL)
    return NULL;
  if (r->of != NULL &&
      (target = mte_cli_resolve (project, file, r->of, MTE_CLI_KINDS (MTE_CLI_KIND_RECORD), error)) == NULL)
    return NULL;
  if (r->study != NULL &&
      (target = mte_cli_resolve (project, file, r->study, MTE_CLI_KINDS (MTE_CLI_KIND_STUDY), error)) == NULL)
    return NULL;
  if (!member_id (project, file, r->by, &by, error) || !time_or_now (r->at, &at, error))
    return NULL;
  if (!mte_record_set_fate ((MteRecord *) record, (MteRecordFate) fate,
                            target != NULL ? mte_entity_get_id (target) : NULL,
                            r->reason, by, fate == MTE_FATE_UNSCREENED ? 0 : at, error))
    return NULL;
  described = mte_cli_entity_describe (record);
  if (target != NULL)
    return g_strdup_printf ("screened record %s: %s %s '%s'", described, r->fate,
                            fate == MTE_FATE_DUPLICATE ? "of" : "as a report of", mte_entity_get_id (target));
  return g_strdup_printf ("screened record %s: %s%s%s", described, mte_record_fate_to_string (fate),
                          r->reason != NULL ? " — " : "", r->reason != NULL ? r->reason : "");
}

int
mte_cli_screen (int argc, char **argv)
{
  ScreenRequest r = { 0 };
  gboolean help = FALSE;
  g_autofree char *fate = NULL, *of = NULL, *study = NULL, *reason = NULL, *by = NULL, *at = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "fate", 0, 0, G_OPTION_ARG_STRING, &fate, "What became of the record (required; see below)", "FATE" },
    { "of", 0, 0, G_OPTION_ARG_STRING, &of, "For a duplicate: the record it duplicates", "RECORD" },
    { "study", 0, 0, G_OPTION_ARG_STRING, &study, "For an included record: the study it reports", "STUDY" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, "Why (required for excluded-full-text)", "TEXT" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, "The team member who decided", "MEMBER" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, "When (ISO 8601; default now)", "TIME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status, value;

  context = mte_cli_option_context_new ("screen", "FILE RECORD --fate FATE",
    "Record what became of a record the searches found (PRISMA 2020 stages).",
    "FATE is one of: duplicate (--of RECORD), removed-automation,\n"
    "removed-other, excluded-screening, sought, not-retrieved,\n"
    "excluded-full-text (--reason required), included (--study STUDY), or\n"
    "unscreened to undo a decision.\n"
    "\n"
    "Example:\n"
    "  metaethno screen review.xml record-7 --fate excluded-full-text \\\n"
    "      --reason \"Not qualitative\" --by ak\n"
    "\n"
    "Exit status: 0 on success, 1 when the project refuses (FILE is then left\n"
    "as it was), 2 for a usage error.", entries, &help);
  if (!mte_cli_parse (context, "screen", &argc, &argv, &help, &status))
    return status;
  if (!positional ("screen", rest, 2, &status))
    return status;
  if (fate == NULL)
    return mte_cli_usage_error ("screen", "no --fate given");
  value = mte_record_fate_from_string (fate);
  if (value < 0)
    return mte_cli_usage_error ("screen", "unknown fate '%s' (duplicate, removed-automation, removed-other, "
                                "excluded-screening, sought, not-retrieved, excluded-full-text, included "
                                "or unscreened)", fate);
  if (of != NULL && value != MTE_FATE_DUPLICATE)
    return mte_cli_usage_error ("screen", "--of goes with --fate duplicate");
  if (study != NULL && value != MTE_FATE_INCLUDED)
    return mte_cli_usage_error ("screen", "--study goes with --fate included");
  if (value == MTE_FATE_DUPLICATE && of == NULL)
    return mte_cli_usage_error ("screen", "--fate duplicate needs --of RECORD");
  if (value == MTE_FATE_INCLUDED && study == NULL)
    return mte_cli_usage_error ("screen", "--fate included needs --study STUDY");
  r.record = rest[1];
  r.fate = fate;
  r.of = of;
  r.study = study;
  r.reason = reason;
  r.by = by;
  r.at = at;
  return mte_cli_run_change ("screen", rest[0], screen, &r);
}

/* ------------------------------------------------------------------ */
/* exclude, include                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *study, *stage, *reason, *by, *at;
  gboolean include;
} ExcludeRequest;

static char *
exclude (MteProject *project, const char *file, gpointer data, GError **error)
{
  ExcludeRequest *r = data;
  MteEntity *study = mte_cli_resolve (project, file, r->study, MTE_CLI_KINDS (MTE_CLI_KIND_STUDY), error);
  g_autofree char *described = NULL;
  const char *by;
  gint64 at;

  if (study == NULL)
    return NULL;
  described = mte_cli_entity_describe (study);
  if (r->include)
    {
      if (!mte_study_is_excluded ((MteStudy *) study))
        return fail (error, MTE_CLI_ERROR_REFUSED, "study %s in %s is not excluded", described, file), NULL;
      mte_study_include ((MteStudy *) study);
      return g_strdup_printf ("included study %s again", described);
    }
  if (!member_id (project, file, r->by, &by, error) || !time_or_now (r->at, &at, error) ||
      !mte_study_exclude ((MteStudy *) study, (MteExclusionStage) mte_exclusion_stage_from_string (r->stage),
                          r->reason, by, at, error))
    return NULL;
  return g_strdup_printf ("excluded study %s at %s: %s", described, r->stage, r->reason);
}

static int
run_exclude (int argc, char **argv, gboolean include)
{
  const char *command = include ? "include" : "exclude";
  ExcludeRequest r = { 0 };
  gboolean help = FALSE;
  g_autofree char *stage = NULL, *reason = NULL, *by = NULL, *at = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry exclude_entries[] = {
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, "full-text, appraisal or synthesis (required)", "STAGE" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, "Why the study leaves the review (required)", "TEXT" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, "The team member who decided", "MEMBER" },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, "When (ISO 8601; default now)", "TIME" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry include_entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status;

  if (include)
    context = mte_cli_option_context_new (command, "FILE STUDY",
      "Include an excluded study again; its exclusion is forgotten.",
      "Exit status: 0 on success, 1 when the study is not excluded (FILE is\n"
      "then left as it was), 2 for a usage error.", include_entries, &help);
  else
    context = mte_cli_option_context_new (command, "FILE STUDY --stage STAGE --reason TEXT",
      "Exclude a study from the review, with the stage and the reason.",
      "The study, its constructs and its appraisal stay in the file (they are\n"
      "the audit trail), but it leaves every analysis: the grid, relatedness,\n"
      "the translation order and table, saturation, findings' support and the\n"
      "suggestions; reports list it with its reason.\n"
      "\n"
      "Example:\n"
      "  metaethno exclude review.xml smith2019 --stage appraisal \\\n"
      "      --reason \"Serious concerns about the analysis\" --by ak\n"
      "\n"
      "Exit status: 0 on success, 1 when the project refuses (FILE is then left\n"
      "as it was), 2 for a usage error.", exclude_entries, &help);
  if (!mte_cli_parse (context, command, &argc, &argv, &help, &status))
    return status;
  if (!positional (command, rest, 2, &status))
    return status;
  if (!include)
    {
      int value = stage != NULL ? mte_exclusion_stage_from_string (stage) : -1;

      if (stage == NULL)
        return mte_cli_usage_error (command, "no --stage given (full-text, appraisal or synthesis)");
      if (value <= MTE_EXCLUSION_NONE)
        return mte_cli_usage_error (command, "unknown stage '%s' (full-text, appraisal or synthesis)", stage);
      if (reason == NULL || reason[0] == '\0')
        return mte_cli_usage_error (command, "no --reason given");
    }
  r.study = rest[1];
  r.stage = stage;
  r.reason = reason;
  r.by = by;
  r.at = at;
  r.include = include;
  return mte_cli_run_change (command, rest[0], exclude, &r);
}

int
mte_cli_exclude (int argc, char **argv)
{
  return run_exclude (argc, argv, FALSE);
}

int
mte_cli_include (int argc, char **argv)
{
  return run_exclude (argc, argv, TRUE);
}

/* ------------------------------------------------------------------ */
/* prisma                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  char **set;          /* BOX=N */
  char **set_reason;   /* BOX=REASON=N */
} PrismaRequest;

/* N, or "" / "unknown" for MTE_COUNT_UNKNOWN. */
static gboolean
parse_stage_count (const char *text, gint64 *value, GError **error)
{
  char *end = NULL;

  if (text[0] == '\0' || g_ascii_strcasecmp (text, "unknown") == 0)
    {
      *value = MTE_COUNT_UNKNOWN;
      return TRUE;
    }
  errno = 0;
  *value = g_ascii_strtoll (text, &end, 10);
  if (!g_ascii_isdigit (text[0]) || *end != '\0' || errno != 0 || *value < 0)
    return fail (error, MTE_CLI_ERROR_USAGE, "'%s' is not a count (a whole number, or 'unknown' to remove it)",
                 text);
  return TRUE;
}

static gboolean
parse_box (const char *name, MtePrismaCount *count, GError **error)
{
  int value = mte_prisma_count_from_string (name);

  if (value < 0)
    return fail (error, MTE_CLI_ERROR_USAGE, "unknown PRISMA box '%s' (e.g. database_results, duplicates, "
                 "records_screened, dbr_excluded; see 'metaethno prisma --help')", name);
  *count = (MtePrismaCount) value;
  return TRUE;
}

static char *
set_counts (MteProject *project, const char *file, gpointer data, GError **error)
{
  PrismaRequest *r = data;
  guint n = 0;

  for (guint i = 0; r->set != NULL && r->set[i] != NULL; i++)
    {
      const char *equals = strchr (r->set[i], '=');
      g_autofree char *box = NULL;
      MtePrismaCount count = MTE_PRISMA_DUPLICATES;
      gint64 value;

      if (equals == NULL)
        return fail (error, MTE_CLI_ERROR_USAGE, "--set takes BOX=N, not '%s'", r->set[i]), NULL;
      box = g_strndup (r->set[i], equals - r->set[i]);
      if (!parse_box (box, &count, error) || !parse_stage_count (equals + 1, &value, error))
        return NULL;
      if (count == MTE_PRISMA_DBR_EXCLUDED || count == MTE_PRISMA_OTHER_EXCLUDED)
        return fail (error, MTE_CLI_ERROR_USAGE, "%s is entered per reason: --set-reason %s=REASON=N", box,
                     box), NULL;
      mte_project_set_stage_count (project, count, value);
      n++;
    }
  for (guint i = 0; r->set_reason != NULL && r->set_reason[i] != NULL; i++)
    {
      const char *first = strchr (r->set_reason[i], '=');
      const char *last = strrchr (r->set_reason[i], '=');
      g_autofree char *box = NULL, *reason = NULL;
      MtePrismaCount count = MTE_PRISMA_DUPLICATES;
      gint64 value;

      if (first == NULL || last == first)
        return fail (error, MTE_CLI_ERROR_USAGE, "--set-reason takes BOX=REASON=N, not '%s'",
                     r->set_reason[i]), NULL;
      box = g_strndup (r->set_reason[i], first - r->set_reason[i]);
      reason = g_strndup (first + 1, last - first - 1);
      if (!parse_box (box, &count, error) || !parse_stage_count (last + 1, &value, error))
        return NULL;
      if (count != MTE_PRISMA_DBR_EXCLUDED && count != MTE_PRISMA_OTHER_EXCLUDED)
        return fail (error, MTE_CLI_ERROR_USAGE, "--set-reason is for dbr_excluded and other_excluded, not %s",
                     box), NULL;
      if (!mte_project_set_exclusion_count (project, count, reason, value, error))
        return NULL;
      n++;
    }
  return g_strdup_printf ("entered %u PRISMA count%s by hand in %s", n, n == 1 ? "" : "s", file);
}

int
mte_cli_prisma (int argc, char **argv)
{
  PrismaRequest r = { 0 };
  gboolean help = FALSE;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) set = NULL, set_reason = NULL, rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "text (the default), csv (the PRISMA2020 R package's input), md or json", "FORMAT" },
    MTE_CLI_OUTPUT_ENTRY (&output),
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &set,
      "Enter a box's count by hand (repeat; N 'unknown' removes it)", "BOX=N" },
    { "set-reason", 0, 0, G_OPTION_ARG_STRING_ARRAY, &set_reason,
      "Enter reports excluded for a reason (BOX: dbr_excluded or other_excluded)", "BOX=REASON=N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GString) boxes = g_string_new (NULL);
  int status, format = MTE_REPORT_TEXT;

  for (guint i = 0; i < MTE_PRISMA_N_COUNTS; i++)
    g_string_append_printf (boxes, "%s%s", i == 0 ? "" : i % 4 == 0 ? ",\n  " : ", ",
                            mte_prisma_count_to_string ((MtePrismaCount) i));
  {
    g_autofree char *description = g_strdup_printf (
      "The counts come from the searches, records and studies; a count entered\n"
      "by hand (for reviews that did not keep every record) takes precedence,\n"
      "and a disagreement with the records is reported. BOX is one of\n  %s.\n"
      "\n"
      "Example:\n"
      "  metaethno prisma review.xml --format csv -o prisma.csv\n"
      "  metaethno prisma review.xml --set duplicates=120 \\\n"
      "      --set-reason \"dbr_excluded=Not qualitative=4\"\n"
      "\n"
      "Exit status: 0 on success, 1 when FILE cannot be loaded or saved (it is\n"
      "then left as it was) or OUT cannot be written, 2 for a usage error.", boxes->str);

    context = mte_cli_option_context_new ("prisma", "FILE", "Show the PRISMA 2020 flow counts, or enter them by hand.",
                                          description, entries, &help);
  }
  if (!mte_cli_parse (context, "prisma", &argc, &argv, &help, &status))
    return status;
  if (!positional ("prisma", rest, 1, &status))
    return status;
  if (output != NULL && output[0] == '\0')
    return mte_cli_usage_error ("prisma", "empty file name");
  if (format_name != NULL)
    {
      format = mte_report_format_from_string (format_name);
      if (format != MTE_REPORT_TEXT && format != MTE_REPORT_CSV && format != MTE_REPORT_JSON &&
          format != MTE_REPORT_MARKDOWN)
        return mte_cli_usage_error ("prisma", "unknown format '%s' (text, csv, md or json)", format_name);
    }
  if (set != NULL || set_reason != NULL)
    {
      if (format_name != NULL || output != NULL)
        return mte_cli_usage_error ("prisma", "--format and --output show the counts; --set enters them: "
                                    "one at a time");
      r.set = set;
      r.set_reason = set_reason;
      return mte_cli_run_change ("prisma", rest[0], set_counts, &r);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MteProject) project = mte_cli_load (rest[0], &error);
    g_autoptr(MtePrisma) prisma = NULL;
    g_autofree char *text = NULL;

    if (project == NULL)
      {
        mte_cli_print_error (rest[0], error);
        return MTE_CLI_EXIT_INVALID;
      }
    mte_cli_print_load_warnings (project);
    prisma = mte_prisma_new (project);
    text = mte_prisma_render (prisma, (MteReportFormat) format, &error);
    if (text == NULL)
      {
        mte_cli_print_error (rest[0], error);
        return MTE_CLI_EXIT_INVALID;
      }
    return mte_cli_write_output (output, text, strlen (text));
  }
}
