#!/usr/bin/env python3
# Tests of the metaethno command. They run the real built binary.
#
# Environment (set by tests/cli/meson.build):
#   METAETHNO         the metaethno executable
#   MTE_TEST_DATA     tests/data: valid-*.xml and fail-*.xml fixtures
#   MTE_EXAMPLES      docs/examples: starter.xml
#   MTE_MAKE_STARTER  (optional) the program that writes starter.xml
#   MTE_LIST_STUDIES  (optional) the README's example program
#   MTE_FAULT_SHIM    (optional) tests/robustness's LD_PRELOAD shim that
#                     makes saves fail
#
# Under `meson test --setup=valgrind` this script itself runs in valgrind,
# which does not follow child processes; the script notices and runs each
# metaethno command under valgrind too, so the setup checks the command.
#
# Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later

import glob
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import shutil
import unittest
import xml.etree.ElementTree as ElementTree
from collections import Counter

METAETHNO = os.environ.get('METAETHNO', '')
TEST_DATA = os.environ.get('MTE_TEST_DATA', '')
EXAMPLES = os.environ.get('MTE_EXAMPLES', '')
MAKE_STARTER = os.environ.get('MTE_MAKE_STARTER', '')
LIST_STUDIES = os.environ.get('MTE_LIST_STUDIES', '')
FAULT_SHIM = os.environ.get('MTE_FAULT_SHIM', '')
STARTER = os.path.join(EXAMPLES, 'starter.xml')

COMMANDS = ['validate', 'info', 'convert', 'export', 'grid', 'relate', 'translate',
            'saturation', 'check', 'synthesize', 'suggest']


def running_under_valgrind():
    try:
        with open('/proc/self/maps') as maps:
            return 'vgpreload' in maps.read()
    except OSError:
        return False


# valgrind reports errors with status 99, which no metaethno command uses.
WRAPPER = []
if running_under_valgrind():
    WRAPPER = ['valgrind', '--quiet', '--error-exitcode=99', '--leak-check=full',
               '--errors-for-leak-kinds=definite', '--show-leak-kinds=definite',
               '--suppressions=' + os.path.join(TEST_DATA, os.pardir, 'valgrind.supp')]

# What docs/examples/make-starter.c puts in the starter project.
STARTER_TITLE = ("Illustrative starter: racially minoritised adults' "
                 "experiences of mental-health care in the UK")
STARTER_COUNTS = {
    'members': 3,
    'checklists': 1,
    'searches': 0,
    'records': 0,
    'studies': 4,
    'excluded_studies': 0,
    'first_order_constructs': 12,
    'second_order_constructs': 11,
    'concepts': 6,
    'reciprocal_translations': 5,
    'refutational_translations': 1,
    'third_order_constructs': 3,
    'argument_links': 3,
    'frameworks': 1,
    'levels': 5,
    'classifications': 13,
    'memos': 4,
}
# id: (year, first author, first-order, second-order, concepts, translations)
STARTER_STUDIES = {
    'adeyemi2016': (2016, 'Adeyemi, T.', 3, 2, 3, 3),
    'hussain2018': (2018, 'Hussain, S.', 3, 3, 3, 3),
    'campbell2020': (2020, 'Campbell, D.', 3, 3, 3, 3),
    'nowak2021': (2021, 'Nowak, E.', 3, 3, 4, 3),
}

# A loader message: FILE:LINE:COLUMN: message (LINE and COLUMN may be 0
# when the problem has no place, e.g. an unreadable file).
LOCATED = re.compile(r'^[^:]+:\d+:\d+: \S')


def valid_fixtures():
    return sorted(glob.glob(os.path.join(TEST_DATA, 'valid-*.xml')))


def fail_fixtures():
    return sorted(glob.glob(os.path.join(TEST_DATA, 'fail-*.xml')))


def under_valgrind(items, every):
    """All of ITEMS, or under valgrind every EVERY-th of them (the same ones
    each run). A command costs one to three seconds in valgrind, and the loops
    over fixtures below would take half an hour there; the C tests
    (tests/io, tests/render) already put every fixture through the loader and
    every renderer under valgrind, so here a sample checks what is the
    command's own: its messages, exit status and files. The plain and ASan
    runs take every item."""
    items = list(items)
    return items[::every] if WRAPPER else items


def xml_counts(path):
    """Counts what `info` counts, straight from the XML (docs/file-format.md),
    to check the command against the file rather than against itself."""
    def local(tag):
        return tag.rsplit('}', 1)[-1]

    pairs = Counter()
    for parent in ElementTree.parse(path).getroot().iter():
        for child in parent:
            name = local(child.tag)
            pairs[local(parent.tag), name] += 1
            if name == 'construct':
                pairs['construct', child.get('order')] += 1
            elif name == 'translation':
                pairs['translation', child.get('kind')] += 1
    return {
        'members': pairs['members', 'member'],
        'checklists': pairs['checklists', 'checklist'],
        'searches': pairs['searches', 'search'],
        'records': pairs['records', 'record'],
        'studies': pairs['studies', 'study'],
        'excluded_studies': pairs['study', 'exclusion'],
        'first_order_constructs': pairs['construct', 'first'],
        'second_order_constructs': pairs['construct', 'second'],
        'concepts': pairs['concepts', 'concept'],
        'reciprocal_translations': pairs['translation', 'reciprocal'],
        'refutational_translations': pairs['translation', 'refutational'],
        'third_order_constructs': pairs['third-orders', 'third-order'],
        'argument_links': pairs['argument-links', 'argument-link'],
        'frameworks': pairs['frameworks', 'framework'],
        'levels': pairs['framework', 'level'],
        'classifications': pairs['framework', 'classification'],
        'memos': pairs['memos', 'memo'],
    }


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


class CliTestCase(unittest.TestCase):
    """Runs the binary and checks what every run must satisfy."""

    maxDiff = None

    def run_cli(self, *args, stdin=b'', expect=None):
        proc = subprocess.run(WRAPPER + [METAETHNO, *args], input=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=300)
        what = 'metaethno ' + ' '.join(args)
        self.assertGreaterEqual(proc.returncode, 0,
                                '%s: killed by signal %d\n%s' %
                                (what, -proc.returncode,
                                 proc.stderr.decode('utf-8', 'replace')))
        self.assertIn(proc.returncode, (0, 1, 2, 3), what)
        if expect is not None:
            self.assertEqual(proc.returncode, expect,
                             '%s\nstdout: %s\nstderr: %s' %
                             (what, proc.stdout.decode('utf-8', 'replace'),
                              proc.stderr.decode('utf-8', 'replace')))
        err = proc.stderr.decode('utf-8', 'replace')
        for bad in ('Failed to', 'failed to', '(null)', 'CRITICAL', 'WARNING',
                    'Traceback', 'AddressSanitizer', 'runtime error'):
            self.assertNotIn(bad, err, what)
        return proc

    def text(self, data):
        text = data.decode('utf-8')
        for number, line in enumerate(text.split('\n'), 1):
            self.assertEqual(line, line.rstrip(),
                             'trailing white space on line %d: %r' % (number, line))
        return text

    def assert_usage_error(self, *args):
        proc = self.run_cli(*args, expect=2)
        self.assertEqual(proc.stdout, b'', args)
        lines = self.text(proc.stderr).splitlines()
        self.assertEqual(len(lines), 2, (args, lines))
        self.assertTrue(lines[0].startswith('metaethno'), lines)
        self.assertIn('--help', lines[1])


class TestSetup(unittest.TestCase):
    def test_environment(self):
        self.assertTrue(os.access(METAETHNO, os.X_OK), METAETHNO)
        self.assertTrue(os.path.isdir(TEST_DATA), TEST_DATA)
        self.assertTrue(os.path.isfile(STARTER), STARTER)

    def test_fixtures_exist(self):
        self.assertTrue(valid_fixtures(), 'no tests/data/valid-*.xml fixtures')
        self.assertTrue(fail_fixtures(), 'no tests/data/fail-*.xml fixtures')

    @unittest.skipUnless(MAKE_STARTER, 'MTE_MAKE_STARTER not set')
    def test_starter_is_up_to_date(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'starter.xml')
            subprocess.run(WRAPPER + [MAKE_STARTER, out], check=True, timeout=120)
            self.assertEqual(read_bytes(out), read_bytes(STARTER),
                             'docs/examples/starter.xml is out of date; run '
                             'BUILD/bindings/cli/make-starter docs/examples/starter.xml')

    @unittest.skipIf(WRAPPER, 'the demo runs the command outside valgrind')
    def test_demo(self):
        # The README's first command ends with the demo; it must run whole.
        build = os.path.dirname(os.path.dirname(os.path.dirname(METAETHNO)))
        demo = os.path.join(EXAMPLES, 'demo.sh')
        proc = subprocess.run(['bash', demo, build], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=300)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode('utf-8', 'replace'))
        out = proc.stdout.decode('utf-8')
        for step in ('validate', 'info', 'grid', 'translate', 'saturation', 'check',
                     'synthesize'):
            self.assertIn('\n$ metaethno %s ' % step, out)
        self.assertIn('Started a translation session in chronological order.', out)
        self.assertIn('1 decision, in the order made', out)

    @unittest.skipUnless(LIST_STUDIES, 'MTE_LIST_STUDIES not set')
    def test_readme_example(self):
        proc = subprocess.run(WRAPPER + [LIST_STUDIES, STARTER], stdout=subprocess.PIPE,
                              check=True, timeout=120)
        lines = proc.stdout.decode('utf-8').splitlines()
        self.assertEqual([line.split()[0] for line in lines], list(STARTER_STUDIES))
        self.assertEqual(lines[0].split()[1:], ['2016', '5', 'constructs'])


class TestGeneral(CliTestCase):
    def test_version(self):
        proc = self.run_cli('--version', expect=0)
        self.assertRegex(self.text(proc.stdout), r'^metaethno \d+\.\d+\.\d+\n$')
        self.assertEqual(proc.stderr, b'')
        self.assertEqual(self.run_cli('-V', expect=0).stdout, proc.stdout)

    def test_help(self):
        proc = self.run_cli('--help', expect=0)
        text = self.text(proc.stdout)
        self.assertIn('Usage:', text)
        for command in COMMANDS + ['help']:
            self.assertRegex(text, r'(?m)^  %s  ' % command)
        self.assertEqual(proc.stderr, b'')
        self.assertEqual(self.run_cli('-h', expect=0).stdout, proc.stdout)
        self.assertEqual(self.run_cli('help', expect=0).stdout, proc.stdout)

    def test_command_help(self):
        for command in COMMANDS:
            with self.subTest(command=command):
                proc = self.run_cli(command, '--help', expect=0)
                text = self.text(proc.stdout)
                self.assertIn('metaethno %s' % command, text)
                self.assertIn('Exit status', text)
                self.assertEqual(proc.stderr, b'')
                self.assertEqual(self.run_cli(command, '-h', expect=0).stdout,
                                 proc.stdout)
                self.assertEqual(self.run_cli('help', command, expect=0).stdout,
                                 proc.stdout)

    def test_usage_errors(self):
        cases = [
            [],
            ['frobnicate'],
            ['--frobnicate'],
            ['-x'],
            ['help', 'frobnicate'],
            ['help', 'validate', 'info'],
            ['validate'],
            ['validate', '--frobnicate', STARTER],
            ['info'],
            ['info', STARTER, STARTER],
            ['info', '--frobnicate', STARTER],
            ['convert'],
            ['convert', STARTER],
            ['convert', '-o', 'out.xml'],
            ['convert', STARTER, STARTER, '-o', 'out.xml'],
            ['convert', STARTER, '-o', 'out.xml', '--format', 'pdf'],
            ['convert', STARTER, '-o'],
            ['validate', ''],
            ['validate', STARTER, ''],
            ['info', ''],
            ['convert', '', '-o', 'out.xml'],
            ['convert', STARTER, '-o', ''],
        ]
        for args in cases:
            with self.subTest(args=args):
                self.assert_usage_error(*args)

    def test_odd_arguments(self):
        cases = [[''], ['-'], ['--'], ['validate', '--', '-x'],
                 ['validate', '\u00e9\u00e8'], ['info', '-j']]
        for args in cases:
            with self.subTest(args=args):
                self.run_cli(*args)


class TestValidate(CliTestCase):
    def test_starter(self):
        proc = self.run_cli('validate', STARTER, expect=0)
        self.assertEqual(self.text(proc.stdout),
                         '%s: valid (4 studies, 23 constructs)\n' % STARTER)
        self.assertEqual(proc.stderr, b'')

    def test_valid_fixtures(self):
        fixtures = valid_fixtures()
        self.assertTrue(fixtures, 'no valid-*.xml fixtures')
        for path in fixtures:
            with self.subTest(fixture=os.path.basename(path)):
                proc = self.run_cli('validate', path, expect=0)
                self.assertRegex(self.text(proc.stdout),
                                 r'^%s: valid \(\d+ stud(y|ies), \d+ constructs?\)\n$'
                                 % re.escape(path))
                self.assertEqual(proc.stderr, b'')

    def test_fail_fixtures(self):
        fixtures = fail_fixtures()
        self.assertTrue(fixtures, 'no fail-*.xml fixtures')
        for path in under_valgrind(fixtures, 4):
            with self.subTest(fixture=os.path.basename(path)):
                proc = self.run_cli('validate', path, expect=1)
                self.assertEqual(proc.stdout, b'')
                lines = self.text(proc.stderr).splitlines()
                self.assertEqual(len(lines), 1, lines)
                self.assertTrue(lines[0].startswith(path + ':'), lines[0])
                self.assertRegex(lines[0], LOCATED)

    def test_quiet(self):
        for flag in ('-q', '--quiet'):
            proc = self.run_cli('validate', flag, STARTER, *valid_fixtures(),
                                expect=0)
            self.assertEqual(proc.stdout, b'')
            self.assertEqual(proc.stderr, b'')
        failing = fail_fixtures()[:1]
        proc = self.run_cli('validate', '-q', STARTER, *failing, expect=1)
        self.assertEqual(proc.stdout, b'')
        self.assertEqual(len(self.text(proc.stderr).splitlines()), len(failing))

    def test_several_files(self):
        good = [STARTER] + valid_fixtures()
        bad = fail_fixtures()
        mixed = [STARTER] + bad[:2] + valid_fixtures()[:1]
        proc = self.run_cli('validate', *good, expect=0)
        self.assertEqual(len(self.text(proc.stdout).splitlines()), len(good))

        proc = self.run_cli('validate', *mixed, expect=1)
        out = self.text(proc.stdout).splitlines()
        err = self.text(proc.stderr).splitlines()
        expected_bad = [p for p in mixed if p in bad]
        expected_good = [p for p in mixed if p not in bad]
        self.assertEqual([line.split(': valid')[0] for line in out], expected_good)
        self.assertEqual(len(err), len(expected_bad))
        for line, path in zip(err, expected_bad):
            self.assertTrue(line.startswith(path + ':'), line)

        proc = self.run_cli('validate', *bad, expect=1)
        self.assertEqual(proc.stdout, b'')
        self.assertEqual(len(self.text(proc.stderr).splitlines()), len(bad))

    def test_stdin(self):
        proc = self.run_cli('validate', '-', stdin=read_bytes(STARTER), expect=0)
        self.assertEqual(self.text(proc.stdout),
                         '<stdin>: valid (4 studies, 23 constructs)\n')
        for path in fail_fixtures()[:3]:
            proc = self.run_cli('validate', '-', stdin=read_bytes(path), expect=1)
            self.assertRegex(self.text(proc.stderr), r'^<stdin>:')

    def test_missing_and_unreadable(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, 'missing.xml')
            for path in (missing, tmp):
                with self.subTest(path=path):
                    proc = self.run_cli('validate', path, expect=1)
                    lines = self.text(proc.stderr).splitlines()
                    self.assertEqual(len(lines), 1, lines)
                    self.assertTrue(lines[0].startswith(path + ':'), lines[0])


class TestInfo(CliTestCase):
    def info_json(self, *args, stdin=b''):
        proc = self.run_cli('info', '--json', *args, stdin=stdin, expect=0)
        self.assertEqual(proc.stderr, b'')
        return json.loads(self.text(proc.stdout))

    def test_json(self):
        info = self.info_json(STARTER)
        self.assertEqual(info['file'], STARTER)
        self.assertEqual(info['title'], STARTER_TITLE)
        self.assertTrue(info['question'].startswith('How do racially minoritised'))
        self.assertEqual(info['format_version'], '1.2')
        self.assertEqual(info['created'], '2026-01-05T09:00:00Z')
        self.assertEqual(info['modified'], '2026-02-20T16:30:00Z')
        self.assertEqual(info['counts'], STARTER_COUNTS)
        self.assertEqual([s['id'] for s in info['studies']], list(STARTER_STUDIES))
        for study in info['studies']:
            year, author, first, second, concepts, translations = \
                STARTER_STUDIES[study['id']]
            self.assertEqual(study['year'], year)
            self.assertEqual(study['first_author'], author)
            self.assertTrue(study['title'])
            self.assertEqual(study['first_order_constructs'], first)
            self.assertEqual(study['second_order_constructs'], second)
            self.assertEqual(study['concepts_expressed'], concepts)
            self.assertEqual(study['translations'], translations)
        counts = info['counts']
        self.assertEqual(sum(s['first_order_constructs'] for s in info['studies']),
                         counts['first_order_constructs'])
        self.assertEqual(sum(s['second_order_constructs'] for s in info['studies']),
                         counts['second_order_constructs'])

    def test_json_stdin(self):
        info = self.info_json('-', stdin=read_bytes(STARTER))
        self.assertEqual(info['file'], '<stdin>')
        self.assertEqual(info['counts'], STARTER_COUNTS)

    def test_text(self):
        proc = self.run_cli('info', STARTER, expect=0)
        self.assertEqual(proc.stderr, b'')
        text = self.text(proc.stdout)
        self.assertRegex(text, r'(?m)^File: +%s$' % re.escape(STARTER))
        self.assertIn('Illustrative starter', text)
        self.assertRegex(text, r'(?m)^Format: +1\.2$')
        self.assertRegex(text, r'(?m)^Modified: +2026-02-20T16:30:00Z$')
        labels = {
            'members': 'Team members', 'studies': 'Studies',
            'searches': 'Searches', 'records': 'Records',
            'excluded_studies': 'Excluded studies',
            'first_order_constructs': 'First-order constructs',
            'second_order_constructs': 'Second-order constructs',
            'concepts': 'Key concepts',
            'reciprocal_translations': 'Reciprocal translations',
            'refutational_translations': 'Refutational translations',
            'third_order_constructs': 'Third-order constructs',
            'argument_links': 'Argument links', 'frameworks': 'Frameworks',
            'levels': 'Framework levels', 'classifications': 'Classifications',
            'memos': 'Memos',
        }
        for key, label in labels.items():
            self.assertRegex(text, r'(?m)^  %s +%d$' % (label, STARTER_COUNTS[key]))

        # Counts are right-aligned: every line of the block ends in the same column.
        block = text.split('\nContents\n')[1].split('\n\n')[0].splitlines()
        self.assertEqual(len(block), len(STARTER_COUNTS))
        self.assertEqual(len({len(line) for line in block}), 1, block)

        # The study table: a header and one row per study, all the same width.
        table = text.split('\nStudies\n')[1].split('\n\n')[0].splitlines()
        self.assertEqual(len(table), 1 + len(STARTER_STUDIES))
        self.assertRegex(table[0], r'^  Study +Year +First author +Title +1st +2nd +'
                         r'Concepts +Translations$')
        self.assertEqual(len({len(line) for line in table}), 1, table)
        for line, (study, row) in zip(table[1:], STARTER_STUDIES.items()):
            cells = line.split()
            self.assertEqual(cells[0], study)
            self.assertEqual(cells[1], str(row[0]))
            self.assertEqual([int(c) for c in cells[-4:]], list(row[2:]))

    def test_counts_match_the_files(self):
        self.assertEqual(xml_counts(STARTER), STARTER_COUNTS)
        for path in [STARTER] + valid_fixtures():
            with self.subTest(fixture=os.path.basename(path)):
                self.assertEqual(self.info_json(path)['counts'], xml_counts(path))

    def test_fixtures(self):
        for path in valid_fixtures():
            with self.subTest(fixture=os.path.basename(path)):
                self.text(self.run_cli('info', path, expect=0).stdout)
                info = self.info_json(path)
                self.assertEqual(info['counts']['studies'], len(info['studies']))
        for path in under_valgrind(fail_fixtures(), 8):
            with self.subTest(fixture=os.path.basename(path)):
                proc = self.run_cli('info', '--json', path, expect=1)
                self.assertEqual(proc.stdout, b'')
                self.assertTrue(self.text(proc.stderr).startswith(path + ':'))

    def test_json_escaping(self):
        # Put characters JSON must escape into the title of a copy of the
        # starter, and check they come back intact.
        data = read_bytes(STARTER).decode('utf-8')
        self.assertEqual(data.count(STARTER_TITLE), 1)
        odd_xml = 'Quote " back\\slash\ttab &amp; &lt;tag&gt; \u00fcnic\u00f6de \u65e5\u672c \U0001F600'
        odd = 'Quote " back\\slash\ttab & <tag> \u00fcnic\u00f6de \u65e5\u672c \U0001F600'
        info = self.info_json('-', stdin=data.replace(STARTER_TITLE, odd_xml).encode('utf-8'))
        self.assertEqual(info['title'], odd)
        text = self.text(self.run_cli('info', '-', stdin=data.replace(
            STARTER_TITLE, odd_xml).encode('utf-8'), expect=0).stdout)
        self.assertIn('\u65e5\u672c', text)


class TestConvert(CliTestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_file_to_file(self):
        out = self.path('out.xml')
        proc = self.run_cli('convert', STARTER, '-o', out, expect=0)
        self.assertEqual(proc.stdout, b'')
        self.assertEqual(proc.stderr, b'')
        self.run_cli('validate', '-q', out, expect=0)
        # The starter is written by the library itself, so converting it
        # changes nothing.
        self.assertEqual(read_bytes(out), read_bytes(STARTER))

    def test_round_trip(self):
        sources = [STARTER] + valid_fixtures()
        for number, source in enumerate(sources):
            with self.subTest(source=os.path.basename(source)):
                first = self.path('first-%d.xml' % number)
                second = self.path('second-%d.xml' % number)
                self.run_cli('convert', source, '--output', first, expect=0)
                self.run_cli('convert', first, '-o', second, '--format', 'xml', expect=0)
                self.assertEqual(read_bytes(first), read_bytes(second))
                a = json.loads(self.run_cli('info', '--json', source, expect=0).stdout)
                b = json.loads(self.run_cli('info', '--json', second, expect=0).stdout)
                del a['file'], b['file']
                self.assertEqual(a, b)

    def test_stdin_to_stdout(self):
        data = read_bytes(STARTER)
        proc = self.run_cli('convert', '-', '-o', '-', stdin=data, expect=0)
        self.assertEqual(proc.stdout, data)
        self.assertEqual(proc.stderr, b'')
        proc = self.run_cli('convert', STARTER, '--output=-', '--format=xml', expect=0)
        self.assertEqual(proc.stdout, data)
        out = self.path('from-stdin.xml')
        self.run_cli('convert', '-', '-o', out, stdin=data, expect=0)
        self.assertEqual(read_bytes(out), data)

    def test_in_place(self):
        out = self.path('in-place.xml')
        with open(out, 'wb') as f:
            f.write(read_bytes(STARTER))
        self.run_cli('convert', out, '-o', out, expect=0)
        self.assertEqual(read_bytes(out), read_bytes(STARTER))

    def test_invalid_input_writes_nothing(self):
        fixtures = under_valgrind(fail_fixtures(), 8)
        self.assertTrue(fixtures)
        previous = b'previous contents\n'
        for number, source in enumerate(fixtures):
            with self.subTest(source=os.path.basename(source)):
                out = self.path('new-%d.xml' % number)
                proc = self.run_cli('convert', source, '-o', out, expect=1)
                self.assertFalse(os.path.exists(out))
                self.assertTrue(self.text(proc.stderr).startswith(source + ':'))
                self.assertEqual(proc.stdout, b'')

                kept = self.path('kept-%d.xml' % number)
                with open(kept, 'wb') as f:
                    f.write(previous)
                self.run_cli('convert', source, '-o', kept, expect=1)
                self.assertEqual(read_bytes(kept), previous)

                proc = self.run_cli('convert', '-', '-o', '-',
                                    stdin=read_bytes(source), expect=1)
                self.assertEqual(proc.stdout, b'')
        self.assertEqual(sorted(os.listdir(self.tmp.name)),
                         sorted('kept-%d.xml' % n for n in range(len(fixtures))))

    def test_unwritable_output(self):
        out = self.path('no-such-folder/out.xml')
        proc = self.run_cli('convert', STARTER, '-o', out, expect=1)
        lines = self.text(proc.stderr).splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertTrue(lines[0].startswith(out + ':'), lines[0])
        self.assertFalse(os.path.exists(os.path.dirname(out)))


class TestRobustness(CliTestCase):
    """Whatever the input, the command exits with 0, 1 or 2: never a crash."""

    def inputs(self):
        starter = read_bytes(STARTER)
        rng = random.Random(20260105)
        yield 'empty', b''
        yield 'nul bytes', b'\0' * 64
        yield 'random bytes', bytes(rng.randrange(256) for _ in range(4096))
        yield 'not utf-8', starter.replace(b'Illustrative', b'Illustr\xff\xfeative', 1)
        yield 'doctype', (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
                          b'<project>&lol2;</project>\n')
        yield 'external entity', (b'<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM '
                                  b'"file:///etc/passwd">]>\n<p>&x;</p>\n')
        yield 'deep nesting', b'<a>' * 100000 + b'</a>' * 100000
        yield 'utf-16 bom', b'\xff\xfe' + starter[:200]
        for cut in (1, 10, 100, len(starter) // 3, len(starter) // 2, len(starter) - 2):
            yield 'truncated at %d' % cut, starter[:cut]
        for n in range(12):
            data = bytearray(starter)
            for _ in range(8):
                data[rng.randrange(len(data))] = rng.randrange(256)
            yield 'mutated %d' % n, bytes(data)
        for n in range(6):
            data = bytearray(starter)
            start = rng.randrange(len(data))
            del data[start:start + rng.randrange(1, 200)]
            yield 'cut %d' % n, bytes(data)

    def test_inputs(self):
        for name, data in under_valgrind(self.inputs(), 3):
            with self.subTest(input=name):
                for args in (['validate', '-'], ['info', '-'], ['info', '--json', '-'],
                             ['convert', '-', '-o', '-']):
                    proc = self.run_cli(*args, stdin=data)
                    self.assertIn(proc.returncode, (0, 1), (name, args))
                    if proc.returncode == 1:
                        self.assertEqual(proc.stdout, b'')
                        self.assertRegex(self.text(proc.stderr), r'^<stdin>:')
                        self.assertEqual(len(proc.stderr.splitlines()), 1)

    def test_special_files(self):
        for path in ('/dev/null', '/', '/proc/self/status'):
            if os.path.exists(path):
                with self.subTest(path=path):
                    self.assertEqual(self.run_cli('validate', path).returncode, 1)


def shim_environment(folder, **faults):
    """The environment of a command run under the fault shim."""
    env = dict(os.environ, MTE_FAULT_DIR=folder, **faults)
    env['LD_PRELOAD'] = ':'.join(filter(None, [FAULT_SHIM, env.get('LD_PRELOAD')]))
    # Under AddressSanitizer the shim loads before the runtime, which is
    # harmless here but refused by default.
    env['ASAN_OPTIONS'] = ':'.join(filter(None, [env.get('ASAN_OPTIONS'),
                                                 'verify_asan_link_order=0']))
    return env


class TestConcurrentCommands(CliTestCase):
    """Commands that change one file at the same moment take turns (the
    file's lock): every command that exits 0 has its change in the file.
    Under valgrind, a few pairs only: each run there takes a second."""

    PAIRS = 5 if WRAPPER else 200

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.path = os.path.join(self.tmp, 'review.xml')
        shutil.copyfile(STARTER, self.path)
        self.run_cli('translate', self.path, '--start', expect=0)
        self.started = read_bytes(self.path)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def decisions(self):
        proc = self.run_cli('translate', self.path, '--decisions', '--format', 'json', expect=0)
        return json.loads(proc.stdout)['log']

    def next_construct(self):
        return json.loads(self.run_cli('translate', self.path, '--decisions', '--format', 'json',
                                       expect=0).stdout)['current_construct']

    def race(self, *commands):
        """Starts every command at once; returns (status, stderr) of each."""
        procs = [subprocess.Popen(WRAPPER + [METAETHNO, *args], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE) for args in commands]
        results = []
        for proc in procs:
            _, err = proc.communicate(timeout=300)
            results.append((proc.returncode, err.decode('utf-8', 'replace')))
        return results

    def test_two_decisions(self):
        for n in range(self.PAIRS):
            with open(self.path, 'wb') as f:
                f.write(self.started)
            tags = ['pair %d, first' % n, 'pair %d, second' % n]
            results = self.race(*[['translate', self.path, '--set-aside', '--rationale', tag]
                                  for tag in tags])
            for status, err in results:
                self.assertEqual(status, 0, err)
            kept = [d['rationale'] for d in self.decisions()]
            self.assertEqual(sorted(kept), sorted(tags), 'pair %d' % n)

    def test_two_guarded_decisions(self):
        # Both decide about the same construct: the second to get the file
        # finds it decided and refuses; never both, never neither.
        construct = self.next_construct()
        for n in range(max(1, self.PAIRS // 2)):
            with open(self.path, 'wb') as f:
                f.write(self.started)
            tags = ['guarded %d, first' % n, 'guarded %d, second' % n]
            results = self.race(*[['translate', self.path, '--set-aside', '--construct',
                                   construct, '--rationale', tag] for tag in tags])
            statuses = sorted(status for status, _ in results)
            self.assertEqual(statuses, [0, 1], results)
            winner = tags[[status for status, _ in results].index(0)]
            self.assertEqual([d['rationale'] for d in self.decisions()], [winner])
            loser_err = [err for status, err in results if status == 1][0]
            self.assertEqual(len(loser_err.splitlines()), 1, loser_err)

    def test_decision_and_convert_in_place(self):
        for n in range(max(1, self.PAIRS // 2)):
            with open(self.path, 'wb') as f:
                f.write(self.started)
            tag = 'with convert %d' % n
            results = self.race(['translate', self.path, '--set-aside', '--rationale', tag],
                                ['convert', self.path, '-o', self.path])
            for status, err in results:
                self.assertEqual(status, 0, err)
            self.assertEqual([d['rationale'] for d in self.decisions()], [tag])

    @unittest.skipIf(WRAPPER or not FAULT_SHIM, 'needs the fault shim, outside valgrind')
    def test_saved_but_not_durable(self):
        # The folder cannot be synced after the rename: the decision is in
        # the file, the command says so with status 3, and repeating it
        # with --construct records nothing twice.
        construct = self.next_construct()
        args = [METAETHNO, 'translate', self.path, '--set-aside', '--construct', construct,
                '--rationale', 'once']
        proc = subprocess.run(args, env=shim_environment(self.tmp, MTE_FAULT_FSYNC_DIR='1'),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        err = self.text(proc.stderr)
        self.assertEqual(len(err.splitlines()), 1, err)
        self.assertIn('not yet durable', err)
        self.assertIn('Recorded:', self.text(proc.stdout))
        self.assertEqual([d['rationale'] for d in self.decisions()], ['once'])
        self.assertEqual(os.listdir(self.tmp), ['review.xml'])
        # The retry a user might try: refused by the guard, nothing added.
        retry = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(retry.returncode, 1, retry.stderr)
        self.assertEqual([d['rationale'] for d in self.decisions()], ['once'])
        # convert reports the same status.
        proc = subprocess.run([METAETHNO, 'convert', self.path, '-o', self.path],
                              env=shim_environment(self.tmp, MTE_FAULT_FSYNC_DIR='1'),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(proc.returncode, 3, proc.stderr)


class TestOneLine(CliTestCase):
    """Whatever a file is called or holds, a message is one line."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_file_names(self):
        for name in ('new\nline.xml', 'tab\tand\rreturn.xml', 'latin1-\xe9.xml'):
            with self.subTest(name=name):
                good = os.path.join(self.tmp.encode(), os.fsencode(name))
                shutil.copyfile(STARTER, good)
                proc = self.run_cli('validate', os.fsdecode(good), expect=0)
                self.assertEqual(len(proc.stdout.splitlines()), 1, proc.stdout)
                proc = self.run_cli('info', os.fsdecode(good), expect=0)
                self.assertNotIn(b'\r', proc.stdout)
                with open(good, 'wb') as f:
                    f.write(b'<project')
                for args in (['validate'], ['info'], ['grid'], ['translate']):
                    proc = self.run_cli(*args, os.fsdecode(good), expect=1)
                    self.assertEqual(len(proc.stderr.splitlines()), 1, (args, proc.stderr))
                    self.text(proc.stderr)   # valid UTF-8
                os.remove(good)

    def test_values_in_messages(self):
        # A newline in a value (the fuzzer's finding) and a megabyte-long
        # reference: one short line each.
        cases = {
            'newline': (b'<project xmlns="urn:metaethno:project:1" version="&#10; ">'
                        b'</project>'),
            'long reference': read_bytes(STARTER).replace(
                b'ref="adeyemi2016-q1"', b'ref="' + b'x' * 1000000 + b'"', 1),
        }
        for name, data in cases.items():
            with self.subTest(case=name):
                proc = self.run_cli('validate', '-', stdin=data, expect=1)
                err = self.text(proc.stderr)
                self.assertEqual(len(err.splitlines()), 1, err)
                self.assertLess(len(err), 2000, err[:200])

    @unittest.skipUnless(os.path.exists('/dev/full'), 'needs /dev/full')
    def test_full_standard_output(self):
        with open('/dev/full', 'wb') as full:
            proc = subprocess.run(WRAPPER + [METAETHNO, 'grid', STARTER], stdout=full,
                                  stderr=subprocess.PIPE, timeout=300)
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(len(proc.stderr.splitlines()), 1, proc.stderr)
        self.assertIn(b'standard output: write error: ', proc.stderr)


WARMTH = os.path.join(EXAMPLES, 'warmth', 'warmth.xml')

# The report subcommands, the arguments each needs, and their formats.
REPORTS = {
    'grid': ([], ['text', 'csv', 'md', 'json']),
    'relate': ([], ['text', 'csv', 'md', 'json']),
    'translate': (['--table'], ['text', 'csv', 'md', 'json']),
    'saturation': ([], ['text', 'csv', 'md', 'json']),
    'check': ([], ['text', 'csv', 'md', 'json']),
    'synthesize': ([], ['text', 'md', 'json', 'dot']),
    'suggest': ([], ['text', 'md', 'json']),
}


class TestReports(CliTestCase):
    """grid, relate, translate --table, saturation, check, synthesize, suggest."""

    def check_output(self, command, fmt, proc):
        # CSV lines end in CRLF (RFC 4180); the rest has no trailing blanks.
        out = proc.stdout.decode('utf-8') if fmt == 'csv' else self.text(proc.stdout)
        self.assertTrue(out.endswith('\n'), (command, fmt))
        if fmt == 'json':
            self.assertIsInstance(json.loads(out), dict)
        elif fmt == 'csv':
            rows = list(csv.reader(io.StringIO(out, newline='')))
            self.assertGreaterEqual(len(rows), 1)
            self.assertTrue(all(len(row) == len(rows[0]) for row in rows), command)
        elif fmt == 'dot':
            self.assertTrue(out.startswith('digraph '))
            if shutil.which('dot'):
                svg = subprocess.run(['dot', '-Tsvg'], input=proc.stdout,
                                     stdout=subprocess.PIPE, timeout=120)
                self.assertEqual(svg.returncode, 0)
                self.assertIn(b'<svg', svg.stdout)
        return out

    def test_every_format_on_warmth(self):
        for command, (extra, formats) in REPORTS.items():
            for fmt in formats:
                with self.subTest(command=command, format=fmt):
                    proc = self.run_cli(command, WARMTH, *extra, '--format', fmt, expect=0)
                    self.assertEqual(proc.stderr, b'')
                    self.check_output(command, fmt, proc)

    def test_valid_fixtures(self):
        for path in under_valgrind(valid_fixtures(), 3):
            errors = json.loads(self.run_cli('check', path, '-f', 'json').stdout)['counts']['error']
            for command, (extra, formats) in REPORTS.items():
                # Under valgrind, text and JSON only: every format's renderer
                # is run there on the warmth example and by the C render tests,
                # and each command here costs seconds.
                if WRAPPER:
                    formats = [f for f in formats if f in ('text', 'json')]
                for fmt in formats:
                    with self.subTest(file=os.path.basename(path), command=command, format=fmt):
                        proc = self.run_cli(command, path, *extra, '-f', fmt)
                        # Only check fails, and only when the file has errors.
                        self.assertEqual(proc.returncode,
                                         1 if command == 'check' and errors else 0)
                        self.check_output(command, fmt, proc)

    def test_orders(self):
        seen = {}
        for order in ('project', 'chronological', 'index', 'custom'):
            proc = self.run_cli('grid', WARMTH, '--order', order, '-f', 'json', expect=0)
            grid = json.loads(proc.stdout)
            self.assertEqual(len(grid['studies']), 29)
            seen[order] = grid['studies']
        default = json.loads(self.run_cli('grid', WARMTH, '-f', 'json', expect=0).stdout)
        self.assertEqual(default['studies'], seen['index'])
        self.assertNotEqual(seen['index'], seen['chronological'])
        self.assertEqual(sorted(seen['index']), sorted(seen['project']))

    def test_relate_threshold(self):
        loose = json.loads(self.run_cli('relate', WARMTH, '-t', '0', '-f', 'json', expect=0).stdout)
        tight = json.loads(self.run_cli('relate', WARMTH, '-t', '1', '-f', 'json', expect=0).stdout)
        self.assertLessEqual(len(loose['clusters']), len(tight['clusters']))
        rows = list(csv.DictReader(io.StringIO(
            self.run_cli('relate', WARMTH, '-f', 'csv', expect=0).stdout.decode(), newline='')))
        self.assertEqual(len(rows), 29 * 29)
        self.assertEqual(set(rows[0]), {'study_a', 'study_b', 'shared', 'jaccard',
                                        'cluster_a', 'cluster_b'})

    def test_check_exit_status(self):
        report = json.loads(self.run_cli('check', WARMTH, '-f', 'json', expect=0).stdout)
        self.assertEqual(report['counts']['error'], 0)
        text = self.text(self.run_cli('check', WARMTH, expect=0).stdout)
        self.assertRegex(text, r'^0 errors, \d+ warnings?, \d+ notes?\n')
        # A refutation without a rationale is an error.
        with open(WARMTH, encoding='utf-8') as f:
            data = f.read()
        broken = re.sub(r'(<translation [^>]*kind="refutational"[^>]*>)\s*<rationale>.*?</rationale>',
                        r'\1', data, count=1, flags=re.S)
        if broken != data:
            proc = self.run_cli('check', '-', stdin=broken.encode(), expect=1)
            self.assertIn('refutation-no-rationale', self.text(proc.stdout))

    def test_synthesize(self):
        loa = json.loads(self.run_cli('synthesize', WARMTH, '-f', 'json', expect=0).stdout)
        self.assertEqual(len(loa['findings']), 5)
        self.assertEqual(loa['coverage']['studies']['total'], 29)
        strict = json.loads(self.run_cli('synthesize', WARMTH, '--min-studies', '25',
                                         '-f', 'json', expect=0).stdout)
        self.assertTrue(any(f['flagged'] for f in strict['findings']))

    def test_help(self):
        for command in REPORTS:
            with self.subTest(command=command):
                text = self.text(self.run_cli(command, '--help', expect=0).stdout)
                self.assertIn('--format', text)

    def test_usage_errors(self):
        for args in (['grid'], ['grid', WARMTH, WARMTH], ['grid', ''],
                     ['grid', WARMTH, '--order', 'random'],
                     ['grid', WARMTH, '--format', 'dot'],
                     ['synthesize', WARMTH, '--format', 'csv'],
                     ['suggest', WARMTH, '--format', 'csv'],
                     ['relate', WARMTH, '--threshold', '2'],
                     ['relate', WARMTH, '--threshold', 'x'],
                     ['check', WARMTH, '--min-studies', '-1'],
                     ['translate', WARMTH, '--table', '--format', 'dot'],
                     ['saturation', WARMTH, '--bogus']):
            with self.subTest(args=args):
                self.assert_usage_error(*args)

    def test_invalid_input(self):
        for command, (extra, _) in REPORTS.items():
            with self.subTest(command=command):
                proc = self.run_cli(command, os.path.join(TEST_DATA, 'fail-truncated.xml'),
                                    *extra, expect=1)
                self.assertEqual(proc.stdout, b'')
                self.assertEqual(len(proc.stderr.splitlines()), 1)


class TestTranslateSession(CliTestCase):
    """translate FILE [ACTION]: a translation session run decision by
    decision from the terminal, saved after each one."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.path = os.path.join(self.tmp, 'review.xml')
        shutil.copyfile(STARTER, self.path)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def json_of(self, *args, expect=0):
        proc = self.run_cli('translate', self.path, *args, '--format', 'json', expect=expect)
        self.assertEqual(proc.stderr, b'')
        return json.loads(proc.stdout)

    def counts(self):
        return json.loads(self.run_cli('info', '--json', self.path, expect=0).stdout)['counts']

    def refused(self, *args):
        """The command fails with one line on stderr and leaves FILE as it was."""
        before = read_bytes(self.path)
        proc = self.run_cli('translate', self.path, *args, expect=1)
        self.assertEqual(proc.stdout, b'')
        self.assertEqual(len(self.text(proc.stderr).splitlines()), 1, args)
        self.assertTrue(proc.stderr.startswith(self.path.encode() + b': '), proc.stderr)
        self.assertEqual(read_bytes(self.path), before, args)
        return proc.stderr.decode()

    def test_without_session(self):
        text = self.text(self.run_cli('translate', self.path, expect=0).stdout)
        self.assertIn('No translation session', text)
        self.assertIn('--start', text)
        self.assertIsNone(self.json_of()['session'])
        self.assertIsNone(json.loads(self.run_cli('info', '--json', self.path).stdout)['session'])
        self.assertIn('Session:  none under way', self.text(self.run_cli('info', self.path).stdout))
        for action in (['--set-aside'], ['--undo'], ['--discard'], ['--set-order', 'index'],
                       ['--reciprocal', 'warmth']):
            with self.subTest(action=action):
                self.assertIn('no translation session', self.refused(*action))
        proc = self.run_cli('translate', self.path, '--decisions', expect=1)
        self.assertEqual(proc.stdout, b'')

    def test_walk_every_decision_and_undo_all(self):
        original = self.counts()
        status = self.json_of('--start', '--order', 'chronological')
        self.assertEqual(status['done'], 'Started a translation session in chronological order.')
        session = status['session']
        self.assertEqual((session['order'], session['decisions'], session['remaining']),
                         ('chronological', 0, 11))
        self.assertIn('already under way', self.refused('--start'))

        # Chronological order: the studies by year (starter: 2016, 2018, 2020, 2021).
        studies_seen = []
        kinds = []
        for i in range(11):
            status = self.json_of()
            current = status['next']['construct']['id']
            self.assertEqual(status['session']['current_construct'], current)
            study = status['next']['study']['id']
            if not studies_seen or studies_seen[-1] != study:
                studies_seen.append(study)
            if i == 0:
                # A decision made from an earlier look is refused.
                self.assertIn('nothing was recorded',
                              self.refused('--set-aside', '--construct', 'not-' + current))
                self.refused('--reciprocal', 'no-such-concept')
                self.refused('--refutes', 'warmth', '--reviewer', 'no-such-member')
                self.refused('--new-concept', 'twice', '--concept-id', 'warmth')
            kind = ('new-concept', 'reciprocal', 'refutational', 'set-aside')[i % 4]
            action = {
                'new-concept': ['--new-concept', 'idea %d' % i, '--concept-id', 'idea-%d' % i],
                'reciprocal': ['--reciprocal', 'being-listened-to', '--reviewer', 'ak'],
                'refutational': ['--refutes', 'warmth', '--reviewer', 'jo'],
                'set-aside': ['--set-aside'],
            }[kind]
            done = self.json_of(*action, '--rationale', 'reason %d' % i, '--construct', current)
            self.assertTrue(done['done'].startswith('Recorded: %s ' % current), done['done'])
            self.assertEqual(done['session']['decisions'], i + 1)
            self.assertEqual(done['session']['remaining'], 10 - i)
            self.assertNotEqual(done['session']['current_construct'], current)
            kinds.append((current, kind))
        self.assertEqual(studies_seen, ['adeyemi2016', 'hussain2018', 'campbell2020', 'nowak2021'])

        status = self.json_of()
        self.assertTrue(status['session']['complete'])
        self.assertIsNone(status['next'])
        text = self.text(self.run_cli('translate', self.path, expect=0).stdout)
        self.assertIn('Every second-order construct has a decision', text)
        self.refused('--set-aside')

        log = self.json_of('--decisions')['log']
        self.assertEqual([(d['construct'], d['kind']) for d in log], kinds)
        for i, d in enumerate(log):
            self.assertEqual(d['rationale'], 'reason %d' % i)
            self.assertEqual(d['reviewer'], {'reciprocal': 'ak', 'refutational': 'jo'}.get(d['kind']))
            self.assertEqual(d['concept'], {'new-concept': 'idea-%d' % i, 'reciprocal': 'being-listened-to',
                                            'refutational': 'warmth'}.get(d['kind']))
            self.assertEqual(d['translation'] is not None, d['kind'] in ('reciprocal', 'refutational'))
            self.assertRegex(d['created'], r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')
        text = self.text(self.run_cli('translate', self.path, '--decisions', expect=0).stdout)
        self.assertTrue(text.startswith('11 decisions, in the order made\n'), text)
        self.assertIn('Rationale: reason 10', text)

        after = self.counts()
        self.assertEqual(after['concepts'], original['concepts'] + 3)
        self.assertEqual(after['reciprocal_translations'], original['reciprocal_translations'] + 3)
        self.assertEqual(after['refutational_translations'], original['refutational_translations'] + 3)
        self.run_cli('validate', self.path, expect=0)
        self.assertIn('Session:  chronological order, 11 decisions, complete',
                      self.text(self.run_cli('info', self.path).stdout))

        # Undo takes every decision back, with what it made.
        for i in reversed(range(11)):
            done = self.json_of('--undo')
            self.assertTrue(done['done'].startswith('Undone: %s (study ' % kinds[i][0]), done['done'])
            self.assertEqual(done['session']['decisions'], i)
            self.assertEqual(done['session']['current_construct'], kinds[i][0])
        self.assertIn('no decision', self.refused('--undo'))
        self.assertEqual(self.counts(), original)

    def test_discard_and_orders(self):
        self.json_of('--start')
        self.assertEqual(self.json_of()['session']['order'], 'index')
        table = json.loads(self.run_cli('translate', self.path, '--table', '-f', 'json', expect=0).stdout)
        self.assertEqual(table['order'], 'index')
        done = self.json_of('--set-order', 'chronological')
        self.assertEqual(done['session']['order'], 'chronological')
        # The table follows the session's order unless told otherwise.
        table = json.loads(self.run_cli('translate', self.path, '--table', '-f', 'json', expect=0).stdout)
        self.assertEqual(table['order'], 'chronological')
        table = json.loads(self.run_cli('translate', self.path, '--table', '--order', 'custom',
                                        '-f', 'json', expect=0).stdout)
        self.assertEqual(table['order'], 'custom')

        self.json_of('--new-concept', 'kept', '--concept-id', 'kept')
        concepts = self.counts()['concepts']
        done = self.json_of('--discard')
        self.assertIn('stay in the project', done['done'])
        self.assertIsNone(done['session'])
        self.assertEqual(self.counts()['concepts'], concepts)
        self.assertIsNone(json.loads(self.run_cli('info', '--json', self.path).stdout)['session'])
        # Read-only views take standard input.
        self.json_of('--start')
        with open(self.path, 'rb') as f:
            data = f.read()
        proc = self.run_cli('translate', '-', '-f', 'json', stdin=data, expect=0)
        self.assertEqual(json.loads(proc.stdout)['session']['decisions'], 0)
        self.run_cli('translate', '-', '--decisions', stdin=data, expect=0)

    @unittest.skipIf(WRAPPER or not FAULT_SHIM, 'needs the fault shim, outside valgrind')
    def test_failed_save_changes_nothing(self):
        # A decision whose save fails (a full disk, fsync or rename
        # failing) is reported and leaves FILE exactly as it was.
        self.run_cli('translate', self.path, '--start', expect=0)
        before = read_bytes(self.path)
        for fault in ({'MTE_FAULT_ENOSPC_AFTER': '100'}, {'MTE_FAULT_FSYNC': '1'},
                      {'MTE_FAULT_RENAME': '1'}):
            with self.subTest(fault=fault):
                env = dict(os.environ, MTE_FAULT_DIR=self.tmp, **fault)
                env['LD_PRELOAD'] = ':'.join(filter(None, [FAULT_SHIM, env.get('LD_PRELOAD')]))
                # Under AddressSanitizer the shim loads before the runtime,
                # which is harmless here but refused by default.
                env['ASAN_OPTIONS'] = ':'.join(filter(None, [env.get('ASAN_OPTIONS'),
                                                             'verify_asan_link_order=0']))
                proc = subprocess.run([METAETHNO, 'translate', self.path, '--set-aside',
                                       '--rationale', 'not saved'], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
                self.assertEqual(proc.returncode, 1, proc.stderr)
                self.assertEqual(proc.stdout, b'')
                self.assertEqual(len(self.text(proc.stderr).splitlines()), 1, proc.stderr)
                self.assertEqual(read_bytes(self.path), before)
                self.assertEqual(os.listdir(self.tmp), ['review.xml'])
        self.assertEqual(self.json_of('--set-aside')['session']['decisions'], 1)

    def test_text_view(self):
        self.run_cli('translate', self.path, '--start', expect=0)
        text = self.text(self.run_cli('translate', self.path, expect=0).stdout)
        status = self.json_of()
        current = status['next']['construct']
        self.assertIn('Next: %s\n' % current['id'], text)
        self.assertIn('Concepts so far (6)', text)
        for quote in status['next']['quotes']:
            self.assertIn(quote['id'], text)
        self.assertIn('--reciprocal CONCEPT', text)
        # Wrapped to 78 columns, but for the commands to copy, which name FILE.
        for line in text.splitlines():
            if self.path not in line:
                self.assertLessEqual(len(line), 78, line)

    def test_usage_errors(self):
        for args in (['--undo', '--set-aside'], ['--start', '--table'],
                     ['--order', 'index'], ['--start', '--order', 'random'],
                     ['--set-order', 'random'], ['--set-aside', '--concept-id', 'x'],
                     ['--undo', '--rationale', 'x'], ['--table', '--reviewer', 'ak'],
                     ['--reciprocal', ''], ['--decisions', '-f', 'csv'], ['-f', 'dot']):
            with self.subTest(args=args):
                self.assert_usage_error('translate', self.path, *args)
        self.assert_usage_error('translate', '-', '--start')
        self.assert_usage_error('translate')
        self.assertEqual(read_bytes(self.path), read_bytes(STARTER))


# meson runs this file as two tests, so that they share the cores: the
# second part (MTE_CLI_PART=2) is the classes below, the first is everything
# else, so a class added later still runs. Without MTE_CLI_PART, all of it.
SECOND_PART = {'TestReports', 'TestTranslateSession', 'TestConcurrentCommands'}


def load_tests(loader, standard_tests, pattern):
    part = os.environ.get('MTE_CLI_PART', '')
    if part not in ('1', '2'):
        return standard_tests
    suite = unittest.TestSuite()
    for name, value in sorted(globals().items()):
        if (isinstance(value, type) and issubclass(value, unittest.TestCase)
                and value.__module__ == __name__
                and (name in SECOND_PART) == (part == '2')):
            suite.addTests(loader.loadTestsFromTestCase(value))
    return suite


if __name__ == '__main__':
    if not METAETHNO:
        sys.exit('METAETHNO is not set: run these tests through meson test')
    unittest.main(verbosity=2)
