/* metaethno: EndNote XML references (mte-citation-private.h), read with
 * libxml2 into a tree and walked.
 *
 * <xml><records><record> … </record></records></xml>; every text value
 * may be wrapped in <style face="…"> runs, so a value is all the text
 * below its element. The tree comes from mte_xml_parse_guarded()
 * (mte-xml-guard.c): a parser context per call, no network, no entity
 * substitution, no DTD loading, a DOCTYPE refused before its internal
 * subset is read, and nesting bounded by MTE_IMPORT_MAX_DEPTH.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <libxml/tree.h>

#include "mte-citation-private.h"
#include "mte-error-private.h"
#include "mte-xml-guard-private.h"

/* ------------------------------------------------------------------ */
/* Reading the tree                                                   */
/* ------------------------------------------------------------------ */

static gboolean
is (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static const xmlNode *
child (const xmlNode *node, const char *name)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

/* All the text below @node, in document order. The tree is at most
 * MTE_IMPORT_MAX_DEPTH deep, so the recursion is bounded. */
static void
gather_text (const xmlNode *node, GString *out)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (out->len > MTE_IMPORT_MAX_FIELD)
        return;                 /* mte_citation_set() cuts and reports it */
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          if (c->content != NULL)
            g_string_append (out, (const char *) c->content);
        }
      else if (c->type == XML_ELEMENT_NODE)
        gather_text (c, out);
    }
}

/* The text of @node with runs of white space made one space. */
static char *
text_of (const xmlNode *node)
{
  g_autoptr (GString) raw = g_string_new (NULL);
  GString *out;

  gather_text (node, raw);
  out = g_string_sized_new (raw->len);
  for (gsize i = 0; i < raw->len; i++)
    {
      char c = raw->str[i];

      if (g_ascii_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static void
set_from (MteCitation *citation, MteRecordField field, const xmlNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return;
  text = text_of (node);
  mte_citation_set (citation, field, text);
}

/* <authors><author>…</author>…</authors>; FALSE when there is none. */
static gboolean
add_authors (MteCitation *citation, const xmlNode *list)
{
  gboolean any = FALSE;

  if (list == NULL)
    return FALSE;
  for (const xmlNode *c = list->children; c != NULL; c = c->next)
    if (is (c, "author"))
      {
        g_autofree char *name = text_of (c);

        if (*name != '\0')
          {
            mte_citation_add_author_text (citation, name);
            any = TRUE;
          }
      }
  return any;
}

static void
add_keywords (MteCitation *citation, const xmlNode *list)
{
  if (list == NULL)
    return;
  for (const xmlNode *c = list->children; c != NULL; c = c->next)
    if (is (c, "keyword"))
      {
        g_autoptr (GString) raw = g_string_new (NULL);
        g_auto (GStrv) lines = NULL;

        /* some exporters put every keyword in one element, a line each */
        gather_text (c, raw);
        lines = g_strsplit (raw->str, "\n", -1);
        for (char **l = lines; *l != NULL; l++)
          {
            g_strstrip (*l);
            if (**l != '\0')
              mte_citation_add_keyword (citation, *l);
          }
      }
}

static const xmlNode *
first_url (const xmlNode *urls)
{
  static const char *const lists[] = { "related-urls", "web-urls" };

  if (urls == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const xmlNode *list = child (urls, lists[i]);
      const xmlNode *url = list != NULL ? child (list, "url") : NULL;

      if (url != NULL)
        return url;
    }
  return NULL;
}

static MteCitation *
read_record (const xmlNode *record)
{
  long line = xmlGetLineNo (record);
  MteCitation *citation = mte_citation_new (line > 0 && line <= G_MAXUINT ? (guint) line : 0);
  const xmlNode *contributors = child (record, "contributors");
  const xmlNode *titles = child (record, "titles");
  const xmlNode *periodical = child (record, "periodical");
  const xmlNode *dates = child (record, "dates");
  const xmlNode *ref_type = child (record, "ref-type");
  const xmlNode *number = child (record, "rec-number");
  const xmlNode *source = NULL;
  const xmlNode *year = dates != NULL ? child (dates, "year") : NULL;
  GString *notes = g_string_new (NULL);

  if (ref_type != NULL)
    {
      xmlChar *name = xmlGetProp (ref_type, (const xmlChar *) "name");

      if (name != NULL)
        citation->type = g_strdup ((const char *) name);
      else
        citation->type = text_of (ref_type);
      xmlFree (name);
    }
  if (number != NULL)
    {
      citation->key = text_of (number);
      if (*citation->key == '\0')
        g_clear_pointer (&citation->key, g_free);
    }

  if (contributors != NULL && !add_authors (citation, child (contributors, "authors")))
    add_authors (citation, child (contributors, "secondary-authors"));

  if (year != NULL)
    {
      g_autofree char *text = text_of (year);

      if (*text != '\0')
        mte_citation_set_year_text (citation, text);
    }

  if (titles != NULL)
    set_from (citation, MTE_RECORD_TITLE, child (titles, "title"));
  if (periodical != NULL)
    {
      source = child (periodical, "full-title");
      if (source == NULL)
        source = child (periodical, "abbr-1");
    }
  if (source == NULL && titles != NULL)
    source = child (titles, "secondary-title");
  set_from (citation, MTE_RECORD_SOURCE, source);

  set_from (citation, MTE_RECORD_VOLUME, child (record, "volume"));
  set_from (citation, MTE_RECORD_ISSUE, child (record, "number"));
  set_from (citation, MTE_RECORD_PAGES, child (record, "pages"));
  set_from (citation, MTE_RECORD_DOI, child (record, "electronic-resource-num"));
  set_from (citation, MTE_RECORD_URL, first_url (child (record, "urls")));
  set_from (citation, MTE_RECORD_ABSTRACT, child (record, "abstract"));
  set_from (citation, MTE_RECORD_DATABASE, child (record, "remote-database-name"));
  add_keywords (citation, child (record, "keywords"));

  for (const xmlNode *c = record->children; c != NULL; c = c->next)
    if (is (c, "notes") || is (c, "research-notes"))
      {
        g_autofree char *text = text_of (c);

        if (*text != '\0')
          {
            if (notes->len > 0)
              g_string_append (notes, "\n\n");
            g_string_append (notes, text);
          }
      }
  if (notes->len > 0)
    mte_citation_set (citation, MTE_RECORD_NOTES, notes->str);
  g_string_free (notes, TRUE);
  return citation;
}

gboolean
mte_endnote_xml_parse (const char *data, gsize length, const char *name,
                       GPtrArray *out, GArray *skipped, GError **error)
{
  xmlDocPtr doc;
  const xmlNode *root, *records;
  gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (out != NULL && skipped != NULL, FALSE);

  if (name == NULL)
    name = "<data>";
  if (length > MTE_IMPORT_MAX_BYTES)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 1, 1,
                            "more than %u bytes", MTE_IMPORT_MAX_BYTES);
      return FALSE;
    }

  if (length == 0)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, 1, 1,
                            "empty input: EndNote XML starts with <xml>");
      return FALSE;
    }
  doc = mte_xml_parse_guarded (data, length, name, MTE_IMPORT_MAX_DEPTH, 0, error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || (!is (root, "xml") && !is (root, "records")))
    {
      long line = root != NULL ? xmlGetLineNo (root) : 1;

      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name,
                            line > 0 && line < G_MAXINT ? (int) line : 1, 1,
                            "not EndNote XML: the root element is <%s>, not <xml>",
                            root != NULL ? (const char *) root->name : "");
      goto out;
    }
  records = is (root, "records") ? root : child (root, "records");
  ok = TRUE;
  if (records == NULL)
    goto out;                   /* <xml/> with no records: nothing to read */

  for (const xmlNode *c = records->children; c != NULL; c = c->next)
    {
      if (!is (c, "record"))
        continue;
      if (out->len + skipped->len >= MTE_IMPORT_MAX_REFERENCES)
        {
          long line = xmlGetLineNo (c);

          mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name,
                                line > 0 && line < G_MAXINT ? (int) line : 1, 1,
                                "more than %u references", MTE_IMPORT_MAX_REFERENCES);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (out, read_record (c));
    }

out:
  xmlFreeDoc (doc);
  return ok;
}
