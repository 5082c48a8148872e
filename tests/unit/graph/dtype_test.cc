// DType names and sizes.
#include "graph/dtype.h"

#include <gtest/gtest.h>

namespace pygraft {
namespace {

TEST(DType, NamesRoundTrip) {
  for (int i = 0; i < kNumDTypes; ++i) {
    auto t = static_cast<DType>(i);
    EXPECT_EQ(dtype_from_name(dtype_name(t)), t);
  }
  EXPECT_EQ(dtype_name(DType::Float32), "float32");
  EXPECT_EQ(dtype_name(DType::Bool), "bool");
  EXPECT_EQ(dtype_from_name("uint8"), DType::UInt8);
  EXPECT_EQ(dtype_from_name("float16"), DType::Float16);
  EXPECT_FALSE(dtype_from_name("complex128").has_value());
  EXPECT_FALSE(dtype_from_name("uint8 ").has_value());
}

TEST(DType, Sizes) {
  EXPECT_EQ(dtype_size(DType::Bool), 1);
  EXPECT_EQ(dtype_size(DType::Int32), 4);
  EXPECT_EQ(dtype_size(DType::Int64), 8);
  EXPECT_EQ(dtype_size(DType::Float32), 4);
  EXPECT_EQ(dtype_size(DType::Float64), 8);
  EXPECT_EQ(dtype_size(DType::UInt8), 1);
  EXPECT_EQ(dtype_size(DType::Int16), 2);
  EXPECT_EQ(dtype_size(DType::Float16), 2);
  EXPECT_EQ(dtype_size(DType::UInt64), 8);
}

}  // namespace
}  // namespace pygraft
