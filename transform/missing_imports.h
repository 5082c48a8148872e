// A missing `import numpy as np` (or `import math`) is one diagnostic, at the
// first use, saying what to add; every use is lowered as the module the alias
// conventionally names (np and numpy: NumPy, math: math), so no later use adds
// follow-on errors (an `np.sum(x, axis=0)` read as a method call on an
// undefined value would report its arguments too).
//
// Requires: ModuleScope::assume_import is asked only for names that are not
// local and not imported. Guarantees: report() adds at most one diagnostic
// per alias, at its earliest use in the source.
#pragma once

#include <map>
#include <string>

#include "support/diagnostic.h"
#include "transform/scope.h"

namespace pygraft::transform {

class MissingImports {
 public:
  // Keeps the earliest use of each alias.
  void record(std::string_view alias, SourceRange use);
  // PG0301 at the first use of each alias (not for names of code the parser
  // left out, such as a broken import line: that was reported already).
  void report(const ModuleScope& scope, DiagnosticSink& diags) const;

 private:
  std::map<std::string, SourceRange, std::less<>> first_use_;
};

}  // namespace pygraft::transform
