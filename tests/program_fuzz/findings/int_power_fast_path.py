"""FINDINGS C4: `y **= 2.0` on an int array runs in NumPy (its fast path for
the exponent 2.0 computes np.square in place and keeps int64); pygraft
raises UFuncTypeError as for other float operands. A NumPy quirk: decide
whether to follow it."""
import numpy as np


def square_in_place(x):
    y = x.copy()
    y **= 2.0
    return y


# CASE square_in_place: [1,2]
