# An elif chain: nested conds in the else regions.
def piecewise(x):
    if x < -1.0:
        y = -1.0
    elif x < 1.0:
        y = x
    else:
        y = 1.0 + 0.5 * (x - 1.0)
    return y
