"""The review report from Python: Project.render_report() and
Project.write_report() over the library (issue 13)."""

import os
import tempfile
import unittest
import xml.etree.ElementTree as ET

import metaethno

SOURCE = os.environ["MTE_SOURCE_ROOT"]
WARMTH = os.path.join(SOURCE, "docs", "examples", "warmth", "warmth.xml")


class TestReport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.project = metaethno.Project.load(WARMTH)

    def test_render_html_and_markdown(self):
        html = self.project.render_report("html")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn('<h3 dir="auto" id="item-19">19. ', html)
        self.assertIn("GRADE-CERQual Summary of Qualitative Findings", html)
        self.assertEqual(html, self.project.render_report(metaethno.ReportFormat.HTML))
        md = self.project.render_report("md")
        self.assertTrue(md.startswith("# "))
        self.assertIn("](report-prisma.svg)", md)
        with self.assertRaises(metaethno.InvalidValueError):
            self.project.render_report("json")
        with self.assertRaises(metaethno.InvalidValueError):
            self.project.render_report("docx")

    def test_team_text_is_placed(self):
        project = metaethno.Project.load(WARMTH)
        project.emerge["strengths-limitations"] = "We read only papers in English & <Welsh>."
        html = project.render_report("html")
        self.assertIn("We read only papers in English &amp; &lt;Welsh&gt;.", html)
        self.assertIn("in the team's words", html)

    def test_write_every_format(self):
        with tempfile.TemporaryDirectory() as folder:
            for name in ("r.html", "r.docx", "r.md"):
                path = os.path.join(folder, name)
                self.project.write_report(path)
                self.assertGreater(os.path.getsize(path), 1000)
            for figure in ("prisma", "relatedness", "saturation", "line-of-argument"):
                ET.parse(os.path.join(folder, f"r-{figure}.svg"))
            other = os.path.join(folder, "report.out")
            self.project.write_report(other, "html")
            with open(other, encoding="utf-8") as f:
                self.assertTrue(f.read().startswith("<!DOCTYPE html>"))
            with self.assertRaises(ValueError):
                self.project.write_report(os.path.join(folder, "r.pdf"))
            with self.assertRaises(OSError):
                self.project.write_report(os.path.join(folder, "missing", "r.html"))


if __name__ == "__main__":
    unittest.main()
