"""Code the way ML engineers write NumPy: one-hot, logistic regression,
batch norm, k-means assignment, an LSTM cell, convolution and moving
averages by loops, cross entropy, pairwise distances, power iteration,
momentum SGD, causal attention masks, early stopping."""
import numpy as np
import math


def one_hot(labels, n):
    out = np.zeros((labels.shape[0], n))
    for i in range(labels.shape[0]):
        out[i, labels[i]] = 1.0
    return out


def one_hot_eye(labels, n):
    return np.eye(n)[labels]


def logistic_regression(x, y, lr, steps):
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(steps):
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        grad_w = x.T @ (p - y) / x.shape[0]
        grad_b = np.mean(p - y)
        w -= lr * grad_w
        b -= lr * grad_b
    return w, b


def batch_norm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    xhat = (x - mu) / np.sqrt(var + eps)
    return gamma * xhat + beta


def kmeans_assign(points, centers):
    n = points.shape[0]
    k = centers.shape[0]
    labels = np.zeros(n, dtype=np.int64)
    for i in range(n):
        best = -1
        best_d = np.inf
        for j in range(k):
            d = np.sum((points[i] - centers[j]) ** 2)
            if d < best_d:
                best_d = d
                best = j
        labels[i] = best
    return labels


def lstm_cell(x, h, c, w, u, b):
    z = w @ x + u @ h + b
    n = h.shape[0]
    i = 1.0 / (1.0 + np.exp(-z[:n]))
    f = 1.0 / (1.0 + np.exp(-z[n:2 * n]))
    o = 1.0 / (1.0 + np.exp(-z[2 * n:3 * n]))
    g = np.tanh(z[3 * n:])
    c_new = f * c + i * g
    h_new = o * np.tanh(c_new)
    return h_new, c_new


def conv1d(x, k):
    n = x.shape[0] - k.shape[0] + 1
    out = np.zeros(n)
    for i in range(n):
        out[i] = np.sum(x[i:i + k.shape[0]] * k)
    return out


def moving_average(x, window):
    out = np.empty(len(x) - window + 1)
    s = 0.0
    for i in range(len(x)):
        s += x[i]
        if i >= window:
            s -= x[i - window]
        if i >= window - 1:
            out[i - window + 1] = s / window
    return out


def argmax_rows(x):
    return np.argmax(x, axis=1)


def clip_grad(g, max_norm):
    norm = np.sqrt(np.sum(g * g))
    if norm > max_norm:
        g = g * (max_norm / norm)
    return g


def relu_mask(x):
    y = x.copy()
    y[y < 0] = 0.0
    return y


def cross_entropy(logits, labels):
    m = logits.max(axis=1, keepdims=True)
    logp = logits - m - np.log(np.sum(np.exp(logits - m), axis=1, keepdims=True))
    total = 0.0
    for i in range(logits.shape[0]):
        total -= logp[i, labels[i]]
    return total / logits.shape[0]


def cumulative(x):
    return np.cumsum(x)


def top1_accuracy(logits, labels):
    pred = np.argmax(logits, axis=-1)
    return np.mean((pred == labels).astype(np.float64))


def pairwise_dist(a, b):
    d = a[:, None, :] - b[None, :, :]
    return np.sqrt(np.sum(d ** 2, axis=-1))


def power_iteration(a, iters):
    v = np.ones(a.shape[0])
    lam = 0.0
    for _ in range(iters):
        w = a @ v
        lam = float(np.linalg.norm(w))
        v = w / lam
    return lam, v


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def sgd_momentum(w, grads, lr, mu):
    v = np.zeros_like(w)
    for t in range(grads.shape[0]):
        v = mu * v - lr * grads[t]
        w = w + v
    return w


def attention_mask(q, k, causal):
    s = q @ k.T / np.sqrt(q.shape[-1])
    if causal:
        n = s.shape[0]
        for i in range(n):
            for j in range(i + 1, n):
                s[i, j] = -np.inf
    s = s - s.max(axis=-1, keepdims=True)
    p = np.exp(s)
    return p / p.sum(axis=-1, keepdims=True)


def early_stop(losses, patience):
    best = np.inf
    wait = 0
    stop_at = -1
    for i, loss in enumerate(losses):
        if loss < best:
            best = loss
            wait = 0
        else:
            wait += 1
            if wait >= patience:
                stop_at = i
                break
    return stop_at, best


def where_select(x, t):
    return np.where(x > t, x, t * 0.5)


def int_pow(n):
    acc = 1
    for i in range(n):
        acc = acc * 3 % 1000003
    return acc


def normalize_rows(x):
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / norms


def float32_mlp(x, w1, w2):
    x = x.astype(np.float32)
    h = np.maximum(x @ w1.astype(np.float32), 0)
    return h @ w2.astype(np.float32)


# CASE one_hot: [0,2,1] 3
# CASE one_hot_eye: [0,2,1] 3
# CASE logistic_regression: [[1.0,2.0],[2.0,1.0],[0.5,0.5]] [1.0,0.0,1.0] 0.1 5
# CASE logistic_regression: [[1.0,2.0],[2.0,1.0],[0.5,0.5]] [1.0,0.0,1.0] 0.1 0
# CASE batch_norm: [[1.0,2.0],[3.0,5.0],[4.0,1.0]] [1.0,2.0] [0.0,0.5]
# CASE kmeans_assign: [[0.0,0.0],[5.0,5.0],[1.0,0.5]] [[0.0,0.0],[4.0,4.0]]
# CASE lstm_cell: [0.5,-0.5] [0.1,0.2] [0.0,0.1] [[0.1,0.2],[0.3,0.4],[0.5,0.6],[0.7,0.8],[0.1,0.1],[0.2,0.2],[0.3,0.3],[0.4,0.4]] [[0.1,0.0],[0.0,0.1],[0.1,0.1],[0.2,0.0],[0.0,0.2],[0.1,0.2],[0.2,0.1],[0.3,0.3]] [0.0,0.1,0.2,0.3,0.4,0.5,0.6,0.7]
# CASE conv1d: [1.0,2.0,3.0,4.0,5.0] [1.0,0.0,-1.0]
# CASE moving_average: [1.0,2.0,3.0,4.0,5.0] 2
# CASE argmax_rows: [[1,5,2],[7,0,1]]
# CASE clip_grad: [3.0,4.0] 1.0
# CASE clip_grad: [0.3,0.4] 1.0
# CASE relu_mask: [-1.0,2.0,-3.0]
# CASE cross_entropy: [[1.0,2.0,3.0],[1.0,0.0,0.0]] [2,0]
# CASE cumulative: [1,2,3,4]
# CASE top1_accuracy: [[0.1,0.9],[0.8,0.2],[0.3,0.7]] [1,0,0]
# CASE pairwise_dist: [[0.0,0.0],[1.0,1.0]] [[1.0,0.0],[0.0,2.0],[3.0,4.0]]
# CASE power_iteration: [[2.0,0.0],[0.0,1.0]] 10
# CASE gelu: [-1.0,0.0,1.0,2.0]
# CASE sgd_momentum: [1.0,2.0] [[0.1,0.2],[0.3,0.1],[0.0,0.5]] 0.1 0.9
# CASE attention_mask: [[1.0,0.0],[0.0,1.0],[1.0,1.0]] [[1.0,0.5],[0.5,1.0],[0.0,1.0]] true
# CASE attention_mask: [[1.0,0.0],[0.0,1.0],[1.0,1.0]] [[1.0,0.5],[0.5,1.0],[0.0,1.0]] false
# CASE early_stop: [1.0,0.8,0.9,0.95,0.7] 2
# CASE early_stop: [1.0,0.8,0.7] 2
# CASE where_select: [1.0,5.0,3.0] 2.5
# CASE int_pow: 50
# CASE normalize_rows: [[3.0,4.0],[1.0,0.0]]
# CASE float32_mlp: [[1.0,-2.0]] [[0.5,1.0],[1.0,-1.0]] [[1.0],[2.0]]
