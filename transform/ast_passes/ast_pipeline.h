// The AST -> AST passes run before the IR lowering: control-flow warnings
// and the aliasing check on the code as written, then the lowering of
// structured exits (return, loop else, break, continue) into flags and
// guards. See ast_pipeline.cc for the order and the reason for each position.
//
// Requires: a module from parse_module (meaningful when it had no error).
// Guarantees afterwards, in every function: no break or continue, no loop else
// clause, and a `return` only as the last statement of the body. Synthesized
// names contain '$' (transform/ast_passes/ast_make.h); For::extra_test may be
// set (the IR lowering must honour it: evaluate it before each iteration and
// stop when it is false).
#pragma once

#include <functional>
#include <string_view>

#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

struct AstPassOptions {
  // PG0501 / PG0502 on the source as written.
  bool warnings = true;
  // PG0401, on the code as written.
  bool check_aliasing = true;
  // Debug hook: called with the module as given ("input") and after each
  // pass, with the pass's name (e.g. "lower-break").
  std::function<void(std::string_view pass, const ast::Module&)> after_pass;
};

void run_ast_passes(ast::Module& module, const AstPassOptions& options, DiagnosticSink& diags);

}  // namespace pygraft::transform
