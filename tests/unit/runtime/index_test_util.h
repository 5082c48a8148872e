// getitem / setitem calls for the indexing tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "kernel_test_util.h"

namespace pygraft::rt::testing {

namespace il = index_layout;

inline Value getitem(Value x, std::vector<int64_t> codes, std::vector<Value> parts) {
  std::vector<Value> inputs{std::move(x)};
  for (Value& p : parts) inputs.push_back(std::move(p));
  return run_kernel(kernel_getitem, std::move(inputs), {index_attr(std::move(codes))});
}

inline Value setitem(Value x, Value value, std::vector<int64_t> codes, std::vector<Value> parts) {
  std::vector<Value> inputs{std::move(x), std::move(value)};
  for (Value& p : parts) inputs.push_back(std::move(p));
  return run_kernel(kernel_setitem, std::move(inputs), {index_attr(std::move(codes))});
}

inline Value i64(int64_t v) {
  return Value(v);
}

inline Tensor int_tensor(const Shape& shape, const std::vector<double>& values) {
  return make_tensor(DType::Int64, shape, values);
}

inline Tensor bool_tensor(const Shape& shape, const std::vector<double>& values) {
  return make_tensor(DType::Bool, shape, values);
}

// The message of the RuntimeError `f` throws ("" when it does not throw).
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const RuntimeError& e) {
    return e.what();
  }
  return "";
}

}  // namespace pygraft::rt::testing
