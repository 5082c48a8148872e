// A fused_elementwise node's program (graph/fused_elementwise.h) with what
// the runtime derives from it once, when the plan is built: which step
// writes the node's one array output in place, and which temporary each
// step's block goes to (steps whose values are not needed at once share
// one, so a long chain's temporaries stay in the L1 cache).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "graph/fused_elementwise.h"

namespace pygraft::rt {

struct FusedPlan {
  FusedProgram program;
  // The step that writes the one output itself (the last step, when it is
  // the only output and no reduction); -1 when every output is copied.
  int direct = -1;
  // Temporaries (of one block each) and the one of each step that makes a
  // block (not a reduction, a pass-through ufunc_operand or `direct`).
  int num_slots = 0;
  std::array<uint8_t, kMaxFusedSteps> slot{};
  bool has_sum = false;  // a sum among the outputs
  // An output reduction may read past the step it reduces: the max/min of
  // np.abs(u) and the sum of u * u read u itself (ReduceForm::OfAbs,
  // OfSquares), and that step, read by nothing else, is skipped.
  enum class ReduceForm : uint8_t { Plain, OfAbs, OfSquares };
  std::array<ReduceForm, kMaxFusedSteps> reduce_form{};
  std::array<uint16_t, kMaxFusedSteps> reduce_operand{};  // what each reduction reads
  std::array<bool, kMaxFusedSteps> skipped{};
  // A step `t + s`, `t - s` or `t * s` whose t is the binary step just before
  // it (read by nothing else) joins that step's pass when s is a Python
  // number at run time: (a op b) * m + c in one pass (simd_binary_affine).
  std::array<bool, kMaxFusedSteps> joins_previous{};

  // A ufunc_operand step passes its array through: its value is its operand's.
  bool passes_through(int k) const {
    return program.steps[static_cast<size_t>(k)].op == OpCode::UfuncOperand && k != direct;
  }
};

// The plan of `program` on a node with `num_inputs` inputs.
FusedPlan make_fused_plan(const FusedProgram& program, size_t num_inputs);

}  // namespace pygraft::rt
