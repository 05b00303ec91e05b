#!/usr/bin/env python3
"""The review report's model from Python: the team's text per eMERGe item,
the JBI credibility of second-order constructs, and ConQual.

Run against a build tree by `meson test python-emerge`, or by hand:

    METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python \\
        python3 tests/python/test_emerge.py

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import os
import tempfile
import unittest

import metaethno
from metaethno import (Confidence, Credibility, EmergeItem, InvalidValueError,
                       NotFoundError, Project, WrongKindError)

JBI_ANSWERS = ["yes", "no", "unclear", "not applicable"]


class TestEmergeItems(unittest.TestCase):
    def test_the_nineteen_items(self):
        self.assertEqual(len(EmergeItem), 19)
        self.assertEqual([int(i) for i in EmergeItem], list(range(1, 20)))
        self.assertEqual(str(EmergeItem.WHY_META_ETHNOGRAPHY), "why-meta-ethnography")
        self.assertEqual(EmergeItem.WHY_META_ETHNOGRAPHY.title, "Rationale for using meta-ethnography")
        self.assertEqual(EmergeItem.RECOMMENDATIONS.phase, 7)
        self.assertEqual([i.phase for i in EmergeItem],
                         [1] * 4 + [2] * 4 + [3] * 2 + [4] * 2 + [5] * 2 + [6] * 2 + [7] * 3)
        self.assertIs(EmergeItem.from_string("summary"), EmergeItem.SUMMARY)
        self.assertIs(EmergeItem.from_string("17"), EmergeItem.SUMMARY)
        with self.assertRaises(ValueError):
            EmergeItem.from_string("conclusion")


class TestEmergeTexts(unittest.TestCase):
    def test_mapping(self):
        with Project() as p:
            texts = p.emerge
            self.assertEqual(dict(texts), {})
            texts["strengths-limitations"] = "Only UK studies."
            texts[EmergeItem.RATIONALE] = "A gap."
            texts[4] = "Theory from thick studies."
            self.assertEqual(list(texts), ["rationale", "why-meta-ethnography",
                                           "strengths-limitations"])
            self.assertEqual(texts["why-meta-ethnography"], "Theory from thick studies.")
            self.assertIn("rationale", texts)
            self.assertNotIn("aim", texts)
            self.assertNotIn("no such item", texts)
            with self.assertRaises(KeyError):
                texts["aim"]
            with self.assertRaises(ValueError):
                texts["conclusion"] = "x"
            with self.assertRaises(InvalidValueError):
                texts["aim"] = "a bell \a"
            texts["rationale"] = ""
            del texts["why-meta-ethnography"]
            with self.assertRaises(KeyError):
                del texts["why-meta-ethnography"]
            self.assertEqual(dict(texts), {"strengths-limitations": "Only UK studies."})

    def test_round_trip(self):
        with Project() as p:
            p.title = "T"
            p.emerge["reading"] = "Two readers, <independently> & twice.\nSecond line: 温かさ"
            s = p.add_study(id="s")
            theme = s.add_interpretation("Warmth", id="s-t1")
            theme.credibility = "equivocal"
            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "r.xml")
                p.save(path, fsync=False)
                with open(path, "rb") as f:
                    self.assertIn(b'version="1.2"', f.read(300))
                with Project.load(path) as q:
                    self.assertEqual(dict(q.emerge), dict(p.emerge))
                    self.assertIs(q.lookup("s-t1").credibility, Credibility.CREDIBLE)
                    self.assertTrue(q.equals(p))


class TestCredibility(unittest.TestCase):
    def test_second_order_only(self):
        with Project() as p:
            s = p.add_study(id="s")
            quote = s.add_quote("I was heard", id="s-q1")
            theme = s.add_interpretation("Being heard", id="s-t1")
            self.assertIs(theme.credibility, Credibility.NOT_ASSESSED)
            theme.credibility = Credibility.UNEQUIVOCAL
            self.assertIs(theme.credibility, Credibility.UNEQUIVOCAL)
            theme.credibility = "unsupported"
            self.assertEqual(str(theme.credibility), "unsupported")
            theme.credibility = None
            self.assertIs(theme.credibility, Credibility.NOT_ASSESSED)
            with self.assertRaises(ValueError):
                theme.credibility = "doubtful"
            with self.assertRaises(WrongKindError):
                quote.credibility = "credible"
            self.assertIs(quote.credibility, Credibility.NOT_ASSESSED)


def jbi_project(appraisals, credibilities):
    """A project with the JBI checklist, one study per entry of
    *appraisals* (answers to q2, q3, q4, q6, q7 as a string of y/n) and a
    finding resting on each study's theme of the given credibility."""
    p = Project()
    jbi = p.add_checklist("JBI", id="jbi")
    for q in range(1, 11):
        jbi.add_question(f"q{q}", "?", JBI_ANSWERS)
    finding = p.add_third_order("A finding", id="f")
    for n, (answers, credibility) in enumerate(zip(appraisals, credibilities)):
        s = p.add_study(id=f"s{n}")
        theme = s.add_interpretation("A theme", id=f"s{n}-t1")
        theme.credibility = credibility
        for key, answer in zip(["q2", "q3", "q4", "q6", "q7"], answers):
            s.set_appraisal("jbi", key, "yes" if answer == "y" else "no")
        finding.add_basis(theme)
    return p


class TestConqual(unittest.TestCase):
    def test_munn_worked_example(self):
        # Munn et al. 2014, Table 1: down one for dependability (most
        # studies no to Q6 and Q7), one for credibility (unequivocal and
        # equivocal findings): Low.
        with jbi_project(["yyynn", "yyynn", "yyyyy", "yyynn"],
                         ["unequivocal", "credible", "unequivocal", "credible"]) as p:
            c = p.conqual("f")
            self.assertTrue(c.computable)
            self.assertEqual(c.dependability_downgrade, 1)
            self.assertEqual(c.credibility_downgrade, 1)
            self.assertIs(c.score, Confidence.LOW)
            self.assertEqual([(s.id, yes) for s, yes in c.studies],
                             [("s0", 3), ("s1", 3), ("s2", 5), ("s3", 3)])
            self.assertEqual([t.id for t in c.constructs], ["s0-t1", "s1-t1", "s2-t1", "s3-t1"])
            self.assertEqual(c.finding, p.lookup("f"))
            self.assertIn("score=low", repr(c))

    def test_high_and_not_computable(self):
        with jbi_project(["yyyyy", "yyyny"], ["unequivocal", "unequivocal"]) as p:
            c = p.conqual(p.lookup("f"))
            self.assertIs(c.score, Confidence.HIGH)
            self.assertEqual((c.dependability_downgrade, c.credibility_downgrade), (0, 0))
            p.lookup("s1-t1").credibility = None
            p.add_study(id="late").add_interpretation("Late", id="late-t1").credibility = "credible"
            p.lookup("f").add_basis("late-t1")
            c = p.conqual("f")
            self.assertFalse(c.computable)
            self.assertIs(c.score, Confidence.NOT_ASSESSED)
            self.assertEqual([s.id for s in c.unappraised], ["late"])
            self.assertEqual([t.id for t in c.unassessed], ["s1-t1"])
            self.assertIsNone(c.studies[2][1])

    def test_errors(self):
        with Project() as p:
            p.add_third_order("A finding", id="f")
            with self.assertRaises(NotFoundError):
                p.conqual("f")
            with self.assertRaises(KeyError):
                p.conqual("nothing")
            with self.assertRaises(TypeError):
                p.conqual(3)


if __name__ == "__main__":
    unittest.main(verbosity=2)
