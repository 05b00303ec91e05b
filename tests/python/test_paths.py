#!/usr/bin/env python3
"""File names the bindings pass to C and get back in errors (issue 10).

File names on POSIX are bytes, and need not be UTF-8. ``Project.load``,
``save`` and the *name* of ``from_bytes`` take them as ``open()`` does: a
str (whose undecodable bytes are surrogate escapes, as ``os.listdir``
returns them), bytes, or a path object. An error about such a file is
never lost: its message is text (bytes that are not UTF-8 are escaped by
the library, or replaced), and ``FormatError.file`` is the name as given,
decoded as ``os.fsdecode`` does.

Run against a build tree by `meson test python-paths`, or by hand:

    METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python MTE_SOURCE_ROOT=. \\
        python3 tests/python/test_paths.py

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import errno
import os
import pathlib
import shutil
import sys
import tempfile
import unittest

import metaethno
from metaethno import FileError, FormatError, ParseError, Project

SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
STARTER = os.path.join(SOURCE_ROOT, "docs", "examples", "starter.xml")


def forms(raw: bytes):
    """The same file name as bytes, str (surrogate-escaped) and path object."""
    return [raw, os.fsdecode(raw), pathlib.Path(os.fsdecode(raw))]


@unittest.skipIf(sys.platform == "win32", "POSIX file names are bytes")
class NonUtf8Names(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="mte-paths-").encode()
        self.addCleanup(shutil.rmtree, self.folder)

    def name(self, leaf: bytes) -> bytes:
        return os.path.join(self.folder, leaf)

    def assert_text(self, message):
        self.assertIsInstance(message, str)
        message.encode("utf-8")  # no lone surrogate: printable anywhere
        self.assertNotIn("\n", message)

    def test_missing_file(self):
        raw = self.name(b"missing-\xff\xfe.xml")
        for path in forms(raw):
            with self.subTest(type(path).__name__), \
                    self.assertRaises(FormatError) as cm:
                Project.load(path)
            e = cm.exception
            self.assert_text(str(e))
            self.assertIn("missing-", str(e))
            self.assertEqual(e.file, os.fsdecode(raw))
            self.assertEqual((e.line, e.column), (0, 0))

    def test_malformed_file_names_its_place(self):
        raw = self.name(b"broken-\xe9t\xe9.xml")
        with open(raw, "wb") as f:
            f.write(b'<project xmlns="urn:metaethno:project:1" version="1.0">\n'
                    b"  <studies>\n</project>\n")
        for path in forms(raw):
            with self.subTest(type(path).__name__), self.assertRaises(ParseError) as cm:
                Project.load(path)
            e = cm.exception
            self.assert_text(str(e))
            self.assertEqual(e.file, os.fsdecode(raw))
            self.assertEqual((e.line, e.column), (3, 11))

    def test_save_and_load_back(self):
        with Project.load(STARTER) as project:
            for i, path in enumerate(forms(self.name(b"copy-\xff.xml"))):
                with self.subTest(type(path).__name__):
                    project.save(path, fsync=False)
                    self.assertIn(b"copy-\xff.xml", os.listdir(self.folder))
                    with Project.load(path) as again:
                        self.assertTrue(again.equals(project))
                    os.remove(path)

    def test_save_failure_is_an_os_error(self):
        raw = self.name(b"no-such-folder-\xff/out.xml")
        with Project("unsaved") as project:
            for path in forms(raw):
                with self.subTest(type(path).__name__), self.assertRaises(FileError) as cm:
                    project.save(path)
                e = cm.exception
                self.assertIsInstance(e, OSError)
                self.assertEqual(e.errno, errno.ENOENT)
                self.assert_text(str(e))
                self.assertIn("no-such-folder-", str(e))

    def test_from_bytes_name(self):
        data = b"<project"
        for name in (b"in-memory-\xff.xml", os.fsdecode(b"in-memory-\xff.xml"),
                     pathlib.Path("plain.xml"), "plain.xml"):
            with self.subTest(repr(name)), self.assertRaises(FormatError) as cm:
                Project.from_bytes(data, name)
            self.assertEqual(cm.exception.file, os.fsdecode(os.fsencode(name)))
            self.assert_text(str(cm.exception))

    def test_names_that_cannot_be_names(self):
        with self.assertRaises(ValueError):
            Project.load(self.name(b"nul\0.xml"))
        with self.assertRaises(ValueError):
            Project.load("nul\0.xml")
        # A lone surrogate that no byte escapes: as open() does.
        with self.assertRaises(UnicodeEncodeError):
            Project.load("\ud800.xml")
        with self.assertRaises(UnicodeEncodeError), Project("x") as project:
            project.save("\ud800.xml")
        # Only a name for messages: a plain ValueError.
        with self.assertRaises(ValueError):
            Project.from_bytes(b"<project", "\ud800")
        with self.assertRaises(TypeError):
            Project.load(3)
        with self.assertRaises(TypeError):
            Project.from_bytes(b"<project", 3)

    def test_errors_keep_their_kind(self):
        """Every FormatError subclass comes through, whatever the file's name."""
        raw = self.name(b"schema-\xff.xml")
        with open(raw, "wb") as f:
            f.write(b'<project xmlns="urn:metaethno:project:1" version="9.0"/>\n')
        with self.assertRaises(metaethno.UnsupportedVersionError) as cm:
            Project.load(raw)
        self.assertEqual(cm.exception.file, os.fsdecode(raw))


class UndecodableMessages(unittest.TestCase):
    """A GError whose message is not UTF-8 (as an older library writes it,
    quoting a file name) still becomes its exception, with U+FFFD where the
    bytes were; the GError is freed all the same."""

    def raise_gerror(self, quark, code, message: bytes):
        import ctypes
        from metaethno import _c, _decl
        new = _c._glib.g_error_new_literal
        new.restype = ctypes.POINTER(_decl.GError)
        new.argtypes = [ctypes.c_uint32, ctypes.c_int, ctypes.c_char_p]
        raise _c.exception_from(new(quark, code, message))

    def test_file_error(self):
        from metaethno import _c
        with self.assertRaises(FileError) as cm:
            self.raise_gerror(_c._FILE_QUARK, 4, b"cannot open '/tmp/\xff\xfe.xml'")
        self.assertEqual(str(cm.exception), "cannot open '/tmp/\ufffd\ufffd.xml'")
        self.assertEqual(cm.exception.errno, errno.ENOENT)

    def test_model_error(self):
        from metaethno import _c
        with self.assertRaises(metaethno.NotFoundError) as cm:
            self.raise_gerror(_c._MODEL_QUARK, 3, b"no study \xc3(")
        self.assertEqual(str(cm.exception), "no study \ufffd(")


if __name__ == "__main__":
    unittest.main()
