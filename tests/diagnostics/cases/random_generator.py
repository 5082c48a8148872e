import numpy as np


# NumPy's global random state stays out: it suggests a seeded generator.
def legacy_seed(x):
    np.random.seed(0)  # expect: PG0303 [rng = np.random.default_rng(seed)]
    return x


def legacy_rand(x):
    return x * np.random.rand(3)  # expect: PG0303 [rng = np.random.default_rng(seed)]


def legacy_randn(x):
    return np.random.randn(2, 3) + x  # expect: PG0303 [global random state]


# A generator needs a reproducible seed: a non-negative int.
def unseeded(x):
    rng = np.random.default_rng()  # expect: PG0314 [without a seed]
    return x


def seeded_with_none(x):
    rng = np.random.default_rng(None)  # expect: PG0314 [operating system]
    return x


def negative_seed(x):
    rng = np.random.default_rng(-3)  # expect: PG0314 [non-negative int]
    return x


def float_seed(x):
    rng = np.random.default_rng(seed=1.5)  # expect: PG0314 [non-negative int]
    return x


# Two names for one generator: drawing from one advances the other in Python.
def two_names(seed):
    rng = np.random.default_rng(seed)
    other = rng
    a = other.random(3)  # expect: PG0401 [drawing from 'other' also advances 'rng']
    b = rng.random(3)
    return a, b


# A function of the file that draws from a generator its caller passes: the
# caller's generator would not advance in pygraft.
def noise(rng, n):
    return rng.standard_normal(n)  # expect: PG0401 [the generator the caller passed as 'rng' of 'noise']


def two_noises(seed):
    rng = np.random.default_rng(seed)
    return noise(rng, 2), noise(rng, 2)


# Draws evaluated only on some paths or again each iteration.
def draw_in_while_condition(seed):
    rng = np.random.default_rng(seed)
    n = 0
    while rng.random() < 0.9:  # expect: PG0214 [a while condition]
        n += 1
    return n


def draw_in_conditional_expression(seed, flag):
    rng = np.random.default_rng(seed)
    return rng.random() if flag else rng.standard_normal()  # expect: PG0214 [only on some paths]


def draw_after_and(seed, flag):
    rng = np.random.default_rng(seed)
    return flag and rng.random() > 0.5  # expect: PG0214 [only on some paths]


def draw_from_list_item(seed):
    gens = [np.random.default_rng(seed)]
    return gens[0].random()  # expect: PG0214 [held in a list]


def unknown_keyword(seed, buf):
    rng = np.random.default_rng(seed)
    return rng.random(3, out=buf)  # expect: PG0306 ['out']
