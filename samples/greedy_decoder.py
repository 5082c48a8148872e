"""A toy autoregressive decoder with greedy (argmax) decoding.

Each step embeds the previous token, adds a sinusoidal position signal,
updates a recurrent state, projects it onto the vocabulary with a fixed projection and takes the argmax token. The
loop stops at END_TOKEN or after max_len tokens, so its trip count depends on
the data: pygraft keeps it as a loop node with a break, never unrolled.
Returns the token array filled so far (-1 after the last token) and the
number of tokens produced.

Run it:
    pygraft compile samples/greedy_decoder.py -o greedy_decoder.pgraph
    pygraft run greedy_decoder.pgraph --entry decode 2 12
    pygraft run greedy_decoder.pgraph --entry decode_with_scores 1 8 0.15
Compare against CPython + NumPy:
    /usr/bin/python3 tests/diff/run_diff.py --pygraft build/cli/pygraft samples/greedy_decoder.py
"""
import numpy as np

VOCAB = 8
EMBED = 5
END_TOKEN = 0
PAD = -1
POS_SCALE = 0.5


def embedding_table():
    """A deterministic (VOCAB, EMBED) embedding table."""
    return np.sin(np.arange(VOCAB * EMBED) * 1.37 + 0.2).reshape(VOCAB, EMBED)


def projection():
    """A deterministic (EMBED, VOCAB) output projection."""
    return np.cos(np.arange(EMBED * VOCAB) * 1.9 + 1.0).reshape(EMBED, VOCAB)


def position_signal(step):
    """A sinusoidal position signal of length EMBED."""
    return POS_SCALE * np.sin(step * 0.9 + np.arange(EMBED) * 0.7)


def next_logits(state, token, step, emb, proj, decay):
    """One decoder step: new state and vocabulary logits."""
    state = np.tanh(decay * state + emb[token] + position_signal(step))
    return state, state @ proj


def decode(start, max_len, decay=0.5):
    """Greedy decoding from `start` until END_TOKEN or max_len tokens."""
    emb = embedding_table()
    proj = projection()
    tokens = np.full(max_len, PAD, dtype=np.int64)
    state = np.zeros(EMBED)
    token = start
    n = 0
    while n < max_len:
        state, logits = next_logits(state, token, n, emb, proj, decay)
        token = int(np.argmax(logits))
        tokens[n] = token
        n += 1
        if token == END_TOKEN:
            break
    return tokens, n


# CASE decode: 2 12
# CASE decode: 1 12
# CASE decode: 7 12
# CASE decode: 6 12
# CASE decode: 2 3
# CASE decode: 2 1
# CASE decode: 2 0
# CASE decode: 7 20 0.9


def decode_with_scores(start, max_len, min_prob=0.0):
    """Greedy decoding that also stops when the model is unsure: the top
    probability must exceed min_prob. Returns tokens, their log-probabilities,
    the count and why it stopped (0 end token, 1 max_len, 2 low confidence)."""
    emb = embedding_table()
    proj = projection()
    tokens = np.full(max_len, PAD, dtype=np.int64)
    logps = np.zeros(max_len)
    state = np.zeros(EMBED)
    token = start
    reason = 1
    n = 0
    for step in range(max_len):
        state, logits = next_logits(state, token, step, emb, proj, 0.5)
        shifted = logits - np.max(logits)
        logp = shifted - np.log(np.sum(np.exp(shifted)))
        token = int(np.argmax(logp))
        if np.exp(logp[token]) <= min_prob:
            reason = 2
            break
        tokens[step] = token
        logps[step] = logp[token]
        n = step + 1
        if token == END_TOKEN:
            reason = 0
            break
    return tokens, logps, n, reason


# CASE decode_with_scores: 1 8
# CASE decode_with_scores: 7 8
# CASE decode_with_scores: 1 8 0.15
# CASE decode_with_scores: 0 8 0.2
# CASE decode_with_scores: 2 0
