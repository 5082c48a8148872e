#!/usr/bin/python3
"""Differential test harness: pygraft against CPython + NumPy (SPEC.md §1, §3).

Usage:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft tests/cases samples
    /usr/bin/python3 tests/diff/run_diff.py --oracle-only tests/cases
Options: -j N (parallel pygraft calls), --filter SUBSTR, --verbose,
         --timeout SECONDS (per pygraft call, default 60),
         --require-exception-names (see below).

Case annotations
----------------
A case file is an ordinary Python module. Any line of the form

    # CASE fn_name: ARG ARG ...
    # CASE fn_name: ARG ARG ... -> exit 3

declares one case: call `fn_name` with the given arguments. Each ARG is
exactly what is passed on the `pygraft run` command line: a JSON literal
without spaces inside (`3`, `-2.5`, `true`, `[[1,2],[3,4]]`, `[]`); the
arguments are split on whitespace. With no ARGs write `# CASE fn_name:`.
`-> exit N` says pygraft must exit with code N (3 = runtime error) and the
oracle must raise an exception; pygraft's stdout must then be empty and, for
exit 3, its stderr must hold a `FILE.py:LINE:COL: runtime error` line on the
line where CPython raised. When that line names a Python exception
(`... runtime error: IndexError: ...`), it must be the class of the
exception CPython raised or one of its base classes (NumPy's AxisError is a
ValueError and an IndexError; UFuncTypeError is a TypeError). With
--require-exception-names a line that names no exception fails too.

Per file the harness compiles once (`pygraft compile FILE -o TMP.pgraph`),
then per case runs `pygraft run TMP.pgraph --entry FN -- ARG...` and the
oracle: the file imported with importlib in this process (NumPy in NEP 50
'weak' promotion mode, i.e. NumPy 2 semantics), FN(*args) where a JSON int
is a Python int, a float a Python float, a bool a Python bool and a list
np.array(list) (`[]` is float64 of shape (0,)), a JSON object a dict of
such values. np.empty and np.empty_like
are zero-filled in pygraft and so in the oracle too.

Comparison: pygraft's stdout must be exactly one JSON document
{"outputs": [OUT, ...]}. The oracle's result maps to OUTs as follows: a
top-level tuple gives one OUT per element, None gives null, a Python
float/int/bool gives float64/int64/bool of shape [], a NumPy scalar or array
gives its dtype and shape. A tuple nested inside the returned tuple is
expected as a JSON list of OUTs, compared recursively (the cases avoid it);
so is a returned list, and a dict as a JSON object of OUTs (keys: a str as
is, any other key as its repr), in insertion order.
Dtypes and shapes must be equal; bool and int values exactly; float values
with rtol 1e-6 / atol 1e-12 (float64) or rtol 1e-4 / atol 1e-6 (float32),
NaN equals NaN, infinities must match by sign. Text the oracle prints must
appear in pygraft's stderr (print goes to stderr) as a block of whole lines,
the same but for the numbers that are floats: those within the float64
tolerance (libms and summation orders differ in the last digits; -0.0
prints as 0.0 in some and -0.0 in others).

Output: `PASS file::fn(args)` or `FAIL file::fn(args): reason` per case, then
`N passed, M failed`; the exit status is 1 when a case failed, 2 on usage
errors (such as no cases found).
"""

import argparse
import concurrent.futures
import contextlib
import importlib.util
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import warnings

import numpy as np

sys.dont_write_bytecode = True  # importing case files must not leave __pycache__ in the tree

if hasattr(np, "_set_promotion_state"):
    np._set_promotion_state("weak")  # NumPy 1.24: NEP 50 promotion as in NumPy 2

# pygraft's np.empty / np.empty_like are zero-filled (deterministic); make the
# oracle's the same so cases may return them.
np.empty = np.zeros
np.empty_like = np.zeros_like

CASE_RE = re.compile(r"^\s*#\s*CASE\s+([A-Za-z_]\w*)\s*:(.*)$")
EXPECT_RE = re.compile(r"^(.*?)->\s*exit\s+(\d+)\s*$")
DTYPES = ("float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16",
          "uint32", "uint64", "bool")
RUNTIME_ERROR_RE = re.compile(r"\.py:(\d+):\d+: runtime error: "
                              r"(?:([A-Z][A-Za-z0-9]*(?:Error|Exception))(?::|$))?", re.M)
TOLERANCE = {"float64": (1e-6, 1e-12), "float32": (1e-4, 1e-6), "float16": (1e-3, 1e-5)}


class Case:
    def __init__(self, path, line, fn, args, expect_exit):
        self.path = path
        self.line = line
        self.fn = fn
        self.args = args
        self.expect_exit = expect_exit
        shown = [a if len(a) <= 40 else a[:36] + "...]" for a in args]
        self.name = "%s::%s(%s)" % (display_path(path), fn, ", ".join(shown))
        if expect_exit is not None:
            self.name += " -> exit %d" % expect_exit


def display_path(path):
    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else path


def parse_cases(path):
    """Returns the cases of one file; raises ValueError on a malformed line."""
    cases = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            m = CASE_RE.match(line)
            if not m:
                continue
            rest = m.group(2).strip()
            expect = None
            em = EXPECT_RE.match(rest)
            if em:
                rest, expect = em.group(1).strip(), int(em.group(2))
            args = rest.split()
            for a in args:
                if not a.startswith("@"):
                    try:
                        json.loads(a)
                    except ValueError:
                        raise ValueError("%s:%d: bad JSON argument %r" % (path, lineno, a))
            cases.append(Case(path, lineno, m.group(1), args, expect))
    return cases


def collect_files(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith(".py") and not name.startswith("_"):
                    files.append(os.path.join(p, name))
        else:
            files.append(p)
    return files


# ---------------------------------------------------------------- the oracle

def oracle_arg(text):
    if text.startswith("@"):
        return np.load(text[1:])
    value = json.loads(text)
    return oracle_value(value)


def oracle_value(value):
    """A JSON argument as `run` takes it: a list is an array, an object a
    dict whose values are arguments too."""
    if isinstance(value, list):
        return np.array(value) if value != [] else np.array([], dtype=np.float64)
    if isinstance(value, dict):
        return {k: oracle_value(v) for k, v in value.items()}
    return value


def load_module(path, index):
    name = "pygraft_case_%d_%s" % (index, re.sub(r"\W", "_", os.path.basename(path)[:-3]))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_oracle(module, case):
    """Returns (raised, value_or_exception, printed_text)."""
    fn = getattr(module, case.fn, None)
    if fn is None:
        return True, AttributeError("no function %r" % case.fn), ""
    printed = io.StringIO()
    try:
        args = [oracle_arg(a) for a in case.args]
        with warnings.catch_warnings(), np.errstate(all="ignore"), \
                contextlib.redirect_stdout(printed):
            warnings.simplefilter("ignore")
            value = fn(*args)
        return False, value, printed.getvalue()
    except Exception as e:  # noqa: BLE001 - any exception is the oracle's answer
        return True, e, printed.getvalue()


def raising_line(exc, path):
    """The line of the case file where CPython raised `exc` (the innermost
    traceback frame in that file), or None."""
    target = os.path.realpath(path)
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if os.path.realpath(tb.tb_frame.f_code.co_filename) == target:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Unsupported(Exception):
    pass


def expected_out(value):
    """Maps one oracle value to the OUT pygraft must print (SPEC §1)."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        return [expected_out(v) for v in value]
    if isinstance(value, dict):
        return {expected_key(k): expected_out(v) for k, v in value.items()}
    if isinstance(value, bool):
        return ("bool", [], np.array(value))
    if isinstance(value, int):
        return ("int64", [], np.array(value, dtype=np.int64))
    if isinstance(value, float):
        return ("float64", [], np.array(value, dtype=np.float64))
    if isinstance(value, str):
        return ("str", [], np.array(value, dtype=object))
    if isinstance(value, (np.ndarray, np.generic)):
        arr = np.asarray(value)
        name = "bool" if arr.dtype == np.bool_ else arr.dtype.name
        if name not in DTYPES:
            raise Unsupported("oracle returned dtype %s" % arr.dtype)
        return (name, list(arr.shape), arr)
    raise Unsupported("oracle returned a %s" % type(value).__name__)


def expected_key(key):
    """A dict key as pygraft's JSON names it: a str as is, else its repr."""
    if isinstance(key, str):
        return key
    if isinstance(key, (np.generic,)):
        key = key.item()
    return repr(key)


def expected_outputs(value):
    if isinstance(value, tuple):
        return [expected_out(v) for v in value]
    return [expected_out(value)]


# ---------------------------------------------------------------- comparison

def flatten_data(data, shape, where):
    """Flattens pygraft's nested-list data checking it matches shape."""
    if not shape:
        if isinstance(data, list):
            raise ValueError("%s: nested list where a scalar was expected" % where)
        return [data]
    if not isinstance(data, list) or len(data) != shape[0]:
        raise ValueError("%s: data does not have shape %s" % (where, shape))
    flat = []
    for item in data:
        flat.extend(flatten_data(item, shape[1:], where))
    return flat


def decode_float(v):
    if isinstance(v, str):
        if v in ("nan", "inf", "-inf"):
            return float(v)
        raise ValueError("bad float string %r" % v)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError("non-number %r in float data" % (v,))
    return float(v)


def values_match(dtype, got, want):
    if dtype == "str":
        return isinstance(got, str) and got == want
    if dtype == "bool":
        return isinstance(got, bool) and got == bool(want)
    if dtype.startswith(("int", "uint")):
        return isinstance(got, int) and not isinstance(got, bool) and got == int(want)
    got = decode_float(got)
    want = float(want)
    if math.isnan(want) or math.isnan(got):
        return math.isnan(want) and math.isnan(got)
    if math.isinf(want) or math.isinf(got):
        return got == want
    rtol, atol = TOLERANCE[dtype]
    return abs(got - want) <= atol + rtol * abs(want)


def compare_out(got, want, where):
    """Returns None when equal, else a short reason."""
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return "%s: expected a nested tuple or list of %d outputs, got %s" % (
                where, len(want), json.dumps(got)[:120])
        for i, (g, w) in enumerate(zip(got, want)):
            r = compare_out(g, w, "%s[%d]" % (where, i))
            if r:
                return r
        return None
    if isinstance(want, dict) and not isinstance(want, tuple):
        if not isinstance(got, dict) or "dtype" in got or list(got) != list(want):
            return "%s: expected a dict with keys %s, got %s" % (
                where, list(want), json.dumps(got)[:120])
        for k in want:
            r = compare_out(got[k], want[k], "%s[%r]" % (where, k))
            if r:
                return r
        return None
    if want is None:
        return None if got is None else "%s: expected null (None), got %s" % (where, json.dumps(got)[:120])
    if not isinstance(got, dict):
        return "%s: expected %s %s, got %s" % (where, want[0], want[1], json.dumps(got)[:120])
    dtype, shape, arr = want
    if got.get("dtype") != dtype:
        return "%s: dtype %s, expected %s" % (where, got.get("dtype"), dtype)
    if got.get("shape") != shape:
        return "%s: shape %s, expected %s" % (where, got.get("shape"), shape)
    if "data" not in got:
        return "%s: no data" % where
    try:
        flat = flatten_data(got["data"], shape, where)
        for i, (g, w) in enumerate(zip(flat, arr.reshape(-1).tolist())):
            if not values_match(dtype, g, w):
                index = list(np.unravel_index(i, shape)) if shape else []
                return "%s: element %s is %s, expected %r" % (where, index, json.dumps(g), w)
    except ValueError as e:
        return str(e)
    return None


def compare_document(stdout, want_outputs):
    try:
        doc = json.loads(stdout)
    except ValueError as e:
        return "stdout is not one JSON document (%s): %r" % (e, stdout[:200])
    if not isinstance(doc, dict) or not isinstance(doc.get("outputs"), list):
        return "no \"outputs\" list in %r" % stdout[:200]
    got = doc["outputs"]
    if len(got) != len(want_outputs):
        return "%d outputs, expected %d: %s" % (len(got), len(want_outputs), stdout.strip()[:200])
    for i, (g, w) in enumerate(zip(got, want_outputs)):
        r = compare_out(g, w, "output %d" % i)
        if r:
            return r
    return None


# ---------------------------------------------------------------- running

def run_tool(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %gs" % timeout
    except OSError as e:
        return None, "", "cannot run %s: %s" % (cmd[0], e)


def short(text, limit=300):
    text = text.strip().replace("\n", " | ")
    return text if len(text) <= limit else text[:limit] + "..."


def exception_mismatch(named, exc, required):
    """None when pygraft's named exception (or None) fits CPython's `exc`: the
    same class or one of its bases; else the reason."""
    names = [cls.__name__ for cls in type(exc).__mro__]
    if named is None:
        if required:
            return "the runtime error names no exception; CPython raised %s" % type(exc).__name__
        return None
    if named in names:
        return None
    return "pygraft raised %s, CPython raised %s (%s)" % (
        named, type(exc).__name__, ", ".join(n for n in names if n not in ("object", "BaseException")))


def judge(case, oracle, result, require_exception_names=False):
    """Returns None (pass) or a failure reason for one pygraft result."""
    raised, value, printed = oracle
    code, out, err = result
    if code is None:
        return err
    if code < 0:
        return "killed by signal %d; stderr: %s" % (-code, short(err))
    if case.expect_exit is not None:
        if not raised:
            return "oracle did not raise (returned %r)" % (value,)
        if code != case.expect_exit:
            return "exit %d, expected %d; stdout %s; stderr %s" % (
                code, case.expect_exit, short(out, 120), short(err))
        if out.strip():
            return "exit %d but stdout is not empty: %s" % (code, short(out, 120))
        if code == 3:
            m = RUNTIME_ERROR_RE.search(err)
            if not m:
                return "no `FILE:LINE:COL: runtime error: ...` on stderr: %s" % short(err)
            want_line = raising_line(value, case.path)
            if want_line is not None and int(m.group(1)) != want_line:
                return "runtime error on line %s, CPython raised on line %d: %s" % (
                    m.group(1), want_line, short(err))
            return exception_mismatch(m.group(2), value, require_exception_names)
        return None
    if raised:
        return "oracle raised %s: %s" % (type(value).__name__, value)
    if code != 0:
        return "exit %d; stderr: %s" % (code, short(err))
    try:
        want = expected_outputs(value)
    except Unsupported as e:
        return str(e)
    reason = compare_document(out, want)
    if reason:
        return reason
    if printed and not printed_text_matches(printed, err):
        return "printed %r, pygraft's stderr is %r" % (printed, err[:200])
    return None


NUMBER_RE = re.compile(r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|nan|inf)")


def printed_line_matches(want, got):
    """Same text; floats within the harness's float64 tolerance (the last
    digits of np.exp or a sum may differ between libms and summation
    orders, as values may, SPEC §3), -0.0 equal to 0.0; ints exactly. NumPy
    pads the elements of an array to one width, which follows the digits
    printed, so runs of spaces compare as one space."""
    def squeeze(parts):
        return [re.sub(r" +", " ", part) for part in parts]

    want_parts, got_parts = squeeze(NUMBER_RE.split(want)), squeeze(NUMBER_RE.split(got))
    want_nums, got_nums = NUMBER_RE.findall(want), NUMBER_RE.findall(got)
    if want_parts != got_parts or len(want_nums) != len(got_nums):
        return False
    for a, b in zip(want_nums, got_nums):
        if a == b:
            continue
        if re.fullmatch(r"[-+]?\d+", a) or re.fullmatch(r"[-+]?\d+", b):
            return False  # an int (or an int printed where a float was): exactly
        if not values_match("float64", float(b), float(a)):
            return False
    return True


def printed_text_matches(printed, err):
    """The oracle's printed lines appear as one block among pygraft's stderr lines."""
    if printed in err:
        return True
    want, got = printed.splitlines(), err.splitlines()
    for start in range(len(got) - len(want) + 1):
        if all(printed_line_matches(w, g) for w, g in zip(want, got[start:start + len(want)])):
            return True
    return False


def oracle_only_verdict(case, oracle):
    raised, value, _ = oracle
    if case.expect_exit is not None:
        return None if raised else "oracle did not raise (returned %r)" % (value,)
    if raised:
        return "oracle raised %s: %s" % (type(value).__name__, value)
    try:
        expected_outputs(value)
    except Unsupported as e:
        return str(e)
    return None


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="case files or directories")
    ap.add_argument("--pygraft", help="path of the pygraft executable")
    ap.add_argument("--oracle-only", action="store_true",
                    help="only run the oracle and check that it does not raise")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, dest="jobs")
    ap.add_argument("--filter", default="", help="run only cases whose name contains SUBSTR")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per pygraft call")
    ap.add_argument("--require-exception-names", action="store_true",
                    help="fail `-> exit 3` cases whose runtime error names no Python exception")
    opts = ap.parse_args(argv)
    if not opts.oracle_only and not opts.pygraft:
        ap.error("--pygraft PATH is required unless --oracle-only is given")

    files = collect_files(opts.paths)
    plan = []  # (file, module or import error, cases)
    for index, path in enumerate(files):
        try:
            cases = [c for c in parse_cases(path) if opts.filter in c.name]
        except (OSError, ValueError) as e:
            print("error: %s" % e, file=sys.stderr)
            return 2
        if not cases:
            continue
        try:
            module = load_module(path, index)
        except Exception as e:  # noqa: BLE001
            module = e
        plan.append((path, module, cases))
    if not plan:
        print("error: no cases found in %s" % " ".join(opts.paths), file=sys.stderr)
        return 2

    # The oracle runs here, sequentially; pygraft calls run in a thread pool.
    oracles = {}
    for path, module, cases in plan:
        for case in cases:
            if isinstance(module, Exception):
                oracles[id(case)] = (True, module, "")
            else:
                oracles[id(case)] = run_oracle(module, case)

    verdicts = {}
    details = {}  # --verbose lines per case
    with tempfile.TemporaryDirectory(prefix="pygraft-diff-") as tmp, \
            concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        if opts.oracle_only:
            for _, module, cases in plan:
                for case in cases:
                    if isinstance(module, Exception):
                        verdicts[id(case)] = "import failed: %s" % module
                    else:
                        verdicts[id(case)] = oracle_only_verdict(case, oracles[id(case)])
        else:
            graphs = {}
            compiles = {}
            for i, (path, _, _) in enumerate(plan):
                graphs[path] = os.path.join(tmp, "%d.pgraph" % i)
                compiles[path] = pool.submit(
                    run_tool, [opts.pygraft, "compile", path, "-o", graphs[path]], opts.timeout)
            runs = {}
            compile_errors = {}
            for path, _, cases in plan:
                code, out, err = compiles[path].result()
                if code != 0:
                    compile_errors[path] = "compile failed (exit %s): %s" % (code, short(err))
                    continue
                for case in cases:
                    cmd = [opts.pygraft, "run", graphs[path], "--entry", case.fn, "--"] + case.args
                    runs[id(case)] = (cmd, pool.submit(run_tool, cmd, opts.timeout))
            for path, _, cases in plan:
                for case in cases:
                    if path in compile_errors:
                        verdicts[id(case)] = compile_errors[path]
                        continue
                    cmd, future = runs[id(case)]
                    result = future.result()
                    verdicts[id(case)] = judge(case, oracles[id(case)], result,
                                               opts.require_exception_names)
                    details[id(case)] = ["  $ %s" % " ".join(cmd),
                                         "  exit %s stdout: %s" % (result[0], short(result[1], 2000))]
                    if result[2].strip():
                        details[id(case)].append("  stderr: %s" % short(result[2], 2000))

    passed = failed = 0
    for _, _, cases in plan:
        for case in cases:
            reason = verdicts[id(case)]
            if reason is None:
                passed += 1
                print("PASS %s" % case.name)
            else:
                failed += 1
                print("FAIL %s: %s" % (case.name, reason))
            if opts.verbose:
                for line in details.get(id(case), []):
                    print(line)
                raised, value, printed = oracles[id(case)]
                print("  oracle %s: %s" % ("raised" if raised else "returned", short(repr(value), 2000)))
                if printed:
                    print("  oracle printed: %s" % short(printed, 2000))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
