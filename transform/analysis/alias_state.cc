#include "transform/analysis/alias_state.h"

#include <algorithm>
#include <iterator>

namespace pygraft::transform {

void join_into(AliasState& into, const AliasState& other) {
  if (!other.reached) return;
  if (!into.reached) {
    into = other;
    return;
  }
  std::vector<std::pair<NameId, NameId>> pairs;
  pairs.reserve(into.pairs.size() + other.pairs.size());
  std::set_union(into.pairs.begin(), into.pairs.end(), other.pairs.begin(), other.pairs.end(),
                 std::back_inserter(pairs));
  into.pairs = std::move(pairs);
  into.scalars &= other.scalars;
  into.containers &= other.containers;
}

std::vector<NameId> partners(const AliasState& state, NameId name) {
  std::vector<NameId> out;
  for (const auto& [a, b] : state.pairs) {
    if (a == name) out.push_back(b);
    if (b == name) out.push_back(a);
  }
  return out;
}

void rebind(AliasState& state, NameId name, const std::vector<NameId>& sources, bool scalar) {
  std::vector<NameId> shared = sources;
  for (NameId source : sources) {
    std::vector<NameId> more = partners(state, source);
    shared.insert(shared.end(), more.begin(), more.end());
  }
  std::erase_if(state.pairs, [name](const auto& p) { return p.first == name || p.second == name; });
  for (NameId other : shared) {
    if (other != name) state.pairs.push_back(std::minmax(name, other));
  }
  std::sort(state.pairs.begin(), state.pairs.end());
  state.pairs.erase(std::unique(state.pairs.begin(), state.pairs.end()), state.pairs.end());
  if (scalar) {
    state.scalars.set(name);
  } else {
    state.scalars.reset(name);
  }
  state.containers.reset(name);
}

void add_sharing(AliasState& state, NameId name, const std::vector<NameId>& others) {
  for (NameId other : others) {
    if (other != name) state.pairs.push_back(std::minmax(name, other));
  }
  std::sort(state.pairs.begin(), state.pairs.end());
  state.pairs.erase(std::unique(state.pairs.begin(), state.pairs.end()), state.pairs.end());
}

}  // namespace pygraft::transform
