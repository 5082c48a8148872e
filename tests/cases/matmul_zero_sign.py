"""The sign of zero from @, np.matmul and np.dot is NumPy's (BLAS's).

BLAS sums products into a zeroed result, so products that are all -0.0 sum
to +0.0 and 1.0 / (a @ b) is inf, not -inf; so is an empty contraction.
np.dot of two single elements multiplies directly and keeps -0.0, as
np.outer (a plain product) does.
"""
import numpy as np


def reciprocal_of_matmul(a, b):
    return 1.0 / (a @ b)
# CASE reciprocal_of_matmul: [-0.0,-0.0] [1.0,1.0]
# CASE reciprocal_of_matmul: [[-0.0],[-0.0]] [[1.0,2.0]]
# CASE reciprocal_of_matmul: [[-0.0]] [[1.0]]
# CASE reciprocal_of_matmul: [[1.0,-1.0]] [[0.0],[0.0]]


def reciprocal_of_dot(a, b):
    return 1.0 / np.dot(a, b), 1.0 / np.matmul(a, b)
# CASE reciprocal_of_dot: [-0.0,-0.0,-0.0] [2.0,3.0,4.0]
# CASE reciprocal_of_dot: [[-0.0,-0.0],[1.0,1.0]] [[1.0,0.0],[1.0,0.0]]


def float32_products(a, b):
    a = a.astype(np.float32)
    b = b.astype(np.float32)
    return 1.0 / (a @ b), 1.0 / np.dot(a, b)
# CASE float32_products: [[-0.0,-0.0]] [[1.0],[3.0]]


def empty_contraction(n):
    a = np.ones((2, n))
    b = np.ones((n, 3))
    return 1.0 / (a @ b), 1.0 / np.dot(a, b)
# CASE empty_contraction: 0


def dot_with_scalar(a):
    return 1.0 / np.dot(-0.0, a), 1.0 / np.dot(a, -0.0)
# CASE dot_with_scalar: [1.0,2.0]


def single_elements_keep_the_sign(a, b):
    return 1.0 / np.dot(a, b), 1.0 / np.outer(a, b), 1.0 / np.dot(-0.0, 1.0)
# CASE single_elements_keep_the_sign: [[-0.0]] [[1.0]]


def outer_is_an_elementwise_product(a, b):
    """np.outer multiplies each pair (no sum from zero): -0.5 * 0.0 is -0.0;
    int products wrap as NumPy's multiply does."""
    return 1.0 / np.outer(a, b), np.outer(a > 0, b > 0)
# CASE outer_is_an_elementwise_product: [0.5,2.57,-0.5] [-1.0,0.0,1.0]
# CASE outer_is_an_elementwise_product: [[-0.5,1.0]] [0.0]
# CASE outer_is_an_elementwise_product: [] [1.0]
