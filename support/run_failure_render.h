// How `pygraft run` reports a failure: a runtime error (exit 3) located at
// the node of the user's source that failed, with the calls that led there,
// or a usage / I-O error (exit 2) with no location. The text form reads like
// a compile diagnostic; the JSON and SARIF forms have the keys of compile
// diagnostics plus the exception and the call stack (docs/diagnostics.md).
//
// Guarantees: deterministic output; never throws, whatever the ranges and
// the source text (a line that is not in the source prints no snippet).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"
#include "support/diagnostic_render.h"

namespace pygraft {

// One frame of the call stack: a node of `function`.
struct StackEntry {
  std::string function;
  SourceRange range;
};

struct RunFailure {
  // RuntimeException, RuntimeLimit, RunInputError, or InternalError.
  DiagCode code = DiagCode::RuntimeException;
  std::string exception;  // the Python exception's name; "" when there is none
  std::string message;    // without the exception's name
  // Innermost first: the node that failed, then the call of its function,
  // then the call of that caller, ... Empty for usage errors.
  std::vector<StackEntry> stack;
};

// Text:
//   model.py:5:12: runtime error: IndexError: index 3 is out of bounds ...
//       return x[i] + 1.0
//              ^~~~
//   model.py:9:9: note: called from here
//       y = helper(x, i)
//           ^~~~~~~~~~~~
// `source` is the model's source text ("" when unknown: no snippets).
std::string render_run_failure_text(const RunFailure& failure, std::string_view file,
                                    std::string_view source, const TextRenderOptions& options = {});

// A JSON array holding one object: the keys of render_diagnostics_json (the
// message as the text form's: "IndexError: index 3 ..."), then "exception"
// (the name, or null) and "call_stack" (innermost first, each {function,
// file, line, column}).
std::string render_run_failure_json(const RunFailure& failure, std::string_view file);

// A SARIF 2.1.0 log with one result; the call stack is its `stacks[0]`, the
// exception its `properties.exception`.
std::string render_run_failure_sarif(const RunFailure& failure, std::string_view file,
                                     std::string_view tool_version);

}  // namespace pygraft
