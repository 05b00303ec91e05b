/* metaethno: one reference as the importers read it (mte-citation-private.h):
 * setting its fields, splitting author names, finding the year, and the
 * problems that travel with it into the import report.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-citation-private.h"
#include "mte-error-private.h"

#include <stdarg.h>
#include <string.h>

MteCitation *
mte_citation_new (guint line)
{
  MteCitation *citation = g_new0 (MteCitation, 1);

  citation->line = line;
  citation->authors = g_ptr_array_new_with_free_func (g_free);
  citation->keywords = g_ptr_array_new_with_free_func (g_free);
  citation->problems = g_ptr_array_new_with_free_func (g_free);
  return citation;
}

void
mte_citation_free (MteCitation *citation)
{
  if (citation == NULL)
    return;
  g_free (citation->type);
  g_free (citation->key);
  g_ptr_array_unref (citation->authors);
  for (guint i = 0; i < MTE_RECORD_N_FIELDS; i++)
    g_free (citation->fields[i]);
  g_ptr_array_unref (citation->keywords);
  g_ptr_array_unref (citation->problems);
  g_free (citation);
}

void
mte_citation_add_problem (MteCitation *citation,
                          const char  *format,
                          ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (citation->problems, mte_message_clean (text));
  g_free (text);
}

void
mte_citation_skip (GArray     *skipped,
                   guint       line,
                   const char *format,
                   ...)
{
  MteCitationSkip skip = { line, NULL };
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  skip.message = mte_message_clean (text);
  g_free (text);
  g_array_append_val (skipped, skip);
}

void
mte_citation_skip_clear (gpointer skip)
{
  MteCitationSkip *s = skip;

  g_clear_pointer (&s->message, g_free);
}

/* Whether the model can hold @c: XML 1.0's characters, without the C0
 * controls other than tab and newline. */
static gboolean
is_text_char (gunichar c)
{
  if (c == '\t' || c == '\n')
    return TRUE;
  if (c < 0x20 || (c >= 0x7F && c <= 0x84) || (c >= 0x86 && c <= 0x9F))
    return FALSE;
  if (c >= 0xD800 && c <= 0xDFFF)
    return FALSE;
  return c != 0xFFFE && c != 0xFFFF;
}

/* Returns: (transfer full) (nullable): @value trimmed, with characters the
 * model cannot hold dropped and cut to MTE_IMPORT_MAX_FIELD bytes at a
 * character boundary; NULL when nothing is left. Sets *@cut and *@dropped
 * to say what was done. @value must be valid UTF-8. */
static char *
clean_value (const char *value,
             gboolean   *cut,
             gboolean   *dropped)
{
  GString *out;
  const char *p;

  *cut = FALSE;
  *dropped = FALSE;
  if (value == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_text_char (c))
        {
          *dropped = TRUE;
          continue;
        }
      if (out->len + 4 > MTE_IMPORT_MAX_FIELD)
        {
          *cut = TRUE;
          break;
        }
      g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static const char *
field_name (MteRecordField field)
{
  const char *name = mte_record_field_to_string (field);

  return name != NULL ? name : "field";
}

void
mte_citation_set (MteCitation    *citation,
                  MteRecordField  field,
                  const char     *value)
{
  gboolean cut, dropped;
  char *clean;

  g_return_if_fail ((guint) field < MTE_RECORD_N_FIELDS);

  clean = clean_value (value, &cut, &dropped);
  if (clean == NULL)
    return;
  if (citation->fields[field] != NULL)
    {
      if (strcmp (citation->fields[field], clean) != 0)
        {
          char *shown = mte_message_text (clean, 60);

          mte_citation_add_problem (citation, "a second %s was not kept: '%s'",
                                    field_name (field), shown);
          g_free (shown);
        }
      g_free (clean);
      return;
    }
  if (cut)
    mte_citation_add_problem (citation, "the %s was cut to %u bytes",
                              field_name (field), MTE_IMPORT_MAX_FIELD);
  if (dropped)
    mte_citation_add_problem (citation, "control characters were dropped from the %s",
                              field_name (field));
  citation->fields[field] = clean;
}

/* Collapses runs of white space into one space; returns a new string. */
static char *
squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
append_author (MteCitation *citation,
               const char  *name)
{
  gboolean cut, dropped;
  char *clean = clean_value (name, &cut, &dropped);
  char *squeezed;

  if (clean == NULL)
    return;
  squeezed = squeeze_spaces (clean);
  g_free (clean);
  if (cut || dropped)
    mte_citation_add_problem (citation, "an author's name was %s",
                              cut ? "cut" : "stripped of control characters");
  g_ptr_array_add (citation->authors, squeezed);
}

void
mte_citation_add_author (MteCitation *citation,
                         const char  *family,
                         const char  *given)
{
  g_autofree char *f = family != NULL ? g_strstrip (g_strdup (family)) : NULL;
  g_autofree char *g = given != NULL ? g_strstrip (g_strdup (given)) : NULL;

  if (f == NULL || *f == '\0')
    {
      /* A given name alone ("Selvamani" in MEDLINE is a family name, but a
       * format that gives only a given name has nothing better). */
      if (g != NULL && *g != '\0')
        append_author (citation, g);
      return;
    }
  if (g != NULL && *g != '\0')
    {
      g_autofree char *whole = g_strdup_printf ("%s, %s", f, g);

      append_author (citation, whole);
    }
  else
    append_author (citation, f);
}

/* Words that make a name an organisation's rather than a person's. */
static const char * const organisation_words[] = {
  "university", "universities", "group", "collaboration", "collaborative",
  "consortium", "institute", "institut", "organization", "organisation",
  "committee", "association", "society", "council", "foundation", "agency",
  "department", "ministry", "network", "centre", "center", "team",
  "investigators", "board", "office", "service", "services", "trust",
  "commission", "alliance", "panel", "working", "authors", "project",
  "hospital", "school", "college", "inc", "ltd", "gmbh", "and", "&", "for", "of",
};

/* Lower-case particles that belong to the family name ("van Gogh"). */
static const char * const family_particles[] = {
  "van", "von", "de", "der", "den", "da", "das", "del", "della", "dei", "di",
  "du", "des", "dos", "la", "le", "lo", "ten", "ter", "te", "zu", "zum",
  "y", "bin", "ibn", "al", "el", "st", "st.",
};

static const char * const name_suffixes[] = {
  "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd",
};

static gboolean
word_in (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_organisation (char **words)
{
  guint n = g_strv_length (words);

  if (n >= 6)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *bare = g_strdup (words[i]);

      g_strstrip (g_strdelimit (bare, ",;:()", ' '));
      if (word_in (bare, organisation_words, G_N_ELEMENTS (organisation_words)))
        return TRUE;
    }
  return FALSE;
}

/* "R.", "D.G.", "BS", "J-P": capitals, with dots or hyphens between. */
static gboolean
is_initials (const char *word)
{
  gsize capitals = 0;

  for (const char *c = word; *c != '\0'; c++)
    {
      if (g_ascii_isupper (*c))
        capitals++;
      else if (*c != '.' && *c != '-')
        return FALSE;
    }
  return capitals > 0 && capitals <= 4;
}

void
mte_citation_add_author_text (MteCitation *citation,
                              const char  *name)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  const char *comma;
  guint n, family_start;
  GString *given, *family;

  if (name == NULL)
    return;
  text = squeeze_spaces (name);
  if (*text == '\0')
    return;

  /* "Family, Given" and "Family, Suffix, Given" stay as they are written. */
  comma = strchr (text, ',');
  if (comma != NULL)
    {
      g_autofree char *family_part = g_strndup (text, comma - text);
      const char *rest = comma + 1;
      const char *second = strchr (rest, ',');

      if (second != NULL)
        {
          g_autofree char *middle = g_strstrip (g_strndup (rest, second - rest));

          if (word_in (middle, name_suffixes, G_N_ELEMENTS (name_suffixes)))
            {
              g_autofree char *with_suffix = g_strdup_printf ("%s %s", g_strstrip (family_part), middle);

              mte_citation_add_author (citation, with_suffix, second + 1);
              return;
            }
        }
      mte_citation_add_author (citation, family_part, rest);
      return;
    }

  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  if (n == 1 || looks_like_organisation (words))
    {
      mte_citation_add_author (citation, text, NULL);
      return;
    }

  /* "Liu R.", "Adler D.G.", "Shruthi BS" (Embase, MEDLINE): the family
   * name, then initials. */
  if (is_initials (words[n - 1]) && !is_initials (words[0]))
    {
      g_autofree char *family_part = g_strjoinv (" ", words);

      family_part[strlen (family_part) - strlen (words[n - 1]) - 1] = '\0';
      mte_citation_add_author (citation, family_part, words[n - 1]);
      return;
    }

  /* "Given [particles] Family [Suffix]". */
  if (n > 2 && word_in (words[n - 1], name_suffixes, G_N_ELEMENTS (name_suffixes)))
    n--;
  family_start = n - 1;
  while (family_start > 1 &&
         word_in (words[family_start - 1], family_particles, G_N_ELEMENTS (family_particles)) &&
         g_ascii_islower (words[family_start - 1][0]))
    family_start--;

  given = g_string_new (NULL);
  family = g_string_new (NULL);
  for (guint i = 0; i < family_start; i++)
    g_string_append_printf (given, "%s%s", i > 0 ? " " : "", words[i]);
  for (guint i = family_start; i < n; i++)
    g_string_append_printf (family, "%s%s", i > family_start ? " " : "", words[i]);
  if (n < g_strv_length (words))
    g_string_append_printf (family, " %s", words[n]);
  mte_citation_add_author (citation, family->str, given->str);
  g_string_free (given, TRUE);
  g_string_free (family, TRUE);
}

void
mte_citation_add_keyword (MteCitation *citation,
                          const char  *keyword)
{
  gboolean cut, dropped;
  char *clean = clean_value (keyword, &cut, &dropped);

  if (clean == NULL)
    return;
  for (guint i = 0; i < citation->keywords->len; i++)
    if (strcmp (g_ptr_array_index (citation->keywords, i), clean) == 0)
      {
        g_free (clean);
        return;
      }
  if (cut || dropped)
    mte_citation_add_problem (citation, "a keyword was %s",
                              cut ? "cut" : "stripped of control characters");
  g_ptr_array_add (citation->keywords, clean);
}

void
mte_citation_set_year_text (MteCitation *citation,
                            const char  *text)
{
  const char *p;

  if (text == NULL)
    return;
  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isdigit (p[-1])))
        {
          gsize run = 0;

          while (g_ascii_isdigit (p[run]))
            run++;
          if (run == 4 && p[0] != '0')
            {
              citation->year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 +
                               (p[2] - '0') * 10 + (p[3] - '0');
              return;
            }
          p += run - 1;
        }
    }
  {
    g_autofree char *shown = mte_message_text (text, 60);

    mte_citation_add_problem (citation, "no year in the date '%s'", shown);
  }
}
