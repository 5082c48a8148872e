// Assignments: SSA renaming, unpacking, augmented and subscript assignment.
#include "graph/index_layout.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

TEST(LowerAssign, RebindingRenamesAndRecordsNames) {
  Lowered l = lower_clean("def f(x):\n    y = x + 1\n    y = y * x\n    return y\n");
  const Function& f = function(l, "f");
  const Node* mul = def_of(f, returned(f));
  ASSERT_EQ(mul->op, OpCode::Mul);
  const Node* add = def_of(f, mul->inputs[0]);
  ASSERT_EQ(add->op, OpCode::Add);
  EXPECT_EQ(f.value_names.at(add->outputs[0]), "y");
  EXPECT_EQ(f.value_names.at(mul->outputs[0]), "y");
  EXPECT_EQ(f.value_names.at(f.body.args[0]), "x");
}

TEST(LowerAssign, ChainedAssignmentSharesTheValue) {
  Lowered l = lower_clean("def f(x):\n    a = b = x + 1\n    return a - b\n");
  const Function& f = function(l, "f");
  const Node* sub = def_of(f, returned(f));
  EXPECT_EQ(sub->inputs[0], sub->inputs[1]);
}

TEST(LowerAssign, AnnotatedAssignment) {
  Lowered l = lower_clean("def f(x):\n    t: float = 0.5\n    return x + t\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, def_of(f, returned(f))->inputs[1]), Literal(0.5));
}

TEST(LowerAssign, UnpackingATupleLiteralUsesItsElements) {
  Lowered l = lower_clean("def f(x, y):\n    a, b = y, x\n    return a - b\n");
  const Function& f = function(l, "f");
  const Node* sub = def_of(f, returned(f));
  EXPECT_EQ(sub->inputs, (std::vector<ValueId>{f.body.args[1], f.body.args[0]}));
  EXPECT_TRUE(nodes_with(f, OpCode::MakeTuple).empty());  // removed by DCE
}

TEST(LowerAssign, UnpackingAValueUsesGetitem) {
  Lowered l = lower_clean(
      "def g(x):\n    return x, x\n"
      "def f(x):\n    (a, [b, c]), d = g(x)\n    return c\n");
  const Function& f = function(l, "f");
  const Node* c = def_of(f, returned(f));
  ASSERT_EQ(c->op, OpCode::GetItem);
  EXPECT_EQ(*c->attr("index"), Literal(LiteralTuple{Literal(index_layout::kValue)}));
  EXPECT_EQ(const_of(f, c->inputs[1]), Literal(int64_t{1}));
  const Node* inner = def_of(f, c->inputs[0]);
  ASSERT_EQ(inner->op, OpCode::GetItem);
  EXPECT_EQ(const_of(f, inner->inputs[1]), Literal(int64_t{1}));  // [b, c]
  const Node* outer = def_of(f, inner->inputs[0]);
  ASSERT_EQ(outer->op, OpCode::GetItem);
  EXPECT_EQ(const_of(f, outer->inputs[1]), Literal(int64_t{0}));  // (a, [b, c])
  EXPECT_EQ(def_of(f, outer->inputs[0])->op, OpCode::Call);
  EXPECT_EQ(f.value_names.at(c->outputs[0]), "c");
}

TEST(LowerAssign, KnownLengthMismatchIsReported) {
  Lowered l = lower_source("def f(x):\n    a, b = x, x, x\n    return a\n");
  const Diagnostic* d = l.find("PG0402");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 2u);
  EXPECT_EQ(d->range.column, 5u);
}

TEST(LowerAssign, AugmentedAssignmentUsesInplaceResult) {
  Lowered l = lower_clean("def f(x, v):\n    x += v\n    return x\n");
  const Function& f = function(l, "f");
  const Node* result = def_of(f, returned(f));
  ASSERT_EQ(result->op, OpCode::InPlaceResult);
  EXPECT_EQ(result->inputs[0], f.body.args[0]);
  const Node* add = def_of(f, result->inputs[1]);
  ASSERT_EQ(add->op, OpCode::Add);
  EXPECT_EQ(add->inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
  EXPECT_EQ(f.value_names.at(result->outputs[0]), "x");
}

TEST(LowerAssign, AugmentedAssignmentOnConstantFolds) {
  Lowered l = lower_clean("def f():\n    n = 2\n    n *= 3\n    return n\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(int64_t{6}));
}

TEST(LowerAssign, SubscriptAssignmentRebindsToSetitem) {
  Lowered l = lower_clean("def f(x, i, v):\n    x[i] = v\n    return x\n");
  const Function& f = function(l, "f");
  const Node* set = def_of(f, returned(f));
  ASSERT_EQ(set->op, OpCode::SetItem);
  EXPECT_EQ(set->inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[2], f.body.args[1]}));
  EXPECT_EQ(*set->attr("index"), Literal(LiteralTuple{Literal(index_layout::kValue)}));
  EXPECT_EQ(f.value_names.at(set->outputs[0]), "x");
}

// x[m] -= 1 is t = x[m]; t -= 1; x[m] = t: the in-place operator on the
// element or view refuses an unsafe cast as `x -= 1` does.
TEST(LowerAssign, SubscriptAugmentedAssignment) {
  Lowered l = lower_clean("def f(x, m):\n    x[m] -= 1\n    return x\n");
  const Function& f = function(l, "f");
  const Node* set = def_of(f, returned(f));
  ASSERT_EQ(set->op, OpCode::SetItem);
  const Node* inplace = def_of(f, set->inputs[1]);
  ASSERT_EQ(inplace->op, OpCode::InPlaceResult);
  EXPECT_EQ(*inplace->attr("ufunc"), Literal(std::string("subtract")));
  const Node* sub = def_of(f, inplace->inputs[1]);
  ASSERT_EQ(sub->op, OpCode::Sub);
  EXPECT_EQ(inplace->inputs[0], sub->inputs[0]);
  const Node* get = def_of(f, sub->inputs[0]);
  ASSERT_EQ(get->op, OpCode::GetItem);
  EXPECT_EQ(get->inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
  EXPECT_EQ(set->inputs[2], f.body.args[1]);
}

TEST(LowerAssign, SubscriptOfModuleConstantIsReadOnly) {
  Lowered l = lower_source("T = (1, 2)\ndef f():\n    T[0] = 1\n");
  const Diagnostic* d = l.find("PG0404");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 5u);
}

TEST(LowerAssign, ParameterShadowingImportWarns) {
  Lowered l = lower_source("import numpy as np\ndef f(np):\n    return np\n");
  const Diagnostic* d = l.find("PG0503");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->severity, Severity::Warning);
  EXPECT_EQ(d->range.column, 7u);
  EXPECT_FALSE(l.has_errors()) << l.describe();
}

TEST(LowerAssign, LocalShadowingImportWarnsOnce) {
  Lowered l = lower_source("import math\ndef f(x):\n    math = x\n    math = x\n    return math\n");
  int count = 0;
  for (const Diagnostic& d : l.diagnostics) count += d.code() == "PG0503" ? 1 : 0;
  EXPECT_EQ(count, 1) << l.describe();
}

}  // namespace
}  // namespace pygraft::testing
