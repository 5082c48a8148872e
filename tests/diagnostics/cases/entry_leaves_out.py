# args: compile --entry forward
# PG0313: with --entry, what the entry functions do not use (other
# functions, classes, module-level code, imports) is left out with a note,
# and the problems in it are not errors.
import numpy as np
import matplotlib.pyplot as plt  # expect: PG0313 note


class Trainer:  # expect: PG0313 note [class 'Trainer']
    def step(self):
        pass


def helper(x):
    return np.tanh(x)


def forward(x, w):
    return helper(x @ w)


def plot(losses):  # expect: PG0313 note [function 'plot' is not compiled]
    try:
        plt.plot(losses)
    except ValueError:
        pass


data = np.load("weights.npy")  # expect: PG0313 note
for epoch in range(3):  # expect: PG0313 note [module-level code]
    print(forward(data, np.eye(3)))


@decorate
def decorated_helper(x):  # expect: PG0313 note [function 'decorated_helper']
    return x
