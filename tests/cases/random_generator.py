"""np.random.default_rng(seed) as ML code uses it: the same numbers as NumPy
(PCG64 seeded through SeedSequence) for the same int seed, with NumPy's
dtypes, shapes and scalar results. Draws in sequence, in loops run 0, 1 and
many times, in both branches of an if and in its condition, in expressions,
comprehensions and for iterables; random, standard_normal, normal, uniform,
integers (low/high/size/endpoint) and choice (with and without p, from an
int or a 1-D array); NumPy's ValueErrors for bad arguments (exit 3)."""
import numpy as np


def first_draws(seed):
    """One of each draw right after seeding: seeds 0, 1, 12345, 2**40."""
    rng = np.random.default_rng(seed)
    u = rng.random()
    z = rng.standard_normal(4)
    k = rng.integers(0, 10, size=5)
    return u, z, k


# CASE first_draws: 0
# CASE first_draws: 1
# CASE first_draws: 12345
# CASE first_draws: 1099511627776


def typical_init(seed, n_in, n_out):
    """Weights, biases and a batch as model code draws them."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
    b = rng.uniform(-0.1, 0.1, size=n_out)
    x = rng.normal(0.0, 1.0, (2, n_in))
    return w, b, x @ w + b


# CASE typical_init: 0 3 4
# CASE typical_init: 42 1 1


def shapes_and_scalars(seed):
    """size=None gives Python floats (np.int64 from integers); () a 0-d array."""
    rng = np.random.default_rng(seed)
    a = rng.random()
    b = rng.random(())
    c = rng.standard_normal()
    d = rng.standard_normal((2, 3))
    e = rng.integers(5)
    f = rng.integers(3, size=())
    g = rng.normal()
    h = rng.uniform()
    return a, b, c, d, e, f, g, h, rng.random(0)


# CASE shapes_and_scalars: 7


def several_in_one_statement(seed):
    """Draws of one expression run left to right, arguments first."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(3) * 0.5 + rng.random(3)
    y = rng.normal(rng.random(), 2.0, size=2)
    rng.random()  # a draw whose numbers are dropped still advances the stream
    return x, y, rng.integers(0, 100)


# CASE several_in_one_statement: 3


def loop_draws(seed, n):
    """A loop carries the generator: 0, 1 and many iterations."""
    rng = np.random.default_rng(seed)
    total = 0.0
    xs = []
    for i in range(n):
        xs.append(rng.random())
        total += rng.standard_normal() * i
    return np.array(xs), total, rng.random()


# CASE loop_draws: 0 0
# CASE loop_draws: 0 1
# CASE loop_draws: 5 6


def while_draws(seed, limit):
    """Draws in a while body until a running sum passes a limit."""
    rng = np.random.default_rng(seed)
    total = 0.0
    count = 0
    while total < limit:
        total += rng.random()
        count += 1
    return total, count, rng.integers(0, 1000)


# CASE while_draws: 1 0.0
# CASE while_draws: 1 0.5
# CASE while_draws: 1 5.0


def branch_draws(seed, flag):
    """Different draws in the two branches; the stream goes on after."""
    rng = np.random.default_rng(seed)
    if flag:
        a = rng.random(2)
    else:
        a = rng.standard_normal(3)[:2]
    return a, rng.integers(100)


# CASE branch_draws: 2 true
# CASE branch_draws: 2 false


def draw_in_condition(seed, p):
    """A draw in an if condition (dropout-style keep decisions)."""
    rng = np.random.default_rng(seed)
    kept = 0
    for i in range(8):
        if rng.random() < p:
            kept += 1
        elif rng.random() < 0.5:
            kept -= 1
    return kept, rng.random()


# CASE draw_in_condition: 11 0.0
# CASE draw_in_condition: 11 0.5
# CASE draw_in_condition: 11 1.0


def dropout_mask(seed, x, p):
    """The inverted-dropout mask."""
    rng = np.random.default_rng(seed)
    mask = (rng.random(x.shape) >= p) / (1.0 - p)
    return x * mask


# CASE dropout_mask: 3 [[1.0,2.0,3.0],[4.0,5.0,6.0]] 0.5


def comprehension_and_for(seed):
    """Draws in a comprehension and as a for loop's iterable."""
    rng = np.random.default_rng(seed)
    xs = [rng.random() for _ in range(3)]
    total = 0.0
    for v in rng.standard_normal(4):
        total += v
    return np.array(xs), total


# CASE comprehension_and_for: 9


def fresh_generator(seed):
    """A generator no name keeps: only its draws."""
    return np.random.default_rng(seed).random(3), np.random.default_rng(seed).random(3)


# CASE fresh_generator: 0


def sample_from_helper(seed, n):
    """A helper that makes its own generator from a seed."""
    return make_noise(seed, n) + make_noise(seed + 1, n)


def make_noise(seed, n):
    rng = np.random.default_rng(seed)
    return rng.standard_normal(n)


# CASE sample_from_helper: 4 3


def integers_forms(seed):
    """integers: high=None is [0, low); endpoint=True includes high; large ranges."""
    rng = np.random.default_rng(seed)
    a = rng.integers(10, size=6)
    b = rng.integers(-5, 5, size=(2, 3))
    c = rng.integers(0, 1, size=3)
    d = rng.integers(1, 6, size=8, endpoint=True)
    e = rng.integers(0, 2**40, size=3)
    f = rng.integers(-(2**62), 2**62, size=2)
    g = rng.integers(0, 2**32 - 1, size=2, endpoint=True)
    h = rng.integers(low=2, high=4)
    return a, b, c, d, e, f, g, h


# CASE integers_forms: 0
# CASE integers_forms: 12345


def dtypes(seed):
    """dtype=: float32 uniforms (24-bit draws), int32 integers, explicit float64."""
    rng = np.random.default_rng(seed)
    a = rng.random(3, dtype=np.float32)
    b = rng.random(dtype=np.float32)
    c = rng.integers(0, 2**31, size=3, dtype=np.int32)
    d = rng.integers(5, dtype=np.int32)
    e = rng.standard_normal(2, dtype=np.float64)
    f = rng.random((2, 2))
    return a, b, c, d, e, f


# CASE dtypes: 0
# CASE dtypes: 99


def int32_bounds(seed, low):
    rng = np.random.default_rng(seed)
    return rng.integers(low, 0, size=2, dtype=np.int32)


# CASE int32_bounds: 0 -2147483648
# CASE int32_bounds: 0 -2147483649 -> exit 3


def unsupported_dtype(seed):
    rng = np.random.default_rng(seed)
    return rng.random(2, dtype=np.int64)


# CASE unsupported_dtype: 0 -> exit 3


def integers_bad(seed, low, high, endpoint):
    rng = np.random.default_rng(seed)
    return rng.integers(low, high, size=2, endpoint=endpoint)


# CASE integers_bad: 0 5 5 true
# CASE integers_bad: 0 5 5 false -> exit 3
# CASE integers_bad: 0 5 3 true -> exit 3
# CASE integers_bad: 0 0 0 false -> exit 3


def integers_high_none_bad(seed, low):
    rng = np.random.default_rng(seed)
    return rng.integers(low)


# CASE integers_high_none_bad: 0 3
# CASE integers_high_none_bad: 0 0 -> exit 3


def choice_forms(seed):
    """choice from an int and from 1-D arrays, with and without p."""
    rng = np.random.default_rng(seed)
    a = rng.choice(5)
    b = rng.choice(5, size=4)
    c = rng.choice(np.array([1.5, 2.5, 3.5]), size=(2, 2))
    d = rng.choice(4, p=[0.1, 0.2, 0.3, 0.4])
    e = rng.choice(3, size=6, p=np.array([0.5, 0.0, 0.5]))
    f = rng.choice([10, 20, 30], 3, True, [0.2, 0.2, 0.6])
    g = rng.choice(np.arange(4) * 2)
    h = rng.choice(0, size=0)
    return a, b, c, d, e, f, g, h


# CASE choice_forms: 0
# CASE choice_forms: 2


def choice_with_probs(seed, p):
    rng = np.random.default_rng(seed)
    return rng.choice(len(p), size=5, p=p)


# CASE choice_with_probs: 1 [0.25,0.25,0.5]
# CASE choice_with_probs: 1 [1.0]
# CASE choice_with_probs: 1 [0.5,0.6] -> exit 3
# CASE choice_with_probs: 1 [1.5,-0.5] -> exit 3


def choice_checks(seed, n, p):
    rng = np.random.default_rng(seed)
    return rng.choice(n, p=p)


# CASE choice_checks: 1 3 [0.5,0.5] -> exit 3
# CASE choice_checks: 1 0 [] -> exit 3
# CASE choice_checks: 1 2 [[0.5,0.5]] -> exit 3


def normal_uniform_arrays(seed, loc, scale):
    """Array loc/scale and low/high broadcast, drawn in C order."""
    rng = np.random.default_rng(seed)
    a = rng.normal(loc, scale)
    b = rng.normal(loc, 1.0, size=(2, 3))
    c = rng.uniform(loc, loc + scale)
    return a, b, c


# CASE normal_uniform_arrays: 0 [0.0,10.0,-5.0] [1.0,0.5,2.0]
# CASE normal_uniform_arrays: 0 [0.0,1.0,2.0] [1.0,-1.0,1.0] -> exit 3


def mismatched_parameters(seed, loc, scale, n):
    """NumPy's shape mismatch between loc, scale and size."""
    rng = np.random.default_rng(seed)
    return rng.normal(loc, scale, size=n)


# CASE mismatched_parameters: 0 [0.0,1.0,2.0] [1.0,2.0,3.0] 3
# CASE mismatched_parameters: 0 [0.0,1.0,2.0] [1.0,2.0] 3 -> exit 3
# CASE mismatched_parameters: 0 [0.0,1.0,2.0] [1.0,2.0,3.0] 2 -> exit 3


def bad_scale(seed, scale):
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, scale, size=3)


# CASE bad_scale: 0 0.0
# CASE bad_scale: 0 -1.0 -> exit 3


def bad_uniform(seed, high):
    rng = np.random.default_rng(seed)
    return rng.uniform(-high, high)


# CASE bad_uniform: 0 1e307
# CASE bad_uniform: 0 1e308 -> exit 3


def bad_size(seed, n):
    rng = np.random.default_rng(seed)
    return rng.random(n)


# CASE bad_size: 0 2
# CASE bad_size: 0 -1 -> exit 3


def bad_seed(seed):
    rng = np.random.default_rng(seed)
    return rng.random()


# CASE bad_seed: 5
# CASE bad_seed: -1 -> exit 3
# CASE bad_seed: 1.5 -> exit 3
