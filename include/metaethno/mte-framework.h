/* metaethno: classification frameworks (e.g. socio-ecological levels).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_FRAMEWORK_H
#define MTE_FRAMEWORK_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * mte_project_add_framework:
 * @project: a project
 * @id: (nullable): the framework's id, e.g. "sel"; NULL to derive one
 *   from @name (see mte_project_generate_slug_id())
 * @name: its name, e.g. "Socio-ecological model"; not NULL
 * @error: return location for a #GError
 *
 * Appends an empty framework; give it levels with mte_framework_add_level().
 * Frameworks are data, so a project may hold several.
 *
 * Returns: (transfer none): the framework, owned by @project; NULL with
 *   @error set on an invalid or duplicate id or invalid UTF-8.
 */
MTE_API MteFramework *mte_project_add_framework (MteProject *project,
                                                 const char *id,
                                                 const char *name,
                                                 GError    **error);

/**
 * mte_project_add_socio_ecological_framework:
 * @project: a project
 * @id: (nullable): the framework's id; NULL for "socio-ecological"
 * @error: return location for a #GError
 *
 * Convenience: adds the five-level socio-ecological framework with level
 * keys "individual", "interpersonal", "community", "organisational" and
 * "societal", in that order.
 *
 * Returns: (transfer none): the framework; NULL with @error set when the
 *   id is invalid or taken.
 */
MTE_API MteFramework *mte_project_add_socio_ecological_framework (MteProject *project,
                                                                  const char *id,
                                                                  GError    **error);

/**
 * mte_project_get_n_frameworks:
 * @project: a project
 *
 * Returns: the number of frameworks.
 */
MTE_API guint mte_project_get_n_frameworks (const MteProject *project);

/**
 * mte_project_get_framework:
 * @project: a project
 * @index: 0 to mte_project_get_n_frameworks() - 1
 *
 * Returns: (transfer none): the framework at @index, in the order added.
 */
MTE_API MteFramework *mte_project_get_framework (const MteProject *project,
                                                 guint             index);

/**
 * mte_project_lookup_framework:
 * @project: a project
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the framework, or NULL.
 */
MTE_API MteFramework *mte_project_lookup_framework (const MteProject *project,
                                                    const char       *id);

/**
 * mte_framework_get_id:
 * @framework: a framework
 *
 * Returns: (transfer none): its id.
 */
MTE_API const char *mte_framework_get_id (const MteFramework *framework);

/**
 * mte_framework_get_name:
 * @framework: a framework
 *
 * Returns: (transfer none): its name; never NULL.
 */
MTE_API const char *mte_framework_get_name (const MteFramework *framework);

/**
 * mte_framework_set_name:
 * @framework: a framework
 * @name: the name; not NULL
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @name is not valid UTF-8.
 */
MTE_API gboolean mte_framework_set_name (MteFramework *framework,
                                         const char   *name,
                                         GError      **error);

/**
 * mte_framework_get_description:
 * @framework: a framework
 *
 * Returns: (transfer none) (nullable): a description or citation.
 */
MTE_API const char *mte_framework_get_description (const MteFramework *framework);

/**
 * mte_framework_set_description:
 * @framework: a framework
 * @description: (nullable): a description
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE when @description is not valid UTF-8.
 */
MTE_API gboolean mte_framework_set_description (MteFramework *framework,
                                                const char   *description,
                                                GError      **error);

/**
 * mte_framework_add_level:
 * @framework: a framework
 * @key: the level's key, unique within the framework (id syntax)
 * @label: (nullable): a display label; NULL uses @key
 * @error: return location for a #GError
 *
 * Appends a level; levels are ordered (e.g. individual before societal).
 *
 * Returns: TRUE on success; FALSE on an invalid or duplicate key.
 */
MTE_API gboolean mte_framework_add_level (MteFramework *framework,
                                          const char   *key,
                                          const char   *label,
                                          GError      **error);

/**
 * mte_framework_remove_level:
 * @framework: a framework
 * @key: a level key
 * @flags: %MTE_REMOVE_CASCADE to also drop the classifications into it
 * @error: return location for a #GError
 *
 * Returns: TRUE when removed; FALSE with %MTE_MODEL_ERROR_NOT_FOUND, or
 *   %MTE_MODEL_ERROR_HAS_DEPENDENTS (naming the classified entities).
 */
MTE_API gboolean mte_framework_remove_level (MteFramework   *framework,
                                             const char     *key,
                                             MteRemoveFlags  flags,
                                             GError        **error);

/**
 * mte_framework_get_n_levels:
 * @framework: a framework
 *
 * Returns: the number of levels.
 */
MTE_API guint mte_framework_get_n_levels (const MteFramework *framework);

/**
 * mte_framework_get_level_key:
 * @framework: a framework
 * @index: 0 to mte_framework_get_n_levels() - 1
 *
 * Returns: (transfer none): the key of the level at @index.
 */
MTE_API const char *mte_framework_get_level_key (const MteFramework *framework,
                                                 guint               index);

/**
 * mte_framework_get_level_label:
 * @framework: a framework
 * @index: 0 to mte_framework_get_n_levels() - 1
 *
 * Returns: (transfer none): the label of the level at @index; never NULL.
 */
MTE_API const char *mte_framework_get_level_label (const MteFramework *framework,
                                                   guint               index);

/**
 * mte_framework_set_level_label:
 * @framework: a framework
 * @key: a level key
 * @label: (nullable): the label; NULL uses the key
 * @error: return location for a #GError
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_NOT_FOUND or on
 *   invalid UTF-8.
 */
MTE_API gboolean mte_framework_set_level_label (MteFramework *framework,
                                                const char   *key,
                                                const char   *label,
                                                GError      **error);

/**
 * mte_framework_find_level:
 * @framework: a framework
 * @key: a level key
 *
 * Returns: the index of the level, or -1.
 */
MTE_API int mte_framework_find_level (const MteFramework *framework,
                                      const char         *key);

/**
 * mte_framework_classify:
 * @framework: a framework
 * @entity_id: the id of a construct, concept or third-order construct
 * @level_key: a level of @framework
 * @error: return location for a #GError
 *
 * Places the entity at a level. An entity may sit at several levels (a
 * finding that spans individual and organisational factors). Classifying
 * again at the same level does nothing and succeeds.
 *
 * Returns: TRUE on success; FALSE with %MTE_MODEL_ERROR_NOT_FOUND or
 *   %MTE_MODEL_ERROR_WRONG_KIND.
 */
MTE_API gboolean mte_framework_classify (MteFramework *framework,
                                         const char   *entity_id,
                                         const char   *level_key,
                                         GError      **error);

/**
 * mte_framework_unclassify:
 * @framework: a framework
 * @entity_id: an entity id
 * @level_key: a level key
 *
 * Returns: TRUE when the classification existed and is now removed.
 */
MTE_API gboolean mte_framework_unclassify (MteFramework *framework,
                                           const char   *entity_id,
                                           const char   *level_key);

/**
 * mte_framework_get_n_classifications:
 * @framework: a framework
 *
 * Returns: the number of (entity, level) classifications.
 */
MTE_API guint mte_framework_get_n_classifications (const MteFramework *framework);

/**
 * mte_framework_get_classification:
 * @framework: a framework
 * @index: 0 to mte_framework_get_n_classifications() - 1
 * @entity: (out) (optional) (transfer none): the classified entity
 * @level_key: (out) (optional) (transfer none): its level's key
 *
 * Reads one classification, in the order they were made.
 */
MTE_API void mte_framework_get_classification (const MteFramework *framework,
                                               guint               index,
                                               MteEntity         **entity,
                                               const char        **level_key);

/**
 * mte_framework_dup_levels_of:
 * @framework: a framework
 * @entity_id: an entity id
 *
 * Returns: (transfer full) (array zero-terminated=1): the keys of the
 *   levels @entity_id is classified at, in level order; empty when none.
 *   Free with g_strfreev().
 */
MTE_API char **mte_framework_dup_levels_of (const MteFramework *framework,
                                            const char         *entity_id);

G_END_DECLS

#endif /* MTE_FRAMEWORK_H */
