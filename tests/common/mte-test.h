/* metaethno tests: a small layer over CUnit.
 *
 * Each test program lists its cases in a table and calls mte_test_run(),
 * which returns non-zero when any assertion failed, so that meson sees the
 * failure (CUnit's own runner always returns 0).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_TEST_H
#define MTE_TEST_H

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <glib.h>
#include <stdio.h>

typedef struct {
  const char *name;
  void      (*func) (void);
} MteTestCase;

/* Asserts that @expr (a gboolean call taking &error) failed with the given
 * domain and code, and clears the error. */
#define MTE_ASSERT_ERROR(err, dom, cod)                                       \
  do {                                                                        \
    CU_ASSERT_PTR_NOT_NULL_FATAL (err);                                       \
    CU_ASSERT_EQUAL ((err)->domain, (dom));                                   \
    CU_ASSERT_EQUAL ((err)->code, (cod));                                     \
    g_clear_error (&(err));                                                   \
  } while (0)

#define MTE_ASSERT_NO_ERROR(err)                                              \
  do {                                                                        \
    if ((err) != NULL)                                                        \
      fprintf (stderr, "unexpected error: %s\n", (err)->message);             \
    CU_ASSERT_PTR_NULL_FATAL (err);                                           \
  } while (0)

#define MTE_ASSERT_STR(a, b) CU_ASSERT_STRING_EQUAL ((a), (b))

static inline int
mte_test_run (const char        *suite_name,
              const MteTestCase *cases,
              gsize              n_cases)
{
  CU_pSuite suite;
  unsigned int failures;

  if (CU_initialize_registry () != CUE_SUCCESS)
    return 2;
  suite = CU_add_suite (suite_name, NULL, NULL);
  if (suite == NULL)
    return 2;
  for (gsize i = 0; i < n_cases; i++)
    if (CU_add_test (suite, cases[i].name, cases[i].func) == NULL)
      return 2;

  CU_basic_set_mode (CU_BRM_VERBOSE);
  if (CU_basic_run_tests () != CUE_SUCCESS)
    {
      CU_cleanup_registry ();
      return 2;
    }
  failures = CU_get_number_of_failures () + CU_get_number_of_tests_failed ();
  CU_cleanup_registry ();
  return failures == 0 ? 0 : 1;
}

#define MTE_TEST_MAIN(suite_name, cases)                                      \
  int                                                                         \
  main (void)                                                                 \
  {                                                                           \
    return mte_test_run ((suite_name), (cases), G_N_ELEMENTS (cases));        \
  }

#endif /* MTE_TEST_H */
