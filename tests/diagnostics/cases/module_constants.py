# PG0403 module-level names must be constants.
import numpy as np

SCALE = 2.0
WEIGHTS = np.ones(3)  # expect: PG0403


def f(x):
    return x * SCALE
