"""FINDINGS B6 + C2: NumPy functions applied to Python scalars follow
Python's rules in pygraft, NumPy's in CPython: np.power(2, -1) raises
ValueError in NumPy (pygraft: 0.5); np.divide(1.0, 0) is inf and
np.mod(3, 0) is 0 in NumPy (pygraft: ZeroDivisionError); np.negative(True)
raises TypeError in NumPy (pygraft: -1)."""
import numpy as np


def power_ints():
    return np.power(2, -1)


def divide_by_zero(k):
    return np.divide(1.0, k)


def mod_by_zero(k):
    return np.mod(k, 0)


def negative_bool():
    return np.negative(True)


# CASE power_ints: -> exit 3
# CASE divide_by_zero: 0
# CASE mod_by_zero: 3
# CASE negative_bool: -> exit 3
