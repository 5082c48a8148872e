// Parsing index operands and building the StridedPlan of x[index]
// (see runtime/indexing.h). The copy loops live in index_copy.cc.
#include "runtime/indexing.h"

#include <limits>
#include <string>

#include "graph/index_layout.h"
#include "runtime/cast.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

using Kind = IndexItem::Kind;

[[noreturn]] void throw_invalid_index() {
  throw RuntimeError(
      PyExc::IndexError,
      "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
      "boolean arrays are valid indices");
}

IndexItem make_item(Kind kind) {
  IndexItem item;
  item.kind = kind;
  return item;
}

IndexItem int_item(int64_t value) {
  IndexItem item = make_item(Kind::Int);
  item.value = value;
  return item;
}

// An array operand: a mask, an integer array, or a 0-d integer (an int).
IndexItem array_item(const Tensor& t) {
  if (t.dtype() == DType::Bool) {
    IndexItem item = make_item(Kind::Mask);
    item.array = t;
    return item;
  }
  if (is_float(t.dtype())) {
    if (t.rank() == 0) throw_invalid_index();
    throw RuntimeError(PyExc::IndexError,
                       "arrays used as indices must be of integer (or boolean) type");
  }
  if (t.rank() == 0) return int_item(t.get_as_int(0));
  IndexItem item = make_item(Kind::IntArray);
  item.array = cast(t, DType::Int64);
  return item;
}

void add_value_item(const Value& v, std::vector<IndexItem>& items, bool top_level) {
  if (v.is_plain_tuple() && top_level) {  // x[t] with a tuple t is x[t[0], t[1], ...]
    for (const Value& part : v.items()) add_value_item(part, items, false);
    return;
  }
  if (v.is_none()) {
    items.push_back(make_item(Kind::NewAxis));
  } else if (v.is<int64_t>()) {
    items.push_back(int_item(v.as<int64_t>()));
  } else if (v.is<bool>()) {
    items.push_back(array_item(Tensor::scalar(DType::Bool, v.as<bool>())));
  } else if (v.is<Tensor>()) {
    items.push_back(array_item(v.as<Tensor>()));
  } else if (v.is<TupleValue>()) {
    Tensor t = to_tensor(v);
    // Note: an empty sequence is an empty integer index, as in NumPy.
    if (t.numel() == 0 && is_float(t.dtype())) t = cast(t, DType::Int64);
    items.push_back(array_item(t));
  } else {
    throw_invalid_index();
  }
}

std::optional<int64_t> slice_part(const Value& v) {
  if (v.is_none()) return std::nullopt;
  if (v.is<int64_t>()) return v.as<int64_t>();
  if (v.is<bool>()) return v.as<bool>() ? 1 : 0;
  if (v.is<Tensor>() && v.as<Tensor>().rank() == 0 && !is_float(v.as<Tensor>().dtype())) {
    return v.as<Tensor>().get_as_int(0);
  }
  throw RuntimeError(PyExc::TypeError,
                     "slice indices must be integers or None or have an __index__ method");
}

}  // namespace

std::vector<IndexItem> parse_index(const Literal& layout, std::span<const Value> parts) {
  if (!layout.is<LiteralTuple>())
    throw RuntimeError(PyExc::InternalError, "internal error: malformed index layout");
  std::vector<IndexItem> items;
  size_t next = 0;
  auto take = [&]() -> const Value& {
    if (next >= parts.size())
      throw RuntimeError(PyExc::InternalError, "internal error: index operands missing");
    return parts[next++];
  };
  for (const Literal& entry : layout.as<LiteralTuple>()) {
    if (!entry.is<int64_t>())
      throw RuntimeError(PyExc::InternalError, "internal error: malformed index layout");
    int64_t code = entry.as<int64_t>();
    if (code == index_layout::kValue) {
      add_value_item(take(), items, true);
    } else if (code == index_layout::kNewAxis) {
      items.push_back(make_item(Kind::NewAxis));
    } else if (code == index_layout::kEllipsis) {
      items.push_back(make_item(Kind::Ellipsis));
    } else if (index_layout::is_slice(code)) {
      IndexItem item = make_item(Kind::Slice);
      int64_t mask = code - index_layout::kSlice;
      if (mask & index_layout::kSliceHasStart) item.start = slice_part(take());
      if (mask & index_layout::kSliceHasStop) item.stop = slice_part(take());
      if (mask & index_layout::kSliceHasStep) item.step = slice_part(take());
      items.push_back(std::move(item));
    } else {
      throw RuntimeError(PyExc::InternalError, "internal error: malformed index layout");
    }
  }
  if (next != parts.size())
    throw RuntimeError(PyExc::InternalError, "internal error: extra index operands");
  return items;
}

SliceRange slice_range(const IndexItem& item, int64_t length) {
  int64_t step = item.step.value_or(1);
  if (step == 0) throw RuntimeError(PyExc::ValueError, "slice step cannot be zero");
  // Note: |step| beyond the length behaves alike; clamping avoids overflow.
  if (step < -std::numeric_limits<int64_t>::max()) step = -std::numeric_limits<int64_t>::max();
  const int64_t lower = step < 0 ? -1 : 0;
  const int64_t upper = step < 0 ? length - 1 : length;
  auto clamp = [&](std::optional<int64_t> v, int64_t fallback) {
    if (!v) return fallback;
    int64_t x = *v;
    if (x < 0) {
      x = x < -length ? lower : x + length;
      return x < lower ? lower : x;
    }
    return x > upper ? upper : x;
  };
  int64_t start = clamp(item.start, step < 0 ? upper : lower);
  int64_t stop = clamp(item.stop, step < 0 ? lower : upper);
  int64_t count = 0;
  if (step > 0 && stop > start) count = (stop - start - 1) / step + 1;
  if (step < 0 && start > stop) count = (start - stop - 1) / (-step) + 1;
  return {start, step, count};
}

int64_t normalize_index(int64_t index, int axis, int64_t size) {
  if (index < -size || index >= size) {
    throw RuntimeError(PyExc::IndexError, "index " + std::to_string(index) +
                                              " is out of bounds for axis " + std::to_string(axis) +
                                              " with size " + std::to_string(size));
  }
  return index < 0 ? index + size : index;
}

StridedPlan permute_plan(const Shape& shape, std::span<const int> perm) {
  auto strides = contiguous_strides(shape);
  StridedPlan plan;
  for (int axis : perm) {
    plan.out_shape.push_back(shape[axis]);
    plan.axes.push_back({shape[axis], strides[axis], {}});
  }
  finalize_plan(plan);
  return plan;
}

void finalize_plan(StridedPlan& plan) {
  std::vector<PlanAxis> kept;
  for (PlanAxis& axis : plan.axes) {
    if (axis.size != 1) {
      kept.push_back(std::move(axis));
    } else if (!axis.offsets.empty()) {
      plan.base += axis.offsets[0];
    }
  }
  plan.run = 1;
  while (!kept.empty() && kept.back().offsets.empty() && kept.back().stride == plan.run) {
    plan.run *= kept.back().size;
    kept.pop_back();
  }
  plan.axes = std::move(kept);
}

std::string compact_shape_string(const Shape& shape) {
  std::string s = "(";
  for (int i = 0; i < shape.rank(); ++i) {
    if (i > 0) s += ",";
    s += std::to_string(shape[i]);
  }
  if (shape.rank() == 1) s += ",";
  return s + ")";
}

}  // namespace pygraft::rt
