/* metaethno: the PubMed MEDLINE (.nbib) reader.
 *
 * MEDLINE is a line format: a tag of up to four characters padded with
 * spaces, "- ", the value ("FAU - Shruthi, Basavaradhya Sahukar"); a line
 * that starts with six spaces continues the value before it. "PMID- "
 * starts a reference; references are separated by blank lines.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-citation-private.h"
#include "mte-error-private.h"

#include <string.h>

typedef struct {
  char     tag[5];
  GString *value;
} Field;

static void
field_clear (gpointer data)
{
  Field *f = data;

  if (f->value != NULL)
    g_string_free (f->value, TRUE);
}

/* "XXXX- value": one to four upper-case letters or digits, padded with
 * spaces to four, then "-" and a space or the end of the line. Writes the
 * tag to @tag. */
static gboolean
is_tag_line (const char *line,
             gsize       length,
             char        tag[5])
{
  gsize i;

  if (length < 5 || line[4] != '-' || !g_ascii_isupper (line[0]))
    return FALSE;
  for (i = 0; i < 4 && (g_ascii_isupper (line[i]) || g_ascii_isdigit (line[i])); i++)
    tag[i] = line[i];
  tag[i] = '\0';
  for (; i < 4; i++)
    if (line[i] != ' ')
      return FALSE;
  return length == 5 || line[5] == ' ';
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

static const char *
first (GArray     *fields,
       const char *tag)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const Field *f = &g_array_index (fields, Field, i);

      if (strcmp (f->tag, tag) == 0 && f->value->len > 0)
        return f->value->str;
    }
  return NULL;
}

/* "10.4103/2277-9175.180636 [doi]": the identifier when its kind is
 * @kind, else NULL. */
static char *
identifier_of_kind (const char *value,
                    const char *kind)
{
  g_autofree char *suffix = g_strdup_printf ("[%s]", kind);
  g_autofree char *text = g_strstrip (g_strdup (value));

  if (!g_str_has_suffix (text, suffix))
    return NULL;
  text[strlen (text) - strlen (suffix)] = '\0';
  return g_strstrip (g_strdup (text));
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
finish (GArray    *fields,
        guint      line,
        GPtrArray *out,
        GArray    *skipped)
{
  g_autoptr(MteCitation) citation = mte_citation_new (line);
  gboolean has_full = first (fields, "FAU") != NULL;
  const char *value;

  value = first (fields, "PMID");
  if (value != NULL)
    {
      g_autofree char *url = NULL;

      citation->key = g_strstrip (g_strdup (value));
      url = g_strdup_printf ("https://pubmed.ncbi.nlm.nih.gov/%s/", citation->key);
      if (*citation->key != '\0' && strspn (citation->key, "0123456789") == strlen (citation->key))
        mte_citation_set (citation, MTE_RECORD_URL, url);
    }
  value = first (fields, "PT");
  if (value != NULL)
    citation->type = g_strstrip (g_strdup (value));

  for (guint i = 0; i < fields->len; i++)
    {
      const Field *f = &g_array_index (fields, Field, i);
      const char *v = f->value->str;

      if (strcmp (f->tag, "FAU") == 0)
        mte_citation_add_author_text (citation, v);
      else if (strcmp (f->tag, "AU") == 0 && !has_full)
        mte_citation_add_author_text (citation, v);
      else if (strcmp (f->tag, "CN") == 0)
        mte_citation_add_author (citation, v, NULL);
      else if (strcmp (f->tag, "TI") == 0)
        mte_citation_set (citation, MTE_RECORD_TITLE, v);
      else if (strcmp (f->tag, "VI") == 0)
        mte_citation_set (citation, MTE_RECORD_VOLUME, v);
      else if (strcmp (f->tag, "IP") == 0)
        mte_citation_set (citation, MTE_RECORD_ISSUE, v);
      else if (strcmp (f->tag, "PG") == 0)
        mte_citation_set (citation, MTE_RECORD_PAGES, v);
      else if (strcmp (f->tag, "AB") == 0)
        mte_citation_set (citation, MTE_RECORD_ABSTRACT, v);
      else if (strcmp (f->tag, "MH") == 0 || strcmp (f->tag, "OT") == 0)
        mte_citation_add_keyword (citation, v[0] == '*' ? v + 1 : v);
      else if ((strcmp (f->tag, "LID") == 0 || strcmp (f->tag, "AID") == 0) &&
               citation->fields[MTE_RECORD_DOI] == NULL)
        {
          g_autofree char *doi = identifier_of_kind (v, "doi");

          mte_citation_set (citation, MTE_RECORD_DOI, doi);
        }
    }
  mte_citation_set (citation, MTE_RECORD_SOURCE,
                    first (fields, "JT") != NULL ? first (fields, "JT") : first (fields, "TA"));
  value = first (fields, "DP");
  if (value != NULL)
    mte_citation_set_year_text (citation, value);

  if (is_empty (citation))
    {
      mte_citation_skip (skipped, line, "an empty reference: no title, author, source, DOI or other field");
      return;
    }
  g_ptr_array_add (out, g_steal_pointer (&citation));
}

gboolean
mte_nbib_parse (const char *text,
                gsize       length,
                const char *name,
                GPtrArray  *out,
                GArray     *skipped,
                GError    **error)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (Field));
  const char *p = text, *end = text + length;
  guint line = 0, record_line = 0, n_references = 0;
  gboolean in_record = FALSE;

  g_array_set_clear_func (fields, field_clear);

  while (p < end)
    {
      const char *line_end = memchr (p, '\n', end - p);
      gsize n;
      char tag[5];

      if (line_end == NULL)
        line_end = end;
      n = line_end - p;
      line++;

      if (is_tag_line (p, n, tag))
        {
          const char *value = n > 6 ? p + 6 : "";
          gsize value_length = n > 6 ? n - 6 : 0;
          Field f;

          if (strcmp (tag, "PMID") == 0)
            {
              if (in_record)
                finish (fields, record_line, out, skipped);
              if (++n_references > MTE_IMPORT_MAX_REFERENCES)
                {
                  mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, (int) line, 1,
                                        "more than %u references", MTE_IMPORT_MAX_REFERENCES);
                  return FALSE;
                }
              g_array_set_size (fields, 0);
              in_record = TRUE;
              record_line = line;
            }
          if (in_record)
            {
              memcpy (f.tag, tag, sizeof f.tag);
              f.value = g_string_new_len (value, value_length);
              g_strstrip (f.value->str);
              f.value->len = strlen (f.value->str);
              g_array_append_val (fields, f);
            }
        }
      else if (in_record && n > 0 && p[0] == ' ' && !is_blank (p, n) && fields->len > 0)
        {
          Field *last = &g_array_index (fields, Field, fields->len - 1);
          g_autofree char *more = g_strstrip (g_strndup (p, n));

          if (last->value->len > 0)
            g_string_append_c (last->value, ' ');
          g_string_append (last->value, more);
        }
      p = line_end + 1;
    }
  if (in_record)
    finish (fields, record_line, out, skipped);

  if (n_references == 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1,
                            "not MEDLINE: no reference starts with a 'PMID- ' line");
      return FALSE;
    }
  return TRUE;
}
