"""The bound C library and the conversions every wrapper uses (internal).

Importing this module opens the library (see :mod:`metaethno._native`),
checks its version, and sets ``restype`` and ``argtypes`` of every function
in :data:`metaethno._decl.DECLARATIONS`. Wrappers call the functions as
attributes of :data:`lib`.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import ctypes
import os
from ctypes import POINTER, byref, c_char_p, c_uint32, c_void_p

from . import _decl, _native
from .errors import (FORMAT_ERRORS, MODEL_ERRORS, FileError, FormatError,
                     MetaethnoError, SAVE_ERRORS)

_dll = _native.load_library()
VERSION = _native.check_version(_dll)


class _Library:
    """Namespace of the declared functions, with argtypes and restype set."""

    def __init__(self, dll, declarations):
        missing = []
        self._frees = set()
        for decl in declarations:
            try:
                function = getattr(dll, decl.name)
            except AttributeError:
                missing.append(decl.name)
                continue
            function.restype = decl.restype
            function.argtypes = list(decl.argtypes)
            setattr(self, decl.name, function)
            if decl.frees:
                self._frees.add(decl.name)
        if missing:
            raise _native.IncompatibleLibraryError(
                f"{dll._name} lacks {len(missing)} declared functions, "
                f"e.g. {', '.join(missing[:3])}")


lib = _Library(_dll, _decl.DECLARATIONS)

_glib = _native.open_glib(_dll)
g_free = _glib.g_free
g_free.restype = None
g_free.argtypes = [c_void_p]
g_strfreev = _glib.g_strfreev
g_strfreev.restype = None
g_strfreev.argtypes = [c_void_p]
g_error_free = _glib.g_error_free
g_error_free.restype = None
g_error_free.argtypes = [POINTER(_decl.GError)]
g_quark_to_string = _glib.g_quark_to_string
g_quark_to_string.restype = c_char_p
g_quark_to_string.argtypes = [c_uint32]
g_file_error_quark = _glib.g_file_error_quark
g_file_error_quark.restype = c_uint32
g_file_error_quark.argtypes = []

_MODEL_QUARK = lib.mte_model_error_quark()
_FORMAT_QUARK = lib.mte_format_error_quark()
_SAVE_QUARK = lib.mte_save_error_quark()
_FILE_QUARK = g_file_error_quark()

#: Largest time the model accepts (seconds since the epoch: 9999-12-31).
TIME_MAX = 253402300799
#: Largest value of a C guint.
GUINT_MAX = 0xFFFFFFFF


# -- strings ---------------------------------------------------------------

def enc(value, what: str = "text", *, nullable: bool = False):
    """A Python str as the NUL-terminated UTF-8 bytes C expects."""
    if value is None:
        if nullable:
            return None
        raise TypeError(f"{what} must be a str, not None")
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{what} contains a NUL character")
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(f"{what} is not valid Unicode text: {e.reason}") from None


def dec(value: bytes | None) -> str | None:
    """Borrowed C text (already copied by ctypes) as a str."""
    return None if value is None else value.decode("utf-8")


def take_string(pointer) -> str | None:
    """Copy a string the caller owns, then free it."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8")
    finally:
        g_free(ctypes.cast(pointer, c_void_p))


def take_strv(pointer) -> list[str]:
    """Copy a NULL-terminated array of strings the caller owns, then free it."""
    if not pointer:
        return []
    try:
        out = []
        i = 0
        while pointer[i]:
            out.append(ctypes.string_at(pointer[i]).decode("utf-8"))
            i += 1
        return out
    finally:
        g_strfreev(ctypes.cast(pointer, c_void_p))


def read_strv(pointer) -> list[str]:
    """Copy a borrowed NULL-terminated array of strings."""
    out = []
    if pointer:
        i = 0
        while pointer[i] is not None:
            out.append(pointer[i].decode("utf-8"))
            i += 1
    return out


def make_strv(values, what: str):
    """A NULL-terminated ``const char *`` array of Python strings."""
    if isinstance(values, str):
        raise TypeError(f"{what} must be a sequence of str, not a str")
    encoded = [enc(v, f"each of {what}") for v in values]
    array = (c_char_p * (len(encoded) + 1))(*encoded, None)
    return array


# -- errors ----------------------------------------------------------------

def _message(value: bytes | None) -> str:
    # A message quotes file names, which need not be UTF-8: an error must
    # never be lost to a UnicodeDecodeError, so undecodable bytes show as
    # U+FFFD (the exact name is in FormatError.file).
    return "" if value is None else value.decode("utf-8", "replace")


def exception_from(err) -> MetaethnoError:
    """Turn a GError into the matching exception and free the GError."""
    try:
        domain = err.contents.domain
        code = err.contents.code
        message = _message(err.contents.message)
        name = _message(g_quark_to_string(domain))
        if domain == _MODEL_QUARK:
            cls = MODEL_ERRORS[code] if 0 <= code < len(MODEL_ERRORS) else MODEL_ERRORS[0]
            return cls(message, domain=name, code=code)
        if domain == _FORMAT_QUARK:
            cls = FORMAT_ERRORS[code] if 0 <= code < len(FORMAT_ERRORS) else FormatError
            file = c_char_p()
            line = ctypes.c_int()
            column = ctypes.c_int()
            if lib.mte_format_error_get_location(err, byref(file), byref(line), byref(column)):
                # The name as the file system has it: os.fsdecode gives back
                # the str (or surrogate-escaped str) the caller passed.
                return cls(message, domain=name, code=code,
                           file=None if file.value is None else os.fsdecode(file.value),
                           line=line.value, column=column.value)
            return cls(message, domain=name, code=code)
        if domain == _FILE_QUARK:
            return FileError(message, domain=name, code=code)
        if domain == _SAVE_QUARK:
            cls = SAVE_ERRORS[code] if 0 <= code < len(SAVE_ERRORS) else SAVE_ERRORS[0]
            return cls(message, domain=name, code=code)
        return MetaethnoError(message, domain=name, code=code)
    finally:
        g_error_free(err)


def call(function, *args):
    """Call a function whose last parameter is ``GError **``; raise on error."""
    err = POINTER(_decl.GError)()
    result = function(*args, byref(err))
    if err:
        raise exception_from(err)
    return result


def frees(function) -> bool:
    """Whether the declaration table marks this function as freeing memory."""
    return function.__name__ in lib._frees
