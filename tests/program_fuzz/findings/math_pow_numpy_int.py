"""FINDINGS C3: math.pow of a NumPy integer scalar applies NumPy's integer
power rule; math.pow converts to float in CPython (-1.0)."""
import math

import numpy as np


def reciprocal_of_first(x):
    return math.pow(x[0], -1)


# CASE reciprocal_of_first: [-1,2]
