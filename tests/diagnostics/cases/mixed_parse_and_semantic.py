# Parse-time and semantic problems together: all are reported in one run,
# and nothing is reported twice (no follow-on errors from dropped code).
import numpy as np
import os


class Config:  # expect: PG0101
    size = 3


def relu(x, *extra):  # expect: PG0115
    return np.maximum(x, 0.0)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)  # expect: PG0308


def dense(x, weight):
    with open("w.npy") as f:  # expect: PG0104
        w = np.load(f)
    try:  # expect: PG0102
        scale = 2.0
    except ValueError:
        scale = 1.0
    cfg = Config()
    h = relu(x @ wieght, 1, 2)  # expect: PG0301 [did you mean 'weight']
    ys = h is None or [v for v in h]  # expect: PG0202
    if (n := len(ys)) > 2:  # expect: PG0210
        print(n, os.getcwd())  # expect: PG0113 [imported on line 4]
    act = lambda v, *w: v  # expect: PG0201
    y = act(h) * scale + w
    z = np.sofmax(y)  # expect: PG0303
    return np.sum(z, 0, 1, 2, 3)  # expect: PG0305


def late(x):
    if x > 0:
        t = x
    return t  # expect: PG0501 warning
    print("never")  # expect: PG0502 warning


def broken(x):
    return x +  # expect: PG0001


def caller(x):
    return broken(x) + undefined_thing  # expect: PG0301


def paths(x):
    return os.path.join(x) + os.sep + x.bogus  # expect: PG0304
