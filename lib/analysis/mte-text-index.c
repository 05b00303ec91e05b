/* metaethno: the text-similarity index. The rules (tokenising, BM25,
 * tf-idf) are in mte-similarity.h; docs/similarity.md explains them.
 *
 * Layout. Terms (stems) are interned: a hash table maps a stem to a dense
 * term number, and each term holds its postings, an unsorted growable
 * array of (document number, term frequency). Documents are numbered
 * densely too, with free lists of removed numbers for both. A document
 * keeps its terms sorted by stem, each with its frequency, the position of
 * its posting in the term's array (so that removal is a swap-remove plus a
 * binary search, never a scan of a long postings list) and the offset of
 * the word that gave the term most often in the document (for
 * mte_matches_get_shared()). The text itself is not kept: the surface
 * words of a document take a few bytes per distinct term, the text a few
 * per character, and the query by key is rebuilt from the terms.
 *
 * Exactness. A query must equal a rebuild from scratch to the last bit.
 * Everything a score depends on (N, df, tf, document lengths and their
 * integer total) is the same whatever the history; the only thing history
 * could change is the order of floating-point sums, so every sum runs in
 * stem order: the query's terms are sorted by stem before accumulating,
 * and a document's tf-idf norm sums its terms in stem order.
 *
 * tf-idf norms depend on N and on every df, which any set or remove
 * changes, so they cannot be maintained per document: a change marks them
 * all stale, and the next tf-idf query recomputes all of them once
 * (one pass over the postings). Queries in a row after a change pay it
 * once; see docs/similarity.md for the cost measured.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mte-error-private.h"
#include "mte-stopwords-private.h"

#define BM25_K1 1.2
#define BM25_B 0.75

typedef struct {
  guint doc;
  guint tf;
} Posting;

typedef struct {
  char    *stem;        /* NULL: a free slot */
  Posting *postings;    /* unsorted */
  guint    n_postings;
  guint    n_alloc;
  double   idf;         /* tf-idf's idf, valid while norms are */
} Term;

typedef struct {
  guint term;
  guint tf;
  guint posting;        /* position in the term's postings */
  guint surface;        /* byte offset in Doc.surfaces */
} Entry;

typedef struct {
  char   *key;          /* NULL: a free slot */
  Entry  *entries;      /* sorted by stem (strcmp) */
  guint   n_entries;
  guint   length;       /* terms of the text, repeats counted */
  char   *surfaces;     /* NUL-separated words, one per entry */
  double  norm;         /* tf-idf L2 norm, valid while norms are */
} Doc;

struct _MteTextIndex {
  char              *language;
  MteWeighting       weighting;
  gboolean           apostrophes;  /* keep ' inside a word (English) */
  struct sb_stemmer *stemmer;
  GHashTable        *stopwords;    /* canonical word -> itself */

  GHashTable        *term_ids;     /* stem (Term.stem) -> number + 1 */
  Term              *terms;
  guint              n_term_slots;
  guint              n_term_alloc;
  GArray            *free_terms;   /* guint */

  GHashTable        *doc_ids;      /* key (Doc.key) -> number + 1 */
  Doc               *docs;
  guint              n_doc_slots;
  guint              n_doc_alloc;
  GArray            *free_docs;    /* guint */
  guint              n_documents;
  guint64            total_length;

  gboolean           norms_stale;
  double            *scores;       /* per doc slot, 0 between queries */
};

struct _MteMatches {
  guint    n;
  char   **keys;
  double  *scores;
  char  ***shared;    /* NULL-terminated word arrays, one per match */
};

/* -- languages --------------------------------------------------------- */

/* ISO 639-1 codes of the languages Snowball stems; only those
 * sb_stemmer_list() offers are accepted. */
static const struct {
  const char *code;
  const char *name;
} iso_codes[] = {
  { "ar", "arabic" }, { "hy", "armenian" }, { "eu", "basque" }, { "ca", "catalan" },
  { "da", "danish" }, { "nl", "dutch" }, { "en", "english" }, { "eo", "esperanto" },
  { "et", "estonian" }, { "fi", "finnish" }, { "fr", "french" }, { "de", "german" },
  { "el", "greek" }, { "hi", "hindi" }, { "hu", "hungarian" }, { "id", "indonesian" },
  { "ga", "irish" }, { "it", "italian" }, { "lt", "lithuanian" }, { "ne", "nepali" },
  { "no", "norwegian" }, { "pl", "polish" }, { "pt", "portuguese" }, { "ro", "romanian" },
  { "ru", "russian" }, { "sr", "serbian" }, { "es", "spanish" }, { "sv", "swedish" },
  { "ta", "tamil" }, { "tr", "turkish" }, { "yi", "yiddish" },
};

const char * const *
mte_text_index_languages (void)
{
  return (const char * const *) sb_stemmer_list ();
}

/* The Snowball name @language stands for (static), or NULL. */
static const char *
resolve_language (const char *language)
{
  const char * const *known = mte_text_index_languages ();

  if (language == NULL)
    language = "english";
  for (guint i = 0; known[i] != NULL; i++)
    if (g_ascii_strcasecmp (language, known[i]) == 0)
      return known[i];
  for (guint i = 0; i < G_N_ELEMENTS (iso_codes); i++)
    if (g_ascii_strcasecmp (language, iso_codes[i].code) == 0)
      for (guint j = 0; known[j] != NULL; j++)
        if (strcmp (iso_codes[i].name, known[j]) == 0)
          return known[j];
  return NULL;
}

/* -- tokenising -------------------------------------------------------- */

/* Unicode's canonical caseless form (Unicode 15, 3.13, D145: NFD, case
 * folding), recomposed to NFC. @text need not be valid UTF-8: bytes that
 * are not become U+FFFD, which separates words. */
static char *
canonical_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfd = NULL;
  g_autofree char *folded = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  folded = g_utf8_casefold (nfd, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

typedef struct {
  char *stem;
  char *surface;
} Token;

static void
token_clear (Token *token)
{
  g_free (token->stem);
  g_free (token->surface);
}

/* Ends the word in @word: drops it when it is a stop word, else stems it
 * and appends a token to @tokens. */
static void
end_word (MteTextIndex *index,
          GString      *word,
          GArray       *tokens)
{
  const sb_symbol *stem;
  Token token;
  int length;

  if (word->len == 0)
    return;
  if (g_hash_table_contains (index->stopwords, word->str))
    {
      g_string_truncate (word, 0);
      return;
    }
  stem = sb_stemmer_stem (index->stemmer, (const sb_symbol *) word->str, (int) word->len);
  if (stem == NULL)
    g_error ("out of memory stemming a word");
  length = sb_stemmer_length (index->stemmer);
  if (length > 0)
    {
      token.stem = g_strndup ((const char *) stem, (gsize) length);
      token.surface = g_strndup (word->str, word->len);
      g_array_append_val (tokens, token);
    }
  g_string_truncate (word, 0);
}

/* The tokens of @text (Token, freed by the array), in text order. */
static GArray *
tokenize (MteTextIndex *index,
          const char   *text)
{
  g_autofree char *canonical = canonical_text (text);
  g_autoptr(GString) word = g_string_new (NULL);
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = canonical;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (g_unichar_isalnum (c) || (word->len > 0 && g_unichar_ismark (c)))
        g_string_append_len (word, p, next - p);
      else if (index->apostrophes && (c == '\'' || c == 0x2019) && word->len > 0 &&
               *next != '\0' && g_unichar_isalnum (g_utf8_get_char (next)))
        g_string_append_c (word, '\'');
      else
        end_word (index, word, tokens);
      p = next;
    }
  end_word (index, word, tokens);
  return tokens;
}

char **
mte_text_index_terms (MteTextIndex *index,
                      const char   *text)
{
  g_autoptr(GArray) tokens = NULL;
  char **terms;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  tokens = tokenize (index, text);
  terms = g_new (char *, tokens->len + 1);
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      terms[i] = g_steal_pointer (&token->stem);
    }
  terms[tokens->len] = NULL;
  return terms;
}

/* -- the index --------------------------------------------------------- */

MteTextIndex *
mte_text_index_new (const char   *language,
                    MteWeighting  weighting,
                    GError      **error)
{
  const char *name = resolve_language (language);
  const char * const *stopwords;
  MteTextIndex *index;

  if (name == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) mte_text_index_languages ());

      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "unknown language '%s': the stemmers are %s and their ISO 639-1 codes",
                     language, known);
      return NULL;
    }
  if (weighting != MTE_WEIGHTING_BM25 && weighting != MTE_WEIGHTING_TFIDF)
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "unknown weighting %d", (int) weighting);
      return NULL;
    }

  index = g_new0 (MteTextIndex, 1);
  index->language = g_strdup (name);
  index->weighting = weighting;
  index->apostrophes = strcmp (name, "english") == 0 || strcmp (name, "porter") == 0;
  index->stemmer = sb_stemmer_new (name, "UTF_8");
  if (index->stemmer == NULL)
    g_error ("out of memory making the %s stemmer", name);
  index->stopwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stopwords = mte_stopwords_for (name);
  for (guint i = 0; stopwords != NULL && stopwords[i] != NULL; i++)
    {
      char *word = canonical_text (stopwords[i]);

      g_hash_table_add (index->stopwords, word);
    }
  index->term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  index->free_terms = g_array_new (FALSE, FALSE, sizeof (guint));
  index->doc_ids = g_hash_table_new (g_str_hash, g_str_equal);
  index->free_docs = g_array_new (FALSE, FALSE, sizeof (guint));
  index->norms_stale = TRUE;
  return index;
}

void
mte_text_index_free (MteTextIndex *index)
{
  if (index == NULL)
    return;
  for (guint i = 0; i < index->n_term_slots; i++)
    {
      g_free (index->terms[i].stem);
      g_free (index->terms[i].postings);
    }
  for (guint i = 0; i < index->n_doc_slots; i++)
    {
      g_free (index->docs[i].key);
      g_free (index->docs[i].entries);
      g_free (index->docs[i].surfaces);
    }
  g_free (index->terms);
  g_free (index->docs);
  g_free (index->scores);
  g_hash_table_unref (index->term_ids);
  g_hash_table_unref (index->doc_ids);
  g_hash_table_unref (index->stopwords);
  g_array_unref (index->free_terms);
  g_array_unref (index->free_docs);
  sb_stemmer_delete (index->stemmer);
  g_free (index->language);
  g_free (index);
}

const char *
mte_text_index_get_language (const MteTextIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);
  return index->language;
}

MteWeighting
mte_text_index_get_weighting (const MteTextIndex *index)
{
  g_return_val_if_fail (index != NULL, MTE_WEIGHTING_BM25);
  return index->weighting;
}

guint
mte_text_index_get_n_documents (const MteTextIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);
  return index->n_documents;
}

/* The number of the document @key, or -1. */
static gint64
lookup_doc (const MteTextIndex *index,
            const char         *key)
{
  gpointer value = g_hash_table_lookup (index->doc_ids, key);

  return value == NULL ? -1 : (gint64) GPOINTER_TO_UINT (value) - 1;
}

/* The number of the term @stem, or -1. */
static gint64
lookup_term (const MteTextIndex *index,
             const char         *stem)
{
  gpointer value = g_hash_table_lookup (index->term_ids, stem);

  return value == NULL ? -1 : (gint64) GPOINTER_TO_UINT (value) - 1;
}

gboolean
mte_text_index_contains (const MteTextIndex *index,
                         const char         *key)
{
  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  return lookup_doc (index, key) >= 0;
}

/* A slot from @free_list, or a new one at the end of an array of
 * *@n_slots elements of @size bytes (grown by doubling). */
static guint
take_slot (gpointer *array,
           guint    *n_slots,
           guint    *n_alloc,
           gsize     size,
           GArray   *free_list)
{
  guint slot;

  if (free_list->len > 0)
    {
      slot = g_array_index (free_list, guint, free_list->len - 1);
      g_array_set_size (free_list, free_list->len - 1);
      return slot;
    }
  if (*n_slots == G_MAXUINT - 1)
    g_error ("text index: too many slots");
  if (*n_slots == *n_alloc)
    {
      guint grown = *n_alloc < 16 ? 16 : *n_alloc > G_MAXUINT / 2 ? G_MAXUINT - 1 : *n_alloc * 2;

      *array = g_realloc_n (*array, grown, size);
      memset ((char *) *array + (gsize) *n_alloc * size, 0, (gsize) (grown - *n_alloc) * size);
      *n_alloc = grown;
    }
  return (*n_slots)++;
}

static guint
intern_term (MteTextIndex *index,
             const char   *stem)
{
  gint64 found = lookup_term (index, stem);
  guint id;

  if (found >= 0)
    return (guint) found;
  id = take_slot ((gpointer *) &index->terms, &index->n_term_slots, &index->n_term_alloc,
                  sizeof (Term), index->free_terms);
  index->terms[id].stem = g_strdup (stem);
  g_hash_table_insert (index->term_ids, index->terms[id].stem, GUINT_TO_POINTER (id + 1));
  return id;
}

/* The entry of @doc for @stem, or NULL (binary search: entries are
 * sorted by stem). */
static Entry *
find_entry (const MteTextIndex *index,
            const Doc          *doc,
            const char         *stem)
{
  guint lo = 0, hi = doc->n_entries;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (index->terms[doc->entries[mid].term].stem, stem);

      if (cmp == 0)
        return &doc->entries[mid];
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* Takes the postings of document @d out of its terms, releasing terms no
 * document holds any more, and empties the document (its key stays). */
static void
clear_doc (MteTextIndex *index,
           guint         d)
{
  Doc *doc = &index->docs[d];

  for (guint i = 0; i < doc->n_entries; i++)
    {
      const Entry *entry = &doc->entries[i];
      Term *term = &index->terms[entry->term];
      Posting last = term->postings[--term->n_postings];

      if (entry->posting != term->n_postings)
        {
          Entry *moved = find_entry (index, &index->docs[last.doc], term->stem);

          g_assert (moved != NULL && moved->posting == term->n_postings);
          term->postings[entry->posting] = last;
          moved->posting = entry->posting;
        }
      if (term->n_postings == 0)
        {
          guint id = entry->term;

          g_hash_table_remove (index->term_ids, term->stem);
          g_clear_pointer (&term->stem, g_free);
          g_clear_pointer (&term->postings, g_free);
          term->n_alloc = 0;
          g_array_append_val (index->free_terms, id);
        }
    }
  index->total_length -= doc->length;
  doc->length = 0;
  doc->n_entries = 0;
  g_clear_pointer (&doc->entries, g_free);
  g_clear_pointer (&doc->surfaces, g_free);
}

static int
compare_tokens (gconstpointer a,
                gconstpointer b)
{
  const Token *x = a, *y = b;
  int cmp = strcmp (x->stem, y->stem);

  return cmp != 0 ? cmp : strcmp (x->surface, y->surface);
}

/* Fills the empty document @d with @tokens (sorted here). */
static void
fill_doc (MteTextIndex *index,
          guint         d,
          GArray       *tokens)
{
  g_autoptr(GString) surfaces = g_string_new (NULL);
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  Doc *doc;

  g_array_sort (tokens, compare_tokens);
  for (guint i = 0; i < tokens->len;)
    {
      const Token *first = &g_array_index (tokens, Token, i);
      const char *best = NULL;
      guint best_count = 0, j = i;
      Entry entry = { 0, };

      /* One stem: its words come sorted, so a run is one word and the
       * first of the longest runs is the smallest by strcmp(). */
      while (j < tokens->len && strcmp (g_array_index (tokens, Token, j).stem, first->stem) == 0)
        {
          const char *surface = g_array_index (tokens, Token, j).surface;
          guint run = 0;

          while (j < tokens->len &&
                 strcmp (g_array_index (tokens, Token, j).stem, first->stem) == 0 &&
                 strcmp (g_array_index (tokens, Token, j).surface, surface) == 0)
            run++, j++;
          if (run > best_count)
            best = surface, best_count = run;
        }
      entry.term = intern_term (index, first->stem);
      entry.tf = j - i;
      entry.surface = (guint) surfaces->len;
      g_string_append_len (surfaces, best, (gssize) strlen (best) + 1);
      g_array_append_val (entries, entry);
      i = j;
    }

  doc = &index->docs[d];
  doc->length = tokens->len;
  doc->n_entries = entries->len;
  doc->entries = (Entry *) g_array_free (entries, doc->n_entries == 0);
  doc->surfaces = surfaces->len > 0 ? g_memdup2 (surfaces->str, surfaces->len) : NULL;
  index->total_length += doc->length;

  for (guint i = 0; i < doc->n_entries; i++)
    {
      Entry *entry = &doc->entries[i];
      Term *term = &index->terms[entry->term];

      if (term->n_postings == term->n_alloc)
        {
          term->n_alloc = term->n_alloc == 0 ? 2 : term->n_alloc * 2;
          term->postings = g_renew (Posting, term->postings, term->n_alloc);
        }
      entry->posting = term->n_postings;
      term->postings[term->n_postings++] = (Posting) { d, entry->tf };
    }
}

gboolean
mte_text_index_set (MteTextIndex *index,
                    const char   *key,
                    const char   *text,
                    GError      **error)
{
  g_autoptr(GArray) tokens = NULL;
  gint64 found;
  guint d;

  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (*key == '\0' || !g_utf8_validate (key, -1, NULL))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "a document key must be non-empty UTF-8 text");
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      mte_set_error (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE,
                     "the text of document '%s' is not valid UTF-8", key);
      return FALSE;
    }

  tokens = tokenize (index, text);
  found = lookup_doc (index, key);
  if (found >= 0)
    {
      d = (guint) found;
      clear_doc (index, d);
    }
  else
    {
      d = take_slot ((gpointer *) &index->docs, &index->n_doc_slots, &index->n_doc_alloc,
                     sizeof (Doc), index->free_docs);
      index->docs[d].key = g_strdup (key);
      g_hash_table_insert (index->doc_ids, index->docs[d].key, GUINT_TO_POINTER (d + 1));
      index->n_documents++;
      g_clear_pointer (&index->scores, g_free);
    }
  fill_doc (index, d, tokens);
  index->norms_stale = TRUE;
  return TRUE;
}

gboolean
mte_text_index_remove (MteTextIndex *index,
                       const char   *key)
{
  gint64 found;
  guint d;

  g_return_val_if_fail (index != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  found = lookup_doc (index, key);
  if (found < 0)
    return FALSE;
  d = (guint) found;
  clear_doc (index, d);
  g_hash_table_remove (index->doc_ids, index->docs[d].key);
  g_clear_pointer (&index->docs[d].key, g_free);
  g_array_append_val (index->free_docs, d);
  index->n_documents--;
  index->norms_stale = TRUE;
  return TRUE;
}

/* -- scoring ----------------------------------------------------------- */

/* BM25's idf, in Lucene's form: never negative. */
static double
bm25_idf (const MteTextIndex *index,
          guint               df)
{
  return log (1.0 + ((double) index->n_documents - df + 0.5) / (df + 0.5));
}

/* scikit-learn's smooth idf. */
static double
tfidf_idf (const MteTextIndex *index,
           guint               df)
{
  return log ((1.0 + index->n_documents) / (1.0 + df)) + 1.0;
}

static void
update_norms (MteTextIndex *index)
{
  if (!index->norms_stale)
    return;
  for (guint t = 0; t < index->n_term_slots; t++)
    if (index->terms[t].stem != NULL)
      index->terms[t].idf = tfidf_idf (index, index->terms[t].n_postings);
  for (guint d = 0; d < index->n_doc_slots; d++)
    {
      Doc *doc = &index->docs[d];
      double sum = 0.0;

      if (doc->key == NULL)
        continue;
      for (guint i = 0; i < doc->n_entries; i++)
        {
          double w = (1.0 + log (doc->entries[i].tf)) * index->terms[doc->entries[i].term].idf;

          sum += w * w;
        }
      doc->norm = sqrt (sum);
    }
  index->norms_stale = FALSE;
}

typedef struct {
  guint  term;
  guint  tf;
  double weight;   /* the query's weight of the term */
} QueryTerm;

static int
compare_query_terms (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const MteTextIndex *index = user_data;
  const QueryTerm *x = a, *y = b;

  return strcmp (index->terms[x->term].stem, index->terms[y->term].stem);
}

/* Sets the query weights of @query (sorted by stem). */
static void
weigh_query (MteTextIndex *index,
             GArray       *query)
{
  double sum = 0.0;

  if (index->weighting == MTE_WEIGHTING_BM25)
    {
      for (guint i = 0; i < query->len; i++)
        {
          QueryTerm *q = &g_array_index (query, QueryTerm, i);

          q->weight = bm25_idf (index, index->terms[q->term].n_postings);
        }
      return;
    }
  update_norms (index);
  for (guint i = 0; i < query->len; i++)
    {
      QueryTerm *q = &g_array_index (query, QueryTerm, i);

      q->weight = (1.0 + log (q->tf)) * index->terms[q->term].idf;
      sum += q->weight * q->weight;
    }
  sum = sqrt (sum);
  for (guint i = 0; i < query->len; i++)
    g_array_index (query, QueryTerm, i).weight /= sum;
}

/* The part of a term of weight @weight, held @tf times by @doc, in the
 * document's score. */
static double
contribution (const MteTextIndex *index,
              const Doc          *doc,
              const Term         *term,
              double              weight,
              guint               tf,
              double              avgdl)
{
  if (index->weighting == MTE_WEIGHTING_BM25)
    return weight * tf * (BM25_K1 + 1.0) /
           (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * doc->length / avgdl));
  return weight * (1.0 + log (tf)) * term->idf / doc->norm;
}

/* Whether document @a ranks before @b. */
static gboolean
ranks_before (const MteTextIndex *index,
              guint               a,
              guint               b)
{
  double sa = index->scores[a], sb = index->scores[b];

  if (sa != sb)
    return sa > sb;
  return strcmp (index->docs[a].key, index->docs[b].key) < 0;
}

/* Restores the heap below @i: the root is the document that ranks last. */
static void
sift_down (const MteTextIndex *index,
           guint              *heap,
           guint               n,
           guint               i)
{
  for (;;)
    {
      guint worst = i, l = 2 * i + 1, r = l + 1, tmp;

      if (l < n && ranks_before (index, heap[worst], heap[l]))
        worst = l;
      if (r < n && ranks_before (index, heap[worst], heap[r]))
        worst = r;
      if (worst == i)
        return;
      tmp = heap[i], heap[i] = heap[worst], heap[worst] = tmp;
      i = worst;
    }
}

static void
sift_up (const MteTextIndex *index,
         guint              *heap,
         guint               i)
{
  while (i > 0)
    {
      guint parent = (i - 1) / 2, tmp;

      if (!ranks_before (index, heap[parent], heap[i]))
        return;
      tmp = heap[i], heap[i] = heap[parent], heap[parent] = tmp;
      i = parent;
    }
}

typedef struct {
  const char *word;
  double      part;
} SharedWord;

static int
compare_shared (gconstpointer a,
                gconstpointer b)
{
  const SharedWord *x = a, *y = b;

  if (x->part != y->part)
    return x->part > y->part ? -1 : 1;
  return strcmp (x->word, y->word);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const MteTextIndex *index = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  return ranks_before (index, x, y) ? -1 : ranks_before (index, y, x) ? 1 : 0;
}

/* Scores the documents against @query (QueryTerm, any order) and returns
 * the best @top_k, the document @exclude (or -1) left out. */
static MteMatches *
run_query (MteTextIndex *index,
           GArray       *query,
           guint         top_k,
           gint64        exclude)
{
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *heap = NULL;
  double avgdl = index->n_documents > 0 ? (double) index->total_length / index->n_documents : 0;
  MteMatches *matches = g_new0 (MteMatches, 1);
  guint n = 0, cap;

  if (top_k == 0 || query->len == 0)
    return matches;
  g_array_sort_with_data (query, compare_query_terms, index);
  weigh_query (index, query);
  if (index->scores == NULL)
    index->scores = g_new0 (double, MAX (index->n_doc_slots, 1));

  for (guint i = 0; i < query->len; i++)
    {
      const QueryTerm *q = &g_array_index (query, QueryTerm, i);
      const Term *term = &index->terms[q->term];

      for (guint p = 0; p < term->n_postings; p++)
        {
          guint d = term->postings[p].doc;

          if (index->scores[d] == 0.0)
            g_array_append_val (touched, d);
          index->scores[d] += contribution (index, &index->docs[d], term, q->weight,
                                            term->postings[p].tf, avgdl);
        }
    }

  cap = MIN (top_k, touched->len);
  heap = g_new (guint, MAX (cap, 1));
  for (guint i = 0; i < touched->len; i++)
    {
      guint d = g_array_index (touched, guint, i);

      if ((gint64) d == exclude || !(index->scores[d] > 0.0))
        continue;
      if (n < cap)
        {
          heap[n] = d;
          sift_up (index, heap, n++);
        }
      else if (n > 0 && ranks_before (index, d, heap[0]))
        {
          heap[0] = d;
          sift_down (index, heap, n, 0);
        }
    }
  g_qsort_with_data (heap, (gint) n, sizeof (guint), compare_ranked, index);

  matches->n = n;
  matches->keys = g_new (char *, n);
  matches->scores = g_new (double, n);
  matches->shared = g_new (char **, n);
  for (guint m = 0; m < n; m++)
    {
      const Doc *doc = &index->docs[heap[m]];
      g_autoptr(GArray) shared = g_array_new (FALSE, FALSE, sizeof (SharedWord));

      matches->keys[m] = g_strdup (doc->key);
      matches->scores[m] = index->scores[heap[m]];
      for (guint i = 0; i < query->len; i++)
        {
          const QueryTerm *q = &g_array_index (query, QueryTerm, i);
          const Term *term = &index->terms[q->term];
          const Entry *entry = find_entry (index, doc, term->stem);
          SharedWord word;

          if (entry == NULL)
            continue;
          word.word = doc->surfaces + entry->surface;
          word.part = contribution (index, doc, term, q->weight, entry->tf, avgdl);
          g_array_append_val (shared, word);
        }
      g_array_sort (shared, compare_shared);
      matches->shared[m] = g_new (char *, shared->len + 1);
      for (guint i = 0; i < shared->len; i++)
        matches->shared[m][i] = g_strdup (g_array_index (shared, SharedWord, i).word);
      matches->shared[m][shared->len] = NULL;
    }

  for (guint i = 0; i < touched->len; i++)
    index->scores[g_array_index (touched, guint, i)] = 0.0;
  return matches;
}

MteMatches *
mte_text_index_query (MteTextIndex *index,
                      const char   *text,
                      guint         top_k,
                      const char   *exclude_key)
{
  g_autoptr(GArray) query = g_array_new (FALSE, FALSE, sizeof (QueryTerm));
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  tokens = tokenize (index, text);
  seen = g_hash_table_new (g_direct_hash, g_direct_equal);  /* term + 1 -> position + 1 */
  for (guint i = 0; i < tokens->len; i++)
    {
      gint64 term = lookup_term (index, g_array_index (tokens, Token, i).stem);
      gpointer at;

      if (term < 0)
        continue;
      at = g_hash_table_lookup (seen, GUINT_TO_POINTER ((guint) term + 1));
      if (at != NULL)
        g_array_index (query, QueryTerm, GPOINTER_TO_UINT (at) - 1).tf++;
      else
        {
          QueryTerm q = { (guint) term, 1, 0.0 };

          g_array_append_val (query, q);
          g_hash_table_insert (seen, GUINT_TO_POINTER ((guint) term + 1),
                               GUINT_TO_POINTER (query->len));
        }
    }
  return run_query (index, query, top_k,
                    exclude_key != NULL ? lookup_doc (index, exclude_key) : -1);
}

MteMatches *
mte_text_index_query_key (MteTextIndex *index,
                          const char   *key,
                          guint         top_k)
{
  g_autoptr(GArray) query = NULL;
  gint64 found;
  const Doc *doc;

  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  found = lookup_doc (index, key);
  if (found < 0)
    return NULL;
  doc = &index->docs[found];
  query = g_array_sized_new (FALSE, FALSE, sizeof (QueryTerm), doc->n_entries);
  for (guint i = 0; i < doc->n_entries; i++)
    {
      QueryTerm q = { doc->entries[i].term, doc->entries[i].tf, 0.0 };

      g_array_append_val (query, q);
    }
  return run_query (index, query, top_k, found);
}

/* -- matches ----------------------------------------------------------- */

void
mte_matches_free (MteMatches *matches)
{
  if (matches == NULL)
    return;
  for (guint i = 0; i < matches->n; i++)
    {
      g_free (matches->keys[i]);
      g_strfreev (matches->shared[i]);
    }
  g_free (matches->keys);
  g_free (matches->scores);
  g_free (matches->shared);
  g_free (matches);
}

guint
mte_matches_get_n (const MteMatches *matches)
{
  g_return_val_if_fail (matches != NULL, 0);
  return matches->n;
}

const char *
mte_matches_get_key (const MteMatches *matches,
                     guint             i)
{
  g_return_val_if_fail (matches != NULL, NULL);
  g_return_val_if_fail (i < matches->n, NULL);
  return matches->keys[i];
}

double
mte_matches_get_score (const MteMatches *matches,
                       guint             i)
{
  g_return_val_if_fail (matches != NULL, 0.0);
  g_return_val_if_fail (i < matches->n, 0.0);
  return matches->scores[i];
}

const char * const *
mte_matches_get_shared (const MteMatches *matches,
                        guint             i)
{
  g_return_val_if_fail (matches != NULL, NULL);
  g_return_val_if_fail (i < matches->n, NULL);
  return (const char * const *) matches->shared[i];
}
