// Calls: argument binding to op-table params, conversions, builtins, print.
#include "graph/printer.h"
#include "tests/unit/transform/lower_test_util.h"

namespace pygraft::testing {
namespace {

const Node& only(const Function& f, OpCode op) {
  std::vector<const Node*> nodes = nodes_with(f, op);
  EXPECT_EQ(nodes.size(), 1u) << op_info(op).name;
  static const Node empty;
  return nodes.empty() ? empty : *nodes[0];
}

TEST(LowerCall, KeywordsAndCanonicalDefaults) {
  Lowered l = lower_clean("import numpy as np\ndef f(x):\n    return np.sum(x, keepdims=True)\n");
  const Function& f = function(l, "f");
  const Node& sum = only(f, OpCode::Sum);
  ASSERT_EQ(sum.inputs.size(), 4u);  // a, axis, dtype, keepdims
  EXPECT_EQ(sum.inputs[0], f.body.args[0]);
  EXPECT_TRUE(const_of(f, sum.inputs[1]).is_none());
  EXPECT_TRUE(const_of(f, sum.inputs[2]).is_none());
  EXPECT_EQ(const_of(f, sum.inputs[3]), Literal(true));
}

// A method's receiver passes through array_receiver (an AttributeError for
// a Python scalar) before it becomes the op's first operand.
TEST(LowerCall, MethodReceiverIsFirstParam) {
  Lowered l = lower_clean("def f(x, a):\n    return x.sum(a)\n");
  const Function& f = function(l, "f");
  const Node& sum = only(f, OpCode::Sum);
  const Node* receiver = def_of(f, sum.inputs[0]);
  ASSERT_EQ(receiver->op, OpCode::ArrayReceiver);
  EXPECT_EQ(receiver->inputs, std::vector<ValueId>{f.body.args[0]});
  EXPECT_EQ(*receiver->attr("name"), Literal(std::string("sum")));
  EXPECT_EQ(sum.inputs[1], f.body.args[1]);
}

TEST(LowerCall, VariadicPacksPositionalArguments) {
  Lowered l = lower_clean("def f(x, n):\n    return x.reshape(n, 3)\n");
  const Function& f = function(l, "f");
  const Node& reshape = only(f, OpCode::Reshape);
  const Node* shape = def_of(f, reshape.inputs[1]);
  ASSERT_EQ(shape->op, OpCode::MakeTuple);
  EXPECT_EQ(shape->inputs[0], f.body.args[1]);
}

TEST(LowerCall, VariadicSingleArgumentIsPassedAsIs) {
  Lowered l = lower_clean("def f(x, s):\n    return x.reshape(s)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(only(f, OpCode::Reshape).inputs[1], f.body.args[1]);
}

TEST(LowerCall, EmptyVariadicTakesCanonicalDefault) {
  Lowered l = lower_clean("def f(x):\n    return x.transpose()\n");
  const Function& f = function(l, "f");
  EXPECT_TRUE(const_of(f, only(f, OpCode::Transpose).inputs[1]).is_none());
}

TEST(LowerCall, SpellingSubsetMapsToCanonicalOrder) {
  Lowered l =
      lower_clean("import numpy as np\ndef f(n):\n    return np.identity(n, dtype=np.int32)\n");
  const Function& f = function(l, "f");
  const Node* eye = def_of(f, nodes_with(f, OpCode::AsArray).empty()
                                  ? returned(f)
                                  : nodes_with(f, OpCode::AsArray)[0]->inputs[0]);
  ASSERT_EQ(eye->op, OpCode::Eye);
  ASSERT_EQ(eye->inputs.size(), 4u);  // N, M, k, dtype
  EXPECT_EQ(eye->inputs[0], f.body.args[0]);
  EXPECT_TRUE(const_of(f, eye->inputs[1]).is_none());
  EXPECT_EQ(const_of(f, eye->inputs[2]), Literal(int64_t{0}));
  EXPECT_EQ(const_of(f, eye->inputs[3]), Literal(DType::Int32));
}

// A ufunc spelling (`-> array`) makes its first operand a 0-d array when all
// operands are Python scalars (ufunc_operand sees them all); the result is
// then an array without a separate conversion.
TEST(LowerCall, UfuncSpellingSeesEveryOperand) {
  Lowered l = lower_clean("import numpy as np\ndef f(x, y):\n    return np.mod(x, y)\n");
  const Function& f = function(l, "f");
  const Node* mod = def_of(f, returned(f));
  ASSERT_EQ(mod->op, OpCode::Mod);
  const Node* operand = def_of(f, mod->inputs[0]);
  ASSERT_EQ(operand->op, OpCode::UfuncOperand);
  EXPECT_EQ(operand->inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
  EXPECT_EQ(mod->inputs[1], f.body.args[1]);
  EXPECT_TRUE(nodes_with(f, OpCode::AsArray).empty());
}

// The operator keeps Python's rules: no conversion at all.
TEST(LowerCall, OperatorTakesPythonScalarsAsTheyAre) {
  Lowered l = lower_clean("def f(x, y):\n    return x % y\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(only(f, OpCode::Mod).inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
  EXPECT_TRUE(nodes_with(f, OpCode::UfuncOperand).empty());
}

// Other NumPy functions convert their arguments in the kernel (np.asarray).
TEST(LowerCall, AsArrayFunctionTakesOperandsAsTheyAre) {
  Lowered l = lower_clean("import numpy as np\ndef f(x, y):\n    return np.outer(x, y)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(only(f, OpCode::Outer).inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
}

// math.NAME converts its arguments with float() and its result with the
// spelling's conversion; the integer-valued floor keeps an int argument.
TEST(LowerCall, MathConversionsToFloatAndInt) {
  Lowered l = lower_clean("import math\ndef f(x):\n    return math.exp(x), math.floor(x)\n");
  const Function& f = function(l, "f");
  const Node& exp = only(f, OpCode::Exp);
  const Node* argument = def_of(f, exp.inputs[0]);
  ASSERT_EQ(argument->op, OpCode::ToFloat);
  EXPECT_EQ(argument->inputs, std::vector<ValueId>{f.body.args[0]});
  EXPECT_EQ(nodes_with(f, OpCode::ToFloat).size(), 2u);  // the argument and the result
  const Node& floor = only(f, OpCode::Floor);
  EXPECT_EQ(floor.inputs, std::vector<ValueId>{f.body.args[0]});
  EXPECT_EQ(def_of(f, only(f, OpCode::ToInt).inputs[0])->op, OpCode::Floor);
}

TEST(LowerCall, MathArgumentKnownHereIsConvertedNow) {
  Lowered l = lower_clean("import math\ndef f():\n    return math.sqrt(2), math.pow(True, 3)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(const_of(f, only(f, OpCode::Sqrt).inputs[0]), Literal(2.0));
  const Node& pow = only(f, OpCode::MathPow);
  EXPECT_EQ(const_of(f, pow.inputs[0]), Literal(1.0));
  EXPECT_EQ(const_of(f, pow.inputs[1]), Literal(3.0));
}

TEST(LowerCall, MathToBoolConversion) {
  Lowered l = lower_clean("import math\ndef f(x):\n    return math.isnan(x)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(def_of(f, returned(f))->op, OpCode::Truth);
}

TEST(LowerCall, DtypeBuiltinNamesAndStrings) {
  Lowered l = lower_clean(
      "def f(x):\n    return x.astype(float), x.astype('int32'), x.astype(dtype=bool)\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> casts = nodes_with(f, OpCode::AsType);
  ASSERT_EQ(casts.size(), 3u);
  EXPECT_EQ(const_of(f, casts[0]->inputs[1]), Literal(DType::Float64));
  EXPECT_EQ(const_of(f, casts[1]->inputs[1]), Literal(DType::Int32));
  EXPECT_EQ(const_of(f, casts[2]->inputs[1]), Literal(DType::Bool));
}

TEST(LowerCall, UnknownDtypeString) {
  Lowered l =
      lower_source("import numpy as np\ndef f():\n    return np.zeros(3, dtype='complex64')\n");
  const Diagnostic* d = l.find("PG0208");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 30u);
}

TEST(LowerCall, ListArgumentsOfNumpyFunctions) {
  Lowered l =
      lower_clean("import numpy as np\ndef f(a, b):\n    return np.stack([a, b], axis=1)\n");
  const Function& f = function(l, "f");
  const Node& stack = only(f, OpCode::Stack);
  const Node* list = def_of(f, stack.inputs[0]);
  ASSERT_EQ(list->op, OpCode::MakeTuple);
  EXPECT_EQ(list->inputs, (std::vector<ValueId>{f.body.args[0], f.body.args[1]}));
}

TEST(LowerCall, BuiltinMinVariadic) {
  Lowered l = lower_clean("def f(a, b):\n    return min(a, b), max(a)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(def_of(f, only(f, OpCode::PyMin).inputs[0])->op, OpCode::MakeTuple);
  EXPECT_EQ(only(f, OpCode::PyMax).inputs[0], f.body.args[0]);
}

TEST(LowerCall, BuiltinConversions) {
  Lowered l = lower_clean("def f(x):\n    return float(x), int(x), bool(x), len(x), round(x)\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(only(f, OpCode::ToFloat).inputs[0], f.body.args[0]);
  EXPECT_EQ(only(f, OpCode::ToInt).inputs[0], f.body.args[0]);
  EXPECT_EQ(only(f, OpCode::Truth).inputs[0], f.body.args[0]);
  EXPECT_EQ(only(f, OpCode::Len).inputs[0], f.body.args[0]);
  EXPECT_EQ(only(f, OpCode::PyRound).inputs.size(), 2u);
}

TEST(LowerCall, UnknownNumpyFunctionSuggests) {
  Lowered l = lower_source("import numpy as np\ndef f(x):\n    return np.sqr(x)\n");
  const Diagnostic* d = l.find("PG0303");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.line, 3u);
  EXPECT_EQ(d->range.column, 12u);
  EXPECT_NE(d->message.find("did you mean 'np.sqrt'?"), std::string::npos) << d->message;
}

TEST(LowerCall, UnsupportedNumpySubmoduleFunctionIsUnknown) {
  Lowered l = lower_source("import numpy as np\ndef f(x):\n    return np.linalg.inv(x)\n");
  EXPECT_TRUE(l.has_code("PG0303")) << l.describe();
  EXPECT_FALSE(l.has_code("PG0304")) << l.describe();
  Lowered misspelt = lower_source("import numpy as np\ndef f(x):\n    return np.linalg.nrom(x)\n");
  const Diagnostic* d = misspelt.find("PG0303");
  ASSERT_NE(d, nullptr) << misspelt.describe();
  EXPECT_NE(d->message.find("did you mean 'np.linalg.norm'?"), std::string::npos) << d->message;
}

TEST(LowerCall, NumpyLinalgNormIsAnOp) {
  Lowered l = lower_clean("import numpy as np\ndef f(x):\n    return np.linalg.norm(x, axis=1)\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> norms = nodes_with(f, OpCode::Norm);
  ASSERT_EQ(norms.size(), 1u) << print_function(f);
  EXPECT_EQ(norms[0]->inputs.size(), 4u);  // x, ord, axis, keepdims
}

TEST(LowerCall, UnknownMathFunction) {
  Lowered l = lower_source("import math\ndef f(x):\n    return math.sqroot(x)\n");
  EXPECT_TRUE(l.has_code("PG0310")) << l.describe();
}

TEST(LowerCall, UnknownMethod) {
  Lowered l = lower_source("def f(x):\n    return x.summ()\n");
  const Diagnostic* d = l.find("PG0304");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 14u);
  EXPECT_NE(d->message.find("'sum'"), std::string::npos) << d->message;
}

TEST(LowerCall, UnknownFunction) {
  Lowered l = lower_source("def f(x):\n    return lenn(x)\n");
  const Diagnostic* d = l.find("PG0302");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_NE(d->message.find("'len'"), std::string::npos) << d->message;
}

TEST(LowerCall, TooManyArguments) {
  Lowered l = lower_source("import numpy as np\ndef f(x):\n    return np.exp(x, x)\n");
  const Diagnostic* d = l.find("PG0305");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 22u);  // the first extra argument
}

TEST(LowerCall, MissingRequiredArgument) {
  Lowered l = lower_source("import numpy as np\ndef f(x):\n    return np.where(x, x)\n");
  const Diagnostic* d = l.find("PG0305");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_NE(d->message.find("'y'"), std::string::npos) << d->message;
}

TEST(LowerCall, UnknownKeywordSuggests) {
  Lowered l = lower_source("import numpy as np\ndef f(x):\n    return np.sum(x, axes=0)\n");
  const Diagnostic* d = l.find("PG0306");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 22u);
  EXPECT_NE(d->message.find("did you mean 'axis'?"), std::string::npos) << d->message;
}

TEST(LowerCall, DuplicateArgument) {
  Lowered l = lower_source("import numpy as np\ndef f(x):\n    return np.sum(x, 0, axis=1)\n");
  const Diagnostic* d = l.find("PG0307");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_EQ(d->range.column, 25u);
}

TEST(LowerCall, PrintWithStringsAndSeparators) {
  Lowered l = lower_clean("def f(x):\n    print('x =', x, sep='', end='!')\n");
  const Function& f = function(l, "f");
  const Node& print = only(f, OpCode::Print);
  ASSERT_EQ(print.inputs.size(), 2u);
  EXPECT_EQ(const_of(f, print.inputs[0]), Literal(std::string("x =")));
  EXPECT_EQ(*print.attr("sep"), Literal(std::string("")));
  EXPECT_EQ(*print.attr("end"), Literal(std::string("!")));
  EXPECT_TRUE(print.outputs.empty());
}

TEST(LowerCall, PrintDefaultsAndSurvivesDce) {
  Lowered l = lower_clean("def f():\n    print()\n");
  const Function& f = function(l, "f");
  const Node& print = only(f, OpCode::Print);
  EXPECT_EQ(*print.attr("sep"), Literal(std::string(" ")));
  EXPECT_EQ(*print.attr("end"), Literal(std::string("\n")));
}

TEST(LowerCall, PrintSeparatorMustBeLiteral) {
  Lowered l = lower_source("def f(x):\n    print(x, sep=x)\n");
  EXPECT_TRUE(l.has_code("PG0208")) << l.describe();
}

TEST(LowerCall, SameFileCallBindsDefaultsAndKeywords) {
  Lowered l = lower_clean(
      "def g(a, b=2, c=None):\n    return a\n"
      "def f(x):\n    return g(x, c=1)\n");
  const Function& f = function(l, "f");
  const Node& call = only(f, OpCode::Call);
  EXPECT_EQ(*call.attr("callee"), Literal(std::string("g")));
  ASSERT_EQ(call.inputs.size(), 3u);
  EXPECT_EQ(call.inputs[0], f.body.args[0]);
  EXPECT_EQ(const_of(f, call.inputs[1]), Literal(int64_t{2}));
  EXPECT_EQ(const_of(f, call.inputs[2]), Literal(int64_t{1}));
}

TEST(LowerCall, SameFileCallArgumentErrors) {
  Lowered l = lower_source(
      "def g(a):\n    return a\n"
      "def f(x):\n    return g(x, x) + g() + g(b=1)\n");
  EXPECT_TRUE(l.has_code("PG0305")) << l.describe();
  EXPECT_TRUE(l.has_code("PG0306")) << l.describe();
}

TEST(LowerCall, ArgumentsAreLoweredInSourceOrder) {
  Lowered l = lower_clean(
      "def g(a, b):\n    return a\n"
      "def h(v):\n    print(v)\n    return v\n"
      "def f():\n    return g(b=h(1), a=h(2))\n");
  const Function& f = function(l, "f");
  std::vector<const Node*> calls = nodes_with(f, OpCode::Call);
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(const_of(f, calls[0]->inputs[0]), Literal(int64_t{1}));
  EXPECT_EQ(calls[2]->inputs[1], calls[0]->outputs[0]);
}

TEST(LowerCall, ModuleConstantIsNotCallable) {
  Lowered l = lower_source("import math\ndef f():\n    return math.pi()\n");
  const Diagnostic* d = l.find("PG0310");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_NE(d->message.find("constant"), std::string::npos) << d->message;
}

// Outside a for loop, range() is the list of its ints.
TEST(LowerCall, RangeOutsideForIsAList) {
  Lowered l = lower_clean("def f(n):\n    return list(range(1, n, 2))\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::RangeList).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::RangeStep).size(), 0u);  // a constant step is checked here
}

// `max(xs, key=lambda ...)` and `sorted(xs, key=...)` evaluate the keys with
// a loop (transform/ast_passes/inline_lambdas.h); no lambda is left.
TEST(LowerCall, KeyLambdasBecomeKeyLists) {
  Lowered l = lower_clean(
      "def f(xs):\n"
      "    a = max(xs, key=lambda v: -v)\n"
      "    return sorted(xs, key=lambda v: abs(v), reverse=True), a\n");
  const Function& f = function(l, "f");
  EXPECT_EQ(nodes_with(f, OpCode::PyMaxBy).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Sorted).size(), 1u);
  EXPECT_EQ(nodes_with(f, OpCode::Loop).size(), 2u);
}

TEST(LowerCall, InPlaceMethodInAnExpressionIsReported) {
  Lowered l = lower_source("def f(xs):\n    return xs.append(1)\n");
  const Diagnostic* d = l.find("PG0214");
  ASSERT_NE(d, nullptr) << l.describe();
  EXPECT_NE(d->message.find("returns None"), std::string::npos);
}

}  // namespace
}  // namespace pygraft::testing
