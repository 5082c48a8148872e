# Messages users trip over (issue 8): a real NumPy function outside the subset
# is never "did you mean" another kind of function; the message says what to
# write instead. Dtypes are never called constants.
import numpy as np


def ranks(x):
    return np.unique(x)  # expect: PG0303 [the supported sorting and searching functions are np.nonzero]


def contract(a, b):
    return np.tensordot(a, b)  # expect: PG0303 [use @ or np.dot]


def middle(x):
    return np.median(x)  # expect: PG0303 [the supported reductions are np.sum]


def stacked(a, b):
    return np.dstack((a, b))  # expect: PG0303


def typo(x):
    return np.sqrtt(x)  # expect: PG0303 [did you mean 'np.sqrt']


def positive_positions(x):
    return np.where(x > 0)


def positive_part(x):
    return np.where(x > 0, x, 0.0)


def half(x):
    return x * np.float32(0.5) + np.float32(x, 1)  # expect: PG0303 [dtype=np.float32]


def as_complex(x):
    return x.astype(np.complex128)  # expect: PG0310 [the supported dtypes are float16, float32, float64, int8, int16, int32, int64, uint8, uint16, uint32, uint64 and bool]


def long_double(x):
    return np.zeros(x.shape, dtype=np.longdouble)  # expect: PG0310 [is not a supported dtype]


def listed(x):
    return x.tolist()  # expect: PG0304 [pygraft run prints it as JSON lists]
