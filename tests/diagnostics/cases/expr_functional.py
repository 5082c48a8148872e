# PG0201 lambda, PG0202 list / PG0203 dict / PG0204 set comprehensions,
# PG0205 generator expressions.
import numpy as np


def apply(x):
    act = lambda v: np.maximum(v, 0.0)  # expect: PG0201
    return act(x)


def rows(x):
    parts = [r * 2.0 for r in x]  # expect: PG0202
    return np.stack(parts)


def index(x):
    table = {i: i * 2 for i in range(3)}  # expect: PG0203
    return x


def unique(x):
    seen = {i % 2 for i in range(4)}  # expect: PG0204
    return x


def total(x):
    return sum(v * v for v in x)  # expect: PG0205 PG0302 [use np.sum(...) instead]
