/* metaethno: other programs' XML read into a tree under guard
 * (mte-xml-guard-private.h).
 *
 * libxml2's tree builder runs with its SAX handlers wrapped: element
 * starts are counted (nesting and total) before the builder sees them, a
 * DOCTYPE stops the parse before its internal subset is read, and the
 * first error is kept with its position. Everything is set on a context
 * made for this call, so nothing leaks into other parses in the process.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "mte-error-private.h"
#include "mte-xml-guard-private.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                       | XML_PARSE_BIG_LINES)

typedef struct {
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func   end_element;
  guint                  max_depth;
  guint                  max_elements;
  guint                  depth;
  guint                  n_elements;
  gboolean               too_deep;
  gboolean               too_many;
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
  gboolean too_deep = ++guard->depth > guard->max_depth;
  gboolean too_many = guard->max_elements > 0 && ++guard->n_elements > guard->max_elements;

  if (too_deep || too_many)
    {
      if (!guard->too_deep && !guard->too_many)
        note_position (ctxt, guard);
      guard->too_deep |= too_deep;
      guard->too_many |= too_many;
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

xmlDoc *
mte_xml_parse_guarded (const char *data, gsize length, const char *name,
                       guint max_depth, guint max_elements, GError **error)
{
  Guard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlStructuredErrorFunc old_serror;
  void *old_serror_data;
  xmlGenericErrorFunc old_generic;
  void *old_generic_data;
  xmlDocPtr doc;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (length > 0, NULL);

  if (name == NULL)
    name = "<data>";
  /* libxml2 takes the length as an int. The callers bound their inputs
   * far below this; the check keeps the cast honest. */
  if (length > G_MAXINT)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name, 1, 1,
                            "more than %d bytes", G_MAXINT);
      return NULL;
    }

  /* A context of our own for this call, made for this input (so nothing
   * resets what is set on it below before the parse starts). */
  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_FAILED, name, 0, 0,
                            "out of memory for the XML parser");
      return NULL;
    }
  /* This context's own handler table: the tree builder's callbacks,
   * wrapped to count depth, and a DOCTYPE refused. */
  guard.start_element = ctxt->sax->startElementNs;
  guard.end_element = ctxt->sax->endElementNs;
  guard.max_depth = max_depth;
  guard.max_elements = max_elements;
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
      goto fail;
    }
  if (guard.too_deep)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name,
                            MAX (guard.stop_line, 1), MAX (guard.stop_column, 1),
                            "elements nested deeper than %u levels", max_depth);
      goto fail;
    }
  if (guard.too_many)
    {
      mte_format_error_set (error, MTE_FORMAT_ERROR_TOO_LARGE, name,
                            MAX (guard.stop_line, 1), MAX (guard.stop_column, 1),
                            "more than %u elements", max_elements);
      goto fail;
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
      goto fail;
    }

  xmlFreeParserCtxt (ctxt);
  g_free (guard.error_message);
  return doc;

fail:
  if (doc != NULL)
    xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  g_free (guard.error_message);
  return NULL;
}
