"""FINDINGS L: the sign of a zero produced by @: -1.5 * 0.0 summed from
+0.0 is +0.0 in NumPy, -0.0 in pygraft, so 1.0 / (x @ zeros) is inf in
NumPy and -inf in pygraft, and a printed product shows -0. in pygraft."""
import numpy as np


def reciprocal(x):
    return 1.0 / (x @ np.zeros((1, 1)))


def printed(y):
    print(np.matmul(y, np.arange(1).reshape(1, 1)))
    return None


# CASE reciprocal: [[-1.5]]
# CASE printed: [[-1.5],[2.0]]
