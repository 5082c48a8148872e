#include "runtime/fused_plan.h"

#include <algorithm>

namespace pygraft::rt {
namespace {

constexpr int kMaxValues = 2 * kMaxFusedSteps + 1;  // inputs then step results

// A value is needed up to its last reader, or to the pass's end when it is
// an output or a reduction's operand (read after the steps have run).
void assign_temporaries(FusedPlan& plan, size_t num_inputs) {
  const FusedProgram& program = plan.program;
  const size_t n = num_inputs + static_cast<size_t>(program.size);
  const int end_of_pass = program.size;
  std::array<uint16_t, kMaxValues> holder;  // the value whose storage holds each value
  std::array<int, kMaxValues> needed_until;
  for (size_t v = 0; v < n; ++v) {
    holder[v] = static_cast<uint16_t>(v);
    needed_until[v] = -1;
  }
  for (int k = 0; k < program.size; ++k) {
    const FusedStep& step = program.steps[static_cast<size_t>(k)];
    const size_t self = num_inputs + static_cast<size_t>(k);
    if (plan.skipped[static_cast<size_t>(k)]) continue;
    if (plan.passes_through(k)) holder[self] = holder[step.operands[0]];
    if (is_fused_reduction(step.op)) {
      needed_until[holder[plan.reduce_operand[static_cast<size_t>(k)]]] = end_of_pass;
      continue;
    }
    for (int j = 0; j < step.num_operands; ++j) {
      int& need = needed_until[holder[step.operands[static_cast<size_t>(j)]]];
      need = std::max(need, k);
    }
  }
  for (int o = 0; o < program.num_outputs; ++o) {
    needed_until[holder[num_inputs + program.outputs[static_cast<size_t>(o)]]] = end_of_pass;
  }
  std::array<int, kMaxFusedSteps> busy_until;
  for (int k = 0; k < program.size; ++k) {
    if (is_fused_reduction(program.steps[static_cast<size_t>(k)].op) || plan.passes_through(k) ||
        k == plan.direct || plan.skipped[static_cast<size_t>(k)]) {
      continue;
    }
    int s = 0;
    while (s < plan.num_slots && busy_until[static_cast<size_t>(s)] >= k) ++s;
    if (s == plan.num_slots) ++plan.num_slots;
    plan.slot[static_cast<size_t>(k)] = static_cast<uint8_t>(s);
    busy_until[static_cast<size_t>(s)] =
        std::max(k, needed_until[num_inputs + static_cast<size_t>(k)]);
  }
}

using Readers = std::array<int, kMaxValues>;

// How many reads each value has: one per step operand, two for an output
// (never one, so an output is never taken for a value only one step reads).
Readers count_readers(const FusedProgram& program, size_t num_inputs) {
  std::array<int, kMaxValues> readers{};
  for (int k = 0; k < program.size; ++k) {
    const FusedStep& step = program.steps[static_cast<size_t>(k)];
    for (int j = 0; j < step.num_operands; ++j) ++readers[step.operands[static_cast<size_t>(j)]];
  }
  for (int o = 0; o < program.num_outputs; ++o) {
    readers[num_inputs + program.outputs[static_cast<size_t>(o)]] += 2;
  }
  return readers;
}

// Reductions of np.abs(u) (max, min) and of u * u (sum) read u where the
// step they reduce has no other reader.
void read_past_abs_and_squares(FusedPlan& plan, size_t num_inputs, const Readers& readers) {
  const FusedProgram& program = plan.program;
  for (int k = 0; k < program.size; ++k) {
    const FusedStep& step = program.steps[static_cast<size_t>(k)];
    if (is_fused_reduction(step.op)) plan.reduce_operand[static_cast<size_t>(k)] = step.operands[0];
  }
  for (int o = 0; o < program.num_outputs; ++o) {
    const size_t k = program.outputs[static_cast<size_t>(o)];
    const FusedStep& step = program.steps[k];
    if (!is_fused_reduction(step.op)) continue;
    if (step.operands[0] < num_inputs || readers[step.operands[0]] != 1) continue;
    const size_t q = step.operands[0] - num_inputs;
    const FusedStep& read = program.steps[q];
    if (read.op == OpCode::Abs && step.op != OpCode::Sum) {
      plan.reduce_form[k] = FusedPlan::ReduceForm::OfAbs;
    } else if (read.op == OpCode::Mul && read.operands[0] == read.operands[1] &&
               step.op == OpCode::Sum) {
      plan.reduce_form[k] = FusedPlan::ReduceForm::OfSquares;
    } else {
      continue;
    }
    plan.reduce_operand[k] = read.operands[0];
    plan.skipped[q] = true;
  }
}

// + - * /: the steps a scalar epilogue joins.
bool joins_epilogue(OpCode op) {
  return op == OpCode::Add || op == OpCode::Sub || op == OpCode::Mul || op == OpCode::TrueDiv;
}

// A step `t op s` (+ - *) whose t is the binary step just before it, read
// by nothing else, and whose s is an input joins that step (whether s is a
// number is known when the node runs).
void join_scalar_epilogues(FusedPlan& plan, size_t num_inputs, const Readers& readers) {
  const FusedProgram& program = plan.program;
  for (int k = 0; k + 1 < program.size; ++k) {
    const FusedStep& first = program.steps[static_cast<size_t>(k)];
    const FusedStep& next = program.steps[static_cast<size_t>(k + 1)];
    const size_t t = num_inputs + static_cast<size_t>(k);
    if (!joins_epilogue(first.op) || plan.skipped[static_cast<size_t>(k)] ||
        plan.skipped[static_cast<size_t>(k + 1)] || next.op == OpCode::TrueDiv ||
        !joins_epilogue(next.op) || next.operands[0] != t || next.operands[1] >= num_inputs ||
        readers[t] != 1) {
      continue;
    }
    plan.joins_previous[static_cast<size_t>(k + 1)] = true;
    ++k;  // a joined step heads no pair
  }
}

}  // namespace

FusedPlan make_fused_plan(const FusedProgram& program, size_t num_inputs) {
  FusedPlan plan;
  plan.program = program;
  const int only = program.num_outputs == 1 ? program.outputs[0] : -1;
  if (only + 1 == program.size &&
      !is_fused_reduction(program.steps[static_cast<size_t>(only)].op)) {
    plan.direct = only;
  }
  for (int o = 0; o < program.num_outputs; ++o) {
    plan.has_sum |= program.steps[program.outputs[static_cast<size_t>(o)]].op == OpCode::Sum;
  }
  const Readers readers = count_readers(program, num_inputs);
  read_past_abs_and_squares(plan, num_inputs, readers);
  join_scalar_epilogues(plan, num_inputs, readers);
  assign_temporaries(plan, num_inputs);
  return plan;
}

}  // namespace pygraft::rt
