"""Productions that raise in Python for the current values (a mixin of
gen_expr.ExprGen): used where a program may end in an error."""

import numpy as np

from gen_core import broadcastable, is_array, is_py_scalar, is_scalar, kind, shape, size
from gen_tables import RISKY


class RiskyProductions:
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


