"""The less common spellings of enumerate and zip loops, kept apart from
cf_enumerate_zip.py: enumerate with a start argument and a nested tuple
target `for i, (u, v) in enumerate(zip(a, b))`."""
import numpy as np


def enumerate_with_start(x):
    """enumerate(x, 1): positions count from one."""
    acc = 0.0
    last = 0
    for k, v in enumerate(x, 1):
        acc += v / k
        last = k
    return acc, last


# CASE enumerate_with_start: [1.0,1.0,1.0,1.0]
# CASE enumerate_with_start: []


def enumerate_zip(a, b):
    """enumerate(zip(a, b)) with a nested tuple target."""
    best_i = -1
    best = -np.inf
    for i, (u, v) in enumerate(zip(a, b)):
        if u - v > best:
            best = u - v
            best_i = i
    return best_i, best


# CASE enumerate_zip: [1.0,5.0,2.0] [0.0,1.0,3.0]
# CASE enumerate_zip: [1.0] [2.0]
# CASE enumerate_zip: [] []


def enumerate_keyword_start(x, offset):
    """enumerate(x, start=offset) with a start taken from an argument."""
    out = np.zeros(x.shape[0], dtype=np.int64)
    for k, v in enumerate(x, start=offset):
        out[k - offset] = k * v
    return out


# CASE enumerate_keyword_start: [1,2,3] 5
# CASE enumerate_keyword_start: [4] -2
# CASE enumerate_keyword_start: [] 0


def zip_of_enumerate(a, b):
    """zip(enumerate(a), b): a nested target on the other side."""
    total = 0.0
    for (i, u), v in zip(enumerate(a), b):
        total += i * u * v
    return total


# CASE zip_of_enumerate: [1.0,2.0,3.0] [1.0,1.0,2.0]
# CASE zip_of_enumerate: [1.0,2.0,3.0] [1.0]
