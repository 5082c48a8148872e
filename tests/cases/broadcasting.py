"""Broadcasting with short inner axes (runtime/simd_math.h simd_binary_blocks)."""
import numpy as np
def short_inner_axes(p, c):
    """Broadcasts whose inner axes are short (pairwise differences of 2-D
    points, k-means style), + - * / in float64 and float32, each side."""
    a = p[:, None, :]
    b = c[None, :, :]
    p32 = p.astype(np.float32)[:, None, :]
    c32 = c.astype(np.float32)[None, :, :]
    return (a - b, b - a, a * b, a / b, a + b, p32 - c32, c32 / p32, a - c[None, :, 0:1],
            p[:, None, 0:1] + b, p[:, None, :] * 2.0 - b)


# CASE short_inner_axes: [[0.0,1.0],[2.0,-3.0],[4.5,0.5]] [[1.0,0.0],[-2.0,2.0],[0.5,0.25],[3.0,-1.0]]
# CASE short_inner_axes: [[0.0,1.0]] [[0.0,-0.0]]
# CASE short_inner_axes: [[1.0,2.0],[3.0,4.0],[5.0,6.0],[7.0,8.0],[9.0,10.0],[11.0,12.0],[13.0,14.0],[15.0,16.0],[17.0,18.0]] [[1.0,1.0],[2.0,2.0],[3.0,3.0],[4.0,4.0],[5.0,5.0],[6.0,6.0],[7.0,7.0],[8.0,8.0],[9.0,9.0]]


def short_inner_axes_special(p, c):
    """NaN, inf and -0.0 through the short-axis broadcast."""
    q = p / p  # 0/0 is NaN
    return q[:, None, :] - c[None, :, :], (p * np.inf)[:, None, :] * c[None, :, :]


# CASE short_inner_axes_special: [[0.0,1.0],[-2.0,0.0]] [[1.0,-0.0],[0.0,2.0],[-1.0,1.0]]


def three_and_four_wide(p, c):
    """Runs of 3 (3-D points) and 4 coordinates; float32 and float64."""
    return (p[:, None, :] - c[None, :, :], p.astype(np.float32)[:, None, :] - c.astype(np.float32)[None, :, :])


# CASE three_and_four_wide: [[0.0,1.0,2.0],[3.0,4.0,5.0]] [[1.0,1.0,1.0],[0.0,-1.0,2.0],[5.0,5.0,5.0]]
# CASE three_and_four_wide: [[0.0,1.0,2.0,3.0],[3.0,4.0,5.0,6.0]] [[1.0,1.0,1.0,1.0],[0.0,-1.0,2.0,0.5]]
