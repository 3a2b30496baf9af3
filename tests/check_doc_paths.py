#!/usr/bin/env python3
"""Every path a document names exists in the repository.

Reads README.md, plots/README.md, src/README.md and docs/*.md. A document names a path
in a Markdown link, [text](path), or in code, `path`, when the text looks like one: words
of letters, digits, '.', '_' and '-' joined by '/', or one word ending in a file type the
repository holds (.md, .cfg, .py, .sh, .c, .h, .gp, .supp): a bare name must be a file
next to the document or in the root, docs/, plots/, tests/, scripts/, bench/ or the
folders of scenarios/ (source
files anywhere in src/ or include/), unless it is a script the program writes (charts.gp
and the other drivers).
Each must exist relative to the document's folder, the repository's root, src/ (the
stage folders docs/architecture.md names) or scenarios/ (data/...); a program may be
named without its .c, a source file by its bare name, a test by its ctest name. Not
checked: what a run writes (out/, build*/, and the outputs' own names such as
summary.json, which a run creates), web addresses, anchors, placeholders (DIR, K/N,
<id>, *), dates (1/7/2025) and system paths (/usr/..., /dev/...). A path outside the
repository (/work/...) is an error: a reader of the repository cannot check it.
usage: check_doc_paths.py ROOT
"""
import os
import re
import sys

root = os.path.abspath(sys.argv[1])
docs = ["README.md", "plots/README.md", "src/README.md"] + sorted(
    os.path.join("docs", f) for f in os.listdir(os.path.join(root, "docs")) if f.endswith(".md"))
GENERATED = ("out/", "build/", "build-", "/tmp/", "my-plots", "myplots")
SYSTEM = ("/usr/", "/dev/", "/etc/", "/proc/", "/opt/")
TYPES = (".md", ".cfg", ".py", ".sh", ".c", ".h", ".gp", ".supp")
# The gnuplot drivers a run writes into its output folder, named by the docs.
WRITTEN = {"charts.gp", "communes.gp", "compare-charts.gp", "sweep-charts.gp", "backtest-charts.gp"}
path_like = re.compile(r"^\.{0,2}/?[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]*)+$")
failures = []
ctest_names = set(re.findall(r"NAME\s+([^\s)]+)", open(os.path.join(root, "tests", "CMakeLists.txt")).read()))
sources = {f for d, _, files in os.walk(os.path.join(root, "src")) for f in files} | set(
    os.listdir(os.path.join(root, "include")))


def placeholder(token):
    parts = [p for p in token.split("/") if p]
    return (any(re.fullmatch(r"[A-Z][A-Z0-9_]*", p) for p in parts)      # DIR, K, N, SCRIPTS
            or all(re.fullmatch(r"[0-9]+", p) for p in parts)              # 1/7/2025
            or any(re.fullmatch(r"[0-9.,]+", p) for p in parts)            # 3/4, 0.5/1.0
            or "..." in token or "…" in token)


def check(doc, token, line):
    token = token.split("#")[0].rstrip(":,.")
    if not token or "://" in token or token.startswith("mailto:"):
        return
    if token.startswith(SYSTEM):
        return
    if token.startswith("/work/") or token.startswith("../shared") or token.startswith("/home/"):
        failures.append(f"{doc}:{line}: {token}: outside the repository")
        return
    if token.startswith(GENERATED) or placeholder(token):
        return
    if token in ctest_names:
        return
    here = os.path.dirname(os.path.join(root, doc))
    for base in (here, root, os.path.join(root, "src"), os.path.join(root, "scenarios")):
        for candidate in (token, token + ".c"):
            if os.path.exists(os.path.normpath(os.path.join(base, candidate))):
                return
    failures.append(f"{doc}:{line}: {token}: no such file or folder")


for doc in docs:
    path = os.path.join(root, doc)
    if not os.path.exists(path):
        continue
    in_block = False
    for number, text in enumerate(open(path, encoding="utf-8"), 1):
        if text.startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            continue
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            check(doc, target, number)
        for code in re.findall(r"`([^`]+)`", text):
            code = code.strip()
            if " " in code:
                continue
            if path_like.match(code):
                check(doc, code, number)
            elif code.endswith((".c", ".h")) and re.fullmatch(r"[A-Za-z0-9_.-]+", code):
                if code not in sources:
                    failures.append(f"{doc}:{number}: {code}: no such source file")
            elif (code.endswith(TYPES) and re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", code)
                  and code not in WRITTEN):
                folders = (os.path.dirname(path), root) + tuple(os.path.join(root, d) for d in (
                    "docs", "plots", "tests", "scripts", "bench", "scenarios", "scenarios/reforms", "scenarios/sweeps"))
                if not any(os.path.exists(os.path.join(f, code)) for f in folders):
                    failures.append(f"{doc}:{number}: {code}: no such file")

for f in failures:
    print(f)
print(f"doc-paths: {len(docs)} documents, {len(failures)} missing")
sys.exit(1 if failures else 0)
