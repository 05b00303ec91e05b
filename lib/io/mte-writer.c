/* metaethno: the project file writer (format 1.1).
 *
 * The writer walks the model and appends to one GString. Output is fully
 * determined by the model: fixed element order, fixed attribute order,
 * two-space indentation, "\n" line ends, and one escaping rule per context.
 * Text is written exactly as stored, so whitespace, CR characters and
 * markup characters survive a round trip. Every element and attribute is
 * named through mte-names-private.h, the table the reader uses too.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "mte-error-private.h"
#include "mte-io-private.h"
#include "mte-model-private.h"
#include "mte-names-private.h"

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

static inline const char *
element_name (MteIoElement element)
{
  return mte_io_element_names[element];
}

/* ` name="value"`, nothing when @value is NULL. */
static void
attr (MteWriter *w, MteIoAttribute name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (w->out, ' ');
  g_string_append (w->out, mte_io_attribute_names[name]);
  g_string_append (w->out, "=\"");
  append_escaped (w, value, TRUE);
  g_string_append_c (w->out, '"');
}

/* ` name="N"`, nothing when @value is 0. */
static void
attr_uint (MteWriter *w, MteIoAttribute name, guint value)
{
  if (value == 0)
    return;
  g_string_append_printf (w->out, " %s=\"%u\"", mte_io_attribute_names[name], value);
}

/* ` name="N"` for a count that may be 0, nothing when it is unknown. */
static void
attr_count (MteWriter *w, MteIoAttribute name, gint64 value)
{
  if (value < 0)
    return;
  g_string_append_printf (w->out, " %s=\"%" G_GINT64_FORMAT "\"",
                          mte_io_attribute_names[name], value);
}

/* ` name="ID"` for a reference, nothing when @entity is NULL. */
static void
attr_ref (MteWriter *w, MteIoAttribute name, const void *entity)
{
  if (entity != NULL)
    attr (w, name, mte_entity_get_id ((const MteEntity *) entity));
}

static void
attr_time (MteWriter *w, MteIoAttribute name, gint64 t)
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

static void
start_tag (MteWriter *w, int depth, MteIoElement name)
{
  indent (w, depth);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, element_name (name));
}

static void
end_tag (MteWriter *w, int depth, MteIoElement name)
{
  indent (w, depth);
  g_string_append (w->out, "</");
  g_string_append (w->out, element_name (name));
  g_string_append (w->out, ">\n");
}

/* Ends a start tag whose element holds @text, or nothing when @text is
 * NULL or empty, and closes the element on the same line. */
static void
text_content (MteWriter *w, MteIoElement name, const char *text)
{
  if (text == NULL || *text == '\0')
    {
      g_string_append (w->out, "/>\n");
      return;
    }
  g_string_append_c (w->out, '>');
  append_escaped (w, text, FALSE);
  g_string_append (w->out, "</");
  g_string_append (w->out, element_name (name));
  g_string_append (w->out, ">\n");
}

/* A whole line `<name>text</name>`, nothing when @text is NULL. */
static void
text_element (MteWriter *w, int depth, MteIoElement name, const char *text)
{
  if (text == NULL)
    return;
  start_tag (w, depth, name);
  text_content (w, name, text);
}

/* One `<name>text</name>` line per string of a NULL-terminated list. */
static void
text_elements (MteWriter *w, int depth, MteIoElement name, const char * const *texts)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    text_element (w, depth, name, texts[i]);
}

static void
ref_element (MteWriter *w, int depth, MteIoElement name, const MteEntity *entity)
{
  start_tag (w, depth, name);
  attr (w, MTE_AT_REF, mte_entity_get_id (entity));
  g_string_append (w->out, "/>\n");
}

/* The start and end of a section, a direct child of <project>. */
static void
open_section (MteWriter *w, MteIoElement name)
{
  start_tag (w, 1, name);
  g_string_append (w->out, ">\n");
}

static void
close_section (MteWriter *w, MteIoElement name)
{
  end_tag (w, 1, name);
}

/* Ends a start tag: "/>" when the element is empty, ">" otherwise. */
static gboolean
end_start_tag (MteWriter *w, gboolean has_children)
{
  g_string_append (w->out, has_children ? ">\n" : "/>\n");
  return has_children;
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

/* The protocol (1.1): one text element per recorded field. */
static void
write_protocol (MteWriter *w, const MteProject *project)
{
  gboolean any = FALSE;

  for (int f = 0; f < MTE_PROTOCOL_N_FIELDS && !any; f++)
    any = mte_project_get_protocol (project, (MteProtocolField) f) != NULL;
  if (!any)
    return;
  where (w, "protocol", NULL);
  open_section (w, MTE_EL_PROTOCOL);
  for (int f = 0; f < MTE_PROTOCOL_N_FIELDS; f++)
    text_element (w, 2, mte_io_protocol_fields[f],
                  mte_project_get_protocol (project, (MteProtocolField) f));
  close_section (w, MTE_EL_PROTOCOL);
}

/* The team's text per eMERGe item (1.2): one <item> per recorded item,
 * in the items' order. */
static void
write_emerge (MteWriter *w, const MteProject *project)
{
  gboolean any = FALSE;

  for (int i = 1; i <= MTE_EMERGE_N_ITEMS && !any; i++)
    any = mte_project_get_emerge_text (project, (MteEmergeItem) i) != NULL;
  if (!any)
    return;
  where (w, "eMERGe texts", NULL);
  open_section (w, MTE_EL_EMERGE);
  for (int i = 1; i <= MTE_EMERGE_N_ITEMS; i++)
    {
      const char *text = mte_project_get_emerge_text (project, (MteEmergeItem) i);

      if (text == NULL)
        continue;
      start_tag (w, 2, MTE_EL_ITEM);
      attr (w, MTE_AT_KEY, mte_emerge_item_to_string ((MteEmergeItem) i));
      text_content (w, MTE_EL_ITEM, text);
    }
  close_section (w, MTE_EL_EMERGE);
}

static void
write_members (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_members (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_MEMBERS);
  for (guint i = 0; i < n; i++)
    {
      MteMember *member = mte_project_get_member (project, i);

      where (w, "member", mte_member_get_id (member));
      start_tag (w, 2, MTE_EL_MEMBER);
      attr (w, MTE_AT_ID, mte_member_get_id (member));
      attr (w, MTE_AT_NAME, mte_member_get_name (member));
      attr (w, MTE_AT_ROLE, mte_member_get_role (member));
      end_start_tag (w, FALSE);
    }
  close_section (w, MTE_EL_MEMBERS);
}

static void
write_checklists (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_checklists (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_CHECKLISTS);
  for (guint i = 0; i < n; i++)
    {
      MteChecklist *checklist = mte_project_get_checklist (project, i);
      guint n_questions = mte_checklist_get_n_questions (checklist);

      where (w, "checklist", mte_checklist_get_id (checklist));
      start_tag (w, 2, MTE_EL_CHECKLIST);
      attr (w, MTE_AT_ID, mte_checklist_get_id (checklist));
      attr (w, MTE_AT_NAME, mte_checklist_get_name (checklist));
      if (!end_start_tag (w, n_questions > 0))
        continue;
      for (guint q = 0; q < n_questions; q++)
        {
          start_tag (w, 3, MTE_EL_QUESTION);
          attr (w, MTE_AT_KEY, mte_checklist_get_question_key (checklist, q));
          end_start_tag (w, TRUE);
          text_element (w, 4, MTE_EL_TEXT, mte_checklist_get_question_text (checklist, q));
          text_elements (w, 4, MTE_EL_ANSWER, mte_checklist_get_question_answers (checklist, q));
          end_tag (w, 3, MTE_EL_QUESTION);
        }
      end_tag (w, 2, MTE_EL_CHECKLIST);
    }
  close_section (w, MTE_EL_CHECKLISTS);
}

/* Searches (1.1). */
static void
write_searches (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_searches (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_SEARCHES);
  for (guint i = 0; i < n; i++)
    {
      MteSearch *search = mte_project_get_search (project, i);
      const char *query = mte_search_get_query (search);
      const char *notes = mte_search_get_notes (search);

      where (w, "search", mte_search_get_id (search));
      start_tag (w, 2, MTE_EL_SEARCH);
      attr (w, MTE_AT_ID, mte_search_get_id (search));
      attr (w, MTE_AT_KIND, mte_source_kind_to_string (mte_search_get_kind (search)));
      attr (w, MTE_AT_SOURCE, mte_search_get_source (search));
      attr (w, MTE_AT_DATE, mte_search_get_date (search));
      attr_count (w, MTE_AT_N_RECORDS, mte_search_get_n_records (search));
      attr_ref (w, MTE_AT_RUN_BY, mte_search_get_run_by (search));
      if (!end_start_tag (w, query != NULL || notes != NULL))
        continue;
      text_element (w, 3, MTE_EL_QUERY, query);
      text_element (w, 3, MTE_EL_NOTES, notes);
      end_tag (w, 2, MTE_EL_SEARCH);
    }
  close_section (w, MTE_EL_SEARCHES);
}

/* Records and their fates (1.1). */
static void
write_record (MteWriter *w, const MteRecord *record)
{
  const char * const *authors = mte_record_get_authors (record);
  const char * const *keywords = mte_record_get_keywords (record);
  guint n_searches = mte_record_get_n_searches (record);
  MteRecordFate fate = mte_record_get_fate (record);
  const char *reason = mte_record_get_reason (record);
  gboolean has_children = (authors != NULL && authors[0] != NULL) ||
                          (keywords != NULL && keywords[0] != NULL) ||
                          n_searches > 0 || reason != NULL;
  int year = mte_record_get_year (record);

  for (int f = 0; f < MTE_RECORD_N_FIELDS && !has_children; f++)
    has_children = mte_record_get_field (record, (MteRecordField) f) != NULL;

  where (w, "record", mte_record_get_id (record));
  start_tag (w, 2, MTE_EL_RECORD);
  attr (w, MTE_AT_ID, mte_record_get_id (record));
  if (year > 0)
    g_string_append_printf (w->out, " %s=\"%d\"", mte_io_attribute_names[MTE_AT_YEAR], year);
  /* Unscreened is the default and is left out. */
  if (fate != MTE_FATE_UNSCREENED)
    attr (w, MTE_AT_FATE, mte_record_fate_to_string (fate));
  attr_ref (w, MTE_AT_DUPLICATE_OF, mte_record_get_duplicate_of (record));
  attr_ref (w, MTE_AT_STUDY, mte_record_get_study (record));
  attr_ref (w, MTE_AT_REVIEWER, mte_record_get_decided_by (record));
  attr_time (w, MTE_AT_CREATED, mte_record_get_decided (record));
  if (!end_start_tag (w, has_children))
    return;
  for (int f = 0; f < MTE_RECORD_N_FIELDS; f++)
    text_element (w, 3, mte_io_record_fields[f],
                  mte_record_get_field (record, (MteRecordField) f));
  text_elements (w, 3, MTE_EL_AUTHOR, authors);
  text_elements (w, 3, MTE_EL_KEYWORD, keywords);
  for (guint s = 0; s < n_searches; s++)
    ref_element (w, 3, MTE_EL_FOUND_BY, MTE_ENTITY (mte_record_get_search (record, s)));
  text_element (w, 3, MTE_EL_REASON, reason);
  end_tag (w, 2, MTE_EL_RECORD);
}

static void
write_records (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_records (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_RECORDS);
  for (guint i = 0; i < n && w->error == NULL; i++)
    write_record (w, mte_project_get_record (project, i));
  close_section (w, MTE_EL_RECORDS);
}

/* Counts entered by hand (1.1): one <count> per box in the order of
 * MtePrismaCount, then the reasons of the two "reports excluded" boxes. */
static void
write_stage_counts (MteWriter *w, const MteProject *project)
{
  gboolean any = project->exclusion_counts->len > 0;

  for (int c = 0; c < MTE_PRISMA_N_COUNTS && !any; c++)
    any = mte_project_get_stage_count (project, (MtePrismaCount) c) != MTE_COUNT_UNKNOWN;
  if (!any)
    return;
  where (w, "stage counts", NULL);
  open_section (w, MTE_EL_STAGE_COUNTS);
  for (int c = 0; c < MTE_PRISMA_N_COUNTS; c++)
    {
      gint64 value = mte_project_get_stage_count (project, (MtePrismaCount) c);

      if (value == MTE_COUNT_UNKNOWN)
        continue;
      start_tag (w, 2, MTE_EL_COUNT);
      attr (w, MTE_AT_BOX, mte_prisma_count_to_string ((MtePrismaCount) c));
      attr_count (w, MTE_AT_VALUE, value);
      end_start_tag (w, FALSE);
    }
  /* In the order entered, both boxes together, as the model keeps them
   * (the API only shows the order within each box). */
  for (guint i = 0; i < project->exclusion_counts->len; i++)
    {
      const MteExclusionCount *entry = &g_array_index (project->exclusion_counts,
                                                       MteExclusionCount, i);

      start_tag (w, 2, MTE_EL_EXCLUSION_COUNT);
      attr (w, MTE_AT_BOX, mte_prisma_count_to_string (entry->box));
      attr_count (w, MTE_AT_VALUE, entry->value);
      text_content (w, MTE_EL_EXCLUSION_COUNT, entry->reason);
    }
  close_section (w, MTE_EL_STAGE_COUNTS);
}

static void
write_construct (MteWriter *w, const MteConstruct *construct)
{
  guint n_groundings = mte_construct_get_n_groundings (construct);
  gboolean first = mte_construct_get_order (construct) == MTE_CONSTRUCT_FIRST_ORDER;

  where (w, "construct", mte_construct_get_id (construct));
  start_tag (w, 3, MTE_EL_CONSTRUCT);
  attr (w, MTE_AT_ID, mte_construct_get_id (construct));
  attr (w, MTE_AT_ORDER, first ? "first" : "second");
  attr (w, MTE_AT_LABEL, mte_construct_get_label (construct));
  attr (w, MTE_AT_PAGE, mte_construct_get_page (construct));
  attr (w, MTE_AT_SECTION, mte_construct_get_section (construct));
  if (first)
    attr (w, MTE_AT_SPEAKER, mte_construct_get_speaker (construct));
  else if (mte_construct_get_credibility (construct) != MTE_CREDIBILITY_NOT_ASSESSED)
    attr (w, MTE_AT_CREDIBILITY,
          mte_credibility_to_string (mte_construct_get_credibility (construct)));
  end_start_tag (w, TRUE);
  text_element (w, 4, MTE_EL_TEXT, mte_construct_get_text (construct));
  for (guint g = 0; g < n_groundings; g++)
    ref_element (w, 4, MTE_EL_GROUNDING,
                 MTE_ENTITY (mte_construct_get_grounding (construct, g)));
  end_tag (w, 3, MTE_EL_CONSTRUCT);
}

static void
write_study (MteWriter *w, const MteStudy *study)
{
  const char * const *authors = mte_study_get_authors (study);
  guint n_attributes = mte_study_get_n_attributes (study);
  guint n_appraisals = mte_study_get_n_appraisals (study);
  guint n_constructs = mte_study_get_n_constructs (study);
  gboolean excluded = mte_study_is_excluded (study);
  gboolean has_fields = FALSE;
  int year;

  where (w, "study", mte_study_get_id (study));
  start_tag (w, 2, MTE_EL_STUDY);
  attr (w, MTE_AT_ID, mte_study_get_id (study));
  year = mte_study_get_year (study);
  if (year > 0)
    g_string_append_printf (w->out, " %s=\"%d\"", mte_io_attribute_names[MTE_AT_YEAR], year);
  attr_uint (w, MTE_AT_SAMPLE_SIZE, mte_study_get_sample_size (study));
  if (mte_study_get_index_study (study))
    attr (w, MTE_AT_INDEX_STUDY, "true");
  attr_uint (w, MTE_AT_POSITION, mte_study_get_translation_position (study));

  for (int f = 0; f < MTE_STUDY_N_FIELDS && !has_fields; f++)
    has_fields = mte_study_get_field (study, (MteStudyField) f) != NULL;
  if (!end_start_tag (w, has_fields || (authors != NULL && authors[0] != NULL) ||
                         n_attributes > 0 || n_appraisals > 0 || excluded ||
                         n_constructs > 0))
    return;

  for (int f = 0; f < MTE_STUDY_N_FIELDS; f++)
    text_element (w, 3, mte_io_study_fields[f], mte_study_get_field (study, (MteStudyField) f));
  text_elements (w, 3, MTE_EL_AUTHOR, authors);
  for (guint a = 0; a < n_attributes; a++)
    {
      start_tag (w, 3, MTE_EL_ATTRIBUTE);
      attr (w, MTE_AT_KEY, mte_study_get_attribute_key (study, a));
      text_content (w, MTE_EL_ATTRIBUTE, mte_study_get_attribute_value (study, a));
    }
  for (guint a = 0; a < n_appraisals; a++)
    {
      MteChecklist *checklist = NULL;
      const char *key = NULL, *answer = NULL, *note = NULL;

      mte_study_get_appraisal_at (study, a, &checklist, &key, &answer, &note);
      start_tag (w, 3, MTE_EL_APPRAISAL);
      attr (w, MTE_AT_CHECKLIST, mte_checklist_get_id (checklist));
      attr (w, MTE_AT_QUESTION, key);
      if (!end_start_tag (w, answer != NULL || note != NULL))
        continue;
      text_element (w, 4, MTE_EL_ANSWER, answer);
      text_element (w, 4, MTE_EL_NOTE, note);
      end_tag (w, 3, MTE_EL_APPRAISAL);
    }
  if (excluded)
    {
      /* 1.1: the study left the review after appraisal; it stays in the
       * file as the audit trail. */
      start_tag (w, 3, MTE_EL_EXCLUSION);
      attr (w, MTE_AT_STAGE, mte_exclusion_stage_to_string (mte_study_get_exclusion_stage (study)));
      attr_ref (w, MTE_AT_REVIEWER, mte_study_get_exclusion_reviewer (study));
      attr_time (w, MTE_AT_CREATED, mte_study_get_exclusion_time (study));
      text_content (w, MTE_EL_EXCLUSION, mte_study_get_exclusion_reason (study));
    }
  for (guint c = 0; c < n_constructs; c++)
    write_construct (w, mte_study_get_construct (study, c));
  end_tag (w, 2, MTE_EL_STUDY);
}

static void
write_studies (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_studies (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_STUDIES);
  for (guint i = 0; i < n && w->error == NULL; i++)
    write_study (w, mte_project_get_study (project, i));
  close_section (w, MTE_EL_STUDIES);
}

static void
write_concepts (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_concepts (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_CONCEPTS);
  for (guint i = 0; i < n; i++)
    {
      MteConcept *concept = mte_project_get_concept (project, i);
      const char *definition = mte_concept_get_definition (concept);
      guint n_expressions = mte_concept_get_n_expressions (concept);

      where (w, "concept", mte_concept_get_id (concept));
      start_tag (w, 2, MTE_EL_CONCEPT);
      attr (w, MTE_AT_ID, mte_concept_get_id (concept));
      attr (w, MTE_AT_LABEL, mte_concept_get_label (concept));
      if (!end_start_tag (w, definition != NULL || n_expressions > 0))
        continue;
      text_element (w, 3, MTE_EL_DEFINITION, definition);
      for (guint e = 0; e < n_expressions; e++)
        ref_element (w, 3, MTE_EL_EXPRESSION,
                     MTE_ENTITY (mte_concept_get_expression (concept, e)));
      end_tag (w, 2, MTE_EL_CONCEPT);
    }
  close_section (w, MTE_EL_CONCEPTS);
}

static void
write_translations (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_translations (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_TRANSLATIONS);
  for (guint i = 0; i < n; i++)
    {
      MteTranslation *t = mte_project_get_translation (project, i);
      MteEntity *source = mte_translation_get_source (t);
      MteEntity *target = mte_translation_get_target (t);
      MteStudy *source_study = mte_translation_get_source_study (t);
      MteStudy *target_study = mte_translation_get_target_study (t);
      const char *rationale = mte_translation_get_rationale (t);

      where (w, "translation", mte_translation_get_id (t));
      start_tag (w, 2, MTE_EL_TRANSLATION);
      attr (w, MTE_AT_ID, mte_translation_get_id (t));
      attr (w, MTE_AT_KIND, mte_translation_get_kind (t) == MTE_TRANSLATION_REFUTATIONAL
                            ? "refutational" : "reciprocal");
      attr (w, MTE_AT_SOURCE, mte_entity_get_id (source));
      attr (w, MTE_AT_TARGET, mte_entity_get_id (target));
      /* A construct side always stands for its own study; only a concept
       * side records one. */
      if (mte_entity_get_kind (source) == MTE_ENTITY_CONCEPT)
        attr_ref (w, MTE_AT_SOURCE_STUDY, source_study);
      if (mte_entity_get_kind (target) == MTE_ENTITY_CONCEPT)
        attr_ref (w, MTE_AT_TARGET_STUDY, target_study);
      attr_ref (w, MTE_AT_REVIEWER, mte_translation_get_reviewer (t));
      attr_time (w, MTE_AT_CREATED, mte_translation_get_created (t));
      if (!end_start_tag (w, rationale != NULL))
        continue;
      text_element (w, 3, MTE_EL_RATIONALE, rationale);
      end_tag (w, 2, MTE_EL_TRANSLATION);
    }
  close_section (w, MTE_EL_TRANSLATIONS);
}

/* The rest of a <concern> or <confidence> start tag and its explanation. */
static void
write_explained (MteWriter *w, MteIoElement name, const char *explanation)
{
  if (!end_start_tag (w, explanation != NULL))
    return;
  text_element (w, 4, MTE_EL_EXPLANATION, explanation);
  end_tag (w, 3, name);
}

static void
write_third_orders (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_third_orders (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_THIRD_ORDERS);
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
      start_tag (w, 2, MTE_EL_THIRD_ORDER);
      attr (w, MTE_AT_ID, mte_third_order_get_id (t));
      attr (w, MTE_AT_LABEL, mte_third_order_get_label (t));
      if (!end_start_tag (w, has_children))
        continue;
      text_element (w, 3, MTE_EL_STATEMENT, statement);
      for (guint b = 0; b < n_basis; b++)
        ref_element (w, 3, MTE_EL_BASIS, mte_third_order_get_basis (t, b));
      for (int c = 0; c < MTE_CERQUAL_N_COMPONENTS; c++)
        {
          MteConcern concern = mte_third_order_get_concern (t, (MteCerqualComponent) c);
          const char *explanation = mte_third_order_get_concern_explanation (t, (MteCerqualComponent) c);

          if (concern == MTE_CONCERN_NOT_ASSESSED && explanation == NULL)
            continue;
          start_tag (w, 3, MTE_EL_CONCERN);
          attr (w, MTE_AT_COMPONENT, mte_cerqual_component_to_string ((MteCerqualComponent) c));
          attr (w, MTE_AT_LEVEL, mte_concern_to_string (concern));
          write_explained (w, MTE_EL_CONCERN, explanation);
        }
      if (confidence != MTE_CONFIDENCE_NOT_ASSESSED || confidence_explanation != NULL)
        {
          start_tag (w, 3, MTE_EL_CONFIDENCE);
          attr (w, MTE_AT_LEVEL, mte_confidence_to_string (confidence));
          write_explained (w, MTE_EL_CONFIDENCE, confidence_explanation);
        }
      end_tag (w, 2, MTE_EL_THIRD_ORDER);
    }
  close_section (w, MTE_EL_THIRD_ORDERS);
}

static void
write_argument_links (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_argument_links (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_ARGUMENT_LINKS);
  for (guint i = 0; i < n; i++)
    {
      MteArgumentLink *link = mte_project_get_argument_link (project, i);
      const char *rationale = mte_argument_link_get_rationale (link);

      where (w, "argument link", mte_argument_link_get_id (link));
      start_tag (w, 2, MTE_EL_ARGUMENT_LINK);
      attr (w, MTE_AT_ID, mte_argument_link_get_id (link));
      attr_ref (w, MTE_AT_FROM, mte_argument_link_get_from (link));
      attr_ref (w, MTE_AT_TO, mte_argument_link_get_to (link));
      attr (w, MTE_AT_RELATION, mte_argument_link_get_relation (link));
      if (!end_start_tag (w, rationale != NULL))
        continue;
      text_element (w, 3, MTE_EL_RATIONALE, rationale);
      end_tag (w, 2, MTE_EL_ARGUMENT_LINK);
    }
  close_section (w, MTE_EL_ARGUMENT_LINKS);
}

static void
write_frameworks (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_frameworks (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_FRAMEWORKS);
  for (guint i = 0; i < n; i++)
    {
      MteFramework *framework = mte_project_get_framework (project, i);
      const char *description = mte_framework_get_description (framework);
      guint n_levels = mte_framework_get_n_levels (framework);
      guint n_classifications = mte_framework_get_n_classifications (framework);

      where (w, "framework", mte_framework_get_id (framework));
      start_tag (w, 2, MTE_EL_FRAMEWORK);
      attr (w, MTE_AT_ID, mte_framework_get_id (framework));
      attr (w, MTE_AT_NAME, mte_framework_get_name (framework));
      if (!end_start_tag (w, description != NULL || n_levels > 0 || n_classifications > 0))
        continue;
      text_element (w, 3, MTE_EL_DESCRIPTION, description);
      for (guint l = 0; l < n_levels; l++)
        {
          /* A level without its own label reads back the key: only a
           * label that was set is written. */
          const MteLevel *level = g_ptr_array_index (framework->levels, l);

          start_tag (w, 3, MTE_EL_LEVEL);
          attr (w, MTE_AT_KEY, level->key);
          attr (w, MTE_AT_LABEL, level->label);
          end_start_tag (w, FALSE);
        }
      for (guint c = 0; c < n_classifications; c++)
        {
          MteEntity *entity = NULL;
          const char *level_key = NULL;

          mte_framework_get_classification (framework, c, &entity, &level_key);
          start_tag (w, 3, MTE_EL_CLASSIFICATION);
          attr (w, MTE_AT_REF, mte_entity_get_id (entity));
          attr (w, MTE_AT_LEVEL, level_key);
          end_start_tag (w, FALSE);
        }
      end_tag (w, 2, MTE_EL_FRAMEWORK);
    }
  close_section (w, MTE_EL_FRAMEWORKS);
}

static void
write_memos (MteWriter *w, const MteProject *project)
{
  guint n = mte_project_get_n_memos (project);

  if (n == 0)
    return;
  open_section (w, MTE_EL_MEMOS);
  for (guint i = 0; i < n; i++)
    {
      MteMemo *memo = mte_project_get_memo (project, i);

      where (w, "memo", mte_memo_get_id (memo));
      start_tag (w, 2, MTE_EL_MEMO);
      attr (w, MTE_AT_ID, mte_memo_get_id (memo));
      attr_ref (w, MTE_AT_SUBJECT, mte_memo_get_subject (memo));
      attr_ref (w, MTE_AT_AUTHOR, mte_memo_get_author (memo));
      attr_time (w, MTE_AT_CREATED, mte_memo_get_created (memo));
      text_content (w, MTE_EL_MEMO, mte_memo_get_text (memo));
    }
  close_section (w, MTE_EL_MEMOS);
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
  start_tag (w, 1, MTE_EL_TRANSLATION_SESSION);
  attr (w, MTE_AT_ORDER, mte_study_order_to_string (mte_session_get_order (session)));
  if (!end_start_tag (w, n > 0))
    return;
  for (guint i = 0; i < n; i++)
    {
      MteConstruct *construct = mte_session_get_decision_construct (session, i);
      MteDecisionKind kind = mte_session_get_decision_kind (session, i);
      const char *rationale = mte_session_get_decision_rationale (session, i);

      where (w, "decision on", mte_construct_get_id (construct));
      start_tag (w, 2, MTE_EL_DECISION);
      attr (w, MTE_AT_CONSTRUCT, mte_construct_get_id (construct));
      attr (w, MTE_AT_KIND, mte_decision_kind_to_string (kind));
      attr_ref (w, MTE_AT_CONCEPT, mte_session_get_decision_concept (session, i));
      attr_ref (w, MTE_AT_TRANSLATION, mte_session_get_decision_translation (session, i));
      /* Only a reciprocal decision may find the expression already there;
       * a new concept's expression is always its own. */
      if (kind == MTE_DECISION_RECIPROCAL)
        attr (w, MTE_AT_EXPRESSION_ADDED,
              mte_session_get_decision_expression_added (session, i) ? "true" : "false");
      attr_ref (w, MTE_AT_REVIEWER, mte_session_get_decision_reviewer (session, i));
      attr_time (w, MTE_AT_CREATED, mte_session_get_decision_created (session, i));
      if (!end_start_tag (w, rationale != NULL))
        continue;
      text_element (w, 3, MTE_EL_RATIONALE, rationale);
      end_tag (w, 2, MTE_EL_DECISION);
    }
  end_tag (w, 1, MTE_EL_TRANSLATION_SESSION);
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
  g_string_append (w.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  start_tag (&w, 0, MTE_EL_PROJECT);
  g_string_append (w.out, " xmlns=\"" MTE_FORMAT_NAMESPACE "\"");
  attr (&w, MTE_AT_VERSION, MTE_FORMAT_VERSION_S);
  attr_time (&w, MTE_AT_CREATED, mte_project_get_created (project));
  attr_time (&w, MTE_AT_MODIFIED, mte_project_get_modified (project));
  end_start_tag (&w, TRUE);
  text_element (&w, 1, MTE_EL_TITLE, mte_project_get_title (project));
  text_element (&w, 1, MTE_EL_QUESTION, mte_project_get_question (project));
  text_element (&w, 1, MTE_EL_AIM, mte_project_get_aim (project));
  text_element (&w, 1, MTE_EL_LINE_OF_ARGUMENT, mte_project_get_line_of_argument (project));
  write_protocol (&w, project);
  write_emerge (&w, project);
  write_members (&w, project);
  write_checklists (&w, project);
  write_searches (&w, project);
  write_records (&w, project);
  write_stage_counts (&w, project);
  write_studies (&w, project);
  write_concepts (&w, project);
  write_translations (&w, project);
  write_third_orders (&w, project);
  write_argument_links (&w, project);
  write_frameworks (&w, project);
  write_memos (&w, project);
  write_session (&w, project);
  end_tag (&w, 0, MTE_EL_PROJECT);

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
