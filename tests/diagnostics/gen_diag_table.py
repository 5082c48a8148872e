#!/usr/bin/env python3
"""Generates the code table of docs/diagnostics.md from support/diag_codes.def.

Each row: code, severity, rule name, what triggers it, a minimal example and
the fix (the help text of diag_codes.def). Triggers and examples live in
EXAMPLES below; the examples are taken from the per-code test cases in
tests/diagnostics/cases/, which prove that each one reports its code.

The table sits in docs/diagnostics.md between the lines
    <!-- BEGIN GENERATED TABLE (tests/diagnostics/gen_diag_table.py) -->
    <!-- END GENERATED TABLE -->
Usage:
    gen_diag_table.py          rewrite the table in docs/diagnostics.md
    gen_diag_table.py --check  exit 1 if the doc is stale, or if a code of
                               diag_codes.def has no EXAMPLES entry (or the
                               other way round)
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEF_FILE = os.path.join(ROOT, "support", "diag_codes.def")
DOC = os.path.join(ROOT, "docs", "diagnostics.md")
BEGIN = "<!-- BEGIN GENERATED TABLE (tests/diagnostics/gen_diag_table.py) -->"
END = "<!-- END GENERATED TABLE -->"

# code -> (what triggers it, minimal example; "\n" separates lines)
EXAMPLES = {
    "PG0001": ("Python that does not parse", "y = = x"),
    "PG0002": ("bytes that are not UTF-8", "# caf\\xff (a Latin-1 byte)"),
    "PG0003": ("a NUL byte in the file", "return x\\0 + 1"),
    "PG0004": ("an integer literal beyond int64", "x + 99999999999999999999"),
    "PG0005": ("nesting past CPython's own limits: 200 open brackets, 100 levels of indentation, "
               "20 nested loops, about 3 000 levels of expressions and statements", "((((...x...))))"),
    "PG0006": ("an IndentationError: an unexpected indent, an unindent to no outer level, a block missing after ':'",
               "y = x * 2.0\n    z = y + 1.0"),
    "PG0007": ("a TabError: tabs and spaces mixed so that the meaning depends on the tab width",
               "        x = x + 1\n\treturn x"),
    "PG0101": ("a class definition", "class Layer:"),
    "PG0102": ("try / except / finally", "try:\n    y = np.log(x)\nexcept ValueError:"),
    "PG0103": ("a bare raise, raise ... from e, or raising anything but a builtin exception", "raise\nraise MyError(\"x\")"),
    "PG0104": ("a with statement", "with open(path) as f:"),
    "PG0105": ("a global declaration", "global COUNTER"),
    "PG0106": ("a nonlocal declaration", "nonlocal x"),
    "PG0107": ("a del statement", "del y"),
    "PG0108": ("yield / yield from", "yield row"),
    "PG0109": ("async def, async for, async with", "async def fetch(x):"),
    "PG0110": ("a match statement", "match mode:"),
    "PG0111": ("a decorator", "@staticmethod\ndef scaled(x):"),
    "PG0112": ("a def inside a function (closures)", "def model(x, w):\n    def helper(v):"),
    "PG0113": ("compiled code using a module other than numpy, math and builtins; a star import", "import matplotlib.pyplot as plt\nplt.plot(x)  # inside a compiled function\nfrom numpy import *"),
    "PG0114": ("other module-level statements", "print(SCALE)\nfor i in range(3):"),
    "PG0115": ("a *args parameter", "def total(*values):"),
    "PG0116": ("a **kwargs parameter", "def configure(x, **options):"),
    "PG0117": ("keyword-only parameters", "def scaled(x, *, factor=2.0):"),
    "PG0118": ("a starred assignment target", "first, *rest = x"),
    "PG0119": ("assigning to an attribute", "x.flags = 0"),
    "PG0120": ("assigning to something that is not a name, tuple of names or named array element", "y[0][1] = 1.0"),
    "PG0121": ("statements with no code of their own (Python 2 print/exec, type aliases)", "print >> x, 1\ntype Vector = np.ndarray"),
    "PG0122": ("a parameter default that is not a constant", "def padded(x, pad=np.zeros(3)):"),
    "PG0201": ("a lambda", "act = lambda v: np.maximum(v, 0.0)"),
    "PG0202": ("a list comprehension", "parts = [r * 2.0 for r in x]"),
    "PG0203": ("a dict comprehension", "table = {i: i * 2 for i in range(3)}"),
    "PG0204": ("a set comprehension", "seen = {i % 2 for i in range(4)}"),
    "PG0205": ("a generator expression", "sum(v * v for v in x)"),
    "PG0206": ("a dict literal", "params = {\"lr\": 0.1}"),
    "PG0207": ("a set literal", "modes = {1, 2, 3}"),
    "PG0208": ("a bytes literal; str.format with named fields", "b\"raw\"\n\"{loss}\".format(loss=x)"),
    "PG0209": ("an f-string field str.format cannot say: a nested spec, a self-documenting field", "f\"{x:{width}}\"\nf\"{x=}\""),
    "PG0210": ("an assignment expression (walrus)", "if (n := np.sum(x)) > 1.0:"),
    "PG0211": ("*x or **kw unpacking in a call", "np.zeros(*shape)"),
    "PG0212": ("await", "y = await x"),
    "PG0213": ("a list that is not an argument of a NumPy function", "items = [x, x]"),
    "PG0214": ("other unsupported expressions: a function or module used as a value, 'is' with a non-None operand, ...", "m = np\nx is y"),
    "PG0215": ("a complex (imaginary) literal", "x * 1j"),
    "PG0301": ("a name that is not defined (with a suggestion)", "x @ wieght"),
    "PG0302": ("a call of an unknown function (with a suggestion)", "sigmoid(x)"),
    "PG0303": ("an unsupported NumPy function (with a suggestion)", "np.tanhh(x)"),
    "PG0304": ("an unknown array method", "x.nrom()"),
    "PG0305": ("too many or too few arguments", "np.maximum(x)"),
    "PG0306": ("an unknown keyword argument (with a suggestion)", "np.sum(x, axes=0)"),
    "PG0307": ("a parameter passed twice", "scale(x, 2.0, factor=3.0)"),
    "PG0308": ("direct or mutual recursion", "def fact(n):\n    return n * fact(n - 1)"),
    "PG0309": ("--entry naming no top-level function", "pygraft compile m.py --entry missing"),
    "PG0310": ("an unknown constant of numpy or math", "math.tau2"),
    "PG0311": ("two top-level functions with one name", "def relu(x): ...\ndef relu(x): ..."),
    "PG0312": ("two parameters with one name", "def twice(x, x):"),
    "PG0313": ("(note) code `compile --entry` leaves out: functions, classes, module-level code and imports the entry functions do not use", "class Trainer:  # with --entry forward"),
    "PG0314": ("`np.random.default_rng` without a seed (OS entropy: not reproducible), or with a literal seed that is not a non-negative int", "rng = np.random.default_rng()"),
    "PG0401": ("an in-place change of an array another name shares, which is read later (also a draw from a generator another name shares)", "y = x\ny[0] = 1.0\nreturn x"),
    "PG0402": ("unpacking a tuple into the wrong number of names", "a, b = x.shape, x.ndim, x.size"),
    "PG0403": ("a module-level name bound to a non-constant", "WEIGHTS = np.ones(3)"),
    "PG0404": ("changing a module constant, import or function", "SIZES[0] = 4"),
    "PG0405": ("return at module level", "return SCALE"),
    "PG0406": ("break or continue outside a loop", "break"),
    "PG0407": ("a constant integer expression outside int64 (Python ints are 64-bit)", "LIMIT = 2 ** 63"),
    "PG0501": ("a read of a variable that is not assigned on every path", "if flag:\n    y = x\nreturn y"),
    "PG0502": ("code after return, break or continue", "return x\nx = x + 1.0"),
    "PG0503": ("a parameter or variable named like an imported module", "def shadow(np, x):"),
    "PG0601": ("(run) a Python exception while running: the exception CPython + NumPy raise", "x[3] on an array of 3 elements"),
    "PG0602": ("(run) a limit of the run: --max-iterations, --timeout, --max-memory", "pygraft run m.pgraph --timeout 1 ..."),
    "PG0603": ("(run) a usage or I/O error: unreadable, corrupt or wrong-version graph file, bad ARG, unknown --entry", "pygraft run model.py"),
    "PG0701": ("(compile --emit onnx) an operation with no exact ONNX form: random generators, "
               "list.append, np.sort, round(x, n), an integer dtype= in np.mean/var/std, "
               "x[int_array] = v, ... (docs/onnx.md)",
               "rows.append(x[i] * 2.0)\nr = round(np.sum(x), 2)"),
    "PG0702": ("(compile --emit onnx) a type the exporter cannot infer from the signature: an axis, "
               "shape or dtype that is an input; a dict, list or str argument",
               "def total(x, axis):  # total(float64[N,D], int)\n    return np.sum(x, axis=axis)"),
    "PG0703": ("(compile --emit onnx) a loop-carried value whose type changes between iterations",
               "s = 0\nfor v in x:  # x: float64[N]\n    s = s + v"),
    "PG0704": ("(compile --emit onnx) branches that give a variable values of different types",
               "if flag:\n    y = x  # float32[N]\nelse:\n    y = 0.0"),
    "PG0705": ("(compile --emit onnx) a read of a variable that is unbound on some path",
               "for v in x:\n    if v > 0.0:\n        found = v\n        break\nreturn found"),
    "PG0706": ("(compile --emit onnx) a function that returns None (as a whole or as an item of its tuple)",
               "def scale(x):\n    y = x * 2.0"),
    "PG0707": ("(compile --emit onnx) print, an assert the signature does not prove, raise",
               "print(np.sum(x))\nassert np.all(x > 0.0)"),
    "PG0708": ("(compile --emit onnx) a recursive call (the front end reports PG0308 first)", "(none)"),
    "PG0709": ("(compile --emit onnx) an exported model that fails the ONNX checker: a bug in pygraft",
               "(none)"),
    "PG0710": ("(compile --emit onnx) a result whose type depends on values: int ** int with an "
               "exponent that is not a constant, min()/max() of mixed types",
               "def power(x, n):  # power(int, int)\n    return x ** n"),
    "PG0999": ("a bug in pygraft (never the source's fault)", "(none)"),
}


def load_codes():
    pattern = re.compile(r'^PG_DIAG\((\w+), "(PG\d{4})", (\w+), "([^"]*)", "((?:[^"\\]|\\.)*)"\)')
    codes = []
    with open(DEF_FILE, encoding="utf-8") as f:
        for line in f:
            m = pattern.match(line.strip())
            if m:
                help_text = m.group(5).encode().decode("unicode_escape")
                codes.append((m.group(2), m.group(3).lower(), m.group(4), help_text))
    return codes


def cell(text):
    return text.replace("|", "\\|")


def code_cell(example):
    parts = [f"`{cell(line)}`" for line in example.split("\n")]
    return "<br>".join(parts)


def table(codes):
    rows = ["| Code | Severity | Rule | Triggered by | Example | Fix |",
            "|---|---|---|---|---|---|"]
    for code, severity, name, help_text in codes:
        trigger, example = EXAMPLES[code]
        rows.append(f"| {code} | {severity} | `{name}` | {cell(trigger)} | {code_cell(example)} "
                    f"| {cell(help_text)} |")
    return "\n".join(rows) + "\n"


def render(doc, codes):
    start, end = doc.find(BEGIN), doc.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"{DOC}: markers {BEGIN!r} / {END!r} not found")
    return doc[: start + len(BEGIN)] + "\n" + table(codes) + doc[end:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()
    codes = load_codes()
    declared = {c[0] for c in codes}
    problems = [f"{c} has no EXAMPLES entry in gen_diag_table.py" for c in sorted(declared - set(EXAMPLES))]
    problems += [f"{c} is in EXAMPLES but not in diag_codes.def" for c in sorted(set(EXAMPLES) - declared)]
    if problems:
        print("\n".join(problems))
        return 1
    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    new = render(doc, codes)
    if options.check:
        if new != doc:
            print(f"{DOC} is stale: run tests/diagnostics/gen_diag_table.py")
            return 1
        print(f"{DOC}: table up to date ({len(codes)} codes)")
        return 0
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(new)
    print(f"wrote {len(codes)} codes to {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
