"""Nesting: loops in branches, branches in loops, loops in loops, and
variables created inside loops and read after them."""
import numpy as np


def loop_in_branch(x, reverse):
    """A loop only on one side of a branch; the other side is vectorised."""
    if reverse:
        out = np.zeros_like(x)
        n = x.shape[0]
        for i in range(n):
            out[i] = x[n - 1 - i]
    else:
        out = x * 1.0
    return out


# CASE loop_in_branch: [1.0,2.0,3.0] true
# CASE loop_in_branch: [1.0,2.0,3.0] false
# CASE loop_in_branch: [] true


def different_loops_per_branch(n, use_while):
    """A while loop in one branch and a for loop in the other."""
    total = 0
    if use_while:
        i = 0
        while i < n:
            total += i
            i += 2
    else:
        for i in range(n):
            total -= i
    return total


# CASE different_loops_per_branch: 7 true
# CASE different_loops_per_branch: 7 false
# CASE different_loops_per_branch: 0 true


def matmul_by_loops(a, b):
    """Triple loop matrix multiply against @."""
    n, k = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            acc = 0.0
            for p in range(k):
                acc += a[i, p] * b[p, j]
            c[i, j] = acc
    return c, np.max(np.abs(c - a @ b))


# CASE matmul_by_loops: [[1.0,2.0],[3.0,4.0]] [[5.0,6.0],[7.0,8.0]]
# CASE matmul_by_loops: [[1.0,2.0,3.0]] [[1.0],[0.5],[0.25]]


def created_in_loop_read_after(x):
    """`sq` and `i` are created in the loop and read after it."""
    for i in range(x.shape[0]):
        sq = x[i] * x[i]
    return i, sq


# CASE created_in_loop_read_after: [1.0,2.0,3.0]
# CASE created_in_loop_read_after: [4]


def created_in_branch_in_loop(x):
    """`last_neg` is only bound when a negative value is seen; guarded by a flag."""
    seen = False
    for v in x:
        if v < 0:
            last_neg = v
            seen = True
    if seen:
        return last_neg
    return 0.0


# CASE created_in_branch_in_loop: [1.0,-2.0,3.0,-4.0,5.0]
# CASE created_in_branch_in_loop: [1.0,2.0]


def bubble_sort(x):
    """Nested loops with a swap in a branch and an early stop."""
    a = x.copy()
    n = a.shape[0]
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                larger = a[j] + 0
                a[j] = a[j + 1]
                a[j + 1] = larger
                swapped = True
        if not swapped:
            break
    return a, i


# CASE bubble_sort: [5,1,4,2,8]
# CASE bubble_sort: [1,2,3]
# CASE bubble_sort: [3.5,-1.0]


def histogram_by_loops(x, edges):
    """A branch chain inside a loop inside a loop: histogram counts."""
    counts = np.zeros(edges.shape[0] - 1, dtype=np.int64)
    for v in x:
        for b in range(edges.shape[0] - 1):
            if v >= edges[b] and v < edges[b + 1]:
                counts[b] += 1
                break
    return counts


# CASE histogram_by_loops: [0.1,0.5,0.9,0.55,2.0,-1.0] [0.0,0.5,1.0]
# CASE histogram_by_loops: [] [0.0,1.0]


def pascal_triangle(n):
    """Builds rows of Pascal's triangle in a 2-D buffer with nested loops."""
    tri = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        tri[i, 0] = 1
        for j in range(1, i + 1):
            tri[i, j] = tri[i - 1, j - 1] + tri[i - 1, j]
    return tri


# CASE pascal_triangle: 1
# CASE pascal_triangle: 5
# CASE pascal_triangle: 0


def while_in_for(x):
    """A while loop inside a for loop: digits of each element summed."""
    out = np.zeros_like(x)
    for i in range(x.shape[0]):
        v = x[i]
        s = 0
        while v > 0:
            s += v % 10
            v = v // 10
        out[i] = s
    return out


# CASE while_in_for: [0,7,123,9999]
# CASE while_in_for: []


def branch_loop_branch(x, mode):
    """if -> for -> if -> for: four levels of nesting."""
    acc = 0.0
    if mode > 0:
        for row in x:
            if np.sum(row) > 0:
                for v in row:
                    acc += v
            else:
                acc -= 1
    else:
        acc = float(x.size)
    return acc


# CASE branch_loop_branch: [[1.0,2.0],[-3.0,1.0],[0.5,0.5]] 1
# CASE branch_loop_branch: [[1.0,2.0],[-3.0,1.0],[0.5,0.5]] 0
