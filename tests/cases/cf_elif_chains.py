"""if/elif/else chains: every arm is taken by some case."""
import numpy as np

ACT_RELU = 0
ACT_TANH = 1
ACT_SIGMOID = 2
ACT_GELU = 3


def activation(x, kind=ACT_RELU):
    """Selects an activation by an integer code, as configs often do."""
    if kind == ACT_RELU:
        y = np.maximum(x, 0.0)
    elif kind == ACT_TANH:
        y = np.tanh(x)
    elif kind == ACT_SIGMOID:
        y = 1.0 / (1.0 + np.exp(-x))
    elif kind == ACT_GELU:
        y = 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))
    else:
        y = x
    return y


# CASE activation: [-1.0,0.5,2.0]
# CASE activation: [-1.0,0.5,2.0] 1
# CASE activation: [-1.0,0.5,2.0] 2
# CASE activation: [-1.0,0.5,2.0] 3
# CASE activation: [-1.0,0.5,2.0] 9


def grade(score):
    """A classic elif ladder on a scalar; returns an int code."""
    if score >= 90:
        g = 4
    elif score >= 80:
        g = 3
    elif score >= 70:
        g = 2
    elif score >= 60:
        g = 1
    else:
        g = 0
    return g


# CASE grade: 95
# CASE grade: 85.5
# CASE grade: 70
# CASE grade: 61
# CASE grade: 12


def learning_rate_schedule(step, base_lr=0.1, warmup=10, decay_start=100):
    """Warmup, then constant, then inverse-sqrt decay."""
    if step < warmup:
        lr = base_lr * (step + 1) / warmup
    elif step < decay_start:
        lr = base_lr
    else:
        lr = base_lr * np.sqrt(decay_start / step)
    return lr


# CASE learning_rate_schedule: 0
# CASE learning_rate_schedule: 9
# CASE learning_rate_schedule: 50
# CASE learning_rate_schedule: 400
# CASE learning_rate_schedule: 5 0.5 5


def elif_without_else(x, mode):
    """No else: when no arm matches, x passes through unchanged."""
    if mode == 1:
        x = x + 1
    elif mode == 2:
        x = x * 2
    elif mode == 3:
        x = -x
    return x


# CASE elif_without_else: [1,2,3] 1
# CASE elif_without_else: [1,2,3] 2
# CASE elif_without_else: [1,2,3] 3
# CASE elif_without_else: [1,2,3] 0


def sign_by_cases(x, make_nan=False):
    """Each arm returns a value of a different type (int, float, bool)."""
    if make_nan:
        x = x * np.nan
    if x > 0:
        return 1
    elif x < 0:
        return -1.0
    elif x == 0:
        return False
    return None


# CASE sign_by_cases: 3.0
# CASE sign_by_cases: -0.5
# CASE sign_by_cases: 0
# CASE sign_by_cases: 1.0 true


def norm_by_order(x, order):
    """Vector norms selected at run time; `in` a tuple of codes."""
    if order == 1:
        n = np.sum(np.abs(x))
    elif order in (2, -2):
        n = np.sqrt(np.sum(x * x))
    elif order not in (0, 1, 2):
        n = np.max(np.abs(x))
    else:
        n = np.sum(x != 0)
    return n


# CASE norm_by_order: [3.0,-4.0] 1
# CASE norm_by_order: [3.0,-4.0] 2
# CASE norm_by_order: [3.0,-4.0] -2
# CASE norm_by_order: [3.0,-4.0] 7
# CASE norm_by_order: [3.0,0.0,-4.0] 0
