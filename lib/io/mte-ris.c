/* metaethno: the RIS reader.
 *
 * RIS is a line format: "XX  - value", where XX is a two-character tag;
 * "TY  - TYPE" starts a reference and "ER  -" ends it. What databases and
 * reference managers actually write varies, and this reader takes it all:
 * a byte-order mark before the first TY (removed by mte_import_decode()),
 * record numbers ("1.") and free text between references, "ER  -" with or
 * without its trailing space, untagged continuation lines (a long value,
 * or Rayyan's keywords one per line), empty tags, and the several tags
 * different tools use for the same thing (AU or A1; TI or T1; T2, JF, JO,
 * JA or J2; PY, Y1 or DA).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-citation-private.h"
#include "mte-error-private.h"

#include <string.h>

typedef struct {
  char     tag[3];
  guint    line;
  GString *value;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  if (e->value != NULL)
    g_string_free (e->value, TRUE);
}

/* "XX  - value" or "XX  -" at the end of the line. */
static gboolean
is_tag_line (const char *line,
             gsize       length)
{
  if (length < 5)
    return FALSE;
  if (!g_ascii_isupper (line[0]) || !(g_ascii_isupper (line[1]) || g_ascii_isdigit (line[1])))
    return FALSE;
  if (line[2] != ' ' || line[3] != ' ' || line[4] != '-')
    return FALSE;
  return length == 5 || line[5] == ' ' || line[5] == '\t';
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* Tags whose continuation lines start a new line of the value rather than
 * continue the same one. */
static gboolean
joins_with_newline (const char *tag)
{
  return strcmp (tag, "AB") == 0 || strcmp (tag, "N2") == 0 || strcmp (tag, "N1") == 0 ||
         strcmp (tag, "KW") == 0 || strcmp (tag, "UR") == 0 || strcmp (tag, "AD") == 0;
}

/* The first non-empty value of the first of @tags that has one, with the
 * tag it came from in @from. */
static const char *
pick (GArray      *entries,
      const char * const *tags,
      const char **from)
{
  for (guint t = 0; tags[t] != NULL; t++)
    for (guint i = 0; i < entries->len; i++)
      {
        const Entry *e = &g_array_index (entries, Entry, i);

        if (strcmp (e->tag, tags[t]) == 0 && !is_blank (e->value->str, e->value->len))
          {
            if (from != NULL)
              *from = tags[t];
            return e->value->str;
          }
      }
  return NULL;
}

/* Sets @field from every value of the first of @tags that has one, so that
 * a repeated tag with another value is reported. */
static void
set_from (MteCitation        *citation,
          MteRecordField      field,
          GArray             *entries,
          const char * const *tags)
{
  const char *from = NULL;

  if (pick (entries, tags, &from) == NULL)
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);

      if (strcmp (e->tag, from) == 0)
        mte_citation_set (citation, field, e->value->str);
    }
}

/* Every distinct non-empty value of @tags, joined with @separator. */
static char *
join_all (GArray             *entries,
          const char * const *tags,
          const char         *separator)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      gboolean wanted = FALSE, repeated = FALSE;
      g_autofree char *value = NULL;

      for (guint t = 0; tags[t] != NULL; t++)
        wanted = wanted || strcmp (e->tag, tags[t]) == 0;
      if (!wanted)
        continue;
      value = g_strstrip (g_strdup (e->value->str));
      if (*value == '\0')
        continue;
      for (guint s = 0; s < seen->len; s++)
        repeated = repeated || strcmp (g_ptr_array_index (seen, s), e->value->str) == 0;
      if (repeated)
        continue;
      g_ptr_array_add (seen, e->value->str);
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, value);
    }
  return g_string_free (out, out->len == 0);
}

static void
add_authors (MteCitation *citation,
             GArray      *entries)
{
  static const char * const groups[][3] = {
    { "AU", "A1", NULL },       /* authors */
    { "A2", "ED", NULL },       /* editors, when there is no author */
    { "A3", NULL, NULL },
    { "A4", NULL, NULL },
  };

  for (guint g = 0; g < G_N_ELEMENTS (groups) && citation->authors->len == 0; g++)
    for (guint i = 0; i < entries->len; i++)
      {
        const Entry *e = &g_array_index (entries, Entry, i);

        for (guint t = 0; groups[g][t] != NULL; t++)
          if (strcmp (e->tag, groups[g][t]) == 0)
            mte_citation_add_author_text (citation, e->value->str);
      }
}

static void
add_keywords (MteCitation *citation,
              GArray      *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_auto(GStrv) lines = NULL;

      if (strcmp (e->tag, "KW") != 0)
        continue;
      lines = g_strsplit_set (e->value->str, "\n;", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        mte_citation_add_keyword (citation, lines[l]);
    }
}

static void
set_pages (MteCitation *citation,
           GArray      *entries)
{
  static const char * const sp[] = { "SP", NULL };
  static const char * const ep[] = { "EP", NULL };
  const char *start = pick (entries, sp, NULL);
  const char *end = pick (entries, ep, NULL);
  g_autofree char *s = start != NULL ? g_strstrip (g_strdup (start)) : NULL;
  g_autofree char *e = end != NULL ? g_strstrip (g_strdup (end)) : NULL;

  if (s != NULL && e != NULL && strchr (s, '-') == NULL && strcmp (s, e) != 0)
    {
      g_autofree char *both = g_strdup_printf ("%s-%s", s, e);

      mte_citation_set (citation, MTE_RECORD_PAGES, both);
    }
  else
    mte_citation_set (citation, MTE_RECORD_PAGES, s != NULL ? s : e);
}

static void
set_url (MteCitation *citation,
         GArray      *entries)
{
  static const char * const tags[] = { "UR", "LK", "L2", NULL };
  const char *value = pick (entries, tags, NULL);
  g_autofree char *first = NULL;
  const char *newline;

  if (value == NULL)
    return;
  newline = strchr (value, '\n');
  first = g_strstrip (newline != NULL ? g_strndup (value, newline - value) : g_strdup (value));
  if (g_str_has_prefix (first, "//"))
    {
      /* ScienceDirect writes protocol-relative links. */
      g_autofree char *full = g_strconcat ("https:", first, NULL);

      mte_citation_set (citation, MTE_RECORD_URL, full);
    }
  else
    mte_citation_set (citation, MTE_RECORD_URL, first);
}

/* The year from PY, else Y1, else DA; when none holds one, the problem
 * reported is the first tag's. */
static void
set_year (MteCitation *citation,
          GArray      *entries)
{
  static const char * const tags[] = { "PY", "Y1", "DA", NULL };
  guint n_problems = citation->problems->len;
  gboolean tried = FALSE;

  for (guint t = 0; tags[t] != NULL && citation->year == 0; t++)
    {
      const char * const one[] = { tags[t], NULL };
      const char *value = pick (entries, one, NULL);

      if (value != NULL)
        {
          mte_citation_set_year_text (citation, value);
          tried = TRUE;
        }
    }
  if (tried)
    g_ptr_array_set_size (citation->problems,
                          citation->year != 0 ? n_problems : n_problems + 1);
}

/* Nothing at all that a record could show. */
static gboolean
is_empty (const MteCitation *citation)
{
  if (citation->authors->len > 0 || citation->keywords->len > 0 || citation->year != 0)
    return FALSE;
  for (guint f = 0; f < MTE_RECORD_N_FIELDS; f++)
    if (citation->fields[f] != NULL)
      return FALSE;
  return TRUE;
}

static void
finish (GArray     *entries,
        guint       line,
        const char *type,
        gboolean    ended,
        GPtrArray  *out,
        GArray     *skipped)
{
  static const char * const title[] = { "TI", "T1", "CT", "BT", "ST", NULL };
  static const char * const source[] = { "T2", "JF", "JO", "JA", "J2", "BT", NULL };
  static const char * const volume[] = { "VL", "VO", NULL };
  static const char * const issue[] = { "IS", "CP", NULL };
  static const char * const doi[] = { "DO", NULL };
  static const char * const abstract[] = { "AB", "N2", NULL };
  static const char * const database[] = { "DB", "DP", NULL };
  static const char * const notes[] = { "N1", NULL };
  static const char * const key[] = { "ID", "AN", NULL };
  g_autoptr(MteCitation) citation = mte_citation_new (line);
  const char *title_from = NULL;
  const char *value;
  char *joined;

  if (type != NULL && *type != '\0')
    citation->type = g_strdup (type);
  value = pick (entries, key, NULL);
  if (value != NULL)
    citation->key = g_strstrip (g_strdup (value));

  add_authors (citation, entries);
  set_year (citation, entries);
  if (pick (entries, title, &title_from) != NULL)
    {
      const char * const one[] = { title_from, NULL };

      set_from (citation, MTE_RECORD_TITLE, entries, one);
    }
  {
    /* A book's BT is its title, not its container. */
    const char *source_from = NULL;

    if (pick (entries, source, &source_from) != NULL &&
        g_strcmp0 (source_from, title_from) != 0)
      {
        const char * const one[] = { source_from, NULL };

        set_from (citation, MTE_RECORD_SOURCE, entries, one);
      }
  }
  set_from (citation, MTE_RECORD_VOLUME, entries, volume);
  set_from (citation, MTE_RECORD_ISSUE, entries, issue);
  set_pages (citation, entries);
  set_from (citation, MTE_RECORD_DOI, entries, doi);
  set_url (citation, entries);
  set_from (citation, MTE_RECORD_ABSTRACT, entries, abstract);
  joined = join_all (entries, database, "; ");
  mte_citation_set (citation, MTE_RECORD_DATABASE, joined);
  g_free (joined);
  joined = join_all (entries, notes, "\n");
  mte_citation_set (citation, MTE_RECORD_NOTES, joined);
  g_free (joined);
  add_keywords (citation, entries);

  if (is_empty (citation))
    {
      mte_citation_skip (skipped, line, "an empty reference: no title, author, source, DOI or other field");
      return;
    }
  if (!ended)
    mte_citation_add_problem (citation, "the reference has no 'ER  -' line; it ends at the next "
                                        "'TY  -' or at the end of the file");
  g_ptr_array_add (out, g_steal_pointer (&citation));
}

gboolean
mte_ris_parse (const char *text,
               gsize       length,
               const char *name,
               GPtrArray  *out,
               GArray     *skipped,
               GError    **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autofree char *type = NULL;
  const char *p = text, *end = text + length;
  gboolean in_record = FALSE;
  guint line = 0, record_line = 0, n_references = 0;
  gboolean seen_start = FALSE;

  g_array_set_clear_func (entries, entry_clear);

  while (p < end)
    {
      const char *line_end = memchr (p, '\n', end - p);
      gsize n;

      if (line_end == NULL)
        line_end = end;
      n = line_end - p;
      line++;

      if (is_tag_line (p, n))
        {
          char tag[3] = { p[0], p[1], '\0' };
          const char *value = n > 6 ? p + 6 : "";
          gsize value_length = n > 6 ? n - 6 : 0;

          if (strcmp (tag, "TY") == 0)
            {
              if (in_record)
                finish (entries, record_line, type, FALSE, out, skipped);
              if (++n_references > MTE_IMPORT_MAX_REFERENCES)
                {
                  mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, (int) line, 1,
                                        "more than %u references", MTE_IMPORT_MAX_REFERENCES);
                  return FALSE;
                }
              g_array_set_size (entries, 0);
              g_free (type);
              type = g_strstrip (g_strndup (value, value_length));
              in_record = TRUE;
              seen_start = TRUE;
              record_line = line;
            }
          else if (strcmp (tag, "ER") == 0)
            {
              if (in_record)
                finish (entries, record_line, type, TRUE, out, skipped);
              in_record = FALSE;
              g_array_set_size (entries, 0);
            }
          else if (in_record)
            {
              Entry e = { { tag[0], tag[1], '\0' }, line, g_string_new_len (value, value_length) };

              g_array_append_val (entries, e);
            }
        }
      else if (in_record && !is_blank (p, n) && entries->len > 0)
        {
          Entry *last = &g_array_index (entries, Entry, entries->len - 1);
          const char *q = p;

          while (q < p + n && (*q == ' ' || *q == '\t'))
            q++;
          if (last->value->len > 0)
            g_string_append_c (last->value, joins_with_newline (last->tag) ? '\n' : ' ');
          g_string_append_len (last->value, q, p + n - q);
        }
      p = line_end + 1;
    }
  if (in_record)
    finish (entries, record_line, type, FALSE, out, skipped);

  if (!seen_start)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1,
                            "not RIS: no reference starts with a 'TY  - ' line");
      return FALSE;
    }
  return TRUE;
}
