#include "analysis_test_util.h"
#include "transform/analysis/reaching_definitions.h"

namespace pygraft::analysis_test {
namespace {

using transform::ReachingDefinitions;

TEST(AnalysisReachingDefinitions, ParametersAreBoundAtEntry) {
  ast::Module m = parse_clean("def f(a):\n    b = a\n    return b\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 2)), names({"a"}));
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 3)), names({"a", "b"}));
}

TEST(AnalysisReachingDefinitions, OneBranchMakesMaybeBound) {
  ast::Module m = parse_clean(
      "def f(a):\n"
      "    if a:\n"
      "        y = 1\n"
      "    else:\n"
      "        z = 2\n"
      "    return a\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 6)), names({"a"}));
  EXPECT_EQ(defs.maybe_bound_before(stmt_at(m, 6)), names({"a", "y", "z"}));
  EXPECT_EQ(defs.definitely_bound_after(stmt_at(m, 2)), names({"a"}));
}

TEST(AnalysisReachingDefinitions, BoundInBothBranchesIsDefinite) {
  ast::Module m = parse_clean(
      "def f(a):\n"
      "    if a:\n"
      "        y = 1\n"
      "    else:\n"
      "        y = 2\n"
      "    return y\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 6)), names({"a", "y"}));
}

TEST(AnalysisReachingDefinitions, LoopBodyMayRunZeroTimes) {
  ast::Module m = parse_clean(
      "def f(n):\n"
      "    for i in range(n):\n"
      "        last = i\n"
      "    return n\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 4)), names({"n"}));
  EXPECT_EQ(defs.maybe_bound_before(stmt_at(m, 4)), names({"i", "last", "n"}));
  // Inside the body the target is bound; `last` only from an earlier round.
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 3)), names({"i", "n"}));
}

TEST(AnalysisReachingDefinitions, ReturnInABranchKeepsTheOtherPath) {
  ast::Module m = parse_clean(
      "def f(a):\n"
      "    if a:\n"
      "        return 0\n"
      "    else:\n"
      "        y = 2\n"
      "    return y\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 6)), names({"a", "y"}));
}

TEST(AnalysisReachingDefinitions, BreakPathSkipsTheRestOfTheBody) {
  ast::Module m = parse_clean(
      "def f(n):\n"
      "    while n > 0:\n"
      "        if n == 3:\n"
      "            break\n"
      "        found = n\n"
      "        n -= 1\n"
      "    else:\n"
      "        found = -1\n"
      "    return found\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 9)), names({"n"}));
  EXPECT_EQ(defs.maybe_bound_before(stmt_at(m, 9)), names({"found", "n"}));
}

TEST(AnalysisReachingDefinitions, BoundBeforeEveryBreakOfWhileTrue) {
  ast::Module m = parse_clean(
      "def f(x, c):\n"
      "    while True:\n"
      "        y = x\n"
      "        if c:\n"
      "            z = 1\n"
      "            break\n"
      "        if x:\n"
      "            break\n"
      "    return y\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 9)), names({"c", "x", "y"}));
  EXPECT_EQ(defs.maybe_bound_before(stmt_at(m, 9)), names({"c", "x", "y", "z"}));
}

TEST(AnalysisReachingDefinitions, WhileWithAVariableTestMayEndBeforeTheBody) {
  ast::Module m = parse_clean(
      "def f(x, c):\n"
      "    while c:\n"
      "        y = x\n"
      "        break\n"
      "    return y\n");
  ReachingDefinitions defs = ReachingDefinitions::compute(m.functions[0]);
  EXPECT_EQ(defs.definitely_bound_before(stmt_at(m, 5)), names({"c", "x"}));
}

}  // namespace
}  // namespace pygraft::analysis_test
