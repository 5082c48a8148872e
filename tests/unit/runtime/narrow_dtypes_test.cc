// The narrow-dtype boundary (runtime/narrow_dtypes.h) and float16 storage
// (runtime/half.h). Results are checked end to end against NumPy by
// tests/cases/narrow_dtypes.py; these pin what the differential test cannot
// reach: refusals, and float16 rounding at its edges.
#include "runtime/narrow_dtypes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "runtime/cast.h"
#include "runtime/half.h"
#include "tests/unit/runtime/kernel_test_util.h"

namespace pygraft::rt {
namespace {

using testing::make_tensor;
using testing::run_kernel;

Tensor narrow(DType dtype, const std::vector<double>& values) {
  return cast(make_tensor(DType::Int64, Shape{static_cast<int64_t>(values.size())}, values), dtype);
}

std::string error_of(OpCode op, std::vector<Value> inputs) {
  try {
    run_kernel(kernel_for(op), std::move(inputs));
  } catch (const RuntimeError& e) {
    return e.what();
  }
  return "";
}

TEST(NarrowDtypes, ArithmeticWrapsInTheNarrowDtype) {
  Value sum = run_kernel(kernel_for(OpCode::Add), {Value(narrow(DType::UInt8, {200, 3})),
                                                   Value(narrow(DType::UInt8, {100, 4}))});
  ASSERT_TRUE(sum.is<Tensor>());
  EXPECT_EQ(sum.as<Tensor>().dtype(), DType::UInt8);
  EXPECT_EQ(testing::values_of(sum.as<Tensor>()), (std::vector<double>{44, 7}));
}

TEST(NarrowDtypes, AnOpWithoutARuleRefusesWithAHint) {
  const std::string message = error_of(OpCode::PyMax, {Value(Tensor::scalar(DType::UInt8, 1)),
                                                       Value(Tensor::scalar(DType::UInt8, 2))});
  EXPECT_NE(message.find("'max()' does not take uint8 arrays"), std::string::npos) << message;
  EXPECT_NE(message.find("astype"), std::string::npos) << message;
}

TEST(NarrowDtypes, Uint64AboveInt64IsRefusedNotCompared) {
  Tensor big = cast(make_tensor(DType::Int64, Shape{1}, {-1}), DType::UInt64);  // 2**64 - 1
  const std::string message = error_of(OpCode::Lt, {Value(big), Value(narrow(DType::UInt64, {1}))});
  EXPECT_NE(message.find("18446744073709551615"), std::string::npos) << message;
  // Wrapping arithmetic needs no comparison: it stays exact.
  Value next = run_kernel(kernel_for(OpCode::Add), {Value(big), Value(int64_t{1})});
  EXPECT_EQ(next.as<Tensor>().dtype(), DType::UInt64);
  EXPECT_EQ(next.as<Tensor>().data<uint64_t>()[0], 0u);
}

TEST(NarrowDtypes, PythonIntsMustFitTheArraysDtype) {
  const std::string message =
      error_of(OpCode::Add, {Value(narrow(DType::Int8, {1})), Value(int64_t{128})});
  EXPECT_NE(message.find("Python integer 128 out of bounds for int8"), std::string::npos)
      << message;
}

TEST(Half, RoundsToNearestEvenAtTheEdges) {
  EXPECT_EQ(float_to_half(65504.0f).bits, 0x7bffu);  // the largest finite
  EXPECT_EQ(float_to_half(65519.0f).bits, 0x7bffu);  // below the midpoint to inf
  EXPECT_EQ(float_to_half(65520.0f).bits, 0x7c00u);  // the midpoint rounds to inf (even)
  EXPECT_EQ(float_to_half(0x1p-24f).bits, 0x0001u);  // the smallest subnormal
  EXPECT_EQ(float_to_half(0x1p-25f).bits, 0x0000u);  // half of it: ties to even (zero)
  EXPECT_EQ(float_to_half(-0.0f).bits, 0x8000u);
  EXPECT_EQ(half_to_float(Half{0x3555}), 0.333251953125f);
  EXPECT_TRUE(std::isnan(half_to_float(float_to_half(std::numeric_limits<float>::quiet_NaN()))));
  // 1 + 2**-11 + 2**-40 is above the tie between 1 and 1 + 2**-10: one
  // rounding gives 1 + 2**-10; rounding to float first would give 1.
  EXPECT_EQ(double_to_half(1.0 + 0x1p-11 + 0x1p-40).bits, 0x3c01u);
}

TEST(Half, PrintsWithFloat16sShortestDigits) {
  EXPECT_EQ(half_display_value(float_to_half(0.1f)), 0.1f);
  EXPECT_EQ(half_display_value(float_to_half(14.14f)), 14.14f);
  EXPECT_EQ(half_display_value(float_to_half(65504.0f)), 65500.0f);
}

}  // namespace
}  // namespace pygraft::rt
