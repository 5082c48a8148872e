// if / elif / else -> cond nodes: both branches kept, outputs, undef for a
// name one branch does not bind, constant conditions folded.
#include "graph/printer.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

const Node& only_cond(const Function& f) {
  std::vector<const Node*> conds = nodes_with(f, OpCode::Cond);
  EXPECT_EQ(conds.size(), 1u) << print_function(f);
  static const Node empty;
  return conds.empty() ? empty : *conds[0];
}

bool region_has(const Region& region, OpCode op) {
  std::vector<const Node*> nodes;
  collect_nodes(region, nodes);
  for (const Node* node : nodes)
    if (node->op == op) return true;
  return false;
}

TEST(ControlFlowIf, BothBranchesAreKept) {
  Lowered l = lower_clean(
      "import numpy as np\n"
      "def f(x):\n    if x.sum() > 0:\n        y = np.exp(x)\n    else:\n        y = np.tanh(x)\n"
      "    return y\n");
  const Function& f = function(l, "f");
  const Node& cond = only_cond(f);
  ASSERT_EQ(cond.regions.size(), 2u);
  EXPECT_TRUE(region_has(cond.regions[0], OpCode::Exp));
  EXPECT_TRUE(region_has(cond.regions[1], OpCode::Tanh));
  ASSERT_EQ(cond.outputs.size(), 1u);
  EXPECT_EQ(returned(f), cond.outputs[0]);
  EXPECT_EQ(def_of(f, cond.inputs[0])->op, OpCode::Gt);
}

TEST(ControlFlowIf, BranchWithoutAssignmentYieldsIncomingValue) {
  Lowered l = lower_clean("def f(x, y):\n    if x:\n        y = y + 1\n    return y\n");
  const Function& f = function(l, "f");
  const Node& cond = only_cond(f);
  ASSERT_EQ(cond.outputs.size(), 1u);
  ASSERT_EQ(cond.regions[1].yields.size(), 1u);
  EXPECT_EQ(cond.regions[1].yields[0], f.body.args[1]);
  EXPECT_EQ(def_of(f, cond.regions[0].yields[0])->op, OpCode::Add);
}

TEST(ControlFlowIf, NameBoundInOneBranchIsUndefInTheOther) {
  Lowered l = lower_source("def f(x):\n    if x > 0:\n        z = 1.5\n    return z\n");
  EXPECT_TRUE(l.has_code("PG0501")) << l.describe();  // a warning: z may be unbound
  EXPECT_FALSE(l.has_errors());
  const Function& f = function(l, "f");
  const Node& cond = only_cond(f);
  const Node* undef = def_of(f, cond.regions[1].yields.at(0));
  ASSERT_NE(undef, nullptr);
  EXPECT_EQ(undef->op, OpCode::Undef);
  EXPECT_EQ(*undef->attr("name"), Literal(std::string("z")));
  EXPECT_EQ(const_of(f, cond.regions[0].yields.at(0)), Literal(1.5));
}

TEST(ControlFlowIf, ElifChainNestsInTheElseRegion) {
  Lowered l = lower_clean(
      "def f(x):\n    if x < 0:\n        s = -1\n    elif x == 0:\n        s = 0\n"
      "    else:\n        s = 1\n    return s\n");
  const Function& f = function(l, "f");
  ASSERT_EQ(f.body.nodes.back().op, OpCode::Cond) << print_function(f);
  const Node& outer = f.body.nodes.back();
  EXPECT_TRUE(region_has(outer.regions[1], OpCode::Cond));
  EXPECT_FALSE(region_has(outer.regions[0], OpCode::Cond));
  EXPECT_EQ(nodes_with(f, OpCode::Cond).size(), 2u);
}

TEST(ControlFlowIf, UnusedOutputsAreRemoved) {
  Lowered l = lower_clean(
      "def f(x):\n    y = 0\n    if x:\n        y = 1\n        t = 2\n    else:\n        t = 3\n"
      "    return y\n");
  const Node& cond = only_cond(function(l, "f"));
  EXPECT_EQ(cond.outputs.size(), 1u);
  EXPECT_EQ(cond.regions[0].yields.size(), 1u);
  EXPECT_EQ(cond.regions[1].yields.size(), 1u);
}

TEST(ControlFlowIf, UnusedCondThatCannotRaiseIsDropped) {
  Lowered l = lower_clean(
      "def f(x):\n    c = float(x)\n    if c > 0.5:\n        t = c * 2.0\n    return x\n");
  EXPECT_TRUE(nodes_with(function(l, "f"), OpCode::Cond).empty());
}

TEST(ControlFlowIf, UnusedCondStaysWhenItsTruthMayRaise) {
  // `if x:` raises for an array of several elements (SPEC §3: checks stay).
  Lowered l = lower_clean("def f(x):\n    if x:\n        t = 1.0\n    return x\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::Cond).size(), 1u);
}

TEST(ControlFlowIf, EffectsStayInsideTheirBranch) {
  Lowered l = lower_clean(
      "def f(x):\n    if x > 0:\n        print(x)\n    else:\n        assert x < -1, 'small'\n"
      "    return x\n");
  const Node& cond = only_cond(function(l, "f"));
  EXPECT_TRUE(region_has(cond.regions[0], OpCode::Print));
  EXPECT_TRUE(region_has(cond.regions[1], OpCode::Assert));
  EXPECT_EQ(cond.range.line, 2u);
}

TEST(ControlFlowIf, ConstantConditionKeepsOnlyTheLiveBranch) {
  Lowered l = lower_clean(
      "import numpy as np\nDEBUG = False\n"
      "def f(x):\n    if DEBUG and x:\n        y = np.exp(x)\n    else:\n        y = np.tanh(x)\n"
      "    return y\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(nodes_with(f, OpCode::Cond).empty());
  EXPECT_TRUE(nodes_with(f, OpCode::Exp).empty());
  EXPECT_EQ(nodes_with(f, OpCode::Tanh).size(), 1u);
}

TEST(ControlFlowIf, ConstantBranchMayReturn) {
  Lowered l = lower_source("N = 3\ndef f(x):\n    if N > 2:\n        return x\n    return -x\n");
  EXPECT_FALSE(l.has_errors()) << l.describe();
  const Function& f = function(l, "f");
  EXPECT_EQ(returned(f), f.body.args[0]);
}

TEST(ControlFlowIf, IsNoneOfAnArrayFolds) {
  Lowered l = lower_clean(
      "import numpy as np\n"
      "def f(x):\n    h = np.zeros(3)\n    if h is None:\n        h = x\n    return h\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(nodes_with(f, OpCode::Cond).empty());
  EXPECT_EQ(def_of(f, returned(f))->op, OpCode::Zeros);
}

TEST(ControlFlowIf, IsNoneOfAParameterIsACond) {
  Lowered l = lower_clean(
      "import numpy as np\n"
      "def f(x, h=None):\n    if h is None:\n        h = np.zeros(3)\n    return x + h\n");
  const Node& cond = only_cond(function(l, "f"));
  EXPECT_EQ(def_of(function(l, "f"), cond.inputs[0])->op, OpCode::IsNone);
}

TEST(ControlFlowIf, SubscriptAssignmentRebindsTheArray) {
  Lowered l = lower_clean("def f(x, i):\n    if i > 0:\n        x[0] = i\n    return x\n");
  const Function& f = function(l, "f");
  const Node& cond = only_cond(f);
  EXPECT_EQ(def_of(f, cond.regions[0].yields.at(0))->op, OpCode::SetItem);
  EXPECT_EQ(cond.regions[1].yields.at(0), f.body.args[0]);
}

}  // namespace
}  // namespace pygraft::testing
