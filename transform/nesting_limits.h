// How deep the lowering lets one chain of the source nest in the graph.
//
// An if/elif chain, a chain of conditional expressions (`a if c else b if d
// else e`), `and` / `or` operands, a chained comparison, `x in (a, b, ...)`
// and the guards that follow several early exits in one block each nest one
// region per link when lowered naively, and Python puts no limit on their
// length (CPython compiles an `and` of 200 000 operands). Up to
// kMaxChainNesting links nest as before; a longer chain becomes a sequence of
// groups of that many, each run only when the ones before did not decide.
// So regions nest at most a few levels per block and per bracket of the
// source, whose depth CPython caps (100 levels of indentation, 200 of
// brackets): the graph's nesting stays within what the graph loader accepts
// (graph/graph_file_format.h kMaxRegionDepth) for any file CPython compiles.
#pragma once

#include <cstddef>

namespace pygraft::transform {

inline constexpr size_t kMaxChainNesting = 8;

}  // namespace pygraft::transform
