"""Strings as values (parameters, defaults, comparisons, `in` a tuple),
strings built with %, str.format, str() and +, and `raise` of builtin
exceptions with their messages, as public NumPy code writes them."""
import numpy as np

MODES = ("train", "test")


def forward(x, mode="train"):
    """The CS231n-style mode switch: both branches and the raise."""
    if mode == "train":
        out = x * 2.0
    elif mode == "test":
        out = x
    else:
        raise ValueError('Invalid forward mode "%s"' % mode)
    return out


# CASE forward: [1.0,2.0]
# CASE forward: [1.0,2.0] "test"
# CASE forward: 3.5 "bogus" -> exit 3


def check_mode(mode):
    """`in` / `not in` a tuple of strings, a module constant among them."""
    if mode not in ("train", "test", "eval"):
        raise NotImplementedError
    return mode in MODES, mode != "eval", mode == MODES[0]


# CASE check_mode: "train"
# CASE check_mode: "eval"
# CASE check_mode: "predict" -> exit 3


def activation(x, kind):
    """A string parameter picks the function; unknown kinds raise."""
    if kind == "relu":
        return np.maximum(x, 0)
    if kind == "tanh":
        return np.tanh(x)
    raise ValueError("unknown activation: " + kind)


# CASE activation: [-1.0,0.5] "relu"
# CASE activation: [-1.0,0.5] "tanh"
# CASE activation: [-1.0,0.5] "gelu" -> exit 3


def percent_messages(loss, step, name):
    """printf-style formatting of numbers and strings."""
    a = "step %d: loss %.4f (%s)" % (step, loss, name)
    b = "%5.1f|%-6s|%+d|%05d|%x|%e|%g|%%" % (loss, name, step, step, step, loss, loss)
    c = "%s" % loss
    d = "%r and %s" % (name, step)
    return a, b, c, d


# CASE percent_messages: 0.123456 7 "relu"
# CASE percent_messages: 1234.5 -3 "x"
# CASE percent_messages: 1e-07 0 ""


def brace_messages(loss, step, name):
    """str.format with auto and numbered fields, specs and conversions."""
    a = "{} {}".format(step, name)
    b = "{1}-{0}-{1}".format(step, name)
    c = "{:.3f}|{:>8}|{:<6}|{:^7}|{:+d}|{:,}".format(loss, name, step, name, step, 1234567)
    d = "{!r}|{:08.2f}|{:.2%}|{:e}|{{literal}}".format(name, loss, loss, loss)
    return a, b, c, d


# CASE brace_messages: 0.5 3 "ab"
# CASE brace_messages: -12.3456 -40 "longer_name"


def str_of_values(x, n):
    """str() of numbers, NumPy scalars and arrays; + and * on strings."""
    s = str(n) + "/" + str(float(n)) + "/" + str(np.sum(x)) + "/" + str(x)
    return s, "ab" * 3, 2 * "-", str(True), str(None)


# CASE str_of_values: [1.5,2.0] 4
# CASE str_of_values: [[1.0,2.0],[3.0,4.0]] -2


def strings_in_a_loop(n):
    """A string carried through a loop, rebuilt each iteration."""
    s = ""
    for i in range(n):
        s = s + str(i)
        if len(s) > 5:
            break
    return s, len(s)


# CASE strings_in_a_loop: 0
# CASE strings_in_a_loop: 1
# CASE strings_in_a_loop: 12


def raise_forms(x):
    """raise with no message, a message, several arguments, `from None`."""
    if x == 0:
        raise ZeroDivisionError
    if x == 1:
        raise RuntimeError("bad value", x)
    if x == 2:
        raise TypeError("expected %s, got %d" % ("array", x)) from None
    if x == 3:
        raise KeyError("missing")
    return x


# CASE raise_forms: 5
# CASE raise_forms: 0 -> exit 3
# CASE raise_forms: 1 -> exit 3
# CASE raise_forms: 2 -> exit 3
# CASE raise_forms: 3 -> exit 3


def raise_in_loop(xs):
    """A raise inside a loop, taken on some iteration or never."""
    total = 0.0
    for x in xs:
        if x < 0:
            raise ValueError("negative value %s" % x)
        total += x
    return total


# CASE raise_in_loop: []
# CASE raise_in_loop: [1.0]
# CASE raise_in_loop: [1.0,2.0,3.0]
# CASE raise_in_loop: [1.0,-2.0,3.0] -> exit 3


def format_errors(x):
    """Formatting errors are Python's."""
    if x == 0:
        return "%d %d" % (1,)
    if x == 1:
        return "%d" % (1, 2)
    if x == 2:
        return "%d" % "text"
    return "{} {}".format(1)


# CASE format_errors: 0 -> exit 3
# CASE format_errors: 1 -> exit 3
# CASE format_errors: 2 -> exit 3
# CASE format_errors: 3 -> exit 3


def fstring_messages(loss, step, name):
    """f-strings: the str.format calls they mean."""
    if step < 0:
        raise ValueError(f"step must be non-negative, got {step} for {name!r}")
    return f"step {step:>4d}: loss={loss:.3e} [{name}] {{done}}", f"{loss * 2}" "|" f"{step}"


# CASE fstring_messages: 0.25 12 "adam"
# CASE fstring_messages: 1e10 0 "sgd"
# CASE fstring_messages: 0.5 -1 "sgd" -> exit 3
