"""float32 reductions compute in float32 as NumPy does.

NumPy sums float32 in float32 (pairwise), so sum, mean, var, std and
np.linalg.norm overflow to inf where the float32 intermediate does: the std
of [0.1, 0.7, 1e30] is inf (its squared deviations pass 3.4e38), and std is
exactly sqrt(var). Large and small magnitudes, long vectors (pairwise
blocks), axes and keepdims, and the dtype= escape to float64.
"""
import numpy as np


def stats(x):
    x = x.astype(np.float32)
    return x.sum(), x.mean(), x.var(), x.std(), np.linalg.norm(x)
# CASE stats: [0.1,0.7,1e30]
# CASE stats: [1e20,1e20,-1e20]
# CASE stats: [3e38,3e38]
# CASE stats: [1e-30,2e-30,3e-30]
# CASE stats: [1.5,-2.5,4.0,0.25]


def std_is_sqrt_of_var(x):
    x = x.astype(np.float32)
    return np.std(x) == np.sqrt(np.var(x)), np.std(x, ddof=1) == np.sqrt(np.var(x, ddof=1))
# CASE std_is_sqrt_of_var: [0.1,0.7,1e30]
# CASE std_is_sqrt_of_var: [0.1,0.2,0.3,0.4,0.5,0.6,0.7]


def along_axes(m):
    m = m.astype(np.float32)
    return m.sum(axis=0), m.var(axis=1), np.std(m, axis=0, keepdims=True), np.linalg.norm(m, axis=1)
# CASE along_axes: [[1e20,2e20],[3e19,-1e20],[0.5,0.25]]
# CASE along_axes: [[1e30,1.0],[1e30,2.0]]


def escape_to_float64(x):
    x = x.astype(np.float32)
    return np.var(x, dtype=np.float64), np.mean(x, dtype=np.float64), np.sum(x, dtype=np.float64)
# CASE escape_to_float64: [0.1,0.7,1e30]


def long_vector(n):
    x = (np.arange(n) * 0.001 + 0.1).astype(np.float32)
    return x.sum(), x.mean(), x.std(), np.linalg.norm(x), np.sum(x.reshape(4, -1), axis=1)
# CASE long_vector: 1000
# CASE long_vector: 100000


def prod_overflows(x):
    x = x.astype(np.float32)
    return np.prod(x), x.prod(axis=0)
# CASE prod_overflows: [1e20,1e20,1e-20]


def int_inputs(x):
    return x.mean(), x.var(), x.std(), np.linalg.norm(x), x.sum()
# CASE int_inputs: [3000000000,4000000000,5]
