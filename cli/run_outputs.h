// `run --out DIR` (SPEC §1): each output as a .npy file, named in run's JSON
// document in place of its values.
//
// Output i goes to DIR/i.npy; item j of a tuple nested in output i goes to
// DIR/i.j.npy (and deeper: DIR/i.j.k.npy). Arrays are written as they are,
// Python scalars as 0-d arrays (bool, int64, float64); None, strings and
// dtypes get no file (their OUT keeps "data") but keep their number.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/value.h"

namespace pygraft::cli {

// Whether `value` is written to a file (an array or a Python scalar).
bool has_output_file(const rt::Value& value);

// The path of the output numbered `number` ("0", "1.2") under `dir`, as the
// document names it: DIR joined with "NUMBER.npy".
std::string output_file(const std::string& dir, const std::string& number);

// Creates DIR if missing and writes every output with a file, each one
// atomically; then removes the files of DIR named like outputs (N.npy,
// N.M.npy, ...) that this run did not write: they are left from an earlier
// run. Nothing else in DIR is touched. Returns a message on failure.
std::optional<std::string> write_outputs(const std::string& dir,
                                         const std::vector<rt::Value>& outputs);

}  // namespace pygraft::cli
