"""Enumerations of the C API, as :class:`enum.IntEnum` classes.

Each member's value is the C enumerator's value, and ``str(member)`` is the
name the file format and the command line use (``"reciprocal"``,
``"chronological"``...). Every function that takes one of these also takes
that name as a string.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import enum

from ._c import dec, enc, lib

__all__ = ["EntityKind", "ConstructOrder", "TranslationKind",
           "CerqualComponent", "Concern", "Confidence", "StudyField",
           "StudyOrder", "CellState", "Severity", "GroundingKind",
           "ReportFormat", "DecisionKind", "ProtocolField", "SourceKind",
           "RecordField", "RecordFate", "ExclusionStage", "PrismaCount",
           "ReferenceFormat", "IndexStudySource", "EmergeItem", "Credibility",
           "RefiFormat", "RefiStudyUnit", "RefiRole", "Weighting"]


class _Named(enum.IntEnum):
    """An IntEnum whose str() is its name in the format and the CLI."""

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The name the file format and the command line use."""
        return self._text_table()[self]

    @classmethod
    def _text_table(cls):
        return {m: m.name.lower().replace("_", "-") for m in cls}

    @classmethod
    def coerce(cls, value, what: str | None = None):
        """Accept a member, its int value, or its name; else ValueError/TypeError."""
        what = what or cls.__name__
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            for member, name in cls._text_table().items():
                if name == value or member.name.lower() == value.lower():
                    return member
            raise ValueError(f"{value!r} is not a {what}; expected one of "
                             + ", ".join(cls._text_table().values()))
        if isinstance(value, int) and not isinstance(value, bool):
            try:
                return cls(value)
            except ValueError:
                raise ValueError(f"{value} is not a {what}") from None
        raise TypeError(f"{what} must be a {cls.__name__} or str, "
                        f"not {type(value).__name__}")


def _from_c(to_string):
    """Names taken from the library's own *_to_string function."""
    @classmethod
    def names(cls):
        cache = cls.__dict__.get("_cache")
        if cache is None:
            cache = {m: dec(to_string(int(m))) for m in cls}
            setattr(cls, "_cache", cache)
        return cache
    return names


def _parser(parse, what: str, invalid: int = -1):
    """A from_string() classmethod over the library's own *_from_string,
    which answers *invalid* (or any value below it) for an unknown name."""
    @classmethod
    def from_string(cls, name: str):
        value = parse(enc(name, f"{what} name"))
        if value <= invalid:
            raise ValueError(f"{name!r} is not a {what}")
        return cls(value)
    from_string.__func__.__doc__ = (
        f"The {what} the file format and the command line call *name* "
        f"(as {parse.__name__} reads it); ValueError for none.")
    return from_string


class EntityKind(_Named):
    """Kinds of entity; every entity has an id unique across all kinds."""
    MEMBER = 1
    CHECKLIST = 2
    STUDY = 3
    CONSTRUCT = 4
    CONCEPT = 5
    TRANSLATION = 6
    THIRD_ORDER = 7
    ARGUMENT_LINK = 8
    FRAMEWORK = 9
    MEMO = 10
    SEARCH = 11
    RECORD = 12
    _text_table = _from_c(lib.mte_entity_kind_to_string)


class ConstructOrder(_Named):
    """First order: participants' words; second order: authors' interpretations."""
    FIRST_ORDER = 1
    SECOND_ORDER = 2

    @classmethod
    def _text_table(cls):
        return {cls.FIRST_ORDER: "first-order", cls.SECOND_ORDER: "second-order"}


class TranslationKind(_Named):
    """Reciprocal: the same idea in other words; refutational: a contradiction."""
    RECIPROCAL = 1
    REFUTATIONAL = 2


class CerqualComponent(_Named):
    """The four components of a GRADE-CERQual assessment."""
    METHODOLOGICAL_LIMITATIONS = 0
    COHERENCE = 1
    ADEQUACY = 2
    RELEVANCE = 3
    _text_table = _from_c(lib.mte_cerqual_component_to_string)


class Concern(_Named):
    """Concern about one CERQual component."""
    NOT_ASSESSED = 0
    NONE_OR_VERY_MINOR = 1
    MINOR = 2
    MODERATE = 3
    SERIOUS = 4
    _text_table = _from_c(lib.mte_concern_to_string)


class Confidence(_Named):
    """Overall CERQual confidence in a finding."""
    NOT_ASSESSED = 0
    HIGH = 1
    MODERATE = 2
    LOW = 3
    VERY_LOW = 4
    _text_table = _from_c(lib.mte_confidence_to_string)


class StudyField(_Named):
    """The text fields of a study's citation and context."""
    TITLE = 0
    SOURCE = 1
    VOLUME = 2
    ISSUE = 3
    PAGES = 4
    DOI = 5
    URL = 6
    COUNTRY = 7
    SETTING = 8
    PARTICIPANTS = 9
    CONDITION = 10
    DATA_COLLECTION = 11
    ANALYSIS = 12
    NOTES = 13
    _text_table = _from_c(lib.mte_study_field_to_string)

    from_string = _parser(lib.mte_study_field_from_string, "study field")


class StudyOrder(_Named):
    """Orders of studies: as entered, by year, index study first, or the team's."""
    PROJECT = 0
    CHRONOLOGICAL = 1
    INDEX = 2
    CUSTOM = 3
    _text_table = _from_c(lib.mte_study_order_to_string)

    from_string = _parser(lib.mte_study_order_from_string, "study order")

    @property
    def ties(self) -> str:
        """How this order breaks ties, in one sentence for a report."""
        return lib.mte_study_order_get_ties(int(self)).decode()


class IndexStudySource(_Named):
    """Who chose the index study an order starts from."""
    NONE = 0
    TEAM = 1
    RULE = 2
    _text_table = _from_c(lib.mte_index_study_source_to_string)


class CellState(_Named):
    """How a study stands to a concept in the translation table."""
    ABSENT = 0
    EXPRESSES = 1
    REFUTES = 2
    EXPRESSES_AND_REFUTES = 3


class Severity(_Named):
    """Severity of a check finding."""
    INFO = 0
    WARNING = 1
    ERROR = 2
    _text_table = _from_c(lib.mte_severity_to_string)


class GroundingKind(_Named):
    """The lists a finding of the line of argument is grounded in."""
    STUDIES = 0
    CONCEPTS = 1
    CONSTRUCTS = 2
    QUOTES = 3
    REFUTATIONS = 4


class ReportFormat(_Named):
    """Formats the renderers write."""
    TEXT = 0
    CSV = 1
    MARKDOWN = 2
    JSON = 3
    DOT = 4
    HTML = 5
    DOCX = 6
    _text_table = _from_c(lib.mte_report_format_to_string)

    from_string = _parser(lib.mte_report_format_from_string, "report format")


class DecisionKind(_Named):
    """What a translation-session decision did with its construct."""
    RECIPROCAL = 1
    REFUTATIONAL = 2
    NEW_CONCEPT = 3
    SET_ASIDE = 4
    _text_table = _from_c(lib.mte_decision_kind_to_string)


class ProtocolField(_Named):
    """The parts of the review protocol besides title, question and aim."""
    RATIONALE = 0
    INCLUSION = 1
    EXCLUSION = 2
    SEARCH_STRATEGY = 3
    REGISTRATION = 4
    _text_table = _from_c(lib.mte_protocol_field_to_string)

    from_string = _parser(lib.mte_protocol_field_from_string, "protocol field")


class EmergeItem(_Named):
    """The 19 items of the eMERGe reporting guidance (France et al. 2019),
    numbered as there; ``str()`` is the item's key ("why-meta-ethnography").
    :attr:`title` is its heading, :attr:`phase` the phase (1 to 7)."""
    RATIONALE = 1
    AIM = 2
    FOCUS = 3
    WHY_META_ETHNOGRAPHY = 4
    SEARCH_STRATEGY = 5
    SEARCH_PROCESS = 6
    SELECTION = 7
    SELECTION_OUTCOME = 8
    READING = 9
    STUDY_CHARACTERISTICS = 10
    RELATING_PROCESS = 11
    RELATING_OUTCOME = 12
    TRANSLATION_PROCESS = 13
    TRANSLATION_OUTCOME = 14
    SYNTHESIS_PROCESS = 15
    SYNTHESIS_OUTCOME = 16
    SUMMARY = 17
    STRENGTHS_LIMITATIONS = 18
    RECOMMENDATIONS = 19
    _text_table = _from_c(lib.mte_emerge_item_to_string)

    from_string = _parser(lib.mte_emerge_item_from_string, "eMERGe item")

    @property
    def title(self) -> str:
        """The item's heading in eMERGe's Table 1."""
        return dec(lib.mte_emerge_item_get_title(int(self)))

    @property
    def phase(self) -> int:
        """The phase of meta-ethnography the item reports, 1 to 7."""
        return lib.mte_emerge_item_get_phase(int(self))


class Credibility(_Named):
    """JBI credibility of a study's finding (a second-order construct);
    CREDIBLE is JBI's "equivocal"."""
    NOT_ASSESSED = 0
    UNEQUIVOCAL = 1
    CREDIBLE = 2
    UNSUPPORTED = 3
    _text_table = _from_c(lib.mte_credibility_to_string)

    from_string = _parser(lib.mte_credibility_from_string, "credibility")


class SourceKind(_Named):
    """Where a search looked. PRISMA 2020 puts databases and registers in
    one arm of its flow diagram and every other kind in the second."""
    DATABASE = 1
    REGISTER = 2
    WEBSITE = 3
    ORGANISATION = 4
    CITATION = 5
    OTHER = 6
    _text_table = _from_c(lib.mte_source_kind_to_string)

    from_string = _parser(lib.mte_source_kind_from_string, "source kind")


class RecordField(_Named):
    """The text fields of a record's citation."""
    TITLE = 0
    SOURCE = 1
    VOLUME = 2
    ISSUE = 3
    PAGES = 4
    DOI = 5
    URL = 6
    ABSTRACT = 7
    DATABASE = 8
    NOTES = 9
    _text_table = _from_c(lib.mte_record_field_to_string)

    from_string = _parser(lib.mte_record_field_from_string, "record field")


class RecordFate(_Named):
    """What became of a record, stage by stage as in PRISMA 2020."""
    UNSCREENED = 0
    DUPLICATE = 1
    REMOVED_AUTOMATION = 2
    REMOVED_OTHER = 3
    EXCLUDED_SCREENING = 4
    SOUGHT = 5
    NOT_RETRIEVED = 6
    EXCLUDED_FULL_TEXT = 7
    INCLUDED = 8
    _text_table = _from_c(lib.mte_record_fate_to_string)

    from_string = _parser(lib.mte_record_fate_from_string, "record fate")


class ExclusionStage(_Named):
    """When a study left the review; NONE while it is included."""
    NONE = 0
    FULL_TEXT = 1
    APPRAISAL = 2
    SYNTHESIS = 3
    _text_table = _from_c(lib.mte_exclusion_stage_to_string)

    from_string = _parser(lib.mte_exclusion_stage_from_string, "exclusion stage")


class PrismaCount(_Named):
    """The boxes of the PRISMA 2020 flow diagram. ``str()`` is the name the
    PRISMA2020 R package gives the box ("dbr_sought_reports"); the member
    name in lower case ("dbr_sought") is accepted too."""
    PREVIOUS_STUDIES = 0
    PREVIOUS_REPORTS = 1
    DATABASE_RESULTS = 2
    REGISTER_RESULTS = 3
    WEBSITE_RESULTS = 4
    ORGANISATION_RESULTS = 5
    CITATION_RESULTS = 6
    OTHER_RESULTS = 7
    DUPLICATES = 8
    EXCLUDED_AUTOMATIC = 9
    EXCLUDED_OTHER = 10
    RECORDS_SCREENED = 11
    RECORDS_EXCLUDED = 12
    DBR_SOUGHT = 13
    DBR_NOT_RETRIEVED = 14
    DBR_ASSESSED = 15
    DBR_EXCLUDED = 16
    OTHER_SOUGHT = 17
    OTHER_NOT_RETRIEVED = 18
    OTHER_ASSESSED = 19
    OTHER_EXCLUDED = 20
    NEW_STUDIES = 21
    NEW_REPORTS = 22
    TOTAL_STUDIES = 23
    TOTAL_REPORTS = 24
    _text_table = _from_c(lib.mte_prisma_count_to_string)

    from_string = _parser(lib.mte_prisma_count_from_string, "PRISMA count")


class ReferenceFormat(_Named):
    """A reference format: what Project.import_references() reads (AUTO
    sniffs it from the content) and, for RIS, BIBTEX and CSL_JSON, what
    Project.export_references() writes."""
    AUTO = 0
    RIS = 1
    BIBTEX = 2
    CSL_JSON = 3
    ENDNOTE_XML = 4
    NBIB = 5
    #: A data-extraction sheet, read by Project.import_sheet() only.
    CSV = 6
    _text_table = _from_c(lib.mte_reference_format_to_string)

    from_string = _parser(lib.mte_reference_format_from_string, "reference format")


class SheetKind(_Named):
    """The kinds of data-extraction sheet Project.import_sheet() reads:
    AUTO decides from the header (an order or text column makes a
    constructs sheet)."""
    AUTO = 0
    STUDIES = 1
    CONSTRUCTS = 2
    _text_table = _from_c(lib.mte_sheet_kind_to_string)

    from_string = _parser(lib.mte_sheet_kind_from_string, "sheet kind")

    @property
    def fields(self) -> list[str]:
        """The field names a column of such a sheet can be mapped to
        (empty for AUTO)."""
        names = lib.mte_sheet_fields(int(self))
        out = []
        i = 0
        while names and names[i] is not None:
            out.append(dec(names[i]))
            i += 1
        return out


class RefiFormat(_Named):
    """REFI-QDA files: a project archive (.qdpx), a bare project document
    (.qde, read only) or a codebook (.qdc); AUTO decides from the content
    (or, when writing, from the file name)."""
    AUTO = 0
    QDPX = 1
    QDE = 2
    QDC = 3
    _text_table = _from_c(lib.mte_refi_format_to_string)

    from_string = _parser(lib.mte_refi_format_from_string, "REFI-QDA format")


class RefiStudyUnit(_Named):
    """What an included paper is in a QDA project: each text source, or
    each case (holding its sources)."""
    PER_SOURCE = 0
    PER_CASE = 1

    @classmethod
    def _text_table(cls):
        return {cls.PER_SOURCE: "source", cls.PER_CASE: "case"}


class RefiRole(_Named):
    """The roles a code plays in a REFI-QDA mapping."""
    FIRST_ORDER = 0
    SECOND_ORDER = 1
    CONCEPTS = 2
    THIRD_ORDER = 3


class Weighting(_Named):
    """How a :class:`~metaethno.similarity.TextIndex` scores a document
    against a query: Okapi BM25 (the default) or the cosine of tf-idf
    vectors as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``
    computes them. See docs/similarity.md."""
    BM25 = 0
    TFIDF = 1
