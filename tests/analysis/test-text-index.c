/* The text-similarity index (mte-similarity.h): tokenising worked by hand,
 * BM25 and tf-idf scores computed from their formulas on a five-document
 * corpus, ranking rules, shared words, and incremental updates that equal
 * a rebuild.
 *
 * Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <metaethno/metaethno.h>

#include <math.h>
#include <string.h>

#include "../common/mte-test.h"

#define TOLERANCE 1e-9

static MteTextIndex *
new_index (const char *language, MteWeighting weighting)
{
  GError *error = NULL;
  MteTextIndex *index = mte_text_index_new (language, weighting, &error);

  MTE_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (index);
  return index;
}

static void
set (MteTextIndex *index, const char *key, const char *text)
{
  GError *error = NULL;

  CU_ASSERT_TRUE (mte_text_index_set (index, key, text, &error));
  MTE_ASSERT_NO_ERROR (error);
}

/* Asserts that @text gives exactly the terms @expected (NULL-terminated). */
static void
assert_terms (MteTextIndex *index, const char *text, const char *const *expected)
{
  g_auto(GStrv) terms = mte_text_index_terms (index, text);
  g_autofree char *got = g_strjoinv ("|", terms);
  g_autofree char *want = g_strjoinv ("|", (char **) expected);

  if (strcmp (got, want) != 0)
    fprintf (stderr, "terms of '%s': got '%s', expected '%s'\n", text, got, want);
  MTE_ASSERT_STR (got, want);
  CU_ASSERT_EQUAL (g_strv_length (terms), g_strv_length ((char **) expected));
}

#define TERMS(...) ((const char *const[]) { __VA_ARGS__, NULL })
#define NO_TERMS ((const char *const[]) { NULL })

static void
test_tokenize_english (void)
{
  g_autoptr(MteTextIndex) index = new_index (NULL, MTE_WEIGHTING_BM25);

  MTE_ASSERT_STR (mte_text_index_get_language (index), "english");
  /* Case folded; "the" a stop word; the trailing apostrophe of
   * "patients'" separates, the internal one of "don't" stays (and
   * negations are not stop words); punctuation separates. */
  assert_terms (index, "The Patients' DOCTORS don't listen!",
                TERMS ("patient", "doctor", "don't", "listen"));
  /* The typographic apostrophe is the ASCII one; "it's" is a stop word. */
  assert_terms (index, "It\xe2\x80\x99s the doctor\xe2\x80\x99s view",
                TERMS ("doctor", "view"));
  /* Stemming: one stem for the forms of a verb. */
  assert_terms (index, "listening listened listens", TERMS ("listen", "listen", "listen"));
  /* Digits are word characters; the hyphen separates; "in" is a stop word. */
  assert_terms (index, "COVID-19 in 2020, covid19", TERMS ("covid", "19", "2020", "covid19"));
  /* NFC and case folding: composed, decomposed and upper case are one. */
  assert_terms (index, "caf\xc3\xa9", TERMS ("caf\xc3\xa9"));
  assert_terms (index, "cafe\xcc\x81", TERMS ("caf\xc3\xa9"));
  assert_terms (index, "CAF\xc3\x89", TERMS ("caf\xc3\xa9"));
  assert_terms (index, "CAFE\xcc\x81", TERMS ("caf\xc3\xa9"));
  /* Nothing to index. */
  assert_terms (index, "", NO_TERMS);
  assert_terms (index, "  ...!? -- ", NO_TERMS);
  assert_terms (index, "The and of, to be or not", TERMS ("not"));
  assert_terms (index, "the and of it was", NO_TERMS);
  /* Bytes that are not UTF-8 separate words. */
  assert_terms (index, "trust\xff\xfesupport", TERMS ("trust", "support"));
}

static void
test_tokenize_french_german (void)
{
  g_autoptr(MteTextIndex) fr = new_index ("fr", MTE_WEIGHTING_BM25);
  g_autoptr(MteTextIndex) de = new_index ("German", MTE_WEIGHTING_BM25);

  MTE_ASSERT_STR (mte_text_index_get_language (fr), "french");
  MTE_ASSERT_STR (mte_text_index_get_language (de), "german");
  /* The apostrophe separates in French; "les", "l" and "de" are stop
   * words; singular and plural share a stem. */
  assert_terms (fr, "Les infirmi\xc3\xa8res de l'h\xc3\xb4pital",
                TERMS ("infirmi", "h\xc3\xb4pital"));
  assert_terms (fr, "infirmi\xc3\xa8re soignants soignant",
                TERMS ("infirmi", "soign", "soign"));
  /* German: articles and "und" dropped; the case of nouns folded. */
  {
    g_auto(GStrv) a = mte_text_index_terms (de, "Die Pflegekr\xc3\xa4""fte und der Patient");
    g_auto(GStrv) b = mte_text_index_terms (de, "pflegekr\xc3\xa4""fte patienten");

    CU_ASSERT_EQUAL_FATAL (g_strv_length (a), 2);
    CU_ASSERT_EQUAL_FATAL (g_strv_length (b), 2);
    MTE_ASSERT_STR (a[0], b[0]);
    MTE_ASSERT_STR (a[1], b[1]);
  }
}

static void
test_languages (void)
{
  const char * const *languages = mte_text_index_languages ();
  g_autoptr(GError) error = NULL;
  gboolean english = FALSE;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autoptr(MteTextIndex) index = mte_text_index_new (languages[i], MTE_WEIGHTING_TFIDF, NULL);

      CU_ASSERT_PTR_NOT_NULL (index);
      english |= strcmp (languages[i], "english") == 0;
    }
  CU_ASSERT_TRUE (english);

  CU_ASSERT_PTR_NULL (mte_text_index_new ("klingon", MTE_WEIGHTING_BM25, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'klingon'"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "english"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "french"));
  CU_ASSERT_PTR_NULL (strchr (error->message, '\n'));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_text_index_new ("", MTE_WEIGHTING_BM25, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_PTR_NULL (mte_text_index_new ("en", (MteWeighting) 7, &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
}

static void
test_set_remove (void)
{
  g_autoptr(MteTextIndex) index = new_index ("english", MTE_WEIGHTING_BM25);
  GError *error = NULL;

  CU_ASSERT_EQUAL (mte_text_index_get_n_documents (index), 0);
  set (index, "a", "trust in nurses");
  set (index, "b", "the of");           /* no terms: still a document */
  CU_ASSERT_EQUAL (mte_text_index_get_n_documents (index), 2);
  set (index, "a", "distrust of doctors");   /* a replacement */
  CU_ASSERT_EQUAL (mte_text_index_get_n_documents (index), 2);
  CU_ASSERT_TRUE (mte_text_index_contains (index, "b"));

  /* Invalid UTF-8 text or key, and an empty key, are refused, the index
   * unchanged. */
  CU_ASSERT_FALSE (mte_text_index_set (index, "a", "caf\xc3", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_text_index_set (index, "c\xff", "text", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_FALSE (mte_text_index_set (index, "", "text", &error));
  MTE_ASSERT_ERROR (error, MTE_MODEL_ERROR, MTE_MODEL_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (mte_text_index_get_n_documents (index), 2);
  {
    g_autoptr(MteMatches) m = mte_text_index_query (index, "doctors", 10, NULL);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 1);
    MTE_ASSERT_STR (mte_matches_get_key (m, 0), "a");
  }
  {
    g_autoptr(MteMatches) m = mte_text_index_query (index, "nurses", 10, NULL);

    CU_ASSERT_EQUAL (mte_matches_get_n (m), 0);   /* the old text is gone */
  }

  CU_ASSERT_TRUE (mte_text_index_remove (index, "a"));
  CU_ASSERT_FALSE (mte_text_index_remove (index, "a"));
  CU_ASSERT_FALSE (mte_text_index_remove (index, "zzz"));
  CU_ASSERT_FALSE (mte_text_index_contains (index, "a"));
  CU_ASSERT_EQUAL (mte_text_index_get_n_documents (index), 1);
  CU_ASSERT_PTR_NULL (mte_text_index_query_key (index, "a", 10));
  {
    g_autoptr(MteMatches) m = mte_text_index_query (index, "doctors", 10, NULL);

    CU_ASSERT_EQUAL (mte_matches_get_n (m), 0);
  }
}

/* The corpus of the score tests. Words stem to themselves; d5 is all
 * stop words. Lengths |d| (terms): 2, 3, 2, 4, 0; total 11, N = 5,
 * avgdl = 11 / 5 = 2.2. df: cat 3 (d1 d2 d4), dog 2 (d1 d3),
 * fish 2 (d2 d4), bird 2 (d3 d4). */
static MteTextIndex *
corpus (MteWeighting weighting)
{
  MteTextIndex *index = new_index ("en", weighting);

  set (index, "d1", "Cat, dog.");
  set (index, "d2", "cat cat fish");
  set (index, "d3", "dog bird");
  set (index, "d4", "cat fish bird bird");
  set (index, "d5", "the and of");
  return index;
}

static void
assert_match (const MteMatches *m, guint i, const char *key, double score)
{
  CU_ASSERT_FATAL (i < mte_matches_get_n (m));
  MTE_ASSERT_STR (mte_matches_get_key (m, i), key);
  if (fabs (mte_matches_get_score (m, i) - score) > TOLERANCE)
    fprintf (stderr, "%s: score %.17g, expected %.17g\n", key, mte_matches_get_score (m, i), score);
  CU_ASSERT_DOUBLE_EQUAL (mte_matches_get_score (m, i), score, TOLERANCE);
}

/* BM25 of one term: idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)),
 * k1 = 1.2, b = 0.75, avgdl = 2.2, idf = ln (1 + (N - df + 0.5) / (df + 0.5)). */
static void
test_bm25_scores (void)
{
  g_autoptr(MteTextIndex) index = corpus (MTE_WEIGHTING_BM25);
  /* idf(cat) = ln (1 + 2.5 / 3.5) = ln (12/7) = 0.5389965...;
   * idf(bird) = ln (1 + 3.5 / 2.5) = ln (2.4) = 0.8754687... */
  double idf_cat = log (12.0 / 7.0), idf_bird = log (2.4);
  /* d1: tf 1, dl 2: 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 2.2)) = 1.0386...
   *   score 0.5598161080571258
   * d2: tf 2, dl 3: 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3 / 2.2))
   *   score 0.6723564596768572
   * d4: tf 1, dl 4: 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 4 / 2.2))
   *   score 0.40383019559538796 */
  double cat_d1 = idf_cat * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 2.2));
  double cat_d2 = idf_cat * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3 / 2.2));
  double cat_d4 = idf_cat * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 4 / 2.2));
  /* bird in d4: tf 2, dl 4: 0.9785839927928119; in d3: tf 1, dl 2: 0.9092851263504025 */
  double bird_d4 = idf_bird * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 4 / 2.2));
  double bird_d3 = idf_bird * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 2.2));

  CU_ASSERT_DOUBLE_EQUAL (cat_d1, 0.5598161080571258, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (cat_d2, 0.6723564596768572, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (cat_d4, 0.40383019559538796, 1e-12);
  {
    g_autoptr(MteMatches) m = mte_text_index_query (index, "cats", 10, NULL);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 3);
    assert_match (m, 0, "d2", cat_d2);
    assert_match (m, 1, "d1", cat_d1);
    assert_match (m, 2, "d4", cat_d4);
  }
  {
    /* d4 holds both: 0.40383 + 0.97858 = 1.3824141883882 (repeating a
     * query word changes nothing: BM25 sums over distinct terms). */
    g_autoptr(MteMatches) m = mte_text_index_query (index, "cat bird birds", 10, NULL);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 4);
    assert_match (m, 0, "d4", cat_d4 + bird_d4);
    assert_match (m, 1, "d3", bird_d3);
    assert_match (m, 2, "d2", cat_d2);
    assert_match (m, 3, "d1", cat_d1);
  }
  {
    /* top_k cuts; exclude_key leaves one out; 0 returns none. */
    g_autoptr(MteMatches) two = mte_text_index_query (index, "cat bird", 2, NULL);
    g_autoptr(MteMatches) ex = mte_text_index_query (index, "cat bird", 2, "d4");
    g_autoptr(MteMatches) none = mte_text_index_query (index, "cat bird", 0, NULL);
    g_autoptr(MteMatches) all = mte_text_index_query (index, "cat bird", G_MAXUINT, NULL);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (two), 2);
    assert_match (two, 0, "d4", cat_d4 + bird_d4);
    assert_match (two, 1, "d3", bird_d3);
    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (ex), 2);
    assert_match (ex, 0, "d3", bird_d3);
    assert_match (ex, 1, "d2", cat_d2);
    CU_ASSERT_EQUAL (mte_matches_get_n (none), 0);
    CU_ASSERT_EQUAL (mte_matches_get_n (all), 4);
  }
  {
    /* Empty, stop words only, unknown words: no match. */
    g_autoptr(MteMatches) a = mte_text_index_query (index, "", 10, NULL);
    g_autoptr(MteMatches) b = mte_text_index_query (index, "the and of", 10, NULL);
    g_autoptr(MteMatches) c = mte_text_index_query (index, "zebra unicorn", 10, NULL);

    CU_ASSERT_EQUAL (mte_matches_get_n (a), 0);
    CU_ASSERT_EQUAL (mte_matches_get_n (b), 0);
    CU_ASSERT_EQUAL (mte_matches_get_n (c), 0);
  }
  {
    /* By key: d3's own terms (dog, bird), d3 left out.
     * idf(dog) = idf(bird) = ln 2.4; dog in d1: tf 1, dl 2 (as bird in d3). */
    g_autoptr(MteMatches) m = mte_text_index_query_key (index, "d3", 10);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 2);
    assert_match (m, 0, "d4", bird_d4);
    assert_match (m, 1, "d1", bird_d3);
  }
}

/* tf-idf as scikit-learn's TfidfVectorizer(sublinear_tf=True):
 * weight (1 + ln tf) * (ln ((1 + N) / (1 + df)) + 1), L2-normalised,
 * cosine. idf(cat) = ln (6/4) + 1 = 1.4054651081081644;
 * idf(dog) = idf(fish) = idf(bird) = ln (6/3) + 1 = 1.6931471805599454. */
static void
test_tfidf_scores (void)
{
  g_autoptr(MteTextIndex) index = corpus (MTE_WEIGHTING_TFIDF);
  double ic = log (6.0 / 4.0) + 1, io = log (2.0) + 1, l2 = 1 + log (2.0);

  {
    /* The query "cat" is the unit vector of cat, so each score is the
     * document's normalised cat weight:
     * d1 = ic / sqrt (ic^2 + io^2)                    = 0.6387105775654869
     * d2 = l2 ic / sqrt ((l2 ic)^2 + io^2)             = 0.8148024746671689
     * d4 = ic / sqrt (ic^2 + io^2 + (l2 io)^2)         = 0.38890467013492613 */
    g_autoptr(MteMatches) m = mte_text_index_query (index, "cat", 10, NULL);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 3);
    assert_match (m, 0, "d2", l2 * ic / sqrt (l2 * ic * l2 * ic + io * io));
    assert_match (m, 1, "d1", ic / sqrt (ic * ic + io * io));
    assert_match (m, 2, "d4", ic / sqrt (ic * ic + io * io + l2 * io * l2 * io));
    CU_ASSERT_DOUBLE_EQUAL (mte_matches_get_score (m, 0), 0.8148024746671689, 1e-12);
  }
  {
    /* Query "cat cat bird": weights (l2 ic, io) / sqrt ((l2 ic)^2 + io^2).
     * d4 = (l2 ic * ic + io * l2 io) / (|q| |d4|). */
    g_autoptr(MteMatches) m = mte_text_index_query (index, "cat cat bird", 1, NULL);
    double q = sqrt (l2 * ic * l2 * ic + io * io);
    double d4 = sqrt (ic * ic + io * io + l2 * io * l2 * io);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 1);
    assert_match (m, 0, "d4", (l2 * ic * ic + io * l2 * io) / (q * d4));
  }
  {
    /* A document matched with itself scores 1. */
    g_autoptr(MteMatches) m = mte_text_index_query (index, "dog bird", 1, NULL);

    assert_match (m, 0, "d3", 1.0);
  }
  {
    /* Removing d5 (no terms) changes N and so every idf and norm:
     * idf(cat) = ln (5/4) + 1, idf(bird) = ln (5/3) + 1. */
    g_autoptr(MteMatches) m = NULL;
    double ic4 = log (5.0 / 4.0) + 1, io4 = log (5.0 / 3.0) + 1;

    CU_ASSERT_TRUE (mte_text_index_remove (index, "d5"));
    m = mte_text_index_query (index, "cat", 10, NULL);
    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 3);
    assert_match (m, 1, "d1", ic4 / sqrt (ic4 * ic4 + io4 * io4));
  }
}

static void
test_ties_and_shared (void)
{
  g_autoptr(MteTextIndex) index = new_index ("english", MTE_WEIGHTING_BM25);

  /* Equal texts, equal scores: ordered by key whatever the insertion. */
  set (index, "zeta", "feeling supported by nurses");
  set (index, "alpha", "feeling supported by nurses");
  set (index, "mid", "feeling supported by nurses");
  set (index, "other", "Listening, listened and LISTENS; support, support");
  {
    g_autoptr(MteMatches) m = mte_text_index_query (index, "nurses", 10, NULL);

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 3);
    MTE_ASSERT_STR (mte_matches_get_key (m, 0), "alpha");
    MTE_ASSERT_STR (mte_matches_get_key (m, 1), "mid");
    MTE_ASSERT_STR (mte_matches_get_key (m, 2), "zeta");
    CU_ASSERT_EQUAL (mte_matches_get_score (m, 0), mte_matches_get_score (m, 2));
  }
  {
    /* Shared words: "listen" is given by three words once each, so the
     * first by strcmp, "listened"; it is rarer (df 1) than "support"
     * (df 4) and held 3 times, so it comes first. The query's own word
     * forms do not matter: the document's are shown. */
    g_autoptr(MteMatches) m = mte_text_index_query (index, "supporting listen", 1, NULL);
    const char * const *shared;

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 1);
    MTE_ASSERT_STR (mte_matches_get_key (m, 0), "other");
    shared = mte_matches_get_shared (m, 0);
    CU_ASSERT_EQUAL_FATAL (g_strv_length ((char **) shared), 2);
    MTE_ASSERT_STR (shared[0], "listened");
    MTE_ASSERT_STR (shared[1], "support");
  }
  {
    /* "feeling" is rarer than "supported" (df 3 against 4): first. */
    g_autoptr(MteMatches) m = mte_text_index_query_key (index, "mid", 10);
    const char * const *shared;

    CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (m), 3);
    MTE_ASSERT_STR (mte_matches_get_key (m, 0), "alpha");
    MTE_ASSERT_STR (mte_matches_get_key (m, 1), "zeta");
    MTE_ASSERT_STR (mte_matches_get_key (m, 2), "other");
    shared = mte_matches_get_shared (m, 0);
    CU_ASSERT_EQUAL_FATAL (g_strv_length ((char **) shared), 3);
    MTE_ASSERT_STR (shared[0], "feeling");
    MTE_ASSERT_STR (shared[1], "nurses");
    MTE_ASSERT_STR (shared[2], "supported");
    shared = mte_matches_get_shared (m, 2);
    CU_ASSERT_EQUAL_FATAL (g_strv_length ((char **) shared), 1);
    MTE_ASSERT_STR (shared[0], "support");
  }
}

/* -- incremental updates equal a rebuild ------------------------------ */

static const char *const vocabulary[] = {
  "trust", "nurses", "doctor", "doctors", "listening", "listened", "fear", "stigma",
  "support", "supported", "family", "hope", "loss", "control", "care", "carers",
  "waiting", "time", "pain", "silence", "the", "of", "and", "not", "never", "Caf\xc3\xa9",
  "home", "work", "money", "faith",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 12);

  for (int i = 0; i < n; i++)
    {
      /* Skewed: low words more often, so that frequencies repeat. */
      int a = g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary));
      int b = g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary));

      g_string_append (text, vocabulary[MIN (a, b)]);
      g_string_append (text, i % 4 == 3 ? ". " : " ");
    }
  return g_string_free (text, FALSE);
}

static void
assert_same_matches (MteMatches *a, MteMatches *b)
{
  CU_ASSERT_EQUAL_FATAL (mte_matches_get_n (a), mte_matches_get_n (b));
  for (guint i = 0; i < mte_matches_get_n (a); i++)
    {
      const char * const *sa = mte_matches_get_shared (a, i);
      const char * const *sb = mte_matches_get_shared (b, i);

      MTE_ASSERT_STR (mte_matches_get_key (a, i), mte_matches_get_key (b, i));
      /* Bit for bit: every sum runs in the same (stem) order. */
      CU_ASSERT_EQUAL (mte_matches_get_score (a, i), mte_matches_get_score (b, i));
      CU_ASSERT_TRUE (g_strv_equal ((const char * const *) sa, (const char * const *) sb));
      if (i > 0)
        CU_ASSERT_TRUE (mte_matches_get_score (a, i) <= mte_matches_get_score (a, i - 1));
    }
}

static int
compare_keys (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
check_rebuild (MteWeighting weighting)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260117);
  g_autoptr(MteTextIndex) index = new_index ("english", weighting);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int step = 0; step < 600; step++)
    {
      g_autofree char *key = g_strdup_printf ("k%02d", g_rand_int_range (rand, 0, 40));
      int what = g_rand_int_range (rand, 0, 10);

      if (what < 2)
        {
          CU_ASSERT_EQUAL (mte_text_index_remove (index, key),
                           g_hash_table_remove (texts, key));
        }
      else
        {
          char *text = random_text (rand);

          set (index, key, text);
          g_hash_table_replace (texts, g_strdup (key), text);
        }
      /* Queries in between, so that cached norms are used and go stale. */
      if (step % 7 == 0)
        mte_matches_free (mte_text_index_query (index, "trust doctors", 5, NULL));
      CU_ASSERT_EQUAL (mte_text_index_get_n_documents (index), g_hash_table_size (texts));
    }

  {
    /* The rebuild, in another order than any the history had. */
    g_autoptr(MteTextIndex) fresh = new_index ("english", weighting);
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array (texts, NULL);
    guint n = g_hash_table_size (texts);

    g_qsort_with_data (keys, (gint) n, sizeof (gpointer), compare_keys, NULL);
    for (guint i = n; i-- > 0;)
      set (fresh, keys[i], g_hash_table_lookup (texts, keys[i]));
    CU_ASSERT_EQUAL_FATAL (mte_text_index_get_n_documents (fresh), n);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MteMatches) a = mte_text_index_query_key (index, keys[i], 8);
        g_autoptr(MteMatches) b = mte_text_index_query_key (fresh, keys[i], 8);
        g_autoptr(MteMatches) c = mte_text_index_query (index, g_hash_table_lookup (texts, keys[i]),
                                                        G_MAXUINT, NULL);
        g_autoptr(MteMatches) d = mte_text_index_query (fresh, g_hash_table_lookup (texts, keys[i]),
                                                        G_MAXUINT, NULL);

        CU_ASSERT_PTR_NOT_NULL_FATAL (a);
        assert_same_matches (a, b);
        assert_same_matches (c, d);
      }
    for (guint w = 0; w < G_N_ELEMENTS (vocabulary); w++)
      {
        g_autoptr(MteMatches) a = mte_text_index_query (index, vocabulary[w], 10, NULL);
        g_autoptr(MteMatches) b = mte_text_index_query (fresh, vocabulary[w], 10, NULL);

        assert_same_matches (a, b);
      }
  }
}

static void
test_rebuild_bm25 (void)
{
  check_rebuild (MTE_WEIGHTING_BM25);
}

static void
test_rebuild_tfidf (void)
{
  check_rebuild (MTE_WEIGHTING_TFIDF);
}

static const MteTestCase cases[] = {
  { "tokenize-english", test_tokenize_english },
  { "tokenize-french-german", test_tokenize_french_german },
  { "languages", test_languages },
  { "set-remove", test_set_remove },
  { "bm25-scores", test_bm25_scores },
  { "tfidf-scores", test_tfidf_scores },
  { "ties-and-shared", test_ties_and_shared },
  { "rebuild-bm25", test_rebuild_bm25 },
  { "rebuild-tfidf", test_rebuild_tfidf },
};

MTE_TEST_MAIN ("text-index", cases)
