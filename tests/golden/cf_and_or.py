# and / or keep Python's short-circuit meaning and result value.
def first_truthy(a, b, c):
    return a or b or c


def guarded(x, y):
    return y != 0 and x / y > 1.0


def in_range(x, lo, hi):
    return lo <= x < hi, x in (1, 2, 3)
