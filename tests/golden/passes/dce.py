# dce: a node goes when nothing reads its results AND running it cannot raise
# (SPEC §3: no optimisation removes a check Python makes). Value types prove
# which unused nodes cannot raise.
import numpy as np


# Removed: each kind of node proven not to raise.
def removable(x, n):
    t = np.exp(x)               # stays: np.exp(None) raises; t is a float array
    scaled = t * 2.0            # float array times a Python number: removed
    ratio = t / 0.0             # NumPy divides by zero with a warning: removed
    shape = t.shape             # attributes of an array: removed
    ndim = t.ndim
    neg = -t                    # removed
    f = float(n)                # stays: float(x) raises for many x
    g = f * 3.0 + 1.0           # Python float arithmetic: removed
    h = f / 2.0                 # divided by a non-zero constant: removed
    big = g > h                 # comparison of numbers: removed
    scale = 2 * 3 + 1           # folded; its operands go
    a, b = x, x + 1.0           # a tuple only unpacked: x + 1.0 stays (x may be None)
    if big:                     # a bool's truth cannot raise and the branches
        ignored = f - 1.0       # hold nothing that stays: the cond goes
    else:
        ignored = f + 1.0
    return a * scale


# Kept: each may raise for some arguments, as in CPython.
def kept(x, a, k):
    unused = x[10]              # IndexError
    inverse = 1 / a             # ZeroDivisionError
    mismatch = x + np.ones(7)   # broadcasting ValueError
    product = k * k             # OverflowError (Python ints are 64-bit)
    root = np.sqrt(a) + a       # np.sqrt(None) raises
    if x:                       # truth of an array of several elements
        pass
    while k > 0:                # loops stay
        k = k - 1.0
    return x
