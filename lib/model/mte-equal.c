/* metaethno: deep comparison of two projects.
 *
 * References are compared by id, since the two projects are separate
 * object graphs. Collections must match in order.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"

#include <string.h>

static inline gboolean
str_eq (const char *a,
        const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static inline gboolean
ref_eq (const MteEntity *a,
        const MteEntity *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->kind == b->kind && strcmp (a->id, b->id) == 0;
}

/* An optional reference's base; every entity starts with it. */
static inline const MteEntity *
base_of (gconstpointer entity)
{
  return entity;
}

static gboolean
strv_eq (char **a,
         char **b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

static gboolean
ref_list_eq (const GPtrArray *a,
             const GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!ref_eq (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
construct_list_eq (const MteConstructList *a,
                   const MteConstructList *b)
{
  guint n = mte_construct_list_len (a);

  if (n != mte_construct_list_len (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!ref_eq (&mte_construct_list_get (a, i)->base, &mte_construct_list_get (b, i)->base))
      return FALSE;
  return TRUE;
}

typedef gboolean (*EntityEq) (const MteEntity *a, const MteEntity *b);

static gboolean
list_eq (const GPtrArray *a,
         const GPtrArray *b,
         EntityEq         eq)
{
  guint na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const MteEntity *ea = g_ptr_array_index (a, i);
      const MteEntity *eb = g_ptr_array_index (b, i);

      if (ea->kind != eb->kind || strcmp (ea->id, eb->id) != 0 || !eq (ea, eb))
        return FALSE;
    }
  return TRUE;
}

static gboolean
member_eq (const MteEntity *ea,
           const MteEntity *eb)
{
  const MteMember *a = (const MteMember *) ea, *b = (const MteMember *) eb;

  return str_eq (a->name, b->name) && str_eq (a->role, b->role);
}

static gboolean
checklist_eq (const MteEntity *ea,
              const MteEntity *eb)
{
  const MteChecklist *a = (const MteChecklist *) ea;
  const MteChecklist *b = (const MteChecklist *) eb;

  if (!str_eq (a->name, b->name) || a->questions->len != b->questions->len)
    return FALSE;
  for (guint i = 0; i < a->questions->len; i++)
    {
      const MteQuestion *qa = g_ptr_array_index (a->questions, i);
      const MteQuestion *qb = g_ptr_array_index (b->questions, i);

      if (!str_eq (qa->key, qb->key) || !str_eq (qa->text, qb->text) ||
          !strv_eq (qa->answers, qb->answers))
        return FALSE;
    }
  return TRUE;
}

static gboolean
construct_eq (const MteEntity *ea,
              const MteEntity *eb)
{
  const MteConstruct *a = (const MteConstruct *) ea;
  const MteConstruct *b = (const MteConstruct *) eb;

  return a->order == b->order &&
         ref_eq (&a->study->base, &b->study->base) &&
         str_eq (a->text, b->text) &&
         str_eq (a->label, b->label) &&
         str_eq (a->page, b->page) &&
         str_eq (a->section, b->section) &&
         str_eq (a->speaker, b->speaker) &&
         a->credibility == b->credibility &&
         construct_list_eq (a->groundings, b->groundings);
}

static gboolean
study_eq (const MteEntity *ea,
          const MteEntity *eb)
{
  const MteStudy *a = (const MteStudy *) ea, *b = (const MteStudy *) eb;
  guint na, nb;

  for (guint i = 0; i < MTE_STUDY_N_FIELDS; i++)
    if (!str_eq (a->fields[i], b->fields[i]))
      return FALSE;
  if (!strv_eq (a->authors, b->authors) || a->year != b->year ||
      a->sample_size != b->sample_size || a->position != b->position ||
      a->index_study != b->index_study)
    return FALSE;

  na = a->attributes != NULL ? a->attributes->len : 0;
  nb = b->attributes != NULL ? b->attributes->len : 0;
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const MtePair *pa = g_ptr_array_index (a->attributes, i);
      const MtePair *pb = g_ptr_array_index (b->attributes, i);

      if (!str_eq (pa->key, pb->key) || !str_eq (pa->value, pb->value))
        return FALSE;
    }

  na = a->appraisals != NULL ? a->appraisals->len : 0;
  nb = b->appraisals != NULL ? b->appraisals->len : 0;
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const MteAppraisal *pa = g_ptr_array_index (a->appraisals, i);
      const MteAppraisal *pb = g_ptr_array_index (b->appraisals, i);

      if (!ref_eq (&pa->checklist->base, &pb->checklist->base) ||
          !str_eq (pa->question, pb->question) ||
          !str_eq (pa->answer, pb->answer) || !str_eq (pa->note, pb->note))
        return FALSE;
    }

  if ((a->exclusion == NULL) != (b->exclusion == NULL))
    return FALSE;
  if (a->exclusion != NULL &&
      (a->exclusion->stage != b->exclusion->stage ||
       !str_eq (a->exclusion->reason, b->exclusion->reason) ||
       !ref_eq (base_of (a->exclusion->reviewer), base_of (b->exclusion->reviewer)) ||
       a->exclusion->time != b->exclusion->time))
    return FALSE;

  return list_eq (a->constructs, b->constructs, construct_eq);
}

static gboolean
search_eq (const MteEntity *ea,
           const MteEntity *eb)
{
  const MteSearch *a = (const MteSearch *) ea, *b = (const MteSearch *) eb;

  return a->kind == b->kind && str_eq (a->source, b->source) &&
         str_eq (a->date, b->date) && str_eq (a->query, b->query) &&
         a->n_records == b->n_records &&
         ref_eq (base_of (a->run_by), base_of (b->run_by)) &&
         str_eq (a->notes, b->notes);
}

static gboolean
record_eq (const MteEntity *ea,
           const MteEntity *eb)
{
  const MteRecord *a = (const MteRecord *) ea, *b = (const MteRecord *) eb;

  for (guint i = 0; i < MTE_RECORD_N_FIELDS; i++)
    if (!str_eq (a->fields[i], b->fields[i]))
      return FALSE;
  return strv_eq (a->authors, b->authors) && strv_eq (a->keywords, b->keywords) &&
         a->year == b->year && ref_list_eq (a->searches, b->searches) &&
         a->fate == b->fate &&
         ref_eq (base_of (a->duplicate_of), base_of (b->duplicate_of)) &&
         ref_eq (base_of (a->study), base_of (b->study)) &&
         str_eq (a->reason, b->reason) &&
         ref_eq (base_of (a->decided_by), base_of (b->decided_by)) &&
         a->decided == b->decided;
}

/* The protocol and the counts entered by hand. */
static gboolean
review_eq (const MteProject *a,
           const MteProject *b)
{
  for (guint i = 0; i < MTE_PROTOCOL_N_FIELDS; i++)
    if (!str_eq (a->protocol[i], b->protocol[i]))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (a->emerge); i++)
    if (!str_eq (a->emerge[i], b->emerge[i]))
      return FALSE;
  if (memcmp (a->stage_counts, b->stage_counts, sizeof a->stage_counts) != 0 ||
      a->exclusion_counts->len != b->exclusion_counts->len)
    return FALSE;
  for (guint i = 0; i < a->exclusion_counts->len; i++)
    {
      const MteExclusionCount *ca = &g_array_index (a->exclusion_counts, MteExclusionCount, i);
      const MteExclusionCount *cb = &g_array_index (b->exclusion_counts, MteExclusionCount, i);

      if (ca->box != cb->box || ca->value != cb->value || !str_eq (ca->reason, cb->reason))
        return FALSE;
    }
  return list_eq (a->searches, b->searches, search_eq) &&
         list_eq (a->records, b->records, record_eq);
}

static gboolean
concept_eq (const MteEntity *ea,
            const MteEntity *eb)
{
  const MteConcept *a = (const MteConcept *) ea, *b = (const MteConcept *) eb;

  return str_eq (a->label, b->label) &&
         str_eq (a->definition, b->definition) &&
         construct_list_eq (a->expressions, b->expressions);
}

static gboolean
translation_eq (const MteEntity *ea,
                const MteEntity *eb)
{
  const MteTranslation *a = (const MteTranslation *) ea;
  const MteTranslation *b = (const MteTranslation *) eb;

  return a->kind == b->kind &&
         ref_eq (a->source, b->source) &&
         ref_eq (a->target, b->target) &&
         ref_eq ((MteEntity *) a->source_study, (MteEntity *) b->source_study) &&
         ref_eq ((MteEntity *) a->target_study, (MteEntity *) b->target_study) &&
         str_eq (a->rationale, b->rationale) &&
         ref_eq ((MteEntity *) a->reviewer, (MteEntity *) b->reviewer) &&
         a->created == b->created;
}

static gboolean
third_order_eq (const MteEntity *ea,
                const MteEntity *eb)
{
  const MteThirdOrder *a = (const MteThirdOrder *) ea;
  const MteThirdOrder *b = (const MteThirdOrder *) eb;

  for (guint i = 0; i < MTE_CERQUAL_N_COMPONENTS; i++)
    if (a->concern[i] != b->concern[i] ||
        !str_eq (a->concern_explanation[i], b->concern_explanation[i]))
      return FALSE;
  return str_eq (a->label, b->label) &&
         str_eq (a->statement, b->statement) &&
         ref_list_eq (a->basis, b->basis) &&
         a->confidence == b->confidence &&
         str_eq (a->confidence_explanation, b->confidence_explanation);
}

static gboolean
argument_link_eq (const MteEntity *ea,
                  const MteEntity *eb)
{
  const MteArgumentLink *a = (const MteArgumentLink *) ea;
  const MteArgumentLink *b = (const MteArgumentLink *) eb;

  return ref_eq (&a->from->base, &b->from->base) &&
         ref_eq (&a->to->base, &b->to->base) &&
         str_eq (a->relation, b->relation) &&
         str_eq (a->rationale, b->rationale);
}

static gboolean
framework_eq (const MteEntity *ea,
              const MteEntity *eb)
{
  const MteFramework *a = (const MteFramework *) ea;
  const MteFramework *b = (const MteFramework *) eb;

  if (!str_eq (a->name, b->name) || !str_eq (a->description, b->description) ||
      a->levels->len != b->levels->len ||
      a->classifications->len != b->classifications->len)
    return FALSE;
  for (guint i = 0; i < a->levels->len; i++)
    {
      const MteLevel *la = g_ptr_array_index (a->levels, i);
      const MteLevel *lb = g_ptr_array_index (b->levels, i);

      if (!str_eq (la->key, lb->key) || !str_eq (la->label, lb->label))
        return FALSE;
    }
  for (guint i = 0; i < a->classifications->len; i++)
    {
      const MteClassification *ca = &g_array_index (a->classifications,
                                                    MteClassification, i);
      const MteClassification *cb = &g_array_index (b->classifications,
                                                    MteClassification, i);

      if (!ref_eq (ca->entity, cb->entity) ||
          !str_eq (ca->level->key, cb->level->key))
        return FALSE;
    }
  return TRUE;
}

static gboolean
memo_eq (const MteEntity *ea,
         const MteEntity *eb)
{
  const MteMemo *a = (const MteMemo *) ea, *b = (const MteMemo *) eb;

  return ref_eq (a->subject, b->subject) &&
         ref_eq ((MteEntity *) a->author, (MteEntity *) b->author) &&
         a->created == b->created &&
         str_eq (a->text, b->text);
}

static gboolean
session_eq (const MteSession *a,
            const MteSession *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->order != b->order || a->decisions->len != b->decisions->len)
    return FALSE;
  for (guint i = 0; i < a->decisions->len; i++)
    {
      const MteDecision *da = g_ptr_array_index (a->decisions, i);
      const MteDecision *db = g_ptr_array_index (b->decisions, i);

      if (da->kind != db->kind ||
          !ref_eq (&da->construct->base, &db->construct->base) ||
          !ref_eq ((MteEntity *) da->concept, (MteEntity *) db->concept) ||
          !ref_eq ((MteEntity *) da->translation, (MteEntity *) db->translation) ||
          da->expression_added != db->expression_added ||
          !str_eq (da->rationale, db->rationale) ||
          !ref_eq ((MteEntity *) da->reviewer, (MteEntity *) db->reviewer) ||
          da->created != db->created)
        return FALSE;
    }
  return TRUE;
}

gboolean
mte_project_equal (const MteProject *a,
                   const MteProject *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;
  return str_eq (a->title, b->title) &&
         str_eq (a->question, b->question) &&
         str_eq (a->aim, b->aim) &&
         str_eq (a->line_of_argument, b->line_of_argument) &&
         review_eq (a, b) &&
         a->created == b->created &&
         a->modified == b->modified &&
         g_hash_table_size (a->entities) == g_hash_table_size (b->entities) &&
         list_eq (a->members, b->members, member_eq) &&
         list_eq (a->checklists, b->checklists, checklist_eq) &&
         list_eq (a->studies, b->studies, study_eq) &&
         list_eq (a->concepts, b->concepts, concept_eq) &&
         list_eq (a->translations, b->translations, translation_eq) &&
         list_eq (a->third_orders, b->third_orders, third_order_eq) &&
         list_eq (a->argument_links, b->argument_links, argument_link_eq) &&
         list_eq (a->frameworks, b->frameworks, framework_eq) &&
         list_eq (a->memos, b->memos, memo_eq) &&
         session_eq (a->session, b->session);
}
