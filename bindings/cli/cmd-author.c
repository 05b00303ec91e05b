/* metaethno add KIND FILE [--FIELD VALUE]…
 * metaethno change FILE ENTITY [--FIELD VALUE]…
 * metaethno remove FILE ENTITY [--cascade]
 * metaethno list KIND FILE [--format text|csv|json]
 * metaethno show FILE ENTITY [--format text|json]
 * metaethno classify|unclassify FILE ENTITY [--framework F] --level L
 *
 * Authoring every kind of entity from the terminal. Each kind declares its
 * fields once (the table below); `add` and `change` take them as options,
 * `list` and `show` print them. Every change runs the locked
 * load-change-save of mte_cli_run_change().
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Fields: the options of add and change                              */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *arg;   /* NULL for an option without a value */
  const char *help;
} Field;

static const Field fields[] = {
  { "id", "ID", "The new entity's id (default: made from its label, name or author and year)" },
  { "name", "TEXT", "A member's, checklist's or framework's name" },
  { "role", "TEXT", "A member's role (e.g. 'second reviewer')" },
  { "kind", "KIND", "A search's source kind (database, register, website, organisation, citation, other); a translation's kind (reciprocal, refutational)" },
  { "source", "TEXT", "A search's source ('MEDLINE (Ovid)'); a study's or record's journal" },
  { "date", "DATE", "When a search was run (YYYY-MM-DD, YYYY-MM or YYYY)" },
  { "query", "TEXT", "A search's query" },
  { "records", "N", "How many records a search found" },
  { "by", "MEMBER", "The team member who ran the search, wrote the memo, made the translation" },
  { "title", "TEXT", "A study's or record's title" },
  { "author", "NAME", "An author, 'Family, G.' (repeat in order; replaces the list on change)" },
  { "year", "YEAR", "The publication year" },
  { "volume", "TEXT", "The volume" },
  { "issue", "TEXT", "The issue" },
  { "pages", "TEXT", "The pages" },
  { "doi", "DOI", "The DOI" },
  { "url", "URL", "A URL" },
  { "abstract", "TEXT", "A record's abstract" },
  { "database", "TEXT", "The database a record was exported from" },
  { "keyword", "TEXT", "A record's keyword (repeat; replaces the list on change)" },
  { "search", "SEARCH", "A search that found the record (repeat)" },
  { "remove-search", "SEARCH", "No longer list SEARCH as having found the record" },
  { "country", "TEXT", "Where a study was done" },
  { "setting", "TEXT", "A study's setting" },
  { "participants", "TEXT", "A study's participants" },
  { "condition", "TEXT", "The condition or topic a study is about" },
  { "data-collection", "TEXT", "How a study collected its data" },
  { "analysis", "TEXT", "How a study analysed its data" },
  { "notes", "TEXT", "Notes" },
  { "sample-size", "N", "A study's number of participants" },
  { "index-study", "yes|no", "Whether the study is the index study of the translation" },
  { "attribute", "KEY=VALUE", "A study characteristic of the team's own (repeat; empty VALUE removes it)" },
  { "study", "STUDY", "The study a quote or theme belongs to" },
  { "text", "TEXT", "A quote's, theme's, memo's or question's text" },
  { "speaker", "TEXT", "Who said a quote ('woman, 54')" },
  { "page", "TEXT", "Where in the paper (page)" },
  { "section", "TEXT", "Where in the paper (section)" },
  { "label", "TEXT", "A label: a theme's, concept's, finding's, level's" },
  { "grounded-in", "QUOTE", "A quote of the same study the theme rests on (repeat)" },
  { "credibility", "LEVEL", "A theme's JBI credibility: unequivocal, credible (equivocal), unsupported; not-assessed clears it" },
  { "remove-grounding", "QUOTE", "Drop a quote from the theme's grounding" },
  { "definition", "TEXT", "A concept's definition" },
  { "expressed-by", "THEME", "A theme that expresses the concept (repeat)" },
  { "remove-expression", "THEME", "Drop a theme from the concept's expressions" },
  { "concept", "CONCEPT", "The concept of an expression" },
  { "theme", "THEME", "The theme of an expression" },
  { "from", "ENTITY", "A translation's or link's first side (concept, theme; finding for a link)" },
  { "to", "ENTITY", "A translation's or link's second side" },
  { "rationale", "TEXT", "Why: a translation's or link's rationale" },
  { "from-study", "STUDY", "For a concept side: the study whose use of it is meant" },
  { "to-study", "STUDY", "For a concept side: the study whose use of it is meant" },
  { "at", "TIME", "When it was decided or written (ISO 8601, e.g. 2026-03-01T10:00:00Z; default now)" },
  { "statement", "TEXT", "A finding's statement" },
  { "basis", "ENTITY", "A concept or construct the finding rests on (repeat)" },
  { "remove-basis", "ENTITY", "Drop something from the finding's basis" },
  { "relation", "TEXT", "A link's relation ('leads to', 'shapes', 'is part of', ...)" },
  { "description", "TEXT", "A framework's description" },
  { "level", "KEY[=LABEL]", "A framework level (repeat); on change, sets the label of an existing one" },
  { "remove-level", "KEY", "Remove a framework level (and its classifications)" },
  { "framework", "FRAMEWORK", "The framework of a level" },
  { "key", "KEY", "A level's or question's key" },
  { "checklist", "CHECKLIST", "The checklist of a question" },
  { "answer", "TEXT", "An answer a question allows (repeat, in order; none for free text)" },
  { "remove-question", "KEY", "Remove a checklist question (with --cascade, studies' answers too)" },
  { "about", "ENTITY", "What a memo is about ('project' for the review as a whole)" },
  { "cascade", NULL, "With --remove-question or --remove-level: remove what depends on it too" },
};

/* What `add` and `change` take, per kind: names separated by spaces, '!'
 * for a field `add` requires. */
typedef struct {
  const char *kind;
  const char *add;
  const char *change;
  const char *summary;
} KindSpec;

#define STUDY_FIELDS "title source volume issue pages doi url country setting participants " \
                     "condition data-collection analysis notes sample-size index-study attribute"
#define RECORD_FIELDS "title author year source volume issue pages doi url abstract database notes keyword search"

static const KindSpec kind_specs[] = {
  { "member", "id name! role", "name role", "a team member" },
  { "checklist", "id name!", "name remove-question cascade", "an appraisal checklist (questions: add question)" },
  { "question", "checklist! key! text! answer", NULL, "a question of a checklist" },
  { "search", "id kind source! date query records by notes", "kind source date query records by notes",
    "a search of one source" },
  { "record", "id " RECORD_FIELDS, RECORD_FIELDS " remove-search", "a record the searches found" },
  { "study", "id author year " STUDY_FIELDS, "author year " STUDY_FIELDS, "a study" },
  { "quote", "id study! text! speaker page section label", "text speaker page section label",
    "a first-order construct: a participant's words" },
  { "theme", "id study! text! label page section grounded-in credibility",
    "text label page section grounded-in remove-grounding credibility",
    "a second-order construct: the authors' interpretation" },
  { "concept", "id label! definition expressed-by", "label definition expressed-by remove-expression",
    "a key concept" },
  { "expression", "concept! theme!", NULL, "a theme expressing a concept" },
  { "translation", "id kind! from! to! rationale by from-study to-study at",
    "kind rationale by from-study to-study at", "a translation outside a session" },
  { "finding", "id label! statement basis", "label statement basis remove-basis",
    "a third-order construct (a review finding)" },
  { "link", "id from! to! relation rationale", "relation rationale", "a link of the line of argument" },
  { "framework", "id name! description level", "name description level remove-level cascade",
    "a classification framework" },
  { "level", "framework! key! label", NULL, "a level of a framework" },
  { "memo", "id about by text! at", "text by at", "a memo on the project or an entity" },
};

static const KindSpec *
find_spec (const char *kind)
{
  int k = mte_cli_kind_from_string (kind);

  if (k >= 0)
    kind = mte_cli_kind_to_string ((MteCliKind) k);
  for (guint i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    if (g_ascii_strcasecmp (kind_specs[i].kind, kind) == 0)
      return &kind_specs[i];
  return NULL;
}

static const Field *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

/* Whether the space-separated @list names @field (optionally with '!'). */
static gboolean
spec_has (const char *list,
          const char *field,
          gboolean   *required)
{
  g_auto(GStrv) names = g_strsplit (list != NULL ? list : "", " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize n = strlen (names[i]);
      gboolean bang = n > 0 && names[i][n - 1] == '!';

      if (strncmp (names[i], field, bang ? n - 1 : n) == 0 && strlen (field) == (bang ? n - 1 : n))
        {
          if (required != NULL)
            *required = bang;
          return TRUE;
        }
    }
  return FALSE;
}

/* The values given, option by option. GOption calls back in command-line
 * order; one command runs per process, so a file-static is enough. */
typedef struct {
  GHashTable *values;   /* name → GPtrArray of char * */
  GPtrArray  *order;    /* names in the order given */
} Values;

static Values *current_values;

static gboolean
take_value (const char  *option_name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  const char *name = option_name + (g_str_has_prefix (option_name, "--") ? 2 : 1);
  GPtrArray *list = g_hash_table_lookup (current_values->values, name);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (current_values->values, g_strdup (name), list);
    }
  g_ptr_array_add (list, g_strdup (value != NULL ? value : ""));
  g_ptr_array_add (current_values->order, g_strdup (name));
  return TRUE;
}

static void
values_init (Values *values)
{
  values->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  values->order = g_ptr_array_new_with_free_func (g_free);
  current_values = values;
}

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->values, g_hash_table_unref);
  g_clear_pointer (&values->order, g_ptr_array_unref);
  current_values = NULL;
}

/* The last value given for @name, or NULL. */
static const char *
val (const Values *v,
     const char   *name)
{
  GPtrArray *list = g_hash_table_lookup (v->values, name);

  return list != NULL && list->len > 0 ? g_ptr_array_index (list, list->len - 1) : NULL;
}

static GPtrArray *
vals (const Values *v,
      const char   *name)
{
  return g_hash_table_lookup (v->values, name);
}

/* NULL for "": an empty value clears a field. */
static const char *
val_or_null (const Values *v,
             const char   *name)
{
  const char *value = val (v, name);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

/* Option entries for the fields in the space-separated @lists (NULL
 * ends them), each given once. */
static GOptionEntry *
entries_for (const char * const *lists)
{
  GArray *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint l = 0; lists[l] != NULL; l++)
    {
      g_auto(GStrv) names = g_strsplit (lists[l], " ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *name = g_strdup (names[i]);
          const Field *field;
          GOptionEntry entry = { 0 };

          if (name[0] == '\0')
            continue;
          if (name[strlen (name) - 1] == '!')
            name[strlen (name) - 1] = '\0';
          field = find_field (name);
          g_assert (field != NULL);
          if (g_hash_table_contains (seen, field->name))
            continue;
          g_hash_table_add (seen, (gpointer) field->name);
          entry.long_name = field->name;
          entry.flags = field->arg == NULL ? G_OPTION_FLAG_NO_ARG : 0;
          entry.arg = G_OPTION_ARG_CALLBACK;
          entry.arg_data = (gpointer) take_value;
          entry.description = field->help;
          entry.arg_description = field->arg;
          g_array_append_val (entries, entry);
        }
    }
  return (GOptionEntry *) g_array_free (entries, FALSE);
}

/* ------------------------------------------------------------------ */
/* Helpers for changes                                                */
/* ------------------------------------------------------------------ */

static gboolean
refuse (GError    **error,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError    **error,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, MTE_CLI_ERROR, MTE_CLI_ERROR_REFUSED, "");
  g_free ((*error)->message);
  (*error)->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static gboolean
usage (GError    **error,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage (GError    **error,
       const char *format,
       ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, MTE_CLI_ERROR, MTE_CLI_ERROR_USAGE, "");
  g_free ((*error)->message);
  (*error)->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

/* Resolves the value of option @name to an entity of @kinds. */
static MteEntity *
need (MteProject   *project,
      const char   *file,
      const char   *value,
      guint         kinds,
      GError      **error)
{
  return mte_cli_resolve (project, file, value, kinds, error);
}

static const char *
id_of (MteEntity *entity)
{
  return mte_entity_get_id (entity);
}

static gboolean
parse_count (const char *text,
             const char *option,
             gint64     *value,
             GError    **error)
{
  char *end = NULL;
  gint64 n;

  errno = 0;
  n = g_ascii_strtoll (text, &end, 10);
  if (text[0] == '\0' || *end != '\0' || errno != 0 || n < 0 || !g_ascii_isdigit (text[0]))
    return usage (error, "--%s needs a whole number of 0 or more, not '%s'", option, text);
  *value = n;
  return TRUE;
}

static gboolean
parse_year (const char *text,
            int        *year,
            GError    **error)
{
  gint64 n;

  if (text == NULL || text[0] == '\0')
    {
      *year = 0;
      return TRUE;
    }
  if (!parse_count (text, "year", &n, error))
    return FALSE;
  if (n < 1 || n > 9999)
    return usage (error, "--year needs a year, not '%s'", text);
  *year = (int) n;
  return TRUE;
}

static gboolean
parse_yes_no (const char *text,
              const char *option,
              gboolean   *value,
              GError    **error)
{
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0 || g_ascii_strcasecmp (text, "false") == 0)
    *value = FALSE;
  else
    return usage (error, "--%s takes yes or no, not '%s'", option, text);
  return TRUE;
}

/* A NULL-terminated copy of the values of @name (for lists). */
static char **
strv_of (const Values *v,
         const char   *name)
{
  GPtrArray *list = vals (v, name);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((char *) g_ptr_array_index (list, i))[0] != '\0')
      g_strv_builder_add (builder, g_ptr_array_index (list, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static char *
done_line (const char *verb,
           MteEntity  *entity)
{
  g_autofree char *described = mte_cli_entity_describe (entity);

  return g_strdup_printf ("%s %s %s", verb, mte_cli_kind_to_string (mte_cli_kind_of (entity)),
                          described);
}

/* ------------------------------------------------------------------ */
/* Setting fields, shared by add and change                           */
/* ------------------------------------------------------------------ */

#define IF(name) if (val (v, name) != NULL)

static gboolean
set_member (MteProject *project, const char *file, MteMember *member, const Values *v, GError **error)
{
  IF ("name") if (!mte_member_set_name (member, val (v, "name"), error)) return FALSE;
  IF ("role") if (!mte_member_set_role (member, val_or_null (v, "role"), error)) return FALSE;
  return TRUE;
}

static gboolean
set_search (MteProject *project, const char *file, MteSearch *search, const Values *v, GError **error)
{
  IF ("kind")
    {
      int kind = mte_source_kind_from_string (val (v, "kind"));

      if (kind < 0)
        return usage (error, "unknown source kind '%s' (database, register, website, organisation, "
                      "citation or other)", val (v, "kind"));
      mte_search_set_kind (search, kind);
    }
  IF ("source") if (!mte_search_set_source (search, val (v, "source"), error)) return FALSE;
  IF ("date") if (!mte_search_set_date (search, val_or_null (v, "date"), error)) return FALSE;
  IF ("query") if (!mte_search_set_query (search, val_or_null (v, "query"), error)) return FALSE;
  IF ("notes") if (!mte_search_set_notes (search, val_or_null (v, "notes"), error)) return FALSE;
  IF ("records")
    {
      gint64 n = MTE_COUNT_UNKNOWN;

      if (val (v, "records")[0] != '\0' && !parse_count (val (v, "records"), "records", &n, error))
        return FALSE;
      mte_search_set_n_records (search, n);
    }
  IF ("by")
    {
      MteEntity *member = NULL;

      if (val (v, "by")[0] != '\0' &&
          (member = need (project, file, val (v, "by"), MTE_CLI_KINDS (MTE_CLI_KIND_MEMBER), error)) == NULL)
        return FALSE;
      if (!mte_search_set_run_by (search, member != NULL ? id_of (member) : NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_record (MteProject *project, const char *file, MteRecord *record, const Values *v, GError **error)
{
  GPtrArray *list;

  for (guint f = 0; f < MTE_RECORD_N_FIELDS; f++)
    {
      const char *name = mte_record_field_to_string ((MteRecordField) f);

      IF (name) if (!mte_record_set_field (record, (MteRecordField) f, val_or_null (v, name), error))
        return FALSE;
    }
  IF ("author")
    {
      g_auto(GStrv) authors = strv_of (v, "author");

      if (!mte_record_set_authors (record, (const char * const *) authors, error))
        return FALSE;
    }
  IF ("keyword")
    {
      g_auto(GStrv) keywords = strv_of (v, "keyword");

      if (!mte_record_set_keywords (record, (const char * const *) keywords, error))
        return FALSE;
    }
  IF ("year")
    {
      int year;

      if (!parse_year (val (v, "year"), &year, error) || !mte_record_set_year (record, year, error))
        return FALSE;
    }
  list = vals (v, "search");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *search = need (project, file, g_ptr_array_index (list, i),
                                MTE_CLI_KINDS (MTE_CLI_KIND_SEARCH), error);

      if (search == NULL || !mte_record_add_search (record, id_of (search), error))
        return FALSE;
    }
  list = vals (v, "remove-search");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *search = need (project, file, g_ptr_array_index (list, i),
                                MTE_CLI_KINDS (MTE_CLI_KIND_SEARCH), error);

      if (search == NULL)
        return FALSE;
      if (!mte_record_remove_search (record, id_of (search)))
        return refuse (error, "record '%s' does not list search '%s'", mte_record_get_id (record),
                       id_of (search));
    }
  return TRUE;
}

static gboolean
set_study (MteProject *project, const char *file, MteStudy *study, const Values *v, GError **error)
{
  GPtrArray *list;

  for (guint f = 0; f < MTE_STUDY_N_FIELDS; f++)
    {
      const char *name = mte_study_field_to_string ((MteStudyField) f);

      IF (name) if (!mte_study_set_field (study, (MteStudyField) f, val_or_null (v, name), error))
        return FALSE;
    }
  IF ("author")
    {
      g_auto(GStrv) authors = strv_of (v, "author");

      if (!mte_study_set_authors (study, (const char * const *) authors, error))
        return FALSE;
    }
  IF ("year")
    {
      int year;

      if (!parse_year (val (v, "year"), &year, error) || !mte_study_set_year (study, year, error))
        return FALSE;
    }
  IF ("sample-size")
    {
      gint64 n = 0;

      if (val (v, "sample-size")[0] != '\0' &&
          !parse_count (val (v, "sample-size"), "sample-size", &n, error))
        return FALSE;
      if (n > G_MAXUINT)
        return usage (error, "--sample-size is too large");
      mte_study_set_sample_size (study, (guint) n);
    }
  IF ("index-study")
    {
      gboolean yes = FALSE;

      if (!parse_yes_no (val (v, "index-study"), "index-study", &yes, error))
        return FALSE;
      mte_study_set_index_study (study, yes);
    }
  list = vals (v, "attribute");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const char *pair = g_ptr_array_index (list, i);
      const char *equals = strchr (pair, '=');
      g_autofree char *key = NULL;

      if (equals == NULL || equals == pair)
        return usage (error, "--attribute takes KEY=VALUE, not '%s'", pair);
      key = g_strndup (pair, equals - pair);
      if (!mte_study_set_attribute (study, key, equals[1] != '\0' ? equals + 1 : NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_construct (MteProject *project, const char *file, MteConstruct *construct, const Values *v,
               GError **error)
{
  GPtrArray *list;

  IF ("text") if (!mte_construct_set_text (construct, val (v, "text"), error)) return FALSE;
  IF ("label") if (!mte_construct_set_label (construct, val_or_null (v, "label"), error)) return FALSE;
  IF ("page") if (!mte_construct_set_page (construct, val_or_null (v, "page"), error)) return FALSE;
  IF ("section") if (!mte_construct_set_section (construct, val_or_null (v, "section"), error)) return FALSE;
  IF ("speaker") if (!mte_construct_set_speaker (construct, val_or_null (v, "speaker"), error)) return FALSE;
  IF ("credibility")
    {
      int credibility = mte_credibility_from_string (val (v, "credibility"));

      if (credibility < 0)
        return refuse (error, "'%s' is not a credibility (unequivocal, credible, unsupported, "
                       "not-assessed)", val (v, "credibility"));
      if (!mte_construct_set_credibility (construct, (MteCredibility) credibility, error))
        return FALSE;
    }
  list = vals (v, "grounded-in");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *quote = need (project, file, g_ptr_array_index (list, i),
                               MTE_CLI_KINDS (MTE_CLI_KIND_QUOTE), error);

      if (quote == NULL || !mte_construct_add_grounding (construct, id_of (quote), error))
        return FALSE;
    }
  list = vals (v, "remove-grounding");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *quote = need (project, file, g_ptr_array_index (list, i),
                               MTE_CLI_KINDS (MTE_CLI_KIND_QUOTE), error);

      if (quote == NULL)
        return FALSE;
      if (!mte_construct_remove_grounding (construct, id_of (quote)))
        return refuse (error, "theme '%s' is not grounded in '%s'", mte_construct_get_id (construct),
                       id_of (quote));
    }
  return TRUE;
}

static gboolean
set_concept (MteProject *project, const char *file, MteConcept *concept, const Values *v, GError **error)
{
  GPtrArray *list;

  IF ("label") if (!mte_concept_set_label (concept, val (v, "label"), error)) return FALSE;
  IF ("definition") if (!mte_concept_set_definition (concept, val_or_null (v, "definition"), error)) return FALSE;
  list = vals (v, "expressed-by");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *theme = need (project, file, g_ptr_array_index (list, i),
                               MTE_CLI_KINDS (MTE_CLI_KIND_THEME), error);

      if (theme == NULL || !mte_concept_add_expression (concept, id_of (theme), error))
        return FALSE;
    }
  list = vals (v, "remove-expression");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *theme = need (project, file, g_ptr_array_index (list, i),
                               MTE_CLI_KINDS (MTE_CLI_KIND_THEME), error);

      if (theme == NULL)
        return FALSE;
      if (!mte_concept_remove_expression (concept, id_of (theme)))
        return refuse (error, "concept '%s' is not expressed by '%s'", mte_concept_get_id (concept),
                       id_of (theme));
    }
  return TRUE;
}

static gboolean
parse_translation_kind (const char *text, MteTranslationKind *kind, GError **error)
{
  if (g_ascii_strcasecmp (text, "reciprocal") == 0)
    *kind = MTE_TRANSLATION_RECIPROCAL;
  else if (g_ascii_strcasecmp (text, "refutational") == 0)
    *kind = MTE_TRANSLATION_REFUTATIONAL;
  else
    return usage (error, "unknown translation kind '%s' (reciprocal or refutational)", text);
  return TRUE;
}

static gboolean
set_member_ref (MteProject *project, const char *file, const Values *v, const char **id, GError **error)
{
  MteEntity *member;

  *id = NULL;
  if (val_or_null (v, "by") == NULL)
    return TRUE;
  member = need (project, file, val (v, "by"), MTE_CLI_KINDS (MTE_CLI_KIND_MEMBER), error);
  if (member == NULL)
    return FALSE;
  *id = id_of (member);
  return TRUE;
}

static gboolean
set_translation (MteProject *project, const char *file, MteTranslation *t, const Values *v, GError **error)
{
  IF ("kind")
    {
      MteTranslationKind kind = MTE_TRANSLATION_RECIPROCAL;

      if (!parse_translation_kind (val (v, "kind"), &kind, error))
        return FALSE;
      mte_translation_set_kind (t, kind);
    }
  IF ("rationale") if (!mte_translation_set_rationale (t, val_or_null (v, "rationale"), error)) return FALSE;
  IF ("by")
    {
      const char *member;

      if (!set_member_ref (project, file, v, &member, error) ||
          !mte_translation_set_reviewer (t, member, error))
        return FALSE;
    }
  for (guint side = 0; side < 2; side++)
    {
      const char *option = side == 0 ? "from-study" : "to-study";
      MteEntity *study = NULL;

      if (val (v, option) == NULL)
        continue;
      if (val (v, option)[0] != '\0' &&
          (study = need (project, file, val (v, option), MTE_CLI_KINDS (MTE_CLI_KIND_STUDY), error)) == NULL)
        return FALSE;
      if (!(side == 0 ? mte_translation_set_source_study : mte_translation_set_target_study)
          (t, study != NULL ? id_of (study) : NULL, error))
        return FALSE;
    }
  IF ("at")
    {
      gint64 at;

      if (!mte_cli_parse_time (val (v, "at"), &at, error))
        return FALSE;
      mte_translation_set_created (t, at);
    }
  return TRUE;
}

#define BASIS_KINDS (MTE_CLI_KINDS (MTE_CLI_KIND_CONCEPT) | MTE_CLI_KINDS (MTE_CLI_KIND_THEME) | \
                     MTE_CLI_KINDS (MTE_CLI_KIND_QUOTE))

static gboolean
set_finding (MteProject *project, const char *file, MteThirdOrder *finding, const Values *v, GError **error)
{
  GPtrArray *list;

  IF ("label") if (!mte_third_order_set_label (finding, val (v, "label"), error)) return FALSE;
  IF ("statement") if (!mte_third_order_set_statement (finding, val_or_null (v, "statement"), error)) return FALSE;
  list = vals (v, "basis");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *basis = need (project, file, g_ptr_array_index (list, i), BASIS_KINDS, error);

      if (basis == NULL || !mte_third_order_add_basis (finding, id_of (basis), error))
        return FALSE;
    }
  list = vals (v, "remove-basis");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MteEntity *basis = need (project, file, g_ptr_array_index (list, i), BASIS_KINDS, error);

      if (basis == NULL)
        return FALSE;
      if (!mte_third_order_remove_basis (finding, id_of (basis)))
        return refuse (error, "finding '%s' does not rest on '%s'", mte_third_order_get_id (finding),
                       id_of (basis));
    }
  return TRUE;
}

static gboolean
set_link (MteProject *project, const char *file, MteArgumentLink *link, const Values *v, GError **error)
{
  IF ("relation") if (!mte_argument_link_set_relation (link, val_or_null (v, "relation"), error)) return FALSE;
  IF ("rationale") if (!mte_argument_link_set_rationale (link, val_or_null (v, "rationale"), error)) return FALSE;
  return TRUE;
}

static MteRemoveFlags
remove_flags (const Values *v)
{
  return val (v, "cascade") != NULL ? MTE_REMOVE_CASCADE : MTE_REMOVE_FLAGS_NONE;
}

static gboolean
set_framework (MteProject *project, const char *file, MteFramework *framework, const Values *v,
               GError **error)
{
  GPtrArray *list;

  IF ("name") if (!mte_framework_set_name (framework, val (v, "name"), error)) return FALSE;
  IF ("description") if (!mte_framework_set_description (framework, val_or_null (v, "description"), error))
    return FALSE;
  list = vals (v, "level");
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const char *spec = g_ptr_array_index (list, i);
      const char *equals = strchr (spec, '=');
      g_autofree char *key = equals != NULL ? g_strndup (spec, equals - spec) : g_strdup (spec);
      const char *label = equals != NULL && equals[1] != '\0' ? equals + 1 : NULL;

      if (mte_framework_find_level (framework, key) >= 0)
        {
          if (!mte_framework_set_level_label (framework, key, label, error))
            return FALSE;
        }
      else if (!mte_framework_add_level (framework, key, label, error))
        return FALSE;
    }
  list = vals (v, "remove-level");
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (!mte_framework_remove_level (framework, g_ptr_array_index (list, i), remove_flags (v), error))
      return FALSE;
  return TRUE;
}

static gboolean
set_memo (MteProject *project, const char *file, MteMemo *memo, const Values *v, GError **error)
{
  IF ("text") if (!mte_memo_set_text (memo, val (v, "text"), error)) return FALSE;
  IF ("by")
    {
      const char *member;

      if (!set_member_ref (project, file, v, &member, error) || !mte_memo_set_author (memo, member, error))
        return FALSE;
    }
  IF ("at")
    {
      gint64 at;

      if (!mte_cli_parse_time (val (v, "at"), &at, error))
        return FALSE;
      mte_memo_set_created (memo, at);
    }
  return TRUE;
}

static gboolean
set_checklist (MteProject *project, const char *file, MteChecklist *checklist, const Values *v,
               GError **error)
{
  GPtrArray *list;

  IF ("name") if (!mte_checklist_set_name (checklist, val (v, "name"), error)) return FALSE;
  list = vals (v, "remove-question");
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (!mte_checklist_remove_question (checklist, g_ptr_array_index (list, i), remove_flags (v), error))
      return FALSE;
  return TRUE;
}

/* Sets the fields @v gives on @entity, whatever its kind. */
static gboolean
set_fields (MteProject   *project,
            const char   *file,
            MteEntity    *entity,
            const Values *v,
            GError      **error)
{
  switch (mte_entity_get_kind (entity))
    {
    case MTE_ENTITY_MEMBER: return set_member (project, file, (MteMember *) entity, v, error);
    case MTE_ENTITY_CHECKLIST: return set_checklist (project, file, (MteChecklist *) entity, v, error);
    case MTE_ENTITY_SEARCH: return set_search (project, file, (MteSearch *) entity, v, error);
    case MTE_ENTITY_RECORD: return set_record (project, file, (MteRecord *) entity, v, error);
    case MTE_ENTITY_STUDY: return set_study (project, file, (MteStudy *) entity, v, error);
    case MTE_ENTITY_CONSTRUCT: return set_construct (project, file, (MteConstruct *) entity, v, error);
    case MTE_ENTITY_CONCEPT: return set_concept (project, file, (MteConcept *) entity, v, error);
    case MTE_ENTITY_TRANSLATION: return set_translation (project, file, (MteTranslation *) entity, v, error);
    case MTE_ENTITY_THIRD_ORDER: return set_finding (project, file, (MteThirdOrder *) entity, v, error);
    case MTE_ENTITY_ARGUMENT_LINK: return set_link (project, file, (MteArgumentLink *) entity, v, error);
    case MTE_ENTITY_FRAMEWORK: return set_framework (project, file, (MteFramework *) entity, v, error);
    case MTE_ENTITY_MEMO: return set_memo (project, file, (MteMemo *) entity, v, error);
    default:
      return refuse (error, "cannot change this kind of entity");
    }
}

/* ------------------------------------------------------------------ */
/* add                                                                */
/* ------------------------------------------------------------------ */

typedef struct {
  const KindSpec *spec;
  Values          values;
} AddRequest;

/* A study's id when none is given: the first author's family name and the
 * year ("okafor2021"), else from the title, else "study-N". */
static char *
study_id (MteProject   *project,
          const Values *v)
{
  g_auto(GStrv) authors = strv_of (v, "author");
  g_autofree char *family = NULL;
  g_autofree char *text = NULL;

  if (authors[0] != NULL)
    {
      const char *comma = strchr (authors[0], ',');

      if (comma != NULL)
        family = g_strndup (authors[0], comma - authors[0]);
      else
        {
          const char *space = strrchr (authors[0], ' ');

          family = g_strdup (space != NULL ? space + 1 : authors[0]);
        }
      /* "Okafor" and "2021" make "okafor2021", not "okafor-2021". */
      g_strdelimit (family, " ", '-');
      text = g_strconcat (family, val_or_null (v, "year") != NULL ? val (v, "year") : "", NULL);
    }
  else if (val_or_null (v, "title") != NULL)
    text = g_strdup (val (v, "title"));
  return mte_project_generate_slug_id (project, text, "study");
}

static char *
add_entity (MteProject  *project,
            const char  *file,
            gpointer     data,
            GError     **error)
{
  AddRequest *r = data;
  const Values *v = &r->values;
  const char *kind = r->spec->kind;
  const char *id = val_or_null (v, "id");
  MteEntity *entity = NULL;

  if (strcmp (kind, "member") == 0)
    entity = MTE_ENTITY (mte_project_add_member (project, id, val (v, "name"), NULL, error));
  else if (strcmp (kind, "checklist") == 0)
    entity = MTE_ENTITY (mte_project_add_checklist (project, id, val (v, "name"), error));
  else if (strcmp (kind, "question") == 0)
    {
      MteEntity *checklist = need (project, file, val (v, "checklist"),
                                   MTE_CLI_KINDS (MTE_CLI_KIND_CHECKLIST), error);
      g_auto(GStrv) answers = strv_of (v, "answer");

      if (checklist == NULL ||
          !mte_checklist_add_question ((MteChecklist *) checklist, val (v, "key"), val (v, "text"),
                                       (const char * const *) answers, error))
        return NULL;
      return g_strdup_printf ("added question '%s' to checklist '%s'", val (v, "key"), id_of (checklist));
    }
  else if (strcmp (kind, "search") == 0)
    {
      int source_kind = MTE_SOURCE_DATABASE;

      if (val (v, "kind") != NULL && (source_kind = mte_source_kind_from_string (val (v, "kind"))) < 0)
        {
          usage (error, "unknown source kind '%s' (database, register, website, organisation, "
                 "citation or other)", val (v, "kind"));
          return NULL;
        }
      entity = MTE_ENTITY (mte_project_add_search (project, id, source_kind, val (v, "source"), error));
    }
  else if (strcmp (kind, "record") == 0)
    entity = MTE_ENTITY (mte_project_add_record (project, id, error));
  else if (strcmp (kind, "study") == 0)
    {
      g_autofree char *made = id == NULL ? study_id (project, v) : NULL;

      entity = MTE_ENTITY (mte_project_add_study (project, id != NULL ? id : made, error));
    }
  else if (strcmp (kind, "quote") == 0 || strcmp (kind, "theme") == 0)
    {
      MteEntity *study = need (project, file, val (v, "study"), MTE_CLI_KINDS (MTE_CLI_KIND_STUDY), error);

      if (study == NULL)
        return NULL;
      entity = MTE_ENTITY (mte_study_add_construct ((MteStudy *) study, id,
                                                    kind[0] == 'q' ? MTE_CONSTRUCT_FIRST_ORDER
                                                                   : MTE_CONSTRUCT_SECOND_ORDER,
                                                    val (v, "text"), error));
    }
  else if (strcmp (kind, "concept") == 0)
    entity = MTE_ENTITY (mte_project_add_concept (project, id, val (v, "label"), error));
  else if (strcmp (kind, "expression") == 0)
    {
      MteEntity *concept = need (project, file, val (v, "concept"), MTE_CLI_KINDS (MTE_CLI_KIND_CONCEPT), error);
      MteEntity *theme = concept == NULL ? NULL
        : need (project, file, val (v, "theme"), MTE_CLI_KINDS (MTE_CLI_KIND_THEME), error);
      g_autofree char *c = NULL, *t = NULL;

      if (theme == NULL || !mte_concept_add_expression ((MteConcept *) concept, id_of (theme), error))
        return NULL;
      c = mte_cli_entity_describe (concept);
      t = mte_cli_entity_describe (theme);
      return g_strdup_printf ("added expression: theme %s expresses concept %s", t, c);
    }
  else if (strcmp (kind, "translation") == 0)
    {
      guint sides = MTE_CLI_KINDS (MTE_CLI_KIND_CONCEPT) | MTE_CLI_KINDS (MTE_CLI_KIND_THEME) |
                    MTE_CLI_KINDS (MTE_CLI_KIND_QUOTE);
      MteTranslationKind tkind = MTE_TRANSLATION_RECIPROCAL;
      MteEntity *from, *to;

      if (!parse_translation_kind (val (v, "kind"), &tkind, error) ||
          (from = need (project, file, val (v, "from"), sides, error)) == NULL ||
          (to = need (project, file, val (v, "to"), sides, error)) == NULL)
        return NULL;
      entity = MTE_ENTITY (mte_project_add_translation (project, id, tkind, id_of (from), id_of (to), error));
    }
  else if (strcmp (kind, "finding") == 0)
    entity = MTE_ENTITY (mte_project_add_third_order (project, id, val (v, "label"), error));
  else if (strcmp (kind, "link") == 0)
    {
      MteEntity *from = need (project, file, val (v, "from"), MTE_CLI_KINDS (MTE_CLI_KIND_FINDING), error);
      MteEntity *to = from == NULL ? NULL
        : need (project, file, val (v, "to"), MTE_CLI_KINDS (MTE_CLI_KIND_FINDING), error);

      if (to == NULL)
        return NULL;
      entity = MTE_ENTITY (mte_project_add_argument_link (project, id, id_of (from), id_of (to),
                                                         val_or_null (v, "relation"), error));
    }
  else if (strcmp (kind, "framework") == 0)
    entity = MTE_ENTITY (mte_project_add_framework (project, id, val (v, "name"), error));
  else if (strcmp (kind, "level") == 0)
    {
      MteEntity *framework = need (project, file, val (v, "framework"),
                                   MTE_CLI_KINDS (MTE_CLI_KIND_FRAMEWORK), error);

      if (framework == NULL ||
          !mte_framework_add_level ((MteFramework *) framework, val (v, "key"), val_or_null (v, "label"), error))
        return NULL;
      return g_strdup_printf ("added level '%s' to framework '%s'", val (v, "key"), id_of (framework));
    }
  else if (strcmp (kind, "memo") == 0)
    {
      const char *about = val_or_null (v, "about");
      MteEntity *subject = NULL;
      const char *author;

      if (about != NULL && g_ascii_strcasecmp (about, "project") != 0 &&
          (subject = need (project, file, about, MTE_CLI_ANY_KIND, error)) == NULL)
        return NULL;
      if (!set_member_ref (project, file, v, &author, error))
        return NULL;
      entity = MTE_ENTITY (mte_project_add_memo (project, id, subject != NULL ? id_of (subject) : NULL,
                                                 author, val (v, "text"), error));
    }
  else
    g_assert_not_reached ();

  if (entity == NULL || !set_fields (project, file, entity, v, error))
    return NULL;
  return done_line ("added", entity);
}

static void
print_kinds (FILE *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    fprintf (out, "  %-12s %s\n", kind_specs[i].kind, kind_specs[i].summary);
}

int
mte_cli_add (int    argc,
             char **argv)
{
  AddRequest r = { NULL, { NULL, NULL } };
  gboolean help = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry remaining[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *summary = NULL;
  const char *lists[2] = { NULL, NULL };
  int status;

  /* The kind comes first: it says which options there are. */
  if (argc >= 2 && argv[1][0] != '-')
    {
      r.spec = find_spec (argv[1]);
      if (r.spec == NULL)
        {
          g_autoptr(GString) kinds = g_string_new (NULL);

          for (guint i = 0; i < G_N_ELEMENTS (kind_specs); i++)
            g_string_append_printf (kinds, "%s%s", i > 0 ? ", " : "", kind_specs[i].kind);
          return mte_cli_usage_error ("add", "unknown kind '%s' (%s)", argv[1], kinds->str);
        }
      argc--;
      argv++;
      argv[0] = (char *) "add";
    }
  if (r.spec == NULL)
    {
      if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
        {
          printf ("Usage:\n  %s add KIND FILE [--FIELD VALUE…]\n\n"
                  "Add an entity to the project FILE. KIND is one of:\n", mte_cli_program);
          print_kinds (stdout);
          printf ("\nRun '%s add KIND --help' for the fields of a kind.\n", mte_cli_program);
          return MTE_CLI_EXIT_OK;
        }
      return mte_cli_usage_error ("add", "no KIND given (e.g. 'add study FILE'; see --help)");
    }

  values_init (&r.values);
  lists[0] = r.spec->add;
  entries = entries_for (lists);
  summary = g_strdup_printf ("Add %s to the project FILE.", r.spec->summary);
  context = mte_cli_option_context_new ("add", "KIND FILE", summary,
    "Options marked as required in the text below must be given. Where an\n"
    "option takes an entity, give its id or a unique label, name or title.\n"
    "Ids are made from labels when --id is not given; a study's from its\n"
    "first author's family name and year (okafor2021), a quote's and a\n"
    "theme's from its study (okafor2021-q3, okafor2021-t2).\n"
    "\n"
    "Exit status: 0 on success, 1 when the project refuses the change (FILE\n"
    "is then left as it was), 2 for a usage error.", entries, &help);
  g_option_context_add_main_entries (context, remaining, NULL);
  if (!mte_cli_parse (context, "add", &argc, &argv, &help, &status))
    {
      values_clear (&r.values);
      return status;
    }

  if (rest == NULL || rest[0] == NULL)
    status = mte_cli_usage_error ("add", "no FILE given");
  else if (rest[1] != NULL)
    status = mte_cli_usage_error ("add", "unexpected argument '%s'", rest[1]);
  else
    {
      g_auto(GStrv) names = g_strsplit (r.spec->add, " ", -1);

      status = MTE_CLI_EXIT_OK;
      for (guint i = 0; names[i] != NULL && status == MTE_CLI_EXIT_OK; i++)
        {
          gsize n = strlen (names[i]);
          g_autofree char *name = g_strndup (names[i], n > 0 ? n - 1 : 0);

          if (n > 0 && names[i][n - 1] == '!' && (val (&r.values, name) == NULL || val (&r.values, name)[0] == '\0'))
            status = mte_cli_usage_error ("add", "add %s needs --%s", r.spec->kind, name);
        }
      if (status == MTE_CLI_EXIT_OK)
        status = mte_cli_run_change ("add", rest[0], add_entity, &r);
    }
  values_clear (&r.values);
  return status;
}

/* ------------------------------------------------------------------ */
/* change                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  Values      values;
} ChangeRequest;

static char *
change_entity (MteProject  *project,
               const char  *file,
               gpointer     data,
               GError     **error)
{
  ChangeRequest *r = data;
  MteEntity *entity = mte_cli_resolve (project, file, r->name, MTE_CLI_ANY_KIND, error);
  const KindSpec *spec;

  if (entity == NULL)
    return NULL;
  spec = find_spec (mte_cli_kind_to_string (mte_cli_kind_of (entity)));
  for (guint i = 0; i < r->values.order->len; i++)
    {
      const char *name = g_ptr_array_index (r->values.order, i);

      if (!spec_has (spec->change, name, NULL))
        {
          g_auto(GStrv) names = g_strsplit (spec->change, " ", -1);
          g_autofree char *allowed = g_strjoinv (", --", names);

          usage (error, "--%s does not apply to %s '%s' (a %s takes --%s)", name, spec->kind,
                 id_of (entity), spec->kind, allowed);
          return NULL;
        }
    }
  if (!set_fields (project, file, entity, &r->values, error))
    return NULL;
  return done_line ("changed", entity);
}

int
mte_cli_change (int    argc,
                char **argv)
{
  ChangeRequest r = { NULL, { NULL, NULL } };
  gboolean help = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry remaining[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  const char *lists[G_N_ELEMENTS (kind_specs) + 1] = { NULL };
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr(GOptionContext) context = NULL;
  guint n = 0;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    if (kind_specs[i].change != NULL)
      lists[n++] = kind_specs[i].change;
  values_init (&r.values);
  entries = entries_for (lists);
  context = mte_cli_option_context_new ("change", "FILE ENTITY [--FIELD VALUE…]",
    "Change fields of an entity of the project FILE.",
    "ENTITY is an id, or a unique label, name or title; its kind says which\n"
    "fields apply (see 'metaethno add KIND --help'). An empty VALUE clears a\n"
    "field that may be empty. Options that list things (--author, --keyword)\n"
    "replace the list; --grounded-in, --expressed-by, --basis, --level and\n"
    "--search add to it, and their --remove-… options take away.\n"
    "\n"
    "Example:\n"
    "  metaethno change review.xml warmth --definition \"Feeling cared for\"\n"
    "\n"
    "Exit status: 0 on success, 1 when the project refuses the change (FILE\n"
    "is then left as it was), 2 for a usage error.", entries, &help);
  g_option_context_add_main_entries (context, remaining, NULL);
  if (!mte_cli_parse (context, "change", &argc, &argv, &help, &status))
    {
      values_clear (&r.values);
      return status;
    }
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL)
    status = mte_cli_usage_error ("change", "expected FILE and ENTITY");
  else if (rest[2] != NULL)
    status = mte_cli_usage_error ("change", "unexpected argument '%s'", rest[2]);
  else if (r.values.order->len == 0)
    status = mte_cli_usage_error ("change", "nothing to change: give at least one --FIELD VALUE");
  else
    {
      r.name = rest[1];
      status = mte_cli_run_change ("change", rest[0], change_entity, &r);
    }
  values_clear (&r.values);
  return status;
}

/* ------------------------------------------------------------------ */
/* remove                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  gboolean    cascade;
} RemoveRequest;

/* "'a' (A), 'b'": up to @max entities named by the ids in @ids. */
static char *
describe_ids (const MteProject   *project,
              const char * const *ids,
              guint               max)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length ((char **) ids);

  for (guint i = 0; i < n && i < max; i++)
    {
      MteEntity *entity = mte_project_lookup (project, ids[i]);
      g_autofree char *described = entity != NULL ? mte_cli_entity_describe (entity)
                                                  : g_strdup_printf ("'%s'", ids[i]);

      g_string_append_printf (out, "%s%s %s", i > 0 ? ", " : "",
                              entity != NULL ? mte_cli_kind_to_string (mte_cli_kind_of (entity)) : "entity",
                              described);
    }
  if (n > max)
    g_string_append_printf (out, " and %u more", n - max);
  return g_string_free (out, FALSE);
}

static char *
remove_entity (MteProject  *project,
               const char  *file,
               gpointer     data,
               GError     **error)
{
  RemoveRequest *r = data;
  MteEntity *entity = mte_cli_resolve (project, file, r->name, MTE_CLI_ANY_KIND, error);
  g_auto(GStrv) dependents = NULL;
  g_autofree char *described = NULL;
  g_autofree char *id = NULL;
  const char *kind;

  if (entity == NULL)
    return NULL;
  described = mte_cli_entity_describe (entity);
  kind = mte_cli_kind_to_string (mte_cli_kind_of (entity));
  id = g_strdup (id_of (entity));
  dependents = mte_project_dup_dependents (project, id);
  if (dependents != NULL && dependents[0] != NULL && !r->cascade)
    {
      g_autofree char *names = describe_ids (project, (const char * const *) dependents, 10);
      guint n = g_strv_length (dependents);

      refuse (error, "cannot remove %s %s from %s: %u other entit%s depend%s on it: %s; "
              "remove or change them first, or give --cascade", kind, described, file, n,
              n == 1 ? "y" : "ies", n == 1 ? "s" : "", names);
      return NULL;
    }
  if (!mte_project_remove (project, id, r->cascade ? MTE_REMOVE_CASCADE : MTE_REMOVE_FLAGS_NONE, error))
    return NULL;
  if (dependents != NULL && dependents[0] != NULL)
    {
      guint n = g_strv_length (dependents);
      g_autofree char *names = g_strjoinv (", ", dependents);

      return g_strdup_printf ("removed %s %s, and with it what depended on it (%u: %s)", kind,
                              described, n, names);
    }
  return g_strdup_printf ("removed %s %s", kind, described);
}

int
mte_cli_remove (int    argc,
                char **argv)
{
  RemoveRequest r = { NULL, FALSE };
  gboolean help = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "cascade", 0, 0, G_OPTION_ARG_NONE, &r.cascade,
      "Also remove what depends on ENTITY, or drop its references to it", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status;

  context = mte_cli_option_context_new ("remove", "FILE ENTITY",
    "Remove an entity, and what it owns, from the project FILE.",
    "A study owns its quotes and themes, a framework its levels and\n"
    "classifications, every entity its memos. When other entities refer to\n"
    "ENTITY, the command names them and removes nothing; with --cascade it\n"
    "drops their references (an expression, a grounding, a basis, an author)\n"
    "and removes what cannot stand without ENTITY (its translations, links,\n"
    "memos, classifications, appraisals).\n"
    "\n"
    "Exit status: 0 on success, 1 when nothing was removed (FILE is then left\n"
    "as it was), 2 for a usage error.", entries, &help);
  if (!mte_cli_parse (context, "remove", &argc, &argv, &help, &status))
    return status;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL)
    return mte_cli_usage_error ("remove", "expected FILE and ENTITY");
  if (rest[2] != NULL)
    return mte_cli_usage_error ("remove", "unexpected argument '%s'", rest[2]);
  r.name = rest[1];
  return mte_cli_run_change ("remove", rest[0], remove_entity, &r);
}

/* ------------------------------------------------------------------ */
/* classify, unclassify                                               */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  const char *framework;
  const char *level;
  gboolean    undo;
} ClassifyRequest;

static char *
classify_entity (MteProject  *project,
                 const char  *file,
                 gpointer     data,
                 GError     **error)
{
  ClassifyRequest *r = data;
  guint kinds = MTE_CLI_KINDS (MTE_CLI_KIND_QUOTE) | MTE_CLI_KINDS (MTE_CLI_KIND_THEME) |
                MTE_CLI_KINDS (MTE_CLI_KIND_CONCEPT) | MTE_CLI_KINDS (MTE_CLI_KIND_FINDING);
  MteEntity *entity = mte_cli_resolve (project, file, r->name, kinds, error);
  MteFramework *framework = NULL;
  g_autofree char *described = NULL;
  const char *key = NULL;

  if (entity == NULL)
    return NULL;
  if (r->framework != NULL)
    framework = (MteFramework *) mte_cli_resolve (project, file, r->framework,
                                                  MTE_CLI_KINDS (MTE_CLI_KIND_FRAMEWORK), error);
  else if (mte_project_get_n_frameworks (project) == 1)
    framework = mte_project_get_framework (project, 0);
  else
    {
      refuse (error, "%s has %u frameworks; say which with --framework", file,
              mte_project_get_n_frameworks (project));
      return NULL;
    }
  if (framework == NULL)
    return NULL;
  /* The level by key, or by label ignoring case. */
  for (guint i = 0; i < mte_framework_get_n_levels (framework) && key == NULL; i++)
    {
      const char *label = mte_framework_get_level_label (framework, i);
      g_autofree char *folded_label = label != NULL ? g_utf8_casefold (label, -1) : NULL;
      g_autofree char *folded_level = g_utf8_casefold (r->level, -1);

      if (g_ascii_strcasecmp (mte_framework_get_level_key (framework, i), r->level) == 0 ||
          g_strcmp0 (folded_label, folded_level) == 0)
        key = mte_framework_get_level_key (framework, i);
    }
  if (key == NULL)
    {
      g_autoptr(GString) levels = g_string_new (NULL);

      for (guint i = 0; i < mte_framework_get_n_levels (framework); i++)
        g_string_append_printf (levels, "%s%s", i > 0 ? ", " : "", mte_framework_get_level_key (framework, i));
      refuse (error, "framework '%s' in %s has no level '%s' (%s)", mte_framework_get_id (framework),
              file, r->level, levels->str);
      return NULL;
    }
  described = mte_cli_entity_describe (entity);
  if (r->undo)
    {
      if (!mte_framework_unclassify (framework, id_of (entity), key))
        {
          refuse (error, "%s %s is not classified at '%s' in framework '%s'",
                  mte_cli_kind_to_string (mte_cli_kind_of (entity)), described, key,
                  mte_framework_get_id (framework));
          return NULL;
        }
      return g_strdup_printf ("unclassified %s %s from level '%s' of framework '%s'",
                              mte_cli_kind_to_string (mte_cli_kind_of (entity)), described, key,
                              mte_framework_get_id (framework));
    }
  if (!mte_framework_classify (framework, id_of (entity), key, error))
    return NULL;
  return g_strdup_printf ("classified %s %s at level '%s' of framework '%s'",
                          mte_cli_kind_to_string (mte_cli_kind_of (entity)), described, key,
                          mte_framework_get_id (framework));
}

static int
run_classify (int argc, char **argv, gboolean undo)
{
  const char *command = undo ? "unclassify" : "classify";
  ClassifyRequest r = { NULL, NULL, NULL, undo };
  gboolean help = FALSE;
  g_autofree char *framework = NULL, *level = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "framework", 'F', 0, G_OPTION_ARG_STRING, &framework,
      "The framework (may be left out when the project has one)", "FRAMEWORK" },
    { "level", 'l', 0, G_OPTION_ARG_STRING, &level, "The level, by key or label (required)", "LEVEL" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  int status;

  context = mte_cli_option_context_new (command, "FILE ENTITY --level LEVEL",
    undo ? "Take a quote, theme, concept or finding off a level of a framework."
         : "Place a quote, theme, concept or finding at a level of a framework.",
    "An entity may sit at several levels of one framework.\n"
    "\n"
    "Example:\n"
    "  metaethno classify review.xml warmth --framework socio-ecological --level interpersonal\n"
    "\n"
    "Exit status: 0 on success, 1 when the project refuses (FILE is then left\n"
    "as it was), 2 for a usage error.", entries, &help);
  if (!mte_cli_parse (context, command, &argc, &argv, &help, &status))
    return status;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL)
    return mte_cli_usage_error (command, "expected FILE and ENTITY");
  if (rest[2] != NULL)
    return mte_cli_usage_error (command, "unexpected argument '%s'", rest[2]);
  if (level == NULL || level[0] == '\0')
    return mte_cli_usage_error (command, "no --level given");
  r.name = rest[1];
  r.framework = framework;
  r.level = level;
  return mte_cli_run_change (command, rest[0], classify_entity, &r);
}

int
mte_cli_classify (int argc, char **argv)
{
  return run_classify (argc, argv, FALSE);
}

int
mte_cli_unclassify (int argc, char **argv)
{
  return run_classify (argc, argv, TRUE);
}

/* ------------------------------------------------------------------ */
/* list, show                                                         */
/* ------------------------------------------------------------------ */

/* One field of an entity as list and show print it: a value, or a list
 * of values (shown joined with "; " in text and CSV, as an array in
 * JSON). */
typedef struct {
  char  *key;
  char  *value;   /* (nullable) */
  char **list;    /* (nullable): for list fields */
} Pair;

static void
pair_free (gpointer data)
{
  Pair *pair = data;

  g_free (pair->key);
  g_free (pair->value);
  g_strfreev (pair->list);
  g_free (pair);
}

static void
put (GPtrArray *pairs, const char *key, const char *value)
{
  Pair *pair = g_new0 (Pair, 1);

  pair->key = g_strdup (key);
  pair->value = g_strdup (value);
  g_ptr_array_add (pairs, pair);
}

static void
put_take (GPtrArray *pairs, const char *key, char *value)
{
  put (pairs, key, value);
  g_free (value);
}

static void
put_list (GPtrArray *pairs, const char *key, GPtrArray *values)
{
  Pair *pair = g_new0 (Pair, 1);

  g_ptr_array_add (values, NULL);
  pair->key = g_strdup (key);
  pair->list = g_strdupv ((char **) values->pdata);
  pair->value = g_strjoinv ("; ", pair->list);
  g_ptr_array_add (pairs, pair);
}

static void
put_int (GPtrArray *pairs, const char *key, gint64 value, gboolean known)
{
  put_take (pairs, key, known ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL);
}

static void
put_time (GPtrArray *pairs, const char *key, gint64 value)
{
  put_take (pairs, key, mte_cli_format_time (value));
}

static void
put_entity (GPtrArray *pairs, const char *key, const void *entity)
{
  put (pairs, key, entity != NULL ? mte_entity_get_id (entity) : NULL);
}

/* The concepts @construct expresses. */
static GPtrArray *
concepts_of (const MteProject *project, const MteConstruct *construct)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < mte_project_get_n_concepts (project); i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);

      for (guint e = 0; e < mte_concept_get_n_expressions (concept); e++)
        if (mte_concept_get_expression (concept, e) == construct)
          {
            g_ptr_array_add (out, (gpointer) mte_concept_get_id (concept));
            break;
          }
    }
  return out;
}

/* The fields of @entity, the most telling first (list's text table shows
 * the first three). */
static GPtrArray *
describe (const MteProject *project,
          const MteEntity  *entity)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (pair_free);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  switch (mte_entity_get_kind (entity))
    {
    case MTE_ENTITY_MEMBER:
      put (pairs, "name", mte_member_get_name ((const MteMember *) entity));
      put (pairs, "role", mte_member_get_role ((const MteMember *) entity));
      break;
    case MTE_ENTITY_CHECKLIST:
      {
        const MteChecklist *checklist = (const MteChecklist *) entity;

        put (pairs, "name", mte_checklist_get_name (checklist));
        put_int (pairs, "questions", mte_checklist_get_n_questions (checklist), TRUE);
        for (guint q = 0; q < mte_checklist_get_n_questions (checklist); q++)
          {
            const char * const *answers = mte_checklist_get_question_answers (checklist, q);
            g_autofree char *joined = g_strjoinv (" / ", (char **) answers);

            put_take (pairs, mte_checklist_get_question_key (checklist, q),
                      g_strdup_printf ("%s [%s]", mte_checklist_get_question_text (checklist, q),
                                       answers[0] != NULL ? joined : "free text"));
          }
        break;
      }
    case MTE_ENTITY_SEARCH:
      {
        const MteSearch *search = (const MteSearch *) entity;

        put (pairs, "source", mte_search_get_source (search));
        put (pairs, "kind", mte_source_kind_to_string (mte_search_get_kind (search)));
        put_int (pairs, "records", mte_search_get_n_records (search),
                 mte_search_get_n_records (search) != MTE_COUNT_UNKNOWN);
        put (pairs, "date", mte_search_get_date (search));
        put (pairs, "query", mte_search_get_query (search));
        put_entity (pairs, "by", mte_search_get_run_by (search));
        put (pairs, "notes", mte_search_get_notes (search));
        break;
      }
    case MTE_ENTITY_RECORD:
      {
        const MteRecord *record = (const MteRecord *) entity;
        const char * const *authors = mte_record_get_authors (record);
        const char * const *keywords = mte_record_get_keywords (record);

        put (pairs, "title", mte_record_get_field (record, MTE_RECORD_TITLE));
        put (pairs, "fate", mte_record_fate_to_string (mte_record_get_fate (record)));
        put_int (pairs, "year", mte_record_get_year (record), mte_record_get_year (record) != 0);
        for (guint i = 0; authors[i] != NULL; i++)
          g_ptr_array_add (list, (gpointer) authors[i]);
        put_list (pairs, "authors", list);
        g_ptr_array_set_size (list, 0);
        for (guint f = 1; f < MTE_RECORD_N_FIELDS; f++)
          put (pairs, mte_record_field_to_string ((MteRecordField) f),
               mte_record_get_field (record, (MteRecordField) f));
        for (guint i = 0; keywords[i] != NULL; i++)
          g_ptr_array_add (list, (gpointer) keywords[i]);
        put_list (pairs, "keywords", list);
        g_ptr_array_set_size (list, 0);
        for (guint i = 0; i < mte_record_get_n_searches (record); i++)
          g_ptr_array_add (list, (gpointer) mte_search_get_id (mte_record_get_search (record, i)));
        put_list (pairs, "searches", list);
        put_entity (pairs, "duplicate_of", mte_record_get_duplicate_of (record));
        put_entity (pairs, "study", mte_record_get_study (record));
        put (pairs, "reason", mte_record_get_reason (record));
        put_entity (pairs, "decided_by", mte_record_get_decided_by (record));
        put_time (pairs, "decided", mte_record_get_decided (record));
        break;
      }
    case MTE_ENTITY_STUDY:
      {
        const MteStudy *study = (const MteStudy *) entity;
        const char * const *authors = mte_study_get_authors (study);
        MteChecklist *checklist;
        const char *key, *answer, *note;

        put_int (pairs, "year", mte_study_get_year (study), mte_study_get_year (study) != 0);
        put (pairs, "first_author", authors[0]);
        put (pairs, "title", mte_study_get_field (study, MTE_STUDY_TITLE));
        put (pairs, "status", mte_study_is_excluded (study) ? "excluded" : "included");
        for (guint i = 0; authors[i] != NULL; i++)
          g_ptr_array_add (list, (gpointer) authors[i]);
        put_list (pairs, "authors", list);
        for (guint f = 1; f < MTE_STUDY_N_FIELDS; f++)
          put (pairs, mte_study_field_to_string ((MteStudyField) f),
               mte_study_get_field (study, (MteStudyField) f));
        put_int (pairs, "sample_size", mte_study_get_sample_size (study), mte_study_get_sample_size (study) != 0);
        put (pairs, "index_study", mte_study_get_index_study (study) ? "yes" : "no");
        for (guint i = 0; i < mte_study_get_n_attributes (study); i++)
          put_take (pairs, "attribute", g_strdup_printf ("%s=%s", mte_study_get_attribute_key (study, i),
                                                         mte_study_get_attribute_value (study, i)));
        put (pairs, "exclusion_stage", mte_study_is_excluded (study)
             ? mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (study)) : NULL);
        put (pairs, "exclusion_reason", mte_study_get_exclusion_reason (study));
        put_entity (pairs, "excluded_by", mte_study_get_exclusion_reviewer (study));
        put_time (pairs, "excluded", mte_study_get_exclusion_time (study));
        for (guint i = 0; i < mte_study_get_n_appraisals (study); i++)
          {
            mte_study_get_appraisal_at (study, i, &checklist, &key, &answer, &note);
            put_take (pairs, "appraisal", g_strdup_printf ("%s %s: %s%s%s", mte_checklist_get_id (checklist),
                                                           key, answer != NULL ? answer : "-",
                                                           note != NULL ? " — " : "",
                                                           note != NULL ? note : ""));
          }
        g_ptr_array_set_size (list, 0);
        for (guint i = 0; i < mte_study_get_n_constructs (study); i++)
          g_ptr_array_add (list, (gpointer) mte_construct_get_id (mte_study_get_construct (study, i)));
        put_list (pairs, "constructs", list);
        break;
      }
    case MTE_ENTITY_CONSTRUCT:
      {
        const MteConstruct *construct = (const MteConstruct *) entity;
        g_autoptr(GPtrArray) concepts = NULL;

        put (pairs, "study", mte_study_get_id (mte_construct_get_study (construct)));
        put (pairs, "label", mte_construct_get_label (construct));
        put (pairs, "text", mte_construct_get_text (construct));
        put (pairs, "speaker", mte_construct_get_speaker (construct));
        put (pairs, "page", mte_construct_get_page (construct));
        put (pairs, "section", mte_construct_get_section (construct));
        if (mte_construct_get_order (construct) == MTE_CONSTRUCT_SECOND_ORDER)
          {
            for (guint i = 0; i < mte_construct_get_n_groundings (construct); i++)
              g_ptr_array_add (list, (gpointer) mte_construct_get_id (mte_construct_get_grounding (construct, i)));
            put_list (pairs, "grounded_in", list);
            put (pairs, "credibility",
                 mte_construct_get_credibility (construct) != MTE_CREDIBILITY_NOT_ASSESSED
                 ? mte_credibility_to_string (mte_construct_get_credibility (construct)) : NULL);
            concepts = concepts_of (project, construct);
            put_list (pairs, "expresses", concepts);
          }
        break;
      }
    case MTE_ENTITY_CONCEPT:
      {
        const MteConcept *concept = (const MteConcept *) entity;

        put (pairs, "label", mte_concept_get_label (concept));
        put (pairs, "definition", mte_concept_get_definition (concept));
        for (guint i = 0; i < mte_concept_get_n_expressions (concept); i++)
          g_ptr_array_add (list, (gpointer) mte_construct_get_id (mte_concept_get_expression (concept, i)));
        put_list (pairs, "expressed_by", list);
        break;
      }
    case MTE_ENTITY_TRANSLATION:
      {
        const MteTranslation *t = (const MteTranslation *) entity;

        put (pairs, "kind", mte_translation_get_kind (t) == MTE_TRANSLATION_RECIPROCAL
             ? "reciprocal" : "refutational");
        put_entity (pairs, "from", mte_translation_get_source (t));
        put_entity (pairs, "to", mte_translation_get_target (t));
        put_entity (pairs, "from_study", mte_translation_get_source_study (t));
        put_entity (pairs, "to_study", mte_translation_get_target_study (t));
        put (pairs, "rationale", mte_translation_get_rationale (t));
        put_entity (pairs, "by", mte_translation_get_reviewer (t));
        put_time (pairs, "created", mte_translation_get_created (t));
        break;
      }
    case MTE_ENTITY_THIRD_ORDER:
      {
        const MteThirdOrder *finding = (const MteThirdOrder *) entity;

        put (pairs, "label", mte_third_order_get_label (finding));
        put (pairs, "confidence", mte_confidence_to_string (mte_third_order_get_confidence (finding)));
        put (pairs, "statement", mte_third_order_get_statement (finding));
        for (guint i = 0; i < mte_third_order_get_n_basis (finding); i++)
          g_ptr_array_add (list, (gpointer) mte_entity_get_id (mte_third_order_get_basis (finding, i)));
        put_list (pairs, "basis", list);
        for (guint c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
          {
            MteConcern concern = mte_third_order_get_concern (finding, (MteCerqualComponent) c);
            const char *why = mte_third_order_get_concern_explanation (finding, (MteCerqualComponent) c);

            put_take (pairs, mte_cerqual_component_to_string ((MteCerqualComponent) c),
                      concern == MTE_CONCERN_NOT_ASSESSED ? NULL
                      : g_strdup_printf ("%s%s%s", mte_concern_to_string (concern),
                                         why != NULL ? ": " : "", why != NULL ? why : ""));
          }
        put (pairs, "confidence_explanation", mte_third_order_get_confidence_explanation (finding));
        break;
      }
    case MTE_ENTITY_ARGUMENT_LINK:
      {
        const MteArgumentLink *link = (const MteArgumentLink *) entity;

        put_entity (pairs, "from", mte_argument_link_get_from (link));
        put (pairs, "relation", mte_argument_link_get_relation (link));
        put_entity (pairs, "to", mte_argument_link_get_to (link));
        put (pairs, "rationale", mte_argument_link_get_rationale (link));
        break;
      }
    case MTE_ENTITY_FRAMEWORK:
      {
        const MteFramework *framework = (const MteFramework *) entity;

        put (pairs, "name", mte_framework_get_name (framework));
        put (pairs, "description", mte_framework_get_description (framework));
        for (guint i = 0; i < mte_framework_get_n_levels (framework); i++)
          g_ptr_array_add (list, (gpointer) mte_framework_get_level_key (framework, i));
        put_list (pairs, "levels", list);
        for (guint i = 0; i < mte_framework_get_n_classifications (framework); i++)
          {
            MteEntity *classified;
            const char *level;

            mte_framework_get_classification (framework, i, &classified, &level);
            put_take (pairs, "classification", g_strdup_printf ("%s: %s", mte_entity_get_id (classified), level));
          }
        break;
      }
    case MTE_ENTITY_MEMO:
      {
        const MteMemo *memo = (const MteMemo *) entity;

        put (pairs, "about", mte_memo_get_subject (memo) != NULL
             ? mte_entity_get_id (mte_memo_get_subject (memo)) : "project");
        put_entity (pairs, "by", mte_memo_get_author (memo));
        put (pairs, "text", mte_memo_get_text (memo));
        put_time (pairs, "created", mte_memo_get_created (memo));
        break;
      }
    default:
      break;
    }
  return pairs;
}

static gboolean
parse_format (const char      *command,
              const char      *name,
              gboolean         csv_allowed,
              MteReportFormat *format)
{
  int value;

  if (name == NULL)
    {
      *format = MTE_REPORT_TEXT;
      return TRUE;
    }
  value = mte_report_format_from_string (name);
  if (value != MTE_REPORT_TEXT && value != MTE_REPORT_JSON && !(csv_allowed && value == MTE_REPORT_CSV))
    {
      mte_cli_usage_error (command, "unknown format '%s' (text%s or json)", name, csv_allowed ? ", csv" : "");
      return FALSE;
    }
  *format = (MteReportFormat) value;
  return TRUE;
}

static void
json_add_pairs (JsonBuilder *builder, const MteEntity *entity, GPtrArray *pairs)
{
  json_builder_begin_object (builder);
  mte_cli_json_add_string (builder, "kind", mte_cli_kind_to_string (mte_cli_kind_of (entity)));
  mte_cli_json_add_string (builder, "id", mte_entity_get_id (entity));
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *pair = g_ptr_array_index (pairs, i);
      gboolean repeated = FALSE;

      /* Keys that repeat (appraisal, attribute, classification) become arrays. */
      for (guint j = 0; j < pairs->len; j++)
        if (j != i && strcmp (((Pair *) g_ptr_array_index (pairs, j))->key, pair->key) == 0)
          repeated = TRUE;
      if (repeated)
        {
          gboolean first = TRUE;

          for (guint j = 0; j < i; j++)
            if (strcmp (((Pair *) g_ptr_array_index (pairs, j))->key, pair->key) == 0)
              first = FALSE;
          if (!first)
            continue;
          json_builder_set_member_name (builder, pair->key);
          json_builder_begin_array (builder);
          for (guint j = i; j < pairs->len; j++)
            if (strcmp (((Pair *) g_ptr_array_index (pairs, j))->key, pair->key) == 0)
              json_builder_add_string_value (builder, ((Pair *) g_ptr_array_index (pairs, j))->value);
          json_builder_end_array (builder);
        }
      else if (pair->list != NULL)
        {
          json_builder_set_member_name (builder, pair->key);
          json_builder_begin_array (builder);
          for (guint j = 0; pair->list[j] != NULL; j++)
            json_builder_add_string_value (builder, pair->list[j]);
          json_builder_end_array (builder);
        }
      else
        mte_cli_json_add_string (builder, pair->key, pair->value);
    }
  json_builder_end_object (builder);
}

static void
csv_cell (GString *out, const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static int
write_out (const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!mte_cli_write_stdout (text, strlen (text), &error))
    {
      fprintf (stderr, "%s: %s\n", mte_cli_program, error->message);
      return MTE_CLI_EXIT_INVALID;
    }
  return MTE_CLI_EXIT_OK;
}

static char *
list_text (const MteProject *project, GPtrArray *entities, MteCliKind kind)
{
  GString *out = g_string_new (NULL);
  gsize id_width = 2;
  guint columns = 0;

  if (entities->len == 0)
    {
      g_string_append_printf (out, "(no %s)\n", mte_cli_kind_to_string (kind));
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < entities->len; i++)
    id_width = MAX (id_width, mte_cli_display_width (mte_entity_get_id (g_ptr_array_index (entities, i))));
  for (guint i = 0; i < entities->len; i++)
    {
      MteEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(GPtrArray) pairs = describe (project, entity);
      gsize left = MTE_CLI_WRAP_WIDTH > id_width + 2 ? MTE_CLI_WRAP_WIDTH - id_width - 2 : 20;

      columns = MIN (pairs->len, 3);
      mte_cli_append_padded (out, mte_entity_get_id (entity), id_width + 2);
      for (guint c = 0; c < columns; c++)
        {
          Pair *pair = g_ptr_array_index (pairs, c);
          gsize width = c + 1 == columns ? left : MIN (left / 2, (gsize) 28);
          g_autofree char *cell = mte_cli_fit (pair->value, width);

          if (c + 1 < columns)
            mte_cli_append_padded (out, cell, width + 2);
          else
            g_string_append (out, cell);
          left = left > width + 2 ? left - width - 2 : 10;
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
list_csv (const MteProject *project, GPtrArray *entities, MteCliKind kind)
{
  GString *out = g_string_new ("id");
  g_autoptr(GPtrArray) header = NULL;

  if (entities->len > 0)
    header = describe (project, g_ptr_array_index (entities, 0));
  /* Repeated keys vary in number from entity to entity: CSV keeps the
   * fixed columns only. */
  for (guint c = 0; header != NULL && c < header->len; c++)
    {
      const char *key = ((Pair *) g_ptr_array_index (header, c))->key;

      if (strcmp (key, "appraisal") == 0 || strcmp (key, "attribute") == 0 ||
          strcmp (key, "classification") == 0 || (kind == MTE_CLI_KIND_CHECKLIST && c >= 2))
        continue;
      g_string_append_c (out, ',');
      csv_cell (out, key);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < entities->len; i++)
    {
      MteEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(GPtrArray) pairs = describe (project, entity);

      csv_cell (out, mte_entity_get_id (entity));
      for (guint c = 0; c < pairs->len; c++)
        {
          const char *key = ((Pair *) g_ptr_array_index (pairs, c))->key;

          if (strcmp (key, "appraisal") == 0 || strcmp (key, "attribute") == 0 ||
              strcmp (key, "classification") == 0 || (kind == MTE_CLI_KIND_CHECKLIST && c >= 2))
            continue;
          g_string_append_c (out, ',');
          csv_cell (out, ((Pair *) g_ptr_array_index (pairs, c))->value);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

int
mte_cli_list (int    argc,
              char **argv)
{
  gboolean help = FALSE;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "text (the default), csv or json", "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autofree char *text = NULL;
  MteReportFormat format;
  int kind, status;

  context = mte_cli_option_context_new ("list", "KIND FILE",
    "List the entities of one kind in the project FILE.",
    "KIND is member, checklist, search, record, study, quote, theme, concept,\n"
    "translation, finding, link, framework or memo. The text table shows each\n"
    "id and its most telling fields; csv and json show every field.\n"
    "\n"
    "Example:\n"
    "  metaethno list concept review.xml\n"
    "  metaethno list study review.xml --format csv > studies.csv", entries, &help);
  if (!mte_cli_parse (context, "list", &argc, &argv, &help, &status))
    return status;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL)
    return mte_cli_usage_error ("list", "expected KIND and FILE");
  if (rest[2] != NULL)
    return mte_cli_usage_error ("list", "unexpected argument '%s'", rest[2]);
  kind = mte_cli_kind_from_string (rest[0]);
  if (kind < 0)
    {
      /* "studies", "concepts": the plural is what people type. */
      g_autofree char *singular = g_strdup (rest[0]);
      gsize n = strlen (singular);

      if (n > 3 && g_str_has_suffix (singular, "ies"))
        strcpy (singular + n - 3, "y");
      else if (n > 1 && singular[n - 1] == 's')
        singular[n - 1] = '\0';
      if (strcmp (singular, "searche") == 0)
        singular[6] = '\0';
      kind = mte_cli_kind_from_string (singular);
    }
  if (kind < 0)
    return mte_cli_usage_error ("list", "unknown kind '%s'", rest[0]);
  if (!parse_format ("list", format_name, TRUE, &format))
    return MTE_CLI_EXIT_USAGE;

  project = mte_cli_load (rest[1], &error);
  if (project == NULL)
    {
      mte_cli_print_error (rest[1], error);
      return MTE_CLI_EXIT_INVALID;
    }
  mte_cli_print_load_warnings (project);
  entities = mte_cli_collect (project, MTE_CLI_KINDS (kind));
  if (format == MTE_REPORT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entities->len; i++)
        {
          g_autoptr(GPtrArray) pairs = describe (project, g_ptr_array_index (entities, i));

          json_add_pairs (builder, g_ptr_array_index (entities, i), pairs);
        }
      json_builder_end_array (builder);
      text = mte_cli_json_finish (builder);
    }
  else if (format == MTE_REPORT_CSV)
    text = list_csv (project, entities, (MteCliKind) kind);
  else
    text = list_text (project, entities, (MteCliKind) kind);
  return write_out (text);
}

int
mte_cli_show (int    argc,
              char **argv)
{
  gboolean help = FALSE;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "text (the default) or json", "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  g_auto(GStrv) dependents = NULL;
  MteReportFormat format;
  MteEntity *entity;
  int status;

  context = mte_cli_option_context_new ("show", "FILE ENTITY",
    "Show every field of one entity of the project FILE.",
    "ENTITY is an id, or a unique label, name or title (case does not matter).\n"
    "The text form also lists what refers to the entity.\n"
    "\n"
    "Example:\n"
    "  metaethno show review.xml \"being listened to\"", entries, &help);
  if (!mte_cli_parse (context, "show", &argc, &argv, &help, &status))
    return status;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL)
    return mte_cli_usage_error ("show", "expected FILE and ENTITY");
  if (rest[2] != NULL)
    return mte_cli_usage_error ("show", "unexpected argument '%s'", rest[2]);
  if (!parse_format ("show", format_name, FALSE, &format))
    return MTE_CLI_EXIT_USAGE;

  project = mte_cli_load (rest[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (rest[0], error);
      return MTE_CLI_EXIT_INVALID;
    }
  mte_cli_print_load_warnings (project);
  file = strcmp (rest[0], MTE_CLI_STDIO) == 0 ? g_strdup (MTE_CLI_STDIN_NAME) : mte_cli_display_path (rest[0]);
  entity = mte_cli_resolve (project, file, rest[1], MTE_CLI_ANY_KIND, &error);
  if (entity == NULL)
    {
      fprintf (stderr, "%s: %s\n", mte_cli_program, error->message);
      return MTE_CLI_EXIT_INVALID;
    }
  pairs = describe (project, entity);
  dependents = mte_project_dup_dependents (project, mte_entity_get_id (entity));
  if (format == MTE_REPORT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_pairs (builder, entity, pairs);
      text = mte_cli_json_finish (builder);
    }
  else
    {
      GString *out = g_string_new (NULL);
      gsize width = strlen ("referred to by");

      for (guint i = 0; i < pairs->len; i++)
        width = MAX (width, strlen (((Pair *) g_ptr_array_index (pairs, i))->key));
      g_string_append_printf (out, "%s %s\n", mte_cli_kind_to_string (mte_cli_kind_of (entity)),
                              mte_entity_get_id (entity));
      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *pair = g_ptr_array_index (pairs, i);

          if (pair->value != NULL && pair->value[0] != '\0')
            mte_cli_append_field (out, 2, pair->key, pair->value, width);
        }
      if (dependents != NULL && dependents[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", dependents);

          mte_cli_append_field (out, 2, "referred to by", joined, width);
        }
      text = g_string_free (out, FALSE);
    }
  return write_out (text);
}
