#!/usr/bin/env python3
"""The DOCX writer read back by python-docx (Debian's python3-docx), as a
user's tool would read it: the title, the headings in order with Word's
heading styles, the tables' rows and cells, the captions, the lists' styles
and one inline image (a PNG) per figure.

The document is tests/render/doc-sample.h's, written by the test program
write-doc-docx (MTE_WRITE_DOC_DOCX); `metaethno report FILE -o OUT.docx`
will replace it when the command exists.

Run against a build tree by `meson test python-docx`, or by hand:

    MTE_WRITE_DOC_DOCX=build/tests/render/write-doc-docx \\
        python3 tests/python/test_docx.py

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import os
import subprocess
import sys
import tempfile
import unittest

WRITER = os.environ.get("MTE_WRITE_DOC_DOCX")

CJK = "\u4fe1\u4efb"       # 信任
ARABIC = "\u062b\u0642\u0629"  # ثقة

HEADINGS = [
    ("Heading 1", "Introduction"),
    ("Heading 2", 'Methods & <data> "quoted"'),
    ("Heading 2", f"Results: {CJK} / {ARABIC}"),
    ("Heading 3", "Figures"),
    ("Heading 4", "Appendix"),
]

TABLE = [
    ["Finding <&>", "Studies", "Confidence"],
    [f"Trust {CJK}", "3", "High"],
    [f"{ARABIC} (trust)", "2", 'Moderate "&" <low>'],
    ["Only one cell", "", ""],
]

CAPTIONS = [
    'Table 1. Summary of "findings" <SoQF> & more',
    "Table 2. A compact table",
    'Figure 1. PRISMA flow <n=29> & "more"',
    "Figure 2. Saturation curve",
]

N_FIGURES = 2


def under_valgrind():
    try:
        with open("/proc/self/maps") as maps:
            return "vgpreload" in maps.read()
    except OSError:
        return False


class DocxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import docx  # python3-docx: a test dependency (.ci/run installs it)

        cls.tmp = tempfile.TemporaryDirectory()
        path = os.path.join(cls.tmp.name, "sample.docx")
        subprocess.run([WRITER, path], check=True)
        cls.doc = docx.Document(path)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_title(self):
        first = self.doc.paragraphs[0]
        self.assertEqual(first.style.name, "Title")
        self.assertEqual(first.text, 'Warmth review: <care> & "trust"')
        self.assertEqual(self.doc.core_properties.title, first.text)

    def test_headings(self):
        headings = [(p.style.name, p.text) for p in self.doc.paragraphs
                    if p.style.name.startswith("Heading")]
        self.assertEqual(headings, HEADINGS)

    def test_tables(self):
        self.assertEqual(len(self.doc.tables), 2)
        table = self.doc.tables[0]
        self.assertEqual(table.style.name, "Report Table")
        self.assertEqual([[cell.text for cell in row.cells] for row in table.rows], TABLE)
        # The header row repeats on every page; no other row does.
        repeated = [bool(row._tr.xpath("./w:trPr/w:tblHeader")) for row in table.rows]
        self.assertEqual(repeated, [True, False, False, False])
        compact = self.doc.tables[1]
        self.assertEqual([[cell.text for cell in row.cells] for row in compact.rows],
                         [["Study", "Concepts"], ["s1", "warmth, c-2"]])

    def test_captions(self):
        captions = [p.text for p in self.doc.paragraphs if p.style.name == "Caption"]
        self.assertEqual(captions, CAPTIONS)

    def test_text_blocks(self):
        styles = {}
        for p in self.doc.paragraphs:
            styles.setdefault(p.style.name, []).append(p.text)
        self.assertEqual(styles["List Bullet"], ["First bullet", "Second bullet"])
        self.assertEqual(styles["List Number"], ["Step one", "Step two", "Again one"])
        self.assertEqual(styles["Quote"],
                         ["\u201cWe felt heard,\u201d said one <participant> & another."])
        self.assertEqual(styles["Field"],
                         ["Review question: How is warmth expressed?",
                          "Index study: okonkwo-2014 <&>"])
        body = [p.text for p in self.doc.paragraphs if p.style.name == "Normal"]
        # python-docx reads the runs outside the hyperlinks only.
        self.assertIn(f"\nAfter a break: {CJK} and {ARABIC}, tab\there.", body[0])

    def test_figures(self):
        shapes = self.doc.inline_shapes
        self.assertEqual(len(shapes), N_FIGURES)
        for shape in shapes:
            self.assertEqual((shape.width, shape.height), (200 * 9525, 100 * 9525))
            rid = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
            part = self.doc.part.related_parts[rid]
            self.assertEqual(part.content_type, "image/png")
            self.assertTrue(part.blob.startswith(b"\x89PNG\r\n\x1a\n"))

    def test_page(self):
        section = self.doc.sections[0]
        self.assertEqual((section.page_width, section.page_height), (11906 * 635, 16838 * 635))
        self.assertEqual(section.left_margin, 1134 * 635)


if __name__ == "__main__":
    if not WRITER:
        print("skipped: MTE_WRITE_DOC_DOCX is not set")
        sys.exit(77)
    if under_valgrind():
        # No metaethno code runs in this process (the writer is a
        # subprocess): valgrind would only report lxml's own memory.
        print("skipped under valgrind")
        sys.exit(77)
    try:
        import docx  # noqa: F401
    except ImportError:
        print("skipped: python-docx is not installed (Debian: python3-docx)")
        sys.exit(77)
    unittest.main()
