"""mean, var and std with dtype= compute in that dtype, as NumPy does.

NumPy's _methods.py sums the input cast to the dtype given, so an integer
dtype truncates every float element before summing ([0.75, 3.58] has
mean(dtype=int64) 1, not 2), and the quotient is truncated back to the
dtype. var subtracts that mean from the input in the promoted dtype of the
input and the dtype given, squares there, then sums the squares cast to the
dtype: var([0.75, 3.58], dtype=int64) is 3. std is the square root of var,
truncated for integer dtypes. Found by the program fuzzer (seeds 14605 and
17121). Also float64 input with dtype=float32, int input, axes, ddof and
the bool dtype (bool - bool is NumPy's TypeError in var).
"""
import numpy as np


def int_dtype_on_floats(x):
    return x.mean(dtype=np.int64), np.var(x, dtype=np.int64), np.std(x, dtype=np.int64)
# CASE int_dtype_on_floats: [0.75,3.58]
# CASE int_dtype_on_floats: [1.5,-2.7,3.9]
# CASE int_dtype_on_floats: [-0.5,-0.25]
# CASE int_dtype_on_floats: [2.5]


def int32_dtype_along_axes(m):
    return m.mean(axis=0, dtype=np.int32), m.var(axis=1, dtype=np.int32), m.var(axis=0, dtype=np.int32, ddof=1)
# CASE int32_dtype_along_axes: [[1.5,2.5],[3.2,9.9],[-4.75,0.5]]


def int_std_along_an_axis(m):
    # NumPy's sqrt(ret, out=ret) refuses to cast its float64 output into an
    # int32 array; a 0-d result is truncated instead.
    whole = np.std(m, dtype=np.int32)
    return whole, np.std(m, axis=1, dtype=np.int32, keepdims=True)
# CASE int_std_along_an_axis: [[1.5,2.5],[3.2,9.9],[-4.75,0.5]] -> exit 3


def int_dtype_on_ints(x):
    return x.mean(dtype=np.int64), x.var(dtype=np.int64), x.std(dtype=np.int64), x.var(dtype=np.float32)
# CASE int_dtype_on_ints: [1,2,4]
# CASE int_dtype_on_ints: [-7,3,100,5]


def float32_dtype_on_float64(x):
    return x.mean(dtype=np.float32), x.var(dtype=np.float32), x.std(dtype=np.float32, ddof=1)
# CASE float32_dtype_on_float64: [0.1,0.2,0.30000001,1e10]
# CASE float32_dtype_on_float64: [1e-8,3.0,1e30]


def bool_dtype(x):
    return x.mean(dtype=bool), (x > 1.0).mean(dtype=np.int64)
# CASE bool_dtype: [0.0,0.0]
# CASE bool_dtype: [0.0,2.5,0.5]


def bool_var_of_bools(x):
    return (x > 0.0).var(dtype=bool)
# CASE bool_var_of_bools: [1.0,-1.0] -> exit 3


def empty_with_int_dtype(n):
    x = np.zeros(n)
    return x.mean(dtype=np.int64)
# CASE empty_with_int_dtype: 0
# CASE empty_with_int_dtype: 3


def mean_of_cumsum(x):
    return np.cumsum(x).mean(dtype=np.int64)
# CASE mean_of_cumsum: [0.75,2.83]
