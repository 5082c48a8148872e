# PG0210 walrus, PG0211 starred expressions (call arguments).
import numpy as np


def clip_norm(x):
    if (n := np.sqrt(np.sum(x * x))) > 1.0:  # expect: PG0210
        x = x / n
    return x


def spread(shape):
    return np.zeros(*shape)  # expect: PG0211


def spread_kw(x, opts):
    return np.sum(x, **opts)  # expect: PG0211


def transposed(rows):
    return list(zip(*rows))  # expect: PG0211 PG0302


def zip_mixed(a, rows):
    out = []
    for t in zip(a, *rows):  # expect: PG0211 [takes the starred argument alone]
        out.append(t)
    return out
