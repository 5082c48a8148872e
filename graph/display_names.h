// Printable, unique names of a function's values for --emit text and dot:
// "%h" for the first value named h, then "%h.1", "%h.2" in definition order;
// "%7" for a value without a source name. Deterministic.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/ir.h"

namespace pygraft {

class DisplayNames {
 public:
  explicit DisplayNames(const Function& fn);

  // "%name"; ids out of range print as "%<bad N>" (the printers also serve
  // to debug unverified IR).
  std::string operator()(ValueId v) const;
  // The const literal defining `v`, or nullptr.
  const Literal* const_value(ValueId v) const;

 private:
  void assign(ValueId v);
  void walk(const Region& r);

  const Function& fn_;
  std::vector<std::string> names_;
  std::vector<const Literal*> consts_;
  std::unordered_map<std::string, uint32_t> next_suffix_;
  std::unordered_set<std::string> taken_;
};

}  // namespace pygraft
