# fuse-elementwise: a chain of elementwise ops on one line becomes one
# fused_elementwise node (also inside loops and with operands used twice);
# a result read elsewhere, another line, a non-elementwise op or a single op
# ends the chain. np.sum / np.max / np.min of the whole chain with their
# default arguments join it as its last step; with an axis, keepdims or a
# dtype, or as a method on an intermediate, they stay apart.
import numpy as np


def chain(x):
    return np.tanh(x * 0.5 + 1.0) * x - 0.25


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def square_of_sum(a, b):
    s = a + b
    return s * s


def shared_intermediate(a, b):
    s = a + b
    t = s * 2.0 - 1.0
    return t, s


def single_op(a):
    return np.tanh(a)


def broken_by_reduction(x):
    return np.sum(x * x) * 2.0 + 1.0


def trailing_reductions(y):
    return np.sum(y * y), np.max(np.abs(y)), np.min(y - 1.0)


def reductions_kept_apart(y):
    a = np.sum(y * y, axis=0)
    b = np.max(np.abs(y), keepdims=True)
    c = np.sum(y + 1.0, dtype=np.float64)
    d = (y * y).sum()
    return a, b, c, d


def rnn_step(h, w, x, b):
    for _ in range(3):
        h = np.tanh(x @ w + h @ w + b)
    return h
