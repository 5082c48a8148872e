// Statistics reductions: mean, var, std and np.linalg.norm (ord=None).
// Requires operands (a, axis, dtype, [ddof,] keepdims) for mean/var/std and
// (x, ord, axis, keepdims) for norm, in ops.def order.
// Guarantees NumPy's arithmetic, step by step as numpy/core/_methods.py and
// np.linalg.norm do it: everything runs in the work dtype (float32 for
// float32 input, else float64, or the `dtype=` given) with pairwise sums, so
// float32 overflows to inf exactly where NumPy's does; the mean is the sum
// divided by the count in float64 and rounded to the work dtype; var sums the
// squared deviations from that mean, std is sqrt(var) in the work dtype; norm
// is the square root of the sum of squares (ints are converted to float64).
// Results are float32 for float32 input, else float64 (mean/var/std: the
// `dtype=` given). mean, var, std and norm refuse an axis on a 0-d array.
#include <algorithm>
#include <cmath>
#include <type_traits>

#include "runtime/cast.h"
#include "runtime/kernel.h"
#include "runtime/reduce_fold.h"

namespace pygraft::rt {

namespace {

DType float_dtype(DType in) {
  return in == DType::Float32 ? DType::Float32 : DType::Float64;
}

// sum / count per result (kept shape), rounded to W as NumPy's
// true_divide(sum, np.intp(count)) into the W result does.
template <class W>
Tensor mean_of(const ReduceSetup& s, const Tensor& in) {
  Tensor acc = fold<W, W>(s, in, W{0}, SumStep{});
  W* a = acc.data<W>();
  const double count = static_cast<double>(s.count);
  for (int64_t i = 0; i < acc.numel(); ++i) {
    a[i] = static_cast<W>(static_cast<double>(a[i]) / count);  // 0/0 gives NaN, as NumPy
  }
  return acc;
}

// (x - mean)^2 in W, for mean of the kept shape.
template <class W>
Tensor squared_deviations(const Tensor& in, const Tensor& mean) {
  const Shape shapes[] = {in.shape(), in.shape(), mean.shape()};
  BroadcastPlan plan(shapes);
  Tensor out = Tensor::empty(dtype_of<W>(), in.shape());
  W* o = out.data<W>();
  const W* x = in.data<W>();
  const W* m = mean.data<W>();
  const int64_t step = plan.inner_stride(2);
  plan.for_each_run([&](const int64_t* off, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      W d = x[off[1] + i] - m[off[2] + i * step];
      o[off[0] + i] = d * d;
    }
  });
  return out;
}

template <class W>
Tensor variance(const ReduceSetup& s, const Tensor& in, int64_t ddof, bool take_sqrt) {
  Tensor squares = squared_deviations<W>(in, mean_of<W>(s, in));
  Tensor acc = fold<W, W>(s, squares, W{0}, SumStep{});
  const double divisor = static_cast<double>(std::max<int64_t>(s.count - ddof, 0));
  W* a = acc.data<W>();
  for (int64_t i = 0; i < acc.numel(); ++i) {
    a[i] = static_cast<W>(static_cast<double>(a[i]) / divisor);
    if (take_sqrt) a[i] = std::sqrt(a[i]);
  }
  return acc;
}

// Runs fn<W>() with W the element type of the work dtype (float32 or float64).
template <class Fn>
Tensor in_work_type(DType work, Fn fn) {
  if (work == DType::Float32) return fn(float{});
  return fn(double{});
}

void variance_kernel(KernelContext& ctx, bool take_sqrt) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[4]);
  DType out = dtype_arg(ctx.inputs[2]).value_or(float_dtype(s.in.dtype()));
  int64_t ddof = int_arg(ctx.inputs[3], "ddof");
  DType work = float_dtype(out);
  Tensor in = cast(s.in, work);
  Tensor acc =
      in_work_type(work, [&](auto tag) { return variance<decltype(tag)>(s, in, ddof, take_sqrt); });
  ctx.outputs[0] = cast(acc, out).reshaped(s.out_shape);
}

}  // namespace

void kernel_mean(KernelContext& ctx) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[3]);
  DType out = dtype_arg(ctx.inputs[2]).value_or(float_dtype(s.in.dtype()));
  DType work = float_dtype(out);
  Tensor in = cast(s.in, work);
  Tensor acc = in_work_type(work, [&](auto tag) { return mean_of<decltype(tag)>(s, in); });
  ctx.outputs[0] = cast(acc, out).reshaped(s.out_shape);
}

void kernel_var(KernelContext& ctx) {
  variance_kernel(ctx, false);
}
void kernel_std(KernelContext& ctx) {
  variance_kernel(ctx, true);
}

// np.linalg.norm with ord=None: the 2-norm of vectors along `axis`, the
// Frobenius norm over two axes or (axis=None) the whole array, as the square
// root of the sum of squares in the work dtype (NumPy: sqrt(x.dot(x)) or
// sqrt(add.reduce(x * x))). float32 stays float32; everything else gives
// float64, as NumPy's norm does.
void kernel_norm(KernelContext& ctx) {
  if (!ctx.inputs[1].is_none()) {
    throw RuntimeError(
        PyExc::NotImplementedError,
        "np.linalg.norm: only ord=None (the 2-norm of vectors, the Frobenius norm of matrices) "
        "is supported");
  }
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[2], ctx.inputs[3]);
  DType work = float_dtype(s.in.dtype());
  Tensor in = cast(s.in, work);
  Tensor acc = in_work_type(work, [&](auto tag) {
    using W = decltype(tag);
    Tensor zero = Tensor::zeros(dtype_of<W>(), s.kept);
    Tensor sum = fold<W, W>(s, squared_deviations<W>(in, zero), W{0}, SumStep{});
    W* a = sum.data<W>();
    for (int64_t i = 0; i < sum.numel(); ++i) a[i] = std::sqrt(a[i]);
    return sum;
  });
  ctx.outputs[0] = acc.reshaped(s.out_shape);
}

}  // namespace pygraft::rt
