// Optimisation of typed scalar code (runtime/scalar_code_optimize.h): moves
// go away only where their two registers are never live at once, and a
// comparison merges into the conditional jump that alone reads it.
#include "runtime/scalar_code_optimize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "runtime/pyscalar.h"

namespace pygraft::rt {
namespace {

TypedScalarCode with_int_registers(uint32_t count) {
  TypedScalarCode code;
  code.reg_kinds.assign(count, ScalarKind::Int);
  return code;
}

TInstr add(uint32_t dst, uint32_t a, uint32_t b) {
  return {.op = TOp::AddI, .dst = dst, .a = a, .b = b};
}
TInstr mov(uint32_t dst, uint32_t a) {
  return {.op = TOp::Mov, .dst = dst, .a = a};
}

int64_t count_of(const TypedScalarCode& code, TOp op) {
  return std::count_if(code.code.begin(), code.code.end(),
                       [&](const TInstr& in) { return in.op == op; });
}

// while i < n: i = i + 1   (r0 = n, r1 = i, r2 = i + 1, r3 = the test)
TypedScalarCode counting_loop() {
  TypedScalarCode code = with_int_registers(4);
  code.live_in_regs = {0, 1};
  code.output_regs = {1};
  code.code = {
      {.op = TOp::Jump, .target = 3},
      add(2, 1, 0),  // i + n stands for i + 1: any int operation
      mov(1, 2),     // the yield: i = i + 1
      {.op = TOp::CmpI,
       .code = static_cast<uint8_t>(CompareOp::Lt),
       .kd = ScalarKind::Bool,
       .dst = 3,
       .a = 1,
       .b = 0},
      {.op = TOp::JumpIfTrue, .ka = ScalarKind::Bool, .a = 3, .target = 1},
      {.op = TOp::End},
  };
  code.reg_kinds[3] = ScalarKind::Bool;
  return code;
}

TEST(ScalarCodeOptimizeTest, YieldMoveCoalescesIntoTheArgument) {
  TypedScalarCode code = counting_loop();
  optimize_scalar_code(code);
  EXPECT_EQ(count_of(code, TOp::Mov), 0);
  // The addition now writes i itself, and the output is still i.
  const TInstr& sum = code.code[1];
  ASSERT_EQ(sum.op, TOp::AddI);
  EXPECT_EQ(sum.dst, sum.a);
  EXPECT_EQ(code.output_regs[0], sum.dst);
  EXPECT_EQ(code.live_in_regs[1], sum.dst);
}

TEST(ScalarCodeOptimizeTest, ComparisonMergesIntoTheJumpThatReadsIt) {
  TypedScalarCode code = counting_loop();
  optimize_scalar_code(code);
  ASSERT_EQ(code.code.size(), 4u);  // jump, add, compare-and-jump, end
  const TInstr& test = code.code[2];
  EXPECT_EQ(test.op, TOp::CmpJumpI);
  EXPECT_TRUE(test.when);
  EXPECT_EQ(test.target, 1u);
  EXPECT_EQ(code.code[0].target, 2u);  // the entry jump follows the test
}

TEST(ScalarCodeOptimizeTest, SwapKeepsItsMoves) {
  // a, b = b, a through a temporary: t = a; a = b; b = t, then a loop back
  // edge reads both. No two of the three can share a register.
  TypedScalarCode code = with_int_registers(4);
  code.live_in_regs = {0, 1, 3};
  code.output_regs = {0, 1};
  code.code = {
      mov(2, 0),
      mov(0, 1),
      mov(1, 2),
      {.op = TOp::CmpJumpI,
       .code = static_cast<uint8_t>(CompareOp::Lt),
       .when = true,
       .a = 0,
       .b = 3,
       .target = 0},
      {.op = TOp::End},
  };
  optimize_scalar_code(code);
  EXPECT_EQ(count_of(code, TOp::Mov), 3);
  EXPECT_NE(code.output_regs[0], code.output_regs[1]);
}

TEST(ScalarCodeOptimizeTest, MoveOfAValueStillReadLaterStays) {
  // b = a; a = a + a; out: a, b: b keeps the old a while a changes.
  TypedScalarCode code = with_int_registers(2);
  code.live_in_regs = {0};
  code.output_regs = {0, 1};
  code.code = {mov(1, 0), add(0, 0, 0), {.op = TOp::End}};
  optimize_scalar_code(code);
  EXPECT_EQ(count_of(code, TOp::Mov), 1);
  EXPECT_NE(code.output_regs[0], code.output_regs[1]);
}

TEST(ScalarCodeOptimizeTest, LiveInsNeverShareARegister) {
  // Two live-ins, one moved onto the other's register while that one is
  // dead: both hold values on entry, so they stay apart.
  TypedScalarCode code = with_int_registers(2);
  code.live_in_regs = {0, 1};
  code.output_regs = {0};
  code.code = {mov(0, 1), {.op = TOp::End}};
  optimize_scalar_code(code);
  EXPECT_NE(code.live_in_regs[0], code.live_in_regs[1]);
}

TEST(ScalarCodeOptimizeTest, RegistersOfDifferentKindsStayApart) {
  TypedScalarCode code = with_int_registers(2);
  code.reg_kinds[1] = ScalarKind::Bool;
  code.live_in_regs = {1};
  code.output_regs = {0};
  code.code = {mov(0, 1), {.op = TOp::End}};
  optimize_scalar_code(code);
  EXPECT_EQ(count_of(code, TOp::Mov), 1);
}

TEST(ScalarCodeOptimizeTest, CountReachedOnlyByJumpsFoldsIntoThem) {
  // A rotated loop: the entry jumps to the test, which jumps back to Count.
  const Node loop_node{};
  TypedScalarCode code = counting_loop();
  code.code.insert(code.code.begin() + 1, {.op = TOp::Count, .node = &loop_node});
  code.code[0].target = 4;
  code.code[5].target = 1;
  optimize_scalar_code(code);
  EXPECT_EQ(count_of(code, TOp::Count), 0);
  const TInstr& test = code.code[2];
  ASSERT_EQ(test.op, TOp::CmpJumpI);
  EXPECT_TRUE(test.counts);
  EXPECT_EQ(test.node, &loop_node);  // an iteration limit reports the loop
  EXPECT_EQ(test.target, 1u);        // back to the addition
}

TEST(ScalarCodeOptimizeTest, CountReachedByFallingThroughStays) {
  const Node loop_node{};
  TypedScalarCode code = with_int_registers(1);
  code.live_in_regs = {0};
  code.code = {{.op = TOp::Count, .node = &loop_node},
               {.op = TOp::JumpIfTrue, .ka = ScalarKind::Bool, .a = 0, .target = 0},
               {.op = TOp::End}};
  optimize_scalar_code(code);
  EXPECT_EQ(count_of(code, TOp::Count), 1);
}

// for t in range(n): tok = int(np.argmax(h @ emb.T))   (r0 h, r1 emb, r2 the
// product, r3 tok, r4 n, r5 t, r6 the test); `extra` goes after the ArgMax.
TypedScalarCode decoding_loop(std::vector<TInstr> extra = {}) {
  TypedScalarCode code;
  code.has_arrays = true;
  code.reg_kinds = {ScalarKind::Array, ScalarKind::Array, ScalarKind::Array, ScalarKind::Int,
                    ScalarKind::Int,   ScalarKind::Int,   ScalarKind::Bool};
  code.live_in_regs = {0, 1, 4, 5};
  code.output_regs = {3};
  code.code = {
      {.op = TOp::Jump, .target = 4},
      {.op = TOp::MatMul, .code = 1, .dst = 2, .a = 0, .b = 1},
      {.op = TOp::ArgMax, .dst = 3, .a = 2},
      add(5, 5, 4),
      {.op = TOp::CmpI,
       .code = static_cast<uint8_t>(CompareOp::Lt),
       .kd = ScalarKind::Bool,
       .dst = 6,
       .a = 5,
       .b = 4},
      {.op = TOp::JumpIfTrue, .ka = ScalarKind::Bool, .a = 6, .target = 1},
      {.op = TOp::End},
  };
  code.code.insert(code.code.begin() + 3, extra.begin(), extra.end());
  for (TInstr& in : code.code) {
    if (is_jump(in.op) && in.target >= 3) in.target += static_cast<uint32_t>(extra.size());
  }
  return code;
}

const TInstr& only(const TypedScalarCode& code, TOp op) {
  return *std::find_if(code.code.begin(), code.code.end(),
                       [&](const TInstr& in) { return in.op == op; });
}

TEST(ScalarCodeOptimizeTest, ArgmaxOfADeadProductIsMarkedForScreening) {
  TypedScalarCode code = decoding_loop();
  optimize_scalar_code(code);
  EXPECT_EQ(only(code, TOp::MatMul).code, 3);  // transposed, and screened
  EXPECT_EQ(only(code, TOp::ArgMax).code, 1);
}

TEST(ScalarCodeOptimizeTest, ArgmaxOfAProductReadLaterIsNotMarked) {
  // The product is read again after the argmax (logits kept).
  TypedScalarCode code = decoding_loop({{.op = TOp::MovArray, .dst = 0, .a = 2}});
  optimize_scalar_code(code);
  EXPECT_EQ(only(code, TOp::MatMul).code, 1);
  EXPECT_EQ(only(code, TOp::ArgMax).code, 0);
}

TEST(ScalarCodeOptimizeTest, ArgmaxOfAProductWithAWrittenMatrixIsNotMarked) {
  // emb is written in the loop: its screened copy could go stale.
  TypedScalarCode code = decoding_loop({{.op = TOp::MovArray, .dst = 1, .a = 0}});
  optimize_scalar_code(code);
  EXPECT_EQ(only(code, TOp::MatMul).code, 1);
  EXPECT_EQ(only(code, TOp::ArgMax).code, 0);
}

}  // namespace
}  // namespace pygraft::rt
