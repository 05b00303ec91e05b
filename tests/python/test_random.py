#!/usr/bin/env python3
"""Randomised test of the Python bindings: thousands of operations drawn
from the whole public surface of ``metaethno``, in random order.

What it guarantees
------------------
Starting from small random projects, each run applies thousands of random
operations: adding and removing (with and without cascade) every kind of
entity; setting every property to valid and invalid values (wrong types,
None, empty strings, strings holding NUL, lone surrogates or control
characters, huge and negative ints, out-of-range enum values, bad or
foreign ids); groundings, expressions, basis and classifications;
checklists and appraisals; frameworks and levels; memos; translation
sessions (start, translate, refute, found a concept, set aside, undo,
reorder, discard; bursts of decisions, removals and undos); every
analysis (grid, relatedness, translation table, saturation, checks, line
of argument, suggestions and accepting them),
rendered in every format and turned into records; saving, loading and
byte round trips, also of corrupted bytes; closing projects and results in
the middle (twice, too) and going on using the old handles, results and
sessions; dropping projects while their entities and results live on;
copying and pickling everything; changing lists while iterating over
them; indexing out of range. Pools of live and dead handles, results, sessions
and projects are kept, and operations pick from them at random.

The test fails when

* an operation raises anything but what the documentation allows: a
  ``metaethno.MetaethnoError``, ``TypeError``, ``ValueError``,
  ``IndexError``, ``KeyError`` (a ``LookupError``); ``ImportError`` only
  from ``to_dataframe()`` without pandas; ``UnicodeEncodeError`` only for a
  path that cannot be encoded (as ``open()`` does); ``RuntimeError`` only
  from iterating over a list that changed meanwhile (documented, as for a
  dict). ``AttributeError``, ``ctypes.ArgumentError``, ``OverflowError``,
  ``UnicodeDecodeError``, ``RuntimeError``, ``MemoryError``... are failures;
* using a closed project, or anything in it, does not raise
  ``ClosedError``; a removed entity not ``RemovedError``; a result computed
  before a removal not ``StaleResultError``; a discarded session not
  ``ClosedError``;
* an invariant breaks: after a successful removal the handle's ``exists``
  is False; a list's ``len()`` matches its iteration and indexing;
  ``project.lookup(e.id) == e`` for a live entity; every property of a
  live entity reads without error; the analyses compute and read without
  error on any state of an open project, and JSON reports parse; a
  project's bytes load back into a project that ``equals()`` it and is
  written again to the very same bytes (from a file too); a session
  decision adds one decision and ``undo`` takes one away;
* the process crashes. The test setups run with G_DEBUG=fatal-criticals,
  so a GLib critical (a precondition the bindings failed to check before
  calling C) aborts; ASan and valgrind catch memory errors.

A second test runs a child interpreter that leaves projects, entities,
results and sessions in globals and reference cycles (and uses handles from
``__del__`` at exit), and checks that it exits with status 0 and prints
nothing on stderr.

How to reproduce a failure
--------------------------
A failure names the seed, the number of the operation and what it called,
with a short trace. Run the same sequence again with::

    MTE_RANDOM_SEED=<seed> MTE_RANDOM_OPS=<operations> \\
        meson test -C <build> python-random -v

(or directly: ``METAETHNO_LIBRARY=<build>/lib PYTHONPATH=bindings/python
G_DEBUG=fatal-criticals MTE_RANDOM_SEED=<seed> python3
tests/python/test_random.py -v``). A crash prints the Python stack
(faulthandler) after the "seed ..." line; MTE_RANDOM_TRACE=1 also prints
every operation before it runs.

Environment: MTE_RANDOM_SEED (one seed instead of the fixed ones plus one
from the clock), MTE_RANDOM_OPS (operations per seed; default 4000, or
800 under valgrind, which also runs fewer seeds), MTE_RANDOM_TRACE.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""

import copy
import csv
import datetime as dt
import faulthandler
import gc
import importlib.util
import io
import json
import math
import os
import pathlib
import pickle
import random
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
import unittest

import metaethno as me
from metaethno import (ArgumentLink, Checklist, Concept, Construct, Entity,
                       Framework, Member, Memo, Project, Session, Study,
                       ThirdOrder, Translation)

faulthandler.enable()


def running_under_valgrind():
    try:
        with open('/proc/self/maps') as maps:
            return 'vgpreload' in maps.read()
    except OSError:
        return False


UNDER_VALGRIND = running_under_valgrind()
FIXED_SEEDS = [1, 2, 4242, 20260522, 31337] if not UNDER_VALGRIND else [7, 20260522]
DEFAULT_OPS = 800 if UNDER_VALGRIND else 4000
TRACE = bool(os.environ.get('MTE_RANDOM_TRACE'))

HAVE_PANDAS = importlib.util.find_spec('pandas') is not None
# pandas' compiled modules leak at import, which valgrind would report: no
# DataFrames under valgrind.
TRY_DATAFRAMES = not UNDER_VALGRIND

DOCUMENTED = (me.MetaethnoError, TypeError, ValueError, IndexError, KeyError,
              LookupError)
RESULT_TYPES = (me.Grid, me.Relatedness, me.TranslationTable, me.CheckReport,
                me.LineOfArgument, me.Suggestions)
FORMATS = list(me.ReportFormat)
FORMAT_NAMES = ['text', 'csv', 'md', 'markdown', 'json', 'dot', 'TEXT',
                'html', '', 'j\0son', '\ud800', None, 7, -1, 2**70, 1.0]

WORDS = ['warmth', 'trust', 'family', 'being known', 'listened to', 'stigma',
         'racism', 'language', 'faith', 'community', 'care', 'silence',
         'respect', 'time', 'whole person', 'yearning']
ODD_VALID = ['É ü 中文 🙂', 'tab\there\nnew line\r\nCR', '<&>\'" ]]> --',
             '  padded  ', 'x', 'a' * 300, '\u00a0nbsp', '\U0001F600',
             'line one\nline two', '\u200b zero width', '%s %d %n {0}']


class Failure(AssertionError):
    """An operation broke the contract; the message says how."""


def short(value, limit=60):
    """repr() of a value, cut to a readable length."""
    try:
        text = repr(value)
    except Exception as e:  # repr() itself must not fail; checked elsewhere
        text = f'<repr failed: {type(e).__name__}>'
    return text if len(text) <= limit else text[:limit] + '...'


def undocumented(exc, *, import_ok=False, path_ok=False):
    """Why *exc* is not an exception the documentation allows, or None."""
    if isinstance(exc, UnicodeDecodeError):
        return 'UnicodeDecodeError (the library returned bytes that are not UTF-8?)'
    if isinstance(exc, UnicodeEncodeError) and not path_ok:
        return 'UnicodeEncodeError where the bindings should raise ValueError'
    if isinstance(exc, ImportError):
        if import_ok and not HAVE_PANDAS:
            return None
        return 'ImportError outside to_dataframe() without pandas'
    if not isinstance(exc, DOCUMENTED):
        return f'undocumented exception type {type(exc).__module__}.{type(exc).__qualname__}'
    try:
        str(exc)
        repr(exc)
    except Exception as e:
        return f'str() of the exception raised {type(e).__name__}'
    return None


class Fuzzer:
    """One seeded run: a random walk through the API."""

    MAX_HANDLES = 400
    MAX_RESULTS = 40
    MAX_PARTS = 40
    MAX_SESSIONS = 12
    MAX_PROJECTS = 6

    def __init__(self, seed, n_ops, tmpdir):
        self.seed = seed
        self.n_ops = n_ops
        self.tmpdir = tmpdir
        self.rng = random.Random(seed)
        self.handles = []     # Entity handles, live or dead, of any project
        self.results = []     # [result, closed?]
        self.parts = []       # (Finding or Suggestion, its result's record), (Issue, None)
        self.sessions = []    # [session, project, discarded?]
        self.projects = []    # projects still referenced by the test
        self.current = None   # the open project most operations work on
        self.log = []
        self.counter = 0
        self.stats = {}
        self.step = 0
        self.op_name = 'setup'

    # -- reporting ----------------------------------------------------------

    def note(self, text):
        self.log.append(text)
        if TRACE:
            print(f'    {text}', file=sys.stderr, flush=True)

    def fail(self, why, exc=None):
        lines = [f'seed {self.seed}, operation {self.step} of {self.n_ops} '
                 f'({self.op_name}): {why}']
        lines += [f'  called: {entry}' for entry in self.log[-12:]]
        if exc is not None:
            trace = traceback.format_exception(type(exc), exc, exc.__traceback__)
            lines.append('  ' + ''.join(trace[-6:]).rstrip().replace('\n', '\n  '))
        lines.append(f'  reproduce: MTE_RANDOM_SEED={self.seed} '
                     f'MTE_RANDOM_OPS={self.n_ops}')
        raise Failure('\n'.join(lines))

    def check(self, condition, why):
        if not condition:
            self.fail('invariant broken: ' + why)

    def attempt(self, what, function, *args, import_ok=False, path_ok=False,
                **kwargs):
        """Call *function*; return (True, value) or (False, exception) for a
        documented exception; fail on any other."""
        self.note(what)
        try:
            return True, function(*args, **kwargs)
        except Failure:
            raise
        except Exception as e:
            why = undocumented(e, import_ok=import_ok, path_ok=path_ok)
            if why:
                self.fail(f'{what} raised {type(e).__name__}: {short(str(e), 200)}: {why}', e)
            return False, e

    def must(self, what, function, *args, **kwargs):
        """Call *function*, which must not raise at all."""
        self.note(what)
        try:
            return function(*args, **kwargs)
        except Failure:
            raise
        except Exception as e:
            self.fail(f'{what} must succeed but raised {type(e).__name__}: '
                      f'{short(str(e), 200)}', e)

    def expect(self, what, exc_type, function, *args, **kwargs):
        """Call *function*, which must raise *exc_type* (None: must succeed)."""
        if exc_type is None:
            return self.must(what, function, *args, **kwargs)
        self.note(what)
        try:
            function(*args, **kwargs)
        except Failure:
            raise
        except Exception as e:
            if not isinstance(e, exc_type):
                self.fail(f'{what} raised {type(e).__name__} ({short(str(e), 120)}), '
                          f'expected {exc_type.__name__}', e)
            return
        self.fail(f'{what} succeeded, expected {exc_type.__name__}')

    # -- random values --------------------------------------------------------

    def chance(self, p):
        return self.rng.random() < p

    def valid_text(self):
        if self.chance(0.7):
            return ' '.join(self.rng.sample(WORDS, self.rng.randint(1, 3)))
        return self.rng.choice(ODD_VALID)

    def bad_value(self):
        choices = [
            lambda: None, lambda: '', lambda: '\0', lambda: 'a\0b', lambda: '\ud800',
            lambda: 'x\udfffy', lambda: '\x01', lambda: 'ctl \x1b[0m', lambda: '\x7f',
            lambda: '\ufffe', lambda: '\uffff', lambda: '\x0b\x0c', lambda: 0,
            lambda: -1, lambda: 1, lambda: 2**32, lambda: 2**64, lambda: -2**63,
            lambda: 10**400, lambda: 3.5, lambda: math.nan, lambda: math.inf,
            lambda: b'bytes', lambda: bytearray(b'b'), lambda: memoryview(b'm'),
            lambda: ['a'], lambda: ('a', 'b'), lambda: {'k': 'v'}, lambda: set(),
            lambda: object(), lambda: True, lambda: False, lambda: Ellipsis,
            lambda: dt.datetime(2020, 1, 1), lambda: 1j,
            lambda: self.any_handle(), lambda: 'y' * self.rng.choice([5000, 70000]),
        ]
        return self.rng.choice(choices)()

    def text(self, nullable=False):
        """Mostly valid text for a property; sometimes anything at all."""
        r = self.rng.random()
        if r < 0.7:
            return self.valid_text()
        if r < 0.78 and nullable:
            return None
        if r < 0.86:
            return self.rng.choice(['', '\x01', '\0', '\ud800', '\ufffe', 'a\0', ' '])
        return self.bad_value()

    def fresh_id(self):
        self.counter += 1
        return self.rng.choice(['r', 'x.', '_', '9', 'Q:', 'id-']) + str(self.counter)

    def new_id(self):
        """An id for a new entity: None (generated), fresh, taken or invalid."""
        r = self.rng.random()
        if r < 0.45:
            return None
        if r < 0.75:
            return self.fresh_id()
        if r < 0.85:
            h = self.any_handle()
            return h.id if h is not None else 'taken'
        return self.rng.choice([
            '', '-a', '.a', ':a', 'a b', 'a/b', 'é', 'a' * 257, 'b' * 256, 'a\0',
            '\ud800', 'a\nb', 5, 5.0, b'id', self.any_handle(), ['x']])

    def key(self, existing=()):
        """A level, question or attribute key."""
        r = self.rng.random()
        existing = [k for k in existing if k is not None]
        if existing and r < 0.5:
            return self.rng.choice(existing)
        if r < 0.8:
            return self.rng.choice(['k1', 'k2', 'individual', 'q1', 'q2', 'q10',
                                    'societal', self.fresh_id()])
        return self.rng.choice(['', 'a b', '-x', '\0', '\ud800', None, 3, 'z' * 300,
                                'ethnicity of sample', 'é'])

    def enum_value(self, cls):
        members = list(cls)
        r = self.rng.random()
        if r < 0.35:
            return self.rng.choice(members)
        if r < 0.55:
            return self.rng.choice(members).text
        if r < 0.62:
            return self.rng.choice(members).name.lower()
        if r < 0.72:
            return int(self.rng.choice(members))
        return self.rng.choice([-1, 99, 2**31, 2**70, -2**70, 'bogus', '', None, 1.5,
                                True, '\0', '\ud800', b'index', me.Severity.ERROR,
                                me.ReportFormat.DOT, 'Index ', object()])

    def time_value(self):
        r = self.rng.random()
        if r < 0.3:
            return self.rng.randint(0, 253402300799)
        if r < 0.5:
            return dt.datetime(self.rng.randint(1970, 9999), 1, 2, tzinfo=dt.timezone.utc)
        if r < 0.6:
            return None
        return self.rng.choice([-1, 253402300800, 2**63, 10**30, 1.5, '2020',
                                dt.datetime(2020, 1, 1), dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc),
                                dt.datetime.max.replace(tzinfo=dt.timezone.utc),
                                dt.datetime(1969, 12, 31, tzinfo=dt.timezone.utc), True])

    def uint_value(self, nullable=True):
        r = self.rng.random()
        if r < 0.6:
            return self.rng.randint(0, 40)
        if r < 0.7 and nullable:
            return None
        return self.rng.choice([-1, 2**32 - 1, 2**32, 2**64, 10**400, 1.5, '3', True])

    def threshold_value(self):
        if self.chance(0.75):
            return self.rng.choice([0, 1, 0.0, 1.0, 0.25, 0.3, self.rng.random()])
        return self.rng.choice([-0.1, 1.5, math.nan, math.inf, -math.inf, 10**400,
                                -10**400, '0.3', None, True, 2**70])

    # -- pools ------------------------------------------------------------------

    def remember(self, *objects):
        for obj in objects:
            if isinstance(obj, Entity):
                self.handles.append(obj)
            elif isinstance(obj, RESULT_TYPES):
                self.results.append(self.record(obj))
            elif isinstance(obj, me.Issue):
                self.parts.append((obj, None))

    def record(self, result):
        """The pool record [result, closed?] of *result* (made when new)."""
        for record in self.results:
            if record[0] is result:
                return record
        return [result, False]

    def trim(self):
        rng = self.rng
        for pool, limit in ((self.handles, self.MAX_HANDLES), (self.results, self.MAX_RESULTS),
                            (self.parts, self.MAX_PARTS), (self.sessions, self.MAX_SESSIONS)):
            while len(pool) > limit:
                pool.pop(rng.randrange(len(pool)))
        while len(self.projects) > self.MAX_PROJECTS:
            victim = self.projects.pop(rng.randrange(len(self.projects)))
            if victim is self.current:
                self.projects.append(victim)
                break

    def any_handle(self):
        return self.rng.choice(self.handles) if self.handles else None

    def live(self, cls=None, project=None):
        project = project or self.current
        return [h for h in self.handles
                if (cls is None or isinstance(h, cls)) and h.project is project and h.exists]

    def entity(self, cls=None, p_live=0.8):
        """A handle of class *cls*: mostly live in the current project; else
        any from the pool (removed, closed, another project or kind)."""
        if self.chance(p_live):
            candidates = self.live(cls)
            if candidates:
                return self.rng.choice(candidates)
        pool = self.handles
        if cls is not None and self.chance(0.7):
            pool = [h for h in pool if isinstance(h, cls)] or pool
        return self.rng.choice(pool) if pool else None

    def receiver(self, cls):
        """A handle of class *cls* to call its methods: mostly live in the
        current project; else any of that class, dead ones too."""
        if self.chance(0.85):
            candidates = self.live(cls)
            if candidates:
                return self.rng.choice(candidates)
        pool = [h for h in self.handles if isinstance(h, cls)]
        return self.rng.choice(pool) if pool else None

    def ref(self, cls=None, nullable=False):
        """What to pass where an entity is expected: a handle, an id, or junk."""
        r = self.rng.random()
        if r < 0.55:
            return self.entity(cls)
        if r < 0.8:
            e = self.entity(cls)
            return e.id if e is not None else 'no-such-id'
        if r < 0.88:
            return self.entity(None, p_live=0.5)
        if nullable and r < 0.93:
            return None
        return self.rng.choice(['no-such-id', '', 'a b', '\0', '\ud800', 42, None,
                                self.current, b'x', object()])

    def project_for_op(self):
        """Mostly the current project; sometimes another one, maybe closed."""
        if self.chance(0.85) or not self.projects:
            return self.current
        return self.rng.choice(self.projects)

    def harvest(self, project):
        """Put handles of every entity of *project* into the pool."""
        lists = ['members', 'checklists', 'studies', 'concepts', 'translations',
                 'third_orders', 'argument_links', 'frameworks', 'memos']
        for name in lists:
            for e in getattr(project, name):
                self.handles.append(e)
                if isinstance(e, Study):
                    self.handles.extend(e.constructs)

    def set_current(self, project):
        self.current = project
        if project not in self.projects:
            self.projects.append(project)

    # -- building -----------------------------------------------------------

    def build(self):
        """A small random project, made with valid calls only."""
        rng = self.rng
        p = self.must('Project()', Project, rng.choice([None, 'Random review', 'É 🙂']))
        members = [self.must('add_member', p.add_member, f'Member {i}',
                             rng.choice([None, 'lead', 'second reviewer']))
                   for i in range(rng.randint(1, 3))]
        checklist = self.must('add_checklist', p.add_checklist, 'CASP qualitative')
        for q in range(1, rng.randint(2, 5)):
            answers = ['yes', "can't tell", 'no'] if q < 4 else []
            self.must('add_question', checklist.add_question, f'q{q}', f'Question {q}?', answers)
        quotes_by_study, interps = {}, []
        for s in range(rng.randint(2, 8)):
            study = self.must('add_study', p.add_study, title=f'Study {s}',
                              authors=['Ridge, D.', 'Other, A.'][:rng.randint(0, 2)],
                              year=rng.choice([None, 1999, 2005, 2010, 2015, 2020]))
            if rng.random() < 0.5:
                self.must('set_appraisal', study.set_appraisal, checklist, 'q1',
                          rng.choice(['yes', 'no', None]), rng.choice([None, 'a note']))
            quotes = [self.must('add_quote', study.add_quote, self.valid_text(),
                                speaker=rng.choice([None, 'woman, 54']))
                      for _ in range(rng.randint(0, 3))]
            quotes_by_study[study] = quotes
            for _ in range(rng.randint(1, 4)):
                interps.append(self.must(
                    'add_interpretation', study.add_interpretation, self.valid_text(),
                    label=rng.choice([None, 'label']),
                    grounded_in=rng.sample(quotes, rng.randint(0, len(quotes)))))
        concepts = [self.must('add_concept', p.add_concept, self.valid_text(),
                              definition=rng.choice([None, 'what we mean']))
                    for _ in range(rng.randint(1, 5))]
        for construct in interps:
            if rng.random() < 0.6:
                self.must('add_expression', rng.choice(concepts).add_expression, construct)
        for _ in range(rng.randint(0, 4)):
            a, b = rng.choice(interps), rng.choice(interps + concepts)
            ok, t = self.attempt('add_translation', p.add_translation,
                                 rng.choice(['reciprocal', 'refutational']), a, b)
            if ok:
                self.must('rationale', setattr, t, 'rationale', 'same idea')
                self.must('reviewer', setattr, t, 'reviewer', rng.choice(members))
        thirds = []
        for i in range(rng.randint(0, 4)):
            third = self.must('add_third_order', p.add_third_order, f'Finding {i}',
                              statement=rng.choice([None, 'in full']))
            for basis in rng.sample(concepts + interps, rng.randint(0, 3)):
                self.must('add_basis', third.add_basis, basis)
            self.must('set_concern', third.set_concern, 'coherence', 'minor', 'why')
            self.must('set_confidence', third.set_confidence, 'moderate', None)
            thirds.append(third)
        for _ in range(rng.randint(0, 3)):
            if len(thirds) >= 2:
                a, b = rng.sample(thirds, 2)
                self.attempt('add_argument_link', p.add_argument_link, a, b,
                             rng.choice([me.RELATION_LEADS_TO, me.RELATION_SHAPES]))
        if rng.random() < 0.7:
            framework = self.must('add_socio_ecological_framework',
                                  p.add_socio_ecological_framework)
            for entity in rng.sample(interps + thirds, min(3, len(interps + thirds))):
                self.must('classify', framework.classify, entity,
                          rng.choice(['individual', 'interpersonal', 'societal']))
        for _ in range(rng.randint(0, 3)):
            self.must('add_memo', p.add_memo, 'a memo',
                      subject=rng.choice([None] + concepts + thirds),
                      author=rng.choice([None] + members))
        if rng.random() < 0.4:
            session = self.must('start_session', p.start_session, rng.choice(list(me.StudyOrder)))
            self.sessions.append([session, p, False])
            for _ in range(rng.randint(0, 4)):
                if session.complete:
                    break
                self.must('session.set_aside', session.set_aside, 'not relevant')
        self.harvest(p)
        return p

    # -- the run --------------------------------------------------------------

    def operations(self):
        return [
            (3, self.op_new_project), (6, self.op_project_properties),
            (6, self.op_lookup), (2, self.op_generate_id), (3, self.op_dependents),
            (10, self.op_remove), (8, self.op_lists), (14, self.op_add),
            (3, self.op_member), (5, self.op_checklist), (8, self.op_study), (5, self.op_add_construct),
            (6, self.op_construct), (5, self.op_concept), (5, self.op_translation),
            (6, self.op_third_order), (3, self.op_argument_link), (6, self.op_framework),
            (3, self.op_memo), (8, self.op_read_entity), (4, self.op_session_start),
            (10, self.op_session_act), (2, self.op_session_discard),
            (6, self.op_compute), (2, self.op_analyses_valid), (10, self.op_use_result),
            (3, self.op_close_result), (5, self.op_use_part), (3, self.op_roundtrip),
            (2, self.op_save_load), (2, self.op_corrupt_bytes), (1, self.op_close_project),
            (1, self.op_drop_project), (1, self.op_drop_pools), (1, self.op_with_project),
            (8, self.op_use_dead), (2, self.op_module), (2, self.op_equals),
            (3, self.op_study_order), (2, self.op_invariants), (2, self.op_copy),
            (2, self.op_change_while_iterating), (2, self.op_session_storm),
        ]

    def run(self):
        print(f'seed {self.seed}: {self.n_ops} operations', file=sys.stderr, flush=True)
        self.set_current(self.build())
        operations = self.operations()
        weights = [w for w, _ in operations]
        functions = [f for _, f in operations]
        for self.step in range(1, self.n_ops + 1):
            function = self.rng.choices(functions, weights)[0]
            self.op_name = function.__name__
            self.log = []
            if TRACE:
                print(f'  #{self.step} {self.op_name}', file=sys.stderr, flush=True)
            try:
                function()
            except Failure:
                raise
            except Exception as e:
                why = undocumented(e)
                if why:
                    self.fail(f'{type(e).__name__}: {short(str(e), 200)}: {why}', e)
            self.stats[self.op_name] = self.stats.get(self.op_name, 0) + 1
            if self.current is None or self.current.closed:
                self.set_current(self.build())
            self.trim()
        # Drop everything in a random order; finalizers must cope.
        pools = [self.handles, self.results, self.parts, self.sessions, self.projects]
        self.rng.shuffle(pools)
        self.current = None
        for pool in pools:
            del pool[:]
            gc.collect()
        return self.stats

    # -- operations: projects -----------------------------------------------

    def op_new_project(self):
        if self.chance(0.6):
            p = self.build()
        else:
            ok, p = self.attempt('Project(title)', Project, self.text(nullable=True))
            if not ok:
                return
        self.projects.append(p)
        if self.chance(0.5):
            self.set_current(p)

    def op_project_properties(self):
        p = self.project_for_op()
        name = self.rng.choice(['title', 'question', 'aim', 'line_of_argument_statement',
                                'created', 'modified'])
        if self.chance(0.5):
            value = self.time_value() if name in ('created', 'modified') else self.text(nullable=True)
            ok, _ = self.attempt(f'project.{name} = {short(value)}', setattr, p, name, value)
            if ok and name not in ('created', 'modified') and value not in (None, ''):
                self.check(getattr(p, name) == value, f'project.{name} reads back')
        else:
            self.attempt(f'project.{name}', getattr, p, name)
        self.must('repr(project)', repr, p)
        self.must('project.closed', getattr, p, 'closed')

    def op_lookup(self):
        p = self.project_for_op()
        key = self.ref() if self.chance(0.6) else self.new_id()
        self.attempt(f'lookup({short(key)})', p.lookup, key)
        self.attempt(f'project[{short(key)}]', p.__getitem__, key)
        self.attempt(f'{short(key)} in project', p.__contains__, key)
        for e in self.rng.sample(self.live(), min(3, len(self.live()))):
            found = self.must(f'lookup({e.id!r})', self.current.lookup, e.id)
            self.check(found == e and type(found) is type(e), f'lookup({e.id!r}) == {e!r}')
            self.check(e.id in self.current, f'{e.id!r} in project')
            self.check(self.current[e.id] == e, f'project[{e.id!r}]')
            self.check(hash(found) == hash(e), 'equal handles hash alike')

    def op_generate_id(self):
        p = self.project_for_op()
        prefix = self.rng.choice(['study', 'x', 'a.b', '_', '9', 'c' * 40, '', '-x',
                                  'a b', '\0', '\ud800', None, 5, 'z' * 257, 'é',
                                  'l' * 245, 'm' * 250, 'n' * 256])
        ok, new = self.attempt(f'generate_id({short(prefix)})', p.generate_id, prefix)
        if ok and not p.closed:
            # Prefixes past 245 characters are cut so that the id fits 256.
            self.check(isinstance(new, str) and new.startswith(prefix[:245] + '-')
                       and len(new) <= 256, 'generated id')
            self.check(p.lookup(new) is None, 'generated id is free')

    def op_dependents(self):
        p = self.project_for_op()
        target = self.ref()
        ok, deps = self.attempt(f'dependents({short(target)})', p.dependents, target)
        if ok:
            self.check(all(isinstance(d, str) for d in deps), 'dependents are ids')
        e = self.entity()
        if e is not None:
            self.attempt(f'{e!r}.dependents()', e.dependents)

    def op_remove(self):
        e = self.entity(p_live=0.85)
        if e is None:
            return
        cascade = self.chance(0.5)
        how = self.rng.random()
        if how < 0.4:
            ok, _ = self.attempt(f'{e!r}.remove(cascade={cascade})', e.remove, cascade=cascade)
        elif how < 0.7:
            ok, _ = self.attempt(f'project.remove({e!r}, cascade={cascade})',
                                 e.project.remove, e, cascade=cascade)
        elif how < 0.9:
            ok, _ = self.attempt(f'project.remove({e.id!r}, cascade={cascade})',
                                 e.project.remove, e.id, cascade=cascade)
        else:
            bogus = self.ref()
            ok, _ = self.attempt(f'project.remove({short(bogus)})', self.current.remove,
                                 bogus, cascade=cascade)
            return
        if ok:
            self.check(not e.exists, f'{e!r}.exists is False after its removal')
            self.check(e.project.lookup(e.id) is None, 'lookup() of a removed id is None')
            self.expect(f'{e.id!r}.dependents() after removal', me.RemovedError, e.dependents)

    def entity_lists(self, owner):
        """(name, list) pairs of an owner's entity lists."""
        if isinstance(owner, Project):
            return [(n, getattr(owner, n)) for n in (
                'members', 'checklists', 'studies', 'concepts', 'translations',
                'third_orders', 'argument_links', 'frameworks', 'memos')]
        out = []
        for name in ('constructs', 'groundings', 'expressions', 'basis'):
            if hasattr(type(owner), name):
                out.append((name, getattr(owner, name)))
        return out

    def op_lists(self):
        if self.chance(0.5):
            owner = self.project_for_op()
        else:
            owner = self.receiver(self.rng.choice([Study, Construct, Concept, ThirdOrder]))
            if owner is None:
                return
        ok, lists = self.attempt(f'lists of {short(owner)}', self.entity_lists, owner)
        if not ok or not lists:
            return
        name, lst = self.rng.choice(lists)
        ok, n = self.attempt(f'len({name})', len, lst)
        if not ok:
            return
        items = self.must(f'list({name})', list, lst)
        self.check(len(items) == n, f'len({name}) == {n} matches iteration ({len(items)})')
        self.remember(*items)
        for i in self.rng.sample(range(n), min(n, 3)):
            self.check(self.must(f'{name}[{i}]', lst.__getitem__, i) == items[i], f'{name}[{i}]')
            self.check(self.must(f'{name}[{i - n}]', lst.__getitem__, i - n) == items[i],
                       f'{name}[{i - n}]')
            self.check(self.must(f'{name}[id]', lst.__getitem__, items[i].id) == items[i],
                       f'{name}[{items[i].id!r}]')
            self.check(items[i] in lst and items[i].id in lst, f'{items[i].id!r} in {name}')
        self.check(self.must(f'{name}[:]', lst.__getitem__, slice(None)) == items, f'{name}[:]')
        self.must(f'{name}[::-2]', lst.__getitem__, slice(None, None, -2))
        self.must(f'{name} == list', lst.__eq__, items)
        self.must(f'repr({name})', repr, lst)
        key = self.rng.choice([n, -n - 1, 2**64, -2**70, 1.5, None, '', 'no-such-id',
                               '\0', '\ud800', slice(0, 1, 0), b'x', True])
        ok, _ = self.attempt(f'{name}[{short(key)}]', lst.__getitem__, key)
        self.attempt(f'{short(key)} in {name}', lst.__contains__, key)

    def op_change_while_iterating(self):
        """Change a list while iterating over it: the iteration either goes
        on or raises RuntimeError, as a dict does (EntityList documents it)."""
        owner = self.current if self.chance(0.6) else self.receiver(
            self.rng.choice([Study, Construct, Concept, ThirdOrder]))
        if owner is None or not self.entity_lists(owner):
            return
        name, lst = self.rng.choice(self.entity_lists(owner))
        iterator = iter(lst)
        seen = 0
        while True:
            self.note(f'next({name}) #{seen}')
            try:
                item = next(iterator)
            except StopIteration:
                break
            except RuntimeError as e:
                self.check('changed during iteration' in str(e), f'RuntimeError: {e}')
                break
            except Exception as e:
                why = undocumented(e)
                if why:
                    self.fail(f'next({name}) raised {type(e).__name__}: {why}', e)
                break
            seen += 1
            self.remember(item)
            if self.chance(0.3):
                if self.chance(0.6):
                    self.attempt(f'remove({item!r})', item.remove, cascade=self.chance(0.7))
                else:
                    self.op_add()

    # -- operations: adding -------------------------------------------------

    def op_add(self):
        p = self.project_for_op()
        kind = self.rng.choice(['member', 'checklist', 'study', 'concept', 'translation',
                                'third_order', 'argument_link', 'framework', 'socio', 'memo'])
        i = self.new_id()
        rng = self.rng
        if kind == 'member':
            call = ('add_member', p.add_member, (self.text(), self.text(nullable=True)), {'id': i})
        elif kind == 'checklist':
            call = ('add_checklist', p.add_checklist, (self.text(),), {'id': i})
        elif kind == 'study':
            kwargs = {}
            if self.chance(0.5):
                kwargs['title'] = self.text(nullable=True)
            if self.chance(0.4):
                kwargs['authors'] = rng.choice([['A, B.', 'C, D.'], [], 'a str', [self.text()],
                                                None, 5, (x for x in ['gen']), ['ok', None]])
            if self.chance(0.4):
                kwargs['year'] = rng.choice([None, 1, 2020, 9999, 0, 10000, -5, 2**70, '2020', 2.0])
            call = ('add_study', p.add_study, (i,), kwargs)
        elif kind == 'concept':
            kwargs = {'id': i}
            if self.chance(0.4):
                kwargs['definition'] = self.text(nullable=True)
            call = ('add_concept', p.add_concept, (self.text(),), kwargs)
        elif kind == 'translation':
            cls = rng.choice([Construct, Concept, None])
            call = ('add_translation', p.add_translation,
                    (self.enum_value(me.TranslationKind), self.ref(cls), self.ref(cls)), {'id': i})
        elif kind == 'third_order':
            kwargs = {'id': i}
            if self.chance(0.4):
                kwargs['statement'] = self.text(nullable=True)
            call = ('add_third_order', p.add_third_order, (self.text(),), kwargs)
        elif kind == 'argument_link':
            args = [self.ref(ThirdOrder), self.ref(ThirdOrder)]
            if self.chance(0.6):
                args.append(rng.choice([me.RELATION_LEADS_TO, me.RELATION_SHAPES,
                                        me.RELATION_IS_PART_OF, self.text()]))
            call = ('add_argument_link', p.add_argument_link, tuple(args), {'id': i})
        elif kind == 'framework':
            call = ('add_framework', p.add_framework, (self.text(),), {'id': i})
        elif kind == 'socio':
            call = ('add_socio_ecological_framework', p.add_socio_ecological_framework, (), {'id': i})
        else:
            kwargs = {'id': i}
            if self.chance(0.5):
                kwargs['subject'] = self.ref(nullable=True)
            if self.chance(0.5):
                kwargs['author'] = self.ref(Member, nullable=True)
            call = ('add_memo', p.add_memo, (self.text(),), kwargs)
        name, function, args, kwargs = call
        before = None
        if not p.closed and self.chance(0.3):
            before = self.must('to_bytes before', p.to_bytes)
        ok, e = self.attempt(f'{name}{short(args, 100)} {short(kwargs, 100)}', function, *args, **kwargs)
        if ok:
            self.check(isinstance(e, Entity) and e.exists, f'{name} returns a live entity')
            if isinstance(i, str):
                self.check(e.id == i, f'{name} keeps the id {i!r}')
            self.check(p.lookup(e.id) == e, f'lookup of the new {e.id!r}')
            self.remember(e)
        elif before is not None and not p.closed and isinstance(e, me.MetaethnoError):
            after = self.must('to_bytes after', p.to_bytes)
            self.check(strip_modified(after) == strip_modified(before),
                       f'{name} that failed with {type(e).__name__} left the project unchanged')

    # -- operations: entities --------------------------------------------------

    def set_prop(self, e, name, value, text=True):
        before = self.must(f'{e!r}.{name}', getattr, e, name) if e.exists else None
        ok, _ = self.attempt(f'{e!r}.{name} = {short(value)}', setattr, e, name, value)
        if e.exists:
            got = self.must(f'{e!r}.{name}', getattr, e, name)
            if ok and text and isinstance(value, str) and value:
                self.check(got == value, f'{name} reads back {short(value)} (got {short(got)})')
            if not ok:
                self.check(got == before, f'a refused {name} = {short(value)} leaves it unchanged')
        return ok

    def op_member(self):
        m = self.receiver(Member)
        if m is None:
            return
        self.set_prop(m, self.rng.choice(['name', 'role']), self.text(nullable=True))
        self.attempt('member', lambda: (m.name, m.role, repr(m)))

    def op_checklist(self):
        c = self.receiver(Checklist)
        if c is None:
            return
        questions = []
        ok, qs = self.attempt('questions', lambda: c.questions)
        if ok:
            questions = [q.key for q in qs]
        r = self.rng.random()
        if r < 0.35:
            answers = self.rng.choice([[], ['yes', 'no'], ['yes', 'yes'], ['a', ''], 'yes',
                                       None, [None], ['\0'], [5], ('x', 'y'), ['\ud800']])
            self.attempt('add_question', c.add_question, self.key(questions), self.text(), answers)
        elif r < 0.55:
            ok, _ = self.attempt('remove_question', c.remove_question, self.key(questions),
                                 cascade=self.chance(0.5))
        elif r < 0.7:
            self.attempt('question_index', c.question_index, self.key(questions))
        elif r < 0.85:
            self.set_prop(c, 'name', self.text())
        else:
            study = self.receiver(Study)
            if study is not None:
                answer = self.rng.choice(['yes', 'no', "can't tell", None, 'maybe', '', '\0', 3])
                self.attempt('set_appraisal', study.set_appraisal, self.ref(Checklist),
                             self.key(questions), answer, self.text(nullable=True))

    STUDY_FIELDS = ['title', 'source', 'volume', 'issue', 'pages', 'doi', 'url', 'country',
                    'setting', 'participants', 'condition', 'data_collection', 'analysis', 'notes']

    def op_study(self):
        s = self.receiver(Study)
        if s is None:
            return
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            self.set_prop(s, rng.choice(self.STUDY_FIELDS), self.text(nullable=True))
        elif r < 0.35:
            field = self.enum_value(me.StudyField)
            self.attempt(f'set_field({short(field)})', s.set_field, field, self.text(nullable=True))
            self.attempt(f'get_field({short(field)})', s.get_field, field)
        elif r < 0.45:
            value = rng.choice([['A, B.'], [], ['x', 'y', 'z'], 'str', None, [''], ['\0'],
                                [self.text()], (a for a in ['g']), 5, ['\ud800']])
            self.set_prop(s, 'authors', value, text=False)
        elif r < 0.6:
            name = rng.choice(['year', 'sample_size', 'translation_position', 'index_study'])
            if name == 'year':
                value = rng.choice([None, 1, 1999, 9999, 0, 10000, -1, 2**64, 1.5, '1999', True])
            elif name == 'index_study':
                value = rng.choice([True, False, 0, 1, None, 'yes'])
            else:
                value = self.uint_value()
            self.set_prop(s, name, value, text=False)
            self.attempt(name, getattr, s, name)
        elif r < 0.75:
            keys = []
            ok, attrs = self.attempt('attributes', lambda: s.attributes)
            if ok:
                keys = list(attrs)
            self.attempt('set_attribute', s.set_attribute, self.key(keys), self.text(nullable=True))
            self.attempt('get_attribute', s.get_attribute, self.key(keys))
        elif r < 0.9:
            checklist = self.ref(Checklist)
            self.attempt('get_appraisal', s.get_appraisal, checklist,
                         self.key(['q1', 'q2', 'q3', 'q4']))
            self.attempt('appraisals', lambda: s.appraisals)
        else:
            self.attempt('fields', lambda: s.fields)

    def op_add_construct(self):
        s = self.receiver(Study)
        if s is None:
            return
        rng = self.rng
        r = rng.random()
        i = self.new_id()
        if r < 0.3:
            ok, c = self.attempt('add_construct', s.add_construct,
                                 self.enum_value(me.ConstructOrder), self.text(), id=i)
        elif r < 0.6:
            kwargs = {'id': i}
            if self.chance(0.5):
                kwargs['speaker'] = self.text(nullable=True)
            if self.chance(0.3):
                kwargs['page'] = self.text(nullable=True)
            ok, c = self.attempt(f'add_quote {short(kwargs)}', s.add_quote, self.text(), **kwargs)
        else:
            kwargs = {'id': i}
            if self.chance(0.4):
                kwargs['label'] = self.text(nullable=True)
            if self.chance(0.6):
                kwargs['grounded_in'] = rng.choice([
                    [self.ref(Construct) for _ in range(rng.randint(0, 3))], 'str', None, 5])
            ok, c = self.attempt(f'add_interpretation {short(kwargs)}', s.add_interpretation,
                                 self.text(), **kwargs)
        if ok:
            self.check(c.exists and c.study == s, 'a new construct is in its study')
            self.remember(c)

    def op_construct(self):
        c = self.receiver(Construct)
        if c is None:
            return
        r = self.rng.random()
        if r < 0.5:
            self.set_prop(c, self.rng.choice(['text', 'label', 'page', 'section', 'speaker']),
                          self.text(nullable=True))
        elif r < 0.75:
            quote = self.ref(Construct)
            if self.chance(0.5) and c.exists:
                # Mostly a quote of the same study, which can succeed.
                quotes = [q for q in c.study.constructs if q.order == me.ConstructOrder.FIRST_ORDER]
                quote = self.rng.choice(quotes) if quotes else quote
            ok, _ = self.attempt(f'add_grounding({short(quote)})', c.add_grounding, quote)
            if ok:
                self.check(self.must('groundings', lambda: list(c.groundings)) != [],
                           'a grounding was added')
        else:
            quote = self.ref(Construct)
            ok, removed = self.attempt(f'remove_grounding({short(quote)})', c.remove_grounding, quote)
            if ok:
                self.check(isinstance(removed, bool), 'remove_grounding returns a bool')

    def op_concept(self):
        c = self.receiver(Concept)
        if c is None:
            return
        r = self.rng.random()
        if r < 0.4:
            self.set_prop(c, self.rng.choice(['label', 'definition']), self.text(nullable=True))
        elif r < 0.75:
            construct = self.ref(Construct)
            ok, _ = self.attempt(f'add_expression({short(construct)})', c.add_expression, construct)
            if ok and isinstance(construct, Construct):
                self.check(construct in c.expressions, 'the construct expresses the concept')
        else:
            construct = self.ref(Construct)
            self.attempt(f'remove_expression({short(construct)})', c.remove_expression, construct)

    def op_translation(self):
        t = self.receiver(Translation)
        if t is None:
            return
        rng = self.rng
        name = rng.choice(['kind', 'source_study', 'target_study', 'rationale', 'reviewer',
                           'created'])
        if name == 'kind':
            value = self.enum_value(me.TranslationKind)
        elif name in ('source_study', 'target_study'):
            value = self.ref(Study, nullable=True)
        elif name == 'reviewer':
            value = self.ref(Member, nullable=True)
        elif name == 'created':
            value = self.time_value()
        else:
            value = self.text(nullable=True)
        self.attempt(f'{t!r}.{name} = {short(value)}', setattr, t, name, value)
        for name in ('kind', 'source', 'target', 'source_study', 'target_study', 'reviewer',
                     'created', 'rationale'):
            ok, value = self.attempt(f'translation.{name}', getattr, t, name)
            if ok and isinstance(value, Entity):
                self.remember(value)

    def op_third_order(self):
        t = self.receiver(ThirdOrder)
        if t is None:
            return
        r = self.rng.random()
        if r < 0.25:
            self.set_prop(t, self.rng.choice(['label', 'statement']), self.text(nullable=True))
        elif r < 0.45:
            basis = self.ref(self.rng.choice([Concept, Construct, None]))
            self.attempt(f'add_basis({short(basis)})', t.add_basis, basis)
        elif r < 0.55:
            basis = self.ref(self.rng.choice([Concept, Construct, None]))
            self.attempt(f'remove_basis({short(basis)})', t.remove_basis, basis)
        elif r < 0.75:
            args = [self.enum_value(me.CerqualComponent), self.enum_value(me.Concern)]
            if self.chance(0.6):
                args.append(self.text(nullable=True))
            self.attempt(f'set_concern{short(args)}', t.set_concern, *args)
            self.attempt('get_concern', t.get_concern, self.enum_value(me.CerqualComponent))
        elif r < 0.9:
            args = [self.enum_value(me.Confidence)]
            if self.chance(0.6):
                args.append(self.text(nullable=True))
            self.attempt(f'set_confidence{short(args)}', t.set_confidence, *args)
        else:
            self.attempt('concerns', lambda: t.concerns)
            self.attempt('confidence', lambda: (t.confidence, t.confidence_explanation))

    def op_argument_link(self):
        a = self.receiver(ArgumentLink)
        if a is None:
            return
        self.set_prop(a, self.rng.choice(['relation', 'rationale']), self.text(nullable=True))
        for name in ('source', 'target', 'relation', 'rationale'):
            self.attempt(f'link.{name}', getattr, a, name)

    def op_framework(self):
        f = self.receiver(Framework)
        if f is None:
            return
        keys = []
        ok, levels = self.attempt('levels', lambda: f.levels)
        if ok:
            keys = [level.key for level in levels]
        r = self.rng.random()
        if r < 0.15:
            self.attempt('add_level', f.add_level, self.key(keys),
                         *([self.text(nullable=True)] if self.chance(0.6) else []))
        elif r < 0.25:
            self.attempt('remove_level', f.remove_level, self.key(keys), cascade=self.chance(0.5))
        elif r < 0.35:
            self.attempt('set_level_label', f.set_level_label, self.key(keys),
                         self.text(nullable=True))
        elif r < 0.45:
            self.attempt('level_index', f.level_index, self.key(keys))
        elif r < 0.65:
            entity = self.ref(self.rng.choice([Construct, ThirdOrder, None]))
            level = self.key(keys)
            ok, _ = self.attempt(f'classify({short(entity)}, {short(level)})', f.classify,
                                 entity, level)
            if ok:
                self.check(level in self.must('levels_of', f.levels_of, entity),
                           'a classified entity is on its level')
        elif r < 0.75:
            self.attempt('unclassify', f.unclassify, self.ref(), self.key(keys))
        elif r < 0.85:
            ok, classifications = self.attempt('classifications', lambda: f.classifications)
            if ok:
                self.remember(*(c.entity for c in classifications))
            self.attempt('levels_of', f.levels_of, self.ref())
        else:
            self.set_prop(f, self.rng.choice(['name', 'description']), self.text(nullable=True))

    def op_memo(self):
        m = self.receiver(Memo)
        if m is None:
            return
        name = self.rng.choice(['author', 'created', 'text'])
        value = {'author': lambda: self.ref(Member, nullable=True),
                 'created': self.time_value,
                 'text': lambda: self.text()}[name]()
        self.attempt(f'memo.{name} = {short(value)}', setattr, m, name, value)
        for name in ('subject', 'author', 'created', 'text'):
            self.attempt(f'memo.{name}', getattr, m, name)
        e = self.entity()
        if e is not None:
            self.attempt(f'{e!r}.memos', lambda: e.memos)

    READERS = {
        Entity: ['id', 'entity_kind', 'project', 'exists', 'memos'],
        Member: ['name', 'role'],
        Checklist: ['name', 'questions'],
        Study: STUDY_FIELDS + ['fields', 'authors', 'year', 'sample_size', 'index_study',
                               'translation_position', 'attributes', 'appraisals', 'constructs'],
        Construct: ['order', 'study', 'text', 'label', 'page', 'section', 'speaker', 'groundings'],
        Concept: ['label', 'definition', 'expressions'],
        Translation: ['kind', 'source', 'target', 'source_study', 'target_study', 'rationale',
                      'reviewer', 'created'],
        ThirdOrder: ['label', 'statement', 'basis', 'concerns', 'confidence',
                     'confidence_explanation'],
        ArgumentLink: ['source', 'target', 'relation', 'rationale'],
        Framework: ['name', 'description', 'levels', 'classifications'],
        Memo: ['subject', 'author', 'created', 'text'],
    }

    def read_all(self, e):
        """Read every property of a live entity; nothing may fail."""
        out = {}
        for name in self.READERS[Entity] + self.READERS[type(e)]:
            value = self.must(f'{e.id!r}.{name}', getattr, e, name)
            if hasattr(value, '__len__') and not isinstance(value, (str, dict)):
                value = self.must(f'list({name})', list, value)
            out[name] = value
        self.must('repr', repr, e)
        self.must('dependents', e.dependents)
        if isinstance(e, Study):
            for c in out['constructs']:
                self.check(c.study == e, 'a study\'s constructs name it as their study')
        return out

    def op_read_entity(self):
        e = self.entity(p_live=0.7)
        if e is None:
            return
        if e.exists:
            values = self.read_all(e)
            for value in values.values():
                if isinstance(value, Entity):
                    self.remember(value)
            self.check(e == e.project.lookup(e.id), 'lookup(e.id) == e')
        else:
            self.op_use_dead(e)

    # -- operations: the session ------------------------------------------------

    def session_record(self):
        """A session record: mostly the live one of the current project."""
        p = self.current
        if self.chance(0.8):
            s = self.must('project.session', lambda: p.session)
            if s is not None:
                return [s, p, False]
        return self.rng.choice(self.sessions) if self.sessions else None

    def op_session_start(self):
        p = self.project_for_op()
        args = [self.enum_value(me.StudyOrder)] if self.chance(0.8) else []
        had = None if p.closed else p.session
        ok, s = self.attempt(f'start_session{short(args)}', p.start_session, *args)
        if ok:
            self.check(had is None, 'a session starts only when none is under way')
            self.check(len(s) == 0 and s.project is p, 'a new session has no decisions')
            self.check(p.session is not None, 'project.session after start')
            self.sessions.append([s, p, False])

    def op_session_act(self):
        record = self.session_record()
        if record is None:
            return
        s = record[0]
        rng = self.rng
        expected = self.expected_error(record)
        before = self.must('len(session)', len, s) if expected is None else None
        action = rng.choice(['translate', 'translate', 'refute', 'found', 'found', 'aside',
                             'aside', 'undo', 'order', 'read', 'created', 'decisions'])
        reviewer = self.ref(Member, nullable=True) if self.chance(0.3) else None
        rationale = self.text(nullable=True) if self.chance(0.3) else None
        if action in ('translate', 'refute'):
            concepts = self.live(Concept, record[1]) if self.chance(0.7) else []
            concept = self.rng.choice(concepts) if concepts else self.ref(Concept)
            ok, t = self.attempt(f'session.{action}({short(concept)})',
                                 getattr(s, action), concept, rationale, reviewer)
            if ok:
                self.remember(t)
        elif action == 'found':
            ok, c = self.attempt('session.found_concept', s.found_concept, self.text(),
                                 rationale, reviewer, id=self.new_id())
            if ok:
                self.remember(c)
        elif action == 'aside':
            ok, _ = self.attempt('session.set_aside', s.set_aside, rationale, reviewer)
        elif action == 'undo':
            ok, _ = self.attempt('session.undo', s.undo)
            if ok:
                self.check(len(s) == before - 1, 'undo takes one decision away')
            return
        elif action == 'order':
            value = self.enum_value(me.StudyOrder)
            self.attempt(f'session.order = {short(value)}', setattr, s, 'order', value)
            return
        elif action == 'created':
            index = rng.choice([0, -1, 1, 10**30, 'x', None, 2])
            self.attempt(f'set_decision_created({short(index)})', s.set_decision_created,
                         index, self.time_value())
            return
        elif action == 'decisions':
            ok, decisions = self.attempt('session.decisions', lambda: s.decisions)
            if ok:
                self.check(len(decisions) == len(s), 'len(session) counts its decisions')
                for d in decisions:
                    self.remember(*(x for x in d if isinstance(x, Entity)))
            return
        else:
            for name in ('order', 'current_construct', 'current_study', 'complete', 'remaining',
                         'project'):
                ok, value = self.attempt(f'session.{name}', getattr, s, name)
                if ok and isinstance(value, Entity):
                    self.remember(value)
            self.attempt('repr(session)', repr, s)
            return
        if ok and before is not None:
            self.check(len(s) == before + 1, f'{action} adds one decision')

    def op_session_storm(self):
        """A burst of session decisions, removals of what they made or rest
        on, undos and round trips: the session must stay consistent."""
        p = self.current
        if p.session is None or self.chance(0.2):
            self.must('discard_session', p.discard_session)
            for record in self.sessions:
                if record[1] is p:
                    record[2] = True
            s = self.must('start_session', p.start_session, self.rng.choice(list(me.StudyOrder)))
            self.sessions.append([s, p, False])
        s = p.session
        for _ in range(self.rng.randint(3, 15)):
            r = self.rng.random()
            n = len(s)
            if r < 0.55 and not s.complete:
                current = s.current_construct
                self.check(current is not None and current.exists, 'an incomplete session has a construct')
                concepts = self.live(Concept, p)
                how = self.rng.choice(['translate', 'refute', 'found', 'aside'])
                if how in ('translate', 'refute') and concepts:
                    ok, made = self.attempt(how, getattr(s, how), self.rng.choice(concepts), 'why')
                elif how == 'aside':
                    ok, made = self.attempt('set_aside', s.set_aside)
                else:
                    ok, made = self.attempt('found_concept', s.found_concept, self.valid_text())
                if ok:
                    self.check(len(s) == n + 1, 'a decision is recorded')
                    self.remember(*([made] if made is not None else []))
            elif r < 0.75:
                victim = self.rng.choice(self.live(self.rng.choice([Concept, Construct, Translation,
                                                                   Study]), p) or [None])
                if victim is not None:
                    self.attempt(f'remove({victim!r})', victim.remove, cascade=self.chance(0.8))
            elif r < 0.9:
                ok, _ = self.attempt('undo', s.undo)
                if ok:
                    self.check(len(s) == n - 1, 'undo drops a decision')
            else:
                self.attempt('order', setattr, s, 'order', self.rng.choice(list(me.StudyOrder)))
            decisions = self.must('decisions', lambda: s.decisions)
            self.check(len(decisions) == len(s), 'decisions match len(session)')
            for d in decisions:
                self.check(d.construct is not None and d.construct.exists,
                           'a decision\'s construct exists')
                for e in (d.concept, d.translation, d.reviewer):
                    self.check(e is None or e.exists, 'what a decision names exists')
            self.must('remaining', lambda: (s.remaining, s.complete, s.current_study))
        if self.chance(0.3):
            self.roundtrip(p)

    def op_session_discard(self):
        p = self.project_for_op()
        ok, _ = self.attempt('discard_session', p.discard_session)
        if ok:
            self.check(p.session is None, 'no session after discard')
            for record in self.sessions:
                if record[1] is p:
                    record[2] = True

    # -- operations: analyses ---------------------------------------------------

    def compute(self, p, valid):
        """A random analysis of *p*; arguments valid or random."""
        rng = self.rng
        which = rng.choice(['grid', 'relatedness', 'translation_table', 'check',
                            'line_of_argument', 'suggestions'])
        args = []
        if which in ('grid', 'relatedness', 'translation_table') and rng.random() < 0.7:
            args.append(rng.choice(list(me.StudyOrder)) if valid else self.enum_value(me.StudyOrder))
        if which == 'relatedness' and rng.random() < 0.6:
            args.append(rng.random() if valid else self.threshold_value())
        if which in ('check', 'line_of_argument') and rng.random() < 0.6:
            args.append(rng.randint(0, 5) if valid else self.uint_value(nullable=False))
        if which == 'suggestions' and rng.random() < 0.6:
            args.append(rng.random() if valid else self.threshold_value())
        return f'{which}{short(args)}', getattr(p, which), args

    def op_compute(self):
        p = self.project_for_op()
        what, function, args = self.compute(p, valid=self.chance(0.3))
        ok, result = self.attempt(what, function, *args)
        if ok:
            self.remember(result)

    def read_result(self, record):
        """Read everything of a usable result; nothing may fail."""
        r = record[0]
        out = []
        if isinstance(r, (me.Grid, me.TranslationTable)):
            concepts = self.must('concepts', lambda: r.concepts)
            studies = self.must('studies', lambda: r.studies)
            out += concepts + studies
            self.must('order', lambda: r.order)
            for row in range(len(concepts)):
                for column in range(len(studies)):
                    out += self.must('cell', r.cell, row, column) if isinstance(r, me.Grid) else []
                    if isinstance(r, me.TranslationTable):
                        self.must('cell', r.cell, concepts[row], studies[column].id)
                if isinstance(r, me.Grid):
                    self.must('study_count', r.study_count, row)
                else:
                    self.must('first_study', r.first_study, row)
            if isinstance(r, me.TranslationTable):
                for column in range(len(studies)):
                    self.must('new_concepts', r.new_concepts, column)
                self.must('saturation_study', lambda: r.saturation_study)
                self.must('saturation_records', r.saturation_records)
        elif isinstance(r, me.Relatedness):
            studies = self.must('studies', lambda: r.studies)
            out += studies
            self.must('threshold', lambda: (r.threshold, r.order, r.clusters))
            for a in range(len(studies)):
                self.must('n_concepts', r.n_concepts, a)
                self.must('cluster_of', r.cluster_of, studies[a])
                for b in range(len(studies)):
                    self.must('shared', r.shared, a, b)
                    jaccard = self.must('jaccard', r.jaccard, a, studies[b].id)
                    self.check(0.0 <= jaccard <= 1.0, 'Jaccard lies between 0 and 1')
        elif isinstance(r, me.CheckReport):
            issues = self.must('issues', list, r)
            self.check(len(issues) == len(r), 'len(report) matches iteration')
            self.must('has_errors', lambda: r.has_errors)
            for severity in me.Severity:
                self.must('count', r.count, severity)
            out += [i.subject for i in issues if i.subject is not None]
            self.remember(*issues[:3])
        elif isinstance(r, me.LineOfArgument):
            findings = self.must('findings', lambda: r.findings)
            self.check(len(findings) == len(r), 'len(line of argument) matches findings')
            self.must('coverage', lambda: (r.n_cycles, r.cycles, r.unused_concepts,
                                           r.study_coverage, r.concept_coverage))
            for f in findings:
                self.must('finding', lambda: (f.position, f.support, f.flagged, f.cycle, repr(f)))
                out.append(self.must('third_order', lambda: f.third_order))
                for name in ('studies', 'concepts', 'constructs', 'quotes', 'refutations'):
                    out += self.must(name, getattr, f, name)
            for framework in self.must('frameworks', list, r.project.frameworks):
                self.must('framework_matrix', r.framework_matrix, framework)
            self.parts += [(f, record) for f in findings[:3]]
        elif isinstance(r, me.Suggestions):
            suggestions = self.must('suggestions', list, r)
            for s in suggestions:
                out += self.must('concepts', lambda: s.concepts)
                self.must('suggestion', lambda: (s.affinity, s.n_studies, s.n_translations, repr(s)))
            self.parts += [(s, record) for s in suggestions[:3]]
        records = self.must('to_records', r.to_records)
        self.check(isinstance(records, list) and all(isinstance(x, dict) for x in records),
                   'to_records() is a list of dicts')
        if TRY_DATAFRAMES:
            self.attempt('to_dataframe', r.to_dataframe, import_ok=True)
        for fmt in FORMATS:
            ok, report = self.attempt(f'render({fmt.text})', r.render, fmt)
            if not ok:
                self.check(isinstance(report, me.InvalidValueError),
                           f'render({fmt.text}) fails only for a format it does not offer')
                continue
            self.check(isinstance(report, str), 'a report is a str')
            if fmt == me.ReportFormat.JSON:
                self.must('json.loads(report)', json.loads, report)
            elif fmt == me.ReportFormat.CSV:
                self.must('csv.reader(report)', list, csv.reader(io.StringIO(report)))
        if isinstance(r, me.TranslationTable):
            for fmt in FORMATS:
                ok, report = self.attempt(f'render_saturation({fmt.text})', r.render_saturation, fmt)
                if not ok:
                    self.check(isinstance(report, me.InvalidValueError),
                               'render_saturation fails only for a format it does not offer')
        return [e for e in out if isinstance(e, Entity)]

    def op_analyses_valid(self):
        """Every analysis computes and reads without error on any state."""
        p = self.current
        for which in ('grid', 'relatedness', 'translation_table', 'check', 'line_of_argument',
                      'suggestions'):
            record = [self.must(which, getattr(p, which)), False]
            self.remember(*self.read_result(record))
            self.results.append(record)
        self.must('study_order', p.study_order, self.rng.choice(list(me.StudyOrder)))
        self.must('suggest_index_study', p.suggest_index_study)

    def expected_error(self, obj):
        """The exception using *obj* must raise, or None when it is usable."""
        if isinstance(obj, Entity):
            if obj.project.closed:
                return me.ClosedError
            return None if obj.exists else me.RemovedError
        if isinstance(obj, list):     # a result or session record
            thing = obj[0]
            if isinstance(thing, Session):
                return me.ClosedError if obj[1].closed or obj[2] else None
            if obj[1] or thing.project.closed:
                return me.ClosedError
            return me.StaleResultError if thing.stale else None
        raise AssertionError(obj)

    def op_use_result(self):
        if not self.results:
            return
        record = self.rng.choice(self.results)
        r = record[0]
        expected = self.expected_error(record)
        if expected is not None:
            touch = self.rng.choice([
                lambda: r.render(), lambda: r.to_records(), lambda: r.render('json'),
                lambda: len(r) if hasattr(r, '__len__') else r.studies,
                lambda: r.__enter__()])
            self.expect(f'use of a {type(r).__name__} ({expected.__name__})', expected, touch)
            self.attempt('stale', lambda: r.stale)
            self.attempt('project', lambda: r.project)
            return
        if self.chance(0.3):
            self.remember(*self.read_result(record))
            return
        rng = self.rng
        fmt = rng.choice(FORMATS + FORMAT_NAMES)
        self.attempt(f'render({short(fmt)})', r.render, fmt)
        keys = [0, -1, 1, 10**20, -10**20, 'no-such-id', None, 1.5, '\0', self.ref(), True]
        a, b = rng.choice(keys), rng.choice(keys)
        if isinstance(r, me.Grid):
            self.attempt(f'cell({short(a)}, {short(b)})', r.cell, a, b)
            self.attempt('study_count', r.study_count, a)
        elif isinstance(r, me.TranslationTable):
            self.attempt(f'cell({short(a)}, {short(b)})', r.cell, a, b)
            self.attempt('first_study', r.first_study, a)
            self.attempt('new_concepts', r.new_concepts, b)
            self.attempt('render_saturation', r.render_saturation, rng.choice(FORMATS + FORMAT_NAMES))
            if TRY_DATAFRAMES:
                self.attempt('saturation_dataframe', r.saturation_dataframe, import_ok=True)
        elif isinstance(r, me.Relatedness):
            self.attempt('shared', r.shared, a, b)
            self.attempt('jaccard', r.jaccard, a, b)
            self.attempt('n_concepts', r.n_concepts, a)
            self.attempt('cluster_of', r.cluster_of, b)
        elif isinstance(r, me.CheckReport):
            self.attempt(f'report[{short(a)}]', r.__getitem__, a)
            self.attempt('count', r.count, self.enum_value(me.Severity))
        elif isinstance(r, me.LineOfArgument):
            self.attempt(f'loa[{short(a)}]', r.__getitem__, a)
            self.attempt('framework_matrix', r.framework_matrix, self.ref(Framework))
        elif isinstance(r, me.Suggestions):
            self.attempt(f'suggestions[{short(a)}]', r.__getitem__, a)

    def op_close_result(self):
        if not self.results:
            return
        record = self.rng.choice(self.results)
        r = record[0]
        if self.chance(0.5):
            self.must('result.close()', r.close)
            self.must('result.close() again', r.close)
            record[1] = True
            self.expect('render() of a closed result', me.ClosedError, r.render)
        else:
            expected = self.expected_error(record)
            if expected is not None:
                self.expect('with result', expected, r.__enter__)
                return
            with r as entered:
                self.check(entered is r, '__enter__ returns the result')
                self.must('render() inside with', r.render)
            record[1] = True
            self.expect('render() after with', me.ClosedError, r.render)

    def op_use_part(self):
        if not self.parts:
            return
        part, record = self.rng.choice(self.parts)
        if isinstance(part, me.Issue):
            self.must('issue fields', lambda: (part.severity.text, part.code, part.message))
            if part.subject is not None:
                self.op_use_dead(part.subject)
            return
        expected = self.expected_error(record)
        if isinstance(part, me.Finding):
            touch = self.rng.choice([lambda: part.third_order, lambda: part.studies,
                                     lambda: part.support, lambda: part.quotes,
                                     lambda: part.levels(self.ref(Framework))])
        else:
            label = self.text()
            touch = self.rng.choice([lambda: part.concepts, lambda: part.affinity,
                                     lambda: part.accept(label, id=self.new_id())])
        self.must('repr(part)', repr, part)
        if expected is not None:
            self.expect(f'use of a {type(part).__name__}', expected, touch)
        else:
            ok, value = self.attempt(f'use of a {type(part).__name__}', touch)
            if ok and isinstance(value, Entity):
                self.check(value.exists, 'an accepted suggestion is in the project')
                self.remember(value)

    # -- operations: files -------------------------------------------------------

    def roundtrip(self, p):
        data = self.must('to_bytes', p.to_bytes)
        copy = self.must('from_bytes', Project.from_bytes, data,
                         self.rng.choice([None, 'round trip', 'é']))
        self.check(self.must('equals', copy.equals, p), 'a reloaded project equals the original')
        self.check(self.must('equals', p.equals, copy), 'equals() is symmetric')
        again = self.must('to_bytes of the copy', copy.to_bytes)
        if again != data:
            self.fail('a reloaded project is written to different bytes:\n'
                      + first_difference(data, again))
        return copy

    def op_roundtrip(self):
        copy = self.roundtrip(self.current)
        r = self.rng.random()
        if r < 0.3:
            # Carry on with the copy; the original is closed or dropped.
            self.harvest(copy)
            if self.chance(0.5):
                self.must('close', self.current.close)
            self.set_current(copy)
        elif r < 0.6:
            self.must('close copy', copy.close)
            self.expect('to_bytes of a closed copy', me.ClosedError, copy.to_bytes)
        elif r < 0.8:
            self.projects.append(copy)
            self.harvest(copy)
        # else: left to the garbage collector

    def op_save_load(self):
        p = self.current
        self.counter += 1
        path = os.path.join(self.tmpdir, f'p{self.counter}.xml')
        target = self.rng.choice([path, pathlib.Path(path), os.fsencode(path)])
        self.must(f'save({short(target)})', p.save, target, fsync=self.chance(0.05))
        loaded = self.must('load', me.load, target)
        self.check(loaded.equals(p), 'a saved and loaded project equals the original')
        with open(path, 'rb') as f:
            self.check(f.read() == p.to_bytes(), 'save() writes what to_bytes() returns')
        self.check_same_analyses(p, loaded)
        if self.chance(0.3):
            self.harvest(loaded)
            self.projects.append(loaded)
        else:
            loaded.close()
        bad = self.rng.choice([
            os.path.join(self.tmpdir, 'no', 'such', 'dir', 'x.xml'), self.tmpdir, '', 'a\0b',
            b'a\0b', '\ud800', 5, None, ['x'], os.path.join(self.tmpdir, 'missing.xml'),
            os.path.join(self.tmpdir, 'x' * 300)])
        self.attempt(f'save({short(bad)})', p.save, bad, path_ok=True)
        self.attempt(f'load({short(bad)})', me.load, bad, path_ok=True)
        self.attempt('load(a closed-project path)', Project.load, path)
        ok, other = self.attempt('load(the schema)', Project.from_bytes, me.schema())
        if ok:
            other.close()

    def check_same_analyses(self, p, loaded):
        """The analyses of *p* report what those of its reloaded copy do.

        The library keeps copies of study and construct indexes for the
        analyses, refreshed when removals move them, and a list of the
        refutations; the reloaded copy builds them afresh, so any copy left
        stale after the operations so far shows here.
        """
        order = self.rng.choice(list(me.StudyOrder))
        fmt = self.rng.choice(['text', 'json'])
        for which, args in (('grid', (order,)), ('relatedness', (order,)),
                            ('translation_table', (order,)), ('check', ()),
                            ('line_of_argument', ()), ('suggestions', ())):
            mine = self.must(which, getattr(p, which), *args).render(fmt)
            theirs = self.must(which, getattr(loaded, which), *args).render(fmt)
            self.check(mine == theirs, f'{which}({order.text}) renders as the reloaded copy\'s')
        table = self.must('translation_table', p.translation_table, order)
        self.check(table.render_saturation(fmt) ==
                   loaded.translation_table(order).render_saturation(fmt),
                   'saturation renders as the reloaded copy\'s')
        ids = [getattr(q.suggest_index_study(), 'id', None) for q in (p, loaded)]
        self.check(ids[0] == ids[1], 'the suggested index study is the reloaded copy\'s')

    def op_corrupt_bytes(self):
        data = bytearray(self.must('to_bytes', self.current.to_bytes))
        rng = self.rng
        for _ in range(rng.randint(1, 4)):
            how = rng.random()
            if not data:
                break
            i = rng.randrange(len(data))
            if how < 0.25:
                del data[i:]
            elif how < 0.5:
                data[i] = rng.randrange(256)
            elif how < 0.65:
                data[i:i] = rng.choice([b'<!DOCTYPE x [<!ENTITY e "x">]>', b'&e;', b'\0', b'\xff',
                                        b'<x>', b'</study>', b'id="dup"', b'<![CDATA[', b'\xc3'])
            elif how < 0.8:
                j = data.find(b'id="', rng.randrange(len(data)))
                if j >= 0:
                    data[j + 4:j + 4] = rng.choice([b'x', b'-', b'', b'1 2'])
            else:
                j = data.find(b'ref="', rng.randrange(len(data)))
                if j >= 0:
                    data[j + 5:j + 5] = b'zz'
        kind = rng.choice([bytes, bytearray, memoryview, 'str', 'junk'])
        if kind == 'str':
            payload = data.decode('utf-8', 'surrogateescape')
        elif kind == 'junk':
            payload = rng.choice([
                None, 5, ['x'], b'', '', '<project/>', '\ud800', b'\xef\xbb\xbf', b'<' * 5000,
                b'<project xmlns="urn:metaethno:project:1" version="1.0">' + b'<a>' * 20000,
                b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><p>&b;</p>',
                b'<project xmlns="urn:metaethno:project:1" version="9.0"/>',
                b'<project xmlns="urn:metaethno:project:1" version="1.0"><title>'
                + b'x' * 200000 + b'</title></project>'])
        else:
            payload = kind(data)
        ok, p = self.attempt('from_bytes(corrupted)', Project.from_bytes, payload,
                             rng.choice([None, 'corrupt.xml', '\0', 5, '\ud800']))
        if ok:
            copy = self.roundtrip(p)
            copy.close()
            if self.chance(0.5):
                self.harvest(p)
                self.projects.append(p)
            else:
                p.close()
        elif isinstance(p, me.FormatError):
            self.check(isinstance(p.line, int) and isinstance(p.column, int), 'error position')

    def op_close_project(self):
        p = self.project_for_op()
        self.must('close', p.close)
        self.check(p.closed, 'closed after close()')
        self.must('close again', p.close)
        self.expect('to_bytes after close', me.ClosedError, p.to_bytes)
        self.expect('title after close', me.ClosedError, lambda: p.title)
        self.expect('with a closed project', me.ClosedError, p.__enter__)
        self.expect('grid of a closed project', me.ClosedError, p.grid)
        self.expect('session of a closed project', me.ClosedError, lambda: p.session)
        self.must('repr of a closed project', repr, p)
        # The current project is replaced by the run loop.

    def op_drop_project(self):
        """Forget a project while handles, results and sessions still hold it."""
        victim = self.current
        self.projects = [p for p in self.projects if p is not victim]
        self.set_current(self.build() if self.chance(0.5) else self.roundtrip(victim))
        if self.chance(0.5):
            self.harvest(self.current)
        if self.chance(0.3):
            # A reference cycle through the project, its results and handles:
            # the collector then frees them together, in any order.
            victim.cycle = [victim, self.must('grid', victim.grid),
                            self.must('line_of_argument', victim.line_of_argument)]
            victim.cycle[1].cycle = victim.cycle
            victim.cycle += self.live(project=victim)[:5]
        del victim
        gc.collect()

    def op_drop_pools(self):
        for pool in (self.handles, self.results, self.parts, self.sessions):
            keep = self.rng.random()
            pool[:] = [x for x in pool if self.rng.random() < keep]
        if self.chance(0.3):
            self.projects = [self.current]
        gc.collect()

    def op_with_project(self):
        data = self.must('to_bytes', self.current.to_bytes)
        with self.must('from_bytes', Project.from_bytes, data) as q:
            study = q.studies[0] if len(q.studies) else None
            grid = q.grid()
            self.results.append([grid, False])
            if study is not None:
                self.remember(study)
                self.attempt('title = ...', setattr, study, 'title', self.text())
        self.check(q.closed, 'with closes the project')
        if study is not None:
            self.expect('handle after with', me.ClosedError, lambda: study.title)
            self.expect('handle.remove() after with', me.ClosedError, study.remove)
        self.expect('grid after with', me.ClosedError, grid.render)
        self.projects.append(q)

    # -- operations: dead objects and the rest --------------------------------------

    TOUCH = {
        Member: lambda e: e.name, Checklist: lambda e: e.questions, Study: lambda e: e.title,
        Construct: lambda e: e.text, Concept: lambda e: e.label, Translation: lambda e: e.kind,
        ThirdOrder: lambda e: e.label, ArgumentLink: lambda e: e.relation,
        Framework: lambda e: e.levels, Memo: lambda e: e.text,
    }
    SET = {
        Member: 'name', Checklist: 'name', Study: 'title', Construct: 'text', Concept: 'label',
        ThirdOrder: 'label', ArgumentLink: 'relation', Framework: 'name', Memo: 'text',
    }

    def op_use_dead(self, e=None):
        """Use a handle (mostly a dead one): it raises exactly what its state says."""
        if e is None:
            dead = [h for h in self.handles if not h.exists]
            if dead and self.chance(0.8):
                e = self.rng.choice(dead)
            else:
                e = self.any_handle()
            if e is None:
                return
        expected = self.expected_error(e)
        self.must('repr', repr, e)
        self.must('id, kind, project', lambda: (e.id, e.entity_kind, e.project, hash(e), e == e))
        self.expect(f'read {e.id!r} ({expected and expected.__name__})', expected,
                    self.TOUCH[type(e)], e)
        if expected is not None:
            if type(e) in self.SET:
                self.expect(f'set {e.id!r}', expected, setattr, e, self.SET[type(e)], 'x')
            self.expect(f'{e.id!r}.dependents()', expected, e.dependents)
            self.expect(f'{e.id!r}.memos', expected, lambda: e.memos)
            self.expect(f'{e.id!r}.remove()', expected, e.remove, cascade=self.chance(0.5))
        if self.sessions and self.chance(0.3):
            record = self.rng.choice(self.sessions)
            expected = self.expected_error(record)
            s = record[0]
            touch = self.rng.choice([lambda: s.remaining, lambda: len(s), lambda: s.decisions,
                                     lambda: s.set_aside(), lambda: s.order])
            if expected is not None:
                self.expect('use of a discarded session', expected, touch)
            else:
                self.attempt('use of a session', touch)
            self.must('repr(session)', repr, s)

    def op_module(self):
        rng = self.rng
        self.must('schema', me.schema)
        self.must('version', lambda: (me.library_version, me.library_version_info, me.__version__))
        cls = rng.choice([me.StudyField, me.StudyOrder, me.ReportFormat])
        self.attempt('from_string', cls.from_string, rng.choice(
            ['title', 'index', 'md', 'json', 'data-collection', '', 'x', '\0', '\ud800', None, 5]))
        enum = rng.choice([me.EntityKind, me.ConstructOrder, me.TranslationKind, me.CerqualComponent,
                           me.Concern, me.Confidence, me.StudyField, me.StudyOrder, me.CellState,
                           me.Severity, me.GroundingKind, me.ReportFormat, me.DecisionKind])
        ok, member = self.attempt('coerce', enum.coerce, self.enum_value(enum))
        if ok:
            self.must('text', lambda: (str(member), member.text))

    def op_copy(self):
        """copy, deepcopy and pickle: a copy must never share freed memory."""
        pools = [self.projects, self.handles, [rec[0] for rec in self.results],
                 [rec[0] for rec in self.sessions], [part for part, _ in self.parts]]
        pool = self.rng.choice([p for p in pools if p] or [[self.current]])
        obj = self.rng.choice(pool)
        how = self.rng.choice([copy.copy, copy.deepcopy, pickle.dumps])
        ok, twin = self.attempt(f'{how.__module__}.{how.__name__}({short(obj)})', how, obj)
        if not ok or how is pickle.dumps:
            return
        if isinstance(obj, Entity):
            self.check(twin == obj, 'a copied handle equals the original')
            self.remember(twin)
        elif isinstance(obj, Session):
            self.sessions.append([twin] + next((rec[1:] for rec in self.sessions if rec[0] is obj),
                                               [obj.project, False]))
        elif isinstance(obj, Project):
            self.projects.append(twin)
        elif isinstance(obj, RESULT_TYPES):
            self.results.append([twin, False])
        # Use the twin after the original is gone or closed.
        if isinstance(obj, (Project,) + RESULT_TYPES) and self.chance(0.5):
            self.must('close the original', obj.close)
            for record in self.results:
                if record[0] is obj:
                    record[1] = True
            if isinstance(obj, Project):
                self.expect('use a copy of a closed project', me.ClosedError, lambda: twin.title)
        self.attempt('use the copy', repr, twin)

    def op_equals(self):
        p = self.project_for_op()
        other = self.rng.choice(self.projects + [None, 'x', self.current])
        ok, same = self.attempt(f'equals({short(other)})', p.equals, other)
        if ok and other is p:
            self.check(same, 'a project equals itself')

    def op_study_order(self):
        p = self.project_for_op()
        order = self.enum_value(me.StudyOrder)
        ok, studies = self.attempt(f'study_order({short(order)})', p.study_order, order)
        if ok:
            self.check(sorted(s.id for s in studies) == sorted(s.id for s in p.studies),
                       'study_order() holds every study once')
        self.attempt('suggest_index_study', p.suggest_index_study)

    def op_invariants(self):
        p = self.current
        for e in self.live():
            self.check(p.lookup(e.id) == e, f'lookup({e.id!r}) == {e!r}')
        for name, lst in self.entity_lists(p):
            items = list(lst)
            self.check(len(items) == len(lst), f'len({name}) matches iteration')
            for e in items:
                self.check(e.exists, f'{e!r} of {name} exists')
        total = sum(len(lst) for _, lst in self.entity_lists(p))
        if total > 250:
            # Keep projects small enough that analyses stay quick.
            self.set_current(self.roundtrip(p) if self.chance(0.2) else self.build())


def strip_modified(data):
    """Project bytes without the modified time, which any change may touch."""
    import re
    return re.sub(rb'\smodified="[^"]*"', b'', data)


def first_difference(a, b):
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return f'  at byte {i}:\n  {a[max(0, i - 80):i + 80]!r}\n  {b[max(0, i - 80):i + 80]!r}'


def seeds():
    if os.environ.get('MTE_RANDOM_SEED'):
        return [int(os.environ['MTE_RANDOM_SEED'])]
    return FIXED_SEEDS + [int(time.time()) % 1000000]


class RandomOperations(unittest.TestCase):
    """Random walks through the API, one per seed."""

    def test_random_operations(self):
        n_ops = int(os.environ.get('MTE_RANDOM_OPS', DEFAULT_OPS))
        totals = {}
        completed = 0
        with tempfile.TemporaryDirectory(prefix='mte-random-') as tmpdir:
            for seed in seeds():
                with self.subTest(seed=seed):
                    stats = Fuzzer(seed, n_ops, tmpdir).run()
                    for name, count in stats.items():
                        totals[name] = totals.get(name, 0) + count
                    completed += 1
                gc.collect()
        print(f'operations run: {sum(totals.values())} '
              f'({", ".join(f"{k[3:]} {v}" for k, v in sorted(totals.items()))})',
              file=sys.stderr)
        if completed == len(seeds()) and n_ops >= 1000:
            self.assertEqual(len(totals), len(Fuzzer(0, 0, '').operations()),
                             'every kind of operation ran at least once')


SHUTDOWN_SCRIPT = textwrap.dedent('''
    import gc, sys
    import metaethno as me

    def make(title):
        p = me.Project(title)
        m = p.add_member("Ann", "lead")
        s1 = p.add_study(title="One", year=2001)
        s2 = p.add_study(title="Two", year=2002)
        q = s1.add_quote("I was listened to", speaker="woman, 54")
        a = s1.add_interpretation("being heard", grounded_in=[q])
        b = s2.add_interpretation("being known")
        c = p.add_concept("warmth")
        c.add_expression(a)
        p.add_translation("reciprocal", b, c)
        t = p.add_third_order("family", statement="practitioners feel like family")
        t.add_basis(c)
        f = p.add_socio_ecological_framework()
        f.classify(t, "interpersonal")
        p.add_memo("note", subject=t, author=m)
        session = p.start_session("index")
        results = [p.grid(), p.relatedness(), p.translation_table(), p.check(),
                   p.line_of_argument(), p.suggestions(0.0)]
        return p, [m, s1, s2, q, a, b, c, t, f], results, session

    # Kept in globals.
    project, entities, results, session = make("globals")
    findings = list(results[4])
    suggestions = list(results[5])

    # A cycle through the project, its handles and results.
    p2, e2, r2, s2 = make("cycle")
    p2.keep = [p2, e2, r2, s2]
    r2[0].keep = r2
    loop = [e2]
    loop.append(loop)
    del p2, e2, r2, s2

    # Only children left: the project is reachable through them alone.
    _, orphans, orphan_results, orphan_session = make("orphans")
    del _
    gc.collect()

    # A closed project whose handles are still around.
    closed, closed_entities, closed_results, closed_session = make("closed")
    closed.close()
    closed.close()

    # A removal makes results stale; handles of removed entities stay.
    stale, stale_entities, stale_results, _ = make("stale")
    stale_entities[1].remove(cascade=True)

    class Late:
        """Uses handles from __del__, at interpreter exit."""
        def __del__(self):
            for thing in self.things:
                try:
                    if isinstance(thing, me.Entity):
                        repr(thing); thing.exists; thing.title if isinstance(thing, me.Study) else None
                    elif isinstance(thing, me.Session):
                        thing.remaining
                    else:
                        thing.render()
                except me.MetaethnoError:
                    pass

    late = Late()
    late.things = entities + results + [session] + orphans + orphan_results
    late.cycle = late
    keeper = Late()
    keeper.things = closed_entities + closed_results + stale_entities + stale_results
    sys.stdout.write("ok\\n")
''')


class Shutdown(unittest.TestCase):
    """The interpreter exits cleanly whatever is left alive."""

    def test_exit_with_everything_alive(self):
        command = [sys.executable, '-c', SHUTDOWN_SCRIPT]
        if UNDER_VALGRIND:
            # valgrind does not follow children: run the child in it too.
            supp = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                                'valgrind.supp')
            command = ['valgrind', '--quiet', '--error-exitcode=99', '--leak-check=full',
                       '--errors-for-leak-kinds=definite', '--show-leak-kinds=definite',
                       '--suppressions=' + supp] + command
        result = subprocess.run(command, env=os.environ.copy(),
                                capture_output=True, text=True, timeout=600)
        self.assertEqual(result.stderr, '', 'the child wrote on stderr')
        self.assertEqual(result.returncode, 0, 'the child failed')
        self.assertEqual(result.stdout, 'ok\n')


if __name__ == '__main__':
    unittest.main()
