// The instruction set of typed scalar loops (runtime/scalar_loop.h): code
// over unboxed 64-bit registers, each register of one kind for the whole
// code, with jumps for conds and loops. Besides Python's bool, int and float
// a register may hold None (a constant argument, no contents), a NumPy
// float64 or bool scalar (a 0-d array: NumPy's own rules, e.g. division by
// zero gives inf) or an array (a tensor handle in the code's array file,
// indexed by the same register number).
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "graph/ir.h"

namespace pygraft::rt {

struct CompiledFunction;
struct FusedPlan;

enum class ScalarKind : uint8_t { Bool, Int, Float, None, NpFloat, NpBool, Array };

inline bool is_float_kind(ScalarKind k) {
  return k == ScalarKind::Float || k == ScalarKind::NpFloat;
}

union ScalarReg {
  int64_t i;  // Int, and Bool as 0 / 1
  double f;
};

enum class TOp : uint8_t {
  Mov,
  AddI,
  SubI,
  MulI,
  FloorDivI,
  ModI,
  DivI,  // int / int, exact in double when both are below 2^53
  AddF,
  SubF,
  MulF,
  DivF,
  CmpI,
  CmpF,
  CmpJumpI,  // compare two ints, jump to target when the result is `when`
  CmpJumpF,
  NegI,
  NegF,
  DivNF,       // NumPy float64 division: IEEE, no exception (x / 0.0 is inf or nan)
  LoadF64,     // dst = a[b] of a 1-D float64 array (b checked and wrapped as Python does)
  LoadF64x2,   // dst = a[b, c] of a 2-D float64 array
  RowIndex,    // dst = b checked and wrapped as an index of a's axis 0 (x[i] of a 2-D x)
  SumRowF64,   // dst = np.sum(a[b]) of a 2-D float64 array, b from RowIndex
  SumF64,      // dst = np.sum(a) of a 1-D float64 array
  StoreF64,    // dst = a with a[b] = c (a 1-D float64 array; in place when dst holds it alone)
  StoreF64x2,  // dst = a with a[b, c] = e (a 2-D float64 array)
  MovArray,    // dst = a (arrays; `when`: a is dead after, its handle moves)
  IntToFloat,  // dst = float(a) of an int or bool (a NumPy float64's Python int operand)
  Dim,         // dst = a.shape[code] (x.shape[k], the axis checked when the code was made)
  Size,        // dst = a.size
  ShrI,        // dst = a // 2**code of an int: an arithmetic shift (Python's floor)
  AndI,        // dst = a % 2**code of an int: its low bits (Python's sign rule)
  Not,         // dst = not a
  // Array instructions: the result goes to the dst register's tensor,
  // reusing its buffer when the register holds it alone (runtime/
  // kernels_into.h); outside their fast paths they run the node's kernel.
  RowView,    // dst = a[b] of a float matrix (b from RowIndex): a view of a row
  SliceView,  // dst = a[b:c] of a float vector, a view; code bit 1: b given, bit 2: c
              // given (an absent bound's register repeats a)
  MatMul,     // dst = a @ b (code bit 1: a @ b.T) of float arrays of one dtype; code bit 2:
              // the next instruction, an ArgMax marked too, is dst's only reader
              // (mark_screened_argmax)
  Fused,      // dst = the fused_elementwise node's program (fused_plans[aux]) on
              // its code operands, a b c e in order (unused ones repeat a)
  ArgMax,     // dst = int(np.argmax(a)) of a float array; code bit 1: the marked
              // MatMul before it may have found it without making a
  Binary,     // py_binary on boxed operands
  Compare,    // py_compare on boxed operands
  JumpIfFalse,
  JumpIfTrue,
  Jump,
  Count,  // one iteration of the loop `node`
  End,
};

struct TInstr {
  TOp op = TOp::End;
  uint8_t code = 0;  // BinaryOp or CompareOp; Dim: the axis
  ScalarKind ka = ScalarKind::Int, kb = ScalarKind::Int, kc = ScalarKind::Int, kd = ScalarKind::Int,
             ke = ScalarKind::Int;
  bool when = false;    // CmpJump*: the comparison result that jumps
  bool counts = false;  // conditional jumps: a taken jump is also a Count
  // The runner's handler for the instruction (set by assign_handlers: op's
  // own, or one per comparison operator for CmpJumpI and CmpJumpF).
  uint8_t handler = 0;
  // Registers. c: StoreF64's value, LoadF64x2's and StoreF64x2's j; e:
  // StoreF64x2's value.
  uint32_t dst = 0, a = 0, b = 0, c = 0, e = 0;
  uint32_t target = 0;         // jumps: index of the instruction jumped to
  uint32_t aux = 0;            // Fused: index into TypedScalarCode::fused_plans
  const Node* node = nullptr;  // where errors are reported (the loop's, for counts)
  uint16_t frame = 0;          // node's function: TypedScalarCode::frames
};

// A function whose call the code runs inline, as the frame of the nodes of
// its instructions: error messages name the calls that led to them.
struct InlinedFrame {
  const CompiledFunction* function = nullptr;  // nullptr: the loop's own function
  const Node* call = nullptr;                  // the call node, in frames[caller]
  uint16_t caller = 0;
};

// The code of one loop for one kind signature of the values it reads from
// outside (live-ins), which enter in live_in_regs; its outputs are read from
// output_regs after End.
struct TypedScalarCode {
  std::vector<TInstr> code;
  std::vector<ScalarKind> reg_kinds;
  std::vector<uint32_t> live_in_regs;
  std::vector<uint32_t> output_regs;
  bool has_arrays = false;  // some register is an Array: the code needs an array file
  std::vector<const FusedPlan*> fused_plans;  // of Fused instructions
  // The plans of single ops made Fused instructions (the rest are the function's).
  std::vector<std::shared_ptr<const FusedPlan>> own_plans;
  // frames[0]: the loop's function; then one per call run inline.
  std::vector<InlinedFrame> frames = {InlinedFrame{}};
  int inline_depth = 0;  // calls nested inline at most (0: none)
  // Registers holding the constants of functions run inline, set on entry.
  std::vector<std::pair<uint32_t, ScalarReg>> constants;
};

// Sets every instruction's handler (runtime/scalar_loop.cc, beside the
// runner whose table it indexes).
void assign_handlers(TypedScalarCode& typed);

// The operands an instruction reads and writes.
inline bool reads_a(TOp op) {
  return op != TOp::Jump && op != TOp::Count && op != TOp::End;
}
inline bool reads_b(TOp op) {
  switch (op) {
    case TOp::Mov:
    case TOp::MovArray:
    case TOp::NegI:
    case TOp::NegF:
    case TOp::SumF64:
    case TOp::Dim:
    case TOp::Size:
    case TOp::ShrI:
    case TOp::AndI:
    case TOp::Not:
    case TOp::ArgMax:
    case TOp::IntToFloat:
    case TOp::JumpIfFalse:
    case TOp::JumpIfTrue:
    case TOp::Jump:
    case TOp::Count:
    case TOp::End:
      return false;
    default:
      return true;
  }
}
inline bool reads_c(TOp op) {
  return op == TOp::StoreF64 || op == TOp::LoadF64x2 || op == TOp::StoreF64x2 || op == TOp::Fused ||
         op == TOp::SliceView;
}
inline bool reads_e(TOp op) {
  return op == TOp::StoreF64x2 || op == TOp::Fused;
}
inline bool is_jump(TOp op) {
  return op == TOp::Jump || op == TOp::JumpIfFalse || op == TOp::JumpIfTrue ||
         op == TOp::CmpJumpI || op == TOp::CmpJumpF;
}
inline bool writes_dst(TOp op) {
  return reads_a(op) && !is_jump(op);
}
// Whether control can reach the next instruction.
inline bool falls_through(TOp op) {
  return op != TOp::Jump && op != TOp::End;
}

}  // namespace pygraft::rt
