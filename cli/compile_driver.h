// The front end as the CLI runs it: read a source file, parse, lower, and
// collect every diagnostic in source order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/ir.h"
#include "support/diagnostic.h"

namespace pygraft::cli {

struct CompileRequest {
  std::string source_path;           // as the user gave it; names the file in messages
  std::vector<std::string> entries;  // empty: every top-level function
  bool warnings_as_errors = false;   // --Werror: warnings become errors
};

struct CompileOutcome {
  // Set when the file could not be read (exit 2); nothing else is set then.
  std::optional<std::string> io_error;
  std::string source;                   // the text, for quoting lines in diagnostics
  std::vector<Diagnostic> diagnostics;  // sorted by position
  std::optional<Module> module;         // set when there is no error

  bool has_errors() const;
};

// Never throws: an exception escaping the front end becomes an internal
// error diagnostic (PG0999).
CompileOutcome compile_file(const CompileRequest& request);
// The same for source text already in memory.
CompileOutcome compile_source(const CompileRequest& request, std::string source);

}  // namespace pygraft::cli
