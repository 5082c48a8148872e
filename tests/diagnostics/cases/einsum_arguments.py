# np.einsum's arguments known wrong at compile time: no operand at all
# (NumPy's ValueError "must specify the einstein sum subscripts string and at
# least one operand"), a keyword it does not take; a bad subscripts string is
# a run-time ValueError (tests/cases/einsum.py), as in NumPy.
import numpy as np


def no_operands():
    return np.einsum("ij")  # expect: PG0305 [missing the required argument 'operands']


def unknown_keyword(a, b):
    return np.einsum("ij,jk->ik", a, b, optimise=True)  # expect: PG0306 [did you mean 'optimize']


def fine(a, b):
    return np.einsum("ij,jk->ik", a, b, optimize="greedy")
