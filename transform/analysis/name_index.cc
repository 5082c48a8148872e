#include "transform/analysis/name_index.h"

namespace pygraft::transform {

NameId NameIndex::add(std::string_view name) {
  if (std::optional<NameId> id = find(name)) return *id;
  auto id = static_cast<NameId>(names_.size());
  names_.emplace_back(name);
  if (names_.size() == kScanLimit + 1) {
    for (NameId k = 0; k < names_.size(); ++k) ids_.emplace(names_[k], k);
  } else if (names_.size() > kScanLimit) {
    ids_.emplace(std::string(name), id);
  }
  return id;
}

std::optional<NameId> NameIndex::find(std::string_view name) const {
  if (names_.size() <= kScanLimit) {
    for (NameId k = 0; k < names_.size(); ++k) {
      if (names_[k] == name) return k;
    }
    return std::nullopt;
  }
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
