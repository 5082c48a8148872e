"""Layer normalisation over the feature axis with eps, gamma and beta.

Run it:
    pygraft compile samples/layer_norm.py -o layer_norm.pgraph
    pygraft run layer_norm.pgraph --entry layer_norm '[[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]' '[1.09,0.87,0.93,1.06,0.77,1.04,0.94,1.01]' '[-0.01,0.02,0.07,-0.08,0.14,0.07,0.08,0.12]'
Compare against CPython + NumPy:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft samples/layer_norm.py
"""
import numpy as np

EPS = 1e-5


def layer_norm(x, gamma, beta, eps=EPS):
    """(x - mean) / sqrt(var + eps) * gamma + beta over the last axis."""
    mean = np.mean(x, axis=-1, keepdims=True)
    var = np.var(x, axis=-1, keepdims=True)
    x_hat = (x - mean) / np.sqrt(var + eps)
    return x_hat * gamma + beta


# CASE layer_norm: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]] [1.09,0.87,0.93,1.06,0.77,1.04,0.94,1.01] [-0.01,0.02,0.07,-0.08,0.14,0.07,0.08,0.12]
# CASE layer_norm: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]] [1.09,0.87,0.93,1.06,0.77,1.04,0.94,1.01] [-0.01,0.02,0.07,-0.08,0.14,0.07,0.08,0.12] 0.1
# CASE layer_norm: [[[0.79,0.84,0.08,-1.43,-0.14,-0.77,-1.42,0.26],[-0.57,-1.03,-1.04,0.27,0.36,1.32,-0.01,1.04],[1.4,1.15,-2.37,1.23,0.34,0.42,0.37,0.38]],[[0.32,-0.36,-1.9,-0.11,-0.8,1.08,-0.29,0.08],[-0.85,-0.51,-0.01,-1.49,0.3,-0.11,-1.19,-2.4],[0.51,-0.3,-0.53,-0.24,1.82,-0.05,0.09,-1.49]]] [1.09,0.87,0.93,1.06,0.77,1.04,0.94,1.01] [-0.01,0.02,0.07,-0.08,0.14,0.07,0.08,0.12]


def layer_norm_stats(x, gamma, beta):
    """The normalised output with the per-row statistics, for checking."""
    mean = x.mean(axis=1, keepdims=True)
    centered = x - mean
    var = (centered ** 2).mean(axis=1, keepdims=True)
    y = centered / np.sqrt(var + EPS) * gamma + beta
    return y, mean.squeeze(axis=1), np.std(x, axis=1)


# CASE layer_norm_stats: [[-0.16,0.54,0.21,0.36,-0.65,-0.13,0.78,1.49],[-1.26,1.51,1.35,0.78,0.26,-0.31,1.46,1.96],[1.8,1.32,0.36,-1.21,-0.0,0.66,-1.29,0.4],[0.43,0.7,-1.18,-0.66,-0.44,-1.17,1.74,-0.5]] [1.09,0.87,0.93,1.06,0.77,1.04,0.94,1.01] [-0.01,0.02,0.07,-0.08,0.14,0.07,0.08,0.12]


def layer_norm_float32(x, gamma, beta):
    """Layer norm with float32 activations and float32 parameters."""
    x32 = x.astype(np.float32)
    g32 = gamma.astype(np.float32)
    b32 = beta.astype(np.float32)
    mean = x32.mean(axis=-1, keepdims=True)
    var = x32.var(axis=-1, keepdims=True)
    return (x32 - mean) / np.sqrt(var + EPS) * g32 + b32


# CASE layer_norm_float32: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]] [1.09,0.87,0.93,1.06,0.77,1.04,0.94,1.01] [-0.01,0.02,0.07,-0.08,0.14,0.07,0.08,0.12]


def rms_norm(x, gamma, eps=1e-6):
    """RMSNorm: x / sqrt(mean(x^2) + eps) * gamma."""
    rms = np.sqrt(np.mean(np.square(x), axis=-1, keepdims=True) + eps)
    return x / rms * gamma


# CASE rms_norm: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]] [1.09,0.87,0.93,1.06,0.77,1.04,0.94,1.01]
