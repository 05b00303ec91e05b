/* metaethno: key concepts and translations.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"
#include "mte-model-private.h"

/* ------------------------------------------------------------------ */
/* Concepts                                                           */
/* ------------------------------------------------------------------ */

MteConcept *
mte_project_add_concept (MteProject *project,
                         const char *id,
                         const char *label,
                         GError    **error)
{
  g_autofree char *made = NULL;
  MteConcept *concept;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!mte_check_utf8 (label, "concept label", error))
    return NULL;
  concept = g_new0 (MteConcept, 1);
  if (id == NULL)
    made = mte_project_generate_slug_id (project, label, "concept");
  if (!mte_project_register (project, &concept->base, MTE_ENTITY_CONCEPT,
                             id != NULL ? id : made, "concept", error))
    {
      g_free (concept);
      return NULL;
    }
  concept->label = g_strdup (label);
  mte_entity_append (project->concepts, concept);
  return concept;
}

const char *
mte_concept_get_label (const MteConcept *concept)
{
  g_return_val_if_fail (concept != NULL, NULL);
  return concept->label;
}

gboolean
mte_concept_set_label (MteConcept *concept,
                       const char *label,
                       GError    **error)
{
  g_return_val_if_fail (concept != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  return mte_set_string (concept->base.project, &concept->label, label, FALSE,
                         "concept label", error);
}

const char *
mte_concept_get_definition (const MteConcept *concept)
{
  g_return_val_if_fail (concept != NULL, NULL);
  return concept->definition;
}

gboolean
mte_concept_set_definition (MteConcept *concept,
                            const char *definition,
                            GError    **error)
{
  g_return_val_if_fail (concept != NULL, FALSE);
  return mte_set_string (concept->base.project, &concept->definition,
                         definition, TRUE, "concept definition", error);
}

gboolean
mte_concept_add_expression (MteConcept *concept,
                            const char *construct_id,
                            GError    **error)
{
  MteConstruct *construct;

  g_return_val_if_fail (concept != NULL, FALSE);
  g_return_val_if_fail (construct_id != NULL, FALSE);

  construct = (MteConstruct *) mte_project_require (concept->base.project,
                                                    construct_id,
                                                    MTE_ENTITY_CONSTRUCT,
                                                    "expression", error);
  if (construct == NULL)
    return FALSE;
  if (construct->order != MTE_CONSTRUCT_SECOND_ORDER)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "expression '%s' is a first-order construct; studies "
                   "express concepts through second-order constructs",
                   construct_id);
      return FALSE;
    }
  mte_construct_list_add (&concept->expressions, construct);
  mte_project_touch (concept->base.project);
  return TRUE;
}

gboolean
mte_concept_remove_expression (MteConcept *concept,
                               const char *construct_id)
{
  MteConstruct *construct;

  g_return_val_if_fail (concept != NULL, FALSE);
  g_return_val_if_fail (construct_id != NULL, FALSE);

  construct = mte_project_lookup_construct (concept->base.project,
                                            construct_id);
  if (construct == NULL || !mte_construct_list_remove (concept->expressions, construct))
    return FALSE;
  mte_project_touch (concept->base.project);
  return TRUE;
}

guint
mte_concept_get_n_expressions (const MteConcept *concept)
{
  g_return_val_if_fail (concept != NULL, 0);
  return mte_construct_list_len (concept->expressions);
}

MteConstruct *
mte_concept_get_expression (const MteConcept *concept,
                            guint             index)
{
  g_return_val_if_fail (concept != NULL, NULL);
  g_return_val_if_fail (index < mte_concept_get_n_expressions (concept), NULL);
  return mte_construct_list_get (concept->expressions, index);
}

/* ------------------------------------------------------------------ */
/* Translations                                                       */
/* ------------------------------------------------------------------ */

static MteEntity *
require_side (MteProject *project,
              const char *id,
              const char *role,
              GError    **error)
{
  MteEntity *entity = mte_project_require (project, id, MTE_ENTITY_NONE, role,
                                           error);

  if (entity != NULL && entity->kind != MTE_ENTITY_CONSTRUCT &&
      entity->kind != MTE_ENTITY_CONCEPT)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "%s '%s' is a %s; a translation joins constructs or "
                   "concepts", role, id,
                   mte_entity_kind_to_string (entity->kind));
      return NULL;
    }
  return entity;
}

/* Refutations as analyses read them (MteRefutation). */

static MteRefutationSide
refutation_side (MteEntity *entity,
                 MteStudy  *study)
{
  MteRefutationSide side = { entity, entity->kind, G_MAXUINT, entity->index };

  if (entity->kind == MTE_ENTITY_CONSTRUCT)
    side.study = ((MteConstruct *) entity)->study->base.index;
  else if (study != NULL)
    side.study = study->base.index;
  return side;
}

static MteRefutation
refutation_of (MteTranslation *translation)
{
  return (MteRefutation) {
    translation,
    refutation_side (translation->source, translation->source_study),
    refutation_side (translation->target, translation->target_study),
  };
}

/* Where @translation stands, or would stand, among @refutations, which
 * are in project order. */
static guint
refutation_place (GArray               *refutations,
                  const MteTranslation *translation)
{
  guint at = 0, hi = refutations->len;

  while (at < hi)
    {
      guint mid = at + (hi - at) / 2;

      if (g_array_index (refutations, MteRefutation, mid).translation->base.index < translation->base.index)
        at = mid + 1;
      else
        hi = mid;
    }
  return at;
}

void
mte_project_refresh_refutations (MteProject *project)
{
  for (guint i = 0; i < project->refutations->len; i++)
    {
      MteRefutation *r = &g_array_index (project->refutations, MteRefutation, i);

      *r = refutation_of (r->translation);
    }
}

MteTranslation *
mte_project_add_translation (MteProject         *project,
                             const char         *id,
                             MteTranslationKind  kind,
                             const char         *source_id,
                             const char         *target_id,
                             GError            **error)
{
  MteEntity *source, *target;
  MteTranslation *translation;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (kind == MTE_TRANSLATION_RECIPROCAL ||
                        kind == MTE_TRANSLATION_REFUTATIONAL, NULL);
  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (target_id != NULL, NULL);

  if ((source = require_side (project, source_id, "translation source",
                              error)) == NULL ||
      (target = require_side (project, target_id, "translation target",
                              error)) == NULL)
    return NULL;
  if (source == target)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "a translation needs two different sides, not '%s' twice",
                   source_id);
      return NULL;
    }

  translation = g_new0 (MteTranslation, 1);
  if (!mte_project_register (project, &translation->base,
                             MTE_ENTITY_TRANSLATION, id, "translation", error))
    {
      g_free (translation);
      return NULL;
    }
  translation->kind = kind;
  translation->source = source;
  translation->target = target;
  translation->created = g_get_real_time () / G_USEC_PER_SEC;
  mte_entity_append (project->translations, translation);
  /* The newest translation is the last in project order. */
  if (kind == MTE_TRANSLATION_REFUTATIONAL)
    {
      MteRefutation refutation = refutation_of (translation);

      g_array_append_val (project->refutations, refutation);
    }
  return translation;
}

MteTranslationKind
mte_translation_get_kind (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, MTE_TRANSLATION_RECIPROCAL);
  return translation->kind;
}

void
mte_translation_set_kind (MteTranslation     *translation,
                          MteTranslationKind  kind)
{
  g_return_if_fail (translation != NULL);
  g_return_if_fail (kind == MTE_TRANSLATION_RECIPROCAL ||
                    kind == MTE_TRANSLATION_REFUTATIONAL);
  if (kind != translation->kind)
    {
      GArray *refutations = translation->base.project->refutations;
      guint at = refutation_place (refutations, translation);

      if (kind == MTE_TRANSLATION_REFUTATIONAL)
        {
          MteRefutation refutation = refutation_of (translation);

          g_array_insert_val (refutations, at, refutation);
        }
      else
        g_array_remove_index (refutations, at);
      translation->kind = kind;
    }
  mte_project_touch (translation->base.project);
}

MteEntity *
mte_translation_get_source (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, NULL);
  return translation->source;
}

MteEntity *
mte_translation_get_target (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, NULL);
  return translation->target;
}

static MteStudy *
side_study (const MteEntity *side,
            MteStudy        *explicit_study)
{
  if (side->kind == MTE_ENTITY_CONSTRUCT)
    return ((const MteConstruct *) side)->study;
  return explicit_study;
}

MteStudy *
mte_translation_get_source_study (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, NULL);
  return side_study (translation->source, translation->source_study);
}

MteStudy *
mte_translation_get_target_study (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, NULL);
  return side_study (translation->target, translation->target_study);
}

static gboolean
set_side_study (MteTranslation *translation,
                MteEntity      *side,
                MteStudy      **slot,
                const char     *study_id,
                const char     *role,
                GError        **error)
{
  MteStudy *study = NULL;

  if (side->kind != MTE_ENTITY_CONCEPT)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "translation '%s': the %s is construct '%s', which "
                   "already belongs to a study", translation->base.id, role,
                   side->id);
      return FALSE;
    }
  if (study_id != NULL &&
      (study = (MteStudy *) mte_project_require (translation->base.project,
                                                 study_id, MTE_ENTITY_STUDY,
                                                 "study", error)) == NULL)
    return FALSE;
  *slot = study;
  if (translation->kind == MTE_TRANSLATION_REFUTATIONAL)
    {
      GArray *refutations = translation->base.project->refutations;

      g_array_index (refutations, MteRefutation, refutation_place (refutations, translation)) =
        refutation_of (translation);
    }
  mte_project_touch (translation->base.project);
  return TRUE;
}

gboolean
mte_translation_set_source_study (MteTranslation *translation,
                                  const char     *study_id,
                                  GError        **error)
{
  g_return_val_if_fail (translation != NULL, FALSE);
  return set_side_study (translation, translation->source,
                         &translation->source_study, study_id, "source",
                         error);
}

gboolean
mte_translation_set_target_study (MteTranslation *translation,
                                  const char     *study_id,
                                  GError        **error)
{
  g_return_val_if_fail (translation != NULL, FALSE);
  return set_side_study (translation, translation->target,
                         &translation->target_study, study_id, "target",
                         error);
}

const char *
mte_translation_get_rationale (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, NULL);
  return translation->rationale;
}

gboolean
mte_translation_set_rationale (MteTranslation *translation,
                               const char     *rationale,
                               GError        **error)
{
  g_return_val_if_fail (translation != NULL, FALSE);
  return mte_set_string (translation->base.project, &translation->rationale,
                         rationale, TRUE, "rationale", error);
}

MteMember *
mte_translation_get_reviewer (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, NULL);
  return translation->reviewer;
}

gboolean
mte_translation_set_reviewer (MteTranslation *translation,
                              const char     *member_id,
                              GError        **error)
{
  MteEntity *member = NULL;

  g_return_val_if_fail (translation != NULL, FALSE);
  if (member_id != NULL &&
      (member = mte_project_require (translation->base.project, member_id,
                                     MTE_ENTITY_MEMBER, "reviewer",
                                     error)) == NULL)
    return FALSE;
  translation->reviewer = (MteMember *) member;
  mte_project_touch (translation->base.project);
  return TRUE;
}

gint64
mte_translation_get_created (const MteTranslation *translation)
{
  g_return_val_if_fail (translation != NULL, 0);
  return translation->created;
}

void
mte_translation_set_created (MteTranslation *translation,
                             gint64          created)
{
  g_return_if_fail (translation != NULL);
  g_return_if_fail (created >= 0 && created <= MTE_TIME_MAX);
  translation->created = created;
  mte_project_touch (translation->base.project);
}
