# PG0201 lambdas that cannot be inlined; PG0202 list / PG0203 dict
# comprehensions and PG0205 generator expressions where they would be
# evaluated only on some paths; PG0204 set comprehensions.
import numpy as np


def apply(x):
    act = lambda v, w=1.0: np.maximum(v, 0.0)  # expect: PG0201
    return x


def passed_on(x):
    act = lambda v: np.maximum(v, 0.0)  # expect: PG0201
    pair = (act, x)
    return x


def rows(x, flag):
    parts = flag and [r * 2.0 for r in x]  # expect: PG0202
    return x


def index(x, flag):
    table = {i: i * 2 for i in range(3)} if flag else None  # expect: PG0203
    return x


def unique(x):
    seen = {i % 2 for i in range(4)}  # expect: PG0204
    return x


def total(x):
    while sum(v * v for v in x) > 1.0:  # expect: PG0205
        x = x / 2.0
    return x


def fine(x):
    act = lambda v: np.maximum(v, 0.0)
    ys = [act(r) for r in x if r.sum() > 0]
    table = {i: i * 2 for i in range(3)}
    return sum(v * v for v in x), sorted(table, key=lambda k: -table[k]), ys
