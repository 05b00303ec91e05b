/* metaethno import FILE SOURCE... [--format F] [--search ID] [--as studies]
 *                  [--sheet KIND] [--map COLUMN=FIELD]... [--strict] [--dry-run]
 *
 * Reads reference files (RIS, BibTeX, CSL-JSON, EndNote XML, MEDLINE) into
 * the project's records, marking duplicates, and data-extraction sheets
 * (CSV) into its studies and constructs, through the locked
 * load-change-save of mte_cli_run_change(): all the SOURCEs or none, and a
 * refused import leaves FILE byte for byte as it was. One line per SOURCE
 * on standard output; each problem on standard error as "NAME:LINE: ...".
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-cli.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

typedef struct {
  char              **sources;
  MteReferenceFormat  format;
  const char         *search;
  MteImportFlags      flags;
  gboolean            dry_run;  /* import into memory only; say "would" */
  MteSheetKind        sheet;
  const char * const *map;
  MteRefiFormat       refi;     /* --format qdpx|qde|qdc */
  MteRefiMapping     *mapping;
  gboolean            mapped;   /* a mapping option was given */
  gboolean            json;     /* REFI reports as JSON */
} ImportRequest;

/* A SOURCE read as REFI-QDA: --format qdpx, qde or qdc, or no --format
 * and a name ending in .qdpx, .qde or .qdc. */
static gboolean
is_refi (const ImportRequest *r,
         const char          *source)
{
  g_autofree char *lower = NULL;

  if (r->refi != MTE_REFI_FORMAT_AUTO)
    return TRUE;
  if (r->format != MTE_REFERENCE_FORMAT_AUTO)
    return FALSE;
  lower = g_ascii_strdown (source, -1);
  return g_str_has_suffix (lower, ".qdpx") || g_str_has_suffix (lower, ".qde") ||
         g_str_has_suffix (lower, ".qdc");
}

/* A SOURCE read as a sheet: --format csv, or no --format and a name
 * ending in .csv or .tsv. */
static gboolean
is_sheet (const ImportRequest *r,
          const char          *source)
{
  g_autofree char *lower = NULL;

  if (r->format != MTE_REFERENCE_FORMAT_AUTO)
    return r->format == MTE_REFERENCE_FORMAT_CSV;
  lower = g_ascii_strdown (source, -1);
  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv");
}

/* Reads all of standard input, within the import's bound. */
static char *
read_stdin (gsize   *length,
            GError **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  char chunk[64 * 1024];
  size_t n;

  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    {
      if ((guint64) buffer->len + n > (256u << 20))
        {
          g_set_error (error, MTE_CLI_ERROR, MTE_CLI_ERROR_REFUSED,
                       "%s: the input is larger than 256 MiB", MTE_CLI_STDIN_NAME);
          return NULL;
        }
      g_string_append_len (buffer, chunk, (gssize) n);
    }
  if (ferror (stdin))
    {
      g_set_error (error, MTE_CLI_ERROR, MTE_CLI_ERROR_REFUSED,
                   "%s: cannot read standard input", MTE_CLI_STDIN_NAME);
      return NULL;
    }
  *length = buffer->len;
  return g_string_free (g_steal_pointer (&buffer), FALSE);
}

static MteImport *
import_one (MteProject          *project,
            const char          *source,
            const ImportRequest *r,
            const char          *search_id,
            GError             **error)
{
  g_autoptr(GError) local = NULL;
  MteImport *report;

  if (strcmp (source, MTE_CLI_STDIO) == 0)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      data = read_stdin (&length, error);
      if (data == NULL)
        return NULL;
      if (is_sheet (r, source))
        return mte_project_import_sheet (project, data, (gssize) length, MTE_CLI_STDIN_NAME,
                                         r->sheet, r->map, r->flags, error);
      return mte_project_import_references (project, data, (gssize) length, MTE_CLI_STDIN_NAME,
                                            r->format, search_id, r->flags, error);
    }

  if (is_sheet (r, source))
    report = mte_project_import_sheet_from_file (project, source, r->sheet, r->map, r->flags,
                                                 &local);
  else
    report = mte_project_import_references_from_file (project, source, r->format, search_id,
                                                      r->flags, &local);
  if (report == NULL && local->domain == G_FILE_ERROR)
    {
      g_autofree char *shown = mte_cli_display_path (source);
      const char *reason = g_strrstr (local->message, ": ");

      /* GLib says "Failed to open file “NAME”: REASON": keep REASON. */
      g_set_error (error, MTE_CLI_ERROR, MTE_CLI_ERROR_REFUSED, "%s: cannot be read: %s",
                   shown, reason != NULL ? reason + 2 : local->message);
      return NULL;
    }
  if (report == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return report;
}

/* "imported 19 records from refs.ris (2 duplicates, 0 skipped)". */
static char *
summary (const MteImport *report,
         const char      *source,
         gboolean         dry_run)
{
  g_autofree char *shown = strcmp (source, MTE_CLI_STDIO) == 0
    ? g_strdup (MTE_CLI_STDIN_NAME) : mte_cli_display_path (source);
  guint n_records = mte_import_get_n_records (report);
  guint n_skipped = 0;
  g_autofree char *studies = NULL;

  if (mte_import_get_sheet (report) == MTE_SHEET_STUDIES)
    {
      guint made = mte_import_get_n_studies (report);
      guint updated = mte_import_get_n_updated (report);

      return g_strdup_printf ("%s %u new stud%s and %u update%s from %s", dry_run ? "would import" : "imported",
                              made, made == 1 ? "y" : "ies", updated, updated == 1 ? "" : "s", shown);
    }
  if (mte_import_get_sheet (report) == MTE_SHEET_CONSTRUCTS)
    {
      guint made = mte_import_get_n_constructs (report);

      return g_strdup_printf ("%s %u construct%s from %s", dry_run ? "would import" : "imported",
                              made, made == 1 ? "" : "s", shown);
    }

  for (guint i = 0; i < mte_import_get_n_problems (report); i++)
    {
      gboolean skipped = FALSE;

      mte_import_get_problem (report, i, &skipped);
      n_skipped += skipped ? 1 : 0;
    }
  if (mte_import_get_n_studies (report) > 0)
    studies = g_strdup_printf (" and %u stud%s", mte_import_get_n_studies (report),
                               mte_import_get_n_studies (report) == 1 ? "y" : "ies");
  return g_strdup_printf ("%s %u record%s%s from %s (%u duplicate%s, %u skipped)",
                          dry_run ? "would import" : "imported",
                          n_records, n_records == 1 ? "" : "s", studies != NULL ? studies : "",
                          shown,
                          mte_import_get_n_duplicates (report),
                          mte_import_get_n_duplicates (report) == 1 ? "" : "s", n_skipped);
}

static void
print_problems (const MteImport *report)
{
  for (guint i = 0; i < mte_import_get_n_problems (report); i++)
    {
      gboolean skipped = FALSE;
      const char *problem = mte_import_get_problem (report, i, &skipped);
      g_autofree char *line = mte_cli_one_line (problem);

      fprintf (stderr, "%s%s\n", line, skipped ? " (skipped)" : "");
    }
}

/* A REFI-QDA SOURCE: the import with its data-loss report (on standard
 * output, text or JSON); when no code is mapped, the codebook to choose
 * from. */
static char *
import_refi (MteProject          *project,
             const char          *source,
             const ImportRequest *r,
             GError             **error)
{
  g_autoptr(MteRefiReport) report = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *shown = mte_cli_display_path (source);
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  /* The library's own bound on a .qdpx is 256 MiB; say so before
   * reading a larger file whole. */
  if (g_stat (source, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > (goffset) (256u << 20))
    {
      g_set_error (error, MTE_CLI_ERROR, MTE_CLI_ERROR_REFUSED,
                   "%s: the input is larger than 256 MiB", shown);
      return NULL;
    }
  if (!g_file_get_contents (source, &data, &length, &local))
    {
      const char *reason = g_strrstr (local->message, ": ");

      g_set_error (error, MTE_CLI_ERROR, MTE_CLI_ERROR_REFUSED, "%s: cannot be read: %s",
                   shown, reason != NULL ? reason + 2 : local->message);
      return NULL;
    }
  if (r->dry_run && !r->mapped)
    {
      g_autofree char *tree = mte_refi_describe (data, length, shown, r->json, &local);

      if (tree == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      /* As JSON, the codebook alone: one document a program reads to
       * choose the mapping (docs/schemas/refi-codebook.schema.json). */
      if (r->json)
        return g_steal_pointer (&tree);
      fputs (tree, stdout);
      fputc ('\n', stdout);
    }
  report = mte_project_import_refi (project, data, length, shown, r->refi, r->mapping,
                                    r->flags, &local);
  if (report == NULL)
    {
      /* A dry run without a mapping, of a file that does not follow the
       * convention: the codebook shown is the answer. */
      if (g_error_matches (local, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND) && r->dry_run && !r->mapped)
        return g_strdup_printf ("%s: no code of the metaethno convention; choose a mapping",
                                shown);
      /* Nothing mapped: show what there is to map. */
      if (g_error_matches (local, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND) && !r->dry_run)
        {
          g_autofree char *tree = mte_refi_describe (data, length, shown, FALSE, NULL);

          if (tree != NULL)
            fputs (tree, stdout);
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  /* JSON: the report alone, one document per source, so that a program
   * can read it (docs/schemas/refi-report.schema.json). */
  if (r->json)
    return mte_refi_report_to_json (report);
  text = mte_refi_report_to_text (report);
  return g_strdup_printf ("%s %s:\n%s", r->dry_run ? "would import from" : "imported from",
                          shown, text);
}

/* The change: every SOURCE in turn, each seeing the records of the ones
 * before it (so duplicates across them are found). */
static char *
import_all (MteProject  *project,
            const char  *file,
            gpointer     data,
            GError     **error)
{
  const ImportRequest *r = data;
  g_autoptr(GString) done = g_string_new (NULL);
  const char *search_id = NULL;

  if (r->search != NULL)
    {
      MteEntity *search = mte_cli_resolve (project, file, r->search,
                                           MTE_CLI_KINDS (MTE_CLI_KIND_SEARCH), error);

      if (search == NULL)
        return NULL;
      search_id = mte_entity_get_id (search);
    }

  for (guint i = 0; r->sources[i] != NULL; i++)
    {
      if (is_refi (r, r->sources[i]))
        {
          g_autofree char *text = import_refi (project, r->sources[i], r, error);

          if (text == NULL)
            return NULL;
          g_strchomp (text);
          g_string_append_printf (done, "%s%s", done->len > 0 ? "\n" : "", text);
          continue;
        }
      g_autoptr(MteImport) report = import_one (project, r->sources[i], r, search_id, error);
      g_autofree char *line = NULL;

      if (report == NULL)
        return NULL;
      print_problems (report);
      line = summary (report, r->sources[i], r->dry_run);
      g_string_append_printf (done, "%s%s", done->len > 0 ? "\n" : "", line);
    }
  return g_string_free (g_steal_pointer (&done), FALSE);
}

/* --dry-run: the same imports, into the loaded project only; nothing is
 * locked or saved. Each SOURCE is really added to the copy in memory, so
 * that duplicates across SOURCEs show as they would. */
static int
dry_run (const char    *path,
         ImportRequest *r)
{
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *done = NULL;

  project = mte_cli_load (path, &error);
  if (project == NULL)
    {
      mte_cli_print_error (path, error);
      return MTE_CLI_EXIT_INVALID;
    }
  display = mte_cli_display_path (path);
  done = import_all (project, display, r, &error);
  if (done == NULL)
    {
      if (error->domain == MTE_CLI_ERROR)
        {
          g_autofree char *line = mte_cli_one_line (error->message);

          fprintf (stderr, "%s: %s\n", mte_cli_program, line);
        }
      else
        mte_cli_print_error (path, error);
      return MTE_CLI_EXIT_INVALID;
    }
  printf ("%s\n", done);
  return MTE_CLI_EXIT_OK;
}

int
mte_cli_import (int    argc,
                char **argv)
{
  gboolean help = FALSE;
  gboolean strict = FALSE;
  gboolean dry = FALSE;
  g_autofree char *format_name = NULL;
  g_autofree char *search = NULL;
  g_autofree char *as = NULL;
  g_autofree char *sheet_name = NULL;
  g_auto(GStrv) map = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *first_order = NULL;
  g_autofree char *second_order = NULL;
  g_autofree char *concepts = NULL;
  g_autofree char *third_order = NULL;
  g_autofree char *study_unit = NULL;
  g_autofree char *mapping_file = NULL;
  gboolean match_existing = FALSE;
  gboolean json = FALSE;
  g_autoptr(MteRefiMapping) mapping = mte_refi_mapping_new ();
  const GOptionEntry entries[] = {
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      "ris, bibtex, csl-json, endnote-xml, nbib, csv, qdpx, qde or qdc (default: from the "
      "content; csv for .csv and .tsv; REFI-QDA for .qdpx, .qde and .qdc)",
      "FORMAT" },
    { "search", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &search,
      "The search that found these references (its id or source)", "SEARCH" },
    { "as", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &as,
      "'studies': also make each new reference an included study", "studies" },
    { "sheet", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &sheet_name,
      "csv: 'studies' or 'constructs' (default: from the header)", "KIND" },
    { "map", 'm', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &map,
      "csv: the column COLUMN holds FIELD ('-': leave it out); repeat for more", "COLUMN=FIELD" },
    { "strict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &strict,
      "Refuse the whole import when a reference cannot be read (csv: a column not carried)",
      NULL },
    { "dry-run", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &dry,
      "Show what the import would do; change nothing (REFI-QDA: and the codebook)", NULL },
    { "first-order", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &first_order,
      "REFI-QDA: the code (name or path) marking participants' words", "CODE" },
    { "second-order", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &second_order,
      "REFI-QDA: the code marking the authors' interpretations", "CODE" },
    { "concepts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &concepts,
      "REFI-QDA: the code whose codes are key concepts", "CODE" },
    { "third-order", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &third_order,
      "REFI-QDA: the code whose codes are third-order constructs", "CODE" },
    { "study", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &study_unit,
      "REFI-QDA: a study is a 'source' (default) or a 'case'", "UNIT" },
    { "match-existing", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &match_existing,
      "REFI-QDA: add to studies already in FILE with the same DOI or title", NULL },
    { "mapping", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &mapping_file,
      "REFI-QDA: read the mapping from a file (see docs/refi.md)", "MAP" },
    { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
      "REFI-QDA: print the codebook and the data-loss report as JSON", NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  ImportRequest r = { NULL, MTE_REFERENCE_FORMAT_AUTO, NULL, MTE_IMPORT_FLAGS_NONE, FALSE,
                      MTE_SHEET_AUTO, NULL, MTE_REFI_FORMAT_AUTO, NULL, FALSE, FALSE };
  int status;

  context = mte_cli_option_context_new (
    "import", "FILE SOURCE… [--format F] [--search SEARCH] [--as studies] [--sheet KIND] "
    "[--map COLUMN=FIELD]… [--strict] [--dry-run]",
    "Read reference files into FILE's records: RIS, BibTeX, CSL-JSON,\n"
    "EndNote XML or PubMed's MEDLINE (.nbib); read data-extraction sheets\n"
    "(CSV) into its studies and constructs.",
    "Each reference becomes an unscreened record. A record with the same DOI\n"
    "as one already in FILE or earlier in the import, or else the same title,\n"
    "year and first author, is marked a duplicate of the first (undo with\n"
    "'metaethno screen'). A reference that cannot be read is reported and\n"
    "skipped, or with --strict refuses the import. All SOURCEs are imported\n"
    "or none; a refused import leaves FILE as it was. SOURCE may be '-' for\n"
    "standard input.\n"
    "\n"
    "A study-characteristics sheet has a row per study: study, authors,\n"
    "year, sample-size, title, source, volume, issue, pages, doi, url,\n"
    "country, setting, participants, condition, data-collection, analysis,\n"
    "notes; other columns become study attributes. A constructs sheet has a\n"
    "row per quote or theme: study, order (1/quote or 2/theme), id, text,\n"
    "speaker, page, section, label, grounding (ids of quotes). Headers match\n"
    "ignoring case, spaces, '-' and '_'; --map names the rest. Any bad cell\n"
    "refuses the sheet with NAME:ROW:COLUMN: what. See docs/references.md.\n"
    "\n"
    "A REFI-QDA project (.qdpx, .qde) from NVivo, ATLAS.ti, MAXQDA or\n"
    "QualCoder brings in its coding: sources become studies, selections\n"
    "coded under --first-order and --second-order become constructs, codes\n"
    "under --concepts key concepts (a selection coded with one expresses it),\n"
    "codes under --third-order third-order constructs, users team members,\n"
    "notes memos; a codebook (.qdc) brings concepts and third-order\n"
    "constructs. Without mapping options the metaethno convention's codes\n"
    "are used ('First-order constructs', ...); with --dry-run and no mapping\n"
    "the codebook is shown as a tree with counts, to choose from. Every\n"
    "element not carried is listed with its reason. See docs/refi.md.\n"
    "\n"
    "Prints one line per SOURCE; problems go to standard error as\n"
    "NAME:LINE: what.\n"
    "\n"
    "Examples:\n"
    "  metaethno import review.xml medline.nbib cinahl.ris --search medline\n"
    "  metaethno import review.xml studies.csv quotes.csv --map 'Quote text=text'\n"
    "  metaethno import review.xml coding.qdpx --dry-run\n"
    "  metaethno import review.xml coding.qdpx --first-order Quotes --second-order Themes\n"
    "\n"
    "Exit status: 0 on success, 1 when an input is refused (FILE is then left\n"
    "as it was), 2 for a usage error.", entries, &help);
  if (!mte_cli_parse (context, "import", &argc, &argv, &help, &status))
    return status;
  if (rest == NULL || rest[0] == NULL)
    return mte_cli_usage_error ("import", "no FILE given");
  if (rest[1] == NULL)
    return mte_cli_usage_error ("import", "no SOURCE given");
  if (format_name != NULL)
    {
      int format = mte_reference_format_from_string (format_name);
      int refi = mte_refi_format_from_string (format_name);

      if (refi > 0)
        r.refi = (MteRefiFormat) refi;
      else if (format < 0 || format == MTE_REFERENCE_FORMAT_AUTO)
        return mte_cli_usage_error ("import", "unknown format '%s' "
                                    "(ris, bibtex, csl-json, endnote-xml, nbib, csv, qdpx, qde or qdc)",
                                    format_name);
      else
        r.format = (MteReferenceFormat) format;
    }
  {
    const char *codes[] = { first_order, second_order, concepts, third_order };
    g_autoptr(GError) error = NULL;

    if (mapping_file != NULL && !mte_refi_mapping_load_file (mapping, mapping_file, &error))
      {
        g_autofree char *line = mte_cli_one_line (error->message);

        fprintf (stderr, "%s: %s\n", mte_cli_program, line);
        return MTE_CLI_EXIT_INVALID;
      }
    r.mapped = mapping_file != NULL;
    for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
      if (codes[i] != NULL)
        {
          if (!mte_refi_mapping_set_code (mapping, (MteRefiRole) i, codes[i], &error))
            return mte_cli_usage_error ("import", "%s", error->message);
          r.mapped = TRUE;
        }
    if (study_unit != NULL)
      {
        if (strcmp (study_unit, "source") != 0 && strcmp (study_unit, "case") != 0)
          return mte_cli_usage_error ("import", "--study takes 'source' or 'case', not '%s'", study_unit);
        mte_refi_mapping_set_study_unit (mapping, strcmp (study_unit, "case") == 0
                                                  ? MTE_REFI_STUDY_PER_CASE : MTE_REFI_STUDY_PER_SOURCE);
        r.mapped = TRUE;
      }
    if (match_existing)
      {
        mte_refi_mapping_set_match_existing (mapping, TRUE);
        r.mapped = TRUE;
      }
    r.mapping = mapping;
    r.json = json;
  }
  if (sheet_name != NULL)
    {
      int kind = mte_sheet_kind_from_string (sheet_name);

      if (kind < 0)
        return mte_cli_usage_error ("import", "--sheet takes 'studies' or 'constructs', not '%s'",
                                    sheet_name);
      r.sheet = (MteSheetKind) kind;
    }
  r.map = (const char * const *) map;
  if ((map != NULL || sheet_name != NULL) && r.format != MTE_REFERENCE_FORMAT_AUTO &&
      r.format != MTE_REFERENCE_FORMAT_CSV)
    return mte_cli_usage_error ("import", "--map and --sheet are for CSV sheets");
  if (r.format == MTE_REFERENCE_FORMAT_CSV && (search != NULL || as != NULL))
    return mte_cli_usage_error ("import", "--search and --as are for references, not CSV sheets");
  if (as != NULL)
    {
      if (strcmp (as, "studies") == 0)
        r.flags |= MTE_IMPORT_AS_STUDIES;
      else if (strcmp (as, "records") != 0)
        return mte_cli_usage_error ("import", "--as takes 'studies', not '%s'", as);
    }
  if (strict)
    r.flags |= MTE_IMPORT_STRICT;
  r.sources = rest + 1;
  r.search = search;

  if (dry)
    {
      r.dry_run = TRUE;
      return dry_run (rest[0], &r);
    }
  return mte_cli_run_change ("import", rest[0], import_all, &r);
}
