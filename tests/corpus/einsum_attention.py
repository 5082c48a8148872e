"""Multi-head attention with np.einsum, in the style of picoGPT's gpt2.py
ported to batched heads as einsum-based NumPy code writes it: heads split
with reshape/transpose, scores as "hqd,hkd->hqk", the weighted values as
"hqk,hkd->hqd", a causal mask from np.tri. Written for this corpus."""
import numpy as np


def softmax(x):
    exp_x = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)


def linear(x, w, b):
    return np.einsum("...i,io->...o", x, w) + b


def split_heads(x, n_head: int):
    n_seq, n_embd = x.shape
    return x.reshape(n_seq, n_head, n_embd // n_head).transpose(1, 0, 2)


def merge_heads(x):
    n_head, n_seq, d_head = x.shape
    return x.transpose(1, 0, 2).reshape(n_seq, n_head * d_head)


def attention(q, k, v, mask):
    scores = np.einsum("hqd,hkd->hqk", q, k) / np.sqrt(q.shape[-1]) + mask
    return np.einsum("hqk,hkd->hqd", softmax(scores), v)


def mha(x, c_attn, c_proj, n_head):
    x = linear(x, **c_attn)
    q, k, v = np.split(x, 3, axis=-1)
    causal_mask = (1 - np.tri(x.shape[0], dtype=x.dtype)) * -1e10
    heads = attention(split_heads(q, n_head), split_heads(k, n_head), split_heads(v, n_head),
                      causal_mask)
    return linear(merge_heads(heads), **c_proj)


def batched_attention(q, k, v):
    """[batch, head, seq, d] attention without a mask."""
    weights = softmax(np.einsum("bhqd,bhkd->bhqk", q, k) / np.sqrt(q.shape[-1]))
    return np.einsum("bhqk,bhkd->bhqd", weights, v)


# CASE softmax: [[1.0,2.0,3.0],[1000.0,0.0,-1000.0]]
# CASE linear: [[1.0,2.0]] [[0.5,0.0,1.0],[1.0,-1.0,0.0]] [0.1,0.2,0.3]
# CASE split_heads: [[1.0,2.0,3.0,4.0],[5.0,6.0,7.0,8.0]] 2
# CASE merge_heads: [[[1.0,2.0],[3.0,4.0]],[[5.0,6.0],[7.0,8.0]]]
# CASE attention: [[[1.0,0.0],[0.0,1.0]]] [[[1.0,1.0],[0.0,2.0]]] [[[1.0,2.0],[3.0,4.0]]] [[0.0,-1e10],[0.0,0.0]]
# CASE mha: [[1.0,0.5],[0.2,-0.3],[0.0,1.0]] {"w":[[0.1,0.2,0.3,0.4,0.5,0.6],[0.6,0.5,0.4,0.3,0.2,0.1]],"b":[0.0,0.0,0.0,0.1,0.1,0.1]} {"w":[[1.0,0.0],[0.0,1.0]],"b":[0.0,0.0]} 2
# CASE mha: [[1.0,0.5],[0.2,-0.3]] {"w":[[0.1,0.2,0.3,0.4,0.5,0.6],[0.6,0.5,0.4,0.3,0.2,0.1]],"b":[0.0,0.0,0.0,0.1,0.1,0.1]} {"w":[[1.0,0.0],[0.0,1.0]],"b":[0.0,0.0]} 1
# CASE batched_attention: [[[[1.0,0.5],[0.0,2.0],[1.5,-1.0]],[[0.5,0.5],[1.0,1.0],[2.0,0.0]]]] [[[[1.0,0.0],[0.5,0.5],[-1.0,2.0]],[[0.0,1.0],[1.0,0.0],[0.5,0.5]]]] [[[[1.0,2.0],[3.0,4.0],[5.0,6.0]],[[0.5,1.5],[2.5,3.5],[4.5,5.5]]]]
