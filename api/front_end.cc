// Source text -> diagnostics + Module (see api/front_end.h).
#include "api/front_end.h"

#include <algorithm>
#include <exception>

#include "graph/printer.h"
#include "parser/parser.h"
#include "transform/lower.h"

namespace pygraft::api::detail {
namespace {

bool is_error(const pygraft::Diagnostic& d) {
  return d.severity == pygraft::Severity::Error;
}

void promote_warnings(std::vector<pygraft::Diagnostic>& diagnostics) {
  for (pygraft::Diagnostic& d : diagnostics) {
    if (d.severity == pygraft::Severity::Warning) d.severity = pygraft::Severity::Error;
  }
}

// Parse, then lower even when the parse reported errors, so that one run
// reports every problem: the parser leaves out what it reported and records
// the names that code may bind (ast::DroppedNames), and the transform stays
// silent about those, so no follow-on errors appear.
std::optional<Module> parse_and_lower(std::string_view source, const FrontEndRequest& request,
                                      DiagnosticSink& sink, FrontEndOutcome& outcome) {
  ParseResult parsed = parse_module(source);
  sink.append(std::move(parsed.diagnostics));
  LowerOptions options;
  options.entries = request.entries;
  // Note: the final IR is still verified; per-pass checks are for tests.
  options.verify_each_pass = request.record_passes;
  if (request.record_passes) {
    options.after_pass = [&outcome, &request](std::string_view pass, const Module& module) {
      Module named = module;  // Note: the listing's header names the source file.
      named.source_file = std::string(request.file);
      outcome.passes.emplace_back(std::string(pass), print_module(named));
    };
  }
  Module module = lower_module(std::move(parsed.module), options, sink);
  module.source_file = std::string(request.file);
  return module;
}

}  // namespace

bool FrontEndOutcome::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), is_error);
}

FrontEndOutcome run_front_end(std::string_view source, const FrontEndRequest& request) {
  FrontEndOutcome outcome;
  DiagnosticSink sink;
  std::optional<Module> module;
  try {
    module = parse_and_lower(source, request, sink, outcome);
  } catch (const std::exception& e) {
    sink.report(DiagCode::InternalError, SourceRange{},
                std::string("internal error in the compiler: ") + e.what());
  }
  outcome.diagnostics = sink.sorted();
  if (request.warnings_as_errors) promote_warnings(outcome.diagnostics);
  if (!outcome.has_errors()) outcome.module = std::move(module);
  return outcome;
}

}  // namespace pygraft::api::detail
