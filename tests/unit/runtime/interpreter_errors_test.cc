// Runtime errors: unbound variables, located failures in nested regions and
// callees, the memory budget and the call depth limit.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/unit/runtime/interpreter_test_util.h"

namespace pygraft::rt::interp_testing {
namespace {

using Values = FunctionBuilder::Values;

// def f(c):
//     if c: y = 1          (line 3; else: y is unbound)
//     print(0)             (line 4)
//     return y + 1         (line 5), or `return 0` when !read_y
Function maybe_unbound(bool read_y) {
  FunctionBuilder b("f");
  ValueId c = b.param("c");
  b.at(3);
  ValueId unbound = b.undef("y");
  Values y = b.cond(
      c, 1, [&] { return Values{b.integer(1)}; }, [&] { return Values{unbound}; });
  b.at(4);
  b.effect(OpCode::Print, {b.integer(0)}, {{"end", Literal(std::string(""))}});
  b.at(5);
  return b.finish(read_y ? b.op(OpCode::Add, {y[0], b.integer(1)}) : b.integer(0));
}

RunOptions quiet(std::ostream& sink) {
  RunOptions options;
  options.print_stream = &sink;
  return options;
}

TEST(InterpreterUndef, ReadingAnUnboundVariableNamesItAndTheReadingLine) {
  Program p = load({maybe_unbound(true)});
  std::ostringstream sink;
  ExecutionError e = run_error(p, "f", {Value(false)}, quiet(sink));
  EXPECT_EQ(e.message, "cannot access local variable 'y' where it is not associated with a value");
  EXPECT_EQ(e.exception, PyExc::UnboundLocalError);
  EXPECT_EQ(e.function, "f");
  EXPECT_EQ(e.range, line_range(5));
}

TEST(InterpreterUndef, BoundPathRuns) {
  Program p = load({maybe_unbound(true)});
  std::ostringstream sink;
  EXPECT_EQ(run_ok(p, "f", {Value(true)}, quiet(sink)).as<int64_t>(), 2);
}

TEST(InterpreterUndef, UnboundValueThroughACondThatIsNeverReadIsFine) {
  Program p = load({maybe_unbound(false)});
  std::ostringstream sink;
  EXPECT_EQ(run_ok(p, "f", {Value(false)}, quiet(sink)).as<int64_t>(), 0);
  EXPECT_EQ(sink.str(), "0");
}

// An unbound value carried through a loop that never reads it.
TEST(InterpreterUndef, UnboundLoopCarriedValueIsFine) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  Values out = b.loop(
      {b.undef("z"), b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[1], n});
      },
      [&](const Values& c) {
        return Values{c[0], b.op(OpCode::Add, {c[1], b.integer(1)})};
      });
  Program p = load({b.finish(out[1])});
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{3})}).as<int64_t>(), 3);
}

TEST(InterpreterUndef, UnboundCondPredicateIsAnError) {
  FunctionBuilder b("f");
  b.at(2);
  ValueId flag = b.undef("flag");
  b.at(6);
  Values out = b.cond(
      flag, 1, [&] { return Values{b.integer(1)}; }, [&] { return Values{b.integer(2)}; });
  Program p = load({b.finish(out[0])});
  ExecutionError e = run_error(p, "f", {});
  EXPECT_EQ(e.message,
            "cannot access local variable 'flag' where it is not associated with a value");
  EXPECT_EQ(e.exception, PyExc::UnboundLocalError);
  EXPECT_EQ(e.range, line_range(6));
}

TEST(InterpreterUndef, UnboundCallArgumentIsAnErrorAtTheCall) {
  FunctionBuilder g("g");
  Function callee = g.finish(g.param("x"));
  FunctionBuilder b("f");
  ValueId w = b.undef("w");
  b.at(9);
  Program p = load({b.finish(b.call("g", {w})), std::move(callee)});
  ExecutionError e = run_error(p, "f", {});
  EXPECT_EQ(e.message, "cannot access local variable 'w' where it is not associated with a value");
  EXPECT_EQ(e.exception, PyExc::UnboundLocalError);
  EXPECT_EQ(e.range, line_range(9));
}

// def f(n): i = 0; while i < n: i = i + None (line 7)
TEST(InterpreterErrors, FailureInsideALoopBodyCarriesTheInnerRange) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  b.at(3);
  Values out = b.loop(
      {b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[0], n});
      },
      [&](const Values& c) {
        b.at(7);
        return Values{b.op(OpCode::Add, {c[0], b.constant(Literal())})};
      });
  Program p = load({b.finish(out[0])});
  ExecutionError e = run_error(p, "f", {Value(int64_t{2})});
  EXPECT_FALSE(e.message.empty());
  EXPECT_EQ(e.function, "f");
  EXPECT_EQ(e.range, line_range(7));
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{0})}).as<int64_t>(), 0);
}

TEST(InterpreterErrors, FailureInACalleeNamesTheCallee) {
  FunctionBuilder g("g");
  ValueId x = g.param("x");
  g.at(12);
  Function callee = g.finish(g.op(OpCode::Add, {x, g.constant(Literal())}));
  FunctionBuilder b("f");
  b.at(3);
  Program p = load({b.finish(b.call("g", {b.integer(1)})), std::move(callee)});
  ExecutionError e = run_error(p, "f", {});
  EXPECT_EQ(e.function, "g");
  EXPECT_EQ(e.range, line_range(12));
  EXPECT_EQ(e.callers, (std::vector<CallerFrame>{{"f", line_range(3)}}));
}

// def h(x): return x + None      (line 5)
// def g(x): return h(x)          (line 12)
// def f(): return g(1)           (line 20)
TEST(InterpreterErrors, FailureInANestedHelperListsEveryCallerInnermostFirst) {
  FunctionBuilder h("h");
  ValueId x = h.param("x");
  h.at(5);
  Function leaf = h.finish(h.op(OpCode::Add, {x, h.constant(Literal())}));
  FunctionBuilder g("g");
  ValueId y = g.param("x");
  g.at(12);
  Function middle = g.finish(g.call("h", {y}));
  FunctionBuilder b("f");
  b.at(20);
  Program p = load({b.finish(b.call("g", {b.integer(1)})), std::move(middle), std::move(leaf)});
  ExecutionError e = run_error(p, "f", {});
  EXPECT_EQ(e.function, "h");
  EXPECT_EQ(e.range, line_range(5));
  EXPECT_EQ(e.callers, (std::vector<CallerFrame>{{"g", line_range(12)}, {"f", line_range(20)}}));
  // Called directly, the helper's error has no callers.
  EXPECT_TRUE(run_error(p, "h", {Value(int64_t{1})}).callers.empty());
}

TEST(InterpreterErrors, WrongArgumentCountIsATypeError) {
  FunctionBuilder b("pair");
  ValueId x = b.param("x");
  b.param("y");
  Program p = load({b.finish(x)});
  ExecutionError e = run_error(p, "pair", {Value(int64_t{1})});
  EXPECT_EQ(e.exception, PyExc::TypeError);
  EXPECT_EQ(e.message, "pair() missing 1 required positional argument: 'y'");
}

TEST(InterpreterErrors, AmbiguousTruthIsReportedAtTheCond) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  b.at(4);
  Values out = b.cond(
      x, 1, [&] { return Values{b.integer(1)}; }, [&] { return Values{b.integer(2)}; });
  Program p = load({b.finish(out[0])});
  ExecutionError e = run_error(p, "f", {Value(float_tensor({1, 2}))});
  EXPECT_EQ(e.range, line_range(4));
  EXPECT_NE(e.message.find("truth value of an array"), std::string::npos) << e.message;
}

TEST(InterpreterErrors, FailedAssert) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  b.at(8);
  b.effect(OpCode::Assert, {x}, {{"message", Literal(std::string("x must hold"))}});
  Program p = load({b.finish(x)});
  ExecutionError e = run_error(p, "f", {Value(false)});
  EXPECT_EQ(e.message, "x must hold");  // the exception (AssertionError) is named apart
  EXPECT_EQ(e.range, line_range(8));
}

TEST(InterpreterErrors, MemoryBudgetExceededIsAnError) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  b.at(5);
  Program p = load({b.finish(b.op(OpCode::Add, {x, b.constant(Literal(1.0))}))});
  Tensor big = Tensor::zeros(DType::Float64, Shape{1000});  // kept: the kernel must allocate
  RunOptions options;
  options.max_memory_bytes = 4000;
  ExecutionError e = run_error(p, "f", {Value(big)}, options);
  EXPECT_NE(e.message.find("out of memory"), std::string::npos) << e.message;
  EXPECT_EQ(e.exception, PyExc::LimitExceeded);
  EXPECT_EQ(e.range, line_range(5));
  options.max_memory_bytes = 16000;
  EXPECT_EQ(float_values(run_ok(p, "f", {Value(big)}, options)).size(), 1000u);
  EXPECT_EQ(float_values(run_ok(p, "f", {Value(big)})).size(), 1000u);  // no budget left installed
}

TEST(InterpreterErrors, LoopLimitIsALimitNotAPythonException) {
  FunctionBuilder b("f");
  ValueId n = b.param("n");
  b.at(3);
  Values out = b.loop(
      {b.integer(0)},
      [&](const Values& c) {
        return b.op(OpCode::Lt, {c[0], n});
      },
      [&](const Values& c) {
        return Values{b.op(OpCode::Add, {c[0], b.integer(1)})};
      });
  Program p = load({b.finish(out[0])});
  RunOptions options;
  options.max_loop_iterations = 5;
  ExecutionError e = run_error(p, "f", {Value(int64_t{6})}, options);
  EXPECT_EQ(e.exception, PyExc::LimitExceeded);
  EXPECT_EQ(e.range, line_range(3));
  EXPECT_NE(e.message.find("--max-iterations"), std::string::npos) << e.message;
}

// def f(x): return f(x)  (recursion is rejected by the compiler; graph files may hold it)
TEST(InterpreterErrors, CallDepthIsLimited) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  b.at(2);
  Program p = load({b.finish(b.call("f", {x}))});
  RunOptions options;
  options.max_call_depth = 8;
  ExecutionError e = run_error(p, "f", {Value(int64_t{1})}, options);
  EXPECT_EQ(e.message, "maximum recursion depth exceeded (more than 8 nested calls)");
  EXPECT_EQ(e.exception, PyExc::RecursionError);
  EXPECT_EQ(e.range, line_range(2));
  EXPECT_EQ(e.callers.size(), 8u);
  EXPECT_EQ(run_error(p, "f", {Value(int64_t{1})}).exception, PyExc::RecursionError);
}

TEST(InterpreterErrors, CallsWithinTheDepthLimitRun) {
  FunctionBuilder h("h");
  Function leaf = h.finish(h.param("x"));
  FunctionBuilder g("g");
  Function middle = g.finish(g.call("h", {g.param("x")}));
  FunctionBuilder b("f");
  Program p = load({b.finish(b.call("g", {b.param("x")})), std::move(middle), std::move(leaf)});
  RunOptions options;
  options.max_call_depth = 2;
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{4})}, options).as<int64_t>(), 4);
  options.max_call_depth = 1;
  EXPECT_EQ(run_error(p, "f", {Value(int64_t{4})}, options).exception, PyExc::RecursionError);
}

}  // namespace
}  // namespace pygraft::rt::interp_testing
