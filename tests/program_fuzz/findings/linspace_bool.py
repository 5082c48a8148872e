"""FINDINGS M: np.linspace with dtype=np.bool_ casts through an integer:
0.5 becomes False; NumPy casts the float 0.5 to True."""
import numpy as np


def bools():
    return np.linspace(-1.0, 1.0, 5, dtype=np.bool_)


# CASE bools:
