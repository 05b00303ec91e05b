"""REFI-QDA in and out: the wrappers of ``mte-refi.h``.

:meth:`Project.import_refi` brings a QDA package's project (.qdpx, .qde) or
codebook (.qdc) into the review through a mapping of its codes and returns
a :class:`RefiReport` of what it made and what it could not carry;
:func:`describe_refi` shows a file's codebook as a tree with counts, to
choose the mapping; :meth:`Project.export_refi` and
:meth:`Project.write_refi` write the review for NVivo, ATLAS.ti, MAXQDA or
QualCoder. See docs/refi.md.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import ctypes
import os
from ctypes import byref, c_char_p, c_uint
from typing import TYPE_CHECKING, NamedTuple, Optional, Union

from ._c import _glib, call, dec, enc, lib, take_string
from ._guard import read_call, writes
from .enums import RefiFormat, RefiRole, RefiStudyUnit
from .references import _bytes, _data_or_path

if TYPE_CHECKING:
    from .model import Project

__all__ = ["RefiReport", "RefiLoss", "describe_refi"]

# MteImportFlags
_STRICT = 1 << 1
_DRY_RUN = 1 << 2

_g_bytes_get_data = _glib.g_bytes_get_data
_g_bytes_get_data.restype = ctypes.c_void_p
_g_bytes_get_data.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t)]
_g_bytes_unref = _glib.g_bytes_unref
_g_bytes_unref.restype = None
_g_bytes_unref.argtypes = [ctypes.c_void_p]


class RefiLoss(NamedTuple):
    """One kind of element an import or export could not carry."""
    #: What was not carried, e.g. "media and PDF-region selections".
    what: str
    #: Why.
    why: str
    #: How many.
    count: int
    #: One line per element (with the file's line where there is one).
    details: list


class RefiReport:
    """What a REFI-QDA import or export made and could not carry.

    A plain snapshot copied out of the library. ``made`` maps what was
    made ("studies", "key concepts", ...) to a count; ``losses`` lists
    :class:`RefiLoss` entries; ``text`` and ``json`` are the library's
    own renderings (``metaethno import`` prints them).
    """

    __slots__ = ("made", "losses", "text", "json", "dry_run")

    def __init__(self, made, losses, text, json, dry_run):
        self.made: dict[str, int] = made
        self.losses: list[RefiLoss] = losses
        self.text: str = text
        self.json: str = json
        self.dry_run: bool = dry_run

    @property
    def lost(self) -> int:
        """The number of elements not carried, all kinds together."""
        return sum(loss.count for loss in self.losses)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        made = ", ".join(f"{n} {what}" for what, n in self.made.items() if n)
        return (f"<metaethno.RefiReport made {made or 'nothing'}; "
                f"{self.lost} not carried{' (dry run)' if self.dry_run else ''}>")


def _report(pointer, dry_run: bool) -> RefiReport:
    try:
        made = {}
        for i in range(lib.mte_refi_report_get_n_made(pointer)):
            count = c_uint()
            what = lib.mte_refi_report_get_made(pointer, i, byref(count))
            made[dec(what)] = count.value
        losses = []
        for i in range(lib.mte_refi_report_get_n_losses(pointer)):
            why = c_char_p()
            count = c_uint()
            what = lib.mte_refi_report_get_loss(pointer, i, byref(why), byref(count))
            details = [dec(lib.mte_refi_report_get_detail(pointer, i, j))
                       for j in range(lib.mte_refi_report_get_n_details(pointer, i))]
            losses.append(RefiLoss(dec(what), dec(why.value), count.value, details))
        text = take_string(lib.mte_refi_report_to_text(pointer))
        json = take_string(lib.mte_refi_report_to_json(pointer))
        return RefiReport(made, losses, text, json, dry_run)
    finally:
        lib.mte_refi_report_free(pointer)


class _Mapping:
    """An MteRefiMapping for the length of one call."""

    def __init__(self, first_order, second_order, concepts, third_order, study,
                 match_existing, mapping_file):
        from .model import _path

        self._p = lib.mte_refi_mapping_new()
        try:
            if mapping_file is not None:
                call(lib.mte_refi_mapping_load_file, self._p, _path(mapping_file))
            for role, code in ((RefiRole.FIRST_ORDER, first_order),
                               (RefiRole.SECOND_ORDER, second_order),
                               (RefiRole.CONCEPTS, concepts),
                               (RefiRole.THIRD_ORDER, third_order)):
                if code is not None:
                    call(lib.mte_refi_mapping_set_code, self._p, int(role),
                         enc(code, role.name.lower()))
            if study is not None:
                unit = RefiStudyUnit.coerce(study, "study unit")
                lib.mte_refi_mapping_set_study_unit(self._p, int(unit))
            if match_existing:
                lib.mte_refi_mapping_set_match_existing(self._p, 1)
        except BaseException:
            lib.mte_refi_mapping_free(self._p)
            raise

    def __enter__(self):
        return self._p

    def __exit__(self, *exc):
        lib.mte_refi_mapping_free(self._p)


class _RefiImporting:
    """The import as one write section of the project."""

    __slots__ = ("_project",)

    def __init__(self, project: "Project"):
        self._project = project

    @writes
    def run(self, data, path, name, format, mapping, flags) -> RefiReport:
        project = self._project
        if path is not None:
            pointer = call(lib.mte_project_import_refi_from_file, project._p(), path,
                           int(format), mapping, flags)
        else:
            pointer = call(lib.mte_project_import_refi, project._p(), data, len(data),
                           name, int(format), mapping, flags)
        return _report(pointer, bool(flags & _DRY_RUN))


def import_refi(project: "Project",
                data_or_path: Union[bytes, bytearray, memoryview, str, os.PathLike],
                format: Union[RefiFormat, str] = RefiFormat.AUTO, *,
                name: Optional[str] = None,
                first_order: Optional[str] = None,
                second_order: Optional[str] = None,
                concepts: Optional[str] = None,
                third_order: Optional[str] = None,
                study: Union[RefiStudyUnit, str, None] = None,
                match_existing: bool = False,
                mapping_file: Union[str, os.PathLike, None] = None,
                strict: bool = False,
                dry_run: bool = False) -> RefiReport:
    """See :meth:`metaethno.Project.import_refi`."""
    format = RefiFormat.coerce(format, "REFI-QDA format")
    flags = (_STRICT if strict else 0) | (_DRY_RUN if dry_run else 0)
    data, path, raw_name = _data_or_path(data_or_path, name)
    with _Mapping(first_order, second_order, concepts, third_order, study,
                  match_existing, mapping_file) as mapping:
        return _RefiImporting(project).run(data, path, raw_name, format, mapping, flags)


def describe_refi(data_or_path: Union[bytes, bytearray, memoryview, str, os.PathLike], *,
                  name: Optional[str] = None, json: bool = False) -> str:
    """A REFI-QDA file's codebook as a tree, each code with the text
    selections coded with it and the sources where it is used, then the
    sources: what a team reads to choose a mapping (``json=True`` for
    JSON). Nothing is imported. FormatError for a file it cannot read."""
    if isinstance(data_or_path, (str, os.PathLike)):
        if name is not None:
            raise TypeError("name is for data; a file is named by its path")
        name = os.fsdecode(data_or_path)
        with open(data_or_path, "rb") as f:
            data = f.read(256 * 1024 * 1024 + 1)
    else:
        data = _bytes(data_or_path)
    return take_string(call(lib.mte_refi_describe, data, len(data),
                            enc(name, "name", nullable=True), 1 if json else 0))


def _format_for_writing(format, path=None) -> RefiFormat:
    if format is None:
        suffix = os.path.splitext(os.fsdecode(path))[1].lower() if path is not None else ""
        if suffix not in (".qdpx", ".qdc"):
            raise ValueError("cannot tell the REFI-QDA format from %r: give format="
                             % os.fsdecode(path))
        return RefiFormat.QDPX if suffix == ".qdpx" else RefiFormat.QDC
    return RefiFormat.coerce(format, "REFI-QDA format")


def export_refi(project: "Project", format: Union[RefiFormat, str]) -> tuple[bytes, RefiReport]:
    """See :meth:`metaethno.Project.export_refi`."""
    format = _format_for_writing(format)

    def run():
        report = lib.mte_project_export_refi.argtypes[2]._type_()
        pointer = call(lib.mte_project_export_refi, project._p(), int(format), byref(report))
        try:
            size = ctypes.c_size_t()
            data = _g_bytes_get_data(pointer, byref(size))
            content = ctypes.string_at(data, size.value) if size.value else b""
        finally:
            _g_bytes_unref(pointer)
        return content, _report(report, False)
    return read_call(project, run)


def write_refi(project: "Project", path: Union[str, bytes, os.PathLike],
               format: Union[RefiFormat, str, None] = None) -> RefiReport:
    """See :meth:`metaethno.Project.write_refi`."""
    from .model import _path

    raw = _path(path)
    format = _format_for_writing(format, raw)

    def run():
        report = lib.mte_project_write_refi.argtypes[3]._type_()
        call(lib.mte_project_write_refi, project._p(), raw, int(format), byref(report))
        return _report(report, False)
    return read_call(project, run)
