// Pieces of the diagnostic renderers (support/diagnostic_render.cc) that the
// renderer of run failures (support/run_failure_render.cc) shares, so that a
// runtime error reads, and parses, like a compile diagnostic. Internal to
// support/.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "support/diagnostic.h"
#include "support/diagnostic_render.h"

namespace pygraft::render_detail {

using OrderedJson = nlohmann::ordered_json;

inline constexpr std::string_view kReset = "\033[0m";
inline constexpr std::string_view kBold = "\033[1m";
inline constexpr std::string_view kRed = "\033[31m";
inline constexpr std::string_view kMagenta = "\033[35m";
inline constexpr std::string_view kCyan = "\033[36m";
inline constexpr std::string_view kGreen = "\033[32m";

// The quoted source line and the caret line under `range` (each ending with a
// newline), or "" when the line is not in `source`.
std::string source_snippet(std::string_view source, const SourceRange& range,
                           const TextRenderOptions& options);

// {file, line, column, end_line, end_column, severity, code, message}.
OrderedJson diagnostic_json(const Diagnostic& d, std::string_view file);

// {artifactLocation, region} for `range` of `file` (no region when invalid).
OrderedJson sarif_physical_location(std::string_view file, const SourceRange& range,
                                    Utf16Columns utf16);
OrderedJson sarif_result(const Diagnostic& d, std::string_view file);
// A SARIF 2.1.0 log of one run holding `results`, with every rule.
std::string sarif_log(OrderedJson results, std::string_view tool_version);

// Pretty-printed, invalid UTF-8 replaced, ending with a newline.
std::string dump(const OrderedJson& json);

}  // namespace pygraft::render_detail
