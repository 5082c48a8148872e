"""FINDINGS D2: np.where with a float32 operand and a Python scalar operand
is float64 in the oracle (NumPy 1.24: np.where converts its operands with
asarray, which makes the scalar strong), float32 in pygraft (weak scalar).
Decide which NumPy pygraft follows here, then fix pygraft or the oracle."""
import numpy as np


def masked(x):
    return np.where(x > 0, x.astype(np.float32), 0)


# CASE masked: [1.5,-2.0]
