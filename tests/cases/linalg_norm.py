"""np.linalg.norm with ord=None: vector 2-norms, Frobenius norms, axis and
keepdims, dtypes (float32 stays float32, ints give float64)."""
import numpy as np


def norm_all(x):
    return np.linalg.norm(x)


# CASE norm_all: [3.0,4.0]
# CASE norm_all: [[1.0,2.0],[3.0,4.0]]
# CASE norm_all: [3,4]
# CASE norm_all: []
# CASE norm_all: 2.5


def norm_axis(x, axis):
    return np.linalg.norm(x, axis=axis)


# CASE norm_axis: [[3.0,4.0],[6.0,8.0]] 1
# CASE norm_axis: [[3.0,4.0],[6.0,8.0]] 0
# CASE norm_axis: [[3.0,4.0],[6.0,8.0]] -1
# CASE norm_axis: [[3.0,4.0],[6.0,8.0]] 2 -> exit 3


def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


# CASE normalize_rows: [[3.0,4.0],[1.0,0.0]]


def float32_norm(x):
    return np.linalg.norm(x.astype(np.float32), None, 0)


# CASE float32_norm: [[3.0,4.0],[6.0,8.0]]


def frobenius_of_last_two(x):
    return np.linalg.norm(x, axis=(1, 2), keepdims=True)


# CASE frobenius_of_last_two: [[[1.0,2.0],[3.0,4.0]],[[5.0,6.0],[7.0,8.0]]]
