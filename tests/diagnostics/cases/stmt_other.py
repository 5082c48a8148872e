# PG0121 statements with no dedicated code (Python 2 forms, 'type' aliases).
import numpy as np


def legacy(x):
    type Vector = np.ndarray  # expect: PG0121
    print >> x, 1  # expect: PG0121
    exec "x = 1"  # expect: PG0121
    return x
