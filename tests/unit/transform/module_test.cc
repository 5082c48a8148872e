// Module level: constants, signatures, duplicate functions, entries, recursion.
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

TEST(LowerModule, ConstantsReferToEarlierConstants) {
  Lowered l = lower_clean(
      "import numpy as np\nimport math\n"
      "N = 3\nSHAPE = (N, N * 2)\nNEG = -N\nOK = N > 2\nHALF = np.pi / 2 + math.e * 0\n"
      "def f():\n    return SHAPE, NEG, OK, HALF\n");
  const Function& f = function(l, "f");
  Literal value = const_of(f, returned(f));
  ASSERT_TRUE(value.is<LiteralTuple>());
  const LiteralTuple& items = value.as<LiteralTuple>();
  EXPECT_EQ(items[0], Literal(LiteralTuple{Literal(int64_t{3}), Literal(int64_t{6})}));
  EXPECT_EQ(items[1], Literal(int64_t{-3}));
  EXPECT_EQ(items[2], Literal(true));
  EXPECT_DOUBLE_EQ(items[3].as<double>(), 3.141592653589793 / 2);
}

TEST(LowerModule, NonConstantModuleValueIsReported) {
  Lowered l = lower_source("import numpy as np\nX = np.zeros(3)\ndef f():\n    return 1\n");
  const Diagnostic* d = l.find("PG0403");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 2u);
  EXPECT_EQ(d->range.column, 5u);
}

TEST(LowerModule, ConstantReferringToLaterNameIsReported) {
  Lowered l = lower_source("A = B + 1\nB = 2\ndef f():\n    return A\n");
  const Diagnostic* d = l.find("PG0403");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 5u);
}

TEST(LowerModule, ParameterDefaultsAreConstants) {
  Lowered l = lower_clean("K = 2\ndef f(x, k=K * 2, name=None):\n    return x\n");
  const Function& f = function(l, "f");
  ASSERT_EQ(f.params.size(), 3u);
  EXPECT_FALSE(f.params[0].default_value.has_value());
  EXPECT_EQ(f.params[1].default_value, Literal(int64_t{4}));
  EXPECT_EQ(f.params[2].default_value, Literal());
  EXPECT_EQ(f.params[1].name, "k");
  EXPECT_EQ(f.params[1].range.line, 2u);
  EXPECT_EQ(f.value_names.at(f.body.args[1]), "k");
}

TEST(LowerModule, OverflowingConstantIsPG0407) {
  Lowered l =
      lower_source("N = 3\nBIG = 10 ** (N * 7)\ndef f(x, k=-(-2**62 * 2)):\n    return x\n");
  const Diagnostic* constant = l.find("PG0407");
  ASSERT_NE(constant, nullptr) << l.describe();
  EXPECT_EQ(constant->range.line, 2u);
  EXPECT_EQ(l.find("PG0403"), nullptr) << l.describe();
  EXPECT_EQ(l.find("PG0122"), nullptr) << l.describe();
  size_t overflows = 0;
  for (const Diagnostic& d : l.diagnostics) overflows += d.code() == "PG0407";
  EXPECT_EQ(overflows, 2u) << l.describe();
}

TEST(LowerModule, NonConstantDefaultIsReported) {
  Lowered l = lower_source("import numpy as np\ndef f(x, y=np.ones(2)):\n    return x\n");
  const Diagnostic* d = l.find("PG0122");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 12u);
}

TEST(LowerModule, DuplicateFunctionIsReported) {
  Lowered l = lower_source("def f():\n    return 1\ndef f():\n    return 2\n");
  const Diagnostic* d = l.find("PG0311");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 3u);
  EXPECT_EQ(d->range.column, 5u);
}

TEST(LowerModule, DuplicateParameterIsReported) {
  Lowered l = lower_source("def f(x, x):\n    return x\n");
  const Diagnostic* d = l.find("PG0312");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 10u);
}

TEST(LowerModule, FunctionsInSourceOrder) {
  Lowered l = lower_clean("def b():\n    return 1\ndef a():\n    return b()\n");
  ASSERT_EQ(l.module.functions.size(), 2u);
  EXPECT_EQ(l.module.functions[0].name, "b");
  EXPECT_EQ(l.module.functions[1].name, "a");
}

TEST(LowerModule, EntriesSelectCalleesTransitively) {
  LowerOptions options;
  options.entries = {"top"};
  Lowered l = lower_clean(
      "def leaf():\n    return 1\ndef unused():\n    return 2\n"
      "def mid():\n    return leaf()\ndef top():\n    return mid()\n",
      options);
  std::vector<std::string> names;
  for (const Function& f : l.module.functions) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"leaf", "mid", "top"}));
}

TEST(LowerModule, UnknownEntryIsReported) {
  LowerOptions options;
  options.entries = {"mian"};
  Lowered l = lower_source("def main():\n    return 1\n", options);
  const Diagnostic* d = l.find("PG0309");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 1u);
  EXPECT_EQ(d->range.column, 1u);
}

TEST(LowerModule, DirectRecursionIsReportedAtCallSite) {
  Lowered l = lower_source("def f(n):\n    return f(n - 1)\n");
  const Diagnostic* d = l.find("PG0308");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 2u);
  EXPECT_EQ(d->range.column, 12u);
}

TEST(LowerModule, MutualRecursionIsReported) {
  Lowered l = lower_source(
      "def a(n):\n    return b(n)\ndef b(n):\n    return c(n)\ndef c(n):\n    return a(n)\n"
      "def d(n):\n    return a(n)\n");
  int count = 0;
  for (const Diagnostic& diag : l.diagnostics) count += diag.code() == "PG0308" ? 1 : 0;
  EXPECT_EQ(count, 3) << l.describe();  // a->b, b->c, c->a; not d->a
}

TEST(LowerModule, LocalNamedLikeFunctionIsNotACall) {
  Lowered l = lower_source("def g():\n    return 1\ndef f(g):\n    return g()\n");
  EXPECT_FALSE(l.has_code("PG0308")) << l.describe();
  EXPECT_TRUE(l.has_code("PG0302")) << l.describe();
}

}  // namespace
}  // namespace pygraft::testing
