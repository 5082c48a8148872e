"""Arrays whose innermost runs are short, as in k-means' distance matrix
(points[:, None, :] - centers[None, :, :] over 2 coordinates, summed over
axis 2, argmin over 8 centers): broadcasts whose inner run is shorter than a
vector, sums of rows of fewer than 8 elements, argmin/argmax of rows up to 32
long (one scan) and longer (two passes), with NaN, ties and signed zeros.
"""
import numpy as np


def pairwise_sq_dists(points, centers):
    diff = points[:, None, :] - centers[None, :, :]
    d = np.sum(diff ** 2, axis=2)
    return d, np.argmin(d, axis=1), np.argmax(d, axis=1)
# CASE pairwise_sq_dists: [[0.0,0.0],[1.0,2.0],[3.0,-1.0]] [[0.0,1.0],[2.0,2.0]]
# CASE pairwise_sq_dists: [[1.5,2.5]] [[0.0,0.0],[1.5,2.5],[3.0,3.0]]
# CASE pairwise_sq_dists: [[1,2],[3,4]] [[1,2]]
# CASE pairwise_sq_dists: [[1,2,3],[4,5,6]] [[1.0,0.5,0.25],[2.0,2.0,2.0],[0.0,0.0,1.0],[1.0,2.0,3.0]]


def outer_ops(a, b):
    col = a[:, None]
    row = b[None, :]
    return col + row, col * row, col - row, col < row, row / col, (col == row)
# CASE outer_ops: [1.0,2.0,3.0] [0.5,2.0]
# CASE outer_ops: [1,2,3] [4,5,6,7,8,9,10,11,12]
# CASE outer_ops: [1,2] [1.5,2.0,-1.0]
# CASE outer_ops: [2.0] [1.0,2.0,3.0]
# CASE outer_ops: [] [1.0,2.0]


def three_axis_broadcast(a, b):
    x = a.reshape(2, 1, 3)
    y = b.reshape(1, 4, 1)
    return x + y, x * 2 - y, np.maximum(x, y)
# CASE three_axis_broadcast: [1,2,3,4,5,6] [0.5,1.5,2.5,3.5]
# CASE three_axis_broadcast: [1.0,-2.0,3.0,-4.0,5.0,-6.0] [1,0,-1,2]


def short_row_sums(x, n):
    rows = x.reshape(-1, n)
    return np.sum(rows, axis=1), np.sum(rows.astype(np.float32), axis=1), np.sum(rows, axis=0)
# CASE short_row_sums: [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0,1.1,1.2,1.3,1.4] 2
# CASE short_row_sums: [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0,1.1,1.2,1.3,1.4] 7
# CASE short_row_sums: [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0,1.1,1.2,1.3,1.4,1.5,1.6] 8
# CASE short_row_sums: [1e16,1.0,-1e16,1.0,2.0,3.0] 3
# CASE short_row_sums: [1,2,3,4] 1


def arg_rows(x, n):
    rows = x.reshape(-1, n)
    return np.argmin(rows, axis=1), np.argmax(rows, axis=1), np.argmin(rows.astype(np.float32), axis=1)
# CASE arg_rows: [3.0,1.0,1.0,2.0,5.0,5.0,0.0,-1.0] 4
# CASE arg_rows: [3.0,1.0,1.0,2.0,5.0,5.0,0.0,-1.0] 2
# CASE arg_rows: [0.0,-0.0,-0.0,0.0] 2
# CASE arg_rows: [1,5,5,2,0,0,7,-3] 4
# CASE arg_rows: [1.0] 1


def arg_rows_nan(n):
    x = np.arange(4.0 * n).reshape(4, n) % 5.0
    x[1, n // 2] = np.nan
    x[2, 0] = np.nan
    x[2, n - 1] = np.nan
    x[3, :] = np.nan
    return np.argmin(x, axis=1), np.argmax(x, axis=1)
# CASE arg_rows_nan: 1
# CASE arg_rows_nan: 2
# CASE arg_rows_nan: 8
# CASE arg_rows_nan: 32
# CASE arg_rows_nan: 33
# CASE arg_rows_nan: 70


def arg_rows_bool(x):
    rows = x.reshape(-1, 3)
    return np.argmax(rows, axis=1), np.argmin(rows, axis=1)
# CASE arg_rows_bool: [false,true,true,false,false,false,true,true,true]


def squares(x):
    y = x.astype(np.float32)
    return x ** 2, y ** 2.0, y ** 2, x ** 2.5, x.astype(np.int64) ** 2, np.power(x, 2)
# CASE squares: [0.0,-0.0,1.5,-3.0,1e200,-1e-200]
# CASE squares: [4.0]
# CASE squares: []


def squares_special():
    x = np.array([np.nan, np.inf, -np.inf, 0.5])
    return x ** 2, x.astype(np.float32) ** 2
# CASE squares_special:
