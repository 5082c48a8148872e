// The --signature grammar (onnx_export/signature.h): what each spelling of a
// type means, where a malformed signature is reported, and signature_text as
// its inverse.
#include "onnx_export/signature.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace pygraft::onnx_export {
namespace {

Signature parsed(const std::string& text) {
  std::variant<Signature, std::string> result = parse_signature(text);
  if (const std::string* error = std::get_if<std::string>(&result)) {
    ADD_FAILURE() << text << ": " << *error;
    return {};
  }
  return std::get<Signature>(result);
}

// The message for a malformed signature; a failure if it parses.
std::string error_of(const std::string& text) {
  std::variant<Signature, std::string> result = parse_signature(text);
  if (std::holds_alternative<Signature>(result)) {
    ADD_FAILURE() << text << " parsed, but should be refused";
    return "";
  }
  return std::get<std::string>(result);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

StaticDim size(int64_t n) {
  return StaticDim{n, ""};
}
StaticDim named(const std::string& name) {
  return StaticDim{-1, name};
}

TEST(Signature, NamesTheFunctionAndTypesEachArgument) {
  Signature s = parsed("rnn(float32[T,H], float32[H,H], int)");
  EXPECT_EQ(s.function, "rnn");
  ASSERT_EQ(s.args.size(), 3u);
  EXPECT_EQ(s.args[0], StaticType::array(DType::Float32, {named("T"), named("H")}));
  EXPECT_EQ(s.args[1], StaticType::array(DType::Float32, {named("H"), named("H")}));
  EXPECT_EQ(s.args[2], StaticType::python_int());
}

TEST(Signature, DimsAreSizesNamesOrUnknown) {
  Signature s = parsed("f(int32[3, N, ?])");
  ASSERT_EQ(s.args.size(), 1u);
  EXPECT_EQ(s.args[0], StaticType::array(DType::Int32, {size(3), named("N"), StaticDim{}}));
}

TEST(Signature, SpacesAreAllowedBetweenTokens) {
  EXPECT_EQ(parsed("  f ( float32 [ T , 4 ] , bool )  ").args,
            parsed("f(float32[T,4], bool)").args);
}

TEST(Signature, PythonNumberNamesArePythonScalars) {
  Signature s = parsed("f(int, float, bool, int64, float64)");
  ASSERT_EQ(s.args.size(), 5u);
  EXPECT_EQ(s.args[0], StaticType::python_int());
  EXPECT_EQ(s.args[1], StaticType::python_float());
  EXPECT_EQ(s.args[2], StaticType::python_bool());
  EXPECT_EQ(s.args[3], StaticType::python_int());
  EXPECT_EQ(s.args[4], StaticType::python_float());
  for (const StaticType& t : s.args) {
    EXPECT_TRUE(t.is_python_scalar()) << t.describe();
    EXPECT_FALSE(t.constant.has_value()) << t.describe();
  }
}

TEST(Signature, OtherBareDtypesAreZeroDimArrays) {
  Signature s = parsed("f(float32, int32, uint8, float16)");
  ASSERT_EQ(s.args.size(), 4u);
  EXPECT_EQ(s.args[0], StaticType::array(DType::Float32, {}));
  EXPECT_EQ(s.args[1], StaticType::array(DType::Int32, {}));
  EXPECT_EQ(s.args[2], StaticType::array(DType::UInt8, {}));
  EXPECT_EQ(s.args[3], StaticType::array(DType::Float16, {}));
}

TEST(Signature, EmptyBracketsAreAZeroDimArray) {
  Signature s = parsed("f(float32[], float64[], int64[])");
  ASSERT_EQ(s.args.size(), 3u);
  EXPECT_EQ(s.args[0], StaticType::array(DType::Float32, {}));
  // With brackets, float64 and int64 are arrays, not Python numbers.
  EXPECT_EQ(s.args[1], StaticType::array(DType::Float64, {}));
  EXPECT_EQ(s.args[2], StaticType::array(DType::Int64, {}));
}

TEST(Signature, IntAndFloatWithDimsAreInt64AndFloat64Arrays) {
  Signature s = parsed("f(int[N], float[2], bool[N])");
  ASSERT_EQ(s.args.size(), 3u);
  EXPECT_EQ(s.args[0], StaticType::array(DType::Int64, {named("N")}));
  EXPECT_EQ(s.args[1], StaticType::array(DType::Float64, {size(2)}));
  EXPECT_EQ(s.args[2], StaticType::array(DType::Bool, {named("N")}));
}

TEST(Signature, TheFunctionNameMayBeLeftOut) {
  Signature s = parsed("(float32[T])");
  EXPECT_EQ(s.function, "");
  ASSERT_EQ(s.args.size(), 1u);
  EXPECT_EQ(s.args[0], StaticType::array(DType::Float32, {named("T")}));
}

TEST(Signature, NoArguments) {
  Signature s = parsed("make()");
  EXPECT_EQ(s.function, "make");
  EXPECT_TRUE(s.args.empty());
}

TEST(SignatureErrors, MissingOpeningParenthesis) {
  const std::string e = error_of("f float32");
  EXPECT_TRUE(contains(e, "column 3")) << e;
  EXPECT_TRUE(contains(e, "expected '('")) << e;
  EXPECT_TRUE(contains(e, "f float32")) << e;  // quotes what was given
}

TEST(SignatureErrors, NameStartingWithADigit) {
  const std::string e = error_of("3f(int)");
  EXPECT_TRUE(contains(e, "column 1")) << e;
  EXPECT_TRUE(contains(e, "expected '('")) << e;
}

TEST(SignatureErrors, MissingType) {
  const std::string e = error_of("f(int, )");
  EXPECT_TRUE(contains(e, "column 8")) << e;
  EXPECT_TRUE(contains(e, "expected a type")) << e;
  EXPECT_TRUE(contains(error_of("f("), "expected a type"));
}

TEST(SignatureErrors, UnknownTypeName) {
  const std::string e = error_of("f(float32[T], tensor)");
  EXPECT_TRUE(contains(e, "column ")) << e;
  EXPECT_TRUE(contains(e, "unknown type 'tensor'")) << e;
}

TEST(SignatureErrors, MissingClosingParenthesis) {
  const std::string e = error_of("f(float32[T]");
  EXPECT_TRUE(contains(e, "column 13")) << e;
  EXPECT_TRUE(contains(e, "expected ',' or ')'")) << e;
}

TEST(SignatureErrors, TextAfterTheClosingParenthesis) {
  const std::string e = error_of("f(int) -> int");
  EXPECT_TRUE(contains(e, "column 8")) << e;
  EXPECT_TRUE(contains(e, "unexpected text after ')'")) << e;
}

TEST(SignatureErrors, MissingDimension) {
  const std::string e = error_of("f(float32[T,])");
  EXPECT_TRUE(contains(e, "column 13")) << e;
  EXPECT_TRUE(contains(e, "expected a dimension")) << e;
  EXPECT_TRUE(contains(error_of("f(float32[-1])"), "expected a dimension"));
}

TEST(SignatureErrors, DimensionTooLarge) {
  const std::string e = error_of("f(float32[99999999999999999999])");
  EXPECT_TRUE(contains(e, "column ")) << e;
  EXPECT_TRUE(contains(e, "expected a dimension")) << e;
}

TEST(SignatureErrors, MissingClosingBracket) {
  const std::string e = error_of("f(float32[T H])");
  EXPECT_TRUE(contains(e, "column 13")) << e;
  EXPECT_TRUE(contains(e, "expected ',' or ']'")) << e;
  EXPECT_TRUE(contains(error_of("f(float32[T"), "expected ',' or ']'"));
}

TEST(SignatureText, WritesTheCanonicalSpelling) {
  Signature s = parsed("rnn( float32[T,H],float32[H, 4] , int,bool,float )");
  EXPECT_EQ(signature_text(s.function, s.args),
            "rnn(float32[T,H], float32[H,4], int, bool, float)");
}

TEST(SignatureText, UnknownDimsAndZeroDimArrays) {
  EXPECT_EQ(signature_text("f", parsed("f(int32[?,2], float32, float64[])").args),
            "f(int32[?,2], float32, float64[])");
}

TEST(SignatureText, ParsesBackToTheSameTypes) {
  for (const char* text : {"f(float32[T,H], float32[H,H], int)", "g(int, float, bool)",
                           "h(int64, float64)", "k(float32, float32[], float64[], int64[], bool[])",
                           "m(uint8[?,3,N], float16[1])", "n()"}) {
    Signature s = parsed(text);
    const std::string written = signature_text(s.function, s.args);
    Signature again = parsed(written);
    EXPECT_EQ(again.function, s.function) << text << " -> " << written;
    EXPECT_EQ(again.args, s.args) << text << " -> " << written;
  }
}

}  // namespace
}  // namespace pygraft::onnx_export
