# Checked after parsing: PG0120 assignment targets, PG0402 tuple arity,
# PG0404 assignments to read-only names, PG0213 lists as constants,
# PG0214 other unsupported expressions.
import numpy as np
import math

LIMIT = 3
SIZES = (1, 2)


def nested_target(x):
    y = x.copy()
    y[0][1] = 1.0
    x.T[0] = 1.0  # expect: PG0120
    return y


def unpack(x):
    a, b = x.shape, x.ndim, x.size  # expect: PG0402
    return a


def set_const(x):
    LIMIT = 4
    SIZES[0] = 4  # expect: PG0404
    return x


ITEMS = [1, 2]  # expect: PG0213


def list_default(x, items=[1, 2]):  # expect: PG0122
    return x


def module_value(x):
    m = np  # expect: PG0214
    return x


def identity(x, y):
    return x is y  # expect: PG0214
