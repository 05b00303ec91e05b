#!/usr/bin/env python3
"""`pip install --no-build-isolation ./bindings/python` works offline.

The package is installed from a copy of bindings/python (so the build
leaves nothing in the source tree) into a temporary folder with pip's
--target, with no package index (--no-index: nothing may be downloaded)
and without build isolation (the setuptools and wheel already installed,
as Debian's python3-setuptools and python3-wheel provide). The installed
copy is then imported, away from the source tree, and used.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
PACKAGE = os.path.abspath(os.path.join(SOURCE_ROOT, "bindings", "python"))
EXAMPLE = os.path.abspath(os.path.join(SOURCE_ROOT, "docs", "examples", "warmth", "warmth.xml"))


@unittest.skipIf(importlib.util.find_spec("pip") is None,
                 "pip is not installed (Debian: python3-pip)")
class OfflineInstall(unittest.TestCase):
    def test_install_and_use(self):
        with tempfile.TemporaryDirectory() as tmp:
            source = os.path.join(tmp, "source")
            target = os.path.join(tmp, "site")
            shutil.copytree(PACKAGE, source,
                            ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
            env = dict(os.environ)
            env.pop("PYTHONPATH", None)
            env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
                       PIP_NO_CACHE_DIR="1", PIP_PROGRESS_BAR="off",
                       # Any attempt to reach the network fails at once.
                       http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
            install = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-build-isolation",
                 "--no-index", "--no-deps", "--target", target, source],
                env=env, capture_output=True, text=True, timeout=600, cwd=tmp)
            self.assertEqual(install.returncode, 0, install.stdout + install.stderr)
            self.assertTrue(os.path.exists(os.path.join(target, "metaethno", "py.typed")))

            env["PYTHONPATH"] = target
            if env.get("METAETHNO_LIBRARY"):
                env["METAETHNO_LIBRARY"] = os.path.abspath(env["METAETHNO_LIBRARY"])
            code = ("import metaethno, sys\n"
                    "p = metaethno.Project.load(sys.argv[1])\n"
                    "print(metaethno.__file__)\n"
                    "print(len(p.line_of_argument()), metaethno.library_version)\n")
            run = subprocess.run([sys.executable, "-c", code, EXAMPLE], env=env,
                                 capture_output=True, text=True, timeout=120, cwd=tmp)
            self.assertEqual(run.returncode, 0, run.stderr)
            where, result = run.stdout.splitlines()
            self.assertTrue(where.startswith(target), where)
            self.assertEqual(result.split()[0], "5")


if __name__ == "__main__":
    unittest.main()
