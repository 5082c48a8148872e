// Builds the IR module from the AST (before any pass of transform/pipeline.h).
#pragma once

#include <string>
#include <vector>

#include "graph/ir.h"
#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

// Every function selected by `entries` (all when empty, plus what they
// call), in source order. Diagnostics go to `diags`.
Module build_module(const ast::Module& module, const std::vector<std::string>& entries,
                    DiagnosticSink& diags);

}  // namespace pygraft::transform
