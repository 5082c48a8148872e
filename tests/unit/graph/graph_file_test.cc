// Graph file round trip: serialize -> load gives an equal module, and the
// same module always serializes to the same bytes.
#include "graph/graph_file.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "ir_samples.h"

namespace pygraft {
namespace {

TEST(GraphFile, RoundTripIsEqual) {
  Module m = testing::sample_module();
  LoadResult loaded = load_module(serialize_module(m));
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  EXPECT_TRUE(*loaded.module == m);
}

TEST(GraphFile, ReserializationIsByteIdentical) {
  std::string bytes = serialize_module(testing::sample_module());
  EXPECT_EQ(serialize_module(testing::sample_module()), bytes);
  LoadResult loaded = load_module(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  EXPECT_EQ(serialize_module(*loaded.module), bytes);
}

TEST(GraphFile, EveryLiteralKindRoundTrips) {
  Module m = testing::sample_module();
  Function& f = m.functions[1];
  LiteralTuple all{Literal(NoneLiteral{}),
                   Literal(true),
                   Literal(false),
                   Literal(std::numeric_limits<int64_t>::min()),
                   Literal(-0.0),
                   Literal(std::numeric_limits<double>::infinity()),
                   Literal(std::string("a\0b", 3)),
                   Literal(DType::Float32),
                   Literal(LiteralTuple{Literal(LiteralTuple{})})};
  f.body.nodes[0].attrs[0].value = Literal(all);
  f.params[0].default_value = Literal(all);
  LoadResult loaded = load_module(serialize_module(m));
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  EXPECT_TRUE(*loaded.module == m);
}

TEST(GraphFile, NanKeepsItsBits) {
  Module m = testing::sample_module();
  m.functions[1].body.nodes[0].attrs[0].value = Literal(std::nan(""));
  std::string bytes = serialize_module(m);
  LoadResult loaded = load_module(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  EXPECT_TRUE(std::isnan(loaded.module->functions[1].body.nodes[0].attrs[0].value.as<double>()));
  EXPECT_EQ(serialize_module(*loaded.module), bytes);
}

TEST(GraphFile, EmptyModuleRoundTrips) {
  LoadResult loaded = load_module(serialize_module(Module{}));
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  EXPECT_TRUE(loaded.module->functions.empty());
}

TEST(GraphFile, StartsWithMagicAndVersion) {
  std::string bytes = serialize_module(Module{});
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x7fPGRAPH\n", 8));
  EXPECT_EQ(bytes.substr(8, 4), std::string("\x01\x00\x00\x00", 4));
}

}  // namespace
}  // namespace pygraft
