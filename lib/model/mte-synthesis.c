/* metaethno: third-order constructs, GRADE-CERQual and argument links.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"
#include "mte-model-private.h"

static const char *const component_names[MTE_CERQUAL_N_COMPONENTS] = {
  [MTE_CERQUAL_METHODOLOGICAL_LIMITATIONS] = "methodological-limitations",
  [MTE_CERQUAL_COHERENCE] = "coherence",
  [MTE_CERQUAL_ADEQUACY] = "adequacy",
  [MTE_CERQUAL_RELEVANCE] = "relevance",
};

static const char *const concern_names[] = {
  [MTE_CONCERN_NOT_ASSESSED] = "not-assessed",
  [MTE_CONCERN_NONE_OR_VERY_MINOR] = "none-or-very-minor",
  [MTE_CONCERN_MINOR] = "minor",
  [MTE_CONCERN_MODERATE] = "moderate",
  [MTE_CONCERN_SERIOUS] = "serious",
};

static const char *const confidence_names[] = {
  [MTE_CONFIDENCE_NOT_ASSESSED] = "not-assessed",
  [MTE_CONFIDENCE_HIGH] = "high",
  [MTE_CONFIDENCE_MODERATE] = "moderate",
  [MTE_CONFIDENCE_LOW] = "low",
  [MTE_CONFIDENCE_VERY_LOW] = "very-low",
};

const char *
mte_cerqual_component_to_string (MteCerqualComponent component)
{
  return (guint) component < G_N_ELEMENTS (component_names)
         ? component_names[component] : NULL;
}

const char *
mte_concern_to_string (MteConcern concern)
{
  return (guint) concern < G_N_ELEMENTS (concern_names)
         ? concern_names[concern] : NULL;
}

const char *
mte_confidence_to_string (MteConfidence confidence)
{
  return (guint) confidence < G_N_ELEMENTS (confidence_names)
         ? confidence_names[confidence] : NULL;
}

/* ------------------------------------------------------------------ */
/* Third-order constructs                                             */
/* ------------------------------------------------------------------ */

MteThirdOrder *
mte_project_add_third_order (MteProject *project,
                             const char *id,
                             const char *label,
                             GError    **error)
{
  g_autofree char *made = NULL;
  MteThirdOrder *third;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!mte_check_utf8 (label, "third-order label", error))
    return NULL;
  third = g_new0 (MteThirdOrder, 1);
  if (id == NULL)
    made = mte_project_generate_slug_id (project, label, "third-order");
  if (!mte_project_register (project, &third->base, MTE_ENTITY_THIRD_ORDER,
                             id != NULL ? id : made, "third-order", error))
    {
      g_free (third);
      return NULL;
    }
  third->label = g_strdup (label);
  mte_entity_append (project->third_orders, third);
  return third;
}

const char *
mte_third_order_get_label (const MteThirdOrder *third_order)
{
  g_return_val_if_fail (third_order != NULL, NULL);
  return third_order->label;
}

gboolean
mte_third_order_set_label (MteThirdOrder *third_order,
                           const char    *label,
                           GError       **error)
{
  g_return_val_if_fail (third_order != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  return mte_set_string (third_order->base.project, &third_order->label, label,
                         FALSE, "third-order label", error);
}

const char *
mte_third_order_get_statement (const MteThirdOrder *third_order)
{
  g_return_val_if_fail (third_order != NULL, NULL);
  return third_order->statement;
}

gboolean
mte_third_order_set_statement (MteThirdOrder *third_order,
                               const char    *statement,
                               GError       **error)
{
  g_return_val_if_fail (third_order != NULL, FALSE);
  return mte_set_string (third_order->base.project, &third_order->statement,
                         statement, TRUE, "third-order statement", error);
}

gboolean
mte_third_order_add_basis (MteThirdOrder *third_order,
                           const char    *entity_id,
                           GError       **error)
{
  MteEntity *entity;

  g_return_val_if_fail (third_order != NULL, FALSE);
  g_return_val_if_fail (entity_id != NULL, FALSE);

  entity = mte_project_require (third_order->base.project, entity_id,
                                MTE_ENTITY_NONE, "basis", error);
  if (entity == NULL)
    return FALSE;
  if (entity->kind != MTE_ENTITY_CONCEPT && entity->kind != MTE_ENTITY_CONSTRUCT)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "basis '%s' is a %s; a third-order construct rests on "
                   "concepts and constructs", entity_id,
                   mte_entity_kind_to_string (entity->kind));
      return FALSE;
    }
  mte_ptr_set_add (&third_order->basis, entity);
  mte_project_touch (third_order->base.project);
  return TRUE;
}

gboolean
mte_third_order_remove_basis (MteThirdOrder *third_order,
                              const char    *entity_id)
{
  MteEntity *entity;

  g_return_val_if_fail (third_order != NULL, FALSE);
  g_return_val_if_fail (entity_id != NULL, FALSE);

  entity = mte_project_lookup (third_order->base.project, entity_id);
  if (entity == NULL || !mte_ptr_set_remove (third_order->basis, entity))
    return FALSE;
  mte_project_touch (third_order->base.project);
  return TRUE;
}

guint
mte_third_order_get_n_basis (const MteThirdOrder *third_order)
{
  g_return_val_if_fail (third_order != NULL, 0);
  return third_order->basis != NULL ? third_order->basis->len : 0;
}

MteEntity *
mte_third_order_get_basis (const MteThirdOrder *third_order,
                           guint                index)
{
  g_return_val_if_fail (third_order != NULL, NULL);
  g_return_val_if_fail (index < mte_third_order_get_n_basis (third_order), NULL);
  return g_ptr_array_index (third_order->basis, index);
}

gboolean
mte_third_order_set_concern (MteThirdOrder       *third_order,
                             MteCerqualComponent  component,
                             MteConcern           concern,
                             const char          *explanation,
                             GError             **error)
{
  g_return_val_if_fail (third_order != NULL, FALSE);

  if ((guint) component >= MTE_CERQUAL_N_COMPONENTS ||
      (guint) concern >= G_N_ELEMENTS (concern_names))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "third-order construct '%s': unknown CERQual component "
                   "(%d) or concern (%d)", third_order->base.id,
                   (int) component, (int) concern);
      return FALSE;
    }
  if (!mte_set_string (third_order->base.project,
                       &third_order->concern_explanation[component],
                       explanation, TRUE, "CERQual explanation", error))
    return FALSE;
  third_order->concern[component] = concern;
  return TRUE;
}

MteConcern
mte_third_order_get_concern (const MteThirdOrder *third_order,
                             MteCerqualComponent  component)
{
  g_return_val_if_fail (third_order != NULL, MTE_CONCERN_NOT_ASSESSED);
  g_return_val_if_fail ((guint) component < MTE_CERQUAL_N_COMPONENTS,
                        MTE_CONCERN_NOT_ASSESSED);
  return third_order->concern[component];
}

const char *
mte_third_order_get_concern_explanation (const MteThirdOrder *third_order,
                                         MteCerqualComponent  component)
{
  g_return_val_if_fail (third_order != NULL, NULL);
  g_return_val_if_fail ((guint) component < MTE_CERQUAL_N_COMPONENTS, NULL);
  return third_order->concern_explanation[component];
}

gboolean
mte_third_order_set_confidence (MteThirdOrder  *third_order,
                                MteConfidence   confidence,
                                const char     *explanation,
                                GError        **error)
{
  g_return_val_if_fail (third_order != NULL, FALSE);

  if ((guint) confidence >= G_N_ELEMENTS (confidence_names))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "third-order construct '%s': unknown confidence (%d)",
                   third_order->base.id, (int) confidence);
      return FALSE;
    }
  if (!mte_set_string (third_order->base.project,
                       &third_order->confidence_explanation, explanation, TRUE,
                       "confidence explanation", error))
    return FALSE;
  third_order->confidence = confidence;
  return TRUE;
}

MteConfidence
mte_third_order_get_confidence (const MteThirdOrder *third_order)
{
  g_return_val_if_fail (third_order != NULL, MTE_CONFIDENCE_NOT_ASSESSED);
  return third_order->confidence;
}

const char *
mte_third_order_get_confidence_explanation (const MteThirdOrder *third_order)
{
  g_return_val_if_fail (third_order != NULL, NULL);
  return third_order->confidence_explanation;
}

/* ------------------------------------------------------------------ */
/* Argument links                                                     */
/* ------------------------------------------------------------------ */

static gboolean
check_relation (const char *relation,
                GError    **error)
{
  if (relation == NULL || relation[0] == '\0')
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "an argument link needs a relation (e.g. \"%s\")",
                   MTE_RELATION_LEADS_TO);
      return FALSE;
    }
  return mte_check_utf8 (relation, "relation", error);
}

MteArgumentLink *
mte_project_add_argument_link (MteProject *project,
                               const char *id,
                               const char *from_id,
                               const char *to_id,
                               const char *relation,
                               GError    **error)
{
  MteEntity *from, *to;
  MteArgumentLink *link;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (from_id != NULL, NULL);
  g_return_val_if_fail (to_id != NULL, NULL);

  if ((from = mte_project_require (project, from_id, MTE_ENTITY_THIRD_ORDER,
                                   "link start", error)) == NULL ||
      (to = mte_project_require (project, to_id, MTE_ENTITY_THIRD_ORDER,
                                 "link end", error)) == NULL ||
      !check_relation (relation, error))
    return NULL;
  if (from == to)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "an argument link cannot join '%s' to itself", from_id);
      return NULL;
    }

  link = g_new0 (MteArgumentLink, 1);
  if (!mte_project_register (project, &link->base, MTE_ENTITY_ARGUMENT_LINK,
                             id, "link", error))
    {
      g_free (link);
      return NULL;
    }
  link->from = (MteThirdOrder *) from;
  link->to = (MteThirdOrder *) to;
  link->relation = g_strdup (relation);
  mte_entity_append (project->argument_links, link);
  return link;
}

MteThirdOrder *
mte_argument_link_get_from (const MteArgumentLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return link->from;
}

MteThirdOrder *
mte_argument_link_get_to (const MteArgumentLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return link->to;
}

const char *
mte_argument_link_get_relation (const MteArgumentLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return link->relation;
}

gboolean
mte_argument_link_set_relation (MteArgumentLink *link,
                                const char      *relation,
                                GError         **error)
{
  g_return_val_if_fail (link != NULL, FALSE);
  if (!check_relation (relation, error))
    return FALSE;
  return mte_set_string (link->base.project, &link->relation, relation, FALSE,
                         "relation", error);
}

const char *
mte_argument_link_get_rationale (const MteArgumentLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);
  return link->rationale;
}

gboolean
mte_argument_link_set_rationale (MteArgumentLink *link,
                                 const char      *rationale,
                                 GError         **error)
{
  g_return_val_if_fail (link != NULL, FALSE);
  return mte_set_string (link->base.project, &link->rationale, rationale, TRUE,
                         "rationale", error);
}
