"""break and continue at depths 1, 2 and 3: directly in a loop, inside an
if in a loop, inside an if inside an if, and in nested loops (they only
leave the innermost loop)."""
import numpy as np


def first_negative(x):
    """break at depth 1 (inside an if in the loop)."""
    idx = -1
    for i in range(x.shape[0]):
        if x[i] < 0:
            idx = i
            break
    return idx


# CASE first_negative: [1.0,-2.0,3.0,-4.0]
# CASE first_negative: [-1.0]
# CASE first_negative: [1.0,2.0]
# CASE first_negative: []


def sum_skip_negatives(x):
    """continue skips the rest of the body."""
    s = 0.0
    n = 0
    for v in x:
        if v < 0:
            continue
        s += v
        n += 1
    return s, n


# CASE sum_skip_negatives: [1.0,-2.0,3.0]
# CASE sum_skip_negatives: [-1.0,-2.0]
# CASE sum_skip_negatives: [4.0]


def break_depth_two(x, limit, skip):
    """break and continue nested two ifs deep."""
    total = 0
    count = 0
    for v in x:
        if v >= 0:
            if v == skip:
                continue
            total += v
            if total > limit:
                break
        count += 1
    return total, count


# CASE break_depth_two: [1,2,3,4,5] 100 -1
# CASE break_depth_two: [1,2,3,4,5] 5 -1
# CASE break_depth_two: [1,-2,3,4,5] 100 3
# CASE break_depth_two: [5,-1,2] 4 2


def break_depth_three(x, a, b):
    """A break three ifs deep."""
    i = 0
    hit = 0
    while i < len(x):
        if x[i] > a:
            if x[i] < b:
                if x[i] % 2 == 0:
                    hit = x[i]
                    break
        i += 1
    return i, hit


# CASE break_depth_three: [1,3,4,6,8] 2 7
# CASE break_depth_three: [1,3,5,7] 2 7
# CASE break_depth_three: [10,20] 2 7


def continue_in_while(n):
    """continue in a while loop must still reach the increment before it."""
    i = 0
    odd_sum = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        odd_sum += i
    return odd_sum


# CASE continue_in_while: 0
# CASE continue_in_while: 1
# CASE continue_in_while: 10


def break_inner_only(x, target):
    """break in an inner loop leaves only that loop."""
    rows_with_target = 0
    cols_scanned = 0
    for row in x:
        for v in row:
            cols_scanned += 1
            if v == target:
                rows_with_target += 1
                break
    return rows_with_target, cols_scanned


# CASE break_inner_only: [[1,2,3],[3,4,5],[6,7,8]] 3
# CASE break_inner_only: [[1,2,3],[3,4,5],[6,7,8]] 9
# CASE break_inner_only: [[3]] 3


def continue_outer_via_flag(x):
    """Skips an outer iteration after an inner break, using a flag:
    counts the rows without a negative entry."""
    kept = 0
    for row in x:
        bad = False
        for v in row:
            if v < 0:
                bad = True
                break
        if bad:
            continue
        kept += 1
    return kept


# CASE continue_outer_via_flag: [[1.0,2.0],[3.0,4.0]]
# CASE continue_outer_via_flag: [[1.0,-2.0],[3.0,4.0],[-1.0,0.0]]
# CASE continue_outer_via_flag: [[-1.0],[-2.0]]


def break_and_continue_same_loop(x):
    """Both in one loop: skip zeros, stop at a negative."""
    prod = 1
    seen = 0
    for v in x:
        if v == 0:
            continue
        if v < 0:
            break
        prod *= v
        seen += 1
    return prod, seen


# CASE break_and_continue_same_loop: [2,0,3,-1,5]
# CASE break_and_continue_same_loop: [0,0,0]
# CASE break_and_continue_same_loop: [-3,2]
# CASE break_and_continue_same_loop: [2,3,4]


def triple_nested_break(n):
    """break in the innermost of three loops."""
    count = 0
    for i in range(n):
        for j in range(n):
            for k in range(n):
                if k > j:
                    break
                count += i + 1
    return count


# CASE triple_nested_break: 0
# CASE triple_nested_break: 1
# CASE triple_nested_break: 4


def while_true_two_exits(x, tol, max_iter):
    """while True with two breaks: converged or out of budget."""
    it = 0
    converged = False
    while True:
        x = x / 2 + 1 / x
        it += 1
        if abs(x * x - 2) < tol:
            converged = True
            break
        if it >= max_iter:
            break
    return x, it, converged


# CASE while_true_two_exits: 1.0 1e-12 100
# CASE while_true_two_exits: 1.0 1e-12 2
# CASE while_true_two_exits: 1.4142135623730951 1e-6 5
