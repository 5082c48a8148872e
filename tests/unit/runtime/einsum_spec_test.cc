// np.einsum's subscripts parser (runtime/einsum_spec.h) against NumPy 1.24:
// labels, implicit outputs, ellipses, and each ValueError's message.
#include "runtime/einsum_spec.h"

#include <gtest/gtest.h>

#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

using Labels = std::vector<int>;
constexpr int kB0 = kBroadcastLabel;

EinsumLabels parse(std::string_view subscripts, std::vector<int> ranks) {
  return parse_einsum_subscripts(subscripts, ranks);
}

// The ValueError message parsing raises ("" when it does not raise).
std::string parse_error(std::string_view subscripts, std::vector<int> ranks) {
  try {
    parse(subscripts, std::move(ranks));
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.kind(), PyExc::ValueError);
    return e.what();
  }
  return "";
}

std::string shape_error(std::string_view subscripts, std::vector<Shape> shapes) {
  std::vector<int> ranks;
  for (const Shape& s : shapes) ranks.push_back(s.rank());
  try {
    resolve_einsum_shapes(parse(subscripts, ranks), shapes);
  } catch (const RuntimeError& e) {
    return e.what();
  }
  return "";
}

TEST(EinsumSpec, ExplicitMatrixProduct) {
  EinsumLabels l = parse("ij,jk->ik", {2, 2});
  EXPECT_EQ(l.operands[0], (Labels{'i', 'j'}));
  EXPECT_EQ(l.operands[1], (Labels{'j', 'k'}));
  EXPECT_EQ(l.output, (Labels{'i', 'k'}));
}

TEST(EinsumSpec, ImplicitOutputIsTheLabelsUsedOnceInAsciiOrder) {
  EXPECT_EQ(parse("ij,jk", {2, 2}).output, (Labels{'i', 'k'}));
  EXPECT_EQ(parse("ba", {2}).output, (Labels{'a', 'b'}));
  EXPECT_EQ(parse("iI", {2}).output, (Labels{'I', 'i'}));
  EXPECT_EQ(parse("ii", {2}).output, Labels{});
}

TEST(EinsumSpec, SpacesAreIgnored) {
  EinsumLabels l = parse(" i j -> j i ", {2});
  EXPECT_EQ(l.operands[0], (Labels{'i', 'j'}));
  EXPECT_EQ(l.output, (Labels{'j', 'i'}));
}

TEST(EinsumSpec, RepeatedLabelsStayForTheDiagonal) {
  EinsumLabels l = parse("ii->i", {2});
  EXPECT_EQ(l.operands[0], (Labels{'i', 'i'}));
  EXPECT_EQ(l.output, (Labels{'i'}));
}

TEST(EinsumSpec, EllipsisDimensionsAlignFromTheRight) {
  EinsumLabels l = parse("...ij,...jk->...ik", {4, 3});
  EXPECT_EQ(l.operands[0], (Labels{kB0, kB0 + 1, 'i', 'j'}));
  EXPECT_EQ(l.operands[1], (Labels{kB0 + 1, 'j', 'k'}));
  EXPECT_EQ(l.output, (Labels{kB0, kB0 + 1, 'i', 'k'}));
  EXPECT_EQ(parse("...i", {3}).output, (Labels{kB0, kB0 + 1, 'i'}));
  EXPECT_EQ(parse("i...->...", {1}).output, Labels{});
}

// Note: NumPy 1.24's wording is the other way round from what happened.
TEST(EinsumSpec, OperandCountErrors) {
  EXPECT_EQ(parse_error("ij,jk->ik", {2}),
            "more operands provided to einstein sum function than specified in the subscripts "
            "string");
  EXPECT_EQ(parse_error("ij,jk->ik", {2, 2, 2}),
            "fewer operands provided to einstein sum function than specified in the subscripts "
            "string");
  EXPECT_EQ(parse_error("ij", {}), "not enough operands provided to einstein sum function");
}

TEST(EinsumSpec, RankErrors) {
  EXPECT_EQ(parse_error("ijk", {2}),
            "einstein sum subscripts string contains too many subscripts for operand 0");
  EXPECT_EQ(parse_error("i", {2}),
            "operand has more dimensions than subscripts given in einstein sum, but no '...' "
            "ellipsis provided to broadcast the extra dimensions.");
  EXPECT_EQ(parse_error("...->", {2}),
            "output has more dimensions than subscripts given in einstein sum, but no '...' "
            "ellipsis provided to broadcast the extra dimensions.");
}

TEST(EinsumSpec, CharacterErrors) {
  EXPECT_EQ(parse_error("i$j", {2}),
            "invalid subscript '$' in einstein sum subscripts string, subscripts must be letters");
  EXPECT_EQ(parse_error("ij->->", {2}),
            "invalid subscript '-' in einstein sum subscripts string, subscripts must be letters");
  EXPECT_EQ(parse_error("ij-", {2}),
            "einstein sum subscript string does not contain proper '->' output specified");
  EXPECT_EQ(parse_error(".i", {1}),
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis "
            "('...') in operand 0");
  EXPECT_EQ(parse_error("i->i.", {1}),
            "einstein sum subscripts string contains a '.' that is not part of an ellipsis "
            "('...') in the output");
}

// Python's UnicodeEncodeError (a ValueError), counted in characters.
TEST(EinsumSpec, NonAsciiSubscripts) {
  EXPECT_EQ(parse_error("i\xc3\xa9", {2}),
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in "
            "range(128)");
  EXPECT_EQ(parse_error("i\xc3\xa9\xe2\x82\xacj", {2}),
            "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
  EXPECT_EQ(parse_error("a\xf0\x9f\x98\x80", {2}),
            "'ascii' codec can't encode character '\\U0001f600' in position 1: ordinal not in "
            "range(128)");
}

TEST(EinsumSpec, OutputLabelErrors) {
  EXPECT_EQ(parse_error("ij->ik", {2}),
            "einstein sum subscripts string included output subscript 'k' which never appeared "
            "in an input");
  EXPECT_EQ(parse_error("ij->jj", {2}),
            "einstein sum subscripts string includes output subscript 'j' multiple times");
}

TEST(EinsumSpec, ShapesGiveLabelSizesWithSizeOneBroadcasting) {
  std::vector<Shape> shapes{Shape{2, 3}, Shape{1, 3}};
  EinsumShapes s = resolve_einsum_shapes(parse("ij,ij->ij", {2, 2}), shapes);
  EXPECT_EQ(s.output_shape, (Shape{2, 3}));
  EXPECT_EQ(s.sizes['i'], 2);
}

TEST(EinsumSpec, DiagonalsCombineStrides) {
  std::vector<Shape> shapes{Shape{3, 3}};
  EinsumShapes s = resolve_einsum_shapes(parse("ii", {2}), shapes);
  ASSERT_EQ(s.operands[0].labels, (Labels{'i'}));
  EXPECT_EQ(s.operands[0].strides[0], 4);
  EXPECT_EQ(s.output_shape, Shape{});
}

TEST(EinsumSpec, ShapeErrors) {
  EXPECT_EQ(shape_error("ii", {Shape{2, 3}}),
            "dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)");
  EXPECT_EQ(shape_error("ii->i", {Shape{2, 3}}),
            "dimensions in single operand for collapsing index 'i' don't match (2 != 3)");
  EXPECT_EQ(shape_error("ij,kj", {Shape{2, 3}, Shape{3, 4}}),
            "operands could not be broadcast together with remapped shapes "
            "[original->remapped]: (2,3)->(2,newaxis,3) (3,4)->(3,4) ");
  EXPECT_EQ(shape_error("...ij,...jk->...ik", {Shape{2, 3, 4}, Shape{3, 4, 5}}),
            "operands could not be broadcast together with remapped shapes "
            "[original->remapped]: (2,3,4)->(2,3,newaxis,4) (3,4,5)->(3,newaxis,5,4) ");
}

}  // namespace
}  // namespace pygraft::rt
