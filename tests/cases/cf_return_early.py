"""return anywhere: guard clauses, returns inside loops at depths 1-3,
returns from nested loops, paths that fall off the end (None)."""
import numpy as np

EPS = 1e-12


def safe_normalize(x):
    """Guard clause: a zero vector is returned unchanged."""
    n = np.sqrt(np.sum(x * x))
    if n < EPS:
        return x
    return x / n


# CASE safe_normalize: [3.0,4.0]
# CASE safe_normalize: [0.0,0.0]


def find_index(x, target):
    """return from inside a loop (depth 1); -1 after the loop."""
    for i in range(len(x)):
        if x[i] == target:
            return i
    return -1


# CASE find_index: [5,6,7] 6
# CASE find_index: [5,6,7] 5
# CASE find_index: [5,6,7] 8
# CASE find_index: [] 8


def find_in_matrix(m, target):
    """return from a doubly nested loop (depth 2) with a tuple."""
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            if m[i, j] == target:
                return i, j
    return -1, -1


# CASE find_in_matrix: [[1,2],[3,4]] 3
# CASE find_in_matrix: [[1,2],[3,4]] 2
# CASE find_in_matrix: [[1,2],[3,4]] 9


def find_triple(n, total):
    """return from a triply nested loop: first i<=j<=k with i+j+k == total."""
    for i in range(n):
        for j in range(i, n):
            for k in range(j, n):
                if i + j + k == total:
                    return i * 100 + j * 10 + k
    return -1


# CASE find_triple: 5 0
# CASE find_triple: 5 7
# CASE find_triple: 5 50
# CASE find_triple: 0 0


def return_in_while_branch(x, tol=1e-10, max_iter=50):
    """Newton for the cube root with returns in the loop and after it."""
    if x == 0:
        return 0.0, 0
    y = x
    it = 0
    while it < max_iter:
        y_new = y - (y ** 3 - x) / (3 * y ** 2)
        it += 1
        if abs(y_new - y) < tol:
            return y_new, it
        y = y_new
    return y, -1


# CASE return_in_while_branch: 0
# CASE return_in_while_branch: 27.0
# CASE return_in_while_branch: -8.0
# CASE return_in_while_branch: 1000.0 1e-10 3


def maybe_returns_none(x, mode):
    """Some paths return a value, one falls off the end (None)."""
    if mode == 0:
        return x * 2
    elif mode == 1:
        for v in x:
            if v > 10:
                return v
    else:
        return None


# CASE maybe_returns_none: [1,2] 0
# CASE maybe_returns_none: [1,20,30] 1
# CASE maybe_returns_none: [1,2] 1
# CASE maybe_returns_none: [1,2] 5


def none_in_returned_tuple(x):
    """A None inside a returned tuple on one path only."""
    if np.all(x >= 0):
        return np.sqrt(x), None
    return None, np.sum(x < 0)


# CASE none_in_returned_tuple: [4.0,9.0]
# CASE none_in_returned_tuple: [4.0,-9.0,-1.0]


def return_inside_else_of_loop(x, target):
    """Returns from the body and from the loop's else clause."""
    for v in x:
        if v == target:
            return True
    else:
        return False


# CASE return_inside_else_of_loop: [1,2,3] 3
# CASE return_inside_else_of_loop: [1,2,3] 4


def early_exit_different_dtypes(x, k):
    """Returns of int, float array and bool array kinds from different depths."""
    if k < 0:
        return k
    for i in range(k):
        if i >= x.shape[0]:
            return x > 0
        if x[i] == 0:
            return x * 0.5
    return x.astype(np.int32)


# CASE early_exit_different_dtypes: [1.5,2.5] -1
# CASE early_exit_different_dtypes: [1.5,-2.5] 3
# CASE early_exit_different_dtypes: [1.5,0.0] 3
# CASE early_exit_different_dtypes: [1.5,2.5] 1
# CASE early_exit_different_dtypes: [1.5,2.5] 0


def return_from_while_true(x):
    """Only exits of a while True are returns."""
    steps = 0
    while True:
        if x <= 1:
            return steps
        if x % 2 == 0:
            x = x // 2
        else:
            x = x - 1
        steps += 1


# CASE return_from_while_true: 1
# CASE return_from_while_true: 2
# CASE return_from_while_true: 1000
