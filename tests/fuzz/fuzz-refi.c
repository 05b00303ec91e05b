/* Fuzz target for the tolerant REFI-QDA reader (lib/io/mte-refi-read.c).
 *
 * The input is parsed as a .qde/.qdc document. It must either give a
 * document or fail with one MTE_FORMAT_ERROR whose message is a single
 * line of valid UTF-8 naming the input, never both. A document must hold
 * what the header promises (every array there, guids non-NULL where it
 * says so, one-line notices, every code found again by its GUID in any
 * case, a path for every code); every source path maps to an archive
 * name or NULL, never one that climbs out; and each text source's inline
 * text, once normalised, resolves every selection to valid UTF-8 or to
 * FALSE. The input's bytes are also read as a source text, and a few
 * positions taken from them selected. Built as a libFuzzer binary with
 * -Dfuzzing=true and as an ordinary test (fuzz-driver.c) over
 * tests/fuzz/refi-corpus otherwise. White-box: the internal library.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mte-refi-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define INPUT_NAME "fuzz-input"

static void
fail (const char   *what,
      const GError *error)
{
  fprintf (stderr, "fuzz-refi: %s%s%s\n", what, error ? ": " : "", error ? error->message : "");
  abort ();
}

static void
check_one_line (const char *text,
                const char *what)
{
  if (text == NULL || strchr (text, '\n') != NULL || !g_utf8_validate (text, -1, NULL))
    fail (what, NULL);
}

static void
check_archive_name (const char *path)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) parts = NULL;

  if (path == NULL)
    return;
  name = mte_refi_path_to_archive_name (path);
  if (name == NULL)
    return;
  if (strchr (name, '\\') != NULL)
    fail ("a source path maps to a name with a backslash", NULL);
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      fail ("a source path maps to a name that could leave its folder", NULL);
}

static void
check_selection (const char *text,
                 guint64     start,
                 guint64     end)
{
  char *words = (char *) "unset";
  gboolean ok = mte_refi_source_select (text, start, end, &words);

  if (ok != (words != NULL))
    fail ("select's result and its text disagree", NULL);
  if (ok && !g_utf8_validate (words, -1, NULL))
    fail ("a selection of a valid text is not UTF-8", NULL);
  if (ok && strchr (words, '\r') != NULL)
    fail ("a selection kept a CR", NULL);
  if (ok && start > end)
    fail ("reversed positions selected something", NULL);
  g_free (words);
}

static void
check_codes (const MteRefiDoc *doc,
             const GPtrArray  *codes,
             const MteRefiCode *parent,
             guint             depth)
{
  if (codes == NULL)
    fail ("a code has no children array", NULL);
  if (depth > MTE_REFI_MAX_CODE_DEPTH)
    fail ("codes deeper than the bound were read", NULL);
  for (guint i = 0; i < codes->len; i++)
    {
      const MteRefiCode *code = g_ptr_array_index (codes, i);
      g_autofree char *path = mte_refi_code_dup_path (code);
      g_autofree char *upper = NULL;
      const MteRefiCode *found;

      if (code->parent != parent || code->name == NULL || code->note_refs == NULL)
        fail ("a code is malformed", NULL);
      if (path == NULL || !g_str_has_suffix (path, code->name))
        fail ("a code's path does not end in its name", NULL);
      if (code->guid != NULL)
        {
          /* Some code of this GUID (the first of twins) is found, in any
           * case. */
          upper = g_ascii_strup (code->guid, -1);
          found = mte_refi_doc_lookup_code (doc, upper);
          if (found == NULL || mte_refi_doc_lookup_code (doc, code->guid) != found)
            fail ("a code is not found by its GUID in every case", NULL);
        }
      check_codes (doc, code->children, code, depth + 1);
    }
}

static void
check_document (const MteRefiDoc *doc)
{
  GHashTableIter iter;
  gpointer key;

  if (doc->users == NULL || doc->codes == NULL || doc->codes_by_guid == NULL
      || doc->variables == NULL || doc->cases == NULL || doc->sources == NULL
      || doc->notes == NULL || doc->sets == NULL || doc->graphs == NULL || doc->links == NULL
      || doc->notices == NULL || doc->unknown_elements == NULL
      || doc->unknown_attributes == NULL || doc->note_refs == NULL)
    fail ("a document lacks an array", NULL);
  if (doc->kind != MTE_REFI_DOC_PROJECT && doc->kind != MTE_REFI_DOC_CODEBOOK)
    fail ("a document of no kind", NULL);
  if (doc->notices->len > 1001)
    fail ("more notices than the bound", NULL);
  for (guint i = 0; i < doc->notices->len; i++)
    check_one_line (((const MteRefiNotice *) g_ptr_array_index (doc->notices, i))->message,
                    "a notice is not one line of UTF-8");
  for (guint i = 0; i < doc->users->len; i++)
    if (((const MteRefiUser *) g_ptr_array_index (doc->users, i))->guid == NULL)
      fail ("a user without a GUID", NULL);
  for (guint i = 0; i < doc->variables->len; i++)
    if (((const MteRefiVariable *) g_ptr_array_index (doc->variables, i))->guid == NULL)
      fail ("a variable without a GUID", NULL);
  for (guint i = 0; i < doc->links->len; i++)
    {
      const MteRefiLink *link = g_ptr_array_index (doc->links, i);

      if (link->origin_guid == NULL || link->target_guid == NULL)
        fail ("a link without both ends", NULL);
    }
  check_codes (doc, doc->codes, NULL, 1);
  g_hash_table_iter_init (&iter, doc->codes_by_guid);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (mte_refi_doc_lookup_code (doc, key) == NULL)
      fail ("a GUID key finds no code", NULL);

  for (guint i = 0; i < doc->sources->len; i++)
    {
      const MteRefiSource *source = g_ptr_array_index (doc->sources, i);
      g_autofree char *text = NULL;

      if (source->selections == NULL || source->codings == NULL
          || source->variable_values == NULL || source->note_refs == NULL)
        fail ("a source lacks an array", NULL);
      check_archive_name (source->path);
      check_archive_name (source->rich_text_path);
      check_archive_name (source->representation_path);
      for (guint j = 0; j < source->codings->len; j++)
        if (((const MteRefiCoding *) g_ptr_array_index (source->codings, j))->code_guid == NULL)
          fail ("a coding names no code", NULL);
      if (source->inline_text == NULL)
        continue;
      /* Text from libxml2 is UTF-8 without NUL: it must normalise. */
      text = mte_refi_source_text_normalise (source->inline_text, strlen (source->inline_text),
                                             NULL);
      if (text == NULL)
        fail ("an inline text does not normalise", NULL);
      for (guint j = 0; j < source->selections->len; j++)
        {
          const MteRefiSelection *sel = g_ptr_array_index (source->selections, j);

          if (sel->codings == NULL || sel->note_refs == NULL)
            fail ("a selection lacks an array", NULL);
          check_selection (text, sel->start, sel->end);
        }
    }
}

/* The input as a source text: normalised or refused, never both, and a
 * few positions from its first bytes selected. */
static void
as_source_text (const uint8_t *data,
                size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = mte_refi_source_text_normalise ((const char *) data, size, &error);
  guint64 positions[4] = { 0 };

  if ((text == NULL) == (error == NULL))
    fail ("normalise returned a text and an error, or neither", error);
  if (text == NULL)
    {
      if (error->domain != MTE_FORMAT_ERROR)
        fail ("normalise failed outside the MTE_FORMAT_ERROR domain", error);
      check_one_line (error->message, "a normalise error is not one line");
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    fail ("a normalised text is not UTF-8", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (positions) && i < size; i++)
    positions[i] = data[i] % 16;
  check_selection (text, positions[0], positions[0] + positions[1]);
  check_selection (text, positions[2], positions[3]);
  check_selection (text, 0, strlen (text));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MteRefiDoc) doc = NULL;

  doc = mte_refi_doc_parse ((const char *) data, size, INPUT_NAME, &error);
  if (doc == NULL)
    {
      if (error == NULL)
        fail ("parse returned NULL without an error", NULL);
      if (error->domain != MTE_FORMAT_ERROR)
        fail ("parse failed outside the MTE_FORMAT_ERROR domain", error);
      check_one_line (error->message, "the error message is not one line of UTF-8");
      if (!g_str_has_prefix (error->message, INPUT_NAME ":"))
        fail ("the error message does not start with the input's name", error);
      for (const char *p = error->message; *p != '\0'; p++)
        if ((guchar) *p < 0x20 || *p == 0x7F)
          fail ("the error message holds a control character", error);
    }
  else
    {
      if (error != NULL)
        fail ("parse returned a document and set an error", error);
      check_document (doc);
    }

  as_source_text (data, size);
  return 0;
}
