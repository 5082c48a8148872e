"""Piecewise functions written with branches on scalars (and compared with
their vectorised np.where forms): ReLU variants, Huber loss, clipping by
cases, smooth L1, piecewise-linear schedules."""
import numpy as np

ALPHA = 0.1
DELTA = 1.0


def leaky_relu(x, alpha=ALPHA):
    """Leaky ReLU on a scalar."""
    if x >= 0:
        return x
    return alpha * x


# CASE leaky_relu: 2.0
# CASE leaky_relu: -2.0
# CASE leaky_relu: -2.0 0.3


def elu(x, alpha=1.0):
    """ELU on a scalar."""
    if x > 0:
        return x * 1.0
    else:
        return alpha * (np.exp(x) - 1.0)


# CASE elu: 1.5
# CASE elu: -1.5
# CASE elu: 0


def relu6_by_cases(x):
    """ReLU6 with an elif chain on each element."""
    out = np.zeros_like(x)
    for i in range(x.shape[0]):
        v = x[i]
        if v < 0:
            out[i] = 0
        elif v > 6:
            out[i] = 6
        else:
            out[i] = v
    return out, np.clip(x, 0, 6)


# CASE relu6_by_cases: [-1.0,3.0,7.5,6.0,0.0]
# CASE relu6_by_cases: [2,9]


def huber(residual, delta=DELTA):
    """Huber loss of one residual."""
    a = abs(residual)
    if a <= delta:
        return 0.5 * a * a
    return delta * (a - 0.5 * delta)


# CASE huber: 0.5
# CASE huber: -3.0
# CASE huber: 1.0
# CASE huber: 3.0 2.0


def huber_mean(pred, target, delta=DELTA):
    """Mean Huber loss by a loop over residuals, calling `huber`."""
    total = 0.0
    for p, t in zip(pred, target):
        total += huber(p - t, delta)
    n = min(pred.shape[0], target.shape[0])
    return total / n if n > 0 else 0.0


# CASE huber_mean: [1.0,2.0,3.0] [1.5,0.0,3.0]
# CASE huber_mean: [1.0,2.0,3.0] [1.5,0.0,3.0] 0.1
# CASE huber_mean: [] []


def smooth_l1_vectorised(pred, target, beta=1.0):
    """Smooth L1 with np.where and a branch for beta == 0."""
    d = np.abs(pred - target)
    if beta == 0:
        return np.mean(d)
    return np.mean(np.where(d < beta, 0.5 * d * d / beta, d - 0.5 * beta))


# CASE smooth_l1_vectorised: [1.0,2.0,3.0] [1.5,0.0,3.0]
# CASE smooth_l1_vectorised: [1.0,2.0,3.0] [1.5,0.0,3.0] 0


def clip_gradient_norm(g, max_norm):
    """Gradient clipping by norm: rescale only when over the limit."""
    norm = np.sqrt(np.sum(g * g))
    if norm > max_norm:
        g = g * (max_norm / norm)
        clipped = True
    else:
        clipped = False
    return g, clipped


# CASE clip_gradient_norm: [3.0,4.0] 1.0
# CASE clip_gradient_norm: [3.0,4.0] 10.0


def piecewise_linear_schedule(t, knots_t, knots_v):
    """Linear interpolation between knots; constant outside."""
    if t <= knots_t[0]:
        return knots_v[0]
    n = knots_t.shape[0]
    for i in range(1, n):
        if t <= knots_t[i]:
            w = (t - knots_t[i - 1]) / (knots_t[i] - knots_t[i - 1])
            return knots_v[i - 1] * (1 - w) + knots_v[i] * w
    return knots_v[n - 1]


# CASE piecewise_linear_schedule: -1.0 [0.0,10.0,20.0] [1.0,0.5,0.1]
# CASE piecewise_linear_schedule: 5.0 [0.0,10.0,20.0] [1.0,0.5,0.1]
# CASE piecewise_linear_schedule: 15.0 [0.0,10.0,20.0] [1.0,0.5,0.1]
# CASE piecewise_linear_schedule: 99.0 [0.0,10.0,20.0] [1.0,0.5,0.1]


def hard_sigmoid_tanh(x, kind):
    """Hard sigmoid / hard tanh chosen by an argument, with np.where inside."""
    if kind == 0:
        y = np.where(x < -2.5, 0.0, np.where(x > 2.5, 1.0, 0.2 * x + 0.5))
    else:
        y = np.where(x < -1.0, -1.0, np.where(x > 1.0, 1.0, x))
    return y


# CASE hard_sigmoid_tanh: [-3.0,0.0,1.0,3.0] 0
# CASE hard_sigmoid_tanh: [-3.0,0.0,0.5,3.0] 1


def soft_threshold(x, lam):
    """The proximal operator of the L1 norm, branch per element."""
    out = np.zeros_like(x)
    for i in range(x.shape[0]):
        if x[i] > lam:
            out[i] = x[i] - lam
        elif x[i] < -lam:
            out[i] = x[i] + lam
    return out


# CASE soft_threshold: [3.0,-0.5,0.2,-2.0] 1.0
# CASE soft_threshold: [3.0] 5.0


def abs_by_sign_int(x):
    """Integer piecewise: absolute value and sign of an int argument."""
    if x < 0:
        return -x, -1
    if x == 0:
        return 0, 0
    return x, 1


# CASE abs_by_sign_int: -7
# CASE abs_by_sign_int: 0
# CASE abs_by_sign_int: 7
