# Many different problems: all are reported in one run, in source order.
import numpy as np
import os  # expect: PG0313 note

print("loading")  # expect: PG0114


class Model:  # expect: PG0101
    pass


@decorate  # expect: PG0111
def f(x, *args, **kw):  # expect: PG0115 PG0116
    g = lambda v, w=0: v  # expect: PG0201
    ys = x or [v for v in x]  # expect: PG0202
    d = {"a": 1}
    s = {1, 2}  # expect: PG0207
    try:  # expect: PG0102
        pass
    except Exception:
        pass
    with x:  # expect: PG0104
        pass
    global G  # expect: PG0105
    del x  # expect: PG0107
    if (n := 3) > 2:  # expect: PG0210
        pass
    print(f"{x=}")  # expect: PG0209
    x.attr = 1  # expect: PG0119
    first, *rest = x  # expect: PG0118
    yield x  # expect: PG0108
    return x and {k: k for k in x}, {k for k in x}, x or (k for k in x)  # expect: PG0203 PG0204 PG0205


def g(x):
    def inner(y):  # expect: PG0112
        return y
    raise Bogus  # expect: PG0103 [only builtin exceptions]
    match x:  # expect: PG0110
        case _:
            pass
