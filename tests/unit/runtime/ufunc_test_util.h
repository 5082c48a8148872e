// Helpers for the elementwise, reduction and builtin kernel tests, on top of
// kernel_test_util.h.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "runtime/kernel.h"
#include "tests/unit/runtime/kernel_test_util.h"

namespace pygraft::rt::testing {

// The message of the RuntimeError `kernel` throws, or "" when it does not.
inline std::string error_of(KernelFn kernel, std::vector<Value> inputs) {
  try {
    run_kernel(kernel, std::move(inputs));
  } catch (const RuntimeError& e) {
    return e.what();
  }
  return "";
}

// "Kind: message" for the RuntimeError `kernel` throws (Python's exception
// name, as in `ValueError: math domain error`), or "" when it does not.
inline std::string exception_of(KernelFn kernel, std::vector<Value> inputs,
                                std::vector<Attribute> attrs = {}) {
  try {
    run_kernel(kernel, std::move(inputs), std::move(attrs));
  } catch (const RuntimeError& e) {
    return std::string(exception_name(e.kind())) + ": " + e.what();
  }
  return "";
}

// Kernel inputs built by moving, so a tensor passed as an rvalue stays
// uniquely held (an initializer list would keep a second reference).
template <class... V>
std::vector<Value> moved_inputs(V&&... v) {
  std::vector<Value> out;
  (out.push_back(Value(std::forward<V>(v))), ...);
  return out;
}

inline Tensor f64(const Shape& shape, const std::vector<double>& v) {
  return make_tensor(DType::Float64, shape, v);
}
inline Tensor f32(const Shape& shape, const std::vector<double>& v) {
  return make_tensor(DType::Float32, shape, v);
}
inline Tensor i64(const Shape& shape, const std::vector<double>& v) {
  return make_tensor(DType::Int64, shape, v);
}
inline Tensor i32(const Shape& shape, const std::vector<double>& v) {
  return make_tensor(DType::Int32, shape, v);
}
inline Tensor bools(const Shape& shape, const std::vector<double>& v) {
  return make_tensor(DType::Bool, shape, v);
}

// Checks a tensor result's dtype, shape and values (exactly, NaN == NaN).
inline void expect_tensor(const Value& v, DType dtype, const Shape& shape,
                          const std::vector<double>& values) {
  ASSERT_TRUE(v.is_tensor()) << type_name(v);
  const Tensor& t = v.as<Tensor>();
  EXPECT_EQ(dtype_name(t.dtype()), dtype_name(dtype));
  EXPECT_EQ(t.shape().to_string(), shape.to_string());
  std::vector<double> got = values_of(t);
  ASSERT_EQ(got.size(), values.size());
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(values[i])) {
      EXPECT_TRUE(std::isnan(got[i])) << "at " << i;
    } else {
      EXPECT_DOUBLE_EQ(got[i], values[i]) << "at " << i;
    }
  }
}

inline void expect_near_tensor(const Value& v, DType dtype, const std::vector<double>& values,
                               double tolerance) {
  ASSERT_TRUE(v.is_tensor()) << type_name(v);
  EXPECT_EQ(dtype_name(v.as<Tensor>().dtype()), dtype_name(dtype));
  std::vector<double> got = values_of(v.as<Tensor>());
  ASSERT_EQ(got.size(), values.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], values[i], tolerance) << "at " << i;
}

}  // namespace pygraft::rt::testing
