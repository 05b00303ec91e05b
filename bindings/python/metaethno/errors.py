"""Exceptions raised by metaethno.

Every error the C library reports (a ``GError``) becomes an instance of a
subclass of :class:`MetaethnoError`, chosen by the error's domain and code:

* :class:`ModelError` and its subclasses: a change the model refuses
  (``MTE_MODEL_ERROR``), e.g. :class:`DuplicateIdError`;
* :class:`FormatError` and its subclasses: a project file that cannot be
  read (``MTE_FORMAT_ERROR``); these carry ``file``, ``line`` and
  ``column``, e.g. :class:`ParseError` for malformed XML;
* :class:`FileError`: a file that cannot be written (GLib's file errors);
  it is also an :class:`OSError` with ``errno`` set;
* :class:`SaveError` and its subclasses: a save that did not happen as
  asked (``MTE_SAVE_ERROR``): :class:`ChangedOnDiskError` (another program
  changed the file since it was loaded; nothing was saved),
  :class:`LockedError` (another program is changing the file) and
  :class:`NotDurableError` (the change IS saved, but the disk did not
  confirm it: do not repeat it).

The bindings add four of their own:

* :class:`ClosedError`: the project, or a result, was closed;
* :class:`RemovedError`: the entity no longer exists in its project;
* :class:`StaleResultError`: a result was computed before something was
  removed from its project, and must be computed again;
* :class:`ReentrancyError`: a signal handler tried to change a project
  (or free a result) that the code it interrupted was using, or to read a
  project that code was changing.

Arguments of the wrong type or out of range raise the built-in
``TypeError``, ``ValueError`` or ``IndexError`` before reaching C.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import errno as _errno

__all__ = [
    "MetaethnoError", "ClosedError", "RemovedError", "StaleResultError",
    "ReentrancyError",
    "ModelError", "InvalidIdError", "DuplicateIdError", "NotFoundError",
    "WrongKindError", "HasDependentsError", "InvalidValueError",
    "FormatError", "ParseError", "ForbiddenContentError", "TooLargeError",
    "SchemaError", "UnsupportedVersionError", "DuplicateIdInFileError",
    "UnknownReferenceError", "InvalidValueInFileError", "FileError",
    "SaveError", "ChangedOnDiskError", "LockedError", "NotDurableError",
]


class MetaethnoError(Exception):
    """Base class of every error metaethno raises.

    ``domain`` is the GLib error domain (e.g. ``"mte-model-error-quark"``)
    and ``code`` the numeric code within it; both are None for errors the
    bindings raise themselves.
    """

    def __init__(self, message: str, *, domain: str | None = None,
                 code: int | None = None):
        super().__init__(message)
        self.message = message
        self.domain = domain
        self.code = code


class ClosedError(MetaethnoError):
    """The project or result was closed; nothing can be read or changed."""


class RemovedError(MetaethnoError, LookupError):
    """The entity was removed from its project (or replaced by another kind)."""


class StaleResultError(MetaethnoError):
    """The project lost entities since this result was computed."""


class ReentrancyError(MetaethnoError, RuntimeError):
    """The project is in use by the code a signal handler interrupted.

    A signal handler runs in the main thread between two steps of the code
    it interrupts. When that code was reading a project, the handler may
    read it too, but changing it (removing, adding, setting, undoing,
    closing the project or a result of it) raises this error, since it
    could free memory the interrupted code is about to use; when that code
    was changing the project, even reading it raises this error. Other
    threads never see it: they wait for their turn instead.
    """


class ModelError(MetaethnoError):
    """The model refused a change (MTE_MODEL_ERROR_FAILED and base class)."""


class InvalidIdError(ModelError, ValueError):
    """An id that is not an XML NCName (MTE_MODEL_ERROR_INVALID_ID)."""


class DuplicateIdError(ModelError):
    """The id is already taken by another entity (MTE_MODEL_ERROR_DUPLICATE_ID)."""


class NotFoundError(ModelError, LookupError):
    """No entity, level or question with that id or key (MTE_MODEL_ERROR_NOT_FOUND)."""


class WrongKindError(ModelError):
    """The id names an entity of another kind (MTE_MODEL_ERROR_WRONG_KIND)."""


class HasDependentsError(ModelError):
    """Removal refused: other entities refer to it (MTE_MODEL_ERROR_HAS_DEPENDENTS)."""


class InvalidValueError(ModelError, ValueError):
    """A value out of range, or text XML cannot hold (MTE_MODEL_ERROR_INVALID_VALUE)."""


class FormatError(MetaethnoError):
    """A project file could not be read (MTE_FORMAT_ERROR_FAILED and base class).

    ``file`` names the file (``"<data>"`` for bytes without a name); ``line``
    and ``column`` are 1-based, or 0 when the problem has no position (the
    file could not be opened, say).
    """

    def __init__(self, message: str, *, domain: str | None = None,
                 code: int | None = None, file: str | None = None,
                 line: int = 0, column: int = 0):
        super().__init__(message, domain=domain, code=code)
        self.file = file
        self.line = line
        self.column = column


class ParseError(FormatError):
    """The bytes are not well-formed XML (MTE_FORMAT_ERROR_MALFORMED)."""


class ForbiddenContentError(FormatError):
    """A DOCTYPE, entity or external reference (MTE_FORMAT_ERROR_FORBIDDEN)."""


class TooLargeError(FormatError):
    """The input passes a size or depth bound (MTE_FORMAT_ERROR_TOO_LARGE)."""


class SchemaError(FormatError):
    """The document does not follow the schema (MTE_FORMAT_ERROR_SCHEMA)."""


class UnsupportedVersionError(FormatError):
    """A format version this library cannot read (MTE_FORMAT_ERROR_UNSUPPORTED_VERSION)."""


class DuplicateIdInFileError(FormatError):
    """Two elements share an id (MTE_FORMAT_ERROR_DUPLICATE_ID)."""


class UnknownReferenceError(FormatError):
    """A reference to an id that does not exist (MTE_FORMAT_ERROR_UNKNOWN_REFERENCE)."""


class InvalidValueInFileError(FormatError):
    """A value the model refuses (MTE_FORMAT_ERROR_INVALID_VALUE)."""


class FileError(MetaethnoError, OSError):
    """A file could not be written (GLib's G_FILE_ERROR domain).

    ``errno`` is the matching :mod:`errno` value when there is one.
    """

    def __init__(self, message: str, *, domain: str | None = None,
                 code: int | None = None):
        MetaethnoError.__init__(self, message, domain=domain, code=code)
        self.errno = _G_FILE_ERRNO[code] if code is not None and 0 <= code < len(_G_FILE_ERRNO) else None
        self.strerror = message

    def __str__(self) -> str:
        return self.message


class SaveError(MetaethnoError):
    """A save did not happen as asked (MTE_SAVE_ERROR_FAILED and base class)."""


class ChangedOnDiskError(SaveError):
    """The file changed on disk since it was loaded, by a program that takes
    no lock; nothing was saved, so that program's change is kept. Load the
    file again and repeat the change."""


class LockedError(SaveError):
    """Another program is changing the file (only when told not to wait),
    or this program holds it open for changes already."""


class NotDurableError(SaveError):
    """The change IS in the file, but flushing its folder to disk failed:
    a power cut could still bring the previous file back. Do not repeat
    the change."""


# Codes of MteModelError and MteFormatError, in their C order.
MODEL_ERRORS = (ModelError, InvalidIdError, DuplicateIdError, NotFoundError,
                WrongKindError, HasDependentsError, InvalidValueError)
FORMAT_ERRORS = (FormatError, ParseError, ForbiddenContentError, TooLargeError,
                 SchemaError, UnsupportedVersionError, DuplicateIdInFileError,
                 UnknownReferenceError, InvalidValueInFileError)
SAVE_ERRORS = (SaveError, ChangedOnDiskError, LockedError, NotDurableError)

# GFileError codes, in GLib's order, as errno values (None for FAILED).
_G_FILE_ERRNO = tuple(getattr(_errno, name, None) for name in (
    "EEXIST", "EISDIR", "EACCES", "ENAMETOOLONG", "ENOENT", "ENOTDIR", "ENXIO",
    "ENODEV", "EROFS", "ETXTBSY", "EFAULT", "ELOOP", "ENOSPC", "ENOMEM",
    "EMFILE", "ENFILE", "EBADF", "EINVAL", "EPIPE", "EAGAIN", "EINTR", "EIO",
    "EPERM", "ENOSYS")) + (None,)
