// Statistics reductions: mean, var, std and np.linalg.norm (ord=None).
// Requires operands (a, axis, dtype, [ddof,] keepdims) for mean/var/std and
// (x, ord, axis, keepdims) for norm, in ops.def order.
// Guarantees NumPy's arithmetic, step by step as numpy/core/_methods.py and
// np.linalg.norm do it. mean/var/std work in the result dtype D (the `dtype=`
// given, else float32 for float32 input and float64 for everything else):
//  - mean sums the input cast to D in D's own arithmetic (pairwise for
//    floats, so float32 overflows to inf where NumPy's does; integers wrap;
//    bool is logical or), divides by the count in float64 and casts the
//    quotient back to D (unsafe: an integer D truncates);
//  - var takes that mean, subtracts it from the input in the promoted dtype
//    of input and D (bool - bool is NumPy's TypeError), squares there, sums
//    the squares cast to D in D, and divides as mean does by count - ddof;
//  - std is the square root of var, in D for floats, through float64 for
//    integer and bool D.
// norm is the square root of the sum of squares in float32 for float32
// input, else float64. mean, var, std and norm refuse an axis on a 0-d array.
#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <utility>

#include "runtime/cast.h"
#include "runtime/kernel.h"
#include "runtime/promotion.h"
#include "runtime/reduce_fold.h"

namespace pygraft::rt {

namespace {

DType default_dtype(DType in) {
  return in == DType::Float32 ? DType::Float32 : DType::Float64;
}

// The accumulator type of a sum in T: integers wrap in 64 bits (the same
// residue as T's own wrapping once cast back), bool and floats stay T.
template <class T>
using SumAccT = std::conditional_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int64_t, T>;

// umr_sum(x, axis, dtype=d, keepdims=True): `x` cast to d, summed in d.
Tensor sum_kept(const ReduceSetup& s, const Tensor& x, DType d) {
  Tensor in = cast(x, d);
  Tensor acc = dispatch_dtype(d, [&](auto tag) {
    using T = decltype(tag);
    return fold<SumAccT<T>, T>(s, in, SumAccT<T>{}, SumStep{});
  });
  return cast(acc, d);
}

// sum / divisor per element, computed in float64 and cast unsafely to the
// sum's dtype, as NumPy's true_divide(sum, np.intp(n), out=sum,
// casting='unsafe') does (0/0 gives NaN, which an integer dtype turns into
// its minimum value, as NumPy on x86 does).
Tensor divide_kept(const Tensor& sum, int64_t divisor) {
  Tensor quotient = cast(sum, DType::Float64);
  double* q = quotient.data<double>();
  const auto n = static_cast<double>(divisor);
  for (int64_t i = 0; i < quotient.numel(); ++i) q[i] /= n;
  return cast(quotient, sum.dtype());
}

// (x - mean)^2 elementwise in dtype E, for `mean` of the kept shape;
// integers wrap as NumPy's do.
template <class E>
Tensor squared_deviations(const Tensor& in, const Tensor& mean) {
  Tensor x = cast(in, dtype_of<E>());
  Tensor m = cast(mean, dtype_of<E>());
  const Shape shapes[] = {x.shape(), x.shape(), m.shape()};
  BroadcastPlan plan(shapes);
  Tensor out = Tensor::empty(dtype_of<E>(), x.shape());
  E* o = out.data<E>();
  const E* xs = x.data<E>();
  const E* ms = m.data<E>();
  const int64_t step = plan.inner_stride(2);
  plan.for_each_run([&](const int64_t* off, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      if constexpr (std::is_integral_v<E>) {
        auto d = static_cast<E>(uint64_t(xs[off[1] + i]) - uint64_t(ms[off[2] + i * step]));
        o[off[0] + i] = static_cast<E>(uint64_t(d) * uint64_t(d));
      } else {
        E d = xs[off[1] + i] - ms[off[2] + i * step];
        o[off[0] + i] = d * d;
      }
    }
  });
  return out;
}

Tensor deviations(const Tensor& in, const Tensor& mean) {
  DType e = promote_types(in.dtype(), mean.dtype());
  if (e == DType::Bool) {
    throw RuntimeError(PyExc::TypeError,
                       "numpy boolean subtract, the `-` operator, is not supported, use the "
                       "bitwise_xor, the `^` operator, or the logical_xor function instead.");
  }
  return dispatch_dtype(e, [&](auto tag) -> Tensor {
    using E = decltype(tag);
    if constexpr (std::is_same_v<E, bool>) {
      return Tensor{};  // refused above
    } else {
      return squared_deviations<E>(in, mean);
    }
  });
}

// The square root of every element in place: in D for floats (NumPy's
// sqrt(ret, out=ret)); for integer and bool D, a 0-d result goes through
// float64 and is truncated back (NumPy's ret.dtype.type(sqrt(ret))), while
// an array result is NumPy's refusal to cast sqrt's float output into it.
void sqrt_in_place(Tensor& t) {
  if (t.dtype() == DType::Float32) {
    float* a = t.data<float>();
    for (int64_t i = 0; i < t.numel(); ++i) a[i] = std::sqrt(a[i]);
    return;
  }
  if (t.dtype() != DType::Float64 && t.rank() > 0) {
    const char* from = t.dtype() == DType::Bool ? "float16" : "float64";
    throw RuntimeError(PyExc::TypeError,
                       std::string("Cannot cast ufunc 'sqrt' output from dtype('") + from +
                           "') to dtype('" + std::string(dtype_name(t.dtype())) +
                           "') with casting rule 'same_kind'");
  }
  Tensor wide = cast(t, DType::Float64);
  double* a = wide.data<double>();
  for (int64_t i = 0; i < wide.numel(); ++i) a[i] = std::sqrt(a[i]);
  t = cast(wide, t.dtype());
}

void variance_kernel(KernelContext& ctx, bool take_sqrt) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[4]);
  DType d = dtype_arg(ctx.inputs[2]).value_or(default_dtype(s.in.dtype()));
  int64_t ddof = int_arg(ctx.inputs[3], "ddof");
  Tensor mean = divide_kept(sum_kept(s, s.in, d), s.count);
  Tensor var =
      divide_kept(sum_kept(s, deviations(s.in, mean), d), std::max<int64_t>(s.count - ddof, 0));
  var = var.reshaped(s.out_shape);
  if (take_sqrt) sqrt_in_place(var);
  ctx.outputs[0] = std::move(var);
}

}  // namespace

void kernel_mean(KernelContext& ctx) {
  ReduceSetup s = reduce_setup(ctx.inputs[0], ctx.inputs[1], ctx.inputs[3]);
  DType d = dtype_arg(ctx.inputs[2]).value_or(default_dtype(s.in.dtype()));
  ctx.outputs[0] = divide_kept(sum_kept(s, s.in, d), s.count).reshaped(s.out_shape);
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
  DType work = default_dtype(s.in.dtype());
  Tensor zero = Tensor::zeros(work, s.kept);
  Tensor norm = sum_kept(s, deviations(cast(s.in, work), zero), work);
  norm = norm.reshaped(s.out_shape);
  sqrt_in_place(norm);
  ctx.outputs[0] = std::move(norm);
}

}  // namespace pygraft::rt
