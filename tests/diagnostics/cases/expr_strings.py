# Strings are values and f-strings their str.format calls; PG0209 for the
# f-string forms str.format cannot say, PG0208 bytes literals and named
# str.format fields.
import numpy as np


def label(x):
    name = "relu"
    return x, name


def concat(x):
    print("value:", x)
    assert x.ndim == 1, "expected a vector"
    return str(x) + "suffix"


def report(x, width):
    print(f"x = {x:8.3f}")
    return f"{x:{width}}"  # expect: PG0209 [format spec]


def raw(x):
    return b"bytes"  # expect: PG0208 [bytes]


def named(x):
    return "{value}".format(value=x)  # expect: PG0208 ['{0} {1}'.format(a, b)]
