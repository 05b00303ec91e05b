/* metaethno: the text-similarity index (which texts share words).
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef MTE_SIMILARITY_H
#define MTE_SIMILARITY_H

#if !defined(MTE_INSIDE) && !defined(MTE_COMPILATION)
#error "Only <metaethno/metaethno.h> can be included directly."
#endif

#include <metaethno/mte-types.h>

G_BEGIN_DECLS

/**
 * MteWeighting:
 * @MTE_WEIGHTING_BM25: Okapi BM25 (Robertson and Zaragoza 2009, "The
 *   Probabilistic Relevance Framework: BM25 and Beyond", Foundations and
 *   Trends in Information Retrieval 3(4)) with k1 = 1.2 and b = 0.75. A
 *   document d scores, over the distinct terms t of the query,
 *   sum idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl)),
 *   where tf is the frequency of t in d, |d| the number of terms of d
 *   (stop words left out) and avgdl the mean of |d| over the index; idf(t)
 *   = ln (1 + (N - df + 0.5) / (df + 0.5)) (the form Lucene uses, never
 *   negative), N the number of documents and df the number holding t.
 *   Scores are not bounded. The default.
 * @MTE_WEIGHTING_TFIDF: cosine between tf-idf vectors, computed as
 *   scikit-learn's `TfidfVectorizer(sublinear_tf=True)` computes them: the
 *   weight of t in a text is (1 + ln tf) * (ln ((1 + N) / (1 + df)) + 1),
 *   each document vector and the query vector are L2-normalised (the query
 *   over its terms that some document holds), and the score is their dot
 *   product, in [0, 1].
 *
 * How an #MteTextIndex scores a document against a query.
 */
typedef enum {
  MTE_WEIGHTING_BM25,
  MTE_WEIGHTING_TFIDF
} MteWeighting;

/**
 * MteTextIndex:
 *
 * An index of short texts (documents) by key, answering which documents
 * share the most words with a text. Texts are cut into terms as
 * mte_text_index_terms() says; an inverted index maps each term to the
 * documents holding it, so memory and query time grow with the number of
 * (term, document) pairs, not with the vocabulary times the documents.
 *
 * Adding, replacing and removing a document is incremental, and a query
 * always returns what an index built from scratch from the same texts
 * would return, to the last bit of every score.
 *
 * An index is not thread-safe: a query updates cached statistics, so even
 * concurrent queries need a lock.
 */
typedef struct _MteTextIndex MteTextIndex;

/**
 * MteMatches:
 *
 * The result of a query: documents with their scores, best first. It
 * holds its own copies and stays valid after the index changes or is
 * freed.
 */
typedef struct _MteMatches MteMatches;

/**
 * mte_text_index_new:
 * @language: (nullable): a Snowball stemmer name, as in
 *   mte_text_index_languages() ("english", "french", "german", ...), or
 *   its ISO 639-1 code ("en", "fr", "de", ...); ASCII case is ignored.
 *   NULL means English.
 * @weighting: the scoring, usually %MTE_WEIGHTING_BM25
 * @error: return location for a #GError
 *
 * Makes an empty index whose terms are stemmed for @language and whose
 * stop words are those the library holds for it (English, French and
 * German have lists; other languages have no stop words).
 *
 * Returns: (transfer full): the index, freed with mte_text_index_free();
 *   NULL with %MTE_MODEL_ERROR_INVALID_VALUE when the language is not
 *   known (the message lists those that are) or @weighting is not an
 *   #MteWeighting.
 */
MTE_API MteTextIndex *mte_text_index_new (const char   *language,
                                          MteWeighting  weighting,
                                          GError      **error);

/**
 * mte_text_index_free:
 * @index: (nullable): an index
 *
 * Frees the index and its documents. NULL is allowed. Matches already
 * returned stay valid.
 */
MTE_API void mte_text_index_free (MteTextIndex *index);

/**
 * mte_text_index_languages:
 *
 * Returns: (transfer none): the Snowball stemmer names the library can
 *   use, NULL-terminated; static, never freed.
 */
MTE_API const char * const *mte_text_index_languages (void);

/**
 * mte_text_index_get_language:
 * @index: an index
 *
 * Returns: (transfer none): the Snowball name of the index's language
 *   ("english" for "en" or NULL); valid while the index lives.
 */
MTE_API const char *mte_text_index_get_language (const MteTextIndex *index);

/**
 * mte_text_index_get_weighting:
 * @index: an index
 *
 * Returns: the scoring the index was made with.
 */
MTE_API MteWeighting mte_text_index_get_weighting (const MteTextIndex *index);

/**
 * mte_text_index_set:
 * @index: an index
 * @key: the document's key, any non-empty UTF-8 text (a construct id, say)
 * @text: the document's text
 * @error: return location for a #GError
 *
 * Adds the document @key with @text, or replaces the text of the document
 * @key already holds. A document may have no terms (empty text, or only
 * stop words): it then counts among the documents but matches nothing.
 *
 * Returns: TRUE when the document is set; FALSE with
 *   %MTE_MODEL_ERROR_INVALID_VALUE, the index unchanged, when @key is
 *   empty or @key or @text is not valid UTF-8.
 */
MTE_API gboolean mte_text_index_set (MteTextIndex *index,
                                     const char   *key,
                                     const char   *text,
                                     GError      **error);

/**
 * mte_text_index_remove:
 * @index: an index
 * @key: a key
 *
 * Removes the document @key.
 *
 * Returns: TRUE when there was one, FALSE (nothing changed) otherwise.
 */
MTE_API gboolean mte_text_index_remove (MteTextIndex *index,
                                        const char   *key);

/**
 * mte_text_index_contains:
 * @index: an index
 * @key: a key
 *
 * Returns: whether the index holds a document @key.
 */
MTE_API gboolean mte_text_index_contains (const MteTextIndex *index,
                                          const char         *key);

/**
 * mte_text_index_get_n_documents:
 * @index: an index
 *
 * Returns: the number of documents the index holds.
 */
MTE_API guint mte_text_index_get_n_documents (const MteTextIndex *index);

/**
 * mte_text_index_terms:
 * @index: an index
 * @text: any text
 *
 * The terms the index makes of @text, in the order of the text, repeats
 * kept. The text is brought to Unicode canonical caseless form (NFD,
 * g_utf8_casefold(), then NFC), so that "Café", "café" and "cafe" with a
 * combining accent are one word; it is cut into words, a word being a run
 * of letters, digits (g_unichar_isalnum()) and combining marks, so digits
 * stay ("covid19", "2019") and any other character separates. For English
 * (and "porter") only, an apostrophe (' or U+2019, written ') between two
 * letters or digits stays inside the word ("don't", "doctor's"), as the
 * English stemmer expects; in other languages it separates ("l'hôpital"
 * gives "l" and "hôpital"). Stop words are dropped, then each word is
 * stemmed with the Snowball stemmer of the index's language. Bytes of
 * @text that are not UTF-8 separate words.
 *
 * Returns: (transfer full): the terms, NULL-terminated (an empty array
 *   when there are none), freed with g_strfreev().
 */
MTE_API char **mte_text_index_terms (MteTextIndex *index,
                                     const char   *text);

/**
 * mte_text_index_query:
 * @index: an index
 * @text: the query text, cut into terms as mte_text_index_terms() says
 *   (bytes that are not UTF-8 separate words)
 * @top_k: the most documents to return; 0 returns none
 * @exclude_key: (nullable): a document never to return (the query's own)
 *
 * Finds the documents most similar to @text: the @top_k of highest score
 * under the index's #MteWeighting, best first, documents of equal score by
 * key (strcmp()), so that the result is deterministic. A document that
 * shares no term with the query scores 0 and is never returned, so the
 * result may hold fewer than @top_k (none for an empty query, or one of
 * only stop words or of words no document holds).
 *
 * Returns: (transfer full): the matches, freed with mte_matches_free();
 *   never NULL.
 */
MTE_API MteMatches *mte_text_index_query (MteTextIndex *index,
                                          const char   *text,
                                          guint         top_k,
                                          const char   *exclude_key);

/**
 * mte_text_index_query_key:
 * @index: an index
 * @key: a document of @index
 * @top_k: the most documents to return
 *
 * mte_text_index_query() with the text of the document @key as the query,
 * the document itself excluded: the documents most like it.
 *
 * Returns: (transfer full) (nullable): the matches, freed with
 *   mte_matches_free(); NULL when the index holds no document @key.
 */
MTE_API MteMatches *mte_text_index_query_key (MteTextIndex *index,
                                              const char   *key,
                                              guint         top_k);

/**
 * mte_matches_free:
 * @matches: (nullable): matches
 *
 * Frees the matches. NULL is allowed.
 */
MTE_API void mte_matches_free (MteMatches *matches);

/**
 * mte_matches_get_n:
 * @matches: matches
 *
 * Returns: the number of documents matched, at most the query's top_k.
 */
MTE_API guint mte_matches_get_n (const MteMatches *matches);

/**
 * mte_matches_get_key:
 * @matches: matches
 * @i: a position, below mte_matches_get_n()
 *
 * Returns: (transfer none): the key of the @i-th best document; valid
 *   while @matches lives.
 */
MTE_API const char *mte_matches_get_key (const MteMatches *matches,
                                         guint             i);

/**
 * mte_matches_get_score:
 * @matches: matches
 * @i: a position, below mte_matches_get_n()
 *
 * Returns: the score of the @i-th document: positive and finite; the BM25
 *   score, or the cosine in (0, 1] for %MTE_WEIGHTING_TFIDF. Scores never
 *   increase with @i.
 */
MTE_API double mte_matches_get_score (const MteMatches *matches,
                                      guint             i);

/**
 * mte_matches_get_shared:
 * @matches: matches
 * @i: a position, below mte_matches_get_n()
 *
 * The words the query and the @i-th document share, as a reader would
 * recognise them: for each term they share, the case-folded word of the
 * document that gives that term most often (of equal counts, the first by
 * strcmp()), ordered by the term's part of the score, largest first (of
 * equal parts, by the word).
 *
 * Returns: (transfer none): the words, NULL-terminated, never empty;
 *   valid while @matches lives.
 */
MTE_API const char * const *mte_matches_get_shared (const MteMatches *matches,
                                                    guint             i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteTextIndex, mte_text_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteMatches, mte_matches_free)

G_END_DECLS

#endif /* MTE_SIMILARITY_H */
