#!/usr/bin/env python3
"""The text-similarity index from Python: metaethno.TextIndex over
mte-similarity.h.

The mapping interface, terms, queries and their ranking, errors, and the
tf-idf weighting checked against scikit-learn's
``TfidfVectorizer(sublinear_tf=True)`` (python3-sklearn; skipped without
it) on the index's own terms.

    METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python \\
        python3 tests/python/test_similarity.py

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import math
import random
import threading
import unittest

import metaethno
from metaethno import ClosedError, InvalidValueError, Match, TextIndex, Weighting

FINDINGS = {
    "s1-t1": "Patients trusted nurses who listened to them.",
    "s1-t2": "Fear of stigma kept patients silent about their pain.",
    "s2-t1": "Nurses listening closely built trust with patients and families.",
    "s2-t2": "Waiting for results was a time of fear and hope.",
    "s3-t1": "Doctors did not listen; patients felt dismissed.",
    "s3-t2": "Families supported patients through the waiting.",
    "s4-t1": "Money worries and work kept carers from resting.",
}


def under_valgrind():
    try:
        with open("/proc/self/maps") as maps:
            return "vgpreload" in maps.read()
    except OSError:
        return False


class TestWeighting(unittest.TestCase):
    def test_names(self):
        self.assertEqual(str(Weighting.BM25), "bm25")
        self.assertEqual(Weighting.coerce("tfidf"), Weighting.TFIDF)
        self.assertEqual(int(Weighting.TFIDF), 1)
        self.assertIn("Weighting", metaethno.__all__)
        self.assertIn("TextIndex", metaethno.__all__)


class TestTextIndex(unittest.TestCase):
    def setUp(self):
        self.index = TextIndex()
        for key, text in FINDINGS.items():
            self.index[key] = text

    def tearDown(self):
        self.index.close()

    def test_mapping(self):
        index = self.index
        self.assertEqual(len(index), len(FINDINGS))
        self.assertIn("s1-t1", index)
        self.assertNotIn("nope", index)
        self.assertNotIn(3, index)
        index["s1-t1"] = "Something else entirely"
        self.assertEqual(len(index), len(FINDINGS))
        del index["s1-t1"]
        self.assertNotIn("s1-t1", index)
        with self.assertRaises(KeyError):
            del index["s1-t1"]
        self.assertEqual(len(index), len(FINDINGS) - 1)
        self.assertEqual(index.language, "english")
        self.assertEqual(index.weighting, Weighting.BM25)
        self.assertIn("6 documents", repr(index))

    def test_terms(self):
        self.assertEqual(self.index.terms("The Patients' DOCTORS don't listen!"),
                         ["patient", "doctor", "don't", "listen"])
        self.assertEqual(self.index.terms("Caf\u00e9"), self.index.terms("CAFE\u0301"))
        self.assertEqual(self.index.terms(""), [])
        self.assertEqual(self.index.terms("the and of"), [])

    def test_similar(self):
        matches = self.index.similar("s1-t1", top=3)
        self.assertEqual(len(matches), 3)
        self.assertIsInstance(matches[0], Match)
        self.assertEqual(matches[0].key, "s2-t1")  # trust, nurses, listening, patients
        self.assertEqual(set(matches[0].shared), {"trust", "nurses", "listening", "patients"})
        self.assertNotIn("s1-t1", [m.key for m in matches])
        scores = [m.score for m in matches]
        self.assertEqual(scores, sorted(scores, reverse=True))
        with self.assertRaises(KeyError):
            self.index.similar("nope")

    def test_query(self):
        matches = self.index.query("fear", top=10)
        # BM25 favours the shorter text (5 terms against 6).
        self.assertEqual([m.key for m in matches], ["s2-t2", "s1-t2"])
        self.assertEqual(matches[0].shared, ["fear"])
        self.assertEqual([m.key for m in self.index.query("fear", exclude="s2-t2")], ["s1-t2"])
        self.assertEqual(self.index.query("fear", top=0), [])
        self.assertEqual(self.index.query("zebra"), [])
        self.assertEqual(self.index.query(""), [])
        with self.assertRaises(ValueError):
            self.index.query("fear", top=-1)
        with self.assertRaises(TypeError):
            self.index.query("fear", top=1.5)

    def test_errors(self):
        with self.assertRaises(InvalidValueError) as caught:
            TextIndex("klingon")
        self.assertIn("english", str(caught.exception))
        with self.assertRaises(ValueError):
            TextIndex(weighting="cosine")
        with self.assertRaises(InvalidValueError):
            self.index[""] = "text"
        with self.assertRaises(ValueError):
            self.index["k"] = "a\0b"
        with self.assertRaises(TypeError):
            self.index["k"] = b"bytes"

    def test_languages(self):
        self.assertIn("english", TextIndex.languages())
        self.assertIn("french", TextIndex.languages())
        with TextIndex("fr", "tfidf") as fr:
            self.assertEqual(fr.language, "french")
            self.assertEqual(fr.terms("l'h\u00f4pital"), ["h\u00f4pital"])
        self.assertTrue(fr.closed)
        with self.assertRaises(ClosedError):
            len(fr)
        fr.close()

    def test_threads(self):
        errors = []

        def work(n):
            try:
                for i in range(50):
                    self.index[f"t{n}-{i}"] = f"patients nurses trust {i}"
                    self.index.similar(f"t{n}-{i}", top=3)
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(self.index), len(FINDINGS) + 200)


class TestAgainstScikitLearn(unittest.TestCase):
    """TFIDF equals TfidfVectorizer(sublinear_tf=True) on the same terms."""

    def test_cosines(self):
        if under_valgrind():
            # numpy and scipy leak at import (and scipy's boost ufuncs fail
            # to initialise) under valgrind, which would be reported as ours.
            self.skipTest("scikit-learn is not imported under valgrind")
        try:
            from sklearn.feature_extraction.text import TfidfVectorizer
        except ImportError:
            self.skipTest("scikit-learn (python3-sklearn) is not installed")
        rng = random.Random(7)
        words = ["trust", "nurses", "doctors", "fear", "stigma", "support", "family",
                 "hope", "loss", "pain", "waiting", "time", "care", "home", "work"]
        texts = {f"d{i:02d}": " ".join(rng.choice(words[:rng.randint(3, len(words))])
                                       for _ in range(rng.randint(1, 12)))
                 for i in range(40)}
        with TextIndex("english", "tfidf") as index:
            for key, text in texts.items():
                index[key] = text
            keys = sorted(texts)
            vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=index.terms)
            matrix = vectorizer.fit_transform([texts[k] for k in keys])
            cosines = (matrix @ matrix.T).toarray()
            for i, key in enumerate(keys):
                got = index.similar(key, top=len(keys))
                expected = sorted(((-cosines[i, j], keys[j]) for j in range(len(keys))
                                   if j != i and cosines[i, j] > 1e-12))
                self.assertEqual(len(got), len(expected), key)
                for match, (neg, other) in zip(got, expected):
                    self.assertTrue(math.isclose(match.score, -neg, rel_tol=1e-9, abs_tol=1e-12))
                # The same documents at each score (equal scores may
                # differ in the last bit, and so in order).
                self.assertEqual(self.groups([(m.score, m.key) for m in got]),
                                 self.groups([(-neg, other) for neg, other in expected]))

    @staticmethod
    def groups(pairs):
        out = {}
        for score, key in pairs:
            out.setdefault(round(score, 9), set()).add(key)
        return out


if __name__ == "__main__":
    unittest.main()
