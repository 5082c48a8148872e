"""math.* raise Python's math errors; float ** raises as CPython's does.

math functions convert their argument with float() and raise
"ValueError: math domain error" where the result would be NaN for a number
(sqrt of a negative, log of zero, asin out of [-1, 1], sin of inf) and
"OverflowError: math range error" where it would overflow (exp(1000.0)).
floor/ceil/trunc of inf or NaN cannot become an int. Constant arguments
raise too: nothing is folded into a NaN at compile time.
"""
import math

import numpy as np


def sqrt_of(v):
    return math.sqrt(v)
# CASE sqrt_of: -1.0 -> exit 3
# CASE sqrt_of: -2 -> exit 3
# CASE sqrt_of: 2.25


def log_of(v):
    return math.log(v)
# CASE log_of: 0.0 -> exit 3
# CASE log_of: -3 -> exit 3
# CASE log_of: false -> exit 3
# CASE log_of: 1e308


def log_family(v):
    return math.log2(v), math.log10(v), math.log1p(v - 1.0)
# CASE log_family: 0.0 -> exit 3
# CASE log_family: 8.0


def log1p_of_minus_one(v):
    return math.log1p(v)
# CASE log1p_of_minus_one: -1.0 -> exit 3
# CASE log1p_of_minus_one: -1.5 -> exit 3


def exp_of(v):
    return math.exp(v), math.expm1(v)
# CASE exp_of: 1000.0 -> exit 3
# CASE exp_of: 709.0
# CASE exp_of: -1000.0


def expm1_overflow(v):
    return math.expm1(v)
# CASE expm1_overflow: 710.0 -> exit 3


def hyperbolic(v):
    return math.tanh(v), math.sinh(v), math.cosh(v)
# CASE hyperbolic: 1000.0 -> exit 3
# CASE hyperbolic: -711.0 -> exit 3
# CASE hyperbolic: -710.0
# CASE hyperbolic: 2.0


def inverse_trig(v):
    return math.atan(v), math.asin(v), math.acos(v)
# CASE inverse_trig: 1.5 -> exit 3
# CASE inverse_trig: -2 -> exit 3
# CASE inverse_trig: 0.5
# CASE inverse_trig: true


def trig_of_infinity(s):
    return math.sin(s * math.inf)
# CASE trig_of_infinity: 1.0 -> exit 3
# CASE trig_of_infinity: -1.0 -> exit 3


def cos_tan_of_infinity(s):
    return math.cos(s * math.inf) + math.tan(s * math.inf)
# CASE cos_tan_of_infinity: 1.0 -> exit 3


def special_values_pass(s):
    inf = s * math.inf
    return math.exp(inf), math.exp(-inf), math.log(inf), math.atan(inf), math.tanh(-inf), math.sqrt(inf)
# CASE special_values_pass: 1.0


def nan_passes(s):
    nan = s * math.nan
    return math.sqrt(nan), math.exp(nan), math.log(nan), math.isnan(nan), math.fabs(nan)
# CASE nan_passes: 1.0


def floor_of(v):
    return math.floor(v), math.ceil(v), math.trunc(v)
# CASE floor_of: 2.5
# CASE floor_of: -2.5
# CASE floor_of: 7
# CASE floor_of: true


def floor_of_infinity(s):
    return math.floor(s * math.inf)
# CASE floor_of_infinity: 1.0 -> exit 3
# CASE floor_of_infinity: -1.0 -> exit 3


def ceil_of_nan(s):
    return math.ceil(s * math.nan)
# CASE ceil_of_nan: 1.0 -> exit 3


def trunc_of_infinity(s):
    return math.trunc(s * math.inf)
# CASE trunc_of_infinity: 1.0 -> exit 3


def fabs_and_predicates(v):
    return math.fabs(v), math.isnan(v), math.isinf(v), math.isfinite(v)
# CASE fabs_and_predicates: -3
# CASE fabs_and_predicates: false
# CASE fabs_and_predicates: -2.5


def math_pow(a, b):
    return math.pow(a, b)
# CASE math_pow: 2 10
# CASE math_pow: 2.0 -1
# CASE math_pow: 0.0 -1.0 -> exit 3
# CASE math_pow: 0 -2 -> exit 3
# CASE math_pow: -8.0 0.5 -> exit 3
# CASE math_pow: 10.0 400.0 -> exit 3
# CASE math_pow: -8.0 3.0


def math_pow_infinities(s):
    inf = s * math.inf
    return math.pow(0.0, -inf), math.pow(-inf, 3.0), math.pow(math.nan, 0.0), math.pow(1.0, math.nan)
# CASE math_pow_infinities: 1.0


def float_power_operator(a, b):
    return a ** b
# CASE float_power_operator: 0.0 -1.0 -> exit 3
# CASE float_power_operator: 0 -1 -> exit 3
# CASE float_power_operator: 10.0 400.0 -> exit 3
# CASE float_power_operator: 10 400.0 -> exit 3
# CASE float_power_operator: 2 -1
# CASE float_power_operator: -8.0 3.0


def zero_to_minus_infinity(s):
    return 0.0 ** (s * -math.inf), (s * -math.inf) ** 3
# CASE zero_to_minus_infinity: 1.0


def constant_sqrt_of_negative():
    return math.sqrt(-1.0)
# CASE constant_sqrt_of_negative: -> exit 3


def constant_log_of_zero():
    return math.log(0.0)
# CASE constant_log_of_zero: -> exit 3


def constant_exp_overflow():
    return math.exp(1000.0)
# CASE constant_exp_overflow: -> exit 3


def constant_float_power_overflow():
    return 10.0 ** 400
# CASE constant_float_power_overflow: -> exit 3


def constant_zero_power():
    return 0.0 ** -1
# CASE constant_zero_power: -> exit 3


def math_on_size1_array(x):
    return math.sqrt(x), math.floor(x[0]), math.exp(np.sum(x))
# CASE math_on_size1_array: [4.0]


def math_on_larger_array(x):
    return math.sqrt(x)
# CASE math_on_larger_array: [4.0,9.0] -> exit 3


def numpy_domain_is_not_an_error(v):
    return np.sqrt(v), np.log(v * 0.0), np.exp(v * -1000.0), np.arccos(v)
# CASE numpy_domain_is_not_an_error: -2.0
