# PG0206 dict literals, PG0207 set literals, PG0004 integers beyond int64,
# PG0215 complex numbers. (PG0213 lists: assign_checked.py.)
import numpy as np


PARAMS = {"lr": 0.1}  # expect: PG0206


def config(x, params={"lr": 0.1}):  # expect: PG0122
    return x


def allowed(x):
    modes = {1, 2, 3}  # expect: PG0207
    return x


def big(x):
    return x + 99999999999999999999  # expect: PG0004


def rotate(x):
    return x * 1j  # expect: PG0215
