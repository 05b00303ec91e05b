#!/usr/bin/env python3
"""REFI-QDA from Python (issue 14): Project.import_refi(), export_refi(),
write_refi() and metaethno.describe_refi() over the C library.

The warmth example exported and imported back keeps its studies,
constructs, concepts and members; a refused import (a mapped code the
codebook lacks, a hostile archive, strict mode) raises and leaves the
project unchanged; the report is a plain snapshot with the library's own
text and JSON.

    METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python \\
        python3 tests/python/test_refi.py

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import json
import os
import tempfile
import unittest

import metaethno
from metaethno import (FormatError, InvalidValueError, NotFoundError, Project, RefiFormat,
                       RefiLoss, RefiReport, RefiStudyUnit)

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT", os.path.dirname(os.path.dirname(HERE)))
WARMTH = os.path.join(SOURCE_ROOT, "docs", "examples", "warmth", "warmth.xml")
HOSTILE = os.path.join(SOURCE_ROOT, "tests", "data", "refi", "hostile")


class TestEnums(unittest.TestCase):
    def test_names(self):
        self.assertEqual(str(RefiFormat.QDPX), "qdpx")
        self.assertEqual(RefiFormat.coerce("qdc"), RefiFormat.QDC)
        self.assertEqual(str(RefiStudyUnit.PER_CASE), "case")
        self.assertEqual(RefiStudyUnit.coerce("source"), RefiStudyUnit.PER_SOURCE)


class TestRoundTrip(unittest.TestCase):
    def setUp(self):
        self.warmth = metaethno.load(WARMTH)

    def test_export_is_reproducible(self):
        data, report = self.warmth.export_refi("qdpx")
        again, _ = self.warmth.export_refi(RefiFormat.QDPX)
        self.assertEqual(data, again)
        self.assertTrue(data.startswith(b"PK\x03\x04"))
        self.assertIsInstance(report, RefiReport)
        translations = [loss for loss in report.losses if loss.what == "translations"]
        self.assertEqual(len(translations), 1)
        self.assertIsInstance(translations[0], RefiLoss)
        self.assertEqual(translations[0].count, 112)
        self.assertEqual(len(translations[0].details), 112)

    def test_import_back(self):
        data, _ = self.warmth.export_refi("qdpx")
        project = Project("again")
        report = project.import_refi(data, name="warmth.qdpx")
        self.assertFalse(report.dry_run)
        self.assertEqual(report.made["studies"], 29)
        self.assertEqual(report.lost, 112)
        self.assertEqual([s.id for s in project.studies], [s.id for s in self.warmth.studies])
        self.assertEqual([c.label for c in project.concepts], [c.label for c in self.warmth.concepts])
        self.assertEqual([m.name for m in project.members], [m.name for m in self.warmth.members])
        self.assertEqual(json.loads(report.json)["made"]["studies"], 29)
        self.assertIn("not carried: 112 translation rationales", report.text)
        self.assertIn("29 studies", repr(report))

    def test_write_and_describe(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "warmth.qdc")
            report = self.warmth.write_refi(path)
            self.assertEqual(report.made["codes"], 4 + 14 + 5)
            tree = metaethno.describe_refi(path)
            self.assertIn("Key concepts [not codable]", tree)
            described = json.loads(metaethno.describe_refi(path, json=True))
            self.assertEqual(described["kind"], "codebook")
            project = Project("codebook")
            project.import_refi(path)
            self.assertEqual(len(project.concepts), 14)
            with self.assertRaises(ValueError):
                self.warmth.write_refi(os.path.join(tmp, "warmth.zip"))


class TestRefusals(unittest.TestCase):
    def test_unknown_code_changes_nothing(self):
        data, _ = metaethno.load(WARMTH).export_refi("qdpx")
        project = Project("r")
        before = project.to_bytes()
        with self.assertRaises(NotFoundError) as caught:
            project.import_refi(data, name="w.qdpx", concepts="No such code")
        self.assertIn("No such code", str(caught.exception))
        self.assertEqual(project.to_bytes(), before)

    def test_strict_and_dry_run(self):
        data, _ = metaethno.load(WARMTH).export_refi("qdpx")
        project = Project("r")
        before = project.to_bytes()
        with self.assertRaises(InvalidValueError):
            project.import_refi(data, strict=True)
        self.assertEqual(project.to_bytes(), before)
        report = project.import_refi(data, dry_run=True)
        self.assertTrue(report.dry_run)
        self.assertEqual(report.made["studies"], 29)
        self.assertEqual(project.to_bytes(), before)

    def test_hostile_archives(self):
        project = Project("r")
        for name in sorted(os.listdir(HOSTILE)):
            with self.subTest(name=name), self.assertRaises(FormatError) as caught:
                project.import_refi(os.path.join(HOSTILE, name))
            self.assertNotIn("\n", str(caught.exception))
        self.assertEqual(len(project.studies), 0)

    def test_bad_arguments(self):
        project = Project("r")
        with self.assertRaises(TypeError):
            project.import_refi(12)
        with self.assertRaises(ValueError):
            project.import_refi(b"PK", study="paper")


if __name__ == "__main__":
    unittest.main(verbosity=2)
