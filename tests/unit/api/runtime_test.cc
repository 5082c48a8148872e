// The public runtime API (include/pygraft/runtime.h): loading, calling,
// values in and out, errors with source locations.
#include "pygraft/runtime.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pygraft/compiler.h"

namespace pygraft::api {
namespace {

constexpr const char* kModel = R"(import numpy as np


def scale_sum(x, k):
    if k > 0:
        y = x * k
    else:
        y = -x
    return np.sum(y)


def pair(a):
    return a, a + 1


def checked(x):
    assert x > 0, "x must be positive"
    return x


def unbound(c):
    if c:
        y = 1
    return y


def caller(c):
    return unbound(c) + 1
)";

std::shared_ptr<const Program> load_model() {
  CompileResult compiled = compile(kModel, "model.py");
  EXPECT_TRUE(compiled.ok());
  LoadResult loaded = Program::load(compiled.graph_bytes());
  EXPECT_TRUE(loaded.ok()) << loaded.error;
  return loaded.program;
}

TEST(RuntimeApi, ListsFunctionsAndParameters) {
  std::shared_ptr<const Program> program = load_model();
  EXPECT_EQ(program->functions(),
            (std::vector<std::string>{"scale_sum", "pair", "checked", "unbound", "caller"}));
  EXPECT_EQ(program->parameters("scale_sum"), (std::vector<std::string>{"x", "k"}));
  EXPECT_TRUE(program->parameters("nope").empty());
  EXPECT_EQ(program->source_file(), "model.py");
}

TEST(RuntimeApi, CallsWithATensorAndAnInt) {
  std::shared_ptr<const Program> program = load_model();
  Tensor x = Tensor::from<double>({3}, {1.0, 2.0, 3.0});
  CallResult result = program->call("scale_sum", {x, 2});
  ASSERT_TRUE(result.ok()) << result.error->to_string();
  ASSERT_EQ(result.outputs.size(), 1u);
  const Value& out = result.outputs[0];
  ASSERT_EQ(out.kind(), Value::Kind::Tensor);
  EXPECT_EQ(out.as_tensor().dtype(), DType::Float64);
  EXPECT_TRUE(out.as_tensor().shape().empty());
  EXPECT_DOUBLE_EQ(out.as_tensor().get_as_double(0), 12.0);
}

TEST(RuntimeApi, TakesTheOtherBranch) {
  std::shared_ptr<const Program> program = load_model();
  Tensor x = Tensor::from<int64_t>({2, 2}, {1, 2, 3, 4});
  CallResult result = program->call("scale_sum", {x, -1});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.outputs[0].as_tensor().data<int64_t>()[0], -10);
}

TEST(RuntimeApi, ATupleGivesSeveralOutputs) {
  CallResult result = load_model()->call("pair", {Value(2.5)});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.outputs.size(), 2u);
  EXPECT_DOUBLE_EQ(result.outputs[0].as_float(), 2.5);
  EXPECT_DOUBLE_EQ(result.outputs[1].as_float(), 3.5);
}

TEST(RuntimeApi, RuntimeErrorsNameTheSourceLine) {
  CallResult result = load_model()->call("checked", {Value(-1)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->file, "model.py");
  EXPECT_EQ(result.error->line, 17u);
  EXPECT_NE(result.error->message.find("x must be positive"), std::string::npos);
  EXPECT_EQ(result.error->to_string().rfind("model.py:17:", 0), 0u) << result.error->to_string();
}

TEST(RuntimeApi, RuntimeErrorsNameThePythonExceptionAndTheCalls) {
  CallResult result = load_model()->call("caller", {Value(false)});
  ASSERT_FALSE(result.ok());
  const RuntimeError& error = *result.error;
  EXPECT_EQ(error.exception, "UnboundLocalError");
  EXPECT_FALSE(error.limit_exceeded);
  EXPECT_EQ(error.function, "unbound");
  EXPECT_EQ(error.line, 24u);
  EXPECT_EQ(error.column, 12u);
  EXPECT_EQ(error.end_column, 13u);
  ASSERT_EQ(error.call_stack.size(), 2u);
  EXPECT_EQ(error.call_stack[0].function, "unbound");
  EXPECT_EQ(error.call_stack[0].line, 24u);
  EXPECT_EQ(error.call_stack[1].function, "caller");
  EXPECT_EQ(error.call_stack[1].line, 28u);
  EXPECT_EQ(error.call_stack[1].column, 12u);
  EXPECT_EQ(error.to_string(),
            "model.py:24:12: runtime error: UnboundLocalError: cannot access local variable 'y' "
            "where it is not associated with a value\n"
            "model.py:28:12: note: called from here");
}

TEST(RuntimeApi, LoopIterationAndTimeLimitsStopACall) {
  CompileResult compiled = compile(
      "def spin(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n", "spin.py");
  ASSERT_TRUE(compiled.ok());
  LoadResult loaded = Program::load(compiled.graph_bytes());
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  CallOptions limited;
  limited.max_loop_iterations = 100;
  EXPECT_TRUE(loaded.program->call("spin", {Value(100)}, limited).ok());
  CallResult over = loaded.program->call("spin", {Value(101)}, limited);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error->line, 3u);  // the loop
  EXPECT_NE(over.error->message.find("100 loop iterations"), std::string::npos)
      << over.error->message;
  EXPECT_TRUE(over.error->limit_exceeded);
  EXPECT_EQ(over.error->exception, "");  // not a Python exception

  CallOptions timed;
  timed.timeout_seconds = 0.05;
  CallResult endless = loaded.program->call("spin", {Value(int64_t{1} << 62)}, timed);
  ASSERT_FALSE(endless.ok());
  EXPECT_NE(endless.error->message.find("longer than 0.05 s"), std::string::npos)
      << endless.error->message;
}

TEST(RuntimeApi, BadCallsAreErrors) {
  std::shared_ptr<const Program> program = load_model();
  EXPECT_FALSE(program->call("nope", {}).ok());
  CallResult too_many = program->call("pair", {Value(1), Value(2)});
  ASSERT_FALSE(too_many.ok());
  EXPECT_NE(too_many.error->message.find("pair()"), std::string::npos);
  EXPECT_EQ(too_many.error->exception, "TypeError");
}

TEST(RuntimeApi, CorruptBytesAndMissingFilesAreErrors) {
  LoadResult garbage = Program::load("not a graph file");
  EXPECT_FALSE(garbage.ok());
  EXPECT_FALSE(garbage.error.empty());
  LoadResult missing = Program::load_file("/nonexistent/model.pgraph");
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.error.rfind("/nonexistent/model.pgraph: ", 0), 0u) << missing.error;
}

TEST(RuntimeApi, TensorChecksItsArguments) {
  EXPECT_THROW(Tensor(DType::Float32, {-1}), std::invalid_argument);
  EXPECT_THROW(Tensor::from<float>({2}, {1.0f}), std::invalid_argument);
  Tensor t(DType::Int32, {2, 3});
  EXPECT_EQ(t.numel(), 6);
  EXPECT_EQ(t.nbytes(), 24u);
  EXPECT_THROW(t.data<float>(), std::invalid_argument);
  EXPECT_EQ(dtype_name(t.dtype()), "int32");
}

TEST(RuntimeApi, ValuesKnowTheirKind) {
  EXPECT_EQ(Value().kind(), Value::Kind::None);
  EXPECT_EQ(Value(true).kind(), Value::Kind::Bool);
  EXPECT_EQ(Value(3).kind(), Value::Kind::Int);
  EXPECT_EQ(Value(3.0).kind(), Value::Kind::Float);
  EXPECT_EQ(Value("s").kind(), Value::Kind::Str);
  EXPECT_EQ(Value(Tensor()).kind(), Value::Kind::Tensor);
  EXPECT_EQ(Value::tuple({Value(1)}).kind(), Value::Kind::Tuple);
  EXPECT_THROW(Value(1).items(), std::logic_error);
}

TEST(RuntimeApi, PrintGoesToTheGivenStream) {
  CompileResult compiled = compile("def f(x):\n    print('hi', x)\n    return x\n", "p.py");
  ASSERT_TRUE(compiled.ok());
  std::ostringstream printed;
  CallResult result = Program::load(compiled.graph_bytes())
                          .program->call("f", {Value(1)}, {.print_stream = &printed});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(printed.str(), "hi 1\n");
}

}  // namespace
}  // namespace pygraft::api
