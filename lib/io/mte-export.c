/* metaethno: the included studies' references as RIS, BibTeX and CSL-JSON
 * (mte_project_export_references()).
 *
 * One walk over the included studies in project order feeds one writer
 * per format; each writer appends to a GString. The output depends on the
 * model alone: fixed field order, "\n" line ends, one escaping rule per
 * format. Every choice below is made so that the importers of
 * mte-import.c read back the same authors, year, title, source, volume,
 * issue, pages, DOI and URL (docs/cli.md, "export"):
 *
 * - An author "Family, Given" is split at its first comma; an author
 *   without a comma (an institution) is written whole, never split: in
 *   braces in BibTeX, as a "literal" in CSL-JSON, with a trailing comma
 *   in RIS.
 * - Line breaks and tabs inside a value become spaces: RIS has no way to
 *   carry them and BibTeX readers fold them.
 * - Pages are split into a start and an end (RIS SP/EP) only when they
 *   read exactly "START-END"; anything else ("e0284878", "12-14, 19")
 *   goes whole into SP.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "mte-error-private.h"

/* One study's citation, borrowed from the study. */
typedef struct {
  const char         *id;
  const char * const *authors;
  int                 year;
  const char         *title;
  const char         *source;
  const char         *volume;
  const char         *issue;
  const char         *pages;
  const char         *doi;
  const char         *url;
} MteExportCitation;

typedef void (*MteExportWriteFunc) (GString                 *out,
                                    const MteExportCitation *citation,
                                    gboolean                 first);

static const char *
nonempty (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : NULL;
}

static void
citation_init (MteExportCitation *citation,
               const MteStudy    *study)
{
  citation->id = mte_study_get_id (study);
  citation->authors = mte_study_get_authors (study);
  citation->year = mte_study_get_year (study);
  citation->title = nonempty (mte_study_get_field (study, MTE_STUDY_TITLE));
  citation->source = nonempty (mte_study_get_field (study, MTE_STUDY_SOURCE));
  citation->volume = nonempty (mte_study_get_field (study, MTE_STUDY_VOLUME));
  citation->issue = nonempty (mte_study_get_field (study, MTE_STUDY_ISSUE));
  citation->pages = nonempty (mte_study_get_field (study, MTE_STUDY_PAGES));
  citation->doi = nonempty (mte_study_get_field (study, MTE_STUDY_DOI));
  citation->url = nonempty (mte_study_get_field (study, MTE_STUDY_URL));
}

/* Splits "Family, Given" at the first comma: *family_length is the length
 * of the family part and *given points after the comma and its spaces
 * (NULL when there is no comma or nothing after it). Returns FALSE for a
 * name without a comma, which is written whole. */
static gboolean
split_author (const char  *author,
              gsize       *family_length,
              const char **given)
{
  const char *comma = strchr (author, ',');
  const char *rest;

  if (comma == NULL || comma == author)
    return FALSE;

  *family_length = (gsize) (comma - author);
  while (*family_length > 0 && author[*family_length - 1] == ' ')
    (*family_length)--;
  if (*family_length == 0)
    return FALSE;

  rest = comma + 1;
  while (*rest == ' ')
    rest++;
  *given = *rest != '\0' ? rest : NULL;
  return TRUE;
}

/* Appends @length bytes of @value (-1: all of it) with CR, LF and tab
 * turned into spaces. */
static void
append_one_line (GString    *out,
                 const char *value,
                 gssize      length)
{
  const char *end = value + (length < 0 ? (gssize) strlen (value) : length);

  for (const char *p = value; p < end; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
}

/* Whether @pages reads exactly "START-END", one hyphen between two
 * non-empty parts without spaces or commas; sets the end's offset. */
static gboolean
split_pages (const char *pages,
             gsize      *end_offset)
{
  const char *hyphen = strchr (pages, '-');

  if (hyphen == NULL || hyphen == pages || hyphen[1] == '\0' ||
      strchr (hyphen + 1, '-') != NULL || strpbrk (pages, " ,;\t\r\n") != NULL)
    return FALSE;

  *end_offset = (gsize) (hyphen + 1 - pages);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* RIS                                                                */
/* ------------------------------------------------------------------ */

static void
ris_tag (GString    *out,
         const char *tag,
         const char *value,
         gssize      length)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, "%s  - ", tag);
  append_one_line (out, value, length);
  g_string_append_c (out, '\n');
}

/* RIS reads "AU  - Family, Given"; a name without a comma would be split
 * as "Given Family" ("TIME USA" read back as "USA, TIME"). A trailing
 * comma, EndNote's mark of a corporate author, keeps it whole. */
static void
ris_author (GString    *out,
            const char *author)
{
  gsize family_length;
  const char *given;

  g_string_append (out, "AU  - ");
  append_one_line (out, author, -1);
  if (!split_author (author, &family_length, &given))
    g_string_append_c (out, ',');
  g_string_append_c (out, '\n');
}

static void
ris_write (GString                 *out,
           const MteExportCitation *citation,
           gboolean                 first)
{
  gsize end_offset;

  if (!first)
    g_string_append_c (out, '\n');

  ris_tag (out, "TY", citation->source != NULL ? "JOUR" : "GEN", -1);
  ris_tag (out, "ID", citation->id, -1);
  for (guint i = 0; citation->authors[i] != NULL; i++)
    ris_author (out, citation->authors[i]);
  if (citation->year > 0)
    g_string_append_printf (out, "PY  - %d\n", citation->year);
  ris_tag (out, "TI", citation->title, -1);
  ris_tag (out, "T2", citation->source, -1);
  ris_tag (out, "VL", citation->volume, -1);
  ris_tag (out, "IS", citation->issue, -1);
  if (citation->pages != NULL && split_pages (citation->pages, &end_offset))
    {
      ris_tag (out, "SP", citation->pages, (gssize) end_offset - 1);
      ris_tag (out, "EP", citation->pages + end_offset, -1);
    }
  else
    ris_tag (out, "SP", citation->pages, -1);
  ris_tag (out, "DO", citation->doi, -1);
  ris_tag (out, "UR", citation->url, -1);
  g_string_append (out, "ER  - \n");
}

/* ------------------------------------------------------------------ */
/* BibTeX                                                             */
/* ------------------------------------------------------------------ */

/* Whether every brace in @value closes one opened before it. BibTeX
 * counts braces even after a backslash, so "\{" is safe only in pairs;
 * a lone brace is written \textbraceleft{} or \textbraceright{}. */
static gboolean
braces_balance (const char *value,
                gssize      length)
{
  const char *end = value + (length < 0 ? (gssize) strlen (value) : length);
  int depth = 0;

  for (const char *p = value; p < end; p++)
    {
      if (*p == '{')
        depth++;
      else if (*p == '}' && --depth < 0)
        return FALSE;
    }
  return depth == 0;
}

/* Appends @length bytes of @value as BibTeX text: UTF-8 kept, the
 * characters LaTeX gives a meaning escaped so that the value reads back
 * as written. */
static void
bibtex_append_text (GString    *out,
                    const char *value,
                    gssize      length,
                    gboolean    balanced)
{
  const char *end = value + (length < 0 ? (gssize) strlen (value) : length);

  for (const char *p = value; p < end; p++)
    switch (*p)
      {
      case '#': case '%': case '&': case '$': case '_':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '{':
        g_string_append (out, balanced ? "\\{" : "\\textbraceleft{}");
        break;
      case '}':
        g_string_append (out, balanced ? "\\}" : "\\textbraceright{}");
        break;
      case '\\':
        g_string_append (out, "\\textbackslash{}");
        break;
      case '~':
        g_string_append (out, "\\textasciitilde{}");
        break;
      case '^':
        g_string_append (out, "\\textasciicircum{}");
        break;
      case '\n': case '\r': case '\t':
        g_string_append_c (out, ' ');
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static gboolean
has_upper (const char *text,
           const char *end,
           gboolean    skip_first)
{
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if (skip_first)
        skip_first = FALSE;
      else if (g_unichar_isupper (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

/* A title: each word with a capital letter (other than the title's first
 * letter) in braces, so that a style that changes case keeps "UK" and
 * "Black Caribbean" as written; readers drop the braces. */
static void
bibtex_append_title (GString    *out,
                     const char *title)
{
  gboolean balanced = braces_balance (title, -1);
  const char *p = title;

  while (*p != '\0')
    {
      gsize word = strcspn (p, " ");

      if (word > 0 && has_upper (p, p + word, p == title))
        {
          g_string_append_c (out, '{');
          bibtex_append_text (out, p, (gssize) word, balanced);
          g_string_append_c (out, '}');
        }
      else
        bibtex_append_text (out, p, (gssize) word, balanced);
      p += word;
      if (*p == ' ')
        g_string_append_c (out, *p++);
    }
}

/* Whether @name holds the word "and", which BibTeX would split on. */
static gboolean
has_and_word (const char *name,
              gssize      length)
{
  g_autofree char *copy = g_strndup (name, length < 0 ? strlen (name) : (gsize) length);
  g_auto(GStrv) words = g_strsplit_set (copy, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], "and") == 0)
      return TRUE;
  return FALSE;
}

/* One author: "Family, Given" with the family in braces when it has
 * several words (a particle, a double name) so that no reader moves a
 * word to the given names; a name without a comma whole in braces. */
static void
bibtex_append_author (GString    *out,
                      const char *author)
{
  gboolean balanced = braces_balance (author, -1);
  const char *given = NULL;
  gsize family_length;

  if (!split_author (author, &family_length, &given))
    {
      g_string_append_c (out, '{');
      bibtex_append_text (out, author, -1, balanced);
      g_string_append_c (out, '}');
      return;
    }

  if (memchr (author, ' ', family_length) != NULL ||
      g_ascii_islower (author[0]))
    {
      g_string_append_c (out, '{');
      bibtex_append_text (out, author, (gssize) family_length, balanced);
      g_string_append_c (out, '}');
    }
  else
    bibtex_append_text (out, author, (gssize) family_length, balanced);

  if (given == NULL)
    return;
  g_string_append (out, ", ");
  if (has_and_word (given, -1))
    {
      g_string_append_c (out, '{');
      bibtex_append_text (out, given, -1, balanced);
      g_string_append_c (out, '}');
    }
  else
    bibtex_append_text (out, given, -1, balanced);
}

static void
bibtex_field_start (GString    *out,
                    gboolean   *any,
                    const char *name)
{
  g_string_append_printf (out, "%s\n  %s = {", *any ? "," : "", name);
  *any = TRUE;
}

static void
bibtex_field (GString    *out,
              gboolean   *any,
              const char *name,
              const char *value)
{
  if (value == NULL)
    return;
  bibtex_field_start (out, any, name);
  bibtex_append_text (out, value, -1, braces_balance (value, -1));
  g_string_append_c (out, '}');
}

/* DOI and URL are verbatim fields in biblatex (and in what Zotero, Better
 * BibTeX and JabRef write): "_" and "%" stay as they are, or the link
 * would break. Only a value with braces or a backslash, which a verbatim
 * field cannot hold, is escaped like text. */
static void
bibtex_verbatim_field (GString    *out,
                       gboolean   *any,
                       const char *name,
                       const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, "{}\\") != NULL)
    {
      bibtex_field (out, any, name, value);
      return;
    }
  bibtex_field_start (out, any, name);
  append_one_line (out, value, -1);
  g_string_append_c (out, '}');
}

static void
bibtex_write (GString                 *out,
              const MteExportCitation *citation,
              gboolean                 first)
{
  gboolean any = TRUE;   /* the key is followed by a comma */

  if (!first)
    g_string_append_c (out, '\n');

  g_string_append_printf (out, "@%s{%s",
                          citation->source != NULL ? "article" : "misc",
                          citation->id);

  if (citation->authors[0] != NULL)
    {
      bibtex_field_start (out, &any, "author");
      for (guint i = 0; citation->authors[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, " and ");
          bibtex_append_author (out, citation->authors[i]);
        }
      g_string_append_c (out, '}');
    }
  if (citation->year > 0)
    {
      bibtex_field_start (out, &any, "year");
      g_string_append_printf (out, "%d}", citation->year);
    }
  if (citation->title != NULL)
    {
      bibtex_field_start (out, &any, "title");
      bibtex_append_title (out, citation->title);
      g_string_append_c (out, '}');
    }
  bibtex_field (out, &any, "journal", citation->source);
  bibtex_field (out, &any, "volume", citation->volume);
  bibtex_field (out, &any, "number", citation->issue);
  bibtex_field (out, &any, "pages", citation->pages);
  bibtex_verbatim_field (out, &any, "doi", citation->doi);
  bibtex_verbatim_field (out, &any, "url", citation->url);
  g_string_append (out, "\n}\n");
}

/* ------------------------------------------------------------------ */
/* CSL-JSON                                                           */
/* ------------------------------------------------------------------ */

/* Appends @length bytes of @value as a JSON string (RFC 8259): quote,
 * backslash and control characters escaped, everything else as UTF-8. */
static void
json_append_string (GString    *out,
                    const char *value,
                    gssize      length)
{
  const char *end = value + (length < 0 ? (gssize) strlen (value) : length);

  g_string_append_c (out, '"');
  for (const char *p = value; p < end; p++)
    {
      unsigned char c = (unsigned char) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_member (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, ",\n    ");
  json_append_string (out, name, -1);
  g_string_append (out, ": ");
  json_append_string (out, value, -1);
}

static void
csl_json_write (GString                 *out,
                const MteExportCitation *citation,
                gboolean                 first)
{
  g_string_append (out, first ? "\n  {\n    \"id\": " : ",\n  {\n    \"id\": ");
  json_append_string (out, citation->id, -1);
  g_string_append_printf (out, ",\n    \"type\": \"%s\"",
                          citation->source != NULL ? "article-journal" : "article");

  if (citation->authors[0] != NULL)
    {
      g_string_append (out, ",\n    \"author\": [");
      for (guint i = 0; citation->authors[i] != NULL; i++)
        {
          const char *author = citation->authors[i];
          const char *given = NULL;
          gsize family_length;

          g_string_append (out, i > 0 ? ",\n      {" : "\n      {");
          if (split_author (author, &family_length, &given))
            {
              g_string_append (out, "\"family\": ");
              json_append_string (out, author, (gssize) family_length);
              if (given != NULL)
                {
                  g_string_append (out, ", \"given\": ");
                  json_append_string (out, given, -1);
                }
            }
          else
            {
              g_string_append (out, "\"literal\": ");
              json_append_string (out, author, -1);
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "\n    ]");
    }
  if (citation->year > 0)
    g_string_append_printf (out, ",\n    \"issued\": {\"date-parts\": [[%d]]}",
                            citation->year);
  json_member (out, "title", citation->title);
  json_member (out, "container-title", citation->source);
  json_member (out, "volume", citation->volume);
  json_member (out, "issue", citation->issue);
  json_member (out, "page", citation->pages);
  json_member (out, "DOI", citation->doi);
  json_member (out, "URL", citation->url);
  g_string_append (out, "\n  }");
}

/* ------------------------------------------------------------------ */
/* Entry point                                                        */
/* ------------------------------------------------------------------ */

char *
mte_project_export_references (const MteProject   *project,
                               MteReferenceFormat  format,
                               gsize              *length,
                               GError            **error)
{
  MteExportWriteFunc write;
  GString *out;
  gboolean first = TRUE;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case MTE_REFERENCE_FORMAT_RIS:      write = ris_write; break;
    case MTE_REFERENCE_FORMAT_BIBTEX:   write = bibtex_write; break;
    case MTE_REFERENCE_FORMAT_CSL_JSON: write = csl_json_write; break;
    case MTE_REFERENCE_FORMAT_AUTO:
    case MTE_REFERENCE_FORMAT_ENDNOTE_XML:
    case MTE_REFERENCE_FORMAT_NBIB:
    default:
      {
        /* Import-only formats, named as mte_reference_format_to_string()
         * names them. */
        const char *name = format == MTE_REFERENCE_FORMAT_AUTO ? "auto"
                         : format == MTE_REFERENCE_FORMAT_ENDNOTE_XML ? "endnote-xml"
                         : format == MTE_REFERENCE_FORMAT_NBIB ? "nbib" : NULL;

        if (name != NULL)
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "references cannot be exported as '%s': the formats "
                         "are ris, bibtex and csl-json", name);
        else
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                         "unknown reference format %d: the formats are ris, "
                         "bibtex and csl-json", (int) format);
        return NULL;
      }
    }

  out = g_string_new (format == MTE_REFERENCE_FORMAT_CSL_JSON ? "[" : "");
  for (guint i = 0; i < mte_project_get_n_studies (project); i++)
    {
      const MteStudy *study = mte_project_get_study (project, i);
      MteExportCitation citation;

      if (mte_study_is_excluded (study))
        continue;
      citation_init (&citation, study);
      write (out, &citation, first);
      first = FALSE;
    }
  if (format == MTE_REFERENCE_FORMAT_CSL_JSON)
    g_string_append (out, first ? "]\n" : "\n]\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
