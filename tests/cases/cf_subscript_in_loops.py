"""Subscript assignment inside loops and branches, with value semantics:
preallocated outputs filled over time steps, counters, masks, slices."""
import numpy as np


def fill_time_steps(x, decay=0.9):
    """`out[t] = h` over time steps: exponential moving average."""
    steps = x.shape[0]
    out = np.zeros_like(x)
    h = np.zeros_like(x[0])
    for t in range(steps):
        h = decay * h + (1 - decay) * x[t]
        out[t] = h
    return out, h


# CASE fill_time_steps: [[1.0,2.0],[3.0,4.0],[5.0,6.0]]
# CASE fill_time_steps: [[1.0,2.0]] 0.5
# CASE fill_time_steps: [1.0,2.0,3.0] 0.0


def counter_in_while(y, limit):
    """`y[0] += 1` in a while loop; the argument itself is copied first."""
    y = y.copy()
    while y[0] < limit:
        y[0] += 1
    return y


# CASE counter_in_while: [0,5] 3
# CASE counter_in_while: [9,5] 3


def bincount_by_loop(idx, n):
    """`counts[i] += 1` with an index read from an array."""
    counts = np.zeros(n, dtype=np.int64)
    for i in idx:
        counts[i] += 1
    return counts


# CASE bincount_by_loop: [0,2,2,1,2] 3
# CASE bincount_by_loop: [] 2
# CASE bincount_by_loop: [0,5] 3 -> exit 3


def slice_assign_in_loop(n, width):
    """`m[i, :i + 1] = ...` fills a lower triangle row by row."""
    m = np.zeros((n, width))
    for i in range(n):
        m[i, :i + 1] = i + 1.0
    return m


# CASE slice_assign_in_loop: 3 3
# CASE slice_assign_in_loop: 4 2
# CASE slice_assign_in_loop: 0 2


def mask_assign_in_branch(x, clip_negative):
    """`y[mask] = 0` only on one branch."""
    y = x.copy()
    if clip_negative:
        y[y < 0] = 0.0
    else:
        y[y > 0] *= 2
    return y


# CASE mask_assign_in_branch: [1.0,-2.0,3.0] true
# CASE mask_assign_in_branch: [1.0,-2.0,3.0] false


def value_semantics_of_copy(x):
    """Changing a copy inside a loop leaves the original unchanged."""
    y = x.copy()
    for i in range(y.shape[0]):
        y[i] = y[i] * 10
    return x, y


# CASE value_semantics_of_copy: [1,2,3]


def prefix_sums_inplace(x):
    """`y[i] += y[i - 1]`: each iteration reads the previous write."""
    y = x.astype(np.float64)
    for i in range(1, y.shape[0]):
        y[i] += y[i - 1]
    return y


# CASE prefix_sums_inplace: [1,2,3,4]
# CASE prefix_sums_inplace: [5]


def column_writes(x):
    """Write whole columns in a loop: column j is j times column 0."""
    out = np.zeros_like(x)
    for j in range(x.shape[1]):
        out[:, j] = x[:, 0] * j
    return out


# CASE column_writes: [[1,9,9],[2,9,9]]
# CASE column_writes: [[1.5],[2.5]]


def int_store_truncates(x):
    """Storing floats into an int buffer truncates like NumPy."""
    buf = np.zeros(x.shape[0], dtype=np.int32)
    for i in range(x.shape[0]):
        buf[i] = x[i] * 1.5
    return buf


# CASE int_store_truncates: [1.0,2.0,-3.0]


def negative_index_writes(x, k):
    """Negative indices in a loop: write the last k positions backwards."""
    y = x.copy()
    for i in range(1, k + 1):
        y[-i] = -i
    return y


# CASE negative_index_writes: [0,0,0,0] 2
# CASE negative_index_writes: [0,0,0,0] 4
# CASE negative_index_writes: [0,0,0,0] 5 -> exit 3


def scatter_max(idx, vals, n):
    """Keeps the max value per bucket with a branch on the current entry."""
    out = np.full(n, -np.inf)
    for j in range(idx.shape[0]):
        b = idx[j]
        if vals[j] > out[b]:
            out[b] = vals[j]
    return out


# CASE scatter_max: [0,1,0,1] [1.0,5.0,3.0,2.0] 3
# CASE scatter_max: [] [] 1
