"""Fused chains read by other fused chains on later lines, which the
compiler merges into one node with several outputs
(transform/passes/merge_fused_readers.h): the reductions take the chain's
blocks as they are made. float32 and float64 arrays of any length (across
the blocks and the leaves of NumPy's pairwise sum) take the one-pass path;
ints, broadcasting and Python scalars run the ops one by one. Results,
dtypes and errors (a max of nothing, at its own line) must be NumPy's.
"""
import numpy as np


def energy(x):
    y = np.tanh(x * 0.5 + 1.0) * x - 0.25
    return np.sum(y * y), np.max(np.abs(y))
# CASE energy: [0.5,-1.25,3.0,0.0]
# CASE energy: [[1.0,2.0],[-3.0,4.5]]
# CASE energy: [1,2,3]
# CASE energy: [true,false]
# CASE energy: 2.5
# CASE energy: [] -> exit 3


def energy_float32(n):
    x = (np.sin(np.arange(n) * 0.37) * 3.0).astype(np.float32)
    y = np.tanh(x * 0.5 + 1.0) * x - 0.25
    return np.sum(y * y), np.max(np.abs(y)), np.min(y - 1.0)
# CASE energy_float32: 1
# CASE energy_float32: 127
# CASE energy_float32: 129
# CASE energy_float32: 2048
# CASE energy_float32: 2049
# CASE energy_float32: 100003


def energy_float64(n):
    x = np.sin(np.arange(n) * 0.37) * 3.0
    y = np.exp(-x * x) + x / 7.0
    return np.sum(y), np.sum(y * y), np.max(y)
# CASE energy_float64: 0 -> exit 3
# CASE energy_float64: 8
# CASE energy_float64: 1025
# CASE energy_float64: 70001


def chain_also_returned(n):
    x = np.arange(n, dtype=np.float32) / 7.0 - 3.0
    y = x * x - 1.0
    z = y * 0.5 + x
    return y, np.sum(z * z), z
# CASE chain_also_returned: 0
# CASE chain_also_returned: 5
# CASE chain_also_returned: 3000


def reader_reads_input(x):
    y = x * 2.0 + 1.0
    return np.max(y - x), np.sum(x * y)
# CASE reader_reads_input: [1.0,-2.0,3.5]
# CASE reader_reads_input: [[1.0,2.0],[3.0,4.0]]
# CASE reader_reads_input: [1,2,3]


def with_constant_between(x):
    y = np.abs(x) * 3.0
    k = 2.0
    return np.sum(y * k - 1.0), np.min(y / k)
# CASE with_constant_between: [1.0,-2.0,3.5]
# CASE with_constant_between: [4]


def print_between(x):
    y = x * x + 1.0
    print('between')
    return np.max(y * 0.5)
# CASE print_between: [1.0,-2.0,3.5]
# CASE print_between: [] -> exit 3


def max_of_nothing(x):
    y = x * 2.0 - 1.0
    s = np.sum(y * y)
    m = np.max(np.abs(y))
    return s, m
# CASE max_of_nothing: [] -> exit 3
# CASE max_of_nothing: [0.5]


def in_a_loop(x, steps):
    total = 0.0
    for _ in range(steps):
        x = np.tanh(x * 0.9 + 0.1) * 1.5
        total = total + np.sum(x * x) + np.max(x - 1.0)
    return x, total
# CASE in_a_loop: [0.5,-1.25,3.0] 0
# CASE in_a_loop: [0.5,-1.25,3.0] 1
# CASE in_a_loop: [0.5,-1.25,3.0] 5


def broadcasting_producer(a, b):
    y = (a - b) * (a + b)
    return np.sum(y * 0.5), np.max(y + 1.0)
# CASE broadcasting_producer: [[1.0,2.0],[3.0,4.0]] [0.5,-0.5]
# CASE broadcasting_producer: [1.0,2.0,3.0] [1.0,2.0] -> exit 3
