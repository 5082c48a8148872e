#include "transform/passes/dce.h"

#include <unordered_map>

namespace pygraft::transform {

namespace {

using UseCounts = std::unordered_map<ValueId, int>;

bool has_effect(const Node& node) {
  switch (node.op) {
    case OpCode::Print:
    case OpCode::Assert:
    case OpCode::Call:
    case OpCode::Undef:
      return true;
    default:
      return !node.regions.empty();  // cond / loop: judged as a whole for now
  }
}

void count_uses(const Region& region, UseCounts& uses) {
  for (const Node& node : region.nodes) {
    for (ValueId input : node.inputs) ++uses[input];
    for (const Region& inner : node.regions) count_uses(inner, uses);
  }
  for (ValueId yield : region.yields) ++uses[yield];
}

bool is_dead(const Node& node, const UseCounts& uses) {
  if (has_effect(node)) return false;
  for (ValueId output : node.outputs) {
    auto it = uses.find(output);
    if (it != uses.end() && it->second > 0) return false;
  }
  return true;
}

// Walks backwards so that removing a node can make its operands' definitions
// (earlier in this region or an enclosing one) dead in the same sweep.
void sweep(Region& region, UseCounts& uses) {
  std::vector<bool> keep(region.nodes.size(), true);
  for (size_t i = region.nodes.size(); i-- > 0;) {
    Node& node = region.nodes[i];
    for (Region& inner : node.regions) sweep(inner, uses);
    if (!is_dead(node, uses)) continue;
    keep[i] = false;
    for (ValueId input : node.inputs) --uses[input];
  }
  std::vector<Node> kept;
  for (size_t i = 0; i < region.nodes.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(region.nodes[i]));
  }
  region.nodes = std::move(kept);
}

}  // namespace

void eliminate_dead_code(Function& function) {
  UseCounts uses;
  count_uses(function.body, uses);
  sweep(function.body, uses);
}

}  // namespace pygraft::transform
