// for -> loop nodes with a hidden counter: range (trip count, negative and
// zero step), arrays, enumerate, zip, tuples of known length (unrolled).
#include <optional>

#include "graph/fused_elementwise.h"
#include "graph/printer.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

const Node& only_loop(const Function& f) {
  std::vector<const Node*> loops = nodes_with(f, OpCode::Loop);
  EXPECT_EQ(loops.size(), 1u) << print_function(f);
  static const Node empty;
  return loops.empty() ? empty : *loops[0];
}

TEST(ControlFlowFor, RangeStopCountsFromZero) {
  Lowered l =
      lower_clean("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n");
  const Function& f = function(l, "f");
  const Node& loop = only_loop(f);
  EXPECT_EQ(const_of(f, loop.inputs.at(0)), Literal(int64_t{0}));  // the counter
  const Node* less = def_of(f, loop.regions[0].yields.at(0));
  ASSERT_EQ(less->op, OpCode::Lt);
  EXPECT_EQ(less->inputs[0], loop.regions[0].args[0]);
  // The trip count is n itself, checked to be an int (operator.index).
  const Node* stop = def_of(f, less->inputs[1]);
  ASSERT_NE(stop, nullptr);
  EXPECT_EQ(stop->op, OpCode::RangeArg);
  EXPECT_EQ(stop->inputs.at(0), f.body.args[0]);
  // The counter's next value is the first yield of the body.
  EXPECT_EQ(def_of(f, loop.regions[1].yields.at(0))->op, OpCode::Add);
}

TEST(ControlFlowFor, NegativeStepTripCountIsComputedBeforeTheLoop) {
  Lowered l = lower_clean(
      "def f(n):\n    s = 0\n    for i in range(n, 0, -2):\n        s += i\n    return s\n");
  const Function& f = function(l, "f");
  const Node& loop = only_loop(f);
  const Node* less = def_of(f, loop.regions[0].yields.at(0));
  const Node* count = def_of(f, less->inputs[1]);
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->op, OpCode::Neg);  // -((start - stop) // step)
  EXPECT_EQ(def_of(f, count->inputs[0])->op, OpCode::FloorDiv);
  EXPECT_TRUE(nodes_with(f, OpCode::RangeStep).empty());  // a non-zero constant step
}

TEST(ControlFlowFor, RuntimeStepIsCheckedForZero) {
  Lowered l = lower_clean(
      "def f(a, b, c):\n    s = 0\n    for i in range(a, b, c):\n        s += i\n    return s\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> steps = nodes_with(f, OpCode::RangeStep);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0]->inputs.at(0), f.body.args[2]);
  EXPECT_EQ(nodes_with(f, OpCode::RangeArg).size(), 2u);  // start and stop
}

TEST(ControlFlowFor, ConstantEmptyRangeEmitsNoLoop) {
  Lowered l =
      lower_clean("def f(x):\n    for i in range(3, 3):\n        x = x + i\n    return x\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(nodes_with(f, OpCode::Loop).empty());
  EXPECT_EQ(returned(f), f.body.args[0]);
}

TEST(ControlFlowFor, TargetKeepsItsValueAfterTheLoop) {
  Lowered l = lower_source("def f(n):\n    for i in range(n):\n        pass\n    return i\n");
  EXPECT_TRUE(l.has_code("PG0501")) << l.describe();  // i is unbound after zero trips
  const Function& f = function(l, "f");
  const Node& loop = only_loop(f);
  ASSERT_EQ(loop.inputs.size(), 2u);                        // counter, i
  EXPECT_EQ(def_of(f, loop.inputs[1])->op, OpCode::Undef);  // zero trips: unbound
  EXPECT_EQ(returned(f), loop.outputs[1]);
}

TEST(ControlFlowFor, ArrayRowsAreIndexedByTheCounter) {
  Lowered l = lower_clean(
      "def f(x):\n    s = 0.0\n    for row in x:\n        s = s + row.sum()\n    return s\n");
  const Function& f = function(l, "f");
  const Node& loop = only_loop(f);
  const Node* less = def_of(f, loop.regions[0].yields.at(0));
  EXPECT_EQ(def_of(f, less->inputs[1])->op, OpCode::Len);
  std::vector<const Node*> getitems = nodes_with(f, OpCode::GetItem);
  ASSERT_EQ(getitems.size(), 1u);
  EXPECT_EQ(getitems[0]->inputs[0], f.body.args[0]);
  EXPECT_EQ(getitems[0]->inputs[1], loop.regions[1].args[0]);
}

TEST(ControlFlowFor, EnumerateZipNests) {
  Lowered l = lower_clean(
      "def f(x, y):\n    s = 0.0\n    for i, (a, b) in enumerate(zip(x, y), 1):\n"
      "        s = s + i * a * b\n    return s\n");
  const Function& f = function(l, "f");
  const Node& loop = only_loop(f);
  const Node* less = def_of(f, loop.regions[0].yields.at(0));
  EXPECT_EQ(def_of(f, less->inputs[1])->op, OpCode::PyMin);
  EXPECT_EQ(nodes_with(f, OpCode::Len).size(), 2u);
  EXPECT_EQ(nodes_with(f, OpCode::GetItem).size(), 2u);
  EXPECT_TRUE(nodes_with(f, OpCode::MakeTuple).size() <= 1u);  // unpacked directly
}

TEST(ControlFlowFor, TupleOfKnownLengthIsUnrolled) {
  Lowered l = lower_clean("def f(x):\n    for w in (1, 2, 3):\n        x = x * w\n    return x\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(nodes_with(f, OpCode::Loop).empty());
  // Note: the three unrolled products share a line, so fuse-elementwise makes
  // them one fused node; count them as steps there.
  size_t products = nodes_with(f, OpCode::Mul).size();
  for (const Node* fused : nodes_with(f, OpCode::FusedElementwise)) {
    std::optional<FusedProgram> program = read_fused_program(*fused);
    ASSERT_TRUE(program.has_value());
    for (int k = 0; k < program->size; ++k) {
      products += program->steps[static_cast<size_t>(k)].op == OpCode::Mul ? 1 : 0;
    }
  }
  EXPECT_EQ(products, 3u);
}

TEST(ControlFlowFor, NestedRangeLoopsFillAnArray) {
  Lowered l = lower_clean(
      "import numpy as np\n"
      "def f(n, m):\n    out = np.zeros((n, m))\n    for i in range(n):\n"
      "        for j in range(m):\n            out[i, j] = i * m + j\n    return out\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> loops = nodes_with(f, OpCode::Loop);
  ASSERT_EQ(loops.size(), 2u);
  EXPECT_EQ(returned(f), loops[0]->outputs.back());
}

TEST(ControlFlowFor, GraphSizeDoesNotDependOnTheTripCount) {
  Lowered small =
      lower_clean("def f(x):\n    for i in range(2):\n        x = x + i\n    return x\n");
  Lowered large =
      lower_clean("def f(x):\n    for i in range(1000):\n        x = x + i\n    return x\n");
  EXPECT_EQ(all_nodes(function(small, "f")).size(), all_nodes(function(large, "f")).size());
}

TEST(ControlFlowFor, WrongRangeArityIsReported) {
  Lowered l = lower_source("def f(x):\n    for i in range():\n        x = x + i\n    return x\n");
  EXPECT_TRUE(l.has_code("PG0305")) << l.describe();
}

}  // namespace
}  // namespace pygraft::testing
