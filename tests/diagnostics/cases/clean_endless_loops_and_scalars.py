# args: --Werror
# Clean even under --Werror: names bound before every break of a
# `while True:` loop are bound after it (no PG0501), and scalar accumulators
# returned or broken out of a loop share nothing (no PG0401).
import numpy as np


def first_power_above(x, limit):
    k = 0
    while True:
        y = x ** k
        if y > limit:
            break
        k += 1
    return y


def two_breaks(x):
    i = 0
    while 1:
        if x[i] < 0.0:
            kind = -1
            break
        if x[i] > 10.0:
            kind = 1
            break
        i += 1
    return kind


def running_total(x, limit):
    total = 0.0
    for v in x:
        total += v
        if np.all(v > limit):
            return total, False
    return total, True


def counters(x):
    n = len(x)
    m = n
    n += 1
    count = 0
    for row in x:
        count += 1
        if count > 3:
            break
    return n, m, count
