"""Calls between functions of one file, defaults, keyword arguments,
tuple returns and unpacking, chained and annotated assignment, constants."""
import numpy as np

LEARNING_RATE = 0.1
MOMENTUM = 0.9
SIZES = (2, 3)
USE_BIAS = True
NOTHING = None
DECAY = LEARNING_RATE * (1 - MOMENTUM)


def affine(x, w, b=0.0, scale=1.0):
    """A helper with defaults."""
    return scale * (x @ w) + b


def stats(x):
    """A helper returning a tuple."""
    return np.mean(x), np.std(x)


def defaults_and_keywords(x, w):
    """Calling a helper positionally, with defaults and with keywords."""
    a = affine(x, w)
    b = affine(x, w, 1.0)
    c = affine(x, w, scale=2.0)
    d = affine(x=x, w=w, scale=0.5, b=-1.0)
    return a, b, c, d


# CASE defaults_and_keywords: [[1.0,2.0]] [[1.0],[0.5]]


def tuple_unpacking(x):
    """Unpacking a helper's tuple result and swapping."""
    mean, std = stats(x)
    lo, hi = np.min(x), np.max(x)
    lo, hi = hi, lo
    return mean, std, lo, hi


# CASE tuple_unpacking: [1.0,2.0,3.0,6.0]


def standardize(x, eps=1e-5):
    """Uses stats() and returns one array."""
    mean, std = stats(x)
    return (x - mean) / (std + eps)


# CASE standardize: [1.0,2.0,3.0,6.0]
# CASE standardize: [2.0,4.0] 0.0


def chained_and_annotated(x):
    """Chained assignment a = b = v and annotated assignment."""
    a = b = 2
    t: float = 0.5
    total: np.ndarray = x * t
    a += 1
    return a, b, t, total


# CASE chained_and_annotated: [2.0,4.0]


def module_constants():
    """Module-level constants: numbers, tuples, bools, None, expressions."""
    rows, cols = SIZES
    return LEARNING_RATE, DECAY, rows * cols, USE_BIAS, NOTHING is None, SIZES[1]


# CASE module_constants:


def sgd_step(w, grad, v, lr=0.1):
    """One SGD-with-momentum step; returns the new weights and velocity."""
    v = MOMENTUM * v - lr * grad
    w = w + v
    return w, v


def two_steps(w, grad):
    """Calls sgd_step twice, threading the state through."""
    v = np.zeros_like(w)
    w, v = sgd_step(w, grad, v)
    w, v = sgd_step(w, grad, v, lr=0.05)
    return w, v


# CASE two_steps: [1.0,-1.0] [0.5,0.5]


def missing_trailing_arguments(x, k=3, bias=None, flag=True):
    """Trailing arguments left out take their defaults (None included)."""
    return x * k, bias is None, flag


# CASE missing_trailing_arguments: [1,2]
# CASE missing_trailing_arguments: [1,2] 2
# CASE missing_trailing_arguments: [1,2] 2 0.5 false


def annotated_signature(x: np.ndarray, n: int = 2, scale: float = 1.5) -> np.ndarray:
    """Parameter and return annotations are accepted and ignored."""
    return x[:n] * scale


# CASE annotated_signature: [1.0,2.0,3.0]


def nested_calls(x):
    """Calls as arguments of calls."""
    return standardize(affine(x, np.ones((2, 2)), b=1.0).reshape(-1))


# CASE nested_calls: [[1.0,2.0],[3.0,5.0]]


def single_element_tuple(x):
    """A one-element tuple return gives one output."""
    return (x * 2,)


# CASE single_element_tuple: [1,2]


def tuple_value_indexing(x):
    """A tuple-valued helper result kept in a variable and indexed."""
    result = stats(x)
    return result[0], result[-1], len(result)


# CASE tuple_value_indexing: [3.0,5.0]
