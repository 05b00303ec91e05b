/* metaethno: CSL-JSON references (mte-citation-private.h), read with
 * json-glib's JsonParser.
 *
 * json-glib 1.6 parses by recursion with no bound of its own (a few
 * hundred thousand "[" overflow the stack), so a first pass over the text
 * bounds the nesting and, on the way, notes the line each item starts on:
 * json-glib's nodes do not carry their position.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mte-citation-private.h"
#include "mte-error-private.h"

/* Checks the nesting of @text and fills @item_lines with the line of
 * each value of the top-level array (or of the single top-level value).
 * Fails only for nesting deeper than MTE_IMPORT_MAX_DEPTH; anything else
 * wrong is left for json-glib to word. */
static gboolean
prescan (const char *text, gsize length, const char *name, GArray *item_lines,
         GError **error)
{
  int depth = 0;
  guint line = 1;
  gsize line_start = 0;
  gboolean in_string = FALSE;
  gboolean expect_item = TRUE;      /* at depth 0, or after "[" or "," at depth 1 */
  gboolean top_is_array = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\n')
        {
          line++;
          line_start = i + 1;
          continue;
        }
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r')
        continue;
      if (expect_item && (depth == 0 || (depth == 1 && top_is_array)) && c != ']')
        {
          if (depth == 0 && c == '[')
            top_is_array = TRUE;
          else
            {
              guint l = line;

              g_array_append_val (item_lines, l);
            }
          expect_item = FALSE;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > MTE_IMPORT_MAX_DEPTH)
            {
              mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, (int) line,
                                    (int) (g_utf8_strlen (text + line_start,
                                                          (gssize) (i - line_start)) + 1),
                                    "JSON nested deeper than %d levels",
                                    MTE_IMPORT_MAX_DEPTH);
              return FALSE;
            }
          if (depth == 1 && c == '[' && top_is_array)
            expect_item = TRUE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        case ',':
          if (depth == 1 && top_is_array)
            expect_item = TRUE;
          break;
        default:
          break;
        }
      if (item_lines->len > MTE_IMPORT_MAX_REFERENCES)
        {
          mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, (int) line, 1,
                                "more than %u references", MTE_IMPORT_MAX_REFERENCES);
          return FALSE;
        }
    }
  return TRUE;
}

/* json-glib words its errors "<data>:LINE:COLUMN: Parse error: what". */
static void
set_parse_error (GError **error, const char *name, const GError *json_error)
{
  const char *message = json_error->message;
  const char *p = strstr (message, ">:");
  int line = 1, column = 1;

  if (p != NULL)
    {
      char *end;
      long l, c;

      l = strtol (p + 2, &end, 10);
      if (*end == ':')
        {
          c = strtol (end + 1, &end, 10);
          if (*end == ':' && l > 0 && l < G_MAXINT && c > 0 && c < G_MAXINT)
            {
              line = (int) l;
              column = (int) c;
              message = end + 1;
              while (*message == ' ')
                message++;
              if (g_str_has_prefix (message, "Parse error: "))
                message += strlen ("Parse error: ");
            }
        }
    }
  mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, line, column, "%s", message);
}

static const char *
kind_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a number";
    }
}

/* A member as text: strings as they are, numbers written out; NULL for
 * absent or null members, and for arrays and objects (reported). */
static char *
member_text (MteCitation *citation, JsonObject *item, const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
        }
    }
  mte_citation_add_problem (citation, "\"%s\" is not text and was not read", member);
  return NULL;
}

static void
set_member (MteCitation *citation, JsonObject *item, const char *member, MteRecordField field)
{
  g_autofree char *text = member_text (citation, item, member);

  if (text != NULL)
    mte_citation_set (citation, field, text);
}

static const char *
object_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* One name: {"family", "given"} with their particles, or {"literal"}. */
static void
add_name (MteCitation *citation, JsonNode *node)
{
  JsonObject *name;
  const char *literal, *family, *given, *particle, *dropping;
  g_autoptr (GString) whole_family = NULL;
  g_autoptr (GString) whole_given = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      mte_citation_add_author_text (citation, json_node_get_string (node));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mte_citation_add_problem (citation, "a name that is not an object was not read");
      return;
    }
  name = json_node_get_object (node);
  literal = object_string (name, "literal");
  family = object_string (name, "family");
  given = object_string (name, "given");
  particle = object_string (name, "non-dropping-particle");
  dropping = object_string (name, "dropping-particle");

  if (literal != NULL && (family == NULL || *family == '\0'))
    {
      mte_citation_add_author (citation, literal, NULL);
      return;
    }
  whole_family = g_string_new (NULL);
  if (particle != NULL && *particle != '\0')
    g_string_append_printf (whole_family, "%s ", particle);
  if (family != NULL)
    g_string_append (whole_family, family);
  whole_given = g_string_new (given);
  if (dropping != NULL && *dropping != '\0')
    g_string_append_printf (whole_given, "%s%s", whole_given->len > 0 ? " " : "", dropping);

  if (family == NULL || *family == '\0')
    {
      if (whole_given->len > 0)
        mte_citation_add_author (citation, whole_given->str, NULL);
      else
        mte_citation_add_problem (citation, "a name with neither family nor given name was not read");
      return;
    }
  mte_citation_add_author (citation, whole_family->str, whole_given->str);
}

static gboolean
add_names (MteCitation *citation, JsonObject *item, const char *member)
{
  JsonNode *node = json_object_get_member (item, member);
  JsonArray *names;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      mte_citation_add_problem (citation, "\"%s\" is not a list of names and was not read",
                                member);
      return FALSE;
    }
  names = json_node_get_array (node);
  n = json_array_get_length (names);
  for (guint i = 0; i < n; i++)
    add_name (citation, json_array_get_element (names, i));
  return n > 0;
}

/* The year of a date-part: an integer or a string of digits. FALSE when
 * it is neither; @year may then be out of 1..9999, for the caller to say. */
static gboolean
date_part_year (JsonNode *node, gint64 *year)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *year = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        /* NaN fails both comparisons; no libm needed */
        if (!(d > -1e15 && d < 1e15) || d != (double) (gint64) d)
          return FALSE;
        *year = (gint64) d;
        return TRUE;
      }
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        char *end;
        gint64 value;

        while (g_ascii_isspace (*s))
          s++;
        if (*s == '\0')
          return FALSE;
        errno = 0;
        value = g_ascii_strtoll (s, &end, 10);
        while (g_ascii_isspace (*end))
          end++;
        if (errno != 0 || *end != '\0' || end == s)
          return FALSE;
        *year = value;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static void
set_year (MteCitation *citation, JsonObject *item)
{
  JsonNode *node = json_object_get_member (item, "issued");
  JsonObject *issued;
  JsonNode *parts;
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      mte_citation_set_year_text (citation, json_node_get_string (node));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mte_citation_add_problem (citation, "\"issued\" is not a date and was not read");
      return;
    }
  issued = json_node_get_object (node);
  parts = json_object_get_member (issued, "date-parts");
  if (parts != NULL && JSON_NODE_HOLDS_ARRAY (parts)
      && json_array_get_length (json_node_get_array (parts)) > 0)
    {
      /* [[y, m, d]] or, for a range, [[y, m, d], [y, m, d]]: the start */
      JsonNode *first = json_array_get_element (json_node_get_array (parts), 0);
      gint64 year = 0;

      if (JSON_NODE_HOLDS_ARRAY (first) && json_array_get_length (json_node_get_array (first)) > 0
          && date_part_year (json_array_get_element (json_node_get_array (first), 0), &year))
        {
          if (year >= 1 && year <= 9999)
            citation->year = (int) year;
          else
            mte_citation_add_problem (citation, "the year %" G_GINT64_FORMAT
                                      " is outside 1 to 9999 and was not read", year);
          return;
        }
    }
  text = object_string (issued, "literal");
  if (text == NULL)
    text = object_string (issued, "raw");
  if (text != NULL)
    mte_citation_set_year_text (citation, text);
  else
    mte_citation_add_problem (citation, "\"issued\" has no year that could be read");
}

static void
add_keywords (MteCitation *citation, JsonObject *item)
{
  g_autofree char *text = member_text (citation, item, "keyword");
  g_auto (GStrv) words = NULL;

  if (text == NULL)
    return;
  words = g_strsplit_set (text, ",;", -1);
  for (char **w = words; *w != NULL; w++)
    {
      g_strstrip (*w);
      if (**w != '\0')
        mte_citation_add_keyword (citation, *w);
    }
}

static MteCitation *
read_item (JsonObject *item, guint line)
{
  MteCitation *citation = mte_citation_new (line);

  citation->key = member_text (citation, item, "id");
  citation->type = member_text (citation, item, "type");
  if (!add_names (citation, item, "author"))
    add_names (citation, item, "editor");
  set_year (citation, item);
  set_member (citation, item, "title", MTE_RECORD_TITLE);
  set_member (citation, item, "container-title", MTE_RECORD_SOURCE);
  set_member (citation, item, "volume", MTE_RECORD_VOLUME);
  set_member (citation, item, "issue", MTE_RECORD_ISSUE);
  set_member (citation, item, "page", MTE_RECORD_PAGES);
  set_member (citation, item, "DOI", MTE_RECORD_DOI);
  set_member (citation, item, "URL", MTE_RECORD_URL);
  set_member (citation, item, "abstract", MTE_RECORD_ABSTRACT);
  set_member (citation, item, "source", MTE_RECORD_DATABASE);
  set_member (citation, item, "note", MTE_RECORD_NOTES);
  add_keywords (citation, item);
  return citation;
}

gboolean
mte_csl_json_parse (const char *text, gsize length, const char *name,
                    GPtrArray *out, GArray *skipped, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GArray) item_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GError) json_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL && skipped != NULL, FALSE);

  if (name == NULL)
    name = "<data>";
  if (length > G_MAXSSIZE)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 1, 1, "input too large");
      return FALSE;
    }
  if (!prescan (text, length, name, item_lines, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) length, &json_error))
    {
      set_parse_error (error, name, json_error);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1,
                            "no JSON value: CSL-JSON is an array of items");
      return FALSE;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      guint line = item_lines->len > 0 ? g_array_index (item_lines, guint, 0) : 1;

      g_ptr_array_add (out, read_item (json_node_get_object (root), line));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name,
                            item_lines->len > 0 ? (int) g_array_index (item_lines, guint, 0) : 1,
                            1, "CSL-JSON is an array of items or one item, not %s",
                            kind_name (root));
      return FALSE;
    }

  {
    JsonArray *items = json_node_get_array (root);
    guint n = json_array_get_length (items);

    for (guint i = 0; i < n; i++)
      {
        JsonNode *node = json_array_get_element (items, i);
        guint line = i < item_lines->len ? g_array_index (item_lines, guint, i) : 0;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          mte_citation_skip (skipped, line, "item %u is %s, not an object", i + 1,
                             kind_name (node));
        else
          g_ptr_array_add (out, read_item (json_node_get_object (node), line));
      }
  }
  return TRUE;
}
