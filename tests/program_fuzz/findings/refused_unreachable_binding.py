"""FINDINGS R4: PG0301 'name is not defined' for a local variable whose only
binding is unreachable (after break / return). CPython compiles the file
and raises UnboundLocalError where the name is read; pygraft reports PG0501
(may be unbound) and PG0301 (not defined) for the same read."""
import numpy as np


def first_row_or_fail(x):
    for v in x:
        break
        h = v
    return h


# CASE first_row_or_fail: [1.0,2.0] -> exit 3
