#!/usr/bin/python3
"""Differential program fuzzer: generated programs through CPython + NumPy
and through pygraft, compared by the differential harness's rules.

    /usr/bin/python3 tests/program_fuzz/run.py --pygraft build/cli/pygraft --seed 0 --count 1000 -j 2
    ... --keep /tmp/pf --reduce          # save failing cases and reduce them
    ... --known tests/program_fuzz/known_failures.txt --check-known   # the ctest
    ... --write-known tests/program_fuzz/known_failures.txt           # refresh the list

Each seed is one program (tests/program_fuzz/gen.py) with one case. Its
verdict is one of classify.CATEGORIES; the summary prints the count per
category and the distinct causes (category + normalised first message).
Exit status: 0 when every program agrees (or, with --check-known, when the
mismatches are exactly the listed ones), 1 otherwise, 2 on usage errors.
See tests/program_fuzz/README.md.
"""

import argparse
import collections
import concurrent.futures
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import classify  # noqa: E402  (imports tests/diff/run_diff.py)
import gen  # noqa: E402
from reduce import Reducer  # noqa: E402

DEFAULT_PYGRAFT = os.path.join(HERE, "..", "..", "build", "cli", "pygraft")


class Case:
    def __init__(self, seed):
        self.seed = seed
        self.path = self.body = self.entry = self.args = None
        self.predicted = None
        self.verdict = None
        self.error = None


def prepare(case, runner, workdir):
    """Generates the program of case.seed and runs the oracle on it."""
    try:
        prog = gen.generate(case.seed)
    except Exception:  # noqa: BLE001 - a generator bug must not stop the run
        case.verdict = classify.Verdict("generator", "generator raised",
                                        traceback.format_exc().strip().split("\n")[-1], "gen")
        return None
    case.body = classify.strip_case(prog.source())
    case.entry, case.args = prog.entry_name, prog.args
    case.predicted = prog.outcome[0] == "raise"
    case.path = os.path.join(workdir, "seed_%d.py" % case.seed)
    return runner.oracle(case.path, case.body, case.entry, case.args, case.predicted)


def run_all(seeds, runner, jobs, workdir, progress):
    cases = [Case(s) for s in seeds]
    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
        pending = []
        for case in cases:
            oracle = prepare(case, runner, workdir)
            if case.verdict is None:
                pending.append((case, oracle, pool.submit(runner.tool, case.path, case.entry, case.args)))
        for n, (case, oracle, future) in enumerate(pending):
            compiled, ran = future.result()
            case.verdict = classify.judge(case.path, case.entry, case.args, oracle, compiled, ran,
                                          runner.check_exc, case.body, case.predicted)
            progress(case)
    return cases


# ---------------------------------------------------------------- known failures

def read_known(path):
    known = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            known[int(parts[0])] = parts[1]
    return known


def write_known(path, cases, seeds):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Known mismatches of the bounded program-fuzz run (ctest -L program_fuzz):\n"
                "# seeds %d..%d of tests/program_fuzz/gen.py; one line per seed:\n"
                "#   SEED CATEGORY  [cause in FINDINGS.md, where attributed] signature\n"
                "# The test fails on a mismatch not listed here and on a listed seed that\n"
                "# now agrees or fails differently: delete the lines of what you fixed.\n"
                "# Regenerate: tests/program_fuzz/README.md.\n" % (min(seeds), max(seeds)))
        for c in cases:
            if c.verdict.category != "agree":
                f.write("%d %s  %s\n" % (c.seed, c.verdict.category, c.verdict.signature))


def check_known(cases, known):
    """Lines describing new mismatches and listed seeds that changed."""
    problems = []
    for c in cases:
        cat = c.verdict.category
        listed = known.get(c.seed)
        if cat != "agree" and listed != cat:
            problems.append("NEW      seed %d: %s: %s" % (c.seed, cat, c.verdict.signature))
        elif cat == "agree" and listed:
            problems.append("FIXED    seed %d (listed as %s) now agrees: remove it from the list"
                            % (c.seed, listed))
    return problems


# ---------------------------------------------------------------- reporting

def summary(cases, elapsed):
    counts = collections.Counter(c.verdict.category for c in cases)
    total = len(cases)
    lines = ["", "%-20s %7s %7s" % ("category", "count", "%")]
    for cat in classify.CATEGORIES:
        lines.append("%-20s %7d %6.1f%%" % (cat, counts[cat], 100.0 * counts[cat] / max(total, 1)))
    lines.append("%-20s %7d   (%.1f s)" % ("total", total, elapsed))
    raised = sum(1 for c in cases if c.predicted)
    lines.append("CPython raised in %d of %d programs (%.1f%%)" % (raised, total, 100.0 * raised / max(total, 1)))
    groups = collections.defaultdict(list)
    for c in cases:
        if c.verdict.category != "agree":
            groups[(c.verdict.category, c.verdict.signature)].append(c.seed)
    if groups:
        lines += ["", "Distinct causes (category | first message, normalised):"]
        for (cat, sig), seeds in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            shown = ", ".join(str(s) for s in seeds[:6]) + (", ..." if len(seeds) > 6 else "")
            lines.append("%5d  %-18s %s   [seeds %s]" % (len(seeds), cat, sig, shown))
    return "\n".join(lines), groups


def reduce_one(job):
    """Reduces one case (in a worker process: the oracle's time limit uses
    SIGALRM, which needs the process's main thread)."""
    runner, path, case, max_tests = job
    raised = case.predicted if case.verdict.category in ("refused", "crash") else None
    reducer = Reducer(runner, path, case.entry, case.verdict, raised, max_tests=max_tests)
    start = time.time()
    source, _ = reducer.reduce(case.body, case.args)
    return "reduced seed %d (%s | %s): %d -> %d lines, %d tests, %.1f s -> %s" % (
        case.seed, case.verdict.category, case.verdict.signature, case.body.count("\n"),
        source.count("\n"), reducer.tests, time.time() - start, path)


def keep_and_reduce(cases, groups, runner, opts):
    os.makedirs(opts.keep, exist_ok=True)
    by_seed = {c.seed: c for c in cases}
    for c in cases:
        if c.verdict.category != "agree" and c.path and os.path.exists(c.path):
            shutil.copy(c.path, os.path.join(opts.keep, os.path.basename(c.path)))
    if not opts.reduce:
        return
    # Reduction runs many candidates, a few of which loop forever: a short limit.
    fast = classify.Runner(runner.pygraft, min(runner.timeout, opts.reduce_timeout), runner.check_exc)
    jobs = []
    for (cat, sig), seeds in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if cat == "generator":
            continue
        # Prefer programs CPython runs (a reduced refusal then still runs) and short ones.
        picked = sorted((by_seed[s] for s in seeds if by_seed[s].body),
                        key=lambda c: (bool(c.predicted), len(c.body)))[:opts.reduce_limit]
        for c in picked:
            jobs.append((fast, os.path.join(opts.keep, "seed_%d.reduced.py" % c.seed), c, opts.max_tests))
    ctx = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max(1, opts.jobs), mp_context=ctx) as pool:
        for line in pool.map(reduce_one, jobs):
            print(line, flush=True)


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pygraft", default=DEFAULT_PYGRAFT)
    ap.add_argument("--seed", type=int, default=0, help="first seed")
    ap.add_argument("--count", type=int, default=100, help="number of programs")
    ap.add_argument("--seeds", help="comma-separated seeds (instead of --seed/--count)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, dest="jobs")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per pygraft call and oracle")
    ap.add_argument("--keep", help="save failing case files (and reductions) here")
    ap.add_argument("--reduce", action="store_true", help="reduce failing programs (needs --keep)")
    ap.add_argument("--reduce-limit", type=int, default=2, help="programs reduced per distinct cause")
    ap.add_argument("--max-tests", type=int, default=400, help="test runs per reduction")
    ap.add_argument("--reduce-timeout", type=float, default=2.0,
                    help="seconds per pygraft call and oracle while reducing")
    ap.add_argument("--known", help="file of known mismatches (SEED CATEGORY reason)")
    ap.add_argument("--check-known", action="store_true",
                    help="fail only on mismatches not in --known and on listed seeds that changed")
    ap.add_argument("--write-known", help="write the mismatches of this run as a known list")
    ap.add_argument("--results", help="write one JSON line per program (seed, category, signature, detail)")
    ap.add_argument("--no-check-exc", dest="check_exc", action="store_false",
                    help="do not compare the exception pygraft names with Python's")
    ap.add_argument("-q", "--quiet", action="store_true", help="no line per mismatch")
    opts = ap.parse_args(argv)
    if opts.reduce and not opts.keep:
        ap.error("--reduce needs --keep DIR")
    if opts.check_known and not opts.known:
        ap.error("--check-known needs --known FILE")
    if not os.path.exists(opts.pygraft):
        ap.error("no pygraft executable at %s (build it or pass --pygraft)" % opts.pygraft)
    return opts


def main(argv):
    opts = parse_args(argv)
    seeds = [int(s) for s in opts.seeds.split(",")] if opts.seeds else \
        list(range(opts.seed, opts.seed + opts.count))
    runner = classify.Runner(os.path.abspath(opts.pygraft), opts.timeout, opts.check_exc)

    def progress(case):
        if case.verdict.category != "agree" and not opts.quiet:
            print("FAIL seed %d: %s: %s" % (case.seed, case.verdict.category, case.verdict.signature),
                  flush=True)

    start = time.time()
    with tempfile.TemporaryDirectory(prefix="pygraft-progfuzz-") as workdir:
        cases = run_all(seeds, runner, opts.jobs, workdir, progress)
        text, groups = summary(cases, time.time() - start)
        print(text, flush=True)
        if opts.keep:
            keep_and_reduce(cases, groups, runner, opts)
    if opts.write_known:
        write_known(opts.write_known, cases, seeds)
    if opts.results:
        with open(opts.results, "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps({"seed": c.seed, "category": c.verdict.category,
                                    "signature": c.verdict.signature, "detail": c.verdict.detail}) + "\n")
    if opts.check_known:
        problems = check_known(cases, read_known(opts.known))
        for p in problems:
            print(p)
        print("%d unexpected result(s) against %s" % (len(problems), opts.known))
        return 1 if problems else 0
    return 1 if any(c.verdict.category != "agree" for c in cases) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
