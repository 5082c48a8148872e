"""`while True:` (and `while 1:`) left only through break: every name bound
before every break is bound after the loop, so there is no maybe-unbound
warning (PG0501) and --Werror accepts the file; the values are Python's."""
import numpy as np


def first_power_above(x, limit):
    """y is bound in every iteration before the only break."""
    k = 0
    while True:
        y = x ** k
        if y > limit:
            break
        k += 1
    return y, k


# CASE first_power_above: 2.0 100.0
# CASE first_power_above: 3.0 0.5
# CASE first_power_above: 1.5 10.0


def bound_on_each_break(x):
    """Two breaks, each after its own assignment of `kind`."""
    i = 0
    while True:
        if x[i] < 0.0:
            kind = -1
            break
        if x[i] > 10.0:
            kind = 1
            break
        i += 1
    return kind, i


# CASE bound_on_each_break: [1.0,2.0,-3.0]
# CASE bound_on_each_break: [11.0]
# CASE bound_on_each_break: [0.5,20.0,-1.0]


def while_one_with_continue(n):
    """`while 1:` with continue; the array is bound before the loop's break."""
    total = 0
    k = 0
    while 1:
        k += 1
        if k % 2 == 0:
            continue
        acc = np.arange(k) * 1.0
        total += k
        if k >= n:
            break
    return total, acc


# CASE while_one_with_continue: 1
# CASE while_one_with_continue: 6


def nested_while_true(rows):
    """An inner while True inside an outer one; both left by break."""
    r = 0
    while True:
        c = 0
        while True:
            last = rows[r, c]
            if last > 0.0 or c == rows.shape[1] - 1:
                break
            c += 1
        if last > 0.0 or r == rows.shape[0] - 1:
            break
        r += 1
    return r, c, last


# CASE nested_while_true: [[0.0,0.0],[0.0,2.5]]
# CASE nested_while_true: [[1.0,0.0],[0.0,0.0]]
# CASE nested_while_true: [[0.0,0.0],[0.0,0.0]]


def else_never_runs(n):
    """The else clause of an endless loop never runs (no break skips it: the
    loop never ends by its test)."""
    flag = 0
    i = 0
    while True:
        i += 1
        if i > n:
            break
    else:
        flag = 1
    return i, flag


# CASE else_never_runs: 0
# CASE else_never_runs: 4


def returns_from_endless_loop(x):
    """No break at all: the loop is left by return only."""
    step = 0
    while True:
        x = x * 0.5
        step += 1
        if x < 1.0:
            return x, step


# CASE returns_from_endless_loop: 10.0
# CASE returns_from_endless_loop: 0.5
