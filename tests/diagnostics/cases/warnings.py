# Warnings: PG0501 maybe-unbound, PG0502 unreachable code, PG0503 a
# parameter shadowing an import.
import numpy as np
import math


def maybe(x, flag):
    if flag:
        y = x * 2.0
    return y  # expect: PG0501 warning


def after_return(x):
    return x
    x = x + 1.0  # expect: PG0502 warning


def after_break(x):
    for i in range(3):
        break
        x = x + 1.0  # expect: PG0502 warning
    return x


def shadow(np, x):  # expect: PG0503 warning
    return x * 2.0


def shadow_math(x, math):  # expect: PG0503 warning
    return x
