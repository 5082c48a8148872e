// Python's math module on floats, with CPython's errors
// (Modules/mathmodule.c): the math.* spellings convert their arguments with
// float() and reach the kernels' Python-scalar paths, which call these.
#pragma once

namespace pygraft::rt {

// The result `r` of a one-argument math function at `x`, checked as CPython's
// math_1 does: NaN from a non-NaN argument is "ValueError: math domain error"
// (math.sqrt(-1.0), math.sin(inf)); an infinity from a finite argument is
// "OverflowError: math range error" when the function can overflow
// (math.exp(1000.0)), else a domain error (math.log(0.0)).
double checked_math_result(double x, double r, bool can_overflow);

// math.pow(x, y): IEEE pow, except that a NaN from non-NaN arguments or
// 0.0 ** negative is "ValueError: math domain error" and an overflow of
// finite arguments is "OverflowError: math range error".
double math_pow(double x, double y);

// Python's float ** float (Objects/floatobject.c): 0.0 ** negative is
// "ZeroDivisionError: 0.0 cannot be raised to a negative power", an overflow
// is "OverflowError: (34, 'Numerical result out of range')". A negative base
// with a non-integer exponent gives a complex number in Python, which
// pygraft cannot represent: a ValueError saying so.
double python_float_pow(double base, double exponent);

}  // namespace pygraft::rt
