#include "runtime/pymath.h"

#include <cmath>

#include "runtime/runtime_error.h"

namespace pygraft::rt {

namespace {

[[noreturn]] void domain_error() {
  throw RuntimeError(PyExc::ValueError, "math domain error");
}

[[noreturn]] void range_error() {
  throw RuntimeError(PyExc::OverflowError, "math range error");
}

}  // namespace

double checked_math_result(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) domain_error();
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) range_error();
    domain_error();
  }
  return r;
}

double math_pow(double x, double y) {
  double r = std::pow(x, y);
  if (!std::isfinite(x) || !std::isfinite(y)) return r;  // IEEE's special cases, as CPython's
  if (std::isnan(r)) domain_error();
  if (std::isinf(r)) {
    if (x == 0) domain_error();
    range_error();
  }
  return r;
}

double python_float_pow(double base, double exponent) {
  if (base == 0 && exponent < 0 && std::isfinite(exponent)) {
    throw RuntimeError(PyExc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
  }
  if (base < 0 && std::isfinite(base) && std::isfinite(exponent) &&
      exponent != std::floor(exponent)) {
    throw RuntimeError(PyExc::ValueError,
                       "negative number cannot be raised to a fractional power (Python's result "
                       "is a complex number, which pygraft does not support)");
  }
  double r = std::pow(base, exponent);
  if (std::isinf(r) && std::isfinite(base) && std::isfinite(exponent)) {
    throw RuntimeError(PyExc::OverflowError, "(34, 'Numerical result out of range')");
  }
  return r;
}

}  // namespace pygraft::rt
