"""FINDINGS B2: a float constant expression that overflows is folded to inf
at compile time; CPython raises OverflowError (34, 'Numerical result out of
range') when the line runs. (`t ** 2000` with t = 2.0 passed at run time
raises correctly.)"""


def big():
    d = 2.0 ** 2000
    return d


# CASE big: -> exit 3
