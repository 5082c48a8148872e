#include "transform/analysis/name_index.h"

namespace pygraft::transform {

NameId NameIndex::add(std::string_view name) {
  auto it = ids_.find(name);
  if (it != ids_.end()) return it->second;
  auto id = static_cast<NameId>(names_.size());
  names_.emplace_back(name);
  ids_.emplace(std::string(name), id);
  return id;
}

std::optional<NameId> NameIndex::find(std::string_view name) const {
  auto it = ids_.find(name);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

NameSet NameIndex::to_names(const DenseBits& bits) const {
  NameSet out;
  bits.for_each([&](size_t id) { out.insert(names_[id]); });
  return out;
}

DenseBits NameIndex::to_bits(const NameSet& names) const {
  DenseBits out = empty_set();
  for (const std::string& name : names) {
    if (std::optional<NameId> id = find(name)) out.set(*id);
  }
  return out;
}

}  // namespace pygraft::transform
