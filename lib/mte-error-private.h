/* metaethno: internal helpers for raising errors.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_ERROR_PRIVATE_H
#define MTE_ERROR_PRIVATE_H

#include <metaethno/metaethno.h>

G_BEGIN_DECLS

/*
 * Sets @error to an %MTE_FORMAT_ERROR whose message is
 * "FILE:LINE:COLUMN: <formatted message>" (LINE and COLUMN left out when 0)
 * and whose location mte_format_error_get_location() returns. @file may be
 * NULL ("<data>").
 */
void mte_format_error_set (GError    **error,
                           MteFormatError code,
                           const char *file,
                           int         line,
                           int         column,
                           const char *format,
                           ...) G_GNUC_PRINTF (6, 7);

G_END_DECLS

#endif /* MTE_ERROR_PRIVATE_H */
