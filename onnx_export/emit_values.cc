// Emitters of Python values: identities, conversions, tuples, checks.
#include <cmath>

#include "onnx_export/emitters.h"
#include "onnx_export/onnx_types.h"

namespace pygraft::onnx_export {

void emit_identity(EmitContext& ctx) {
  // The operand already is the tensor the result names: a Python scalar is a
  // 0-d tensor of its default dtype, which is what ufunc_operand makes of it.
  if (ctx.out_type().is_numeric() && ctx.in_type(0).is_numeric() &&
      ctx.out_type().dtype != ctx.in_type(0).dtype) {
    ctx.set_output(0, ctx.input_as(0, ctx.out_type().dtype));
    return;
  }
  ctx.set_output(0, ctx.in_value(0).tensor.empty() && ctx.in_type(0).is_numeric()
                        ? Lowered::of(ctx.input(0))
                        : ctx.in_value(0));
}

void emit_cast_result(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const StaticType& out = ctx.out_type();
  if (!in.is_numeric() || !out.is_numeric()) {
    ctx.refuse("on " + in.describe() + " has no ONNX export", DiagCode::OnnxUnknownType);
    return;
  }
  if (in.is_array() && in.rank() != out.rank()) {
    ctx.refuse("on a " + in.describe() + " array has no ONNX export");
    return;
  }
  // Float to int truncates toward zero in Python's int(), NumPy's astype and
  // ONNX's Cast alike.
  ctx.set_output(0, ctx.input_as(0, out.dtype));
}

void emit_make_tuple(EmitContext& ctx) {
  std::vector<Lowered> items;
  for (size_t i = 0; i < ctx.num_inputs(); ++i) items.push_back(ctx.in_value(i));
  ctx.set_output(0, Lowered::tuple(std::move(items)));
}

void emit_check_bound(EmitContext& ctx) {
  const StaticType& t = ctx.in_type(0);
  if (t.kind == StaticKind::Unbound || t.maybe_unbound) {
    ctx.refuse("reads a variable that is unbound on some path (CPython raises NameError there)",
               DiagCode::OnnxPossiblyUnbound);
  }
}

void emit_check_unpack(EmitContext& ctx) {
  const StaticType& t = ctx.in_type(0);
  const Literal* count = ctx.node().attr("count");
  if (t.kind == StaticKind::Tuple && count && count->is<int64_t>() &&
      static_cast<int64_t>(t.items.size()) == count->as<int64_t>()) {
    return;
  }
  if (t.is_array() && t.rank() > 0 && count && t.dims[0].size == count->as<int64_t>()) return;
  ctx.refuse("unpacks " + t.describe() + ", whose length is not known from the signature",
             DiagCode::OnnxUnknownType);
}

void emit_side_effect(EmitContext& ctx) {
  const OpCode op = ctx.node().op;
  if (op == OpCode::Assert && ctx.num_inputs() > 0) {
    const StaticType& t = ctx.in_type(0);
    if (t.constant && t.is_python_scalar() && t.constant_int().value_or(1) != 0) return;
  }
  const char* what = op == OpCode::Print    ? "print()"
                     : op == OpCode::Assert ? "an assert"
                                            : "a raise";
  ctx.refuse(std::string("is ") + what +
                 ": an ONNX graph cannot print or fail (an assert the signature proves true "
                 "is dropped)",
             DiagCode::OnnxSideEffect);
}

void emit_truth(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  if (!in.is_numeric()) {
    ctx.refuse("of " + in.describe() + " has no ONNX export", DiagCode::OnnxUnknownType);
    return;
  }
  const std::string truth = ctx.truth_value(0);
  ctx.set_output(0, ctx.node().op == OpCode::Not ? ctx.emit("Not", {truth}) : truth);
}

void emit_inplace_result(EmitContext& ctx) {
  const StaticType& x = ctx.in_type(0);
  const StaticType& r = ctx.in_type(1);
  if (!x.is_array()) {
    ctx.set_output(0, ctx.in_value(1));
    return;
  }
  if (r.rank() > x.rank()) {
    ctx.refuse("would change the array's shape", DiagCode::OnnxUnknownType);
    return;
  }
  // x op= y keeps x's dtype (NumPy casts the result back, same_kind).
  const int kind_x = dtype_kind(x.dtype), kind_r = dtype_kind(r.dtype);
  if (kind_r > kind_x) {
    ctx.refuse(
        "casts " + r.describe() + " back into " + x.describe() + " (NumPy raises UFuncTypeError)",
        DiagCode::OnnxUnknownType);
    return;
  }
  ctx.set_output(0, ctx.input_as(1, x.dtype));
}

void emit_py_round(EmitContext& ctx) {
  const StaticType& in = ctx.in_type(0);
  const StaticType& out = ctx.out_type();
  if (ctx.in_type(1).kind != StaticKind::None) {
    if (is_integer(in.dtype) && ctx.in_type(1).constant_int().value_or(-1) >= 0) {
      ctx.set_output(0, ctx.input(0));  // round(7, 2) is 7
      return;
    }
    // Python rounds the exact decimal value (round(2.675, 2) is 2.67), which
    // scaling by 10**n does not reproduce.
    ctx.refuse(
        "with ndigits has no exact ONNX form (Python rounds the decimal value); use "
        "np.round(x, n), which scales as ONNX can");
    return;
  }
  // round(x) rounds half to even, as ONNX's Round does.
  std::string value = ctx.input(0);
  if (is_float(in.dtype)) value = ctx.emit("Round", {value});
  ctx.set_output(0, ctx.cast(value, in.dtype, out.dtype));
}

void emit_py_minmax(EmitContext& ctx) {
  const StaticType& packed = ctx.in_type(0);
  const Lowered& value = ctx.in_value(0);
  const bool nested = packed.items.size() == 1 && packed.items[0].kind == StaticKind::Tuple;
  const StaticType& items_type = nested ? packed.items[0] : packed;
  const Lowered& items_value = nested && value.is_tuple ? value.items.at(0) : value;
  std::vector<std::string> tensors;
  for (size_t i = 0; i < items_type.items.size(); ++i) {
    const Lowered item = items_value.is_tuple ? items_value.items.at(i) : Lowered{};
    tensors.push_back(ctx.materialize(item, items_type.items[i]));
  }
  if (ctx.refused()) return;
  // One kind throughout (the static rule refuses mixed kinds), so the value
  // is the same whichever of equal items Python returns. NaN: Python's
  // max(nan, 1.0) is nan but max(1.0, nan) is 1.0; ONNX's Max is one rule.
  ctx.set_output(0, tensors.size() == 1 ? tensors[0] : ctx.emit(ctx.onnx_op(), tensors));
}

}  // namespace pygraft::onnx_export
