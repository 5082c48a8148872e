"""Unpacking checks its count as CPython does, also for values known only at run time."""
import numpy as np


def unpack_shape(x):
    """h, w = x.shape needs exactly two axes."""
    h, w = x.shape
    return h * 10 + w


# CASE unpack_shape: [[1,2,3],[4,5,6]]
# CASE unpack_shape: [[[1]]] -> exit 3
# CASE unpack_shape: [1,2,3] -> exit 3
# CASE unpack_shape: 1.5 -> exit 3


def unpack_array(x):
    """a, b = x iterates x's first axis."""
    a, b = x
    return a - b


# CASE unpack_array: [5,2]
# CASE unpack_array: [[5,2],[1,1]]
# CASE unpack_array: [1,2,3] -> exit 3
# CASE unpack_array: [1] -> exit 3
# CASE unpack_array: [] -> exit 3


def unpack_zero_d(x):
    """A 0-d array cannot be iterated."""
    a, b = np.sum(x)
    return a


# CASE unpack_zero_d: [1,2] -> exit 3


def unpack_python_scalar(n):
    """Python numbers are not iterable."""
    a, b = n
    return a


# CASE unpack_python_scalar: 3 -> exit 3
# CASE unpack_python_scalar: 2.5 -> exit 3
# CASE unpack_python_scalar: true -> exit 3


def unpack_none(flag):
    """None is not iterable."""
    a, b = None if flag else (1, 2)
    return a + b


# CASE unpack_none: false
# CASE unpack_none: true -> exit 3


def unpack_unused(x):
    """The check runs even when the targets are never read."""
    a, b, c = x.shape
    return x


# CASE unpack_unused: [[[1.0]]]
# CASE unpack_unused: [[1.0]] -> exit 3


def unpack_nested(x):
    """Nested targets check each level."""
    (a, b), c = x
    return a + b + c


# CASE unpack_nested: [[1,2],[3,4]]
# CASE unpack_nested: [[1,2],[3,4],[5,6]] -> exit 3
# CASE unpack_nested: [[1,2,3],[4,5,6]] -> exit 3


def unpack_subscript_targets(x, v):
    """The count is checked before any target is assigned."""
    x[0], x[1] = v
    return x


# CASE unpack_subscript_targets: [0.0,0.0,0.0] [1.0,2.0]
# CASE unpack_subscript_targets: [0.0,0.0,0.0] [1.0,2.0,3.0] -> exit 3
