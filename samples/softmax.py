"""Softmax and log-softmax with max subtraction, over a chosen axis.

Run it:
    pygraft compile samples/softmax.py -o softmax.pgraph
    pygraft run softmax.pgraph --entry softmax '[[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]' 1
Compare against CPython + NumPy:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft samples/softmax.py
"""
import numpy as np


def softmax(z, axis=-1):
    """exp(z - max) / sum(exp(z - max)); rows sum to one."""
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


# CASE softmax: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]
# CASE softmax: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]] 0
# CASE softmax: [1000.0,1001.0,1002.0]
# CASE softmax: [[[0.79,0.84,0.08,-1.43,-0.14,-0.77,-1.42,0.26],[-0.57,-1.03,-1.04,0.27,0.36,1.32,-0.01,1.04],[1.4,1.15,-2.37,1.23,0.34,0.42,0.37,0.38]],[[0.32,-0.36,-1.9,-0.11,-0.8,1.08,-0.29,0.08],[-0.85,-0.51,-0.01,-1.49,0.3,-0.11,-1.19,-2.4],[0.51,-0.3,-0.53,-0.24,1.82,-0.05,0.09,-1.49]]] 1


def log_softmax(z, axis=-1):
    """z - max - log(sum(exp(z - max))): stable for large logits."""
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


# CASE log_softmax: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]
# CASE log_softmax: [[1000.0,0.0],[-1000.0,0.0]] 1


def cross_entropy(logits, labels):
    """Mean negative log-likelihood of integer labels."""
    logp = log_softmax(logits, axis=1)
    picked = np.sum(logp * (np.arange(logits.shape[1]) == labels[:, None]), axis=1)
    return -np.mean(picked), picked


# CASE cross_entropy: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]] [2,7,0,1]


def softmax_float32(z, temperature=1.0):
    """Softmax with a temperature, computed in float32."""
    z32 = z.astype(np.float32) / temperature
    e = np.exp(z32 - z32.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# CASE softmax_float32: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]]
# CASE softmax_float32: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]] 0.5
