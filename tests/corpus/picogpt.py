"""Transformer pieces in the style of picoGPT (gpt2.py): small functions
with annotated defaults, parameter dicts passed on with **, np.split,
np.tri for the causal mask, list comprehensions over heads. Written for
this corpus."""
import numpy as np


def gelu(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


def softmax(x):
    exp_x = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)


def layer_norm(x, g, b, eps: float = 1e-5):
    mean = np.mean(x, axis=-1, keepdims=True)
    variance = np.var(x, axis=-1, keepdims=True)
    x = (x - mean) / np.sqrt(variance + eps)
    return g * x + b


def linear(x, w, b):
    return x @ w + b


def ffn(x, c_fc, c_proj):
    a = gelu(linear(x, **c_fc))
    x = linear(a, **c_proj)
    return x


def attention(q, k, v, mask):
    return softmax(q @ k.T / np.sqrt(q.shape[-1]) + mask) @ v


def causal_self_attention(x, c_attn, c_proj, n_head):
    x = linear(x, **c_attn)
    q, k, v = np.split(x, 3, axis=-1)
    causal_mask = (1 - np.tri(x.shape[0], dtype=x.dtype)) * -1e10
    heads = [attention(qh, kh, vh, causal_mask)
             for qh, kh, vh in zip(np.split(q, n_head, axis=-1), np.split(k, n_head, axis=-1),
                                   np.split(v, n_head, axis=-1))]
    x = np.hstack(heads)
    x = linear(x, **c_proj)
    return x


def multi_head(x, c_attn, c_proj, n_head):
    # the heads split with map and regrouped with zip(*...)
    x = linear(x, **c_attn)
    parts = np.split(x, 3, axis=-1)
    per_head = list(map(lambda t: np.split(t, n_head, axis=-1), parts))
    mask = (1 - np.tri(x.shape[0], dtype=x.dtype)) * -1e10
    outs = [attention(qh, kh, vh, mask) for qh, kh, vh in zip(*per_head)]
    return linear(np.hstack(outs), **c_proj)


# CASE gelu: [-3.0,-0.5,0.0,0.5,3.0]
# CASE softmax: [[1.0,2.0,3.0],[1000.0,0.0,-1000.0]]
# CASE layer_norm: [[1.0,2.0,4.0],[0.0,0.0,1.0]] [1.0,0.5,2.0] [0.0,0.1,0.0]
# CASE layer_norm: [[1.0,2.0,4.0]] [1.0,1.0,1.0] [0.0,0.0,0.0] 0.1
# CASE linear: [[1.0,2.0]] [[0.5,0.0,1.0],[1.0,-1.0,0.0]] [0.1,0.2,0.3]
# CASE ffn: [[1.0,-2.0],[0.5,0.5]] {"w":[[0.1,0.2,0.3],[0.4,0.5,0.6]],"b":[0.0,0.1,0.0]} {"w":[[1.0,0.0],[0.0,1.0],[1.0,1.0]],"b":[0.5,-0.5]}
# CASE attention: [[1.0,0.0],[0.0,1.0]] [[1.0,1.0],[0.0,2.0]] [[1.0,2.0],[3.0,4.0]] [[0.0,-1e10],[0.0,0.0]]
# CASE causal_self_attention: [[1.0,0.5],[0.2,-0.3],[0.0,1.0]] {"w":[[0.1,0.2,0.3,0.4,0.5,0.6],[0.6,0.5,0.4,0.3,0.2,0.1]],"b":[0.0,0.0,0.0,0.1,0.1,0.1]} {"w":[[1.0,0.0],[0.0,1.0]],"b":[0.0,0.0]} 2
# CASE causal_self_attention: [[1.0,0.5],[0.2,-0.3]] {"w":[[0.1,0.2,0.3,0.4,0.5,0.6],[0.6,0.5,0.4,0.3,0.2,0.1]],"b":[0.0,0.0,0.0,0.1,0.1,0.1]} {"w":[[1.0,0.0],[0.0,1.0]],"b":[0.0,0.0]} 1
# CASE multi_head: [[1.0,0.5],[0.2,-0.3],[0.0,1.0]] {"w":[[0.1,0.2,0.3,0.4,0.5,0.6],[0.6,0.5,0.4,0.3,0.2,0.1]],"b":[0.0,0.0,0.0,0.1,0.1,0.1]} {"w":[[1.0,0.0],[0.0,1.0]],"b":[0.0,0.0]} 2
# CASE multi_head: [[1.0,0.5]] {"w":[[0.1,0.2,0.3,0.4,0.5,0.6],[0.6,0.5,0.4,0.3,0.2,0.1]],"b":[0.0,0.0,0.0,0.1,0.1,0.1]} {"w":[[1.0,0.0],[0.0,1.0]],"b":[0.0,0.0]} 1
