// Value types (graph/value_types.h) over lowered functions: what the
// returned value may hold, by CPython's and NumPy's rules.
#include "graph/value_types.h"

#include "graph/raise_facts.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

ValueType returned_type(std::string_view source) {
  Lowered l = lower_source(source);
  EXPECT_FALSE(l.has_errors()) << l.describe();
  const Function& f = function(l, "f");
  return ValueTypes::infer(f).of(f.body.yields.at(0));
}

TEST(ValueTypes, ConstantsAndConversions) {
  EXPECT_EQ(returned_type("def f(x):\n    return float(x)\n").kinds, kinds::Float);
  EXPECT_EQ(returned_type("def f(x):\n    return len(x)\n").kinds, kinds::Int);
  EXPECT_EQ(returned_type("def f(x):\n    return x is None\n").kinds, kinds::Bool);
  ValueType t = returned_type("def f(x):\n    return (x, x, 1)\n");
  EXPECT_EQ(t.kinds, kinds::Tuple);
  EXPECT_EQ(t.tuple_size, 3);
}

TEST(ValueTypes, ParametersMayHoldAnything) {
  EXPECT_EQ(returned_type("def f(x):\n    return x\n").kinds, kinds::Any);
}

TEST(ValueTypes, PythonArithmeticFollowsCPython) {
  EXPECT_EQ(returned_type("def f(x):\n    n = len(x)\n    return n / 2\n").kinds & kinds::Number,
            kinds::Float);
  EXPECT_EQ(returned_type("def f(x):\n    n = len(x)\n    return n * 2\n").kinds & kinds::Number,
            kinds::Int);
}

TEST(ValueTypes, NumPyFunctionsGiveArrays) {
  ValueType t = returned_type("import numpy as np\ndef f(x):\n    return np.tanh(x)\n");
  EXPECT_TRUE(t.only(kinds::Array));
  EXPECT_EQ(t.elements, elements::Float);
}

TEST(ValueTypes, BranchesJoin) {
  ValueType t = returned_type(
      "def f(x):\n    if x:\n        y = 1\n    else:\n        y = 2.5\n    return y\n");
  EXPECT_EQ(t.kinds, kinds::Int | kinds::Float);
  EXPECT_FALSE(t.constant.has_value());
}

TEST(ValueTypes, LoopCarriedValuesReachAFixpoint) {
  // s starts as an int and becomes a float in the body: both after the loop.
  ValueType t = returned_type(
      "def f(n):\n    s = 0\n    for i in range(n):\n        s = s + 0.5\n    return s\n");
  EXPECT_TRUE(t.may_be(kinds::Int));
  EXPECT_TRUE(t.may_be(kinds::Float));
  EXPECT_FALSE(t.may_be(kinds::Tuple));
}

TEST(ValueTypes, MaybeUnboundAfterABranch) {
  ValueType t = returned_type("def f(x):\n    if x:\n        y = 1.0\n    return y\n");
  EXPECT_TRUE(t.may_be(kinds::Unbound));
}

TEST(ValueTypes, TuplesGrowingInALoopHaveUnknownSize) {
  ValueType t = returned_type(
      "def f(n):\n    s = ()\n    for i in range(n):\n        s = s + (i,)\n    return s\n");
  EXPECT_TRUE(t.may_be(kinds::Tuple));
  EXPECT_FALSE(t.may_be(kinds::Number));
  EXPECT_EQ(t.tuple_size, kUnknownSize);
}

TEST(ValueTypes, DeepLoopNestsSolveInOnePass) {
  // 12 nested loops: a fixpoint per loop would take 2^12 steps.
  std::string source = "def f(n):\n    s = 0\n";
  std::string indent = "    ";
  for (int i = 0; i < 12; ++i) {
    source += indent + "for i" + std::to_string(i) + " in range(n):\n";
    indent += "    ";
  }
  source += indent + "s = s + 0.5\n    return s\n";
  ValueType t = returned_type(source);
  EXPECT_TRUE(t.may_be(kinds::Float));
}

}  // namespace
}  // namespace pygraft::testing
