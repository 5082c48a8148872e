// and/or, conditional expressions, chained comparisons and `in`: lowered only
// when constant until cond nodes exist.
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

TEST(LowerShortCircuit, RuntimeOperandIsNotSupportedYet) {
  Lowered l = lower_source("def f(x, y):\n    return x and y\n");
  const Diagnostic* d = l.find("PG0214");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 12u);
  EXPECT_NE(d->message.find("not supported yet"), std::string::npos) << d->message;
}

TEST(LowerShortCircuit, ConstantConditionalExpressionPicksOneBranch) {
  Lowered l = lower_clean("N = 2\ndef f(x):\n    return x if N > 1 else print(x)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(returned(f), f.body.args[0]);
  EXPECT_TRUE(nodes_with(f, OpCode::Print).empty());
}

TEST(LowerShortCircuit, RuntimeConditionalExpressionIsNotSupportedYet) {
  Lowered l = lower_source("def f(x):\n    return 1 if x else 2\n");
  EXPECT_TRUE(l.has_code("PG0214")) << l.describe();
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

TEST(LowerShortCircuit, RuntimeChainIsNotSupportedYet) {
  Lowered l = lower_source("def f(x):\n    return 0 < x < 1\n");
  EXPECT_TRUE(l.has_code("PG0214")) << l.describe();
}

TEST(LowerShortCircuit, ConstantMembershipFolds) {
  Lowered l = lower_clean("MODE = 2\ndef f():\n    return MODE in (1, 2), MODE not in (1, 2)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(LiteralTuple{Literal(true), Literal(false)}));
}

TEST(LowerShortCircuit, RuntimeMembershipIsNotSupportedYet) {
  Lowered l = lower_source("def f(x):\n    return x in (1, 2)\n");
  const Diagnostic* d = l.find("PG0214");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_NE(d->message.find("not supported yet"), std::string::npos) << d->message;
}

}  // namespace
}  // namespace pygraft::testing
