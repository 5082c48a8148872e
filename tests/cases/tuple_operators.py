"""Python's operators on tuples, also on tuples known only at run time."""
import numpy as np


def shape_plus_tuple(x):
    """x.shape + (2,) concatenates: a trailing axis of 2."""
    return np.zeros(x.shape + (2,))


# CASE shape_plus_tuple: [1.0,2.0,3.0]
# CASE shape_plus_tuple: [[1,2],[3,4]]


def tuple_plus_shape(x):
    """(1,) + x.shape prepends an axis."""
    return np.ones((1,) + x.shape).shape


# CASE tuple_plus_shape: [[1,2,3]]


def shape_times_int(x, n):
    """A tuple times an int repeats it; a bool counts as 0 or 1."""
    s = x.shape * n
    return len(s), np.zeros(s).ndim


# CASE shape_times_int: [1,2] 3
# CASE shape_times_int: [1,2] 0
# CASE shape_times_int: [1,2] -2
# CASE shape_times_int: [[1,2]] true
# CASE shape_times_int: [[1,2]] false


def int_times_shape(x, n):
    """An int times a tuple repeats it too."""
    return len(n * x.shape)


# CASE int_times_shape: [[1,2]] 2


def concatenated_shapes(a, b):
    """Two run-time shapes concatenated, then unpacked."""
    n, m, k = a.shape + b.shape
    return n * 100 + m * 10 + k


# CASE concatenated_shapes: [[1,2,3]] [1,2]
# CASE concatenated_shapes: [1,2] [1,2] -> exit 3


def shape_plus_array(x):
    """A tuple and an array: NumPy's elementwise + (the array's operator wins)."""
    return x.shape + np.array([10, 20])


# CASE shape_plus_array: [[1,2,3]]


def shape_plus_int(x):
    """tuple + int is a TypeError."""
    return x.shape + 1


# CASE shape_plus_int: [1,2] -> exit 3


def int_plus_shape(x):
    """int + tuple is a TypeError."""
    return 1 + x.shape


# CASE int_plus_shape: [1,2] -> exit 3


def shape_times_float(x):
    """A tuple times a float is a TypeError."""
    return x.shape * 2.0


# CASE shape_times_float: [1,2] -> exit 3


def shape_minus_shape(x):
    """Tuples have no '-'."""
    return x.shape - x.shape


# CASE shape_minus_shape: [1,2] -> exit 3


def negated_shape(x):
    """Tuples have no unary '-'."""
    return -x.shape


# CASE negated_shape: [1,2] -> exit 3


def shape_floordiv(x):
    """Tuples have no '//'."""
    return x.shape // 2


# CASE shape_floordiv: [1,2] -> exit 3


def shape_times_shape(x):
    """A tuple times a tuple is a TypeError."""
    return x.shape * x.shape


# CASE shape_times_shape: [1,2] -> exit 3


def np_add_of_shapes(a, b):
    """np.add on tuples is NumPy's: elementwise on arrays made from them."""
    return np.add(a.shape, b.shape)


# CASE np_add_of_shapes: [[1,2,3]] [[4,5,6],[1,2,3]]
