"""Elementwise math: exp/log family, trig, rounding, clip, where, logical ops."""
import numpy as np


def exp_log(x):
    """exp, log, log1p, expm1, log2, log10 on positive inputs."""
    return np.exp(x), np.log(x), np.log1p(x), np.expm1(x), np.log2(x), np.log10(x)


# CASE exp_log: [0.5,1.0,2.0,10.0]
# CASE exp_log: 2.0


def log_edge_values(x):
    """log of 0 is -inf, of a negative number nan; sqrt of a negative nan."""
    return np.log(x), np.sqrt(x), np.log1p(x - 1.0)


# CASE log_edge_values: [0.0,-1.0,4.0]


def sqrt_and_square(x):
    """sqrt of an int array is float64; square keeps the dtype."""
    return np.sqrt(x), np.square(x), np.square(x.astype(np.int32))


# CASE sqrt_and_square: [0,1,4,9]
# CASE sqrt_and_square: [[2.0,3.0],[0.25,1e-8]]


def trig(x):
    """sin, cos, tan, tanh, sinh, cosh, arcsin, arccos, arctan."""
    return (np.sin(x), np.cos(x), np.tan(x), np.tanh(x), np.sinh(x), np.cosh(x),
            np.arcsin(x), np.arccos(x), np.arctan(x))


# CASE trig: [-0.5,0.0,0.25,1.0]


def float32_unary(x):
    """Unary math on float32 stays float32."""
    x32 = x.astype(np.float32)
    return np.exp(x32), np.tanh(x32), np.sqrt(x32), np.log(x32 + 1)


# CASE float32_unary: [0.5,1.5,2.5]


def abs_sign(x):
    """abs keeps the dtype; sign gives -1/0/1 (nan for nan)."""
    return np.abs(x), np.absolute(x), np.sign(x), abs(x)


# CASE abs_sign: [-2,0,3]
# CASE abs_sign: [-2.5,0.0,3.5]


def int32_abs(x):
    """np.abs of int32 stays int32."""
    return np.abs(x.astype(np.int32)), np.sign(x.astype(np.int32))


# CASE int32_abs: [-7,7,0]


def rounding(x):
    """floor, ceil, trunc and np.round (half to even) on floats."""
    return np.floor(x), np.ceil(x), np.trunc(x), np.round(x), np.around(x)


# CASE rounding: [-2.5,-1.5,-0.5,0.5,1.5,2.5,2.7]


def round_decimals(x):
    """np.round / x.round with decimals."""
    return np.round(x, 2), x.round(1), np.round(x, decimals=-1)


# CASE round_decimals: [1.234,15.678,-0.126]


def max_min_clip(a, b):
    """maximum/minimum broadcast; clip with scalar bounds and with x.clip."""
    return np.maximum(a, b), np.minimum(a, b), np.clip(a, -1.0, 1.0), a.clip(0.0, None)


# CASE max_min_clip: [-2.0,0.5,3.0] [0.0,1.0,2.0]


def relu(x):
    """ReLU via np.maximum with a Python scalar keeps float32."""
    x32 = np.asarray(x, dtype=np.float32)
    return np.maximum(x32, 0), np.maximum(x, 0.0)


# CASE relu: [[-1.0,2.0],[3.0,-4.0]]


def clip_int32(x):
    """np.clip of int32 by Python ints stays int32."""
    return np.clip(x.astype(np.int32), 0, 5)


# CASE clip_int32: [-3,2,9]


def where_select(x, y):
    """np.where with arrays and a scalar branch."""
    return np.where(x > y, x, y), np.where(x > 0, x, 0.0), np.where(x < 0, -1, 1)


# CASE where_select: [1.0,-2.0,3.0] [0.5,0.5,5.0]
# CASE where_select: [[1,-2],[-3,4]] 0


def power_functions(x):
    """np.power with array and scalar exponents."""
    return np.power(x, 2), np.power(x, 0.5), np.power(2.0, x)


# CASE power_functions: [1.0,2.0,3.0]


def nan_inf_checks(x):
    """isnan, isinf, isfinite on values made by dividing by zero."""
    y = x / 0.0
    return np.isnan(y), np.isinf(y), np.isfinite(y), np.isnan(x)


# CASE nan_inf_checks: [1.0,0.0,-1.0]


def logical_ops(a, b):
    """logical_and/or/xor/not on bool arrays and on numbers (truthiness)."""
    return (np.logical_and(a, b), np.logical_or(a, b), np.logical_xor(a, b),
            np.logical_not(a))


# CASE logical_ops: [true,true,false,false] [true,false,true,false]
# CASE logical_ops: [0,1,2] [1.5,0.0,-1.0]


def numpy_constants():
    """np.pi, np.e, np.inf, np.nan as values."""
    return np.pi, np.e, np.inf, -np.inf, np.nan, np.pi * 2


# CASE numpy_constants:


def negative_positive_functions(x):
    """np.negative and np.positive."""
    return np.negative(x), np.positive(x)


# CASE negative_positive_functions: [1,-2,3]
