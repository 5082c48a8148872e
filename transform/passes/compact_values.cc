#include "transform/passes/compact_values.h"

#include <unordered_map>

namespace pygraft::transform {

namespace {

class Renumbering {
 public:
  explicit Renumbering(const Function& function) : old_names_(function.value_names) {}

  void define(ValueId& value) {
    ValueId fresh = static_cast<ValueId>(names_.size());
    names_.push_back(value < old_names_.size() ? old_names_[value] : std::string());
    mapping_[value] = fresh;
    value = fresh;
  }

  void use(ValueId& value) const {
    auto it = mapping_.find(value);
    if (it != mapping_.end()) value = it->second;
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
  std::unordered_map<ValueId, ValueId> mapping_;
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
