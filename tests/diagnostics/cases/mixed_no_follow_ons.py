# Code that only fails because of something already reported gets no
# diagnostic of its own: each problem below is reported once, at its cause.
import numpy as np
import scipy.linalg as la
from numpy import zeros

act = lambda v: np.maximum(v, 0)  # expect: PG0201


class Model:  # expect: PG0101
    def forward(self, x):
        return x


def spread(x, *rest, **options):  # expect: PG0115 PG0116
    return x


def keyword_only(x, *, scale):  # expect: PG0117
    return x * scale


def f(x):
    m = Model()
    y = Model().forward(x) + m.forward(x)
    z = zeros(3) + la.norm(x)  # expect: PG0113 ['la' is module 'scipy.linalg']
    w = spread(x, 1, 2, mode=3) + keyword_only(x, scale=2.0)
    try:  # expect: PG0102
        import os  # expect: PG0113
        path = os.getcwd()
    except ImportError:
        path = None
    for i, *tail in x:  # expect: PG0118
        last = tail
    return act(y) + z + w, path, last, CONFIG[0]


def g(x):
    total = x + * 2  # expect: PG0001
    return total


CONFIG = {"a": 1}  # expect: PG0206

LEARNING_RATE = 0.1
MOMENTUM = (m := 0.9)  # expect: PG0210
DECAY = LEARNING_RATE * (1 - MOMENTUM)
SCALE = LEARNING_RATE + "x"  # expect: PG0403


def step(x):
    return x * DECAY + SCALE
