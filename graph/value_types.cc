// The value-type solve (see graph/value_types.h): a worklist over the nodes
// of the whole function. A node is re-evaluated when one of its operands'
// types grows; cond and loop nodes also when a yield of their regions grows.
#include "graph/value_types.h"

#include <deque>
#include <optional>

#include "graph/value_type_rules.h"

namespace pygraft {

ValueType ValueType::any() {
  return array(elements::Any).join(of_kinds(kinds::Any));
}

ValueType ValueType::of_kinds(uint16_t k) {
  ValueType t;
  t.kinds = k;
  return t;
}

ValueType ValueType::array(uint8_t element_kinds, int rank) {
  ValueType t;
  t.kinds = kinds::Array;
  t.elements = element_kinds;
  t.rank = static_cast<int8_t>(rank);
  return t;
}

ValueType ValueType::join(const ValueType& other) const {
  if (empty()) return other;
  if (other.empty()) return *this;
  ValueType out;
  out.kinds = kinds | other.kinds;
  out.elements = elements | other.elements;
  const bool arrays_here = may_be(kinds::Array), arrays_there = other.may_be(kinds::Array);
  if (arrays_here && arrays_there) {
    out.rank = rank == other.rank ? rank : static_cast<int8_t>(kUnknownRank);
  } else {
    out.rank = arrays_here ? rank : other.rank;
  }
  const bool tuples_here = may_be(kinds::Tuple), tuples_there = other.may_be(kinds::Tuple);
  if (tuples_here && tuples_there) {
    out.tuple_size = tuple_size == other.tuple_size ? tuple_size : kUnknownSize;
  } else {
    out.tuple_size = tuples_here ? tuple_size : other.tuple_size;
  }
  if (constant == other.constant) out.constant = constant;
  return out;
}

bool ValueType::operator==(const ValueType& other) const {
  return kinds == other.kinds && elements == other.elements && rank == other.rank &&
         tuple_size == other.tuple_size && constant == other.constant;
}

class ValueTypeSolver {
 public:
  explicit ValueTypeSolver(const Function& function) : function_(function) {
    types_.resize(function.num_values);
    users_.resize(function.num_values);
    index_region(function.body, std::nullopt);
  }

  std::vector<ValueType> solve() && {
    queued_.assign(nodes_.size(), true);
    for (size_t i = 0; i < nodes_.size(); ++i) worklist_.push_back(i);
    for (ValueId param : function_.body.args) grow(param, ValueType::any());
    while (!worklist_.empty()) {
      const size_t index = worklist_.front();
      worklist_.pop_front();
      queued_[index] = false;
      evaluate(*nodes_[index]);
    }
    return std::move(types_);
  }

 private:
  // Numbers every node and records, per value, the nodes to revisit when its
  // type grows: the nodes that read it and the cond/loop it is yielded to.
  void index_region(const Region& region, std::optional<size_t> owner) {
    for (const Node& node : region.nodes) {
      const size_t index = nodes_.size();
      nodes_.push_back(&node);
      for (ValueId input : node.inputs) add_user(input, index);
      for (const Region& inner : node.regions) index_region(inner, index);
    }
    // Note: a yield feeds its cond/loop node, which reads it like an operand.
    if (owner) {
      for (ValueId yield : region.yields) add_user(yield, *owner);
    }
  }

  void add_user(ValueId value, size_t node_index) {
    if (value < users_.size()) users_[value].push_back(node_index);
  }

  const ValueType& type(ValueId value) const {
    static const ValueType kAny = ValueType::any();
    return value < types_.size() ? types_[value] : kAny;
  }

  void evaluate(const Node& node) {
    switch (node.op) {
      case OpCode::Cond:
        return evaluate_cond(node);
      case OpCode::Loop:
        return evaluate_loop(node);
      case OpCode::Call:
        for (ValueId out : node.outputs) grow(out, ValueType::any());
        return;
      default:
        break;
    }
    if (node.outputs.empty()) return;
    std::vector<ValueType> operands;
    operands.reserve(node.inputs.size());
    for (ValueId input : node.inputs) {
      if (type(input).empty()) return;  // revisited once the operand is known
      operands.push_back(type(input));
    }
    grow(node.outputs[0], result_type(node, operands));
    // Note: the rules describe an op's first result; the others of a
    // fused node with several (graph/fused_elementwise.h) may be anything.
    for (size_t k = 1; k < node.outputs.size(); ++k) grow(node.outputs[k], ValueType::any());
  }

  void evaluate_cond(const Node& node) {
    for (size_t k = 0; k < node.outputs.size(); ++k) {
      ValueType joined;
      for (const Region& branch : node.regions) {
        if (k < branch.yields.size()) joined = joined.join(type(branch.yields[k]));
      }
      grow(node.outputs[k], joined);
    }
  }

  // Carried value k: what enters the loop joined with what the body yields.
  void evaluate_loop(const Node& node) {
    for (size_t k = 0; k < node.inputs.size(); ++k) {
      ValueType carried = type(node.inputs[k]);
      if (node.regions.size() == 2 && k < node.regions[1].yields.size()) {
        carried = carried.join(type(node.regions[1].yields[k]));
      }
      for (const Region& region : node.regions) {
        if (k < region.args.size()) grow(region.args[k], carried);
      }
      if (k < node.outputs.size()) grow(node.outputs[k], carried);
    }
  }

  void grow(ValueId value, const ValueType& type) {
    if (value >= types_.size()) return;
    ValueType joined = types_[value].join(type);
    if (joined == types_[value]) return;
    types_[value] = joined;
    for (size_t user : users_[value]) enqueue(user);
  }

  void enqueue(size_t index) {
    if (queued_[index]) return;
    queued_[index] = true;
    worklist_.push_back(index);
  }

  const Function& function_;
  std::vector<ValueType> types_;
  std::vector<const Node*> nodes_;
  std::vector<std::vector<size_t>> users_;  // per value: the nodes to revisit when it grows
  std::vector<bool> queued_;
  std::deque<size_t> worklist_;
};

ValueTypes ValueTypes::infer(const Function& function) {
  ValueTypes out;
  out.types_ = ValueTypeSolver(function).solve();
  return out;
}

}  // namespace pygraft
