/* metaethno: error domains.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_ERROR_H
#define MTE_ERROR_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/*
 * Conventions: every fallible call takes `GError **error` last and returns
 * FALSE or NULL exactly when it sets the error. Messages are one line, say
 * what is wrong and where, and never start with "Failed to". Passing NULL
 * where the documentation forbids it is a programming error, reported with
 * g_return_val_if_fail() (a g_critical) and never through GError.
 * Failures of the operating system when saving are reported in the
 * G_FILE_ERROR domain.
 */

/**
 * MTE_MODEL_ERROR:
 *
 * Error domain for changes to the model that would break its rules.
 */
#define MTE_MODEL_ERROR (mte_model_error_quark ())

/**
 * MteModelError:
 * @MTE_MODEL_ERROR_FAILED: catch-all
 * @MTE_MODEL_ERROR_INVALID_ID: an id is empty, too long or uses characters
 *   outside `[A-Za-z0-9_.:-]` (it must start with a letter, digit or `_`)
 * @MTE_MODEL_ERROR_DUPLICATE_ID: the id is already used in the project
 * @MTE_MODEL_ERROR_NOT_FOUND: a referenced id names no entity, or no level,
 *   question or appraisal of the given key
 * @MTE_MODEL_ERROR_WRONG_KIND: a referenced id names an entity of the wrong
 *   kind (e.g. a concept where a construct is required), or a construct of
 *   the wrong order or study
 * @MTE_MODEL_ERROR_HAS_DEPENDENTS: the entity cannot be removed because other
 *   entities refer to it; the message names them
 * @MTE_MODEL_ERROR_INVALID_VALUE: a value is out of range or not allowed
 *   (e.g. an answer the checklist question does not offer, invalid UTF-8)
 */
typedef enum {
  MTE_MODEL_ERROR_FAILED,
  MTE_MODEL_ERROR_INVALID_ID,
  MTE_MODEL_ERROR_DUPLICATE_ID,
  MTE_MODEL_ERROR_NOT_FOUND,
  MTE_MODEL_ERROR_WRONG_KIND,
  MTE_MODEL_ERROR_HAS_DEPENDENTS,
  MTE_MODEL_ERROR_INVALID_VALUE
} MteModelError;

/**
 * MTE_FORMAT_ERROR:
 *
 * Error domain for project files that cannot be loaded. Messages read
 * `FILE:LINE:COLUMN: what is wrong`, or `FILE: what is wrong` when the
 * problem has no place in the text (a file that cannot be opened or read);
 * mte_format_error_get_location() gives the parts. This is an extended error domain (GLib 2.68+): the location
 * survives g_error_copy().
 */
#define MTE_FORMAT_ERROR (mte_format_error_quark ())

/**
 * MteFormatError:
 * @MTE_FORMAT_ERROR_FAILED: catch-all (including unreadable files)
 * @MTE_FORMAT_ERROR_MALFORMED: not well-formed XML, or not UTF-8
 * @MTE_FORMAT_ERROR_FORBIDDEN: a DOCTYPE, entity declaration or other
 *   construct the format refuses for safety
 * @MTE_FORMAT_ERROR_TOO_LARGE: the input exceeds a size or depth bound
 * @MTE_FORMAT_ERROR_SCHEMA: the document does not match the schema
 * @MTE_FORMAT_ERROR_UNSUPPORTED_VERSION: the format version is newer than
 *   this library reads, or the root is not a metaethno project
 * @MTE_FORMAT_ERROR_DUPLICATE_ID: an id is defined twice
 * @MTE_FORMAT_ERROR_UNKNOWN_REFERENCE: a reference names no entity of the
 *   required kind
 * @MTE_FORMAT_ERROR_INVALID_VALUE: a value the schema allows but the model
 *   refuses (e.g. an answer a checklist question does not offer)
 */
typedef enum {
  MTE_FORMAT_ERROR_FAILED,
  MTE_FORMAT_ERROR_MALFORMED,
  MTE_FORMAT_ERROR_FORBIDDEN,
  MTE_FORMAT_ERROR_TOO_LARGE,
  MTE_FORMAT_ERROR_SCHEMA,
  MTE_FORMAT_ERROR_UNSUPPORTED_VERSION,
  MTE_FORMAT_ERROR_DUPLICATE_ID,
  MTE_FORMAT_ERROR_UNKNOWN_REFERENCE,
  MTE_FORMAT_ERROR_INVALID_VALUE
} MteFormatError;

/**
 * MTE_SAVE_ERROR:
 *
 * Error domain for saves that did not happen as asked, for a reason other
 * than the operating system refusing a step (those are %G_FILE_ERROR).
 */
#define MTE_SAVE_ERROR (mte_save_error_quark ())

/**
 * MteSaveError:
 * @MTE_SAVE_ERROR_FAILED: catch-all
 * @MTE_SAVE_ERROR_CHANGED: the file changed on disk (or was removed or
 *   replaced) since it was loaded, by a program that did not take its
 *   lock; nothing was saved, so the other program's change is kept
 * @MTE_SAVE_ERROR_LOCKED: another program holds the file's lock (only
 *   with %MTE_OPEN_NO_WAIT), or this program already has the file open
 *   for changes through another #MteProjectFile; nothing was done
 * @MTE_SAVE_ERROR_NOT_DURABLE: the new content IS in the file (the rename
 *   happened and every reader now sees it), but flushing the folder to
 *   disk failed, so a power cut before the system writes it back could
 *   bring the previous file back. Do not repeat the change: it is saved.
 *   Unlike every other error, the save took effect.
 */
typedef enum {
  MTE_SAVE_ERROR_FAILED,
  MTE_SAVE_ERROR_CHANGED,
  MTE_SAVE_ERROR_LOCKED,
  MTE_SAVE_ERROR_NOT_DURABLE
} MteSaveError;

/**
 * mte_save_error_quark:
 *
 * Returns: the #GQuark of the %MTE_SAVE_ERROR domain.
 */
MTE_API GQuark mte_save_error_quark (void);

/**
 * mte_model_error_quark:
 *
 * Returns: the #GQuark of the %MTE_MODEL_ERROR domain.
 */
MTE_API GQuark mte_model_error_quark (void);

/**
 * mte_format_error_quark:
 *
 * Returns: the #GQuark of the %MTE_FORMAT_ERROR domain.
 */
MTE_API GQuark mte_format_error_quark (void);

/**
 * mte_format_error_get_location:
 * @error: an error in the %MTE_FORMAT_ERROR domain
 * @file: (out) (optional) (transfer none): the file name as given to the
 *   loader (or the name passed to mte_project_load_from_data()); valid as
 *   long as @error
 * @line: (out) (optional): 1-based line, 0 when unknown
 * @column: (out) (optional): 1-based column, 0 when unknown
 *
 * Where in the input a load failed.
 *
 * Returns: TRUE when @error is a format error carrying a location; FALSE
 *   (and out parameters untouched) otherwise.
 */
MTE_API gboolean mte_format_error_get_location (const GError *error,
                                                const char  **file,
                                                int          *line,
                                                int          *column);

G_END_DECLS

#endif /* MTE_ERROR_H */
