// Reductions: sum, prod, max, min, all, any (mean, var, std and norm are in
// kernels_stats.cc).
// Requires operands (a, axis, [dtype,] keepdims) in ops.def order.
// Guarantees NumPy's dtypes: sum/prod of bool and int give int64, of float32
// float32; max/min keep the dtype; all/any give bool. A `dtype=` casts the
// input first, as NumPy does. Results are tensors (0-d for full reductions).
// Floats accumulate in their own dtype, sums pairwise (runtime/reduce_fold.h),
// as NumPy's do; integers wrap as NumPy's do.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

#include "runtime/cast.h"
#include "runtime/kernel.h"
#include "runtime/reduce_fold.h"
#include "runtime/simd_math.h"

namespace pygraft::rt {

namespace {

// The accumulator of a sum or product over T: bool stays bool (logical
// or/and), integers widen to int64, floats stay themselves (NumPy sums
// float32 in float32, so it overflows where NumPy's does).
template <class T>
using WideT = std::conditional_t<std::is_same_v<T, bool>, bool,
                                 std::conditional_t<std::is_integral_v<T>, int64_t, T>>;

struct ProdStep {
  template <class A, class T>
  A operator()(A acc, T x) const {
    if constexpr (std::is_same_v<A, bool>)
      return acc && x;
    else if constexpr (std::is_integral_v<A>)
      return static_cast<A>(uint64_t(acc) * uint64_t(x));
    else
      return acc * static_cast<A>(x);
  }
};

DType sum_dtype(DType in) {
  return is_float(in) ? in : DType::Int64;
}

// sum and prod: the input cast to the result dtype, folded in its wide type.
template <class Step>
Tensor sum_like(ReduceSetup& s, DType out, int identity, Step step) {
  Tensor in = cast(s.in, out);
  Tensor acc = dispatch_dtype(out, [&](auto tag) {
    using T = decltype(tag);
    using A = WideT<T>;
    return fold<A, T>(s, in, static_cast<A>(identity), step);
  });
  return cast(acc, out).reshaped(s.out_shape);
}

}  // namespace

namespace {

// np.sum(v) of a 1-D float vector with no other argument, as the generic
// path computes it (0 + the pairwise sum) without its reduction setup: the
// row sums of loops over small arrays.
bool sum_float_vector(KernelContext& ctx) {
  const Value& a = ctx.inputs[0];
  if (!a.is<Tensor>() || a.as<Tensor>().rank() != 1 || !is_float(a.as<Tensor>().dtype()) ||
      !ctx.inputs[1].is<NoneValue>() || !ctx.inputs[2].is<NoneValue>() ||
      !ctx.inputs[3].is<bool>() || ctx.inputs[3].as<bool>()) {
    return false;
  }
  const Tensor& t = a.as<Tensor>();
  Tensor out = dispatch_dtype(t.dtype(), [&](auto tag) -> Tensor {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      return Tensor::scalar(t.dtype(), T(0) + pairwise_sum(t.data<T>(), t.numel()));
    } else {
      return Tensor();  // not reached: float dtypes only
    }
  });
  ctx.outputs[0] = std::move(out);
  return true;
}

}  // namespace

void kernel_sum(KernelContext& ctx) {
  if (sum_float_vector(ctx)) return;
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[3], ScalarAxis::Allow);
  DType out = dtype_arg(ctx.inputs[2]).value_or(sum_dtype(s.in.dtype()));
  ctx.outputs[0] = sum_like(s, out, 0, SumStep{});
}

void kernel_prod(KernelContext& ctx) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[3], ScalarAxis::Allow);
  DType out = dtype_arg(ctx.inputs[2]).value_or(sum_dtype(s.in.dtype()));
  ctx.outputs[0] = sum_like(s, out, 1, ProdStep{});
}

namespace {

template <class Step>
void extremum_kernel(KernelContext& ctx, bool is_max, Step step) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[2], ScalarAxis::Allow);
  if (s.count == 0) {
    throw RuntimeError(PyExc::ValueError, std::string("zero-size array to reduction operation ") +
                                              (is_max ? "maximum" : "minimum") +
                                              " which has no identity");
  }
  Tensor acc = dispatch_dtype(s.in.dtype(), [&](auto tag) {
    using T = decltype(tag);
    using Limits = std::numeric_limits<T>;
    T init = is_max ? Limits::lowest() : Limits::max();
    if constexpr (std::is_floating_point_v<T>)
      init = is_max ? -Limits::infinity() : Limits::infinity();
    return fold<T, T>(s, s.in, init, step);
  });
  ctx.outputs[0] = acc.reshaped(s.out_shape);
}

void logical_reduce(KernelContext& ctx, bool is_all) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[2], ScalarAxis::Allow);
  Tensor in = cast(s.in, DType::Bool);
  Tensor acc = is_all ? fold<bool, bool>(s, in, true, ProdStep{})
                      : fold<bool, bool>(s, in, false, SumStep{});
  ctx.outputs[0] = acc.reshaped(s.out_shape);
}

}  // namespace

void kernel_max(KernelContext& ctx) {
  extremum_kernel(ctx, true, MaxStep{});
}
void kernel_min(KernelContext& ctx) {
  extremum_kernel(ctx, false, MinStep{});
}
void kernel_all(KernelContext& ctx) {
  logical_reduce(ctx, true);
}
void kernel_any(KernelContext& ctx) {
  logical_reduce(ctx, false);
}

}  // namespace pygraft::rt
