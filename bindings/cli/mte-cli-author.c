/* metaethno command: what the authoring commands share.
 *
 * - Entities named on the command line: by id, or by a unique label, name,
 *   source or title, case-insensitively; an unknown or ambiguous name is
 *   refused with up to five candidates ("did you mean ...").
 * - The locked load-change-save every command that changes a file runs:
 *   lock and load, print the load warnings, change, refuse a change that
 *   brings in a check error, save atomically, print one line. A refusal
 *   saves nothing, so the file stays byte for byte as it was.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>

G_DEFINE_QUARK (mte-cli-error-quark, mte_cli_error)

/* ------------------------------------------------------------------ */
/* Kinds                                                              */
/* ------------------------------------------------------------------ */

static const char * const kind_names[MTE_CLI_N_KINDS] = {
  [MTE_CLI_KIND_MEMBER] = "member",
  [MTE_CLI_KIND_CHECKLIST] = "checklist",
  [MTE_CLI_KIND_SEARCH] = "search",
  [MTE_CLI_KIND_RECORD] = "record",
  [MTE_CLI_KIND_STUDY] = "study",
  [MTE_CLI_KIND_QUOTE] = "quote",
  [MTE_CLI_KIND_THEME] = "theme",
  [MTE_CLI_KIND_CONCEPT] = "concept",
  [MTE_CLI_KIND_TRANSLATION] = "translation",
  [MTE_CLI_KIND_FINDING] = "finding",
  [MTE_CLI_KIND_LINK] = "link",
  [MTE_CLI_KIND_FRAMEWORK] = "framework",
  [MTE_CLI_KIND_MEMO] = "memo",
};

/* Other names reviewers use for the same kinds. */
static const struct { const char *alias; MteCliKind kind; } kind_aliases[] = {
  { "first-order", MTE_CLI_KIND_QUOTE },
  { "second-order", MTE_CLI_KIND_THEME },
  { "third-order", MTE_CLI_KIND_FINDING },
  { "argument-link", MTE_CLI_KIND_LINK },
};

const char *
mte_cli_kind_to_string (MteCliKind kind)
{
  return (guint) kind < MTE_CLI_N_KINDS ? kind_names[kind] : "entity";
}

/* Returns: the kind, or -1 for a name that is none. */
int
mte_cli_kind_from_string (const char *name)
{
  for (guint i = 0; i < MTE_CLI_N_KINDS; i++)
    if (g_ascii_strcasecmp (name, kind_names[i]) == 0)
      return (int) i;
  for (guint i = 0; i < G_N_ELEMENTS (kind_aliases); i++)
    if (g_ascii_strcasecmp (name, kind_aliases[i].alias) == 0)
      return (int) kind_aliases[i].kind;
  return -1;
}

MteCliKind
mte_cli_kind_of (const MteEntity *entity)
{
  switch (mte_entity_get_kind (entity))
    {
    case MTE_ENTITY_MEMBER: return MTE_CLI_KIND_MEMBER;
    case MTE_ENTITY_CHECKLIST: return MTE_CLI_KIND_CHECKLIST;
    case MTE_ENTITY_SEARCH: return MTE_CLI_KIND_SEARCH;
    case MTE_ENTITY_RECORD: return MTE_CLI_KIND_RECORD;
    case MTE_ENTITY_STUDY: return MTE_CLI_KIND_STUDY;
    case MTE_ENTITY_CONSTRUCT:
      return mte_construct_get_order ((const MteConstruct *) entity) == MTE_CONSTRUCT_FIRST_ORDER
        ? MTE_CLI_KIND_QUOTE : MTE_CLI_KIND_THEME;
    case MTE_ENTITY_CONCEPT: return MTE_CLI_KIND_CONCEPT;
    case MTE_ENTITY_TRANSLATION: return MTE_CLI_KIND_TRANSLATION;
    case MTE_ENTITY_THIRD_ORDER: return MTE_CLI_KIND_FINDING;
    case MTE_ENTITY_ARGUMENT_LINK: return MTE_CLI_KIND_LINK;
    case MTE_ENTITY_FRAMEWORK: return MTE_CLI_KIND_FRAMEWORK;
    case MTE_ENTITY_MEMO: return MTE_CLI_KIND_MEMO;
    case MTE_ENTITY_NONE:
    default:
      return MTE_CLI_N_KINDS;
    }
}

/* Returns: (transfer none) (nullable): what a person calls @entity besides
 * its id: a name, label, source or title; a quote's or theme's text when
 * it has no label. */
const char *
mte_cli_entity_label (const MteEntity *entity)
{
  switch (mte_entity_get_kind (entity))
    {
    case MTE_ENTITY_MEMBER:
      return mte_member_get_name ((const MteMember *) entity);
    case MTE_ENTITY_CHECKLIST:
      return mte_checklist_get_name ((const MteChecklist *) entity);
    case MTE_ENTITY_SEARCH:
      return mte_search_get_source ((const MteSearch *) entity);
    case MTE_ENTITY_RECORD:
      return mte_record_get_field ((const MteRecord *) entity, MTE_RECORD_TITLE);
    case MTE_ENTITY_STUDY:
      return mte_study_get_field ((const MteStudy *) entity, MTE_STUDY_TITLE);
    case MTE_ENTITY_CONSTRUCT:
      {
        const MteConstruct *construct = (const MteConstruct *) entity;

        return mte_construct_get_label (construct) != NULL
          ? mte_construct_get_label (construct) : mte_construct_get_text (construct);
      }
    case MTE_ENTITY_CONCEPT:
      return mte_concept_get_label ((const MteConcept *) entity);
    case MTE_ENTITY_THIRD_ORDER:
      return mte_third_order_get_label ((const MteThirdOrder *) entity);
    case MTE_ENTITY_FRAMEWORK:
      return mte_framework_get_name ((const MteFramework *) entity);
    default:
      return NULL;
    }
}

/* Returns: (transfer full): "'warmth' (Warmth)", the label cut to fit one
 * line; "'t3'" for an entity without a label. */
char *
mte_cli_entity_describe (const MteEntity *entity)
{
  const char *label = mte_cli_entity_label (entity);
  g_autofree char *id = mte_cli_one_line (mte_entity_get_id (entity));
  g_autofree char *fitted = NULL;

  if (label == NULL || g_strcmp0 (label, mte_entity_get_id (entity)) == 0)
    return g_strdup_printf ("'%s'", id);
  fitted = mte_cli_fit (label, 60);
  return g_strdup_printf ("'%s' (%s)", id, fitted);
}

/* Every entity of the kinds in @kinds, in project order. */
static GPtrArray *
collect (const MteProject *project,
         guint             kinds)
{
  GPtrArray *all = g_ptr_array_new ();

#define TAKE(KIND, N, GET)                                               \
  if (kinds & MTE_CLI_KINDS (KIND))                                      \
    for (guint i = 0; i < N (project); i++)                              \
      g_ptr_array_add (all, GET (project, i));

  TAKE (MTE_CLI_KIND_MEMBER, mte_project_get_n_members, mte_project_get_member)
  TAKE (MTE_CLI_KIND_CHECKLIST, mte_project_get_n_checklists, mte_project_get_checklist)
  TAKE (MTE_CLI_KIND_SEARCH, mte_project_get_n_searches, mte_project_get_search)
  TAKE (MTE_CLI_KIND_RECORD, mte_project_get_n_records, mte_project_get_record)
  TAKE (MTE_CLI_KIND_STUDY, mte_project_get_n_studies, mte_project_get_study)
  if (kinds & (MTE_CLI_KINDS (MTE_CLI_KIND_QUOTE) | MTE_CLI_KINDS (MTE_CLI_KIND_THEME)))
    for (guint s = 0; s < mte_project_get_n_studies (project); s++)
      {
        MteStudy *study = mte_project_get_study (project, s);

        for (guint c = 0; c < mte_study_get_n_constructs (study); c++)
          {
            MteConstruct *construct = mte_study_get_construct (study, c);

            if (kinds & MTE_CLI_KINDS (mte_cli_kind_of (MTE_ENTITY (construct))))
              g_ptr_array_add (all, construct);
          }
      }
  TAKE (MTE_CLI_KIND_CONCEPT, mte_project_get_n_concepts, mte_project_get_concept)
  TAKE (MTE_CLI_KIND_TRANSLATION, mte_project_get_n_translations, mte_project_get_translation)
  TAKE (MTE_CLI_KIND_FINDING, mte_project_get_n_third_orders, mte_project_get_third_order)
  TAKE (MTE_CLI_KIND_LINK, mte_project_get_n_argument_links, mte_project_get_argument_link)
  TAKE (MTE_CLI_KIND_FRAMEWORK, mte_project_get_n_frameworks, mte_project_get_framework)
  TAKE (MTE_CLI_KIND_MEMO, mte_project_get_n_memos, mte_project_get_memo)
#undef TAKE

  return all;
}

/* Returns: (transfer container): the entities of @kinds, in project order. */
GPtrArray *
mte_cli_collect (const MteProject *project,
                 guint             kinds)
{
  return collect (project, kinds);
}

/* "concept", "concept or theme", "entity": what @kinds are called. */
static char *
kinds_phrase (guint kinds)
{
  GString *out = g_string_new (NULL);
  guint n = 0, seen = 0;

  if (kinds == MTE_CLI_ANY_KIND)
    return g_string_free (g_string_append (out, "entity"), FALSE);
  for (guint i = 0; i < MTE_CLI_N_KINDS; i++)
    if (kinds & MTE_CLI_KINDS (i))
      n++;
  for (guint i = 0; i < MTE_CLI_N_KINDS; i++)
    if (kinds & MTE_CLI_KINDS (i))
      {
        if (seen > 0)
          g_string_append (out, seen + 1 == n ? " or " : ", ");
        g_string_append (out, kind_names[i]);
        seen++;
      }
  return g_string_free (out, FALSE);
}

/* Levenshtein distance between two short strings (cut to 64 bytes). */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = MIN (strlen (a), 64), m = MIN (strlen (b), 64);
  guint row[65];

  for (gsize j = 0; j <= m; j++)
    row[j] = (guint) j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[m];
}

typedef struct {
  MteEntity *entity;
  guint      score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->score < y->score ? -1 : x->score > y->score;
}

/* How close @wanted (casefolded) is to @text: 0 for a prefix either way,
 * else the edit distance plus one; G_MAXUINT for NULL. */
static guint
closeness (const char *wanted,
           const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return G_MAXUINT;
  folded = g_utf8_casefold (text, -1);
  if (g_str_has_prefix (folded, wanted) || g_str_has_prefix (wanted, folded))
    return 0;
  return edit_distance (wanted, folded) + 1;
}

/* Appends "; did you mean 'a' (A), 'b' (B)?" with up to five entities of
 * @all close to @name. */
static void
append_suggestions (GString    *out,
                    GPtrArray  *all,
                    const char *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint limit = MAX (2, (guint) strlen (wanted) / 3) + 1;

  for (guint i = 0; i < all->len; i++)
    {
      MteEntity *entity = g_ptr_array_index (all, i);
      Candidate c = { entity, MIN (closeness (wanted, mte_entity_get_id (entity)),
                                   closeness (wanted, mte_cli_entity_label (entity))) };

      if (c.score <= limit)
        g_array_append_val (candidates, c);
    }
  if (candidates->len == 0)
    return;
  g_array_sort (candidates, compare_candidates);
  g_string_append (out, "; did you mean ");
  for (guint i = 0; i < MIN (candidates->len, 5); i++)
    {
      g_autofree char *described = mte_cli_entity_describe (g_array_index (candidates, Candidate, i).entity);

      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", described);
    }
  g_string_append_c (out, '?');
}

/* Finds the entity of one of @kinds that @name names: its id exactly, else
 * its id or label (name, source, title) ignoring case, when one entity
 * alone matches. Returns: (transfer none) (nullable): the entity, or NULL
 * with @error (MTE_CLI_ERROR_REFUSED) naming the candidates. */
MteEntity *
mte_cli_resolve (const MteProject *project,
                 const char       *file,
                 const char       *name,
                 guint             kinds,
                 GError          **error)
{
  MteEntity *entity = mte_project_lookup (project, name);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *phrase = kinds_phrase (kinds);
  g_autofree char *shown = mte_cli_fit (name, 80);
  g_autoptr(GString) message = g_string_new (NULL);

  if (entity != NULL && (kinds & MTE_CLI_KINDS (mte_cli_kind_of (entity))))
    return entity;

  all = collect (project, kinds);
  matches = g_ptr_array_new ();
  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < all->len; i++)
    {
      MteEntity *e = g_ptr_array_index (all, i);
      g_autofree char *id = g_utf8_casefold (mte_entity_get_id (e), -1);
      const char *label = mte_cli_entity_label (e);
      g_autofree char *folded = label != NULL ? g_utf8_casefold (label, -1) : NULL;

      if (strcmp (id, wanted) == 0 || g_strcmp0 (folded, wanted) == 0)
        g_ptr_array_add (matches, e);
    }
  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len > 1)
    {
      g_string_append_printf (message, "'%s' names %u %ss in %s: ", shown, matches->len,
                              kinds == MTE_CLI_ANY_KIND ? "entitie" : phrase, file);
      for (guint i = 0; i < MIN (matches->len, 5); i++)
        {
          g_autofree char *described = mte_cli_entity_describe (g_ptr_array_index (matches, i));

          g_string_append_printf (message, "%s%s", i > 0 ? ", " : "", described);
        }
      if (matches->len > 5)
        g_string_append (message, ", …");
      g_string_append (message, "; give the id");
    }
  else
    {
      if (entity != NULL)
        g_string_append_printf (message, "'%s' is a %s, not a %s, in %s", shown,
                                mte_cli_kind_to_string (mte_cli_kind_of (entity)), phrase, file);
      else
        g_string_append_printf (message, "no %s '%s' in %s", phrase, shown, file);
      append_suggestions (message, all, name);
    }
  g_set_error_literal (error, MTE_CLI_ERROR, MTE_CLI_ERROR_REFUSED, message->str);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Times                                                              */
/* ------------------------------------------------------------------ */

/* Reads "2026-03-01", "2026-03-01T10:00:00Z" (any ISO 8601 time; UTC when
 * no zone is given) or "now" into seconds since the epoch. */
gboolean
mte_cli_parse_time (const char  *text,
                    gint64      *seconds,
                    GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *full = NULL;

  if (g_ascii_strcasecmp (text, "now") == 0)
    {
      *seconds = g_get_real_time () / G_USEC_PER_SEC;
      return TRUE;
    }
  if (strlen (text) == 10)
    full = g_strconcat (text, "T00:00:00Z", NULL);
  time = g_date_time_new_from_iso8601 (full != NULL ? full : text, utc);
  if (time == NULL || g_date_time_to_unix (time) < 0 ||
      g_date_time_to_unix (time) > MTE_TIME_MAX)
    {
      g_set_error (error, MTE_CLI_ERROR, MTE_CLI_ERROR_USAGE,
                   "'%s' is not a time (e.g. 2026-03-01 or 2026-03-01T14:30:00Z)", text);
      return FALSE;
    }
  *seconds = g_date_time_to_unix (time);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The load-change-save                                               */
/* ------------------------------------------------------------------ */

/* Tells, on stderr, what the loaded file held that the next save cannot
 * keep (XML comments written by hand, ...): one line each. */
void
mte_cli_print_load_warnings (const MteProject *project)
{
  for (guint i = 0; i < mte_project_get_n_load_warnings (project); i++)
    {
      g_autofree char *line = mte_cli_one_line (mte_project_get_load_warning (project, i));

      fprintf (stderr, "%s: warning: %s\n", mte_cli_program, line);
    }
}

/* The check errors of @project, as "code\tsubject\tmessage" strings. */
static GHashTable *
check_errors (const MteProject *project,
              char            **first,
              GHashTable       *known)
{
  MteCheckReport *report = mte_project_check (project, MTE_CHECK_DEFAULT_MIN_STUDIES);
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < mte_check_report_get_n_issues (report); i++)
    {
      MteEntity *subject;
      char *key;

      if (mte_check_report_get_severity (report, i) != MTE_SEVERITY_ERROR)
        continue;
      subject = mte_check_report_get_subject (report, i);
      key = g_strdup_printf ("%s\t%s\t%s", mte_check_report_get_code (report, i),
                             subject != NULL ? mte_entity_get_id (subject) : "",
                             mte_check_report_get_message (report, i));
      if (first != NULL && *first == NULL && known != NULL && !g_hash_table_contains (known, key))
        *first = g_strdup_printf ("%s (%s)", mte_check_report_get_message (report, i),
                                  mte_check_report_get_code (report, i));
      g_hash_table_add (errors, key);
    }
  mte_check_report_free (report);
  return errors;
}

/* Reports a refusal from a change: the command's own refusals as
 * "metaethno: message", the library's as "FILE: message". Returns the
 * exit status. */
static int
report_refusal (const char   *command,
                const char   *path,
                const GError *error)
{
  if (g_error_matches (error, MTE_CLI_ERROR, MTE_CLI_ERROR_USAGE))
    return mte_cli_usage_error (command, "%s", error->message);
  if (error->domain == MTE_CLI_ERROR)
    {
      g_autofree char *line = mte_cli_one_line (error->message);

      fprintf (stderr, "%s: %s\n", mte_cli_program, line);
    }
  else
    mte_cli_print_error (path, error);
  return MTE_CLI_EXIT_INVALID;
}

/* Locks and loads @path, prints its load warnings, runs @change, and
 * saves the project atomically unless the change failed or brought in a
 * check error that was not there before (then nothing is written and the
 * file stays byte for byte as it was). Prints the change's one line on
 * success. Returns the exit status. */
int
mte_cli_run_change (const char       *command,
                    const char       *path,
                    MteCliChangeFunc  change,
                    gpointer          data)
{
  g_autoptr(MteProjectFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *display = NULL;
  g_autofree char *done = NULL;
  g_autofree char *first_new = NULL;
  MteProject *project;
  int status;

  if (strcmp (path, MTE_CLI_STDIO) == 0)
    return mte_cli_usage_error (command, "this command saves FILE, which cannot be standard input");
  if (path[0] == '\0')
    return mte_cli_usage_error (command, "empty file name");

  file = mte_cli_open_for_change (path, &error);
  if (file == NULL)
    {
      mte_cli_print_error (path, error);
      return MTE_CLI_EXIT_INVALID;
    }
  project = mte_project_file_get_project (file);
  mte_cli_print_load_warnings (project);
  display = mte_cli_display_path (path);

  before = check_errors (project, NULL, NULL);
  done = change (project, display, data, &error);
  if (done == NULL)
    return report_refusal (command, path, error);

  after = check_errors (project, &first_new, before);
  if (first_new != NULL)
    {
      fprintf (stderr, "%s: %s: nothing saved: the change would bring in a check error: %s\n",
               mte_cli_program, display, first_new);
      return MTE_CLI_EXIT_INVALID;
    }

  status = mte_cli_save (file);
  if (status == MTE_CLI_EXIT_INVALID)
    return status;
  printf ("%s\n", done);
  return status;
}
