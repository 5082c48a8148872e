"""Data-dependent if/else: both branches must survive in the graph.

Each function is called with arguments that take the `if` branch and
arguments that take the `else` branch (or skip a branch-less `if`).
"""
import numpy as np

THRESHOLD = 0.5


def relu_scalar(x):
    """The textbook branch on a scalar argument."""
    if x > 0:
        y = x
    else:
        y = 0.0
    return y


# CASE relu_scalar: 2.5
# CASE relu_scalar: -1.5
# CASE relu_scalar: 0


def if_without_else(x, scale):
    """A branch that does not assign `x` passes the incoming value through."""
    if scale != 1.0:
        x = x * scale
    return x


# CASE if_without_else: [1.0,2.0,3.0] 2.0
# CASE if_without_else: [1.0,2.0,3.0] 1.0


def branch_on_reduction(x):
    """Conditions on array reductions: np.any, np.all, mean."""
    if np.any(x < 0):
        x = np.abs(x)
    if np.all(x > 1):
        x = np.log(x)
    if x.mean() > THRESHOLD:
        x = x - x.mean()
    return x


# CASE branch_on_reduction: [-1.0,2.0,3.0]
# CASE branch_on_reduction: [2.0,3.0,4.0]
# CASE branch_on_reduction: [0.1,0.2,0.3]
# CASE branch_on_reduction: [-0.1,0.2,-0.3]


def branch_changes_shape(x, flatten):
    """The two branches give arrays of different shapes."""
    if flatten:
        y = x.reshape(-1)
    else:
        y = x.T
    return y, y.ndim


# CASE branch_changes_shape: [[1,2,3],[4,5,6]] true
# CASE branch_changes_shape: [[1,2,3],[4,5,6]] false


def branch_changes_dtype(x, to_int):
    """The two branches give arrays of different dtypes."""
    if to_int:
        y = np.floor(x).astype(np.int32)
    else:
        y = x.astype(np.float32) * 0.5
    return y


# CASE branch_changes_dtype: [1.7,-2.2,3.5] true
# CASE branch_changes_dtype: [1.7,-2.2,3.5] false


def size_one_condition(x):
    """A size-1 array is a valid condition, as in NumPy."""
    if x > 0:
        return x * 2
    return -x


# CASE size_one_condition: [3.0]
# CASE size_one_condition: [-3.0]
# CASE size_one_condition: [[0.5]]


def ambiguous_condition(x):
    """A vector condition is NumPy's ambiguous truth value error."""
    if x > 0:
        return x
    return -x


# CASE ambiguous_condition: [1.0,-2.0] -> exit 3
# CASE ambiguous_condition: [1.0,2.0,3.0] -> exit 3
# CASE ambiguous_condition: [-1.0]
# CASE ambiguous_condition: [2.0]


def ambiguous_in_else_only(x, check):
    """The vector condition is only evaluated on one path."""
    if check:
        if x > 0:
            x = x + 1
    return x


# CASE ambiguous_in_else_only: [1.0,2.0] false
# CASE ambiguous_in_else_only: [1.0,2.0] true -> exit 3
# CASE ambiguous_in_else_only: [1.0] true


def not_and_is_none(x, bias=None):
    """`is None`, `is not None` and `not` on a flag."""
    use_bias = bias is not None
    if not use_bias:
        return x
    return x + bias


# CASE not_and_is_none: [1.0,2.0]
# CASE not_and_is_none: [1.0,2.0] 0.5
# CASE not_and_is_none: [1.0,2.0] [10.0,20.0]


def condition_on_int_arg(x, n):
    """Branches on an int argument; the else assigns a different dtype."""
    if n % 2 == 0:
        y = x * n
    else:
        y = n // 2
    return y


# CASE condition_on_int_arg: [1.5,2.5] 4
# CASE condition_on_int_arg: [1.5,2.5] 7
# CASE condition_on_int_arg: [1.5,2.5] -3


def both_branches_return(x, training):
    """Dropout-like scaling: both branches return."""
    if training:
        return x * 0.5, True
    else:
        return x, False


# CASE both_branches_return: [1.0,2.0] true
# CASE both_branches_return: [1.0,2.0] false


def subscript_assign_in_branch(x, i):
    """Subscript assignment in a branch keeps value semantics."""
    y = x.copy()
    if y[i] < 0:
        y[i] = 0.0
    else:
        y[i] += 1.0
    return x, y


# CASE subscript_assign_in_branch: [1.0,-2.0,3.0] 1
# CASE subscript_assign_in_branch: [1.0,-2.0,3.0] 0
# CASE subscript_assign_in_branch: [1.0,-2.0,3.0] -1


def bool_of_numpy_scalar(x):
    """Conditions on NumPy scalars and on 0-d arrays."""
    total = np.sum(x)
    if total:
        a = 1
    else:
        a = 0
    if np.array(total > 2):
        b = 1
    else:
        b = 0
    return a, b


# CASE bool_of_numpy_scalar: [1,2]
# CASE bool_of_numpy_scalar: [1,-1]
# CASE bool_of_numpy_scalar: [0.5,0.25]
