/* metaethno: the project file writer (format 1.0).
 *
 * The writer walks the model and appends to one GString. Output is fully
 * determined by the model: fixed element order, fixed attribute order,
 * two-space indentation, "\n" line ends, and one escaping rule per context.
 * Text is written exactly as stored, so whitespace, CR characters and
 * markup characters survive a round trip.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "mte-error-private.h"
#include "mte-io-private.h"
#include "mte-model-private.h"

const char * const mte_io_study_field_names[MTE_STUDY_N_FIELDS] = {
  "title", "source", "volume", "issue", "pages", "doi", "url", "country",
  "setting", "participants", "condition", "data-collection", "analysis",
  "notes",
};

typedef struct {
  GString    *out;
  const char *where;       /* what is being written, for error messages */
  const char *where_id;
  GError     *error;       /* first problem; the rest is skipped */
} MteWriter;

/* ------------------------------------------------------------------ */
/* Times                                                              */
/* ------------------------------------------------------------------ */

/* Days since 1970-01-01 to a proleptic Gregorian date, and back; the
 * classic era-based conversion (400-year cycles of 146097 days). */
static void
civil_from_days (gint64 days, gint64 *year, int *month, int *day)
{
  gint64 era, doe, yoe, doy, mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2 ? 1 : 0);
}

static gint64
days_from_civil (gint64 year, int month, int day)
{
  gint64 era, yoe, doy, doe;

  year -= month <= 2 ? 1 : 0;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

gboolean
mte_timestamp_format (gint64 t, char *buf)
{
  gint64 days, secs, year;
  int month, day;

  if (t < 0)
    return FALSE;
  days = t / 86400;
  secs = t % 86400;
  civil_from_days (days, &year, &month, &day);
  if (year > 9999)
    return FALSE;
  g_snprintf (buf, MTE_TIMESTAMP_SIZE, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              (int) year, month, day, (int) (secs / 3600),
              (int) (secs / 60 % 60), (int) (secs % 60));
  return TRUE;
}

static gboolean
parse_digits (const char *p, int n, int *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

gboolean
mte_timestamp_parse (const char *text, gint64 *t)
{
  static const int month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int year, month, day, hour, minute, second;

  if (strlen (text) != 20 || text[4] != '-' || text[7] != '-' ||
      text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return FALSE;
  if (!parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day) || !parse_digits (text + 11, 2, &hour) ||
      !parse_digits (text + 14, 2, &minute) ||
      !parse_digits (text + 17, 2, &second))
    return FALSE;
  if (year < 1970 || month < 1 || month > 12 || day < 1 ||
      day > month_days[month - 1] || hour > 23 || minute > 59 || second > 59)
    return FALSE;
  if (month == 2 && day == 29 &&
      !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    return FALSE;
  *t = days_from_civil (year, month, day) * 86400 +
       hour * 3600 + minute * 60 + second;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Escaping                                                           */
/* ------------------------------------------------------------------ */

static void
writer_fail_char (MteWriter *w, gunichar c)
{
  if (w->error != NULL)
    return;
  mte_set_error (&w->error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
               "%s%s%s%s: character U+%04X cannot be stored in an XML 1.0 file",
               w->where, w->where_id != NULL ? " '" : "",
               w->where_id != NULL ? w->where_id : "",
               w->where_id != NULL ? "'" : "", c);
}

/* Appends @s escaped for element content (@attr FALSE) or for a value
 * between double quotes (@attr TRUE). In attributes, tab and newline are
 * written as character references so that attribute-value normalisation
 * on reading gives them back; CR is a reference everywhere because a
 * reader turns a literal CR (and CR LF) into LF. */
static void
append_escaped (MteWriter *w, const char *s, gboolean attr)
{
  GString *out = w->out;
  const guchar *p = (const guchar *) s;
  const guchar *run = p;

  for (;; p++)
    {
      guchar c = *p;
      const char *rep;

      if (G_LIKELY (c >= 0x20 && c != '&' && c != '<' && c != '>' &&
                    c != '"' && c != 0xEF))
        continue;
      if (c == 0)
        break;
      switch (c)
        {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attr ? "&quot;" : NULL; break;
        case '\r': rep = "&#13;"; break;
        case '\t': rep = attr ? "&#9;" : NULL; break;
        case '\n': rep = attr ? "&#10;" : NULL; break;
        case 0xEF:
          /* U+FFFE and U+FFFF are not XML characters. */
          if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            writer_fail_char (w, p[2] == 0xBE ? 0xFFFE : 0xFFFF);
          rep = NULL;
          break;
        default:
          writer_fail_char (w, c);
          rep = NULL;
          break;
        }
      if (rep == NULL)
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      g_string_append (out, rep);
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
}

static inline void
indent (MteWriter *w, int depth)
{
  static const char spaces[] = "                                ";

  g_string_append_len (w->out, spaces, depth * 2);
}

/* ` name="value"`, nothing when @value is NULL. */
static void
attr (MteWriter *w, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (w->out, ' ');
  g_string_append (w->out, name);
  g_string_append (w->out, "=\"");
  append_escaped (w, value, TRUE);
  g_string_append_c (w->out, '"');
}

static void
attr_uint (MteWriter *w, const char *name, guint value)
{
  if (value == 0)
    return;
  g_string_append_printf (w->out, " %s=\"%u\"", name, value);
}

static void
attr_time (MteWriter *w, const char *name, gint64 t)
{
  char buf[MTE_TIMESTAMP_SIZE];

  if (t <= 0)
    return;
  if (!mte_timestamp_format (t, buf))
    {
      if (w->error == NULL)
        mte_set_error (&w->error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "%s%s%s%s: time %" G_GINT64_FORMAT " is after year 9999",
                     w->where, w->where_id != NULL ? " '" : "",
                     w->where_id != NULL ? w->where_id : "",
                     w->where_id != NULL ? "'" : "", t);
      return;
    }
  attr (w, name, buf);
}

/* A whole line `<name>text</name>`, nothing when @text is NULL. */
static void
text_element (MteWriter *w, int depth, const char *name, const char *text)
{
  if (text == NULL)
    return;
  indent (w, depth);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
  if (*text == '\0')
    {
      g_string_append (w->out, "/>\n");
      return;
    }
  g_string_append_c (w->out, '>');
  append_escaped (w, text, FALSE);
  g_string_append (w->out, "</");
  g_string_append (w->out, name);
  g_string_append (w->out, ">\n");
}

static void
start_tag (MteWriter *w, int depth, const char *name)
{
  indent (w, depth);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
}

static void
end_tag (MteWriter *w, int depth, const char *name)
{
  indent (w, depth);
  g_string_append (w->out, "</");
  g_string_append (w->out, name);
  g_string_append (w->out, ">\n");
}

static void
ref_element (MteWriter *w, int depth, const char *name, const char *attr_name,
             const MteEntity *entity)
{
  start_tag (w, depth, name);
  attr (w, attr_name, mte_entity_get_id (entity));
  g_string_append (w->out, "/>\n");
}

static void
where (MteWriter *w, const char *what, const char *id)
{
  w->where = what;
  w->where_id = id;
}

/* ------------------------------------------------------------------ */
/* Sections                                                           */
/* ------------------------------------------------------------------ */

static void
write_members (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_members (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <members>\n");
  for (guint i = 0; i < n; i++)
    {
      MteMember *member = mte_project_get_member (project, i);

      where (w, "member", mte_member_get_id (member));
      start_tag (w, 2, "member");
      attr (w, "id", mte_member_get_id (member));
      attr (w, "name", mte_member_get_name (member));
      attr (w, "role", mte_member_get_role (member));
      g_string_append (w->out, "/>\n");
    }
  g_string_append (w->out, "  </members>\n");
}

static void
write_checklists (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_checklists (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <checklists>\n");
  for (guint i = 0; i < n; i++)
    {
      MteChecklist *checklist = mte_project_get_checklist (project, i);
      guint n_questions = mte_checklist_get_n_questions (checklist);

      where (w, "checklist", mte_checklist_get_id (checklist));
      start_tag (w, 2, "checklist");
      attr (w, "id", mte_checklist_get_id (checklist));
      attr (w, "name", mte_checklist_get_name (checklist));
      if (n_questions == 0)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      for (guint q = 0; q < n_questions; q++)
        {
          const char * const *answers;

          start_tag (w, 3, "question");
          attr (w, "key", mte_checklist_get_question_key (checklist, q));
          g_string_append (w->out, ">\n");
          text_element (w, 4, "text", mte_checklist_get_question_text (checklist, q));
          answers = mte_checklist_get_question_answers (checklist, q);
          for (guint a = 0; answers != NULL && answers[a] != NULL; a++)
            text_element (w, 4, "answer", answers[a]);
          end_tag (w, 3, "question");
        }
      end_tag (w, 2, "checklist");
    }
  g_string_append (w->out, "  </checklists>\n");
}

static void
write_construct (MteWriter *w, const MteConstruct *construct)
{
  guint n_groundings = mte_construct_get_n_groundings (construct);
  gboolean first = mte_construct_get_order (construct) == MTE_CONSTRUCT_FIRST_ORDER;

  where (w, "construct", mte_construct_get_id (construct));
  start_tag (w, 3, "construct");
  attr (w, "id", mte_construct_get_id (construct));
  attr (w, "order", first ? "first" : "second");
  attr (w, "label", mte_construct_get_label (construct));
  attr (w, "page", mte_construct_get_page (construct));
  attr (w, "section", mte_construct_get_section (construct));
  if (first)
    attr (w, "speaker", mte_construct_get_speaker (construct));
  g_string_append (w->out, ">\n");
  text_element (w, 4, "text", mte_construct_get_text (construct));
  for (guint g = 0; g < n_groundings; g++)
    ref_element (w, 4, "grounding", "ref",
                 MTE_ENTITY (mte_construct_get_grounding (construct, g)));
  end_tag (w, 3, "construct");
}

static void
write_study (MteWriter *w, const MteStudy *study)
{
  const char * const *authors = mte_study_get_authors (study);
  guint n_attributes = mte_study_get_n_attributes (study);
  guint n_appraisals = mte_study_get_n_appraisals (study);
  guint n_constructs = mte_study_get_n_constructs (study);
  gboolean has_fields = FALSE;
  int year;

  where (w, "study", mte_study_get_id (study));
  start_tag (w, 2, "study");
  attr (w, "id", mte_study_get_id (study));
  year = mte_study_get_year (study);
  if (year > 0)
    g_string_append_printf (w->out, " year=\"%d\"", year);
  attr_uint (w, "sample-size", mte_study_get_sample_size (study));
  if (mte_study_get_index_study (study))
    g_string_append (w->out, " index-study=\"true\"");
  attr_uint (w, "position", mte_study_get_translation_position (study));

  for (int f = 0; f < MTE_STUDY_N_FIELDS && !has_fields; f++)
    has_fields = mte_study_get_field (study, (MteStudyField) f) != NULL;
  if (!has_fields && (authors == NULL || authors[0] == NULL) &&
      n_attributes == 0 && n_appraisals == 0 && n_constructs == 0)
    {
      g_string_append (w->out, "/>\n");
      return;
    }
  g_string_append (w->out, ">\n");

  for (int f = 0; f < MTE_STUDY_N_FIELDS; f++)
    text_element (w, 3, mte_io_study_field_names[f],
                  mte_study_get_field (study, (MteStudyField) f));
  for (guint a = 0; authors != NULL && authors[a] != NULL; a++)
    text_element (w, 3, "author", authors[a]);
  for (guint a = 0; a < n_attributes; a++)
    {
      const char *value = mte_study_get_attribute_value (study, a);

      start_tag (w, 3, "attribute");
      attr (w, "key", mte_study_get_attribute_key (study, a));
      if (value == NULL || *value == '\0')
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append_c (w->out, '>');
      append_escaped (w, value, FALSE);
      g_string_append (w->out, "</attribute>\n");
    }
  for (guint a = 0; a < n_appraisals; a++)
    {
      MteChecklist *checklist = NULL;
      const char *key = NULL, *answer = NULL, *note = NULL;

      mte_study_get_appraisal_at (study, a, &checklist, &key, &answer, &note);
      start_tag (w, 3, "appraisal");
      attr (w, "checklist", mte_checklist_get_id (checklist));
      attr (w, "question", key);
      if (answer == NULL && note == NULL)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      text_element (w, 4, "answer", answer);
      text_element (w, 4, "note", note);
      end_tag (w, 3, "appraisal");
    }
  for (guint c = 0; c < n_constructs; c++)
    write_construct (w, mte_study_get_construct (study, c));
  end_tag (w, 2, "study");
}

static void
write_studies (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_studies (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <studies>\n");
  for (guint i = 0; i < n && w->error == NULL; i++)
    write_study (w, mte_project_get_study (project, i));
  g_string_append (w->out, "  </studies>\n");
}

static void
write_concepts (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_concepts (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <concepts>\n");
  for (guint i = 0; i < n; i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);
      const char *definition = mte_concept_get_definition (concept);
      guint n_expressions = mte_concept_get_n_expressions (concept);

      where (w, "concept", mte_concept_get_id (concept));
      start_tag (w, 2, "concept");
      attr (w, "id", mte_concept_get_id (concept));
      attr (w, "label", mte_concept_get_label (concept));
      if (definition == NULL && n_expressions == 0)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      text_element (w, 3, "definition", definition);
      for (guint e = 0; e < n_expressions; e++)
        ref_element (w, 3, "expression", "ref",
                     MTE_ENTITY (mte_concept_get_expression (concept, e)));
      end_tag (w, 2, "concept");
    }
  g_string_append (w->out, "  </concepts>\n");
}

static void
write_translations (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_translations (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <translations>\n");
  for (guint i = 0; i < n; i++)
    {
      MteTranslation *t = mte_project_get_translation (project, i);
      MteEntity *source = mte_translation_get_source (t);
      MteEntity *target = mte_translation_get_target (t);
      MteStudy *source_study = mte_translation_get_source_study (t);
      MteStudy *target_study = mte_translation_get_target_study (t);
      MteMember *reviewer = mte_translation_get_reviewer (t);
      const char *rationale = mte_translation_get_rationale (t);

      where (w, "translation", mte_translation_get_id (t));
      start_tag (w, 2, "translation");
      attr (w, "id", mte_translation_get_id (t));
      attr (w, "kind", mte_translation_get_kind (t) == MTE_TRANSLATION_REFUTATIONAL
                       ? "refutational" : "reciprocal");
      attr (w, "source", mte_entity_get_id (source));
      attr (w, "target", mte_entity_get_id (target));
      /* A construct side always stands for its own study; only a concept
       * side records one. */
      if (source_study != NULL && mte_entity_get_kind (source) == MTE_ENTITY_CONCEPT)
        attr (w, "source-study", mte_study_get_id (source_study));
      if (target_study != NULL && mte_entity_get_kind (target) == MTE_ENTITY_CONCEPT)
        attr (w, "target-study", mte_study_get_id (target_study));
      if (reviewer != NULL)
        attr (w, "reviewer", mte_member_get_id (reviewer));
      attr_time (w, "created", mte_translation_get_created (t));
      if (rationale == NULL)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      text_element (w, 3, "rationale", rationale);
      end_tag (w, 2, "translation");
    }
  g_string_append (w->out, "  </translations>\n");
}

static void
write_explained (MteWriter *w, const char *explanation)
{
  if (explanation == NULL)
    {
      g_string_append (w->out, "/>\n");
      return;
    }
  g_string_append (w->out, ">\n");
  text_element (w, 4, "explanation", explanation);
}

static void
write_third_orders (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_third_orders (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <third-orders>\n");
  for (guint i = 0; i < n; i++)
    {
      MteThirdOrder *t = mte_project_get_third_order (project, i);
      const char *statement = mte_third_order_get_statement (t);
      guint n_basis = mte_third_order_get_n_basis (t);
      MteConfidence confidence = mte_third_order_get_confidence (t);
      const char *confidence_explanation = mte_third_order_get_confidence_explanation (t);
      gboolean has_children = statement != NULL || n_basis > 0 ||
        confidence != MTE_CONFIDENCE_NOT_ASSESSED || confidence_explanation != NULL;

      for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS && !has_children; c++)
        has_children = mte_third_order_get_concern (t, (MteCerqualComponent) c) != MTE_CONCERN_NOT_ASSESSED ||
                       mte_third_order_get_concern_explanation (t, (MteCerqualComponent) c) != NULL;

      where (w, "third-order construct", mte_third_order_get_id (t));
      start_tag (w, 2, "third-order");
      attr (w, "id", mte_third_order_get_id (t));
      attr (w, "label", mte_third_order_get_label (t));
      if (!has_children)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      text_element (w, 3, "statement", statement);
      for (guint b = 0; b < n_basis; b++)
        ref_element (w, 3, "basis", "ref", mte_third_order_get_basis (t, b));
      for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
        {
          MteConcern concern = mte_third_order_get_concern (t, (MteCerqualComponent) c);
          const char *explanation = mte_third_order_get_concern_explanation (t, (MteCerqualComponent) c);

          if (concern == MTE_CONCERN_NOT_ASSESSED && explanation == NULL)
            continue;
          start_tag (w, 3, "concern");
          attr (w, "component", mte_cerqual_component_to_string ((MteCerqualComponent) c));
          attr (w, "level", mte_concern_to_string (concern));
          write_explained (w, explanation);
          if (explanation != NULL)
            end_tag (w, 3, "concern");
        }
      if (confidence != MTE_CONFIDENCE_NOT_ASSESSED || confidence_explanation != NULL)
        {
          start_tag (w, 3, "confidence");
          attr (w, "level", mte_confidence_to_string (confidence));
          write_explained (w, confidence_explanation);
          if (confidence_explanation != NULL)
            end_tag (w, 3, "confidence");
        }
      end_tag (w, 2, "third-order");
    }
  g_string_append (w->out, "  </third-orders>\n");
}

static void
write_argument_links (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_argument_links (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <argument-links>\n");
  for (guint i = 0; i < n; i++)
    {
      MteArgumentLink *link = mte_project_get_argument_link (project, i);
      const char *rationale = mte_argument_link_get_rationale (link);

      where (w, "argument link", mte_argument_link_get_id (link));
      start_tag (w, 2, "argument-link");
      attr (w, "id", mte_argument_link_get_id (link));
      attr (w, "from", mte_third_order_get_id (mte_argument_link_get_from (link)));
      attr (w, "to", mte_third_order_get_id (mte_argument_link_get_to (link)));
      attr (w, "relation", mte_argument_link_get_relation (link));
      if (rationale == NULL)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      text_element (w, 3, "rationale", rationale);
      end_tag (w, 2, "argument-link");
    }
  g_string_append (w->out, "  </argument-links>\n");
}

static void
write_frameworks (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_frameworks (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <frameworks>\n");
  for (guint i = 0; i < n; i++)
    {
      MteFramework *framework = mte_project_get_framework (project, i);
      const char *description = mte_framework_get_description (framework);
      guint n_levels = mte_framework_get_n_levels (framework);
      guint n_classifications = mte_framework_get_n_classifications (framework);

      where (w, "framework", mte_framework_get_id (framework));
      start_tag (w, 2, "framework");
      attr (w, "id", mte_framework_get_id (framework));
      attr (w, "name", mte_framework_get_name (framework));
      if (description == NULL && n_levels == 0 && n_classifications == 0)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      text_element (w, 3, "description", description);
      for (guint l = 0; l < n_levels; l++)
        {
          /* A level without its own label reads back the key: only a
           * label that was set is written. */
          const MteLevel *level = g_ptr_array_index (framework->levels, l);

          start_tag (w, 3, "level");
          attr (w, "key", level->key);
          attr (w, "label", level->label);
          g_string_append (w->out, "/>\n");
        }
      for (guint c = 0; c < n_classifications; c++)
        {
          MteEntity *entity = NULL;
          const char *level_key = NULL;

          mte_framework_get_classification (framework, c, &entity, &level_key);
          start_tag (w, 3, "classification");
          attr (w, "ref", mte_entity_get_id (entity));
          attr (w, "level", level_key);
          g_string_append (w->out, "/>\n");
        }
      end_tag (w, 2, "framework");
    }
  g_string_append (w->out, "  </frameworks>\n");
}

static void
write_memos (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_memos (project);

  if (n == 0)
    return;
  g_string_append (w->out, "  <memos>\n");
  for (guint i = 0; i < n; i++)
    {
      MteMemo *memo = mte_project_get_memo (project, i);
      MteEntity *subject = mte_memo_get_subject (memo);
      MteMember *author = mte_memo_get_author (memo);
      const char *text = mte_memo_get_text (memo);

      where (w, "memo", mte_memo_get_id (memo));
      start_tag (w, 2, "memo");
      attr (w, "id", mte_memo_get_id (memo));
      if (subject != NULL)
        attr (w, "subject", mte_entity_get_id (subject));
      if (author != NULL)
        attr (w, "author", mte_member_get_id (author));
      attr_time (w, "created", mte_memo_get_created (memo));
      if (text == NULL || *text == '\0')
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append_c (w->out, '>');
      append_escaped (w, text, FALSE);
      g_string_append (w->out, "</memo>\n");
    }
  g_string_append (w->out, "  </memos>\n");
}

static void
write_session (MteWriter *w, const MteProject *project)
{
  MteSession *session = mte_project_get_session (project);
  guint n;

  if (session == NULL)
    return;
  n = mte_session_get_n_decisions (session);
  where (w, "translation session", NULL);
  g_string_append (w->out, "  <translation-session");
  attr (w, "order", mte_study_order_to_string (mte_session_get_order (session)));
  if (n == 0)
    {
      g_string_append (w->out, "/>\n");
      return;
    }
  g_string_append (w->out, ">\n");
  for (guint i = 0; i < n; i++)
    {
      MteConstruct *construct = mte_session_get_decision_construct (session, i);
      MteDecisionKind kind = mte_session_get_decision_kind (session, i);
      MteConcept *concept = mte_session_get_decision_concept (session, i);
      MteTranslation *translation = mte_session_get_decision_translation (session, i);
      MteMember *reviewer = mte_session_get_decision_reviewer (session, i);
      const char *rationale = mte_session_get_decision_rationale (session, i);

      where (w, "decision on", mte_construct_get_id (construct));
      start_tag (w, 2, "decision");
      attr (w, "construct", mte_construct_get_id (construct));
      attr (w, "kind", mte_decision_kind_to_string (kind));
      if (concept != NULL)
        attr (w, "concept", mte_concept_get_id (concept));
      if (translation != NULL)
        attr (w, "translation", mte_translation_get_id (translation));
      /* Only a reciprocal decision may find the expression already there;
       * a new concept's expression is always its own. */
      if (kind == MTE_DECISION_RECIPROCAL)
        attr (w, "expression-added",
              mte_session_get_decision_expression_added (session, i) ? "true" : "false");
      if (reviewer != NULL)
        attr (w, "reviewer", mte_member_get_id (reviewer));
      attr_time (w, "created", mte_session_get_decision_created (session, i));
      if (rationale == NULL)
        {
          g_string_append (w->out, "/>\n");
          continue;
        }
      g_string_append (w->out, ">\n");
      text_element (w, 3, "rationale", rationale);
      end_tag (w, 2, "decision");
    }
  g_string_append (w->out, "  </translation-session>\n");
}

char *
mte_project_to_data (const MteProject *project,
                     gsize            *length,
                     MteSaveFlags      flags,
                     GError          **error)
{
  MteWriter w = { NULL, "project", NULL, NULL };

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w.out = g_string_sized_new (4096);
  g_string_append (w.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<project xmlns=\"" MTE_FORMAT_NAMESPACE "\" version=\""
                          MTE_FORMAT_VERSION_S "\"");
  attr_time (&w, "created", mte_project_get_created (project));
  attr_time (&w, "modified", mte_project_get_modified (project));
  g_string_append (w.out, ">\n");
  text_element (&w, 1, "title", mte_project_get_title (project));
  text_element (&w, 1, "question", mte_project_get_question (project));
  text_element (&w, 1, "aim", mte_project_get_aim (project));
  text_element (&w, 1, "line-of-argument", mte_project_get_line_of_argument (project));
  write_members (&w, project);
  write_checklists (&w, project);
  write_studies (&w, project);
  write_concepts (&w, project);
  write_translations (&w, project);
  write_third_orders (&w, project);
  write_argument_links (&w, project);
  write_frameworks (&w, project);
  write_memos (&w, project);
  write_session (&w, project);
  g_string_append (w.out, "</project>\n");

  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      g_string_free (w.out, TRUE);
      if (length != NULL)
        *length = 0;
      return NULL;
    }
  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

const char *
mte_get_schema (void)
{
  return mte_schema_text;
}
