// cond and loop: branches, trip counts, nesting, carried values.
#include <gtest/gtest.h>

#include "tests/unit/runtime/interpreter_test_util.h"

namespace pygraft::rt::interp_testing {
namespace {

using Values = FunctionBuilder::Values;

// def f(x): return x + 1 if x < 0 else x * 10
Function sign_branch() {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  ValueId pred = b.op(OpCode::Lt, {x, b.integer(0)});
  Values out = b.cond(
      pred, 1,
      [&] {
        return Values{b.op(OpCode::Add, {x, b.integer(1)})};
      },
      [&] {
        return Values{b.op(OpCode::Mul, {x, b.integer(10)})};
      });
  return b.finish(out[0]);
}

TEST(InterpreterCond, TakesTheThenBranch) {
  Program p = load({sign_branch()});
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{-5})}).as<int64_t>(), -4);
}

TEST(InterpreterCond, TakesTheElseBranch) {
  Program p = load({sign_branch()});
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{3})}).as<int64_t>(), 30);
}

TEST(InterpreterCond, PredicateUsesPythonTruthiness) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  Values out = b.cond(
      x, 1, [&] { return Values{b.integer(1)}; }, [&] { return Values{b.integer(2)}; });
  Program p = load({b.finish(out[0])});
  EXPECT_EQ(run_ok(p, "f", {Value()}).as<int64_t>(), 2);
  EXPECT_EQ(run_ok(p, "f", {Value(0.5)}).as<int64_t>(), 1);
  EXPECT_EQ(run_ok(p, "f", {Value(float_tensor({0}))}).as<int64_t>(), 2);
}

// def f(n): s = 0; i = 0; while i < n: s += i; i += 1; return s
Function sum_below() {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.integer(0), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        ValueId s = b.op(OpCode::Add, {c[0], c[1]});
        return Values{s, b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  return b.finish(out[0]);
}

TEST(InterpreterLoop, RunsZeroTimes) {
  Program p = load({sum_below()});
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{0})}).as<int64_t>(), 0);
}

TEST(InterpreterLoop, RunsOnce) {
  Program p = load({sum_below()});
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{2})}).as<int64_t>(), 1);
}

TEST(InterpreterLoop, RunsManyTimes) {
  Program p = load({sum_below()});
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{1000})}).as<int64_t>(), 999 * 1000 / 2);
}

// def f(acc, n): i = 0; while i < n: acc = acc + i; i += 1; return acc
Function tensor_accumulator() {
  FunctionBuilder b("f");
  ValueId acc = b.param("acc");
  ValueId n = b.param("n");
  Values out = b.loop(
      {acc, b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        return Values{b.op(OpCode::Add, {c[0], c[1]}), b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  return b.finish(out[0]);
}

TEST(InterpreterLoop, TensorAccumulator) {
  Program p = load({tensor_accumulator()});
  Value v = run_ok(p, "f", {Value(float_tensor({0, 1})), Value(int64_t{4})});
  EXPECT_EQ(float_values(v), (std::vector<double>{6, 7}));
}

TEST(InterpreterLoop, TensorAccumulatorZeroTripsReturnsTheInput) {
  Program p = load({tensor_accumulator()});
  Value v = run_ok(p, "f", {Value(float_tensor({4, 5})), Value(int64_t{0})});
  EXPECT_EQ(float_values(v), (std::vector<double>{4, 5}));
}

// def f(n): a, b = 0, 1; for _ in range(n): a, b = b, a + b; return a
TEST(InterpreterLoop, SwappedCarriedValues) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.integer(0), b.integer(1), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[2], n});
      },
      [&](const Values& c) {
        return Values{c[1], b.op(OpCode::Add, {c[0], c[1]}),
                      b.op(OpCode::Add, {c[2], b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{10})}).as<int64_t>(), 55);
}

// def f(n): t = 0; for i in range(n): for j in range(i): t += j; return t
TEST(InterpreterLoop, NestedLoops) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.integer(0), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        ValueId i = c[1];
        Values inner = b.loop(
            {c[0], b.integer(0)},
            [&](const Values& d) {
              return b.op(OpCode::Lt, {d[1], i});
            },
            [&](const Values& d) {
              return Values{b.op(OpCode::Add, {d[0], d[1]}),
                            b.op(OpCode::Add, {d[1], b.integer(1)})};
            });
        return Values{inner[0], b.op(OpCode::Add, {i, b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  int64_t expected = 0;
  for (int64_t i = 0; i < 7; ++i) {
    for (int64_t j = 0; j < i; ++j) expected += j;
  }
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{7})}).as<int64_t>(), expected);
}

// def f(n, x): i = 0; while i < n: x = x + i if i < 2 else x * 2; i += 1; return x
TEST(InterpreterLoop, CondInsideLoop) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  ValueId x = b.param("x");
  Values out = b.loop(
      {x, b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        ValueId small = b.op(OpCode::Lt, {c[1], b.integer(2)});
        Values next = b.cond(
            small, 1,
            [&] {
              return Values{b.op(OpCode::Add, {c[0], c[1]})};
            },
            [&] {
              return Values{b.op(OpCode::Mul, {c[0], b.integer(2)})};
            });
        return Values{next[0], b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  // x=1: +0 -> 1, +1 -> 2, *2 -> 4, *2 -> 8
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{4}), Value(int64_t{1})}).as<int64_t>(), 8);
  Value t = run_ok(p, "f", {Value(int64_t{3}), Value(float_tensor({1, 2}))});
  EXPECT_EQ(float_values(t), (std::vector<double>{4, 6}));
}

// A loop variable may change type between iterations: int, then tuple.
TEST(InterpreterLoop, CarriedValueChangesType) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.integer(0), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        return Values{b.op(OpCode::MakeTuple, {c[0], c[1]}),
                      b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  Value v = run_ok(p, "f", {Value(int64_t{2})});
  ASSERT_TRUE(v.is<TupleValue>());
  ASSERT_TRUE(v.items()[0].is<TupleValue>());
  EXPECT_EQ(v.items()[1].as<int64_t>(), 1);
}

// A loop inside a called function, called from a loop.
TEST(InterpreterLoop, CallInsideLoop) {
  Function callee = sum_below();
  callee.name = "sum_below";
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.integer(0), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        ValueId s = b.call("sum_below", {c[1]});
        return Values{b.op(OpCode::Add, {c[0], s}), b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  Program p = load({b.finish(out[0]), std::move(callee)});
  // sum over i < 5 of i*(i-1)/2 = 0+0+1+3+6
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{5})}).as<int64_t>(), 10);
}

}  // namespace
}  // namespace pygraft::rt::interp_testing
