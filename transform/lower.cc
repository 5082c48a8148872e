// lower_module: build the IR (transform/lower_module.cc), then run the pass
// pipeline (transform/pipeline.cc) when the build found no error.
#include "transform/lower.h"

#include "transform/lower_module.h"
#include "transform/pipeline.h"

namespace pygraft {

Module lower_module(const ast::Module& module, const LowerOptions& options, DiagnosticSink& diags) {
  Module out = transform::build_module(module, options.entries, diags);
  // Note: after an error the IR may hold poison values; passes and the
  // verifier would only add noise.
  if (diags.has_errors()) return out;
  transform::run_pipeline(out, options, diags);
  return out;
}

}  // namespace pygraft
