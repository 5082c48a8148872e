"""Small numerical helpers in the style of numpy-ml (activations, losses,
utilities): np.finfo epsilons, defaults of None filled in the body,
np.eye one-hot, a string argument choosing the reduction. Written for this
corpus."""
from math import sqrt
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def cross_entropy(y, y_pred):
    eps = np.finfo(float).eps
    cross_entropy = -np.sum(y * np.log(y_pred + eps))
    return cross_entropy


def one_hot(labels, n_classes=None):
    if n_classes is None:
        n_classes = labels.max() + 1
    if labels.max() >= n_classes:
        raise ValueError("labels contain an id >= n_classes (%d)" % n_classes)
    return np.eye(n_classes)[labels]


def logsumexp(log_probs, axis=None):
    _max = np.max(log_probs)
    ds = log_probs - _max
    exp_sum = np.exp(ds).sum(axis=axis)
    return _max + np.log(exp_sum)


def euclidean(x, y):
    return sqrt(float(np.sum((x - y) ** 2)))


def mse_loss(y, y_pred, reduction="mean"):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError("reduction must be 'mean', 'sum' or 'none', got {!r}".format(reduction))
    err = (y - y_pred) ** 2
    if reduction == "mean":
        return np.mean(err)
    elif reduction == "sum":
        return np.sum(err)
    return err


# CASE sigmoid: [-2.0,0.0,3.0]
# CASE cross_entropy: [[0.0,1.0],[1.0,0.0]] [[0.2,0.8],[0.6,0.4]]
# CASE one_hot: [0,2,1]
# CASE one_hot: [0,1] 4
# CASE one_hot: [0,3] 2 -> exit 3
# CASE logsumexp: [[1.0,2.0],[3.0,4.0]]
# CASE logsumexp: [[1.0,2.0],[3.0,4.0]] 1
# CASE euclidean: [1.0,2.0,3.0] [4.0,6.0,3.0]
# CASE mse_loss: [1.0,2.0] [1.5,1.0]
# CASE mse_loss: [1.0,2.0] [1.5,1.0] "sum"
# CASE mse_loss: [1.0,2.0] [1.5,1.0] "none"
# CASE mse_loss: [1.0,2.0] [1.5,1.0] "max" -> exit 3
