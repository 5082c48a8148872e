"""Calls and 1-D slices inside loops the runtime types
(runtime/scalar_loop.h): a function called in the loop runs inline, defaulted arguments included (up
to four calls deep: add5 below stays a call and keeps its loop generic), and x[a:b] of a float vector is a view. An error inside a
function run inline is reported at its own line. Loops run 0, 1 and many
times; slice bounds negative, past the end and crossed; float32 and
float64.
"""
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm(xs, w, u, b):
    n = u.shape[0]
    h = np.zeros(n, dtype=xs.dtype)
    c = np.zeros(n, dtype=xs.dtype)
    for t in range(xs.shape[0]):
        z = xs[t] @ w + h @ u + b
        i = sigmoid(z[:n])
        f = sigmoid(z[n:2 * n])
        g = np.tanh(z[2 * n:3 * n])
        o = sigmoid(z[3 * n:])
        c = f * c + i * g
        h = o * np.tanh(c)
    return h, c
# CASE lstm: [[0.5,-1.0],[0.25,2.0],[1.5,0.5]] [[0.1,0.2,-0.3,0.4,0.5,-0.6,0.7,0.8],[0.2,-0.1,0.3,0.1,-0.5,0.6,0.2,-0.4]] [[0.3,-0.2,0.1,0.5,-0.1,0.2,0.4,0.6],[0.1,0.1,-0.4,0.2,0.3,-0.3,0.5,0.1]] [0.1,-0.1,0.05,0.2,0.0,0.3,-0.2,0.1]
# CASE lstm: [[0.5,-1.0]] [[0.1,0.2,-0.3,0.4,0.5,-0.6,0.7,0.8],[0.2,-0.1,0.3,0.1,-0.5,0.6,0.2,-0.4]] [[0.3,-0.2,0.1,0.5,-0.1,0.2,0.4,0.6],[0.1,0.1,-0.4,0.2,0.3,-0.3,0.5,0.1]] [0.1,-0.1,0.05,0.2,0.0,0.3,-0.2,0.1]
# CASE lstm: [[0.5,-1.0],[0.25,2.0],[1.5,0.5]] [[0.1,0.2,-0.3,0.4,0.5,-0.6,0.7,0.8],[0.2,-0.1,0.3,0.1,-0.5,0.6,0.2,-0.4]] [[0.3,-0.2,0.1,0.5,-0.1,0.2,0.4,0.6],[0.1,0.1,-0.4,0.2,0.3,-0.3,0.5,0.1]] [0.1,-0.1,0.05,0.2,0.0,0.3,-0.2] -> exit 3


def lstm_float32(xs, w, u, b, steps):
    xs = xs.astype(np.float32)
    w = w.astype(np.float32)
    u = u.astype(np.float32)
    b = b.astype(np.float32)
    n = u.shape[0]
    h = np.zeros(n, dtype=np.float32)
    c = np.zeros(n, dtype=np.float32)
    for t in range(steps):
        z = xs[t % xs.shape[0]] @ w + h @ u + b
        i = sigmoid(z[:n])
        f = sigmoid(z[n:2 * n])
        g = np.tanh(z[2 * n:3 * n])
        o = sigmoid(z[3 * n:])
        c = f * c + i * g
        h = o * np.tanh(c)
    return h, c
# CASE lstm_float32: [[0.5,-1.0],[0.25,2.0]] [[0.1,0.2,-0.3,0.4,0.5,-0.6,0.7,0.8],[0.2,-0.1,0.3,0.1,-0.5,0.6,0.2,-0.4]] [[0.3,-0.2,0.1,0.5,-0.1,0.2,0.4,0.6],[0.1,0.1,-0.4,0.2,0.3,-0.3,0.5,0.1]] [0.1,-0.1,0.05,0.2,0.0,0.3,-0.2,0.1] 0
# CASE lstm_float32: [[0.5,-1.0],[0.25,2.0]] [[0.1,0.2,-0.3,0.4,0.5,-0.6,0.7,0.8],[0.2,-0.1,0.3,0.1,-0.5,0.6,0.2,-0.4]] [[0.3,-0.2,0.1,0.5,-0.1,0.2,0.4,0.6],[0.1,0.1,-0.4,0.2,0.3,-0.3,0.5,0.1]] [0.1,-0.1,0.05,0.2,0.0,0.3,-0.2,0.1] 1
# CASE lstm_float32: [[0.5,-1.0],[0.25,2.0]] [[0.1,0.2,-0.3,0.4,0.5,-0.6,0.7,0.8],[0.2,-0.1,0.3,0.1,-0.5,0.6,0.2,-0.4]] [[0.3,-0.2,0.1,0.5,-0.1,0.2,0.4,0.6],[0.1,0.1,-0.4,0.2,0.3,-0.3,0.5,0.1]] [0.1,-0.1,0.05,0.2,0.0,0.3,-0.2,0.1] 30


def pick(x, i):
    return x[i] * 2.0


def picked_total(x, start, steps):
    total = 0.0
    for k in range(steps):
        total = total + pick(x, start + k)
    return total
# CASE picked_total: [1.5,2.5,-3.0,4.0] 0 0
# CASE picked_total: [1.5,2.5,-3.0,4.0] 1 1
# CASE picked_total: [1.5,2.5,-3.0,4.0] -4 8
# CASE picked_total: [1.5,2.5,-3.0,4.0] 2 3 -> exit 3


def scale(v, s):
    return v * s


def affine(v, s, t):
    return scale(v, s) + t


def nested_affine(x, steps):
    y = x
    for _ in range(steps):
        y = affine(y, 0.5, 1.0)
    return y, x
# CASE nested_affine: [1.0,-2.0,8.0] 0
# CASE nested_affine: [1.0,-2.0,8.0] 1
# CASE nested_affine: [1.0,-2.0,8.0] 12


def collatz_length(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def collatz_total(limit):
    total = 0
    for start in range(1, limit):
        total += collatz_length(start)
    return total
# CASE collatz_total: 1
# CASE collatz_total: 2
# CASE collatz_total: 60


def next_value(n, odd):
    if odd:
        return n * 3 + 1
    return n // 2


def collatz_steps(n, limit):
    for _ in range(limit):
        n = next_value(n, n % 2 == 1)
    return n
# CASE collatz_steps: 27 0
# CASE collatz_steps: 27 1
# CASE collatz_steps: 27 40


def halve_or_zero(x, k):
    if k == 0:
        return x * 0.0
    return x / k


def divided(x, k, steps):
    out = x
    for s in range(steps):
        out = halve_or_zero(out, k - s)
    return out
# CASE divided: [4.0,-8.0] 2 0
# CASE divided: [4.0,-8.0] 2 1
# CASE divided: [4.0,-8.0] 2 4


def add1(v):
    return v + 1


def add2(v):
    return add1(v) + 1


def add3(v):
    return add2(v) + 1


def add4(v):
    return add3(v) + 1


def add5(v):
    return add4(v) + 1


def deep_calls(n, steps):
    total = 0
    for _ in range(steps):
        total += add4(n) + add5(n)
    return total
# CASE deep_calls: 3 0
# CASE deep_calls: 3 1
# CASE deep_calls: 3 7


def shifted(v, by=1.0):
    return v + by


def shift_loop(x, steps):
    for _ in range(steps):
        x = shifted(x)
    return x
# CASE shift_loop: [1.0,2.0] 0
# CASE shift_loop: [1.0,2.0] 3


def window_sums(x, width, steps):
    total = 0.0
    for s in range(steps):
        total = total + np.sum(x[s:s + width]) + np.sum(x[-(s + 1):]) + np.sum(x[:width - s])
    return total
# CASE window_sums: [1.0,2.0,3.0,4.0,5.0] 2 0
# CASE window_sums: [1.0,2.0,3.0,4.0,5.0] 2 1
# CASE window_sums: [1.0,2.0,3.0,4.0,5.0] 2 9
# CASE window_sums: [1.0,2.0,3.0,4.0,5.0] 0 4


def crossed_slices(x, a, b, steps):
    total = 0.0
    for s in range(steps):
        part = x[a + s:b - s]
        total = total + np.sum(part) + part.size
    return total
# CASE crossed_slices: [1.0,2.0,3.0,4.0,5.0,6.0] 1 5 4
# CASE crossed_slices: [1.0,2.0,3.0,4.0,5.0,6.0] -9 9 3
# CASE crossed_slices: [1.0,2.0,3.0,4.0,5.0,6.0] 4 2 2


def shrink(x, steps):
    for _ in range(steps):
        x = x[1:] * 2.0
    return x
# CASE shrink: [1.0,2.0,3.0] 0
# CASE shrink: [1.0,2.0,3.0] 2
# CASE shrink: [1.0,2.0,3.0] 5


def gate_halves(z, steps):
    z = z.astype(np.float32)
    n = z.shape[0] // 2
    out = z[:n]
    for _ in range(steps):
        out = np.tanh(out * 0.5 + z[n:])
    return out, z
# CASE gate_halves: [0.5,-1.0,2.0,0.25] 0
# CASE gate_halves: [0.5,-1.0,2.0,0.25] 6
# CASE gate_halves: [0.5,-1.0,2.0,0.25,3.0] 2 -> exit 3
