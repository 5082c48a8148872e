# PG0007 TabError: tabs and spaces mixed so that the meaning depends on the
# tab width (a tab here is one level for tree-sitter, eight columns for CPython).
import numpy as np


def relu(x):
    if np.min(x) < 0.0:
        x = np.maximum(x, 0.0)
	return x  # expect: PG0007 [TabError: inconsistent use of tabs and spaces in indentation]
