def f(x):
    return x.sum(1, 2, 3, 4, 5, 6)
