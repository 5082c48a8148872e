"""Loops over the rows and elements of small arrays: x[i] and x[i, j] with
int indices, x[i, j] = v for one element, np.sum of a row, and arithmetic
and comparisons on the NumPy float64 scalars that come out, which the
runtime runs without building index plans or new 0-d arrays where it can
(runtime/kernels_index.cc, kernels_reduce.cc, scalar_fast_path.h). Each
function takes every branch and its loops run 0, 1 and many times; values
kept across iterations check that a reused scalar is never one still in use.
"""
import numpy as np


def row_rules(x):
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        s = np.sum(x[i])
        if s > 1.0:
            out[i] = s * 2.0
        elif s < -1:
            out[i] = -s
        elif s == 0:
            out[i] = s / 4
        else:
            out[i] = 1 - s * s
    return out
# CASE row_rules: [[0.5,0.75],[-2.0,0.5],[0.0,0.0],[0.25,-0.5],[3.0,4.0]]
# CASE row_rules: [[0.25,0.5,0.125]]
# CASE row_rules: [[1,2],[-3,1],[0,0]]
# CASE row_rules: []


def row_sums_float32(x):
    x = x.astype(np.float32)
    out = np.zeros(x.shape[0], dtype=np.float32)
    total = 0.0
    for i in range(x.shape[0]):
        s = np.sum(x[i])
        out[i] = s * 3.0
        total = total + s
    return out, total
# CASE row_sums_float32: [[0.1,0.2,0.3],[1.5,-2.5,0.25]]
# CASE row_sums_float32: [[1,2,3]]


def element_stores(v):
    ints = np.zeros((2, 3), dtype=np.int32)
    floats = np.zeros(3)
    flags = np.zeros(2, dtype=bool)
    ints[1, 2] = v
    ints[-1, 0] = 7
    ints[0, -1] = np.asarray(2.5, dtype=np.float64)
    floats[0] = v
    floats[-1] = True
    floats[1] = np.asarray(0.5, dtype=np.float32)
    flags[0] = v
    return ints, floats, flags
# CASE element_stores: 3
# CASE element_stores: 2.7
# CASE element_stores: -2.7
# CASE element_stores: true
# CASE element_stores: 0
# CASE element_stores: 2147483648 -> exit 3


def store_nan_into_ints():
    ints = np.zeros(3, dtype=np.int64)
    ints[1] = np.nan
    return ints
# CASE store_nan_into_ints: -> exit 3


def store_out_of_bounds(i, j):
    grid = np.zeros((2, 3))
    grid[i, j] = 1.0
    return grid
# CASE store_out_of_bounds: 1 2
# CASE store_out_of_bounds: -2 -3
# CASE store_out_of_bounds: 2 0 -> exit 3
# CASE store_out_of_bounds: 0 -4 -> exit 3


def int_reads(x, i, j):
    row = x[i]
    e = x[i, j]
    return row, e, x[-1], x[i][j]
# CASE int_reads: [[1,2,3],[4,5,6]] 1 2
# CASE int_reads: [[1.5,2.5],[3.5,4.5]] -2 -1
# CASE int_reads: [[[1,2],[3,4]],[[5,6],[7,8]]] 1 0
# CASE int_reads: [[true,false],[false,true]] 0 1
# CASE int_reads: [[1,2,3],[4,5,6]] 2 0 -> exit 3
# CASE int_reads: [[1,2,3],[4,5,6]] 0 -4 -> exit 3


def read_with_bool(x, flag):
    return x[flag]
# CASE read_with_bool: [1.5,2.5] true
# CASE read_with_bool: [[1,2],[3,4]] false


def numpy_scalar_ops(x, y):
    s = np.sum(x)
    t = np.max(x)
    return (s + y, y - s, s * t, s / y, y / s, s < y, s >= t, s == y, s != y, t - s,
            True + s, s * 2, s > False)
# CASE numpy_scalar_ops: [1.5,2.5] 2.0
# CASE numpy_scalar_ops: [1.0,-1.0] 0
# CASE numpy_scalar_ops: [1.0,-1.0] 0.0
# CASE numpy_scalar_ops: [-3.0,1.0] -2
# CASE numpy_scalar_ops: [1e308,1e308] 0.5


def nan_compares(x):
    s = np.sum(x) * np.nan
    return s < 1.0, s != s, s == s, 1.0 > s, s + 1
# CASE nan_compares: [1.0,2.0]


def keeps_previous(x):
    prev = np.sum(x[0])
    cur = prev
    pair = (cur, cur)
    for i in range(1, x.shape[0]):
        prev = cur
        cur = cur * 0.5 + np.sum(x[i])
        doubled = cur * 2.0
        if doubled > 10:
            pair = (prev, doubled)
    return prev, cur, pair[0], pair[1]
# CASE keeps_previous: [[1.0,2.0]]
# CASE keeps_previous: [[1.0,2.0],[3.0,4.0]]
# CASE keeps_previous: [[1.0,2.0],[3.0,4.0],[5.0,6.0],[0.5,0.25],[8.0,1.0]]


def shared_scalars(x):
    cur = np.sum(x[0])
    pairs = (cur, cur)
    for i in range(1, x.shape[0]):
        pairs = (cur, pairs[0])
        cur = cur * 0.5 + np.sum(x[i])
    return cur, pairs[0], pairs[1]
# CASE shared_scalars: [[1.0,2.0]]
# CASE shared_scalars: [[1.0,2.0],[3.0,4.0]]
# CASE shared_scalars: [[1.0,2.0],[3.0,4.0],[5.0,6.0],[0.5,0.25]]


def gate_slices(z, n):
    i = z[:n]
    f = z[n:2 * n]
    g = z[2 * n:-n]
    o = z[3 * n:]
    grid = z.reshape(4, -1)
    return (i, f, g, o, z[-2:], z[-100:2], z[5:2], z[n:100], grid[1:3], grid[-1, 1:],
            grid[1, :-1], grid[2:], grid[0, n:n])
# CASE gate_slices: [0.5,1.5,2.5,3.5,4.5,5.5,6.5,7.5] 2
# CASE gate_slices: [1,2,3,4,5,6,7,8,9,10,11,12] 3
# CASE gate_slices: [true,false,true,false] 1


def slices_in_loop(x, k):
    total = np.zeros(x.shape[1] - k)
    for i in range(x.shape[0]):
        total = total + x[i, k:] * x[i][:x.shape[1] - k]
    return total, x[x.shape[0] - 1, -k:]
# CASE slices_in_loop: [[1.0,2.0,3.0],[4.0,5.0,6.0]] 1
# CASE slices_in_loop: [[1.0,2.0,3.0]] 0
# CASE slices_in_loop: [[1.0,2.0,3.0],[4.0,5.0,6.0]] 3
