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

/*
 * A file name for a message: valid UTF-8 whatever the bytes of the name
 * (a byte that is not part of UTF-8 is written \xHH) and control
 * characters escaped as by mte_message_text(), never cut.
 */
char *mte_message_path (const char *path);

/*
 * Every library error message passes through this before it is set: the
 * result is valid UTF-8 on one line (control characters escaped as above),
 * any quoted value ('...') longer than MTE_MESSAGE_MAX_QUOTED characters
 * is cut with "…", and the whole is cut after MTE_MESSAGE_MAX characters
 * (an escape under way is finished first).
 */
#define MTE_MESSAGE_MAX_QUOTED 80
#define MTE_MESSAGE_MAX 1000
char *mte_message_clean (const char *message);

/*
 * g_set_error() with the message cleaned by mte_message_clean(). The
 * library sets its errors with this (or mte_format_error_set()), so no
 * error from it spans two lines or quotes a megabyte.
 */
void mte_set_error (GError    **error,
                    GQuark      domain,
                    int         code,
                    const char *format,
                    ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS

#endif /* MTE_ERROR_PRIVATE_H */
