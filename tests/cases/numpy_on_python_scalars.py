"""NumPy functions on Python scalars follow NumPy, operators follow Python.

A ufunc spelling (np.mod, np.true_divide, np.abs, np.power ...) on Python
scalars alone computes in NumPy's default dtypes (NEP 50): np.mod(5, 0) is 0,
np.true_divide(1, False) is inf, np.abs(False) a NumPy bool, and it refuses
what NumPy refuses (np.negative(True), np.power(-2, -1)). Next to an array a
Python scalar stays weak. Functions that pass their arguments through
np.asarray (np.outer, np.dot, np.where) make Python scalars strong arrays.
The operators keep Python's rules (5 % 0 raises, -True is -1).
"""
import numpy as np


def mod_by_zero(k):
    return np.mod(k, 0), np.remainder(k, 0), np.floor_divide(k, 0)
# CASE mod_by_zero: 5
# CASE mod_by_zero: -7
# CASE mod_by_zero: true


def float_mod_by_zero(v):
    return np.mod(v, 0), np.floor_divide(v, 0), np.true_divide(v, 0)
# CASE float_mod_by_zero: 0.75
# CASE float_mod_by_zero: -1.5


def divide_by_false(k):
    return np.true_divide(k, False), np.divide(k, 0)
# CASE divide_by_false: 1
# CASE divide_by_false: -3
# CASE divide_by_false: 0


def abs_of_bool(b):
    return np.abs(b), np.absolute(b), abs(b)
# CASE abs_of_bool: false
# CASE abs_of_bool: true


def ufunc_dtypes(k, v, b):
    return np.add(k, v), np.multiply(b, k), np.add(b, b), np.maximum(b, v), np.sqrt(k), np.floor(k)
# CASE ufunc_dtypes: 3 0.5 true
# CASE ufunc_dtypes: -2 -1.5 false


def math_ufuncs_give_nan_and_inf(v):
    return np.sqrt(v), np.log(v), np.exp(v * 1000.0), np.arcsin(v), np.power(v, 0.5)
# CASE math_ufuncs_give_nan_and_inf: -1.0
# CASE math_ufuncs_give_nan_and_inf: 0.0


def shifts_and_powers(k):
    return np.left_shift(1, k), np.right_shift(-1, k), np.power(k, 2), np.power(2, -1.0)
# CASE shifts_and_powers: 70
# CASE shifts_and_powers: 3


def negative_of_bool(b):
    return np.negative(b)
# CASE negative_of_bool: true -> exit 3


def sign_of_bool(b):
    return np.sign(b)
# CASE sign_of_bool: false -> exit 3


def positive_of_bool(b):
    return np.positive(b)
# CASE positive_of_bool: true -> exit 3


def unary_plus_of_bool(b):
    return +b, -b, np.positive(3), np.negative(2.5)
# CASE unary_plus_of_bool: true


def negative_integer_power(k):
    return np.power(k, -1)
# CASE negative_integer_power: -2 -> exit 3
# CASE negative_integer_power: 2 -> exit 3


def subtract_bools(a, b):
    return np.subtract(a, b)
# CASE subtract_bools: true false -> exit 3


def invert_float(v):
    return np.invert(v)
# CASE invert_float: 1.5 -> exit 3


def matmul_of_scalars(a, b):
    return np.matmul(a, b)
# CASE matmul_of_scalars: 2.0 3.0 -> exit 3


def operator_matmul_of_scalars(a, b):
    return a @ b
# CASE operator_matmul_of_scalars: 2.0 3.0 -> exit 3


def operator_mod_by_zero(k):
    return k % 0
# CASE operator_mod_by_zero: 5 -> exit 3


def operator_divide_by_false(k):
    return k / False
# CASE operator_divide_by_false: 1 -> exit 3


def operators_stay_python(k, b):
    return -b, k // 2, k ** -1, b + b, 7 % k, -k
# CASE operators_stay_python: 4 true
# CASE operators_stay_python: -3 false


def weak_next_to_array(x, v, k):
    x = x.astype(np.float32)
    n = np.arange(3, dtype=np.int32)
    return np.add(v, x), np.multiply(x, k), np.mod(n, k), np.clip(x, 0.0, 1.0), np.maximum(n, v)
# CASE weak_next_to_array: [0.5,1.5,-2.0] 0.25 2
# CASE weak_next_to_array: [0.5,1.5,-2.0] -1.5 0


def asarray_makes_scalars_strong(x, v):
    x = x.astype(np.float32)
    n = np.arange(3, dtype=np.int32)
    return np.outer(v, x), np.dot(v, x), np.dot(x, v), np.where(x > 1.0, x, v), np.where(n > 0, n, 7)
# CASE asarray_makes_scalars_strong: [0.5,1.5,-2.0] 0.75


def where_on_scalars(c, k, v):
    return np.where(c, k, v), np.where(c, True, 2), np.where(c, k, k)
# CASE where_on_scalars: true 3 2.5
# CASE where_on_scalars: false 3 2.5


def clip_and_round_of_scalars(k, v):
    return np.clip(k, 0.0, 2), np.clip(k, None, 2), np.round(v), np.round(k), np.around(v, 1)
# CASE clip_and_round_of_scalars: 5 2.5
# CASE clip_and_round_of_scalars: -1 0.25


def comparisons_and_logic(k, v):
    return np.equal(k, v), np.less(k, v), np.logical_and(k, v), np.logical_not(k), np.isnan(v)
# CASE comparisons_and_logic: 0 0.0
# CASE comparisons_and_logic: 2 0.5
