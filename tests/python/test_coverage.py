#!/usr/bin/env python3
"""The Python bindings cover the C library, and describe it correctly.

metaethno's bindings reach C only through one table,
``bindings/python/metaethno/_decl.py``. A wrong entry there does not fail
loudly: ctypes believes whatever types it is given, so a missing argument,
an ``int`` where C takes a pointer, or a ``char *`` the bindings never free
shows up later as a crash, garbage or a leak. This test guarantees:

1. Every function libmetaethno.so exports is either declared in
   ``DECLARATIONS`` or listed in ``UNWRAPPED`` with a reason, never both;
   and no entry of either names a function the library does not export.
2. Every declared function is used by the package (``lib.NAME``, also
   through an alias of ``lib``, or the name as a string literal, in a
   module other than ``_decl.py``).
3. Every declaration has the return and argument types its ``MTE_API``
   prototype in ``include/metaethno/*.h`` calls for, under the mapping the
   docstring of ``_decl.py`` sets out (rules in :func:`expected_type`).
4. ``frees=True`` marks exactly the functions that free model memory.

Each check is a function returning a list of problems, one line per
offender, so a failure names every function at fault; the last test class
feeds the checks altered data to show they do fail.

Run by meson (``meson test python-coverage``), which sets MTE_SOURCE_ROOT
and MTE_BUILD_ROOT. ``nm`` lists the exports; without it the test falls
back to the headers' MTE_API declarations.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
from __future__ import annotations

import ast
import ctypes
import functools
import glob
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
import unittest
from ctypes import (POINTER, c_char_p, c_double, c_int, c_int64, c_size_t,
                    c_ssize_t, c_uint, c_uint32)
from typing import NamedTuple

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT",
                             os.path.dirname(os.path.dirname(HERE)))
BUILD_ROOT = os.environ.get("MTE_BUILD_ROOT")
PACKAGE = os.path.join(SOURCE_ROOT, "bindings", "python", "metaethno")


# -- the declaration table ---------------------------------------------------

def load_decl():
    """Import ``_decl.py`` by path: it needs only ctypes, and loading it
    alone keeps the library (and the rest of the package) out of this test,
    so a stale entry is reported here rather than as an import error."""
    path = os.path.join(PACKAGE, "_decl.py")
    spec = importlib.util.spec_from_file_location("_mte_decl_under_test", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# -- the headers --------------------------------------------------------------

COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
# A preprocessor line, with its backslash continuations.
DIRECTIVE = re.compile(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", re.M)
DEPRECATED = re.compile(r"\bMTE_DEPRECATED_FOR\s*\([^)]*\)")
CLEANUP_FUNC = re.compile(r"\bG_DEFINE_AUTO\w*\s*\([^)]*\)")
# MTE_API <return type> <name> (<parameters>);
PROTOTYPE = re.compile(r"\bMTE_API\b([^;{}()]*?)\b([A-Za-z_]\w*)\s*\(([^()]*)\)\s*;")
# Any MTE_API name, parsed or not: to notice prototypes PROTOTYPE misses.
ANY_API_NAME = re.compile(r"\bMTE_API\b[^;{}]*?\b([A-Za-z_]\w*)\s*\(")
ENUM = re.compile(r"\btypedef\s+enum\s*(?:\w+\s*)?\{[^{}]*\}\s*(\w+)\s*;")
OPAQUE = re.compile(r"\btypedef\s+struct\s+\w+\s+(\w+)\s*;")
# GLib annotations that may precede a return type without changing it.
ANNOTATION = re.compile(r"\bG_GNUC_\w+\b")
TYPE_WORDS = {"const", "char", "int", "unsigned", "signed", "short", "long",
              "double", "float", "void"}


class Param(NamedTuple):
    ctype: str      # canonical C type, e.g. "const char * const *"
    name: str       # the parameter's name; "" when the prototype omits it


class Prototype(NamedTuple):
    name: str
    restype: str
    params: tuple   # of Param
    header: str


def canonical_type(text: str) -> str:
    """A C type spelled one way: words one space apart, each run of stars
    after one space: ``const char*const*`` -> ``const char * const *``."""
    out = ""
    for token in re.findall(r"\w+|\*", text):
        if token == "*":
            out += "*" if out.endswith("*") else " *"
        else:
            out += (" " if out else "") + token
    return out


def parse_param(text: str) -> Param:
    tokens = re.findall(r"\w+|\*", text)
    last = tokens[-1] if tokens else ""
    # The last word is the parameter's name unless it is all there is or
    # is itself part of the type ("unsigned int", "const char *").
    if len(tokens) > 1 and re.fullmatch(r"[A-Za-z_]\w*", last) and last not in TYPE_WORDS:
        return Param(canonical_type(" ".join(tokens[:-1])), last)
    return Param(canonical_type(text), "")


def parse_params(text: str) -> tuple:
    text = " ".join(text.split())
    if text in ("", "void"):
        return ()
    return tuple(parse_param(part) for part in text.split(","))


def header_paths() -> list[str]:
    """The public headers, with the generated mte-version.h of the build
    tree in place of its template mte-version.h.in."""
    paths = sorted(glob.glob(os.path.join(SOURCE_ROOT, "include", "metaethno", "*.h")))
    generated = os.path.join(BUILD_ROOT, "include", "metaethno", "mte-version.h")
    paths.append(generated)
    return paths


def clean_header(text: str) -> str:
    text = COMMENT.sub(" ", text)
    text = DIRECTIVE.sub(" ", text)      # #define MTE_API ..., macros
    text = DEPRECATED.sub(" ", text)     # MTE_DEPRECATED_FOR (...)
    return CLEANUP_FUNC.sub(" ", text)   # G_DEFINE_AUTOPTR_CLEANUP_FUNC (...)


class Headers(NamedTuple):
    prototypes: dict      # name -> Prototype
    unparsed: list        # MTE_API names whose prototype could not be read
    enums: set            # typedef enum {...} Name;
    opaque: set           # typedef struct _Name Name;


def parse_headers(paths) -> Headers:
    prototypes, names, enums, opaque = {}, {}, set(), set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = clean_header(f.read())
        header = os.path.basename(path)
        enums.update(ENUM.findall(text))
        opaque.update(OPAQUE.findall(text))
        for name in ANY_API_NAME.findall(text):
            names.setdefault(name, header)
        for match in PROTOTYPE.finditer(text):
            restype = canonical_type(ANNOTATION.sub(" ", match.group(1)))
            name = match.group(2)
            prototypes[name] = Prototype(name, restype, parse_params(match.group(3)), header)
    unparsed = sorted(f"{name} ({header})" for name, header in names.items()
                      if name not in prototypes)
    return Headers(prototypes, unparsed, enums, opaque)


# -- the library's exports ----------------------------------------------------

LINKER_MARKERS = {"_init", "_fini", "_edata", "_end", "__bss_start"}


def exported_functions(library: str, headers: Headers) -> tuple[set, str]:
    """The functions the library defines in its dynamic symbol table, and
    where that list came from."""
    nm = os.environ.get("NM") or shutil.which("nm")
    if nm is None:
        return set(headers.prototypes), "the headers' MTE_API declarations (nm not found)"
    output = subprocess.run([nm, "-D", "--defined-only", library], check=True,
                            capture_output=True, text=True).stdout
    names = set()
    for line in output.splitlines():
        fields = line.split()
        if len(fields) != 3:
            continue
        _, kind, name = fields
        name = name.split("@")[0]
        # Absolute symbols are version nodes; the rest are linker-made.
        if kind == "A" or name in LINKER_MARKERS:
            continue
        if kind in ("T", "W", "i"):   # text, weak, indirect: functions
            names.add(name)
    return names, f"nm -D {library}"


# -- check 1: exported = declared + unwrapped ---------------------------------

def check_exports(exported, declarations, unwrapped) -> list[str]:
    problems = []
    declared = [d.name for d in declarations]
    seen = set()
    for name in declared:
        if name in seen:
            problems.append(f"{name}: declared twice in DECLARATIONS")
        seen.add(name)
    for name in sorted(exported):
        if name not in seen and name not in unwrapped:
            problems.append(f"{name}: exported, but neither declared in DECLARATIONS "
                            "nor listed in UNWRAPPED")
    for name in sorted(seen & set(unwrapped)):
        problems.append(f"{name}: both declared in DECLARATIONS and listed in UNWRAPPED")
    for name, reason in sorted(unwrapped.items()):
        if not isinstance(reason, str) or not reason.strip():
            problems.append(f"{name}: listed in UNWRAPPED without a reason")
    for name in sorted(seen - set(exported)):
        problems.append(f"{name}: stale: declared in DECLARATIONS but not exported")
    for name in sorted(set(unwrapped) - set(exported)):
        problems.append(f"{name}: stale: listed in UNWRAPPED but not exported")
    return problems


# -- check 2: declared = used --------------------------------------------------

def referenced_names(source: str) -> set[str]:
    """Names used as an attribute (``lib.NAME``, and likewise through an
    alias such as ``__init__.py``'s ``_lib``) or written as a whole string
    literal; comments do not count."""
    skip = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT,
            tokenize.INDENT, tokenize.DEDENT}
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type not in skip]
    names = set()
    for i, token in enumerate(tokens):
        if token.type == tokenize.NAME and i >= 1 and tokens[i - 1].string == ".":
            names.add(token.string)
        elif token.type == tokenize.STRING:
            try:
                value = ast.literal_eval(token.string)
            except (ValueError, SyntaxError):
                continue
            if isinstance(value, str) and value.isidentifier():
                names.add(value)
    return names


def package_sources() -> dict[str, str]:
    """Every module of the package but the table itself, by file name."""
    sources = {}
    for path in sorted(glob.glob(os.path.join(PACKAGE, "*.py"))):
        if os.path.basename(path) != "_decl.py":
            with open(path, encoding="utf-8") as f:
                sources[os.path.basename(path)] = f.read()
    return sources


def check_used(declarations, sources: dict[str, str]) -> list[str]:
    used = set()
    for source in sources.values():
        used |= referenced_names(source)
    return [f"{d.name}: declared but never used by {', '.join(sorted(sources))}"
            for d in declarations if d.name not in used]


# -- check 3: the table matches the prototypes --------------------------------

class Expected(NamedTuple):
    ctype: object   # the ctypes type (None for void)
    label: str      # how the table should spell it


def ctypes_names(t) -> list[str]:
    """The ctypes names of a simple type; several when they are aliases
    (on LP64 c_int64 and c_ssize_t are both c_long)."""
    names = ("c_char_p", "c_char", "c_int", "c_uint", "c_int64", "c_ssize_t",
             "c_size_t", "c_uint32", "c_double", "c_void_p")
    return [n for n in names if getattr(ctypes, n) is t]


def describe(t) -> str:
    """A ctypes type as the table would write it, e.g. POINTER(c_char_p)."""
    if t is None:
        return "None"
    if ctypes_names(t):
        return "/".join(ctypes_names(t))
    if isinstance(t, type) and issubclass(t, ctypes._Pointer):
        return f"POINTER({describe(t._type_)})"
    return getattr(t, "__name__", repr(t))


def opaque_pointers(decl) -> dict[str, object]:
    """The table's pointer type of each opaque C struct, by struct name:
    {"MteStudy": _decl.Study, ...}."""
    found = {}
    for value in vars(decl).values():
        if (isinstance(value, type) and issubclass(value, ctypes._Pointer)
                and isinstance(value._type_, type)
                and issubclass(value._type_, ctypes.Structure)
                and value._type_ is not decl.GError):
            found[value._type_.__name__] = value
    return found


class Api(NamedTuple):
    decl: object    # the _decl module
    enums: set      # Mte enum type names
    opaque: set     # opaque struct type names from the headers
    pointers: dict  # struct name -> the table's pointer type


def expected_type(ctype: str, role: str, api: Api) -> Expected | None:
    """What the table must use for C type ``ctype`` as a return type
    (role "return") or a parameter (role "param"); None when no rule says.

    The rules are those of the _decl.py docstring: borrowed strings are
    c_char_p, owned ones OWNED_STR / OWNED_STRV, string arrays STRV, enums
    c_int, opaque structs their own pointer type. Types are compared by
    identity, and some ctypes names are one object (on LP64 c_int64 is
    c_ssize_t, c_uint32 is c_uint; _decl.STRV is POINTER(c_char_p)): such
    a swap goes unnoticed, but it also makes no difference to the call.
    """
    d = api.decl
    anywhere = {
        "gboolean": Expected(c_int, "c_int (gboolean)"),
        "guint": Expected(c_uint, "c_uint"),
        "unsigned int": Expected(c_uint, "c_uint"),
        "int": Expected(c_int, "c_int"),
        "gint64": Expected(c_int64, "c_int64"),
        "double": Expected(c_double, "c_double"),
        "gssize": Expected(c_ssize_t, "c_ssize_t"),
        "GQuark": Expected(c_uint32, "c_uint32"),
        "gsize": Expected(c_size_t, "c_size_t"),
        "gsize *": Expected(POINTER(c_size_t), "POINTER(c_size_t)"),
        "gboolean *": Expected(POINTER(c_int), "POINTER(c_int) (gboolean *)"),
        "guint *": Expected(POINTER(c_uint), "POINTER(c_uint)"),
        "int *": Expected(POINTER(c_int), "POINTER(c_int)"),
        "gint64 *": Expected(d.INT64_OUT, "_decl.INT64_OUT"),
        "const char * const *": Expected(d.STRV, "_decl.STRV"),
        "GError **": Expected(d.ERROR, "_decl.ERROR"),
        "const GError *": Expected(POINTER(d.GError), "POINTER(_decl.GError)"),
    }
    by_role = {
        "param": {
            "const char *": Expected(c_char_p, "c_char_p"),
            "char *": Expected(c_char_p, "c_char_p"),
            "const char **": Expected(POINTER(c_char_p), "POINTER(c_char_p)"),
        },
        "return": {
            "void": Expected(None, "None"),
            "const char *": Expected(c_char_p, "c_char_p"),
            "char *": Expected(d.OWNED_STR, "_decl.OWNED_STR"),
            "char **": Expected(d.OWNED_STRV, "_decl.OWNED_STRV"),
            "MteStudy **": Expected(d.OWNED_ARRAY, "_decl.OWNED_ARRAY"),
            "GBytes *": Expected(d.BYTES, "_decl.BYTES"),
        },
    }[role]
    if ctype in by_role:
        return by_role[ctype]
    if ctype in anywhere:
        return anywhere[ctype]
    if ctype in api.enums:
        return Expected(c_int, f"c_int ({ctype} is an enum)")
    match = re.fullmatch(r"(\w+) \*", ctype)
    if role == "param" and match and match.group(1) in api.enums:
        return Expected(d.ENUM_OUT, f"_decl.ENUM_OUT ({match.group(1)} is an enum)")
    match = re.fullmatch(r"(?:const )?(\w+) \*", ctype)
    if match and match.group(1) in api.pointers:
        name = match.group(1)
        return Expected(api.pointers[name], f"the pointer type of {name}")
    match = re.fullmatch(r"(\w+) \*\*", ctype)
    if role == "param" and match and match.group(1) in api.pointers:
        name = match.group(1)
        return Expected(POINTER(api.pointers[name]), f"POINTER(the pointer type of {name})")
    return None


def unmapped(name: str, where: str, ctype: str, api: Api) -> str:
    bare = re.sub(r"^const |[ *]+$", "", ctype)
    if bare in api.opaque and bare not in api.pointers:
        why = f"_decl has no opaque pointer type for {bare}"
    else:
        why = "no rule maps it (see expected_type)"
    return f"{name}: {where}: C type '{ctype}': {why}"


def compare(decl_entry, proto: Prototype, api: Api) -> list[str]:
    """Every way one Decl differs from its prototype."""
    name = decl_entry.name
    problems = []

    expected = expected_type(proto.restype, "return", api)
    if expected is None:
        problems.append(unmapped(name, "return type", proto.restype, api))
    elif decl_entry.restype is not expected.ctype:
        problems.append(f"{name}: return type: C '{proto.restype}' needs {expected.label}, "
                        f"the table has {describe(decl_entry.restype)}")

    if len(decl_entry.argtypes) != len(proto.params):
        problems.append(f"{name}: C takes {len(proto.params)} arguments, "
                        f"the table declares {len(decl_entry.argtypes)}")
    for position, (param, declared) in enumerate(zip(proto.params, decl_entry.argtypes), 1):
        where = f"argument {position}" + (f" ({param.name})" if param.name else "")
        expected = expected_type(param.ctype, "param", api)
        if expected is None:
            problems.append(unmapped(name, where, param.ctype, api))
        elif declared is not expected.ctype:
            problems.append(f"{name}: {where}: C '{param.ctype}' needs {expected.label}, "
                            f"the table has {describe(declared)}")
    return problems


def check_types(declarations, headers: Headers, api: Api) -> list[str]:
    problems = []
    for entry in declarations:
        proto = headers.prototypes.get(entry.name)
        if proto is None:
            problems.append(f"{entry.name}: declared, but no MTE_API prototype "
                            "in the headers")
            continue
        problems += compare(entry, proto, api)
    return problems


# -- check 4: frees ----------------------------------------------------------

# What lib/ shows (read for this test):
# * mte_project_remove frees the entity (and, with MTE_REMOVE_CASCADE, its
#   dependents); mte_checklist_remove_question frees the question (its
#   answers array, which mte_checklist_get_question_answers lends) and the
#   appraisals that answer it; mte_framework_remove_level frees the level,
#   whose key mte_framework_get_classification lends.
# * mte_construct_remove_grounding, mte_concept_remove_expression and
#   mte_third_order_remove_basis only take a pointer out of a set
#   (mte_ptr_set_remove): the entity it pointed to stays.
#   mte_framework_unclassify likewise drops a classification record but
#   neither the entity nor the level, so it frees nothing the bindings hold.
# * mte_session_undo removes the decision's translation and, for a concept
#   the decision founded that nothing else uses, the concept (through
#   mte_project_remove); mte_project_discard_session frees the session;
#   mte_project_free frees everything, and so does mte_project_file_free
#   (the project opened for changes, with the file's lock).
# * mte_project_start_session fails when a session exists rather than
#   replacing it, so it frees nothing. The results' own _free functions
#   (mte_grid_free, ...) free a snapshot, never model memory.
# * mte_record_remove_search likewise takes the search out of the record's
#   set (mte_ptr_set_remove); the search stays in the project.
# * mte_study_include, mte_project_set_exclusion_count (a count of
#   MTE_COUNT_UNKNOWN) and mte_record_set_fate free strings they replace
#   (a reason), which the bindings copy out in the section that reads them:
#   no entity is freed, so they are not marked.
REFERENCE_ONLY_REMOVALS = ("remove_grounding", "remove_expression", "remove_basis",
                           "record_remove_search")
FREEING_BY_NAME = ("mte_session_undo", "mte_project_discard_session", "mte_project_free",
                   "mte_project_file_free")


def should_free(name: str) -> bool:
    if name in FREEING_BY_NAME:
        return True
    return "_remove" in name and not any(part in name for part in REFERENCE_ONLY_REMOVALS)


def check_frees(declarations) -> list[str]:
    problems = []
    for entry in declarations:
        if should_free(entry.name) and not entry.frees:
            problems.append(f"{entry.name}: frees model memory but is not marked frees=True")
        elif entry.frees and not should_free(entry.name):
            problems.append(f"{entry.name}: marked frees=True but frees no model memory")
    return problems


# -- the tests ----------------------------------------------------------------

@functools.cache
def context():
    """Everything the checks compare, computed once."""
    if not BUILD_ROOT:
        raise RuntimeError("MTE_BUILD_ROOT is not set: run this test with "
                           "`meson test python-coverage`")
    decl = load_decl()
    headers = parse_headers(header_paths())
    library = os.path.join(BUILD_ROOT, "lib", "libmetaethno.so")
    exported, exports_from = exported_functions(library, headers)
    api = Api(decl, headers.enums, headers.opaque, opaque_pointers(decl))
    return decl, headers, exported, exports_from, api


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)


class EveryExportIsCovered(unittest.TestCase):
    def test_inputs_are_not_empty(self):
        decl, headers, exported, exports_from, _ = context()
        self.assertGreater(len(exported), 100, f"too few exports from {exports_from}")
        self.assertGreater(len(decl.DECLARATIONS), 100)

    def test_exports_are_declared_or_unwrapped(self):
        decl, _, exported, exports_from, _ = context()
        problems = check_exports(exported, decl.DECLARATIONS, decl.UNWRAPPED)
        self.assertEqual(problems, [], f"exports from {exports_from}: " + report(problems))


class EveryDeclarationIsUsed(unittest.TestCase):
    def test_declarations_are_used(self):
        decl = context()[0]
        problems = check_used(decl.DECLARATIONS, package_sources())
        self.assertEqual(problems, [], report(problems))


class TableMatchesHeaders(unittest.TestCase):
    def test_headers_parsed(self):
        _, headers, _, _, api = context()
        self.assertEqual(headers.unparsed, [], "MTE_API prototypes this test cannot read")
        self.assertGreater(len(headers.prototypes), 100)
        self.assertIn("mte_get_version_string", headers.prototypes,
                      "the generated mte-version.h was not parsed")
        for enum in ("MteStudyOrder", "MteReportFormat", "MteRemoveFlags", "MteLoadFlags"):
            self.assertIn(enum, headers.enums)
        self.assertIn("MteStudy", api.pointers)

    def test_every_opaque_type_has_a_pointer_type(self):
        _, headers, _, _, api = context()
        self.assertEqual(sorted(headers.opaque - set(api.pointers)), [],
                         "opaque C types without a pointer type in _decl")

    def test_types_match_prototypes(self):
        decl, headers, _, _, api = context()
        problems = check_types(decl.DECLARATIONS, headers, api)
        self.assertEqual(problems, [], report(problems))


class FreesFlags(unittest.TestCase):
    def test_frees_marks_exactly_the_freeing_functions(self):
        decl = context()[0]
        problems = check_frees(decl.DECLARATIONS)
        self.assertEqual(problems, [], report(problems))

    def test_rule_covers_the_known_cases(self):
        for name in ("mte_project_remove", "mte_checklist_remove_question",
                     "mte_framework_remove_level", "mte_session_undo",
                     "mte_project_discard_session", "mte_project_free"):
            self.assertTrue(should_free(name), name)
        for name in ("mte_construct_remove_grounding", "mte_concept_remove_expression",
                     "mte_third_order_remove_basis", "mte_grid_free",
                     "mte_framework_unclassify", "mte_project_start_session",
                     "mte_record_remove_search", "mte_prisma_free"):
            self.assertFalse(should_free(name), name)


class ChecksCanFail(unittest.TestCase):
    """The checks above are not vacuous: each reports altered data."""

    def entry(self, name):
        decl = context()[0]
        return next(d for d in decl.DECLARATIONS if d.name == name)

    def test_wrong_argument_type_is_reported(self):
        _, headers, _, _, api = context()
        good = self.entry("mte_project_set_title")
        bad = good._replace(argtypes=(good.argtypes[0], c_int, good.argtypes[2]))
        problems = compare(bad, headers.prototypes[good.name], api)
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("mte_project_set_title: argument 2 (title)", problems[0])
        self.assertIn("'const char *'", problems[0])
        self.assertIn("the table has c_int", problems[0])

    def test_wrong_return_type_and_arity_are_reported(self):
        _, headers, _, _, api = context()
        good = self.entry("mte_project_to_data")
        # char * returned as a borrowed c_char_p would leak; one argument short.
        bad = good._replace(restype=c_char_p, argtypes=good.argtypes[:-1])
        problems = compare(bad, headers.prototypes[good.name], api)
        self.assertTrue(any("return type" in p and "_decl.OWNED_STR" in p for p in problems),
                        problems)
        self.assertTrue(any("C takes 4 arguments, the table declares 3" in p
                            for p in problems), problems)

    def test_wrong_opaque_type_is_reported(self):
        decl, headers, _, _, api = context()
        good = self.entry("mte_study_get_id")
        bad = good._replace(argtypes=(decl.Concept,))
        problems = compare(bad, headers.prototypes[good.name], api)
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("pointer type of MteStudy", problems[0])

    def test_uncovered_stale_and_doubled_names_are_reported(self):
        decl, _, exported, _, _ = context()
        entry = decl.DECLARATIONS[0]
        declarations = decl.DECLARATIONS + (entry._replace(name="mte_no_such_function"),)
        unwrapped = {entry.name: "", "mte_gone": "reason"}
        problems = check_exports(exported | {"mte_new_function"}, declarations, unwrapped)
        text = "\n".join(problems)
        self.assertIn("mte_new_function: exported, but neither", text)
        self.assertIn(f"{entry.name}: both declared", text)
        self.assertIn(f"{entry.name}: listed in UNWRAPPED without a reason", text)
        self.assertIn("mte_no_such_function: stale", text)
        self.assertIn("mte_gone: stale", text)

    def test_unused_declaration_is_reported(self):
        decl = context()[0]
        sources = dict(package_sources())
        victim = "mte_grid_get_concept_study_count"
        pattern = re.compile(rf"\.{victim}\b")
        sources = {name: pattern.sub(".something_else", text)
                   for name, text in sources.items()}
        sources["comment.py"] = f"# lib.{victim} in a comment does not count\n"
        problems = check_used(decl.DECLARATIONS, sources)
        self.assertEqual([p.split(":")[0] for p in problems], [victim])

    def test_wrong_frees_flags_are_reported(self):
        flipped = [self.entry("mte_project_remove")._replace(frees=False),
                   self.entry("mte_grid_free")._replace(frees=True)]
        problems = check_frees(flipped)
        self.assertEqual([p.split(":")[0] for p in problems],
                         ["mte_project_remove", "mte_grid_free"])

    def test_parser_reads_tricky_prototypes(self):
        text = clean_header("""
            /* MTE_API int commented_out (void); */
            #define MTE_X(a) \\
              MTE_API int in_a_macro (void);
            G_DEFINE_AUTOPTR_CLEANUP_FUNC (MteProject, mte_project_free)
            MTE_API const char*const*mte_a (const MteStudy*study, unsigned int);
            """)
        found = {m.group(2): (canonical_type(m.group(1)), parse_params(m.group(3)))
                 for m in PROTOTYPE.finditer(text)}
        self.assertEqual(found, {"mte_a": ("const char * const *",
                                           (Param("const MteStudy *", "study"),
                                            Param("unsigned int", "")))})


if __name__ == "__main__":
    unittest.main(verbosity=2)
