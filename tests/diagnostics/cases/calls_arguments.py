# PG0305 wrong argument counts, PG0306 unknown keywords, PG0307 duplicate
# arguments, of NumPy functions and of the file's own functions.
import numpy as np


def scale(x, factor):
    return x * factor


def too_many(x):
    return np.exp(x, x, x)  # expect: PG0305


def too_few(x):
    return np.maximum(x)  # expect: PG0305


def own_count(x):
    return scale(x)  # expect: PG0305


def bad_keyword(x):
    return np.sum(x, axes=0)  # expect: PG0306 [did you mean 'axis']


def own_keyword(x):
    return scale(x, fact=2.0)  # expect: PG0306


def twice(x):
    return scale(x, 2.0, factor=3.0)  # expect: PG0307
