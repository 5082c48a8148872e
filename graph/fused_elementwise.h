// The program of a fused_elementwise node (transform/passes/fuse_elementwise.h).
//
// A chain of elementwise ops on one source line, such as
// `np.tanh(x * 0.5 + 1.0) * x - 0.25`, becomes one node whose inputs are the
// chain's outside operands and whose "program" attribute lists its steps in
// the original order:
//
//   fused_elementwise(%x, %c0, %c1, %c2) {program=(('multiply', 0, 1),
//       ('add', 4, 2), ('tanh', 5), ('multiply', 6, 0), ('subtract', 7, 3))}
//
// An operand number below the node's input count names an input; input count
// + k names the result of step k. The last step's result is the node's. The
// runtime evaluates the steps in cache-sized blocks where every step is a
// float op on same-shape arrays and weak Python scalars, and otherwise runs
// the ops one by one through their own kernels (runtime/kernels_fused.cc).
//
// The last step may reduce the chain to one value, `np.sum(y * y)`:
//
//   fused_elementwise(%y) {program=(('multiply', 0, 0), ('sum', 1))}
//
// so the products are summed block by block and never stored.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "graph/ir.h"

namespace pygraft {

// At most this many steps per node (the pass splits longer chains), and as
// many operands as steps plus one (each binary step adds at most one).
inline constexpr int kMaxFusedSteps = 32;

struct FusedStep {
  OpCode op = OpCode::Add;
  int num_operands = 0;
  std::array<uint16_t, 2> operands{};
};

struct FusedProgram {
  std::array<FusedStep, kMaxFusedSteps> steps{};
  int size = 0;
};

// Whether `op` may be a step, and its operand count (0 when it may not).
int fused_step_arity(OpCode op);

// Whether `op` is a reduction step: sum, max or min of every element (the
// node's axis, dtype and keepdims were NumPy's defaults). Only the last step
// may be one; the node's result is then that reduction's 0-d array.
bool is_fused_reduction(OpCode op);

// The "program" attribute of `node`, checked against its input count, or
// nullopt with `problem` set (a hostile graph file gets the verifier's
// message, never an out-of-range read).
std::optional<FusedProgram> read_fused_program(const Node& node, std::string* problem = nullptr);

// The attribute for `program`.
Literal fused_program_literal(const FusedProgram& program);

}  // namespace pygraft
