"""Elementwise chains on one line, which the compiler fuses into one node
(transform/passes/fuse_elementwise.h): float32 and float64 arrays with
Python scalars take the blocked path, everything else (ints, bools,
broadcasting, mixed dtypes, 0-d arrays, Python scalars alone) runs the ops
one by one. Results, dtypes and errors must be NumPy's either way; loops run
0, 1 and many times.
"""
import math

import numpy as np


def chain(x):
    return np.tanh(x * 0.5 + 1.0) * x - 0.25
# CASE chain: [0.5,-1.25,3.0,0.0]
# CASE chain: [[1.0,2.0],[-3.0,4.5]]
# CASE chain: [1,2,3]
# CASE chain: [true,false]
# CASE chain: 2.5
# CASE chain: 3
# CASE chain: []


def chain_float32(x):
    y = x.astype(np.float32)
    return np.tanh(y * 0.5 + 1.0) * y - 0.25, y / 3 - np.exp(-y)
# CASE chain_float32: [0.5,-1.25,3.0,0.0,100.0,-100.0]
# CASE chain_float32: [[1.0,2.0,3.0],[-3.0,4.5,1e-3]]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))
# CASE sigmoid: [0.0,1.0,-1.0,50.0,-800.0]
# CASE sigmoid: 0.5
# CASE sigmoid: [1,2]


def broadcasting(a, b):
    return (a - b) * (a + b) / 2.0
# CASE broadcasting: [[1.0,2.0],[3.0,4.0]] [0.5,-0.5]
# CASE broadcasting: [1.0,2.0,3.0] [[1.0],[2.0]]
# CASE broadcasting: [1.0,2.0,3.0] [1.0,2.0] -> exit 3
# CASE broadcasting: [1,2,3] [4,5,6]
# CASE broadcasting: 3.0 [1.0,2.0]


def mixed_dtypes(a, b):
    return a.astype(np.float32) * 2.0 + b - 1.0
# CASE mixed_dtypes: [1.0,2.0] [0.5,0.25]
# CASE mixed_dtypes: [1.0,2.0] 0.5
# CASE mixed_dtypes: [1.0,2.0] [1,2]


def with_zero_d(x):
    s = np.sum(x)
    return s * 2.0 + 1.0, x * s - s
# CASE with_zero_d: [1.0,2.0,3.0]
# CASE with_zero_d: [1.5]


def division_by_zero(x, d):
    return (x + 1.0) / d - 1.0
# CASE division_by_zero: [1.0,-1.0,0.0] 0.0
# CASE division_by_zero: [1.0,-1.0,0.0] 2
# CASE division_by_zero: 1.0 0.0 -> exit 3


def square_and_reuse(a, b):
    s = a + b
    t = s * s - s / 2.0
    return t, s
# CASE square_and_reuse: [1.0,2.0] [3.0,4.0]
# CASE square_and_reuse: [1,2] [3,4]


def in_place_after_chain(x):
    y = x * 2.0 + 1.0
    y[0] = -1.0
    return y, x
# CASE in_place_after_chain: [1.0,2.0,3.0]


def rnn(xs, w, b):
    h = np.zeros(w.shape[0])
    for t in range(xs.shape[0]):
        h = np.tanh(xs[t] @ w + h @ w + b)
    return h
# CASE rnn: [[0.5,1.0],[1.0,-1.0],[0.25,0.0]] [[0.5,-0.25],[0.1,0.3]] [0.1,0.2]
# CASE rnn: [[0.5,1.0]] [[0.5,-0.25],[0.1,0.3]] [0.1,0.2]
# CASE rnn: [] [[0.5,-0.25],[0.1,0.3]] [0.1,0.2]


def lstm_like(xs, n):
    h = np.zeros(n, dtype=np.float32)
    c = np.zeros(n, dtype=np.float32)
    for t in range(xs.shape[0]):
        z = xs[t].astype(np.float32)
        i = 1.0 / (1.0 + np.exp(-z))
        c = i * c + (1.0 - i) * np.tanh(z)
        h = i * np.tanh(c)
    return h, c
# CASE lstm_like: [[0.5,1.0,-2.0],[1.0,-1.0,3.0]] 3
# CASE lstm_like: [[0.5,1.0,-2.0]] 3
# CASE lstm_like: [[0.5,1.0]] 3 -> exit 3


def python_scalars(x, k):
    return x * k + k / 2.0 - math.pi
# CASE python_scalars: 2.0 3
# CASE python_scalars: 2 3
# CASE python_scalars: [1.0,2.0] 3


def trailing_reductions(x):
    y = np.tanh(x * 0.5 + 1.0) * x - 0.25
    return np.sum(y * y), np.max(np.abs(y)), np.min(y - 1.0), np.sum(np.exp(-y) + 1.0)
# CASE trailing_reductions: [0.5]
# CASE trailing_reductions: [0.5,-1.5,2.0,3.0,-0.25,1.0,0.75]
# CASE trailing_reductions: [[0.5,-1.5,2.0,3.0],[1.0,2.0,-3.0,0.125]]
# CASE trailing_reductions: [1,2,3]
# CASE trailing_reductions: [] -> exit 3


def trailing_reductions_long(n):
    x = np.sin(np.arange(n) * 0.37) * 4.0
    x32 = x.astype(np.float32)
    return (np.sum(x * x), np.sum(x32 * x32), np.max(np.abs(x32 - 0.5)), np.min(x * 2.0),
            np.sum(x32 * 0.5 + 1.0))
# CASE trailing_reductions_long: 1
# CASE trailing_reductions_long: 8
# CASE trailing_reductions_long: 129
# CASE trailing_reductions_long: 1000
# CASE trailing_reductions_long: 100003


def trailing_reductions_nan(n, at):
    x = np.linspace(-2.0, 2.0, n)
    x[at] = np.nan
    return np.max(np.abs(x)), np.min(x * 2.0), np.sum(x * x)
# CASE trailing_reductions_nan: 5 0
# CASE trailing_reductions_nan: 600 599
# CASE trailing_reductions_nan: 600 300


def reductions_not_fused(x, y):
    return np.sum(x * y), np.sum(x * x, axis=0), np.max(np.abs(x), keepdims=True)
# CASE reductions_not_fused: [[1.0,2.0],[3.0,-4.0]] [0.5,2.0]
# CASE reductions_not_fused: [[1,2],[3,-4]] 2
