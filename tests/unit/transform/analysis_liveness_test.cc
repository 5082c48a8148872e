#include "analysis_test_util.h"
#include "transform/analysis/liveness.h"

namespace pygraft::analysis_test {
namespace {

using transform::Liveness;

TEST(AnalysisLiveness, StraightLine) {
  ast::Module m = parse_clean(
      "def f(a, b):\n"
      "    c = a + 1\n"
      "    d = c * b\n"
      "    return d\n");
  Liveness live = Liveness::compute(m.functions[0]);
  EXPECT_EQ(live.live_before(stmt_at(m, 2)), names({"a", "b"}));
  EXPECT_EQ(live.live_after(stmt_at(m, 2)), names({"b", "c"}));
  EXPECT_EQ(live.live_after(stmt_at(m, 3)), names({"d"}));
  EXPECT_TRUE(live.live_after(stmt_at(m, 4)).empty());
  EXPECT_EQ(live.live_at_entry(), names({"a", "b"}));
}

TEST(AnalysisLiveness, BranchesUnion) {
  ast::Module m = parse_clean(
      "def f(a, b, c):\n"
      "    if a:\n"
      "        x = b\n"
      "    else:\n"
      "        x = c\n"
      "    return x\n");
  Liveness live = Liveness::compute(m.functions[0]);
  EXPECT_EQ(live.live_before(stmt_at(m, 2)), names({"a", "b", "c"}));
  EXPECT_EQ(live.live_after(stmt_at(m, 2)), names({"x"}));
  EXPECT_EQ(transform::cond_outputs(stmt_at(m, 2), live), names({"x"}));
}

TEST(AnalysisLiveness, WhileLoopCarriedValues) {
  ast::Module m = parse_clean(
      "def f(n, x):\n"
      "    s = 0\n"
      "    t = 0\n"
      "    i = 0\n"
      "    while i < n:\n"
      "        t = i * 2\n"
      "        s = s + t\n"
      "        i += 1\n"
      "    return s\n");
  Liveness live = Liveness::compute(m.functions[0]);
  const ast::Stmt& loop = stmt_at(m, 5);
  EXPECT_EQ(live.live_before(loop), names({"i", "n", "s"}));
  EXPECT_EQ(live.live_after(loop), names({"s"}));
  // t is modified in the body but dead at the header and after the loop.
  EXPECT_EQ(transform::loop_carried(loop, live), names({"i", "s"}));
}

TEST(AnalysisLiveness, ForLoopIterableIsNotLiveInsideTheLoop) {
  ast::Module m = parse_clean(
      "def f(xs):\n"
      "    h = 0.0\n"
      "    for x in xs:\n"
      "        h = h + x\n"
      "    return h\n");
  Liveness live = Liveness::compute(m.functions[0]);
  const ast::Stmt& loop = stmt_at(m, 3);
  EXPECT_EQ(live.live_before(loop), names({"h", "xs"}));
  EXPECT_EQ(live.live_at_header(loop), names({"h"}));
  EXPECT_EQ(transform::loop_carried(loop, live), names({"h"}));
}

TEST(AnalysisLiveness, ForTargetLiveAfterTheLoopIsCarried) {
  ast::Module m = parse_clean(
      "def f(n):\n"
      "    i = -1\n"
      "    for i in range(n):\n"
      "        pass\n"
      "    return i\n");
  Liveness live = Liveness::compute(m.functions[0]);
  EXPECT_EQ(transform::loop_carried(stmt_at(m, 3), live), names({"i"}));
}

TEST(AnalysisLiveness, SubscriptAssignKeepsTheArrayLive) {
  ast::Module m = parse_clean(
      "def f(out, n):\n"
      "    for t in range(n):\n"
      "        out[t] = t\n"
      "    return 0\n");
  Liveness live = Liveness::compute(m.functions[0]);
  EXPECT_EQ(without(live.live_at_header(stmt_at(m, 2)), {}), names({"out"}));
  EXPECT_TRUE(live.live_after(stmt_at(m, 2)).empty());
}

TEST(AnalysisLiveness, BreakAndContinueEdges) {
  ast::Module m = parse_clean(
      "def f(xs, a):\n"
      "    r = 0\n"
      "    for x in xs:\n"
      "        if x > a:\n"
      "            r = x\n"
      "            break\n"
      "        a = a + 1\n"
      "    return r\n");
  Liveness live = Liveness::compute(m.functions[0]);
  EXPECT_EQ(live.live_after(stmt_at(m, 5)), names({"r"}));
  EXPECT_EQ(live.live_at_header(stmt_at(m, 3)), names({"a", "r"}));
}

}  // namespace
}  // namespace pygraft::analysis_test
