# The narrow dtypes: uint8, int8, int16, uint16, uint32, uint64, float16.
# NumPy stores them as they are and pygraft computes them widened, then
# casts to NumPy's result dtype (runtime/narrow_dtypes.h); every rule of
# runtime/narrow_dtype_rules.h has cases here.
import numpy as np


def promotion_table(x):
    u8 = np.asarray(x, dtype=np.uint8)
    i8 = np.asarray(x, dtype=np.int8)
    i16 = np.asarray(x, dtype=np.int16)
    u16 = np.asarray(x, dtype=np.uint16)
    u32 = np.asarray(x, dtype=np.uint32)
    u64 = np.asarray(x, dtype=np.uint64)
    f16 = np.asarray(x, dtype=np.float16)
    i32 = np.asarray(x, dtype=np.int32)
    f32 = np.asarray(x, dtype=np.float32)
    return (u8 + i8, u16 + i16, u32 + i32, u64 + np.asarray(x), u8 + f16, i16 + f16, f16 + f32,
            u32 + f32, u8 + u16, i8 + i16, u64 + u8, u8 + True, f16 + i32, i8 + u32)
# CASE promotion_table: [1,2,100]
# CASE promotion_table: []


def wrapping_arithmetic(x, y):
    a = np.asarray(x, dtype=np.uint8)
    b = np.asarray(y, dtype=np.uint8)
    return a + b, a - b, a * b, a // b, a % b, a ** 2, -a, ~a, a & b, a | b, a ^ b, a << 1, a >> 1
# CASE wrapping_arithmetic: [200,3,255,0] [100,7,1,9]


def signed_wrapping(x):
    a = np.asarray(x, dtype=np.int8)
    return a + a, a * 3, np.abs(a), -a, a // 7, a % 7, np.sign(a), np.square(a), a >> 1
# CASE signed_wrapping: [-128,127,-5,0,100]


def python_scalars(x):
    a = np.asarray(x, dtype=np.uint8)
    return a + 1, a * 2, a - 250, a * 2.5, a / 2, a // 2, 3 - a, a ** 0.5, a == 3, a < 200.5
# CASE python_scalars: [200,3,255,0]


def python_int_out_of_range(x, k):
    a = np.asarray(x, dtype=np.uint8)
    return a + k
# CASE python_int_out_of_range: [1,2] 255
# CASE python_int_out_of_range: [1,2] 256 -> exit 3
# CASE python_int_out_of_range: [1,2] -1 -> exit 3


def int8_scalar_out_of_range(x):
    return np.asarray(x, dtype=np.int8) * 200
# CASE int8_scalar_out_of_range: [1] -> exit 3


def comparisons_and_logic(x, y):
    a = np.asarray(x, dtype=np.uint8)
    b = np.asarray(y, dtype=np.int8)
    return (a < b, a == b, a >= 3, np.logical_and(a, b), np.isnan(a.astype(np.float16)),
            np.maximum(a, b), np.minimum(a, b), np.where(a > 100, a, b), np.clip(a, 5, 250),
            np.array_equal(a, a), np.allclose(a, a), (a > 2).any(), a.all())
# CASE comparisons_and_logic: [200,3,7] [-3,5,-128]


def float16_arithmetic(x):
    h = np.asarray(x, dtype=np.float16)
    return (h, h * 2.0, h + np.float32(1), h + 1, h / 3, h - h[::-1], h * h, -h, np.abs(h),
            h.astype(np.float64), h.astype(np.float32), h ** 2, h // 1.5, h % 1.5)
# CASE float16_arithmetic: [1.5,2.1,-3.3,65504.0,0.0001]


def float16_overflow_to_inf(x):
    h = np.asarray(x, dtype=np.float16)
    return h * 2, h + 60000, np.exp(h)
# CASE float16_overflow_to_inf: [40000.0,-40000.0,12.0]


def float_only_ufuncs(x):
    u8 = np.asarray(x, dtype=np.uint8)
    i16 = np.asarray(x, dtype=np.int16)
    u32 = np.asarray(x, dtype=np.uint32)
    h = np.asarray(x, dtype=np.float16)
    b = u8 > 2
    return (np.sqrt(u8), np.exp(i16), np.log1p(u32), np.sin(h), np.tanh(u8), np.floor(u8),
            np.ceil(h), np.arctan2(u8, i16), np.sqrt(b), np.log(h + 1))
# CASE float_only_ufuncs: [1,2,9,4]


def true_division(x, y):
    u8 = np.asarray(x, dtype=np.uint8)
    i8 = np.asarray(y, dtype=np.int8)
    h = np.asarray(y, dtype=np.float16)
    return u8 / u8, u8 / i8, i8 / 2, h / h, h / u8, u8 / 2.0, u8 / h
# CASE true_division: [200,3,7] [-3,5,2]


def bools_in_int8_loops(x, y):
    a = np.asarray(x) > 0
    b = np.asarray(y) > 0
    return a // b, a % b, a ** b, a << b, a >> b, np.square(a), np.round(a), np.floor_divide(True, b)
# CASE bools_in_int8_loops: [1,0,1,1] [1,1,1,1]


def reductions(x):
    u8 = np.asarray(x, dtype=np.uint8)
    i8 = np.asarray(x, dtype=np.int8)
    u16 = np.asarray(x, dtype=np.uint16).reshape(2, 2)
    h = np.asarray(x, dtype=np.float16)
    return (u8.sum(), i8.sum(), u16.sum(axis=0), h.sum(), u8.prod(), np.cumsum(u8), np.cumprod(i8),
            u8.mean(), h.mean(), i8.var(), u8.std(), u8.max(), i8.min(), u8.argmax(), h.argmin(),
            u8.sum(dtype=np.float32), u8.sum(dtype=np.uint8), np.linalg.norm(u8), u16.max(axis=1),
            np.diff(u8), np.sort(i8), np.argsort(i8))
# CASE reductions: [200,100,3,7]
# CASE reductions: [-1,-2,127,128]


def shapes_and_indexing(x):
    img = np.asarray(x, dtype=np.uint8).reshape(2, 3)
    return (img.T, img.reshape(3, 2), img.flatten(), img[1], img[:, 1:], img[img > 100],
            img[[1, 0]], np.repeat(img, 2, axis=0), np.tile(img, 2), np.triu(img),
            np.pad(img, 1), np.split(img, 3, axis=1), np.expand_dims(img, 0), img[None].squeeze(0),
            np.concatenate([img, img]), np.stack([img, img]), np.vstack([img, img]), img.copy(),
            img[0, 2], np.nonzero(img), np.flatnonzero(img), img.shape, img.ndim, img.size)
# CASE shapes_and_indexing: [0,128,255,7,1,200]


def stores(x):
    a = np.asarray(x, dtype=np.uint8)
    a[0] = 255
    a[1:3] = np.array([1.9, -1.0])
    a[-1] += 10
    b = a.copy()
    b.fill(7)
    a += 250
    return a, b
# CASE stores: [1,2,3,4]


def store_out_of_range(x, v):
    a = np.asarray(x, dtype=np.uint8)
    a[0] = v
    return a
# CASE store_out_of_range: [1,2] 255
# CASE store_out_of_range: [1,2] 256 -> exit 3
# CASE store_out_of_range: [1,2] -1 -> exit 3


def inplace_float_into_uint8(x):
    a = np.asarray(x, dtype=np.uint8)
    a += 1.5
    return a
# CASE inplace_float_into_uint8: [1,2] -> exit 3


def creation():
    z = np.zeros(3, np.uint8)
    o = np.ones((2, 2), dtype=np.int8)
    f = np.full(2, 7, np.uint16)
    a = np.arange(5, dtype=np.uint8)
    e = np.eye(2, dtype=np.float16)
    l = np.linspace(0, 1, 5, dtype=np.float16)
    listed = np.array([1, 2, 255], dtype=np.uint8)
    z[1] = 200
    return (z, o, f, a, e, l, listed, np.zeros_like(a), np.ones_like(e), np.full_like(a, 9),
            np.uint8(200) + np.uint8(100), np.int8(-5), np.float16(0.1), np.uint16(7) * 3,
            np.empty(2, dtype=np.int16), np.asarray([1.5, 2.5], dtype="float16"))
# CASE creation:


def creation_out_of_range(v):
    return np.array([1, v], dtype=np.uint8)
# CASE creation_out_of_range: 255
# CASE creation_out_of_range: 256 -> exit 3


def scalar_constructor_out_of_range(v):
    return np.uint8(v)
# CASE scalar_constructor_out_of_range: 200
# CASE scalar_constructor_out_of_range: 300 -> exit 3
# CASE scalar_constructor_out_of_range: -1 -> exit 3


def conversions(x):
    f = np.asarray(x)
    return (f.astype(np.uint8), f.astype(np.int8), f.astype(np.int16), f.astype(np.uint16),
            f.astype(np.float16), f.astype(np.uint8).astype(np.float32), f.astype(np.int16).astype(np.uint8))
# CASE conversions: [0.0,1.9,-1.0,255.5,300.7,-200.7,1000.0]


def dtype_facts(x):
    a = np.asarray(x, dtype=np.uint8)
    h = a.astype(np.float16)
    return (a.dtype == np.uint8, h.dtype == np.float16, a.dtype == np.int8, np.iinfo(np.uint8).max,
            np.iinfo(np.int8).min, np.iinfo(np.int16).max, np.iinfo(np.uint32).max, np.iinfo(a.dtype).max,
            np.finfo(np.float16).eps, np.finfo(np.float16).max, np.finfo(h.dtype).tiny,
            float(a[0]), int(h[1]), bool(a[0]), len(a), str(a[0]), str(h[1]))
# CASE dtype_facts: [200,3]


def image_preprocess(x, mean, std):
    img = np.asarray(x, dtype=np.uint8).reshape(2, 2, 3)
    f = img.astype(np.float32) / 255.0
    f = (f - np.asarray(mean, dtype=np.float32)) / np.asarray(std, dtype=np.float32)
    back = np.clip(f * 64 + 128, 0, 255).astype(np.uint8)
    flipped = img[:, ::-1, :]
    gray = (img[..., 0] * 0.299 + img[..., 1] * 0.587 + img[..., 2] * 0.114).astype(np.uint8)
    return f, back, flipped, gray, img.mean(axis=(0, 1)), (img > 127).sum()
# CASE image_preprocess: [0,50,100,150,200,250,255,1,2,3,4,5] [0.5,0.5,0.5] [0.25,0.25,0.25]


def loop_carried_uint8(x, n):
    acc = np.zeros(len(x), dtype=np.uint8)
    a = np.asarray(x, dtype=np.uint8)
    for i in range(n):
        acc = acc + a
        if acc[0] > 100:
            acc[0] = 0
    total = 0
    for v in a:
        total += int(v)
    return acc, total
# CASE loop_carried_uint8: [60,7,200] 0
# CASE loop_carried_uint8: [60,7,200] 1
# CASE loop_carried_uint8: [60,7,200] 5


def matmul_and_dot(x):
    a = np.asarray(x, dtype=np.uint8).reshape(2, 2)
    h = a.astype(np.float16)
    i8 = a.astype(np.int8)
    return (a @ a, np.dot(a, a), h @ h, i8 @ a, np.outer(a[0], a[1]), a @ a.astype(np.float32),
            np.einsum("ij,jk->ik", a, a), np.einsum("ii", i8), np.einsum("ij,j->i", h, h[0]))
# CASE matmul_and_dot: [200,2,3,100]

