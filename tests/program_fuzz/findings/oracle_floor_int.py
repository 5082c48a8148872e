"""FINDINGS H2 (oracle version): np.floor / np.ceil / np.trunc of integer
input keep the integer dtype in pygraft (runtime/kernels_math.cc: "NumPy 2
keeps their dtype"); the oracle's NumPy 1.24 returns float64. The generator
does not write them until this is decided."""
import numpy as np


def floor_ints(x):
    return np.floor(x)


# CASE floor_ints: [1,2]
