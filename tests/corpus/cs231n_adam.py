"""Adam in the style of the CS231n assignments (optim.py).

EDITED (one line): the original counts the step with `t += 1` where t was
read from the config dict; pygraft refuses that (PG0401: were config["t"]
an array, += would change it inside config too), so the count is rebound
with `t = t + 1`."""
import numpy as np


def adam(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-3)
    config.setdefault("beta1", 0.9)
    config.setdefault("beta2", 0.999)
    config.setdefault("epsilon", 1e-8)
    config.setdefault("m", np.zeros_like(w))
    config.setdefault("v", np.zeros_like(w))
    config.setdefault("t", 0)

    next_w = None
    beta1, beta2, eps = config["beta1"], config["beta2"], config["epsilon"]
    t, m, v = config["t"], config["m"], config["v"]
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * (dw * dw)
    t = t + 1
    alpha = config["learning_rate"] * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    next_w = w - alpha * (m / (np.sqrt(v) + eps))
    config["t"] = t
    config["m"] = m
    config["v"] = v

    return next_w, config


# CASE adam: [1.0,2.0] [0.5,-0.5]
# CASE adam: [1.0,2.0] [0.5,-0.5] {"t":5,"m":[0.1,0.1],"v":[0.01,0.02],"learning_rate":0.01}
