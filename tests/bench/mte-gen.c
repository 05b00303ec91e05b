/* mte-gen: writes a synthetic metaethno project of a chosen size.
 *
 *     mte-gen --studies 10000 --constructs-per-study 100 -o big.mte
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "bench-gen.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

int
main (int    argc,
      char **argv)
{
  BenchGenParams params;
  BenchGenCounts counts;
  gint studies, constructs, concepts = 0, translations, third_orders = 0;
  gint64 seed;
  double quotes, expressions, classify, memos;
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MteProject) project = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  GStatBuf st;

  bench_gen_params_init (&params);
  studies = (gint) params.n_studies;
  constructs = (gint) params.constructs_per_study;
  translations = (gint) params.translations_per_study;
  seed = params.seed;
  quotes = params.quotes_ratio;
  expressions = params.expression_ratio;
  classify = params.classify_ratio;
  memos = params.memos_per_study;

  {
    GOptionEntry entries[] = {
      { "studies", 'n', 0, G_OPTION_ARG_INT, &studies, "Number of studies (default 100)", "N" },
      { "constructs-per-study", 'm', 0, G_OPTION_ARG_INT, &constructs,
        "First- and second-order constructs per study (default 100)", "M" },
      { "quotes-ratio", 0, 0, G_OPTION_ARG_DOUBLE, &quotes,
        "Share of first-order constructs (quotes), 0-1 (default 0.6)", "R" },
      { "concepts", 0, 0, G_OPTION_ARG_INT, &concepts,
        "Number of key concepts (default: studies / 2, at least 6)", "N" },
      { "expression-ratio", 0, 0, G_OPTION_ARG_DOUBLE, &expressions,
        "Share of second-order constructs expressing a concept (default 0.3)", "R" },
      { "translations-per-study", 0, 0, G_OPTION_ARG_INT, &translations,
        "Translations recorded for each study after the index study (default 3)", "N" },
      { "third-orders", 0, 0, G_OPTION_ARG_INT, &third_orders,
        "Number of third-order constructs (default: studies / 20, at least 4)", "N" },
      { "classify-ratio", 0, 0, G_OPTION_ARG_DOUBLE, &classify,
        "Share of second-order constructs placed in the framework (default 0.2)", "R" },
      { "memos-per-study", 0, 0, G_OPTION_ARG_DOUBLE, &memos,
        "Average memos per study (default 0.5)", "R" },
      { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1988)", "SEED" },
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the project", "FILE" },
      { NULL }
    };

    context = g_option_context_new ("- write a synthetic metaethno project");
    g_option_context_set_description (context,
                                      "The output depends only on the options: the same options give the\n"
                                      "same bytes. The acceptance-size project of docs/performance.md is\n"
                                      "  mte-gen --studies 10000 --constructs-per-study 100 -o big.mte\n");
    g_option_context_add_main_entries (context, entries, NULL);
  }
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "mte-gen: %s\n", error->message);
      return 2;
    }
  if (output == NULL && argc == 2)
    output = g_strdup (argv[1]);
  if (output == NULL || argc > 2)
    {
      fprintf (stderr, "mte-gen: give the output file with -o FILE\n");
      return 2;
    }
  if (studies <= 0 || constructs < 0 || concepts < 0 || translations < 0 || third_orders < 0 ||
      quotes < 0 || quotes > 1 || expressions < 0 || expressions > 1 ||
      classify < 0 || classify > 1 || memos < 0 || seed < 0 || seed > G_MAXUINT32)
    {
      fprintf (stderr, "mte-gen: an option is out of range (see --help)\n");
      return 2;
    }

  params.n_studies = (guint) studies;
  params.constructs_per_study = (guint) constructs;
  params.quotes_ratio = quotes;
  params.n_concepts = (guint) concepts;
  params.expression_ratio = expressions;
  params.translations_per_study = (guint) translations;
  params.n_third_orders = (guint) third_orders;
  params.classify_ratio = classify;
  params.memos_per_study = memos;
  params.seed = (guint32) seed;

  project = bench_gen_project (&params, &counts, &error);
  if (project == NULL)
    {
      fprintf (stderr, "mte-gen: generating: %s\n", error->message);
      return 1;
    }
  fprintf (stderr, "generated in %.2f s\n", g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  if (!mte_project_save_to_file (project, output, MTE_SAVE_NO_FSYNC, &error))
    {
      fprintf (stderr, "mte-gen: %s\n", error->message);
      return 1;
    }
  fprintf (stderr, "saved in %.2f s\n", g_timer_elapsed (timer, NULL));

  if (g_stat (output, &st) != 0)
    {
      fprintf (stderr, "mte-gen: %s vanished after saving\n", output);
      return 1;
    }
  printf ("%s: %" G_GINT64_FORMAT " bytes (%.1f MiB)\n"
          "  studies %u, first-order %u, second-order %u (constructs %u), groundings %u\n"
          "  concepts %u, expressions %u, translations %u\n"
          "  third-order %u, argument links %u, classifications %u, memos %u, appraisals %u\n",
          output, (gint64) st.st_size, st.st_size / 1048576.0,
          counts.studies, counts.first_order, counts.second_order,
          counts.first_order + counts.second_order, counts.groundings,
          counts.concepts, counts.expressions, counts.translations,
          counts.third_orders, counts.argument_links, counts.classifications,
          counts.memos, counts.appraisals);
  return 0;
}
