#include "support/diagnostic.h"

#include <algorithm>

namespace pygraft {

namespace {

const std::vector<DiagCodeInfo>& code_table() {
  static const std::vector<DiagCodeInfo> table = {
#define PG_DIAG(id, code, severity, title, help) \
  DiagCodeInfo{DiagCode::id, code, Severity::severity, title, help},
#include "support/diag_codes.def"
#undef PG_DIAG
  };
  return table;
}

}  // namespace

const DiagCodeInfo& diag_code_info(DiagCode id) {
  return code_table()[static_cast<size_t>(id)];
}

const std::vector<DiagCodeInfo>& all_diag_codes() {
  return code_table();
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

void DiagnosticSink::report(DiagCode id, SourceRange range, std::string message) {
  report(id, diag_code_info(id).default_severity, range, std::move(message));
}

void DiagnosticSink::report(DiagCode id, Severity severity, SourceRange range,
                            std::string message) {
  diagnostics_.push_back(Diagnostic{id, severity, range, std::move(message), {}});
}

void DiagnosticSink::append(std::vector<Diagnostic> more) {
  for (auto& d : more) diagnostics_.push_back(std::move(d));
}

bool DiagnosticSink::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return starts_before(a.range, b.range);
  });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.id == b.id && a.range == b.range && a.message == b.message;
  };
  out.erase(std::unique(out.begin(), out.end(), same), out.end());
  return out;
}

namespace {

// The UTF-16 column of 1-based byte column `byte_column` on `line`: code
// points of up to three UTF-8 bytes are one unit, four-byte ones two. Bytes
// past the end of the line count one each.
uint32_t utf16_column(std::string_view line, uint32_t byte_column) {
  if (byte_column == 0) return 0;
  const size_t bytes = byte_column - 1;
  uint32_t units = 0;
  for (size_t i = 0; i < std::min(bytes, line.size()); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    units += c >= 0xF0 ? 2 : 1;
  }
  if (bytes > line.size()) units += static_cast<uint32_t>(bytes - line.size());
  return units + 1;
}

// Line `number` (1-based) of `source` without its line break; empty past the end.
std::string_view line_of(std::string_view source, uint32_t number) {
  size_t start = 0;
  for (uint32_t l = 1; l < number; ++l) {
    start = source.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = std::min(source.find('\n', start), source.size());
  return source.substr(start, end - start);
}

}  // namespace

void compute_utf16_columns(std::vector<Diagnostic>& diagnostics, std::string_view source) {
  for (Diagnostic& d : diagnostics) {
    if (!d.range.valid()) continue;
    d.utf16.column = utf16_column(line_of(source, d.range.line), d.range.column);
    d.utf16.end_column = utf16_column(line_of(source, d.range.end_line), d.range.end_column);
  }
}

}  // namespace pygraft
