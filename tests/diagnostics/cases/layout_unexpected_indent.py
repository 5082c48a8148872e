# PG0006 IndentationError: a line indented deeper than the one before it,
# which does not end with ':'. CPython refuses the file (tree-sitter alone
# would guess a meaning); only the first layout problem is reported, as
# CPython reports it.
import numpy as np


def scale(x, factor):
    y = x * factor
        z = y + 1.0  # expect: PG0006 [IndentationError: unexpected indent]
    return z
