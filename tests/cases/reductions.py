"""Reductions: sum mean prod max min argmax argmin all any var std cumsum,
with axis (int, negative, tuple), keepdims and dtype, as functions and methods."""
import numpy as np


def full_reductions(x):
    """Reductions over every element give NumPy scalars."""
    return np.sum(x), np.mean(x), np.prod(x), np.max(x), np.min(x), np.argmax(x), np.argmin(x)


# CASE full_reductions: [3,1,4,1,5,9,2,6]
# CASE full_reductions: [[1.5,-2.0],[0.25,8.0]]
# CASE full_reductions: 2.5


def axis_reductions(x):
    """axis=0 and axis=1 on a matrix."""
    return np.sum(x, axis=0), np.mean(x, axis=1), np.max(x, axis=0), np.min(x, axis=1), np.prod(x, axis=0)


# CASE axis_reductions: [[1,2,3],[4,5,6]]
# CASE axis_reductions: [[1.0,-2.0],[3.5,4.0],[0.5,0.5]]


def negative_and_tuple_axes(x):
    """axis=-1 and axis=(0, 2) on a 3-D array."""
    return np.sum(x, axis=-1), np.max(x, axis=(0, 2)), np.mean(x, axis=(-1, -2))


# CASE negative_and_tuple_axes: [[[1,2],[3,4]],[[5,6],[7,8]],[[9,10],[11,12]]]


def keepdims(x):
    """keepdims=True keeps the reduced axes with size 1."""
    return (np.sum(x, axis=1, keepdims=True), np.max(x, axis=0, keepdims=True),
            np.mean(x, keepdims=True), np.argmax(x, axis=1, keepdims=True))


# CASE keepdims: [[1.0,5.0,2.0],[7.0,0.0,3.0]]


def reduction_dtypes(x):
    """int32 sums widen to int64; dtype= overrides; mean of ints is float64."""
    i32 = x.astype(np.int32)
    return (np.sum(i32), np.sum(i32, dtype=np.int32), np.prod(i32), np.max(i32),
            np.mean(i32), np.mean(i32, dtype=np.float32), np.sum(x, dtype=np.float64))


# CASE reduction_dtypes: [1,2,3,4]


def float32_reductions(x):
    """float32 reductions stay float32; argmax is int64."""
    x32 = x.astype(np.float32)
    return np.sum(x32), np.mean(x32, axis=0), np.var(x32), np.std(x32, axis=1), np.argmax(x32)


# CASE float32_reductions: [[1.0,2.0],[3.0,5.0]]


def var_std(x):
    """Variance and standard deviation, population and ddof=1."""
    return np.var(x), np.std(x), np.var(x, axis=0), np.std(x, axis=1, ddof=1), np.var(x, ddof=1)


# CASE var_std: [[1.0,2.0,4.0],[8.0,16.0,32.0]]
# CASE var_std: [[1,2],[3,5]]


def all_any(x):
    """all/any over everything and along an axis."""
    return np.all(x), np.any(x), np.all(x, axis=0), np.any(x, axis=1), np.all(x > -1)


# CASE all_any: [[true,false],[true,true]]
# CASE all_any: [[0,1],[2,3]]


def methods(x):
    """The method spellings x.sum() x.mean() x.max() x.min() x.argmax() ..."""
    return (x.sum(), x.mean(axis=0), x.max(axis=1), x.min(), x.argmax(), x.argmin(axis=0),
            x.prod(), x.var(), x.std(axis=0), x.all(), x.any(axis=1))


# CASE methods: [[2.0,-1.0],[0.5,3.0]]


def method_keywords(x):
    """Keyword arguments on methods: x.sum(axis=-1, keepdims=True)."""
    return x.sum(axis=-1, keepdims=True), x.max(axis=(0, 1)), x.mean(dtype=np.float32)


# CASE method_keywords: [[1,2,3],[4,5,6]]


def cumulative(x):
    """np.cumsum flattened and along an axis."""
    return np.cumsum(x), np.cumsum(x, axis=1), x.cumsum(axis=0)


# CASE cumulative: [[1,2,3],[4,5,6]]


def empty_reductions(x):
    """Reductions of an empty array: sum 0, prod 1, all True, any False."""
    return np.sum(x), np.prod(x), np.all(x), np.any(x), np.sum(x, axis=0)


# CASE empty_reductions: []


def empty_matrix_reductions(n):
    """Reducing a (0, 3) array along axis 0 gives shape (3,)."""
    z = np.zeros((0, n))
    return z.sum(axis=0), z.max(axis=1), z.shape[0]


# CASE empty_matrix_reductions: 3


def argmax_ties(x):
    """argmax/argmin return the first of equal values."""
    return np.argmax(x), np.argmin(x), np.argmax(x, axis=0)


# CASE argmax_ties: [[1,3,3],[3,1,1]]


def nan_propagation(x):
    """max/min/sum propagate NaN."""
    y = np.log(x)
    return np.max(y), np.min(y), np.sum(y), np.argmax(y)


# CASE nan_propagation: [1.0,-1.0,2.0]


def normalize_rows(x):
    """Row normalisation, a common reduction pattern."""
    return x / np.sum(x, axis=1, keepdims=True)


# CASE normalize_rows: [[1.0,3.0],[2.0,2.0],[0.5,1.5]]


def amax_amin(x):
    """np.amax / np.amin are aliases of np.max / np.min."""
    return np.amax(x), np.amin(x, axis=0), np.amax(x, axis=1, keepdims=True)


# CASE amax_amin: [[3,-1],[0,7]]


def argbest_of_short_rows(x):
    """argmin/argmax along short rows (scanned once): ties give the first,
    a NaN anywhere in a row gives the first NaN, also in the first place."""
    y = np.sqrt(x)  # negative entries become NaN
    return (np.argmin(y, axis=1), np.argmax(y, axis=1), np.argmin(y, axis=-1, keepdims=True),
            np.argmax(x.astype(np.float32), axis=1), np.argmin(x.astype(np.int64), axis=1))


# CASE argbest_of_short_rows: [[4.0,1.0,1.0,9.0],[-1.0,2.0,3.0,0.5],[2.0,2.0,-1.0,-4.0],[0.0,5.0,5.0,0.0]]
# CASE argbest_of_short_rows: [[3.0],[-2.0]]
# CASE argbest_of_short_rows: [[1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0,0.5],[9.0,8.0,7.0,6.0,5.0,4.0,3.0,2.0,-1.0]]


def sum_over_short_last_axis(p, c):
    """Sums over a last axis of 2, 3 or 4 (squared distances of points, as
    k-means computes them), float64 and float32, with -0.0 rows."""
    d = np.sum((p[:, None, :] - c[None, :, :]) ** 2, axis=2)
    z = np.sum(-(p * 0.0), axis=1)  # rows of -0.0 sum to +0.0
    q = p.astype(np.float32)
    return d, z, np.sum(q, axis=-1), np.sum(q[:, :1], axis=1), np.mean(p, axis=1), p.sum(axis=1, keepdims=True)


# CASE sum_over_short_last_axis: [[0.0,1.0],[2.0,-3.0],[4.5,0.5],[1.0,1.0],[2.0,2.0],[3.0,3.0],[4.0,4.0],[5.0,5.0],[6.0,6.0]] [[1.0,0.0],[-2.0,2.0],[0.5,0.25]]
# CASE sum_over_short_last_axis: [[0.0,1.0,2.0],[3.0,4.0,5.0]] [[1.0,1.0,1.0],[0.0,-1.0,2.0]]
# CASE sum_over_short_last_axis: [[0.0,1.0,2.0,3.0],[1e308,1e308,-1e308,1.0]] [[1.0,1.0,1.0,1.0]]
