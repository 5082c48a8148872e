// The pass pipeline run on a freshly built module (transform/lower_module.h).
#pragma once

#include "graph/ir.h"
#include "support/diagnostic.h"
#include "transform/lower.h"

namespace pygraft::transform {

// Runs every pass in order (see the list in pipeline.cc). Runs the IR
// verifier on the final IR (and, with options.verify_each_pass, after the
// build and after each pass) and reports violations as PG0999 internal
// errors; calls
// options.after_pass after the build ("build") and after each pass.
void run_pipeline(Module& module, const LowerOptions& options, DiagnosticSink& diags);

// The same, a function at a time (lower_module runs it as each function is
// built): every pass on `function`, no verification, no hook.
// `runtime_fusions`: also the passes that make runtime-only fused nodes.
void run_function_passes(Function& function, bool runtime_fusions = true);
// The verifier on the final IR.
void verify_final(const Module& module, DiagnosticSink& diags);

}  // namespace pygraft::transform
