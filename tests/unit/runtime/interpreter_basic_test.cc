// Straight-line execution, constants, calls and argument binding.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "runtime/interpreter_plan.h"
#include "tests/unit/runtime/interpreter_test_util.h"

namespace pygraft::rt::interp_testing {
namespace {

// def f(a, b): return a * b + 1
Function multiply_add() {
  FunctionBuilder b("f");
  ValueId x = b.param("a");
  ValueId y = b.param("b");
  ValueId product = b.op(OpCode::Mul, {x, y});
  return b.finish(b.op(OpCode::Add, {product, b.integer(1)}));
}

TEST(InterpreterBasic, PythonIntArithmetic) {
  Program p = load({multiply_add()});
  Value v = run_ok(p, "f", {Value(int64_t{6}), Value(int64_t{7})});
  ASSERT_TRUE(v.is<int64_t>());
  EXPECT_EQ(v.as<int64_t>(), 43);
}

TEST(InterpreterBasic, PythonFloatArithmetic) {
  Program p = load({multiply_add()});
  Value v = run_ok(p, "f", {Value(1.5), Value(2.0)});
  ASSERT_TRUE(v.is<double>());
  EXPECT_DOUBLE_EQ(v.as<double>(), 4.0);
}

TEST(InterpreterBasic, TensorArithmetic) {
  Program p = load({multiply_add()});
  Value v = run_ok(p, "f", {Value(float_tensor({1, 2, 3})), Value(2.0)});
  EXPECT_EQ(float_values(v), (std::vector<double>{3, 5, 7}));
}

TEST(InterpreterBasic, ArgumentTensorIsNotModified) {
  Program p = load({multiply_add()});
  Tensor arg = float_tensor({1, 2});
  run_ok(p, "f", {Value(arg), Value(3.0)});
  EXPECT_EQ(float_values(Value(arg)), (std::vector<double>{1, 2}));
}

TEST(InterpreterBasic, ReturnsATupleOfConstants) {
  FunctionBuilder b("f");
  ValueId s = b.constant(Literal(std::string("hi")));
  ValueId none = b.constant(Literal());
  Program p = load({b.finish(b.op(OpCode::MakeTuple, {s, none, b.integer(3)}))});
  Value v = run_ok(p, "f", {});
  ASSERT_TRUE(v.is<TupleValue>());
  ASSERT_EQ(v.items().size(), 3u);
  EXPECT_EQ(*v.items()[0].as<StrValue>().text, "hi");
  EXPECT_TRUE(v.items()[1].is_none());
  EXPECT_EQ(v.items()[2].as<int64_t>(), 3);
}

TEST(InterpreterBasic, ConstantsLiveInTheTemplateFrameNotTheInstructions) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  ValueId tuple_const = b.constant(Literal(LiteralTuple{Literal(int64_t{1}), Literal(2.5)}));
  b.effect(OpCode::Print, {tuple_const});
  LoadedProgram program;
  program.module = make_module({b.finish(b.op(OpCode::Add, {x, b.integer(2)}))});
  compile_program(program);
  const CompiledFunction& fn = program.functions[0];
  ASSERT_EQ(fn.body.instrs.size(), 2u);  // print and add: the consts are gone
  EXPECT_EQ(fn.body.instrs[0].node->op, OpCode::Print);
  EXPECT_TRUE(fn.is_constant[tuple_const]);
  ASSERT_TRUE(fn.template_frame[tuple_const].is<TupleValue>());
  EXPECT_EQ(fn.template_frame[tuple_const].items()[1].as<double>(), 2.5);
}

TEST(InterpreterBasic, PrintWritesToTheGivenStream) {
  FunctionBuilder b("f");
  ValueId x = b.param("x");
  b.effect(OpCode::Print, {x, b.integer(2)}, {{"sep", Literal(std::string(", "))}});
  Program p = load({b.finish(b.constant(Literal()))});
  std::ostringstream out;
  RunOptions options;
  options.print_stream = &out;
  Value v = run_ok(p, "f", {Value(int64_t{1})}, options);
  EXPECT_TRUE(v.is_none());
  EXPECT_EQ(out.str(), "1, 2\n");
}

// def g(x, y=10): return x - y;  def f(x): return g(x) + g(x, 1)
std::vector<Function> caller_and_callee() {
  FunctionBuilder g("g");
  ValueId gx = g.param("x");
  ValueId gy = g.param("y", Literal(int64_t{10}));
  Function callee = g.finish(g.op(OpCode::Sub, {gx, gy}));
  FunctionBuilder f("f");
  ValueId x = f.param("x");
  ValueId with_default = f.call("g", {x});
  ValueId explicit_arg = f.call("g", {x, f.integer(1)});
  return {f.finish(f.op(OpCode::Add, {with_default, explicit_arg})), std::move(callee)};
}

TEST(InterpreterBasic, CallUsesCalleeDefaults) {
  Program p = load(caller_and_callee());
  EXPECT_EQ(run_ok(p, "f", {Value(int64_t{5})}).as<int64_t>(), (5 - 10) + (5 - 1));
}

TEST(InterpreterBasic, EntryUsesDefaults) {
  Program p = load(caller_and_callee());
  EXPECT_EQ(run_ok(p, "g", {Value(int64_t{5})}).as<int64_t>(), -5);
  EXPECT_EQ(run_ok(p, "g", {Value(int64_t{5}), Value(int64_t{2})}).as<int64_t>(), 3);
}

TEST(InterpreterBasic, FindFunction) {
  Program p = load(caller_and_callee());
  EXPECT_EQ(p.find_function("f"), std::optional<size_t>(0));
  EXPECT_EQ(p.find_function("g"), std::optional<size_t>(1));
  EXPECT_EQ(p.find_function("h"), std::nullopt);
  EXPECT_EQ(p.module().functions.size(), 2u);
}

TEST(InterpreterBasic, ProgramIsMovable) {
  Program p = load(caller_and_callee());
  Program moved = std::move(p);
  EXPECT_EQ(run_ok(moved, "g", {Value(int64_t{1})}).as<int64_t>(), -9);
}

TEST(InterpreterBasic, ConcurrentCallsShareOneProgram) {
  Program p = load(caller_and_callee());
  std::vector<int64_t> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&p, &results, t] {
      for (int i = 0; i < 100; ++i) {
        CallResult r = p.call(0, {Value(static_cast<int64_t>(t))});
        results[t] = r.value ? r.value->as<int64_t>() : -1;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t t = 0; t < results.size(); ++t) {
    int64_t x = static_cast<int64_t>(t);
    EXPECT_EQ(results[t], (x - 10) + (x - 1));
  }
}

TEST(InterpreterArity, MissingOneArgument) {
  Program p = load(caller_and_callee());
  ExecutionError e = run_error(p, "g", {});
  EXPECT_EQ(e.message, "g() missing 1 required positional argument: 'x'");
  EXPECT_EQ(e.function, "g");
  EXPECT_EQ(e.range, line_range(1));
}

TEST(InterpreterArity, MissingSeveralArguments) {
  FunctionBuilder b("h");
  b.param("a");
  b.param("b");
  ValueId c = b.param("c");
  Program p = load({b.finish(c)});
  EXPECT_EQ(run_error(p, "h", {}).message,
            "h() missing 3 required positional arguments: 'a', 'b', and 'c'");
  EXPECT_EQ(run_error(p, "h", {Value(int64_t{1})}).message,
            "h() missing 2 required positional arguments: 'b' and 'c'");
}

TEST(InterpreterArity, TooManyArguments) {
  Program p = load({multiply_add()});
  std::vector<Value> three{Value(int64_t{1}), Value(int64_t{2}), Value(int64_t{3})};
  EXPECT_EQ(run_error(p, "f", three).message, "f() takes 2 positional arguments but 3 were given");
}

TEST(InterpreterArity, TooManyWithDefaults) {
  Program p = load(caller_and_callee());
  std::vector<Value> three{Value(int64_t{1}), Value(int64_t{2}), Value(int64_t{3})};
  EXPECT_EQ(run_error(p, "g", three).message,
            "g() takes from 1 to 2 positional arguments but 3 were given");
}

TEST(InterpreterArity, NoParameters) {
  FunctionBuilder b("k");
  Program p = load({b.finish(b.integer(1))});
  EXPECT_EQ(run_error(p, "k", {Value(int64_t{1})}).message,
            "k() takes 0 positional arguments but 1 was given");
}

TEST(InterpreterArity, BadFunctionIndexIsAnError) {
  Program p = load({multiply_add()});
  CallResult r = p.call(7, {});
  ASSERT_TRUE(r.error.has_value());
  EXPECT_FALSE(r.value.has_value());
}

}  // namespace
}  // namespace pygraft::rt::interp_testing
