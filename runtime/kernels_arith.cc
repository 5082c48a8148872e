// Arithmetic operators and ufuncs: + - * / // % ** and unary - + ~.
// Requires: operands are Python scalars, tensors or tuples (np.array rules).
// Guarantees: two Python scalars give a Python scalar by CPython's rules;
// anything else gives a tensor of NumPy 2's result dtype (NEP 50), with
// NumPy's integer wrap-around and its floor semantics for // and %.
#include <cmath>
#include <string>
#include <type_traits>

#include "runtime/elementwise.h"
#include "runtime/pyscalar.h"
#include "runtime/sequence_ops.h"
#include "runtime/str_format.h"

namespace pygraft::rt {

namespace {

template <class T>
constexpr bool kIsInt = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// Signed integer arithmetic that wraps as NumPy does, without undefined behaviour.
template <class T, class F>
T wrapping(T a, T b, F f) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(f(static_cast<U>(a), static_cast<U>(b)));
}

struct AddFn {
  static constexpr SimdBinary kSimd = SimdBinary::Add;  // on floats
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>)
      return a || b;
    else if constexpr (kIsInt<T>)
      return wrapping(a, b, [](auto x, auto y) { return x + y; });
    else
      return a + b;
  }
};

struct SubFn {
  static constexpr SimdBinary kSimd = SimdBinary::Sub;  // on floats
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (kIsInt<T>)
      return wrapping(a, b, [](auto x, auto y) { return x - y; });
    else
      return static_cast<T>(a - b);
  }
};

struct MulFn {
  static constexpr SimdBinary kSimd = SimdBinary::Mul;  // on floats
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>)
      return a && b;
    else if constexpr (kIsInt<T>)
      return wrapping(a, b, [](auto x, auto y) { return x * y; });
    else
      return a * b;
  }
};

struct TrueDivFn {
  static constexpr SimdBinary kSimd = SimdBinary::Div;  // on floats
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_floating_point_v<T>)
      return a / b;
    else
      return T{};  // never instantiated with data: ints are promoted to float64
  }
};

struct FloorDivFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (kIsInt<T>)
      return int_floor_div(a, b);
    else if constexpr (std::is_floating_point_v<T>)
      return float_floor_div(a, b);
    else
      return T{};
  }
};

struct ModFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (kIsInt<T>)
      return int_mod(a, b);
    else if constexpr (std::is_floating_point_v<T>)
      return float_mod(a, b);
    else
      return T{};
  }
};

template <class T>
T int_power(T base, T exp) {
  if (exp < 0) {
    throw RuntimeError(PyExc::ValueError, "Integers to negative integer powers are not allowed.");
  }
  T result = 1;
  auto mul = [](auto x, auto y) { return x * y; };
  while (exp > 0) {
    if (exp & 1) result = wrapping(result, base, mul);
    exp >>= 1;
    if (exp > 0) base = wrapping(base, base, mul);
  }
  return result;
}

struct PowFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (kIsInt<T>)
      return int_power(a, b);
    else if constexpr (std::is_floating_point_v<T>)
      // Note: x ** 2 (distances, variances) is x * x, which is what pow gives
      // for every x, NaN and infinities included, at a fraction of the cost;
      // NumPy takes the same shortcut.
      return b == T{2} ? a * a : std::pow(a, b);
    else
      return T{};
  }
};

// The loop dtype of an arithmetic ufunc on these operands.
DType arith_dtype(BinaryOp op, const Value& a, const Value& b, const char* ufunc) {
  DType t = result_type(operand_type_checked(a, ufunc), operand_type_checked(b, ufunc));
  if (op == BinaryOp::TrueDiv && !is_float(t)) return DType::Float64;
  if (t != DType::Bool) return t;
  if (op == BinaryOp::Sub) {
    throw RuntimeError(
        PyExc::TypeError,
        "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
        "operator, or the logical_xor function instead.");
  }
  // Note: NumPy gives int8 here; int64 is our nearest integer dtype.
  if (op != BinaryOp::Add && op != BinaryOp::Mul) return DType::Int64;
  return t;
}

template <class Fn>
void arith_kernel(KernelContext& ctx, BinaryOp op, Fn fn, const char* ufunc) {
  Value& a = ctx.inputs[0];
  Value& b = ctx.inputs[1];
  if (std::optional<Value> text = string_binary(op_symbol(op), a, b)) {
    ctx.outputs[0] = std::move(*text);
    return;
  }
  if (a.is_py_scalar() && b.is_py_scalar()) {
    ctx.outputs[0] = py_binary(op, a, b);
    return;
  }
  if (std::optional<Value> tuple = tuple_binary(op, a, b)) {
    ctx.outputs[0] = std::move(*tuple);
    return;
  }
  DType dtype = arith_dtype(op, a, b, ufunc);
  ctx.outputs[0] = binary_same_type(a, b, dtype, fn, ufunc);
}

}  // namespace

void kernel_add(KernelContext& ctx) {
  arith_kernel(ctx, BinaryOp::Add, AddFn{}, "add");
}
void kernel_subtract(KernelContext& ctx) {
  arith_kernel(ctx, BinaryOp::Sub, SubFn{}, "subtract");
}
void kernel_multiply(KernelContext& ctx) {
  arith_kernel(ctx, BinaryOp::Mul, MulFn{}, "multiply");
}
void kernel_true_divide(KernelContext& ctx) {
  arith_kernel(ctx, BinaryOp::TrueDiv, TrueDivFn{}, "divide");
}
void kernel_floor_divide(KernelContext& ctx) {
  arith_kernel(ctx, BinaryOp::FloorDiv, FloorDivFn{}, "floor_divide");
}
void kernel_remainder(KernelContext& ctx) {
  arith_kernel(ctx, BinaryOp::Mod, ModFn{}, "remainder");
}
namespace {

// x ** 2 for floats: PowFn's own shortcut, in a loop the compiler
// vectorises (PowFn's call to pow for other exponents keeps it scalar).
struct SquareFn {
  template <class T>
  T operator()(T a, T) const {
    if constexpr (std::is_floating_point_v<T>)
      return a * a;
    else
      return T{};  // not reached: float operands only
  }
};

bool is_float_array_squared(const Value& a, const Value& b) {
  if (!a.is<Tensor>() || !is_float(a.as<Tensor>().dtype())) return false;
  return (b.is<int64_t>() && b.as<int64_t>() == 2) || (b.is<double>() && b.as<double>() == 2.0);
}

}  // namespace

void kernel_power(KernelContext& ctx) {
  if (is_float_array_squared(ctx.inputs[0], ctx.inputs[1])) {
    return arith_kernel(ctx, BinaryOp::Pow, SquareFn{}, "power");
  }
  arith_kernel(ctx, BinaryOp::Pow, PowFn{}, "power");
}

namespace {

[[noreturn]] void unsupported_types(const char* ufunc) {
  throw RuntimeError(PyExc::TypeError,
                     std::string("ufunc '") + ufunc +
                         "' not supported for the input types, and the inputs could not be safely "
                         "coerced to any supported types according to the casting rule ''safe''");
}

template <class Fn>
void unary_kernel(KernelContext& ctx, UnaryOp op, Fn fn, const char* ufunc) {
  Value& x = ctx.inputs[0];
  if (x.is_py_scalar()) {
    ctx.outputs[0] = py_unary(op, x);
    return;
  }
  reject_tuple_unary(op, x);
  DType dtype = operand_type_checked(x, ufunc).dtype;
  if (op == UnaryOp::Neg && dtype == DType::Bool) {
    throw RuntimeError(
        PyExc::TypeError,
        "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or "
        "the logical_not function instead.");
  }
  if (op == UnaryOp::Invert && is_float(dtype)) unsupported_types(ufunc);
  ctx.outputs[0] = dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    return map_unary<T, T>(
        x, dtype, [&](T v) { return static_cast<T>(fn(v)); }, ufunc);
  });
}

struct NegFn {
  template <class T>
  T operator()(T v) const {
    if constexpr (kIsInt<T>)
      return wrapping(T{0}, v, [](auto x, auto y) { return x - y; });
    else if constexpr (std::is_same_v<T, bool>)
      return v;
    else
      return -v;
  }
};

struct InvertFn {
  template <class T>
  T operator()(T v) const {
    if constexpr (std::is_same_v<T, bool>)
      return !v;
    else if constexpr (kIsInt<T>)
      return static_cast<T>(~v);
    else
      return v;
  }
};

}  // namespace

void kernel_negative(KernelContext& ctx) {
  unary_kernel(ctx, UnaryOp::Neg, NegFn{}, "negative");
}
void kernel_positive(KernelContext& ctx) {
  unary_kernel(
      ctx, UnaryOp::Pos, [](auto v) { return v; }, "positive");
}
void kernel_np_positive(KernelContext& ctx) {
  if (operand_type_checked(ctx.inputs[0], "positive").dtype == DType::Bool) {
    throw RuntimeError(PyExc::TypeError,
                       "ufunc 'positive' did not contain a loop with signature matching types "
                       "<class 'numpy.dtype[bool_]'> -> None");
  }
  kernel_positive(ctx);
}
void kernel_invert(KernelContext& ctx) {
  unary_kernel(ctx, UnaryOp::Invert, InvertFn{}, "invert");
}

// ---- bitwise ----

namespace {

struct BitAndFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_integral_v<T>)
      return static_cast<T>(a & b);
    else
      return T{};
  }
};

struct BitOrFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_integral_v<T>)
      return static_cast<T>(a | b);
    else
      return T{};
  }
};

struct BitXorFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_integral_v<T>)
      return static_cast<T>(a ^ b);
    else
      return T{};
  }
};

// NumPy's shifts: counts outside [0, bits) shift everything out.
struct LShiftFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (kIsInt<T>) {
      using U = std::make_unsigned_t<T>;
      if (b < 0 || b >= static_cast<T>(sizeof(T) * 8)) return 0;
      return static_cast<T>(static_cast<U>(a) << b);
    } else {
      return T{};
    }
  }
};

struct RShiftFn {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (kIsInt<T>) {
      if (b < 0 || b >= static_cast<T>(sizeof(T) * 8)) return a < 0 ? -1 : 0;
      return static_cast<T>(a >> b);
    } else {
      return T{};
    }
  }
};

template <class Fn>
void bitwise_kernel(KernelContext& ctx, BinaryOp op, Fn fn, const char* ufunc) {
  Value& a = ctx.inputs[0];
  Value& b = ctx.inputs[1];
  if (a.is_py_scalar() && b.is_py_scalar()) {
    ctx.outputs[0] = py_binary(op, a, b);
    return;
  }
  if (std::optional<Value> tuple = tuple_binary(op, a, b)) {
    ctx.outputs[0] = std::move(*tuple);
    return;
  }
  DType dtype = result_type(operand_type_checked(a, ufunc), operand_type_checked(b, ufunc));
  if (is_float(dtype)) unsupported_types(ufunc);
  bool shift = op == BinaryOp::LShift || op == BinaryOp::RShift;
  if (shift && dtype == DType::Bool) dtype = DType::Int64;  // NumPy: int8
  ctx.outputs[0] = binary_same_type(a, b, dtype, fn, ufunc);
}

}  // namespace

void kernel_bitwise_and(KernelContext& ctx) {
  bitwise_kernel(ctx, BinaryOp::BitAnd, BitAndFn{}, "bitwise_and");
}
void kernel_bitwise_or(KernelContext& ctx) {
  bitwise_kernel(ctx, BinaryOp::BitOr, BitOrFn{}, "bitwise_or");
}
void kernel_bitwise_xor(KernelContext& ctx) {
  bitwise_kernel(ctx, BinaryOp::BitXor, BitXorFn{}, "bitwise_xor");
}
void kernel_left_shift(KernelContext& ctx) {
  bitwise_kernel(ctx, BinaryOp::LShift, LShiftFn{}, "left_shift");
}
void kernel_right_shift(KernelContext& ctx) {
  bitwise_kernel(ctx, BinaryOp::RShift, RShiftFn{}, "right_shift");
}

}  // namespace pygraft::rt
