// The graph file: a module serialized to a versioned binary format
// (docs/graph-format.md describes it byte by byte).
//
// serialize_module is deterministic: the same Module always gives the same
// bytes. load_module accepts any bytes: it validates everything it reads,
// never crashes, hangs or reads out of bounds, and as its last step runs the
// verifier, so a loaded module is well formed (graph/verifier.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/ir.h"

namespace pygraft {

// The version this build writes; it reads exactly this version.
inline constexpr uint32_t kGraphFormatVersion = 1;

std::string serialize_module(const Module& module);

struct LoadResult {
  std::optional<Module> module;  // set on success
  std::string error;             // set on failure: one line, no file name

  bool ok() const { return module.has_value(); }
};

LoadResult load_module(std::string_view bytes);

}  // namespace pygraft
