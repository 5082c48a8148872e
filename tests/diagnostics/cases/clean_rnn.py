# Clean ML code: must produce no diagnostics at all (catches false positives).
"""A small Elman RNN, MLP and training step in the supported subset."""
import numpy as np
import math

HIDDEN = 4
EPS = 1e-6


def rnn(xs, w_x, w_h, b):
    steps = xs.shape[0]
    h = np.zeros(HIDDEN)
    out = np.zeros((steps, HIDDEN))
    for t in range(steps):
        h = np.tanh(xs[t] @ w_x + h @ w_h + b)
        out[t] = h
    return out, h


def accumulate(xs):
    h = np.zeros(xs.shape[1])
    for x in xs:
        h = h + x
    return h


def rebind_after_copy(x):
    y = x.copy()
    y[0] = 1.0
    y += 2.0
    z = y
    z = z * 2.0
    return x, y, z


def softmax(x):
    m = np.max(x, axis=-1, keepdims=True)
    e = np.exp(x - m)
    return e / np.sum(e, axis=-1, keepdims=True)


def layer_norm(x, gamma, beta):
    mean = x.mean(axis=-1, keepdims=True)
    var = np.var(x, axis=-1, keepdims=True)
    return gamma * (x - mean) / np.sqrt(var + EPS) + beta


def mlp(x, w1, b1, w2, b2):
    hidden = np.maximum(x @ w1 + b1, 0.0)
    return softmax(hidden @ w2 + b2)


def sgd_step(w, grad, lr=0.1):
    w = w - lr * grad
    return w


def clip(x, limit=None):
    if limit is None:
        return x
    return np.clip(x, -limit, limit)


def count_positive(x):
    n = 0
    for i in range(x.shape[0]):
        if x[i] <= 0:
            continue
        n += 1
    return n


def first_negative(x):
    found = -1
    for i, v in enumerate(x):
        if v < 0:
            found = i
            break
    return found


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def checked(x):
    assert x.ndim == 2, "expected a matrix"
    print("rows:", x.shape[0])
    return x.T


if __name__ == "__main__":
    print(rnn(np.ones((3, 2)), np.ones((2, 4)), np.ones((4, 4)), np.zeros(4)))
