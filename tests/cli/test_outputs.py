#!/usr/bin/env python3
"""Outputs people can rely on (issue 13, point 5).

1. Every command's JSON validates against its JSON Schema in docs/schemas,
   on the worked example and on every valid project of tests/data; the
   schemas are strict enough to catch a renamed or missing member.
2. Every ordered output says its order, index study, who chose it and how
   ties were broken.
3. ``-o``/``--output FILE`` writes a report to FILE, replacing it whole,
   and leaves an existing FILE alone when the command fails.

Run by meson (``meson test cli-outputs``), which sets METAETHNO,
MTE_TEST_DATA, MTE_EXAMPLES and MTE_SCHEMAS. Skips the schema checks, and
says so, when python3-jsonschema is not installed.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import copy
import glob
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

try:
    import jsonschema
except ImportError:  # pragma: no cover - CI installs python3-jsonschema
    jsonschema = None

METAETHNO = os.environ.get("METAETHNO", "metaethno")
if os.sep in METAETHNO:
    METAETHNO = os.path.abspath(METAETHNO)
DATA = os.path.abspath(os.environ.get("MTE_TEST_DATA", "tests/data"))
EXAMPLES = os.path.abspath(os.environ.get("MTE_EXAMPLES", "docs/examples"))
SCHEMAS = os.environ.get("MTE_SCHEMAS", "docs/schemas")
WARMTH = os.path.join(EXAMPLES, "warmth", "warmth.xml")
PROJECTS = [WARMTH] + sorted(glob.glob(os.path.join(DATA, "valid-*.xml")))

# Command line (after the program name, FILE substituted) → schema name.
# check exits 1 when the project has errors: its JSON is still the report.
COMMANDS = [
    (["grid", "{}", "-f", "json"], "grid", (0,)),
    (["grid", "{}", "-f", "json", "--order", "chronological"], "grid", (0,)),
    (["relate", "{}", "-f", "json"], "relate", (0,)),
    (["saturation", "{}", "-f", "json", "--order", "custom"], "saturation", (0,)),
    (["saturation", "{}", "-f", "json"], "saturation", (0,)),
    (["check", "{}", "-f", "json"], "check", (0, 1)),
    (["synthesize", "{}", "-f", "json"], "synthesize", (0,)),
    (["suggest", "{}", "-f", "json"], "suggest", (0,)),
    (["prisma", "{}", "-f", "json"], "prisma", (0,)),
    (["translate", "{}", "-f", "json"], "translate", (0,)),
    (["translate", "{}", "--table", "-f", "json"], "translate-table", (0,)),
    (["info", "{}", "--json"], "info", (0,)),
    (["list", "study", "{}", "-f", "json"], "list", (0,)),
    (["list", "concept", "{}", "-f", "json"], "list", (0,)),
]

# Outputs that lay studies out in an order, and where their JSON says so.
ORDERED = [
    ["grid", "{}", "-f", "json"],
    ["relate", "{}", "-f", "json"],
    ["saturation", "{}", "-f", "json"],
    ["translate", "{}", "--table", "-f", "json"],
]


def run(*args, expect=(0,), cwd=None):
    proc = subprocess.run([METAETHNO, *args], capture_output=True, cwd=cwd)
    if proc.returncode not in expect:
        raise AssertionError(f"{' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                             f"{proc.stderr.decode(errors='replace')}")
    return proc


def load_schema(name):
    with open(os.path.join(SCHEMAS, name + ".schema.json"), encoding="utf-8") as f:
        return json.load(f)


def validator(name):
    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    base = pathlib.Path(SCHEMAS).resolve().as_uri() + "/"
    resolver = jsonschema.RefResolver(base_uri=base, referrer=schema)
    return cls(schema, resolver=resolver)


@unittest.skipIf(jsonschema is None,
                 "python3-jsonschema is not installed: the JSON Schemas are not checked "
                 "(apt-get install python3-jsonschema)")
class OutputsMatchSchemas(unittest.TestCase):
    def test_every_schema_is_used(self):
        used = ({name for _, name, _ in COMMANDS}
                | {"show", "translate-decisions", "refi-report", "refi-codebook"})
        present = {os.path.basename(p)[:-len(".schema.json")]
                   for p in glob.glob(os.path.join(SCHEMAS, "*.schema.json"))}
        self.assertEqual(used, present)

    def test_commands_on_every_valid_project(self):
        self.assertGreater(len(PROJECTS), 5)
        for project in PROJECTS:
            for args, name, expect in COMMANDS:
                argv = [a.replace("{}", project) for a in args]
                with self.subTest(command=" ".join(argv)):
                    out = json.loads(run(*argv, expect=expect).stdout)
                    validator(name).validate(out)

    def test_show_every_listed_entity(self):
        check = validator("show")
        for kind in ("study", "concept", "quote", "theme", "translation", "finding", "member"):
            listed = json.loads(run("list", kind, WARMTH, "-f", "json").stdout)
            for entity in listed[:3]:
                with self.subTest(kind=kind, id=entity["id"]):
                    check.validate(json.loads(run("show", WARMTH, entity["id"], "-f", "json").stdout))

    def test_session_decisions(self):
        session = os.path.join(DATA, "valid-session.xml")
        out = json.loads(run("translate", session, "--decisions", "-f", "json").stdout)
        self.assertGreater(len(out["log"]), 0)
        validator("translate-decisions").validate(out)

    def test_refi_import(self):
        """import --json of a REFI-QDA file: the data-loss report; with
        --dry-run and no mapping, the codebook to choose from."""
        with tempfile.TemporaryDirectory() as tmp:
            qdpx = os.path.join(tmp, "w.qdpx")
            project = os.path.join(tmp, "r.xml")
            run("export", WARMTH, "-o", qdpx)
            run("new", project, "--title", "R")
            codebook = json.loads(run("import", project, qdpx, "--dry-run", "--json").stdout)
            validator("refi-codebook").validate(codebook)
            self.assertEqual([c["name"] for c in codebook["codes"]],
                             ["First-order constructs", "Second-order constructs", "Key concepts",
                              "Third-order constructs"])
            report = json.loads(run("import", project, qdpx, "--json").stdout)
            validator("refi-report").validate(report)
            self.assertEqual(report["made"]["studies"], 29)
            renamed = copy.deepcopy(report)
            renamed["lost"] = renamed.pop("losses")
            self.assertFalse(validator("refi-report").is_valid(renamed))

    def test_schemas_catch_a_renamed_or_missing_member(self):
        """The schemas are strict: they fail the outputs a change would break."""
        for args, name, expect in COMMANDS:
            if name in ("list", "show"):
                continue
            argv = [a.replace("{}", WARMTH) for a in args]
            out = json.loads(run(*argv, expect=expect).stdout)
            check = validator(name)
            key = sorted(check.schema["required"])[0]
            with self.subTest(command=" ".join(argv), member=key):
                renamed = copy.deepcopy(out)
                renamed[key + "_renamed"] = renamed.pop(key)
                self.assertFalse(check.is_valid(renamed))
                missing = copy.deepcopy(out)
                del missing[key]
                self.assertFalse(check.is_valid(missing))


class OrderedOutputsSayTheirOrder(unittest.TestCase):
    def test_index_study_chosen_by_the_team(self):
        for args in ORDERED:
            argv = [a.replace("{}", WARMTH) for a in args]
            with self.subTest(command=" ".join(argv)):
                order = json.loads(run(*argv).stdout)["study_order"]
                self.assertEqual(order["order"], "index")
                self.assertEqual(order["index_studies"], ["okonkwo2014"])
                self.assertEqual(order["index_study_chosen_by"], "team")
                self.assertIn("project order", order["ties"])

    def test_index_study_picked_by_the_rule(self):
        """With no study marked, the documented rule picks the index study."""
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "p.xml")
            with open(WARMTH, encoding="utf-8") as f:
                text = f.read()
            self.assertIn('index-study="true"', text)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace(' index-study="true"', ""))
            for args in ORDERED:
                argv = [a.replace("{}", path) for a in args]
                with self.subTest(command=" ".join(argv)):
                    out = json.loads(run(*argv).stdout)
                    order = out["study_order"]
                    self.assertEqual(order["index_study_chosen_by"], "rule")
                    self.assertEqual(len(order["index_studies"]), 1)
                    first = out["studies"][0]
                    self.assertEqual(first if isinstance(first, str) else first.get("id", first.get("study")),
                                     order["index_studies"][0])

    def test_other_orders_have_no_index_study(self):
        out = json.loads(run("grid", WARMTH, "-f", "json", "--order", "chronological").stdout)
        self.assertEqual(out["study_order"], {
            "order": "chronological", "index_studies": [], "index_study_chosen_by": None,
            "ties": "same year: project order; studies without a year last"})

    def test_saturation_text_says_the_order(self):
        for fmt in ("text", "md"):
            text = run("saturation", WARMTH, "-f", fmt).stdout.decode()
            self.assertIn("Order: index (index study okonkwo2014, chosen by the team); ties: ", text)

    def test_tables_say_their_order(self):
        """grid, relate and translate --table say their order after the
        table in text and Markdown, as saturation does."""
        for command in (["grid"], ["relate"], ["translate", "--table"]):
            for fmt in ("text", "md"):
                with self.subTest(command=command[0], format=fmt):
                    text = run(*command[:1], WARMTH, *command[1:], "-f", fmt,
                               "--order", "chronological").stdout.decode()
                    self.assertIn("Order: chronological", text)
                    self.assertIn("ties: ", text.split("Order: chronological", 1)[1])


class OutputOption(unittest.TestCase):
    """-o/--output FILE: the output file, in every command that prints a report."""

    def test_report_to_file(self):
        expected = run("grid", WARMTH, "-f", "md").stdout
        with tempfile.TemporaryDirectory() as tmp:
            for option in ("-o", "--output"):
                out = os.path.join(tmp, "grid" + option + ".md")
                proc = run("grid", WARMTH, "-f", "md", option, out)
                self.assertEqual(proc.stdout, b"")
                with open(out, "rb") as f:
                    self.assertEqual(f.read(), expected)

    def test_every_report_command_takes_o(self):
        with tempfile.TemporaryDirectory() as tmp:
            for argv in (["relate", WARMTH], ["saturation", WARMTH, "--order", "custom"],
                         ["check", WARMTH], ["synthesize", WARMTH, "-f", "dot"],
                         ["suggest", WARMTH], ["prisma", WARMTH, "-f", "csv"],
                         ["translate", WARMTH, "--table"], ["translate", WARMTH],
                         ["info", WARMTH, "--json"], ["export", WARMTH]):
                with self.subTest(command=" ".join(argv)):
                    out = os.path.join(tmp, argv[0] + ".out")
                    expected = run(*argv).stdout
                    self.assertEqual(run(*argv, "-o", out).stdout, b"")
                    with open(out, "rb") as f:
                        self.assertEqual(f.read(), expected)
                    # '-' is standard output.
                    self.assertEqual(run(*argv, "-o", "-").stdout, expected)

    def test_replaced_whole_and_kept_on_failure(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "sat.txt")
            with open(out, "w") as f:
                f.write("old content that is longer than nothing\n" * 100)
            run("saturation", WARMTH, "-o", out)
            with open(out, "rb") as f:
                self.assertEqual(f.read(), run("saturation", WARMTH).stdout)
            # A project that cannot be loaded leaves OUT as it was.
            run("saturation", os.path.join(DATA, "fail-empty.xml"), "-o", out, expect=(1,))
            with open(out, "rb") as f:
                self.assertEqual(f.read(), run("saturation", WARMTH).stdout)
            # An OUT that cannot be written is an error, exit 1.
            proc = run("grid", WARMTH, "-o", os.path.join(tmp, "no-such-folder", "g.txt"), expect=(1,))
            self.assertIn(b"g.txt", proc.stderr)

    def test_order_is_long_only(self):
        """--order keeps its long name; -o never means the order."""
        run("grid", WARMTH, "-o", "index", cwd=tempfile.gettempdir())
        index = os.path.join(tempfile.gettempdir(), "index")
        try:
            self.assertTrue(os.path.exists(index))
        finally:
            os.unlink(index)
        for command in ("grid", "relate", "saturation", "translate"):
            with self.subTest(command=command):
                help_text = run(command, "--help").stdout.decode()
                self.assertIn("-o, --output=OUT", help_text)
                self.assertIn("--order=ORDER", help_text)
                self.assertNotIn("-o, --order", help_text)

    def test_empty_output_name_is_a_usage_error(self):
        for argv in (["grid", WARMTH], ["info", WARMTH], ["translate", WARMTH], ["prisma", WARMTH]):
            with self.subTest(command=argv[0]):
                run(*argv, "-o", "", expect=(2,))

    def test_convert_takes_o(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "c.xml")
            run("convert", WARMTH, "-o", out)
            self.assertTrue(os.path.getsize(out) > 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
