"""Conditional expressions, chained comparisons (each operand evaluated
once) and `in` / `not in` a tuple."""
import numpy as np

VALID_MODES = (0, 1, 2)
LO = -1.0
HI = 1.0


def leaky(x, slope=0.01):
    """`a if c else b` on a scalar."""
    return x if x > 0 else slope * x


# CASE leaky: 2.0
# CASE leaky: -2.0
# CASE leaky: 0


def nested_ternary(x):
    """A ternary inside a ternary: sign as an int."""
    return 1 if x > 0 else (-1 if x < 0 else 0)


# CASE nested_ternary: 3.5
# CASE nested_ternary: -0.1
# CASE nested_ternary: 0


def ternary_different_types(x, as_array):
    """The two arms differ in type: an array or a Python float."""
    y = x * 2 if as_array else float(np.sum(x))
    return y


# CASE ternary_different_types: [1,2] true
# CASE ternary_different_types: [1,2] false


def ternary_only_evaluates_taken_arm(x, i):
    """The untaken arm would raise (index out of range)."""
    return x[i] if i < x.shape[0] else -1.0


# CASE ternary_only_evaluates_taken_arm: [1.0,2.0] 1
# CASE ternary_only_evaluates_taken_arm: [1.0,2.0] 7


def in_range(x, lo=LO, hi=HI):
    """A chained comparison lo <= x < hi."""
    return lo <= x < hi


# CASE in_range: 0.5
# CASE in_range: -1.0
# CASE in_range: 1.0
# CASE in_range: -3.0
# CASE in_range: 5 0 10


def noisy_identity(v):
    """Prints each time it is called, to show how often an operand runs."""
    print("eval", v)
    return v


def chained_evaluates_once(a, b, c):
    """`a < f(b) < f(c)`: f(b) is evaluated exactly once, f(c) only when
    the first comparison holds. The prints around make a second evaluation
    visible in the printed text."""
    print("start")
    if a < noisy_identity(b) < noisy_identity(c):
        r = 1
    else:
        r = 0
    print("end")
    return r


# CASE chained_evaluates_once: 1 2 3
# CASE chained_evaluates_once: 5 2 3
# CASE chained_evaluates_once: 1 4 3


def long_chain(a, b, c, d):
    """a < b <= c != d with four operands."""
    return a < b <= c != d


# CASE long_chain: 1 2 2 3
# CASE long_chain: 1 2 2 2
# CASE long_chain: 3 2 2 3
# CASE long_chain: 1 3 2 3


def chained_on_reduction(x):
    """A chained comparison on a NumPy scalar as an if condition."""
    m = np.mean(x)
    if 0.0 < m <= 1.0:
        return x - m
    return x


# CASE chained_on_reduction: [0.5,1.0]
# CASE chained_on_reduction: [5.0,1.0]
# CASE chained_on_reduction: [-1.0,0.0]


def mode_in_tuple(x, mode):
    """`in` / `not in` a tuple of module constants or literals."""
    if mode not in VALID_MODES:
        return -x
    if mode in (1, 2):
        return x * mode
    return x


# CASE mode_in_tuple: [1,2] 0
# CASE mode_in_tuple: [1,2] 2
# CASE mode_in_tuple: [1,2] 5


def float_in_tuple(x):
    """`in` compares with ==: 2.0 in (1, 2, 3) is True."""
    return x in (1, 2, 3), x not in (0.5, 1.5)


# CASE float_in_tuple: 2.0
# CASE float_in_tuple: 1.5
# CASE float_in_tuple: 7


def ternary_in_loop(x):
    """Conditional expression per element inside a loop (Huber-like)."""
    out = np.zeros_like(x)
    for i in range(x.shape[0]):
        a = abs(x[i])
        out[i] = 0.5 * a * a if a <= 1.0 else a - 0.5
    return out


# CASE ternary_in_loop: [0.5,-2.0,1.0,3.0]
# CASE ternary_in_loop: []


def elementwise_chain_on_arrays(x):
    """A vectorised range check uses & (a chain on arrays would be ambiguous)."""
    mask = (x >= LO) & (x < HI)
    return np.where(mask, x, 0.0)


# CASE elementwise_chain_on_arrays: [-2.0,-1.0,0.0,1.0,2.0]


def chain_on_array_is_ambiguous(x):
    """`lo <= x < hi` on a vector needs the truth of an array: error."""
    return LO <= x < HI


# CASE chain_on_array_is_ambiguous: [0.0,0.5] -> exit 3
# CASE chain_on_array_is_ambiguous: [0.5]
