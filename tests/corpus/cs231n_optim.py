"""Update rules in the style of the CS231n assignments (optim.py): a config
dict that may be None, filled with setdefault, read with get and [], and
returned with the new state for the next step. Written for this corpus."""
import numpy as np


def sgd(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)

    w -= config["learning_rate"] * dw
    return w, config


def sgd_momentum(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))

    next_w = None
    v = config["momentum"] * v - config["learning_rate"] * dw
    next_w = w + v
    config["velocity"] = v

    return next_w, config


def rmsprop(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("decay_rate", 0.99)
    config.setdefault("epsilon", 1e-8)
    config.setdefault("cache", np.zeros_like(w))

    next_w = None
    config["cache"] = config["decay_rate"] * config["cache"] + (1 - config["decay_rate"]) * dw**2
    next_w = w - config["learning_rate"] * dw / (np.sqrt(config["cache"]) + config["epsilon"])

    return next_w, config


# CASE sgd: [1.0,2.0] [0.5,-0.5]
# CASE sgd: [1.0,2.0] [0.5,-0.5] {"learning_rate":0.5}
# CASE sgd_momentum: [1.0,2.0] [0.5,-0.5]
# CASE sgd_momentum: [[1.0,2.0],[3.0,4.0]] [[0.5,-0.5],[1.0,0.0]] {"momentum":0.5,"velocity":[[1.0,1.0],[0.0,0.0]]}
# CASE rmsprop: [1.0,2.0] [0.5,-0.5]
# CASE rmsprop: [1.0,2.0] [0.5,-0.5] {"cache":[0.1,0.2],"decay_rate":0.9}
