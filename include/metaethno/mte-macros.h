/* metaethno: export and availability macros.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_MACROS_H
#define MTE_MACROS_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

/**
 * MTE_API:
 *
 * Marks a function as part of the public ABI. The library is built with
 * hidden visibility; only symbols carrying this macro are exported.
 */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(MTE_COMPILATION)
#    define MTE_API __declspec(dllexport) extern
#  else
#    define MTE_API __declspec(dllimport) extern
#  endif
#elif defined(__GNUC__)
#  define MTE_API __attribute__((visibility("default"))) extern
#else
#  define MTE_API extern
#endif

/**
 * MTE_DEPRECATED_FOR:
 * @f: the function to use instead
 *
 * Marks a function kept only so that programs built against an older
 * release still link. Compilers warn where it is called and name @f.
 */
#if defined(__GNUC__) && !defined(MTE_COMPILATION)
#  define MTE_DEPRECATED_FOR(f) __attribute__((deprecated("use " #f " instead")))
#else
#  define MTE_DEPRECATED_FOR(f)
#endif

#endif /* MTE_MACROS_H */
