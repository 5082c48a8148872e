# A def header missing its ':' makes tree-sitter's recovery pull the next
# lines (even the next def) into it. Only the syntax errors are reported:
# no duplicate parameter, no argument-count error, no unknown function for
# the swallowed def, no break-outside-loop from a loop whose header broke.
# (Recovery reports the errors on the lines after the broken header.)
import numpy as np


def pattern(rows, cols, phase=0.0
    return np.zeros((rows, cols)) + phase  # expect: PG0001


def helper(rows):  # expect: PG0001
    return rows


def use_pattern(x):
    return pattern(2, 3, phase=1.0, scale=2.0) + helper(x)


def broken_loop(x):
    total = 0.0
    for v in x
        if v > 0:  # expect: PG0001
            break
        total += v
    return total
