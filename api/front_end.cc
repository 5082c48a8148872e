// Source text -> diagnostics + Module (see api/front_end.h).
#include "api/front_end.h"

#include <algorithm>
#include <exception>

#include "graph/printer.h"
#include "parser/parser.h"
#include "transform/compiled_items.h"
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

// Problems CPython itself refuses the file for: errors wherever they are.
bool refuses_the_file(DiagCode code) {
  switch (code) {
    case DiagCode::SyntaxError:
    case DiagCode::InvalidUtf8:
    case DiagCode::NulByte:
    case DiagCode::NestingTooDeep:
    case DiagCode::IndentationError:
    case DiagCode::TabError:
    case DiagCode::ReturnOutsideFunction:
    case DiagCode::BreakOutsideLoop:
    case DiagCode::InternalError:
      return true;
    default:
      return false;
  }
}

bool encloses(const SourceRange& outer, const SourceRange& inner) {
  auto at_or_after = [](uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
    return l1 > l2 || (l1 == l2 && c1 >= c2);
  };
  return inner.valid() && at_or_after(inner.line, inner.column, outer.line, outer.column) &&
         at_or_after(outer.end_line, outer.end_column, inner.end_line, inner.end_column);
}

// The parser's diagnostics, but those inside code that is not compiled
// (transform/compiled_items.h), whose place a note takes.
void report_compiled_code(std::vector<pygraft::Diagnostic> parsed,
                          const std::vector<transform::LeftOutItem>& left_out,
                          DiagnosticSink& sink) {
  std::erase_if(parsed, [&](const pygraft::Diagnostic& d) {
    if (refuses_the_file(d.id)) return false;
    return std::any_of(left_out.begin(), left_out.end(), [&](const transform::LeftOutItem& item) {
      return encloses(item.range, d.range);
    });
  });
  sink.append(std::move(parsed));
  for (const transform::LeftOutItem& item : left_out) {
    sink.report(DiagCode::NotCompiled, pygraft::Severity::Note, item.head, item.message);
  }
}

// Parse, then lower even when the parse reported errors, so that one run
// reports every problem: the parser leaves out what it reported and records
// the names that code may bind (ast::DroppedNames), and the transform stays
// silent about those, so no follow-on errors appear.
std::optional<Module> parse_and_lower(std::string_view source, const FrontEndRequest& request,
                                      DiagnosticSink& sink, FrontEndOutcome& outcome) {
  ParseResult parsed = parse_module(source);
  const std::vector<transform::LeftOutItem> left_out =
      transform::leave_out_unused(parsed.module, request.entries);
  report_compiled_code(std::move(parsed.diagnostics), left_out, sink);
  LowerOptions options;
  options.entries = request.entries;
  options.runtime_fusions = request.runtime_fusions;
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
