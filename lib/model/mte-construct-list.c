/* metaethno: lists of constructs that carry their place in project order.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"

#include <string.h>

static gboolean
find (const MteConstructList *list,
      const MteConstruct     *construct,
      guint                  *at)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (list->items[i].construct == construct)
      {
        if (at != NULL)
          *at = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
mte_construct_list_add (MteConstructList **list,
                        MteConstruct      *construct)
{
  MteConstructList *l = *list;

  if (find (l, construct, NULL))
    return FALSE;
  if (l == NULL || l->len == l->allocated)
    {
      /* Most lists hold a handful; grow by half beyond that. */
      guint64 allocated = l == NULL ? 4 : (guint64) l->allocated + l->allocated / 2 + 1;

      if (allocated > G_MAXUINT ||
          allocated > (G_MAXSIZE - sizeof (MteConstructList)) / sizeof (MteConstructRef))
        g_error ("metaethno: a list of %u constructs cannot grow", l->len);
      l = g_realloc (l, sizeof (MteConstructList) + (gsize) allocated * sizeof (MteConstructRef));
      if (*list == NULL)
        l->len = 0;
      l->allocated = (guint) allocated;
      *list = l;
    }
  l->items[l->len++] = mte_construct_ref_of (construct);
  return TRUE;
}

gboolean
mte_construct_list_remove (MteConstructList   *list,
                           const MteConstruct *construct)
{
  guint at;

  if (!find (list, construct, &at))
    return FALSE;
  memmove (&list->items[at], &list->items[at + 1],
           (list->len - at - 1) * sizeof (MteConstructRef));
  list->len--;
  return TRUE;
}

gboolean
mte_construct_list_contains (const MteConstructList *list,
                             const MteConstruct     *construct)
{
  return find (list, construct, NULL);
}

gboolean
mte_construct_list_drop (MteConstructList *list,
                         GHashTable       *doomed)
{
  guint kept = 0, len = mte_construct_list_len (list);

  for (guint i = 0; i < len; i++)
    if (!g_hash_table_contains (doomed, list->items[i].construct))
      list->items[kept++] = list->items[i];
  if (list != NULL)
    list->len = kept;
  return kept != len;
}

void
mte_construct_list_refresh (MteConstructList *list)
{
  for (guint i = 0; i < mte_construct_list_len (list); i++)
    list->items[i] = mte_construct_ref_of (list->items[i].construct);
}
