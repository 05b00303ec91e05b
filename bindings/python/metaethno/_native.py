"""Finding, loading and checking the C library (internal).

The package never compiles anything: it opens ``libmetaethno`` with ctypes.
The library is looked for, in order:

1. ``METAETHNO_LIBRARY``: the path of the shared library itself, or of a
   folder holding it (a build tree's ``lib/`` folder, say). When it is set,
   it is the only place tried: an explicit choice that fails must not
   silently fall back to another copy of the library;
2. the folder pkg-config reports for the installed ``metaethno`` package;
3. :func:`ctypes.util.find_library`;
4. the plain soname, left to the dynamic loader (``LD_LIBRARY_PATH``).

When every attempt fails, :class:`LibraryNotFoundError` lists what was tried
and why each attempt failed.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys

__all__ = ["LibraryNotFoundError", "IncompatibleLibraryError", "load_library",
           "SONAME", "ENV_VARIABLE", "REQUIRED_VERSION"]

#: The soname of the ABI these bindings were written for.
SONAME = "libmetaethno.so.0"
#: Environment variable naming the library, or the folder holding it.
ENV_VARIABLE = "METAETHNO_LIBRARY"
#: Oldest library version the declaration table matches (major must be equal).
REQUIRED_VERSION = (0, 1, 0)


class LibraryNotFoundError(ImportError):
    """The C library could not be found or opened.

    ``attempts`` holds one ``(where, why)`` pair per place tried.
    """

    def __init__(self, attempts: list[tuple[str, str]]):
        self.attempts = list(attempts)
        lines = ["libmetaethno could not be loaded; tried:"]
        lines += [f"  {where}: {why}" for where, why in self.attempts]
        lines.append(f"Set {ENV_VARIABLE} to the library (or its folder), or "
                     "install metaethno where pkg-config or the dynamic "
                     "loader finds it.")
        super().__init__("\n".join(lines))


class IncompatibleLibraryError(ImportError):
    """The library that was found is a version these bindings cannot use."""


def _candidates_in(folder: str) -> list[str]:
    return [os.path.join(folder, SONAME), os.path.join(folder, "libmetaethno.so")]


def _from_environment(attempts):
    value = os.environ.get(ENV_VARIABLE)
    if not value:
        attempts.append((f"${ENV_VARIABLE}", "not set"))
        return []
    if os.path.isdir(value):
        paths = [p for p in _candidates_in(value) if os.path.exists(p)]
        if not paths:
            attempts.append((f"${ENV_VARIABLE}={value}",
                             f"folder holds neither {SONAME} nor libmetaethno.so"))
        return [(f"${ENV_VARIABLE}={value}", p) for p in paths[:1]]
    return [(f"${ENV_VARIABLE}", value)]


def _from_pkg_config(attempts):
    program = shutil.which("pkg-config")
    if program is None:
        attempts.append(("pkg-config", "pkg-config is not installed"))
        return []
    try:
        result = subprocess.run([program, "--variable=libdir", "metaethno"],
                                capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as e:
        attempts.append(("pkg-config", str(e)))
        return []
    libdir = result.stdout.strip()
    if result.returncode != 0 or not libdir:
        attempts.append(("pkg-config --variable=libdir metaethno",
                         (result.stderr.strip().splitlines() or ["no such package"])[0]))
        return []
    return [(f"pkg-config libdir {libdir}", p) for p in _candidates_in(libdir)[:1]]


def _from_find_library(attempts):
    name = ctypes.util.find_library("metaethno")
    if name is None:
        attempts.append(("ctypes.util.find_library('metaethno')", "not found"))
        return []
    return [("ctypes.util.find_library", name)]


def load_library() -> ctypes.CDLL:
    """Open the first libmetaethno that loads; raise LibraryNotFoundError."""
    attempts: list[tuple[str, str]] = []
    # Each source is asked only when the ones before it failed, so an
    # explicit choice is never overridden and pkg-config is not run for
    # nothing.
    sources = (_from_environment, _from_pkg_config, _from_find_library,
               lambda _attempts: [("dynamic loader", SONAME)])
    if os.environ.get(ENV_VARIABLE):
        sources = (_from_environment,)
    for source in sources:
        for where, path in source(attempts):
            try:
                # PyDLL keeps the GIL during calls: the library is not
                # thread-safe, and a project must not be changed by one
                # thread while another reads it.
                return ctypes.PyDLL(path)
            except OSError as e:
                attempts.append((f"{where} ({path})", str(e)))
    raise LibraryNotFoundError(attempts)


def check_version(lib) -> tuple[int, int, int]:
    """Return the library's version; raise IncompatibleLibraryError."""
    try:
        get_major = lib.mte_get_major_version
        get_minor = lib.mte_get_minor_version
        get_micro = lib.mte_get_micro_version
    except AttributeError as e:
        raise IncompatibleLibraryError(
            f"{getattr(lib, '_name', lib)!r} is not libmetaethno: {e}") from None
    for f in (get_major, get_minor, get_micro):
        f.restype = ctypes.c_uint
        f.argtypes = []
    version = (get_major(), get_minor(), get_micro())
    if version[0] != REQUIRED_VERSION[0] or version < REQUIRED_VERSION:
        raise IncompatibleLibraryError(
            "{} is version {}.{}.{}; these bindings need {}.{}.{} or a later "
            "{}.x".format(lib._name, *version, *REQUIRED_VERSION, REQUIRED_VERSION[0]))
    return version


def open_glib(lib) -> ctypes.CDLL:
    """GLib, which the library links: needed for g_free() and friends."""
    for name in ("libglib-2.0.so.0", ctypes.util.find_library("glib-2.0")):
        if name:
            try:
                return ctypes.PyDLL(name)
            except OSError:
                continue
    # Last resort: libmetaethno's own dependency, reachable through it.
    return lib
