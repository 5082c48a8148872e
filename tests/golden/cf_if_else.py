# if/else on an argument: one cond node holding both branches.
import numpy as np


def relu_or_tanh(x, use_relu):
    if use_relu:
        y = np.maximum(x, 0.0)
    else:
        y = np.tanh(x)
    return y


def maybe_bound(x):
    if x > 0:
        z = x * 2
    return z


# The same file is a differential case (tests/diff/run_diff.py
# tests/golden/cf_if_else.py): one compiled graph, both branches taken.
# CASE relu_or_tanh: [-1.0,0.5,2.0] true
# CASE relu_or_tanh: [-1.0,0.5,2.0] false
# CASE maybe_bound: 3
# CASE maybe_bound: -3 -> exit 3
