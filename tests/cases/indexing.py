"""Indexing and slicing: ints, negative ints, a:b:c, negative steps, several
axes, None/np.newaxis, an integer array on one axis and a boolean mask."""
import numpy as np


def int_indices(x):
    """x[0], x[-1] and x[i, j] give NumPy scalars; x[1] of a matrix a row."""
    return x[0], x[-1], x[1], x[-1, -2], x[0, 1]


# CASE int_indices: [[1,2,3],[4,5,6],[7,8,9]]
# CASE int_indices: [[1.5,2.5],[3.5,4.5]]


def index_with_argument(x, i, j=0):
    """Indices that are function arguments, also negative ones."""
    return x[i], x[i, j], x[-i]


# CASE index_with_argument: [[1,2],[3,4],[5,6]] 1
# CASE index_with_argument: [[1,2],[3,4],[5,6]] 2 -1


def basic_slices(x):
    """a:b, a:, :b, a:b:c, and out-of-range bounds (clamped)."""
    return x[1:3], x[2:], x[:2], x[::2], x[1:-1], x[2:100], x[-100:2]


# CASE basic_slices: [0,1,2,3,4,5]
# CASE basic_slices: [0.5,1.5,2.5]


def negative_steps(x):
    """Reversed and strided-backwards slices."""
    return x[::-1], x[4:1:-2], x[-1::-3], x[:2:-1]


# CASE negative_steps: [0,1,2,3,4,5,6]


def empty_slices(x):
    """Slices that select nothing have length 0."""
    return x[3:1], x[5:], x[:, 0:0]


# CASE empty_slices: [[1,2,3],[4,5,6]]


def multi_axis(x):
    """Several axes: x[:, 1], x[1, :], x[0:2, 1:], x[::-1, ::2], x[1, ::-1]."""
    return x[:, 1], x[1, :], x[0:2, 1:], x[::-1, ::2], x[1, ::-1]


# CASE multi_axis: [[1,2,3],[4,5,6],[7,8,9]]


def three_axes(x):
    """A 3-D array indexed on each axis."""
    return x[0], x[:, 1], x[:, :, 0], x[1, 0, 1], x[-1, :, ::-1]


# CASE three_axes: [[[1,2],[3,4]],[[5,6],[7,8]]]


def new_axes(x):
    """None and np.newaxis insert unit axes."""
    return x[None], x[:, None], x[np.newaxis, :, np.newaxis], x[None, 1:]


# CASE new_axes: [1.0,2.0,3.0]


def integer_array_index(x, idx):
    """An integer array on one axis gathers rows (or columns)."""
    return x[idx], x[:, idx], x[idx, 1:]


# CASE integer_array_index: [[1,2,3],[4,5,6],[7,8,9]] [2,0,0]
# CASE integer_array_index: [[1.5,2.5,3.5],[4.5,5.5,6.5]] [-1,0]


def gather_by_argmax(x):
    """Indices computed in the function: argmax and arange."""
    best = np.argmax(x, axis=1)
    rows = np.arange(x.shape[0])
    return x[best], rows[best], x[0, best]


# CASE gather_by_argmax: [[1.0,9.0,2.0],[7.0,0.0,3.0],[0.5,0.25,4.0]]


def boolean_mask(x):
    """A boolean mask selects matching elements (as 1-D)."""
    return x[x > 2], x[x > 100], x[np.isnan(x)]


# CASE boolean_mask: [1.0,5.0,2.0,4.0,3.0]
# CASE boolean_mask: [[1,3],[5,0]]


def row_mask(x, keep):
    """A boolean array argument on the first axis selects rows."""
    return x[keep], x[:, keep[:2]]


# CASE row_mask: [[1,2],[3,4],[5,6]] [true,false,true]
# CASE row_mask: [[1,2],[3,4]] [true,true]
# CASE row_mask: [[1,2],[3,4],[5,6]] [false,false,true]


def scalar_from_index_is_numpy(x):
    """A float32 element stays float32; an int64 element * 1.5 is float64."""
    x32 = x.astype(np.float32)
    return x32[1] * 2.0, x.astype(np.int64)[1] * 1.5


# CASE scalar_from_index_is_numpy: [1.0,2.0]


def last_token(h):
    """Taking the last time step of a (batch, time, dim) array."""
    return h[:, -1, :], h[:, -1]


# CASE last_token: [[[1,2],[3,4],[5,6]],[[7,8],[9,10],[11,12]]]


def masks_across_words(x, t):
    """Masks read eight bytes at a time: lengths below, at and past each
    word, all-false and all-true words, and a 2-D mask selecting elements."""
    flat = x.reshape(-1)
    grid = x.reshape(3, -1)
    return flat[flat > t], flat[flat < -t], grid[grid > t], grid[:, 0][grid[:, 0] > t]


# CASE masks_across_words: [0.5,2.0,-3.0,4.0,0.1,-0.2,7.0,8.0,-9.0,0.0,1.5,-1.5] 1.0
# CASE masks_across_words: [5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,5.0,-5.0,5.0,5.0] 1.0
# CASE masks_across_words: [0.0,0.0,0.0] 1.0
# CASE masks_across_words: [3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0,-3.0,3.0] 1.0


def mask_of_cluster_rows(points, labels, j):
    """points[labels == j]: the rows of one cluster, as k-means selects them."""
    members = points[labels == j]
    return members, members.shape[0]


# CASE mask_of_cluster_rows: [[0,1],[2,3],[4,5],[6,7],[8,9],[10,11],[12,13],[14,15],[16,17],[18,19],[20,21]] [1,0,1,1,0,0,1,1,1,0,1] 1
# CASE mask_of_cluster_rows: [[0,1],[2,3],[4,5],[6,7],[8,9],[10,11],[12,13],[14,15],[16,17],[18,19],[20,21]] [1,0,1,1,0,0,1,1,1,0,1] 2


def new_axes_share_nothing_visible(x):
    """x[:, None] and the like share x's buffer inside pygraft."""
    col = x[:, None]
    both = x[None, ..., None]
    whole = x[:]
    tail = x[..., None]
    return col + both[0] + whole[:, :, None] + tail, col.shape, both.shape


# CASE new_axes_share_nothing_visible: [[1.0,2.0],[3.0,4.0],[5.0,6.0]]


def view_written_once_source_is_dead(v):
    """A write to the view after its source's last use."""
    w = v[None]
    w[0, 1] = 99.0
    return w


# CASE view_written_once_source_is_dead: [7.0,8.0,9.0]


def source_written_once_view_is_dead(v):
    """A write to the source after the view's last use."""
    y = v[:, None] * 2.0
    v[0] = -5.0
    return y, v


# CASE source_written_once_view_is_dead: [7.0,8.0,9.0]


def new_axes_on_vectors_and_scalars(v):
    """None-only and ellipsis-only indexes of 1-D and 0-d arrays."""
    s = np.sum(v)
    return v[None, :], v[:, None, None], v[...], s[None], s[..., None], v[None][0]


# CASE new_axes_on_vectors_and_scalars: [1.0,2.0,3.0]
# CASE new_axes_on_vectors_and_scalars: []


def too_many_slices(v):
    """More slices than axes is NumPy's IndexError, not a reshape."""
    return v[:, :]


# CASE too_many_slices: [1.0,2.0] -> exit 3


def rows_shared_then_written(x):
    """x[i] and x[i, a:b] share x's buffer; a write to one after x's last
    use, and arithmetic that may reuse a dead row's buffer, stay right."""
    first = x[0]
    gate = x[1, 1:3]
    total = first + gate[0]
    doubled = gate * 2.0
    r = x[2]
    r[0] = 99.0
    return total, doubled, r


# CASE rows_shared_then_written: [[1.0,2.0,3.0],[4.0,5.0,6.0],[7.0,8.0,9.0]]


def row_views_in_a_loop(xs, w):
    """An RNN-style loop reading rows (shared blocks) of xs each step."""
    h = np.zeros(w.shape[1])
    for t in range(xs.shape[0]):
        h = np.tanh(xs[t] @ w + h)
        h[0] = xs[t, 0]  # a write into the step's fresh h
    return h, xs


# CASE row_views_in_a_loop: [[0.1,0.2],[0.3,-0.4],[0.5,0.6]] [[1.0,0.5],[-0.5,1.0]]
# CASE row_views_in_a_loop: [] [[1.0]]
