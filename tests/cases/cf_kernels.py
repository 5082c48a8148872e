"""Small real kernels with data-dependent control flow: RNN and LSTM over
time steps, greedy decoding with early stop, Newton iteration, bisection,
k-means, power iteration, running softmax, cumulative max, CTC-style
argmax decoding."""
import numpy as np

END_TOKEN = 0
BLANK = 0


def pattern(rows, cols, phase=0.0, scale=0.5):
    """Deterministic weights from a smooth pattern."""
    w = np.sin(np.arange(rows * cols) * 0.7 + phase).reshape(rows, cols)
    return w * scale


def sigmoid(z):
    """Logistic function."""
    return 1.0 / (1.0 + np.exp(-z))


def rnn_cell_sequence(xs, hidden=3):
    """Elman RNN: h = tanh(W x_t + U h + b) per time step; outputs stacked."""
    steps, d = xs.shape
    w = pattern(hidden, d)
    u = pattern(hidden, hidden, phase=1.0, scale=0.3)
    b = np.linspace(-0.1, 0.1, hidden)
    h = np.zeros(hidden)
    out = np.zeros((steps, hidden))
    for t in range(steps):
        h = np.tanh(w @ xs[t] + u @ h + b)
        out[t] = h
    return out, h


# CASE rnn_cell_sequence: [[1.0,0.0],[0.0,1.0],[0.5,-0.5],[1.0,1.0]]
# CASE rnn_cell_sequence: [[0.3,-0.2]] 5
# CASE rnn_cell_sequence: [[0.3,-0.2,0.1],[0.0,0.0,0.0]] 2


def lstm_sequence(xs, hidden=2):
    """An LSTM run over a sequence; returns the last hidden and cell state."""
    steps, d = xs.shape
    wx = pattern(d, 4 * hidden, phase=0.3)
    wh = pattern(hidden, 4 * hidden, phase=2.0, scale=0.25)
    b = np.zeros(4 * hidden)
    h = np.zeros(hidden)
    c = np.zeros(hidden)
    for t in range(steps):
        z = xs[t] @ wx + h @ wh + b
        i = sigmoid(z[0:hidden])
        f = sigmoid(z[hidden:2 * hidden] + 1.0)
        g = np.tanh(z[2 * hidden:3 * hidden])
        o = sigmoid(z[3 * hidden:])
        c = f * c + i * g
        h = o * np.tanh(c)
    return h, c


# CASE lstm_sequence: [[1.0,0.5,-0.5],[0.2,0.1,0.0],[-1.0,0.3,0.8]]
# CASE lstm_sequence: [[1.0,0.5,-0.5]] 3
# CASE lstm_sequence: [[1.0,0.5]]


def greedy_decode(start, max_len, vocab=5):
    """Greedy decoding: argmax token per step, stop at END_TOKEN or max_len."""
    emb = pattern(vocab, 4, phase=0.5, scale=1.0)
    proj = pattern(4, vocab, phase=1.5, scale=1.0)
    tokens = np.full(max_len, -1, dtype=np.int64)
    tok = start
    n = 0
    while n < max_len:
        logits = np.tanh(emb[tok]) @ proj
        tok = int(np.argmax(logits))
        tokens[n] = tok
        n += 1
        if tok == END_TOKEN:
            break
    return tokens, n


# CASE greedy_decode: 1 10
# CASE greedy_decode: 2 10
# CASE greedy_decode: 3 1
# CASE greedy_decode: 1 0
# CASE greedy_decode: 4 6 7


def newton_sqrt(a, tol=1e-12, max_iter=60):
    """Newton's method for sqrt(a) to a relative tolerance."""
    if a == 0:
        return 0.0, 0
    x = a if a > 1 else 1.0
    for it in range(max_iter):
        x_new = 0.5 * (x + a / x)
        if abs(x_new - x) <= tol * x_new:
            return x_new, it + 1
        x = x_new
    return x, max_iter


# CASE newton_sqrt: 0
# CASE newton_sqrt: 1.0
# CASE newton_sqrt: 2.0
# CASE newton_sqrt: 1e10
# CASE newton_sqrt: 0.0001
# CASE newton_sqrt: 2.0 1e-12 2


def newton_cubic_root(c, x0=1.0, tol=1e-10):
    """Root of x^3 - 2x - c by Newton with while err > tol."""
    x = x0
    err = 1.0
    it = 0
    while err > tol and it < 100:
        fx = x ** 3 - 2 * x - c
        dfx = 3 * x ** 2 - 2
        x_next = x - fx / dfx
        err = abs(x_next - x)
        x = x_next
        it += 1
    return x, it


# CASE newton_cubic_root: 5.0
# CASE newton_cubic_root: 0.0 2.0
# CASE newton_cubic_root: -4.0 -2.0


def bisection(c, lo=0.0, hi=10.0, tol=1e-9):
    """Bisection for x^2 = c on [lo, hi]; returns the midpoint and steps."""
    steps = 0
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        if mid * mid < c:
            lo = mid
        else:
            hi = mid
        steps += 1
    return 0.5 * (lo + hi), steps


# CASE bisection: 2.0
# CASE bisection: 49.0 0.0 10.0 1e-6
# CASE bisection: 2.0 1.0 1.0


def searchsorted_left(sorted_x, v):
    """Binary search for the insertion point (like np.searchsorted)."""
    lo = 0
    hi = sorted_x.shape[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if sorted_x[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo


# CASE searchsorted_left: [1.0,3.0,5.0,7.0] 4.0
# CASE searchsorted_left: [1.0,3.0,5.0,7.0] 0.0
# CASE searchsorted_left: [1.0,3.0,5.0,7.0] 9.0
# CASE searchsorted_left: [] 1.0


def kmeans(points, k, iters):
    """k-means: assignment and update steps for a fixed number of iterations.
    Centroids start at the first k points; an empty cluster keeps its centroid."""
    centroids = points[:k].copy()
    labels = np.zeros(points.shape[0], dtype=np.int64)
    for _ in range(iters):
        for i in range(points.shape[0]):
            d = np.sum((centroids - points[i]) ** 2, axis=1)
            labels[i] = np.argmax(-d)
        for j in range(k):
            members = points[labels == j]
            if members.shape[0] > 0:
                centroids[j] = np.mean(members, axis=0)
    return centroids, labels


# CASE kmeans: [[0.0,0.0],[10.0,10.0],[0.5,0.0],[9.5,10.0],[0.0,0.5],[10.0,9.0]] 2 3
# CASE kmeans: [[0.0,0.0],[10.0,10.0],[0.5,0.0],[9.5,10.0]] 2 0
# CASE kmeans: [[0.0,0.0],[0.0,0.0],[5.0,5.0]] 2 2
# CASE kmeans: [[1.0],[2.0],[10.0],[11.0],[12.0]] 3 4


def power_iteration(a, tol=1e-10, max_iter=500):
    """Dominant eigenvalue and eigenvector to a tolerance."""
    v = np.ones(a.shape[0]) / np.sqrt(a.shape[0])
    lam = 0.0
    for it in range(max_iter):
        w = a @ v
        lam_new = np.dot(v, w)
        v = w / np.sqrt(np.dot(w, w))
        if abs(lam_new - lam) < tol:
            lam = lam_new
            break
        lam = lam_new
    return lam, v, it


# CASE power_iteration: [[2.0,1.0],[1.0,3.0]]
# CASE power_iteration: [[4.0,0.0,0.0],[0.0,1.0,0.0],[0.0,0.0,0.5]]
# CASE power_iteration: [[2.0,1.0],[1.0,3.0]] 1e-10 3


def running_softmax(x):
    """Online (streaming) softmax: one pass for max and sum, then normalise."""
    m = -np.inf
    s = 0.0
    for v in x:
        if v > m:
            s = s * np.exp(m - v) + 1.0
            m = v
        else:
            s = s + np.exp(v - m)
    return np.exp(x - m) / s, m, s


# CASE running_softmax: [1.0,2.0,3.0]
# CASE running_softmax: [3.0,2.0,1.0]
# CASE running_softmax: [1000.0,1001.0,999.0,1001.0]
# CASE running_softmax: [0.5]


def cumulative_max(x):
    """Cumulative max along axis 0 (rows of a matrix or elements of a vector)."""
    out = x.copy()
    for i in range(1, x.shape[0]):
        out[i] = np.maximum(out[i - 1], x[i])
    return out


# CASE cumulative_max: [1,3,2,5,4]
# CASE cumulative_max: [[1.0,5.0],[3.0,2.0],[0.0,6.0]]
# CASE cumulative_max: []


def ctc_greedy_decode(logits, blank=BLANK):
    """Argmax per frame, collapse repeats, drop blanks; fills a -1 padded array."""
    frames = logits.shape[0]
    out = np.full(frames, -1, dtype=np.int64)
    n = 0
    prev = -1
    for t in range(frames):
        tok = np.argmax(logits[t])
        if tok != prev and tok != blank:
            out[n] = tok
            n += 1
        prev = tok
    return out, n


# CASE ctc_greedy_decode: [[0.1,0.8,0.1],[0.1,0.8,0.1],[0.9,0.05,0.05],[0.1,0.8,0.1],[0.2,0.1,0.7]]
# CASE ctc_greedy_decode: [[0.9,0.1],[0.8,0.2]]
# CASE ctc_greedy_decode: [[0.1,0.9]] 1


def gradient_descent_early_stop(target, lr=0.1, tol=1e-8, max_steps=1000):
    """Minimises ||w - target||^2 and stops when the loss is below tol."""
    w = np.zeros_like(target)
    step = 0
    loss = np.sum((w - target) ** 2)
    while loss > tol:
        if step >= max_steps:
            break
        grad = 2.0 * (w - target)
        w = w - lr * grad
        loss = np.sum((w - target) ** 2)
        step += 1
    return w, loss, step


# CASE gradient_descent_early_stop: [1.0,-2.0,0.5]
# CASE gradient_descent_early_stop: [0.0,0.0]
# CASE gradient_descent_early_stop: [1.0,-2.0,0.5] 0.1 1e-8 5


def top_k_by_argmax(x, k):
    """Top-k indices by repeated argmax and masking."""
    scores = x.astype(np.float64)
    idx = np.zeros(k, dtype=np.int64)
    for j in range(k):
        i = np.argmax(scores)
        idx[j] = i
        scores[i] = -np.inf
    return idx


# CASE top_k_by_argmax: [0.1,0.9,0.5,0.7] 2
# CASE top_k_by_argmax: [3,1,2] 3
# CASE top_k_by_argmax: [3,1,2] 0
