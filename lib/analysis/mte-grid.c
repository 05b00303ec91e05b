/* metaethno: the concept × study grid.
 *
 * The grid is sparse: each row keeps its non-empty cells as a run of
 * (column, construct) entries sorted by column, so a review of thousands of
 * studies and concepts costs memory in proportion to its expressions.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

/* An entry is keyed by (column << 32) | rank, its rank being its place
 * among the concept's expressions; the item is the construct. */
typedef MteKeyed GridEntry;

static inline guint
entry_column (const GridEntry *entry)
{
  return (guint) (entry->key >> 32);
}

typedef struct {
  MteConcept *concept;
  GridEntry  *entries;      /* within grid->entries, sorted by key */
  guint       n_entries;
  guint       n_studies;
} GridRow;

struct _MteGrid {
  const MteProject *project;  /* borrowed: results live no longer */
  MteStudyOrder order;
  MteStudy **studies;
  guint      n_studies;
  GridRow   *rows;
  guint      n_rows;
  GridEntry *entries;       /* every row's, in one block */
};

MteGrid *
mte_grid_new (const MteProject *project,
              MteStudyOrder     order)
{
  MteGrid *grid;
  g_autofree guint *columns = NULL;
  guint n_entries = 0, longest = 0;
  g_autofree GridEntry *scratch = NULL;

  g_return_val_if_fail (project != NULL, NULL);

  grid = g_new0 (MteGrid, 1);
  grid->project = project;
  grid->order = order;
  grid->studies = mte_study_order_new (project, order, &grid->n_studies, &columns);
  grid->n_rows = project->concepts->len;
  grid->rows = g_new0 (GridRow, grid->n_rows > 0 ? grid->n_rows : 1);

  for (guint r = 0; r < grid->n_rows; r++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, r);

      n_entries += mte_construct_list_len (concept->expressions);
      longest = MAX (longest, mte_construct_list_len (concept->expressions));
    }
  grid->entries = g_new (GridEntry, n_entries + 1);
  scratch = g_new (GridEntry, longest + 1);
  n_entries = 0;

  for (guint r = 0; r < grid->n_rows; r++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, r);
      GridRow *row = &grid->rows[r];
      guint n = mte_construct_list_len (concept->expressions);

      guint kept = 0;

      row->concept = concept;
      row->entries = grid->entries + n_entries;
      for (guint e = 0; e < n; e++)
        {
          const MteConstructRef *ref = &concept->expressions->items[e];

          /* An excluded study's expressions are not in the grid. */
          if (columns[ref->study] == MTE_COLUMN_LEFT_OUT)
            continue;
          row->entries[kept].key = (guint64) columns[ref->study] << 32 | e;
          row->entries[kept].item = ref->construct;
          kept++;
        }
      n = row->n_entries = kept;
      n_entries += n;
      mte_keyed_sort (row->entries, n, scratch);
      for (guint e = 0; e < n; e++)
        if (e == 0 || entry_column (&row->entries[e]) != entry_column (&row->entries[e - 1]))
          row->n_studies++;
    }
  return grid;
}

void
mte_grid_free (MteGrid *grid)
{
  if (grid == NULL)
    return;
  g_free (grid->entries);
  g_free (grid->rows);
  g_free (grid->studies);
  g_free (grid);
}

MteStudyOrder
mte_grid_get_order (const MteGrid *grid)
{
  g_return_val_if_fail (grid != NULL, MTE_STUDY_ORDER_PROJECT);
  return grid->order;
}

guint
mte_grid_get_n_concepts (const MteGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);
  return grid->n_rows;
}

MteConcept *
mte_grid_get_concept (const MteGrid *grid,
                      guint          row)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (row < grid->n_rows, NULL);
  return grid->rows[row].concept;
}

guint
mte_grid_get_n_studies (const MteGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);
  return grid->n_studies;
}

MteStudy *
mte_grid_get_study (const MteGrid *grid,
                    guint          column)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (column < grid->n_studies, NULL);
  return grid->studies[column];
}

/* First entry of @row at @column (or the insertion point) by binary search. */
static guint
lower_bound (const GridRow *row,
             guint          column)
{
  guint lo = 0, hi = row->n_entries;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entry_column (&row->entries[mid]) < column)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
mte_grid_get_n_cell_constructs (const MteGrid *grid,
                                guint          row,
                                guint          column)
{
  const GridRow *r;
  guint start, end;

  g_return_val_if_fail (grid != NULL, 0);
  g_return_val_if_fail (row < grid->n_rows, 0);
  g_return_val_if_fail (column < grid->n_studies, 0);

  r = &grid->rows[row];
  start = lower_bound (r, column);
  for (end = start; end < r->n_entries && entry_column (&r->entries[end]) == column; end++)
    ;
  return end - start;
}

MteConstruct *
mte_grid_get_cell_construct (const MteGrid *grid,
                             guint          row,
                             guint          column,
                             guint          index)
{
  const GridRow *r;
  guint start;

  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (row < grid->n_rows, NULL);
  g_return_val_if_fail (column < grid->n_studies, NULL);

  r = &grid->rows[row];
  start = lower_bound (r, column);
  g_return_val_if_fail (start + index < r->n_entries &&
                        entry_column (&r->entries[start + index]) == column, NULL);
  return r->entries[start + index].item;
}

guint
mte_grid_get_concept_study_count (const MteGrid *grid,
                                  guint          row)
{
  g_return_val_if_fail (grid != NULL, 0);
  g_return_val_if_fail (row < grid->n_rows, 0);
  return grid->rows[row].n_studies;
}

const MteProject *
mte_grid_get_project (const MteGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return grid->project;
}
