"""Array creation: array asarray zeros ones empty full *_like eye identity
arange linspace, with dtype arguments."""
import numpy as np

N = 3
SHAPE = (2, 3)


def from_lists(a, b):
    """np.array from list literals of Python scalars and of arrays."""
    return np.array([1, 2, 3]), np.array([1, 2.5]), np.array([[a, b], [b, a]]), np.array([True, False])


# CASE from_lists: 1 2
# CASE from_lists: 1.5 -2


def array_of_arrays(u, v):
    """np.array([u, v]) stacks equal-shaped arrays."""
    return np.array([u, v]), np.array([u, v], dtype=np.float32)


# CASE array_of_arrays: [1,2,3] [4,5,6]


def array_dtype(x):
    """np.array / np.asarray with a dtype, and a 0-d array."""
    return np.array(x, dtype=np.int32), np.asarray(x, dtype=np.float32), np.array(2.5), np.asarray(x)


# CASE array_dtype: [1.0,2.0,3.0]
# CASE array_dtype: [[1,2],[3,4]]


def zeros_ones_empty(n):
    """Shapes given as ints and tuples; default float64; empty is zero-filled."""
    return (np.zeros(n), np.ones((n, 2)), np.zeros(SHAPE, dtype=np.int32),
            np.ones(n, dtype=np.bool_), np.empty((2, n)), np.empty(n, dtype=np.int64))


# CASE zeros_ones_empty: 3
# CASE zeros_ones_empty: 0


def full_arrays(v):
    """np.full takes its dtype from the fill value unless dtype= is given."""
    return np.full((2, 2), v), np.full(N, 7), np.full(SHAPE, 0.5, dtype=np.float32), np.full(2, True)


# CASE full_arrays: 1.5
# CASE full_arrays: 4


def like_functions(x):
    """zeros_like, ones_like, empty_like and full_like keep x's shape and dtype."""
    return (np.zeros_like(x), np.ones_like(x), np.full_like(x, 2.7), np.empty_like(x),
            np.zeros_like(x, dtype=np.float32), np.full_like(x, 1, dtype=np.bool_))


# CASE like_functions: [[1,2,3],[4,5,6]]
# CASE like_functions: [0.5,1.5]


def eyes(n):
    """eye with N, M, k and dtype; identity."""
    return np.eye(n), np.eye(n, 4), np.eye(n, k=1), np.eye(2, 3, k=-1, dtype=np.int32), np.identity(2)


# CASE eyes: 3


def aranges(n):
    """arange with one, two and three arguments, float steps and dtype."""
    return (np.arange(n), np.arange(2, n), np.arange(0, n, 2), np.arange(0.0, 1.0, 0.25),
            np.arange(n, dtype=np.float32), np.arange(n, 0, -1))


# CASE aranges: 5
# CASE aranges: 1


def linspaces(lo, hi):
    """linspace with num and endpoint."""
    return np.linspace(lo, hi, 5), np.linspace(lo, hi, num=4, endpoint=False), np.linspace(lo, hi, 1)


# CASE linspaces: 0.0 1.0
# CASE linspaces: -2 2


def empty_from_argument(x):
    """An empty JSON list is a float64 array of shape (0,)."""
    return x, x.shape[0], np.zeros_like(x), x + 1


# CASE empty_from_argument: []


def zero_dim(x):
    """0-d arrays and NumPy scalars."""
    a = np.array(x)
    return a, a * 2, np.sum(a), np.zeros(()), np.ones((), dtype=np.int32)


# CASE zero_dim: 4.5
# CASE zero_dim: 7


def positional_encoding(length, dim):
    """A sinusoidal positional table built from aranges, as in transformers."""
    pos = np.arange(length).reshape(-1, 1)
    i = np.arange(dim).reshape(1, -1)
    angle = pos / np.power(10000.0, (2 * (i // 2)) / dim)
    return np.where(i % 2 == 0, np.



















































sin(angle), np.cos(angle))


# CASE positional_encoding: 4 6


def linspace_to_bool():
    """A bool linspace casts the floats (NumPy floors only for integer dtypes)."""
    return np.linspace(-1.0, 1.0, 3, dtype=np.bool_), np.linspace(-1.0, 1.0, 5, dtype=np.int64)


# CASE linspace_to_bool:
