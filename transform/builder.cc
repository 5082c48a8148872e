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
  ValueFacts& f = facts(result);
  f.defined_here = true;
  f.op = op;
  if (op == OpCode::Undef) f.maybe_unbound = true;
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
    ValueFacts& f = facts(node.outputs.back());
    f.defined_here = true;
    f.op = op;
  }
  for (size_t k = 0; k < node.outputs.size(); ++k) {
    if (structured_output_maybe_unbound(node, k)) mark_maybe_unbound(node.outputs[k]);
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
  facts(result).constant = static_cast<int32_t>(constants_.size());
  constants_.push_back(std::move(value));
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
  facts(result).tuple = static_cast<int32_t>(tuples_.size());
  tuples_.push_back(std::move(elements));
  return result;
}

ValueId IrBuilder::add_argument(std::string name) {
  ValueId value = function_.new_value(std::move(name));
  region_->args.push_back(value);
  return value;
}

const Literal* IrBuilder::constant_value(ValueId value) const {
  const ValueFacts* f = facts_of(value);
  return f == nullptr || f->constant < 0 ? nullptr : &constants_[static_cast<size_t>(f->constant)];
}

const std::vector<ValueId>* IrBuilder::tuple_elements(ValueId value) const {
  const ValueFacts* f = facts_of(value);
  return f == nullptr || f->tuple < 0 ? nullptr : &tuples_[static_cast<size_t>(f->tuple)];
}

bool IrBuilder::never_none(ValueId value) const {
  const ValueFacts* f = facts_of(value);
  if (f == nullptr || !f->defined_here) return false;
  switch (f->op) {
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
