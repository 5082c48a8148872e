# PG0301 undefined names, PG0302 unknown functions, PG0303 unknown NumPy
# functions (with a "did you mean" suggestion), PG0304 unknown methods,
# PG0310 unknown module attributes.
import numpy as np
import math


def dense(x, weight):
    return x @ wieght  # expect: PG0301 [did you mean 'weight']


def act(x):
    return sigmoid(x)  # expect: PG0302


def act2(x):
    return np.tanhh(x)  # expect: PG0303 [did you mean 'np.tanh']


def act3(x):
    return np.softmax(x)  # expect: PG0303


def norm(x):
    return x.nrom()  # expect: PG0304


def tau(x):
    return x * math.tau2  # expect: PG0310


def scale(x, factor):
    return x * factor


def use_scale(x):
    return scal(x, 2.0)  # expect: PG0302 [did you mean 'scale']


def mean_all(x):
    return np.maen(x)  # expect: PG0303 [did you mean 'np.mean']
