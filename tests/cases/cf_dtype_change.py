"""Loop-carried variables that change dtype or shape between iterations:
`s = 0` then `s += 0.5`, an int accumulator becoming a float array, arrays
grown with np.concatenate, None becoming an array."""
import numpy as np


def int_to_float(n):
    """`s = 0` then `s += 0.5`: Python int becomes Python float."""
    s = 0
    for _ in range(n):
        s += 0.5
    return s


# CASE int_to_float: 0
# CASE int_to_float: 1
# CASE int_to_float: 5


def int_to_float_array(x):
    """An int accumulator becomes a float64 array on the first trip."""
    acc = 0
    for row in x:
        acc = acc + row
    return acc


# CASE int_to_float_array: [[0.5,1.5],[2.0,3.0]]
# CASE int_to_float_array: [[1,2],[3,4]]
# CASE int_to_float_array: []


def int_array_to_float_array(x, n):
    """An int64 array becomes float64 after a true division."""
    y = x.copy()
    for _ in range(n):
        y = y / 2
    return y


# CASE int_array_to_float_array: [4,6] 0
# CASE int_array_to_float_array: [4,6] 1
# CASE int_array_to_float_array: [4,6] 3


def float32_stays_float32(x, n):
    """Weak Python scalars do not widen a float32 loop variable."""
    y = x.astype(np.float32)
    for i in range(n):
        y = y * 0.5 + i
    return y


# CASE float32_stays_float32: [1.0,2.0] 0
# CASE float32_stays_float32: [1.0,2.0] 4


def float32_widened_by_strong_scalar(x, n):
    """A float64 NumPy scalar operand widens float32 to float64 (NEP 50)."""
    y = x.astype(np.float32)
    for _ in range(n):
        y = y + np.mean(x)
    return y


# CASE float32_widened_by_strong_scalar: [1.0,2.0] 0
# CASE float32_widened_by_strong_scalar: [1.0,2.0] 2


def grow_by_concatenate(x, threshold):
    """An array grown with np.concatenate each iteration (values above threshold)."""
    kept = np.zeros(0)
    for v in x:
        if v > threshold:
            kept = np.concatenate([kept, np.array([v])])
    return kept, kept.shape[0]


# CASE grow_by_concatenate: [1.0,5.0,2.0,7.0] 1.5
# CASE grow_by_concatenate: [1.0,5.0,2.0,7.0] 100.0
# CASE grow_by_concatenate: [] 0.0


def grow_int_rows(n, width):
    """A 2-D int array grown by one row per iteration."""
    m = np.zeros((0, width), dtype=np.int64)
    for i in range(n):
        row = np.arange(width) * i
        m = np.concatenate([m, row.reshape(1, width)], axis=0)
    return m


# CASE grow_int_rows: 0 3
# CASE grow_int_rows: 1 3
# CASE grow_int_rows: 4 2


def none_then_array(x):
    """A variable that is None before the first iteration."""
    total = None
    for row in x:
        if total is None:
            total = row.copy()
        else:
            total = total + row
    return total


# CASE none_then_array: [[1,2],[3,4],[5,6]]
# CASE none_then_array: [[1.5,2.5]]
# CASE none_then_array: []


def bool_to_int_to_float(x):
    """A counter that starts as False, becomes an int when 1 is added and a
    float when a half is added."""
    c = False
    for v in x:
        if v > 0:
            c = c + 1
        if v > 10:
            c = c + 0.5
    return c


# CASE bool_to_int_to_float: [1,-1,2]
# CASE bool_to_int_to_float: [11,20]
# CASE bool_to_int_to_float: []


def scalar_becomes_vector(x, n):
    """A scalar that becomes a vector through broadcasting with x."""
    s = 1.0
    for i in range(n):
        s = s * x + i
    return s


# CASE scalar_becomes_vector: [1.0,2.0] 0
# CASE scalar_becomes_vector: [1.0,2.0] 3


def inplace_keeps_dtype(x, n):
    """`y += 0.5` on an int array is refused (unsafe cast): runtime error."""
    y = np.zeros(3, dtype=np.int64)
    for _ in range(n):
        y += x
    return y


# CASE inplace_keeps_dtype: 2 3
# CASE inplace_keeps_dtype: 0.5 0
# CASE inplace_keeps_dtype: 0.5 2 -> exit 3


def shape_grows_by_outer(x, n):
    """Each iteration adds an axis: vector, then matrix."""
    y = x
    for _ in range(n):
        y = np.outer(y, x).reshape(-1)
    return y, y.shape[0]


# CASE shape_grows_by_outer: [1.0,2.0] 0
# CASE shape_grows_by_outer: [1.0,2.0] 2


def tuple_swap_different_dtypes(a, b, n):
    """Swapping two differently-typed values n times."""
    for _ in range(n):
        a, b = b, a
    return a, b


# CASE tuple_swap_different_dtypes: 1 [2.5,3.5] 0
# CASE tuple_swap_different_dtypes: 1 [2.5,3.5] 1
# CASE tuple_swap_different_dtypes: 1 [2.5,3.5] 2
