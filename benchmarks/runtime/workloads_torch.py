"""TorchScript twins of benchmarks/runtime/workloads.py: the same
computations, written for torch.jit.script (tensors instead of arrays,
torch names for NumPy's). Imported by run.py only when torch is installed.
"""
import math
from typing import Tuple

import torch


@torch.jit.script
def trivial(x: torch.Tensor) -> torch.Tensor:
    return x + 1.0


@torch.jit.script
def rnn(xs: torch.Tensor, wx: torch.Tensor, wh: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    h = torch.zeros(wh.shape[0], dtype=xs.dtype)
    for t in range(xs.shape[0]):
        h = torch.tanh(xs[t] @ wx + h @ wh + b)
    return h


@torch.jit.script
def lstm(xs: torch.Tensor, w: torch.Tensor, u: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    n = u.shape[0]
    h = torch.zeros(n, dtype=xs.dtype)
    c = torch.zeros(n, dtype=xs.dtype)
    for t in range(xs.shape[0]):
        z = xs[t] @ w + h @ u + b
        i = torch.sigmoid(z[:n])
        f = torch.sigmoid(z[n:2 * n])
        g = torch.tanh(z[2 * n:3 * n])
        o = torch.sigmoid(z[3 * n:])
        c = f * c + i * g
        h = o * torch.tanh(c)
    return h


@torch.jit.script
def collatz(limit: int) -> int:
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            total += 1
    return total


@torch.jit.script
def greedy_decode(emb: torch.Tensor, w: torch.Tensor, eos: int,
                  max_len: int) -> Tuple[int, torch.Tensor]:
    h = torch.zeros(w.shape[1], dtype=emb.dtype)
    token = 0
    length = 0
    for step in range(max_len):
        h = torch.tanh(emb[token] + h @ w)
        logits = h @ emb.t()
        token = int(torch.argmax(logits))
        length += 1
        if token == eos:
            break
    return length, h


@torch.jit.script
def elementwise_chain(x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    y = torch.tanh(x * 0.5 + 1.0) * x - 0.25
    return torch.sum(y * y), torch.max(torch.abs(y))


@torch.jit.script
def matmul_chain(a: torch.Tensor, b: torch.Tensor, limit: float) -> torch.Tensor:
    y = a @ b
    if float(torch.linalg.norm(y)) > limit:
        y = (y * 0.5) @ b
    else:
        y = y @ a
    return y


@torch.jit.script
def piecewise_rows(x: torch.Tensor) -> torch.Tensor:
    out = torch.zeros(x.shape[0], dtype=torch.float64)
    for i in range(x.shape[0]):
        s = float(torch.sum(x[i]))
        if s > 1.0:
            out[i] = s * 2.0
        elif s < -1.0:
            out[i] = -s
        else:
            out[i] = s * s
    return out


@torch.jit.script
def kmeans(points: torch.Tensor, centers: torch.Tensor, iterations: int) -> torch.Tensor:
    k = centers.shape[0]
    for it in range(iterations):
        d = torch.sum((points[:, None, :] - centers[None, :, :]) ** 2, dim=2)
        labels = torch.argmin(d, dim=1)
        new_centers = centers * 1.0
        for j in range(k):
            members = points[labels == j]
            if members.shape[0] > 0:
                new_centers[j] = torch.mean(members, dim=0)
        centers = new_centers
    return centers


@torch.jit.script
def einsum_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    scores = torch.einsum("bhqd,bhkd->bhqk", q, k) / math.sqrt(q.shape[-1])
    weights = torch.exp(scores - torch.amax(scores, dim=-1, keepdim=True))
    weights = weights / torch.sum(weights, dim=-1, keepdim=True)
    return torch.einsum("bhqk,bhkd->bhqd", weights, v)
