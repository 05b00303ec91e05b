/* metaethno: how a study order was applied to a project, for reports to
 * say: the index studies, who chose them, and how ties were broken.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"

static const char *const source_names[] = {
  [MTE_INDEX_STUDY_NONE] = "none",
  [MTE_INDEX_STUDY_TEAM] = "team",
  [MTE_INDEX_STUDY_RULE] = "rule",
};

/* The tie rules of mte_study_order_new() (lib/model/mte-study-order.c),
 * in words: keep them in step with its keys. */
static const char *const order_ties[] = {
  [MTE_STUDY_ORDER_PROJECT] = "none: every study has its own place, in the order added",
  [MTE_STUDY_ORDER_CHRONOLOGICAL] = "same year: project order; studies without a year last",
  [MTE_STUDY_ORDER_INDEX] = "index studies first, the rest by year; same year: project order; "
                            "studies without a year last",
  [MTE_STUDY_ORDER_CUSTOM] = "same position: project order; unplaced studies last",
};

const char *
mte_index_study_source_to_string (MteIndexStudySource source)
{
  return (guint) source < G_N_ELEMENTS (source_names) ? source_names[source] : NULL;
}

const char *
mte_study_order_get_ties (MteStudyOrder order)
{
  return (guint) order < G_N_ELEMENTS (order_ties) ? order_ties[order] : NULL;
}

MteStudy **
mte_project_dup_index_studies (const MteProject    *project,
                               MteStudyOrder        order,
                               guint               *n_studies,
                               MteIndexStudySource *source)
{
  GPtrArray *found;
  MteIndexStudySource chosen = MTE_INDEX_STUDY_NONE;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (mte_study_order_to_string (order) != NULL, NULL);

  found = g_ptr_array_new ();
  if (order == MTE_STUDY_ORDER_INDEX)
    {
      guint n = 0;
      g_autofree MteStudy **ordered = mte_project_dup_study_order (project, order, &n);

      /* The order puts the marked studies first: they are its head. */
      for (guint i = 0; i < n && ordered[i]->index_study; i++)
        g_ptr_array_add (found, ordered[i]);
      if (found->len > 0)
        chosen = MTE_INDEX_STUDY_TEAM;
      else if (n > 0)
        {
          /* No included study is marked: the order starts from the
           * suggested one, as mte_study_order_new() does. */
          g_ptr_array_add (found, ordered[0]);
          chosen = MTE_INDEX_STUDY_RULE;
        }
    }
  if (n_studies != NULL)
    *n_studies = found->len;
  if (source != NULL)
    *source = chosen;
  g_ptr_array_add (found, NULL);
  return (MteStudy **) g_ptr_array_free (found, FALSE);
}

char *
mte_study_order_describe (const MteProject *project,
                          MteStudyOrder     order)
{
  g_autofree MteStudy **index = NULL;
  MteIndexStudySource source = MTE_INDEX_STUDY_NONE;
  guint n = 0;
  GString *out;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (mte_study_order_to_string (order) != NULL, NULL);

  index = mte_project_dup_index_studies (project, order, &n, &source);
  out = g_string_new ("Order: ");
  g_string_append (out, mte_study_order_to_string (order));
  if (n == 0)
    g_string_append (out, order == MTE_STUDY_ORDER_INDEX ? " (no study)" : " (no index study)");
  else
    {
      g_string_append_printf (out, " (index stud%s ", n == 1 ? "y" : "ies");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", mte_study_get_id (index[i]));
      g_string_append (out, source == MTE_INDEX_STUDY_TEAM
                       ? ", chosen by the team)"
                       : ", none being marked: picked by the documented rule, most key concepts)");
    }
  g_string_append_printf (out, "; ties: %s.", mte_study_order_get_ties (order));
  return g_string_free (out, FALSE);
}
