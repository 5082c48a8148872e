"""GELU activation, tanh approximation:
0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3))).

Run it:
    pygraft compile samples/gelu.py -o gelu.pgraph
    pygraft run gelu.pgraph --entry gelu '[[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]'
Compare against CPython + NumPy:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft samples/gelu.py
"""
import math
import numpy as np

GELU_COEF = 0.044715


def gelu(x):
    """The tanh approximation used by GPT-2 and BERT."""
    c = math.sqrt(2.0 / math.pi)
    return 0.5 * x * (1.0 + np.tanh(c * (x + GELU_COEF * x ** 3)))


# CASE gelu: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]
# CASE gelu: [0.16,-0.59,-1.34,-1.4,0.5,0.99,-0.16,-1.07]
# CASE gelu: 1.5
# CASE gelu: []


def gelu_float32(x):
    """The same in float32: Python-float constants do not widen it."""
    x32 = np.asarray(x, dtype=np.float32)
    return gelu(x32)


# CASE gelu_float32: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]


def gelu_sigmoid(x):
    """The sigmoid approximation x * sigmoid(1.702 x)."""
    return x / (1.0 + np.exp(-1.702 * x))


# CASE gelu_sigmoid: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]]


def feed_forward(x, expand=2):
    """A transformer feed-forward block: dense -> GELU -> dense, residual."""
    d = x.shape[-1]
    w_in = np.cos(np.arange(d * d * expand).reshape(d, d * expand) * 0.05) / math.sqrt(d)
    w_out = np.sin(np.arange(d * expand * d).reshape(d * expand, d) * 0.07) / math.sqrt(d * expand)
    return x + gelu(x @ w_in) @ w_out


# CASE feed_forward: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]]
# CASE feed_forward: [[-0.16,0.54,0.21,0.36,-0.65,-0.13,0.78,1.49],[-1.26,1.51,1.35,0.78,0.26,-0.31,1.46,1.96],[1.8,1.32,0.36,-1.21,-0.0,0.66,-1.29,0.4],[0.43,0.7,-1.18,-0.66,-0.44,-1.17,1.74,-0.5]] 3
