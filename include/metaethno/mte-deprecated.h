/* metaethno: names kept for programs built against 0.1.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_DEPRECATED_H
#define MTE_DEPRECATED_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>
#include <metaethno/mte-study.h>
#include <metaethno/mte-line-of-argument.h>

G_BEGIN_DECLS

/*
 * In 0.1 these four functions were named _get_ although they return memory
 * the caller owns. Since 0.2 a _get_ function always returns borrowed
 * memory and a _dup_ function a copy the caller frees; the old names
 * remain as aliases with the same behaviour and will go at 1.0.
 */

/** mte_project_get_study_order: deprecated alias of mte_project_dup_study_order(). */
MTE_API MteStudy **mte_project_get_study_order (const MteProject *project,
                                                MteStudyOrder     order,
                                                guint            *n_studies)
    MTE_DEPRECATED_FOR (mte_project_dup_study_order);

/** mte_project_get_dependents: deprecated alias of mte_project_dup_dependents(). */
MTE_API char **mte_project_get_dependents (const MteProject *project,
                                           const char       *id)
    MTE_DEPRECATED_FOR (mte_project_dup_dependents);

/** mte_framework_get_levels_of: deprecated alias of mte_framework_dup_levels_of(). */
MTE_API char **mte_framework_get_levels_of (const MteFramework *framework,
                                            const char         *entity_id)
    MTE_DEPRECATED_FOR (mte_framework_dup_levels_of);

/** mte_line_of_argument_get_levels: deprecated alias of mte_line_of_argument_dup_levels(). */
MTE_API char **mte_line_of_argument_get_levels (const MteLineOfArgument *loa,
                                                guint                    index,
                                                const MteFramework      *framework)
    MTE_DEPRECATED_FOR (mte_line_of_argument_dup_levels);

G_END_DECLS

#endif /* MTE_DEPRECATED_H */
