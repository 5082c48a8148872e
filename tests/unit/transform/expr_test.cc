// Expressions: operators, folding, names, literals.
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

TEST(LowerExpr, BinaryOperatorUsesOpTable) {
  Lowered l = lower_clean("def f(x, y):\n    return x @ y\n");
  const Function& f = function(l, "f");
  const Node* node = def_of(f, returned(f));
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->op, OpCode::MatMul);
  EXPECT_EQ(node->inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
}

TEST(LowerExpr, UnaryAndComparisonOperators) {
  Lowered l = lower_clean("def f(x, y):\n    return not (-x < ~y)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(op_names(f), (std::vector<std::string_view>{"negative", "invert", "less", "not"}));
}

TEST(LowerExpr, NodesCarrySourceRanges) {
  Lowered l = lower_clean("def f(x, y):\n    return x +   y\n");
  const Function& f = function(l, "f");
  const Node* add = def_of(f, returned(f));
  EXPECT_EQ(add->range, (SourceRange{2, 12, 2, 19}));
}

TEST(LowerExpr, ConstantOperandsAreFolded) {
  Lowered l = lower_clean("def f():\n    return 7 // 2 + 2 ** -1 - (3 < 4)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(3.5 - 1));
  EXPECT_EQ(op_names(f), (std::vector<std::string_view>{"const"}));
}

TEST(LowerExpr, FailingConstantOperationIsLeftToRuntime) {
  Lowered l = lower_clean("def f():\n    return 1 / 0\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(def_of(f, returned(f))->op, OpCode::TrueDiv);
}

// Folding never turns an expression CPython raises for into a value.
TEST(LowerExpr, RaisingFloatPowersAreLeftToRuntime) {
  Lowered l = lower_clean(
      "def f():\n    return 10.0 ** 400, 0.0 ** -1.0, (-8.0) ** 0.5, 0.0 ** -math.inf\n"
      "import math\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::Pow).size(), 3u);  // 0.0 ** -inf is inf in CPython
}

TEST(LowerExpr, ConstantIntOverflowIsADiagnostic) {
  Lowered l = lower_source("def f():\n    return 2 ** 62 * 2\n");
  const Diagnostic* d = l.find("PG0407");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range, (SourceRange{2, 12, 2, 23}));
  EXPECT_NE(d->message.find("4611686018427387904 * 2 = 9223372036854775808"), std::string::npos)
      << d->message;
}

TEST(LowerExpr, ConstantIntEdgesFold) {
  Lowered l = lower_clean(
      "def f():\n    return -9223372036854775807 - 1, -2 ** 62 * 2, -1 << 63, "
      "-9223372036854775808 // 1, -9223372036854775808 % -1\n");
  const Function& f = function(l, "f");
  const int64_t min = INT64_MIN;
  EXPECT_EQ(const_of(f, returned(f)), Literal(LiteralTuple{Literal(min), Literal(min), Literal(min),
                                                           Literal(min), Literal(int64_t{0})}));
}

TEST(LowerExpr, IsNoneAndIsNotNone) {
  Lowered l = lower_clean("def f(x):\n    return x is None, x is not None\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(op_names(f), (std::vector<std::string_view>{"is_none", "is_none", "not", "tuple"}));
}

TEST(LowerExpr, IsNoneOfKnownValueIsFolded) {
  Lowered l = lower_clean("def f():\n    y = None\n    return y is not None\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(false));
}

TEST(LowerExpr, IsWithOtherOperandsIsReported) {
  Lowered l = lower_source("def f(x, y):\n    return x is y\n");
  const Diagnostic* d = l.find("PG0214");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 2u);
  EXPECT_EQ(d->range.column, 12u);
}

TEST(LowerExpr, TupleOfValuesIsTupleNode) {
  Lowered l = lower_clean("def f(x):\n    return (x, 1)\n");
  const Function& f = function(l, "f");
  const Node* tuple = def_of(f, returned(f));
  EXPECT_EQ(tuple->op, OpCode::MakeTuple);
  EXPECT_EQ(tuple->inputs.size(), 2u);
}

TEST(LowerExpr, TupleOfConstantsIsOneConst) {
  Lowered l = lower_clean("def f():\n    return (1, (2.5, None))\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(
      const_of(f, returned(f)),
      Literal(LiteralTuple{Literal(int64_t{1}), Literal(LiteralTuple{Literal(2.5), Literal()})}));
}

TEST(LowerExpr, ListsAndDictsAreValues) {
  Lowered l = lower_clean("def f(x):\n    y = [x, 1]\n    d = {'a': y, 'b': 2}\n    return y, d\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::MakeList).size(), 1u);
  ASSERT_EQ(nodes_with(f, OpCode::MakeDict).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::MakeDict)[0]->inputs.size(), 4u);
}

// Strings are values; building them is the operators' and str()'s work.
TEST(LowerExpr, StringsBuildWithOperatorsStrAndFormat) {
  Lowered l = lower_clean(
      "def f(x, mode='train'):\n"
      "    a = 'n=' + str(x)\n"
      "    b = '%s: %.2f' % (mode, x)\n"
      "    return '{} {}'.format(a, b), mode == 'train'\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::Str).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::StrFormat).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Mod).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Eq).size(), 1u);
  ASSERT_EQ(f.params.size(), 2u);
  EXPECT_EQ(f.params[1].default_value, Literal(std::string("train")));
}

TEST(LowerExpr, RaiseOfABuiltinExceptionIsARaiseNode) {
  Lowered l = lower_clean(
      "def f(x):\n    if x > 0:\n        raise ValueError('bad %d' % x)\n    return x\n");
  std::vector<const Node*> raises = nodes_with(function(l, "f"), OpCode::Raise);
  ASSERT_EQ(raises.size(), 1u);
  EXPECT_EQ(*raises[0]->attr("exception"), Literal(std::string("ValueError")));
  EXPECT_EQ(raises[0]->inputs.size(), 1u);
}

TEST(LowerExpr, RaiseOfAnythingButABuiltinExceptionIsReported) {
  for (const char* raise : {"raise MyError('x')", "raise 3", "raise ValueError(msg=1)"}) {
    Lowered l = lower_source("def f(x):\n    " + std::string(raise) + "\n");
    EXPECT_TRUE(l.has_code("PG0103")) << raise << "\n" << l.describe();
  }
}

TEST(LowerExpr, ModuleConstantBecomesConstNode) {
  Lowered l = lower_clean("N = 4\ndef f():\n    return N\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, returned(f)), Literal(int64_t{4}));
}

TEST(LowerExpr, NumpyConstants) {
  Lowered l = lower_clean("import numpy as jnp\ndef f():\n    return jnp.inf, jnp.newaxis\n");
  const Function& f = function(l, "f");
  Literal value = const_of(f, returned(f));
  ASSERT_TRUE(value.is<LiteralTuple>());
  EXPECT_TRUE(std::isinf(value.as<LiteralTuple>()[0].as<double>()));
  EXPECT_TRUE(value.as<LiteralTuple>()[1].is_none());
}

TEST(LowerExpr, UnknownNameWithSuggestion) {
  Lowered l = lower_source("def f(value):\n    return valeu + 1\n");
  const Diagnostic* d = l.find("PG0301");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 2u);
  EXPECT_EQ(d->range.column, 12u);
  EXPECT_NE(d->message.find("did you mean 'value'?"), std::string::npos) << d->message;
}

TEST(LowerExpr, UnknownNameWithoutCloseCandidate) {
  Lowered l = lower_source("def f(x):\n    return zzzzzz\n");
  const Diagnostic* d = l.find("PG0301");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->message.find("did you mean"), std::string::npos) << d->message;
}

TEST(LowerExpr, ReadBeforeAssignmentIsUndef) {
  Lowered l = lower_clean("def f():\n    y = x\n    x = 1\n    return y\n");
  const Function& f = function(l, "f");
  const Node* undef = def_of(f, returned(f));
  ASSERT_EQ(undef->op, OpCode::Undef);
  EXPECT_EQ(*undef->attr("name"), Literal(std::string("x")));
  EXPECT_EQ(undef->range.line, 2u);
}

TEST(LowerExpr, LocalShadowsModuleConstantBeforeAssignment) {
  Lowered l = lower_clean("N = 1\ndef f():\n    y = N\n    N = 2\n    return y\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(def_of(f, returned(f))->op, OpCode::Undef);
}

TEST(LowerExpr, FunctionAsValueIsReported) {
  Lowered l = lower_source("def g():\n    return 1\ndef f():\n    return g\n");
  EXPECT_TRUE(l.has_code("PG0214")) << l.describe();
}

TEST(LowerExpr, MathConstant) {
  Lowered l = lower_clean("import math\ndef f():\n    return math.tau\n");
  const Function& f = function(l, "f");
  EXPECT_DOUBLE_EQ(const_of(f, returned(f)).as<double>(), 2 * 3.141592653589793);
}

TEST(LowerExpr, UnknownModuleAttribute) {
  Lowered l = lower_source("import math\ndef f():\n    return math.tuo\n");
  const Diagnostic* d = l.find("PG0310");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 12u);
}

TEST(LowerExpr, ArrayAttributes) {
  Lowered l = lower_clean("def f(x):\n    return x.T, x.shape, x.ndim, x.size, x.dtype\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> transpose = nodes_with(f, OpCode::Transpose);
  ASSERT_EQ(transpose.size(), 1u);
  ASSERT_EQ(transpose[0]->inputs.size(), 2u);  // x, axes=None
  const Node* receiver = def_of(f, transpose[0]->inputs[0]);
  ASSERT_EQ(receiver->op, OpCode::ArrayReceiver);  // x.T on a float is an AttributeError
  EXPECT_EQ(receiver->inputs, std::vector<ValueId>{f.body.args[0]});
  EXPECT_EQ(*receiver->attr("name"), Literal(std::string("T")));
  EXPECT_TRUE(const_of(f, transpose[0]->inputs[1]).is_none());
  const Node* dtype_receiver = def_of(f, nodes_with(f, OpCode::DTypeOf).at(0)->inputs.at(0));
  EXPECT_EQ(dtype_receiver->op, OpCode::ArrayReceiver);
  EXPECT_EQ(nodes_with(f, OpCode::ArrayReceiver).size(), 5u);
  EXPECT_EQ(nodes_with(f, OpCode::Shape).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Ndim).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Size).size(), 1u);
}

TEST(LowerExpr, UnknownAttribute) {
  Lowered l = lower_source("def f(x):\n    return x.shap\n");
  const Diagnostic* d = l.find("PG0304");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 14u);
  EXPECT_NE(d->message.find("'shape'"), std::string::npos) << d->message;
}

}  // namespace
}  // namespace pygraft::testing
