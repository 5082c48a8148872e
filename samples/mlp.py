"""Two-layer MLP forward pass: x @ W1 + b1 -> ReLU -> @ W2 + b2 -> softmax.

The weights are made deterministically inside the model (a smooth pattern
from np.sin over an arange), so only the batch is passed in.

Run it:
    pygraft compile samples/mlp.py -o mlp.pgraph
    pygraft run mlp.pgraph --entry forward '[[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]]'
Compare against CPython + NumPy:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft samples/mlp.py
"""
import numpy as np

IN_FEATURES = 8
HIDDEN = 16
CLASSES = 3


def init_weights(n_in, n_out, phase=0.0):
    """Deterministic weights scaled like Glorot init."""
    w = np.sin(np.arange(n_in * n_out) * 0.37 + phase).reshape(n_in, n_out)
    return w * np.sqrt(2.0 / (n_in + n_out))


def dense(x, w, b):
    """An affine layer."""
    return x @ w + b


def relu(x):
    """ReLU with np.maximum against a weak Python scalar."""
    return np.maximum(x, 0.0)


def softmax(z):
    """Numerically stable softmax over the last axis."""
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def forward(x):
    """Class probabilities and predicted labels for a batch of rows."""
    w1 = init_weights(IN_FEATURES, HIDDEN)
    b1 = np.full(HIDDEN, 0.01)
    w2 = init_weights(HIDDEN, CLASSES, phase=1.0)
    b2 = np.zeros(CLASSES)
    h = relu(dense(x, w1, b1))
    probs = softmax(dense(h, w2, b2))
    return probs, np.argmax(probs, axis=1)


# CASE forward: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]]
# CASE forward: [[-0.16,0.54,0.21,0.36,-0.65,-0.13,0.78,1.49],[-1.26,1.51,1.35,0.78,0.26,-0.31,1.46,1.96],[1.8,1.32,0.36,-1.21,-0.0,0.66,-1.29,0.4],[0.43,0.7,-1.18,-0.66,-0.44,-1.17,1.74,-0.5]]


def forward_with_weights(x, w1, b1, w2, b2):
    """The same network with the parameters passed in."""
    h = relu(dense(x, w1, b1))
    return dense(h, w2, b2)


# CASE forward_with_weights: [[0.13,-0.13,0.64,0.1,-0.54,0.36,1.3,0.95],[-0.7,-1.27,-0.62,0.04,-2.33,-0.22,-1.25,-0.73],[-0.54,-0.32,0.41,1.04,-0.13,1.37,-0.67,0.35],[0.9,0.09,-0.74,-0.92,-0.46,0.22,-1.01,-0.21]] [[0.5,-0.25],[0.1,0.2],[-0.3,0.4],[0.05,0.6],[0.7,-0.1],[0.2,0.2],[-0.5,0.3],[0.15,-0.45]] [0.1,-0.1] [[1.0,-1.0,0.5],[0.25,0.75,-0.5]] [0.0,0.1,0.2]


def forward_float32(x):
    """The network run in float32: every intermediate stays float32."""
    x32 = np.asarray(x, dtype=np.float32)
    w1 = init_weights(IN_FEATURES, HIDDEN).astype(np.float32)
    w2 = init_weights(HIDDEN, CLASSES, phase=1.0).astype(np.float32)
    h = relu(x32 @ w1 + 0.01)
    return softmax(h @ w2)


# CASE forward_float32: [[0.99,-0.78,4.75,3.96,1.9,-6.61,0.16,2.05],[3.01,-1.85,5.47,-3.96,-1.98,2.81,0.15,6.01],[0.57,-1.9,-1.13,-3.27,-3.83,1.89,1.74,3.88],[-2.26,5.07,-0.86,4.72,-1.3,-2.21,0.75,3.09]]
