// `run --out DIR`: one .npy file per OUT of run's JSON document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/value.h"

namespace pygraft::cli {

// Writes outputs[i] to DIR/i.npy (creating DIR): tensors as they are,
// Python scalars as 0-d arrays (bool, int64, float64). None, strings and
// dtypes get no file, but keep their number. A nested tuple becomes the
// directory DIR/i holding its items the same way. Each file is written
// atomically. Returns a message on failure.
std::optional<std::string> write_outputs(const std::string& dir,
                                         const std::vector<rt::Value>& outputs);

}  // namespace pygraft::cli
