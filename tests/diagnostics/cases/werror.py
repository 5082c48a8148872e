# args: --Werror
# --Werror turns every warning into an error (exit 1).
import numpy as np


def maybe(x, flag):
    if flag:
        y = x * 2.0
    return y  # expect: PG0501 error


def after_return(x):
    return x
    x = x + 1.0  # expect: PG0502 error
