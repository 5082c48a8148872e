"""Linear algebra: @, np.matmul, np.dot, x.dot, np.outer, transposes."""
import numpy as np


def matmul_forms(a, b):
    """a @ b, np.matmul and np.dot agree on 2-D operands."""
    return a @ b, np.matmul(a, b), np.dot(a, b), a.dot(b)


# CASE matmul_forms: [[1,2],[3,4]] [[5,6],[7,8]]
# CASE matmul_forms: [[1.0,2.0,3.0]] [[1.0],[0.5],[0.25]]


def vector_products(u, v):
    """1-D @ 1-D and np.dot of vectors are scalars; outer is a matrix."""
    return u @ v, np.dot(u, v), np.outer(u, v)


# CASE vector_products: [1.0,2.0,3.0] [4.0,5.0,6.0]
# CASE vector_products: [1,2] [3,4]


def matrix_vector(m, v):
    """2-D @ 1-D and 1-D @ 2-D."""
    return m @ v, v @ m.T, np.dot(m, v)


# CASE matrix_vector: [[1.0,2.0],[3.0,4.0],[5.0,6.0]] [0.5,-1.0]


def batched_matmul(x, w):
    """A 3-D batch @ 2-D weight broadcasts over the batch."""
    return x @ w


# CASE batched_matmul: [[[1,2],[3,4]],[[5,6],[7,8]]] [[1,0,1],[0,1,1]]


def float32_matmul(a, b):
    """float32 @ float32 stays float32; float32 @ float64 is float64."""
    a32 = a.astype(np.float32)
    return a32 @ b.astype(np.float32), a32 @ b


# CASE float32_matmul: [[1.0,2.0],[3.0,4.0]] [[0.5],[0.25]]


def transposes(x):
    """x.T, x.transpose(), np.transpose and explicit axes."""
    return x.T, x.transpose(), np.transpose(x), np.transpose(x, (1, 0))


# CASE transposes: [[1,2,3],[4,5,6]]
# CASE transposes: [[1.0],[2.0]]


def transpose_3d(x):
    """Axis permutations of a 3-D array."""
    return x.transpose(1, 0, 2), np.transpose(x, axes=(2, 0, 1)), x.T


# CASE transpose_3d: [[[1,2],[3,4],[5,6]],[[7,8],[9,10],[11,12]]]


def gram_matrix(x):
    """x.T @ x, a covariance-style product."""
    centered = x - x.mean(axis=0)
    return centered.T @ centered / (x.shape[0] - 1)


# CASE gram_matrix: [[1.0,2.0],[2.0,3.5],[4.0,1.0],[0.0,0.5]]


def linear_layer(x, w, b):
    """x @ w + b with broadcast bias."""
    return x @ w + b


# CASE linear_layer: [[1.0,2.0,3.0],[4.0,5.0,6.0]] [[0.1,0.2],[0.3,0.4],[0.5,0.6]] [0.01,-0.01]


def empty_matmul(n):
    """(2, 0) @ (0, 3) is a (2, 3) matrix of zeros."""
    a = np.ones((2, 0))
    b = np.ones((0, n))
    return a @ b


# CASE empty_matmul: 3
