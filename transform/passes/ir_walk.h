// Small helpers shared by the passes: visiting regions and rewriting uses.
#pragma once

#include <unordered_map>

#include "graph/ir.h"

namespace pygraft::transform {

// Calls visit(region) for `region` and every region nested in its nodes,
// outer regions first.
template <class Visit>
void for_each_region(Region& region, const Visit& visit) {
  visit(region);
  for (Node& node : region.nodes) {
    for (Region& inner : node.regions) for_each_region(inner, visit);
  }
}

// Replaces every use (node inputs and region yields) of a key of
// `replacement` by its value, in `region` and the regions nested in it.
inline void replace_uses(Region& region, const std::unordered_map<ValueId, ValueId>& replacement) {
  if (replacement.empty()) return;
  auto rewrite = [&](ValueId& value) {
    auto it = replacement.find(value);
    if (it != replacement.end()) value = it->second;
  };
  for_each_region(region, [&](Region& r) {
    for (Node& node : r.nodes) {
      for (ValueId& input : node.inputs) rewrite(input);
    }
    for (ValueId& yield : r.yields) rewrite(yield);
  });
}

// How many times each value is read: node inputs and region yields, in
// `body` and every region nested in it.
inline std::unordered_map<ValueId, int> count_uses(Region& body) {
  std::unordered_map<ValueId, int> uses;
  for_each_region(body, [&](Region& r) {
    for (const Node& node : r.nodes) {
      for (ValueId input : node.inputs) ++uses[input];
    }
    for (ValueId yield : r.yields) ++uses[yield];
  });
  return uses;
}

}  // namespace pygraft::transform
