// and/or, conditional expressions, chained comparisons and `in`: constants
// fold, the rest becomes cond nodes with Python's result values.
#include "graph/printer.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

TEST(LowerShortCircuit, ConstantAndOrFold) {
  Lowered l = lower_clean("def f():\n    return (0 or 3) and 2.5\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(2.5));
}

TEST(LowerShortCircuit, ConstantPrefixDecidesWithRuntimeLast) {
  Lowered l = lower_clean("def f(x):\n    return True and x\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(returned(f), f.body.args[0]);
}

TEST(LowerShortCircuit, OrStopsAtConstantTruth) {
  Lowered l = lower_clean("DEBUG = 1\ndef f(x):\n    return DEBUG or x\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(int64_t{1}));
}

TEST(LowerShortCircuit, RuntimeAndIsACondYieldingAnOperand) {
  Lowered l = lower_clean("def f(x, y):\n    return x and y\n");
  const Function& f = function(l, "f");
  const Node* cond = def_of(f, returned(f));
  ASSERT_EQ(cond->op, OpCode::Cond) << print_function(f);
  EXPECT_EQ(cond->inputs[0], f.body.args[0]);
  EXPECT_EQ(cond->regions[0].yields.at(0), f.body.args[1]);  // x true: y
  EXPECT_EQ(cond->regions[1].yields.at(0), f.body.args[0]);  // x false: x itself
  EXPECT_EQ(cond->range.column, 12u);
}

TEST(LowerShortCircuit, RuntimeOrYieldsTheFirstTrueOperand) {
  Lowered l = lower_clean("def f(x, y):\n    return x or y\n");
  const Function& f = function(l, "f");
  const Node* cond = def_of(f, returned(f));
  ASSERT_EQ(cond->op, OpCode::Cond);
  EXPECT_EQ(cond->regions[0].yields.at(0), f.body.args[0]);
  EXPECT_EQ(cond->regions[1].yields.at(0), f.body.args[1]);
}

TEST(LowerShortCircuit, RightOperandIsEvaluatedOnlyInItsRegion) {
  Lowered l =
      lower_clean("import numpy as np\ndef f(x):\n    return x.size > 0 and np.max(x) > 1\n");
  const Function& f = function(l, "f");
  for (const Node& node : f.body.nodes) EXPECT_NE(node.op, OpCode::Max) << print_function(f);
  EXPECT_EQ(nodes_with(f, OpCode::Max).size(), 1u);
}

TEST(LowerShortCircuit, LongChainNests) {
  Lowered l = lower_clean("def f(a, b, c):\n    return a and b and c\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::Cond).size(), 2u);
}

TEST(LowerShortCircuit, ConstantConditionalExpressionPicksOneBranch) {
  Lowered l = lower_clean("N = 2\ndef f(x):\n    return x if N > 1 else print(x)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(returned(f), f.body.args[0]);
  EXPECT_TRUE(nodes_with(f, OpCode::Print).empty());
}

TEST(LowerShortCircuit, RuntimeConditionalExpressionIsACond) {
  Lowered l = lower_clean("def f(x):\n    return 1 if x else 2.5\n");
  const Function& f = function(l, "f");
  const Node* cond = def_of(f, returned(f));
  ASSERT_EQ(cond->op, OpCode::Cond);
  EXPECT_EQ(const_of(f, cond->regions[0].yields.at(0)), Literal(int64_t{1}));
  EXPECT_EQ(const_of(f, cond->regions[1].yields.at(0)), Literal(2.5));
}

TEST(LowerShortCircuit, ConstantChainedComparison) {
  Lowered l = lower_clean("def f():\n    return 1 < 2 <= 2 < 1\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(false));
}

TEST(LowerShortCircuit, ChainWithRuntimeLastLinkOnly) {
  Lowered l = lower_clean("def f(x):\n    return 0 < 1 < x\n");
  const Function& f = function(l, "f");
  const Node* less = def_of(f, returned(f));
  ASSERT_EQ(less->op, OpCode::Lt);
  EXPECT_EQ(less->inputs[1], f.body.args[0]);
}

TEST(LowerShortCircuit, RuntimeChainEvaluatesTheMiddleOnce) {
  Lowered l = lower_clean("import numpy as np\ndef f(x):\n    return 0 < np.sum(x) < 1\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::Sum).size(), 1u);
  const Node* cond = def_of(f, returned(f));
  ASSERT_EQ(cond->op, OpCode::Cond);
  EXPECT_EQ(def_of(f, cond->regions[0].yields.at(0))->op, OpCode::Lt);  // sum < 1
  EXPECT_EQ(cond->regions[1].yields.at(0), cond->inputs[0]);            // 0 < sum, false
}

TEST(LowerShortCircuit, ConstantMembershipFolds) {
  Lowered l = lower_clean("MODE = 2\ndef f():\n    return MODE in (1, 2), MODE not in (1, 2)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(LiteralTuple{Literal(true), Literal(false)}));
}

TEST(LowerShortCircuit, RuntimeMembershipIsAnEqualityChain) {
  Lowered l = lower_clean("def f(x):\n    return x in (1, 2), x not in (3,)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::Eq).size(), 3u);
  EXPECT_EQ(nodes_with(f, OpCode::Cond).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Truth).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Not).size(), 1u);
}

// Against a container known only at run time: one contains node.
TEST(LowerShortCircuit, MembershipInAValueIsAContainsNode) {
  Lowered l = lower_clean("def f(x, y):\n    return x in y, x not in y\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::Contains).size(), 2u);
  EXPECT_EQ(nodes_with(f, OpCode::Not).size(), 1u);
}

}  // namespace
}  // namespace pygraft::testing
