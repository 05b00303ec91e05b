/* metaethno: lists of entities sorted in project order.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

/* Project order within one kind of entity: a construct stands after the
 * constructs of earlier studies and its study's earlier constructs; any
 * other entity where its project table has it. */
static guint64
project_position (const MteEntity *entity)
{
  if (entity->kind == MTE_ENTITY_CONSTRUCT)
    return (guint64) ((const MteConstruct *) entity)->study->base.index << 32 | entity->index;
  return entity->index;
}

void
mte_sort_unique (GPtrArray *array)
{
  MteKeyed on_stack[64];      /* most grounding lists are short */
  MteKeyed *ranked = on_stack;
  guint kept = 0;

  if (array->len < 2)
    return;
  if (array->len > G_N_ELEMENTS (on_stack))
    ranked = g_new (MteKeyed, array->len);
  for (guint i = 0; i < array->len; i++)
    {
      ranked[i].item = g_ptr_array_index (array, i);
      ranked[i].key = project_position (ranked[i].item);
    }
  mte_keyed_sort (ranked, array->len, NULL);
  for (guint i = 0; i < array->len; i++)
    if (kept == 0 || ranked[i].item != array->pdata[kept - 1])
      array->pdata[kept++] = ranked[i].item;
  g_ptr_array_set_size (array, kept);
  if (ranked != on_stack)
    g_free (ranked);
}
