#!/usr/bin/env python3
"""Excel both ways: `template` writes the units table as a workbook, a scenario reads a
workbook as its units table, an edited cell is seen by `run`, and a bad cell is named
by file, sheet, row and column.

    check_xlsx.py FISCALSIM SOURCE_DIR
"""
import csv, os, re, shutil, subprocess, sys, tempfile, zipfile

exe, root = sys.argv[1], os.path.abspath(sys.argv[2])
failures = []

def check(what, ok):
    if not ok:
        failures.append(what)

def run(args, cwd):
    return subprocess.run([exe] + args, capture_output=True, text=True, cwd=cwd)

def edit_cell(path, ref, value, text=False):
    """Rewrites cell `ref` of the first sheet: a number, or an inline string."""
    tmp = path + '.edit'
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'xl/worksheets/sheet1.xml':
                xml = data.decode()
                cell = '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, value) if text else \
                       '<c r="%s"><v>%s</v></c>' % (ref, value)
                xml, n = re.subn(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref, cell, xml, count=1)
                check('cell %s found' % ref, n == 1)
                data = xml.encode()
            zout.writestr(item, data)
    os.replace(tmp, path)

def rows(path):
    return list(csv.DictReader(open(path, encoding='utf-8-sig')))

with tempfile.TemporaryDirectory() as tmp:
    shutil.copytree(os.path.join(root, 'scenarios/data'), tmp + '/data')
    shutil.copy(os.path.join(root, 'scenarios/haiphong-2026.cfg'), tmp + '/csv.cfg')
    r = run(['template', 'csv.cfg', '-o', 'data/units.xlsx'], tmp)
    check('template: exit %d %s' % (r.returncode, r.stderr), r.returncode == 0)
    z = zipfile.ZipFile(tmp + '/data/units.xlsx')
    sheets = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
    check('template: sheets %s' % sheets, sheets == ['units', 'notes'])
    text = open(tmp + '/csv.cfg', encoding='utf-8').read().replace('data/haiphong-2026-units.csv', 'data/units.xlsx')
    open(tmp + '/xlsx.cfg', 'w', encoding='utf-8').write(text)
    for name in ('csv', 'xlsx'):
        r = run(['run', name + '.cfg', '-o', 'out-' + name, '--charts', 'none'], tmp)
        check('%s: exit %d %s' % (name, r.returncode, r.stderr), r.returncode == 0)
    check('the workbook reads as the table: same allocation',
          open(tmp + '/out-csv/allocation.csv').read() == open(tmp + '/out-xlsx/allocation.csv').read())
    # An officer's figure: the first unit's population (column F, the sixth), row 2.
    edit_cell(tmp + '/data/units.xlsx', 'F2', '60000')
    r = run(['run', 'xlsx.cfg', '-o', 'out-edit', '--charts', 'none'], tmp)
    check('edited: exit %d %s' % (r.returncode, r.stderr), r.returncode == 0)
    first = rows(tmp + '/out-edit/allocation.csv')[0]
    check('edited: the run sees the new population (%s)' % first['population'], first['population'] == '60000')
    # A bad cell: named by file, sheet, row and column.
    edit_cell(tmp + '/data/units.xlsx', 'F3', 'many', text=True)
    r = run(['check', 'xlsx.cfg'], tmp)
    check('bad cell: exit %d' % r.returncode, r.returncode == 65)
    want = 'fiscalsim: data/units.xlsx:units:3: population: expected an integer, got "many"'
    check('bad cell: message %r' % r.stderr, r.stderr.splitlines()[:1] == [want])
    open(tmp + '/data/not.xlsx', 'w').write('name,kind\n')
    open(tmp + '/not.cfg', 'w', encoding='utf-8').write(text.replace('data/units.xlsx', 'data/not.xlsx'))
    r = run(['check', 'not.cfg'], tmp)
    check('not a workbook: %r' % r.stderr, 'data/not.xlsx: not an Excel workbook (.xlsx)' in r.stderr and r.returncode == 65)
# A scenario that lists its units inline gets the same template, made from its units:
# naming the workbook as its table gives the same allocation (fixtures with
# hold-harmless, workloads and islands, delegated tasks and targeted transfers, a
# project management board).
for fixture in ('water-filling.cfg', 'needs.cfg', 'city-balance.cfg', 'disbursement-cash.cfg'):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(root, 'tests/fixtures', fixture)
        text = open(src, encoding='utf-8').read()
        shutil.copy(src, tmp + '/inline.cfg')
        r = run(['template', 'inline.cfg', '-o', 'units.xlsx'], tmp)
        check('%s inline template: exit %d %s' % (fixture, r.returncode, r.stderr), r.returncode == 0)
        start = text.index('units = {')
        depth, end = 0, start
        for k in range(start, len(text)):
            depth += text[k] == '{'
            depth -= text[k] == '}'
            if text[k] == '}' and depth == 0:
                end = k + 1
                break
        open(tmp + '/table.cfg', 'w', encoding='utf-8').write(text[:start] + 'units = { table = "units.xlsx"; }' + text[end:])
        for name in ('inline', 'table'):
            r = run(['run', name + '.cfg', '-o', 'out-' + name, '--charts', 'none'], tmp)
            check('%s %s: exit %d %s' % (fixture, name, r.returncode, r.stderr), r.returncode == 0)
        check('%s: the inline units and their template give the same allocation' % fixture,
              os.path.exists(tmp + '/out-table/allocation.csv') and
              open(tmp + '/out-inline/allocation.csv').read() == open(tmp + '/out-table/allocation.csv').read())
for f in failures: print('FAIL', f)
print('xlsx: %d failed' % len(failures))
sys.exit(1 if failures else 0)
