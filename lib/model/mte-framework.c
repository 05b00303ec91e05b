/* metaethno: classification frameworks.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "mte-error-private.h"
#include "mte-model-private.h"

#include <string.h>

static void index_remove (MteFramework *framework, const MteEntity *entity,
                          const MteLevel *level);

static void
level_free (gpointer data)
{
  MteLevel *level = data;

  g_free (level->key);
  g_free (level->label);
  g_free (level);
}

MteFramework *
mte_project_add_framework (MteProject *project,
                           const char *id,
                           const char *name,
                           GError    **error)
{
  g_autofree char *made = NULL;
  MteFramework *framework;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!mte_check_utf8 (name, "framework name", error))
    return NULL;
  framework = g_new0 (MteFramework, 1);
  if (id == NULL)
    made = mte_project_generate_slug_id (project, name, "framework");
  if (!mte_project_register (project, &framework->base, MTE_ENTITY_FRAMEWORK,
                             id != NULL ? id : made, "framework", error))
    {
      g_free (framework);
      return NULL;
    }
  framework->name = g_strdup (name);
  framework->levels = g_ptr_array_new_with_free_func (level_free);
  framework->classifications = g_array_new (FALSE, FALSE,
                                            sizeof (MteClassification));
  framework->by_entity = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  mte_entity_append (project->frameworks, framework);
  return framework;
}

MteFramework *
mte_project_add_socio_ecological_framework (MteProject *project,
                                            const char *id,
                                            GError    **error)
{
  static const struct { const char *key, *label; } levels[] = {
    { "individual", "Individual" },
    { "interpersonal", "Interpersonal" },
    { "community", "Community" },
    { "organisational", "Organisational" },
    { "societal", "Societal" },
  };
  MteFramework *framework;

  g_return_val_if_fail (project != NULL, NULL);

  framework = mte_project_add_framework (project,
                                         id != NULL ? id : "socio-ecological",
                                         "Socio-ecological model", error);
  if (framework == NULL)
    return NULL;
  framework->description =
    g_strdup ("Nested levels of influence, from the person to society: "
              "individual, interpersonal, community, organisational, "
              "societal.");
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    mte_framework_add_level (framework, levels[i].key, levels[i].label, NULL);
  return framework;
}

const char *
mte_framework_get_name (const MteFramework *framework)
{
  g_return_val_if_fail (framework != NULL, NULL);
  return framework->name;
}

gboolean
mte_framework_set_name (MteFramework *framework,
                        const char   *name,
                        GError      **error)
{
  g_return_val_if_fail (framework != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  return mte_set_string (framework->base.project, &framework->name, name,
                         FALSE, "framework name", error);
}

const char *
mte_framework_get_description (const MteFramework *framework)
{
  g_return_val_if_fail (framework != NULL, NULL);
  return framework->description;
}

gboolean
mte_framework_set_description (MteFramework *framework,
                               const char   *description,
                               GError      **error)
{
  g_return_val_if_fail (framework != NULL, FALSE);
  return mte_set_string (framework->base.project, &framework->description,
                         description, TRUE, "framework description", error);
}

int
mte_framework_find_level (const MteFramework *framework,
                          const char         *key)
{
  g_return_val_if_fail (framework != NULL, -1);
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < framework->levels->len; i++)
    {
      const MteLevel *level = g_ptr_array_index (framework->levels, i);

      if (strcmp (level->key, key) == 0)
        return (int) i;
    }
  return -1;
}

static MteLevel *
require_level (const MteFramework *framework,
               const char         *key,
               GError            **error)
{
  int i = mte_framework_find_level (framework, key);

  if (i < 0)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_NOT_FOUND,
                   "framework '%s' has no level '%s'", framework->base.id,
                   key);
      return NULL;
    }
  return g_ptr_array_index (framework->levels, i);
}

gboolean
mte_framework_add_level (MteFramework *framework,
                         const char   *key,
                         const char   *label,
                         GError      **error)
{
  MteLevel *level;

  g_return_val_if_fail (framework != NULL, FALSE);

  if (!mte_check_id (key, "level key", error) ||
      !mte_check_utf8 (label, "level label", error))
    return FALSE;
  if (mte_framework_find_level (framework, key) >= 0)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_DUPLICATE_ID,
                   "framework '%s' already has a level '%s'",
                   framework->base.id, key);
      return FALSE;
    }
  level = g_new0 (MteLevel, 1);
  level->key = g_strdup (key);
  level->label = (label != NULL && label[0] != '\0' && strcmp (label, key) != 0)
                 ? g_strdup (label) : NULL;
  g_ptr_array_add (framework->levels, level);
  mte_project_touch (framework->base.project);
  return TRUE;
}

gboolean
mte_framework_remove_level (MteFramework   *framework,
                            const char     *key,
                            MteRemoveFlags  flags,
                            GError        **error)
{
  MteLevel *level;
  guint n_classified = 0;

  g_return_val_if_fail (framework != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  level = require_level (framework, key, error);
  if (level == NULL)
    return FALSE;

  if (!(flags & MTE_REMOVE_CASCADE))
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < framework->classifications->len; i++)
        {
          MteClassification *c = &g_array_index (framework->classifications,
                                                 MteClassification, i);
          if (c->level != level)
            continue;
          if (n_classified < 5)
            g_string_append_printf (names, "%s%s '%s'",
                                    n_classified > 0 ? ", " : "",
                                    mte_entity_kind_to_string (c->entity->kind),
                                    c->entity->id);
          n_classified++;
        }
      if (n_classified > 0)
        {
          if (n_classified > 5)
            g_string_append_printf (names, " and %u more", n_classified - 5);
          mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_HAS_DEPENDENTS,
                       "level '%s' of framework '%s' classifies %s", key,
                       framework->base.id, names->str);
          return FALSE;
        }
    }

  for (guint i = framework->classifications->len; i-- > 0;)
    {
      MteClassification c = g_array_index (framework->classifications,
                                           MteClassification, i);
      if (c.level != level)
        continue;
      index_remove (framework, c.entity, level);
      g_array_remove_index (framework->classifications, i);
    }
  g_ptr_array_remove (framework->levels, level);
  mte_project_touch (framework->base.project);
  return TRUE;
}

guint
mte_framework_get_n_levels (const MteFramework *framework)
{
  g_return_val_if_fail (framework != NULL, 0);
  return framework->levels->len;
}

const char *
mte_framework_get_level_key (const MteFramework *framework,
                             guint               index)
{
  g_return_val_if_fail (framework != NULL, NULL);
  g_return_val_if_fail (index < framework->levels->len, NULL);
  return ((MteLevel *) g_ptr_array_index (framework->levels, index))->key;
}

const char *
mte_framework_get_level_label (const MteFramework *framework,
                               guint               index)
{
  const MteLevel *level;

  g_return_val_if_fail (framework != NULL, NULL);
  g_return_val_if_fail (index < framework->levels->len, NULL);
  level = g_ptr_array_index (framework->levels, index);
  return level->label != NULL ? level->label : level->key;
}

gboolean
mte_framework_set_level_label (MteFramework *framework,
                               const char   *key,
                               const char   *label,
                               GError      **error)
{
  MteLevel *level;

  g_return_val_if_fail (framework != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  level = require_level (framework, key, error);
  if (level == NULL || !mte_check_utf8 (label, "level label", error))
    return FALSE;
  if (label != NULL && (label[0] == '\0' || strcmp (label, key) == 0))
    label = NULL;
  g_free (level->label);
  level->label = g_strdup (label);
  mte_project_touch (framework->base.project);
  return TRUE;
}

static gboolean
is_classified (const MteFramework *framework,
               const MteEntity    *entity,
               const MteLevel     *level)
{
  GPtrArray *levels = g_hash_table_lookup (framework->by_entity, entity);

  return levels != NULL && g_ptr_array_find (levels, level, NULL);
}

static void
index_remove (MteFramework    *framework,
              const MteEntity *entity,
              const MteLevel  *level)
{
  GPtrArray *levels = g_hash_table_lookup (framework->by_entity, entity);

  if (levels == NULL)
    return;
  g_ptr_array_remove (levels, (gpointer) level);
  if (levels->len == 0)
    g_hash_table_remove (framework->by_entity, entity);
}

static int
find_classification (const MteFramework *framework,
                     const MteEntity    *entity,
                     const MteLevel     *level)
{
  if (!is_classified (framework, entity, level))
    return -1;
  for (guint i = 0; i < framework->classifications->len; i++)
    {
      const MteClassification *c = &g_array_index (framework->classifications,
                                                   MteClassification, i);
      if (c->entity == entity && c->level == level)
        return (int) i;
    }
  return -1;
}

gboolean
mte_framework_classify (MteFramework *framework,
                        const char   *entity_id,
                        const char   *level_key,
                        GError      **error)
{
  MteEntity *entity;
  MteLevel *level;
  MteClassification c;

  g_return_val_if_fail (framework != NULL, FALSE);
  g_return_val_if_fail (entity_id != NULL, FALSE);
  g_return_val_if_fail (level_key != NULL, FALSE);

  entity = mte_project_require (framework->base.project, entity_id,
                                MTE_ENTITY_NONE, "classified entity", error);
  if (entity == NULL)
    return FALSE;
  if (entity->kind != MTE_ENTITY_CONSTRUCT &&
      entity->kind != MTE_ENTITY_CONCEPT &&
      entity->kind != MTE_ENTITY_THIRD_ORDER)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_WRONG_KIND,
                   "'%s' is a %s; frameworks classify constructs, concepts "
                   "and third-order constructs", entity_id,
                   mte_entity_kind_to_string (entity->kind));
      return FALSE;
    }
  level = require_level (framework, level_key, error);
  if (level == NULL)
    return FALSE;
  if (is_classified (framework, entity, level))
    return TRUE;

  c.entity = entity;
  c.level = level;
  g_array_append_val (framework->classifications, c);
  {
    GPtrArray *levels = g_hash_table_lookup (framework->by_entity, entity);

    if (levels == NULL)
      {
        levels = g_ptr_array_sized_new (1);
        g_hash_table_insert (framework->by_entity, entity, levels);
      }
    g_ptr_array_add (levels, level);
  }
  mte_project_touch (framework->base.project);
  return TRUE;
}

gboolean
mte_framework_unclassify (MteFramework *framework,
                          const char   *entity_id,
                          const char   *level_key)
{
  MteEntity *entity;
  int level_index, i;

  g_return_val_if_fail (framework != NULL, FALSE);
  g_return_val_if_fail (entity_id != NULL, FALSE);
  g_return_val_if_fail (level_key != NULL, FALSE);

  entity = mte_project_lookup (framework->base.project, entity_id);
  level_index = mte_framework_find_level (framework, level_key);
  if (entity == NULL || level_index < 0)
    return FALSE;
  i = find_classification (framework, entity,
                           g_ptr_array_index (framework->levels, level_index));
  if (i < 0)
    return FALSE;
  index_remove (framework, entity,
                g_ptr_array_index (framework->levels, level_index));
  g_array_remove_index (framework->classifications, (guint) i);
  mte_project_touch (framework->base.project);
  return TRUE;
}

guint
mte_framework_get_n_classifications (const MteFramework *framework)
{
  g_return_val_if_fail (framework != NULL, 0);
  return framework->classifications->len;
}

void
mte_framework_get_classification (const MteFramework *framework,
                                  guint               index,
                                  MteEntity         **entity,
                                  const char        **level_key)
{
  const MteClassification *c;

  g_return_if_fail (framework != NULL);
  g_return_if_fail (index < framework->classifications->len);

  c = &g_array_index (framework->classifications, MteClassification, index);
  if (entity != NULL)
    *entity = c->entity;
  if (level_key != NULL)
    *level_key = c->level->key;
}

char **
mte_framework_dup_levels_of (const MteFramework *framework,
                             const char         *entity_id)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  MteEntity *entity;

  g_return_val_if_fail (framework != NULL, NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  entity = mte_project_lookup (framework->base.project, entity_id);
  for (guint l = 0; entity != NULL && l < framework->levels->len; l++)
    {
      MteLevel *level = g_ptr_array_index (framework->levels, l);

      if (is_classified (framework, entity, level))
        g_ptr_array_add (keys, g_strdup (level->key));
    }
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_steal (keys, NULL);
}
