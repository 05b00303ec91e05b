/* metaethno: the translation table and conceptual saturation.
 *
 * Built in one pass over what the constructs say, in translation order:
 * each construct contributes the concepts it expresses and those it
 * refutes, so rows receive their cells already sorted by column and the
 * order of first appearance falls out of the walk.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

#include <string.h>

typedef struct {
  guint        column;
  MteCellState state;
} TableCell;

typedef struct {
  MteConcept *concept;
  TableCell  *cells;         /* sorted by column, within table->cells */
  guint       n_cells;
  int         first_column;
} TableRow;

struct _MteTranslationTable {
  const MteProject *project;  /* borrowed: results live no longer */
  MteStudyOrder order;
  MteStudy **studies;
  guint      n_studies;
  TableRow  *rows;           /* in order of first appearance */
  guint      n_rows;
  TableCell *cells;          /* every row's, in one block */
  guint     *new_concepts;   /* per column */
  int        saturation_column;
};

/* What one construct (or one study, for concept-side refutations) says
 * about one concept. Sorted by (column, construct), keeping the order in
 * which they were noted, the notes come in the order of the walk over the
 * studies in translation order: a study's constructs in turn, then what
 * the study says as a whole. */
typedef struct {
  guint column;
  guint construct;           /* index in its study; G_MAXUINT: the study */
  guint packed;              /* (concept index << 2) | state */
} Note;

static void
note (GArray       *notes,
      guint         column,
      guint         construct,
      guint         concept_index,
      MteCellState  state)
{
  Note n = { column, construct, (concept_index << 2) | (guint) state };

  g_array_append_val (notes, n);
}

/* Sorts the @n notes of @in, in the order noted, by (column, construct)
 * into @out with two stable counting sorts (by construct, then by
 * column): linear in the notes, studies and constructs per study, where a
 * comparison sort was the largest cost of the table. When @column_end is
 * not NULL, it receives for each of the @n_columns columns where its
 * notes end in @out. */
static void
sort_notes (const Note *in,
            guint       n,
            guint       n_columns,
            Note       *out,
            guint      *column_end)
{
  g_autofree Note *by_construct = g_new (Note, n + 1);
  g_autofree guint *start = NULL;
  guint n_keys = 0;

  /* Construct keys run 0..n_keys - 2; the study's own notes take the last. */
  for (guint i = 0; i < n; i++)
    if (in[i].construct != G_MAXUINT)
      n_keys = MAX (n_keys, in[i].construct + 1);
  n_keys++;
  start = g_new0 (guint, MAX (n_keys, n_columns) + 1);

  for (guint i = 0; i < n; i++)
    start[MIN (in[i].construct, n_keys - 1) + 1]++;
  for (guint k = 1; k < n_keys; k++)
    start[k] += start[k - 1];
  for (guint i = 0; i < n; i++)
    by_construct[start[MIN (in[i].construct, n_keys - 1)]++] = in[i];

  memset (start, 0, (MAX (n_keys, n_columns) + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    start[by_construct[i].column + 1]++;
  for (guint c = 1; c < n_columns; c++)
    start[c] += start[c - 1];
  for (guint i = 0; i < n; i++)
    out[start[by_construct[i].column]++] = by_construct[i];
  if (column_end != NULL && n_columns > 0)
    memcpy (column_end, start, n_columns * sizeof (guint));
}

/* Notes every expression, in the order of the walk over the concepts,
 * and returns them sorted, @n of them, with where each column's notes end
 * (@column_end, @n_columns of them). */
static Note *
note_expressions (const MteProject *project,
                  const guint      *columns,
                  guint             n_columns,
                  guint            *n,
                  guint            *column_end)
{
  g_autofree Note *noted = NULL;
  Note *sorted;
  guint total = 0, k = 0;

  for (guint r = 0; r < project->concepts->len; r++)
    total += mte_construct_list_len (((MteConcept *) g_ptr_array_index (project->concepts, r))->expressions);
  noted = g_new (Note, total + 1);
  for (guint r = 0; r < project->concepts->len; r++)
    {
      const MteConstructList *list = ((MteConcept *) g_ptr_array_index (project->concepts, r))->expressions;

      for (guint e = 0; e < mte_construct_list_len (list); e++)
        {
          guint column = columns[list->items[e].study];

          /* An excluded study has no column. */
          if (column != MTE_COLUMN_LEFT_OUT)
            noted[k++] = (Note) { column, list->items[e].index,
                                  (r << 2) | (guint) MTE_CELL_EXPRESSES };
        }
    }
  sorted = g_new (Note, k + 1);
  sort_notes (noted, k, n_columns, sorted, column_end);
  *n = k;
  return sorted;
}

/* Notes that whatever stands on @study_side refutes the concept at
 * @concept_index: a construct, in its study's column; a concept, in the
 * column of the study the translation names for it, if any. */
static void
note_refutes (GArray                  *notes,
              const guint             *columns,
              const MteRefutationSide *study_side,
              guint                    concept_index)
{
  if (study_side->study != G_MAXUINT && columns[study_side->study] != MTE_COLUMN_LEFT_OUT)
    note (notes, columns[study_side->study],
          study_side->kind == MTE_ENTITY_CONSTRUCT ? study_side->index : G_MAXUINT,
          concept_index, MTE_CELL_REFUTES);
}

/* Records that whatever stands on @study_side refutes the concept(s) on
 * @concept_side: the concept itself, or the concepts a construct
 * expresses, read from @expressions (the expression notes, sorted, each
 * column's ending at @column_end). Everything comes from the
 * refutation's copy of the model and the notes: no entity is read. */
static void
note_refutation (GArray                  *notes,
                 const Note              *expressions,
                 const guint             *column_end,
                 const guint             *columns,
                 const MteRefutationSide *study_side,
                 const MteRefutationSide *concept_side)
{
  guint column, lo, hi, end;

  if (concept_side->kind == MTE_ENTITY_CONCEPT)
    {
      note_refutes (notes, columns, study_side, concept_side->index);
      return;
    }

  /* The construct's first note in its study's column, then the others;
   * an excluded study's construct expresses nothing the table shows. */
  column = columns[concept_side->study];
  if (column == MTE_COLUMN_LEFT_OUT)
    return;
  lo = column > 0 ? column_end[column - 1] : 0;
  hi = end = column_end[column];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (expressions[mid].construct < concept_side->index)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < end && expressions[lo].construct == concept_side->index; lo++)
    note_refutes (notes, columns, study_side, expressions[lo].packed >> 2);
}

/* Two sorted runs of notes read as one: the expressions, then at equal
 * (column, construct) the refutations, as one stable sort of all the
 * notes in the order noted would give. */
typedef struct {
  const Note *a, *b;
  guint       n_a, n_b;
  guint       i, j;
} NoteMerge;

static const Note *
next_note (NoteMerge *m)
{
  if (m->i < m->n_a &&
      (m->j == m->n_b || m->a[m->i].column < m->b[m->j].column ||
       (m->a[m->i].column == m->b[m->j].column && m->a[m->i].construct <= m->b[m->j].construct)))
    return &m->a[m->i++];
  return m->j < m->n_b ? &m->b[m->j++] : NULL;
}

/* Gives each row its cells from @notes (restarted for each pass),
 * sorted in translation order: a first pass counts them, so that every
 * row's cells fit in one block, and the second fills them in. Rows take
 * their place in @appearance at their first note. Returns the number of
 * rows that appear. */
static guint
fill_cells (MteTranslationTable *table,
            NoteMerge           *notes,
            guint               *appearance)
{
  g_autofree guint *last_column = g_new (guint, table->n_rows + 1);
  TableCell *next;
  const Note *note;
  guint n_appearing = 0, n_cells = 0;

  for (guint r = 0; r < table->n_rows; r++)
    last_column[r] = G_MAXUINT;
  notes->i = notes->j = 0;
  while ((note = next_note (notes)) != NULL)
    {
      guint r = note->packed >> 2;

      if (last_column[r] == note->column)
        continue;
      if (last_column[r] == G_MAXUINT)
        {
          table->rows[r].first_column = (int) note->column;
          appearance[n_appearing++] = r;
        }
      last_column[r] = note->column;
      table->rows[r].n_cells++;
      n_cells++;
    }

  table->cells = g_new (TableCell, n_cells + 1);
  next = table->cells;
  for (guint r = 0; r < table->n_rows; r++)
    {
      table->rows[r].cells = next;
      next += table->rows[r].n_cells;
      table->rows[r].n_cells = 0;
    }
  notes->i = notes->j = 0;
  while ((note = next_note (notes)) != NULL)
    {
      TableRow *row = &table->rows[note->packed >> 2];
      MteCellState state = (MteCellState) (note->packed & 3);

      if (row->n_cells > 0 && row->cells[row->n_cells - 1].column == note->column)
        row->cells[row->n_cells - 1].state |= state;
      else
        row->cells[row->n_cells++] = (TableCell) { note->column, state };
    }
  return n_appearing;
}

MteTranslationTable *
mte_translation_table_new (const MteProject *project,
                           MteStudyOrder     order)
{
  MteTranslationTable *table;
  g_autofree guint *columns = NULL;
  g_autofree Note *expressions = NULL;      /* sorted */
  g_autofree guint *column_end = NULL;      /* where each column's expressions end */
  g_autoptr (GArray) refuting = NULL;       /* in the order noted */
  g_autofree Note *refuting_sorted = NULL;
  g_autofree guint *appearance = NULL;      /* rows in order of first appearance */
  guint n_expressions, n_appearing;
  NoteMerge merge;
  TableRow *sorted;

  g_return_val_if_fail (project != NULL, NULL);

  table = g_new0 (MteTranslationTable, 1);
  table->project = project;
  table->order = order;
  table->studies = mte_study_order_new (project, order, &table->n_studies, &columns);
  table->n_rows = project->concepts->len;
  table->rows = g_new0 (TableRow, table->n_rows + 1);
  table->new_concepts = g_new0 (guint, table->n_studies + 1);
  table->saturation_column = -1;
  for (guint r = 0; r < table->n_rows; r++)
    {
      table->rows[r].concept = g_ptr_array_index (project->concepts, r);
      table->rows[r].first_column = -1;
    }

  /* Only the constructs that say something are noted: the others (most
   * of a large review) are never touched. Refutations, far fewer, are
   * noted apart and sorted on their own. */
  column_end = g_new (guint, table->n_studies + 1);
  expressions = note_expressions (project, columns, table->n_studies, &n_expressions, column_end);
  refuting = g_array_new (FALSE, FALSE, sizeof (Note));
  for (guint t = 0; t < project->refutations->len; t++)
    {
      const MteRefutation *r = &g_array_index (project->refutations, MteRefutation, t);

      note_refutation (refuting, expressions, column_end, columns, &r->source, &r->target);
      note_refutation (refuting, expressions, column_end, columns, &r->target, &r->source);
    }
  refuting_sorted = g_new (Note, refuting->len + 1);
  sort_notes ((Note *) refuting->data, refuting->len, table->n_studies, refuting_sorted, NULL);

  merge = (NoteMerge) { expressions, refuting_sorted, n_expressions, refuting->len, 0, 0 };
  appearance = g_new (guint, table->n_rows + 1);
  n_appearing = fill_cells (table, &merge, appearance);

  /* Rows in order of first appearance, then the unused ones. */
  sorted = g_new (TableRow, table->n_rows + 1);
  for (guint i = 0; i < n_appearing; i++)
    {
      const TableRow *row = &table->rows[appearance[i]];

      sorted[i] = *row;
      table->new_concepts[row->first_column]++;
      table->saturation_column = MAX (table->saturation_column, row->first_column);
    }
  for (guint r = 0, k = n_appearing; r < table->n_rows; r++)
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
  g_free (table->cells);
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
  const TableCell *cells;
  guint lo = 0, hi;

  g_return_val_if_fail (table != NULL, MTE_CELL_ABSENT);
  g_return_val_if_fail (row < table->n_rows, MTE_CELL_ABSENT);
  g_return_val_if_fail (column < table->n_studies, MTE_CELL_ABSENT);

  cells = table->rows[row].cells;
  hi = table->rows[row].n_cells;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TableCell *cell = &cells[mid];

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

const MteProject *
mte_translation_table_get_project (const MteTranslationTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->project;
}
