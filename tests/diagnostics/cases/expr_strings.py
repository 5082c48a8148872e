# PG0208 strings outside print() and assert messages, PG0209 f-strings.
import numpy as np


def label(x):
    name = "relu"  # expect: PG0208
    return x


def concat(x):
    print("value:", x)
    assert x.ndim == 1, "expected a vector"
    return x + "suffix"  # expect: PG0208


def report(x):
    print(f"x = {x}")  # expect: PG0209
    return x
