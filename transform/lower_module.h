// Builds the IR module from the AST (before any pass of transform/pipeline.h).
#pragma once

#include <functional>
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

// The same, handing each function to `after_function` as soon as it is
// built (while its IR is still in the cache), then releasing the function's
// body from the AST, which nothing reads again (callers see signatures).
Module build_module(ast::Module& module, const std::vector<std::string>& entries,
                    DiagnosticSink& diags, const std::function<void(Function&)>& after_function);

}  // namespace pygraft::transform
