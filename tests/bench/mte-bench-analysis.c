/* metaethno: benchmark of the analysis engine (issue 3).
 *
 * Builds the grid, the translation table and the line-of-argument
 * synthesis for generated projects of 300 and 3,000 studies (about 10,000
 * and 100,000 constructs), and prints, from the same run:
 *
 *   - each step's median wall and CPU time;
 *   - the scaling ratio from each size to the next: time at 10x the data
 *     over time at 1x (linear would be 10), and that ratio over the
 *     baseline's own, which a linear walk of the model sets on this
 *     machine: once the larger model outgrows the processor's caches,
 *     every pass over it slows down, whatever the algorithm;
 *   - each step against a baseline: one pass over every construct,
 *     concept expression and translation of the project (the least any
 *     analysis must touch), so machine speed cancels out.
 *
 *   - the sizes take turns: each repetition times every step at every
 *     size, each timed run right after an untimed one of the same step and
 *     size (so that it runs warm), and medians are taken over the
 *     repetitions. Whatever else the machine does during the run then
 *     weighs on every size alike, instead of on whichever size ran while
 *     it happened;
 *
 *   - with --cold, every timed run starts with the processor's caches
 *     flushed (a 128 MiB buffer is written first, untimed), so that the
 *     small project does not run from cache while the large one runs from
 *     memory: the ratio then compares like with like, as a one-off
 *     analysis after other work would see it.
 *
 *     mte-bench-analysis [--repeat N] [--constructs-per-study M] [--cold] [SIZE...]
 *
 * Figures go to docs/performance.md; nothing here checks a time.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _POSIX_C_SOURCE 200809L

#include <metaethno/metaethno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-gen.h"

typedef enum {
  STEP_BASELINE,
  STEP_GRID,
  STEP_TABLE,
  STEP_SYNTHESIS,
  STEP_ALL,
  N_STEPS
} Step;

static const char *const step_names[N_STEPS] = {
  "baseline walk", "grid", "translation table", "synthesis", "grid + table + synthesis",
};

static volatile guint sink;

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Touches what any analysis must: every construct of every study, every
 * expression of every concept, both sides of every translation. */
static void
baseline_walk (const MteProject *p)
{
  guint n = 0;

  for (guint s = 0; s < mte_project_get_n_studies (p); s++)
    {
      MteStudy *study = mte_project_get_study (p, s);

      for (guint c = 0; c < mte_study_get_n_constructs (study); c++)
        n += mte_construct_get_order (mte_study_get_construct (study, c));
    }
  for (guint k = 0; k < mte_project_get_n_concepts (p); k++)
    {
      MteConcept *concept = mte_project_get_concept (p, k);

      for (guint e = 0; e < mte_concept_get_n_expressions (concept); e++)
        n += mte_construct_get_order (mte_concept_get_expression (concept, e));
    }
  for (guint t = 0; t < mte_project_get_n_translations (p); t++)
    {
      MteTranslation *tr = mte_project_get_translation (p, t);

      n += mte_entity_get_kind (mte_translation_get_source (tr)) +
           mte_entity_get_kind (mte_translation_get_target (tr));
    }
  sink = n;
}

static void
run_step (const MteProject *p,
          Step              step)
{
  MteGrid *grid = NULL;
  MteTranslationTable *table = NULL;
  MteLineOfArgument *loa = NULL;

  switch (step)
    {
    case STEP_BASELINE:
      baseline_walk (p);
      break;
    case STEP_GRID:
      grid = mte_grid_new (p, MTE_STUDY_ORDER_INDEX);
      break;
    case STEP_TABLE:
      table = mte_translation_table_new (p, MTE_STUDY_ORDER_INDEX);
      break;
    case STEP_SYNTHESIS:
      loa = mte_line_of_argument_new (p, MTE_CHECK_DEFAULT_MIN_STUDIES);
      break;
    case STEP_ALL:
      grid = mte_grid_new (p, MTE_STUDY_ORDER_INDEX);
      table = mte_translation_table_new (p, MTE_STUDY_ORDER_INDEX);
      loa = mte_line_of_argument_new (p, MTE_CHECK_DEFAULT_MIN_STUDIES);
      break;
    default:
      g_assert_not_reached ();
    }
  mte_grid_free (grid);
  mte_translation_table_free (table);
  mte_line_of_argument_free (loa);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int argc, char **argv)
{
  int repeat = 15, per_study = 33;
  gboolean cold = FALSE;
  g_autofree unsigned char *flush = NULL;
  const gsize flush_size = (gsize) 128 << 20;
  g_auto (GStrv) sizes_arg = NULL;
  GOptionEntry entries[] = {
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs of each step (median reported)", "N" },
    { "cold", 0, 0, G_OPTION_ARG_NONE, &cold, "Flush the caches before every timed run", NULL },
    { "constructs-per-study", 'c', 0, G_OPTION_ARG_INT, &per_study, "Constructs per study", "M" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &sizes_arg, NULL, "[STUDIES...]" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- benchmark the analysis engine");
  g_autoptr (GError) error = NULL;
  guint sizes[8] = { 300, 3000 }, n_sizes = 2;
  double wall[8][N_STEPS], cpu[8][N_STEPS];
  double *w[8][N_STEPS], *c[8][N_STEPS];      /* per repetition */
  MteProject *projects[8] = { NULL };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || repeat < 1 || per_study < 2)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "bad --repeat or --constructs-per-study");
      return 2;
    }
  if (sizes_arg != NULL)
    {
      n_sizes = MIN (g_strv_length (sizes_arg), G_N_ELEMENTS (sizes));
      for (guint i = 0; i < n_sizes; i++)
        sizes[i] = (guint) g_ascii_strtoull (sizes_arg[i], NULL, 10);
    }

  for (guint z = 0; z < n_sizes; z++)
    {
      BenchGenParams params;
      BenchGenCounts counts;

      bench_gen_params_init (&params);
      params.n_studies = sizes[z];
      params.constructs_per_study = (guint) per_study;
      projects[z] = bench_gen_project (&params, &counts, &error);
      if (projects[z] == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%u studies: %u constructs (%u first-order), %u concepts, %u expressions, "
              "%u translations, %u third-order constructs, %u argument links\n",
              counts.studies, counts.first_order + counts.second_order, counts.first_order,
              counts.concepts, counts.expressions, counts.translations,
              counts.third_orders, counts.argument_links);
      for (int st = 0; st < N_STEPS; st++)
        {
          w[z][st] = g_new (double, repeat);
          c[z][st] = g_new (double, repeat);
        }
    }

  for (int r = 0; r < repeat; r++)
    for (int st = 0; st < N_STEPS; st++)
      for (guint z = 0; z < n_sizes; z++)
        {
          gint64 t0;
          double c0;

          if (cold)
            {
              if (flush == NULL)
                flush = g_malloc (flush_size);
              /* Writing more than the last-level cache holds evicts the
               * model; the value changes so it cannot be skipped. */
              memset (flush, r + st + (int) z, flush_size);
            }
          else
            run_step (projects[z], (Step) st);            /* warm-up */
          t0 = g_get_monotonic_time ();
          c0 = cpu_now ();
          run_step (projects[z], (Step) st);
          c[z][st][r] = (cpu_now () - c0) * 1e3;
          w[z][st][r] = (g_get_monotonic_time () - t0) / 1e3;
        }

  for (guint z = 0; z < n_sizes; z++)
    for (int st = 0; st < N_STEPS; st++)
      {
        wall[z][st] = median (w[z][st], repeat);
        cpu[z][st] = median (c[z][st], repeat);
        g_free (w[z][st]);
        g_free (c[z][st]);
      }
  for (guint z = 0; z < n_sizes; z++)
    mte_project_free (projects[z]);

  printf ("\n%-26s", "step (median ms, wall/cpu)");
  for (guint z = 0; z < n_sizes; z++)
    printf ("  %8u studies   ", sizes[z]);
  printf ("  x baseline (largest)\n");
  for (int s = 0; s < N_STEPS; s++)
    {
      printf ("%-26s", step_names[s]);
      for (guint z = 0; z < n_sizes; z++)
        printf ("  %8.3f / %7.3f", wall[z][s], cpu[z][s]);
      printf ("  %8.1f\n", cpu[n_sizes - 1][s] / MAX (cpu[n_sizes - 1][STEP_BASELINE], 1e-6));
    }
  for (guint z = 1; z < n_sizes; z++)
    {
      double baseline = cpu[z][STEP_BASELINE] / MAX (cpu[z - 1][STEP_BASELINE], 1e-6);

      printf ("\nscaling, %u -> %u studies (%.3gx the data; cpu time ratio, "
              "and over the baseline's):\n",
              sizes[z - 1], sizes[z], (double) sizes[z] / MAX (sizes[z - 1], 1));
      for (int s = 0; s < N_STEPS; s++)
        {
          double ratio = cpu[z][s] / MAX (cpu[z - 1][s], 1e-6);

          printf ("  %-26s %7.2fx %6.2f\n", step_names[s], ratio, ratio / MAX (baseline, 1e-6));
        }
    }
  return 0;
}
