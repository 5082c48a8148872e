# The public-style functions of tests/corpus/ that do not convert as written,
# each with the diagnostic that says why (tests/corpus/README.md).
import numpy as np


def adam_step(w, dw, config):
    t, m = config["t"], config["m"]
    m = 0.9 * m + 0.1 * dw
    t += 1  # expect: PG0401 [config]
    config["t"] = t
    return w - m / t, config


def clip_gradients(dWxh, dWhh):
    for dparam in [dWxh, dWhh]:
        np.clip(dparam, -5, 5, out=dparam)  # expect: PG0401 [dWxh]
    return dWxh, dWhh


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    if "seed" in dropout_param:
        np.random.seed(dropout_param["seed"])  # expect: PG0303
    mask = None
    out = None
    if mode == "train":
        mask = (np.random.rand(*x.shape) < p) / p  # expect: PG0303 PG0211
        out = x * mask
    elif mode == "test":
        out = x
    return out, (dropout_param, mask)


def splat_into_numpy(x, kwargs):
    return np.sum(x, **kwargs)  # expect: PG0211
