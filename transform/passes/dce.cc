#include "transform/passes/dce.h"

#include <unordered_map>

#include "graph/raise_facts.h"

namespace pygraft::transform {

namespace {

using UseCounts = std::unordered_map<ValueId, int>;

// Whether the node must stay even when its results are unused: it may raise
// or has an effect (graph/raise_facts.h), or, for a cond whose regions were
// swept already, something in its regions stayed.
// Note: an undef inside a region is a placeholder for a value that is
// unbound on that path (it raises only where it is read), not an effect.
bool stays(const Node& node, const ValueTypes& types, bool nested) {
  if (node.op == OpCode::Undef) return !nested;
  if (may_raise(node, types)) return true;
  for (const Region& region : node.regions) {
    if (!region.nodes.empty()) return true;
  }
  return false;
}

// `delta` is +1 to count the uses of `region` (its nodes' inputs, nested
// regions, its yields), -1 to forget them.
void count_uses(const Region& region, UseCounts& uses, int delta) {
  for (const Node& node : region.nodes) {
    for (ValueId input : node.inputs) uses[input] += delta;
    for (const Region& inner : node.regions) count_uses(inner, uses, delta);
  }
  for (ValueId yield : region.yields) uses[yield] += delta;
}

bool is_used(ValueId value, const UseCounts& uses) {
  auto it = uses.find(value);
  return it != uses.end() && it->second > 0;
}

bool is_dead(const Node& node, const UseCounts& uses, const ValueTypes& types, bool nested) {
  if (stays(node, types, nested)) return false;
  for (ValueId output : node.outputs) {
    if (is_used(output, uses)) return false;
  }
  return true;
}

// Removes the results of a cond node that nothing uses, with the values its
// two regions yield for them.
void prune_cond_results(Node& node, UseCounts& uses) {
  if (node.op != OpCode::Cond) return;
  for (size_t i = node.outputs.size(); i-- > 0;) {
    if (is_used(node.outputs[i], uses)) continue;
    node.outputs.erase(node.outputs.begin() + static_cast<std::ptrdiff_t>(i));
    for (Region& region : node.regions) {
      if (i >= region.yields.size()) continue;
      --uses[region.yields[i]];
      region.yields.erase(region.yields.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
}

// Walks backwards so that removing a node can make its operands' definitions
// (earlier in this region or an enclosing one) dead in the same sweep.
void sweep(Region& region, UseCounts& uses, const ValueTypes& types, bool nested) {
  std::vector<bool> keep(region.nodes.size(), true);
  for (size_t i = region.nodes.size(); i-- > 0;) {
    Node& node = region.nodes[i];
    prune_cond_results(node, uses);
    for (Region& inner : node.regions) sweep(inner, uses, types, true);
    if (!is_dead(node, uses, types, nested)) continue;
    keep[i] = false;
    for (ValueId input : node.inputs) --uses[input];
    for (const Region& inner : node.regions) count_uses(inner, uses, -1);
  }
  std::vector<Node> kept;
  for (size_t i = 0; i < region.nodes.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(region.nodes[i]));
  }
  region.nodes = std::move(kept);
}

}  // namespace

void eliminate_dead_code(Function& function) {
  const ValueTypes types = ValueTypes::infer(function);
  UseCounts uses;
  count_uses(function.body, uses, 1);
  sweep(function.body, uses, types, false);
}

}  // namespace pygraft::transform
