/* metaethno: the reference import (mte-references.h): bytes to text,
 * formats by name and by content, and the records made from what the
 * parsers read, with duplicates found, all or nothing, and a report.
 *
 * The parsers of each format (mte-ris.c, mte-nbib.c, mte-bibtex.c,
 * mte-csl-json.c, mte-endnote-xml.c) turn text into MteCitation values;
 * this file alone changes the project, through the public model API.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-citation-private.h"
#include "mte-error-private.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

/* ------------------------------------------------------------------ */
/* Format names and sniffing                                           */
/* ------------------------------------------------------------------ */

static const char * const format_names[] = {
  [MTE_REFERENCE_FORMAT_AUTO] = "auto",
  [MTE_REFERENCE_FORMAT_RIS] = "ris",
  [MTE_REFERENCE_FORMAT_BIBTEX] = "bibtex",
  [MTE_REFERENCE_FORMAT_CSL_JSON] = "csl-json",
  [MTE_REFERENCE_FORMAT_ENDNOTE_XML] = "endnote-xml",
  [MTE_REFERENCE_FORMAT_NBIB] = "nbib",
  [MTE_REFERENCE_FORMAT_CSV] = "csv",
};

const char *
mte_reference_format_to_string (MteReferenceFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_names))
    return NULL;
  return format_names[format];
}

int
mte_reference_format_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (strcmp (name, format_names[i]) == 0)
      return (int) i;
  return -1;
}

/* How much of the start of a file sniffing looks at. */
#define SNIFF_WINDOW 65536

static gboolean
has_prefix_len (const char *p,
                const char *end,
                const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

/* A RIS tag line for "TY": "TY  -", also written "TY -". */
static gboolean
is_ris_start (const char *p,
              const char *end)
{
  return has_prefix_len (p, end, "TY  -") || has_prefix_len (p, end, "TY -");
}

static gboolean
is_bibtex_entry (const char *p,
                 const char *end)
{
  if (p >= end || *p != '@')
    return FALSE;
  p++;
  if (p >= end || !g_ascii_isalpha (*p))
    return FALSE;
  while (p < end && (g_ascii_isalnum (*p) || *p == '_' || *p == '-'))
    p++;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p < end && (*p == '{' || *p == '(');
}

static gboolean
window_contains (const char *p,
                 const char *end,
                 const char *needle)
{
  gsize n = strlen (needle);

  for (; (gsize) (end - p) >= n; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static MteReferenceFormat
sniff_text (const char *start,
            const char *end)
{
  const char *p = start;
  gboolean first = TRUE;

  while (p < end)
    {
      const char *line_end = memchr (p, '\n', end - p);
      const char *q = p;

      if (line_end == NULL)
        line_end = end;
      while (q < line_end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\f' || *q == '\v'))
        q++;
      if (q < line_end)
        {
          if (first && *q == '[')
            return MTE_REFERENCE_FORMAT_CSL_JSON;
          if (first && *q == '<')
            return window_contains (q, end, "<xml") && window_contains (q, end, "<records")
              ? MTE_REFERENCE_FORMAT_ENDNOTE_XML : MTE_REFERENCE_FORMAT_AUTO;
          if (is_ris_start (p, line_end))
            return MTE_REFERENCE_FORMAT_RIS;
          if (has_prefix_len (p, line_end, "PMID-"))
            return MTE_REFERENCE_FORMAT_NBIB;
          if (is_bibtex_entry (q, line_end))
            return MTE_REFERENCE_FORMAT_BIBTEX;
          first = FALSE;
        }
      p = line_end + 1;
    }
  return MTE_REFERENCE_FORMAT_AUTO;
}

MteReferenceFormat
mte_reference_format_sniff (const char *data,
                            gsize       length)
{
  const guchar *bytes = (const guchar *) data;

  g_return_val_if_fail (data != NULL || length == 0, MTE_REFERENCE_FORMAT_AUTO);

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) ||
                      (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      /* UTF-16: what matters is ASCII, so keep the byte that carries it. */
      gboolean little = bytes[0] == 0xFF;
      gsize n = MIN ((length - 2) / 2, (gsize) SNIFF_WINDOW);
      g_autofree char *ascii = g_malloc (n + 1);

      for (gsize i = 0; i < n; i++)
        {
          guchar lo = bytes[2 + 2 * i + (little ? 0 : 1)];
          guchar hi = bytes[2 + 2 * i + (little ? 1 : 0)];

          ascii[i] = hi == 0 && lo < 0x80 ? (char) lo : '?';
        }
      ascii[n] = '\0';
      return sniff_text (ascii, ascii + n);
    }
  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }
  return sniff_text (data, data + MIN (length, (gsize) SNIFF_WINDOW));
}

/* ------------------------------------------------------------------ */
/* Decoding                                                           */
/* ------------------------------------------------------------------ */

/* windows-1252's 0x80 to 0x9F; the five bytes it leaves undefined become
 * U+FFFD. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

typedef enum {
  ENCODING_UTF8,
  ENCODING_CP1252,
  ENCODING_LATIN1
} Encoding;

/* BibTeX's "% Encoding: NAME" (JabRef writes it) in the first lines. */
static Encoding
declared_encoding (const char *data,
                   gsize       length)
{
  const char *p = data, *end = data + MIN (length, (gsize) 4096);

  for (guint line = 0; line < 20 && p < end; line++)
    {
      const char *line_end = memchr (p, '\n', end - p);
      const char *q = p;

      if (line_end == NULL)
        line_end = end;
      if (q < line_end && *q == '%')
        {
          q++;
          while (q < line_end && *q == ' ')
            q++;
          if (line_end - q > 9 && g_ascii_strncasecmp (q, "encoding:", 9) == 0)
            {
              g_autofree char *value = g_strstrip (g_strndup (q + 9, line_end - q - 9));
              GString *name = g_string_new (NULL);
              Encoding encoding = ENCODING_UTF8;

              for (const char *c = value; *c != '\0'; c++)
                if (g_ascii_isalnum (*c))
                  g_string_append_c (name, g_ascii_tolower (*c));
              if (strcmp (name->str, "windows1252") == 0 || strcmp (name->str, "cp1252") == 0)
                encoding = ENCODING_CP1252;
              else if (strcmp (name->str, "iso88591") == 0 || strcmp (name->str, "latin1") == 0 ||
                       strcmp (name->str, "iso885911987") == 0)
                encoding = ENCODING_LATIN1;
              g_string_free (name, TRUE);
              return encoding;
            }
        }
      p = line_end + 1;
    }
  return ENCODING_UTF8;
}

/* Where byte @offset of @text falls, 1-based, columns in characters;
 * CR LF and a lone CR end a line as LF does. */
static void
locate (const char *text,
        gsize       offset,
        int        *line,
        int        *column)
{
  const char *line_start = text;
  int l = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n')))
      {
        l++;
        line_start = text + i + 1;
      }
  *line = l;
  *column = (int) g_utf8_strlen (line_start, text + offset - line_start) + 1;
}

static char *
decode_utf16 (const guchar *bytes,
              gsize         length,
              gboolean      little,
              const char   *name,
              GError      **error)
{
  GString *out = g_string_sized_new (length);
  int line = 1, column = 1;

  for (gsize i = 0; i + 1 < length; i += 2)
    {
      gunichar u = little ? (bytes[i] | bytes[i + 1] << 8) : (bytes[i] << 8 | bytes[i + 1]);

      if (u >= 0xD800 && u <= 0xDBFF)
        {
          gunichar low = 0;

          if (i + 3 < length)
            low = little ? (bytes[i + 2] | bytes[i + 3] << 8) : (bytes[i + 2] << 8 | bytes[i + 3]);
          if (low < 0xDC00 || low > 0xDFFF)
            {
              mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column,
                                    "not valid UTF-16 (a lone surrogate)");
              g_string_free (out, TRUE);
              return NULL;
            }
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
          i += 2;
        }
      else if (u >= 0xDC00 && u <= 0xDFFF)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column,
                                "not valid UTF-16 (a lone surrogate)");
          g_string_free (out, TRUE);
          return NULL;
        }
      if (u == 0)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column,
                                "a NUL character");
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_unichar (out, u);
      if (u == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }
  if (length % 2 != 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column,
                            "not valid UTF-16 (an odd number of bytes)");
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
decode_single_byte (const guchar *bytes,
                    gsize         length,
                    Encoding      encoding)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = bytes[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0 && encoding == ENCODING_CP1252)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }
  return g_string_free (out, FALSE);
}

char *
mte_import_decode (const char          *data,
                   gsize                length,
                   const char          *name,
                   MteReferenceFormat   format,
                   gsize               *text_length,
                   GError             **error)
{
  return mte_import_decode_full (data, length, name, format, FALSE, text_length, NULL, error);
}

char *
mte_import_decode_full (const char          *data,
                        gsize                length,
                        const char          *name,
                        MteReferenceFormat   format,
                        gboolean             cp1252_fallback,
                        gsize               *text_length,
                        gboolean            *used_fallback,
                        GError             **error)
{
  const guchar *bytes = (const guchar *) data;
  g_autofree char *converted = NULL;
  const char *text;
  gsize n;
  const char *bad;
  char *out, *w;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) ||
                      (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      converted = decode_utf16 (bytes + 2, length - 2, bytes[0] == 0xFF, name, error);
      if (converted == NULL)
        return NULL;
      text = converted;
      n = strlen (converted);
    }
  else
    {
      Encoding encoding = ENCODING_UTF8;

      if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
          data += 3;
          length -= 3;
        }
      else if (format == MTE_REFERENCE_FORMAT_BIBTEX || format == MTE_REFERENCE_FORMAT_AUTO)
        encoding = declared_encoding (data, length);
      else if (cp1252_fallback && !g_utf8_validate_len (data, length, NULL) &&
               memchr (data, '\0', length) == NULL)
        encoding = ENCODING_CP1252;
      if (used_fallback != NULL)
        *used_fallback = encoding == ENCODING_CP1252 && cp1252_fallback;

      if (encoding != ENCODING_UTF8)
        {
          if (memchr (data, '\0', length) != NULL)
            {
              int line, column;

              locate (data, (const char *) memchr (data, '\0', length) - data, &line, &column);
              mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column,
                                    "a NUL byte");
              return NULL;
            }
          converted = decode_single_byte ((const guchar *) data, length, encoding);
          text = converted;
          n = strlen (converted);
        }
      else
        {
          text = data;
          n = length;
          if (!g_utf8_validate_len (text, n, &bad))
            {
              int line, column;

              locate (text, bad - text, &line, &column);
              if (*bad == '\0')
                mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column,
                                      "a NUL byte");
              else
                mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column,
                                      "not valid UTF-8 (byte 0x%02X); save the file as UTF-8",
                                      (guint) (guchar) *bad);
              return NULL;
            }
        }
    }

  /* CR LF and CR to LF. */
  out = g_malloc (n + 1);
  w = out;
  for (gsize i = 0; i < n; i++)
    {
      if (text[i] == '\r')
        {
          *w++ = '\n';
          if (i + 1 < n && text[i + 1] == '\n')
            i++;
        }
      else
        *w++ = text[i];
    }
  *w = '\0';
  if (text_length != NULL)
    *text_length = w - out;
  return out;
}

/* ------------------------------------------------------------------ */
/* The report                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  char *id;
  char *original_id;
  const char *rule;             /* static */
} Duplicate;

typedef struct {
  guint     line;
  guint     column;
  gboolean  skipped;
  char     *text;
} Problem;

struct _MteImport {
  MteReferenceFormat format;
  MteSheetKind       sheet;
  guint              n_read;
  GPtrArray         *record_ids;  /* char* */
  GArray            *duplicates;  /* Duplicate */
  guint              n_studies;
  guint              n_updated;
  guint              n_constructs;
  GArray            *problems;    /* Problem */
};

static void
duplicate_clear (gpointer data)
{
  Duplicate *d = data;

  g_free (d->id);
  g_free (d->original_id);
}

static void
problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->text);
}

MteImport *
mte_import_new (MteReferenceFormat format)
{
  MteImport *report = g_new0 (MteImport, 1);

  report->format = format;
  report->record_ids = g_ptr_array_new_with_free_func (g_free);
  report->duplicates = g_array_new (FALSE, TRUE, sizeof (Duplicate));
  g_array_set_clear_func (report->duplicates, duplicate_clear);
  report->problems = g_array_new (FALSE, TRUE, sizeof (Problem));
  g_array_set_clear_func (report->problems, problem_clear);
  return report;
}

void
mte_import_free (MteImport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->record_ids);
  g_array_unref (report->duplicates);
  g_array_unref (report->problems);
  g_free (report);
}

MteReferenceFormat
mte_import_get_format (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, MTE_REFERENCE_FORMAT_AUTO);
  return report->format;
}

guint
mte_import_get_n_read (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_read;
}

guint
mte_import_get_n_records (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->record_ids->len;
}

const char *
mte_import_get_record_id (const MteImport *report,
                          guint            index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->record_ids->len, NULL);
  return g_ptr_array_index (report->record_ids, index);
}

guint
mte_import_get_n_duplicates (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->duplicates->len;
}

const char *
mte_import_get_duplicate (const MteImport *report,
                          guint            index,
                          const char     **original_id,
                          const char     **rule)
{
  const Duplicate *d;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->duplicates->len, NULL);
  d = &g_array_index (report->duplicates, Duplicate, index);
  if (original_id != NULL)
    *original_id = d->original_id;
  if (rule != NULL)
    *rule = d->rule;
  return d->id;
}

guint
mte_import_get_n_studies (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_studies;
}

MteSheetKind
mte_import_get_sheet (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, MTE_SHEET_AUTO);
  return report->sheet;
}

guint
mte_import_get_n_updated (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_updated;
}

guint
mte_import_get_n_constructs (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_constructs;
}

void
mte_import_set_sheet_counts (MteImport    *report,
                             MteSheetKind  sheet,
                             guint         n_read,
                             guint         n_studies,
                             guint         n_updated,
                             guint         n_constructs)
{
  report->sheet = sheet;
  report->n_read = n_read;
  report->n_studies = n_studies;
  report->n_updated = n_updated;
  report->n_constructs = n_constructs;
}

guint
mte_import_get_n_problems (const MteImport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->problems->len;
}

const char *
mte_import_get_problem (const MteImport *report,
                        guint            index,
                        gboolean        *skipped)
{
  const Problem *p;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->problems->len, NULL);
  p = &g_array_index (report->problems, Problem, index);
  if (skipped != NULL)
    *skipped = p->skipped;
  return p->text;
}

static void
add_problem (MteImport  *report,
             const char *shown_name,
             guint       line,
             gboolean    skipped,
             const char *message)
{
  Problem p = { line, 0, skipped, g_strdup_printf ("%s:%u: %s", shown_name, line, message) };

  g_array_append_val (report->problems, p);
}

void
mte_import_add_problem_at (MteImport  *report,
                           const char *shown_name,
                           guint       row,
                           guint       column,
                           const char *message)
{
  Problem p = { row, column, FALSE, NULL };

  p.text = column > 0 ? g_strdup_printf ("%s:%u:%u: %s", shown_name, row, column, message)
                      : g_strdup_printf ("%s:%u: %s", shown_name, row, message);
  g_array_append_val (report->problems, p);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = a, *y = b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

/* ------------------------------------------------------------------ */
/* Duplicates                                                         */
/* ------------------------------------------------------------------ */

#define RULE_DOI   "same DOI"
#define RULE_TITLE "same title, year and first author"

/* @doi without "https://doi.org/", "http://dx.doi.org/", "doi:" and the
 * like, trimmed; case kept. Returns: (transfer full) (nullable). */
static char *
bare_doi (const char *doi)
{
  static const char * const prefixes[] = {
    "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
    "doi.org/", "dx.doi.org/", "http://doi.acm.org/", "https://doi.acm.org/", "doi:",
  };
  g_autofree char *text = NULL;
  const char *p;
  gboolean again = TRUE;

  if (doi == NULL)
    return NULL;
  text = g_strstrip (g_strdup (doi));
  p = text;
  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
        if (g_ascii_strncasecmp (p, prefixes[i], strlen (prefixes[i])) == 0)
          {
            p += strlen (prefixes[i]);
            while (*p == ' ')
              p++;
            again = TRUE;
          }
    }
  return *p != '\0' ? g_strdup (p) : NULL;
}

/* The DOI as duplicates compare it: bare and lower case; NULL for text
 * that is no DOI (every DOI starts "10."; EndNote's sample files hold the
 * word "DOI"). */
static char *
doi_key_of_bare (const char *bare)
{
  if (bare == NULL || !g_str_has_prefix (bare, "10."))
    return NULL;
  return g_ascii_strdown (bare, -1);
}

static char *
doi_key (const char *doi)
{
  g_autofree char *bare = bare_doi (doi);

  return doi_key_of_bare (bare);
}

/* Letters and digits of @text, case-folded, without diacritics, HTML tags,
 * LaTeX commands and braces, punctuation or spaces. */
static char *
normalise_text (const char *text)
{
  GString *plain = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char *p;

  for (p = text; *p != '\0'; )
    {
      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/'))
        {
          const char *close = strchr (p, '>');
          const char *next_open = strchr (p + 1, '<');

          if (close != NULL && (next_open == NULL || close < next_open) && close - p < 64)
            {
              p = close + 1;
              g_string_append_c (plain, ' ');
              continue;
            }
        }
      if (*p == '\\')
        {
          p++;
          while (g_ascii_isalpha (*p))
            p++;
          continue;
        }
      if (*p == '{' || *p == '}')
        {
          p++;
          continue;
        }
      g_string_append_c (plain, *p);
      p++;
    }

  folded = g_utf8_casefold (plain->str, -1);
  g_string_free (plain, TRUE);
  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed,
                                           G_N_ELEMENTS (decomposed));

      for (gsize i = 0; i < n; i++)
        if (g_unichar_isalnum (decomposed[i]))
          g_string_append_unichar (out, g_unichar_tolower (decomposed[i]));
    }
  return g_string_free (out, FALSE);
}

/* "title|year|family" for the second rule, or NULL when there is no title
 * or neither a year nor an author to go with it. */
static char *
title_key (const char         *title,
           int                 year,
           const char * const *authors)
{
  g_autofree char *t = NULL;
  g_autofree char *family = NULL;

  if (title == NULL)
    return NULL;
  t = normalise_text (title);
  if (*t == '\0')
    return NULL;
  if (authors != NULL && authors[0] != NULL)
    {
      const char *comma = strchr (authors[0], ',');
      g_autofree char *part = comma != NULL ? g_strndup (authors[0], comma - authors[0])
                                            : g_strdup (authors[0]);

      family = normalise_text (part);
    }
  if (year == 0 && (family == NULL || *family == '\0'))
    return NULL;
  return g_strdup_printf ("%s|%d|%s", t, year, family != NULL ? family : "");
}

typedef struct {
  GHashTable *by_doi;    /* key -> original id (owned) */
  GHashTable *by_title;  /* key -> TitleEntry */
} DuplicateIndex;

typedef struct {
  char     *id;
  gboolean  has_doi;
} TitleEntry;

static void
title_entry_free (gpointer data)
{
  TitleEntry *e = data;

  g_free (e->id);
  g_free (e);
}

static void
index_init (DuplicateIndex *index)
{
  index->by_doi = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index->by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, title_entry_free);
}

static void
index_clear (DuplicateIndex *index)
{
  g_hash_table_unref (index->by_doi);
  g_hash_table_unref (index->by_title);
}

/* Remembers a record under its keys, pointing at @original_id, unless an
 * earlier one holds them. Takes @doi and @title. */
static void
index_add (DuplicateIndex *index,
           char           *doi,
           char           *title,
           const char     *original_id)
{
  if (doi != NULL && !g_hash_table_contains (index->by_doi, doi))
    g_hash_table_insert (index->by_doi, g_strdup (doi), g_strdup (original_id));
  if (title != NULL && !g_hash_table_contains (index->by_title, title))
    {
      TitleEntry *e = g_new0 (TitleEntry, 1);

      e->id = g_strdup (original_id);
      e->has_doi = doi != NULL;
      g_hash_table_insert (index->by_title, title, e);
      title = NULL;
    }
  g_free (doi);
  g_free (title);
}

/* Returns: (transfer none) (nullable): the original @doi or @title
 * duplicates, with the rule that matched in @rule. Two records with
 * different DOIs are never duplicates by title. */
static const char *
index_find (DuplicateIndex  *index,
            const char      *doi,
            const char      *title,
            const char     **rule)
{
  const char *original;

  if (doi != NULL && (original = g_hash_table_lookup (index->by_doi, doi)) != NULL)
    {
      *rule = RULE_DOI;
      return original;
    }
  if (title != NULL)
    {
      TitleEntry *e = g_hash_table_lookup (index->by_title, title);

      if (e != NULL && !(e->has_doi && doi != NULL))
        {
          *rule = RULE_TITLE;
          return e->id;
        }
    }
  return NULL;
}

static void
index_project (DuplicateIndex   *index,
               const MteProject *project)
{
  for (guint i = 0; i < mte_project_get_n_records (project); i++)
    {
      const MteRecord *record = mte_project_get_record (project, i);
      const MteRecord *original = mte_record_get_duplicate_of (record);

      if (original == NULL)
        original = record;
      index_add (index, doi_key (mte_record_get_field (record, MTE_RECORD_DOI)),
                 title_key (mte_record_get_field (record, MTE_RECORD_TITLE),
                            mte_record_get_year (record), mte_record_get_authors (record)),
                 mte_record_get_id (original));
    }
}

/* ------------------------------------------------------------------ */
/* Planning and applying                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  MteCitation *citation;       /* borrowed */
  char        *record_id;
  char        *doi;            /* bare */
  char        *duplicate_of;   /* nullable */
  const char  *rule;
  char        *study_id;       /* nullable */
} Plan;

static void
plan_clear (gpointer data)
{
  Plan *plan = data;

  g_free (plan->record_id);
  g_free (plan->doi);
  g_free (plan->duplicate_of);
  g_free (plan->study_id);
}

static gboolean
id_free_to_use (MteProject *project,
                GHashTable *planned,
                const char *id)
{
  return mte_project_lookup (project, id) == NULL && !g_hash_table_contains (planned, id);
}

/* The next "record-N" neither the project nor this import uses, from
 * N = the number of records + 1 up. (Not mte_project_generate_id(): it
 * counts the ids it hands out, so a dry run would shift the real ids.) */
static char *
plan_record_id (MteProject *project,
                GHashTable *planned,
                guint      *next)
{
  if (*next == 0)
    *next = mte_project_get_n_records (project) + 1;
  for (;; (*next)++)
    {
      char *id = g_strdup_printf ("record-%u", *next);

      if (id_free_to_use (project, planned, id))
        {
          (*next)++;
          g_hash_table_add (planned, id);
          return g_strdup (id);
        }
      g_free (id);
    }
}

/* "trindade2019" from the first author's family name and the year (the
 * title when there is no author), unused by the project and this import. */
static char *
plan_study_id (MteProject        *project,
               GHashTable        *planned,
               const MteCitation *citation)
{
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  char *id;

  if (citation->authors->len > 0)
    {
      const char *first = g_ptr_array_index (citation->authors, 0);
      const char *comma = strchr (first, ',');
      g_autofree char *family = comma != NULL ? g_strndup (first, comma - first) : g_strdup (first);

      text = citation->year > 0 ? g_strdup_printf ("%s%d", family, citation->year) : g_strdup (family);
    }
  else if (citation->fields[MTE_RECORD_TITLE] != NULL)
    text = g_utf8_substring (citation->fields[MTE_RECORD_TITLE], 0,
                             MIN (40, g_utf8_strlen (citation->fields[MTE_RECORD_TITLE], -1)));
  base = mte_project_generate_slug_id (project, text, "study");
  id = g_strdup (base);
  for (guint n = 2; !id_free_to_use (project, planned, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (planned, g_strdup (id));
  return id;
}

/* The study fields a record's citation carries over. */
static const struct { MteRecordField record; MteStudyField study; } study_fields[] = {
  { MTE_RECORD_TITLE, MTE_STUDY_TITLE },
  { MTE_RECORD_SOURCE, MTE_STUDY_SOURCE },
  { MTE_RECORD_VOLUME, MTE_STUDY_VOLUME },
  { MTE_RECORD_ISSUE, MTE_STUDY_ISSUE },
  { MTE_RECORD_PAGES, MTE_STUDY_PAGES },
  { MTE_RECORD_DOI, MTE_STUDY_DOI },
  { MTE_RECORD_URL, MTE_STUDY_URL },
};

static const char *
plan_field (const Plan    *plan,
            MteRecordField field)
{
  return field == MTE_RECORD_DOI ? plan->doi : plan->citation->fields[field];
}

/* NULL-terminated view of a GPtrArray of strings (borrowed). */
static const char * const *
strv_view (GPtrArray *array)
{
  if (array->len == 0 || g_ptr_array_index (array, array->len - 1) != NULL)
    g_ptr_array_add (array, NULL);
  return (const char * const *) array->pdata;
}

static void
strv_unview (GPtrArray *array)
{
  if (array->len > 0 && g_ptr_array_index (array, array->len - 1) == NULL)
    g_ptr_array_set_size (array, array->len - 1);
}

static gboolean
apply_plan (MteProject  *project,
            const Plan  *plan,
            const char  *search_id,
            GPtrArray   *added,
            GError     **error)
{
  MteCitation *c = plan->citation;
  MteRecord *record;
  gboolean ok = TRUE;

  record = mte_project_add_record (project, plan->record_id, error);
  if (record == NULL)
    return FALSE;
  g_ptr_array_add (added, g_strdup (plan->record_id));

  for (guint f = 0; f < MTE_RECORD_N_FIELDS && ok; f++)
    if (plan_field (plan, f) != NULL)
      ok = mte_record_set_field (record, f, plan_field (plan, f), error);
  if (ok && c->authors->len > 0)
    {
      ok = mte_record_set_authors (record, strv_view (c->authors), error);
      strv_unview (c->authors);
    }
  if (ok && c->year != 0)
    ok = mte_record_set_year (record, c->year, error);
  if (ok && c->keywords->len > 0)
    {
      ok = mte_record_set_keywords (record, strv_view (c->keywords), error);
      strv_unview (c->keywords);
    }
  if (ok && search_id != NULL)
    ok = mte_record_add_search (record, search_id, error);
  if (ok && plan->duplicate_of != NULL)
    ok = mte_record_set_fate (record, MTE_FATE_DUPLICATE, plan->duplicate_of, plan->rule,
                              NULL, 0, error);
  if (ok && plan->study_id != NULL)
    {
      MteStudy *study = mte_project_add_study (project, plan->study_id, error);

      ok = study != NULL;
      if (ok)
        g_ptr_array_add (added, g_strdup (plan->study_id));
      for (guint i = 0; i < G_N_ELEMENTS (study_fields) && ok; i++)
        if (plan_field (plan, study_fields[i].record) != NULL)
          ok = mte_study_set_field (study, study_fields[i].study,
                                    plan_field (plan, study_fields[i].record), error);
      if (ok && c->authors->len > 0)
        {
          ok = mte_study_set_authors (study, strv_view (c->authors), error);
          strv_unview (c->authors);
        }
      if (ok && c->year != 0)
        ok = mte_study_set_year (study, c->year, error);
      if (ok)
        ok = mte_record_set_fate (record, MTE_FATE_INCLUDED, plan->study_id, NULL, NULL, 0, error);
    }
  return ok;
}

/* Removes what a failed import added, last first. */
static void
roll_back (MteProject *project,
           GPtrArray  *added)
{
  for (guint i = added->len; i > 0; i--)
    {
      const char *id = g_ptr_array_index (added, i - 1);

      if (mte_project_lookup (project, id) != NULL &&
          !mte_project_remove (project, id, MTE_REMOVE_CASCADE, NULL))
        g_warning ("could not undo the import of '%s'", id);
    }
}

/* Values a parser may hand over that the model would refuse. */
static void
check_citation (MteCitation *c)
{
  if (c->year < 0 || c->year > 9999)
    {
      mte_citation_add_problem (c, "the year %d is out of range and was not kept", c->year);
      c->year = 0;
    }
  for (guint i = c->authors->len; i > 0; i--)
    {
      const char *a = g_ptr_array_index (c->authors, i - 1);

      if (a == NULL || *a == '\0')
        g_ptr_array_remove_index (c->authors, i - 1);
    }
  for (guint i = c->keywords->len; i > 0; i--)
    {
      const char *k = g_ptr_array_index (c->keywords, i - 1);

      if (k == NULL || *k == '\0')
        g_ptr_array_remove_index (c->keywords, i - 1);
    }
}

static gboolean
parse (MteReferenceFormat  format,
       const char         *data,
       gsize               length,
       const char         *name,
       GPtrArray          *citations,
       GArray             *skipped,
       GError            **error)
{
  g_autofree char *text = NULL;
  gsize text_length = 0;

  if (format == MTE_REFERENCE_FORMAT_ENDNOTE_XML)
    return mte_endnote_xml_parse (data, length, name, citations, skipped, error);

  text = mte_import_decode (data, length, name, format, &text_length, error);
  if (text == NULL)
    return FALSE;
  switch (format)
    {
    case MTE_REFERENCE_FORMAT_RIS:
      return mte_ris_parse (text, text_length, name, citations, skipped, error);
    case MTE_REFERENCE_FORMAT_NBIB:
      return mte_nbib_parse (text, text_length, name, citations, skipped, error);
    case MTE_REFERENCE_FORMAT_BIBTEX:
      return mte_bibtex_parse (text, text_length, name, citations, skipped, error);
    case MTE_REFERENCE_FORMAT_CSL_JSON:
      return mte_csl_json_parse (text, text_length, name, citations, skipped, error);
    case MTE_REFERENCE_FORMAT_AUTO:
    case MTE_REFERENCE_FORMAT_ENDNOTE_XML:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

MteImport *
mte_project_import_references (MteProject         *project,
                               const char         *data,
                               gssize              length,
                               const char         *name,
                               MteReferenceFormat  format,
                               const char         *search_id,
                               MteImportFlags      flags,
                               GError            **error)
{
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GHashTable) planned = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autofree char *shown_name = NULL;
  g_autoptr(MteImport) report = NULL;
  DuplicateIndex index;
  gsize size;
  guint next_record = 0;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);
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

  if (search_id != NULL)
    {
      MteEntity *search = mte_project_lookup (project, search_id);
      g_autofree char *shown = mte_message_text (search_id, 80);

      if (search == NULL)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                         "no search '%s' in the project", shown);
          return NULL;
        }
      if (mte_entity_get_kind (search) != MTE_ENTITY_SEARCH)
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                         "'%s' is a %s, not a search", shown,
                         mte_entity_kind_to_string (mte_entity_get_kind (search)));
          return NULL;
        }
    }

  if (format == MTE_REFERENCE_FORMAT_CSV)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "a CSV sheet is read with mte_project_import_sheet(), not as references");
      return NULL;
    }
  if (format == MTE_REFERENCE_FORMAT_AUTO)
    {
      format = mte_reference_format_sniff (data, size);
      if (format == MTE_REFERENCE_FORMAT_AUTO)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1,
                                "not a reference file in a known format "
                                "(RIS, BibTeX, CSL-JSON, EndNote XML or MEDLINE)");
          return NULL;
        }
    }

  citations = g_ptr_array_new_with_free_func ((GDestroyNotify) mte_citation_free);
  skipped = g_array_new (FALSE, TRUE, sizeof (MteCitationSkip));
  g_array_set_clear_func (skipped, mte_citation_skip_clear);
  if (!parse (format, data, size, name, citations, skipped, error))
    return NULL;
  if (citations->len + skipped->len > MTE_IMPORT_MAX_REFERENCES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 0, 0,
                            "more than %u references", MTE_IMPORT_MAX_REFERENCES);
      return NULL;
    }
  if ((flags & MTE_IMPORT_STRICT) && skipped->len > 0)
    {
      const MteCitationSkip *first = &g_array_index (skipped, MteCitationSkip, 0);

      mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, name, (int) first->line, 0,
                            "%s (a strict import reads every reference or none)", first->message);
      return NULL;
    }

  report = mte_import_new (format);
  report->n_read = citations->len + skipped->len;
  shown_name = mte_message_path (name);

  /* Plan every record: ids, duplicates, studies. */
  plans = g_array_sized_new (FALSE, TRUE, sizeof (Plan), citations->len);
  g_array_set_clear_func (plans, plan_clear);
  planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_init (&index);
  index_project (&index, project);
  for (guint i = 0; i < citations->len; i++)
    {
      MteCitation *c = g_ptr_array_index (citations, i);
      Plan plan = { c, NULL, NULL, NULL, NULL, NULL };
      g_autofree char *dkey = NULL;
      g_autofree char *tkey = NULL;
      const char *original;

      check_citation (c);
      plan.record_id = plan_record_id (project, planned, &next_record);
      plan.doi = bare_doi (c->fields[MTE_RECORD_DOI]);
      dkey = doi_key_of_bare (plan.doi);
      strv_view (c->authors);
      tkey = title_key (c->fields[MTE_RECORD_TITLE], c->year,
                        (const char * const *) c->authors->pdata);
      strv_unview (c->authors);
      original = index_find (&index, dkey, tkey, &plan.rule);
      if (original != NULL)
        plan.duplicate_of = g_strdup (original);
      else
        {
          index_add (&index, g_steal_pointer (&dkey), g_steal_pointer (&tkey), plan.record_id);
          if (flags & MTE_IMPORT_AS_STUDIES)
            plan.study_id = plan_study_id (project, planned, c);
        }
      g_array_append_val (plans, plan);
    }
  index_clear (&index);

  /* Apply, all or nothing. */
  if (!(flags & MTE_IMPORT_DRY_RUN))
    {
      added = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < plans->len; i++)
        {
          const Plan *plan = &g_array_index (plans, Plan, i);
          g_autoptr(GError) local = NULL;

          if (!apply_plan (project, plan, search_id, added, &local))
            {
              roll_back (project, added);
              mte_format_error_set (error, MTE_FORMAT_ERROR_INVALID_VALUE, name,
                                    (int) plan->citation->line, 0, "%s", local->message);
              return NULL;
            }
        }
    }

  /* The report. */
  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);

      g_ptr_array_add (report->record_ids, g_strdup (plan->record_id));
      if (plan->duplicate_of != NULL)
        {
          Duplicate d = { g_strdup (plan->record_id), g_strdup (plan->duplicate_of), plan->rule };

          g_array_append_val (report->duplicates, d);
        }
      if (plan->study_id != NULL)
        report->n_studies++;
      for (guint p = 0; p < plan->citation->problems->len; p++)
        add_problem (report, shown_name, plan->citation->line, FALSE,
                     g_ptr_array_index (plan->citation->problems, p));
    }
  for (guint i = 0; i < skipped->len; i++)
    {
      const MteCitationSkip *skip = &g_array_index (skipped, MteCitationSkip, i);

      add_problem (report, shown_name, skip->line, TRUE, skip->message);
    }
  g_array_sort (report->problems, compare_problems);

  return g_steal_pointer (&report);
}

char *
mte_import_read_file (const char  *path,
                      gsize       *length,
                      GError     **error)
{
  g_autoptr(GString) buffer = NULL;
  FILE *file;
  char chunk[64 * 1024];
  size_t n;
  int saved_errno;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      g_autofree char *shown = mte_message_path (path);

      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Failed to open file \u201c%s\u201d: %s", shown, g_strerror (saved_errno));
      return NULL;
    }
  /* Read in chunks rather than trusting the size: a pipe or a device has
   * none, and a file may grow while it is read. */
  buffer = g_string_new (NULL);
  while ((n = fread (chunk, 1, sizeof chunk, file)) > 0)
    {
      if ((guint64) buffer->len + n > MTE_IMPORT_MAX_BYTES)
        {
          fclose (file);
          mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, path, 0, 0,
                                "the input is larger than %u MiB", MTE_IMPORT_MAX_BYTES >> 20);
          return NULL;
        }
      g_string_append_len (buffer, chunk, (gssize) n);
    }
  if (ferror (file))
    {
      g_autofree char *shown = mte_message_path (path);

      saved_errno = errno;
      fclose (file);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Failed to read from file \u201c%s\u201d: %s", shown, g_strerror (saved_errno));
      return NULL;
    }
  fclose (file);
  *length = buffer->len;
  return g_string_free (g_steal_pointer (&buffer), FALSE);
}

MteImport *
mte_project_import_references_from_file (MteProject         *project,
                                         const char         *path,
                                         MteReferenceFormat  format,
                                         const char         *search_id,
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
  return mte_project_import_references (project, data, (gssize) length, path, format,
                                        search_id, flags, error);
}

void
mte_import_sort_problems (MteImport *report)
{
  g_array_sort (report->problems, compare_problems);
}
