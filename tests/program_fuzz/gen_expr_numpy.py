"""NumPy productions of the expression generator (a mixin of
gen_expr.ExprGen): ufuncs, reductions, linear algebra, joins, dtypes,
creation, shape operations and indexing."""

import numpy as np

from gen_core import broadcastable, is_array, is_number, is_py_int, kind, shape, size
from gen_tables import (BINARY_UFUNCS, CMP_OPS, FLOAT_LITERALS, REDUCTIONS, ROUNDING, UNARY_UFUNCS,
                        paren)


class NumpyProductions:
    def p_ufunc1(self, want, depth):
        fn = self.weighted(UNARY_UFUNCS)
        arg = self.sub("arr" if want == "arr" else "num", depth)
        if fn in ("invert", "bitwise_not") and kind(arg.value) not in ("b", "i"):
            fn = "abs"
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
            dt = self.rng.choice(["np.float64", "np.float32", "np.int64"])
            if dt == "np.int64" and not np.all(np.isfinite(np.asarray(arr.value, dtype=np.float64))):
                dt = "np.float64"  # NaN / inf cast to int64 is undefined in C: NumPy gives garbage
            kwargs.append(("dtype", dt))
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

