#!/usr/bin/env python3
"""shares.csv reports the sharing decisions, and its money adds up.

    check_shares.py FISCALSIM SOURCE_DIR

For scenarios with group, unit-by-unit and fixed rules: each source's rows cover every
unit once and their commune money is revenue_split.csv's commune column to the unit;
a chosen share lies in its rule's range on its step; moved is commune - legal_commune;
summary.json's "shares" is the same table; `run` prints the chosen shares. Under the
legal formula every share is the legal one and nothing moves (closed form).
"""
import csv, json, math, os, subprocess, sys, tempfile

exe, root = sys.argv[1], os.path.abspath(sys.argv[2])
fx = os.path.join(root, 'tests/fixtures')
failures = []

def check(what, ok):
    if not ok:
        failures.append(what)

def rows(path):
    return list(csv.DictReader(open(path, encoding='utf-8-sig')))

def run(scenario, tmp, lang='en'):
    r = subprocess.run([exe, 'run', scenario, '-o', tmp, '--charts', 'none', '--lang', lang], capture_output=True,
                       text=True)
    check('%s: exit %d' % (scenario, r.returncode), r.returncode == 0)
    return r.stdout

for name in ('scenarios/haiphong-2026.cfg', 'tests/fixtures/period-shares.cfg', 'tests/fixtures/legal-formula.cfg',
             'tests/fixtures/chosen-share.cfg'):
    with tempfile.TemporaryDirectory() as tmp:
        out = run(os.path.join(root, name), tmp)
        shares, split = rows(tmp + '/shares.csv'), {r['source']: r for r in rows(tmp + '/revenue_split.csv')}
        units = len(rows(tmp + '/allocation.csv'))
        summary = json.load(open(tmp + '/summary.json'))
        legal = summary['mode'] == 'legal'
        check('%s: summary.json has the table' % name, len(summary['shares']) == len(shares))
        by_source = {}
        for r in shares:
            by_source.setdefault(r['source'], []).append(r)
            share, lo, hi, step = (float(r[k]) for k in ('share', 'min', 'max', 'step'))
            check('%s %s: moved = commune - legal_commune' % (name, r['source']),
                  int(r['moved']) == int(r['commune']) - int(r['legal_commune']))
            if r['scope'] != 'fixed':
                check('%s %s: share %g in [%g, %g]' % (name, r['source'], share, lo, hi), lo - 1e-9 <= share <= hi + 1e-9)
                if step > 0:
                    k = (share - lo) / step
                    check('%s %s: share %g on its step' % (name, r['source'], share), abs(k - round(k)) < 1e-6)
            if legal:
                check('%s %s: legal share applied' % (name, r['source']), abs(share - float(r['legal_share'])) < 1e-6)
                check('%s %s: nothing moves' % (name, r['source']), int(r['moved']) == 0)
        for source, rs in by_source.items():
            check('%s %s: every unit once' % (name, source), sum(int(r['units']) for r in rs) == units)
            check('%s %s: commune money is revenue_split.csv\'s' % (name, source),
                  sum(int(r['commune']) for r in rs) == int(split[source]['commune']))
        groups = [r for r in shares if r['scope'] == 'group']
        check('%s: run prints the chosen shares' % name, not groups or 'chosen shares, ' in out)
        if any(r['scope'] == 'unit' for r in shares):
            check('%s: run prints the unit-by-unit range' % name, 'chosen shares unit by unit' in out)
with tempfile.TemporaryDirectory() as tmp:
    out = run(os.path.join(root, 'scenarios/haiphong-2026.cfg'), tmp)
    check('default: the HP line', 'chosen shares, regime HP: Lệ phí trước bạ 40%, Thuế hộ kinh doanh 70%, '
          'Thuế thu nhập cá nhân 20%' in out)
    out = run(os.path.join(root, 'scenarios/haiphong-2026.cfg'), tmp, 'vi')
    check('default: the HP line in Vietnamese', 'tỷ lệ phân chia đã chọn, chế độ HP: Lệ phí trước bạ 40%, '
          'Thuế hộ kinh doanh 70%, Thuế thu nhập cá nhân 20%' in out)
# compare: a scenario against itself changes no share; a reform that lowers the range of
# personal income tax moves its shares into the new range, and each source's changes add
# up to the change of its commune column in revenue_split.csv.
with tempfile.TemporaryDirectory() as tmp:
    default = os.path.join(root, 'scenarios/haiphong-2026.cfg')
    r = subprocess.run([exe, 'compare', default, default, '-o', tmp + '/self', '--charts', 'none', '--lang', 'en'],
                       capture_output=True, text=True)
    check('self compare: exit', r.returncode == 0)
    check('self compare: no share changed', 'shares changed' not in r.stdout)
    check('self compare: every change 0', all(int(x['change']) == 0 for x in rows(tmp + '/self/compare_shares.csv')))
    open(tmp + '/pit.cfg', 'w', encoding='utf-8').write(
        'base = "%s";\nname = "pit";\nsources = ( { id = "pit"; shares = ( '
        '{ regime = "HP"; min = 0.1; max = 0.4; step = 0.05; }, { regime = "HD"; min = 0.0; max = 0.3; step = 0.05; } ); } );\n'
        % default)
    r = subprocess.run([exe, 'compare', default, tmp + '/pit.cfg', '-o', tmp + '/pit', '--charts', 'none', '--lang', 'en'],
                       capture_output=True, text=True)
    check('pit reform: exit', r.returncode == 0)
    cmp = rows(tmp + '/pit/compare_shares.csv')
    pit = {x['applies_to']: float(x['share_after']) for x in cmp if x['source'] == 'pit'}
    check('pit reform: HP in its new range', 0.1 - 1e-9 <= pit.get('regime HP', -1) <= 0.4 + 1e-9)
    check('pit reform: HD in its new range', 0.0 - 1e-9 <= pit.get('regime HD', -1) <= 0.3 + 1e-9)
    check('pit reform: the line printed', 'shares changed, regime HP:' in r.stdout)
    for name in ('base', 'reform'):
        run(default if name == 'base' else tmp + '/pit.cfg', tmp + '/' + name)
    before = {x['source']: int(x['commune']) for x in rows(tmp + '/base/revenue_split.csv')}
    after = {x['source']: int(x['commune']) for x in rows(tmp + '/reform/revenue_split.csv')}
    for source in before:
        moved = sum(int(x['change']) for x in cmp if x['source'] == source)
        check('pit reform %s: changes add up to revenue_split.csv' % source, moved == after[source] - before[source])
for f in failures: print('FAIL', f)
print('shares: %d failed' % len(failures))
sys.exit(1 if failures else 0)
