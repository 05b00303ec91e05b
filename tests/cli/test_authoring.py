#!/usr/bin/env python3
# Tests of the authoring commands (new, add, change, remove, list, show,
# classify, appraise, cerqual, protocol, emerge, screen, exclude, include, prisma).
# They run the real built binary, and build the expected projects through
# the Python bindings.
#
# Environment (set by tests/cli/meson.build):
#   METAETHNO           the metaethno executable
#   METAETHNO_LIBRARY   the build tree's library, for the Python bindings
#   PYTHONPATH          bindings/python
#   MTE_CLI_TEMPLATES   bindings/cli/templates (the templates as data)
#
# Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import metaethno

METAETHNO = os.environ.get('METAETHNO', '')
TEMPLATES = os.environ.get('MTE_CLI_TEMPLATES', '')

KINDS = ['member', 'checklist', 'search', 'record', 'study', 'quote', 'theme', 'concept',
         'translation', 'finding', 'link', 'framework', 'memo']


def run(*args, cwd=None, check=None):
    """Runs metaethno; check=0 asserts success."""
    result = subprocess.run([METAETHNO, *args], cwd=cwd, capture_output=True, text=True)
    if check is not None and result.returncode != check:
        raise AssertionError('metaethno %s: status %d\nstdout: %s\nstderr: %s'
                             % (' '.join(args), result.returncode, result.stdout, result.stderr))
    return result


def epoch(text):
    """Seconds since the epoch of an ISO 8601 UTC time."""
    import datetime
    return int(datetime.datetime.fromisoformat(text.replace('Z', '+00:00')).timestamp())


class Folder(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix='mte-authoring-')

    def tearDown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def mte(self, *args, check=0):
        return run(*args, cwd=self.folder, check=check)

    def path(self, name='review.xml'):
        return os.path.join(self.folder, name)


# ---------------------------------------------------------------------------
# The acceptance test: a review from nothing, commands only.
# ---------------------------------------------------------------------------

# Times of decisions, given with --at so that both projects hold the same.
T = ['2026-01-%02dT10:00:00Z' % day for day in range(1, 29)]

THEMES = {
    # study: [(quote text, speaker, page), ...], [(theme text, label, grounded quote index)]
    'hussain2018': ([('She sat with me and let me talk', 'woman, 62', '5')],
                    [('Patients valued staff who took time to hear them', 'Time to be heard', 0)]),
    'lee2019': ([('He knew my family and asked after them', 'man, 40', '7'),
                 ('The nurse was kind, like an aunt', 'woman, 33', '8')],
                [('Being listened to built trust', 'Listening builds trust', 0),
                 ('Warmth from staff felt like family', 'Warmth like family', 1)]),
    'okafor2021': ([('Nobody asked me what I thought', 'woman, 54', '4'),
                    ('The doctor smiled and that helped', 'man, 29', '6')],
                   [('Not being heard led to mistrust', 'Not heard', 0),
                    ('Warm manner eased fear', 'Warm manner', 1)]),
    'brown2020': ([('It was fine', 'man, 70', '3')],
                  [('Care was adequate', 'Adequate care', 0)]),
}
STUDIES = [
    # id, authors, year, title, country
    ('okafor2021', ['Okafor, T.', 'Mensah, A.'], 2021, 'Being heard in the clinic', 'UK'),
    ('lee2019', ['Lee, K.'], 2019, 'Trust and warmth in mental-health care', 'UK'),
    ('hussain2018', ['Hussain, S.'], 2018, 'Family, faith and the clinic', 'UK'),
    ('brown2020', ['Brown, P.'], 2020, 'Satisfaction with care', 'UK'),
]
# The translation session, in chronological order (brown2020 is excluded
# and leaves the session): construct, action, argument, rationale, reviewer.
SESSION = [
    ('hussain2018-t1', 'new-concept', 'Being listened to', 'a new idea', 'ak'),
    ('lee2019-t1', 'reciprocal', 'being-listened-to', 'the same idea in other words', 'jo-okafor'),
    ('lee2019-t2', 'new-concept', 'Warmth', 'a new idea: warmth', 'ak'),
    ('okafor2021-t1', 'refutes', 'being-listened-to', 'not being heard contradicts it', 'ak'),
    ('okafor2021-t2', 'reciprocal', 'warmth', 'warm manner is warmth', 'jo-okafor'),
]


def build_with_commands(folder):
    """Builds the review as a new user would: one command at a time."""
    def mte(*args):
        return run(*args, cwd=folder, check=0)

    f = 'review.xml'
    mte('new', f, '--title', 'Warmth and being heard in mental-health care',
        '--question', 'How do racially minoritised adults experience care?',
        '--aim', 'To synthesise qualitative studies', '--template', 'casp',
        '--template', 'socio-ecological')
    mte('protocol', f, '--rationale', 'Meta-ethnography builds new theory from concepts',
        '--inclusion', 'Qualitative studies of adults in the UK',
        '--exclusion', 'Studies without first-order data')
    mte('add', 'member', f, '--id', 'ak', '--name', 'A. Kaur', '--role', 'lead reviewer')
    mte('add', 'member', f, '--name', 'Jo Okafor', '--role', 'second reviewer')
    mte('add', 'search', f, '--source', 'MEDLINE (Ovid)', '--date', '2025-11-03',
        '--query', 'qualitative AND (warmth OR trust)', '--records', '6', '--by', 'ak')
    mte('add', 'search', f, '--kind', 'citation', '--source', 'Reference lists', '--records', '1',
        '--by', 'jo okafor')
    for study_id, authors, year, title, country in STUDIES:
        args = ['add', 'study', f]
        for author in authors:
            args += ['--author', author]
        mte(*args, '--year', str(year), '--title', title, '--country', country)
    # Records: four reports of the studies, a duplicate, two excluded.
    for i, (study_id, authors, year, title, _) in enumerate(STUDIES):
        search = 'reference lists' if study_id == 'hussain2018' else 'medline-ovid'
        mte('add', 'record', f, '--title', title, '--author', authors[0], '--year', str(year),
            '--search', search)
    mte('add', 'record', f, '--title', 'Being heard in the clinic (copy)', '--search', 'medline-ovid')
    mte('add', 'record', f, '--title', 'A survey of satisfaction', '--search', 'medline-ovid')
    mte('add', 'record', f, '--title', 'Nurses on trust', '--search', 'medline-ovid',
        '--keyword', 'nursing', '--keyword', 'trust')
    mte('screen', f, 'record-5', '--fate', 'duplicate', '--of', 'record-1', '--reason', 'same DOI',
        '--by', 'ak', '--at', T[0])
    mte('screen', f, 'a survey of satisfaction', '--fate', 'excluded-screening',
        '--reason', 'Not qualitative', '--by', 'ak', '--at', T[1])
    mte('screen', f, 'record-7', '--fate', 'excluded-full-text', '--reason', 'No patient data',
        '--by', 'jo-okafor', '--at', T[2])
    for i, (study_id, *_rest) in enumerate(STUDIES):
        mte('screen', f, 'record-%d' % (i + 1), '--fate', 'included', '--study', study_id,
            '--by', 'ak', '--at', T[3])
    # Quotes and themes.
    for study_id, (quotes, themes) in THEMES.items():
        for text, speaker, page in quotes:
            mte('add', 'quote', f, '--study', study_id, '--text', text, '--speaker', speaker,
                '--page', page)
        for text, label, grounded in themes:
            mte('add', 'theme', f, '--study', study_id, '--text', text, '--label', label,
                '--grounded-in', '%s-q%d' % (study_id, grounded + 1))
    # Appraisal, and one study excluded after it.
    mte('appraise', f, 'okafor2021', 'q1=yes', 'q2=yes', 'q3=Yes', 'q10=Useful for services',
        '--note', 'q3=The design suits the aim')
    mte('appraise', f, 'satisfaction with care', '--checklist', 'casp', 'q1=no', "q2=can't tell",
        'q8=no', '--note', 'q8=No analysis described')
    mte('exclude', f, 'brown2020', '--stage', 'appraisal', '--reason', 'Serious concerns about the analysis',
        '--by', 'ak', '--at', T[4])
    # The translation session.
    mte('translate', f, '--start', '--order', 'chronological')
    for construct, action, argument, rationale, reviewer in SESSION:
        mte('translate', f, '--' + action, argument, '--rationale', rationale, '--reviewer', reviewer,
            '--construct', construct)
    # A translation outside the session.
    mte('add', 'translation', f, '--kind', 'reciprocal', '--from', 'lee2019-t2', '--to', 'okafor2021-t2',
        '--rationale', 'both describe warmth', '--by', 'ak', '--at', T[5])
    # Findings, CERQual, links, classifications, memos.
    mte('add', 'finding', f, '--label', 'Being known', '--statement', 'People want to be known as whole persons',
        '--basis', 'being listened to', '--basis', 'lee2019-t1')
    mte('add', 'finding', f, '--label', 'Warmth builds trust', '--basis', 'warmth')
    mte('change', f, 'warmth builds trust', '--statement', 'Warmth from staff leads to trust')
    mte('cerqual', f, 'being known', '--methodological-limitations', 'minor',
        '--because', 'One study did not describe recruitment', '--coherence', 'none',
        '--because', 'Consistent', '--adequacy', 'moderate', '--because', 'Three studies',
        '--relevance', 'none', '--confidence', 'moderate', '--because', 'Concerns about adequacy')
    mte('cerqual', f, 'warmth-builds-trust', '--confidence', 'low', '--because', 'Two studies only')
    mte('add', 'link', f, '--from', 'being known', '--to', 'warmth builds trust', '--relation', 'leads to',
        '--rationale', 'Being known makes warmth possible')
    mte('classify', f, 'warmth', '--level', 'interpersonal')
    mte('classify', f, 'being known', '--framework', 'socio-ecological', '--level', 'Organisational')
    mte('classify', f, 'being known', '--level', 'individual')
    mte('add', 'memo', f, '--about', 'warmth', '--by', 'ak', '--text', 'Check warmth against family',
        '--at', T[6])
    mte('add', 'memo', f, '--about', 'project', '--by', 'jo-okafor', '--text', 'Second pass done',
        '--at', T[7])
    mte('change', f, 'warmth', '--definition', 'Feeling cared for as by family')
    return os.path.join(folder, f)


def build_with_api(templates):
    """The same review through the Python bindings."""
    p = metaethno.Project('Warmth and being heard in mental-health care')
    p.question = 'How do racially minoritised adults experience care?'
    p.aim = 'To synthesise qualitative studies'
    for name in ('casp', 'socio-ecological'):
        template = metaethno.Project.load(os.path.join(templates, name + '.xml'))
        for c in template.checklists:
            copy = p.add_checklist(c.name, id=c.id)
            for q in c.questions:
                copy.add_question(q.key, q.text, q.answers)
        for fw in template.frameworks:
            copy = p.add_framework(fw.name, id=fw.id)
            copy.description = fw.description
            for level in fw.levels:
                copy.add_level(level.key, level.label)
    p.protocol['rationale'] = 'Meta-ethnography builds new theory from concepts'
    p.protocol['inclusion'] = 'Qualitative studies of adults in the UK'
    p.protocol['exclusion'] = 'Studies without first-order data'
    p.add_member('A. Kaur', 'lead reviewer', id='ak')
    p.add_member('Jo Okafor', 'second reviewer')
    p.add_search('database', 'MEDLINE (Ovid)', date='2025-11-03',
                 query='qualitative AND (warmth OR trust)', n_records=6, run_by='ak')
    p.add_search('citation', 'Reference lists', n_records=1, run_by='jo-okafor')
    for study_id, authors, year, title, country in STUDIES:
        s = p.add_study(study_id, title=title, authors=authors, year=year)
        s.country = country
    for study_id, authors, year, title, _ in STUDIES:
        search = 'reference-lists' if study_id == 'hussain2018' else 'medline-ovid'
        p.add_record(title=title, authors=[authors[0]], year=year, searches=[search])
    p.add_record(title='Being heard in the clinic (copy)', searches=['medline-ovid'])
    p.add_record(title='A survey of satisfaction', searches=['medline-ovid'])
    p.add_record(title='Nurses on trust', searches=['medline-ovid'], keywords=['nursing', 'trust'])
    records = {r.id: r for r in p.records}
    records['record-5'].set_fate('duplicate', 'record-1', 'same DOI', 'ak', epoch(T[0]))
    records['record-6'].set_fate('excluded-screening', None, 'Not qualitative', 'ak', epoch(T[1]))
    records['record-7'].set_fate('excluded-full-text', None, 'No patient data', 'jo-okafor', epoch(T[2]))
    for i, (study_id, *_rest) in enumerate(STUDIES):
        records['record-%d' % (i + 1)].set_fate('included', study_id, None, 'ak', epoch(T[3]))
    for study_id, (quotes, themes) in THEMES.items():
        study = p.lookup(study_id)
        for text, speaker, page in quotes:
            study.add_quote(text, speaker=speaker, page=page)
        for text, label, grounded in themes:
            study.add_interpretation(text, label=label,
                                     grounded_in=['%s-q%d' % (study_id, grounded + 1)])
    okafor = p.lookup('okafor2021')
    okafor.set_appraisal('casp', 'q1', 'yes')
    okafor.set_appraisal('casp', 'q2', 'yes')
    okafor.set_appraisal('casp', 'q3', 'yes', 'The design suits the aim')
    okafor.set_appraisal('casp', 'q10', 'Useful for services')
    brown = p.lookup('brown2020')
    brown.set_appraisal('casp', 'q1', 'no')
    brown.set_appraisal('casp', 'q2', "can't tell")
    brown.set_appraisal('casp', 'q8', 'no', 'No analysis described')
    brown.exclude('appraisal', 'Serious concerns about the analysis', 'ak', epoch(T[4]))
    session = p.start_session('chronological')
    for construct, action, argument, rationale, reviewer in SESSION:
        assert session.current_construct.id == construct
        if action == 'new-concept':
            session.found_concept(argument, rationale, reviewer)
        elif action == 'reciprocal':
            session.translate(argument, rationale, reviewer)
        else:
            session.refute(argument, rationale, reviewer)
    t = p.add_translation('reciprocal', 'lee2019-t2', 'okafor2021-t2')
    t.rationale = 'both describe warmth'
    t.reviewer = 'ak'
    t.created = epoch(T[5])
    known = p.add_third_order('Being known', statement='People want to be known as whole persons')
    known.add_basis('being-listened-to')
    known.add_basis('lee2019-t1')
    trust = p.add_third_order('Warmth builds trust')
    trust.add_basis('warmth')
    trust.statement = 'Warmth from staff leads to trust'
    known.set_concern('methodological-limitations', 'minor', 'One study did not describe recruitment')
    known.set_concern('coherence', 'none-or-very-minor', 'Consistent')
    known.set_concern('adequacy', 'moderate', 'Three studies')
    known.set_concern('relevance', 'none-or-very-minor')
    known.set_confidence('moderate', 'Concerns about adequacy')
    trust.set_confidence('low', 'Two studies only')
    link = p.add_argument_link(known, trust, 'leads to')
    link.rationale = 'Being known makes warmth possible'
    fw = p.lookup('socio-ecological')
    fw.classify('warmth', 'interpersonal')
    fw.classify('being-known', 'organisational')
    fw.classify('being-known', 'individual')
    m = p.add_memo('Check warmth against family', subject='warmth', author='ak')
    m.created = epoch(T[6])
    m = p.add_memo('Second pass done', author='jo-okafor')
    m.created = epoch(T[7])
    p.lookup('warmth').definition = 'Feeling cared for as by family'
    return p


class TestAcceptance(Folder):
    """A review from an empty folder with commands only equals, entity by
    entity, the same review built through the API, and `check` reports no
    error.

    Times: every decision that takes --at gets the same time on both sides.
    The times no command lets the user give (the project's created and
    modified times, the session's decisions and the translations they
    make) are checked to lie within the commands' run, then copied from
    the command-built project to the API-built one before comparing."""

    def test_review_from_nothing(self):
        self.assertEqual(os.listdir(self.folder), [])
        start = int(time.time())
        path = build_with_commands(self.folder)
        end = int(time.time()) + 1
        self.assertEqual(sorted(os.listdir(self.folder)), ['review.xml'])

        check = json.loads(self.mte('check', 'review.xml', '--format', 'json').stdout)
        self.assertEqual(check['counts']['error'], 0, check['issues'])

        cli = metaethno.Project.load(path)
        api = build_with_api(TEMPLATES)

        def window(when):
            seconds = int(when.timestamp())
            self.assertTrue(start <= seconds <= end, (start, seconds, end))
            return seconds

        cli_decisions = cli.session.decisions
        for i, decision in enumerate(cli_decisions):
            api.session.set_decision_created(i, window(decision.created))
            if decision.translation is not None:
                api.lookup(decision.translation.id).created = window(decision.translation.created)

        # Entity by entity, kind by kind, as `list --format json` shows them.
        api_path = self.path('api.xml')
        api.created = window(cli.created)
        api.modified = window(cli.modified)
        api.save(api_path)
        for kind in KINDS:
            mine = json.loads(self.mte('list', kind, 'review.xml', '--format', 'json').stdout)
            theirs = json.loads(self.mte('list', kind, 'api.xml', '--format', 'json').stdout)
            self.assertEqual([e['id'] for e in mine], [e['id'] for e in theirs], kind)
            for a, b in zip(mine, theirs):
                self.assertEqual(a, b, '%s %s' % (kind, a['id']))
        # And the whole model, field by field, as the library compares it.
        self.assertTrue(cli.equals(metaethno.Project.load(api_path)),
                        'the projects differ:\n%s' % self.first_difference(cli, api))

        # What the review holds, as a reviewer would ask.
        studies = {s['id']: s for s in json.loads(self.mte('list', 'studies', 'review.xml',
                                                             '--format', 'json').stdout)}
        self.assertEqual(studies['brown2020']['status'], 'excluded')
        self.assertEqual(studies['brown2020']['exclusion_reason'], 'Serious concerns about the analysis')
        prisma = json.loads(self.mte('prisma', 'review.xml', '--format', 'json').stdout)
        self.assertEqual(prisma['counts']['duplicates'], 1)
        self.assertEqual(prisma['counts']['records_excluded'], 1)

    def first_difference(self, a, b):
        import difflib
        lines = difflib.unified_diff(a.to_bytes().decode().splitlines(),
                                     b.to_bytes().decode().splitlines(), lineterm='', n=1)
        return '\n'.join(list(lines)[:40])


# ---------------------------------------------------------------------------
# Refusals leave the file byte for byte as it was.
# ---------------------------------------------------------------------------

# (command line after 'metaethno', expected status): each refuses on the
# project build_small() makes.
REFUSALS = [
    (['add', 'concept', 'F', '--label', 'Warmth', '--id', 'okafor2021'], 1),   # id taken
    (['add', 'concept', 'F'], 2),                                             # --label missing
    (['add', 'quote', 'F', '--study', 'nobody', '--text', 'x'], 1),          # unknown study
    (['add', 'finding', 'F', '--label', 'No basis'], 1),                      # new check error
    (['add', 'translation', 'F', '--kind', 'sideways', '--from', 'a', '--to', 'b'], 2),
    (['add', 'memo', 'F', '--text', 'x', '--by', 'nobody'], 1),
    (['add', 'unicorn', 'F'], 2),
    (['change', 'F', 'warmth', '--speaker', 'x'], 2),                         # not a concept field
    (['change', 'F', 'warmt-h', '--label', 'x'], 1),                          # unknown entity
    (['change', 'F', 'okafor2021', '--year', 'soon'], 2),
    (['remove', 'F', 'okafor2021-t1'], 1),                                   # has dependents
    (['remove', 'F', 'nothing-here'], 1),
    (['classify', 'F', 'warmth', '--level', 'galactic'], 1),
    (['unclassify', 'F', 'warmth', '--level', 'societal'], 1),               # not classified there
    (['appraise', 'F', 'okafor2021', 'q1=perhaps'], 1),
    (['appraise', 'F', 'okafor2021', 'q99=yes'], 1),
    (['cerqual', 'F', 'being-known', '--coherence', 'awful'], 2),
    (['cerqual', 'F', 'nothing', '--confidence', 'high'], 1),
    (['protocol', 'F', '--title', ''], 2),
    (['screen', 'F', 'record-1', '--fate', 'excluded-full-text'], 1),          # reason required
    (['screen', 'F', 'record-1', '--fate', 'lost'], 2),
    (['exclude', 'F', 'okafor2021', '--stage', 'appraisal'], 2),             # reason missing
    (['exclude', 'F', 'nobody', '--stage', 'appraisal', '--reason', 'x'], 1),
    (['include', 'F', 'okafor2021'], 1),                                     # not excluded
    (['prisma', 'F', '--set', 'duplicates=many'], 2),
    (['prisma', 'F', '--set', 'no_such_box=1'], 2),
    (['new', 'F', '--title', 'Again'], 1),                                   # exists
]


def build_small(folder, name='review.xml'):
    f = name
    for args in (
            ['new', f, '--title', 'Small', '--template', 'casp', '--template', 'socio-ecological'],
            ['add', 'member', f, '--id', 'ak', '--name', 'A. Kaur'],
            ['add', 'search', f, '--source', 'CINAHL'],
            ['add', 'record', f, '--title', 'Warm care', '--search', 'cinahl'],
            ['add', 'study', f, '--author', 'Okafor, T.', '--year', '2021', '--title', 'Warm care'],
            ['add', 'study', f, '--author', 'Lee, K.', '--year', '2019', '--title', 'Trust'],
            ['add', 'quote', f, '--study', 'okafor2021', '--text', 'She was kind'],
            ['add', 'theme', f, '--study', 'okafor2021', '--text', 'Kindness', '--label', 'Kindness',
             '--grounded-in', 'okafor2021-q1'],
            ['add', 'theme', f, '--study', 'lee2019', '--text', 'Warm staff', '--label', 'Warm staff'],
            ['add', 'concept', f, '--label', 'Warmth', '--expressed-by', 'okafor2021-t1',
             '--expressed-by', 'lee2019-t1'],
            ['add', 'finding', f, '--label', 'Being known', '--basis', 'warmth'],
            ['classify', f, 'warmth', '--level', 'interpersonal']):
        run(*args, cwd=folder, check=0)
    return os.path.join(folder, f)


class TestRefusals(Folder):
    def test_every_refusal_leaves_the_file_untouched(self):
        path = build_small(self.folder)
        with open(path, 'rb') as f:
            before = f.read()
        stat = os.stat(path)
        for args, status in REFUSALS:
            with self.subTest(args=args):
                args = [a if a != 'F' else 'review.xml' for a in args]
                result = self.mte(*args, check=None)
                self.assertEqual(result.returncode, status, result.stderr)
                self.assertEqual(result.stdout, '')
                self.assertTrue(result.stderr.strip(), 'a refusal says why')
                # One line, or two for a usage error (what, and where to find help).
                self.assertLessEqual(len(result.stderr.strip().splitlines()), 2, result.stderr)
                with open(path, 'rb') as f:
                    self.assertEqual(f.read(), before)
                self.assertEqual(os.stat(path).st_ino, stat.st_ino, 'the file was not replaced')
        self.assertEqual(sorted(os.listdir(self.folder)), ['review.xml'], 'nothing left behind')

    def test_new_refuses_standard_input_and_missing_title(self):
        self.assertEqual(self.mte('new', 'x.xml', check=None).returncode, 2)
        self.assertEqual(self.mte('new', '-', '--title', 't', check=None).returncode, 2)
        self.assertEqual(os.listdir(self.folder), [])

    def test_new_never_replaces_a_file(self):
        with open(self.path('x.xml'), 'w') as f:
            f.write('mine')
        result = self.mte('new', 'x.xml', '--title', 't', check=1)
        self.assertIn('exists', result.stderr)
        with open(self.path('x.xml')) as f:
            self.assertEqual(f.read(), 'mine')
        self.assertEqual(os.listdir(self.folder), ['x.xml'])


# ---------------------------------------------------------------------------
# Names, candidates, --cascade, load warnings, listing.
# ---------------------------------------------------------------------------

class TestNames(Folder):
    def setUp(self):
        super().setUp()
        build_small(self.folder)

    def test_unknown_name_suggests_candidates(self):
        result = self.mte('show', 'review.xml', 'warmt', check=1)
        self.assertEqual(result.stderr,
                         "metaethno: no entity 'warmt' in review.xml; did you mean 'warmth' (Warmth)?\n")
        result = self.mte('change', 'review.xml', 'wramth', '--definition', 'x', check=1)
        self.assertIn("did you mean 'warmth' (Warmth)", result.stderr)
        result = self.mte('add', 'expression', 'review.xml', '--concept', 'kindnes', '--theme', 'x', check=1)
        self.assertTrue(result.stderr.startswith("metaethno: no concept 'kindnes' in review.xml"),
                        result.stderr)

    def test_label_and_case(self):
        shown = json.loads(self.mte('show', 'review.xml', 'WARMTH', '--format', 'json').stdout)
        self.assertEqual(shown['id'], 'warmth')
        shown = json.loads(self.mte('show', 'review.xml', 'warm staff', '--format', 'json').stdout)
        self.assertEqual(shown['id'], 'lee2019-t1')

    def test_ambiguous_name_lists_candidates(self):
        # "Warm care" is both a record's and a study's title.
        result = self.mte('show', 'review.xml', 'warm care', check=1)
        self.assertIn("'warm care' names 2 entities in review.xml", result.stderr)
        self.assertIn("'record-1' (Warm care)", result.stderr)
        self.assertIn("'okafor2021' (Warm care)", result.stderr)
        # Where only studies fit, the name is unique.
        self.mte('add', 'quote', 'review.xml', '--study', 'warm care', '--text', 'Another')

    def test_remove_names_dependents_and_cascade(self):
        result = self.mte('remove', 'review.xml', 'warmth', check=1)
        self.assertIn("cannot remove concept 'warmth' (Warmth)", result.stderr)
        self.assertIn("finding 'being-known' (Being known)", result.stderr)
        self.assertIn("framework 'socio-ecological'", result.stderr)
        result = self.mte('remove', 'review.xml', 'okafor2021-t1', '--cascade', check=None)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("removed theme 'okafor2021-t1' (Kindness)", result.stdout)
        concept = json.loads(self.mte('show', 'review.xml', 'warmth', '--format', 'json').stdout)
        self.assertEqual(concept['expressed_by'], ['lee2019-t1'])

    def test_generated_ids(self):
        out = self.mte('add', 'concept', 'review.xml', '--label', 'Being listened to').stdout
        self.assertEqual(out, "added concept 'being-listened-to' (Being listened to)\n")
        out = self.mte('add', 'quote', 'review.xml', '--study', 'okafor2021', '--text', 'x').stdout
        self.assertTrue(out.startswith("added quote 'okafor2021-q2'"), out)
        out = self.mte('add', 'study', 'review.xml', '--author', 'Okafor, T.', '--year', '2021').stdout
        self.assertTrue(out.startswith("added study 'okafor2021-2'"), out)

    def test_load_warnings_are_printed_before_the_change(self):
        with open(self.path(), encoding='utf-8') as f:
            text = f.read()
        text = text.replace('<title>', '<!-- a note by hand --><title>', 1)
        with open(self.path(), 'w', encoding='utf-8') as f:
            f.write(text)
        result = self.mte('add', 'concept', 'review.xml', '--label', 'Trust')
        self.assertRegex(result.stderr, r'^metaethno: warning: review\.xml:\d+:\d+: .*comment')
        self.assertEqual(result.stdout, "added concept 'trust' (Trust)\n")
        result = self.mte('list', 'concepts', 'review.xml')
        self.assertEqual(result.stderr, '', 'the save dropped the comment, as warned')

    def test_list_formats(self):
        text = self.mte('list', 'concept', 'review.xml').stdout
        self.assertTrue(text.startswith('warmth'), text)
        csv_text = self.mte('list', 'study', 'review.xml', '--format', 'csv').stdout
        self.assertTrue(csv_text.startswith('id,year,first_author,title,status'), csv_text)
        self.assertIn('\nokafor2021,2021,"Okafor, T.",Warm care,included', csv_text)
        self.assertEqual(self.mte('list', 'unicorns', 'review.xml', check=2).returncode, 2)

    def test_templates(self):
        listed = self.mte('templates').stdout.split('\n')
        self.assertEqual([line.split()[0] for line in listed if line], ['casp', 'jbi', 'socio-ecological'])
        self.assertEqual(self.mte('new', '--template', 'list').stdout, self.mte('templates').stdout)
        self.mte('new', 'jbi.xml', '--title', 'J', '--template', 'jbi')
        checklist = json.loads(self.mte('show', 'jbi.xml', 'jbi', '--format', 'json').stdout)
        self.assertEqual(checklist['questions'], '10')
        self.assertIn('[yes / no / unclear / not applicable]', checklist['q1'])
        casp = json.loads(self.mte('show', 'review.xml', 'casp', '--format', 'json').stdout)
        self.assertIn('[free text]', casp['q10'])

    def test_protocol_and_prisma_by_hand(self):
        self.mte('protocol', 'review.xml', '--registration', 'CRD42026000001')
        self.assertIn('CRD42026000001', self.mte('protocol', 'review.xml').stdout)
        self.mte('prisma', 'review.xml', '--set', 'database_results=120', '--set', 'duplicates=20',
                 '--set-reason', 'dbr_excluded=Not qualitative=4')
        counts = json.loads(self.mte('prisma', 'review.xml', '--format', 'json').stdout)['counts']
        self.assertEqual(counts['database_results'], 120)
        self.assertEqual(counts['duplicates'], 20)
        csv_text = self.mte('prisma', 'review.xml', '--format', 'csv').stdout
        self.assertTrue(csv_text.startswith('data,node,box,description'), csv_text)


# ---------------------------------------------------------------------------
# The team's text per eMERGe item, and a theme's JBI credibility (issue 13).
# ---------------------------------------------------------------------------

class TestEmergeAndCredibility(Folder):
    def test_emerge_texts(self):
        self.mte('new', 'review.xml', '--title', 'Small')
        self.assertIn('wrote eMERGe item 4 (why-meta-ethnography)',
                      self.mte('emerge', 'review.xml', '4', 'Theory from thick studies').stdout)
        self.mte('emerge', 'review.xml', 'strengths-limitations', 'Only UK studies; <reflexive> & open')
        listing = self.mte('emerge', 'review.xml').stdout
        self.assertIn('Phase 1\n', listing)
        self.assertIn('Phase 7\n', listing)
        self.assertIn(' 4 why-meta-ethnography:  Theory from thick studies\n', listing)
        self.assertIn('18 strengths-limitations: Only UK studies; <reflexive> & open\n', listing)
        self.assertIn(' 1 rationale:', listing)
        self.assertEqual(listing.count('(not recorded)'), 17)
        self.assertEqual(self.mte('emerge', 'review.xml', 'why-meta-ethnography').stdout,
                         'Theory from thick studies\n')
        self.assertEqual(self.mte('emerge', 'review.xml', 'aim').stdout, '')
        # what the library reads back
        with metaethno.Project.load(self.path()) as p:
            self.assertEqual(dict(p.emerge), {
                'why-meta-ethnography': 'Theory from thick studies',
                'strengths-limitations': 'Only UK studies; <reflexive> & open'})
        self.assertIn('cleared eMERGe item 4', self.mte('emerge', 'review.xml', '4', '').stdout)
        with metaethno.Project.load(self.path()) as p:
            self.assertEqual(list(p.emerge), ['strengths-limitations'])

    def test_emerge_refusals_leave_the_file_untouched(self):
        self.mte('new', 'review.xml', '--title', 'Small')
        with open(self.path(), 'rb') as f:
            before = f.read()
        for args in (['emerge'], ['emerge', 'review.xml', 'conclusion', 'x'],
                     ['emerge', 'review.xml', '0', 'x'], ['emerge', 'review.xml', '20'],
                     ['emerge', 'review.xml', '1', 'x', 'extra']):
            with self.subTest(args=args):
                result = self.mte(*args, check=2)
                self.assertEqual(result.stdout, '')
        result = self.mte('emerge', 'review.xml', 'aim', 'bell \a', check=1)
        self.assertIn('aim', result.stderr)
        with open(self.path(), 'rb') as f:
            self.assertEqual(f.read(), before)

    def test_theme_credibility(self):
        build_small(self.folder)
        self.mte('change', 'review.xml', 'okafor2021-t1', '--credibility', 'unequivocal')
        self.mte('add', 'theme', 'review.xml', '--study', 'lee2019', '--text', 'Doubt',
                 '--credibility', 'equivocal')
        shown = json.loads(self.mte('show', 'review.xml', 'okafor2021-t1', '--format', 'json').stdout)
        self.assertEqual(shown['credibility'], 'unequivocal')
        self.assertIn('credibility:', self.mte('show', 'review.xml', 'lee2019-t2').stdout)
        with metaethno.Project.load(self.path()) as p:
            self.assertIs(p.lookup('okafor2021-t1').credibility, metaethno.Credibility.UNEQUIVOCAL)
            self.assertIs(p.lookup('lee2019-t2').credibility, metaethno.Credibility.CREDIBLE)
            self.assertIs(p.lookup('lee2019-t1').credibility, metaethno.Credibility.NOT_ASSESSED)
        self.mte('change', 'review.xml', 'okafor2021-t1', '--credibility', 'not-assessed')
        shown = json.loads(self.mte('show', 'review.xml', 'okafor2021-t1', '--format', 'json').stdout)
        self.assertIsNone(shown['credibility'])
        # refused: an unknown level, and a quote
        with open(self.path(), 'rb') as f:
            before = f.read()
        self.mte('change', 'review.xml', 'okafor2021-t1', '--credibility', 'doubtful', check=1)
        self.mte('change', 'review.xml', 'okafor2021-q1', '--credibility', 'credible', check=2)
        with open(self.path(), 'rb') as f:
            self.assertEqual(f.read(), before)


if __name__ == '__main__':
    if not METAETHNO:
        raise SystemExit('set METAETHNO to the metaethno executable')
    unittest.main(verbosity=2)
