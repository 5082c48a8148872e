"""`a @ b.T`, which the compiler fuses (transform/passes/fuse_transposed_matmul.h):
b is read transposed in place when it is a 2-D float array and a is 1-D or
2-D, small (Eigen) or large (BLAS); every other operand (ints, 1-D or 3-D b,
batches, scalars, mismatched shapes) goes through transpose then matmul.
Results, dtypes and errors are NumPy's either way.
"""
import numpy as np


def scores(q, k):
    return q @ k.T
# CASE scores: [[1.0,2.0],[3.0,4.0]] [[0.5,-1.0],[2.0,0.25],[1.0,1.0]]
# CASE scores: [1.0,2.0] [[0.5,-1.0],[2.0,0.25],[1.0,1.0]]
# CASE scores: [[1,2],[3,4]] [[5,6],[7,8]]
# CASE scores: [[true,false]] [[true,true]]
# CASE scores: [[1,2]] [[0.5,-1.0],[2.0,0.25]]
# CASE scores: [[1.0,2.0,3.0]] [[0.5,-1.0],[2.0,0.25]] -> exit 3
# CASE scores: [1.0,2.0] [1.0,2.0]
# CASE scores: [[[1.0,2.0]],[[3.0,4.0]]] [[0.5,-1.0],[2.0,0.25]]
# CASE scores: [[1.0,2.0]] [[[1.0,2.0]],[[3.0,4.0]]] -> exit 3
# CASE scores: [[1.0],[2.0]] [[[1.0,2.0]],[[3.0,4.0]]]
# CASE scores: 2.0 [[1.0]] -> exit 3
# CASE scores: [[1.0]] 2.0 -> exit 3
# CASE scores: [[1.0]] [1.0,2.0] -> exit 3
# CASE scores: [[]] [[]]
# CASE scores: [[1.0,2.0]] [[]] -> exit 3


def scores_float32(q, k):
    return q.astype(np.float32) @ k.astype(np.float32).T
# CASE scores_float32: [[1.5,2.0],[3.0,-4.0]] [[0.5,-1.0],[2.0,0.25],[1.0,1.0]]
# CASE scores_float32: [0.1,0.2] [[0.3,0.4]]


def scores_mixed(q, k):
    return q.astype(np.float32) @ k.T
# CASE scores_mixed: [[1.5,2.0]] [[0.5,-1.0],[2.0,0.25]]


def reciprocal(q, k):
    return 1.0 / (q @ k.T)
# CASE reciprocal: [[-0.0,-0.0]] [[1.0,1.0]]
# CASE reciprocal: [-0.0] [[1.0],[2.0]]


def transposed_twice_used(q, k):
    kt = k.T
    return q @ kt, kt.sum(axis=0)
# CASE transposed_twice_used: [[1.0,2.0]] [[0.5,-1.0],[2.0,0.25]]


def with_axes(q, k):
    return q @ np.transpose(k, (1, 0)) + q @ k.transpose()
# CASE with_axes: [[1.0,2.0]] [[0.5,-1.0],[2.0,0.25]]


def large(n, k, m, scale):
    q = (np.arange(n * k).reshape(n, k) % 7 - 3) * scale
    keys = (np.arange(m * k).reshape(m, k) % 5 - 2) * scale
    return q @ keys.T
# CASE large: 40 40 40 0.5
# CASE large: 1 200 300 0.25
# CASE large: 33 70 25 0.1
# CASE large: 3 0 4 1.0


def large_float32(n, k, m):
    q = ((np.arange(n * k).reshape(n, k) % 7 - 3) * 0.5).astype(np.float32)
    keys = ((np.arange(m * k).reshape(m, k) % 5 - 2) * 0.25).astype(np.float32)
    return q @ keys.T, q[0] @ keys.T
# CASE large_float32: 40 64 50
# CASE large_float32: 2 300 200


def decode(emb, steps):
    h = emb[0]
    token = 0
    for _ in range(steps):
        logits = h @ emb.T
        token = int(np.argmax(logits))
        h = np.tanh(emb[token] + h)
    return token, h
# CASE decode: [[0.5,-1.0],[2.0,0.25],[1.0,1.0]] 0
# CASE decode: [[0.5,-1.0],[2.0,0.25],[1.0,1.0]] 1
# CASE decode: [[0.5,-1.0],[2.0,0.25],[1.0,1.0]] 6
