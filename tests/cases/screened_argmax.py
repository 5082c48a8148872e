"""int(np.argmax(h @ emb.T)) in a typed loop with the product read by
nothing else (greedy decoding): the runtime may find the argmax by
screening with a bfloat16 copy of emb (runtime/screened_argmax.h) and must
give np.argmax's index all the same: ties go to the first row, rows whose
order the truncation swaps are found, NaN and float64 take the exact path,
a product read later or a matrix written in the loop are not screened.
Loops run 0, 1 and many times; the break taken and not.
"""
import numpy as np


def table(rows, cols, scale):
    return (np.sin(np.arange(rows * cols).reshape(rows, cols) * scale) * 0.5).astype(np.float32)


def decode(emb, w, eos, max_len):
    h = np.zeros(w.shape[1], dtype=emb.dtype)
    token = 0
    length = 0
    for step in range(max_len):
        h = np.tanh(emb[token] + h @ w)
        logits = h @ emb.T
        token = int(np.argmax(logits))
        length += 1
        if token == eos:
            break
    return length, token, h


def greedy(rows, cols, eos, max_len):
    emb = table(rows, cols, 0.37)
    w = table(cols, cols, 0.11)
    return decode(emb, w, eos, max_len)
# CASE greedy: 64 32 -1 0
# CASE greedy: 64 32 -1 1
# CASE greedy: 64 32 -1 40
# CASE greedy: 300 64 -1 60
# CASE greedy: 300 64 17 60
# CASE greedy: 17 32 -1 25
# CASE greedy: 1001 128 -1 30
# CASE greedy: 40 48 -1 20


def greedy_ties(rows, cols, max_len):
    """Copies of rows: every argmax has equal rows before and after it."""
    emb = table(rows, cols, 0.23)
    for r in range(0, rows, 4):
        emb[r + 1] = emb[r]
        emb[rows - 1 - r // 4] = emb[r]
    w = table(cols, cols, 0.13)
    return decode(emb, w, -1, max_len)
# CASE greedy_ties: 64 32 30
# CASE greedy_ties: 256 64 50


def greedy_close_rows(rows, cols, max_len):
    """Rows a few float32 ulps apart from their neighbours."""
    emb = table(rows, cols, 0.29)
    for r in range(1, rows, 2):
        emb[r] = emb[r - 1] * 1.0000001
    w = table(cols, cols, 0.17)
    return decode(emb, w, -1, max_len)
# CASE greedy_close_rows: 128 64 40


def greedy_nan(rows, cols, max_len):
    emb = table(rows, cols, 0.31)
    emb[7, 3] = np.nan
    w = table(cols, cols, 0.19)
    return decode(emb, w, -1, max_len)
# CASE greedy_nan: 64 32 10


def greedy_float64(rows, cols, max_len):
    emb = table(rows, cols, 0.37).astype(np.float64)
    w = table(cols, cols, 0.11).astype(np.float64)
    return decode(emb, w, -1, max_len)
# CASE greedy_float64: 64 32 30


def greedy_keeps_logits(rows, cols, max_len):
    emb = table(rows, cols, 0.37)
    w = table(cols, cols, 0.11)
    h = np.zeros(cols, dtype=np.float32)
    token = 0
    total = 0.0
    for step in range(max_len):
        h = np.tanh(emb[token] + h @ w)
        logits = h @ emb.T
        token = int(np.argmax(logits))
        total = total + logits[token]
    return token, total
# CASE greedy_keeps_logits: 64 32 0
# CASE greedy_keeps_logits: 64 32 25


def greedy_moving_table(rows, cols, max_len):
    """The table changes inside the loop: no copy of it may go stale."""
    emb = table(rows, cols, 0.37)
    w = table(cols, cols, 0.11)
    h = np.zeros(cols, dtype=np.float32)
    token = 0
    for step in range(max_len):
        h = np.tanh(emb[token] + h @ w)
        token = int(np.argmax(h @ emb.T))
        emb = emb * 0.5 + table(rows, cols, 0.05 * (step + 1))
    return token, h
# CASE greedy_moving_table: 64 32 1
# CASE greedy_moving_table: 64 32 20
