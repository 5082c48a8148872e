# args: compile --entry forward
# With --entry, what the entry functions use stays checked: a class they
# read, an import of another module they call, a syntax error anywhere.
import numpy as np
import scipy.special as sp


class Config:  # expect: PG0101
    size = 3


def forward(x):
    return sp.expit(x) * Config.size  # expect: PG0113 ['sp' is module 'scipy.special']


def unused(x)  # expect: PG0001
    return x
