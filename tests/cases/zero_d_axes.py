"""Axis 0 or -1 on 0-d arrays (NumPy scalars such as np.sum(x) or x[0]).

NumPy's ufunc reductions (sum, prod, max, min, all, any) let an int axis 0 or
-1 through on a 0-d array and reduce nothing; argmax, argmin and cumsum see a
0-d array as one element of a 1-d array; squeeze accepts an int axis 0 or -1.
mean, var, std and np.linalg.norm refuse the axis (AxisError), as does a tuple
axis or any other axis everywhere.
"""
import numpy as np


def scalar_of(x):
    """A 0-d float64 array (a NumPy scalar) from a vector."""
    return np.sum(x)


def ufunc_reductions_axis0(x):
    s = scalar_of(x)
    return np.sum(s, axis=0), np.prod(s, axis=-1), np.max(s, axis=0), np.min(s, axis=-1)
# CASE ufunc_reductions_axis0: [1.5,2.0]


def logical_reductions_axis0(x):
    s = scalar_of(x)
    return np.all(s, axis=0), np.any(s, axis=-1), s.sum(axis=-1, keepdims=True)
# CASE logical_reductions_axis0: [1.5,2.0]
# CASE logical_reductions_axis0: [0.0]


def int_scalar_axis0(x):
    s = x[1]
    return s.max(axis=0), s.min(axis=-1), s.prod(axis=0), np.sum(s, axis=0, dtype=np.float32)
# CASE int_scalar_axis0: [3,4,5]


def arg_reductions_axis0(x):
    s = scalar_of(x)
    return np.argmax(s, axis=0), np.argmin(s, axis=-1), s.argmax(axis=0, keepdims=True)
# CASE arg_reductions_axis0: [1.5,2.0]


def cumsum_axis_minus1(x):
    s = scalar_of(x)
    return s.cumsum(axis=-1), np.cumsum(s, axis=0)
# CASE cumsum_axis_minus1: [1.5,2.0]


def squeeze_axis0(x):
    s = scalar_of(x)
    return s.squeeze(0), np.squeeze(s, axis=-1)
# CASE squeeze_axis0: [1.5,2.0]


def sum_axis1(x):
    return np.sum(scalar_of(x), axis=1)
# CASE sum_axis1: [1.5,2.0] -> exit 3


def sum_tuple_axis(x):
    return np.sum(scalar_of(x), axis=(0,))
# CASE sum_tuple_axis: [1.5,2.0] -> exit 3


def mean_axis0(x):
    return np.mean(scalar_of(x), axis=0)
# CASE mean_axis0: [1.5,2.0] -> exit 3


def var_axis0(x):
    return scalar_of(x).var(axis=-1)
# CASE var_axis0: [1.5,2.0] -> exit 3


def std_axis0(x):
    return np.std(scalar_of(x), axis=0)
# CASE std_axis0: [1.5,2.0] -> exit 3


def norm_axis0(x):
    return np.linalg.norm(scalar_of(x), axis=0)
# CASE norm_axis0: [1.5,2.0] -> exit 3


def argmax_axis1(x):
    return np.argmax(scalar_of(x), axis=1)
# CASE argmax_axis1: [1.5,2.0] -> exit 3


def cumsum_axis1(x):
    return np.cumsum(scalar_of(x), axis=1)
# CASE cumsum_axis1: [1.5,2.0] -> exit 3


def squeeze_tuple_axis(x):
    return np.squeeze(scalar_of(x), axis=(0,))
# CASE squeeze_tuple_axis: [1.5,2.0] -> exit 3


def squeeze_axis1(x):
    return scalar_of(x).squeeze(1)
# CASE squeeze_axis1: [1.5,2.0] -> exit 3


def python_scalar_axis0(v):
    return np.sum(v, axis=0), np.max(v, axis=-1), np.argmax(v, axis=0), np.cumsum(v, axis=0)
# CASE python_scalar_axis0: 2.5
# CASE python_scalar_axis0: 3
