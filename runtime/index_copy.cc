// The copy loops of a StridedPlan: gather (x[index]), scatter (x[index] = v)
// and broadcast_to (see runtime/indexing.h).
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/indexing.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

int64_t plan_numel(const StridedPlan& plan) {
  int64_t n = plan.run;
  for (const PlanAxis& axis : plan.axes) n *= axis.size;
  return n;
}

int64_t axis_offset(const PlanAxis& axis, int64_t i) {
  return axis.offsets.empty() ? i * axis.stride : axis.offsets[static_cast<size_t>(i)];
}

// Calls fn(offset) with the source offset of every run, in output order.
template <class F>
void for_each_run(const StridedPlan& plan, F&& fn) {
  const auto& axes = plan.axes;
  if (axes.empty()) {
    fn(plan.base);
    return;
  }
  const size_t outer_rank = axes.size() - 1;
  const PlanAxis& inner = axes.back();
  int64_t outer_total = 1;
  for (size_t d = 0; d < outer_rank; ++d) outer_total *= axes[d].size;
  std::vector<int64_t> counter(outer_rank, 0);
  for (int64_t o = 0; o < outer_total; ++o) {
    int64_t offset = plan.base;
    for (size_t d = 0; d < outer_rank; ++d) offset += axis_offset(axes[d], counter[d]);
    for (int64_t i = 0; i < inner.size; ++i) fn(offset + axis_offset(inner, i));
    for (size_t d = outer_rank; d-- > 0;) {
      if (++counter[d] < axes[d].size) break;
      counter[d] = 0;
    }
  }
}

}  // namespace

Tensor gather(const Tensor& src, const StridedPlan& plan) {
  Tensor out = Tensor::empty(src.dtype(), plan.out_shape);
  if (out.numel() == 0) return out;
  dispatch_any_dtype(src.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* from = src.data<T>();
    T* to = out.data<T>();
    const int64_t run = plan.run;
    if (run == 1) {
      for_each_run(plan, [&](int64_t offset) { *to++ = from[offset]; });
    } else {
      const size_t bytes = static_cast<size_t>(run) * sizeof(T);
      for_each_run(plan, [&](int64_t offset) {
        std::memcpy(to, from + offset, bytes);
        to += run;
      });
    }
  });
  return out;
}

void scatter(Tensor& dst, const StridedPlan& plan, const Tensor& values) {
  if (plan_numel(plan) == 0) return;
  dispatch_any_dtype(dst.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* to = dst.data<T>();
    const T* from = values.data<T>();
    const int64_t run = plan.run;
    if (values.numel() == 1) {
      const T fill = from[0];
      for_each_run(plan, [&](int64_t offset) { std::fill_n(to + offset, run, fill); });
    } else if (run == 1) {
      for_each_run(plan, [&](int64_t offset) { to[offset] = *from++; });
    } else {
      const size_t bytes = static_cast<size_t>(run) * sizeof(T);
      for_each_run(plan, [&](int64_t offset) {
        std::memmove(to + offset, from, bytes);
        from += run;
      });
    }
  });
}

Tensor broadcast_to(const Tensor& t, const Shape& shape) {
  if (t.shape() == shape) return t;
  const Shape& from = t.shape();
  auto fail = [&]() {
    throw RuntimeError(PyExc::ValueError, "could not broadcast input array from shape " +
                                              compact_shape_string(from) + " into shape " +
                                              compact_shape_string(shape));
  };
  // Leading size-1 dims beyond the target's rank are dropped, as NumPy does.
  int extra = from.rank() - shape.rank();
  for (int i = 0; i < extra; ++i) {
    if (from[i] != 1) fail();
  }
  auto strides = contiguous_strides(from);
  StridedPlan plan;
  plan.out_shape = shape;
  for (int i = 0; i < shape.rank(); ++i) {
    int j = i + extra;  // the matching axis of `from`, if any
    int64_t stride = 0;
    if (j >= 0 && from[j] != 1) {
      if (from[j] != shape[i]) fail();
      stride = strides[j];
    }
    plan.axes.push_back({shape[i], stride, {}});
  }
  finalize_plan(plan);
  return gather(t, plan);
}

}  // namespace pygraft::rt
