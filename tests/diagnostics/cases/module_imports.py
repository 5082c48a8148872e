# PG0113: compiled code uses a module other than numpy, math and builtins,
# or a star import. An import nothing compiled uses is left out with a note
# (PG0313); from-imports of numpy, math and builtins bind their names.
import numpy as np
import math
import os  # expect: PG0313 note [module 'os']
import torch.nn as nn
from numpy import zeros
from math import sqrt as root
from builtins import range
from os.path import join  # expect: PG0313 note ['join' from module 'os.path']
from numpy import *  # expect: PG0113 [from numpy import NAME]


def f(x):
    total = np.exp(x) + math.pi + zeros(2) + root(2.0)
    for i in range(2):
        total = total + i
    return total


def g(x):
    return nn.relu(x)  # expect: PG0113 ['nn' is module 'torch.nn' (imported on line 7)]
