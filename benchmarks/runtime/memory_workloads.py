"""Loops over 1 MB float32 arrays, for benchmarks/runtime/memory.py: each
iteration makes new arrays the size of x, so a runtime that does not reuse
buffers grows with the iteration count (or faults in fresh pages each time)."""
import numpy as np


def smooth_loop(x, n):
    """A fused elementwise update and a reduction per iteration."""
    y = x
    for i in range(n):
        y = np.tanh(y * 0.5 + x) - 0.1 * y
    return y, np.max(np.abs(y))


def clip_loop(x, n):
    """Unfused kernels: every step a new array (max, mean, where, clip, concatenate)."""
    half = x.shape[0] // 2
    y = x
    for i in range(n):
        z = np.maximum(y, x) - np.mean(y)
        z = np.where(z > 0.0, z, 0.5 * z)
        y = np.concatenate([np.clip(z[half:], -1.0, 1.0), z[:half]])
    return y
