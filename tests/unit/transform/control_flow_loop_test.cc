// while -> loop nodes: carried values as region arguments, undef initial
// values for names first bound in the body, nesting.
#include "graph/printer.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

std::vector<const Node*> loops(const Function& f) {
  return nodes_with(f, OpCode::Loop);
}

TEST(ControlFlowWhile, CarriedValuesAreRegionArguments) {
  Lowered l = lower_clean(
      "def f(n):\n    i = 0\n    s = 0.0\n    while i < n:\n        s = s + i\n        i += 1\n"
      "    return s\n");
  const Function& f = function(l, "f");
  ASSERT_EQ(loops(f).size(), 1u) << print_function(f);
  const Node& loop = *loops(f)[0];
  ASSERT_EQ(loop.regions.size(), 2u);
  const Region& cond = loop.regions[0];
  const Region& body = loop.regions[1];
  ASSERT_EQ(loop.inputs.size(), 2u);  // i, s (sorted by name)
  EXPECT_EQ(cond.args.size(), 2u);
  EXPECT_EQ(body.args.size(), 2u);
  EXPECT_EQ(body.yields.size(), 2u);
  ASSERT_EQ(cond.yields.size(), 1u);
  const Node* less = def_of(f, cond.yields[0]);
  EXPECT_EQ(less->op, OpCode::Lt);
  EXPECT_EQ(less->inputs[0], cond.args[0]);
  EXPECT_EQ(less->inputs[1], f.body.args[0]);  // n used directly from the enclosing region
  EXPECT_EQ(returned(f), loop.outputs[1]);
  EXPECT_EQ(const_of(f, loop.inputs[1]), Literal(0.0));
}

TEST(ControlFlowWhile, NameFirstBoundInTheBodyStartsUndef) {
  Lowered l = lower_source(
      "def f(n):\n    while n > 0:\n        last = n\n        n = n - 1\n    return last\n");
  EXPECT_FALSE(l.has_errors()) << l.describe();
  const Function& f = function(l, "f");
  const Node& loop = *loops(f).at(0);
  const Node* init = def_of(f, loop.inputs.at(0));  // last
  ASSERT_NE(init, nullptr);
  EXPECT_EQ(init->op, OpCode::Undef);
  EXPECT_EQ(*init->attr("name"), Literal(std::string("last")));
  EXPECT_EQ(returned(f), loop.outputs[0]);
}

TEST(ControlFlowWhile, ConditionIsEvaluatedInTheCondRegion) {
  Lowered l = lower_clean(
      "import numpy as np\n"
      "def f(x):\n    while np.abs(x).max() > 1.0:\n        x = x / 2\n    return x\n");
  const Function& f = function(l, "f");
  const Node& loop = *loops(f).at(0);
  std::vector<const Node*> cond_nodes;
  collect_nodes(loop.regions[0], cond_nodes);
  bool has_abs = false;
  for (const Node* node : cond_nodes) has_abs |= node->op == OpCode::Abs;
  EXPECT_TRUE(has_abs);
  EXPECT_TRUE(f.body.nodes.size() <= 2u) << print_function(f);  // nothing hoisted
}

TEST(ControlFlowWhile, WhileFalseEmitsNoLoop) {
  Lowered l = lower_clean(
      "def f(x):\n    while False:\n        x = x + 1\n    else:\n        x = x * 2\n    return "
      "x\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(loops(f).empty());
  EXPECT_EQ(def_of(f, returned(f))->op, OpCode::Mul);
}

TEST(ControlFlowWhile, ElseRunsAfterTheLoop) {
  Lowered l = lower_clean(
      "def f(n):\n    while n > 0:\n        n = n - 1\n    else:\n        n = n + 10\n    return "
      "n\n");
  const Function& f = function(l, "f");
  const Node* add = def_of(f, returned(f));
  ASSERT_EQ(add->op, OpCode::Add);
  EXPECT_EQ(add->inputs[0], loops(f).at(0)->outputs[0]);
}

TEST(ControlFlowWhile, SubscriptAugAssignIsCarried) {
  Lowered l = lower_clean("def f(y, n):\n    while y[0] < n:\n        y[0] += 1\n    return y\n");
  const Function& f = function(l, "f");
  const Node& loop = *loops(f).at(0);
  ASSERT_EQ(loop.inputs.size(), 1u);
  EXPECT_EQ(loop.inputs[0], f.body.args[0]);
  EXPECT_EQ(def_of(f, loop.regions[1].yields[0])->op, OpCode::SetItem);
}

TEST(ControlFlowWhile, NestedLoopWithCond) {
  Lowered l = lower_clean(
      "def f(n):\n    total = 0\n    i = 0\n    while i < n:\n        j = 0\n"
      "        while j < i:\n            if (i + j) % 2 == 0:\n                total += j\n"
      "            j += 1\n        i += 1\n    return total\n");
  const Function& f = function(l, "f");
  ASSERT_EQ(loops(f).size(), 2u) << print_function(f);
  const Node& outer = *loops(f)[0];
  std::vector<const Node*> inner_nodes;
  collect_nodes(outer.regions[1], inner_nodes);
  size_t inner_loops = 0, conds = 0;
  for (const Node* node : inner_nodes) {
    inner_loops += node->op == OpCode::Loop;
    conds += node->op == OpCode::Cond;
  }
  EXPECT_EQ(inner_loops, 1u);
  EXPECT_EQ(conds, 1u);
}

TEST(ControlFlowWhile, PrintInsideTheBodyIsKept) {
  Lowered l =
      lower_clean("def f(n):\n    while n > 0:\n        print(n)\n        n -= 1\n    return 0\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(loops(f).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Print).size(), 1u);
}

TEST(ControlFlowWhile, UnusedLoopStays) {
  // k > n may raise, and removing a loop could end a program that never ends.
  Lowered l = lower_clean("def f(n):\n    k = 5\n    while k > n:\n        k -= 1\n    return n\n");
  EXPECT_EQ(loops(function(l, "f")).size(), 1u);
}

}  // namespace
}  // namespace pygraft::testing
