"""Loops the runtime types with their arrays (runtime/scalar_loop.h): x[i]
of a float64 vector, np.sum(x[i]) of a float64 matrix's row, np.sum(v),
x[i] = number into a float64 vector (in place only when nothing else shares
the buffer), and NumPy float64 / bool scalars in registers with NumPy's
rules. Every function takes each branch, its loops run 0, 1 and many times,
indexes count from both ends, and an index out of range raises at its line.
Ops without a typed form for their operands (float32, int arrays, a NumPy
float with a Python int) leave the loop to the generic executor, which must
give the same answers.
"""
import numpy as np


def row_branches(x):
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        s = np.sum(x[i])
        if s > 1.0:
            out[i] = s * 2.0
        elif s < -1.0:
            out[i] = -s
        else:
            out[i] = s * s
    return out
# CASE row_branches: [[0.5,0.75],[-2.0,0.5],[0.25,-0.5],[3.0,4.0]]
# CASE row_branches: [[0.25,0.5,0.125]]
# CASE row_branches: [[-0.0,-0.0],[1e308,1e308]]
# CASE row_branches: [[1,2],[-3,1]]
# CASE row_branches: []


def row_means_from_the_end(x):
    n = x.shape[0]
    means = np.zeros(n)
    for i in range(n):
        means[-1 - i] = np.sum(x[-1 - i]) / x.shape[1]
    return means
# CASE row_means_from_the_end: [[1.0,2.0,4.0],[0.5,0.25,-1.0],[9.0,9.0,9.0]]
# CASE row_means_from_the_end: [[3.0]]
# CASE row_means_from_the_end: []


def long_rows(x):
    """Rows of 8 and more elements: NumPy's pairwise summation, bit for bit."""
    total = 0.0
    for i in range(x.shape[0]):
        total = total + np.sum(x[i]) * 0.1
    return total
# CASE long_rows: [[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9],[1e16,1.0,-1e16,1.0,0.5,0.25,0.125,3.0,7.0]]
# CASE long_rows: []


def element_walk(v, threshold):
    """x[i] of a vector: NumPy float64 scalars with Python floats (best
    starts a Python float and becomes a NumPy one: generic)."""
    best = 0.0
    count = 0
    for i in range(v.shape[0]):
        d = v[i] - threshold
        if d > best:
            best = d
            count += 1
    return best, count
# CASE element_walk: [0.5,2.0,1.5,3.5,-1.0] 1.0
# CASE element_walk: [0.5] 1.0
# CASE element_walk: [4.0] 1.0
# CASE element_walk: [] 1.0


def element_walk_numpy(v, threshold):
    """The same with best a NumPy float64 from the start: typed."""
    best = np.sum(v) * 0.0
    count = 0
    for i in range(v.shape[0]):
        d = v[i] - threshold
        if d > best:
            best = d
            count += 1
    return best, count
# CASE element_walk_numpy: [0.5,2.0,1.5,3.5,-1.0] 1.0
# CASE element_walk_numpy: [0.5] 1.0
# CASE element_walk_numpy: [4.0] 1.0
# CASE element_walk_numpy: [] 1.0


def long_rows_numpy(x):
    total = np.sum(x) * 0.0
    for i in range(x.shape[0]):
        total = total + np.sum(x[i]) * 0.1
    return total
# CASE long_rows_numpy: [[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9],[1e16,1.0,-1e16,1.0,0.5,0.25,0.125,3.0,7.0]]
# CASE long_rows_numpy: [[1.0]]


def reverse_copy(v):
    out = np.zeros(v.shape[0])
    i = 0
    while i < v.shape[0]:
        out[i] = v[-1 - i]
        i += 1
    return out
# CASE reverse_copy: [1.0,2.0,3.0]
# CASE reverse_copy: [5.5]
# CASE reverse_copy: []


def stores_of_every_kind(n, k):
    """x[i] = an int, a bool, a float, a NumPy float, a NumPy bool."""
    out = np.zeros(5 * n)
    for i in range(n):
        out[5 * i] = k * i
        out[5 * i + 1] = i > 1
        out[5 * i + 2] = 0.5 * i
        s = np.sum(out)
        out[5 * i + 3] = s
        out[5 * i + 4] = s > 2.0
    return out
# CASE stores_of_every_kind: 0 3
# CASE stores_of_every_kind: 1 3
# CASE stores_of_every_kind: 4 -2
# CASE stores_of_every_kind: 3 9007199254740993


def running_sums(v):
    """np.sum of the whole vector while the loop writes it."""
    out = np.zeros(v.shape[0])
    for i in range(v.shape[0]):
        out[i] = v[i]
        v[i] = np.sum(out)
    return v, out
# CASE running_sums: [1.0,2.0,3.0,4.0]
# CASE running_sums: [2.5]
# CASE running_sums: []


def row_of_a_matrix_is_copied(x):
    """row shares x's buffer: writing it must not change x."""
    first = np.sum(x[0])
    row = x[1]
    for i in range(row.shape[0]):
        row[i] = row[i] * 10.0 + first
    return row
# CASE row_of_a_matrix_is_copied: [[1.0,2.0],[3.0,4.0]]
# CASE row_of_a_matrix_is_copied: [[1.0],[3.0]]


def kept_across_iterations(v):
    """A NumPy scalar read after later iterations changed the vector."""
    first = v[0]
    out = v * 1.0
    for i in range(v.shape[0]):
        out[i] = first + out[i]
        first = out[i]
    return out, first
# CASE kept_across_iterations: [1.0,2.0,3.0]
# CASE kept_across_iterations: [7.0]


def numpy_division_by_zero(x):
    """np.float64 / 0.0 is inf or nan in NumPy, not ZeroDivisionError."""
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        s = np.sum(x[i])
        out[i] = s / (s - s)
    return out
# CASE numpy_division_by_zero: [[1.0,2.0],[-1.0,0.5],[0.0,0.0]]


def python_division_by_zero_in_loop(v, d):
    """A Python float divided by zero still raises, at its line, beside
    NumPy floats that do not."""
    total = 1.0
    for i in range(v.shape[0]):
        total = (total + i) / d
        v[i] = v[i] / (d - d)
    return total, v
# CASE python_division_by_zero_in_loop: [1.0,2.0] 2.0
# CASE python_division_by_zero_in_loop: [] 0.0
# CASE python_division_by_zero_in_loop: [1.0] 0.0 -> exit 3


def flags(x):
    """np.bool_ results steer the branches."""
    hits = 0
    for i in range(x.shape[0]):
        big = np.sum(x[i]) > 0.0
        if big:
            hits += 1
    return hits
# CASE flags: [[1.0,-3.0],[2.0,0.0],[-1.0,0.5]]
# CASE flags: [[-1.0]]
# CASE flags: []


def negations(n):
    total = 0
    x = 1.5
    for i in range(n):
        total = -total + i
        x = -x
    return total, x
# CASE negations: 0
# CASE negations: 1
# CASE negations: 6


def negation_overflows(k, n):
    """-k leaving int64 is an OverflowError (handed to NumPy on its line, so
    CPython raises too)."""
    out = np.zeros(1, dtype=np.int64)
    for i in range(n):
        out = np.array([-k], dtype=np.int64)
    return out
# CASE negation_overflows: -9223372036854775808 0
# CASE negation_overflows: -9223372036854775807 2
# CASE negation_overflows: -9223372036854775808 1 -> exit 3


def load_out_of_range(v, n):
    total = v[0] * 0.0
    for i in range(n):
        total = total + v[i]
    return total
# CASE load_out_of_range: [1.0,2.0,3.0] 3
# CASE load_out_of_range: [1.0,2.0,3.0] 4 -> exit 3


def row_out_of_range(x, n):
    total = np.sum(x[0]) * 0.0
    for i in range(n):
        s = np.sum(x[-1 - i])
        total = total + s
    return total
# CASE row_out_of_range: [[1.0,2.0],[3.0,4.0]] 2
# CASE row_out_of_range: [[1.0,2.0],[3.0,4.0]] 3 -> exit 3


def store_out_of_range(n):
    out = np.zeros(3)
    for i in range(n):
        out[i] = 1.0
    return out
# CASE store_out_of_range: 3
# CASE store_out_of_range: 0
# CASE store_out_of_range: 4 -> exit 3


def generic_mixtures(x):
    """Kinds the typed code leaves generic: NumPy float with int, float32."""
    out = np.zeros(x.shape[0])
    small = x.astype(np.float32)
    acc = np.asarray(0.0, dtype=np.float32)
    for i in range(x.shape[0]):
        s = np.sum(x[i])
        out[i] = s + i
        acc = acc + np.sum(small[i])
    return out, acc
# CASE generic_mixtures: [[1.0,2.0],[0.5,0.25]]
# CASE generic_mixtures: []


def shapes_inside(x):
    """x.shape[k] (negative k too), x.size and range() of them inside the
    loop; a nested loop over the columns."""
    out = np.zeros(x.size)
    i = 0
    while i < x.shape[0]:
        for j in range(x.shape[-1]):
            out[i * x.shape[1] + j] = np.sum(x[i]) * j
        i += 1
    return out
# CASE shapes_inside: [[1.0,2.0,3.0],[4.0,5.0,6.0]]
# CASE shapes_inside: [[1.5]]
# CASE shapes_inside: [[],[]]


def numpy_floats_with_python_ints(x, k, flag):
    """np.float64 op int/bool: the int converted to float64 first (NEP 50),
    2**53 + 1 rounding as NumPy rounds it; / 0 is inf."""
    out = np.zeros(4 * x.shape[0])
    for i in range(x.shape[0]):
        s = np.sum(x[i])
        out[4 * i] = s * k + i
        out[4 * i + 1] = k - s / (i + 1)
        out[4 * i + 2] = s * flag + (s - flag)
        out[4 * i + 3] = s / (k - k)
    return out
# CASE numpy_floats_with_python_ints: [[1.0,2.0],[0.5,-0.25],[0.0,0.0]] 3 true
# CASE numpy_floats_with_python_ints: [[1.0,1.0]] 9007199254740993 false
# CASE numpy_floats_with_python_ints: [[2.5]] -9223372036854775808 true
# CASE numpy_floats_with_python_ints: [] 3 true


def accumulate(v, n):
    """total starts a Python float and becomes a NumPy float64 in the first
    iteration: the generic executor runs that one, typed code the rest (an
    index out of range there raises at its line)."""
    total = 0.0
    for i in range(n):
        total += v[i]
    return total
# CASE accumulate: [] 0
# CASE accumulate: [1.5] 1
# CASE accumulate: [1.0,2.0,3.0] 3
# CASE accumulate: [1.0,2.0,3.0] 4 -> exit 3
# CASE accumulate: [1.0,2.0,3.0] 1


def element_grid(x):
    """x[i, j] of a matrix in nested loops, indexes from both ends."""
    out = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        s = x[i, 0] * 0.0
        for j in range(x.shape[1]):
            s = s + x[i, j] * x[-1 - i, -1 - j]
        out[i] = s
    return out
# CASE element_grid: [[1.0,2.0,3.0],[4.0,5.0,6.0]]
# CASE element_grid: [[2.5]]


def element_out_of_range(x, j):
    total = x[0, 0] * 0.0
    for i in range(x.shape[0]):
        total = total + x[i, j]
    return total
# CASE element_out_of_range: [[1.0,2.0],[3.0,4.0]] -2
# CASE element_out_of_range: [[1.0,2.0],[3.0,4.0]] 2 -> exit 3
# CASE element_out_of_range: [[1.0,2.0],[3.0,4.0]] -3 -> exit 3


def pairwise_distances(p):
    """out[i, j] = v in nested loops: a distance matrix of 1-D points."""
    n = p.shape[0]
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            d = p[i] - p[j]
            out[i, j] = d * d
        out[i, -1 - i] = -1
    return out
# CASE pairwise_distances: [0.5,2.0,-1.0]
# CASE pairwise_distances: [3.0]
# CASE pairwise_distances: []


def fill_parameter(x, v):
    """Stores into a parameter's matrix (the caller's buffer is copied)."""
    for i in range(x.shape[0]):
        x[i, 0] = v
        x[-1, i % x.shape[1]] = True
    return x
# CASE fill_parameter: [[1.0,2.0],[3.0,4.0],[5.0,6.0]] 7
# CASE fill_parameter: [[1.0,2.0]] 2.5


def store2_out_of_range(n):
    out = np.zeros((2, 2))
    for i in range(n):
        out[i, 1] = 1.0
    return out
# CASE store2_out_of_range: 2
# CASE store2_out_of_range: 3 -> exit 3
