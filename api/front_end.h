// The front end as every caller runs it (the library's compile(), the CLI,
// the fuzzers): parse, lower, collect every diagnostic in source order.
//
// Requires nothing global: each call owns its parser and sink, so calls on
// different sources may run concurrently.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "support/diagnostic.h"

// Note: the public API declares its own Diagnostic and Severity in
// pygraft::api, so the front end's types are spelled pygraft:: here.
namespace pygraft::api::detail {

struct FrontEndRequest {
  std::string_view file;             // names the file in the module (runtime errors)
  std::vector<std::string> entries;  // empty: every top-level function
  bool warnings_as_errors = false;   // warnings become errors
  bool record_passes = false;        // fill FrontEndOutcome::passes
  bool runtime_fusions = true;       // LowerOptions::runtime_fusions
};

struct FrontEndOutcome {
  std::vector<pygraft::Diagnostic> diagnostics;  // sorted by position
  std::optional<pygraft::Module> module;         // set when there is no error
  // (pass name, --emit text listing) after the build and after each pass.
  std::vector<std::pair<std::string, std::string>> passes;

  bool has_errors() const;
};

// Never throws: an exception escaping the front end becomes an internal
// error diagnostic (PG0999).
FrontEndOutcome run_front_end(std::string_view source, const FrontEndRequest& request);

}  // namespace pygraft::api::detail
