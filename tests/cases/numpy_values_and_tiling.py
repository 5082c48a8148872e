"""NumPy scalar constructors (np.float32(x)), float() of strings,
np.finfo / np.iinfo fields, np.append, np.repeat and np.tile, as public
NumPy code writes them."""
import numpy as np


def scalars(x, n):
    """np.float32(x) and friends are NumPy scalars of that dtype."""
    eps = np.float32(1e-8)
    return np.float32(x) + eps, np.int64(n) * 2, np.float64(n) / 4, np.int32(3.9), np.bool_(n)


# CASE scalars: 1.5 3
# CASE scalars: -0.25 0


def float_of_text(s):
    """float('inf') and float() of a str argument."""
    best = float("inf")
    worst = float("-inf")
    if float(s) < best:
        best = float(s)
    return best, worst, float("nan") != float("nan"), float(" 1_000.5 ")


# CASE float_of_text: "2.5e3"
# CASE float_of_text: "-Infinity"
# CASE float_of_text: "abc" -> exit 3


def type_info(x):
    """Machine limits of float and int dtypes, also from an array's dtype."""
    eps = np.finfo(float).eps
    return (eps, np.finfo(np.float32).eps, np.finfo(x.dtype).tiny, np.finfo(x.dtype).max,
            np.iinfo(np.int32).max, np.iinfo(np.int64).min, np.finfo(np.float32).bits,
            np.clip(x, np.finfo(x.dtype).eps, 1.0))


# CASE type_info: [0.0,0.5,2.0]


def append_repeat_tile(a, k):
    """np.append with and without axis, np.repeat with ints and counts, np.tile."""
    m = a.reshape(2, -1)
    return (np.append(a, [9.0, 8.0]), np.append(m, m, axis=0), np.append(m, m[:, :1], axis=1),
            np.repeat(a, k), np.repeat(m, 2, axis=1), m.repeat(np.array([1, 2]), axis=0),
            np.tile(a, k), np.tile(m, (2, 1)), np.tile(a, (2, 1, 2)))


# CASE append_repeat_tile: [1.0,2.0,3.0,4.0] 2
# CASE append_repeat_tile: [1.0,2.0] 0
# CASE append_repeat_tile: [1.0,2.0] -1 -> exit 3
