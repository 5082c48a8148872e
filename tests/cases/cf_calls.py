"""Calls to user functions inside loops and branches, helpers that contain
control flow themselves, keyword arguments and defaults."""
import numpy as np

EPS = 1e-6


def clip_scalar(v, lo=-1.0, hi=1.0):
    """A helper with an elif chain."""
    if v < lo:
        return lo
    elif v > hi:
        return hi
    return v


def sigmoid(x):
    """Numerically stable sigmoid with a branch on the sign (scalars)."""
    if x >= 0:
        return 1.0 / (1.0 + np.exp(-x))
    z = np.exp(x)
    return z / (1.0 + z)


def first_index_above(x, t):
    """A helper that returns from inside its loop."""
    for i in range(x.shape[0]):
        if x[i] > t:
            return i
    return -1


def clip_all(x, lo=-1.0, hi=1.0):
    """Calls a branching helper in a loop, with keyword arguments."""
    out = np.zeros_like(x)
    for i in range(x.shape[0]):
        out[i] = clip_scalar(x[i], hi=hi, lo=lo)
    return out


# CASE clip_all: [-3.0,0.5,2.0]
# CASE clip_all: [-3.0,0.5,2.0] 0.0 0.25
# CASE clip_all: []


def sigmoid_all(x):
    """Both branches of the helper are taken within one call."""
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        out[i] = sigmoid(x[i])
    return out


# CASE sigmoid_all: [-800.0,-1.0,0.0,1.0,800.0]


def helper_in_branch(x, t, use_helper):
    """The helper is only called on one side of a branch."""
    if use_helper:
        k = first_index_above(x, t)
    else:
        k = int(np.argmax(x > t))
    return k


# CASE helper_in_branch: [1,5,9] 4 true
# CASE helper_in_branch: [1,5,9] 40 true
# CASE helper_in_branch: [1,5,9] 4 false
# CASE helper_in_branch: [1,5,9] 40 false


def count_above_per_row(m, t):
    """A helper with a loop called from inside another loop."""
    out = np.zeros(m.shape[0], dtype=np.int64)
    for r in range(m.shape[0]):
        out[r] = first_index_above(m[r], t)
    return out


# CASE count_above_per_row: [[1,2,3],[4,5,6],[0,0,0]] 2


def step(h, x, w=0.5):
    """One recurrent step."""
    return np.tanh(w * h + x)


def unroll(xs, h0=0.0, w=0.5):
    """Calls `step` each time step with a keyword argument."""
    h = h0
    for x in xs:
        h = step(h, x, w=w)
    return h


# CASE unroll: [0.1,0.2,0.3]
# CASE unroll: [] 0.25
# CASE unroll: [1.0,-1.0] 0.0 2.0


def safe_div(a, b, default=0.0):
    """A helper whose branch protects a division."""
    if abs(b) < EPS:
        return default
    return a / b


def ratios(x, y):
    """Calls a helper with an early return in a zip loop."""
    out = np.zeros(min(x.shape[0], y.shape[0]))
    i = 0
    for a, b in zip(x, y):
        out[i] = safe_div(a, b, default=-1.0)
        i += 1
    return out


# CASE ratios: [1.0,2.0,3.0] [2.0,0.0,4.0]
# CASE ratios: [1.0] [0.0,5.0]


def nested_helper_calls(x, n):
    """A helper called in the condition of a while loop."""
    it = 0
    while clip_scalar(x, lo=0.0, hi=100.0) < n:
        x = x * 2 + 1
        it += 1
    return x, it


# CASE nested_helper_calls: 1 50
# CASE nested_helper_calls: 0 0
# CASE nested_helper_calls: -0.25 1


def tuple_returning_helper(x):
    """A helper returning a tuple from either branch."""
    if np.sum(x) >= 0:
        return np.max(x), 1
    return np.min(x), -1


def call_tuple_helper_in_loop(m):
    """Unpacks a tuple returned from a helper in each iteration."""
    total = 0.0
    signs = 0
    for row in m:
        v, s = tuple_returning_helper(row)
        total += v
        signs += s
    return total, signs


# CASE call_tuple_helper_in_loop: [[1.0,2.0],[-3.0,1.0],[0.0,0.0]]
# CASE call_tuple_helper_in_loop: []


def helper_with_default_none(x, w=None):
    """A helper with a None default that branches on it."""
    if w is None:
        return np.sum(x)
    return np.sum(x * w)


def call_with_and_without_weights(x, weighted):
    """Calls the helper with and without the optional argument."""
    if weighted:
        return helper_with_default_none(x, w=np.arange(x.shape[0]))
    return helper_with_default_none(x)


# CASE call_with_and_without_weights: [1.0,2.0,3.0] true
# CASE call_with_and_without_weights: [1.0,2.0,3.0] false
