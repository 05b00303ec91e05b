/* metaethno: the 0.1 names of functions renamed in 0.2.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

MteStudy **
mte_project_get_study_order (const MteProject *project,
                             MteStudyOrder     order,
                             guint            *n_studies)
{
  return mte_project_dup_study_order (project, order, n_studies);
}

char **
mte_project_get_dependents (const MteProject *project,
                            const char       *id)
{
  return mte_project_dup_dependents (project, id);
}

char **
mte_framework_get_levels_of (const MteFramework *framework,
                             const char         *entity_id)
{
  return mte_framework_dup_levels_of (framework, entity_id);
}

char **
mte_line_of_argument_get_levels (const MteLineOfArgument *loa,
                                 guint                    index,
                                 const MteFramework      *framework)
{
  return mte_line_of_argument_dup_levels (loa, index, framework);
}
