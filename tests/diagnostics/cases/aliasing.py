# PG0401 an in-place change of an array that another name shares, when the
# other name is read afterwards (reported at the change).
import numpy as np


def alias_then_mutate(x):
    y = x
    y[0] = 1.0  # expect: PG0401
    return x


def view_then_mutate(x):
    row = x[0]
    x += 1.0  # expect: PG0401
    return row
