"""FINDINGS E: np.abs of a Python bool is a NumPy bool (prints False);
pygraft gives int64 (prints 0)."""
import numpy as np


def abs_flag(flag):
    return np.abs(flag)


# CASE abs_flag: false
