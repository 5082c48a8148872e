# PG0118 starred targets, PG0119 attribute assignment.
import numpy as np


def head_tail(x):
    first, *rest = x  # expect: PG0118
    return first


def set_attr(x):
    x.flags = 0  # expect: PG0119
    return x
