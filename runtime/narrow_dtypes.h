// The narrow dtypes (int8, int16, uint8, uint16, uint32, uint64, float16)
// at the kernel boundary.
//
// Kernels are written for the five compute dtypes only. An op given a
// narrow array runs its kernel on the array widened (integers to int64,
// float16 to float32, or to the float the result needs) and the result is
// cast to the dtype NumPy gives. Integer arithmetic wraps modulo 2**64, so
// cutting the int64 result to 8, 16 or 32 bits is NumPy's wrapped result
// exactly; float16 is computed in float32 and rounded once, as NumPy's own
// float16 loops do. Every op says how its result dtype follows from its
// operands' (NarrowRule, in runtime/narrow_dtype_rules.h); ops without a rule
// refuse narrow arrays with a message that says what to write instead.
#pragma once

#include <span>

#include "graph/op_table.h"
#include "runtime/kernel.h"
#include "runtime/narrow_dtype_rules.h"

namespace pygraft::rt {

// What makes an op take the widened path besides a narrow array operand.
struct WideningTriggers {
  bool sequences = false;   // a narrow array inside a list or tuple operand
  bool bools = false;       // a bool array (float-only ufuncs, all_bool_result)
  bool dtype_args = false;  // a narrow dtype argument (np.zeros(n, np.uint8), sum(dtype=))
};

constexpr WideningTriggers widening_triggers(OpCode op) {
  const NarrowRule rule = narrow_rule(op);
  return {scans_sequences(op), rule == NarrowRule::FloatOf || all_bool_result(op).has_value(),
          rule == NarrowRule::Accumulate || rule == NarrowRule::Average ||
              rule == NarrowRule::Creation};
}

// Whether the node's operands need the widened path.
bool needs_widening(std::span<const Value> inputs, WideningTriggers triggers);

// Runs `kernel` on the widened operands and narrows its results (see above).
void run_widened(KernelFn kernel, OpCode op, KernelContext& ctx);

// The kernel the op table names, behind the narrow-dtype boundary; the
// check is compiled out for ops whose rule is Pass.
template <KernelFn Kernel, OpCode Op>
void kernel_at_narrow_boundary(KernelContext& ctx) {
  constexpr NarrowRule rule = narrow_rule(Op);
  if constexpr (rule == NarrowRule::Pass) {
    Kernel(ctx);
  } else {
    if (needs_widening(ctx.inputs, widening_triggers(Op))) [[unlikely]] {
      run_widened(Kernel, Op, ctx);
    } else {
      Kernel(ctx);
    }
  }
}

}  // namespace pygraft::rt
