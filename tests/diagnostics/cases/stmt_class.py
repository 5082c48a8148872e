# PG0101: classes are outside the subset.
import numpy as np


class Layer:  # expect: PG0101
    def forward(self, x):
        return x


def relu(x):
    return np.maximum(x, 0.0)
