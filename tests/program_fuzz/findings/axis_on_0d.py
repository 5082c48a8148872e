"""FINDINGS K: NumPy accepts axis 0 and -1 on a 0-d array for reductions,
cumsum, argmax and squeeze; pygraft raises 'axis 0 is out of bounds for
array of dimension 0'."""
import numpy as np


def sum_0d(t):
    return np.sum(np.asarray(t), axis=0)


def max_0d(t):
    return np.max(t, axis=-1)


def squeeze_0d(t):
    return np.asarray(t).squeeze(0)


def cumsum_0d(t):
    return np.asarray(t).cumsum(axis=-1)


# CASE sum_0d: 2.0
# CASE max_0d: 2.0
# CASE squeeze_0d: 2.0
# CASE cumsum_0d: 2.0
