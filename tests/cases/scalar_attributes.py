"""Array methods and attributes on Python scalars raise AttributeError.

x.max(), x.astype(...), x.size, x.shape, x.T ... exist on ndarrays and NumPy
scalars (x[0], np.sum(x)) but not on Python bools, ints and floats, nor on
tuples: Python raises "AttributeError: 'float' object has no attribute
'size'". The np.* functions accept them (np.size(2.5) is 1).
"""
import numpy as np


def max_of_bool(b):
    return b.max()
# CASE max_of_bool: true -> exit 3


def astype_of_int(n):
    return n.astype(np.float32)
# CASE astype_of_int: 3 -> exit 3


def size_of_float(v):
    return v.size
# CASE size_of_float: 2.5 -> exit 3


def shape_of_float(v):
    return v.shape
# CASE shape_of_float: 2.5 -> exit 3


def transpose_of_float(v):
    return v.T
# CASE transpose_of_float: 2.5 -> exit 3


def ndim_and_dtype_of_int(n):
    return n.ndim, n.dtype
# CASE ndim_and_dtype_of_int: 1 -> exit 3


def sum_of_tuple_shape(x):
    return x.shape.sum()
# CASE sum_of_tuple_shape: [1.0,2.0] -> exit 3


def reshape_of_result(x, k):
    y = k * 2
    return y.reshape(1)
# CASE reshape_of_result: [1.0] 3 -> exit 3


def numpy_scalars_have_them(x):
    s = np.sum(x)
    e = x[0]
    return s.max(), e.astype(np.float32), s.size, e.ndim, s.T, s.sum(), e.dtype == np.float64
# CASE numpy_scalars_have_them: [1.5,2.5]


def numpy_functions_accept_python_scalars(v, n):
    return np.size(v), np.ndim(n), np.transpose(v), np.max(n), np.sum(v), np.copy(n)
# CASE numpy_functions_accept_python_scalars: 2.5 3
