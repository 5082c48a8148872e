#include "transform/builder.h"

namespace pygraft::transform {

Node& IrBuilder::append(OpCode op, std::vector<ValueId> inputs, SourceRange range,
                        std::vector<Attribute> attrs) {
  Node node;
  node.op = op;
  node.inputs = std::move(inputs);
  node.attrs = std::move(attrs);
  node.range = range;
  region_->nodes.push_back(std::move(node));
  return region_->nodes.back();
}

ValueId IrBuilder::emit(OpCode op, std::vector<ValueId> inputs, SourceRange range,
                        std::vector<Attribute> attrs) {
  ValueId result = function_.new_value();
  append(op, std::move(inputs), range, std::move(attrs)).outputs.push_back(result);
  defining_ops_.emplace(result, op);
  if (op == OpCode::Undef) maybe_unbound_.insert(result);
  return result;
}

std::vector<ValueId> IrBuilder::emit_structured(OpCode op, std::vector<ValueId> inputs,
                                                std::vector<Region> regions,
                                                const std::vector<std::string>& output_names,
                                                SourceRange range) {
  Node& node = append(op, std::move(inputs), range, {});
  node.regions = std::move(regions);
  for (const std::string& name : output_names) {
    node.outputs.push_back(function_.new_value(name));
    defining_ops_.emplace(node.outputs.back(), op);
  }
  for (size_t k = 0; k < node.outputs.size(); ++k) {
    if (structured_output_maybe_unbound(node, k)) maybe_unbound_.insert(node.outputs[k]);
  }
  return node.outputs;
}

// A cond result: its yield on some branch; a loop result: its initial
// value (the loop's operands are the carried values' initial values).
bool IrBuilder::structured_output_maybe_unbound(const Node& node, size_t k) const {
  if (node.op == OpCode::Loop) return k < node.inputs.size() && maybe_unbound(node.inputs[k]);
  for (const Region& region : node.regions) {
    if (k < region.yields.size() && maybe_unbound(region.yields[k])) return true;
  }
  return false;
}

void IrBuilder::emit_effect(OpCode op, std::vector<ValueId> inputs, SourceRange range,
                            std::vector<Attribute> attrs) {
  append(op, std::move(inputs), range, std::move(attrs));
}

ValueId IrBuilder::constant(Literal value, SourceRange range) {
  ValueId result = emit(OpCode::Const, {}, range, {Attribute{"value", value}});
  constants_.emplace(result, std::move(value));
  return result;
}

ValueId IrBuilder::tuple(std::vector<ValueId> elements, SourceRange range) {
  LiteralTuple literal;
  for (ValueId element : elements) {
    const Literal* value = constant_value(element);
    if (value == nullptr) break;
    literal.push_back(*value);
  }
  if (literal.size() == elements.size()) return constant(Literal(std::move(literal)), range);
  ValueId result = emit(OpCode::MakeTuple, elements, range);
  tuples_.emplace(result, std::move(elements));
  return result;
}

ValueId IrBuilder::add_argument(std::string name) {
  ValueId value = function_.new_value(std::move(name));
  region_->args.push_back(value);
  return value;
}

const Literal* IrBuilder::constant_value(ValueId value) const {
  auto it = constants_.find(value);
  return it == constants_.end() ? nullptr : &it->second;
}

const std::vector<ValueId>* IrBuilder::tuple_elements(ValueId value) const {
  auto it = tuples_.find(value);
  return it == tuples_.end() ? nullptr : &it->second;
}

bool IrBuilder::never_none(ValueId value) const {
  auto it = defining_ops_.find(value);
  if (it == defining_ops_.end()) return false;
  switch (it->second) {
    case OpCode::Const:  // a const None is folded by the caller
    case OpCode::Call:
    case OpCode::Cond:
    case OpCode::Loop:
    case OpCode::GetItem:
    case OpCode::Undef:
      return false;
    default:
      return true;
  }
}

void IrBuilder::name_value(ValueId value, std::string_view name) {
  if (function_.value_names.size() < function_.num_values) {
    function_.value_names.resize(function_.num_values);
  }
  if (value < function_.value_names.size() && function_.value_names[value].empty()) {
    function_.value_names[value] = std::string(name);
  }
}

}  // namespace pygraft::transform
