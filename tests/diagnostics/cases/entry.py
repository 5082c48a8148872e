# args: compile --entry missing  # expect: PG0309
# PG0309: --entry names no top-level function (reported at 1:1).
import numpy as np


def f(x):
    return x
