# fuse-transposed-matmul: `a @ b.T` becomes matmul_transposed_b(a, b), also
# inside loops; a transpose with another use, or with axes, stays.
import numpy as np


def scores(q, k):
    return q @ k.T


def transposed_twice_used(q, k):
    kt = k.T
    return q @ kt, kt


def with_axes(q, k):
    return q @ np.transpose(k, (1, 0))


def in_loop(h, emb, steps):
    for _ in range(steps):
        h = np.tanh(h @ emb.T @ emb)
    return h
