/* metaethno: tests of the data-extraction sheet import
 * (mte_project_import_sheet()).
 *
 * A study-characteristics sheet and a constructs sheet, written the way
 * spreadsheets write them (byte-order mark, CR LF, quoted cells with
 * separators, quotes and line breaks, headers in any case, a blank row),
 * reproduce a small project built through the API: equal models. The same
 * sheets separated by semicolons or tabs, in UTF-16 or windows-1252, read
 * the same. Every malformed sheet fails with NAME:ROW:COLUMN and leaves
 * the project byte for byte as it was; updates, maps, kinds, problems,
 * strict and dry runs.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <string.h>
#include <glib/gstdio.h>

#include "../common/mte-test.h"

/* ------------------------------------------------------------------ */
/* The project the sheets describe, built through the API             */
/* ------------------------------------------------------------------ */

static void
set_field (MteStudy      *study,
           MteStudyField  field,
           const char    *value)
{
  GError *error = NULL;

  CU_ASSERT_TRUE (mte_study_set_field (study, field, value, &error));
  MTE_ASSERT_NO_ERROR (error);
}

static MteConstruct *
add (MteStudy          *study,
     const char        *id,
     MteConstructOrder  order,
     const char        *text)
{
  GError *error = NULL;
  MteConstruct *c = mte_study_add_construct (study, id, order, text, &error);

  MTE_ASSERT_NO_ERROR (error);
  return c;
}

static void
pin_times (MteProject *project)
{
  mte_project_set_created (project, 1000);
  mte_project_set_modified (project, 1000);
}

/* The studies only: what the characteristics sheet gives. */
static MteProject *
expected_studies (void)
{
  MteProject *project = mte_project_new ();
  GError *error = NULL;
  MteStudy *study;
  const char * const okonkwo_authors[] = { "Okonkwo-Reid, Adaeze", "Smith, B.", NULL };
  const char * const lee_authors[] = { "Lee, K.", NULL };

  study = mte_project_add_study (project, "okonkwo2014", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_study_set_authors (study, okonkwo_authors, NULL));
  CU_ASSERT_TRUE (mte_study_set_year (study, 2014, NULL));
  set_field (study, MTE_STUDY_TITLE, "Warmth, \"care\" and trust");
  set_field (study, MTE_STUDY_SOURCE, "BMJ Open");
  set_field (study, MTE_STUDY_COUNTRY, "UK");
  set_field (study, MTE_STUDY_DATA_COLLECTION, "Semi-structured interviews");
  set_field (study, MTE_STUDY_PARTICIPANTS, "Black Caribbean adults,\naged 18-40");
  mte_study_set_sample_size (study, 24);
  CU_ASSERT_TRUE (mte_study_set_attribute (study, "Ethnicity of sample", "Black Caribbean", NULL));

  study = mte_project_add_study (project, "lee2019", &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (mte_study_set_authors (study, lee_authors, NULL));
  CU_ASSERT_TRUE (mte_study_set_year (study, 2019, NULL));
  set_field (study, MTE_STUDY_TITLE, "Trust in cancer clinics");
  set_field (study, MTE_STUDY_SOURCE, "Health Expectations");
  set_field (study, MTE_STUDY_COUNTRY, "UK");
  set_field (study, MTE_STUDY_DATA_COLLECTION, "Focus groups");
  mte_study_set_sample_size (study, 12);
  pin_times (project);
  return project;
}

/* The studies and their constructs. */
static MteProject *
expected_project (void)
{
  MteProject *project = expected_studies ();
  MteStudy *okonkwo = mte_project_lookup_study (project, "okonkwo2014");
  MteStudy *lee = mte_project_lookup_study (project, "lee2019");
  GError *error = NULL;
  MteConstruct *c;

  c = add (okonkwo, "ok-q1", MTE_CONSTRUCT_FIRST_ORDER, "She held my hand,\nlike \"family\" would");
  CU_ASSERT_TRUE (mte_construct_set_speaker (c, "woman, 54", NULL));
  CU_ASSERT_TRUE (mte_construct_set_page (c, "7", NULL));
  c = add (okonkwo, NULL, MTE_CONSTRUCT_SECOND_ORDER, "Patients valued warmth above skill");
  CU_ASSERT_TRUE (mte_construct_set_label (c, "Warmth", NULL));
  CU_ASSERT_TRUE (mte_construct_set_page (c, "8", NULL));
  CU_ASSERT_TRUE (mte_construct_set_section (c, "Findings: warmth", NULL));
  CU_ASSERT_TRUE (mte_construct_add_grounding (c, "ok-q1", &error));
  MTE_ASSERT_NO_ERROR (error);
  c = add (okonkwo, "ok-q2", MTE_CONSTRUCT_FIRST_ORDER, "Nobody asked how I was");
  CU_ASSERT_TRUE (mte_construct_set_speaker (c, "man, 33", NULL));
  /* The theme above rests on this later row's quote too. */
  CU_ASSERT_TRUE (mte_construct_add_grounding (mte_project_lookup_construct (project, "okonkwo2014-t1"),
                                               "ok-q2", &error));
  MTE_ASSERT_NO_ERROR (error);
  c = add (lee, NULL, MTE_CONSTRUCT_SECOND_ORDER, "Trust grows slowly");
  CU_ASSERT_TRUE (mte_construct_set_label (c, "Trust", NULL));
  pin_times (project);
  return project;
}

/* As a spreadsheet saves them: a BOM, CR LF, mixed-case headers with
 * spaces and underscores, quoted cells, a blank row, a trailing blank row. */
static const char studies_csv[] =
  "\xEF\xBB\xBF" "Study, AUTHORS ,Year,Title,Journal,Country,Sample size,DATA_COLLECTION,"
  "Participants,Ethnicity of sample\r\n"
  "okonkwo2014,\"Okonkwo-Reid, Adaeze; Smith, B.\",2014,\"Warmth, \"\"care\"\" and trust\","
  "BMJ Open,UK,24,Semi-structured interviews,\"Black Caribbean adults,\r\naged 18-40\","
  "Black Caribbean\r\n"
  ",,,,,,,,,\r\n"
  "lee2019,\"Lee, K.\",2019,Trust in cancer clinics,Health Expectations,UK,12,Focus groups,,\r\n"
  "\r\n";

static const char constructs_csv[] =
  "study,order,ID,Quote,speaker,page,section,label,Grounding quotes\n"
  "okonkwo2014,quote,ok-q1,\"She held my hand,\nlike \"\"family\"\" would\",\"woman, 54\",7,,,\n"
  "okonkwo2014,2,,Patients valued warmth above skill,,8,Findings: warmth,Warmth,\"ok-q1; ok-q2\"\n"
  "okonkwo2014,first,ok-q2,Nobody asked how I was,\"man, 33\",,,,\n"
  "lee2019,theme,,Trust grows slowly,,,,Trust,\n";

static MteImport *
import (MteProject   *project,
        const char   *data,
        gssize        length,
        MteSheetKind  kind,
        const char * const *map,
        MteImportFlags flags,
        GError      **error)
{
  return mte_project_import_sheet (project, data, length, "sheet.csv", kind, map, flags, error);
}

static void
test_reproduces_api_project (void)
{
  g_autoptr(MteProject) expected = expected_project ();
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) studies = NULL;
  g_autoptr(MteImport) constructs = NULL;
  GError *error = NULL;

  studies = import (project, studies_csv, -1, MTE_SHEET_AUTO, NULL, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_format (studies), MTE_REFERENCE_FORMAT_CSV);
  CU_ASSERT_EQUAL (mte_import_get_sheet (studies), MTE_SHEET_STUDIES);
  CU_ASSERT_EQUAL (mte_import_get_n_read (studies), 2);
  CU_ASSERT_EQUAL (mte_import_get_n_studies (studies), 2);
  CU_ASSERT_EQUAL (mte_import_get_n_updated (studies), 0);
  CU_ASSERT_EQUAL (mte_import_get_n_constructs (studies), 0);
  CU_ASSERT_EQUAL (mte_import_get_n_records (studies), 0);
  CU_ASSERT_EQUAL (mte_import_get_n_problems (studies), 0);

  constructs = import (project, constructs_csv, -1, MTE_SHEET_AUTO, NULL, MTE_IMPORT_FLAGS_NONE,
                       &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_sheet (constructs), MTE_SHEET_CONSTRUCTS);
  CU_ASSERT_EQUAL (mte_import_get_n_read (constructs), 4);
  CU_ASSERT_EQUAL (mte_import_get_n_constructs (constructs), 4);
  CU_ASSERT_EQUAL (mte_import_get_n_studies (constructs), 0);
  CU_ASSERT_EQUAL (mte_import_get_n_problems (constructs), 0);

  pin_times (project);
  CU_ASSERT_TRUE (mte_project_equal (project, expected));

  /* And it saves and reloads equal. */
  {
    g_autofree char *saved = NULL;
    g_autoptr(MteProject) again = NULL;
    gsize length = 0;

    saved = mte_project_to_data (project, &length, MTE_SAVE_FLAGS_NONE, &error);
    MTE_ASSERT_NO_ERROR (error);
    again = mte_project_load_from_data (saved, (gssize) length, "saved", MTE_LOAD_FLAGS_NONE,
                                        &error);
    MTE_ASSERT_NO_ERROR (error);
    CU_ASSERT_TRUE (mte_project_equal (project, again));
  }
}

/* ------------------------------------------------------------------ */
/* Separators and encodings                                           */
/* ------------------------------------------------------------------ */

/* @text (ASCII) with every "," outside quotes replaced by @separator. */
static char *
with_separator (const char *text,
                char        separator)
{
  char *copy = g_strdup (text);
  gboolean quoted = FALSE;

  for (char *c = copy; *c != '\0'; c++)
    {
      if (*c == '"')
        quoted = !quoted;
      else if (*c == ',' && !quoted)
        *c = separator;
    }
  return copy;
}

static GBytes *
utf16le (const char *text)
{
  g_autofree gunichar2 *units = NULL;
  glong n = 0;
  GByteArray *out = g_byte_array_new ();
  static const guint8 bom[] = { 0xFF, 0xFE };

  units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  g_byte_array_append (out, bom, 2);
  for (glong i = 0; i < n; i++)
    {
      guint8 pair[2] = { units[i] & 0xFF, units[i] >> 8 };

      g_byte_array_append (out, pair, 2);
    }
  return g_byte_array_free_to_bytes (out);
}

static void
assert_reads_as_expected (const char *data,
                          gsize       length,
                          guint       n_problems)
{
  g_autoptr(MteProject) expected = expected_studies ();
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;

  report = import (project, data, (gssize) length, MTE_SHEET_AUTO, NULL, MTE_IMPORT_FLAGS_NONE,
                   &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_n_problems (report), n_problems);
  pin_times (project);
  CU_ASSERT_TRUE (mte_project_equal (project, expected));
}

static void
test_separators_and_encodings (void)
{
  g_autofree char *semicolons = with_separator (studies_csv, ';');
  g_autofree char *tabs = with_separator (studies_csv, '\t');
  g_autoptr(GBytes) wide = utf16le (studies_csv + 3);
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  gsize size = 0;
  const char *data;
  /* "Café" in windows-1252, as spreadsheet programs save CSV by default,
   * with a curly quote (0x93/0x94) that Latin-1 does not have. */
  static const char cp1252[] = "study,setting\nlee2019,Caf\xE9 \x93" "drop-in\x94\n";

  assert_reads_as_expected (semicolons, strlen (semicolons), 0);
  assert_reads_as_expected (tabs, strlen (tabs), 0);
  data = g_bytes_get_data (wide, &size);
  assert_reads_as_expected (data, size, 0);

  report = import (project, cp1252, -1, MTE_SHEET_STUDIES, NULL, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  MTE_ASSERT_STR (mte_study_get_field (mte_project_lookup_study (project, "lee2019"),
                                       MTE_STUDY_SETTING),
                  "Caf\xC3\xA9 \xE2\x80\x9C" "drop-in\xE2\x80\x9D");
  CU_ASSERT_EQUAL_FATAL (mte_import_get_n_problems (report), 1);
  MTE_ASSERT_STR (mte_import_get_problem (report, 0, NULL),
                  "sheet.csv:1: the sheet is not UTF-8: read as windows-1252");
}

/* ------------------------------------------------------------------ */
/* Malformed sheets                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
  const char   *sheet;
  MteSheetKind  kind;
  const char   *map[3];
  const char   *message;        /* the whole message, or its start ending in ": " */
} Bad;

static const Bad bad_sheets[] = {
  /* Rows count as a spreadsheet shows them: a blank line is a row, a
   * cell with a line break is still one row. */
  { "study,year,notes\n\nok1,2014,\"two\nlines\"\nok2,20x4,\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:4:2: year: '20x4' is not a year (a whole number, 0 to 9999)" },
  { "study,year\nok,10000\n", MTE_SHEET_AUTO, { NULL }, "sheet.csv:2:2: year: " },
  { "study,sample size\nok,-3\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:2: sample size: '-3' is not a whole number of participants" },
  { "study,title\nok,a\nok,b\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:3:1: study 'ok' is already on row 2" },
  { "study,title\nbad id,a\n", MTE_SHEET_AUTO, { NULL }, "sheet.csv:2:1: " },
  { "study,title\nbase-q1,a\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:1: 'base-q1' is the id of a construct in the project, not of a study" },
  { "study,title,\nok,a,b\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:3: a value in a column without a header (name the column, or leave the cell empty)" },
  { "study,title\nok,a,b\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:3: a value beyond the header's last column" },
  { "study,Title,TITLE\nok,a,b\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:1:3: 'TITLE' is a second 'title' column (the first is column 2)" },
  { "study,Ethnicity,ethnicity\nok,a,b\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:1:3: 'ethnicity' is a second column of that name (the first is column 2)" },
  { "study,title\nok,\"open\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:2: a quoted cell is not closed before the end of the sheet" },
  { "study,title\nok,a \"b\"\n", MTE_SHEET_AUTO, { NULL }, "sheet.csv:2:2: a quote inside a cell that does not start with one "
    "(inside a quoted cell, write a quote as \"\")" },
  { "\n\n", MTE_SHEET_AUTO, { NULL }, "sheet.csv: the sheet is empty (a header row is needed)" },
  /* A byte-order mark says UTF-8: no windows-1252 then. */
  { "\xEF\xBB\xBFstudy,ti\xC3\n", MTE_SHEET_AUTO, { NULL }, "sheet.csv:1:9: not valid UTF-8 (byte 0xC3); save the file as UTF-8" },
  { "study,Paper\nok,a\n", MTE_SHEET_AUTO, { "Paper=titel", NULL },
    "sheet.csv:1:2: map entry 'Paper=titel': a studies sheet has no such field (" },
  { "study,Paper\nok,a\n", MTE_SHEET_AUTO, { "Journal=source", NULL },
    "sheet.csv:1: map entry 'Journal=source': the header has no such column "
    "(a strict import uses every map entry)" },
  /* Constructs. */
  { "study,order,text\nnobody,1,hi\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:1: no study 'nobody' in the project (" },
  { "study,order,text\n,1,hi\n", MTE_SHEET_AUTO, { NULL }, "sheet.csv:2:1: no study id" },
  { "study,order,text\nbase,3,hi\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:2: order: '3' is not an order (" },
  { "study,order,text\nbase,,hi\n", MTE_SHEET_AUTO, { NULL }, "sheet.csv:2:2: order: no order (" },
  { "study,order,text\nbase,2,\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:3: no text: the interpretation is empty" },
  { "study,order,text\nbase,quote\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:3: no text: the quote is empty" },
  { "study,order,text,id\nbase,1,a,x\nbase,1,b,x\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:3:4: the id 'x' is already used on an earlier row" },
  { "study,order,text,id\nbase,1,a,base-q1\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:4: the project already has an entity 'base-q1'" },
  { "study,order,text,speaker\nbase,theme,a,someone\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:4: a speaker belongs to a quote (first order), not to an interpretation" },
  { "study,order,text,grounding\nbase,1,a,base-q1\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:4: only an interpretation (second order) rests on quotes" },
  { "study,order,text,grounding\nbase,2,a,nowhere\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:4: grounding: no quote 'nowhere' in the project or the sheet" },
  { "study,order,text,grounding,id\nother,1,q,,o-q\nbase,2,a,o-q\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:3:4: grounding: 'o-q' is not a quote (first order) of study 'base'" },
  { "study,order,text,grounding\nbase,2,a,base-t1\nbase,2,b,\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:2:4: grounding: 'base-t1' is not a quote (first order) of study 'base'" },
  { "study,text\nbase,a\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:1: a constructs sheet needs a column for 'order' (" },
  { "study,order,text,Notes\nbase,1,a,b\n", MTE_SHEET_AUTO, { NULL },
    "sheet.csv:1:4: column 'Notes' is not carried: " },
};

/* A project with a study "base" holding a quote "base-q1", and a study
 * "other"; the strict flag is set for the case of the column not carried. */
static MteProject *
base_project (void)
{
  MteProject *project = mte_project_new ();
  MteStudy *base = mte_project_add_study (project, "base", NULL);

  mte_project_add_study (project, "other", NULL);
  add (base, "base-q1", MTE_CONSTRUCT_FIRST_ORDER, "words");
  pin_times (project);
  return project;
}

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_sheets); i++)
    {
      const Bad *bad = &bad_sheets[i];
      g_autoptr(MteProject) project = base_project ();
      g_autoptr(MteImport) report = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      GError *error = NULL;
      gsize n_before = 0, n_after = 0;
      gsize length = strlen (bad->sheet);

      before = mte_project_to_data (project, &n_before, MTE_SAVE_FLAGS_NONE, NULL);
      report = import (project, bad->sheet, (gssize) length, bad->kind, bad->map,
                       MTE_IMPORT_STRICT, &error);
      CU_ASSERT_PTR_NULL (report);
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      CU_ASSERT_EQUAL (error->domain, MTE_FORMAT_ERROR);
      if (g_str_has_suffix (bad->message, ": ") || g_str_has_suffix (bad->message, "("))
        {
          if (!g_str_has_prefix (error->message, bad->message))
            printf ("\n    case %u: %s\n", i, error->message);
          CU_ASSERT_TRUE (g_str_has_prefix (error->message, bad->message));
        }
      else
        {
          if (strcmp (error->message, bad->message) != 0)
            printf ("\n    case %u: %s\n", i, error->message);
          MTE_ASSERT_STR (error->message, bad->message);
        }
      CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
      g_clear_error (&error);
      after = mte_project_to_data (project, &n_after, MTE_SAVE_FLAGS_NONE, NULL);
      CU_ASSERT_EQUAL (n_before, n_after);
      CU_ASSERT_TRUE (n_before == n_after && memcmp (before, after, n_before) == 0);
    }
}

/* A NUL byte is not text, in any encoding the import reads. */
static void
test_nul (void)
{
  g_autoptr(MteProject) project = base_project ();
  static const char sheet[] = "study,title\nx,a\0b\n";
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (import (project, sheet, sizeof sheet - 1, MTE_SHEET_AUTO, NULL,
                              MTE_IMPORT_FLAGS_NONE, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  MTE_ASSERT_STR (error->message, "sheet.csv:2:4: a NUL byte");
  g_clear_error (&error);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (project), 2);
}

/* A map entry that is not COLUMN=FIELD is the caller's error. */
static void
test_bad_map (void)
{
  g_autoptr(MteProject) project = base_project ();
  const char * const map[] = { "no equals sign", NULL };
  GError *error = NULL;

  CU_ASSERT_PTR_NULL (import (project, "study\nx\n", -1, MTE_SHEET_AUTO, map,
                              MTE_IMPORT_FLAGS_NONE, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (project), 2);
}

/* ------------------------------------------------------------------ */
/* Updates, maps, kinds, problems, dry runs                           */
/* ------------------------------------------------------------------ */

static void
test_update (void)
{
  g_autoptr(MteProject) project = expected_studies ();
  g_autoptr(MteImport) report = NULL;
  MteStudy *lee = mte_project_lookup_study (project, "lee2019");
  GError *error = NULL;
  /* An empty cell leaves a field as it was; a new study comes after. */
  static const char sheet[] =
    "study,country,title,Setting,Recruitment\n"
    "lee2019,,Trust in clinics,Oncology outpatients,Posters\n"
    "new2020,Ghana,,,\n";

  report = import (project, sheet, -1, MTE_SHEET_AUTO, NULL, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_n_updated (report), 1);
  CU_ASSERT_EQUAL (mte_import_get_n_studies (report), 1);
  MTE_ASSERT_STR (mte_study_get_field (lee, MTE_STUDY_COUNTRY), "UK");
  MTE_ASSERT_STR (mte_study_get_field (lee, MTE_STUDY_TITLE), "Trust in clinics");
  MTE_ASSERT_STR (mte_study_get_field (lee, MTE_STUDY_SETTING), "Oncology outpatients");
  MTE_ASSERT_STR (mte_study_get_attribute (lee, "Recruitment"), "Posters");
  CU_ASSERT_EQUAL (mte_study_get_year (lee), 2019);
  CU_ASSERT_EQUAL (mte_project_get_n_studies (project), 3);
  MTE_ASSERT_STR (mte_study_get_id (mte_project_get_study (project, 2)), "new2020");
}

/* Without a study column the id comes from the first author and year. */
static void
test_generated_study_ids (void)
{
  g_autoptr(MteProject) project = base_project ();
  g_autoptr(MteImport) report = NULL;
  GError *error = NULL;
  static const char sheet[] =
    "authors,year,title\n"
    "\"Ńguyen, T.; Roe, R.\",2020,One\n"
    "\"Nguyen, A.\",2020,Two\n"
    ",,Caring at a distance\n";

  report = import (project, sheet, -1, MTE_SHEET_AUTO, NULL, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_n_studies (report), 3);
  MTE_ASSERT_STR (mte_study_get_id (mte_project_get_study (project, 2)), "nguyen2020");
  MTE_ASSERT_STR (mte_study_get_id (mte_project_get_study (project, 3)), "nguyen2020-2");
  MTE_ASSERT_STR (mte_study_get_id (mte_project_get_study (project, 4)), "caring-at-a-distance");
}

static void
test_map_kind_and_problems (void)
{
  g_autoptr(MteProject) project = base_project ();
  g_autoptr(MteImport) report = NULL;
  MteConstruct *c;
  GError *error = NULL;
  const char * const map[] = { "Paper=study", "What they said=text", "Kind=order", "Coder=-", NULL };
  static const char sheet[] =
    "Paper,Kind,What they said,Coder,Memo\n"
    "base,participant,It was cold,AB,check\n";
  static const char text_as_attribute[] = "study,text\nbase,kept as an attribute\n";

  report = import (project, sheet, -1, MTE_SHEET_AUTO, map, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_sheet (report), MTE_SHEET_CONSTRUCTS);
  CU_ASSERT_EQUAL (mte_import_get_n_constructs (report), 1);
  /* The memo column cannot be carried: one problem at its header. */
  CU_ASSERT_EQUAL_FATAL (mte_import_get_n_problems (report), 1);
  CU_ASSERT_TRUE (g_str_has_prefix (mte_import_get_problem (report, 0, NULL),
                                    "sheet.csv:1:5: column 'Memo' is not carried: "));
  /* base-q1 exists, so the quote is base-q2. */
  c = mte_project_lookup_construct (project, "base-q2");
  CU_ASSERT_PTR_NOT_NULL_FATAL (c);
  MTE_ASSERT_STR (mte_construct_get_text (c), "It was cold");
  CU_ASSERT_EQUAL (mte_construct_get_order (c), MTE_CONSTRUCT_FIRST_ORDER);
  g_clear_pointer (&report, mte_import_free);

  /* A kind given overrides the header: "text" is then an attribute. */
  report = import (project, text_as_attribute, -1, MTE_SHEET_STUDIES, NULL,
                   MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_n_updated (report), 1);
  MTE_ASSERT_STR (mte_study_get_attribute (mte_project_lookup_study (project, "base"), "text"),
                  "kept as an attribute");
}

static void
test_dry_run (void)
{
  g_autoptr(MteProject) project = expected_studies ();
  g_autoptr(MteProject) real = expected_studies ();
  g_autoptr(MteImport) dry = NULL;
  g_autoptr(MteImport) done = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize n_before = 0, n_after = 0;
  GError *error = NULL;

  before = mte_project_to_data (project, &n_before, MTE_SAVE_FLAGS_NONE, NULL);
  dry = import (project, constructs_csv, -1, MTE_SHEET_AUTO, NULL, MTE_IMPORT_DRY_RUN, &error);
  MTE_ASSERT_NO_ERROR (error);
  after = mte_project_to_data (project, &n_after, MTE_SAVE_FLAGS_NONE, NULL);
  CU_ASSERT_TRUE (n_before == n_after && memcmp (before, after, n_before) == 0);

  done = import (real, constructs_csv, -1, MTE_SHEET_AUTO, NULL, MTE_IMPORT_FLAGS_NONE, &error);
  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (mte_import_get_n_constructs (dry), mte_import_get_n_constructs (done));
  CU_ASSERT_EQUAL (mte_import_get_n_read (dry), mte_import_get_n_read (done));
  /* Twice: the ids made the first time are taken the second. */
  g_clear_pointer (&done, mte_import_free);
  done = import (real, constructs_csv, -1, MTE_SHEET_AUTO, NULL, MTE_IMPORT_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NULL (done);
  MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_INVALID_VALUE);
}

static void
test_names (void)
{
  const char * const *fields;
  g_autoptr(MteProject) project = mte_project_new ();
  GError *error = NULL;

  MTE_ASSERT_STR (mte_sheet_kind_to_string (MTE_SHEET_STUDIES), "studies");
  MTE_ASSERT_STR (mte_sheet_kind_to_string (MTE_SHEET_CONSTRUCTS), "constructs");
  CU_ASSERT_PTR_NULL (mte_sheet_kind_to_string ((MteSheetKind) 9));
  CU_ASSERT_EQUAL (mte_sheet_kind_from_string ("constructs"), MTE_SHEET_CONSTRUCTS);
  CU_ASSERT_EQUAL (mte_sheet_kind_from_string ("rows"), -1);
  MTE_ASSERT_STR (mte_reference_format_to_string (MTE_REFERENCE_FORMAT_CSV), "csv");
  CU_ASSERT_EQUAL (mte_reference_format_from_string ("csv"), MTE_REFERENCE_FORMAT_CSV);
  CU_ASSERT_EQUAL (mte_reference_format_sniff (studies_csv, strlen (studies_csv)),
                   MTE_REFERENCE_FORMAT_AUTO);

  fields = mte_sheet_fields (MTE_SHEET_STUDIES);
  CU_ASSERT_PTR_NOT_NULL_FATAL (fields);
  CU_ASSERT_EQUAL (g_strv_length ((char **) fields), 4 + MTE_STUDY_N_FIELDS);
  /* Every study field is there by the file format's name. */
  for (int f = 0; f < MTE_STUDY_N_FIELDS; f++)
    CU_ASSERT_TRUE (g_strv_contains (fields, mte_study_field_to_string (f)));
  fields = mte_sheet_fields (MTE_SHEET_CONSTRUCTS);
  CU_ASSERT_TRUE (g_strv_contains (fields, "grounding"));
  CU_ASSERT_PTR_NULL (mte_sheet_fields (MTE_SHEET_AUTO));

  /* A sheet is not a reference file. */
  CU_ASSERT_PTR_NULL (mte_project_import_references (project, studies_csv, -1, "x.csv",
                                                     MTE_REFERENCE_FORMAT_CSV, NULL,
                                                     MTE_IMPORT_FLAGS_NONE, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
}

static void
test_from_file (void)
{
  g_autoptr(MteProject) project = mte_project_new ();
  g_autoptr(MteImport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mte-sheet-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "studies.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  GError *error = NULL;

  CU_ASSERT_TRUE_FATAL (g_file_set_contents (path, "study,year\nx\xC3\xA9,1999\n", -1, NULL));
  report = mte_project_import_sheet_from_file (project, path, MTE_SHEET_AUTO, NULL,
                                               MTE_IMPORT_FLAGS_NONE, &error);
  CU_ASSERT_PTR_NULL (report);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  /* The file's name locates the error. */
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "studies.csv:2:1: "));
  g_clear_error (&error);

  CU_ASSERT_PTR_NULL (mte_project_import_sheet_from_file (project, missing, MTE_SHEET_AUTO, NULL,
                                                          MTE_IMPORT_FLAGS_NONE, &error));
  MTE_ASSERT_ERROR (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  /* A device with no end is read up to the bound, not forever. */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      CU_ASSERT_PTR_NULL (mte_project_import_sheet_from_file (project, "/dev/zero", MTE_SHEET_AUTO,
                                                              NULL, MTE_IMPORT_FLAGS_NONE, &error));
      MTE_ASSERT_ERROR (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_TOO_LARGE);
    }
  g_unlink (path);
  g_rmdir (dir);
}

static const MteTestCase cases[] = {
  { "two sheets reproduce a project built through the API", test_reproduces_api_project },
  { "semicolons, tabs, UTF-16 and windows-1252", test_separators_and_encodings },
  { "malformed sheets: NAME:ROW:COLUMN, project unchanged", test_malformed },
  { "a NUL byte", test_nul },
  { "a map entry that is not COLUMN=FIELD", test_bad_map },
  { "a sheet updates the studies it names", test_update },
  { "study ids from authors and year", test_generated_study_ids },
  { "maps, kinds and columns not carried", test_map_kind_and_problems },
  { "a dry run changes nothing and counts the same", test_dry_run },
  { "names, fields, and a sheet is not references", test_names },
  { "from a file", test_from_file },
};

MTE_TEST_MAIN ("sheet", cases)
