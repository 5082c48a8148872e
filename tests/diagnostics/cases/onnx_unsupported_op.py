# args: compile --emit onnx --signature=features(float64[N],int64[K])
# PG0701: operations with no exact ONNX form, each reported where it is written.
import numpy as np


def features(x, idx):
    rows = []
    for i in range(x.shape[0]):
        rows.append(x[i] * 2.0)  # expect: PG0701 [has no ONNX export]
    r = round(np.sum(x), 2)  # expect: PG0701 [use np.round(x, n)]
    m = np.mean(x, dtype=np.int64)  # expect: PG0701 [integer or bool dtype=]
    x[idx] = 0.0  # expect: PG0701 [integer-array index]
    return x + r + m + np.array(rows)
