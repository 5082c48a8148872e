// Helpers for calling one kernel directly in unit tests.
#pragma once

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/index_layout.h"
#include "runtime/kernel.h"
#include "runtime/tensor.h"
#include "runtime/value.h"

namespace pygraft::rt::testing {

// Runs `kernel` on `inputs` with node attributes `attrs`; returns output 0.
inline Value run_kernel(KernelFn kernel, std::vector<Value> inputs,
                        std::vector<Attribute> attrs = {}, std::string* printed = nullptr) {
  Node node;
  node.attrs = std::move(attrs);
  std::vector<Value> outputs(1);
  std::ostringstream stream;
  KernelContext ctx{inputs, outputs, node, stream};
  kernel(ctx);
  if (printed != nullptr) *printed = stream.str();
  return outputs[0];
}

// A tensor of `shape` holding `values` converted to `dtype`.
inline Tensor make_tensor(DType dtype, const Shape& shape, const std::vector<double>& values) {
  Tensor t = Tensor::empty(dtype, shape);
  dispatch_dtype(dtype, [&](auto tag) {
    using T = decltype(tag);
    for (size_t i = 0; i < values.size(); ++i) t.data<T>()[i] = static_cast<T>(values[i]);
  });
  return t;
}

// 0, 1, 2, ... in `shape`.
inline Tensor iota(DType dtype, const Shape& shape) {
  std::vector<double> values(static_cast<size_t>(shape.numel()));
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i);
  return make_tensor(dtype, shape, values);
}

inline std::vector<double> values_of(const Tensor& t) {
  std::vector<double> out;
  for (int64_t i = 0; i < t.numel(); ++i) out.push_back(t.get_as_double(i));
  return out;
}

inline const Tensor& tensor_of(const Value& v) {
  return v.as<Tensor>();
}

inline Value tuple_of(std::vector<Value> items) {
  return Value::tuple(std::move(items));
}

// The "index" attribute from layout codes.
inline Attribute index_attr(std::vector<int64_t> codes) {
  LiteralTuple items;
  for (int64_t c : codes) items.emplace_back(c);
  return Attribute{"index", Literal(std::move(items))};
}

inline int64_t slice_code(bool start, bool stop, bool step) {
  return index_layout::kSlice + (start ? index_layout::kSliceHasStart : 0) +
         (stop ? index_layout::kSliceHasStop : 0) + (step ? index_layout::kSliceHasStep : 0);
}

}  // namespace pygraft::rt::testing
