// Source file -> diagnostics + Module (see cli/compile_driver.h).
#include "cli/compile_driver.h"

#include <algorithm>
#include <exception>

#include "cli/file_io.h"
#include "parser/parser.h"
#include "transform/lower.h"

namespace pygraft::cli {
namespace {

bool is_error(const Diagnostic& d) {
  return d.severity == Severity::Error;
}

void promote_warnings(std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Warning) d.severity = Severity::Error;
  }
}

// Parse, then lower only when the parse found no error: lowering a partial
// AST would report follow-on errors that confuse more than they help.
std::optional<Module> run_front_end(const CompileRequest& request, std::string_view source,
                                    DiagnosticSink& sink) {
  ParseResult parsed = parse_module(source);
  bool syntax_ok = std::none_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), is_error);
  sink.append(std::move(parsed.diagnostics));
  if (!syntax_ok) return std::nullopt;
  LowerOptions options;
  options.entries = request.entries;
  Module module = lower_module(std::move(parsed.module), options, sink);
  module.source_file = request.source_path;
  return module;
}

}  // namespace

bool CompileOutcome::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), is_error);
}

CompileOutcome compile_source(const CompileRequest& request, std::string source) {
  CompileOutcome outcome;
  outcome.source = std::move(source);
  DiagnosticSink sink;
  std::optional<Module> module;
  try {
    module = run_front_end(request, outcome.source, sink);
  } catch (const std::exception& e) {
    sink.report(DiagCode::InternalError, SourceRange{},
                std::string("internal error in the compiler: ") + e.what());
  }
  outcome.diagnostics = sink.sorted();
  if (request.warnings_as_errors) promote_warnings(outcome.diagnostics);
  if (!outcome.has_errors()) outcome.module = std::move(module);
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
