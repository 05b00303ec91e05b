"""metaethno: meta-ethnography in Python, over the libmetaethno C library.

Model a review team's synthesis of qualitative studies (studies, first- and
second-order constructs, key concepts, reciprocal and refutational
translations, third-order constructs, the line of argument, frameworks and
GRADE-CERQual), run the translation session, and compute the grid,
relatedness, translation table, saturation, checks and synthesis::

    import metaethno

    with metaethno.Project.load("warmth.xml") as project:
        synthesis = project.line_of_argument()
        for finding in synthesis:
            print(finding.third_order.label, finding.support)

The bindings use ctypes: nothing is compiled, and the package uses the
C library it finds (``METAETHNO_LIBRARY``, pkg-config, then the dynamic
loader). See docs/python.md.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

from ._c import VERSION as _LIBRARY_VERSION
from ._c import dec as _dec
from ._c import lib as _lib
from ._native import (ENV_VARIABLE, IncompatibleLibraryError,
                      LibraryNotFoundError)
from .analysis import (CHECK_DEFAULT_MIN_STUDIES, RELATEDNESS_DEFAULT_THRESHOLD,
                       SUGGESTIONS_DEFAULT_THRESHOLD, CheckReport, Coverage,
                       Conqual, Disagreement, Finding, Grid, Issue, LineOfArgument, Prisma,
                       PrismaSource, Relatedness, Suggestion, Suggestions,
                       TranslationTable)
from .enums import (CellState, CerqualComponent, Concern, Confidence,
                    ConstructOrder, Credibility, DecisionKind, EmergeItem, EntityKind, ExclusionStage,
                    GroundingKind, IndexStudySource, PrismaCount, ProtocolField, RecordFate,
                    RecordField, ReferenceFormat, RefiFormat, RefiRole, RefiStudyUnit,
                    ReportFormat, Severity,
                    SheetKind, SourceKind, StudyField, StudyOrder, TranslationKind,
                    Weighting)
from .errors import (ClosedError, DuplicateIdError, DuplicateIdInFileError,
                     FileError, ForbiddenContentError, FormatError,
                     HasDependentsError, InvalidIdError, InvalidValueError,
                     InvalidValueInFileError, MetaethnoError, ModelError,
                     NotFoundError, ParseError, ReentrancyError,
                     SaveError, ChangedOnDiskError, LockedError, NotDurableError,
                     RemovedError, SchemaError,
                     StaleResultError, TooLargeError, UnknownReferenceError,
                     UnsupportedVersionError, WrongKindError)
from .model import (RELATION_IS_PART_OF, RELATION_LEADS_TO, RELATION_SHAPES,
                    Appraisal, ArgumentLink, Checklist, Classification,
                    Concept, Construct, EmergeTexts, Entity, EntityList, Framework, Level,
                    Member, Memo, Project, Protocol, Question, Record, Search,
                    Study, ThirdOrder, Translation)
from . import frames
from .projectfile import ProjectFile
from .references import Duplicate, ImportProblem, ImportReport, sniff_format
from .refi import RefiLoss, RefiReport, describe_refi
from .session import Decision, Session
from .similarity import Match, TextIndex

#: Version of these bindings (follows the C library's).
__version__ = "0.2.0"
#: Version of the C library in use, e.g. "0.2.0".
library_version: str = _dec(_lib.mte_get_version_string())
#: The same as a tuple of ints.
library_version_info: tuple[int, int, int] = _LIBRARY_VERSION
#: Format version of the project files this library writes.
FORMAT_VERSION = "1.2"


def schema() -> str:
    """The XML Schema (XSD) of the project file format, as the library embeds it."""
    return _dec(_lib.mte_get_schema())


load = Project.load
from_bytes = Project.from_bytes

__all__ = [name for name in dir() if not name.startswith("_") and name not in (
    "annotations",)]
