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
"""

import collections

import numpy as np

from gen_core import (broadcastable, is_array, is_int_tuple, is_np_scalar, is_number, is_py_float,
                      is_py_int, is_py_scalar, is_scalar, kind, shape, size, valid)

Expr = collections.namedtuple("Expr", "code ok value")

WANTS = {
    "num": is_number,
    "arr": is_array,
    "scalar": is_scalar,
    "int": is_py_int,
    "float": is_py_float,
    "bool": lambda v: type(v) is bool or isinstance(v, np.bool_),
    "cond": lambda v: is_number(v) and size(v) <= 1,
}

FLOAT_LITERALS = ["0.5", "1.0", "2.0", "0.1", "1e-05", "-1.0", "3.0", "0.25", "0.0", "1.5", "-0.5",
                  "0.9", "10.0", "0.01", "-2.0", "4.0"]
INT_LITERALS = ["0", "1", "1", "2", "2", "3", "4", "-1", "5", "10", "-2"]
DTYPE_SPELLINGS = [("np.float32", 4), ("np.float64", 3), ("np.int32", 2), ("np.int64", 2),
                   ("np.bool_", 1), ('"float32"', 0.3), ("float", 0.3), ("int", 0.2)]
UNARY_UFUNCS = [("exp", 4), ("tanh", 4), ("sqrt", 3), ("log", 3), ("abs", 3), ("square", 2),
                ("log1p", 1), ("sign", 1), ("floor", 1), ("ceil", 1), ("round", 1), ("sin", 1),
                ("cos", 1), ("negative", 1), ("isnan", 0.5), ("isinf", 0.3), ("isfinite", 0.5),
                ("logical_not", 0.5), ("expm1", 0.3), ("log2", 0.3), ("log10", 0.3),
                ("arctan", 0.3), ("arcsin", 0.2), ("arccos", 0.2), ("sinh", 0.2), ("cosh", 0.2),
                ("tan", 0.2), ("trunc", 0.3), ("positive", 0.2), ("absolute", 0.3),
                ("invert", 0.2), ("bitwise_not", 0.1)]
BINARY_UFUNCS = [("maximum", 4), ("minimum", 3), ("power", 1), ("add", 1), ("subtract", 1),
                 ("multiply", 1), ("divide", 1), ("true_divide", 0.3), ("floor_divide", 0.5),
                 ("mod", 0.5), ("remainder", 0.3), ("logical_and", 0.7), ("logical_or", 0.7),
                 ("logical_xor", 0.3), ("greater", 0.5), ("less", 0.5), ("equal", 0.3),
                 ("not_equal", 0.2), ("greater_equal", 0.2), ("less_equal", 0.2),
                 ("bitwise_and", 0.2), ("bitwise_or", 0.2), ("bitwise_xor", 0.1),
                 ("left_shift", 0.1), ("right_shift", 0.1)]
REDUCTIONS = [("sum", 5), ("mean", 5), ("max", 4), ("min", 3), ("argmax", 3), ("argmin", 1),
              ("prod", 1), ("all", 1), ("any", 1.5), ("var", 1.5), ("std", 2)]
MATH_FUNCS = [("sqrt", 3), ("exp", 3), ("log", 3), ("tanh", 2), ("fabs", 1), ("floor", 1),
              ("ceil", 1), ("cos", 1), ("sin", 1), ("log1p", 1), ("atan", 0.5), ("trunc", 0.5),
              ("log2", 0.5), ("log10", 0.5), ("acos", 0.3), ("asin", 0.3), ("expm1", 0.3),
              ("sinh", 0.2), ("cosh", 0.2), ("tan", 0.2)]
# np.floor/ceil/trunc of integers: float64 in the oracle's NumPy 1.24, the
# integer dtype in NumPy 2 and in pygraft (runtime/kernels_math.cc): not
# generated, see FINDINGS.md.
ROUNDING = ("floor", "ceil", "trunc")
ARITH_OPS = [("+", 6), ("-", 5), ("*", 6), ("/", 4), ("//", 0.7), ("%", 0.7), ("**", 1)]
BIT_OPS = [("&", 3), ("|", 2), ("^", 1), ("<<", 0.5), (">>", 0.5)]
CMP_OPS = [(">", 4), ("<", 3), (">=", 1), ("<=", 1), ("==", 1), ("!=", 0.7)]


def paren(code):
    """Parenthesises code unless it is a name, a literal or a call/subscript."""
    simple = code.replace("_", "a").replace(".", "a")
    if simple.isalnum() or (code.endswith(")") and code[0].isalpha() and _balanced_call(code)) \
            or (code.endswith("]") and code[0].isalpha() and _balanced_call(code)):
        return code
    return "(%s)" % code


def _balanced_call(code):
    """True when code is NAME...(...) or NAME...[...] with no top-level operator."""
    depth = 0
    for i, ch in enumerate(code):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth == 0 and ch in " +-*/%<>=!&|^~,":
            return False
    return True


class ExprGen:
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

    # ------------------------------------------------------------ NumPy
    def p_ufunc1(self, want, depth):
        fn = self.weighted(UNARY_UFUNCS)
        arg = self.sub("arr" if want == "arr" else "num", depth)
        if fn in ("invert", "bitwise_not") and kind(arg.value) not in ("b", "i"):
            fn = "abs"
        if fn in ROUNDING and kind(arg.value) in ("b", "i"):
            return None  # pygraft keeps NumPy 2's integer dtype here, the oracle (1.24) gives float64
        if fn == "round" and self.rng.random() < 0.6:
            digits = self.rng.choice(["1", "2", "decimals=1", ""])
            form = self.rng.choice(["np.round(%s%s)", "np.around(%s%s)", "%s.round(%s)"])
            if form.startswith("%s.round"):
                if not is_array(arg.value):
                    return None
                return form % (paren(arg.code), digits)
            return form % (arg.code, ", " + digits if digits else "")
        return "np.%s(%s)" % (fn, arg.code)

    def p_ufunc2(self, want, depth):
        fn = self.weighted(BINARY_UFUNCS)
        if fn.startswith(("bitwise", "left_", "right_")):
            intlike = lambda v: kind(v) in ("b", "i")  # noqa: E731
            a = self.sub("arr" if want == "arr" else "num", depth, accept=intlike)
            b = self.sub("num", depth, accept=lambda v: intlike(v) and broadcastable(shape(v), shape(a.value))) \
                if not fn.endswith("shift") else self.evaluate(self.rng.choice(["1", "2", "0"]))
            return "np.%s(%s, %s)" % (fn, a.code, b.code)
        a = self.sub("arr" if want == "arr" else "num", depth)
        if fn in ("maximum", "minimum") and self.rng.random() < 0.5:
            return "np.%s(%s, %s)" % (fn, a.code, self.rng.choice(["0.0", "0", "1.0", "-1.0"]))
        if fn == "power":
            return "np.power(%s, %s)" % (a.code, self.rng.choice(["2", "0.5", "3", "2.0", "-1"]))
        b = self.operand_like(shape(a.value), depth)
        return "np.%s(%s, %s)" % (fn, a.code, b.code)

    def p_where(self, want, depth):
        a = self.sub("arr", depth)
        op = self.weighted(CMP_OPS)
        cond = "%s %s %s" % (paren(a.code), op, self.scalar_literal_for(a.value))
        b = self.operand_like(shape(a.value), depth)
        if self.rng.random() < 0.5:
            b = self.evaluate(self.rng.choice(["0.0", "0", "0.01 * %s" % paren(a.code), "-1.0"]))
        return "np.where(%s, %s, %s)" % (cond, a.code, b.code)

    def p_clip(self, want, depth):
        a = self.sub("arr" if want == "arr" else "num", depth)
        lo, hi = self.rng.choice([("-1.0", "1.0"), ("0.0", "1.0"), ("0", "5"), ("-0.5", "0.5"),
                                  ("1e-05", "1.0")])
        if is_array(a.value) and self.rng.random() < 0.4:
            return "%s.clip(%s, %s)" % (paren(a.code), lo, hi)
        return "np.clip(%s, %s, %s)" % (a.code, lo, hi)

    def reduction_call(self, arr, fn, axis):
        """np.F(x, ...) or x.F(...) with optional keepdims/dtype/ddof."""
        kwargs = []
        if axis is not None:
            kwargs.append(("axis", axis))
        if fn in ("sum", "mean", "prod", "var", "std") and self.rng.random() < 0.12:
            kwargs.append(("dtype", self.rng.choice(["np.float64", "np.float32", "np.int64"])))
        if fn in ("var", "std") and self.rng.random() < 0.2:
            kwargs.append(("ddof", "1"))
        if axis is not None and self.rng.random() < 0.3:
            kwargs.append(("keepdims", "True"))
        method = fn not in ("amax", "amin") and self.rng.random() < 0.45
        if kwargs and kwargs[0][0] == "axis" and self.rng.random() < 0.25:
            args = [kwargs[0][1]] + ["%s=%s" % kv for kv in kwargs[1:]]
        else:
            args = ["%s=%s" % kv for kv in kwargs]
        if method:
            return "%s.%s(%s)" % (paren(arr.code), fn, ", ".join(args))
        name = fn
        if fn in ("max", "min") and self.rng.random() < 0.2:
            name = "a" + fn
        return "np.%s(%s)" % (name, ", ".join([arr.code] + args))

    def p_reduce(self, want, depth):
        fn = self.weighted(REDUCTIONS)
        arr = self.sub("arr", depth)
        if want in ("scalar", "bool", "cond") or self.rng.random() < 0.35:
            return self.reduction_call(arr, fn, None)
        return self.reduction_call(arr, fn, self.axis_for(np.ndim(arr.value)))

    def p_norm(self, want, depth):
        arr = self.sub("arr", depth)
        if want == "arr" and np.ndim(arr.value) >= 1:
            return "np.linalg.norm(%s, axis=%s%s)" % (
                arr.code, self.axis_for(np.ndim(arr.value), False, False),
                ", keepdims=True" if self.rng.random() < 0.3 else "")
        return "np.linalg.norm(%s)" % arr.code

    def p_cumsum(self, want, depth):
        arr = self.sub("arr", depth)
        axis = self.axis_for(np.ndim(arr.value), allow_tuple=False)
        args = "" if axis is None else "axis=%s" % axis
        if self.rng.random() < 0.5:
            return "np.cumsum(%s%s)" % (arr.code, ", " + args if args else "")
        return "%s.cumsum(%s)" % (paren(arr.code), args)

    def p_matmul(self, want, depth):
        a = self.sub("arr", depth, accept=lambda v: np.ndim(v) in (1, 2))
        if not is_array(a.value) or np.ndim(a.value) == 0:
            return None
        k = shape(a.value)[-1]
        b = self.name(lambda v: is_array(v) and np.ndim(v) in (1, 2) and shape(v)[0] == k)
        if b is None or self.rng.random() < 0.4:
            m = self.rng.choice([1, 2, 3, 4])
            b = self.rng.choice(["np.ones((%d, %d)) * 0.5" % (k, m), "np.eye(%d)" % k,
                                 "np.arange(%d).reshape(%d, %d) * 0.1" % (k * m, k, m),
                                 "np.ones(%d)" % k, "np.linspace(-1.0, 1.0, %d)" % k])
        form = self.weighted([("@", 5), ("np.dot", 2), (".dot", 1), ("np.matmul", 1), ("outer", 0.5)])
        if form == "@":
            return "%s @ %s" % (paren(a.code), paren(b))
        if form == ".dot":
            return "%s.dot(%s)" % (paren(a.code), b)
        if form == "outer":
            return "np.outer(%s, %s)" % (a.code, b)
        return "%s(%s, %s)" % (form, a.code, b)

    def p_join(self, want, depth):
        a = self.sub("arr", depth, accept=lambda v: np.ndim(v) >= 1)
        sh = shape(a.value)
        b = self.name(lambda v: is_array(v) and shape(v) == sh)
        if b is None or self.rng.random() < 0.5:
            b = self.rng.choice(["%s * 2.0" % paren(a.code), "np.zeros_like(%s)" % a.code,
                                 "-%s" % paren(a.code), "np.ones(%s)" % ((sh,) if len(sh) != 1 else sh[0])])
        fn = self.rng.choice(["concatenate", "concatenate", "stack"])
        axis = ""
        if self.rng.random() < 0.4 and sh:
            nd = len(sh) + (1 if fn == "stack" else 0)
            axis = ", axis=%d" % self.rng.randrange(-nd, nd)
        brackets = "[%s, %s]" if self.rng.random() < 0.8 else "(%s, %s)"
        return "np.%s(%s%s)" % (fn, brackets % (a.code, b), axis)

    def p_astype(self, want, depth):
        a = self.sub("arr", depth)
        if self.rng.random() < 0.3:
            return "np.asarray(%s, dtype=%s)" % (a.code, self.dtype())
        return "%s.astype(%s)" % (paren(a.code), self.dtype())

    def p_array_literal(self, want, depth):
        n = self.rng.choice([1, 2, 2, 3, 3, 4])
        elems = [self.sub("scalar", depth + 1).code for _ in range(n)]
        if self.rng.random() < 0.2 and n % 2 == 0:
            half = n // 2
            body = "[[%s], [%s]]" % (", ".join(elems[:half]), ", ".join(elems[half:]))
        else:
            body = "[%s]" % ", ".join(elems)
        dt = ", dtype=%s" % self.dtype() if self.rng.random() < 0.3 else ""
        return "np.array(%s%s)" % (body, dt)

    def shape_code(self):
        r = self.rng.random()
        n = self.name(is_array)
        if n and r < 0.12:
            return self.rng.choice(["%s.shape + (2,)", "(1,) + %s.shape", "%s.shape * 2",
                                    "%s.shape[1:]", "%s.shape[:-1] + (3,)"]) % ((n,) * 1)
        if n and r < 0.3:
            return "%s.shape" % n
        if n and r < 0.4 and np.ndim(self.ctx.vals[n]) >= 1:
            return "len(%s)" % n
        if r < 0.5:
            i = self.name(lambda v: is_py_int(v) and 0 <= v <= 5)
            if i:
                return i if self.rng.random() < 0.5 else "(%s, %d)" % (i, self.rng.randint(1, 3))
        dims = self.rng.choice([(3,), (2, 3), (4,), (2, 2), (0,), (1, 4), (3, 1), (2,)])
        return str(dims[0]) if len(dims) == 1 and self.rng.random() < 0.5 else str(dims)

    def p_creation(self, want, depth):
        fn = self.weighted([("zeros", 4), ("ones", 3), ("full", 1.5), ("zeros_like", 2),
                            ("ones_like", 1.5), ("full_like", 1), ("eye", 1), ("arange", 2),
                            ("linspace", 1.5), ("empty", 0.3), ("empty_like", 0.3),
                            ("identity", 0.2), ("array", 2), ("array0d", 0.6)])
        dt = ", dtype=%s" % self.dtype() if self.rng.random() < 0.25 else ""
        if fn in ("zeros", "ones", "empty"):
            return "np.%s(%s%s)" % (fn, self.shape_code(), dt)
        if fn == "full":
            return "np.full(%s, %s%s)" % (self.shape_code(), self.rng.choice(FLOAT_LITERALS), dt)
        if fn in ("zeros_like", "ones_like", "empty_like", "full_like"):
            n = self.name(is_array) or self.name(is_number)
            if n is None:
                return None
            fill = ", %s" % self.rng.choice(FLOAT_LITERALS) if fn == "full_like" else ""
            return "np.%s(%s%s%s)" % (fn, n, fill, dt)
        if fn == "array0d":
            arg = self.sub("scalar", depth + 1)
            return "np.%s(%s%s)" % (self.rng.choice(["array", "asarray"]), arg.code, dt)
        if fn in ("eye", "identity"):
            k = self.rng.choice(["2", "3", "4"])
            if fn == "eye" and self.rng.random() < 0.3:
                return "np.eye(%s, %s%s)" % (k, self.rng.choice(["2", "3", "k=1", "M=2"]), dt)
            return "np.%s(%s%s)" % (fn, k, dt)
        if fn == "arange":
            return self.rng.choice(["np.arange(%s%s)" % (self.rng.choice(["3", "4", "6"]), dt),
                                    "np.arange(1, 5)", "np.arange(0.0, 1.0, 0.25)",
                                    "np.arange(6).reshape(2, 3)", "np.arange(4, 0, -1)"])
        if fn == "linspace":
            return "np.linspace(%s, %s, %s%s)" % (
                self.rng.choice(["0.0", "-1.0", "0"]), self.rng.choice(["1.0", "2.0", "3"]),
                self.rng.choice(["3", "4", "5", "2"]),
                ", endpoint=False" if self.rng.random() < 0.2 else dt)
        return self.p_array_literal(want, depth)

    def p_shape_op(self, want, depth):
        a = self.sub("arr", depth)
        v = a.value
        nd, sz = np.ndim(v), size(v)
        op = self.weighted([("reshape", 4), ("T", 2), ("transpose", 1), ("expand", 1.5),
                            ("squeeze", 1), ("flatten", 2), ("copy", 2)])
        x = paren(a.code)
        if op == "reshape":
            target = self.reshape_target(sz, shape(v))
            form = self.rng.random()
            if form < 0.4:
                return "%s.reshape(%s)" % (x, target.strip("()").rstrip(",") or "-1")
            if form < 0.8:
                return "%s.reshape(%s)" % (x, target)
            return "np.reshape(%s, %s)" % (a.code, target)
        if op == "T":
            return "%s.T" % x
        if op == "transpose":
            if nd == 2 and self.rng.random() < 0.5:
                return self.rng.choice(["%s.transpose(1, 0)" % x, "np.transpose(%s, (1, 0))" % a.code])
            return self.rng.choice(["%s.transpose()" % x, "np.transpose(%s)" % a.code])
        if op == "expand":
            return "np.expand_dims(%s, %s)" % (a.code, self.rng.choice(["0", "-1", "axis=0", "1"]))
        if op == "squeeze":
            ones = [i for i, d in enumerate(shape(v)) if d == 1]
            if ones and self.rng.random() < 0.6:
                return self.rng.choice(["np.squeeze(%s, axis=%d)" % (a.code, ones[0]),
                                        "%s.squeeze(%d)" % (x, ones[0])])
            return self.rng.choice(["%s.squeeze()" % x, "np.squeeze(%s)" % a.code])
        if op == "flatten":
            return self.rng.choice(["%s.flatten()" % x, "%s.ravel()" % x, "np.ravel(%s)" % a.code])
        return self.rng.choice(["%s.copy()" % x, "np.copy(%s)" % a.code])

    def reshape_target(self, sz, old):
        options = ["(-1,)", "(%d,)" % sz, "(1, -1)", "(-1, 1)"]
        for a in range(2, 5):
            if sz % a == 0 and sz // a > 0:
                options.append("(%d, %d)" % (a, sz // a))
                options.append("(%d, -1)" % a)
        if len(old) == 2:
            options.append("(%d, %d)" % (old[1], old[0]))
        return self.rng.choice(options)

    # ------------------------------------------------------------ indexing
    def index_for(self, dim):
        """An int index code, usually in range for an axis of length dim."""
        if dim == 0:
            return "0"
        i = self.name(lambda v: is_py_int(v) and -dim <= v < dim)
        r = self.rng.random()
        if i and r < 0.35:
            return i
        if r < 0.5:
            return "-1"
        return str(self.rng.randrange(-dim, dim))

    def p_index(self, want, depth):
        a = self.sub("arr", depth, accept=lambda v: np.ndim(v) >= 1)
        v = a.value
        if not is_array(v) or np.ndim(v) == 0:
            return None
        sh = shape(v)
        x = paren(a.code)
        if want in ("scalar", "bool", "cond") or self.rng.random() < 0.3:
            idx = ", ".join(self.index_for(d) for d in sh)
            if len(sh) >= 2 and self.rng.random() < 0.3:
                return "%s%s" % (x, "".join("[%s]" % self.index_for(d) for d in sh))
            return "%s[%s]" % (x, idx)
        form = self.weighted([("row", 3), ("slice", 3), ("col", 1.5), ("mask", 1.5), ("fancy", 1),
                              ("newaxis", 1), ("reverse", 0.7), ("step", 0.5)])
        n = sh[0]
        if form == "row":
            return "%s[%s]" % (x, self.index_for(n))
        if form == "slice":
            lo, hi = sorted(self.rng.sample(range(-1, n + 2), 2)) if n >= 1 else (0, 1)
            return self.rng.choice(["%s[%d:%d]" % (x, lo, hi), "%s[1:]" % x, "%s[:-1]" % x,
                                    "%s[:%d]" % (x, max(hi, 0))])
        if form == "col" and len(sh) >= 2:
            return self.rng.choice(["%s[:, %s]" % (x, self.index_for(sh[1])), "%s[:, 1:]" % x,
                                    "%s[:, :%d]" % (x, max(1, sh[1] - 1))])
        if form == "mask":
            mask = self.name(lambda m: is_array(m) and m.dtype == np.bool_ and shape(m) == sh)
            if mask is None or self.rng.random() < 0.6:
                mask = "%s %s %s" % (x, self.weighted(CMP_OPS), self.scalar_literal_for(v))
            return "%s[%s]" % (x, mask)
        if form == "fancy":
            count = self.rng.randint(1, 3)
            picks = ", ".join(str(self.rng.randrange(-n, n) if n else 0) for _ in range(count))
            return self.rng.choice(["%s[np.array([%s])]" % (x, picks),
                                    "%s[np.arange(%d)]" % (x, min(n, 2))])
        if form == "newaxis":
            return self.rng.choice(["%s[None]" % x, "%s[:, None]" % x, "%s[np.newaxis, :]" % x,
                                    "%s[None, :]" % x])
        if form == "reverse":
            return "%s[::-1]" % x
        return "%s[::2]" % x

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

    # ------------------------------------------------------------ risky
    def risky(self, want):
        """A construct that raises in Python for the current values (mostly)."""
        method = self.weighted(RISKY)
        return getattr(self, method)(want)

    def r_zero_div(self, want):
        s = self.name(lambda v: is_py_scalar(v) and v == 0)
        den = s or self.rng.choice(["0", "0.0", "(1 - 1)", "int(0.5)"])
        num = self.name(is_py_scalar) or "1.0"
        return "%s %s %s" % (num, self.rng.choice(["/", "//", "%"]), den)

    def r_math_domain(self, want):
        fn = self.rng.choice(["sqrt(-1.0)", "log(0.0)", "log(-2.0)", "acos(2.0)", "exp(1000.0)",
                              "asin(-1.5)", "log10(0)", "cosh(1000.0)"])
        n = self.name(lambda v: is_scalar(v) and (v < 0 if kind(v) != "b" else False))
        if n and self.rng.random() < 0.5:
            return "math.%s(%s)" % (self.rng.choice(["sqrt", "log"]), n)
        return "math.%s" % fn

    def r_index(self, want):
        a = self.name(lambda v: is_array(v) and np.ndim(v) >= 1)
        if a is None:
            return None
        n = shape(self.ctx.vals[a])[0]
        return "%s[%s]" % (a, self.rng.choice([str(n), str(-n - 1), "len(%s)" % a, str(n + 2)]))

    def r_broadcast(self, want):
        a = self.name(lambda v: is_array(v) and np.ndim(v) >= 1)
        if a is None:
            return None
        sh = shape(self.ctx.vals[a])
        b = self.name(lambda v: is_array(v) and not broadcastable(shape(v), sh))
        other = b or "np.ones(%d)" % (sh[-1] + 1)
        return "%s %s %s" % (a, self.rng.choice(["+", "*", "-"]), other)

    def r_empty_reduce(self, want):
        a = self.name(lambda v: is_array(v) and size(v) == 0)
        src = a or self.rng.choice(["np.zeros(0)", "np.ones((0, 2))"])
        return "np.%s(%s)" % (self.rng.choice(["max", "min", "argmax", "argmin"]), src)

    def r_int_of_nan(self, want):
        return "int(%s)" % self.rng.choice(["np.nan", "math.inf", "-math.inf", "math.nan"])

    def r_neg_power(self, want):
        a = self.name(lambda v: kind(v) == "i")
        return "%s ** -1" % a if a else "np.power(2, -1)"

    def r_scalar_method(self, want):
        """A method or attribute of a Python scalar: AttributeError."""
        n = self.name(is_py_scalar)
        if n is None:
            return None
        return "%s.%s" % (n, self.rng.choice(["max()", "astype(np.float32)", "size", "shape",
                                               "sum()", "mean()", "ndim"]))

    def r_unpack_shape(self, want):
        """A tuple of the wrong length as a shape."""
        a = self.name(lambda v: is_array(v) and v.ndim >= 1)
        if a is None:
            return None
        return "np.zeros(%s.shape + (2,)).reshape(%s.shape)" % (a, a)

    def r_reshape(self, want):
        a = self.name(lambda v: is_array(v) and size(v) > 1)
        if a is None:
            return None
        return "%s.reshape(%d, -1)" % (a, size(self.ctx.vals[a]) + 1)

    def r_truth(self, want):
        a = self.name(lambda v: is_array(v) and size(v) > 1)
        if a is None:
            return None
        return "%s > 0 and %s" % (a, self.rng.choice(["True", "1.0"]))

    def r_float_overflow(self, want):
        return self.rng.choice(["10.0 ** 400", "2.0 ** 2000", "math.exp(800.0)", "(1e308 * 10.0) // 0.0"])


def _p(*pairs):
    return list(pairs)


PRODUCTIONS = {
    "num": _p(("p_name", 5), ("p_arith", 6), ("p_ufunc1", 3), ("p_ufunc2", 2), ("p_reduce", 2.5),
              ("p_shape_op", 1.5), ("p_creation", 1.5), ("p_index", 2.5), ("p_where", 1),
              ("p_clip", 0.7), ("p_matmul", 1.5), ("p_join", 0.7), ("p_astype", 1),
              ("p_compare", 0.8), ("p_bitwise", 0.4), ("p_unary", 0.8), ("p_call", 1.5),
              ("p_ternary", 0.4), ("p_literal", 1), ("p_math", 0.5), ("p_builtin", 0.6),
              ("p_norm", 0.3), ("p_cumsum", 0.3), ("p_const", 0.3), ("p_np_scalar_fn", 0.3),
              ("p_boolop", 0.2)),
    "arr": _p(("p_name", 4), ("p_arith", 6), ("p_ufunc1", 3), ("p_ufunc2", 2), ("p_reduce", 1.5),
              ("p_shape_op", 2), ("p_creation", 2.5), ("p_index", 2.5), ("p_where", 1.2),
              ("p_clip", 0.8), ("p_matmul", 2), ("p_join", 1), ("p_astype", 1.5),
              ("p_compare", 0.8), ("p_bitwise", 0.3), ("p_unary", 0.6), ("p_call", 1.5),
              ("p_ternary", 0.3), ("p_norm", 0.3), ("p_cumsum", 0.5), ("p_array_literal", 0.8)),
    "scalar": _p(("p_name", 4), ("p_literal", 2), ("p_reduce", 4), ("p_index", 2.5),
                 ("p_arith", 3), ("p_math", 2), ("p_builtin", 2), ("p_np_scalar_fn", 0.7),
                 ("p_call", 0.7), ("p_ternary", 0.4), ("p_norm", 0.5), ("p_const", 0.5),
                 ("p_unary", 0.5), ("p_shape_int", 1), ("p_boolop", 0.2)),
    "int": _p(("p_literal", 3), ("p_name", 3), ("p_shape_int", 3), ("p_int_of", 2),
              ("p_builtin", 2), ("p_arith", 2), ("p_const", 0.5), ("p_unary", 0.3),
              ("p_ternary", 0.3), ("p_bitwise", 0.2)),
    "float": _p(("p_literal", 3), ("p_name", 3), ("p_float_of", 2.5), ("p_math", 2.5),
                ("p_arith", 2), ("p_builtin", 1), ("p_const", 0.7), ("p_ternary", 0.3),
                ("p_unary", 0.3)),
    "bool": _p(("p_compare", 5), ("p_chained", 1), ("p_not", 1), ("p_boolop", 1), ("p_in", 0.6),
               ("p_is_none", 0.5), ("p_builtin", 0.5), ("p_any_all", 1.5), ("p_name", 1),
               ("p_literal", 0.2), ("p_dtype_cmp", 0.3), ("p_math_pred", 0.4)),
    "cond": _p(("p_compare", 6), ("p_chained", 1), ("p_not", 1), ("p_boolop", 1.2),
               ("p_in", 0.6), ("p_is_none", 0.6), ("p_any_all", 1.5), ("p_name", 1.2),
               ("p_reduce", 0.5), ("p_builtin", 0.3), ("p_index", 0.5), ("p_dtype_cmp", 0.3),
               ("p_math_pred", 0.3)),
}

RISKY = [("r_zero_div", 3), ("r_math_domain", 3), ("r_index", 3), ("r_broadcast", 2),
         ("r_empty_reduce", 1.5), ("r_int_of_nan", 0.7), ("r_neg_power", 1), ("r_reshape", 1),
         ("r_truth", 1.5), ("r_float_overflow", 0.7), ("r_scalar_method", 1),
         ("r_unpack_shape", 0.3)]
