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
//
// A node may have several outputs, named by an "outputs" attribute (value
// numbers of steps; without it, the last step is the one output). The
// merge-fused-readers pass (transform/passes/merge_fused_readers.h) makes
// them: fused nodes that read another's result join it, so
// `y = np.tanh(x) * x` followed by `np.sum(y * y), np.max(np.abs(y))` is one
// node that reduces y's blocks as they are made and never stores y:
//
//   %5, %6 = fused_elementwise(%x) {program=(('tanh', 0), ('multiply', 1, 0),
//       ('multiply', 2, 2), ('sum', 3), ('absolute', 2), ('max', 5)),
//       outputs=(4, 6), segments=((2, 4, 12, 4, 25), (4, 4, 27, 4, 45))}
//
// Reductions may then be any step, but no step reads a reduction's result.
// "segments" gives, for the steps from `first_step` on, the source range of
// the node they came from, (first_step, line, column, end_line, end_column):
// an error in those steps points at that line, not at the node's.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/ir.h"
#include "support/source_range.h"

namespace pygraft {

// At most this many steps per node (the pass splits longer chains), and as
// many operands as steps plus one (each binary step adds at most one).
inline constexpr int kMaxFusedSteps = 32;
inline constexpr int kMaxFusedOutputs = 8;
inline constexpr int kMaxFusedSegments = 8;

struct FusedStep {
  OpCode op = OpCode::Add;
  int num_operands = 0;
  std::array<uint16_t, 2> operands{};
};

// Steps from first_step on came from the node at `range`.
struct FusedSegment {
  int first_step = 0;
  SourceRange range;
};

struct FusedProgram {
  std::array<FusedStep, kMaxFusedSteps> steps{};
  int size = 0;
  // The steps whose results the node returns, in order (the attribute names
  // them by value number, input count + step). read_fused_program always
  // fills them; a program built by hand may leave num_outputs 0, which the
  // attributes write as the default, the last step.
  std::array<uint16_t, kMaxFusedOutputs> outputs{};
  int num_outputs = 0;
  std::array<FusedSegment, kMaxFusedSegments> segments{};
  int num_segments = 0;
};

// Whether `op` may be a step, and its operand count (0 when it may not).
int fused_step_arity(OpCode op);

// Whether `op` is a reduction step: sum, max or min of every element (the
// node's axis, dtype and keepdims were NumPy's defaults). Its result, a 0-d
// array, may be an output but no step's operand.
inline bool is_fused_reduction(OpCode op) {
  return op == OpCode::Sum || op == OpCode::Max || op == OpCode::Min;
}

// The "program" attribute of `node`, checked against its input count, or
// nullopt with `problem` set (a hostile graph file gets the verifier's
// message, never an out-of-range read).
std::optional<FusedProgram> read_fused_program(const Node& node, std::string* problem = nullptr);

// The source range of step `step`: its segment's, or `node_range`.
SourceRange fused_step_range(const FusedProgram& program, int step, const SourceRange& node_range);

// The attribute for `program`'s steps ("program").
Literal fused_program_literal(const FusedProgram& program);

// Every attribute of a node running `program`: "program", then "outputs"
// and "segments" where they differ from the defaults.
std::vector<Attribute> fused_program_attributes(const FusedProgram& program, size_t num_inputs);

}  // namespace pygraft
