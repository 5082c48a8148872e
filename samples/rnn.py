"""Elman RNN over a sequence: h = tanh(x_t @ Wx + h @ Wh + b) per time step.

The time loop depends on the sequence length, so pygraft keeps it as one
loop node (it is never unrolled); `out[t] = h` fills a preallocated output
array step by step. The weights are made deterministically inside the model
from np.sin / np.cos patterns over np.arange, or passed in.

Run it:
    pygraft compile samples/rnn.py -o rnn.pgraph
    pygraft run rnn.pgraph --entry rnn_forward '[[0.5,-0.1,0.3,0.9],[0.2,0.4,-0.6,0.0],[-0.3,0.8,0.1,-0.2]]'
    pygraft run rnn.pgraph --entry rnn_classify '[[0.5,-0.1,0.3,0.9],[0.2,0.4,-0.6,0.0]]' 0.3
Compare against CPython + NumPy:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft samples/rnn.py
"""
import numpy as np

INPUT_SIZE = 4
HIDDEN_SIZE = 6
NUM_CLASSES = 3


def make_weights(n_in, n_out, phase=0.0):
    """Deterministic weights scaled by 1/sqrt(n_in)."""
    w = np.sin(np.arange(n_in * n_out) * 0.61 + phase).reshape(n_in, n_out)
    return w / np.sqrt(n_in)


def rnn_step(x_t, h, wx, wh, b):
    """One Elman cell step."""
    return np.tanh(x_t @ wx + h @ wh + b)


def rnn_forward(xs, h0=None):
    """Runs the RNN over xs of shape (steps, INPUT_SIZE).

    Returns the outputs (steps, HIDDEN_SIZE) and the final hidden state; with
    zero steps the final state is the initial one.
    """
    wx = make_weights(INPUT_SIZE, HIDDEN_SIZE)
    wh = make_weights(HIDDEN_SIZE, HIDDEN_SIZE, phase=1.3) * 0.5
    b = np.cos(np.arange(HIDDEN_SIZE) * 0.9) * 0.1
    if h0 is None:
        h = np.zeros(HIDDEN_SIZE)
    else:
        h = h0 * 1.0
    steps = xs.shape[0]
    out = np.zeros((steps, HIDDEN_SIZE))
    for t in range(steps):
        h = rnn_step(xs[t], h, wx, wh, b)
        out[t] = h
    return out, h


# CASE rnn_forward: [[0.5,-0.1,0.3,0.9],[0.2,0.4,-0.6,0.0],[-0.3,0.8,0.1,-0.2]]
# CASE rnn_forward: [[0.5,-0.1,0.3,0.9]]
# CASE rnn_forward: []
# CASE rnn_forward: [[0.5,-0.1,0.3,0.9],[0.2,0.4,-0.6,0.0]] [0.1,0.2,0.3,-0.1,-0.2,-0.3]
# CASE rnn_forward: [[1.0,0.0,0.0,0.0],[0.0,1.0,0.0,0.0],[0.0,0.0,1.0,0.0],[0.0,0.0,0.0,1.0],[1.0,1.0,1.0,1.0],[-1.0,-1.0,-1.0,-1.0],[0.5,0.5,-0.5,-0.5],[0.0,0.0,0.0,0.0]]


def rnn_with_weights(xs, wx, wh, b):
    """The same recurrence with the parameters passed in; returns the final state."""
    h = np.zeros(wh.shape[0])
    for x_t in xs:
        h = rnn_step(x_t, h, wx, wh, b)
    return h


# CASE rnn_with_weights: [[1.0,2.0],[0.5,-1.0],[0.0,0.3]] [[0.1,0.2,0.3],[-0.2,0.1,0.0]] [[0.5,0.0,0.1],[0.0,0.5,0.1],[0.1,0.1,0.5]] [0.0,0.1,-0.1]
# CASE rnn_with_weights: [] [[0.1,0.2,0.3],[-0.2,0.1,0.0]] [[0.5,0.0,0.1],[0.0,0.5,0.1],[0.1,0.1,0.5]] [0.0,0.1,-0.1]
# CASE rnn_with_weights: [[1.0,2.0]] [[0.1,0.2,0.3],[-0.2,0.1,0.0]] [[0.5,0.0,0.1],[0.0,0.5,0.1],[0.1,0.1,0.5]] [0.0,0.1,-0.1]


def rnn_classify(xs, threshold=0.0):
    """Sequence classification from the mean hidden state, with an abstain
    class (-1) when the top softmax probability is not above threshold."""
    out, h = rnn_forward(xs)
    if out.shape[0] > 0:
        pooled = np.mean(out, axis=0)
    else:
        pooled = h
    w_out = make_weights(HIDDEN_SIZE, NUM_CLASSES, phase=2.1)
    logits = pooled @ w_out
    e = np.exp(logits - np.max(logits))
    probs = e / np.sum(e)
    label = int(np.argmax(probs))
    if probs[label] <= threshold:
        label = -1
    return probs, label


# CASE rnn_classify: [[0.5,-0.1,0.3,0.9],[0.2,0.4,-0.6,0.0]]
# CASE rnn_classify: [[0.5,-0.1,0.3,0.9],[0.2,0.4,-0.6,0.0]] 0.9
# CASE rnn_classify: [[-0.3,0.8,0.1,-0.2]] 0.3
# CASE rnn_classify: []
