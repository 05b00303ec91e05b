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

/*
 * Error and report messages are one line. Text a user wrote (an answer, a
 * label, a key) may hold newlines and other control characters: pass it
 * through this before putting it in a message. Returns a new string with
 * tab, newline and carriage return written as \t, \n, \r and other C0
 * characters as \xHH, cut to @max_chars characters with "…" (0: no limit).
 */
char *mte_message_text (const char *text, guint max_chars);

G_END_DECLS

#endif /* MTE_ERROR_PRIVATE_H */
