"""The loss function of a character-level RNN in the style of Karpathy's
min-char-rnn.py: per-step caches in dicts keyed by the time step (hs[-1]
holds the initial state), xs[t][inputs[t]] = 1 on a dict item, a backward
pass over reversed(range(...)), gradient accumulators updated in place.
Written for this corpus.

EDITED (one line): the original clips every gradient in place through a
loop variable, `for dparam in [dWxh, ...]: np.clip(dparam, -5, 5,
out=dparam)`; pygraft refuses that (PG0401: the in-place change of dparam
would have to reach dWxh), so the clipped arrays are rebound instead."""
import numpy as np


def lossFun(inputs, targets, hprev, Wxh, Whh, Why, bh, by):
    vocab_size = Wxh.shape[1]
    xs, hs, ys, ps = {}, {}, {}, {}
    hs[-1] = np.copy(hprev)
    loss = 0
    # forward pass
    for t in range(len(inputs)):
        xs[t] = np.zeros((vocab_size, 1))  # encode in 1-of-k representation
        xs[t][inputs[t]] = 1
        hs[t] = np.tanh(np.dot(Wxh, xs[t]) + np.dot(Whh, hs[t - 1]) + bh)  # hidden state
        ys[t] = np.dot(Why, hs[t]) + by  # unnormalized log probabilities for next chars
        ps[t] = np.exp(ys[t]) / np.sum(np.exp(ys[t]))  # probabilities for next chars
        loss += -np.log(ps[t][targets[t], 0])  # softmax (cross-entropy loss)
    # backward pass: compute gradients going backwards
    dWxh, dWhh, dWhy = np.zeros_like(Wxh), np.zeros_like(Whh), np.zeros_like(Why)
    dbh, dby = np.zeros_like(bh), np.zeros_like(by)
    dhnext = np.zeros_like(hs[0])
    for t in reversed(range(len(inputs))):
        dy = np.copy(ps[t])
        dy[targets[t]] -= 1  # backprop into y
        dWhy += np.dot(dy, hs[t].T)
        dby += dy
        dh = np.dot(Why.T, dy) + dhnext  # backprop into h
        dhraw = (1 - hs[t] * hs[t]) * dh  # backprop through tanh nonlinearity
        dbh += dhraw
        dWxh += np.dot(dhraw, xs[t].T)
        dWhh += np.dot(dhraw, hs[t - 1].T)
        dhnext = np.dot(Whh.T, dhraw)
    dWxh, dWhh, dWhy, dbh, dby = [np.clip(d, -5, 5) for d in [dWxh, dWhh, dWhy, dbh, dby]]
    return loss, dWxh, dWhh, dWhy, dbh, dby, hs[len(inputs) - 1]


# CASE lossFun: [0,1,2] [1,2,0] [[0.0],[0.0]] [[0.1,-0.2,0.3],[0.0,0.5,-0.1]] [[0.2,0.1],[-0.3,0.4]] [[0.5,-0.5],[0.1,0.2],[-0.3,0.3]] [[0.0],[0.1]] [[0.0],[0.1],[-0.1]]
# CASE lossFun: [2] [0] [[0.5],[-0.5]] [[0.1,-0.2,0.3],[0.0,0.5,-0.1]] [[0.2,0.1],[-0.3,0.4]] [[5.0,-5.0],[1.0,2.0],[-3.0,3.0]] [[0.0],[0.1]] [[0.0],[0.1],[-0.1]]
