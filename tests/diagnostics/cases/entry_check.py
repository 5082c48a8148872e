# args: --entry forward
# PG0313: `check --entry` checks what `compile --entry` compiles.
import numpy as np
import matplotlib.pyplot as plt  # expect: PG0313 note


def forward(x):
    return np.tanh(x)


def plot(x):  # expect: PG0313 note
    plt.plot(x)
