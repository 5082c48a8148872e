# zip(*xs) as the iterable of a for loop or comprehension: the tuples of
# the sequences xs holds, however many there are (picoGPT's mha writes
# `zip(*qkv_heads)`).
import numpy as np


def mha(x, n_head):
    qkv = np.split(x, 3, axis=-1)
    qkv_heads = list(map(lambda x: np.split(x, n_head, axis=-1), qkv))
    out_heads = [q + k + v for q, k, v in zip(*qkv_heads)]
    return np.hstack(out_heads)
# CASE mha: [[1.0,2.0,3.0,4.0,5.0,6.0]] 2
# CASE mha: [[1.0,2.0,3.0,4.0,5.0,6.0]] 1


def transpose_lists(rows):
    cols = []
    for col in zip(*rows):
        cols.append(list(col))
    return cols
# CASE transpose_lists: [[1,2,3],[4,5,6]]
# CASE transpose_lists: []


def pairs(a, b):
    total = 0.0
    for x, y in zip(*[a, b]):
        total += x * y
    return total
# CASE pairs: [1.0,2.0] [3.0,4.0]
# CASE pairs: [] []


def shortest(a, b):
    out = []
    for x, y in zip(*[a[:2], b]):
        out.append(x - y)
    return out
# CASE shortest: [1,2,3] [4,5,6]
# CASE shortest: [1] [4,5,6]
# CASE shortest: [1,2,3] []


def wrong_arity(rows):
    out = []
    for x, y in zip(*rows):
        out.append(x + y)
    return out
# CASE wrong_arity: [[1,2],[3,4]]
# CASE wrong_arity: [[1,2],[3,4],[5,6]] -> exit 3


def not_iterable(n):
    out = []
    for t in zip(*n):
        out.append(t)
    return out
# CASE not_iterable: 3 -> exit 3
