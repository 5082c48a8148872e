"""Golden: slicing, newaxis, masks, subscript and augmented assignment."""
import numpy as np


def index_forms(x, idx):
    a = x[1:, ::-1]
    b = x[:, np.newaxis, 0]
    c = x[x > 0]
    y = x.copy()
    y[idx] += 1
    y[y < 0] = 0
    return a, b, c, y
