"""np.einsum as ML code writes it: matrix products and attention on the
matrix-product path, diagonals, traces, sums, transposes and broadcasts on
the generic loop, one to three operands, implicit and explicit outputs,
ellipses, dtypes, size-0 dimensions, the subscripts as a run-time str, and
NumPy's ValueErrors for bad subscripts."""
import numpy as np


def matrix_products(a, b):
    """ij,jk->ik and its implicit form; the output transposed; a transposed
    operand; b read transposed (ij,kj)."""
    return (np.einsum("ij,jk->ik", a, b), np.einsum("ij,jk", a, b),
            np.einsum("ij,jk->ki", a, b), np.einsum("ji,jk->ik", a.T, b),
            np.einsum("ij,kj->ik", a, b.T))


# CASE matrix_products: [[1.0,2.0,3.0],[4.0,5.0,6.0]] [[1.0,0.5],[2.0,-1.0],[0.25,4.0]]
# CASE matrix_products: [[1,2,3],[4,5,6]] [[7,8],[9,10],[11,12]]
# CASE matrix_products: [[true,false],[false,false]] [[true,true],[false,true]]


def attention_scores(q, k, v):
    """bhqd,bhkd->bhqk (k read transposed), then bhqk,bhkd->bhqd, in float64
    and float32."""
    scores = np.einsum("bhqd,bhkd->bhqk", q, k)
    out = np.einsum("bhqk,bhkd->bhqd", scores, v)
    q32, k32 = q.astype(np.float32), k.astype(np.float32)
    return scores, out, np.einsum("bhqd,bhkd->bhqk", q32, k32)


# CASE attention_scores: [[[[1.0,0.5],[0.0,2.0],[1.5,-1.0]],[[0.5,0.5],[1.0,1.0],[2.0,0.0]]]] [[[[1.0,0.0],[0.5,0.5],[-1.0,2.0]],[[0.0,1.0],[1.0,0.0],[0.5,0.5]]]] [[[[1.0,2.0],[3.0,4.0],[5.0,6.0]],[[0.5,1.5],[2.5,3.5],[4.5,5.5]]]]


def batched(a, b):
    """bij,bjk->bik for ints and floats, and the batch as the last output axis."""
    return (np.einsum("bij,bjk->bik", a, b), np.einsum("bij,bjk->bik", a * 0.5, b),
            np.einsum("bij,bjk->ikb", a, b))


# CASE batched: [[[1,2],[3,4]],[[5,6],[7,8]]] [[[1,0,2],[0,1,3]],[[2,1,0],[1,2,1]]]


def vector_forms(u, v):
    """i,i-> (dot), i,i (implicit scalar), i,j (outer), bi,bj->bij."""
    m = np.outer(u, v)
    return (np.einsum("i,i->", u, v), np.einsum("i,i", u, v), np.einsum("i,j", u, v),
            np.einsum("bi,bj->bij", m, m), np.einsum("ij,j->i", m, v))


# CASE vector_forms: [1.0,2.0,3.0] [4.0,-5.0,6.0]
# CASE vector_forms: [1,2,3] [4,5,6]
# CASE vector_forms: [true,false,true] [true,true,false]


def one_operand(x):
    """Transposes, sums, diagonal and trace on the generic loop."""
    return (np.einsum("ij->ji", x), np.einsum("ji", x), np.einsum("ij->", x),
            np.einsum("ij->j", x), np.einsum("ij->i", x), np.einsum("ij", x))


# CASE one_operand: [[1.0,-0.0,3.0],[4.0,5.0,6.5]]
# CASE one_operand: [[1,2],[3,4]]
# CASE one_operand: [[true,false],[false,false]]


def diagonals(x):
    """ii->i, ii (trace), the diagonal kept with another operand."""
    return (np.einsum("ii->i", x), np.einsum("ii", x), np.einsum("ii,i->i", x, x[0]),
            np.einsum("ij,ii->j", x, x))


# CASE diagonals: [[1.0,2.0,3.0],[4.0,5.0,6.0],[7.0,8.0,9.0]]
# CASE diagonals: [[1,2],[3,4]]


def three_axes(t):
    """ijk->kji, ijk->j, iij (a diagonal of the first two axes)."""
    return np.einsum("ijk->kji", t), np.einsum("ijk->j", t), np.einsum("iij->j", t[:, :, :])


# CASE three_axes: [[[1,2,3],[4,5,6]],[[7,8,9],[10,11,12]]]


def three_operands(a, b, c):
    """Contracted left to right in pairs; i,i,i-> and a chain."""
    return (np.einsum("ij,jk,kl->il", a, b, c), np.einsum("ij,jk,kl", a, b, c),
            np.einsum("i,i,i->", a[0], a[1], a[0]), np.einsum("ij,ij,ij->i", a, a, a))


# CASE three_operands: [[1.0,2.0],[3.0,4.0]] [[0.5,1.0,1.5],[2.0,2.5,3.0]] [[1.0],[0.0],[-1.0]]
# CASE three_operands: [[1,2],[3,4]] [[5,6,7],[8,9,10]] [[1],[0],[-1]]


def ellipses(a, b):
    """...ij,...jk->...ik with several and with no broadcast dimensions,
    size-1 broadcasting in the ellipsis, implicit outputs."""
    a3 = a.reshape(2, 2, 2)
    return (np.einsum("...ij,...jk->...ik", a3, b), np.einsum("...ij,...jk->...ik", a, b),
            np.einsum("...ij,...jk->...ik", a.reshape(2, 1, 2, 2), a3),
            np.einsum("...i->...", a3), np.einsum("i...->...", a3), np.einsum("...ij", a3),
            np.einsum("ij...", a3), np.einsum("...,...", a3, b))


# CASE ellipses: [[1.0,2.0],[3.0,4.0],[5.0,6.0],[7.0,8.0]] [[1.0,0.0],[0.5,2.0]]


def broadcast_ones(a, b):
    """A label of size 1 broadcasts against its other size (NumPy's
    iterator allows it)."""
    return np.einsum("ij,ij->ij", a, b), np.einsum("ij,jk->ik", a, b[:1].T), np.einsum("ij,ij", a, b)


# CASE broadcast_ones: [[1.0,2.0,3.0],[4.0,5.0,6.0]] [[2.0,0.5,1.0]]


def dtypes(x):
    """The result dtype is the operands' promoted one; Python scalars count
    as np.asarray of them (strong)."""
    x32 = x.astype(np.float32)
    i32 = x.astype(np.int32)
    return (np.einsum("i,i", i32, x32), np.einsum("i,i", i32, i32), np.einsum(",i", 2.5, x32),
            np.einsum(",i", 2, i32), np.einsum(",", 2, 3), np.einsum("", 2.0),
            np.einsum("i,i->i", x32, x > 1.0), np.einsum("i->", (x > 1.0).astype(np.int32)))


# CASE dtypes: [1.0,2.0,3.0]


def lists_as_operands(x):
    """A list is one operand (np.asarray of it)."""
    return np.einsum("i,i", [1.0, 2.0, 3.0], x), np.einsum("ij->ji", [[1, 2], [3, 4]])


# CASE lists_as_operands: [0.5,0.25,2.0]


def empty_dims(n):
    """Size-0 dimensions: empty results and sums over nothing."""
    a = np.ones((2, n))
    b = np.ones((n, 3), dtype=np.int64)
    return (np.einsum("ij,jk->ik", a, b), np.einsum("ij->", a), np.einsum("ij,jk", b.T, b),
            np.einsum("ij->j", a), np.einsum("ii", np.ones((n, n))))


# CASE empty_dims: 0
# CASE empty_dims: 2


def int_wraparound(x):
    """Integer sums wrap around as NumPy's do."""
    big = x * 4611686018427387904
    return np.einsum("i,i->", big, x), np.einsum("i->", big)


# CASE int_wraparound: [2,3,4]


def spaced_and_optimized(a, b):
    """Spaces in the subscripts; optimize= accepted (same values)."""
    return (np.einsum(" i j , j k -> i k ", a, b), np.einsum("ij,jk->ik", a, b, optimize=True),
            np.einsum("ij,jk->ik", a, b, optimize="greedy"),
            np.einsum("ij,jk->ik", a, b, optimize="optimal"),
            np.einsum("ij,jk->ik", a, b, optimize=False))


# CASE spaced_and_optimized: [[1.0,2.0],[3.0,4.0]] [[0.5,1.0],[1.5,2.0]]


def from_argument(subscripts, a, b):
    """The subscripts as a run-time str."""
    return np.einsum(subscripts, a, b)


# CASE from_argument: "ij,jk->ik" [[1.0,2.0],[3.0,4.0]] [[0.5,1.0],[1.5,2.0]]
# CASE from_argument: "ij,ij->" [[1,2],[3,4]] [[5,6],[7,8]]
# CASE from_argument: "i\u0020j,j\u0020k" [[1.0,2.0],[3.0,4.0]] [[0.5,1.0],[1.5,2.0]]
# CASE from_argument: "ij,jk->ik" [[1.0,2.0,3.0]] [[1.0,2.0],[3.0,4.0]] -> exit 3
# CASE from_argument: "ij,kj" [[1.0,2.0,3.0]] [[1.0,2.0]] -> exit 3
# CASE from_argument: "ij,jk->ik,i" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ij,jk,kl->il" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ij" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ij,jk->il" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ij,jk->ii" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "i$,jk" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "i\u00e9,jk" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ij,jk-ik" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ij,jk->i.k" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "..ij,jk" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ijk,jk" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "i,jk" [[1.0]] [[1.0]] -> exit 3
# CASE from_argument: "ii,jk" [[1.0,2.0]] [[1.0]] -> exit 3
# CASE from_argument: "...ij,...jk->...ik" [[[1.0,2.0]],[[3.0,4.0]],[[5.0,6.0]]] [[[1.0],[2.0]],[[3.0],[4.0]]] -> exit 3
# CASE from_argument: "...ij,...jk->ik" [[[1.0,2.0]]] [[[1.0],[2.0]]] -> exit 3


def diagonal_mismatch(x):
    """ii->i on a non-square matrix: the single-operand message."""
    return np.einsum("ii->i", x)


# CASE diagonal_mismatch: [[1.0,2.0,3.0],[4.0,5.0,6.0]] -> exit 3


def interleaved(a, b):
    """NumPy's other form: operands each followed by its list of labels
    (0..25 are A..Z, 26..51 a..z), then optionally the output's."""
    return (np.einsum(a, [0, 1], b, [1, 2]), np.einsum(a, [0, 1], b, [1, 2], [2, 0]),
            np.einsum(a, (0, 26), b, np.array([26, 51])), np.einsum(a, [0, 0]))


# CASE interleaved: [[1.0,2.0],[3.0,4.0]] [[0.5,1.0],[1.5,2.0]]


def interleaved_errors(x, labels):
    """A label out of range, not an int, or too many for the operand."""
    return np.einsum(x, labels)


# CASE interleaved_errors: [1.0,2.0] [60] -> exit 3
# CASE interleaved_errors: [1.0,2.0] [0.5] -> exit 3
# CASE interleaved_errors: [1.0,2.0] [0,1] -> exit 3
# CASE interleaved_errors: [1.0,2.0] [3]


def in_a_loop(h, w, steps):
    """einsum inside a loop on a loop-carried array, with an `if` on its sum."""
    for _ in range(steps):
        h = np.tanh(np.einsum("bi,ij->bj", h, w))
        if np.einsum("bj->", h) > 100.0:
            break
    return h, np.einsum("bj,bj->b", h, h)


# CASE in_a_loop: [[0.5,-0.25],[1.0,2.0]] [[0.9,0.1],[-0.2,0.8]] 3
# CASE in_a_loop: [[0.5,-0.25],[1.0,2.0]] [[0.9,0.1],[-0.2,0.8]] 0


def many_operands(x):
    """18 operands whose left-to-right pairs would pass 16 dimensions: the
    rest runs as one loop."""
    y = np.ones((1,) * 16) * 0.5
    return np.einsum("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,abcdefghijklmnop->q",
                     x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, y)


# CASE many_operands: [2.0]
