/* metaethno translate FILE [ACTION]: phase 5 at the terminal.
 *
 * Without an action the command shows the translation session: how far
 * it has gone, the construct the next decision is about (its study, text
 * and grounding quotes) and the concepts gathered so far. Each action
 * loads the project, does one thing through the session API, saves the
 * file atomically and shows the session again, so a review team can
 * stop after any decision and go on another day. --table shows the
 * translation table instead.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>

#define COMMAND "translate"

typedef enum {
  ACTION_STATUS,
  ACTION_TABLE,
  ACTION_DECISIONS,
  ACTION_START,
  ACTION_RECIPROCAL,
  ACTION_REFUTES,
  ACTION_NEW_CONCEPT,
  ACTION_SET_ASIDE,
  ACTION_UNDO,
  ACTION_SET_ORDER,
  ACTION_DISCARD
} Action;

/* The option each action is given by, for messages. */
static const char * const action_options[] = {
  [ACTION_STATUS] = NULL,
  [ACTION_TABLE] = "--table",
  [ACTION_DECISIONS] = "--decisions",
  [ACTION_START] = "--start",
  [ACTION_RECIPROCAL] = "--reciprocal",
  [ACTION_REFUTES] = "--refutes",
  [ACTION_NEW_CONCEPT] = "--new-concept",
  [ACTION_SET_ASIDE] = "--set-aside",
  [ACTION_UNDO] = "--undo",
  [ACTION_SET_ORDER] = "--set-order",
  [ACTION_DISCARD] = "--discard",
};

static gboolean
is_decision (Action action)
{
  return action == ACTION_RECIPROCAL || action == ACTION_REFUTES ||
         action == ACTION_NEW_CONCEPT || action == ACTION_SET_ASIDE;
}

static gboolean
changes_file (Action action)
{
  return action >= ACTION_START;
}

/* ------------------------------------------------------------------ */
/* Session summaries, shared with `info`                              */
/* ------------------------------------------------------------------ */

static const char *
decision_phrase (MteDecisionKind kind)
{
  switch (kind)
    {
    case MTE_DECISION_RECIPROCAL:
      return "translates reciprocally into";
    case MTE_DECISION_REFUTATIONAL:
      return "refutes";
    case MTE_DECISION_NEW_CONCEPT:
      return "founds the new concept";
    case MTE_DECISION_SET_ASIDE:
    default:
      return "is set aside";
    }
}

/* "s3c2 (study s3) translates reciprocally into k1 (t7)": decision @i. */
static char *
describe_decision (MteSession *session,
                   guint       i)
{
  MteConstruct *construct = mte_session_get_decision_construct (session, i);
  MteConcept *concept = mte_session_get_decision_concept (session, i);
  MteTranslation *translation = mte_session_get_decision_translation (session, i);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s (study %s) %s", mte_construct_get_id (construct),
                          mte_study_get_id (mte_construct_get_study (construct)),
                          decision_phrase (mte_session_get_decision_kind (session, i)));
  if (concept != NULL)
    g_string_append_printf (out, " %s", mte_concept_get_id (concept));
  if (translation != NULL)
    g_string_append_printf (out, " (%s)", mte_translation_get_id (translation));
  return g_string_free (out, FALSE);
}

void
mte_cli_append_session_summary (GString          *out,
                                const MteProject *project,
                                gsize             label_width)
{
  MteSession *session = mte_project_get_session (project);
  MteConstruct *next;
  g_autofree char *line = NULL;
  guint n;

  if (session == NULL)
    {
      mte_cli_append_field (out, 0, "Session", "none under way", label_width);
      return;
    }
  next = mte_session_get_current_construct (session);
  n = mte_session_get_n_decisions (session);
  if (next == NULL)
    line = g_strdup_printf ("%s order, %u decision%s, complete",
                            mte_study_order_to_string (mte_session_get_order (session)),
                            n, n == 1 ? "" : "s");
  else
    line = g_strdup_printf ("%s order, %u decision%s, %u to go; next %s in study %s",
                            mte_study_order_to_string (mte_session_get_order (session)),
                            n, n == 1 ? "" : "s", mte_session_get_n_remaining (session),
                            mte_construct_get_id (next),
                            mte_study_get_id (mte_construct_get_study (next)));
  mte_cli_append_field (out, 0, "Session", line, label_width);
}

static void
add_counts (JsonBuilder      *builder,
            const MteSession *session)
{
  MteConstruct *next = mte_session_get_current_construct (session);

  mte_cli_json_add_string (builder, "order",
                           mte_study_order_to_string (mte_session_get_order (session)));
  mte_cli_json_add_count (builder, "decisions", mte_session_get_n_decisions (session));
  mte_cli_json_add_count (builder, "remaining", mte_session_get_n_remaining (session));
  json_builder_set_member_name (builder, "complete");
  json_builder_add_boolean_value (builder, next == NULL);
  mte_cli_json_add_string (builder, "current_construct",
                           next != NULL ? mte_construct_get_id (next) : NULL);
  mte_cli_json_add_string (builder, "current_study",
                           next != NULL ? mte_study_get_id (mte_construct_get_study (next)) : NULL);
}

void
mte_cli_json_add_session (JsonBuilder      *builder,
                          const MteProject *project)
{
  MteSession *session = mte_project_get_session (project);

  json_builder_set_member_name (builder, "session");
  if (session == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_counts (builder, session);
  json_builder_end_object (builder);
}

/* ------------------------------------------------------------------ */
/* Showing the session                                                */
/* ------------------------------------------------------------------ */

/* @name as a shell word in the hints: as it is when it holds only
 * characters no shell treats specially, quoted otherwise. */
static char *
shell_word (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("._/-+,:@%", *p) == NULL)
      return g_shell_quote (name);
  return g_strdup (name);
}

/* Where @study stands in the session's order (1-based), and of how many. */
static guint
study_place (const MteProject *project,
             MteStudyOrder     order,
             const MteStudy   *study,
             guint            *n_studies)
{
  g_autofree MteStudy **studies = mte_project_dup_study_order (project, order, n_studies);

  for (guint i = 0; i < *n_studies; i++)
    if (studies[i] == study)
      return i + 1;
  return 0;
}

/* The studies whose constructs express @concept. */
static guint
count_studies (const MteConcept *concept)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint e = 0; e < mte_concept_get_n_expressions (concept); e++)
    g_hash_table_add (seen, mte_construct_get_study (mte_concept_get_expression (concept, e)));
  return g_hash_table_size (seen);
}

/* The concepts as a table fitted to MTE_CLI_WRAP_WIDTH columns: id,
 * label (cut to what is left), expressions and studies. */
static void
append_concepts (GString          *out,
                 const MteProject *project)
{
  static const char expressions_title[] = "Expressions", studies_title[] = "Studies";
  guint n = mte_project_get_n_concepts (project);
  gsize id_width = strlen ("Concept"), label_width;

  g_string_append_printf (out, "\nConcepts so far (%u)\n", n);
  if (n == 0)
    {
      g_string_append (out, "  (none yet: the first construct founds one)\n");
      return;
    }
  for (guint i = 0; i < n; i++)
    id_width = MAX (id_width, mte_cli_display_width (mte_concept_get_id (mte_project_get_concept (project, i))));
  label_width = MTE_CLI_WRAP_WIDTH - 2 - id_width - 2 - 2 - strlen (expressions_title) - 2 - strlen (studies_title);
  label_width = MAX (label_width, (gsize) 12);
  g_string_append (out, "  ");
  mte_cli_append_padded (out, "Concept", id_width + 2);
  mte_cli_append_padded (out, "Label", label_width + 2);
  g_string_append_printf (out, "%s  %s\n", expressions_title, studies_title);
  for (guint i = 0; i < n; i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);
      g_autofree char *label = mte_cli_fit (mte_concept_get_label (concept), label_width);

      g_string_append (out, "  ");
      mte_cli_append_padded (out, mte_concept_get_id (concept), id_width + 2);
      mte_cli_append_padded (out, label, label_width + 2);
      g_string_append_printf (out, "%*u  %*u\n", (int) strlen (expressions_title),
                              mte_concept_get_n_expressions (concept),
                              (int) strlen (studies_title), count_studies (concept));
    }
}

static void
append_current (GString          *out,
                const MteProject *project,
                MteSession       *session,
                const char       *file)
{
  MteConstruct *construct = mte_session_get_current_construct (session);
  MteStudy *study = mte_construct_get_study (construct);
  const char * const *authors = mte_study_get_authors (study);
  guint n_studies = 0, place = study_place (project, mte_session_get_order (session), study, &n_studies);
  guint n_groundings = mte_construct_get_n_groundings (construct);
  int year = mte_study_get_year (study);
  g_autoptr(GString) citation = g_string_new (NULL);
  g_autofree char *where = g_strdup_printf ("%s, %u of %u in %s order", mte_study_get_id (study),
                                            place, n_studies,
                                            mte_study_order_to_string (mte_session_get_order (session)));
  g_autofree char *hint = shell_word (file);
  g_autoptr(GString) expressed = g_string_new (NULL);
  const gsize width = strlen ("Expresses");

  /* Concepts the construct expresses already, from earlier work. */
  for (guint i = 0; i < mte_project_get_n_concepts (project); i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);

      for (guint e = 0; e < mte_concept_get_n_expressions (concept); e++)
        if (mte_concept_get_expression (concept, e) == construct)
          g_string_append_printf (expressed, "%s%s", expressed->len > 0 ? ", " : "",
                                  mte_concept_get_id (concept));
    }
  if (authors[0] != NULL)
    g_string_append_printf (citation, "%s%s", authors[0], authors[1] != NULL ? " et al." : "");
  if (year > 0)
    g_string_append_printf (citation, "%s(%d)", citation->len > 0 ? " " : "", year);
  g_string_append_printf (out, "\nNext: %s\n", mte_construct_get_id (construct));
  mte_cli_append_field (out, 2, "Study", where, width);
  if (citation->len > 0)
    mte_cli_append_field (out, 2, "Citation", citation->str, width);
  if (mte_study_get_field (study, MTE_STUDY_TITLE) != NULL)
    mte_cli_append_field (out, 2, "Title", mte_study_get_field (study, MTE_STUDY_TITLE), width);
  if (mte_construct_get_label (construct) != NULL)
    mte_cli_append_field (out, 2, "Label", mte_construct_get_label (construct), width);
  mte_cli_append_field (out, 2, "Text", mte_construct_get_text (construct), width);
  if (mte_construct_get_page (construct) != NULL)
    mte_cli_append_field (out, 2, "Page", mte_construct_get_page (construct), width);
  if (expressed->len > 0)
    mte_cli_append_field (out, 2, "Expresses", expressed->str, width);
  if (n_groundings == 0)
    mte_cli_append_field (out, 2, "Grounded", "in no quote", width);
  for (guint g = 0; g < n_groundings; g++)
    {
      MteConstruct *quote = mte_construct_get_grounding (construct, g);
      const char *speaker = mte_construct_get_speaker (quote);
      g_autofree char *line = g_strdup_printf ("%s%s%s: \"%s\"", mte_construct_get_id (quote),
                                               speaker != NULL ? ", " : "",
                                               speaker != NULL ? speaker : "",
                                               mte_construct_get_text (quote));

      mte_cli_append_field (out, 2, g == 0 ? "Grounded" : "", line, width);
    }

  append_concepts (out, project);
  g_string_append_printf (out,
                          "\nDecide with one of\n"
                          "  %1$s translate %2$s --reciprocal CONCEPT   the same idea as CONCEPT\n"
                          "  %1$s translate %2$s --refutes CONCEPT      contradicts CONCEPT\n"
                          "  %1$s translate %2$s --new-concept LABEL    an idea no concept holds yet\n"
                          "  %1$s translate %2$s --set-aside            bears on no concept\n"
                          "adding --rationale TEXT and --reviewer MEMBER; --undo takes the last\n"
                          "decision back.\n",
                          mte_cli_program, hint);
}

static char *
status_text (const MteProject *project,
             const char       *file)
{
  MteSession *session = mte_project_get_session (project);
  GString *out = g_string_new (NULL);
  g_autofree char *hint = shell_word (file);

  if (session == NULL)
    {
      g_string_append_printf (out,
                              "No translation session is under way in %s.\n"
                              "Start one with: %s translate %s --start [--order ORDER]\n",
                              file, mte_cli_program, hint);
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, "Translation session, %s order: %u decision%s made, %u construct%s to go.\n",
                          mte_study_order_to_string (mte_session_get_order (session)),
                          mte_session_get_n_decisions (session),
                          mte_session_get_n_decisions (session) == 1 ? "" : "s",
                          mte_session_get_n_remaining (session),
                          mte_session_get_n_remaining (session) == 1 ? "" : "s");
  if (mte_session_is_complete (session))
    g_string_append_printf (out,
                            "Every second-order construct has a decision.\n"
                            "The translation table: %s translate %s --table\n",
                            mte_cli_program, hint);
  else
    append_current (out, project, session, file);
  return g_string_free (out, FALSE);
}

static void
add_construct (JsonBuilder        *builder,
               const MteConstruct *construct)
{
  json_builder_begin_object (builder);
  mte_cli_json_add_string (builder, "id", mte_construct_get_id (construct));
  mte_cli_json_add_string (builder, "label", mte_construct_get_label (construct));
  mte_cli_json_add_string (builder, "text", mte_construct_get_text (construct));
  mte_cli_json_add_string (builder, "page", mte_construct_get_page (construct));
  mte_cli_json_add_string (builder, "speaker", mte_construct_get_speaker (construct));
  json_builder_end_object (builder);
}

static char *
status_json (const MteProject *project,
             const char       *file,
             const char       *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MteSession *session = mte_project_get_session (project);
  MteConstruct *next = session != NULL ? mte_session_get_current_construct (session) : NULL;

  json_builder_begin_object (builder);
  mte_cli_json_add_string (builder, "file", file);
  if (message != NULL)
    mte_cli_json_add_string (builder, "done", message);
  mte_cli_json_add_session (builder, project);

  json_builder_set_member_name (builder, "next");
  if (next == NULL)
    json_builder_add_null_value (builder);
  else
    {
      MteStudy *study = mte_construct_get_study (next);
      guint n_studies = 0, place = study_place (project, mte_session_get_order (session), study, &n_studies);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "construct");
      add_construct (builder, next);
      json_builder_set_member_name (builder, "study");
      json_builder_begin_object (builder);
      mte_cli_json_add_string (builder, "id", mte_study_get_id (study));
      mte_cli_json_add_string (builder, "title", mte_study_get_field (study, MTE_STUDY_TITLE));
      json_builder_set_member_name (builder, "year");
      if (mte_study_get_year (study) > 0)
        json_builder_add_int_value (builder, mte_study_get_year (study));
      else
        json_builder_add_null_value (builder);
      mte_cli_json_add_count (builder, "place", place);
      mte_cli_json_add_count (builder, "of", n_studies);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "quotes");
      json_builder_begin_array (builder);
      for (guint g = 0; g < mte_construct_get_n_groundings (next); g++)
        add_construct (builder, mte_construct_get_grounding (next, g));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "concepts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mte_project_get_n_concepts (project); i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);

      json_builder_begin_object (builder);
      mte_cli_json_add_string (builder, "id", mte_concept_get_id (concept));
      mte_cli_json_add_string (builder, "label", mte_concept_get_label (concept));
      mte_cli_json_add_count (builder, "expressions", mte_concept_get_n_expressions (concept));
      mte_cli_json_add_count (builder, "studies", count_studies (concept));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return mte_cli_json_finish (builder);
}

/* ------------------------------------------------------------------ */
/* The decisions made                                                 */
/* ------------------------------------------------------------------ */

static char *
decisions_text (MteSession *session)
{
  GString *out = g_string_new (NULL);
  guint n = mte_session_get_n_decisions (session);
  const gsize width = strlen ("Rationale");

  g_string_append_printf (out, "%u decision%s, in the order made\n", n, n == 1 ? "" : "s");
  for (guint i = 0; i < n; i++)
    {
      MteMember *reviewer = mte_session_get_decision_reviewer (session, i);
      g_autofree char *when = mte_cli_format_time (mte_session_get_decision_created (session, i));
      g_autofree char *what = describe_decision (session, i);
      g_autofree char *who = g_strdup_printf ("%s%s%s", reviewer != NULL ? mte_member_get_name (reviewer) : "",
                                              reviewer != NULL && when != NULL ? ", " : "",
                                              when != NULL ? when : "");

      g_string_append_printf (out, "\n%u. %s\n", i + 1, what);
      mte_cli_append_field (out, 3, "Decided", who, width);
      mte_cli_append_field (out, 3, "Rationale", mte_session_get_decision_rationale (session, i), width);
    }
  return g_string_free (out, FALSE);
}

static char *
decisions_json (MteSession *session,
                const char *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  mte_cli_json_add_string (builder, "file", file);
  add_counts (builder, session);
  json_builder_set_member_name (builder, "log");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mte_session_get_n_decisions (session); i++)
    {
      MteConstruct *construct = mte_session_get_decision_construct (session, i);
      MteConcept *concept = mte_session_get_decision_concept (session, i);
      MteTranslation *translation = mte_session_get_decision_translation (session, i);
      MteMember *reviewer = mte_session_get_decision_reviewer (session, i);
      g_autofree char *when = mte_cli_format_time (mte_session_get_decision_created (session, i));

      json_builder_begin_object (builder);
      mte_cli_json_add_string (builder, "construct", mte_construct_get_id (construct));
      mte_cli_json_add_string (builder, "study", mte_study_get_id (mte_construct_get_study (construct)));
      mte_cli_json_add_string (builder, "kind",
                               mte_decision_kind_to_string (mte_session_get_decision_kind (session, i)));
      mte_cli_json_add_string (builder, "concept", concept != NULL ? mte_concept_get_id (concept) : NULL);
      mte_cli_json_add_string (builder, "translation",
                               translation != NULL ? mte_translation_get_id (translation) : NULL);
      mte_cli_json_add_string (builder, "rationale", mte_session_get_decision_rationale (session, i));
      mte_cli_json_add_string (builder, "reviewer", reviewer != NULL ? mte_member_get_id (reviewer) : NULL);
      mte_cli_json_add_string (builder, "created", when);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return mte_cli_json_finish (builder);
}

/* ------------------------------------------------------------------ */
/* The command                                                        */
/* ------------------------------------------------------------------ */

typedef struct {
  Action        action;
  const char   *argument;     /* the concept, label or order the action takes */
  MteStudyOrder order;
  gboolean      order_given;
  const char   *concept_id;
  const char   *rationale;
  const char   *reviewer;
  const char   *construct;
} Request;

/* Carries out a changing action on @project. Returns the line that says
 * what was done, or NULL with @error set and the project unchanged. */
static char *
act (MteProject    *project,
     const Request *r,
     GError       **error)
{
  MteSession *session = mte_project_get_session (project);
  MteConstruct *current;
  g_autofree char *construct_id = NULL;

  if (r->action == ACTION_START)
    {
      if (session != NULL)
        {
          g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                       "a translation session is already under way (%u decision%s); "
                       "--discard it first to start another",
                       mte_session_get_n_decisions (session),
                       mte_session_get_n_decisions (session) == 1 ? "" : "s");
          return NULL;
        }
      if (mte_project_start_session (project, r->order, error) == NULL)
        return NULL;
      return g_strdup_printf ("Started a translation session in %s order.",
                              mte_study_order_to_string (r->order));
    }
  if (session == NULL)
    {
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                   "no translation session is under way; start one with --start");
      return NULL;
    }

  current = mte_session_get_current_construct (session);
  if (current != NULL)
    construct_id = g_strdup (mte_construct_get_id (current));
  if (is_decision (r->action) && r->construct != NULL &&
      g_strcmp0 (r->construct, construct_id) != 0)
    {
      g_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_FAILED,
                   "the decision is about %s, but the session is at %s; nothing was recorded",
                   r->construct, construct_id != NULL ? construct_id : "its end");
      return NULL;
    }

  switch (r->action)
    {
    case ACTION_RECIPROCAL:
    case ACTION_REFUTES:
      {
        gboolean reciprocal = r->action == ACTION_RECIPROCAL;
        MteTranslation *t = (reciprocal ? mte_session_translate : mte_session_refute)
          (session, r->argument, r->rationale, r->reviewer, error);

        return t == NULL ? NULL
          : g_strdup_printf ("Recorded: %s %s %s (%s).", construct_id,
                             decision_phrase (reciprocal ? MTE_DECISION_RECIPROCAL
                                                         : MTE_DECISION_REFUTATIONAL),
                             r->argument, mte_translation_get_id (t));
      }
    case ACTION_NEW_CONCEPT:
      {
        MteConcept *c = mte_session_found_concept (session, r->concept_id, r->argument,
                                                   r->rationale, r->reviewer, error);

        return c == NULL ? NULL
          : g_strdup_printf ("Recorded: %s founds the new concept %s, \"%s\".",
                             construct_id, mte_concept_get_id (c), mte_concept_get_label (c));
      }
    case ACTION_SET_ASIDE:
      if (!mte_session_set_aside (session, r->rationale, r->reviewer, error))
        return NULL;
      return g_strdup_printf ("Recorded: %s is set aside.", construct_id);
    case ACTION_UNDO:
      {
        guint n = mte_session_get_n_decisions (session);
        g_autofree char *undone = n > 0 ? describe_decision (session, n - 1) : NULL;

        if (!mte_session_undo (session, error))
          return NULL;
        return g_strdup_printf ("Undone: %s.", undone);
      }
    case ACTION_SET_ORDER:
      mte_session_set_order (session, r->order);
      return g_strdup_printf ("The session now takes the studies in %s order.",
                              mte_study_order_to_string (r->order));
    case ACTION_DISCARD:
      {
        guint n = mte_session_get_n_decisions (session);

        mte_project_discard_session (project);
        return g_strdup_printf ("Discarded the session record (%u decision%s); the translations, "
                                "expressions and concepts it made stay in the project.",
                                n, n == 1 ? "" : "s");
      }
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  const MteTranslationTable *table;
  MteReportFormat            format;
} TableWrite;

static gboolean
write_table (int      fd,
             gpointer data,
             GError **error)
{
  const TableWrite *w = data;

  return mte_translation_table_render_to_fd (w->table, w->format, fd, error);
}

/* Sets @action unless another was given already. */
static gboolean
take_action (Action *action,
             Action  wanted)
{
  if (*action != ACTION_STATUS && *action != wanted)
    {
      mte_cli_usage_error (COMMAND, "%s and %s do not go together",
                           action_options[*action], action_options[wanted]);
      return FALSE;
    }
  *action = wanted;
  return TRUE;
}

static gboolean
parse_order (const char    *name,
             MteStudyOrder *order)
{
  int value = mte_study_order_from_string (name);

  if (value < 0)
    {
      mte_cli_usage_error (COMMAND, "unknown order '%s' (project, chronological, index or custom)", name);
      return FALSE;
    }
  *order = (MteStudyOrder) value;
  return TRUE;
}

int
mte_cli_translate (int    argc,
                   char **argv)
{
  gboolean help = FALSE, table = FALSE, decisions = FALSE, start = FALSE;
  gboolean set_aside = FALSE, undo = FALSE, discard = FALSE;
  g_autofree char *reciprocal = NULL, *refutes = NULL, *new_concept = NULL, *set_order = NULL;
  g_autofree char *order_name = NULL, *format_name = NULL, *concept_id = NULL;
  g_autofree char *rationale = NULL, *reviewer = NULL, *construct = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_NONE, &table,
      "Show the translation table (text, csv, md or json)", NULL },
    { "decisions", 0, 0, G_OPTION_ARG_NONE, &decisions,
      "List the session's decisions in the order made", NULL },
    { "start", 0, 0, G_OPTION_ARG_NONE, &start,
      "Start a translation session (in --order, default index)", NULL },
    { "reciprocal", 0, 0, G_OPTION_ARG_STRING, &reciprocal,
      "Decide: the construct says the same as CONCEPT", "CONCEPT" },
    { "refutes", 0, 0, G_OPTION_ARG_STRING, &refutes,
      "Decide: the construct contradicts CONCEPT", "CONCEPT" },
    { "new-concept", 0, 0, G_OPTION_ARG_STRING, &new_concept,
      "Decide: the construct founds a new concept labelled LABEL", "LABEL" },
    { "set-aside", 0, 0, G_OPTION_ARG_NONE, &set_aside,
      "Decide: the construct bears on no concept", NULL },
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo,
      "Take the last decision back, with what it made", NULL },
    { "set-order", 0, 0, G_OPTION_ARG_STRING, &set_order,
      "Take the remaining studies in ORDER", "ORDER" },
    { "discard", 0, 0, G_OPTION_ARG_NONE, &discard,
      "Drop the session record; what its decisions made stays", NULL },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order_name,
      "Study order of --table (default: the session's) and --start (index)", "ORDER" },
    { "rationale", 'r', 0, G_OPTION_ARG_STRING, &rationale,
      "Why the team decided so (with a decision)", "TEXT" },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
      "The id of the team member who decided (with a decision)", "MEMBER" },
    { "concept-id", 0, 0, G_OPTION_ARG_STRING, &concept_id,
      "The new concept's id (with --new-concept; default generated)", "ID" },
    { "construct", 'c', 0, G_OPTION_ARG_STRING, &construct,
      "Record the decision only if it is about construct ID", "ID" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "text (the default) or json; for --table also csv or md", "FORMAT" },
    MTE_CLI_OUTPUT_ENTRY (&output),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) loaded = NULL;
  g_autoptr(MteProjectFile) changing = NULL;
  MteProject *project;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *done = NULL;
  g_autofree char *text = NULL;
  MteReportFormat format = MTE_REPORT_TEXT;
  Request r = { ACTION_STATUS, NULL, MTE_STUDY_ORDER_INDEX, FALSE, NULL, NULL, NULL, NULL };
  int saved = MTE_CLI_EXIT_OK;
  int status;

  context = mte_cli_option_context_new (
    COMMAND, "FILE [ACTION]",
    "Translate studies into one another (phase 5), one decision at a time.\n"
    "Without an action, show the translation session: how far it has gone,\n"
    "the second-order construct to decide about next, with its study and\n"
    "grounding quotes, and the concepts so far.",
    "Each action that changes the project saves FILE again (atomically: on\n"
    "any failure FILE is left as it was) and shows the session. A session\n"
    "can stop after any decision and resume later. --construct guards a\n"
    "decision made from an earlier look at the session (it is not a lock).\n"
    "\n"
    "Example:\n"
    "  metaethno translate review.xml --start --order chronological\n"
    "  metaethno translate review.xml --new-concept \"being listened to\"\n"
    "  metaethno translate review.xml --reciprocal k1 -r \"same idea\" --reviewer m1\n"
    "  metaethno translate review.xml --table -f md -o table.md\n"
    "\n"
    "ORDER is project, chronological, index or custom. FILE may be '-'\n"
    "(standard input) only for showing the session, --table and --decisions.\n"
    "-o OUT writes what the command shows to OUT instead of standard output;\n"
    "FILE itself is saved as before.\n"
    "\n"
    "Two commands that change one FILE at the same time take turns: the\n"
    "second waits for the first to save, then loads FILE with its change.\n"
    "\n"
    "Exit status: 0 on success, 1 when FILE cannot be loaded or saved or the\n"
    "session refuses the action (nothing is saved then), 2 for a usage error,\n"
    "3 when the change is saved but not yet durable (the disk did not confirm\n"
    "it; do not repeat it).",
    entries, &help);
  if (!mte_cli_parse (context, COMMAND, &argc, &argv, &help, &status))
    return status;

  if ((table && !take_action (&r.action, ACTION_TABLE)) ||
      (decisions && !take_action (&r.action, ACTION_DECISIONS)) ||
      (start && !take_action (&r.action, ACTION_START)) ||
      (reciprocal != NULL && !take_action (&r.action, ACTION_RECIPROCAL)) ||
      (refutes != NULL && !take_action (&r.action, ACTION_REFUTES)) ||
      (new_concept != NULL && !take_action (&r.action, ACTION_NEW_CONCEPT)) ||
      (set_aside && !take_action (&r.action, ACTION_SET_ASIDE)) ||
      (undo && !take_action (&r.action, ACTION_UNDO)) ||
      (set_order != NULL && !take_action (&r.action, ACTION_SET_ORDER)) ||
      (discard && !take_action (&r.action, ACTION_DISCARD)))
    return MTE_CLI_EXIT_USAGE;
  r.argument = reciprocal != NULL ? reciprocal : refutes != NULL ? refutes : new_concept;

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error (COMMAND, "no FILE given");
  if (inputs[1] != NULL)
    return mte_cli_usage_error (COMMAND, "expected one FILE, got %u", g_strv_length (inputs));
  if (inputs[0][0] == '\0' || (output != NULL && output[0] == '\0'))
    return mte_cli_usage_error (COMMAND, "empty file name");
  if (changes_file (r.action) && strcmp (inputs[0], MTE_CLI_STDIO) == 0)
    return mte_cli_usage_error (COMMAND, "%s saves FILE, which cannot be standard input",
                                action_options[r.action]);
  if (r.argument != NULL && r.argument[0] == '\0')
    return mte_cli_usage_error (COMMAND, "%s needs a value", action_options[r.action]);
  if (order_name != NULL)
    {
      if (r.action != ACTION_TABLE && r.action != ACTION_START)
        return mte_cli_usage_error (COMMAND, "--order goes with --table or --start "
                                    "(--set-order changes a session's order)");
      if (!parse_order (order_name, &r.order))
        return MTE_CLI_EXIT_USAGE;
      r.order_given = TRUE;
    }
  if (set_order != NULL && !parse_order (set_order, &r.order))
    return MTE_CLI_EXIT_USAGE;
  if (!is_decision (r.action) && (rationale != NULL || reviewer != NULL || construct != NULL))
    return mte_cli_usage_error (COMMAND, "--rationale, --reviewer and --construct go with a decision "
                                "(--reciprocal, --refutes, --new-concept or --set-aside)");
  if (concept_id != NULL && r.action != ACTION_NEW_CONCEPT)
    return mte_cli_usage_error (COMMAND, "--concept-id goes with --new-concept");
  if (format_name != NULL)
    {
      int value = mte_report_format_from_string (format_name);
      gboolean tabular = value == MTE_REPORT_CSV || value == MTE_REPORT_MARKDOWN;

      if (value != MTE_REPORT_TEXT && value != MTE_REPORT_JSON &&
          !(tabular && r.action == ACTION_TABLE))
        return mte_cli_usage_error (COMMAND, "unknown format '%s' (text or json; for --table "
                                    "also csv or md)", format_name);
      format = (MteReportFormat) value;
    }
  r.concept_id = concept_id;
  r.rationale = rationale;
  r.reviewer = reviewer;
  r.construct = construct;

  /* An action that saves holds FILE's lock from the load to the save, so
   * that two commands changing one file take turns and neither loses the
   * other's change. */
  if (changes_file (r.action))
    {
      changing = mte_cli_open_for_change (inputs[0], &error);
      project = changing != NULL ? mte_project_file_get_project (changing) : NULL;
    }
  else
    project = loaded = mte_cli_load (inputs[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }
  file = strcmp (inputs[0], MTE_CLI_STDIO) == 0 ? g_strdup (MTE_CLI_STDIN_NAME)
                                                : mte_cli_display_path (inputs[0]);

  switch (r.action)
    {
    case ACTION_TABLE:
      {
        MteSession *session = mte_project_get_session (project);
        MteTranslationTable *t;

        /* A session's table follows the session's order unless told. */
        if (!r.order_given && session != NULL)
          r.order = mte_session_get_order (session);
        t = mte_translation_table_new (project, r.order);
        /* Written as it is made: the table can be large. */
        {
          TableWrite w = { t, format };

          status = mte_cli_stream_output (output, write_table, &w);
        }
        mte_translation_table_free (t);
        return status;
      }
    case ACTION_DECISIONS:
      {
        MteSession *session = mte_project_get_session (project);

        if (session == NULL)
          {
            fprintf (stderr, "%s: no translation session is under way\n", file);
            return MTE_CLI_EXIT_INVALID;
          }
        text = format == MTE_REPORT_JSON ? decisions_json (session, file) : decisions_text (session);
        break;
      }
    case ACTION_STATUS:
      text = format == MTE_REPORT_JSON ? status_json (project, file, NULL) : status_text (project, file);
      break;
    default:
      done = act (project, &r, &error);
      if (done == NULL)
        {
          mte_cli_print_error (inputs[0], error);
          return MTE_CLI_EXIT_INVALID;
        }
      g_clear_error (&error);
      /* Atomic: on failure FILE is left as it was. A change that is in
       * the file but not yet durable is still shown: it was made. */
      saved = mte_cli_save (changing);
      if (saved == MTE_CLI_EXIT_INVALID)
        return saved;
      if (format == MTE_REPORT_JSON)
        text = status_json (project, file, done);
      else
        {
          g_autofree char *rest = status_text (project, file);

          text = g_strconcat (done, "\n\n", rest, NULL);
        }
      break;
    }
  if (text == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }
  status = mte_cli_write_output (output, text, strlen (text));
  return status == MTE_CLI_EXIT_OK ? saved : status;
}
