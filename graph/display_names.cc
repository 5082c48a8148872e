// Unique display names of values (see graph/display_names.h).
#include "graph/display_names.h"

namespace pygraft {

DisplayNames::DisplayNames(const Function& fn)
    : fn_(fn), names_(fn.num_values), consts_(fn.num_values, nullptr) {
  walk(fn.body);
}

void DisplayNames::assign(ValueId v) {
  if (v >= names_.size() || !names_[v].empty()) return;
  std::string base = v < fn_.value_names.size() ? fn_.value_names[v] : std::string();
  if (base.empty()) {
    names_[v] = std::to_string(v);
    return;
  }
  std::string candidate = base;
  while (taken_.count(candidate) != 0)
    candidate = base + "." + std::to_string(++next_suffix_[base]);
  taken_.insert(candidate);
  names_[v] = candidate;
}

// Definition order as the text form reads: a node's outputs (on its line)
// before the arguments of its regions.
void DisplayNames::walk(const Region& r) {
  for (ValueId v : r.args) assign(v);
  for (const Node& n : r.nodes) {
    for (ValueId v : n.outputs) assign(v);
    if (n.op == OpCode::Const && n.outputs.size() == 1 && n.outputs[0] < consts_.size()) {
      consts_[n.outputs[0]] = n.attr("value");
    }
    for (const Region& inner : n.regions) walk(inner);
  }
}

std::string DisplayNames::operator()(ValueId v) const {
  if (v >= names_.size()) return "%<bad " + std::to_string(v) + ">";
  if (names_[v].empty()) return "%" + std::to_string(v);  // never defined
  return "%" + names_[v];
}

const Literal* DisplayNames::const_value(ValueId v) const {
  return v < consts_.size() ? consts_[v] : nullptr;
}

}  // namespace pygraft
