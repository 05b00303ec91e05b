#!/usr/bin/env python3
"""Unit tests of the Python bindings (bindings/python/metaethno).

Run against a build tree by `meson test python-bindings`, or by hand:

    METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python MTE_SOURCE_ROOT=. \\
        METAETHNO=build/bindings/cli/metaethno python3 tests/python/test_bindings.py

Figures checked on the small project below are worked out by hand in the
comments; the bundled example is checked against the metaethno command.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import datetime
import errno
import gc
import os
import subprocess
import sys
import tempfile
import unittest

import metaethno
from metaethno import (CellState, ConstructOrder, Project, Severity,
                       StudyOrder, TranslationKind)

SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXAMPLE = os.path.join(SOURCE_ROOT, "docs", "examples", "warmth", "warmth.xml")
TEST_DATA = os.path.join(SOURCE_ROOT, "tests", "data")
CLI = os.environ.get("METAETHNO")


def under_valgrind():
    try:
        with open("/proc/self/maps") as maps:
            return "vgpreload" in maps.read()
    except OSError:
        return False
UTC = datetime.timezone.utc


def small_project():
    """Three studies and three concepts, worked by hand:

    study  year  second-order constructs
    A      2001  a1 → x, a2 → y
    B      2005  b1 → x, b2 → z
    C      2010  c1 → y, c2 refutes x

    concept sets: A {x, y}, B {x, z}, C {y}
    shared: A·B 1 (Jaccard 1/3), A·C 1 (1/2), B·C 0 (0)
    findings: T1 on x and y (studies A, B, C), T2 on z (study B only);
    T1 leads to T2.
    """
    p = Project("small")
    p.add_member("Reviewer One", "lead", id="r1")
    studies = {}
    for sid, year in (("A", 2001), ("B", 2005), ("C", 2010)):
        studies[sid] = p.add_study(sid, title=f"Study {sid}", year=year)
    x = p.add_concept("x", id="x")
    y = p.add_concept("y", id="y")
    z = p.add_concept("z", id="z")
    q = studies["A"].add_quote("words of A", speaker="participant 1", id="qa")
    a1 = studies["A"].add_interpretation("A on x", grounded_in=[q], id="a1")
    a2 = studies["A"].add_interpretation("A on y", id="a2")
    b1 = studies["B"].add_interpretation("B on x", id="b1")
    b2 = studies["B"].add_interpretation("B on z", id="b2")
    c1 = studies["C"].add_interpretation("C on y", id="c1")
    c2 = studies["C"].add_interpretation("C against x", id="c2")
    for concept, construct in ((x, a1), (y, a2), (x, b1), (z, b2), (y, c1)):
        concept.add_expression(construct)
    t = p.add_translation("refutational", c2, x, id="t-c2-x")
    t.rationale = "C contradicts x"
    t.reviewer = "r1"
    t1 = p.add_third_order("T1", id="T1")
    t1.add_basis(x)
    t1.add_basis(y)
    t2 = p.add_third_order("T2", id="T2")
    t2.add_basis(z)
    p.add_argument_link(t1, t2, id="l1")
    return p


class Discovery(unittest.TestCase):
    def run_python(self, code, **env_changes):
        env = dict(os.environ)
        for key, value in env_changes.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return subprocess.run([sys.executable, "-c", code], env=env,
                              capture_output=True, text=True, timeout=120)

    def test_explicit_library_that_fails_is_not_replaced(self):
        r = self.run_python(
            "import metaethno\n",
            METAETHNO_LIBRARY="/nonexistent/libmetaethno.so.0")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LibraryNotFoundError", r.stderr)
        self.assertIn("$METAETHNO_LIBRARY", r.stderr)
        self.assertIn("/nonexistent/libmetaethno.so.0", r.stderr)

    def test_folder_without_library_is_named(self):
        with tempfile.TemporaryDirectory() as folder:
            r = self.run_python("import metaethno\n", METAETHNO_LIBRARY=folder)
        self.assertIn("folder holds neither", r.stderr)

    def test_error_lists_every_place_tried(self):
        from metaethno import _native
        env = {"METAETHNO_LIBRARY": None, "PKG_CONFIG_PATH": "/nonexistent",
               "PKG_CONFIG_LIBDIR": "/nonexistent", "LD_LIBRARY_PATH": None}
        r = self.run_python(
            "import ctypes.util, sys\n"
            "if ctypes.util.find_library('metaethno'): sys.exit(77)\n"
            "import metaethno\n", **env)
        if r.returncode == 77:
            self.skipTest("an installed libmetaethno is visible to the loader")
        self.assertIn("LibraryNotFoundError", r.stderr)
        for attempt in ("$METAETHNO_LIBRARY: not set", "pkg-config",
                        "find_library", _native.SONAME):
            self.assertIn(attempt, r.stderr)

    def test_version_check_refuses_another_major(self):
        from metaethno import _native

        class Fake:
            _name = "libfake.so"

            def __init__(self, version):
                self.mte_get_major_version = lambda: version[0]
                self.mte_get_minor_version = lambda: version[1]
                self.mte_get_micro_version = lambda: version[2]
                for f in (self.mte_get_major_version, self.mte_get_minor_version,
                          self.mte_get_micro_version):
                    f.restype = f.argtypes = None

        with self.assertRaises(metaethno.IncompatibleLibraryError):
            _native.check_version(Fake((1, 0, 0)))
        with self.assertRaises(metaethno.IncompatibleLibraryError):
            _native.check_version(Fake((0, 0, 9)))
        self.assertEqual(_native.check_version(Fake((0, 1, 3))), (0, 1, 3))
        with self.assertRaises(metaethno.IncompatibleLibraryError):
            _native.check_version(object())

    def test_version_attributes(self):
        self.assertEqual(metaethno.library_version,
                         ".".join(map(str, metaethno.library_version_info)))
        self.assertTrue(metaethno.schema().lstrip().startswith("<?xml"))


class Errors(unittest.TestCase):
    def setUp(self):
        self.p = small_project()

    def tearDown(self):
        self.p.close()

    def test_model_error_classes(self):
        p = self.p
        with self.assertRaises(metaethno.DuplicateIdError) as cm:
            p.add_study("A")
        self.assertEqual(cm.exception.domain, "mte-model-error-quark")
        self.assertEqual(cm.exception.code, 2)
        with self.assertRaises(metaethno.InvalidIdError):
            p.add_study("not an id")
        with self.assertRaises(metaethno.NotFoundError):
            p.concepts["x"].add_expression("nothing-here")
        with self.assertRaises(metaethno.WrongKindError):
            p.concepts["x"].add_expression("y")
        with self.assertRaises(metaethno.HasDependentsError) as cm:
            p.remove("x")
        self.assertIn("T1", str(cm.exception))
        with self.assertRaises(metaethno.InvalidValueError):
            p.title = "bell \x07 in a title"
        self.assertIsInstance(cm.exception, metaethno.ModelError)
        self.assertIsInstance(cm.exception, metaethno.MetaethnoError)

    def test_failed_add_leaves_nothing_behind(self):
        before = self.p.to_bytes()
        with self.assertRaises(ValueError):
            self.p.add_study("D", title="ok", year=20000)
        with self.assertRaises(metaethno.InvalidValueError):
            self.p.studies["A"].add_quote("words", speaker="\x01")
        self.assertEqual(self.p.to_bytes(), before)

    def test_format_errors_carry_location(self):
        fixtures = sorted(f for f in os.listdir(TEST_DATA)
                          if f.startswith("fail-") and f.endswith(".xml"))
        self.assertGreater(len(fixtures), 40)
        for name in fixtures:
            path = os.path.join(TEST_DATA, name)
            with open(path[:-4] + ".expected", encoding="utf-8") as f:
                code_name, fragment = (f.read().splitlines() + [""])[:2]
            with self.subTest(name), self.assertRaises(metaethno.FormatError) as cm:
                Project.load(path)
            e = cm.exception
            expected_class = metaethno.errors.FORMAT_ERRORS[
                ["FAILED", "MALFORMED", "FORBIDDEN", "TOO_LARGE", "SCHEMA",
                 "UNSUPPORTED_VERSION", "DUPLICATE_ID", "UNKNOWN_REFERENCE",
                 "INVALID_VALUE"].index(code_name)]
            self.assertIs(type(e), expected_class, name)
            self.assertEqual(e.file, path)
            self.assertIn(fragment, str(e))
            if e.line:
                self.assertTrue(str(e).startswith(f"{path}:{e.line}:"), str(e))
            self.assertNotIn("\n", str(e))

    def test_parse_error_from_bytes(self):
        with self.assertRaises(metaethno.ParseError) as cm:
            Project.from_bytes(b'<project xmlns="urn:metaethno:project:1" version="1.0">\n'
                               b'<title>a</titel>', "mine.xml")
        self.assertEqual((cm.exception.file, cm.exception.line), ("mine.xml", 2))
        self.assertGreater(cm.exception.column, 0)
        with self.assertRaises(metaethno.FormatError) as cm:
            Project.from_bytes(b"")
        self.assertEqual(cm.exception.file, "<data>")

    def test_missing_file(self):
        with self.assertRaises(metaethno.FormatError) as cm:
            Project.load("/nonexistent/project.xml")
        self.assertEqual(cm.exception.line, 0)
        self.assertIn("No such file", str(cm.exception))

    def test_save_failure_is_os_error(self):
        with self.assertRaises(metaethno.FileError) as cm:
            self.p.save("/nonexistent/folder/p.xml")
        self.assertIsInstance(cm.exception, OSError)
        self.assertEqual(cm.exception.errno, errno.ENOENT)

    def test_argument_errors_stop_before_c(self):
        s = self.p.studies["A"]
        with self.assertRaises(TypeError):
            s.title = 42
        with self.assertRaises(ValueError):
            s.title = "nul\0inside"
        with self.assertRaises(ValueError):
            s.title = "lone \udc80 surrogate"
        with self.assertRaises(ValueError):
            s.year = 0
        with self.assertRaises(ValueError):
            s.sample_size = -1
        with self.assertRaises(ValueError):
            self.p.created = -5
        with self.assertRaises(ValueError):
            self.p.created = datetime.datetime(2020, 1, 1)  # naive
        with self.assertRaises(ValueError):
            self.p.grid("sideways")
        with self.assertRaises(ValueError):
            self.p.relatedness(threshold=1.5)
        with self.assertRaises(ValueError):
            self.p.relatedness(threshold=float("nan"))
        with self.assertRaises(ValueError):
            self.p.generate_id("bad prefix")
        with self.assertRaises(IndexError):
            self.p.studies[3]
        with self.assertRaises(TypeError):
            self.p.studies[1.5]


class ProjectModel(unittest.TestCase):
    def test_fields_round_trip(self):
        with small_project() as p:
            p.question = "What?"
            p.aim = "To see."
            p.line_of_argument_statement = "x and y lead to z"
            when = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
            p.created = when
            s = p.studies["A"]
            s.authors = ["Ann, A.", "Ben, B."]
            s.doi = "10.1000/xyz"
            s.set_field("data-collection", "interviews")
            s.sample_size = 12
            s.set_attribute("ethnicity of sample", "mixed")
            s.translation_position = 2
            s.index_study = True
            checklist = p.add_checklist("CASP", id="casp")
            checklist.add_question("q1", "Clear aims?", ["yes", "no", "can't tell"])
            checklist.add_question("q10", "How valuable?")
            s.set_appraisal(checklist, "q1", "yes", "stated on p. 2")
            fw = p.add_socio_ecological_framework()
            fw.classify("T1", "individual")
            fw.classify("T1", "societal")
            memo = p.add_memo("Check C again", subject=s, author="r1", id="m1")
            memo.created = 0

            data = p.to_bytes()
            with Project.from_bytes(data) as again:
                self.assertTrue(again.equals(p))
                self.assertEqual(again.to_bytes(), data)
                a = again.studies["A"]
                self.assertEqual(again.created, when)
                self.assertEqual(a.authors, ["Ann, A.", "Ben, B."])
                self.assertEqual(a.fields["data-collection"], "interviews")
                self.assertEqual(a.get_field(metaethno.StudyField.DOI), "10.1000/xyz")
                self.assertEqual(a.attributes, {"ethnicity of sample": "mixed"})
                self.assertEqual((a.sample_size, a.translation_position, a.index_study),
                                 (12, 2, True))
                self.assertEqual(a.get_appraisal("casp", "q1"), ("yes", "stated on p. 2"))
                self.assertIsNone(a.get_appraisal("casp", "q10"))
                self.assertEqual([(x.checklist.id, x.question, x.answer) for x in a.appraisals],
                                 [("casp", "q1", "yes")])
                self.assertEqual(again.checklists["casp"].questions[0].answers,
                                 ["yes", "no", "can't tell"])
                self.assertEqual(again.checklists["casp"].question_index("q10"), 1)
                fw2 = again.frameworks["socio-ecological"]
                self.assertEqual(len(fw2.levels), 5)
                self.assertEqual(fw2.levels_of("T1"), ["individual", "societal"])
                self.assertEqual(again.memos["m1"].subject, a)
                self.assertIsNone(again.memos["m1"].created)
                self.assertEqual(again.memos["m1"].author.name, "Reviewer One")
                self.assertEqual(a.memos, [again.memos["m1"]])
                self.assertEqual(again.line_of_argument_statement, "x and y lead to z")

    def test_save_and_load(self):
        with small_project() as p, tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "p.xml")
            p.save(path)
            p.title = "changed"
            p.save(path, fsync=False)
            with Project.load(path) as again:
                self.assertEqual(again.title, "changed")
                self.assertTrue(again.equals(p))

    def test_lists_and_lookup(self):
        with small_project() as p:
            self.assertEqual([s.id for s in p.studies], ["A", "B", "C"])
            self.assertEqual(len(p.studies["B"].constructs), 2)
            self.assertEqual(p.studies[-1].id, "C")
            self.assertEqual([s.id for s in p.studies[1:]], ["B", "C"])
            self.assertIn("A", p.studies)
            self.assertIn(p.concepts["x"], p.concepts)
            self.assertIsInstance(p["a1"], metaethno.Construct)
            self.assertIsNone(p.lookup("nothing"))
            self.assertNotIn("nothing", p)
            with self.assertRaises(KeyError):
                p["nothing"]
            self.assertEqual(p.lookup("a1").study, p.studies["A"])
            self.assertEqual(p["a1"].groundings[0].speaker, "participant 1")
            self.assertEqual(p["a1"].entity_kind, metaethno.EntityKind.CONSTRUCT)
            self.assertEqual({p["a1"], p.lookup("a1")}, {p["a1"]})
            self.assertEqual(p.generate_id("study"), "study-1")
            self.assertEqual(sorted(p.dependents("x")), ["T1", "t-c2-x"])
            t = p.translations["t-c2-x"]
            self.assertEqual((t.kind, t.source.id, t.target.id, t.reviewer.id),
                             (TranslationKind.REFUTATIONAL, "c2", "x", "r1"))
            self.assertEqual(t.source_study.id, "C")
            self.assertEqual([b.id for b in p.third_orders["T1"].basis], ["x", "y"])
            link = p.argument_links["l1"]
            self.assertEqual((link.source.id, link.relation, link.target.id),
                             ("T1", "leads to", "T2"))

    def test_remove_and_cascade(self):
        with small_project() as p:
            x = p.concepts["x"]
            with self.assertRaises(metaethno.HasDependentsError):
                x.remove()
            self.assertTrue(x.exists)
            x.remove(cascade=True)
            self.assertFalse(x.exists)
            with self.assertRaises(metaethno.RemovedError):
                x.label
            self.assertNotIn("t-c2-x", p.translations)  # cannot stand without x
            self.assertEqual([b.id for b in p.third_orders["T1"].basis], ["y"])
            # A new entity with the same id and another kind is not the old one.
            p.add_study("x")
            with self.assertRaises(metaethno.RemovedError):
                x.label
            self.assertIn("(removed)", repr(x))

    def test_cerqual(self):
        with small_project() as p:
            t1 = p.third_orders["T1"]
            t1.set_concern("coherence", "minor", "one refutation")
            t1.set_confidence(metaethno.Confidence.MODERATE, "minor concerns")
            self.assertEqual(t1.get_concern(metaethno.CerqualComponent.COHERENCE),
                             (metaethno.Concern.MINOR, "one refutation"))
            self.assertEqual(t1.concerns[metaethno.CerqualComponent.RELEVANCE][0],
                             metaethno.Concern.NOT_ASSESSED)
            self.assertEqual((t1.confidence, t1.confidence_explanation),
                             (metaethno.Confidence.MODERATE, "minor concerns"))
            self.assertEqual(str(t1.confidence), "moderate")

    def test_framework_levels(self):
        with small_project() as p:
            fw = p.add_framework("Levels", id="lv")
            fw.add_level("micro")
            fw.add_level("macro", "Macro level")
            fw.set_level_label("micro", "Micro level")
            self.assertEqual(fw.levels, [("micro", "Micro level"), ("macro", "Macro level")])
            fw.classify("a1", "micro")
            self.assertEqual(fw.classifications, [(p["a1"], "micro")])
            with self.assertRaises(metaethno.HasDependentsError):
                fw.remove_level("micro")
            fw.remove_level("micro", cascade=True)
            self.assertEqual(fw.classifications, [])
            self.assertIsNone(fw.level_index("micro"))
            self.assertFalse(fw.unclassify("a1", "macro"))


class SessionTests(unittest.TestCase):
    def test_session_decisions_undo_and_persistence(self):
        with small_project() as p:
            for c in p.concepts:
                for e in list(c.expressions):
                    c.remove_expression(e)
            p.translations["t-c2-x"].remove()
            session = p.start_session("chronological")
            self.assertIs(p.session._project, p)
            with self.assertRaises(metaethno.ModelError):
                p.start_session()
            self.assertEqual((session.current_study.id, session.current_construct.id,
                              session.remaining), ("A", "a1", 6))
            session.translate("x", "same as x", "r1")
            session.found_concept("w", "new idea", id="w")
            session.refute("x", "against x")
            session.undo()
            self.assertEqual(session.current_construct.id, "b1")
            session.set_aside("off topic")
            kinds = [d.kind.text for d in session.decisions]
            self.assertEqual(kinds, ["reciprocal", "new-concept", "set-aside"])
            self.assertEqual(session.decisions[0].reviewer.id, "r1")
            self.assertIsNotNone(session.decisions[0].created)
            session.set_decision_created(0, 1700000000)
            self.assertEqual(session.decisions[0].created.year, 2023)
            self.assertEqual(len(session), 3)
            with Project.from_bytes(p.to_bytes()) as again:
                resumed = again.session
                self.assertEqual(resumed.current_construct.id, "b2")
                self.assertEqual(len(resumed.decisions), 3)
            p.discard_session()
            self.assertIsNone(p.session)
            with self.assertRaises(metaethno.ClosedError):
                session.remaining
            fresh = p.start_session("project")
            with self.assertRaises(metaethno.ClosedError):
                session.remaining  # still the old, discarded one
            self.assertEqual(fresh.order, StudyOrder.PROJECT)
            fresh.order = "chronological"
            self.assertEqual(fresh.order, StudyOrder.CHRONOLOGICAL)


class Analyses(unittest.TestCase):
    def setUp(self):
        self.p = small_project()

    def tearDown(self):
        self.p.close()

    def test_grid(self):
        grid = self.p.grid("chronological")
        self.assertEqual([c.id for c in grid.concepts], ["x", "y", "z"])
        self.assertEqual([s.id for s in grid.studies], ["A", "B", "C"])
        self.assertEqual([c.id for c in grid.cell("x", "B")], ["b1"])
        self.assertEqual(grid.cell("x", "C"), [])
        self.assertEqual([grid.study_count(c) for c in ("x", "y", "z")], [2, 2, 1])
        records = grid.to_records()
        self.assertEqual(len(records), 9)
        self.assertEqual(records[0], {"concept": "x", "concept_label": "x",
                                      "study": "A", "constructs": ["a1"]})

    def test_relatedness(self):
        r = self.p.relatedness("chronological", threshold=0.25)
        self.assertEqual([r.n_concepts(s) for s in "ABC"], [2, 2, 1])
        self.assertEqual((r.shared("A", "B"), r.shared("A", "C"), r.shared("B", "C")), (1, 1, 0))
        self.assertAlmostEqual(r.jaccard("A", "B"), 1 / 3)
        self.assertAlmostEqual(r.jaccard("A", "C"), 1 / 2)
        self.assertEqual(r.jaccard("B", "C"), 0.0)
        # A and C join at 1/2; B's average link to them, (1/3 + 0) / 2, is
        # under 0.25.
        self.assertEqual([[s.id for s in c] for c in r.clusters], [["A", "C"], ["B"]])
        self.assertEqual(r.threshold, 0.25)
        self.assertEqual(len(r.to_records()), 3)

    def test_translation_table_and_saturation(self):
        t = self.p.translation_table("chronological")
        self.assertEqual([c.id for c in t.concepts], ["x", "y", "z"])
        self.assertEqual(t.cell("x", "C"), CellState.REFUTES)
        self.assertEqual(t.cell("y", "C"), CellState.EXPRESSES)
        self.assertEqual(t.cell("z", "A"), CellState.ABSENT)
        self.assertEqual(t.first_study("z").id, "B")
        self.assertEqual([t.new_concepts(s) for s in "ABC"], [2, 1, 0])
        self.assertEqual(t.saturation_study.id, "B")
        self.assertEqual([r["total_concepts"] for r in t.saturation_records()], [2, 3, 3])

    def test_check(self):
        report = self.p.check()
        codes = {(i.code, i.subject.id if i.subject else None) for i in report}
        self.assertIn(("concept-single-study", "z"), codes)
        self.assertIn(("finding-few-studies", "T2"), codes)
        self.assertEqual(report.count("error"), 0)
        self.assertFalse(report.has_errors)
        self.assertEqual(len(report.to_records()), len(report))
        self.assertIsInstance(report[0].severity, Severity)

    def test_line_of_argument(self):
        loa = self.p.line_of_argument(min_studies=2)
        self.assertEqual([f.third_order.id for f in loa], ["T1", "T2"])
        t1, t2 = loa
        self.assertEqual([s.id for s in t1.studies], ["A", "B", "C"])
        self.assertEqual((t1.support, t2.support), (3, 1))
        self.assertEqual((t1.flagged, t2.flagged), (False, True))
        self.assertEqual([c.id for c in t1.constructs], ["a1", "a2", "b1", "c1"])
        self.assertEqual([q.id for q in t1.quotes], ["qa"])
        self.assertEqual([r.id for r in t1.refutations], ["t-c2-x"])
        self.assertEqual((loa.n_cycles, t1.cycle), (0, None))
        self.assertEqual(loa.study_coverage, (3, 3, 1.0))
        self.assertEqual(loa.concept_coverage, (3, 3, 1.0))
        self.assertEqual(loa.unused_concepts, [])
        # A link back makes a cycle of both findings.
        self.p.add_argument_link("T2", "T1", "shapes")
        loa = self.p.line_of_argument()
        self.assertEqual((loa.n_cycles, [f.cycle for f in loa]), (1, [0, 0]))
        self.assertEqual([[t.id for t in c] for c in loa.cycles], [["T1", "T2"]])

    def test_suggestions_are_written_only_when_accepted(self):
        before = self.p.to_bytes()
        suggestions = self.p.suggestions(threshold=0.0)
        self.assertEqual(self.p.to_bytes(), before)
        self.assertGreater(len(suggestions), 0)
        first = suggestions[0]
        concepts = [c.id for c in first.concepts]
        finding = first.accept("accepted grouping", id="T9")
        self.assertEqual([b.id for b in finding.basis], concepts)
        self.assertEqual(len(suggestions.to_records()), len(suggestions))

    def test_results_go_stale_and_close(self):
        grid = self.p.grid()
        self.p.studies["A"].title = "renamed"   # no removal: still readable
        self.assertEqual(len(grid.concepts), 3)
        self.p.memos  # reading changes nothing
        self.p.remove("l1")
        self.assertTrue(grid.stale)
        with self.assertRaises(metaethno.StaleResultError):
            grid.render()
        table = self.p.translation_table()
        table.close()
        table.close()
        with self.assertRaises(metaethno.ClosedError):
            table.concepts
        with self.p.check() as report:
            self.assertGreater(len(report), 0)
        with self.assertRaises(metaethno.ClosedError):
            len(report)

    def test_render_formats(self):
        loa = self.p.line_of_argument()
        for fmt in ("text", "md", "markdown", "json", "dot",
                    metaethno.ReportFormat.JSON):
            self.assertTrue(loa.render(fmt))
        # The synthesis is not a table: the library refuses CSV.
        with self.assertRaises(metaethno.InvalidValueError):
            loa.render("csv")
        self.assertIn("\r\n", self.p.grid().render("csv"))
        with self.assertRaises(ValueError):
            loa.render("pdf")

    def test_write_tables(self):
        # write() streams the bytes render() returns, in every format.
        results = (self.p.grid(), self.p.relatedness(), self.p.translation_table())
        for result in results:
            for fmt in ("text", "csv", "md", "json"):
                with self.subTest(result=type(result).__name__, format=fmt), \
                        tempfile.TemporaryFile() as f:
                    result.write(f, fmt)
                    f.seek(0)
                    self.assertEqual(f.read().decode("utf-8"), result.render(fmt))
        with self.assertRaises(metaethno.InvalidValueError), tempfile.TemporaryFile() as f:
            results[0].write(f, "dot")
        with self.assertRaises(TypeError), tempfile.TemporaryFile() as f:
            self.p.line_of_argument().write(f)
        if os.path.exists("/dev/full"):
            with open("/dev/full", "wb") as full, self.assertRaises(metaethno.FileError):
                results[0].write(full, "text")

    def test_dataframes(self):
        if under_valgrind():
            # pandas' compiled modules leak at import, which valgrind would
            # report as ours; the conversion itself is plain Python.
            self.skipTest("pandas is not imported under valgrind")
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError):
                self.p.grid().to_dataframe()
            self.skipTest("pandas is not installed")
        frame = self.p.grid("chronological").to_dataframe()
        self.assertEqual(frame.shape, (9, 4))
        curve = self.p.translation_table("chronological").saturation_dataframe()
        self.assertEqual(list(curve["new_concepts"]), [2, 1, 0])


@unittest.skipUnless(CLI, "METAETHNO (the command) is not set")
class SameAsTheCommand(unittest.TestCase):
    """Python renders the bundled example exactly as the metaethno command does."""

    @classmethod
    def setUpClass(cls):
        cls.p = Project.load(EXAMPLE)

    @classmethod
    def tearDownClass(cls):
        cls.p.close()

    def cli(self, *args):
        # Bytes: CSV lines end in CRLF, which text mode would translate.
        return subprocess.run([CLI, *args], capture_output=True,
                              timeout=300).stdout.decode("utf-8")

    def test_reports(self):
        p = self.p
        cases = [
            (("grid", EXAMPLE, "--order", "index", "--format", "md"),
             lambda: p.grid("index").render("md")),
            (("relate", EXAMPLE, "--format", "json"), lambda: p.relatedness().render("json")),
            (("translate", EXAMPLE, "--table", "--order", "custom"),
             lambda: p.translation_table("custom").render()),
            (("saturation", EXAMPLE, "--order", "custom", "--format", "csv"),
             lambda: p.translation_table("custom").render_saturation("csv")),
            (("check", EXAMPLE), lambda: p.check().render()),
            (("synthesize", EXAMPLE, "--format", "dot"),
             lambda: p.line_of_argument().render("dot")),
            (("suggest", EXAMPLE, "--format", "json"), lambda: p.suggestions().render("json")),
        ]
        for args, render in cases:
            with self.subTest(args[0]):
                self.assertEqual(render(), self.cli(*args))


class Setup(unittest.TestCase):
    @unittest.skipUnless(os.environ.get("MTE_PYTHON_SANITIZED"), "not a sanitizer build")
    def test_sanitizer_runtime_is_loaded(self):
        # Under the ASan setup the library needs the preloaded runtime; make
        # sure the run really is instrumented rather than silently plain.
        with open("/proc/self/maps") as maps:
            self.assertIn("libasan", maps.read())


class Lifetimes(unittest.TestCase):
    def test_close_twice_and_use_after_close(self):
        p = small_project()
        study = p.studies["A"]
        loa = p.line_of_argument()
        session = p.start_session()
        p.close()
        p.close()
        self.assertTrue(p.closed)
        for action in (lambda: study.title, lambda: p.title, lambda: len(loa),
                       lambda: session.remaining, lambda: p.to_bytes(),
                       lambda: p.studies, lambda: study.constructs):
            with self.assertRaises(metaethno.ClosedError):
                action()
        self.assertIn("closed", repr(p))
        self.assertIn("closed", repr(study))
        self.assertFalse(study.exists)

    def test_children_keep_the_project_alive(self):
        p = small_project()
        quote = p["qa"]
        finding = p.line_of_argument()[0]
        del p
        gc.collect()
        self.assertEqual(quote.speaker, "participant 1")
        self.assertEqual(finding.third_order.id, "T1")
        self.assertEqual(quote.project.studies["A"].year, 2001)

    def test_entities_of_another_project_are_refused(self):
        with small_project() as p, small_project() as q:
            with self.assertRaises(ValueError):
                p.concepts["x"].add_expression(q["a2"])


if __name__ == "__main__":
    unittest.main()
