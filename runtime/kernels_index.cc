// Subscripts: getitem (x[index]) and setitem (x[index] = v gives the new x)
// on tensors (NumPy indexing through runtime/indexing.h) and tuples (Python).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "graph/index_layout.h"
#include "runtime/cast.h"
#include "runtime/containers.h"
#include "runtime/elementwise.h"
#include "runtime/format.h"
#include "runtime/indexing.h"
#include "runtime/kernel.h"

namespace pygraft::rt {
namespace {

const Literal& index_layout_of(const KernelContext& ctx) {
  const Literal* layout = ctx.node.attr("index");
  if (layout == nullptr)
    throw RuntimeError(PyExc::InternalError, "internal error: subscript without an index layout");
  return *layout;
}

[[noreturn]] void throw_sequence_index_type(const Value& x, const std::string& type) {
  throw RuntimeError(PyExc::TypeError,
                     type_name(x) + " indices must be integers or slices, not " + type);
}

int64_t sequence_int_index(const Value& x, const Value& v) {
  if (v.is<int64_t>()) return v.as<int64_t>();
  if (v.is<bool>()) return v.as<bool>() ? 1 : 0;
  if (v.is<Tensor>() && v.as<Tensor>().rank() == 0 && !is_float(v.as<Tensor>().dtype())) {
    return v.as<Tensor>().get_as_int(0);
  }
  throw_sequence_index_type(x, type_name(v));
}

// The single operand of x[k] (no slice, no tuple index); null otherwise.
const Value* single_index(const Literal& layout, std::span<const Value> parts) {
  const auto& entries = layout.as<LiteralTuple>();
  if (entries.size() != 1 || entries[0].as<int64_t>() != index_layout::kValue) return nullptr;
  if (parts.size() != 1)
    throw RuntimeError(PyExc::InternalError, "internal error: index operands missing");
  return &parts[0];
}

// The position x[i] names in a tuple or list of `size` items.
size_t sequence_position(const Value& x, const Value& index, size_t size, const char* what) {
  const int64_t i = sequence_int_index(x, index);
  const auto n = static_cast<int64_t>(size);
  if (i < -n || i >= n) {
    throw RuntimeError(PyExc::IndexError, type_name(x) + " " + what + " out of range");
  }
  return static_cast<size_t>(i < 0 ? i + n : i);
}

// Python's tuple[i], tuple[a:b:c] and the same on lists.
Value sequence_getitem(const Value& x, const Literal& layout, std::span<const Value> parts) {
  const auto& entries = layout.as<LiteralTuple>();
  if (entries.size() != 1) throw_sequence_index_type(x, "tuple");
  const int64_t code = entries[0].as<int64_t>();
  const auto& items = x.items();
  if (const Value* index = single_index(layout, parts)) {
    return items[sequence_position(x, *index, items.size(), "index")];
  }
  if (!index_layout::is_slice(code)) {
    throw_sequence_index_type(x, code == index_layout::kNewAxis ? "NoneType" : "ellipsis");
  }
  SliceRange range = slice_range(parse_index(layout, parts)[0], static_cast<int64_t>(items.size()));
  std::vector<Value> out;
  for (int64_t k = 0, i = range.start; k < range.length; ++k, i += range.step) {
    out.push_back(items[static_cast<size_t>(i)]);
  }
  return x.is_list() ? Value::list(std::move(out)) : Value::tuple(std::move(out));
}

// s[i] and s[a:b:c] of a str, by characters (code points).
Value str_getitem(const Value& x, const Literal& layout, std::span<const Value> parts) {
  const std::vector<Value> chars = str_characters(*x.as<StrValue>().text);
  if (const Value* index = single_index(layout, parts)) {
    return chars[sequence_position(x, *index, chars.size(), "index")];
  }
  const auto& entries = layout.as<LiteralTuple>();
  if (entries.size() != 1 || !index_layout::is_slice(entries[0].as<int64_t>())) {
    throw_sequence_index_type(x, "tuple");
  }
  SliceRange range = slice_range(parse_index(layout, parts)[0], static_cast<int64_t>(chars.size()));
  std::string out;
  for (int64_t k = 0, i = range.start; k < range.length; ++k, i += range.step) {
    out += *chars[static_cast<size_t>(i)].as<StrValue>().text;
  }
  return Value::str(std::move(out));
}

// d[key]: KeyError with the key's repr when it is missing.
Value dict_getitem(const Value& d, const Literal& layout, std::span<const Value> parts) {
  const Value* key = single_index(layout, parts);
  if (key == nullptr) {
    throw RuntimeError(PyExc::TypeError, "dict keys must be single values, not slices");
  }
  require_hashable(*key);
  std::optional<size_t> at = find_key(d.entries(), *key);
  if (!at) throw RuntimeError(PyExc::KeyError, repr_value(*key));
  return d.entries().values[*at];
}

// The element offset of x[i, j, ...] in a tensor of `shape` when every item
// of the index is a Python int and there are at most rank of them (x[i] and
// x[i, j] in loops), without building a copy plan; nullopt for any other
// index. Out-of-bounds ints raise as index_plan does.
std::optional<int64_t> int_index_offset(const Literal& layout, std::span<const Value> parts,
                                        const Shape& shape) {
  if (!layout.is<LiteralTuple>()) return std::nullopt;
  const auto& entries = layout.as<LiteralTuple>();
  if (entries.size() != parts.size() || parts.size() > static_cast<size_t>(shape.rank()))
    return std::nullopt;
  for (size_t j = 0; j < parts.size(); ++j) {
    const Literal& entry = entries[j];
    if (!entry.is<int64_t>() || entry.as<int64_t>() != index_layout::kValue ||
        !parts[j].is<int64_t>())
      return std::nullopt;
  }
  int64_t offset = 0;
  int axis = 0;
  for (; axis < static_cast<int>(parts.size()); ++axis) {
    offset = offset * shape[axis] +
             normalize_index(parts[static_cast<size_t>(axis)].as<int64_t>(), axis, shape[axis]);
  }
  for (; axis < shape.rank(); ++axis) offset *= shape[axis];
  return offset;
}

// The dims of `shape` from `axis` on.
Shape trailing_dims(const Shape& shape, int axis) {
  Shape rest;
  for (; axis < shape.rank(); ++axis) rest.push_back(shape[axis]);
  return rest;
}

struct Block {
  int64_t offset = 0;
  Shape shape;
};

// x[i, ..., a:b] with Python ints and then one slice without a step (the
// gates of an LSTM cut out of one stacked vector): a contiguous block of
// the source; nullopt for any other index. Out-of-bounds ints raise as
// index_plan does; the slice clamps as Python's does.
std::optional<Block> slice_block(const Literal& layout, std::span<const Value> parts,
                                 const Shape& shape) {
  if (!layout.is<LiteralTuple>()) return std::nullopt;
  const auto& entries = layout.as<LiteralTuple>();
  if (entries.empty() || entries.size() > static_cast<size_t>(shape.rank())) return std::nullopt;
  const size_t axis = entries.size() - 1;
  const Literal& last = entries[axis];
  if (!last.is<int64_t>() || !index_layout::is_slice(last.as<int64_t>())) return std::nullopt;
  const int64_t mask = last.as<int64_t>() - index_layout::kSlice;
  if ((mask & index_layout::kSliceHasStep) != 0) return std::nullopt;
  const size_t bounds = static_cast<size_t>(index_layout::operand_count(last.as<int64_t>()));
  if (parts.size() != axis + bounds) return std::nullopt;
  for (size_t j = 0; j < axis; ++j) {
    if (!entries[j].is<int64_t>() || entries[j].as<int64_t>() != index_layout::kValue) {
      return std::nullopt;
    }
  }
  for (const Value& part : parts) {
    if (!part.is<int64_t>()) return std::nullopt;
  }
  IndexItem slice;
  slice.kind = IndexItem::Kind::Slice;
  size_t next = axis;
  if (mask & index_layout::kSliceHasStart) slice.start = parts[next++].as<int64_t>();
  if (mask & index_layout::kSliceHasStop) slice.stop = parts[next++].as<int64_t>();
  int64_t offset = 0;
  const int k = static_cast<int>(axis);
  for (int a = 0; a < k; ++a) {
    offset = offset * shape[a] +
             normalize_index(parts[static_cast<size_t>(a)].as<int64_t>(), a, shape[a]);
  }
  const SliceRange range = slice_range(slice, shape[k]);
  Block block;
  block.shape.push_back(range.length);
  const Shape rest = trailing_dims(shape, k + 1);
  for (int64_t d : rest.dims()) block.shape.push_back(d);
  block.offset = (offset * shape[k] + range.start) * rest.numel();
  return block;
}

// The shape of x[:, None, :] and the like, when the index is only full
// slices, new axes and at most one ellipsis (no operands): such a result
// holds x's elements in x's order, so it can share x's buffer (tensors are
// values; sharing only makes in-place writes copy first). nullopt otherwise.
std::optional<Shape> new_axes_shape(const Literal& layout, std::span<const Value> parts,
                                    const Shape& shape) {
  if (!parts.empty() || !layout.is<LiteralTuple>()) return std::nullopt;
  const auto& entries = layout.as<LiteralTuple>();
  int slices = 0, ellipses = 0;
  for (const Literal& entry : entries) {
    if (!entry.is<int64_t>()) return std::nullopt;
    const int64_t item = entry.as<int64_t>();
    if (item == index_layout::kSlice) {
      ++slices;
    } else if (item == index_layout::kEllipsis) {
      ++ellipses;
    } else if (item != index_layout::kNewAxis) {
      return std::nullopt;
    }
  }
  if (slices > shape.rank() || ellipses > 1) return std::nullopt;
  Shape out;
  int axis = 0;
  for (const Literal& entry : entries) {
    const int64_t item = entry.as<int64_t>();
    if (item == index_layout::kNewAxis) {
      out.push_back(1);
    } else if (item == index_layout::kSlice) {
      out.push_back(shape[axis++]);
    } else {  // the ellipsis: every axis no slice after it takes
      const int after = slices - axis;
      while (axis < shape.rank() - after) out.push_back(shape[axis++]);
    }
  }
  while (axis < shape.rank()) out.push_back(shape[axis++]);
  return out;
}

// x[i, j] = v for one element and a scalar v (a Python number or a NumPy
// scalar), converted as cast() converts it.
void store_scalar(Tensor& dst, int64_t offset, const Value& v) {
  dispatch_any_dtype(dst.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* to = dst.data<T>() + offset;
    if (v.is<double>()) {
      *to = convert_element<T>(v.as<double>());
    } else if (v.is<int64_t>()) {
      *to = convert_element<T>(v.as<int64_t>());
    } else if (v.is<bool>()) {
      *to = convert_element<T>(v.as<bool>());
    } else if (v.is<Tensor>() && v.as<Tensor>().rank() == 0) {
      const Tensor& s = v.as<Tensor>();
      dispatch_any_dtype(s.dtype(), [&](auto from) {
        using F = decltype(from);
        *to = convert_element<T>(*s.data<F>());
      });
    }
  });
}

// xs[i] = v and d[key] = v: the new list or dict (written in place when
// the graph held its only reference).
Value container_setitem(Value& x, const Literal& layout, std::span<const Value> parts,
                        const Value& v) {
  const Value* index = single_index(layout, parts);
  if (x.is_dict()) {
    if (index == nullptr) {
      throw RuntimeError(PyExc::TypeError, "dict keys must be single values, not slices");
    }
    require_hashable(*index);
    return dict_with(std::move(x), *index, v);
  }
  if (index == nullptr) {
    throw RuntimeError(PyExc::TypeError,
                       "assigning to a slice of a list is not supported; build the new list "
                       "with + and slices");
  }
  const size_t at = sequence_position(x, *index, x.items().size(), "assignment index");
  std::vector<Value> items = take_items(std::move(x));
  items[at] = v;
  return Value::list(std::move(items));
}

}  // namespace

void kernel_getitem(KernelContext& ctx) {
  const Literal& layout = index_layout_of(ctx);
  const Value& x = ctx.inputs[0];
  auto parts = ctx.inputs.subspan(1);
  if (x.is<TupleValue>()) {
    ctx.outputs[0] = sequence_getitem(x, layout, parts);
    return;
  }
  if (x.is<StrValue>()) {
    ctx.outputs[0] = str_getitem(x, layout, parts);
    return;
  }
  if (x.is<DictValue>()) {
    // `for k in d`: the keys in order (the for loop's element node says so).
    if (ctx.node.attr("iteration") != nullptr) {
      const std::vector<Value>& keys = x.entries().keys;
      ctx.outputs[0] = keys[sequence_position(x, parts[0], keys.size(), "index")];
      return;
    }
    ctx.outputs[0] = dict_getitem(x, layout, parts);
    return;
  }
  if (!x.is_tensor())
    throw RuntimeError(PyExc::TypeError, "'" + type_name(x) + "' object is not subscriptable");
  const Tensor& t = x.as<Tensor>();
  // Note: x[i] and x[i, a:b] are contiguous blocks of x, shared rather
  // than copied (value semantics hold: see Tensor::block).
  if (std::optional<int64_t> offset = int_index_offset(layout, parts, t.shape())) {
    ctx.outputs[0] = t.block(*offset, trailing_dims(t.shape(), static_cast<int>(parts.size())));
    return;
  }
  if (std::optional<Block> block = slice_block(layout, parts, t.shape())) {
    ctx.outputs[0] = t.block(block->offset, block->shape);
    return;
  }
  if (std::optional<Shape> shape = new_axes_shape(layout, parts, t.shape())) {
    ctx.outputs[0] = t.reshaped(*shape);
    return;
  }
  std::vector<IndexItem> items = parse_index(layout, parts);
  ctx.outputs[0] = gather(t, index_plan(t.shape(), items));
}

namespace {

// Whether `values` (already cast and broadcast) is the very buffer of the
// target `x`, element for element, and the plan writes through an index
// array or mask. A basic index (slices, ints) copies an overlapping value
// first in NumPy, as scatter's value semantics do.
bool value_is_target(const StridedPlan& plan, const Tensor& x, const Tensor& values) {
  const bool fancy = std::any_of(plan.axes.begin(), plan.axes.end(),
                                 [](const PlanAxis& axis) { return !axis.offsets.empty(); });
  return fancy && values.numel() > 1 && values.numel() == x.numel() &&
         values.dtype() == x.dtype() && values.raw() == x.raw();
}

}  // namespace

void kernel_setitem(KernelContext& ctx) {
  const Literal& layout = index_layout_of(ctx);
  Value& x = ctx.inputs[0];
  if (x.is_list() || x.is_dict()) {
    ctx.outputs[0] = container_setitem(x, layout, ctx.inputs.subspan(2), ctx.inputs[1]);
    return;
  }
  if (!x.is_tensor()) {
    throw RuntimeError(PyExc::TypeError,
                       "'" + type_name(x) + "' object does not support item assignment");
  }
  const DType dtype = x.as<Tensor>().dtype();
  auto parts = ctx.inputs.subspan(2);
  if (parts.size() == static_cast<size_t>(x.as<Tensor>().rank())) {
    if (std::optional<int64_t> offset = int_index_offset(layout, parts, x.as<Tensor>().shape())) {
      const Value& v = ctx.inputs[1];
      if (v.is_py_scalar() || (v.is<Tensor>() && v.as<Tensor>().rank() == 0)) {
        check_scalar_fits(v, dtype);
        Tensor out = std::move(x.as<Tensor>());
        if (!out.unique()) out = out.clone();
        store_scalar(out, *offset, v);
        ctx.outputs[0] = std::move(out);
        return;
      }
    }
  }
  std::vector<IndexItem> items = parse_index(layout, ctx.inputs.subspan(2));
  StridedPlan plan = index_plan(x.as<Tensor>().shape(), items);
  check_scalar_fits(ctx.inputs[1], dtype);
  Tensor values = cast(to_tensor(ctx.inputs[1]), dtype);
  if (values.numel() != 1) values = broadcast_to(values, plan.out_shape);
  const bool reads_target = value_is_target(plan, x.as<Tensor>(), values);
  // Note: x was moved in when this is its last use; then no copy is needed.
  Tensor out = std::move(x.as<Tensor>());
  if (!out.unique()) out = out.clone();
  // NumPy reads a value that is the target itself (`x[perm] = x`) while it
  // writes through the index array, element by element in index order, so
  // later elements see earlier writes; reading from `out` does the same.
  if (reads_target) values = out.reshaped(values.shape());
  scatter(out, plan, values);
  ctx.outputs[0] = std::move(out);
}

}  // namespace pygraft::rt
