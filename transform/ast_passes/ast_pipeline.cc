#include "transform/ast_passes/ast_pipeline.h"

#include <memory>
#include <vector>

#include "transform/analysis/aliasing.h"
#include "transform/analysis/reaching_definitions.h"
#include "transform/analysis/warnings.h"
#include "transform/ast_passes/expand_dict_splats.h"
#include "transform/ast_passes/hoist_comprehensions.h"
#include "transform/ast_passes/inline_lambdas.h"
#include "transform/ast_passes/lower_break.h"
#include "transform/ast_passes/lower_continue.h"
#include "transform/ast_passes/lower_loop_else.h"
#include "transform/ast_passes/lower_return.h"
#include "transform/ast_passes/rewrite_generator_draws.h"
#include "transform/ast_passes/rewrite_inplace_methods.h"
#include "transform/scope.h"

namespace pygraft::transform {

namespace {

struct AstPass {
  std::string_view name;
  void (*run)(ast::FunctionDef&);
};

// The exit lowerings, in order, with the reason for each position.
constexpr AstPass kPasses[] = {
    // First: a return inside a loop must also skip the loop's else clause;
    // return lowering guards that clause while it is still attached, and
    // stops loops through their condition (it emits no break).
    {"lower-return", lower_return},
    // Before break lowering: it must see which loops break to know whether
    // the else clause runs; it reserves those loops' break flags. Moving
    // else clauses out of inner loops first also gives a break or continue
    // written in an inner loop's else clause to the outer loop it belongs to.
    {"lower-loop-else", lower_loop_else},
    // Right after loop-else lowering, so its reserved flag still sits directly
    // before its loop. Emits no continue.
    {"lower-break", lower_break},
    // Last: independent of break lowering (each only rewrites its own exits).
    {"lower-continue", lower_continue},
};

// One CFG per function for both checks (built once: both read the code as
// written).
void check_code_as_written(const ast::Module& module, const AstPassOptions& options,
                           DiagnosticSink& diags) {
  if (!options.warnings && !options.check_aliasing) return;
  std::vector<std::shared_ptr<const Cfg>> cfgs;
  cfgs.reserve(module.functions.size());
  for (const ast::FunctionDef& function : module.functions) {
    auto cfg = std::make_shared<const Cfg>(Cfg::build(function));
    if (options.warnings) {
      check_control_flow_warnings(function, ReachingDefinitions::compute(cfg, function), diags);
    }
    cfgs.push_back(std::move(cfg));
  }
  if (options.check_aliasing) check_aliasing(module, cfgs, diags);
}

// Lambdas and comprehensions become plain statements first, so that the
// checks of the code as written see the loops CPython runs.
void desugar_expressions(ast::Module& module, const AstPassOptions& options,
                         DiagnosticSink& diags) {
  expand_dict_splats(module, diags);
  if (options.after_pass) options.after_pass("expand-dict-splats", module);
  for (ast::FunctionDef& function : module.functions) inline_lambdas(function);
  if (options.after_pass) options.after_pass("inline-lambdas", module);
  for (ast::FunctionDef& function : module.functions) hoist_comprehensions(function, diags);
  if (options.after_pass) options.after_pass("hoist-comprehensions", module);
}

}  // namespace

void run_ast_passes(ast::Module& module, const AstPassOptions& options, DiagnosticSink& diags) {
  if (options.after_pass) options.after_pass("input", module);
  desugar_expressions(module, options, diags);
  // Warnings and the aliasing check first, on the code as the user wrote it:
  // after lowering, unreachable code is gone, flags hide which paths bind a
  // name, and paths that a return or break ends go on (guarded by a flag the
  // analyses cannot read); the CFG of the code as written has none of those.
  check_code_as_written(module, options, diags);
  for (ast::FunctionDef& function : module.functions) {
    function.locals_as_written = collect_local_names(function);
  }
  // After the aliasing check, which sees `xs.append(v)` as the in-place
  // change it is; from here on it is the rebinding pygraft runs.
  for (ast::FunctionDef& function : module.functions) rewrite_inplace_methods(function);
  if (options.after_pass) options.after_pass("rewrite-inplace-methods", module);
  // Also after the aliasing check, which sees `rng.random()` as the in-place
  // change of the generator it is.
  for (ast::FunctionDef& function : module.functions) rewrite_generator_draws(function, diags);
  if (options.after_pass) options.after_pass("rewrite-generator-draws", module);
  if (!options.after_pass) {
    // Note: each function through every pass while its AST is in the cache
    // (a large module does not fit there); the passes are per function.
    for (ast::FunctionDef& function : module.functions) {
      for (const AstPass& pass : kPasses) pass.run(function);
    }
    return;
  }
  for (const AstPass& pass : kPasses) {
    for (ast::FunctionDef& function : module.functions) pass.run(function);
    options.after_pass(pass.name, module);
  }
}

}  // namespace pygraft::transform
