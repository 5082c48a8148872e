# a if c else b -> a cond with one result; constant conditions fold.
MODE = 2


def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


def mode_scale(x):
    return x * 2 if MODE == 2 else x
