# Parameters: PG0115 *args, PG0116 **kwargs, PG0117 keyword-only.
# (PG0122 defaults and PG0312 duplicates are checked later: functions.py.)
import numpy as np


def total(*values):  # expect: PG0115
    return 0


def configure(x, **options):  # expect: PG0116
    return x


def scaled(x, *, factor=2.0):  # expect: PG0117
    return x * factor
