"""Imports as public NumPy code writes them: from-imports of numpy, math and
builtins bind their names (also aliased, also numpy's submodules), and
imports of other modules that compiled code does not use are left out with
a note instead of an error."""
from __future__ import print_function

import os
from builtins import range
from collections import OrderedDict
from math import exp as math_exp
from math import pi, sqrt

import numpy as np
import numpy.linalg as la
from numpy import float32, linalg, newaxis, zeros


def from_imports(x, n):
    """zeros, sqrt, exp (aliased), pi and range through their from-imports."""
    total = zeros(n) + x
    for i in range(n):
        total[i] += sqrt(i) + math_exp(-i) * pi
    return total


# CASE from_imports: 0.5 3
# CASE from_imports: [1.0,2.0] 2
# CASE from_imports: 1.0 0


def dtypes_and_newaxis(x):
    """A from-imported dtype and np.newaxis as NumPy code uses them."""
    y = np.asarray(x, dtype=float32)
    return y[:, newaxis] * y[newaxis, :], zeros(2, dtype=float32)


# CASE dtypes_and_newaxis: [1.0,2.0,3.0]
# CASE dtypes_and_newaxis: [0.5]


def submodules(x):
    """numpy.linalg imported as a module name, either way."""
    return linalg.norm(x), la.norm(x, axis=0)


# CASE submodules: [[3.0,4.0],[0.0,1.0]]


def shadowed(x, zeros):
    """A local or a parameter with an imported name hides the import."""
    sqrt = x * 2
    for pi in range(2):
        sqrt = sqrt + pi
    return sqrt + zeros


# CASE shadowed: 1.5 2
# CASE shadowed: [1.0,2.0] 0.5


def unused_imports_are_fine(x):
    """os and OrderedDict are imported above, and nothing compiled uses them."""
    if x > 0:
        return np.abs(x) * 2
    return -x


# CASE unused_imports_are_fine: 3
# CASE unused_imports_are_fine: -1.5
