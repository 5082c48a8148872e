// Resolves op codes to kernels from the op table (graph/ops.def).
#include "graph/op_table.h"
#include "runtime/kernel.h"
#include "runtime/narrow_dtypes.h"

namespace pygraft::rt {

// Structural ops are run by the interpreter; reaching this is a bug.
void structural(KernelContext& ctx) {
  throw RuntimeError(
      PyExc::InternalError,
      "internal error: '" + std::string(op_info(ctx.node.op).name) + "' has no kernel");
}

KernelFn kernel_for(OpCode op) {
  // Note: each kernel behind the narrow-dtype boundary (runtime/narrow_dtypes.h).
  static constexpr KernelFn kTable[] = {
#define PG_OP(id, name, outputs, kernel, effects, onnx, spellings) \
  &kernel == &structural ? nullptr : &kernel_at_narrow_boundary<&kernel, OpCode::id>,
#include "graph/ops.def"
#undef PG_OP
  };
  return kTable[static_cast<size_t>(op)];
}

}  // namespace pygraft::rt
