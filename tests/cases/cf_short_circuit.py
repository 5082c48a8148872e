"""and / or / not with Python's short-circuit meaning and result values:
`x or default` returns an operand, not a bool; the right side is evaluated
only when needed."""
import numpy as np


def or_default(lr=None, default=0.01):
    """`lr or default`: None, 0 and 0.0 fall back to the default."""
    return lr or default


# CASE or_default:
# CASE or_default: 0.5
# CASE or_default: 0
# CASE or_default: 0.0 3
# CASE or_default: 2 3


def and_value(n):
    """`n and n * 2` returns n itself when n is falsy."""
    return n and n * 2


# CASE and_value: 0
# CASE and_value: 5
# CASE and_value: 2.5
# CASE and_value: false
# CASE and_value: true


def and_with_none(mask=None):
    """`mask is not None and mask.sum()`: False or a sum."""
    return mask is not None and mask.sum()


# CASE and_with_none:
# CASE and_with_none: [1,2,3]


def or_chain(a=None, b=None, c=7):
    """`a or b or c`: the first truthy operand, else the last."""
    return a or b or c


# CASE or_chain:
# CASE or_chain: 0 4
# CASE or_chain: 3 4
# CASE or_chain: 0 0 0


def short_circuit_guards_index(x, i):
    """`i < len(x) and x[i] > 0`: the index is not evaluated when out of range."""
    if i < len(x) and x[i] > 0:
        return 1
    return 0


# CASE short_circuit_guards_index: [1.0,-2.0] 0
# CASE short_circuit_guards_index: [1.0,-2.0] 1
# CASE short_circuit_guards_index: [1.0,-2.0] 5


def or_guards_division(d):
    """`d == 0 or 1 / d > 0.5`: no ZeroDivisionError when d is 0."""
    ok = d == 0 or 1 / d > 0.5
    return ok


# CASE or_guards_division: 0
# CASE or_guards_division: 1
# CASE or_guards_division: 4


def not_values(x, flag):
    """`not` of ints, floats, None and NumPy scalars gives a bool."""
    a = not x
    b = not flag
    c = not None
    d = not np.sum(x)
    return a, b, c, d


# CASE not_values: 0 true
# CASE not_values: 3 false
# CASE not_values: 0.0 false
# CASE not_values: [1] true


def mixed_and_or_not(x, lo, hi, strict):
    """and / or / not combined in one condition, with precedence."""
    if not strict and x >= lo or strict and x > lo and not x >= hi:
        return x
    return lo


# CASE mixed_and_or_not: 5 1 10 false
# CASE mixed_and_or_not: 0 1 10 false
# CASE mixed_and_or_not: 5 1 10 true
# CASE mixed_and_or_not: 1 1 10 true
# CASE mixed_and_or_not: 12 1 10 true


def and_or_on_numpy_scalars(x):
    """and / or between NumPy scalars return one of them."""
    m = np.max(x)
    s = np.sum(x)
    return m and s, m or s


# CASE and_or_on_numpy_scalars: [1,2]
# CASE and_or_on_numpy_scalars: [0,0]
# CASE and_or_on_numpy_scalars: [-1.5,1.5]


def or_with_array_operand(x, fallback):
    """A size-1 array operand of `or` is returned as is when truthy."""
    y = x or fallback
    return y


# CASE or_with_array_operand: [2.0] [9.0,9.0]
# CASE or_with_array_operand: [0.0] [9.0,9.0]
# CASE or_with_array_operand: [1.0,2.0] [9.0] -> exit 3


def and_in_while(x, budget):
    """A while condition with `and`: the index check comes first."""
    i = 0
    while i < x.shape[0] and x[i] < budget:
        budget -= x[i]
        i += 1
    return i, budget


# CASE and_in_while: [1,2,3,4] 100
# CASE and_in_while: [1,2,3,4] 4
# CASE and_in_while: [5] 4
