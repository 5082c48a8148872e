"""Golden: module constants, defaults, keyword arguments, calls, tuple returns."""
import math

import numpy as np

SCALE = 2.0
SHAPE = (2, 3)


def affine(x, w, b=0.0):
    return x @ w + b


def stats(x):
    return x.mean(), x.std(ddof=1)


def model(x, w):
    y = affine(x, w, b=SCALE)
    mu, sigma = stats(y)
    z = np.zeros(SHAPE, dtype=np.float32)
    z[0, 1:] = mu
    return y * math.sqrt(SCALE), z, sigma
