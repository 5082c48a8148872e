#include "transform/passes/dce.h"

#include <unordered_map>

namespace pygraft::transform {

namespace {

using UseCounts = std::unordered_map<ValueId, int>;

bool has_effect(const Node& node, bool nested);

bool region_has_effect(const Region& region) {
  for (const Node& node : region.nodes) {
    if (has_effect(node, true)) return true;
  }
  return false;
}

// Whether removing the node, were its results unused, could change what the
// program does: the op table's effects column (graph/ops.def). An op that may
// raise stays, so a call that raises in Python raises here too (SPEC §3).
// Note: an undef inside a region is a placeholder for a value that is
// unbound on that path (it raises only where it is read), not an effect.
bool has_effect(const Node& node, bool nested) {
  if (node.op == OpCode::Undef) return !nested;
  switch (op_info(node.op).effects) {
    case OpEffects::Pure:
      return false;
    case OpEffects::Raises:
    case OpEffects::Effect:
      return true;
    case OpEffects::Regions:
      break;
  }
  for (const Region& region : node.regions) {
    if (region_has_effect(region)) return true;
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

bool is_dead(const Node& node, const UseCounts& uses, bool nested) {
  if (has_effect(node, nested)) return false;
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
void sweep(Region& region, UseCounts& uses, bool nested) {
  std::vector<bool> keep(region.nodes.size(), true);
  for (size_t i = region.nodes.size(); i-- > 0;) {
    Node& node = region.nodes[i];
    prune_cond_results(node, uses);
    for (Region& inner : node.regions) sweep(inner, uses, true);
    if (!is_dead(node, uses, nested)) continue;
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
  UseCounts uses;
  count_uses(function.body, uses, 1);
  sweep(function.body, uses, false);
}

}  // namespace pygraft::transform
