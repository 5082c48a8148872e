"""for/else and while/else: the else clause runs when the loop ends without
break (also after zero iterations) and is skipped after a break."""
import numpy as np


def is_prime(n):
    """for/else: the else runs only when no divisor broke the loop."""
    if n < 2:
        return False
    result = False
    for d in range(2, n):
        if d * d > n:
            result = True
            break
        if n % d == 0:
            break
    else:
        result = True
    return result


# CASE is_prime: 1
# CASE is_prime: 2
# CASE is_prime: 3
# CASE is_prime: 9
# CASE is_prime: 97
# CASE is_prime: 91


def search_with_else(x, target):
    """The classic search idiom: else sets the not-found value."""
    for i, v in enumerate(x):
        if v == target:
            pos = i
            break
    else:
        pos = -1
    return pos


# CASE search_with_else: [3,1,4] 4
# CASE search_with_else: [3,1,4] 5
# CASE search_with_else: [] 5


def else_without_break(x):
    """A loop without break: the else always runs, after the last trip."""
    s = 0.0
    for v in x:
        s += v
    else:
        s = s * 10
    return s


# CASE else_without_break: [1.0,2.0]
# CASE else_without_break: []


def while_else_converged(x, tol, max_iter):
    """while/else: the else reports that the budget ran out."""
    it = 0
    status = 0
    while it < max_iter:
        x = np.sqrt(x)
        it += 1
        if abs(x - 1.0) < tol:
            status = 1
            break
    else:
        status = -1
    return x, it, status


# CASE while_else_converged: 256.0 1e-3 100
# CASE while_else_converged: 256.0 1e-3 3
# CASE while_else_converged: 256.0 1e-3 0


def nested_loop_else(m):
    """Inner for/else inside an outer loop: rows without a zero are counted."""
    full_rows = 0
    for row in m:
        for v in row:
            if v == 0:
                break
        else:
            full_rows += 1
    return full_rows


# CASE nested_loop_else: [[1,2],[0,3],[4,5]]
# CASE nested_loop_else: [[0,0]]
# CASE nested_loop_else: [[1],[2],[3]]


def else_with_continue(x):
    """continue does not skip the else clause; only break does."""
    n = 0
    for v in x:
        if v < 0:
            continue
        n += 1
    else:
        n = -n
    return n


# CASE else_with_continue: [1,-1,2]
# CASE else_with_continue: [-5]


def else_breaks_outer(m, target):
    """Python's idiom for breaking two loops: inner else: continue; break."""
    found_row = -1
    r = 0
    for row in m:
        for v in row:
            if v == target:
                break
        else:
            r += 1
            continue
        found_row = r
        break
    return found_row


# CASE else_breaks_outer: [[1,2],[3,4],[5,6]] 4
# CASE else_breaks_outer: [[1,2],[3,4],[5,6]] 1
# CASE else_breaks_outer: [[1,2],[3,4],[5,6]] 7


def else_assigns_new_name(x, limit):
    """A name bound only in the else is read after; the break path binds it too."""
    for v in x:
        if v > limit:
            verdict = v
            break
    else:
        verdict = limit * 1.0
    return verdict


# CASE else_assigns_new_name: [1,5,2] 3
# CASE else_assigns_new_name: [1,5,2] 10
