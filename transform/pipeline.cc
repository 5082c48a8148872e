#include "transform/pipeline.h"

#include <iterator>
#include <string_view>

#include "graph/verifier.h"
#include "transform/passes/compact_values.h"
#include "transform/passes/const_dedup.h"
#include "transform/passes/dce.h"
#include "transform/passes/fuse_elementwise.h"
#include "transform/passes/fuse_transposed_matmul.h"
#include "transform/passes/merge_fused_readers.h"

namespace pygraft::transform {

namespace {

struct Pass {
  std::string_view name;
  void (*run)(Function&);
  // Makes nodes only pygraft's runtime executes (LowerOptions::runtime_fusions).
  bool runtime_fusion = false;
};

// The pipeline, in order, with the reason for each position.
constexpr Pass kPasses[] = {
    // Before dce, which then removes the None constant of each transpose it
    // folds away.
    {"fuse-transposed-matmul", fuse_transposed_matmul, true},
    // Removes what the lowering built but nothing uses (operands of folded
    // operators, unpacked tuples); runs early so later passes see less.
    {"dce", eliminate_dead_code},
    // After dce, which proves single ops unable to raise and removes unused
    // chains of them; a fused node only ever counts as raising.
    {"fuse-elementwise", fuse_elementwise, true},
    // After fuse-elementwise, whose nodes it merges.
    {"merge-fused-readers", merge_fused_readers, true},
    // After DCE, so only constants that are still used are merged.
    {"const-dedup", deduplicate_constants},
    // Last: the passes above leave gaps in the value numbering.
    {"compact-values", compact_values},
};

void verify(const Module& module, std::string_view after, DiagnosticSink& diags) {
  for (const std::string& problem : verify_module(module)) {
    SourceRange range =
        module.functions.empty() ? SourceRange{1, 1, 1, 1} : module.functions.front().range;
    diags.report(DiagCode::InternalError, range,
                 "internal error: invalid IR after '" + std::string(after) + "': " + problem);
  }
}

// `last`: the IR the compiler hands out, always verified.
void checkpoint(const Module& module, std::string_view after, const LowerOptions& options,
                bool last, DiagnosticSink& diags) {
  if (options.verify_each_pass || last) verify(module, after, diags);
  if (options.after_pass) options.after_pass(after, module);
}

}  // namespace

void run_function_passes(Function& function, bool runtime_fusions) {
  for (const Pass& pass : kPasses) {
    if (runtime_fusions || !pass.runtime_fusion) pass.run(function);
  }
}

void verify_final(const Module& module, DiagnosticSink& diags) {
  verify(module, kPasses[std::size(kPasses) - 1].name, diags);
}

void run_pipeline(Module& module, const LowerOptions& options, DiagnosticSink& diags) {
  checkpoint(module, "build", options, false, diags);
  for (const Pass& pass : kPasses) {
    if (!options.runtime_fusions && pass.runtime_fusion) continue;
    for (Function& function : module.functions) pass.run(function);
    checkpoint(module, pass.name, options, &pass == &kPasses[std::size(kPasses) - 1], diags);
  }
}

}  // namespace pygraft::transform
