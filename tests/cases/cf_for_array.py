"""for over an array's first axis: elements of a vector, rows of a matrix,
matrices of a 3-D batch; empty arrays give zero trips."""
import numpy as np


def sum_elements(x):
    """Iterating a vector yields NumPy scalars; the int 0 becomes one."""
    total = 0
    for v in x:
        total = total + v
    return total


# CASE sum_elements: [1,2,3]
# CASE sum_elements: [0.5,0.25]
# CASE sum_elements: [7]
# CASE sum_elements: []


def row_norms(x):
    """Iterating a matrix yields its rows; a norm per row."""
    norms = np.zeros(x.shape[0])
    i = 0
    for row in x:
        norms[i] = np.sqrt(np.sum(row * row))
        i += 1
    return norms


# CASE row_norms: [[3.0,4.0],[1.0,0.0],[0.0,0.0]]
# CASE row_norms: [[1,2,2]]


def gram_by_rows(x):
    """Accumulates x^T x as a sum of outer products of the rows."""
    d = x.shape[1]
    g = np.zeros((d, d))
    for row in x:
        g = g + np.outer(row, row)
    return g


# CASE gram_by_rows: [[1.0,2.0],[3.0,4.0],[5.0,6.0]]
# CASE gram_by_rows: [[1.0,-1.0,0.5]]


def batch_traces(x):
    """Iterating a 3-D batch yields matrices."""
    out = np.zeros(x.shape[0])
    k = 0
    for m in x:
        out[k] = np.sum(m * np.eye(m.shape[0]))
        k += 1
    return out


# CASE batch_traces: [[[1,2],[3,4]],[[5,6],[7,8]]]
# CASE batch_traces: [[[2.5]]]


def running_max(x):
    """Cumulative maximum with a None start value."""
    best = None
    out = np.zeros_like(x)
    i = 0
    for v in x:
        if best is None or v > best:
            best = v
        out[i] = best
        i += 1
    return out, best


# CASE running_max: [3.0,1.0,4.0,1.0,5.0,9.0,2.0,6.0]
# CASE running_max: [-2,-3,-1]
# CASE running_max: []


def count_positive_rows(x):
    """Branches on a row reduction inside the loop."""
    n = 0
    for row in x:
        if np.all(row > 0):
            n += 1
    return n


# CASE count_positive_rows: [[1,2],[-1,2],[3,4]]
# CASE count_positive_rows: [[-1,-2]]


def loop_over_float32(x):
    """The elements of a float32 array are float32 scalars."""
    x32 = x.astype(np.float32)
    acc = np.zeros(1, dtype=np.float32)
    for v in x32:
        acc = acc + v * 0.5
    return acc


# CASE loop_over_float32: [1.0,2.0,3.0]
# CASE loop_over_float32: [0.1]


def loop_over_slice(x, start):
    """Iterating a slice and a reversed slice of the argument."""
    fwd = 0.0
    for v in x[start:]:
        fwd = fwd * 10 + v
    bwd = 0.0
    for v in x[::-1]:
        bwd = bwd * 10 + v
    return fwd, bwd


# CASE loop_over_slice: [1,2,3,4] 1
# CASE loop_over_slice: [1,2,3,4] 4
# CASE loop_over_slice: [1,2,3,4] -2


def loop_over_int_array_index(x, idx):
    """The elements of an int array used as indices into another array."""
    out = 0.0
    for j in idx:
        out += x[j]
    return out


# CASE loop_over_int_array_index: [10.0,20.0,30.0] [2,0,2]
# CASE loop_over_int_array_index: [10.0,20.0,30.0] [-1]
# CASE loop_over_int_array_index: [10.0,20.0,30.0] [3] -> exit 3


def loop_over_scalar(x):
    """Iterating a 0-d value is a TypeError in Python."""
    s = 0
    for v in x:
        s += v
    return s


# CASE loop_over_scalar: 3.5 -> exit 3
# CASE loop_over_scalar: [[1,2],[3,4]]
