#!/usr/bin/python3
"""Sweeps NumPy, math and operator spellings of graph/ops.def over Python scalars.

Usage:
    /usr/bin/python3 tests/diff/sweep_scalars.py --pygraft build/cli/pygraft
        [--kind np|math|op|all] [--arrays] [--filter NAME] [--sample N] [-j N]
        [--verbose]

Every elementwise NumPy spelling (`np.NAME(...) -> array`, and np.where,
np.dot, np.outer) is called with every combination of Python bools, ints and
floats (a small set of each, zeros and negatives included) for its array
parameters; every math spelling with those and with values at the edges of
its domain and range (0.0, -1.0, 1000.0, inf, nan); every operator
(`op:+`, `unary:-`, `cmp:<` ...) with the same Python scalars. With
--arrays, binary NumPy spellings and operators also get one operand an array
of each dtype (bool, int32, int64, float32, float64) and the other a Python
scalar, in both orders (NEP 50 weak promotion). The same call runs in
CPython + NumPy (NEP 50 'weak' promotion) and in pygraft; results must agree
as in the differential harness (tests/diff/run_diff.py): value, dtype and
shape, or both raise. When pygraft names the exception (`runtime error:
ValueError: ...`) the names must agree too (NumPy's AxisError counts as
AxisError, a ufunc casting error as TypeError). An int result beyond int64
must be pygraft's OverflowError (SPEC §3: Python ints are 64-bit); a dtype
pygraft does not have (NumPy's float16 / int8 for some bool inputs) is
skipped.

--sample N runs every Nth call of each spelling (its first included), so
every spelling is still called: the sanitized build's suite uses it, where
each start of pygraft costs ten times as much and the full sweep is the
Release build's.

Output: a line per spelling with its count of mismatches (the first three
shown, all with --verbose); exit 1 when any call disagrees.
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings

import numpy as np

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_diff  # noqa: E402  (the harness's comparison rules)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PG_OP_RE = re.compile(r'^PG_OP\((\w+),\s*"(\w+)",[^"]*?(?:to_onnx\(\w+, "[^"]*"\)[^"]*?)?"(.*)"\)', re.M)
SPELLING_RE = re.compile(r"^(np|math)\.([\w.]+)\((.*?)\)\s*(->\s*\w+)?$")
OPERATOR_RE = re.compile(r"^(op|unary|cmp):(\S+)$")
# NumPy functions that are not ufuncs but take elementwise operands.
NUMPY_EXTRA = {"where", "dot", "outer"}
ARRAY_DTYPES = ["bool", "int32", "int64", "float32", "float64"]
NAME_RE = re.compile(r"runtime error: ([A-Z][A-Za-z0-9]*(?:Error|Exception))(?::|$)", re.M)

SCALARS = ["true", "false", "0", "3", "-2", "0.75", "-1.5", "0.0"]
MATH_EXTRA = ["-1.0", "1000.0", "1e308", "-1e308", "inf", "-inf", "nan", "2.0", "-0.5", "1.0"]
# Values JSON cannot carry: written into the function as constants.
SPECIAL = {"inf": "math.inf", "-inf": "-math.inf", "nan": "math.nan"}
# Parameters that are not arrays: the sweep passes their defaults.
NON_ARRAY = {"axis", "dtype", "keepdims", "ddof", "decimals", "ord"}


def spellings(kind):
    """(module, spelling name, array parameter names) per spelling; module is
    np, math, op (binary operator or comparison) or unary."""
    text = open(os.path.join(ROOT, "graph", "ops.def")).read()
    out = []
    for _, _, column in PG_OP_RE.findall(text):
        for item in column.split(" | "):
            item = item.strip()
            op = OPERATOR_RE.match(item)
            if op:
                module = "unary" if op.group(1) == "unary" else "op"
                if kind in ("all", "op"):
                    out.append((module, op.group(2), ["a", "b"][:1 if module == "unary" else 2]))
                continue
            m = SPELLING_RE.match(item)
            if not m:
                continue
            module, name, params, conversion = m.groups()
            if module == "np" and not conversion and name not in NUMPY_EXTRA:
                continue  # not elementwise
            if kind != "all" and module != kind:
                continue
            names = [p.split("=")[0].strip() for p in params.split(",") if p.strip()]
            arrays = [p for p in names if p not in NON_ARRAY and not p.startswith("*")]
            out.append((module, name, arrays))
    return out


def call_text(module, name, args):
    if module == "unary":
        return "(%s %s)" % (name, args[0]) if name == "not" else "(%s%s)" % (name, args[0])
    if module == "op":
        return "(%s %s %s)" % (args[0], name, args[1])
    return "%s.%s(%s)" % (module, name, ", ".join(args))


def exception_name(exc):
    name = type(exc).__name__
    if name == "UFuncTypeError" or isinstance(exc, TypeError):
        return "TypeError"
    if name == "AxisError":
        return "AxisError"
    if name == "LinAlgError":
        return "LinAlgError"
    for base in (ZeroDivisionError, OverflowError, ValueError, IndexError, AttributeError):
        if isinstance(exc, base):
            return base.__name__
    return name


def oracle(module, fn, args):
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return False, getattr(module, fn)(*[run_diff.oracle_arg(a) for a in args])
    except Exception as e:  # noqa: BLE001
        return True, e


def beyond_int64(value):
    return isinstance(value, int) and not isinstance(value, bool) and not -2**63 <= value < 2**63


def judge(raised, value, result):
    code, out, err = result
    if not raised and beyond_int64(value):
        # SPEC §3: Python ints are 64-bit, so this is an OverflowError.
        m = NAME_RE.search(err)
        return None if code == 3 and (not m or m.group(1) == "OverflowError") else (
            "oracle returned an int beyond int64; pygraft exit %s %s" % (code, run_diff.short(out + err, 160)))
    if not raised and isinstance(value, complex):
        # Python's result is a complex number, which pygraft does not support.
        return None if code == 3 else "oracle returned %r; pygraft exit %s" % (value, code)
    if raised:
        if code != 3:
            return "oracle raised %s: %s; pygraft exit %s %s" % (
                exception_name(value), value, code, run_diff.short(out + err, 160))
        m = NAME_RE.search(err)
        if m and m.group(1) != exception_name(value):
            return "oracle raised %s: %s; pygraft %s" % (
                exception_name(value), value, run_diff.short(err, 200))
        return None
    if code != 0:
        return "oracle returned %r; pygraft exit %s: %s" % (value, code, run_diff.short(err, 200))
    try:
        want = run_diff.expected_outputs(value)
    except run_diff.Unsupported as e:
        return None if "float16" in str(e) or "int8" in str(e) else str(e)
    reason = run_diff.compare_document(out, want)
    return None if reason is None else "%s (oracle %r)" % (reason, value)


def argument(token, k):
    """(code of argument k in the call, JSON passed for it or None)."""
    if token in SPECIAL:
        return SPECIAL[token], None
    if token.startswith("arr:"):
        dtype = token[4:]
        values = "[0.5,-2.0,0.0,3.0]" if dtype.startswith("float") else "[3,-2,0,1]"
        return "a%d.astype(np.%s)" % (k, "bool_" if dtype == "bool" else dtype), values
    return "a%d" % k, token


def function_for(entry, index, args, functions):
    """The name of a function calling the entry's spelling with `args` (special
    values as constants in its body, arrays cast from a passed list) and the
    JSON arguments to pass it."""
    module, name, _ = entry
    parts = [argument(a, k) for k, a in enumerate(args)]
    key = (index, tuple(a if a in SPECIAL or a.startswith("arr:") else None for a in args))
    if key not in functions:
        params = ["a%d" % k for k, (_, passed) in enumerate(parts) if passed is not None]
        call = call_text(module, name, [code for code, _ in parts])
        functions[key] = ("f%d" % len(functions), params, call)
    return functions[key][0], [passed for _, passed in parts if passed is not None]


def build_module(functions):
    lines = ["import math", "import numpy as np", ""]
    for fn, params, call in functions.values():
        lines.append("def %s(%s):" % (fn, ", ".join(params)))
        lines.append("    return %s" % call)
        lines.append("")
    return "\n".join(lines)


def argument_sets(module, count, arrays):
    values = SCALARS + (MATH_EXTRA if module == "math" else [])
    if count == 1:
        sets = [[v] for v in values]
        return sets + ([["arr:" + d] for d in ARRAY_DTYPES] if arrays and module != "math" else [])
    if count == 2:
        second = SCALARS + (["inf", "-inf", "nan", "2.0", "1000.0", "-0.5"] if module == "math" else [])
        sets = [[a, b] for a in values for b in second]
        if arrays and module != "math":
            for d in ARRAY_DTYPES:
                for v in SCALARS:
                    sets += [["arr:" + d, v], [v, "arr:" + d]]
        return sets
    return [[a, b, c] for a in SCALARS for b in ["0", "0.5", "false"] for c in ["2", "1.5", "true"]]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pygraft", required=True)
    ap.add_argument("--kind", choices=["np", "math", "op", "all"], default="all")
    ap.add_argument("--arrays", action="store_true",
                    help="also pair each binary spelling's Python scalars with arrays of each dtype")
    ap.add_argument("--filter", default="")
    ap.add_argument("--sample", type=int, default=1, metavar="N",
                    help="run every Nth call of each spelling (default: all)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, dest="jobs")
    ap.add_argument("--verbose", action="store_true")
    opts = ap.parse_args(argv)

    entries = [e for e in spellings(opts.kind) if opts.filter in e[0] + "." + e[1]]
    functions = {}
    calls = []  # (entry index, shown args, function, passed args)
    for i, entry in enumerate(entries):
        for k, args in enumerate(argument_sets(entry[0], len(entry[2]), opts.arrays)):
            if k % max(1, opts.sample):
                continue
            fn, passed = function_for(entry, i, args, functions)
            calls.append((i, args, fn, passed))
    with tempfile.TemporaryDirectory(prefix="pygraft-sweep-") as tmp:
        source = os.path.join(tmp, "sweep.py")
        with open(source, "w") as f:
            f.write(build_module(functions))
        graph = os.path.join(tmp, "sweep.pgraph")
        code, _, err = run_diff.run_tool([opts.pygraft, "compile", source, "-o", graph], 120)
        if code != 0:
            print("compile failed: %s" % err)
            return 2
        spec = run_diff.importlib.util.spec_from_file_location("sweep", source)
        module = run_diff.importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        jobs = []
        with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
            for i, args, fn, passed in calls:
                cmd = [opts.pygraft, "run", graph, "--entry", fn, "--"] + passed
                jobs.append((i, args, fn, passed, pool.submit(run_diff.run_tool, cmd, 60)))
            failures = {}
            total = {}
            for i, args, fn, passed, future in jobs:
                raised, value = oracle(module, fn, passed)
                reason = judge(raised, value, future.result())
                total[i] = total.get(i, 0) + 1
                if reason:
                    failures.setdefault(i, []).append((args, reason))
    bad = 0
    for i, (mod, name, _) in enumerate(entries):
        fails = failures.get(i, [])
        bad += len(fails)
        shown = {"op": "op:", "unary": "unary:"}.get(mod, mod + ".") + name
        print("%-22s %4d calls, %4d mismatches" % (shown, total.get(i, 0), len(fails)))
        for args, reason in fails if opts.verbose else fails[:3]:
            print("    %s(%s): %s" % (name, ", ".join(args), reason))
    print("%d calls, %d mismatches" % (sum(total.values()), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
