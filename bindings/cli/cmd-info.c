/* metaethno info FILE [--json]: what a project holds, overall and per study.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>


/* Text output: titles in the study table are cut to TITLE_WIDTH and
 * authors to AUTHOR_WIDTH. */
#define TITLE_WIDTH  30
#define AUTHOR_WIDTH 16

/* One line of the overall counts: text label, JSON key, value. */
typedef struct {
  const char *label;
  const char *key;
  guint value;
} CountRow;

enum {
  ROW_MEMBERS,
  ROW_CHECKLISTS,
  ROW_SEARCHES,
  ROW_RECORDS,
  ROW_STUDIES,
  ROW_EXCLUDED,
  ROW_FIRST_ORDER,
  ROW_SECOND_ORDER,
  ROW_CONCEPTS,
  ROW_RECIPROCAL,
  ROW_REFUTATIONAL,
  ROW_THIRD_ORDER,
  ROW_ARGUMENT_LINKS,
  ROW_FRAMEWORKS,
  ROW_LEVELS,
  ROW_CLASSIFICATIONS,
  ROW_MEMOS,
  N_ROWS
};

/* What `info` reports about one study. */
typedef struct {
  const MteStudy *study;
  guint first_order;
  guint second_order;
  guint concepts;
  guint translations;
} StudyRow;

typedef struct {
  CountRow counts[N_ROWS];
  StudyRow *studies;    /* mte_project_get_n_studies() rows, in order */
  guint n_studies;
} Summary;

static void
summary_clear (Summary *summary)
{
  g_clear_pointer (&summary->studies, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Summary, summary_clear)

static void
set_row (Summary    *summary,
         guint       row,
         const char *label,
         const char *key,
         guint       value)
{
  summary->counts[row].label = label;
  summary->counts[row].key = key;
  summary->counts[row].value = value;
}

static void
count_study_constructs (Summary *summary)
{
  for (guint i = 0; i < summary->n_studies; i++)
    {
      StudyRow *row = &summary->studies[i];
      guint n = mte_study_get_n_constructs (row->study);

      for (guint j = 0; j < n; j++)
        {
          MteConstruct *construct = mte_study_get_construct (row->study, j);

          if (mte_construct_get_order (construct) == MTE_CONSTRUCT_FIRST_ORDER)
            row->first_order++;
          else
            row->second_order++;
        }
    }
}

/* A study expresses a concept when one of its second-order constructs is
 * among the concept's expressions; each concept counts once per study. */
static void
count_study_concepts (const MteProject *project,
                      GHashTable       *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < mte_project_get_n_concepts (project); i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);

      g_hash_table_remove_all (seen);
      for (guint j = 0; j < mte_concept_get_n_expressions (concept); j++)
        {
          MteConstruct *construct = mte_concept_get_expression (concept, j);
          MteStudy *study = mte_construct_get_study (construct);
          StudyRow *row = g_hash_table_lookup (rows, study);

          if (row != NULL && g_hash_table_add (seen, study))
            row->concepts++;
        }
    }
}

/* A translation touches the studies of both of its sides (once when both
 * sides come from the same study). */
static void
count_study_translations (const MteProject *project,
                          guint            *reciprocal,
                          guint            *refutational,
                          GHashTable       *rows)
{
  for (guint i = 0; i < mte_project_get_n_translations (project); i++)
    {
      MteTranslation *translation = mte_project_get_translation (project, i);
      MteStudy *source = mte_translation_get_source_study (translation);
      MteStudy *target = mte_translation_get_target_study (translation);
      StudyRow *row;

      if (mte_translation_get_kind (translation) == MTE_TRANSLATION_REFUTATIONAL)
        (*refutational)++;
      else
        (*reciprocal)++;

      if (source != NULL && (row = g_hash_table_lookup (rows, source)) != NULL)
        row->translations++;
      if (target != NULL && target != source &&
          (row = g_hash_table_lookup (rows, target)) != NULL)
        row->translations++;
    }
}

static void
summarise (const MteProject *project,
           Summary          *summary)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  guint first_order = 0, second_order = 0;
  guint reciprocal = 0, refutational = 0;
  guint levels = 0, classifications = 0;

  summary->n_studies = mte_project_get_n_studies (project);
  summary->studies = g_new0 (StudyRow, MAX (summary->n_studies, 1));
  for (guint i = 0; i < summary->n_studies; i++)
    {
      summary->studies[i].study = mte_project_get_study (project, i);
      g_hash_table_insert (rows, (gpointer) summary->studies[i].study,
                           &summary->studies[i]);
    }

  count_study_constructs (summary);
  count_study_concepts (project, rows);
  count_study_translations (project, &reciprocal, &refutational, rows);

  for (guint i = 0; i < summary->n_studies; i++)
    {
      first_order += summary->studies[i].first_order;
      second_order += summary->studies[i].second_order;
    }

  for (guint i = 0; i < mte_project_get_n_frameworks (project); i++)
    {
      MteFramework *framework = mte_project_get_framework (project, i);

      levels += mte_framework_get_n_levels (framework);
      classifications += mte_framework_get_n_classifications (framework);
    }

  set_row (summary, ROW_MEMBERS, "Team members", "members",
           mte_project_get_n_members (project));
  set_row (summary, ROW_CHECKLISTS, "Appraisal checklists", "checklists",
           mte_project_get_n_checklists (project));
  set_row (summary, ROW_SEARCHES, "Searches", "searches",
           mte_project_get_n_searches (project));
  set_row (summary, ROW_RECORDS, "Records", "records",
           mte_project_get_n_records (project));
  set_row (summary, ROW_STUDIES, "Studies", "studies", summary->n_studies);
  set_row (summary, ROW_EXCLUDED, "Excluded studies", "excluded_studies",
           summary->n_studies - mte_project_get_n_included_studies (project));
  set_row (summary, ROW_FIRST_ORDER, "First-order constructs",
           "first_order_constructs", first_order);
  set_row (summary, ROW_SECOND_ORDER, "Second-order constructs",
           "second_order_constructs", second_order);
  set_row (summary, ROW_CONCEPTS, "Key concepts", "concepts",
           mte_project_get_n_concepts (project));
  set_row (summary, ROW_RECIPROCAL, "Reciprocal translations",
           "reciprocal_translations", reciprocal);
  set_row (summary, ROW_REFUTATIONAL, "Refutational translations",
           "refutational_translations", refutational);
  set_row (summary, ROW_THIRD_ORDER, "Third-order constructs",
           "third_order_constructs", mte_project_get_n_third_orders (project));
  set_row (summary, ROW_ARGUMENT_LINKS, "Argument links", "argument_links",
           mte_project_get_n_argument_links (project));
  set_row (summary, ROW_FRAMEWORKS, "Frameworks", "frameworks",
           mte_project_get_n_frameworks (project));
  set_row (summary, ROW_LEVELS, "Framework levels", "levels", levels);
  set_row (summary, ROW_CLASSIFICATIONS, "Classifications", "classifications",
           classifications);
  set_row (summary, ROW_MEMOS, "Memos", "memos",
           mte_project_get_n_memos (project));
}

static const char *
first_author (const MteStudy *study)
{
  const char * const *authors = mte_study_get_authors (study);

  return authors[0];
}

/* ------------------------------------------------------------------ */
/* Text                                                               */
/* ------------------------------------------------------------------ */

static void
append_counts (GString       *out,
               const Summary *summary)
{
  gsize label_width = 0, value_width = 1;

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", summary->counts[i].value);

      label_width = MAX (label_width, strlen (summary->counts[i].label));
      value_width = MAX (value_width, strlen (value));
    }

  g_string_append (out, "\nContents\n");
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_string_append (out, "  ");
      mte_cli_append_padded (out, summary->counts[i].label, label_width);
      g_string_append_printf (out, "  %*u\n", (int) value_width,
                              summary->counts[i].value);
    }
}

/* The study table: text columns left-aligned, counts right-aligned, the
 * last column a count so that no line ends in padding. */
enum { COL_ID, COL_YEAR, COL_AUTHOR, COL_TITLE, COL_FIRST, COL_SECOND,
       COL_CONCEPTS, COL_TRANSLATIONS, N_COLUMNS };

static const char * const column_titles[N_COLUMNS] = {
  "Study", "Year", "First author", "Title",
  "1st", "2nd", "Concepts", "Translations",
};

static const char column_legend[] =
  "  1st, 2nd: first- and second-order constructs. Concepts: key concepts\n"
  "  the study expresses. Translations: translations with a side in it.\n";

static gboolean
column_is_count (guint column)
{
  return column >= COL_FIRST;
}

static void
append_studies (GString       *out,
                const Summary *summary)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gsize widths[N_COLUMNS];

  g_string_append (out, "\nStudies\n");
  if (summary->n_studies == 0)
    {
      g_string_append (out, "  (none)\n");
      return;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_ptr_array_add (cells, g_strdup (column_titles[c]));
      widths[c] = mte_cli_display_width (column_titles[c]);
    }

  for (guint i = 0; i < summary->n_studies; i++)
    {
      const StudyRow *row = &summary->studies[i];
      int year = mte_study_get_year (row->study);

      g_ptr_array_add (cells, mte_cli_fit (mte_study_get_id (row->study), G_MAXSIZE));
      g_ptr_array_add (cells, year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("-"));
      g_ptr_array_add (cells, mte_cli_fit (first_author (row->study), AUTHOR_WIDTH));
      g_ptr_array_add (cells, mte_cli_fit (mte_study_get_field (row->study, MTE_STUDY_TITLE),
                                   TITLE_WIDTH));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->first_order));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->second_order));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->concepts));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->translations));
    }

  for (guint i = N_COLUMNS; i < cells->len; i++)
    widths[i % N_COLUMNS] = MAX (widths[i % N_COLUMNS],
                                 mte_cli_display_width (g_ptr_array_index (cells, i)));

  for (guint i = 0; i < cells->len; i++)
    {
      guint c = i % N_COLUMNS;
      const char *cell = g_ptr_array_index (cells, i);

      g_string_append (out, "  ");
      if (column_is_count (c))
        {
          for (gsize w = mte_cli_display_width (cell); w < widths[c]; w++)
            g_string_append_c (out, ' ');
          g_string_append (out, cell);
        }
      else
        mte_cli_append_padded (out, cell, widths[c]);

      if (c == N_COLUMNS - 1)
        g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
  g_string_append (out, column_legend);
}

/* Excluded studies stay in the file with their appraisal: say which, when
 * and why, so that the audit trail is visible. */
static void
append_excluded (GString          *out,
                 const MteProject *project)
{
  guint n = mte_project_get_n_studies (project);

  if (mte_project_get_n_included_studies (project) == n)
    return;
  g_string_append (out, "\nExcluded studies (left out of every analysis)\n");
  for (guint i = 0; i < n; i++)
    {
      MteStudy *study = mte_project_get_study (project, i);
      MteMember *by = mte_study_get_exclusion_reviewer (study);
      gint64 when = mte_study_get_exclusion_time (study);
      g_autofree char *id = NULL;
      g_autofree char *reason = NULL;

      if (!mte_study_is_excluded (study))
        continue;
      id = mte_cli_fit (mte_study_get_id (study), G_MAXSIZE);
      reason = mte_cli_fit (mte_study_get_exclusion_reason (study), G_MAXSIZE);
      g_string_append_printf (out, "  %s: excluded at %s", id,
                              mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (study)));
      if (by != NULL)
        {
          g_autofree char *who = mte_cli_fit (mte_member_get_id (by), G_MAXSIZE);
          g_string_append_printf (out, " by %s", who);
        }
      if (when != 0)
        {
          g_autofree char *time = mte_cli_format_time (when);
          g_string_append_printf (out, " on %s", time);
        }
      g_string_append_printf (out, " (%u appraisal %s): %s\n",
                              mte_study_get_n_appraisals (study),
                              mte_study_get_n_appraisals (study) == 1 ? "answer" : "answers",
                              reason);
    }
}

static char *
format_text (const char       *name,
             const MteProject *project,
             const Summary    *summary)
{
  GString *out = g_string_new (NULL);
  g_autofree char *created = mte_cli_format_time (mte_project_get_created (project));
  g_autofree char *modified = mte_cli_format_time (mte_project_get_modified (project));
  const gsize label_width = strlen ("Question");

  mte_cli_append_field (out, 0, "File", name, label_width);
  mte_cli_append_field (out, 0, "Title", mte_project_get_title (project), label_width);
  mte_cli_append_field (out, 0, "Question", mte_project_get_question (project), label_width);
  mte_cli_append_field (out, 0, "Format", MTE_FORMAT_VERSION_S, label_width);
  mte_cli_append_field (out, 0, "Created", created, label_width);
  mte_cli_append_field (out, 0, "Modified", modified, label_width);
  mte_cli_append_session_summary (out, project, label_width);
  append_counts (out, summary);
  append_studies (out, summary);
  append_excluded (out, project);

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* JSON                                                               */
/* ------------------------------------------------------------------ */

static char *
format_json (const char       *name,
             const MteProject *project,
             const Summary    *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = mte_cli_format_time (mte_project_get_created (project));
  g_autofree char *modified = mte_cli_format_time (mte_project_get_modified (project));

  json_builder_begin_object (builder);
  mte_cli_json_add_string (builder, "file", name);
  mte_cli_json_add_string (builder, "title", mte_project_get_title (project));
  mte_cli_json_add_string (builder, "question", mte_project_get_question (project));
  mte_cli_json_add_string (builder, "format_version", MTE_FORMAT_VERSION_S);
  mte_cli_json_add_string (builder, "created", created);
  mte_cli_json_add_string (builder, "modified", modified);
  mte_cli_json_add_session (builder, project);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < N_ROWS; i++)
    mte_cli_json_add_count (builder, summary->counts[i].key, summary->counts[i].value);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "studies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->n_studies; i++)
    {
      const StudyRow *row = &summary->studies[i];
      int year = mte_study_get_year (row->study);

      json_builder_begin_object (builder);
      mte_cli_json_add_string (builder, "id", mte_study_get_id (row->study));
      json_builder_set_member_name (builder, "year");
      if (year > 0)
        json_builder_add_int_value (builder, year);
      else
        json_builder_add_null_value (builder);
      mte_cli_json_add_string (builder, "first_author", first_author (row->study));
      mte_cli_json_add_string (builder, "title", mte_study_get_field (row->study, MTE_STUDY_TITLE));
      mte_cli_json_add_count (builder, "first_order_constructs", row->first_order);
      mte_cli_json_add_count (builder, "second_order_constructs", row->second_order);
      mte_cli_json_add_count (builder, "concepts_expressed", row->concepts);
      mte_cli_json_add_count (builder, "translations", row->translations);
      mte_cli_json_add_count (builder, "appraisal_answers",
                              mte_study_get_n_appraisals (row->study));
      json_builder_set_member_name (builder, "exclusion");
      if (mte_study_is_excluded (row->study))
        {
          MteMember *by = mte_study_get_exclusion_reviewer (row->study);
          gint64 when = mte_study_get_exclusion_time (row->study);
          g_autofree char *time = when != 0 ? mte_cli_format_time (when) : NULL;

          json_builder_begin_object (builder);
          mte_cli_json_add_string (builder, "stage",
                                   mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (row->study)));
          mte_cli_json_add_string (builder, "reason", mte_study_get_exclusion_reason (row->study));
          mte_cli_json_add_string (builder, "reviewer", by != NULL ? mte_member_get_id (by) : NULL);
          mte_cli_json_add_string (builder, "time", time);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return mte_cli_json_finish (builder);
}

/* ------------------------------------------------------------------ */

int
mte_cli_info (int    argc,
              char **argv)
{
  gboolean help = FALSE;
  gboolean json = FALSE;
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  const GOptionEntry entries[] = {
    { "json", 'j', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
      "Print the summary as JSON", NULL },
    MTE_CLI_OUTPUT_ENTRY (&output),
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY,
      &inputs, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Summary) summary = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  int status;

  context = mte_cli_option_context_new (
    "info", "FILE",
    "Summarise the project FILE: its title, question, format version and\n"
    "dates; how many of each kind of entity it holds; for each study,\n"
    "its constructs, the key concepts it expresses and the translations\n"
    "that involve it; and the excluded studies with stage, reviewer, time\n"
    "and reason.",
    "FILE may be '-' for standard input. With --json the same summary is\n"
    "printed as one JSON object; times are ISO 8601 in UTC and values not\n"
    "recorded are null. -o OUT writes the summary to OUT instead of standard\n"
    "output.\n"
    "\n"
    "Exit status: 0 on success, 1 when FILE is invalid or OUT cannot be\n"
    "written, 2 for a usage error.",
    entries, &help);

  if (!mte_cli_parse (context, "info", &argc, &argv, &help, &status))
    return status;

  if (inputs == NULL || inputs[0] == NULL)
    return mte_cli_usage_error ("info", "no FILE given");
  if (inputs[1] != NULL)
    return mte_cli_usage_error ("info", "expected one FILE, got %u",
                                g_strv_length (inputs));
  if (inputs[0][0] == '\0' || (output != NULL && output[0] == '\0'))
    return mte_cli_usage_error ("info", "empty file name");

  project = mte_cli_load (inputs[0], &error);
  if (project == NULL)
    {
      mte_cli_print_error (inputs[0], error);
      return MTE_CLI_EXIT_INVALID;
    }

  summarise (project, &summary);

  /* File names are bytes; what is printed (and put in JSON) must be UTF-8. */
  if (strcmp (inputs[0], MTE_CLI_STDIO) == 0)
    name = g_strdup (MTE_CLI_STDIN_NAME);
  else if (json)
    name = g_filename_display_name (inputs[0]);
  else
    name = mte_cli_display_path (inputs[0]);   /* one line, whatever the name */

  text = json ? format_json (name, project, &summary)
              : format_text (name, project, &summary);
  return mte_cli_write_output (output, text, strlen (text));
}
