/* metaethno: REFI-QDA documents read tolerantly (mte-refi-private.h).
 *
 * A .qde project or a .qdc codebook is parsed into a libxml2 tree under
 * guard (mte-xml-guard.c: no DTD, no entities, no network, bounded depth
 * and element count) and walked into the plain structures of
 * mte-refi-private.h. Real files deviate from the XSDs (an empty <Sets/>,
 * "description" attributes, the older codebook namespace, no namespace at
 * all), so the walk accepts what it can make sense of and says what it
 * tolerated in ->notices; what it does not model is counted by name in
 * ->unknown_elements and ->unknown_attributes, never refused.
 *
 * Also here: the rule by which selections' positions count a source text
 * (docs/refi.md, "Selection positions"), and the mapping of a source's
 * path onto an archive entry.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <libxml/tree.h>

#include "mte-error-private.h"
#include "mte-refi-private.h"
#include "mte-xml-guard-private.h"

#define NS_PROJECT      "urn:QDA-XML:project:1.0"
#define NS_CODEBOOK     "urn:QDA-XML:codebook:1.0"
#define NS_CODEBOOK_OLD "urn:QDA-XML:codebook:0:4"

/* Notices kept per document; past this they are only counted, so that a
 * hostile file of a million code-less <Coding>s cannot fill memory with
 * messages (one last notice says how many more there were). */
#define MAX_NOTICES 1000

/* Values quoted in notices are cut to this many characters. */
#define QUOTE_CHARS 60

typedef struct {
  MteRefiDoc *doc;
  const char *name;
  guint       n_dropped;        /* notices past MAX_NOTICES */
  GError     *error;            /* a bound passed while walking */
} Reader;

/* ------------------------------------------------------------------ */
/* Freeing                                                            */
/* ------------------------------------------------------------------ */

static GPtrArray *
strings_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
user_free (MteRefiUser *user)
{
  g_free (user->guid);
  g_free (user->name);
  g_free (user);
}

static void
code_free (MteRefiCode *code)
{
  g_free (code->guid);
  g_free (code->name);
  g_free (code->description);
  g_free (code->color);
  g_ptr_array_unref (code->children);
  g_ptr_array_unref (code->note_refs);
  g_free (code);
}

static void
coding_free (MteRefiCoding *coding)
{
  g_free (coding->guid);
  g_free (coding->code_guid);
  g_free (coding->creator_guid);
  g_free (coding);
}

static void
selection_free (MteRefiSelection *sel)
{
  g_free (sel->guid);
  g_free (sel->name);
  g_free (sel->description);
  g_free (sel->creator_guid);
  g_ptr_array_unref (sel->codings);
  g_ptr_array_unref (sel->note_refs);
  g_free (sel);
}

static void
variable_value_free (MteRefiVariableValue *value)
{
  g_free (value->variable_guid);
  g_free (value->value);
  g_free (value);
}

static void
source_free (MteRefiSource *source)
{
  g_free (source->guid);
  g_free (source->name);
  g_free (source->path);
  g_free (source->rich_text_path);
  g_free (source->representation_path);
  g_free (source->inline_text);
  g_free (source->description);
  g_free (source->creator_guid);
  g_ptr_array_unref (source->selections);
  g_ptr_array_unref (source->codings);
  g_ptr_array_unref (source->variable_values);
  g_ptr_array_unref (source->note_refs);
  g_free (source);
}

static void
variable_free (MteRefiVariable *variable)
{
  g_free (variable->guid);
  g_free (variable->name);
  g_free (variable->type);
  g_free (variable->description);
  g_free (variable);
}

static void
case_free (MteRefiCase *c)
{
  g_free (c->guid);
  g_free (c->name);
  g_free (c->description);
  g_ptr_array_unref (c->source_guids);
  g_ptr_array_unref (c->code_guids);
  g_ptr_array_unref (c->variable_values);
  g_free (c);
}

static void
note_free (MteRefiNote *note)
{
  g_free (note->guid);
  g_free (note->name);
  g_free (note->text);
  g_free (note->path);
  g_free (note->description);
  g_free (note->creator_guid);
  g_ptr_array_unref (note->note_refs);
  g_free (note);
}

static void
set_free (MteRefiSet *set)
{
  g_free (set->guid);
  g_free (set->name);
  g_free (set->description);
  g_ptr_array_unref (set->code_guids);
  g_ptr_array_unref (set->source_guids);
  g_ptr_array_unref (set->note_guids);
  g_free (set);
}

static void
vertex_free (MteRefiVertex *vertex)
{
  g_free (vertex->guid);
  g_free (vertex->name);
  g_free (vertex->represented_guid);
  g_free (vertex);
}

static void
edge_free (MteRefiEdge *edge)
{
  g_free (edge->guid);
  g_free (edge->name);
  g_free (edge->source_vertex);
  g_free (edge->target_vertex);
  g_free (edge->direction);
  g_free (edge);
}

static void
graph_free (MteRefiGraph *graph)
{
  g_free (graph->guid);
  g_free (graph->name);
  g_ptr_array_unref (graph->vertices);
  g_ptr_array_unref (graph->edges);
  g_free (graph);
}

static void
link_free (MteRefiLink *link)
{
  g_free (link->guid);
  g_free (link->name);
  g_free (link->origin_guid);
  g_free (link->target_guid);
  g_free (link->direction);
  g_free (link);
}

static void
notice_free (MteRefiNotice *notice)
{
  g_free (notice->message);
  g_free (notice);
}

void
mte_refi_doc_free (MteRefiDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->name);
  g_free (doc->origin);
  g_free (doc->namespace_uri);
  g_free (doc->description);
  g_ptr_array_unref (doc->note_refs);
  g_ptr_array_unref (doc->users);
  g_hash_table_unref (doc->codes_by_guid);   /* borrows from the tree: first */
  g_ptr_array_unref (doc->codes);
  g_ptr_array_unref (doc->variables);
  g_ptr_array_unref (doc->cases);
  g_ptr_array_unref (doc->sources);
  g_ptr_array_unref (doc->notes);
  g_ptr_array_unref (doc->sets);
  g_ptr_array_unref (doc->graphs);
  g_ptr_array_unref (doc->links);
  g_ptr_array_unref (doc->notices);
  g_hash_table_unref (doc->unknown_elements);
  g_hash_table_unref (doc->unknown_attributes);
  g_free (doc);
}

static MteRefiDoc *
doc_new (void)
{
  MteRefiDoc *doc = g_new0 (MteRefiDoc, 1);

  doc->note_refs = strings_new ();
  doc->users = g_ptr_array_new_with_free_func ((GDestroyNotify) user_free);
  doc->codes = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  doc->codes_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->variables = g_ptr_array_new_with_free_func ((GDestroyNotify) variable_free);
  doc->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  doc->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  doc->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  doc->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) set_free);
  doc->graphs = g_ptr_array_new_with_free_func ((GDestroyNotify) graph_free);
  doc->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  doc->notices = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_free);
  doc->unknown_elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->unknown_attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return doc;
}

/* ------------------------------------------------------------------ */
/* Notices, names, attributes                                         */
/* ------------------------------------------------------------------ */

static guint
line_of (const xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 && (unsigned long) line <= G_MAXUINT ? (guint) line : 0;
}

static void notice (Reader *r, const xmlNode *node, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
notice (Reader *r, const xmlNode *node, const char *format, ...)
{
  MteRefiNotice *n;
  va_list args;

  if (r->doc->notices->len >= MAX_NOTICES)
    {
      r->n_dropped++;
      return;
    }
  n = g_new0 (MteRefiNotice, 1);
  n->line = node != NULL ? line_of (node) : 0;
  va_start (args, format);
  n->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->doc->notices, n);
}

/* A value from the file, made fit for a one-line message. */
static char *
quote (const char *text)
{
  return mte_message_text (text != NULL ? text : "", QUOTE_CHARS);
}

static void
count (GHashTable *table, const char *key)
{
  gpointer old = g_hash_table_lookup (table, key);

  g_hash_table_replace (table, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
}

/* An element this reader does not model, counted by its local name; its
 * contents go with it. */
static void
unknown (Reader *r, const xmlNode *node)
{
  count (r->doc->unknown_elements, (const char *) node->name);
}

static gboolean
refi_namespace (const char *href)
{
  return strcmp (href, NS_PROJECT) == 0 || strcmp (href, NS_CODEBOOK) == 0
         || strcmp (href, NS_CODEBOOK_OLD) == 0;
}

/* An element of REFI-QDA named @name: in one of its namespaces, or in
 * none (as some writers leave it). An element of another namespace (a
 * vendor's extension) is not REFI's, whatever its name. */
static gboolean
is (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0
         && (node->ns == NULL || node->ns->href == NULL
             || refi_namespace ((const char *) node->ns->href));
}

static gboolean
has_element_children (const xmlNode *node)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

/* The attributes each element may carry by the XSDs (read or not):
 * others are counted as "Element@attribute" in ->unknown_attributes.
 * Attributes in a namespace (xsi:schemaLocation) are not REFI's concern. */
#define OBJECT_ATTRIBUTES "guid", "name", "creatingUser", "creationDateTime", \
                          "modifyingUser", "modifiedDateTime"
static const char *const project_attributes[] = {
  "name", "origin", "creatingUserGUID", "creationDateTime", "modifyingUserGUID",
  "modifiedDateTime", "basePath", NULL
};
static const char *const codebook_attributes[] = { "origin", NULL };
static const char *const user_attributes[] = { "guid", "name", "id", NULL };
/* "description" is not the schema's, but is read (with a notice). */
static const char *const code_attributes[] = {
  "guid", "name", "isCodable", "color", "description", NULL
};
static const char *const set_attributes[] = { "guid", "name", "description", NULL };
static const char *const ref_attributes[] = { "targetGUID", NULL };
/* Codebook.xsd's <MemberCode> names its code by "guid". */
static const char *const member_code_attributes[] = { "targetGUID", "guid", NULL };
static const char *const variable_attributes[] = { "guid", "name", "typeOfVariable", NULL };
static const char *const case_attributes[] = { "guid", "name", NULL };
static const char *const text_source_attributes[] = {
  OBJECT_ATTRIBUTES, "richTextPath", "plainTextPath", NULL
};
static const char *const media_source_attributes[] = {
  OBJECT_ATTRIBUTES, "path", "currentPath", NULL
};
static const char *const selection_attributes[] = {
  OBJECT_ATTRIBUTES, "startPosition", "endPosition", NULL
};
static const char *const coding_attributes[] = {
  "guid", "creatingUser", "creationDateTime", NULL
};
static const char *const graph_attributes[] = { "guid", "name", NULL };
static const char *const vertex_attributes[] = {
  "guid", "representedGUID", "name", "firstX", "firstY", "secondX", "secondY", "shape",
  "color", NULL
};
static const char *const edge_attributes[] = {
  "guid", "representedGUID", "name", "sourceVertex", "targetVertex", "color", "direction",
  "lineStyle", NULL
};
static const char *const link_attributes[] = {
  "guid", "name", "direction", "color", "originGUID", "targetGUID", NULL
};

static void
check_attributes (Reader *r, const xmlNode *node, const char *const *known)
{
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      gboolean found = FALSE;

      if (a->ns != NULL)
        continue;
      for (guint i = 0; known[i] != NULL && !found; i++)
        found = strcmp ((const char *) a->name, known[i]) == 0;
      if (!found)
        {
          g_autofree char *key = g_strdup_printf ("%s@%s", (const char *) node->name,
                                                  (const char *) a->name);

          count (r->doc->unknown_attributes, key);
        }
    }
}

/* An attribute of no namespace, or NULL. */
static char *
attr (const xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* A required attribute: a notice when it is missing. */
static char *
required (Reader *r, const xmlNode *node, const char *name)
{
  char *value = attr (node, name);

  if (value == NULL)
    notice (r, node, "<%s> has no %s attribute, which the schema requires",
            (const char *) node->name, name);
  return value;
}

/* All the text below @node, as written (white space kept). */
static char *
text_of (const xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return copy;
}

/* The GUID of a reference element (<CodeRef targetGUID>), or NULL with a
 * notice: such a reference is of no use and is left out. */
static char *
target_of (Reader *r, const xmlNode *node)
{
  char *target = attr (node, "targetGUID");

  /* Codebook.xsd's <MemberCode guid="…">. */
  if (target == NULL && is (node, "MemberCode"))
    target = attr (node, "guid");
  if (target == NULL || *target == '\0')
    {
      notice (r, node, "<%s> names no target (no targetGUID): left out",
              (const char *) node->name);
      g_free (target);
      return NULL;
    }
  return target;
}

static void
add_target (Reader *r, GPtrArray *to, const xmlNode *node)
{
  char *target = target_of (r, node);

  if (target != NULL)
    g_ptr_array_add (to, target);
}

/* xsd:dateTime ("2018-03-27T17:46:39Z", with or without fractions and
 * zone; a date-time without a zone is read as UTC) as Unix seconds; 0 when
 * the attribute is absent, or with a notice when it cannot be read. */
static gint64
date_of (Reader *r, const xmlNode *node, const char *name)
{
  g_autofree char *value = attr (node, name);
  g_autoptr (GTimeZone) utc = NULL;
  g_autoptr (GDateTime) time = NULL;

  if (value == NULL)
    return 0;
  g_strstrip (value);
  utc = g_time_zone_new_utc ();
  if (*value != '\0')
    time = g_date_time_new_from_iso8601 (value, utc);
  if (time == NULL)
    {
      g_autofree char *shown = quote (value);

      notice (r, node, "<%s %s=\"%s\"> is not a date and time: read as none",
              (const char *) node->name, name, shown);
      return 0;
    }
  return g_date_time_to_unix (time);
}

/* A GUID as a lookup key: lower case, any braces ("{…}", which the
 * schema allows) removed. ATLAS.ti writes GUIDs in upper case, NVivo and
 * QualCoder in lower. */
static char *
guid_key (const char *guid)
{
  gsize length = strlen (guid);

  if (length >= 2 && guid[0] == '{' && guid[length - 1] == '}')
    return g_ascii_strdown (guid + 1, (gssize) length - 2);
  return g_ascii_strdown (guid, (gssize) length);
}

/* A description given as an attribute, which the XSDs do not define
 * (portableQDA writes them on codes and sets): read, with a notice. */
static char *
description_attribute (Reader *r, const xmlNode *node)
{
  char *value = attr (node, "description");

  if (value != NULL)
    notice (r, node, "<%s> has a description attribute, which the schema does not define: "
            "read as its description", (const char *) node->name);
  return value;
}

static void
notice_if_empty (Reader *r, const xmlNode *node)
{
  if (!has_element_children (node))
    notice (r, node, "<%s> is empty, which the schema forbids", (const char *) node->name);
}

/* ------------------------------------------------------------------ */
/* Codes                                                              */
/* ------------------------------------------------------------------ */

static gboolean read_codes (Reader *r, const xmlNode *node, MteRefiCode *parent, guint depth,
                            GPtrArray *into);

static gboolean
parse_boolean (const char *text, gboolean *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (strcmp (t, "true") == 0 || strcmp (t, "1") == 0)
    *value = TRUE;
  else if (strcmp (t, "false") == 0 || strcmp (t, "0") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* @depth: 1 for a code at the root of the codebook. */
static MteRefiCode *
read_code (Reader *r, const xmlNode *node, MteRefiCode *parent, guint depth)
{
  MteRefiCode *code;
  g_autofree char *codable = NULL;

  if (depth > MTE_REFI_MAX_CODE_DEPTH)
    {
      guint line = line_of (node);

      mte_format_error_set (&r->error, MTE_FORMAT_ERROR_TOO_LARGE, r->name, MAX (line, 1), 0,
                            "codes nested deeper than %u levels", MTE_REFI_MAX_CODE_DEPTH);
      return NULL;
    }
  check_attributes (r, node, code_attributes);
  code = g_new0 (MteRefiCode, 1);
  code->line = line_of (node);
  code->parent = parent;
  code->children = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  code->note_refs = strings_new ();
  code->guid = required (r, node, "guid");
  code->name = required (r, node, "name");
  if (code->name == NULL)
    code->name = g_strdup ("");
  code->color = attr (node, "color");
  code->codable = TRUE;
  codable = required (r, node, "isCodable");
  if (codable != NULL && !parse_boolean (codable, &code->codable))
    {
      g_autofree char *shown = quote (codable);

      notice (r, node, "<Code isCodable=\"%s\"> is not a boolean: read as true", shown);
    }
  code->description = description_attribute (r, node);

  if (code->guid != NULL)
    {
      char *key = guid_key (code->guid);

      if (g_hash_table_contains (r->doc->codes_by_guid, key))
        {
          g_autofree char *shown = quote (code->guid);

          notice (r, node, "a second code with GUID %s: references go to the first", shown);
          g_free (key);
        }
      else
        g_hash_table_insert (r->doc->codes_by_guid, key, code);
    }

  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Description"))
        {
          g_free (code->description);
          code->description = text_of (c);
        }
      else if (is (c, "NoteRef"))
        add_target (r, code->note_refs, c);
      else if (is (c, "Code"))
        {
          MteRefiCode *child = read_code (r, c, code, depth + 1);

          if (child == NULL)
            {
              code_free (code);
              return NULL;
            }
          g_ptr_array_add (code->children, child);
        }
      else
        unknown (r, c);
    }
  return code;
}

/* The <Code>s directly under @node, into @into. */
static gboolean
read_codes (Reader *r, const xmlNode *node, MteRefiCode *parent, guint depth, GPtrArray *into)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Code"))
        {
          MteRefiCode *code = read_code (r, c, parent, depth);

          if (code == NULL)
            return FALSE;
          g_ptr_array_add (into, code);
        }
      else
        unknown (r, c);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Users, variables, cases                                            */
/* ------------------------------------------------------------------ */

static void
read_users (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      MteRefiUser *user;
      char *guid;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!is (c, "User"))
        {
          unknown (r, c);
          continue;
        }
      check_attributes (r, c, user_attributes);
      guid = attr (c, "guid");
      if (guid == NULL)
        {
          /* Users are only ever named by their GUID. */
          notice (r, c, "<User> has no guid attribute: left out");
          continue;
        }
      user = g_new0 (MteRefiUser, 1);
      user->guid = guid;
      user->name = attr (c, "name");
      user->line = line_of (c);
      g_ptr_array_add (r->doc->users, user);
    }
}

/* <VariableValue><VariableRef targetGUID/><TextValue>…</TextValue>
 * </VariableValue>, or NULL (with a notice) when it names no variable. */
static MteRefiVariableValue *
read_variable_value (Reader *r, const xmlNode *node)
{
  static const char *const kinds[] = {
    "TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"
  };
  MteRefiVariableValue *value;
  char *variable = NULL;
  char *text = NULL;

  check_attributes (r, node, (const char *const[]) { NULL });
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      gboolean typed = FALSE;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "VariableRef"))
        {
          check_attributes (r, c, ref_attributes);
          if (variable == NULL)
            variable = target_of (r, c);
          continue;
        }
      for (gsize k = 0; k < G_N_ELEMENTS (kinds) && !typed; k++)
        typed = is (c, kinds[k]);
      if (!typed)
        unknown (r, c);
      else if (text == NULL)
        {
          text = text_of (c);
          /* Only a text keeps its white space: the others are XSD
           * simple types, where surrounding spaces mean nothing. */
          if (!is (c, "TextValue"))
            g_strstrip (text);
        }
      else
        notice (r, c, "<VariableValue> has a second value: left out");
    }
  if (variable == NULL)
    {
      notice (r, node, "<VariableValue> names no variable (no <VariableRef>): left out");
      g_free (text);
      return NULL;
    }
  value = g_new0 (MteRefiVariableValue, 1);
  value->variable_guid = variable;
  value->value = text;
  value->line = line_of (node);
  return value;
}

static void
add_variable_value (Reader *r, GPtrArray *to, const xmlNode *node)
{
  MteRefiVariableValue *value = read_variable_value (r, node);

  if (value != NULL)
    g_ptr_array_add (to, value);
}

static void
read_variables (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      MteRefiVariable *variable;
      char *guid;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!is (c, "Variable"))
        {
          unknown (r, c);
          continue;
        }
      check_attributes (r, c, variable_attributes);
      guid = attr (c, "guid");
      if (guid == NULL)
        {
          /* Values name their variable by GUID only. */
          notice (r, c, "<Variable> has no guid attribute: left out");
          continue;
        }
      variable = g_new0 (MteRefiVariable, 1);
      variable->guid = guid;
      variable->name = required (r, c, "name");
      variable->type = required (r, c, "typeOfVariable");
      variable->line = line_of (c);
      for (const xmlNode *d = c->children; d != NULL; d = d->next)
        {
          if (d->type != XML_ELEMENT_NODE)
            continue;
          if (is (d, "Description"))
            {
              g_free (variable->description);
              variable->description = text_of (d);
            }
          else
            unknown (r, d);
        }
      g_ptr_array_add (r->doc->variables, variable);
    }
}

static void
read_cases (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      MteRefiCase *kase;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!is (c, "Case"))
        {
          unknown (r, c);
          continue;
        }
      check_attributes (r, c, case_attributes);
      kase = g_new0 (MteRefiCase, 1);
      kase->guid = required (r, c, "guid");
      kase->name = attr (c, "name");
      kase->line = line_of (c);
      kase->source_guids = strings_new ();
      kase->code_guids = strings_new ();
      kase->variable_values = g_ptr_array_new_with_free_func ((GDestroyNotify) variable_value_free);
      for (const xmlNode *d = c->children; d != NULL; d = d->next)
        {
          if (d->type != XML_ELEMENT_NODE)
            continue;
          if (is (d, "Description"))
            {
              g_free (kase->description);
              kase->description = text_of (d);
            }
          else if (is (d, "SourceRef"))
            {
              check_attributes (r, d, ref_attributes);
              add_target (r, kase->source_guids, d);
            }
          else if (is (d, "CodeRef"))
            {
              check_attributes (r, d, ref_attributes);
              add_target (r, kase->code_guids, d);
            }
          else if (is (d, "VariableValue"))
            add_variable_value (r, kase->variable_values, d);
          else
            unknown (r, d);
        }
      g_ptr_array_add (r->doc->cases, kase);
    }
}

/* ------------------------------------------------------------------ */
/* Sources                                                            */
/* ------------------------------------------------------------------ */

/* <Coding guid><CodeRef targetGUID/></Coding>, or NULL (with a notice)
 * when it names no code. */
static MteRefiCoding *
read_coding (Reader *r, const xmlNode *node)
{
  MteRefiCoding *coding;
  char *code = NULL;

  check_attributes (r, node, coding_attributes);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "CodeRef") && code == NULL)
        {
          check_attributes (r, c, ref_attributes);
          code = target_of (r, c);
        }
      else
        unknown (r, c);
    }
  if (code == NULL)
    {
      notice (r, node, "<Coding> names no code (no <CodeRef>): left out");
      return NULL;
    }
  coding = g_new0 (MteRefiCoding, 1);
  coding->guid = required (r, node, "guid");
  coding->code_guid = code;
  coding->creator_guid = attr (node, "creatingUser");
  coding->created = date_of (r, node, "creationDateTime");
  coding->line = line_of (node);
  return coding;
}

static void
add_coding (Reader *r, GPtrArray *to, const xmlNode *node)
{
  MteRefiCoding *coding = read_coding (r, node);

  if (coding != NULL)
    g_ptr_array_add (to, coding);
}

static gboolean
parse_position (const char *text, guint64 *position)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (*t == '+')
    memmove (t, t + 1, strlen (t));
  return g_ascii_string_to_unsigned (t, 10, 0, G_MAXUINT64, position, NULL);
}

/* A <PlainTextSelection>, or NULL (with a notice) when its positions
 * cannot be read: without them it selects nothing. */
static MteRefiSelection *
read_selection (Reader *r, const xmlNode *node)
{
  MteRefiSelection *sel;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint64 start_position, end_position;

  check_attributes (r, node, selection_attributes);
  start = attr (node, "startPosition");
  end = attr (node, "endPosition");
  if (start == NULL || end == NULL)
    {
      notice (r, node, "<PlainTextSelection> has no %s: left out",
              start == NULL ? "startPosition" : "endPosition");
      return NULL;
    }
  if (!parse_position (start, &start_position) || !parse_position (end, &end_position))
    {
      g_autofree char *shown_start = quote (start);
      g_autofree char *shown_end = quote (end);

      notice (r, node, "<PlainTextSelection startPosition=\"%s\" endPosition=\"%s\">: "
              "not positions in a text, left out", shown_start, shown_end);
      return NULL;
    }
  if (start_position > end_position)
    notice (r, node, "<PlainTextSelection> starts (%" G_GUINT64_FORMAT ") after it ends (%"
            G_GUINT64_FORMAT ")", start_position, end_position);

  sel = g_new0 (MteRefiSelection, 1);
  sel->guid = required (r, node, "guid");
  sel->name = attr (node, "name");
  sel->start = start_position;
  sel->end = end_position;
  sel->creator_guid = attr (node, "creatingUser");
  sel->created = date_of (r, node, "creationDateTime");
  sel->codings = g_ptr_array_new_with_free_func ((GDestroyNotify) coding_free);
  sel->note_refs = strings_new ();
  sel->line = line_of (node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Description"))
        {
          g_free (sel->description);
          sel->description = text_of (c);
        }
      else if (is (c, "Coding"))
        add_coding (r, sel->codings, c);
      else if (is (c, "NoteRef"))
        {
          check_attributes (r, c, ref_attributes);
          add_target (r, sel->note_refs, c);
        }
      else
        unknown (r, c);
    }
  return sel;
}

static const char *
source_element (MteRefiSourceKind kind)
{
  switch (kind)
    {
    case MTE_REFI_SOURCE_TEXT:    return "TextSource";
    case MTE_REFI_SOURCE_PDF:     return "PDFSource";
    case MTE_REFI_SOURCE_PICTURE: return "PictureSource";
    case MTE_REFI_SOURCE_AUDIO:   return "AudioSource";
    case MTE_REFI_SOURCE_VIDEO:   return "VideoSource";
    default:                      return NULL;
    }
}

/* A selection of a kind that is counted, never carried: the whole
 * element, its codings included, stands for one. */
static gboolean
is_other_selection (const xmlNode *node)
{
  return is (node, "PDFSelection") || is (node, "PictureSelection")
         || is (node, "AudioSelection") || is (node, "VideoSelection");
}

/* An audio or video source's <Transcript>: counted with its selections. */
static void
read_transcript (MteRefiSource *source, const xmlNode *node)
{
  source->n_transcripts++;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, "TranscriptSelection"))
      source->n_other_selections++;
}

/* The children a text source and a PDF's <Representation> share
 * (TextSourceType): TRUE when @c was one of them. */
static gboolean
read_text_part (Reader *r, MteRefiSource *source, const xmlNode *c)
{
  if (is (c, "PlainTextContent"))
    {
      if (source->inline_text == NULL)
        source->inline_text = text_of (c);
      else
        notice (r, c, "a second <PlainTextContent>: left out");
    }
  else if (is (c, "PlainTextSelection"))
    {
      MteRefiSelection *sel = read_selection (r, c);

      if (sel != NULL)
        g_ptr_array_add (source->selections, sel);
    }
  else
    return FALSE;
  return TRUE;
}

/* The children every kind of source has: TRUE when @c was one. */
static gboolean
read_source_part (Reader *r, MteRefiSource *source, const xmlNode *c)
{
  if (is (c, "Description"))
    {
      g_free (source->description);
      source->description = text_of (c);
    }
  else if (is (c, "Coding"))
    add_coding (r, source->codings, c);
  else if (is (c, "NoteRef"))
    {
      check_attributes (r, c, ref_attributes);
      add_target (r, source->note_refs, c);
    }
  else if (is (c, "VariableValue"))
    add_variable_value (r, source->variable_values, c);
  else
    return FALSE;
  return TRUE;
}

/* A PDF's <Representation>, its text: its selections are the PDF's text
 * selections and its codings the PDF's. A second representation (the
 * schema allows one) would be another text, which the one
 * representation_path cannot name: its text selections are counted with
 * the other selections. */
static void
read_representation (Reader *r, MteRefiSource *source, const xmlNode *node, gboolean first)
{
  check_attributes (r, node, text_source_attributes);
  if (!first)
    {
      notice (r, node, "a second <Representation> of a PDF: its selections are not read");
      for (const xmlNode *c = node->children; c != NULL; c = c->next)
        if (is (c, "PlainTextSelection"))
          source->n_other_selections++;
      return;
    }
  source->representation_path = attr (node, "plainTextPath");
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Description"))
        continue;               /* the PDF's own description stands */
      if (!read_text_part (r, source, c) && !read_source_part (r, source, c))
        unknown (r, c);
    }
}

static MteRefiSource *
read_source (Reader *r, const xmlNode *node, MteRefiSourceKind kind)
{
  MteRefiSource *source = g_new0 (MteRefiSource, 1);
  gboolean have_representation = FALSE;

  source->kind = kind;
  source->guid = required (r, node, "guid");
  source->name = attr (node, "name");
  if (kind == MTE_REFI_SOURCE_TEXT)
    {
      check_attributes (r, node, text_source_attributes);
      source->path = attr (node, "plainTextPath");
      source->rich_text_path = attr (node, "richTextPath");
    }
  else
    {
      check_attributes (r, node, media_source_attributes);
      source->path = attr (node, "path");
    }
  source->creator_guid = attr (node, "creatingUser");
  source->created = date_of (r, node, "creationDateTime");
  source->selections = g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);
  source->codings = g_ptr_array_new_with_free_func ((GDestroyNotify) coding_free);
  source->variable_values = g_ptr_array_new_with_free_func ((GDestroyNotify) variable_value_free);
  source->note_refs = strings_new ();
  source->line = line_of (node);

  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (read_source_part (r, source, c))
        continue;
      if (kind == MTE_REFI_SOURCE_TEXT && read_text_part (r, source, c))
        continue;
      if (kind == MTE_REFI_SOURCE_PDF && is (c, "Representation"))
        {
          read_representation (r, source, c, !have_representation);
          have_representation = TRUE;
        }
      else if (kind != MTE_REFI_SOURCE_TEXT && is_other_selection (c))
        source->n_other_selections++;
      else if ((kind == MTE_REFI_SOURCE_AUDIO || kind == MTE_REFI_SOURCE_VIDEO)
               && is (c, "Transcript"))
        read_transcript (source, c);
      else
        unknown (r, c);
    }
  if (kind == MTE_REFI_SOURCE_TEXT && source->path == NULL && source->inline_text == NULL)
    notice (r, node, "<TextSource> has neither a plainTextPath nor a <PlainTextContent>");
  return source;
}

static void
read_sources (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      gboolean known = FALSE;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      for (int kind = MTE_REFI_SOURCE_TEXT; kind <= MTE_REFI_SOURCE_VIDEO && !known; kind++)
        if (is (c, source_element (kind)))
          {
            g_ptr_array_add (r->doc->sources, read_source (r, c, kind));
            known = TRUE;
          }
      if (!known)
        unknown (r, c);
    }
}

/* ------------------------------------------------------------------ */
/* Notes, links, sets, graphs                                         */
/* ------------------------------------------------------------------ */

static void
read_notes (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      MteRefiNote *note;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!is (c, "Note"))
        {
          unknown (r, c);
          continue;
        }
      check_attributes (r, c, text_source_attributes);
      note = g_new0 (MteRefiNote, 1);
      note->guid = required (r, c, "guid");
      note->name = attr (c, "name");
      note->path = attr (c, "plainTextPath");
      note->creator_guid = attr (c, "creatingUser");
      note->created = date_of (r, c, "creationDateTime");
      note->note_refs = strings_new ();
      note->line = line_of (c);
      for (const xmlNode *d = c->children; d != NULL; d = d->next)
        {
          if (d->type != XML_ELEMENT_NODE)
            continue;
          if (is (d, "PlainTextContent") && note->text == NULL)
            note->text = text_of (d);
          else if (is (d, "Description"))
            {
              g_free (note->description);
              note->description = text_of (d);
            }
          else if (is (d, "NoteRef"))
            {
              check_attributes (r, d, ref_attributes);
              add_target (r, note->note_refs, d);
            }
          else
            unknown (r, d);   /* a note's own selections and codings */
        }
      g_ptr_array_add (r->doc->notes, note);
    }
}

static void
read_links (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      MteRefiLink *link;
      char *origin, *target;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!is (c, "Link"))
        {
          unknown (r, c);
          continue;
        }
      check_attributes (r, c, link_attributes);
      origin = attr (c, "originGUID");
      target = attr (c, "targetGUID");
      if (origin == NULL || target == NULL)
        {
          /* The schema lets both go; a link without ends links nothing. */
          notice (r, c, "<Link> has no %s: left out", origin == NULL ? "originGUID" : "targetGUID");
          g_free (origin);
          g_free (target);
          continue;
        }
      link = g_new0 (MteRefiLink, 1);
      link->guid = required (r, c, "guid");
      link->name = attr (c, "name");
      link->origin_guid = origin;
      link->target_guid = target;
      link->direction = attr (c, "direction");
      link->line = line_of (c);
      for (const xmlNode *d = c->children; d != NULL; d = d->next)
        if (d->type == XML_ELEMENT_NODE)
          unknown (r, d);
      g_ptr_array_add (r->doc->links, link);
    }
}

static void
read_sets (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      MteRefiSet *set;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!is (c, "Set"))
        {
          unknown (r, c);
          continue;
        }
      check_attributes (r, c, set_attributes);
      set = g_new0 (MteRefiSet, 1);
      set->guid = required (r, c, "guid");
      set->name = required (r, c, "name");
      set->description = description_attribute (r, c);
      set->code_guids = strings_new ();
      set->source_guids = strings_new ();
      set->note_guids = strings_new ();
      set->line = line_of (c);
      for (const xmlNode *d = c->children; d != NULL; d = d->next)
        {
          if (d->type != XML_ELEMENT_NODE)
            continue;
          if (is (d, "Description"))
            {
              g_free (set->description);
              set->description = text_of (d);
            }
          else if (is (d, "MemberCode"))
            {
              check_attributes (r, d, member_code_attributes);
              add_target (r, set->code_guids, d);
            }
          else if (is (d, "MemberSource"))
            {
              check_attributes (r, d, ref_attributes);
              add_target (r, set->source_guids, d);
            }
          else if (is (d, "MemberNote"))
            {
              check_attributes (r, d, ref_attributes);
              add_target (r, set->note_guids, d);
            }
          else
            unknown (r, d);
        }
      g_ptr_array_add (r->doc->sets, set);
    }
}

static void
read_graph (Reader *r, const xmlNode *node)
{
  MteRefiGraph *graph = g_new0 (MteRefiGraph, 1);

  check_attributes (r, node, graph_attributes);
  graph->guid = required (r, node, "guid");
  graph->name = attr (node, "name");
  graph->vertices = g_ptr_array_new_with_free_func ((GDestroyNotify) vertex_free);
  graph->edges = g_ptr_array_new_with_free_func ((GDestroyNotify) edge_free);
  graph->line = line_of (node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Vertex"))
        {
          MteRefiVertex *vertex = g_new0 (MteRefiVertex, 1);

          check_attributes (r, c, vertex_attributes);
          vertex->guid = required (r, c, "guid");
          vertex->name = attr (c, "name");
          vertex->represented_guid = attr (c, "representedGUID");
          vertex->line = line_of (c);
          g_ptr_array_add (graph->vertices, vertex);
        }
      else if (is (c, "Edge"))
        {
          MteRefiEdge *edge;
          char *from, *to;

          check_attributes (r, c, edge_attributes);
          from = attr (c, "sourceVertex");
          to = attr (c, "targetVertex");
          if (from == NULL || to == NULL)
            {
              notice (r, c, "<Edge> has no %s: left out",
                      from == NULL ? "sourceVertex" : "targetVertex");
              g_free (from);
              g_free (to);
              continue;
            }
          edge = g_new0 (MteRefiEdge, 1);
          edge->guid = required (r, c, "guid");
          edge->name = attr (c, "name");
          edge->source_vertex = from;
          edge->target_vertex = to;
          edge->direction = attr (c, "direction");
          edge->line = line_of (c);
          g_ptr_array_add (graph->edges, edge);
        }
      else
        unknown (r, c);
    }
  g_ptr_array_add (r->doc->graphs, graph);
}

static void
read_graphs (Reader *r, const xmlNode *node)
{
  notice_if_empty (r, node);
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Graph"))
        read_graph (r, c);
      else
        unknown (r, c);
    }
}

/* ------------------------------------------------------------------ */
/* The document                                                       */
/* ------------------------------------------------------------------ */

/* <CodeBook>: the root of a .qdc, or the codebook inside a <Project>
 * (where the schema has only <Codes>; <Sets> there are read too). */
static gboolean
read_codebook (Reader *r, const xmlNode *node)
{
  gboolean have_codes = FALSE;

  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Codes"))
        {
          have_codes = TRUE;
          if (!read_codes (r, c, NULL, 1, r->doc->codes))
            return FALSE;
        }
      else if (is (c, "Sets"))
        {
          if (r->doc->kind == MTE_REFI_DOC_PROJECT)
            notice (r, c, "<Sets> inside the project's <CodeBook>, where the schema has none: "
                    "read as the project's sets");
          read_sets (r, c);
        }
      else
        unknown (r, c);
    }
  if (!have_codes)
    notice (r, node, "<CodeBook> has no <Codes>, which the schema requires");
  return TRUE;
}

static gboolean
read_project (Reader *r, const xmlNode *root)
{
  for (const xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is (c, "Users"))
        read_users (r, c);
      else if (is (c, "CodeBook"))
        {
          if (!read_codebook (r, c))
            return FALSE;
        }
      else if (is (c, "Variables"))
        read_variables (r, c);
      else if (is (c, "Cases"))
        read_cases (r, c);
      else if (is (c, "Sources"))
        read_sources (r, c);
      else if (is (c, "Notes"))
        read_notes (r, c);
      else if (is (c, "Links"))
        read_links (r, c);
      else if (is (c, "Sets"))
        read_sets (r, c);
      else if (is (c, "Graphs"))
        read_graphs (r, c);
      else if (is (c, "Description"))
        {
          g_free (r->doc->description);
          r->doc->description = text_of (c);
        }
      else if (is (c, "NoteRef"))
        {
          check_attributes (r, c, ref_attributes);
          add_target (r, r->doc->note_refs, c);
        }
      else
        unknown (r, c);
    }
  return TRUE;
}

/* The root's namespace: each of REFI's, or none, is read; a namespace
 * other than the one the schema gives this root is a notice. */
static void
check_namespace (Reader *r, const xmlNode *root, const char *href)
{
  const char *expected = r->doc->kind == MTE_REFI_DOC_PROJECT ? NS_PROJECT : NS_CODEBOOK;

  if (href == NULL)
    notice (r, root, "<%s> is in no namespace (REFI-QDA's is %s): read as REFI-QDA",
            (const char *) root->name, expected);
  else if (strcmp (href, NS_CODEBOOK_OLD) == 0)
    notice (r, root, "<%s> is in the older namespace %s (REFI-QDA 1.0 has %s): read as REFI-QDA",
            (const char *) root->name, NS_CODEBOOK_OLD, expected);
  else if (strcmp (href, expected) != 0)
    notice (r, root, "<%s> is in namespace %s, where REFI-QDA 1.0 has %s: read as REFI-QDA",
            (const char *) root->name, href, expected);
}

MteRefiDoc *
mte_refi_doc_parse (const char *data, gsize length, const char *name, GError **error)
{
  Reader r = { 0 };
  xmlDoc *tree;
  const xmlNode *root;
  const char *href;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "<data>";
  if (length > MTE_REFI_MAX_XML_BYTES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 1, 1,
                            "more than %u bytes", MTE_REFI_MAX_XML_BYTES);
      return NULL;
    }
  if (length == 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1,
                            "empty input: a REFI-QDA document starts with <Project> or <CodeBook>");
      return NULL;
    }
  tree = mte_xml_parse_guarded (data, length, name, MTE_REFI_MAX_DEPTH, MTE_REFI_MAX_ELEMENTS,
                                error);
  if (tree == NULL)
    return NULL;

  root = xmlDocGetRootElement (tree);
  href = root != NULL && root->ns != NULL ? (const char *) root->ns->href : NULL;
  if (root == NULL
      || (strcmp ((const char *) root->name, "Project") != 0
          && strcmp ((const char *) root->name, "CodeBook") != 0)
      || (href != NULL && !refi_namespace (href)))
    {
      guint line = root != NULL ? line_of (root) : 1;

      if (root != NULL && href != NULL && !refi_namespace (href))
        mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, MAX (line, 1), 1,
                              "not REFI-QDA: the root element <%s> is in namespace '%s'",
                              (const char *) root->name, href);
      else
        mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, MAX (line, 1), 1,
                              "not REFI-QDA: the root element is <%s>, not <Project> or <CodeBook>",
                              root != NULL ? (const char *) root->name : "");
      xmlFreeDoc (tree);
      return NULL;
    }

  r.doc = doc_new ();
  r.name = name;
  r.doc->kind = strcmp ((const char *) root->name, "Project") == 0 ? MTE_REFI_DOC_PROJECT
                                                                    : MTE_REFI_DOC_CODEBOOK;
  r.doc->namespace_uri = g_strdup (href);
  r.doc->origin = attr (root, "origin");
  check_namespace (&r, root, href);
  if (r.doc->kind == MTE_REFI_DOC_PROJECT)
    {
      check_attributes (&r, root, project_attributes);
      r.doc->name = required (&r, root, "name");
      ok = read_project (&r, root);
    }
  else
    {
      check_attributes (&r, root, codebook_attributes);
      ok = read_codebook (&r, root);
    }
  xmlFreeDoc (tree);

  if (!ok)
    {
      g_propagate_error (error, r.error);
      mte_refi_doc_free (r.doc);
      return NULL;
    }
  if (r.n_dropped > 0)
    {
      MteRefiNotice *n = g_new0 (MteRefiNotice, 1);

      n->message = g_strdup_printf ("%u more notices not kept", r.n_dropped);
      g_ptr_array_add (r.doc->notices, n);
    }
  return r.doc;
}

MteRefiCode *
mte_refi_doc_lookup_code (const MteRefiDoc *doc, const char *guid)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (guid != NULL, NULL);

  key = guid_key (guid);
  return g_hash_table_lookup (doc->codes_by_guid, key);
}

char *
mte_refi_code_dup_path (const MteRefiCode *code)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GString *path = g_string_new (NULL);

  g_return_val_if_fail (code != NULL, NULL);

  for (const MteRefiCode *c = code; c != NULL; c = c->parent)
    g_ptr_array_add (names, c->name != NULL ? c->name : "");
  for (guint i = names->len; i > 0; i--)
    {
      if (i < names->len)
        g_string_append_c (path, '/');
      g_string_append (path, g_ptr_array_index (names, i - 1));
    }
  return g_string_free (path, FALSE);
}

/* ------------------------------------------------------------------ */
/* Source texts and selections                                        */
/* ------------------------------------------------------------------ */

/* Where the text stops being UTF-8, as "line L, column C" (columns in
 * characters: the text before @bad is valid). @bad is inside the text,
 * which need not end in a NUL. */
static void
set_encoding_error (GError **error, const char *text, const char *bad)
{
  guint line = 1;
  const char *line_start = text;

  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  mte_set_error (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED,
                 "the text %s at line %u, column %ld",
                 *bad == '\0' ? "holds a NUL byte" : "is not UTF-8", line,
                 g_utf8_strlen (line_start, bad - line_start) + 1);
}

char *
mte_refi_source_text_normalise (const char *data, gsize length, GError **error)
{
  g_autofree char *converted = NULL;
  const char *end = NULL;
  gsize converted_length;
  gboolean utf16le, utf16be;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";
  utf16le = length >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE;
  utf16be = length >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF;

  if (utf16le || utf16be)
    {
      /* A UTF-16 text (the standard asks for UTF-8, but a Windows tool
       * may save "Unicode"): its positions count the same units. */
      converted = g_convert (data + 2, length - 2, "UTF-8", utf16le ? "UTF-16LE" : "UTF-16BE",
                             NULL, &converted_length, NULL);
      if (converted == NULL)
        {
          mte_set_error (error, MTE_FORMAT_ERROR, MTE_FORMAT_ERROR_MALFORMED,
                         "the text starts with a UTF-16 byte-order mark but is not UTF-16");
          return NULL;
        }
      data = converted;
      length = converted_length;
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      /* NVivo for Windows starts its texts with a byte-order mark, NVivo
       * for Mac does not; positions do not count it. */
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      set_encoding_error (error, data, end);
      return NULL;
    }
  return g_strndup (data, length);
}

/* The UTF-16 code units of the character whose first byte is @lead; 0
 * for a byte that starts no character (a continuation byte: counted with
 * its lead). */
static guint
utf16_units (guchar lead)
{
  if (lead < 0x80 || lead >= 0xC0)
    return lead >= 0xF0 ? 2 : 1;
  return 0;
}

/* The byte offset in @text of UTF-16 position @position, counted from
 * @from (byte offset) at @units: FALSE when @position is past the end
 * or falls between the two units of one character. */
static gboolean
offset_of (const char *text, gsize from, guint64 units, guint64 position, gsize *offset)
{
  gsize i = from;

  while (units < position)
    {
      guchar c = (guchar) text[i];

      if (c == '\0')
        return FALSE;
      units += utf16_units (c);
      i++;
      while (((guchar) text[i] & 0xC0) == 0x80)
        i++;
    }
  if (units != position)
    return FALSE;
  *offset = i;
  return TRUE;
}

gboolean
mte_refi_source_offset (const char *text,
                        guint64     position,
                        gsize      *offset)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (offset != NULL, FALSE);
  return offset_of (text, 0, 0, position, offset);
}

guint64
mte_refi_utf16_length (const char *text,
                       gsize       length)
{
  guint64 units = 0;

  g_return_val_if_fail (text != NULL || length == 0, 0);
  for (gsize i = 0; i < length; i++)
    units += utf16_units ((guchar) text[i]);
  return units;
}

gboolean
mte_refi_source_select (const char *text, guint64 start, guint64 end, char **out)
{
  gsize from, to;
  GString *selected;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (start > end || !offset_of (text, 0, 0, start, &from)
      || !offset_of (text, from, start, end, &to))
    return FALSE;

  /* Line ends read as LF, so that the Windows (CR LF) and Mac (LF)
   * exports of one text give the same words. A CR whose LF lies just
   * past the end is the selection ending inside a line end: left out,
   * as the LF export ends before it. */
  selected = g_string_sized_new (to - from);
  for (gsize i = from; i < to; i++)
    {
      if (text[i] != '\r')
        g_string_append_c (selected, text[i]);
      else if (text[i + 1] == '\n')
        {
          if (i + 1 < to)
            {
              g_string_append_c (selected, '\n');
              i++;
            }
        }
      else
        g_string_append_c (selected, '\n');
    }
  *out = g_string_free (selected, FALSE);
  return TRUE;
}

char *
mte_refi_path_to_archive_name (const char *path)
{
  static const char internal[] = "internal://";
  static const char relative[] = "relative://";
  const char *rest;
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_ascii_strncasecmp (path, internal, sizeof internal - 1) == 0)
    rest = path + sizeof internal - 1;
  else if (g_ascii_strncasecmp (path, relative, sizeof relative - 1) == 0)
    rest = path + sizeof relative - 1;
  else
    return NULL;
  /* "relative:///X.mp4" (ATLAS.ti) is X.mp4 under the base path. */
  while (*rest == '/')
    rest++;
  if (*rest == '\0')
    return NULL;

  /* Never a name that could leave the folder it is looked up in, nor one
   * no zip entry can have. */
  for (const char *p = rest; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F || *p == '\\')
      return NULL;
  parts = g_strsplit (rest, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return NULL;
  return g_strdup (rest);
}
