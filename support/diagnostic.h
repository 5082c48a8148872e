// Diagnostics: what the front end reports about a user's source file.
// Each diagnostic has a stable code declared once in diag_codes.def.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/source_range.h"

namespace pygraft {

enum class Severity { Error, Warning, Note };

enum class DiagCode {
#define PG_DIAG(id, code, severity, title, help) id,
#include "support/diag_codes.def"
#undef PG_DIAG
};

struct DiagCodeInfo {
  DiagCode id;
  std::string_view code;  // "PG0101"
  Severity default_severity;
  std::string_view title;  // short rule name for SARIF, e.g. "unsupported-try"
  std::string_view help;   // how to fix it
};

const DiagCodeInfo& diag_code_info(DiagCode id);
const std::vector<DiagCodeInfo>& all_diag_codes();

// The columns of a range in UTF-16 code units (SARIF's default column kind);
// zero when not computed.
struct Utf16Columns {
  uint32_t column = 0;
  uint32_t end_column = 0;
};

struct Diagnostic {
  DiagCode id;
  Severity severity;
  SourceRange range;    // columns in bytes
  std::string message;  // names the construct and, where there is one, the alternative
  Utf16Columns utf16{};

  std::string_view code() const { return diag_code_info(id).code; }
};

// Fills each diagnostic's utf16 columns from the source it points into.
void compute_utf16_columns(std::vector<Diagnostic>& diagnostics, std::string_view source);

// Collects diagnostics in the order passes find them; sorted by position for
// output. Passes keep going after an error so a user sees every problem at once.
class DiagnosticSink {
 public:
  void report(DiagCode id, SourceRange range, std::string message);
  void report(DiagCode id, Severity severity, SourceRange range, std::string message);
  void append(std::vector<Diagnostic> more);
  bool has_errors() const;
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  // Stable sort by start position, then drop exact duplicates.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

std::string_view severity_name(Severity s);

}  // namespace pygraft
