#!/usr/bin/env python3
"""The build refuses an include that points up the pipeline.

For every folder of src/ (in the order of src/CMakeLists.txt) this compiles, with the
exact flags the build gives that folder's sources (compile_commands.json), a file that
includes one header of every other folder. A header of a later folder must not be
found; a header of the folder itself and of the folders it links must be, so that the
check cannot pass by failing everything. The public header (include/fiscalsim.h) is
the last stage's: no folder before src/run sees it. Its clients, the command line
(src/cli) and the programs of examples/, see the public header and none of the
stages' headers.

    check_layering.py SOURCE_DIR BUILD_DIR
"""
import json, os, re, shlex, subprocess, sys, tempfile

src_dir, build_dir = sys.argv[1], sys.argv[2]
order = re.findall(r'^add_subdirectory\((\w+)\)', open(os.path.join(src_dir, 'src/CMakeLists.txt')).read(), re.M)
commands = json.load(open(os.path.join(build_dir, 'compile_commands.json')))

def flags_of(stage, root='src'):
    """The compiler and include/define flags of one of stage's sources."""
    folder = os.path.join(src_dir, root, stage) + os.sep
    for c in commands:
        if os.path.realpath(c['file']).startswith(os.path.realpath(folder)):
            args = shlex.split(c['command'])
            keep, skip = [args[0]], False
            for a in args[1:]:
                if skip: skip = False; continue
                if a in ('-o', '-c'): skip = True; continue
                if a.startswith(('-I', '-D', '-isystem', '-std')): keep.append(a)
                elif keep[-1] == '-isystem': keep.append(a)
            return keep
    sys.exit('no compile command for %s/%s' % (root, stage))

def linked(stage):
    """The folders stage links, directly or not (its DEPENDS, transitively)."""
    text = open(os.path.join(src_dir, 'src', stage, 'CMakeLists.txt')).read()
    m = re.search(r'DEPENDS([^)]*)\)', text)
    deps = m.group(1).split() if m else []
    out = set(deps)
    for d in deps: out |= linked(d)
    return out

def header_of(stage):
    return sorted(h for h in os.listdir(os.path.join(src_dir, 'src', stage)) if h.endswith('.h'))[0]

failures, checked = [], 0
with tempfile.TemporaryDirectory() as tmp:
    probe = os.path.join(tmp, 'probe.c')

    def compiles(flags, header):
        open(probe, 'w').write('#include "%s"\n' % header)
        r = subprocess.run(flags + ['-fsyntax-only', probe], capture_output=True, text=True)
        return r.returncode == 0, r.stderr

    public = order.index('run')
    for i, stage in enumerate(order):
        found, err = compiles(flags_of(stage), 'fiscalsim.h')
        if found != (i >= public):
            failures.append('src/%s %s include/fiscalsim.h' % (stage, 'sees' if found else 'does not see'))
        checked += 1
    for root, folder in (('examples', ''), ('src', 'cli')):
        client = flags_of(folder, root)
        for stage in order + ['public']:
            h = 'fiscalsim.h' if stage == 'public' else header_of(stage)
            found, err = compiles(client, h)
            if found != (stage == 'public'):
                failures.append('%s/%s %s %s' % (root, folder, 'sees' if found else 'does not see', h))
            checked += 1
    for i, stage in enumerate(order):
        flags, below = flags_of(stage), linked(stage) | {stage}
        for j, other in enumerate(order):
            h = header_of(other)
            found, stderr = compiles(flags, h)
            if j > i and found:
                failures.append('src/%s includes %s of the later src/%s, and it compiles' % (stage, h, other))
            if other in below and not found:
                failures.append('src/%s cannot include %s of src/%s, which it links:\n%s' % (stage, h, other, stderr))
            if j > i and 'No such file' not in stderr:
                failures.append('src/%s including %s of src/%s fails, but not for want of the header:\n%s'
                                % (stage, h, other, stderr))
            checked += 1
for f in failures: print(f)
print('%d includes checked across %d folders, %d wrong' % (checked, len(order), len(failures)))
sys.exit(1 if failures else 0)
