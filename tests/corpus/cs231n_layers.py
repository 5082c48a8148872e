"""Layers in the style of the CS231n assignments (layers.py): forward and
backward passes returning (out, cache), parameter dicts, a mode string that
raises on a bad value, nested loops over pooling windows. Written for this
corpus; the functions are called as the assignments' gradient checks do."""
from builtins import range
import numpy as np


def affine_forward(x, w, b):
    out = None
    N = x.shape[0]
    x_row = x.reshape(N, -1)
    out = np.dot(x_row, w) + b
    cache = (x, w, b)
    return out, cache


def affine_backward(dout, cache):
    x, w, b = cache
    dx, dw, db = None, None, None
    N = x.shape[0]
    dx = np.dot(dout, w.T).reshape(x.shape)
    dw = np.dot(x.reshape(N, -1).T, dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def relu_forward(x):
    out = np.maximum(0, x)
    cache = x
    return out, cache


def relu_backward(dout, cache):
    dx, x = None, cache
    dx = dout * (x > 0)
    return dx


def batchnorm_forward(x, gamma, beta, bn_param):
    mode = bn_param["mode"]
    eps = bn_param.get("eps", 1e-5)
    momentum = bn_param.get("momentum", 0.9)

    N, D = x.shape
    running_mean = bn_param.get("running_mean", np.zeros(D, dtype=x.dtype))
    running_var = bn_param.get("running_var", np.zeros(D, dtype=x.dtype))

    out, cache = None, None
    if mode == "train":
        sample_mean = np.mean(x, axis=0)
        sample_var = np.var(x, axis=0)
        x_hat = (x - sample_mean) / np.sqrt(sample_var + eps)
        out = gamma * x_hat + beta
        cache = (x, x_hat, sample_mean, sample_var, gamma, eps)
        running_mean = momentum * running_mean + (1 - momentum) * sample_mean
        running_var = momentum * running_var + (1 - momentum) * sample_var
    elif mode == "test":
        x_hat = (x - running_mean) / np.sqrt(running_var + eps)
        out = gamma * x_hat + beta
    else:
        raise ValueError('Invalid forward batchnorm mode "%s"' % mode)

    bn_param["running_mean"] = running_mean
    bn_param["running_var"] = running_var
    return out, bn_param


def softmax_loss(x, y):
    shifted_logits = x - np.max(x, axis=1, keepdims=True)
    Z = np.sum(np.exp(shifted_logits), axis=1, keepdims=True)
    log_probs = shifted_logits - np.log(Z)
    probs = np.exp(log_probs)
    N = x.shape[0]
    loss = -np.sum(log_probs[np.arange(N), y]) / N
    dx = probs.copy()
    dx[np.arange(N), y] -= 1
    dx /= N
    return loss, dx


def svm_loss(x, y):
    N = x.shape[0]
    correct_class_scores = x[np.arange(N), y]
    margins = np.maximum(0, x - correct_class_scores[:, np.newaxis] + 1.0)
    margins[np.arange(N), y] = 0
    loss = np.sum(margins) / N
    num_pos = np.sum(margins > 0, axis=1)
    dx = np.zeros_like(x)
    dx[margins > 0] = 1
    dx[np.arange(N), y] -= num_pos
    dx /= N
    return loss, dx


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    pool_height = pool_param["pool_height"]
    pool_width = pool_param["pool_width"]
    stride = pool_param["stride"]
    H_out = 1 + (H - pool_height) // stride
    W_out = 1 + (W - pool_width) // stride
    out = np.zeros((N, C, H_out, W_out))
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    h0, w0 = i * stride, j * stride
                    window = x[n, c, h0:h0 + pool_height, w0:w0 + pool_width]
                    out[n, c, i, j] = np.max(window)
    cache = (x, pool_param)
    return out, cache


# The assignments' checks: a forward pass, then its backward pass on the cache.
def affine_relu_check(x, w, b, dout):
    a, fc_cache = affine_forward(x, w, b)
    out, relu_cache = relu_forward(a)
    da = relu_backward(dout, relu_cache)
    dx, dw, db = affine_backward(da, fc_cache)
    return out, dx, dw, db


# CASE affine_relu_check: [[1.0,-2.0,3.0],[0.5,0.5,-1.0]] [[0.1,0.2],[0.3,-0.4],[0.5,0.6]] [0.1,-0.1] [[1.0,2.0],[-1.0,0.5]]
# CASE affine_relu_check: [[[1.0,2.0],[3.0,4.0]]] [[1.0],[0.0],[-1.0],[2.0]] [0.5] [[1.0]]
# CASE batchnorm_forward: [[1.0,2.0],[3.0,5.0],[0.0,-1.0]] [1.0,2.0] [0.0,0.5] {"mode":"train"}
# CASE batchnorm_forward: [[1.0,2.0],[3.0,5.0]] [1.0,2.0] [0.0,0.5] {"mode":"train","momentum":0.5,"running_mean":[1.0,1.0],"running_var":[2.0,2.0]}
# CASE batchnorm_forward: [[1.0,2.0],[3.0,5.0]] [1.0,2.0] [0.0,0.5] {"mode":"test","running_mean":[1.0,1.0],"running_var":[2.0,2.0]}
# CASE batchnorm_forward: [[1.0,2.0]] [1.0,2.0] [0.0,0.5] {"mode":"eval"} -> exit 3
# CASE batchnorm_forward: [[1.0,2.0]] [1.0,2.0] [0.0,0.5] {"eps":0.1} -> exit 3
# CASE softmax_loss: [[1.0,2.0,0.5],[0.1,-0.3,2.2]] [1,2]
# CASE softmax_loss: [[1000.0,0.0]] [0]
# CASE svm_loss: [[1.0,2.0,0.5],[0.1,-0.3,2.2]] [1,2]
# CASE svm_loss: [[3.0,1.0],[0.0,0.2]] [0,0]
# CASE max_pool_forward_naive: [[[[1.0,2.0,3.0,4.0],[5.0,6.0,7.0,8.0],[9.0,1.0,2.0,3.0],[4.0,5.0,6.0,0.0]]]] {"pool_height":2,"pool_width":2,"stride":2}
# CASE max_pool_forward_naive: [[[[1.0,2.0,3.0],[4.0,5.0,6.0],[7.0,8.0,9.0]]],[[[0.0,1.0,0.0],[1.0,0.0,1.0],[0.0,1.0,0.0]]]] {"pool_height":2,"pool_width":2,"stride":1}
