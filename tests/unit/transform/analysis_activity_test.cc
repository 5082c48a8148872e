#include "analysis_test_util.h"
#include "transform/analysis/activity.h"

namespace pygraft::analysis_test {
namespace {

using transform::part_activity;
using transform::StmtPart;

TEST(AnalysisActivity, AssignReadsValueWritesTargets) {
  ast::Module m = parse_clean("def f(a, b):\n    x, y = a + b, a\n    return x\n");
  transform::Activity act = part_activity(stmt_at(m, 2), StmtPart::Whole);
  EXPECT_EQ(act.reads, names({"a", "b"}));
  EXPECT_EQ(act.writes, names({"x", "y"}));
}

TEST(AnalysisActivity, AugAssignReadsAndWrites) {
  ast::Module m = parse_clean("def f(s, v):\n    s += v\n    return s\n");
  transform::Activity act = part_activity(stmt_at(m, 2), StmtPart::Whole);
  EXPECT_EQ(act.reads, names({"s", "v"}));
  EXPECT_EQ(act.writes, names({"s"}));
}

TEST(AnalysisActivity, SubscriptAssignReadsAndWritesTheArray) {
  ast::Module m = parse_clean("def f(x, i, v):\n    x[i] = v\n    return x\n");
  transform::Activity act = part_activity(stmt_at(m, 2), StmtPart::Whole);
  EXPECT_EQ(act.reads, names({"x", "i", "v"}));
  EXPECT_EQ(act.writes, names({"x"}));
}

TEST(AnalysisActivity, ForTargetWrittenByTheStepIterableReadOnce) {
  ast::Module m = parse_clean("def f(xs):\n    for i, x in enumerate(xs):\n        pass\n");
  const ast::Stmt& loop = stmt_at(m, 2);
  EXPECT_EQ(part_activity(loop, StmtPart::ForIter).reads, names({"enumerate", "xs"}));
  EXPECT_EQ(part_activity(loop, StmtPart::ForNext).writes, names({"i", "x"}));
  EXPECT_TRUE(part_activity(loop, StmtPart::ForNext).reads.empty());
}

TEST(AnalysisActivity, CallsReadTheirArguments) {
  ast::Module m = parse_clean("import numpy as np\ndef f(a, k):\n    np.sum(a, axis=k)\n");
  EXPECT_EQ(part_activity(stmt_at(m, 3), StmtPart::Whole).reads, names({"np", "a", "k"}));
}

TEST(AnalysisActivity, AnnotationWithoutValueBindsNothing) {
  ast::Module m = parse_clean("def f():\n    t: float\n    u: float = 1.0\n");
  EXPECT_TRUE(part_activity(stmt_at(m, 2), StmtPart::Whole).writes.empty());
  EXPECT_EQ(part_activity(stmt_at(m, 3), StmtPart::Whole).writes, names({"u"}));
}

TEST(AnalysisActivity, ModifiedNamesIncludesNestedBlocks) {
  ast::Module m = parse_clean(
      "def f(n, out):\n"
      "    total = 0\n"
      "    for i in range(n):\n"
      "        if i > 2:\n"
      "            out[i] = i\n"
      "        else:\n"
      "            while total < 3:\n"
      "                total += 1\n");
  EXPECT_EQ(transform::modified_names(m.functions[0].body), names({"total", "i", "out"}));
}

}  // namespace
}  // namespace pygraft::analysis_test
