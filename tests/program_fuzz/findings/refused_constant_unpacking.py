"""FINDINGS R3: PG0401 between the targets of one tuple unpacking of a
constant tuple (`h, w = SHAPE`): the elements are ints, nothing is shared.
(`h, w = x.shape` is accepted.)"""
import numpy as np

SHAPE = (2, 3)


def grow(x):
    h, w = SHAPE
    h += x.shape[0]
    return h, w


# CASE grow: [1.0,2.0]
