# PG0113 imports other than numpy and math.
import numpy as np
import math
import os  # expect: PG0113
import torch.nn as nn  # expect: PG0113
from numpy import zeros  # expect: PG0113


def f(x):
    return np.exp(x) + math.pi
