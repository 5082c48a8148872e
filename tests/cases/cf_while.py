"""while loops whose trip count depends on the arguments: 0, 1 and many
iterations, tolerances, `while True` with break, loop-carried arrays."""
import numpy as np

TOL = 1e-8
MAX_ITERS = 100


def count_halvings(x):
    """How many times x can be halved before it drops to 1 or below."""
    n = 0
    while x > 1:
        x = x / 2
        n += 1
    return n, x


# CASE count_halvings: 0.5
# CASE count_halvings: 1.5
# CASE count_halvings: 1000


def collatz_steps(n):
    """Integer loop with a branch inside: steps to reach 1."""
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


# CASE collatz_steps: 1
# CASE collatz_steps: 2
# CASE collatz_steps: 27


def fixed_point_cos(x0, tol=TOL):
    """Fixed-point iteration x = cos(x) until the update is below tol."""
    x = x0
    err = tol + 1.0
    iters = 0
    while err > tol:
        x_new = np.cos(x)
        err = abs(x_new - x)
        x = x_new
        iters += 1
    return x, iters


# CASE fixed_point_cos: 0.5
# CASE fixed_point_cos: 0.7390851332151607 1e-3
# CASE fixed_point_cos: 3.0 1e-12


def while_true_break(limit):
    """`while True:` exited only by break."""
    total = 0
    i = 0
    while True:
        if i >= limit:
            break
        total += i * i
        i += 1
    return total, i


# CASE while_true_break: 0
# CASE while_true_break: 1
# CASE while_true_break: 10


def subscript_in_while(y, k):
    """`y[0] += 1` inside a while loop, on a copy of the argument."""
    y = y.copy()
    while y[0] < k:
        y[0] += 1
        y[1] = y[1] * 2
    return y


# CASE subscript_in_while: [0,1,5] 3
# CASE subscript_in_while: [7,1,5] 3
# CASE subscript_in_while: [2.5,1.0,5.0] 3


def array_condition_loop(x, tol=1e-3):
    """Shrinks a vector until its max-norm is below tol (np reductions)."""
    steps = 0
    while np.max(np.abs(x)) > tol and steps < MAX_ITERS:
        x = x * 0.5
        steps += 1
    return x, steps


# CASE array_condition_loop: [0.0001,-0.0002]
# CASE array_condition_loop: [1.0,-2.0,0.5]
# CASE array_condition_loop: [1e9] 1e-3


def shape_changes_in_loop(x):
    """The loop-carried array halves in length every iteration."""
    levels = 0
    while x.shape[0] > 1:
        x = x[0::2] + x[1::2]
        levels += 1
    return x, levels


# CASE shape_changes_in_loop: [5.0]
# CASE shape_changes_in_loop: [1.0,2.0]
# CASE shape_changes_in_loop: [1,2,3,4,5,6,7,8]


def gcd(a, b):
    """Euclid's algorithm on Python ints."""
    while b:
        a, b = b, a % b
    return a


# CASE gcd: 12 0
# CASE gcd: 12 18
# CASE gcd: 1071 462


def while_with_else(x, target):
    """A while loop with an else clause: else runs when the condition fails."""
    i = 0
    found = -1
    while i < len(x):
        if x[i] == target:
            found = i
            break
        i += 1
    else:
        found = len(x)
    return found


# CASE while_with_else: [4,5,6] 5
# CASE while_with_else: [4,5,6] 9
# CASE while_with_else: [] 1


def vector_while_condition(x):
    """A while condition on a vector is ambiguous: runtime error."""
    while x > 0:
        x = x - 1
    return x


# CASE vector_while_condition: [3,1] -> exit 3
# CASE vector_while_condition: [3]
# CASE vector_while_condition: [-1]


def exponential_backoff(start, cap):
    """Doubling with a cap; loop variable switches from int to float."""
    delay = start
    tries = 0
    while delay < cap:
        delay = delay * 2 if delay > 0 else 0.5
        tries += 1
    return delay, tries


# CASE exponential_backoff: 0 4
# CASE exponential_backoff: 1 100
# CASE exponential_backoff: 50 10
