// Emitters of subscripts. x[...] applies its items left to right: an integer
// Gathers (removing the axis), a slice Slices (ONNX's Slice clamps its bounds
// as Python does), None Unsqueezes, one integer array Gathers (its dims take
// the axis's place, as NumPy puts a single advanced index), a boolean mask
// Compresses. x[...] = v indexes a grid of x's flat positions the same way
// and scatters v, broadcast to the selection, into those positions.
#include <limits>

#include "graph/index_layout.h"
#include "onnx_export/emitters.h"
#include "onnx_export/onnx_types.h"

namespace pygraft::onnx_export {

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// A 1-element int64 tensor of operand `i` (an int or a 0-d integer array).
std::string bound(EmitContext& ctx, size_t i) {
  const std::string v = ctx.input_as(i, DType::Int64);
  return ctx.emit("Reshape", {v, ctx.int64s({1})});
}

bool is_integer_scalar(const StaticType& t) {
  return t.kind == StaticKind::Int || (t.is_array() && t.rank() == 0 && is_integer(t.dtype));
}

// Applies the subscript of ctx's node (operands from `first` on) to `x`, a
// tensor of rank `rank`. Returns "" after a refusal.
std::string apply_index(EmitContext& ctx, std::string x, int rank, size_t first) {
  const LiteralTuple& layout = ctx.node().attr("index")->as<LiteralTuple>();
  // Axes the items consume, to place the ellipsis.
  int consumed = 0;
  size_t operand = first;
  for (const Literal& lit : layout) {
    const int64_t item = lit.as<int64_t>();
    if (item == index_layout::kValue) {
      const StaticType& v = ctx.in_type(operand);
      consumed += v.is_array() && v.dtype == DType::Bool ? v.rank() : 1;
    } else if (index_layout::is_slice(item)) {
      consumed += 1;
    }
    operand += static_cast<size_t>(index_layout::operand_count(item));
  }
  int64_t axis = 0;
  operand = first;
  for (const Literal& lit : layout) {
    const int64_t item = lit.as<int64_t>();
    if (item == index_layout::kValue) {
      const StaticType& v = ctx.in_type(operand);
      if (is_integer_scalar(v)) {
        x = ctx.emit("Gather", {x, ctx.input_as(operand, DType::Int64)},
                     [&](onnx::NodeProto& n) { set_attr(n, "axis", axis); });
      } else if (v.is_array() && is_integer(v.dtype)) {
        x = ctx.emit("Gather", {x, ctx.input_as(operand, DType::Int64)},
                     [&](onnx::NodeProto& n) { set_attr(n, "axis", axis); });
        axis += v.rank();
      } else if (v.is_array() && v.dtype == DType::Bool && v.rank() == 1) {
        x = ctx.emit("Compress", {x, ctx.input(operand)},
                     [&](onnx::NodeProto& n) { set_attr(n, "axis", axis); });
        axis += 1;
      } else if (v.is_array() && v.dtype == DType::Bool && v.rank() > 1 && axis == 0) {
        // A mask over the leading axes: flatten them into one, then compress.
        const std::string shape = ctx.emit("Shape", {x});
        const std::string rest =
            ctx.emit("Slice", {shape, ctx.int64s({v.rank()}), ctx.int64s({kMax})});
        const std::string merged =
            ctx.emit("Concat", {ctx.int64s({-1}), rest},
                     [](onnx::NodeProto& n) { set_attr(n, "axis", int64_t{0}); });
        const std::string flat = ctx.emit("Reshape", {x, merged});
        const std::string mask = ctx.emit("Reshape", {ctx.input(operand), ctx.int64s({-1})});
        x = ctx.emit("Compress", {flat, mask},
                     [](onnx::NodeProto& n) { set_attr(n, "axis", int64_t{0}); });
        axis += 1;
      } else {
        ctx.refuse("with an index of " + v.describe() + " has no ONNX export");
        return "";
      }
    } else if (item == index_layout::kNewAxis) {
      x = ctx.emit("Unsqueeze", {x, ctx.int64s({axis})});
      axis += 1;
    } else if (item == index_layout::kEllipsis) {
      axis += rank - consumed;
    } else if (index_layout::is_slice(item)) {
      const int64_t mask = item - index_layout::kSlice;
      size_t next = operand;
      std::optional<size_t> start, stop, step;
      if (mask & index_layout::kSliceHasStart) start = next++;
      if (mask & index_layout::kSliceHasStop) stop = next++;
      if (mask & index_layout::kSliceHasStep) step = next++;
      auto present = [&](std::optional<size_t>& at) {
        if (at && ctx.in_type(*at).kind == StaticKind::None) at.reset();
      };
      present(start);
      present(stop);
      present(step);
      int64_t step_sign = 1;
      if (step) {
        const auto c = ctx.in_type(*step).constant_int();
        if (!c || *c == 0) {
          if (!start || !stop) {
            ctx.refuse("with a slice step that is not a constant has no ONNX export");
            return "";
          }
        } else {
          step_sign = *c > 0 ? 1 : -1;
        }
      }
      const std::string starts =
          start ? bound(ctx, *start) : ctx.int64s({step_sign > 0 ? 0 : kMax});
      const std::string ends = stop ? bound(ctx, *stop) : ctx.int64s({step_sign > 0 ? kMax : kMin});
      const std::string steps = step ? bound(ctx, *step) : ctx.int64s({1});
      x = ctx.emit("Slice", {x, starts, ends, ctx.int64s({axis}), steps});
      axis += 1;
    }
    operand += static_cast<size_t>(index_layout::operand_count(item));
  }
  return ctx.refused() ? "" : x;
}

}  // namespace

void emit_getitem(EmitContext& ctx) {
  const StaticType& x = ctx.in_type(0);
  if (x.kind == StaticKind::Tuple) {
    const int64_t n = static_cast<int64_t>(x.items.size());
    const int64_t i = ctx.in_type(1).constant_int().value_or(0);
    const Lowered& value = ctx.in_value(0);
    const size_t at = static_cast<size_t>(i < 0 ? i + n : i);
    ctx.set_output(0, value.is_tuple ? value.items.at(at) : Lowered::compile_time());
    return;
  }
  const std::string out = apply_index(ctx, ctx.input(0), x.rank(), 1);
  if (!out.empty()) ctx.set_output(0, out);
}

void emit_setitem(EmitContext& ctx) {
  const StaticType& x = ctx.in_type(0);
  const std::string data = ctx.input(0);
  const std::string shape = ctx.emit("Shape", {data});
  // Positions 0 .. size-1 in x's shape: indexing them selects what to write.
  const std::string size = ctx.emit(
      "ReduceProd", {shape}, [](onnx::NodeProto& n) { set_attr(n, "keepdims", int64_t{0}); });
  const std::string iota = ctx.emit("Range", {ctx.int64_scalar(0), size, ctx.int64_scalar(1)});
  const std::string grid = ctx.emit("Reshape", {iota, shape});
  for (size_t i = 2; i < ctx.num_inputs(); ++i) {
    const StaticType& t = ctx.in_type(i);
    if (t.is_array() && t.rank() > 0 && is_integer(t.dtype)) {
      // NumPy writes the indices in order, reading a value that overlaps
      // the target as it changes; ScatterND leaves duplicates unspecified.
      ctx.refuse(
          "with an integer-array index (x[idx] = v) has no exact ONNX form; use np.where "
          "or a mask");
      return;
    }
  }
  const std::string selected = apply_index(ctx, grid, x.rank(), 2);
  if (selected.empty()) return;
  const std::string selection_shape = ctx.emit("Shape", {selected});
  const std::string updates = ctx.emit("Expand", {ctx.input_as(1, x.dtype), selection_shape});
  const std::string flat = ctx.emit("Reshape", {data, ctx.int64s({-1})});
  const std::string indices = ctx.emit("Unsqueeze", {selected, ctx.int64s({-1})});
  const std::string scattered = ctx.emit("ScatterND", {flat, indices, updates});
  ctx.set_output(0, ctx.emit("Reshape", {scattered, shape}));
}

}  // namespace pygraft::onnx_export
