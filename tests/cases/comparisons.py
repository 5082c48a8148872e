"""Comparison operators, np.equal & co., and `is None`."""
import numpy as np

THRESHOLD = 0.5


def compare_arrays(a, b):
    """All six comparisons elementwise, with broadcasting."""
    return a == b, a != b, a < b, a <= b, a > b, a >= b


# CASE compare_arrays: [1,2,3] [3,2,1]
# CASE compare_arrays: [[1.0,2.0],[3.0,4.0]] [2.0,2.0]
# CASE compare_arrays: [1,2,3] 2.5


def compare_scalars(a, b):
    """Python scalars compare to Python bools."""
    return a == b, a != b, a < b, a <= b, a > b, a >= b


# CASE compare_scalars: 3 3
# CASE compare_scalars: 2 2.5
# CASE compare_scalars: true 1


def compare_nan(x):
    """NaN compares unequal to everything, itself included."""
    y = np.sqrt(x)
    return y == y, y != y, y < np.nan, y > 0.0


# CASE compare_nan: [1.0,-1.0,0.0]


def compare_functions(a, b):
    """np.equal, np.not_equal, np.less, ... spellings."""
    return (np.equal(a, b), np.not_equal(a, b), np.less(a, b),
            np.less_equal(a, b), np.greater(a, b), np.greater_equal(a, b))


# CASE compare_functions: [1,5,3] [2,5,1]


def float32_threshold(x):
    """float32 array compared to a Python float constant."""
    x32 = x.astype(np.float32)
    return x32 > THRESHOLD, x32 == 0.25


# CASE float32_threshold: [0.25,0.5,0.75]


def is_none_checks(x, y=None):
    """`is None` / `is not None` give Python bools."""
    return x is None, y is None, x is not None, y is not None


# CASE is_none_checks: [1,2]
# CASE is_none_checks: 3 4.5


def count_positive(x):
    """A comparison mask summed, as in accuracy computations."""
    return np.sum(x > 0), np.mean(x > 0)


# CASE count_positive: [-1.0,2.0,3.0,-4.0,5.0]
# CASE count_positive: [[1,-1],[0,2]]


def accuracy(logits, labels):
    """Classification accuracy from argmax predictions."""
    predictions = np.argmax(logits, axis=1)
    correct = predictions == labels
    return correct, correct.mean()


# CASE accuracy: [[0.1,0.9],[0.8,0.2],[0.3,0.7]] [1,0,0]


def logical_not_operator(flag, n):
    """Unary `not` on Python values and NumPy scalars gives a Python bool."""
    return not flag, not n, not 0.0, not np.all(n > 0), not (n == 2)


# CASE logical_not_operator: true 2
# CASE logical_not_operator: false 0
# CASE logical_not_operator: 0 -1.5
