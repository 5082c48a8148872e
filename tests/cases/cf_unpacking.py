"""Unpacking in loops and branches: the count is checked on every iteration."""
import numpy as np


def pairs_sum(x):
    """for a, b in x: each row must have exactly two items."""
    total = 0.0
    for a, b in x:
        total += a * b
    return total


# CASE pairs_sum: [[1.0,2.0],[3.0,4.0]]
# CASE pairs_sum: [[1.0,2.0]]
# CASE pairs_sum: []
# CASE pairs_sum: [[1.0,2.0,3.0]] -> exit 3
# CASE pairs_sum: [1.0,2.0] -> exit 3


def enumerate_rows(x):
    """for i, (a, b) in enumerate(x): the inner pair is checked per row."""
    out = 0.0
    for i, (a, b) in enumerate(x):
        out += i * (a - b)
    return out


# CASE enumerate_rows: [[5.0,1.0],[7.0,2.0],[9.0,3.0]]
# CASE enumerate_rows: [[5.0,1.0,0.0]] -> exit 3


def shape_in_branch(x, flag):
    """The check sits on the path that unpacks."""
    if flag:
        h, w = x.shape
        return h + w
    return -1


# CASE shape_in_branch: [1,2,3] false
# CASE shape_in_branch: [1,2,3] true -> exit 3
# CASE shape_in_branch: [[1,2,3]] true


def grow_then_unpack(x, n):
    """A tuple that grows in a loop, unpacked after it: the length is only known at run time."""
    s = ()
    for i in range(n):
        s = s + (i,)
    a, b = s
    return a + b + x


# CASE grow_then_unpack: 1.0 2
# CASE grow_then_unpack: 1.0 3 -> exit 3
# CASE grow_then_unpack: 1.0 0 -> exit 3
