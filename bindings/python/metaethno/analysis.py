"""Results of the analyses: grid, relatedness, translation table and
saturation, checks, the line-of-argument synthesis and suggestions.

Each result is computed once, from the project as it is at that moment, and
keeps a C object that refers to the project's entities. It does not follow
later changes: after anything is removed from the project (or a session
decision is undone), using the result raises :class:`StaleResultError`;
compute it again. After the project is closed it raises
:class:`ClosedError`. ``close()`` (or ``with``) frees a result early.

Every result converts to plain data with ``to_records()`` (a list of dicts
of str, int, float, bool, None and lists of ids) and, when pandas is
installed, to a DataFrame with ``to_dataframe()``. ``render(format)``
returns the same report the command line prints.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import weakref
from ctypes import byref, c_int, c_int64, c_uint
from typing import Any, NamedTuple, Optional, Union

from ._c import call, dec, enc, lib, take_string, take_strv
from ._guard import at_exit, read_call, reads, reads1, writes
from .enums import (CellState, Confidence, GroundingKind, PrismaCount, ReportFormat,
                    Severity, SourceKind, StudyOrder)
from .errors import ClosedError, StaleResultError
from .model import (Concept, Construct, Entity, Framework, Project, Study,
                    ThirdOrder, Translation, _count_out, _EXCLUDED_BOXES, _index, _uint)

#: Defaults the command line uses too (the C headers' MTE_*_DEFAULT_* values).
RELATEDNESS_DEFAULT_THRESHOLD = 0.25
SUGGESTIONS_DEFAULT_THRESHOLD = 0.3
CHECK_DEFAULT_MIN_STUDIES = 2

__all__ = ["RELATEDNESS_DEFAULT_THRESHOLD", "SUGGESTIONS_DEFAULT_THRESHOLD",
           "CHECK_DEFAULT_MIN_STUDIES", "Grid", "Relatedness", "TranslationTable", "CheckReport", "Issue",
           "LineOfArgument", "Finding", "Coverage", "Suggestions", "Suggestion",
           "Prisma", "PrismaSource", "Disagreement", "Conqual"]


def _threshold(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number")
    if isinstance(value, int) and not 0 <= value <= 1:
        raise ValueError(f"{what} must lie between 0 and 1")  # float() overflows on huge ints
    value = float(value)
    if not 0.0 <= value <= 1.0:  # also refuses NaN
        raise ValueError(f"{what} must lie between 0 and 1")
    return value


def _dataframe(records: list[dict]):
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe() needs pandas; use to_records() for "
                          "plain lists of dicts") from None
    return pandas.DataFrame.from_records(records)


def _close_result(result, free, pointer) -> None:
    result._ptr = None
    free(pointer)


def _free_result(free, pointer, result_ref, guard) -> None:
    result = result_ref()
    if result is None:
        # Collected: nothing refers to the result, so no code is reading
        # it. Freeing a result touches only its own memory, never the
        # project's, so no lock is needed in whatever thread this runs.
        free(pointer)
        return
    # At exit, still alive (daemon threads may read it): as a write section
    # of its project; used afterwards (from a __del__ method, say), it
    # raises ClosedError.
    at_exit(guard, _close_result, result, free, pointer)


class _Result:
    """A computed result that borrows entities from its project."""

    _free: Any = None
    _render: Any = None
    _write: Any = None      # mte_*_render_to_fd, for the big tables

    def __init__(self, project: Project, pointer):
        # Called inside the read section that computed *pointer*, so the
        # generation recorded is the one it was computed at.
        if not pointer:
            raise MemoryError("the library returned no result")
        self._project = project
        self._ptr = pointer
        self._gen = project._generation
        self._finalizer = weakref.finalize(self, _free_result, self._free, pointer,
                                           weakref.ref(self), project._guard)

    def _p(self):
        if self._ptr is None:
            raise ClosedError(f"the {type(self).__name__} was closed")
        if self._project._ptr is None:
            raise ClosedError("the project of this result is closed")
        if self._project._generation != self._gen:
            raise StaleResultError(f"the project lost entities since this "
                                   f"{type(self).__name__} was computed; compute it again")
        return self._ptr

    @property
    def project(self) -> Project:
        """The project the result was computed from."""
        return self._project

    @property
    def stale(self) -> bool:
        """Whether the project changed so that the result can no longer be read."""
        return self._project._generation != self._gen

    @writes
    def close(self) -> None:
        """Free the result now; later use raises ClosedError. Idempotent."""
        pointer = self._ptr
        self._ptr = None
        # Detached unless exit already took the finalizer (and frees the
        # result once this section is over).
        if pointer is not None and self._finalizer.detach() is not None:
            self._free(pointer)

    @reads1
    def __enter__(self):
        self._p()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __reduce_ex__(self, protocol):
        # A copy would share the C result and read it after it is freed.
        raise TypeError(f"cannot copy or pickle a {type(self).__name__}; compute it again")

    @reads
    def render(self, format: Union[ReportFormat, str] = ReportFormat.TEXT) -> str:
        """The report in *format* ("text", "csv", "md", "json", "dot"), as the CLI prints it.

        Raises ModelError for a format the report does not offer.
        """
        return self._render_with(type(self)._render, format)

    @reads
    def write(self, file, format: Union[ReportFormat, str] = ReportFormat.TEXT) -> None:
        """Write the report ``render(format)`` returns to *file*, an open file
        with a ``fileno()`` (such as ``sys.stdout``), flushing it first.

        Text, CSV and Markdown are written row by row, so memory follows a
        row of the table, not the whole report. Raises ModelError for a
        format the report does not offer, an error with the errno's message
        when a write fails (part of the report may have been written), and
        TypeError for a result that has no such writer.
        """
        function = type(self)._write
        if function is None:
            raise TypeError(f"a {type(self).__name__} has no write(); use render()")
        format = self._format(format)
        file.flush()
        call(function, self._p(), int(format), file.fileno())

    @staticmethod
    def _format(format) -> ReportFormat:
        if isinstance(format, str):
            try:
                return ReportFormat.from_string(format)
            except ValueError:
                return ReportFormat.coerce(format, "report format")
        return ReportFormat.coerce(format, "report format")

    @reads
    def _render_with(self, function, format) -> str:
        if isinstance(format, str):
            try:
                format = ReportFormat.from_string(format)
            except ValueError:
                format = ReportFormat.coerce(format, "report format")
        else:
            format = ReportFormat.coerce(format, "report format")
        return take_string(call(function, self._p(), int(format)))

    def to_dataframe(self):
        """``to_records()`` as a pandas DataFrame (ImportError without pandas)."""
        return _dataframe(self.to_records())

    @reads1
    def to_records(self) -> list[dict]:  # pragma: no cover - overridden
        raise NotImplementedError


def _position(items: list, key, what: str) -> int:
    """Index of *key*: an int, or an entity (or id) among *items*."""
    if isinstance(key, int) and not isinstance(key, bool):
        return _index(key, len(items))
    if isinstance(key, Entity):
        key = key.id
    if isinstance(key, str):
        for i, item in enumerate(items):
            if item.id == key:
                return i
        raise KeyError(f"no {what} {key!r} in this result")
    raise TypeError(f"{what} must be an index, an entity or an id")


class Grid(_Result):
    """The concept × study grid: which second-order constructs of each
    study express each concept, or its absence."""

    _free = staticmethod(lib.mte_grid_free)
    _render = staticmethod(lib.mte_grid_render)
    _write = staticmethod(lib.mte_grid_render_to_fd)

    def __init__(self, project: Project, order: Union[StudyOrder, str] = StudyOrder.INDEX):
        order = StudyOrder.coerce(order, "study order")
        # Computed and wrapped in one read section: the result records the
        # generation it was computed at.
        read_call(project, lambda: _Result.__init__(
            self, project, lib.mte_grid_new(project._p(), int(order))))

    @property
    @reads1
    def order(self) -> StudyOrder:
        """The order of the study columns."""
        return StudyOrder(lib.mte_grid_get_order(self._p()))

    @property
    @reads1
    def concepts(self) -> list[Concept]:
        """The rows."""
        p = self._p()
        return [self._project._wrap(Concept, lib.mte_grid_get_concept(p, r))
                for r in range(lib.mte_grid_get_n_concepts(p))]

    @property
    @reads1
    def studies(self) -> list[Study]:
        """The columns, in the grid's order."""
        p = self._p()
        return [self._project._wrap(Study, lib.mte_grid_get_study(p, c))
                for c in range(lib.mte_grid_get_n_studies(p))]

    @reads
    def cell(self, concept, study) -> list[Construct]:
        """The constructs of *study* that express *concept* (empty: absent).

        Both may be given as an index, an entity or an id.
        """
        p = self._p()
        row = _position(self.concepts, concept, "concept")
        column = _position(self.studies, study, "study")
        return [self._project._wrap(Construct, lib.mte_grid_get_cell_construct(p, row, column, k))
                for k in range(lib.mte_grid_get_n_cell_constructs(p, row, column))]

    @reads
    def study_count(self, concept) -> int:
        """How many studies express *concept* (index, entity or id)."""
        p = self._p()
        return lib.mte_grid_get_concept_study_count(p, _position(self.concepts, concept, "concept"))

    @reads1
    def to_records(self) -> list[dict]:
        """One record per (concept, study) cell, absent cells included:
        ``concept``, ``concept_label``, ``study``, ``constructs`` (ids)."""
        p = self._p()
        concepts, studies = self.concepts, self.studies
        out = []
        for r, concept in enumerate(concepts):
            label = concept.label
            for c, study in enumerate(studies):
                ids = [dec(lib.mte_construct_get_id(lib.mte_grid_get_cell_construct(p, r, c, k)))
                       for k in range(lib.mte_grid_get_n_cell_constructs(p, r, c))]
                out.append({"concept": concept.id, "concept_label": label,
                            "study": study.id, "constructs": ids})
        return out


class Relatedness(_Result):
    """Shared concepts between every two studies (counts and Jaccard), and
    clusters of related studies (average linkage; see docs/analysis.md)."""

    _free = staticmethod(lib.mte_relatedness_free)
    _render = staticmethod(lib.mte_relatedness_render)
    _write = staticmethod(lib.mte_relatedness_render_to_fd)

    def __init__(self, project: Project, order: Union[StudyOrder, str] = StudyOrder.INDEX,
                 threshold: float = RELATEDNESS_DEFAULT_THRESHOLD):
        order = StudyOrder.coerce(order, "study order")
        threshold = _threshold(threshold, "threshold")
        # Computed and wrapped in one read section: the result records the
        # generation it was computed at.
        read_call(project, lambda: _Result.__init__(
            self, project, lib.mte_relatedness_new(project._p(), int(order), threshold)))

    @property
    @reads1
    def order(self) -> StudyOrder:
        """The order of the studies."""
        return StudyOrder(lib.mte_relatedness_get_order(self._p()))

    @property
    @reads1
    def threshold(self) -> float:
        """The Jaccard value at or above which studies join a cluster."""
        return lib.mte_relatedness_get_threshold(self._p())

    @property
    @reads1
    def studies(self) -> list[Study]:
        """The studies, in the result's order."""
        p = self._p()
        return [self._project._wrap(Study, lib.mte_relatedness_get_study(p, i))
                for i in range(lib.mte_relatedness_get_n_studies(p))]

    @reads
    def n_concepts(self, study) -> int:
        """How many concepts *study* expresses."""
        p = self._p()
        return lib.mte_relatedness_get_n_concepts(p, _position(self.studies, study, "study"))

    @reads
    def shared(self, a, b) -> int:
        """How many concepts studies *a* and *b* share."""
        p = self._p()
        studies = self.studies
        return lib.mte_relatedness_get_shared(p, _position(studies, a, "study"),
                                              _position(studies, b, "study"))

    @reads
    def jaccard(self, a, b) -> float:
        """Shared concepts over the concepts either study expresses (0 when none)."""
        p = self._p()
        studies = self.studies
        return lib.mte_relatedness_get_jaccard(p, _position(studies, a, "study"),
                                               _position(studies, b, "study"))

    @reads
    def cluster_of(self, study) -> int:
        """The 0-based number of the cluster *study* belongs to."""
        p = self._p()
        return lib.mte_relatedness_get_cluster(p, _position(self.studies, study, "study"))

    @property
    @reads1
    def clusters(self) -> list[list[Study]]:
        """The clusters, each a list of studies in the result's order."""
        p = self._p()
        out: list[list[Study]] = [[] for _ in range(lib.mte_relatedness_get_n_clusters(p))]
        for i, study in enumerate(self.studies):
            out[lib.mte_relatedness_get_cluster(p, i)].append(study)
        return out

    @reads1
    def to_records(self) -> list[dict]:
        """One record per pair of studies (each pair once, in order):
        ``study_a``, ``study_b``, ``shared``, ``jaccard``, ``same_cluster``."""
        p = self._p()
        ids = [s.id for s in self.studies]
        cluster = [lib.mte_relatedness_get_cluster(p, i) for i in range(len(ids))]
        return [{"study_a": ids[a], "study_b": ids[b],
                 "shared": lib.mte_relatedness_get_shared(p, a, b),
                 "jaccard": lib.mte_relatedness_get_jaccard(p, a, b),
                 "same_cluster": cluster[a] == cluster[b]}
                for a in range(len(ids)) for b in range(a + 1, len(ids))]


class TranslationTable(_Result):
    """The translation table (concepts in order of first appearance ×
    studies in translation order) and the saturation curve."""

    _free = staticmethod(lib.mte_translation_table_free)
    _render = staticmethod(lib.mte_translation_table_render)
    _write = staticmethod(lib.mte_translation_table_render_to_fd)

    def __init__(self, project: Project, order: Union[StudyOrder, str] = StudyOrder.INDEX):
        order = StudyOrder.coerce(order, "study order")
        # Computed and wrapped in one read section: the result records the
        # generation it was computed at.
        read_call(project, lambda: _Result.__init__(
            self, project, lib.mte_translation_table_new(project._p(), int(order))))

    @property
    @reads1
    def order(self) -> StudyOrder:
        """The translation order of the columns."""
        return StudyOrder(lib.mte_translation_table_get_order(self._p()))

    @property
    @reads1
    def concepts(self) -> list[Concept]:
        """The rows, in order of first appearance."""
        p = self._p()
        return [self._project._wrap(Concept, lib.mte_translation_table_get_concept(p, r))
                for r in range(lib.mte_translation_table_get_n_concepts(p))]

    @property
    @reads1
    def studies(self) -> list[Study]:
        """The columns, in translation order."""
        p = self._p()
        return [self._project._wrap(Study, lib.mte_translation_table_get_study(p, c))
                for c in range(lib.mte_translation_table_get_n_studies(p))]

    @reads
    def cell(self, concept, study) -> CellState:
        """How *study* stands to *concept*: absent, expresses, refutes, or both."""
        p = self._p()
        return CellState(lib.mte_translation_table_get_cell(
            p, _position(self.concepts, concept, "concept"), _position(self.studies, study, "study")))

    @reads
    def first_study(self, concept) -> Optional[Study]:
        """The study where *concept* first appears, or None."""
        p = self._p()
        column = lib.mte_translation_table_get_first_column(p, _position(self.concepts, concept, "concept"))
        return None if column < 0 else self._project._wrap(
            Study, lib.mte_translation_table_get_study(p, column))

    @reads
    def new_concepts(self, study) -> int:
        """How many concepts first appear in *study*."""
        p = self._p()
        return lib.mte_translation_table_get_new_concepts(p, _position(self.studies, study, "study"))

    @property
    @reads1
    def saturation_study(self) -> Optional[Study]:
        """The study after which no new concept appeared (None: the last study
        still added concepts, or there are none)."""
        p = self._p()
        column = lib.mte_translation_table_get_saturation_column(p)
        return None if column < 0 else self._project._wrap(
            Study, lib.mte_translation_table_get_study(p, column))

    @reads1
    def to_records(self) -> list[dict]:
        """One record per (concept, study) cell: ``concept``,
        ``concept_label``, ``study``, ``state`` ("absent", "expresses"...)."""
        p = self._p()
        concepts, studies = self.concepts, self.studies
        return [{"concept": concept.id, "concept_label": concept.label, "study": study.id,
                 "state": CellState(lib.mte_translation_table_get_cell(p, r, c)).text}
                for r, concept in enumerate(concepts) for c, study in enumerate(studies)]

    @reads1
    def saturation_records(self) -> list[dict]:
        """One record per study in translation order: ``position`` (1-based),
        ``study``, ``new_concepts``, ``total_concepts`` (cumulative)."""
        p = self._p()
        out, total = [], 0
        for c, study in enumerate(self.studies):
            new = lib.mte_translation_table_get_new_concepts(p, c)
            total += new
            out.append({"position": c + 1, "study": study.id, "new_concepts": new,
                        "total_concepts": total})
        return out

    def saturation_dataframe(self):
        """``saturation_records()`` as a pandas DataFrame."""
        return _dataframe(self.saturation_records())

    @reads
    def render_saturation(self, format: Union[ReportFormat, str] = ReportFormat.TEXT) -> str:
        """The saturation report, as ``metaethno saturation`` prints it."""
        return self._render_with(lib.mte_saturation_render, format)


class Issue(NamedTuple):
    """One finding of the checks."""
    severity: Severity
    code: str
    subject: Optional[Entity]
    message: str


class CheckReport(_Result):
    """What the checks found: errors, warnings and notes, each with a
    stable code (see docs/analysis.md)."""

    _free = staticmethod(lib.mte_check_report_free)
    _render = staticmethod(lib.mte_check_report_render)

    def __init__(self, project: Project, min_studies: int = CHECK_DEFAULT_MIN_STUDIES):
        min_studies = _uint(min_studies, "min_studies")
        # Computed and wrapped in one read section: the result records the
        # generation it was computed at.
        read_call(project, lambda: _Result.__init__(
            self, project, lib.mte_project_check(project._p(), min_studies)))

    @reads1
    def __len__(self) -> int:
        return lib.mte_check_report_get_n_issues(self._p())

    @reads
    def __getitem__(self, index: int) -> Issue:
        p = self._p()
        i = _index(index, lib.mte_check_report_get_n_issues(p))
        return Issue(Severity(lib.mte_check_report_get_severity(p, i)),
                     dec(lib.mte_check_report_get_code(p, i)),
                     self._project._wrap_entity(lib.mte_check_report_get_subject(p, i)),
                     dec(lib.mte_check_report_get_message(p, i)))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    @reads
    def count(self, severity: Union[Severity, str]) -> int:
        """How many issues have this severity."""
        severity = Severity.coerce(severity, "severity")
        return lib.mte_check_report_count(self._p(), int(severity))

    @property
    @reads1
    def has_errors(self) -> bool:
        """Whether any issue is an error (``metaethno check`` exits 1)."""
        return self.count(Severity.ERROR) > 0

    @reads1
    def to_records(self) -> list[dict]:
        """One record per issue: ``severity``, ``code``, ``subject`` (id or None), ``message``."""
        return [{"severity": issue.severity.text, "code": issue.code,
                 "subject": issue.subject.id if issue.subject is not None else None,
                 "message": issue.message} for issue in self]


class Coverage(NamedTuple):
    """How much of the evidence the synthesis carries."""
    covered: int
    total: int
    share: float


class Finding:
    """One finding of the line of argument: a third-order construct with its
    grounding, in argument order."""

    __slots__ = ("_loa", "_index", "_project")

    def __init__(self, loa: "LineOfArgument", index: int):
        self._loa = loa
        self._index = index
        self._project = loa._project

    def _list(self, kind: GroundingKind) -> list:
        p = self._loa._p()
        wrap = self._loa._project._wrap_entity
        return [wrap(lib.mte_line_of_argument_get_grounding(p, self._index, int(kind), k))
                for k in range(lib.mte_line_of_argument_get_n_grounding(p, self._index, int(kind)))]

    @property
    def position(self) -> int:
        """0-based place in argument order."""
        return self._index

    @property
    @reads1
    def third_order(self) -> ThirdOrder:
        """The third-order construct."""
        return self._loa._project._wrap(
            ThirdOrder, lib.mte_line_of_argument_get_finding(self._loa._p(), self._index))

    @property
    @reads1
    def studies(self) -> list[Study]:
        """Every study the finding rests on (its support)."""
        return self._list(GroundingKind.STUDIES)

    @property
    @reads1
    def support(self) -> int:
        """How many studies the finding rests on."""
        return lib.mte_line_of_argument_get_n_grounding(
            self._loa._p(), self._index, int(GroundingKind.STUDIES))

    @property
    @reads1
    def concepts(self) -> list[Concept]:
        """The concepts in its basis."""
        return self._list(GroundingKind.CONCEPTS)

    @property
    @reads1
    def constructs(self) -> list[Construct]:
        """Second-order constructs in its basis or expressing its concepts."""
        return self._list(GroundingKind.CONSTRUCTS)

    @property
    @reads1
    def quotes(self) -> list[Construct]:
        """First-order constructs (participants' words, with speakers)."""
        return self._list(GroundingKind.QUOTES)

    @property
    @reads1
    def refutations(self) -> list[Translation]:
        """Refutational translations touching its concepts or constructs."""
        return self._list(GroundingKind.REFUTATIONS)

    @property
    @reads1
    def flagged(self) -> bool:
        """Whether it rests on fewer studies than the minimum."""
        return bool(lib.mte_line_of_argument_is_flagged(self._loa._p(), self._index))

    @property
    @reads1
    def cycle(self) -> Optional[int]:
        """The number of the cycle it belongs to, or None."""
        c = lib.mte_line_of_argument_get_cycle(self._loa._p(), self._index)
        return None if c < 0 else c

    @reads
    def levels(self, framework: Union[Framework, str]) -> list[str]:
        """The keys of the framework's levels the finding spans."""
        p = self._loa._p()
        project = self._loa._project
        if isinstance(framework, str):
            found = project.lookup(framework)
            if not isinstance(found, Framework):
                raise KeyError(f"no framework {framework!r}")
            framework = found
        if not isinstance(framework, Framework) or framework.project is not project:
            raise TypeError("framework must be a Framework of the same project, or its id")
        return take_strv(lib.mte_line_of_argument_dup_levels(p, self._index, framework._p()))

    @reads1
    def __repr__(self) -> str:
        try:
            t = self.third_order
            return f"<Finding {self._index}: {t.id!r} {t.label!r}, {self.support} studies>"
        except (ClosedError, StaleResultError):
            return f"<Finding {self._index} (unavailable)>"


class LineOfArgument(_Result):
    """The line-of-argument synthesis: findings in argument order, each with
    its grounding; cycles; unused concepts; coverage; framework levels."""

    _free = staticmethod(lib.mte_line_of_argument_free)
    _render = staticmethod(lib.mte_line_of_argument_render)

    def __init__(self, project: Project, min_studies: int = CHECK_DEFAULT_MIN_STUDIES):
        min_studies = _uint(min_studies, "min_studies")
        # Computed and wrapped in one read section: the result records the
        # generation it was computed at.
        read_call(project, lambda: _Result.__init__(
            self, project, lib.mte_line_of_argument_new(project._p(), min_studies)))

    @reads1
    def __len__(self) -> int:
        return lib.mte_line_of_argument_get_n_findings(self._p())

    @reads
    def __getitem__(self, index: int) -> Finding:
        return Finding(self, _index(index, len(self)))

    def __iter__(self):
        for i in range(len(self)):
            yield Finding(self, i)

    @property
    def findings(self) -> list[Finding]:
        """The findings, in argument order."""
        return list(self)

    @property
    @reads1
    def n_cycles(self) -> int:
        """How many cycles (groups of mutually reachable findings) there are."""
        return lib.mte_line_of_argument_get_n_cycles(self._p())

    @property
    @reads1
    def cycles(self) -> list[list[ThirdOrder]]:
        """Each cycle's findings, in argument order."""
        out: list[list[ThirdOrder]] = [[] for _ in range(self.n_cycles)]
        for finding in self:
            if finding.cycle is not None:
                out[finding.cycle].append(finding.third_order)
        return out

    @property
    @reads1
    def unused_concepts(self) -> list[Concept]:
        """Concepts carried into no finding, in project order."""
        p = self._p()
        return [self._project._wrap(Concept, lib.mte_line_of_argument_get_unused_concept(p, i))
                for i in range(lib.mte_line_of_argument_get_n_unused_concepts(p))]

    @property
    @reads1
    def study_coverage(self) -> Coverage:
        """Studies that ground at least one finding, of all studies."""
        covered, total = c_uint(), c_uint()
        share = lib.mte_line_of_argument_get_study_coverage(self._p(), byref(covered), byref(total))
        return Coverage(covered.value, total.value, share)

    @property
    @reads1
    def concept_coverage(self) -> Coverage:
        """Concepts carried into at least one finding, of all concepts."""
        covered, total = c_uint(), c_uint()
        share = lib.mte_line_of_argument_get_concept_coverage(self._p(), byref(covered), byref(total))
        return Coverage(covered.value, total.value, share)

    @reads
    def framework_matrix(self, framework: Union[Framework, str]) -> dict[str, list[str]]:
        """For each finding id, the keys of the framework levels it spans."""
        return {f.third_order.id: f.levels(framework) for f in self}

    @reads1
    def to_records(self) -> list[dict]:
        """One record per finding, in argument order: ``position``,
        ``finding``, ``label``, ``support``, ``flagged``, ``cycle``, and the
        ids of its ``studies``, ``concepts``, ``constructs``, ``quotes`` and
        ``refutations``; plus ``levels:<framework id>`` for each framework."""
        frameworks = list(self._project.frameworks)
        out = []
        for f in self:
            t = f.third_order
            record = {"position": f.position + 1, "finding": t.id, "label": t.label,
                      "support": f.support, "flagged": f.flagged, "cycle": f.cycle,
                      "studies": [e.id for e in f.studies],
                      "concepts": [e.id for e in f.concepts],
                      "constructs": [e.id for e in f.constructs],
                      "quotes": [e.id for e in f.quotes],
                      "refutations": [e.id for e in f.refutations]}
            for framework in frameworks:
                record[f"levels:{framework.id}"] = f.levels(framework)
            out.append(record)
        return out


class Suggestion:
    """A candidate third-order construct: concepts that co-occur across
    studies and are linked by translations, with the evidence."""

    __slots__ = ("_suggestions", "_index", "_project")

    def __init__(self, suggestions: "Suggestions", index: int):
        self._suggestions = suggestions
        self._index = index
        self._project = suggestions._project

    @property
    @reads1
    def concepts(self) -> list[Concept]:
        """The concepts grouped, in project order."""
        p = self._suggestions._p()
        return [self._suggestions._project._wrap(
                    Concept, lib.mte_suggestions_get_concept(p, self._index, k))
                for k in range(lib.mte_suggestions_get_n_concepts(p, self._index))]

    @property
    @reads1
    def affinity(self) -> float:
        """How strongly the concepts hang together (0–1; see docs/analysis.md)."""
        return lib.mte_suggestions_get_affinity(self._suggestions._p(), self._index)

    @property
    @reads1
    def n_studies(self) -> int:
        """Studies expressing any of the concepts."""
        return lib.mte_suggestions_get_n_studies(self._suggestions._p(), self._index)

    @property
    @reads1
    def n_translations(self) -> int:
        """Translations linking the concepts."""
        return lib.mte_suggestions_get_n_translations(self._suggestions._p(), self._index)

    @writes
    def accept(self, label: str, *, id: Optional[str] = None) -> ThirdOrder:
        """Write the grouping into the project as a third-order construct
        whose basis is the concepts. Nothing is written unless accepted."""
        suggestions = self._suggestions
        p = suggestions._p()
        project = suggestions._project
        return project._wrap(ThirdOrder, call(
            lib.mte_suggestions_accept, p, self._index, project._p(),
            enc(id, "id", nullable=True), enc(label, "label")))

    @reads1
    def __repr__(self) -> str:
        try:
            return (f"<Suggestion {[c.id for c in self.concepts]} "
                    f"affinity={self.affinity:.2f}>")
        except (ClosedError, StaleResultError):
            return f"<Suggestion {self._index} (unavailable)>"


class Suggestions(_Result):
    """Candidate groupings of concepts into third-order constructs."""

    _free = staticmethod(lib.mte_suggestions_free)
    _render = staticmethod(lib.mte_suggestions_render)

    def __init__(self, project: Project, threshold: float = SUGGESTIONS_DEFAULT_THRESHOLD):
        threshold = _threshold(threshold, "threshold")
        # Computed and wrapped in one read section: the result records the
        # generation it was computed at.
        read_call(project, lambda: _Result.__init__(
            self, project, lib.mte_suggestions_new(project._p(), threshold)))

    @reads1
    def __len__(self) -> int:
        return lib.mte_suggestions_get_n(self._p())

    @reads
    def __getitem__(self, index: int) -> Suggestion:
        return Suggestion(self, _index(index, len(self)))

    def __iter__(self):
        for i in range(len(self)):
            yield Suggestion(self, i)

    @reads1
    def to_records(self) -> list[dict]:
        """One record per suggestion: ``concepts`` (ids), ``labels``,
        ``affinity``, ``n_studies``, ``n_translations``."""
        out = []
        for s in self:
            concepts = s.concepts
            out.append({"concepts": [c.id for c in concepts],
                        "labels": [c.label for c in concepts], "affinity": s.affinity,
                        "n_studies": s.n_studies, "n_translations": s.n_translations})
        return out


class PrismaSource(NamedTuple):
    """One search as a row of the PRISMA identification box."""
    name: str
    kind: SourceKind
    n_records: Optional[int]


class Disagreement(NamedTuple):
    """A count entered by hand that differs from the one computed from the
    records: *what* is a box's name or a search's id."""
    what: str
    entered: Optional[int]
    computed: Optional[int]


class Prisma(_Result):
    """The PRISMA 2020 flow counts, computed from the project when made.

    Each box is the count entered by hand when there is one, else the count
    computed from the searches, records and studies; None when neither
    exists. Unlike the other results, a Prisma holds its own copy of every
    count: it never goes stale, and reading it needs neither the project
    nor the result open (only :meth:`render` does). Compute it again to see
    later changes.
    """

    _free = staticmethod(lib.mte_prisma_free)
    _render = staticmethod(lib.mte_prisma_render)

    def __init__(self, project: Project):
        read_call(project, self._compute, project)

    def _compute(self, project: Project) -> None:
        _Result.__init__(self, project, lib.mte_prisma_new(project._p()))
        p = self._ptr
        self._counts = {box.text: _count_out(lib.mte_prisma_get_count(p, int(box)))
                        for box in PrismaCount}
        self._entered = frozenset(box.text for box in PrismaCount
                                  if lib.mte_prisma_is_entered(p, int(box)))
        reasons = {}
        for box in _EXCLUDED_BOXES:
            listed = {}
            for i in range(lib.mte_prisma_get_n_reasons(p, int(box))):
                n = c_int64()
                reason = dec(lib.mte_prisma_get_reason(p, int(box), i, byref(n)))
                listed[reason] = n.value
            reasons[box.text] = listed
        self._reasons = reasons
        sources = []
        for i in range(lib.mte_prisma_get_n_sources(p)):
            kind, n = c_int(), c_int64()
            name = dec(lib.mte_prisma_get_source(p, i, byref(kind), byref(n)))
            sources.append(PrismaSource(name, SourceKind(kind.value), _count_out(n.value)))
        self._sources = sources
        disagreements = []
        for i in range(lib.mte_prisma_get_n_disagreements(p)):
            entered, computed = c_int64(), c_int64()
            what = dec(lib.mte_prisma_get_disagreement(p, i, byref(entered), byref(computed)))
            disagreements.append(Disagreement(what, _count_out(entered.value),
                                              _count_out(computed.value)))
        self._disagreements = disagreements

    def _p(self):
        # Self-contained: the C counts borrow nothing from the project.
        if self._ptr is None:
            raise ClosedError("the Prisma was closed")
        return self._ptr

    @property
    def stale(self) -> bool:
        """Always False: the counts are a copy (see the class docstring)."""
        return False

    @property
    def counts(self) -> dict[str, Optional[int]]:
        """Every box by its PRISMA2020 name, in the diagram's order: the
        count, or None when it is neither entered nor computable."""
        return dict(self._counts)

    def __getitem__(self, box: Union[PrismaCount, str]) -> Optional[int]:
        return self._counts[PrismaCount.coerce(box, "PRISMA count").text]

    @property
    def entered(self) -> frozenset[str]:
        """The names of the boxes whose count was entered by hand."""
        return self._entered

    def is_entered(self, box: Union[PrismaCount, str]) -> bool:
        """Whether the box's count was entered by hand rather than computed."""
        return PrismaCount.coerce(box, "PRISMA count").text in self._entered

    @property
    def reasons(self) -> dict[str, dict[str, int]]:
        """For "dbr_excluded" and "other_excluded": each reason for
        excluding reports and how many it excluded, in order of first
        appearance."""
        return {box: dict(listed) for box, listed in self._reasons.items()}

    @property
    def sources(self) -> list[PrismaSource]:
        """One row per search: its source's name, kind and records found."""
        return list(self._sources)

    @property
    def disagreements(self) -> list[Disagreement]:
        """Entered counts that differ from those computed from the records."""
        return list(self._disagreements)

    def to_records(self) -> list[dict]:
        """One record per box: ``name``, ``n`` (None when unknown), ``entered``."""
        return [{"name": name, "n": n, "entered": name in self._entered}
                for name, n in self._counts.items()]

    def to_dataframe(self):
        """:meth:`to_records` as a DataFrame; ``n`` has the nullable "Int64" dtype."""
        from .frames import _frame
        return _frame(self.to_records(), ["name", "n", "entered"], ints=["n"])

    def __repr__(self) -> str:
        return (f"<metaethno.Prisma new_studies={self._counts['new_studies']} "
                f"new_reports={self._counts['new_reports']}>")


class Conqual:
    """The ConQual rating (Munn et al. 2014) of one finding, computed from
    the project when made (``project.conqual(finding)``; the rules are
    those of ``mte_conqual_new()`` in mte-conqual.h): dependability from
    JBI checklist questions q2, q3, q4, q6 and q7 of the checklist "jbi",
    credibility from the finding's second-order constructs.

    Like :class:`Prisma` it holds its own copy of the rating: the C result
    is freed at once, nothing needs closing, and it never goes stale (the
    entities it lists are ordinary entity handles). Compute it again to see
    later changes.
    """

    __slots__ = ("_finding", "_computable", "_dependability", "_credibility", "_score",
                 "_studies", "_unappraised", "_constructs", "_unassessed")

    def __init__(self, project: Project, finding: Union[ThirdOrder, str]):
        if isinstance(finding, str):
            finding = project.lookup(finding)
            if not isinstance(finding, ThirdOrder):
                raise KeyError("no finding (third-order construct) with this id")
        elif not isinstance(finding, ThirdOrder):
            raise TypeError("finding must be a ThirdOrder or its id")
        elif finding._project is not project:
            raise ValueError(f"finding {finding.id!r} belongs to another project")
        read_call(project, self._compute, project, finding)

    def _compute(self, project: Project, finding: ThirdOrder) -> None:
        pointer = call(lib.mte_conqual_new, project._p(), finding._p())
        try:
            self._finding = project._wrap(ThirdOrder, lib.mte_conqual_get_third_order(pointer))
            self._computable = bool(lib.mte_conqual_is_computable(pointer))
            self._dependability = lib.mte_conqual_get_dependability_downgrade(pointer)
            self._credibility = lib.mte_conqual_get_credibility_downgrade(pointer)
            self._score = Confidence(lib.mte_conqual_get_score(pointer))
            studies = []
            for i in range(lib.mte_conqual_get_n_studies(pointer)):
                yes = c_int()
                study = project._wrap(Study, lib.mte_conqual_get_study(pointer, i, byref(yes)))
                studies.append((study, None if yes.value < 0 else yes.value))
            self._studies = studies
            self._unappraised = [project._wrap(Study, lib.mte_conqual_get_unappraised(pointer, i))
                                 for i in range(lib.mte_conqual_get_n_unappraised(pointer))]
            self._constructs = [project._wrap(Construct, lib.mte_conqual_get_construct(pointer, i))
                                for i in range(lib.mte_conqual_get_n_constructs(pointer))]
            self._unassessed = [project._wrap(Construct, lib.mte_conqual_get_unassessed(pointer, i))
                                for i in range(lib.mte_conqual_get_n_unassessed(pointer))]
        finally:
            lib.mte_conqual_free(pointer)

    @property
    def finding(self) -> ThirdOrder:
        """The finding rated."""
        return self._finding

    @property
    def computable(self) -> bool:
        """Whether every study is appraised and every construct has a
        credibility (and there is at least one of each)."""
        return self._computable

    @property
    def dependability_downgrade(self) -> int:
        """Levels rated down for dependability: 0, 1 or 2."""
        return self._dependability

    @property
    def credibility_downgrade(self) -> int:
        """Levels rated down for credibility: 0 to 4."""
        return self._credibility

    @property
    def score(self) -> Confidence:
        """HIGH rated down by both downgrades, at worst VERY_LOW;
        NOT_ASSESSED when the rating is not computable."""
        return self._score

    @property
    def studies(self) -> list[tuple[Study, Optional[int]]]:
        """The finding's studies in project order, each with its yes answers
        to the five dependability questions (None when unappraised)."""
        return list(self._studies)

    @property
    def unappraised(self) -> list[Study]:
        """The studies lacking an answer to one of the five questions."""
        return list(self._unappraised)

    @property
    def constructs(self) -> list[Construct]:
        """The second-order constructs the finding rests on."""
        return list(self._constructs)

    @property
    def unassessed(self) -> list[Construct]:
        """The constructs without a credibility."""
        return list(self._unassessed)

    def __repr__(self) -> str:
        return (f"<metaethno.Conqual {self._finding.id!r} score={self._score.text} "
                f"dependability=-{self._dependability} credibility=-{self._credibility}>")
