// argmax/argmin and cumsum.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

Value none() {
  return Value();
}
Value keep(bool k) {
  return Value(k);
}

TEST(ReduceArgTest, FlatIndexWithoutAxis) {
  expect_tensor(run_kernel(kernel_argmax, {i64({2, 2}, {1, 9, 9, 2}), none(), keep(false)}),
                DType::Int64, {}, {1});
}

TEST(ReduceArgTest, AlongAxisZero) {
  expect_tensor(
      run_kernel(kernel_argmax, {i64({2, 2}, {1, 9, 9, 2}), Value(int64_t{0}), keep(false)}),
      DType::Int64, {2}, {1, 0});
}

TEST(ReduceArgTest, AlongLastAxisWithKeepdims) {
  expect_tensor(
      run_kernel(kernel_argmin, {f64({2, 3}, {3, 1, 2, 0, 5, 0}), Value(int64_t{-1}), keep(true)}),
      DType::Int64, {2, 1}, {1, 0});
}

TEST(ReduceArgTest, KeepdimsWithoutAxis) {
  expect_tensor(run_kernel(kernel_argmax, {i64({2, 2}, {1, 2, 3, 4}), none(), keep(true)}),
                DType::Int64, {1, 1}, {3});
}

TEST(ReduceArgTest, FirstNanWins) {
  expect_tensor(run_kernel(kernel_argmax, {f64({4}, {1, kNaN, 3, kNaN}), none(), keep(false)}),
                DType::Int64, {}, {1});
  expect_tensor(run_kernel(kernel_argmin, {f64({3}, {1, 0, kNaN}), none(), keep(false)}),
                DType::Int64, {}, {2});
}

TEST(ReduceArgTest, FirstOfTiesWins) {
  expect_tensor(run_kernel(kernel_argmax, {i32({4}, {1, 5, 5, 0}), none(), keep(false)}),
                DType::Int64, {}, {1});
}

// Long float rows take the vectorised extremum: the first best element or
// the first NaN wins wherever it sits (vector body or tail), and -0.0 ties
// +0.0 as in NumPy.
TEST(ReduceArgTest, LongFloatRowsFindTheFirstBestAnywhere) {
  for (int64_t n : {1, 7, 16, 17, 33, 70}) {
    for (int64_t at = 0; at < n; at += 5) {
      std::vector<double> row(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) row[static_cast<size_t>(i)] = static_cast<double>(i % 3);
      row[static_cast<size_t>(at)] = 10;
      if (at + 2 < n) row[static_cast<size_t>(at + 2)] = 10;  // a later tie
      for (auto make : {f64, f32}) {
        expect_tensor(run_kernel(kernel_argmax, {make({n}, row), none(), keep(false)}),
                      DType::Int64, {}, {static_cast<double>(at)});
        std::vector<double> nan_row = row;
        nan_row[static_cast<size_t>(n - 1 - at)] = kNaN;
        expect_tensor(run_kernel(kernel_argmin, {make({n}, nan_row), none(), keep(false)}),
                      DType::Int64, {}, {static_cast<double>(n - 1 - at)});
      }
    }
  }
  expect_tensor(run_kernel(kernel_argmax, {f64({3}, {-0.0, 0.0, -1}), none(), keep(false)}),
                DType::Int64, {}, {0});
}

TEST(ReduceArgTest, EmptyIsAnError) {
  EXPECT_EQ(error_of(kernel_argmax, {f64({0}, {}), none(), keep(false)}),
            "attempt to get argmax of an empty sequence");
  EXPECT_EQ(error_of(kernel_argmin, {f64({2, 0}, {}), Value(int64_t{1}), keep(false)}),
            "attempt to get argmin of an empty sequence");
}

TEST(ReduceArgTest, PythonScalarInput) {
  expect_tensor(run_kernel(kernel_argmax, {Value(int64_t{5}), none(), keep(false)}), DType::Int64,
                {}, {0});
}

TEST(CumsumTest, FlattensWithoutAxis) {
  expect_tensor(run_kernel(kernel_cumsum, {i32({2, 3}, {1, 2, 3, 4, 5, 6}), none(), none()}),
                DType::Int64, {6}, {1, 3, 6, 10, 15, 21});
}

TEST(CumsumTest, AlongAxisZero) {
  expect_tensor(
      run_kernel(kernel_cumsum, {i64({2, 3}, {1, 2, 3, 4, 5, 6}), Value(int64_t{0}), none()}),
      DType::Int64, {2, 3}, {1, 2, 3, 5, 7, 9});
}

TEST(CumsumTest, AlongLastAxis) {
  expect_tensor(run_kernel(kernel_cumsum, {f32({2, 2}, {1, 2, 3, 4}), Value(int64_t{-1}), none()}),
                DType::Float32, {2, 2}, {1, 3, 3, 7});
}

TEST(CumsumTest, BoolCountsUp) {
  expect_tensor(run_kernel(kernel_cumsum, {bools({4}, {1, 1, 0, 1}), none(), none()}), DType::Int64,
                {4}, {1, 2, 2, 3});
}

TEST(CumsumTest, DtypeArgument) {
  expect_tensor(run_kernel(kernel_cumsum, {i64({2}, {1, 2}), none(), Value(DType::Float64)}),
                DType::Float64, {2}, {1, 3});
}

TEST(CumsumTest, PythonScalarGivesOneElement) {
  expect_tensor(run_kernel(kernel_cumsum, {Value(int64_t{5}), none(), none()}), DType::Int64, {1},
                {5});
}

TEST(CumsumTest, DoesNotWriteIntoASharedInput) {
  Tensor t = i64({3}, {1, 1, 1});
  run_kernel(kernel_cumsum, {t, none(), none()});
  EXPECT_EQ(t.get_as_int(2), 1);
}

TEST(CumsumTest, ReusesAUniqueInput) {
  Tensor t = i64({3}, {1, 1, 1});
  const void* data = t.raw();
  Value r = run_kernel(kernel_cumsum, moved_inputs(std::move(t), Value(), Value()));
  EXPECT_EQ(r.as<Tensor>().raw(), data);
  expect_tensor(r, DType::Int64, {3}, {1, 2, 3});
}

}  // namespace
}  // namespace pygraft::rt
