"""The shared part of bench/sweep_scipy.py and bench/sweep_pulp.py: reads the variant LPs
that `fiscalsim sweep --export-lps` wrote (parsing untimed), times one Python loop of
`solve` over them, prints the counts and the throughput, and with --out writes
variant,status,objective_0,objective_1 (stage objectives in LP units, 17 digits)."""
import argparse
import json
import time


def run(label, description, solve, parse=json.loads):
    """solve(variant) returns ("solved" | "infeasible" | "failed", [stage values])."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("jsonl")
    ap.add_argument("--limit", type=int, help="solve only the first K variants")
    ap.add_argument("--out", help="write variant,status,objective_0,objective_1 to this CSV")
    args = ap.parse_args()
    with open(args.jsonl, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    variants = [parse(line) for line in lines[:args.limit]]

    t0 = time.perf_counter()
    results = [solve(v) for v in variants]
    loop_s = time.perf_counter() - t0

    count = {s: sum(r[0] == s for r in results) for s in ("solved", "infeasible", "failed")}
    failed = f" failed {count['failed']}" if count["failed"] else ""
    print(f"{label} variants {len(results)} solved {count['solved']} infeasible {count['infeasible']}"
          f"{failed} loop_s {loop_s:.3f} variants_per_s {len(results) / loop_s:.1f}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write("variant,status,objective_0,objective_1\n")
            for v, (status, values) in zip(variants, results):
                obj = [f"{x:.17g}" for x in values[:2]] + [""] * (2 - len(values[:2]))
                out.write(f"{v['variant']},{status},{obj[0]},{obj[1]}\n")
