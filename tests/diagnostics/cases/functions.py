# PG0308 recursion, PG0311 duplicate functions, PG0312 duplicate
# parameters, PG0122 non-constant defaults.
import numpy as np


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)  # expect: PG0308


def ping(n):
    return pong(n - 1)  # expect: PG0308


def pong(n):
    return ping(n - 1)  # expect: PG0308


def relu(x):
    return np.maximum(x, 0.0)


def relu(x):  # expect: PG0311
    return x


def twice(x, x):  # expect: PG0312
    return x


def padded(x, pad=np.zeros(3)):  # expect: PG0122
    return x + pad
