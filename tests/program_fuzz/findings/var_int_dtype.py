"""FINDINGS N: np.var / np.std with dtype=np.int64 on float input: NumPy
computes the mean and the squares in int64 (truncating: 2 here), pygraft
gives 3."""
import numpy as np


def var_as_int(x):
    return np.var(x, dtype=np.int64)


# CASE var_as_int: [0.63,-2.91]
