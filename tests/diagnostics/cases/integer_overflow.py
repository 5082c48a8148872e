# PG0407 a constant integer expression whose value leaves int64 (pygraft's
# Python ints are 64-bit, SPEC §3). Every intermediate counts: 2 ** 63 - 1
# already overflows at 2 ** 63. Expressions CPython itself refuses
# (10.0 ** 400, 1 // 0) are left to run time, where they raise as in Python.
import numpy as np

INT_MIN = -9223372036854775808
TOO_BIG = 2 ** 63  # expect: PG0407 [2 ** 63 = 9223372036854775808]
NEGATED = -(-2**62 * 2)  # expect: PG0407 [-(-9223372036854775808)]
SHIFTED = 1 << 64  # expect: PG0407
FITS = 2 ** 62 + (2 ** 62 - 1)


def scale(x, big=3037000500 * 3037000500):  # expect: PG0407 [3037000500 * 3037000500]
    return x * FITS


def wrap(x):
    a = INT_MIN - 1  # expect: PG0407 [-9223372036854775808 - 1 = -9223372036854775809]
    b = 2 ** 62 * 2  # expect: PG0407
    c = -INT_MIN  # expect: PG0407
    d = 10 ** 19  # expect: PG0407 [10 ** 19 = 10000000000000000000]
    e = 10.0 ** 400
    f = x + 1 // 0
    return a, b, c, d, e, f
