// Last uses: which reads move a value out of its slot, and the in-place
// updates that this enables.
#include <gtest/gtest.h>

#include "runtime/interpreter_plan.h"
#include "tests/unit/runtime/interpreter_test_util.h"

namespace pygraft::rt::interp_testing {
namespace {

using Values = FunctionBuilder::Values;

LoadedProgram compile(Function fn) {
  LoadedProgram program;
  program.module = make_module({std::move(fn)});
  compile_program(program);
  return program;
}

std::vector<bool> move_flags(const CompiledRegion& r, const Instr& in) {
  std::vector<bool> flags;
  for (uint32_t j = in.inputs_begin; j < in.inputs_end; ++j) flags.push_back(r.operands[j].move);
  return flags;
}

TEST(InterpreterLastUse, StraightLine) {
  // a = x + 1; b = a * a; return b + x
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  ValueId a = b.op(OpCode::Add, {x, b.integer(1)});
  ValueId sq = b.op(OpCode::Mul, {a, a});
  LoadedProgram p = compile(b.finish(b.op(OpCode::Add, {sq, x})));
  const CompiledRegion& body = p.functions[0].body;
  ASSERT_EQ(body.instrs.size(), 3u);
  EXPECT_EQ(move_flags(body, body.instrs[0]),
            (std::vector<bool>{false, false}));  // x read later; const
  EXPECT_EQ(move_flags(body, body.instrs[1]), (std::vector<bool>{false, true}));  // a twice
  EXPECT_EQ(move_flags(body, body.instrs[2]), (std::vector<bool>{true, true}));
  EXPECT_TRUE(body.yields[0].move);
}

TEST(InterpreterLastUse, LoopNeverMovesFreeValuesOrItsCondRegionReads) {
  // i = 0; while i < n: i = i + n
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[0], n});
      },
      [&](const Values& c) {
        return Values{b.op(OpCode::Add, {c[0], n})};
      });
  LoadedProgram p = compile(b.finish(out[0]));
  const CompiledRegion& top = p.functions[0].body;
  const CompiledRegion& cond = top.children[0];
  const CompiledRegion& body = top.children[1];
  EXPECT_EQ(move_flags(cond, cond.instrs[0]), (std::vector<bool>{false, false}));
  EXPECT_EQ(move_flags(body, body.instrs[0]), (std::vector<bool>{true, false}));
  EXPECT_TRUE(cond.yields[0].move);
  EXPECT_TRUE(body.yields[0].move);
  EXPECT_FALSE(body.rebind_via_scratch);
}

TEST(InterpreterLastUse, ValueReadInBothBranchesIsLastUsedInEach) {
  // t = x + 1; r = (t * 2 if c else t - 1); return r + x
  FunctionBuilder b("f");
  ValueId c = b.param("c");
  ValueId x = b.param("x");
  ValueId t = b.op(OpCode::Add, {x, b.integer(1)});
  Values r = b.cond(
      c, 1,
      [&] {
        return Values{b.op(OpCode::Mul, {t, x})};
      },
      [&] {
        return Values{b.op(OpCode::Sub, {t, b.integer(1)})};
      });
  LoadedProgram p = compile(b.finish(b.op(OpCode::Add, {r[0], x})));
  const CompiledRegion& top = p.functions[0].body;
  const CompiledRegion& then_region = top.children[0];
  const CompiledRegion& else_region = top.children[1];
  EXPECT_EQ(move_flags(then_region, then_region.instrs[0]), (std::vector<bool>{true, false}));
  EXPECT_EQ(move_flags(else_region, else_region.instrs[0]), (std::vector<bool>{true, false}));
  EXPECT_EQ(move_flags(top, top.instrs[1]), (std::vector<bool>{true}));  // the predicate
}

TEST(InterpreterLastUse, DeadValuesInALoopBodyAreDropped) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  ValueId dead = 0;
  Values out = b.loop(
      {b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[0], n});
      },
      [&](const Values& c) {
        dead = b.op(OpCode::Mul, {c[0], n});
        return Values{b.op(OpCode::Add, {c[0], b.integer(1)})};
      });
  LoadedProgram p = compile(b.finish(out[0]));
  EXPECT_EQ(p.functions[0].body.children[1].drops, (std::vector<Slot>{dead}));
}

TEST(InterpreterLastUse, SwapUsesTheRebindScratch) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.integer(0), b.integer(1)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[0], n});
      },
      [&](const Values& c) {
        return Values{c[1], c[0]};
      });
  LoadedProgram p = compile(b.finish(out[0]));
  EXPECT_TRUE(p.functions[0].body.children[1].rebind_via_scratch);
}

// def f(x, v): x[0] = v; return x
Function set_first() {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  ValueId v = b.param("v");
  return b.finish(b.setitem(x, b.integer(0), v));
}

TEST(InterpreterInPlace, SetItemOnAUniqueArgumentReusesItsBuffer) {
  Program p = load({set_first()});
  Tensor t = float_tensor({1, 2, 3});
  const void* before = t.raw();
  Value result = run_ok(p, "f", moved_args(std::move(t), 9.0));
  ASSERT_TRUE(result.is_tensor());
  EXPECT_EQ(result.as<Tensor>().raw(), before);
  EXPECT_EQ(float_values(result), (std::vector<double>{9, 2, 3}));
}

TEST(InterpreterInPlace, SetItemOnASharedArgumentCopies) {
  Program p = load({set_first()});
  Tensor t = float_tensor({1, 2, 3});
  Value result = run_ok(p, "f", {Value(t), Value(9.0)});
  EXPECT_NE(result.as<Tensor>().raw(), t.raw());
  EXPECT_EQ(float_values(Value(t)), (std::vector<double>{1, 2, 3}));
}

TEST(InterpreterInPlace, SetItemKeepsTheOldValueWhenItIsReadLater) {
  // y = x; y[0] = v (as y2 = setitem(x)); return (y2, x)
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  ValueId v = b.param("v");
  ValueId y = b.setitem(x, b.integer(0), v);
  Program p = load({b.finish(b.op(OpCode::MakeTuple, {y, x}))});
  Value result = run_ok(p, "f", {Value(float_tensor({1, 2})), Value(5.0)});
  EXPECT_EQ(float_values(result.items()[0]), (std::vector<double>{5, 2}));
  EXPECT_EQ(float_values(result.items()[1]), (std::vector<double>{1, 2}));
}

// def f(x, n): i = 0; while i < n: x[i] = i; i += 1; return x
TEST(InterpreterInPlace, LoopCarriedTensorIsUpdatedInPlaceEveryIteration) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  ValueId n = b.param("n");
  Values out = b.loop(
      {x, b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        ValueId updated = b.setitem(c[0], c[1], c[1]);
        return Values{updated, b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  Tensor t = float_tensor({0, 0, 0, 0});
  const void* before = t.raw();
  Value result = run_ok(p, "f", moved_args(std::move(t), int64_t{4}));
  EXPECT_EQ(result.as<Tensor>().raw(), before);
  EXPECT_EQ(float_values(result), (std::vector<double>{0, 1, 2, 3}));
}

}  // namespace
}  // namespace pygraft::rt::interp_testing
