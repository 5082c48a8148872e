"""FINDINGS D1: printed floats differ in the last digits (values within the
harness's tolerance, but print text is compared exactly): np.sin(2) prints
0.9092974268256816 in NumPy, 0.9092974268256817 in pygraft; the mean of six
values prints -0.04666666666666667 in NumPy (pairwise summation),
-0.04666666666666671 in pygraft."""
import numpy as np


def print_sin():
    print("step", np.sin(2))
    return None


def print_mean(w):
    print("h", w.mean())
    return None


# CASE print_sin:
# CASE print_mean: [[-1.26,2.0,-1.23],[-0.04,-0.5,0.75]]
