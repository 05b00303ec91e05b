/* metaethno: crafted inputs for the loader's cost tests and benchmark.
 *
 * Each kind is a whole document, valid wherever the kind allows it, with
 * one part grown to a given size: many attributes on one element, one long
 * attribute value, comment, processing instruction, CDATA section or text,
 * or (the baseline) an ordinary project of many small members and memos.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_TEST_CRAFTED_H
#define MTE_TEST_CRAFTED_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const char *what;             /* one line for --help and reports */
  gboolean    count;            /* n counts attributes, not bytes */
} MteCraftedKind;

/* All kinds, ending with a zeroed entry. */
extern const MteCraftedKind mte_crafted_kinds[];

/* The document of @kind with its part of size @n (bytes, or attributes for
 * the counting kinds), or NULL for an unknown kind. Free with g_free(). */
char *mte_crafted_make (const char *kind, guint64 n, gsize *length);

G_END_DECLS

#endif /* MTE_TEST_CRAFTED_H */
