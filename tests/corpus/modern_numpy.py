"""Functions in the style of current NumPy ML code: a Generator made from a
seed (np.random.default_rng) for initialisation, dropout, sampling and
augmentation, and uint8 images converted to float32 for the network.
Written for this corpus."""
import numpy as np


def he_init(n_in, n_out, seed=0):
    rng = np.random.default_rng(seed)
    W = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
    b = np.zeros(n_out)
    return W, b
# CASE he_init: 3 2
# CASE he_init: 4 5 12345


def dropout_forward(x, dropout_param):
    p, mode = dropout_param["p"], dropout_param["mode"]
    rng = np.random.default_rng(dropout_param.get("seed", 0))
    mask = None
    out = None
    if mode == "train":
        mask = (rng.random(x.shape) < p) / p
        out = x * mask
    elif mode == "test":
        out = x
    else:
        raise ValueError('Invalid forward dropout mode "%s"' % mode)
    cache = (dropout_param, mask)
    out = out.astype(x.dtype, copy=False)
    return out, cache
# CASE dropout_forward: [[1.0,2.0,3.0],[4.0,5.0,6.0]] {"p":0.5,"mode":"train","seed":3}
# CASE dropout_forward: [[1.0,2.0,3.0],[4.0,5.0,6.0]] {"p":0.8,"mode":"train"}
# CASE dropout_forward: [[1.0,2.0]] {"p":0.5,"mode":"test"}
# CASE dropout_forward: [[1.0,2.0]] {"p":0.5,"mode":"eval"} -> exit 3


def sample_tokens(logits, n, temperature=1.0, seed=0):
    rng = np.random.default_rng(seed)
    tokens = []
    for _ in range(n):
        z = logits / temperature
        p = np.exp(z - np.max(z))
        p = p / np.sum(p)
        ix = rng.choice(len(p), p=p)
        tokens.append(int(ix))
        logits = logits + 0.1 * (np.arange(len(logits)) == ix)
    return tokens
# CASE sample_tokens: [1.0,2.0,0.5,-1.0] 0
# CASE sample_tokens: [1.0,2.0,0.5,-1.0] 1
# CASE sample_tokens: [1.0,2.0,0.5,-1.0] 8 0.7 42


def random_crop_flip(img, size, seed=0):
    rng = np.random.default_rng(seed)
    h, w = img.shape[:2]
    top = rng.integers(0, h - size + 1)
    left = rng.integers(0, w - size + 1)
    crop = img[top:top + size, left:left + size]
    if rng.random() < 0.5:
        crop = crop[:, ::-1]
    return crop
# CASE random_crop_flip: [[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]] 2
# CASE random_crop_flip: [[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]] 3 7
# CASE random_crop_flip: [[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]] 4 1


def preprocess_uint8(pixels, mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225)):
    img = np.asarray(pixels, dtype=np.uint8)
    x = img.astype(np.float32) / 255.0
    x = (x - np.array(mean, dtype=np.float32)) / np.array(std, dtype=np.float32)
    return x.transpose(2, 0, 1)
# CASE preprocess_uint8: [[[0,128,255],[10,20,30]],[[255,255,255],[0,0,0]]]


def to_uint8(x):
    x = x - x.min()
    if x.max() > 0:
        x = x / x.max()
    return (x * 255).round().astype(np.uint8)
# CASE to_uint8: [[0.0,0.5],[1.0,2.0]]
# CASE to_uint8: [[3.0,3.0]]


def brighten(img, delta):
    img = np.asarray(img, dtype=np.uint8)
    out = img.astype(np.int16) + delta
    return np.clip(out, 0, 255).astype(np.uint8), img + np.uint8(delta)
# CASE brighten: [[250,10],[128,0]] 10
# CASE brighten: [[250,10],[128,0]] 0
