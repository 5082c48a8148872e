# Clean: layouts CPython accepts that a naive line-by-line reading would
# trip over: continuation lines inside brackets and after a backslash,
# comments and blank lines at any indentation, a docstring whose lines are
# indented oddly, a one-line if, and a body indented with tabs only.
import numpy as np


def weighted(x,
        w,
  bias=0.0):
    """Weighted sum.

  The docstring may be indented any way.
            """
    total = (np.sum(x * w)
+ bias)
# a comment at column 1
        # and one indented deeper

    scaled = total * \
  2.0
    if scaled > 0.0: scaled = scaled - 1.0
    return scaled


def tabbed(x):
	if x > 0.0:
		return x
	return -x
