"""x[index_array] = x reads x while it writes, as NumPy does.

NumPy assigns through an index array or a mask element by element in index
order, reading a value that is the target itself as it goes (no copy first):
`x[np.array([1, 1])] = x` on [-1.63, -1.5] gives [-1.63, -1.63], and a
permutation applied in place is not a permutation. Found by the program
fuzzer (seed 19429). A basic index (slices, ints) copies an overlapping
value first, in NumPy as in pygraft; a dtype change makes the copy too.
"""
import numpy as np


def repeated_index(x):
    state = x
    state[np.array([1, 1])] = state
    return state
# CASE repeated_index: [-1.63,-1.5]


def permutation_in_place(x):
    x[np.array([2, 0, 1])] = x
    return x
# CASE permutation_in_place: [-1.63,-1.5,0.25]
# CASE permutation_in_place: [1,2,3]


def rows_in_place(m):
    m[np.array([1, 0])] = m
    return m
# CASE rows_in_place: [[1.0,2.0],[3.0,4.0]]


def through_a_reshape(x):
    x[np.array([[1, 2], [3, 0]])] = x.reshape(2, 2)
    return x
# CASE through_a_reshape: [1.0,2.0,3.0,4.0]


def mask_of_itself(x):
    x[x == x] = x
    return x
# CASE mask_of_itself: [3.0,1.0,2.0]


def basic_slices_copy_first(x):
    x[::-1] = x
    return x
# CASE basic_slices_copy_first: [1.0,2.0,3.0]


def cast_copies_first(x):
    x[np.array([1, 2, 3])] = x[:3].astype(np.float32)
    return x
# CASE cast_copies_first: [1.0,2.0,3.0,4.0]


def a_copy_is_safe(x):
    x[np.array([2, 0, 1])] = x.copy()
    return x
# CASE a_copy_is_safe: [-1.63,-1.5,0.25]
