"""Lists and dicts as public NumPy code writes them: `xs = []` grown by
append in loops, list displays, comprehensions (over range, arrays, zip,
enumerate, dicts; with filters; nested), generator expressions fed to
sum/any/all/max, len/indexing/slicing/iteration, `in`, sorted/reversed,
np.array(xs) / np.stack(xs) / np.concatenate(xs); dicts with string keys
(displays, d[k], d[k] = v, get, setdefault, update, `in`, keys/values/items,
dicts as parameters and results), lambdas as key= or bound to a name."""
import numpy as np


def collect(n):
    """append in a loop run 0, 1 and many times."""
    xs = []
    for i in range(n):
        xs.append(i * i)
    return xs, len(xs)


# CASE collect: 0
# CASE collect: 1
# CASE collect: 5


def squares_over_threshold(x, threshold):
    """A comprehension with a filter over an array's rows; np.array of it."""
    kept = [v * 2.0 for v in x if v > threshold]
    return np.array(kept, dtype=np.float64), len(kept)


# CASE squares_over_threshold: [1.0,5.0,3.0,7.0] 2.5
# CASE squares_over_threshold: [1.0,2.0] 9.0
# CASE squares_over_threshold: [] 0.0


def stacked_rows(x):
    """np.stack / np.concatenate of lists built by comprehensions."""
    rows = [x[i] * (i + 1) for i in range(x.shape[0])]
    pairs = [np.concatenate([r, r]) for r in rows]
    return np.stack(rows), np.concatenate(pairs), np.vstack(pairs)


# CASE stacked_rows: [[1.0,2.0],[3.0,4.0],[5.0,6.0]]
# CASE stacked_rows: [[1.5,-2.0]]


def nested(n, m):
    """A nested comprehension, two for clauses, and a list of lists."""
    grid = [[i * m + j for j in range(m)] for i in range(n)]
    flat = [v for row in grid for v in row if v % 2 == 0]
    return np.array(grid).reshape(n, m), flat


# CASE nested: 2 3
# CASE nested: 3 1
# CASE nested: 1 4


def pairs(a, b):
    """zip and enumerate in comprehensions; the loop variables stay local."""
    i = 100
    prods = [x * y for x, y in zip(a, b)]
    indexed = [(i, float(v)) for i, v in enumerate(a) if v > 0]
    return sum(prods), indexed, i


# CASE pairs: [1.0,-2.0,3.0] [4.0,5.0,6.0]
# CASE pairs: [-1.0] [2.0]


def generators(x):
    """Generator expressions fed to sum, any, all, max, min."""
    total = sum(v * v for v in x)
    positive = any(v > 0 for v in x)
    all_small = all(abs(v) < 10 for v in x)
    return total, positive, all_small, max(float(v) for v in x), min(float(v) for v in x)


# CASE generators: [1.0,-2.0,3.0]
# CASE generators: [-5.0]
# CASE generators: [] -> exit 3


def list_ops(n):
    """Indexing, negative indexing, slicing, +, *, in, extend, insert, pop, reverse."""
    xs = [1, 2, 3]
    xs.extend(range(n))
    xs.insert(0, -1)
    last = xs.pop()
    first = xs.pop(0)
    ys = xs[1:] + [10] * 2
    ys.reverse()
    return xs[-1], ys, 3 in xs, 42 not in ys, last, first, list(range(2, n))


# CASE list_ops: 3
# CASE list_ops: 1


def list_errors(i):
    """IndexError, pop from an empty list, and ValueError from max([])."""
    xs = [1.0, 2.0]
    if i == 9:
        empty = []
        return empty.pop()
    if i == 8:
        return max([])
    return xs[i]


# CASE list_errors: 1
# CASE list_errors: -2
# CASE list_errors: 2 -> exit 3
# CASE list_errors: 9 -> exit 3
# CASE list_errors: 8 -> exit 3


def reversed_loops(x):
    """for t in reversed(range(n)), as min-char-rnn's backward pass writes it."""
    out = []
    for t in reversed(range(len(x))):
        out.append(x[t] * t)
    back = [v for v in reversed(out)]
    return out, back


# CASE reversed_loops: [1.0,2.0,3.0]
# CASE reversed_loops: [4.0]
# CASE reversed_loops: []


def sorting(x):
    """sorted with key= lambdas, reverse; max/min with key=; list.sort."""
    xs = [float(v) for v in x]
    by_abs = sorted(xs, key=lambda v: abs(v))
    desc = sorted(xs, reverse=True)
    far = max(xs, key=lambda v: abs(v - 1.0))
    near = min(xs, key=lambda v: abs(v - 1.0))
    xs.sort(key=lambda v: -v)
    order = sorted(range(len(xs)), key=lambda i: x[i])
    return by_abs, desc, far, near, xs, order


# CASE sorting: [3.0,-4.0,1.0,0.5]
# CASE sorting: [2.0]
# CASE sorting: [1.0,1.0,-1.0]


def lambda_bound(x, alpha):
    """A lambda bound to a name and called, reading an enclosing name."""
    leaky = lambda v: np.where(v > 0, v, alpha * v)
    square = lambda a, b: a * a + b
    return leaky(x), square(alpha, 1.0)


# CASE lambda_bound: [-1.0,2.0] 0.1
# CASE lambda_bound: [0.5] 0.3


def build_config(lr, momentum):
    """A dict display, d[k] = v, get with and without a default, setdefault,
    update, `in`, len, keys/values/items, iteration over the keys."""
    config = {"learning_rate": lr}
    config["momentum"] = momentum
    config.setdefault("decay", 0.9)
    config.setdefault("learning_rate", 1.0)
    config.update({"eps": 1e-8})
    names = [k for k in config]
    total = 0.0
    for k, v in config.items():
        if k != "eps":
            total += v
    return config, names, total, config.get("missing"), config.get("beta", 0.5), "eps" in config, len(config), list(config.values())


# CASE build_config: 0.01 0.9
# CASE build_config: 1.0 0.0


def sgd_momentum(w, dw, config):
    """CS231n's optimizer: a dict parameter (a JSON object), get with an
    array default, and the config returned with the new velocity."""
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    v = config["momentum"] * v - config["learning_rate"] * dw
    next_w = w + v
    config["velocity"] = v
    return next_w, config


# CASE sgd_momentum: [1.0,2.0] [0.5,-0.5] {}
# CASE sgd_momentum: [1.0,2.0] [0.5,-0.5] {"learning_rate":0.1,"velocity":[1.0,1.0]}


def key_errors(d, key):
    """A missing key is CPython's KeyError; a list key is unhashable."""
    if key == "list":
        return d[[1]]
    return d[key]


# CASE key_errors: {"a":1} "a"
# CASE key_errors: {"a":1} "b" -> exit 3
# CASE key_errors: {"a":1} "list" -> exit 3


def caches(x, n):
    """min-char-rnn's per-step caches: dicts keyed by int, filled in a loop,
    read back in a reversed loop."""
    hs = {}
    hs[-1] = np.zeros_like(x)
    for t in range(n):
        hs[t] = np.tanh(hs[t - 1] + x * (t + 1))
    grads = []
    for t in reversed(range(n)):
        grads.append(float(np.sum(hs[t] - hs[t - 1])))
    return hs[n - 1], grads, len(hs)


# CASE caches: [0.1,-0.2] 3
# CASE caches: [0.5] 1
# CASE caches: [0.5] 0


def dict_comprehension(names, x):
    """A dict comprehension over zip of a tuple and an array."""
    stats = {name: float(v) for name, v in zip(names, x)}
    return stats, sorted(stats, key=lambda k: stats[k])


# CASE dict_comprehension: "abc" [3.0,1.0,2.0]


def equality(a, b):
    """== between lists, tuples and dicts, as Python compares them."""
    return [a, b] == [a, b], [a] == (a,), {"k": a} == {"k": a}, {"k": a} != {"k": b}, [1, 2] < [1, 3]


# CASE equality: 1 2
# CASE equality: 3 3


def printing(x):
    """print of lists and dicts."""
    xs = [1, 2.5, "a", None, True]
    d = {"x": 1, 2: [3, 4]}
    print(xs, d, [], {})
    print(f"{xs} and {d!r}")
    return str(xs)


# CASE printing: 0


def list_index_and_str_order(x, words):
    """A list as an index is NumPy's integer-array index (a tuple would be a
    multi-index); str values order as Python orders them."""
    picked = x[[0, 2]]
    rows = x[[1]]
    ordered = sorted(words.split())
    return picked, rows, ordered, "b" < "ab", min(ordered), "Z" <= "a"


# CASE list_index_and_str_order: [1.0,2.0,3.0] "pear\u0020apple\u0020Fig"
# CASE list_index_and_str_order: [5,6,7] "b"
# CASE list_index_and_str_order: [5.0] "a" -> exit 3
