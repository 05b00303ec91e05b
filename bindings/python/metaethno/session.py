"""The translation session (phase 5 of meta-ethnography).

A session takes the second-order constructs study by study, in a chosen
order, and records one decision for each: it translates reciprocally into an
existing concept, refutes one, founds a new concept, or is set aside. Every
decision keeps its rationale, reviewer and time, and the session is saved
in the project file, so work can stop and resume at any decision::

    session = project.start_session("index")
    while not session.complete:
        construct = session.current_construct
        ...
        session.translate(concept, rationale="same idea", reviewer="ab")

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import datetime as _dt
from typing import NamedTuple, Optional, Union

from ._c import call, dec, enc, lib
from ._guard import reads, reads1, writes
from .enums import DecisionKind, StudyOrder
from .errors import ClosedError
from .model import (Concept, Construct, Member, Project, Study, Time,
                    Translation, _index, _time_in, _time_out)

__all__ = ["Session", "Decision"]


class Decision(NamedTuple):
    """One recorded decision of a session (a snapshot)."""
    construct: Construct
    kind: DecisionKind
    concept: Optional[Concept]
    translation: Optional[Translation]
    expression_added: bool
    rationale: Optional[str]
    reviewer: Optional[Member]
    created: Optional[_dt.datetime]


class Session:
    """The project's translation session.

    Obtain it from :meth:`Project.start_session` or :attr:`Project.session`.
    After :meth:`Project.discard_session`, or when the project is closed,
    using this object raises :class:`ClosedError`.
    """

    __slots__ = ("_project", "_token")

    def __init__(self, project: Project, token: object):
        self._project = project
        self._token = token

    @classmethod
    def _current(cls, project: Project) -> Optional["Session"]:
        if not lib.mte_project_get_session(project._p()):
            return None
        return cls(project, project._session_token)

    @classmethod
    def _start(cls, project: Project, order: StudyOrder) -> "Session":
        # Inside Project.start_session's write section.
        call(lib.mte_project_start_session, project._p(), int(order))
        project._session_token = object()
        return cls(project, project._session_token)

    def _p(self):
        project = self._project
        pointer = lib.mte_project_get_session(project._p())
        if not pointer or self._token is not project._session_token:
            raise ClosedError("the translation session was discarded")
        return pointer

    @property
    def project(self) -> Project:
        """The project the session belongs to."""
        return self._project

    @property
    @reads1
    def order(self) -> StudyOrder:
        """The order studies are taken in; assigning reorders the remaining work."""
        return StudyOrder(lib.mte_session_get_order(self._p()))

    @order.setter
    @writes
    def order(self, value: Union[StudyOrder, str]) -> None:
        value = StudyOrder.coerce(value, "study order")
        lib.mte_session_set_order(self._p(), int(value))

    @property
    @reads1
    def current_construct(self) -> Optional[Construct]:
        """The second-order construct the next decision is about, or None."""
        return self._project._wrap(Construct, lib.mte_session_get_current_construct(self._p()))

    @property
    @reads1
    def current_study(self) -> Optional[Study]:
        """The study of the current construct, or None when complete."""
        return self._project._wrap(Study, lib.mte_session_get_current_study(self._p()))

    @property
    @reads1
    def complete(self) -> bool:
        """Whether every second-order construct has a decision."""
        return bool(lib.mte_session_is_complete(self._p()))

    @property
    @reads1
    def remaining(self) -> int:
        """How many second-order constructs still lack a decision."""
        return lib.mte_session_get_n_remaining(self._p())

    def _who(self, rationale, reviewer):
        return (enc(rationale, "rationale", nullable=True),
                self._project._ref(reviewer, "reviewer", nullable=True))

    @writes
    def translate(self, concept: Union[Concept, str], rationale: Optional[str] = None,
                  reviewer: Union[Member, str, None] = None) -> Translation:
        """The current construct is the same idea as *concept* (reciprocal)."""
        p = self._p()
        return self._project._wrap(Translation, call(
            lib.mte_session_translate, p, self._project._ref(concept, "concept"),
            *self._who(rationale, reviewer)))

    @writes
    def refute(self, concept: Union[Concept, str], rationale: Optional[str] = None,
               reviewer: Union[Member, str, None] = None) -> Translation:
        """The current construct contradicts *concept* (refutational)."""
        p = self._p()
        return self._project._wrap(Translation, call(
            lib.mte_session_refute, p, self._project._ref(concept, "concept"),
            *self._who(rationale, reviewer)))

    @writes
    def found_concept(self, label: str, rationale: Optional[str] = None,
                      reviewer: Union[Member, str, None] = None, *,
                      id: Optional[str] = None) -> Concept:
        """The current construct is a new idea: found a concept it expresses."""
        p = self._p()
        return self._project._wrap(Concept, call(
            lib.mte_session_found_concept, p, enc(id, "id", nullable=True),
            enc(label, "label"), *self._who(rationale, reviewer)))

    @writes
    def set_aside(self, rationale: Optional[str] = None,
                  reviewer: Union[Member, str, None] = None) -> None:
        """The current construct bears on no concept."""
        call(lib.mte_session_set_aside, self._p(), *self._who(rationale, reviewer))

    @writes
    def undo(self) -> None:
        """Undo the last decision and what it made (ModelError if none)."""
        self._project._call_freeing(lib.mte_session_undo, self._p())

    @property
    @reads1
    def decisions(self) -> list[Decision]:
        """Every decision so far, in the order made."""
        p = self._p()
        wrap = self._project._wrap
        return [Decision(wrap(Construct, lib.mte_session_get_decision_construct(p, i)),
                         DecisionKind(lib.mte_session_get_decision_kind(p, i)),
                         wrap(Concept, lib.mte_session_get_decision_concept(p, i)),
                         wrap(Translation, lib.mte_session_get_decision_translation(p, i)),
                         bool(lib.mte_session_get_decision_expression_added(p, i)),
                         dec(lib.mte_session_get_decision_rationale(p, i)),
                         wrap(Member, lib.mte_session_get_decision_reviewer(p, i)),
                         _time_out(lib.mte_session_get_decision_created(p, i)))
                for i in range(lib.mte_session_get_n_decisions(p))]

    @reads1
    def __len__(self) -> int:
        """The number of decisions."""
        return lib.mte_session_get_n_decisions(self._p())

    @writes
    def set_decision_created(self, index: int, when: Time) -> None:
        """Correct the time of decision *index* (e.g. when importing)."""
        p = self._p()
        i = _index(index, lib.mte_session_get_n_decisions(p))
        lib.mte_session_set_decision_created(p, i, _time_in(when, "created"))

    @reads1
    def __repr__(self) -> str:
        try:
            return (f"<metaethno.Session {self.order.text}: {len(self)} decisions, "
                    f"{self.remaining} remaining>")
        except ClosedError:
            return "<metaethno.Session (discarded)>"
