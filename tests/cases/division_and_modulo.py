"""True division, floor division and modulo: Python's floor semantics for
negative operands, and IEEE results for division by zero in arrays."""
import numpy as np


def true_divide(a, b):
    """/ always gives a float: int64 / int64 -> float64."""
    return a / b


# CASE true_divide: [1,2,3] [2,4,8]
# CASE true_divide: 7 2
# CASE true_divide: [1.0,-1.0,0.0] [0.0,0.0,0.0]
# CASE true_divide: [1,-1,0] [0,0,0]


def true_divide_float32(x):
    """float32 / Python int stays float32; int32 / int32 is float64."""
    f = x.astype(np.float32)
    i = x.astype(np.int32)
    return f / 3, i / i, np.divide(f, 2.0), np.true_divide(i, 4)


# CASE true_divide_float32: [1.0,2.0,6.0]


def floor_div_and_mod(a, b):
    """// and % round toward negative infinity, as in Python."""
    return a // b, a % b


# CASE floor_div_and_mod: [7,-7,7,-7] [2,2,-2,-2]
# CASE floor_div_and_mod: [7.5,-7.5,7.5,-7.5] [2.0,2.0,-2.0,-2.0]
# CASE floor_div_and_mod: -7 3
# CASE floor_div_and_mod: 7 -3
# CASE floor_div_and_mod: -7.5 2.0
# CASE floor_div_and_mod: [[9,-9],[10,-10]] 4


def int_array_divide_by_zero(a):
    """NumPy integer // 0 and % 0 give 0 (with a warning), not an error."""
    zero = np.zeros_like(a)
    return a // zero, a % zero


# CASE int_array_divide_by_zero: [5,-5,0]


def float_array_divide_by_zero(a):
    """Float // 0.0 and % 0.0 give inf/nan as NumPy does."""
    return a // 0.0, a % 0.0, a / 0.0


# CASE float_array_divide_by_zero: [1.0,-1.0,0.0]


def mod_functions(a, b):
    """np.mod, np.remainder and np.floor_divide."""
    return np.mod(a, b), np.remainder(a, b), np.floor_divide(a, b)


# CASE mod_functions: [10,-10,3] [3,3,-4]
# CASE mod_functions: [5.5,-5.5] 2


def int32_floor_div(x, k=2):
    """int32 // Python int stays int32."""
    y = x.astype(np.int32)
    return y // k, y % k, y // -3


# CASE int32_floor_div: [5,-5,8,0]
# CASE int32_floor_div: [[100,-1],[7,9]] 7


def mean_of_ints(x):
    """A hand-written mean: int sum / int count is a float64."""
    total = np.sum(x)
    return total / len(x), total // len(x)


# CASE mean_of_ints: [1,2,3,4]
# CASE mean_of_ints: [-3,-4]
