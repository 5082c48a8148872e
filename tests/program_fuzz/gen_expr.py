"""Expressions of the generated programs.

`ExprGen.gen(want)` writes one expression of a wanted kind and returns
`Expr(code, ok, value)`: the code, and what evaluating it in CPython on the
current values gave (the value, or the exception). Operands are chosen
among the names in scope by their actual values, so most expressions run
(broadcastable shapes, valid axes, indices in range); the productions in
RISKY write the constructs that raise in Python (zero division, domain
errors, out-of-range indices, ambiguous truth values, broadcasting errors,
empty reductions) and are used where the program may end in an error.

Wants: 'num' (any number), 'arr' (an ndarray), 'scalar', 'int' (a Python
int), 'float' (a Python float), 'bool' (a Python or NumPy bool), 'cond'
(something to test in `if`/`while`).

The productions live in three places: this module (plumbing, Python
arithmetic, logic and builtins), gen_expr_numpy.py (NumPy) and
gen_expr_risky.py (constructs that raise); the tables in gen_tables.py.
"""

import collections

import numpy as np

from gen_core import broadcastable, is_array, is_py_scalar, is_scalar, kind, shape, size, valid
from gen_expr_numpy import NumpyProductions
from gen_expr_risky import RiskyProductions
from gen_tables import (ARITH_OPS, BIT_OPS, CMP_OPS, DTYPE_SPELLINGS, FLOAT_LITERALS, INT_LITERALS,
                        MATH_FUNCS, PRODUCTIONS, ROUNDING, UNARY_UFUNCS, WANTS, paren)

Expr = collections.namedtuple("Expr", "code ok value")


class ExprGen(NumpyProductions, RiskyProductions):
    """Writes expressions over the values of one function being generated.

    ctx (gen_stmt.FuncGen) provides: rng, vals (name -> value, the live or
    sample values), names() (readable names, most recent last), sandbox,
    helper_call(depth) and consts (module constants)."""

    MAX_DEPTH = 3
    TRIES = 8

    def __init__(self, ctx):
        self.ctx = ctx

    # ------------------------------------------------------------ plumbing
    @property
    def rng(self):
        return self.ctx.rng

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        r = self.rng.random() * total
        for item, w in pairs:
            r -= w
            if r < 0:
                return item
        return pairs[-1][0]

    def evaluate(self, code):
        ok, value = self.ctx.sandbox.eval(code, self.ctx.vals)
        return Expr(code, ok, value)

    def name(self, pred):
        """A readable name whose value satisfies pred, recent ones preferred."""
        names = [n for n in self.ctx.names() if pred(self.ctx.vals[n])]
        if not names:
            return None
        weights = [1.0 + i for i in range(len(names))]
        return self.weighted(list(zip(names, weights)))

    def gen(self, want, depth=0, accept=None, risky_ok=False):
        """An expression of kind `want` whose value satisfies accept; with
        risky_ok the expression may raise (ok False)."""
        pred = WANTS[want]
        for _ in range(self.TRIES):
            if risky_ok and self.rng.random() < 0.25:
                code = self.risky(want)
            else:
                code = self.production(want, depth)
            if code is None:
                continue
            e = self.evaluate(code)
            if not e.ok:
                if risky_ok:
                    return e
                continue
            if valid(e.value) and pred(e.value) and (accept is None or accept(e.value)):
                return e
        return self.fallback(want, accept)

    def fallback(self, want, accept=None):
        pred = WANTS[want]
        n = self.name(lambda v: pred(v) and (accept is None or accept(v)))
        if n is not None:
            return self.evaluate(n)
        for code in {"int": ["1"], "float": ["1.0"], "bool": ["True"], "cond": ["True"],
                     "arr": ["np.ones(3)", "np.zeros((2, 2))", "np.arange(4)"]}.get(want, ["1.0", "2"]):
            e = self.evaluate(code)
            if e.ok and pred(e.value) and (accept is None or accept(e.value)):
                return e
        return self.evaluate({"arr": "np.ones(3)", "int": "1", "float": "1.0"}.get(want, "1.0"))

    def sub(self, want, depth, accept=None):
        """Code of a sub-expression (never raising)."""
        p_atom = (0.45, 0.7, 0.9)[min(depth, 2)]
        if depth >= self.MAX_DEPTH or self.rng.random() < p_atom:
            e = self.atom(want, accept)
            if e.ok:
                return e
        return self.gen(want, depth + 1, accept)

    def atom(self, want, accept=None):
        """A name or a literal."""
        pred = WANTS[want]
        n = self.name(lambda v: pred(v) and (accept is None or accept(v)))
        if n is not None and self.rng.random() < 0.93:
            return self.evaluate(n)
        lit = self.literal(want)
        e = self.evaluate(lit)
        if e.ok and pred(e.value) and (accept is None or accept(e.value)):
            return e
        return self.fallback(want, accept)

    def literal(self, want):
        if want == "int":
            return self.rng.choice(INT_LITERALS)
        if want in ("bool", "cond"):
            return self.rng.choice(["True", "False"])
        if want == "arr":
            return self.p_creation("arr", 3)
        return self.rng.choice(FLOAT_LITERALS if self.rng.random() < 0.7 else INT_LITERALS)

    def production(self, want, depth):
        table = PRODUCTIONS[want]
        method = self.weighted(table)
        return getattr(self, method)(want, depth)

    # ------------------------------------------------------------ operands
    def operand_like(self, ref_shape, depth, want="num"):
        """An operand whose shape broadcasts with ref_shape."""
        if self.rng.random() < 0.3:
            return self.evaluate(self.rng.choice(FLOAT_LITERALS + INT_LITERALS[:6]))
        return self.sub(want, depth, accept=lambda v: broadcastable(shape(v), ref_shape))

    def scalar_literal_for(self, value):
        k = kind(value)
        if k == "f" or self.rng.random() < 0.3:
            return self.rng.choice(FLOAT_LITERALS)
        return self.rng.choice(INT_LITERALS)

    def dtype(self):
        if self.rng.random() < 0.08:
            n = self.name(is_array)
            if n:
                return "%s.dtype" % n
        return self.weighted(DTYPE_SPELLINGS)

    def axis_for(self, ndim, allow_tuple=True, allow_none=True):
        r = self.rng.random()
        if ndim == 0:
            return self.rng.choice(["None", "0", "-1"]) if r < 0.15 else None
        if allow_none and r < 0.1:
            return "None"
        if allow_tuple and ndim >= 2 and r < 0.18:
            return self.rng.choice(["(0, 1)", "(-2, -1)", "(1, 0)"])
        return str(self.rng.randrange(-ndim, ndim))

    # ------------------------------------------------------------ arithmetic
    def p_name(self, want, depth):
        return self.name(WANTS[want])

    def p_literal(self, want, depth):
        return self.literal(want)

    def p_arith(self, want, depth):
        op = self.weighted(ARITH_OPS)
        sub_want = "num" if want in ("num", "arr") else ("scalar" if want == "scalar" else want)
        if want == "arr":
            left = self.sub("arr", depth)
        else:
            left = self.sub(sub_want, depth)
        if op == "**":
            right_code = self.rng.choice(["2", "2", "0.5", "3", "-1", "2.0", "0"])
            if want == "int":
                right_code = self.rng.choice(["2", "3", "0", "1"])
            return "%s ** %s" % (paren(left.code), right_code)
        right = self.operand_like(shape(left.value), depth,
                                  "num" if sub_want in ("num", "scalar") else sub_want)
        if want in ("int", "float") and not (is_py_scalar(right.value) and is_py_scalar(left.value)):
            right = self.atom(want)
        if op in ("/", "//", "%") and self.rng.random() < 0.5:
            right = self.evaluate(self.rng.choice(["2.0", "3", "0.5", "2", "(1.0 + 1e-05)"]))
        if op in ("/", "//", "%") and want == "int":
            right = self.evaluate(self.rng.choice(["2", "3", "4"]))
        return "%s %s %s" % (paren(left.code), op, paren(right.code))

    def p_bitwise(self, want, depth):
        op = self.weighted(BIT_OPS)
        intlike = lambda v: kind(v) in ("b", "i")  # noqa: E731
        left = self.sub("num" if want != "int" else "int", depth, accept=intlike)
        if not intlike(left.value):
            return None
        if op in ("<<", ">>"):
            return "%s %s %s" % (paren(left.code), op, self.rng.choice(["1", "2", "0", "3"]))
        right = self.sub("num" if want != "int" else "int", depth,
                         accept=lambda v: intlike(v) and broadcastable(shape(v), shape(left.value)))
        return "%s %s %s" % (paren(left.code), op, paren(right.code))

    def p_unary(self, want, depth):
        e = self.sub(want if want != "arr" else "arr", depth)
        r = self.rng.random()
        if r < 0.6:
            return "-%s" % paren(e.code)
        if r < 0.75 and kind(e.value) in ("b", "i"):
            return "~%s" % paren(e.code)
        if r < 0.85:
            return "+%s" % paren(e.code)
        return "abs(%s)" % e.code

    def p_compare(self, want, depth):
        op = self.weighted(CMP_OPS)
        left = self.sub("scalar" if want in ("bool", "cond") else "num", depth)
        right = self.operand_like(shape(left.value), depth,
                                  "scalar" if want in ("bool", "cond") else "num")
        return "%s %s %s" % (paren(left.code), op, paren(right.code))

    def p_chained(self, want, depth):
        n = self.name(is_scalar)
        mid = self.evaluate(n) if n else self.sub("scalar", depth)
        lo = self.rng.choice(["0", "0.0", "-1.0", "1"])
        hi = self.sub("scalar", depth) if self.rng.random() < 0.5 else self.evaluate(
            self.rng.choice(["1.0", "10", "3", "0.5"]))
        return "%s <= %s < %s" % (lo, paren(mid.code), paren(hi.code))

    def p_boolop(self, want, depth):
        a = self.sub("cond" if want in ("bool", "cond") else want, depth)
        b = self.sub("cond" if want in ("bool", "cond") else want, depth)
        op = self.rng.choice(["and", "or"])
        return "%s %s %s" % (paren(a.code), op, paren(b.code))

    def p_not(self, want, depth):
        return "not %s" % paren(self.sub("cond", depth).code)

    def p_in(self, want, depth):
        e = self.sub("scalar", depth)
        options = self.rng.choice(["(0, 1)", "(1, 2, 3)", "(0.0, 1.0)", "(2, 4)", "(-1, 0, 1)"])
        neg = "not " if self.rng.random() < 0.3 else ""
        return "%s %sin %s" % (paren(e.code), neg, options)

    def p_is_none(self, want, depth):
        n = self.name(lambda v: True)
        if n is None:
            return None
        return "%s is %sNone" % (n, "not " if self.rng.random() < 0.4 else "")

    def p_ternary(self, want, depth):
        body = self.sub(want, depth)
        other = self.sub(want, depth)
        cond = self.sub("cond", depth)
        return "%s if %s else %s" % (paren(body.code), paren(cond.code), paren(other.code))


    # ------------------------------------------------------------ Python
    def p_builtin(self, want, depth):
        r = self.rng.random()
        if want == "int":
            fn = self.weighted([("len", 3), ("int", 3), ("round", 1.5), ("min", 1), ("max", 1),
                                ("abs", 1)])
        elif want == "float":
            fn = self.weighted([("float", 4), ("abs", 1), ("min", 1), ("max", 1), ("round2", 1)])
        elif want in ("bool", "cond"):
            fn = "bool"
        else:
            fn = self.weighted([("abs", 2), ("min", 2), ("max", 2), ("float", 2), ("int", 1),
                                ("round", 1), ("len", 1), ("bool", 0.3)])
        if fn == "len":
            a = self.name(lambda v: is_array(v) and np.ndim(v) >= 1)
            return "len(%s)" % a if a else None
        if fn in ("min", "max"):
            sub = "int" if want == "int" else ("float" if want == "float" else "scalar")
            args = [self.sub(sub, depth).code for _ in range(2 if r < 0.8 else 3)]
            return "%s(%s)" % (fn, ", ".join(args))
        if fn == "round2":
            return "round(%s, %s)" % (self.sub("float", depth).code, self.rng.choice(["2", "1", "0"]))
        arg = self.sub("scalar", depth)
        if fn == "round" and kind(arg.value) == "b":
            return None
        return "%s(%s)" % (fn, arg.code)

    def p_shape_int(self, want, depth):
        a = self.name(is_array)
        if a is None:
            return None
        v = self.ctx.vals[a]
        r = self.rng.random()
        if r < 0.5 and np.ndim(v) >= 1:
            return "%s.shape[%s]" % (a, self.rng.randrange(-np.ndim(v), np.ndim(v)))
        if r < 0.6 and np.ndim(v) >= 1:
            return "np.shape(%s)[%d]" % (a, self.rng.randrange(np.ndim(v)))
        if r < 0.7:
            return "%s.ndim" % a
        if r < 0.8:
            return "np.ndim(%s)" % a
        if r < 0.9:
            return "np.size(%s)" % a
        return "%s.size" % a

    def p_int_of(self, want, depth):
        r = self.rng.random()
        if r < 0.4:
            a = self.sub("arr", depth, accept=lambda v: size(v) > 0)
            return "int(np.%s(%s))" % (self.rng.choice(["argmax", "argmin", "sum"]), a.code)
        if r < 0.7:
            return "math.%s(%s)" % (self.rng.choice(["floor", "ceil", "trunc"]),
                                    self.sub("float", depth).code)
        return "int(%s)" % self.sub("scalar", depth).code

    def p_math(self, want, depth):
        fn = self.weighted(MATH_FUNCS)
        if self.rng.random() < 0.08:
            return "math.pow(%s, %s)" % (self.sub("scalar", depth).code,
                                         self.rng.choice(["2", "0.5", "2.0", "-1"]))
        arg = self.sub("scalar", depth)
        if fn in ("sqrt", "log", "log2", "log10") and self.rng.random() < 0.6:
            return "math.%s(%s)" % (fn, self.rng.choice(["abs(%s) + 1e-05", "%s * %s + 1.0"]).replace(
                "%s", paren(arg.code)))
        return "math.%s(%s)" % (fn, arg.code)

    def p_float_of(self, want, depth):
        r = self.rng.random()
        if r < 0.6:
            a = self.sub("arr", depth)
            return "float(np.%s(%s))" % (self.rng.choice(["mean", "sum", "max", "std"]), a.code)
        if r < 0.8:
            return self.rng.choice(["math.pi", "np.pi", "math.e", "np.e", "math.tau", "np.inf",
                                    "math.inf", "np.nan"])
        return "float(%s)" % self.sub("scalar", depth).code

    def p_const(self, want, depth):
        names = [n for n, v in self.ctx.consts if WANTS[want](v)]
        return self.rng.choice(names) if names else None

    def p_np_scalar_fn(self, want, depth):
        """A NumPy function of a Python or NumPy scalar (NumPy's rules apply)."""
        fn = self.weighted(UNARY_UFUNCS[:12])
        arg = self.sub("scalar", depth)
        if fn in ROUNDING and kind(arg.value) in ("b", "i"):
            return None  # as in p_ufunc1
        return "np.%s(%s)" % (fn, arg.code)

    def p_any_all(self, want, depth):
        a = self.sub("arr", depth)
        fn = self.rng.choice(["any", "all"])
        if self.rng.random() < 0.5:
            return "np.%s(%s %s %s)" % (fn, paren(a.code), self.weighted(CMP_OPS),
                                        self.scalar_literal_for(a.value))
        return "%s.%s()" % (paren(a.code), fn) if self.rng.random() < 0.5 else "np.%s(%s)" % (fn, a.code)

    def p_math_pred(self, want, depth):
        return "math.%s(%s)" % (self.rng.choice(["isnan", "isinf", "isfinite"]),
                                self.sub("scalar", depth).code)

    def p_dtype_cmp(self, want, depth):
        a = self.name(is_array)
        if a is None:
            return None
        return "%s.dtype %s %s" % (a, self.rng.choice(["==", "!="]),
                                   self.rng.choice(["np.float32", "np.float64", "np.int64", "np.int32"]))

    def p_call(self, want, depth):
        return self.ctx.helper_call(want, depth)

