// Static types (graph/static_types.h) of lowered functions for stated
// argument types: NumPy's promotion and result shapes, constant-predicate
// conds, loops and branches that cannot hold one type, unbound variables,
// calls typed per signature, recursion.
#include "graph/static_types.h"

#include <string>
#include <vector>

#include "tests/unit/onnx/onnx_test_util.h"

namespace pygraft::testing {
namespace {

// A source lowered as the ONNX exporter lowers it (no runtime-only fusions)
// and one function of it typed for `args`.
class Typed {
 public:
  Typed(std::string_view source, std::vector<StaticType> args, std::string_view name = "f")
      : lowered_(lower_for_onnx(source)),
        analysis_(lowered_.module),
        function_(pygraft::testing::function(lowered_, name)),
        types_(analysis_.analyze(function_, args)) {}

  const Function& function() const { return function_; }
  const FunctionTypes& types() const { return types_; }
  StaticTypeAnalysis& analysis() { return analysis_; }
  const StaticType& result() const { return types_.of(function_.body.yields.at(0)); }
  bool ok() const { return !types_.problem().has_value(); }
  const Lowered& lowered() const { return lowered_; }

 private:
  Lowered lowered_;
  StaticTypeAnalysis analysis_;
  const Function& function_;
  const FunctionTypes& types_;
};

// The type `f` returns for `args`; a failure when the analysis reports a problem.
StaticType returned_type(std::string_view source, std::vector<StaticType> args) {
  Typed typed(source, std::move(args));
  if (typed.types().problem()) {
    ADD_FAILURE() << "unexpected problem: " << typed.types().problem()->message;
    return StaticType::unknown();
  }
  return typed.result();
}

constexpr const char* kNumpy = "import numpy as np\n";

// ---- promotion ----

TEST(StaticTypesPromotion, PythonIntWithFloat32ArrayStaysFloat32) {
  EXPECT_EQ(returned_type("def f(x):\n    return x + 1\n", {f32({named("N")})}), f32({named("N")}));
}

TEST(StaticTypesPromotion, PythonFloatWithFloat32ArrayStaysFloat32) {
  EXPECT_EQ(returned_type("def f(x, k):\n    return x * k\n",
                          {f32({size(2), named("N")}), StaticType::python_float()}),
            f32({size(2), named("N")}));
}

TEST(StaticTypesPromotion, IntArrayTrueDividedByIntIsFloat64) {
  StaticType t =
      returned_type("def f(x, n):\n    return x / n\n",
                    {StaticType::array(DType::Int64, {named("N")}), StaticType::python_int()});
  EXPECT_EQ(t, StaticType::array(DType::Float64, {named("N")}));
  StaticType narrow =
      returned_type("def f(x):\n    return x / 2\n", {StaticType::array(DType::Int32, {size(3)})});
  EXPECT_EQ(narrow, StaticType::array(DType::Float64, {size(3)}));
}

TEST(StaticTypesPromotion, ArraysPromoteByDtype) {
  StaticType t = returned_type("def f(a, b):\n    return a + b\n",
                               {StaticType::array(DType::Int32, {named("N")}), f32({named("N")})});
  EXPECT_EQ(t.kind, StaticKind::Array);
  EXPECT_EQ(t.dtype, DType::Float64);  // NumPy: int32 + float32 -> float64
  EXPECT_EQ(t.rank(), 1);
}

TEST(StaticTypesPromotion, PythonScalarsStayPythonScalars) {
  StaticType t = returned_type("def f(n, k):\n    return n * k\n",
                               {StaticType::python_int(), StaticType::python_float()});
  EXPECT_EQ(t.kind, StaticKind::Float);
  EXPECT_FALSE(t.constant.has_value());
}

// ---- reductions ----

TEST(StaticTypesReductions, AxisRemovesThatDimension) {
  std::string source = std::string(kNumpy) + "def f(x):\n    return np.sum(x, axis=1)\n";
  EXPECT_EQ(returned_type(source, {f32({named("T"), named("H")})}), f32({named("T")}));
}

TEST(StaticTypesReductions, NegativeAxisCountsFromTheEnd) {
  std::string source = std::string(kNumpy) + "def f(x):\n    return x.max(axis=-1)\n";
  EXPECT_EQ(returned_type(source, {f32({named("B"), size(3), named("H")})}),
            f32({named("B"), size(3)}));
}

TEST(StaticTypesReductions, KeepdimsKeepsALengthOneDimension) {
  std::string source =
      std::string(kNumpy) + "def f(x):\n    return np.sum(x, axis=1, keepdims=True)\n";
  EXPECT_EQ(returned_type(source, {f32({named("T"), named("H")})}), f32({named("T"), size(1)}));
}

TEST(StaticTypesReductions, NoAxisGivesAZeroDimArray) {
  std::string source = std::string(kNumpy) + "def f(x):\n    return np.sum(x)\n";
  EXPECT_EQ(returned_type(source, {f32({named("T"), named("H")})}), f32({}));
}

TEST(StaticTypesReductions, SumOfSmallIntsIsInt64AndMeanOfIntsIsFloat64) {
  StaticType i32 = StaticType::array(DType::Int32, {named("N")});
  EXPECT_EQ(returned_type(std::string(kNumpy) + "def f(x):\n    return np.sum(x)\n", {i32}),
            StaticType::array(DType::Int64, {}));
  EXPECT_EQ(returned_type(std::string(kNumpy) + "def f(x):\n    return np.mean(x)\n", {i32}),
            StaticType::array(DType::Float64, {}));
}

// ---- shapes ----

TEST(StaticTypesShapes, KnownDimsAreConstants) {
  StaticType t = returned_type("def f(x):\n    return x.shape\n", {f32({size(3), named("N")})});
  ASSERT_EQ(t.kind, StaticKind::Tuple);
  ASSERT_EQ(t.items.size(), 2u);
  EXPECT_EQ(t.items[0], StaticType::python_int(3));
  EXPECT_EQ(t.items[1].kind, StaticKind::Int);
  EXPECT_FALSE(t.items[1].constant.has_value());
}

TEST(StaticTypesShapes, ShapeItemOfAKnownDimIsAConstant) {
  EXPECT_EQ(returned_type("def f(x):\n    return x.shape[0] * 2\n", {f32({size(3), named("N")})}),
            StaticType::python_int(6));
}

TEST(StaticTypesShapes, ArraysMadeFromAShapeKeepItsDims) {
  std::string source = std::string(kNumpy) + "def f(x):\n    return np.zeros(x.shape)\n";
  EXPECT_EQ(returned_type(source, {f32({size(3), size(4)})}),
            StaticType::array(DType::Float64, {size(3), size(4)}));
  StaticType t = returned_type(source, {f32({size(3), named("N")})});
  EXPECT_EQ(t.dtype, DType::Float64);
  ASSERT_EQ(t.rank(), 2);
  EXPECT_EQ(t.dims[0], size(3));
  EXPECT_LT(t.dims[1].size, 0);
}

TEST(StaticTypesShapes, NdimIsAConstant) {
  EXPECT_EQ(returned_type("def f(x):\n    return x.ndim\n", {f32({named("A"), named("B")})}),
            StaticType::python_int(2));
}

// ---- conds ----

constexpr const char* kRankDispatch = R"(def f(x):
    if x.ndim == 1:
        y = x * 2
    else:
        y = x.sum()
    return y
)";

const Node* only_cond(const Function& f) {
  std::vector<const Node*> conds = nodes_with(f, OpCode::Cond);
  EXPECT_EQ(conds.size(), 1u);
  return conds.empty() ? nullptr : conds[0];
}

TEST(StaticTypesCond, ConstantPredicateTypesOnlyTheThenRegion) {
  Typed typed(kRankDispatch, {f32({named("N")})});
  ASSERT_TRUE(typed.ok()) << typed.types().problem()->message;
  const Node* cond = only_cond(typed.function());
  ASSERT_NE(cond, nullptr);
  EXPECT_EQ(typed.types().taken_region(*cond), 0);
  EXPECT_EQ(typed.result(), f32({named("N")}));
}

TEST(StaticTypesCond, ConstantPredicateTypesOnlyTheElseRegion) {
  Typed typed(kRankDispatch, {f32({named("N"), named("M")})});
  ASSERT_TRUE(typed.ok()) << typed.types().problem()->message;
  const Node* cond = only_cond(typed.function());
  ASSERT_NE(cond, nullptr);
  EXPECT_EQ(typed.types().taken_region(*cond), 1);
  EXPECT_EQ(typed.result(), f32({}));
}

TEST(StaticTypesCond, DataDependentPredicateTypesBothRegions) {
  Typed typed(
      "def f(x, n):\n    if n > 0:\n        y = x * 2\n    else:\n        y = -x\n"
      "    return y\n",
      {f32({named("N")}), StaticType::python_int()});
  ASSERT_TRUE(typed.ok()) << typed.types().problem()->message;
  const Node* cond = only_cond(typed.function());
  ASSERT_NE(cond, nullptr);
  EXPECT_FALSE(typed.types().taken_region(*cond).has_value());
  EXPECT_EQ(typed.result(), f32({named("N")}));
}

TEST(StaticTypesCond, BranchesOfDifferentRanksAreAProblem) {
  Typed typed(
      "def f(x, c):\n    if c:\n        y = x\n    else:\n        y = x.sum()\n"
      "    return y\n",
      {f32({named("N")}), StaticType::python_bool()});
  ASSERT_TRUE(typed.types().problem().has_value());
  const StaticTypeProblem& p = *typed.types().problem();
  EXPECT_EQ(p.kind, StaticProblemKind::BranchMismatch);
  EXPECT_EQ(p.range.line, 2u);
  EXPECT_NE(p.message.find("'y'"), std::string::npos) << p.message;
}

TEST(StaticTypesCond, BranchesOfDifferentDtypesAreAProblem) {
  Typed typed(
      "def f(x, c):\n    if c:\n        y = x\n    else:\n        y = x.astype(int)\n"
      "    return y\n",
      {f32({named("N")}), StaticType::python_bool()});
  ASSERT_TRUE(typed.types().problem().has_value());
  EXPECT_EQ(typed.types().problem()->kind, StaticProblemKind::BranchMismatch);
}

// ---- loops ----

TEST(StaticTypesLoop, CarriedValueChangingDtypeIsAProblemNamingIt) {
  Typed typed(
      "def f(x, n):\n    total = 0\n    for i in range(n):\n        total = total + x\n"
      "    return total\n",
      {f32({named("N")}), StaticType::python_int()});
  ASSERT_TRUE(typed.types().problem().has_value());
  const StaticTypeProblem& p = *typed.types().problem();
  EXPECT_EQ(p.kind, StaticProblemKind::LoopTypeChange);
  EXPECT_EQ(p.range.line, 3u);
  EXPECT_NE(p.message.find("'total'"), std::string::npos) << p.message;
}

TEST(StaticTypesLoop, CarriedValueKeepingItsTypeIsFine) {
  Typed typed(
      "def f(x, n):\n    i = 0\n    while i < n:\n        x = x * 0.5\n        i += 1\n"
      "    return x, i\n",
      {f32({named("N")}), StaticType::python_int()});
  ASSERT_TRUE(typed.ok()) << typed.types().problem()->message;
  ASSERT_EQ(typed.result().kind, StaticKind::Tuple);
  ASSERT_EQ(typed.result().items.size(), 2u);
  EXPECT_EQ(typed.result().items[0], f32({named("N")}));
  EXPECT_EQ(typed.result().items[1].kind, StaticKind::Int);
  // The counter changes in the loop: no constant survives.
  EXPECT_FALSE(typed.result().items[1].constant.has_value());
}

// ---- unbound variables ----

TEST(StaticTypesUnbound, AssignedInOneBranchOnlyIsMaybeUnbound) {
  StaticType t = returned_type("def f(x, c):\n    if c:\n        y = x * 2.0\n    return y\n",
                               {f32({named("N")}), StaticType::python_bool()});
  EXPECT_TRUE(t.maybe_unbound);
  EXPECT_EQ(t.kind, StaticKind::Array);
  EXPECT_EQ(t.dtype, DType::Float32);
}

TEST(StaticTypesUnbound, AssignedInALoopBodyOnlyIsMaybeUnbound) {
  StaticType t =
      returned_type("def f(x, n):\n    for i in range(n):\n        y = x + i\n    return y\n",
                    {f32({named("N")}), StaticType::python_int()});
  EXPECT_TRUE(t.maybe_unbound);
}

TEST(StaticTypesUnbound, AssignedOnEveryPathIsBound) {
  StaticType t =
      returned_type("def f(x, c):\n    y = x\n    if c:\n        y = x * 2.0\n    return y\n",
                    {f32({named("N")}), StaticType::python_bool()});
  EXPECT_FALSE(t.maybe_unbound);
  EXPECT_EQ(t, f32({named("N")}));
}

// ---- calls ----

constexpr const char* kTwoCalls = R"(def g(a):
    return a * 2


def f(x, n):
    return g(x), g(n)
)";

TEST(StaticTypesCalls, EachCallIsTypedForItsArguments) {
  Typed typed(kTwoCalls, {f32({named("N")}), StaticType::python_int()});
  ASSERT_TRUE(typed.ok()) << typed.types().problem()->message;
  const StaticType& t = typed.result();
  ASSERT_EQ(t.kind, StaticKind::Tuple);
  ASSERT_EQ(t.items.size(), 2u);
  EXPECT_EQ(t.items[0], f32({named("N")}));
  EXPECT_EQ(t.items[1].kind, StaticKind::Int);
}

TEST(StaticTypesCalls, CalleeIsTypedOncePerSignature) {
  Typed typed(kTwoCalls, {f32({named("N")}), StaticType::python_int()});
  const Function& g = function(typed.lowered(), "g");
  const FunctionTypes& for_array = typed.analysis().analyze(g, {f32({named("N")})});
  const FunctionTypes& for_int = typed.analysis().analyze(g, {StaticType::python_int()});
  EXPECT_NE(&for_array, &for_int);
  EXPECT_EQ(&for_array, &typed.analysis().analyze(g, {f32({named("N")})}));
  EXPECT_EQ(for_array.of(g.body.yields.at(0)), f32({named("N")}));
  EXPECT_EQ(for_int.of(g.body.yields.at(0)).kind, StaticKind::Int);
}

TEST(StaticTypesCalls, MissingArgumentsTakeTheirDefaults) {
  StaticType t = returned_type("def f(x, k=3):\n    return x * k + k\n", {f32({named("N")})});
  EXPECT_EQ(t, f32({named("N")}));
  EXPECT_EQ(returned_type("def f(n, k=3):\n    return n * k\n", {StaticType::python_int(2)}),
            StaticType::python_int(6));
}

constexpr const char* kCallChain = R"(def h(x, n):
    return x


def g(x, n):
    return h(x, n)


def f(x, n):
    if n > 0:
        x = g(x * 2.0, n - 1)
    return x
)";

TEST(StaticTypesCalls, RecursionIsAProblem) {
  Lowered lowered = lower_for_onnx(kCallChain);
  retarget_calls(lowered.module, "h", "f");  // g calls f
  StaticTypeAnalysis analysis(lowered.module);
  const FunctionTypes& types =
      analysis.analyze(function(lowered, "f"), {f32({named("N")}), StaticType::python_int()});
  ASSERT_TRUE(types.problem().has_value());
  const StaticTypeProblem& p = *types.problem();
  EXPECT_EQ(p.kind, StaticProblemKind::Recursion);
  EXPECT_EQ(p.range.line, 6u);  // g's call back into f
  EXPECT_NE(p.message.find("'f'"), std::string::npos) << p.message;
}

}  // namespace
}  // namespace pygraft::testing
