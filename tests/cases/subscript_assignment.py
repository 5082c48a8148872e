"""Subscript assignment and in-place operators with value semantics."""
import numpy as np


def set_element(x, v):
    """x[i] = v; an int array keeps its dtype (the float is truncated)."""
    x[0] = v
    x[-1] = 2 * v
    return x


# CASE set_element: [1,2,3] 7
# CASE set_element: [1,2,3] 2.7
# CASE set_element: [1.0,2.0,3.0] -0.5


def set_row_and_column(x):
    """Assigning a row from a scalar and a column from a vector (broadcast)."""
    x[0] = 0
    x[:, 1] = np.array([10, 20, 30])
    x[2, 2] = -1
    return x


# CASE set_row_and_column: [[1,2,3],[4,5,6],[7,8,9]]


def slice_augmented(x, v):
    """x[a:b] += v and x[::2] *= v."""
    x[1:3] += v
    x[::2] *= v
    return x


# CASE slice_augmented: [1.0,2.0,3.0,4.0,5.0] 0.5
# CASE slice_augmented: [1,2,3,4,5] 3


def mask_assignment(x):
    """x[mask] = 0 and x[mask] += 10."""
    x[x < 0] = 0
    x[x > 5] += 10
    return x


# CASE mask_assignment: [-1.0,3.0,7.0,-2.0,6.0]
# CASE mask_assignment: [[-1,6],[2,-3]]


def index_array_increment(x, idx):
    """x[idx] += 1 applies once per distinct index (NumPy's buffered semantics)."""
    x[idx] += 1
    return x


# CASE index_array_increment: [0,0,0,0] [0,2,2]
# CASE index_array_increment: [0.5,1.5,2.5] [-1]


def index_array_set(x, idx, v):
    """x[idx] = v scatters a scalar to several positions."""
    x[idx] = v
    return x


# CASE index_array_set: [1,2,3,4,5] [4,0] 9


def copy_is_independent(x):
    """y = x.copy(); y[0] = 5 leaves x unchanged."""
    y = x.copy()
    y[0] = 5
    return x, y


# CASE copy_is_independent: [1,2,3]
# CASE copy_is_independent: [[1.0,2.0],[3.0,4.0]]


def inplace_keeps_dtype(x):
    """x += 1.5 on a float32 array stays float32; int32 += int stays int32."""
    f = x.astype(np.float32)
    f += 1.5
    i = x.astype(np.int32)
    i += 2
    i *= 3
    return f, i


# CASE inplace_keeps_dtype: [1.0,2.0,3.0]


def inplace_broadcast(x, row):
    """x += row with a broadcast row vector."""
    x -= row
    x /= 2
    return x


# CASE inplace_broadcast: [[1.0,2.0],[3.0,4.0]] [1.0,0.0]


def fill_buffer(a, b):
    """Filling a preallocated buffer row by row (stack done by hand)."""
    out = np.zeros((2, a.shape[0]), dtype=np.float32)
    out[0] = a
    out[1, :] = b
    out[:, 0] = -1
    return out


# CASE fill_buffer: [1.0,2.0,3.0] [4.0,5.0,6.0]


def assign_slice_from_array(x, v):
    """x[a:b] = array of the slice's shape; x[1:2, :] = row."""
    x[1:3] = v
    return x


# CASE assign_slice_from_array: [[0,0],[0,0],[0,0],[0,0]] [[1,2],[3,4]]


def set_in_3d(x):
    """Assignment through several axes of a 3-D array."""
    x[0, :, 1] = 7
    x[1, 1] = np.array([8, 9])
    x[:, 0, 0] += 100
    return x


# CASE set_in_3d: [[[1,2],[3,4]],[[5,6],[7,8]]]


def bool_array_set(m):
    """Assigning into a bool array."""
    m[0] = False
    m[1:] = True
    return m


# CASE bool_array_set: [true,false,false]
