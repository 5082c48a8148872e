#!/usr/bin/python3
"""A seeded random program generator for pygraft's Python subset (SPEC §3).

    /usr/bin/python3 tests/program_fuzz/gen.py SEED          # print one program
    /usr/bin/python3 tests/program_fuzz/gen.py SEED -o F.py

Each seed gives one module (the same module for the same seed): module
constants, 1-3 functions calling each other (callees before or after
callers), and one `# CASE entry: ARGS [-> exit 3]` line in the format of
tests/cases/README.md. The generator runs every statement in CPython +
NumPy (NEP 50 weak mode, as the differential oracle) while it writes it, on
the case's arguments, so it knows which statements run, which raise and the
value of every name; that is how it keeps most programs running while still
ending some in the errors Python raises. Modules: gen_core (values,
sandbox), gen_expr / gen_expr_numpy / gen_expr_risky / gen_tables
(expressions), gen_stmt / gen_simple / gen_flow / gen_state (statements,
control flow), gen_nodes (statement nodes, interpreter), alias (what may
share an array).
"""

import argparse
import contextlib
import inspect
import io
import os
import random
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

from gen_core import Quiet, Sandbox, is_array, is_number, is_py_scalar, json_arg, kind  # noqa: E402
from gen_nodes import Jump, render_block, run_block  # noqa: E402
from gen_stmt import FuncGen, REJECT  # noqa: E402

ENTRY_NAMES = ["model", "forward", "predict", "step", "loss_fn", "train_step", "score", "run"]
HELPER_NAMES = ["normalize", "activate", "project", "update", "combine", "gate", "squash",
                "smooth", "residual", "pool", "attend", "mix", "rescale", "clamp_values"]
ARRAY_PARAMS = ["x", "w", "y", "a", "v", "b", "target", "mask_in", "feats", "prev"]
INT_PARAMS = ["n", "k", "steps", "axis_n", "depth", "width"]
FLOAT_PARAMS = ["lr", "alpha", "eps", "t", "gamma", "beta"]
BOOL_PARAMS = ["flag", "train", "use_bias", "normalize_out"]
FLOAT_VALUES = [-2.0, -1.5, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]
CONSTANTS = [("EPS", "1e-05"), ("SCALE", "0.5"), ("HIDDEN", "4"), ("STEPS", "3"),
             ("SHAPE", "(2, 3)"), ("DEBUG", "False"), ("MOMENTUM", "0.9"), ("LIMIT", "5"),
             ("TEMP", "2.0"), ("LR", "0.1"), ("USE_BIAS", "True"), ("NEG_SLOPE", "0.01 * 2")]
DOCSTRINGS = ["Forward pass of a small layer.", "One update step.", "Scale and squash the input.",
              "Masked statistics of the batch.", "Combine the features."]


class Helper:
    def __init__(self, name, params, lines, before):
        self.name, self.params, self.lines, self.before = name, params, lines, before


class Program:
    """One generated module and its case."""

    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(seed)
        self.sandbox = Sandbox()
        self.allow_error = self.rng.random() < 0.5
        self.max_funcs = self.rng.choice([1, 2, 2, 3, 3, 3])
        self.consts = []
        self.const_lines = []
        self.helpers = []
        self.pending = 0  # helpers being written
        self.pending_names = set()
        self.entry_name = self.rng.choice(ENTRY_NAMES)

    # ------------------------------------------------------------ names
    def reserved_names(self):
        names = {"np", "math", self.entry_name, "len", "min", "max", "abs", "float", "int",
                 "bool", "range", "round", "print", "enumerate", "zip", "None", "True", "False"}
        names |= {n for n, _ in self.consts} | {h.name for h in self.helpers}
        names |= set(HELPER_NAMES)
        return names

    def n_funcs(self):
        return 1 + len(self.helpers) + self.pending

    # ------------------------------------------------------------ module
    def make_constants(self):
        for name, code in self.rng.sample(CONSTANTS, self.rng.choice([0, 1, 1, 2, 3])):
            value = eval(code, {})  # noqa: S307
            self.consts.append((name, value))
            self.const_lines.append("%s = %s" % (name, code))
            self.sandbox.globals[name] = value

    def array_arg(self):
        dt = self.rng.choices(["f", "i", "b"], [6, 2.5, 1])[0]
        nd = self.rng.choices([1, 2, 3], [5, 4, 0.4])[0]
        dims = [self.rng.choice([1, 2, 2, 3, 3, 4]) for _ in range(nd)]
        if nd == 3:
            dims = [2, 2, self.rng.choice([1, 2])]
        if self.rng.random() < 0.05:
            dims[-1] = 0
        count = int(np.prod(dims))
        if dt == "f":
            flat = [self.rng.choice(FLOAT_VALUES) if self.rng.random() < 0.7
                    else round(self.rng.uniform(-3, 3), 2) for _ in range(count)]
        elif dt == "i":
            flat = [self.rng.randint(-3, 5) for _ in range(count)]
        else:
            flat = [self.rng.random() < 0.5 for _ in range(count)]
        nested = np.array(flat, dtype=object).reshape(dims).tolist()
        value = np.array(nested) if count else np.zeros(dims)
        if not count and nd == 1:
            nested = []
        return nested, value

    def scalar_arg(self, kind_):
        if kind_ == "int":
            v = self.rng.randint(-2, 5)
        elif kind_ == "float":
            v = self.rng.choice(FLOAT_VALUES)
        else:
            v = self.rng.random() < 0.5
        return v, v

    def entry_params(self):
        """[(name, value, default code)] and the ARGs passed."""
        count = self.rng.choice([1, 2, 2, 3, 3, 4])
        params, args, omitting = [], [], False
        used = set()
        for i in range(count):
            k = "arr" if i == 0 and self.rng.random() < 0.96 else \
                self.rng.choices(["arr", "int", "float", "bool"], [5, 1.5, 1.5, 1])[0]
            pool = {"arr": ARRAY_PARAMS, "int": INT_PARAMS, "float": FLOAT_PARAMS, "bool": BOOL_PARAMS}[k]
            name = self.rng.choice([p for p in pool if p not in used])
            used.add(name)
            if k == "arr":
                json_value, value = self.array_arg()
                default = None
            else:
                json_value, value = self.scalar_arg(k)
                default = None
                if i == count - 1 and self.rng.random() < 0.35:
                    _, dv = self.scalar_arg(k)
                    default = repr(dv)
                    if self.rng.random() < 0.5:
                        value, omitting = dv, True
            params.append((name, value, default))
            if not omitting:
                args.append(json_arg(json_value))
        if self.rng.random() < 0.08:
            params.append(("opt", None, "None"))
        return params, args

    def generate(self):
        self.make_constants()
        params, self.args = self.entry_params()
        fg = FuncGen(self, self.entry_name, params, live=True, is_entry=True)
        self.entry_lines, _ = function_lines(fg, self.rng.randint(3, 9))
        self.outcome = fg.outcome or ("return", None)
        return self

    def helper_call(self, fg, want, depth):
        """Code of a call of a function of the file from fg: a new helper
        (written now, with this call's arguments) or an existing one."""
        can_new = self.n_funcs() < self.max_funcs and fg.gen_depth < 2
        if can_new and (not self.helpers or fg.rng.random() < 0.5):
            _, code = new_helper(fg, want)
            return code
        if self.helpers:
            return call_code(fg, fg.rng.choice(self.helpers))
        return None

    # ------------------------------------------------------------ output
    def source(self):
        lines = ['"""Generated by tests/program_fuzz/gen.py, seed %d."""' % self.seed,
                 "import math", "", "import numpy as np", ""]
        if self.const_lines:
            lines += self.const_lines + [""]
        funcs = [h.lines for h in self.helpers if h.before] + [self.entry_lines] + \
            [h.lines for h in self.helpers if not h.before]
        for f in funcs:
            lines += ["", ""] + f
        lines += ["", "", self.case_line()]
        return "\n".join(lines) + "\n"

    def case_line(self):
        raises = self.outcome[0] == "raise"
        return "# CASE %s: %s%s" % (self.entry_name, " ".join(self.args), " -> exit 3" if raises else "")


def function_lines(fg, count):
    """The lines of the function fg writes, and its body nodes."""
    body = fg.block(0, count)
    if not body or not body[-1].jump:
        node = fg.return_node()
        body.append(node if node is not REJECT else Jump("return", "None"))
        if fg.outcome is None and fg.st.live:
            fg.end_live(("return", None))
    header = "def %s(%s):" % (fg.name, ", ".join(
        p if d is None else "%s=%s" % (p, d) for p, _, d in fg.params))
    lines = [header]
    if fg.rng.random() < 0.3:
        lines.append('    """%s"""' % fg.rng.choice(DOCSTRINGS))
    return lines + render_block(body, "    "), body


# ---------------------------------------------------------------- calls

def arg_like(fg, sample):
    """Code of an argument resembling sample, from the caller's names."""
    if is_array(sample):
        same = fg.expr.name(lambda v: is_array(v) and v.shape == sample.shape)
        similar = fg.expr.name(lambda v: is_array(v) and v.ndim == sample.ndim)
        return same or similar or fg.expr.gen("arr", 2).code
    if sample is None:
        return "None"
    if is_number(sample):
        want = {"b": "bool", "i": "int", "f": "float"}[kind(sample)] if is_py_scalar(sample) else "scalar"
        return fg.expr.gen(want, 2).code
    return fg.expr.gen("num", 2).code


def call_code(fg, helper):
    parts, keyword = [], False
    params = helper.params
    cut = len(params)
    while cut > 0 and params[cut - 1][2] is not None and fg.rng.random() < 0.5:
        cut -= 1
    for name, sample, _ in params[:cut]:
        arg = arg_like(fg, sample)
        keyword = keyword or (fg.rng.random() < 0.15 and len(parts) > 0)
        parts.append("%s=%s" % (name, arg) if keyword else arg)
    return "%s(%s)" % (helper.name, ", ".join(parts))


def new_helper(fg, want):
    prog = fg.prog
    taken = {h.name for h in prog.helpers} | prog.pending_names
    name = fg.rng.choice([n for n in HELPER_NAMES if n not in taken])
    prog.pending += 1  # before the arguments, which may call new helpers too
    prog.pending_names.add(name)
    count = fg.rng.choice([1, 1, 2, 2, 3])
    params, arg_codes, used = [], [], set()
    for i in range(count):
        e = fg.expr.gen("arr" if i == 0 and fg.rng.random() < 0.8 else "num", 2)
        value = e.value
        pool = ARRAY_PARAMS if is_array(value) else FLOAT_PARAMS + INT_PARAMS
        pname = fg.rng.choice([p for p in pool if p not in used])
        used.add(pname)
        default = None
        if i == count - 1 and i > 0 and is_py_scalar(value) and fg.rng.random() < 0.4:
            default = repr(value)
        params.append((pname, value, default))
        arg_codes.append(e.code)
    sub = FuncGen(prog, name, params, live=fg.st.live, is_entry=False, depth=fg.gen_depth + 1)
    lines, body = function_lines(sub, fg.rng.randint(2, 5))
    prog.pending -= 1
    helper = Helper(name, params, lines, before=fg.rng.random() < 0.5)
    prog.sandbox.globals[name] = interpreted(prog.sandbox, lines, body)
    prog.helpers.append(helper)
    return helper, "%s(%s)" % (name, ", ".join(arg_codes))


def interpreted(sandbox, lines, body):
    """The helper as a Python callable that runs its body through the
    interpreter of gen_nodes (which bounds loops and value sizes), with
    the parameters bound as CPython binds them."""
    namespace = dict(sandbox.globals)
    exec("\n".join(lines), namespace)  # noqa: S102 - only for the signature
    signature = inspect.signature(namespace[lines[0].split("(")[0][4:]])

    def call(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        signal = run_block(sandbox, body, dict(bound.arguments))
        return signal[1] if isinstance(signal, tuple) else None
    return call




def generate(seed):
    """The Program of one seed (deterministic)."""
    with Quiet(), contextlib.redirect_stdout(io.StringIO()):
        return Program(seed).generate()


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("-o", "--out")
    opts = ap.parse_args(argv)
    text = generate(opts.seed).source()
    if opts.out:
        with open(opts.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
