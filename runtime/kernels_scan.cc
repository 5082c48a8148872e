// Reductions along one axis that need positions: argmax, argmin, cumsum.
// Requires operands (a, axis, keepdims) for argmax/argmin and (a, axis,
// dtype) for cumsum. axis None flattens (argmax gives a flat index, cumsum a
// 1-d result).
// Guarantees: int64 indices of the first extremum (the first NaN wins, as in
// NumPy); cumsum dtypes follow sum's (bool and int give int64).
#include <Eigen/Core>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "runtime/cast.h"
#include "runtime/kernel.h"
#include "runtime/kernels_into.h"
#include "runtime/reduce_fold.h"
#include "runtime/reduce_plan.h"
#include "runtime/simd_math.h"

namespace pygraft::rt {

namespace {

Tensor take_tensor(Value& a) {
  if (!a.is_tensor()) return to_tensor(a);
  Tensor t = std::move(a.as<Tensor>());
  a = Value();
  return t;
}

// The largest (is_max) or smallest of x[0, n), n >= 1, NaN if there is one.
template <class T>
T extremum(const T* x, int64_t n, bool is_max) {
  if constexpr (std::is_floating_point_v<T>) {
    // Note: the dispatch costs more than it saves on short rows (k-means'
    // argmin over 8 distances per point).
    constexpr int64_t kSimdMinLength = 64;
    if (n >= kSimdMinLength) return is_max ? simd_reduce_max(x, n) : simd_reduce_min(x, n);
  }
  Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>> m(x, n);
  return is_max ? m.template maxCoeff<Eigen::PropagateNaN>()
                : m.template minCoeff<Eigen::PropagateNaN>();
}

// Rows up to this long are scanned once (arg_best_short) rather than reduced
// and then searched.
constexpr int64_t kScanMaxLength = 32;

// arg_best_contiguous of a short row (k-means' 8 distances per point) in one
// scan that keeps the first best, with selects rather than branches (random
// data mispredicts them). A NaN compares false and is never taken; whether
// there was one is gathered on the way and, if so (rare), the first is found.
template <bool kIsMax, class T>
int64_t arg_best_short(const T* x, int64_t n) {
  int64_t best = 0;
  T best_value = x[0];
  bool any_nan = isnan_element(x[0]);
  for (int64_t i = 1; i < n; ++i) {
    const T v = x[i];
    any_nan |= isnan_element(v);
    const bool take = kIsMax ? v > best_value : v < best_value;
    best = take ? i : best;
    best_value = take ? v : best_value;
  }
  if (any_nan) {
    for (int64_t i = 0; i < n; ++i) {
      if (isnan_element(x[i])) return i;
    }
  }
  return best;
}

// Index of the first maximum (is_max) or minimum of x[0, n), the first NaN
// if there is one: a vectorised extremum, then a scan for its position.
template <class T>
int64_t arg_best_contiguous(const T* x, int64_t n, bool is_max) {
  if (n <= kScanMaxLength) {
    return is_max ? arg_best_short<true>(x, n) : arg_best_short<false>(x, n);
  }
  T target;
  if constexpr (std::is_same_v<T, bool>) {
    target = x[0];
    for (int64_t i = 0; i < n; ++i) target = is_max ? (target || x[i]) : (target && x[i]);
  } else {
    target = extremum(x, n, is_max);
  }
  if (isnan_element(target)) {
    for (int64_t i = 0; i < n; ++i) {
      if (isnan_element(x[i])) return i;
    }
  }
  if constexpr (std::is_floating_point_v<T>) {
    const int64_t i = simd_find_equal(x, n, target);
    return i < n ? i : 0;
  } else {
    for (int64_t i = 0; i < n; ++i) {
      if (x[i] == target) return i;
    }
    return 0;
  }
}

// Indices of the best element along the split's middle axis: for every
// (outer, inner) position, the first j whose value `better` beats the rest.
template <class T, class Better>
void arg_best(const T* x, const AxisSplit& split, int64_t* out, Better better) {
  const int64_t inner = split.inner, length = split.length;
  std::vector<T> best(static_cast<size_t>(inner));
  for (int64_t o = 0; o < split.outer; ++o) {
    const T* block = x + o * length * inner;
    int64_t* idx = out + o * inner;
    for (int64_t i = 0; i < inner; ++i) {
      best[i] = block[i];
      idx[i] = 0;
    }
    for (int64_t j = 1; j < length; ++j) {
      const T* row = block + j * inner;
      for (int64_t i = 0; i < inner; ++i) {
        if (better(row[i], best[i])) {
          best[i] = row[i];
          idx[i] = j;
        }
      }
    }
  }
}

void arg_kernel(KernelContext& ctx, bool is_max) {
  Tensor in = take_tensor(ctx.inputs[0]);
  const Value& axis = ctx.inputs[1];
  bool keepdims = bool_arg(ctx.inputs[2], "keepdims");
  // Note: NumPy sees a 0-d array as one element of a 1-d array here.
  Shape shape = axis.is_none() || in.rank() == 0 ? Shape{in.numel()} : in.shape();
  int ax = axis.is_none() ? 0 : normalize_axis(int_arg(axis, "axis"), shape.rank());
  AxisSplit split = split_at_axis(shape, ax);
  if (split.length == 0) {
    throw RuntimeError(
        PyExc::ValueError,
        std::string("attempt to get ") + (is_max ? "argmax" : "argmin") + " of an empty sequence");
  }
  Shape out_shape;
  for (int i = 0; i < in.rank(); ++i) {
    bool reduced = axis.is_none() || i == ax;
    if (keepdims || !reduced) out_shape.push_back(reduced ? 1 : in.shape()[i]);
  }
  Tensor out = Tensor::empty(DType::Int64, out_shape);
  dispatch_dtype(in.dtype(), [&](auto tag) {
    using T = decltype(tag);
    auto better = [is_max](T v, T best) {
      if (isnan_element(best)) return false;
      return isnan_element(v) || (is_max ? v > best : v < best);
    };
    const T* x = in.data<T>();
    int64_t* idx = out.data<int64_t>();
    const int64_t n = split.length;
    if constexpr (std::is_floating_point_v<T>) {
      if (split.inner == 1 && simd_arg_best_rows(x, split.outer, n, is_max, idx)) return;
    }
    if (split.inner == 1 && n <= kScanMaxLength) {  // the choice made once, not per row
      if (is_max) {
        for (int64_t o = 0; o < split.outer; ++o) idx[o] = arg_best_short<true>(x + o * n, n);
      } else {
        for (int64_t o = 0; o < split.outer; ++o) idx[o] = arg_best_short<false>(x + o * n, n);
      }
    } else if (split.inner == 1) {
      for (int64_t o = 0; o < split.outer; ++o) {
        out.data<int64_t>()[o] =
            arg_best_contiguous(in.data<T>() + o * split.length, split.length, is_max);
      }
    } else {
      arg_best(in.data<T>(), split, out.data<int64_t>(), better);
    }
  });
  ctx.outputs[0] = std::move(out);
}

}  // namespace

bool argmax_floats(const Tensor& x, int64_t& index) {
  const int64_t n = x.numel();
  if (!is_float(x.dtype()) || n == 0) return false;
  dispatch_dtype(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      const T* data = x.data<T>();
      if (simd_arg_best_rows(data, 1, n, true, &index)) return;
      index =
          n <= kScanMaxLength ? arg_best_short<true>(data, n) : arg_best_contiguous(data, n, true);
    }
  });
  return true;
}

void kernel_argmax(KernelContext& ctx) {
  arg_kernel(ctx, true);
}
void kernel_argmin(KernelContext& ctx) {
  arg_kernel(ctx, false);
}

namespace {

template <class T>
T add_wrapping(T a, T b) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
  } else if constexpr (std::is_same_v<T, bool>) {
    return a || b;
  } else {
    return a + b;
  }
}

template <class T>
T multiply_wrapping(T a, T b) {
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(a) * static_cast<U>(b));
  } else if constexpr (std::is_same_v<T, bool>) {
    return a && b;
  } else {
    return a * b;
  }
}

// x[j] = x[j - 1] op x[j] along the axis, in place.
template <class T, class Op>
void prefix_scan(T* x, const AxisSplit& split, Op op) {
  const int64_t inner = split.inner;
  for (int64_t o = 0; o < split.outer; ++o) {
    T* block = x + o * split.length * inner;
    for (int64_t j = 1; j < split.length; ++j) {
      T* row = block + j * inner;
      const T* prev = row - inner;
      for (int64_t i = 0; i < inner; ++i) row[i] = op(prev[i], row[i]);
    }
  }
}

// np.cumsum / np.cumprod: dtypes as sum's and prod's (bool and int give
// int64), wrapping on integer overflow as NumPy does.
template <bool kProduct>
void scan_kernel(KernelContext& ctx) {
  Tensor in = take_tensor(ctx.inputs[0]);
  const Value& axis = ctx.inputs[1];
  DType dtype = dtype_arg(ctx.inputs[2]).value_or(is_float(in.dtype()) ? in.dtype() : DType::Int64);
  // Note: a 0-d array is one element of a 1-d array, as NumPy sees it here.
  if (axis.is_none() || in.rank() == 0) in = in.reshaped(Shape{in.numel()});
  int ax = axis.is_none() ? 0 : normalize_axis(int_arg(axis, "axis"), in.rank());
  Tensor out = cast(in, dtype);
  in = Tensor();
  if (!out.unique()) out = out.clone();  // never write into a shared input
  AxisSplit split = split_at_axis(out.shape(), ax);
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (kProduct) {
      prefix_scan(out.data<T>(), split, [](T a, T b) { return multiply_wrapping(a, b); });
    } else {
      prefix_scan(out.data<T>(), split, [](T a, T b) { return add_wrapping(a, b); });
    }
  });
  ctx.outputs[0] = std::move(out);
}

}  // namespace

void kernel_cumsum(KernelContext& ctx) {
  scan_kernel<false>(ctx);
}
void kernel_cumprod(KernelContext& ctx) {
  scan_kernel<true>(ctx);
}

// np.diff(a, n=1, axis=-1): x[j + 1] - x[j] along the axis, n times; bool
// arrays give x[j + 1] != x[j] as NumPy does.
void kernel_diff(KernelContext& ctx) {
  Tensor a = to_tensor(ctx.inputs[0]);
  const int64_t n = int_arg(ctx.inputs[1], "n");
  if (n < 0) {
    throw RuntimeError(PyExc::ValueError,
                       "order must be non-negative but got " + std::to_string(n));
  }
  if (a.rank() == 0) {
    throw RuntimeError(PyExc::ValueError, "diff requires input that is at least one dimensional");
  }
  const int ax = normalize_axis(int_arg(ctx.inputs[2], "axis"), a.rank());
  for (int64_t step = 0; step < n && a.shape()[ax] > 0; ++step) {
    Shape shape = a.shape();
    shape[ax] -= 1;
    Tensor out = Tensor::empty(a.dtype(), shape);
    const AxisSplit split = split_at_axis(a.shape(), ax);
    dispatch_dtype(a.dtype(), [&](auto tag) {
      using T = decltype(tag);
      const T* in = a.data<T>();
      T* result = out.data<T>();
      const int64_t inner = split.inner, length = split.length;
      for (int64_t o = 0; o < split.outer; ++o) {
        for (int64_t j = 0; j + 1 < length; ++j) {
          for (int64_t i = 0; i < inner; ++i) {
            const T next = in[(o * length + j + 1) * inner + i];
            const T prev = in[(o * length + j) * inner + i];
            T& r = result[(o * (length - 1) + j) * inner + i];
            if constexpr (std::is_same_v<T, bool>) {
              r = next != prev;
            } else if constexpr (std::is_integral_v<T>) {
              using U = std::make_unsigned_t<T>;
              r = static_cast<T>(static_cast<U>(next) - static_cast<U>(prev));
            } else {
              r = next - prev;
            }
          }
        }
      }
    });
    a = std::move(out);
  }
  ctx.outputs[0] = std::move(a);
}

}  // namespace pygraft::rt
