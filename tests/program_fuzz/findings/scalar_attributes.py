"""FINDINGS B4: array methods and attributes on Python scalars run; CPython
raises AttributeError ('float' object has no attribute 'max')."""
import numpy as np


def max_of_float(t):
    return t.max()


def size_of_float(t):
    return t.size


def shape_of_int(n):
    return n.shape


def astype_of_int(n):
    return n.astype(np.float32)


# CASE max_of_float: 2.5 -> exit 3
# CASE size_of_float: 2.5 -> exit 3
# CASE shape_of_int: 2 -> exit 3
# CASE astype_of_int: 2 -> exit 3
