# PG0401 an in-place change of an array that another name shares, when the
# other name is read afterwards (reported at the change).
import numpy as np


def alias_then_mutate(x):
    y = x
    y[0] = 1.0  # expect: PG0401
    return x


def view_then_mutate(x):
    row = x[0]
    x += 1.0  # expect: PG0401
    return row


def first_rows(a):
    return a[:2]


def same_or_other(a, b, flag):
    return a if flag else b


def via_helper(a):
    return first_rows(a)


def relu(a):
    return np.maximum(a, 0.0)


def returned_view_then_mutate(x):
    top = first_rows(x)
    top[0] = 0.0  # expect: PG0401
    return x


def returned_through_two_calls(x):
    top = via_helper(x)
    top += 1.0  # expect: PG0401
    return x


def returned_by_keyword(x, w):
    y = same_or_other(b=w, a=x * 2.0, flag=False)
    y[0] = 1.0  # expect: PG0401
    return w


def fresh_result_is_fine(x):
    y = relu(x)
    y[0] = 1.0
    z = same_or_other(x * 2.0, x + 1.0, True)
    z += 1.0
    return x, y, z


def view_of_unknown_rank(x):
    # y is a view of x's first row when x has two or more dimensions.
    y = x[0]
    y += 1.0  # expect: PG0401
    return x


def scalar_accumulator_then_view_change(x):
    total = 0.0
    for v in x:
        total += v
        if np.all(v > 1.0):
            return total
    row = x[0]
    row += total  # expect: PG0401
    return x
