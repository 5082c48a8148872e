// PG0501 maybe-unbound and PG0502 unreachable code, marked inline.
#include "analysis_test_util.h"

namespace pygraft::analysis_test {
namespace {

TEST(AnalysisWarnings, MaybeUnboundAfterOneBranch) {
  expect_markers(
      "def f(a):\n"
      "    if a > 0:\n"
      "        y = 1\n"
      "    return y  # expect: PG0501\n");
}

TEST(AnalysisWarnings, BoundOnEveryPathIsQuiet) {
  expect_markers(
      "def f(a):\n"
      "    if a > 0:\n"
      "        y = 1\n"
      "    else:\n"
      "        y = 2\n"
      "    return y\n");
}

TEST(AnalysisWarnings, MaybeUnboundAfterALoopThatMayNotRun) {
  expect_markers(
      "def f(n):\n"
      "    for i in range(n):\n"
      "        last = i\n"
      "    return last + i  # expect: PG0501 expect: PG0501\n");
}

TEST(AnalysisWarnings, ReadBeforeAssignmentInLoopIsMaybeUnbound) {
  expect_markers(
      "def f(n):\n"
      "    i = 0\n"
      "    while i < n:\n"
      "        if i > 0:\n"
      "            print(prev)  # expect: PG0501\n"
      "        prev = i\n"
      "        i += 1\n"
      "    return i\n");
}

TEST(AnalysisWarnings, NeverBoundIsLeftToTheLowering) {
  // `zzz` is bound nowhere: PG0301 comes from the IR lowering, not here.
  expect_markers(
      "def f(a):\n"
      "    return a + 1\n");
}

TEST(AnalysisWarnings, EarlyReturnPathsDoNotCount) {
  expect_markers(
      "def f(a):\n"
      "    if a > 0:\n"
      "        y = 1\n"
      "    else:\n"
      "        return 0\n"
      "    return y\n");
}

TEST(AnalysisWarnings, UnreachableAfterReturnBreakContinue) {
  expect_markers(
      "def f(n):\n"
      "    for i in range(n):\n"
      "        if i == 2:\n"
      "            break\n"
      "            i = 5  # expect: PG0502\n"
      "        continue\n"
      "        print(i)  # expect: PG0502\n"
      "    return n\n"
      "    n = 1  # expect: PG0502\n");
}

}  // namespace
}  // namespace pygraft::analysis_test
