# A missing `import numpy as np`: one diagnostic at the first use, with the
# fix; later uses add nothing (np.sum(x, axis=0) is not read as a method call
# on an undefined value, which reported "got multiple values for 'axis'").


def normalise(x):
    total = np.sum(x, axis=0)  # expect: PG0301 [add `import numpy as np` at the top of the file]
    mean = np.mean(x, axis=1)
    return np.maximum(total, mean) / np.pi


def norm(x):
    return np.linalg.norm(x) + math.sqrt(2.0)  # expect: PG0301 [add `import math`]
