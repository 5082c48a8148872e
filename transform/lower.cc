// lower_module: the whole transform, as one list.
//   1. AST passes (transform/ast_passes/): from-imported names resolved to
//      the module attributes they stand for; break / continue / return /
//      loop-else rewritten into flags and guards, so that every cond and loop
//      region has a single exit; control-flow warnings; the aliasing check.
//   2. IR build (transform/lower_module.cc): if/while/for into cond and loop
//      nodes, expressions into ops.
//   3. IR passes (transform/pipeline.cc), the verifier after each (or, in
//      production, each function through the passes as it is built and the
//      verifier once at the end).
#include "transform/lower.h"

#include "transform/ast_passes/ast_pipeline.h"
#include "transform/ast_passes/resolve_imports.h"
#include "transform/lower_module.h"
#include "transform/pipeline.h"

namespace pygraft {

Module lower_module(ast::Module module, const LowerOptions& options, DiagnosticSink& diags) {
  // Note: the build runs even after an AST-pass error (PG0401), so one run
  // reports every problem.
  transform::resolve_imports(module);
  transform::run_ast_passes(module, transform::AstPassOptions{}, diags);
  if (!options.verify_each_pass && !options.after_pass) {
    // Note: each function through the passes as soon as it is built, while
    // its IR is in the cache, and its AST released then; after an error the
    // IR may hold poison values (passes and the verifier would only add
    // noise), and the module is not used.
    Module out = transform::build_module(module, options.entries, diags, [&](Function& function) {
      if (!diags.has_errors()) transform::run_function_passes(function, options.runtime_fusions);
    });
    if (!diags.has_errors()) transform::verify_final(out, diags);
    return out;
  }
  Module out = transform::build_module(module, options.entries, diags);
  if (diags.has_errors()) return out;
  transform::run_pipeline(out, options, diags);
  return out;
}

}  // namespace pygraft
