"""FINDINGS B3: the truth test of `and` / `or` / a conditional expression is
dropped when the result is unused, so an ambiguous array truth value does
not raise. (`not x` and chained comparisons whose result is unused do
raise.)"""
import numpy as np


def unused_and(x):
    unused = x and 1.0
    return 0


def unused_or(x):
    unused = x or 1.0
    return 0


def unused_ternary(x):
    unused = 1 if x else 2
    return 0


# CASE unused_and: [1.0,2.0] -> exit 3
# CASE unused_or: [1.0,2.0] -> exit 3
# CASE unused_ternary: [1.0,2.0] -> exit 3
