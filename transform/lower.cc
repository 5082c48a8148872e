// lower_module: the whole transform, as one list.
//   1. AST passes (transform/ast_passes/): break / continue / return /
//      loop-else rewritten into flags and guards, so that every cond and loop
//      region has a single exit; control-flow warnings; the aliasing check.
//   2. IR build (transform/lower_module.cc): if/while/for into cond and loop
//      nodes, expressions into ops.
//   3. IR passes (transform/pipeline.cc), the verifier after each.
#include "transform/lower.h"

#include "transform/ast_passes/ast_pipeline.h"
#include "transform/lower_module.h"
#include "transform/pipeline.h"

namespace pygraft {

Module lower_module(ast::Module module, const LowerOptions& options, DiagnosticSink& diags) {
  // Note: the build runs even after an AST-pass error (PG0401), so one run
  // reports every problem.
  transform::run_ast_passes(module, transform::AstPassOptions{}, diags);
  Module out = transform::build_module(module, options.entries, diags);
  // Note: after an error the IR may hold poison values; passes and the
  // verifier would only add noise.
  if (diags.has_errors()) return out;
  transform::run_pipeline(out, options, diags);
  return out;
}

}  // namespace pygraft
