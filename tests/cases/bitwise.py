"""Bitwise operators on integers and booleans (& | ^ ~ << >>)."""
import numpy as np

MASK = 0xF0


def bit_ops(a, b):
    """The binary bitwise operators on int arrays or Python ints."""
    return a & b, a | b, a ^ b


# CASE bit_ops: [12,10,-1] [10,6,255]
# CASE bit_ops: 12 10
# CASE bit_ops: -8 3


def bool_bit_ops(a, b):
    """On bool arrays & | ^ ~ are the logical operations."""
    return a & b, a | b, a ^ b, ~a


# CASE bool_bit_ops: [true,true,false,false] [true,false,true,false]


def invert(x):
    """~ on int64 arrays and on Python ints."""
    return ~x, ~5, ~-1


# CASE invert: [0,1,-2,255]


def shifts(x, n=2):
    """<< and >> on arrays; >> of a negative int is an arithmetic shift."""
    return x << n, x >> n, 1 << 10, -16 >> 2


# CASE shifts: [1,3,-8,1024]
# CASE shifts: [[1,2],[3,4]] 1


def int32_bits(x):
    """int32 & Python int stays int32."""
    y = x.astype(np.int32)
    return y & MASK, y | 1, y << 3


# CASE int32_bits: [255,16,7]


def bitwise_functions(a, b):
    """The function spellings."""
    return (np.bitwise_and(a, b), np.bitwise_or(a, b), np.bitwise_xor(a, b),
            np.invert(a), np.left_shift(a, 1), np.right_shift(a, 1))


# CASE bitwise_functions: [6,5,-4] [3,3,3]


def mask_combination(x, lo, hi):
    """Combining comparison masks with & and |, as NumPy code does."""
    inside = (x >= lo) & (x <= hi)
    outside = (x < lo) | (x > hi)
    return inside, outside, inside ^ outside, ~inside


# CASE mask_combination: [0.5,1.5,2.5,3.5] 1.0 3.0


def bitwise_not_alias(x):
    """np.bitwise_not is np.invert."""
    return np.bitwise_not(x), np.bitwise_not(x > 1)


# CASE bitwise_not_alias: [0,1,2,-3]


def mixed_precedence(a, b, c, d):
    """Python ranks & above ^ above |: a ^ b & c is a ^ (b & c) (the
    tree-sitter grammar ranks ^ above &; the front end rebuilds such chains)."""
    return a ^ b & c, a & b ^ c, a | b ^ c & d, a ^ b & c ^ d, a & b & c ^ d & a, a & b ^ c | d


# CASE mixed_precedence: 6 3 5 12
# CASE mixed_precedence: [1,2,3] [7,7,7] 5 -1
# CASE mixed_precedence: true false true true
