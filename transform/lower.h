// The transform: the typed AST of a module to the graph IR.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ir.h"
#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft {

struct LowerOptions {
  // Functions to convert; empty means every top-level function. Functions
  // they call are converted too.
  std::vector<std::string> entries;
  // Run the IR verifier after the lowering and after every pass (tests and
  // debugging); without it, the verifier runs once, on the final IR.
  bool verify_each_pass = true;
  // Run the passes that fuse ops into nodes only pygraft's runtime has
  // (fused_elementwise, matmul_transposed_b); exporters to other targets
  // (ONNX) turn them off and get one node per source-level op.
  bool runtime_fusions = true;
  // Debug hook: called with the module after building ("build") and after
  // each pass of transform/pipeline.cc (e.g. to print the IR after each pass).
  std::function<void(std::string_view pass, const Module&)> after_pass;
};

// Lowers every requested function. Problems are reported to `diags` and
// lowering continues, so one run reports them all; the returned module is
// meaningful only when diags has no error. Takes the AST by value: the AST
// passes rewrite it (break/continue/return into flags) before the lowering;
// callers std::move it in.
Module lower_module(ast::Module module, const LowerOptions& options, DiagnosticSink& diags);

}  // namespace pygraft
