#!/usr/bin/env python3
"""Size is not an error, and no pass is worse than linear (issue 8).

Files from benchmarks/compile/gen_model.py:
  - valid Python of any length compiles and runs, with CPython's values: a
    2 500-term `x + 1 + ...`, a 2 000-branch elif chain, a function of 5 000
    statements;
  - CPython's own limits are pygraft's (PG0005): 21 nested loops, a 3 500-term
    operator chain;
  - the shapes that used to take seconds to minutes (20 nested for loops,
    3 000 sequential loops, 1 000 variables live across 1 000 loops, 1 000
    helpers called caller-first, a 10 000-line model) each `check` within a
    generous time limit, so a pass that turns quadratic (or exponential in
    loop nesting) fails here;
  - 12 000 module constants and functions take less than 8 times as long
    as 3 000 (a pass visiting every constant per function did not). This is
    not the benchmark
    (benchmarks/compile/run.py): the limit is far above the expected time.

Usage: compile_scale_test.py --pygraft PATH [--workdir DIR] [--limit SECONDS]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benchmarks", "compile"))
import gen_model  # noqa: E402


class Failure(Exception):
    pass


def run(argv, timeout):
    start = time.perf_counter()
    try:
        out = subprocess.run(argv, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure("%s took more than %g s" % (" ".join(argv[1:3]), timeout))
    return out, time.perf_counter() - start


def python_value(source, function, args):
    namespace = {}
    exec(compile(source, "model.py", "exec"), namespace)
    return namespace[function](*args)


def compiles_and_runs(pygraft, workdir, name, source, function, calls, limit):
    path = os.path.join(workdir, name + ".py")
    graph = os.path.join(workdir, name + ".pgraph")
    with open(path, "w") as f:
        f.write(source)
    out, seconds = run([pygraft, "compile", path, "-o", graph], limit)
    if out.returncode != 0:
        raise Failure("compile exit %d: %s" % (out.returncode, out.stderr[:300]))
    for args in calls:
        out, _ = run([pygraft, "run", graph, "--entry", function] + [json.dumps(a) for a in args],
                     limit)
        if out.returncode != 0:
            raise Failure("run %s exit %d: %s" % (args, out.returncode, out.stderr[:300]))
        got = json.loads(out.stdout)["outputs"][0]["data"]
        expected = python_value(source, function, args)
        if got != expected:
            raise Failure("%s%s: pygraft %r, CPython %r" % (function, tuple(args), got, expected))
    return seconds


def refused_like_cpython(pygraft, workdir, name, source, needle, limit):
    try:
        compile(source, name, "exec")
        raise Failure("CPython compiles %s; the case is wrong" % name)
    except (SyntaxError, RecursionError, MemoryError):
        pass
    path = os.path.join(workdir, name + ".py")
    with open(path, "w") as f:
        f.write(source)
    out, seconds = run([pygraft, "check", path, "--diagnostics", "json"], limit)
    diagnostics = json.loads(out.stdout or b"[]")
    if not any(d["code"] == "PG0005" and needle in d["message"] for d in diagnostics):
        raise Failure("expected PG0005 (%s), got %s" % (needle, [d["message"][:80] for d in
                                                                diagnostics]))
    return seconds


def checks_in_time(pygraft, workdir, name, source, limit):
    path = os.path.join(workdir, name + ".py")
    with open(path, "w") as f:
        f.write(source)
    out, seconds = run([pygraft, "check", path], limit)
    if out.returncode != 0:
        raise Failure("check exit %d: %s" % (out.returncode, out.stderr[:300]))
    return seconds


def scales_linearly(pygraft, workdir, name, make, n, limit):
    """check of make(4 n) takes less than 8 times check of make(n) (4 when
    linear, 16 when quadratic); the fastest of three runs each, so a burst
    of load on a shared machine does not decide."""
    times = []
    for size in (n, 4 * n):
        times.append(min(checks_in_time(pygraft, workdir, "%s_%d" % (name, size), make(size),
                                        limit) for _ in range(3)))
    if times[1] > 8 * times[0]:
        raise Failure("check of %d took %.2f s, of %d %.2f s: %.1f times for 4 times the size"
                      % (n, times[0], 4 * n, times[1], times[1] / times[0]))
    return times[1]


def cases(limit):
    g = gen_model
    yield "binop_chain_2500", lambda p, w: compiles_and_runs(
        p, w, "binop", g.binop_chain(2500), "chain", [[1], [-2500]], limit)
    yield "elif_chain_2000", lambda p, w: compiles_and_runs(
        p, w, "elif", g.elif_chain(2000), "classify", [[0], [8], [1000], [1999], [2000]], limit)
    yield "long_function_5000", lambda p, w: compiles_and_runs(
        p, w, "long", g.long_function(5000), "long", [[1.5]], limit)
    yield "nested_loops_21_refused", lambda p, w: refused_like_cpython(
        p, w, "nested21", g.nested_for(21), "statically nested blocks", limit)
    yield "binop_chain_3500_refused", lambda p, w: refused_like_cpython(
        p, w, "binop3500", g.binop_chain(3500), "RecursionError", limit)
    for name, source in (("nested_for_20", g.nested_for(20)),
                         ("seq_loops_3000", g.sequential_loops(3000)),
                         ("live_1000x1000", g.live_across_loops(1000)),
                         ("call_chain_1000", g.call_chain(1000)),
                         ("model_10k", g.realistic(lines=10000))):
        yield name, (lambda s, n: lambda p, w: checks_in_time(p, w, n, s, limit))(source, name)
    yield "constants_x_functions_linear", lambda p, w: scales_linearly(
        p, w, "constants", g.constants_and_functions, 3000, limit)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pygraft", required=True)
    parser.add_argument("--workdir")
    parser.add_argument("--limit", type=float, default=30.0,
                        help="seconds allowed for one pygraft command (ASan builds are slow)")
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="pygraft-scale-")
    os.makedirs(workdir, exist_ok=True)
    failed = 0
    for name, case in cases(args.limit):
        try:
            seconds = case(os.path.abspath(args.pygraft), workdir)
            print("PASS %s (%.2f s)" % (name, seconds), flush=True)
        except Failure as e:
            failed += 1
            print("FAIL %s: %s" % (name, e), flush=True)
    print("%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
