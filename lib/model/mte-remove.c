/* metaethno: referential integrity: dependents, removal and cascades.
 *
 * Every reference between entities is a "site": an owner entity holding a
 * pointer to a target entity. Sites are either *droppable* (an entry in a
 * list, or an optional pointer: the owner stays meaningful without it) or
 * *vital* (the owner cannot exist without its target: a translation's
 * sides, an argument link's ends, a memo's subject). Removal computes the
 * set of entities going away, finds the sites pointing into it from
 * outside, and either refuses (naming their owners) or, when cascading,
 * adds the owners of vital sites to the set until nothing changes, then
 * drops the droppable sites and frees the set.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"
#include "mte-model-private.h"

/* ------------------------------------------------------------------ */
/* Freeing                                                            */
/* ------------------------------------------------------------------ */

void
mte_entity_free (MteEntity *entity)
{
  if (entity == NULL)
    return;

  switch (entity->kind)
    {
    case MTE_ENTITY_MEMBER:
      {
        MteMember *m = (MteMember *) entity;
        g_free (m->name);
        g_free (m->role);
      }
      break;
    case MTE_ENTITY_CHECKLIST:
      {
        MteChecklist *c = (MteChecklist *) entity;
        g_free (c->name);
        g_ptr_array_unref (c->questions);
      }
      break;
    case MTE_ENTITY_STUDY:
      {
        MteStudy *s = (MteStudy *) entity;
        for (guint i = 0; i < MTE_STUDY_N_FIELDS; i++)
          g_free (s->fields[i]);
        g_strfreev (s->authors);
        g_clear_pointer (&s->attributes, g_ptr_array_unref);
        g_clear_pointer (&s->appraisals, g_ptr_array_unref);
        g_clear_pointer (&s->exclusion, mte_exclusion_free);
        /* The constructs are freed here only when the whole project goes;
         * mte_project_remove() takes them out of the array first. */
        for (guint i = 0; i < s->constructs->len; i++)
          mte_entity_free (g_ptr_array_index (s->constructs, i));
        g_ptr_array_unref (s->constructs);
      }
      break;
    case MTE_ENTITY_CONSTRUCT:
      {
        MteConstruct *c = (MteConstruct *) entity;
        g_free (c->text);
        g_free (c->label);
        g_free (c->page);
        g_free (c->section);
        g_free (c->speaker);
        g_clear_pointer (&c->groundings, g_free);
      }
      break;
    case MTE_ENTITY_CONCEPT:
      {
        MteConcept *c = (MteConcept *) entity;
        g_free (c->label);
        g_free (c->definition);
        g_clear_pointer (&c->expressions, g_free);
      }
      break;
    case MTE_ENTITY_TRANSLATION:
      g_free (((MteTranslation *) entity)->rationale);
      break;
    case MTE_ENTITY_THIRD_ORDER:
      {
        MteThirdOrder *t = (MteThirdOrder *) entity;
        g_free (t->label);
        g_free (t->statement);
        g_clear_pointer (&t->basis, g_ptr_array_unref);
        for (guint i = 0; i < MTE_CERQUAL_N_COMPONENTS; i++)
          g_free (t->concern_explanation[i]);
        g_free (t->confidence_explanation);
      }
      break;
    case MTE_ENTITY_ARGUMENT_LINK:
      {
        MteArgumentLink *l = (MteArgumentLink *) entity;
        g_free (l->relation);
        g_free (l->rationale);
      }
      break;
    case MTE_ENTITY_FRAMEWORK:
      {
        MteFramework *f = (MteFramework *) entity;
        g_free (f->name);
        g_free (f->description);
        g_hash_table_unref (f->by_entity);
        g_array_unref (f->classifications);
        g_ptr_array_unref (f->levels);
      }
      break;
    case MTE_ENTITY_MEMO:
      g_free (((MteMemo *) entity)->text);
      break;
    case MTE_ENTITY_SEARCH:
      {
        MteSearch *s = (MteSearch *) entity;
        g_free (s->source);
        g_free (s->date);
        g_free (s->query);
        g_free (s->notes);
      }
      break;
    case MTE_ENTITY_RECORD:
      {
        MteRecord *r = (MteRecord *) entity;
        for (guint i = 0; i < MTE_RECORD_N_FIELDS; i++)
          g_free (r->fields[i]);
        g_strfreev (r->authors);
        g_strfreev (r->keywords);
        g_clear_pointer (&r->searches, g_ptr_array_unref);
        g_free (r->reason);
      }
      break;
    case MTE_ENTITY_NONE:
    default:
      g_assert_not_reached ();
    }
  g_free (entity->id);
  g_free (entity);
}

/* ------------------------------------------------------------------ */
/* Reference sites                                                    */
/* ------------------------------------------------------------------ */

typedef enum {
  SITE_DROPPABLE,
  SITE_VITAL
} SiteKind;

/* Called for each site; @owner refers to @target. */
typedef void (*SiteFunc) (MteEntity *owner, MteEntity *target, SiteKind kind,
                          gpointer user_data);

static void
visit_list (MteEntity *owner,
            GPtrArray *list,
            SiteFunc   func,
            gpointer   data)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    func (owner, g_ptr_array_index (list, i), SITE_DROPPABLE, data);
}

static void
visit_constructs (MteEntity              *owner,
                  const MteConstructList *list,
                  SiteFunc                func,
                  gpointer                data)
{
  for (guint i = 0; i < mte_construct_list_len (list); i++)
    func (owner, &mte_construct_list_get (list, i)->base, SITE_DROPPABLE, data);
}

/* Visits every site in document order (the order of the file format). */
static void
foreach_site (MteProject *project,
              SiteFunc    func,
              gpointer    data)
{
  for (guint i = 0; i < project->searches->len; i++)
    {
      MteSearch *search = g_ptr_array_index (project->searches, i);

      if (search->run_by != NULL)
        func (&search->base, &search->run_by->base, SITE_DROPPABLE, data);
    }
  for (guint i = 0; i < project->records->len; i++)
    {
      MteRecord *record = g_ptr_array_index (project->records, i);

      visit_list (&record->base, record->searches, func, data);
      if (record->duplicate_of != NULL)
        func (&record->base, &record->duplicate_of->base, SITE_DROPPABLE, data);
      if (record->study != NULL)
        func (&record->base, &record->study->base, SITE_DROPPABLE, data);
      if (record->decided_by != NULL)
        func (&record->base, &record->decided_by->base, SITE_DROPPABLE, data);
    }
  for (guint s = 0; s < project->studies->len; s++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, s);

      if (study->exclusion != NULL && study->exclusion->reviewer != NULL)
        func (&study->base, &study->exclusion->reviewer->base, SITE_DROPPABLE, data);

      for (guint a = 0; study->appraisals != NULL && a < study->appraisals->len; a++)
        {
          MteAppraisal *ap = g_ptr_array_index (study->appraisals, a);
          func (&study->base, &ap->checklist->base, SITE_DROPPABLE, data);
        }
      for (guint c = 0; c < study->constructs->len; c++)
        {
          MteConstruct *construct = g_ptr_array_index (study->constructs, c);
          visit_constructs (&construct->base, construct->groundings, func, data);
        }
    }
  for (guint i = 0; i < project->concepts->len; i++)
    {
      MteConcept *concept = g_ptr_array_index (project->concepts, i);
      visit_constructs (&concept->base, concept->expressions, func, data);
    }
  for (guint i = 0; i < project->translations->len; i++)
    {
      MteTranslation *t = g_ptr_array_index (project->translations, i);

      func (&t->base, t->source, SITE_VITAL, data);
      func (&t->base, t->target, SITE_VITAL, data);
      if (t->source_study != NULL)
        func (&t->base, &t->source_study->base, SITE_DROPPABLE, data);
      if (t->target_study != NULL)
        func (&t->base, &t->target_study->base, SITE_DROPPABLE, data);
      if (t->reviewer != NULL)
        func (&t->base, &t->reviewer->base, SITE_DROPPABLE, data);
    }
  for (guint i = 0; i < project->third_orders->len; i++)
    {
      MteThirdOrder *t = g_ptr_array_index (project->third_orders, i);
      visit_list (&t->base, t->basis, func, data);
    }
  for (guint i = 0; i < project->argument_links->len; i++)
    {
      MteArgumentLink *l = g_ptr_array_index (project->argument_links, i);

      func (&l->base, &l->from->base, SITE_VITAL, data);
      func (&l->base, &l->to->base, SITE_VITAL, data);
    }
  for (guint i = 0; i < project->frameworks->len; i++)
    {
      MteFramework *f = g_ptr_array_index (project->frameworks, i);

      for (guint c = 0; c < f->classifications->len; c++)
        func (&f->base,
              g_array_index (f->classifications, MteClassification, c).entity,
              SITE_DROPPABLE, data);
    }
  for (guint i = 0; i < project->memos->len; i++)
    {
      MteMemo *m = g_ptr_array_index (project->memos, i);

      if (m->subject != NULL)
        func (&m->base, m->subject, SITE_VITAL, data);
      if (m->author != NULL)
        func (&m->base, &m->author->base, SITE_DROPPABLE, data);
    }
}

/* ------------------------------------------------------------------ */
/* The set of entities to remove                                      */
/* ------------------------------------------------------------------ */

static void
doomed_add (GHashTable *doomed,
            MteEntity  *entity)
{
  if (!g_hash_table_add (doomed, entity))
    return;
  if (entity->kind == MTE_ENTITY_STUDY)
    {
      MteStudy *study = (MteStudy *) entity;

      for (guint i = 0; i < study->constructs->len; i++)
        g_hash_table_add (doomed, g_ptr_array_index (study->constructs, i));
    }
}

typedef struct {
  GHashTable *doomed;
  GPtrArray  *owners;       /* dependents, in document order, unique */
  GHashTable *seen;
  gboolean    vital_only;
} DependentsScan;

static void
collect_dependent (MteEntity *owner,
                   MteEntity *target,
                   SiteKind   kind,
                   gpointer   user_data)
{
  DependentsScan *scan = user_data;

  if (scan->vital_only && kind != SITE_VITAL)
    return;
  if (!g_hash_table_contains (scan->doomed, target) ||
      g_hash_table_contains (scan->doomed, owner))
    return;
  if (g_hash_table_add (scan->seen, owner))
    g_ptr_array_add (scan->owners, owner);
}

/* Owners outside @doomed with a site pointing into it. */
static GPtrArray *
find_dependents (MteProject *project,
                 GHashTable *doomed,
                 gboolean    vital_only)
{
  DependentsScan scan;

  scan.doomed = doomed;
  scan.owners = g_ptr_array_new ();
  scan.seen = g_hash_table_new (NULL, NULL);
  scan.vital_only = vital_only;
  foreach_site (project, collect_dependent, &scan);
  g_hash_table_unref (scan.seen);
  return scan.owners;
}

static void
doom_memos (MteProject *project,
            GHashTable *doomed)
{
  gboolean changed = TRUE;

  /* Memos about memos are possible, hence the loop. */
  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < project->memos->len; i++)
        {
          MteMemo *m = g_ptr_array_index (project->memos, i);

          if (m->subject != NULL && g_hash_table_contains (doomed, m->subject) &&
              !g_hash_table_contains (doomed, m))
            {
              doomed_add (doomed, &m->base);
              changed = TRUE;
            }
        }
    }
}

/* The entity, what it owns (a study's constructs) and the memos about any
 * of them: everything that goes whether or not the removal cascades. */
static GHashTable *
doomed_new (MteProject *project,
            MteEntity  *entity)
{
  GHashTable *doomed = g_hash_table_new (NULL, NULL);

  doomed_add (doomed, entity);
  doom_memos (project, doomed);
  return doomed;
}

char **
mte_project_dup_dependents (const MteProject *project,
                            const char       *id)
{
  MteEntity *entity;
  g_autoptr (GHashTable) doomed = NULL;
  g_autoptr (GPtrArray) owners = NULL;
  GPtrArray *ids;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entity = g_hash_table_lookup (project->entities, id);
  if (entity == NULL)
    return NULL;
  doomed = doomed_new ((MteProject *) project, entity);
  owners = find_dependents ((MteProject *) project, doomed, FALSE);
  ids = g_ptr_array_new ();
  for (guint i = 0; i < owners->len; i++)
    g_ptr_array_add (ids, g_strdup (((MteEntity *) g_ptr_array_index (owners, i))->id));
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

/* ------------------------------------------------------------------ */
/* Removal                                                            */
/* ------------------------------------------------------------------ */

static gboolean
drop_doomed_from_list (GPtrArray  *list,
                       GHashTable *doomed)
{
  guint kept = 0;
  gboolean changed = FALSE;

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      gpointer item = g_ptr_array_index (list, i);

      if (g_hash_table_contains (doomed, item))
        changed = TRUE;
      else
        list->pdata[kept++] = item;
    }
  g_ptr_array_set_size (list, kept);
  return changed;
}

/* Removes the droppable references from survivors to doomed entities. */
static void
drop_review_references (MteProject *project,
                        GHashTable *doomed)
{
  for (guint i = 0; i < project->searches->len; i++)
    {
      MteSearch *search = g_ptr_array_index (project->searches, i);

      if (search->run_by != NULL && g_hash_table_contains (doomed, search->run_by))
        search->run_by = NULL;
    }
  for (guint i = 0; i < project->records->len; i++)
    {
      MteRecord *record = g_ptr_array_index (project->records, i);

      if (g_hash_table_contains (doomed, record))
        {
          /* A surviving original loses this duplicate. */
          if (record->duplicate_of != NULL &&
              !g_hash_table_contains (doomed, record->duplicate_of))
            record->duplicate_of->n_duplicates--;
          continue;
        }
      drop_doomed_from_list (record->searches, doomed);
      if (record->decided_by != NULL && g_hash_table_contains (doomed, record->decided_by))
        record->decided_by = NULL;
      /* A fate cannot outlive what it names: a duplicate of a removed
       * record is undecided again; a report of a removed study goes back
       * to "sought", awaiting a decision on its full text. */
      if ((record->duplicate_of != NULL && g_hash_table_contains (doomed, record->duplicate_of)) ||
          (record->study != NULL && g_hash_table_contains (doomed, record->study)))
        {
          record->fate = record->study != NULL ? MTE_FATE_SOUGHT : MTE_FATE_UNSCREENED;
          record->duplicate_of = NULL;
          record->study = NULL;
          g_clear_pointer (&record->reason, g_free);
          record->decided_by = NULL;
          record->decided = 0;
        }
    }
}

static void
drop_references (MteProject *project,
                 GHashTable *doomed)
{
  drop_review_references (project, doomed);
  for (guint s = 0; s < project->studies->len; s++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, s);

      if (g_hash_table_contains (doomed, study))
        continue;
      if (study->exclusion != NULL && study->exclusion->reviewer != NULL &&
          g_hash_table_contains (doomed, study->exclusion->reviewer))
        study->exclusion->reviewer = NULL;
      for (guint a = 0; study->appraisals != NULL && a < study->appraisals->len;)
        {
          MteAppraisal *ap = g_ptr_array_index (study->appraisals, a);

          if (g_hash_table_contains (doomed, ap->checklist))
            g_ptr_array_remove_index (study->appraisals, a);
          else
            a++;
        }
      for (guint c = 0; c < study->constructs->len; c++)
        {
          MteConstruct *construct = g_ptr_array_index (study->constructs, c);
          mte_construct_list_drop (construct->groundings, doomed);
        }
    }
  for (guint i = 0; i < project->concepts->len; i++)
    mte_construct_list_drop (((MteConcept *) g_ptr_array_index (project->concepts, i))->expressions,
                             doomed);
  for (guint i = 0; i < project->translations->len; i++)
    {
      MteTranslation *t = g_ptr_array_index (project->translations, i);

      if (t->source_study != NULL && g_hash_table_contains (doomed, t->source_study))
        t->source_study = NULL;
      if (t->target_study != NULL && g_hash_table_contains (doomed, t->target_study))
        t->target_study = NULL;
      if (t->reviewer != NULL && g_hash_table_contains (doomed, t->reviewer))
        t->reviewer = NULL;
    }
  for (guint i = 0; i < project->third_orders->len; i++)
    drop_doomed_from_list (((MteThirdOrder *) g_ptr_array_index (project->third_orders, i))->basis,
                           doomed);
  for (guint i = 0; i < project->frameworks->len; i++)
    {
      MteFramework *f = g_ptr_array_index (project->frameworks, i);
      guint kept = 0;

      for (guint c = 0; c < f->classifications->len; c++)
        {
          MteClassification cl = g_array_index (f->classifications,
                                                MteClassification, c);
          if (g_hash_table_contains (doomed, cl.entity))
            g_hash_table_remove (f->by_entity, cl.entity);
          else
            g_array_index (f->classifications, MteClassification, kept++) = cl;
        }
      g_array_set_size (f->classifications, kept);
    }
  for (guint i = 0; i < project->memos->len; i++)
    {
      MteMemo *m = g_ptr_array_index (project->memos, i);

      if (m->author != NULL && g_hash_table_contains (doomed, m->author))
        m->author = NULL;
    }
  /* Session decisions never block a removal: a decision about something
   * that goes is dropped, and its construct is undecided again. */
  mte_session_drop_doomed (project->session, doomed);
}

/* Takes doomed entities out of @list and the id table, then frees them.
 * @list owns its entities, so the survivors' indexes move with them.
 * Returns whether any went. */
static gboolean
free_doomed_in (MteProject *project,
                GPtrArray  *list,
                GHashTable *doomed)
{
  guint kept = 0;

  for (guint i = 0; i < list->len; i++)
    {
      MteEntity *entity = g_ptr_array_index (list, i);

      if (!g_hash_table_contains (doomed, entity))
        {
          entity->index = kept;
          list->pdata[kept++] = entity;
          continue;
        }
      if (entity->kind == MTE_ENTITY_STUDY)
        {
          MteStudy *study = (MteStudy *) entity;

          /* Constructs of a doomed study are doomed too (doomed_add). */
          for (guint c = 0; c < study->constructs->len; c++)
            {
              MteEntity *construct = g_ptr_array_index (study->constructs, c);
              g_hash_table_remove (project->entities, construct->id);
            }
        }
      g_hash_table_remove (project->entities, entity->id);
      mte_entity_free (entity);
    }
  if (kept == list->len)
    return FALSE;
  g_ptr_array_set_size (list, kept);
  return TRUE;
}

static void
drop_doomed_refutations (GArray     *refutations,
                         GHashTable *doomed)
{
  guint kept = 0;

  for (guint i = 0; i < refutations->len; i++)
    {
      MteRefutation *r = &g_array_index (refutations, MteRefutation, i);

      if (!g_hash_table_contains (doomed, r->translation))
        g_array_index (refutations, MteRefutation, kept++) = *r;
    }
  g_array_set_size (refutations, kept);
}

/* Copies the indexes of studies and constructs again into every list of
 * constructs, after a removal moved them. */
static void
refresh_construct_lists (MteProject *project)
{
  for (guint s = 0; s < project->studies->len; s++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, s);

      for (guint c = 0; c < study->constructs->len; c++)
        mte_construct_list_refresh (((MteConstruct *) g_ptr_array_index (study->constructs, c))->groundings);
    }
  for (guint i = 0; i < project->concepts->len; i++)
    mte_construct_list_refresh (((MteConcept *) g_ptr_array_index (project->concepts, i))->expressions);
}

static void
free_doomed (MteProject *project,
             GHashTable *doomed)
{
  gboolean moved = FALSE;

  /* Constructs of surviving studies first. */
  for (guint s = 0; s < project->studies->len; s++)
    {
      MteStudy *study = g_ptr_array_index (project->studies, s);

      if (!g_hash_table_contains (doomed, study))
        moved |= free_doomed_in (project, study->constructs, doomed);
    }
  free_doomed_in (project, project->memos, doomed);
  free_doomed_in (project, project->records, doomed);
  free_doomed_in (project, project->searches, doomed);
  free_doomed_in (project, project->argument_links, doomed);
  drop_doomed_refutations (project->refutations, doomed);
  free_doomed_in (project, project->translations, doomed);
  free_doomed_in (project, project->third_orders, doomed);
  free_doomed_in (project, project->concepts, doomed);
  free_doomed_in (project, project->frameworks, doomed);
  moved |= free_doomed_in (project, project->studies, doomed);
  free_doomed_in (project, project->checklists, doomed);
  free_doomed_in (project, project->members, doomed);
  if (moved)
    refresh_construct_lists (project);
  /* Concepts may have moved too, and translations lost their studies. */
  mte_project_refresh_refutations (project);
}

static char *
describe_dependents (GPtrArray *owners)
{
  GString *text = g_string_new (NULL);
  const guint shown = 5;

  for (guint i = 0; i < owners->len && i < shown; i++)
    {
      MteEntity *owner = g_ptr_array_index (owners, i);

      g_string_append_printf (text, "%s%s '%s'", i > 0 ? ", " : "",
                              mte_entity_kind_to_string (owner->kind),
                              owner->id);
    }
  if (owners->len > shown)
    g_string_append_printf (text, " and %u more", owners->len - shown);
  return g_string_free (text, FALSE);
}

gboolean
mte_project_remove (MteProject     *project,
                    const char     *id,
                    MteRemoveFlags  flags,
                    GError        **error)
{
  MteEntity *entity;
  g_autoptr (GHashTable) doomed = NULL;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  entity = g_hash_table_lookup (project->entities, id);
  if (entity == NULL)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                   "there is no entity '%s' to remove", id);
      return FALSE;
    }

  doomed = doomed_new ((MteProject *) project, entity);
  if (!(flags & MTE_REMOVE_CASCADE))
    {
      g_autoptr (GPtrArray) owners = find_dependents (project, doomed, FALSE);

      if (owners->len > 0)
        {
          g_autofree char *names = describe_dependents (owners);

          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS,
                       "%s '%s' is referred to by %s (remove those first, or "
                       "cascade)", mte_entity_kind_to_string (entity->kind),
                       id, names);
          return FALSE;
        }
    }
  else
    {
      /* Grow the set through vital sites until it is closed. */
      for (;;)
        {
          g_autoptr (GPtrArray) owners = NULL;

          doom_memos (project, doomed);
          owners = find_dependents (project, doomed, TRUE);
          if (owners->len == 0)
            break;
          for (guint i = 0; i < owners->len; i++)
            doomed_add (doomed, g_ptr_array_index (owners, i));
        }
    }

  drop_references (project, doomed);
  free_doomed (project, doomed);
  mte_project_touch (project);
  return TRUE;
}
