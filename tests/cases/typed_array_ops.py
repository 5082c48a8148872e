"""Loops whose array ops the runtime types (runtime/scalar_loop.h): rows
x[i] of float matrices as views, matrix products (also a @ b.T), fused
elementwise chains on float arrays and Python numbers, int(np.argmax(x)),
`not`. Their results go to buffers the loop reuses from one iteration to
the next, so every function checks that no value another name still holds
is overwritten: a parameter, the previous iteration's array, a row of a
matrix. Loops run 0, 1 and many times; products whose shapes disagree and
chains that broadcast take the kernels' own paths (results and errors);
float32 and float64 both.
"""
import numpy as np


def rnn(xs, wx, wh, b):
    h = np.zeros(wh.shape[0], dtype=xs.dtype)
    for t in range(xs.shape[0]):
        h = np.tanh(xs[t] @ wx + h @ wh + b)
    return h
# CASE rnn: [[0.5,-1.0],[0.25,2.0],[1.5,0.5]] [[0.5,0.1,-0.3],[0.2,-0.4,0.6]] [[0.1,0.2,0.3],[0.0,-0.5,0.25],[0.7,0.1,-0.2]] [0.1,-0.1,0.05]
# CASE rnn: [[0.5,-1.0]] [[0.5,0.1,-0.3],[0.2,-0.4,0.6]] [[0.1,0.2,0.3],[0.0,-0.5,0.25],[0.7,0.1,-0.2]] [0.1,-0.1,0.05]
# CASE rnn: [[0.5,-1.0,2.0]] [[0.5,0.1,-0.3],[0.2,-0.4,0.6]] [[0.1,0.2,0.3],[0.0,-0.5,0.25],[0.7,0.1,-0.2]] [0.1,-0.1,0.05] -> exit 3
# CASE rnn: [[0.5,-1.0]] [[0.5,0.1,-0.3],[0.2,-0.4,0.6]] [[0.1,0.2,0.3],[0.0,-0.5,0.25],[0.7,0.1,-0.2]] [0.1,-0.1] -> exit 3


def rnn_float32(xs, wx, wh, b, steps):
    xs = xs.astype(np.float32)
    wx = wx.astype(np.float32)
    wh = wh.astype(np.float32)
    b = b.astype(np.float32)
    h = np.zeros(wh.shape[0], dtype=np.float32)
    for t in range(steps):
        h = np.tanh(xs[t % xs.shape[0]] @ wx + h @ wh + b)
    return h
# CASE rnn_float32: [[0.5,-1.0],[0.25,2.0]] [[0.5,0.1],[0.2,-0.4]] [[0.1,0.2],[0.0,-0.5]] [0.1,-0.1] 0
# CASE rnn_float32: [[0.5,-1.0],[0.25,2.0]] [[0.5,0.1],[0.2,-0.4]] [[0.1,0.2],[0.0,-0.5]] [0.1,-0.1] 1
# CASE rnn_float32: [[0.5,-1.0],[0.25,2.0]] [[0.5,0.1],[0.2,-0.4]] [[0.1,0.2],[0.0,-0.5]] [0.1,-0.1] 25


def greedy(emb, w, eos, max_len):
    emb = emb.astype(np.float32)
    w = w.astype(np.float32)
    h = np.zeros(w.shape[1], dtype=emb.dtype)
    token = 0
    length = 0
    tokens = 0
    for step in range(max_len):
        h = np.tanh(emb[token] + h @ w)
        logits = h @ emb.T
        token = int(np.argmax(logits))
        length += 1
        tokens = tokens * 10 + token
        if token == eos:
            break
    return length, tokens, h
# CASE greedy: [[0.5,-1.0],[0.25,2.0],[-1.5,0.5],[1.0,1.0]] [[0.5,0.1],[0.2,-0.4]] 2 10
# CASE greedy: [[0.5,-1.0],[0.25,2.0],[-1.5,0.5],[1.0,1.0]] [[0.5,0.1],[0.2,-0.4]] 3 10
# CASE greedy: [[0.5,-1.0],[0.25,2.0],[-1.5,0.5],[1.0,1.0]] [[0.5,0.1],[0.2,-0.4]] 7 10
# CASE greedy: [[0.5,-1.0],[0.25,2.0],[-1.5,0.5],[1.0,1.0]] [[0.5,0.1],[0.2,-0.4]] 7 0
# CASE greedy: [[0.5,-1.0],[0.25,2.0],[-1.5,0.5],[1.0,1.0]] [[0.5,0.1],[0.2,-0.4]] 7 1


def keeps_parameter_and_previous(h0, w, n):
    # h starts as the caller's array and prev holds last iteration's h:
    # neither may be written over.
    h = h0
    prev = h0
    for i in range(n):
        prev = h
        h = np.tanh(h @ w * 0.5 + i)
    return h, prev, h0
# CASE keeps_parameter_and_previous: [1.0,-2.0] [[0.5,0.25],[-0.5,1.0]] 0
# CASE keeps_parameter_and_previous: [1.0,-2.0] [[0.5,0.25],[-0.5,1.0]] 1
# CASE keeps_parameter_and_previous: [1.0,-2.0] [[0.5,0.25],[-0.5,1.0]] 6


def product_over_itself(x, w, n):
    # x = x @ w writes the product where its operand was.
    for i in range(n):
        x = x @ w
    return x
# CASE product_over_itself: [[1.0,2.0],[3.0,-1.0]] [[0.5,0.25],[-0.5,1.0]] 0
# CASE product_over_itself: [[1.0,2.0],[3.0,-1.0]] [[0.5,0.25],[-0.5,1.0]] 1
# CASE product_over_itself: [[1.0,2.0],[3.0,-1.0]] [[0.5,0.25],[-0.5,1.0]] 7
# CASE product_over_itself: [1.0,2.0] [[0.5,0.25],[-0.5,1.0]] 5
# CASE product_over_itself: [[1.0,2.0,3.0]] [[0.5,0.25],[-0.5,1.0]] 2 -> exit 3


def matrix_times_vector(m, v, n):
    for i in range(n):
        v = m @ v - v * 0.5
    return v
# CASE matrix_times_vector: [[0.5,0.25],[-0.5,1.0]] [1.0,2.0] 4
# CASE matrix_times_vector: [[0.5,0.25],[-0.5,1.0]] [1.0,2.0] 0
# CASE matrix_times_vector: [[0.5,0.25,1.0],[-0.5,1.0,0.0]] [1.0,2.0] 1 -> exit 3


def scores_against_rows(q, keys, n):
    # a @ b.T in a loop, the best row fed back.
    best = 0
    total = 0
    for i in range(n):
        s = q @ keys.T
        best = int(np.argmax(s))
        total += best
        q = keys[best] - q * 0.5
    return best, total, q
# CASE scores_against_rows: [1.0,0.0] [[0.5,0.5],[1.0,-1.0],[-2.0,0.25]] 5
# CASE scores_against_rows: [1.0,0.0] [[0.5,0.5],[1.0,-1.0],[-2.0,0.25]] 0
# CASE scores_against_rows: [1.0,0.0,2.0] [[0.5,0.5],[1.0,-1.0],[-2.0,0.25]] 1 -> exit 3


def chain_that_broadcasts(x, b, n):
    # (3, 2) with (2,): the fused chain's broadcasting path.
    y = x * 1.0
    for i in range(n):
        y = np.tanh(y * 0.5 + b) - 0.25
    return y
# CASE chain_that_broadcasts: [[1.0,2.0],[3.0,-1.0],[0.0,0.5]] [0.5,-0.5] 3
# CASE chain_that_broadcasts: [[1.0,2.0],[3.0,-1.0],[0.0,0.5]] [0.5,-0.5] 0
# CASE chain_that_broadcasts: [[1.0,2.0],[3.0,-1.0],[0.0,0.5]] [0.5,-0.5,1.0] 1 -> exit 3


def chain_with_loop_numbers(x, n):
    # Python ints, floats and bools from the loop as operands of chains and
    # of single ops; a step on Python numbers alone inside a chain (i / 4).
    y = x.astype(np.float32)
    for i in range(n):
        s = i / 4
        big = i > 2
        y = np.exp(-(y * 0.5)) + s
        y = y - big
        y = y * i
        y = np.abs(np.tanh(y)) + i / 4
    return y
# CASE chain_with_loop_numbers: [1.0,-2.0,0.5] 5
# CASE chain_with_loop_numbers: [1.0,-2.0,0.5] 1
# CASE chain_with_loop_numbers: [] 3


def accumulate_in_place(x, b, n):
    # acc += v on arrays stays the kernel's (a cast and a shape check).
    acc = np.zeros(x.shape[0])
    for i in range(n):
        acc += x * i
        acc -= b
    return acc
# CASE accumulate_in_place: [1.0,2.0] [0.5,0.25] 3
# CASE accumulate_in_place: [1.0,2.0] [[0.5,0.25],[1.0,1.0]] 1 -> exit 3


def rows_viewed_and_summed(x):
    # A row read whole and summed; rows from the end; the matrix unchanged.
    acc = np.zeros(x.shape[1])
    total = 0.0
    for i in range(x.shape[0]):
        r = x[-1 - i]
        total += np.sum(r)
        acc = acc * 0.5 + r
    return acc, total, x
# CASE rows_viewed_and_summed: [[1.0,2.0],[3.0,-1.0],[0.0,0.5]]
# CASE rows_viewed_and_summed: [[1.0,2.0]]


def row_out_of_range(x, n):
    acc = np.zeros(x.shape[1])
    for i in range(n):
        acc = acc + x[i]
    return acc
# CASE row_out_of_range: [[1.0,2.0],[3.0,-1.0]] 2
# CASE row_out_of_range: [[1.0,2.0],[3.0,-1.0]] 3 -> exit 3


def argmax_ties_and_nan(x, n):
    # The first maximum; the first NaN (where x is 0: 0 * (0 / 0)).
    x = x * (x / x)
    found = 0
    for i in range(n):
        found = found * 10 + int(np.argmax(x * (i + 1.0)))
    return found
# CASE argmax_ties_and_nan: [1.0,3.0,3.0,2.0] 3
# CASE argmax_ties_and_nan: [1.0,0.0,3.0,0.0] 2
# CASE argmax_ties_and_nan: [-1.0,-2.0,-1.0] 2
# CASE argmax_ties_and_nan: [] 1 -> exit 3
# CASE argmax_ties_and_nan: [] 0


def until_not(x, limit):
    # `not` of a bool, an int and a float in a loop's test.
    done = False
    steps = 0
    while not done:
        x = x * 0.5 - 1.0
        steps += 1
        done = not (steps < limit)
        if not steps % 3:
            x = x + 1.0
    return steps, x, not 0.0
# CASE until_not: [1.0,2.0] 1
# CASE until_not: [1.0,2.0] 7


def mixed_dtypes_stay_generic(x, w, n):
    # float32 @ float64 and int arrays: the kernels' promotion, untyped.
    x32 = x.astype(np.float32)
    xi = np.asarray(w, dtype=np.int64)
    for i in range(n):
        x32 = x32 @ w
        xi = xi @ xi
    return x32, xi
# CASE mixed_dtypes_stay_generic: [[1.0,2.0],[3.0,-1.0]] [[1.0,0.0],[1.0,1.0]] 3
