// Emitters of reductions: NumPy's axis (None, an int, a tuple), keepdims and
// dtype= as ONNX Reduce* operators (opset 17: ReduceSum takes its axes as an
// input, the others as an attribute), with the accumulator dtype NumPy uses.
#include <algorithm>
#include <cmath>

#include "onnx_export/emitters.h"
#include "onnx_export/onnx_types.h"

namespace pygraft::onnx_export {

namespace {

// The normalised axes of operand `i` (None: every axis, returned as nullopt).
std::optional<std::vector<int64_t>> axes_of(const StaticType& axis, int rank) {
  if (axis.kind == StaticKind::None) return std::nullopt;
  std::vector<int64_t> out;
  auto add = [&](const StaticType& t) {
    const int64_t a = t.constant_int().value_or(0);
    out.push_back(a < 0 ? a + rank : a);
  };
  if (axis.kind == StaticKind::Tuple) {
    for (const StaticType& item : axis.items) add(item);
  } else {
    add(axis);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool keepdims_of(const StaticType& t) {
  return t.constant && t.constant->is<bool>() && t.constant->as<bool>();
}

// A Reduce* node on `x` over `axes` (nullopt: all).
std::string reduce(EmitContext& ctx, const std::string& op, const std::string& x,
                   const std::optional<std::vector<int64_t>>& axes, bool keepdims) {
  const int64_t keep = keepdims ? 1 : 0;
  if (op == "ReduceSum") {
    std::vector<std::string> inputs{x};
    if (axes) inputs.push_back(ctx.int64s(*axes));
    return ctx.emit(op, inputs, [&](onnx::NodeProto& n) { set_attr(n, "keepdims", keep); });
  }
  return ctx.emit(op, {x}, [&](onnx::NodeProto& n) {
    set_attr(n, "keepdims", keep);
    if (axes) set_attr(n, "axes", *axes);
  });
}

size_t keepdims_operand(OpCode op) {
  switch (op) {
    case OpCode::Sum:
    case OpCode::Mean:
    case OpCode::Prod:
      return 3;
    case OpCode::Var:
    case OpCode::Std:
      return 4;
    default:
      return 2;
  }
}

// The dtype a Reduce* computes in for `dtype` (ONNX Runtime has no bool or
// 16-bit integer reductions).
DType compute_dtype(DType dtype) {
  if (dtype == DType::Bool || dtype == DType::Int8 || dtype == DType::Int16 ||
      dtype == DType::UInt8 || dtype == DType::UInt16) {
    return DType::Int32;
  }
  if (dtype == DType::Float16) return DType::Float32;
  return dtype;
}

// The number of elements each output of a reduction over `axes` gathers,
// as a 0-d tensor of `dtype`.
std::string reduced_count(EmitContext& ctx, const std::string& x, const StaticType& type,
                          const std::optional<std::vector<int64_t>>& axes, DType dtype) {
  const std::string shape = ctx.emit("Shape", {x});
  std::string dims = shape;
  if (axes) dims = ctx.emit("Gather", {shape, ctx.int64s(*axes)});
  (void)type;
  const std::string count = ctx.emit(
      "ReduceProd", {dims}, [](onnx::NodeProto& n) { set_attr(n, "keepdims", int64_t{0}); });
  return ctx.cast(count, DType::Int64, dtype);
}

// Per output of a reduction, whether a NaN is among its elements: the max
// of the NaN mask as floats (ONNX Runtime's float ReduceMax is many times
// faster than an int64 ReduceSum of it).
std::string any_nan(EmitContext& ctx, const std::string& x,
                    const std::optional<std::vector<int64_t>>& axes, bool keepdims) {
  const std::string nan = ctx.cast(ctx.emit("IsNaN", {x}), DType::Bool, DType::Float32);
  return ctx.emit("Greater", {reduce(ctx, "ReduceMax", nan, axes, keepdims),
                              ctx.scalar(DType::Float32, 0.0)});
}

}  // namespace

void emit_reduce(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const DType out = ctx.out_type().dtype;
  const auto axes = axes_of(ctx.in_type(1), in.rank());
  const bool keep = keepdims_of(ctx.in_type(keepdims_operand(ctx.node().op)));
  const OpCode op = ctx.node().op;
  if (op == OpCode::Mean && !is_float(out)) {
    ctx.refuse(
        "with an integer or bool dtype= has no exact ONNX form (NumPy divides and "
        "truncates)");
    return;
  }
  // Sums, products and means accumulate in the result dtype; max and min
  // keep the operand's.
  const DType work = compute_dtype(op == OpCode::Max || op == OpCode::Min ? in.dtype : out);
  const std::string x = ctx.input_as(0, work);
  if (in.rank() == 0) {
    ctx.set_output(0, ctx.cast(x, work, out));
    return;
  }
  std::string r = reduce(ctx, std::string(ctx.onnx_op()), x, axes, keep);
  if ((op == OpCode::Max || op == OpCode::Min) && is_float(work)) {
    // NumPy's max and min propagate NaN; ONNX Runtime's skip it.
    r = ctx.emit("Where", {any_nan(ctx, x, axes, keep), ctx.scalar(work, std::nan("")), r});
  }
  ctx.set_output(0, ctx.cast(r, work, out));
}

void emit_arg_reduce(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const bool keep = keepdims_of(ctx.in_type(2));
  const DType work = in.dtype == DType::Bool || is_narrow(in.dtype) ? DType::Int32 : in.dtype;
  std::string x = ctx.input_as(0, work);
  const auto axes = axes_of(ctx.in_type(1), in.rank());
  int64_t axis = 0;
  if (!axes) {
    x = ctx.emit("Reshape", {x, ctx.int64s({-1})});
  } else {
    axis = axes->at(0);
  }
  // select_last_index=0: the first of equal values, as NumPy.
  const int64_t keep_axis = axes && keep ? 1 : 0;
  std::string r = ctx.emit(ctx.onnx_op(), {x}, [&](onnx::NodeProto& n) {
    set_attr(n, "axis", axis);
    set_attr(n, "keepdims", keep_axis);
  });
  if (is_float(work)) {
    // NumPy's argmax and argmin give the first NaN: where a NaN is, the
    // argmax of the NaN mask (its first one) instead.
    const std::string nan = ctx.cast(ctx.emit("IsNaN", {x}), DType::Bool, DType::Int32);
    const std::string first_nan = ctx.emit("ArgMax", {nan}, [&](onnx::NodeProto& n) {
      set_attr(n, "axis", axis);
      set_attr(n, "keepdims", keep_axis);
    });
    const std::string any_nan = ctx.cast(ctx.emit("ReduceMax", {nan},
                                                  [&](onnx::NodeProto& n) {
                                                    set_attr(n, "axes", std::vector<int64_t>{axis});
                                                    set_attr(n, "keepdims", keep_axis);
                                                  }),
                                         DType::Int32, DType::Bool);
    r = ctx.emit("Where", {any_nan, first_nan, r});
  }
  if (!axes && keep) {
    r = ctx.emit("Reshape",
                 {r, ctx.int64s(std::vector<int64_t>(static_cast<size_t>(in.rank()), 1))});
  }
  ctx.set_output(0, r);
}

void emit_all_any(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const bool keep = keepdims_of(ctx.in_type(2));
  const auto axes = axes_of(ctx.in_type(1), in.rank());
  const std::string truth = ctx.input_as(0, DType::Bool);
  const bool all = ctx.node().op == OpCode::All;
  // all: no false element; any: some true element (empty: True / False).
  const std::string counted = all ? ctx.emit("Not", {truth}) : truth;
  std::string count = ctx.cast(counted, DType::Bool, DType::Int64);
  if (in.rank() > 0) count = reduce(ctx, "ReduceSum", count, axes, keep);
  const std::string zero = ctx.int64_scalar(0);
  const std::string result =
      all ? ctx.emit("Equal", {count, zero}) : ctx.emit("Greater", {count, zero});
  ctx.set_output(0, result);
}

void emit_var_std(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const DType out = ctx.out_type().dtype;
  const DType work = compute_dtype(out);
  const auto axes = axes_of(ctx.in_type(1), in.rank());
  const bool keep = keepdims_of(ctx.in_type(4));
  const auto ddof = ctx.in_type(3).constant_int();
  if (!is_float(out)) {
    ctx.refuse("with an integer or bool dtype= has no exact ONNX form (NumPy casts each step)");
    return;
  }
  if (!ddof) {
    ctx.refuse("with a ddof that is not a constant has no ONNX export", DiagCode::OnnxUnknownType);
    return;
  }
  std::string x = ctx.input_as(0, work);
  if (in.rank() == 0) x = ctx.emit("Reshape", {x, ctx.int64s({1})});
  const std::string mean = reduce(ctx, "ReduceMean", x, axes, true);
  const std::string d = ctx.emit("Sub", {x, mean});
  const std::string sq = ctx.emit("Mul", {d, d});
  std::string var;
  if (*ddof == 0) {
    var = reduce(ctx, "ReduceMean", sq, axes, keep);
  } else {
    const std::string sum = reduce(ctx, "ReduceSum", sq, axes, keep);
    const std::string n = reduced_count(ctx, x, in, axes, work);
    var =
        ctx.emit("Div", {sum, ctx.emit("Sub", {n, ctx.scalar(work, static_cast<double>(*ddof))})});
  }
  if (in.rank() == 0 && keep) var = ctx.emit("Reshape", {var, ctx.int64s({})});
  if (ctx.node().op == OpCode::Std) var = ctx.emit("Sqrt", {var});
  ctx.set_output(0, ctx.cast(var, work, out));
}

void emit_norm(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const DType out = ctx.out_type().dtype;
  const auto axes = axes_of(ctx.in_type(2), in.rank());
  const bool keep = keepdims_of(ctx.in_type(3));
  if (!axes && in.rank() > 1 && keep) {
    ctx.refuse("of a matrix with keepdims has no ONNX export here");
    return;
  }
  std::string x = ctx.input_as(0, compute_dtype(out));
  if (in.rank() == 0) x = ctx.emit("Reshape", {x, ctx.int64s({1})});
  ctx.set_output(0, ctx.cast(reduce(ctx, "ReduceL2", x, axes, keep), compute_dtype(out), out));
}

void emit_cumsum(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const DType out = ctx.out_type().dtype;
  const DType work = compute_dtype(out);
  std::string x = ctx.input_as(0, work);
  int64_t axis = 0;
  if (ctx.in_type(1).kind == StaticKind::None) {
    x = ctx.emit("Reshape", {x, ctx.int64s({-1})});
  } else {
    axis = axes_of(ctx.in_type(1), in.rank())->at(0);
  }
  ctx.set_output(0, ctx.cast(ctx.emit("CumSum", {x, ctx.int64_scalar(axis)}), work, out));
}

void emit_sort(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  std::string x = ctx.input(0);
  int64_t axis = in.rank() - 1;
  if (ctx.in_type(1).kind == StaticKind::None) {
    x = ctx.emit("Reshape", {x, ctx.int64s({-1})});
    axis = 0;
  } else {
    axis = axes_of(ctx.in_type(1), in.rank())->at(0);
  }
  // The sort key: ONNX Runtime's TopK has no bool kernel, and NaN sorts
  // last in NumPy (after +inf, which a NaN key of +inf ties with: the lower
  // index first keeps NumPy's order only when no +inf follows a NaN).
  const DType work = in.dtype == DType::Bool || is_narrow(in.dtype) ? DType::Int32 : in.dtype;
  std::string key = ctx.cast(x, in.dtype, work);
  if (is_float(work)) {
    key = ctx.emit("Where", {ctx.emit("IsNaN", {key}), ctx.scalar(work, HUGE_VAL), key});
  }
  const std::string count = ctx.emit(
      "Reshape",
      {ctx.emit("Gather", {ctx.emit("Shape", {key}), ctx.int64_scalar(axis)}), ctx.int64s({1})});
  onnx::NodeProto& topk = ctx.graph().add("TopK", {key, count}, ctx.node().range, 2);
  set_attr(topk, "axis", axis);
  set_attr(topk, "largest", int64_t{0});
  set_attr(topk, "sorted", int64_t{1});
  const std::string indices = topk.output(1);
  if (ctx.node().op == OpCode::ArgSort) {
    ctx.set_output(0, indices);
    return;
  }
  ctx.set_output(0, ctx.emit("GatherElements", {x, indices},
                             [&](onnx::NodeProto& n) { set_attr(n, "axis", axis); }));
}

}  // namespace pygraft::onnx_export
