// The pass pipeline: DCE, const de-duplication, value compaction, the
// after_pass hook, and golden --emit text output.
#include "graph/printer.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

TEST(Pipeline, DceRemovesUnusedChainsThatCannotRaise) {
  // np.exp(x) raises for some x (None): it stays; the float array arithmetic
  // on its result cannot raise: it goes.
  Lowered l =
      lower_clean("import numpy as np\ndef f(x):\n    y = np.exp(x) * 2.0 + 1\n    return x\n");
  const Function& f = function(l, "f");
  ASSERT_EQ(all_nodes(f).size(), 2u) << print_module(l.module);
  EXPECT_EQ(all_nodes(f)[0]->op, OpCode::UfuncOperand);
  EXPECT_EQ(all_nodes(f)[1]->op, OpCode::Exp);
}

TEST(Pipeline, DceKeepsEffects) {
  Lowered l = lower_clean(
      "def g(x):\n    return x\n"
      "def f(x):\n    g(x)\n    print(x)\n    assert x\n    y = z\n    z = 1\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::Call).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Print).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Assert).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Undef).size(), 1u);  // UnboundLocalError must still happen
}

TEST(Pipeline, ConstantsAreDeduplicated) {
  Lowered l = lower_clean("def f(x):\n    return x + 1, x - 1, x * 1.0\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> consts = nodes_with(f, OpCode::Const);
  ASSERT_EQ(consts.size(), 2u);  // 1 and 1.0 are different literals
  const Node* add = nodes_with(f, OpCode::Add)[0];
  const Node* sub = nodes_with(f, OpCode::Sub)[0];
  EXPECT_EQ(add->inputs[1], sub->inputs[1]);
  EXPECT_EQ(add->inputs[1], consts[0]->outputs[0]);  // the first one stays
}

TEST(Pipeline, NegativeZeroIsNotMergedWithZero) {
  Lowered l = lower_clean("def f(x):\n    return x + 0.0, x + -0.0\n");
  EXPECT_EQ(nodes_with(function(l, "f"), OpCode::Const).size(), 2u);
}

TEST(Pipeline, ValuesAreDenseAfterPasses) {
  Lowered l = lower_clean("def f(x):\n    a = x + 1\n    b = a * 2\n    c = b - 3\n    return a\n");
  const Function& f = function(l, "f");
  uint32_t defined = static_cast<uint32_t>(f.body.args.size());
  for (const Node* node : all_nodes(f)) defined += static_cast<uint32_t>(node->outputs.size());
  EXPECT_EQ(f.num_values, defined);
  EXPECT_EQ(f.value_names.size(), f.num_values);
  EXPECT_EQ(f.value_names.at(returned(f)), "a");
}

TEST(Pipeline, AfterPassHookSeesEveryStage) {
  std::vector<std::string> stages;
  std::vector<size_t> node_counts;
  LowerOptions options;
  options.after_pass = [&](std::string_view pass, const Module& module) {
    stages.emplace_back(pass);
    node_counts.push_back(module.functions.at(0).body.nodes.size());
  };
  lower_clean("def f(x):\n    y = x > 1\n    z = 1.5 < 2.5\n    return x\n", options);
  EXPECT_EQ(stages,
            (std::vector<std::string>{"build", "fuse-transposed-matmul", "dce", "fuse-elementwise",
                                      "merge-fused-readers", "const-dedup", "compact-values"}));
  ASSERT_EQ(node_counts.size(), 7u);
  EXPECT_EQ(node_counts[0], 5u);  // const 1, greater; consts 1.5, 2.5 and the folded True
  EXPECT_EQ(node_counts[1], 5u);  // no transpose to fuse
  EXPECT_EQ(node_counts[2], 2u);  // x > 1 may raise: it stays with its operand
  EXPECT_EQ(node_counts[3], 2u);  // no elementwise chain
  EXPECT_EQ(node_counts[4], 2u);  // no fused node to merge
}

TEST(Pipeline, PassesAreSkippedAfterErrors) {
  std::vector<std::string> stages;
  LowerOptions options;
  options.after_pass = [&](std::string_view pass, const Module&) { stages.emplace_back(pass); };
  Lowered l = lower_source("def f(x):\n    return undefined_name\n", options);
  EXPECT_TRUE(l.has_errors());
  EXPECT_TRUE(stages.empty());
}

TEST(Pipeline, GoldenTextOfStraightLineFunction) {
  Lowered l = lower_clean(
      "import numpy as np\n"
      "def f(x, axis=-1):\n"
      "    m = np.max(x, axis=axis, keepdims=True)\n"
      "    e = np.exp(x - m)\n"
      "    e[0] += 1.0\n"
      "    return e / e.sum(axis=axis, keepdims=True)\n");
  PrintOptions options;
  options.locations = false;
  EXPECT_EQ(print_module(l.module, options),
            "func @f(%x, %axis = -1) {\n"
            "  %2 = const True\n"
            "  %m = max(%x, axis=%axis, keepdims=%2)\n"
            "  %e = fused_elementwise(%x, %m) {program=(('subtract', 0, 1), "
            "('ufunc_operand', 2), ('exp', 3))}\n"
            "  %5 = const 0\n"
            "  %6 = getitem(%e, %5) {index=(0,)}\n"
            "  %7 = const 1.0\n"
            "  %8 = add(%6, %7)\n"
            "  %9 = inplace_result(%6, %8) {ufunc='add'}\n"
            "  %e.1 = setitem(%e, %9, %5) {index=(0,)}\n"
            "  %11 = const None\n"
            "  %12 = array_receiver(%e.1) {name='sum'}\n"
            "  %13 = sum(%12, axis=%axis, dtype=%11, keepdims=%2)\n"
            "  %14 = true_divide(%e.1, %13)\n"
            "  return %14\n"
            "}\n");
}

}  // namespace
}  // namespace pygraft::testing
