// Reductions: sum, prod, mean, var, std, max, min, all, any.
// Requires operands (a, axis, [dtype,] [ddof,] keepdims) in ops.def order.
// Guarantees NumPy's dtypes: sum/prod of bool and int give int64, of float32
// float32; mean/var/std of bool and int give float64, of float32 float32;
// max/min keep the dtype; all/any give bool. A `dtype=` casts the input first,
// as NumPy does. Results are tensors (0-d for full reductions). Floats
// accumulate in double; integers wrap as NumPy's do.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

#include "runtime/cast.h"
#include "runtime/kernel.h"
#include "runtime/reduce_plan.h"

namespace pygraft::rt {

namespace {

// The accumulator of a sum or product over T: bool stays bool (logical
// or/and), integers widen to int64, floats to double.
template <class T>
using WideT = std::conditional_t<std::is_same_v<T, bool>, bool,
                                 std::conditional_t<std::is_integral_v<T>, int64_t, double>>;

template <class T>
using ConstArrayMap = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;

struct SumStep {
  template <class A, class T>
  A operator()(A acc, T x) const {
    if constexpr (std::is_same_v<A, bool>)
      return acc || x;
    else if constexpr (std::is_integral_v<A>)
      return static_cast<A>(uint64_t(acc) + uint64_t(x));
    else
      return acc + static_cast<A>(x);
  }
  // Note: Eigen's sum is vectorised and sums blockwise, close to NumPy's
  // pairwise summation.
  template <class A, class T>
  A run(A acc, const T* x, int64_t n) const {
    if constexpr (std::is_floating_point_v<T> && std::is_floating_point_v<A>) {
      return acc + ConstArrayMap<T>(x, n).template cast<A>().sum();
    } else {
      for (int64_t i = 0; i < n; ++i) acc = (*this)(acc, x[i]);
      return acc;
    }
  }
};

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

template <class T>
bool isnan_element(T v) {
  if constexpr (std::is_floating_point_v<T>)
    return std::isnan(v);
  else
    return false;
}

// max/min keep the first NaN they meet. Runs into one result use Eigen's
// vectorised, NaN-propagating maxCoeff/minCoeff.
struct MaxStep {
  template <class T>
  T operator()(T acc, T x) const {
    return (acc >= x || isnan_element(acc)) ? acc : x;
  }
  template <class T>
  T run(T acc, const T* x, int64_t n) const {
    if constexpr (std::is_same_v<T, bool>) {
      for (int64_t i = 0; i < n && !acc; ++i) acc = x[i];
      return acc;
    } else {
      return n == 0 ? acc
                    : (*this)(acc, ConstArrayMap<T>(x, n).template maxCoeff<Eigen::PropagateNaN>());
    }
  }
};
struct MinStep {
  template <class T>
  T operator()(T acc, T x) const {
    return (acc <= x || isnan_element(acc)) ? acc : x;
  }
  template <class T>
  T run(T acc, const T* x, int64_t n) const {
    if constexpr (std::is_same_v<T, bool>) {
      for (int64_t i = 0; i < n && acc; ++i) acc = x[i];
      return acc;
    } else {
      return n == 0 ? acc
                    : (*this)(acc, ConstArrayMap<T>(x, n).template minCoeff<Eigen::PropagateNaN>());
    }
  }
};

template <class Step, class A, class T>
A fold_run(const Step& step, A acc, const T* x, int64_t n) {
  if constexpr (requires { step.run(acc, x, n); }) {
    return step.run(acc, x, n);
  } else {
    for (int64_t i = 0; i < n; ++i) acc = step(acc, x[i]);
    return acc;
  }
}

// Folds every element of `in` (type T) into a new accumulator of type A
// with the kept shape, starting from `init`.
template <class A, class T, class Step>
Tensor fold(const ReduceSetup& s, const Tensor& in, A init, Step step) {
  Tensor acc = Tensor::empty(dtype_of<A>(), s.kept);
  A* a = acc.data<A>();
  std::fill_n(a, acc.numel(), init);
  const T* x = in.data<T>();
  for_each_reduce_run(in.shape(), s.kept, [&](int64_t xo, int64_t ao, int64_t n, bool inner) {
    if (inner) {
      for (int64_t i = 0; i < n; ++i) a[ao + i] = step(a[ao + i], x[xo + i]);
    } else {
      a[ao] = fold_run(step, a[ao], x + xo, n);
    }
  });
  return acc;
}

DType sum_dtype(DType in) {
  return is_float(in) ? in : DType::Int64;
}
DType mean_dtype(DType in) {
  return in == DType::Float32 ? DType::Float32 : DType::Float64;
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

void kernel_sum(KernelContext& ctx) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[3]);
  DType out = dtype_arg(ctx.inputs[2]).value_or(sum_dtype(s.in.dtype()));
  ctx.outputs[0] = sum_like(s, out, 0, SumStep{});
}

void kernel_prod(KernelContext& ctx) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[3]);
  DType out = dtype_arg(ctx.inputs[2]).value_or(sum_dtype(s.in.dtype()));
  ctx.outputs[0] = sum_like(s, out, 1, ProdStep{});
}

namespace {

template <class Step>
void extremum_kernel(KernelContext& ctx, bool is_max, Step step) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[2]);
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
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[2]);
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

namespace {

// Per-result means in double, with the kept shape.
Tensor mean_acc(const ReduceSetup& s) {
  Tensor acc = dispatch_dtype(
      s.in.dtype(), [&](auto tag) { return fold<double, decltype(tag)>(s, s.in, 0.0, SumStep{}); });
  double* a = acc.data<double>();
  const double count = static_cast<double>(s.count);
  for (int64_t i = 0; i < acc.numel(); ++i) a[i] /= count;  // 0/0 gives NaN, as NumPy
  return acc;
}

// Sum of squared deviations from `mean` (kept shape) into a new accumulator.
template <class T>
Tensor squared_deviations(const ReduceSetup& s, const Tensor& mean) {
  Tensor acc = Tensor::zeros(DType::Float64, s.kept);
  double* a = acc.data<double>();
  const double* m = mean.data<double>();
  const T* x = s.in.data<T>();
  for_each_reduce_run(s.in.shape(), s.kept, [&](int64_t xo, int64_t ao, int64_t n, bool inner) {
    if (inner) {
      for (int64_t i = 0; i < n; ++i) {
        double d = static_cast<double>(x[xo + i]) - m[ao + i];
        a[ao + i] += d * d;
      }
      return;
    }
    double sum = 0, mu = m[ao];
    for (int64_t i = 0; i < n; ++i) {
      double d = static_cast<double>(x[xo + i]) - mu;
      sum += d * d;
    }
    a[ao] += sum;
  });
  return acc;
}

void variance_kernel(KernelContext& ctx, bool take_sqrt) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[4]);
  DType out = dtype_arg(ctx.inputs[2]).value_or(mean_dtype(s.in.dtype()));
  int64_t ddof = int_arg(ctx.inputs[3], "ddof");
  Tensor mean = mean_acc(s);
  Tensor acc = dispatch_dtype(s.in.dtype(),
                              [&](auto tag) { return squared_deviations<decltype(tag)>(s, mean); });
  const double divisor = static_cast<double>(std::max<int64_t>(s.count - ddof, 0));
  double* a = acc.data<double>();
  for (int64_t i = 0; i < acc.numel(); ++i) {
    a[i] /= divisor;
    if (take_sqrt) a[i] = std::sqrt(a[i]);
  }
  ctx.outputs[0] = cast(acc, out).reshaped(s.out_shape);
}

}  // namespace

void kernel_mean(KernelContext& ctx) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[3]);
  DType out = dtype_arg(ctx.inputs[2]).value_or(mean_dtype(s.in.dtype()));
  ctx.outputs[0] = cast(mean_acc(s), out).reshaped(s.out_shape);
}

// np.linalg.norm with ord=None: the 2-norm of vectors along `axis`, the
// Frobenius norm over two axes or (axis=None) the whole array, all as the
// square root of the sum of squares, accumulated in double. float32 stays
// float32; everything else gives float64, as NumPy's norm does.
void kernel_norm(KernelContext& ctx) {
  if (!ctx.inputs[1].is_none()) {
    throw RuntimeError(
        PyExc::NotImplementedError,
        "np.linalg.norm: only ord=None (the 2-norm of vectors, the Frobenius norm of matrices) "
        "is supported");
  }
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[2], ctx.inputs[3]);
  Tensor origin = Tensor::zeros(DType::Float64, s.kept);
  Tensor acc = dispatch_dtype(
      s.in.dtype(), [&](auto tag) { return squared_deviations<decltype(tag)>(s, origin); });
  double* a = acc.data<double>();
  for (int64_t i = 0; i < acc.numel(); ++i) a[i] = std::sqrt(a[i]);
  ctx.outputs[0] = cast(acc, mean_dtype(s.in.dtype())).reshaped(s.out_shape);
}

void kernel_var(KernelContext& ctx) {
  variance_kernel(ctx, false);
}
void kernel_std(KernelContext& ctx) {
  variance_kernel(ctx, true);
}

}  // namespace pygraft::rt
