/* metaethno: run-time version.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

const char *
mte_get_version_string (void)
{
  return MTE_VERSION_S;
}

unsigned int
mte_get_major_version (void)
{
  return MTE_MAJOR_VERSION;
}

unsigned int
mte_get_minor_version (void)
{
  return MTE_MINOR_VERSION;
}

unsigned int
mte_get_micro_version (void)
{
  return MTE_MICRO_VERSION;
}
