# PG0006 IndentationError: a header line ending with ':' with no indented
# block after it; reported at the line that should have been indented, with
# CPython's wording (the kind of statement and its line).
import numpy as np


def first_positive(x):
    for v in x:
    if v > 0.0:  # expect: PG0006 [IndentationError: expected an indented block after 'for' statement on line 8]
            return v
    return 0.0
