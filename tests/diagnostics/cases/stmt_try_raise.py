# PG0102 try/except/finally and PG0103 raise.
import numpy as np


def safe_log(x):
    try:  # expect: PG0102
        y = np.log(x)
    except ValueError:
        y = x
    finally:
        pass
    return y


def check_positive(x):
    if x < 0:
        raise ValueError("negative")  # expect: PG0103
    return x
