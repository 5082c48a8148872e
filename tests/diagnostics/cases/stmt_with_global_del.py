# PG0104 with, PG0105 global, PG0106 nonlocal, PG0107 del.
import numpy as np

COUNTER = 0


def load(path):
    with open(path) as f:  # expect: PG0104
        pass
    return 0


def bump():
    global COUNTER  # expect: PG0105
    return COUNTER


def outer_state(x):
    nonlocal x  # expect: PG0106
    return x


def drop(x):
    y = x * 2.0
    del y  # expect: PG0107
    return x
