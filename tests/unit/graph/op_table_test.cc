// The op table built from graph/ops.def: parsing, consistency, lookups.
#include "graph/op_table.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "graph/op_table_check.h"
#include "graph/spelling_parser.h"

namespace pygraft {
namespace {

TEST(OpTable, EveryEntryIsWellFormed) {
  std::vector<std::string> problems = check_op_table();
  for (const std::string& p : problems) ADD_FAILURE() << p;
}

TEST(OpTable, IrNamesRoundTrip) {
  for (int i = 0; i < kNumOpCodes; ++i) {
    auto code = static_cast<OpCode>(i);
    std::optional<OpCode> back = op_from_name(op_info(code).name);
    ASSERT_TRUE(back.has_value()) << op_info(code).name;
    EXPECT_EQ(*back, code);
  }
  EXPECT_FALSE(op_from_name("no_such_op").has_value());
}

TEST(OpTable, NumpySumHasCanonicalParamsAndDefaults) {
  auto match = find_spelling(SpellingKind::NumpyFunction, "sum");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->op->code, OpCode::Sum);
  const std::vector<ParamSpec>& params = match->op->params;
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(params[0].name, "a");
  EXPECT_FALSE(params[0].default_value.has_value());
  EXPECT_EQ(params[1].name, "axis");
  EXPECT_EQ(params[1].default_value, Literal(NoneLiteral{}));
  EXPECT_EQ(params[3].name, "keepdims");
  EXPECT_EQ(params[3].default_value, Literal(false));
  EXPECT_EQ(match->spelling->conversion, ResultConversion::None);
}

TEST(OpTable, ReshapeMethodIsVariadic) {
  auto match = find_spelling(SpellingKind::Method, "reshape");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->op->code, OpCode::Reshape);
  ASSERT_EQ(match->spelling->params.size(), 2u);
  EXPECT_EQ(match->spelling->params[0].name, "a");
  EXPECT_TRUE(match->spelling->params[1].variadic);
  EXPECT_EQ(match->spelling->params[1].name, "newshape");
  // The canonical list (np.reshape's) is not variadic.
  EXPECT_FALSE(match->op->params[1].variadic);
}

TEST(OpTable, BitwiseOrOperatorSpelling) {
  auto match = find_spelling(SpellingKind::BinaryOperator, "|");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->op->code, OpCode::BitOr);
  auto np = find_spelling(SpellingKind::NumpyFunction, "bitwise_or");
  ASSERT_TRUE(np.has_value());
  EXPECT_EQ(np->op->code, OpCode::BitOr);
  EXPECT_EQ(np->spelling->conversion, ResultConversion::ToArray);
}

TEST(OpTable, MathFloorConvertsToInt) {
  auto match = find_spelling(SpellingKind::MathFunction, "floor");
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->op->code, OpCode::Floor);
  EXPECT_EQ(match->spelling->conversion, ResultConversion::ToInt);
  EXPECT_EQ(find_spelling(SpellingKind::NumpyFunction, "floor")->spelling->conversion,
            ResultConversion::ToArray);
}

TEST(OpTable, OperatorsAndComparisons) {
  EXPECT_EQ(find_spelling(SpellingKind::BinaryOperator, "//")->op->code, OpCode::FloorDiv);
  EXPECT_EQ(find_spelling(SpellingKind::UnaryOperator, "-")->op->code, OpCode::Neg);
  EXPECT_EQ(find_spelling(SpellingKind::UnaryOperator, "not")->op->code, OpCode::Not);
  EXPECT_EQ(find_spelling(SpellingKind::Comparison, "<=")->op->code, OpCode::Le);
  EXPECT_FALSE(find_spelling(SpellingKind::Comparison, "+").has_value());
}

TEST(OpTable, AttributesAndBuiltins) {
  EXPECT_EQ(find_spelling(SpellingKind::Attribute, "T")->op->code, OpCode::Transpose);
  EXPECT_EQ(find_spelling(SpellingKind::Attribute, "shape")->op->code, OpCode::Shape);
  EXPECT_FALSE(find_spelling(SpellingKind::Method, "shape").has_value());
  EXPECT_EQ(find_spelling(SpellingKind::Builtin, "abs")->op->code, OpCode::Abs);
  EXPECT_EQ(find_spelling(SpellingKind::Builtin, "max")->op->code, OpCode::PyMax);
  EXPECT_TRUE(find_spelling(SpellingKind::Builtin, "max")->spelling->params[0].variadic);
  EXPECT_EQ(find_spelling(SpellingKind::NumpyFunction, "max")->op->code, OpCode::Max);
}

TEST(OpTable, CanonicalParamsComeFromFirstSpellingWithParams) {
  // ".shape | np.shape(a)": the attribute has none, np.shape gives (a).
  ASSERT_EQ(op_info(OpCode::Shape).params.size(), 1u);
  EXPECT_EQ(op_info(OpCode::Shape).params[0].name, "a");
  EXPECT_EQ(op_info(OpCode::Add).params.size(), 2u);
  EXPECT_TRUE(op_info(OpCode::Not).params.empty());
  EXPECT_TRUE(op_info(OpCode::Cond).structural);
  EXPECT_EQ(op_info(OpCode::Loop).num_outputs, -1);
  EXPECT_EQ(op_info(OpCode::Print).num_outputs, 0);
}

TEST(OpTable, NegativeAndFloatDefaults) {
  std::vector<std::string> errors;
  auto s = parse_spellings("np.f(a, b=-1, c=2.5, d=-0.5, e=(1, 2), g='x') -> float", errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].params[1].default_value, Literal(int64_t{-1}));
  EXPECT_EQ(s[0].params[2].default_value, Literal(2.5));
  EXPECT_EQ(s[0].params[3].default_value, Literal(-0.5));
  EXPECT_EQ(s[0].params[4].default_value,
            Literal(LiteralTuple{Literal(int64_t{1}), Literal(int64_t{2})}));
  EXPECT_EQ(s[0].params[5].default_value, Literal(std::string("x")));
  EXPECT_EQ(s[0].conversion, ResultConversion::ToFloat);
  EXPECT_EQ(op_info(OpCode::Linspace).params[2].default_value, Literal(int64_t{50}));
  EXPECT_EQ(op_info(OpCode::Linspace).params[3].default_value, Literal(true));
  EXPECT_EQ(op_info(OpCode::ToFloat).params[0].default_value, Literal(0.0));
}

TEST(OpTable, MalformedSpellingsAreReported) {
  std::vector<std::string> errors;
  parse_spellings("np.f(a, b=) | np.g(a | math.h(x) -> list | .9bad", errors);
  EXPECT_EQ(errors.size(), 4u);
}

TEST(OpTable, SpelledNamesListsEachNameOnce) {
  std::vector<std::string_view> methods = spelled_names(SpellingKind::Method);
  EXPECT_NE(std::find(methods.begin(), methods.end(), "reshape"), methods.end());
  EXPECT_EQ(std::count(methods.begin(), methods.end(), "sum"), 1);
  std::vector<std::string_view> ops = spelled_names(SpellingKind::BinaryOperator);
  EXPECT_NE(std::find(ops.begin(), ops.end(), "|"), ops.end());
}

ScalarRules rules_of(SpellingKind kind, std::string_view name) {
  std::optional<SpellingMatch> match = find_spelling(kind, name);
  EXPECT_TRUE(match.has_value()) << name;
  return match ? match->spelling->rules : ScalarRules::Python;
}

// Each spelling's Python-scalar rules follow from its kind and conversion.
TEST(OpTable, ScalarRulesPerSpelling) {
  EXPECT_EQ(rules_of(SpellingKind::BinaryOperator, "%"), ScalarRules::Python);
  EXPECT_EQ(rules_of(SpellingKind::UnaryOperator, "-"), ScalarRules::Python);
  EXPECT_EQ(rules_of(SpellingKind::Comparison, "<"), ScalarRules::Python);
  EXPECT_EQ(rules_of(SpellingKind::Builtin, "abs"), ScalarRules::Python);
  EXPECT_EQ(rules_of(SpellingKind::NumpyFunction, "mod"), ScalarRules::NumpyUfunc);
  EXPECT_EQ(rules_of(SpellingKind::NumpyFunction, "abs"), ScalarRules::NumpyUfunc);
  EXPECT_EQ(rules_of(SpellingKind::NumpyFunction, "matmul"), ScalarRules::NumpyUfunc);
  EXPECT_EQ(rules_of(SpellingKind::NumpyFunction, "outer"), ScalarRules::NumpyAsArray);
  EXPECT_EQ(rules_of(SpellingKind::NumpyFunction, "where"), ScalarRules::NumpyAsArray);
  EXPECT_EQ(rules_of(SpellingKind::NumpyFunction, "sum"), ScalarRules::NumpyAsArray);
  EXPECT_EQ(rules_of(SpellingKind::MathFunction, "sqrt"), ScalarRules::Math);
  EXPECT_EQ(rules_of(SpellingKind::MathFunction, "pow"), ScalarRules::Math);
  EXPECT_EQ(rules_of(SpellingKind::Method, "max"), ScalarRules::ArrayMethod);
  EXPECT_EQ(rules_of(SpellingKind::Attribute, "size"), ScalarRules::ArrayMethod);
}

// math.pow is not **: it raises ValueError where ** raises ZeroDivisionError.
TEST(OpTable, MathPowIsItsOwnOp) {
  EXPECT_EQ(find_spelling(SpellingKind::MathFunction, "pow")->op->code, OpCode::MathPow);
  EXPECT_EQ(find_spelling(SpellingKind::BinaryOperator, "**")->op->code, OpCode::Pow);
  EXPECT_EQ(op_info(OpCode::UfuncOperand).effects, OpEffects::Pure);
  EXPECT_EQ(op_info(OpCode::ArrayReceiver).effects, OpEffects::Raises);
}

}  // namespace
}  // namespace pygraft
