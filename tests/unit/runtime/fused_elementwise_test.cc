// fused_elementwise (runtime/kernels_fused.cc) must compute exactly what its
// steps compute one by one through their own kernels: the same dtype, shape
// and bits on the blocked fast path (float arrays of one shape with Python
// scalars, any length, special values) and on the fallback (ints,
// broadcasting, mixed dtypes, 0-d arrays, scalar-only steps), and the same
// exception where a step raises. Malformed programs (a hostile graph file)
// are refused with a message.
#include "graph/fused_elementwise.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "kernel_test_util.h"
#include "runtime/kernel.h"

namespace pygraft::rt {
namespace {

using testing::make_tensor;

struct Step {
  OpCode op;
  std::vector<int> operands;
};

FusedProgram program_of(const std::vector<Step>& steps) {
  FusedProgram p;
  for (const Step& s : steps) {
    FusedStep& out = p.steps[static_cast<size_t>(p.size++)];
    out.op = s.op;
    out.num_operands = static_cast<int>(s.operands.size());
    for (size_t k = 0; k < s.operands.size(); ++k) {
      out.operands[k] = static_cast<uint16_t>(s.operands[k]);
    }
  }
  return p;
}

Node fused_node(const FusedProgram& p, size_t num_inputs) {
  Node node;
  node.op = OpCode::FusedElementwise;
  node.inputs.resize(num_inputs);
  node.outputs.resize(1);
  node.attrs.push_back(Attribute{"program", fused_program_literal(p)});
  return node;
}

struct Outcome {
  Value value;
  std::string error;
};

Outcome run_fused(const FusedProgram& p, std::vector<Value> inputs) {
  const Node node = fused_node(p, inputs.size());
  std::vector<Value> outputs(1);
  std::ostringstream sink;
  KernelContext ctx{inputs, outputs, node, sink};
  try {
    kernel_fused_elementwise(ctx);
  } catch (const RuntimeError& e) {
    return {Value(), e.what()};
  }
  return {outputs[0], ""};
}

// The steps one by one, each operand copied in (no buffer reuse needed).
Outcome run_steps(const FusedProgram& p, std::vector<Value> values) {
  const Node node;
  std::ostringstream sink;
  try {
    for (int k = 0; k < p.size; ++k) {
      const FusedStep& step = p.steps[static_cast<size_t>(k)];
      std::vector<Value> operands;
      for (int j = 0; j < step.num_operands; ++j) operands.push_back(values[step.operands[j]]);
      if (is_fused_reduction(step.op)) {  // axis=None, [dtype=None,] keepdims=False
        operands.emplace_back();
        if (step.op == OpCode::Sum) operands.emplace_back();
        operands.emplace_back(false);
      }
      std::vector<Value> outputs(1);
      KernelContext ctx{operands, outputs, node, sink};
      kernel_for(step.op)(ctx);
      values.push_back(outputs[0]);
    }
  } catch (const RuntimeError& e) {
    return {Value(), e.what()};
  }
  return {values.back(), ""};
}

void expect_identical(const Outcome& fused, const Outcome& steps, const std::string& what) {
  ASSERT_EQ(fused.error, steps.error) << what;
  if (!fused.error.empty()) return;
  ASSERT_EQ(fused.value.storage().index(), steps.value.storage().index()) << what;
  if (!fused.value.is_tensor()) {
    if (fused.value.is<double>()) {
      const double a = fused.value.as<double>(), b = steps.value.as<double>();
      EXPECT_TRUE(std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b))) << what;
    }
    return;
  }
  const Tensor& a = fused.value.as<Tensor>();
  const Tensor& b = steps.value.as<Tensor>();
  ASSERT_EQ(a.dtype(), b.dtype()) << what;
  ASSERT_TRUE(a.shape() == b.shape())
      << what << ": " << a.shape().to_string() << " vs " << b.shape().to_string();
  EXPECT_EQ(std::memcmp(a.raw(), b.raw(), static_cast<size_t>(a.nbytes())), 0) << what;
}

std::vector<double> values(int64_t n) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> v;
  for (int64_t i = 0; i < n; ++i) v.push_back(std::sin(0.37 * static_cast<double>(i)) * 9.0);
  const double special[] = {0.0, -0.0, inf, -inf, std::nan(""), 1e-40, 100.0, -750.0};
  for (size_t i = 0; i < std::size(special) && static_cast<int64_t>(i) < n; ++i) {
    v[static_cast<size_t>(i * 3 % static_cast<size_t>(n))] = special[i];
  }
  return v;
}

Value array(DType dtype, const Shape& shape, int salt = 0) {
  std::vector<double> v = values(shape.numel() + salt);
  v.erase(v.begin(), v.begin() + salt);
  return Value(make_tensor(dtype, shape, v));
}

// tanh(x * 0.5 + 1.0) * x - 0.25, sigmoid, (a + b) * (a + b), a / b - exp(b).
const std::vector<std::vector<Step>>& programs() {
  static const std::vector<std::vector<Step>> all = {
      {{OpCode::Mul, {0, 1}},
       {OpCode::Add, {4, 2}},
       {OpCode::UfuncOperand, {5}},
       {OpCode::Tanh, {6}},
       {OpCode::Mul, {7, 0}},
       {OpCode::Sub, {8, 3}}},
      {{OpCode::Neg, {0}}, {OpCode::Exp, {4}}, {OpCode::Add, {1, 5}}, {OpCode::TrueDiv, {1, 6}}},
      {{OpCode::Add, {0, 3}}, {OpCode::Mul, {4, 4}}},
      {{OpCode::TrueDiv, {0, 3}}, {OpCode::Exp, {3}}, {OpCode::Sub, {4, 5}}},
  };
  return all;
}

// Inputs: 0 and 3 arrays (3 may be a scalar), 1 and 2 scalars.
void check_all_programs(Value x, Value one, Value two, Value y, const std::string& what) {
  for (size_t i = 0; i < programs().size(); ++i) {
    const FusedProgram p = program_of(programs()[i]);
    std::vector<Value> inputs{x, one, two, y};
    expect_identical(run_fused(p, inputs), run_steps(p, inputs),
                     what + " program " + std::to_string(i));
  }
}

TEST(FusedElementwise, FastPathIsBitForBitTheSteps) {
  for (DType dtype : {DType::Float32, DType::Float64}) {
    for (int64_t n : {0, 1, 7, 511, 512, 513, 1500}) {
      const Shape shape{n};
      check_all_programs(array(dtype, shape), Value(0.5), Value(1.0), array(dtype, shape, 5),
                         "n=" + std::to_string(n));
      check_all_programs(array(dtype, shape), Value(int64_t{3}), Value(true), Value(-0.25),
                         "scalars n=" + std::to_string(n));
    }
    check_all_programs(array(dtype, Shape{3, 5}), Value(2.0), Value(1.0), array(dtype, Shape{3, 5}),
                       "2-D");
    check_all_programs(array(dtype, Shape{}), Value(2.0), Value(1.0), array(dtype, Shape{}), "0-d");
  }
}

// sum(x * x), max(abs(x - y)), min(tanh(x) + y), sum(abs(x)); inputs x, y.
const std::vector<std::vector<Step>>& reducing_programs() {
  static const std::vector<std::vector<Step>> all = {
      {{OpCode::Mul, {0, 0}}, {OpCode::Sum, {2}}},
      {{OpCode::Sub, {0, 1}}, {OpCode::Abs, {2}}, {OpCode::Max, {3}}},
      {{OpCode::Tanh, {0}}, {OpCode::Add, {2, 1}}, {OpCode::Min, {3}}},
      {{OpCode::UfuncOperand, {0}}, {OpCode::Abs, {2}}, {OpCode::Sum, {3}}},
  };
  return all;
}

// Finite values, so sums compare their bits rather than NaN's.
Value finite_array(DType dtype, const Shape& shape, double scale) {
  std::vector<double> v;
  for (int64_t i = 0; i < shape.numel(); ++i) {
    v.push_back(std::sin(0.37 * static_cast<double>(i)) * scale + 1e-3 * static_cast<double>(i));
  }
  return Value(make_tensor(dtype, shape, v));
}

TEST(FusedElementwise, ReductionsAreBitForBitTheSteps) {
  for (DType dtype : {DType::Float32, DType::Float64}) {
    for (int64_t n : {0, 1, 7, 8, 127, 128, 129, 136, 255, 511, 513, 1000, 4099, 100003}) {
      for (size_t i = 0; i < reducing_programs().size(); ++i) {
        const FusedProgram p = program_of(reducing_programs()[i]);
        const std::string what = std::string(dtype_name(dtype)) + " n=" + std::to_string(n) +
                                 " program " + std::to_string(i);
        const Shape shape{n};
        std::vector<Value> finite{finite_array(dtype, shape, 9.0), finite_array(dtype, shape, 2.0)};
        expect_identical(run_fused(p, finite), run_steps(p, finite), what);
        std::vector<Value> special{array(dtype, shape), Value(0.5)};
        expect_identical(run_fused(p, special), run_steps(p, special), what + " special");
      }
    }
    const FusedProgram sum = program_of(reducing_programs()[0]);
    std::vector<Value> grid{finite_array(dtype, Shape{37, 41}, 3.0), Value(0.5)};
    expect_identical(run_fused(sum, grid), run_steps(sum, grid), "2-D sum");
    std::vector<Value> ints{array(DType::Int64, Shape{300}), Value(int64_t{2})};
    for (size_t i = 0; i < reducing_programs().size(); ++i) {
      const FusedProgram p = program_of(reducing_programs()[i]);
      expect_identical(run_fused(p, ints), run_steps(p, ints), "int64 " + std::to_string(i));
    }
  }
}

TEST(FusedElementwise, EverythingElseRunsTheStepsKernels) {
  const Shape shape{4, 3};
  // ints, bools, broadcasting, mixed dtypes, 0-d with arrays, scalars only
  check_all_programs(array(DType::Int64, shape), Value(int64_t{2}), Value(int64_t{1}),
                     array(DType::Int64, shape, 1), "int64");
  check_all_programs(array(DType::Bool, shape), Value(true), Value(false),
                     array(DType::Bool, shape, 2), "bool");
  check_all_programs(array(DType::Float32, shape), Value(0.5), Value(1.0),
                     array(DType::Float32, Shape{3}), "broadcast");
  check_all_programs(array(DType::Float32, shape), Value(0.5), Value(1.0),
                     array(DType::Float64, shape), "float32 with float64");
  check_all_programs(array(DType::Float32, shape), Value(0.5), Value(1.0),
                     array(DType::Float64, Shape{}), "0-d float64");
  check_all_programs(Value(1.5), Value(0.5), Value(1.0), Value(int64_t{4}), "Python scalars");
  check_all_programs(Value(0.0), Value(0.5), Value(1.0), Value(int64_t{0}), "zero division");
  check_all_programs(array(DType::Float32, shape), Value(0.5), Value(1.0),
                     array(DType::Float32, Shape{5}), "shape mismatch");
  check_all_programs(array(DType::Float64, shape), Value::str("a"), Value(1.0),
                     array(DType::Float64, shape), "a string");
}

TEST(FusedElementwise, AnInputBufferIsReusedForTheResult) {
  const FusedProgram p = program_of(programs()[0]);
  Tensor x = make_tensor(DType::Float32, Shape{1000}, values(1000));
  const void* buffer = x.raw();
  std::vector<Value> inputs{Value(std::move(x)), Value(0.5), Value(1.0), Value(-0.25)};
  Outcome r = run_fused(p, std::move(inputs));
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.value.as<Tensor>().raw(), buffer);  // x was held only here
}

TEST(FusedElementwise, MalformedProgramsAreRefused) {
  const FusedProgram good = program_of(programs()[1]);
  std::string problem;
  Node node = fused_node(good, 4);
  EXPECT_TRUE(read_fused_program(node, &problem).has_value()) << problem;

  auto refused = [&](Node n, const std::string& expected) {
    std::string why;
    EXPECT_FALSE(read_fused_program(n, &why).has_value()) << expected;
    EXPECT_NE(why.find(expected), std::string::npos) << why;
    std::vector<Value> inputs(n.inputs.size(), Value(1.0));
    std::vector<Value> outputs(1);
    std::ostringstream sink;
    KernelContext ctx{inputs, outputs, n, sink};
    EXPECT_THROW(kernel_fused_elementwise(ctx), RuntimeError);
  };
  Node no_attr = node;
  no_attr.attrs.clear();
  refused(no_attr, "needs a tuple of steps");
  refused(fused_node(good, 1), "names no earlier value");  // operand 1 is no input then
  refused(fused_node(good, 0), "inputs");
  Node unknown = node;
  unknown.attrs[0].value = Literal(LiteralTuple{Literal(
      LiteralTuple{Literal(std::string("matmul")), Literal(int64_t{0}), Literal(int64_t{1})})});
  refused(unknown, "'matmul' cannot be fused");
  Node arity = node;
  arity.attrs[0].value = Literal(LiteralTuple{Literal(
      LiteralTuple{Literal(std::string("tanh")), Literal(int64_t{0}), Literal(int64_t{1})})});
  refused(arity, "takes 1 operands");
  Node early_reduction = node;
  early_reduction.attrs[0].value = Literal(
      LiteralTuple{Literal(LiteralTuple{Literal(std::string("sum")), Literal(int64_t{0})}),
                   Literal(LiteralTuple{Literal(std::string("negative")), Literal(int64_t{4})})});
  refused(early_reduction, "the reduction 'sum' is not the last step");
  Node forward = node;
  forward.attrs[0].value = Literal(
      LiteralTuple{Literal(LiteralTuple{Literal(std::string("negative")), Literal(int64_t{4})})});
  refused(forward, "names no earlier value");
  Node empty = node;
  empty.attrs[0].value = Literal(LiteralTuple{});
  refused(empty, "steps");
}

}  // namespace
}  // namespace pygraft::rt
