"""x[i] op= v is t = x[i]; t op= v; x[i] = t, as Python runs it.

When x[i] is an array (a row, a slice, a fancy or masked selection) its
in-place operator keeps its dtype: an unsafe cast is NumPy's UFuncTypeError
(a TypeError), exactly as for x op= v, and an output of another shape is a
ValueError. When x[i] is a NumPy scalar (an int index on a vector) the
operator rebinds t and the assignment casts as x[i] = v does.
"""
import numpy as np


def row_of_int_matrix(m):
    m[0] += 0.5
    return m
# CASE row_of_int_matrix: [[1,2],[3,4]] -> exit 3
# CASE row_of_int_matrix: [[1.0,2.0],[3.0,4.0]]


def whole_int_array(m):
    m += 0.5
    return m
# CASE whole_int_array: [1,2] -> exit 3


def element_of_int_vector(m):
    m[0] += 0.5
    m[1] *= 1.5
    return m
# CASE element_of_int_vector: [1,2,3]


def slice_of_int_vector(m):
    m[0:2] += 0.5
    return m
# CASE slice_of_int_vector: [1,2,3] -> exit 3


def slice_of_bool_vector(m):
    m[0:1] += 1
    return m
# CASE slice_of_bool_vector: [true,false] -> exit 3


def element_of_bool_vector(m):
    m[0] += 1
    return m
# CASE element_of_bool_vector: [false,false]


def slice_division(m):
    m[1:] /= 2
    return m
# CASE slice_division: [4,6,8] -> exit 3
# CASE slice_division: [4.0,6.0,8.0]


def fancy_and_mask(m):
    m[m > 1] += 0.5
    return m
# CASE fancy_and_mask: [1,2,3] -> exit 3


def fancy_index(m):
    m[np.array([0, 2])] -= 1.5
    return m
# CASE fancy_index: [1,2,3] -> exit 3
# CASE fancy_index: [1.0,2.0,3.0]


def slice_broadcast_mismatch(m):
    m[0:2] += np.ones(3)
    return m
# CASE slice_broadcast_mismatch: [1.0,2.0,3.0] -> exit 3


def slice_broadcasts_a_row(m):
    m[0:2] += np.ones(1)
    return m
# CASE slice_broadcasts_a_row: [1.0,2.0,3.0]


def row_output_shape(m):
    m[0] += np.ones((2, 2))
    return m
# CASE row_output_shape: [[1.0,2.0]] -> exit 3


def element_gets_a_sequence(m):
    m[0] += np.ones(2)
    return m
# CASE element_gets_a_sequence: [1.0,2.0,3.0] -> exit 3


def float32_row_stays_float32(m):
    m = m.astype(np.float32)
    m[1] += 0.25
    m[0:1] *= 2.0
    return m
# CASE float32_row_stays_float32: [[1.0,2.0],[3.0,4.0]]


def int_row_with_int(m):
    m[1] += 5
    m[:, 0] -= m[:, 1]
    return m
# CASE int_row_with_int: [[1,2],[3,4]]


def inplace_cast_before_shape(b):
    """Both the cast and the output shape are wrong: NumPy reports the cast."""
    flags = np.array([True, False])
    flags *= b
    return flags


# CASE inplace_cast_before_shape: [[1.5,2.5]] -> exit 3
# CASE inplace_cast_before_shape: [[true,false]] -> exit 3
# CASE inplace_cast_before_shape: [true,true]
