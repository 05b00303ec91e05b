/* metaethno: the translation table and conceptual saturation.
 *
 * Built in one pass over the studies in translation order: each construct
 * contributes the concepts it expresses and those it refutes, so rows
 * receive their cells already sorted by column and the order of first
 * appearance falls out of the walk.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

typedef struct {
  guint        column;
  MteCellState state;
} TableCell;

typedef struct {
  MteConcept *concept;
  GArray     *cells;         /* TableCell, sorted by column */
  int         first_column;
} TableRow;

struct _MteTranslationTable {
  MteStudyOrder order;
  MteStudy **studies;
  guint      n_studies;
  TableRow  *rows;           /* in order of first appearance */
  guint      n_rows;
  guint     *new_concepts;   /* per column */
  int        saturation_column;
};

/* What one construct (or one study, for concept-side refutations) says
 * about concepts: packed (concept index << 2) | state. */
static void
note (GHashTable *notes,
      gconstpointer key,
      guint       concept_index,
      MteCellState state)
{
  GArray *list = g_hash_table_lookup (notes, key);
  guint packed = (concept_index << 2) | (guint) state;

  if (list == NULL)
    {
      list = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2);
      g_hash_table_insert (notes, (gpointer) key, list);
    }
  g_array_append_val (list, packed);
}

/* Records that whatever stands on @study_side refutes the concept(s) on
 * @concept_side: the concept itself, or the concepts a construct expresses
 * (read from the expression notes already gathered). */
static void
note_refutation (GHashTable *construct_notes,
                 GHashTable *study_notes,
                 GHashTable *concept_index,
                 MteEntity  *study_side,
                 MteStudy   *study_side_study,
                 MteEntity  *concept_side)
{
  g_autoptr (GArray) targets = g_array_new (FALSE, FALSE, sizeof (guint));

  if (concept_side->kind == MTE_ENTITY_CONCEPT)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (concept_index,
                                                           concept_side)) - 1;
      g_array_append_val (targets, index);
    }
  else
    {
      GArray *list = g_hash_table_lookup (construct_notes, concept_side);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          guint packed = g_array_index (list, guint, i);

          if ((packed & 3) == MTE_CELL_EXPRESSES)
            {
              guint index = packed >> 2;
              g_array_append_val (targets, index);
            }
        }
    }

  for (guint i = 0; i < targets->len; i++)
    {
      guint index = g_array_index (targets, guint, i);

      if (study_side->kind == MTE_ENTITY_CONSTRUCT)
        note (construct_notes, study_side, index, MTE_CELL_REFUTES);
      else if (study_side_study != NULL)
        note (study_notes, study_side_study, index, MTE_CELL_REFUTES);
    }
}

static void
apply_notes (MteTranslationTable *table,
             GArray              *list,
             guint                column,
             GPtrArray           *appearance)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      guint packed = g_array_index (list, guint, i);
      TableRow *row = &table->rows[packed >> 2];
      MteCellState state = (MteCellState) (packed & 3);
      TableCell *last = row->cells->len > 0
                        ? &g_array_index (row->cells, TableCell, row->cells->len - 1)
                        : NULL;

      if (last != NULL && last->column == column)
        last->state |= state;
      else
        {
          TableCell cell = { column, state };
          g_array_append_val (row->cells, cell);
        }
      if (row->first_column < 0)
        {
          row->first_column = (int) column;
          g_ptr_array_add (appearance, row);
        }
    }
}

MteTranslationTable *
mte_translation_table_new (const MteProject *project,
                           MteStudyOrder     order)
{
  MteTranslationTable *table;
  g_autoptr (GHashTable) concept_index = NULL;
  g_autoptr (GHashTable) construct_notes = NULL;
  g_autoptr (GHashTable) study_notes = NULL;
  g_autoptr (GPtrArray) appearance = NULL;
  TableRow *sorted;

  g_return_val_if_fail (project != NULL, NULL);

  table = g_new0 (MteTranslationTable, 1);
  table->order = order;
  table->studies = mte_project_get_study_order (project, order, &table->n_studies);
  table->n_rows = project->concepts->len;
  table->rows = g_new0 (TableRow, table->n_rows + 1);
  table->new_concepts = g_new0 (guint, table->n_studies + 1);
  table->saturation_column = -1;

  concept_index = g_hash_table_new (NULL, NULL);
  construct_notes = g_hash_table_new_full (NULL, NULL, NULL,
                                           (GDestroyNotify) g_array_unref);
  study_notes = g_hash_table_new_full (NULL, NULL, NULL,
                                       (GDestroyNotify) g_array_unref);
  for (guint r = 0; r < table->n_rows; r++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, r);

      table->rows[r].concept = concept;
      table->rows[r].cells = g_array_new (FALSE, FALSE, sizeof (TableCell));
      table->rows[r].first_column = -1;
      g_hash_table_insert (concept_index, concept, GUINT_TO_POINTER (r + 1));
      for (guint e = 0; concept->expressions != NULL && e < concept->expressions->len; e++)
        note (construct_notes, g_ptr_array_index (concept->expressions, e), r,
              MTE_CELL_EXPRESSES);
    }
  for (guint t = 0; t < project->translations->len; t++)
    {
      MteTranslation *tr = g_ptr_array_index (project->translations, t);

      if (tr->kind != MTE_TRANSLATION_REFUTATIONAL)
        continue;
      note_refutation (construct_notes, study_notes, concept_index,
                       tr->source, tr->source_study, tr->target);
      note_refutation (construct_notes, study_notes, concept_index,
                       tr->target, tr->target_study, tr->source);
    }

  /* Walk the studies in translation order. */
  appearance = g_ptr_array_new ();
  for (guint col = 0; col < table->n_studies; col++)
    {
      MteStudy *study = table->studies[col];

      for (guint c = 0; c < study->constructs->len; c++)
        apply_notes (table, g_hash_table_lookup (construct_notes,
                                                 g_ptr_array_index (study->constructs, c)),
                     col, appearance);
      apply_notes (table, g_hash_table_lookup (study_notes, study), col, appearance);
    }

  /* Rows in order of first appearance, then the unused ones. */
  sorted = g_new (TableRow, table->n_rows + 1);
  for (guint i = 0; i < appearance->len; i++)
    {
      TableRow *row = g_ptr_array_index (appearance, i);

      sorted[i] = *row;
      table->new_concepts[row->first_column]++;
      table->saturation_column = MAX (table->saturation_column, row->first_column);
    }
  for (guint r = 0, k = appearance->len; r < table->n_rows; r++)
    if (table->rows[r].first_column < 0)
      sorted[k++] = table->rows[r];
  g_free (table->rows);
  table->rows = sorted;
  return table;
}

void
mte_translation_table_free (MteTranslationTable *table)
{
  if (table == NULL)
    return;
  for (guint r = 0; r < table->n_rows; r++)
    g_array_unref (table->rows[r].cells);
  g_free (table->rows);
  g_free (table->studies);
  g_free (table->new_concepts);
  g_free (table);
}

MteStudyOrder
mte_translation_table_get_order (const MteTranslationTable *table)
{
  g_return_val_if_fail (table != NULL, MTE_STUDY_ORDER_PROJECT);
  return table->order;
}

guint
mte_translation_table_get_n_concepts (const MteTranslationTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_rows;
}

MteConcept *
mte_translation_table_get_concept (const MteTranslationTable *table,
                                   guint                      row)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->n_rows, NULL);
  return table->rows[row].concept;
}

guint
mte_translation_table_get_n_studies (const MteTranslationTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_studies;
}

MteStudy *
mte_translation_table_get_study (const MteTranslationTable *table,
                                 guint                      column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->n_studies, NULL);
  return table->studies[column];
}

MteCellState
mte_translation_table_get_cell (const MteTranslationTable *table,
                                guint                      row,
                                guint                      column)
{
  const GArray *cells;
  guint lo = 0, hi;

  g_return_val_if_fail (table != NULL, MTE_CELL_ABSENT);
  g_return_val_if_fail (row < table->n_rows, MTE_CELL_ABSENT);
  g_return_val_if_fail (column < table->n_studies, MTE_CELL_ABSENT);

  cells = table->rows[row].cells;
  hi = cells->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TableCell *cell = &g_array_index (cells, TableCell, mid);

      if (cell->column == column)
        return cell->state;
      if (cell->column < column)
        lo = mid + 1;
      else
        hi = mid;
    }
  return MTE_CELL_ABSENT;
}

int
mte_translation_table_get_first_column (const MteTranslationTable *table,
                                        guint                      row)
{
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (row < table->n_rows, -1);
  return table->rows[row].first_column;
}

guint
mte_translation_table_get_new_concepts (const MteTranslationTable *table,
                                        guint                      column)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (column < table->n_studies, 0);
  return table->new_concepts[column];
}

int
mte_translation_table_get_saturation_column (const MteTranslationTable *table)
{
  g_return_val_if_fail (table != NULL, -1);
  return table->saturation_column;
}
