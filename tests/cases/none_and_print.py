"""None as a value and print (which writes to stderr, keeping stdout JSON)."""
import numpy as np


def returns_none(x):
    """A bare return gives null."""
    y = x + 1
    return


# CASE returns_none: [1,2]


def falls_off_the_end(x):
    """No return at all gives null."""
    y = x * 2


# CASE falls_off_the_end: 3


def none_in_tuple(x):
    """None inside a returned tuple."""
    return x, None, x * 2


# CASE none_in_tuple: [1.5]


def explicit_none():
    """return None."""
    return None


# CASE explicit_none:


def none_argument_default(x, mask=None):
    """A None default passed straight through."""
    return mask, x


# CASE none_argument_default: 2


def print_scalars(x, n):
    """print of Python numbers, strings and bools goes to stderr."""
    print("step", n, "loss", x)
    print(x * 2, n + 1, True, None)
    print(0.1 + 0.2)
    return x


# CASE print_scalars: 0.5 3
# CASE print_scalars: 1.25 -2


def print_with_sep(a, b):
    """print with sep= and end=."""
    print(a, b, sep=", ")
    print(a, end=" ")
    print(b)
    return a + b


# CASE print_with_sep: 1 2


def print_int_array(x):
    """print of an int array and of a NumPy scalar."""
    print(x)
    print(np.sum(x))
    return x.sum()


# CASE print_int_array: [1,2,3]
# CASE print_int_array: [[1,-2],[3,40]]


def print_float_array(x):
    """print of a float64 array uses NumPy's formatting."""
    print(x)
    print(x.shape)
    return x * 2


# CASE print_float_array: [0.5,1.0,2.25]


def print_is_a_statement(x):
    """print between computations does not disturb the result."""
    y = x @ x.T
    print("gram", y.shape)
    z = y.sum()
    print(z > 0)
    return y, z


# CASE print_is_a_statement: [[1.0,0.0],[2.0,1.0]]
