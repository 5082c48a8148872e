def piecewise(x):
    if x < 0:
        return -x
    if x < 10:
        y = x * 2
        return y
    return 100


def falls_off(x):
    if x > 0:
        return x


def nested(a, b):
    if a > 0:
        if b > 0:
            return 1
        r = 2
    else:
        r = 3
    r = r + 1
    return r


if __name__ == "__main__":
    CASES = [("piecewise", (v,)) for v in (-3, 0, 4, 10, 50)] + \
        [("falls_off", (v,)) for v in (-1, 0, 2)] + \
        [("nested", (a, b)) for a in (-1, 1) for b in (-1, 1)]
