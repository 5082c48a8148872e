"""Values and evaluation for the program generator.

The generator runs every statement it writes in CPython + NumPy as it
writes it (on the real arguments of the program's case), so it knows the
value, dtype and shape of every name and whether a statement raises. This
module holds the sandbox that evaluates code the way the generated
function will run it, and the predicates on values the productions use.
"""

import builtins
import math
import warnings

import numpy as np

if hasattr(np, "_set_promotion_state"):
    np._set_promotion_state("weak")  # NumPy 1.24: NEP 50 as the oracle (tests/diff/run_diff.py)
np.empty = np.zeros  # as the oracle: pygraft's np.empty is zero-filled
np.empty_like = np.zeros_like

DTYPES = ("float32", "float64", "int32", "int64", "bool")
MAX_ELEMENTS = 64
INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1


def dtype_name(value):
    dt = np.asarray(value).dtype
    return "bool" if dt == np.bool_ else dt.name


def is_array(v):
    return isinstance(v, np.ndarray)


def is_py_scalar(v):
    return type(v) in (bool, int, float)


def is_np_scalar(v):
    return isinstance(v, np.generic)


def is_number(v):
    return is_array(v) or is_py_scalar(v) or is_np_scalar(v)


def is_scalar(v):
    return is_py_scalar(v) or is_np_scalar(v)


def is_py_int(v):
    return type(v) is int


def is_py_float(v):
    return type(v) is float


def is_int_tuple(v):
    return type(v) is tuple and all(type(e) is int for e in v)


def kind(v):
    """'b', 'i' or 'f' for numbers (NumPy's kind letters), else None."""
    if not is_number(v):
        return None
    return np.asarray(v).dtype.kind if not is_py_scalar(v) else \
        {bool: "b", int: "i", float: "f"}[type(v)]


def shape(v):
    return np.shape(v) if is_number(v) else None


def size(v):
    return int(np.prod(shape(v))) if is_number(v) else 0


def broadcastable(a, b):
    try:
        np.broadcast_shapes(a, b)
        return True
    except ValueError:
        return False


def valid(v, depth=0):
    """A value the subset can hold (no complex, no bigints, the five
    dtypes, small arrays, flat tuples)."""
    if v is None or type(v) in (bool, float):
        return True
    if type(v) is int:
        return INT64_MIN <= v <= INT64_MAX
    if is_np_scalar(v) or is_array(v):
        return dtype_name(v) in DTYPES and np.size(v) <= MAX_ELEMENTS and np.ndim(v) <= 4
    if type(v) is tuple:
        return depth == 0 and len(v) <= 6 and all(valid(e, 1) and type(e) is not tuple for e in v)
    return False


def representable(v):
    """A value `pygraft run` can print as an output (tests/cases/README.md)."""
    if type(v) is tuple:
        return all(e is None or (is_number(e) and valid(e)) for e in v)
    return v is None or (is_number(v) and valid(v))


class Sandbox:
    """Evaluates generated code with the program's globals."""

    def __init__(self):
        self.globals = {"np": np, "math": math, "__builtins__": builtins}

    def eval(self, code, vals):
        """(True, value) or (False, exception)."""
        try:
            return True, eval(code, self.globals, vals)  # noqa: S307 - our own generated code
        except Exception as e:  # noqa: BLE001 - any exception is the answer
            return False, e

    def exec(self, code, vals):
        try:
            exec(code, self.globals, vals)  # noqa: S102
            return True, None
        except Exception as e:  # noqa: BLE001
            return False, e


class Quiet:
    """Silences NumPy warnings while generating (the oracle does the same)."""

    def __enter__(self):
        self._err = np.seterr(all="ignore")
        self._warn = warnings.catch_warnings()
        self._warn.__enter__()
        warnings.simplefilter("ignore")
        # NumPy 1.24 (the oracle) gives False for the truth value of an empty
        # array with a DeprecationWarning; NumPy >= 2.2 raises. The generator
        # treats it as an error it never keeps, so no program depends on it.
        warnings.filterwarnings("error", message="The truth value of an empty array")
        return self

    def __exit__(self, *exc):
        self._warn.__exit__(*exc)
        np.seterr(**self._err)
        return False


# ---------------------------------------------------------------- literals

def float_literal(x):
    text = repr(float(x))
    return text


def json_arg(value):
    """The `pygraft run` ARG (a JSON literal without spaces) for a value."""
    import json
    if isinstance(value, np.ndarray):
        value = value.tolist()
    return json.dumps(value, separators=(",", ":"))
