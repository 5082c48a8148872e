#!/usr/bin/python3
"""End-to-end checks of the pygraft command line (SPEC.md §1, §2) from outside.

    /usr/bin/python3 tests/e2e/cli_test.py --pygraft build/cli/pygraft [--filter SUBSTR] [-v]

Each check prints `PASS name` or `FAIL name: reason`; the last line is
`N passed, M failed` and the exit status is 1 when a check failed. Every
pygraft call has a time limit; a hang or a death by signal is a failure.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback

import numpy as np

TIMEOUT = 60

CLEAN_MODEL = '''\
"""A clean model with two functions."""
import numpy as np


def scale(x, k=2.0):
    """Scales x."""
    return x * k


def pair(x):
    """Returns a tuple of two arrays."""
    return x + 1, x.astype(np.float32) * 2.0


def specials():
    """NaN and infinities in an output."""
    return np.array([np.nan, np.inf, -np.inf, 1.5]), 0.1, 1.0 / 3.0


def noisy(x):
    """Prints to stderr; stdout must stay one JSON document."""
    print("hello from the model", x)
    return x


def checked(x):
    """Fails at run time for a negative x."""
    assert x >= 0, "x must be non-negative"
    return x


def nothing():
    """Returns None."""
    return None


if __name__ == "__main__":
    print(scale(3))
'''

# Two unsupported constructs, on lines 6 and 10.
BAD_MODEL = '''\
import numpy as np


def f(x):
    """Unsupported: try and a set."""
    try:
        y = x + 1
    except ValueError:
        y = x
    g = {v * 2 for v in y}
    return g
'''

# A runtime error in a helper two calls deep (lines 5, 9, 14), and an unbound read (line 20).
HELPER_MODEL = '''\
import numpy as np


def helper(x, i):
    return x[i] + 1.0


def middle(x, i):
    y = helper(x, i)
    return y


def main(x, i):
    return middle(x, i) * 2.0


def unbound(c):
    if c:
        y = 1
    return y
'''

SINGLE_MODEL = '''\
import numpy as np


def only(x):
    return x * 2
'''

# compile --emit onnx: one function with a data-dependent branch (line 7).
ONNX_MODEL = """\
import numpy as np


def step(x, n, k=2.0):
    \"\"\"k keeps its default: not an input.\"\"\"
    y = np.tanh(x) * k
    if n > 0:
        y = y + 1.0
    return y
"""

# Two exportable functions and one that prints (line 13).
ONNX_THREE = """\
import numpy as np


def act(x):
    return np.tanh(x)


def scaled(x, k=2):
    return x * k


def noisy(x):
    print(x)
    return x
"""

# A mode string selects the branch at export time.
ONNX_MODE = """\
import numpy as np


def act(x, mode):
    if mode == "relu":
        return np.maximum(x, 0.0)
    return np.tanh(x)
"""

ONNX_PRINTS = """\
def f(x):
    y = x * 2.0
    print(y)
    return y
"""

# ONNX TensorProto.DataType codes.
ONNX_FLOAT, ONNX_INT64, ONNX_DOUBLE = 1, 7, 11


def _varint(data, i):
    shift = value = 0
    while True:
        b = data[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, i


def pb_fields(data):
    """The (field number, value) pairs of a protobuf message: varints as
    ints, length-delimited fields as bytes (enough to read an ONNX model
    without the onnx package)."""
    out, i = [], 0
    while i < len(data):
        key, i = _varint(data, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(data, i)
        elif wire == 2:
            n, i = _varint(data, i)
            value, i = data[i:i + n], i + n
        elif wire in (1, 5):
            n = 8 if wire == 1 else 4
            value, i = data[i:i + n], i + n
        else:
            raise CheckFailed("not a protobuf message (wire type %d)" % wire)
        out.append((field, value))
    return out


def pb_get(data, field):
    return [v for f, v in pb_fields(data) if f == field]


def onnx_value_info(data):
    """(name, elem_type, dims) of an ONNX ValueInfoProto; a dim is its size or its name."""
    name = pb_get(data, 1)[0].decode()
    tensor = pb_get(pb_get(data, 2)[0], 1)[0]
    elem = pb_get(tensor, 1)[0]
    dims = []
    for shape in pb_get(tensor, 2):
        for dim in pb_get(shape, 1):
            fields = dict(pb_fields(dim))
            dims.append(fields[1] if 1 in fields else fields[2].decode() if 2 in fields else "?")
    return name, elem, dims


def onnx_summary(path):
    """An ONNX model file as {opset, name, inputs, outputs, ops}: ops are the
    main graph's node types."""
    with open(path, "rb") as f:
        model = f.read()
    try:
        opsets = [dict(pb_fields(o)) for o in pb_get(model, 8)]
        graph = pb_get(model, 7)[0]
        return {
            "opset": [(o.get(1, b"").decode(), o.get(2)) for o in opsets],
            "name": pb_get(graph, 2)[0].decode(),
            "inputs": [onnx_value_info(v) for v in pb_get(graph, 11)],
            "outputs": [onnx_value_info(v) for v in pb_get(graph, 12)],
            "ops": [pb_get(n, 4)[0].decode() for n in pb_get(graph, 1)],
        }
    except (IndexError, KeyError, UnicodeDecodeError) as e:
        raise CheckFailed("%s is not an ONNX model (%s: %s)" % (path, type(e).__name__, e))


DIAG_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): error\[PG\d+\]: .+", re.M)
DIAG_KEYS = {"file", "line", "column", "end_line", "end_column", "severity", "code", "message"}


class CheckFailed(Exception):
    pass


def expect(cond, message):
    if not cond:
        raise CheckFailed(message)


class Cli:
    def __init__(self, exe, verbose):
        self.exe = exe
        self.verbose = verbose

    def __call__(self, *args, stdin=None):
        cmd = [self.exe] + [str(a) for a in args]
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               input=stdin if stdin is not None else b"", timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise CheckFailed("timed out: %s" % " ".join(cmd))
        if self.verbose:
            print("  $ %s -> %d" % (" ".join(cmd), p.returncode))
            if p.stdout:
                print("  stdout: %r" % p.stdout[:500])
            if p.stderr:
                print("  stderr: %r" % p.stderr[:500])
        expect(p.returncode >= 0, "killed by signal %d: %s" % (-p.returncode, " ".join(cmd)))
        return p

    def code(self, expected, *args):
        p = self(*args)
        expect(p.returncode == expected, "%s: exit %d, expected %d; stderr: %s" % (
            " ".join(str(a) for a in args), p.returncode, expected, p.stderr.decode(errors="replace")[:300]))
        return p

    def run_json(self, *args):
        p = self.code(0, "run", *args)
        try:
            return json.loads(p.stdout)
        except ValueError as e:
            raise CheckFailed("stdout is not JSON (%s): %r" % (e, p.stdout[:300]))


class Checks:
    def __init__(self, cli, tmp):
        self.cli = cli
        self.tmp = tmp
        self.clean = self.write("clean.py", CLEAN_MODEL)
        self.bad = self.write("bad.py", BAD_MODEL)
        self.single = self.write("single.py", SINGLE_MODEL)
        self._graph = None

    def write(self, name, text, mode="w"):
        path = os.path.join(self.tmp, name)
        with open(path, mode) as f:
            f.write(text)
        return path

    def path(self, name):
        return os.path.join(self.tmp, name)

    def graph(self):
        """The clean model compiled once (checks must not modify it)."""
        if self._graph is None:
            out = self.path("clean_once.pgraph")
            self.cli.code(0, "compile", self.clean, "-o", out)
            expect(os.path.getsize(out) > 0, "empty graph file")
            self._graph = out
        return self._graph

    def graph_bytes(self):
        with open(self.graph(), "rb") as f:
            return f.read()

    # ------------------------------------------------------------ usage

    def test_version(self):
        p = self.cli.code(0, "--version")
        expect(p.stdout.strip(), "--version printed nothing on stdout")

    def test_help(self):
        p = self.cli.code(0, "--help")
        text = p.stdout.decode(errors="replace")
        for word in ("compile", "check", "run"):
            expect(word in text, "--help does not mention %r" % word)

    def test_subcommand_help(self):
        for sub in ("compile", "check", "run"):
            p = self.cli.code(0, sub, "--help")
            expect(p.stdout.strip(), "%s --help printed nothing" % sub)

    def test_unknown_subcommand_is_usage_error(self):
        self.cli.code(2, "frobnicate")

    def test_unknown_option_is_usage_error(self):
        self.cli.code(2, "compile", self.clean, "--no-such-option")

    def test_missing_model_file(self):
        self.cli.code(2, "compile", self.path("does_not_exist.py"), "-o", self.path("x.pgraph"))
        expect(not os.path.exists(self.path("x.pgraph")), "output written for a missing input")
        self.cli.code(2, "check", self.path("does_not_exist.py"))

    def test_missing_graph_file(self):
        p = self.cli.code(2, "run", self.path("does_not_exist.pgraph"), "--entry", "scale", "1")
        expect(p.stderr.strip(), "no message on stderr")

    # ------------------------------------------------------------ diagnostics

    def test_unsupported_construct_text(self):
        p = self.cli.code(1, "compile", self.bad, "-o", self.path("bad.pgraph"))
        err = p.stderr.decode(errors="replace")
        found = [(m.group("file"), int(m.group("line")), int(m.group("col"))) for m in DIAG_RE.finditer(err)]
        expect(found, "no `file:line:col: error[PG....]: ...` line on stderr: %r" % err[:400])
        expect(all(os.path.basename(f) == "bad.py" for f, _, _ in found), "diagnostic names the wrong file: %r" % found)
        lines = [l for _, l, _ in found]
        expect(6 in lines, "the 'try' on line 6 is not reported: %r" % found)
        expect(10 in lines, "the set comprehension on line 10 is not reported (every problem in one run): %r" % found)
        expect(lines == sorted(lines), "diagnostics not in source order: %r" % lines)
        expect(p.stdout.strip() == b"", "text diagnostics must go to stderr, stdout was %r" % p.stdout[:200])

    def test_failed_compile_leaves_no_output(self):
        out = self.path("bad_out.pgraph")
        self.cli.code(1, "compile", self.bad, "-o", out)
        expect(not os.path.exists(out), "a failed compile wrote %s" % out)
        expect(not os.path.exists(self.path("bad.pgraph")), "a failed compile wrote the default output")

    def test_failed_compile_removes_a_stale_graph(self):
        source = self.write("stale.py", SINGLE_MODEL)
        graph = self.path("stale.pgraph")
        self.cli.code(0, "compile", source)
        expect(os.path.exists(graph), "no graph written")
        self.write("stale.py", BAD_MODEL)
        p = self.cli.code(1, "compile", source)
        expect(not os.path.exists(graph), "the graph of the earlier compile is still there")
        expect(b"removed " + graph.encode() in p.stderr, "no note says so: %r" % p.stderr[-300:])

    def test_check_writes_nothing(self):
        before = set(os.listdir(self.tmp))
        self.cli.code(0, "check", self.clean)
        self.cli.code(1, "check", self.bad)
        expect(set(os.listdir(self.tmp)) == before, "check wrote files: %s" % (set(os.listdir(self.tmp)) - before))

    def diagnostics_json(self, *args):
        p = self.cli(*args)
        try:
            doc = json.loads(p.stdout)
        except ValueError as e:
            raise CheckFailed("--diagnostics json stdout is not JSON (%s): %r" % (e, p.stdout[:300]))
        expect(isinstance(doc, list), "--diagnostics json did not print an array")
        return p, doc

    def test_diagnostics_json(self):
        p, doc = self.diagnostics_json("check", self.bad, "--diagnostics", "json")
        expect(p.returncode == 1, "exit %d, expected 1" % p.returncode)
        expect(len(doc) >= 2, "expected at least 2 diagnostics, got %d" % len(doc))
        for d in doc:
            expect(isinstance(d, dict) and DIAG_KEYS <= set(d), "diagnostic lacks keys %s: %r" % (DIAG_KEYS - set(d), d))
            expect(d["severity"] in ("error", "warning", "note"), "bad severity %r" % d["severity"])
            expect(re.fullmatch(r"PG\d+", str(d["code"])), "bad code %r" % d["code"])
            expect(isinstance(d["line"], int) and d["line"] >= 1, "bad line %r" % d["line"])
            expect(isinstance(d["column"], int) and d["column"] >= 1, "bad column %r" % d["column"])
            expect((d["end_line"], d["end_column"]) >= (d["line"], d["column"]), "end before start: %r" % d)
        expect(any(d["line"] == 6 for d in doc), "the 'try' on line 6 is missing")

    def test_diagnostics_json_compile(self):
        out = self.path("bad_json.pgraph")
        p, doc = self.diagnostics_json("compile", self.bad, "-o", out, "--diagnostics", "json")
        expect(p.returncode == 1, "exit %d, expected 1" % p.returncode)
        expect(doc, "empty diagnostics array for a bad file")
        expect(not os.path.exists(out), "a failed compile wrote its output")

    def test_diagnostics_json_clean(self):
        p, doc = self.diagnostics_json("check", self.clean, "--diagnostics", "json")
        expect(p.returncode == 0, "exit %d, expected 0" % p.returncode)
        expect(doc == [], "clean file gave %r" % doc)

    def test_diagnostics_sarif(self):
        p = self.cli("check", self.bad, "--diagnostics", "sarif")
        expect(p.returncode == 1, "exit %d, expected 1" % p.returncode)
        doc = json.loads(p.stdout)
        expect(doc.get("version") == "2.1.0", "SARIF version is %r" % doc.get("version"))
        expect(doc.get("runs") and doc["runs"][0].get("results"), "no runs[0].results")

    def test_invalid_utf8_source(self):
        path = self.write("latin1.py", b"def f(x):\n    return x  # caf\xe9\n", mode="wb")
        self.cli.code(1, "check", path)

    def test_main_guard_is_skipped(self):
        p, doc = self.diagnostics_json("check", self.clean, "--diagnostics", "json")
        expect(doc == [], "the main guard gave diagnostics: %r" % doc)

    # ------------------------------------------------------------ compile output

    def test_default_output_beside_source(self):
        src = self.write("beside.py", SINGLE_MODEL)
        self.cli.code(0, "compile", src)
        expect(os.path.exists(self.path("beside.pgraph")), "no beside.pgraph beside the source")

    def test_compile_is_deterministic(self):
        a, b = self.path("det_a.pgraph"), self.path("det_b.pgraph")
        self.cli.code(0, "compile", self.clean, "-o", a)
        self.cli.code(0, "compile", self.clean, "-o", b)
        expect(open(a, "rb").read() == open(b, "rb").read(), "two compiles differ")

    def test_compile_to_stdout(self):
        p = self.cli.code(0, "compile", self.clean, "-o", "-")
        expect(p.stdout == self.graph_bytes(), "`-o -` output differs from the -o FILE output")
        piped = self.write("piped.pgraph", p.stdout, mode="wb")
        doc = self.cli.run_json(piped, "--entry", "scale", "3")
        expect(doc["outputs"][0]["data"] == 6.0, "graph from stdout runs wrong: %r" % doc)

    def test_emit_text(self):
        p = self.cli.code(0, "compile", self.clean, "--emit", "text", "-o", "-")
        expect(p.stdout.strip(), "--emit text printed nothing")

    def test_entry_selection(self):
        out = self.path("only_scale.pgraph")
        self.cli.code(0, "compile", self.clean, "--entry", "scale", "-o", out)
        self.cli.run_json(out, "4")
        self.cli.run_json(out, "--entry", "scale", "4")

    # ------------------------------------------------------------ corrupt graphs

    def expect_load_error(self, name, data):
        path = self.write(name, data, mode="wb")
        p = self.cli("run", path, "--entry", "scale", "3")
        expect(p.returncode == 2, "%s: exit %d, expected 2; stderr %r" % (name, p.returncode, p.stderr[:200]))
        expect(p.stderr.strip(), "%s: no message on stderr" % name)
        expect(p.stdout.strip() == b"", "%s: output on stdout %r" % (name, p.stdout[:200]))

    def test_empty_graph_file(self):
        self.expect_load_error("empty.pgraph", b"")

    def test_truncated_graph_files(self):
        data = self.graph_bytes()
        cuts = sorted({1, 4, 8, 16, len(data) // 4, len(data) // 2, 3 * len(data) // 4, len(data) - 1})
        for cut in cuts:
            if 0 < cut < len(data):
                self.expect_load_error("trunc_%d.pgraph" % cut, data[:cut])

    def test_garbage_graph_file(self):
        rng = np.random.default_rng(1234)
        self.expect_load_error("garbage.pgraph", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes())
        self.expect_load_error("text.pgraph", CLEAN_MODEL.encode())

    def test_corrupt_header(self):
        data = self.graph_bytes()
        head = bytes(b ^ 0xFF for b in data[:16])
        self.expect_load_error("bad_header.pgraph", head + data[16:])

    def test_wrong_version(self):
        # docs/graph-format.md: 8 magic bytes, then a little-endian u32
        # version. Only checked when the file really starts that way.
        data = self.graph_bytes()
        expect(data[:8] == b"\x7fPGRAPH\n", "graph file does not start with the documented magic")
        for version in (0, 2, 0xFFFFFFFF):
            name = "version_%d.pgraph" % version
            self.expect_load_error(name, data[:8] + version.to_bytes(4, "little") + data[12:])
            p = self.cli("run", self.path(name), "--entry", "scale", "3")
            expect(b"version" in p.stderr, "%s: the message does not mention the version: %r" % (name, p.stderr[:200]))
            expect(b"version %d " % version in p.stderr and b"reads version 1" in p.stderr
                   and b"corrupt" not in p.stderr,
                   "%s: should name both versions and not say corrupt: %r" % (name, p.stderr[:300]))

    def test_flipped_bytes_do_not_crash(self):
        # Without knowing the layout a flipped byte may land in a constant's
        # payload and still load, so exit 0 is allowed; a crash, a hang or an
        # exit without a message is not.
        data = self.graph_bytes()
        for frac in (0.3, 0.5, 0.7, 0.9):
            i = int(len(data) * frac)
            corrupt = bytearray(data)
            for j in range(i, min(i + 4, len(data))):
                corrupt[j] ^= 0xA5
            path = self.write("flip_%d.pgraph" % i, bytes(corrupt), mode="wb")
            p = self.cli("run", path, "--entry", "scale", "3")
            expect(p.returncode in (0, 2, 3), "flip at %d: exit %d" % (i, p.returncode))
            if p.returncode:
                expect(p.stderr.strip(), "flip at %d: exit %d without a message" % (i, p.returncode))
            else:
                json.loads(p.stdout)

    # ------------------------------------------------------------ run

    def test_run_basic(self):
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "[1,2]")
        expect(doc == {"outputs": [{"dtype": "float64", "shape": [2], "data": [2.0, 4.0]}]}, "got %r" % doc)

    def test_run_tuple_and_dtypes(self):
        doc = self.cli.run_json(self.graph(), "--entry", "pair", "[[1,2],[3,4]]")
        outs = doc["outputs"]
        expect(len(outs) == 2, "expected 2 outputs: %r" % doc)
        expect(outs[0] == {"dtype": "int64", "shape": [2, 2], "data": [[2, 3], [4, 5]]}, "output 0: %r" % outs[0])
        expect(outs[1]["dtype"] == "float32" and outs[1]["shape"] == [2, 2], "output 1: %r" % outs[1])

    def test_run_default_argument(self):
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "3")
        expect(doc["outputs"] == [{"dtype": "float64", "shape": [], "data": 6.0}], "got %r" % doc)

    def test_run_negative_bare_argument(self):
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "-3", "1")
        expect(doc["outputs"] == [{"dtype": "int64", "shape": [], "data": -3}], "got %r" % doc)

    def spin_graph(self):
        source = self.write("spin.py", "def spin(n):\n    i = 0\n    while i < n:\n"
                                       "        i += 1\n    return i\n")
        graph = self.path("spin.pgraph")
        self.cli.code(0, "compile", source, "-o", graph)
        return graph

    def test_run_max_iterations(self):
        graph = self.spin_graph()
        doc = self.cli.run_json(graph, "--max-iterations", "50", "50")
        expect(doc["outputs"][0]["data"] == 50, "got %r" % doc)
        p = self.cli.code(3, "run", graph, "--max-iterations", "50", "51")
        err = p.stderr.decode()
        expect("spin.py:3:5: runtime error:" in err and "--max-iterations" in err,
               "stderr %r" % err)
        expect(p.stdout == b"", "stdout %r" % p.stdout)
        self.cli.code(2, "run", graph, "--max-iterations", "-1", "5")

    def test_run_timeout(self):
        graph = self.spin_graph()
        start = time.monotonic()
        p = self.cli.code(3, "run", graph, "--timeout", "0.2", "100000000000000")
        elapsed = time.monotonic() - start
        err = p.stderr.decode()
        expect("spin.py:3:5: runtime error:" in err and "--timeout" in err, "stderr %r" % err)
        expect(elapsed < 20, "a 0.2 s timeout took %.1f s" % elapsed)
        doc = self.cli.run_json(graph, "--timeout", "30", "1000")
        expect(doc["outputs"][0]["data"] == 1000, "got %r" % doc)
        self.cli.code(2, "run", graph, "--timeout", "soon", "5")

    def test_run_unsupported_norm_order_is_a_runtime_error(self):
        source = self.write("norms.py", "import numpy as np\n\n\ndef l1(x):\n"
                                        "    return np.linalg.norm(x, 1)\n")
        graph = self.path("norms.pgraph")
        self.cli.code(0, "compile", source, "-o", graph)
        p = self.cli.code(3, "run", graph, "[3.0, -4.0]")
        err = p.stderr.decode()
        expect("norms.py:5:12: runtime error:" in err and "ord=None" in err, "stderr %r" % err)

    def test_run_double_dash(self):
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "--", "-2.5")
        expect(doc["outputs"][0]["data"] == -5.0, "got %r" % doc)

    def test_run_empty_list_argument(self):
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "[]")
        expect(doc["outputs"] == [{"dtype": "float64", "shape": [0], "data": []}], "got %r" % doc)

    def test_run_special_floats(self):
        doc = self.cli.run_json(self.graph(), "--entry", "specials")
        outs = doc["outputs"]
        expect(outs[0]["data"] == ["nan", "inf", "-inf", 1.5], "specials: %r" % outs[0])
        expect(outs[1]["data"] == 0.1 and outs[2]["data"] == 1.0 / 3.0, "floats do not round-trip: %r" % outs[1:])

    def test_run_none(self):
        doc = self.cli.run_json(self.graph(), "--entry", "nothing")
        expect(doc == {"outputs": [None]}, "got %r" % doc)

    def test_print_goes_to_stderr(self):
        p = self.cli.code(0, "run", self.graph(), "--entry", "noisy", "7")
        doc = json.loads(p.stdout)
        expect(doc["outputs"][0]["data"] == 7, "got %r" % doc)
        expect(b"hello from the model 7" in p.stderr, "print output not on stderr: %r" % p.stderr[:200])

    def test_runtime_error(self):
        p = self.cli.code(3, "run", self.graph(), "--entry", "checked", "-1")
        err = p.stderr.decode(errors="replace")
        m = re.search(r"clean\.py:(\d+):\d+: runtime error", err)
        expect(m, "no `clean.py:line:col: runtime error` in %r" % err[:300])
        assert_line = CLEAN_MODEL.splitlines().index('    assert x >= 0, "x must be non-negative"') + 1
        expect(int(m.group(1)) == assert_line, "runtime error on line %s, the assert is on %d" % (m.group(1), assert_line))
        expect(p.stdout.strip() == b"", "stdout not empty on a runtime error")

    def helper_graph(self):
        source = self.write("helpers.py", HELPER_MODEL)
        graph = self.path("helpers.pgraph")
        self.cli.code(0, "compile", source, "-o", graph)
        return source, graph

    def test_runtime_error_names_the_exception_and_quotes_the_line(self):
        source, graph = self.helper_graph()
        p = self.cli.code(3, "run", graph, "--entry", "main", "[1.0,2.0,3.0]", "3")
        err = p.stderr.decode()
        want = ("%s:5:12: runtime error: IndexError: index 3 is out of bounds for axis 0 with size 3\n"
                "    return x[i] + 1.0\n"
                "           ^~~~\n"
                "%s:9:9: note: called from here\n"
                "    y = helper(x, i)\n"
                "        ^~~~~~~~~~~~\n"
                "%s:14:12: note: called from here\n"
                "    return middle(x, i) * 2.0\n"
                "           ^~~~~~~~~~~~\n") % (source, source, source)
        # Note: the exception name comes from the kernel; until every kernel
        # names one, accept the message without it.
        expect(err == want or err == want.replace("IndexError: ", ""), "stderr %r" % err)

    def test_runtime_error_json(self):
        source, graph = self.helper_graph()
        p = self.cli.code(3, "run", graph, "--entry", "main", "--diagnostics", "json", "[1.0,2.0,3.0]", "3")
        doc = json.loads(p.stdout)
        expect(isinstance(doc, list) and len(doc) == 1, "got %r" % doc)
        d = doc[0]
        expect(list(d) == ["file", "line", "column", "end_line", "end_column", "severity", "code",
                           "message", "exception", "call_stack"], "keys %r" % list(d))
        expect((d["file"], d["line"], d["column"], d["code"]) == (source, 5, 12, "PG0601"), "got %r" % d)
        expect([(f["function"], f["line"], f["column"]) for f in d["call_stack"]]
               == [("helper", 5, 12), ("middle", 9, 9), ("main", 14, 12)], "call_stack %r" % d["call_stack"])
        p = self.cli.code(3, "run", graph, "--entry", "unbound", "--diagnostics", "json", "false")
        d = json.loads(p.stdout)[0]
        expect(d["exception"] == "UnboundLocalError" and d["line"] == 20, "got %r" % d)
        p = self.cli.code(2, "run", self.path("missing.pgraph"), "--diagnostics", "json")
        d = json.loads(p.stdout)[0]
        expect(d["code"] == "PG0603" and "missing.pgraph" in d["message"], "got %r" % d)

    def test_run_python_source_says_compile_it_first(self):
        p = self.cli.code(2, "run", self.clean, "--entry", "scale", "3")
        err = p.stderr.decode()
        expect("compile it first: pygraft compile %s" % self.clean in err, "stderr %r" % err)

    def test_bad_json_argument(self):
        for bad in ("[1,2", "abc", "[1,[2,3]]", "{\"a\":[1,[2]]}", "1.2.3"):
            p = self.cli("run", self.graph(), "--entry", "scale", bad)
            expect(p.returncode == 2, "argument %r: exit %d, expected 2" % (bad, p.returncode))
            expect(p.stderr.strip(), "argument %r: no message" % bad)

    def test_too_many_arguments(self):
        self.cli.code(2, "run", self.graph(), "--entry", "scale", "1", "2", "3")

    def test_unknown_entry(self):
        self.cli.code(2, "run", self.graph(), "--entry", "no_such_function", "1")

    def test_entry_required_for_several_functions(self):
        self.cli.code(2, "run", self.graph(), "1")

    def test_entry_optional_for_one_function(self):
        out = self.path("single.pgraph")
        self.cli.code(0, "compile", self.single, "-o", out)
        doc = self.cli.run_json(out, "[1,2]")
        expect(doc["outputs"][0]["data"] == [2, 4], "got %r" % doc)

    def test_repeat_timing(self):
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "--repeat", "3", "[1.0,2.0]")
        t = doc.get("timing")
        expect(isinstance(t, dict), "no timing object: %r" % doc)
        expect(t.get("runs") == 3, "runs is %r" % t.get("runs"))
        for key in ("min_ns", "median_ns", "max_ns"):
            expect(isinstance(t.get(key), int) and t[key] >= 0, "%s is %r" % (key, t.get(key)))
        expect(t["min_ns"] <= t["median_ns"] <= t["max_ns"], "timing not ordered: %r" % t)
        expect(doc["outputs"][0]["data"] == [2.0, 4.0], "outputs changed with --repeat: %r" % doc)

    def test_out_dir_npy(self):
        out = self.path("npy_out")
        os.makedirs(out, exist_ok=True)
        printed = self.cli.run_json(self.graph(), "--entry", "pair", "[[1,2],[3,4]]")
        doc = self.cli.run_json(self.graph(), "--entry", "pair", "--out", out, "[[1,2],[3,4]]")
        for i, o in enumerate(doc["outputs"]):
            path = os.path.join(out, "%d.npy" % i)
            expect(o.get("file") == path, "output %d names %r, expected %r" % (i, o.get("file"), path))
            expect("data" not in o, "output %d still prints its data: %r" % (i, o))
            expect(os.path.exists(path), "%s missing" % path)
            arr = np.load(path)
            name = "bool" if arr.dtype == np.bool_ else arr.dtype.name
            expect(name == o["dtype"] and list(arr.shape) == o["shape"], "%s: %s %s vs %r" % (path, arr.dtype, arr.shape, o))
            expect(arr.tolist() == printed["outputs"][i]["data"], "%s: data %r vs %r" % (
                path, arr.tolist(), printed["outputs"][i]["data"]))

    def test_out_dir_none_output_and_stale_files(self):
        out = self.path("npy_stale")
        os.makedirs(out, exist_ok=True)
        for name in ("0.npy", "1.npy", "5.npy", "keep.txt"):
            self.write(os.path.join("npy_stale", name), "old")
        doc = self.cli.run_json(self.graph(), "--entry", "specials", "--out", out)
        expect([o["file"] for o in doc["outputs"]] == [os.path.join(out, "%d.npy" % i) for i in range(3)],
               "got %r" % doc)
        expect(sorted(os.listdir(out)) == ["0.npy", "1.npy", "2.npy", "keep.txt"], "left %r" % os.listdir(out))
        doc = self.cli.run_json(self.graph(), "--entry", "nothing", "--out", out)
        expect(doc == {"outputs": [None]}, "a None output: %r" % doc)
        expect(sorted(os.listdir(out)) == ["keep.txt"], "stale outputs left: %r" % os.listdir(out))

    def test_out_dir_large_output_keeps_stdout_small(self):
        source = self.write("big.py", "import numpy as np\n\n\ndef big(n):\n    return np.ones((n,))\n")
        graph = self.path("big.pgraph")
        self.cli.code(0, "compile", source, "-o", graph)
        out = self.path("big_out")
        n = 100 * 1024 * 1024 // 8  # 100 MB of float64
        p = self.cli.code(0, "run", graph, "--out", out, str(n))
        expect(len(p.stdout) < 200, "stdout holds %d bytes" % len(p.stdout))
        doc = json.loads(p.stdout)
        expect(doc["outputs"][0] == {"dtype": "float64", "shape": [n], "file": os.path.join(out, "0.npy")},
               "got %r" % doc)
        arr = np.load(os.path.join(out, "0.npy"), mmap_mode="r")
        expect(arr.shape == (n,) and float(arr[-1]) == 1.0, "the file holds %r" % (arr.shape,))

    def test_npy_arguments(self):
        f32 = np.array([[1.5, -2.0], [0.25, 4.0]], dtype=np.float32)
        i32 = np.array([1, 2, 3], dtype=np.int32)
        p32 = self.path("f32.npy")
        pi32 = self.path("i32.npy")
        np.save(p32, f32)
        np.save(pi32, i32)
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "@" + p32)
        o = doc["outputs"][0]
        expect(o["dtype"] == "float32" and o["shape"] == [2, 2], "float32 .npy * 2.0: %r" % o)
        expect(o["data"] == (f32 * 2).tolist(), "data %r" % o["data"])
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "@" + pi32, "3")
        o = doc["outputs"][0]
        expect(o == {"dtype": "int32", "shape": [3], "data": [3, 6, 9]}, "int32 .npy * 3: %r" % o)

    def test_narrow_npy_arguments_and_outputs(self):
        # An 8-bit image in, wrapped uint8 arithmetic out, as .npy both ways.
        img = np.array([[0, 100, 200], [255, 7, 128]], dtype=np.uint8)
        path = self.path("img.npy")
        np.save(path, img)
        doc = self.cli.run_json(self.graph(), "--entry", "scale", "@" + path, "3")
        o = doc["outputs"][0]
        want = img * 3
        expect(o == {"dtype": "uint8", "shape": [2, 3], "data": want.tolist()}, "uint8 .npy * 3: %r" % o)
        out = self.path("narrow_out")
        os.makedirs(out, exist_ok=True)
        self.cli.run_json(self.graph(), "--entry", "scale", "--out", out, "@" + path, "3")
        back = np.load(os.path.join(out, "0.npy"))
        expect(back.dtype == np.uint8 and np.array_equal(back, want), "uint8 .npy output %r" % back)
        for dtype in (np.int8, np.int16, np.uint16, np.uint32, np.uint64, np.float16):
            arr = np.array([1, 2, 100], dtype=dtype)
            path = self.path("%s.npy" % np.dtype(dtype).name)
            np.save(path, arr)
            doc = self.cli.run_json(self.graph(), "--entry", "scale", "@" + path, "2")
            o = doc["outputs"][0]
            want = arr * 2
            expect(o["dtype"] == want.dtype.name and o["data"] == want.tolist(),
                   "%s .npy * 2: %r" % (want.dtype.name, o))

    def test_missing_npy_argument(self):
        self.cli.code(2, "run", self.graph(), "--entry", "scale", "@" + self.path("missing.npy"))

    # ------------------------------------------------------------ compile --emit onnx

    def onnx_source(self, name, text=ONNX_MODEL):
        """A fresh directory holding one source, so default outputs can be listed."""
        folder = self.path(name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, name + ".py")
        with open(path, "w") as f:
            f.write(text)
        return folder, path

    def test_onnx_default_output_beside_source(self):
        folder, src = self.onnx_source("onnx_default")
        self.cli.code(0, "compile", src, "--emit", "onnx", "--signature", "step(float32[T,H], int)")
        expect(sorted(os.listdir(folder)) == ["onnx_default.onnx", "onnx_default.py"],
               "wrote %r" % sorted(os.listdir(folder)))
        m = onnx_summary(os.path.join(folder, "onnx_default.onnx"))
        expect(m["opset"] == [("", 17)], "opset_import %r" % m["opset"])
        expect(m["name"] == "step", "graph name %r" % m["name"])
        expect(m["inputs"] == [("x", ONNX_FLOAT, ["T", "H"]), ("n", ONNX_INT64, [])],
               "inputs %r" % m["inputs"])
        expect([(n, e, len(d)) for n, e, d in m["outputs"]] == [("output_0", ONNX_FLOAT, 2)],
               "outputs %r" % m["outputs"])
        expect("If" in m["ops"], "no If for the data-dependent branch: %r" % m["ops"])

    def test_onnx_output_option(self):
        folder, src = self.onnx_source("onnx_o")
        out = self.path("onnx_o_elsewhere.onnx")
        self.cli.code(0, "compile", src, "--emit", "onnx", "--signature", "step(float32[N], int)",
                      "-o", out)
        expect(os.path.exists(out), "-o %s not written" % out)
        expect(os.listdir(folder) == ["onnx_o.py"], "also wrote %r" % os.listdir(folder))
        expect(onnx_summary(out)["inputs"][0] == ("x", ONNX_FLOAT, ["N"]), "inputs %r" % onnx_summary(out)["inputs"])

    def test_onnx_signature_without_name(self):
        folder, src = self.onnx_source("onnx_noname")
        self.cli.code(0, "compile", src, "--emit", "onnx", "--signature", "(float64[3,N], float)")
        m = onnx_summary(os.path.join(folder, "onnx_noname.onnx"))
        expect(m["inputs"] == [("x", ONNX_DOUBLE, [3, "N"]), ("n", ONNX_DOUBLE, [])],
               "inputs %r" % m["inputs"])

    def test_onnx_example_arguments(self):
        folder, src = self.onnx_source("onnx_examples")
        out = os.path.join(folder, "onnx_examples.onnx")
        self.cli.code(0, "compile", src, "--emit", "onnx", "--", "[[1.0, 2.0]]", "-3")
        m = onnx_summary(out)
        expect([(n, e, len(d)) for n, e, d in m["inputs"]] == [("x", ONNX_DOUBLE, 2), ("n", ONNX_INT64, 0)],
               "inputs %r" % m["inputs"])
        expect(all(not isinstance(d, int) for d in m["inputs"][0][2]),
               "dims of an example stay symbolic: %r" % m["inputs"][0][2])
        self.cli.code(0, "compile", src, "--emit", "onnx", "--", "[1, 2]", "-2.5")
        m = onnx_summary(out)
        expect([(n, e, len(d)) for n, e, d in m["inputs"]] == [("x", ONNX_INT64, 1), ("n", ONNX_DOUBLE, 0)],
               "inputs %r" % m["inputs"])

    def test_onnx_npy_example_argument(self):
        folder, src = self.onnx_source("onnx_npy")
        npy = self.path("onnx_npy_x.npy")
        np.save(npy, np.ones((2, 3), dtype=np.float32))
        self.cli.code(0, "compile", src, "--emit", "onnx", "--", "@" + npy, "1")
        m = onnx_summary(os.path.join(folder, "onnx_npy.onnx"))
        expect([(n, e, len(d)) for n, e, d in m["inputs"]] == [("x", ONNX_FLOAT, 2), ("n", ONNX_INT64, 0)],
               "inputs %r" % m["inputs"])

    def expect_onnx_usage_error(self, folder, args, *needles):
        p = self.cli.code(2, "compile", *args)
        err = p.stderr.decode(errors="replace")
        for needle in needles:
            expect(needle in err, "stderr does not say %r: %r" % (needle, err[:400]))
        expect(not [f for f in os.listdir(folder) if f.endswith(".onnx")],
               "a model was written: %r" % os.listdir(folder))

    def test_onnx_missing_types_is_a_usage_error(self):
        folder, src = self.onnx_source("onnx_untyped")
        self.expect_onnx_usage_error(folder, [src, "--emit", "onnx"], "'x'", "--signature")
        self.expect_onnx_usage_error(folder, [src, "--emit", "onnx", "--signature", "step(float32[N])"],
                                     "'n'", "no default")

    def test_onnx_malformed_signature(self):
        folder, src = self.onnx_source("onnx_malformed")
        self.expect_onnx_usage_error(folder, [src, "--emit", "onnx", "--signature", "step(float32[N, int)"],
                                     "bad signature", "column 20")
        self.expect_onnx_usage_error(folder, [src, "--emit", "onnx", "--signature", "step(tensor, int)"],
                                     "unknown type 'tensor'")

    def test_onnx_too_many_types(self):
        folder, src = self.onnx_source("onnx_too_many")
        self.expect_onnx_usage_error(
            folder, [src, "--emit", "onnx", "--signature", "step(float32[N], int, float, int)"],
            "4 types", "3 parameters")

    def test_onnx_str_example_is_compiled_in(self):
        # A str argument is a constant of the model, not an input.
        folder, src = self.onnx_source("onnx_mode", ONNX_MODE)
        out = self.path("onnx_mode.onnx")
        self.cli.code(0, "compile", src, "--emit", "onnx", "-o", out, "--", "[1.0,-2.0]", '"relu"')
        m = onnx_summary(out)
        expect([n for n, _, _ in m["inputs"]] == ["x"], "inputs %r" % m["inputs"])
        expect("Tanh" not in m["ops"], "the 'tanh' branch was exported: %r" % m["ops"])
        # A str the function cannot take is refused where it is used.
        folder, src = self.onnx_source("onnx_str_example")
        p = self.cli.code(1, "compile", src, "--emit", "onnx", "--", '"abc"', "1")
        err = p.stderr.decode(errors="replace")
        expect("error[PG0702]" in err and "'abc'" in err, "stderr %r" % err[:400])
        expect(os.listdir(folder) == ["onnx_str_example.py"], "wrote %r" % os.listdir(folder))
        self.expect_onnx_usage_error(folder, [src, "--emit", "onnx", "--", "[1,[2,3]]", "1"])

    def test_onnx_examples_and_signature_together_is_a_usage_error(self):
        folder, src = self.onnx_source("onnx_both")
        self.expect_onnx_usage_error(
            folder, [src, "--emit", "onnx", "--signature", "step(float32[N], int)", "--", "[1.0]", "1"],
            "--signature")

    def test_onnx_refusal_writes_nothing(self):
        folder, src = self.onnx_source("onnx_prints", ONNX_PRINTS)
        p = self.cli.code(1, "compile", src, "--emit", "onnx", "--signature", "f(float32[N])")
        err = p.stderr.decode(errors="replace")
        expect("onnx_prints.py:3:5: error[PG0707]:" in err, "stderr %r" % err[:400])
        expect(os.listdir(folder) == ["onnx_prints.py"], "wrote %r" % os.listdir(folder))
        out = self.path("onnx_prints_o.onnx")
        self.cli.code(1, "compile", src, "--emit", "onnx", "--signature", "f(float32[N])", "-o", out)
        expect(not os.path.exists(out), "a refused export wrote -o %s" % out)

    def test_onnx_diagnostics_json(self):
        folder, src = self.onnx_source("onnx_json", ONNX_PRINTS)
        p, doc = self.diagnostics_json("compile", src, "--emit", "onnx", "--signature", "f(float32[N])",
                                       "--diagnostics", "json")
        expect(p.returncode == 1, "exit %d, expected 1" % p.returncode)
        errors = [d for d in doc if d.get("severity") == "error"]
        expect(len(errors) == 1, "expected one error: %r" % doc)
        d = errors[0]
        expect(DIAG_KEYS <= set(d), "diagnostic lacks keys %s" % (DIAG_KEYS - set(d)))
        expect((d["code"], d["line"], d["column"]) == ("PG0707", 3, 5), "got %r" % d)
        expect(d["file"] == src, "file %r" % d["file"])
        expect(p.stderr.strip() == b"", "json diagnostics also on stderr: %r" % p.stderr[:300])
        folder, src = self.onnx_source("onnx_json_ok")
        p, doc = self.diagnostics_json("compile", src, "--emit", "onnx", "--signature", "step(float32[N], int)",
                                       "--diagnostics", "json")
        expect(p.returncode == 0 and doc == [], "exit %d, %r" % (p.returncode, doc))
        expect(os.path.exists(os.path.join(folder, "onnx_json_ok.onnx")), "no model written")

    def test_onnx_is_deterministic(self):
        folder, src = self.onnx_source("onnx_det")
        a, b = self.path("onnx_det_a.onnx"), self.path("onnx_det_b.onnx")
        for out in (a, b):
            self.cli.code(0, "compile", src, "--emit", "onnx", "--signature", "step(float32[T,H], int)", "-o", out)
        expect(open(a, "rb").read() == open(b, "rb").read(), "two exports differ")

    def test_onnx_compile_help_mentions_signature(self):
        text = self.cli.code(0, "compile", "--help").stdout.decode(errors="replace")
        expect("--signature" in text and "onnx" in text, "compile --help: %r" % text[:300])

    def test_onnx_several_entries(self):
        folder, src = self.onnx_source("onnx_many", ONNX_THREE)
        self.cli.code(0, "compile", src, "--emit", "onnx", "--entry", "act", "--entry", "scaled",
                      "--signature", "act(float32[N])", "--signature", "scaled(float64[2,3])")
        expect(sorted(os.listdir(folder)) == ["onnx_many.act.onnx", "onnx_many.py", "onnx_many.scaled.onnx"],
               "wrote %r" % sorted(os.listdir(folder)))
        act = onnx_summary(os.path.join(folder, "onnx_many.act.onnx"))
        scaled = onnx_summary(os.path.join(folder, "onnx_many.scaled.onnx"))
        expect(act["name"] == "act" and act["inputs"] == [("x", ONNX_FLOAT, ["N"])], "act: %r" % act)
        expect(scaled["name"] == "scaled" and scaled["inputs"] == [("x", ONNX_DOUBLE, [2, 3])],
               "scaled: %r" % scaled)

    def test_onnx_several_signatures_name_their_functions(self):
        folder, src = self.onnx_source("onnx_sigs", ONNX_THREE)
        self.cli.code(0, "compile", src, "--emit", "onnx",
                      "--signature", "act(float32[N])", "--signature", "scaled(int32[N])")
        expect(sorted(os.listdir(folder)) == ["onnx_sigs.act.onnx", "onnx_sigs.py", "onnx_sigs.scaled.onnx"],
               "wrote %r" % sorted(os.listdir(folder)))
        self.expect_onnx_usage_error(
            self.onnx_source("onnx_sigs_o", ONNX_THREE)[0],
            [self.path("onnx_sigs_o/onnx_sigs_o.py"), "--emit", "onnx", "--signature", "act(float32[N])",
             "--signature", "scaled(int32[N])", "-o", self.path("onnx_sigs_o.onnx")], "-o")

    def test_onnx_several_functions_need_an_entry(self):
        folder, src = self.onnx_source("onnx_which", ONNX_THREE)
        self.expect_onnx_usage_error(folder, [src, "--emit", "onnx", "--", "[1.0]"], "--entry")
        self.cli.code(0, "compile", src, "--emit", "onnx", "--entry", "scaled", "--", "[1.0]")
        expect(onnx_summary(os.path.join(folder, "onnx_which.onnx"))["name"] == "scaled",
               "not scaled's model")


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--pygraft", required=True)
    ap.add_argument("--filter", default="")
    ap.add_argument("-v", "--verbose", action="store_true")
    opts = ap.parse_args(argv)
    exe = os.path.abspath(opts.pygraft)
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="pygraft-e2e-") as tmp:
        checks = Checks(Cli(exe, opts.verbose), tmp)
        names = [n for n in dir(Checks) if n.startswith("test_") and opts.filter in n]
        for name in sorted(names, key=lambda n: getattr(Checks, n).__code__.co_firstlineno):
            try:
                getattr(checks, name)()
                passed += 1
                print("PASS %s" % name[5:])
            except CheckFailed as e:
                failed += 1
                print("FAIL %s: %s" % (name[5:], e))
            except Exception as e:  # noqa: BLE001 - a broken check is a failure too
                failed += 1
                print("FAIL %s: %s: %s" % (name[5:], type(e).__name__, e))
                if opts.verbose:
                    traceback.print_exc()
            sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
