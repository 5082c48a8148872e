#include "onnx_export/onnx_types.h"

#include <cstring>

// Header-only, no runtime library: float16 bits as NumPy rounds them.
#include "runtime/half.h"

namespace pygraft::onnx_export {

int32_t onnx_element_type(DType dtype) {
  using T = onnx::TensorProto;
  switch (dtype) {
    case DType::Bool:
      return T::BOOL;
    case DType::Int32:
      return T::INT32;
    case DType::Int64:
      return T::INT64;
    case DType::Float32:
      return T::FLOAT;
    case DType::Float64:
      return T::DOUBLE;
    case DType::UInt8:
      return T::UINT8;
    case DType::Int8:
      return T::INT8;
    case DType::Int16:
      return T::INT16;
    case DType::UInt16:
      return T::UINT16;
    case DType::UInt32:
      return T::UINT32;
    case DType::UInt64:
      return T::UINT64;
    case DType::Float16:
      return T::FLOAT16;
  }
  return T::UNDEFINED;
}

void set_tensor_type(onnx::TypeProto& type, const StaticType& t, bool named_dims) {
  onnx::TypeProto_Tensor* tensor = type.mutable_tensor_type();
  tensor->set_elem_type(onnx_element_type(t.dtype));
  onnx::TensorShapeProto* shape = tensor->mutable_shape();
  for (const StaticDim& d : t.dims) {
    onnx::TensorShapeProto_Dimension* dim = shape->add_dim();
    if (d.size >= 0) {
      dim->set_dim_value(d.size);
    } else if (named_dims && !d.name.empty()) {
      dim->set_dim_param(d.name);
    }
  }
}

onnx::TensorProto scalar_tensor(DType dtype, double value) {
  onnx::TensorProto t;
  t.set_data_type(onnx_element_type(dtype));
  switch (dtype) {
    case DType::Float64:
      t.add_double_data(value);
      break;
    case DType::Float32:
      t.add_float_data(static_cast<float>(value));
      break;
    case DType::Float16:
      t.add_int32_data(rt::double_to_half(value).bits);
      break;
    case DType::Int64:
      t.add_int64_data(static_cast<int64_t>(value));
      break;
    case DType::UInt32:
    case DType::UInt64:
      t.add_uint64_data(static_cast<uint64_t>(value));
      break;
    case DType::Bool:
      t.add_int32_data(value != 0.0 ? 1 : 0);
      break;
    default:  // int32 and the narrow ints are stored in int32_data
      t.add_int32_data(static_cast<int32_t>(value));
      break;
  }
  return t;
}

onnx::TensorProto int64_tensor(const std::vector<int64_t>& values, bool rank0) {
  onnx::TensorProto t;
  t.set_data_type(onnx::TensorProto::INT64);
  if (!rank0) t.add_dims(static_cast<int64_t>(values.size()));
  for (int64_t v : values) t.add_int64_data(v);
  return t;
}

onnx::TensorProto literal_tensor(const Literal& literal, DType dtype) {
  if (literal.is<int64_t>() && dtype == DType::Int64)
    return int64_tensor({literal.as<int64_t>()}, true);
  double value = 0.0;
  if (literal.is<bool>()) value = literal.as<bool>() ? 1.0 : 0.0;
  if (literal.is<int64_t>()) value = static_cast<double>(literal.as<int64_t>());
  if (literal.is<double>()) value = literal.as<double>();
  return scalar_tensor(dtype, value);
}

namespace {
onnx::AttributeProto& add(onnx::NodeProto& node, std::string_view name,
                          onnx::AttributeProto_AttributeType type) {
  onnx::AttributeProto* a = node.add_attribute();
  a->set_name(std::string(name));
  a->set_type(type);
  return *a;
}
}  // namespace

void set_attr(onnx::NodeProto& node, std::string_view name, int64_t value) {
  add(node, name, onnx::AttributeProto::INT).set_i(value);
}
void set_attr(onnx::NodeProto& node, std::string_view name, float value) {
  add(node, name, onnx::AttributeProto::FLOAT).set_f(value);
}
void set_attr(onnx::NodeProto& node, std::string_view name, const std::string& value) {
  add(node, name, onnx::AttributeProto::STRING).set_s(value);
}
void set_attr(onnx::NodeProto& node, std::string_view name, const std::vector<int64_t>& values) {
  onnx::AttributeProto& a = add(node, name, onnx::AttributeProto::INTS);
  for (int64_t v : values) a.add_ints(v);
}
void set_attr(onnx::NodeProto& node, std::string_view name, const onnx::TensorProto& value) {
  *add(node, name, onnx::AttributeProto::TENSOR).mutable_t() = value;
}
void set_attr(onnx::NodeProto& node, std::string_view name, onnx::GraphProto value) {
  *add(node, name, onnx::AttributeProto::GRAPH).mutable_g() = std::move(value);
}

}  // namespace pygraft::onnx_export
