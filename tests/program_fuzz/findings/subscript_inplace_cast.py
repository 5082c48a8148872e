"""FINDINGS B5: an augmented assignment through an array-valued subscript
(slice, mask, integer array, row of a 2-D array) of an int or bool array
with a float operand truncates silently; NumPy raises UFuncTypeError
(Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64')
with casting rule 'same_kind'), as for `y += 0.5`. (`y[0] += 0.5` on a 1-D
array goes through a NumPy scalar and casts: both agree there.)"""
import numpy as np


def slice_of_ints(x):
    y = x.copy()
    y[1:] += 0.5
    return y


def mask_of_bools(x):
    y = x > 0
    y[y] += 0.5
    return y


def row_of_ints(x):
    y = x.copy()
    y[0] += 0.5
    return y


# CASE slice_of_ints: [1,2,3] -> exit 3
# CASE mask_of_bools: [1,-2,3] -> exit 3
# CASE row_of_ints: [[1,2],[3,4]] -> exit 3
