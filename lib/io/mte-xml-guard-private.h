/* mte-xml-guard-private.h: XML read into a libxml2 tree under guard, for
 * the readers of other programs' XML (EndNote XML, REFI-QDA).
 *
 * The project file has its own, stricter reader (mte-reader.c); this one
 * is for documents whose producers we do not control, and keeps them from
 * reaching the network, the file system or unbounded memory through
 * libxml2.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_XML_GUARD_PRIVATE_H
#define MTE_XML_GUARD_PRIVATE_H

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* mte_xml_parse_guarded:
 * @data, @length: the document (libxml2 detects its encoding; a UTF-8
 *   byte-order mark is fine); @length must be at least 1
 * @name: the document's name for messages
 * @max_depth: the deepest element nesting accepted
 * @max_elements: the most elements accepted in all, or 0 for no bound
 * @error: an MTE_FORMAT_ERROR located NAME:LINE:COLUMN:
 *   FORBIDDEN for a DOCTYPE (so for any DTD or entity declaration: its
 *   internal subset is never read); TOO_LARGE past @max_depth or
 *   @max_elements; MALFORMED when not well-formed, with libxml2's first
 *   error message and position.
 *
 * A parser context of its own, no network (XML_PARSE_NONET), no entity
 * substitution and no DTD loading. libxml2's reports go to this parse
 * only: the per-thread handlers are swapped for the parse and restored,
 * so nothing is printed on stderr. Line numbers in the tree are not cut
 * at 65535 (XML_PARSE_BIG_LINES): xmlGetLineNo() gives them.
 *
 * Returns: (transfer full): the tree, freed with xmlFreeDoc(), or NULL
 *   with @error set. */
xmlDoc *mte_xml_parse_guarded (const char *data,
                               gsize       length,
                               const char *name,
                               guint       max_depth,
                               guint       max_elements,
                               GError    **error);

G_END_DECLS

#endif /* MTE_XML_GUARD_PRIVATE_H */
