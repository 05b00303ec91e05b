"""References in and out: the wrappers of ``mte-references.h``.

:meth:`Project.import_references` reads RIS, BibTeX, CSL-JSON, EndNote XML
or PubMed (MEDLINE) into records, marks duplicates and returns an
:class:`ImportReport`; :meth:`Project.import_sheet` reads data-extraction
sheets (CSV) of study characteristics or constructs;
:meth:`Project.export_references` writes the included studies' references
as RIS, BibTeX or CSL-JSON. The functions here do the work; the methods of
:class:`~metaethno.Project` call them.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import ctypes
import os
from ctypes import byref, c_char_p, c_int, c_size_t
from typing import TYPE_CHECKING, NamedTuple, Optional, Union

from ._c import call, dec, enc, g_free, lib
from ._guard import writes, read_call
from .enums import ReferenceFormat, SheetKind

if TYPE_CHECKING:
    from .model import Project, Search

__all__ = ["ImportReport", "Duplicate", "ImportProblem", "sniff_format"]

# MteImportFlags
_AS_STUDIES = 1 << 0
_STRICT = 1 << 1
_DRY_RUN = 1 << 2


class Duplicate(NamedTuple):
    """A record an import marked as a duplicate of an earlier one."""
    #: The id of the new record, marked a duplicate.
    record: str
    #: The id of the record it duplicates (made earlier, or by this import).
    original: str
    #: The rule that matched: "same DOI" or "same title, year and first author".
    rule: str


class ImportProblem(NamedTuple):
    """Something an import could not read or carry."""
    #: One line, "NAME:LINE: what" (LINE is 0 where the format has no lines).
    message: str
    #: True when the whole reference was skipped; False when one value of
    #: a reference that was imported could not be carried.
    skipped: bool

    def __str__(self) -> str:
        return self.message


class ImportReport:
    """What one import made, skipped and could not carry.

    A plain snapshot, copied out of the library when the import returns:
    it stays valid whatever happens to the project afterwards. Records and
    duplicates are given by id (``project.records[id]`` finds a record);
    in a dry run the ids are those the records would get.
    """

    __slots__ = ("format", "n_read", "records", "duplicates", "studies",
                 "n_studies", "problems", "dry_run", "sheet", "n_updated",
                 "n_constructs")

    def __init__(self, format, n_read, records, duplicates, studies, n_studies,
                 problems, dry_run, sheet=None, n_updated=0, n_constructs=0):
        #: The format read (sniffed when "auto" was asked for).
        self.format: ReferenceFormat = format
        #: The references found in the input, read or not.
        self.n_read: int = n_read
        #: The ids of the records made (or that a dry run would make), in input order.
        self.records: list[str] = records
        #: The records made that are duplicates, with what they duplicate and why.
        self.duplicates: list[Duplicate] = duplicates
        #: The ids of the studies made (``as_studies=True``), in input
        #: order; empty in a dry run, where :attr:`n_studies` says how
        #: many would be made.
        self.studies: list[str] = studies
        #: How many studies were made (or would be).
        self.n_studies: int = n_studies
        #: References skipped and values not carried, one line each.
        self.problems: list[ImportProblem] = problems
        #: Whether this was a dry run (nothing changed).
        self.dry_run: bool = dry_run
        #: For a sheet, the kind read (STUDIES or CONSTRUCTS); None for references.
        self.sheet: Optional[SheetKind] = sheet
        #: For a study-characteristics sheet, the studies already in the
        #: project whose fields it set (or would set).
        self.n_updated: int = n_updated
        #: For a constructs sheet, the constructs made (or that would be).
        self.n_constructs: int = n_constructs

    @property
    def unique(self) -> int:
        """The records made that are not duplicates."""
        return len(self.records) - len(self.duplicates)

    def __repr__(self) -> str:
        if self.sheet is not None:
            return (f"<metaethno.ImportReport {self.sheet.text} sheet: {self.n_read} rows, "
                    f"{self.n_studies} studies made, {self.n_updated} updated, "
                    f"{self.n_constructs} constructs, {len(self.problems)} problems"
                    f"{' (dry run)' if self.dry_run else ''}>")
        return (f"<metaethno.ImportReport {self.format.text}: {self.n_read} read, "
                f"{len(self.records)} records, {len(self.duplicates)} duplicates, "
                f"{self.n_studies} studies, {len(self.problems)} problems"
                f"{' (dry run)' if self.dry_run else ''}>")


def sniff_format(data: Union[bytes, bytearray, memoryview]) -> Optional[ReferenceFormat]:
    """The format of reference data judged from its content (its first
    bytes suffice), or None when it is none of the formats."""
    data = _bytes(data)
    value = lib.mte_reference_format_sniff(data, len(data))
    return None if value == ReferenceFormat.AUTO else ReferenceFormat(value)


def _bytes(data) -> bytes:
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    return data


def _data_or_path(data_or_path, name):
    """(data, path, raw name): bytes are the content, named *name* in
    messages; a str or path object is a file, named by its path."""
    from .model import _path

    if isinstance(data_or_path, (bytes, bytearray, memoryview)):
        return _bytes(data_or_path), None, enc(name, "name", nullable=True)
    if isinstance(data_or_path, (str, os.PathLike)):
        if name is not None:
            raise TypeError("name is for data; a file is named by its path")
        return None, _path(data_or_path), None
    raise TypeError("data_or_path must be bytes (the data) or a str or "
                    f"os.PathLike (a file), not {type(data_or_path).__name__}")


def _report(project: "Project", pointer, dry_run: bool) -> ImportReport:
    """Copy everything out of an MteImport (inside the import's write
    section, so the records named are those just made), then free it."""
    try:
        records = [dec(lib.mte_import_get_record_id(pointer, i))
                   for i in range(lib.mte_import_get_n_records(pointer))]
        duplicates = []
        for i in range(lib.mte_import_get_n_duplicates(pointer)):
            original = c_char_p()
            rule = c_char_p()
            record = lib.mte_import_get_duplicate(pointer, i, byref(original), byref(rule))
            duplicates.append(Duplicate(dec(record), dec(original.value), dec(rule.value)))
        problems = []
        for i in range(lib.mte_import_get_n_problems(pointer)):
            skipped = c_int()
            message = lib.mte_import_get_problem(pointer, i, byref(skipped))
            problems.append(ImportProblem(dec(message), bool(skipped.value)))
        studies = []
        if not dry_run:
            p = project._p()
            for record_id in records:
                record = lib.mte_project_lookup_record(p, enc(record_id, "id"))
                study = lib.mte_record_get_study(record) if record else None
                if study:
                    studies.append(dec(lib.mte_study_get_id(study)))
        sheet = SheetKind(lib.mte_import_get_sheet(pointer))
        return ImportReport(ReferenceFormat(lib.mte_import_get_format(pointer)),
                            lib.mte_import_get_n_read(pointer), records, duplicates,
                            studies, lib.mte_import_get_n_studies(pointer), problems,
                            dry_run, None if sheet == SheetKind.AUTO else sheet,
                            lib.mte_import_get_n_updated(pointer),
                            lib.mte_import_get_n_constructs(pointer))
    finally:
        lib.mte_import_free(pointer)


class _Importing:
    """The import as one write section of the project (records are added)."""

    __slots__ = ("_project",)

    def __init__(self, project: "Project"):
        self._project = project

    @writes
    def run(self, data, path, name, format, search, flags) -> ImportReport:
        project = self._project
        search_id = project._ref(search, "search", nullable=True)
        if path is not None:
            pointer = call(lib.mte_project_import_references_from_file, project._p(),
                           path, int(format), search_id, flags)
        else:
            pointer = call(lib.mte_project_import_references, project._p(),
                           data, len(data), name, int(format), search_id, flags)
        return _report(project, pointer, bool(flags & _DRY_RUN))


def import_references(project: "Project",
                      data_or_path: Union[bytes, bytearray, memoryview, str, os.PathLike],
                      format: Union[ReferenceFormat, str] = ReferenceFormat.AUTO, *,
                      name: Optional[str] = None,
                      search: Union["Search", str, None] = None,
                      as_studies: bool = False, strict: bool = False,
                      dry_run: bool = False) -> ImportReport:
    """See :meth:`metaethno.Project.import_references`."""
    format = ReferenceFormat.coerce(format, "reference format")
    flags = ((_AS_STUDIES if as_studies else 0) | (_STRICT if strict else 0)
             | (_DRY_RUN if dry_run else 0))
    data, path, raw_name = _data_or_path(data_or_path, name)
    return _Importing(project).run(data, path, raw_name, format, search, flags)


class _SheetImporting:
    """The sheet import as one write section of the project."""

    __slots__ = ("_project",)

    def __init__(self, project: "Project"):
        self._project = project

    @writes
    def run(self, data, path, name, kind, strv, flags) -> ImportReport:
        project = self._project
        if path is not None:
            pointer = call(lib.mte_project_import_sheet_from_file, project._p(),
                           path, int(kind), strv, flags)
        else:
            pointer = call(lib.mte_project_import_sheet, project._p(),
                           data, len(data), name, int(kind), strv, flags)
        return _report(project, pointer, bool(flags & _DRY_RUN))


def import_sheet(project: "Project",
                 data_or_path: Union[bytes, bytearray, memoryview, str, os.PathLike],
                 kind: Union[SheetKind, str] = SheetKind.AUTO, *,
                 map: Optional[dict] = None,
                 name: Optional[str] = None,
                 strict: bool = False,
                 dry_run: bool = False) -> ImportReport:
    """See :meth:`metaethno.Project.import_sheet`."""
    from ._c import make_strv

    kind = SheetKind.coerce(kind, "sheet kind")
    flags = (_STRICT if strict else 0) | (_DRY_RUN if dry_run else 0)
    entries = []
    for column, field in (map or {}).items():
        if not isinstance(column, str) or not isinstance(field, str):
            raise TypeError("map must map column names (str) to field names (str)")
        entries.append(f"{column}={field}")
    strv = make_strv(entries, "map") if entries else None
    data, path, raw_name = _data_or_path(data_or_path, name)
    return _SheetImporting(project).run(data, path, raw_name, kind, strv, flags)


def export_references(project: "Project", format: Union[ReferenceFormat, str]) -> str:
    """See :meth:`metaethno.Project.export_references`."""
    format = ReferenceFormat.coerce(format, "reference format")

    def run():
        length = c_size_t()
        pointer = call(lib.mte_project_export_references, project._p(), int(format),
                       byref(length))
        try:
            return ctypes.string_at(pointer, length.value).decode("utf-8")
        finally:
            g_free(ctypes.cast(pointer, ctypes.c_void_p))
    return read_call(project, run)
