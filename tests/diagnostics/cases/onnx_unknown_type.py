# args: compile --emit onnx --signature=total(float64[N,D],int)
# PG0702: an axis that is an input, not a constant: ONNX needs it to infer
# the result's rank. (A dict, list or str argument is PG0702 too.)
import numpy as np


def total(x, axis):
    return np.sum(x, axis=axis)  # expect: PG0702 [np.sum]
