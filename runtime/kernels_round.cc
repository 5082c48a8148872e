// Python's builtin round(number, ndigits=None).
// Guarantees CPython's results: round(float) is an int rounded half to even;
// round(float, n) is the float nearest the correctly rounded decimal (so
// round(2.675, 2) == 2.67); round(int, n) stays an int. A NumPy scalar (0-d
// tensor) rounds to a Python int without ndigits, and with ndigits to a
// NumPy scalar of its own dtype as np.round does.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/args.h"
#include "runtime/kernel.h"
#include "runtime/pyscalar.h"

namespace pygraft::rt {

namespace {

int64_t checked_mul(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r))
    throw RuntimeError(PyExc::OverflowError, "integer overflow");
  return r;
}

// round(int, n): half to even at a multiple of 10^-n.
int64_t round_int(int64_t v, int64_t ndigits) {
  if (ndigits >= 0) return v;
  if (ndigits < -19) return 0;
  if (ndigits == -19) {
    if (v > 5000000000000000000 || v < -5000000000000000000)
      throw RuntimeError(PyExc::OverflowError, "integer overflow");
    return 0;
  }
  int64_t p = 1;
  for (int64_t i = 0; i < -ndigits; ++i) p *= 10;
  int64_t q = int_floor_div(v, p);
  int64_t r = v - q * p;
  if (2 * r > p || (2 * r == p && (q & 1) != 0)) ++q;
  return checked_mul(q, p);
}

int64_t float_to_int(double x) {
  if (std::isnan(x)) throw RuntimeError(PyExc::ValueError, "cannot convert float NaN to integer");
  if (std::isinf(x))
    throw RuntimeError(PyExc::OverflowError, "cannot convert float infinity to integer");
  if (x >= 9223372036854775808.0 || x < -9223372036854775808.0) {
    throw RuntimeError(PyExc::OverflowError, "integer overflow");
  }
  return static_cast<int64_t>(x);
}

double parse_rounded(const char* text, double x) {
  double r = std::strtod(text, nullptr);
  if (std::isinf(r))
    throw RuntimeError(PyExc::OverflowError, "rounded value too large to represent");
  return r == 0 ? std::copysign(0.0, x) : r;
}

// Decimal exponent of |x| (x finite, nonzero): 2 for 123.4.
int decimal_exponent(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.25e", x);
  const char* e = std::strchr(buf, 'e');
  return std::atoi(e + 1);
}

// round(float, n) via correctly rounded decimal formatting, as CPython does.
double round_float(double x, int64_t ndigits) {
  if (!std::isfinite(x) || x == 0 || ndigits > 400) return x;
  if (ndigits < -400) return std::copysign(0.0, x);
  char buf[800];
  if (ndigits >= 0) {
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
    return parse_rounded(buf, x);
  }
  const int64_t significant = decimal_exponent(x) + 1 + ndigits;
  if (significant > 0) {
    std::snprintf(buf, sizeof buf, "%.*e", static_cast<int>(significant - 1), x);
    return parse_rounded(buf, x);
  }
  const double unit = std::pow(10.0, static_cast<double>(-ndigits));
  if (significant == 0 && std::abs(x) > unit / 2) return std::copysign(unit, x);
  return std::copysign(0.0, x);
}

// round() of a NumPy scalar: Python int without ndigits, else np.round.
Value round_numpy_scalar(KernelContext& ctx, const Tensor& t, const Value& ndigits) {
  if (ndigits.is_none()) {
    if (!is_float(t.dtype())) return t.get_as_int(0);
    return float_to_int(std::nearbyint(t.get_as_double(0)));
  }
  Value inputs[] = {Value(t), Value(int_arg(ndigits, "ndigits"))};
  Value outputs[1];
  KernelContext around{inputs, outputs, ctx.node, ctx.print_stream};
  kernel_around(around);
  return outputs[0];
}

}  // namespace

void kernel_py_round(KernelContext& ctx) {
  const Value& x = ctx.inputs[0];
  const Value& ndigits = ctx.inputs[1];
  if (x.is_tensor()) {
    if (x.as<Tensor>().rank() != 0) {
      throw RuntimeError(PyExc::TypeError, "type numpy.ndarray doesn't define __round__ method");
    }
    ctx.outputs[0] = round_numpy_scalar(ctx, x.as<Tensor>(), ndigits);
    return;
  }
  if (!x.is_py_scalar()) {
    throw RuntimeError(PyExc::TypeError,
                       "type " + type_name(x) + " doesn't define __round__ method");
  }
  if (x.is<double>()) {
    double v = x.as<double>();
    ctx.outputs[0] = ndigits.is_none() ? Value(float_to_int(std::nearbyint(v)))
                                       : Value(round_float(v, int_arg(ndigits, "ndigits")));
    return;
  }
  int64_t v = to_int64(x, "round");
  ctx.outputs[0] = ndigits.is_none() ? v : round_int(v, int_arg(ndigits, "ndigits"));
}

}  // namespace pygraft::rt
