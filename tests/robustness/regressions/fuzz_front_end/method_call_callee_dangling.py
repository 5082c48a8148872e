"""for over enumerate(...) and zip(...): unequal lengths stop at the
shortest, tuple targets, empty inputs."""
imporot_by_zip: [1.0,2.0,3.0] [4.0]
# CASE dot_by_zip: [1.0] [4.0,5.0,6.0]
# CASE dot_by_zip: [] [4.0,5.0]


def zip_three(xs, ws, bs):
    """zip of three arrays: per-row affine maps."""
    out = np.zeros(0)
    for x, w, b in zip(xs, ws, bs):
        out = np.concatenate([out, np.array([np.dot(x, w) + b])])
    return out


# CASE zip_three: [[1.0,2.0],[3.0,4.0]] [[0.5,0.5],[1.0,-1.0]] [0.1,0.2]
# CASE zip_three: [[1.0,2.0],[3.0,4.0]] [[0.5,0.5]] [0.1,0.2,0.3]


def zip_range_and_array(x, n):
    """zip(range(n), x) mixes a range with an array."""
    out = x.copy()
    for i, v in zip(range(n), x):
        out[i] = v * i
    return out


# CASE zip_range_and_array: [1.0,2.0,3.0,4.0] 2
# CASE zip_range_and_array: [1.0,2.0,3.0,4.0] 10
# CASE zip_range_and_array: [1.0,2.0,3.0,4.0] 0


def zip_rows_of_two_matrices(a, b):
    """zip over the rows of two matrices: cosine similarity per row pair."""
    sims = np.zeros(min(a.shape[0], b.shape[0]))
    i = 0
    for ra, rb in zip(a, b):
        sims[i] = np.dot(ra, rb) / (np.sqrt(np.dot(ra, ra)) * np.sqrt(np.dot(rb, rb)))
        i += 1
    return sims


# CASE zip_rows_of_two_matrices: [[1.0,0.0],[1.0,1.0]] [[0.0,1.0],[2.0,2.0],[5.0,5.0]]


def enumerate_break_index(x, threshold):
    """The enumerate index survives the loop: first position over threshold."""
    pos = -1
    for i, v in enumerate(x):
        if v > threshold:
            pos = i
            break
    return pos


# CASE enumerate_break_index: [0.1,0.7,0.9] 0.5
# CASE enumerate_break_index: [0.1,0.7,0.9] 0.95
# CASE enumerate_break_index: [0.6] 0.5
