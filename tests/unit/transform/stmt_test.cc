// Statements: return, assert, pass, unreachable code, unsupported control flow.
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

TEST(LowerStmt, FallingOffTheEndReturnsNone) {
  Lowered l = lower_clean("def f(x):\n    y = x\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(const_of(f, returned(f)).is_none());
}

TEST(LowerStmt, BareReturnIsNone) {
  Lowered l = lower_clean("def f(x):\n    return\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(const_of(f, returned(f)).is_none());
}

TEST(LowerStmt, ReturnOfSeveralValuesIsOneTuple) {
  Lowered l = lower_clean("def f(x, y):\n    return x, y\n");
  const Function& f = function(l, "f");
  const Node* tuple = def_of(f, returned(f));
  ASSERT_EQ(tuple->op, OpCode::MakeTuple);
  EXPECT_EQ(tuple->inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
}

TEST(LowerStmt, CodeAfterReturnWarnsOnceAndIsSkipped) {
  Lowered l = lower_source("def f(x):\n    return x\n    print(x)\n    print(x)\n");
  int count = 0;
  for (const Diagnostic& d : l.diagnostics) count += d.code() == "PG0502" ? 1 : 0;
  EXPECT_EQ(count, 1) << l.describe();
  const Diagnostic* d = l.find("PG0502");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::Warning);
  EXPECT_EQ(d->range.line, 3u);
  EXPECT_TRUE(nodes_with(function(l, "f"), OpCode::Print).empty());
}

TEST(LowerStmt, AssertWithMessage) {
  Lowered l = lower_clean("def f(x):\n    assert x > 0, 'x must be positive'\n    return x\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> asserts = nodes_with(f, OpCode::Assert);
  ASSERT_EQ(asserts.size(), 1u);
  EXPECT_EQ(*asserts[0]->attr("message"), Literal(std::string("x must be positive")));
  EXPECT_EQ(def_of(f, asserts[0]->inputs[0])->op, OpCode::Gt);
  EXPECT_EQ(asserts[0]->range.line, 2u);
}

TEST(LowerStmt, AssertMessageMustBeString) {
  Lowered l = lower_source("def f(x):\n    assert x, x\n");
  const Diagnostic* d = l.find("PG0208");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 15u);
}

TEST(LowerStmt, PassAndBareExpression) {
  Lowered l = lower_clean("def f(x):\n    pass\n    x + 1\n    return x\n");
  const Function& f = function(l, "f");
  // Unused, but x + 1 raises in Python for some x (None, a tuple): it stays.
  EXPECT_EQ(nodes_with(f, OpCode::Add).size(), 1u);
}

// The control-flow lowering itself is tested in control_flow_*_test.cc.
TEST(LowerStmt, ControlFlowStatementsLower) {
  Lowered l = lower_clean(
      "def f(x):\n    if x:\n        x = 1\n    while x:\n        x = 0\n"
      "    for i in range(3):\n        x = x + i\n    return x\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::Cond).size(), 1u);
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::Loop).size(), 2u);
}

}  // namespace
}  // namespace pygraft::testing
