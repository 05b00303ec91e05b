"""Projects and the entities of a meta-ethnography.

A :class:`Project` owns everything: studies with their first- and
second-order constructs, concepts, translations, third-order constructs,
argument links, frameworks, team members, appraisal checklists and memos.
Entity objects are light handles: each names its project and the entity's
id, and finds the C entity again whenever something was removed in
between. So a handle never dangles:

* after ``project.close()``, using any handle raises :class:`ClosedError`;
* after the entity is removed, using its handle raises :class:`RemovedError`;
* a handle keeps its project alive, so dropping the project first is safe.

Two handles are equal when they name the same id in the same project.

Every method and property that reaches C runs as a read or write section
of its project (see :mod:`metaethno._guard`): other threads wait for it,
and a signal handler that would free what it uses gets ReentrancyError.
Code inside a write section calls only the unguarded helpers (``_p``,
``_wrap``, ``_remove``...), never another guarded method.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import os
import re
import weakref
from collections.abc import Iterator, MutableMapping, Sequence
from ctypes import byref, c_char_p, c_size_t
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple, Optional, Union

from . import _decl
from ._c import (GUINT_MAX, TIME_MAX, call, dec, enc, g_free, lib, make_strv,
                 read_strv, take_string, take_strv)
from ._guard import (Guard, _refuse_read, at_exit, read_call, read_call_both, reads,
                     reads1, writes)
from .enums import (CerqualComponent, Concern, Confidence, ConstructOrder, Credibility, EmergeItem,
                    EntityKind, ExclusionStage, PrismaCount, ProtocolField,
                    RecordFate, RecordField, SourceKind, StudyField, StudyOrder,
                    TranslationKind)
from .errors import ClosedError, MetaethnoError, RemovedError

#: The syntax of ids (and of level and question keys).
ID_PATTERN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]{0,255}")

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import (CheckReport, Grid, LineOfArgument, Prisma, Relatedness,
                           Suggestions, TranslationTable)
    from .enums import ReferenceFormat, RefiFormat, SheetKind
    from .refi import RefiReport
    from .references import ImportReport
    from .session import Session

__all__ = ["Project", "Entity", "Member", "Checklist", "Question", "Study",
           "Appraisal", "Construct", "Concept", "Translation", "ThirdOrder",
           "ArgumentLink", "Framework", "Level", "Classification", "Memo",
           "Search", "Record", "Protocol", "EmergeTexts", "EntityList", "Time", "RELATION_LEADS_TO", "RELATION_SHAPES",
           "RELATION_IS_PART_OF"]

#: Standard relations of argument links (any other non-empty text is allowed).
RELATION_LEADS_TO = "leads to"
RELATION_SHAPES = "shapes"
RELATION_IS_PART_OF = "is part of"

#: A time given to a setter: an aware datetime, seconds since the epoch, or None.
Time = Union[_dt.datetime, int, None]

_REMOVE_CASCADE = 1
_SAVE_NO_FSYNC = 1


# -- conversions -------------------------------------------------------------

def _time_out(seconds: int) -> Optional[_dt.datetime]:
    if seconds == 0:
        return None
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)


def _time_in(value: Time, what: str) -> int:
    if value is None:
        return 0
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"{what} must be timezone-aware (e.g. tzinfo=timezone.utc)")
        seconds = int(value.timestamp())
    elif isinstance(value, int) and not isinstance(value, bool):
        seconds = value
    else:
        raise TypeError(f"{what} must be a datetime, int seconds or None")
    if not 0 <= seconds <= TIME_MAX:
        raise ValueError(f"{what} must lie between 1970 and the end of 9999")
    return seconds


def _uint(value, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    if not 0 <= value <= GUINT_MAX:
        raise ValueError(f"{what} must lie between 0 and {GUINT_MAX}")
    return value


#: Largest count the model holds (a C gint64).
_COUNT_MAX = 2 ** 63 - 1
#: MTE_COUNT_UNKNOWN: a count that was not recorded.
_COUNT_UNKNOWN = -1


def _count_out(value: int) -> Optional[int]:
    return None if value == _COUNT_UNKNOWN else value


def _count_in(value, what: str) -> int:
    """A count for C: an int from 0, or None for "not recorded"."""
    if value is None:
        return _COUNT_UNKNOWN
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be an int or None, not {type(value).__name__}")
    if not 0 <= value <= _COUNT_MAX:
        raise ValueError(f"{what} must lie between 0 and {_COUNT_MAX}, or be None")
    return value


_EXCLUDED_BOXES = (PrismaCount.DBR_EXCLUDED, PrismaCount.OTHER_EXCLUDED)


def _excluded_box(box) -> PrismaCount:
    box = PrismaCount.coerce(box, "PRISMA count")
    if box not in _EXCLUDED_BOXES:
        raise ValueError(f"{box.text} has no reasons; expected dbr_excluded or other_excluded")
    return box


def _year_in(value) -> int:
    """A publication year for C: 1 to 9999, or None (0, not recorded)."""
    if value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("year must be an int or None")
    if not 1 <= value <= 9999:
        raise ValueError("year must lie between 1 and 9999")
    return value


def _date_in(value) -> Optional[str]:
    """A search date: "YYYY-MM-DD", "YYYY-MM" or "YYYY", a datetime.date, or None."""
    if isinstance(value, _dt.datetime):
        raise TypeError("date must be a str, a datetime.date (not a datetime) or None")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is not None and not isinstance(value, str):
        raise TypeError(f"date must be a str, a datetime.date or None, "
                        f"not {type(value).__name__}")
    return value


def _set_strv(setter, pointer, values: list, what: str) -> None:
    call(setter, pointer, make_strv(values, what) if values else None)


def _listed(values, what: str) -> list:
    """A user's iterable as a list, made before any section is entered: a
    generator that reads the project must not run inside a write section."""
    if isinstance(values, str):
        raise TypeError(f"{what} must be a sequence of str, not a str")
    return list(values)


def _index(i, n: int) -> int:
    if not isinstance(i, int) or isinstance(i, bool):
        raise TypeError(f"indices must be integers, not {type(i).__name__}")
    if i < 0:
        i += n
    if not 0 <= i < n:
        raise IndexError("index out of range")
    return i



def _path(path, what: str = "path") -> bytes:
    """A file name for C: str (undecodable bytes surrogate-escaped, as
    os.fsencode takes them), bytes or os.PathLike, without NUL."""
    try:
        raw = os.fsencode(path)
    except TypeError:
        raise TypeError(f"{what} must be a str, bytes or os.PathLike, "
                        f"not {type(path).__name__}") from None
    if b"\0" in raw:
        raise ValueError(f"{what} contains a NUL character")
    return raw


def _free_c(pointer, file_pointer) -> None:
    # A project opened for changes belongs to its MteProjectFile, whose
    # free also lets go of the file's lock.
    if file_pointer is not None:
        lib.mte_project_file_free(file_pointer)
    else:
        lib.mte_project_free(pointer)


def _close_project(project, pointer, file_pointer=None) -> None:
    # Marked closed first: what runs afterwards raises ClosedError.
    project._ptr = None
    project._generation += 1
    _free_c(pointer, file_pointer)


def _free_project(pointer, project_ref, guard, file_pointer=None) -> None:
    project = project_ref()
    if project is None:
        # Collected: nothing refers to the project any more (handles,
        # results, lists and sessions all hold it), so no code can be using
        # its memory, whichever thread the collector runs in.
        _free_c(pointer, file_pointer)
        return
    # At exit, weakref.finalize frees the projects still alive, while
    # daemon threads may still use them: as a write section, after which
    # they (and __del__ methods) get ClosedError.
    at_exit(guard, _close_project, project, pointer, file_pointer)


# -- the project ---------------------------------------------------------------

class Project:
    """A meta-ethnography project: the whole model of one review.

    ``Project()`` makes an empty project dated now; :meth:`load` and
    :meth:`from_bytes` read a project file. Use it as a context manager, or
    call :meth:`close`, to free the C model at a known point; otherwise it
    is freed when no handle refers to it any more (or at exit).
    """

    def __init__(self, title: Optional[str] = None):
        self._adopt(lib.mte_project_new())
        if title is not None:
            self.title = title

    def _adopt(self, pointer, file_pointer=None) -> None:
        # Serialises every use of the C project (see metaethno._guard).
        self._guard = Guard()
        self._ptr = pointer
        # The MteProjectFile that owns the project, if it was opened for
        # changes (metaethno.ProjectFile); None otherwise.
        self._file_ptr = file_pointer
        # Bumped whenever a C call may have freed entities, so that cached
        # pointers and live results are checked again.
        self._generation = 0
        # Replaced when the session is discarded: old Session objects then
        # know they are stale even if a new session was started since.
        self._session_token = object()
        self._finalizer = weakref.finalize(self, _free_project, pointer,
                                           weakref.ref(self), self._guard, file_pointer)

    @classmethod
    def _from_pointer(cls, pointer) -> "Project":
        project = cls.__new__(cls)
        project._adopt(pointer)
        return project

    # lifetime

    # The guarded methods find the guard through self._project, as those of
    # handles, lists and results do.
    _project = property(lambda self: self)

    def _p(self):
        pointer = self._ptr
        if pointer is None:
            raise ClosedError("the project is closed")
        return pointer

    def _removed_something(self) -> None:
        self._generation += 1

    def _call_freeing(self, function, *args):
        """Call a C function that may free entities (inside a write section);
        then cached pointers are looked up again and results are stale."""
        try:
            result = call(function, *args)
        except MetaethnoError:
            raise  # refused: the library changed nothing
        except BaseException:
            self._removed_something()  # e.g. KeyboardInterrupt after the call
            raise
        self._removed_something()
        return result

    @writes
    def close(self) -> None:
        """Free the C model. Every handle into it then raises ClosedError.

        Closing twice is allowed and does nothing.
        """
        pointer = self._ptr
        if pointer is not None:
            self._ptr = None
            self._generation += 1
            # The finalizer is detached unless exit already took it, in
            # which case exit frees the model once this section is over.
            if self._finalizer.detach() is not None:
                _free_c(pointer, self._file_ptr)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._ptr is None

    @reads1
    def __enter__(self) -> "Project":
        self._p()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __reduce_ex__(self, protocol):
        # A copy would share the C project and read it after it is freed.
        raise TypeError(f"cannot copy or pickle a {type(self).__name__}; "
                        "use Project.from_bytes(project.to_bytes())")

    @reads1
    def __repr__(self) -> str:
        if self._ptr is None:
            return "<metaethno.Project (closed)>"
        return f"<metaethno.Project {self.title!r}: {len(self.studies)} studies>"

    # files

    @classmethod
    def load(cls, path: Union[str, bytes, os.PathLike]) -> "Project":
        """Read a project file (metaethno format 1.x).

        *path* is a str, bytes or path object; names that are not UTF-8
        work as with ``open()`` (bytes, or str with surrogate escapes).
        Raises FormatError (or a subclass: ParseError, SchemaError...) with
        ``file``, ``line`` and ``column`` of the first problem. Nothing is
        half-built: on error no project exists.
        """
        return cls._from_pointer(call(lib.mte_project_load_from_file, _path(path), 0))

    @classmethod
    def from_bytes(cls, data: Union[bytes, bytearray, memoryview, str],
                   name: Union[str, bytes, os.PathLike, None] = None) -> "Project":
        """Read a project from the bytes of a file; *name* (a file name, taken
        as :meth:`load` takes a path) appears in errors."""
        if isinstance(data, str):
            try:
                data = data.encode("utf-8")
            except UnicodeEncodeError as e:
                raise ValueError(f"data is not valid Unicode text: {e.reason}") from None
        elif isinstance(data, (bytearray, memoryview)):
            data = bytes(data)
        elif not isinstance(data, bytes):
            raise TypeError("data must be bytes or str")
        raw_name = None
        if name is not None:
            try:
                raw_name = _path(name, "name")
            except UnicodeEncodeError as e:
                # Only a name for messages: no file is opened, so this is a
                # bad value rather than a path open() could not encode.
                raise ValueError(f"name is not valid Unicode text: {e.reason}") from None
        return cls._from_pointer(call(lib.mte_project_load_from_data, data, len(data),
                                      raw_name, 0))

    @reads1
    def to_bytes(self) -> bytes:
        """The project as the bytes :meth:`save` would write."""
        length = c_size_t()
        pointer = call(lib.mte_project_to_data, self._p(), byref(length), 0)
        try:
            return ctypes.string_at(pointer, length.value)
        finally:
            g_free(ctypes.cast(pointer, ctypes.c_void_p))

    def save(self, path: Union[str, bytes, os.PathLike], *, fsync: bool = True) -> None:
        """Write the project atomically: a failure leaves the old file intact.

        *path* is taken as :meth:`load` takes it. Raises FileError (an
        OSError) when the file cannot be written, NotDurableError when the
        file was written but the disk did not confirm it (do not save the
        same change again), LockedError when this program holds *path*
        open through a :class:`ProjectFile`. To change a file that others
        may change too, use :class:`ProjectFile`.
        """
        raw = _path(path)  # before the section: __fspath__ is the caller's code
        read_call(self, lambda: call(lib.mte_project_save_to_file, self._p(), raw,
                                     0 if fsync else _SAVE_NO_FSYNC))

    def equals(self, other: "Project") -> bool:
        """Whether both projects hold identical models (as after a round trip)."""
        if not isinstance(other, Project):
            raise TypeError("can only compare with another Project")
        return read_call_both(self, other, lambda: bool(
            lib.mte_project_equal(self._p(), other._p())))

    # the review

    title = property(
        reads1(lambda self: dec(lib.mte_project_get_title(self._p()))),
        writes(lambda self, v: call(lib.mte_project_set_title, self._p(),
                                    enc(v, "title", nullable=True))),
        doc="The review's title, or None.")
    question = property(
        reads1(lambda self: dec(lib.mte_project_get_question(self._p()))),
        writes(lambda self, v: call(lib.mte_project_set_question, self._p(),
                                    enc(v, "question", nullable=True))),
        doc="The review question, or None.")
    aim = property(
        reads1(lambda self: dec(lib.mte_project_get_aim(self._p()))),
        writes(lambda self, v: call(lib.mte_project_set_aim, self._p(),
                                    enc(v, "aim", nullable=True))),
        doc="The review's aim, or None.")
    line_of_argument_statement = property(
        reads1(lambda self: dec(lib.mte_project_get_line_of_argument(self._p()))),
        writes(lambda self, v: call(lib.mte_project_set_line_of_argument, self._p(),
                                    enc(v, "statement", nullable=True))),
        doc="The line-of-argument statement in the team's words, or None.")
    created = property(
        reads1(lambda self: _time_out(lib.mte_project_get_created(self._p()))),
        writes(lambda self, v: lib.mte_project_set_created(self._p(), _time_in(v, "created"))),
        doc="When the project was created (aware UTC datetime), or None.")
    modified = property(
        reads1(lambda self: _time_out(lib.mte_project_get_modified(self._p()))),
        writes(lambda self, v: lib.mte_project_set_modified(self._p(), _time_in(v, "modified"))),
        doc="When the project was last changed through the API, or None.")

    # entities

    @reads
    def lookup(self, id: str) -> Optional["Entity"]:
        """The entity with this id, of any kind, or None."""
        return self._wrap_entity(lib.mte_project_lookup(self._p(), enc(id, "id")))

    def __getitem__(self, id: str) -> "Entity":
        entity = self.lookup(id)
        if entity is None:
            raise KeyError(id)
        return entity

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and "\0" not in id and self.lookup(id) is not None

    def generate_id(self, prefix: str) -> str:
        """A fresh id "PREFIX-N" not yet used (prefix follows the id syntax)."""
        if not isinstance(prefix, str) or not ID_PATTERN.fullmatch(prefix):
            raise ValueError(f"{prefix!r} is not a valid id prefix")
        return read_call(self, lambda: take_string(
            lib.mte_project_generate_id(self._p(), prefix.encode())))

    def generate_slug_id(self, text: Optional[str], prefix: str) -> str:
        """A readable id derived from *text* ("Being listened to" gives
        "being-listened-to", "-2" appended when taken); "PREFIX-N" when
        *text* is None or has no letter or digit."""
        if not isinstance(prefix, str) or not ID_PATTERN.fullmatch(prefix):
            raise ValueError(f"{prefix!r} is not a valid id prefix")
        if text is not None and not isinstance(text, str):
            raise TypeError("text must be a str or None")
        data = None if text is None else text.encode()
        return read_call(self, lambda: take_string(
            lib.mte_project_generate_slug_id(self._p(), data, prefix.encode())))

    @reads
    def dependents(self, entity: Union["Entity", str]) -> list[str]:
        """Ids of the entities that refer to *entity* (what removal would touch)."""
        return take_strv(lib.mte_project_dup_dependents(self._p(), self._ref(entity, "id")))

    @writes
    def remove(self, entity: Union["Entity", str], *, cascade: bool = False) -> None:
        """Remove an entity.

        Without *cascade*, raises HasDependentsError (naming them) when
        anything refers to the entity; with it, references are dropped and
        entities that cannot stand without it are removed too.
        """
        self._remove(self._ref(entity, "id"), cascade)

    def _remove(self, ref: bytes, cascade: bool) -> None:
        self._call_freeing(lib.mte_project_remove, self._p(), ref,
                           _REMOVE_CASCADE if cascade else 0)

    def _ref(self, value, what: str, nullable: bool = False):
        """An id for C, from an entity of this project or a str."""
        if isinstance(value, Entity):
            if value._project is not self:
                raise ValueError(f"{what} {value.id!r} belongs to another project")
            return value._idb
        return enc(value, what, nullable=nullable)

    def _wrap(self, cls, pointer):
        if not pointer:
            return None
        return cls(self, cls._get_id(pointer), pointer)

    def _wrap_entity(self, pointer):
        if not pointer:
            return None
        cls = _CLASSES[lib.mte_entity_get_kind(pointer)]
        return cls(self, lib.mte_entity_get_id(pointer),
                   ctypes.cast(pointer, cls._ptype))

    @property
    @reads1
    def members(self) -> "EntityList[Member]":
        """The review team."""
        return EntityList(self, Member, lambda p: lib.mte_project_get_n_members(p._p()),
                          lambda p, i: lib.mte_project_get_member(p._p(), i))

    @property
    @reads1
    def checklists(self) -> "EntityList[Checklist]":
        """Quality-appraisal checklists (e.g. CASP)."""
        return EntityList(self, Checklist, lambda p: lib.mte_project_get_n_checklists(p._p()),
                          lambda p, i: lib.mte_project_get_checklist(p._p(), i))

    @property
    @reads1
    def studies(self) -> "EntityList[Study]":
        """Every study, in the order it was added; excluded studies too
        (they stay in the project as the audit trail, see :meth:`Study.exclude`)."""
        return EntityList(self, Study, lambda p: lib.mte_project_get_n_studies(p._p()),
                          lambda p, i: lib.mte_project_get_study(p._p(), i))

    @property
    @reads1
    def included_studies(self) -> list["Study"]:
        """The studies that are not excluded, in project order."""
        p = self._p()
        return [self._wrap(Study, lib.mte_project_get_study(p, i))
                for i in range(lib.mte_project_get_n_studies(p))
                if not lib.mte_study_is_excluded(lib.mte_project_get_study(p, i))]

    @property
    @reads1
    def n_included_studies(self) -> int:
        """How many studies are not excluded."""
        return lib.mte_project_get_n_included_studies(self._p())

    @property
    @reads1
    def concepts(self) -> "EntityList[Concept]":
        """Key concepts."""
        return EntityList(self, Concept, lambda p: lib.mte_project_get_n_concepts(p._p()),
                          lambda p, i: lib.mte_project_get_concept(p._p(), i))

    @property
    @reads1
    def translations(self) -> "EntityList[Translation]":
        """Reciprocal and refutational translations."""
        return EntityList(self, Translation,
                          lambda p: lib.mte_project_get_n_translations(p._p()),
                          lambda p, i: lib.mte_project_get_translation(p._p(), i))

    @property
    @reads1
    def third_orders(self) -> "EntityList[ThirdOrder]":
        """Third-order constructs: the team's interpretations across studies."""
        return EntityList(self, ThirdOrder,
                          lambda p: lib.mte_project_get_n_third_orders(p._p()),
                          lambda p, i: lib.mte_project_get_third_order(p._p(), i))

    @property
    @reads1
    def argument_links(self) -> "EntityList[ArgumentLink]":
        """Links between third-order constructs: the line of argument."""
        return EntityList(self, ArgumentLink,
                          lambda p: lib.mte_project_get_n_argument_links(p._p()),
                          lambda p, i: lib.mte_project_get_argument_link(p._p(), i))

    @property
    @reads1
    def frameworks(self) -> "EntityList[Framework]":
        """Classification frameworks (e.g. socio-ecological levels)."""
        return EntityList(self, Framework,
                          lambda p: lib.mte_project_get_n_frameworks(p._p()),
                          lambda p, i: lib.mte_project_get_framework(p._p(), i))

    @property
    @reads1
    def memos(self) -> "EntityList[Memo]":
        """Memos: the team's notes, optionally about one entity."""
        return EntityList(self, Memo, lambda p: lib.mte_project_get_n_memos(p._p()),
                          lambda p, i: lib.mte_project_get_memo(p._p(), i))

    @property
    @reads1
    def searches(self) -> "EntityList[Search]":
        """The searches (phase 2), in the order they were added."""
        return EntityList(self, Search, lambda p: lib.mte_project_get_n_searches(p._p()),
                          lambda p, i: lib.mte_project_get_search(p._p(), i))

    @property
    @reads1
    def records(self) -> "EntityList[Record]":
        """The records the searches found, and their screening."""
        return EntityList(self, Record, lambda p: lib.mte_project_get_n_records(p._p()),
                          lambda p, i: lib.mte_project_get_record(p._p(), i))

    # adding

    @writes
    def add_member(self, name: str, role: Optional[str] = None, *,
                   id: Optional[str] = None) -> "Member":
        """Add a team member (id generated when None)."""
        return self._wrap(Member, call(lib.mte_project_add_member, self._p(),
                                       enc(id, "id", nullable=True), enc(name, "name"),
                                       enc(role, "role", nullable=True)))

    @writes
    def add_checklist(self, name: str, *, id: Optional[str] = None) -> "Checklist":
        """Add an empty appraisal checklist; add its questions next."""
        return self._wrap(Checklist, call(lib.mte_project_add_checklist, self._p(),
                                          enc(id, "id", nullable=True), enc(name, "name")))

    def add_study(self, id: Optional[str] = None, *, title: Optional[str] = None,
                  authors: Optional[Iterable[str]] = None,
                  year: Optional[int] = None) -> "Study":
        """Add a study; the optional arguments set its first fields."""
        return self._add_study(id, title, None if authors is None else _listed(authors, "authors"),
                               year)

    @writes
    def _add_study(self, id, title, authors, year) -> "Study":
        study = self._wrap(Study, call(lib.mte_project_add_study, self._p(),
                                       enc(id, "id", nullable=True)))
        try:
            if title is not None:
                _set_study_field(study, StudyField.TITLE, title)
            if authors is not None:
                _set_authors(study, authors)
            if year is not None:
                _set_year(study, year)
        except BaseException:
            self._remove(study._idb, False)
            raise
        return study

    @writes
    def add_concept(self, label: str, *, id: Optional[str] = None,
                    definition: Optional[str] = None) -> "Concept":
        """Add a key concept."""
        concept = self._wrap(Concept, call(lib.mte_project_add_concept, self._p(),
                                           enc(id, "id", nullable=True), enc(label, "label")))
        if definition is not None:
            try:
                call(lib.mte_concept_set_definition, concept._p(),
                     enc(definition, "definition", nullable=True))
            except BaseException:
                self._remove(concept._idb, False)
                raise
        return concept

    @writes
    def add_translation(self, kind: Union[TranslationKind, str],
                        source: Union["Entity", str], target: Union["Entity", str], *,
                        id: Optional[str] = None) -> "Translation":
        """Record a translation between two constructs or concepts.

        Set ``rationale``, ``reviewer`` and the studies on the result.
        """
        kind = TranslationKind.coerce(kind, "translation kind")
        return self._wrap(Translation, call(
            lib.mte_project_add_translation, self._p(), enc(id, "id", nullable=True),
            int(kind), self._ref(source, "source"), self._ref(target, "target")))

    @writes
    def add_third_order(self, label: str, *, id: Optional[str] = None,
                        statement: Optional[str] = None) -> "ThirdOrder":
        """Add a third-order construct (a finding of the synthesis)."""
        finding = self._wrap(ThirdOrder, call(lib.mte_project_add_third_order, self._p(),
                                              enc(id, "id", nullable=True), enc(label, "label")))
        if statement is not None:
            try:
                call(lib.mte_third_order_set_statement, finding._p(),
                     enc(statement, "statement", nullable=True))
            except BaseException:
                self._remove(finding._idb, False)
                raise
        return finding

    @writes
    def add_argument_link(self, source: Union["ThirdOrder", str],
                          target: Union["ThirdOrder", str],
                          relation: str = RELATION_LEADS_TO, *,
                          id: Optional[str] = None) -> "ArgumentLink":
        """Link two third-order constructs ("leads to", "shapes", ...)."""
        return self._wrap(ArgumentLink, call(
            lib.mte_project_add_argument_link, self._p(), enc(id, "id", nullable=True),
            self._ref(source, "source"), self._ref(target, "target"), enc(relation, "relation")))

    @writes
    def add_framework(self, name: str, *, id: Optional[str] = None) -> "Framework":
        """Add an empty framework; add its levels next."""
        return self._wrap(Framework, call(lib.mte_project_add_framework, self._p(),
                                          enc(id, "id", nullable=True), enc(name, "name")))

    @writes
    def add_socio_ecological_framework(self, *, id: Optional[str] = None) -> "Framework":
        """Add the socio-ecological framework with its five levels
        (individual, interpersonal, community, organisational, societal)."""
        return self._wrap(Framework, call(lib.mte_project_add_socio_ecological_framework,
                                          self._p(), enc(id, "id", nullable=True)))

    @writes
    def add_memo(self, text: str, *, subject: Union["Entity", str, None] = None,
                 author: Union["Member", str, None] = None,
                 id: Optional[str] = None) -> "Memo":
        """Add a memo dated now, about *subject* (or the whole project)."""
        return self._wrap(Memo, call(lib.mte_project_add_memo, self._p(),
                                     enc(id, "id", nullable=True),
                                     self._ref(subject, "subject", nullable=True),
                                     self._ref(author, "author", nullable=True), enc(text, "text")))

    def add_search(self, kind: Union[SourceKind, str], source: str, *,
                   id: Optional[str] = None, date: Union[str, _dt.date, None] = None,
                   query: Optional[str] = None, n_records: Optional[int] = None,
                   run_by: Union["Member", str, None] = None,
                   notes: Optional[str] = None) -> "Search":
        """Add a search of *source* (e.g. "MEDLINE (Ovid)"), a *kind* of
        source ("database", "register", "website", "organisation",
        "citation", "other"); the id is derived from *source* when None.
        The optional arguments set the search's properties; when one is
        refused, no search is added."""
        kind = SourceKind.coerce(kind, "source kind")
        n = _count_in(n_records, "n_records")
        return self._add_search(kind, source, id, _date_in(date), query, n,
                                run_by, notes)

    @writes
    def _add_search(self, kind, source, id, date, query, n_records, run_by, notes):
        search = self._wrap(Search, call(lib.mte_project_add_search, self._p(),
                                         enc(id, "id", nullable=True), int(kind),
                                         enc(source, "source")))
        try:
            p = search._p()
            if date is not None:
                call(lib.mte_search_set_date, p, enc(date, "date", nullable=True))
            if query is not None:
                call(lib.mte_search_set_query, p, enc(query, "query", nullable=True))
            if run_by is not None:
                call(lib.mte_search_set_run_by, p, self._ref(run_by, "run_by", nullable=True))
            if notes is not None:
                call(lib.mte_search_set_notes, p, enc(notes, "notes", nullable=True))
            lib.mte_search_set_n_records(p, n_records)
        except BaseException:
            self._remove(search._idb, False)
            raise
        return search

    def add_record(self, id: Optional[str] = None, *,
                   authors: Optional[Iterable[str]] = None, year: Optional[int] = None,
                   keywords: Optional[Iterable[str]] = None,
                   searches: Iterable[Union["Search", str]] = (),
                   **fields: Optional[str]) -> "Record":
        """Add an unscreened record ("record-N" when *id* is None).

        *fields* are its citation's text fields by name (``title``,
        ``source``, ``volume``, ``issue``, ``pages``, ``doi``, ``url``,
        ``abstract``, ``database``, ``notes``); *searches* the searches that
        found it. When anything is refused, no record is added.
        """
        coerced = [(RecordField.coerce(name, "record field"), value)
                   for name, value in fields.items()]
        return self._add_record(
            id, coerced, None if authors is None else _listed(authors, "authors"), year,
            None if keywords is None else _listed(keywords, "keywords"),
            _listed(searches, "searches"))

    @writes
    def _add_record(self, id, fields, authors, year, keywords, searches) -> "Record":
        record = self._wrap(Record, call(lib.mte_project_add_record, self._p(),
                                         enc(id, "id", nullable=True)))
        try:
            p = record._p()
            for field, value in fields:
                call(lib.mte_record_set_field, p, int(field),
                     enc(value, field.text, nullable=True))
            if authors is not None:
                _set_strv(lib.mte_record_set_authors, p, authors, "authors")
            if keywords is not None:
                _set_strv(lib.mte_record_set_keywords, p, keywords, "keywords")
            if year is not None:
                call(lib.mte_record_set_year, p, _year_in(year))
            for search in searches:
                call(lib.mte_record_add_search, p, self._ref(search, "search"))
        except BaseException:
            self._remove(record._idb, False)
            raise
        return record

    # references in and out (metaethno.references)

    def import_references(self, data_or_path: Union[bytes, str, os.PathLike],
                          format: Union["ReferenceFormat", str] = "auto", *,
                          name: Optional[str] = None,
                          search: Union["Search", str, None] = None,
                          as_studies: bool = False, strict: bool = False,
                          dry_run: bool = False) -> "ImportReport":
        """Read references into records, all or nothing.

        *data_or_path* is the content (bytes) or a file (str or path
        object); *format* is "ris", "bibtex", "csl-json", "endnote-xml",
        "nbib" or "auto" (sniffed from the content). *name* names bytes in
        messages. Every record made lists *search* (a Search or its id).
        With *as_studies*, each new reference that is not a duplicate also
        becomes an included study; with *strict*, a reference that cannot
        be read refuses the whole import; with *dry_run*, nothing changes
        and the report says what would happen. Duplicates (same DOI, else
        same title, year and first author) are marked, never dropped.

        Returns an :class:`~metaethno.ImportReport`. Raises FormatError
        (with ``file``, ``line``, ``column``) for input not in the format,
        NotFoundError or WrongKindError for *search*, FileError for a file
        that cannot be read; then the project is unchanged.
        """
        from .references import import_references
        return import_references(self, data_or_path, format, name=name, search=search,
                                 as_studies=as_studies, strict=strict, dry_run=dry_run)

    def import_sheet(self, data_or_path: Union[bytes, str, os.PathLike],
                     kind: Union["SheetKind", str] = "auto", *,
                     map: Optional[dict] = None, name: Optional[str] = None,
                     strict: bool = False, dry_run: bool = False) -> "ImportReport":
        """Read a data-extraction sheet (CSV), all or nothing.

        *kind* is "studies" (one row per study: study, authors, year,
        sample-size and the study fields; other columns become study
        attributes), "constructs" (one row per quote or interpretation:
        study, order, id, text, speaker, page, section, label, grounding)
        or "auto" (from the header). Headers match field names ignoring
        case, spaces, "-" and "_"; *map* maps other headers to fields
        (``{"Quote text": "text", "Coder": "-"}``; "-" leaves a column
        out). With *strict*, a column a constructs sheet cannot carry
        refuses the sheet; with *dry_run*, nothing changes.

        Returns an :class:`~metaethno.ImportReport` (``sheet``,
        ``n_studies``, ``n_updated``, ``n_constructs``, ``problems``).
        Raises FormatError whose message starts "NAME:ROW:COLUMN:" for a
        cell the model cannot take (the project is then unchanged),
        InvalidValueError for a malformed *map*, FileError for a file that
        cannot be read. See docs/references.md.
        """
        from .references import import_sheet
        return import_sheet(self, data_or_path, kind, map=map, name=name,
                            strict=strict, dry_run=dry_run)

    def export_references(self, format: Union["ReferenceFormat", str]) -> str:
        """The included studies' references (not the excluded ones), in
        project order, as "ris", "bibtex" or "csl-json" text; keys and ids
        are the study ids. Importing it with ``as_studies=True`` gives
        studies with the same citations. InvalidValueError for another
        format."""
        from .references import export_references
        return export_references(self, format)

    # REFI-QDA

    def import_refi(self, data_or_path: Union[bytes, str, os.PathLike],
                    format: Union["RefiFormat", str] = "auto", *,
                    name: Optional[str] = None,
                    first_order: Optional[str] = None,
                    second_order: Optional[str] = None,
                    concepts: Optional[str] = None,
                    third_order: Optional[str] = None,
                    study: Optional[str] = None,
                    match_existing: bool = False,
                    mapping_file: Union[str, os.PathLike, None] = None,
                    strict: bool = False, dry_run: bool = False) -> "RefiReport":
        """Bring a REFI-QDA project (.qdpx, .qde) or codebook (.qdc) from
        NVivo, ATLAS.ti, MAXQDA or QualCoder into the review, all or
        nothing.

        The mapping names codes (by name, or by path such as
        "Findings/Quotes"): selections coded under *first_order* become
        quotes, under *second_order* second-order constructs; the codes
        under *concepts* become key concepts (a second-order selection
        coded with one expresses it), those under *third_order*
        third-order constructs. Left out, they are the metaethno
        convention's codes ("First-order constructs", ...), or read from
        *mapping_file*. *study* is "source" (default) or "case";
        *match_existing* adds to studies with the same DOI or title.
        With *strict*, anything that would not be carried refuses the
        import; with *dry_run*, nothing changes. See docs/refi.md.

        Returns a :class:`~metaethno.RefiReport`. Raises FormatError for a
        file it cannot read (hostile archives included), NotFoundError
        when a mapped code is not in the codebook or nothing is mapped
        (see :func:`metaethno.describe_refi`); the project is then
        unchanged.
        """
        from .refi import import_refi
        return import_refi(self, data_or_path, format, name=name,
                           first_order=first_order, second_order=second_order,
                           concepts=concepts, third_order=third_order, study=study,
                           match_existing=match_existing, mapping_file=mapping_file,
                           strict=strict, dry_run=dry_run)

    def export_refi(self, format: Union["RefiFormat", str] = "qdpx") -> tuple:
        """The review as REFI-QDA: ("qdpx") a project archive, or ("qdc")
        a codebook of its key concepts and third-order constructs, under
        the metaethno convention of docs/refi.md. Returns ``(data,
        report)``: the file's bytes (the same project gives the same
        bytes) and a :class:`~metaethno.RefiReport` of what REFI-QDA
        cannot hold."""
        from .refi import export_refi
        return export_refi(self, format)

    def write_refi(self, path: Union[str, bytes, os.PathLike],
                   format: Union["RefiFormat", str, None] = None) -> "RefiReport":
        """Write :meth:`export_refi`'s file to *path*, replaced atomically;
        without *format*, .qdpx or .qdc in *path* chooses. Returns the
        :class:`~metaethno.RefiReport`."""
        from .refi import write_refi
        return write_refi(self, path, format)

    # the review report

    def render_report(self, format: Union["ReportFormat", str] = "html") -> str:
        """The review report in eMERGe order as one string: "html" (one
        self-contained file) or "markdown"/"md" (whose figures it names
        "report-NAME.svg" but does not write: use :meth:`write_report`).
        See docs/report.md. InvalidValueError for another format."""
        format = _report_format(format)
        return read_call(self, lambda: take_string(
            call(lib.mte_project_render_report, self._p(), int(format))))

    def write_report(self, path: Union[str, bytes, os.PathLike],
                     format: Union["ReportFormat", str, None] = None) -> None:
        """Write the review report to *path*, replaced atomically: "html",
        "docx" or "markdown" (its figures written beside it as
        STEM-NAME.svg). Without *format*, the suffix of *path* chooses
        (.html, .htm, .docx, .md, .markdown). InvalidValueError for an
        unknown format, FileError when a file cannot be written."""
        raw = _path(path)
        if format is None:
            suffix = os.path.splitext(os.fsdecode(raw))[1].lower()
            names = {".html": "html", ".htm": "html", ".docx": "docx",
                     ".md": "markdown", ".markdown": "markdown"}
            if suffix not in names:
                raise ValueError("cannot tell the report format from %r: give format="
                                 % os.fsdecode(raw))
            format = names[suffix]
        format = _report_format(format)
        read_call(self, lambda: call(lib.mte_project_write_report, self._p(), raw, int(format)))

    # the protocol, the counts entered by hand, PRISMA

    @property
    @reads1
    def protocol(self) -> "Protocol":
        """The review protocol as a live mapping from field name
        ("rationale", "inclusion", "exclusion", "search-strategy",
        "registration") to text; assigning None or "" clears a field."""
        self._p()
        return Protocol(self)

    @property
    @reads1
    def emerge(self) -> "EmergeTexts":
        """The team's own text per eMERGe reporting item, as a live mapping
        from item key ("why-meta-ethnography", ...) to text; assigning None
        or "" clears an item."""
        self._p()
        return EmergeTexts(self)

    def conqual(self, finding: Union["ThirdOrder", str]) -> "Conqual":
        """The ConQual rating (Munn et al. 2014) of a finding, computed now
        from the JBI appraisals of its studies and the credibility of its
        constructs. NotFoundError when the project has no "jbi" checklist."""
        from .analysis import Conqual
        return Conqual(self, finding)

    @reads
    def get_stage_count(self, box: Union[PrismaCount, str]) -> Optional[int]:
        """The count entered by hand for a PRISMA box, or None."""
        box = PrismaCount.coerce(box, "PRISMA count")
        return _count_out(lib.mte_project_get_stage_count(self._p(), int(box)))

    def set_stage_count(self, box: Union[PrismaCount, str], value: Optional[int]) -> None:
        """Enter a PRISMA box's count by hand (None removes it), for reviews
        that did not keep every record. The two "excluded" boxes take
        their reasons instead: see :meth:`set_exclusion_count`."""
        box = PrismaCount.coerce(box, "PRISMA count")
        if box in _EXCLUDED_BOXES:
            raise ValueError(f"{box.text} is counted per reason: use set_exclusion_count()")
        self._set_stage_count(box, _count_in(value, "value"))

    @writes
    def _set_stage_count(self, box, value) -> None:
        lib.mte_project_set_stage_count(self._p(), int(box), value)

    @property
    @reads1
    def stage_counts(self) -> dict[str, int]:
        """Every count entered by hand, by PRISMA box name, in box order
        (the two "excluded" boxes as the total of their reasons)."""
        p = self._p()
        out = {}
        for box in PrismaCount:
            if box in _EXCLUDED_BOXES:
                n = lib.mte_project_get_n_exclusion_counts(p, int(box))
                if n:
                    out[box.text] = sum(lib.mte_project_get_exclusion_count(p, int(box), i, None)
                                        for i in range(n))
                continue
            value = lib.mte_project_get_stage_count(p, int(box))
            if value != _COUNT_UNKNOWN:
                out[box.text] = value
        return out

    @reads
    def exclusion_counts(self, box: Union[PrismaCount, str] = PrismaCount.DBR_EXCLUDED
                         ) -> dict[str, int]:
        """The reasons entered by hand for an "excluded" box
        ("dbr_excluded" or "other_excluded") and their counts, in order."""
        box = _excluded_box(box)
        p = self._p()
        out = {}
        for i in range(lib.mte_project_get_n_exclusion_counts(p, int(box))):
            reason = c_char_p()
            n = lib.mte_project_get_exclusion_count(p, int(box), i, byref(reason))
            out[dec(reason.value)] = n
        return out

    def set_exclusion_count(self, reason: str, value: Optional[int], *,
                            box: Union[PrismaCount, str] = PrismaCount.DBR_EXCLUDED) -> None:
        """Enter how many reports were excluded at full text for *reason*
        (None removes the reason), in *box* ("dbr_excluded", the default,
        or "other_excluded")."""
        box = _excluded_box(box)
        value = _count_in(value, "value")
        self._set_exclusion_count(box, reason, value)

    @writes
    def _set_exclusion_count(self, box, reason, value) -> None:
        call(lib.mte_project_set_exclusion_count, self._p(), int(box),
             enc(reason, "reason"), value)

    def prisma(self) -> "Prisma":
        """The PRISMA 2020 flow counts, computed from the project now."""
        from .analysis import Prisma
        return Prisma(self)

    @property
    @reads1
    def load_warnings(self) -> list[str]:
        """What the load that made this project found and the next save will
        not keep (XML comments, processing instructions), one line each,
        "NAME:LINE:COLUMN: ..."; empty for a new project or a lossless load."""
        p = self._p()
        return [dec(lib.mte_project_get_load_warning(p, i))
                for i in range(lib.mte_project_get_n_load_warnings(p))]

    # tables

    def to_records(self, table: str) -> list[dict]:
        """One of the project's tables as a list of dicts: "studies",
        "appraisals", "cerqual", "searches", "records" or "prisma"
        (see :mod:`metaethno.frames`)."""
        from . import frames
        return frames.to_records(self, table)

    def to_dataframe(self, table: str):
        """:meth:`to_records` as a pandas DataFrame, with nullable integer
        columns as "Int64" and times as UTC datetimes (ImportError without
        pandas)."""
        from . import frames
        return frames.to_dataframe(self, table)

    # the translation session and the analyses

    @property
    @reads1
    def session(self) -> Optional["Session"]:
        """The translation session under way, or None."""
        from .session import Session
        return Session._current(self)

    @writes
    def start_session(self, order: Union[StudyOrder, str] = StudyOrder.INDEX) -> "Session":
        """Start a translation session (ModelError if one is under way)."""
        from .session import Session
        return Session._start(self, StudyOrder.coerce(order, "study order"))

    @writes
    def discard_session(self) -> None:
        """Drop the session record; what its decisions made stays."""
        p = self._p()
        try:
            lib.mte_project_discard_session(p)
        finally:
            self._session_token = object()
            self._removed_something()

    @reads
    def study_order(self, order: Union[StudyOrder, str] = StudyOrder.PROJECT) -> list["Study"]:
        """Every study, in *order*."""
        order = StudyOrder.coerce(order, "study order")
        n = ctypes.c_uint()
        array = lib.mte_project_dup_study_order(self._p(), int(order), byref(n))
        try:
            return [self._wrap(Study, array[i]) for i in range(n.value)]
        finally:
            g_free(ctypes.cast(array, ctypes.c_void_p))

    @reads1
    def suggest_index_study(self) -> Optional["Study"]:
        """The most conceptually rich study, by the documented rule; None if none."""
        return self._wrap(Study, lib.mte_project_suggest_index_study(self._p()))

    @reads
    def index_studies(self, order: Union[StudyOrder, str] = StudyOrder.INDEX):
        """The index studies *order* starts from, and who chose them.

        Returns ``(studies, source)``: the studies (empty for an order other
        than index) and an :class:`IndexStudySource` (TEAM when marked, RULE
        when :meth:`suggest_index_study` picked the study, NONE otherwise).
        """
        from .enums import IndexStudySource
        order = StudyOrder.coerce(order, "study order")
        n = ctypes.c_uint()
        source = ctypes.c_int()
        array = lib.mte_project_dup_index_studies(self._p(), int(order), byref(n), byref(source))
        try:
            studies = [self._wrap(Study, array[i]) for i in range(n.value)]
        finally:
            g_free(ctypes.cast(array, ctypes.c_void_p))
        return studies, IndexStudySource(source.value)

    @reads
    def describe_order(self, order: Union[StudyOrder, str] = StudyOrder.INDEX) -> str:
        """One line saying the order, its index study, who chose it, and the ties."""
        order = StudyOrder.coerce(order, "study order")
        return take_string(lib.mte_study_order_describe(self._p(), int(order)))

    def grid(self, order: Union[StudyOrder, str] = StudyOrder.INDEX) -> "Grid":
        """The concept × study grid (phase 4)."""
        from .analysis import Grid
        return Grid(self, order)

    def relatedness(self, order: Union[StudyOrder, str] = StudyOrder.INDEX,
                    threshold: float = 0.25) -> "Relatedness":
        """Shared concepts between studies, and clusters of related studies."""
        from .analysis import Relatedness
        return Relatedness(self, order, threshold)

    def translation_table(self, order: Union[StudyOrder, str] = StudyOrder.INDEX
                          ) -> "TranslationTable":
        """The translation table and the saturation curve (phase 5)."""
        from .analysis import TranslationTable
        return TranslationTable(self, order)

    def check(self, min_studies: int = 2) -> "CheckReport":
        """Run every check a careful reviewer wants flagged."""
        from .analysis import CheckReport
        return CheckReport(self, min_studies)

    def line_of_argument(self, min_studies: int = 2) -> "LineOfArgument":
        """The line-of-argument synthesis (phase 6)."""
        from .analysis import LineOfArgument
        return LineOfArgument(self, min_studies)

    def suggestions(self, threshold: float = 0.3) -> "Suggestions":
        """Candidate groupings of concepts into third-order constructs."""
        from .analysis import Suggestions
        return Suggestions(self, threshold)


# -- lists ---------------------------------------------------------------------

class EntityList(Sequence):
    """A live, read-only list of entities (studies, a study's constructs, ...).

    Supports ``len()``, iteration, indexing (negative too), slicing, ``in``
    and lookup by id: ``project.studies["ridge2023"]``. As with a dict,
    adding or removing entities while iterating over the list raises
    RuntimeError; iterate over ``list(...)`` of it to change the project.
    """

    __slots__ = ("_owner", "_cls", "_count", "_get", "_project")

    def __init__(self, owner, cls, count: Callable, get: Callable):
        # Made inside a section of the owner's project.
        owner._p()  # a closed project or removed entity fails here, not later
        self._owner = owner
        self._cls = cls
        self._count = count
        self._get = get
        self._project = owner._project

    @reads1
    def __len__(self) -> int:
        return self._count(self._owner)

    @reads
    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        if isinstance(key, str):
            owner = self._owner
            if isinstance(owner, Project) and self._cls is not Entity:
                # A project-wide list: the id table answers directly.
                found = self._cls._lookup(owner._p(), enc(key, "id"))
                if not found:
                    raise KeyError(key)
                return owner._wrap(self._cls, found)
            for item in self:
                if item.id == key:
                    return item
            raise KeyError(key)
        i = _index(key, len(self))
        pointer = self._get(self._owner, i)
        if self._cls is Entity:
            return self._project._wrap_entity(pointer)
        return self._project._wrap(self._cls, pointer)

    def __iter__(self) -> Iterator:
        # Not a section: the lock is never held across a yield. Each step
        # checks the length and takes the item in one section.
        n = len(self)
        for i in range(n):
            yield self._next(i, n)

    @reads
    def _next(self, i: int, n: int):
        if self._count(self._owner) != n:
            raise RuntimeError("the list changed during iteration")
        return self[i]

    @reads
    def __contains__(self, item) -> bool:
        if isinstance(item, Entity):
            if item._project is not self._project or not isinstance(item, self._cls):
                return False
            item = item.id
        if not isinstance(item, str):
            return False
        try:
            self[item]
        except (KeyError, ValueError):
            return False
        return True

    @reads1
    def __repr__(self) -> str:
        return f"[{', '.join(repr(e) for e in self)}]"

    def __eq__(self, other) -> bool:
        if isinstance(other, (EntityList, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None


# -- entities ------------------------------------------------------------------

class Entity:
    """Base of every entity: something with an id in a project."""

    __slots__ = ("_project", "_id", "_idb", "_ptr", "_gen", "__weakref__")
    _kind: EntityKind
    _ptype: Any

    def __init__(self, project: Project, id: bytes, pointer=None):
        # Created by the project; not meant to be called by users.
        self._project = project
        self._idb = id
        self._id = id.decode("utf-8")
        self._ptr = pointer
        self._gen = project._generation

    def _p(self):
        project = self._project
        if project._ptr is None:
            raise ClosedError(f"the project of {self._kind.text} {self._id!r} is closed")
        if self._ptr is None or self._gen != project._generation:
            pointer = self._lookup(project._ptr, self._idb)
            if not pointer:
                self._ptr = None
                raise RemovedError(f"{self._kind.text} {self._id!r} is no longer in the project")
            self._ptr = pointer
            self._gen = project._generation
        return self._ptr

    @property
    def id(self) -> str:
        """The entity's id, unique across every kind in its project."""
        return self._id

    @property
    def entity_kind(self) -> EntityKind:
        """The kind of entity (Study, Concept...), as the C API names it."""
        return self._kind

    @property
    def project(self) -> Project:
        """The project the entity belongs to."""
        return self._project

    @property
    @reads1
    def exists(self) -> bool:
        """Whether the entity is still in an open project."""
        try:
            self._p()
            return True
        except (ClosedError, RemovedError):
            return False

    @writes
    def remove(self, *, cascade: bool = False) -> None:
        """Remove this entity from its project (see :meth:`Project.remove`)."""
        self._p()
        self._project._remove(self._idb, cascade)

    @reads
    def dependents(self) -> list[str]:
        """Ids of the entities that refer to this one."""
        self._p()
        return self._project.dependents(self._id)

    @property
    @reads1
    def memos(self) -> list["Memo"]:
        """Memos written about this entity."""
        self._p()
        return [m for m in self._project.memos if m.subject == self]

    def __eq__(self, other) -> bool:
        if not isinstance(other, Entity):
            return NotImplemented
        return self._project is other._project and self._id == other._id

    def __hash__(self) -> int:
        return hash((id(self._project), self._id))

    @reads1
    def __repr__(self) -> str:
        name = type(self).__name__
        try:
            self._p()
        except ClosedError:
            return f"<{name} {self._id!r} (closed)>"
        except RemovedError:
            return f"<{name} {self._id!r} (removed)>"
        return f"<{name} {self._id!r}{self._describe()}>"

    def _describe(self) -> str:
        return ""


def _text(getter, setter=None, *, nullable=True, doc=""):
    """A property over a C getter and an optional GError-reporting setter."""
    what = doc.split(":")[0] or "value"

    def fget(self):
        # reads1, written out: the commonest read, one call frame less.
        guard = self._project._guard
        with guard.lock:
            if guard.writing:
                raise _refuse_read()
            value = getter(self._p())
        return None if value is None else value.decode("utf-8")
    if setter is None:
        return property(fget, doc=doc)

    @writes
    def fset(self, value):
        call(setter, self._p(), enc(value, what, nullable=nullable))
    return property(fget, fset, doc=doc)


class Member(Entity):
    """A member of the review team (reviewers of translations, memo authors)."""
    __slots__ = ()
    _kind = EntityKind.MEMBER
    _ptype = _decl.Member
    _lookup = staticmethod(lib.mte_project_lookup_member)
    _get_id = staticmethod(lib.mte_member_get_id)

    name = _text(lib.mte_member_get_name, lib.mte_member_set_name, nullable=False,
                 doc="name: the member's name.")
    role = _text(lib.mte_member_get_role, lib.mte_member_set_role,
                 doc="role: their role in the review, or None.")

    def _describe(self):
        return f" {self.name!r}"


class Question(NamedTuple):
    """A question of an appraisal checklist."""
    key: str
    text: str
    answers: list[str]


class Checklist(Entity):
    """A quality-appraisal checklist such as CASP: keyed questions and answers."""
    __slots__ = ()
    _kind = EntityKind.CHECKLIST
    _ptype = _decl.Checklist
    _lookup = staticmethod(lib.mte_project_lookup_checklist)
    _get_id = staticmethod(lib.mte_checklist_get_id)

    name = _text(lib.mte_checklist_get_name, lib.mte_checklist_set_name, nullable=False,
                 doc="name: the checklist's name.")

    @property
    @reads1
    def questions(self) -> list[Question]:
        """The questions, in order."""
        p = self._p()
        return [Question(dec(lib.mte_checklist_get_question_key(p, i)),
                         dec(lib.mte_checklist_get_question_text(p, i)),
                         read_strv(lib.mte_checklist_get_question_answers(p, i)))
                for i in range(lib.mte_checklist_get_n_questions(p))]

    def add_question(self, key: str, text: str, answers: Iterable[str] = ()) -> None:
        """Append a question; no *answers* makes it a free-text question."""
        self._add_question(key, text, _listed(answers, "answers"))

    @writes
    def _add_question(self, key, text, answers) -> None:
        call(lib.mte_checklist_add_question, self._p(), enc(key, "key"), enc(text, "text"),
             make_strv(answers, "answers") if answers else None)

    @writes
    def remove_question(self, key: str, *, cascade: bool = False) -> None:
        """Remove a question; with *cascade*, also studies' answers to it."""
        p = self._p()
        self._project._call_freeing(lib.mte_checklist_remove_question, p, enc(key, "key"),
                                    _REMOVE_CASCADE if cascade else 0)

    @reads
    def question_index(self, key: str) -> Optional[int]:
        """The position of the question with this key, or None."""
        i = lib.mte_checklist_find_question(self._p(), enc(key, "key"))
        return None if i < 0 else i


class Appraisal(NamedTuple):
    """One answer of a study's quality appraisal."""
    checklist: Checklist
    question: str
    answer: Optional[str]
    note: Optional[str]


def _set_study_field(study, field: StudyField, value) -> None:
    call(lib.mte_study_set_field, study._p(), int(field),
         enc(value, field.text, nullable=True))


def _set_authors(study, values: list) -> None:
    call(lib.mte_study_set_authors, study._p(),
         make_strv(values, "authors") if values else None)


def _set_year(study, value) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError("year must be an int or None")
    if value is not None and not 1 <= value <= 9999:
        raise ValueError("year must lie between 1 and 9999")
    call(lib.mte_study_set_year, study._p(), value or 0)


def _field(field: StudyField):
    number = int(field)

    def fget(self):
        # reads1, written out, as in _text.
        guard = self._project._guard
        with guard.lock:
            if guard.writing:
                raise _refuse_read()
            value = lib.mte_study_get_field(self._p(), number)
        return None if value is None else value.decode("utf-8")

    @writes
    def fset(self, value):
        _set_study_field(self, field, value)
    return property(fget, fset, doc=f"The study's {field.text}, or None "
                                    "(setting None or \"\" clears it).")


class Study(Entity):
    """An included study: citation, context, appraisal and its constructs."""
    __slots__ = ()
    _kind = EntityKind.STUDY
    _ptype = _decl.Study
    _lookup = staticmethod(lib.mte_project_lookup_study)
    _get_id = staticmethod(lib.mte_study_get_id)

    title = _field(StudyField.TITLE)
    source = _field(StudyField.SOURCE)
    volume = _field(StudyField.VOLUME)
    issue = _field(StudyField.ISSUE)
    pages = _field(StudyField.PAGES)
    doi = _field(StudyField.DOI)
    url = _field(StudyField.URL)
    country = _field(StudyField.COUNTRY)
    setting = _field(StudyField.SETTING)
    participants = _field(StudyField.PARTICIPANTS)
    condition = _field(StudyField.CONDITION)
    data_collection = _field(StudyField.DATA_COLLECTION)
    analysis = _field(StudyField.ANALYSIS)
    notes = _field(StudyField.NOTES)

    @reads
    def get_field(self, field: Union[StudyField, str]) -> Optional[str]:
        """A text field by enum or name ("data-collection")."""
        field = StudyField.coerce(field, "study field")
        return dec(lib.mte_study_get_field(self._p(), int(field)))

    @writes
    def set_field(self, field: Union[StudyField, str], value: Optional[str]) -> None:
        """Set a text field by enum or name; None or "" clears it."""
        _set_study_field(self, StudyField.coerce(field, "study field"), value)

    @property
    @reads1
    def fields(self) -> dict[str, str]:
        """Every recorded text field, by its name in the file format."""
        p = self._p()
        out = {}
        for field in StudyField:
            value = lib.mte_study_get_field(p, int(field))
            if value is not None:
                out[field.text] = dec(value)
        return out

    @property
    @reads1
    def authors(self) -> list[str]:
        """The authors, in order (assign a list to replace them)."""
        # The array is the study's own: copied out inside the section.
        return read_strv(lib.mte_study_get_authors(self._p()))

    @authors.setter
    def authors(self, value: Iterable[str]) -> None:
        self._write_authors(_listed(value, "authors"))

    @writes
    def _write_authors(self, values: list) -> None:
        _set_authors(self, values)

    @property
    @reads1
    def year(self) -> Optional[int]:
        """Publication year (1–9999), or None."""
        year = lib.mte_study_get_year(self._p())
        return year or None

    @year.setter
    @writes
    def year(self, value: Optional[int]) -> None:
        _set_year(self, value)

    @property
    @reads1
    def sample_size(self) -> Optional[int]:
        """Number of participants, or None."""
        return lib.mte_study_get_sample_size(self._p()) or None

    @sample_size.setter
    @writes
    def sample_size(self, value: Optional[int]) -> None:
        lib.mte_study_set_sample_size(self._p(), 0 if value is None else _uint(value, "sample_size"))

    @property
    @reads1
    def index_study(self) -> bool:
        """Whether the team chose this study as the index study."""
        return bool(lib.mte_study_get_index_study(self._p()))

    @index_study.setter
    @writes
    def index_study(self, value: bool) -> None:
        lib.mte_study_set_index_study(self._p(), 1 if value else 0)

    @property
    @reads1
    def translation_position(self) -> Optional[int]:
        """1-based position in the team's custom translation order, or None."""
        return lib.mte_study_get_translation_position(self._p()) or None

    @translation_position.setter
    @writes
    def translation_position(self, value: Optional[int]) -> None:
        lib.mte_study_set_translation_position(
            self._p(), 0 if value is None else _uint(value, "translation_position"))

    @property
    @reads1
    def attributes(self) -> dict[str, str]:
        """Free key/value context (e.g. "ethnicity of sample"), in order."""
        p = self._p()
        return {dec(lib.mte_study_get_attribute_key(p, i)):
                dec(lib.mte_study_get_attribute_value(p, i))
                for i in range(lib.mte_study_get_n_attributes(p))}

    @reads
    def get_attribute(self, key: str) -> Optional[str]:
        """The value of one attribute, or None."""
        return dec(lib.mte_study_get_attribute(self._p(), enc(key, "key")))

    @writes
    def set_attribute(self, key: str, value: Optional[str]) -> None:
        """Set an attribute; None removes it."""
        call(lib.mte_study_set_attribute, self._p(), enc(key, "key"),
             enc(value, "value", nullable=True))

    @writes
    def set_appraisal(self, checklist: Union[Checklist, str], question: str,
                      answer: Optional[str], note: Optional[str] = None) -> None:
        """Record the answer (one of the question's answers) and a note."""
        call(lib.mte_study_set_appraisal, self._p(), self._project._ref(checklist, "checklist"),
             enc(question, "question"), enc(answer, "answer", nullable=True),
             enc(note, "note", nullable=True))

    @reads
    def get_appraisal(self, checklist: Union[Checklist, str],
                      question: str) -> Optional[tuple[Optional[str], Optional[str]]]:
        """``(answer, note)`` for one question, or None when unanswered."""
        answer, note = c_char_p(), c_char_p()
        if not lib.mte_study_get_appraisal(self._p(), self._project._ref(checklist, "checklist"),
                                           enc(question, "question"), byref(answer), byref(note)):
            return None
        return dec(answer.value), dec(note.value)

    @property
    @reads1
    def appraisals(self) -> list[Appraisal]:
        """Every appraisal answer recorded for the study."""
        p = self._p()
        out = []
        for i in range(lib.mte_study_get_n_appraisals(p)):
            checklist = _decl.Checklist()
            key, answer, note = c_char_p(), c_char_p(), c_char_p()
            lib.mte_study_get_appraisal_at(p, i, byref(checklist), byref(key),
                                           byref(answer), byref(note))
            out.append(Appraisal(self._project._wrap(Checklist, checklist), dec(key.value),
                                 dec(answer.value), dec(note.value)))
        return out

    @property
    @reads1
    def constructs(self) -> EntityList["Construct"]:
        """First- and second-order constructs, in the order they were added."""
        return EntityList(self, Construct, lambda s: lib.mte_study_get_n_constructs(s._p()),
                          lambda s, i: lib.mte_study_get_construct(s._p(), i))

    @writes
    def add_construct(self, order: Union[ConstructOrder, str], text: str, *,
                      id: Optional[str] = None) -> "Construct":
        """Add a construct of either order."""
        return self._add_construct(order, text, id)

    def _add_construct(self, order, text, id) -> "Construct":
        order = ConstructOrder.coerce(order, "construct order")
        return self._project._wrap(Construct, call(
            lib.mte_study_add_construct, self._p(), enc(id, "id", nullable=True),
            int(order), enc(text, "text")))

    @writes
    def add_quote(self, text: str, *, speaker: Optional[str] = None,
                  page: Optional[str] = None, id: Optional[str] = None) -> "Construct":
        """Add a first-order construct: a participant's words."""
        quote = self._add_construct(ConstructOrder.FIRST_ORDER, text, id)
        try:
            if speaker is not None:
                call(lib.mte_construct_set_speaker, quote._p(),
                     enc(speaker, "speaker", nullable=True))
            if page is not None:
                call(lib.mte_construct_set_page, quote._p(), enc(page, "page", nullable=True))
        except BaseException:
            self._project._remove(quote._idb, False)
            raise
        return quote

    def add_interpretation(self, text: str, *, label: Optional[str] = None,
                           grounded_in: Iterable[Union["Construct", str]] = (),
                           id: Optional[str] = None) -> "Construct":
        """Add a second-order construct grounded in first-order ones."""
        return self._add_interpretation(text, label, list(grounded_in), id)

    @writes
    def _add_interpretation(self, text, label, grounded_in, id) -> "Construct":
        construct = self._add_construct(ConstructOrder.SECOND_ORDER, text, id)
        try:
            if label is not None:
                call(lib.mte_construct_set_label, construct._p(),
                     enc(label, "label", nullable=True))
            for quote in grounded_in:
                construct._add_grounding(quote)
        except BaseException:
            self._project._remove(construct._idb, True)
            raise
        return construct

    # inclusion

    @writes
    def exclude(self, stage: Union[ExclusionStage, str], reason: str,
                reviewer: Union["Member", str, None] = None, when: Time = None) -> None:
        """Exclude the study at *stage* ("full-text", "appraisal",
        "synthesis") for *reason*, replacing an earlier exclusion.

        The study, its constructs and appraisal stay in the project and its
        file (the audit trail), but it leaves every analysis: grid,
        relatedness, study orders and the session, the translation table,
        saturation, support, coverage and suggestions. A missing or empty
        *reason* raises InvalidValueError.
        """
        stage = ExclusionStage.coerce(stage, "exclusion stage")
        if stage == ExclusionStage.NONE:
            raise ValueError("stage 'none' is no exclusion: use include()")
        call(lib.mte_study_exclude, self._p(), int(stage),
             enc(reason, "reason", nullable=True),
             self._project._ref(reviewer, "reviewer", nullable=True), _time_in(when, "when"))

    @writes
    def include(self) -> None:
        """Include the study again, forgetting its exclusion."""
        lib.mte_study_include(self._p())

    @property
    @reads1
    def excluded(self) -> bool:
        """Whether the study was excluded (see :meth:`exclude`)."""
        return bool(lib.mte_study_is_excluded(self._p()))

    @property
    @reads1
    def exclusion_stage(self) -> ExclusionStage:
        """When the study was excluded; ``ExclusionStage.NONE`` (false) while included."""
        return ExclusionStage(lib.mte_study_get_exclusion_stage(self._p()))

    @property
    @reads1
    def exclusion_reason(self) -> Optional[str]:
        """Why the study was excluded; None while included."""
        return dec(lib.mte_study_get_exclusion_reason(self._p()))

    @property
    @reads1
    def exclusion_reviewer(self) -> Optional["Member"]:
        """Who excluded the study, or None."""
        return self._project._wrap(Member, lib.mte_study_get_exclusion_reviewer(self._p()))

    @property
    @reads1
    def exclusion_time(self) -> Optional[_dt.datetime]:
        """When the study was excluded, or None (not recorded, or included)."""
        return _time_out(lib.mte_study_get_exclusion_time(self._p()))

    @property
    @reads1
    def reports(self) -> list["Record"]:
        """The included records that report this study."""
        self._p()
        return [r for r in self._project.records if r.study == self]

    def _describe(self):
        year = self.year
        excluded = " excluded" if self.excluded else ""
        return (f" ({year})" if year else "") + excluded


class Construct(Entity):
    """A first-order construct (participants' words) or second-order one
    (the authors' interpretation), in one study."""
    __slots__ = ()
    _kind = EntityKind.CONSTRUCT
    _ptype = _decl.Construct
    _lookup = staticmethod(lib.mte_project_lookup_construct)
    _get_id = staticmethod(lib.mte_construct_get_id)

    @property
    @reads1
    def order(self) -> ConstructOrder:
        """First or second order."""
        return ConstructOrder(lib.mte_construct_get_order(self._p()))

    @property
    @reads1
    def study(self) -> Study:
        """The study it comes from."""
        return self._project._wrap(Study, lib.mte_construct_get_study(self._p()))

    text = _text(lib.mte_construct_get_text, lib.mte_construct_set_text, nullable=False,
                 doc="text: the quote or the interpretation.")
    label = _text(lib.mte_construct_get_label, lib.mte_construct_set_label,
                  doc="label: a short label, or None.")
    page = _text(lib.mte_construct_get_page, lib.mte_construct_set_page,
                 doc="page: page or page range in the source, or None.")
    section = _text(lib.mte_construct_get_section, lib.mte_construct_set_section,
                    doc="section: section of the source, or None.")
    speaker = _text(lib.mte_construct_get_speaker, lib.mte_construct_set_speaker,
                    doc="speaker: who said it (first order only), or None.")

    @property
    @reads1
    def credibility(self) -> Credibility:
        """JBI credibility of a second-order construct (a study's finding):
        UNEQUIVOCAL, CREDIBLE (JBI's "equivocal"), UNSUPPORTED, or
        NOT_ASSESSED (always, for first order). Assign a Credibility or its
        name; None or "not-assessed" clears it. WrongKindError for a
        first-order construct."""
        return Credibility(lib.mte_construct_get_credibility(self._p()))

    @credibility.setter
    @writes
    def credibility(self, value: Union[Credibility, str, None]) -> None:
        if value is None:
            value = Credibility.NOT_ASSESSED
        elif isinstance(value, str):
            value = Credibility.from_string(value)
        else:
            value = Credibility.coerce(value, "credibility")
        call(lib.mte_construct_set_credibility, self._p(), int(value))

    @property
    @reads1
    def groundings(self) -> EntityList["Construct"]:
        """The first-order constructs a second-order one is grounded in."""
        return EntityList(self, Construct, lambda c: lib.mte_construct_get_n_groundings(c._p()),
                          lambda c, i: lib.mte_construct_get_grounding(c._p(), i))

    @writes
    def add_grounding(self, quote: Union["Construct", str]) -> None:
        """Ground this second-order construct in a quote of the same study."""
        self._add_grounding(quote)

    def _add_grounding(self, quote) -> None:
        call(lib.mte_construct_add_grounding, self._p(), self._project._ref(quote, "quote"))

    @writes
    def remove_grounding(self, quote: Union["Construct", str]) -> bool:
        """Drop a grounding; False when it was not there."""
        return bool(lib.mte_construct_remove_grounding(self._p(), self._project._ref(quote, "quote")))

    def _describe(self):
        return f" {self.order.text} in {self.study.id!r}"


class Concept(Entity):
    """A key concept, expressed by second-order constructs of several studies."""
    __slots__ = ()
    _kind = EntityKind.CONCEPT
    _ptype = _decl.Concept
    _lookup = staticmethod(lib.mte_project_lookup_concept)
    _get_id = staticmethod(lib.mte_concept_get_id)

    label = _text(lib.mte_concept_get_label, lib.mte_concept_set_label, nullable=False,
                  doc="label: the concept's name.")
    definition = _text(lib.mte_concept_get_definition, lib.mte_concept_set_definition,
                       doc="definition: what the team means by it, or None.")

    @property
    @reads1
    def expressions(self) -> EntityList[Construct]:
        """The constructs that express the concept."""
        return EntityList(self, Construct, lambda c: lib.mte_concept_get_n_expressions(c._p()),
                          lambda c, i: lib.mte_concept_get_expression(c._p(), i))

    @writes
    def add_expression(self, construct: Union[Construct, str]) -> None:
        """Record that *construct* expresses this concept."""
        call(lib.mte_concept_add_expression, self._p(), self._project._ref(construct, "construct"))

    @writes
    def remove_expression(self, construct: Union[Construct, str]) -> bool:
        """Drop an expression; False when it was not there."""
        return bool(lib.mte_concept_remove_expression(self._p(), self._project._ref(construct, "construct")))

    def _describe(self):
        return f" {self.label!r}"


class Translation(Entity):
    """A recorded judgement that two ideas are the same (reciprocal) or
    contradict each other (refutational), with rationale and provenance."""
    __slots__ = ()
    _kind = EntityKind.TRANSLATION
    _ptype = _decl.Translation
    _lookup = staticmethod(lib.mte_project_lookup_translation)
    _get_id = staticmethod(lib.mte_translation_get_id)

    @property
    @reads1
    def kind(self) -> TranslationKind:
        """Reciprocal or refutational (assignable)."""
        return TranslationKind(lib.mte_translation_get_kind(self._p()))

    @kind.setter
    @writes
    def kind(self, value: Union[TranslationKind, str]) -> None:
        value = TranslationKind.coerce(value, "translation kind")
        lib.mte_translation_set_kind(self._p(), int(value))

    @property
    @reads1
    def source(self) -> Entity:
        """The construct or concept translated."""
        return self._project._wrap_entity(lib.mte_translation_get_source(self._p()))

    @property
    @reads1
    def target(self) -> Entity:
        """The construct or concept it is translated into."""
        return self._project._wrap_entity(lib.mte_translation_get_target(self._p()))

    @property
    @reads1
    def source_study(self) -> Optional[Study]:
        """The study of the source (its own for a construct; set for a concept)."""
        return self._project._wrap(Study, lib.mte_translation_get_source_study(self._p()))

    @source_study.setter
    @writes
    def source_study(self, study: Union[Study, str, None]) -> None:
        call(lib.mte_translation_set_source_study, self._p(), self._project._ref(study, "study", nullable=True))

    @property
    @reads1
    def target_study(self) -> Optional[Study]:
        """The study of the target (its own for a construct; set for a concept)."""
        return self._project._wrap(Study, lib.mte_translation_get_target_study(self._p()))

    @target_study.setter
    @writes
    def target_study(self, study: Union[Study, str, None]) -> None:
        call(lib.mte_translation_set_target_study, self._p(), self._project._ref(study, "study", nullable=True))

    rationale = _text(lib.mte_translation_get_rationale, lib.mte_translation_set_rationale,
                      doc="rationale: why the team judged so, or None.")

    @property
    @reads1
    def reviewer(self) -> Optional[Member]:
        """The team member who made the judgement, or None."""
        return self._project._wrap(Member, lib.mte_translation_get_reviewer(self._p()))

    @reviewer.setter
    @writes
    def reviewer(self, member: Union[Member, str, None]) -> None:
        call(lib.mte_translation_set_reviewer, self._p(), self._project._ref(member, "reviewer", nullable=True))

    @property
    @reads1
    def created(self) -> Optional[_dt.datetime]:
        """When the judgement was recorded, or None."""
        return _time_out(lib.mte_translation_get_created(self._p()))

    @created.setter
    @writes
    def created(self, value: Time) -> None:
        lib.mte_translation_set_created(self._p(), _time_in(value, "created"))

    def _describe(self):
        return f" {self.kind.text} {self.source.id!r} → {self.target.id!r}"


class ThirdOrder(Entity):
    """A third-order construct: the team's interpretation across studies,
    with its basis and its GRADE-CERQual assessment."""
    __slots__ = ()
    _kind = EntityKind.THIRD_ORDER
    _ptype = _decl.ThirdOrder
    _lookup = staticmethod(lib.mte_project_lookup_third_order)
    _get_id = staticmethod(lib.mte_third_order_get_id)

    label = _text(lib.mte_third_order_get_label, lib.mte_third_order_set_label,
                  nullable=False, doc="label: the finding's short name.")
    statement = _text(lib.mte_third_order_get_statement, lib.mte_third_order_set_statement,
                      doc="statement: the finding in full, or None.")

    @property
    @reads1
    def basis(self) -> EntityList[Entity]:
        """The concepts and constructs the finding rests on."""
        return EntityList(self, Entity, lambda t: lib.mte_third_order_get_n_basis(t._p()),
                          lambda t, i: lib.mte_third_order_get_basis(t._p(), i))

    @writes
    def add_basis(self, entity: Union[Entity, str]) -> None:
        """Rest the finding on a concept or construct too."""
        call(lib.mte_third_order_add_basis, self._p(), self._project._ref(entity, "basis"))

    @writes
    def remove_basis(self, entity: Union[Entity, str]) -> bool:
        """Drop a basis entry; False when it was not there."""
        return bool(lib.mte_third_order_remove_basis(self._p(), self._project._ref(entity, "basis")))

    @reads
    def get_concern(self, component: Union[CerqualComponent, str]) -> tuple[Concern, Optional[str]]:
        """``(concern, explanation)`` for one CERQual component."""
        component = CerqualComponent.coerce(component, "CERQual component")
        p = self._p()
        return (Concern(lib.mte_third_order_get_concern(p, int(component))),
                dec(lib.mte_third_order_get_concern_explanation(p, int(component))))

    @writes
    def set_concern(self, component: Union[CerqualComponent, str],
                    concern: Union[Concern, str], explanation: Optional[str] = None) -> None:
        """Record the concern about one CERQual component."""
        component = CerqualComponent.coerce(component, "CERQual component")
        concern = Concern.coerce(concern, "concern")
        call(lib.mte_third_order_set_concern, self._p(), int(component), int(concern),
             enc(explanation, "explanation", nullable=True))

    @property
    @reads1
    def concerns(self) -> dict[CerqualComponent, tuple[Concern, Optional[str]]]:
        """The four CERQual components with their concern and explanation."""
        return {c: self.get_concern(c) for c in CerqualComponent}

    @property
    @reads1
    def confidence(self) -> Confidence:
        """Overall CERQual confidence (set with :meth:`set_confidence`)."""
        return Confidence(lib.mte_third_order_get_confidence(self._p()))

    @property
    @reads1
    def confidence_explanation(self) -> Optional[str]:
        """Why the confidence was judged so, or None."""
        return dec(lib.mte_third_order_get_confidence_explanation(self._p()))

    @writes
    def set_confidence(self, confidence: Union[Confidence, str],
                       explanation: Optional[str] = None) -> None:
        """Record the overall CERQual confidence and its explanation."""
        confidence = Confidence.coerce(confidence, "confidence")
        call(lib.mte_third_order_set_confidence, self._p(), int(confidence),
             enc(explanation, "explanation", nullable=True))

    def _describe(self):
        return f" {self.label!r}"


class ArgumentLink(Entity):
    """A link of the line of argument between two third-order constructs."""
    __slots__ = ()
    _kind = EntityKind.ARGUMENT_LINK
    _ptype = _decl.ArgumentLink
    _lookup = staticmethod(lib.mte_project_lookup_argument_link)
    _get_id = staticmethod(lib.mte_argument_link_get_id)

    @property
    @reads1
    def source(self) -> ThirdOrder:
        """The finding the link starts from."""
        return self._project._wrap(ThirdOrder, lib.mte_argument_link_get_from(self._p()))

    @property
    @reads1
    def target(self) -> ThirdOrder:
        """The finding the link leads to."""
        return self._project._wrap(ThirdOrder, lib.mte_argument_link_get_to(self._p()))

    relation = _text(lib.mte_argument_link_get_relation, lib.mte_argument_link_set_relation,
                     nullable=False, doc="relation: e.g. \"leads to\"; never empty.")
    rationale = _text(lib.mte_argument_link_get_rationale, lib.mte_argument_link_set_rationale,
                      doc="rationale: the team's reasoning, or None.")

    def _describe(self):
        return f" {self.source.id!r} {self.relation} {self.target.id!r}"


class Level(NamedTuple):
    """A level of a framework."""
    key: str
    label: str


class Classification(NamedTuple):
    """An entity placed on a framework level."""
    entity: Entity
    level: str


class Framework(Entity):
    """A framework of levels that classifies constructs and findings."""
    __slots__ = ()
    _kind = EntityKind.FRAMEWORK
    _ptype = _decl.Framework
    _lookup = staticmethod(lib.mte_project_lookup_framework)
    _get_id = staticmethod(lib.mte_framework_get_id)

    name = _text(lib.mte_framework_get_name, lib.mte_framework_set_name, nullable=False,
                 doc="name: the framework's name.")
    description = _text(lib.mte_framework_get_description, lib.mte_framework_set_description,
                        doc="description: what it classifies, or None.")

    @property
    @reads1
    def levels(self) -> list[Level]:
        """The levels, in order."""
        p = self._p()
        return [Level(dec(lib.mte_framework_get_level_key(p, i)),
                      dec(lib.mte_framework_get_level_label(p, i)))
                for i in range(lib.mte_framework_get_n_levels(p))]

    @writes
    def add_level(self, key: str, label: Optional[str] = None) -> None:
        """Append a level (the label defaults to the key)."""
        call(lib.mte_framework_add_level, self._p(), enc(key, "key"),
             enc(label, "label", nullable=True))

    @writes
    def remove_level(self, key: str, *, cascade: bool = False) -> None:
        """Remove a level; with *cascade*, also its classifications."""
        p = self._p()
        self._project._call_freeing(lib.mte_framework_remove_level, p, enc(key, "key"),
                                    _REMOVE_CASCADE if cascade else 0)

    @writes
    def set_level_label(self, key: str, label: Optional[str]) -> None:
        """Relabel a level (None uses the key)."""
        call(lib.mte_framework_set_level_label, self._p(), enc(key, "key"),
             enc(label, "label", nullable=True))

    @reads
    def level_index(self, key: str) -> Optional[int]:
        """The position of the level with this key, or None."""
        i = lib.mte_framework_find_level(self._p(), enc(key, "key"))
        return None if i < 0 else i

    @writes
    def classify(self, entity: Union[Entity, str], level: str) -> None:
        """Place a construct or finding on a level (several levels allowed)."""
        call(lib.mte_framework_classify, self._p(), self._project._ref(entity, "entity"), enc(level, "level"))

    @writes
    def unclassify(self, entity: Union[Entity, str], level: str) -> bool:
        """Take an entity off a level; False when it was not there."""
        return bool(lib.mte_framework_unclassify(self._p(), self._project._ref(entity, "entity"),
                                                 enc(level, "level")))

    @property
    @reads1
    def classifications(self) -> list[Classification]:
        """Every (entity, level key) pair, in the order they were made."""
        p = self._p()
        out = []
        for i in range(lib.mte_framework_get_n_classifications(p)):
            entity = _decl.Entity()
            key = c_char_p()
            lib.mte_framework_get_classification(p, i, byref(entity), byref(key))
            out.append(Classification(self._project._wrap_entity(entity), dec(key.value)))
        return out

    @reads
    def levels_of(self, entity: Union[Entity, str]) -> list[str]:
        """The keys of the levels *entity* is placed on, in level order."""
        return take_strv(lib.mte_framework_dup_levels_of(self._p(), self._project._ref(entity, "entity")))

    def _describe(self):
        return f" {self.name!r}"


class Memo(Entity):
    """A note by the team, about the project or one entity."""
    __slots__ = ()
    _kind = EntityKind.MEMO
    _ptype = _decl.Memo
    _lookup = staticmethod(lib.mte_project_lookup_memo)
    _get_id = staticmethod(lib.mte_memo_get_id)

    @property
    @reads1
    def subject(self) -> Optional[Entity]:
        """The entity the memo is about, or None for the whole project."""
        return self._project._wrap_entity(lib.mte_memo_get_subject(self._p()))

    @property
    @reads1
    def author(self) -> Optional[Member]:
        """The team member who wrote it, or None."""
        return self._project._wrap(Member, lib.mte_memo_get_author(self._p()))

    @author.setter
    @writes
    def author(self, member: Union[Member, str, None]) -> None:
        call(lib.mte_memo_set_author, self._p(), self._project._ref(member, "author", nullable=True))

    @property
    @reads1
    def created(self) -> Optional[_dt.datetime]:
        """When it was written, or None."""
        return _time_out(lib.mte_memo_get_created(self._p()))

    @created.setter
    @writes
    def created(self, value: Time) -> None:
        lib.mte_memo_set_created(self._p(), _time_in(value, "created"))

    text = _text(lib.mte_memo_get_text, lib.mte_memo_set_text, nullable=False,
                 doc="text: the memo.")


class Search(Entity):
    """One search of one source (phase 2): where, when, the query, how many
    records it found and who ran it."""
    __slots__ = ()
    _kind = EntityKind.SEARCH
    _ptype = _decl.Search
    _lookup = staticmethod(lib.mte_project_lookup_search)
    _get_id = staticmethod(lib.mte_search_get_id)

    @property
    @reads1
    def kind(self) -> SourceKind:
        """Where the search looked (assignable)."""
        return SourceKind(lib.mte_search_get_kind(self._p()))

    @kind.setter
    @writes
    def kind(self, value: Union[SourceKind, str]) -> None:
        value = SourceKind.coerce(value, "source kind")
        lib.mte_search_set_kind(self._p(), int(value))

    source = _text(lib.mte_search_get_source, lib.mte_search_set_source, nullable=False,
                   doc="source: the source's name, e.g. \"MEDLINE (Ovid)\"; never empty.")

    @property
    @reads1
    def date(self) -> Optional[str]:
        """When the search was run: "YYYY-MM-DD", "YYYY-MM" or "YYYY", or
        None. Assign such a str, a ``datetime.date`` or None."""
        return dec(lib.mte_search_get_date(self._p()))

    @date.setter
    def date(self, value: Union[str, _dt.date, None]) -> None:
        self._set_date(_date_in(value))

    @writes
    def _set_date(self, value) -> None:
        call(lib.mte_search_set_date, self._p(), enc(value, "date", nullable=True))

    query = _text(lib.mte_search_get_query, lib.mte_search_set_query,
                  doc="query: the query as run (may span lines), or None.")
    notes = _text(lib.mte_search_get_notes, lib.mte_search_set_notes,
                  doc="notes: limits, filters and other notes, or None.")

    @property
    @reads1
    def n_records(self) -> Optional[int]:
        """How many records the search found, as the team recorded it, or None."""
        return _count_out(lib.mte_search_get_n_records(self._p()))

    @n_records.setter
    def n_records(self, value: Optional[int]) -> None:
        self._set_n_records(_count_in(value, "n_records"))

    @writes
    def _set_n_records(self, value: int) -> None:
        lib.mte_search_set_n_records(self._p(), value)

    @property
    @reads1
    def run_by(self) -> Optional[Member]:
        """The team member who ran the search, or None."""
        return self._project._wrap(Member, lib.mte_search_get_run_by(self._p()))

    @run_by.setter
    @writes
    def run_by(self, member: Union[Member, str, None]) -> None:
        call(lib.mte_search_set_run_by, self._p(),
             self._project._ref(member, "run_by", nullable=True))

    @property
    @reads1
    def records(self) -> list["Record"]:
        """The records that list this search, in project order."""
        self._p()
        return [r for r in self._project.records if self in r.searches]

    def _describe(self):
        return f" {self.kind.text} {self.source!r}"


def _record_field(field: RecordField):
    number = int(field)

    def fget(self):
        # reads1, written out, as in _text.
        guard = self._project._guard
        with guard.lock:
            if guard.writing:
                raise _refuse_read()
            value = lib.mte_record_get_field(self._p(), number)
        return None if value is None else value.decode("utf-8")

    @writes
    def fset(self, value):
        call(lib.mte_record_set_field, self._p(), number, enc(value, field.text, nullable=True))
    return property(fget, fset, doc=f"The record's {field.text}, or None "
                                    "(setting None or \"\" clears it).")


class Record(Entity):
    """A reference the searches found (one per record), with its citation,
    the searches that found it and its fate in screening."""
    __slots__ = ()
    _kind = EntityKind.RECORD
    _ptype = _decl.Record
    _lookup = staticmethod(lib.mte_project_lookup_record)
    _get_id = staticmethod(lib.mte_record_get_id)

    title = _record_field(RecordField.TITLE)
    source = _record_field(RecordField.SOURCE)
    volume = _record_field(RecordField.VOLUME)
    issue = _record_field(RecordField.ISSUE)
    pages = _record_field(RecordField.PAGES)
    doi = _record_field(RecordField.DOI)
    url = _record_field(RecordField.URL)
    abstract = _record_field(RecordField.ABSTRACT)
    database = _record_field(RecordField.DATABASE)
    notes = _record_field(RecordField.NOTES)

    @reads
    def get_field(self, field: Union[RecordField, str]) -> Optional[str]:
        """A citation field by enum or name ("doi")."""
        field = RecordField.coerce(field, "record field")
        return dec(lib.mte_record_get_field(self._p(), int(field)))

    @writes
    def set_field(self, field: Union[RecordField, str], value: Optional[str]) -> None:
        """Set a citation field by enum or name; None or "" clears it."""
        field = RecordField.coerce(field, "record field")
        call(lib.mte_record_set_field, self._p(), int(field),
             enc(value, field.text, nullable=True))

    @property
    @reads1
    def fields(self) -> dict[str, str]:
        """Every recorded citation field, by name."""
        p = self._p()
        out = {}
        for field in RecordField:
            value = lib.mte_record_get_field(p, int(field))
            if value is not None:
                out[field.text] = dec(value)
        return out

    @property
    @reads1
    def authors(self) -> list[str]:
        """The authors in order, each "Family, Given" (assign a list to replace them)."""
        return read_strv(lib.mte_record_get_authors(self._p()))

    @authors.setter
    def authors(self, value: Iterable[str]) -> None:
        self._write_strv(lib.mte_record_set_authors, _listed(value, "authors"), "authors")

    @property
    @reads1
    def keywords(self) -> list[str]:
        """The keywords (assign a list to replace them)."""
        return read_strv(lib.mte_record_get_keywords(self._p()))

    @keywords.setter
    def keywords(self, value: Iterable[str]) -> None:
        self._write_strv(lib.mte_record_set_keywords, _listed(value, "keywords"), "keywords")

    @writes
    def _write_strv(self, setter, values: list, what: str) -> None:
        _set_strv(setter, self._p(), values, what)

    @property
    @reads1
    def year(self) -> Optional[int]:
        """Publication year (1–9999), or None."""
        return lib.mte_record_get_year(self._p()) or None

    @year.setter
    def year(self, value: Optional[int]) -> None:
        self._set_year(_year_in(value))

    @writes
    def _set_year(self, value: int) -> None:
        call(lib.mte_record_set_year, self._p(), value)

    @property
    @reads1
    def searches(self) -> EntityList[Search]:
        """The searches that found the record, in the order added."""
        return EntityList(self, Search, lambda r: lib.mte_record_get_n_searches(r._p()),
                          lambda r, i: lib.mte_record_get_search(r._p(), i))

    @writes
    def add_search(self, search: Union[Search, str]) -> None:
        """Record that *search* found the record too (nothing if listed)."""
        call(lib.mte_record_add_search, self._p(), self._project._ref(search, "search"))

    @writes
    def remove_search(self, search: Union[Search, str]) -> bool:
        """Drop a search from the record; False when it was not listed."""
        ref = self._project._ref(search, "search")
        return bool(lib.mte_record_remove_search(self._p(), ref))

    @property
    @reads1
    def fate(self) -> RecordFate:
        """What became of the record (set with :meth:`set_fate`)."""
        return RecordFate(lib.mte_record_get_fate(self._p()))

    @writes
    def set_fate(self, fate: Union[RecordFate, str],
                 target: Union["Record", Study, str, None] = None,
                 reason: Optional[str] = None,
                 decided_by: Union[Member, str, None] = None,
                 decided: Time = None) -> None:
        """Decide what became of the record, replacing any earlier decision.

        *target* is the record it duplicates for "duplicate" and the study
        it reports for "included", None otherwise; *reason* is required for
        "excluded-full-text"; "unscreened" undoes a decision and takes no
        reason, decider or time. Raises InvalidValueError (or
        NotFoundError, WrongKindError for a bad id), leaving the record as
        it was.
        """
        fate = RecordFate.coerce(fate, "record fate")
        call(lib.mte_record_set_fate, self._p(), int(fate),
             self._project._ref(target, "target", nullable=True),
             enc(reason, "reason", nullable=True),
             self._project._ref(decided_by, "decided_by", nullable=True),
             _time_in(decided, "decided"))

    @property
    @reads1
    def reason(self) -> Optional[str]:
        """The reason given for the fate, or None."""
        return dec(lib.mte_record_get_reason(self._p()))

    @property
    @reads1
    def duplicate_of(self) -> Optional["Record"]:
        """For a duplicate, the record it duplicates; else None."""
        return self._project._wrap(Record, lib.mte_record_get_duplicate_of(self._p()))

    @property
    @reads1
    def study(self) -> Optional[Study]:
        """For an included record, the study it reports; else None."""
        return self._project._wrap(Study, lib.mte_record_get_study(self._p()))

    @property
    @reads1
    def decided_by(self) -> Optional[Member]:
        """Who decided the fate, or None."""
        return self._project._wrap(Member, lib.mte_record_get_decided_by(self._p()))

    @property
    @reads1
    def decided(self) -> Optional[_dt.datetime]:
        """When the fate was decided, or None."""
        return _time_out(lib.mte_record_get_decided(self._p()))

    def _describe(self):
        title = self.title
        return f" {self.fate.text}" + (f" {title!r}" if title else "")


def _protocol_field(field) -> ProtocolField:
    return ProtocolField.coerce(field, "protocol field")


class Protocol(MutableMapping):
    """The review protocol: a live mapping from field name ("rationale",
    "inclusion", "exclusion", "search-strategy", "registration") to its
    text. Only recorded fields are keys; assigning None or "" (or ``del``)
    clears one. Keys may also be :class:`ProtocolField` members. A name
    that is no protocol field raises ValueError."""

    __slots__ = ("_project",)

    def __init__(self, project: Project):
        self._project = project

    @reads
    def __getitem__(self, field) -> str:
        field = _protocol_field(field)
        value = lib.mte_project_get_protocol(self._project._p(), int(field))
        if value is None:
            raise KeyError(field.text)
        return dec(value)

    @writes
    def __setitem__(self, field, text: Optional[str]) -> None:
        field = _protocol_field(field)
        call(lib.mte_project_set_protocol, self._project._p(), int(field),
             enc(text, field.text, nullable=True))

    @writes
    def __delitem__(self, field) -> None:
        field = _protocol_field(field)
        p = self._project._p()
        if lib.mte_project_get_protocol(p, int(field)) is None:
            raise KeyError(field.text)
        call(lib.mte_project_set_protocol, p, int(field), None)

    @reads1
    def _names(self) -> list[str]:
        p = self._project._p()
        return [f.text for f in ProtocolField
                if lib.mte_project_get_protocol(p, int(f)) is not None]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, field) -> bool:
        try:
            field = _protocol_field(field)
        except (TypeError, ValueError):
            return False
        return field.text in self._names()

    def __repr__(self) -> str:
        return f"<metaethno.Protocol {dict(self)!r}>"


def _emerge_item(item) -> EmergeItem:
    if isinstance(item, str):
        return EmergeItem.from_string(item)
    return EmergeItem.coerce(item, "eMERGe item")


class EmergeTexts(MutableMapping):
    """The team's text per eMERGe item: a live mapping from item key
    ("rationale", "why-meta-ethnography", ...) to text, in the items'
    order. Only items with a text are keys; assigning None or "" (or
    ``del``) clears one. Keys may also be :class:`EmergeItem` members or
    the items' numbers. A key that is no item raises ValueError."""

    __slots__ = ("_project",)

    def __init__(self, project: Project):
        self._project = project

    @reads
    def __getitem__(self, item) -> str:
        item = _emerge_item(item)
        value = lib.mte_project_get_emerge_text(self._project._p(), int(item))
        if value is None:
            raise KeyError(item.text)
        return dec(value)

    @writes
    def __setitem__(self, item, text: Optional[str]) -> None:
        item = _emerge_item(item)
        call(lib.mte_project_set_emerge_text, self._project._p(), int(item),
             enc(text, item.text, nullable=True))

    @writes
    def __delitem__(self, item) -> None:
        item = _emerge_item(item)
        p = self._project._p()
        if lib.mte_project_get_emerge_text(p, int(item)) is None:
            raise KeyError(item.text)
        call(lib.mte_project_set_emerge_text, p, int(item), None)

    @reads1
    def _names(self) -> list[str]:
        p = self._project._p()
        return [i.text for i in EmergeItem
                if lib.mte_project_get_emerge_text(p, int(i)) is not None]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, item) -> bool:
        try:
            item = _emerge_item(item)
        except (TypeError, ValueError):
            return False
        return item.text in self._names()

    def __repr__(self) -> str:
        return f"<metaethno.EmergeTexts {dict(self)!r}>"


_CLASSES = {cls._kind: cls for cls in (Member, Checklist, Study, Construct, Concept,
                                        Translation, ThirdOrder, ArgumentLink,
                                        Framework, Memo, Search, Record)}


def _report_format(format):
    from .enums import ReportFormat
    if isinstance(format, str):
        try:
            return ReportFormat.from_string(format)
        except ValueError:
            pass
    return ReportFormat.coerce(format, "report format")
