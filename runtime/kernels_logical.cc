// Logical and selection ufuncs: logical_not/and/or/xor, maximum, minimum,
// where, clip and around.
// Requires: Python scalar, tensor or tuple operands (None for a missing clip
// bound).
// Guarantees: NumPy 2's result dtypes under NEP 50 (weak Python scalars;
// np.where's are strong, as np.asarray makes them);
// maximum, minimum and clip propagate NaN; around rounds half to even and
// keeps integer dtypes. Python-scalar inputs give 0-d tensors.
#include <cmath>
#include <limits>
#include <type_traits>

#include "runtime/args.h"
#include "runtime/elementwise.h"

namespace pygraft::rt {

void kernel_logical_not(KernelContext& ctx) {
  ctx.outputs[0] = map_unary<bool, bool>(
      ctx.inputs[0], DType::Bool, [](bool v) { return !v; }, "logical_not");
}

namespace {

template <class Fn>
void logical_kernel(KernelContext& ctx, Fn fn, const char* ufunc) {
  ctx.outputs[0] = binary_predicate(ctx.inputs[0], ctx.inputs[1], DType::Bool, fn, ufunc);
}

}  // namespace

void kernel_logical_and(KernelContext& ctx) {
  logical_kernel(
      ctx, [](auto a, auto b) { return a && b; }, "logical_and");
}
void kernel_logical_or(KernelContext& ctx) {
  logical_kernel(
      ctx, [](auto a, auto b) { return a || b; }, "logical_or");
}
void kernel_logical_xor(KernelContext& ctx) {
  logical_kernel(
      ctx, [](auto a, auto b) { return a != b; }, "logical_xor");
}

namespace {

// np.maximum / np.minimum on one pair: a NaN on either side wins.
template <class T>
T nan_max(T a, T b) {
  return (a >= b || isnan_element(a)) ? a : b;
}
template <class T>
T nan_min(T a, T b) {
  return (a <= b || isnan_element(a)) ? a : b;
}

DType binary_result_dtype(const Value& a, const Value& b, const char* ufunc) {
  return result_type(operand_type_checked(a, ufunc), operand_type_checked(b, ufunc));
}

}  // namespace

void kernel_maximum(KernelContext& ctx) {
  DType dtype = binary_result_dtype(ctx.inputs[0], ctx.inputs[1], "maximum");
  ctx.outputs[0] = binary_same_type(
      ctx.inputs[0], ctx.inputs[1], dtype, [](auto a, auto b) { return nan_max(a, b); }, "maximum");
}

void kernel_minimum(KernelContext& ctx) {
  DType dtype = binary_result_dtype(ctx.inputs[0], ctx.inputs[1], "minimum");
  ctx.outputs[0] = binary_same_type(
      ctx.inputs[0], ctx.inputs[1], dtype, [](auto a, auto b) { return nan_min(a, b); }, "minimum");
}

// The angle of (x2, x1) in radians; integer operands give float64.
void kernel_arctan2(KernelContext& ctx) {
  DType dtype = binary_result_dtype(ctx.inputs[0], ctx.inputs[1], "arctan2");
  if (!is_float(dtype)) dtype = DType::Float64;
  ctx.outputs[0] = binary_same_type(
      ctx.inputs[0], ctx.inputs[1], dtype, [](auto y, auto x) { return std::atan2(y, x); },
      "arctan2");
}

// Note: np.where passes its arguments through np.asarray, so Python scalars
// are strong here: np.where(c, float32_x, 0.5) is float64.
void kernel_where(KernelContext& ctx) {
  Tensor cond = take_operand(ctx.inputs[0], DType::Bool, "where");
  DType dtype = promote_types(operand_type_checked(ctx.inputs[1], "where").dtype,
                              operand_type_checked(ctx.inputs[2], "where").dtype);
  Tensor x = take_operand(ctx.inputs[1], dtype, "where");
  Tensor y = take_operand(ctx.inputs[2], dtype, "where");
  const Shape shapes[] = {cond.shape(), x.shape(), y.shape()};
  Tensor out = result_buffer({&x, &y}, dtype, broadcast_shapes(shapes));
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    ternary_loop<T, bool, T, T>(out, cond, x, y, [](bool c, T a, T b) { return c ? a : b; });
  });
  ctx.outputs[0] = std::move(out);
}

namespace {

// result_type over three operands, the pair's result weak only when both were.
OperandType combined_type(OperandType a, OperandType b) {
  return {result_type(a, b), a.weak && b.weak};
}

// A missing clip bound: the dtype's extreme value, which never clips.
Tensor clip_bound(Value& bound, DType dtype, bool upper) {
  if (!bound.is_none()) return take_operand(bound, dtype, "clip");
  return dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    T v = upper ? std::numeric_limits<T>::max() : std::numeric_limits<T>::lowest();
    if constexpr (std::is_floating_point_v<T>) {
      v = upper ? std::numeric_limits<T>::infinity() : -std::numeric_limits<T>::infinity();
    }
    return Tensor::scalar(dtype, v);
  });
}

}  // namespace

void kernel_clip(KernelContext& ctx) {
  Value& a = ctx.inputs[0];
  OperandType type = operand_type_checked(a, "clip");
  for (int i = 1; i <= 2; ++i) {
    if (!ctx.inputs[i].is_none()) {
      type = combined_type(type, operand_type_checked(ctx.inputs[i], "clip"));
    }
  }
  DType dtype = type.dtype;
  Tensor x = take_operand(a, dtype, "clip");
  Tensor lo = clip_bound(ctx.inputs[1], dtype, false);
  Tensor hi = clip_bound(ctx.inputs[2], dtype, true);
  const Shape shapes[] = {x.shape(), lo.shape(), hi.shape()};
  Tensor out = result_buffer({&x}, dtype, broadcast_shapes(shapes));
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    ternary_loop<T, T, T, T>(out, x, lo, hi,
                             [](T v, T l, T h) { return nan_min(nan_max(v, l), h); });
  });
  ctx.outputs[0] = std::move(out);
}

namespace {

// Rounds an integer to a multiple of 10^digits, half to even (NumPy's
// around with negative decimals on integers).
template <class T>
T round_int(T v, int64_t digits) {
  if (digits >= 19) return 0;
  int64_t p = 1;
  for (int64_t i = 0; i < digits; ++i) p *= 10;
  int64_t x = v;
  int64_t q = x / p;
  int64_t r = x % p;
  if (r < 0) {
    r += p;
    --q;
  }
  if (2 * r > p || (2 * r == p && (q & 1) != 0)) ++q;
  return static_cast<T>(static_cast<uint64_t>(q) * static_cast<uint64_t>(p));
}

template <class T>
Tensor around_tensor(Value& a, DType dtype, int64_t decimals) {
  if constexpr (std::is_floating_point_v<T>) {
    const T f = static_cast<T>(std::pow(10.0, static_cast<double>(std::abs(decimals))));
    if (decimals >= 0) {
      return map_unary<T, T>(
          a, dtype, [f](T v) { return std::nearbyint(v * f) / f; }, "around");
    }
    return map_unary<T, T>(
        a, dtype, [f](T v) { return std::nearbyint(v / f) * f; }, "around");
  } else if constexpr (std::is_same_v<T, bool>) {
    return map_unary<T, T>(
        a, dtype, [](T v) { return v; }, "around");
  } else {
    if (decimals >= 0)
      return map_unary<T, T>(
          a, dtype, [](T v) { return v; }, "around");
    return map_unary<T, T>(
        a, dtype, [decimals](T v) { return round_int(v, -decimals); }, "around");
  }
}

}  // namespace

void kernel_around(KernelContext& ctx) {
  int64_t decimals = int_arg(ctx.inputs[1], "decimals");
  DType dtype = operand_type_checked(ctx.inputs[0], "around").dtype;
  ctx.outputs[0] = dispatch_dtype(dtype, [&](auto tag) {
    return around_tensor<decltype(tag)>(ctx.inputs[0], dtype, decimals);
  });
}

}  // namespace pygraft::rt

namespace pygraft::rt {

namespace {

// np.isclose's test on two elements (as float64): |a - b| <= atol + rtol * |b|,
// infinities close only to themselves, NaN close to NaN only with equal_nan.
bool close(double a, double b, double rtol, double atol, bool equal_nan) {
  if (std::isnan(a) || std::isnan(b)) return equal_nan && std::isnan(a) && std::isnan(b);
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= atol + rtol * std::fabs(b);
}

double float_arg(const Value& v, const char* name) {
  if (v.is<double>()) return v.as<double>();
  if (v.is<int64_t>()) return static_cast<double>(v.as<int64_t>());
  if (v.is<bool>()) return v.as<bool>() ? 1.0 : 0.0;
  if (v.is<Tensor>() && v.as<Tensor>().numel() == 1) return v.as<Tensor>().get_as_double(0);
  throw RuntimeError(PyExc::TypeError, std::string(name) + " must be a number");
}

// isclose(a, b, rtol, atol, equal_nan) with NumPy's broadcasting.
Tensor isclose_of(KernelContext& ctx) {
  const double rtol = float_arg(ctx.inputs[2], "rtol"), atol = float_arg(ctx.inputs[3], "atol");
  const bool equal_nan = bool_arg(ctx.inputs[4], "equal_nan");
  Tensor a = take_operand(ctx.inputs[0], DType::Float64, "isclose");
  Tensor b = take_operand(ctx.inputs[1], DType::Float64, "isclose");
  const Shape shapes[] = {a.shape(), b.shape()};
  Tensor out = Tensor::empty(DType::Bool, broadcast_shapes(shapes));
  binary_loop<bool, double, double>(
      out, a, b, [&](double x, double y) { return close(x, y, rtol, atol, equal_nan); });
  return out;
}

}  // namespace

void kernel_isclose(KernelContext& ctx) {
  ctx.outputs[0] = isclose_of(ctx);
}

void kernel_allclose(KernelContext& ctx) {
  const Tensor close_elements = isclose_of(ctx);
  bool all = true;
  for (int64_t i = 0; i < close_elements.numel() && all; ++i) all = close_elements.data<bool>()[i];
  ctx.outputs[0] = Value(all);
}

// np.array_equal(a1, a2, equal_nan=False): one shape and equal elements.
void kernel_array_equal(KernelContext& ctx) {
  const Tensor a = to_tensor(ctx.inputs[0]), b = to_tensor(ctx.inputs[1]);
  const bool equal_nan = bool_arg(ctx.inputs[2], "equal_nan");
  bool equal = a.shape() == b.shape();
  const bool exact = !is_float(a.dtype()) && !is_float(b.dtype());  // int64 beyond 2**53
  for (int64_t i = 0; i < a.numel() && equal; ++i) {
    if (exact) {
      equal = a.get_as_int(i) == b.get_as_int(i);
      continue;
    }
    const double x = a.get_as_double(i), y = b.get_as_double(i);
    equal = x == y || (equal_nan && std::isnan(x) && std::isnan(y));
  }
  ctx.outputs[0] = Value(equal);
}

}  // namespace pygraft::rt
