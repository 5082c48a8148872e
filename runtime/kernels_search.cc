// Where the elements are: np.nonzero / np.where(condition) (a tuple of
// index arrays, one per axis), np.flatnonzero, np.argwhere, and the order of
// the elements: np.argsort / np.sort along an axis.
//
// Sorting is stable (NumPy's kind='stable'): equal elements keep their
// order. NumPy's default kind, 'quicksort', promises no order for equal
// elements; for distinct ones the results agree. NaN sorts last, as in
// NumPy.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "runtime/args.h"
#include "runtime/kernel.h"
#include "runtime/reduce_plan.h"

namespace pygraft::rt {

namespace {

// The flat positions of the true (non-zero) elements, in order.
std::vector<int64_t> true_positions(const Tensor& t) {
  std::vector<int64_t> out;
  for (int64_t i = 0; i < t.numel(); ++i) {
    if (t.get_as_bool(i)) out.push_back(i);
  }
  return out;
}

Tensor index_vector(const std::vector<int64_t>& values) {
  Tensor out = Tensor::empty(DType::Int64, Shape{static_cast<int64_t>(values.size())});
  std::copy(values.begin(), values.end(), out.data<int64_t>());
  return out;
}

// positions[i] as (rank) coordinates: column d of the result.
std::vector<Tensor> coordinates(const Shape& shape, const std::vector<int64_t>& positions) {
  std::vector<Tensor> out;
  const auto strides = contiguous_strides(shape);
  for (int d = 0; d < shape.rank(); ++d) {
    Tensor axis = Tensor::empty(DType::Int64, Shape{static_cast<int64_t>(positions.size())});
    int64_t* data = axis.data<int64_t>();
    for (size_t i = 0; i < positions.size(); ++i) {
      data[i] = positions[i] / strides[d] % shape[d];
    }
    out.push_back(std::move(axis));
  }
  return out;
}

Value nonzero_of(const Tensor& t) {
  if (t.rank() == 0) {
    throw RuntimeError(PyExc::ValueError,
                       "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar)."
                       "nonzero() instead.");
  }
  std::vector<Value> axes;
  for (Tensor& axis : coordinates(t.shape(), true_positions(t))) axes.emplace_back(std::move(axis));
  return Value::tuple(std::move(axes));
}

// NumPy's order: NaN after every number (and NaNs in their given order).
template <class T>
bool sorts_before(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(b)) return !std::isnan(a);
    if (std::isnan(a)) return false;
  }
  return a < b;
}

// For each line along `axis`, the stable order of its elements.
Tensor argsort_along(const Tensor& t, int axis) {
  Tensor out = Tensor::empty(DType::Int64, t.shape());
  const AxisSplit split = split_at_axis(t.shape(), axis);
  std::vector<int64_t> order(static_cast<size_t>(split.length));
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* in = t.data<T>();
    int64_t* result = out.data<int64_t>();
    for (int64_t o = 0; o < split.outer; ++o) {
      for (int64_t i = 0; i < split.inner; ++i) {
        const int64_t base = o * split.length * split.inner + i;
        std::iota(order.begin(), order.end(), int64_t{0});
        std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
          return sorts_before(in[base + a * split.inner], in[base + b * split.inner]);
        });
        for (int64_t k = 0; k < split.length; ++k) {
          result[base + k * split.inner] = order[static_cast<size_t>(k)];
        }
      }
    }
  });
  return out;
}

// `axis=-1` of sort/argsort: None flattens.
std::pair<Tensor, int> sort_operand(const Value& a, const Value& axis) {
  Tensor t = to_tensor(a);
  if (axis.is_none()) return {t.reshaped(Shape{t.numel()}), 0};
  if (t.rank() == 0) {
    throw RuntimeError(PyExc::AxisError, "axis " + std::to_string(int_arg(axis, "axis")) +
                                             " is out of bounds for array of dimension 0");
  }
  return {t, normalize_axis(int_arg(axis, "axis"), t.rank())};
}

}  // namespace

void kernel_nonzero(KernelContext& ctx) {
  ctx.outputs[0] = nonzero_of(to_tensor(ctx.inputs[0]));
}

void kernel_flatnonzero(KernelContext& ctx) {
  ctx.outputs[0] = index_vector(true_positions(to_tensor(ctx.inputs[0])));
}

void kernel_argwhere(KernelContext& ctx) {
  const Tensor t = to_tensor(ctx.inputs[0]);
  const std::vector<int64_t> positions = true_positions(t);
  const int64_t n = static_cast<int64_t>(positions.size());
  // Note: a 0-d array counts as one element of rank 0: shape (0 or 1, 0).
  Tensor out = Tensor::empty(DType::Int64, Shape{n, t.rank()});
  const std::vector<Tensor> axes = coordinates(t.shape(), positions);
  int64_t* data = out.data<int64_t>();
  for (int64_t i = 0; i < n; ++i) {
    for (int d = 0; d < t.rank(); ++d) data[i * t.rank() + d] = axes[d].data<int64_t>()[i];
  }
  ctx.outputs[0] = std::move(out);
}

void kernel_argsort(KernelContext& ctx) {
  const auto operand = sort_operand(ctx.inputs[0], ctx.inputs[1]);
  ctx.outputs[0] = argsort_along(operand.first, operand.second);
}

void kernel_sort(KernelContext& ctx) {
  const auto operand = sort_operand(ctx.inputs[0], ctx.inputs[1]);
  const Tensor& t = operand.first;
  const int axis = operand.second;
  const Tensor order = argsort_along(t, axis);
  Tensor out = Tensor::empty(t.dtype(), t.shape());
  const AxisSplit split = split_at_axis(t.shape(), axis);
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* in = t.data<T>();
    T* result = out.data<T>();
    const int64_t* index = order.data<int64_t>();
    for (int64_t o = 0; o < split.outer; ++o) {
      for (int64_t i = 0; i < split.inner; ++i) {
        const int64_t base = o * split.length * split.inner + i;
        for (int64_t k = 0; k < split.length; ++k) {
          const int64_t at = base + k * split.inner;
          result[at] = in[base + index[at] * split.inner];
        }
      }
    }
  });
  ctx.outputs[0] = std::move(out);
}

}  // namespace pygraft::rt
