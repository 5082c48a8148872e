// The facts the aliasing check (transform/analysis/aliasing.h) carries
// along each path: which names may share an array, and which certainly hold
// a Python scalar (immutable: sharing one is harmless). Names are numbers
// (transform/analysis/name_index.h); numbers past the function's own names
// stand for what callers pass (see aliasing.cc).
#pragma once

#include <utility>
#include <vector>

#include "transform/analysis/dense_bits.h"
#include "transform/analysis/name_index.h"

namespace pygraft::transform {

struct AliasState {
  // Sorted, each pair (a, b) with a < b: a and b may share one array.
  std::vector<std::pair<NameId, NameId>> pairs;
  DenseBits scalars;  // certainly Python scalars
  // Certainly a list or dict (bound to a display, a comprehension, list(),
  // sorted() or another such name): changing one (append, d[k] = v) changes
  // that object only, which only names bound to the same object see; names
  // sharing what it holds (`w = d["w"]`, an array appended) do not.
  DenseBits containers;
  bool reached = false;  // false: no path reaches this point yet

  bool operator==(const AliasState&) const = default;
};

// The state where paths meet: a pair on either path; a scalar or a container
// on both.
void join_into(AliasState& into, const AliasState& other);

// The names `name` may share an array with.
std::vector<NameId> partners(const AliasState& state, NameId name);

// (Named rebind, not bind: std::bind would win overload resolution by ADL.)
// `name` now refers to what `sources` refer to (and to whatever they share);
// its earlier sharing ends. `scalar`: it certainly holds a Python scalar.
void rebind(AliasState& state, NameId name, const std::vector<NameId>& sources, bool scalar);

// `name` may now also share with each of `others` (xs.append(v),
// d[k] = v); its earlier sharing stays.
void add_sharing(AliasState& state, NameId name, const std::vector<NameId>& others);

}  // namespace pygraft::transform
