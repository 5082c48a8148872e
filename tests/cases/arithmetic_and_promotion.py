"""Arithmetic operators and NumPy 2 (NEP 50) dtype promotion.

Python scalars (literals, JSON number arguments) are weak: they never widen
an array's dtype. Arrays made float32/int32 inside the function keep that
width when combined with Python scalars.
"""
import numpy as np

SCALE = 2.0
OFFSET = 1
BIAS = SCALE * 0.25 + OFFSET


def add_sub_mul(a, b):
    """The three basic operators on broadcast-compatible arrays."""
    return a + b, a - b, a * b


# CASE add_sub_mul: [1,2,3] [10,20,30]
# CASE add_sub_mul: [[1.5,2.5],[3.5,4.5]] [1,-1]
# CASE add_sub_mul: 3 4
# CASE add_sub_mul: 2.5 [1,2]
# CASE add_sub_mul: [] 1.5


def float32_times_python_float(x):
    """float32 array * 2.0 stays float32 (the Python float is weak)."""
    x = np.asarray(x, dtype=np.float32)
    return x * SCALE + 0.5


# CASE float32_times_python_float: [1.0,2.0,3.25]
# CASE float32_times_python_float: [[0.1,0.2],[0.3,0.4]]


def int32_plus_python_int(x, k=1):
    """int32 array + a Python int stays int32, also for an int argument."""
    y = x.astype(np.int32)
    return y + 1, y * k, y - OFFSET


# CASE int32_plus_python_int: [1,2,3]
# CASE int32_plus_python_int: [[5,-6],[7,8]] 3


def int32_times_python_float(x):
    """int32 array * Python float gives float64 (the default float)."""
    y = x.astype(np.int32)
    return y * 1.5


# CASE int32_times_python_float: [1,2,3]


def float32_times_float64_scalar(x, w):
    """A NumPy float64 scalar (from indexing) is strong: float32 * it -> float64."""
    x32 = x.astype(np.float32)
    s = w[0]
    return x32 * s, x32 * np.mean(w)


# CASE float32_times_float64_scalar: [1.0,2.0] [0.5,1.5]


def float32_scalar_plus_python_float(x):
    """A float32 NumPy scalar plus a Python float stays float32."""
    x32 = np.asarray(x, dtype=np.float32)
    return x32[0] + 0.1


# CASE float32_scalar_plus_python_float: [1.5,2.5]


def mixed_array_widths(x):
    """Array-array promotion: float32+float64, int32+int64, int32+float32."""
    f32 = x.astype(np.float32)
    i32 = x.astype(np.int32)
    i64 = x.astype(np.int64)
    return f32 + x, i32 + i64, i32 + f32, i64 * f32


# CASE mixed_array_widths: [1.0,2.0,3.0]


def bool_arithmetic(mask):
    """bool + bool stays bool (logical or); bool + Python int gives int64."""
    return mask + mask, mask + 1, mask * 2.5, mask * mask


# CASE bool_arithmetic: [true,false,true]


def python_scalars(a, b):
    """Pure Python number arithmetic stays Python numbers."""
    return a + b, a * b, a - b, a * 2.0, a + True


# CASE python_scalars: 7 3
# CASE python_scalars: 2.5 4


def powers(x, p=2):
    """** on arrays and Python scalars (int ** negative int is a float)."""
    return x ** p, 2 ** 10, 2 ** -1, 2.0 ** 0.5, x ** 0.5


# CASE powers: [1.0,4.0,9.0]
# CASE powers: [1,2,3] 3


def np_arith_functions(a, b):
    """The function spellings of the operators."""
    return np.add(a, b), np.subtract(a, b), np.multiply(a, b), np.power(a, 2)


# CASE np_arith_functions: [1,2,3] [4,5,6]
# CASE np_arith_functions: 2.0 3.0


def unary_plus_minus(x):
    """Unary - and + on arrays and scalars."""
    y = -x
    return y, +x, -(-3), -y * BIAS


# CASE unary_plus_minus: [1.0,-2.0,0.0]
# CASE unary_plus_minus: [[1,2],[3,4]]


def augmented_assignment(x, k):
    """x op= y on a float array and on a Python scalar."""
    x = x.astype(np.float32)
    x += 1.0
    x *= 2
    x -= 0.5
    k += 1
    k *= 3
    return x, k


# CASE augmented_assignment: [1.0,2.0,3.0] 4


def broadcast_outer_sum(col, row):
    """(n,1) + (m,) broadcasts to (n, m)."""
    return col.reshape(-1, 1) + row


# CASE broadcast_outer_sum: [1,2,3] [10,20]


def squares(x, p):
    """x ** 2 is computed as x * x (as NumPy does): same bits as pow for
    signed zeros, infinities, NaN, huge and tiny values; other exponents and
    array exponents still go through pow."""
    x32 = np.asarray(x, dtype=np.float32)
    nan_inf = np.array([np.nan, np.inf, -np.inf, -0.0, 1e200, 1e-200])
    return x ** 2, x32 ** 2, x ** p, nan_inf ** 2, x ** np.array([2.0, 3.0, 2.0, 0.5])[: x.shape[0]]


# CASE squares: [1.5,-2.0,0.1,-0.0] 2
# CASE squares: [1.5,-2.0,0.1,3.0] 2.0
# CASE squares: [1.5,-2.0,0.1,3.0] 3
# CASE squares: [1e-30,1e30,-7.25,1.0] 2
