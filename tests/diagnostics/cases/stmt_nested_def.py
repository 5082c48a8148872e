# PG0112 nested def and closures.
import numpy as np


def model(x, w):
    def helper(v):  # expect: PG0112
        return v @ w
    return helper(x)
