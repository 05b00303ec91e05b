/* metaethno: studies (citation, context, appraisal) and their constructs.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-model-private.h"
#include "mte-error-private.h"

#include <string.h>

static const char *const field_names[MTE_STUDY_N_FIELDS] = {
  [MTE_STUDY_TITLE] = "title",
  [MTE_STUDY_SOURCE] = "source",
  [MTE_STUDY_VOLUME] = "volume",
  [MTE_STUDY_ISSUE] = "issue",
  [MTE_STUDY_PAGES] = "pages",
  [MTE_STUDY_DOI] = "doi",
  [MTE_STUDY_URL] = "url",
  [MTE_STUDY_COUNTRY] = "country",
  [MTE_STUDY_SETTING] = "setting",
  [MTE_STUDY_PARTICIPANTS] = "participants",
  [MTE_STUDY_CONDITION] = "condition",
  [MTE_STUDY_DATA_COLLECTION] = "data-collection",
  [MTE_STUDY_ANALYSIS] = "analysis",
  [MTE_STUDY_NOTES] = "notes",
};

const char *
mte_study_field_to_string (MteStudyField field)
{
  if ((guint) field >= MTE_STUDY_N_FIELDS)
    return NULL;
  return field_names[field];
}

int
mte_study_field_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  for (int i = 0; i < MTE_STUDY_N_FIELDS; i++)
    if (strcmp (field_names[i], name) == 0)
      return i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Studies                                                            */
/* ------------------------------------------------------------------ */

MteStudy *
mte_project_add_study (MteProject *project,
                       const char *id,
                       GError    **error)
{
  MteStudy *study;

  g_return_val_if_fail (project != NULL, NULL);

  study = g_new0 (MteStudy, 1);
  if (!mte_project_register (project, &study->base, MTE_ENTITY_STUDY, id,
                             "study", error))
    {
      g_free (study);
      return NULL;
    }
  study->authors = g_new0 (char *, 1);
  study->constructs = g_ptr_array_new ();
  mte_entity_append (project->studies, study);
  return study;
}

const char *
mte_study_get_field (const MteStudy *study,
                     MteStudyField   field)
{
  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail ((guint) field < MTE_STUDY_N_FIELDS, NULL);
  return study->fields[field];
}

gboolean
mte_study_set_field (MteStudy      *study,
                     MteStudyField  field,
                     const char    *value,
                     GError       **error)
{
  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail ((guint) field < MTE_STUDY_N_FIELDS, FALSE);
  return mte_set_string (study->base.project, &study->fields[field], value,
                         TRUE, field_names[field], error);
}

const char * const *
mte_study_get_authors (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, NULL);
  return (const char * const *) study->authors;
}

gboolean
mte_study_set_authors (MteStudy           *study,
                       const char * const *authors,
                       GError            **error)
{
  g_return_val_if_fail (study != NULL, FALSE);

  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    {
      if (authors[i][0] == '\0')
        {
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                       "study '%s': author %u is empty", study->base.id, i + 1);
          return FALSE;
        }
      if (!mte_check_utf8 (authors[i], "author", error))
        return FALSE;
    }
  g_strfreev (study->authors);
  study->authors = authors != NULL ? g_strdupv ((char **) authors)
                                   : g_new0 (char *, 1);
  mte_project_touch (study->base.project);
  return TRUE;
}

int
mte_study_get_year (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, 0);
  return study->year;
}

gboolean
mte_study_set_year (MteStudy *study,
                    int       year,
                    GError  **error)
{
  g_return_val_if_fail (study != NULL, FALSE);
  if (year < 0 || year > 9999)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "study '%s': year %d is outside 1 to 9999", study->base.id,
                   year);
      return FALSE;
    }
  study->year = year;
  mte_project_touch (study->base.project);
  return TRUE;
}

guint
mte_study_get_sample_size (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, 0);
  return study->sample_size;
}

void
mte_study_set_sample_size (MteStudy *study,
                           guint     sample_size)
{
  g_return_if_fail (study != NULL);
  study->sample_size = sample_size;
  mte_project_touch (study->base.project);
}

gboolean
mte_study_get_index_study (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, FALSE);
  return study->index_study;
}

void
mte_study_set_index_study (MteStudy *study,
                           gboolean  index_study)
{
  g_return_if_fail (study != NULL);
  study->index_study = index_study != FALSE;
  mte_project_touch (study->base.project);
}

guint
mte_study_get_translation_position (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, 0);
  return study->position;
}

void
mte_study_set_translation_position (MteStudy *study,
                                    guint     position)
{
  g_return_if_fail (study != NULL);
  study->position = position;
  mte_project_touch (study->base.project);
}

/* ------------------------------------------------------------------ */
/* Attributes                                                         */
/* ------------------------------------------------------------------ */

static void
pair_free (gpointer data)
{
  MtePair *pair = data;

  g_free (pair->key);
  g_free (pair->value);
  g_free (pair);
}

guint
mte_study_get_n_attributes (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, 0);
  return study->attributes != NULL ? study->attributes->len : 0;
}

static const MtePair *
study_attribute (const MteStudy *study,
                 guint           index)
{
  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail (index < mte_study_get_n_attributes (study), NULL);
  return g_ptr_array_index (study->attributes, index);
}

const char *
mte_study_get_attribute_key (const MteStudy *study,
                             guint           index)
{
  const MtePair *pair = study_attribute (study, index);
  return pair != NULL ? pair->key : NULL;
}

const char *
mte_study_get_attribute_value (const MteStudy *study,
                               guint           index)
{
  const MtePair *pair = study_attribute (study, index);
  return pair != NULL ? pair->value : NULL;
}

static int
find_attribute (const MteStudy *study,
                const char     *key)
{
  for (guint i = 0; study->attributes != NULL && i < study->attributes->len; i++)
    {
      const MtePair *pair = g_ptr_array_index (study->attributes, i);

      if (strcmp (pair->key, key) == 0)
        return (int) i;
    }
  return -1;
}

const char *
mte_study_get_attribute (const MteStudy *study,
                         const char     *key)
{
  int i;

  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  i = find_attribute (study, key);
  return i >= 0 ? ((MtePair *) g_ptr_array_index (study->attributes, i))->value
                : NULL;
}

gboolean
mte_study_set_attribute (MteStudy   *study,
                         const char *key,
                         const char *value,
                         GError    **error)
{
  int i;

  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (key[0] == '\0')
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "study '%s': attribute key is empty", study->base.id);
      return FALSE;
    }
  if (!mte_check_utf8 (key, "attribute key", error) ||
      !mte_check_utf8 (value, "attribute value", error))
    return FALSE;

  i = find_attribute (study, key);
  if (value == NULL)
    {
      if (i >= 0)
        g_ptr_array_remove_index (study->attributes, (guint) i);
    }
  else if (i >= 0)
    {
      MtePair *pair = g_ptr_array_index (study->attributes, i);

      g_free (pair->value);
      pair->value = g_strdup (value);
    }
  else
    {
      MtePair *pair = g_new (MtePair, 1);

      pair->key = g_strdup (key);
      pair->value = g_strdup (value);
      if (study->attributes == NULL)
        study->attributes = g_ptr_array_new_with_free_func (pair_free);
      g_ptr_array_add (study->attributes, pair);
    }
  mte_project_touch (study->base.project);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Appraisal                                                          */
/* ------------------------------------------------------------------ */

static void
appraisal_free (gpointer data)
{
  MteAppraisal *a = data;

  g_free (a->question);
  g_free (a->answer);
  g_free (a->note);
  g_free (a);
}

static int
find_appraisal (const MteStudy     *study,
                const MteChecklist *checklist,
                const char         *question)
{
  for (guint i = 0; study->appraisals != NULL && i < study->appraisals->len; i++)
    {
      const MteAppraisal *a = g_ptr_array_index (study->appraisals, i);

      if (a->checklist == checklist && strcmp (a->question, question) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
mte_study_set_appraisal (MteStudy   *study,
                         const char *checklist_id,
                         const char *question_key,
                         const char *answer,
                         const char *note,
                         GError    **error)
{
  MteChecklist *checklist;
  const MteQuestion *question;
  int qi, ai;

  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail (checklist_id != NULL, FALSE);
  g_return_val_if_fail (question_key != NULL, FALSE);

  checklist = (MteChecklist *) mte_project_require (study->base.project,
                                                    checklist_id,
                                                    MTE_ENTITY_CHECKLIST,
                                                    "checklist", error);
  if (checklist == NULL)
    return FALSE;
  qi = mte_checklist_find_question (checklist, question_key);
  if (qi < 0)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                   "checklist '%s' has no question '%s'", checklist_id,
                   question_key);
      return FALSE;
    }
  question = g_ptr_array_index (checklist->questions, qi);
  if (!mte_check_utf8 (answer, "answer", error) ||
      !mte_check_utf8 (note, "appraisal note", error))
    return FALSE;
  if (answer != NULL && answer[0] == '\0')
    answer = NULL;
  if (note != NULL && note[0] == '\0')
    note = NULL;
  if (answer != NULL && question->answers[0] != NULL &&
      !g_strv_contains ((const char * const *) question->answers, answer))
    {
      g_autofree char *joined = g_strjoinv ("', '", question->answers);
      g_autofree char *allowed = mte_message_text (joined, 200);
      g_autofree char *given = mte_message_text (answer, 80);

      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                   "'%s' is not an answer to question '%s' of checklist '%s' "
                   "(allowed: '%s')", given, question_key, checklist_id,
                   allowed);
      return FALSE;
    }

  ai = find_appraisal (study, checklist, question_key);
  if (answer == NULL && note == NULL)
    {
      if (ai >= 0)
        g_ptr_array_remove_index (study->appraisals, (guint) ai);
    }
  else if (ai >= 0)
    {
      MteAppraisal *a = g_ptr_array_index (study->appraisals, ai);

      g_free (a->answer);
      g_free (a->note);
      a->answer = g_strdup (answer);
      a->note = g_strdup (note);
    }
  else
    {
      MteAppraisal *a = g_new0 (MteAppraisal, 1);

      a->checklist = checklist;
      a->question = g_strdup (question_key);
      a->answer = g_strdup (answer);
      a->note = g_strdup (note);
      if (study->appraisals == NULL)
        study->appraisals = g_ptr_array_new_with_free_func (appraisal_free);
      g_ptr_array_add (study->appraisals, a);
    }
  mte_project_touch (study->base.project);
  return TRUE;
}

gboolean
mte_study_get_appraisal (const MteStudy *study,
                         const char     *checklist_id,
                         const char     *question_key,
                         const char    **answer,
                         const char    **note)
{
  MteChecklist *checklist;
  int ai;

  g_return_val_if_fail (study != NULL, FALSE);
  g_return_val_if_fail (checklist_id != NULL, FALSE);
  g_return_val_if_fail (question_key != NULL, FALSE);

  checklist = mte_project_lookup_checklist (study->base.project, checklist_id);
  if (checklist == NULL)
    return FALSE;
  ai = find_appraisal (study, checklist, question_key);
  if (ai < 0)
    return FALSE;
  if (answer != NULL)
    *answer = ((MteAppraisal *) g_ptr_array_index (study->appraisals, ai))->answer;
  if (note != NULL)
    *note = ((MteAppraisal *) g_ptr_array_index (study->appraisals, ai))->note;
  return TRUE;
}

guint
mte_study_get_n_appraisals (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, 0);
  return study->appraisals != NULL ? study->appraisals->len : 0;
}

void
mte_study_get_appraisal_at (const MteStudy *study,
                            guint           index,
                            MteChecklist  **checklist,
                            const char    **question_key,
                            const char    **answer,
                            const char    **note)
{
  const MteAppraisal *a;

  g_return_if_fail (study != NULL);
  g_return_if_fail (index < mte_study_get_n_appraisals (study));

  a = g_ptr_array_index (study->appraisals, index);
  if (checklist != NULL)
    *checklist = a->checklist;
  if (question_key != NULL)
    *question_key = a->question;
  if (answer != NULL)
    *answer = a->answer;
  if (note != NULL)
    *note = a->note;
}

guint
mte_study_drop_appraisals (MteProject   *project,
                           MteChecklist *checklist,
                           const char   *question,
                           gboolean      really,
                           GString      *names)
{
  guint n_studies = 0;

  for (guint s = 0; s < project->studies->len; s++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, s);
      gboolean hit = FALSE;

      if (study->appraisals == NULL)
        continue;
      for (guint i = study->appraisals->len; i-- > 0;)
        {
          MteAppraisal *a = g_ptr_array_index (study->appraisals, i);

          if (a->checklist != checklist ||
              (question != NULL && strcmp (a->question, question) != 0))
            continue;
          hit = TRUE;
          if (really)
            g_ptr_array_remove_index (study->appraisals, i);
        }
      if (hit)
        {
          if (names != NULL && n_studies < 5)
            g_string_append_printf (names, "%sstudy '%s'",
                                    n_studies > 0 ? ", " : "", study->base.id);
          n_studies++;
        }
    }
  if (names != NULL && n_studies > 5)
    g_string_append_printf (names, " and %u more", n_studies - 5);
  return n_studies;
}

/* ------------------------------------------------------------------ */
/* Constructs                                                         */
/* ------------------------------------------------------------------ */

MteConstruct *
mte_study_add_construct (MteStudy          *study,
                         const char        *id,
                         MteConstructOrder  order,
                         const char        *text,
                         GError           **error)
{
  g_autofree char *made = NULL;
  MteConstruct *construct;

  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail (order == MTE_CONSTRUCT_FIRST_ORDER ||
                        order == MTE_CONSTRUCT_SECOND_ORDER, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!mte_check_utf8 (text, "construct text", error))
    return NULL;
  construct = g_new0 (MteConstruct, 1);
  if (id == NULL)
    made = mte_project_generate_construct_id (study, order);
  if (!mte_project_register (study->base.project, &construct->base,
                             MTE_ENTITY_CONSTRUCT, id != NULL ? id : made,
                             "construct", error))
    {
      g_free (construct);
      return NULL;
    }
  construct->study = study;
  construct->order = order;
  construct->text = g_strdup (text);
  mte_entity_append (study->constructs, construct);
  return construct;
}

guint
mte_study_get_n_constructs (const MteStudy *study)
{
  g_return_val_if_fail (study != NULL, 0);
  return study->constructs->len;
}

MteConstruct *
mte_study_get_construct (const MteStudy *study,
                         guint           index)
{
  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail (index < study->constructs->len, NULL);
  return g_ptr_array_index (study->constructs, index);
}

MteConstruct *
mte_project_lookup_construct (const MteProject *project,
                              const char       *id)
{
  MteEntity *entity;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  entity = g_hash_table_lookup (project->entities, id);
  return entity != NULL && entity->kind == MTE_ENTITY_CONSTRUCT
         ? (MteConstruct *) entity : NULL;
}

const char *
mte_construct_get_id (const MteConstruct *construct)
{
  g_return_val_if_fail (construct != NULL, NULL);
  return construct->base.id;
}

MteConstructOrder
mte_construct_get_order (const MteConstruct *construct)
{
  g_return_val_if_fail (construct != NULL, MTE_CONSTRUCT_FIRST_ORDER);
  return construct->order;
}

MteStudy *
mte_construct_get_study (const MteConstruct *construct)
{
  g_return_val_if_fail (construct != NULL, NULL);
  return construct->study;
}

const char *
mte_construct_get_text (const MteConstruct *construct)
{
  g_return_val_if_fail (construct != NULL, NULL);
  return construct->text;
}

gboolean
mte_construct_set_text (MteConstruct *construct,
                        const char   *text,
                        GError      **error)
{
  g_return_val_if_fail (construct != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  return mte_set_string (construct->base.project, &construct->text, text,
                         FALSE, "construct text", error);
}

#define CONSTRUCT_STRING(name, what)                                          \
  const char *                                                                \
  mte_construct_get_##name (const MteConstruct *construct)                    \
  {                                                                           \
    g_return_val_if_fail (construct != NULL, NULL);                           \
    return construct->name;                                                   \
  }                                                                           \
  gboolean                                                                    \
  mte_construct_set_##name (MteConstruct *construct, const char *value,       \
                            GError **error)                                   \
  {                                                                           \
    g_return_val_if_fail (construct != NULL, FALSE);                          \
    return mte_set_string (construct->base.project, &construct->name, value, \
                           TRUE, what, error);                                \
  }

CONSTRUCT_STRING (label, "construct label")
CONSTRUCT_STRING (page, "construct page")
CONSTRUCT_STRING (section, "construct section")

const char *
mte_construct_get_speaker (const MteConstruct *construct)
{
  g_return_val_if_fail (construct != NULL, NULL);
  return construct->speaker;
}

gboolean
mte_construct_set_speaker (MteConstruct *construct,
                           const char   *speaker,
                           GError      **error)
{
  g_return_val_if_fail (construct != NULL, FALSE);
  if (construct->order != MTE_CONSTRUCT_FIRST_ORDER &&
      speaker != NULL && speaker[0] != '\0')
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "construct '%s' is second order: only participants' words "
                   "have a speaker", construct->base.id);
      return FALSE;
    }
  return mte_set_string (construct->base.project, &construct->speaker,
                         speaker, TRUE, "speaker", error);
}

static const char *const credibility_names[] = {
  [MTE_CREDIBILITY_NOT_ASSESSED] = "not-assessed",
  [MTE_CREDIBILITY_UNEQUIVOCAL] = "unequivocal",
  [MTE_CREDIBILITY_CREDIBLE] = "credible",
  [MTE_CREDIBILITY_UNSUPPORTED] = "unsupported",
};

const char *
mte_credibility_to_string (MteCredibility credibility)
{
  return (guint) credibility < G_N_ELEMENTS (credibility_names)
         ? credibility_names[credibility] : NULL;
}

int
mte_credibility_from_string (const char *name)
{
  if (name == NULL)
    return -1;
  if (strcmp (name, "equivocal") == 0)
    return MTE_CREDIBILITY_CREDIBLE;
  for (guint i = 0; i < G_N_ELEMENTS (credibility_names); i++)
    if (strcmp (credibility_names[i], name) == 0)
      return (int) i;
  return -1;
}

MteCredibility
mte_construct_get_credibility (const MteConstruct *construct)
{
  g_return_val_if_fail (construct != NULL, MTE_CREDIBILITY_NOT_ASSESSED);
  return construct->credibility;
}

gboolean
mte_construct_set_credibility (MteConstruct   *construct,
                               MteCredibility  credibility,
                               GError        **error)
{
  g_return_val_if_fail (construct != NULL, FALSE);
  if ((guint) credibility >= G_N_ELEMENTS (credibility_names))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "construct '%s': unknown credibility (%d)",
                     construct->base.id, (int) credibility);
      return FALSE;
    }
  if (construct->order != MTE_CONSTRUCT_SECOND_ORDER &&
      credibility != MTE_CREDIBILITY_NOT_ASSESSED)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                     "construct '%s' is first order: only the authors' findings "
                     "(second order) have a credibility", construct->base.id);
      return FALSE;
    }
  if (construct->credibility != credibility)
    {
      construct->credibility = credibility;
      mte_project_touch (construct->base.project);
    }
  return TRUE;
}

gboolean
mte_construct_add_grounding (MteConstruct *construct,
                             const char   *first_order_id,
                             GError      **error)
{
  MteConstruct *target;

  g_return_val_if_fail (construct != NULL, FALSE);
  g_return_val_if_fail (first_order_id != NULL, FALSE);

  if (construct->order != MTE_CONSTRUCT_SECOND_ORDER)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "construct '%s' is first order: only second-order "
                   "constructs are grounded in quotes", construct->base.id);
      return FALSE;
    }
  target = (MteConstruct *) mte_project_require (construct->base.project,
                                                 first_order_id,
                                                 MTE_ENTITY_CONSTRUCT,
                                                 "grounding", error);
  if (target == NULL)
    return FALSE;
  if (target->order != MTE_CONSTRUCT_FIRST_ORDER)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "grounding '%s' is a second-order construct; a "
                   "second-order construct is grounded in first-order ones",
                   first_order_id);
      return FALSE;
    }
  if (target->study != construct->study)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "grounding '%s' belongs to study '%s', not to study '%s' "
                   "of construct '%s'", first_order_id, target->study->base.id,
                   construct->study->base.id, construct->base.id);
      return FALSE;
    }
  mte_construct_list_add (&construct->groundings, target);
  mte_project_touch (construct->base.project);
  return TRUE;
}

gboolean
mte_construct_remove_grounding (MteConstruct *construct,
                                const char   *first_order_id)
{
  MteConstruct *target;

  g_return_val_if_fail (construct != NULL, FALSE);
  g_return_val_if_fail (first_order_id != NULL, FALSE);

  target = mte_project_lookup_construct (construct->base.project,
                                         first_order_id);
  if (target == NULL || !mte_construct_list_remove (construct->groundings, target))
    return FALSE;
  mte_project_touch (construct->base.project);
  return TRUE;
}

guint
mte_construct_get_n_groundings (const MteConstruct *construct)
{
  g_return_val_if_fail (construct != NULL, 0);
  return mte_construct_list_len (construct->groundings);
}

MteConstruct *
mte_construct_get_grounding (const MteConstruct *construct,
                             guint               index)
{
  g_return_val_if_fail (construct != NULL, NULL);
  g_return_val_if_fail (index < mte_construct_get_n_groundings (construct), NULL);
  return mte_construct_list_get (construct->groundings, index);
}
