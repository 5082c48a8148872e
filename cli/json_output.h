// The JSON document `pygraft run` prints on stdout (SPEC §1):
//   {"outputs": [OUT, ...], "timing": {...}}
// OUT is {"dtype": "float32|float64|int32|int64|bool", "shape": [..],
// "data": D} with D a scalar for shape [] and nested lists otherwise; a
// Python float is float64 of shape [], int int64, bool bool. None is null.
//
// Choices beyond the spec: a tuple nested inside the returned tuple is a
// JSON list of OUTs; a string is {"dtype": "str", "shape": [], "data": "..."};
// a dtype value is {"dtype": "dtype", "shape": [], "data": "float32"}.
// With run --out, {"dtype", "shape", "file"} replaces an OUT's data.
// Floats print as the shortest text that round-trips (float32 values as the
// shortest float32 text), always with a '.' or exponent; NaN and infinities
// as "nan", "inf", "-inf". Separators follow Python's json.dumps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/value.h"

namespace pygraft::cli {

struct Timing {
  int64_t runs = 0;
  int64_t min_ns = 0;
  int64_t median_ns = 0;
  int64_t max_ns = 0;
};

// min / median / max of per-call times; the median of an even count is the
// mean of the middle two, rounded down.
Timing summarize_timing(std::vector<int64_t> durations_ns);

// The values reported as OUTs: a returned tuple's items, else the value.
std::vector<rt::Value> split_outputs(const rt::Value& result);

std::string format_double(double value);
std::string format_float(float value);
// One OUT (or null, or a list of OUTs for a tuple).
std::string format_out(const rt::Value& value);
// The whole document, ending with a newline. With `out_dir` (run --out), an
// OUT written to a file (cli/run_outputs.h) carries "file": "DIR/N.npy" in
// place of "data"; the values are never printed.
std::string format_run_document(const rt::Value& result, const std::optional<Timing>& timing,
                                const std::optional<std::string>& out_dir = std::nullopt);

}  // namespace pygraft::cli
