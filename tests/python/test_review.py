#!/usr/bin/env python3
"""Phases 1 to 3 of a review from Python: the protocol, searches, records
and their screening, a study's exclusion, the counts entered by hand, the
PRISMA 2020 flow, load warnings, and the project's tables as DataFrames.

Run against a build tree by `meson test python-review`, or by hand:

    METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python \\
        python3 tests/python/test_review.py

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import datetime
import json
import os
import tempfile
import unittest

import metaethno
from metaethno import (EntityKind, ExclusionStage, PrismaCount, Project,
                       ProtocolField, Record, RecordFate, RecordField, Search,
                       SourceKind)

def under_valgrind():
    try:
        with open("/proc/self/maps") as maps:
            return "vgpreload" in maps.read()
    except OSError:
        return False


# pandas' compiled modules leak at import, which valgrind would report as
# ours: under valgrind the DataFrame checks are skipped (the rows they are
# built from, to_records(), are still checked).
pandas = None
if not under_valgrind():
    try:
        import pandas
    except ImportError:  # pragma: no cover - python3-pandas is a test dependency
        pandas = None

UTC = datetime.timezone.utc
WHEN = datetime.datetime(2024, 3, 1, 12, 30, tzinfo=UTC)
CAMPBELL_REASONS = ["no participants' accounts", "not about diabetes care",
                    "poor reporting of methods"]


def review_project():
    """A small review: two members, a protocol, two searches (a database
    and citation searching), five records and two studies:

    record  found by       fate
    r1      medline        included, reports study A
    r2      medline, cinahl  (found twice: one duplicate finding)
    r3      medline        duplicate of r1
    r4      cinahl         excluded at full text: "wrong population"
    r5      citations      included, reports study B

    Study B is then excluded after appraisal ("thin data").
    """
    p = Project("review")
    lead = p.add_member("Lead Reviewer", "lead", id="lead")
    p.add_member("Second Reviewer", id="second")
    p.protocol["rationale"] = "Interpretive synthesis of lived experience"
    p.protocol["inclusion"] = "Qualitative studies of adults"
    medline = p.add_search("database", "MEDLINE (Ovid)", id="medline", date="2023-04-02",
                           query="exp Diabetes/ AND qualitative.mp", n_records=3,
                           run_by=lead, notes="English only")
    cinahl = p.add_search(SourceKind.DATABASE, "CINAHL", id="cinahl", date="2023")
    citations = p.add_search("citation", "Reference lists", id="citations")
    a = p.add_study("A", title="Study A", year=2001)
    b = p.add_study("B", title="Study B", year=2005)
    r1 = p.add_record("r1", title="Living with diabetes", authors=["Smith, J", "Ng, K"],
                      year=2001, keywords=["diabetes", "qualitative"], searches=[medline],
                      doi="10.1000/a")
    r2 = p.add_record("r2", title="Another paper", searches=[medline, cinahl])
    r3 = p.add_record("r3", title="Living with diabetes (copy)", searches=["medline"])
    r4 = p.add_record("r4", title="Children's views", searches=[cinahl], year=2010)
    r5 = p.add_record("r5", title="Study B in print", searches=[citations])
    r1.set_fate("included", a, decided_by=lead, decided=WHEN)
    r2.set_fate(RecordFate.EXCLUDED_SCREENING, decided_by="second")
    r3.set_fate("duplicate", r1, reason="same DOI")
    r4.set_fate("excluded-full-text", reason="wrong population", decided_by=lead)
    r5.set_fate("included", "B")
    b.exclude("appraisal", "thin data", lead, WHEN)
    return p


class Enums(unittest.TestCase):
    def test_names_come_from_the_library(self):
        self.assertEqual(str(ProtocolField.SEARCH_STRATEGY), "search-strategy")
        self.assertEqual(str(SourceKind.ORGANISATION), "organisation")
        self.assertEqual(str(RecordField.ABSTRACT), "abstract")
        self.assertEqual(str(RecordFate.EXCLUDED_FULL_TEXT), "excluded-full-text")
        self.assertEqual(str(ExclusionStage.FULL_TEXT), "full-text")
        self.assertEqual(str(PrismaCount.DBR_SOUGHT), "dbr_sought_reports")
        self.assertEqual(str(PrismaCount.CITATION_RESULTS), "citations_results")
        self.assertEqual(str(EntityKind.SEARCH), "search")
        self.assertEqual(str(EntityKind.RECORD), "record")
        self.assertEqual(len(PrismaCount), 25)

    def test_from_string_and_coerce(self):
        self.assertIs(SourceKind.from_string("register"), SourceKind.REGISTER)
        self.assertIs(RecordFate.from_string("not-retrieved"), RecordFate.NOT_RETRIEVED)
        self.assertIs(PrismaCount.from_string("dbr_excluded"), PrismaCount.DBR_EXCLUDED)
        self.assertIs(ExclusionStage.from_string("synthesis"), ExclusionStage.SYNTHESIS)
        self.assertIs(ProtocolField.from_string("registration"), ProtocolField.REGISTRATION)
        self.assertIs(RecordField.from_string("doi"), RecordField.DOI)
        # The member name is accepted as well as the R package's name.
        self.assertIs(PrismaCount.coerce("dbr_sought"), PrismaCount.DBR_SOUGHT)
        self.assertIs(PrismaCount.coerce("dbr_sought_reports"), PrismaCount.DBR_SOUGHT)
        for enum, name in ((SourceKind, "library"), (RecordFate, "kept"),
                           (PrismaCount, "studies"), (ExclusionStage, "later"),
                           (ProtocolField, "aim"), (RecordField, "year")):
            with self.assertRaises(ValueError, msg=enum.__name__):
                enum.from_string(name)
        self.assertFalse(ExclusionStage.NONE)   # false while included


class ProtocolTests(unittest.TestCase):
    def test_mapping(self):
        with Project() as p:
            protocol = p.protocol
            self.assertEqual(len(protocol), 0)
            self.assertEqual(dict(protocol), {})
            protocol["rationale"] = "why meta-ethnography"
            protocol[ProtocolField.SEARCH_STRATEGY] = "three databases"
            protocol["registration"] = "PROSPERO CRD42023000000"
            self.assertEqual(list(protocol), ["rationale", "search-strategy", "registration"])
            self.assertEqual(p.protocol["search_strategy"], "three databases")
            self.assertIn("rationale", protocol)
            self.assertNotIn("inclusion", protocol)
            self.assertNotIn("no such field", protocol)
            self.assertIsNone(protocol.get("inclusion"))
            with self.assertRaises(KeyError):
                protocol["exclusion"]
            protocol["rationale"] = None        # clears
            protocol["registration"] = ""       # clears too
            del protocol["search-strategy"]
            self.assertEqual(len(protocol), 0)
            with self.assertRaises(KeyError):
                del protocol["inclusion"]

    def test_errors(self):
        with Project() as p:
            with self.assertRaises(ValueError):
                p.protocol["aim"] = "the aim is a project field, not a protocol one"
            with self.assertRaises(TypeError):
                p.protocol["rationale"] = 3
            with self.assertRaises(ValueError):
                p.protocol["rationale"] = "NUL\0inside"
            with self.assertRaises(metaethno.InvalidValueError):
                p.protocol["rationale"] = "a control character \x01"
            self.assertEqual(len(p.protocol), 0)


class Searches(unittest.TestCase):
    def test_properties(self):
        with review_project() as p:
            medline = p.searches["medline"]
            self.assertIsInstance(medline, Search)
            self.assertEqual(medline.entity_kind, EntityKind.SEARCH)
            self.assertIs(medline.kind, SourceKind.DATABASE)
            self.assertEqual(medline.source, "MEDLINE (Ovid)")
            self.assertEqual(medline.date, "2023-04-02")
            self.assertEqual(medline.query, "exp Diabetes/ AND qualitative.mp")
            self.assertEqual(medline.n_records, 3)
            self.assertEqual(medline.run_by, p.members["lead"])
            self.assertEqual(medline.notes, "English only")
            self.assertEqual([r.id for r in medline.records], ["r1", "r2", "r3"])
            cinahl = p["cinahl"]
            self.assertIsInstance(cinahl, Search)
            self.assertIsNone(cinahl.n_records)
            self.assertIsNone(cinahl.run_by)
            self.assertIsNone(cinahl.query)
            self.assertEqual([s.id for s in p.searches], ["medline", "cinahl", "citations"])

            cinahl.kind = "register"
            self.assertIs(cinahl.kind, SourceKind.REGISTER)
            cinahl.source = "ClinicalTrials.gov"
            cinahl.date = datetime.date(2023, 5, 9)
            self.assertEqual(cinahl.date, "2023-05-09")
            cinahl.date = "2023-05"
            self.assertEqual(cinahl.date, "2023-05")
            cinahl.date = None
            self.assertIsNone(cinahl.date)
            cinahl.n_records = 0
            self.assertEqual(cinahl.n_records, 0)
            cinahl.n_records = None
            self.assertIsNone(cinahl.n_records)
            cinahl.run_by = "second"
            self.assertEqual(cinahl.run_by.name, "Second Reviewer")
            cinahl.run_by = None
            self.assertIsNone(cinahl.run_by)
            cinahl.query = "line one\nline two"
            self.assertEqual(cinahl.query, "line one\nline two")

    def test_generated_ids(self):
        with Project() as p:
            self.assertEqual(p.add_search("database", "MEDLINE (Ovid)").id, "medline-ovid")
            self.assertEqual(p.add_search("database", "MEDLINE (Ovid)").id, "medline-ovid-2")

    def test_errors(self):
        with review_project() as p:
            medline = p.searches["medline"]
            with self.assertRaises(metaethno.DuplicateIdError):
                p.add_search("database", "Embase", id="medline")
            with self.assertRaises(metaethno.DuplicateIdError):
                p.add_search("database", "Embase", id="A")   # ids are unique across kinds
            with self.assertRaises(metaethno.InvalidIdError):
                p.add_search("database", "Embase", id="not an id")
            with self.assertRaises(ValueError):
                p.add_search("library", "Embase")
            with self.assertRaises(metaethno.InvalidValueError):
                p.add_search("database", "")
            with self.assertRaises(metaethno.InvalidValueError):
                medline.source = ""
            with self.assertRaises(TypeError):
                medline.source = None
            for bad in ("2023-13-01", "2023-02-30", "23", "999", "last spring"):
                with self.assertRaises(metaethno.InvalidValueError, msg=bad):
                    medline.date = bad
            with self.assertRaises(TypeError):
                medline.date = WHEN         # a datetime, not a date
            with self.assertRaises(ValueError):
                medline.n_records = -1
            with self.assertRaises(TypeError):
                medline.n_records = True
            with self.assertRaises(ValueError):
                medline.n_records = 2 ** 63
            with self.assertRaises(metaethno.NotFoundError):
                medline.run_by = "nobody"
            with self.assertRaises(metaethno.WrongKindError):
                medline.run_by = "A"
            self.assertEqual(medline.run_by.id, "lead")
            self.assertEqual(medline.date, "2023-04-02")
            self.assertEqual(medline.n_records, 3)
            # A refused property of add_search adds nothing.
            n = len(p.searches)
            with self.assertRaises(metaethno.NotFoundError):
                p.add_search("database", "Embase", id="embase", run_by="nobody")
            with self.assertRaises(metaethno.InvalidValueError):
                p.add_search("database", "Embase", id="embase", date="2023-99")
            with self.assertRaises(ValueError):
                p.add_search("database", "Embase", id="embase", n_records=-5)
            self.assertEqual(len(p.searches), n)
            self.assertNotIn("embase", p)

    def test_removal(self):
        with review_project() as p:
            medline = p.searches["medline"]
            self.assertEqual(p.dependents(medline), ["r1", "r2", "r3"])
            with self.assertRaises(metaethno.HasDependentsError):
                medline.remove()
            medline.remove(cascade=True)
            self.assertFalse(medline.exists)
            with self.assertRaises(metaethno.RemovedError):
                medline.source
            self.assertEqual([s.id for s in p.records["r2"].searches], ["cinahl"])
            self.assertEqual(len(p.records), 5)   # records stay


class Records(unittest.TestCase):
    def test_citation(self):
        with review_project() as p:
            r1 = p.records["r1"]
            self.assertIsInstance(r1, Record)
            self.assertEqual(r1.entity_kind, EntityKind.RECORD)
            self.assertEqual(r1.title, "Living with diabetes")
            self.assertEqual(r1.doi, "10.1000/a")
            self.assertEqual(r1.fields, {"title": "Living with diabetes", "doi": "10.1000/a"})
            self.assertEqual(r1.authors, ["Smith, J", "Ng, K"])
            self.assertEqual(r1.keywords, ["diabetes", "qualitative"])
            self.assertEqual(r1.year, 2001)
            r1.abstract = "We interviewed 20 adults."
            r1.set_field("database", "MEDLINE")
            r1.set_field(RecordField.NOTES, "key paper")
            self.assertEqual(r1.get_field("abstract"), "We interviewed 20 adults.")
            self.assertEqual(r1.database, "MEDLINE")
            self.assertEqual(r1.get_field(RecordField.NOTES), "key paper")
            r1.notes = ""
            self.assertIsNone(r1.notes)
            r1.authors = ["Ng, K"]
            r1.keywords = []
            r1.year = None
            self.assertEqual((r1.authors, r1.keywords, r1.year), (["Ng, K"], [], None))
            self.assertEqual(p.add_record().id, "record-1")
            with self.assertRaises(ValueError):
                p.add_record(journal="Qual Health Res")    # not a record field
            with self.assertRaises(ValueError):
                r1.year = 10000
            with self.assertRaises(TypeError):
                r1.year = "2001"
            with self.assertRaises(TypeError):
                r1.authors = "Smith, J"                   # a str, not a list
            with self.assertRaises(metaethno.InvalidValueError):
                r1.authors = ["Smith, J", ""]
            self.assertEqual(r1.authors, ["Ng, K"])
            with self.assertRaises(metaethno.DuplicateIdError):
                p.add_record("r1")
            n = len(p.records)
            with self.assertRaises(metaethno.NotFoundError):
                p.add_record("r9", title="x", searches=["nowhere"])
            with self.assertRaises(metaethno.WrongKindError):
                p.add_record("r9", searches=["A"])
            self.assertEqual(len(p.records), n)
            self.assertNotIn("r9", p)

    def test_searches(self):
        with review_project() as p:
            r2 = p.records["r2"]
            self.assertEqual([s.id for s in r2.searches], ["medline", "cinahl"])
            r2.add_search("cinahl")             # already listed: nothing changes
            r2.add_search(p.searches["citations"])
            self.assertEqual(len(r2.searches), 3)
            self.assertTrue(r2.remove_search("medline"))
            self.assertFalse(r2.remove_search("medline"))
            self.assertFalse(r2.remove_search("no-such-search"))
            self.assertFalse(r2.remove_search("A"))      # a study, not a search
            self.assertEqual([s.id for s in r2.searches], ["cinahl", "citations"])
            self.assertIn("cinahl", r2.searches)
            with self.assertRaises(metaethno.NotFoundError):
                r2.add_search("nowhere")
            with self.assertRaises(metaethno.WrongKindError):
                r2.add_search("lead")
            with Project() as other:
                with self.assertRaises(ValueError):
                    r2.add_search(other.add_search("database", "X"))

    def test_fates(self):
        with review_project() as p:
            r1, r2, r3, r4, r5 = (p.records[i] for i in ("r1", "r2", "r3", "r4", "r5"))
            self.assertIs(r1.fate, RecordFate.INCLUDED)
            self.assertEqual(r1.study, p.studies["A"])
            self.assertEqual(r1.decided_by, p.members["lead"])
            self.assertEqual(r1.decided, WHEN)
            self.assertIsNone(r1.reason)
            self.assertIsNone(r1.duplicate_of)
            self.assertIs(r2.fate, RecordFate.EXCLUDED_SCREENING)
            self.assertIsNone(r2.decided)
            self.assertEqual(r3.duplicate_of, r1)
            self.assertEqual(r3.reason, "same DOI")
            self.assertIsNone(r3.study)
            self.assertEqual(r4.reason, "wrong population")
            self.assertEqual(p.studies["A"].reports, [r1])
            self.assertEqual(p.studies["B"].reports, [r5])
            r2.set_fate("sought", decided=1700000000)
            self.assertEqual(r2.decided, datetime.datetime.fromtimestamp(1700000000, UTC))
            r2.set_fate("not-retrieved")
            r2.set_fate(RecordFate.REMOVED_AUTOMATION, reason="classifier score 0.02")
            r2.set_fate("unscreened")
            self.assertIs(r2.fate, RecordFate.UNSCREENED)
            self.assertIsNone(r2.reason)
            self.assertIsNone(r2.decided_by)

    def test_refused_fates_change_nothing(self):
        with review_project() as p:
            r1, r2, r3, r4 = (p.records[i] for i in ("r1", "r2", "r3", "r4"))
            before = (r4.fate, r4.reason, r4.decided_by)
            cases = [
                (metaethno.InvalidValueError, ("excluded-full-text",), {}),          # no reason
                (metaethno.InvalidValueError, ("excluded-full-text",), {"reason": ""}),
                (metaethno.InvalidValueError, ("duplicate",), {}),                   # no target
                (metaethno.InvalidValueError, ("included",), {}),
                (metaethno.InvalidValueError, ("duplicate", "r4"), {}),              # itself
                (metaethno.InvalidValueError, ("duplicate", "r3"), {}),              # a duplicate
                (metaethno.InvalidValueError, ("sought", "A"), {}),                  # no target here
                (metaethno.InvalidValueError, ("unscreened",), {"reason": "why"}),
                (metaethno.InvalidValueError, ("unscreened",), {"decided": WHEN}),
                (metaethno.NotFoundError, ("included", "no-study"), {}),
                (metaethno.WrongKindError, ("included", "r1"), {}),
                (metaethno.WrongKindError, ("duplicate", "A"), {}),
                (metaethno.NotFoundError, ("excluded-screening",), {"decided_by": "nobody"}),
                (metaethno.WrongKindError, ("excluded-screening",), {"decided_by": "A"}),
                (ValueError, ("kept",), {}),
                (ValueError, ("sought",), {"decided": datetime.datetime(2024, 1, 1)}),  # naive
                (ValueError, ("sought",), {"decided": -1}),
                (TypeError, ("sought",), {"decided": "yesterday"}),
            ]
            for error, args, kwargs in cases:
                with self.assertRaises(error, msg=f"{args} {kwargs}"):
                    r4.set_fate(*args, **kwargs)
                self.assertEqual((r4.fate, r4.reason, r4.decided_by), before)
            # A record others duplicate cannot itself become a duplicate.
            with self.assertRaises(metaethno.InvalidValueError):
                r1.set_fate("duplicate", r2)
            self.assertIs(r1.fate, RecordFate.INCLUDED)

    def test_removal(self):
        with review_project() as p:
            self.assertEqual(p.dependents("r1"), ["r3"])
            with self.assertRaises(metaethno.HasDependentsError):
                p.records["r1"].remove()
            self.assertEqual(p.dependents("A"), ["r1"])
            p.remove("r3")
            r3 = p.records["r1"]
            p.remove("r1")
            self.assertFalse(r3.exists)
            with self.assertRaises(metaethno.RemovedError):
                r3.fate
            with self.assertRaises(KeyError):
                p.records["r1"]


class Exclusion(unittest.TestCase):
    def test_exclude_and_include(self):
        with review_project() as p:
            a, b = p.studies["A"], p.studies["B"]
            self.assertFalse(a.excluded)
            self.assertIs(a.exclusion_stage, ExclusionStage.NONE)
            self.assertIsNone(a.exclusion_reason)
            self.assertIsNone(a.exclusion_reviewer)
            self.assertIsNone(a.exclusion_time)
            self.assertTrue(b.excluded)
            self.assertIs(b.exclusion_stage, ExclusionStage.APPRAISAL)
            self.assertEqual(b.exclusion_reason, "thin data")
            self.assertEqual(b.exclusion_reviewer, p.members["lead"])
            self.assertEqual(b.exclusion_time, WHEN)
            self.assertIn("excluded", repr(b))
            self.assertEqual(len(p.studies), 2)
            self.assertEqual(p.n_included_studies, 1)
            self.assertEqual(p.included_studies, [a])

            b.exclude(ExclusionStage.SYNTHESIS, "outside the question")   # replaces
            self.assertIs(b.exclusion_stage, ExclusionStage.SYNTHESIS)
            self.assertIsNone(b.exclusion_reviewer)
            self.assertIsNone(b.exclusion_time)
            b.include()
            self.assertFalse(b.excluded)
            self.assertIsNone(b.exclusion_reason)
            self.assertEqual(p.n_included_studies, 2)
            b.include()         # included already: nothing happens
            self.assertEqual(p.n_included_studies, 2)

    def test_errors(self):
        with review_project() as p:
            a = p.studies["A"]
            with self.assertRaises(metaethno.InvalidValueError):
                a.exclude("appraisal", "")
            with self.assertRaises(metaethno.InvalidValueError):
                a.exclude("appraisal", None)
            with self.assertRaises(ValueError):
                a.exclude("none", "a reason")
            with self.assertRaises(ValueError):
                a.exclude("screening", "a reason")
            with self.assertRaises(metaethno.NotFoundError):
                a.exclude("appraisal", "a reason", "nobody")
            with self.assertRaises(metaethno.WrongKindError):
                a.exclude("appraisal", "a reason", "B")
            with self.assertRaises(ValueError):
                a.exclude("appraisal", "a reason", when=datetime.datetime(2024, 1, 1))
            self.assertFalse(a.excluded)

    def test_excluded_study_leaves_the_analyses(self):
        with Project() as p:
            x = p.add_concept("x", id="x")
            for sid in ("A", "B", "C"):
                study = p.add_study(sid)
                x.add_expression(study.add_interpretation(f"{sid} on x", id=f"{sid}1"))
            p.studies["C"].exclude("full-text", "not qualitative")
            grid = p.grid("project")
            self.assertEqual([s.id for s in grid.studies], ["A", "B"])
            self.assertEqual(grid.study_count(x), 2)
            self.assertEqual(len(p.studies), 3)


class StageCounts(unittest.TestCase):
    def test_entered_counts(self):
        with Project() as p:
            self.assertIsNone(p.get_stage_count("records_screened"))
            self.assertEqual(p.stage_counts, {})
            p.set_stage_count("records_screened", 120)
            p.set_stage_count(PrismaCount.DATABASE_RESULTS, 150)
            p.set_stage_count("duplicates", 0)
            self.assertEqual(p.get_stage_count(PrismaCount.RECORDS_SCREENED), 120)
            self.assertEqual(p.get_stage_count("duplicates"), 0)
            p.set_exclusion_count("wrong population", 4)
            p.set_exclusion_count("not qualitative", 2)
            p.set_exclusion_count("website only", 1, box="other_excluded")
            self.assertEqual(p.exclusion_counts(), {"wrong population": 4, "not qualitative": 2})
            self.assertEqual(p.exclusion_counts("other_excluded"), {"website only": 1})
            self.assertEqual(p.stage_counts, {"database_results": 150, "duplicates": 0,
                                              "records_screened": 120, "dbr_excluded": 6,
                                              "other_excluded": 1})
            p.set_exclusion_count("wrong population", 5)        # replaces, keeps order
            p.set_exclusion_count("not qualitative", None)      # removes
            self.assertEqual(p.exclusion_counts(), {"wrong population": 5})
            p.set_stage_count("duplicates", None)
            self.assertIsNone(p.get_stage_count("duplicates"))

    def test_errors(self):
        with Project() as p:
            with self.assertRaises(ValueError):
                p.set_stage_count("dbr_excluded", 3)        # counted per reason
            with self.assertRaises(ValueError):
                p.set_stage_count("records_screened", -1)
            with self.assertRaises(TypeError):
                p.set_stage_count("records_screened", 1.5)
            with self.assertRaises(ValueError):
                p.set_stage_count("records_seen", 1)
            with self.assertRaises(ValueError):
                p.set_exclusion_count("a reason", 1, box="records_excluded")
            with self.assertRaises(ValueError):
                p.exclusion_counts("new_studies")
            with self.assertRaises(metaethno.InvalidValueError):
                p.set_exclusion_count("", 1)
            with self.assertRaises(TypeError):
                p.set_exclusion_count(None, 1)
            with self.assertRaises(ValueError):
                p.set_exclusion_count("a reason", -2)
            self.assertEqual(p.stage_counts, {})


class PrismaTests(unittest.TestCase):
    def test_counts_from_the_records(self):
        # review_project(), by hand: medline recorded 3 records; cinahl
        # (no count) is found by r2 and r4, so 2; citations by r5, so 1.
        # r2 found twice (one duplicate finding) and r3 a duplicate: 2.
        # Databases arm: r1, r2, r4 screened (r3 is a duplicate); r2
        # excluded at screening; r1, r4 sought and assessed; r4 excluded
        # "wrong population". Other arm: r5 sought and assessed, then
        # excluded with study B ("thin data"). New studies: A; reports: r1.
        with review_project() as p:
            prisma = p.prisma()
            expected = {
                "database_results": 5, "citations_results": 1, "duplicates": 2,
                "records_screened": 3, "records_excluded": 1,
                "dbr_sought_reports": 2, "dbr_notretrieved_reports": 0,
                "dbr_assessed": 2, "dbr_excluded": 1,
                "other_sought_reports": 1, "other_notretrieved_reports": 0,
                "other_assessed": 1, "other_excluded": 1,
                "new_studies": 1, "new_reports": 1,
            }
            for name, n in expected.items():
                self.assertEqual(prisma[name], n, name)
            counts = prisma.counts
            self.assertEqual(list(counts), [c.text for c in PrismaCount])
            self.assertIsNone(counts["previous_studies"])
            self.assertEqual(prisma[PrismaCount.NEW_STUDIES], 1)
            self.assertEqual(prisma["dbr_sought"], 2)
            self.assertEqual(prisma.entered, frozenset())
            self.assertEqual(prisma.reasons, {"dbr_excluded": {"wrong population": 1},
                                              "other_excluded": {"thin data": 1}})
            self.assertEqual(prisma.sources, [
                metaethno.PrismaSource("MEDLINE (Ovid)", SourceKind.DATABASE, 3),
                metaethno.PrismaSource("CINAHL", SourceKind.DATABASE, 2),
                metaethno.PrismaSource("Reference lists", SourceKind.CITATION, 1)])
            self.assertEqual(prisma.disagreements, [])
            with self.assertRaises(ValueError):
                prisma["records_seen"]

    def test_entered_counts_and_disagreements(self):
        with review_project() as p:
            p.set_stage_count("records_screened", 40)
            p.set_stage_count("previous_studies", 3)
            prisma = p.prisma()
            self.assertEqual(prisma["records_screened"], 40)
            self.assertTrue(prisma.is_entered("records_screened"))
            self.assertFalse(prisma.is_entered(PrismaCount.DUPLICATES))
            self.assertEqual(prisma.entered, {"records_screened", "previous_studies"})
            self.assertIn(metaethno.Disagreement("records_screened", 40, 3),
                          prisma.disagreements)
            self.assertEqual(prisma["total_studies"], 4)

    def test_render(self):
        with review_project() as p:
            prisma = p.prisma()
            self.assertIn("PRISMA 2020", prisma.render())
            csv = prisma.render("csv").splitlines()
            self.assertEqual(csv[0], "data,node,box,description,boxtext,tooltips,url,n")
            self.assertTrue(any(line.startswith("dbr_excluded,") and
                                line.endswith('"wrong population, 1"') for line in csv))
            self.assertIn("|", prisma.render("md"))
            data = json.loads(prisma.render(metaethno.ReportFormat.JSON))
            self.assertEqual(data["counts"], prisma.counts)
            with self.assertRaises(metaethno.ModelError):
                prisma.render("dot")
            with self.assertRaises(ValueError):
                prisma.render("pdf")

    def test_never_stale(self):
        with review_project() as p:
            prisma = p.prisma()
            grid = p.grid()
            p.remove("r3")
            self.assertTrue(grid.stale)
            self.assertFalse(prisma.stale)
            self.assertEqual(prisma["duplicates"], 2)     # as computed
            self.assertEqual(p.prisma()["duplicates"], 1)
            self.assertIn("PRISMA", prisma.render("text"))
            prisma.close()
            self.assertEqual(prisma["duplicates"], 2)     # the copy stays readable
            with self.assertRaises(metaethno.ClosedError):
                prisma.render()
        with self.assertRaises(metaethno.ClosedError):
            p.prisma()

    def test_campbell(self):
        """Campbell et al. (2003): ten studies appraised, three excluded
        with reasons, no searches or records kept."""
        with Project("Lay experiences of diabetes") as p:
            lead = p.add_member("R. Campbell", id="rc")
            casp = p.add_checklist("CASP", id="casp")
            casp.add_question("q1", "Were the aims clearly stated?", ["yes", "no", "can't tell"])
            for i in range(10):
                study = p.add_study(f"s{i + 1}", year=1990 + i)
                study.set_appraisal(casp, "q1", "no" if i < 3 else "yes")
            for study, reason in zip(list(p.studies)[:3], CAMPBELL_REASONS):
                study.exclude("appraisal", reason, lead)
            prisma = p.prisma()
            self.assertEqual(prisma["dbr_assessed"], 10)
            self.assertEqual(prisma["dbr_excluded"], 3)
            self.assertEqual(prisma.reasons["dbr_excluded"],
                             {reason: 1 for reason in CAMPBELL_REASONS})
            self.assertEqual(prisma["new_studies"], 7)
            self.assertEqual(prisma["new_reports"], 7)
            self.assertIsNone(prisma["database_results"])   # no searches: unknown
            self.assertEqual(p.n_included_studies, 7)
            frame = prisma.to_dataframe() if pandas else None
            if frame is not None:
                n = dict(zip(frame["name"], frame["n"]))
                self.assertEqual((n["dbr_assessed"], n["new_studies"]), (10, 7))
                self.assertIs(n["database_results"], pandas.NA)


class LoadWarnings(unittest.TestCase):
    def test_new_project_has_none(self):
        with Project() as p:
            self.assertEqual(p.load_warnings, [])
            p2 = Project.from_bytes(p.to_bytes())
            self.assertEqual(p2.load_warnings, [])

    def test_comments_are_reported(self):
        data = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                b'<!-- kept by hand -->\n'
                b'<project xmlns="urn:metaethno:project:1" version="1.0">\n'
                b'  <title>t</title> <!-- and here -->\n'
                b'  <?editor folded?>\n'
                b'</project>\n')
        with Project.from_bytes(data, "review.xml") as p:
            warnings = p.load_warnings
            self.assertEqual(len(warnings), 2, warnings)   # one per kind of thing lost
            self.assertTrue(warnings[0].startswith("review.xml:2:1: 2 XML comments"), warnings)
            self.assertTrue(warnings[1].startswith("review.xml:5:"), warnings)
            self.assertIn("processing instruction", warnings[1])
            # The warnings belong to the load: a save and load again has none.
            with Project.from_bytes(p.to_bytes()) as again:
                self.assertEqual(again.load_warnings, [])


@unittest.skipUnless(pandas, "python3-pandas is not installed, or under valgrind")
class Tables(unittest.TestCase):
    def test_studies(self):
        with review_project() as p:
            a, b = p.studies["A"], p.studies["B"]
            a.sample_size = 12
            a.country = "UK"
            a.data_collection = "interviews"
            a.set_attribute("ethnicity of sample", "mixed")
            frame = p.to_dataframe("studies")
            self.assertEqual(list(frame["id"]), ["A", "B"])
            self.assertEqual(str(frame["year"].dtype), "Int64")
            self.assertEqual(str(frame["sample_size"].dtype), "Int64")
            self.assertEqual(str(frame["exclusion_time"].dtype), "datetime64[ns, UTC]")
            self.assertEqual(frame["sample_size"][0], 12)
            self.assertIs(frame["sample_size"][1], pandas.NA)
            self.assertEqual(list(frame["included"]), [True, False])
            self.assertEqual(list(frame["exclusion_stage"]), [None, "appraisal"])
            self.assertEqual(list(frame["exclusion_reason"]), [None, "thin data"])
            self.assertEqual(list(frame["exclusion_reviewer"]), [None, "lead"])
            self.assertTrue(pandas.isna(frame["exclusion_time"][0]))
            self.assertEqual(frame["exclusion_time"][1], pandas.Timestamp(WHEN))
            self.assertEqual(frame["data_collection"][0], "interviews")
            self.assertEqual(frame["country"][0], "UK")
            self.assertEqual(frame["title"][1], "Study B")
            self.assertEqual(list(frame["attribute:ethnicity of sample"]), ["mixed", None])
            for field in metaethno.StudyField:
                self.assertIn(field.text.replace("-", "_"), frame.columns)
            records = p.to_records("studies")
            self.assertEqual(records[1]["exclusion_time"], WHEN)
            self.assertEqual(records[0]["year"], 2001)

    def test_appraisals(self):
        with review_project() as p:
            casp = p.add_checklist("CASP", id="casp")
            casp.add_question("q1", "Aims?", ["yes", "no"])
            casp.add_question("q2", "Comments")
            p.studies["A"].set_appraisal(casp, "q1", "yes", "clear")
            p.studies["A"].set_appraisal(casp, "q2", None, "well reported")
            p.studies["B"].set_appraisal(casp, "q1", "no")
            frame = p.to_dataframe("appraisals")
            self.assertEqual(list(frame.columns),
                             ["study", "checklist", "question", "answer", "note"])
            self.assertEqual(frame.values.tolist(), [
                ["A", "casp", "q1", "yes", "clear"],
                ["A", "casp", "q2", None, "well reported"],
                ["B", "casp", "q1", "no", None]])

    def test_cerqual(self):
        with review_project() as p:
            t = p.add_third_order("Feeling heard", id="t1")
            t.set_concern("coherence", "minor", "one study differs")
            t.set_concern("methodological-limitations", "moderate")
            t.set_confidence("moderate", "two components of concern")
            p.add_third_order("Unassessed", id="t2")
            frame = p.to_dataframe("cerqual")
            self.assertEqual(list(frame.columns), [
                "finding", "label",
                "methodological_limitations_concern", "methodological_limitations_explanation",
                "coherence_concern", "coherence_explanation",
                "adequacy_concern", "adequacy_explanation",
                "relevance_concern", "relevance_explanation",
                "confidence", "confidence_explanation"])
            row = frame.iloc[0]
            self.assertEqual(row["finding"], "t1")
            self.assertEqual(row["coherence_concern"], "minor")
            self.assertEqual(row["coherence_explanation"], "one study differs")
            self.assertEqual(row["methodological_limitations_concern"], "moderate")
            self.assertIsNone(row["methodological_limitations_explanation"])
            self.assertEqual(row["confidence"], "moderate")
            self.assertEqual(row["confidence_explanation"], "two components of concern")
            self.assertEqual(frame.iloc[1]["confidence"],
                             metaethno.Confidence.NOT_ASSESSED.text)

    def test_searches_and_records(self):
        with review_project() as p:
            searches = p.to_dataframe("searches")
            self.assertEqual(str(searches["n_records"].dtype), "Int64")
            self.assertEqual(list(searches["n_records"].fillna(-1)), [3, -1, -1])
            self.assertEqual(list(searches["kind"]), ["database", "database", "citation"])
            self.assertEqual(list(searches["run_by"]), ["lead", None, None])
            frame = p.to_dataframe("records")
            self.assertEqual(list(frame["id"]), ["r1", "r2", "r3", "r4", "r5"])
            self.assertEqual(str(frame["year"].dtype), "Int64")
            self.assertEqual(list(frame["year"].fillna(0)), [2001, 0, 0, 2010, 0])
            self.assertEqual(str(frame["decided"].dtype), "datetime64[ns, UTC]")
            self.assertEqual(frame["decided"][0], pandas.Timestamp(WHEN))
            self.assertTrue(pandas.isna(frame["decided"][1]))
            self.assertEqual(list(frame["fate"]), ["included", "excluded-screening",
                                                  "duplicate", "excluded-full-text",
                                                  "included"])
            self.assertEqual(list(frame["duplicate_of"]), [None, None, "r1", None, None])
            self.assertEqual(list(frame["study"]), ["A", None, None, None, "B"])
            self.assertEqual(list(frame["reason"]),
                             [None, None, "same DOI", "wrong population", None])
            self.assertEqual(list(frame["decided_by"]), ["lead", "second", None, "lead", None])
            self.assertEqual(frame["searches"][1], ["medline", "cinahl"])
            self.assertEqual(frame["authors"][0], ["Smith, J", "Ng, K"])
            self.assertEqual(frame["keywords"][0], ["diabetes", "qualitative"])
            self.assertEqual(frame["doi"][0], "10.1000/a")
            for field in RecordField:
                self.assertIn(field.text, frame.columns)

    def test_prisma(self):
        with review_project() as p:
            p.set_stage_count("records_screened", 40)
            frame = p.to_dataframe("prisma")
            self.assertEqual(list(frame.columns), ["name", "n", "entered"])
            self.assertEqual(str(frame["n"].dtype), "Int64")
            self.assertEqual(str(frame["entered"].dtype), "bool")
            self.assertEqual(len(frame), 25)
            rows = frame.set_index("name")
            self.assertEqual(rows.loc["records_screened", "n"], 40)
            self.assertTrue(rows.loc["records_screened", "entered"])
            self.assertIs(rows.loc["previous_studies", "n"], pandas.NA)
            self.assertEqual(p.to_records("prisma"), p.prisma().to_records())

    def test_empty_tables_keep_their_columns_and_dtypes(self):
        with Project() as p:
            for table in metaethno.frames.TABLES:
                frame = p.to_dataframe(table)
                if table != "prisma":
                    self.assertEqual(len(frame), 0, table)
                    self.assertTrue(len(frame.columns) > 2, table)
            self.assertEqual(str(p.to_dataframe("studies")["year"].dtype), "Int64")
            self.assertEqual(str(p.to_dataframe("records")["decided"].dtype),
                             "datetime64[ns, UTC]")

    def test_large_counts_stay_exact(self):
        with Project() as p:
            p.add_search("database", "Huge", n_records=2 ** 53 + 1)
            frame = p.to_dataframe("searches")
            self.assertEqual(frame["n_records"][0], 2 ** 53 + 1)

    def test_errors(self):
        with Project() as p:
            with self.assertRaises(ValueError):
                p.to_dataframe("concepts")
            with self.assertRaises(TypeError):
                p.to_records(None)
            p.close()
            with self.assertRaises(metaethno.ClosedError):
                p.to_dataframe("studies")


class RoundTrip(unittest.TestCase):
    def test_save_and_load(self):
        with review_project() as p:
            p.protocol["registration"] = "PROSPERO CRD42023000000"
            p.set_stage_count("previous_studies", 2)
            p.set_exclusion_count("conference abstract", 3)
            p.set_exclusion_count("website only", 1, box="other_excluded")
            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "review.xml")
                p.save(path, fsync=False)
                with open(path, "rb") as f:
                    self.assertIn(f'version="{metaethno.FORMAT_VERSION}"'.encode(), f.read(300))
                with Project.load(path) as again:
                    self.assertTrue(again.equals(p))
                    self.assertEqual(dict(again.protocol), dict(p.protocol))
                    self.assertEqual(again.to_records("searches"), p.to_records("searches"))
                    self.assertEqual(again.to_records("records"), p.to_records("records"))
                    self.assertEqual(again.to_records("studies"), p.to_records("studies"))
                    self.assertEqual(again.stage_counts, p.stage_counts)
                    self.assertEqual(again.exclusion_counts("other_excluded"),
                                     {"website only": 1})
                    self.assertEqual(again.prisma().counts, p.prisma().counts)
                    self.assertEqual(again.to_bytes(), p.to_bytes())
                    self.assertEqual(again.load_warnings, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
