// Array creation: array, zeros/ones/full (+ _like), eye, arange, linspace.
// Sizes come from user values: Tensor::empty rejects absurd shapes with a
// RuntimeError before anything is allocated.
#include <algorithm>
#include <cmath>
#include <string>

#include "runtime/args.h"
#include "runtime/cast.h"
#include "runtime/indexing.h"
#include "runtime/kernel.h"
#include "runtime/promotion.h"

namespace pygraft::rt {
namespace {

// A tensor of `shape` filled with `value` (broadcast, cast to dtype).
Tensor filled(DType dtype, const Shape& shape, const Value& value) {
  Tensor fill = cast(to_tensor(value), dtype);
  if (fill.numel() != 1) return broadcast_to(fill, shape).clone();
  Tensor out = Tensor::empty(dtype, shape);
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    std::fill_n(out.data<T>(), out.numel(), fill.data<T>()[0]);
  });
  return out;
}

DType dtype_or(const Value& dtype, DType fallback) {
  return dtype_arg(dtype).value_or(fallback);
}

bool is_integral_value(const Value& v) {
  if (v.is<int64_t>() || v.is<bool>()) return true;
  return v.is_tensor() && !is_float(v.as<Tensor>().dtype());
}

// The element count of np.arange and its first two values (NumPy fills the
// rest as first + i * (second - first)).
struct ArangeSpec {
  int64_t length = 0;
  double first = 0, second = 0;         // float inputs
  int64_t first_int = 0, step_int = 0;  // integer inputs
  bool integral = false;
};

ArangeSpec arange_spec(const Value& start, const Value& stop, const Value& step) {
  ArangeSpec spec;
  spec.integral = is_integral_value(start) && is_integral_value(stop) && is_integral_value(step);
  if (spec.integral) {
    const int64_t s = to_int64(start, "arange"), e = to_int64(stop, "arange");
    const int64_t st = to_int64(step, "arange");
    if (st == 0) throw RuntimeError(PyExc::ZeroDivisionError, "division by zero");
    const __int128 span = st > 0 ? static_cast<__int128>(e) - s : static_cast<__int128>(s) - e;
    const __int128 abs_step = st > 0 ? static_cast<__int128>(st) : -static_cast<__int128>(st);
    spec.length = span > 0 ? static_cast<int64_t>((span - 1) / abs_step + 1) : 0;
    spec.first_int = s;
    spec.step_int = st;
    return spec;
  }
  const double s = to_double(start, "arange"), e = to_double(stop, "arange");
  const double st = to_double(step, "arange");
  if (st == 0) throw RuntimeError(PyExc::ZeroDivisionError, "float division by zero");
  const double length = std::ceil((e - s) / st);
  if (std::isnan(length)) throw RuntimeError(PyExc::ValueError, "arange: cannot compute length");
  if (length > 9.0e18) throw RuntimeError(PyExc::ValueError, "Maximum allowed size exceeded");
  spec.length = length > 0 ? static_cast<int64_t>(length) : 0;
  spec.first = s;
  spec.second = s + st;
  return spec;
}

template <class T>
void fill_arange(T* out, const ArangeSpec& spec) {
  if (spec.integral) {
    const auto step = static_cast<uint64_t>(spec.step_int);
    for (int64_t i = 0; i < spec.length; ++i) {
      const auto v = static_cast<int64_t>(static_cast<uint64_t>(spec.first_int) +
                                          static_cast<uint64_t>(i) * step);
      out[i] = convert_element<T>(v);
    }
  } else if constexpr (std::is_floating_point_v<T>) {
    const T first = static_cast<T>(spec.first);
    const T delta = static_cast<T>(spec.second) - first;
    for (int64_t i = 0; i < spec.length; ++i) out[i] = first + static_cast<T>(i) * delta;
    if (spec.length > 1) out[1] = static_cast<T>(spec.second);
  } else {
    const auto first = convert_element<int64_t>(spec.first);
    const auto delta =
        static_cast<uint64_t>(convert_element<int64_t>(spec.second)) - static_cast<uint64_t>(first);
    for (int64_t i = 0; i < spec.length; ++i) {
      out[i] = convert_element<T>(
          static_cast<int64_t>(static_cast<uint64_t>(first) + static_cast<uint64_t>(i) * delta));
    }
  }
}

template <class T>
void fill_linspace(T* y, int64_t num, double start_value, double stop_value, bool endpoint) {
  const T start = static_cast<T>(start_value), stop = static_cast<T>(stop_value);
  const int64_t div = endpoint ? num - 1 : num;
  const T delta = stop - start;
  const T step = div > 0 ? delta / static_cast<T>(div) : T{0};
  for (int64_t i = 0; i < num; ++i) {
    const T index = static_cast<T>(i);
    T v;
    if (div <= 0)
      v = index * delta;
    else if (step == 0)
      v = index / static_cast<T>(div) * delta;
    else
      v = index * step;
    y[i] = v + start;
  }
  if (endpoint && num > 1) y[num - 1] = stop;
}

}  // namespace

void kernel_array(KernelContext& ctx) {
  std::optional<DType> requested = dtype_arg(ctx.inputs[1]);
  if (requested) check_array_scalars(ctx.inputs[0], *requested);
  Tensor t = to_tensor(ctx.inputs[0]);
  if (auto dtype = requested; dtype && *dtype != t.dtype()) {
    // Note: NumPy converts listed floats through a C long, so for int32 they
    // wrap (1e10 -> 1410065408) where an array cast would saturate.
    bool listed = !ctx.inputs[0].is_tensor() && is_float(t.dtype()) && *dtype == DType::Int32;
    ctx.outputs[0] = cast(listed ? cast(t, DType::Int64) : t, *dtype);
  } else {
    ctx.outputs[0] = ctx.inputs[0].is_tensor() ? t.clone() : t;
  }
}

void kernel_zeros(KernelContext& ctx) {
  ctx.outputs[0] = Tensor::zeros(dtype_or(ctx.inputs[1], DType::Float64), shape_arg(ctx.inputs[0]));
}

void kernel_ones(KernelContext& ctx) {
  ctx.outputs[0] =
      filled(dtype_or(ctx.inputs[1], DType::Float64), shape_arg(ctx.inputs[0]), int64_t{1});
}

void kernel_full(KernelContext& ctx) {
  const Value& fill = ctx.inputs[1];
  const DType dtype = dtype_or(ctx.inputs[2], to_tensor(fill).dtype());
  ctx.outputs[0] = filled(dtype, shape_arg(ctx.inputs[0]), fill);
}

void kernel_zeros_like(KernelContext& ctx) {
  const Tensor a = to_tensor(ctx.inputs[0]);
  ctx.outputs[0] = Tensor::zeros(dtype_or(ctx.inputs[1], a.dtype()), a.shape());
}

void kernel_ones_like(KernelContext& ctx) {
  const Tensor a = to_tensor(ctx.inputs[0]);
  ctx.outputs[0] = filled(dtype_or(ctx.inputs[1], a.dtype()), a.shape(), int64_t{1});
}

void kernel_full_like(KernelContext& ctx) {
  const Tensor a = to_tensor(ctx.inputs[0]);
  ctx.outputs[0] = filled(dtype_or(ctx.inputs[2], a.dtype()), a.shape(), ctx.inputs[1]);
}

void kernel_eye(KernelContext& ctx) {
  const int64_t n = int_arg(ctx.inputs[0], "N");
  const int64_t m = ctx.inputs[1].is_none() ? n : int_arg(ctx.inputs[1], "M");
  const int64_t k = int_arg(ctx.inputs[2], "k");
  Tensor out = Tensor::zeros(dtype_or(ctx.inputs[3], DType::Float64), Shape{n, m});
  dispatch_dtype(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* data = out.data<T>();
    for (int64_t i = std::max<int64_t>(0, -k); i < n && i + k < m; ++i) data[i * m + i + k] = T(1);
  });
  ctx.outputs[0] = std::move(out);
}

void kernel_arange(KernelContext& ctx) {
  Value start = ctx.inputs[0], stop = ctx.inputs[1];
  if (stop.is_none()) {
    stop = start;
    start = int64_t{0};
  }
  const Value step = ctx.inputs[2].is_none() ? Value(int64_t{1}) : ctx.inputs[2];
  const ArangeSpec spec = arange_spec(start, stop, step);
  const DType dtype = dtype_or(ctx.inputs[3], spec.integral ? DType::Int64 : DType::Float64);
  if (dtype == DType::Bool && spec.length > 2)
    throw RuntimeError(
        PyExc::TypeError,
        "arange() is only supported for booleans when the result has at most length 2.");
  Tensor out = Tensor::empty(dtype, Shape{spec.length});
  dispatch_dtype(dtype, [&](auto tag) { fill_arange(out.data<decltype(tag)>(), spec); });
  ctx.outputs[0] = std::move(out);
}

void kernel_linspace(KernelContext& ctx) {
  const int64_t num = int_arg(ctx.inputs[2], "num");
  if (num < 0) {
    throw RuntimeError(PyExc::ValueError,
                       "Number of samples, " + std::to_string(num) + ", must be non-negative.");
  }
  const bool endpoint = bool_arg(ctx.inputs[3], "endpoint");
  DType work = result_type(operand_type(ctx.inputs[0]), operand_type(ctx.inputs[1]));
  if (!is_float(work)) work = DType::Float64;
  const double start = to_double(ctx.inputs[0], "linspace"),
               stop = to_double(ctx.inputs[1], "linspace");
  Tensor y = Tensor::empty(work, Shape{num});
  if (work == DType::Float32)
    fill_linspace(y.data<float>(), num, start, stop, endpoint);
  else
    fill_linspace(y.data<double>(), num, start, stop, endpoint);
  const DType dtype = dtype_or(ctx.inputs[4], work);
  // Note: NumPy floors for integer dtypes only; bool casts the floats as they are.
  if (is_integer(dtype)) {
    for (int64_t i = 0; i < num; ++i) {
      if (work == DType::Float32)
        y.data<float>()[i] = std::floor(y.data<float>()[i]);
      else
        y.data<double>()[i] = std::floor(y.data<double>()[i]);
    }
  }
  ctx.outputs[0] = cast(y, dtype);
}

}  // namespace pygraft::rt
