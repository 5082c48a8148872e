"""Python ints are 64-bit (SPEC §3): leaving int64 is an OverflowError.

CPython's ints are unbounded, so these cases hand the result to NumPy on the
same line, where CPython raises OverflowError too (the int does not fit the
int64 array); pygraft raises at the Python operation. NumPy int64 arrays
keep wrapping silently, as NumPy's do, and results at the edges of int64 are
exact.
"""
import math

import numpy as np


def product_into_array(k):
    return np.array([k * k], dtype=np.int64)
# CASE product_into_array: 4294967296 -> exit 3
# CASE product_into_array: 3037000499


def sum_into_array(k):
    return np.zeros(2, dtype=np.int64) + (k + k)
# CASE sum_into_array: 9223372036854775807 -> exit 3
# CASE sum_into_array: 4611686018427387903


def difference_into_array(k):
    return np.array([k - 1], dtype=np.int64)
# CASE difference_into_array: -9223372036854775808 -> exit 3


def power_into_array(k):
    return np.array([2 ** k], dtype=np.int64)
# CASE power_into_array: 63 -> exit 3
# CASE power_into_array: 62


def negative_power_base(k):
    return np.array([(-2) ** k], dtype=np.int64)
# CASE negative_power_base: 63
# CASE negative_power_base: 64 -> exit 3


def shift_into_array(k):
    return np.array([1 << k], dtype=np.int64)
# CASE shift_into_array: 63 -> exit 3
# CASE shift_into_array: 64 -> exit 3
# CASE shift_into_array: 62


def minus_one_shifted(k):
    return np.array([-1 << k], dtype=np.int64)
# CASE minus_one_shifted: 63


def negation_into_array(k):
    return np.array([-k], dtype=np.int64)
# CASE negation_into_array: -9223372036854775808 -> exit 3


def abs_into_array(k):
    return np.array([abs(k)], dtype=np.int64)
# CASE abs_into_array: -9223372036854775808 -> exit 3
# CASE abs_into_array: -9223372036854775807


def floor_division_into_array(k):
    return np.array([k // -1], dtype=np.int64), np.array([k % -1], dtype=np.int64)
# CASE floor_division_into_array: -9223372036854775808 -> exit 3


def modulo_at_the_edge(k):
    return k % -1, k // 1, k * 1, k - 0
# CASE modulo_at_the_edge: -9223372036854775808


def int_of_large_float(v):
    return np.array([int(v)], dtype=np.int64)
# CASE int_of_large_float: 1e19 -> exit 3
# CASE int_of_large_float: -9.3e18 -> exit 3
# CASE int_of_large_float: 9.2e18


def round_of_large_float(v):
    return np.array([round(v)], dtype=np.int64)
# CASE round_of_large_float: 1e19 -> exit 3
# CASE round_of_large_float: 2.5


def floor_of_large_float(v):
    return np.array([math.floor(v), math.ceil(v)], dtype=np.int64)
# CASE floor_of_large_float: 1e300 -> exit 3
# CASE floor_of_large_float: -2.5


def int64_arrays_wrap(x, k):
    return x * 4, x + k, np.sum(np.array([k, k])), np.cumsum(np.array([k, k])), -np.array([k - k - k - 1])
# CASE int64_arrays_wrap: [4611686018427387904,3] 9223372036854775807
