"""FINDINGS B8: an in-place operator does not check that the result keeps
the target's shape: NumPy raises ValueError (non-broadcastable output
operand with shape () doesn't match the broadcast shape (2,))."""
import numpy as np


def grow_in_place(y):
    q = np.asarray(0.0)
    q *= y
    return q


# CASE grow_in_place: [1.0,2.0] -> exit 3
