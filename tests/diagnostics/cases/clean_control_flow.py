# Clean: loops with early exits, while loops, unpacking and loop-carried
# arrays; no warnings either (every read is bound on every path).
import numpy as np


def newton_sqrt(a, tol=1e-10):
    x = a
    i = 0
    while i < 50:
        nx = 0.5 * (x + a / x)
        if abs(nx - x) < tol:
            return nx
        x = nx
        i += 1
    return x


def branch_bound(x, flag):
    if flag:
        y = x * 2.0
    else:
        y = x - 1.0
    return y


def pairs(a, b):
    total = 0.0
    for u, v in zip(a, b):
        total += u * v
    return total


def swap(a, b):
    a, b = b, a
    return a, b


def masked(x):
    y = x.copy()
    y[y < 0] = 0.0
    return y


def loop_else(x):
    for v in x:
        if v > 10:
            break
    else:
        return 0
    return 1
