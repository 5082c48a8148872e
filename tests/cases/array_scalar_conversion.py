"""np.array([...], dtype=int) converts each listed scalar as NumPy does.

A NaN listed for an integer dtype is "ValueError: cannot convert float NaN
to integer", an infinity or a float beyond int64 an OverflowError, a Python
int beyond int32 for int32 an OverflowError; so is x[i] = v. Whole arrays
cast without checks (x.astype(np.int64), np.full(..., dtype=np.int64)).
"""
import numpy as np


def listed_for_int64(v):
    return np.array([v], dtype=np.int64)
# CASE listed_for_int64: 2.75
# CASE listed_for_int64: 1e19 -> exit 3
# CASE listed_for_int64: -9.3e18 -> exit 3


def listed_nan(s):
    return np.array([s * np.nan], dtype=np.int64)
# CASE listed_nan: 1.0 -> exit 3


def listed_infinity(s):
    return np.array([1.0, s * np.inf], dtype=np.int32)
# CASE listed_infinity: 1.0 -> exit 3


def nested_nan(s):
    return np.array([[1.0, 2.0], [s, s * np.nan]], dtype=np.int64)
# CASE nested_nan: 1.0 -> exit 3


def scalar_nan(s):
    return np.array(s * np.nan, dtype=np.int64)
# CASE scalar_nan: 1.0 -> exit 3


def asarray_nan(s):
    return np.asarray([s * np.nan], dtype=np.int64)
# CASE asarray_nan: 1.0 -> exit 3


def numpy_scalar_listed(x):
    return np.array([x[0] * np.nan], dtype=np.int64)
# CASE numpy_scalar_listed: [1.0] -> exit 3


def python_int_beyond_int32(k):
    return np.array([k], dtype=np.int32)
# CASE python_int_beyond_int32: 3000000000 -> exit 3
# CASE python_int_beyond_int32: -5


def float_beyond_int32_wraps(v):
    return np.array([v], dtype=np.int32)
# CASE float_beyond_int32_wraps: 1e10


def nan_to_bool_and_float(s):
    return np.array([s * np.nan], dtype=np.bool_), np.array([s * np.nan], dtype=np.float32)
# CASE nan_to_bool_and_float: 1.0


def assign_nan(x, s):
    z = np.zeros(2, dtype=np.int64)
    z[0] = s * np.nan
    return z
# CASE assign_nan: [1.0] 1.0 -> exit 3


def assign_numpy_scalar_nan(x):
    z = np.zeros(2, dtype=np.int64)
    z[1] = x[0] * np.nan
    return z
# CASE assign_numpy_scalar_nan: [1.0] -> exit 3


def assign_large(v):
    z = np.zeros(2, dtype=np.int64)
    z[0] = v
    return z
# CASE assign_large: 1e19 -> exit 3
# CASE assign_large: 3.5


def whole_arrays_cast(x):
    y = x * np.nan
    return np.full(2, np.nan, dtype=np.int64).shape, y.astype(np.int64).shape, np.array(y, dtype=np.int64).shape
# CASE whole_arrays_cast: [1.0,2.0]
