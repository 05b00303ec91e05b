"""metaethno.ProjectFile: a project file locked from its load to its close.

Other processes (a Python child, the metaethno command) take turns with
it; a program that takes no lock is caught when the file is saved.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import metaethno

SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
STARTER = os.path.join(SOURCE_ROOT, "docs", "examples", "starter.xml")
METAETHNO = os.environ.get("METAETHNO", "")

# A child that holds the file open for changes until its stdin closes.
HOLDER = """
import sys, metaethno
with metaethno.ProjectFile.open(sys.argv[1]) as f:
    f.project.add_memo("from the child")
    f.save()
    print("open", flush=True)
    sys.stdin.read()
"""


def running_under_valgrind():
    try:
        with open("/proc/self/maps") as maps:
            return "vgpreload" in maps.read()
    except OSError:
        return False


class ProjectFileTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.path = os.path.join(self.tmp, "review.xml")
        shutil.copyfile(STARTER, self.path)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def memos(self):
        with metaethno.Project.load(self.path) as project:
            return [memo.text for memo in project.memos]

    def test_open_change_save_close(self):
        before = len(self.memos())
        with metaethno.ProjectFile.open(self.path) as f:
            self.assertTrue(f.locked)
            self.assertEqual(f.path, self.path)
            self.assertIsInstance(f.project, metaethno.Project)
            f.project.add_memo("first")
            f.save()
            f.project.add_memo("second")
            f.save(fsync=False)
            project = f.project
        self.assertTrue(f.closed)
        self.assertTrue(project.closed)
        with self.assertRaises(metaethno.ClosedError):
            f.save()
        with self.assertRaises(metaethno.ClosedError):
            f.locked
        f.close()  # twice: nothing
        self.assertEqual(self.memos()[before:], ["first", "second"])
        self.assertIn("closed", repr(f))

    def test_closing_the_project_lets_go(self):
        f = metaethno.ProjectFile.open(self.path)
        f.project.close()
        self.assertTrue(f.closed)
        with metaethno.ProjectFile.open(self.path, wait=False) as again:
            self.assertTrue(again.locked)

    def test_same_program_is_refused_not_deadlocked(self):
        with metaethno.ProjectFile.open(self.path) as f:
            with self.assertRaises(metaethno.LockedError):
                metaethno.ProjectFile.open(self.path)
            with self.assertRaises(metaethno.LockedError):
                f.project.save(self.path)
            self.assertTrue(issubclass(metaethno.LockedError, metaethno.SaveError))

    def test_another_process_waits(self):
        env = dict(os.environ)
        child = subprocess.Popen([sys.executable, "-c", HOLDER, self.path], env=env,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            self.assertEqual(child.stdout.readline(), b"open\n")
            with self.assertRaises(metaethno.LockedError) as caught:
                metaethno.ProjectFile.open(self.path, wait=False)
            self.assertIn("another program", str(caught.exception))
            if METAETHNO:
                # The command waits for the child, then loads its change.
                command = subprocess.Popen([METAETHNO, "translate", self.path, "--start"],
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                with self.assertRaises(subprocess.TimeoutExpired):
                    command.wait(timeout=0.3)
        finally:
            child.stdin.close()
            self.assertEqual(child.wait(timeout=300), 0)
        if METAETHNO:
            _, err = command.communicate(timeout=300)
            self.assertEqual(command.returncode, 0, err)
            with metaethno.Project.load(self.path) as project:
                self.assertIsNotNone(project.session)
        self.assertIn("from the child", self.memos())

    def test_change_by_a_program_without_lock(self):
        with metaethno.ProjectFile.open(self.path) as f:
            f.project.add_memo("mine")
            with open(self.path, "ab") as other:
                other.write(b"\n")
            with self.assertRaises(metaethno.ChangedOnDiskError) as caught:
                f.save()
            self.assertIn("changed it since it was loaded", str(caught.exception))
        self.assertNotIn("mine", self.memos())

    def test_errors(self):
        with self.assertRaises(metaethno.FileError) as caught:
            metaethno.ProjectFile.open(os.path.join(self.tmp, "missing.xml"))
        self.assertEqual(caught.exception.errno, errno.ENOENT)
        with open(self.path, "wb") as f:
            f.write(b"not a project")
        with self.assertRaises(metaethno.FormatError):
            metaethno.ProjectFile.open(self.path)
        # ...and no lock is left behind by the failed open.
        shutil.copyfile(STARTER, self.path)
        metaethno.ProjectFile.open(self.path, wait=False).close()
        with self.assertRaises(TypeError):
            metaethno.ProjectFile(self.path)
        with self.assertRaises(TypeError):
            metaethno.ProjectFile.open(42)
        for cls in (metaethno.ChangedOnDiskError, metaethno.LockedError,
                    metaethno.NotDurableError):
            self.assertTrue(issubclass(cls, metaethno.SaveError))
            self.assertTrue(issubclass(cls, metaethno.MetaethnoError))


if __name__ == "__main__":
    unittest.main(verbosity=2)
