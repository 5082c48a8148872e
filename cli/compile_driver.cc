// Source file -> diagnostics + Module (see cli/compile_driver.h); the work
// is the compiler library's front end (api/front_end.h).
#include "cli/compile_driver.h"

#include <algorithm>

#include "api/front_end.h"
#include "cli/file_io.h"

namespace pygraft::cli {

bool CompileOutcome::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

CompileOutcome compile_source(const CompileRequest& request, std::string source) {
  CompileOutcome outcome;
  outcome.source = std::move(source);
  api::detail::FrontEndOutcome front = api::detail::run_front_end(
      outcome.source, {request.source_path, request.entries, request.warnings_as_errors});
  outcome.diagnostics = std::move(front.diagnostics);
  outcome.module = std::move(front.module);
  return outcome;
}

CompileOutcome compile_file(const CompileRequest& request) {
  Result<std::string> text = read_file(request.source_path);
  if (!text.ok()) {
    CompileOutcome outcome;
    outcome.io_error = text.error();
    return outcome;
  }
  return compile_source(request, std::move(text).value());
}

}  // namespace pygraft::cli
