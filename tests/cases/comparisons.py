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


def compare_with_scalar_both_sides(x, s):
    """An array against a Python scalar, on either side, every dtype the
    vector compare takes (float64/32, int64/32) and lengths past a vector."""
    x = np.asarray(x, dtype=np.float64)  # a Python float becomes a 0-d array
    f32 = x.astype(np.float32)
    i64 = x.astype(np.int64)
    i32 = x.astype(np.int32)
    return (six_comparisons(x, s), six_comparisons(f32, s), six_comparisons(i64, s),
            six_comparisons(i32, s))


def six_comparisons(a, s):
    """a OP s and s OP a for the six operators."""
    return (a == s, a != s, a < s, a <= s, a > s, a >= s,
            s == a, s != a, s < a, s <= a, s > a, s >= a)


# CASE compare_with_scalar_both_sides: [0.0,1.0,2.0,3.0,-1.0,2.0,5.0,2.0,0.0,1.0,2.0,3.0,-1.0,2.0,5.0,2.0,7.0,2.0,-3.0] 2
# CASE compare_with_scalar_both_sides: [0.0,1.0,2.0] 2.5
# CASE compare_with_scalar_both_sides: [] 1
# CASE compare_with_scalar_both_sides: 3.0 3


def compare_special_floats_with_scalar(x, s):
    """NaN is unequal to everything and false under < <= > >=; -0.0 == 0."""
    y = x / x  # 0/0 is NaN (with NumPy's warning), 1 elsewhere
    z = np.concatenate((y, -x, x * np.inf))
    return z == s, z != s, z < s, z <= s, z > s, z >= s, s != z


# CASE compare_special_floats_with_scalar: [0.0,1.0,-2.0,0.0,3.0,4.0,5.0,6.0,7.0,8.0] 0.0
# CASE compare_special_floats_with_scalar: [0.0,1.0,-2.0,0.0,3.0,4.0,5.0,6.0,7.0,8.0] 1


def labels_masks(labels, k):
    """Per-cluster masks of int64 labels, as k-means makes them."""
    counts = np.zeros(k, dtype=np.int64)
    for j in range(k):
        counts[j] = np.sum(labels == j)
    return counts


# CASE labels_masks: [0,1,2,1,0,2,2,1,0,0,1,2,3,1,1,0,2] 4
# CASE labels_masks: [] 2
