# PG0102 try/except/finally; PG0103 what raise cannot do (a bare raise,
# `from` a cause, an exception that is not a builtin). raise ValueError(...) is fine.
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
        raise ValueError("negative")
    return x


def reraise(x):
    if x < 0:
        raise  # expect: PG0103 [bare 'raise']
    if x > 10:
        raise OverflowError("big") from x  # expect: PG0103 [from x]
    raise CustomError("no")  # expect: PG0103 [only builtin exceptions]
