# for over an array's first axis, enumerate and zip.
import numpy as np


def row_norms(x):
    out = np.zeros(x.shape[0])
    for i, row in enumerate(x):
        out[i] = np.sqrt(np.sum(row * row))
    return out


def weighted(xs, ws):
    acc = 0.0
    for x, w in zip(xs, ws):
        acc += x * w
    return acc
