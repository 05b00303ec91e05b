#!/usr/bin/env python3
"""The library exports exactly the API the public headers declare.

    test_symbols.py LIBRARY NM INCLUDE-DIR GENERATED-INCLUDE-DIR

Every symbol libmetaethno.so defines in its dynamic table must start with
mte_ and be declared with MTE_API in a public header; every MTE_API
declaration must be exported (else programs fail to link).

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import os
import re
import subprocess
import sys
import unittest

# MTE_API, then the return type, then the name right before "(".
DECLARATION = re.compile(r'\bMTE_API\b([^;{]*?)\b([A-Za-z_][A-Za-z0-9_]*)\s*\(', re.S)
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def declared_functions(folders):
    names = {}
    for folder in folders:
        folder = os.path.join(folder, 'metaethno')
        for header in sorted(os.listdir(folder)):
            if not header.endswith('.h'):
                continue
            with open(os.path.join(folder, header), encoding='utf-8') as f:
                text = COMMENT.sub(' ', f.read())
            # Skip the macro definitions of MTE_API itself.
            text = re.sub(r'#\s*define[^\n]*', ' ', text)
            for match in DECLARATION.finditer(text):
                names.setdefault(match.group(2), header)
    return names


def exported_symbols(library, nm):
    output = subprocess.run([nm, '-D', '--defined-only', library], check=True,
                            capture_output=True, text=True).stdout
    symbols = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        _, kind, name = parts
        name = name.split('@')[0]
        # Versioning and linker-made markers are not part of the API.
        if kind in ('A',) or name in ('_init', '_fini', '_edata', '_end', '__bss_start'):
            continue
        symbols[name] = kind
    return symbols


class ExportedSymbols(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.declared = declared_functions([INCLUDE, GENERATED])
        cls.exported = exported_symbols(LIBRARY, NM)

    def test_headers_parsed(self):
        self.assertGreater(len(self.declared), 100)
        self.assertIn('mte_project_load_from_file', self.declared)

    def test_exports_carry_the_prefix(self):
        stray = sorted(name for name in self.exported if not name.startswith('mte_'))
        self.assertEqual(stray, [], 'exported without the mte_ prefix')

    def test_exports_are_declared(self):
        undeclared = sorted(set(self.exported) - set(self.declared))
        self.assertEqual(undeclared, [], 'exported but not declared with MTE_API')

    def test_declarations_are_exported(self):
        missing = sorted(set(self.declared) - set(self.exported))
        self.assertEqual(missing, [], 'declared with MTE_API but not exported')

    def test_exports_are_functions(self):
        data = sorted(name for name, kind in self.exported.items() if kind not in ('T', 'W', 'i'))
        self.assertEqual(data, [], 'exported data symbols')


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    LIBRARY, NM, INCLUDE, GENERATED = sys.argv[1:5]
    unittest.main(argv=sys.argv[:1], verbosity=2)
