/* metaethno: BibTeX and BibLaTeX references (mte-citation-private.h).
 *
 * A hand-written reader: the grammar is small (entries, @string macros,
 * "#" concatenation, braces), and what a review needs from it (authors
 * split the way BibTeX splits them, LaTeX accents turned into Unicode)
 * is the part general converters get least right.
 *
 * Two passes over each field: the value is first read raw, braces and
 * all, with macros expanded and pieces concatenated; then names are split
 * at brace depth 0 and every part is turned from LaTeX into Unicode.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "mte-citation-private.h"
#include "mte-error-private.h"

typedef struct {
  const char *text;
  gsize       length;
  gsize       pos;
  const char *name;
  GHashTable *macros;           /* lower-case name → raw value */
  gsize       line_pos;         /* line counting resumes here ... */
  guint       line;             /* ... at this line */
} Scanner;

typedef enum {
  READ_OK,
  READ_UNBALANCED,              /* input or a new entry before the closing brace */
  READ_TOO_DEEP,
  READ_TOO_LONG,                /* @string macros expand past MTE_IMPORT_MAX_FIELD */
  READ_SYNTAX
} ReadResult;

typedef struct {
  char *name;                   /* lower case */
  char *raw;
} Field;

static void
field_free (gpointer data)
{
  Field *f = data;

  g_free (f->name);
  g_free (f->raw);
  g_free (f);
}

static guint
line_at (Scanner *s, gsize pos)
{
  if (pos < s->line_pos)
    {
      s->line_pos = 0;
      s->line = 1;
    }
  for (; s->line_pos < pos && s->line_pos < s->length; s->line_pos++)
    if (s->text[s->line_pos] == '\n')
      s->line++;
  return s->line;
}

static gboolean
at_end (const Scanner *s)
{
  return s->pos >= s->length;
}

static char
peek (const Scanner *s)
{
  return at_end (s) ? '\0' : s->text[s->pos];
}

static void
skip_space (Scanner *s)
{
  while (!at_end (s) && g_ascii_isspace (s->text[s->pos]))
    s->pos++;
}

/* BibTeX's identifiers: field names, entry types and macro names. */
static gboolean
is_ident_char (char c)
{
  return c != '\0' && !g_ascii_isspace (c) && strchr ("\"#%'(),={}@\\", c) == NULL
         && (guchar) c >= 0x20;
}

static char *
read_ident (Scanner *s)
{
  gsize start = s->pos;

  while (!at_end (s) && is_ident_char (s->text[s->pos]))
    s->pos++;
  if (s->pos == start)
    return NULL;
  return g_ascii_strdown (s->text + start, (gssize) (s->pos - start));
}

/* True at "@name{" or "@name(" (spaces allowed before the bracket): the
 * start of an entry. */
static gboolean
entry_starts_at (const Scanner *s, gsize pos)
{
  gsize i = pos;

  if (i >= s->length || s->text[i] != '@')
    return FALSE;
  i++;
  if (i >= s->length || !g_ascii_isalpha (s->text[i]))
    return FALSE;
  while (i < s->length && is_ident_char (s->text[i]))
    i++;
  while (i < s->length && (s->text[i] == ' ' || s->text[i] == '\t'))
    i++;
  return i < s->length && (s->text[i] == '{' || s->text[i] == '(');
}

/* A new line that starts an entry, inside a value, means the value was
 * never closed. */
static gboolean
entry_starts_after_newline (const Scanner *s, gsize newline)
{
  gsize i = newline + 1;

  while (i < s->length && (s->text[i] == ' ' || s->text[i] == '\t'))
    i++;
  return entry_starts_at (s, i);
}

/* Reads a braced group starting at '{'; appends its content (without the
 * outer braces) to @out when non-NULL. */
static ReadResult
read_braced (Scanner *s, GString *out)
{
  int depth = 1;
  gsize start;

  g_assert (peek (s) == '{');
  s->pos++;
  start = s->pos;
  while (!at_end (s))
    {
      char c = s->text[s->pos];

      if (c == '\\' && s->pos + 1 < s->length
          && (s->text[s->pos + 1] == '{' || s->text[s->pos + 1] == '}'))
        {
          s->pos += 2;
          continue;
        }
      if (c == '{')
        {
          if (++depth > MTE_IMPORT_MAX_DEPTH)
            return READ_TOO_DEEP;
        }
      else if (c == '}')
        {
          if (--depth == 0)
            {
              if (out != NULL)
                g_string_append_len (out, s->text + start, (gssize) (s->pos - start));
              s->pos++;
              return READ_OK;
            }
        }
      else if (c == '\n' && entry_starts_after_newline (s, s->pos))
        return READ_UNBALANCED;
      s->pos++;
    }
  return READ_UNBALANCED;
}

static ReadResult
read_quoted (Scanner *s, GString *out)
{
  int depth = 0;
  gsize start;

  g_assert (peek (s) == '"');
  s->pos++;
  start = s->pos;
  while (!at_end (s))
    {
      char c = s->text[s->pos];

      if (c == '\\' && s->pos + 1 < s->length
          && (s->text[s->pos + 1] == '{' || s->text[s->pos + 1] == '}'))
        {
          s->pos += 2;
          continue;
        }
      if (c == '{')
        {
          if (++depth > MTE_IMPORT_MAX_DEPTH)
            return READ_TOO_DEEP;
        }
      else if (c == '}')
        {
          if (--depth < 0)
            return READ_UNBALANCED;
        }
      else if (c == '"' && depth == 0)
        {
          g_string_append_len (out, s->text + start, (gssize) (s->pos - start));
          s->pos++;
          return READ_OK;
        }
      else if (c == '\n' && entry_starts_after_newline (s, s->pos))
        return READ_UNBALANCED;
      s->pos++;
    }
  return READ_UNBALANCED;
}

static const char *const month_names[] = {
  "jan", "January", "feb", "February", "mar", "March", "apr", "April",
  "may", "May", "jun", "June", "jul", "July", "aug", "August",
  "sep", "September", "oct", "October", "nov", "November", "dec", "December",
};

/* value = piece ("#" piece)*; piece = {…} | "…" | number | macro.
 * An unknown macro reads as empty and is reported in @unknown. */
static ReadResult
read_value (Scanner *s, GString *out, GString *unknown)
{
  for (;;)
    {
      ReadResult r;
      char c;

      skip_space (s);
      c = peek (s);
      if (c == '{')
        r = read_braced (s, out);
      else if (c == '"')
        r = read_quoted (s, out);
      else if (g_ascii_isdigit (c))
        {
          while (g_ascii_isdigit (peek (s)))
            g_string_append_c (out, s->text[s->pos++]);
          r = READ_OK;
        }
      else
        {
          g_autofree char *macro = read_ident (s);
          const char *value;

          if (macro == NULL)
            return c == '\0' ? READ_UNBALANCED : READ_SYNTAX;
          value = g_hash_table_lookup (s->macros, macro);
          for (gsize i = 0; value == NULL && i < G_N_ELEMENTS (month_names); i += 2)
            if (strcmp (macro, month_names[i]) == 0)
              value = month_names[i + 1];
          if (value != NULL)
            {
              if (out->len + strlen (value) > MTE_IMPORT_MAX_FIELD)
                return READ_TOO_LONG;
              g_string_append (out, value);
            }
          else if (unknown != NULL && unknown->len == 0)
            g_string_append (unknown, macro);
          r = READ_OK;
        }
      if (r != READ_OK)
        return r;
      skip_space (s);
      if (peek (s) != '#')
        return READ_OK;
      s->pos++;
    }
}

/* ------------------------------------------------------------------ */
/* LaTeX to Unicode                                                   */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *command;
  gunichar    mark;             /* combining character */
} Accent;

static const Accent accents[] = {
  { "'", 0x0301 }, { "`", 0x0300 }, { "^", 0x0302 }, { "\"", 0x0308 },
  { "~", 0x0303 }, { "=", 0x0304 }, { ".", 0x0307 }, { "c", 0x0327 },
  { "v", 0x030C }, { "u", 0x0306 }, { "H", 0x030B }, { "k", 0x0328 },
  { "r", 0x030A }, { "d", 0x0323 }, { "b", 0x0331 }, { "t", 0x0361 },
};

typedef struct {
  const char *command;
  const char *text;
} Symbol;

static const Symbol symbols[] = {
  { "aa", "\u00e5" }, { "AA", "\u00c5" }, { "o", "\u00f8" }, { "O", "\u00d8" },
  { "ss", "\u00df" }, { "ae", "\u00e6" }, { "AE", "\u00c6" }, { "oe", "\u0153" },
  { "OE", "\u0152" }, { "l", "\u0142" }, { "L", "\u0141" }, { "i", "\u0131" },
  { "j", "\u0237" }, { "dh", "\u00f0" }, { "DH", "\u00d0" }, { "th", "\u00fe" },
  { "TH", "\u00de" }, { "ng", "\u014b" }, { "NG", "\u014a" }, { "dj", "\u0111" },
  { "DJ", "\u0110" }, { "S", "\u00a7" }, { "P", "\u00b6" }, { "copyright", "\u00a9" },
  { "pounds", "\u00a3" }, { "textendash", "\u2013" }, { "textemdash", "\u2014" },
  { "ldots", "\u2026" }, { "dots", "\u2026" }, { "textellipsis", "\u2026" },
  { "textquoteleft", "\u2018" }, { "textquoteright", "\u2019" },
  { "textquotedblleft", "\u201c" }, { "textquotedblright", "\u201d" },
  { "guillemotleft", "\u00ab" }, { "guillemotright", "\u00bb" },
  { "textregistered", "\u00ae" }, { "texttrademark", "\u2122" },
  { "textdegree", "\u00b0" }, { "textasciitilde", "~" }, { "textbackslash", "\\" },
  { "textasciicircum", "^" }, { "textunderscore", "_" }, { "textbar", "|" },
  { "textbraceleft", "{" }, { "textbraceright", "}" },
  { "textless", "<" }, { "textgreater", ">" }, { "LaTeX", "LaTeX" }, { "TeX", "TeX" },
  { "BibTeX", "BibTeX" }, { "quad", " " }, { "qquad", " " }, { "space", " " },
};

/* Commands whose first braced argument is layout, not text. */
static const char *const layout_commands[] = {
  "hspace", "vspace", "hskip", "vskip", "kern", "label", "phantom",
  "hphantom", "vphantom", "color", "rule", "raisebox", "setlength",
};

static gboolean
is_layout_command (const char *command, gsize length)
{
  for (gsize i = 0; i < G_N_ELEMENTS (layout_commands); i++)
    if (strlen (layout_commands[i]) == length
        && strncmp (layout_commands[i], command, length) == 0)
      return TRUE;
  return FALSE;
}

/* Past the braced group at @p (bounded by the value's own balance). */
static const char *
skip_argument (const char *p, const char *end)
{
  int depth = 0;

  if (p >= end || *p != '{')
    return p;
  for (; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        p++;
      else if (*p == '{')
        depth++;
      else if (*p == '}' && --depth == 0)
        return p + 1;
    }
  return end;
}

static const Accent *
find_accent (const char *command, gsize length)
{
  for (gsize i = 0; i < G_N_ELEMENTS (accents); i++)
    if (strlen (accents[i].command) == length
        && strncmp (accents[i].command, command, length) == 0)
      return &accents[i];
  return NULL;
}

static const char *
find_symbol (const char *command, gsize length)
{
  for (gsize i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strlen (symbols[i].command) == length
        && strncmp (symbols[i].command, command, length) == 0)
      return symbols[i].text;
  return NULL;
}

static void
append_space (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

/* The argument of an accent at @p: "{x}", "x", "{\i}", "\i", "{}", with
 * spaces before it allowed. Appends the base character and @mark;
 * returns where reading goes on. */
static const char *
apply_accent (const char *p, const char *end, gunichar mark, GString *out)
{
  gboolean braced = FALSE;

  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
    p++;
  if (p < end && *p == '{')
    {
      braced = TRUE;
      p++;
      while (p < end && *p == ' ')
        p++;
    }
  if (p < end && *p == '\\' && p + 1 < end && (p[1] == 'i' || p[1] == 'j')
      && (p + 2 >= end || !g_ascii_isalpha (p[2])))
    {
      /* dotless i and j take the accent as plain i and j */
      g_string_append_c (out, p[1]);
      p += 2;
      while (p < end && *p == ' ' && braced)
        p++;
    }
  else if (p < end && *p != '}' && *p != '\\' && *p != '{')
    {
      const char *next = g_utf8_next_char (p);

      if (next > end)
        next = end;
      g_string_append_len (out, p, next - p);
      p = next;
    }
  else if (!braced)
    return p;
  g_string_append_unichar (out, mark);
  if (braced && p < end && *p == '}')
    p++;
  return p;
}

/* LaTeX text to Unicode: accents and symbols, escaped characters, dashes
 * and quotes; braces are dropped, other commands leave their argument.
 * Runs of white space become one space. With @verbatim (DOIs, URLs), only
 * braces and the backslash of escaped characters are dropped. */
static char *
latex_to_unicode (const char *text, gboolean verbatim)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;
  const char *end = text + strlen (text);
  char *normal;

  while (p < end)
    {
      char c = *p;

      if (c == '{' || c == '}')
        {
          p++;
          continue;
        }
      if (c == '\\' && p + 1 < end)
        {
          const char *name = p + 1;
          const char *name_end = name;

          if (g_ascii_isalpha (*name) && !verbatim)
            {
              while (name_end < end && g_ascii_isalpha (*name_end))
                name_end++;
            }
          else
            name_end = name + 1;

          if (verbatim)
            {
              if (!g_ascii_isalpha (*name))
                {
                  g_string_append_c (out, *name);
                  p = name + 1;
                }
              else
                {
                  g_string_append_c (out, c);
                  p++;
                }
              continue;
            }

          {
            gsize length = (gsize) (name_end - name);
            const Accent *accent = find_accent (name, length);
            const char *symbol;

            if (accent != NULL)
              {
                p = apply_accent (name_end, end, accent->mark, out);
                continue;
              }
            p = name_end;
            if (g_ascii_isalpha (*name))
              {
                /* a control word swallows the spaces after it */
                while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
                  p++;
                symbol = find_symbol (name, length);
                if (symbol != NULL)
                  g_string_append (out, symbol);
                else if (is_layout_command (name, length))
                  p = skip_argument (p, end);
                /* any other command: its argument, braces dropped, stays */
                continue;
              }
            switch (*name)
              {
              case '&': case '%': case '$': case '_': case '#':
              case '{': case '}':
                g_string_append_c (out, *name);
                break;
              case ' ': case '\\': case ',': case ';': case ':': case '\n':
                append_space (out);
                break;
              default:              /* \- \/ \@ and the like */
                break;
              }
            continue;
          }
        }
      if (c == '\\')
        {
          p++;
          continue;
        }
      if (verbatim)
        {
          if (!g_ascii_isspace (c))
            g_string_append_c (out, c);
          p++;
          continue;
        }
      if (g_ascii_isspace (c) || c == '~')
        {
          append_space (out);
          p++;
          continue;
        }
      if (c == '-' && p + 1 < end && p[1] == '-')
        {
          if (p + 2 < end && p[2] == '-')
            {
              g_string_append (out, "\u2014");
              p += 3;
            }
          else
            {
              g_string_append (out, "\u2013");
              p += 2;
            }
          continue;
        }
      if (c == '`' && p + 1 < end && p[1] == '`')
        {
          g_string_append (out, "\u201c");
          p += 2;
          continue;
        }
      if (c == '\'' && p + 1 < end && p[1] == '\'')
        {
          g_string_append (out, "\u201d");
          p += 2;
          continue;
        }
      if (c == '$')
        {
          p++;
          continue;
        }
      g_string_append_c (out, c);
      p++;
    }

  normal = g_utf8_normalize (out->str, (gssize) out->len, G_NORMALIZE_NFC);
  g_string_free (out, TRUE);
  if (normal == NULL)
    return g_strdup ("");
  return g_strstrip (normal);
}

/* ------------------------------------------------------------------ */
/* Names                                                              */
/* ------------------------------------------------------------------ */

/* Splits @raw at depth 0 on white space and on commas; commas come back
 * as tokens "," of their own. */
static GPtrArray *
name_tokens (const char *raw)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  GString *token = g_string_new (NULL);
  int depth = 0;

  for (const char *p = raw;; p++)
    {
      char c = *p;
      gboolean boundary = c == '\0'
                          || (depth == 0 && (g_ascii_isspace (c) || c == '~' || c == ','));

      if (boundary)
        {
          if (token->len > 0)
            g_ptr_array_add (tokens, g_strndup (token->str, token->len));
          g_string_truncate (token, 0);
          if (c == ',')
            g_ptr_array_add (tokens, g_strdup (","));
          if (c == '\0')
            break;
          continue;
        }
      if (c == '\\' && (p[1] == '{' || p[1] == '}'))
        {
          g_string_append_len (token, p, 2);
          p++;
          continue;
        }
      if (c == '{')
        depth++;
      else if (c == '}' && depth > 0)
        depth--;
      g_string_append_c (token, c);
    }
  g_string_free (token, TRUE);
  return tokens;
}

/* BibTeX's "von" test: the first letter at depth 0 is lower case; a word
 * that starts with a protected group ("{Da Ponte}") is not, but one that
 * starts with a special character ("{\'e}…") is read through it. */
static gboolean
is_von (const char *token)
{
  g_autofree char *text = NULL;
  const char *p;

  if (token[0] == '{' && token[1] != '\\')
    return FALSE;
  text = latex_to_unicode (token, FALSE);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalpha (ch))
        return g_unichar_islower (ch);
    }
  return FALSE;
}

static char *
join_tokens (GPtrArray *tokens, guint from, guint to)
{
  GString *raw = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (raw->len > 0)
        g_string_append_c (raw, ' ');
      g_string_append (raw, g_ptr_array_index (tokens, i));
    }
  return g_string_free (raw, FALSE);
}

static void
add_name (MteCitation *citation, const char *raw)
{
  g_autoptr (GPtrArray) tokens = name_tokens (raw);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *family_raw = NULL;
  g_autofree char *given_raw = NULL;
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  guint start = 0;

  /* The comma-separated parts, each a run of tokens. */
  for (guint i = 0; i <= tokens->len; i++)
    if (i == tokens->len || strcmp (g_ptr_array_index (tokens, i), ",") == 0)
      {
        g_ptr_array_add (parts, join_tokens (tokens, start, i));
        start = i + 1;
      }

  if (parts->len == 1)
    {
      /* First von Last */
      guint n = tokens->len;
      guint von_start = n, von_end = n;

      if (n == 0)
        return;
      for (guint i = 0; i + 1 < n; i++)
        if (is_von (g_ptr_array_index (tokens, i)))
          {
            if (von_start == n)
              von_start = i;
            von_end = i + 1;
          }
      if (von_start == n)
        von_start = von_end = n - 1;
      given_raw = join_tokens (tokens, 0, von_start);
      family_raw = join_tokens (tokens, von_start, n);
    }
  else
    {
      /* von Last, First  |  von Last, Jr, First */
      family_raw = g_strdup (g_ptr_array_index (parts, 0));
      if (parts->len == 2)
        given_raw = g_strdup (g_ptr_array_index (parts, 1));
      else
        {
          const char *jr = g_ptr_array_index (parts, 1);
          const char *first = g_ptr_array_index (parts, 2);

          given_raw = *jr != '\0' ? g_strconcat (first, ", ", jr, NULL) : g_strdup (first);
        }
    }

  family = latex_to_unicode (family_raw, FALSE);
  given = latex_to_unicode (given_raw, FALSE);
  if (*family == '\0' && *given == '\0')
    return;
  if (*family == '\0')
    mte_citation_add_author (citation, given, NULL);
  else
    mte_citation_add_author (citation, family, given);
}

/* Splits a name list on "and" between white space at depth 0. */
static void
add_names (MteCitation *citation, const char *raw)
{
  GString *name = g_string_new (NULL);
  int depth = 0;
  const char *p = raw;

  for (;;)
    {
      char c = *p;

      if (c == '\0'
          || (depth == 0 && g_ascii_isspace (c)
              && g_ascii_strncasecmp (p + 1, "and", 3) == 0
              && (g_ascii_isspace (p[4]))))
        {
          g_strstrip (name->str);
          name->len = strlen (name->str);
          if (name->len > 0 && g_ascii_strcasecmp (name->str, "others") != 0)
            add_name (citation, name->str);
          g_string_truncate (name, 0);
          if (c == '\0')
            break;
          p += 4;
          continue;
        }
      if (c == '\\' && (p[1] == '{' || p[1] == '}'))
        {
          g_string_append_len (name, p, 2);
          p += 2;
          continue;
        }
      if (c == '{')
        depth++;
      else if (c == '}' && depth > 0)
        depth--;
      g_string_append_c (name, c);
      p++;
    }
  g_string_free (name, TRUE);
}

/* ------------------------------------------------------------------ */
/* Entries                                                            */
/* ------------------------------------------------------------------ */

static void
set_text (MteCitation *citation, MteRecordField field, const char *raw)
{
  g_autofree char *text = latex_to_unicode (raw, FALSE);

  mte_citation_set (citation, field, text);
}

static void
set_pages (MteCitation *citation, const char *raw)
{
  g_autofree char *text = latex_to_unicode (raw, FALSE);
  GString *pages = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == 0x2013 || ch == 0x2014)
        g_string_append_c (pages, '-');
      else
        g_string_append_unichar (pages, ch);
    }
  mte_citation_set (citation, MTE_RECORD_PAGES, pages->str);
  g_string_free (pages, TRUE);
}

static void
add_keywords (MteCitation *citation, const char *raw)
{
  g_autofree char *text = latex_to_unicode (raw, FALSE);
  g_auto (GStrv) words = g_strsplit_set (text, ",;", -1);

  for (char **w = words; *w != NULL; w++)
    {
      g_strstrip (*w);
      if (**w != '\0')
        mte_citation_add_keyword (citation, *w);
    }
}

static const char *
lookup_field (GPtrArray *fields, const char *name)
{
  for (guint i = 0; i < fields->len; i++)
    {
      Field *f = g_ptr_array_index (fields, i);

      if (strcmp (f->name, name) == 0)
        return f->raw;
    }
  return NULL;
}

static MteCitation *
make_citation (guint line, const char *type, const char *key, GPtrArray *fields)
{
  MteCitation *citation = mte_citation_new (line);
  const char *title = lookup_field (fields, "title");
  const char *subtitle = lookup_field (fields, "subtitle");
  const char *names = lookup_field (fields, "author");
  const char *year = lookup_field (fields, "year");
  GString *notes = g_string_new (NULL);

  citation->type = g_strdup (type);
  citation->key = *key != '\0' ? g_strdup (key) : NULL;

  if (names == NULL)
    names = lookup_field (fields, "editor");
  if (names != NULL)
    add_names (citation, names);

  if (title != NULL && subtitle != NULL)
    {
      g_autofree char *both = g_strconcat (title, ": ", subtitle, NULL);

      set_text (citation, MTE_RECORD_TITLE, both);
    }
  else if (title != NULL)
    set_text (citation, MTE_RECORD_TITLE, title);

  if (year == NULL)
    year = lookup_field (fields, "date");
  if (year != NULL)
    {
      g_autofree char *text = latex_to_unicode (year, FALSE);

      mte_citation_set_year_text (citation, text);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      Field *f = g_ptr_array_index (fields, i);
      const char *n = f->name;

      if (strcmp (n, "journal") == 0 || strcmp (n, "journaltitle") == 0
          || strcmp (n, "booktitle") == 0)
        set_text (citation, MTE_RECORD_SOURCE, f->raw);
      else if (strcmp (n, "volume") == 0)
        set_text (citation, MTE_RECORD_VOLUME, f->raw);
      else if (strcmp (n, "number") == 0 || strcmp (n, "issue") == 0)
        set_text (citation, MTE_RECORD_ISSUE, f->raw);
      else if (strcmp (n, "pages") == 0)
        set_pages (citation, f->raw);
      else if (strcmp (n, "doi") == 0 || strcmp (n, "url") == 0)
        {
          /* verbatim; mte-import.c drops a "https://doi.org/" */
          g_autofree char *text = latex_to_unicode (f->raw, TRUE);

          mte_citation_set (citation, n[0] == 'd' ? MTE_RECORD_DOI : MTE_RECORD_URL, text);
        }
      else if (strcmp (n, "abstract") == 0)
        set_text (citation, MTE_RECORD_ABSTRACT, f->raw);
      else if (strcmp (n, "keywords") == 0)
        add_keywords (citation, f->raw);
      else if (strcmp (n, "note") == 0 || strcmp (n, "annote") == 0
               || strcmp (n, "annotation") == 0)
        {
          g_autofree char *text = latex_to_unicode (f->raw, FALSE);

          if (*text != '\0')
            {
              if (notes->len > 0)
                g_string_append (notes, "\n\n");
              g_string_append (notes, text);
            }
        }
    }
  if (notes->len > 0)
    mte_citation_set (citation, MTE_RECORD_NOTES, notes->str);
  g_string_free (notes, TRUE);
  return citation;
}

/* Where to go on after an entry that could not be read: the next line
 * that starts an entry, or the end. */
static void
resume_after (Scanner *s, gsize entry_start)
{
  for (gsize i = entry_start + 1; i < s->length; i++)
    if (s->text[i] == '\n' && entry_starts_after_newline (s, i))
      {
        s->pos = i + 1;
        return;
      }
  s->pos = s->length;
}

static const char *
read_problem (ReadResult r)
{
  switch (r)
    {
    case READ_UNBALANCED:
      return "unbalanced braces or quotes: the entry does not end before the next one";
    case READ_TOO_DEEP:
      return "braces nested too deeply";
    case READ_TOO_LONG:
      return "a value grows too long when its @string macros are expanded";
    default:
      return "not an entry: a key, then fields \"name = value\" separated by commas";
    }
}

/* @string{name = value, ...} */
static ReadResult
read_string (Scanner *s, char close)
{
  for (;;)
    {
      g_autofree char *macro = NULL;
      GString *value;
      ReadResult r;

      skip_space (s);
      if (peek (s) == close)
        {
          s->pos++;
          return READ_OK;
        }
      if (peek (s) == ',')
        {
          s->pos++;
          continue;
        }
      macro = read_ident (s);
      if (macro == NULL)
        return at_end (s) ? READ_UNBALANCED : READ_SYNTAX;
      skip_space (s);
      if (peek (s) != '=')
        return at_end (s) ? READ_UNBALANCED : READ_SYNTAX;
      s->pos++;
      value = g_string_new (NULL);
      r = read_value (s, value, NULL);
      if (r != READ_OK)
        {
          g_string_free (value, TRUE);
          return r;
        }
      g_hash_table_replace (s->macros, g_steal_pointer (&macro), g_string_free (value, FALSE));
    }
}

/* The fields of an entry, after its key, up to its closing bracket. */
static ReadResult
read_fields (Scanner *s, char close, GPtrArray *fields, GString *unknown)
{
  for (;;)
    {
      Field *f;
      char *name;
      GString *value;
      ReadResult r;

      skip_space (s);
      if (peek (s) == close)
        {
          s->pos++;
          return READ_OK;
        }
      if (peek (s) == ',')
        {
          s->pos++;
          continue;
        }
      if (peek (s) == '@' && entry_starts_at (s, s->pos))
        return READ_UNBALANCED;
      name = read_ident (s);
      if (name == NULL)
        return at_end (s) ? READ_UNBALANCED : READ_SYNTAX;
      skip_space (s);
      if (peek (s) != '=')
        {
          g_free (name);
          return at_end (s) ? READ_UNBALANCED : READ_SYNTAX;
        }
      s->pos++;
      value = g_string_new (NULL);
      r = read_value (s, value, unknown);
      if (r != READ_OK)
        {
          g_free (name);
          g_string_free (value, TRUE);
          return r;
        }
      f = g_new0 (Field, 1);
      f->name = name;
      f->raw = g_string_free (value, FALSE);
      g_ptr_array_add (fields, f);
    }
}

/* Skips @comment{…} and @preamble{…}: the group when it is balanced,
 * else the rest of the line. */
static void
skip_group (Scanner *s)
{
  gsize open = s->pos;
  ReadResult r;

  if (peek (s) == '{')
    r = read_braced (s, NULL);
  else
    {
      /* "(" … ")": nothing inside is needed, only where it ends */
      int depth = 0;

      r = READ_UNBALANCED;
      for (; !at_end (s); s->pos++)
        {
          char c = s->text[s->pos];

          if (c == '(' && ++depth > MTE_IMPORT_MAX_DEPTH)
            break;
          if (c == ')' && --depth == 0)
            {
              s->pos++;
              r = READ_OK;
              break;
            }
        }
    }
  if (r != READ_OK)
    {
      const char *newline = memchr (s->text + open, '\n', s->length - open);

      s->pos = newline != NULL ? (gsize) (newline - s->text) + 1 : s->length;
    }
}

gboolean
mte_bibtex_parse (const char *text, gsize length, const char *name,
                  GPtrArray *out, GArray *skipped, GError **error)
{
  Scanner s = { text, length, 0, name != NULL ? name : "<data>", NULL, 0, 1 };
  guint n_references = 0;
  gboolean any_entry = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL && skipped != NULL, FALSE);

  s.macros = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  while (!at_end (&s))
    {
      const char *at = memchr (text + s.pos, '@', length - s.pos);
      gsize entry_start;
      g_autofree char *type = NULL;
      char close;
      guint line;

      if (at == NULL)
        break;
      s.pos = (gsize) (at - text);
      if (!entry_starts_at (&s, s.pos))
        {
          s.pos++;                /* an "@" in free text */
          continue;
        }
      entry_start = s.pos;
      line = line_at (&s, entry_start);
      s.pos++;
      type = read_ident (&s);
      skip_space (&s);
      close = peek (&s) == '{' ? '}' : ')';
      any_entry = TRUE;

      if (strcmp (type, "comment") == 0 || strcmp (type, "preamble") == 0)
        {
          skip_group (&s);
          continue;
        }
      s.pos++;

      if (strcmp (type, "string") == 0)
        {
          ReadResult r = read_string (&s, close);

          if (r != READ_OK)
            {
              /* a macro that cannot be read leaves the others as they are */
              resume_after (&s, entry_start);
            }
          continue;
        }

      if (n_references >= MTE_IMPORT_MAX_REFERENCES)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, s.name, (int) line, 1,
                                "more than %u references", MTE_IMPORT_MAX_REFERENCES);
          ok = FALSE;
          break;
        }
      n_references++;

      {
        g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (field_free);
        g_autoptr (GString) unknown = g_string_new (NULL);
        g_autofree char *key = NULL;
        gsize key_start;
        ReadResult r;

        skip_space (&s);
        key_start = s.pos;
        while (!at_end (&s) && !g_ascii_isspace (peek (&s)) && peek (&s) != ','
               && peek (&s) != close && peek (&s) != '{' && peek (&s) != '}'
               && peek (&s) != '=')
          s.pos++;
        key = g_strndup (text + key_start, s.pos - key_start);
        skip_space (&s);
        if (peek (&s) == '=')
          {
            /* no key: the first field starts here */
            s.pos = key_start;
            g_clear_pointer (&key, g_free);
            key = g_strdup ("");
          }
        if (peek (&s) == ',' || peek (&s) == close || *key == '\0')
          r = read_fields (&s, close, fields, unknown);
        else
          r = at_end (&s) ? READ_UNBALANCED : READ_SYNTAX;
        if (r != READ_OK)
          {
            g_autofree char *shown = mte_message_text (key, 80);

            if (*key != '\0')
              mte_citation_skip (skipped, line, "entry '%s': %s", shown, read_problem (r));
            else
              mte_citation_skip (skipped, line, "%s", read_problem (r));
            resume_after (&s, entry_start);
            continue;
          }
        {
          MteCitation *citation = make_citation (line, type, key, fields);

          if (unknown->len > 0)
            {
              g_autofree char *shown = mte_message_text (unknown->str, 80);

              mte_citation_add_problem (citation, "unknown @string macro '%s' read as empty",
                                        shown);
            }
          g_ptr_array_add (out, citation);
        }
      }
    }

  g_hash_table_unref (s.macros);
  if (ok && !any_entry)
    {
      gsize i = 0;

      /* Text with no entry at all is not BibTeX (an empty file is). */
      while (i < length && g_ascii_isspace (text[i]))
        i++;
      if (i < length && text[i] != '%')
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, s.name, 1, 1,
                                "no BibTeX entry (\"@type{key, ...}\") found");
          return FALSE;
        }
    }
  return ok;
}
