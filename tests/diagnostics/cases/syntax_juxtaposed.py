# Two statements on one line with nothing between them are invalid syntax,
# also as the one-line body of a compound statement (the fast parser once
# took the first and dropped the rest: found by fuzz_front_end).
import numpy as np


def loop_body(x):
    for i in range(3): y = x    print(i)  # expect: PG0001 [follows]
    return x


def if_body(x):
    if x > 0: y = 1  z = 2  # expect: PG0001 [follows]
    return x


def while_body(x):
    while x > 0: x = x - 1  print(x)  # expect: PG0001 [follows]
    return x


def plain(x):
    y = x  print(x)  # expect: PG0001 [follows]
    return y
