# args: compile --emit onnx --signature=safe_log(float64[N])
# PG0707: print and an assert the signature does not prove.
import numpy as np


def safe_log(x):
    print(np.sum(x))  # expect: PG0707 [print()]
    assert np.all(x > 0.0), "x must be positive"  # expect: PG0707 [an assert]
    return np.log(x)
