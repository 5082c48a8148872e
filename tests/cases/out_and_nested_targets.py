"""`out=` written as a statement (the result cast into the named array) and
assignments through two subscripts (a[i][j] = v, d[k][i] += v) on arrays,
lists and dicts."""
import numpy as np


def clip_in_place(x, lo, hi):
    np.clip(x, lo, hi, out=x)
    return x


# CASE clip_in_place: [-2.0,0.5,3.0] -1.0 1.0
# CASE clip_in_place: [[1,5],[-5,0]] -2 2


def add_into(a, b, out):
    np.add(a, b, out=out)
    np.multiply(out[0:1], 2, out=out[0:1])
    return out


# CASE add_into: [1.0,2.0] [3.0,4.0] [0.0,0.0]
# CASE add_into: [1,2] [3,4] [0.0,0.0]


def nested_targets(x, n):
    grid = [[0] * n for _ in range(n)]
    for i in range(n):
        grid[i][i] = i + 1
    y = x.copy()
    y[0][1] = 9.0
    d = {"w": np.zeros(3)}
    d["w"][1] += 2.5
    d["w"][2] = x[0][0]
    return grid, y, d


# CASE nested_targets: [[1.0,2.0],[3.0,4.0]] 3
# CASE nested_targets: [[1.0,2.0],[3.0,4.0]] 0
# CASE nested_targets: [[1.0,2.0],[3.0,4.0]] 1


def lower_triangles(n, k, x):
    """np.tri with and without M, k and dtype; np.array_split into unequal parts."""
    parts = np.array_split(x, k)
    return np.tri(n), np.tri(n, n + 1, -1, dtype=np.int64), parts, len(np.split(x, [1, 3]))


# CASE lower_triangles: 3 2 [1.0,2.0,3.0,4.0,5.0]
# CASE lower_triangles: 1 3 [1.0,2.0]
# CASE lower_triangles: 0 1 []


def padded(x, p, mode):
    """np.pad with each mode, an int, a pair and a pair per axis as pad_width."""
    if mode == "constant":
        return np.pad(x, p, "constant", constant_values=-1)
    if x.ndim == 2:
        return np.pad(x, ((1, 0), (0, 2)), mode), np.pad(x, p, mode=mode)
    return np.pad(x, (p, p + 1), mode), np.pad(x, p, mode)


# CASE padded: [1.0,2.0,3.0] 2 "constant"
# CASE padded: [1.0,2.0,3.0] 2 "edge"
# CASE padded: [1.0,2.0,3.0] 4 "reflect"
# CASE padded: [1,2,3] 3 "symmetric"
# CASE padded: [[1,2],[3,4]] 1 "reflect"
# CASE padded: [[1,2],[3,4]] 0 "constant"
# CASE padded: [5.0] 2 "reflect"
# CASE padded: [1.0,2.0,3.0] 2 "wrap"
# CASE padded: [1.0] 1 "bogus" -> exit 3
