"""The review report as a reader sees it (issue 13).

`metaethno report` writes the warmth example as HTML, Word and Markdown.
The HTML is opened in headless Chromium (Debian's chromium): printed to
PDF, its first pages and every figure kept as PNG under the build folder
(MTE_REPORT_ARTEFACTS) for people to look at, and its rendered DOM
checked by a script added to a copy of the page: every eMERGe item and
phase, the tables and figures are there, and nothing is wider than the
A4 text width. The Word document is read back with python-docx: headings
in order, the Summary of Qualitative Findings table, one picture per
figure. Chromium and python-docx are installed by .ci/run; without them
the tests that need them say so and skip.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

METAETHNO = os.environ["METAETHNO"]
EXAMPLES = os.environ["MTE_EXAMPLES"]
WARMTH = os.path.join(EXAMPLES, "warmth", "warmth.xml")
ARTEFACTS = os.environ.get("MTE_REPORT_ARTEFACTS")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOPPM = shutil.which("pdftoppm")

#: A4 less the print margins (16 mm each side) at 96 CSS pixels per inch.
TEXT_WIDTH_PX = round((210 - 32) / 25.4 * 96)

FIGURES = ["prisma", "relatedness", "saturation", "line-of-argument"]
TABLES = ["table-characteristics", "table-grid", "table-translation", "table-decisions",
          "table-soqf", "table-evidence-profile", "table-decision-log", "table-emerge"]

try:
    import docx  # python3-docx
    import docx.table
    import docx.text.paragraph
except ImportError:  # pragma: no cover - CI installs it
    docx = None


def run(*args, check=True):
    result = subprocess.run([METAETHNO, *args], capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"metaethno {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def chromium(*args, timeout=300):
    return subprocess.run(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions",
         "--user-data-dir=" + tempfile.mkdtemp(prefix="mte-chromium-"), *args],
        capture_output=True, text=True, timeout=timeout)


# Runs in a copy of the report (the report itself has no script): what a
# reader's browser laid out, as JSON in <pre id="mte-check">.
CHECK_SCRIPT = r"""
<script>
window.addEventListener('load', function () {
  var width = document.documentElement.clientWidth;
  var overflow = [];
  document.querySelectorAll('main *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && overflow.length < 20)
      overflow.push(e.tagName + ' ' + Math.round(r.right) + ' ' + (e.textContent || '').slice(0, 60));
  });
  var out = {
    width: width,
    scrollWidth: document.documentElement.scrollWidth,
    overflow: overflow,
    items: Array.from(document.querySelectorAll('h3[id^="item-"]')).map(function (h) { return h.id; }),
    itemTitles: Array.from(document.querySelectorAll('h3[id^="item-"]')).map(function (h) { return h.textContent; }),
    phases: Array.from(document.querySelectorAll('h2[id^="phase-"]')).map(function (h) { return h.id; }),
    tables: Array.from(document.querySelectorAll('table[id]')).map(function (t) { return t.id; }),
    captions: document.querySelectorAll('table > caption').length,
    tablesTotal: document.querySelectorAll('table').length,
    figures: Array.from(document.querySelectorAll('figure')).map(function (f) {
      var svg = f.querySelector('svg');
      var box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
      return { id: f.id, caption: (f.querySelector('figcaption') || {}).textContent || '',
               alt: (f.querySelector('[role=img]') || {getAttribute: function () { return ''; }}).getAttribute('aria-label'),
               width: box.width, height: box.height };
    }),
    tocLinks: document.querySelectorAll('nav.toc a').length,
    brokenLinks: Array.from(document.querySelectorAll('a[href^="#"]')).filter(function (a) {
      return !document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    }).map(function (a) { return a.getAttribute('href'); }),
    scripts: document.querySelectorAll('script').length
  };
  var pre = document.createElement('pre');
  pre.id = 'mte-check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


class ReportTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mte-report-")
        cls.html = os.path.join(cls.tmp, "warmth-report.html")
        cls.docx = os.path.join(cls.tmp, "warmth-report.docx")
        cls.md = os.path.join(cls.tmp, "warmth-report.md")
        for path in (cls.html, cls.docx, cls.md):
            result = run("report", WARMTH, "-o", path)
            assert "wrote the" in result.stdout, result.stdout

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)


class TestCommand(ReportTestCase):
    def test_every_format_written(self):
        with open(self.html, encoding="utf-8") as f:
            html = f.read()
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        # Self-contained: nothing fetched, no script.
        self.assertNotIn("<script", html)
        self.assertIsNone(re.search(r'(src|href)="(https?:)?//', html))
        self.assertNotIn("<link", html)
        with open(self.docx, "rb") as f:
            self.assertEqual(f.read(4), b"PK\x03\x04")
        with open(self.md, encoding="utf-8") as f:
            md = f.read()
        self.assertTrue(md.startswith("# Warmth"))
        for name in FIGURES:
            figure = os.path.join(self.tmp, f"warmth-report-{name}.svg")
            self.assertIn(f"](warmth-report-{name}.svg)", md)
            ET.parse(figure)  # well-formed

    def test_format_option_and_errors(self):
        out = os.path.join(self.tmp, "report.bin")
        run("report", WARMTH, "-o", out, "--format", "html")
        with open(out, encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("<!DOCTYPE html>"))
        for args, message in [
            ((WARMTH,), "no output file"),
            ((WARMTH, "-o", os.path.join(self.tmp, "r.pdf")), "cannot tell the format"),
            ((WARMTH, "-o", out, "--format", "json"), "unknown format"),
            ((WARMTH, "-o", "-"), "must be a file"),
        ]:
            result = run("report", *args, check=False)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(message, result.stderr)

    def test_failure_keeps_the_old_file(self):
        out = os.path.join(self.tmp, "kept.html")
        with open(out, "w", encoding="utf-8") as f:
            f.write("previous")
        bad = os.path.join(self.tmp, "bad.xml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("<project")
        result = run("report", bad, "-o", out, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertRegex(result.stderr, r"bad\.xml:\d+:\d+: ")
        with open(out, encoding="utf-8") as f:
            self.assertEqual(f.read(), "previous")
        missing = os.path.join(self.tmp, "no-such-folder", "r.html")
        result = run("report", WARMTH, "-o", missing, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("r.html", result.stderr)


@unittest.skipIf(CHROMIUM is None, "chromium is not installed (Debian package chromium)")
class TestHtmlInChromium(ReportTestCase):
    def dom_check(self):
        with open(self.html, encoding="utf-8") as f:
            page = f.read()
        probe = os.path.join(self.tmp, "probe.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(page.replace("</body>", CHECK_SCRIPT + "</body>"))
        result = chromium(f"--window-size={TEXT_WIDTH_PX},1200", "--virtual-time-budget=10000",
                          "--dump-dom", "file://" + probe)
        self.assertEqual(result.returncode, 0, result.stderr[-2000:])
        match = re.search(r'<pre id="mte-check">(.*?)</pre>', result.stdout, re.S)
        self.assertIsNotNone(match, "the check script did not run:\n" + result.stdout[-1000:])
        text = match.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
                              .replace("&amp;", "&")
        return json.loads(text)

    def test_rendered_dom(self):
        dom = self.dom_check()
        self.assertEqual(dom["phases"], [f"phase-{i}" for i in range(1, 8)])
        self.assertEqual(dom["items"], [f"item-{i}" for i in range(1, 20)])
        self.assertTrue(dom["itemTitles"][0].startswith("1. Rationale"), dom["itemTitles"][0])
        self.assertTrue(dom["itemTitles"][16].startswith("17. Summary of findings"))
        for table in TABLES:
            self.assertIn(table, dom["tables"])
        self.assertEqual(dom["captions"], dom["tablesTotal"], "every table has a caption")
        self.assertEqual([f["id"] for f in dom["figures"]], [f"figure-{n}" for n in FIGURES])
        for figure in dom["figures"]:
            self.assertRegex(figure["caption"], r"^Figure \d+\. ")
            self.assertGreater(len(figure["alt"] or ""), 40, figure["id"])
            self.assertGreater(figure["width"], 100, figure["id"])
            self.assertLessEqual(figure["width"], dom["width"] + 1, figure["id"])
        self.assertGreater(dom["tocLinks"], 25)
        self.assertEqual(dom["brokenLinks"], [])
        # Nothing wider than the A4 text width.
        self.maxDiff = None
        self.assertEqual(dom["overflow"], [])
        self.assertLessEqual(dom["scrollWidth"], dom["width"])

    def test_print_to_pdf_and_screenshots(self):
        pdf = os.path.join(self.tmp, "warmth-report.pdf")
        result = chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + self.html)
        self.assertEqual(result.returncode, 0, result.stderr[-2000:])
        with open(pdf, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF"))
        # A4 pages (595 x 842 points), and more than a handful of them.
        self.assertRegex(data, rb"/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
        self.assertGreater(pages, 10)
        if ARTEFACTS:
            os.makedirs(ARTEFACTS, exist_ok=True)
            shutil.copy(pdf, os.path.join(ARTEFACTS, "warmth-report.pdf"))
            shutil.copy(self.html, os.path.join(ARTEFACTS, "warmth-report.html"))
            if PDFTOPPM:
                subprocess.run([PDFTOPPM, "-f", "1", "-l", "4", "-r", "80", "-png", pdf,
                                os.path.join(ARTEFACTS, "page")], check=True, timeout=300)
                self.assertTrue(os.path.exists(os.path.join(ARTEFACTS, "page-01.png")))
            # Each figure alone, as the Markdown report's SVG files.
            for name in FIGURES:
                svg = os.path.join(self.tmp, f"warmth-report-{name}.svg")
                page = os.path.join(self.tmp, f"figure-{name}.html")
                png = os.path.join(ARTEFACTS, f"figure-{name}.png")
                with open(page, "w", encoding="utf-8") as f:
                    f.write(f'<!DOCTYPE html><body style="margin:8px"><img alt="" src="{os.path.basename(svg)}" '
                            'style="width:100%;height:auto"></body>')
                result = chromium("--window-size=1000,800", "--screenshot=" + png, "file://" + page)
                self.assertEqual(result.returncode, 0, result.stderr[-2000:])
                with open(png, "rb") as f:
                    self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")


@unittest.skipIf(docx is None, "python-docx is not installed (Debian package python3-docx)")
class TestDocx(ReportTestCase):
    def test_headings_tables_images(self):
        document = docx.Document(self.docx)
        headings = [(p.style.name, p.text) for p in document.paragraphs
                    if p.style.name.startswith("Heading")]
        phases = [text for style, text in headings if style == "Heading 1" and text.startswith("Phase")]
        self.assertEqual(len(phases), 7)
        self.assertTrue(phases[0].startswith("Phase 1."))
        items = [text for style, text in headings if style == "Heading 2" and re.match(r"\d+\. ", text)]
        self.assertEqual([int(t.split(".")[0]) for t in items][:19], list(range(1, 20)))
        # The Summary of Qualitative Findings: the table after its caption.
        body = document.element.body
        caption_seen = False
        soqf = None
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p" and re.match(r"Table \d+\. GRADE-CERQual Summary of Qualitative Findings$",
                                       docx.text.paragraph.Paragraph(child, document).text.strip()):
                caption_seen = True
            elif tag == "tbl" and caption_seen:
                soqf = docx.table.Table(child, document)
                break
        self.assertIsNotNone(soqf)
        header = [c.text for c in soqf.rows[0].cells]
        self.assertEqual(header, ["#", "Summarised review finding", "Studies contributing",
                                  "Confidence", "Explanation"])
        findings = len(ET.parse(WARMTH).getroot().findall(".//{urn:metaethno:project:1}third-order"))
        self.assertGreater(findings, 2)
        self.assertEqual(len(soqf.rows), 1 + findings)
        first = [c.text for c in soqf.rows[1].cells]
        self.assertEqual(first[0], "1")
        self.assertTrue(first[3].endswith("confidence"), first[3])
        self.assertGreater(len(first[4]), 10)
        # One picture per figure.
        self.assertEqual(len(document.inline_shapes), len(FIGURES))


if __name__ == "__main__":
    unittest.main()
