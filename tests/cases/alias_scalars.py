"""Python scalars are immutable: `t += v` on a scalar rebinds it, and values
Python creates fresh share nothing, so none of these is an aliased mutation
(PG0401). Each used to be refused; the values are Python's."""
import numpy as np


def running_total(x, limit):
    """The issue's example: an early return of a scalar accumulated from the
    rows (or elements) of x."""
    total = 0.0
    for v in x:
        total += v
        if np.all(v > limit):
            return total, False
    return total, True


# CASE running_total: [1.0,2.0,3.0] 10.0
# CASE running_total: [1.0,20.0,3.0] 10.0
# CASE running_total: [[1.0,2.0],[30.0,40.0]] 10.0
# CASE running_total: [] 1.0


def break_with_accumulators(x):
    """Scalar and array accumulators, a tuple holding them, a break."""
    count = 0
    best = -1.0
    acc = np.zeros(x.shape[1])
    pair = (best, count)
    for row in x:
        acc += row
        count += 1
        best = max(best, float(np.max(row)))
        pair = (best, count)
        if count >= 2:
            break
    return pair, acc


# CASE break_with_accumulators: [[1.0,5.0],[2.0,-1.0],[9.0,9.0]]
# CASE break_with_accumulators: [[0.5,0.25]]


def fresh_values_share_nothing(x, n):
    """len(), int(), float(), comparisons and arithmetic make fresh values."""
    size = len(x)
    k = int(n)
    s = float(n) * 2.0
    keep = size
    size += 1
    k -= 1
    s /= 4.0
    flags = x > 0.0
    bigger = x * 1.0 + s
    bigger += 1.0
    return size, keep, k, s, flags, bigger, x


# CASE fresh_values_share_nothing: [1.0,-2.0] 3
# CASE fresh_values_share_nothing: [] 0


def scalar_plus_array_is_fresh(x):
    """t starts as a Python float; t + v with an array v is a new array, so
    the next `t += v` changes nothing else."""
    t = 0.0
    snapshot = t
    for v in x:
        t += v
    return t, snapshot, x


# CASE scalar_plus_array_is_fresh: [[1.0,2.0],[3.0,4.0]]
# CASE scalar_plus_array_is_fresh: [1.5,2.5]


EPS = 1e-5
SHAPE = (4, 3)
SCALE = EPS * 2


def from_module_constants(x):
    """Names bound to module constants (numbers, tuples of numbers) hold
    immutable values: `+=` rebinds them and the constants stay as they are."""
    count = EPS
    count *= 3.0
    n_rows, n_cols = SHAPE
    n_rows += x.shape[0]
    n_cols %= n_rows
    step = SCALE
    for v in x:
        step += v
    return count, n_rows, n_cols, step, EPS, SHAPE, SCALE


# CASE from_module_constants: [1.0,2.0]
# CASE from_module_constants: []
