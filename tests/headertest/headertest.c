/* The umbrella header alone compiles under -std=c11 -Wall -Wextra
 * -pedantic -Werror, and the library it links against is the version the
 * header describes.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <stdio.h>
#include <string.h>

#if !MTE_CHECK_VERSION (0, 0, 0)
#error "MTE_CHECK_VERSION (0, 0, 0) must hold for every version"
#endif

int
main (void)
{
  const char *runtime = mte_get_version_string ();

  if (strcmp (runtime, MTE_VERSION_S) != 0 ||
      mte_get_major_version () != MTE_MAJOR_VERSION ||
      mte_get_minor_version () != MTE_MINOR_VERSION ||
      mte_get_micro_version () != MTE_MICRO_VERSION)
    {
      fprintf (stderr, "headers say %s, the library says %s\n", MTE_VERSION_S, runtime);
      return 1;
    }
  printf ("metaethno %s\n", runtime);
  return 0;
}
