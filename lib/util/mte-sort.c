/* metaethno: a stable sort by 64-bit key, insertion or radix.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-sort-private.h"

#include <string.h>

/* Runs up to this long are sorted by insertion: below it, the radix
 * sort's 256 counters per pass cost more than the moves they save. */
#define INSERTION_MAX 48

void
mte_keyed_sort (MteKeyed *items,
                guint     n,
                MteKeyed *scratch)
{
  guint64 any = 0, all = G_MAXUINT64;
  MteKeyed *from = items, *to, *owned = NULL;

  if (n <= INSERTION_MAX)
    {
      for (guint i = 1; i < n; i++)
        {
          MteKeyed moving = items[i];
          guint j = i;

          for (; j > 0 && items[j - 1].key > moving.key; j--)
            items[j] = items[j - 1];
          items[j] = moving;
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      any |= items[i].key;
      all &= items[i].key;
    }
  if (any == all)
    return;

  to = scratch != NULL ? scratch : (owned = g_new (MteKeyed, n));
  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint start[257] = { 0 };
      MteKeyed *swap;

      if ((((any ^ all) >> shift) & 0xff) == 0)
        continue;
      for (guint i = 0; i < n; i++)
        start[((from[i].key >> shift) & 0xff) + 1]++;
      for (guint b = 1; b < 256; b++)
        start[b] += start[b - 1];
      for (guint i = 0; i < n; i++)
        to[start[(from[i].key >> shift) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
  if (from != items)
    memcpy (items, from, n * sizeof (MteKeyed));
  g_free (owned);
}
