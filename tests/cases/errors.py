"""Runtime errors: pygraft exits with 3 where CPython + NumPy raise."""
import numpy as np


def index_out_of_range(x, i):
    """x[i] past the end is an IndexError."""
    return x[i]


# CASE index_out_of_range: [1,2,3] 3 -> exit 3
# CASE index_out_of_range: [1,2,3] -4 -> exit 3
# CASE index_out_of_range: [1,2,3] 2


def second_axis_out_of_range(x):
    """An index on the second axis past its end."""
    return x[0, 5]


# CASE second_axis_out_of_range: [[1,2],[3,4]] -> exit 3


def setitem_out_of_range(x):
    """Assigning past the end is an IndexError too."""
    x[10] = 1.0
    return x


# CASE setitem_out_of_range: [1.0,2.0] -> exit 3


def integer_array_out_of_range(x, idx):
    """An integer array holding an out-of-range index."""
    return x[idx]


# CASE integer_array_out_of_range: [1,2,3] [0,3] -> exit 3


def broadcast_mismatch(a, b):
    """Shapes (3,) and (4,) do not broadcast."""
    return a + b


# CASE broadcast_mismatch: [1,2,3] [1,2,3,4] -> exit 3
# CASE broadcast_mismatch: [[1,2],[3,4]] [[1,2,3]] -> exit 3


def failed_assert(x):
    """assert with a message fails when the condition is false."""
    assert x.shape[0] == 3, "expected three rows"
    return x


# CASE failed_assert: [1,2] -> exit 3
# CASE failed_assert: [1,2,3]


def failed_bare_assert(x):
    """assert without a message."""
    assert np.all(x > 0)
    return x.sum()


# CASE failed_bare_assert: [1.0,-1.0] -> exit 3


def impossible_reshape(x):
    """6 elements cannot be reshaped to (4, -1)."""
    return x.reshape(4, -1)


# CASE impossible_reshape: [1,2,3,4,5,6] -> exit 3


def impossible_reshape_exact(x):
    """6 elements cannot be reshaped to (4, 2)."""
    return np.reshape(x, (4, 2))


# CASE impossible_reshape_exact: [1,2,3,4,5,6] -> exit 3


def matmul_mismatch(a, b):
    """(2, 3) @ (2, 3) has mismatched inner dimensions."""
    return a @ b


# CASE matmul_mismatch: [[1,2,3],[4,5,6]] [[1,2,3],[4,5,6]] -> exit 3
# CASE matmul_mismatch: [1.0,2.0] [1.0,2.0,3.0] -> exit 3


def concatenate_mismatch(a, b):
    """Concatenating (2, 2) and (2, 3) along axis 0."""
    return np.concatenate([a, b])


# CASE concatenate_mismatch: [[1,2],[3,4]] [[1,2,3],[4,5,6]] -> exit 3


def python_zero_division(a, b):
    """Python int / 0 raises ZeroDivisionError (arrays give inf instead)."""
    return a / b, a // b


# CASE python_zero_division: 1 0 -> exit 3
# CASE python_zero_division: 1.5 0.0 -> exit 3


def unsafe_inplace_cast(x):
    """An int array *= 1.5 cannot cast float64 back to int64 in place."""
    x *= 1.5
    return x


# CASE unsafe_inplace_cast: [1,2,3] -> exit 3


def max_of_empty(x):
    """The maximum of an empty array has no identity."""
    return np.max(x)


# CASE max_of_empty: [] -> exit 3


def bad_axis(x):
    """axis=2 on a 2-D array."""
    return np.sum(x, axis=2)


# CASE bad_axis: [[1,2],[3,4]] -> exit 3


def mask_shape_mismatch(x, mask):
    """A boolean mask of the wrong length."""
    return x[mask]


# CASE mask_shape_mismatch: [1,2,3] [true,false] -> exit 3


def stack_mismatch(a, b):
    """Stacking arrays of different shapes."""
    return np.stack([a, b])


# CASE stack_mismatch: [1,2] [1,2,3] -> exit 3


def truth_of_array(x):
    """bool() of an array with more than one element is ambiguous."""
    return bool(x)


# CASE truth_of_array: [1,2] -> exit 3
# CASE truth_of_array: [0]
