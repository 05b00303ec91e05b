/* metaethno: the stable sort by 64-bit key shared by every layer.
 *
 * lib/util sits below the model: it includes GLib and nothing of
 * metaethno, so the model, io, analysis and render may all use it.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_SORT_PRIVATE_H
#define MTE_SORT_PRIVATE_H

#include <glib.h>

G_BEGIN_DECLS

/* An item and the key it sorts by. */
typedef struct {
  guint64  key;
  gpointer item;
} MteKeyed;

/* Sorts the @n @items by key, stably: equal keys keep their order. Short
 * runs by insertion, longer ones by a radix sort one byte at a time that
 * skips the bytes every key shares: linear in @n. @scratch holds @n items
 * for the radix sort, or is NULL to have one allocated (mte-sort.c). */
void mte_keyed_sort (MteKeyed *items, guint n, MteKeyed *scratch);

G_END_DECLS

#endif /* MTE_SORT_PRIVATE_H */
