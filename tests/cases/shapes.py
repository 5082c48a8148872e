"""Shape manipulation: reshape (with -1), flatten/ravel, concatenate, stack,
expand_dims, squeeze, copy, and the attributes shape/ndim/size/T."""
import numpy as np

ROWS = 2


def reshape_forms(x):
    """reshape with a tuple, varargs, -1 and np.reshape."""
    return x.reshape(2, 3), x.reshape((3, -1)), np.reshape(x, (-1,)), x.reshape(ROWS, -1, 1)


# CASE reshape_forms: [1,2,3,4,5,6]
# CASE reshape_forms: [[1.0,2.0],[3.0,4.0],[5.0,6.0]]


def flatten_ravel(x):
    """flatten, ravel and np.ravel give 1-D copies in C order."""
    return x.flatten(), x.ravel(), np.ravel(x.T)


# CASE flatten_ravel: [[1,2,3],[4,5,6]]


def attributes(x):
    """shape, ndim, size and len."""
    rows, cols = x.shape
    return rows, cols, x.ndim, x.size, len(x), x.T.shape[0]


# CASE attributes: [[1,2,3],[4,5,6]]
# CASE attributes: [[1.5],[2.5],[3.5],[4.5]]


def shape_as_tuple(x):
    """x.shape returned as a tuple gives one output per dimension."""
    return x.shape


# CASE shape_as_tuple: [[[1],[2]],[[3],[4]],[[5],[6]]]


def shape_functions(x):
    """np.shape, np.ndim, np.size spellings."""
    n = np.shape(x)[0]
    return n, np.ndim(x), np.size(x)


# CASE shape_functions: [4.0,5.0,6.0]


def concatenate_arrays(a, b):
    """concatenate along axis 0, 1 and -1."""
    return np.concatenate([a, b]), np.concatenate([a, b], axis=1), np.concatenate((a, b, a), axis=-1)


# CASE concatenate_arrays: [[1,2],[3,4]] [[5,6],[7,8]]


def concatenate_promotes(a, b):
    """Concatenating int64 and float64 arrays gives float64."""
    return np.concatenate([a, b])


# CASE concatenate_promotes: [1,2] [0.5]


def stack_arrays(a, b):
    """stack adds a new axis: axis 0, 1 and -1."""
    return np.stack([a, b]), np.stack([a, b], axis=1), np.stack((a, b, a), axis=-1)


# CASE stack_arrays: [1,2,3] [4,5,6]
# CASE stack_arrays: [[1.0,2.0]] [[3.0,4.0]]


def expand_and_squeeze(x):
    """expand_dims at 0 and -1; squeeze all unit axes or one axis."""
    e0 = np.expand_dims(x, 0)
    e1 = np.expand_dims(x, axis=-1)
    rows, cols = e1.shape
    return e0.shape[0], rows, cols, np.squeeze(e1), np.squeeze(e0, axis=0), e0.squeeze()


# CASE expand_and_squeeze: [1.0,2.0,3.0]


def copies(x):
    """np.copy and x.copy give equal arrays of the same dtype."""
    return np.copy(x), x.copy(), x.astype(np.float32).copy()


# CASE copies: [[1,2],[3,4]]


def astype_conversions(x):
    """astype to every supported dtype (float -> int truncates toward zero)."""
    return (x.astype(np.int32), x.astype(np.int64), x.astype(np.float32),
            x.astype(np.float64), x.astype(np.bool_), x.astype(np.int64).astype(np.bool_))


# CASE astype_conversions: [-1.7,0.0,0.4,2.9]


def dtype_attribute(x):
    """x.dtype compared with the dtype names, and used in astype."""
    y = np.zeros(3).astype(x.dtype)
    return x.dtype == np.float32, x.dtype == np.int64, y


# CASE dtype_attribute: [1,2]
# CASE dtype_attribute: [1.0]


def empty_shapes(n):
    """Reshaping and concatenating empty arrays."""
    z = np.zeros((0, n))
    flat = z.reshape(-1)
    return z.shape[1], flat.size, np.concatenate([z, np.ones((1, n))]), z.T.shape[0]


# CASE empty_shapes: 3


def flatten_batch(x):
    """Flatten everything but the batch axis, as before a dense layer."""
    return x.reshape(x.shape[0], -1)


# CASE flatten_batch: [[[1,2],[3,4]],[[5,6],[7,8]]]
