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
#include "runtime/fused_plan.h"
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

// sum(x * x), max(abs(x - y)), min(tanh(x) + y), sum(abs(x)), min(abs(x - y)),
// sum(x * y); inputs x, y. The plan reads past the square and the abs
// (FusedPlan::reduce_form) in the first, second and fifth.
const std::vector<std::vector<Step>>& reducing_programs() {
  static const std::vector<std::vector<Step>> all = {
      {{OpCode::Mul, {0, 0}}, {OpCode::Sum, {2}}},
      {{OpCode::Sub, {0, 1}}, {OpCode::Abs, {2}}, {OpCode::Max, {3}}},
      {{OpCode::Tanh, {0}}, {OpCode::Add, {2, 1}}, {OpCode::Min, {3}}},
      {{OpCode::UfuncOperand, {0}}, {OpCode::Abs, {2}}, {OpCode::Sum, {3}}},
      // min of |x - y| read past the abs; a product that is no square
      {{OpCode::Sub, {0, 1}}, {OpCode::Abs, {2}}, {OpCode::Min, {3}}},
      {{OpCode::Mul, {0, 1}}, {OpCode::Sum, {2}}},
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
  refused(early_reduction, "reads the result of a reduction (step 0)");
  Node forward = node;
  forward.attrs[0].value = Literal(
      LiteralTuple{Literal(LiteralTuple{Literal(std::string("negative")), Literal(int64_t{4})})});
  refused(forward, "names no earlier value");
  Node empty = node;
  empty.attrs[0].value = Literal(LiteralTuple{});
  refused(empty, "steps");

  auto with_attr = [&](const char* name, Literal value, size_t outputs) {
    Node n = node;
    n.attrs.push_back(Attribute{name, std::move(value)});
    n.outputs.resize(outputs);
    return n;
  };
  auto ints = [](std::vector<int64_t> v) {
    LiteralTuple t;
    for (int64_t x : v) t.emplace_back(x);
    return Literal(std::move(t));
  };
  refused(with_attr("outputs", ints({1}), 1), "outputs: 1 names no step");  // an input
  refused(with_attr("outputs", ints({8}), 1), "outputs: 8 names no step");  // past the end
  refused(with_attr("outputs", ints({5, 7}), 1), "1 outputs for 2 output steps");
  refused(with_attr("outputs", Literal(LiteralTuple{}), 0), "outputs: needs a tuple");
  refused(with_attr("segments", Literal(LiteralTuple{ints({0, 3, 1, 3, 9})}), 1),
          "is not (first_step");  // step 0
  refused(with_attr("segments", Literal(LiteralTuple{ints({2, 3, 1})}), 1), "is not (first_step");
  refused(
      with_attr("segments", Literal(LiteralTuple{ints({2, 3, 1, 3, 9}), ints({2, 4, 1, 4, 9})}), 1),
      "after the previous segment");
  EXPECT_TRUE(read_fused_program(with_attr("outputs", ints({5, 7}), 2), &problem).has_value())
      << problem;
}

// A node with several outputs (merge_fused_readers): y = tanh(x * 0.5) - x,
// then sum(y * y), max(abs(y)), y itself and y + 1 (inputs x, 0.5, 1.0).
FusedProgram multi_output_program(bool with_arrays) {
  FusedProgram p = program_of({{OpCode::Mul, {0, 1}},
                               {OpCode::Tanh, {3}},
                               {OpCode::Sub, {4, 0}},
                               {OpCode::Mul, {5, 5}},
                               {OpCode::Sum, {6}},
                               {OpCode::UfuncOperand, {5}},
                               {OpCode::Abs, {8}},
                               {OpCode::Max, {9}},
                               {OpCode::Add, {5, 2}}});
  const std::vector<uint16_t> outputs =
      with_arrays ? std::vector<uint16_t>{4, 2, 7, 8} : std::vector<uint16_t>{4, 7};
  for (uint16_t o : outputs) p.outputs[static_cast<size_t>(p.num_outputs++)] = o;
  p.segments[static_cast<size_t>(p.num_segments++)] = FusedSegment{3, SourceRange{7, 5, 7, 20}};
  return p;
}

// Every output of `p` on `inputs`, and the values of running its steps.
void expect_outputs_are_the_steps(const FusedProgram& p, std::vector<Value> inputs,
                                  const std::string& what) {
  Node node;
  node.op = OpCode::FusedElementwise;
  node.inputs.resize(inputs.size());
  node.outputs.resize(static_cast<size_t>(p.num_outputs));
  node.attrs = fused_program_attributes(p, inputs.size());
  std::vector<Value> outputs(static_cast<size_t>(p.num_outputs));
  std::ostringstream sink;
  std::string error;
  std::vector<Value> operands = inputs;  // the kernel may move them out
  KernelContext ctx{operands, outputs, node, sink};
  try {
    kernel_fused_elementwise(ctx);
  } catch (const RuntimeError& e) {
    error = e.what();
  }
  if (!error.empty()) {
    EXPECT_EQ(error, run_steps(p, inputs).error) << what;
    return;
  }
  for (int o = 0; o < p.num_outputs; ++o) {
    FusedProgram prefix = p;  // the steps up to the output's
    prefix.size = p.outputs[static_cast<size_t>(o)] + 1;
    const Outcome steps = run_steps(prefix, inputs);
    expect_identical(Outcome{outputs[static_cast<size_t>(o)], ""}, steps,
                     what + " output " + std::to_string(o));
  }
}

TEST(FusedElementwise, SeveralOutputsAreBitForBitTheSteps) {
  for (DType dtype : {DType::Float32, DType::Float64}) {
    for (int64_t n : {1, 7, 128, 129, 1023, 1024, 1025, 2048, 2049, 4099, 100003}) {
      for (bool with_arrays : {false, true}) {
        const std::string what = std::string(dtype_name(dtype)) + " n=" + std::to_string(n) +
                                 (with_arrays ? " with arrays" : "");
        const FusedProgram p = multi_output_program(with_arrays);
        expect_outputs_are_the_steps(
            p, {finite_array(dtype, Shape{n}, 9.0), Value(0.5), Value(1.0)}, what);
        expect_outputs_are_the_steps(p, {array(dtype, Shape{n}), Value(0.5), Value(1.0)},
                                     what + " special");
      }
    }
  }
  const FusedProgram p = multi_output_program(true);
  expect_outputs_are_the_steps(
      p, {array(DType::Int64, Shape{300}), Value(int64_t{2}), Value(int64_t{1})}, "int64");
  expect_outputs_are_the_steps(p, {Value(1.5), Value(0.5), Value(1.0)}, "Python scalars");
}

// y = x * 0.5 in x's own buffer (x held only by the node) and sum(x): the
// sum must still see x, so y is written after every step read the block.
TEST(FusedElementwise, AReusedBufferIsWrittenAfterTheReductionsReadIt) {
  FusedProgram p = program_of({{OpCode::Mul, {0, 1}}, {OpCode::Sum, {0}}});
  p.outputs = {0, 1};
  p.num_outputs = 2;
  for (int64_t n : {5, 1000, 5000}) {
    const std::vector<double> v = values(n);
    Tensor x = make_tensor(DType::Float64, Shape{n}, v);
    const void* buffer = x.raw();
    Node node;
    node.op = OpCode::FusedElementwise;
    node.inputs.resize(2);
    node.outputs.resize(2);
    node.attrs = fused_program_attributes(p, 2);
    std::vector<Value> inputs{Value(std::move(x)), Value(0.5)};
    std::vector<Value> outputs(2);
    std::ostringstream sink;
    KernelContext ctx{inputs, outputs, node, sink};
    kernel_fused_elementwise(ctx);
    EXPECT_EQ(outputs[0].as<Tensor>().raw(), buffer) << n;
    const Outcome sum = run_steps(program_of({{OpCode::Sum, {0}}}),
                                  {Value(make_tensor(DType::Float64, Shape{n}, v))});
    expect_identical(Outcome{outputs[1], ""}, sum, "sum of x, n=" + std::to_string(n));
  }
}

// A max that is no output (a graph file may hold one) still raises on an
// empty array, as its unfused step does.
TEST(FusedElementwise, AMaxThatIsNoOutputStillRaisesOnNothing) {
  FusedProgram p = program_of({{OpCode::Mul, {0, 1}}, {OpCode::Max, {2}}, {OpCode::Sum, {2}}});
  p.outputs[0] = 2;
  p.num_outputs = 1;
  Node node;
  node.op = OpCode::FusedElementwise;
  node.inputs.resize(2);
  node.outputs.resize(1);
  node.attrs = fused_program_attributes(p, 2);
  std::vector<Value> inputs{Value(make_tensor(DType::Float64, Shape{0}, {})), Value(0.5)};
  std::vector<Value> outputs(1);
  std::ostringstream sink;
  KernelContext ctx{inputs, outputs, node, sink};
  EXPECT_THROW(kernel_fused_elementwise(ctx), RuntimeError);
}

TEST(FusedElementwise, AnErrorInAMergedStepIsAtItsOwnLine) {
  const FusedProgram p = multi_output_program(false);
  Node node;
  node.op = OpCode::FusedElementwise;
  node.range = SourceRange{3, 5, 3, 30};
  node.inputs.resize(3);
  node.outputs.resize(2);
  node.attrs = fused_program_attributes(p, 3);
  for (DType dtype : {DType::Float32, DType::Int64}) {
    std::vector<Value> inputs{Value(make_tensor(dtype, Shape{0}, {})), Value(0.5), Value(1.0)};
    std::vector<Value> outputs(2);
    std::ostringstream sink;
    KernelContext ctx{inputs, outputs, node, sink};
    try {
      kernel_fused_elementwise(ctx);
      ADD_FAILURE() << "the max of nothing must raise";
    } catch (const RuntimeError& e) {
      EXPECT_NE(std::string(e.what()).find("zero-size array"), std::string::npos) << e.what();
      ASSERT_TRUE(e.range().has_value());
      EXPECT_EQ(e.range()->line, 7u);  // the segment's, not the node's line 3
    }
  }
}

// The plan reads past a square only a sum reads and an abs only a max or
// min reads, and keeps steps something else reads too.
TEST(FusedElementwise, ThePlanReadsPastSquaresAndAbsOnlyTheReductionReads) {
  using Form = FusedPlan::ReduceForm;
  const auto plan_of = [](size_t i) {
    FusedProgram p = program_of(reducing_programs()[i]);
    p.outputs[0] = static_cast<uint16_t>(p.size - 1);  // as read_fused_program fills them
    p.num_outputs = 1;
    return make_fused_plan(p, 2);
  };
  const FusedPlan squares = plan_of(0);
  EXPECT_EQ(squares.reduce_form[1], Form::OfSquares);
  EXPECT_EQ(squares.reduce_operand[1], 0);
  EXPECT_TRUE(squares.skipped[0]);
  const FusedPlan abs_min = plan_of(4);
  EXPECT_EQ(abs_min.reduce_form[2], Form::OfAbs);
  EXPECT_EQ(abs_min.reduce_operand[2], 2);  // x - y
  EXPECT_TRUE(abs_min.skipped[1]);
  EXPECT_FALSE(abs_min.skipped[0]);
  const FusedPlan product = plan_of(5);
  EXPECT_EQ(product.reduce_form[1], Form::Plain);
  EXPECT_FALSE(product.skipped[0]);
  const FusedPlan abs_sum = plan_of(3);
  EXPECT_EQ(abs_sum.reduce_form[2], Form::Plain);  // a sum of |x| stays a sum of stored values
  // y * y and abs(y) read by their reductions only, y an output too.
  const FusedPlan several = make_fused_plan(multi_output_program(true), 3);
  EXPECT_EQ(several.reduce_form[4], Form::OfSquares);
  EXPECT_EQ(several.reduce_form[7], Form::OfAbs);
  EXPECT_TRUE(several.skipped[3] && several.skipped[6]);
  EXPECT_FALSE(several.skipped[2]);
  FusedProgram read_twice =
      program_of({{OpCode::Mul, {0, 0}}, {OpCode::Sum, {2}}, {OpCode::Add, {2, 1}}});
  read_twice.outputs[0] = 1;
  read_twice.outputs[1] = 2;
  read_twice.num_outputs = 2;
  const FusedPlan kept = make_fused_plan(read_twice, 2);
  EXPECT_EQ(kept.reduce_form[1], Form::Plain);
  EXPECT_FALSE(kept.skipped[0]);
}

// t = x op1 y, then t op2 s with s a Python number: the plan joins the two
// (one pass, (x op1 y) * m + c), and the result keeps the bits of the two
// steps for every pair of operators and numbers, NaN and signed zeros
// included; with s an array, or t read twice, the steps stay apart.
TEST(FusedElementwise, AStepWithANumberJoinsTheStepBeforeItBitForBit) {
  const OpCode binary[] = {OpCode::Add, OpCode::Sub, OpCode::Mul, OpCode::TrueDiv};
  const double nan = std::nan("");
  const double inf = std::numeric_limits<double>::infinity();
  for (OpCode first : binary) {
    for (OpCode second : binary) {
      FusedProgram p = program_of({{first, {0, 1}}, {second, {3, 2}}});
      p.outputs[0] = 1;
      p.num_outputs = 1;
      EXPECT_EQ(make_fused_plan(p, 3).joins_previous[1], second != OpCode::TrueDiv);
      for (DType dtype : {DType::Float32, DType::Float64}) {
        for (double number : {0.5, -0.0, 0.0, 3.0, -7.25, nan, inf, 1e-310}) {
          for (int64_t n : {1, 17, 100003}) {
            const std::string what = std::string(dtype_name(dtype)) + " n=" + std::to_string(n) +
                                     " s=" + std::to_string(number);
            std::vector<Value> inputs{array(dtype, Shape{n}), array(dtype, Shape{n}, 5),
                                      Value(number)};
            expect_identical(run_fused(p, inputs), run_steps(p, inputs), what);
          }
        }
        std::vector<Value> arrays{array(dtype, Shape{40}), array(dtype, Shape{40}, 5),
                                  array(dtype, Shape{40}, 9)};
        expect_identical(run_fused(p, arrays), run_steps(p, arrays), "three arrays");
      }
    }
  }
  FusedProgram twice = program_of(
      {{OpCode::Mul, {0, 1}}, {OpCode::Add, {3, 2}}, {OpCode::Sub, {4, 3}}});  // t read again
  twice.outputs[0] = 2;
  twice.num_outputs = 1;
  EXPECT_FALSE(make_fused_plan(twice, 3).joins_previous[1]);
  FusedProgram on_a_step = program_of(
      {{OpCode::Mul, {0, 1}}, {OpCode::Tanh, {0}}, {OpCode::Add, {3, 4}}});  // s a step's value
  on_a_step.outputs[0] = 2;
  on_a_step.num_outputs = 1;
  EXPECT_FALSE(make_fused_plan(on_a_step, 2).joins_previous[2]);
}

}  // namespace
}  // namespace pygraft::rt
