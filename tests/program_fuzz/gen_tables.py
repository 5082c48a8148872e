"""Tables of the expression generator: what each kind of value may be,
literals, the NumPy / math spellings with their weights, the productions per
wanted kind, and the parenthesising rule."""

import numpy as np

from gen_core import is_array, is_number, is_py_float, is_py_int, is_scalar, size

WANTS = {
    "num": is_number,
    "arr": is_array,
    "scalar": is_scalar,
    "int": is_py_int,
    "float": is_py_float,
    "bool": lambda v: type(v) is bool or isinstance(v, np.bool_),
    "cond": lambda v: is_number(v) and size(v) <= 1,
}

FLOAT_LITERALS = ["0.5", "1.0", "2.0", "0.1", "1e-05", "-1.0", "3.0", "0.25", "0.0", "1.5", "-0.5",
                  "0.9", "10.0", "0.01", "-2.0", "4.0"]
INT_LITERALS = ["0", "1", "1", "2", "2", "3", "4", "-1", "5", "10", "-2"]
DTYPE_SPELLINGS = [("np.float32", 4), ("np.float64", 3), ("np.int32", 2), ("np.int64", 2),
                   ("np.bool_", 1), ('"float32"', 0.3), ("float", 0.3), ("int", 0.2)]
UNARY_UFUNCS = [("exp", 4), ("tanh", 4), ("sqrt", 3), ("log", 3), ("abs", 3), ("square", 2),
                ("log1p", 1), ("sign", 1), ("floor", 1), ("ceil", 1), ("round", 1), ("sin", 1),
                ("cos", 1), ("negative", 1), ("isnan", 0.5), ("isinf", 0.3), ("isfinite", 0.5),
                ("logical_not", 0.5), ("expm1", 0.3), ("log2", 0.3), ("log10", 0.3),
                ("arctan", 0.3), ("arcsin", 0.2), ("arccos", 0.2), ("sinh", 0.2), ("cosh", 0.2),
                ("tan", 0.2), ("trunc", 0.3), ("positive", 0.2), ("absolute", 0.3),
                ("invert", 0.2), ("bitwise_not", 0.1)]
BINARY_UFUNCS = [("maximum", 4), ("minimum", 3), ("power", 1), ("add", 1), ("subtract", 1),
                 ("multiply", 1), ("divide", 1), ("true_divide", 0.3), ("floor_divide", 0.5),
                 ("mod", 0.5), ("remainder", 0.3), ("logical_and", 0.7), ("logical_or", 0.7),
                 ("logical_xor", 0.3), ("greater", 0.5), ("less", 0.5), ("equal", 0.3),
                 ("not_equal", 0.2), ("greater_equal", 0.2), ("less_equal", 0.2),
                 ("bitwise_and", 0.2), ("bitwise_or", 0.2), ("bitwise_xor", 0.1),
                 ("left_shift", 0.1), ("right_shift", 0.1)]
REDUCTIONS = [("sum", 5), ("mean", 5), ("max", 4), ("min", 3), ("argmax", 3), ("argmin", 1),
              ("prod", 1), ("all", 1), ("any", 1.5), ("var", 1.5), ("std", 2)]
MATH_FUNCS = [("sqrt", 3), ("exp", 3), ("log", 3), ("tanh", 2), ("fabs", 1), ("floor", 1),
              ("ceil", 1), ("cos", 1), ("sin", 1), ("log1p", 1), ("atan", 0.5), ("trunc", 0.5),
              ("log2", 0.5), ("log10", 0.5), ("acos", 0.3), ("asin", 0.3), ("expm1", 0.3),
              ("sinh", 0.2), ("cosh", 0.2), ("tan", 0.2)]
# np.floor/ceil/trunc of integers: float64 in the oracle's NumPy 1.24, the
# integer dtype in NumPy 2 and in pygraft (runtime/kernels_math.cc): not
# generated, see FINDINGS.md.
ROUNDING = ("floor", "ceil", "trunc")
ARITH_OPS = [("+", 6), ("-", 5), ("*", 6), ("/", 4), ("//", 0.7), ("%", 0.7), ("**", 1)]
BIT_OPS = [("&", 3), ("|", 2), ("^", 1), ("<<", 0.5), (">>", 0.5)]
CMP_OPS = [(">", 4), ("<", 3), (">=", 1), ("<=", 1), ("==", 1), ("!=", 0.7)]


def paren(code):
    """Parenthesises code unless it is a name, a literal or a call/subscript."""
    simple = code.replace("_", "a").replace(".", "a")
    if simple.isalnum() or (code.endswith(")") and code[0].isalpha() and _balanced_call(code)) \
            or (code.endswith("]") and code[0].isalpha() and _balanced_call(code)):
        return code
    return "(%s)" % code


def _balanced_call(code):
    """True when code is NAME...(...) or NAME...[...] with no top-level operator."""
    depth = 0
    for i, ch in enumerate(code):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth == 0 and ch in " +-*/%<>=!&|^~,":
            return False
    return True



def _p(*pairs):
    return list(pairs)


PRODUCTIONS = {
    "num": _p(("p_name", 5), ("p_arith", 6), ("p_ufunc1", 3), ("p_ufunc2", 2), ("p_reduce", 2.5),
              ("p_shape_op", 1.5), ("p_creation", 1.5), ("p_index", 2.5), ("p_where", 1),
              ("p_clip", 0.7), ("p_matmul", 1.5), ("p_join", 0.7), ("p_astype", 1),
              ("p_compare", 0.8), ("p_bitwise", 0.4), ("p_unary", 0.8), ("p_call", 1.5),
              ("p_ternary", 0.4), ("p_literal", 1), ("p_math", 0.5), ("p_builtin", 0.6),
              ("p_norm", 0.3), ("p_cumsum", 0.3), ("p_const", 0.3), ("p_np_scalar_fn", 0.3),
              ("p_boolop", 0.2)),
    "arr": _p(("p_name", 4), ("p_arith", 6), ("p_ufunc1", 3), ("p_ufunc2", 2), ("p_reduce", 1.5),
              ("p_shape_op", 2), ("p_creation", 2.5), ("p_index", 2.5), ("p_where", 1.2),
              ("p_clip", 0.8), ("p_matmul", 2), ("p_join", 1), ("p_astype", 1.5),
              ("p_compare", 0.8), ("p_bitwise", 0.3), ("p_unary", 0.6), ("p_call", 1.5),
              ("p_ternary", 0.3), ("p_norm", 0.3), ("p_cumsum", 0.5), ("p_array_literal", 0.8)),
    "scalar": _p(("p_name", 4), ("p_literal", 2), ("p_reduce", 4), ("p_index", 2.5),
                 ("p_arith", 3), ("p_math", 2), ("p_builtin", 2), ("p_np_scalar_fn", 0.7),
                 ("p_call", 0.7), ("p_ternary", 0.4), ("p_norm", 0.5), ("p_const", 0.5),
                 ("p_unary", 0.5), ("p_shape_int", 1), ("p_boolop", 0.2)),
    "int": _p(("p_literal", 3), ("p_name", 3), ("p_shape_int", 3), ("p_int_of", 2),
              ("p_builtin", 2), ("p_arith", 2), ("p_const", 0.5), ("p_unary", 0.3),
              ("p_ternary", 0.3), ("p_bitwise", 0.2)),
    "float": _p(("p_literal", 3), ("p_name", 3), ("p_float_of", 2.5), ("p_math", 2.5),
                ("p_arith", 2), ("p_builtin", 1), ("p_const", 0.7), ("p_ternary", 0.3),
                ("p_unary", 0.3)),
    "bool": _p(("p_compare", 5), ("p_chained", 1), ("p_not", 1), ("p_boolop", 1), ("p_in", 0.6),
               ("p_is_none", 0.5), ("p_builtin", 0.5), ("p_any_all", 1.5), ("p_name", 1),
               ("p_literal", 0.2), ("p_dtype_cmp", 0.3), ("p_math_pred", 0.4)),
    "cond": _p(("p_compare", 6), ("p_chained", 1), ("p_not", 1), ("p_boolop", 1.2),
               ("p_in", 0.6), ("p_is_none", 0.6), ("p_any_all", 1.5), ("p_name", 1.2),
               ("p_reduce", 0.5), ("p_builtin", 0.3), ("p_index", 0.5), ("p_dtype_cmp", 0.3),
               ("p_math_pred", 0.3)),
}

RISKY = [("r_zero_div", 3), ("r_math_domain", 3), ("r_index", 3), ("r_broadcast", 2),
         ("r_empty_reduce", 1.5), ("r_int_of_nan", 0.7), ("r_neg_power", 1), ("r_reshape", 1),
         ("r_truth", 1.5), ("r_float_overflow", 0.7), ("r_scalar_method", 1),
         ("r_unpack_shape", 0.3)]

