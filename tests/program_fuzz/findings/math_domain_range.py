"""FINDINGS B1: math domain and range errors are not raised: math.sqrt/log/
log10/asin/acos outside their domain give nan/-inf, math.exp/cosh of large
arguments give inf, where CPython raises ValueError('math domain error') /
OverflowError('math range error')."""
import math

import numpy as np


def sqrt_of(t):
    return math.sqrt(t)


def log_of(t):
    return math.log(t)


def asin_of(t):
    return math.asin(t)


def exp_of(t):
    return math.exp(t)


def cosh_of(t):
    return math.cosh(t)


# CASE sqrt_of: -1.0 -> exit 3
# CASE log_of: 0.0 -> exit 3
# CASE asin_of: 1.5 -> exit 3
# CASE exp_of: 1000.0 -> exit 3
# CASE cosh_of: 1000.0 -> exit 3
