#include "transform/passes/const_dedup.h"

#include <bit>
#include <map>
#include <string>

#include "transform/passes/ir_walk.h"

namespace pygraft::transform {

namespace {

// A key that tells literals apart exactly: the type, then the payload (the
// bits of a double).
void append_key(const Literal& literal, std::string& key) {
  key += std::to_string(literal.storage().index());
  key += ':';
  if (literal.is<bool>()) key += literal.as<bool>() ? '1' : '0';
  if (literal.is<int64_t>()) key += std::to_string(literal.as<int64_t>());
  if (literal.is<double>()) key += std::to_string(std::bit_cast<uint64_t>(literal.as<double>()));
  if (literal.is<DType>()) key += std::to_string(static_cast<int>(literal.as<DType>()));
  if (literal.is<std::string>()) {
    key += std::to_string(literal.as<std::string>().size()) + ':' + literal.as<std::string>();
  }
  if (literal.is<LiteralTuple>()) {
    key += '(';
    for (const Literal& item : literal.as<LiteralTuple>()) append_key(item, key);
    key += ')';
  }
  key += ';';
}

void deduplicate_region(Region& region, std::unordered_map<ValueId, ValueId>& replacement) {
  std::map<std::string, ValueId> first;
  std::vector<Node> kept;
  for (Node& node : region.nodes) {
    const Literal* value = node.op == OpCode::Const ? node.attr("value") : nullptr;
    if (value != nullptr && node.outputs.size() == 1) {
      std::string key;
      append_key(*value, key);
      auto [it, inserted] = first.emplace(std::move(key), node.outputs[0]);
      if (!inserted) {
        replacement[node.outputs[0]] = it->second;
        continue;
      }
    }
    for (Region& inner : node.regions) deduplicate_region(inner, replacement);
    kept.push_back(std::move(node));
  }
  region.nodes = std::move(kept);
}

}  // namespace

void deduplicate_constants(Function& function) {
  std::unordered_map<ValueId, ValueId> replacement;
  deduplicate_region(function.body, replacement);
  replace_uses(function.body, replacement);
}

}  // namespace pygraft::transform
