// Unary elementwise math: exp, log, trigonometry, sqrt, floor, ceil, trunc
// (float results), abs, sign, square (dtype kept) and isnan, isinf, isfinite
// (bool results), and math.pow.
// Requires: a Python scalar, tensor or tuple operand.
// Guarantees: NumPy's dtypes for arrays (float functions on bool/int give
// float64, on float32 stay float32) and NumPy's NaN/inf for domain errors.
// A Python scalar only arrives from Python-rule spellings (abs(), math.NAME
// after float(); NumPy spellings pass 0-d arrays, graph/op_table.h
// ScalarRules): it gives a Python number with Python's errors, "math domain
// error" / "math range error" (runtime/pymath.h).
#include <Eigen/Core>
#include <cmath>
#include <cstdlib>
#include <string>
#include <type_traits>

#include "runtime/elementwise.h"
#include "runtime/pymath.h"
#include "runtime/simd_math.h"

namespace pygraft::rt {

namespace {

template <class T>
using ConstArrayMap = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;
template <class T>
using ArrayMap = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;

// math.NAME(x) on a Python float (the math spellings convert with float()):
// a Python float with CPython's math errors.
template <class Op>
double python_math(const Value& x) {
  const double v = to_double(x, Op::kName);
  return checked_math_result(v, Op::scalar(v), Op::kCanOverflow);
}

// Runs a float function on x converted to float32 (if float32) or float64.
// Op::run(const T* in, T* out, n) may be called with out == in.
template <class Op>
void float_unary_kernel(KernelContext& ctx, const char* ufunc) {
  Value& x = ctx.inputs[0];
  if (x.is_py_scalar()) {
    ctx.outputs[0] = python_math<Op>(x);
    return;
  }
  DType in = operand_type_checked(x, ufunc).dtype;
  DType dtype = in == DType::Float32 ? DType::Float32 : DType::Float64;
  Tensor t = take_operand(x, dtype, ufunc);
  Tensor out = result_buffer({&t}, dtype, t.shape());
  if (dtype == DType::Float32) {
    Op::run(t.data<float>(), out.data<float>(), t.numel());
  } else {
    Op::run(t.data<double>(), out.data<double>(), t.numel());
  }
  ctx.outputs[0] = std::move(out);
}

// Note: float32 uses Eigen's packet versions where Eigen has them (exp, log,
// sqrt, tanh, sin, cos); for float64 glibc's scalar functions measured faster
// than Eigen's two-lane SSE2 packets, so double always uses the C library.
// kCanOverflow: whether CPython's math module reports an infinite result of
// a finite argument as a range error (OverflowError) rather than a domain
// error (ValueError).
#define PG_EIGEN_FLOAT_OP(Name, method, can_overflow)             \
  struct Name {                                                   \
    static constexpr const char* kName = #method;                 \
    static constexpr bool kCanOverflow = can_overflow;            \
    static double scalar(double v) { return std::method(v); }     \
    template <class T>                                            \
    static void run(const T* x, T* y, int64_t n) {                \
      if constexpr (std::is_same_v<T, float>) {                   \
        ArrayMap<T>(y, n) = ConstArrayMap<T>(x, n).method();      \
      } else {                                                    \
        for (int64_t i = 0; i < n; ++i) y[i] = std::method(x[i]); \
      }                                                           \
    }                                                             \
  };
#define PG_STD_FLOAT_OP(Name, function, can_overflow)             \
  struct Name {                                                   \
    static constexpr const char* kName = #function;               \
    static constexpr bool kCanOverflow = can_overflow;            \
    static double scalar(double v) { return std::function(v); }   \
    template <class T>                                            \
    static void run(const T* x, T* y, int64_t n) {                \
      for (int64_t i = 0; i < n; ++i) y[i] = std::function(x[i]); \
    }                                                             \
  };

// Arrays: runtime/simd_math.h (vectorised, runtime dispatch). A Python
// float (math.exp) always gets the C library's result, as in CPython.
#define PG_SIMD_FLOAT_OP(Name, function, can_overflow)          \
  struct Name {                                                 \
    static constexpr const char* kName = #function;             \
    static constexpr bool kCanOverflow = can_overflow;          \
    static double scalar(double v) { return std::function(v); } \
    template <class T>                                          \
    static void run(const T* x, T* y, int64_t n) {              \
      simd_##function(x, y, n);                                 \
    }                                                           \
  };

PG_SIMD_FLOAT_OP(ExpOp, exp, true)
PG_SIMD_FLOAT_OP(LogOp, log, false)
PG_SIMD_FLOAT_OP(SqrtOp, sqrt, false)
PG_SIMD_FLOAT_OP(TanhOp, tanh, false)
PG_EIGEN_FLOAT_OP(SinOp, sin, false)
PG_EIGEN_FLOAT_OP(CosOp, cos, false)
PG_STD_FLOAT_OP(Expm1Op, expm1, true)
PG_STD_FLOAT_OP(Log1pOp, log1p, false)
PG_STD_FLOAT_OP(Log2Op, log2, false)
PG_STD_FLOAT_OP(Log10Op, log10, false)
PG_STD_FLOAT_OP(SinhOp, sinh, true)
PG_STD_FLOAT_OP(CoshOp, cosh, true)
PG_STD_FLOAT_OP(TanOp, tan, false)
PG_STD_FLOAT_OP(ArcsinOp, asin, false)
PG_STD_FLOAT_OP(ArccosOp, acos, false)
PG_STD_FLOAT_OP(ArctanOp, atan, false)
PG_STD_FLOAT_OP(ErfOp, erf, false)
PG_STD_FLOAT_OP(FloorOp, floor, false)
PG_STD_FLOAT_OP(CeilOp, ceil, false)
PG_STD_FLOAT_OP(TruncOp, trunc, false)

#undef PG_EIGEN_FLOAT_OP
#undef PG_STD_FLOAT_OP
#undef PG_SIMD_FLOAT_OP

}  // namespace

void kernel_exp(KernelContext& ctx) {
  float_unary_kernel<ExpOp>(ctx, "exp");
}
void kernel_expm1(KernelContext& ctx) {
  float_unary_kernel<Expm1Op>(ctx, "expm1");
}
void kernel_log(KernelContext& ctx) {
  float_unary_kernel<LogOp>(ctx, "log");
}
void kernel_log1p(KernelContext& ctx) {
  float_unary_kernel<Log1pOp>(ctx, "log1p");
}
void kernel_log2(KernelContext& ctx) {
  float_unary_kernel<Log2Op>(ctx, "log2");
}
void kernel_log10(KernelContext& ctx) {
  float_unary_kernel<Log10Op>(ctx, "log10");
}
void kernel_sqrt(KernelContext& ctx) {
  float_unary_kernel<SqrtOp>(ctx, "sqrt");
}
void kernel_tanh(KernelContext& ctx) {
  float_unary_kernel<TanhOp>(ctx, "tanh");
}
void kernel_sinh(KernelContext& ctx) {
  float_unary_kernel<SinhOp>(ctx, "sinh");
}
void kernel_cosh(KernelContext& ctx) {
  float_unary_kernel<CoshOp>(ctx, "cosh");
}
void kernel_sin(KernelContext& ctx) {
  float_unary_kernel<SinOp>(ctx, "sin");
}
void kernel_cos(KernelContext& ctx) {
  float_unary_kernel<CosOp>(ctx, "cos");
}
void kernel_tan(KernelContext& ctx) {
  float_unary_kernel<TanOp>(ctx, "tan");
}
void kernel_arcsin(KernelContext& ctx) {
  float_unary_kernel<ArcsinOp>(ctx, "arcsin");
}
void kernel_arccos(KernelContext& ctx) {
  float_unary_kernel<ArccosOp>(ctx, "arccos");
}
void kernel_arctan(KernelContext& ctx) {
  float_unary_kernel<ArctanOp>(ctx, "arctan");
}
void kernel_erf(KernelContext& ctx) {
  float_unary_kernel<ErfOp>(ctx, "erf");
}

namespace {

// Runs fn elementwise keeping the operand's dtype (Python scalars become
// 0-d tensors of their default dtype).
template <class Fn>
void same_dtype_kernel(KernelContext& ctx, Fn fn, const char* ufunc) {
  Value& x = ctx.inputs[0];
  DType dtype = operand_type_checked(x, ufunc).dtype;
  ctx.outputs[0] = dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    return map_unary<T, T>(
        x, dtype, [&](T v) { return static_cast<T>(fn(v)); }, ufunc);
  });
}

// Runs a bool-valued predicate elementwise.
template <class Fn>
void predicate_kernel(KernelContext& ctx, Fn fn, const char* ufunc) {
  Value& x = ctx.inputs[0];
  DType dtype = operand_type_checked(x, ufunc).dtype;
  ctx.outputs[0] = dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    return map_unary<bool, T>(
        x, dtype, [&](T v) { return static_cast<bool>(fn(v)); }, ufunc);
  });
}

template <class T>
constexpr bool kIsInt = std::is_integral_v<T> && !std::is_same_v<T, bool>;

struct AbsFn {
  template <class T>
  T operator()(T v) const {
    if constexpr (kIsInt<T>) {
      using U = std::make_unsigned_t<T>;
      return v < 0 ? static_cast<T>(U{0} - static_cast<U>(v)) : v;  // MIN stays MIN, as NumPy
    } else if constexpr (std::is_floating_point_v<T>) {
      return std::abs(v);
    } else {
      return v;
    }
  }
};

Value py_abs(const Value& x) {
  if (x.is<double>()) return std::abs(x.as<double>());
  int64_t v = x.is<bool>() ? int64_t{x.as<bool>()} : x.as<int64_t>();
  if (v == INT64_MIN) {
    throw RuntimeError(PyExc::OverflowError, "integer overflow: abs(" + std::to_string(v) +
                                                 ") does not fit in 64 bits (pygraft's ints are "
                                                 "int64)");
  }
  return v < 0 ? -v : v;
}

}  // namespace

void kernel_absolute(KernelContext& ctx) {
  if (ctx.inputs[0].is_py_scalar()) {
    ctx.outputs[0] = py_abs(ctx.inputs[0]);
    return;
  }
  same_dtype_kernel(ctx, AbsFn{}, "absolute");
}

void kernel_sign(KernelContext& ctx) {
  if (operand_type_checked(ctx.inputs[0], "sign").dtype == DType::Bool) {
    throw RuntimeError(PyExc::TypeError,
                       "ufunc 'sign' did not contain a loop with signature matching types <class "
                       "'numpy.dtype[bool_]'> -> None");
  }
  same_dtype_kernel(
      ctx,
      [](auto v) -> decltype(v) {
        using T = decltype(v);
        if constexpr (std::is_floating_point_v<T>) {
          if (std::isnan(v)) return v;
        }
        return static_cast<T>((v > T{0}) - (v < T{0}));
      },
      "sign");
}

namespace {

// np.floor / ceil / trunc: float results, bool and ints too (NumPy's loops are
// float-only; it gives float16 for bool, float64 here). math.floor(int) keeps
// the int exact, as Python's int.__floor__ does.
template <class Op>
void rounding_kernel(KernelContext& ctx, const char* ufunc) {
  Value& x = ctx.inputs[0];
  if (x.is<int64_t>() || x.is<bool>()) {
    ctx.outputs[0] = to_int64(x, ufunc);
    return;
  }
  float_unary_kernel<Op>(ctx, ufunc);
}

}  // namespace

// math.pow(x, y) on the float() of its arguments.
void kernel_math_pow(KernelContext& ctx) {
  ctx.outputs[0] = math_pow(to_double(ctx.inputs[0], "pow"), to_double(ctx.inputs[1], "pow"));
}

void kernel_floor(KernelContext& ctx) {
  rounding_kernel<FloorOp>(ctx, "floor");
}
void kernel_ceil(KernelContext& ctx) {
  rounding_kernel<CeilOp>(ctx, "ceil");
}
void kernel_trunc(KernelContext& ctx) {
  rounding_kernel<TruncOp>(ctx, "trunc");
}

namespace {

struct SquareFn {
  template <class T>
  T operator()(T v) const {
    if constexpr (kIsInt<T>) {
      using U = std::make_unsigned_t<T>;
      return static_cast<T>(static_cast<U>(v) * static_cast<U>(v));
    } else {
      return static_cast<T>(v * v);
    }
  }
};

}  // namespace

// Note: NumPy squares bools in int8; int64 is our nearest integer dtype.
void kernel_square(KernelContext& ctx) {
  Value& x = ctx.inputs[0];
  DType dtype = operand_type_checked(x, "square").dtype;
  if (dtype == DType::Bool) dtype = DType::Int64;
  ctx.outputs[0] = dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    return map_unary<T, T>(x, dtype, SquareFn{}, "square");
  });
}

namespace {

template <class T>
bool is_inf_element(T v) {
  if constexpr (std::is_floating_point_v<T>)
    return std::isinf(v);
  else
    return false;
}

}  // namespace

void kernel_isnan(KernelContext& ctx) {
  predicate_kernel(
      ctx, [](auto v) { return isnan_element(v); }, "isnan");
}
void kernel_isinf(KernelContext& ctx) {
  predicate_kernel(
      ctx, [](auto v) { return is_inf_element(v); }, "isinf");
}
void kernel_isfinite(KernelContext& ctx) {
  predicate_kernel(
      ctx, [](auto v) { return !isnan_element(v) && !is_inf_element(v); }, "isfinite");
}

}  // namespace pygraft::rt
