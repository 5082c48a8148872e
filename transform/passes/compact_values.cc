#include "transform/passes/compact_values.h"

#include <vector>

namespace pygraft::transform {

namespace {

class Renumbering {
 public:
  explicit Renumbering(const Function& function)
      : old_names_(function.value_names), mapping_(function.num_values, kUnmapped) {}

  void define(ValueId& value) {
    ValueId fresh = static_cast<ValueId>(names_.size());
    names_.push_back(value < old_names_.size() ? old_names_[value] : std::string());
    if (value >= mapping_.size()) mapping_.resize(value + 1, kUnmapped);
    mapping_[value] = fresh;
    value = fresh;
  }

  void use(ValueId& value) const {
    if (value < mapping_.size() && mapping_[value] != kUnmapped) value = mapping_[value];
  }

  void region(Region& region) {
    for (ValueId& arg : region.args) define(arg);
    for (Node& node : region.nodes) {
      for (ValueId& input : node.inputs) use(input);
      for (Region& inner : node.regions) this->region(inner);
      for (ValueId& output : node.outputs) define(output);
    }
    for (ValueId& yield : region.yields) use(yield);
  }

  std::vector<std::string> take_names() { return std::move(names_); }

 private:
  const std::vector<std::string>& old_names_;
  std::vector<std::string> names_;
  // Note: value ids are dense, so the old -> new map is a vector.
  static constexpr ValueId kUnmapped = static_cast<ValueId>(-1);
  std::vector<ValueId> mapping_;
};

}  // namespace

void compact_values(Function& function) {
  Renumbering renumbering(function);
  renumbering.region(function.body);
  std::vector<std::string> names = renumbering.take_names();
  function.num_values = static_cast<uint32_t>(names.size());
  function.value_names = std::move(names);
}

}  // namespace pygraft::transform
