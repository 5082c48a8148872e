"""NumPy's searching, sorting, stacking and comparison functions as public
ML code uses them (NMS, top-k, masks): np.where(condition), nonzero,
flatnonzero, argwhere, argsort, sort, hstack, vstack, triu, tril, cumprod,
diff, isclose, allclose, array_equal, math.erf."""
import math

import numpy as np


def where_indices(x, threshold):
    """np.where(cond)[0], np.nonzero on 1-D and 2-D, flatnonzero, argwhere."""
    keep = np.where(x <= threshold)[0]
    rows, cols = np.nonzero(x.reshape(2, -1) > threshold)
    return keep, rows, cols, np.flatnonzero(x > threshold), np.argwhere(x.reshape(2, -1) > 0)


# CASE where_indices: [0.1,0.9,0.5,0.3,0.8,0.2] 0.4
# CASE where_indices: [0.1,0.9,0.5,0.3,0.8,0.2] 1.0
# CASE where_indices: [0.1,0.9,0.5,0.3,0.8,0.2] -1.0


# The py-faster-rcnn NMS these functions serve is tests/corpus/detection_and_clustering.py.


def sorting(x):
    """argsort and sort along axes, None flattening, NaN last (100 stands for
    NaN), kind= accepted."""
    x = np.where(x == 100.0, np.nan, x)
    m = x.reshape(2, -1)
    return (np.argsort(x), np.sort(x), np.argsort(m, axis=0), np.sort(m, axis=None),
            m.argsort(axis=1), np.argsort(x, kind="stable"), np.sort(x)[::-1][:2])


# CASE sorting: [3.0,1.0,2.0,-5.0,4.0,0.5]
# CASE sorting: [1.0,100.0,0.0,-1.0]
# CASE sorting: [2.0,2.0,1.0,1.0]


def stacking(a, b):
    """hstack / vstack / row_stack of vectors, matrices and numbers."""
    return (np.hstack((a, b)), np.vstack((a, b)), np.row_stack((a, b)), np.hstack([a.reshape(-1, 1), b.reshape(-1, 1)]),
            np.vstack([a.reshape(1, -1), b]), np.hstack((1.0, a)))


# CASE stacking: [1.0,2.0] [3.0,4.0]
# CASE stacking: [1,2,3] [4,5,6]


def triangles(x, k):
    """Causal masks: triu / tril of matrices, of a vector, with k."""
    n = x.shape[0]
    mask = np.tril(np.ones((n, n)))
    return np.triu(x.reshape(n, 1) * x), np.tril(x, k), np.triu(x, -k), mask, np.triu(np.ones((2, n, n)), 1)


# CASE triangles: [1.0,2.0,3.0] 0
# CASE triangles: [1.0,2.0,3.0] 1
# CASE triangles: [4.0] -1


def scans(x):
    """cumprod and diff (n and axis), on floats, ints and bools."""
    m = x.reshape(2, -1)
    ints = m.astype(np.int64)
    return (np.cumprod(x), np.cumprod(m, axis=1), ints.cumprod(axis=0), np.diff(x), np.diff(m, axis=0),
            np.diff(x, n=2), np.diff(ints), np.diff(m > 1.0), np.diff(x, n=0))


# CASE scans: [1.0,2.0,3.0,4.0,0.5,-1.0]
# CASE scans: [2.0,2.0]


def closeness(a, b):
    """isclose / allclose / array_equal with tolerances, NaN (100 stands for
    it) and infinity (1000)."""
    a = np.where(a == 100.0, np.nan, np.where(a == 1000.0, np.inf, a))
    b = np.where(b == 100.0, np.nan, np.where(b == 1000.0, np.inf, b))
    return (np.isclose(a, b), np.allclose(a, b), np.allclose(a, b, atol=0.1), np.array_equal(a, b),
            np.isclose(a, b, rtol=0.0, atol=1e-3, equal_nan=True), np.array_equal(a, a, equal_nan=True),
            np.array_equal(a, a[:1]), np.isclose(a, 1.0))


# CASE closeness: [1.0,2.0,100.0] [1.0,2.05,100.0]
# CASE closeness: [1.0,1000.0] [1.0000001,1000.0]
# CASE closeness: [0.0] [1e-9]


def gelu_erf(x):
    """The exact GELU with math.erf per element."""
    out = np.zeros_like(x)
    for i in range(x.shape[0]):
        out[i] = 0.5 * x[i] * (1.0 + math.erf(x[i] / math.sqrt(2.0)))
    return out, math.erf(0.5), math.erf(-3)


# CASE gelu_erf: [-2.0,-0.5,0.0,0.5,2.0]
# CASE gelu_erf: []
