# PG0006 IndentationError: a dedent to a column no enclosing block uses.
import numpy as np


def clip(x, limit):
    if np.max(x) > limit:
        y = np.minimum(x, limit)
      y = y * 0.5  # expect: PG0006 [IndentationError: unindent does not match any outer indentation level]
    return y
