"""Python builtins (len abs min max float int bool round) and the math module."""
import math
import numpy as np

EPS = 1e-6
HALF_PI = math.pi / 2


def builtin_numbers(a, b):
    """abs, min, max (which return one of their arguments) on Python numbers."""
    return abs(a), abs(-b), min(a, b), max(a, b), min(a, b, 0), max(3, 2.5), min(2.5, 3)


# CASE builtin_numbers: -3 4
# CASE builtin_numbers: 2.5 -7.25


def conversions(x):
    """float(), int() (truncating toward zero) and bool() of numbers."""
    return float(x), int(x), bool(x), int(-2.7), float(3), bool(0), bool(0.0), int(True)


# CASE conversions: 3.9
# CASE conversions: -2
# CASE conversions: 0


def conversions_of_numpy(x):
    """float(), int(), bool() of NumPy scalars give Python numbers."""
    total = np.sum(x)
    return float(total), int(total), bool(total > 2), float(x[0]), int(x[-1] * 2)


# CASE conversions_of_numpy: [1.5,2.75]
# CASE conversions_of_numpy: [1,2]


def python_round(x):
    """round() rounds half to even; with ndigits it returns a float."""
    return round(x), round(2.5), round(3.5), round(-0.5), round(x, 2), round(x, 0)


# CASE python_round: 2.675
# CASE python_round: -1.5


def lengths(x):
    """len() of arrays of several ranks."""
    return len(x), len(x[0]), len(x.T), len(x.flatten())


# CASE lengths: [[1,2,3],[4,5,6]]


def abs_of_array(x):
    """abs() on an array is np.abs."""
    return abs(x), abs(x.astype(np.int32))


# CASE abs_of_array: [-1.5,2.0,-0.0]


def math_functions(x):
    """math.* functions return Python floats (floor/ceil/trunc ints)."""
    return (math.sqrt(x), math.exp(x), math.log(x), math.log1p(x), math.expm1(x),
            math.log2(x), math.log10(x), math.tanh(x), math.sin(x), math.cos(x),
            math.tan(x), math.sinh(x), math.cosh(x), math.atan(x), math.fabs(-x),
            math.pow(x, 3), math.floor(x), math.ceil(x), math.trunc(-x))


# CASE math_functions: 2.5
# CASE math_functions: 4


def math_inverse_trig(x):
    """math.asin and math.acos on [-1, 1]."""
    return math.asin(x), math.acos(x)


# CASE math_inverse_trig: 0.5
# CASE math_inverse_trig: -1.0


def math_constants():
    """math.pi, math.e, math.tau, math.inf, math.nan and derived constants."""
    return math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, HALF_PI, EPS


# CASE math_constants:


def math_predicates(x):
    """math.isnan, math.isinf, math.isfinite."""
    y = x * math.inf
    return math.isnan(x), math.isinf(y), math.isfinite(x), math.isnan(y - y)


# CASE math_predicates: 1.5
# CASE math_predicates: -2


def math_on_numpy_scalar(x):
    """math functions accept NumPy scalars and return Python floats."""
    m = np.max(x)
    return math.sqrt(m), math.exp(-m), math.floor(m)


# CASE math_on_numpy_scalar: [1.0,4.0,2.25]


def gelu_constant(x):
    """math constants mixed with NumPy arrays stay weak (float32 stays float32)."""
    x32 = x.astype(np.float32)
    c = math.sqrt(2.0 / math.pi)
    return c * x32, x * math.e


# CASE gelu_constant: [1.0,-2.0]


def numpy_constants_in_math(x):
    """np.pi / np.e are Python floats usable in math calls."""
    return math.cos(np.pi * x), math.log(np.e), np.inf > x, np.isnan(np.nan)


# CASE numpy_constants_in_math: 1.0
