// pygraft's dtypes and static types as ONNX element types, tensor types and
// constant tensors; attribute setters for nodes.
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/dtype.h"
#include "graph/static_types.h"

namespace pygraft::onnx_export {

int32_t onnx_element_type(DType dtype);

// A tensor type with the type's element type and rank; known dims become
// dim_value, named ones dim_param (with `named_dims`), the rest stay unknown.
void set_tensor_type(onnx::TypeProto& type, const StaticType& t, bool named_dims);

// One-element-per-value constant tensors (rank 0 unless `dims` given).
onnx::TensorProto scalar_tensor(DType dtype, double value);
onnx::TensorProto int64_tensor(const std::vector<int64_t>& values, bool rank0 = false);
// The constant of a Python scalar type (bool, int, float) as a 0-d tensor of
// `dtype` (its default dtype, or the dtype it is used as).
onnx::TensorProto literal_tensor(const Literal& literal, DType dtype);

void set_attr(onnx::NodeProto& node, std::string_view name, int64_t value);
void set_attr(onnx::NodeProto& node, std::string_view name, float value);
void set_attr(onnx::NodeProto& node, std::string_view name, const std::string& value);
void set_attr(onnx::NodeProto& node, std::string_view name, const std::vector<int64_t>& values);
void set_attr(onnx::NodeProto& node, std::string_view name, const onnx::TensorProto& value);
void set_attr(onnx::NodeProto& node, std::string_view name, onnx::GraphProto value);

}  // namespace pygraft::onnx_export
