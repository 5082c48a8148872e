// Chains longer than kMaxChainNesting (transform/nesting_limits.h) nest a
// bounded number of regions in the graph, however long they are; the values
// are checked by tests/cases/cf_long_chains.py and tests/robustness.
#include <algorithm>
#include <string>

#include "lower_test_util.h"
#include "transform/nesting_limits.h"

namespace pygraft::testing {
namespace {

size_t region_depth(const Region& region) {
  size_t deepest = 0;
  for (const Node& node : region.nodes) {
    for (const Region& inner : node.regions) deepest = std::max(deepest, 1 + region_depth(inner));
  }
  return deepest;
}

size_t depth_of(const std::string& source) {
  Lowered lowered = lower_clean(source);
  if (lowered.module.functions.empty()) return 0;
  return region_depth(lowered.module.functions.front().body);
}

constexpr size_t kBound = transform::kMaxChainNesting + 2;

TEST(LongChains, ElifChainNestsBoundedly) {
  std::string source = "def f(k):\n    if k == 0:\n        y = 0\n";
  for (int i = 1; i < 300; ++i) {
    source += "    elif k == " + std::to_string(i) + ":\n        y = " + std::to_string(i) + "\n";
  }
  source += "    else:\n        y = -1\n    return y\n";
  EXPECT_LE(depth_of(source), kBound);
}

TEST(LongChains, ShortElifChainNestsOneLevelPerLink) {
  // Up to kMaxChainNesting links the graph is what it always was.
  EXPECT_EQ(depth_of("def f(k):\n    if k == 0:\n        y = 0\n    elif k == 1:\n        y = 1\n"
                     "    elif k == 2:\n        y = 2\n    else:\n        y = 3\n    return y\n"),
            3u);
}

TEST(LongChains, ExpressionChainsNestBoundedly) {
  std::string ors = "def f(x):\n    return x";
  std::string compares = "def f(x):\n    return x";
  std::string conditional = "def f(k):\n    return ";
  std::string members = "def f(k):\n    return k in (k";
  for (int i = 0; i < 300; ++i) {
    ors += " or x";
    compares += " < x";
    conditional += std::to_string(i) + " if k == " + std::to_string(i) + " else ";
    members += ", k + " + std::to_string(i + 1);
  }
  EXPECT_LE(depth_of(ors + "\n"), kBound);
  EXPECT_LE(depth_of(compares + "\n"), kBound);
  EXPECT_LE(depth_of(conditional + "-1\n"), kBound);
  EXPECT_LE(depth_of(members + ")\n"), kBound);
}

TEST(LongChains, ManyEarlyExitsInOneBlockStayFlat) {
  std::string source = "def f(x):\n";
  for (int i = 0; i < 300; ++i) {
    source += "    if x < " + std::to_string(i) + ":\n        return " + std::to_string(i) + "\n";
    source += "    x = x - 1\n";
  }
  source += "    return -1\n";
  EXPECT_LE(depth_of(source), kBound);
}

}  // namespace
}  // namespace pygraft::testing
