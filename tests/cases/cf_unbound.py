"""Names bound on only some paths: fine until read where unbound, then a
runtime error (exit 3) as CPython's UnboundLocalError."""
import numpy as np


def assigned_in_one_branch(x, flag):
    """`y` is only bound when flag is true."""
    if flag:
        y = x * 2
    return y


# CASE assigned_in_one_branch: [1.0,2.0] true
# CASE assigned_in_one_branch: [1.0,2.0] false -> exit 3


def assigned_in_else_only(x):
    """`scale` is bound only in the else branch."""
    if x > 0:
        pass
    else:
        scale = -1.0
    return x * scale


# CASE assigned_in_else_only: -3.0
# CASE assigned_in_else_only: 3.0 -> exit 3


def unbound_but_not_read(x, flag):
    """An unbound name that is never read on that path is fine."""
    if flag:
        y = x + 1
    if flag:
        return y
    return x


# CASE unbound_but_not_read: 2 true
# CASE unbound_but_not_read: 2 false


def loop_var_after_zero_trips(n):
    """The for target is unbound after a loop that ran zero times."""
    for i in range(n):
        pass
    return i


# CASE loop_var_after_zero_trips: 3
# CASE loop_var_after_zero_trips: 1
# CASE loop_var_after_zero_trips: 0 -> exit 3
# CASE loop_var_after_zero_trips: -2 -> exit 3


def row_after_empty_loop(x):
    """The loop target over an empty array's rows is unbound after the loop."""
    for row in x:
        last = row * 2
    return last


# CASE row_after_empty_loop: [[1,2],[3,4]]
# CASE row_after_empty_loop: [] -> exit 3


def bound_in_while_body(n):
    """`last` is bound in a while body that may run zero times."""
    k = 0
    while k < n:
        last = k * k
        k += 1
    return last


# CASE bound_in_while_body: 4
# CASE bound_in_while_body: 0 -> exit 3


def bound_before_break_only(x, target):
    """`pos` is bound only on the break path; the loop has no else."""
    for i in range(len(x)):
        if x[i] == target:
            pos = i
            break
    return pos


# CASE bound_before_break_only: [4,5,6] 6
# CASE bound_before_break_only: [4,5,6] 7 -> exit 3


def unbound_in_nested_branch(a, b):
    """Three paths, one of which leaves `r` unbound."""
    if a > 0:
        if b > 0:
            r = a + b
        else:
            r = a - b
    elif a < 0:
        r = -a
    return r


# CASE unbound_in_nested_branch: 1 2
# CASE unbound_in_nested_branch: 1 -2
# CASE unbound_in_nested_branch: -1 0
# CASE unbound_in_nested_branch: 0 5 -> exit 3


def unbound_read_inside_loop(x):
    """`prev` is read in the first iteration before any assignment."""
    total = 0.0
    for i in range(x.shape[0]):
        if i > 0 or x[0] > 0:
            total += x[i] - prev
        prev = x[i]
    return total


# CASE unbound_read_inside_loop: [-1.0,2.0,4.0]
# CASE unbound_read_inside_loop: [1.0,2.0,4.0] -> exit 3
# CASE unbound_read_inside_loop: []


def unbound_in_print(x, verbose):
    """Printing an unbound name is an error only where the print runs."""
    if x > 10:
        msg_value = x - 10
    if verbose:
        print("over by", msg_value)
    return x


# CASE unbound_in_print: 15 true
# CASE unbound_in_print: 5 false
# CASE unbound_in_print: 5 true -> exit 3


def unbound_in_condition(x):
    """The unbound name is read in the condition of a later if."""
    if x > 0:
        limit = 2 * x
    if limit > 5:
        return 1
    return 0


# CASE unbound_in_condition: 3
# CASE unbound_in_condition: 1
# CASE unbound_in_condition: -1 -> exit 3


def helper_with_unbound(v):
    """A helper whose result is unbound on one path."""
    if v >= 0:
        root = np.sqrt(v)
    return root


def unbound_in_callee(x):
    """The error is raised inside the called function."""
    s = 0.0
    for v in x:
        s += helper_with_unbound(v)
    return s


# CASE unbound_in_callee: [4.0,9.0]
# CASE unbound_in_callee: []
# CASE unbound_in_callee: [4.0,-9.0] -> exit 3


def read_but_unused(x, flag):
    """Reading an unbound name raises even when the value is never used."""
    if flag:
        z = x
    y = z
    return x


# CASE read_but_unused: 1.5 true
# CASE read_but_unused: 1.5 false -> exit 3


def read_before_any_assignment(x):
    """Unbound on every path to the read: raises on the reading line."""
    w = v
    v = x
    return w


# CASE read_before_any_assignment: 2 -> exit 3


def first_iteration_binds(x):
    """`best` is unbound before the loop; the loop binds it on the first
    trip, so only a zero-trip loop raises, at the return."""
    for i in range(len(x)):
        if i == 0:
            best = x[i]
        else:
            best = max(best, x[i])
    return best


# CASE first_iteration_binds: [3.0,7.0,5.0]
# CASE first_iteration_binds: [4.0]
# CASE first_iteration_binds: [] -> exit 3


def unbound_inside_loop_body(n, k):
    """Read in the body before the branch that binds it has run."""
    total = 0
    for i in range(n):
        if i == k:
            step = i
        total = total + step
    return total


# CASE unbound_inside_loop_body: 3 0
# CASE unbound_inside_loop_body: 3 1 -> exit 3
# CASE unbound_inside_loop_body: 0 1


def bound_only_after_returns(x, flag):
    """`hidden` is bound only in code after an if whose branches both return
    (unreachable): still a local in Python, so the read after the else branch
    is an UnboundLocalError at run time, not an undefined name."""
    if flag:
        if x > 0.0:
            return x
        else:
            return -x
        hidden = x * 2.0
    res = hidden
    return res


# CASE bound_only_after_returns: 1.5 true
# CASE bound_only_after_returns: -1.5 true
# CASE bound_only_after_returns: 1.5 false -> exit 3
