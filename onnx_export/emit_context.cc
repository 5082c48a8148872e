#include "onnx_export/emit_context.h"

#include <cmath>

#include "onnx_export/onnx_types.h"

namespace pygraft::onnx_export {

EmitContext::EmitContext(GraphBuilder& graph, const Node& node, std::string_view onnx_op,
                         std::vector<StaticType> in_types, std::vector<Lowered> in_values,
                         std::vector<StaticType> out_types, std::string op_display)
    : graph_(graph),
      node_(node),
      onnx_op_(onnx_op),
      in_types_(std::move(in_types)),
      in_values_(std::move(in_values)),
      out_types_(std::move(out_types)),
      outputs_(out_types_.size()),
      op_display_(std::move(op_display)) {}

std::string EmitContext::materialize(const Lowered& value, const StaticType& type) {
  if (!value.tensor.empty()) return value.tensor;
  if (type.constant && (type.is_python_scalar() || (type.is_array() && type.rank() == 0))) {
    return constant(literal_tensor(*type.constant, type.dtype));
  }
  refuse("needs " + type.describe() + " as a tensor", DiagCode::OnnxUnknownType);
  return "";
}

std::string EmitContext::input(size_t i) {
  return materialize(in_values_.at(i), in_types_.at(i));
}

std::string EmitContext::cast(const std::string& name, DType from, DType to) {
  if (from == to || name.empty()) return name;
  if (is_float(from) && is_integer(to) && dtype_size(to) < 8) {
    // NumPy (x86-64) converts through int64 and keeps the low bits: 1e10 as
    // int32 is 1410065408; ONNX Runtime's Cast saturates (also when given
    // two Casts, which it merges), so the low bits are taken arithmetically.
    const std::string wide = cast(name, from, DType::Int64);
    const double modulus = std::ldexp(1.0, static_cast<int>(dtype_size(to) * 8));
    std::string low =
        emit("Mod",
             {wide, constant(literal_tensor(Literal(static_cast<int64_t>(modulus)), DType::Int64))},
             [](onnx::NodeProto& n) { set_attr(n, "fmod", int64_t{0}); });
    if (!is_unsigned(to)) {
      const std::string half =
          constant(literal_tensor(Literal(static_cast<int64_t>(modulus / 2)), DType::Int64));
      const std::string wraps = emit("GreaterOrEqual", {low, half});
      const std::string shifted = emit(
          "Sub",
          {low, constant(literal_tensor(Literal(static_cast<int64_t>(modulus)), DType::Int64))});
      low = emit("Where", {wraps, shifted, low});
    }
    return emit("Cast", {low},
                [&](onnx::NodeProto& n) { set_attr(n, "to", int64_t{onnx_element_type(to)}); });
  }
  return emit("Cast", {name},
              [&](onnx::NodeProto& n) { set_attr(n, "to", int64_t{onnx_element_type(to)}); });
}

std::string EmitContext::input_as(size_t i, DType dtype) {
  const StaticType& t = in_types_.at(i);
  if (!in_values_.at(i).tensor.empty() || !t.constant || !(t.is_python_scalar() || t.rank() == 0)) {
    return cast(input(i), t.dtype, dtype);
  }
  // A compile-time number: the constant directly in the wanted dtype.
  return constant(literal_tensor(*t.constant, dtype));
}

// A (nested) tuple of numbers or arrays as one tensor of `dtype`, as
// np.array builds it: items stacked along a new first axis.
std::string EmitContext::array_value(const Lowered& value, const StaticType& type, DType dtype) {
  if (type.kind != StaticKind::Tuple) {
    return cast(materialize(value, type), type.dtype, dtype);
  }
  std::vector<std::string> rows;
  const std::string zero_axis = int64s({0});
  for (size_t i = 0; i < type.items.size(); ++i) {
    const Lowered item = value.is_tuple ? value.items.at(i) : Lowered{};
    const std::string t = array_value(item, type.items[i], dtype);
    rows.push_back(emit("Unsqueeze", {t, zero_axis}));
  }
  if (rows.size() == 1) return rows[0];
  return emit("Concat", rows, [](onnx::NodeProto& n) { set_attr(n, "axis", int64_t{0}); });
}

std::string EmitContext::truth_value(size_t i) {
  const StaticType& t = in_types_.at(i);
  std::string x = input(i);
  if (t.is_array() && t.rank() > 0) {
    // bool(array) needs exactly one element (else NumPy's ValueError): a
    // reshape to a scalar fails at run time for any other size.
    x = emit("Reshape", {x, int64s({})});
  }
  return cast(x, t.dtype, DType::Bool);
}

std::string EmitContext::select(const std::string& condition, const std::string& a,
                                const std::string& b, DType dtype) {
  if (dtype != DType::Bool) return emit("Where", {condition, a, b});
  // ONNX Runtime's Where has no bool kernel: (c and a) or (not c and b).
  return emit("Or", {emit("And", {condition, a}), emit("And", {emit("Not", {condition}), b})});
}

std::string EmitContext::emit(std::string_view op_type, const std::vector<std::string>& inputs,
                              const std::function<void(onnx::NodeProto&)>& attrs) {
  onnx::NodeProto& n = graph_.add(op_type, inputs, node_.range);
  if (attrs) attrs(n);
  return n.output(0);
}

std::string EmitContext::constant(const onnx::TensorProto& value) {
  return graph_.constant(value, node_.range);
}

std::string EmitContext::int64s(const std::vector<int64_t>& values) {
  return constant(int64_tensor(values));
}

std::string EmitContext::int64_scalar(int64_t value) {
  return constant(int64_tensor({value}, true));
}

std::string EmitContext::scalar(DType dtype, double value) {
  return constant(scalar_tensor(dtype, value));
}

void EmitContext::set_output(size_t i, Lowered value) {
  outputs_.at(i) = std::move(value);
}

void EmitContext::refuse(std::string why, DiagCode code) {
  if (refusal_) return;
  refusal_ = Diagnostic{code, Severity::Error, node_.range, op_display_ + " " + why, {}};
}

}  // namespace pygraft::onnx_export
