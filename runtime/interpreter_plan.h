// The executable form of a Module, built once when a Program is loaded.
//
// Every region becomes a flat array of instructions whose operands are value
// slots (a frame is one std::vector<Value> of num_slots entries). Const and
// undef nodes vanish: their values sit in a per-function template frame that
// each call copies, so they are never re-evaluated. Each operand carries a
// `move` flag set by the last-use analysis (runtime/interpreter_last_use.cc):
// at the last read of a value the executor moves it out of its slot, so a
// uniquely held tensor reaches the kernel with use_count 1 and can be updated
// in place, and buffers die as early as possible.
//
// Note: the cond region of a loop reads the carried values straight from the
// body's argument slots (its arguments are aliased to them), so the loop never
// copies carried values into the cond region.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "graph/ir.h"
#include "runtime/fused_plan.h"
#include "runtime/kernel.h"
#include "runtime/scalar_fast_path.h"
#include "runtime/scalar_loop.h"
#include "runtime/value.h"

namespace pygraft::rt {

using Slot = uint32_t;

struct Operand {
  Slot slot = 0;
  bool move = false;  // last read of the value: move it out of its slot
};

enum class InstrKind : uint8_t { Kernel, Cond, Loop, Call };

struct Instr {
  InstrKind kind = InstrKind::Kernel;
  KernelFn kernel = nullptr;  // Kernel only
  ScalarFastOp scalar_fast;   // Kernel only: its form on two Python scalars, if any
  uint32_t inputs_begin = 0;  // into CompiledRegion::operands
  uint32_t inputs_end = 0;
  uint32_t outputs_begin = 0;  // into CompiledRegion::outputs
  uint32_t outputs_end = 0;
  uint32_t first_child = 0;  // Cond: then, else; Loop: cond, body (CompiledRegion::children)
  uint32_t callee = 0;       // Call: function index
  // Loop: index into CompiledFunction::scalar_loops, kNoScalarLoop without one.
  uint32_t scalar_loop = UINT32_MAX;
  const Node* node = nullptr;
  // fused_elementwise: its program and plan, made once (CompiledFunction::fused_plans).
  const FusedPlan* fused_plan = nullptr;
};

inline constexpr uint32_t kNoScalarLoop = UINT32_MAX;

struct CompiledRegion {
  std::vector<Slot> args;
  std::vector<Instr> instrs;
  std::vector<Operand> operands;  // the instructions' inputs, back to back
  std::vector<Slot> outputs;      // the instructions' outputs, back to back
  std::vector<Operand> yields;
  // Outputs defined here that no read of this region moves out: reset when
  // the region finishes so dead tensors do not outlive it (or share buffers
  // with the next iteration's values).
  std::vector<Slot> drops;
  std::vector<CompiledRegion> children;
  // Loop bodies: some yield reads another argument's slot, so rebinding the
  // arguments goes through a scratch buffer (a, b = b, a).
  bool rebind_via_scratch = false;
};

struct CompiledFunction {
  const Function* source = nullptr;
  uint32_t num_slots = 0;
  std::vector<Value> template_frame;           // constants in place, None elsewhere
  std::vector<bool> is_constant;               // per slot: never moved, never dropped
  std::vector<std::optional<Value>> defaults;  // per parameter
  CompiledRegion body;
  // The typed forms of the loops that have one (runtime/scalar_loop.h).
  std::vector<std::unique_ptr<ScalarLoop>> scalar_loops;
  // The plans of its fused_elementwise nodes (runtime/fused_plan.h).
  std::vector<std::unique_ptr<const FusedPlan>> fused_plans;
};

struct LoadedProgram {
  Module module;
  std::vector<CompiledFunction> functions;
  size_t max_kernel_inputs = 0;   // scratch size for gathering operands
  size_t max_kernel_outputs = 0;  // kernels with several results write to scratch
  size_t max_carried = 0;         // scratch size for rebinding loop arguments
};

// Converts a compile-time literal into a runtime value.
Value literal_to_value(const Literal& literal);

// Builds the plan of every function of `program.module` (verified).
void compile_program(LoadedProgram& program);

// Sets the operands' move flags and the regions' drop lists of `fn`.
void compute_last_uses(CompiledFunction& fn);

}  // namespace pygraft::rt
