"""Conditions that are constant at compile time (literals, module constants,
expressions of them) are folded; the result must simply be right. Dead
branches here would fail (assert False, shape mismatches) if they ran."""
import numpy as np

DEBUG = False
USE_BIAS = True
VERSION = 3
MODE = 2
EPS = 1e-5
SCALE = 2.0 * (VERSION - 2)
HIDDEN = 4
LAYERS = (HIDDEN, HIDDEN * 2)
NOTHING = None
DROPOUT = 0.0


def debug_flag(x):
    """`if DEBUG:` with DEBUG = False: the print and assert never run."""
    if DEBUG:
        print("debug", x)
        assert False, "unreachable"
    return x * 2


# CASE debug_flag: [1.0,2.0]
# CASE debug_flag: 3


def bias_flag(x):
    """`if USE_BIAS:` with USE_BIAS = True."""
    y = x * SCALE
    if USE_BIAS:
        y = y + 0.5
    else:
        y = y + np.zeros(7)
    return y


# CASE bias_flag: [1.0,2.0,3.0]


def version_checks(x):
    """Comparisons of module constants, elif on them, `in` a tuple."""
    if VERSION >= 3 and MODE in (1, 2):
        r = x + 1
    elif VERSION == 2:
        r = x + 2
    else:
        r = x + 3
    if not DEBUG and MODE != 2:
        r = r * 100
    return r


# CASE version_checks: 10
# CASE version_checks: [1,2]


def literal_conditions(x):
    """Literal conditions: `if True`, `if 0`, `while False`, `x if 1 else y`."""
    if True:
        a = x
    if 0:
        a = x[100]
    while False:
        a = a + 1
    b = a if 1 else a[5]
    return a, b


# CASE literal_conditions: [1,2]


def none_constant(x):
    """`if NOTHING is None` on a None module constant."""
    if NOTHING is None:
        return x
    return x + NOTHING


# CASE none_constant: [1.5]


def constant_ternary_and_or(x):
    """Ternaries and and/or whose operands are constants."""
    p = DROPOUT or 0.1
    k = USE_BIAS and VERSION
    eps = EPS if DEBUG else EPS * 10
    return x * p + k, eps


# CASE constant_ternary_and_or: [1.0,2.0]


def shape_from_constants(x):
    """A constant tuple unpacked into sizes; the dead branch's shapes would
    not broadcast."""
    h0, h1 = LAYERS
    total = np.zeros(h0)
    if h1 > HIDDEN:
        total = total + x[:HIDDEN]
    if h0 > HIDDEN:
        total = total + np.zeros(h1 + 1)
    return total, LAYERS[1], len(LAYERS)


# CASE shape_from_constants: [1.0,2.0,3.0,4.0,5.0]


def mixed_constant_and_dynamic(x, training):
    """`DROPOUT > 0 and training`: the constant part is False, so `training`
    is never consulted."""
    if DROPOUT > 0 and training:
        x = x * (1 - DROPOUT)
    elif training:
        x = x + 1
    return x


# CASE mixed_constant_and_dynamic: [1.0] true
# CASE mixed_constant_and_dynamic: [1.0] false


def constant_fold_inside_loop(x, n):
    """A dead branch inside a dynamic loop."""
    for i in range(n):
        if DEBUG:
            print("iteration", i)
            x = x[1000]
        x = x * SCALE
    return x


# CASE constant_fold_inside_loop: [1.0,2.0] 0
# CASE constant_fold_inside_loop: [1.0,2.0] 3


def constant_chain_comparison(x):
    """A chained comparison of constants: 0 < MODE < VERSION."""
    if 0 < MODE < VERSION:
        return x * MODE
    return x


# CASE constant_chain_comparison: [1,2]


def dtype_chosen_by_constant(x):
    """A constant flag selects the dtype of the computation."""
    if VERSION > 5:
        y = x.astype(np.float32)
    else:
        y = x.astype(np.float64)
    return y * 0.5


# CASE dtype_chosen_by_constant: [1,2,3]


def constant_loop_bound(x):
    """range over a module constant with a constant condition inside."""
    acc = 0.0
    for i in range(HIDDEN):
        if i < MODE:
            acc = acc + x * i
    return acc


# CASE constant_loop_bound: 1.5
# CASE constant_loop_bound: [1,2]


def constant_or_dynamic(x):
    """`DEBUG or x > 0`: the constant operand is False, the dynamic one decides."""
    if DEBUG or x > 0:
        return x
    return -x


# CASE constant_or_dynamic: 1
# CASE constant_or_dynamic: -1
