"""FINDINGS C1: `+` and `*` on run-time shape tuples are element-wise array
operations in pygraft, tuple concatenation / repetition in Python:
x.shape + (2,) is (2, 2) for x of shape (2,), pygraft (4,)."""
import numpy as np


def concat(x):
    return np.zeros(x.shape + (2,))


def prepend(x):
    return np.ones((1,) + x.shape)


def repeat(x):
    return np.zeros(x.shape * 2)


def drop_last(x):
    return np.ones(x.shape[:-1] + (3,))


# CASE concat: [1.0,2.0]
# CASE prepend: [1.0,2.0]
# CASE repeat: [1.0,2.0]
# CASE drop_last: [1.0,2.0]
