// Emitters of shape queries, shape changes, joins and array creation.
#include <algorithm>
#include <limits>

#include "onnx_export/emitters.h"
#include "onnx_export/onnx_types.h"

namespace pygraft::onnx_export {

namespace {

// A shape operand (an int or a tuple of ints) as a 1-D int64 tensor.
std::string shape_tensor(EmitContext& ctx, size_t i) {
  const StaticType& t = ctx.in_type(i);
  const Lowered& v = ctx.in_value(i);
  std::vector<StaticType> items = t.kind == StaticKind::Tuple ? t.items : std::vector{t};
  std::vector<int64_t> known;
  for (const StaticType& item : items) {
    if (auto c = item.constant_int()) known.push_back(*c);
  }
  if (known.size() == items.size()) return ctx.int64s(known);
  std::vector<std::string> parts;
  for (size_t k = 0; k < items.size(); ++k) {
    const Lowered item = t.kind == StaticKind::Tuple ? (v.is_tuple ? v.items.at(k) : Lowered{}) : v;
    const std::string scalar =
        ctx.cast(ctx.materialize(item, items[k]), items[k].dtype, DType::Int64);
    parts.push_back(ctx.emit("Reshape", {scalar, ctx.int64s({1})}));
  }
  if (parts.size() == 1) return parts[0];
  return ctx.emit("Concat", parts, [](onnx::NodeProto& n) { set_attr(n, "axis", int64_t{0}); });
}

std::string dim_of(EmitContext& ctx, const std::string& x, int64_t axis) {
  const std::string shape = ctx.emit("Shape", {x});
  return ctx.emit("Gather", {shape, ctx.int64_scalar(axis)});
}

onnx::TensorProto one_element(DType dtype, double value) {
  onnx::TensorProto t = scalar_tensor(dtype, value);
  t.add_dims(1);
  return t;
}

int64_t normalized_axis(int64_t axis, int rank) {
  return axis < 0 ? axis + rank : axis;
}

}  // namespace

void emit_shape(EmitContext& ctx) {
  const StaticType& out = ctx.out_type();
  const std::string x = ctx.input(0);
  std::vector<Lowered> items;
  for (size_t i = 0; i < out.items.size(); ++i) {
    if (out.items[i].constant) {
      items.push_back(Lowered::compile_time());
    } else {
      items.push_back(Lowered::of(dim_of(ctx, x, static_cast<int64_t>(i))));
    }
  }
  ctx.set_output(0, Lowered::tuple(std::move(items)));
}

void emit_len(EmitContext& ctx) {
  if (!ctx.in_type(0).is_array()) {
    ctx.refuse("of " + ctx.in_type(0).describe() + " has no ONNX export",
               DiagCode::OnnxUnknownType);
    return;
  }
  ctx.set_output(0, dim_of(ctx, ctx.input(0), 0));
}

void emit_size(EmitContext& ctx) {
  const std::string shape = ctx.emit("Shape", {ctx.input(0)});
  ctx.set_output(0, ctx.emit("ReduceProd", {shape},
                             [](onnx::NodeProto& n) { set_attr(n, "keepdims", int64_t{0}); }));
}

void emit_reshape(EmitContext& ctx) {
  const std::string shape = shape_tensor(ctx, 1);
  // allowzero: a 0 in the new shape is a zero-length axis, as in NumPy.
  ctx.set_output(0, ctx.emit("Reshape", {ctx.input(0), shape},
                             [](onnx::NodeProto& n) { set_attr(n, "allowzero", int64_t{1}); }));
}

void emit_flatten(EmitContext& ctx) {
  ctx.set_output(0, ctx.emit("Reshape", {ctx.input(0), ctx.int64s({-1})}));
}

void emit_transpose(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const StaticType& axes_arg = ctx.in_type(1);
  std::vector<int64_t> perm;
  const StaticType* axes = &axes_arg;
  if (axes_arg.kind == StaticKind::Tuple && axes_arg.items.size() == 1 &&
      axes_arg.items[0].kind == StaticKind::Tuple) {
    axes = &axes_arg.items[0];
  }
  if (axes->kind == StaticKind::Tuple && !axes->items.empty()) {
    for (const StaticType& item : axes->items) {
      perm.push_back(normalized_axis(item.constant_int().value_or(0), in.rank()));
    }
  } else {
    for (int i = in.rank() - 1; i >= 0; --i) perm.push_back(i);
  }
  if (in.rank() < 2) {  // a 0-d or 1-d array is its own transpose
    ctx.set_output(0, ctx.input(0));
    return;
  }
  ctx.set_output(0, ctx.emit("Transpose", {ctx.input(0)},
                             [&](onnx::NodeProto& n) { set_attr(n, "perm", perm); }));
}

void emit_expand_dims(EmitContext& ctx) {
  const int64_t axis = ctx.in_type(1).constant_int().value_or(0);
  ctx.set_output(0, ctx.emit("Unsqueeze", {ctx.input(0), ctx.int64s({axis})}));
}

void emit_squeeze(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const StaticType& axis = ctx.in_type(1);
  std::vector<int64_t> axes;
  if (axis.kind == StaticKind::None) {
    for (int i = 0; i < in.rank(); ++i) {
      if (in.dims[static_cast<size_t>(i)].size == 1) axes.push_back(i);
    }
  } else if (axis.kind == StaticKind::Tuple) {
    for (const StaticType& item : axis.items) {
      axes.push_back(normalized_axis(item.constant_int().value_or(0), in.rank()));
    }
  } else {
    axes.push_back(normalized_axis(axis.constant_int().value_or(0), in.rank()));
  }
  if (axes.empty()) {
    ctx.set_output(0, ctx.input(0));
    return;
  }
  ctx.set_output(0, ctx.emit("Squeeze", {ctx.input(0), ctx.int64s(axes)}));
}

void emit_concatenate(EmitContext& ctx) {
  const StaticType& arrays = ctx.in_type(0);
  const Lowered& values = ctx.in_value(0);
  const DType dtype = ctx.out_type().dtype;
  const int out_rank = ctx.out_type().rank();
  const OpCode op = ctx.node().op;
  int64_t axis = 0;
  if (op == OpCode::Concatenate || op == OpCode::Stack) {
    axis = normalized_axis(ctx.in_type(1).constant_int().value_or(0), out_rank);
  }
  if (op == OpCode::HStack) axis = out_rank == 1 ? 0 : 1;
  std::vector<std::string> parts;
  for (size_t i = 0; i < arrays.items.size(); ++i) {
    const StaticType& t = arrays.items[i];
    const Lowered item = values.is_tuple ? values.items.at(i) : Lowered{};
    std::string part = ctx.array_value(item, t, dtype);
    const int rank = t.kind == StaticKind::Tuple ? out_rank : t.rank();
    if (op == OpCode::Stack) {
      part = ctx.emit("Unsqueeze", {part, ctx.int64s({axis})});
    } else if (op == OpCode::VStack && rank < 2) {
      part = ctx.emit("Reshape", {part, ctx.int64s({1, -1})});
    } else if (op == OpCode::HStack && rank == 0) {
      part = ctx.emit("Reshape", {part, ctx.int64s({1})});
    }
    parts.push_back(part);
  }
  ctx.set_output(0,
                 ctx.emit("Concat", parts, [&](onnx::NodeProto& n) { set_attr(n, "axis", axis); }));
}

void emit_outer(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const std::string a = ctx.emit("Reshape", {ctx.input_as(0, dtype), ctx.int64s({-1, 1})});
  const std::string b = ctx.emit("Reshape", {ctx.input_as(1, dtype), ctx.int64s({1, -1})});
  ctx.set_output(0, ctx.emit(dtype == DType::Bool ? "And" : "Mul", {a, b}));
}

void emit_trilu(EmitContext& ctx) {
  const int64_t upper = ctx.node().op == OpCode::Triu ? 1 : 0;
  const std::string k = ctx.cast(ctx.input(1), ctx.in_type(1).dtype, DType::Int64);
  ctx.set_output(0, ctx.emit("Trilu", {ctx.input(0), k},
                             [&](onnx::NodeProto& n) { set_attr(n, "upper", upper); }));
}

void emit_diff(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const int64_t n = ctx.in_type(1).constant_int().value_or(1);
  const int64_t axis = normalized_axis(ctx.in_type(2).constant_int().value_or(-1), in.rank());
  if (n < 0) {
    ctx.refuse("with a negative order (NumPy raises ValueError)", DiagCode::OnnxUnknownType);
    return;
  }
  std::string x = ctx.input(0);
  const std::string axes = ctx.int64s({axis});
  const int64_t end = std::numeric_limits<int64_t>::max();
  for (int64_t i = 0; i < n; ++i) {
    const std::string later = ctx.emit("Slice", {x, ctx.int64s({1}), ctx.int64s({end}), axes});
    const std::string earlier = ctx.emit("Slice", {x, ctx.int64s({0}), ctx.int64s({-1}), axes});
    // Booleans differ by not_equal, as NumPy's diff does.
    x = ctx.emit(in.dtype == DType::Bool ? "Xor" : "Sub", {later, earlier});
  }
  ctx.set_output(0, x);
}

void emit_filled(EmitContext& ctx) {
  const OpCode op = ctx.node().op;
  const DType dtype = ctx.out_type().dtype;
  const bool like = op == OpCode::ZerosLike || op == OpCode::OnesLike || op == OpCode::FullLike;
  const std::string shape = like ? ctx.emit("Shape", {ctx.input(0)}) : shape_tensor(ctx, 0);
  if (op == OpCode::Full || op == OpCode::FullLike) {
    const StaticType& fill = ctx.in_type(1);
    if (!(fill.constant && fill.is_python_scalar())) {
      ctx.set_output(0, ctx.emit("Expand", {ctx.input_as(1, dtype), shape}));
      return;
    }
    double value = fill.constant->is<double>() ? fill.constant->as<double>()
                                               : static_cast<double>(*fill.constant_int());
    if (dtype == DType::Int64 && fill.constant->is<int64_t>()) {
      onnx::TensorProto t = int64_tensor({fill.constant->as<int64_t>()});
      ctx.set_output(0, ctx.emit("ConstantOfShape", {shape},
                                 [&](onnx::NodeProto& n) { set_attr(n, "value", t); }));
      return;
    }
    const onnx::TensorProto t = one_element(dtype, value);
    ctx.set_output(0, ctx.emit("ConstantOfShape", {shape},
                               [&](onnx::NodeProto& n) { set_attr(n, "value", t); }));
    return;
  }
  const double value = op == OpCode::Ones || op == OpCode::OnesLike ? 1.0 : 0.0;
  const onnx::TensorProto t = one_element(dtype, value);
  ctx.set_output(0, ctx.emit("ConstantOfShape", {shape},
                             [&](onnx::NodeProto& n) { set_attr(n, "value", t); }));
}

void emit_eye(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  const std::string n = ctx.cast(ctx.input(0), ctx.in_type(0).dtype, DType::Int64);
  const std::string m = ctx.in_type(1).kind == StaticKind::None
                            ? n
                            : ctx.cast(ctx.input(1), ctx.in_type(1).dtype, DType::Int64);
  const std::string one = ctx.int64s({1});
  const std::string shape =
      ctx.emit("Concat", {ctx.emit("Reshape", {n, one}), ctx.emit("Reshape", {m, one})},
               [](onnx::NodeProto& node) { set_attr(node, "axis", int64_t{0}); });
  const DType work = dtype == DType::Bool || is_narrow(dtype) ? DType::Int32 : dtype;
  const onnx::TensorProto zero = one_element(work, 0.0);
  const std::string zeros = ctx.emit("ConstantOfShape", {shape},
                                     [&](onnx::NodeProto& node) { set_attr(node, "value", zero); });
  const int64_t k = ctx.in_type(2).constant_int().value_or(0);
  const std::string eye =
      ctx.emit("EyeLike", {zeros}, [&](onnx::NodeProto& node) { set_attr(node, "k", k); });
  ctx.set_output(0, ctx.cast(eye, work, dtype));
}

void emit_arange(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  bool any_float = false;
  for (size_t i = 0; i < 3; ++i) any_float = any_float || is_float(ctx.in_type(i).dtype);
  const DType work = any_float ? DType::Float64 : DType::Int64;
  std::string start, stop, step;
  if (ctx.in_type(1).kind == StaticKind::None) {
    start = ctx.scalar(work, 0.0);
    stop = ctx.input_as(0, work);
  } else {
    start = ctx.input_as(0, work);
    stop = ctx.input_as(1, work);
  }
  step = ctx.in_type(2).kind == StaticKind::None ? ctx.scalar(work, 1.0) : ctx.input_as(2, work);
  ctx.set_output(0, ctx.cast(ctx.emit("Range", {start, stop, step}), work, dtype));
}

void emit_linspace(EmitContext& ctx) {
  const DType dtype = ctx.out_type().dtype;
  if (!is_float(dtype)) {
    ctx.refuse("with an integer dtype has no ONNX export");
    return;
  }
  const DType f = DType::Float64;
  const std::string start = ctx.input_as(0, f);
  const std::string stop = ctx.input_as(1, f);
  const std::string num = ctx.input_as(2, DType::Int64);
  const bool endpoint = ctx.in_type(3).constant && ctx.in_type(3).constant->as<bool>();
  const std::string index =
      ctx.cast(ctx.emit("Range", {ctx.int64_scalar(0), num, ctx.int64_scalar(1)}), DType::Int64, f);
  std::string div = ctx.cast(num, DType::Int64, f);
  if (endpoint) div = ctx.emit("Sub", {div, ctx.scalar(f, 1.0)});
  div = ctx.emit("Max", {div, ctx.scalar(f, 1.0)});
  const std::string step = ctx.emit("Div", {ctx.emit("Sub", {stop, start}), div});
  std::string y = ctx.emit("Add", {ctx.emit("Mul", {index, step}), start});
  if (endpoint) {
    // NumPy sets the last sample to stop exactly.
    const std::string last = ctx.emit("Sub", {ctx.cast(num, DType::Int64, f), ctx.scalar(f, 1.0)});
    const std::string is_last = ctx.emit("And", {ctx.emit("Equal", {index, last}),
                                                 ctx.emit("Greater", {index, ctx.scalar(f, 0.0)})});
    y = ctx.emit("Where", {is_last, stop, y});
  }
  ctx.set_output(0, ctx.cast(y, f, dtype));
}

void emit_array(EmitContext& ctx) {
  ctx.set_output(0, ctx.array_value(ctx.in_value(0), ctx.in_type(0), ctx.out_type().dtype));
}

}  // namespace pygraft::onnx_export
