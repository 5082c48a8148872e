// `pygraft run` arguments: each ARG is a JSON literal or `@path.npy`.
//
// JSON ints become Python ints (int64, weak under NEP 50), floats Python
// floats, true/false Python bools, null None. Nested lists become a tensor
// with np.array(list)'s rules: all bools -> bool, ints (and bools) -> int64,
// any float -> float64, `[]` -> float64 of shape (0,); ragged lists fail with
// "inhomogeneous shape". Strings are str values; an object is a dict with
// str keys (in the order written) whose values convert as arguments do.
// Strings, objects and nulls inside lists, integers outside int64 and
// nesting deeper than kMaxArgNesting are rejected.
#pragma once

#include <string_view>

#include "cli/result.h"
#include "runtime/value.h"

namespace pygraft::cli {

// Checked by a scan before the JSON parser runs, so no input can exhaust
// the stack.
inline constexpr int kMaxArgNesting = 32;

// A JSON literal as a runtime value.
Result<rt::Value> parse_json_arg(std::string_view text);

// One command-line ARG: `@path.npy` reads the file, anything else is JSON.
Result<rt::Value> parse_arg(std::string_view text);

}  // namespace pygraft::cli
