#!/usr/bin/env python3
"""The officers' guides run as written: docs/huong-dan.md and docs/guide.md.

Each guide is read from top to bottom, from the repository's root, as an officer would
follow it:
- a ```cfg block whose first line is "# tệp: PATH" (or "# file: PATH") is written to PATH;
- a ```sh block is run by bash as it is written (one script, so that `echo $?` says the
  exit code of the line before), except `make test`, which is what CI runs and would run
  this test again; its output (standard output and error) is kept;
- a ```text block right after a ```sh block is output: each of its lines must be a line of
  what the block printed, in that order (lines of "…" stand for lines left out). Every
  ```sh block must exit 0: a guide shows a failing command with `echo $?` after it.
Every figure of the guide's prose (a number with a decimal mark, a thousands separator or
a percent sign) must appear, as a whole number (not inside a longer one), in what the
commands printed or in the PDFs they wrote into
the folders they name (pdftotext), unless the guide lists it in its comment "<!-- figures not from a run: ...
-->". Then every example of `fiscalsim --help` runs as written, from the root too.

The outputs go where the guides say (out/ in the repository, as for `make run`); the
folders and files they name are removed first. ctest runs this test alone (RUN_SERIAL).
The documents after --figures (the README) are only read for their figures, checked
against everything the guides' commands printed and drew.
usage: check_guide.py ROOT GUIDE... [--figures DOC...]
"""
import os
import re
import shutil
import subprocess
import sys

root = os.path.abspath(sys.argv[1])
args = sys.argv[2:]
guides = args[:args.index("--figures")] if "--figures" in args else args
figure_docs = args[args.index("--figures") + 1:] if "--figures" in args else []
all_outputs, all_folders = [], []
failures = []
FIGURE = re.compile(r"(?<![\w/.,-])[-+]?\d[\d.,]*%?(?![\w/])")


def run_script(script):
    done = subprocess.run(["bash", "-c", script], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace")
    return done.returncode, done.stdout


def blocks(text):
    """(kind, first line number, lines) of each fenced block, and the prose outside them."""
    out, prose, kind, lines, start = [], [], None, [], 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            if kind is None:
                kind, lines, start = line[3:].strip() or "text", [], number
            else:
                out.append((kind, start, lines))
                kind = None
            continue
        if kind is None:
            prose.append((number, line))
        else:
            lines.append(line)
    return out, prose


def named_outputs(script):
    """The folders and files a block writes: the values of -o."""
    return re.findall(r"(?:^|\s)-o\s+(\S+)", script)


def check_output(guide, start, expected, output):
    got = [l.strip() for l in output.splitlines()]
    if not any(l.strip() and l.strip() != "…" for l in expected):
        failures.append(f"{guide}:{start}: an output block with nothing to compare")
        return
    at = 0
    for line in expected:
        want = line.strip()
        if not want or want == "…":
            continue
        while at < len(got) and got[at] != want:
            at += 1
        if at == len(got):
            failures.append(f"{guide}:{start}: not printed (or not in this order): {want}\n  printed:\n    "
                            + "\n    ".join(output.splitlines()[:40]))
            return
        at += 1


def pdf_text(paths):
    text = []
    for p in paths:
        done = subprocess.run(["pdftotext", "-layout", p, "-"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True, errors="replace")
        text.append(done.stdout)
    return "\n".join(text)


def run_guide(guide):
    path = os.path.join(root, guide)
    text = open(path, encoding="utf-8").read()
    fenced, prose = blocks(text)
    for kind, start, lines in fenced:
        if kind == "sh":
            for target in named_outputs("\n".join(lines)):
                full = os.path.join(root, target)
                if target.startswith("out/") and os.path.isdir(full):
                    shutil.rmtree(full)
                elif target.startswith("out/") and os.path.exists(full):
                    os.remove(full)
    outputs, written = [], []
    previous = None  # (start, exit code, output) of the last sh block without its text yet
    for kind, start, lines in fenced:
        if kind == "text" and previous:
            check_output(guide, start, lines, previous[2])
            # A failing command is shown with `echo $?`, which then makes the block's exit 0.
            if previous[1] != 0:
                failures.append(f"{guide}:{previous[0]}: exit {previous[1]}:\n{previous[2][-2000:]}")
            previous = None
            continue
        if previous and previous[1] != 0:
            failures.append(f"{guide}:{previous[0]}: exit {previous[1]} with no output shown:\n{previous[2][-2000:]}")
        previous = None
        if kind == "cfg" and lines and re.match(r"#\s*(tệp|file):\s*(\S+)", lines[0]):
            target = re.match(r"#\s*(tệp|file):\s*(\S+)", lines[0]).group(2)
            os.makedirs(os.path.dirname(os.path.join(root, target)), exist_ok=True)
            with open(os.path.join(root, target), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            written.append(target)
        elif kind == "sh":
            script = "\n".join(l for l in lines if l.strip() != "make test")
            if not script.strip():
                continue
            code, output = run_script(script)
            outputs.append(output)
            previous = (start, code, output)
    if previous and previous[1] != 0:
        failures.append(f"{guide}:{previous[0]}: exit {previous[1]} with no output shown:\n{previous[2][-2000:]}")
    # The figures of the prose.
    allowed = set()
    for listed in re.findall(r"<!--\s*(?:số không lấy từ lần chạy|figures not from a run):(.*?)-->", text, re.S):
        allowed |= {f.strip() for f in listed.split(",") if f.strip()}
    # The PDFs the guide's own commands wrote (make run: out/haiphong-2026), not older ones.
    folders = [t for kind, _, lines in fenced if kind == "sh" for t in named_outputs("\n".join(lines))]
    if any(kind == "sh" and "make run" in lines for kind, _, lines in fenced):
        folders.append("out/haiphong-2026")
    pdfs = [os.path.join(d, f) for folder in folders for d, _, files in os.walk(os.path.join(root, folder))
            for f in files if f.endswith(".pdf")]
    corpus = "\n".join(outputs) + "\n" + pdf_text(pdfs)
    all_outputs.append(corpus)
    check_figures(guide, prose, allowed, corpus)


def check_figures(guide, prose, allowed, corpus):
    corpus_plain = re.sub(r"\s+", " ", corpus)
    in_comment = False
    for number, line in prose:
        if "<!--" in line:
            in_comment = True
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        line = re.sub(r"`[^`]*`", "", line)          # code: commands and file names
        line = re.sub(r"\]\([^)]*\)", "]", line)      # link targets
        for figure in FIGURE.findall(line):
            figure = figure.rstrip(".,")
            if not re.search(r"[.,%]", figure) or figure in allowed:
                continue
            if not re.search(r"(?<![\d.,])" + re.escape(figure) + r"(?![\d%])", corpus_plain):
                failures.append(f"{guide}:{number}: the figure {figure} is in no output of the guide's commands")


for guide in guides:
    run_guide(guide)

# Other documents that quote the default's figures (the README): against everything the
# guides' commands printed and drew.
for doc in figure_docs:
    text = open(os.path.join(root, doc), encoding="utf-8").read()
    check_figures(doc, blocks(text)[1], set(), "\n".join(all_outputs))

# The examples of the help, as written, from the root (after the guides, whose outputs
# some of them read: out/haiphong-2026).
binary = os.path.join(root, "build", "fiscalsim")
for lang in ("vi", "en"):
    overview = subprocess.run([binary, "--help", "--lang", lang], stdout=subprocess.PIPE, text=True).stdout
    examples = re.findall(r"^      (?:ví dụ|example): fiscalsim (.*)$", overview, re.M)
    if len(examples) != 9:
        failures.append(f"help --lang {lang}: {len(examples)} examples, not one for each of the 9 commands")
    for example in examples:
        if lang == "en":
            continue  # the same examples: run once
        script = "build/fiscalsim " + example
        if example.startswith("merge "):
            shards = "\n".join(f"build/fiscalsim sweep scenarios/sweeps/haiphong-envelope.cfg -o out/s{k} --shard {k}/2 "
                               "--charts none" for k in (1, 2))
            code, output = run_script(shards)
            if code:
                failures.append(f"help example: the shards for merge: exit {code}\n{output[-1500:]}")
        for target in named_outputs(example):
            full = os.path.join(root, target)
            if os.path.isdir(full) and target.startswith("out/"):
                shutil.rmtree(full)
        code, output = run_script(script)
        if code:
            failures.append(f"help example: fiscalsim {example}: exit {code}\n{output[-1500:]}")

for f in failures:
    print("FAIL " + f)
print(f"guide: {len(guides)} guides and the help's examples, {len(failures)} failed")
sys.exit(1 if failures else 0)
