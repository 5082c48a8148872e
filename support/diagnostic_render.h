// Renders diagnostics for users and tools: the clang-style text form with the
// source line and a caret under the range, a JSON array, and SARIF 2.1.0.
//
// Requires: diagnostics already in the order they should appear (the caller
// sorts them); `file` is the path as the user gave it.
// Guarantees: deterministic output; never throws on any diagnostic or source
// text (ranges past the end of the source simply print no snippet).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"

namespace pygraft {

struct TextRenderOptions {
  // ANSI colours: bold location and message, red errors, magenta warnings,
  // green caret. The CLI enables it only for a terminal without NO_COLOR.
  bool color = false;
  // Columns between tab stops when expanding tabs in the quoted source line.
  int tab_width = 8;
};

// One diagnostic as text:
//   model.py:12:5: error[PG0101]: message
//       try:
//       ^~~
// Each diagnostic ends with a newline. Invalid ranges print `model.py: ...`.
std::string render_diagnostic_text(const Diagnostic& diagnostic, std::string_view file,
                                   std::string_view source, const TextRenderOptions& options = {});
std::string render_diagnostics_text(const std::vector<Diagnostic>& diagnostics,
                                    std::string_view file, std::string_view source,
                                    const TextRenderOptions& options = {});

// A JSON array of {file, line, column, end_line, end_column, severity, code,
// message}; "[]" when empty. Ends with a newline.
std::string render_diagnostics_json(const std::vector<Diagnostic>& diagnostics,
                                    std::string_view file);

// A SARIF 2.1.0 log with one run: the driver lists one rule per code of
// diag_codes.def; each result points at its rule by id and index. Ends with a
// newline.
std::string render_diagnostics_sarif(const std::vector<Diagnostic>& diagnostics,
                                     std::string_view file, std::string_view tool_version);

// The caret line under `line_text` for columns [column, end_column) (1-based,
// bytes): tabs expand to tab stops, UTF-8 continuation bytes take no column.
// `line_text` is returned expanded in `display_line`.
std::string caret_line(std::string_view line_text, uint32_t column, uint32_t end_column,
                       int tab_width, std::string& display_line);

}  // namespace pygraft
