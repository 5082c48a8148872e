# PG0406 break/continue outside a loop inside a function.
import numpy as np


def f(x):
    if x > 0:
        break  # expect: PG0406
    continue  # expect: PG0406
    return x  # expect: PG0502 warning
