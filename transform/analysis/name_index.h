// Dense numbers for the names of one function (parameters, every name read
// or written in its body, module names such as `np` included), so that the
// dataflow analyses keep their facts in DenseBits instead of sets of strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "transform/analysis/activity.h"
#include "transform/analysis/dense_bits.h"

namespace pygraft::transform {

using NameId = uint32_t;

class NameIndex {
 public:
  // The number of `name`, numbering it if it is new.
  NameId add(std::string_view name);
  std::optional<NameId> find(std::string_view name) const;
  const std::string& name(NameId id) const { return names_[id]; }
  size_t size() const { return names_.size(); }

  DenseBits empty_set() const { return DenseBits(size()); }
  // The members as names, in alphabetical order.
  NameSet to_names(const DenseBits& bits) const;
  // The members of `names` this index knows.
  DenseBits to_bits(const NameSet& names) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Note: most functions have a few dozen names, found faster by a scan of
  // names_ than by hashing; the map is built once there are more.
  static constexpr size_t kScanLimit = 32;
  std::unordered_map<std::string, NameId, Hash, std::equal_to<>> ids_;
  std::vector<std::string> names_;
};

}  // namespace pygraft::transform
