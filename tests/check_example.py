#!/usr/bin/env python3
"""examples/three_figures, built against include/fiscalsim.h alone, loads a scenario
from memory and prints the figures the command line writes for it.

    check_example.py THREE_FIGURES SOURCE_DIR

The default scenario's figures must be those of its golden outputs (summary.json,
allocation.csv), with the program run from another folder (the units table is found
beside the name the text is loaded under); an invalid scenario's diagnostic names that
file and line, and the exit code is the status.
"""
import csv, json, os, shutil, subprocess, sys, tempfile

exe, root = sys.argv[1], sys.argv[2]
scenario = os.path.join(root, 'scenarios/haiphong-2026.cfg')
golden = os.path.join(root, 'tests/golden/haiphong-2026')
summary = json.load(open(os.path.join(golden, 'summary.json')))
rows = list(csv.DictReader(open(os.path.join(golden, 'allocation.csv'), encoding='utf-8-sig')))
failures = []

def check(what, want, got):
    if want != got:
        failures.append('%s: want %r, got %r' % (what, want, got))

unit = rows[7]['unit']
with tempfile.TemporaryDirectory() as elsewhere:
    r = subprocess.run([exe, scenario, unit], capture_output=True, text=True, cwd=elsewhere)
check('exit code', 0, r.returncode)
lines = r.stdout.splitlines()
check('lines', 4, len(lines))
if len(lines) == 4:
    check('name', '%s, %d' % (summary['scenario'], summary['year']), lines[0])
    check('total', 'total allocation: %d %s' % (summary['totals']['allocation'], summary['money_unit']), lines[1])
    check('coverage', 'lowest coverage of need: %.10f' % summary['min_coverage'], lines[2])
    check('unit', '%s: allocation %s %s' % (unit, rows[7]['allocation'], summary['money_unit']), lines[3])

with tempfile.TemporaryDirectory() as tmp:
    shutil.copytree(os.path.join(root, 'scenarios/data'), os.path.join(tmp, 'data'))
    bad = os.path.join(tmp, 'bad.cfg')
    text = open(scenario, encoding='utf-8').read()
    name = text[text.index('\nname = '):].split('\n')[1]
    text = text.replace(name, 'name = "";', 1)
    open(bad, 'w', encoding='utf-8').write(text)
    line = text[:text.index('name = "";')].count('\n') + 1
    r = subprocess.run([exe, bad], capture_output=True, text=True)
    check('invalid: exit code', 65, r.returncode)
    check('invalid: message', 'three_figures: %s:%d: name: must not be empty' % (bad, line), r.stderr.strip())
for f in failures: print('FAIL', f)
print('example: %d failed' % len(failures))
sys.exit(1 if failures else 0)
