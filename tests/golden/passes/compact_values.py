# compact-values: after dce and const-dedup leave gaps, values are renumbered
# densely in order of definition (the graph file stores fewer ids).
import numpy as np


def gaps(x):
    t = np.tanh(x)
    unused = t * 3.0
    u = t + 1.0
    also_unused = u - x
    return u * 1.0
