#!/usr/bin/env python3
"""Each public sub-header refuses to be included on its own.

    test_subheaders.py INCLUDE-DIR GENERATED-INCLUDE-DIR -- CC [ARGS...]

Only <metaethno/metaethno.h> may be included; every other header must stop
the compilation with its "#error Only <metaethno/metaethno.h> ..." line.
As a control, the umbrella header itself must compile with the same
command.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import os
import subprocess
import sys
import tempfile
import unittest

MESSAGE = 'Only <metaethno/metaethno.h> can be included directly.'


def compile_snippet(code):
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, 'snippet.c')
        with open(source, 'w', encoding='utf-8') as f:
            f.write(code)
        command = COMPILER + ['-std=c11', '-fsyntax-only', '-I', INCLUDE, '-I', GENERATED,
                              source]
        return subprocess.run(command, capture_output=True, text=True)


class SubHeaders(unittest.TestCase):
    def test_umbrella_compiles(self):
        result = compile_snippet('#include <metaethno/metaethno.h>\nint main (void) { return 0; }\n')
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_sub_headers_refuse(self):
        headers = sorted(set(os.listdir(os.path.join(INCLUDE, 'metaethno'))) |
                         set(os.listdir(os.path.join(GENERATED, 'metaethno'))))
        headers = [h for h in headers if h.endswith('.h') and h != 'metaethno.h']
        self.assertGreater(len(headers), 5, headers)
        for header in headers:
            with self.subTest(header=header):
                result = compile_snippet('#include <metaethno/%s>\n' % header)
                self.assertNotEqual(result.returncode, 0)
                first = result.stderr.splitlines()
                errors = [line for line in first if 'error' in line]
                self.assertTrue(errors, result.stderr)
                # The first error is the header's own guard, not something
                # that happens to fail later.
                self.assertIn(header, errors[0], result.stderr)
                self.assertIn(MESSAGE, errors[0], result.stderr)


if __name__ == '__main__':
    if '--' not in sys.argv or sys.argv.index('--') != 3:
        sys.exit(__doc__)
    INCLUDE, GENERATED = sys.argv[1], sys.argv[2]
    COMPILER = sys.argv[4:]
    unittest.main(argv=sys.argv[:1], verbosity=2)
