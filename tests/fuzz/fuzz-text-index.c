/* Fuzz target for the text-similarity index (mte-similarity.h).
 *
 * The input is cut at NUL and newline bytes into pieces; each piece, valid
 * UTF-8 or not, goes to mte_text_index_terms(), is set under a key made
 * from its first byte (so that later pieces replace and remove earlier
 * documents), is queried as text and by key, and every fourth piece
 * removes a document. For both weightings and for English and French
 * (the apostrophe rule differs): set fails exactly on invalid UTF-8 with
 * MTE_MODEL_ERROR_INVALID_VALUE; the number of documents follows the
 * keys set and removed; terms are non-empty UTF-8; matches are at most
 * top_k, have finite positive scores (at most 1 for tf-idf) in order,
 * distinct keys of documents the index holds, never the excluded key, and
 * at least one shared word each. Built as a libFuzzer binary with
 * -Dfuzzing=true and as an ordinary test (fuzz-driver.c) over
 * tests/fuzz/text-corpus otherwise.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <metaethno/metaethno.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fail (const char *what)
{
  fprintf (stderr, "fuzz-text-index: %s\n", what);
  abort ();
}

static void
check_matches (MteTextIndex *index,
               MteMatches   *matches,
               guint         top_k,
               const char   *exclude,
               MteWeighting  weighting)
{
  guint n;

  if (matches == NULL)
    fail ("a query returned NULL");
  n = mte_matches_get_n (matches);
  if (n > top_k || n > mte_text_index_get_n_documents (index))
    fail ("more matches than asked or than documents");
  for (guint i = 0; i < n; i++)
    {
      const char *key = mte_matches_get_key (matches, i);
      double score = mte_matches_get_score (matches, i);
      const char * const *shared = mte_matches_get_shared (matches, i);

      if (key == NULL || !mte_text_index_contains (index, key))
        fail ("a match names no document");
      if (exclude != NULL && strcmp (key, exclude) == 0)
        fail ("the excluded document matched");
      if (!isfinite (score) || !(score > 0.0))
        fail ("a score is not finite and positive");
      if (weighting == MTE_WEIGHTING_TFIDF && score > 1.0 + 1e-9)
        fail ("a cosine above 1");
      if (shared == NULL || shared[0] == NULL)
        fail ("a match shares no word");
      for (guint w = 0; shared[w] != NULL; w++)
        if (!g_utf8_validate (shared[w], -1, NULL) || shared[w][0] == '\0')
          fail ("a shared word is not UTF-8");
      if (i > 0)
        {
          double before = mte_matches_get_score (matches, i - 1);

          if (score > before ||
              (score == before && strcmp (mte_matches_get_key (matches, i - 1), key) >= 0))
            fail ("matches out of order");
        }
    }
}

static void
run (const uint8_t *data,
     size_t         size,
     const char    *language,
     MteWeighting   weighting)
{
  g_autoptr(MteTextIndex) index = mte_text_index_new (language, weighting, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  size_t start = 0;
  guint piece = 0;

  if (index == NULL)
    fail ("a known language was refused");
  while (start <= size)
    {
      size_t end = start;
      g_autofree char *text = NULL;
      char key[8];

      while (end < size && data[end] != '\0' && data[end] != '\n')
        end++;
      text = g_strndup ((const char *) data + start, end - start);
      g_snprintf (key, sizeof key, "k%u", end > start ? data[start] % 16u : 16u);

      {
        g_auto(GStrv) terms = mte_text_index_terms (index, text);

        if (terms == NULL)
          fail ("terms returned NULL");
        for (guint i = 0; terms[i] != NULL; i++)
          if (terms[i][0] == '\0' || !g_utf8_validate (terms[i], -1, NULL))
            fail ("a term is empty or not UTF-8");
      }
      {
        g_autoptr(GError) error = NULL;
        gboolean valid = g_utf8_validate (text, -1, NULL);
        gboolean set = mte_text_index_set (index, key, text, &error);

        if (set != valid)
          fail ("set did not fail exactly on invalid UTF-8");
        if (!set && !g_error_matches (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE))
          fail ("set failed with another error");
        if (set != (error == NULL))
          fail ("set's result and error disagree");
        if (set)
          g_hash_table_add (keys, g_strdup (key));
      }
      if (mte_text_index_get_n_documents (index) != g_hash_table_size (keys))
        fail ("the number of documents is wrong after set");

      for (guint top_k = 0; top_k <= 3; top_k += 3)
        {
          g_autoptr(MteMatches) a = mte_text_index_query (index, text, top_k, NULL);
          g_autoptr(MteMatches) b = mte_text_index_query (index, text, top_k + 1, key);
          g_autoptr(MteMatches) c = mte_text_index_query_key (index, key, top_k + 2);

          check_matches (index, a, top_k, NULL, weighting);
          check_matches (index, b, top_k + 1, key, weighting);
          if (g_hash_table_contains (keys, key) != (c != NULL))
            fail ("query_key disagrees with the keys set");
          if (c != NULL)
            check_matches (index, c, top_k + 2, key, weighting);
        }

      if (piece % 4 == 3)
        {
          char other[8];

          g_snprintf (other, sizeof other, "k%u", (piece / 4) % 17u);
          if (mte_text_index_remove (index, other) != g_hash_table_remove (keys, other))
            fail ("remove disagrees with the keys set");
          if (mte_text_index_get_n_documents (index) != g_hash_table_size (keys))
            fail ("the number of documents is wrong after remove");
        }
      piece++;
      start = end + 1;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (size > 1 << 16)
    return 0;
  run (data, size, "english", MTE_WEIGHTING_BM25);
  run (data, size, "english", MTE_WEIGHTING_TFIDF);
  run (data, size, "fr", MTE_WEIGHTING_TFIDF);
  return 0;
}
