"""FINDINGS B7: unpacking does not check the number of values: CPython
raises ValueError (too many values to unpack (expected 2))."""
import numpy as np


def two_rows(x):
    a, b = x
    return a


def two_dims(x):
    h, w = x.shape
    return h


# CASE two_rows: [1.0,2.0,3.0] -> exit 3
# CASE two_dims: [[[1.0]]] -> exit 3
