/* metaethno: ConQual (Munn et al. 2014) for one finding. The rules are in
 * mte-conqual.h, with mte_conqual_new().
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-analysis-private.h"
#include "mte-error-private.h"

/* JBI checklist questions 2, 3, 4, 6 and 7, by key. */
static const char *const dependability_keys[] = { "q2", "q3", "q4", "q6", "q7" };
#define N_KEYS G_N_ELEMENTS (dependability_keys)

struct _MteConqual {
  MteThirdOrder *third_order;
  GPtrArray     *studies;       /* MteStudy*, project order */
  GArray        *n_yes;         /* int per study; -1 unappraised */
  GPtrArray     *unappraised;   /* MteStudy* */
  GPtrArray     *constructs;    /* MteConstruct*, second order */
  GPtrArray     *unassessed;    /* MteConstruct* */
  guint          dependability;
  guint          credibility;
  gboolean       computable;
};

static void
add_construct (GPtrArray *constructs, GPtrArray *quotes, MteConstruct *construct)
{
  if (mte_study_excluded (construct->study))
    return;
  if (construct->order == MTE_CONSTRUCT_SECOND_ORDER)
    g_ptr_array_add (constructs, construct);
  else
    g_ptr_array_add (quotes, construct);
}

/* -1 when the study lacks an answer to one of the questions. */
static int
count_yes (const MteStudy *study)
{
  int yes = 0;

  for (guint k = 0; k < N_KEYS; k++)
    {
      const char *answer = NULL;

      if (!mte_study_get_appraisal (study, MTE_CONQUAL_CHECKLIST_ID, dependability_keys[k],
                                    &answer, NULL) || answer == NULL)
        return -1;
      yes += g_ascii_strcasecmp (answer, "yes") == 0;
    }
  return yes;
}

static guint
study_downgrade (int yes)
{
  return yes >= 4 ? 0 : yes >= 2 ? 1 : 2;
}

/* Munn et al. 2014: U only 0; U and C 1; C only 2; C (or U) with NS 3;
 * NS only 4. */
static guint
credibility_downgrade (guint n_u, guint n_c, guint n_ns)
{
  if (n_ns > 0)
    return n_u + n_c == 0 ? 4 : 3;
  if (n_c > 0)
    return n_u == 0 ? 2 : 1;
  return 0;
}

MteConqual *
mte_conqual_new (const MteProject    *project,
                 const MteThirdOrder *third_order,
                 GError             **error)
{
  MteChecklist *jbi;
  MteConqual *c;
  g_autoptr (GPtrArray) quotes = NULL;
  guint per_downgrade[3] = { 0, 0, 0 }, n_appraised = 0;
  guint n_cred[4] = { 0, 0, 0, 0 };

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (third_order != NULL, NULL);
  g_return_val_if_fail (third_order->base.project == project, NULL);

  jbi = mte_project_lookup_checklist (project, MTE_CONQUAL_CHECKLIST_ID);
  if (jbi == NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                     "ConQual needs the JBI checklist: the project has no checklist '%s'",
                     MTE_CONQUAL_CHECKLIST_ID);
      return NULL;
    }
  for (guint k = 0; k < N_KEYS; k++)
    if (mte_checklist_find_question (jbi, dependability_keys[k]) < 0)
      {
        mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                       "checklist '%s' has no question '%s': ConQual reads JBI questions "
                       "q2, q3, q4, q6 and q7", MTE_CONQUAL_CHECKLIST_ID, dependability_keys[k]);
        return NULL;
      }

  c = g_new0 (MteConqual, 1);
  c->third_order = (MteThirdOrder *) third_order;
  c->studies = g_ptr_array_new ();
  c->n_yes = g_array_new (FALSE, FALSE, sizeof (int));
  c->unappraised = g_ptr_array_new ();
  c->constructs = g_ptr_array_new ();
  c->unassessed = g_ptr_array_new ();
  quotes = g_ptr_array_new ();

  /* What the finding rests on, as mte_line_of_argument_new() reads it. */
  for (guint i = 0; third_order->basis != NULL && i < third_order->basis->len; i++)
    {
      MteEntity *entity = g_ptr_array_index (third_order->basis, i);

      if (entity->kind == MTE_ENTITY_CONCEPT)
        {
          MteConcept *concept = (MteConcept *) entity;

          for (guint e = 0; e < mte_construct_list_len (concept->expressions); e++)
            add_construct (c->constructs, quotes, mte_construct_list_get (concept->expressions, e));
        }
      else if (entity->kind == MTE_ENTITY_CONSTRUCT)
        add_construct (c->constructs, quotes, (MteConstruct *) entity);
    }
  mte_sort_unique (c->constructs);
  for (guint i = 0; i < c->constructs->len; i++)
    {
      MteConstruct *construct = g_ptr_array_index (c->constructs, i);

      for (guint g = 0; g < mte_construct_list_len (construct->groundings); g++)
        add_construct (c->constructs, quotes, mte_construct_list_get (construct->groundings, g));
      g_ptr_array_add (c->studies, construct->study);
      n_cred[construct->credibility]++;
      if (construct->credibility == MTE_CREDIBILITY_NOT_ASSESSED)
        g_ptr_array_add (c->unassessed, construct);
    }
  for (guint i = 0; i < quotes->len; i++)
    g_ptr_array_add (c->studies, ((MteConstruct *) g_ptr_array_index (quotes, i))->study);
  mte_sort_unique (c->studies);

  for (guint i = 0; i < c->studies->len; i++)
    {
      MteStudy *study = g_ptr_array_index (c->studies, i);
      int yes = count_yes (study);

      g_array_append_val (c->n_yes, yes);
      if (yes < 0)
        g_ptr_array_add (c->unappraised, study);
      else
        {
          per_downgrade[study_downgrade (yes)]++;
          n_appraised++;
        }
    }
  /* The downgrade the majority of the appraised studies reach. */
  for (guint d = 0, at_most = 0; d < 3 && n_appraised > 0; d++)
    {
      at_most += per_downgrade[d];
      if (2 * at_most > n_appraised)
        {
          c->dependability = d;
          break;
        }
    }
  c->credibility = credibility_downgrade (n_cred[MTE_CREDIBILITY_UNEQUIVOCAL],
                                          n_cred[MTE_CREDIBILITY_CREDIBLE],
                                          n_cred[MTE_CREDIBILITY_UNSUPPORTED]);
  c->computable = c->studies->len > 0 && c->constructs->len > 0 &&
                  c->unappraised->len == 0 && c->unassessed->len == 0;
  return c;
}

void
mte_conqual_free (MteConqual *conqual)
{
  if (conqual == NULL)
    return;
  g_ptr_array_unref (conqual->studies);
  g_array_unref (conqual->n_yes);
  g_ptr_array_unref (conqual->unappraised);
  g_ptr_array_unref (conqual->constructs);
  g_ptr_array_unref (conqual->unassessed);
  g_free (conqual);
}

MteThirdOrder *
mte_conqual_get_third_order (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, NULL);
  return conqual->third_order;
}

gboolean
mte_conqual_is_computable (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, FALSE);
  return conqual->computable;
}

guint
mte_conqual_get_dependability_downgrade (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, 0);
  return conqual->dependability;
}

guint
mte_conqual_get_credibility_downgrade (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, 0);
  return conqual->credibility;
}

MteConfidence
mte_conqual_get_score (const MteConqual *conqual)
{
  guint level;

  g_return_val_if_fail (conqual != NULL, MTE_CONFIDENCE_NOT_ASSESSED);
  if (!conqual->computable)
    return MTE_CONFIDENCE_NOT_ASSESSED;
  level = MTE_CONFIDENCE_HIGH + conqual->dependability + conqual->credibility;
  return (MteConfidence) MIN (level, (guint) MTE_CONFIDENCE_VERY_LOW);
}

guint
mte_conqual_get_n_studies (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, 0);
  return conqual->studies->len;
}

MteStudy *
mte_conqual_get_study (const MteConqual *conqual,
                       guint             index,
                       int              *n_yes)
{
  g_return_val_if_fail (conqual != NULL, NULL);
  g_return_val_if_fail (index < conqual->studies->len, NULL);
  if (n_yes != NULL)
    *n_yes = g_array_index (conqual->n_yes, int, index);
  return g_ptr_array_index (conqual->studies, index);
}

guint
mte_conqual_get_n_unappraised (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, 0);
  return conqual->unappraised->len;
}

MteStudy *
mte_conqual_get_unappraised (const MteConqual *conqual,
                             guint             index)
{
  g_return_val_if_fail (conqual != NULL, NULL);
  g_return_val_if_fail (index < conqual->unappraised->len, NULL);
  return g_ptr_array_index (conqual->unappraised, index);
}

guint
mte_conqual_get_n_constructs (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, 0);
  return conqual->constructs->len;
}

MteConstruct *
mte_conqual_get_construct (const MteConqual *conqual,
                           guint             index)
{
  g_return_val_if_fail (conqual != NULL, NULL);
  g_return_val_if_fail (index < conqual->constructs->len, NULL);
  return g_ptr_array_index (conqual->constructs, index);
}

guint
mte_conqual_get_n_unassessed (const MteConqual *conqual)
{
  g_return_val_if_fail (conqual != NULL, 0);
  return conqual->unassessed->len;
}

MteConstruct *
mte_conqual_get_unassessed (const MteConqual *conqual,
                            guint             index)
{
  g_return_val_if_fail (conqual != NULL, NULL);
  g_return_val_if_fail (index < conqual->unassessed->len, NULL);
  return g_ptr_array_index (conqual->unassessed, index);
}
