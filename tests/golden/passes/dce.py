# dce: values nothing reads are removed: an unused temporary, the operands of
# a folded constant expression, a tuple that was only unpacked, and a cond
# whose results are all unused (it has no print/assert/call inside).
import numpy as np


def dead_values(x, flag):
    unused = np.exp(x) * 2.0
    scale = 2 * 3 + 1
    a, b = x, x + 1.0
    if flag:
        ignored = x - 1.0
    else:
        ignored = x + 1.0
    return a * scale
