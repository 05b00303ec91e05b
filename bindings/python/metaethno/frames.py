"""A project's tables, as lists of dicts and as pandas DataFrames.

``Project.to_records(table)`` and ``Project.to_dataframe(table)`` call
:func:`to_records` and :func:`to_dataframe` here. The tables:

``"studies"``
    one row per study, excluded ones too: ``id``, ``authors`` (list),
    ``year``, every text field (``title`` ... ``data_collection``,
    ``analysis``, ``notes``; dashes in field names become underscores),
    ``sample_size``, ``index_study``, ``included``, ``exclusion_stage``,
    ``exclusion_reason``, ``exclusion_reviewer`` (a member id),
    ``exclusion_time``, then one ``attribute:KEY`` column per attribute key
    any study has.
``"appraisals"``
    the quality appraisal in long format, one row per answer: ``study``,
    ``checklist``, ``question`` (its key), ``answer``, ``note``.
``"cerqual"``
    one row per third-order construct: ``finding``, ``label``, then for
    each GRADE-CERQual component (``methodological_limitations``,
    ``coherence``, ``adequacy``, ``relevance``) ``COMPONENT_concern`` and
    ``COMPONENT_explanation``, then ``confidence`` and
    ``confidence_explanation``.
``"searches"``
    one row per search: ``id``, ``kind``, ``source``, ``date``, ``query``,
    ``n_records``, ``run_by``, ``notes``.
``"records"``
    one row per record: ``id``, every citation field, ``authors`` (list),
    ``year``, ``keywords`` (list), ``searches`` (list of ids), ``fate``,
    ``duplicate_of``, ``study``, ``reason``, ``decided_by``, ``decided``.
``"prisma"``
    one row per PRISMA 2020 box, as ``Project.prisma().to_records()``:
    ``name``, ``n``, ``entered``.

Entities appear by id and enumerations by their names in the file format
("moderate", "excluded-full-text"); what is not recorded is None. In the
DataFrames, integer columns that may lack a value (``year``,
``sample_size``, ``n_records``, ``n``) have pandas' nullable "Int64" dtype,
so they stay integers with ``<NA>`` for a missing value, and times are
UTC datetimes (``datetime64[ns, UTC]``, ``NaT`` when missing; a column
holding a time after 2262, which pandas cannot represent so, keeps Python
datetime objects). Each table
is read in one read section of the project, so it shows one state of it.

pandas is imported only when a DataFrame is asked for.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

from typing import Callable

from ._guard import read_call
from .enums import CerqualComponent, RecordField, StudyField
from .model import Project

__all__ = ["TABLES", "to_records", "to_dataframe"]


def _column(name: str) -> str:
    return name.replace("-", "_")


def _id(entity):
    return None if entity is None else entity.id


def _studies(project: Project):
    attribute_keys: list[str] = []
    rows = []
    for study in project.studies:
        fields = study.fields
        row = {"id": study.id, "authors": study.authors, "year": study.year}
        for field in StudyField:
            row[_column(field.text)] = fields.get(field.text)
        excluded = study.excluded
        row.update({
            "sample_size": study.sample_size,
            "index_study": study.index_study,
            "included": not excluded,
            "exclusion_stage": study.exclusion_stage.text if excluded else None,
            "exclusion_reason": study.exclusion_reason,
            "exclusion_reviewer": _id(study.exclusion_reviewer),
            "exclusion_time": study.exclusion_time,
        })
        for key, value in study.attributes.items():
            if key not in attribute_keys:
                attribute_keys.append(key)
            row[f"attribute:{key}"] = value
        rows.append(row)
    columns = (["id", "authors", "year"] + [_column(f.text) for f in StudyField]
               + ["sample_size", "index_study", "included", "exclusion_stage",
                  "exclusion_reason", "exclusion_reviewer", "exclusion_time"]
               + [f"attribute:{key}" for key in attribute_keys])
    for row in rows:
        for key in attribute_keys:
            row.setdefault(f"attribute:{key}", None)
    return rows, columns


def _appraisals(project: Project):
    rows = [{"study": study.id, "checklist": a.checklist.id, "question": a.question,
             "answer": a.answer, "note": a.note}
            for study in project.studies for a in study.appraisals]
    return rows, ["study", "checklist", "question", "answer", "note"]


def _cerqual(project: Project):
    columns = ["finding", "label"]
    for component in CerqualComponent:
        name = _column(component.text)
        columns += [f"{name}_concern", f"{name}_explanation"]
    columns += ["confidence", "confidence_explanation"]
    rows = []
    for finding in project.third_orders:
        row = {"finding": finding.id, "label": finding.label}
        for component, (concern, explanation) in finding.concerns.items():
            name = _column(component.text)
            row[f"{name}_concern"] = concern.text
            row[f"{name}_explanation"] = explanation
        row["confidence"] = finding.confidence.text
        row["confidence_explanation"] = finding.confidence_explanation
        rows.append(row)
    return rows, columns


def _searches(project: Project):
    rows = [{"id": s.id, "kind": s.kind.text, "source": s.source, "date": s.date,
             "query": s.query, "n_records": s.n_records, "run_by": _id(s.run_by),
             "notes": s.notes}
            for s in project.searches]
    return rows, ["id", "kind", "source", "date", "query", "n_records", "run_by", "notes"]


def _records(project: Project):
    columns = (["id"] + [_column(f.text) for f in RecordField]
               + ["authors", "year", "keywords", "searches", "fate", "duplicate_of",
                  "study", "reason", "decided_by", "decided"])
    rows = []
    for record in project.records:
        fields = record.fields
        row = {"id": record.id}
        for field in RecordField:
            row[_column(field.text)] = fields.get(field.text)
        row.update({
            "authors": record.authors, "year": record.year, "keywords": record.keywords,
            "searches": [s.id for s in record.searches], "fate": record.fate.text,
            "duplicate_of": _id(record.duplicate_of), "study": _id(record.study),
            "reason": record.reason, "decided_by": _id(record.decided_by),
            "decided": record.decided,
        })
        rows.append(row)
    return rows, columns


def _prisma(project: Project):
    return project.prisma().to_records(), ["name", "n", "entered"]


#: The tables: name -> (builder, nullable integer columns, time columns).
TABLES: dict[str, tuple[Callable, tuple, tuple]] = {
    "studies": (_studies, ("year", "sample_size"), ("exclusion_time",)),
    "appraisals": (_appraisals, (), ()),
    "cerqual": (_cerqual, (), ()),
    "searches": (_searches, ("n_records",), ()),
    "records": (_records, ("year",), ("decided",)),
    "prisma": (_prisma, ("n",), ()),
}


def _table(project: Project, table: str):
    if not isinstance(project, Project):
        raise TypeError("project must be a metaethno.Project")
    if not isinstance(table, str):
        raise TypeError("table must be a str")
    try:
        builder, ints, times = TABLES[table]
    except KeyError:
        raise ValueError(f"{table!r} is not a table; expected one of "
                         + ", ".join(TABLES)) from None
    # One read section: the table shows one state of the project.
    rows, columns = read_call(project, builder, project)
    return rows, columns, ints, times


def to_records(project: Project, table: str) -> list[dict]:
    """The rows of *table* ("studies", "appraisals", "cerqual", "searches",
    "records", "prisma") as a list of dicts."""
    return _table(project, table)[0]


def to_dataframe(project: Project, table: str):
    """The rows of *table* as a pandas DataFrame, with nullable integer
    columns as "Int64" and times as UTC datetimes."""
    rows, columns, ints, times = _table(project, table)
    return _frame(rows, columns, ints, times)


def _frame(rows: list[dict], columns: list[str], ints=(), times=()):
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe() needs pandas; use to_records() for "
                          "plain lists of dicts") from None
    frame = pandas.DataFrame.from_records(rows, columns=columns)
    # From the rows, not the frame's column: pandas makes an integer
    # column with a None float64, which loses integers above 2**53.
    for name in ints:
        frame[name] = pandas.array([row[name] for row in rows], dtype="Int64")
    for name in times:
        try:
            frame[name] = pandas.Series(pandas.to_datetime([row[name] for row in rows], utc=True),
                                        dtype="datetime64[ns, UTC]")
        except (OverflowError, pandas.errors.OutOfBoundsDatetime):
            pass  # a time after 2262 (the model allows 9999): left as datetime objects
    return frame
