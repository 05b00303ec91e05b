#!/usr/bin/env python3
"""Threads and signal handlers against shared projects (issue 10).

The bindings promise that no sequence of calls, from any number of threads
or from signal handlers, reads memory the library has freed; that the
exceptions such use can meet are the documented ones; and that what is read
is never wrong. These tests are the outside tester's reproducers, made
deterministic in their length (they are bounded by counts, never by the
clock):

* four reader threads read every kind of entity property, iterate every
  list and run every analysis, while a fifth thread removes entities (with
  cascade), edits texts, undoes and discards the translation session, and
  adds entities back;
* an interval timer whose handler removes entities, closes results and a
  project, and discards the session, while the main thread reads (and
  sometimes changes) the same projects;
* daemon threads still reading when the interpreter exits.

Every id read must be an id that existed, and every text one the project
held (or one the changing side wrote): a value decoded from freed memory
fails the test even where no sanitizer watches. Under AddressSanitizer a
read of freed memory aborts the process.

Run against a build tree by `meson test python-threads`, or by hand:

    METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python MTE_SOURCE_ROOT=. \\
        python3 tests/python/test_threads.py

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import gc
import os
import random
import re
import signal
import subprocess
import sys
import threading
import traceback
import unittest

import metaethno
from metaethno import (ClosedError, HasDependentsError, ModelError,
                       NotFoundError, ReentrancyError, RemovedError,
                       StaleResultError)

SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
STARTER = os.path.join(SOURCE_ROOT, "docs", "examples", "starter.xml")

#: Texts the changing side writes start or end with these.
ADDED = "added "
EDITED = " (edited)"


def under_valgrind():
    try:
        with open("/proc/self/maps") as maps:
            return "vgpreload" in maps.read()
    except OSError:
        return False


UNDER_VALGRIND = under_valgrind()
#: Rounds of the changing side; valgrind runs every thread on one core, slowly.
CHANGES = 12 if UNDER_VALGRIND else 150
#: Signal-handler calls to wait for, and the most rounds the main thread reads.
HANDLER_CALLS = 20 if UNDER_VALGRIND else 300
MAX_ROUNDS = 2000 if UNDER_VALGRIND else 50000
#: The timer's interval: shorter than a round of reading, longer than a
#: handler's work (a sanitized library, and valgrind, are slower).
SANITIZED = bool(os.environ.get("MTE_PYTHON_SANITIZED"))
INTERVAL = 0.02 if UNDER_VALGRIND else 0.003 if SANITIZED else 0.0005


class Values:
    """What may be read: ids and texts of the project as loaded, plus what
    the changing side writes (registered before it is written)."""

    def __init__(self):
        self.ids = set()
        self.texts = set()
        self.collecting = True
        self.wrong = []

    def id(self, value):
        if value is None:
            return
        if self.collecting:
            self.ids.add(value)
        elif value not in self.ids and not re.fullmatch(r"(translation|concept)-\d+", value):
            # (Session decisions make translations and concepts whose ids
            # the library generates: "translation-3".)
            self.wrong.append(f"id {value!r} never existed")

    def text(self, value):
        if value is None:
            return
        if not isinstance(value, str):
            self.wrong.append(f"text {value!r} is not a str")
        elif self.collecting:
            self.texts.add(value)
        elif not (value in self.texts or value.startswith(ADDED) or
                  (value.endswith(EDITED) and value[:-len(EDITED)] in self.texts)):
            self.wrong.append(f"text {value[:80]!r} was never written")

    def code(self, value):
        # Check codes are the library's static strings, e.g. "concept-unused".
        if not (isinstance(value, str) and re.fullmatch(r"[a-z]+(-[a-z]+)*", value)):
            self.wrong.append(f"check code {value!r} is not one")

    def number(self, value, low=0, high=2**32):
        if value is not None and not (isinstance(value, (int, float)) and low <= value <= high):
            self.wrong.append(f"number {value!r} out of range")


def list_changed(error):
    return (type(error) is RuntimeError and
            "changed during iteration" in str(error))


def session_discarded(error):
    return type(error) is ClosedError and "session was discarded" in str(error)


class Outcomes:
    """Counts documented exceptions; keeps the others with their traceback."""

    def __init__(self, documented, name):
        self.documented = documented
        self.name = name
        self.counts = {}
        self.unexpected = []
        # Reentrant: a signal handler may count while the code it
        # interrupted is counting.
        self.lock = threading.RLock()

    def attempt(self, function, *args):
        try:
            result = function(*args)
        except BaseException as e:  # noqa: B902 - sorted below
            if isinstance(e, self.documented) or list_changed(e) or session_discarded(e):
                with self.lock:
                    self.counts[type(e).__name__] = self.counts.get(type(e).__name__, 0) + 1
                return None
            with self.lock:
                self.unexpected.append(f"{self.name}: {type(e).__name__}: {e}\n"
                                       + traceback.format_exc())
            return None
        with self.lock:
            self.counts["ok"] = self.counts.get("ok", 0) + 1
        return result

    def __str__(self):
        return f"{self.name} {dict(sorted(self.counts.items()))}"


def summary(test, *outcomes):
    """One line per side on stderr: what each met (to see that a run tested something)."""
    print(f"\n{test.id().rsplit('.', 1)[-1]}:", file=sys.stderr)
    for o in outcomes:
        print(f"  {o}", file=sys.stderr)


def read_entities(project, v, o, rng):
    """Read every kind of entity property and iterate every list."""
    o.attempt(lambda: (v.text(project.title), v.text(project.question),
                       v.text(project.aim), v.text(project.line_of_argument_statement),
                       project.created, project.modified))

    def member(m):
        v.id(m.id)
        v.text(m.name)
        v.text(m.role)
    for m in o.attempt(lambda: list(project.members)) or ():
        o.attempt(member, m)

    def checklist(c):
        v.id(c.id)
        v.text(c.name)
        for q in c.questions:
            v.text(q.key)
            v.text(q.text)
            for a in q.answers:
                v.text(a)
    for c in o.attempt(lambda: list(project.checklists)) or ():
        o.attempt(checklist, c)

    def construct(k):
        v.id(k.id)
        k.order
        v.text(k.text)
        v.text(k.label)
        v.text(k.page)
        v.text(k.section)
        v.text(k.speaker)
        v.id(k.study.id)
        for g in k.groundings:
            v.id(g.id)

    def study(s):
        v.id(s.id)
        v.text(s.title)
        for a in s.authors:
            v.text(a)
        v.number(s.year, 0, 9999)
        v.number(s.sample_size)
        for value in s.fields.values():
            v.text(value)
        for key, value in s.attributes.items():
            v.text(key)
            v.text(value)
        for a in s.appraisals:
            v.id(a.checklist.id)
            v.text(a.question)
            v.text(a.answer)
            v.text(a.note)
        s.index_study
        s.translation_position
        for k in s.constructs:
            o.attempt(construct, k)
    for s in o.attempt(lambda: list(project.studies)) or ():
        o.attempt(study, s)

    def concept(c):
        v.id(c.id)
        v.text(c.label)
        v.text(c.definition)
        for e in c.expressions:
            v.id(e.id)
    for c in o.attempt(lambda: list(project.concepts)) or ():
        o.attempt(concept, c)

    def translation(t):
        v.id(t.id)
        t.kind
        v.id(t.source.id)
        v.id(t.target.id)
        for s in (t.source_study, t.target_study, t.reviewer):
            if s is not None:
                v.id(s.id)
        v.text(t.rationale)
        t.created
    for t in o.attempt(lambda: list(project.translations)) or ():
        o.attempt(translation, t)

    def third_order(t):
        v.id(t.id)
        v.text(t.label)
        v.text(t.statement)
        for b in t.basis:
            v.id(b.id)
        for concern, explanation in t.concerns.values():
            v.text(explanation)
        t.confidence
        v.text(t.confidence_explanation)
    for t in o.attempt(lambda: list(project.third_orders)) or ():
        o.attempt(third_order, t)

    def link(a):
        v.id(a.id)
        v.id(a.source.id)
        v.id(a.target.id)
        v.text(a.relation)
        v.text(a.rationale)
    for a in o.attempt(lambda: list(project.argument_links)) or ():
        o.attempt(link, a)

    def framework(f):
        v.id(f.id)
        v.text(f.name)
        v.text(f.description)
        for level in f.levels:
            v.text(level.key)
            v.text(level.label)
        for c in f.classifications:
            v.id(c.entity.id)
            v.text(c.level)
            for key in f.levels_of(c.entity):
                v.text(key)
    for f in o.attempt(lambda: list(project.frameworks)) or ():
        o.attempt(framework, f)

    def memo(m):
        v.id(m.id)
        # Read each reference once: the remover may clear it between two
        # reads (a removed author is dropped from the memo).
        subject, author = m.subject, m.author
        if subject is not None:
            v.id(subject.id)
        if author is not None:
            v.id(author.id)
        v.text(m.text)
        m.created
    for m in o.attempt(lambda: list(project.memos)) or ():
        o.attempt(memo, m)

    def lookups():
        ids = sorted(v.ids)
        for key in rng.sample(ids, min(5, len(ids))):
            found = project.lookup(key)
            if found is not None:
                v.id(found.id)
                repr(found)
            for dependent in project.dependents(key):
                v.id(dependent)
            key in project
    o.attempt(lookups)

    def session():
        s = project.session
        if s is None:
            return
        s.order
        s.remaining
        s.complete
        current = s.current_construct
        if current is not None:
            v.id(current.id)
        for d in s.decisions:
            v.id(d.construct.id)
            for e in (d.concept, d.translation, d.reviewer):
                if e is not None:
                    v.id(e.id)
            v.text(d.rationale)
    o.attempt(session)


def read_analyses(project, v, o, keep=None):
    """Run every analysis and read every result; *keep* collects results
    (to be read again later, or closed by someone else)."""
    def grid():
        g = project.grid()
        if keep is not None:
            keep.append(g)
        for record in g.to_records():
            v.id(record["concept"])
            v.id(record["study"])
            v.text(record["concept_label"])
            for k in record["constructs"]:
                v.id(k)
        for c in g.concepts:
            v.id(c.id)
            g.study_count(c)
        g.render("text")

    def relatedness():
        r = project.relatedness()
        for record in r.to_records():
            v.id(record["study_a"])
            v.id(record["study_b"])
            v.number(record["jaccard"], 0, 1)
        for cluster in r.clusters:
            for s in cluster:
                v.id(s.id)

    def table():
        t = project.translation_table("chronological")
        for record in t.to_records():
            v.id(record["concept"])
            v.id(record["study"])
        for record in t.saturation_records():
            v.id(record["study"])
        if t.saturation_study is not None:
            v.id(t.saturation_study.id)
        t.render_saturation("json")

    def check():
        report = project.check()
        if keep is not None:
            keep.append(report)
        for record in report.to_records():
            v.id(record["subject"])
            v.code(record["code"])
        report.render("md")

    def synthesis():
        loa = project.line_of_argument()
        if keep is not None:
            keep.append(loa)
        for record in loa.to_records():
            v.id(record["finding"])
            v.text(record["label"])
            for key in ("studies", "concepts", "constructs", "quotes", "refutations"):
                for i in record[key]:
                    v.id(i)
        for c in loa.unused_concepts:
            v.id(c.id)
        loa.study_coverage
        loa.render("dot")

    def suggestions():
        s = project.suggestions(0.0)
        for record in s.to_records():
            for i in record["concepts"]:
                v.id(i)
            for label in record["labels"]:
                v.text(label)

    def order():
        for s in project.study_order("chronological"):
            v.id(s.id)
        index = project.suggest_index_study()
        if index is not None:
            v.id(index.id)
        project.to_bytes()

    for function in (grid, relatedness, table, check, synthesis, suggestions, order):
        o.attempt(function)


def garbage(project, o):
    """Results and projects in reference cycles: the cyclic collector frees
    them from whichever thread it runs in, at any point of its code."""
    def make():
        g = project.grid()
        g.cycle = g
        copy = metaethno.Project.from_bytes(STARTER_BYTES, "copy.xml")
        copy.cycle = copy
        t = copy.translation_table()
        t.cycle = (t, copy)
        copy.studies[0].title
    o.attempt(make)


with open(STARTER, "rb") as _f:
    STARTER_BYTES = _f.read()


class Changer:
    """The side that changes a project: removals with cascade, text edits,
    session undo and discard, level and question removal, and additions."""

    def __init__(self, project, values, rng, name):
        self.project = project
        self.values = values
        self.rng = rng
        self.serial = 0
        self.name = name

    def remove_something(self):
        p = self.project
        kinds = [p.studies, p.concepts, p.translations, p.third_orders,
                 p.argument_links, p.memos, p.members, p.frameworks, p.checklists]
        for s in p.studies:
            kinds.append(s.constructs)
        candidates = [e for e in kinds[self.rng.randrange(len(kinds))]]
        if candidates:
            self.rng.choice(candidates).remove(cascade=True)

    def edit_something(self):
        p = self.project
        rng = self.rng
        choice = rng.randrange(6)

        def toggle(value):
            if value is None:
                return ADDED + "value"
            return value[:-len(EDITED)] if value.endswith(EDITED) else value + EDITED
        if choice == 0 and len(p.concepts):
            c = rng.choice(list(p.concepts))
            c.label = toggle(c.label)
            c.definition = toggle(c.definition)
        elif choice == 1 and len(p.studies):
            s = rng.choice(list(p.studies))
            s.title = toggle(s.title)
            s.authors = [toggle(a) for a in s.authors] or [ADDED + "author"]
            s.set_attribute(ADDED + "key", None if s.get_attribute(ADDED + "key") else ADDED + "v")
            for k in list(s.constructs)[:3]:
                k.text = toggle(k.text)
        elif choice == 2 and len(p.frameworks):
            f = rng.choice(list(p.frameworks))
            levels = f.levels
            if levels:
                level = rng.choice(levels)
                f.remove_level(level.key, cascade=True)
                f.add_level(level.key, level.label)
            for t in list(p.third_orders)[:2]:
                if f.levels:
                    f.classify(t, f.levels[0].key)
        elif choice == 3 and len(p.checklists):
            c = rng.choice(list(p.checklists))
            questions = c.questions
            if questions:
                q = rng.choice(questions)
                c.remove_question(q.key, cascade=True)
                c.add_question(q.key, q.text, q.answers)
        elif choice == 4:
            self.session_step()
        else:
            for t in list(p.translations)[:3]:
                t.rationale = toggle(t.rationale)

    def session_step(self):
        p = self.project
        s = p.session
        if s is None:
            p.start_session(self.rng.choice(["index", "chronological"]))
            return
        move = self.rng.randrange(4)
        if move == 0 and len(s):
            s.undo()
        elif move == 1:
            p.discard_session()
        elif not s.complete:
            concepts = list(p.concepts)
            if concepts and move == 2:
                s.translate(self.rng.choice(concepts), ADDED + "same idea")
            else:
                s.set_aside(ADDED + "not relevant")

    def add_something(self):
        p = self.project
        self.serial += 1
        sid = f"{self.name}{self.serial}"
        for suffix in ("", "-q", "-s", "-c", "-t", "-f", "-l", "-m"):
            self.values.ids.add(sid + suffix)
        study = p.add_study(sid, title=ADDED + "study", authors=[ADDED + "author"], year=2020)
        quote = study.add_quote(ADDED + "quote", speaker=ADDED + "speaker", id=sid + "-q")
        interpretation = study.add_interpretation(ADDED + "interpretation", grounded_in=[quote],
                                                  id=sid + "-s")
        concept = p.add_concept(ADDED + "concept", id=sid + "-c", definition=ADDED + "definition")
        concept.add_expression(interpretation)
        others = [c for c in p.concepts if c != concept]
        if others:
            t = p.add_translation("reciprocal", concept, self.rng.choice(others), id=sid + "-t")
            t.rationale = ADDED + "rationale"
        finding = p.add_third_order(ADDED + "finding", id=sid + "-f", statement=ADDED + "statement")
        finding.add_basis(concept)
        others = [t for t in p.third_orders if t != finding]
        if others:
            p.add_argument_link(finding, self.rng.choice(others), id=sid + "-l")
        p.add_memo(ADDED + "memo", subject=study, id=sid + "-m")
        if len(p.frameworks) and p.frameworks[0].levels:
            p.frameworks[0].classify(finding, p.frameworks[0].levels[0].key)

    def step(self, o):
        o.attempt(self.remove_something)
        o.attempt(self.edit_something)
        o.attempt(self.add_something)


class Thread(threading.Thread):
    """A thread whose uncaught exception fails the test that joins it."""

    def run(self):
        self.failure = None
        try:
            super().run()
        except BaseException:  # noqa: B902 - reported by join_all
            self.failure = traceback.format_exc()


def join_all(test, threads):
    for t in threads:
        t.join()
    failures = [t.failure for t in threads if t.failure]
    test.assertEqual(failures, [], "\n".join(failures[:3]))


def shared_project(rng):
    """The starter project with a session under way, and what may be read from it."""
    project = metaethno.Project.from_bytes(STARTER_BYTES, "starter.xml")
    session = project.start_session("index")
    concepts = list(project.concepts)
    for i in range(4):
        if session.complete:
            break
        if i % 2:
            session.translate(concepts[i], "same idea")
        else:
            session.set_aside("not relevant")
    values = Values()
    collect = Outcomes((), "collecting")
    read_entities(project, values, collect, rng)
    read_analyses(project, values, collect)
    for i in ("copy.xml", "starter.xml"):
        values.texts.add(i)
    values.collecting = False
    return project, values, collect


class Threads(unittest.TestCase):
    def setUp(self):
        self.interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)

    def tearDown(self):
        sys.setswitchinterval(self.interval)

    def test_readers_and_a_remover(self):
        rng = random.Random(10)
        project, values, collect = shared_project(rng)
        self.assertEqual(collect.unexpected, [])
        readers_documented = (RemovedError, StaleResultError, KeyError, IndexError)
        changer_documented = (RemovedError, KeyError, NotFoundError, HasDependentsError,
                              ModelError)
        done = threading.Event()
        outcomes = []
        rounds = [0] * 4

        def reader(n):
            o = Outcomes(readers_documented, f"reader {n}")
            outcomes.append(o)
            local = random.Random(n)
            # Each reader reads at least once, then until the changes are over.
            while True:
                read_entities(project, values, o, local)
                read_analyses(project, values, o)
                if local.randrange(4) == 0:
                    garbage(project, o)
                rounds[n] += 1
                if done.is_set():
                    break

        def changer():
            o = Outcomes(changer_documented, "changer")
            outcomes.append(o)
            change = Changer(project, values, random.Random(99), "re")
            try:
                for i in range(CHANGES):
                    change.step(o)
                    if i % 10 == 0:
                        o.attempt(gc.collect)
            finally:
                done.set()

        threads = [Thread(target=reader, args=(n,)) for n in range(4)]
        threads.append(Thread(target=changer))
        for t in threads:
            t.start()
        join_all(self, threads)
        project.close()

        summary(self, *outcomes)
        print(f"  reader rounds {rounds}", file=sys.stderr)
        unexpected = [u for o in outcomes for u in o.unexpected]
        self.assertEqual(unexpected, [], "\n".join(unexpected[:5]))
        self.assertEqual(values.wrong, [], values.wrong[:10])
        self.assertTrue(all(r > 0 for r in rounds), rounds)

    def test_close_while_others_read(self):
        """A project closed by one thread while others read it: readers meet
        ClosedError and nothing else."""
        rng = random.Random(3)
        project, values, _ = shared_project(rng)
        ready = threading.Barrier(4)
        outcomes = []

        def reader(n):
            o = Outcomes((ClosedError, RemovedError, StaleResultError, KeyError, IndexError),
                         f"reader {n}")
            outcomes.append(o)
            local = random.Random(n)
            ready.wait()
            while not project.closed:
                read_entities(project, values, o, local)
                read_analyses(project, values, o)
            read_entities(project, values, o, local)

        threads = [Thread(target=reader, args=(n,)) for n in range(3)]
        for t in threads:
            t.start()
        ready.wait()
        closer = Outcomes((RemovedError, KeyError, ModelError), "closer")
        Changer(project, values, random.Random(5), "cl").step(closer)
        project.close()
        join_all(self, threads)
        unexpected = [u for o in outcomes + [closer] for u in o.unexpected]
        self.assertEqual(unexpected, [], "\n".join(unexpected[:5]))
        self.assertEqual(values.wrong, [], values.wrong[:10])


@unittest.skipUnless(hasattr(signal, "setitimer"), "needs signal.setitimer")
class SignalHandlers(unittest.TestCase):
    def setUp(self):
        self.interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)

    def tearDown(self):
        sys.setswitchinterval(self.interval)

    def test_timer_handler_removes_while_main_reads(self):
        rng = random.Random(20)
        project, values, _ = shared_project(rng)
        other, other_values, _ = shared_project(random.Random(21))
        values.ids |= other_values.ids
        values.texts |= other_values.texts
        kept = []
        calls = [0]
        handler_outcomes = Outcomes(
            (ReentrancyError, RemovedError, ClosedError, StaleResultError, KeyError,
             IndexError, NotFoundError, HasDependentsError, ModelError), "handler")
        change = Changer(project, values, random.Random(22), "sig")
        handler_reads = Outcomes((ReentrancyError, RemovedError, ClosedError,
                                  StaleResultError, KeyError, IndexError), "handler reads")

        def close_kept():
            if kept:
                kept.pop(0).close()

        def read_a_little():
            for s in list(project.studies)[:2]:
                values.text(s.title)
                for k in s.constructs:
                    values.text(k.text)

        nesting = [0]

        def handler(signum, frame):
            # Python handlers nest: the next signal's handler runs inside
            # this one. Two levels are enough to test; deeper ones return.
            if nesting[0] >= 2:
                return
            nesting[0] += 1
            try:
                act()
            finally:
                nesting[0] -= 1

        def act():
            calls[0] += 1
            n = calls[0]
            if n >= HANDLER_CALLS:
                signal.setitimer(signal.ITIMER_REAL, 0, 0)
            if n == HANDLER_CALLS // 2:
                handler_outcomes.attempt(other.close)
            action = n % 6
            if action == 0:
                handler_outcomes.attempt(change.remove_something)
            elif action == 1:
                handler_outcomes.attempt(close_kept)
            elif action == 2:
                handler_outcomes.attempt(change.session_step)
            elif action == 3:
                handler_reads.attempt(read_a_little)
            elif action == 4:
                handler_outcomes.attempt(change.add_something)
            else:
                handler_outcomes.attempt(change.edit_something)

        main = Outcomes((RemovedError, StaleResultError, ClosedError, KeyError, IndexError),
                        "main")
        # The main thread changes the project too, so that handlers also
        # interrupt changes (and must not read through them).
        main_change = Changer(project, values, random.Random(23), "main")
        main_changes = Outcomes((RemovedError, KeyError, NotFoundError, HasDependentsError,
                                 ModelError, ClosedError), "main changes")
        previous = signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, INTERVAL, INTERVAL)
        rounds = 0
        try:
            while calls[0] < HANDLER_CALLS and rounds < MAX_ROUNDS:
                local = random.Random(rounds)
                read_entities(project, values, main, local)
                read_analyses(project, values, main, kept)
                if rounds % 3 == 0:
                    read_entities(other, values, main, local)
                    read_analyses(other, values, main, kept)
                if rounds % 5 == 0:
                    main_changes.attempt(main_change.edit_something)
                    main_changes.attempt(main_change.add_something)
                for result in kept[-4:]:
                    main.attempt(result.to_records)
                del kept[:-8]
                rounds += 1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, previous)
        project.close()
        other.close()

        outcomes = (main, main_changes, handler_outcomes, handler_reads)
        summary(self, *outcomes)
        print(f"  {rounds} rounds, {calls[0]} handler calls", file=sys.stderr)
        unexpected = [u for o in outcomes for u in o.unexpected]
        self.assertEqual(unexpected, [], "\n".join(unexpected[:5]))
        self.assertEqual(values.wrong, [], values.wrong[:10])
        self.assertGreaterEqual(calls[0], HANDLER_CALLS, f"{rounds} rounds")
        # The main thread never meets ReentrancyError: only handlers do.
        self.assertNotIn("ReentrancyError", main.counts)
        self.assertNotIn("ReentrancyError", main_changes.counts)


class EveryUseIsInsideASection(unittest.TestCase):
    """Every C pointer is resolved, and every entity made from one, inside a
    section of its project, by the thread holding the project's lock: the
    unit tests and a random walk through the whole API run with the
    resolving methods checked. (A method that resolved outside a section
    could be raced by another thread, whatever the tests above happen to
    provoke.)"""

    def test_unit_and_random_tests_resolve_inside_sections(self):
        from metaethno import analysis, model, session
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import test_bindings
        import test_random

        outside = []

        def checked(function, project_of):
            def check(self, *args):
                guard = project_of(self)._guard
                if not guard.lock._is_owned():
                    outside.append("".join(traceback.format_stack(limit=4)))
                return function(self, *args)
            return check

        patches = [(model.Project, "_p", lambda p: p),
                   (model.Project, "_wrap", lambda p: p),
                   (model.Project, "_wrap_entity", lambda p: p),
                   (model.Entity, "_p", lambda e: e._project),
                   (analysis._Result, "_p", lambda r: r._project),
                   (session.Session, "_p", lambda s: s._project)]
        saved = [(cls, name, cls.__dict__[name]) for cls, name, _ in patches]
        for cls, name, project_of in patches:
            setattr(cls, name, checked(cls.__dict__[name], project_of))
        try:
            loader = unittest.defaultTestLoader
            suite = unittest.TestSuite(
                loader.loadTestsFromTestCase(getattr(test_bindings, name))
                for name in ("Errors", "ProjectModel", "SessionTests", "Analyses",
                             "Lifetimes"))
            result = unittest.TestResult()
            suite.run(result)
            problems = [t for _, t in result.failures + result.errors]
            self.assertEqual(problems, [], "\n".join(problems[:3]))
            import tempfile
            with tempfile.TemporaryDirectory(prefix="mte-threads-") as folder:
                test_random.Fuzzer(10, 300 if UNDER_VALGRIND else 3000, folder).run()
        finally:
            for cls, name, function in saved:
                setattr(cls, name, function)
        self.assertEqual(outside, [], "\n".join(outside[:3]))


class AtExit(unittest.TestCase):
    def test_daemon_threads_reading_at_exit(self):
        """Projects and results still alive at exit are freed then, while
        daemon threads may still be reading them."""
        script = f"""
import sys, threading
import metaethno
sys.setswitchinterval(1e-6)
project = metaethno.Project.load({STARTER!r})
grid = project.grid()
started = threading.Barrier(4)

def reader():
    started.wait()
    while True:
        try:
            [s.title for s in project.studies]
            grid.to_records()
            project.line_of_argument().to_records()
        except (metaethno.ClosedError, metaethno.StaleResultError):
            pass

for _ in range(3):
    threading.Thread(target=reader, daemon=True).start()
started.wait()
for _ in range({5 if UNDER_VALGRIND else 50}):
    [c.label for c in project.concepts]
print("exiting")
"""
        result = subprocess.run([sys.executable, "-c", script], capture_output=True,
                                text=True, timeout=600)
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        self.assertEqual(result.stdout, "exiting\n")
        self.assertNotIn("AddressSanitizer", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


if __name__ == "__main__":
    unittest.main()
