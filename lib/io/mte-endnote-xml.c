/* metaethno: EndNote XML references (mte-citation-private.h), read with
 * libxml2 into a tree and walked.
 *
 * <xml><records><record> … </record></records></xml>; every text value
 * may be wrapped in <style face="…"> runs, so a value is all the text
 * below its element. Safety as for the project file (mte-reader.c): a
 * parser context per call, no network, no entity substitution, no DTD
 * loading, a DOCTYPE refused before its internal subset is read, and
 * nesting bounded by MTE_IMPORT_MAX_DEPTH.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "mte-citation-private.h"
#include "mte-error-private.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                       | XML_PARSE_BIG_LINES)

typedef struct {
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func   end_element;
  int                    depth;
  gboolean               too_deep;
  gboolean               doctype;
  int                    stop_line;
  int                    stop_column;
  gboolean               have_error;      /* the first libxml2 error: */
  int                    error_line;
  int                    error_column;
  char                  *error_message;
} Guard;

static void
note_position (xmlParserCtxtPtr ctxt, Guard *guard)
{
  guard->stop_line = xmlSAX2GetLineNumber (ctxt);
  guard->stop_column = xmlSAX2GetColumnNumber (ctxt);
}

static void
guarded_start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix,
                       const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                       int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Guard *guard = ctxt->_private;

  if (++guard->depth > MTE_IMPORT_MAX_DEPTH)
    {
      if (!guard->too_deep)
        note_position (ctxt, guard);
      guard->too_deep = TRUE;
      /* Silence the tree builder; the parse runs to the end unseen. */
      ctxt->disableSAX = 1;
      return;
    }
  guard->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                        nb_attributes, nb_defaulted, attributes);
}

static void
guarded_end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Guard *guard = ctxt->_private;

  guard->depth--;
  guard->end_element (ctx, localname, prefix, uri);
}

static void
refuse_doctype (void *ctx, const xmlChar *name, const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Guard *guard = ctxt->_private;

  guard->doctype = TRUE;
  note_position (ctxt, guard);
  /* Called before the internal subset is read: nothing of it is wanted. */
  xmlStopParser (ctxt);
}

/* libxml2 hands the structured handler the context's user data, which
 * for the tree builder is the context itself. */
static void
keep_first_error (void *data, xmlErrorPtr err)
{
  xmlParserCtxtPtr ctxt = data;
  Guard *guard = ctxt != NULL ? ctxt->_private : NULL;
  g_autofree char *message = NULL;

  if (guard == NULL || guard->have_error || err == NULL || err->level == XML_ERR_WARNING)
    return;
  guard->have_error = TRUE;
  guard->error_line = err->line;
  guard->error_column = err->int2;
  message = g_strdup (err->message != NULL ? err->message : "not well-formed XML");
  guard->error_message = g_strdup (g_strstrip (message));
}

static void
ignore_generic_error (void *data, const char *msg, ...)
{
}

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
  Guard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlStructuredErrorFunc old_serror;
  void *old_serror_data;
  xmlGenericErrorFunc old_generic;
  void *old_generic_data;
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
  /* A context of our own for this call, made for this input (so nothing
   * resets what is set on it below before the parse starts). */
  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, name, 0, 0,
                            "out of memory for the XML parser");
      return FALSE;
    }
  /* This context's own handler table: the tree builder's callbacks,
   * wrapped to count depth, and a DOCTYPE refused. */
  guard.start_element = ctxt->sax->startElementNs;
  guard.end_element = ctxt->sax->endElementNs;
  ctxt->sax->startElementNs = guarded_start_element;
  ctxt->sax->endElementNs = guarded_end_element;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->serror = keep_first_error;
  ctxt->_private = &guard;

  xmlCtxtUseOptions (ctxt, PARSE_OPTIONS);
  /* Some of libxml2's reports (a failed encoding conversion, for one) do
   * not go through the context but through the per-thread handlers, which
   * print to stderr: for this parse they come here too. */
  old_serror = xmlStructuredError;
  old_serror_data = xmlStructuredErrorContext;
  old_generic = xmlGenericError;
  old_generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (ctxt, keep_first_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  xmlParseDocument (ctxt);
  xmlSetStructuredErrorFunc (old_serror_data, old_serror);
  xmlSetGenericErrorFunc (old_generic_data, old_generic);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (guard.doctype)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_FORBIDDEN, name,
                            MAX (guard.stop_line, 1), MAX (guard.stop_column, 1),
                            "DOCTYPE declarations are not allowed");
      goto out;
    }
  if (guard.too_deep)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name,
                            MAX (guard.stop_line, 1), MAX (guard.stop_column, 1),
                            "elements nested deeper than %d levels", MTE_IMPORT_MAX_DEPTH);
      goto out;
    }
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);
      int line = guard.have_error ? guard.error_line : last != NULL ? last->line : 0;
      int column = guard.have_error ? guard.error_column : last != NULL ? last->int2 : 0;
      g_autofree char *message = NULL;

      if (guard.have_error)
        message = g_strdup (guard.error_message);
      else if (last != NULL && last->message != NULL)
        message = g_strstrip (g_strdup (last->message));
      else
        message = g_strdup ("not well-formed XML");
      mte_format_error_set (error, MTE_FORMAT_ERROR_MALFORMED, name, MAX (line, 1),
                            MAX (column, 1), "%s", message);
      goto out;
    }

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
  if (doc != NULL)
    xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  g_free (guard.error_message);
  return ok;
}
