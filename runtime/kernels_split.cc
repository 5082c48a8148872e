// np.split / np.array_split (lists of sub-arrays along an axis) and np.tri.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/args.h"
#include "runtime/kernel.h"
#include "runtime/reduce_plan.h"
#include "runtime/shape.h"

namespace pygraft::rt {

namespace {

// a[..., start:stop, ...] along `axis` (0 <= start <= stop <= length), copied.
Tensor slice_along(const Tensor& a, int axis, int64_t start, int64_t stop) {
  const AxisSplit split = split_at_axis(a.shape(), axis);
  Shape shape = a.shape();
  shape[axis] = stop - start;
  Tensor out = Tensor::empty(a.dtype(), shape);
  const int64_t item = dtype_size(a.dtype());
  const int64_t run = (stop - start) * split.inner * item;
  const auto* src = static_cast<const char*>(a.raw());
  auto* dst = static_cast<char*>(out.raw());
  for (int64_t o = 0; o < split.outer && run > 0; ++o) {
    std::memcpy(dst + o * run, src + (o * split.length + start) * split.inner * item,
                static_cast<size_t>(run));
  }
  return out;
}

// The split points: `sections` equal parts (array_split: the first
// length % sections parts one longer), or the given indices (clamped).
std::vector<int64_t> split_points(const Value& how, int64_t length, bool equal_only) {
  std::vector<int64_t> points{0};
  if (how.is_py_scalar() || (how.is_tensor() && how.as<Tensor>().rank() == 0)) {
    const int64_t sections = to_int64(how, "split");
    if (sections <= 0)
      throw RuntimeError(PyExc::ValueError, "number sections must be larger than 0.");
    if (equal_only && length % sections != 0) {
      throw RuntimeError(PyExc::ValueError, "array split does not result in an equal division");
    }
    const int64_t base = length / sections, extra = length % sections;
    for (int64_t i = 0; i < sections; ++i) points.push_back(points.back() + base + (i < extra));
    return points;
  }
  const Tensor indices = to_tensor(how);
  for (int64_t i = 0; i < indices.numel(); ++i) points.push_back(indices.get_as_int(i));
  points.push_back(length);
  return points;
}

void split_kernel(KernelContext& ctx, bool equal_only) {
  const Tensor a = to_tensor(ctx.inputs[0]);
  if (a.rank() == 0) throw RuntimeError(PyExc::ValueError, "split of a 0-d array");
  const int axis = normalize_axis(int_arg(ctx.inputs[2], "axis"), a.rank());
  const int64_t length = a.shape()[axis];
  const std::vector<int64_t> points = split_points(ctx.inputs[1], length, equal_only);
  std::vector<Value> parts;
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    // NumPy's slicing of each [points[i], points[i+1]): negative indices
    // count from the end, out-of-range ones clamp, a reversed range is empty.
    auto clamp = [&](int64_t p) { return std::clamp(p < 0 ? p + length : p, int64_t{0}, length); };
    const int64_t start = clamp(points[i]);
    const int64_t stop = std::max(start, clamp(points[i + 1]));
    parts.emplace_back(slice_along(a, axis, start, stop));
  }
  ctx.outputs[0] = Value::list(std::move(parts));
}

}  // namespace

void kernel_split(KernelContext& ctx) {
  split_kernel(ctx, true);
}

void kernel_array_split(KernelContext& ctx) {
  split_kernel(ctx, false);
}

// np.tri(N, M, k): ones at and below the k-th diagonal.
void kernel_tri(KernelContext& ctx) {
  const int64_t n = int_arg(ctx.inputs[0], "N");
  const int64_t m = ctx.inputs[1].is_none() ? n : int_arg(ctx.inputs[1], "M");
  const int64_t k = int_arg(ctx.inputs[2], "k");
  if (n < 0 || m < 0) throw RuntimeError(PyExc::ValueError, "negative dimensions are not allowed");
  std::optional<DType> dtype = dtype_arg(ctx.inputs[3]);
  Tensor out = Tensor::zeros(dtype.value_or(DType::Float64), Shape{n, m});
  dispatch_dtype(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* data = out.data<T>();
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t j = 0; j < m && j <= i + k; ++j) data[i * m + j] = T(1);
    }
  });
  ctx.outputs[0] = std::move(out);
}

}  // namespace pygraft::rt
