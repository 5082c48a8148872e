# PG0110 match and PG0111 decorators.
import numpy as np


def pick(mode, x):
    match mode:  # expect: PG0110
        case 0:
            return x
        case _:
            return -x


@staticmethod  # expect: PG0111
def scaled(x):
    return x * 2.0
