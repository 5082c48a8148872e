"""The runtime benchmark's workloads (issue 9), written as ML engineers
write NumPy, inside pygraft's subset. benchmarks/runtime/run.py compiles this
file, makes each workload's inputs (deterministic) and times every function
here through pygraft, CPython + NumPy and the other systems it finds.
"""
import numpy as np


def trivial(x):
    """Call cost: one small elementwise op."""
    return x + 1.0


def rnn(xs, wx, wh, b):
    """Elman RNN over the rows of xs; returns the final hidden state."""
    h = np.zeros(wh.shape[0], dtype=xs.dtype)
    for t in range(xs.shape[0]):
        h = np.tanh(xs[t] @ wx + h @ wh + b)
    return h


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm(xs, w, u, b):
    """LSTM over the rows of xs (gates i, f, g, o stacked in w, u, b)."""
    n = u.shape[0]
    h = np.zeros(n, dtype=xs.dtype)
    c = np.zeros(n, dtype=xs.dtype)
    for t in range(xs.shape[0]):
        z = xs[t] @ w + h @ u + b
        i = sigmoid(z[:n])
        f = sigmoid(z[n:2 * n])
        g = np.tanh(z[2 * n:3 * n])
        o = sigmoid(z[3 * n:])
        c = f * c + i * g
        h = o * np.tanh(c)
    return h


def collatz(limit):
    """Total Collatz steps of 1 .. limit - 1: a scalar while loop on Python ints."""
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            total += 1
    return total


def greedy_decode(emb, w, eos, max_len):
    """Greedy decoding: feed back the argmax token until eos or max_len."""
    h = np.zeros(w.shape[1], dtype=emb.dtype)
    token = 0
    length = 0
    for step in range(max_len):
        h = np.tanh(emb[token] + h @ w)
        logits = h @ emb.T
        token = int(np.argmax(logits))
        length += 1
        if token == eos:
            break
    return length, h


def elementwise_chain(x):
    """An elementwise chain ending in a reduction (float32)."""
    y = np.tanh(x * 0.5 + 1.0) * x - 0.25
    return np.sum(y * y), np.max(np.abs(y))


def matmul_chain(a, b, limit):
    """Two float32 GEMMs with a branch on the norm of the first product."""
    y = a @ b
    if np.linalg.norm(y) > limit:
        y = (y * 0.5) @ b
    else:
        y = y @ a
    return y


def piecewise_rows(x):
    """if/elif/else per row of a small array."""
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        s = np.sum(x[i])
        if s > 1.0:
            out[i] = s * 2.0
        elif s < -1.0:
            out[i] = -s
        else:
            out[i] = s * s
    return out


def kmeans(points, centers, iterations):
    """Lloyd's k-means: assign every point to its nearest center, recompute."""
    k = centers.shape[0]
    for it in range(iterations):
        d = np.sum((points[:, None, :] - centers[None, :, :]) ** 2, axis=2)
        labels = np.argmin(d, axis=1)
        new_centers = centers * 1.0
        for j in range(k):
            members = points[labels == j]
            if members.shape[0] > 0:
                new_centers[j] = np.mean(members, axis=0)
        centers = new_centers
    return centers


def einsum_attention(q, k, v):
    """Batched multi-head attention written with np.einsum."""
    scores = np.einsum("bhqd,bhkd->bhqk", q, k) / np.sqrt(q.shape[-1])
    weights = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    weights = weights / np.sum(weights, axis=-1, keepdims=True)
    return np.einsum("bhqk,bhkd->bhqd", weights, v)
