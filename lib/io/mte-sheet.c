/* metaethno: data-extraction sheets (mte_project_import_sheet()): a CSV
 * of study characteristics, one row per study, or of constructs, one row
 * per quote or interpretation, read into the project all or nothing.
 *
 * libcsv splits the bytes into cells; this file finds the header, maps
 * its columns to fields (by name or by the caller's map), checks every
 * cell against the project and the rest of the sheet, and only then
 * changes the project, through the public model API. Rows are counted as
 * a spreadsheet shows them (blank lines included), so that an error's
 * NAME:ROW:COLUMN points at the cell the user sees.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-citation-private.h"
#include "mte-error-private.h"
#include "mte-model-private.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Columns beyond this refuse the sheet (a bound on crafted input). */
#define MAX_COLUMNS 1000u

/* ------------------------------------------------------------------ */
/* Names                                                              */
/* ------------------------------------------------------------------ */

static const char * const kind_names[] = {
  [MTE_SHEET_AUTO] = "auto",
  [MTE_SHEET_STUDIES] = "studies",
  [MTE_SHEET_CONSTRUCTS] = "constructs",
};

const char *
mte_sheet_kind_to_string (MteSheetKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return NULL;
  return kind_names[kind];
}

int
mte_sheet_kind_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (name, kind_names[i]) == 0)
      return (int) i;
  return -1;
}

/* What a column holds. */
typedef enum {
  ROLE_NONE = 0,          /* unknown: an attribute (studies) or not carried */
  ROLE_SKIP,              /* mapped to "-" */
  ROLE_STUDY,
  ROLE_AUTHORS,
  ROLE_YEAR,
  ROLE_SAMPLE,
  ROLE_FIELD,             /* a study field: Column.field */
  ROLE_ORDER,
  ROLE_ID,
  ROLE_TEXT,
  ROLE_SPEAKER,
  ROLE_PAGE,
  ROLE_SECTION,
  ROLE_LABEL,
  ROLE_GROUNDING,
  ROLE_N
} Role;

/* A field name, the role it gives, and the other headers that mean it. */
typedef struct {
  const char   *name;
  Role          role;
  MteStudyField field;
  const char   *aliases[4];
} FieldName;

static const FieldName study_names[] = {
  { "study", ROLE_STUDY, 0, { "study id", "id", "key", NULL } },
  { "authors", ROLE_AUTHORS, 0, { "author", NULL } },
  { "year", ROLE_YEAR, 0, { NULL } },
  { "sample-size", ROLE_SAMPLE, 0, { "sample", "n", NULL } },
  { "title", ROLE_FIELD, MTE_STUDY_TITLE, { NULL } },
  { "source", ROLE_FIELD, MTE_STUDY_SOURCE, { "journal", "book", NULL } },
  { "volume", ROLE_FIELD, MTE_STUDY_VOLUME, { NULL } },
  { "issue", ROLE_FIELD, MTE_STUDY_ISSUE, { NULL } },
  { "pages", ROLE_FIELD, MTE_STUDY_PAGES, { NULL } },
  { "doi", ROLE_FIELD, MTE_STUDY_DOI, { NULL } },
  { "url", ROLE_FIELD, MTE_STUDY_URL, { NULL } },
  { "country", ROLE_FIELD, MTE_STUDY_COUNTRY, { "countries", NULL } },
  { "setting", ROLE_FIELD, MTE_STUDY_SETTING, { NULL } },
  { "participants", ROLE_FIELD, MTE_STUDY_PARTICIPANTS, { NULL } },
  { "condition", ROLE_FIELD, MTE_STUDY_CONDITION, { NULL } },
  { "data-collection", ROLE_FIELD, MTE_STUDY_DATA_COLLECTION, { NULL } },
  { "analysis", ROLE_FIELD, MTE_STUDY_ANALYSIS, { NULL } },
  { "notes", ROLE_FIELD, MTE_STUDY_NOTES, { NULL } },
};

static const FieldName construct_names[] = {
  { "study", ROLE_STUDY, 0, { "study id", NULL } },
  { "order", ROLE_ORDER, 0, { NULL } },
  { "id", ROLE_ID, 0, { "construct id", NULL } },
  { "text", ROLE_TEXT, 0, { "quote", "interpretation", "construct" } },
  { "speaker", ROLE_SPEAKER, 0, { NULL } },
  { "page", ROLE_PAGE, 0, { NULL } },
  { "section", ROLE_SECTION, 0, { NULL } },
  { "label", ROLE_LABEL, 0, { NULL } },
  { "grounding", ROLE_GROUNDING, 0, { "grounding quotes", "grounded in", NULL } },
};

static const char * const study_field_list[] = {
  "study", "authors", "year", "sample-size", "title", "source", "volume", "issue", "pages",
  "doi", "url", "country", "setting", "participants", "condition", "data-collection",
  "analysis", "notes", NULL
};

static const char * const construct_field_list[] = {
  "study", "order", "id", "text", "speaker", "page", "section", "label", "grounding", NULL
};

const char * const *
mte_sheet_fields (MteSheetKind kind)
{
  switch (kind)
    {
    case MTE_SHEET_STUDIES:
      return study_field_list;
    case MTE_SHEET_CONSTRUCTS:
      return construct_field_list;
    case MTE_SHEET_AUTO:
    default:
      return NULL;
    }
}

/* A header or field name folded for matching: case-folded, "-", "_" and
 * runs of white space as one space, trimmed. */
static char *
fold_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = folded; *c != '\0'; c++)
    {
      if (*c == '-' || *c == '_' || g_ascii_isspace (*c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *c);
          space = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

static const FieldName *
find_name (const FieldName *names,
           guint            n_names,
           const char      *folded)
{
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = fold_name (names[i].name);

      if (strcmp (name, folded) == 0)
        return &names[i];
      for (guint a = 0; a < G_N_ELEMENTS (names[i].aliases) && names[i].aliases[a] != NULL; a++)
        if (strcmp (names[i].aliases[a], folded) == 0)
          return &names[i];
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Cells                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  guint      number;            /* the spreadsheet row, 1-based */
  GPtrArray *cells;             /* char*, trimmed */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->cells, g_ptr_array_unref);
}

typedef struct {
  GArray     *rows;             /* Row */
  GPtrArray  *cells;            /* the row being read */
  guint       row_number;       /* the row being read */
  guint       too_wide_row;     /* the first row with too many cells; 0: none */
} Reader;

static void
on_cell (void   *cell,
         size_t  length,
         void   *data)
{
  Reader *r = data;

  if (r->cells->len >= MAX_COLUMNS)
    {
      if (r->too_wide_row == 0)
        r->too_wide_row = r->row_number;
      return;
    }
  g_ptr_array_add (r->cells, g_strstrip (g_strndup (cell != NULL ? cell : "", length)));
}

static void
on_row_end (int   terminator,
            void *data)
{
  Reader *r = data;
  Row row = { r->row_number, r->cells };
  gboolean blank = TRUE;

  (void) terminator;
  for (guint i = 0; i < r->cells->len && blank; i++)
    blank = *(const char *) g_ptr_array_index (r->cells, i) == '\0';
  if (blank)
    g_ptr_array_unref (r->cells);
  else
    g_array_append_val (r->rows, row);
  r->cells = g_ptr_array_new_with_free_func (g_free);
  /* With CSV_REPALL_NL every line end outside quotes ends a row, blank
   * lines too, so this counts rows as a spreadsheet shows them. */
  r->row_number++;
}

/* The separator the first non-blank line uses most, outside quotes. */
static unsigned char
sniff_separator (const char *text,
                 gsize       length)
{
  const char *p = text, *end = text + length;
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  while (p < end && *p == '\n')
    p++;
  for (; p < end && (quoted || *p != '\n'); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static int
is_space (unsigned char c)
{
  return c == ' ';
}

static int
is_line_end (unsigned char c)
{
  return c == '\n';
}

/* Reads @text (UTF-8, LF line ends) into the rows that are not blank. */
static gboolean
read_rows (const char  *text,
           gsize        length,
           const char  *name,
           GArray      *rows,
           GError     **error)
{
  struct csv_parser parser;
  Reader reader = { rows, g_ptr_array_new_with_free_func (g_free), 1, 0 };
  gboolean ok = TRUE;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
    g_error ("libcsv could not start");
  csv_set_delim (&parser, sniff_separator (text, length));
  /* Only spaces are trimmed around cells (a tab may be the separator). */
  csv_set_space_func (&parser, is_space);
  csv_set_term_func (&parser, is_line_end);

  if (csv_parse (&parser, text, length, on_cell, on_row_end, &reader) != length)
    {
      if (csv_error (&parser) == CSV_EPARSE)
        mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, (int) reader.row_number,
                              (int) reader.cells->len + 1,
                              "a quote inside a cell that does not start with one "
                              "(inside a quoted cell, write a quote as \"\")");
      else
        mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, (int) reader.row_number,
                              (int) reader.cells->len + 1, "%s",
                              csv_strerror (csv_error (&parser)));
      ok = FALSE;
    }
  else if (csv_fini (&parser, on_cell, on_row_end, &reader) != 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, (int) reader.row_number,
                            (int) reader.cells->len + 1,
                            "a quoted cell is not closed before the end of the sheet");
      ok = FALSE;
    }
  if (ok && reader.too_wide_row > 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, (int) reader.too_wide_row,
                            MAX_COLUMNS + 1, "more than %u columns", MAX_COLUMNS);
      ok = FALSE;
    }
  csv_free (&parser);
  g_ptr_array_unref (reader.cells);
  return ok;
}

/* ------------------------------------------------------------------ */
/* The header                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  Role           role;
  MteStudyField  field;         /* ROLE_FIELD */
  const char    *header;        /* as written, trimmed (the row's cell) */
} Column;

typedef struct {
  MteProject   *project;
  const char   *name;           /* for errors: as given */
  char         *shown;          /* for the report's lines */
  MteSheetKind  kind;
  const Row    *header;
  Column       *columns;        /* header->cells->len of them */
  guint         n_columns;
  guint         at[ROLE_N];     /* 1-based column of each role; 0: none */
  guint         field_at[MTE_STUDY_N_FIELDS];
  MteImport    *report;
} Sheet;

static const FieldName *
names_of (MteSheetKind kind,
          guint       *n)
{
  if (kind == MTE_SHEET_CONSTRUCTS)
    {
      *n = G_N_ELEMENTS (construct_names);
      return construct_names;
    }
  *n = G_N_ELEMENTS (study_names);
  return study_names;
}

/* One "column=field" entry of the map, split at its last "=". */
typedef struct {
  char *column;                 /* folded */
  char *field;                  /* folded */
  const char *entry;            /* as given */
  gboolean used;
} MapEntry;

static void
map_entry_clear (gpointer data)
{
  MapEntry *m = data;

  g_free (m->column);
  g_free (m->field);
}

static GArray *
parse_map (const char * const *map,
           GError            **error)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (MapEntry));

  g_array_set_clear_func (entries, map_entry_clear);
  for (guint i = 0; map != NULL && map[i] != NULL; i++)
    {
      const char *eq = strrchr (map[i], '=');
      MapEntry m = { NULL, NULL, map[i], FALSE };

      if (!g_utf8_validate (map[i], -1, NULL) || eq == NULL || eq == map[i] || eq[1] == '\0')
        {
          g_autofree char *shown = mte_message_text (map[i], 80);

          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "'%s' is not a map entry COLUMN=FIELD", shown);
          g_array_unref (entries);
          return NULL;
        }
      {
        g_autofree char *column = g_strndup (map[i], eq - map[i]);

        m.column = fold_name (column);
        m.field = strcmp (eq + 1, "-") == 0 ? g_strdup ("-") : fold_name (eq + 1);
      }
      g_array_append_val (entries, m);
    }
  return entries;
}

static MapEntry *
map_find (GArray     *entries,
          const char *folded_column)
{
  for (guint i = 0; i < entries->len; i++)
    {
      MapEntry *m = &g_array_index (entries, MapEntry, i);

      if (strcmp (m->column, folded_column) == 0)
        return m;
    }
  return NULL;
}

/* A constructs sheet has a column (by name or map) for the order or the
 * text; anything else is a study-characteristics sheet. */
static MteSheetKind
guess_kind (const Row *header,
            GArray    *entries)
{
  for (guint i = 0; i < header->cells->len; i++)
    {
      g_autofree char *folded = fold_name (g_ptr_array_index (header->cells, i));
      MapEntry *m = map_find (entries, folded);
      const FieldName *f = find_name (construct_names, G_N_ELEMENTS (construct_names),
                                      m != NULL ? m->field : folded);

      if (f != NULL && (f->role == ROLE_ORDER || f->role == ROLE_TEXT))
        return MTE_SHEET_CONSTRUCTS;
    }
  return MTE_SHEET_STUDIES;
}

static char *
list_fields (MteSheetKind kind)
{
  g_autofree char *joined = g_strjoinv (", ", (char **) mte_sheet_fields (kind));

  return g_strdup (joined);
}

static gboolean
map_columns (Sheet          *sheet,
             GArray         *entries,
             MteImportFlags  flags,
             GError        **error)
{
  const Row *header = sheet->header;
  guint n_names;
  const FieldName *names = names_of (sheet->kind, &n_names);

  sheet->n_columns = header->cells->len;
  sheet->columns = g_new0 (Column, sheet->n_columns);
  for (guint i = 0; i < sheet->n_columns; i++)
    {
      Column *c = &sheet->columns[i];
      g_autofree char *folded = NULL;
      const FieldName *f = NULL;
      MapEntry *m;

      c->header = g_ptr_array_index (header->cells, i);
      folded = fold_name (c->header);
      m = folded[0] != '\0' ? map_find (entries, folded) : NULL;
      if (m != NULL)
        {
          m->used = TRUE;
          if (strcmp (m->field, "-") == 0)
            {
              c->role = ROLE_SKIP;
              continue;
            }
          f = find_name (names, n_names, m->field);
          if (f == NULL)
            {
              g_autofree char *shown = mte_message_text (m->entry, 80);
              g_autofree char *fields = list_fields (sheet->kind);

              mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, sheet->name,
                                    (int) header->number, (int) i + 1,
                                    "map entry '%s': a %s sheet has no such field (%s, or - "
                                    "to leave the column out)", shown, kind_names[sheet->kind],
                                    fields);
              return FALSE;
            }
        }
      else if (folded[0] != '\0')
        f = find_name (names, n_names, folded);
      if (f == NULL)
        {
          /* Two columns of one unknown name would write one attribute. */
          for (guint j = 0; j < i && folded[0] != '\0'; j++)
            if (sheet->columns[j].role == ROLE_NONE)
              {
                g_autofree char *other = fold_name (sheet->columns[j].header);

                if (strcmp (other, folded) == 0)
                  {
                    g_autofree char *shown = mte_message_text (c->header, 80);

                    mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, sheet->name,
                                          (int) header->number, (int) i + 1,
                                          "'%s' is a second column of that name (the first "
                                          "is column %u)", shown, j + 1);
                    return FALSE;
                  }
              }
          continue;
        }

      c->role = f->role;
      c->field = f->field;
      {
        guint *slot = f->role == ROLE_FIELD ? &sheet->field_at[f->field] : &sheet->at[f->role];

        if (*slot != 0)
          {
            g_autofree char *shown = mte_message_text (c->header, 80);

            mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, sheet->name,
                                  (int) header->number, (int) i + 1,
                                  "'%s' is a second '%s' column (the first is column %u)",
                                  shown, f->name, *slot);
            return FALSE;
          }
        *slot = i + 1;
      }
    }

  /* A map may serve several sheets of one call: an entry this header
   * lacks is a problem (a misspelt column shows so), an error if strict. */
  for (guint i = 0; i < entries->len; i++)
    {
      const MapEntry *m = &g_array_index (entries, MapEntry, i);

      if (!m->used)
        {
          g_autofree char *shown = mte_message_text (m->entry, 80);
          g_autofree char *what = g_strdup_printf ("map entry '%s': the header has no such "
                                                   "column", shown);

          if (flags & MTE_IMPORT_STRICT)
            {
              mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, sheet->name,
                                    (int) header->number, 0, "%s (a strict import uses every "
                                    "map entry)", what);
              return FALSE;
            }
          mte_import_add_problem_at (sheet->report, sheet->shown, header->number, 0, what);
        }
    }

  if (sheet->kind == MTE_SHEET_CONSTRUCTS)
    {
      static const struct { Role role; const char *name; } required[] = {
        { ROLE_STUDY, "study" }, { ROLE_ORDER, "order" }, { ROLE_TEXT, "text" },
      };

      for (guint r = 0; r < G_N_ELEMENTS (required); r++)
        if (sheet->at[required[r].role] == 0)
          {
            mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, sheet->name,
                                  (int) header->number, 0,
                                  "a constructs sheet needs a column for '%s' (name one with "
                                  "COLUMN=%s in the map)", required[r].name, required[r].name);
            return FALSE;
          }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Cells of a row                                                     */
/* ------------------------------------------------------------------ */

static const char *
cell (const Row *row,
      guint      column)          /* 1-based; 0: no such column */
{
  if (column == 0 || column > row->cells->len)
    return NULL;
  {
    const char *text = g_ptr_array_index (row->cells, column - 1);

    return text[0] != '\0' ? text : NULL;
  }
}

static void
cell_error (GError     **error,
            const Sheet *sheet,
            const Row   *row,
            guint        column,
            const char  *format,
            ...) G_GNUC_PRINTF (5, 6);

static void
cell_error (GError     **error,
            const Sheet *sheet,
            const Row   *row,
            guint        column,
            const char  *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, sheet->name, (int) row->number,
                        (int) column, "%s", what);
}

/* A cell beyond the header's last column must be empty. */
static gboolean
check_width (const Sheet *sheet,
             const Row   *row,
             GError     **error)
{
  for (guint i = sheet->n_columns; i < row->cells->len; i++)
    if (*(const char *) g_ptr_array_index (row->cells, i) != '\0')
      {
        cell_error (error, sheet, row, i + 1, "a value beyond the header's last column");
        return FALSE;
      }
  return TRUE;
}

static gboolean
parse_whole (const char *text,
             guint64     max,
             guint64    *out)
{
  char *end = NULL;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  errno = 0;
  *out = g_ascii_strtoull (text, &end, 10);
  return errno == 0 && *end == '\0' && *out <= max;
}

static gboolean
check_id_cell (const Sheet *sheet,
               const Row   *row,
               guint        column,
               const char  *id,
               const char  *what,
               GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (mte_check_id (id, what, &local))
    return TRUE;
  cell_error (error, sheet, row, column, "%s", local->message);
  return FALSE;
}

/* Splits a list cell at @separators; empty parts are dropped. */
static GPtrArray *
split_list (const char *text,
            const char *separators)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pieces = g_strsplit_set (text, separators, -1);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_strstrip (pieces[i]);
      if (pieces[i][0] != '\0')
        g_ptr_array_add (parts, g_strdup (pieces[i]));
    }
  return parts;
}

/* ------------------------------------------------------------------ */
/* Study-characteristics sheets                                       */
/* ------------------------------------------------------------------ */

typedef struct {
  const Row  *row;
  char       *id;
  MteStudy   *existing;         /* NULL: a new study */
  GPtrArray  *authors;          /* char*; NULL: leave as is */
  int         year;             /* -1: leave as is */
  gint64      sample;           /* -1: leave as is */
  const char *fields[MTE_STUDY_N_FIELDS]; /* NULL: leave as is */
  GPtrArray  *attributes;       /* const char* key, value, key, value ... */
} StudyPlan;

static void
study_plan_clear (gpointer data)
{
  StudyPlan *plan = data;

  g_free (plan->id);
  g_clear_pointer (&plan->authors, g_ptr_array_unref);
  g_clear_pointer (&plan->attributes, g_ptr_array_unref);
}

/* "okonkwo-reid2014" from the first author and the year, else the title;
 * free in the project and among @planned. */
static char *
study_id_for (Sheet      *sheet,
              GHashTable *planned,
              GPtrArray  *authors,
              int         year,
              const char *title)
{
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  char *id;

  if (authors != NULL && authors->len > 0)
    {
      const char *first = g_ptr_array_index (authors, 0);
      const char *comma = strchr (first, ',');
      g_autofree char *family = comma != NULL ? g_strndup (first, comma - first) : g_strdup (first);

      text = year > 0 ? g_strdup_printf ("%s%d", family, year) : g_strdup (family);
    }
  else if (title != NULL)
    text = g_utf8_substring (title, 0, MIN (40, g_utf8_strlen (title, -1)));
  else
    text = g_strdup_printf ("study %u", g_hash_table_size (planned) + 1);
  base = mte_project_generate_slug_id (sheet->project, text, "study");
  id = g_strdup (base);
  for (guint n = 2; mte_project_lookup (sheet->project, id) != NULL ||
                    g_hash_table_contains (planned, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

static gboolean
plan_study (Sheet      *sheet,
            const Row  *row,
            GHashTable *planned,      /* id -> row number */
            StudyPlan  *plan,
            GError    **error)
{
  const char *text;
  guint64 number;

  plan->row = row;
  plan->year = -1;
  plan->sample = -1;
  if (!check_width (sheet, row, error))
    return FALSE;

  if ((text = cell (row, sheet->at[ROLE_AUTHORS])) != NULL)
    plan->authors = split_list (text, ";\n");
  if ((text = cell (row, sheet->at[ROLE_YEAR])) != NULL)
    {
      if (!parse_whole (text, 9999, &number))
        {
          g_autofree char *shown = mte_message_text (text, 40);

          cell_error (error, sheet, row, sheet->at[ROLE_YEAR],
                      "year: '%s' is not a year (a whole number, 0 to 9999)", shown);
          return FALSE;
        }
      plan->year = (int) number;
    }
  if ((text = cell (row, sheet->at[ROLE_SAMPLE])) != NULL)
    {
      if (!parse_whole (text, G_MAXUINT, &number))
        {
          g_autofree char *shown = mte_message_text (text, 40);

          cell_error (error, sheet, row, sheet->at[ROLE_SAMPLE],
                      "sample size: '%s' is not a whole number of participants", shown);
          return FALSE;
        }
      plan->sample = (gint64) number;
    }
  for (guint f = 0; f < MTE_STUDY_N_FIELDS; f++)
    plan->fields[f] = cell (row, sheet->field_at[f]);
  for (guint i = 0; i < sheet->n_columns; i++)
    {
      const Column *c = &sheet->columns[i];

      if (c->role != ROLE_NONE || (text = cell (row, i + 1)) == NULL)
        continue;
      if (c->header[0] == '\0')
        {
          cell_error (error, sheet, row, i + 1,
                      "a value in a column without a header (name the column, or leave "
                      "the cell empty)");
          return FALSE;
        }
      if (plan->attributes == NULL)
        plan->attributes = g_ptr_array_new ();
      g_ptr_array_add (plan->attributes, (gpointer) c->header);
      g_ptr_array_add (plan->attributes, (gpointer) text);
    }

  if ((text = cell (row, sheet->at[ROLE_STUDY])) != NULL)
    {
      MteEntity *entity;
      gpointer before;

      if (!check_id_cell (sheet, row, sheet->at[ROLE_STUDY], text, "the study id", error))
        return FALSE;
      if (g_hash_table_lookup_extended (planned, text, NULL, &before))
        {
          cell_error (error, sheet, row, sheet->at[ROLE_STUDY],
                      "study '%s' is already on row %u", text, GPOINTER_TO_UINT (before));
          return FALSE;
        }
      entity = mte_project_lookup (sheet->project, text);
      if (entity != NULL && mte_entity_get_kind (entity) != MTE_ENTITY_STUDY)
        {
          cell_error (error, sheet, row, sheet->at[ROLE_STUDY],
                      "'%s' is the id of a %s in the project, not of a study", text,
                      mte_entity_kind_to_string (mte_entity_get_kind (entity)));
          return FALSE;
        }
      plan->existing = (MteStudy *) entity;
      plan->id = g_strdup (text);
    }
  else
    plan->id = study_id_for (sheet, planned, plan->authors, plan->year,
                             plan->fields[MTE_STUDY_TITLE]);
  g_hash_table_insert (planned, plan->id, GUINT_TO_POINTER (row->number));
  return TRUE;
}

/* What a study held before the sheet changed it, to put back if a later
 * step fails. */
typedef struct {
  MteStudy  *study;
  char     **authors;
  int        year;
  guint      sample;
  char      *fields[MTE_STUDY_N_FIELDS];
  GPtrArray *attributes;        /* char* key, value, ... */
} StudyBackup;

static void
backup_clear (gpointer data)
{
  StudyBackup *b = data;

  g_strfreev (b->authors);
  for (guint f = 0; f < MTE_STUDY_N_FIELDS; f++)
    g_free (b->fields[f]);
  g_ptr_array_unref (b->attributes);
}

static void
backup_take (StudyBackup *b,
             MteStudy    *study)
{
  b->study = study;
  b->authors = g_strdupv ((char **) mte_study_get_authors (study));
  b->year = mte_study_get_year (study);
  b->sample = mte_study_get_sample_size (study);
  for (guint f = 0; f < MTE_STUDY_N_FIELDS; f++)
    b->fields[f] = g_strdup (mte_study_get_field (study, f));
  b->attributes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < mte_study_get_n_attributes (study); i++)
    {
      g_ptr_array_add (b->attributes, g_strdup (mte_study_get_attribute_key (study, i)));
      g_ptr_array_add (b->attributes, g_strdup (mte_study_get_attribute_value (study, i)));
    }
}

static void
backup_restore (const StudyBackup *b)
{
  MteStudy *study = b->study;

  mte_study_set_authors (study, (const char * const *) b->authors, NULL);
  mte_study_set_year (study, b->year, NULL);
  mte_study_set_sample_size (study, b->sample);
  for (guint f = 0; f < MTE_STUDY_N_FIELDS; f++)
    mte_study_set_field (study, f, b->fields[f], NULL);
  /* Attributes: drop them all, then put the old ones back in order. */
  while (mte_study_get_n_attributes (study) > 0)
    {
      g_autofree char *key = g_strdup (mte_study_get_attribute_key (study, 0));

      mte_study_set_attribute (study, key, NULL, NULL);
    }
  for (guint i = 0; i + 1 < b->attributes->len; i += 2)
    mte_study_set_attribute (study, g_ptr_array_index (b->attributes, i),
                             g_ptr_array_index (b->attributes, i + 1), NULL);
}

static gboolean
apply_study (Sheet           *sheet,
             const StudyPlan *plan,
             GError         **error)
{
  MteStudy *study = plan->existing;

  if (study == NULL && (study = mte_project_add_study (sheet->project, plan->id, error)) == NULL)
    return FALSE;
  if (plan->authors != NULL)
    {
      g_ptr_array_add (plan->authors, NULL);
      if (!mte_study_set_authors (study, (const char * const *) plan->authors->pdata, error))
        {
          g_ptr_array_remove_index (plan->authors, plan->authors->len - 1);
          return FALSE;
        }
      g_ptr_array_remove_index (plan->authors, plan->authors->len - 1);
    }
  if (plan->year >= 0 && !mte_study_set_year (study, plan->year, error))
    return FALSE;
  if (plan->sample >= 0)
    mte_study_set_sample_size (study, (guint) plan->sample);
  for (guint f = 0; f < MTE_STUDY_N_FIELDS; f++)
    if (plan->fields[f] != NULL && !mte_study_set_field (study, f, plan->fields[f], error))
      return FALSE;
  for (guint i = 0; plan->attributes != NULL && i + 1 < plan->attributes->len; i += 2)
    if (!mte_study_set_attribute (study, g_ptr_array_index (plan->attributes, i),
                                  g_ptr_array_index (plan->attributes, i + 1), error))
      return FALSE;
  return TRUE;
}

static gboolean
import_studies (Sheet       *sheet,
                GArray      *rows,
                guint        first,
                gboolean     dry_run,
                GError     **error)
{
  g_autoptr(GArray) plans = g_array_new (FALSE, TRUE, sizeof (StudyPlan));
  g_autoptr(GHashTable) planned = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) backups = NULL;
  g_autoptr(GPtrArray) added = NULL;
  guint n_new = 0, n_updated = 0;
  gint64 modified = mte_project_get_modified (sheet->project);

  g_array_set_clear_func (plans, study_plan_clear);
  for (guint r = first; r < rows->len; r++)
    {
      StudyPlan plan = { 0 };

      if (!plan_study (sheet, &g_array_index (rows, Row, r), planned, &plan, error))
        {
          study_plan_clear (&plan);
          return FALSE;
        }
      g_array_append_val (plans, plan);
      if (plan.existing != NULL)
        n_updated++;
      else
        n_new++;
    }

  if (!dry_run)
    {
      backups = g_array_new (FALSE, TRUE, sizeof (StudyBackup));
      g_array_set_clear_func (backups, backup_clear);
      added = g_ptr_array_new ();
      for (guint i = 0; i < plans->len; i++)
        {
          const StudyPlan *plan = &g_array_index (plans, StudyPlan, i);
          g_autoptr(GError) local = NULL;

          if (plan->existing != NULL)
            {
              StudyBackup b = { 0 };

              backup_take (&b, plan->existing);
              g_array_append_val (backups, b);
            }
          else
            g_ptr_array_add (added, plan->id);
          if (!apply_study (sheet, plan, &local))
            {
              /* Checked above, so not expected: undo all the same. */
              for (guint b = 0; b < backups->len; b++)
                backup_restore (&g_array_index (backups, StudyBackup, b));
              for (guint a = added->len; a > 0; a--)
                if (mte_project_lookup (sheet->project, g_ptr_array_index (added, a - 1)) != NULL)
                  mte_project_remove (sheet->project, g_ptr_array_index (added, a - 1),
                                      MTE_REMOVE_CASCADE, NULL);
              mte_project_set_modified (sheet->project, modified);
              cell_error (error, sheet, plan->row, 0, "%s", local->message);
              return FALSE;
            }
        }
    }
  mte_import_set_sheet_counts (sheet->report, MTE_SHEET_STUDIES, plans->len, n_new, n_updated, 0);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Constructs sheets                                                  */
/* ------------------------------------------------------------------ */

typedef struct {
  const Row         *row;
  MteStudy          *study;
  MteConstructOrder  order;
  char              *id;        /* NULL until planned */
  const char        *text;
  const char        *speaker;
  const char        *page;
  const char        *section;
  const char        *label;
  GPtrArray         *grounding; /* char*; NULL: none */
} ConstructPlan;

static void
construct_plan_clear (gpointer data)
{
  ConstructPlan *plan = data;

  g_free (plan->id);
  g_clear_pointer (&plan->grounding, g_ptr_array_unref);
}

static gboolean
parse_order (const char        *text,
             MteConstructOrder *order)
{
  static const char * const first[] = {
    "1", "first", "first order", "1st", "quote", "participant", "participants", NULL
  };
  static const char * const second[] = {
    "2", "second", "second order", "2nd", "theme", "author", "authors", "interpretation", NULL
  };
  g_autofree char *folded = fold_name (text);

  if (g_strv_contains (first, folded))
    *order = MTE_CONSTRUCT_FIRST_ORDER;
  else if (g_strv_contains (second, folded))
    *order = MTE_CONSTRUCT_SECOND_ORDER;
  else
    return FALSE;
  return TRUE;
}

static gboolean
plan_construct (Sheet         *sheet,
                const Row     *row,
                GHashTable    *ids,           /* id -> ConstructPlan index + 1 */
                guint          index,
                ConstructPlan *plan,
                GError       **error)
{
  const char *text;

  plan->row = row;
  if (!check_width (sheet, row, error))
    return FALSE;

  text = cell (row, sheet->at[ROLE_STUDY]);
  if (text == NULL)
    {
      cell_error (error, sheet, row, sheet->at[ROLE_STUDY], "no study id");
      return FALSE;
    }
  plan->study = mte_project_lookup_study (sheet->project, text);
  if (plan->study == NULL)
    {
      g_autofree char *shown = mte_message_text (text, 80);

      cell_error (error, sheet, row, sheet->at[ROLE_STUDY],
                  "no study '%s' in the project (add it, or import the characteristics "
                  "sheet first)", shown);
      return FALSE;
    }

  text = cell (row, sheet->at[ROLE_ORDER]);
  if (text == NULL || !parse_order (text, &plan->order))
    {
      g_autofree char *shown = text != NULL ? mte_message_text (text, 40) : NULL;

      cell_error (error, sheet, row, sheet->at[ROLE_ORDER],
                  "order: %s%s%s (1, first or quote for participants' words; 2, second or "
                  "theme for the authors' interpretation)",
                  shown != NULL ? "'" : "", shown != NULL ? shown : "no order",
                  shown != NULL ? "' is not an order" : "");
      return FALSE;
    }

  plan->text = cell (row, sheet->at[ROLE_TEXT]);
  if (plan->text == NULL)
    {
      cell_error (error, sheet, row, sheet->at[ROLE_TEXT],
                  plan->order == MTE_CONSTRUCT_FIRST_ORDER ? "no text: the quote is empty"
                                                           : "no text: the interpretation is empty");
      return FALSE;
    }

  if ((text = cell (row, sheet->at[ROLE_ID])) != NULL)
    {
      if (!check_id_cell (sheet, row, sheet->at[ROLE_ID], text, "the construct id", error))
        return FALSE;
      if (mte_project_lookup (sheet->project, text) != NULL)
        {
          cell_error (error, sheet, row, sheet->at[ROLE_ID],
                      "the project already has an entity '%s'", text);
          return FALSE;
        }
      if (g_hash_table_contains (ids, text))
        {
          cell_error (error, sheet, row, sheet->at[ROLE_ID],
                      "the id '%s' is already used on an earlier row", text);
          return FALSE;
        }
      plan->id = g_strdup (text);
      g_hash_table_insert (ids, plan->id, GUINT_TO_POINTER (index + 1));
    }

  plan->speaker = cell (row, sheet->at[ROLE_SPEAKER]);
  if (plan->speaker != NULL && plan->order != MTE_CONSTRUCT_FIRST_ORDER)
    {
      cell_error (error, sheet, row, sheet->at[ROLE_SPEAKER],
                  "a speaker belongs to a quote (first order), not to an interpretation");
      return FALSE;
    }
  plan->page = cell (row, sheet->at[ROLE_PAGE]);
  plan->section = cell (row, sheet->at[ROLE_SECTION]);
  plan->label = cell (row, sheet->at[ROLE_LABEL]);
  if ((text = cell (row, sheet->at[ROLE_GROUNDING])) != NULL)
    {
      if (plan->order != MTE_CONSTRUCT_SECOND_ORDER)
        {
          cell_error (error, sheet, row, sheet->at[ROLE_GROUNDING],
                      "only an interpretation (second order) rests on quotes");
          return FALSE;
        }
      plan->grounding = split_list (text, ";, \t\n");
    }
  return TRUE;
}

/* STUDY-qN or STUDY-tN, N from 1, unused by the project and the sheet
 * (as mte_study_add_construct() would make it, without its counter). */
static char *
construct_id_for (Sheet         *sheet,
                  GHashTable    *ids,
                  ConstructPlan *plan)
{
  const char *study_id = mte_study_get_id (plan->study);
  g_autofree char *stem = g_strndup (study_id, MTE_ID_MAX_LENGTH - 2 - 10);
  const char *tag = plan->order == MTE_CONSTRUCT_FIRST_ORDER ? "q" : "t";

  for (guint n = 1;; n++)
    {
      char *id = g_strdup_printf ("%s-%s%u", stem, tag, n);

      if (mte_project_lookup (sheet->project, id) == NULL && !g_hash_table_contains (ids, id))
        return id;
      g_free (id);
    }
}

static gboolean
check_grounding (Sheet               *sheet,
                 const ConstructPlan *plan,
                 GHashTable          *ids,
                 GArray              *plans,
                 GError             **error)
{
  for (guint g = 0; plan->grounding != NULL && g < plan->grounding->len; g++)
    {
      const char *id = g_ptr_array_index (plan->grounding, g);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (ids, id));
      MteStudy *study = NULL;
      MteConstructOrder order = MTE_CONSTRUCT_SECOND_ORDER;
      g_autofree char *shown = mte_message_text (id, 80);

      if (index > 0)
        {
          const ConstructPlan *target = &g_array_index (plans, ConstructPlan, index - 1);

          study = target->study;
          order = target->order;
        }
      else
        {
          MteConstruct *target = mte_project_lookup_construct (sheet->project, id);

          if (target == NULL)
            {
              cell_error (error, sheet, plan->row, sheet->at[ROLE_GROUNDING],
                          "grounding: no quote '%s' in the project or the sheet", shown);
              return FALSE;
            }
          study = mte_construct_get_study (target);
          order = mte_construct_get_order (target);
        }
      if (order != MTE_CONSTRUCT_FIRST_ORDER || study != plan->study)
        {
          cell_error (error, sheet, plan->row, sheet->at[ROLE_GROUNDING],
                      "grounding: '%s' is not a quote (first order) of study '%s'", shown,
                      mte_study_get_id (plan->study));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_construct (const ConstructPlan *plan,
                 GError             **error)
{
  MteConstruct *c = mte_study_add_construct (plan->study, plan->id, plan->order, plan->text,
                                             error);

  return c != NULL &&
         (plan->speaker == NULL || mte_construct_set_speaker (c, plan->speaker, error)) &&
         (plan->page == NULL || mte_construct_set_page (c, plan->page, error)) &&
         (plan->section == NULL || mte_construct_set_section (c, plan->section, error)) &&
         (plan->label == NULL || mte_construct_set_label (c, plan->label, error));
}

static gboolean
apply_grounding (Sheet               *sheet,
                 const ConstructPlan *plan,
                 GError             **error)
{
  MteConstruct *c = mte_project_lookup_construct (sheet->project, plan->id);

  for (guint g = 0; plan->grounding != NULL && g < plan->grounding->len; g++)
    if (!mte_construct_add_grounding (c, g_ptr_array_index (plan->grounding, g), error))
      return FALSE;
  return TRUE;
}

static gboolean
import_constructs (Sheet       *sheet,
                   GArray      *rows,
                   guint        first,
                   gboolean     dry_run,
                   GError     **error)
{
  g_autoptr(GArray) plans = g_array_new (FALSE, TRUE, sizeof (ConstructPlan));
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 modified = mte_project_get_modified (sheet->project);

  g_array_set_clear_func (plans, construct_plan_clear);
  for (guint r = first; r < rows->len; r++)
    {
      ConstructPlan plan = { 0 };

      if (!plan_construct (sheet, &g_array_index (rows, Row, r), ids, plans->len, &plan, error))
        {
          if (plan.id != NULL)
            g_hash_table_remove (ids, plan.id);
          construct_plan_clear (&plan);
          return FALSE;
        }
      g_array_append_val (plans, plan);
    }
  /* Ids for the rows without one, then the groundings, which may name
   * quotes of any row. */
  for (guint i = 0; i < plans->len; i++)
    {
      ConstructPlan *plan = &g_array_index (plans, ConstructPlan, i);

      if (plan->id == NULL)
        {
          plan->id = construct_id_for (sheet, ids, plan);
          g_hash_table_insert (ids, plan->id, GUINT_TO_POINTER (i + 1));
        }
    }
  for (guint i = 0; i < plans->len; i++)
    if (!check_grounding (sheet, &g_array_index (plans, ConstructPlan, i), ids, plans, error))
      return FALSE;

  if (!dry_run)
    {
      g_autoptr(GError) local = NULL;
      const ConstructPlan *failed = NULL;
      guint made = 0;           /* plans[0, made) may have constructs */

      for (guint i = 0; i < plans->len && failed == NULL; i++)
        {
          const ConstructPlan *plan = &g_array_index (plans, ConstructPlan, i);

          made = i + 1;
          if (!apply_construct (plan, &local))
            failed = plan;
        }
      for (guint i = 0; i < plans->len && failed == NULL; i++)
        {
          const ConstructPlan *plan = &g_array_index (plans, ConstructPlan, i);

          if (!apply_grounding (sheet, plan, &local))
            failed = plan;
        }
      if (failed != NULL)
        {
          /* Checked above, so not expected: undo all the same. */
          for (guint i = made; i > 0; i--)
            {
              const char *id = g_array_index (plans, ConstructPlan, i - 1).id;

              if (mte_project_lookup (sheet->project, id) != NULL)
                mte_project_remove (sheet->project, id, MTE_REMOVE_CASCADE, NULL);
            }
          mte_project_set_modified (sheet->project, modified);
          cell_error (error, sheet, failed->row, 0, "%s", local->message);
          return FALSE;
        }
    }
  mte_import_set_sheet_counts (sheet->report, MTE_SHEET_CONSTRUCTS, plans->len, 0, 0,
                               plans->len);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The import                                                         */
/* ------------------------------------------------------------------ */

MteImport *
mte_project_import_sheet (MteProject         *project,
                          const char         *data,
                          gssize              length,
                          const char         *name,
                          MteSheetKind        kind,
                          const char * const *map,
                          MteImportFlags      flags,
                          GError            **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(MteImport) report = NULL;
  Sheet sheet = { 0 };
  gsize size, text_length = 0;
  gboolean cp1252 = FALSE;
  gboolean ok;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "<data>";
  size = length < 0 ? strlen (data) : (gsize) length;
  if (size > MTE_IMPORT_MAX_BYTES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 0, 0,
                            "the input is larger than %u MiB", MTE_IMPORT_MAX_BYTES >> 20);
      return NULL;
    }
  entries = parse_map (map, error);
  if (entries == NULL)
    return NULL;
  text = mte_import_decode_full (data, size, name, MTE_REFERENCE_FORMAT_CSV, TRUE,
                                 &text_length, &cp1252, error);
  if (text == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (rows, row_clear);
  if (!read_rows (text, text_length, name, rows, error))
    return NULL;
  if (rows->len == 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 0, 0,
                            "the sheet is empty (a header row is needed)");
      return NULL;
    }
  if (rows->len - 1 > MTE_IMPORT_MAX_REFERENCES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 0, 0,
                            "more than %u rows", MTE_IMPORT_MAX_REFERENCES);
      return NULL;
    }

  sheet.project = project;
  sheet.name = name;
  sheet.shown = mte_message_path (name);
  sheet.header = &g_array_index (rows, Row, 0);
  sheet.kind = kind != MTE_SHEET_AUTO ? kind : guess_kind (sheet.header, entries);
  report = mte_import_new (MTE_REFERENCE_FORMAT_CSV);
  sheet.report = report;

  ok = map_columns (&sheet, entries, flags, error);
  if (ok && cp1252)
    mte_import_add_problem_at (report, sheet.shown, 1, 0,
                               "the sheet is not UTF-8: read as windows-1252");
  for (guint i = 0; ok && sheet.kind == MTE_SHEET_CONSTRUCTS && i < sheet.n_columns; i++)
    if (sheet.columns[i].role == ROLE_NONE && sheet.columns[i].header[0] != '\0')
      {
        g_autofree char *shown = mte_message_text (sheet.columns[i].header, 80);
        g_autofree char *fields = list_fields (MTE_SHEET_CONSTRUCTS);
        g_autofree char *what = g_strdup_printf (
          "column '%s' is not carried: a constructs sheet has %s (map it to one, or "
          "leave it out with '%s=-')", shown, fields, shown);

        if (flags & MTE_IMPORT_STRICT)
          {
            mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, name,
                                  (int) sheet.header->number, (int) i + 1,
                                  "%s (a strict import carries every column or none)", what);
            ok = FALSE;
          }
        else
          mte_import_add_problem_at (report, sheet.shown, sheet.header->number, i + 1, what);
      }
  if (ok)
    ok = sheet.kind == MTE_SHEET_CONSTRUCTS
      ? import_constructs (&sheet, rows, 1, (flags & MTE_IMPORT_DRY_RUN) != 0, error)
      : import_studies (&sheet, rows, 1, (flags & MTE_IMPORT_DRY_RUN) != 0, error);
  g_free (sheet.columns);
  g_free (sheet.shown);
  if (!ok)
    return NULL;
  mte_import_sort_problems (report);
  return g_steal_pointer (&report);
}

MteImport *
mte_project_import_sheet_from_file (MteProject         *project,
                                    const char         *path,
                                    MteSheetKind        kind,
                                    const char * const *map,
                                    MteImportFlags      flags,
                                    GError            **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = mte_import_read_file (path, &length, error);
  if (data == NULL)
    return NULL;
  return mte_project_import_sheet (project, data, (gssize) length, path, kind, map, flags, error);
}
