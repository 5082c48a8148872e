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

const DiagCodeInfo& diag_code_info(DiagCode id) { return code_table()[static_cast<size_t>(id)]; }

const std::vector<DiagCodeInfo>& all_diag_codes() { return code_table(); }

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

void DiagnosticSink::report(DiagCode id, SourceRange range, std::string message) {
  report(id, diag_code_info(id).default_severity, range, std::move(message));
}

void DiagnosticSink::report(DiagCode id, Severity severity, SourceRange range,
                            std::string message) {
  diagnostics_.push_back(Diagnostic{id, severity, range, std::move(message)});
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

}  // namespace pygraft
